//! The fact base: what the corpus says, merged across sources, every fact with citations.
//!
//! Built in two passes over the corpus. The first learns people (spellings merged by
//! name parts) and the titles they hold, and acronyms; the second analyses every article
//! with that knowledge ([`extract::analyse`]) and keeps each event, count and quantity
//! together with the sentence that states it.

pub mod extract;
pub mod people;

use std::collections::{BTreeMap, BTreeSet, HashMap};
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

/// Posting lists over the facts, so that a check looks only at the facts that can match
/// its claim, never at every fact of the corpus. Rebuilt by [`FactBase::reindex`] (not
/// stored in the index cache). Lists hold fact indexes in ascending order: filtering one
/// gives the facts in the same order as filtering the whole list.
#[derive(Clone, Debug, Default)]
pub struct FactIndex {
    events_by_person: HashMap<(EventKind, PersonId), Vec<u32>>,
    /// By two of their participants (lower id first): the famous meet many people.
    events_by_pair: HashMap<(EventKind, PersonId, PersonId), Vec<u32>>,
    events_by_name: HashMap<(EventKind, String), Vec<u32>>,
    events_by_thing: HashMap<(EventKind, String), Vec<u32>>,
    events_of_kind: HashMap<EventKind, Vec<u32>>,
    counts_by_person: HashMap<PersonId, Vec<u32>>,
    counts_by_pair: HashMap<(PersonId, PersonId), Vec<u32>>,
    quantities_by_unit: HashMap<(String, bool), Vec<u32>>,
    /// Quantity facts with the same unit, ordinal and context words, compared once.
    quantity_groups: Vec<QuantityGroup>,
    /// Quantity groups by (unit, ordinal, context word).
    groups_by_word: HashMap<(String, bool, String), Vec<u32>>,
    /// For each source, the first source with the same path (evidence is deduplicated by path).
    pub(crate) path_ids: Vec<u32>,
}

#[derive(Clone, Debug)]
struct QuantityGroup {
    unit: String,
    ordinal: bool,
    context: BTreeSet<String>,
    /// Fact indexes, ascending.
    members: Vec<u32>,
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
    pub vocabulary: BTreeSet<String>,
    /// The words the corpus writes in lower case somewhere: common words, not names.
    pub common_words: BTreeSet<String>,
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
            for word in document.body_text().split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'')) {
                if !word.is_empty() {
                    if word.chars().next().is_some_and(char::is_lowercase) {
                        facts.common_words.insert(word.to_string());
                    }
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

    /// Builds the posting lists of [`FactIndex`] (after building, or loading from the cache).
    pub fn reindex(&mut self) {
        let mut index = FactIndex::default();
        for (at, fact) in self.events.iter().enumerate() {
            let at = at as u32;
            let kind = fact.event.kind;
            index.events_of_kind.entry(kind).or_default().push(at);
            for &person in &fact.event.participants {
                index.events_by_person.entry((kind, person)).or_default().push(at);
            }
            for (a, b) in pairs(&fact.event.participants) {
                index.events_by_pair.entry((kind, a, b)).or_default().push(at);
            }
            if let Some(name) = &fact.event.named {
                index.events_by_name.entry((kind, name.clone())).or_default().push(at);
            }
            if let Some(thing) = &fact.event.thing {
                index.events_by_thing.entry((kind, thing.clone())).or_default().push(at);
            }
        }
        for (at, fact) in self.counts.iter().enumerate() {
            for &person in &fact.count.participants {
                index.counts_by_person.entry(person).or_default().push(at as u32);
            }
            for pair in pairs(&fact.count.participants) {
                index.counts_by_pair.entry(pair).or_default().push(at as u32);
            }
        }
        let mut group_of: HashMap<(&str, bool, &BTreeSet<String>), u32> = HashMap::new();
        for (at, fact) in self.quantities.iter().enumerate() {
            let (unit, ordinal) = (&fact.quantity.unit, fact.quantity.quantity.ordinal);
            index.quantities_by_unit.entry((unit.clone(), ordinal)).or_default().push(at as u32);
            let next = index.quantity_groups.len() as u32;
            let group = *group_of.entry((unit.as_str(), ordinal, &fact.quantity.context)).or_insert(next);
            if group == next {
                index.quantity_groups.push(QuantityGroup {
                    unit: unit.clone(),
                    ordinal,
                    context: fact.quantity.context.clone(),
                    members: Vec::new(),
                });
                for word in &fact.quantity.context {
                    index.groups_by_word.entry((unit.clone(), ordinal, word.clone())).or_default().push(group);
                }
            }
            index.quantity_groups[group as usize].members.push(at as u32);
        }
        let mut first_with_path: HashMap<&PathBuf, u32> = HashMap::new();
        index.path_ids = self.sources.iter().enumerate().map(|(at, s)| *first_with_path.entry(&s.path).or_insert(at as u32)).collect();
        self.index = index;
    }

    /// Event facts of `kind` among which every fact with all of `participants` (at least
    /// one), `name` or `thing` is: the shortest posting list that must hold them all.
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

    /// Meeting counts whose participants include all of `participants`, in corpus order.
    pub fn counts_with<'a>(&'a self, participants: &'a BTreeSet<PersonId>) -> impl Iterator<Item = &'a CountFact> + 'a {
        let singles = participants.iter().map(|p| self.index.counts_by_person.get(p).map_or(&[][..], Vec::as_slice));
        let both = pairs(participants).map(|pair| self.index.counts_by_pair.get(&pair).map_or(&[][..], Vec::as_slice));
        let shortest: Option<&[u32]> = singles.chain(both).min_by_key(|l| l.len());
        let all = shortest.is_none();
        let listed = shortest.unwrap_or(&[]).iter().map(|&at| &self.counts[at as usize]);
        let every = self.counts.iter().filter(move |_| all);
        listed.chain(every).filter(move |f| participants.is_subset(&f.count.participants))
    }

    /// Quantity facts of one unit, ordinal or not, that share at least `shared` of the
    /// `context` words, with how many they share, in corpus order. Facts with the same
    /// context are compared once; a fact with `shared` of the words has one of any
    /// `len - shared + 1` of them, so only the groups of the rarest are looked at.
    pub fn quantities_sharing<'a>(
        &'a self,
        unit: &str,
        ordinal: bool,
        context: &BTreeSet<String>,
        shared: usize,
    ) -> Vec<(usize, &'a QuantityFact)> {
        if shared > context.len() {
            return Vec::new();
        }
        let candidates: Vec<u32> = if shared == 0 {
            (0..self.index.quantity_groups.len() as u32).collect()
        } else {
            let mut lists: Vec<&[u32]> = context
                .iter()
                .map(|word| self.index.groups_by_word.get(&(unit.to_string(), ordinal, word.clone())).map_or(&[][..], Vec::as_slice))
                .collect();
            lists.sort_by_key(|list| list.len());
            let mut candidates: Vec<u32> = lists[..context.len() - shared + 1].iter().flat_map(|list| list.iter().copied()).collect();
            candidates.sort_unstable();
            candidates.dedup();
            candidates
        };
        let mut found: Vec<(u32, usize)> = Vec::new();
        for group in candidates.iter().map(|&g| &self.index.quantity_groups[g as usize]) {
            if group.unit != unit || group.ordinal != ordinal {
                continue;
            }
            let common = group.context.intersection(context).count();
            if common >= shared {
                found.extend(group.members.iter().map(|&at| (at, common)));
            }
        }
        found.sort_unstable_by_key(|(at, _)| *at);
        found.into_iter().map(|(at, common)| (common, &self.quantities[at as usize])).collect()
    }

    /// Quantity facts of one unit, ordinal or not, in corpus order.
    pub fn quantities_of<'a>(&'a self, unit: &str, ordinal: bool) -> impl Iterator<Item = &'a QuantityFact> + 'a {
        let list = self.index.quantities_by_unit.get(&(unit.to_string(), ordinal)).map_or(&[][..], Vec::as_slice);
        list.iter().map(|&at| &self.quantities[at as usize])
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
