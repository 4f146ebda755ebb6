//! Analysis of one document, the same for corpus articles and drafts: resolved person
//! mentions, events (kind, participants, date, places, ordinal), meeting counts and other
//! quantities. The fact base turns a corpus article's analysis into facts; the checker
//! compares a draft's analysis with them.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::sync::{Arc, LazyLock};

use regex::Regex;

use super::people::{People, PersonId, name_parts};
use crate::annotate::counts::{Precision, Quantity, find_quantities_in, singular};
use crate::annotate::dates::{DateAnchor, DateContext, DateForm, DateMention, DateValue, find_dates_in};
use crate::annotate::names::{
    NameMention, TitleMention, Word, find_names_in, is_country, is_country_name, is_normal_title_head, normalise_place, quotation_ranges,
    words,
};
use crate::annotate::sentences::split_sentences;
use crate::memo::Kept;

/// The kinds of event the checker compares. Two claims are about the same event only
/// when their kinds are equal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EventKind {
    /// Met, talks, summit between people, courtesy call, encounter.
    Meeting,
    /// Visit, trip, tour, arrival.
    Visit,
    /// Left, departed.
    Departure,
    /// A named gathering: "the NMC summit".
    Gathering,
    /// Signed, signing.
    Signing,
    /// Parade.
    Parade,
    /// Began, started, opened: "the strike began on Feb. 6".
    Start,
    /// Ended, concluded: "the talks ended on Friday".
    End,
    /// Said, reported, announced: these absorb the dates of reporting, never checked.
    Report,
}

impl EventKind {
    pub fn noun(self) -> &'static str {
        match self {
            EventKind::Meeting => "meeting",
            EventKind::Visit => "visit",
            EventKind::Departure => "departure",
            EventKind::Gathering => "gathering",
            EventKind::Signing => "signing",
            EventKind::Parade => "parade",
            EventKind::Start => "start",
            EventKind::End => "end",
            EventKind::Report => "report",
        }
    }
}

/// A person named (or referred to) in a document.
#[derive(Clone, Debug)]
pub struct PersonMention {
    pub range: Range<usize>,
    pub text: String,
    pub person: PersonId,
    pub sentence: usize,
    /// The mention is a full spelling (not "Roe" or "the Russian president").
    pub full_spelling: bool,
    /// The spelling is no source's, resolved as a near miss (drafts only).
    pub near_miss: bool,
    pub title: Option<TitleMention>,
}

/// A place written with an event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaceMention {
    pub range: Range<usize>,
    pub text: String,
    /// Normalised ("moscow", "south korea").
    pub key: String,
}

/// A date written with an event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDate {
    pub range: Range<usize>,
    pub value: DateValue,
    pub year_explicit: bool,
}

/// One occurrence of an event as a document states it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct EventAssertion {
    pub kind: EventKind,
    pub sentence: usize,
    pub trigger: Range<usize>,
    pub participants: BTreeSet<PersonId>,
    /// A named gathering's key ("apec").
    pub named: Option<String>,
    /// For an event told of a thing, not of people ("the strike began"): that thing ("strike").
    pub thing: Option<String>,
    pub date: Option<EventDate>,
    pub places: Vec<PlaceMention>,
    /// 1 for "first", 2 for "second", -1 for "last".
    pub ordinal: Option<i32>,
    /// Byte range of the ordinal word ("third" in "their third meeting").
    pub ordinal_range: Option<Range<usize>>,
}

/// "Hollis met Ri three times", "held four summits".
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct MeetingCount {
    pub sentence: usize,
    pub range: Range<usize>,
    pub participants: BTreeSet<PersonId>,
    pub value: f64,
    pub precision: Precision,
    /// How the number was written ("twice", "four", "3").
    pub written: String,
}

/// Any other counted quantity (not a meeting count, not "times"), for `factline annotate`:
/// the value alignment reads every figure from [`Analysis::figures`].
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct QuantityAssertion {
    pub sentence: usize,
    pub quantity: Quantity,
}

/// Everything the analysis found in one document.
#[derive(Clone, Debug, Default)]
pub struct Analysis {
    pub sentences: Vec<Range<usize>>,
    pub dates: Vec<DateMention>,
    pub persons: Vec<PersonMention>,
    /// Capitalised multi-word names that resolve to no person (drafts: name checks).
    pub other_names: Vec<(usize, NameMention)>,
    pub events: Vec<EventAssertion>,
    pub meeting_counts: Vec<MeetingCount>,
    pub quantities: Vec<QuantityAssertion>,
    pub quotations: Vec<Range<usize>>,
    /// Every place-like name, by sentence: the evidence index's place values.
    pub places: Vec<(usize, PlaceMention)>,
    /// Every number, with or without a unit, by sentence: the evidence index's figures.
    pub figures: Vec<(usize, Quantity)>,
    /// The words of every sentence, kept when learning a corpus ([`analyse_keeping_words`])
    /// so that the evidence index does not split each sentence again; else empty.
    kept_words: Vec<KeptWord>,
    /// Where each sentence's words end in `kept_words` (one per sentence when kept).
    kept_word_ends: Vec<usize>,
}

/// A [`Word`] without its borrow of the text: its range, and its normal form as a prefix
/// of the word (the common case: no copy) or, when lower-casing changed it, its own.
#[derive(Clone, Debug)]
struct KeptWord {
    range: Range<usize>,
    norm: KeptNorm,
}

#[derive(Clone, Debug)]
enum KeptNorm {
    /// The first this many bytes of the word.
    Prefix(usize),
    Owned(String),
}

impl Analysis {
    /// The words of sentence `index` (as [`words`] splits them), `text` being the analysed
    /// document: those the analysis kept, else split again.
    pub fn sentence_words<'a>(&'a self, text: &'a str, index: usize) -> Vec<Word<'a>> {
        if self.kept_word_ends.len() != self.sentences.len() {
            return self.sentences.get(index).map(|sentence| words(text, sentence.clone())).unwrap_or_default();
        }
        let Some(&end) = self.kept_word_ends.get(index) else { return Vec::new() };
        let start = index.checked_sub(1).map_or(0, |previous| self.kept_word_ends[previous]);
        self.kept_words[start..end]
            .iter()
            .map(|kept| {
                let written = &text[kept.range.clone()];
                let norm = match &kept.norm {
                    KeptNorm::Prefix(length) => &written[..*length],
                    KeptNorm::Owned(norm) => norm.as_str(),
                };
                Word { range: kept.range.clone(), text: written, norm: std::borrow::Cow::Borrowed(norm) }
            })
            .collect()
    }
}

/// Long names with their acronyms, learned from "Northern Maritime Cooperation (NMC)".
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Acronyms {
    /// Lower-case long name → lower-case acronym.
    pub long_to_short: BTreeMap<String, String>,
}

static ACRONYM_DEFINITION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"((?:[A-Z][\p{L}'’-]*\s+){1,6}[A-Z][\p{L}'’-]*)\s+\(([A-Z][A-Z0-9]{1,7})\)").expect("acronym pattern"));

impl Acronyms {
    pub fn learn(&mut self, text: &str) {
        for captures in ACRONYM_DEFINITION.captures_iter(text) {
            let (Some(long), Some(short)) = (captures.get(1), captures.get(2)) else { continue };
            // The long name's initials must spell the acronym (at least its first letters).
            let initials: String = long
                .as_str()
                .split(|c: char| c.is_whitespace() || c == '-')
                .filter_map(|w| w.chars().next())
                .filter(|c| c.is_uppercase())
                .collect();
            let short_text = short.as_str();
            let fits = initials.ends_with(short_text)
                || short_text
                    .chars()
                    .zip(initials.chars().rev().collect::<Vec<_>>().into_iter().rev().skip(initials.len().saturating_sub(short_text.len())))
                    .all(|(a, b)| a == b);
            if fits {
                let words: Vec<&str> = long.as_str().split_whitespace().collect();
                let keep = words.len().saturating_sub(short_text.len().max(words.len().min(short_text.len())));
                let long_name = words[keep..].join(" ").to_lowercase();
                self.long_to_short.insert(long_name, short_text.to_lowercase());
            }
        }
    }
}

/// Trigger words and the event kind they announce.
fn trigger_kind(lower: &str) -> Option<EventKind> {
    Some(match lower {
        "met" | "meet" | "meets" | "meeting" | "meetings" | "talks" | "summit" | "summits" | "encounter" | "encounters" | "dialogue"
        | "discussions" | "greeted" | "welcomed" => EventKind::Meeting,
        "visit" | "visits" | "visited" | "visiting" | "trip" | "trips" | "tour" | "toured" | "arrived" | "arrives" | "arrive"
        | "arrival" | "swing" | "traveled" | "travelled" | "travels" | "respects" | "tribute" => EventKind::Visit,
        "left" | "leave" | "leaves" | "leaving" | "departed" | "departs" | "depart" | "departure" => EventKind::Departure,
        "gathering" | "gather" | "gathers" | "conference" | "forum" | "convene" | "convenes" | "convened" => EventKind::Gathering,
        "signed" | "signing" | "signs" => EventKind::Signing,
        "parade" => EventKind::Parade,
        "began" | "begun" | "begins" | "started" | "starts" | "opened" | "opens" | "launched" | "erupted" => EventKind::Start,
        "ended" | "ends" | "concluded" | "concludes" | "closed" | "closes" => EventKind::End,
        "said" | "says" | "reported" | "reports" | "revealed" | "announced" | "announces" | "stated" | "told" | "noted" | "added"
        | "disclosed" | "according" | "quoted" | "cited" | "confirmed" => EventKind::Report,
        _ => return None,
    })
}

struct Trigger {
    kind: EventKind,
    range: Range<usize>,
    word_index: usize,
    named: Option<String>,
}

/// How far (in bytes) after its event word a place may stand.
const MAX_PLACE_GAP: usize = 80;

/// Words that take "of" before a place: a kind of place ("the city of Brackwell", "the diocese
/// of Fennick") or an office over one ("the mayor of Halvik", "Bishop Emeritus of Fennick").
pub(crate) const PLACE_NOUNS: &[&str] = &[
    "city",
    "town",
    "village",
    "suburb",
    "capital",
    "county",
    "province",
    "region",
    "port",
    "island",
    "district",
    "state",
    "diocese",
    "archdiocese",
    "mayor",
    "governor",
    "bishop",
    "archbishop",
    "emeritus",
];

/// Analyses a document. `text` is the whole document (masked for drafts), `body` the part
/// after front matter. `near_misses`: resolve names no source spells as their nearest person.
pub fn analyse(text: &str, body: Range<usize>, anchor: DateAnchor, people: &People, acronyms: &Acronyms, near_misses: bool) -> Analysis {
    analyse_blocks(text, body, anchor, people, acronyms, near_misses, None, false)
}

/// [`analyse`], keeping each sentence's words in the analysis for the evidence index
/// ([`Analysis::sentence_words`]): for learning a corpus, one document at a time. What
/// only a draft's checks read is left out: `quotations`, `persons`, `other_names` and
/// `quantities` stay empty.
pub fn analyse_keeping_words(
    text: &str,
    body: Range<usize>,
    anchor: DateAnchor,
    people: &People,
    acronyms: &Acronyms,
    near_misses: bool,
) -> Analysis {
    analyse_blocks(text, body, anchor, people, acronyms, near_misses, None, true)
}

/// [`analyse`], taking the analyses of unchanged blocks from `memo` and leaving this
/// document's in it. The memo must only ever see one `people` and `acronyms` and one
/// `near_misses`: its entries are keyed by a block's text and what it carries in, not by them.
pub fn analyse_with(
    text: &str,
    body: Range<usize>,
    anchor: DateAnchor,
    people: &People,
    acronyms: &Acronyms,
    near_misses: bool,
    memo: Option<&mut BlockMemo>,
) -> Analysis {
    analyse_blocks(text, body, anchor, people, acronyms, near_misses, memo, false)
}

#[allow(clippy::too_many_arguments)]
fn analyse_blocks(
    text: &str,
    body: Range<usize>,
    anchor: DateAnchor,
    people: &People,
    acronyms: &Acronyms,
    near_misses: bool,
    mut memo: Option<&mut BlockMemo>,
    keep_words: bool,
) -> Analysis {
    let mut analysis = Analysis::default();
    let mut report_dates: Vec<usize> = Vec::new();
    let mut carried = Carried::new(anchor);
    if let Some(memo) = memo.as_deref_mut() {
        memo.blocks.start();
    }
    for block in blocks(text, body) {
        let block_text = &text[block.range.clone()];
        let analysed = match memo.as_deref_mut() {
            Some(memo) => memo.analysis(block.in_body, block_text, &carried, || {
                analyse_block(block_text, block.in_body, &carried, people, acronyms, near_misses, keep_words)
            }),
            None => Arc::new(analyse_block(block_text, block.in_body, &carried, people, acronyms, near_misses, keep_words)),
        };
        // Without a memo the block's analysis is this document's alone: moved, not copied.
        let BlockAnalysis { analysis: block_analysis, report_dates: block_report_dates, carried: carried_out } =
            Arc::unwrap_or_clone(analysed);
        report_dates.extend(block_report_dates.iter().map(|at| at + analysis.dates.len()));
        analysis.append_shifted(block_analysis, block.range.start);
        carried = carried_out;
    }
    resolve_same_day(text, &mut analysis.dates, &report_dates, &mut analysis.events);
    analysis
}

/// A stretch of a document analysed on its own: the front matter, or a paragraph of the
/// body (lines between blank lines). No sentence, date or quotation crosses a blank line,
/// so a block's analysis depends only on its text and what the blocks before it carry in.
struct Block {
    range: Range<usize>,
    /// Part of the body (sentences are read), not of the front matter (only dates).
    in_body: bool,
}

fn blocks(text: &str, body: Range<usize>) -> Vec<Block> {
    let mut blocks = Vec::new();
    if body.start > 0 {
        blocks.push(Block { range: 0..body.start, in_body: false });
    }
    let mut start: Option<usize> = None;
    let mut line_start = body.start;
    while line_start < body.end {
        let line_end = text[line_start..body.end].find('\n').map_or(body.end, |at| line_start + at + 1);
        let blank = text[line_start..line_end].trim_matches([' ', '\t', '\r', '\n']).is_empty();
        match (blank, start) {
            (true, Some(from)) => {
                blocks.push(Block { range: from..line_start, in_body: true });
                start = None;
            }
            (false, None) => start = Some(line_start),
            _ => {}
        }
        line_start = line_end;
    }
    if let Some(from) = start {
        blocks.push(Block { range: from..body.end, in_body: true });
    }
    blocks
}

/// What one block hands to the next: the date context and who was being written about.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Carried {
    dates: DateContext,
    /// People mentioned so far, the latest last.
    recent: Vec<PersonId>,
    last_subject: Option<PersonId>,
    /// The people of the last sentence with two or more, or of its events.
    context_participants: BTreeSet<PersonId>,
    /// The event a sentence ending in ":" announced, for the list items after it.
    list_context: Option<(EventKind, BTreeSet<PersonId>)>,
}

impl Carried {
    fn new(anchor: DateAnchor) -> Carried {
        Carried {
            dates: DateContext::new(anchor),
            recent: Vec::new(),
            last_subject: None,
            context_participants: BTreeSet::new(),
            list_context: None,
        }
    }
}

/// One block's analysis: offsets from the block's start, sentence and date indexes from
/// its first.
#[derive(Clone, Debug)]
pub struct BlockAnalysis {
    analysis: Analysis,
    /// The dates (indexes into `analysis.dates`) that date a report ("said on Tuesday").
    report_dates: Vec<usize>,
    /// What the block hands to the next.
    carried: Carried,
}

/// The block analyses of a document's last analysis, for the next: a writer changes one
/// paragraph at a time, and the others (same text, same context carried in) are not
/// analysed again. Holds what about two analyses used ([`Kept`]), no more.
#[derive(Debug, Default)]
pub struct BlockMemo {
    /// By whether the block is of the body, its text, and what the blocks before carried in.
    blocks: Kept<(bool, Box<str>, Carried), Arc<BlockAnalysis>>,
    /// Blocks analysed (not taken from the memo), over the memo's life.
    pub analysed: usize,
    /// Blocks taken from the memo, over the memo's life.
    pub reused: usize,
}

impl BlockMemo {
    /// The analysis of a block: kept when a block with this text was analysed with this
    /// context, else made by `analyse`.
    fn analysis(&mut self, in_body: bool, text: &str, carried_in: &Carried, analyse: impl FnOnce() -> BlockAnalysis) -> Arc<BlockAnalysis> {
        let key = (in_body, Box::from(text), carried_in.clone());
        if let Some(kept) = self.blocks.get(&key) {
            self.reused += 1;
            return kept;
        }
        self.analysed += 1;
        let made = Arc::new(analyse());
        self.blocks.insert(key, Arc::clone(&made));
        made
    }
}

/// Analyses one block (its own text, offsets from 0), with what the blocks before carry in.
fn analyse_block(
    text: &str,
    in_body: bool,
    carried_in: &Carried,
    people: &People,
    acronyms: &Acronyms,
    near_misses: bool,
    keep_words: bool,
) -> BlockAnalysis {
    let sentences: Vec<Range<usize>> = if in_body { split_sentences(text) } else { Vec::new() };
    let Carried { dates: mut date_context, mut recent, mut last_subject, mut context_participants, mut list_context } = carried_in.clone();
    let dates = find_dates_in(text, &sentences, &mut date_context);
    // Learning a corpus (`keep_words`) leaves out what only a draft's checks read: the
    // quotations, the persons mentioned, the other names and the quantities.
    let learning = keep_words;
    let quotations = if learning { Vec::new() } else { quotation_ranges(text) };
    let mut analysis = Analysis { sentences: sentences.clone(), quotations, ..Analysis::default() };
    let mut report_dates: Vec<usize> = Vec::new();

    for (sentence_index, sentence) in sentences.iter().enumerate() {
        let sentence_words = words(text, sentence.clone());
        // The dates inside the sentence. Dates come in text order and never overlap, so
        // their starts and ends are both sorted: the ones inside are one run, found by bisection.
        let first_date = dates.partition_point(|d| d.range.start < sentence.start);
        let end_date = first_date + dates[first_date..].partition_point(|d| d.range.end <= sentence.end);
        let date_indexes = first_date..end_date;
        let date_ranges: Vec<Range<usize>> = date_indexes.clone().map(|i| dates[i].range.clone()).collect();
        // The dates do not overlap, so their ends are sorted too: the one a range could
        // overlap is the first that ends after the range starts.
        let in_date = |range: &Range<usize>| {
            let at = date_ranges.partition_point(|d| d.end <= range.start);
            date_ranges.get(at).is_some_and(|d| d.start < range.end)
        };

        // People: names, then descriptions ("the Russian president").
        let mut sentence_persons: Vec<PersonMention> = Vec::new();
        let mut place_candidates: Vec<PlaceMention> = Vec::new();
        let names = find_names_in(text, &sentence_words);
        for mention in &names {
            if in_date(&mention.range) {
                continue;
            }
            let resolved = people.resolve(&mention.text, &recent);
            let (person, near) = match resolved {
                Some(person) => (Some(person), false),
                None if near_misses && !is_country(&mention.text) => {
                    let found = people.near_misses(&mention.text);
                    // After a place preposition, or listed after a place ("Sens. Ada Brannock
                    // of Kentucky and Tam Ostrander"), only a person's surname as written
                    // with a given name a keystroke off: a place is seldom that.
                    let surname_as_written = |spelling: &str| {
                        let parts = name_parts(&mention.text);
                        parts.len() >= 2 && name_parts(spelling).last() == parts.last()
                    };
                    match found[..] {
                        [(person, spelling)] if !mention.after_place_preposition || surname_as_written(&spelling.text) => {
                            (Some(person), true)
                        }
                        _ => (None, false),
                    }
                }
                None => (None, false),
            };
            match person {
                Some(person) => {
                    let full = people.by_spelling(&mention.text).is_some() || (near && name_parts(&mention.text).len() >= 2);
                    remember_recent(&mut recent, person);
                    sentence_persons.push(PersonMention {
                        range: mention.range.clone(),
                        text: mention.text.clone(),
                        person,
                        sentence: sentence_index,
                        full_spelling: full,
                        near_miss: near,
                        title: mention.title.clone(),
                    });
                }
                None => {
                    // "Tarrow, Norway": a place in apposition to a place is one too.
                    let after_place = place_candidates
                        .last()
                        .is_some_and(|last: &PlaceMention| text.get(last.range.end..mention.range.start) == Some(", "));
                    if after_place || is_place_like(text, &sentence_words, mention) {
                        place_candidates.push(PlaceMention {
                            range: mention.range.clone(),
                            text: mention.text.clone(),
                            key: normalise_place(&mention.text),
                        });
                    }
                    if !learning {
                        analysis.other_names.push((sentence_index, mention.clone()));
                    }
                }
            }
        }
        // "Bergen-based Verrin Steel", "a Port Ellery-based startup": where a thing is based.
        let based = based_places(text, &sentence_words);
        if !based.is_empty() {
            for place in based {
                if !place_candidates.iter().any(|p| p.range.start < place.range.end && place.range.start < p.range.end) {
                    place_candidates.push(place);
                }
            }
            place_candidates.sort_by_key(|p| p.range.start);
        }
        for (range, person) in descriptions(text, &sentence_words, people) {
            if !sentence_persons.iter().any(|p| p.range.start < range.end && range.start < p.range.end) {
                remember_recent(&mut recent, person);
                sentence_persons.push(PersonMention {
                    range: range.clone(),
                    text: text[range].to_string(),
                    person,
                    sentence: sentence_index,
                    full_spelling: false,
                    near_miss: false,
                    title: None,
                });
            }
        }
        sentence_persons.sort_by_key(|p| p.range.start);
        let starts_with_pronoun = sentence_words.first().is_some_and(|w| matches!(w.norm.as_ref(), "she" | "he" | "her" | "his"));
        // The subject: the pronoun's antecedent when the sentence opens with one, else the first person named.
        let subject = if starts_with_pronoun {
            last_subject.or(sentence_persons.first().map(|p| p.person))
        } else {
            sentence_persons.first().map(|p| p.person)
        };

        // Triggers.
        let mut triggers = find_triggers(text, &sentence_words, acronyms);
        let is_list_item = sentence_words.first().is_some_and(|w| w.range.start > sentence.start)
            && text[sentence.start..].starts_with(['•', '-', '*', '–'])
            || text[sentence.start..].starts_with('•');
        if triggers.is_empty()
            && is_list_item
            && let Some((kind, _)) = &list_context
        {
            triggers.push(Trigger { kind: *kind, range: sentence.start..sentence.start, word_index: 0, named: None });
        }

        // Participants of each trigger.
        let sentence_person_set: BTreeSet<PersonId> = sentence_persons.iter().map(|p| p.person).collect();
        let mut trigger_participants: Vec<BTreeSet<PersonId>> = Vec::new();
        for (index, trigger) in triggers.iter().enumerate() {
            let window_start = if index == 0 { sentence.start } else { triggers[index - 1].range.end };
            let window_end = triggers.get(index + 1).map_or(sentence.end, |t| t.range.start);
            let possessor = possessor_before(&sentence_words, trigger, &sentence_persons);
            let mut participants: BTreeSet<PersonId> = BTreeSet::new();
            match possessor {
                Some(Possessor::Person(person)) => {
                    participants.insert(person);
                }
                Some(Possessor::Pronoun) => {
                    participants.extend(acting_person_before(&sentence_words, trigger, &sentence_persons).or(subject).or(last_subject));
                }
                Some(Possessor::Plural) => {
                    let before: BTreeSet<PersonId> =
                        sentence_persons.iter().filter(|p| p.range.start < trigger.range.start).map(|p| p.person).collect();
                    participants.extend(if before.is_empty() { context_participants.clone() } else { before });
                }
                None => {
                    // People after a preposition before the event word ("a visit to Varkov, after
                    // leaving ...") belong to the clause before: they are no subject of this one.
                    let window: Vec<&PersonMention> = sentence_persons
                        .iter()
                        .filter(|p| p.range.start >= window_start && p.range.end <= window_end)
                        .filter(|p| p.range.start > trigger.range.start || !is_prepositional_object(&sentence_words, p))
                        .collect();
                    let one_actor = trigger.kind == EventKind::Departure;
                    participants.extend(window.iter().filter(|p| !one_actor || p.range.start < trigger.range.start).map(|p| p.person));
                    if !window.iter().any(|p| p.range.start < trigger.range.start) {
                        if let Some(subject) = subject.filter(|_| !sentence_persons.is_empty()) {
                            participants.insert(subject);
                        } else if sentence_persons.is_empty() {
                            // "She left ...": the last subject; "They met ...", "The last meeting ...": the people of the last event.
                            if starts_with_pronoun {
                                participants.extend(last_subject);
                            } else {
                                participants.extend(context_participants.iter().copied());
                            }
                        }
                    }
                }
            }
            if matches!(trigger.kind, EventKind::Start | EventKind::End) && subject_noun(&sentence_words, trigger.word_index).is_some() {
                // "The strike began": a thing's event has only the people named with it.
                participants.retain(|id| sentence_person_set.contains(id));
            }
            if trigger.kind == EventKind::Meeting && participants.len() == 1 && sentence_person_set.len() > 1 && possessor.is_none() {
                participants.extend(sentence_person_set.iter().copied());
            }
            trigger_participants.push(participants);
        }

        // Dates and places attach to the nearest trigger before them (a date right before a
        // trigger noun, "their Oct. 8 visit", to that one); with none before, to the first after.
        let mut attached: Vec<Vec<Item>> = vec![Vec::new(); triggers.len()];
        for date_index in date_indexes {
            let mention = &dates[date_index];
            let Some(value) = mention.value else { continue };
            if is_dateline(text, &mention.range) {
                continue;
            }
            if let Some(slot) = attach(text, sentence.start, &triggers, &mention.range) {
                // A date still to come after the event's own, a clause on ("signed on
                // Monday night, all but assuring she will be elected today"), dates that
                // clause's verb. (Not a list of occurrences: "in Singapore in June 2018, in
                // Hanoi in February 2019".)
                let own_before = attached[slot].iter().rev().find_map(|item| match item {
                    Item::Date(date) if date.range.end <= mention.range.start && triggers[slot].range.end <= date.range.start => {
                        Some(date.range.end)
                    }
                    _ => None,
                });
                if mention.scheduled && own_before.is_some_and(|end| text[end..mention.range.start].contains([',', ';'])) {
                    continue;
                }
                if triggers[slot].kind == EventKind::Report {
                    report_dates.push(date_index);
                }
                attached[slot].push(Item::Date(EventDate { range: mention.range.clone(), value, year_explicit: mention.year_explicit }));
            }
        }
        analysis.places.extend(place_candidates.iter().map(|place| (sentence_index, place.clone())));
        // A place belongs to the event told just before it, close by ("met Varkov in Korsk").
        for place in place_candidates {
            let slot = triggers.partition_point(|t| t.range.end <= place.range.start).checked_sub(1);
            if let Some(slot) = slot.filter(|&slot| {
                place.range.start - triggers[slot].range.end <= MAX_PLACE_GAP
                    && !text[triggers[slot].range.end..place.range.start].contains(';')
            }) {
                attached[slot].push(Item::Place(place));
            }
        }
        for items in &mut attached {
            items.sort_by_key(|item| item.start());
        }
        for (index, trigger) in triggers.iter().enumerate() {
            if trigger.kind == EventKind::Report {
                continue;
            }
            let participants = trigger_participants[index].clone();
            // Only an event with no people is keyed by its thing ("the strike began").
            let thing = if participants.is_empty() && matches!(trigger.kind, EventKind::Start | EventKind::End | EventKind::Signing) {
                subject_noun(&sentence_words, trigger.word_index)
            } else {
                None
            };
            if participants.is_empty() && trigger.named.is_none() && thing.is_none() {
                continue;
            }
            let (ordinal, ordinal_range) = ordinal_before(&sentence_words, trigger.word_index)
                .or_else(|| ordinal_time_after(&sentence_words, trigger.word_index))
                .unzip();
            for (date, places) in occurrences(&attached[index]) {
                analysis.events.push(EventAssertion {
                    kind: trigger.kind,
                    sentence: sentence_index,
                    trigger: trigger.range.clone(),
                    participants: participants.clone(),
                    named: trigger.named.clone(),
                    thing: thing.clone(),
                    date,
                    places,
                    ordinal,
                    ordinal_range: ordinal_range.clone(),
                });
            }
        }

        // Counts.
        let has_meeting = triggers.iter().any(|t| t.kind == EventKind::Meeting);
        // Made only for a sentence that counts meetings (most count nothing).
        let count_participants = std::cell::LazyCell::new(|| -> BTreeSet<PersonId> {
            if sentence_person_set.len() >= 2 {
                sentence_person_set.clone()
            } else {
                sentence_person_set.iter().copied().chain(context_participants.iter().copied()).collect()
            }
        });
        for quantity in find_quantities_in(text, &sentence_words, &date_ranges) {
            if let Some(unit) = quantity.unit.as_deref() {
                let meeting_unit = matches!(unit, "summit" | "meeting" | "talk" | "encounter") || unit == "time" && has_meeting;
                if meeting_unit {
                    if !quantity.ordinal && count_participants.len() >= 2 {
                        analysis.meeting_counts.push(MeetingCount {
                            sentence: sentence_index,
                            range: quantity.range.clone(),
                            participants: count_participants.clone(),
                            value: quantity.value,
                            precision: quantity.precision,
                            written: text[quantity.range.clone()].to_string(),
                        });
                    }
                } else if unit != "time" && !learning {
                    analysis.quantities.push(QuantityAssertion { sentence: sentence_index, quantity: quantity.clone() });
                }
            }
            // Every number is a figure (moved, not copied, when learning).
            analysis.figures.push((sentence_index, quantity));
        }
        drop(count_participants);

        // Carry context to the next sentence.
        if subject.is_some() {
            last_subject = subject;
        }
        let event_participants: BTreeSet<PersonId> = trigger_participants
            .iter()
            .zip(&triggers)
            .filter(|(_, t)| t.kind != EventKind::Report)
            .flat_map(|(p, _)| p.iter().copied())
            .collect();
        if sentence_person_set.len() >= 2 {
            context_participants = sentence_person_set.clone();
        } else if !event_participants.is_empty() {
            context_participants = event_participants;
        } else if sentence_persons.is_empty() && triggers.iter().all(|t| t.kind == EventKind::Report) {
            // A sentence of no one and no event has moved on: "the deal" two paragraphs
            // later is no longer those people's event.
            context_participants.clear();
        }
        if text[..sentence.end].trim_end().ends_with(':')
            && let Some(trigger) = triggers.iter().find(|t| t.kind != EventKind::Report)
        {
            list_context = Some((trigger.kind, context_participants.clone()));
        } else if !is_list_item {
            list_context = None;
        }
        if !learning {
            analysis.persons.extend(sentence_persons);
        }
        if keep_words {
            analysis.kept_words.extend(sentence_words.into_iter().map(|word| KeptWord {
                norm: match word.norm {
                    std::borrow::Cow::Borrowed(norm) => KeptNorm::Prefix(norm.len()),
                    std::borrow::Cow::Owned(norm) => KeptNorm::Owned(norm),
                },
                range: word.range,
            }));
            analysis.kept_word_ends.push(analysis.kept_words.len());
        }
    }
    analysis.dates = dates;
    let carried = Carried { dates: date_context, recent, last_subject, context_participants, list_context };
    BlockAnalysis { analysis, report_dates, carried }
}

impl Analysis {
    /// Appends a block's analysis, its offsets moved by `offset` and its sentence indexes
    /// after this analysis's.
    fn append_shifted(&mut self, block: Analysis, offset: usize) {
        let first_sentence = self.sentences.len();
        let shift = |range: &mut Range<usize>| *range = range.start + offset..range.end + offset;
        let shift_title = |title: &mut Option<TitleMention>| {
            if let Some(title) = title {
                shift(&mut title.range);
            }
        };
        self.sentences.extend(block.sentences.into_iter().map(|mut sentence| {
            shift(&mut sentence);
            sentence
        }));
        self.dates.extend(block.dates.into_iter().map(|mut date| {
            shift(&mut date.range);
            date
        }));
        self.persons.extend(block.persons.into_iter().map(|mut person| {
            shift(&mut person.range);
            person.sentence += first_sentence;
            shift_title(&mut person.title);
            person
        }));
        self.other_names.extend(block.other_names.into_iter().map(|(sentence, mut name)| {
            shift(&mut name.range);
            shift_title(&mut name.title);
            (sentence + first_sentence, name)
        }));
        self.events.extend(block.events.into_iter().map(|mut event| {
            event.sentence += first_sentence;
            shift(&mut event.trigger);
            if let Some(date) = &mut event.date {
                shift(&mut date.range);
            }
            for place in &mut event.places {
                shift(&mut place.range);
            }
            if let Some(range) = &mut event.ordinal_range {
                shift(range);
            }
            event
        }));
        self.meeting_counts.extend(block.meeting_counts.into_iter().map(|mut count| {
            count.sentence += first_sentence;
            shift(&mut count.range);
            count
        }));
        self.quantities.extend(block.quantities.into_iter().map(|mut quantity| {
            quantity.sentence += first_sentence;
            shift(&mut quantity.quantity.range);
            if let Some(range) = &mut quantity.quantity.unit_range {
                shift(range);
            }
            quantity
        }));
        self.quotations.extend(block.quotations.into_iter().map(|mut quotation| {
            shift(&mut quotation);
            quotation
        }));
        self.places.extend(block.places.into_iter().map(|(sentence, mut place)| {
            shift(&mut place.range);
            (sentence + first_sentence, place)
        }));
        let words_before = self.kept_words.len();
        self.kept_word_ends.extend(block.kept_word_ends.into_iter().map(|end| end + words_before));
        self.kept_words.extend(block.kept_words.into_iter().map(|mut word| {
            shift(&mut word.range);
            word
        }));
        self.figures.extend(block.figures.into_iter().map(|(sentence, mut figure)| {
            shift(&mut figure.range);
            if let Some(range) = &mut figure.unit_range {
                shift(range);
            }
            (sentence + first_sentence, figure)
        }));
    }
}

/// Notes a person as the most recently mentioned. Name resolution only asks for the
/// newest fitting person of the list, so each person is kept once, at its latest place:
/// the list stays as short as the document's cast however long the document is.
fn remember_recent(recent: &mut Vec<PersonId>, person: PersonId) {
    if let Some(at) = recent.iter().position(|&p| p == person) {
        recent.remove(at);
    }
    recent.push(person);
}

/// "the same day", "that day" and "earlier the same day" refer to the day of the last
/// event told, not to the day it was reported ("met Varkov on Monday, state media said
/// Tuesday. Earlier the same day, ..." is Monday). Re-resolves those mentions and the
/// events they date.
fn resolve_same_day(text: &str, dates: &mut [DateMention], report_dates: &[usize], events: &mut [EventAssertion]) {
    static SAME_DAY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\b(?:the same day|that same day|that day)\b").expect("same day pattern"));
    let mut last_event_day: Option<DateValue> = None;
    // The events by where their date starts, made at the first "that day" (most documents
    // have none), so that each one finds its events without reading them all.
    let mut events_by_date: Option<BTreeMap<usize, Vec<usize>>> = None;
    for (index, mention) in dates.iter_mut().enumerate() {
        let range = mention.range.clone();
        let is_same_day = mention.form == DateForm::Relative && SAME_DAY.is_match(&text[range.clone()]);
        if is_same_day && let Some(day) = last_event_day {
            mention.value = Some(day);
            let by_date = events_by_date.get_or_insert_with(|| {
                let mut by_date: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
                for (at, event) in events.iter().enumerate() {
                    if let Some(date) = &event.date {
                        by_date.entry(date.range.start).or_default().push(at);
                    }
                }
                by_date
            });
            for &at in by_date.get(&range.start).into_iter().flatten() {
                if let Some(date) = events[at].date.as_mut().filter(|d| d.range == range) {
                    date.value = day;
                }
            }
        }
        if report_dates.binary_search(&index).is_ok() {
            continue;
        }
        match mention.value {
            Some(value @ DateValue::Day(_)) => last_event_day = Some(value),
            // After a span of days ("in late January"), "that day" points at no day.
            Some(DateValue::Days(..) | DateValue::Month { .. }) => last_event_day = None,
            _ => {}
        }
    }
}

#[derive(Clone, Debug)]
enum Item {
    Date(EventDate),
    Place(PlaceMention),
}

impl Item {
    fn start(&self) -> usize {
        match self {
            Item::Date(date) => date.range.start,
            Item::Place(place) => place.range.start,
        }
    }
}

/// Splits a trigger's dates and places into occurrences: "a summit in Port Ellery in May
/// 2016 and another in Tarrow, Norway, in March 2017" is two.
fn occurrences(items: &[Item]) -> Vec<(Option<EventDate>, Vec<PlaceMention>)> {
    let mut out: Vec<(Option<EventDate>, Vec<PlaceMention>)> = Vec::new();
    let mut current: (Option<EventDate>, Vec<PlaceMention>) = (None, Vec::new());
    for item in items {
        match item {
            Item::Date(date) => {
                if current.0.is_some() {
                    out.push(std::mem::take(&mut current));
                }
                current.0 = Some(date.clone());
            }
            Item::Place(place) => {
                if current.0.is_some() && !current.1.is_empty() {
                    out.push(std::mem::take(&mut current));
                }
                current.1.push(place.clone());
            }
        }
    }
    if current.0.is_some() || !current.1.is_empty() || out.is_empty() {
        out.push(current);
    }
    out
}

/// A date written as a label of the article ("date 2025-03-06", "Published: 14 Oct. 2025"):
/// the publication date, not an event's.
fn is_dateline(text: &str, range: &Range<usize>) -> bool {
    // The line before the date, read backwards: a label is a few words, so more than
    // `LONGEST` characters that are not spaces mean no label (and the work per date stays
    // small however long the line is).
    const LONGEST: usize = 24;
    let head = &text[..range.start];
    let mut line_start = 0;
    let mut printed = 0;
    for (at, c) in head.char_indices().rev() {
        if c == '\n' {
            line_start = at + 1;
            break;
        }
        if !c.is_whitespace() {
            printed += 1;
            if printed > LONGEST {
                return false;
            }
        }
    }
    let label = head[line_start..].trim().trim_end_matches(':').to_lowercase();
    matches!(label.as_str(), "date" | "published" | "updated" | "posted" | "dateline" | "first published" | "last updated")
}

fn attach(text: &str, sentence_start: usize, triggers: &[Trigger], range: &Range<usize>) -> Option<usize> {
    // A date or place right before a trigger noun belongs to it ("their Oct. 8 visit", "last month's meeting").
    // Triggers come in text order and never overlap: both their starts and their ends are
    // sorted, so the ones before and after a date are found by bisection.
    let first_after = triggers.partition_point(|t| t.range.start < range.end);
    if let Some(next) = (first_after < triggers.len()).then_some(first_after) {
        let gap = &text[range.end..triggers[next].range.start];
        let gap = gap.trim();
        if gap.is_empty() || gap == "'s" || gap == "’s" {
            return Some(next);
        }
    }
    let before = triggers.partition_point(|t| t.range.end <= range.start).checked_sub(1);
    // With no event told before it, a date belongs to the first event after it only when it
    // opens the sentence ("On Monday, Roe met Varkov"); otherwise to a verb we do not model.
    let opens_sentence =
        text[sentence_start..range.start].split_whitespace().nth(1).is_none() && text[range.end..].trim_start().starts_with(',');
    before.or((opens_sentence && first_after < triggers.len()).then_some(first_after))
}

fn find_triggers(text: &str, words: &[Word], acronyms: &Acronyms) -> Vec<Trigger> {
    let mut triggers: Vec<Trigger> = Vec::new();
    let mut index = 0;
    while index < words.len() {
        let word = &words[index];
        let lower = word.norm.as_ref();
        let next = words.get(index + 1).map(|w| w.norm.as_ref());
        let mut range = word.range.clone();
        let mut kind = trigger_kind(lower);
        if lower == "courtesy" && matches!(next, Some("call" | "visit")) {
            kind = Some(EventKind::Meeting);
            range = word.range.start..words[index + 1].range.end;
            index += 1;
        }
        if lower == "due" && matches!(next, Some("in" | "to")) {
            kind = Some(EventKind::Visit);
        }
        if lower == "left" {
            // The verb, not the direction ("Varkov, left, shakes hands").
            let followed =
                words.get(index + 1).is_some_and(|w| w.is_capitalised() || matches!(w.norm.as_ref(), "for" | "the" | "on" | "office"));
            let comma_before = text[..word.range.start].trim_end().ends_with(',');
            if !followed || comma_before {
                kind = None;
            }
        }
        // "received Roe", "hosted Foreign Minister Roe": a meeting; "received a boost": not.
        if matches!(lower, "received" | "receives" | "receiving" | "hosted" | "hosts" | "hosting")
            && words.get(index + 1).is_some_and(|w| w.is_capitalised())
        {
            kind = Some(EventKind::Meeting);
        }
        if lower == "according" && next != Some("to") {
            kind = None;
        }
        if lower == "leave" && matches!(next, Some("of")) {
            kind = None;
        }
        let Some(mut kind) = kind else {
            index += 1;
            continue;
        };
        // "The summit opens on Oct. 23", "talks ended Friday": the start or end of an event
        // just named is that event's date, not an event of its own.
        if matches!(kind, EventKind::Start | EventKind::End)
            && let Some(last) = triggers.last()
            && last.kind != EventKind::Report
            && index - last.word_index <= 3
            && words[last.word_index + 1..index]
                .iter()
                .all(|w| matches!(w.norm.as_ref(), "will" | "was" | "is" | "has" | "had" | "officially" | "formally" | "finally"))
        {
            index += 1;
            continue;
        }
        let mut named = None;
        if matches!(kind, EventKind::Meeting | EventKind::Gathering) {
            named = named_event_near(text, words, index, acronyms);
            if named.is_some() {
                kind = EventKind::Gathering;
            } else if kind == EventKind::Gathering {
                index += 1;
                continue;
            }
        }
        triggers.push(Trigger { kind, range, word_index: index, named });
        index += 1;
    }
    triggers
}

/// An acronym ("NMC", "G20") or a long name with a known acronym just before a gathering word.
fn named_event_near(text: &str, words: &[Word], index: usize, acronyms: &Acronyms) -> Option<String> {
    let start = index.saturating_sub(4);
    for candidate in words[start..index].iter().rev() {
        let bare = candidate.text.trim_end_matches('.');
        let is_acronym = (2..=8).contains(&bare.len())
            && bare.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && bare.chars().any(|c| c.is_ascii_uppercase())
            && !matches!(bare, "US" | "UK" | "UN" | "EU" | "KCNA" | "TASS" | "AP" | "AFP" | "RIA");
        if is_acronym {
            return Some(bare.to_lowercase());
        }
    }
    // "the Northern Maritime Cooperation gathering".
    if acronyms.long_to_short.is_empty() {
        return None;
    }
    let before = &text[..words[index].range.start];
    let mut lowered: Option<String> = None;
    acronyms.long_to_short.iter().find(|(long, _)| lower_trimmed_ends_with(before, long, &mut lowered)).map(|(_, short)| short.clone())
}

/// `text.to_lowercase().trim_end().ends_with(suffix)`, without lower-casing the whole text
/// (everything before the event word) when the end that matters is ASCII: ASCII letters
/// lower-case alone, whatever stands before them. Otherwise lower-cases all of it, once
/// (kept in `lowered`).
fn lower_trimmed_ends_with(text: &str, suffix: &str, lowered: &mut Option<String>) -> bool {
    ascii_lower_ends_with(text.trim_end(), suffix)
        .unwrap_or_else(|| lowered.get_or_insert_with(|| text.to_lowercase()).trim_end().ends_with(suffix))
}

/// `text.to_lowercase().ends_with(suffix)` when the last `suffix.len()` bytes of `text`
/// are ASCII (which lower-case alone, whatever stands before them); `None` otherwise.
fn ascii_lower_ends_with(text: &str, suffix: &str) -> Option<bool> {
    let tail = text.len().checked_sub(suffix.len()).and_then(|at| text.get(at..)).filter(|tail| tail.is_ascii())?;
    Some(tail.bytes().map(|b| b.to_ascii_lowercase()).eq(suffix.bytes()))
}

#[derive(Clone, Copy, Debug)]
enum Possessor {
    Person(PersonId),
    Pronoun,
    Plural,
}

/// "his visit", "Hollis's visit", "her overseas trip": whose event it is.
fn possessor_before(words: &[Word], trigger: &Trigger, persons: &[PersonMention]) -> Option<Possessor> {
    let index = trigger.word_index;
    for back in 1..=2 {
        let word = words.get(index.checked_sub(back)?)?;
        let lower = word.norm.as_ref();
        match lower {
            "his" | "her" => return Some(Possessor::Pronoun),
            "their" => return Some(Possessor::Plural),
            _ => {}
        }
        if word.text.ends_with("'s") || word.text.ends_with("’s") {
            let end = word.range.end;
            return persons
                .iter()
                .find(|p| p.range.end + 2 >= end && p.range.end <= end && p.range.start >= word.range.start.saturating_sub(40))
                .map(|p| Possessor::Person(p.person));
        }
        // Only an adjective may stand between the possessor and the event noun.
        if back == 1
            && !(lower.ends_with("al")
                || lower.ends_with("ic")
                || lower.ends_with("ous")
                || lower.contains('-')
                || matches!(
                    lower,
                    "overseas"
                        | "first"
                        | "last"
                        | "latest"
                        | "brief"
                        | "surprise"
                        | "upcoming"
                        | "planned"
                        | "possible"
                        | "recent"
                        | "trip"
                ))
        {
            return None;
        }
    }
    None
}

/// Whether a person is named right after a preposition ("to Varkov", "with her counterpart Marlov").
fn is_prepositional_object(words: &[Word], person: &PersonMention) -> bool {
    let start = person.title.as_ref().map_or(person.range.start, |t| t.range.start.min(person.range.start));
    let Some(position) = words.iter().position(|w| w.range.start >= start) else { return false };
    words[..position].iter().rev().take(3).any(|w| matches!(w.norm.as_ref(), "to" | "with" | "on" | "by" | "for" | "from" | "of"))
        && !words[..position].last().is_some_and(|w| matches!(w.norm.as_ref(), "and" | ","))
}

/// Words after a name that show it is the subject of a verb ("Hollis has voiced", "Roe departed").
fn is_verb_after_subject(word: &str) -> bool {
    matches!(
        word,
        "has" | "had" | "is" | "was" | "will" | "would" | "could" | "may" | "might" | "said" | "says" | "also" | "then" | "later"
    ) || word.len() > 3 && (word.ends_with("ed") || word.ends_with('s') && !word.ends_with("ss"))
}

/// For "his visit", "her trip": the nearest person before the event word who is the
/// subject of a verb, the likeliest owner of the pronoun.
fn acting_person_before(words: &[Word], trigger: &Trigger, persons: &[PersonMention]) -> Option<PersonId> {
    persons
        .iter()
        .rev()
        .filter(|p| p.range.end <= trigger.range.start)
        .find(|p| words.iter().find(|w| w.range.start >= p.range.end).is_some_and(|next| is_verb_after_subject(&next.norm)))
        .map(|p| p.person)
}

/// The noun a thing-event is told of: "The strike began", "the treaty was signed",
/// "The talks ended": the nearest noun before the verb (past an auxiliary).
fn subject_noun(words: &[Word], index: usize) -> Option<String> {
    let mut back = index.checked_sub(1)?;
    while matches!(
        words[back].norm.as_ref(),
        "was" | "were" | "is" | "are" | "has" | "have" | "had" | "been" | "be" | "officially" | "finally" | "formally"
    ) {
        back = back.checked_sub(1)?;
    }
    let word = words[back].norm.as_ref();
    let is_noun_like = word.len() > 2
        && word.chars().all(|c| c.is_alphabetic() || c == '-')
        && !words[back].is_capitalised()
        && !STOPWORDS.contains(&word)
        && !matches!(word, "she" | "he" | "they" | "who" | "which" | "that" | "also" | "then" | "later" | "jointly");
    is_noun_like.then(|| singular(word))
}

/// "met for a fourth time", "met for the first time".
fn ordinal_time_after(words: &[Word], index: usize) -> Option<(i32, Range<usize>)> {
    let next: Vec<&str> = words.iter().skip(index + 1).take(4).map(|w| w.norm.as_ref()).collect();
    let ordinal_at = match next.as_slice() {
        ["for", "a" | "the", _, "time", ..] => 3,
        _ => return None,
    };
    let (value, _) = ordinal_before(words, index + ordinal_at + 1)?;
    Some((value, words[index + ordinal_at].range.clone()))
}

fn ordinal_before(words: &[Word], index: usize) -> Option<(i32, Range<usize>)> {
    for back in 1..=2 {
        let word = words.get(index.checked_sub(back)?)?;
        let value = match word.norm.as_ref() {
            "first" => 1,
            "second" => 2,
            "third" => 3,
            "fourth" => 4,
            "fifth" => 5,
            "last" | "latest" | "final" | "most" => -1,
            _ => continue,
        };
        return Some((value, word.range.clone()));
    }
    None
}

/// Whether an unresolved capitalised name reads as a place.
fn is_place_like(text: &str, words: &[Word], mention: &NameMention) -> bool {
    if mention.text.split_whitespace().any(|w| w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase())) {
        return false;
    }
    // "the Russian capital": a nationality adjective qualifies a place, it is none.
    if is_country(&mention.text) && !is_country_name(&mention.text) {
        return false;
    }
    let position = words.iter().position(|w| w.range.start == mention.range.start);
    let previous = position.and_then(|i| i.checked_sub(1)).map(|i| words[i].norm.as_ref());
    let before_previous = position.and_then(|i| i.checked_sub(2)).map(|i| words[i].norm.as_ref());
    let after_according = matches!(before_previous, Some("according")) && previous == Some("to");
    if after_according {
        return false;
    }
    // "in Super Bowl history", "in Cup lore": the name of a series of events, no place.
    let next = position.and_then(|i| words[i + 1..].iter().find(|w| w.range.start >= mention.range.end)).map(|w| w.norm.as_ref());
    if matches!(next, Some("history" | "lore" | "annals" | "records")) {
        return false;
    }
    // "34 kilometres northeast of Darrow": a point told by its distance from a place. (Without
    // the distance, "north of Darrow" is any of many places the sources may name otherwise.)
    let distance_before = || {
        position.and_then(|i| i.checked_sub(3)).is_some_and(|i| {
            matches!(
                words[i].norm.as_ref(),
                "km" | "kilometre" | "kilometres" | "kilometer" | "kilometers" | "mile" | "miles" | "metres" | "meters" | "feet"
            )
        })
    };
    let after_place_noun = previous == Some("of")
        && before_previous.is_some_and(|w| PLACE_NOUNS.contains(&w) || w == "out" || super::evidence::of_place(w) && distance_before());
    let after_capital_comma = text[..mention.range.start].trim_end().strip_suffix(',').is_some_and(|head| {
        let head = head.trim_end();
        ascii_lower_ends_with(head, "capital").unwrap_or_else(|| head.to_lowercase().ends_with("capital"))
    });
    let object_of_movement =
        matches!(previous, Some("left" | "leaving" | "departed")) || previous.is_some_and(|w| super::evidence::VISITING.contains(&w));
    // Before a noun it locates: "a Carrow resident", "the Tolby courtroom".
    let before_located_noun = previous.is_some_and(|w| super::evidence::before_located_noun(w, text, &mention.range));
    // "the border with Tarnia": the country across it.
    let across_border = previous.is_some_and(|w| super::evidence::across_border(w, before_previous));
    (mention.after_place_preposition && previous != Some("of"))
        || across_border
        || after_place_noun
        || after_capital_comma
        || object_of_movement
        || before_located_noun
}

/// The places of "X-based" words: "Bergen-based", "Port Ellery-based" (with the capitalised
/// words joined before it), each without its "-based"; so too "X-headquartered" and
/// "X-born".
fn based_places(text: &str, words: &[Word]) -> Vec<PlaceMention> {
    let mut found = Vec::new();
    for (index, word) in words.iter().enumerate() {
        let Some(place) = super::evidence::split_place_suffix(word.text)
            .map(|(place, _)| place)
            .filter(|p| p.starts_with(|c: char| c.is_uppercase()) && p.len() > 1)
        else {
            continue;
        };
        // ("AI-based", "GPU-based": an acronym is a technology, not a place, unless a country's.)
        if !place.chars().any(char::is_lowercase) && !is_country(place) {
            continue;
        }
        let mut start = index;
        while start > 0 {
            let previous = &words[start - 1];
            let joined = text.get(previous.range.end..words[start].range.start) == Some(" ");
            let name_word =
                previous.is_capitalised() && !crate::annotate::names::is_not_name_word(&previous.norm) && !previous.text.ends_with('.');
            // (The sentence's first word joins only a place of three words at most, "Port
            // Ellery-based"; an article never does, "The Bergen-based".)
            if !joined || !name_word || start - 1 == 0 && index - start >= 2 {
                break;
            }
            start -= 1;
        }
        let range = words[start].range.start..word.range.start + place.len();
        found.push(PlaceMention { range: range.clone(), text: text[range.clone()].to_string(), key: normalise_place(&text[range]) });
    }
    found
}

/// Descriptions that stand for a person: "the Russian president", "the republic's leader".
fn descriptions(text: &str, words: &[Word], people: &People) -> Vec<(Range<usize>, PersonId)> {
    let mut found = Vec::new();
    for (index, word) in words.iter().enumerate() {
        if !is_normal_title_head(&word.norm) {
            continue;
        }
        // Not followed by a name.
        if words.get(index + 1).is_some_and(|w| w.is_capitalised() && text[word.range.end..w.range.start] == *" ") {
            continue;
        }
        // Walk back to "the" over qualifiers.
        let mut start = index;
        let mut qualifier_words = Vec::new();
        while start > 0 && index - start < 4 {
            let previous = &words[start - 1];
            let lower = previous.norm.as_ref();
            if lower == "the" {
                break;
            }
            if previous.is_capitalised() || lower == "north's" {
                qualifier_words.insert(0, lower);
                start -= 1;
            } else {
                break;
            }
        }
        if start == 0 || words[start - 1].norm != "the" || qualifier_words.is_empty() {
            continue;
        }
        let qualifier = normalise_place(&qualifier_words.join(" "));
        let core = word.norm.as_ref();
        if let Some(person) = people.by_unique_title(Some(&qualifier), core) {
            found.push((words[start - 1].range.start..word.range.end, person));
        }
    }
    found
}

const STOPWORDS: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "on", "at", "for", "from", "by", "with", "and", "or", "but", "as", "is", "was", "were", "are",
    "be", "been", "has", "have", "had", "its", "it", "their", "his", "her", "that", "this", "which", "who", "about", "around", "some",
    "nearly", "almost", "more", "than", "over", "into", "since", "such", "also", "will", "would", "could", "there", "they", "she", "he",
    "after", "before", "during", "not",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;
    use crate::facts::FactBase;

    /// The words an analysis keeps for the evidence index are the words a fresh split of
    /// each sentence gives (ranges, text and normal form), block after block.
    #[test]
    fn a_learning_analysis_keeps_the_split_words_and_what_learning_reads() {
        let world = crate::synth::World::new(11);
        let mut texts: Vec<(String, String)> = (0..40).map(|k| world.article(k)).collect();
        texts.push((
            "wide.md".into(),
            "---\npublished: 2025-10-28\n---\nÉmile Zola’s visit to Zürich, Oct. 3.\n\nThe U.S. envoy's \
             talks with Dr. Ryom Tae-sok's aide ended 40-22 on Monday.\nSHE SAID: “It’s over.”\n\n\n- A list item\n"
                .into(),
        ));
        let (corpus, _) = Corpus::from_texts(texts);
        let facts = FactBase::build(&corpus);
        let (mut checked, mut left_out) = (0, 0);
        for document in &corpus.documents {
            let anchor = DateAnchor { published: document.published, fallback_year: None, written_by: None };
            let text = &document.text;
            let kept = analyse_keeping_words(text, document.body.clone(), anchor, &facts.people, &facts.acronyms, false);
            let plain = analyse(text, document.body.clone(), anchor, &facts.people, &facts.acronyms, false);
            assert_eq!(kept.sentences, plain.sentences);
            // What learning reads is what a full analysis finds; what only drafts read is left out.
            let learned = |a: &Analysis| format!("{:?}", (&a.dates, &a.events, &a.meeting_counts, &a.places, &a.figures));
            assert_eq!(learned(&kept), learned(&plain), "{}", document.path.display());
            assert!(kept.persons.is_empty() && kept.other_names.is_empty() && kept.quantities.is_empty() && kept.quotations.is_empty());
            left_out += plain.persons.len() + plain.other_names.len() + plain.quantities.len() + plain.quotations.len();
            assert_eq!(kept.kept_word_ends.len(), kept.sentences.len());
            assert!(plain.kept_words.is_empty() && plain.kept_word_ends.is_empty());
            for (index, sentence) in kept.sentences.iter().enumerate() {
                let fresh = words(text, sentence.clone());
                assert_eq!(kept.sentence_words(text, index), fresh, "{}: sentence {index}", document.path.display());
                assert_eq!(plain.sentence_words(text, index), fresh);
                checked += fresh.len();
            }
        }
        assert!(checked > 1000, "only {checked} words compared");
        assert!(left_out > 100, "only {left_out} persons, names, quantities and quotations left out");
    }
}
