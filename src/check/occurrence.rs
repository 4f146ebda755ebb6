//! Which occurrence of a recurring event a sentence tells. A series repeats the same words
//! for each of its occurrences ("Game 3 on Wednesday at the arena", "Game 5 on Monday at
//! the arena"; "Stage 12", "the third day of hearings", "a Category 4 storm"): a
//! source sentence about another occurrence aligns with the draft's as well as one about
//! the same, and its day, place or figure is no contradiction. Two marks tell occurrences
//! apart:
//!
//! - a label: a capitalised noun and a number ("Game 3", "Round 2", "Flight 482"), or an
//!   ordinal and a noun ("the seventh game", "the 3rd round"); two sentences that label
//!   the same noun with different numbers, and never with the same, tell two occurrences;
//! - a score: two sentences that each give a result, and no result in common ("118-104"
//!   and "111-102"), tell two games or two votes, for a day or a place.

use std::ops::Range;

use regex::Regex;
use std::sync::LazyLock;

use super::align::names_any;
use crate::facts::evidence::{Slot, Value, lemma};

/// A numbered occurrence named in a sentence: the noun's lemma, its number, and where it
/// is written (an offset into the text the sentence belongs to).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Label {
    noun: String,
    number: u32,
    range: Range<usize>,
}

/// The marks of one sentence that tell its occurrence.
#[derive(Debug, Default, Clone)]
pub(crate) struct Marks {
    labels: Vec<Label>,
    scores: Vec<(Value, Range<usize>)>,
    /// Whether the sentence tells a series' standing ("lead 1-0 in the series", "a 3-2 lead
    /// in the Finals"): its scores are games won so far, one moment of the series.
    standing: bool,
}

/// Words of a lead, and words of a series: a sentence with one of each tells a standing.
const LEAD_WORDS: &[&str] = &["lead", "leads", "led", "leading", "trail", "trails", "trailed", "trailing"];
const SERIES_WORDS: &[&str] = &["series", "finals", "playoff", "playoffs"];

const CARDINALS: &[&str] = &["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

const ORDINALS: &[&str] = &["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

/// Capitalised words before a number that name no occurrence: months (a day), and words
/// that open a sentence before a figure ("About 40", "Nearly 300").
fn names_no_occurrence(word: &str) -> bool {
    let lower = word.to_lowercase();
    crate::annotate::dates::is_month_name(word)
        || matches!(
            lower.as_str(),
            "about"
                | "nearly"
                | "almost"
                | "around"
                | "some"
                | "over"
                | "under"
                | "only"
                | "just"
                | "more"
                | "less"
                | "fewer"
                | "roughly"
                | "approximately"
                | "and"
                | "the"
                | "all"
                | "top"
                | "since"
                | "until"
                | "by"
                | "in"
                | "on"
                | "at"
                | "from"
                | "to"
                | "of"
                | "for"
                | "with"
                | "after"
                | "before"
                | "than"
                | "number"
                | "no"
        )
}

impl Marks {
    /// The marks of the sentence at `range` of `text`, whose values are `slots`.
    pub(crate) fn of(text: &str, range: Range<usize>, slots: &[Slot]) -> Marks {
        static CARDINAL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b([A-Z][a-z]{2,})[ \u{a0}]+(\d{1,4})\b").expect("label pattern"));
        static ORDINAL: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"(?i)\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|(\d{1,3})(?:st|nd|rd|th))[ \u{a0}]+([a-z]{3,})\b",
            )
            .expect("ordinal label pattern")
        });
        static SPELLED: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?:\b(of|in|for|at|during|after|before|from|since)[ \u{a0}]+)?\b([A-Za-z][a-z]{2,})[ \u{a0}]+(?i:(one|two|three|four|five|six|seven|eight|nine|ten))\b")
                .expect("spelled label pattern")
        });
        let mut marks = Marks::default();
        let Some(sentence) = text.get(range.clone()) else { return marks };
        let overlaps_score = |at: &Range<usize>| {
            slots.iter().any(|s| matches!(s.value, Value::Score(..)) && s.range().start < at.end && at.start < s.range().end)
        };
        for captures in CARDINAL.captures_iter(sentence) {
            let (Some(noun), Some(number)) = (captures.get(1), captures.get(2)) else { continue };
            let at = range.start + number.start()..range.start + number.end();
            // (Not "May 9", a date; not "Rovers 3-1" nor "Vexby 1,200", a result or a
            // figure; a number read as a figure still labels: "in Game 3.")
            let rest = &sentence[number.end()..];
            let continued = rest.starts_with(['-', '–', ':', ',', '.', '/']) && rest.chars().nth(1).is_some_and(|c| c.is_ascii_digit());
            if names_no_occurrence(noun.as_str()) || continued || overlaps_score(&at) {
                continue;
            }
            let Ok(value) = number.as_str().parse::<u32>() else { continue };
            if (1900..=2100).contains(&value) {
                continue;
            }
            let Some(noun_lemma) = lemma(&noun.as_str().to_lowercase()) else { continue };
            marks.labels.push(Label { noun: noun_lemma, number: value, range: range.start + noun.start()..at.end });
        }
        for captures in SPELLED.captures_iter(sentence) {
            let (Some(whole), Some(noun), Some(number)) = (captures.get(0), captures.get(2), captures.get(3)) else { continue };
            let capitalised = noun.as_str().starts_with(|c: char| c.is_uppercase());
            // A noun in lower case labels only after a preposition ("of game two", "in
            // round three"), not a verb's object ("killed two").
            if !capitalised && captures.get(1).is_none() || names_no_occurrence(noun.as_str()) {
                continue;
            }
            let value = CARDINALS.iter().position(|c| c.eq_ignore_ascii_case(number.as_str())).map(|p| p as u32 + 1);
            let (Some(value), Some(noun_lemma)) = (value, lemma(&noun.as_str().to_lowercase())) else { continue };
            marks.labels.push(Label { noun: noun_lemma, number: value, range: range.start + noun.start()..range.start + whole.end() });
        }
        for captures in ORDINAL.captures_iter(sentence) {
            let (Some(whole), Some(ordinal), Some(noun)) = (captures.get(0), captures.get(1), captures.get(3)) else { continue };
            let number = match captures.get(2) {
                Some(digits) => digits.as_str().parse::<u32>().ok(),
                None => ORDINALS.iter().position(|o| o.eq_ignore_ascii_case(ordinal.as_str())).map(|p| p as u32 + 1),
            };
            let (Some(number), Some(noun_lemma)) = (number, lemma(&noun.as_str().to_lowercase())) else { continue };
            marks.labels.push(Label { noun: noun_lemma, number, range: range.start + whole.start()..range.start + whole.end() });
        }
        marks.scores = slots.iter().filter(|s| matches!(s.value, Value::Score(..))).map(|s| (s.value.clone(), s.range())).collect();
        marks.standing = !marks.scores.is_empty() && names_any(sentence, LEAD_WORDS) && names_any(sentence, SERIES_WORDS);
        marks
    }

    /// Whether `self` (a draft sentence's marks) and `other` (a source sentence's) tell two
    /// occurrences, for the draft's value `judged` (its own label or score is what is
    /// checked, and tells nothing of which occurrence).
    pub(crate) fn another_occurrence(&self, other: &Marks, judged: &Slot) -> bool {
        let outside = |at: &Range<usize>| !(judged.range().start < at.end && at.start < judged.range().end);
        let labels: Vec<&Label> = self.labels.iter().filter(|l| outside(&l.range)).collect();
        let labelled_apart = labels.iter().any(|mine| {
            other.labels.iter().any(|theirs| theirs.noun == mine.noun && theirs.number != mine.number)
                && !other.labels.iter().any(|theirs| theirs.noun == mine.noun && theirs.number == mine.number)
        });
        if labelled_apart {
            return true;
        }
        // Two standings of a series after another number of games ("lead 1-0", "a 3-2
        // lead"): two moments of it, neither a contradiction of the other.
        if let Value::Score(a, b) = judged.value
            && self.standing
            && other.standing
        {
            let games = |v: &Value| match v {
                Value::Score(x, y) => Some(u32::from(*x) + u32::from(*y)),
                _ => None,
            };
            let same_scale: Vec<&Value> = other.scores.iter().map(|(v, _)| v).filter(|v| of_one_scale(&judged.value, v)).collect();
            if !same_scale.is_empty() && same_scale.iter().all(|v| games(v) != Some(u32::from(a) + u32::from(b))) {
                return true;
            }
        }
        // (A result tells a game's day and place apart, not its figures: a duration or a
        // count may be the whole series', told beside any one result.)
        if !(judged.value.is_date() || matches!(judged.value, Value::Place(_))) {
            return false;
        }
        let scores: Vec<&Value> = self.scores.iter().filter(|(_, at)| outside(at)).map(|(v, _)| v).collect();
        let pairs = || scores.iter().flat_map(|mine| other.scores.iter().map(move |(theirs, _)| (*mine, theirs)));
        pairs().any(|(mine, theirs)| of_one_scale(mine, theirs))
            && !pairs().any(|(mine, theirs)| mine.compatible(theirs) && theirs.compatible(mine))
    }
}

/// Whether two results count on one scale, so that one may be the other misstated: points
/// of a game with points ("111-102", "118-104"), goals or a series with goals or a series
/// ("5-0", "3-2"), votes with votes of a like body; not a game's points and the series
/// standing ("111-102" and "2-1").
fn of_one_scale(a: &Value, b: &Value) -> bool {
    let (Value::Score(a1, a2), Value::Score(b1, b2)) = (a, b) else { return false };
    let (a, b) = (f32::from(*a1.max(a2)).max(1.0), f32::from(*b1.max(b2)).max(1.0));
    a.max(b) <= 3.0 * a.min(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(text: &str) -> Vec<(String, u32)> {
        Marks::of(text, 0..text.len(), &[]).labels.into_iter().map(|l| (l.noun, l.number)).collect()
    }

    #[test]
    fn labels_are_numbered_nouns_and_ordinals() {
        assert_eq!(labels("The Rovers won Game 3 on Wednesday."), vec![(lemma("game").unwrap(), 3)]);
        assert_eq!(labels("They forced a seventh game at home."), vec![(lemma("game").unwrap(), 7)]);
        assert_eq!(labels("It was the 2nd round of talks."), vec![(lemma("round").unwrap(), 2)]);
        assert_eq!(labels("A photo from the end of game two."), vec![(lemma("game").unwrap(), 2)]);
        assert_eq!(labels("The Rovers won Game Seven."), vec![(lemma("game").unwrap(), 7)]);
        // A verb's object is no label.
        assert!(labels("The storm killed two in the valley.").is_empty());
        // Dates, years and figures opening a sentence are no labels.
        assert!(labels("On May 9 the jet left; About 40 people and Marlow 2024 too.").is_empty());
    }
}
