//! The wire under the protocol: `Content-Length` frames from the client, checked before
//! tower-lsp-server sees them.
//!
//! tower-lsp-server stops reading after the first message it cannot decode (JSON that does
//! not parse, a body that is not a JSON-RPC message, invalid UTF-8, a `Content-Length` that
//! is not a number, a `Content-Type` that is not UTF-8): one bad frame and the server is
//! gone, and the writer's squiggles with it. So every frame is decoded here first
//! ([`MessageDecoder`]): a good message is passed on re-encoded (a canonical header and
//! body, which tower-lsp-server always decodes); a bad one is logged and answered here with
//! a JSON-RPC error (`-32700` parse error, `-32600` invalid request; the request's `id` when
//! one can be read, else `null`, as JSON-RPC 2.0 says), and reading goes on at the next frame.
//!
//! Framing recovers as well as it can: garbage between frames is skipped up to the next
//! `Content-Length` header; a body that does not parse and holds the start of the next
//! header (a `Content-Length` that was too large) is cut there, so the next message is not
//! lost; a message larger than [`MAX_MESSAGE_BYTES`] is skipped without being buffered.
//!
//! The decoder is plain synchronous code (bytes in, messages out), so that it can be fuzzed
//! (`fuzz/fuzz_targets/message_decoder.rs`) and property-tested without a runtime.

use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::sync::mpsc;
use tower_lsp_server::jsonrpc::{Request, Response};
use tower_lsp_server::ls_types::{
    DidChangeConfigurationParams, DidChangeTextDocumentParams, DidChangeWatchedFilesParams, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, DidSaveTextDocumentParams,
};
use tracing::{debug, warn};

/// The largest message accepted (a 10 MB draft is 10 MB of JSON string, a little more
/// with escapes). Larger ones are skipped with an error.
pub const MAX_MESSAGE_BYTES: usize = 128 << 20;

/// How far a header is looked for before the bytes are taken for garbage.
const MAX_HEADER_BYTES: usize = 8 * 1024;

/// JSON-RPC 2.0: invalid JSON was received.
pub const PARSE_ERROR: i64 = -32700;
/// JSON-RPC 2.0: the JSON sent is not a valid request object.
pub const INVALID_REQUEST: i64 = -32600;

const HEADER_NAME: &[u8] = b"Content-Length";

/// What the decoder made of the next bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decoded {
    /// A JSON-RPC message, re-encoded as one frame (header and body) for tower-lsp-server.
    Message(Vec<u8>),
    /// Bytes that were no message: the error to answer with and what was wrong.
    Invalid { code: i64, id: Value, reason: String },
}

impl Decoded {
    /// The error response to an invalid message, as one frame; `None` for a message.
    pub fn error_frame(&self) -> Option<Vec<u8>> {
        match self {
            Decoded::Message(_) => None,
            Decoded::Invalid { code, id, reason } => {
                let body = json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": reason}}).to_string();
                Some(frame(body.as_bytes()))
            }
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Looking for a header.
    Header,
    /// A header said this many body bytes follow.
    Body(usize),
    /// Dropping this many bytes of a message too large to keep.
    Discard(usize),
}

/// Splits a byte stream into JSON-RPC messages, never failing: see the module docs.
#[derive(Debug)]
pub struct MessageDecoder {
    buffer: Vec<u8>,
    /// Bytes before `start` are consumed.
    start: usize,
    state: State,
    /// Garbage is being skipped and has been reported once already.
    in_garbage: bool,
}

impl Default for MessageDecoder {
    fn default() -> MessageDecoder {
        MessageDecoder { buffer: Vec::new(), start: 0, state: State::Header, in_garbage: false }
    }
}

impl MessageDecoder {
    pub fn new() -> MessageDecoder {
        MessageDecoder::default()
    }

    /// Adds bytes read from the client.
    pub fn push(&mut self, bytes: &[u8]) {
        if self.start > 0 && self.start >= self.buffer.len() / 2 {
            self.buffer.drain(..self.start);
            self.start = 0;
        }
        self.buffer.extend_from_slice(bytes);
    }

    /// Bytes received and not yet consumed.
    pub fn buffered(&self) -> usize {
        self.buffer.len() - self.start
    }

    /// The next message or error, `None` when more bytes are needed.
    pub fn next_message(&mut self) -> Option<Decoded> {
        loop {
            let available = self.buffer.len() - self.start;
            match self.state {
                State::Discard(remaining) => {
                    let dropped = remaining.min(available);
                    self.start += dropped;
                    if dropped < remaining {
                        self.state = State::Discard(remaining - dropped);
                        return None;
                    }
                    self.state = State::Header;
                }
                State::Header => {
                    // Line breaks between frames are tolerated.
                    while self.start < self.buffer.len() && matches!(self.buffer[self.start], b'\r' | b'\n') {
                        self.start += 1;
                    }
                    let rest = &self.buffer[self.start..];
                    if rest.is_empty() {
                        return None;
                    }
                    let window = &rest[..rest.len().min(MAX_HEADER_BYTES)];
                    match find(window, b"\r\n\r\n") {
                        Some(end) => match parse_header(&window[..end]) {
                            Ok(length) => {
                                self.start += end + 4;
                                self.in_garbage = false;
                                if length > MAX_MESSAGE_BYTES {
                                    self.state = State::Discard(length);
                                    return Some(invalid(
                                        INVALID_REQUEST,
                                        Value::Null,
                                        format!("message of {length} bytes is larger than the {MAX_MESSAGE_BYTES} byte limit; skipped"),
                                    ));
                                }
                                self.state = State::Body(length);
                            }
                            Err(reason) => {
                                if let Some(error) = self.skip_garbage(end + 4, &reason) {
                                    return Some(error);
                                }
                            }
                        },
                        None if rest.len() >= MAX_HEADER_BYTES => {
                            // Keep a tail that may hold the start of a header cut by the read.
                            let skip = rest.len() - (HEADER_NAME.len() - 1);
                            if let Some(error) = self.skip_garbage(skip, "no header end (\\r\\n\\r\\n) within 8 KiB") {
                                return Some(error);
                            }
                        }
                        None => return None,
                    }
                }
                State::Body(length) => {
                    if available < length {
                        return None;
                    }
                    let decoded = decode_body(&self.buffer[self.start..self.start + length]);
                    let consumed = match &decoded {
                        Decoded::Message(_) => length,
                        // A body that does not parse and holds the start of a header: the
                        // length was too large and swallowed part of the next frame. Resume
                        // there; and keep the body's last bytes, which may start a header
                        // whose rest has not arrived yet. What follows is then garbage
                        // already answered for.
                        Decoded::Invalid { .. } => {
                            self.in_garbage = true;
                            // At 0 too: a length of zero or too small can leave the body
                            // starting on the next header; the header state then makes progress.
                            match find(&self.buffer[self.start..], HEADER_NAME) {
                                Some(at) if at < length => at,
                                _ => length.saturating_sub(HEADER_NAME.len() - 1).max(1.min(length)),
                            }
                        }
                    };
                    self.start += consumed;
                    self.state = State::Header;
                    return Some(decoded);
                }
            }
        }
    }

    /// Skips bytes that are no header: up to the next `Content-Length` after the current
    /// position, else `fallback` bytes. Reports the first skip of a run of garbage.
    fn skip_garbage(&mut self, fallback: usize, reason: &str) -> Option<Decoded> {
        let rest = &self.buffer[self.start..];
        let skip = find(&rest[1.min(rest.len())..], HEADER_NAME).map_or(fallback, |at| at + 1).max(1);
        self.start += skip.min(rest.len());
        if self.in_garbage {
            return None;
        }
        self.in_garbage = true;
        Some(invalid(PARSE_ERROR, Value::Null, format!("bad frame header: {reason}; skipped {skip} bytes")))
    }
}

fn invalid(code: i64, id: Value, reason: String) -> Decoded {
    Decoded::Invalid { code, id, reason }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    haystack.windows(needle.len()).position(|window| window == needle)
}

/// The body length a header block announces. Other headers (`Content-Type`) are ignored:
/// the body is read as UTF-8 JSON whatever they say.
fn parse_header(block: &[u8]) -> Result<usize, String> {
    let text = std::str::from_utf8(block).map_err(|_| "header is not UTF-8".to_string())?;
    let mut length = None;
    for line in text.split("\r\n") {
        let Some((name, value)) = line.split_once(':') else {
            return Err(format!("header line without a colon: {:?}", shorten(line)));
        };
        if name.trim().eq_ignore_ascii_case("content-length") {
            let value = value.trim();
            let parsed: usize = value
                .parse()
                .ok()
                .filter(|_| value.bytes().all(|b| b.is_ascii_digit()))
                .ok_or_else(|| format!("Content-Length is not a number: {:?}", shorten(value)))?;
            if length.is_some_and(|previous| previous != parsed) {
                return Err("two different Content-Length headers".to_string());
            }
            length = Some(parsed);
        }
    }
    length.ok_or_else(|| "no Content-Length header".to_string())
}

fn shorten(text: &str) -> String {
    text.chars().take(40).collect()
}

/// One frame's body as a canonical message, or the error it deserves.
fn decode_body(body: &[u8]) -> Decoded {
    if let Ok(response) = serde_json::from_slice::<Response>(body) {
        return encode(&response);
    }
    if let Ok(request) = serde_json::from_slice::<Request>(body) {
        if let Some(reason) = ignored_reason(&request) {
            warn!(method = request.method(), "the server will ignore this message: {reason}");
        }
        return encode(&request);
    }
    match serde_json::from_slice::<Value>(body) {
        Err(error) => invalid(PARSE_ERROR, Value::Null, format!("the message is not JSON ({error})")),
        Ok(value) => {
            let id = value.get("id").filter(|id| id.is_i64() || id.is_string()).cloned().unwrap_or(Value::Null);
            invalid(INVALID_REQUEST, id, "the message is not a JSON-RPC 2.0 request, notification or response".to_string())
        }
    }
}

/// Why tower-lsp-server will drop a message without a word (it answers a bad *request*
/// with an error, but drops a notification it does not know or whose params do not fit, and
/// a request method sent without an id): said here so that the log shows it.
fn ignored_reason(request: &Request) -> Option<String> {
    fn misfit<P: serde::de::DeserializeOwned>(params: Option<&Value>) -> Option<String> {
        let params = params.cloned().unwrap_or(Value::Null);
        serde_json::from_value::<P>(params).err().map(|error| format!("its params do not fit ({error})"))
    }
    let method = request.method();
    let params = request.params();
    if request.id().is_some() {
        return None;
    }
    match method {
        "textDocument/didOpen" => misfit::<DidOpenTextDocumentParams>(params),
        "textDocument/didChange" => misfit::<DidChangeTextDocumentParams>(params),
        "textDocument/didClose" => misfit::<DidCloseTextDocumentParams>(params),
        "textDocument/didSave" => misfit::<DidSaveTextDocumentParams>(params),
        "workspace/didChangeConfiguration" => misfit::<DidChangeConfigurationParams>(params),
        "workspace/didChangeWatchedFiles" => misfit::<DidChangeWatchedFilesParams>(params),
        "initialized"
        | "exit"
        | "textDocument/willSave"
        | "workspace/didChangeWorkspaceFolders"
        | "workspace/didCreateFiles"
        | "workspace/didRenameFiles"
        | "workspace/didDeleteFiles"
        | "window/workDoneProgress/cancel" => None,
        _ if method.starts_with("$/") || method.starts_with("notebookDocument/") => None,
        "initialize"
        | "shutdown"
        | "textDocument/hover"
        | "textDocument/definition"
        | "textDocument/codeAction"
        | "textDocument/diagnostic"
        | "workspace/executeCommand" => Some("a request sent without an id gets no answer".to_string()),
        _ => Some("not a notification the server knows".to_string()),
    }
}

fn encode<T: serde::Serialize>(message: &T) -> Decoded {
    match serde_json::to_vec(message) {
        Ok(body) => Decoded::Message(frame(&body)),
        Err(error) => invalid(PARSE_ERROR, Value::Null, format!("the message cannot be re-encoded ({error})")),
    }
}

/// `Content-Length: n\r\n\r\n` and the body.
pub fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

/// What goes to the client, in order.
#[derive(Debug)]
pub enum Outgoing {
    /// One whole frame: a server message, or the error answering a bad client message.
    Frame(Vec<u8>),
    /// The server's output ended.
    End,
}

/// Reads the client's bytes, passes good messages to the server and answers bad ones
/// through `outgoing`. Returns when the client closes its end (or the server stops reading).
pub async fn pump_input<I, S>(mut input: I, mut to_server: S, outgoing: mpsc::UnboundedSender<Outgoing>)
where
    I: AsyncRead + Unpin,
    S: AsyncWrite + Unpin,
{
    let mut decoder = MessageDecoder::new();
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        let read = match input.read(&mut chunk).await {
            Ok(0) => break,
            Ok(read) => read,
            Err(error) => {
                warn!("reading from the client failed: {error}");
                break;
            }
        };
        decoder.push(&chunk[..read]);
        while let Some(decoded) = decoder.next_message() {
            if let Decoded::Invalid { code, reason, .. } = &decoded {
                warn!(code, "ignored a malformed message from the client: {reason}");
            }
            match (decoded.error_frame(), decoded) {
                (Some(error), _) => {
                    let _ = outgoing.send(Outgoing::Frame(error));
                }
                (None, Decoded::Message(frame)) => {
                    if let Err(error) = to_server.write_all(&frame).await {
                        debug!("the server stopped reading: {error}");
                        return;
                    }
                }
                (None, Decoded::Invalid { .. }) => {}
            }
        }
    }
    if decoder.buffered() > 0 {
        warn!(bytes = decoder.buffered(), "the client closed the connection in the middle of a message");
    }
    let _ = to_server.shutdown().await;
}

/// Reads the server's frames (tower-lsp-server writes them well formed) into `outgoing`,
/// then [`Outgoing::End`].
pub async fn pump_server_output<R: AsyncRead + Unpin>(from_server: R, outgoing: mpsc::UnboundedSender<Outgoing>) {
    let mut reader = BufReader::new(from_server);
    while let Some(frame) = read_frame(&mut reader).await {
        if outgoing.send(Outgoing::Frame(frame)).is_err() {
            return;
        }
    }
    let _ = outgoing.send(Outgoing::End);
}

/// Writes whole frames to the client until the server's output ended. Frames never
/// interleave: each is one `write_all`.
pub async fn pump_output<O: AsyncWrite + Unpin>(mut output: O, mut outgoing: mpsc::UnboundedReceiver<Outgoing>) {
    while let Some(Outgoing::Frame(frame)) = outgoing.recv().await {
        if output.write_all(&frame).await.is_err() || output.flush().await.is_err() {
            return;
        }
    }
    // Errors decoded just before the end still get their answer.
    while let Ok(Outgoing::Frame(frame)) = outgoing.try_recv() {
        if output.write_all(&frame).await.is_err() {
            break;
        }
    }
    let _ = output.flush().await;
}

/// One frame as tower-lsp-server wrote it: header and body. `None` at the end of the stream.
async fn read_frame<R: AsyncRead + Unpin>(reader: &mut BufReader<R>) -> Option<Vec<u8>> {
    let mut header = Vec::new();
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).await.ok()? == 0 {
            return None;
        }
        header.extend_from_slice(line.as_bytes());
        let trimmed = line.trim_end();
        if trimmed.is_empty() {
            break;
        }
        if let Some((name, value)) = trimmed.split_once(':')
            && name.trim().eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse::<usize>().ok();
        }
    }
    let mut body = vec![0u8; length?];
    reader.read_exact(&mut body).await.ok()?;
    header.extend_from_slice(&body);
    Some(header)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_all(bytes: &[u8]) -> Vec<Decoded> {
        let mut decoder = MessageDecoder::new();
        decoder.push(bytes);
        std::iter::from_fn(|| decoder.next_message()).collect()
    }

    fn body(decoded: &Decoded) -> Value {
        match decoded {
            Decoded::Message(frame) => {
                let at = find(frame, b"\r\n\r\n").unwrap() + 4;
                serde_json::from_slice(&frame[at..]).unwrap()
            }
            Decoded::Invalid { .. } => panic!("not a message: {decoded:?}"),
        }
    }

    const SHUTDOWN: &str = r#"{"jsonrpc":"2.0","id":9,"method":"shutdown"}"#;

    #[test]
    fn good_messages_pass_in_order_whatever_the_chunks() {
        let stream = [frame(br#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#), frame(SHUTDOWN.as_bytes())].concat();
        for split in 0..stream.len() {
            let mut decoder = MessageDecoder::new();
            let mut out = Vec::new();
            decoder.push(&stream[..split]);
            out.extend(std::iter::from_fn(|| decoder.next_message()));
            decoder.push(&stream[split..]);
            out.extend(std::iter::from_fn(|| decoder.next_message()));
            assert_eq!(out.len(), 2, "split at {split}: {out:?}");
            assert_eq!(body(&out[0])["method"], "initialize");
            assert_eq!(body(&out[1])["id"], 9);
        }
    }

    #[test]
    fn bad_bodies_get_errors_and_the_next_message_still_passes() {
        let cases: Vec<(Vec<u8>, i64, Value)> = vec![
            (frame(b"{not json"), PARSE_ERROR, Value::Null),
            (frame(b"\xff\xfe{}"), PARSE_ERROR, Value::Null),
            (frame(b"[1, 2]"), INVALID_REQUEST, Value::Null),
            (frame(br#"{"jsonrpc":"2.0","id":7,"method":5}"#), INVALID_REQUEST, json!(7)),
            (frame(br#"{"jsonrpc":"1.0","id":"a","method":"x"}"#), INVALID_REQUEST, json!("a")),
            (b"Content-Length: ten\r\n\r\n{}".to_vec(), PARSE_ERROR, Value::Null),
            (b"Content-Type: application/json\r\n\r\n{}".to_vec(), PARSE_ERROR, Value::Null),
            (b"garbage without any header at all\r\n\r\n".to_vec(), PARSE_ERROR, Value::Null),
        ];
        for (bad, code, id) in cases {
            let stream = [bad.clone(), frame(SHUTDOWN.as_bytes())].concat();
            let out = decode_all(&stream);
            assert!(
                matches!(&out[0], Decoded::Invalid { code: c, id: i, .. } if *c == code && *i == id),
                "{:?}: {out:?}",
                String::from_utf8_lossy(&bad)
            );
            assert_eq!(body(out.last().unwrap())["id"], 9, "{:?}: {out:?}", String::from_utf8_lossy(&bad));
        }
    }

    #[test]
    fn a_content_length_too_large_loses_no_following_message() {
        let good = br#"{"jsonrpc":"2.0","id":1,"method":"x"}"#;
        let mut stream = format!("Content-Length: {}\r\n\r\n", good.len() + 10).into_bytes();
        stream.extend_from_slice(good);
        stream.extend_from_slice(&frame(SHUTDOWN.as_bytes()));
        let out = decode_all(&stream);
        assert!(matches!(out[0], Decoded::Invalid { code: PARSE_ERROR, .. }), "{out:?}");
        assert_eq!(body(&out[1])["id"], 9, "{out:?}");
    }

    #[test]
    fn a_content_length_too_small_costs_one_error() {
        let good = br#"{"jsonrpc":"2.0","id":1,"method":"x"}"#;
        let mut stream = format!("Content-Length: {}\r\n\r\n", good.len() - 5).into_bytes();
        stream.extend_from_slice(good);
        stream.extend_from_slice(&frame(SHUTDOWN.as_bytes()));
        let out = decode_all(&stream);
        let errors = out.iter().filter(|d| matches!(d, Decoded::Invalid { .. })).count();
        assert_eq!(errors, 1, "the cut body; the rest is skipped as part of it: {out:?}");
        assert_eq!(body(out.last().unwrap())["id"], 9, "{out:?}");
    }

    #[test]
    fn a_huge_message_is_skipped_without_being_kept() {
        let mut decoder = MessageDecoder::new();
        decoder.push(format!("Content-Length: {}\r\n\r\n", MAX_MESSAGE_BYTES + 1).as_bytes());
        assert!(matches!(decoder.next_message(), Some(Decoded::Invalid { .. })));
        let chunk = vec![b'x'; 1 << 20];
        for _ in 0..MAX_MESSAGE_BYTES >> 20 {
            decoder.push(&chunk);
            assert_eq!(decoder.next_message(), None);
            assert!(decoder.buffered() <= 1 << 20);
        }
        decoder.push(b"x");
        decoder.push(&frame(SHUTDOWN.as_bytes()));
        let out: Vec<_> = std::iter::from_fn(|| decoder.next_message()).collect();
        assert_eq!(body(out.last().unwrap())["id"], 9, "{out:?}");
    }

    #[test]
    fn endless_garbage_is_reported_once_and_kept_small() {
        let mut decoder = MessageDecoder::new();
        let mut errors = 0;
        for _ in 0..100 {
            decoder.push(&[b'z'; 4096]);
            errors += std::iter::from_fn(|| decoder.next_message()).count();
            assert!(decoder.buffered() < MAX_HEADER_BYTES + 4096);
        }
        assert_eq!(errors, 1);
        decoder.push(&frame(SHUTDOWN.as_bytes()));
        let out: Vec<_> = std::iter::from_fn(|| decoder.next_message()).collect();
        assert_eq!(body(out.last().unwrap())["id"], 9, "{out:?}");
    }

    #[test]
    fn notifications_the_server_would_drop_silently_are_named() {
        let request = |text: &str| serde_json::from_str::<Request>(text).unwrap();
        assert_eq!(
            ignored_reason(&request(
                r#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a.md","languageId":"markdown","version":1,"text":""}}}"#
            )),
            None
        );
        assert!(
            ignored_reason(&request(r#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":42}}"#))
                .unwrap()
                .contains("params")
        );
        assert!(ignored_reason(&request(r#"{"jsonrpc":"2.0","method":"factline/whatever"}"#)).unwrap().contains("not a notification"));
        assert!(ignored_reason(&request(r#"{"jsonrpc":"2.0","method":"shutdown"}"#)).unwrap().contains("without an id"));
        assert_eq!(ignored_reason(&request(r#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":1}}"#)), None);
        assert_eq!(ignored_reason(&request(r#"{"jsonrpc":"2.0","id":1,"method":"factline/whatever"}"#)), None, "answered with -32601");
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config { cases: 2_000, failure_persistence: None, ..Default::default() })]

        /// Any bytes in any chunks: no panic, a bounded buffer, and every message passed on
        /// decodes again to itself.
        #[test]
        fn any_bytes_in_any_chunks(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..600), chunk in 1usize..64) {
            let mut decoder = MessageDecoder::new();
            for piece in bytes.chunks(chunk) {
                decoder.push(piece);
                while let Some(decoded) = decoder.next_message() {
                    if let Decoded::Message(frame) = &decoded {
                        let again = decode_all(frame);
                        proptest::prop_assert_eq!(&again, &vec![decoded.clone()]);
                    }
                }
                proptest::prop_assert!(decoder.buffered() <= bytes.len());
            }
        }

        /// Garbage before a good frame (anything without a `Content-Length` header name in
        /// it) costs at most one error, and the good message passes.
        #[test]
        fn a_good_frame_after_garbage_passes(
            garbage in proptest::collection::vec(proptest::prop_oneof![
                proptest::prelude::any::<u8>(),
                proptest::sample::select(b"\r\n:{}\"0123456789".to_vec()),
            ], 0..300),
            header in proptest::sample::select(vec!["", "content-length: 3\r\n", "content-length: 0\r\n\r\n", "X: y\r\n", "Content-Type: a\r\n\r\n"]),
        ) {
            let mut stream = garbage.clone();
            stream.extend_from_slice(header.as_bytes());
            proptest::prop_assume!(find(&stream, HEADER_NAME).is_none());
            stream.extend_from_slice(&frame(SHUTDOWN.as_bytes()));
            let out = decode_all(&stream);
            let errors = out.iter().filter(|decoded| matches!(decoded, Decoded::Invalid { .. })).count();
            proptest::prop_assert!(errors <= 2, "{:?}", out);
            proptest::prop_assert!(matches!(out.last(), Some(Decoded::Message(_))), "{:?}", out);
            proptest::prop_assert_eq!(&body(out.last().unwrap())["id"], &json!(9));
        }
    }

    #[test]
    fn error_frames_are_json_rpc_errors() {
        let frame = invalid(PARSE_ERROR, Value::Null, "x".into()).error_frame().unwrap();
        let at = find(&frame, b"\r\n\r\n").unwrap() + 4;
        let value: Value = serde_json::from_slice(&frame[at..]).unwrap();
        assert_eq!(value, json!({"jsonrpc": "2.0", "id": null, "error": {"code": -32700, "message": "x"}}));
    }
}
