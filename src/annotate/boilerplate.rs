//! Page furniture: the lines of a scraped page that are not the article.
//!
//! Real pages carry navigation ("Home | News | Sport"), photo captions and credits,
//! "Advertisement" slots, share buttons, cookie notices, bylines, live-blog timestamps,
//! "Related stories" boxes and, now and then, a paragraph printed twice. None of it is a
//! statement of fact, and some of it carries dates of other events (a caption's file
//! photo, a related story's day). [`furniture`] finds such lines by their shape (short,
//! no sentence, pipes, credit patterns, repeats), never by a site's wording, and
//! [`blank`] replaces them with spaces, byte for byte, so offsets stay where they were.
//!
//! The corpus is read with [`Reading::Corpus`], which also drops short labels and the
//! lists under them; a draft with [`Reading::Draft`], which drops only what cannot be
//! the writer's prose (a headline or a list of facts in a draft is checked).

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashSet;

/// How much is taken for furniture.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// Sourced pages: labels, link lists and menus go too.
    Corpus,
    /// A reporter's draft: only credits, menus, bylines, timestamps, notices and repeats.
    Draft,
}

/// Photo and text credits: "(AP Photo/...)", "Photo: X/Agency", "(Photo by X)",
/// "X via Getty Images", "© X", "(Reporting by X; Editing by Y)", "FILE - ..." captions.
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"\(\s*(?:AP|AFP|Reuters|EPA|PA)?\s*(?:Photo|Photograph|Image|Picture|Video)s?\s*(?:by\b|:|/)",
        r"|\b(?:AP|AFP|EPA|PA|Reuters) Photo\s*/",
        r"|(?:^|[\s\[(])(?:Photo|Photograph|Image|Picture|Video|Credit|Photo credit|Image credit|Image source|Image caption|Caption)s?\s*:\s",
        r"|^(?:Photo|Photograph|Image|Picture)s? by\s+\p{Lu}",
        r"|\b(?:via|/)\s*Getty\s+Images|\bGetty\s+Images\s+(?:via|for)\b|\(Getty Images\)",
        r"|©|\(c\)\s+\p{Lu}|\bAll rights reserved\b",
        r"|^\(?\s*(?:Reporting|Writing|Additional reporting) by\s+\p{Lu}",
        r"|\bEditing by\s+\p{Lu}",
        r"|^FILE\s*(?:PHOTO)?\s*[-–—:]",
    ))
    .expect("credit pattern")
});

/// An embedded social post: its picture link, or its signature, the author, the handle
/// and the day it was posted ("— Ada Vell (@adavell) July 14, 2025"). The post is the
/// author's words, printed as they posted them, and its day is the post's, not the story's.
static EMBEDDED_POST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"pic\.twitter\.com/\S|[—–-]\s*[^()\n]{1,60}\(@\w{1,30}\)\s*(?:\p{Lu}\p{Ll}+\.? \d{1,2}, \d{4}|\d{1,2} \p{Lu}\p{Ll}+ \d{4})")
        .expect("embedded post pattern")
});

/// A line that is only a time, with a label or zone: "17:10 GMT", "Updated 9:45 a.m. ET".
static TIMESTAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^(?:(?:last\s+)?(?:updated|published|posted)(?:\s+at)?\s*:?\s*)?",
        r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?\s?m\.?)?",
        r"(?:\s+(?:[a-z]{2,5}|[a-z]+(?:\s+[a-z]+){0,3}\s+time))?\s*$"
    ))
    .expect("timestamp pattern")
});

/// A date label glued to the start of the first paragraph ("date 2024-03-14 Harlow
/// Mayor Marta..."): the page's, not the story's; no quote should start with it.
static LEADING_DATE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:date|published|posted|updated)\s*:?\s*\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?Z?)?(?:\s+|$)")
        .expect("leading date label pattern")
});

/// A live blog's "published at 08:25 <zone>" glued to the end of an entry's heading.
static TRAILING_TIMESTAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:published|updated|posted)\s+at\s+\d{1,2}[:.]\d{2}[^.!?\n]{0,40}$").expect("trailing timestamp pattern")
});

/// Words a byline may hold besides names.
const BYLINE_WORDS: &[&str] = &[
    "and",
    "of",
    "the",
    "for",
    "in",
    "at",
    "via",
    "staff",
    "reporter",
    "reporters",
    "writer",
    "writers",
    "correspondent",
    "editor",
    "with",
];

/// Words that start the controls of a page ("Share this article", "Sign in", "Subscribe").
const CONTROLS: &[&str] =
    &["share", "subscribe", "sign in", "log in", "sign up", "follow us", "skip to", "listen to", "print", "copy link"];

/// The byte ranges of `text` within `body` that are page furniture, each a whole line
/// (without its line break) or, on a line of prose, the furniture at its end.
pub fn furniture(text: &str, body: Range<usize>, reading: Reading) -> Vec<Range<usize>> {
    let body = body.start.min(text.len())..body.end.min(text.len());
    let lines = lines_of(text, body);
    let mut out = Vec::new();
    let mut seen: FxHashSet<&str> = FxHashSet::default();
    // Set after a short label ("Related stories"): the list lines under it go too.
    let mut under_label = false;
    // Set once a list item under a label was dropped: a blank line then ends the box.
    let mut in_box = false;
    for (index, line) in lines.iter().enumerate() {
        let trimmed = text[line.clone()].trim();
        if trimmed.is_empty() {
            // A blank line may stand between a label and its list, not inside the list.
            if in_box {
                under_label = false;
                in_box = false;
            }
            continue;
        }
        let begin = line.start + (text[line.clone()].len() - text[line.clone()].trim_start().len());
        let whole = begin..begin + trimmed.len();
        let is_list_item = list_item(trimmed).is_some();
        if reading == Reading::Corpus && under_label && is_list_item && !ends_sentence(trimmed) {
            out.push(whole);
            in_box = true;
            continue;
        }
        under_label = false;
        in_box = false;
        if let Some(range) = credit(trimmed) {
            out.push(range.start + begin..range.end + begin);
            continue;
        }
        if reading == Reading::Corpus
            && let Some(found) = LEADING_DATE_LABEL.find(trimmed)
        {
            out.push(begin..begin + found.as_str().trim_end().len());
        }
        let clock = may_hold_clock_time(trimmed);
        if trimmed.len() <= 600 && (trimmed.contains("(@") || trimmed.contains("pic.twitter")) && EMBEDDED_POST.is_match(trimmed) {
            out.push(whole);
            continue;
        }
        if is_navigation(trimmed)
            || is_byline(trimmed)
            || clock && TIMESTAMP.is_match(trimmed)
            || is_notice(trimmed)
            || is_controls(trimmed)
        {
            out.push(whole);
            continue;
        }
        if clock && let Some(found) = TRAILING_TIMESTAMP.find(trimmed) {
            out.push(begin + found.start()..begin + found.end());
            continue;
        }
        // A paragraph printed twice: the second copy goes.
        if trimmed.len() >= 40 && !seen.insert(trimmed) {
            out.push(whole);
            continue;
        }
        if is_label(trimmed, reading) {
            // A label heads a box when its next line with text is a list item.
            let next = lines[index + 1..].iter().map(|next| text[next.clone()].trim()).find(|next| !next.is_empty());
            under_label = next.is_some_and(|next| list_item(next).is_some());
            out.push(whole);
            continue;
        }
        if reading == Reading::Corpus && is_caps_teaser(trimmed) {
            out.push(whole);
        }
    }
    out
}

/// Whether a line may hold a clock time as [`TIMESTAMP`] and [`TRAILING_TIMESTAMP`] read
/// one (`\d{1,2}[:.]\d{2}`): in ASCII, a digit, a colon or a dot, a digit. Most prose has
/// none, and is not searched for the rest of the patterns.
fn may_hold_clock_time(line: &str) -> bool {
    // Beyond ASCII, `\d` and `(?i)` match more than ASCII digits and letters: left to the patterns.
    !line.is_ascii() || line.as_bytes().windows(3).any(|w| w[0].is_ascii_digit() && matches!(w[1], b':' | b'.') && w[2].is_ascii_digit())
}

/// [`furniture`] blanked out of `text`: every byte of it a space, line breaks kept.
pub fn blank(text: &str, ranges: &[Range<usize>]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for range in ranges {
        let range = range.start.min(bytes.len())..range.end.min(bytes.len());
        for byte in &mut bytes[range] {
            if *byte != b'\n' && *byte != b'\r' {
                *byte = b' ';
            }
        }
    }
    // Whole lines and matches of the patterns above start and end on char boundaries.
    String::from_utf8(bytes).unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned())
}

/// The lines of `body`, without their line breaks.
fn lines_of(text: &str, body: Range<usize>) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let mut start = body.start;
    while start < body.end {
        let end = text[start..body.end].find('\n').map_or(body.end, |at| start + at);
        lines.push(start..end);
        start = end + 1;
    }
    lines
}

/// The text of a list item after its marker ("- ", "* ", "• ", "1. ").
fn list_item(line: &str) -> Option<&str> {
    for marker in ["- ", "* ", "• ", "· ", "– "] {
        if let Some(rest) = line.strip_prefix(marker) {
            return Some(rest.trim_start());
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) && line[digits..].starts_with(". ") {
        return Some(line[digits + 2..].trim_start());
    }
    None
}

/// Whether a line ends as a sentence does (a stop, possibly inside closing quotes).
fn ends_sentence(line: &str) -> bool {
    let line = line.trim_end_matches(['"', '\'', '”', '’', ')', ']', ' ']);
    (line.ends_with('.') && !line.ends_with("...")) || line.ends_with('!') || line.ends_with('?')
}

fn words(line: &str) -> impl Iterator<Item = &str> {
    line.split_whitespace()
}

/// The credit in a line: the whole line when it is short (a caption), else the sentence
/// from the credit's start to the end of the line (a credit glued to a paragraph).
fn credit(line: &str) -> Option<Range<usize>> {
    let found = CREDIT.find(line)?;
    if line.len() <= 400 {
        return Some(0..line.len());
    }
    // A long line: only the sentence that holds the credit, to the end of the line.
    let head = &line[..found.start()];
    let from = head.rfind(['.', '!', '?']).map_or(0, |at| at + 1);
    Some(from..line.len())
}

/// A menu: three or more short items between pipes, " > " or wide gaps.
fn is_navigation(line: &str) -> bool {
    let short = |item: &str| {
        let item = item.trim();
        item.is_empty() || (words(item).nth(5).is_none() && !ends_sentence(item))
    };
    // Every separator holds '|', '>' or a byte that starts '»', '•' or '·' in UTF-8: a line
    // with none of them (most prose) is split by none.
    if line.bytes().any(|byte| matches!(byte, b'|' | b'>' | 0xC2 | 0xE2)) {
        for separator in ["|", " > ", " » ", " • ", " · "] {
            let items: Vec<&str> = line.split(separator).collect();
            if items.len() >= 3 && items.iter().all(|item| short(item)) {
                return true;
            }
        }
    }
    if !line.contains("   ") {
        return false;
    }
    let gaps: Vec<&str> = line.split("   ").filter(|item| !item.trim().is_empty()).collect();
    gaps.len() >= 3 && gaps.iter().all(|item| short(item))
}

/// "By Jane Doe", "By Jane Doe and John Roe, Associated Press", "BY JANE DOE".
fn is_byline(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("By ").or_else(|| line.strip_prefix("BY ")) else { return false };
    let words: Vec<&str> = rest.split([' ', ',', '|', '/']).filter(|word| !word.is_empty()).collect();
    if words.is_empty() || words.len() > 12 || ends_sentence(line) && !line.ends_with("Inc.") {
        return false;
    }
    let first_capital = words[0].chars().next().is_some_and(char::is_uppercase);
    first_capital
        && !line.chars().any(|c| c.is_ascii_digit())
        && words.iter().all(|word| {
            word.chars().next().is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
                || BYLINE_WORDS.contains(&word.to_lowercase().as_str())
        })
}

/// A cookie or consent notice.
fn is_notice(line: &str) -> bool {
    if !line.contains("ookie") && !line.contains("OOKIE") {
        return false;
    }
    let lower = line.to_lowercase();
    lower.contains("cookie")
        && ["accept", "privacy", "consent", "browse", "browsing", "preferences", "settings"].iter().any(|word| lower.contains(word))
}

/// Page controls: "Share this article", "Sign in", "Subscribe now".
fn is_controls(line: &str) -> bool {
    // (More than twelve words: the thirteenth is enough to tell, not a count of all.)
    if words(line).nth(12).is_some() || ends_sentence(line) {
        return false;
    }
    // The controls are shorter than ten letters: the line's first twelve tell.
    let head: String = line.chars().take(12).flat_map(char::to_lowercase).collect();
    CONTROLS.iter().any(|control| head.strip_prefix(control).is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', ':', '.'])))
}

/// A label line: no sentence, a few capitalised words ("Advertisement", "Related
/// stories", "Most read"). A draft loses only one- and two-word labels, never headings.
fn is_label(line: &str, reading: Reading) -> bool {
    let most = match reading {
        Reading::Corpus => 4,
        Reading::Draft => 2,
    };
    let count = words(line).take(most + 1).count();
    if count == 0 || count > most || line.starts_with('#') || ends_sentence(line) {
        return false;
    }
    if line.chars().any(|c| c.is_ascii_digit() || matches!(c, ':' | ',' | '"' | '“' | '(' | '-' | '–' | '—')) {
        return false;
    }
    let first_capital = line.chars().next().is_some_and(char::is_uppercase);
    // A draft's two words may be a name standing alone (a byline, a signature): those go
    // too, they state nothing. Only words, so a score or a number is never a label.
    first_capital && words(line).all(|word| word.chars().all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '.' | '&' | '…')))
}

/// An upper-case label, a colon and a headline ("READ MORE: Council approves plan"):
/// a teaser for another story.
fn is_caps_teaser(line: &str) -> bool {
    let Some((label, rest)) = line.split_once(':') else { return false };
    let letters: Vec<char> = label.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 4
        && letters.iter().all(|c| c.is_uppercase())
        && label.chars().all(|c| c.is_alphabetic() || c == ' ')
        && !ends_sentence(rest)
        && !rest.chars().any(|c| c.is_ascii_digit())
        && words(rest).count() <= 16
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dropped(text: &str, reading: Reading) -> Vec<&str> {
        furniture(text, 0..text.len(), reading).into_iter().map(|range| &text[range]).collect()
    }

    #[test]
    fn menus_credits_and_notices_go_in_either_reading() {
        let text = "Front | World | Money | Arts\n\
                    Garden show opens in the park. (AP Photo/Ann Brook, File)\n\
                    The mayor opened the show on Friday.\n\
                    Photo: Lee Park/Reuters\n\
                    By Ann Brook and Tom Reed, Daily Lantern\n\
                    11:42 GMT\n\
                    Updated 9:05 a.m. ET\n\
                    This site uses cookies to improve your browsing. Accept all\n\
                    Share on Facebook   Share on X   Email\n\
                    (Reporting by Tom Reed; Editing by Ann Brook)\n\
                    FILE - A crowd waits at the park gate on June 3, 2021.\n\
                    Sign in   Subscribe from £2 a month";
        for reading in [Reading::Corpus, Reading::Draft] {
            let found = dropped(text, reading);
            assert_eq!(found.len(), 11, "{reading:?}: {found:#?}");
            assert!(!found.iter().any(|line| line.contains("opened the show")), "{found:?}");
        }
    }

    #[test]
    fn an_embedded_post_goes_with_its_signature() {
        let text = "Ready for the count. pic.twitter.com/Ab12Cd34— Ada Vell (@adavell) July 14, 2025\n\
                    Vell wrote on X that she was ready — Ivo Marr (@ivomarr) 3 March 2025\n\
                    Vell (@adavell on X) said on July 14, 2025 that she was ready.\n";
        for reading in [Reading::Corpus, Reading::Draft] {
            let found = dropped(text, reading);
            assert_eq!(found.len(), 2, "{reading:?}: {found:#?}");
            assert!(!found.iter().any(|line| line.contains("said on July 14")), "{found:?}");
        }
    }

    #[test]
    fn a_paragraph_printed_twice_loses_its_second_copy() {
        let text = "The council voted to close the old bridge to lorries.\n\nThe council voted to close the old bridge to lorries.\n";
        let second = text.rfind("The council").unwrap_or(0);
        let found = furniture(text, 0..text.len(), Reading::Draft);
        assert_eq!(found, vec![second..text.len() - 1]);
    }

    #[test]
    fn labels_and_the_link_lists_under_them_go_from_the_corpus() {
        let text = "Advertisement\n\nThe vote was held on Tuesday.\n\nMore on this story\n\n- Mayor quits after audit (March 2022)\n- Bridge plan in numbers\n\n- Bridge opened in 1998.\n\nREAD MORE: Mayor faces questions over bridge\n";
        let found = dropped(text, Reading::Corpus);
        assert_eq!(
            found,
            [
                "Advertisement",
                "More on this story",
                "- Mayor quits after audit (March 2022)",
                "- Bridge plan in numbers",
                "READ MORE: Mayor faces questions over bridge"
            ]
        );
        // A draft keeps its headings and lists: only the one-word slot goes.
        assert_eq!(dropped(text, Reading::Draft), ["Advertisement"]);
    }

    #[test]
    fn prose_stays() {
        let text = "By Tuesday the river had risen by two metres.\n\
                    Photographers waited outside the court.\n\
                    FULL TIME: Rovers 2-1 City.\n\
                    ANCHOR: Good evening.\n\
                    The 42-year-old said: \"We will appeal | and we will win.\"\n\
                    Share prices fell 3% on Monday.\n\
                    Kessingby 3-1\n";
        for reading in [Reading::Corpus, Reading::Draft] {
            assert!(dropped(text, reading).is_empty(), "{reading:?}: {:?}", dropped(text, reading));
        }
    }

    #[test]
    fn a_date_label_glued_to_the_first_paragraph_goes_and_the_paragraph_stays() {
        let text = "date 2024-03-14 Harlow Mayor Marta Quill met the council.\n";
        assert_eq!(dropped(text, Reading::Corpus), ["date 2024-03-14"]);
        assert!(dropped(text, Reading::Draft).is_empty());
        assert!(dropped("The date 2024-03-14 was set.\n", Reading::Corpus).is_empty());
    }

    #[test]
    fn a_live_blog_timestamp_glued_to_a_heading_goes_and_the_heading_stays() {
        let text = "Turnout higher than last timepublished at 08:25 Central European Time\n";
        assert_eq!(dropped(text, Reading::Corpus), ["published at 08:25 Central European Time"]);
    }

    #[test]
    fn a_credit_inside_a_long_line_takes_only_its_sentence() {
        let prose = "The council met on Monday and voted to close the bridge. ".repeat(8);
        let text = format!("{prose}A lorry crosses it. © Lee Park / Daily Lantern");
        let found = furniture(&text, 0..text.len(), Reading::Corpus);
        assert_eq!(found.len(), 1);
        assert_eq!(text[found[0].clone()].trim(), "© Lee Park / Daily Lantern");
    }

    #[test]
    fn blanking_keeps_offsets_and_line_breaks() {
        let text = "Front | World | Money\nThe mayor spoke.\n";
        let masked = blank(text, &furniture(text, 0..text.len(), Reading::Draft));
        assert_eq!(masked.len(), text.len());
        assert_eq!(masked.lines().next().map(str::trim), Some(""));
        assert!(masked.ends_with("The mayor spoke.\n"));
    }

    #[test]
    fn lines_without_a_clock_time_match_neither_timestamp_pattern() {
        // What the cheap test rules out, the patterns would not have matched; what they
        // match, it lets through.
        let lines = [
            "11:42 GMT",
            "Updated 9:05 a.m. ET",
            "Posted 7.10",
            "The storm hit at dawn, published at noon by the council.",
            "Mayor Ann Brook said the count was 9,000 by Friday.",
            "Published at 08:25 Eastern",
            "The rally began at 7 and ended at 9 pm. Updated at 10:4",
            "Le défilé a commencé, publié à 9h30.",
            "Posted at 5:30",
            "Crews worked 24/7 through 2025, updated at 6 o'clock",
        ];
        for line in lines {
            if !may_hold_clock_time(line) {
                assert!(!TIMESTAMP.is_match(line) && !TRAILING_TIMESTAMP.is_match(line), "{line}");
            }
        }
        assert!(!may_hold_clock_time("The mayor opened the show on Friday, updated at noon."));
        assert!(may_hold_clock_time("Published at 08:25 Eastern") && TRAILING_TIMESTAMP.is_match("Published at 08:25 Eastern"));
        assert!(may_hold_clock_time("Posted 7.10") && TIMESTAMP.is_match("Posted 7.10"));
        assert!(may_hold_clock_time("publié à 9h30"), "beyond ASCII the patterns decide");
    }
}
