//! Numbers and counts with what they count: "4,200 troops", "three times", "twice",
//! "the 40th anniversary", "about 8,300", "more than 10".

use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::names::{Word, lower_case, words};

/// How exact a number was given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Precision {
    Exact,
    /// "about", "around", "some", "nearly", "roughly".
    About,
    /// "more than", "over", "at least".
    AtLeast,
    /// "less than", "fewer than", "up to".
    AtMost,
}

impl Precision {
    /// Whether the number is a bound ("more than 70", "up to 12"), not the count itself.
    pub fn is_bound(self) -> bool {
        matches!(self, Precision::AtLeast | Precision::AtMost)
    }
}

/// One number in a text, with the noun it counts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// Byte range of the number itself ("8,300", "40th", "twice", "four").
    pub range: Range<usize>,
    pub value: f64,
    /// "75th", "third": a position, not an amount.
    pub ordinal: bool,
    pub precision: Precision,
    /// What it counts, lower case and singular ("troop", "summit", "time", "anniversary").
    pub unit: Option<String>,
    /// Byte range of the unit word.
    pub unit_range: Option<Range<usize>>,
}

/// A number: digits grouped in thousands ("370,000"), in lakhs as South Asian outlets
/// write them ("3,70,000"), or plain with a decimal part.
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2}(?:,\d{2})+,\d{3}|\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:(st|nd|rd|th)|(bn|mn|tn|trn|m|k))?\b")
        .expect("number pattern")
});

/// The value of a number word ("four", "dozen").
pub fn cardinal(word: &str) -> Option<f64> {
    Some(match word {
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        "hundred" => 100.0,
        "dozen" => 12.0,
        _ => return None,
    })
}

/// The value of a number written with tens and units: "forty-one", "twenty-two".
fn tens_and_units(word: &str) -> Option<f64> {
    let (tens, units) = word.split_once('-')?;
    let (tens, units) = (cardinal(tens)?, cardinal(units)?);
    ((20.0..100.0).contains(&tens) && tens % 10.0 == 0.0 && (1.0..10.0).contains(&units)).then_some(tens + units)
}

/// The value of an ordinal word ("third").
fn ordinal(word: &str) -> Option<f64> {
    Some(match word {
        "first" => 1.0,
        "second" => 2.0,
        "third" => 3.0,
        "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        _ => return None,
    })
}

const MULTIPLIERS: &[(&str, f64)] = &[("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12)];

/// Words that end the search for a unit.
/// (Auxiliaries and verbs of saying too: "54 had been identified", "12 were hurt", "five
/// said" count people or things left unsaid, not "had"s.)
const UNIT_STOPS: &[&str] = &[
    "of", "and", "or", "in", "on", "at", "to", "for", "with", "from", "by", "than", "as", "that", "which", "who", "the", "a", "an", "is",
    "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "could", "should", "can", "may", "might", "must",
    "do", "does", "did", "said", "say", "says", "told",
];

/// Finds the numbers of one sentence (a byte range of `text`). `skip` holds ranges already
/// taken by dates, whose day numbers and years are not counts.
pub fn find_quantities(text: &str, sentence: Range<usize>, skip: &[Range<usize>]) -> Vec<Quantity> {
    find_quantities_in(text, &words(text, sentence), skip)
}

/// [`find_quantities`] for a sentence already split into its [`words`].
pub fn find_quantities_in(text: &str, words: &[Word], skip: &[Range<usize>]) -> Vec<Quantity> {
    // The skipped ranges sorted and merged, so that a word finds the one it could overlap
    // by bisection: a sentence of thousands of dates costs no more per word than one of a few.
    let mut merged: Vec<Range<usize>> = skip.to_vec();
    merged.sort_by_key(|range| range.start);
    merged.dedup_by(|next, kept| {
        let joins = next.start < kept.end;
        if joins {
            kept.end = kept.end.max(next.end);
        }
        joins
    });
    let overlaps_skip = |range: &Range<usize>| {
        let at = merged.partition_point(|s| s.end <= range.start);
        merged.get(at).is_some_and(|s| s.start < range.end)
    };
    let mut found = Vec::new();
    // The words each of `found` spans, as (first, one past the last).
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut index = 0;
    while index < words.len() {
        let word = &words[index];
        if overlaps_skip(&word.range) {
            index += 1;
            continue;
        }
        let lower = word.norm.as_ref();
        let mut parsed: Option<(f64, bool, usize)> = None; // value, ordinal, words used
        // A number match must start the word, so only words that start with a digit can hold one.
        if let Some(captures) = (word.text.starts_with(|c: char| c.is_ascii_digit()))
            .then(|| NUMBER.captures(word.text))
            .flatten()
            .filter(|c| c.get(0).is_some_and(|m| m.start() == 0 && m.end() == word.text.trim_end_matches('.').len()))
        {
            let digits = captures.get(1).map_or("", |m| m.as_str()).replace(',', "");
            // Times ("14:52"), ratios and scores are not counts.
            let next_char = text[word.range.end..].chars().next();
            let previous_char = text[..word.range.start].chars().next_back();
            let clock_or_ratio = matches!(next_char, Some(':' | '/')) || matches!(previous_char, Some(':' | '/'));
            // An amount with its multiplier joined, as business pages write it: "$49bn",
            // "£1.2tn", "€300mn"; "m" and "k" only after a currency sign ("$1.5m", "£50k"),
            // since "a 5m wall" is metres.
            let currency = matches!(previous_char, Some('$' | '€' | '£'));
            let multiplier = match captures.get(3).map(|m| m.as_str().to_ascii_lowercase()).as_deref() {
                None => Some(1.0),
                Some("bn") => Some(1e9),
                Some("tn" | "trn") => Some(1e12),
                Some("mn") => Some(1e6),
                Some("m") if currency => Some(1e6),
                Some("k") if currency => Some(1e3),
                Some(_) => None,
            };
            if let (Ok(value), false, Some(multiplier)) = (digits.parse::<f64>(), clock_or_ratio, multiplier) {
                parsed = Some((value * multiplier, captures.get(2).is_some(), 1));
            }
        } else if let Some(value) = cardinal(lower) {
            let a_dozen = lower == "dozen";
            if !a_dozen || index > 0 && words[index - 1].norm == "a" {
                // "half a dozen" is six, told loosely.
                let half = a_dozen && index > 1 && words[index - 2].norm == "half";
                parsed = Some((if half { value / 2.0 } else { value }, false, 1));
            }
        } else if let Some(value) = tens_and_units(lower) {
            parsed = Some((value, false, 1));
        } else if let Some(value) = ordinal(lower) {
            parsed = Some((value, true, 1));
        } else if matches!(lower, "twice" | "once" | "thrice") {
            let value = match lower {
                "once" => 1.0,
                "twice" => 2.0,
                _ => 3.0,
            };
            // "once" as "formerly" ("the once-mighty") is not a count; "at once" neither.
            let previous = index.checked_sub(1).map(|i| words[i].norm.as_ref());
            if lower != "once" || !matches!(previous, Some("at" | "all")) {
                found.push(Quantity {
                    range: word.range.clone(),
                    value,
                    ordinal: false,
                    precision: precision_before(words, index),
                    unit: Some("time".into()),
                    unit_range: Some(word.range.clone()),
                });
                spans.push((index, index + 1));
            }
            index += 1;
            continue;
        }
        let Some((mut value, ordinal, mut used)) = parsed else {
            index += 1;
            continue;
        };
        // Thousands grouped with a space, as many outlets write them ("200 000 km/h", with
        // a no-break or thin space too): one number.
        if !ordinal && (1..=3).contains(&word.text.len()) && word.text.bytes().all(|b| b.is_ascii_digit()) {
            while let Some(next) = words.get(index + used)
                && next.text.len() == 3
                && next.text.bytes().all(|b| b.is_ascii_digit())
                && text
                    .get(words[index + used - 1].range.end..next.range.start)
                    .is_some_and(|gap| matches!(gap, " " | "\u{a0}" | "\u{202f}" | "\u{2009}"))
            {
                value = value * 1000.0 + next.text.parse::<f64>().unwrap_or(0.0);
                used += 1;
            }
        }
        // "1.5 million", "two hundred", "five hundred thousand", "three and a half" stay one number.
        if let Some(next) = words.get(index + used)
            && next.norm == "hundred"
        {
            value *= 100.0;
            used += 1;
        }
        if let Some(next) = words.get(index + used)
            && let Some(&(_, multiplier)) = MULTIPLIERS.iter().find(|(name, _)| *name == next.norm)
        {
            value *= multiplier;
            used += 1;
        }
        // "two and a half years", "3 1/2 years".
        let word_at = |k: usize| words.get(index + used + k).map(|w| w.norm.as_ref());
        if !ordinal && value.fract() == 0.0 {
            if word_at(0) == Some("and") && word_at(1) == Some("a") && word_at(2) == Some("half") {
                value += 0.5;
                used += 3;
            } else if word_at(0) == Some("1")
                && word_at(1) == Some("2")
                && text.get(words[index + used].range.end..words[index + used + 1].range.start) == Some("/")
            {
                value += 0.5;
                used += 2;
            }
        }
        let end_word = &words[index + used - 1];
        let range = word.range.start..end_word.range.end;
        let (unit, unit_range) = match unit_after(text, words, index + used, value > 1.0 && !ordinal) {
            (None, _) => unit_before(words, index),
            found => found,
        };
        // A lone cardinal "one" is mostly a pronoun ("one of the"); keep it only with a unit.
        if (lower == "one" || lower == "first" || lower == "second") && unit.is_none() {
            index += used;
            continue;
        }
        let precision = if lower == "dozen" && value == 6.0 { Precision::About } else { precision_before(words, index) };
        found.push(Quantity { range, value, ordinal, precision, unit, unit_range });
        spans.push((index, index + used));
        index += used;
    }
    // "14 and nine seats", "between 20 and 30 people", "two or three times": a bare number
    // joined to the next one counts what the next one counts.
    for at in (0..found.len().saturating_sub(1)).rev() {
        let (next_start, this_end) = (spans[at + 1].0, spans[at].1);
        let joined = next_start == this_end + 1 && matches!(words[this_end].norm.as_ref(), "and" | "or" | "to");
        if found[at].unit.is_none() && !found[at].ordinal && found[at + 1].ordinal == found[at].ordinal && joined {
            found[at].unit = found[at + 1].unit.clone();
            found[at].unit_range = found[at + 1].unit_range.clone();
        }
    }
    // "10–20 km", "between 20 and 30 people": an estimate's range, whose ends are bounds
    // ("at least 10", "at most 20"), no exact figures. (Not "from 12 to 20": a change.)
    for at in 0..found.len().saturating_sub(1) {
        let (low, high) = (&found[at], &found[at + 1]);
        let gap = text.get(low.range.end..high.range.start).unwrap_or("");
        let dash = matches!(gap.trim(), "\u{2013}" | "-" | "\u{2014}") && (gap.len() <= 1 || gap.starts_with(' ') == gap.ends_with(' '));
        let between = gap == " and " && spans[at].0 > 0 && words[spans[at].0 - 1].norm == "between";
        if (dash || between)
            && low.precision == Precision::Exact
            && high.precision == Precision::Exact
            && !low.ordinal
            && !high.ordinal
            && low.value < high.value
        {
            found[at].precision = Precision::AtLeast;
            found[at + 1].precision = Precision::AtMost;
            // (The low end counts what the high end does: "10–20 km".)
            if found[at].unit.is_none() {
                found[at].unit = found[at + 1].unit.clone();
                found[at].unit_range = found[at + 1].unit_range.clone();
            }
        }
    }
    found
}

fn precision_before(words: &[Word], index: usize) -> Precision {
    let back = |n: usize| index.checked_sub(n).map(|i| words[i].norm.as_ref());
    // "No more than 40" is at most 40, "no fewer than 40" at least; "as many as 40", "as
    // much as $20.65" reach up to it.
    match (back(3), back(2), back(1)) {
        (Some("no" | "not"), Some("more" | "greater" | "higher"), Some("than")) | (Some("as"), Some("many" | "much"), Some("as")) => {
            return Precision::AtMost;
        }
        (Some("no" | "not"), Some("less" | "fewer" | "lower"), Some("than")) => return Precision::AtLeast,
        _ => {}
    }
    match (back(2), back(1)) {
        (Some("more" | "greater" | "higher"), Some("than"))
        | (Some("at"), Some("least"))
        | (Some("upwards"), Some("of"))
        | (
            _,
            Some(
                "over" | "exceeding" | "exceeded" | "exceeds" | "surpassed" | "surpassing" | "surpasses" | "topped" | "topping" | "tops"
                | "beyond",
            ),
        ) => Precision::AtLeast,
        (Some("less" | "fewer" | "lower"), Some("than")) | (Some("up"), Some("to")) | (Some("at"), Some("most")) | (_, Some("below")) => {
            Precision::AtMost
        }
        (
            _,
            Some(
                "about" | "around" | "some" | "nearly" | "almost" | "roughly" | "approximately" | "approx" | "estimated" | "an" | "nearby",
            ),
        ) => Precision::About,
        _ => Precision::Exact,
    }
}

/// The noun a number measures when it is written after it: "a magnitude of 5.8", "a depth
/// of 12 km" without its unit, "the toll of 271". A determiner, a noun, "of", the number.
fn unit_before(words: &[Word], index: usize) -> (Option<String>, Option<Range<usize>>) {
    let back = |n: usize| index.checked_sub(n).map(|i| &words[i]);
    match (back(3), back(2), back(1)) {
        (Some(determiner), Some(noun), Some(of))
            if of.norm == "of"
                && matches!(determiner.norm.as_ref(), "a" | "an" | "the")
                && noun.norm.chars().all(char::is_alphabetic)
                && !UNIT_STOPS.contains(&noun.norm.as_ref())
                && !matches!(
                    noun.norm.as_ref(),
                    "total"
                        | "number"
                        | "group"
                        | "couple"
                        | "pair"
                        | "series"
                        | "handful"
                        | "lot"
                        | "majority"
                        | "minority"
                        | "most"
                        | "some"
                        | "all"
                        | "one"
                ) =>
        {
            (Some(singular(&noun.norm)), Some(noun.range.clone()))
        }
        _ => (None, None),
    }
}

/// The noun a number counts: the first word of the next three that is not a modifier
/// we can recognise, stopping at prepositions and punctuation. Of a count above one
/// (`plural`), a singular noun before a plural one only qualifies it: the plural is what is
/// counted ("437 outbreak cases", "three display cases", "nine Fennick counties").
fn unit_after(text: &str, words: &[Word], start: usize, plural: bool) -> (Option<String>, Option<Range<usize>>) {
    let mut best: Option<&Word> = None;
    // Whether `word` goes on the phrase of the one before it.
    let in_phrase = |at: usize| {
        at.checked_sub(1).is_none_or(|previous| {
            text.get(words[previous].range.end..words[at].range.start).is_some_and(|gap| gap.chars().all(char::is_whitespace))
        })
    };
    for offset in 0..3 {
        let Some(word) = words.get(start + offset) else { break };
        let lower = word.norm.as_ref();
        if UNIT_STOPS.contains(&lower) || NOT_NOUNS.contains(&lower) || word.text.chars().next().is_some_and(|c| !c.is_alphabetic()) {
            break;
        }
        // A unit goes on within its phrase, not past a comma ("57 missing, the coastguard
        // said"), nor starts past one ("Varro, 61, had spent").
        if !in_phrase(start + offset) {
            break;
        }
        best = Some(word);
        if is_known_unit(&singular(lower)) || lower.ends_with('s') && offset > 0 {
            break;
        }
        if plural
            && !lower.ends_with('s')
            && let Some(head) = words.get(start + offset + 1)
            && in_phrase(start + offset + 1)
            && plural_noun(head)
        {
            best = Some(head);
            break;
        }
        // Only adjectives we can tell ("historic", "in-person", "brief") let the search go on.
        if !looks_like_adjective(lower) {
            break;
        }
    }
    match best {
        // A plural compound's head is its last part: "seven double-faults" count faults, as
        // "nine double faults" do. (Not "fifth all-time", no noun counted.)
        Some(word) => {
            let head = word.norm.rsplit_once('-').map_or(word.norm.as_ref(), |(_, last)| last);
            let plural = head.len() > 3 && head.ends_with('s') && head.chars().all(char::is_alphabetic);
            let head = if plural { head } else { word.norm.as_ref() };
            (Some(singular(head)), Some(word.range.clone()))
        }
        None => (None, None),
    }
}

/// Words that follow a number without being what it counts: pronouns and conjunctions
/// ("five short of the 529 he needed", "limited the queue to 40,000 until the gates shut").
const NOT_NOUNS: &[&str] = &[
    "he", "she", "it", "they", "we", "i", "you", "after", "before", "since", "until", "when", "while", "where", "but", "if", "because",
    "so", "then", "into", "during", "per", "this", "these", "those", "its", "their", "his", "her",
];

/// A lower-case plural noun, as far as its spelling tells: "cases", "counties", not a verb
/// in -ss or a word of the stop list.
fn plural_noun(word: &Word) -> bool {
    let lower = word.norm.as_ref();
    word.text.starts_with(|c: char| c.is_ascii_lowercase())
        && lower.len() > 3
        && lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("us")
        && !lower.ends_with("is")
        && !UNIT_STOPS.contains(&lower)
        && !NOT_NOUNS.contains(&lower)
}

fn looks_like_adjective(word: &str) -> bool {
    word.contains('-')
        || ["ic", "al", "ous", "ive", "ful", "ary", "ed", "ing", "est", "ish", "ian", "ese", "ern"].iter().any(|s| word.ends_with(s))
        || matches!(
            word,
            "brief"
                | "new"
                | "major"
                | "key"
                | "top"
                | "more"
                | "other"
                | "such"
                | "separate"
                | "last"
                | "previous"
                | "straight"
                | "whole"
                | "full"
                | "extra"
                | "further"
        )
}

/// Units the checker knows how to compare well.
fn is_known_unit(unit: &str) -> bool {
    matches!(
        unit,
        "time"
            | "summit"
            | "meeting"
            | "talk"
            | "encounter"
            | "visit"
            | "trip"
            | "troop"
            | "soldier"
            | "anniversary"
            | "year"
            | "month"
            | "day"
            | "week"
            | "people"
            | "person"
            | "death"
            | "victim"
    )
}

/// A crude English singular, good enough to compare units ("summits" → "summit", "troops" → "troop").
pub fn singular(word: &str) -> String {
    let word = lower_case(word).into_owned();
    if word == "people" || word == "talks" || word == "news" || word.ends_with("ss") || word.len() <= 3 {
        return word;
    }
    if let Some(stem) = word.strip_suffix("ies") {
        return format!("{stem}y");
    }
    if let Some(stem) = word.strip_suffix("es")
        && (stem.ends_with("ch") || stem.ends_with("sh") || stem.ends_with('x'))
    {
        return stem.to_string();
    }
    word.strip_suffix('s').map_or(word.clone(), str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quantities(text: &str) -> Vec<(String, f64, bool, Precision, Option<String>)> {
        find_quantities(text, 0..text.len(), &[])
            .into_iter()
            .map(|q| (text[q.range.clone()].to_string(), q.value, q.ordinal, q.precision, q.unit))
            .collect()
    }

    #[test]
    #[allow(clippy::type_complexity)]
    fn table() {
        let exact = Precision::Exact;
        let cases: Vec<(&str, Vec<(&str, f64, bool, Precision, Option<&str>)>)> = vec![
            ("Velmora has sent around 4,200 troops.", vec![("4,200", 4200.0, false, Precision::About, Some("troop"))]),
            ("Harlan met Orsay three times.", vec![("three", 3.0, false, exact, Some("time"))]),
            ("By then 54 had been identified and 12 were hurt.", vec![("54", 54.0, false, exact, None), ("12", 12.0, false, exact, None)]),
            ("Harlan met Orsay twice.", vec![("twice", 2.0, false, exact, Some("time"))]),
            ("Harlan and Orsay had three historic summits.", vec![("three", 3.0, false, exact, Some("summit"))]),
            ("three in-person meetings so far", vec![("three", 3.0, false, exact, Some("meeting"))]),
            ("to mark the 40th anniversary of", vec![("40th", 40.0, true, exact, Some("anniversary"))]),
            (
                "the first such delegation in seven years",
                vec![("first", 1.0, true, exact, Some("delegation")), ("seven", 7.0, false, exact, Some("year"))],
            ),
            ("more than 10,000 people", vec![("10,000", 10000.0, false, Precision::AtLeast, Some("people"))]),
            ("revenue surpassed 460 million", vec![("460 million", 460e6, false, Precision::AtLeast, None)]),
            ("Varro, fifty-three, said", vec![("fifty-three", 53.0, false, Precision::Exact, None)]),
            ("It had a magnitude of 5.8, the survey said.", vec![("5.8", 5.8, false, Precision::Exact, Some("magnitude"))]),
            ("The police counted a total of 12, they said.", vec![("12", 12.0, false, Precision::Exact, None)]),
            // A noun that qualifies the plural one counted.
            ("The state counted 437 outbreak cases.", vec![("437", 437.0, false, exact, Some("case"))]),
            ("They broke three display cases.", vec![("three", 3.0, false, exact, Some("case"))]),
            ("One man dies every week.", vec![("One", 1.0, false, exact, Some("man"))]),
            // A word that says how the things came is no unit: "straight", "consecutive".
            ("They had won 11 straight one-goal games.", vec![("11", 11.0, false, exact, Some("game"))]),
            // A pronoun or a conjunction after a number counts nothing.
            (
                "It was five short of the 529 he needed.",
                vec![("five", 5.0, false, exact, Some("short")), ("529", 529.0, false, exact, None)],
            ),
            ("Stewards limited the queue to 40,000 after the storm.", vec![("40,000", 40000.0, false, exact, None)]),
            ("He paid five hundred thousand dollars.", vec![("five hundred thousand", 500000.0, false, exact, Some("dollar"))]),
            ("1.5 million barrels", vec![("1.5 million", 1_500_000.0, false, exact, Some("barrel"))]),
            ("Published at 14:52 today", vec![]),
            // A multiplier joined to an amount; "m" only after a currency sign.
            ("BHP offered $49bn for it", vec![("49bn", 49e9, false, exact, None)]),
            ("a £1.5m payout and a 5m wall", vec![("1.5m", 1.5e6, false, exact, Some("payout"))]),
            // Thousands grouped with spaces, plain or thin.
            ("moving at 200 000 km/h", vec![("200 000", 200_000.0, false, exact, Some("km"))]),
            ("home to 1\u{202f}250\u{202f}000 residents", vec![("1\u{202f}250\u{202f}000", 1_250_000.0, false, exact, Some("resident"))]),
            // A range's ends are bounds; a change's are not.
            (
                "the crater is 10\u{2013}20 km wide",
                vec![("10", 10.0, false, Precision::AtLeast, Some("km")), ("20", 20.0, false, Precision::AtMost, Some("km"))],
            ),
            (
                "between 20 and 30 people",
                vec![("20", 20.0, false, Precision::AtLeast, Some("people")), ("30", 30.0, false, Precision::AtMost, Some("people"))],
            ),
            ("rose from 12 to 20 people", vec![("12", 12.0, false, exact, Some("people")), ("20", 20.0, false, exact, Some("people"))]),
            ("in 2019 120 people", vec![("2019", 2019.0, false, exact, None), ("120", 120.0, false, exact, Some("people"))]),
            ("Their third meeting", vec![("third", 3.0, true, exact, Some("meeting"))]),
            ("one of the officials", vec![]),
            ("a dozen reporters", vec![("dozen", 12.0, false, exact, Some("reporter"))]),
            ("half a dozen saves", vec![("dozen", 6.0, false, Precision::About, Some("save"))]),
            ("no more than 40 people", vec![("40", 40.0, false, Precision::AtMost, Some("people"))]),
            ("no fewer than 12 boats", vec![("12", 12.0, false, Precision::AtLeast, Some("boat"))]),
            ("as many as 300 homes", vec![("300", 300.0, false, Precision::AtMost, Some("home"))]),
            ("seven double-faults", vec![("seven", 7.0, false, exact, Some("fault"))]),
            ("nine double faults", vec![("nine", 9.0, false, exact, Some("fault"))]),
            ("fifth all-time", vec![("fifth", 5.0, true, exact, Some("all-time"))]),
            ("fewer than 20 ships", vec![("20", 20.0, false, Precision::AtMost, Some("ship"))]),
            ("some 3,70,000 people came", vec![("3,70,000", 370_000.0, false, Precision::About, Some("people"))]),
            ("another 1,20,000 people filled the square", vec![("1,20,000", 120_000.0, false, exact, Some("people"))]),
            ("will hold 14 and nine seats", vec![("14", 14.0, false, exact, Some("seat")), ("nine", 9.0, false, exact, Some("seat"))]),
            ("two and a half years", vec![("two and a half", 2.5, false, exact, Some("year"))]),
            ("a sentence of 3 1/2 years", vec![("3 1/2", 3.5, false, exact, Some("year"))]),
            ("3 in the morning and 40 people", vec![("3", 3.0, false, exact, None), ("40", 40.0, false, exact, Some("people"))]),
        ];
        for (text, expected) in cases {
            let expected: Vec<_> = expected.into_iter().map(|(t, v, o, p, u)| (t.to_string(), v, o, p, u.map(str::to_string))).collect();
            assert_eq!(quantities(text), expected, "quantities in {text:?}");
        }
    }

    #[test]
    fn skips_date_numbers() {
        let text = "They met on Mar. 19 and sent 300 troops.";
        let date = text.find("Mar. 19").unwrap();
        let found = find_quantities(text, 0..text.len(), &[date..date + 7]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].value, 300.0);
    }
}
