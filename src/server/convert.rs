//! Positions and paths at the protocol edge: the one place that knows LSP columns.
//!
//! The core speaks byte offsets into UTF-8 text. An LSP client speaks `(line, character)`
//! where `character` counts UTF-16 code units, or UTF-8 bytes when both sides agreed on
//! `positionEncoding: "utf-8"` at initialisation. Every conversion goes through this module,
//! on top of rust-analyzer's `line-index` crate.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`, as the protocol counts them: build every
//! index with [`line_index`], which reads a lone `\r` as a line end (the `line-index` crate
//! alone knows only `\n`).
//!
//! Conversions never fail and never panic on client input: a position past the end of a
//! line is clamped to the end of the line (before `\r\n`), a line past the end of the text
//! to the end of the text, and a column inside a character (half a surrogate pair, the middle
//! of a multi-byte sequence) to the start of that character.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use line_index::{LineCol, LineIndex, TextSize, WideEncoding, WideLineCol};
use tower_lsp_server::ls_types::{Position, PositionEncodingKind, Range as LspRange, Uri};

/// The unit of the `character` field of an LSP position, as negotiated with the client.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PositionEncoding {
    /// Bytes of UTF-8: chosen whenever the client offers it.
    Utf8,
    /// UTF-16 code units: the protocol's default, which every client understands.
    #[default]
    Utf16,
}

impl PositionEncoding {
    /// Picks UTF-8 when the client lists it among its `general.positionEncodings`, else UTF-16.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> PositionEncoding {
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => PositionEncoding::Utf8,
            _ => PositionEncoding::Utf16,
        }
    }

    /// The value announced in the server capabilities.
    pub fn kind(self) -> PositionEncodingKind {
        match self {
            PositionEncoding::Utf8 => PositionEncodingKind::UTF8,
            PositionEncoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }
}

/// A text with its line index, ready to convert offsets both ways.
#[derive(Clone, Copy)]
pub struct LineMap<'a> {
    text: &'a str,
    index: &'a LineIndex,
    encoding: PositionEncoding,
}

impl<'a> LineMap<'a> {
    /// `index` must be `LineIndex::new(text)`.
    pub fn new(text: &'a str, index: &'a LineIndex, encoding: PositionEncoding) -> LineMap<'a> {
        LineMap { text, index, encoding }
    }

    /// The LSP position of a byte offset (clamped to the text, moved back to a char boundary).
    pub fn position(&self, offset: usize) -> Position {
        let offset = self.text.floor_char_boundary(offset);
        let Some(line_col) = self.index.try_line_col(text_size(offset)) else {
            return Position::new(0, 0);
        };
        let character = match self.encoding {
            PositionEncoding::Utf8 => line_col.col,
            PositionEncoding::Utf16 => self.index.to_wide(WideEncoding::Utf16, line_col).map_or(line_col.col, |wide| wide.col),
        };
        Position::new(line_col.line, character)
    }

    /// The LSP range of a byte range.
    pub fn range(&self, range: &Range<usize>) -> LspRange {
        LspRange::new(self.position(range.start), self.position(range.end.max(range.start)))
    }

    /// The byte offset of an LSP position, clamped as the module docs say.
    pub fn offset(&self, position: Position) -> usize {
        let Some(line) = self.index.line(position.line) else {
            return self.text.len();
        };
        let line_start = usize::from(line.start());
        let line_end = usize::from(line.end()).min(self.text.len());
        let content = self.text.get(line_start..line_end).unwrap_or("");
        let content_len = content.trim_end_matches('\n').trim_end_matches('\r').len();
        let column = match self.encoding {
            PositionEncoding::Utf8 => position.character,
            PositionEncoding::Utf16 => self
                .index
                .to_utf8(WideEncoding::Utf16, WideLineCol { line: position.line, col: position.character })
                .map_or(u32::MAX, |line_col: LineCol| line_col.col),
        };
        let column = usize::try_from(column).unwrap_or(usize::MAX).min(content_len);
        self.text.floor_char_boundary(line_start + column)
    }

    /// The byte range of an LSP range (start and end ordered).
    pub fn byte_range(&self, range: LspRange) -> Range<usize> {
        let start = self.offset(range.start);
        let end = self.offset(range.end);
        start.min(end)..start.max(end)
    }

    /// The byte range of the line holding `offset`, without its line break.
    pub fn line_content(&self, offset: usize) -> Range<usize> {
        let offset = self.text.floor_char_boundary(offset);
        let start = self.text[..offset].rfind(['\n', '\r']).map_or(0, |i| i + 1);
        let end = self.text[offset..].find(['\n', '\r']).map_or(self.text.len(), |i| offset + i);
        start..end.max(start)
    }
}

/// The line index of a text, every line end the protocol knows counted: `\n`, `\r\n`
/// and a lone `\r`. A lone `\r` is indexed as the `\n` it stands for (one byte for one,
/// so offsets and columns stay those of `text`).
pub fn line_index(text: &str) -> LineIndex {
    match crate::engine::unify_line_ends(text) {
        Some(unified) => LineIndex::new(&unified),
        None => LineIndex::new(text),
    }
}

fn text_size(offset: usize) -> TextSize {
    TextSize::from(u32::try_from(offset).unwrap_or(u32::MAX))
}

/// The file-system path of a `file:` URI.
pub fn uri_to_path(uri: &Uri) -> Option<PathBuf> {
    if !uri.scheme().as_str().eq_ignore_ascii_case("file") {
        return None;
    }
    uri.to_file_path().map(|path| path.into_owned())
}

/// The `file:` URI of an absolute path.
pub fn path_to_uri(path: &Path) -> Option<Uri> {
    // A relative path (the built-in sample's) names no file: `from_file_path` would resolve
    // it against the server's current folder and link to whatever file is there.
    if !path.is_absolute() {
        return None;
    }
    Uri::from_file_path(path)
}

/// A URI from a string the server itself built (documentation links).
pub fn parse_uri(text: &str) -> Option<Uri> {
    Uri::from_str(text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16_column(line: &str, byte: usize) -> u32 {
        line[..byte].encode_utf16().count() as u32
    }

    #[test]
    fn negotiation_prefers_utf8_only_when_offered() {
        assert_eq!(PositionEncoding::negotiate(None), PositionEncoding::Utf16);
        assert_eq!(PositionEncoding::negotiate(Some(&[PositionEncodingKind::UTF16])), PositionEncoding::Utf16);
        assert_eq!(PositionEncoding::negotiate(Some(&[PositionEncodingKind::UTF16, PositionEncodingKind::UTF8])), PositionEncoding::Utf8);
    }

    #[test]
    fn korean_em_dash_and_emoji_round_trip_in_both_encodings() {
        let text = "첫 줄\n박민서 시장 — 🇵🇹 😀 met Orsay on Mar. 14.\nlast";
        let index = LineIndex::new(text);
        let target = text.find("Mar. 14").unwrap();
        let line_start = text.find('\n').unwrap() + 1;
        let line = &text[line_start..text.rfind('\n').unwrap()];

        let utf16 = LineMap::new(text, &index, PositionEncoding::Utf16);
        let expected = utf16_column(line, target - line_start);
        assert_eq!(utf16.position(target), Position::new(1, expected));
        assert_eq!(utf16.offset(Position::new(1, expected)), target);

        let utf8 = LineMap::new(text, &index, PositionEncoding::Utf8);
        assert_eq!(utf8.position(target), Position::new(1, (target - line_start) as u32));
        assert_eq!(utf8.offset(Position::new(1, (target - line_start) as u32)), target);
    }

    #[test]
    fn half_a_surrogate_pair_or_a_mid_character_column_snaps_back() {
        let text = "a😀b";
        let index = LineIndex::new(text);
        let utf16 = LineMap::new(text, &index, PositionEncoding::Utf16);
        // 'a' is one unit, the emoji two: column 2 is between its surrogates.
        assert_eq!(utf16.offset(Position::new(0, 2)), 1);
        assert_eq!(utf16.offset(Position::new(0, 3)), 5);
        let utf8 = LineMap::new(text, &index, PositionEncoding::Utf8);
        assert_eq!(utf8.offset(Position::new(0, 3)), 1);
        assert_eq!(utf8.position(3), Position::new(0, 1));
    }

    /// A lone `\r` ends a line, as the protocol counts it: the same positions as the `\n` twin.
    #[test]
    fn a_lone_carriage_return_ends_a_line() {
        let lf = "one\ntwo — x\r\nthree y\n";
        let cr = "one\rtwo — x\r\nthree y\r";
        let (lf_index, cr_index) = (line_index(lf), line_index(cr));
        for encoding in [PositionEncoding::Utf16, PositionEncoding::Utf8] {
            let (lf_map, cr_map) = (LineMap::new(lf, &lf_index, encoding), LineMap::new(cr, &cr_index, encoding));
            for offset in 0..=cr.len() {
                if cr.is_char_boundary(offset) {
                    assert_eq!(cr_map.position(offset), lf_map.position(offset), "offset {offset}, {encoding:?}");
                }
            }
            assert_eq!(cr_map.position(cr.find('x').unwrap()).line, 1);
            assert_eq!(cr_map.offset(Position::new(0, 99)), 3, "end of line, before the \\r");
            assert_eq!(cr_map.offset(Position::new(2, 6)), cr.find('y').unwrap());
            assert_eq!(cr_map.line_content(cr.find('x').unwrap()), lf_map.line_content(lf.find('x').unwrap()));
            assert_eq!(cr_map.line_content(1), 0..3);
        }
    }

    #[test]
    fn crlf_lines_and_out_of_range_positions_clamp() {
        let text = "one\r\ntwo — x\r\n";
        let index = LineIndex::new(text);
        let map = LineMap::new(text, &index, PositionEncoding::Utf16);
        assert_eq!(map.offset(Position::new(0, 99)), 3, "end of line, before \\r\\n");
        assert_eq!(map.offset(Position::new(1, 0)), 5);
        assert_eq!(map.position(text.find('x').unwrap()), Position::new(1, 6));
        assert_eq!(map.offset(Position::new(1, 6)), text.find('x').unwrap());
        assert_eq!(map.offset(Position::new(2, 0)), text.len());
        assert_eq!(map.offset(Position::new(9, 9)), text.len());
        assert_eq!(map.position(999), Position::new(2, 0));
        assert_eq!(&text[map.line_content(6)], "two — x");
    }
}
