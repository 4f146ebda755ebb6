//! Markdown awareness: what of a draft is prose to check, and the inline suppressions.
//!
//! [`mask`] blanks out code blocks, inline code, link targets, HTML comments, front
//! matter and page furniture pasted with the copy (menus, photo credits, bylines,
//! timestamps: [`crate::annotate::boilerplate`]), keeping every other byte where it was,
//! so that offsets into the masked text are offsets into the original.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::annotate::boilerplate::{Reading, furniture};
use crate::finding::Kind;

static FENCE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?m)^[ \t]{0,3}(```|~~~)").expect("fence pattern"));
static INLINE_CODE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"`[^`\n]+`").expect("inline code pattern"));
static LINK_TARGET: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\]\([^)\n]*\)").expect("link target pattern"));
static AUTOLINK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<https?://[^>\s]+>|https?://\S+").expect("autolink pattern"));
static COMMENT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?s)<!--.*?-->").expect("comment pattern"));
static IGNORE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<!--\s*factline-ignore((?:[ \t]+[a-z]+)*)\s*-->").expect("ignore pattern"));

/// Returns `text` with everything that is not prose replaced by spaces (byte for byte;
/// line breaks kept). `body_start` is where the front matter ends.
pub fn mask(text: &str, body_start: usize) -> String {
    let mut blank: Vec<Range<usize>> = vec![0..body_start.min(text.len())];
    let fences: Vec<_> = FENCE.find_iter(text).filter(|m| m.start() >= body_start).collect();
    let mut index = 0;
    while index < fences.len() {
        let open = &fences[index];
        let marker = &text[open.range()].trim_start()[..3];
        let close = fences[index + 1..].iter().position(|m| text[m.range()].trim_start().starts_with(marker));
        match close {
            Some(offset) => {
                let close = &fences[index + 1 + offset];
                let end = text[close.end()..].find('\n').map_or(text.len(), |i| close.end() + i);
                blank.push(open.start()..end);
                index += offset + 2;
            }
            None => {
                blank.push(open.start()..text.len());
                break;
            }
        }
    }
    for pattern in [&*COMMENT, &*INLINE_CODE, &*LINK_TARGET, &*AUTOLINK] {
        blank.extend(pattern.find_iter(text).map(|m| m.range()));
    }
    // Page furniture pasted with the copy: menus, photo credits, bylines, timestamps,
    // notices, a paragraph printed twice.
    if body_start < text.len() {
        blank.extend(furniture(text, body_start..text.len(), Reading::Draft));
    }
    let mut bytes = text.as_bytes().to_vec();
    for range in blank {
        for byte in &mut bytes[range] {
            if *byte != b'\n' && *byte != b'\r' {
                *byte = b' ';
            }
        }
    }
    // Blanking whole ranges that start and end on char boundaries keeps the text valid UTF-8;
    // a range that split a character would be a bug in the patterns above.
    String::from_utf8(bytes).unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned())
}

/// An inline suppression: `<!-- factline-ignore -->` or `<!-- factline-ignore date count -->`.
/// It silences the named kinds (all kinds when none is named) on its own line, or, when the
/// comment stands alone on its line, on the next line that has text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suppression {
    /// Byte range of the line the suppression applies to.
    pub line: Range<usize>,
    /// Empty: every kind.
    pub kinds: Vec<Kind>,
}

impl Suppression {
    pub fn covers(&self, kind: Kind, range: &Range<usize>) -> bool {
        range.start >= self.line.start && range.start <= self.line.end && (self.kinds.is_empty() || self.kinds.contains(&kind))
    }
}

/// Finds the inline suppressions of a draft.
pub fn suppressions(text: &str) -> Vec<Suppression> {
    let mut out = Vec::new();
    for captures in IGNORE.captures_iter(text) {
        let Some(whole) = captures.get(0) else { continue };
        let kinds = captures.get(1).map_or(Vec::new(), |m| m.as_str().split_whitespace().filter_map(Kind::parse).collect());
        let line_start = text[..whole.start()].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[whole.end()..].find('\n').map_or(text.len(), |i| whole.end() + i);
        let alone = text[line_start..whole.start()].trim().is_empty() && text[whole.end()..line_end].trim().is_empty();
        let line = if alone {
            let mut start = (line_end + 1).min(text.len());
            while start < text.len() {
                let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
                if !text[start..end].trim().is_empty() {
                    break;
                }
                start = end + 1;
            }
            let start = start.min(text.len());
            let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
            start..end
        } else {
            line_start..line_end
        };
        out.push(Suppression { line, kinds });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_code_links_and_front_matter_in_place() {
        let text = "---\npublished: 2024-03-14\n---\nMet on `Mar. 14` [here](http://x/Mar-14).\n```\nMar. 14\n```\nDone.";
        let masked = mask(text, 29);
        assert_eq!(masked.len(), text.len());
        assert!(!masked.contains("published"));
        assert!(!masked.contains("Mar. 14"));
        assert!(masked.contains("Met on"));
        assert!(masked.contains("[here"));
        assert!(masked.contains("Done."));
    }

    #[test]
    fn masks_page_furniture_pasted_into_a_draft() {
        let text = "---\npublished: 2025-06-02\n---\nNews | Sport | Weather\nBy Ann Brook, Daily Lantern\nThe mayor opened the bridge on Monday.\nThe bridge, seen on May 2. (AP Photo/Lee Park)\n";
        let masked = mask(text, 29);
        assert_eq!(masked.len(), text.len());
        assert_eq!(masked.lines().count(), text.lines().count());
        for gone in ["Sport", "Ann Brook", "May 2", "Lee Park"] {
            assert!(!masked.contains(gone), "{gone} left in {masked:?}");
        }
        assert!(masked.contains("The mayor opened the bridge on Monday."));
    }

    #[test]
    fn suppression_on_the_same_line_and_the_next() {
        let text = "Met on Mar. 14. <!-- factline-ignore date -->\n<!-- factline-ignore -->\n\nLeft on Mar. 11.\nThird.";
        let found = suppressions(text);
        assert_eq!(found.len(), 2);
        assert_eq!(&text[found[0].line.clone()], "Met on Mar. 14. <!-- factline-ignore date -->");
        assert_eq!(found[0].kinds, vec![Kind::Date]);
        assert_eq!(&text[found[1].line.clone()], "Left on Mar. 11.");
        assert!(found[1].kinds.is_empty());
        assert!(found[0].covers(Kind::Date, &(7..14)));
        assert!(!found[0].covers(Kind::Count, &(7..14)));
    }
}
