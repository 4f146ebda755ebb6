//! Proper names and titles: capitalised sequences, the titles written before or after
//! them ("French President Ambroise Delorme", "Valk, Estonia's foreign minister"),
//! and the places written after "in", "at", "to" and "from".
//!
//! This module knows English, not the corpus: which capitalised sequences are people
//! is decided with cues (a title, an appositive, a Korean-style given name, a reporting
//! verb). The fact base then spreads what it learned to every other mention.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use crate::annotate::dates::CALENDAR_WORDS;
use regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet as HashSet};

/// A word of the text: letters or digits, with inner hyphens, apostrophes and dots.
static WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*\.?")
        .expect("word pattern")
});

/// Title words that head a title phrase ("minister" in "Chilean Foreign Minister").
const TITLE_HEADS: &[&str] = &[
    "president",
    "minister",
    "treasurer",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "advisor",
    "adviser",
    "leader",
    "ambassador",
    "secretary",
    "chairman",
    "chairwoman",
    "chair",
    "premier",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "general",
    "envoy",
    "director",
    "chief",
    "governor",
    "mayor",
    "senator",
    "lawmaker",
    "professor",
    "editor",
    "commander",
    "diplomat",
    "official",
    "analyst",
    "researcher",
    "correspondent",
    "ceo",
    "head",
    "emperor",
    "pope",
    "judge",
    "justice",
    "prosecutor",
    "attorney",
    "representative",
    "speaker",
    "ruler",
    "dictator",
    "negotiator",
    "coach",
    "captain",
    "founder",
    "economist",
    "scholar",
    "vice-president",
    "vice-chairman",
    "attorney-general",
    "solicitor-general",
    "secretary-general",
    "governor-general",
    "director-general",
    "inspector-general",
    "rapporteur",
    // (And every word of [`RELATIONAL_HEADS`]: "sister", "counterpart", "rival".)
    "aide",
    "lawyer",
    "counsel",
    "barrister",
    "solicitor",
    "juror",
    "witness",
    "defendant",
    "plaintiff",
    "quarterback",
    "receiver",
    "linebacker",
    "cornerback",
    "lineman",
    "kicker",
    "punter",
    "coordinator",
    "manager",
    "owner",
    "executive",
    "officer",
    "co-founder",
    "cofounder",
    "astronaut",
    "cosmonaut",
    "taikonaut",
    "administrator",
    "pilot",
    "stylist",
    "candidate",
    "nominee",
    "mp",
    "congressman",
    "congresswoman",
    "councillor",
    "councilor",
    "commissioner",
    "sheriff",
    "agent",
    "investigator",
    "controller",
    "sergeant",
    "lieutenant",
    "colonel",
    "member",
    "engineer",
    "cfo",
    "coo",
    "cto",
    "strategist",
    "pollster",
    "col",
    "sgt",
    "lt",
    "capt",
    "cmdr",
    "mr",
    "ms",
    "mrs",
    "dr",
    "sen",
    "rep",
    "gov",
    "gen",
    "prof",
    "amb",
    // Clergy, in any faith.
    "cardinal",
    "archbishop",
    "bishop",
    "priest",
    "reverend",
    "rev",
    "pastor",
    "rabbi",
    "imam",
    "cleric",
    "monk",
    "nun",
    "deacon",
    "protodeacon",
    "camerlengo",
    "prefect",
    "patriarch",
    "chaplain",
    "pontiff",
    "sheikh",
    "ayatollah",
    // Police, fire, rescue and the armed forces.
    "detective",
    "inspector",
    "constable",
    "superintendent",
    "trooper",
    "admiral",
    "marshal",
    "corporal",
    "firefighter",
    "paramedic",
    "soldier",
    "rescuer",
    // Medicine and science.
    "doctor",
    "surgeon",
    "physician",
    "nurse",
    "scientist",
    "physicist",
    "astronomer",
    "geologist",
    "seismologist",
    "epidemiologist",
    "meteorologist",
    // Players and officials of a game.
    "midfielder",
    "defender",
    "goalkeeper",
    "striker",
    "winger",
    "pitcher",
    "shortstop",
    "batsman",
    "bowler",
    "jockey",
    "referee",
    "umpire",
    "teammate",
    "skater",
    "swimmer",
    "sprinter",
    "cyclist",
    "golfer",
    "boxer",
    // Baseball, hockey and cricket positions ("closer Ivo Marr", "centre-fielder Ned
    // Voss", "goaltender Ari Kask", "wicketkeeper Dev Rao").
    "catcher",
    "reliever",
    "closer",
    "starter",
    "outfielder",
    "infielder",
    "fielder",
    "centre-fielder",
    "center-fielder",
    "left-fielder",
    "right-fielder",
    "baseman",
    "hitter",
    "slugger",
    "goaltender",
    "goalie",
    "netminder",
    "defenseman",
    "defenceman",
    "batter",
    "wicketkeeper",
    "wicket-keeper",
    "all-rounder",
    // Heads that are also given names ("Dean Phillips"): titles only where written in
    // lower case ("the dean of the law school"), see [`GIVEN_NAME_HEADS`].
    "dean",
];

/// Title heads that, capitalised before a name, are more often its given name.
const GIVEN_NAME_HEADS: &[&str] = &["dean"];

/// Words that can stand inside a title phrase before its head.
const TITLE_MODIFIERS: &[&str] = &[
    "foreign",
    "defense",
    "defence",
    "prime",
    "vice",
    "deputy",
    "first",
    "senior",
    "top",
    "former",
    "acting",
    "policy",
    "security",
    "national",
    "interior",
    "finance",
    "trade",
    "unification",
    "economic",
    "state",
    "press",
    "supreme",
    "assistant",
    "associate",
    "special",
    "presidential",
    "executive",
    "general",
    "chief",
    "military",
    "party",
    "opposition",
    "ruling",
    "current",
    "incoming",
    "outgoing",
    "affairs",
    "public",
    "health",
    "justice",
    "culture",
    "education",
    "energy",
    "labor",
    "agriculture",
    "industry",
    "transport",
    "science",
    "environment",
    "treasury",
    "home",
    "commerce",
    "intelligence",
    "tight",
    "running",
    "wide",
    "offensive",
    "defensive",
    "interim",
    "district",
    "crew",
    "managing",
    "operating",
    "financial",
    "technology",
    "teams",
];

/// Position words that head a title only after a position modifier ("tight end",
/// "running back", "defensive tackle"): alone they are ordinary words.
const POSITION_HEADS: &[&str] = &["end", "back", "tackle", "guard", "safety", "center", "centre", "forward"];

/// Words before a [`POSITION_HEADS`] word that make it a title.
const POSITION_MODIFIERS: &[&str] =
    &["tight", "running", "defensive", "offensive", "free", "strong", "left", "right", "nose", "point", "shooting", "power", "small"];

/// Whether `words[at]` is a team position: a [`POSITION_HEADS`] word after its modifier
/// ("tight end", "point guard"), or in lower case after a capitalised word, the team's
/// name ("Rovers center", "Harriers forward").
fn position_at(words: &[Word], at: usize) -> bool {
    let word = &words[at];
    POSITION_HEADS.contains(&word.norm.as_ref())
        && at.checked_sub(1).is_some_and(|before| {
            POSITION_MODIFIERS.contains(&words[before].norm.as_ref())
                || !word.is_capitalised()
                    && words[before].is_capitalised()
                    && !matches!(word.norm.as_ref(), "end" | "back")
                    // (Not a verb's adverb: "Going forward Halvard will...".)
                    && !words[before].norm.ends_with("ing")
        })
}

/// Party affiliations written before a name ("Conservative Marta Quill"): general
/// knowledge, like the nationalities; they qualify the person and are no part of the name.
const AFFILIATIONS: &[&str] = &[
    "liberal",
    "conservative",
    "democrat",
    "democratic",
    "republican",
    "labour",
    "labor",
    "tory",
    "socialist",
    "progressive",
    "libertarian",
    "independent",
];

/// Whether a word (lower case) is a party affiliation ([`AFFILIATIONS`]): a party's name,
/// though the corpus writes it in lower case too ("a conservative").
pub fn is_affiliation(word: &str) -> bool {
    AFFILIATIONS.contains(&word)
}

/// Nouns for a person's own people and life: their possessor is a person ("Merriweather's
/// lawyer", "Brannock's birthday"), where a title after a possessive may be a company's.
const PERSONAL_NOUNS: &[&str] = &[
    "lawyer",
    "lawyers",
    "attorney",
    "attorneys",
    "wife",
    "husband",
    "mother",
    "father",
    "son",
    "daughter",
    "children",
    "girlfriend",
    "boyfriend",
    "ex-girlfriend",
    "brother",
    "sister",
    "family",
    "birthday",
    "parents",
];

/// Verbs of speech written right after a person's name ("Brannock said", "Harrow told").
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "argued",
    "testified",
    "wrote",
    "explained",
    "stated",
    "recalled",
    "insisted",
    "noted",
    "warned",
    "admitted",
    "acknowledged",
    "cautioned",
    "recounted",
    "conceded",
    "replied",
];

/// The last words of names of buildings and places, never of people ("Larkmoor Airport",
/// "Union Station", "Mount Sinai Hospital").
const FACILITY_NOUNS: &[&str] = &[
    "airport",
    "station",
    "hospital",
    "university",
    "college",
    "stadium",
    "arena",
    "church",
    "cathedral",
    "basilica",
    "school",
    "bridge",
    "river",
    "street",
    "avenue",
    "square",
    "park",
    "base",
    "centre",
    "center",
    "hall",
    "prison",
    "courthouse",
    "museum",
    "palace",
    "county",
    "airlines",
    "airways",
];

/// Relationship words: they precede a name but are not a title the person holds.
const RELATIONAL_HEADS: &[&str] = &[
    "counterpart",
    "sister",
    "wife",
    "husband",
    "son",
    "daughter",
    "interpreter",
    "brother",
    "mother",
    "father",
    "fiancee",
    "fiancée",
    "fiance",
    "fiancé",
    "partner",
    "rival",
    "opponent",
    "challenger",
];

/// Capitalised words that do not start a name (sentence openers, function words, calendar words).
const NOT_NAME_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "to",
    "of",
    "for",
    "from",
    "by",
    "with",
    "and",
    "or",
    "but",
    "as",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "its",
    "their",
    "our",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "however",
    "during",
    "after",
    "before",
    "since",
    "while",
    "when",
    "where",
    "what",
    "who",
    "which",
    "why",
    "how",
    "if",
    "although",
    "though",
    "because",
    "meanwhile",
    "also",
    "both",
    "all",
    "some",
    "many",
    "most",
    "such",
    "no",
    "not",
    "yet",
    "still",
    "then",
    "now",
    "earlier",
    "later",
    "last",
    "next",
    "according",
    "prior",
    "despite",
    "following",
    "amid",
    "among",
    "about",
    "around",
    "over",
    "under",
    "until",
    "unlike",
    "like",
    "via",
    "within",
    "without",
    "per",
    "may",
    "it's",
    "experts",
    "analysts",
    "officials",
    "footage",
    "photos",
    "report",
    "related",
    "more",
    "home",
    "print",
    "tags",
    "log",
    "standards",
    "updated",
    "published",
    "by",
    "with",
    "our",
    "your",
    "my",
    "mine",
    "each",
    "every",
    "other",
    "another",
    "one",
    "two",
    "three",
    "four",
    "five",
    "first",
    "second",
    "third",
    "photo",
    "caption",
    "editor's",
    "note",
    "read",
    "see",
    "watch",
    "share",
];

/// Leading capitalised words that are qualifiers of a title (nationality, institution), not a name.
pub fn is_title_head(word: &str) -> bool {
    is_normal_title_head(&normal_word_cow(word))
}

/// [`is_title_head`] for a word already in its normal form ([`Word::norm`]).
pub fn is_normal_title_head(norm: &str) -> bool {
    // ("Co-pilot", "co-chair", "co-host": the office shared.)
    TITLE_HEAD_SET.contains(norm) || norm.strip_prefix("co-").is_some_and(|head| TITLE_HEAD_SET.contains(head))
}

/// [`is_title_word`] for a word already in its normal form ([`Word::norm`]).
fn is_normal_title_word(norm: &str) -> bool {
    is_normal_title_head(norm) || TITLE_MODIFIER_SET.contains(norm)
}

/// The title head a lower-case plural names ("coaches Ilka Varro and Anton
/// Brel": the first named is a coach).
fn plural_head(norm: &str) -> Option<&'static str> {
    let singular = norm.strip_suffix("es").filter(|s| s.ends_with("ch") || s.ends_with("sh")).or_else(|| norm.strip_suffix('s'))?;
    TITLE_HEAD_SET.get(singular).copied().filter(|head| head.len() > 3 && !RELATIONAL_HEADS.contains(head))
}

/// Whether `words[at]` heads a title: a title head, or a position word after its
/// modifier ("tight end", "running back").
fn is_head_at(words: &[Word], at: usize) -> bool {
    let word = &words[at];
    is_normal_title_head(&word.norm) || !word.is_capitalised() && plural_head(&word.norm).is_some() || position_at(words, at)
}

/// The word lists as hash sets: looked up for every capitalised word of every sentence.
static TITLE_HEAD_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| TITLE_HEADS.iter().chain(RELATIONAL_HEADS).copied().collect());
static TITLE_MODIFIER_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| TITLE_MODIFIERS.iter().copied().collect());
static NOT_NAME_WORD_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| NOT_NAME_WORDS.iter().chain(CALENDAR_WORDS).copied().collect());

/// Whether a word (normalised) is one that is never part of a name: an article, a
/// pronoun, a preposition ([`NOT_NAME_WORDS`]).
pub fn is_not_name_word(norm: &str) -> bool {
    NOT_NAME_WORD_SET.contains(norm)
}

/// Lower case, without a trailing dot or possessive.
pub fn normal_word(word: &str) -> String {
    normal_word_cow(word).into_owned()
}

/// [`normal_word`] without allocating when the word is already lower-case ASCII.
pub fn normal_word_cow(word: &str) -> Cow<'_, str> {
    let word = word.trim_end_matches('.');
    let word = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word);
    lower_case(word)
}

/// `text.to_lowercase()`, borrowed when that changes nothing (ASCII without capitals).
pub fn lower_case(text: &str) -> Cow<'_, str> {
    // One pass: the first byte that is not lower-case ASCII decides.
    match text.bytes().position(|b| !b.is_ascii() || b.is_ascii_uppercase()) {
        None => Cow::Borrowed(text),
        Some(at) if text.as_bytes()[at..].is_ascii() => Cow::Owned(text.to_ascii_lowercase()),
        Some(_) => Cow::Owned(text.to_lowercase()),
    }
}

/// A word of a sentence with its byte range in the whole text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word<'t> {
    pub range: Range<usize>,
    /// The word as written.
    pub text: &'t str,
    /// The word's [`normal_word`] form, computed once: most rules compare it.
    pub norm: Cow<'t, str>,
}

impl Word<'_> {
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// The words of `text[range]`, with ranges into `text`.
pub fn words(text: &str, range: Range<usize>) -> Vec<Word<'_>> {
    let slice = &text[range.clone()];
    if slice.is_ascii() {
        words_of_spans(slice, range.start, ascii_word_spans(slice))
    } else {
        words_of_spans(slice, range.start, WORD.find_iter(slice).map(|m| m.range()))
    }
}

/// The [`Word`]s of `slice` (which starts at `offset` of its text) at the given spans.
fn words_of_spans(slice: &str, offset: usize, spans: impl Iterator<Item = Range<usize>>) -> Vec<Word<'_>> {
    // Collected from an iterator that knows no length: sized up front (a word and the
    // space after it take six bytes on average) so that the vector seldom grows.
    let mut found = Vec::with_capacity(slice.len() / 6 + 4);
    found.extend(spans.map(|span| {
        let found = &slice[span.clone()];
        let mut end = span.end;
        // A trailing dot belongs to the word only for abbreviations ("U.S.", "Oct.", "Dr.").
        if let Some(inner) = found.strip_suffix('.') {
            let keep = inner.contains('.')
                || crate::annotate::sentences::is_abbreviation(inner)
                || inner.chars().count() == 1 && inner.chars().all(char::is_uppercase);
            if !keep {
                end -= 1;
            }
        }
        let word = &slice[span.start..end];
        Word { range: offset + span.start..offset + end, text: word, norm: normal_word_cow(word) }
    }));
    found
}

/// The matches of [`WORD`] in an ASCII text, found without the regex engine. In ASCII,
/// `\p{L}` and `\p{N}` are letters and digits and `\d` digits, so the pattern reads:
/// a thousands-grouped number ("12,000", "1,500.5") where one starts, else letters and
/// digits with inner "-", "'" or "." joins, and a trailing dot. Both branches are greedy
/// and end in optional parts, so the first alternative that matches is the match.
fn ascii_word_spans(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let is_word = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_alphanumeric);
    let is_digit = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_digit);
    let digits_from = move |mut at: usize| {
        while is_digit(at) {
            at += 1;
        }
        at
    };
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() && !is_word(at) {
            at += 1;
        }
        let start = at;
        if start >= bytes.len() {
            return None;
        }
        // \d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?: lakhs ("3,70,000").
        let lead = digits_from(start);
        let mut end = lead;
        if (1..=2).contains(&(lead - start)) {
            let mut pairs = lead;
            while bytes.get(pairs) == Some(&b',') && (pairs + 1..pairs + 3).all(is_digit) && bytes.get(pairs + 3) == Some(&b',') {
                pairs += 3;
            }
            if pairs > lead && (pairs + 1..pairs + 4).all(is_digit) {
                end = pairs + 4;
            }
        }
        // \d{1,3}(?:,\d{3})+(?:\.\d+)?
        if end == lead && (1..=3).contains(&(lead - start)) {
            while bytes.get(end) == Some(&b',') && (end + 1..end + 4).all(is_digit) {
                end += 4;
            }
        }
        if end > lead {
            if bytes.get(end) == Some(&b'.') && is_digit(end + 1) {
                end = digits_from(end + 1);
            }
        } else {
            // [\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*\.?
            end = start;
            while is_word(end) {
                end += 1;
            }
            while matches!(bytes.get(end), Some(b'-' | b'\'' | b'.')) && is_word(end + 1) {
                end += 1;
                while is_word(end) {
                    end += 1;
                }
            }
            if bytes.get(end) == Some(&b'.') {
                end += 1;
            }
        }
        at = end;
        Some(start..end)
    })
}

/// A title written with a name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TitleMention {
    /// Byte range of the whole title phrase.
    pub range: Range<usize>,
    /// The phrase as written.
    pub text: String,
    /// Nationality or institution ("chile", "senate", "south korea"), normalised.
    pub qualifier: Option<String>,
    /// The title itself, normalised ("foreign minister", "spokesperson").
    pub core: String,
    /// "former", "late", "then": not a title held now.
    pub former: bool,
    /// "counterpart", "sister": a relation, not a title.
    pub relational: bool,
    /// Given by a verb of change ("was elected chancellor", "took over as coach"): held
    /// from then on, whoever held it before.
    pub conferred: bool,
}

/// A capitalised sequence that may be a person's name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameMention {
    /// Byte range of the name (without title or possessive).
    pub range: Range<usize>,
    /// The name as written.
    pub text: String,
    /// The title written before it or in an appositive after it.
    pub title: Option<TitleMention>,
    /// A second title joined to the first by "and" before it ("Deputy Prime Minister and
    /// Defence Minister, Colm Haverty"): the person holds both.
    pub joined_title: Option<TitleMention>,
    /// Whether something marks it as a person (a title, a Korean-style given name, an honorific).
    pub person_cue: bool,
    /// Whether the name is the object of "in", "at", "to", "from" (a place, most likely).
    pub after_place_preposition: bool,
    /// Whether the name sits at the very start of its sentence.
    pub sentence_initial: bool,
    /// Whether an age stands right after it ("Dana Field, 44,"): a person's name, though
    /// one of its words is an everyday one.
    pub aged: bool,
}

/// Finds the names and titles in one sentence (`sentence` is a byte range of `text`).
pub fn find_names(text: &str, sentence: Range<usize>) -> Vec<NameMention> {
    find_names_in(text, &words(text, sentence))
}

/// [`find_names`] for a sentence already split into its [`words`].
pub fn find_names_in(text: &str, words: &[Word]) -> Vec<NameMention> {
    let mut mentions = Vec::new();
    let mut index = 0;
    while index < words.len() {
        if !starts_name_run(words, index) {
            index += 1;
            continue;
        }
        // A maximal run of capitalised words joined by single spaces or hyphens.
        let mut end = index + 1;
        loop {
            if end < words.len()
                && words[end].is_capitalised()
                && joined_by_space(text, &words[end - 1], &words[end])
                && !ends_with_possessive(words[end - 1].text)
            {
                end += 1;
            } else if quoted_nickname_at(text, words, end) {
                // Teodor "Teddy" Brannock: a quoted nickname inside a name.
                end += 2;
            } else if let Some(particles) = particles_at(text, words, end) {
                // "Henri de Valmont", "Ilse von der Brandt": lower-case particles inside a name.
                end += particles + 1;
            } else {
                break;
            }
        }
        let run = &words[index..end];
        // The name is what follows the last title head in the run.
        let head_at = run.iter().rposition(|w| is_normal_title_head(&w.norm) && !GIVEN_NAME_HEADS.contains(&w.norm.as_ref()));
        // A run right before a lower-case title word qualifies that title ("Velmora
        // spokesman"), unless it is a title and a name itself ("made Harbour Minister Ida
        // Brask deputy speaker": the title after is conferred on her).
        let possessor_of_personal =
            ends_with_possessive(words[end - 1].text) && words.get(end).is_some_and(|w| PERSONAL_NOUNS.contains(&w.norm.as_ref()));
        let titled_name = head_at.is_some_and(|h| run.len() >= h + 3 && !ends_with_possessive(words[end - 1].text));
        if qualifies_title_after(text, words, end) && !possessor_of_personal && !titled_name {
            index = end;
            continue;
        }
        let name_start = head_at.map_or(0, |h| h + 1);
        let mut name_words: Vec<&Word> = run[name_start..].iter().collect();
        // Leading qualifiers the run starts with ("Velmora", "Chilean") stay out of the name
        // only when a title head follows them; otherwise they are the name.
        while name_words.len() > 1 && NOT_NAME_WORD_SET.contains(name_words[0].norm.as_ref()) {
            name_words.remove(0);
        }
        // ("the UN's representative for Myanmar Titon Mitra": a country's name before two
        // more words is the title's, not the person's.)
        // (Nor is a nationality told by a noun: "Frenchman Dominique Arlot".)
        let nationality = |word: &str| {
            ["man", "woman", "men", "women"]
                .iter()
                .any(|suffix| word.strip_suffix(suffix).is_some_and(|people| people.len() >= 4 && is_country_word(&people.to_lowercase())))
        };
        while name_words.len() > 2 && (is_country_name(name_words[0].text) || nationality(name_words[0].text)) {
            name_words.remove(0);
        }
        let mut affiliated = false;
        while name_words.len() > 2 && AFFILIATIONS.contains(&name_words[0].norm.as_ref()) {
            name_words.remove(0);
            affiliated = true;
        }
        // "Director of Airports Pell Marrin": after "TITLE of", a long run ends in the name.
        let mut title_of = None;
        if head_at.is_none()
            && name_words.len() >= 3
            && index >= 2
            && words[index - 1].norm == "of"
            && is_head_at(words, index - 2)
            && !name_words.iter().any(|w| ends_with_possessive(w.text))
        {
            let keep = name_words.len() - 2;
            let mut first = index - 2;
            while first > 0
                && words[first - 1].is_capitalised()
                && !NOT_NAME_WORD_SET.contains(words[first - 1].norm.as_ref())
                && joined_by_space(text, &words[first - 1], &words[first])
            {
                first -= 1;
            }
            let last = index + keep - 1;
            title_of = build_title(text, &words[first..=last]);
            name_words.drain(..keep);
        }
        let trailing_possessive = name_words.last().is_some_and(|w| ends_with_possessive(w.text));
        if name_words.is_empty() || name_words.iter().all(|w| NOT_NAME_WORD_SET.contains(w.norm.as_ref()) || is_normal_title_word(&w.norm))
        {
            index = end;
            continue;
        }
        let first = name_words[0];
        let last = name_words[name_words.len() - 1];
        let mut name_end = last.range.end;
        if trailing_possessive {
            name_end -= if text[..name_end].ends_with("’s") { "’s".len() } else { 2 };
        }
        let name_range = first.range.start..name_end;
        let title =
            title_of.or_else(|| title_before(text, words, index, name_start, head_at)).or_else(|| appositive_title(text, words, end));
        // "Dr. Ines Corwell, the ministry's spokeswoman": a courtesy before the name
        // says less than the office set off after it.
        let title = match title {
            Some(before) if matches!(before.core.as_str(), "dr" | "doctor" | "honorific") => {
                appositive_title(text, words, end).or(Some(before))
            }
            title => title,
        };
        let korean_shape = name_words.len() >= 2 && name_words.last().is_some_and(|w| is_korean_given_name(w.text));
        // A title told by a verb: "Brask was appointed harbour minister".
        let title = title.or_else(|| predicate_title(text, words, end));
        let honorific = title.is_some();
        // The words before the name itself, not before its run: "In Carrowick, ..." opens a
        // sentence with the preposition capitalised.
        let name_index = index + run.iter().position(|w| w.range.start == first.range.start).unwrap_or(0);
        let previous = name_index.checked_sub(1).map(|i| words[i].norm.as_ref());
        let before_previous = name_index.checked_sub(2).map(|i| words[i].norm.as_ref());
        let is_place_preposition = |word: Option<&str>| {
            matches!(word, Some("in" | "at" | "to" | "from" | "near" | "of" | "across" | "toward" | "towards" | "outside" | "inside"))
        };
        // "in Velmora", and "at the Citadel".
        // "in Fennick and Harlow": listed after a place.
        let listed = mentions.last().is_some_and(|last: &NameMention| {
            last.after_place_preposition && last.range.end <= first.range.start && listed_after(text, &last.range, &name_range)
        });
        let after_place_preposition = is_place_preposition(previous)
            || previous == Some("the") && is_place_preposition(before_previous) && before_previous != Some("of")
            || listed;
        let spoken = speech_cue(text, words, name_index, end);
        let aged = age_follows(&text[name_end..]);
        let nicknamed = name_words.windows(2).any(|pair| text[pair[0].range.end..pair[1].range.start].contains(['"', '“']));
        let possessor = trailing_possessive && words.get(end).is_some_and(|w| PERSONAL_NOUNS.contains(&w.norm.as_ref()));
        // "The CEO of Larkmoor Regional Airport applauded": a name that ends in a kind of
        // building or place is no person, whatever title stands before it.
        let facility = FACILITY_NOUNS.contains(&lower_case(last.text).as_ref());
        // "Dora Kettle (R-Wyo.)": a lawmaker's party and state. "The Liberals' Ned
        // Orsay": a party's candidate (a plural's possessive; "Labor's" is one word, a
        // possessor, above).
        let party_tagged = party_tag_follows(&text[name_end..])
            || name_index.checked_sub(1).is_some_and(|i| {
                let party = &words[i];
                let gap = &text[party.range.end..first.range.start];
                matches!(gap, "' " | "’ ") && party.is_capitalised() && is_affiliation(party.norm.trim_end_matches('s'))
            });
        let cued = !facility && (honorific || korean_shape || spoken || aged || nicknamed || possessor || affiliated || party_tagged);
        let title = if facility { None } else { title };
        let joined_title = title.as_ref().filter(|t| t.range.end <= name_range.start).and_then(|t| title_joined_before(text, words, t));
        mentions.push(NameMention {
            range: name_range.clone(),
            text: text[name_range].to_string(),
            title,
            joined_title,
            person_cue: cued,
            // "a letter from Perrin Sallow, a former nurse": a person, whatever the preposition.
            after_place_preposition: after_place_preposition && (korean_shape || !cued),
            sentence_initial: index == 0 || (index == 1 && matches!(words[0].norm.as_ref(), "•" | "-")),
            aged,
        });
        index = end;
    }
    cue_listed_people(text, &mut mentions);
    mentions
}

/// Names listed with a person ("founded by Oren Tavel, Lise Maro, Dov Kestel and
/// Ari Benzer", one of them cued) are people too: a list holds one kind of thing. Only
/// names of two or three words, none after a place preposition.
fn cue_listed_people(text: &str, mentions: &mut [NameMention]) {
    let separated = |a: &NameMention, b: &NameMention| {
        a.range.end <= b.range.start && matches!(text[a.range.end..b.range.start].trim(), "," | "and" | ", and" | "or" | ", or")
    };
    let person_like = |m: &NameMention| !m.after_place_preposition && (2..=3).contains(&m.text.split_whitespace().count());
    let mut start = 0;
    while start < mentions.len() {
        let mut end = start + 1;
        while end < mentions.len() && separated(&mentions[end - 1], &mentions[end]) {
            end += 1;
        }
        let list = &mentions[start..end];
        if list.len() >= 2 && list.iter().all(person_like) && list.iter().any(|m| m.person_cue) {
            for mention in &mut mentions[start..end] {
                mention.person_cue = true;
            }
        }
        start = end;
    }
}

/// Whether `words[at]` is a quoted nickname inside a name: `Rosalind "Roz" Merriweather`
/// (the run so far, a quotation mark, one capitalised word, the closing mark, more name).
fn quoted_nickname_at(text: &str, words: &[Word], at: usize) -> bool {
    let (Some(before), Some(nick), Some(after)) = (at.checked_sub(1).and_then(|i| words.get(i)), words.get(at), words.get(at + 1)) else {
        return false;
    };
    let open = &text[before.range.end..nick.range.start];
    let close = &text[nick.range.end..after.range.start];
    before.is_capitalised()
        && !ends_with_possessive(before.text)
        && nick.is_capitalised()
        && after.is_capitalised()
        && matches!((open, close), (" \"", "\" ") | (" “", "” "))
}

/// Whether a verb of speech follows the run `words[start..end]` ("Brannock said") or
/// precedes it ("said Ruben Castellano"), outside "the Board said".
fn speech_cue(text: &str, words: &[Word], start: usize, end: usize) -> bool {
    let previous = start.checked_sub(1).map(|i| &words[i]);
    if previous.is_some_and(|w| matches!(w.norm.as_ref(), "the" | "a" | "an" | "this" | "that" | "its")) {
        return false;
    }
    let after = words.get(end).is_some_and(|w| {
        SPEECH_VERBS.contains(&w.norm.as_ref())
            && text[words[end - 1].range.end..w.range.start] == *" "
            && !ends_with_possessive(words[end - 1].text)
    });
    let before =
        previous.is_some_and(|w| matches!(w.norm.as_ref(), "said" | "says") && text[w.range.end..words[start].range.start] == *" ");
    after || before
}

/// Whether a lawmaker's party and state follow a name: " (R-Wyo.)", "(D-NY)", " (I-Vt.)".
fn party_tag_follows(after: &str) -> bool {
    let Some(tag) = after.trim_start_matches(' ').strip_prefix('(') else { return false };
    let mut chars = tag.chars();
    matches!(chars.next(), Some('R' | 'D' | 'I'))
        && matches!(chars.next(), Some('-' | '–'))
        && chars.next().is_some_and(|c| c.is_ascii_uppercase())
}

/// Whether an age follows a name: "Roush, 52, of Ostley", "Pellow, 39, from".
fn age_follows(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(", ") else { return false };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits) && {
        let tail = &rest[digits..];
        tail.starts_with(", ") || tail.starts_with(')') || tail.starts_with(",\n")
    }
}

/// Whether lower-case title words ending in a title head follow position `at`
/// ("Velmora | foreign policy advisor Ivo Sarkis").
fn qualifies_title_after(text: &str, words: &[Word], at: usize) -> bool {
    let mut index = at;
    while let Some(word) = words.get(index) {
        if word.is_capitalised() || !joined_by_space(text, &words[index - 1], word) {
            return false;
        }
        if is_head_at(words, index) {
            return true;
        }
        if !is_normal_title_word(&word.norm) {
            return false;
        }
        index += 1;
    }
    false
}

/// The lower-case particles of names in the languages news writes them in: "Henri de
/// Valmont", "Amélie des Roches", "Ilse von der Brandt", "Lula da Silva", "Mohammed bin
/// Salman".
const NAME_PARTICLES: &[&str] =
    &["de", "des", "du", "da", "das", "dos", "di", "del", "della", "van", "von", "der", "den", "ter", "bin", "ibn"];

/// Whether a word is one of [`NAME_PARTICLES`], as written (lower case).
pub fn is_name_particle(word: &str) -> bool {
    NAME_PARTICLES.contains(&word)
}

/// How many name particles stand at `at` (one or two), when a capitalised word follows
/// them and single spaces join them to the name before and the word after.
fn particles_at(text: &str, words: &[Word], at: usize) -> Option<usize> {
    if at == 0 || words.get(at - 1).is_none_or(|w| !w.is_capitalised() || ends_with_possessive(w.text)) {
        return None;
    }
    let mut count = 0;
    while count < 2 && words.get(at + count).is_some_and(|w| NAME_PARTICLES.contains(&w.text)) {
        count += 1;
    }
    let next = words.get(at + count)?;
    let joined = (at..=at + count).all(|i| joined_by_space(text, &words[i - 1], &words[i]));
    (count > 0 && joined && next.is_capitalised() && next.text.chars().any(char::is_lowercase)).then_some(count)
}

fn starts_name_run(words: &[Word], index: usize) -> bool {
    let word = &words[index];
    word.is_capitalised() && word.text.chars().any(char::is_lowercase)
        || is_normal_title_head(&word.norm)
        || word.text.len() >= 2 && word.text.chars().all(|c| c.is_uppercase() || c == '.')
}

fn ends_with_possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("’s")
}

/// Two words are in one name when only a single space (or nothing) separates them.
fn joined_by_space(text: &str, left: &Word, right: &Word) -> bool {
    let gap = &text[left.range.end..right.range.start];
    gap == " " || gap.is_empty()
}

/// "Min-seo", "Tae-hun", "Ha-rin": a capitalised syllable, a hyphen, a lower-case syllable.
fn is_korean_given_name(word: &str) -> bool {
    let mut parts = word.split('-');
    let (Some(first), Some(second), None) = (parts.next(), parts.next(), parts.next()) else { return false };
    let short = |s: &str| (2..=5).contains(&s.chars().count()) && s.chars().all(char::is_alphabetic);
    short(first) && short(second) && first.chars().next().is_some_and(char::is_uppercase) && second.chars().all(char::is_lowercase)
}

/// The title phrase right before a name: the capitalised run's own title words plus the
/// lower-case title words and capitalised qualifiers before it ("Velmora foreign policy advisor").
fn title_before(text: &str, words: &[Word], run_start: usize, name_start: usize, head_at: Option<usize>) -> Option<TitleMention> {
    // Title words inside the capitalised run ("Chilean Foreign Minister").
    let mut first = run_start;
    let last = match head_at {
        Some(h) => run_start + h,
        None => {
            // The run has no title; look for a lower-case one just before ("spokesman Oskar Vellin").
            let before = run_start.checked_sub(1)?;
            // "The UN special rapporteur on Veldra, Elias Brand, said": the title's
            // qualifier after a preposition, then the name set off by commas.
            if !is_head_at(words, before) {
                let head = head_before_qualifier(text, words, before)?;
                let gap = &text[words[before].range.end..words[run_start].range.start];
                if gap != ", " || !closed_by_comma(text, words, run_start) || !title_opened(words, head) {
                    return None;
                }
                // (The words before the head are read as below.)
                first = head;
                before
            } else {
                if !joined_by_space(text, &words[before], &words[run_start]) {
                    // "Roush's lawyer, Nadia Ferrante, said": the title, a comma, the name, a comma.
                    let gap = &text[words[before].range.end..words[run_start].range.start];
                    if gap != ", "
                        || !closed_by_comma(text, words, run_start)
                        || !(title_opened(words, before) || title_listed(text, words, before))
                    {
                        return None;
                    }
                }
                first = before;
                before
            }
        }
    };
    let _ = name_start;
    // Extend left over title words and capitalised qualifiers.
    while first > 0 {
        let previous = &words[first - 1];
        let gap = &text[previous.range.end..words[first].range.start];
        if gap != " " {
            break;
        }
        let lower = previous.norm.as_ref();
        let qualifier = previous.is_capitalised() && !NOT_NAME_WORD_SET.contains(lower);
        // "Fennick airports director": a lower-case noun after a capitalised qualifier.
        let qualified_noun = !previous.is_capitalised()
            && previous.text.chars().all(char::is_alphabetic)
            && !NOT_NAME_WORD_SET.contains(lower)
            && !ends_with_possessive(previous.text)
            && first >= 2
            && first == last
            && words[first - 2].is_capitalised()
            && !ends_with_possessive(words[first - 2].text)
            && !NOT_NAME_WORD_SET.contains(words[first - 2].norm.as_ref())
            && text[words[first - 2].range.end..previous.range.start] == *" "
            // One capitalised qualifier, not the end of a name ("Owen Pettigrew recalls"),
            // unless the run names an institution or a country ("United Nations relief chief",
            // "Fennick County fire chief").
            && (first < 3
                || text[words[first - 3].range.end..words[first - 2].range.start] != *" "
                || !words[first - 3].is_capitalised() && !is_normal_title_word(&words[first - 3].norm)
                || crate::annotate::regions::INSTITUTION_WORDS.contains(&words[first - 2].text)
                || is_country_word(&words[first - 2].norm));
        // "chief medical officer": a plain word between two title words.
        let between_titles = !previous.is_capitalised()
            && previous.text.chars().all(char::is_alphabetic)
            && !NOT_NAME_WORD_SET.contains(lower)
            && first >= 2
            && is_normal_title_word(&words[first - 2].norm)
            && joined_by_space(text, &words[first - 2], previous);
        if is_normal_title_word(&previous.norm) || qualifier || lower == "u.s" {
            first -= 1;
        } else if between_titles || qualified_noun {
            first -= 2;
        } else {
            break;
        }
    }
    build_title(text, &words[first..=last])
}

/// The head of a title whose qualifier ends at `last`: "rapporteur" in "special rapporteur
/// on Veldra", "director" in "director of the Fennick Public Health": the capitalised words
/// ending at `last` follow "of", "on", "for" or "at" (and "the"), which follows the head.
fn head_before_qualifier(text: &str, words: &[Word], last: usize) -> Option<usize> {
    let mut at = last;
    if !words[at].is_capitalised() {
        return None;
    }
    loop {
        if at > 0 && words[at - 1].is_capitalised() && joined_by_space(text, &words[at - 1], &words[at]) && at + 4 > last {
            at -= 1;
        } else if at > 1
            // (A name with "of" inside: "dean of the College of Wardens", "head of the
            // Bank of Carrow".)
            && matches!(words[at - 1].text, "of" | "and")
            && words[at - 2].is_capitalised()
            && joined_by_space(text, &words[at - 2], &words[at - 1])
            && joined_by_space(text, &words[at - 1], &words[at])
            && at + 5 > last
        {
            at -= 2;
        } else {
            break;
        }
    }
    let mut preposition = at.checked_sub(1)?;
    if words[preposition].norm == "the" {
        preposition = preposition.checked_sub(1)?;
    }
    if !matches!(words[preposition].text, "of" | "on" | "for" | "at") {
        return None;
    }
    let head = preposition.checked_sub(1)?;
    (is_head_at(words, head) && joined_by_space(text, &words[head], &words[preposition])).then_some(head)
}

/// Whether the capitalised run that starts at `start` (a name) is closed by a comma or
/// ends its sentence.
fn closed_by_comma(text: &str, words: &[Word], start: usize) -> bool {
    let end = name_end_index(words, start);
    words.get(end).is_none_or(|next| text[words[end - 1].range.end..next.range.start].starts_with(','))
}

/// The index after the capitalised run that starts at `start`.
fn name_end_index(words: &[Word], start: usize) -> usize {
    let mut end = start + 1;
    while words.get(end).is_some_and(Word::is_capitalised) {
        end += 1;
    }
    end
}

/// Whether the title phrase ending at `head` opens with an article or a possessive
/// ("the prosecutor", "Roush's lawyer", "her lawyer"), as one set off before a name does.
fn title_opened(words: &[Word], head: usize) -> bool {
    let mut at = head;
    while at > 0 && is_normal_title_word(&words[at - 1].norm) {
        at -= 1;
    }
    // (Past what qualifies the title: "the state's chief medical officer", "the UN special
    // rapporteur": up to three words, plain or capitalised, that are no article.)
    let mut qualifiers = 0;
    while qualifiers < 3
        && at > 0
        && !matches!(words[at - 1].norm.as_ref(), "the" | "his" | "her" | "their" | "its" | "a" | "an")
        && !ends_with_possessive(words[at - 1].text)
        && words[at - 1].text.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')
        && !NOT_NAME_WORD_SET.contains(words[at - 1].norm.as_ref())
    {
        at -= 1;
        qualifiers += 1;
        while at > 0 && is_normal_title_word(&words[at - 1].norm) {
            at -= 1;
        }
    }
    at.checked_sub(1).is_some_and(|i| {
        let word = &words[i];
        matches!(word.norm.as_ref(), "the" | "his" | "her" | "their" | "its") || ends_with_possessive(word.text)
    })
}

/// Whether the capitalised title phrase ending at `head` opens an item of a list of office
/// holders ("including Deputy Prime Minister Colm Haverty, Treasurer, Ada Brisk, and
/// Foreign Affairs Minister, Nell Tarrow"): written as a formal title, after a comma, "and"
/// or "including", or opening the sentence.
fn title_listed(text: &str, words: &[Word], head: usize) -> bool {
    if !words[head].is_capitalised() {
        return false;
    }
    let mut at = head;
    while at > 0
        && words[at - 1].is_capitalised()
        && is_normal_title_word(&words[at - 1].norm)
        && text[words[at - 1].range.end..words[at].range.start] == *" "
    {
        at -= 1;
    }
    let Some(before) = at.checked_sub(1) else { return true };
    let gap = &text[words[before].range.end..words[at].range.start];
    gap.trim() == "," || gap == " " && matches!(words[before].norm.as_ref(), "and" | "including")
}

/// The formal title joined by "and" before a title ("Deputy Prime Minister and Defence
/// Minister, Colm Haverty"): capitalised words ending in a title head, right before
/// "and". (Not another person's: "Prime Minister Rafe Morrow and Defence Minister".)
fn title_joined_before(text: &str, words: &[Word], title: &TitleMention) -> Option<TitleMention> {
    let first = words.iter().position(|w| w.range.start == title.range.start)?;
    let and = first.checked_sub(1).filter(|&i| words[i].norm == "and" && joined_by_space(text, &words[i], &words[first]))?;
    let head = and.checked_sub(1).filter(|&i| joined_by_space(text, &words[i], &words[and]))?;
    if !words[head].is_capitalised() || !is_normal_title_head(&words[head].norm) || !words[first].is_capitalised() {
        return None;
    }
    let mut start = head;
    while start > 0
        && words[start - 1].is_capitalised()
        && is_normal_title_word(&words[start - 1].norm)
        && joined_by_space(text, &words[start - 1], &words[start])
    {
        start -= 1;
    }
    build_title(text, &words[start..=head])
}

/// "Seo Ha-rin, foreign minister of South Korea," / "Valk, Estonia's foreign minister".
fn appositive_title(text: &str, words: &[Word], after_name: usize) -> Option<TitleMention> {
    let previous = words.get(after_name.checked_sub(1)?)?;
    let next = words.get(after_name)?;
    if text[previous.range.end..next.range.start].trim() != "," {
        return None;
    }
    title_phrase(text, words, after_name)
}

/// The verbs that give a name a title after it ("Ida Brask was appointed harbour minister",
/// "Brask, who is the agency's director,"), each with whether the title is held no more
/// ("resigned as chief executive") and whether it is newly given ("was elected"). A plain
/// "was" is the time of the story, as news tells it ("the pilot was Captain Orr"); "served
/// as" may be long ago.
const PREDICATES: &[(&[&str], bool, bool)] = &[
    (&["is"], false, false),
    (&["was"], false, false),
    (&["becomes"], false, true),
    (&["became"], false, true),
    (&["remains"], false, false),
    (&["serves", "as"], false, false),
    (&["will", "be"], false, true),
    (&["is", "named"], false, true),
    (&["was", "named"], false, true),
    (&["was", "named", "as"], false, true),
    (&["was", "appointed"], false, true),
    (&["was", "appointed", "as"], false, true),
    (&["was", "elected"], false, true),
    (&["was", "elected", "as"], false, true),
    (&["was", "confirmed", "as"], false, true),
    (&["was", "sworn", "in", "as"], false, true),
    (&["was", "promoted", "to"], false, true),
    (&["took", "over", "as"], false, true),
    (&["takes", "over", "as"], false, true),
    (&["served", "as"], true, false),
    (&["had", "been"], true, false),
    (&["stepped", "down", "as"], true, false),
    (&["resigned", "as"], true, false),
    (&["retired", "as"], true, false),
    (&["was", "fired", "as"], true, false),
    (&["was", "ousted", "as"], true, false),
    (&["was", "removed", "as"], true, false),
];

/// A title told of a name by a verb after it: "Ida Brask was appointed harbour minister",
/// "Brask, who is the agency's director, said". Not after a possessive, and not when the
/// verb is denied or hedged ("was not", "is likely").
fn predicate_title(text: &str, words: &[Word], after_name: usize) -> Option<TitleMention> {
    let previous = words.get(after_name.checked_sub(1)?)?;
    if ends_with_possessive(previous.text) {
        return None;
    }
    let mut at = after_name;
    let mut gap = text.get(previous.range.end..words.get(at)?.range.start)?;
    // ", who is the agency's director": a relative clause right after the name.
    if gap.trim() == "," && words[at].norm == "who" {
        gap = text.get(words[at].range.end..words.get(at + 1)?.range.start)?;
        at += 1;
    }
    if gap != " " {
        return None;
    }
    let (verb, former, conferred) = PREDICATES.iter().rev().find(|(verb, _, _)| {
        verb.iter().enumerate().all(|(offset, want)| {
            words.get(at + offset).is_some_and(|w| w.text == *want)
                && (offset == 0 || text[words[at + offset - 1].range.end..words[at + offset].range.start] == *" ")
        })
    })?;
    let after_verb = at + verb.len();
    let next = words.get(after_verb)?;
    if text[words[after_verb - 1].range.end..next.range.start] != *" " {
        return None;
    }
    let mut title = title_phrase(text, words, after_verb)?;
    title.former |= former;
    title.conferred = *conferred;
    Some(title)
}

/// A title phrase starting at `words[index]`, after an article or a possessive pronoun:
/// "the ministry's spokeswoman", "foreign minister of South Korea".
fn title_phrase(text: &str, words: &[Word], mut index: usize) -> Option<TitleMention> {
    if matches!(words[index].norm.as_ref(), "the" | "a" | "an" | "another" | "his" | "her" | "their") {
        index += 1;
    }
    let mut start = index;
    // ("…, Ada Brisk, and Foreign Affairs Minister, Nell Tarrow": the next item of a list.)
    if words.get(start).is_none_or(|w| w.norm == "and") {
        return None;
    }
    // Up to six words ending in a title head, with nothing but spaces between (or a
    // plural possessive's apostrophe: "the Harriers' coach").
    let mut head = None;
    let mut at = start;
    while at < start + 6 {
        let Some(word) = words.get(at) else { break };
        if at > start {
            // ("Chairman & CEO of the studio": an ampersand joins two titles as "and" does.)
            let gap = text.get(words[at - 1].range.end..word.range.start).unwrap_or("");
            let joined = gap == " & " && head.is_some() && (is_head_at(words, at) || is_normal_title_word(&word.norm));
            if !matches!(gap, " " | "' " | "’ ") && !joined {
                break;
            }
        }
        // ("chief medical officer": a word between two heads is of the title too.)
        let between_heads = || {
            word.text.chars().all(char::is_alphabetic)
                && !NOT_NAME_WORD_SET.contains(word.norm.as_ref())
                && words.get(at + 1).is_some_and(|w| joined_by_space(text, word, w) && is_head_at(words, at + 1))
        };
        // ("a school physician and the chief science officer at the clinic": the second
        // title, the one the qualifier after it completes, is the one read.)
        if head == Some(at.wrapping_sub(1))
            && word.norm == "and"
            && words.get(at + 1).is_some_and(|w| matches!(w.norm.as_ref(), "the" | "a" | "an"))
            && words.get(at + 2).is_some_and(|w| is_normal_title_word(&w.norm) || plain_modifier(w))
        {
            start = at + 2;
            at = start;
            head = None;
            continue;
        }
        if is_head_at(words, at) {
            head = Some(at);
        } else if head.is_some()
            && !(word.norm == "and" && words.get(at + 1).is_some_and(|w| is_normal_title_word(&w.norm)))
            && !between_heads()
        {
            // (Two titles joined: "president and chief executive of the port".)
            break;
        }
        at += 1;
    }
    let head = head?;
    // Only title words and capitalised qualifiers ("Estonia's") may lead up to the head, and
    // two plain nouns at most ("a school physician", "the ministry's spokeswoman").
    let plain = words[start..head]
        .iter()
        .enumerate()
        .filter(|(_, w)| !(is_normal_title_word(&w.norm) || w.is_capitalised() || w.norm == "and"))
        .map(|(offset, w)| {
            plain_modifier(w) || offset == 0 && ends_with_possessive(w.text) && w.text.chars().next().is_some_and(char::is_alphabetic)
        })
        .collect::<Vec<bool>>();
    if plain.len() > 2 || plain.iter().any(|fits| !fits) {
        return None;
    }
    // "…, Velmora spokesman Oskar Vellin": the title is the next name's, not this one's.
    if words.get(head + 1).is_some_and(|w| w.is_capitalised() && joined_by_space(text, &words[head], w)) {
        return None;
    }
    // "…, Treasurer, Ada Brisk": set off before the next name, the title is its too.
    if words.get(head + 1).is_some_and(|w| w.is_capitalised() && text[words[head].range.end..w.range.start] == *", ") {
        return None;
    }
    // "... of South Korea" / "... at Harlow University" / "of the Academy" completes the qualifier.
    let mut last = head;
    if let Some(preposition) = words.get(head + 1)
        && matches!(preposition.text, "of" | "at" | "for")
    {
        let mut cursor = head + 2;
        if words.get(cursor).is_some_and(|w| w.text == "the") {
            cursor += 1;
        }
        let first_capitalised = cursor;
        while words.get(cursor).is_some_and(|w| w.is_capitalised() && joined_by_space(text, &words[cursor - 1], w)) {
            cursor += 1;
        }
        // A possessive closing the run names the owner of what follows: "leader of Japan's
        // ruling Liberal Democratic Party" is the party's leader, not Japan's. The run goes
        // on past a word or two in lower case; with no name after them, no title is told.
        // (The word reader keeps a possessive's "'s" on its word: "Japan's".)
        if cursor > first_capitalised && ends_with_possessive(words[cursor - 1].text) {
            let mut next = cursor;
            while next < cursor + 3 && words.get(next).is_some_and(|w| !w.is_capitalised()) {
                next += 1;
            }
            let name_from = next;
            while words.get(next).is_some_and(|w| w.is_capitalised() && (next == name_from || joined_by_space(text, &words[next - 1], w))) {
                next += 1;
            }
            if next == name_from {
                return None;
            }
            cursor = next;
        }
        if cursor > first_capitalised {
            last = cursor - 1;
        }
    }
    build_title(text, &words[start..=last])
}

/// A plain lower-case noun that may qualify a title ("family", "health", "safety"): no
/// word of the closed classes, nor one shaped like a verb or an adverb.
fn plain_modifier(word: &Word) -> bool {
    let lower = word.norm.as_ref();
    word.text.chars().all(|c| c.is_ascii_lowercase())
        && lower.len() > 2
        && !NOT_NAME_WORD_SET.contains(lower)
        && !SPEECH_VERBS.contains(&lower)
        && !["ed", "ing", "ly"].iter().any(|s| lower.ends_with(s))
}

fn build_title(text: &str, phrase: &[Word]) -> Option<TitleMention> {
    // ("Fellow Rovers forward": the team is the title's qualifier, "fellow" no part of it.)
    let phrase = match phrase {
        [fellow, rest @ ..] if fellow.norm == "fellow" && !rest.is_empty() => rest,
        _ => phrase,
    };
    let first = phrase.first()?;
    let last = phrase.last()?;
    let mut qualifier_words = Vec::new();
    let mut core_words = Vec::new();
    let mut former = false;
    let mut relational = false;
    let mut after_preposition = false;
    for (at, word) in phrase.iter().enumerate() {
        let lower = word.norm.as_ref();
        if matches!(lower, "of" | "at" | "to" | "for" | "on") {
            after_preposition = true;
            continue;
        }
        // ("president and chief executive": two titles, one core.)
        if lower == "and" && !after_preposition {
            continue;
        }
        if lower == "the" && after_preposition {
            continue;
        }
        if matches!(lower, "former" | "late" | "then" | "ex") {
            former = true;
            continue;
        }
        if RELATIONAL_HEADS.contains(&lower) {
            relational = true;
        }
        let position = position_at(phrase, at);
        let plural = (!word.is_capitalised() && at + 1 == phrase.len()).then(|| plural_head(lower)).flatten();
        if let Some(head) = plural.filter(|_| !after_preposition) {
            core_words.push(canonical_title_word(head));
        } else if after_preposition
            || !(is_normal_title_word(&word.norm) || position)
            // "Polar Crew Program manager": a title word (not a head) inside a
            // capitalised name, with a word of the name on each side ("Assistant U.S.
            // Attorney" is all title; "Militia Spokesperson Major General" has its head).
            || word.is_capitalised() && !is_normal_title_head(&word.norm) && {
                let name_word = |other: &Word| other.is_capitalised() && !is_normal_title_word(&other.norm);
                at.checked_sub(1).is_some_and(|i| name_word(&phrase[i])) && phrase.get(at + 1).is_some_and(name_word)
            }
        {
            qualifier_words.push(lower);
        } else {
            core_words.push(canonical_title_word(lower));
        }
    }
    // "Militia spokesman Lt. Gen.", "Militia Spokesperson Major General": a function and a
    // rank. The function is the title a role is checked by; the rank goes with any.
    // ("General" alone is no sign of a rank: "general manager", "Attorney General".)
    // ("Lt. Gov." is the civil office below the governor, no rank.)
    let civil = core_words.windows(2).any(|pair| pair[0] == "lieutenant" && pair[1] == "governor");
    let rank = |word: &str| MILITARY_RANKS.contains(&word) && !(civil && word == "lieutenant");
    let strong_rank = |word: &str| rank(word) && word != "general" || matches!(word, "maj" | "brig");
    if (core_words.iter().any(|w| strong_rank(w)) || qualifier_words.iter().any(|w| strong_rank(w)))
        && core_words.iter().any(|w| rank(w))
        && core_words.iter().any(|w| !rank(w) && is_normal_title_head(w))
    {
        core_words.retain(|w| !rank(w));
        qualifier_words.retain(|w| !rank(w) && !matches!(*w, "maj" | "brig"));
    }
    if core_words.is_empty() {
        return None;
    }
    let qualifier = (!qualifier_words.is_empty()).then(|| normalise_place(&qualifier_words.join(" ")));
    Some(TitleMention {
        range: first.range.start..last.range.end,
        text: text[first.range.start..last.range.end].to_string(),
        qualifier,
        core: core_words.join(" "),
        former,
        relational,
        conferred: false,
    })
}

/// Ranks of armed forces and police, as [`canonical_title_word`] writes them.
const MILITARY_RANKS: &[&str] =
    &["general", "lieutenant", "colonel", "major", "captain", "sergeant", "corporal", "admiral", "brigadier", "marshal"];

fn canonical_title_word(word: &str) -> String {
    match word {
        "spokesman" | "spokeswoman" => "spokesperson".into(),
        "adviser" | "aide" => "advisor".into(),
        "chairman" | "chairwoman" => "chair".into(),
        "mr" | "ms" | "mrs" => "honorific".into(),
        "dr" => "doctor".into(),
        "prof" => "professor".into(),
        "sen" => "senator".into(),
        "gov" => "governor".into(),
        "gen" => "general".into(),
        "amb" => "ambassador".into(),
        "col" => "colonel".into(),
        "sgt" => "sergeant".into(),
        "lt" => "lieutenant".into(),
        "capt" => "captain".into(),
        "cmdr" => "commander".into(),
        other => other.to_string(),
    }
}

/// Nationality adjectives and country names, paired so that "Russian", "Russia" and
/// "Russia's" compare equal. General knowledge, not corpus knowledge.
const NATIONALITIES: &[(&str, &str)] = &[
    ("russian", "russia"),
    ("north korean", "north korea"),
    ("south korean", "south korea"),
    ("korean", "korea"),
    ("american", "united states"),
    ("u.s", "united states"),
    ("us", "united states"),
    ("u.s.", "united states"),
    ("united states", "united states"),
    ("chinese", "china"),
    ("japanese", "japan"),
    ("ukrainian", "ukraine"),
    ("belarusian", "belarus"),
    ("vietnamese", "vietnam"),
    ("mongolian", "mongolia"),
    ("british", "united kingdom"),
    ("uk", "united kingdom"),
    ("u.k", "united kingdom"),
    ("french", "france"),
    ("german", "germany"),
    ("italian", "italy"),
    ("spanish", "spain"),
    ("indian", "india"),
    ("pakistani", "pakistan"),
    ("iranian", "iran"),
    ("iraqi", "iraq"),
    ("israeli", "israel"),
    ("palestinian", "palestine"),
    ("turkish", "turkey"),
    ("syrian", "syria"),
    ("egyptian", "egypt"),
    ("saudi", "saudi arabia"),
    ("canadian", "canada"),
    ("mexican", "mexico"),
    ("brazilian", "brazil"),
    ("australian", "australia"),
    ("polish", "poland"),
    ("dutch", "netherlands"),
    ("swedish", "sweden"),
    ("norwegian", "norway"),
    ("finnish", "finland"),
    ("danish", "denmark"),
    ("greek", "greece"),
    ("thai", "thailand"),
    ("indonesian", "indonesia"),
    ("filipino", "philippines"),
    ("philippine", "philippines"),
    ("taiwanese", "taiwan"),
    ("european", "europe"),
    ("african", "africa"),
    ("nigerian", "nigeria"),
    ("kenyan", "kenya"),
    ("south african", "south africa"),
    ("argentine", "argentina"),
    ("cuban", "cuba"),
    ("venezuelan", "venezuela"),
    ("afghan", "afghanistan"),
    ("lebanese", "lebanon"),
    ("jordanian", "jordan"),
    ("qatari", "qatar"),
    ("emirati", "united arab emirates"),
    ("hungarian", "hungary"),
    ("austrian", "austria"),
    ("swiss", "switzerland"),
    ("belgian", "belgium"),
    ("portuguese", "portugal"),
    ("irish", "ireland"),
    ("czech", "czech republic"),
    ("romanian", "romania"),
    ("serbian", "serbia"),
    ("georgian", "georgia"),
    ("armenian", "armenia"),
    ("kazakh", "kazakhstan"),
    ("singaporean", "singapore"),
    ("malaysian", "malaysia"),
    ("burmese", "myanmar"),
    ("myanmar", "myanmar"),
    ("bangladeshi", "bangladesh"),
    ("nepali", "nepal"),
    ("nepalese", "nepal"),
    ("sri lankan", "sri lanka"),
    ("cambodian", "cambodia"),
    ("laotian", "laos"),
    ("bhutanese", "bhutan"),
    ("maldivian", "maldives"),
    ("tibetan", "tibet"),
    ("uzbek", "uzbekistan"),
    ("turkmen", "turkmenistan"),
    ("tajik", "tajikistan"),
    ("kyrgyz", "kyrgyzstan"),
    ("azerbaijani", "azerbaijan"),
    ("kuwaiti", "kuwait"),
    ("bahraini", "bahrain"),
    ("omani", "oman"),
    ("yemeni", "yemen"),
    ("libyan", "libya"),
    ("tunisian", "tunisia"),
    ("algerian", "algeria"),
    ("moroccan", "morocco"),
    ("sudanese", "sudan"),
    ("south sudanese", "south sudan"),
    ("ethiopian", "ethiopia"),
    ("eritrean", "eritrea"),
    ("somali", "somalia"),
    ("ugandan", "uganda"),
    ("tanzanian", "tanzania"),
    ("rwandan", "rwanda"),
    ("burundian", "burundi"),
    ("congolese", "congo"),
    ("angolan", "angola"),
    ("zambian", "zambia"),
    ("zimbabwean", "zimbabwe"),
    ("mozambican", "mozambique"),
    ("malawian", "malawi"),
    ("namibian", "namibia"),
    ("botswanan", "botswana"),
    ("malagasy", "madagascar"),
    ("ghanaian", "ghana"),
    ("ivorian", "ivory coast"),
    ("senegalese", "senegal"),
    ("malian", "mali"),
    ("nigerien", "niger"),
    ("burkinabe", "burkina faso"),
    ("cameroonian", "cameroon"),
    ("gabonese", "gabon"),
    ("liberian", "liberia"),
    ("sierra leonean", "sierra leone"),
    ("guinean", "guinea"),
    ("gambian", "gambia"),
    ("mauritanian", "mauritania"),
    ("beninese", "benin"),
    ("togolese", "togo"),
    ("chilean", "chile"),
    ("peruvian", "peru"),
    ("colombian", "colombia"),
    ("ecuadorian", "ecuador"),
    ("bolivian", "bolivia"),
    ("paraguayan", "paraguay"),
    ("uruguayan", "uruguay"),
    ("guatemalan", "guatemala"),
    ("honduran", "honduras"),
    ("salvadoran", "el salvador"),
    ("nicaraguan", "nicaragua"),
    ("costa rican", "costa rica"),
    ("panamanian", "panama"),
    ("haitian", "haiti"),
    ("jamaican", "jamaica"),
    ("puerto rican", "puerto rico"),
    ("bahamian", "bahamas"),
    ("trinidadian", "trinidad and tobago"),
    ("guyanese", "guyana"),
    ("surinamese", "suriname"),
    ("new zealand", "new zealand"),
    ("papua new guinean", "papua new guinea"),
    ("fijian", "fiji"),
    ("samoan", "samoa"),
    ("tongan", "tonga"),
    ("slovak", "slovakia"),
    ("slovenian", "slovenia"),
    ("croatian", "croatia"),
    ("bosnian", "bosnia and herzegovina"),
    ("montenegrin", "montenegro"),
    ("albanian", "albania"),
    ("macedonian", "north macedonia"),
    ("bulgarian", "bulgaria"),
    ("moldovan", "moldova"),
    ("lithuanian", "lithuania"),
    ("latvian", "latvia"),
    ("estonian", "estonia"),
    ("icelandic", "iceland"),
    ("luxembourgish", "luxembourg"),
    ("maltese", "malta"),
    ("cypriot", "cyprus"),
    ("kosovar", "kosovo"),
    ("brunei", "brunei"),
    ("east timorese", "east timor"),
    ("mauritian", "mauritius"),
    ("seychellois", "seychelles"),
    ("djiboutian", "djibouti"),
];

/// [`NATIONALITIES`] by adjective and by country: the country of the first entry that
/// names either, as a walk down the list would find it.
static NATIONALITY_COUNTRIES: LazyLock<FxHashMap<&'static str, &'static str>> = LazyLock::new(|| {
    let mut map = FxHashMap::default();
    for &(adjective, country) in NATIONALITIES {
        map.entry(adjective).or_insert(country);
        map.entry(country).or_insert(country);
    }
    map
});

/// Every country name known (general knowledge), lower case.
pub fn country_names() -> impl Iterator<Item = &'static str> {
    NATIONALITIES.iter().map(|(_, country)| *country)
}

/// Whether a lower-case word is a country name or a nationality adjective (one look-up).
pub fn is_country_word(word: &str) -> bool {
    NATIONALITY_COUNTRIES.contains_key(word)
}

/// Every country name and nationality adjective known (general knowledge), lower case.
pub fn country_words() -> impl Iterator<Item = &'static str> {
    NATIONALITY_COUNTRIES.keys().copied()
}

/// Normalises a place or qualifier: lower case, possessive dropped, nationality adjective
/// turned into the country ("Russian" → "russia", "the North's" → "north").
pub fn normalise_place(text: &str) -> String {
    let lower = lower_case(text.trim().trim_start_matches("the "));
    let lower = if lower.contains('’') { Cow::Owned(lower.replace('’', "'")) } else { lower };
    let lower = lower.strip_suffix("'s").unwrap_or(&lower).trim_end_matches('.');
    match NATIONALITY_COUNTRIES.get(lower) {
        Some(country) => (*country).to_string(),
        None => initials_joined(lower),
    }
}

/// Initials written apart joined as most pages write them: "u. k. freight" is "u.k. freight".
fn initials_joined(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let initial_at = |i: usize| {
        chars.get(i).is_some_and(|c| c.is_alphabetic())
            && chars.get(i + 1) == Some(&'.')
            && (i == 0 || chars.get(i - 1).is_some_and(|c| *c == ' ' || *c == '.'))
    };
    for (i, &c) in chars.iter().enumerate() {
        // The space after an initial's period, before another initial.
        if c == ' ' && i >= 2 && chars[i - 1] == '.' && initial_at(i - 2) && initial_at(i + 1) {
            continue;
        }
        out.push(c);
    }
    out
}

/// Whether a phrase is a country's name as written (not its adjective): "Russia", not "Russian".
pub fn is_country_name(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let lower = lower.trim_start_matches("the ");
    NATIONALITIES.iter().any(|(_, country)| *country == lower)
}

/// Whether a phrase is a known country or nationality (general knowledge).
pub fn is_country(text: &str) -> bool {
    let place = normalise_place(text);
    NATIONALITIES.iter().any(|(_, country)| *country == place)
}

/// The continents and the world's great regions, as written.
const CONTINENTS: &[&str] = &[
    "Africa",
    "Asia",
    "Europe",
    "Antarctica",
    "Oceania",
    "North America",
    "South America",
    "Latin America",
    "Central America",
    "Middle East",
    "Southeast Asia",
    "East Asia",
    "South Asia",
    "Central Asia",
    "West Africa",
    "East Africa",
    "Southern Africa",
    "North Africa",
    "Eastern Europe",
    "Western Europe",
    "Caribbean",
    "Scandinavia",
    "Balkans",
];

/// Whether a name is a place every reader knows by it: a country, a state or province,
/// a continent. Such a name is never another name misspelt ("South America" is no slip
/// for "South Africa").
pub fn is_known_place_name(text: &str) -> bool {
    is_country(text) || CONTINENTS.contains(&text) || crate::annotate::regions::region_named(text).is_some()
}

/// Most characters inside one quotation.
const MAX_QUOTATION_CHARS: usize = 2000;

/// Quotation spans of a text: "...", “...”, within one paragraph (a line), with one to
/// [`MAX_QUOTATION_CHARS`] characters inside, from left to right, none inside another.
///
/// What the pattern `"[^"\n]{1,2000}"|“[^”\n]{1,2000}”` finds, without its automaton: a
/// repetition bounded at 2,000 made it a 3 MB program, with a 2 MB cache for every thread
/// that searched with it.
pub fn quotation_ranges(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(offset) = text[from..].find(['"', '“']) {
        let start = from + offset;
        let (open_len, close) = if text[start..].starts_with('"') { (1, '"') } else { ('“'.len_utf8(), '”') };
        let inside = &text[start + open_len..];
        let closed = inside.find([close, '\n']).filter(|&end| {
            let quoted = &inside[..end];
            inside[end..].starts_with(close)
                && !quoted.is_empty()
                && (end <= MAX_QUOTATION_CHARS || quoted.chars().count() <= MAX_QUOTATION_CHARS)
        });
        match closed {
            Some(end) => {
                let stop = start + open_len + end + close.len_utf8();
                found.push(start..stop);
                from = stop;
            }
            // No quotation opens here; the next one may open at the next mark.
            None => from = start + open_len,
        }
    }
    found
}

/// Whether byte `at` of `text` is inside a quotation opened earlier on its line: after a
/// “ or a ‘ not yet closed, or after an odd number of straight double marks. A ’ closes a
/// quotation opened by ‘ only where no letter follows it: "you’re" is a word.
pub fn inside_quotation(text: &str, at: usize) -> bool {
    let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    let (mut curly, mut single, mut straight) = (false, false, false);
    let mut chars = text[line_start..at].chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '“' => curly = true,
            '”' => curly = false,
            '"' => straight = !straight,
            '‘' => single = true,
            '’' if single && chars.peek().is_none_or(|next| !next.is_alphanumeric()) => single = false,
            _ => {}
        }
    }
    curly || single || straight
}

/// Whether the name at `name` is listed right after the name at `last`, with "and" or "or"
/// between them ("in Fennick and Harlow"). Not after a comma: "Carrow, Nebraska" is
/// one place told more precisely, and "in Harlow, Brannock said" no list.
pub fn listed_after(text: &str, last: &Range<usize>, name: &Range<usize>) -> bool {
    matches!(text[last.end..name.start].trim(), "and" | "or" | ", and" | ", or")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The scanner finds what the pattern it replaces finds, on texts made of quotation
    /// marks, line breaks, letters, multi-byte characters and runs near the length limit.
    #[test]
    fn a_name_after_an_open_quotation_mark_is_quoted() {
        let text = "Orsk, after a pause, said: ‘Lena, you’re such a fine player.’ Then Orsk left.\nLena won.";
        let at = |word: &str, nth: usize| text.match_indices(word).nth(nth).unwrap().0;
        assert!(inside_quotation(text, at("Lena", 0)));
        assert!(!inside_quotation(text, at("Orsk", 1)));
        assert!(!inside_quotation(text, at("Lena", 1)), "a quotation ends with its line");
        let text = "“I thank Mira,” Vell said of “Mira”.";
        assert!(inside_quotation(text, text.find("Mira").unwrap()));
        assert!(!inside_quotation(text, text.find("Vell").unwrap()));
        assert!(inside_quotation("He said \"Tomas\" twice", 10));
    }

    #[test]
    fn quotation_ranges_are_the_patterns() {
        let pattern = Regex::new(r#""[^"\n]{1,2000}"|“[^”\n]{1,2000}”"#).expect("quote pattern");
        let pieces = ["\"", "“", "”", "\n", "a", "é", "Pak said", " ", "\"\"", "“”", "字"];
        let long = |n: usize, c: &str| c.repeat(n);
        let mut texts: Vec<String> = vec![
            format!("\"{}\"", long(2000, "a")),
            format!("\"{}\"", long(2001, "a")),
            format!("\"{}\"", long(2000, "é")),
            format!("\"{}\"", long(2001, "é")),
            format!("“{}”", long(1999, "字")),
            format!("“{}” and “{}”", long(2000, "字"), long(2001, "a")),
            format!("\"{}\"x\"", long(2001, "a")),
            format!("“{}\"{}”", long(1500, "é"), long(600, "a")),
        ];
        let mut state: u64 = 0x9e37;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..(state % 40) {
                state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                text.push_str(pieces[(state >> 33) as usize % pieces.len()]);
            }
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            texts.push(text);
        }
        let mut quotations = 0;
        for text in &texts {
            let expected: Vec<Range<usize>> = pattern.find_iter(text).map(|m| m.range()).collect();
            assert_eq!(quotation_ranges(text), expected, "{text:?}");
            quotations += expected.len();
        }
        assert!(quotations > 1000, "only {quotations} quotations compared");
    }

    #[allow(clippy::type_complexity)]
    fn names(text: &str) -> Vec<(String, Option<(Option<String>, String)>)> {
        find_names(text, 0..text.len()).into_iter().map(|m| (m.text, m.title.map(|t| (t.qualifier, t.core)))).collect()
    }

    fn some(q: Option<&str>, core: &str) -> Option<(Option<String>, String)> {
        Some((q.map(str::to_string), core.to_string()))
    }

    #[test]
    #[allow(clippy::type_complexity)]
    fn titles_before_and_after_names() {
        let cases: Vec<(&str, Vec<(&str, Option<(Option<String>, String)>)>)> = vec![
            ("South Korean Foreign Minister Han Min-seo arrived.", vec![("Han Min-seo", some(Some("south korea"), "foreign minister"))]),
            ("Velmora spokesman Oskar Vellin said so.", vec![("Oskar Vellin", some(Some("velmora"), "spokesperson"))]),
            ("Velmora foreign policy advisor Ivo Sarkis attended.", vec![("Ivo Sarkis", some(Some("velmora"), "foreign policy advisor"))]),
            ("U.S. President Harlan Moss's visit", vec![("Harlan Moss", some(Some("united states"), "president"))]),
            (
                "He met Valk, Estonia's foreign minister, on Friday.",
                vec![("Valk", some(Some("estonia"), "foreign minister")), ("Friday", None)],
            ),
            (
                "Seo Ha-rin, foreign minister of South Korea, attends",
                vec![("Seo Ha-rin", some(Some("south korea"), "foreign minister")), ("South Korea", None)],
            ),
            ("Minister Pyo paid a visit.", vec![("Pyo", some(None, "minister"))]),
            // A title conferred after the name does not make the titled name its qualifier.
            ("The assembly made Harbour Minister Ida Brask deputy speaker.", vec![("Ida Brask", some(Some("harbour"), "minister"))]),
        ];
        for (text, expected) in cases {
            let found = names(text);
            let found: Vec<_> = found.into_iter().filter(|(name, _)| name != "Friday").collect();
            let expected: Vec<_> = expected.into_iter().filter(|(name, _)| *name != "Friday").map(|(n, t)| (n.to_string(), t)).collect();
            assert_eq!(found, expected, "names in {text:?}");
        }
    }

    #[test]
    #[allow(clippy::type_complexity)]
    fn titles_of_any_domain() {
        let cases: Vec<(&str, &str, Option<(Option<String>, String)>)> = vec![
            ("Comets quarterback Dane Colter threw twice.", "Dane Colter", some(Some("comets"), "quarterback")),
            ("Harriers tight end Milo Brandt scored.", "Milo Brandt", some(Some("harriers"), "tight end")),
            // A position in lower case after the club's name; "Fellow" no part of it.
            ("Rovers center Obi Marand scored.", "Obi Marand", some(Some("rovers"), "center")),
            ("Fellow Rovers forward Cal Dunne scored.", "Cal Dunne", some(Some("rovers"), "forward")),
            ("Going forward Halvard Berg will lead.", "Halvard Berg", None),
            ("It named Shadow attorney-general Tess Moran.", "Tess Moran", some(Some("shadow"), "attorney-general")),
            ("He thanked defense lawyer Lina Vashti.", "Lina Vashti", some(None, "defense lawyer")),
            ("Roush's lawyer, Nadia Ferrante, said so.", "Nadia Ferrante", some(Some("roush"), "lawyer")),
            (
                "Rhett Calloway, interim U.S. Attorney for the Western District, spoke.",
                "Rhett Calloway",
                some(Some("u.s western district"), "interim attorney"),
            ),
            ("Fennick Director of Airports Pell Marrin said so.", "Pell Marrin", some(Some("fennick airports"), "director")),
            ("Gus Tolland, the Harriers' coach, sighed.", "Gus Tolland", some(Some("harriers"), "coach")),
            ("It killed coaches Ilka Varro and Anton Brel.", "Ilka Varro", some(None, "coach")),
            ("Cardinal Piero Vanni read the statement.", "Piero Vanni", some(None, "cardinal")),
            ("Archbishop Mario Delpini led the prayers.", "Mario Delpini", some(None, "archbishop")),
            ("Detective Ana Ruiz found the car.", "Ana Ruiz", some(None, "detective")),
            // A judge of a high court; the ministry's portfolio word before a minister.
            ("Justice Maxwell Orrin dismissed the count.", "Maxwell Orrin", some(None, "justice")),
            ("Justice Minister Gerd Halm spoke.", "Gerd Halm", some(None, "justice minister")),
            ("Ada Vell, Chairman & CEO of Tessel, spoke.", "Ada Vell", some(Some("tessel"), "chair ceo")),
            ("Tomas Berg, the dean of the law school, spoke.", "Tomas Berg", some(None, "dean")),
            // A title word inside the name of what qualifies the title.
            ("Polar Crew Program manager Bram Ostler spoke.", "Bram Ostler", some(Some("polar crew program"), "manager")),
            ("Orbitra cosmonaut Ivan Petrov waved.", "Ivan Petrov", some(Some("orbitra"), "cosmonaut")),
            // A function and a rank: the function is the title.
            ("Militia spokesman Lt. Gen. Aran Sook said so.", "Aran Sook", some(Some("militia"), "spokesperson")),
            ("Lieutenant General Aran Sook said so.", "Aran Sook", some(None, "lieutenant general")),
            // The civil office below the governor is no rank.
            ("Lt. Gov. Dale Pruitt said so.", "Dale Pruitt", some(None, "lieutenant governor")),
            ("Militia Spokesperson Major General Win Sura spoke.", "Win Sura", some(Some("militia"), "spokesperson")),
            // Capitalised before a name, "Dean" is a given name.
            ("Dean Phillips spoke.", "Dean Phillips", None),
            // A list of office holders, each title set off before its name.
            (
                "It kept Deputy Prime Minister Ray Marlow, Treasurer, Jo Calder, and Foreign Minister, Pia Wren.",
                "Jo Calder",
                some(None, "treasurer"),
            ),
            (
                "It kept Deputy Prime Minister Ray Marlow, Treasurer, Jo Calder, and Foreign Minister, Pia Wren.",
                "Pia Wren",
                some(None, "foreign minister"),
            ),
            ("The treasurer, Jo Calder, said so.", "Jo Calder", some(None, "treasurer")),
            ("Co-pilot Clive Marand was flying.", "Clive Marand", some(None, "co-pilot")),
            // The title's qualifier after a preposition, the name set off by commas.
            ("The UN special rapporteur on Veldra, Tove Ask, said so.", "Tove Ask", some(Some("un veldra"), "special rapporteur")),
            // ... a qualifier with "of" inside it.
            ("The dean of the College of Wardens, Ivo Marr, said so.", "Ivo Marr", some(Some("college wardens"), "dean")),
            // Plain words that qualify a title, before or between its heads.
            ("The state's chief medical officer, Pell Warrick, said so.", "Pell Warrick", some(Some("medical"), "state chief officer")),
            ("Irma Castell, Veldra Chief Medical Officer.", "Irma Castell", some(Some("veldra medical"), "chief officer")),
            ("Dr. Irma Castell, the ministry's spokeswoman, said so.", "Irma Castell", some(Some("ministry"), "spokesperson")),
            (
                "Dr. Ron Kemp, a school physician and the chief science officer at Orsel Hospital, said so.",
                "Ron Kemp",
                some(Some("orsel hospital"), "chief science officer"),
            ),
            // A lower-case word after an institution's name of several words.
            ("United Nations relief chief Tam Fenner arrived.", "Tam Fenner", some(Some("united nations relief"), "chief")),
            // A title told by a verb after the name, or in a relative clause.
            ("Oren Tavel was named chief executive of Larkmoor Freight.", "Oren Tavel", some(Some("larkmoor freight"), "chief executive")),
            ("Ilse Marrow, who is the chair of Larkmoor Freight, spoke.", "Ilse Marrow", some(Some("larkmoor freight"), "chair")),
            ("Tove Ask is a professor at Orsel University.", "Tove Ask", some(Some("orsel university"), "professor")),
            ("Pell Warrick served as Veldra's foreign minister.", "Pell Warrick", some(Some("veldra"), "foreign minister")),
            // Denied, or not a title.
            ("Ida Brask was not the harbour minister.", "Ida Brask", None),
            ("Ida Brask was the first to arrive.", "Ida Brask", None),
        ];
        for (text, name, title) in cases {
            let found = names(text);
            let found = found.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("{name} in {text:?}: {found:?}"));
            assert_eq!(found.1, title, "title of {name} in {text:?}");
        }
    }

    #[test]
    fn names_hold_their_particles() {
        let found = |text: &str| find_names(text, 0..text.len()).into_iter().map(|m| m.text).collect::<Vec<_>>();
        assert_eq!(found("He was arrested at Henri de Valmont airport."), vec!["Henri de Valmont"]);
        assert_eq!(found("Ilse von der Brandt spoke."), vec!["Ilse von der Brandt"]);
        assert_eq!(found("Museum director Amélie des Roches resigned."), vec!["Amélie des Roches"]);
        // Not a particle without a capitalised word after it, nor after a possessive.
        assert_eq!(found("Paris de nuit."), vec!["Paris"]);
        assert_eq!(found("Anna's de Vries."), vec!["Anna", "Vries"]);
    }

    #[test]
    fn people_found_without_titles() {
        let cued =
            |text: &str, name: &str| find_names(text, 0..text.len()).into_iter().find(|m| m.text == name).is_some_and(|m| m.person_cue);
        assert!(cued("Declan Roush, 52, of Ostley, was convicted.", "Declan Roush"));
        assert!(cued("\"We lost,\" Owen Pettigrew said.", "Owen Pettigrew"));
        assert!(cued("Among them was Rosalind \"Roz\" Merriweather, his ex.", "Rosalind \"Roz\" Merriweather"));
        assert!(cued("A letter from Roz Merriweather's lawyer arrived.", "Roz Merriweather"));
        assert!(cued("He finished behind Conservative Marta Quill.", "Marta Quill"));
        // A relation, a rival, a lawmaker's party and state, a party's possessive.
        assert!(cued("He was flanked by his fiancee Mira Haldane.", "Mira Haldane"));
        assert!(cued("She defeated conservative rival Ansel Tarrow in the ballot.", "Ansel Tarrow"));
        assert!(cued("Sens. Ivo Marr (R-UT) and Tess Lund (R-WY) voted no.", "Tess Lund"));
        assert!(cued("He trailed the Liberals' Ned Orsay by 900 votes.", "Ned Orsay"));
        assert!(!cued("He trailed the Liberals in Orsay County by 900 votes.", "Orsay County"));
        assert!(!cued("The Harlow Comets won the game.", "Harlow Comets"));
        assert!(!cued("The Board said it would meet.", "Board"));
        // Listed with a person: "Ada Voss" is cued by her age, the others by the list.
        let list = "The firm was founded by Mira Lund, Tomas Berg and Ada Voss, 41, in 2020.";
        assert!(cued(list, "Mira Lund") && cued(list, "Tomas Berg"), "{:?}", find_names(list, 0..list.len()));
        assert!(!cued("The firm was founded by Mira Lund, Tomas Berg and Ada Voss in 2020.", "Mira Lund"));
        // Places listed together stay places.
        assert!(!cued("They flew to New York, Los Angeles and San Diego.", "Los Angeles"));
        let text = "Prosecutors read out a letter from Perrin Sallow, a former nurse.";
        let sallow = find_names(text, 0..text.len()).into_iter().find(|m| m.text == "Perrin Sallow").expect("Sallow");
        assert!(!sallow.after_place_preposition, "a titled person is no place");
        // A nationality told by a noun before the name is no part of it.
        let text = "The Frenchman Dominique Arlot, a former judge, will preside.";
        let names: Vec<String> = find_names(text, 0..text.len()).into_iter().map(|m| m.text).collect();
        assert_eq!(names, vec!["Dominique Arlot"]);
    }

    #[test]
    fn cues_and_places() {
        let found = find_names("She left Velmora on Sunday with Pak Tae-hun.", 0.."She left Velmora on Sunday with Pak Tae-hun.".len());
        let pak = found.iter().find(|m| m.text == "Pak Tae-hun").expect("Pak");
        assert!(pak.person_cue);
        let velmora = found.iter().find(|m| m.text == "Velmora").expect("Velmora");
        assert!(!velmora.person_cue);
        let text = "Chilean Ambassador to Norway Rafael Ostin spoke in Carrowick.";
        let found = find_names(text, 0..text.len());
        assert!(found.iter().any(|m| m.text == "Carrowick" && m.after_place_preposition));
        // A sentence that opens with the preposition: "In Fennick, ...".
        let text = "In Fennick, the town nearest the dam, people queued.";
        let found = find_names(text, 0..text.len());
        assert!(found.iter().any(|m| m.text == "Fennick" && m.after_place_preposition), "{found:?}");
        // "Outside" and "inside" place a name as "in" does.
        let text = "Work began at the site outside Harlow, and crews stayed inside Fennick.";
        let found = find_names(text, 0..text.len());
        for place in ["Harlow", "Fennick"] {
            assert!(found.iter().any(|m| m.text == place && m.after_place_preposition), "{place}: {found:?}");
        }
    }

    #[test]
    fn relational_and_former_titles_are_marked() {
        let text = "She met her Chilean counterpart Rafael Ostin and former Peruvian leader Aldo Vargas.";
        let found = find_names(text, 0..text.len());
        let ostin = found.iter().find(|m| m.text == "Rafael Ostin").expect("Ostin");
        assert!(ostin.title.as_ref().is_some_and(|t| t.relational));
        let vargas = found.iter().find(|m| m.text == "Aldo Vargas").expect("Vargas");
        assert!(vargas.title.as_ref().is_some_and(|t| t.former));
    }

    #[test]
    fn ascii_words_are_the_pattern_matches() {
        let fixed = [
            "12,000 troops, 1,500.5 tons, 1,2345 and 1234,567.",
            "U.S. Dr. Oct. 3.5 e.g. it's Tae-hun -x- a..b 1,23 .5 9,999,999.1.2",
            "3,70,000 and 1,23,45,678.5 or 12,34,5678 1,23,456,789",
        ];
        let alphabet = b"aZ09,.-' x\n";
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut random = Vec::new();
        for _ in 0..2000 {
            let text: String = (0..24)
                .map(|_| {
                    state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                    alphabet[(state >> 33) as usize % alphabet.len()] as char
                })
                .collect();
            random.push(text);
        }
        for text in fixed.iter().copied().chain(random.iter().map(String::as_str)) {
            let expected: Vec<_> = WORD.find_iter(text).map(|m| m.range()).collect();
            assert_eq!(ascii_word_spans(text).collect::<Vec<_>>(), expected, "words of {text:?}");
        }
    }

    #[test]
    fn normalises_places() {
        assert_eq!(normalise_place("Russian"), "russia");
        assert_eq!(normalise_place("Russia's"), "russia");
        assert_eq!(normalise_place("North Korean"), "north korea");
        assert_eq!(normalise_place("U.S."), "united states");
        assert_eq!(normalise_place("U. K. Freight"), "u.k. freight");
        assert_eq!(normalise_place("J. R. Tolkien Hall"), "j.r. tolkien hall");
        assert!(is_country("Belarus"));
    }
}
