//! Sentence splitting that survives "Oct.", "U.S." and "Dr.".
//!
//! Scraped pages lose the space after a stop ("in the capital.However, officials"): a
//! stop glued to a capitalised word that goes on in lower case, after a plain lower-case
//! word, ends the sentence too (not in initials, abbreviations, numbers or addresses).
//! A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets) that is
//! followed by white space and then something that can start a sentence, unless the
//! word before the stop is a known abbreviation or a single initial. Paragraph breaks
//! (a blank line, or a line break that the next line does not continue in lower case)
//! always end a sentence: news copy keeps one paragraph per line.

use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::names::lower_case;

/// Abbreviations after which a full stop does not end a sentence (compared without case).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "cmdr", "adm", "gov", "sen", "rep", "st", "jr", "sr", "rev", "hon",
    "pres", "amb", "maj", "messrs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue",
    "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "no", "nos", "vs", "inc", "co", "corp", "ltd", "dept", "est", "approx",
    "fig", "vol", "ft", "mt", "univ", "assn", "bros", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "e.g", "i.e", "d.c", "n.y", "l.a", "s",
    "u.s.a",
];

/// [`ABBREVIATIONS`] as a hash set.
static ABBREVIATION_SET: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| ABBREVIATIONS.iter().copied().collect());

/// Whether a word (without its full stop) is an abbreviation that takes one ("Oct", "Dr", "U.S").
pub fn is_abbreviation(word: &str) -> bool {
    // ASCII words are compared without case, not lower-cased into a new string (asked for
    // every word before a full stop); other text can lower-case into ASCII ("\u{212a}" is
    // a Kelvin sign, "k" in lower case), so it goes the long way.
    if word.is_ascii() {
        // None is longer than six letters: longer words are not looked up.
        let mut lower = [0_u8; 6];
        let Some(buffer) = lower.get_mut(..word.len()) else { return false };
        buffer.copy_from_slice(word.as_bytes());
        buffer.make_ascii_lowercase();
        std::str::from_utf8(buffer).is_ok_and(|lower| ABBREVIATION_SET.contains(lower))
    } else {
        ABBREVIATIONS.contains(&lower_case(word).as_ref())
    }
}

/// Splits `text` into sentence ranges (byte offsets), trimmed of surrounding white space.
/// Empty stretches yield nothing.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut index = 0;
    // Only line breaks and stops are read: the scan jumps from one to the next (the next
    // of each is kept until it is passed).
    let (mut next_newline, mut next_stop) = (0, 0);
    loop {
        if next_newline < index {
            next_newline = memchr::memchr(b'\n', &bytes[index..]).map_or(bytes.len(), |at| index + at);
        }
        if next_stop < index {
            next_stop = memchr::memchr3(b'.', b'!', b'?', &bytes[index..]).map_or(bytes.len(), |at| index + at);
        }
        index = next_newline.min(next_stop);
        if index >= bytes.len() {
            break;
        }
        let byte = bytes[index];
        if byte == b'\n' {
            if paragraph_breaks_here(text, index) {
                push_trimmed(text, start..index, &mut sentences);
                start = index + 1;
            }
            index += 1;
            continue;
        }
        if matches!(byte, b'.' | b'!' | b'?') {
            let mut end = index + 1;
            // Closing quotes and brackets belong to the sentence they close.
            while end < bytes.len() {
                let rest = &text[end..];
                let Some(next) = rest.chars().next() else { break };
                if matches!(next, '"' | '\'' | ')' | ']' | '”' | '’' | '»') {
                    end += next.len_utf8();
                } else {
                    break;
                }
            }
            if ends_sentence(text, index, end) {
                push_trimmed(text, start..end, &mut sentences);
                start = end;
                index = end;
                continue;
            }
        }
        index += 1;
    }
    push_trimmed(text, start..text.len(), &mut sentences);
    sentences
}

fn push_trimmed(text: &str, range: Range<usize>, sentences: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let leading = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        let begin = range.start + leading;
        sentences.push(begin..begin + trimmed.len());
    }
}

/// A line break ends the sentence unless the next line carries on in lower case
/// after a line that did not end a clause (a hard-wrapped paragraph).
fn paragraph_breaks_here(text: &str, newline: usize) -> bool {
    let before = text[..newline].trim_end_matches([' ', '\t', '\r']);
    let after = text[newline + 1..].trim_start_matches([' ', '\t']);
    if before.is_empty() || after.starts_with('\n') || after.starts_with("\r\n") || after.is_empty() {
        return true;
    }
    let Some(next) = after.chars().next() else { return true };
    let last = before.chars().last().unwrap_or('.');
    // "on Feb.\n9 after the vote": a date broken after its month.
    let month_then_day = next.is_ascii_digit() && {
        let word = before.rsplit(|c: char| !c.is_alphabetic() && c != '.').next().unwrap_or("");
        crate::annotate::dates::is_month_name(word.trim_end_matches('.'))
    };
    // "marched to the stadium, some\n4 kilometres away": a figure after a paragraph's line
    // that stopped mid-clause (not a short line: "Posted 9:37 pm\n1 min read").
    let figure_goes_on = next.is_ascii_digit() && last.is_lowercase() && before.rsplit('\n').next().is_some_and(|line| line.len() >= 80);
    let continues = next.is_lowercase() || month_then_day || figure_goes_on || matches!(last, ',' | ';' | ':' | '-' | '(' | '—' | '–');
    if continues && !after.starts_with("- ") && !after.starts_with("* ") {
        return false;
    }
    // A wrapped line that stops mid-clause and goes on with a capitalised word: only a
    // stop at the end of the line, a heading or a list item makes it a break.
    let is_block_start = after.starts_with('#') || after.starts_with("- ") || after.starts_with("* ") || after.starts_with('•');
    let stopped = matches!(last, '.' | '!' | '?' | '"' | '”' | ':' | ']' | ')');
    stopped || is_block_start || !last.is_alphanumeric() || before.len() < 200 || !is_wrapped_prose(before)
}

/// Hard-wrapped prose has lines of similar, moderate width; news paragraphs are long single lines.
fn is_wrapped_prose(line_before: &str) -> bool {
    let line = line_before.rsplit('\n').next().unwrap_or(line_before);
    (40..=120).contains(&line.chars().count())
}

fn ends_sentence(text: &str, stop: usize, after_stop: usize) -> bool {
    let rest = &text[after_stop..];
    let Some(first) = rest.chars().next() else { return true };
    if !first.is_whitespace() {
        return glued_sentence_start(text, stop, after_stop);
    }
    let next_word = rest.trim_start();
    let Some(next) = next_word.chars().next() else { return true };
    if text.as_bytes()[stop] != b'.' {
        return next.is_uppercase() || next.is_numeric() || matches!(next, '"' | '“' | '\'' | '‘' | '(' | '[' | '*' | '-' | '•');
    }
    if next.is_lowercase() {
        return false;
    }
    let word = word_before(text, stop);
    if word.is_empty() {
        return true;
    }
    let is_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    // Run-together initials: "J.R. Talbot", "A.K. Brannock".
    let is_initials = word.contains('.') && word.split('.').all(|part| part.chars().count() == 1 && part.chars().all(char::is_uppercase));
    if is_initial || is_initials || is_abbreviation(word) {
        return false;
    }
    true
}

/// A stop with no space after it ends a sentence only between a lower-case word and a
/// capitalised one that goes on in lower case ("in the capital.However, officials"):
/// never in "U.S.", "p.m.", "3.5", "J.R. Talbot", "No.1", a domain or a web address.
fn glued_sentence_start(text: &str, stop: usize, after_stop: usize) -> bool {
    let next: String = text[after_stop..].trim_start_matches(['“', '‘']).chars().take_while(|c| c.is_alphabetic()).collect();
    let mut letters = next.chars();
    let starts_upper = letters.next().is_some_and(char::is_uppercase);
    // "However", "The", "Officials": a capital and then lower case (not "USA", "AFP", "I").
    if !starts_upper || next.chars().count() < 2 || !letters.all(char::is_lowercase) {
        return false;
    }
    let word = word_before(text, stop);
    // A plain lower-case word of two letters or more: no inner dots (initials,
    // abbreviations), no digits, no capitals ("iPhone.Com" is no sentence).
    if word.chars().count() < 2 || !word.chars().all(|c| c.is_alphabetic() && c.is_lowercase()) || is_abbreviation(word) {
        return false;
    }
    // Web addresses and e-mail: the stretch back to the last space holds "/" or "@".
    let head = &text[..stop];
    let token_start = head.rfind(char::is_whitespace).map_or(0, |at| at + 1);
    let token = &head[token_start..];
    !token.contains(['/', '@'])
}

/// The word (letters and inner dots) right before byte `stop`.
fn word_before(text: &str, stop: usize) -> &str {
    let head = &text[..stop];
    let begin = head.char_indices().rev().find(|&(_, c)| !(c.is_alphanumeric() || c == '.')).map_or(0, |(i, c)| i + c.len_utf8());
    &head[begin..]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("Orsay met Valk on Oct. 12. She left.", &["Orsay met Valk on Oct. 12.", "She left."]),
            ("U.S. President Harlan Moss arrived. He spoke.", &["U.S. President Harlan Moss arrived.", "He spoke."]),
            ("Dr. Varro said so. Then he left.", &["Dr. Varro said so.", "Then he left."]),
            ("Ada F. Brisk spoke.", &["Ada F. Brisk spoke."]),
            ("He said, \"It is over.\" Then silence.", &["He said, \"It is over.\"", "Then silence."]),
            ("Headline without stop\nBody text here.", &["Headline without stop", "Body text here."]),
            ("A wrapped line that goes\non in lower case.", &["A wrapped line that goes\non in lower case."]),
            ("First.\n\nSecond!", &["First.", "Second!"]),
            (
                "The parade went from the square through the old town to the stadium by the river, some\n4 kilometres away.",
                &["The parade went from the square through the old town to the stadium by the river, some\n4 kilometres away."],
            ),
            ("Posted March 14, 2024 9:37 pm\n1 min read", &["Posted March 14, 2024 9:37 pm", "1 min read"]),
            ("Is it? Yes.", &["Is it?", "Yes."]),
            ("It rose 3.5 percent.", &["It rose 3.5 percent."]),
            ("Rain fell in the hills.Later, the river rose.", &["Rain fell in the hills.", "Later, the river rose."]),
            ("The vote was close.\u{201c}We won,\u{201d} she said.", &["The vote was close.", "\u{201c}We won,\u{201d} she said."]),
            ("Was it fair?Nobody knew.", &["Was it fair?", "Nobody knew."]),
            ("U.S.Army units and J.R. Talbot came.", &["U.S.Army units and J.R. Talbot came."]),
            ("It ended at 4 p.m.Monday.", &["It ended at 4 p.m.Monday."]),
            ("Read more at example.com.The end.", &["Read more at example.com.The end."]),
            ("See www.example.Com for the rules.", &["See www.example.Com for the rules."]),
            ("Seeded No.1 and rated 9.5.Top marks.", &["Seeded No.1 and rated 9.5.Top marks."]),
            ("A crowd formed.AFP reported it.", &["A crowd formed.AFP reported it."]),
            ("at 5 p.m. on Monday.", &["at 5 p.m. on Monday."]),
            ("", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(split(text), *expected, "splitting {text:?}");
        }
    }

    #[test]
    fn abbreviations_are_the_lower_case_list_words() {
        assert!(ABBREVIATIONS.iter().all(|abbreviation| abbreviation.len() <= 6));
        let mut words: Vec<String> = ABBREVIATIONS.iter().flat_map(|a| [a.to_string(), a.to_uppercase(), a.to_ascii_uppercase()]).collect();
        words.extend(
            ["Oct", "OcT", "U.S", "u.K", "U.\u{212a}", "\u{212a}", "Dr", "Dre", "", ".", "s", "S", "ſ", "İ", "Orsay", "dec."]
                .map(String::from),
        );
        for word in &words {
            assert_eq!(is_abbreviation(word), ABBREVIATIONS.contains(&word.to_lowercase().as_str()), "{word:?}");
        }
    }

    #[test]
    fn ranges_stay_on_char_boundaries() {
        let text = "Orsay — 박민서 — met 🙂 Valk. Next…";
        for range in split_sentences(text) {
            assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
        }
    }
}
