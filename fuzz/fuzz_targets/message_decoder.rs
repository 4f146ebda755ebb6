//! Fuzzes the server's frame decoder (`src/server/transport.rs`): any bytes, fed in chunks
//! whose sizes the input also chooses. It must never panic, keep its buffer bounded, and
//! every message it passes on must decode again to itself (tower-lsp-server, behind it,
//! must never meet a frame it cannot decode).
#![no_main]

use factline::server::transport::{Decoded, MessageDecoder};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&chunk, bytes)) = data.split_first() else { return };
    let chunk = usize::from(chunk).max(1);
    let mut decoder = MessageDecoder::new();
    for piece in bytes.chunks(chunk) {
        decoder.push(piece);
        while let Some(decoded) = decoder.next_message() {
            match decoded {
                Decoded::Message(frame) => {
                    let mut again = MessageDecoder::new();
                    again.push(&frame);
                    assert_eq!(again.next_message(), Some(Decoded::Message(frame.clone())), "a passed frame decodes to itself");
                    assert_eq!(again.buffered(), 0);
                }
                invalid => assert!(invalid.error_frame().is_some()),
            }
        }
        assert!(decoder.buffered() <= bytes.len());
    }
});
