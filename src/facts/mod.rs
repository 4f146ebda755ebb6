//! The fact base: what the corpus says, merged across sources, every fact with citations.
//!
//! Built in two passes over the corpus. The first learns people (spellings merged by
//! name parts) and the titles they hold, and acronyms; the second analyses every article
//! with that knowledge ([`extract::analyse`]) and keeps each event, count and quantity
//! together with the sentence that states it.

pub mod extract;
pub mod people;

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::{FxHashMap as HashMap, FxHashSet};
use std::fmt::Write as _;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::annotate::dates::{DateAnchor, DateValue};
use crate::annotate::names::find_names;
use crate::corpus::{Corpus, DateSource, Document, body_sentences};
use crate::finding::Citation;
use extract::{Acronyms, Analysis, EventAssertion, EventKind, MeetingCount, QuantityAssertion, analyse};
use people::{People, PersonId, is_full_person_name};

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
    pub title: Option<String>,
    pub published: Option<Date>,
    pub published_from: Option<DateSource>,
    /// The document's text, shared with the corpus (one copy in memory; not stored twice
    /// in the index cache, which links it again).
    #[serde(skip)]
    pub text: Arc<str>,
    line_starts: Vec<usize>,
}

impl SourceInfo {
    fn new(document: &Document) -> SourceInfo {
        SourceInfo {
            path: document.path.clone(),
            file_name: document.file_name.clone(),
            outlet: document.meta.outlet.clone(),
            title: document.meta.title.clone(),
            published: document.published,
            published_from: document.published_from,
            text: Arc::clone(&document.text),
            line_starts: std::iter::once(0).chain(document.text.match_indices('\n').map(|(i, _)| i + 1)).collect(),
        }
    }

    /// A citation of a byte range of this document.
    pub fn cite(&self, range: Range<usize>) -> Citation {
        let line_of = |offset: usize| self.line_starts.partition_point(|&start| start <= offset);
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

/// An event occurrence as one source states it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct EventFact {
    pub source: usize,
    pub event: EventAssertion,
    pub citation: CiteRef,
}

/// A meeting count as one source states it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct CountFact {
    pub source: usize,
    pub count: MeetingCount,
    pub citation: CiteRef,
}

/// A quantity as one source states it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct QuantityFact {
    pub source: usize,
    pub quantity: QuantityAssertion,
    pub citation: CiteRef,
}

/// Facts that state the same thing (one event with the same people, date, places and
/// ordinal; one count; one quantity in the same words), from one source or many. A check
/// compares a claim with each statement once, however many articles repeat it: its cost
/// follows what the corpus says, not how often it says it.
#[derive(Clone, Debug, Default)]
pub struct Group {
    /// Fact indexes, ascending: the first is the statement's representative.
    pub members: Vec<u32>,
    /// The members' sources, ascending, each once.
    pub sources: Vec<u32>,
}

impl Group {
    fn new(first: u32, source: usize) -> Group {
        Group { members: vec![first], sources: vec![source as u32] }
    }

    fn add(&mut self, at: u32, source: usize) {
        self.members.push(at);
        // Facts are added in corpus order, so sources arrive ascending.
        if self.sources.last() != Some(&(source as u32)) {
            self.sources.push(source as u32);
        }
    }

    pub fn first(&self) -> u32 {
        self.members[0]
    }
}

/// A statement of an event, as the checks see it: what is stated, and by whom.
#[derive(Clone, Copy, Debug)]
pub struct EventStatement<'a> {
    pub event: &'a EventAssertion,
    pub group: &'a Group,
}

/// A meeting count as stated by one or more sources.
#[derive(Clone, Copy, Debug)]
pub struct CountStatement<'a> {
    pub count: &'a MeetingCount,
    pub group: &'a Group,
}

/// A quantity, written the same way in the same words, by one or more sources.
#[derive(Clone, Copy, Debug)]
pub struct QuantityStatement<'a> {
    pub quantity: &'a QuantityAssertion,
    /// The number as the sources write it ("1,330").
    pub written: &'a str,
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

impl Stated for QuantityStatement<'_> {
    fn group(&self) -> &Group {
        self.group
    }
    fn citation(facts: &FactBase, at: u32) -> CiteRef {
        facts.quantities[at as usize].citation
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
    event_groups: Vec<Group>,
    events_by_person: HashMap<(EventKind, PersonId), Vec<u32>>,
    /// By two of their participants (lower id first): the famous meet many people.
    events_by_pair: HashMap<(EventKind, PersonId, PersonId), Vec<u32>>,
    events_by_name: HashMap<(EventKind, String), Vec<u32>>,
    events_by_thing: HashMap<(EventKind, String), Vec<u32>>,
    events_of_kind: HashMap<EventKind, Vec<u32>>,
    count_groups: Vec<Group>,
    counts_by_person: HashMap<PersonId, Vec<u32>>,
    counts_by_pair: HashMap<(PersonId, PersonId), Vec<u32>>,
    /// Quantity facts with the same unit, ordinal and context words, compared once.
    quantity_groups: Vec<QuantityGroup>,
    /// Quantity groups by (unit, ordinal, context word).
    groups_by_word: HashMap<(String, bool, String), Vec<u32>>,
    /// For each source, the first source with the same path (evidence is deduplicated by path).
    pub(crate) path_ids: Vec<u32>,
}

#[derive(Clone, Debug)]
struct QuantityGroup {
    context: BTreeSet<String>,
    /// The statements in these words: one per value, precision and way of writing it, in
    /// the order of their first facts.
    values: Vec<(String, Group)>,
}

/// What makes two event facts one statement: everything the checks read of them.
#[derive(PartialEq, Eq, Hash)]
struct EventKey<'a> {
    kind: EventKind,
    participants: &'a BTreeSet<PersonId>,
    named: Option<&'a str>,
    thing: Option<&'a str>,
    date: Option<(DateValue, bool)>,
    places: Vec<(&'a str, &'a str)>,
    ordinal: Option<i32>,
}

impl<'a> EventKey<'a> {
    fn of(event: &'a EventAssertion) -> EventKey<'a> {
        EventKey {
            kind: event.kind,
            participants: &event.participants,
            named: event.named.as_deref(),
            thing: event.thing.as_deref(),
            date: event.date.as_ref().map(|d| (d.value, d.year_explicit)),
            places: event.places.iter().map(|p| (p.text.as_str(), p.key.as_str())).collect(),
            ordinal: event.ordinal,
        }
    }
}

/// Everything learned from a corpus.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct FactBase {
    pub sources: Vec<SourceInfo>,
    pub people: People,
    pub acronyms: Acronyms,
    pub events: Vec<EventFact>,
    pub counts: Vec<CountFact>,
    pub quantities: Vec<QuantityFact>,
    /// The year most sources were published in: for drafts with no date of their own.
    pub usual_year: Option<i16>,
    /// Every word the corpus uses, as written: a draft word found here is no misspelling.
    pub vocabulary: FxHashSet<String>,
    /// The words the corpus writes in lower case somewhere: common words, not names.
    pub common_words: FxHashSet<String>,
    #[serde(skip)]
    pub index: FactIndex,
}

impl FactBase {
    pub fn build(corpus: &Corpus) -> FactBase {
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
        for document in &corpus.documents {
            facts.acronyms.learn(document.body_text());
            for word in vocabulary_words(document.body_text()) {
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
        for (index, document) in corpus.documents.iter().enumerate() {
            for sentence in body_sentences(document) {
                for mention in find_names(&document.text, sentence.clone()) {
                    let citation = CiteRef::new(index, sentence.clone());
                    if is_full_person_name(&mention, &facts.common_words) {
                        let id = facts.people.learn_spelling(&mention.text, index, citation);
                        if let Some(title) = &mention.title {
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
        }
        // A spelling learned from a cue anywhere counts in every document that writes it.
        // (The common words are complete by now, as they were when this was a second scan.)
        for (index, text, citation) in uncued {
            if facts.people.by_spelling(&text).is_some() {
                facts.people.learn_spelling(&text, index, citation);
            }
        }
        for (index, mention, citation) in titled_references {
            if let (Some(id), Some(title)) = (facts.people.by_reference(&mention.text, &[]), &mention.title) {
                facts.people.learn_title(id, title, index, citation);
            }
        }

        // Pass 2: events, counts, quantities.
        for (index, document) in corpus.documents.iter().enumerate() {
            let anchor = DateAnchor { published: document.published, fallback_year: None };
            let analysis = analyse(&document.text, document.body.clone(), anchor, &facts.people, &facts.acronyms, false);
            facts.absorb(index, &analysis);
        }
        facts.reindex();
        facts
    }

    /// Builds the statements and posting lists of [`FactIndex`] (after building, or
    /// loading from the cache).
    pub fn reindex(&mut self) {
        let mut index = FactIndex::default();
        let mut event_group_of: HashMap<EventKey<'_>, u32> = HashMap::default();
        for (at, fact) in self.events.iter().enumerate() {
            let at = at as u32;
            let next = index.event_groups.len() as u32;
            let group = *event_group_of.entry(EventKey::of(&fact.event)).or_insert(next);
            if group != next {
                index.event_groups[group as usize].add(at, fact.source);
                continue;
            }
            index.event_groups.push(Group::new(at, fact.source));
            let kind = fact.event.kind;
            index.events_of_kind.entry(kind).or_default().push(group);
            for &person in &fact.event.participants {
                index.events_by_person.entry((kind, person)).or_default().push(group);
            }
            for (a, b) in pairs(&fact.event.participants) {
                index.events_by_pair.entry((kind, a, b)).or_default().push(group);
            }
            if let Some(name) = &fact.event.named {
                index.events_by_name.entry((kind, name.clone())).or_default().push(group);
            }
            if let Some(thing) = &fact.event.thing {
                index.events_by_thing.entry((kind, thing.clone())).or_default().push(group);
            }
        }
        let mut count_group_of: HashMap<(&BTreeSet<PersonId>, u64, u8), u32> = HashMap::default();
        for (at, fact) in self.counts.iter().enumerate() {
            let at = at as u32;
            let next = index.count_groups.len() as u32;
            let key = (&fact.count.participants, fact.count.value.to_bits(), fact.count.precision as u8);
            let group = *count_group_of.entry(key).or_insert(next);
            if group != next {
                index.count_groups[group as usize].add(at, fact.source);
                continue;
            }
            index.count_groups.push(Group::new(at, fact.source));
            for &person in &fact.count.participants {
                index.counts_by_person.entry(person).or_default().push(group);
            }
            for pair in pairs(&fact.count.participants) {
                index.counts_by_pair.entry(pair).or_default().push(group);
            }
        }
        let mut group_of: HashMap<(&str, bool, &BTreeSet<String>), u32> = HashMap::default();
        for (at, fact) in self.quantities.iter().enumerate() {
            let (unit, ordinal) = (&fact.quantity.unit, fact.quantity.quantity.ordinal);
            let next = index.quantity_groups.len() as u32;
            let group = *group_of.entry((unit.as_str(), ordinal, &fact.quantity.context)).or_insert(next);
            if group == next {
                index.quantity_groups.push(QuantityGroup { context: fact.quantity.context.clone(), values: Vec::new() });
                for word in &fact.quantity.context {
                    index.groups_by_word.entry((unit.clone(), ordinal, word.clone())).or_default().push(group);
                }
            }
            let quantity = &fact.quantity.quantity;
            let written = self.sources.get(fact.source).and_then(|s| s.text.get(quantity.range.clone())).unwrap_or("");
            let values = &mut index.quantity_groups[group as usize].values;
            let same = |(w, g): &&mut (String, Group)| {
                let first = &self.quantities[g.first() as usize].quantity.quantity;
                w == written && first.value.to_bits() == quantity.value.to_bits() && first.precision == quantity.precision
            };
            match values.iter_mut().find(same) {
                Some((_, statement)) => statement.add(at as u32, fact.source),
                None => values.push((written.to_string(), Group::new(at as u32, fact.source))),
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
    pub fn event_statement(&self, group: u32) -> EventStatement<'_> {
        let group = &self.index.event_groups[group as usize];
        EventStatement { event: &self.events[group.first() as usize].event, group }
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
            .map(|at| {
                let group = &self.index.count_groups[at as usize];
                CountStatement { count: &self.counts[group.first() as usize].count, group }
            })
            .filter(move |s| participants.is_subset(&s.count.participants))
    }

    /// The quantity statements of one unit, ordinal or not, whose context shares the most
    /// of `context`'s words (and at least `at_least`), together with those sharing one word
    /// fewer: each with how many it shares, most first, then in the order of their first
    /// sources. Empty when no statement shares `at_least` words, and when those statements
    /// give more than `max_values` different numbers: words that many figures go with do
    /// not identify what is counted (the same talks held every year, each with its own
    /// attendance), so no number of them confirms or contradicts the draft's.
    ///
    /// A statement sharing `k` of the `n` words holds one of any `n - k + 1` of them, so
    /// the posting lists of the rarest words are read first, one more at a time, until a
    /// statement found shares as many words as the lists read guarantee: no statement
    /// outside those lists can share more. Generic words ("said", "attended") are read only
    /// when nothing more specific matches.
    pub fn closest_quantities<'a>(
        &'a self,
        unit: &str,
        ordinal: bool,
        context: &BTreeSet<String>,
        at_least: usize,
        max_values: usize,
    ) -> Vec<(usize, QuantityStatement<'a>)> {
        let n = context.len();
        if at_least > n || at_least == 0 {
            return Vec::new();
        }
        let mut lists: Vec<&[u32]> = context
            .iter()
            .map(|word| self.index.groups_by_word.get(&(unit.to_string(), ordinal, word.clone())).map_or(&[][..], Vec::as_slice))
            .collect();
        lists.sort_by_key(|list| list.len());
        let mut shared_by: HashMap<u32, usize> = HashMap::default();
        let mut best = 0;
        let mut read = 0;
        // After reading the `read` rarest lists, every group sharing `n - read + 1` or more
        // words has been seen.
        let read_list = |list: &[u32], shared_by: &mut HashMap<u32, usize>, best: &mut usize| {
            for &group in list {
                shared_by.entry(group).or_insert_with(|| {
                    let common = self.index.quantity_groups[group as usize].context.intersection(context).count();
                    *best = (*best).max(common);
                    common
                });
            }
        };
        while read < n - at_least + 1 {
            read_list(lists[read], &mut shared_by, &mut best);
            read += 1;
            if best > n - read {
                break;
            }
        }
        if best < at_least {
            return Vec::new();
        }
        // The close ones share `best - 1`: seen once `n - best + 2` lists are read.
        let floor = at_least.max(best - 1);
        while read < (n - floor + 1).min(n) {
            read_list(lists[read], &mut shared_by, &mut best);
            read += 1;
        }
        let mut groups: Vec<(u32, usize)> = shared_by.into_iter().filter(|&(_, common)| common >= floor).collect();
        let mut found: Vec<(usize, QuantityStatement<'a>)> = Vec::new();
        let mut values: Vec<u64> = Vec::new();
        groups.sort_unstable();
        for (at, common) in groups {
            let group = &self.index.quantity_groups[at as usize];
            for (written, statement) in &group.values {
                let quantity = &self.quantities[statement.first() as usize].quantity;
                let value = quantity.quantity.value.to_bits();
                if !values.contains(&value) {
                    if values.len() == max_values {
                        return Vec::new();
                    }
                    values.push(value);
                }
                found.push((common, QuantityStatement { quantity, written, group: statement }));
            }
        }
        found.sort_by_key(|(common, statement)| (std::cmp::Reverse(*common), statement.group.first()));
        found
    }

    /// The full citation of a passage.
    pub fn cite(&self, cited: CiteRef) -> Citation {
        self.sources[cited.source as usize].cite(cited.range())
    }

    /// The identity of a passage as evidence is deduplicated: (file path, start).
    pub(crate) fn passage_key(&self, cited: CiteRef) -> (u32, u32) {
        (self.index.path_ids.get(cited.source as usize).copied().unwrap_or(cited.source), cited.start)
    }

    fn absorb(&mut self, source: usize, analysis: &Analysis) {
        let cite = |sentence: usize| CiteRef::new(source, analysis.sentences[sentence].clone());
        let events: Vec<EventFact> =
            analysis.events.iter().map(|event| EventFact { source, event: event.clone(), citation: cite(event.sentence) }).collect();
        let counts: Vec<CountFact> = analysis
            .meeting_counts
            .iter()
            .map(|count| CountFact { source, count: count.clone(), citation: cite(count.sentence) })
            .collect();
        let quantities: Vec<QuantityFact> =
            analysis.quantities.iter().map(|q| QuantityFact { source, quantity: q.clone(), citation: cite(q.sentence) }).collect();
        self.events.extend(events);
        self.counts.extend(counts);
        self.quantities.extend(quantities);
    }

    /// A person's display name.
    pub fn person_name(&self, id: PersonId) -> &str {
        self.people.persons.get(id).map_or("?", |p| p.canonical())
    }

    /// Names of a set of people, joined for messages.
    pub fn names_of(&self, ids: &BTreeSet<PersonId>) -> String {
        let names: Vec<&str> = ids.iter().map(|&id| self.person_name(id)).collect();
        match names.len() {
            0 => String::new(),
            1 => names[0].to_string(),
            _ => format!("{} and {}", names[..names.len() - 1].join(", "), names[names.len() - 1]),
        }
    }

    /// Dated event facts of one event (kind, participants or name) whose dates disagree by a
    /// few days between sources or inside one: the corpus disputes that date.
    pub fn disputes(&self) -> Vec<Vec<&EventFact>> {
        let dated: Vec<&EventFact> = self.events.iter().filter(|f| f.event.date.is_some() && f.event.kind != EventKind::Report).collect();
        let mut groups: Vec<Vec<&EventFact>> = Vec::new();
        for fact in dated {
            let group = groups.iter_mut().find(|group| {
                let first = &group[0].event;
                first.kind == fact.event.kind
                    && first.participants == fact.event.participants
                    && first.named == fact.event.named
                    && places_agree(&first.places, &fact.event.places)
                    && day_distance(first.date.as_ref().map(|d| d.value), fact.event.date.as_ref().map(|d| d.value)).is_some_and(|d| d <= 3)
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
                    .filter_map(|f| f.event.date.as_ref())
                    .filter(|d| matches!(d.value, DateValue::Day(_)))
                    .map(|d| format!("{:?}", d.value))
                    .collect();
                values.len() > 1
            })
            .collect()
    }

    /// The `factline corpus` report, in Markdown.
    pub fn report(&self, _corpus: &Corpus) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "# Corpus: {} articles\n", self.sources.len());
        let _ = writeln!(out, "## Articles\n");
        for source in &self.sources {
            let date = match (source.published, source.published_from) {
                (Some(date), Some(from)) => format!(
                    "{} ({})",
                    date,
                    match from {
                        DateSource::FrontMatter => "front matter",
                        DateSource::DateLine => "date line",
                        DateSource::Today => "\"today\" in the text",
                    }
                ),
                _ => "NO DATE: relative dates in it stay unresolved".to_string(),
            };
            let _ = writeln!(
                out,
                "- `{}`{}: {}",
                source.file_name,
                source.outlet.as_ref().map(|o| format!(" ({o})")).unwrap_or_default(),
                date
            );
        }
        let _ = writeln!(out, "\n## People and spellings\n");
        let mut people: Vec<(PersonId, &people::Person)> = self.people.persons.iter().enumerate().collect();
        people.sort_by_key(|(_, p)| std::cmp::Reverse(p.document_count()));
        for (id, person) in &people {
            let spellings: Vec<String> = person.spellings.iter().map(|s| format!("{} ({})", s.text, s.documents.len())).collect();
            let _ = writeln!(out, "- **{}** [{}]: {}", person.canonical(), id, spellings.join(", "));
            for title in &person.titles {
                let _ = writeln!(out, "  - title: {} ({} sources)", title.text, title.documents.len());
            }
        }
        let _ = writeln!(out, "\n## Events with dates\n");
        let mut dated: Vec<&EventFact> = self.events.iter().filter(|f| f.event.date.is_some()).collect();
        dated.sort_by_key(|f| (f.event.date.as_ref().map(|d| d.value.start()), f.source));
        for fact in dated {
            let Some(date) = &fact.event.date else { continue };
            let who = fact.event.named.clone().map(|n| n.to_uppercase()).unwrap_or_else(|| self.names_of(&fact.event.participants));
            let places: Vec<&str> = fact.event.places.iter().map(|p| p.text.as_str()).collect();
            let _ = writeln!(
                out,
                "- {} {} — {}{} — `{}`:{}",
                date.value.display(),
                fact.event.kind.noun(),
                who,
                if places.is_empty() { String::new() } else { format!(" in {}", places.join(", ")) },
                self.cite(fact.citation).file_name,
                self.cite(fact.citation).line
            );
        }
        let _ = writeln!(out, "\n## Counts\n");
        for fact in &self.counts {
            let _ = writeln!(
                out,
                "- {} met {} times — `{}`:{}",
                self.names_of(&fact.count.participants),
                fact.count.value,
                self.cite(fact.citation).file_name,
                self.cite(fact.citation).line
            );
        }
        let _ = writeln!(out, "\n## Disagreements between sources\n");
        let disputes = self.disputes();
        if disputes.is_empty() {
            let _ = writeln!(out, "None found.");
        }
        for group in disputes {
            let first = &group[0].event;
            let who = first.named.clone().map(|n| n.to_uppercase()).unwrap_or_else(|| self.names_of(&first.participants));
            let _ = writeln!(out, "- {} {}:", who, first.kind.noun());
            for fact in group {
                if let Some(date) = &fact.event.date {
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
}

/// Whether two place lists can be one place: either is empty, or a place of one contains
/// (word for word) a place of the other ("Pyongyang" and "Pyongyang International Airport").
pub fn places_agree(a: &[extract::PlaceMention], b: &[extract::PlaceMention]) -> bool {
    a.is_empty() || b.is_empty() || a.iter().any(|x| b.iter().any(|y| place_matches(&x.key, &y.key)))
}

/// Whether two places may be one place, or one inside the other: the same words, or a
/// country against anything (the checker knows no map: "Gyeongju" may be in "South Korea").
pub fn places_may_coincide(a: &str, b: &str) -> bool {
    place_matches(a, b) || crate::annotate::names::is_country_name(a) || crate::annotate::names::is_country_name(b)
}

/// [`places_may_coincide`] for two lists: either empty, or some pair may coincide.
pub fn place_lists_may_coincide(a: &[extract::PlaceMention], b: &[extract::PlaceMention]) -> bool {
    a.is_empty() || b.is_empty() || a.iter().any(|x| b.iter().any(|y| places_may_coincide(&x.key, &y.key)))
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

/// Every pair of a set, lower id first.
fn pairs(set: &BTreeSet<PersonId>) -> impl Iterator<Item = (PersonId, PersonId)> + '_ {
    set.iter().enumerate().flat_map(move |(at, &a)| set.iter().skip(at + 1).map(move |&b| (a, b)))
}

pub fn place_matches(a: &str, b: &str) -> bool {
    let a_words: Vec<&str> = a.split_whitespace().collect();
    let b_words: Vec<&str> = b.split_whitespace().collect();
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

    #[test]
    fn vocabulary_words_are_the_split_words() {
        let alphabet = ["a", "Z", "9", "-", "'", "’", " ", ".", ",", "\n", "é", "É", "٣", "中", "\u{a0}", "😀", "Kim", "Son-hui", "it's"];
        let mut state = 0x6a09_e667_f3bc_c908_u64;
        let mut texts = vec![String::new(), "-".to_string(), "Kim Jong-un's 3rd visit, Moscow’s 'guest'.".to_string()];
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

    /// The statements [`FactBase::closest_quantities`] finds through the rarest posting
    /// lists are those a comparison with every quantity fact finds: the most shared words
    /// and one fewer, at least the floor, for contexts taken from the corpus and changed.
    #[test]
    fn closest_quantities_is_the_exhaustive_comparison() {
        let world = crate::synth::World::new(7);
        let (corpus, _) = Corpus::from_texts((0..300).map(|k| world.article(k)));
        let facts = FactBase::build(&corpus);
        assert!(facts.quantities.len() > 100, "the synthetic corpus states quantities");
        let exhaustive = |unit: &str, ordinal: bool, context: &BTreeSet<String>, at_least: usize, max_values: usize| -> Vec<(usize, u32)> {
            let shared: Vec<(usize, u32)> = (0..facts.quantities.len() as u32)
                .map(|at| (at, &facts.quantities[at as usize].quantity))
                .filter(|(_, q)| q.unit == unit && q.quantity.ordinal == ordinal)
                .map(|(at, q)| (q.context.intersection(context).count(), at))
                .filter(|(common, _)| *common >= at_least)
                .collect();
            let best = shared.iter().map(|(common, _)| *common).max().unwrap_or(0);
            let mut close: Vec<(usize, u32)> = shared.into_iter().filter(|(common, _)| common + 1 >= best).collect();
            close.sort_by_key(|(common, at)| (std::cmp::Reverse(*common), *at));
            let values: BTreeSet<u64> =
                close.iter().map(|(_, at)| facts.quantities[*at as usize].quantity.quantity.value.to_bits()).collect();
            if values.len() > max_values { Vec::new() } else { close }
        };
        let mut compared = 0;
        for (k, fact) in facts.quantities.iter().enumerate().step_by(7) {
            let q = &fact.quantity;
            let mut context = q.context.clone();
            // Vary the context: as is, a word less, a word the corpus does not have, another fact's words.
            match k % 4 {
                1 => {
                    let first = context.iter().next().cloned();
                    first.map(|w| context.remove(&w));
                }
                2 => {
                    context.insert("zzunknown".to_string());
                }
                3 => context.extend(facts.quantities[(k * 31) % facts.quantities.len()].quantity.context.iter().cloned()),
                _ => {}
            }
            for (at_least, max_values) in [(1, usize::MAX), (3, usize::MAX), (context.len().div_ceil(2).max(3), usize::MAX), (3, 2)] {
                let found: Vec<(usize, u32)> = facts
                    .closest_quantities(&q.unit, q.quantity.ordinal, &context, at_least, max_values)
                    .iter()
                    .flat_map(|(common, s)| s.group.members.iter().map(move |&at| (*common, at)))
                    .collect();
                let mut found_sorted = found.clone();
                found_sorted.sort_by_key(|(common, at)| (std::cmp::Reverse(*common), *at));
                let expected = exhaustive(&q.unit, q.quantity.ordinal, &context, at_least, max_values);
                assert_eq!(found_sorted, expected, "context {context:?}, at least {at_least}, at most {max_values} values");
                compared += usize::from(!expected.is_empty());
            }
        }
        assert!(compared > 50, "only {compared} comparisons found anything");
    }

    /// Statements group the facts that say the same thing, and only those.
    #[test]
    fn statements_group_identical_facts() {
        let world = crate::synth::World::new(7);
        let (corpus, _) = Corpus::from_texts((0..200).map(|k| world.article(k)));
        let facts = FactBase::build(&corpus);
        let groups = &facts.index.event_groups;
        assert!(groups.len() < facts.events.len(), "sources repeat events, so statements are fewer than facts");
        let mut covered = vec![false; facts.events.len()];
        for group in groups {
            let first = &facts.events[group.first() as usize];
            assert!(group.members.windows(2).all(|w| w[0] < w[1]));
            assert!(group.sources.windows(2).all(|w| w[0] < w[1]));
            let sources: BTreeSet<u32> = group.members.iter().map(|&at| facts.events[at as usize].source as u32).collect();
            assert_eq!(sources.into_iter().collect::<Vec<_>>(), group.sources);
            for &at in &group.members {
                assert!(EventKey::of(&facts.events[at as usize].event) == EventKey::of(&first.event));
                covered[at as usize] = true;
            }
        }
        assert!(covered.iter().all(|&c| c), "every fact is in a statement");
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
            .filter(|f| f.event.kind != EventKind::Report)
            .map(|f| {
                let who = f.event.named.clone().or(f.event.thing.clone()).unwrap_or_else(|| facts.names_of(&f.event.participants));
                let date = f.event.date.as_ref().map_or("-".to_string(), |d| d.value.display());
                let places: Vec<&str> = f.event.places.iter().map(|p| p.text.as_str()).collect();
                format!("{} | {who} | {date} | {}", f.event.kind.noun(), places.join(", "))
            })
            .collect()
    }

    #[test]
    fn event_extraction_table() {
        let people = "Russian President Vladimir Putin spoke. North Korean Foreign Minister Choe Son-hui spoke. U.S. President Donald Trump spoke. North Korean leader Kim Jong-un spoke.";
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "2025-10-28",
                "Minister Choe paid a courtesy visit to Putin on Monday in the Russian capital, Moscow, after leaving Pyongyang on Sunday.",
                &[
                    "meeting | Vladimir Putin and Choe Son-hui | Oct. 27, 2025 | Moscow",
                    "departure | Choe Son-hui | Oct. 26, 2025 | Pyongyang",
                ],
            ),
            (
                "2025-10-28",
                "Trump held three in-person meetings with Kim -- a summit in Singapore in June 2018 and another in Hanoi, Vietnam, in February 2019.",
                &[
                    "meeting | Donald Trump and Kim Jong-un | - | ",
                    "meeting | Donald Trump and Kim Jong-un | June 2018 | Singapore",
                    "meeting | Donald Trump and Kim Jong-un | February 2019 | Hanoi, Vietnam",
                ],
            ),
            (
                "2025-10-28",
                "Choe said ties were strong. She left Pyongyang on Sunday.",
                &["departure | Choe Son-hui | Oct. 26, 2025 | Pyongyang"],
            ),
            (
                "2025-10-27",
                "The APEC summit opens on Oct. 31 in the southeastern city of Gyeongju.",
                &["gathering | apec | Oct. 31, 2025 | Gyeongju"],
            ),
            ("2025-03-05", "The strike began on Feb. 24, the union said.", &["start | strike | Feb. 24, 2025 | "]),
            ("2025-10-28", "Putin, left, shakes hands with Choe.", &[]),
        ];
        for (published, sentence, expected) in cases {
            let found = events(published, &format!("{people}\n{sentence}"));
            assert_eq!(found, *expected, "events of {sentence:?}");
        }
    }
}
