//! The fact base: what the corpus says, merged across sources, every fact with citations.
//!
//! Built in two passes over the corpus. The first learns people (spellings merged by
//! name parts) and the titles they hold, and acronyms; the second analyses every article
//! with that knowledge ([`extract::analyse`]) and keeps each event and meeting count as a
//! fact: the sentence that states it and the number of its statement. What is stated
//! ([`StoredEvent`], [`StoredCount`]) is kept once however many facts state it: a large
//! archive repeats the same events many times. Every sentence with its lemmas and typed
//! values goes into the evidence index ([`evidence`]), which the value alignment reads.

pub mod evidence;
pub mod extract;
pub mod people;
pub mod synonyms;
pub mod written;

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::{FxHashMap as HashMap, FxHashSet};
use std::fmt::Write as _;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::annotate::counts::Precision;
use crate::annotate::dates::{DateAnchor, DateValue};
use crate::annotate::names::find_names;
use crate::annotate::outlet::OutletSource;
use crate::annotate::sentences::split_sentences;
use crate::corpus::{Corpus, DateSource, Document};
use crate::finding::Citation;
use extract::{Acronyms, Analysis, EventAssertion, EventKind, analyse_keeping_words};
use people::{People, PersonId, given_name_shaped, is_full_person_name, referred_to_by_surname};

/// A passage of a corpus document, as kept in the fact base: 12 bytes where a
/// [`Citation`] takes a few hundred (path, names and quote copied). Turned into a
/// [`Citation`] by [`FactBase::cite`] only for the evidence a check keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CiteRef {
    pub source: u32,
    pub start: u32,
    pub end: u32,
}

impl CiteRef {
    pub fn new(source: usize, range: Range<usize>) -> CiteRef {
        let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        CiteRef { source: narrow(source), start: narrow(range.start), end: narrow(range.end) }
    }

    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// What is kept of each corpus document.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SourceInfo {
    pub path: PathBuf,
    pub file_name: String,
    pub outlet: Option<String>,
    /// Where the outlet was found (front matter, a credit, a byline...).
    pub outlet_from: Option<OutletSource>,
    pub title: Option<String>,
    pub published: Option<Date>,
    pub published_from: Option<DateSource>,
    /// The document's text, shared with the corpus (one copy in memory; not stored twice
    /// in the index cache, which links it again).
    #[serde(skip)]
    pub text: Arc<str>,
    /// Where each line starts (texts are at most [`crate::corpus::MAX_ARTICLE_BYTES`]).
    line_starts: Box<[u32]>,
}

/// Where each line of a text starts. A line ends at `\n`, `\r\n` or a lone `\r`.
fn line_starts(text: &str) -> Box<[u32]> {
    let first = std::iter::once(0);
    if !text.contains('\r') {
        return first.chain(text.match_indices('\n').map(|(at, _)| at as u32 + 1)).collect();
    }
    let bytes = text.as_bytes();
    let ends_line = |at: usize| bytes[at] == b'\n' || bytes[at] == b'\r' && bytes.get(at + 1) != Some(&b'\n');
    first.chain((0..bytes.len()).filter(|&at| ends_line(at)).map(|at| at as u32 + 1)).collect()
}

impl SourceInfo {
    fn new(document: &Document) -> SourceInfo {
        SourceInfo {
            path: document.path.clone(),
            file_name: document.file_name.clone(),
            outlet: document.meta.outlet.clone(),
            outlet_from: document.meta.outlet_from,
            title: document.meta.title.clone(),
            published: document.published,
            published_from: document.published_from,
            text: Arc::clone(&document.text),
            line_starts: line_starts(&document.text),
        }
    }

    /// A citation of a byte range of this document.
    pub fn cite(&self, range: Range<usize>) -> Citation {
        let line_of = |offset: usize| self.line_starts.partition_point(|&start| start as usize <= offset);
        Citation {
            path: self.path.clone(),
            file_name: self.file_name.clone(),
            line: line_of(range.start),
            end_line: line_of(range.end.saturating_sub(1).max(range.start)),
            quote: self.text[range.clone()].to_string(),
            range,
            outlet: self.outlet.clone(),
            published: self.published,
        }
    }

    /// How the source is named to a reader: outlet, else file name.
    pub fn label(&self) -> &str {
        self.outlet.as_deref().unwrap_or(&self.file_name)
    }
}

/// A place of an event statement, as stored: as written, and normalised.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct StoredPlace {
    pub text: Box<str>,
    /// Normalised ("moscow", "south korea").
    pub key: Box<str>,
}

/// The date of an event statement, as stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct StoredDate {
    pub value: DateValue,
    pub year_explicit: bool,
}

/// An event as the corpus states it, kept once however many facts state it: what makes
/// two event facts one statement, and all that the checks, the disputes and the corpus
/// report read of one. (Where a source writes it is the fact's citation; where in the
/// sentence each part stands is not kept.)
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct StoredEvent {
    pub kind: EventKind,
    /// Ascending, each once.
    pub participants: Box<[PersonId]>,
    /// A named gathering's key ("apec").
    pub named: Option<Box<str>>,
    /// For an event told of a thing, not of people: that thing ("strike").
    pub thing: Option<Box<str>>,
    pub date: Option<StoredDate>,
    pub places: Box<[StoredPlace]>,
    /// 1 for "first", 2 for "second", -1 for "last".
    pub ordinal: Option<i32>,
}

impl StoredEvent {
    fn of(event: &EventAssertion) -> StoredEvent {
        StoredEvent {
            kind: event.kind,
            participants: event.participants.iter().copied().collect(),
            named: event.named.as_deref().map(Box::from),
            thing: event.thing.as_deref().map(Box::from),
            date: event.date.as_ref().map(|d| StoredDate { value: d.value, year_explicit: d.year_explicit }),
            places: event.places.iter().map(|p| StoredPlace { text: p.text.as_str().into(), key: p.key.as_str().into() }).collect(),
            ordinal: event.ordinal,
        }
    }

    /// Whether every one of `people` takes part.
    pub fn includes(&self, people: &BTreeSet<PersonId>) -> bool {
        includes(&self.participants, people)
    }
}

/// Whether an ascending list holds every one of `people`.
fn includes(participants: &[PersonId], people: &BTreeSet<PersonId>) -> bool {
    people.len() <= participants.len() && people.iter().all(|p| participants.binary_search(p).is_ok())
}

/// An event as one source states it: where, and which statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventFact {
    pub citation: CiteRef,
    /// Index in [`FactBase::event_statements`].
    pub statement: u32,
}

/// A meeting count as the corpus states it, kept once however many facts state it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredCount {
    /// Ascending, each once.
    pub participants: Box<[PersonId]>,
    pub value: f64,
    pub precision: Precision,
}

/// A meeting count as one source states it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountFact {
    pub citation: CiteRef,
    /// Index in [`FactBase::count_statements`].
    pub statement: u32,
}

/// Numbers values in the order they are first given: equal values get the same number.
/// What the fact base keeps once per statement is numbered so while learning.
struct Numbering<T> {
    ids: HashMap<T, u32>,
}

impl<T> Default for Numbering<T> {
    fn default() -> Numbering<T> {
        Numbering { ids: HashMap::default() }
    }
}

impl<T: std::hash::Hash + Eq> Numbering<T> {
    fn id(&mut self, value: T) -> u32 {
        let next = self.ids.len() as u32;
        *self.ids.entry(value).or_insert(next)
    }

    /// The values, each once, by number.
    fn into_values(self) -> Vec<T> {
        let mut numbered: Vec<(u32, T)> = self.ids.into_iter().map(|(value, id)| (id, value)).collect();
        numbered.sort_unstable_by_key(|(id, _)| *id);
        numbered.into_iter().map(|(_, value)| value).collect()
    }
}

/// [`Precision`] as part of a statement's identity.
#[derive(Clone, Copy, PartialEq, Eq)]
struct PrecisionKey(Precision);

impl std::hash::Hash for PrecisionKey {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (self.0 as u8).hash(state);
    }
}

/// The statements met while learning, numbered (a number's bits stand for it).
#[derive(Default)]
struct Statements {
    events: Numbering<StoredEvent>,
    counts: Numbering<(Box<[PersonId]>, u64, PrecisionKey)>,
}

/// Facts that state the same thing (one event with the same people, date, places and
/// ordinal; one count), from one source or many. A check
/// compares a claim with each statement once, however many articles repeat it: its cost
/// follows what the corpus says, not how often it says it.
#[derive(Clone, Debug, Default)]
pub struct Group {
    /// Fact indexes, ascending: the facts that state the statement.
    pub members: Vec<u32>,
    /// The members' sources, ascending, each once.
    pub sources: Vec<u32>,
}

impl Group {
    fn add(&mut self, at: u32, source: u32) {
        self.members.push(at);
        // Facts are added in corpus order, so sources arrive ascending.
        if self.sources.last() != Some(&source) {
            self.sources.push(source);
        }
    }

    pub fn first(&self) -> u32 {
        self.members[0]
    }
}

/// A statement of an event, as the checks see it: what is stated, and by whom.
#[derive(Clone, Copy, Debug)]
pub struct EventStatement<'a> {
    pub event: &'a StoredEvent,
    pub group: &'a Group,
}

/// A meeting count as stated by one or more sources.
#[derive(Clone, Copy, Debug)]
pub struct CountStatement<'a> {
    pub count: &'a StoredCount,
    pub group: &'a Group,
}

/// Anything stated by a [`Group`] of facts.
pub trait Stated {
    fn group(&self) -> &Group;
    /// The citation of one of the group's facts.
    fn citation(facts: &FactBase, at: u32) -> CiteRef;
}

impl Stated for EventStatement<'_> {
    fn group(&self) -> &Group {
        self.group
    }
    fn citation(facts: &FactBase, at: u32) -> CiteRef {
        facts.events[at as usize].citation
    }
}

impl Stated for CountStatement<'_> {
    fn group(&self) -> &Group {
        self.group
    }
    fn citation(facts: &FactBase, at: u32) -> CiteRef {
        facts.counts[at as usize].citation
    }
}

/// How many sources state any of `statements` (each source once).
pub fn source_count<S: Stated>(statements: &[S]) -> usize {
    match statements {
        [] => 0,
        [one] => one.group().sources.len(),
        many => {
            let mut all: Vec<u32> = many.iter().flat_map(|s| s.group().sources.iter().copied()).collect();
            all.sort_unstable();
            all.dedup();
            all.len()
        }
    }
}

/// Posting lists over the facts, so that a check looks only at the facts that can match
/// its claim, never at every fact of the corpus; and the facts grouped into statements
/// ([`Group`]), so that a statement repeated by many sources is looked at once. Rebuilt by
/// [`FactBase::reindex`] (not stored in the index cache). Lists hold statement indexes in
/// ascending order, which is the order of their first facts: filtering one gives the
/// statements in the order their first sources give them.
#[derive(Clone, Debug, Default)]
pub struct FactIndex {
    /// The facts of each event statement.
    event_groups: Vec<Group>,
    events_by_person: HashMap<(EventKind, PersonId), Vec<u32>>,
    /// By two of their participants (lower id first): the famous meet many people.
    events_by_pair: HashMap<(EventKind, PersonId, PersonId), Vec<u32>>,
    events_by_name: HashMap<(EventKind, String), Vec<u32>>,
    events_by_thing: HashMap<(EventKind, String), Vec<u32>>,
    events_of_kind: HashMap<EventKind, Vec<u32>>,
    /// The facts of each count statement.
    count_groups: Vec<Group>,
    counts_by_person: HashMap<PersonId, Vec<u32>>,
    counts_by_pair: HashMap<(PersonId, PersonId), Vec<u32>>,
    /// For each source, the first source with the same path (evidence is deduplicated by path).
    pub(crate) path_ids: Vec<u32>,
}

/// Everything learned from a corpus.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct FactBase {
    pub sources: Vec<SourceInfo>,
    pub people: People,
    pub acronyms: Acronyms,
    /// Every event fact, in corpus order.
    pub events: Vec<EventFact>,
    /// What the event facts state, each once, in the order of their first facts.
    pub event_statements: Vec<StoredEvent>,
    pub counts: Vec<CountFact>,
    pub count_statements: Vec<StoredCount>,
    /// The year most sources were published in: for drafts with no date of their own.
    pub usual_year: Option<i16>,
    /// Every word the corpus uses, as written: a draft word found here is no misspelling.
    pub vocabulary: FxHashSet<String>,
    /// The words the corpus writes in lower case somewhere: common words, not names.
    pub common_words: FxHashSet<String>,
    /// Every corpus sentence with its lemmas and typed values ([`evidence`]).
    pub evidence: evidence::EvidenceIndex,
    /// Every name the corpus writes, a person's or not ([`written`]).
    pub written: written::WrittenNames,
    #[serde(skip)]
    pub index: FactIndex,
}

/// The most dates learned from one article. A machine-written page (a log, a table of
/// thousands of dated rows) past it is learned up to the line where its budget runs out,
/// and a load problem says so: learning stays within seconds however the page is made.
pub const MAX_LEARNED_DATES: usize = 20_000;

/// Bodies shorter than this cannot hold [`MAX_LEARNED_DATES`] dates: their dates are not
/// counted. Longer ones are counted in stretches of about this size, up to the cut.
const DATE_COUNT_FROM_BYTES: usize = 64 * 1024;

/// The first and last year of the corpus's dated documents.
fn dated_years(corpus: &Corpus) -> Option<(i16, i16)> {
    let years = corpus.documents.iter().filter_map(|d| d.published).map(|d| d.year());
    let (first, last) = years.clone().min().zip(years.max())?;
    Some((first, last))
}

/// The year an undated page writes its own days in, for the days it writes without one
/// ("his first council session May 14"): the latest year of a full date it gives ("On April
/// 9, 2025, he was sworn in"), when that year is one the corpus's dated pages were published
/// in; else the one year all of them were published in. A third of scraped pages show no
/// date; without this their days are never compared. (A corpus whose dated pages span a new
/// year gives none: "Dec. 30" could be either.)
///
/// With whether the page writes that year itself: when it does not, the page's own time is
/// only guessed from its corpus's (see [`DateAnchor::written_by`]).
fn own_year(document: &Document, body: Range<usize>, dated_years: Option<(i16, i16)>) -> Option<(i16, bool)> {
    if document.published.is_some() {
        return None;
    }
    let (first, last) = dated_years?;
    let text = document.text.get(body)?;
    let written = crate::annotate::dates::find_dates(text, &split_sentences(text), DateAnchor::default());
    let year = written.iter().filter_map(|m| if let Some(DateValue::Day(day)) = m.value { Some(day.year()) } else { None }).max();
    match year {
        Some(year) if (first..=last).contains(&year) => Some((year, true)),
        _ => (first == last).then_some((first, false)),
    }
}

/// The part of a document's body that is learned: all of it, unless it holds more than
/// [`MAX_LEARNED_DATES`] dates; then up to the first date past that many (from the start of
/// its line when the dates before it end on an earlier one), with a message saying where.
pub fn learned_body(document: &Document) -> (Range<usize>, Option<String>) {
    let body = document.body.clone();
    if body.len() < DATE_COUNT_FROM_BYTES {
        return (body, None);
    }
    let text = &document.text[..body.end];
    let anchor = DateAnchor { published: document.published, fallback_year: None, written_by: None };
    // Counted stretch by stretch (each ends at a line break), so that the dates past the
    // cut are never looked for: the count costs what the learning of the part kept costs.
    let mut counted = 0;
    let mut last_kept: Option<Range<usize>> = None;
    let mut stretch_start = body.start;
    while stretch_start < body.end {
        let mut from = (stretch_start + DATE_COUNT_FROM_BYTES).min(body.end);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let stretch_end = text[from..].find('\n').map_or(body.end, |at| from + at + 1);
        let stretch = stretch_start..stretch_end;
        for date in crate::annotate::dates::find_dates(&text[stretch.clone()], &[], anchor) {
            let range = stretch.start + date.range.start..stretch.start + date.range.end;
            counted += 1;
            if counted <= MAX_LEARNED_DATES {
                last_kept = Some(range);
                continue;
            }
            let kept_end = last_kept.map_or(body.start, |kept| kept.end);
            let end = match text[..range.start].rfind('\n') {
                Some(line_break) if line_break >= kept_end => line_break + 1,
                _ => range.start,
            };
            // The line of the last byte learned.
            let line = line_starts(&document.text).partition_point(|&start| (start as usize) < end);
            let message = format!(
                "learned only up to line {line}: the article holds more than {MAX_LEARNED_DATES} dates, the most factline learns from one; the rest is not used"
            );
            return (body.start..end.max(body.start), Some(message));
        }
        stretch_start = stretch_end;
    }
    (body, None)
}

impl FactBase {
    pub fn build(corpus: &Corpus) -> FactBase {
        FactBase::build_noting_cuts(corpus).0
    }

    /// [`FactBase::build`], with a load problem for each article learned only in part
    /// ([`learned_body`]).
    pub fn build_noting_cuts(corpus: &Corpus) -> (FactBase, Vec<crate::corpus::LoadProblem>) {
        let mut cuts = Vec::new();
        let learned: Vec<Range<usize>> = corpus
            .documents
            .iter()
            .map(|document| {
                let (learned, cut) = learned_body(document);
                if let Some(message) = cut {
                    cuts.push(crate::corpus::LoadProblem { path: document.path.clone(), message });
                }
                learned
            })
            .collect();
        let mut facts = FactBase { sources: corpus.documents.iter().map(SourceInfo::new).collect(), ..FactBase::default() };
        let mut years: BTreeMap<i16, usize> = BTreeMap::new();
        for document in &corpus.documents {
            if let Some(date) = document.published {
                *years.entry(date.year()).or_default() += 1;
            }
        }
        facts.usual_year = years.iter().max_by_key(|(year, count)| (**count, **year)).map(|(year, _)| *year);

        // Pass 1: people, titles, acronyms, vocabulary.
        let mut titled_references = Vec::new();
        let mut uncued: Vec<(usize, String, CiteRef)> = Vec::new();
        for (document, learned) in corpus.documents.iter().zip(&learned) {
            let body_text = &document.text[learned.clone()];
            facts.acronyms.learn(body_text);
            for word in vocabulary_words(body_text) {
                // (A hashtag, a handle or a link's path writes a name in lower case, "#vell",
                // "@harlowpd": no word the corpus writes in lower case.)
                let at = word.as_ptr() as usize - body_text.as_ptr() as usize;
                if body_text[..at].ends_with(['#', '@', '/']) {
                    continue;
                }
                // Most words are known by now: look before allocating. A word in lower case
                // is a common word exactly when it is in the vocabulary (both learn it when
                // first seen), so one look-up tells for either.
                if word.chars().next().is_some_and(char::is_lowercase) {
                    if !facts.common_words.contains(word) {
                        facts.common_words.insert(word.to_string());
                        facts.vocabulary.insert(word.to_string());
                    }
                } else if !facts.vocabulary.contains(word) {
                    facts.vocabulary.insert(word.to_string());
                }
            }
        }
        let mut alone: FxHashSet<String> = FxHashSet::default();
        let mut by_surname: Vec<(usize, crate::annotate::names::NameMention, CiteRef)> = Vec::new();
        for (index, document) in corpus.documents.iter().enumerate() {
            let learned = &learned[index];
            let sentences = split_sentences(&document.text[learned.clone()]);
            // Names written in full once and by the last name alone after ("Odell Renwick
            // ... Renwick led the Rovers"): the newsroom's way with a person, whatever the
            // other cues. (See `referred_to_by_surname`.)
            let mut surnames: FxHashSet<String> = FxHashSet::default();
            // (A one-word name written inside a quotation does not count as written alone:
            // people quoted call each other by their given names, "Tamsin, you played well".)
            let mut unquoted: FxHashSet<String> = FxHashSet::default();
            let mut full_names: Vec<(crate::annotate::names::NameMention, CiteRef)> = Vec::new();
            for sentence in sentences.into_iter().map(|r| r.start + learned.start..r.end + learned.start) {
                for mention in find_names(&document.text, sentence.clone()) {
                    let citation = CiteRef::new(index, sentence.clone());
                    facts.written.learn(&mention.text, index, citation);
                    if !mention.after_place_preposition {
                        if !mention.text.contains(' ') {
                            if !crate::annotate::names::inside_quotation(&document.text, mention.range.start) {
                                unquoted.insert(mention.text.clone());
                            }
                            surnames.insert(mention.text.clone());
                        } else if !mention.person_cue {
                            let named = people::descriptor_dropped(&mention, &facts.common_words).unwrap_or_else(|| mention.clone());
                            full_names.push((named, citation));
                        }
                    }
                    if is_full_person_name(&mention, &facts.common_words) {
                        let id = facts.people.learn_spelling(&mention.text, index, citation);
                        for title in mention.title.iter().chain(&mention.joined_title) {
                            facts.people.learn_title(id, title, index, citation);
                        }
                    } else if mention.title.is_some() && !mention.text.contains(' ') {
                        titled_references.push((index, mention, citation));
                    } else if mention.text.contains(' ') {
                        // May turn out to be a spelling learned elsewhere: looked at below,
                        // without finding the names of every sentence again.
                        uncued.push((index, mention.text, citation));
                    }
                }
            }
            for (mention, citation) in full_names {
                if referred_to_by_surname(&mention, &surnames, &facts.common_words) {
                    by_surname.push((index, mention, citation));
                }
            }
            alone.extend(unquoted);
        }
        // (Only once every document is read: a given name is seldom written alone, a
        // team's city, a party, a company often are, in any article.)
        for (index, mut mention, citation) in by_surname {
            if given_name_shaped(&mention, &alone, &facts.vocabulary, &facts.common_words) {
                mention.person_cue = true;
                if is_full_person_name(&mention, &facts.common_words) {
                    facts.people.learn_spelling(&mention.text, index, citation);
                }
            }
        }
        // A spelling learned from a cue anywhere counts in every document that writes it.
        // (The common words are complete by now, as they were when this was a second scan.)
        for (index, text, citation) in uncued {
            if facts.people.by_spelling(&text).is_some() {
                facts.people.learn_spelling(&text, index, citation);
            }
        }
        for (index, mention, citation) in titled_references {
            let Some(title) = &mention.title else { continue };
            // A name the sources only ever write alone after a title ("midfielder Vitor",
            // "captain Leandro"): a person known by one name, as many players are.
            let id = facts.people.by_reference(&mention.text, &[]).or_else(|| {
                people::mononym(&mention, &facts.common_words).then(|| facts.people.learn_spelling(&mention.text, index, citation))
            });
            if let Some(id) = id {
                facts.people.learn_title(id, title, index, citation);
            }
        }

        // Pass 2: events and counts, each kept once per statement; the evidence index.
        let mut statements = Statements::default();
        let years = dated_years(corpus);
        let last_published = corpus.documents.iter().filter_map(|d| d.published).max();
        for (index, document) in corpus.documents.iter().enumerate() {
            let own = own_year(document, learned[index].clone(), years);
            let fallback_year = own.map(|(year, _)| year);
            let written_by = own.filter(|(_, written)| !written).and(last_published);
            let anchor = DateAnchor { published: document.published, fallback_year, written_by };
            let analysis = analyse_keeping_words(&document.text, learned[index].clone(), anchor, &facts.people, &facts.acronyms, false);
            facts.evidence.add(index, &document.text, &analysis);
            facts.absorb(index, &analysis, &mut statements);
        }
        facts.event_statements = statements.events.into_values();
        facts.count_statements = statements
            .counts
            .into_values()
            .into_iter()
            .map(|(participants, value, precision)| StoredCount { participants, value: f64::from_bits(value), precision: precision.0 })
            .collect();
        facts.shrink_to_fit();
        facts.reindex();
        (facts, cuts)
    }

    /// Gives back what growing the fact lists left spare.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.events.shrink_to_fit();
        self.event_statements.shrink_to_fit();
        self.counts.shrink_to_fit();
        self.count_statements.shrink_to_fit();
    }

    /// Whether the facts and statements agree (for a fact base read from a file): every
    /// statement is stated by a fact, they are numbered in the order of their first facts,
    /// and participants are ascending.
    pub(crate) fn statements_are_consistent(&self) -> bool {
        fn numbered_in_order(statements: impl Iterator<Item = u32>, count: usize) -> bool {
            let mut next = 0;
            for statement in statements {
                if statement > next {
                    return false;
                }
                next = next.max(statement + 1);
            }
            next as usize == count
        }
        let ascending = |people: &[PersonId]| people.windows(2).all(|w| w[0] < w[1]);
        numbered_in_order(self.events.iter().map(|f| f.statement), self.event_statements.len())
            && numbered_in_order(self.counts.iter().map(|f| f.statement), self.count_statements.len())
            && self.event_statements.iter().all(|e| ascending(&e.participants))
            && self.count_statements.iter().all(|c| ascending(&c.participants))
    }

    /// The statement of an event fact.
    pub fn event_of(&self, fact: &EventFact) -> &StoredEvent {
        &self.event_statements[fact.statement as usize]
    }

    /// The statement of a count fact.
    pub fn count_of(&self, fact: &CountFact) -> &StoredCount {
        &self.count_statements[fact.statement as usize]
    }

    /// Builds the statements' groups of facts and the posting lists of [`FactIndex`]
    /// (after building, or loading from the cache). Statements are numbered in the order
    /// of their first facts, so posting lists of statement numbers are in that order too.
    pub fn reindex(&mut self) {
        self.evidence.reindex();
        self.written.reindex();
        fn groups(facts: impl Iterator<Item = (u32, CiteRef)>, statements: usize) -> Vec<Group> {
            let mut groups = vec![Group::default(); statements];
            for (at, (statement, citation)) in facts.enumerate() {
                groups[statement as usize].add(at as u32, citation.source);
            }
            groups
        }
        let mut index = FactIndex {
            event_groups: groups(self.events.iter().map(|f| (f.statement, f.citation)), self.event_statements.len()),
            count_groups: groups(self.counts.iter().map(|f| (f.statement, f.citation)), self.count_statements.len()),
            ..FactIndex::default()
        };
        for (statement, event) in self.event_statements.iter().enumerate() {
            let (statement, kind) = (statement as u32, event.kind);
            index.events_of_kind.entry(kind).or_default().push(statement);
            for &person in &event.participants {
                index.events_by_person.entry((kind, person)).or_default().push(statement);
            }
            for (a, b) in pairs(&event.participants) {
                index.events_by_pair.entry((kind, a, b)).or_default().push(statement);
            }
            if let Some(name) = &event.named {
                index.events_by_name.entry((kind, name.to_string())).or_default().push(statement);
            }
            if let Some(thing) = &event.thing {
                index.events_by_thing.entry((kind, thing.to_string())).or_default().push(statement);
            }
        }
        for (statement, count) in self.count_statements.iter().enumerate() {
            let statement = statement as u32;
            for &person in &count.participants {
                index.counts_by_person.entry(person).or_default().push(statement);
            }
            for pair in pairs(&count.participants) {
                index.counts_by_pair.entry(pair).or_default().push(statement);
            }
        }
        let mut first_with_path: HashMap<&PathBuf, u32> = HashMap::default();
        index.path_ids = self.sources.iter().enumerate().map(|(at, s)| *first_with_path.entry(&s.path).or_insert(at as u32)).collect();
        self.index = index;
    }

    /// Event statements of `kind` among which every statement with all of `participants`
    /// (at least one), `name` or `thing` is: the shortest posting list that must hold them all.
    pub fn event_candidates(&self, kind: EventKind, participants: &BTreeSet<PersonId>, name: Option<&str>, thing: Option<&str>) -> &[u32] {
        fn list(found: Option<&Vec<u32>>) -> &[u32] {
            found.map_or(&[][..], Vec::as_slice)
        }
        if let Some(name) = name {
            return list(self.index.events_by_name.get(&(kind, name.to_string())));
        }
        let singles = participants.iter().map(|&p| list(self.index.events_by_person.get(&(kind, p))));
        let both = pairs(participants).map(|(a, b)| list(self.index.events_by_pair.get(&(kind, a, b))));
        if let Some(shortest) = singles.chain(both).min_by_key(|l| l.len()) {
            return shortest;
        }
        match thing {
            Some(thing) => list(self.index.events_by_thing.get(&(kind, thing.to_string()))),
            None => list(self.index.events_of_kind.get(&kind)),
        }
    }

    /// The event statement at an index of a posting list.
    pub fn event_statement(&self, statement: u32) -> EventStatement<'_> {
        EventStatement { event: &self.event_statements[statement as usize], group: &self.index.event_groups[statement as usize] }
    }

    /// Meeting count statements whose participants include all of `participants`, in the
    /// order of their first sources.
    pub fn counts_with<'a>(&'a self, participants: &'a BTreeSet<PersonId>) -> impl Iterator<Item = CountStatement<'a>> + 'a {
        let singles = participants.iter().map(|p| self.index.counts_by_person.get(p).map_or(&[][..], Vec::as_slice));
        let both = pairs(participants).map(|pair| self.index.counts_by_pair.get(&pair).map_or(&[][..], Vec::as_slice));
        let shortest: Option<&[u32]> = singles.chain(both).min_by_key(|l| l.len());
        let every = 0..if shortest.is_none() { self.index.count_groups.len() as u32 } else { 0 };
        let listed = shortest.unwrap_or(&[]).iter().copied();
        listed
            .chain(every)
            .map(|at| CountStatement { count: &self.count_statements[at as usize], group: &self.index.count_groups[at as usize] })
            .filter(move |s| includes(&s.count.participants, participants))
    }

    /// The full citation of a passage.
    pub fn cite(&self, cited: CiteRef) -> Citation {
        self.sources[cited.source as usize].cite(cited.range())
    }

    /// Full citations of passages.
    pub fn cite_all(&self, cited: &[CiteRef]) -> Vec<Citation> {
        cited.iter().map(|&c| self.cite(c)).collect()
    }

    /// The identity of a passage as evidence is deduplicated: (file path, start).
    pub(crate) fn passage_key(&self, cited: CiteRef) -> (u32, u32) {
        (self.index.path_ids.get(cited.source as usize).copied().unwrap_or(cited.source), cited.start)
    }

    fn absorb(&mut self, source: usize, analysis: &Analysis, statements: &mut Statements) {
        let cite = |sentence: usize| CiteRef::new(source, analysis.sentences[sentence].clone());
        for event in &analysis.events {
            let statement = statements.events.id(StoredEvent::of(event));
            self.events.push(EventFact { citation: cite(event.sentence), statement });
        }
        for count in &analysis.meeting_counts {
            let participants = count.participants.iter().copied().collect();
            let statement = statements.counts.id((participants, count.value.to_bits(), PrecisionKey(count.precision)));
            self.counts.push(CountFact { citation: cite(count.sentence), statement });
        }
    }

    /// A person's display name.
    pub fn person_name(&self, id: PersonId) -> &str {
        self.people.persons.get(id).map_or("?", |p| p.canonical())
    }

    /// Names of a set of people, joined for messages.
    pub fn names_of<'a>(&self, ids: impl IntoIterator<Item = &'a PersonId>) -> String {
        let names: Vec<&str> = ids.into_iter().map(|&id| self.person_name(id)).collect();
        match names.len() {
            0 => String::new(),
            1 => names[0].to_string(),
            _ => format!("{} and {}", names[..names.len() - 1].join(", "), names[names.len() - 1]),
        }
    }

    /// Dated event facts of one event (kind, participants or name) whose dates disagree by a
    /// few days between sources or inside one: the corpus disputes that date.
    pub fn disputes(&self) -> Vec<Vec<&EventFact>> {
        let dated: Vec<&EventFact> =
            self.events.iter().filter(|f| self.event_of(f).date.is_some() && self.event_of(f).kind != EventKind::Report).collect();
        let mut groups: Vec<Vec<&EventFact>> = Vec::new();
        for fact in dated {
            let event = self.event_of(fact);
            let group = groups.iter_mut().find(|group| {
                let first = self.event_of(group[0]);
                first.kind == event.kind
                    && first.participants == event.participants
                    && first.named == event.named
                    && places_agree(&first.places, &event.places)
                    && day_distance(first.date.as_ref().map(|d| d.value), event.date.as_ref().map(|d| d.value)).is_some_and(|d| d <= 3)
            });
            match group {
                Some(group) => group.push(fact),
                None => groups.push(vec![fact]),
            }
        }
        groups
            .into_iter()
            .filter(|group| {
                let values: BTreeSet<String> = group
                    .iter()
                    .filter_map(|f| self.event_of(f).date.as_ref())
                    .filter(|d| matches!(d.value, DateValue::Day(_)))
                    .map(|d| format!("{:?}", d.value))
                    .collect();
                values.len() > 1
            })
            .collect()
    }

    /// The `factline corpus` report, in Markdown: what a reader needs to trust (or doubt)
    /// what factline learned, in their words: who published each article and when, every
    /// spelling and title of each person, the dated events, the counts, the values the
    /// alignment compares (in the words around them), and where the sources disagree.
    pub fn report(&self, _corpus: &Corpus) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "# Corpus: {} articles\n", self.sources.len());
        let _ = writeln!(out, "## Articles\n");
        for source in &self.sources {
            let outlet = match (&source.outlet, source.outlet_from) {
                (Some(outlet), Some(from)) => format!("{outlet} ({})", from.describe()),
                (Some(outlet), None) => outlet.clone(),
                (None, _) => "no outlet named in it".to_string(),
            };
            let date = match (source.published, source.published_from) {
                (Some(date), Some(from)) => format!(
                    "published {} ({})",
                    date,
                    match from {
                        DateSource::FrontMatter => "front matter",
                        DateSource::DateLine => "date line",
                        DateSource::Today => "\"today\" in the text",
                    }
                ),
                _ => "NO DATE: its relative dates (\"yesterday\") stay unresolved; a weekday (\"on Monday\") is checked by its name only"
                    .to_string(),
            };
            let _ = writeln!(out, "- `{}`: {outlet}; {date}", source.file_name);
        }
        let _ = writeln!(out, "\n## People and spellings\n");
        let _ = writeln!(
            out,
            "Each person once, most-cited first: every spelling the sources use (how many sources write it), then the titles they give.\n"
        );
        let mut people: Vec<&people::Person> = self.people.persons.iter().collect();
        people.sort_by_key(|p| std::cmp::Reverse(p.document_count()));
        for person in &people {
            let mut spellings: Vec<&people::Spelling> = person.spellings.iter().collect();
            spellings.sort_by_key(|s| std::cmp::Reverse(s.documents.len()));
            let spellings: Vec<String> = spellings.iter().map(|s| format!("{} ({})", s.text, sources_phrase(s.documents.len()))).collect();
            let _ = writeln!(out, "- **{}**: {}", person.canonical(), spellings.join(", "));
            for title in &person.titles {
                let _ = writeln!(out, "  - title: {} ({})", title.text, sources_phrase(title.documents.len()));
            }
        }
        let _ = writeln!(out, "\n## Events with dates\n");
        let _ = writeln!(out, "Each dated event as one sentence of one article tells it, in date order.\n");
        let mut dated: Vec<&EventFact> = self.events.iter().filter(|f| self.event_of(f).date.is_some()).collect();
        dated.sort_by_key(|f| (self.event_of(f).date.as_ref().map(|d| d.value.start()), f.citation.source));
        for fact in dated {
            let event = self.event_of(fact);
            let Some(date) = &event.date else { continue };
            let citation = self.cite(fact.citation);
            let who = match (event.named.as_deref(), event.thing.as_deref()) {
                (Some(named), _) => named.to_uppercase(),
                _ if !event.participants.is_empty() => self.names_of(&event.participants),
                (None, Some(thing)) => format!("the {thing}"),
                (None, None) => "(no one named)".to_string(),
            };
            let places: Vec<String> = event.places.iter().map(|p| place_as_written(&citation.quote, &p.text)).collect();
            let _ = writeln!(
                out,
                "- {} {} — {}{} — `{}`:{}",
                date.value.display(),
                event.kind.noun(),
                who,
                if places.is_empty() { String::new() } else { format!(" in {}", places.join(", ")) },
                citation.file_name,
                citation.line
            );
        }
        let _ = writeln!(out, "\n## Counts\n");
        if self.counts.is_empty() {
            let _ = writeln!(out, "None found.");
        }
        for fact in &self.counts {
            let count = self.count_of(fact);
            let citation = self.cite(fact.citation);
            let _ = writeln!(
                out,
                "- {} met {} times — `{}`:{}",
                self.names_of(&count.participants),
                count.value,
                citation.file_name,
                citation.line
            );
        }
        self.values_report(&mut out);
        let _ = writeln!(out, "\n## Disagreements between sources\n");
        let disputes = self.disputes();
        if disputes.is_empty() {
            let _ = writeln!(out, "None found.");
        }
        for group in disputes {
            let first = self.event_of(group[0]);
            let who = first.named.as_deref().map(str::to_uppercase).unwrap_or_else(|| self.names_of(&first.participants));
            let _ = writeln!(out, "- {} {}:", who, first.kind.noun());
            for fact in group {
                if let Some(date) = &self.event_of(fact).date {
                    let citation = self.cite(fact.citation);
                    let _ = writeln!(
                        out,
                        "  - {} — `{}`:{}: \"{}\"",
                        date.value.display(),
                        citation.file_name,
                        citation.line,
                        citation.quote.trim()
                    );
                }
            }
        }
        out
    }

    /// The report's values: each date, figure, score and place the evidence index holds, in
    /// the words around it as its article writes them (the alignment compares the lemmas of
    /// those words). At most [`MAX_REPORTED_VALUES`], and the report says how many more.
    fn values_report(&self, out: &mut String) {
        let index = &self.evidence;
        let total: usize = index.sentences.iter().map(|s| s.slots.len() + s.reports.len()).sum();
        let _ = writeln!(out, "\n## Values and the words around them\n");
        let _ = writeln!(
            out,
            "{total} values (dates, figures, scores, places) in {} sentences. A draft's value is compared with a value of the \
             same kind that the same words surround; `factline annotate DRAFT` shows what each value of a draft was compared with.\n",
            index.len()
        );
        let mut shown = 0;
        for sentence in &index.sentences {
            let Some(source) = self.sources.get(sentence.source as usize) else { continue };
            let reports = sentence.reports.iter().map(|slot| (slot, true));
            for (slot, report) in sentence.slots.iter().map(|slot| (slot, false)).chain(reports) {
                if shown == MAX_REPORTED_VALUES {
                    let _ = writeln!(out, "- … and {} more (the first {MAX_REPORTED_VALUES} are listed)", total - shown);
                    return;
                }
                shown += 1;
                let (kind, value) = match &slot.value {
                    evidence::Value::Figure { .. } => ("figure", slot.value.display()),
                    // A place as the article writes it, not its lower-case key.
                    evidence::Value::Place(_) => {
                        ("place", source.text.get(slot.range()).map_or_else(|| slot.value.display(), str::to_string))
                    }
                    other => (other.kind_name(), other.display()),
                };
                let _ = writeln!(
                    out,
                    "- `{}`:{} {kind} {}{}{}{}, in {}",
                    source.file_name,
                    source.cite(sentence.range()).line,
                    value,
                    if report { " (the day of a report, compared only with the days of reports)" } else { "" },
                    if slot.hedged { " (hedged)" } else { "" },
                    if slot.carried { " (carried to the next sentence, which gives no date)" } else { "" },
                    words_around(&source.text, &sentence.range(), &slot.range())
                );
            }
        }
    }
}

/// Most values the corpus report lists.
const MAX_REPORTED_VALUES: usize = 500;

/// "1 source", "3 sources".
fn sources_phrase(count: usize) -> String {
    if count == 1 { "1 source".to_string() } else { format!("{count} sources") }
}

/// A place as the quote writes it, with its article when it has one ("the South", "the
/// Netherlands"): "in South" reads as a cut entry.
fn place_as_written(quote: &str, place: &str) -> String {
    ["the ", "The "]
        .iter()
        .find(|article| quote.contains(&format!("{article}{place}")))
        .map_or_else(|| place.to_string(), |_| format!("the {place}"))
}

/// A value in the words around it, as the text writes them: "“…has sent about [4,380]
/// workers to help Fennick…”" (what reports show instead of the lemmas the alignment compares).
pub fn words_around(text: &str, sentence: &Range<usize>, value: &Range<usize>) -> String {
    const WORDS: usize = 5;
    let before = text.get(sentence.start.min(value.start)..value.start).unwrap_or("");
    let after = text.get(value.end..sentence.end.max(value.end)).unwrap_or("");
    let before_words: Vec<&str> = before.split_whitespace().collect();
    let after_words: Vec<&str> = after.split_whitespace().collect();
    let before_text = before_words[before_words.len().saturating_sub(WORDS)..].join(" ");
    let after_text = after_words[..after_words.len().min(WORDS)].join(" ");
    let space_before = if before.ends_with(char::is_whitespace) && !before_text.is_empty() { " " } else { "" };
    let space_after = if after.starts_with(char::is_whitespace) && !after_text.is_empty() { " " } else { "" };
    format!(
        "“{}{before_text}{space_before}[{}]{space_after}{after_text}{}”",
        if before_words.len() > WORDS { "…" } else { "" },
        text.get(value.clone()).unwrap_or(""),
        if after_words.len() > WORDS { "…" } else { "" }
    )
}

/// A place as a draft writes it ([`extract::PlaceMention`]) or as the fact base keeps it
/// ([`StoredPlace`]): compared by its normalised key.
pub trait Place {
    fn key(&self) -> &str;
}

impl Place for extract::PlaceMention {
    fn key(&self) -> &str {
        &self.key
    }
}

impl Place for StoredPlace {
    fn key(&self) -> &str {
        &self.key
    }
}

/// Whether two place lists can be one place: either is empty, or a place of one contains
/// (word for word) a place of the other ("Korsk" and "Korsk International Airport").
pub fn places_agree(a: &[impl Place], b: &[impl Place]) -> bool {
    a.is_empty() || b.is_empty() || a.iter().any(|x| b.iter().any(|y| place_matches(x.key(), y.key())))
}

/// Whether two places may be one place, or one inside the other: the same words, or a
/// country against anything (the checker knows no map: "Brackwell" may be in "Norway").
pub fn places_may_coincide(a: &str, b: &str) -> bool {
    place_matches(a, b) || crate::annotate::names::is_country_name(a) || crate::annotate::names::is_country_name(b)
}

/// [`places_may_coincide`] for two lists: either empty, or some pair may coincide.
pub fn place_lists_may_coincide(a: &[impl Place], b: &[impl Place]) -> bool {
    a.is_empty() || b.is_empty() || a.iter().any(|x| b.iter().any(|y| places_may_coincide(x.key(), y.key())))
}

/// The words the vocabulary learns: the non-empty runs of letters, digits, '-' and '\''
/// (what splitting at every other character gives), ASCII read byte by byte.
fn vocabulary_words(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    // Whether a word character starts at `at`, and its length.
    let word_character = move |at: usize| match bytes[at] {
        byte @ 0..0x80 => (byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'\'', 1),
        _ => text[at..].chars().next().map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8())),
    };
    let mut at = 0;
    std::iter::from_fn(move || {
        let mut start = None;
        while at < bytes.len() {
            let (is_word, length) = word_character(at);
            match (is_word, start) {
                (true, None) => start = Some(at),
                (false, Some(_)) => break,
                _ => {}
            }
            at += length;
        }
        start.map(|start| &text[start..at])
    })
}

/// Every pair of an ascending set, lower id first.
fn pairs<'a, I>(set: I) -> impl Iterator<Item = (PersonId, PersonId)> + 'a
where
    I: IntoIterator<Item = &'a PersonId>,
    I::IntoIter: Clone + 'a,
{
    let set = set.into_iter();
    set.clone().enumerate().flat_map(move |(at, &a)| set.clone().skip(at + 1).map(move |&b| (a, b)))
}

pub fn place_matches(a: &str, b: &str) -> bool {
    // (Hyphens join a name's parts: "Brest-Henri de Valmont Airport" holds "Henri de Valmont".)
    let a_words: Vec<&str> = a.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    let b_words: Vec<&str> = b.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    let contains = |long: &[&str], short: &[&str]| !short.is_empty() && long.windows(short.len()).any(|w| w == short);
    contains(&a_words, &b_words) || contains(&b_words, &a_words)
}

/// Days between two date values (0 when they overlap), or `None` if either is missing.
pub fn day_distance(a: Option<DateValue>, b: Option<DateValue>) -> Option<i64> {
    let (a, b) = (a?, b?);
    if a.overlaps(&b) {
        return Some(0);
    }
    let gap = |from: Date, to: Date| (to - from).get_days().abs() as i64;
    let days = if a.end() < b.start() { gap(a.end(), b.start()) } else { gap(b.end(), a.start()) };
    Some(days)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::evidence::Value;
    use extract::analyse;

    #[test]
    fn hyphens_join_the_parts_of_a_place() {
        assert!(place_matches("brest-henri de valmont airport", "henri de valmont"));
        assert!(place_matches("henri de valmont", "orne-henri de valmont airport"));
        assert!(!place_matches("brest-guipavas", "henri de valmont"));
    }

    #[test]
    fn vocabulary_words_are_the_split_words() {
        let alphabet = ["a", "Z", "9", "-", "'", "’", " ", ".", ",", "\n", "é", "É", "٣", "中", "\u{a0}", "😀", "Ryom", "Gon-hui", "it's"];
        let mut state = 0x6a09_e667_f3bc_c908_u64;
        let mut texts = vec![String::new(), "-".to_string(), "Ryom Tae-sok's 3rd visit, Korsk’s 'guest'.".to_string()];
        for _ in 0..3000 {
            let text: String = (0..16)
                .map(|_| {
                    state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                    alphabet[(state >> 33) as usize % alphabet.len()]
                })
                .collect();
            texts.push(text);
        }
        for text in &texts {
            let expected: Vec<&str> =
                text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'')).filter(|w| !w.is_empty()).collect();
            assert_eq!(vocabulary_words(text).collect::<Vec<_>>(), expected, "words of {text:?}");
        }
    }

    /// Long articles are counted in stretches that may start inside a character: a body of
    /// Korean text and dates, past the limit, is cut at a date, not inside a character.
    #[test]
    fn a_long_article_of_wide_characters_is_counted_and_cut_on_character_boundaries() {
        let entry = "Nov. 17, 2025 로건희 외무상은 코르스크에서 회담했다 — 😀 ";
        let body: String = std::iter::repeat_n(entry, MAX_LEARNED_DATES + 5).collect();
        let (corpus, problems) = Corpus::from_texts([("long.md", format!("---\npublished: 2025-10-28\n---\n{body}\n"))]);
        assert!(problems.is_empty(), "{problems:?}");
        let document = &corpus.documents[0];
        let (learned, cut) = learned_body(document);
        assert!(cut.is_some_and(|message| message.contains("line 4")), "cut on the body's one line");
        assert!(document.text.is_char_boundary(learned.end) && learned.end < document.body.end);
        assert!(document.text[..learned.end].ends_with("— 😀 "), "cut right before a date");
    }

    /// An undated page's days written without a year take the year of a full date it gives,
    /// else the one year of the corpus's dated pages; its bare months stay unresolved, and a
    /// corpus whose dated pages span two years gives its undated pages no year.
    #[test]
    fn undated_pages_date_their_days() {
        let days = |texts: Vec<(&str, String)>| -> Vec<String> {
            let (corpus, _) = Corpus::from_texts(texts);
            let facts = FactBase::build(&corpus);
            let index = &facts.evidence;
            (0..index.sentences.len())
                .flat_map(|id| index.sentences[id].slots.iter().map(|s| s.value.clone()))
                .filter_map(|v| if let Value::Date(DateValue::Day(d)) = v { Some(d.to_string()) } else { None })
                .collect()
        };
        let dated = |year: i32| format!("---\npublished: {year}-05-10\n---\nThe council met in Halvik on May 2, {year}.\n");
        let undated = "---\ntitle: Later\n---\nThe council will vote on the harbour plan on May 21. It first met in March.\n";
        let one_year = days(vec![("a.md", dated(2025)), ("b.md", dated(2025)), ("c.md", undated.to_string())]);
        assert!(one_year.contains(&"2025-05-21".to_string()), "{one_year:?}");
        let two_years = days(vec![("a.md", dated(2024)), ("b.md", dated(2025)), ("c.md", undated.to_string())]);
        assert!(!two_years.iter().any(|d| d.ends_with("-05-21")), "{two_years:?}");
        let own = "---\ntitle: Own\n---\nOn June 3, 2024, the council met. It will vote on the harbour plan on June 21.\n";
        let own_year = days(vec![("a.md", dated(2024)), ("b.md", dated(2025)), ("c.md", own.to_string())]);
        assert!(own_year.contains(&"2024-06-21".to_string()), "{own_year:?}");
        // The latest day an undated page writes of bounds its publication date from below; a
        // day still to come ("will vote on June 21") bounds nothing.
        let (corpus, _) = Corpus::from_texts(vec![("a.md", dated(2025)), ("c.md", own.to_string())]);
        let facts = FactBase::build(&corpus);
        let undated = corpus.documents.iter().position(|d| d.published.is_none()).expect("the undated page") as u32;
        use crate::facts::evidence::EvidenceSource;
        assert_eq!(facts.evidence.latest_day(undated).map(|d| d.to_string()), Some("2024-06-03".to_string()));
        let past = "---\ntitle: Past\n---\nOn June 3, 2024, the council met. It voted on the harbour plan on June 21.\n";
        let (corpus, _) = Corpus::from_texts(vec![("a.md", dated(2024)), ("c.md", past.to_string())]);
        let facts = FactBase::build(&corpus);
        let undated = corpus.documents.iter().position(|d| d.published.is_none()).expect("the undated page") as u32;
        assert_eq!(facts.evidence.latest_day(undated).map(|d| d.to_string()), Some("2024-06-21".to_string()));
        // A page that writes no year and a day well past its corpus's last publication: the
        // day gone, unless told as a plan.
        let yearless = "---\ntitle: Yearless\n---\nThe council first met on June 3. It will vote on the harbour plan on June 21.\n";
        let resolved = days(vec![("a.md", dated(2025)), ("c.md", yearless.to_string())]);
        assert!(resolved.contains(&"2024-06-03".to_string()) && resolved.contains(&"2025-06-21".to_string()), "{resolved:?}");
    }

    /// Each fact's statement is what its article's analysis states, field for field that
    /// the statement keeps (nothing a check compares is lost by keeping it once), with the
    /// fact's own citation; equal statements are one.
    #[test]
    fn statements_keep_what_each_fact_states() {
        let world = crate::synth::World::new(7);
        let (corpus, _) = Corpus::from_texts((0..200).map(|k| world.article(k)));
        let facts = FactBase::build(&corpus);
        assert!(facts.statements_are_consistent());
        let (mut events, mut counts) = (facts.events.iter(), facts.counts.iter());
        for (source, document) in corpus.documents.iter().enumerate() {
            let anchor = DateAnchor { published: document.published, fallback_year: None, written_by: None };
            let analysis = analyse(&document.text, document.body.clone(), anchor, &facts.people, &facts.acronyms, false);
            let cite = |sentence: usize| CiteRef::new(source, analysis.sentences[sentence].clone());
            for event in &analysis.events {
                let fact = events.next().expect("a fact per event");
                assert_eq!(fact.citation, cite(event.sentence));
                let stored = facts.event_of(fact);
                assert_eq!(*stored, StoredEvent::of(event));
                assert_eq!(stored.participants.iter().copied().collect::<BTreeSet<_>>(), event.participants);
                assert_eq!(stored.named.as_deref(), event.named.as_deref());
                assert_eq!(stored.date.map(|d| (d.value, d.year_explicit)), event.date.as_ref().map(|d| (d.value, d.year_explicit)));
                let places = |p: &StoredPlace| (p.text.to_string(), p.key.to_string());
                assert_eq!(
                    stored.places.iter().map(places).collect::<Vec<_>>(),
                    event.places.iter().map(|p| (p.text.clone(), p.key.clone())).collect::<Vec<_>>()
                );
            }
            for count in &analysis.meeting_counts {
                let fact = counts.next().expect("a fact per count");
                assert_eq!(fact.citation, cite(count.sentence));
                let stored = facts.count_of(fact);
                assert_eq!(stored.participants.iter().copied().collect::<BTreeSet<_>>(), count.participants);
                assert_eq!((stored.value.to_bits(), stored.precision), (count.value.to_bits(), count.precision));
            }
        }
        assert!(events.next().is_none() && counts.next().is_none(), "no fact without its analysis");
        assert!(facts.event_statements.len() < facts.events.len(), "sources repeat events, so statements are fewer than facts");
        let distinct: std::collections::HashSet<&StoredEvent> = facts.event_statements.iter().collect();
        assert_eq!(distinct.len(), facts.event_statements.len(), "equal events are one statement");
    }

    /// A statement's group holds exactly the facts that state it, ascending, with their sources.
    #[test]
    fn statements_group_their_facts() {
        let world = crate::synth::World::new(7);
        let (corpus, _) = Corpus::from_texts((0..200).map(|k| world.article(k)));
        let facts = FactBase::build(&corpus);
        fn check(groups: &[Group], facts: &[(u32, CiteRef)]) {
            let mut covered = vec![false; facts.len()];
            for (statement, group) in groups.iter().enumerate() {
                assert!(group.members.windows(2).all(|w| w[0] < w[1]));
                assert!(group.sources.windows(2).all(|w| w[0] < w[1]));
                let sources: BTreeSet<u32> = group.members.iter().map(|&at| facts[at as usize].1.source).collect();
                assert_eq!(sources.into_iter().collect::<Vec<_>>(), group.sources);
                for &at in &group.members {
                    assert_eq!(facts[at as usize].0 as usize, statement);
                    covered[at as usize] = true;
                }
            }
            assert!(covered.iter().all(|&c| c), "every fact is in its statement");
            // Numbered in the order of their first facts.
            assert!(groups.windows(2).all(|w| w[0].first() < w[1].first()));
        }
        check(&facts.index.event_groups, &facts.events.iter().map(|f| (f.statement, f.citation)).collect::<Vec<_>>());
        check(&facts.index.count_groups, &facts.counts.iter().map(|f| (f.statement, f.citation)).collect::<Vec<_>>());
    }

    /// Events learned from one article published on `published`, as readable strings.
    fn events(published: &str, body: &str) -> Vec<String> {
        let text = format!("---\npublished: {published}\n---\n{body}\n");
        let (corpus, problems) = Corpus::from_texts([("a.md", text)]);
        assert!(problems.is_empty(), "{problems:?}");
        let facts = FactBase::build(&corpus);
        facts
            .events
            .iter()
            .map(|f| facts.event_of(f))
            .filter(|e| e.kind != EventKind::Report)
            .map(|e| {
                let who = e.named.as_deref().or(e.thing.as_deref()).map_or_else(|| facts.names_of(&e.participants), str::to_string);
                let date = e.date.as_ref().map_or("-".to_string(), |d| d.value.display());
                let places: Vec<&str> = e.places.iter().map(|p| &*p.text).collect();
                format!("{} | {who} | {date} | {}", e.kind.noun(), places.join(", "))
            })
            .collect()
    }

    #[test]
    fn event_extraction_table() {
        let people = "Finnish President Aleksi Korbin spoke. Estonian Foreign Minister Roe Gon-hui spoke. U.S. President Martin Hollis spoke. Estonian leader Ryom Tae-sok spoke.";
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "2025-11-18",
                "Minister Roe paid a courtesy visit to Korbin on Monday in the Finnish capital, Korsk, after leaving Velmar on Sunday.",
                &["meeting | Aleksi Korbin and Roe Gon-hui | Nov. 17, 2025 | Korsk", "departure | Roe Gon-hui | Nov. 16, 2025 | Velmar"],
            ),
            (
                "2025-11-18",
                "Hollis held three in-person meetings with Ryom -- a summit in Port Ellery in May 2016 and another in Tarrow, Norway, in March 2017.",
                &[
                    "meeting | Martin Hollis and Ryom Tae-sok | - | ",
                    "meeting | Martin Hollis and Ryom Tae-sok | May 2016 | Port Ellery",
                    "meeting | Martin Hollis and Ryom Tae-sok | March 2017 | Tarrow, Norway",
                ],
            ),
            ("2025-11-18", "Roe said ties were strong. She left Velmar on Sunday.", &["departure | Roe Gon-hui | Nov. 16, 2025 | Velmar"]),
            (
                "2025-11-18",
                "The NMC summit opens on Nov. 24 in the coastal city of Brackwell.",
                &["gathering | nmc | Nov. 24, 2025 | Brackwell"],
            ),
            ("2025-03-05", "The strike began on Feb. 6, the union said.", &["start | strike | Feb. 6, 2025 | "]),
            ("2025-11-18", "Korbin, left, shakes hands with Roe.", &[]),
        ];
        for (published, sentence, expected) in cases {
            let found = events(published, &format!("{people}\n{sentence}"));
            assert_eq!(found, *expected, "events of {sentence:?}");
        }
    }
}
