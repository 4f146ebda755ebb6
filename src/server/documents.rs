//! Open documents: their text, version and the state of their check.
//!
//! The map lives in [`ServerState`](super::state::ServerState). Handlers apply
//! `didOpen` / `didChange` / `didClose` to it synchronously, before their first `.await`,
//! because tower-lsp-server runs up to four handlers at once: applied later, two edits
//! could land out of order.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use line_index::LineIndex;
use tower_lsp_server::ls_types::{TextDocumentContentChangeEvent, Uri};

use super::convert::{LineMap, PositionEncoding, uri_to_path};
use crate::engine::{CheckMemo, Report};

/// A document the client has open.
#[derive(Debug)]
pub struct OpenDocument {
    /// Tells this opening apart from an earlier one of the same URI (close, then reopen).
    pub open_id: u64,
    pub path: PathBuf,
    pub text: Arc<String>,
    pub lines: Arc<LineIndex>,
    pub version: i32,
    /// Counts the changes applied since the document was opened. Results are matched to
    /// the text by revision, not by the client's version: a client may send a version that
    /// goes backwards (a bug, but not the writer's), and a result for an older text must
    /// still never be taken for the current one.
    pub revision: u64,
    /// A background check loop is running for this document.
    pub check_running: bool,
    /// The text or the engine changed while the loop was checking: check again.
    pub recheck: bool,
    /// The latest check result, for whatever version it was made.
    pub checked: Option<Arc<CheckedDocument>>,
    /// What the checks of this document keep for the next one (its paragraphs' analyses).
    /// Checks of one document run one at a time; the lock only makes that safe to share.
    pub memo: Arc<Mutex<CheckMemo>>,
}

/// What a check needs of a document, cheap to clone and to send to a worker thread.
#[derive(Clone, Debug)]
pub struct DocumentSnapshot {
    pub open_id: u64,
    pub path: PathBuf,
    pub text: Arc<String>,
    pub lines: Arc<LineIndex>,
    pub version: i32,
    pub revision: u64,
    pub memo: Arc<Mutex<CheckMemo>>,
}

/// A check result and the exact text it was made on (so positions convert against it).
#[derive(Debug)]
pub struct CheckedDocument {
    pub version: i32,
    /// The opening and the revision of the text it was made on (see [`OpenDocument::revision`]).
    pub open_id: u64,
    pub revision: u64,
    /// The engine generation it was checked with.
    pub generation: u64,
    pub text: Arc<String>,
    pub lines: Arc<LineIndex>,
    pub report: Report,
}

impl CheckedDocument {
    pub fn line_map(&self, encoding: PositionEncoding) -> LineMap<'_> {
        LineMap::new(&self.text, &self.lines, encoding)
    }
}

impl OpenDocument {
    pub fn new(open_id: u64, uri: &Uri, text: String, version: i32) -> OpenDocument {
        let lines = Arc::new(super::convert::line_index(&text));
        OpenDocument {
            open_id,
            path: document_path(uri),
            text: Arc::new(text),
            lines,
            version,
            revision: 0,
            check_running: false,
            recheck: false,
            checked: None,
            memo: Arc::default(),
        }
    }

    pub fn snapshot(&self) -> DocumentSnapshot {
        DocumentSnapshot {
            open_id: self.open_id,
            path: self.path.clone(),
            text: self.text.clone(),
            lines: self.lines.clone(),
            version: self.version,
            revision: self.revision,
            memo: self.memo.clone(),
        }
    }

    /// The latest result when it is for the current text and the given engine generation.
    pub fn fresh_result(&self, generation: u64) -> Option<Arc<CheckedDocument>> {
        self.checked
            .as_ref()
            .filter(|checked| checked.open_id == self.open_id && checked.revision == self.revision && checked.generation == generation)
            .cloned()
    }

    /// Applies `didChange` content changes in order: a change without a range replaces the
    /// whole text; a ranged change is converted against the text as the previous change left it
    /// (positions past the end of a line or of the text are clamped, see [`LineMap::offset`]).
    /// The client's version is taken as given, even when it does not go up (the caller logs
    /// that): the text is the client's, and the revision keeps results apart.
    pub fn apply_changes(&mut self, changes: Vec<TextDocumentContentChangeEvent>, version: i32, encoding: PositionEncoding) {
        let mut text = String::clone(&self.text);
        let mut lines = super::convert::line_index(&text);
        for change in changes {
            match change.range {
                None => text = change.text,
                Some(range) => {
                    let bytes = LineMap::new(&text, &lines, encoding).byte_range(range);
                    text.replace_range(bytes, &change.text);
                }
            }
            lines = super::convert::line_index(&text);
        }
        self.text = Arc::new(text);
        self.lines = Arc::new(lines);
        self.version = version;
        self.revision += 1;
    }
}

/// The path a draft is checked under: its file path, else the URI text (an unsaved buffer).
fn document_path(uri: &Uri) -> PathBuf {
    uri_to_path(uri).unwrap_or_else(|| PathBuf::from(uri.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;
    use tower_lsp_server::ls_types::{Position, Range};

    fn change(range: Option<((u32, u32), (u32, u32))>, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: range.map(|(start, end)| Range::new(Position::new(start.0, start.1), Position::new(end.0, end.1))),
            range_length: None,
            text: text.to_string(),
        }
    }

    #[test]
    fn incremental_changes_apply_in_order_in_utf16() {
        let uri = Uri::from_str("file:///tmp/draft.md").unwrap();
        let mut document = OpenDocument::new(1, &uri, "박민서 😀 met on Mar. 14.\r\nNext line.\r\n".to_string(), 1);
        // "박민서 😀 met on " is 3 + 1 + 2 + 8 = 14 UTF-16 units; "14" is at 19..21.
        document.apply_changes(
            vec![change(Some(((0, 19), (0, 21))), "13"), change(Some(((1, 0), (1, 4))), "Last")],
            2,
            PositionEncoding::Utf16,
        );
        assert_eq!(document.text.as_str(), "박민서 😀 met on Mar. 13.\r\nLast line.\r\n");
        assert_eq!(document.version, 2);
        document.apply_changes(vec![change(None, "whole")], 3, PositionEncoding::Utf16);
        assert_eq!(document.text.as_str(), "whole");
        assert_eq!(document.path, PathBuf::from("/tmp/draft.md"));
    }
}
