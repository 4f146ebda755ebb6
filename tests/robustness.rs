//! No input makes the engine panic, and findings always sit on character boundaries
//! inside the text. (Deterministic cases here; property tests live with the reliability work.)

mod common;

use std::path::Path;

fn hostile_texts() -> Vec<String> {
    let pieces = [
        "Choe met Putin on Oct. 28.",
        "최선희 외무상",
        "🙂🙃",
        "\u{202e}RTL\u{202c}",
        "e\u{301}",
        "\0",
        "\r",
        "\r\n",
        "Oct.",
        "Oct. 32",
        "Feb. 30, 2025",
        "9999999999999999999999 troops",
        "the previous day",
        "Tuesday, Oct. 31",
        "“",
        "\"",
        "Kim",
        "—",
        "---\n",
        "<!-- factline-ignore",
        "```",
        "[a](",
        "Minister",
        "Sergey Lavrov,",
        "twice",
        "75th",
        "•",
        "\u{feff}",
        "2025-13-45",
    ];
    let mut texts = Vec::new();
    let mut state: u64 = 0x5eed;
    for length in 0..400 {
        let mut text = String::new();
        for _ in 0..(length % 23) {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            text.push_str(pieces[(state >> 33) as usize % pieces.len()]);
            if state & 1 == 0 {
                text.push(' ');
            }
        }
        texts.push(text);
    }
    texts.push("a".repeat(20_000));
    texts.push("Oct. 27 ".repeat(2_000));
    texts.push("Choe Son-hui met Putin on Oct. 28. ".repeat(500));
    texts
}

#[test]
fn no_panic_and_ranges_on_char_boundaries() {
    let engine = common::engine("seed");
    for text in hostile_texts() {
        let first = engine.check(Path::new("draft.md"), &text);
        for finding in &first.findings {
            assert!(finding.range.start <= finding.range.end && finding.range.end <= text.len(), "{finding:?} in {text:?}");
            assert!(text.is_char_boundary(finding.range.start) && text.is_char_boundary(finding.range.end), "{finding:?} in {text:?}");
        }
        let second = engine.check(Path::new("draft.md"), &text);
        assert_eq!(first, second, "the same input gives the same findings");
    }
}
