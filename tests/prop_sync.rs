//! Incremental sync, model-tested: random edit sequences (inserts, deletes, replacements
//! across lines, surrogate pairs, CRLF, whole-text replacements, several changes in one
//! `didChange`) applied through the server's change handling
//! ([`OpenDocument::apply_changes`], what `textDocument/didChange` calls) give the text that
//! applying them to a plain `String` gives. Positions are computed here independently of the
//! server, in UTF-16 code units and in UTF-8 bytes. 100,000 sequences per encoding.
//!
//! A second property sends positions no client should send (past the end of a line or of
//! the document, inside a surrogate pair or a CRLF, ranges backwards) and checks the
//! clamping the server documents (`src/server/convert.rs`) against a model of it.

use std::str::FromStr;

use factline::server::convert::PositionEncoding;
use factline::server::documents::OpenDocument;
use proptest::prelude::*;
use proptest::test_runner::{Config as ProptestConfig, TestCaseError};
use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent, Uri};

/// Texts that documents start with and edits insert.
const PIECES: &[&str] = &[
    "",
    "a",
    "word ",
    "\n",
    "\r\n",
    "\r\n\r\n",
    "😀",
    "𝄞",
    "👩‍👧",
    "é",
    "e\u{301}",
    "中文",
    "최선희",
    "مرحبا",
    "\t",
    "Oct. 28",
    "\u{feff}",
    "\0",
];

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(PIECES), 0..12).prop_map(|pieces| pieces.concat())
}

/// An edit, abstract until applied: where it starts and ends are picked among the valid
/// positions of the text as the previous edits left it.
#[derive(Clone, Debug)]
enum Edit {
    Ranged { start: usize, end: usize, text: String },
    Whole(String),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        12 => (any::<usize>(), any::<usize>(), text()).prop_map(|(start, end, text)| Edit::Ranged { start, end, text }),
        1 => text().prop_map(Edit::Whole),
    ]
}

/// `didChange` notifications, each with one to three content changes.
fn notifications() -> impl Strategy<Value = Vec<Vec<Edit>>> {
    proptest::collection::vec(proptest::collection::vec(edit(), 1..4), 1..4)
}

/// The byte offsets a client can name: char boundaries within a line's content (the line
/// without its `\n` and the `\r`s before it) and its end.
fn valid_offsets(text: &str) -> Vec<usize> {
    let mut offsets = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        let content = line.trim_end_matches('\r');
        offsets.extend(content.char_indices().map(|(index, _)| line_start + index));
        offsets.push(line_start + content.len());
        line_start += line.len() + 1;
    }
    offsets
}

/// The LSP position of a byte offset, counted here: line breaks before it, and UTF-16 code
/// units (or bytes) since the line's start.
fn position(text: &str, offset: usize, encoding: PositionEncoding) -> Position {
    let line_start = text[..offset].rfind('\n').map_or(0, |at| at + 1);
    let line = text[..offset].matches('\n').count();
    let prefix = &text[line_start..offset];
    let character = match encoding {
        PositionEncoding::Utf8 => prefix.len(),
        PositionEncoding::Utf16 => prefix.encode_utf16().count(),
    };
    Position::new(line as u32, character as u32)
}

/// The model of the server's clamping: a line past the end is the end of the text; a
/// column past the line's content is its end; a column inside a character is its start.
fn clamped_offset(text: &str, position: Position, encoding: PositionEncoding) -> usize {
    let mut line_start = 0;
    for (index, line) in text.split('\n').enumerate() {
        if index == position.line as usize {
            let content = line.trim_end_matches('\r');
            let mut units = 0u64;
            for (at, ch) in content.char_indices() {
                let width = match encoding {
                    PositionEncoding::Utf8 => ch.len_utf8(),
                    PositionEncoding::Utf16 => ch.len_utf16(),
                } as u64;
                if units + width > u64::from(position.character) {
                    return line_start + at;
                }
                units += width;
            }
            return line_start + content.len();
        }
        line_start += line.len() + 1;
    }
    text.len()
}

fn change(range: Option<Range>, text: &str) -> TextDocumentContentChangeEvent {
    TextDocumentContentChangeEvent { range, range_length: None, text: text.to_string() }
}

fn uri() -> Uri {
    Uri::from_str("file:///tmp/draft.md").expect("a file URI")
}

/// Applies the notifications to the model and to the server's document; compares after each.
fn run_sequence(initial: &str, notifications: &[Vec<Edit>], encoding: PositionEncoding) -> Result<(), TestCaseError> {
    let mut model = initial.to_string();
    let mut document = OpenDocument::new(1, &uri(), initial.to_string(), 1);
    for (number, edits) in notifications.iter().enumerate() {
        let mut changes = Vec::new();
        for edit in edits {
            match edit {
                Edit::Whole(text) => {
                    changes.push(change(None, text));
                    model = text.clone();
                }
                Edit::Ranged { start, end, text } => {
                    let offsets = valid_offsets(&model);
                    let (a, b) = (offsets[start % offsets.len()], offsets[end % offsets.len()]);
                    let (start, end) = (a.min(b), a.max(b));
                    let range = Range::new(position(&model, start, encoding), position(&model, end, encoding));
                    changes.push(change(Some(range), text));
                    model.replace_range(start..end, text);
                }
            }
        }
        document.apply_changes(changes, number as i32 + 2, encoding);
        prop_assert_eq!(document.text.as_str(), model.as_str(), "after notification {} ({:?})", number, encoding);
    }
    prop_assert_eq!(document.lines.len(), line_index::LineIndex::new(&model).len(), "the line index follows the text");
    Ok(())
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config(100_000))]

    #[test]
    fn incremental_sync_matches_a_plain_string_in_utf16(initial in text(), notifications in notifications()) {
        run_sequence(&initial, &notifications, PositionEncoding::Utf16)?;
    }

    #[test]
    fn incremental_sync_matches_a_plain_string_in_utf8(initial in text(), notifications in notifications()) {
        run_sequence(&initial, &notifications, PositionEncoding::Utf8)?;
    }
}

proptest! {
    #![proptest_config(config(20_000))]

    /// Positions no client should send are clamped as documented, never a panic.
    #[test]
    fn wild_positions_clamp_as_documented(
        initial in text(),
        wild in proptest::collection::vec((0u32..8, any::<u32>(), 0u32..8, any::<u32>(), text(), any::<bool>()), 1..4),
    ) {
        for encoding in [PositionEncoding::Utf16, PositionEncoding::Utf8] {
            let mut model = initial.clone();
            let mut document = OpenDocument::new(1, &uri(), initial.clone(), 1);
            for (line_a, character_a, line_b, character_b, text, small) in &wild {
                // Small columns land inside lines (and inside surrogate pairs); any u32 past them.
                let (character_a, character_b) = if *small { (character_a % 12, character_b % 12) } else { (*character_a, *character_b) };
                let (a, b) = (Position::new(*line_a, character_a), Position::new(*line_b, character_b));
                let (start, end) = (clamped_offset(&model, a, encoding), clamped_offset(&model, b, encoding));
                model.replace_range(start.min(end)..start.max(end), text);
                document.apply_changes(vec![change(Some(Range::new(a, b)), text)], 2, encoding);
                prop_assert_eq!(document.text.as_str(), model.as_str(), "{:?}", encoding);
            }
        }
    }
}

/// The model itself, on cases worked by hand, so that a wrong model cannot pass for a
/// right server.
#[test]
fn the_model_counts_as_the_protocol_does() {
    let text = "a😀b\r\n최\n";
    assert_eq!(position(text, 5, PositionEncoding::Utf16), Position::new(0, 3));
    assert_eq!(position(text, 5, PositionEncoding::Utf8), Position::new(0, 5));
    assert_eq!(position(text, 11, PositionEncoding::Utf16), Position::new(1, 1));
    assert_eq!(valid_offsets(text), vec![0, 1, 5, 6, 8, 11, 12]);
    assert_eq!(clamped_offset(text, Position::new(0, 2), PositionEncoding::Utf16), 1, "inside the surrogate pair");
    assert_eq!(clamped_offset(text, Position::new(0, 99), PositionEncoding::Utf16), 6, "before the CRLF");
    assert_eq!(clamped_offset(text, Position::new(7, 0), PositionEncoding::Utf16), text.len());
}
