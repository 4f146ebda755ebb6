//! The evidence index: every corpus sentence with its content lemmas and its typed values
//! (dates, figures, places), so that a draft sentence finds the sentences that speak of the
//! same thing (retrieval by IDF-weighted overlap of lemmas, BM25-style) and a draft value
//! finds the value of the same type that the same words govern (its *frame*: "the launch
//! was moved to DATE", "a fine of N euros", "held at the detention center in PLACE").
//!
//! No list of event kinds: any noun or verb near a value is part of its frame, and frames
//! are compared by lemmas (Snowball stems) weighted by rarity and by nearness to the value.
//! The index is behind [`EvidenceSource`], so that another store (an on-disk or shared
//! search index) can answer the same questions; [`EvidenceIndex`] is the in-memory one.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::{Deserialize, Serialize};

use super::extract::Analysis;
use super::people::one_edit_apart;
use crate::annotate::counts::{Precision, Quantity};
use crate::annotate::dates::{CALENDAR_WORDS, DateValue};
use crate::annotate::names::{Word, lower_case};

/// Most corpus sentences a draft sentence is compared with.
pub const MAX_CANDIDATES: usize = 48;

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// Words that carry no frame: function words, reporting verbs, calendar words (dates are
/// values of their own: [`CALENDAR_WORDS`] and more), number words (figures are values of their own).
static STOP: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "from",
        "by",
        "with",
        "and",
        "or",
        "but",
        "as",
        "is",
        "was",
        "were",
        "are",
        "be",
        "been",
        "being",
        "am",
        "has",
        "have",
        "had",
        "having",
        "do",
        "does",
        "did",
        "its",
        "it",
        "their",
        "his",
        "her",
        "hers",
        "him",
        "them",
        "they",
        "she",
        "he",
        "we",
        "us",
        "our",
        "you",
        "your",
        "i",
        "me",
        "my",
        "that",
        "this",
        "these",
        "those",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "while",
        "why",
        "how",
        "than",
        "then",
        "there",
        "here",
        "so",
        "such",
        "also",
        "will",
        "would",
        "could",
        "should",
        "can",
        "may",
        "might",
        "must",
        "shall",
        "not",
        "no",
        "nor",
        "into",
        "onto",
        "over",
        "under",
        "after",
        "before",
        "during",
        "since",
        "until",
        "about",
        "around",
        "some",
        "nearly",
        "almost",
        "roughly",
        "approximately",
        "more",
        "most",
        "less",
        "least",
        "fewer",
        "up",
        "down",
        "out",
        "off",
        "again",
        "just",
        "only",
        "very",
        "all",
        "any",
        "both",
        "each",
        "every",
        "other",
        "another",
        "own",
        "same",
        "if",
        "because",
        "though",
        "although",
        "whether",
        "via",
        "per",
        "between",
        "among",
        "against",
        "through",
        "across",
        "near",
        "including",
        "amid",
        "within",
        "without",
        "said",
        "says",
        "say",
        "saying",
        "told",
        "tell",
        "tells",
        "according",
        "reported",
        "reports",
        "added",
        "adding",
        "noted",
        "stated",
        "announced",
        "statement",
        "week",
        "weekend",
        "day",
        "days",
        "morning",
        "afternoon",
        "evening",
        "night",
        "earlier",
        "later",
        "last",
        "next",
        "previous",
        "following",
        "ago",
        "year",
        "month",
        "time",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "dozen",
        "hundred",
        "thousand",
        "million",
        "billion",
        "trillion",
        "first",
        "second",
        "third",
        "percent",
        "cent",
        "a.m",
        "p.m",
        "am",
        "pm",
        "mr",
        "mrs",
        "ms",
        "dr",
        "new",
        "now",
        "still",
        "yet",
        "already",
        "even",
        "much",
        "many",
        "well",
        "like",
        "get",
        "got",
        "went",
        "go",
        "come",
        "came",
        "make",
        "made",
        "take",
        "took",
        "its",
        "it's",
        "he's",
        "she's",
        "they're",
    ]
    .into_iter()
    .chain(CALENDAR_WORDS.iter().copied())
    .collect()
});

/// Prepositions after which a name is a place.
const LOCATIVES: &[&str] = &[
    "in", "at", "near", "outside", "inside", "from", "across", "into", "off", "over", "toward", "towards", "via", "left", "leaving",
    "departed",
];

/// The last words of names of land and water, which take "the": "the Tessel River".
const GEOGRAPHIC: &[&str] = &[
    "river",
    "lake",
    "sea",
    "ocean",
    "bay",
    "gulf",
    "strait",
    "channel",
    "canal",
    "island",
    "islands",
    "peninsula",
    "coast",
    "valley",
    "mountains",
    "desert",
    "territories",
    "territory",
    "province",
    "region",
    "county",
    "district",
];

/// Words of travel after which "to" names where someone or something went: "a flight to
/// Norway", "moved to Brackwell", "on a visit to Tarrow" (not "spoke to Norrpost", "lost
/// to Dunmore": no travel there).
pub(crate) const TRAVEL_BEFORE_TO: &[&str] = &[
    "fly",
    "flew",
    "flown",
    "flying",
    "flies",
    "flight",
    "flights",
    "travel",
    "travels",
    "traveled",
    "travelled",
    "traveling",
    "travelling",
    "trip",
    "trips",
    "journey",
    "visit",
    "visits",
    "return",
    "returns",
    "returned",
    "returning",
    "move",
    "moves",
    "moved",
    "moving",
    "relocated",
    "relocate",
    "head",
    "heads",
    "headed",
    "heading",
    "bound",
    "fled",
    "flee",
    "flees",
    "fleeing",
    "deported",
    "extradited",
    "transferred",
    "airlifted",
    "evacuated",
    "diverted",
    "rerouted",
    "drove",
    "driven",
    "sailed",
    "went",
    "go",
    "goes",
    "going",
    "gone",
    "came",
    "come",
    "comes",
    "coming",
    "route",
    "routes",
    "road",
    "way",
];

/// Verbs whose object is the place gone to: "visited Tarrow", "toured Fennick".
pub(crate) const VISITING: &[&str] = &["visit", "visits", "visited", "visiting", "toured", "tours", "touring"];

/// Words of direction that take "of" before a place: "out of Fort Ravell", "north of the city"
/// (and the kinds of place and offices of [`PLACE_NOUNS`](super::extract::PLACE_NOUNS)).
const OF_PLACE: &[&str] = &["out", "north", "south", "east", "west", "outside", "outskirts"];

/// Whether a word takes "of" before a place: [`OF_PLACE`], and the compass points between
/// ("northeast of Darrow", "south-west of the port"), in lower case.
pub(crate) fn of_place(word: &str) -> bool {
    if OF_PLACE.contains(&word) {
        return true;
    }
    let joined = word.strip_suffix("east").or_else(|| word.strip_suffix("west"));
    joined.is_some_and(|head| matches!(head, "north" | "south" | "north-" | "south-"))
}

/// Whether a name stands where a place does: right after a preposition of place ("in
/// Ashcombe", "at Aldermoor", not "in the Harvest Cup" read as a name used as a noun), with
/// "the" between ("born in the Tessmark", "from the Tessel River"), after "out of" or
/// "north of", or listed after a place just read ("in Port Ellery and Brackwell").
/// `last_place` is the end of the last name read as a place.
fn after_locative(text: &str, place: &Range<usize>, last_place: Option<usize>) -> bool {
    // "Bergen-based": where a thing is based.
    if place_suffix(&text[place.end..]).is_some() {
        return true;
    }
    let before = &text[..place.start];
    let mut words = before.rsplit(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).map(lower_case);
    let Some(previous) = words.next() else { return false };
    // Before the noun it locates: "a Carrow resident", "the Dunmore courtroom".
    if before.ends_with(' ') && before_located_noun(&previous, text, place) {
        return true;
    }
    if LOCATIVES.contains(&previous.as_ref()) {
        // ("in Ashcombe", but not across a sentence's punctuation: "in. Ashcombe")
        return before.trim_end().ends_with(|c: char| c.is_alphabetic());
    }
    if destination(text, place) {
        return true;
    }
    let second = words.next();
    // ("the border with Tarnia": see `is_place_like`.)
    if across_border(&previous, second.as_deref()) {
        return true;
    }
    match previous.as_ref() {
        // ("in the Tessmark", "from the Tessel River"; not "at the Harlow Detention
        // Center": a building's name is the words its frame is told in.)
        "the" => {
            let last = text[place.clone()].rsplit(' ').next().map(lower_case).unwrap_or_default();
            // (A lone word followed by "of" is a thing's name: "the Port of Halvik".)
            // (Nor is a lone word that names a kind of place: "the Gulf", "the Valley".)
            let words = text[place.clone()].split(' ').count();
            let one_word = words == 1 && !text[place.end..].starts_with(" of ") && !GEOGRAPHIC.contains(&last.as_ref());
            let named_land_or_water = words > 1 && GEOGRAPHIC.contains(&last.as_ref());
            return second.is_some_and(|w| LOCATIVES.contains(&w.as_ref())) && (one_word || named_land_or_water);
        }
        "of" => return second.is_some_and(|w| of_place(&w) || super::extract::PLACE_NOUNS.contains(&w.as_ref())),
        _ => {}
    }
    // Listed after a place: "in Port Ellery and Brackwell".
    last_place.filter(|&end| end <= place.start).is_some_and(|end| crate::annotate::names::listed_after(text, &(end..end), place))
}

/// Whether a name is where someone or something went: "a flight to Norway", "on a visit to
/// Tarrow", "went on to Velmar", "visited Fennick".
fn destination(text: &str, place: &Range<usize>) -> bool {
    let before = &text[..place.start];
    // (Not across a sentence's punctuation: "to. Korsk".)
    if !before.trim_end().ends_with(|c: char| c.is_alphabetic()) {
        return false;
    }
    let mut words = before.rsplit(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).map(lower_case);
    let Some(previous) = words.next() else { return false };
    let travel = |w: &str| TRAVEL_BEFORE_TO.contains(&w);
    match previous.as_ref() {
        "onto" => true,
        "to" => match words.next().as_deref() {
            Some("on") => words.next().is_some_and(|w| travel(&w)),
            Some(word) => travel(word),
            None => false,
        },
        word => VISITING.contains(&word),
    }
}

/// Words before a date that make it the date of a report, not of the event: "said on Tuesday".
const REPORT_WORDS: &[&str] =
    &["said", "says", "told", "reported", "announced", "statement", "added", "confirmed", "according", "published", "updated", "posted"];

thread_local! {
    /// Lemmas already computed on this thread: a corpus repeats its words, and the stemmer
    /// is the costliest step of indexing. Emptied when it grows past [`MAX_CACHED_LEMMAS`].
    static LEMMAS: std::cell::RefCell<HashMap<Box<str>, Option<Box<str>>>> = std::cell::RefCell::new(HashMap::default());
}

const MAX_CACHED_LEMMAS: usize = 200_000;

/// The lemma of a word as the index keeps it, or `None` for a word that carries no frame.
pub fn lemma(norm: &str) -> Option<String> {
    if let Some(known) = LEMMAS.with(|cache| cache.borrow().get(norm).cloned()) {
        return known.map(String::from);
    }
    let found = compute_lemma(norm);
    LEMMAS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.len() >= MAX_CACHED_LEMMAS {
            cache.clear();
        }
        cache.insert(norm.into(), found.as_deref().map(Box::from));
    });
    found
}

/// A unit written short ("18 km", "3 hrs") or the American way ("kilometers", "meters"),
/// written out the British way, so that "18 km" and "18 kilometres" are one figure under
/// one word. ("m" is left alone: metres or millions; so are "mi" and "sec", names and
/// titles too.)
fn unit_in_full(word: &str) -> Option<&'static str> {
    Some(match word {
        "km" | "kms" | "kilometer" | "kilometers" => "kilometre",
        "meter" | "meters" => "metre",
        "cm" | "centimeter" | "centimeters" => "centimetre",
        "mm" | "millimeter" | "millimeters" => "millimetre",
        "ft" | "feet" => "foot",
        "kg" | "kgs" | "kilo" | "kilos" | "kilogramme" | "kilogrammes" => "kilogram",
        "liter" | "liters" => "litre",
        "hr" | "hrs" => "hour",
        "min" | "mins" => "minute",
        "yr" | "yrs" => "year",
        _ => return None,
    })
}

fn compute_lemma(norm: &str) -> Option<String> {
    let norm = norm.trim_matches(|c: char| !c.is_alphanumeric());
    if norm.len() < 2 || STOP.contains(norm) || norm.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let lower = lower_case(norm);
    let lower = lower.replace('’', "'");
    let lower = lower.strip_suffix("'s").unwrap_or(&lower);
    if STOP.contains(lower) {
        return None;
    }
    // The stemmer strips suffixes; an irregular verb's past is another word ("spoke" and
    // "speaking", "fled" and "flee"): its base is stemmed instead.
    let base = IRREGULAR_VERBS.get(lower).copied().or_else(|| unit_in_full(lower)).unwrap_or(lower);
    Some(STEMMER.stem(base).into_owned())
}

/// English irregular verbs: each past and past participle with its base, as news prose
/// uses them. Forms that are as often another word are left out ("left", "lay", "ground",
/// "wound", "lit", "bore", "found" as in a company).
static IRREGULAR_VERBS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    const FORMS: &[(&str, &[&str])] = &[
        ("arise", &["arose", "arisen"]),
        ("beat", &["beaten"]),
        ("become", &["became"]),
        ("begin", &["began", "begun"]),
        ("bend", &["bent"]),
        ("bite", &["bit", "bitten"]),
        ("blow", &["blew", "blown"]),
        ("break", &["broke", "broken"]),
        ("bring", &["brought"]),
        ("build", &["built"]),
        ("buy", &["bought"]),
        ("catch", &["caught"]),
        ("choose", &["chose", "chosen"]),
        ("come", &["came"]),
        ("deal", &["dealt"]),
        ("dig", &["dug"]),
        ("draw", &["drew", "drawn"]),
        ("drink", &["drank", "drunk"]),
        ("drive", &["drove", "driven"]),
        ("eat", &["ate", "eaten"]),
        ("fall", &["fell", "fallen"]),
        ("feed", &["fed"]),
        ("feel", &["felt"]),
        ("fight", &["fought"]),
        ("flee", &["fled"]),
        ("fly", &["flew", "flown"]),
        ("forbid", &["forbade", "forbidden"]),
        ("foresee", &["foresaw", "foreseen"]),
        ("forget", &["forgot", "forgotten"]),
        ("forgive", &["forgave", "forgiven"]),
        ("freeze", &["froze", "frozen"]),
        ("get", &["got", "gotten"]),
        ("give", &["gave", "given"]),
        ("go", &["went", "gone"]),
        ("grow", &["grew", "grown"]),
        ("hang", &["hung"]),
        ("hear", &["heard"]),
        ("hide", &["hid", "hidden"]),
        ("hold", &["held"]),
        ("keep", &["kept"]),
        ("know", &["knew", "known"]),
        ("lead", &["led"]),
        ("lend", &["lent"]),
        ("lose", &["lost"]),
        ("make", &["made"]),
        ("mean", &["meant"]),
        ("meet", &["met"]),
        ("mistake", &["mistook", "mistaken"]),
        ("oversee", &["oversaw", "overseen"]),
        ("overtake", &["overtook", "overtaken"]),
        ("overthrow", &["overthrew", "overthrown"]),
        ("pay", &["paid"]),
        ("rebuild", &["rebuilt"]),
        ("ride", &["rode", "ridden"]),
        ("ring", &["rang", "rung"]),
        ("rise", &["rose", "risen"]),
        ("run", &["ran"]),
        ("say", &["said"]),
        ("see", &["saw", "seen"]),
        ("seek", &["sought"]),
        ("sell", &["sold"]),
        ("send", &["sent"]),
        ("shake", &["shook", "shaken"]),
        ("shoot", &["shot"]),
        ("show", &["shown"]),
        ("shrink", &["shrank", "shrunk"]),
        ("sing", &["sang", "sung"]),
        ("sink", &["sank", "sunk"]),
        ("sit", &["sat"]),
        ("sleep", &["slept"]),
        ("slide", &["slid"]),
        ("speak", &["spoke", "spoken"]),
        ("spend", &["spent"]),
        ("spin", &["spun"]),
        ("stand", &["stood"]),
        ("steal", &["stole", "stolen"]),
        ("stick", &["stuck"]),
        ("strike", &["struck", "stricken"]),
        ("swear", &["swore", "sworn"]),
        ("sweep", &["swept"]),
        ("swim", &["swam", "swum"]),
        ("swing", &["swung"]),
        ("take", &["took", "taken"]),
        ("teach", &["taught"]),
        ("tear", &["tore", "torn"]),
        ("tell", &["told"]),
        ("think", &["thought"]),
        ("throw", &["threw", "thrown"]),
        ("understand", &["understood"]),
        ("undertake", &["undertook", "undertaken"]),
        ("uphold", &["upheld"]),
        ("wake", &["woke", "woken"]),
        ("wear", &["wore", "worn"]),
        ("weep", &["wept"]),
        ("win", &["won"]),
        ("withdraw", &["withdrew", "withdrawn"]),
        ("withhold", &["withheld"]),
        ("write", &["wrote", "written"]),
    ];
    FORMS.iter().flat_map(|&(base, forms)| forms.iter().map(move |&form| (form, base))).collect()
});

/// Continents and the world's regions, as places are normalised (lower case).
const WORLD_REGIONS: &[&str] = &[
    "africa",
    "asia",
    "europe",
    "oceania",
    "antarctica",
    "the americas",
    "americas",
    "north america",
    "south america",
    "central america",
    "latin america",
    "the caribbean",
    "caribbean",
    "the middle east",
    "middle east",
    "southeast asia",
    "south asia",
    "east asia",
    "central asia",
    "western europe",
    "eastern europe",
    "central europe",
    "northern europe",
    "southern europe",
    "north africa",
    "west africa",
    "east africa",
    "southern africa",
    "sub-saharan africa",
    "scandinavia",
    "the balkans",
    "balkans",
    "the pacific",
    "the arctic",
];

/// Whether a place (normalised) is a continent or a world region.
pub fn world_region(place: &str) -> bool {
    WORLD_REGIONS.contains(&place)
}

/// The prefix by which lemmas the stemmer left apart are one family ("headquart",
/// "headquarter"): their first six letters, for a lemma of six or more. Shorter prefixes
/// join words of other senses ("count" and "countri").
fn family_prefix(term: &str) -> Option<&str> {
    if term.chars().count() < FAMILY_PREFIX {
        return None;
    }
    Some(term.char_indices().nth(FAMILY_PREFIX).map_or(term, |(at, _)| &term[..at]))
}

/// How many letters lemmas of one family share (see [`family_prefix`]).
const FAMILY_PREFIX: usize = 6;

/// A typed value of a sentence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Value {
    Date(DateValue),
    /// A weekday an undated page tells a thing on ("on Wednesday"): no day of the calendar,
    /// but a day of the week, which any day told of the same thing must fall on.
    Weekday(#[serde(with = "weekday_number")] jiff::civil::Weekday),
    /// A number with what it counts (a lemma, or a normal unit: "usd", "percent", "age").
    Figure {
        value: f64,
        unit: Option<Box<str>>,
        precision: Precision,
        ordinal: bool,
    },
    /// "40-22", "6-3": a score or a vote.
    Score(u16, u16),
    /// A place, normalised ("new orleans").
    Place(Box<str>),
}

/// A weekday stored as its number from Monday (0) to Sunday (6).
mod weekday_number {
    use jiff::civil::Weekday;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(weekday: &Weekday, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i8(weekday.to_monday_zero_offset())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Weekday, D::Error> {
        let number = i8::deserialize(deserializer)?;
        Weekday::from_monday_zero_offset(number).map_err(serde::de::Error::custom)
    }
}

/// Whether a date falls on the weekday: a day that does, or a run of days holding one.
fn falls_on(date: &DateValue, weekday: jiff::civil::Weekday) -> bool {
    match date {
        DateValue::Day(day) => day.weekday() == weekday,
        DateValue::Days(first, last) => {
            (last.since(*first).map_or(7, |span| span.get_days()) >= 6) || {
                let ahead = (weekday.to_monday_zero_offset() - first.weekday().to_monday_zero_offset()).rem_euclid(7);
                first.checked_add(jiff::Span::new().days(i64::from(ahead))).is_ok_and(|day| day <= *last)
            }
        }
        // (A weekday tells no month or year, nor contradicts one: see `Value::comparable`.)
        DateValue::Month { .. } | DateValue::Year(_) => false,
    }
}

/// The fewest letters of a place name that a misspelling of it is looked for in (shorter
/// names are often another place a letter away: "Tarn" and "Tern").
const MISSPELLED_PLACE_LETTERS: usize = 6;

/// Whether two words (or two figures' digits) are one keystroke apart: one edit
/// ([`one_edit_apart`]: a letter changed, added or dropped), or two next to each other
/// swapped.
pub(crate) fn one_keystroke_apart(a: &str, b: &str) -> bool {
    if one_edit_apart(a, b) {
        return true;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let differ: Vec<usize> = if a.len() == b.len() { (0..a.len()).filter(|&i| a[i] != b[i]).collect() } else { Vec::new() };
    matches!(differ[..], [i, j] if j == i + 1 && a[i] == b[j] && a[j] == b[i])
}

/// The most years between two dates that may be one date miscopied.
const MAX_YEARS_APART: u16 = 25;

impl Value {
    /// The type a value is compared within: dates with dates, figures of one unit together.
    pub fn same_type(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Date(_) | Value::Weekday(_), Value::Date(_) | Value::Weekday(_))
            | (Value::Score(..), Value::Score(..))
            | (Value::Place(_), Value::Place(_)) => true,
            (Value::Figure { unit: a, ordinal: oa, .. }, Value::Figure { unit: b, ordinal: ob, .. }) => a == b && oa == ob,
            _ => false,
        }
    }

    /// The kind of finding a conflict on this value is.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Value::Date(_) | Value::Weekday(_) => "date",
            Value::Figure { .. } | Value::Score(..) => "count",
            Value::Place(_) => "place",
        }
    }

    /// Whether the two values can both be true of one thing: the same date at their
    /// precisions, figures within what their qualifiers and rounding allow, one place.
    pub fn compatible(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Date(a), Value::Date(b)) => a.covers(b) || b.covers(a),
            (Value::Weekday(a), Value::Weekday(b)) => a == b,
            (Value::Date(date), Value::Weekday(weekday)) | (Value::Weekday(weekday), Value::Date(date)) => falls_on(date, *weekday),
            (Value::Score(a1, a2), Value::Score(b1, b2)) => (a1, a2) == (b1, b2) || (a1, a2) == (b2, b1),
            (Value::Place(a), Value::Place(b)) => super::place_matches(a, b),
            (Value::Figure { value: a, precision: pa, unit: ua, .. }, Value::Figure { value: b, precision: pb, unit: ub, .. }) => {
                // A price in cents is exact: "$66.50 a share" is no "$65.60" moved by a
                // point as a share of the vote is.
                let cents = |x: f64, unit: &Option<Box<str>>| {
                    x.fract() != 0.0 && x < 1e6 && unit.as_deref().is_some_and(|u| MONEY_UNITS.contains(&u))
                };
                if *pa == Precision::Exact && *pb == Precision::Exact && (cents(*a, ua) || cents(*b, ub)) {
                    return a == b;
                }
                figures_compatible(*a, *pa, *b, *pb)
            }
            _ => true,
        }
    }

    /// The unit of a figure, as a lemma (left out of its frame: the type compares it).
    pub fn unit(&self) -> Option<&str> {
        match self {
            Value::Figure { unit, .. } => unit.as_deref(),
            _ => None,
        }
    }

    /// Whether two dates are at granularities that can be compared: a day with a day or a
    /// month, a month with a year; not a year with a day ("in 2021" and "May 19, 2025" are
    /// seldom the same thing told twice).
    pub fn comparable(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Date(a), Value::Date(b)) => {
                let rank = |d: &DateValue| -> u8 {
                    match d {
                        DateValue::Day(_) | DateValue::Days(..) => 0,
                        DateValue::Month { .. } => 1,
                        DateValue::Year(_) => 2,
                    }
                };
                // (Dates generations apart tell two things, not one miscopied: "the pope who
                // died on July 20, 1903" is no other date for a funeral in 2025.)
                rank(a).abs_diff(rank(b)) <= 1 && a.start().year().abs_diff(b.start().year()) <= MAX_YEARS_APART
            }
            // (A weekday says nothing of a month or a year.)
            (Value::Date(date), Value::Weekday(_)) | (Value::Weekday(_), Value::Date(date)) => {
                matches!(date, DateValue::Day(_) | DateValue::Days(..))
            }
            // A continent or a world region holds cities and countries that no list here
            // places in it: it compares only with another region of its scale.
            (Value::Place(a), Value::Place(b)) => world_region(a) == world_region(b),
            _ => true,
        }
    }

    /// Whether the value is a date: a day of the calendar, a month, a year, or the weekday
    /// of an undated page.
    pub fn is_date(&self) -> bool {
        matches!(self, Value::Date(_) | Value::Weekday(_))
    }

    pub fn display(&self) -> String {
        match self {
            Value::Date(date) => date.display(),
            Value::Weekday(weekday) => crate::annotate::dates::weekday_name(*weekday).to_string(),
            Value::Figure { value, .. } => format_number(*value),
            Value::Score(a, b) => format!("{a}-{b}"),
            Value::Place(place) => place.to_string(),
        }
    }
}

/// "23,000", "2.5 million", "38.4".
pub fn format_number(value: f64) -> String {
    if value >= 1e9 && (value / 1e8).fract() == 0.0 {
        return format!("{} billion", trim_float(value / 1e9));
    }
    if value >= 1e6 && (value / 1e5).fract() == 0.0 {
        return format!("{} million", trim_float(value / 1e6));
    }
    if value.fract() == 0.0 && value.abs() < 1e15 {
        let digits = format!("{}", value as i64);
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 && c.is_ascii_digit() {
                out.push(',');
            }
            out.push(c);
        }
        return out;
    }
    trim_float(value)
}

fn trim_float(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Whether two figures may state the same amount: equal, or within what "about", "more
/// than", "up to" and rounding to two significant digits allow.
/// How far either way an approximate figure reaches: a tenth for a round one ("about
/// 2,600", "some 400"), a thirtieth for one written to three digits or more ("some 3,847",
/// "about 415"): a figure given that exactly is approximate only in its last digits.
fn about_share(x: f64) -> f64 {
    let mut whole = x.abs().round() as u64;
    if whole == 0 || (x.abs() - whole as f64).abs() > 1e-9 {
        return 0.1;
    }
    while whole.is_multiple_of(10) {
        whole /= 10;
    }
    if whole >= 100 { 1.0 / 30.0 } else { 0.1 }
}

/// How far apart two bounds the same way may be and still bound one count (see
/// [`figures_compatible`]).
const SAME_BOUND: f64 = 1.25;

pub fn figures_compatible(a: f64, pa: Precision, b: f64, pb: Precision) -> bool {
    let close = |x: f64, y: f64, share: f64| (x - y).abs() <= share * x.abs().max(y.abs()) + 1e-9;
    if a == b {
        return true;
    }
    // Each figure as the range it allows; they agree when the ranges meet. (Two bounds the
    // same way always would: they are compared by how far apart they are, below.)
    let range = |x: f64, p: Precision| match p {
        Precision::AtLeast => (x, f64::INFINITY),
        Precision::AtMost => (f64::NEG_INFINITY, x),
        Precision::About => (x - about_share(x) * x.abs(), x + about_share(x) * x.abs()),
        Precision::Exact => (x, x),
    };
    if pa == Precision::About && pb == Precision::About {
        // Two approximations: a tenth either way, once.
        return close(a, b, 0.1);
    }
    // Two bounds the same way are each the round figure just past the count ("more than 70
    // witnesses" for 74): they tell one count when they are near, and two counts when
    // one is a quarter past the other ("more than 80 inspectors").
    if pa == pb && pa.is_bound() {
        let (low, high) = (a.abs().min(b.abs()), a.abs().max(b.abs()));
        return high <= SAME_BOUND * low + 1e-9;
    }
    let bounded = |p: Precision| matches!(p, Precision::AtLeast | Precision::AtMost | Precision::About);
    if bounded(pa) || bounded(pb) {
        let ((a_low, a_high), (b_low, b_high)) = (range(a, pa), range(b, pb));
        return a_low <= b_high + 1e-9 && b_low <= a_high + 1e-9;
    }
    // Shares and large tallies move by a point or two as counting goes on ("38.3" on
    // election night, "38.4" once certified): not worth a warning.
    if (a.fract() != 0.0 || b.fract() != 0.0 || a.abs().min(b.abs()) >= 1e6) && close(a, b, 0.02) {
        return true;
    }
    // Rounded figures: "2.5 million" and "2,480,000"; "7.4 million" and "7,418,000".
    let rounded = |x: f64, y: f64| {
        if x < 1000.0 || x.fract() != 0.0 {
            return false;
        }
        let magnitude = 10f64.powi((x.abs().log10().floor() as i32) - 1);
        (x / magnitude).fract() == 0.0 && close(x, y, 0.05) && y.fract() == 0.0 && y.abs() > x.abs() / 2.0
    };
    rounded(a, b) || rounded(b, a)
}

/// One value in a sentence: what it is, where it stands among the sentence's lemmas, and
/// its byte range in the document.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Slot {
    pub value: Value,
    /// How many of the sentence's lemmas come before the value.
    pub at: u16,
    pub start: u32,
    pub end: u32,
    /// Words in its frame that make it a different statement from a plain one: "not",
    /// "expected", "planned", "former", "first"... kept as a flag: hedged values are no conflict.
    pub hedged: bool,
    /// Written as still to come ("will be installed on May 25", "set for Saturday"): a day
    /// that says nothing of when its page was written.
    #[serde(default)]
    pub future: bool,
    /// A date written before the noun it qualifies ("the June 9 crash", "Sunday's vote",
    /// "its March 18 announcement"): it dates that noun's event, the lemma at `at`.
    #[serde(default)]
    pub attributive: bool,
    /// A place a person comes from or lives in ("a 41-year-old from Vexby", "who
    /// lives in Marlow"), not where the sentence's event happened.
    #[serde(default)]
    pub origin: bool,
    /// The lemma positions of the aside the value stands in, between commas: a relative
    /// clause ("Ilse Varga, who has led the union since 2019, said") or an apposition
    /// ("Dorne, the seat she had held since 2008, to"). Its frame is that aside and the
    /// words just before it, not the sentence around it.
    #[serde(default)]
    pub clause: Option<(u16, u16)>,
    /// A day carried from the sentence before, in the same paragraph, to a corpus sentence
    /// that gives no date of its own ("The courtroom filled early on Friday. By
    /// midafternoon, Judge Marr pronounced the sentence."): it dates the whole sentence,
    /// and its range is where the sentence before writes it.
    #[serde(default)]
    pub carried: bool,
}

impl Slot {
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A corpus sentence as the index keeps it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct IndexedSentence {
    pub source: u32,
    pub start: u32,
    pub end: u32,
    /// The lemma ids of its content words, in order (lemmas inside values left out).
    pub terms: Box<[u32]>,
    pub slots: Box<[Slot]>,
    /// The days its reports were made (see [`SentenceValuesOf::reports`]).
    #[serde(default)]
    pub reports: Box<[Slot]>,
}

impl IndexedSentence {
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A sentence under analysis (a draft's, or a corpus one while it is indexed): lemmas as
/// strings, values with their positions.
pub type SentenceValues = SentenceValuesOf<String>;

/// [`SentenceValues`] with its lemmas as `L`: strings for a draft, the index's own
/// numbers while a corpus is learned ([`EvidenceIndex::add`]).
#[derive(Clone, Debug, Default)]
pub struct SentenceValuesOf<L> {
    pub range: Range<usize>,
    pub lemmas: Vec<L>,
    pub slots: Vec<Slot>,
    /// The days a report of what the sentence tells was made ("the club said on Tuesday",
    /// "Delta on Monday confirmed that"): not the day of what it tells, so no slot, but a
    /// day of its own, compared only with the days other sentences date the same report.
    pub reports: Vec<Slot>,
}

/// Words before a value that write it as still to come (with "set for", "set to").
const FUTURE: &[&str] = &["will", "shall", "scheduled", "slated", "upcoming"];

/// Words that make a value hedged, conditional or about something else than what happened.
/// Words that, right after a figure or its unit, make it a difference or a comparison.
const COMPARISONS: &[&str] = &[
    "apart", "short", "ahead", "behind", "more", "less", "fewer", "higher", "lower", "earlier", "later", "ago", "longer", "shorter",
    "larger", "smaller", "bigger", "older", "younger", "than",
];

/// The comparisons that measure a gap from something told beside the figure, the same
/// whenever the story is written (see `COMPARISONS`).
const GAPS: &[&str] = &["apart", "short", "ahead", "behind", "earlier", "later", "higher", "lower", "older", "younger"];

/// Times a rate is told by ("per minute", "per day").
const RATE_TIMES: &[&str] = &["second", "minute", "hour", "day", "week", "month", "year", "game", "match"];

const HEDGES: &[&str] = &[
    "not",
    "no",
    "never",
    "expected",
    "expect",
    "expects",
    "could",
    "would",
    "might",
    "may",
    "if",
    "unless",
    "forecast",
    "projected",
    "proposed",
    "possible",
    "potential",
    "rumored",
    "whether",
    "hoped",
    "hopes",
];

/// The times of day written in a stretch of text ("10 a.m.", "11:47 p.m.", "2:15pm",
/// "14:52", "1917 GMT"), each with a word that stands for it in a frame: the time on a
/// 24-hour clock, its digits written as letters so that it is a lemma like any other
/// ("10 a.m." and "10:00 am" are one word; "10:47 p.m." and "22:47" too).
fn clock_times(text: &str, range: Range<usize>) -> Vec<(Range<usize>, String)> {
    static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b([01]\d|2[0-3])([0-5]\d)\s?(?:GMT|UTC)\b|\b(\d+)(?::([0-5]\d))?(?:\s?([ap])\.?m\b\.?)?").expect("clock pattern")
    });
    let Some(stretch) = text.get(range.clone()) else { return Vec::new() };
    let mut found = Vec::new();
    for captures in CLOCK.captures_iter(stretch) {
        let Some(whole) = captures.get(0) else { continue };
        let number = |i: usize| captures.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        let (hour, minute) = if let (Some(hour), Some(minute)) = (number(1), number(2)) {
            (hour, minute)
        } else {
            let (Some(hour), minute, half) = (number(3), number(4), captures.get(5).map(|m| m.as_str().to_ascii_lowercase())) else {
                continue;
            };
            if captures.get(3).is_some_and(|m| m.len() > 2) {
                continue;
            }
            match half.as_deref() {
                // ("10 a.m.", "2:15pm": a 12-hour clock.)
                Some(half) if (1..=12).contains(&hour) => (hour % 12 + if half == "p" { 12 } else { 0 }, minute.unwrap_or(0)),
                Some(_) => continue,
                // ("14:52", "11:47": minutes written, no half of the day.)
                None if minute.is_some() && hour < 24 => (hour, minute.unwrap_or(0)),
                None => continue,
            }
        };
        // (Not a ratio or a score: "3:1", "2:05:30".)
        let after = &stretch[whole.end()..];
        if after.starts_with(':') || stretch[..whole.start()].ends_with(':') {
            continue;
        }
        let letters: String = format!("{hour:02}{minute:02}").bytes().map(|b| char::from(b - b'0' + b'a')).collect();
        found.push((range.start + whole.start()..range.start + whole.end(), format!("clock{letters}x")));
    }
    found
}

/// The lemmas and values of each sentence of an analysed document.
pub fn sentence_values(text: &str, analysis: &Analysis) -> Vec<SentenceValues> {
    sentence_values_by(text, analysis, lemma)
}

/// [`sentence_values`], with each word's lemma as `lemma_of` gives it (called once for each
/// word outside the values, in order; `None` for a word without one, as [`lemma`]).
fn sentence_values_by<L>(text: &str, analysis: &Analysis, mut lemma_of: impl FnMut(&str) -> Option<L>) -> Vec<SentenceValuesOf<L>> {
    let mut out: Vec<SentenceValuesOf<L>> = analysis
        .sentences
        .iter()
        .map(|r| SentenceValuesOf { range: r.clone(), lemmas: Vec::new(), slots: Vec::new(), reports: Vec::new() })
        .collect();
    // Values by sentence: dates (by range), figures and places (by sentence index).
    let mut values: Vec<Vec<(Range<usize>, Value)>> = vec![Vec::new(); out.len()];
    // Dates written in future copy, by where they start (sorted, to be searched).
    let mut scheduled: Vec<usize> = analysis.dates.iter().filter(|m| m.scheduled).map(|m| m.range.start).collect();
    scheduled.sort_unstable();
    let sentence_of = |offset: usize| analysis.sentences.partition_point(|s| s.end <= offset);
    let written_out = |range: &Range<usize>| text.get(range.clone()).is_some_and(|t| t.bytes().any(|b| b.is_ascii_digit()));
    for (at, mention) in analysis.dates.iter().enumerate() {
        let value = match (mention.value, mention.unanchored) {
            (Some(value), _) => Value::Date(value),
            (None, Some(weekday)) => Value::Weekday(weekday),
            (None, None) => continue,
        };
        // A day named from the page's that the writer then gives in full beside it
        // ("yesterday, Tuesday, October 21") is that day: the full one is the value.
        if !written_out(&mention.range)
            && analysis.dates.get(at + 1).is_some_and(|next| {
                next.value.is_some()
                    && written_out(&next.range)
                    && text.get(mention.range.end..next.range.start).is_some_and(|gap| matches!(gap.trim(), "," | "(" | "\u{2014}"))
            })
        {
            continue;
        }
        let index = sentence_of(mention.range.start);
        if index >= out.len() || !analysis.sentences[index].contains(&mention.range.start) {
            continue;
        }
        // A company's or a government's year ("fiscal 2027", "its 2027 fiscal year") is no
        // calendar year: it opens months before.
        if fiscal_year(text, mention.range.clone()) {
            continue;
        }
        // Every resolved date is a value: a calendar date, a weekday, "the previous day", a
        // bare month or year; and so is a bare weekday an undated page could not resolve.
        values[index].push((mention.range.clone(), value));
    }
    for (index, figure) in &analysis.figures {
        // "2017" standing alone is a year the date finder did not take, not an amount.
        let digits = &text[figure.range.clone()];
        if digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()) && (1800.0..2200.0).contains(&figure.value) {
            continue;
        }
        if let Some(list) = values.get_mut(*index) {
            list.push((figure.range.clone(), figure_value(text, figure)));
        }
    }
    // (The end of the last name read as a place: "in Port Ellery and Brackwell".)
    let mut last_place: Option<usize> = None;
    // Where someone went stays in the frame of the sentence's other values as well: its
    // words remain lemmas ("travelled to Korsk and Velmar yesterday" is dated with them).
    let mut destinations: Vec<Range<usize>> = Vec::new();
    for (index, place) in &analysis.places {
        if !after_locative(text, &place.range, last_place) {
            continue;
        }
        if destination(text, &place.range) || last_place.is_some_and(|end| destinations.last().is_some_and(|d| d.end == end)) {
            destinations.push(place.range.clone());
        }
        last_place = Some(place.range.end);
        if let Some(list) = values.get_mut(*index) {
            list.push((place.range.clone(), Value::Place(place.key.clone().into_boxed_str())));
        }
    }
    for (index, sentence) in out.iter_mut().enumerate() {
        let sentence_words = analysis.sentence_words(text, index);
        // What the annotators do not read as such (a score, "a 23-year-old") wins over the
        // bare numbers they read inside it.
        let extra = extra_values(text, &sentence_words);
        // A time of day is no count ("at 10 a.m.", "1917 GMT"): it is a word of the frame,
        // one as rare as any name, that ties two accounts of one moment.
        let times = clock_times(text, sentence.range.clone());
        let mut found = std::mem::take(&mut values[index]);
        let overlaps = |r: &Range<usize>, other: &Range<usize>| r.start < other.end && other.start < r.end;
        let time = |r: &Range<usize>, value: &Value| matches!(value, Value::Figure { .. }) && times.iter().any(|(t, _)| overlaps(r, t));
        found.retain(|(r, value)| !extra.iter().any(|(e, _)| overlaps(r, e)) && !time(r, value));
        found.extend(extra);
        found.sort_by_key(|(range, _)| (range.start, range.end));
        found.dedup_by(|b, a| a.0.start < b.0.end && b.0.start < a.0.end);
        // `found` is sorted and its ranges do not overlap: the one a word can lie in is the
        // last that starts at or before it.
        let inside = |w: &Word| {
            let at = found.partition_point(|(r, _)| r.start <= w.range.start);
            at.checked_sub(1).is_some_and(|at| w.range.end <= found[at].0.end)
        };
        let in_value: Vec<bool> = sentence_words
            .iter()
            .map(|w| inside(w) && !destinations.iter().any(|d| d.start <= w.range.start && w.range.end <= d.end))
            .collect();
        // At most a lemma a word (and the name a pronoun stands for): sized once, not grown
        // word by word.
        let mut lemma_starts: Vec<usize> = Vec::with_capacity(sentence_words.len() + 1);
        sentence.lemmas.reserve_exact(sentence_words.len() + 1);
        // A sentence that opens on "He" or "Her" tells of the person the sentence before
        // named: that name is a lemma of its frame, where the pronoun stands.
        if let Some(first) = sentence_words.first()
            && PRONOUNS.contains(&first.norm.as_ref())
        {
            for name in antecedents(text, analysis, index) {
                if let Some(lemma) = lemma_of(&name) {
                    sentence.lemmas.push(lemma);
                    lemma_starts.push(first.range.start);
                }
            }
        }
        for (word, &in_value) in sentence_words.iter().zip(&in_value) {
            if let Some((time, clock)) = times.iter().find(|(t, _)| t.start <= word.range.start && word.range.start < t.end) {
                if time.start == word.range.start
                    && let Some(lemma) = lemma_of(clock)
                {
                    sentence.lemmas.push(lemma);
                    lemma_starts.push(word.range.start);
                }
                continue;
            }
            if in_value {
                continue;
            }
            // (The frame of a place "Bergen-based" is "based", whatever the place; so too
            // "headquartered" and "born".)
            let norm = split_place_suffix(&word.norm).map_or(word.norm.as_ref(), |(_, suffix)| suffix);
            if let Some(lemma) = lemma_of(norm) {
                sentence.lemmas.push(lemma);
                lemma_starts.push(word.range.start);
            }
        }
        for (range, value) in found {
            let at = lemma_starts.partition_point(|&s| s < range.start);
            let position = sentence_words.partition_point(|w| w.range.start < range.start);
            let report = match value {
                Value::Date(_) | Value::Weekday(_) => match date_role(text, &sentence_words, position, &range, sentence.range.start) {
                    DateRole::Told => false,
                    DateRole::Report => true,
                    DateRole::Neither => continue,
                },
                _ => false,
            };
            let window = position.saturating_sub(6)..(position + 3).min(sentence_words.len());
            // A figure followed by a word of comparison is a difference, not the amount:
            // "40 feet apart", "four seats short", "two years earlier".
            // ("Behind bars" is prison, no comparison: "12 years behind bars".)
            let after: Vec<&str> = sentence_words[position..].iter().skip(1).take(3).map(|w| w.norm.as_ref()).collect();
            let compared = matches!(value, Value::Figure { .. })
                .then(|| {
                    after
                        .iter()
                        .take(2)
                        .enumerate()
                        .find(|(i, w)| COMPARISONS.contains(w) && !(**w == "behind" && after.get(i + 1) == Some(&"bars")))
                })
                .flatten();
            let mut value = value;
            // A rate of time ("£52,500 per minute") is no amount: its unit is the amount's
            // per that time. (Not "per share" or "per cent": a price and a share are told so
            // on every side.)
            if let Value::Figure { unit, .. } = &mut value
                && let Some(per) = after.iter().position(|w| *w == "per").filter(|&i| i == 0 || i == 1 && unit.is_some())
                && let Some(by) = after.get(per + 1).filter(|w| RATE_TIMES.contains(w))
            {
                *unit = Some(match unit.take() {
                    Some(unit) => format!("{unit} per {by}").into_boxed_str(),
                    None => format!("per {by}").into_boxed_str(),
                });
            }
            if let Some((i, &word)) = compared {
                // A gap measured from something told beside it is a value of its own, the
                // same in every account ("about 16 hours later", "two points behind",
                // "eight short"): compared only with the same gap, never with the amount.
                // (Not one measured from the day of writing, "ago", nor a change that
                // grows as it is told, "13 more".)
                let Value::Figure { unit, .. } = &mut value else { continue };
                let spelled_unit = i == 0 || unit.is_some() && i == 1;
                // ("Six fewer than needed" is the gap "eight short of" tells: a shortfall.)
                let word = if word == "fewer" && after.get(i + 1) == Some(&"than") { "short" } else { word };
                if !spelled_unit || !GAPS.contains(&word) {
                    continue;
                }
                // (A unit read before the figure stays: "52% higher" is "percent higher".)
                *unit = Some(match unit.take() {
                    Some(unit) => format!("{unit} {word}").into_boxed_str(),
                    None => word.into(),
                });
            }
            let attributive = value.is_date() && attributive(text, &sentence_words, position, &range);
            // (The words of a value hedge nothing: "May 7" is a day, not "may".)
            // ("Not until" tells when a thing did happen: "the clerks did not finish until
            // Sunday, 19 hours later". Not a date, the one thing such a sentence opposes to
            // another: "did not start until Sunday" is also no start on Saturday.)
            let not_until = |i: usize| {
                !value.is_date()
                    && matches!(sentence_words[i].norm.as_ref(), "not" | "never")
                    && sentence_words[i + 1..].iter().take(3).any(|w| matches!(w.norm.as_ref(), "until" | "till"))
            };
            // (A vote's answer is no hedge: "14.6% said no", "voted no".)
            let answer = |i: usize| {
                sentence_words[i].norm == "no"
                    && i.checked_sub(1)
                        .is_some_and(|before| matches!(sentence_words[before].norm.as_ref(), "said" | "voted" | "vote" | "votes"))
            };
            // An age set off beside a name is the person's whatever the sentence hedges:
            // "Fans are expected to salute Jalen Voss, 24," (only "would be 24" hedges it).
            let hedge_window = if value.unit() == Some("age") { position.saturating_sub(2)..position } else { window.clone() };
            let hedged = hedge_window
                .into_iter()
                .any(|i| HEDGES.contains(&sentence_words[i].norm.as_ref()) && !in_value[i] && !not_until(i) && !answer(i));
            let origin = matches!(value, Value::Place(_))
                && (origin_place(&sentence_words, position)
                    || located_noun(text, &range) == Some(true)
                    || place_suffix(&text[range.end..]) == Some("born"));
            let is_date = value.is_date();
            // (A report set off by commas, ", the ministry said on Monday,", is no aside: it
            // reports the whole sentence.)
            let clause = aside(text, &sentence_words, position, range.end).filter(|_| !report).map(|words| {
                let lemma_at = |word: usize| {
                    let offset = sentence_words.get(word).map_or(usize::MAX, |w| w.range.start);
                    u16::try_from(lemma_starts.partition_point(|&s| s < offset)).unwrap_or(u16::MAX)
                };
                (lemma_at(words.start), lemma_at(words.end))
            });
            let slots = if report { &mut sentence.reports } else { &mut sentence.slots };
            slots.push(Slot {
                clause,
                origin,
                value,
                at: u16::try_from(at).unwrap_or(u16::MAX),
                start: range.start as u32,
                end: range.end as u32,
                hedged,
                attributive,
                future: is_date && scheduled.binary_search(&range.start).is_ok()
                    || window.clone().any(|i| {
                        let word = sentence_words[i].norm.as_ref();
                        FUTURE.contains(&word)
                            || word == "set" && sentence_words.get(i + 1).is_some_and(|w| matches!(w.norm.as_ref(), "for" | "to"))
                    }),
                carried: false,
            });
        }
    }
    for sentence in &mut out {
        continue_lists(&mut sentence.slots);
    }
    out
}

/// A bare count that goes on a list begun by a figure with its unit is as hedged as the
/// list's first: "is projected third with 23 seats, GreenLeft fourth with 20, and the CDA
/// fifth with 19" projects the 20 and the 19 too. (An ordinal neither begins nor goes on a
/// list of counts. The unit is not carried: a bare number after a count is as often another
/// thing's.)
fn continue_lists(slots: &mut [Slot]) {
    let mut order: Vec<usize> = (0..slots.len()).filter(|&i| matches!(slots[i].value, Value::Figure { ordinal: false, .. })).collect();
    order.sort_by_key(|&i| slots[i].start);
    let mut head_hedged: Option<bool> = None;
    for i in order {
        let slot = &mut slots[i];
        match (&slot.value, head_hedged) {
            (Value::Figure { unit: Some(_), .. }, _) => head_hedged = Some(slot.hedged),
            (_, Some(hedged)) => slot.hedged |= hedged,
            _ => {}
        }
    }
}

/// Gives each corpus sentence that writes no date the day of the sentence before it in its
/// paragraph, when that one passes one on (see [`Slot::carried`]). The answer is, for each
/// sentence, where its quote starts: the sentence that gives the day, for one that takes it.
fn carry_days<L>(text: &str, analysis: &Analysis, sentences: &mut [SentenceValuesOf<L>]) -> Vec<usize> {
    let mut quoted_from = Vec::with_capacity(sentences.len());
    // The day the sentence before passes on, with where that sentence starts, and where it
    // ends (a line break between two sentences ends a paragraph).
    let mut carrying: Option<(Slot, usize)> = None;
    let mut last_end: Option<usize> = None;
    for sentence in sentences.iter_mut() {
        let passes_on = day_to_carry(&sentence.slots);
        let same_paragraph = last_end.is_some_and(|end| text.get(end..sentence.range.start).is_some_and(|gap| !gap.contains('\n')));
        let mut start = sentence.range.start;
        if let Some((day, from)) = carrying.take()
            && same_paragraph
            && !sentence.lemmas.is_empty()
            && takes_a_day(analysis, &sentence.range, &sentence.slots)
        {
            sentence.slots.insert(0, day);
            start = from;
        }
        carrying = passes_on.map(|day| (day, sentence.range.start));
        last_end = Some(sentence.range.end);
        quoted_from.push(start);
    }
    quoted_from
}

/// Whether a sentence may take the day of the sentence before (see [`Slot::carried`]): it
/// writes no date of any kind (not even one it tells a report or a tally by, "as of early
/// Friday"), nor a span of time, which tells of another moment ("nearly 10 months after
/// they launched").
fn takes_a_day(analysis: &Analysis, range: &Range<usize>, slots: &[Slot]) -> bool {
    let first = analysis.dates.partition_point(|d| d.range.start < range.start);
    let dated = analysis.dates.get(first).is_some_and(|d| d.range.start < range.end);
    let span = slots.iter().any(|s| s.value.unit().is_some_and(|unit| TIME_UNITS.contains(&unit)));
    !dated && !span
}

/// The units of a span of time, as figures keep them.
const TIME_UNITS: &[&str] = &["year", "month", "week", "day", "hour", "minut", "decad"];

/// The day a corpus sentence passes on to the next sentence of its paragraph when that one
/// gives no date (see [`Slot::carried`]): its only date, a day, told plainly (not in an
/// aside, not qualifying a noun, not hedged).
fn day_to_carry(slots: &[Slot]) -> Option<Slot> {
    let mut dates = slots.iter().filter(|s| s.value.is_date());
    let only = dates.next()?;
    if dates.next().is_some()
        || !matches!(only.value, Value::Date(crate::annotate::dates::DateValue::Day(_)))
        || only.hedged
        || only.attributive
        || only.clause.is_some()
    {
        return None;
    }
    Some(Slot { at: 0, carried: true, ..only.clone() })
}

/// Pronouns that open a sentence about a person named before it (see [`antecedents`]).
const PRONOUNS: &[&str] = &["he", "she", "his", "her"];
/// How many sentences back a pronoun's person is looked for.
const ANTECEDENT_SENTENCES: usize = 2;

/// The surnames (their normal forms) of the people a pronoun opening sentence `index` may
/// stand for: those named in the nearest of the [`ANTECEDENT_SENTENCES`] before it that
/// names one ("Judge Ada Marr found that Olaf Brenner was no danger. His lawyers had
/// offered..."), each once.
fn antecedents(text: &str, analysis: &Analysis, index: usize) -> Vec<String> {
    let Some(before) =
        (index.saturating_sub(ANTECEDENT_SENTENCES)..index).rev().find(|&b| analysis.persons.iter().any(|p| p.sentence == b))
    else {
        return Vec::new();
    };
    let mut names: Vec<String> = Vec::new();
    for mention in analysis.persons.iter().filter(|p| p.sentence == before) {
        let Some(written) = text.get(mention.range.clone()) else { continue };
        let Some(surname) = written.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'')).rfind(|w| !w.is_empty()) else {
            continue;
        };
        let name = crate::annotate::names::normal_word(surname);
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// Words that open an aside between commas: a relative clause, an apposition, or a
/// participle that places or dates the name it follows ("Veltrona, based in Carrow
/// Falls,") (see [`Slot::clause`]).
const ASIDE_OPENERS: &[&str] = &["who", "which", "whose", "the", "a", "an", "based", "headquartered", "founded", "born", "located"];
/// Words that open a sentence with a phrase of time, place or manner before its subject.
const INTRODUCERS: &[&str] = &[
    "after",
    "before",
    "in",
    "on",
    "at",
    "when",
    "as",
    "while",
    "during",
    "despite",
    "since",
    "with",
    "for",
    "by",
    "following",
    "from",
    "under",
    "until",
    "across",
    "outside",
    "inside",
    "near",
    "like",
    "unlike",
    "if",
    "although",
    "though",
    "once",
];
/// Words that open a relative clause, which may run to the end of its sentence.
const RELATIVES: &[&str] = &["who", "which", "whose"];

/// The words (by position) of the aside that the value whose first word is at `position`
/// (and which ends at byte `value_end`) stands in: from the
/// word after a comma, when it opens one ([`ASIDE_OPENERS`]), to the next comma, dash,
/// semicolon or bracket; for a relative clause, to the end of the sentence if none comes.
fn aside(text: &str, words: &[Word], position: usize, value_end: usize) -> Option<Range<usize>> {
    // The punctuation between a word and the one before it.
    let gap = |i: usize| -> &str {
        if i == 0 || i >= words.len() {
            return "";
        }
        text.get(words[i - 1].range.end..words[i].range.start).unwrap_or("")
    };
    let breaks = |g: &str| g.contains([',', ';', ':', '(', ')', '—', '–']) || g.contains(" - ");
    let start = (1..=position.min(words.len().saturating_sub(1))).rev().find(|&i| breaks(gap(i)))?;
    let opener = words[start].norm.as_ref();
    if !gap(start).contains(',') || !ASIDE_OPENERS.contains(&opener) {
        return None;
    }
    // An apposition follows a name ("Dorne, the seat"), not a phrase that opens the
    // sentence ("After the match, a coach took"; "In Vexby, a man was stabbed").
    if !RELATIVES.contains(&opener) {
        let before = (1..start).rev().find(|&i| breaks(gap(i))).unwrap_or(0);
        if !words[start - 1].is_capitalised() || before == 0 && INTRODUCERS.contains(&words[0].norm.as_ref()) {
            return None;
        }
    }
    let after = words.partition_point(|w| w.range.start < value_end);
    match (after.max(position + 1)..words.len()).find(|&i| breaks(gap(i))) {
        Some(end) => Some(start..end),
        None if RELATIVES.contains(&opener) => Some(start..words.len()),
        None => None,
    }
}

/// Nouns for people that a place after "from" describes: "a taxi driver from Denholm".
/// (Not "victims" nor "passengers": "pulled the victims from the river" is a movement.)
const PEOPLE_FROM: &[&str] = &[
    "man",
    "men",
    "woman",
    "women",
    "boy",
    "boys",
    "girl",
    "girls",
    "teenager",
    "teenagers",
    "teen",
    "teens",
    "resident",
    "residents",
    "native",
    "natives",
    "driver",
    "suspect",
    "suspects",
    "student",
    "students",
    "mother",
    "father",
    "son",
    "daughter",
    "wife",
    "husband",
    "couple",
    "family",
    "citizen",
    "citizens",
    "national",
    "nationals",
];

/// Words after which "in" or "of" gives where a person lives or comes from.
const HOME_WORDS: &[&str] =
    &["lives", "live", "lived", "living", "home", "resident", "residents", "native", "natives", "born", "raised", "roots", "hometown"];

/// Whether the place whose first word is `words[position]` tells where a person comes from
/// or lives: after "from" following a person ("a 41-year-old from Vexby", "a taxi
/// driver from the Korsk suburb of ..."), or after "in"/"of" following a word of home
/// ("who lives in Marlow", "a native of Brackwell", "grew up in Ostley").
fn origin_place(words: &[Word], position: usize) -> bool {
    let mut at = position;
    // Back over "the" and a kind of place told before the name ("the Korsk suburb of").
    while at > 0 {
        let previous = words[at - 1].norm.as_ref();
        if previous == "the" || previous == "of" && at >= 2 && super::extract::PLACE_NOUNS.contains(&words[at - 2].norm.as_ref()) {
            at -= if previous == "the" { 1 } else { 2 };
            while at > 0 && (words[at - 1].is_capitalised() || words[at - 1].norm == "the" || words[at - 1].norm.ends_with("ern")) {
                at -= 1;
            }
            continue;
        }
        break;
    }
    let Some(preposition) = at.checked_sub(1).map(|i| words[i].norm.as_ref()) else { return false };
    let Some(before) = at.checked_sub(2).map(|i| words[i].norm.as_ref()) else { return false };
    match preposition {
        "from" => before.ends_with("-year-old") || PEOPLE_FROM.contains(&before),
        "in" => HOME_WORDS.contains(&before) || before == "up" && at >= 3 && words[at - 3].norm == "grew",
        "of" => matches!(before, "native" | "natives" | "resident" | "residents"),
        _ => false,
    }
}

/// Whether a name after `previous` (and `before` it, lower case) is the country across a
/// border: "the border with Tarnia", "its frontier with Tarnia".
pub(crate) fn across_border(previous: &str, before: Option<&str>) -> bool {
    previous == "with" && before.is_some_and(|w| matches!(w, "border" | "borders" | "frontier"))
}

/// Nouns a place written before them locates ("a Carrow resident", "the Tolby
/// courtroom"), with whether the place is then where a person lives or comes from.
const LOCATED_NOUNS: &[(&str, bool)] = &[
    ("resident", true),
    ("residents", true),
    ("native", true),
    ("natives", true),
    ("courtroom", false),
    ("courthouse", false),
    ("jail", false),
];

/// Sites an organisation keeps in a place, which a place locates only after the owner's
/// possessive ("the school's Dunmore campus", "Ostley's Tarrow plant"): after an article the
/// name is as often the owner's ("the Ostley plant").
const OWNED_SITES: &[&str] = &["campus", "headquarters", "plant", "factory"];

/// The words joined to a place after a hyphen that make it one ("Bergen-based", "the
/// Tarrow-headquartered firm", "the Harlow-born striker"): each is the place's frame.
pub(crate) const PLACE_SUFFIXES: &[&str] = &["based", "headquartered", "born"];

/// The word of [`PLACE_SUFFIXES`] that text right after a place joins to it ("-based ...").
pub(crate) fn place_suffix(after: &str) -> Option<&'static str> {
    let rest = after.strip_prefix('-')?;
    PLACE_SUFFIXES.iter().copied().find(|suffix| rest.starts_with(suffix))
}

/// A word joined to one of [`PLACE_SUFFIXES`] split at its hyphen: ("Bergen", "based")
/// for "Bergen-based".
pub(crate) fn split_place_suffix(word: &str) -> Option<(&str, &'static str)> {
    PLACE_SUFFIXES.iter().find_map(|&suffix| Some((word.strip_suffix(suffix)?.strip_suffix('-')?, suffix)))
}

/// The words before a place that let it qualify the noun after it ("a Carrow resident").
const LOCATING_DETERMINERS: &[&str] = &["a", "an", "the", "his", "her", "their", "its"];

/// Whether a place, after `previous` (a word, lower case), qualifies a noun it locates:
/// "a Carrow resident", "the Tolby courtroom" (see [`located_noun`]). So too after a
/// possessive ("the school's Dunmore campus", "the bureau's Tolby field office") or an age
/// ("a 31-year-old Carrow resident"), read in the text before the place.
pub(crate) fn before_located_noun(previous: &str, text: &str, place: &Range<usize>) -> bool {
    let before = text[..place.start].trim_end_matches(' ');
    let possessive = before.ends_with("'s") || before.ends_with("\u{2019}s");
    let aged = before.ends_with("year-old") || before.ends_with("year old");
    (LOCATING_DETERMINERS.contains(&previous) || possessive || aged) && located_noun(text, place).is_some()
        || possessive && owned_site(text, place)
}

/// The first two words after a place, each as far as its letters go.
fn two_words_after(text: &str, place: &Range<usize>) -> Option<(String, String)> {
    let after = text.get(place.end..)?.strip_prefix(' ')?;
    let word: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
    let second = after
        .get(word.len()..)
        .and_then(|next| next.strip_prefix(' '))
        .map_or(String::new(), |next| next.chars().take_while(|c| c.is_alphabetic()).collect());
    Some((word, second))
}

/// The noun right after a place that the place locates (see [`LOCATED_NOUNS`]), with
/// whether it makes the place a person's home. One word in lower case may stand between:
/// "a Marren county resident".
pub(crate) fn located_noun(text: &str, place: &Range<usize>) -> Option<bool> {
    let (word, second) = two_words_after(text, place)?;
    let found = |word: &str| LOCATED_NOUNS.iter().find(|(noun, _)| *noun == word).map(|&(_, home)| home);
    found(&word).or_else(|| (!word.is_empty() && word.chars().all(|c| c.is_ascii_lowercase())).then(|| found(&second)).flatten())
}

/// Whether an organisation's site follows a place ([`OWNED_SITES`], or a kind of office:
/// "Tolby field office"; an organisation's own name stands before a bare "office").
fn owned_site(text: &str, place: &Range<usize>) -> bool {
    let Some((word, second)) = two_words_after(text, place) else { return false };
    let lower = !word.is_empty() && word.chars().all(|c| c.is_ascii_lowercase());
    OWNED_SITES.contains(&word.as_str())
        || lower && OWNED_SITES.contains(&second.as_str())
        || second == "office" && matches!(word.as_str(), "field" | "regional" | "branch" | "district")
}

/// Words that, before a date, make it qualify the noun after it: "the June 9 crash".
const DETERMINERS: &[&str] = &["the", "a", "an", "its", "their", "his", "her", "our", "this", "that"];

/// Whether a date qualifies the noun right after it: a determiner before it and a word
/// with a lemma right after it ("the June 9 crash", "a March 3 letter"), or written as a
/// possessive ("Sunday's vote", "Tuesday’s ruling").
fn attributive(text: &str, words: &[Word], position: usize, date: &Range<usize>) -> bool {
    let Some(after) = text.get(date.end..) else { return false };
    if after.starts_with("'s ") || after.starts_with("’s ") {
        return true;
    }
    let determined = position.checked_sub(1).and_then(|i| words.get(i)).is_some_and(|w| DETERMINERS.contains(&w.norm.as_ref()));
    // The next word, after nothing but a space: not past a comma, nor a year's or a day's digits.
    let next = words[position..].iter().find(|w| w.range.start >= date.end);
    determined
        && next.is_some_and(|w| {
            text.get(date.end..w.range.start).is_some_and(|gap| gap.chars().all(|c| c == ' ' || c == '\u{a0}'))
                && w.norm.chars().next().is_some_and(|c| c.is_alphabetic())
                && lemma(&w.norm).is_some()
        })
}

/// What a date of a sentence dates (see [`date_role`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DateRole {
    /// What the sentence tells.
    Told,
    /// The report of it: "said on Tuesday", "the ministry on Monday reported".
    Report,
    /// The time of a tally or a dateline's.
    Neither,
}

/// What a date at `words[position]` (its text at `date`) dates: what its sentence tells, a
/// report of it ("said on Tuesday", "told reporters Tuesday", "the ministry on Monday
/// reported"), or neither, the time of a tally ("90 arrested as of Monday morning", "as
/// recently as Thursday, the count stood at 120", "by Saturday evening 12 deaths had been
/// counted") or a dateline's.
fn date_role(text: &str, words: &[Word], position: usize, date: &Range<usize>, sentence_start: usize) -> DateRole {
    let before = |n: usize| position.checked_sub(n).and_then(|i| words.get(i)).map(|w| w.norm.as_ref());
    let reported_after = (1..=3).any(|n| before(n).is_some_and(|w| REPORT_WORDS.contains(&w)));
    let next_word = words.get(position..).and_then(|rest| rest.iter().find(|w| w.range.start >= date.end));
    // (Not past the close of a clause: "who had led the party since March 2011, said he
    // would step down" dates the leading.)
    let reported_before = next_word.is_some_and(|w| {
        matches!(w.norm.as_ref(), "said" | "says" | "told" | "reported")
            && text.get(date.end..w.range.start).is_some_and(|gap| !gap.contains([',', ';', ')', '\u{2014}', '\u{2013}']))
    });
    // (Not "hit by Tuesday's storm": a possessive date names the thing it dates.)
    let possessive = text.get(date.end..).is_some_and(|after| after.starts_with("'s") || after.starts_with("’s"));
    let tally_time = before(1) == Some("of") && before(2) == Some("as")
        || before(1) == Some("as") && before(2) == Some("recently")
        || before(1) == Some("by") && !possessive;
    if tally_time || in_dateline(text, sentence_start, date) {
        DateRole::Neither
    } else if reported_after || reported_before {
        DateRole::Report
    } else {
        DateRole::Told
    }
}

/// Whether a date is a dateline's, the date of the report: only capitalised place words
/// before it in its sentence, and a dash after it ("PORT ELLERY, Norway, March
/// 4, 2025 – The Rovers...").
fn in_dateline(text: &str, sentence_start: usize, date: &Range<usize>) -> bool {
    let (Some(before), Some(after)) = (text.get(sentence_start..date.start), text.get(date.end..)) else { return false };
    // The dash first, and the words before only up to the first in lower case: a sentence
    // listing thousands of dates is not read again from its start for each.
    // (A comma may close the date before a credit: "Harlow, May 06, (Wire) —".)
    let after = after.trim_start_matches([' ', '\u{a0}']);
    let after = after.strip_prefix(',').filter(|rest| rest.trim_start_matches([' ', '\u{a0}']).starts_with('(')).unwrap_or(after);
    if !after.trim_start_matches([' ', '\u{a0}']).starts_with(['–', '—', '-', '(']) {
        return false;
    }
    let mut words = before.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).peekable();
    if words.peek().is_none() {
        // The date opens the sentence: a dateline with no place ("May 6 (Wire) — The
        // guard..."), the credit in brackets then a dash.
        return after_credit_dash(after);
    }
    // (Marks between them are no words: "MENAFN - Nam News Network) TOKYO, Oct 22 (NNN) –".)
    words.all(|w| w.starts_with(|c: char| c.is_uppercase()) || !w.chars().any(char::is_alphanumeric))
}

/// Whether text after a date is a dateline's close: a dash, or a credit in brackets and then
/// a dash ("(Wire) —").
fn after_credit_dash(after: &str) -> bool {
    let after = after.trim_start_matches([' ', '\u{a0}']);
    let after = match after.strip_prefix('(') {
        Some(credit) => match credit.find(')') {
            Some(close) if close <= 40 => credit[close + 1..].trim_start_matches([' ', '\u{a0}']),
            _ => return false,
        },
        None => after,
    };
    after.starts_with(['–', '—']) || after.starts_with("- ") || after.starts_with("--")
}

/// The units of money, as [`figure_value`] normalises them.
const MONEY_UNITS: &[&str] = &["usd", "eur", "gbp"];

/// A figure as a typed value: its unit normalised, money and percentages recognised.
fn figure_value(text: &str, figure: &Quantity) -> Value {
    let before = text[..figure.range.start].trim_end_matches(' ');
    let after = &text[figure.range.end..];
    let unit: Option<String> = if before.ends_with('$') {
        Some("usd".into())
    } else if before.ends_with('€') {
        Some("eur".into())
    } else if before.ends_with('£') {
        Some("gbp".into())
    } else if after.starts_with('%')
        || starts_with_ignoring_case(after.trim_start(), "percent")
        || starts_with_ignoring_case(after.trim_start(), "per cent")
    {
        Some("percent".into())
    } else {
        match figure.unit.as_deref() {
            Some("per" | "percent") => Some("percent".into()),
            Some("euro") => Some("eur".into()),
            Some("dollar") => Some("usd".into()),
            Some("pound") => Some("gbp".into()),
            // "28 years old", "aged 28": an age.
            Some("year" | "years")
                if ["years old", "year old", "years-old", "year-old"]
                    .iter()
                    .any(|w| lower_case(after.trim_start_matches([' ', '-'])).starts_with(w)) =>
            {
                Some("age".into())
            }
            Some(_) | None if lower_case(before.rsplit(' ').next().unwrap_or("")) == "aged" => Some("age".into()),
            // "younger than 12", "under the age of 5": an age bound, no count.
            None if ["younger than", "older than", "the age of"].iter().any(|w| lower_case(before.trim_end()).ends_with(w)) => {
                Some("age".into())
            }
            // "Ossola, who is 87 and serves", "who at 86 is too old", "who turned 23".
            None if figure.value < 120.0 && figure.value.fract() == 0.0 && (age_clause_before(before) || age_predicate(before, after)) => {
                Some("age".into())
            }
            Some(unit) if COMPARISONS.contains(&unit) => None,
            // "6.1 million Norwegians", "200 residents": people, counted as "people" are.
            Some(unit) if counts_people(unit) => lemma("people"),
            Some(unit) => lemma(unit).or_else(|| Some(unit.to_string())),
            None => {
                // "Tillman, 61, knelt": an age in apposition, with the words that may soften
                // it ("Ferrand, himself still only 18, scored").
                let comma_before = before.trim_end().trim_end_matches(|c: char| c.is_alphabetic() || c == ' ').ends_with(',')
                    && before
                        .trim_end()
                        .rsplit(',')
                        .next()
                        .is_some_and(|words| words.split_whitespace().all(|w| AGE_ADVERBS.iter().any(|a| w.eq_ignore_ascii_case(a))));
                // (Or at the sentence's end after a name: "and Tomas Vell, 42.")
                let named =
                    || before.trim_end_matches(',').rsplit(' ').next().is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
                let comma_after = after.starts_with(',') || after.starts_with(')') || after.starts_with(['.', ';']) && named();
                (comma_before && comma_after && figure.value < 120.0 && figure.value.fract() == 0.0).then(|| "age".into())
            }
        }
    };
    let unit = unit.map(|unit| match speed_per(after) {
        Some(by) => format!("{unit} per {by}"),
        None => unit,
    });
    Value::Figure { value: figure.value, unit: unit.map(String::into_boxed_str), precision: figure.precision, ordinal: figure.ordinal }
}

/// The time of a rate written with a slash after its unit ("60 km/s", "200 000 km/h"), as
/// "per" would write it: "second", "hour". (So "km/h" and "km/s" are two units, and "km/h"
/// the unit of "kilometres per hour".)
fn speed_per(after: &str) -> Option<&'static str> {
    let rest = after.trim_start_matches(' ').trim_start_matches(char::is_alphabetic).strip_prefix('/')?;
    let time: String = rest.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    Some(match time.as_str() {
        "h" | "hr" | "hour" => "hour",
        "s" | "sec" | "second" => "second",
        "min" | "minute" => "minute",
        "d" | "day" => "day",
        _ => return None,
    })
}

/// Whether a unit is a word for people as such: persons, individuals, residents, citizens,
/// nationals, or a nationality ("Canadians", "Britons").
fn counts_people(unit: &str) -> bool {
    // (The unit comes singular: "canadian".)
    let lower = lower_case(unit);
    let singular = lower.strip_suffix('s').unwrap_or(&lower);
    matches!(singular, "person" | "individual" | "resident" | "citizen" | "national" | "inhabitant")
        || crate::annotate::names::is_country_word(singular) && !crate::annotate::names::is_country_name(singular)
}

/// Words that may stand between the comma after a name and an age in apposition.
const AGE_ADVERBS: &[&str] = &["himself", "herself", "still", "only", "just", "now", "then", "barely", "already", "aged"];

/// Whether a figure follows "who is", "who was", "who at", "who turned" or "who turns": an age.
fn age_clause_before(before: &str) -> bool {
    let mut words = before.trim_end().rsplit(' ');
    let (Some(verb), Some(who)) = (words.next(), words.next()) else { return false };
    who.eq_ignore_ascii_case("who") && ["is", "was", "at", "turned", "turns"].iter().any(|v| verb.eq_ignore_ascii_case(v))
}

/// Whether a bare figure closing a clause is a named person's age told by the verb: "His
/// deputy, Finance Minister Ada Brandt, is 47." / "Brandt turned 47," (a name, or a
/// name's closing comma, right before the verb).
fn age_predicate(before: &str, after: &str) -> bool {
    // (Or a clause joined on: "Voss is 26 and under contract through 2028"; not a record,
    // "was 26 and 4".)
    let joined = after.strip_prefix(" and ").is_some_and(|rest| {
        rest.split(' ')
            .next()
            .is_some_and(|next| next.chars().next().is_some_and(char::is_lowercase) && crate::annotate::counts::cardinal(next).is_none())
    });
    if !after.starts_with(['.', ',', ';']) && !joined {
        return false;
    }
    let mut words = before.trim_end().rsplit(' ');
    let (Some(verb), Some(who)) = (words.next(), words.next()) else { return false };
    let who = who.trim_end_matches(',');
    ["is", "was", "turned", "turns"].iter().any(|v| verb.eq_ignore_ascii_case(v))
        && who.chars().next().is_some_and(char::is_uppercase)
        && who.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'')
}

/// Whether `text` starts with the ASCII `prefix`, in any case (no lower-cased copy of the
/// rest of the text, which is everything after a figure).
fn starts_with_ignoring_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len()).is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// Values the annotators do not give: scores ("40-22"), ages written "a 23-year-old".
fn extra_values(text: &str, sentence_words: &[Word]) -> Vec<(Range<usize>, Value)> {
    let mut found = durations(sentence_words);
    found.extend(line_scores(text, sentence_words));
    for word in sentence_words {
        // Both kinds need a hyphen or a dash ('–' starts with the byte 0xE2): most words
        // have neither and are not read again.
        if !word.text.bytes().any(|byte| byte == b'-' || byte == 0xE2) {
            continue;
        }
        let written = word.text.trim_end_matches('.');
        if let Some((a, b)) = written.split_once(['-', '–'])
            && let (Ok(x), Ok(y)) = (a.parse::<u16>(), b.parse::<u16>())
            && a.len() <= 3
            && b.len() <= 3
            && !a.starts_with('0')
        {
            // Not a range of days or years ("2019-2021" has four digits).
            let next = text[word.range.end..].trim_start();
            if !next.starts_with(|c: char| c.is_ascii_digit()) {
                found.push((word.range.start..word.range.start + written.len(), Value::Score(x, y)));
            }
            continue;
        }
        // (Only a word with a hyphen can be an age: the others are not lower-cased.)
        if !written.contains('-') {
            continue;
        }
        let lower = lower_case(written);
        if let Some(age) = lower.strip_suffix("-year-old").or_else(|| lower.strip_suffix("-years-old"))
            && let Ok(value) = age.parse::<f64>()
        {
            found.push((
                word.range.start..word.range.start + age.len(),
                Value::Figure { value, unit: Some("age".into()), precision: Precision::Exact, ordinal: false },
            ));
        } else if let Some((number, unit)) = measure_before_noun(&lower) {
            found.push((word.range.start..word.range.start + number.len(), unit));
        }
    }
    found
}

/// Nouns that number an occurrence or a thing, not a side: "Game 5, Game 6", "Section 3,
/// Article 2" are no result.
const NUMBERED_NOUNS: &[&str] = &[
    "game",
    "games",
    "round",
    "stage",
    "week",
    "day",
    "section",
    "article",
    "chapter",
    "flight",
    "route",
    "highway",
    "interstate",
    "part",
    "phase",
    "level",
    "category",
    "gate",
    "terminal",
    "runway",
    "no",
    "number",
    "room",
    "page",
    "act",
    "grade",
];

/// Results written as a line score, each side's name before its figure: "Harlow 5, Corby
/// 1", "Port Ellery Rovers 2, Dunmore 2" (the headlines and agate of sports pages), read as
/// "5-1" would be. Not a month's day ("June 5, Corby 1", "Sunday 12, Monday 13"), nor two
/// numbered things.
fn line_scores(text: &str, words: &[Word]) -> Vec<(Range<usize>, Value)> {
    let number = |w: &Word| {
        if w.text.len() <= 3 && w.text.bytes().all(|b| b.is_ascii_digit()) {
            w.text.parse::<u16>().ok().filter(|&n| n <= 200)
        } else {
            None
        }
    };
    let side = |w: &Word| {
        w.is_capitalised()
            && w.text.chars().all(|c| c.is_alphabetic() || c == '.' || c == '\'')
            && !crate::annotate::dates::is_month_name(w.text)
            && !crate::annotate::dates::CALENDAR_WORDS.contains(&w.norm.as_ref())
            && !NUMBERED_NOUNS.contains(&w.norm.as_ref())
    };
    let mut found = Vec::new();
    for i in 1..words.len() {
        let Some(x) = number(&words[i]) else { continue };
        if !side(&words[i - 1]) || !text[words[i].range.end..].starts_with(", ") {
            continue;
        }
        // The other side's name (up to four words), right after the comma, then its figure.
        let mut j = i + 1;
        while j < words.len() && j - i <= 4 && side(&words[j]) {
            j += 1;
        }
        let Some(y) = words.get(j).filter(|_| j > i + 1).and_then(number) else { continue };
        let between = &text[words[i + 1].range.start..words[j].range.start];
        let after = text[words[j].range.end..].trim_start();
        // (Only the name between; nor a time or a longer number after: "Corby 1, Dunmore 10:30".)
        if !between.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '.' || c == '\'')
            || after.starts_with(|c: char| c.is_ascii_digit() || c == ':')
            || words[i - 1].norm == words[j - 1].norm
        {
            continue;
        }
        found.push((words[i].range.start..words[j].range.end, Value::Score(x, y)));
    }
    found
}

/// A figure joined to its unit before a noun: "a 36-hour pause", "a three-day strike", "the
/// 250-foot limit", "a 12-year sentence" (the number as written, and the figure with the
/// unit as "36 hours" would have it). Not a number word that is all of a word ("thirty-five").
fn measure_before_noun(lower: &str) -> Option<(&str, Value)> {
    let (number, unit) = lower.split_once('-')?;
    let value = if number.bytes().all(|b| b.is_ascii_digit() || b == b'.') && number.starts_with(|c: char| c.is_ascii_digit()) {
        number.parse::<f64>().ok()?
    } else {
        crate::annotate::counts::cardinal(number)?
    };
    // One word of letters after the hyphen, and no number word ("forty-one").
    if unit.is_empty() || !unit.bytes().all(|b| b.is_ascii_lowercase()) || crate::annotate::counts::cardinal(unit).is_some() {
        return None;
    }
    let unit = crate::annotate::counts::singular(unit);
    let unit = lemma(&unit).unwrap_or(unit);
    Some((number, Value::Figure { value, unit: Some(unit.into_boxed_str()), precision: Precision::Exact, ordinal: false }))
}

/// A number of whole units, written in figures or as a word ("7", "seven").
fn small_number(word: &Word) -> Option<f64> {
    word.norm.parse::<u32>().ok().map(f64::from).or_else(|| crate::annotate::counts::cardinal(&word.norm))
}

/// Durations told in two units, one value in the smaller ("six hours and 17 minutes",
/// "2 hours, 15 minutes", "a minute and 40 seconds" are 377 minutes, 135 minutes, 100
/// seconds): two figures read apart would each be compared with the other duration's parts.
fn durations(words: &[Word]) -> Vec<(Range<usize>, Value)> {
    const PAIRS: &[(&[&str], &[&str], f64, &str)] = &[
        (&["hour", "hours", "hr", "hrs"], &["minute", "minutes", "min", "mins"], 60.0, "minute"),
        (&["minute", "minutes", "min", "mins"], &["second", "seconds", "sec", "secs"], 60.0, "second"),
        (&["day", "days"], &["hour", "hours"], 24.0, "hour"),
        (&["year", "years"], &["month", "months"], 12.0, "month"),
    ];
    let mut found = Vec::new();
    let mut i = 0;
    while i + 3 < words.len() {
        let matched = (|| {
            let big = small_number(&words[i]).or_else(|| matches!(words[i].norm.as_ref(), "a" | "an").then_some(1.0))?;
            let (_, small_units, factor, unit) = PAIRS.iter().find(|(units, ..)| units.contains(&words[i + 1].norm.as_ref()))?;
            let mut next = i + 2;
            if words.get(next).is_some_and(|w| w.norm == "and") {
                next += 1;
            }
            let small = small_number(words.get(next)?)?;
            let last = words.get(next + 1).filter(|w| small_units.contains(&w.norm.as_ref()))?;
            // (The smaller part is less than one of the larger: "2 hours and 90 minutes" is two figures.)
            (small < *factor).then(|| {
                let value =
                    Value::Figure { value: big * factor + small, unit: Some((*unit).into()), precision: Precision::Exact, ordinal: false };
                (words[i].range.start..last.range.end, value, next + 2)
            })
        })();
        match matched {
            Some((range, value, after)) => {
                found.push((range, value));
                i = after;
            }
            None => i += 1,
        }
    }
    found
}

/// What a store of corpus evidence answers: the sentences that share words with a draft
/// sentence, best first, and what is known of the words.
pub trait EvidenceSource {
    /// The id of a lemma, when the corpus uses it.
    fn term(&self, lemma: &str) -> Option<u32>;
    /// The inverse document frequency of a lemma id.
    fn idf(&self, term: u32) -> f32;
    /// The inverse document frequency of a lemma only one sentence uses: the scale that
    /// rarity is judged on (a small corpus has no very rare words).
    fn max_idf(&self) -> f32;
    /// The family of a lemma: lemmas that share their first five letters ("collid" and
    /// "collis", "deliber"), which the stemmer leaves apart, and words a reporter uses for
    /// one another ([`super::synonyms`]: "refus" and "deni").
    fn family(&self, term: u32) -> u32;
    /// The sentences sharing the most (IDF-weighted) lemmas with `terms`, best first, at most `limit`.
    fn retrieve(&self, terms: &[u32], limit: usize) -> Vec<(u32, f32)>;
    fn sentence(&self, id: u32) -> &IndexedSentence;
    /// Whether the two places are ever named in one corpus sentence (a venue and its city,
    /// a city and its region): then neither contradicts the other.
    fn places_named_together(&self, a: &str, b: &str) -> bool;
    /// The latest day a source's sentences give, a bound under its publication date.
    fn latest_day(&self, source: u32) -> Option<jiff::civil::Date>;
    /// The sentences that give an age.
    fn aged(&self) -> &[u32];
    /// How many sentences state a value (a figure of its unit, a score, a place; no date).
    fn stated_in(&self, value: &Value) -> usize {
        self.stating(value).len()
    }
    /// The sentences that state `value` (a figure of that unit, a score, a place), in
    /// corpus order.
    fn stating(&self, value: &Value) -> &[u32];
    /// The one place the corpus names that `key` (a place it never names, lower case, six
    /// letters or more) is a keystroke from: a letter changed, added, dropped, or two
    /// swapped ("nyapyitaw" for "naypyitaw"). `None` when none is, or several are.
    fn place_misspelled(&self, key: &str) -> Option<&str>;
    /// How many sentences give values.
    fn len_with_values(&self) -> usize;
    /// Whether a sentence that shares one of `terms` states `value` (a figure of that unit,
    /// a score, a place): then the draft's value has a source, whatever else says otherwise.
    /// (Not a sentence `apart` sets aside by its id: one that tells another occurrence.)
    fn attested(&self, value: &Value, terms: &[u32], apart: &dyn Fn(u32) -> bool) -> bool;
    /// The dates the corpus writes beside a lemma of a family (see [`beside`]), as
    /// (sentence, slot index); `family` is a [`EvidenceSource::family`].
    fn dated_by(&self, family: u32) -> &[(u32, u16)];
    /// The lemma of a term id.
    fn lemma(&self, term: u32) -> &str;
    /// The sentences that give values and hold a term, in corpus order, at most `limit`.
    fn holding(&self, term: u32, limit: usize) -> Vec<u32>;
    /// Where the corpus writes `place` (lower case) with its region ("Dunmore, Vermont").
    fn regions_of(&self, place: &str) -> &[RegionSite];
    /// Where the corpus writes a site (lower case) with the place it stands in ("Ashby
    /// Superior Court in Fennick", "Fennick's Ashby Superior Court").
    fn located_of(&self, site: &str) -> &[LocatedSite];
}

/// Whether the date at `range` of `text` is a fiscal year, as "fiscal" just before it or
/// "fiscal year" just after it says ("in fiscal 2027", "in its 2027 fiscal year", "FY2027").
fn fiscal_year(text: &str, range: Range<usize>) -> bool {
    let (Some(head), Some(tail), Some(written)) = (text.get(..range.start), text.get(range.end..), text.get(range)) else { return false };
    // The word just before, and the two words just after.
    let before = head.split(|c: char| !c.is_alphanumeric()).rfind(|w| !w.is_empty()).unwrap_or("");
    let after: Vec<&str> = tail.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(2).collect();
    before.eq_ignore_ascii_case("fiscal")
        || before.eq_ignore_ascii_case("fy")
        || after.len() == 2 && after[0].eq_ignore_ascii_case("fiscal") && after[1].eq_ignore_ascii_case("year")
        || written.get(..2).is_some_and(|first| first.eq_ignore_ascii_case("fy"))
}

/// Lemmas on each side of a date that it dates in the corpus ("collided Thursday night and
/// sank", "a Feb. 6 midair collision").
pub const DATED_WITHIN: usize = 2;

/// The lemmas within [`DATED_WITHIN`] of a value standing before lemma `at`.
pub fn beside(terms: &[u32], at: usize) -> &[u32] {
    let start = at.saturating_sub(DATED_WITHIN).min(terms.len());
    &terms[start..(at + DATED_WITHIN).min(terms.len())]
}

/// Where the corpus writes a place with its region: the region, as normalised and as
/// written, and the sentence that says so.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RegionSite {
    pub region: Box<str>,
    pub written: Box<str>,
    pub state: bool,
    pub source: u32,
    pub start: u32,
    pub end: u32,
}

/// Where the corpus writes a site with the place it stands in: the place, as its value's
/// key and as written, and the sentence that says so.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct LocatedSite {
    pub place: Box<str>,
    pub written: Box<str>,
    pub source: u32,
    pub start: u32,
    pub end: u32,
}

/// The last words of the names of sites that stay where they are built: a court, a
/// stadium, a hospital ("Ashby Superior Court", "Vantor Arena"). Not a team, a party or
/// a company, which play, campaign and trade in many places.
const FIXED_SITES: &[&str] = &[
    "court",
    "courthouse",
    "stadium",
    "arena",
    "center",
    "centre",
    "hospital",
    "airport",
    "palace",
    "hall",
    "cathedral",
    "basilica",
    "church",
    "chapel",
    "university",
    "college",
    "museum",
    "field",
    "fieldhouse",
    "base",
    "prison",
    "jail",
    "penitentiary",
    "station",
    "bridge",
    "square",
    "tower",
    "hotel",
    "theatre",
    "theater",
    "castle",
    "library",
    "cemetery",
    "mosque",
    "temple",
    "synagogue",
    "abbey",
    "campus",
    "gardens",
    "clinic",
    "academy",
    "refinery",
    "dam",
    "speedway",
    "raceway",
    "ballpark",
    "coliseum",
    "colosseum",
    "dome",
    "pavilion",
    "auditorium",
    "crematorium",
    "mall",
];

/// Most words of a site's name ("Ashby County Superior Court", "Marta Quill Fennick
/// International Airport").
const SITE_WORDS: usize = 6;

/// Whether a name is a site's (see [`FIXED_SITES`]), in any case.
pub fn is_fixed_site(name: &str) -> bool {
    name.rsplit([' ', '-']).next().is_some_and(|last| FIXED_SITES.contains(&lower_case(last).as_ref()))
}

/// A site named by the capitalised words that end at `end` in `text`: where its name
/// starts, if its last word is a site's (see [`FIXED_SITES`]).
fn site_ending(text: &str, from: usize, end: usize) -> Option<usize> {
    let mut start = None;
    let mut cursor = end;
    for _ in 0..SITE_WORDS {
        let head = &text[..cursor];
        let word_start = head
            .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '\u{201c}'))
            .map_or(0, |at| at + head[at..].chars().next().map_or(1, char::len_utf8));
        let word = &head[word_start..];
        if !word.starts_with(|c: char| c.is_uppercase()) {
            break;
        }
        // (Not past the sentence's start: "...said Kell. Orlan Arena in Tessford".)
        if word_start < from || word.ends_with([',', ';', ':']) {
            break;
        }
        start = Some(word_start);
        if word_start == 0 || !head[..word_start].ends_with(' ') {
            break;
        }
        cursor = word_start - 1;
    }
    // ("At Ashby Superior Court", "The Vantor Arena": no word of the name.)
    let mut start = start?;
    while let Some(space) = text[start..end].find(' ')
        && crate::annotate::names::is_not_name_word(&lower_case(&text[start..start + space]))
    {
        start += space + 1;
    }
    (start < end && is_fixed_site(&text[start..end])).then_some(start)
}

/// A site named by the capitalised words that start at `start`: where its name ends, at the
/// last of them that is a site's word.
fn site_starting(text: &str, start: usize) -> Option<usize> {
    let mut end = None;
    let mut cursor = start;
    for _ in 0..SITE_WORDS {
        let rest = &text[cursor..];
        if !rest.starts_with(|c: char| c.is_uppercase()) {
            break;
        }
        let word_end =
            cursor + rest.find(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '.' | '\'' | '\u{2019}'))).unwrap_or(rest.len());
        let word = text[cursor..word_end].trim_end_matches(['.', '\'', '\u{2019}']);
        if is_fixed_site(word) {
            end = Some(cursor + word.len());
        }
        if !text[word_end..].starts_with(' ') {
            break;
        }
        cursor = word_end + 1;
    }
    end
}

/// A site written with the place it stands in: the site's name, as a place's key and
/// where it is written, and the place's slot.
pub struct SiteInPlace<'a> {
    pub site: String,
    pub site_range: Range<usize>,
    pub place: &'a Slot,
}

/// The sites a sentence writes with the place they stand in: "Ashby Superior Court in
/// Fennick", "the Vantor Arena, in Brackwell", "Fennick's Ashby Superior Court". A site is a
/// name whose last word is one of [`FIXED_SITES`]; the place is one of the sentence's slots.
pub fn sites_located<'a>(text: &str, sentence_start: usize, slots: &'a [Slot]) -> Vec<SiteInPlace<'a>> {
    let mut found = Vec::new();
    for slot in slots {
        let Value::Place(key) = &slot.value else { continue };
        if slot.hedged || is_fixed_site(key) {
            continue;
        }
        let (start, end) = (slot.start as usize, slot.end as usize);
        let Some(before) = text.get(..start) else { continue };
        let located_in = before.strip_suffix(", in ").or_else(|| before.strip_suffix(" in ")).and_then(|head| {
            let from = site_ending(text, sentence_start, head.len())?;
            Some(from..head.len())
        });
        let possessed = || {
            let after = text.get(end..).unwrap_or("");
            let gap = ["'s ", "\u{2019}s "].iter().find(|g| after.starts_with(**g))?.len();
            site_starting(text, end + gap).map(|to| end + gap..to)
        };
        let site = located_in.or_else(possessed);
        // (One word names a kind of site, not one: "St. Aldric's Basilica" is no basilica of
        // a place called St. Aldric.)
        if let Some(range) = site.filter(|r| text[r.clone()].contains(' ')) {
            found.push(SiteInPlace { site: lower_case(&text[range.clone()]).into_owned(), site_range: range, place: slot });
        }
    }
    found
}

/// Most places-with-region kept for one place: enough to see that sources disagree.
const MAX_REGION_SITES: usize = 16;

/// The in-memory evidence index.
///
/// Every sentence with lemmas is numbered, in corpus order, and ranks in retrieval: its
/// lemmas are in the posting lists and its length in `lengths`. Only the sentences that
/// give a value are kept whole (`sentences`): a check reads nothing else of a sentence it
/// retrieves, so [`EvidenceSource::retrieve`] ranks all of them and returns those.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct EvidenceIndex {
    /// Lemma of each term id.
    pub terms: Vec<Box<str>>,
    /// Places the corpus writes with their region ("Dunmore, Vermont"), by place (lower case).
    #[serde(default)]
    regions: HashMap<Box<str>, Vec<RegionSite>>,
    /// Sites the corpus writes with the place they stand in, by site (its name in lower case).
    #[serde(default)]
    located: HashMap<Box<str>, Vec<LocatedSite>>,
    /// The sentences that give at least one value, in corpus order.
    pub sentences: Vec<IndexedSentence>,
    /// The number of each of `sentences` among all the sentences indexed (ascending).
    numbers: Vec<u32>,
    /// How many lemmas each sentence indexed has, by number (at most [`MAX_TERMS`]).
    lengths: Vec<u8>,
    /// The posting lists, one after the other: for each term, the numbers of the sentences
    /// that hold it, ascending, a number written as many times as its sentence holds the
    /// term; each number as its difference from the one before (0 for a repeat), in LEB128
    /// (about two bytes a posting, not four).
    postings: Vec<u8>,
    /// Where each term's list begins in `postings`, and where the last one ends.
    starts: Vec<u32>,
    /// The lemmas of the sentences added since the posting lists were last built, one
    /// sentence after the other (their lengths are the last of `lengths`).
    #[serde(skip)]
    pending: Vec<u32>,
    /// How many sentences `pending` holds.
    #[serde(skip)]
    pending_sentences: usize,
    #[serde(skip)]
    lookup: HashMap<Box<str>, u32>,
    /// While learning: each word form met, with the place of its lemma in `form_lemmas`
    /// ([`NO_LEMMA`] for a form without one). Emptied when the posting lists are built.
    #[serde(skip)]
    word_forms: HashMap<Box<str>, u32>,
    #[serde(skip)]
    form_lemmas: Vec<FormLemma>,
    /// For each term, how many sentences hold it.
    #[serde(skip)]
    df: Vec<u32>,
    /// For each place, the sentences that name it.
    #[serde(skip)]
    places: HashMap<Box<str>, Vec<u32>>,
    #[serde(skip)]
    average_length: f32,
    /// The family of each term ([`EvidenceSource::family`]).
    #[serde(skip)]
    families: Vec<u32>,
    /// For each figure, score and place, the sentences that state it.
    #[serde(skip)]
    stated: HashMap<ValueKey, Vec<u32>>,
    /// For each lemma, the date values it stands right beside ("the crash on DATE",
    /// "DATE's verdict"), as (sentence, slot): what the corpus dates by that word.
    #[serde(skip)]
    dated_by: HashMap<u32, Vec<(u32, u16)>>,
    /// For each source, the latest day its sentences give (not hedged, not written as still
    /// to come): a page that writes of April 3 was not published before it, whether or not
    /// it shows a date.
    #[serde(skip)]
    latest_day: HashMap<u32, jiff::civil::Date>,
    /// The sentences that give someone's age: an age is checked against the person's, in
    /// whatever words the sentence tells it.
    #[serde(skip)]
    aged: Vec<u32>,
}

/// A word form's lemma while learning: its term once a sentence has indexed it.
#[derive(Clone, Debug)]
enum FormLemma {
    Lemma(Box<str>),
    Term(u32),
}

/// The place of a word form without a lemma ([`EvidenceIndex`]'s `word_forms`).
const NO_LEMMA: u32 = u32::MAX;

/// The sentence numbers of an encoded posting list ([`EvidenceIndex`]'s `postings`).
struct Postings<'a> {
    bytes: &'a [u8],
    number: u32,
}

impl Iterator for Postings<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let mut difference = 0u32;
        let mut shift = 0;
        loop {
            let (&byte, rest) = self.bytes.split_first()?;
            self.bytes = rest;
            difference |= u32::from(byte & 0x7f).checked_shl(shift).unwrap_or(0);
            if byte & 0x80 == 0 {
                break;
            }
            shift += 7;
        }
        self.number = self.number.wrapping_add(difference);
        Some(self.number)
    }
}

/// How many bytes [`write_leb128`] writes for a number.
fn leb128_len(value: u32) -> usize {
    (32 - value.leading_zeros() as usize).max(1).div_ceil(7)
}

/// Writes a number in LEB128 (seven bits a byte, low first, the high bit saying more
/// follow) at the start of `out`; how many bytes it took.
fn write_leb128(out: &mut [u8], mut value: u32) -> usize {
    let mut at = 0;
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out[at] = byte;
            return at + 1;
        }
        out[at] = byte | 0x80;
        at += 1;
    }
}

/// A value as a key: a figure by its unit and number, a score, a place.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ValueKey {
    Figure(Option<Box<str>>, u64),
    Score(u16, u16),
    Place(Box<str>),
}

impl Value {
    /// The key a value is stated under, for values that are attested by being stated
    /// anywhere near (dates are not: the same day recurs for other things).
    pub fn key(&self) -> Option<ValueKey> {
        match self {
            Value::Date(_) | Value::Weekday(_) => None,
            Value::Figure { value, unit, .. } => Some(ValueKey::Figure(unit.clone(), value.to_bits())),
            Value::Score(a, b) => Some(ValueKey::Score(*a.min(b), *a.max(b))),
            Value::Place(place) => Some(ValueKey::Place(place.clone())),
        }
    }
}

/// Most postings one retrieval reads.
const MAX_POSTINGS_READ: usize = 20_000;

/// Longest posting list of a common word that retrieval still reads (a small corpus that
/// repeats one story needs its common words; a large archive does not).
const MAX_COMMON_POSTINGS: usize = 2000;

/// Sentences longer than this many lemmas are kept whole but indexed by their first lemmas.
const MAX_TERMS: usize = 120;

impl EvidenceIndex {
    /// Adds the sentences of one analysed corpus document ([`EvidenceIndex::reindex`] makes
    /// them retrievable).
    pub fn add(&mut self, source: usize, text: &str, analysis: &Analysis) {
        // Each word form is stemmed once while learning: a form seen before gives its
        // lemma's place in `form_lemmas` by one look-up, with no string made. (Emptied
        // between documents when it grows past [`MAX_CACHED_LEMMAS`]: the places a
        // document's sentences hold stay valid until they are read below.)
        if self.word_forms.len() >= MAX_CACHED_LEMMAS {
            self.word_forms.clear();
            self.form_lemmas.clear();
        }
        for sentence in &analysis.sentences {
            for found in crate::annotate::regions::places_in_regions(text, sentence.clone()) {
                let sites = self.regions.entry(found.place.into_boxed_str()).or_default();
                if sites.len() < MAX_REGION_SITES {
                    sites.push(RegionSite {
                        region: found.region.into_boxed_str(),
                        written: text[found.region_range].into(),
                        state: found.level == crate::annotate::regions::Level::State,
                        source: source as u32,
                        start: sentence.start as u32,
                        end: sentence.end as u32,
                    });
                }
            }
        }
        let (word_forms, form_lemmas) = (&mut self.word_forms, &mut self.form_lemmas);
        let values = sentence_values_by(text, analysis, |norm| {
            let place = match word_forms.get(norm) {
                Some(&place) => place,
                None => {
                    let place = match compute_lemma(norm) {
                        Some(lemma) => {
                            form_lemmas.push(FormLemma::Lemma(lemma.into()));
                            (form_lemmas.len() - 1) as u32
                        }
                        None => NO_LEMMA,
                    };
                    word_forms.insert(norm.into(), place);
                    place
                }
            };
            (place != NO_LEMMA).then_some(place)
        });
        let mut values = values;
        let quoted_from = carry_days(text, analysis, &mut values);
        for (sentence, start) in values.into_iter().zip(quoted_from) {
            for SiteInPlace { site, place, .. } in sites_located(text, sentence.range.start, &sentence.slots) {
                let Value::Place(place_key) = &place.value else { continue };
                let sites = self.located.entry(site.into_boxed_str()).or_default();
                if sites.len() < MAX_REGION_SITES {
                    sites.push(LocatedSite {
                        place: place_key.clone(),
                        written: text[place.range()].into(),
                        source: source as u32,
                        start: sentence.range.start as u32,
                        end: sentence.range.end as u32,
                    });
                }
            }
            if sentence.lemmas.is_empty() {
                continue;
            }
            let from = self.pending.len();
            for &place in sentence.lemmas.iter().take(MAX_TERMS) {
                // A lemma becomes a term where a sentence first indexes it (not where a
                // word past a long sentence's first lemmas gave it): the numbering is the
                // order of first use, as it was when each lemma was interned there.
                let term = match &mut self.form_lemmas[place as usize] {
                    FormLemma::Term(term) => *term,
                    FormLemma::Lemma(lemma) => {
                        let lemma = std::mem::take(lemma);
                        let term = self.intern(&lemma);
                        self.form_lemmas[place as usize] = FormLemma::Term(term);
                        term
                    }
                };
                self.pending.push(term);
            }
            let number = self.lengths.len() as u32;
            self.lengths.push((self.pending.len() - from) as u8);
            self.pending_sentences += 1;
            if sentence.slots.is_empty() && sentence.reports.is_empty() {
                continue;
            }
            self.numbers.push(number);
            self.sentences.push(IndexedSentence {
                source: source as u32,
                start: start as u32,
                end: sentence.range.end as u32,
                terms: self.pending[from..].into(),
                slots: sentence.slots.into_boxed_slice(),
                reports: sentence.reports.into_boxed_slice(),
            });
        }
    }

    fn intern(&mut self, lemma: &str) -> u32 {
        if let Some(&id) = self.lookup.get(lemma) {
            return id;
        }
        let id = self.terms.len() as u32;
        self.terms.push(lemma.into());
        self.lookup.insert(lemma.into(), id);
        id
    }

    /// The posting list of a term, encoded.
    fn list(&self, term: u32) -> &[u8] {
        let term = term as usize;
        match (self.starts.get(term), self.starts.get(term + 1)) {
            (Some(&from), Some(&to)) => self.postings.get(from as usize..to as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The sentence numbers of a term's posting list, in order.
    fn postings(&self, term: u32) -> Postings<'_> {
        Postings { bytes: self.list(term), number: 0 }
    }

    /// Puts the sentences added since the last build into the posting lists: each term's
    /// list is its old one followed by the new sentences that hold it (numbered after every
    /// old one, so the lists stay ascending). Two passes over the new lemmas: the size of
    /// each list, then the lists.
    fn merge_pending(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let taken = std::mem::take(&mut self.pending);
        let pending = &taken;
        let terms = self.terms.len();
        // The pending sentences are the last numbered ones.
        let first_new = self.lengths.len() - std::mem::take(&mut self.pending_sentences);
        let new_numbers = || {
            let mut at = 0;
            self.lengths.iter().enumerate().skip(first_new).flat_map(move |(number, &length)| {
                let from = at;
                at += length as usize;
                pending[from..at].iter().map(move |&term| (term as usize, number as u32))
            })
        };
        // The last number of each old list: the new ones follow it.
        let old_last: Vec<Option<u32>> = (0..terms as u32).map(|t| self.postings(t).last()).collect();
        let mut sizes: Vec<usize> = (0..terms as u32).map(|t| self.list(t).len()).collect();
        let mut last = old_last.clone();
        for (term, number) in new_numbers() {
            sizes[term] += leb128_len(number - last[term].unwrap_or(0));
            last[term] = Some(number);
        }
        let mut starts = Vec::with_capacity(terms + 1);
        let mut total = 0usize;
        for size in &sizes {
            starts.push(u32::try_from(total).expect("posting lists under 4 GiB"));
            total += size;
        }
        starts.push(u32::try_from(total).expect("posting lists under 4 GiB"));
        let mut postings = vec![0u8; total];
        // Where the next byte of each list goes.
        let mut next: Vec<usize> = starts[..terms].iter().map(|&s| s as usize).collect();
        for (term, at) in next.iter_mut().enumerate() {
            let old = self.list(term as u32);
            postings[*at..*at + old.len()].copy_from_slice(old);
            *at += old.len();
        }
        let mut last = old_last;
        for (term, number) in new_numbers() {
            next[term] += write_leb128(&mut postings[next[term]..], number - last[term].unwrap_or(0));
            last[term] = Some(number);
        }
        self.postings = postings;
        self.starts = starts;
    }

    /// Builds the posting lists of the sentences added, and what is derived from the index
    /// (after learning, or after loading from the cache).
    pub fn reindex(&mut self) {
        // Freed first: the posting lists are built next, at the peak of learning.
        self.word_forms = HashMap::default();
        self.form_lemmas = Vec::new();
        self.merge_pending();
        self.sentences.shrink_to_fit();
        self.numbers.shrink_to_fit();
        self.lengths.shrink_to_fit();
        self.lookup = self.terms.iter().enumerate().map(|(id, t)| (t.clone(), id as u32)).collect();
        self.postings.shrink_to_fit();
        self.starts.shrink_to_fit();
        // Distinct numbers: a repeated one is its sentence holding the term again.
        self.df = (0..self.terms.len() as u32)
            .map(|term| {
                let mut previous = None;
                self.postings(term).filter(|&number| previous.replace(number) != Some(number)).count() as u32
            })
            .collect();
        let mut by_prefix: HashMap<&str, u32> = HashMap::default();
        let mut by_group: HashMap<usize, u32> = HashMap::default();
        self.families = self
            .terms
            .iter()
            .enumerate()
            .map(|(id, term)| {
                // Words a reporter uses for one another are one family ("refus", "deni").
                if let Some(group) = super::synonyms::group(term) {
                    return *by_group.entry(group).or_insert(id as u32);
                }
                match family_prefix(term) {
                    Some(prefix) => *by_prefix.entry(prefix).or_insert(id as u32),
                    None => id as u32,
                }
            })
            .collect();
        let mut places: HashMap<Box<str>, Vec<u32>> = HashMap::default();
        let mut stated: HashMap<ValueKey, Vec<u32>> = HashMap::default();
        let mut dated_by: HashMap<u32, Vec<(u32, u16)>> = HashMap::default();
        let mut latest_day: HashMap<u32, jiff::civil::Date> = HashMap::default();
        let mut aged: Vec<u32> = Vec::new();
        for (id, sentence) in self.sentences.iter().enumerate() {
            if sentence.slots.iter().any(|slot| slot.value.unit() == Some("age")) {
                aged.push(id as u32);
            }
            for (at, slot) in sentence.slots.iter().enumerate() {
                if let Value::Date(DateValue::Day(day)) = slot.value
                    && !slot.hedged
                    && !slot.future
                {
                    let latest = latest_day.entry(sentence.source).or_insert(day);
                    *latest = (*latest).max(day);
                }
                if slot.value.is_date() && !slot.hedged {
                    let mut families: Vec<u32> =
                        beside(&sentence.terms, slot.at as usize).iter().map(|&t| self.families[t as usize]).collect();
                    families.sort_unstable();
                    families.dedup();
                    for family in families {
                        dated_by.entry(family).or_default().push((id as u32, at as u16));
                    }
                }
                if let Some(key) = slot.value.key() {
                    let list = stated.entry(key).or_default();
                    if list.last() != Some(&(id as u32)) {
                        list.push(id as u32);
                    }
                }
                if let Value::Place(key) = &slot.value {
                    let list = places.entry(key.clone()).or_default();
                    if list.last() != Some(&(id as u32)) {
                        list.push(id as u32);
                    }
                }
            }
        }
        self.places = places;
        self.stated = stated;
        self.dated_by = dated_by;
        self.latest_day = latest_day;
        self.aged = aged;
        let total: usize = self.lengths.iter().map(|&l| l as usize).sum();
        self.average_length = if self.lengths.is_empty() { 1.0 } else { total as f32 / self.lengths.len() as f32 };
    }

    /// How many sentences are indexed (with values or without).
    pub fn len(&self) -> usize {
        self.lengths.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lengths.is_empty()
    }

    pub fn lemma(&self, term: u32) -> &str {
        self.terms.get(term as usize).map_or("?", |t| t)
    }
}

impl EvidenceSource for EvidenceIndex {
    fn term(&self, lemma: &str) -> Option<u32> {
        self.lookup.get(lemma).copied()
    }

    fn idf(&self, term: u32) -> f32 {
        let n = self.lengths.len() as f32;
        let df = self.df.get(term as usize).copied().unwrap_or(0) as f32;
        ((n - df + 0.5) / (df + 0.5) + 1.0).ln()
    }

    fn max_idf(&self) -> f32 {
        let n = self.lengths.len() as f32;
        ((n - 0.5) / 1.5 + 1.0).ln()
    }

    fn family(&self, term: u32) -> u32 {
        self.families.get(term as usize).copied().unwrap_or(term)
    }

    fn retrieve(&self, terms: &[u32], limit: usize) -> Vec<(u32, f32)> {
        // BM25 over the distinct query terms; the commonest terms (in more than a fifth of
        // the sentences) add little and cost much, so they are left out.
        let (k1, b) = (1.2f32, 0.75f32);
        let mut distinct: Vec<u32> = terms.to_vec();
        distinct.sort_unstable();
        distinct.dedup();
        let df = |term: &u32| self.df.get(*term as usize).copied().unwrap_or(0) as usize;
        distinct.retain(|t| df(t) > 0);
        // Rarest first: the three rarest always count, however common (a small corpus
        // that repeats one story); the others only when in at most a fifth of the sentences.
        distinct.sort_by_key(|t| (df(t), *t));
        let n = self.lengths.len();
        let average_length = self.average_length.max(1.0);
        let mut scores: HashMap<u32, f32> = HashMap::default();
        let mut read = 0;
        for (rank, term) in distinct.into_iter().enumerate() {
            let count = df(&term);
            // Rarest first, within a budget: the words left when it is spent are the
            // commonest, which rank little (a keystroke must not read a large archive).
            if rank >= 3 && read + count > MAX_POSTINGS_READ {
                break;
            }
            read += count;
            let common = count * 5 > n.max(50);
            if common && (rank >= 3 || count > MAX_COMMON_POSTINGS) {
                continue;
            }
            let idf = self.idf(term);
            scores.reserve(count);
            // A sentence's number is repeated as many times as it holds the term.
            let mut postings = self.postings(term).peekable();
            while let Some(number) = postings.next() {
                let mut tf = 1.0f32;
                while postings.next_if_eq(&number).is_some() {
                    tf += 1.0;
                }
                let length = f32::from(self.lengths.get(number as usize).copied().unwrap_or(0)) / average_length;
                *scores.entry(number).or_default() += idf * tf * (k1 + 1.0) / (tf + k1 * (1.0 - b + b * length));
            }
        }
        let mut ranked: Vec<(u32, f32)> = scores.into_iter().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(limit);
        // The sentences without values rank, but a check has nothing to read in them.
        ranked.into_iter().filter_map(|(number, score)| Some((self.numbers.binary_search(&number).ok()? as u32, score))).collect()
    }

    fn sentence(&self, id: u32) -> &IndexedSentence {
        &self.sentences[id as usize]
    }

    fn holding(&self, term: u32, limit: usize) -> Vec<u32> {
        let mut previous = None;
        self.postings(term)
            .filter(|&number| previous.replace(number) != Some(number))
            .filter_map(|number| self.numbers.binary_search(&number).ok().map(|id| id as u32))
            .take(limit)
            .collect()
    }

    fn attested(&self, value: &Value, terms: &[u32], apart: &dyn Fn(u32) -> bool) -> bool {
        self.stating(value).iter().any(|&id| self.sentences[id as usize].terms.iter().any(|t| terms.contains(t)) && !apart(id))
    }

    fn lemma(&self, term: u32) -> &str {
        EvidenceIndex::lemma(self, term)
    }

    fn latest_day(&self, source: u32) -> Option<jiff::civil::Date> {
        self.latest_day.get(&source).copied()
    }

    fn aged(&self) -> &[u32] {
        &self.aged
    }

    fn stating(&self, value: &Value) -> &[u32] {
        value.key().and_then(|key| self.stated.get(&key)).map_or(&[], Vec::as_slice)
    }

    fn place_misspelled(&self, key: &str) -> Option<&str> {
        if key.chars().filter(|c| c.is_alphabetic()).count() < MISSPELLED_PLACE_LETTERS || self.places.contains_key(key) {
            return None;
        }
        // (A hyphen for a space is the same name written two ways, "Roland-Garros".)
        let joined = |k: &str| k.replace('-', " ");
        let mut near = self
            .places
            .keys()
            .filter(|k| k.len().abs_diff(key.len()) <= 1 && one_keystroke_apart(k, key))
            .filter(|k| joined(k) != joined(key));
        let first = near.next()?;
        near.next().is_none().then_some(&**first)
    }

    fn len_with_values(&self) -> usize {
        self.sentences.len()
    }

    fn dated_by(&self, family: u32) -> &[(u32, u16)] {
        self.dated_by.get(&family).map_or(&[], Vec::as_slice)
    }

    fn regions_of(&self, place: &str) -> &[RegionSite] {
        self.regions.get(place).map_or(&[], Vec::as_slice)
    }

    fn located_of(&self, site: &str) -> &[LocatedSite] {
        self.located.get(site).map_or(&[], Vec::as_slice)
    }

    fn places_named_together(&self, a: &str, b: &str) -> bool {
        let (Some(first), Some(second)) = (self.places.get(a), self.places.get(b)) else { return false };
        let (short, long) = if first.len() <= second.len() { (first, second) } else { (second, first) };
        short.iter().any(|id| long.binary_search(id).is_ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_undated_weekday_is_compared_with_the_days_that_fall_on_it() {
        use jiff::civil::{Weekday, date};
        let text = "The board met on Wednesday.";
        let read = read_with_people("---\ntitle: A\n---\nA page.\n", text);
        let values: Vec<&Value> = read.iter().flat_map(|s| s.slots.iter().chain(&s.reports)).map(|slot| &slot.value).collect();
        assert_eq!(values, vec![&Value::Weekday(Weekday::Wednesday)], "{read:#?}");
        let wednesday = Value::Weekday(Weekday::Wednesday);
        let day = |d: i8| Value::Date(DateValue::Day(date(2025, 10, d)));
        // Oct. 15, 2025 was a Wednesday; the 14th a Tuesday.
        assert!(day(15).compatible(&wednesday) && wednesday.compatible(&day(15)));
        assert!(!day(14).compatible(&wednesday) && day(14).comparable(&wednesday));
        let run = |a: i8, b: i8| Value::Date(DateValue::Days(date(2025, 10, a), date(2025, 10, b)));
        assert!(run(13, 16).compatible(&wednesday), "a run holding a Wednesday");
        assert!(!run(16, 18).compatible(&wednesday), "Thursday to Saturday");
        // A month or a year is not compared with a weekday at all.
        let month = Value::Date(DateValue::Month { year: 2025, month: 10 });
        assert!(!month.comparable(&wednesday) && !wednesday.comparable(&Value::Date(DateValue::Year(2025))));
        assert!(wednesday.same_type(&day(14)) && wednesday.is_date());
    }

    /// Each sentence of `text` as the evidence reads it, with the people of a one-page corpus.
    fn read_with_people(corpus_page: &str, text: &str) -> Vec<SentenceValues> {
        use crate::annotate::dates::DateAnchor;
        let (corpus, _) = crate::corpus::Corpus::from_texts([("page.md", corpus_page)]);
        let facts = crate::facts::FactBase::build(&corpus);
        let anchor = DateAnchor { published: None, fallback_year: Some(2025), written_by: None };
        let analysis = crate::facts::extract::analyse(text, 0..text.len(), anchor, &facts.people, &facts.acronyms, false);
        sentence_values(text, &analysis)
    }

    /// The lemmas of each sentence of `text`, read with the people of a one-page corpus.
    fn lemmas_with_people(corpus_page: &str, text: &str) -> Vec<Vec<String>> {
        read_with_people(corpus_page, text).into_iter().map(|s| s.lemmas).collect()
    }

    #[test]
    fn a_sentence_opening_on_a_pronoun_has_the_names_before_it_as_lemmas() {
        let page = "---\noutlet: Tarrow Herald\n---\nFarmers' Party leader Rosa Ostrander and League leader Ivo Brandt met.\n";
        let name = |word: &str| lemma(word).unwrap();
        let told = lemmas_with_people(page, "Rosa Ostrander conceded on Sunday. She spoke to supporters in Kettleby.");
        assert!(told[1].contains(&name("ostrander")), "{told:?}");
        // Every person of the sentence before, once: "his" may be either's.
        let both = lemmas_with_people(page, "Ivo Brandt said Rosa Ostrander had lost. His aides left early.");
        assert!(both[1].contains(&name("ostrander")) && both[1].contains(&name("brandt")), "{both:?}");
        // Two sentences back at most, and only for a pronoun that opens the sentence.
        let far = lemmas_with_people(page, "Rosa Ostrander conceded. The hall was cold. The rain fell. She left.");
        assert!(!far[3].contains(&name("ostrander")), "{far:?}");
        let inside = lemmas_with_people(page, "Rosa Ostrander conceded. Later she spoke to supporters.");
        assert!(!inside[1].contains(&name("ostrander")), "{inside:?}");
    }

    #[test]
    fn a_fiscal_year_is_told_by_the_words_beside_it() {
        let year = |text: &str| {
            let at = text.find("2027").expect("a year");
            fiscal_year(text, at..at + 4)
        };
        for text in ["close in fiscal 2027.", "in its 2027 fiscal year.", "In FY 2027, sales rose."] {
            assert!(year(text), "{text}");
        }
        for text in ["close in 2027.", "Shopify 2027 plans", "the 2027 budget year"] {
            assert!(!year(text), "{text}");
        }
    }

    /// The units of the figures a sentence gives, in order.
    fn figure_units(text: &str) -> Vec<Option<String>> {
        read_with_people("---\noutlet: Wire\n---\nNothing.\n", text)
            .into_iter()
            .flat_map(|s| s.slots)
            .filter(|slot| matches!(slot.value, Value::Figure { .. }))
            .map(|slot| slot.value.unit().map(str::to_string))
            .collect()
    }

    #[test]
    fn a_gap_beside_a_figure_is_a_unit_of_its_own() {
        let units = figure_units;
        let some = |unit: &str| vec![Some(unit.to_string())];
        assert_eq!(units("The clerks finished about 16 hours later."), some(&format!("{} later", lemma("hours").unwrap())));
        assert_eq!(units("The offer was 52% higher than the close."), some("percent higher"));
        assert_eq!(units("He won 310 votes, eight short of a majority."), vec![Some(lemma("votes").unwrap()), Some("short".into())]);
        // Not a gap from the day of writing, nor a change still growing.
        assert!(units("The fire started three days ago.").is_empty());
        assert!(units("Officials counted 13 more victims.").is_empty());
    }

    #[test]
    fn times_of_day_are_words_of_the_frame() {
        let clocks = |text: &str| -> Vec<(String, String)> {
            clock_times(text, 0..text.len()).into_iter().map(|(r, word)| (text[r].to_string(), word)).collect()
        };
        let word = |text: &str| clocks(text).into_iter().map(|(_, w)| w).collect::<Vec<_>>();
        // One time, however written, is one word.
        assert_eq!(word("at 10 a.m. on Monday"), word("at 10:00 am on Monday"));
        assert_eq!(word("at 10:47 p.m."), word("at 22:47 local time"));
        assert_eq!(word("at 2:15pm"), word("at 14:15"));
        assert_eq!(word("at 1917 GMT"), word("at 19:17"));
        assert_ne!(word("at 10 a.m."), word("at 10 p.m."));
        // Each is a lemma as any word is.
        assert!(lemma(&word("at 10 a.m.")[0]).is_some());
        // The whole time is covered; numbers that are no time are left alone.
        assert_eq!(clocks("struck at 11:47 p.m. local time")[0].0, "11:47 p.m.");
        for none in ["won 3:1 on aggregate", "in 2:05:30", "10 amendments passed", "at 13 p.m.", "in 1917 the war", "5 people"] {
            assert!(clocks(none).is_empty(), "{none}: {:?}", clocks(none));
        }
    }

    #[test]
    fn a_unit_is_one_however_it_is_written() {
        let unit_of = figure_units;
        // Abbreviated, American or British, singular or plural: one unit.
        let kilometres = unit_of("The ridge lies 18 kilometres away.");
        assert!(kilometres[0].is_some());
        for same in ["The ridge lies 18 km away.", "The ridge lies 18 kilometers away.", "The ridge lies 18 kms away."] {
            assert_eq!(unit_of(same), kilometres, "{same}");
        }
        assert_eq!(unit_of("The wall stood 40 ft high."), unit_of("The wall stood 40 feet high."));
        assert_eq!(unit_of("The drill weighs 12 kg in all."), unit_of("The drill weighs 12 kilograms in all."));
        assert_eq!(unit_of("The search lasted 9 hrs in all."), unit_of("The search lasted 9 hours in all."));
        // A speed's time is part of its unit, with a slash or with "per".
        let per_hour = unit_of("It flew at 900 kilometres per hour.");
        assert_eq!(per_hour[0].as_deref(), Some(format!("{} per hour", lemma("kilometres").unwrap()).as_str()));
        assert_eq!(unit_of("It flew at 900 km/h."), per_hour);
        assert_ne!(unit_of("It flew at 900 km/s."), per_hour);
        assert_ne!(unit_of("It flew 900 km."), per_hour);
    }

    #[test]
    fn lemmas_of_one_family_share_six_letters() {
        assert_eq!(family_prefix("headquart"), family_prefix("headquarter"));
        assert!(family_prefix("headquart").is_some());
        assert_ne!(family_prefix("count"), family_prefix("countri"));
        assert_eq!(family_prefix("count"), None);
    }

    /// BM25 as a plain scan of every sentence indexed, with or without values: the best
    /// `limit` sentences' numbers and scores, best first.
    fn ranked_by_scan(all: &[Vec<u32>], terms: &[u32], limit: usize) -> Vec<(u32, f32)> {
        let (k1, b) = (1.2f32, 0.75f32);
        let n = all.len();
        let df = |term: u32| all.iter().filter(|s| s.contains(&term)).count();
        let average = (all.iter().map(Vec::len).sum::<usize>() as f32 / n as f32).max(1.0);
        let mut distinct: Vec<u32> = terms.to_vec();
        distinct.sort_unstable();
        distinct.dedup();
        distinct.retain(|&t| df(t) > 0);
        distinct.sort_by_key(|&t| (df(t), t));
        let mut scores: Vec<f32> = vec![0.0; n];
        let mut read = 0;
        for (rank, term) in distinct.into_iter().enumerate() {
            let count = df(term);
            if rank >= 3 && read + count > MAX_POSTINGS_READ {
                break;
            }
            read += count;
            if count * 5 > n.max(50) && (rank >= 3 || count > MAX_COMMON_POSTINGS) {
                continue;
            }
            let idf = ((n as f32 - count as f32 + 0.5) / (count as f32 + 0.5) + 1.0).ln();
            for (number, sentence) in all.iter().enumerate() {
                let tf = sentence.iter().filter(|&&t| t == term).count() as f32;
                if tf > 0.0 {
                    let length = sentence.len() as f32 / average;
                    scores[number] += idf * tf * (k1 + 1.0) / (tf + k1 * (1.0 - b + b * length));
                }
            }
        }
        let mut ranked: Vec<(u32, f32)> =
            scores.into_iter().enumerate().filter(|&(_, score)| score > 0.0).map(|(number, score)| (number as u32, score)).collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(limit);
        ranked
    }

    /// Retrieval over the posting lists ranks every sentence (a sentence without values
    /// takes a place among the best as it did when every sentence was kept) and returns
    /// the sentences with values among the best, in order, with the scores of a plain scan.
    #[test]
    fn retrieval_ranks_every_sentence_and_returns_those_with_values() {
        use crate::annotate::dates::DateAnchor;
        let world = crate::synth::World::new(11);
        let (corpus, _) = crate::corpus::Corpus::from_texts((0..120).map(|k| world.article(k)));
        let facts = crate::facts::FactBase::build(&corpus);
        let index = &facts.evidence;
        // Every sentence indexed, numbered as the index numbers them: its terms, and whether it gives values.
        let (mut all, mut valued): (Vec<Vec<u32>>, Vec<bool>) = (Vec::new(), Vec::new());
        for document in &corpus.documents {
            let anchor = DateAnchor { published: document.published, fallback_year: None, written_by: None };
            let body = crate::facts::learned_body(document).0;
            let analysis = crate::facts::extract::analyse(&document.text, body, anchor, &facts.people, &facts.acronyms, false);
            let mut values = sentence_values(&document.text, &analysis);
            carry_days(&document.text, &analysis, &mut values);
            for sentence in values.into_iter().filter(|s| !s.lemmas.is_empty()) {
                all.push(sentence.lemmas.iter().take(MAX_TERMS).map(|l| index.term(l).expect("every lemma is a term")).collect());
                valued.push(!sentence.slots.is_empty() || !sentence.reports.is_empty());
            }
        }
        assert_eq!(all.len(), index.len());
        assert!(index.sentences.len() < all.len() / 2, "most sentences give no value, and are not kept");
        let (mut compared, mut passed_over) = (0, 0);
        for (k, query) in all.iter().enumerate().step_by(37) {
            // The sentence's own terms, and with another's added.
            let mut wider = query.clone();
            wider.extend(&all[(k * 7 + 3) % all.len()]);
            for (terms, limit) in [(query, MAX_CANDIDATES), (&wider, MAX_CANDIDATES), (query, 5)] {
                let scanned = ranked_by_scan(&all, terms, limit);
                passed_over += scanned.iter().filter(|(number, _)| !valued[*number as usize]).count();
                let expected: Vec<(u32, f32)> = scanned.into_iter().filter(|(number, _)| valued[*number as usize]).collect();
                let found: Vec<(u32, f32)> = index
                    .retrieve(terms, limit)
                    .into_iter()
                    .map(|(id, score)| {
                        let sentence = index.sentence(id);
                        assert_eq!(&sentence.terms[..], &all[index.numbers[id as usize] as usize][..]);
                        (index.numbers[id as usize], score)
                    })
                    .collect();
                assert_eq!(found, expected, "terms {terms:?}, limit {limit}");
                compared += 1;
            }
        }
        assert!(compared > 100 && passed_over > 100, "{compared} queries, {passed_over} sentences without values among the best");
    }

    #[test]
    fn people_are_counted_as_people_whatever_they_are_called() {
        assert!(counts_people("canadian"));
        assert!(counts_people("Americans"));
        assert!(counts_people("residents"));
        assert!(!counts_people("canada"));
        assert!(!counts_people("seat"));
    }

    #[test]
    fn lemmas_meet_across_inflections() {
        assert_eq!(lemma("deliberations"), lemma("deliberated"));
        assert_eq!(lemma("Seats"), lemma("seat"));
        assert_eq!(lemma("said"), None);
        assert_eq!(lemma("the"), None);
        assert_eq!(lemma("2025"), None);
    }

    #[test]
    fn a_price_in_cents_is_exact_and_a_share_moves_by_a_point() {
        let figure = |value: f64, unit: &str| Value::Figure { value, unit: Some(unit.into()), precision: Precision::Exact, ordinal: false };
        assert!(!figure(66.5, "usd").compatible(&figure(65.6, "usd")));
        assert!(!figure(65.6, "eur").compatible(&figure(66.5, "eur")));
        assert!(figure(65.6, "usd").compatible(&figure(65.6, "usd")));
        assert!(figure(38.3, "percent").compatible(&figure(38.4, "percent")));
        // Millions are rounded as any large figure is.
        assert!(figure(2_050_000.0, "usd").compatible(&figure(2_048_500.0, "usd")));
    }

    #[test]
    fn figures_within_their_qualifiers() {
        use Precision::*;
        assert!(figures_compatible(70.0, About, 67.0, Exact));
        assert!(!figures_compatible(70.0, Exact, 67.0, Exact));
        assert!(figures_compatible(60.0, AtLeast, 67.0, Exact));
        assert!(!figures_compatible(70.0, AtLeast, 67.0, Exact));
        assert!(figures_compatible(2_500_000.0, Exact, 2_480_000.0, Exact));
        assert!(!figures_compatible(15.0, Exact, 10.0, Exact));
        assert!(figures_compatible(20.0, AtMost, 15.0, Exact));
        // Two bounds the same way: one count when near, two when a quarter apart.
        assert!(figures_compatible(17_400_000.0, AtLeast, 17_100_000.0, AtLeast));
        assert!(figures_compatible(75.0, AtLeast, 70.0, AtLeast));
        assert!(!figures_compatible(90.0, AtLeast, 70.0, AtLeast));
        assert!(!figures_compatible(10.0, AtMost, 15.0, AtMost));
        // An approximation reaches as far as its roundness: a tenth for "about 2,600", a
        // thirtieth for "some 3,847".
        assert!(figures_compatible(2_600.0, About, 2_538.0, Exact));
        assert!(figures_compatible(3_847.0, About, 3_910.0, Exact));
        assert!(!figures_compatible(3_847.0, About, 4_260.0, Exact));
        assert!(figures_compatible(2.5, About, 2.7, Exact));
    }

    /// Posting lists come back as written: repeats, the first number 0, differences at
    /// every LEB128 length up to the largest number.
    #[test]
    fn posting_lists_decode_as_written() {
        let numbers = [0u32, 0, 1, 127, 127, 128, 255, 16_383, 16_384, 16_384, 2_097_151, 2_097_152, 268_435_456, u32::MAX];
        let mut bytes = vec![0u8; 5 * numbers.len()];
        let (mut at, mut last) = (0, 0);
        for &number in &numbers {
            let written = write_leb128(&mut bytes[at..], number - last);
            assert_eq!(written, leb128_len(number - last));
            at += written;
            last = number;
        }
        assert_eq!(Postings { bytes: &bytes[..at], number: 0 }.collect::<Vec<u32>>(), numbers);
    }

    /// Whether the date `date` in `text` (one sentence) dates what the sentence tells.
    fn dates_the_event(text: &str, date: &str) -> bool {
        let at = text.find(date).expect("date in text");
        let words = crate::annotate::names::words(text, 0..text.len());
        let position = words.partition_point(|w| w.range.start < at);
        date_role(text, &words, position, &(at..at + date.len()), 0) == DateRole::Told
    }

    #[test]
    fn a_date_before_a_verb_of_saying_dates_the_report_unless_a_clause_closes_between() {
        assert!(!dates_the_event("The ministry on Sunday said 12 had died.", "Sunday"));
        assert!(!dates_the_event("The count stood at 40, officials said Tuesday.", "Tuesday"));
        assert!(dates_the_event("Mira Solberg, who had led the party since March 2011, said she would step down.", "March 2011"));
        // A dateline's date, a comma and the credit before the dash.
        assert!(!dates_the_event("Harlow, May 06, (Wire) — The mayor said the port would reopen.", "May 06"));
        // A syndicator's credit before the place, with its marks.
        assert!(!dates_the_event("NEWSHUB - Tarn Wire) HARLOW, May 06 (TW) – The mayor said the port would reopen.", "May 06"));
        assert!(dates_the_event("Harlow reopened its port on May 06, (the mayor said) after a week.", "May 06"));
    }

    /// Whether the name `name` in `text` is read as a place, after the name `last` was.
    fn read_as_place(text: &str, name: &str, last: Option<&str>) -> bool {
        let at = text.find(name).expect("name in text");
        let last = last.map(|l| text.find(l).expect("last in text") + l.len());
        after_locative(text, &(at..at + name.len()), last)
    }

    #[test]
    fn places_where_a_place_stands() {
        assert!(read_as_place("He was held in Ashcombe.", "Ashcombe", None));
        assert!(read_as_place("Quill was born in the Tessmark.", "Tessmark", None));
        assert!(!read_as_place("Divers searched the Tessel River.", "Tessel River", None));
        assert!(read_as_place("Bodies were pulled from the Tessel River.", "Tessel River", None));
        assert!(read_as_place("It took off out of Fort Ravell.", "Fort Ravell", None));
        assert!(read_as_place("Agents searched homes in Port Ellery and Brackwell.", "Brackwell", Some("Port Ellery")));
        assert!(!read_as_place("Fans in Dunmore, Vermont, gathered.", "Vermont", Some("Dunmore")));
        // A building's name after "the" stays words of the frame; "the Port of Halvik" is
        // a thing's name; a person after a place and a comma is no place.
        assert!(!read_as_place("He is held at the Harlow Detention Center.", "Harlow Detention Center", None));
        assert!(!read_as_place("Ships waited at the Port of Halvik.", "Port", None));
        assert!(!read_as_place("The ferry went down in the Gulf.", "Gulf", None));
        assert!(!read_as_place("It sank in the Gulf of Fennick.", "Gulf", None));
        assert!(!read_as_place("In Dunmore, Tillman said nothing.", "Tillman", Some("Dunmore")));
        assert!(read_as_place("The mayor of Halvik spoke.", "Halvik", None));
        assert!(read_as_place("He served as bishop of Fennick.", "Fennick", None));
        assert!(!read_as_place("The president of Halvik Steel spoke.", "Halvik Steel", None));
        // Where someone went: after "to" with a word of travel, or a visit's object.
        assert!(read_as_place("He was about to board a flight to Norway.", "Norway", None));
        assert!(read_as_place("The chancellor travelled to Korsk on Wednesday.", "Korsk", None));
        assert!(read_as_place("He then went on to Velmar.", "Velmar", None));
        assert!(read_as_place("The relief chief visited Tarrow.", "Tarrow", None));
        assert!(!read_as_place("The prosecutor spoke to Norrpost.", "Norrpost", None));
        assert!(!read_as_place("The Rovers lost to Dunmore.", "Dunmore", None));
        assert!(!read_as_place("He was sent to. Korsk was quiet.", "Korsk", None));
    }

    #[test]
    fn ages_in_a_clause() {
        assert!(age_clause_before("Cardinal Ossola, who is"));
        assert!(age_clause_before("Ossola, who at "));
        assert!(age_clause_before("the rookie, who turned"));
        assert!(!age_clause_before("those who saw"));
        assert!(!age_clause_before("the fee is"));
        assert!(!age_clause_before("is"));
    }

    #[test]
    fn numbers_read_as_news_style() {
        assert_eq!(format_number(23000.0), "23,000");
        assert_eq!(format_number(2_500_000.0), "2.5 million");
        assert_eq!(format_number(32e9), "32 billion");
        assert_eq!(format_number(38.4), "38.4");
    }
}
