//! Values aligned with their evidence: any date, figure, score or place of the draft is
//! compared with the value of the same type that the same words govern in the corpus
//! sentences that speak of the same thing. No list of event kinds: the words around a value
//! (its frame) say what it is about.
//!
//! For each draft sentence with values, the evidence index retrieves the corpus sentences
//! that share its rarest lemmas (names, places, content words). Each draft value is scored
//! against each evidence value of its type by how much of its frame (the draft's lemmas,
//! weighted by rarity and nearness to the value) the evidence value's frame shares.
//!
//! - An evidence value that agrees, under a frame that aligns at all: supported, silent.
//! - Values that disagree, under a frame that aligns confidently (the words that govern
//!   the value shared on both sides, most of the draft's frame found): a conflict, quoting
//!   the evidence.
//! - A draft value that an earlier source gives and a later one updates: information.
//! - Sources published after the draft say nothing about it; no aligned evidence: silence.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;

use jiff::civil::Date;

use super::occurrence::Marks;
use super::{Context, Output, Raised, sources};
use crate::annotate::dates::DateValue;
use crate::annotate::names::lower_case;
use crate::facts::evidence::{EvidenceSource, IndexedSentence, SentenceValues, Slot, Value, sentence_values};
use crate::facts::{CiteRef, FactBase};
use crate::finding::{Kind, Verdict};

/// An agreeing value supports the draft's when its frame aligns this well (the share of
/// the draft frame's weight it finds: the whole sentence's, or within six lemmas).
const SUPPORT_WHOLE: f32 = 0.25;
const SUPPORT_LOCAL: f32 = 0.2;
/// A disagreeing value contradicts the draft's only when it finds this share of the
/// frame within six lemmas of the value...
const CONFLICT_LOCAL: f32 = 0.5;
/// ...and of the whole sentence's frame...
const CONFLICT_WHOLE: f32 = 0.2;
/// ...sharing governing lemmas this rare (summed IDF, as a share of the IDF of a word only
/// one sentence uses: a rare word, or two common ones)...
const CONFLICT_GOVERNING: f32 = 0.5;
/// The share of the whole frame at which a sentence is the same sentence told again.
const RETOLD: f32 = 0.9;
/// ...with two nearby lemmas shared, or one this rare (share of the rarest possible)...
const LONE_WORD: f32 = 0.8;
/// ...and aligning better by this much than any other value of its type in its sentence.
const CONFLICT_MARGIN: f32 = 0.1;
/// Places are easy to misread (a venue for its city, a home for a birthplace), and a year
/// is often another year's comparison ("the first time since 2018"): they need more.
const PLACE_EXTRA: f32 = 0.15;
const YEAR_EXTRA: f32 = 0.2;
/// An ordinal counts one of a series ("the 81st minute", "the third death"), and a story
/// tells many members of a series: it needs more too.
const ORDINAL_EXTRA: f32 = 0.2;
/// The local alignment a disagreeing value needs to contradict a draft's (see
/// [`CONFLICT_LOCAL`]): more for a place, a year or an ordinal.
fn conflict_local(value: &Value) -> f32 {
    CONFLICT_LOCAL
        + match value {
            Value::Place(_) => PLACE_EXTRA,
            Value::Date(crate::annotate::dates::DateValue::Year(_)) => YEAR_EXTRA,
            Value::Figure { ordinal: true, .. } => ORDINAL_EXTRA,
            _ => 0.0,
        }
}

/// How much less local alignment a day or place needs to contradict the draft's when its
/// sentence gives the draft sentence's score or one of its distinctive figures (see
/// [`judge`]): the shared value ties the two sentences to one occasion.
const SAME_SCORE_RELIEF: f32 = 0.15;

/// Nearness (see [`nearness`]) at which a lemma governs a value.
const GOVERNS: f32 = 0.7;

/// How much a lemma `distance` lemmas away from a value belongs to its frame. A date
/// often stands at the head of its clause ("On Tuesday, the council sent a letter"): its
/// frame is the clause, with less regard to order.
fn nearness(distance: usize, date: bool) -> f32 {
    if date {
        return if distance <= 8 { 1.0 } else { 0.4 };
    }
    match distance {
        0 | 1 => 1.0,
        2 | 3 => 0.75,
        4..=6 => 0.4,
        _ => 0.15,
    }
}

/// How far the lemma at `position` stands from a value that `at` lemmas precede: 1 for the
/// lemma right before or right after it.
fn lemma_distance(position: usize, at: usize) -> usize {
    if position < at { at - position } else { position + 1 - at }
}

/// A value's frame: each lemma of its sentence once, weighted by rarity and nearness.
/// A figure's unit is left out: the type already compares it. So are a place's own words
/// (`own`, see [`own_words`]), which its sentence's lemmas keep when it is where someone
/// went ("a flight to Tarrow"): they are its value, not its frame.
///
/// A lemma between this value and another of the same kind in the sentence (`anchors`,
/// see [`anchors`]), and nearer the other, belongs to that value's clause ("fell from 31
/// seats in 2019 to nine, short of the 14 seats": "short" frames the 14): it still weighs in the
/// frame's local part, but cannot be found there (its `owned` nearness is far).
#[allow(clippy::too_many_arguments)]
fn frame(
    terms: &[Option<u32>],
    at: usize,
    anchors: &[usize],
    unit: Option<u32>,
    own: &[u32],
    date: bool,
    aside: Option<&Range<usize>>,
    index: &dyn EvidenceSource,
) -> Vec<FrameTerm> {
    let mut weights: BTreeMap<u32, FrameTerm> = BTreeMap::new();
    for (position, term) in terms.iter().enumerate() {
        let Some(term) = *term else { continue };
        if Some(term) == unit || !own.is_empty() && own.contains(&index.family(term)) {
            continue;
        }
        let own = lemma_distance(position, at);
        let near = if aside.is_some_and(|aside| !aside.contains(&position)) { nearness(own, date).min(FAR) } else { nearness(own, date) };
        // (Only a lemma between the two values: one beyond the other value is the subject
        // or object both share, "the court fined her $80,000 and ordered two years".)
        let between = |other: usize| (at.min(other)..at.max(other)).contains(&position);
        let owned = if anchors.iter().any(|&other| between(other) && lemma_distance(position, other) < own) { near.min(FAR) } else { near };
        let family = index.family(term);
        let entry = weights.entry(family).or_insert(FrameTerm { term: family, near: 0.0, owned: 0.0, idf: index.idf(term) });
        entry.near = entry.near.max(near);
        entry.owned = entry.owned.max(owned);
    }
    weights.into_values().collect()
}

/// The families of the words of a place value (see [`frame`]); none for another value.
fn own_words(value: &Value, index: &dyn EvidenceSource) -> Vec<u32> {
    let Value::Place(key) = value else { return Vec::new() };
    place_families(key, index).collect()
}

/// The lemma families of a place's words that the index knows.
fn place_families<'a>(place: &'a str, index: &'a dyn EvidenceSource) -> impl Iterator<Item = u32> + 'a {
    place
        .split(|c: char| !c.is_alphanumeric())
        .filter_map(|word| index.term(&crate::facts::evidence::lemma(word)?))
        .map(|term| index.family(term))
}

/// The [`frame`] of a slot's value, with the values of its sentence (`values`, see
/// [`value_terms`]) that stand within `window` (lemma positions) as terms of it: only for a
/// day or a figure, and only values of other types than its own.
#[allow(clippy::too_many_arguments)]
fn value_frame(
    terms: &[Option<u32>],
    slot: &Slot,
    values: &[ValueTerm],
    window: Range<usize>,
    anchors: &[usize],
    unit: Option<u32>,
    date: bool,
    index: &dyn EvidenceSource,
) -> Vec<FrameTerm> {
    let aside = aside(slot);
    let mut frame = frame(terms, slot.at as usize, anchors, unit, &own_words(&slot.value, index), date, aside.as_ref(), index);
    if matches!(slot.value, Value::Place(_)) {
        return frame;
    }
    let at = slot.at as usize;
    for value in values {
        // (A value ends its window as a lemma does not: the last value stands at its end.)
        if std::ptr::eq(value.slot, slot) || value.slot.value.same_type(&slot.value) || value.at < window.start || value.at > window.end {
            continue;
        }
        let near =
            if aside.as_ref().is_some_and(|aside| !aside.contains(&value.at)) { FAR } else { nearness(lemma_distance(value.at, at), date) };
        match frame.binary_search_by_key(&value.term, |t| t.term) {
            Ok(found) => {
                let entry = &mut frame[found];
                entry.near = entry.near.max(near);
                entry.owned = entry.owned.max(near);
            }
            Err(insert) => frame.insert(insert, FrameTerm { term: value.term, near, owned: near, idf: value.idf }),
        }
    }
    frame
}

/// The lemmas (by position) that frame a value told in an aside ([`Slot::clause`]): the
/// aside's and the [`ANTECEDENT`] lemmas before it, which it tells of.
fn aside(slot: &Slot) -> Option<Range<usize>> {
    let (start, end) = slot.clause?;
    Some((start as usize).saturating_sub(ANTECEDENT)..end as usize)
}

/// Whether the sentence of `evidence` lemmas names what the aside `slot` is told in tells
/// of (a lemma of its [`ANTECEDENT`]); true for a slot told in no aside, or in one that
/// opens its sentence.
fn antecedent_found(index: &dyn EvidenceSource, slot: &Slot, terms: &[Option<u32>], evidence: &[Option<u32>]) -> bool {
    let Some((start, _)) = slot.clause else { return true };
    let start = (start as usize).min(terms.len());
    // (A lemma the corpus does not know is found nowhere in it.)
    let antecedent = &terms[start.saturating_sub(ANTECEDENT)..start];
    // (Or by its initials: "HVL, which is headquartered in" is the "Harrow Vale
    // Logistics" a source names.)
    let spelled_out = |term: u32| {
        let short = index.lemma(term);
        (2..=4).contains(&short.len())
            && short.bytes().all(|b| b.is_ascii_lowercase())
            && evidence.windows(short.len()).any(|words| {
                words
                    .iter()
                    .zip(short.bytes())
                    .all(|(word, letter)| word.is_some_and(|w| index.lemma(w).as_bytes().first() == Some(&letter)))
            })
    };
    antecedent.is_empty()
        || antecedent
            .iter()
            .flatten()
            .any(|&term| evidence.iter().flatten().any(|&t| index.family(t) == index.family(term)) || spelled_out(term))
}

/// How many lemmas before an aside tell what it is about: "Defence Minister Ilse Varga, who".
const ANTECEDENT: usize = 3;

/// A value of a sentence as a term of its other values' frames (see [`value_terms`]).
struct ValueTerm<'a> {
    slot: &'a Slot,
    /// Its lemma position.
    at: usize,
    term: u32,
    idf: f32,
}

/// A sentence's values as terms of one another's frames: where a thing happened, how many,
/// on what day ("banned Quill for 50 months on Friday" and "on Thursday banned him for
/// 50 months" share the 50 months). Only values stated, not hedged. Each is a term of its
/// own (outside the index's ids), as rare as the corpus states it seldom.
fn value_terms<'a>(slots: &'a [Slot], index: &dyn EvidenceSource) -> Vec<ValueTerm<'a>> {
    use std::hash::{Hash, Hasher};
    let sentences = index.len_with_values().max(1) as f32;
    slots
        .iter()
        .filter(|slot| !slot.hedged)
        .map(|slot| {
            let mut hasher = rustc_hash::FxHasher::default();
            match &slot.value {
                Value::Place(place) => (0u8, place).hash(&mut hasher),
                Value::Figure { value, unit, .. } => (1u8, value.to_bits(), unit).hash(&mut hasher),
                Value::Score(a, b) => (2u8, a.min(b), a.max(b)).hash(&mut hasher),
                Value::Date(date) => (3u8, date).hash(&mut hasher),
                Value::Weekday(weekday) => (4u8, weekday.to_monday_zero_offset()).hash(&mut hasher),
            }
            let idf = match &slot.value {
                Value::Date(_) | Value::Weekday(_) => VALUE_IDF * index.max_idf(),
                value => ((sentences + 1.0) / (index.stated_in(value) as f32 + 1.0)).ln().clamp(0.0, index.max_idf()),
            };
            ValueTerm { slot, at: slot.at as usize, term: VALUE_TERMS | (hasher.finish() as u32 & !VALUE_TERMS), idf }
        })
        .collect()
}

/// The ids of [`value_terms`]: none the index gives a lemma.
const VALUE_TERMS: u32 = 0xF000_0000;
/// The rarity of a day as a term of another value's frame (share of the rarest word's).
const VALUE_IDF: f32 = 0.6;

/// One lemma (by its synonym family) of a value's frame: how near the value it stands, how
/// near once the lemmas of other values' clauses are set far, and its rarity.
#[derive(Clone, Copy, Debug)]
struct FrameTerm {
    term: u32,
    near: f32,
    owned: f32,
    idf: f32,
}

/// A related sentence that gives the draft's figure, score or place under other words
/// attests it (the draft may have it from there) unless its whole frame aligns worse than
/// this share of the best-aligned frame giving another value: "heard in courtroom 9" does
/// not attest "a maximum sentence of 9 years" against "a maximum sentence of 12 years".
const ATTESTS_SHARE: f32 = 1.0;

/// The nearness of a lemma that belongs to another value's clause: outside the frame's
/// local part.
const FAR: f32 = 0.15;

/// Where the other values of `slot`'s type stand in its sentence: dates for a date, scores
/// for a score, figures of its unit for a figure (two counts of one thing are two facts;
/// figures of other units are often one: "four kick returns for 53 yards"). Places share
/// their clause with the others ("in Tarrow on Wednesday, a jury convicted").
fn anchors(slots: &[Slot], slot: &Slot) -> Vec<usize> {
    if matches!(slot.value, Value::Place(_)) {
        return Vec::new();
    }
    slots
        .iter()
        .filter(|other| !std::ptr::eq(*other, slot) && other.at != slot.at && other.value.same_type(&slot.value))
        .map(|other| other.at as usize)
        .collect()
}

/// The days of a week: an undated page's weekday is one of the week before it was written.
const WEEK_DAYS: i64 = 7;

/// How well an evidence value's frame aligns with a draft value's.
#[derive(Clone, Copy, Debug, Default)]
struct Alignment {
    /// The share of the draft frame's weight found in the evidence frame.
    whole: f32,
    /// The same within six lemmas of the value.
    local: f32,
    /// The summed rarity of the lemmas that govern the value on both sides.
    governing_idf: f32,
    /// How many lemmas within six of the value both frames share, and the rarity of the rarest.
    shared_local: usize,
    rarest_shared: f32,
}

fn alignment(draft: &[FrameTerm], evidence: &[FrameTerm]) -> Alignment {
    let (mut total, mut total_local) = (0.0, 0.0);
    let (mut shared, mut shared_local, mut governing_idf) = (0.0, 0.0, 0.0);
    let (mut shared_count, mut rarest_shared) = (0, 0.0f32);
    for &FrameTerm { term, near, owned, idf } in draft {
        // (A value of the draft's sentence counts only when the evidence states it too: a
        // sentence that leaves it out is no less aligned for that.)
        let found_at = evidence.binary_search_by_key(&term, |t| t.term);
        if term & VALUE_TERMS == VALUE_TERMS && found_at.is_err() {
            continue;
        }
        total += near * idf;
        let local = near >= 0.4;
        if local {
            total_local += near * idf;
        }
        if let Ok(at) = found_at {
            let other = evidence[at].owned;
            let found = owned.min(other);
            shared += found * idf;
            if local {
                shared_local += found * idf;
                if other >= 0.4 && owned >= 0.4 {
                    shared_count += 1;
                    rarest_shared = rarest_shared.max(idf);
                }
            }
            if owned >= GOVERNS && other >= GOVERNS {
                governing_idf += idf;
            }
        }
    }
    let share = |a: f32, b: f32| if b > 0.0 { a / b } else { 0.0 };
    Alignment {
        whole: share(shared, total),
        local: share(shared_local, total_local),
        governing_idf,
        shared_local: shared_count,
        rarest_shared,
    }
}

/// The words that tell an event's start ("began", "opened") and its end ("finished",
/// "concluded"): their synonym groups, and their families in this index where it has them.
struct Phases {
    groups: [Option<usize>; 2],
    families: [Option<u32>; 2],
}

impl Phases {
    fn new(index: &dyn EvidenceSource) -> Self {
        let groups = ["begin", "end"].map(|word| crate::facts::evidence::lemma(word).and_then(|l| crate::facts::synonyms::group(&l)));
        // (Any word of a group stands for it: the index may hold "finish" and not "end".)
        let families = ["begin", "end"].map(|word| {
            crate::facts::synonyms::group_words(word)
                .iter()
                .find_map(|w| crate::facts::evidence::lemma(w).and_then(|l| index.term(&l)))
                .map(|t| index.family(t))
        });
        Phases { groups, families }
    }

    /// Whether a source's value tells the other phase of an event than the draft's value,
    /// whose phase is `draft` ([`Phases::of_draft`]), does.
    fn opposed(&self, draft: Option<bool>, terms: &[u32], other: &Slot, is_date: bool, index: &dyn EvidenceSource) -> bool {
        draft.is_some_and(|phase| self.of_evidence(terms, other.at as usize, is_date, index) == Some(!phase))
    }

    /// The phase the words governing a draft value tell (see [`phase_near`]).
    fn of_draft(&self, lemmas: &[String], slot: &Slot) -> Option<bool> {
        let (at, is_date) = (slot.at as usize, slot.value.is_date());
        phase_near(lemmas.len(), at, is_date, |position| {
            let group = crate::facts::synonyms::group(&lemmas[position]);
            self.groups.iter().position(|g| g.is_some() && *g == group)
        })
    }

    /// The phase the words governing a source's value tell (see [`phase_near`]).
    fn of_evidence(&self, terms: &[u32], at: usize, is_date: bool, index: &dyn EvidenceSource) -> Option<bool> {
        phase_near(terms.len(), at, is_date, |position| {
            let family = index.family(terms[position]);
            self.families.iter().position(|f| *f == Some(family))
        })
    }
}

/// The phase of an event that the words governing a value tell (`phase_at` gives 0 for a
/// start's word, 1 for an end's): `true` for its end, `false` for its start; when words of
/// both govern it, the nearer's, and as near, the one before it, as a verb stands before
/// its day ("had begun on Oct. 25 and concluded on Sunday": Oct. 25 is the start); `None`
/// for neither, or both as near on one side ("from start to finish").
fn phase_near(len: usize, at: usize, is_date: bool, phase_at: impl Fn(usize) -> Option<usize>) -> Option<bool> {
    // For each phase, its nearest word: (distance, 0 before the value or 1 after).
    let mut nearest = [(usize::MAX, 2usize); 2];
    for position in (0..len).filter(|&p| nearness(lemma_distance(p, at), is_date) >= GOVERNS) {
        if let Some(phase) = phase_at(position) {
            nearest[phase] = nearest[phase].min((lemma_distance(position, at), usize::from(position >= at)));
        }
    }
    match nearest {
        [(usize::MAX, _), (usize::MAX, _)] => None,
        [start, end] if start < end => Some(false),
        [start, end] if end < start => Some(true),
        _ => None,
    }
}

/// One evidence value aligned with a draft value.
#[derive(Clone, Copy)]
struct Aligned<'a> {
    /// The alignment within six lemmas of the value.
    score: f32,
    sentence: &'a IndexedSentence,
    slot: &'a Slot,
    published: Option<Date>,
}

/// What the evidence says of one draft value.
enum Judgment<'a> {
    Supported(Vec<Aligned<'a>>),
    /// The draft's value is an earlier source's; later sources give others.
    Updated {
        agreeing: Vec<Aligned<'a>>,
        later: Vec<Aligned<'a>>,
    },
    Contradicted(Vec<Aligned<'a>>),
    /// The sources give the value two other ways under the draft's frame (see `judge`).
    Disputed(Vec<Aligned<'a>>),
    Silent,
    /// A person's figure the sources give for each occasion apart (see
    /// [`owned_figure_varies`]): silent, and closed to the sentence-wide looks.
    Withheld,
}

/// The terms of a sentence's lemmas, as the index knows them.
fn terms_of(sentence: &SentenceValues, index: &dyn EvidenceSource) -> Vec<Option<u32>> {
    sentence.lemmas.iter().map(|lemma| index.term(lemma)).collect()
}

#[allow(clippy::too_many_arguments)]
fn judge<'a>(
    facts: &'a FactBase,
    slot: &Slot,
    terms: &[Option<u32>],
    phases: &Phases,
    draft_phase: Option<bool>,
    candidates: &[u32],
    draft_date: Option<Date>,
    written_by: Option<Date>,
    draft_places: &[&str],
    draft_slots: &[Slot],
    draft_marks: &Marks,
    draft_text: &str,
    draft_range: Range<usize>,
    report: bool,
) -> Judgment<'a> {
    // (An undated draft's weekday is left unchecked: which week it means is a guess.)
    if matches!(slot.value, Value::Weekday(_)) {
        return Judgment::Silent;
    }
    let draft_start = draft_range.start;
    // (A value the draft denies, "who did not grow up in Fennick County", accounts for nothing.)
    let draft_values: Vec<&Value> = draft_slots.iter().filter(|s| !s.hedged || std::ptr::eq(*s, slot)).map(|s| &s.value).collect();
    let draft_anchors = anchors(draft_slots, slot);
    let index = &facts.evidence;
    let unit = slot.value.unit().and_then(|u| index.term(u));
    let is_date = slot.value.is_date();
    let told_past = |value: &Value| matches!((value, draft_date), (Value::Date(d), Some(draft)) if d.end() <= draft);
    // (A year over by the day a text was written: no plan of it, see below.)
    let year_past = |value: &Value, written: Option<Date>| matches!((value, written), (Value::Date(date @ DateValue::Year(_)), Some(written)) if date.end() <= written);
    // (Only a date written out, "March 27": a weekday or "the day before" is read against
    // the draft's own day, and a later source tells most of the story's main day.)
    let written_out = draft_text.get(slot.range()).is_some_and(|t| t.bytes().any(|b| b.is_ascii_digit()));
    // (Nor does where something happened: a place not planned.)
    let settled =
        !slot.future && !report && !slot.hedged && (written_out && told_past(&slot.value) || matches!(slot.value, Value::Place(_)));
    let draft_value_terms = value_terms(draft_slots, index);
    let draft_frame = value_frame(terms, slot, &draft_value_terms, 0..terms.len(), &draft_anchors, unit, is_date, index);
    // A draft date told in a clause opened by "since" too is compared with a source's
    // under the whole sentence: both date a span's start (see [`since_clause`]).
    let draft_since = is_date && since_clause(draft_text, draft_start, slot).is_some();
    // A day of a running count that the count's own word governs ("died on Saturday, taking
    // the toll to 35"; in "the quake that struck on March 28 has killed 140" the day is the
    // quake's): told at another figure, the count is another update (see below).
    let count_day = is_date
        && !report
        && draft_text.get(draft_range.clone()).is_some_and(running_count)
        && draft_text
            .get(draft_start..slot.start as usize)
            .is_some_and(|before| before.split_whitespace().rev().take(COUNT_GOVERNS).any(|w| names_any(w, RUNNING_COUNTS)));
    // (A sentence of values and no words frames nothing: its values alone would align with
    // any sentence that states one of them.)
    if draft_frame.iter().all(|t| t.term & VALUE_TERMS == VALUE_TERMS) {
        return Judgment::Silent;
    }
    if matches!(slot.value, Value::Place(_)) && !plausible_place(facts, &slot.value) {
        return Judgment::Silent;
    }
    // A place the sources write as the region of another place the draft sentence names
    // ("Carrow Stadium, New Jersey" for "New Jersey's Carrow Stadium") is where the sources
    // put that place: a source that puts it elsewhere is a dispute among them, told by the
    // site's own check (see `located`).
    if let Value::Place(key) = &slot.value
        && draft_places
            .iter()
            .map(|p| p.to_string())
            .chain(
                crate::facts::evidence::sites_located(draft_text, draft_start, draft_slots)
                    .into_iter()
                    .filter(|found| std::ptr::eq(found.place, slot))
                    .map(|found| found.site),
            )
            .any(|other| {
                !crate::facts::place_matches(&other, key)
                    && super::located::regions_placing(index, &other).any(|r| crate::facts::place_matches(&r.region, key))
            })
    {
        return Judgment::Silent;
    }
    // A part of a count told apart from the rest ("the other three deputies", "a further 12
    // bodies", "the remaining 40 seats") is no total: no total contradicts it.
    if matches!(slot.value, Value::Figure { .. }) && part_of_a_count(draft_text, slot) {
        return Judgment::Silent;
    }
    let place_words: Vec<u32> = draft_places.iter().flat_map(|place| place_families(place, index)).collect();
    let mut agreeing: Vec<Aligned> = Vec::new();
    let mut bounding: Vec<Aligned> = Vec::new();
    // Places that hold the draft's only as the draft's other place told (see below).
    let mut other_place_told: Vec<Aligned> = Vec::new();
    let mut disagreeing: Vec<Aligned> = Vec::new();
    let mut attested = false;
    let mut attested_by = f32::MIN;
    // How well the draft's own day, told under too few words to support it, aligns.
    let mut day_told = 0.0f32;
    // Values one digit off the draft's ("58" for "85", "47,263" for "45,263"): a figure miscopied.
    let mut misread: Vec<(Alignment, f32, f32, Aligned)> = Vec::new();
    // Values under a frame that aligns too weakly to contradict alone (see [`agreed`]).
    let mut weak: Vec<Aligned> = Vec::new();
    // Figures a source gives beside a figure the draft gives too (see [`anchored`]).
    let mut beside_shared: Vec<Aligned> = Vec::new();
    let tally_anchors = tally_anchors(draft_slots, slot);
    // Every value of the draft's type and unit the related sentences give, with how well
    // its frame aligns, for a figure that may be singled out so (see [`sole_figure`]).
    let singled_out = may_be_singled_out(&slot.value);
    let mut of_unit: Vec<(Alignment, Aligned)> = Vec::new();
    // An age belongs to the person it stands beside, whatever the other words.
    // (The name written right beside it first: an age beside a name the sources know as no
    // person is that stranger's, "Orsk's sons, 28-year-old Louis and 24-year-old Pierre"
    // telling nothing of Orsk's 70; only a source sentence that writes the name compares.)
    let draft_aged_name = if slot.value.unit() == Some("age") { aged_name(facts, draft_text, slot) } else { None };
    let draft_person = match draft_aged_name {
        Some(name) => facts.people.by_reference(name, &[]),
        None if slot.value.unit() == Some("age") => person_beside(facts, terms, slot.at as usize),
        None => None,
    };
    let aged_stranger = draft_aged_name.filter(|_| draft_person.is_none());
    // A figure beside a person ("Whitcombe led Harlow with 22 points") is that person's: a
    // figure beside another person ("Marchetti added 22") neither tells, allows nor
    // contradicts it (see [`owner_of`]).
    // (Not a figure a person reports: "Port director Sand said 40 ships had waited".)
    let figure_owner = if draft_person.is_none() && matches!(slot.value, Value::Figure { .. }) && !reported(draft_text, slot) {
        owner_of(facts, terms, draft_text, slot)
    } else {
        None
    };
    // A person's age is looked for wherever the sources give one, not only among the
    // sentences told in the same words.
    let retrieved = candidates.len();
    let mut with_ages: Vec<u32>;
    let candidates = if draft_person.is_some() {
        with_ages = candidates.to_vec();
        with_ages.extend(index.aged().iter().filter(|id| !candidates.contains(id)));
        &with_ages[..]
    } else {
        candidates
    };
    for (rank, &id) in candidates.iter().enumerate() {
        // (A sentence added for its ages is read for the person's age only.)
        let for_age_only = rank >= retrieved;
        let sentence = index.sentence(id);
        let published = facts.sources.get(sentence.source as usize).and_then(|s| s.published);
        // A source published after the draft cannot contradict it (a toll rises, a plan
        // changes; a later story dates the event where the draft dates a report of it).
        // (But a day the draft tells as past is still a past day later, and a place where
        // something happened is still that place: a later source that dates or places the
        // same past event contradicts it, "the quake struck on March 27" against a
        // week-later "the March 28 quake".)
        let later = matches!((draft_date, published), (Some(draft), Some(source)) if source > draft);
        if later && !settled {
            continue;
        }
        // An undated page was published no earlier than the latest day it writes of: past
        // the draft's date, it may still agree with the draft but not contradict it.
        // (So too a source published after the day an undated draft was written by at the
        // earliest, `written_by`.)
        // (`written_after` less the dated case above.)
        let later_undated = !later && written_after(facts, sentence.source, draft_date, written_by);
        let evidence_terms: Vec<Option<u32>> = sentence.terms.iter().map(|&t| Some(t)).collect();
        let evidence_values = if matches!(slot.value, Value::Place(_)) { Vec::new() } else { value_terms(&sentence.slots, index) };
        // A day or place told beside the draft sentence's score ("116-107") or one of its
        // distinctive figures is that occasion's: its other words need align less. So is a
        // place told beside another place the draft sentence gives, a list copied with one
        // place changed ("searched his homes in Carrow and Fennick" against "searches in
        // Carrow and Dunmore").
        // (The draft sentence's other values the sentence gives too, read once for the looks
        // below.)
        let told: Vec<&Slot> = if slot.value.is_date() || matches!(slot.value, Value::Place(_)) {
            told_there(draft_slots, &sentence.slots).filter(|d| !std::ptr::eq(*d, slot)).collect()
        } else {
            Vec::new()
        };
        let same_score = (slot.value.is_date() || matches!(slot.value, Value::Place(_)))
            && sentence.slots.iter().any(|o| {
                ties_occasion(&o.value)
                    && draft_slots.iter().any(|d| !d.hedged && d.value.same_type(&o.value) && accounted(&d.value, &o.value))
            })
            || matches!(slot.value, Value::Place(_)) && told.iter().any(|d| matches!(d.value, Value::Place(_)))
            // (So do two of the draft sentence's other values given together: the court and
            // the town where a lawsuit was filed.)
            || told.len() >= 2
            // (And, for a day, another day both give: "signed on May 3 and filed on May 6"
            // tells the same two days as the draft's "signed on May 2 and filed on May 6".)
            || matches!(slot.value, Value::Date(DateValue::Day(_)))
                && told.iter().any(|d| matches!(d.value, Value::Date(DateValue::Day(_))));
        // A place's frame holds no values (see [`value_frame`]), but a sentence that gives the
        // draft sentence's other values ("Game 2 ... on Sunday") tells the same occasion:
        // each counts as a word shared near the place (below).
        let values_shared =
            if matches!(slot.value, Value::Place(_)) { told.iter().filter(|d| !matches!(d.value, Value::Place(_))).count() } else { 0 };
        // How well the best other value of `other`'s type in the sentence aligns: when nearly
        // as well, the sentence gives several and which one the draft's stands for is
        // unclear. A value the draft sentence gives too is accounted for: no rival.
        // (A report's day is weighed against the sentence's other reports' days only.)
        let others: &[Slot] = if report { &sentence.reports } else { &sentence.slots };
        let rival = |other: &Slot| {
            others
                .iter()
                .filter(|o| !std::ptr::eq(*o, other) && o.value.same_type(&other.value))
                // (An undated page's weekday is no rival to a day of the calendar: see
                // `weekday_only` below.)
                .filter(|o| !(matches!(o.value, Value::Weekday(_)) && matches!(other.value, Value::Date(_))))
                .filter(|o| !draft_values.iter().any(|v| accounted_for(v, &o.value)))
                // (A day months from the draft's is no rival to one a few days off it: "lodged
                // March 3 ... a Sept. 21 inspection" for "the inspection on Sept. 22".)
                .filter(|o| !far_rival(&slot.value, &other.value, &o.value))
                // (Nor is a day or a month a rival to a year: "since 2016 ... on Sunday night".)
                .filter(|o| !matches!(slot.value, Value::Date(DateValue::Year(_))) || same_granularity(&slot.value, &o.value))
                .map(|o| alignment_of(&draft_frame, &evidence_terms, &sentence.slots, &evidence_values, o, unit, is_date, index).local)
                .fold(0.0f32, f32::max)
        };
        if !for_age_only
            && !later_undated
            && !report
            && !tally_anchors.is_empty()
            && let Some(other) = anchored(draft_slots, slot, &tally_anchors, &sentence.slots)
        {
            let alignment = alignment_of(&draft_frame, &evidence_terms, &sentence.slots, &evidence_values, other, unit, false, index);
            if alignment.local >= ANCHORED_LOCAL {
                beside_shared.push(Aligned { score: alignment.local, sentence, slot: other, published });
            }
        }
        // (The source's text, read by the tests below.)
        let source_text = facts.sources.get(sentence.source as usize).map(|s| s.text.as_ref());
        for other in others {
            if for_age_only && other.value.unit() != Some("age") {
                continue;
            }
            // (An undated page's weekday, weaker evidence than a day of the calendar: the
            // looks below each say how.)
            let weekday_only = matches!(other.value, Value::Weekday(_));
            if later && (other.future || !told_past(&other.value) && !matches!(other.value, Value::Place(_))) {
                continue;
            }
            // An undated page's weekday falls in the week before it was written, no earlier
            // than a week before the latest day it tells of: a day of the draft's before that
            // is another day's ("the mill burned down on Jan. 10, 2023" is no "the owners
            // were sentenced on Wednesday").
            if weekday_only
                && let (Value::Date(ours), Some(latest)) = (&slot.value, index.latest_day(sentence.source))
                && latest.checked_sub(jiff::Span::new().days(WEEK_DAYS)).is_ok_and(|first| ours.end() < first)
            {
                continue;
            }
            // A figure of another unit, or with the unit unsaid on one side, is compared only
            // for a miscopy (below).
            let same_type = slot.value.same_type(&other.value)
                || people_counted_as(index, &slot.value, &other.value, &evidence_terms, &sentence.slots, other.at as usize)
                || people_counted_as(index, &other.value, &slot.value, terms, draft_slots, slot.at as usize)
                // (The same figure with its unit unsaid on one side agrees: "41 of the 53 had
                // been identified" and "47 of the 53 victims".)
                || same_type_or_unsaid(&slot.value, &other.value) && same_figure(&slot.value, &other.value);
            // The draft's figure with its unit unsaid ("a majority, at least 163") is still
            // the draft's figure told.
            if !same_type && same_figure_unit_unsaid(&slot.value, &other.value) {
                attested = true;
            }
            if !same_type && one_digit_off(&slot.value, &other.value).is_none() || !slot.value.comparable(&other.value) {
                continue;
            }
            // (Two approximations or two bounds the same way, one keystroke apart and
            // neither a round figure, are one figure miscopied, though the one allows the
            // other: "more than 67%" for "more than 76%", "about 41" for "around 46".)
            let miscopied_loose = loosely_miscopied(&slot.value, &other.value);
            let agrees = same_type
                && !miscopied_loose
                && (slot.value.compatible(&other.value)
                    || same_place_scale(facts, &slot.value, &other.value, sentence, draft_places)
                    || growing_bounds(facts, &slot.value, &other.value, sentence));
            if later_undated && !agrees {
                continue;
            }
            // (A source's figure the draft sentence gives too, beside the draft's, is
            // accounted for there: "$60 a share, up from the $47.50 it proposed" against
            // "would pay $47.50 a share".)
            if !agrees
                && matches!(other.value, Value::Figure { .. })
                && draft_slots.iter().any(|d| !std::ptr::eq(d, slot) && d.value == other.value)
            {
                continue;
            }
            // (So is an undated page's weekday that another day of the draft sentence falls
            // on: "detained on Thursday, a day after the Wednesday vote" against "the captain
            // was detained on Thursday".)
            if !agrees && weekday_only && draft_slots.iter().any(|d| !std::ptr::eq(d, slot) && accounted_for(&d.value, &other.value)) {
                continue;
            }
            // (A source sentence that gives the draft's very year too tells two years, and
            // which of them the draft's words mean is no more than a guess: "the lone
            // exception a 2012 victory by the Harriers over the Rovers, who won in 2021".)
            if !agrees && matches!(slot.value, Value::Date(DateValue::Year(_))) && sentence.slots.iter().any(|o| o.value == slot.value) {
                continue;
            }
            // (An age the draft gives a name the sources know as no person is compared only
            // with a source sentence that writes that name.)
            if let Some(name) = aged_stranger
                && other.value.unit() == Some("age")
                && source_text
                    .and_then(|text| text.get(sentence.range()))
                    .is_none_or(|text| !text.split(|c: char| !c.is_alphanumeric()).any(|word| word == name))
            {
                continue;
            }
            // (A day told as an offset from another, "six weeks earlier", is not the day it
            // is counted from: a source dating that day dates the other event.)
            if !agrees
                && let (Some(anchor), Value::Date(DateValue::Day(theirs))) = (offset_anchor(draft_text, slot), &other.value)
                && *theirs == anchor
            {
                continue;
            }
            // (A base is its company's: "Tarrow-based Ostley" says nothing against
            // "Harrow Labs, a Velmora-based company".)
            if !agrees
                && let Some(ours) = based_owner(facts, draft_text, slot)
                && let Some(theirs) = source_text.and_then(|text| based_owner(facts, text, other))
                && !same_owner(&ours, &theirs)
            {
                continue;
            }
            // (Nor does a source's part of a count contradict a total: see [`part_of_a_count`].)
            if !agrees && matches!(other.value, Value::Figure { .. }) && source_text.is_some_and(|text| part_of_a_count(text, other)) {
                continue;
            }
            if report
                && !agrees
                && (!same_report(&slot.value, &other.value, published.or_else(|| index.latest_day(sentence.source)))
                    || figures_differ(draft_slots, &sentence.slots))
            {
                continue;
            }
            // (Nor contradicts it: "Skinner stopped 20 of 23 shots" is no error against
            // "Bobrovsky stopped 28 of the 29 shots".)
            if let Some(owner) = figure_owner
                && let Some(text) = facts.sources.get(sentence.source as usize).map(|s| s.text.as_ref())
                && owner_of(facts, &evidence_terms, text, other).is_some_and(|(theirs, _)| theirs != owner.0)
                && !reported(text, other)
            {
                continue;
            }
            // A place that may hold the draft's only because the draft names it too ("Corby
            // Air Base in Oregon" against "Corby Air Base in Nevada") may be
            // the draft's other place told, no support for this one (see below).
            let scale_only = agrees
                && matches!(other.value, Value::Place(_))
                && !slot.value.compatible(&other.value)
                && draft_values.iter().any(|v| !std::ptr::eq(*v, &slot.value) && accounted(v, &other.value));
            // A figure, score or place the related sentences give is the draft's source, even
            // under other words, unless it aligns far worse than another value (see
            // [`ATTESTS_SHARE`]); a date must be about the same thing.
            // (Not a place that holds the draft's only as the draft's other place told.)
            // (Its alignment under the whole sentence, kept for below: the frame any value
            // but a date has there too.)
            let mut told = None;
            if agrees && !scale_only && !is_date && attests(&slot.value, &other.value) {
                let aligned =
                    *told.insert(alignment_of(&draft_frame, &evidence_terms, &sentence.slots, &evidence_values, other, unit, false, index));
                attested_by = attested_by.max(aligned.whole);
            }
            if other.hedged != slot.hedged
                || matches!(other.value, Value::Place(_))
                    && (!plausible_place(facts, &other.value)
                        || !agrees && names_other_place(facts, &slot.value, &other.value, sentence, terms)
                        || !agrees && heads_a_list(facts, sentence, other))
            {
                continue;
            }
            // A date closing a clause of the subject frames only the words before it: the
            // predicate after it is undated by it ("the barge that sank on Sunday has since
            // been raised").
            // (A day carried from the sentence before dates all of this one.)
            let subject_date = is_date && !other.carried && source_text.is_some_and(|text| predicate_follows(text, other));
            // A date opening a relative clause frames only that clause, told after it.
            let relative_date = is_date
                && !subject_date
                && !other.carried
                && source_text.is_some_and(|text| opens_relative_clause(text, sentence.start as usize, other));
            let at = (other.at as usize).min(evidence_terms.len());
            // A date told in a clause opened by "since" dates that clause's start, not the
            // sentence's event ("the biggest win since the cup began 70 years ago").
            let since = if is_date && !draft_since && !subject_date && !relative_date && !other.carried {
                source_text.and_then(|text| since_clause(text, sentence.start as usize, other))
            } else {
                None
            };
            let clause: Vec<Option<u32>>;
            let framed = if subject_date {
                &evidence_terms[..at]
            } else if relative_date || since.is_some() {
                // (The words before it set aside, not cut: positions stay the sentence's.)
                let from = since.unwrap_or(at);
                clause = evidence_terms.iter().enumerate().map(|(i, t)| if i < from { None } else { *t }).collect();
                &clause[..]
            } else {
                &evidence_terms[..]
            };
            let window = if subject_date {
                0..at
            } else if relative_date {
                at..evidence_terms.len()
            } else if let Some(from) = since {
                from.min(at)..evidence_terms.len()
            } else {
                0..evidence_terms.len()
            };
            // (Only a date is framed by less than its whole sentence: `told` is none for it.)
            let mut alignment = told.unwrap_or_else(|| {
                alignment(
                    &draft_frame,
                    &value_frame(framed, other, &evidence_values, window, &anchors(&sentence.slots, other), unit, is_date, index),
                )
            });
            alignment.shared_local += values_shared;
            // (A start is not an end: "began reading the bill on Saturday" dates no finish.)
            if phases.opposed(draft_phase, &sentence.terms, other, is_date, index) {
                continue;
            }
            let aligned = Aligned { score: alignment.local, sentence, slot: other, published };
            if let Some(person) = draft_person {
                // (An age in an apposition that closes after it, "a gravelly Irishman, 38,
                // said", is of the words before it: a name after it is another clause's.)
                let closes = source_text.and_then(|text| text.get(other.end as usize..)).is_some_and(|after| after.starts_with(','));
                let beside = if closes { &evidence_terms[..(other.at as usize).min(evidence_terms.len())] } else { &evidence_terms[..] };
                match person_beside(facts, beside, other.at as usize) {
                    Some(theirs) if theirs == person => {
                        if agrees {
                            agreeing.push(aligned);
                        } else if !(one_year_apart(&slot.value, &other.value)
                            && birthday_between(draft_date, published.or_else(|| index.latest_day(sentence.source))))
                        {
                            // (A year apart may be a birthday between two pages months apart.)
                            disagreeing.push(aligned);
                        }
                        continue;
                    }
                    // Another person's age.
                    Some(_) => continue,
                    None if for_age_only => continue,
                    // (Of someone the apposition describes, not names: "a tired Dane, 38,".)
                    None if closes && !agrees => continue,
                    None => {}
                }
            }
            // A value the draft's sentence gives elsewhere is accounted for: it is that
            // value's source ("14 and five seats, respectively" for "15 seats, while the
            // Harbour Party holds five"), not a rival figure for this one.
            // (Whatever the unit on either side: "two workers ... and 64 were still buried"
            // is told by "two were confirmed dead", "51,906 ballots" by "51,906 votes".)
            // (Not by the draft's day told again more coarsely: "next month, on March 9"
            // leaves a source's "March 19" a rival of the draft's day.)
            if !agrees
                && draft_values.iter().any(|v| {
                    accounted(v, &other.value)
                        && !(is_date && accounted(v, &slot.value))
                        && !(miscopied_loose && std::ptr::eq(*v, &slot.value))
                })
            {
                continue;
            }
            // A date that qualifies a noun ("the Nov. 21 crash") dates that noun's event: it
            // contradicts only a date whose frame names that event too.
            if !agrees && !heads_found(slot, terms, other, &evidence_terms) {
                continue;
            }
            // A value told in an aside is of what the aside tells of: it contradicts only a
            // sentence that names that too ("Varga, who has led the union since 2019").
            if !agrees && !antecedent_found(index, slot, terms, &evidence_terms) {
                continue;
            }
            // A day planned ("scheduled a Thursday hearing", "will be installed on Sept. 19") and a
            // day something happened are two statements: neither contradicts the other.
            // (A year over by the time it is written is no plan, whatever the sentence looks
            // ahead to: "the first final to go seven games since 2013 will be played Sunday".)
            // (A day after the page's own is still to come there, whatever its words: "On
            // March 14, the lander expects to film an eclipse" on a March 5 page.)
            let ahead_of =
                |value: &Value, page: Option<Date>| matches!((value, page), (Value::Date(date), Some(page)) if date.start() > page);
            let planned = slot.future && !year_past(&slot.value, draft_date) || ahead_of(&slot.value, draft_date);
            let planned_there = other.future && !year_past(&other.value, published.or_else(|| index.latest_day(sentence.source)))
                || ahead_of(&other.value, published);
            if !agrees && slot.value.is_date() && planned != planned_there {
                continue;
            }
            // A running count told at another figure ("died on Saturday, taking the toll to
            // 35" and "on Wednesday ... the toll climbed to 32") is another update of it: its
            // day is that update's, no other day of this one.
            if !agrees
                && count_day
                && source_text.and_then(|text| text.get(sentence.range())).is_some_and(running_count)
                && figures_differ(draft_slots, &sentence.slots)
            {
                continue;
            }
            // Where a person comes from and where the event happened are two statements too.
            if !agrees && matches!(slot.value, Value::Place(_)) && slot.origin != other.origin {
                continue;
            }
            // (And one's home is told by its town or its county: "a Marren County resident"
            // and "a Tolby resident" may be one home. A state is another matter: which towns
            // lie in it is known, "his home in Florida" is none "in Atlanta".)
            if !agrees && homes_may_nest(slot, other) {
                continue;
            }
            // (Only digits written can be miscopied: not "yesterday" or "Tuesday".)
            let written_in_digits = || {
                !other.value.is_date()
                    || facts
                        .sources
                        .get(sentence.source as usize)
                        .and_then(|s| s.text.get(other.range()))
                        .is_some_and(|t| t.bytes().any(|b| b.is_ascii_digit()))
            };
            if !agrees
                && let Some(significant) = one_digit_off(&slot.value, &other.value)
                && written_in_digits()
            {
                misread.push((
                    alignment,
                    rival(other),
                    miscopied_local(significant),
                    Aligned { score: alignment.local, sentence, slot: other, published },
                ));
            }
            // A year one keystroke off under the same words ("working for the airline since
            // 2012" for "since 2021").
            // (About the same named thing: a story's years are many, and "elected in 2011"
            // is no miscopy of another party's "since the 2021 election".)
            if !agrees
                && year_miscopied(&slot.value, &other.value)
                && draft_text
                    .get(draft_range.clone())
                    .zip(source_text.and_then(|text| text.get(sentence.range())))
                    .is_some_and(|(ours, theirs)| shares_a_name(ours, theirs))
            {
                misread.push((
                    alignment,
                    rival(other),
                    YEAR_MISCOPIED_LOCAL,
                    Aligned { score: alignment.local, sentence, slot: other, published },
                ));
            }
            if !same_type {
                continue;
            }
            if singled_out && !for_age_only && slot.value.same_type(&other.value) {
                of_unit.push((alignment, Aligned { score: alignment.local, sentence, slot: other, published }));
            }
            if agrees {
                // A sentence that gives the draft's day beside another as well aligned ("the
                // crash on Nov. 21 ... the recorder found on Nov. 23") tells the day, but of
                // which event is unclear: it only doubts a conflict.
                let tied = is_date && rival(other) >= alignment.local;
                // (An undated page's weekday names one day of every week: told weakly, it
                // does not doubt another source's day.)
                if tied {
                    if alignment.shared_local >= DAY_TOLD_SHARED {
                        day_told = day_told.max(alignment.local);
                    }
                } else if alignment.whole >= SUPPORT_WHOLE || alignment.local >= SUPPORT_LOCAL {
                    // A bound far from the draft's figure ("at least 2,900" for 3,850) only
                    // allows it: it supports the figure unless a better-aligned source gives
                    // another (below).
                    if scale_only {
                        other_place_told.push(aligned);
                    } else if attests(&slot.value, &other.value) {
                        agreeing.push(aligned);
                    } else {
                        bounding.push(aligned);
                    }
                } else if same_granularity(&slot.value, &other.value) && alignment.shared_local >= DAY_TOLD_SHARED && !weekday_only {
                    // The draft's own day, told with words of its frame beside it, though
                    // too few to support it: enough to doubt another day's conflict.
                    day_told = day_told.max(alignment.local);
                }
                continue;
            }
            // A year beside a word the evidence's year stands beside too ("the record McCarthy
            // set in 2019" and "the 2021 record set by McCarthy") is the same thing's year: it
            // needs no more than a day does.
            let year_beside = matches!((&slot.value, &other.value), (Value::Date(DateValue::Year(_)), Value::Date(DateValue::Year(_))))
                && shares_beside(index, terms, slot.at as usize, &evidence_terms, other.at as usize, &place_words, subject_date);
            let needed =
                conflict_local(&slot.value) - if same_score { SAME_SCORE_RELIEF } else { 0.0 } - if year_beside { YEAR_EXTRA } else { 0.0 };
            // A day a few days off, under the same words right beside it ("the board on
            // Tuesday refused the permit" and "permit denied Wednesday after a county board"), in a
            // sentence that shares several words near it.
            let near_day = days_apart(&slot.value, &other.value).is_some_and(|d| d <= NEAR_DAYS)
                && alignment.local >= BESIDE_LOCAL
                && (alignment.shared_local >= 3 || alignment.shared_local >= 2 && day_miscopied(&slot.value, &other.value))
                && shares_beside(index, terms, slot.at as usize, &evidence_terms, other.at as usize, &place_words, subject_date);
            let confident = alignment.local >= needed
                && alignment.whole >= CONFLICT_WHOLE
                // (A sentence told again with another number needs no rare word: its whole frame is found.)
                && (alignment.governing_idf >= CONFLICT_GOVERNING * index.max_idf() || alignment.whole >= RETOLD);
            // A place attached to the same word on both sides ("headquartered in", "the
            // Corby Research Center in", "his Tarrow home"): where that thing is.
            // (Or a point told from each at one distance and bearing: as sure as a frame
            // told again.)
            let reference = matches!(slot.value, Value::Place(_))
                && draft_text
                    .get(..slot.range().start)
                    .zip(source_text.and_then(|t| t.get(..other.range().start)))
                    .is_some_and(|(ours, theirs)| same_reference_point(last_chars(ours, 80), last_chars(theirs, 80)));
            let same_head = reference
                || matches!(slot.value, Value::Place(_))
                    && alignment.local >= HEAD_LOCAL
                    && alignment.whole >= CONFLICT_WHOLE
                    && place_head_shared(index, terms, slot.at as usize, &evidence_terms, other.at as usize, &place_words);
            // An undated page's weekday may name the draft's week or another: it contradicts
            // only under a frame told again, never in a weak consensus.
            if weekday_only && alignment.local < CONFIDENT_CONFLICT {
                continue;
            }
            if same_granularity(&slot.value, &other.value)
                && !weekday_only
                && alignment.local >= AGREED_LOCAL
                && (alignment.shared_local >= 2 || alignment.rarest_shared >= LONE_WORD * index.max_idf())
                && alignment.local - rival(other) >= CONFLICT_MARGIN
            {
                weak.push(Aligned { score: alignment.local, sentence, slot: other, published });
            }
            if !(near_day || confident || same_head)
                // One shared word is a coincidence unless it is a rare one; for a figure, even
                // then: a story gives many figures of one unit ("climbed to an altitude of
                // 1,600 feet" is no evidence on "the last recorded altitude was 1,275 feet").
                || !same_head
                    && alignment.shared_local < 2
                    && (alignment.rarest_shared < LONE_WORD * index.max_idf() || matches!(slot.value, Value::Figure { .. }))
                || !same_granularity(&slot.value, &other.value)
            {
                continue;
            }
            if alignment.local - rival(other) >= CONFLICT_MARGIN {
                disagreeing.push(if reference { Aligned { score: aligned.score.max(CONFIDENT_CONFLICT), ..aligned } } else { aligned });
            }
        }
    }
    // A dozen figures in the same words are a dozen occasions (every year's talks), and
    // the draft's is none of them, nor a later update of one; two or three are a dispute
    // between sources.
    let mut values: Vec<&Value> = Vec::new();
    for aligned in agreeing.iter().chain(&disagreeing) {
        if !values.iter().any(|v| v.compatible(&aligned.slot.value) && aligned.slot.value.compatible(v)) {
            values.push(&aligned.slot.value);
        }
    }
    if values.len() > MAX_VALUES {
        return Judgment::Silent;
    }
    // The draft's other place told in a sentence that gives another place where the draft
    // gives this one: that sentence contradicts it. Told anywhere else, it may hold this one.
    let told_against = |d: &Aligned| other_place_told.iter().any(|o| std::ptr::eq(o.sentence, d.sentence));
    if disagreeing.iter().any(told_against) {
        disagreeing.retain(told_against);
    } else {
        // (Nor does a sentence that gives another place where the draft gives this one,
        // however weakly it aligns: "meetings in Harlow and Dunmore" for "in Harlow, and in
        // Fennick".)
        // (And only a place that may hold this one: "its warehouse in Dunmore" holds no
        // plant in Fennick, a town of the same scale the sources never name with it.)
        other_place_told.retain(|o| {
            !weak.iter().any(|w| std::ptr::eq(o.sentence, w.sentence) && !std::ptr::eq(o.slot, w.slot))
                && may_nest(facts, &slot.value, &o.slot.value)
        });
        agreeing.append(&mut other_place_told);
    }
    // An undated page's weekday fits any week's day of that name: it gives way to a source
    // that tells the calendar's day under as good a frame. Nor does it agree with the
    // draft's day against a better-aligned source that gives another.
    let weekday_only = |a: &Aligned| matches!(a.slot.value, Value::Weekday(_));
    let best_of = |calendar: bool| {
        agreeing.iter().chain(&disagreeing).filter(|a| weekday_only(a) != calendar).map(|a| a.score).fold(f32::MIN, f32::max)
    };
    if best_of(true) >= best_of(false) {
        agreeing.retain(|a| !weekday_only(a));
        disagreeing.retain(|a| !weekday_only(a));
    }
    let best = |list: &[Aligned]| list.iter().map(|a| a.score).fold(f32::MIN, f32::max);
    if best(&disagreeing) > best(&agreeing) {
        agreeing.retain(|a| !weekday_only(a));
    }
    // "In April" (or "last week") agrees with "April 16" only as far as it goes: when
    // aligned evidence gives another day, the day is contradicted, whatever the month says.
    if disagreeing.iter().any(|d| same_granularity(&slot.value, &d.slot.value))
        && agreeing.iter().all(|a| coarser(&slot.value, &a.slot.value))
    {
        agreeing.clear();
    }
    let by_score = |a: &Aligned, b: &Aligned| b.score.total_cmp(&a.score);
    // Bounds support the figure when nothing aligns better with another figure.
    if agreeing.is_empty() && !bounding.is_empty() && (disagreeing.is_empty() || best(&bounding) >= best(&disagreeing)) {
        agreeing = bounding;
    }
    agreeing.sort_by(by_score);
    disagreeing.sort_by(by_score);
    // A figure of three significant digits or more ("5,294 structures") is vouched for only by
    // a source that gives it: "about 5,000" or "more than 2,000" allows it, but cannot tell it
    // from its one-keystroke neighbour that a better-aligned source gives exactly ("5,924").
    if significant_digits(&slot.value) >= 3
        && agreeing.iter().all(|a| !exact(&a.slot.value))
        && disagreeing
            .first()
            .is_some_and(|d| d.score >= EXACTLY_TOLD && d.score > best(&agreeing) && one_digit_off(&slot.value, &d.slot.value).is_some())
    {
        agreeing.clear();
    }
    // A figure a source gives where the draft gives its own, beside a figure both give (see
    // [`anchored`]), contradicts it (below) unless a source gives the draft's exactly: an
    // approximation or a bound that allows both tells neither.
    let beside_shared = if disagreeing.is_empty()
        && !slot.hedged
        && agreeing.iter().all(|a| !exact(&a.slot.value))
        && beside_shared.first().is_some_and(|first| beside_shared.iter().all(|b| b.slot.value.compatible(&first.slot.value)))
    {
        agreeing.clear();
        beside_shared
    } else {
        Vec::new()
    };
    // The draft's value told only under a frame that aligns far worse than another value two
    // sources give is another event's ("was closed to traffic on Tuesday" for "reopened to
    // traffic on Tuesday", against "reopens to traffic on Wednesday" twice): no support.
    if agreeing.first().zip(disagreeing.first()).is_some_and(|(a, d)| d.score >= SUPPORT_OUTWEIGHED * a.score)
        && tally(facts, &disagreeing).iter().any(|(_, sources)| *sources >= 2)
    {
        agreeing.clear();
    }
    if !agreeing.is_empty() {
        // Later sources that give another value under a frame as strong as the agreeing one.
        let best = agreeing[0].score;
        let newest_agreeing = agreeing.iter().filter_map(|a| a.published).max();
        let later: Vec<Aligned> = disagreeing
            .into_iter()
            .filter(|d| d.score >= best)
            .filter(|d| matches!((d.published, newest_agreeing), (Some(theirs), Some(ours)) if theirs > ours))
            .collect();
        if later.is_empty() || !matches!(slot.value, Value::Figure { .. }) {
            return Judgment::Supported(agreeing);
        }
        return Judgment::Updated { agreeing, later };
    }
    if attested_by >= ATTESTS_SHARE * disagreeing.first().map_or(0.0, |d| d.score) {
        attested = true;
    }
    // (Unless the other day is told in the draft's frame several times better: "the summit
    // that opened Wednesday" does not doubt "the address on Thursday".)
    let outweighed = disagreeing.first().is_some_and(|d| d.score >= OUTWEIGHS * day_told);
    if attested || day_told > 0.0 && !outweighed && slot.value.is_date() {
        return Judgment::Silent;
    }
    let day = matches!(slot.value, Value::Date(crate::annotate::dates::DateValue::Day(_)));
    if disagreeing.is_empty() && day && !slot.hedged && !report {
        disagreeing = dated_by_consensus(facts, slot, terms, draft_slots, &place_words, draft_date, draft_marks);
    }
    // A figure one source contradicts while another gives a third under words of the same
    // frame is disputed among the sources ("an eleven-week inquiry", "a nine-week inquiry"): the
    // draft's may be as good as either.
    // (Not a running count: a toll one source gives and another gives later or earlier is
    // the same count at two times, see `Judgment::Updated`.)
    let running =
        |a: &Aligned| facts.sources.get(a.sentence.source as usize).and_then(|s| s.text.get(a.sentence.range())).is_none_or(running_count);
    if matches!(slot.value, Value::Figure { .. })
        && !disagreeing.is_empty()
        && !running(&disagreeing[0])
        && tally(facts, &disagreeing).iter().all(|(_, sources)| *sources < 2)
    {
        let first = &disagreeing[0];
        let third = |w: &Aligned| {
            w.score >= DISPUTED_LOCAL
                && w.sentence.source != first.sentence.source
                && !(w.slot.value.compatible(&first.slot.value) && first.slot.value.compatible(&w.slot.value))
                // (Two near figures are one count told two ways: a draft's outside both,
                // "52 passengers" for "56" and "60", is contradicted by both.)
                && between(&slot.value, &first.slot.value, &w.slot.value)
        };
        if let Some(at) = weak.iter().position(third) {
            let other = weak.swap_remove(at);
            disagreeing.truncate(1);
            disagreeing.push(other);
            return Judgment::Disputed(disagreeing);
        }
    }
    if disagreeing.is_empty() && !slot.hedged && slot.value.is_date() {
        disagreeing = agreed(&slot.value, weak);
    } else if disagreeing.is_empty() && !slot.hedged && matches!(slot.value, Value::Place(_)) {
        disagreeing = placed_by_consensus(weak);
    }
    if disagreeing.is_empty() {
        disagreeing = miscopied_by_consensus(facts, &slot.value, &misread);
    }
    if disagreeing.is_empty() {
        disagreeing = miscopied(&slot.value, misread);
    }
    if disagreeing.is_empty() && !slot.hedged {
        disagreeing = sole_figure(&slot.value, of_unit);
    }
    // Last, a figure beside a figure the draft shares (kept above).
    if disagreeing.is_empty() {
        disagreeing = beside_shared;
    }
    // Sources that date a draft's day two other ways are telling two other events ("the
    // summit began Dec. 5", "who yesterday (Dec. 6) cast ballots" for the dinner of Dec. 7),
    // unless two sources give one of them and one stands near enough the draft's to be
    // its day miscopied (two days each months from the draft's are two other events).
    let near_draft = |d: &Aligned| days_apart(&slot.value, &d.slot.value).is_some_and(|apart| apart < FAR_RIVAL_DAYS);
    if day
        && disagreeing
            .iter()
            .any(|d| !(d.slot.value.compatible(&disagreeing[0].slot.value) && disagreeing[0].slot.value.compatible(&d.slot.value)))
        && (tally(facts, &disagreeing).iter().all(|(_, sources)| *sources < 2) || !disagreeing.iter().any(near_draft))
    {
        return Judgment::Silent;
    }
    // Only now, with a conflict in view, the costlier look: does a related sentence state
    // the draft's value anywhere? (Against a confident conflict over a figure, or a place
    // of the same scale, only a sentence that tells it under the draft's words too.)
    // (Not a sentence that tells another occurrence of a series: "Game 3 in Harlow" does
    // not put the draft's Game 2 there.)
    let draft_terms: Vec<u32> = terms.iter().flatten().copied().collect();
    if let Some(first) = disagreeing.first() {
        let loose = matches!(slot.value, Value::Figure { ordinal: true, .. })
            || disagreeing.iter().any(|d| may_nest(facts, &slot.value, &d.slot.value))
            || first.score < CONFIDENT_CONFLICT;
        let apart = |id: u32| {
            let sentence = index.sentence(id);
            facts
                .sources
                .get(sentence.source as usize)
                .is_some_and(|source| draft_marks.another_occurrence(&Marks::of(&source.text, sentence.range(), &sentence.slots), slot))
        };
        let attested = if loose {
            index.attested(&slot.value, &draft_terms, &apart)
        } else {
            // (Some sentence stating it at all is what `attested` asks.)
            stated_aligned(facts, &slot.value, &draft_terms, &draft_frame, unit, &apart).is_some_and(|a| a >= ATTESTS_BESIDE * first.score)
        };
        if attested {
            return Judgment::Silent;
        }
    }
    // A figure the sources give three ways or more near the draft's, none of them twice,
    // is a count that moved while they wrote (a toll told as 11, 12, 13 and 14): a draft's
    // that stands among them or one step past them (15) is that count at another time, and
    // the sources disagree among themselves. (Not one far past them: 32 for a toll told as
    // 19, 21 and 23.)
    if disputed_steps(&slot.value, &disagreeing) && tally(facts, &disagreeing).iter().all(|(_, sources)| *sources < 2) {
        return Judgment::Disputed(disagreeing);
    }
    // A person's figure that the sources give differently for each occasion (a player's
    // rebounds in each game) is contradicted by none of them: which occasion the draft's is
    // told of is unknown.
    if let Some(owner) = figure_owner
        && !disagreeing.is_empty()
        && owned_figure_varies(facts, owner, &slot.value)
    {
        return Judgment::Withheld;
    }
    if disagreeing.is_empty() { Judgment::Silent } else { Judgment::Contradicted(disagreeing) }
}

/// A conflict this well aligned (local) is not undone by the draft's figure stated in a
/// sentence that only shares a word with the draft ("Marchetti had 29 points" against
/// "Whitcombe scored 27 points off the bench" for Whitcombe's 29)...
const CONFIDENT_CONFLICT: f32 = 0.6;
/// ...unless that sentence aligns at least this share as well. (A place against one it may
/// stand in or hold keeps the looser test: "New Mexico" and "Lea County", two scales, or
/// two places the corpus names together; so does an ordinal, one of a series.)
const ATTESTS_BESIDE: f32 = 0.25;

/// How well the best-aligned related sentence (one that shares one of `terms`, and that
/// `apart` does not set aside) that states `value`, aligns with the draft's frame; `None`
/// when none states it.
fn stated_aligned(
    facts: &FactBase,
    value: &Value,
    terms: &[u32],
    draft_frame: &[FrameTerm],
    unit: Option<u32>,
    apart: &dyn Fn(u32) -> bool,
) -> Option<f32> {
    let index = &facts.evidence;
    let key = value.key();
    let mut best: Option<f32> = None;
    for &id in index.stating(value) {
        let sentence = index.sentence(id);
        if !sentence.terms.iter().any(|t| terms.contains(t)) || apart(id) {
            continue;
        }
        let evidence_terms: Vec<Option<u32>> = sentence.terms.iter().map(|&t| Some(t)).collect();
        let evidence_values = value_terms(&sentence.slots, index);
        for other in sentence.slots.iter().filter(|o| o.value.key() == key) {
            let local = alignment_of(draft_frame, &evidence_terms, &sentence.slots, &evidence_values, other, unit, false, index).local;
            best = Some(best.map_or(local, |b: f32| b.max(local)));
        }
    }
    best
}

/// Days apart at most for two days of a report to be one report misdated: a statement
/// dated further off is another one.
const REPORT_DAYS: i32 = 7;

/// Whether a source's day of a report (`theirs`) may date the draft's report (`ours`): a
/// day a few days off, in a source written by the draft's day at the earliest (`known`,
/// its publication or latest day). A source written before it cannot tell that no one
/// said the same again on the draft's day.
fn same_report(ours: &Value, theirs: &Value, known: Option<Date>) -> bool {
    use crate::annotate::dates::DateValue;
    let Value::Date(DateValue::Day(day)) = ours else { return false };
    days_apart(ours, theirs).is_some_and(|apart| apart <= REPORT_DAYS) && known.is_some_and(|known| known >= *day)
}

/// Whether a sentence gives other figures than the draft's sentence: for a draft figure,
/// figures of its unit (or with a unit unsaid) and none of them the draft's. Two reports
/// of a toll that give two tolls are two reports ("said on Monday that 2,056 had died",
/// "said on Tuesday that 2,719 had"), whatever their days.
fn figures_differ(draft: &[Slot], evidence: &[Slot]) -> bool {
    draft.iter().filter(|d| !d.hedged).any(|d| {
        let Value::Figure { unit, .. } = &d.value else { return false };
        let mut of_unit = evidence
            .iter()
            .filter(|e| matches!(&e.value, Value::Figure { unit: theirs, .. } if theirs == unit || theirs.is_none() || unit.is_none()))
            .peekable();
        of_unit.peek().is_some() && !of_unit.any(|e| d.value.compatible(&e.value) || e.value.compatible(&d.value))
    })
}

/// The least local alignment of a figure told beside a figure the draft shares (see
/// [`anchored`]).
const ANCHORED_LOCAL: f32 = 0.12;

/// Whether a figure is distinctive enough to tie a draft sentence to a source sentence
/// that gives it too: three significant digits ("412", "62.7"), or two and at least a
/// hundred ("940", "18,000"); not a small or round count, which many sentences share.
fn distinctive(value: &Value) -> bool {
    let Value::Figure { value: number, ordinal: false, .. } = value else { return false };
    let significant = significant_digits(value);
    significant >= 3 || significant >= 2 && *number >= 100.0
}

/// Whether a value ties two sentences that give it to one occasion: a score, or a
/// [`distinctive`] figure (see [`judge_sentence`], [`SAME_SCORE_RELIEF`]).
fn ties_occasion(value: &Value) -> bool {
    matches!(value, Value::Score(..)) || distinctive(value)
}

/// The figure of a source sentence that stands where the draft's figure stands beside a
/// figure both give ("won 412 votes, with 283 lawmakers voting against" and "with 412
/// votes in favour and 238 votes against"; "put the dead at 176 and the injured at 940"
/// and "136 people died, while 940 were hurt"): the nearest figure on the same side of the
/// shared one, as the draft's is the nearest on its side. A tally copied with one number
/// changed. Only when the shared figure is distinctive and given once on each side, the
/// two figures are of one kind (ordinal or not, a bound or not, neither an age, which
/// belongs to a person) and within a factor of two, and neither sentence gives the
/// other's. `anchors` are the draft's figures that may tie it ([`tally_anchors`]).
fn anchored<'s>(draft_slots: &[Slot], slot: &Slot, anchors: &[&Slot], evidence: &'s [Slot]) -> Option<&'s Slot> {
    let Value::Figure { value: x, ordinal, precision, .. } = &slot.value else { return None };
    let evidence_figures: Vec<&Slot> = evidence.iter().filter(|s| plain_figure(s)).collect();
    // Neither gives the other's figure.
    if evidence_figures.iter().any(|e| figure_number(e) == Some(*x)) {
        return None;
    }
    let mut found: Option<&Slot> = None;
    for anchor in anchors {
        let mut shared = evidence_figures.iter().filter(|e| figure_number(e) == figure_number(anchor));
        let (Some(there), None) = (shared.next(), shared.next()) else { continue };
        // The source's figure nearest the shared one on the draft's side of it.
        let after = slot.at > anchor.at;
        let side = evidence_figures.iter().filter(|e| if after { e.at > there.at } else { e.at < there.at });
        let Some(theirs) = (if after { side.min_by_key(|e| e.at) } else { side.max_by_key(|e| e.at) }) else { continue };
        let Value::Figure { value: y, ordinal: their_ordinal, precision: their_precision, .. } = &theirs.value else { continue };
        if ordinal != their_ordinal
            || theirs.value.unit() == Some("age")
            || precision.is_bound() != their_precision.is_bound()
            || *x <= 0.0
            || *y <= 0.0
            || x.max(*y) > 2.0 * x.min(*y)
            || draft_slots.iter().any(|d| plain_figure(d) && figure_number(d) == Some(*y))
        {
            continue;
        }
        match found {
            Some(before) if !std::ptr::eq(before, *theirs) => return None,
            _ => found = Some(theirs),
        }
    }
    found
}

/// The draft's figures a figure of its sentence may be tied to a source sentence by (see
/// [`anchored`]): distinctive, given once in the sentence, and with no other figure between
/// them and it. None for a hedged figure or an age.
fn tally_anchors<'d>(draft_slots: &'d [Slot], slot: &Slot) -> Vec<&'d Slot> {
    if !matches!(slot.value, Value::Figure { .. }) || slot.hedged || slot.value.unit() == Some("age") {
        return Vec::new();
    }
    let draft_figures: Vec<&Slot> = draft_slots.iter().filter(|s| plain_figure(s)).collect();
    let between = |from: u16, to: u16, at: u16| if from < to { from < at && at < to } else { to < at && at < from };
    draft_figures
        .iter()
        .copied()
        .filter(|anchor| !std::ptr::eq(*anchor, slot) && distinctive(&anchor.value))
        .filter(|anchor| draft_figures.iter().filter(|d| figure_number(d) == figure_number(anchor)).count() == 1)
        .filter(|anchor| !draft_figures.iter().any(|d| !std::ptr::eq(*d, slot) && between(anchor.at, slot.at, d.at)))
        .collect()
}

/// A figure stated, not hedged.
fn plain_figure(slot: &Slot) -> bool {
    matches!(slot.value, Value::Figure { .. }) && !slot.hedged
}

/// The number of a figure.
fn figure_number(slot: &Slot) -> Option<f64> {
    if let Value::Figure { value, .. } = &slot.value { Some(*value) } else { None }
}

/// Whether a draft value accounts for an evidence value: the same kind of value (a date,
/// a figure of any unit, a score, a place) and compatible both ways.
fn accounted(draft: &Value, evidence: &Value) -> bool {
    std::mem::discriminant(draft) == std::mem::discriminant(evidence) && draft.compatible(evidence) && evidence.compatible(draft)
}

/// [`accounted`], or an undated page's weekday that the draft's day falls on.
fn accounted_for(draft: &Value, evidence: &Value) -> bool {
    accounted(draft, evidence)
        || matches!((draft, evidence), (Value::Date(_), Value::Weekday(_))) && draft.comparable(evidence) && draft.compatible(evidence)
}

/// Two figures of the same number (not a bound that allows it).
fn same_figure(a: &Value, b: &Value) -> bool {
    matches!((a, b), (Value::Figure { value: x, .. }, Value::Figure { value: y, .. }) if x == y)
}

/// Two values of one type, or two figures (both ordinals or neither) with the unit unsaid
/// on one side ("19 of the passengers" and "19 passengers").
fn same_type_or_unsaid(a: &Value, b: &Value) -> bool {
    a.same_type(b)
        || matches!((a, b), (Value::Figure { unit: x, ordinal: p, .. }, Value::Figure { unit: y, ordinal: q, .. })
            if p == q && (x.is_none() || y.is_none()))
}

/// Whether the noun each attributive date qualifies ("the Nov. 21 crash") stands near the
/// other side's value, within the clause a date's frame covers. The noun itself, not its
/// family: a "crash" is not an "Civil Aviation Inquiry Office" that released a report.
fn heads_found(draft: &Slot, draft_terms: &[Option<u32>], evidence: &Slot, evidence_terms: &[Option<u32>]) -> bool {
    let found = |slot: &Slot, terms: &[Option<u32>], other: &Slot, other_terms: &[Option<u32>]| {
        if !slot.attributive {
            return true;
        }
        let Some(head) = terms.get(slot.at as usize).copied().flatten() else { return true };
        let at = other.at as usize;
        other_terms.iter().enumerate().any(|(i, &t)| t == Some(head) && lemma_distance(i, at) <= 8)
    };
    found(evidence, evidence_terms, draft, draft_terms) && found(draft, draft_terms, evidence, evidence_terms)
}

/// Whether the noun an attributive date qualifies is among another sentence's lemmas.
fn head_in(slot: &Slot, terms: &[Option<u32>], other_terms: &[Option<u32>]) -> bool {
    !slot.attributive || terms.get(slot.at as usize).copied().flatten().is_none_or(|head| other_terms.contains(&Some(head)))
}

/// Whether an agreeing value found anywhere in a related sentence is the draft's own
/// figure told there, not merely allowed by it: a bound ("up to 12 years", "more than
/// 19,000 votes") allows nearly any figure, so it attests only one within a tenth of it.
fn attests(draft: &Value, other: &Value) -> bool {
    match (draft, other) {
        (Value::Figure { value: a, precision: pa, .. }, Value::Figure { value: b, precision: pb, .. })
            if pa.is_bound() || pb.is_bound() =>
        {
            (a - b).abs() <= 0.1 * a.abs().max(b.abs())
        }
        _ => true,
    }
}

/// Two figures whose written digits differ by one keystroke: one digit changed ("45,263" and
/// "47,263", "4.6 million" and "8.6 million"), two neighbours swapped ("85" and "58"), one
/// digit more or less ("190" and "90"). The answer is how many significant digits the longer
/// one has (what a coincidence would have to match), or `None` when they are not one
/// keystroke apart. Figures of one unit, or with the unit unsaid on one side.
fn one_digit_off(draft: &Value, evidence: &Value) -> Option<usize> {
    let (
        Value::Figure { value: a, unit: ua, ordinal: oa, precision: pa },
        Value::Figure { value: b, unit: ub, ordinal: ob, precision: pb },
    ) = (draft, evidence)
    else {
        return None;
    };
    // A bound ("at least 43 points") is no copy of a figure, but may be a copy of a bound
    // the same way ("more than 4,921 acres" for "over 2,921 acres").
    // "Times" and "people" say little of what is counted ("lapped the track 3,649 times"
    // for "3,469 laps", "employs 51,273 people" for "57,273 workers"): the unit unsaid.
    let (ga, gb) = (generic_unit(ua), generic_unit(ub));
    let bounds_apart = (pa.is_bound() || pb.is_bound()) && pa != pb;
    if oa != ob || (ga != gb && ga.is_some() && gb.is_some()) || a == b || *a < 0.0 || *b < 0.0 || bounds_apart {
        return None;
    }
    if ua.as_deref() == Some("age") || ub.as_deref() == Some("age") {
        return None;
    }
    // Both as whole numbers at one scale (up to three decimals: "4.6" and "8.6" are "46" and "86").
    let scale = (0..=3).map(|k| 10f64.powi(k)).find(|s| (a * s).fract() == 0.0 && (b * s).fract() == 0.0)?;
    if a.max(*b) * scale >= 1e15 {
        return None;
    }
    let digits = |x: f64| format!("{}", (x * scale) as u64);
    let (x, y) = (digits(*a), digits(*b));
    // Every pair of single digits is one keystroke apart and tells nothing.
    if x.len().min(y.len()) < 2 {
        return None;
    }
    let significant = |d: &str| d.len() - d.bytes().rev().take_while(|&c| c == b'0').count();
    let off = crate::facts::evidence::one_keystroke_apart(&x, &y);
    let significant = significant(&x).max(significant(&y));
    // Two counts one apart are a count updated ("153 seats" on election night, "154" once
    // every riding was in), not a digit miscopied.
    let updated = (a - b).abs() == 1.0;
    // With the unit unsaid on one side, only a long figure is surely the same one.
    (off && !updated && (ua == ub || significant >= 4)).then_some(significant)
}

/// Two approximations, or two bounds the same way, one keystroke apart and neither a round
/// figure: one figure miscopied, though the one allows the other.
fn loosely_miscopied(draft: &Value, evidence: &Value) -> bool {
    let (Value::Figure { value: a, precision: pa, .. }, Value::Figure { value: b, precision: pb, .. }) = (draft, evidence) else {
        return false;
    };
    let loose = |p: &crate::annotate::counts::Precision| p.is_bound() || *p == crate::annotate::counts::Precision::About;
    let round = |x: f64| x.fract() == 0.0 && x % 5.0 == 0.0;
    pa == pb && loose(pa) && !round(*a) && !round(*b) && one_digit_off(draft, evidence).is_some()
}

/// How many significant digits an exact figure is written with ("5,294": 4, "5,000": 1); 0
/// for a bound, an approximation or another value.
fn significant_digits(value: &Value) -> usize {
    let Value::Figure { value, precision: crate::annotate::counts::Precision::Exact, .. } = value else { return 0 };
    let Some(scale) = (0..=3).map(|k| 10f64.powi(k)).find(|s| (value * s).fract() == 0.0) else { return 0 };
    let digits = format!("{}", (value.abs() * scale).min(1e15) as u64);
    digits.trim_end_matches('0').len()
}

/// Whether a value is a figure told exactly: not "about", "at least" or "up to" it.
fn exact(value: &Value) -> bool {
    matches!(value, Value::Figure { precision: crate::annotate::counts::Precision::Exact, .. })
}

/// Whether a figure lies between two others ("ten weeks" between "nine" and "eleven"), or
/// the two are more than a tenth apart (two counts, not one told two ways), or it is not a
/// figure.
fn between(draft: &Value, one: &Value, other: &Value) -> bool {
    match (draft, one, other) {
        (Value::Figure { value: x, .. }, Value::Figure { value: a, .. }, Value::Figure { value: b, .. }) => {
            a.min(*b) <= *x && *x <= a.max(*b) || (a - b).abs() > 0.1 * a.abs().max(b.abs())
        }
        _ => true,
    }
}

/// A figure's unit, with "times" and the nouns for people in general read as unsaid.
fn generic_unit(unit: &Option<Box<str>>) -> Option<Box<str>> {
    unit.clone().filter(|u| !(&**u == "time" || PEOPLE_NOUNS.contains(&&**u)))
}

/// The share of a draft figure's frame a one-keystroke neighbour must find near it, by the
/// significant digits at stake: four digits are seldom one keystroke from another figure
/// of the story by chance; two or three often are ("31 years" and "30 years", a game's
/// "318 yards" and "381 yards").
fn miscopied_local(significant: usize) -> f32 {
    match significant {
        0..=3 => 0.45,
        _ => 0.1,
    }
}

/// A short figure one keystroke off also passes with this many words of its frame found
/// near it ("the painted cart ... the grandstand", said about two distances) and
/// this share of the frame: a long frame that tells more finds a smaller share of it.
const MISCOPIED_SHARED: usize = 4;
const MISCOPIED_SHARED_LOCAL: f32 = 0.25;

/// A figure one keystroke off of a unit of its own, said on both sides ("73 seats" for
/// "37 seats", "48 permits" for "84 permits"), passes with this share of its frame if this
/// many of its words stand beside it: three words of one frame and the same thing counted
/// a keystroke apart are one figure miscopied. (Two words are not enough: "a bloc of 64
/// seats" is no miscopy of "needs at least 61 seats".)
const MISCOPIED_RARE_UNIT_LOCAL: f32 = 0.18;
const MISCOPIED_RARE_UNIT_SHARED: usize = 3;

/// Whether two figures are of one unit of its own (not people, time or money).
fn rare_unit(draft: &Value, evidence: &Value) -> bool {
    matches!((draft, evidence), (Value::Figure { unit: Some(a), .. }, Value::Figure { unit: Some(b), .. })
        if a == b && !COMMON_UNITS.contains(&a.as_ref()))
}

/// A draft's figure of two digits or more, and the same figure with no unit in the evidence
/// (small numbers with their unit unsaid are everywhere).
fn same_figure_unit_unsaid(draft: &Value, evidence: &Value) -> bool {
    match (draft, evidence) {
        (Value::Figure { value: x, unit: ux, ordinal: ox, .. }, Value::Figure { value: y, unit: uy, ordinal: oy, .. }) => {
            x == y && ox == oy && ux.is_some() && uy.is_none() && *x >= 10.0
        }
        _ => false,
    }
}

/// Lemmas of the plain nouns a count of people is written with ("2,318 people").
const PEOPLE_NOUNS: &[&str] = &["peopl", "person"];

/// How many lemmas after a count of people the state they are counted in may stand
/// ("176 people missing", "2,450 people were later confirmed dead").
const PEOPLE_STATE_WITHIN: usize = 4;

/// Whether `counted` (say "176 missing", "2,338 dead") and `people` ("176 people
/// missing", "2,318 people were later confirmed dead") count the same people: `people` is a
/// count of people whose sentence (`terms` and `slots`, the value at `at`) says, a few
/// lemmas on and before its next value, the word `counted` is a count of. Tallies are written both ways in one story.
fn people_counted_as(
    index: &dyn EvidenceSource,
    counted: &Value,
    people: &Value,
    terms: &[Option<u32>],
    slots: &[Slot],
    at: usize,
) -> bool {
    let (Value::Figure { unit: Some(state), ordinal: false, .. }, Value::Figure { unit: Some(noun), ordinal: false, .. }) =
        (counted, people)
    else {
        return false;
    };
    if !PEOPLE_NOUNS.contains(&noun.as_ref()) || PEOPLE_NOUNS.contains(&state.as_ref()) {
        return false;
    }
    let Some(state) = index.term(state) else { return false };
    // Up to the next value: "killed 2,318 people and left 176 people missing" counts 176 missing.
    let next = slots.iter().map(|s| s.at as usize).filter(|&other| other > at).min().unwrap_or(usize::MAX);
    terms.iter().enumerate().skip(at + 1).take(PEOPLE_STATE_WITHIN).any(|(i, t)| i < next && *t == Some(state))
}

/// Whether two figures are written with as many digits before the point.
fn same_digit_count(a: &Value, b: &Value) -> bool {
    let digits = |v: &Value| match v {
        Value::Figure { value, .. } => Some(format!("{}", value.abs().trunc() as u64).len()),
        _ => None,
    };
    digits(a) == digits(b)
}

/// The one figure a draft's figure is a miscopy of: a neighbour one keystroke off (see
/// [`one_digit_off`]) under a frame that aligns well enough for the digits at stake, and
/// better than any other figure of its sentence; never when two different neighbours qualify.
fn miscopied<'a>(draft: &Value, misread: Vec<(Alignment, f32, f32, Aligned<'a>)>) -> Vec<Aligned<'a>> {
    let chosen: Vec<Aligned> = misread
        .into_iter()
        .filter(|(alignment, rival, needed, aligned)| {
            // (A digit dropped or added changes the order of magnitude: "16 seats" and "196
            // seats" are more often two figures than one miscopied; it needs the closer frame.)
            let framed = alignment.local >= *needed
                || rare_unit(draft, &aligned.slot.value)
                    && alignment.local >= MISCOPIED_RARE_UNIT_LOCAL
                    && alignment.shared_local >= MISCOPIED_RARE_UNIT_SHARED
                || alignment.shared_local >= MISCOPIED_SHARED
                    && alignment.local >= MISCOPIED_SHARED_LOCAL
                    && same_digit_count(&aligned.slot.value, draft);
            framed && alignment.shared_local >= 1 && alignment.local - rival >= CONFLICT_MARGIN
        })
        .map(|(_, _, _, aligned)| aligned)
        .collect();
    let first = match chosen.first() {
        Some(first) => &first.slot.value,
        None => return chosen,
    };
    if chosen.iter().any(|c| !c.slot.value.compatible(first)) {
        return Vec::new();
    }
    chosen
}

/// A figure one keystroke off the one several sources give of the same unit, said on both
/// sides ("a 74-day strike" against "the 47-day strike" twice): each source under a
/// looser frame than one alone needs, as long as [`MISCOPIED_CONSENSUS_SHARED`] of its words
/// stand beside the figure. Never when the sources give two such neighbours.
fn miscopied_by_consensus<'a>(facts: &FactBase, draft: &Value, misread: &[(Alignment, f32, f32, Aligned<'a>)]) -> Vec<Aligned<'a>> {
    let Value::Figure { unit: Some(unit), .. } = draft else { return Vec::new() };
    let chosen: Vec<Aligned> = misread
        .iter()
        .filter(|(alignment, rival, _, aligned)| {
            matches!(&aligned.slot.value, Value::Figure { unit: Some(theirs), .. } if theirs == unit)
                && alignment.local >= MISCOPIED_CONSENSUS_LOCAL
                && alignment.shared_local >= MISCOPIED_CONSENSUS_SHARED
                && alignment.local - rival >= CONFLICT_MARGIN
        })
        .map(|(_, _, _, aligned)| *aligned)
        .collect();
    let Some(first) = chosen.first() else { return chosen };
    if chosen.iter().any(|c| !c.slot.value.compatible(&first.slot.value)) {
        return Vec::new();
    }
    if tally(facts, &chosen).iter().all(|(_, sources)| *sources < 2) {
        return Vec::new();
    }
    chosen
}

/// The share of its frame, and the words of it beside the figure, each of several sources
/// giving a figure's one-keystroke neighbour must find (see [`miscopied_by_consensus`]).
const MISCOPIED_CONSENSUS_LOCAL: f32 = 0.15;
const MISCOPIED_CONSENSUS_SHARED: usize = 2;

/// How well a source giving a figure exactly must align for approximations of it to vouch
/// no longer for the draft's one-keystroke neighbour (see `judge`).
const EXACTLY_TOLD: f32 = 0.7;

/// How many times better another value two sources give must align than the draft's own
/// for the draft's to be taken as another event's (see `judge`).
const SUPPORT_OUTWEIGHED: f32 = 1.5;

/// Lemmas near a value that a sentence giving the draft's own date must share with the
/// draft's frame to put a conflict in doubt.
const DAY_TOLD_SHARED: usize = 2;

/// How many times better a contradicting day must align than the draft's own day told
/// under a few of its words.
const OUTWEIGHS: f32 = 3.0;

/// Days apart at most for a day beside the same words to be the same day misstated.
const NEAR_DAYS: i32 = 14;
/// The least local alignment for it.
const BESIDE_LOCAL: f32 = 0.3;
/// Lemmas on each side of a date that stand beside it.
const BESIDE: usize = 2;

/// Whether a source's date counts for the consensus on a word's date: one published after
/// the draft does when the day had passed by then ("the crash on Oct. 17" is as true a
/// month later). Only the consensus reads later sources: the word stands right beside the
/// date, and three sources or more agree.
fn known_by(draft_date: Option<Date>, published: Option<Date>, value: &Value) -> bool {
    let (Some(draft), Some(source)) = (draft_date, published) else { return true };
    source <= draft || matches!(value, Value::Date(date) if date.end() <= draft)
}

/// How many days apart two days are (not runs of days: "last week" is no misstated day).
fn days_apart(a: &Value, b: &Value) -> Option<i32> {
    use crate::annotate::dates::DateValue;
    let day = |v: &Value| match v {
        Value::Date(DateValue::Day(d)) => Some(*d),
        _ => None,
    };
    let (a, b) = (day(a)?, day(b)?);
    let days = a.since(b).ok()?.get_days();
    Some(days.abs())
}

/// Two days of one month whose day numbers are one keystroke apart ("Dec. 13" and
/// "December 3", the 12th and the 21st): a date miscopied, which needs fewer shared words.
fn day_miscopied(a: &Value, b: &Value) -> bool {
    use crate::annotate::dates::DateValue;
    let (Value::Date(DateValue::Day(a)), Value::Date(DateValue::Day(b))) = (a, b) else { return false };
    if (a.year(), a.month()) != (b.year(), b.month()) {
        return false;
    }
    let (x, y) = (a.day().to_string().into_bytes(), b.day().to_string().into_bytes());
    match (x.len(), y.len()) {
        (2, 2) => x[0] == y[1] && x[1] == y[0] || (x[0] == y[0]) != (x[1] == y[1]),
        (2, 1) => x[0] == y[0] || x[1] == y[0],
        (1, 2) => y[0] == x[0] || y[1] == x[0],
        _ => false,
    }
}

/// Two years one keystroke apart, but not a unit apart ("1974" and "1984", "2012" and
/// "2021", "2006" and "2008"): a year miscopied. (The next year, "2023" and "2024", is a
/// story's neighbouring season or election far more often than one year mistyped.)
fn year_miscopied(a: &Value, b: &Value) -> bool {
    use crate::annotate::dates::DateValue;
    let (Value::Date(DateValue::Year(a)), Value::Date(DateValue::Year(b))) = (a, b) else { return false };
    let (x, y) = (a.to_string(), b.to_string());
    x.len() == 4 && y.len() == 4 && (a - b).abs() != 1 && crate::facts::evidence::one_keystroke_apart(&x, &y)
}

/// Whether two sentences write a name in common: a capitalised word of three letters or
/// more that does not open its sentence and is no month or weekday.
fn shares_a_name(a: &str, b: &str) -> bool {
    fn names(text: &str) -> Vec<&str> {
        text.split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .filter(|w| !w.is_empty())
            .skip(1)
            .filter(|w| w.chars().count() >= 3 && w.starts_with(char::is_uppercase))
            .filter(|w| !crate::annotate::dates::CALENDAR_WORDS.contains(&w.to_lowercase().as_str()))
            .collect()
    }
    let theirs = names(b);
    names(a).iter().any(|w| theirs.contains(w))
}

/// The share of its frame a year one keystroke off must find near it (see [`year_miscopied`]):
/// a story's years are few and near one another, so more than a long figure needs.
const YEAR_MISCOPIED_LOCAL: f32 = 0.3;

/// The lemmas of country names and nationality adjectives ("norway", "chilean").
static COUNTRY_LEMMAS: std::sync::LazyLock<std::collections::HashSet<String>> =
    std::sync::LazyLock::new(|| crate::annotate::names::country_words().filter_map(crate::facts::evidence::lemma).collect());

/// Whether a lemma family names a place, which dates no event and ties no two days
/// together: a word of a place the draft names, or a country's ("much happens in Norway").
fn names_a_place(family: u32, lemma: &str, place_words: &[u32]) -> bool {
    place_words.contains(&family) || COUNTRY_LEMMAS.contains(lemma)
}

/// A point told by its distance and bearing from a place, read in the words right before
/// the place: "34 kilometres northeast of", "20 miles (32 km) south-west of the city of".
/// The distance in kilometres and the bearing, without hyphens.
fn reference_point(before: &str) -> Option<(f64, String)> {
    static POINT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)\b(\d[\d,]*(?:\.\d+)?)[ -]?(km|kilomet(?:re|er)s?|miles?)\b(?:\s*\([^()]{0,30}\))?\s+((?:north|south)?-?(?:north|south|east|west))\s+of\s+(?:the\s+(?:city|town|village)\s+of\s+)?$",
        )
        .expect("reference point pattern")
    });
    let found = POINT.captures(before)?;
    let amount: f64 = found[1].replace(',', "").parse().ok()?;
    let kilometres = if found[2].to_ascii_lowercase().starts_with('m') { amount * 1.609_344 } else { amount };
    Some((kilometres, found[3].to_ascii_lowercase().replace('-', "")))
}

/// The end of a text, at most `bytes` long, cut at a character's start.
fn last_chars(text: &str, bytes: usize) -> &str {
    let mut start = text.len().saturating_sub(bytes);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}

/// Whether a draft place and an evidence place are each the place a point is told from, at
/// the same distance (within rounding, across units) and bearing: "34 kilometres northeast
/// of Darrow" against "34 km northeast of Fennick" tells one point from two places, and
/// only one can be so.
fn same_reference_point(draft_before: &str, evidence_before: &str) -> bool {
    match (reference_point(draft_before), reference_point(evidence_before)) {
        (Some((a, bearing)), Some((b, other))) => bearing == other && (a - b).abs() <= 0.03 * a.max(b) + 0.5,
        _ => false,
    }
}

/// The least local alignment for a place whose head word both sides share.
const HEAD_LOCAL: f32 = 0.3;
/// How rare a place's head word must be (a share of the rarest lemma's IDF).
const HEAD_IDF: f32 = 0.5;

/// Whether a draft place and an evidence place hang on the same word: the lemma right
/// before or right after each ("headquartered in Tarrow" and "its headquarters in
/// Fennick"; "his home in Harrowgate" and "his Dunmore home"), by family, a rare one, not a
/// word of a place. Two lemmas the same right before both make it too ("the Corby Research
/// Center in").
fn place_head_shared(
    index: &dyn EvidenceSource,
    draft: &[Option<u32>],
    at: usize,
    evidence: &[Option<u32>],
    other_at: usize,
    place_words: &[u32],
) -> bool {
    let family = |terms: &[Option<u32>], i: usize| terms.get(i).copied().flatten().map(|t| index.family(t));
    let beside = |terms: &[Option<u32>], at: usize| [at.checked_sub(1).and_then(|i| family(terms, i)), family(terms, at)];
    let (ours, theirs) = (beside(draft, at), beside(evidence, other_at));
    let rare = |f: u32| index.idf(f) >= HEAD_IDF * index.max_idf() && !names_a_place(f, index.lemma(f), place_words);
    let one = ours.iter().flatten().any(|&f| rare(f) && theirs.contains(&Some(f)));
    let two_before = at >= 2
        && other_at >= 2
        && ours[0].is_some()
        && ours[0] == theirs[0]
        && family(draft, at - 2).is_some()
        && family(draft, at - 2) == family(evidence, other_at - 2);
    one || two_before
}

/// Whether a draft value and an evidence value have a lemma in common (by family, not a
/// common one, not a word of a place the draft names nor a country's name) within
/// [`BESIDE`] lemmas of each. A place beside two days is no event: much happens "in Harrowgate
/// Square", and much "in Norway".
fn shares_beside(
    index: &dyn EvidenceSource,
    draft: &[Option<u32>],
    at: usize,
    evidence: &[Option<u32>],
    other_at: usize,
    place_words: &[u32],
    evidence_predicate_follows: bool,
) -> bool {
    let around = |terms: &[Option<u32>], at: usize, before_only: bool| -> Vec<u32> {
        let end = if before_only { at } else { (at + BESIDE).min(terms.len()) };
        let range = at.saturating_sub(BESIDE)..end;
        terms[range]
            .iter()
            .flatten()
            .filter(|&&t| index.idf(t) >= 0.25 * index.max_idf())
            .map(|&t| index.family(t))
            .filter(|&f| !names_a_place(f, index.lemma(f), place_words))
            .collect()
    };
    let theirs = around(evidence, other_at, evidence_predicate_follows);
    around(draft, at, false).iter().any(|f| theirs.contains(f))
}

/// Words that open a sentence's predicate right after a date: the date closed a clause of
/// the subject ("the barge that sank on Sunday evening has since been raised"), and the
/// words after it are the predicate's, not the date's.
const PREDICATE_OPENERS: &[&str] = &["has", "have", "had", "is", "are", "was", "were", "will"];

/// Whether the words right after an evidence date (past a time of day) open the predicate
/// of the sentence (see [`PREDICATE_OPENERS`]).
fn predicate_follows(text: &str, slot: &Slot) -> bool {
    let after = text.get(slot.end as usize..).unwrap_or("");
    let mut words = after.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase());
    let mut next = words.next();
    if next.as_deref().is_some_and(|w| matches!(w, "morning" | "afternoon" | "evening" | "night")) {
        next = words.next();
    }
    // (Only when nothing but a space stands between: "on Monday, has" is another reading.)
    let joined = !after.trim_start_matches(' ').starts_with([',', ';', ':']);
    joined && next.is_some_and(|w| PREDICATE_OPENERS.contains(&w.as_str()))
}

/// Words that may stand between a relative pronoun and the date it opens its clause with
/// ("who on Tuesday", "which yesterday (Dec. 6)").
const BEFORE_A_CLAUSE_DATE: &[&str] = &["on", "in", "at", "last", "this", "early", "late", "earlier", "yesterday", "today", "overnight"];

/// Whether an evidence date opens a relative clause ("the delegates who yesterday (Dec. 6)
/// cast ballots", "the council, which on Monday approved the levy"): it dates that clause's
/// verb, told after it, not the sentence's.
fn opens_relative_clause(text: &str, sentence_start: usize, slot: &Slot) -> bool {
    let before = text.get(sentence_start..slot.start as usize).unwrap_or("");
    for word in before.split_whitespace().rev().take(4) {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase();
        if word.is_empty() || BEFORE_A_CLAUSE_DATE.contains(&word.as_str()) {
            continue;
        }
        return matches!(word.as_str(), "who" | "which");
    }
    false
}

/// How many words before a day the word of a running count governs it from ("died on
/// Saturday", "the toll rose late on Monday").
const COUNT_GOVERNS: usize = 4;

/// Where the clause opened by "since" that an evidence date stands in starts, as a lemma
/// position ("began" in "since the cup began 70 years ago"): `None` when the date follows
/// "since" right away ("has led the union since 2019": the span is the sentence's) or no
/// "since" stands before it in its clause. So too a clause after a comma opened by "as",
/// "while"... ([`subordinate_clause`]): a date in either frames its clause, not the
/// sentence's event.
fn since_clause(text: &str, sentence_start: usize, slot: &Slot) -> Option<usize> {
    let before = text.get(sentence_start..slot.start as usize)?;
    if let Some(start) = subordinate_clause(before, slot) {
        return Some(start);
    }
    // (Most sentences have no "since": they are not split into words for it.)
    if !before.as_bytes().windows(5).any(|w| w.eq_ignore_ascii_case(b"since")) {
        return None;
    }
    let words = crate::annotate::names::words(before, 0..before.len());
    let since = words.iter().rposition(|w| w.norm == "since")?;
    let between = &words[since + 1..];
    // (Not past the close of a clause: "since March, the count has doubled to 40 on Monday".)
    if between.is_empty() || before.get(words[since].range.end..).is_some_and(|gap| gap.contains([',', ';', '\u{2014}'])) {
        return None;
    }
    let lemmas = between.iter().filter(|w| crate::facts::evidence::lemma(&w.norm).is_some()).count();
    (slot.at as usize).checked_sub(lemmas)
}

/// Words that open a clause after a comma which tells something beside the sentence's
/// main event ("the toll rose to 43, as rescuers kept searching on Saturday").
const SUBORDINATORS: &[&str] = &["as", "while", "when", "whereas", "although", "though", "because"];

/// Where the clause after a comma that a date stands in starts, as a lemma position, when
/// a word of [`SUBORDINATORS`] opens it and the date does not follow that word at once
/// (", as of Saturday" dates the sentence). `before` is the sentence up to the date.
fn subordinate_clause(before: &str, slot: &Slot) -> Option<usize> {
    let comma = before.rfind([',', ';', '\u{2014}'])?;
    let clause = before.get(comma..)?.trim_start_matches([',', ';', '\u{2014}']);
    // (Most clauses open on another word: they are not split into words for it.)
    let opener = clause.trim_start_matches(|c: char| !c.is_alphanumeric()).split(|c: char| !c.is_alphabetic()).next()?;
    if !SUBORDINATORS.iter().any(|s| opener.eq_ignore_ascii_case(s)) {
        return None;
    }
    let words = crate::annotate::names::words(clause, 0..clause.len());
    let (first, rest) = words.split_first()?;
    if !SUBORDINATORS.contains(&first.norm.as_ref()) || rest.first().is_none_or(|w| w.norm == "of") {
        return None;
    }
    let lemmas = words.iter().filter(|w| crate::facts::evidence::lemma(&w.norm).is_some()).count();
    (slot.at as usize).checked_sub(lemmas)
}

/// The least local alignment of a date that counts towards the sources' agreement.
const AGREED_LOCAL: f32 = 0.12;
/// The least local alignment of a third figure that makes a contradicted figure disputed.
const DISPUTED_LOCAL: f32 = 0.3;
/// Sources that must give the one other date.
const AGREED_SOURCES: usize = 3;
/// Their local alignments summed, at least.
const AGREED_SUM: f32 = 0.75;
/// Or two sources, each this well aligned and their alignments summed this high: fewer
/// sources, each closer to the draft's words ("approved the budget on Tuesday" where two
/// sources tell the vote under its words, on the Wednesday).
const AGREED_PAIR: usize = 2;
const AGREED_PAIR_LOCAL: f32 = 0.2;
const AGREED_PAIR_SUM: f32 = 0.6;

/// Dates too weakly aligned to contradict the draft one by one, that contradict it together:
/// several sources, under words the draft's frame shares, give one other date and no source
/// gives another ("docked on Monday" where four sources date the arrival Tuesday).
/// A day so far from the draft's that it tells another event ([`far_rival`] of a day near
/// it: the departure months before the return) is no other date given.
fn agreed<'a>(draft: &Value, weak: Vec<Aligned<'a>>) -> Vec<Aligned<'a>> {
    let other_event: Vec<bool> = weak.iter().map(|w| weak.iter().any(|near| far_rival(draft, &near.slot.value, &w.slot.value))).collect();
    let weak: Vec<Aligned<'a>> = weak.into_iter().zip(other_event).filter(|(_, other)| !other).map(|(w, _)| w).collect();
    let Some(first) = weak.first() else { return weak };
    if weak.iter().any(|w| !accounted(&w.slot.value, &first.slot.value)) {
        return Vec::new();
    }
    let mut best: Vec<(u32, f32)> = Vec::new();
    for w in &weak {
        match best.iter_mut().find(|(source, _)| *source == w.sentence.source) {
            Some((_, score)) => *score = score.max(w.score),
            None => best.push((w.sentence.source, w.score)),
        }
    }
    let sum: f32 = best.iter().map(|(_, score)| score).sum();
    let pair = best.len() == AGREED_PAIR && best.iter().all(|(_, score)| *score >= AGREED_PAIR_LOCAL) && sum >= AGREED_PAIR_SUM;
    if best.len() >= AGREED_SOURCES && sum >= AGREED_SUM || pair {
        let mut weak = weak;
        weak.sort_by(|a, b| b.score.total_cmp(&a.score));
        weak
    } else {
        Vec::new()
    }
}

/// Places too weakly aligned to contradict the draft's one by one, that contradict it
/// together: two sources or more, each under a good part of the draft's frame, give one
/// other place and none gives another ("the Ravell vote in Fennick" where two sources hold
/// it in Dunmore).
fn placed_by_consensus(weak: Vec<Aligned<'_>>) -> Vec<Aligned<'_>> {
    let weak: Vec<Aligned> = weak.into_iter().filter(|w| w.score >= PLACED_LOCAL).collect();
    let Some(first) = weak.first() else { return weak };
    if weak.iter().any(|w| !accounted(&w.slot.value, &first.slot.value)) {
        return Vec::new();
    }
    let mut sources: Vec<u32> = weak.iter().map(|w| w.sentence.source).collect();
    sources.sort_unstable();
    sources.dedup();
    if sources.len() < PLACED_SOURCES {
        return Vec::new();
    }
    let mut weak = weak;
    weak.sort_by(|a, b| b.score.total_cmp(&a.score));
    weak
}

/// The least local alignment of a place that counts towards the sources' consensus, and
/// how many sources must give it (see [`placed_by_consensus`]).
const PLACED_LOCAL: f32 = 0.4;
const PLACED_SOURCES: usize = 2;

/// Units too common to single out one figure of a story ("people", "years", "per cent").
const COMMON_UNITS: &[&str] = &[
    "peopl", "person", "time", "year", "decad", "centuri", "day", "month", "week", "hour", "minut", "minute", "second", "percent", "usd",
    "eur", "gbp", "age",
];

/// Least local alignment, and least lemmas shared near the value, for the story's sole
/// figure of a unit to contradict the draft's.
const SOLE_LOCAL: f32 = 0.25;
const SOLE_SHARED: usize = 2;
/// The least figure singled out so: small counts are everywhere.
const SOLE_LEAST: f64 = 10.0;

/// Whether a draft figure may be the story's sole figure of its unit (see [`sole_figure`]):
/// a count of ten or more, no ordinal, of a unit of its own. (A handful of things is
/// counted everywhere: "two decades", "three games".)
fn may_be_singled_out(draft: &Value) -> bool {
    matches!(draft, Value::Figure { unit: Some(unit), ordinal: false, value, .. }
        if !COMMON_UNITS.contains(&unit.as_ref()) && *value >= SOLE_LEAST)
}

/// The figure of the draft's unit that every related sentence giving one gives, when the
/// draft's is none of them and the best of them aligns in part: "nine granted
/// patents" where the story's only count of patents is "six granted patents",
/// told in other words. A unit of its own (not people, years or money), one value, and
/// the draft's nowhere among them.
fn sole_figure<'a>(draft: &Value, of_unit: Vec<(Alignment, Aligned<'a>)>) -> Vec<Aligned<'a>> {
    if !may_be_singled_out(draft) {
        return Vec::new();
    }
    // Every one counts, however little of the frame it shares.
    let Some((_, first)) = of_unit.first() else { return Vec::new() };
    let one = |v: &Value| v.compatible(&first.slot.value) && first.slot.value.compatible(v);
    if of_unit.iter().any(|(_, a)| !one(&a.slot.value)) || draft.compatible(&first.slot.value) {
        return Vec::new();
    }
    of_unit.into_iter().filter(|(a, _)| a.local >= SOLE_LOCAL && a.shared_local >= SOLE_SHARED).map(|(_, aligned)| aligned).collect()
}

/// How many ways, each from one source only, make a figure disputed among the sources.
const DISPUTED_WAYS: usize = 3;

/// Whether the figures of `disagreeing` within a factor of two of the draft's are
/// [`DISPUTED_WAYS`] or more, and the draft's stands among them or one mean step past
/// their ends (see `judge`).
fn disputed_steps(draft: &Value, disagreeing: &[Aligned]) -> bool {
    let Value::Figure { value: ours, .. } = *draft else { return false };
    let mut near: Vec<f64> = disagreeing
        .iter()
        .filter_map(|d| match d.slot.value {
            Value::Figure { value, .. } if value >= ours / 2.0 && value <= ours * 2.0 => Some(value),
            _ => None,
        })
        .collect();
    near.sort_by(f64::total_cmp);
    near.dedup();
    let (Some(&low), Some(&high)) = (near.first(), near.last()) else { return false };
    if near.len() < DISPUTED_WAYS {
        return false;
    }
    let step = (high - low) / (near.len() - 1) as f64;
    ours >= low - step && ours <= high + step
}

/// The most different values aligned evidence may give for a draft value to be contradicted.
const MAX_VALUES: usize = 4;

/// Sources that must agree on the date a word stands beside before it contradicts a draft.
const CONSENSUS_SOURCES: usize = 3;

/// A date the corpus gives, by consensus, to the word the draft's date stands beside: "the
/// explosion on Tuesday night" when every source that dates "the explosion" (right beside the
/// date, at the same granularity) gives Wednesday, from three sources or more. One other
/// date beside the word (another explosion, a later hearing) and there is no consensus.
fn dated_by_consensus<'a>(
    facts: &'a FactBase,
    slot: &Slot,
    terms: &[Option<u32>],
    draft_slots: &[Slot],
    place_words: &[u32],
    draft_date: Option<Date>,
    draft_marks: &Marks,
) -> Vec<Aligned<'a>> {
    let index = &facts.evidence;
    let at = slot.at as usize;
    // The lemma right before the date and the one right after it, unless another value
    // stands between ("on Sunday evening it had been 2,338 dead": the date stands beside
    // no word of the toll).
    let between = |before: bool| {
        draft_slots.iter().any(|other| {
            !std::ptr::eq(other, slot) && other.at == slot.at && if before { other.end <= slot.start } else { other.start >= slot.end }
        })
    };
    let near: Vec<u32> = [at.checked_sub(1).filter(|_| !between(true)), Some(at).filter(|_| !between(false))]
        .into_iter()
        .flatten()
        .filter_map(|i| terms.get(i).copied().flatten())
        .filter(|&t| !names_a_place(index.family(t), index.lemma(t), place_words))
        .collect();
    // (Days of the calendar first; undated pages' weekdays only where none is told.)
    for (weekdays, term) in [false, true].into_iter().flat_map(|weekdays| near.iter().map(move |&term| (weekdays, term))) {
        let mut found: Vec<Aligned> = Vec::new();
        for &(id, which) in index.dated_by(index.family(term)) {
            let sentence = index.sentence(id);
            let other = &sentence.slots[which as usize];
            if matches!(other.value, Value::Weekday(_)) != weekdays {
                continue;
            }
            let published = facts.sources.get(sentence.source as usize).and_then(|s| s.published);
            if !known_by(draft_date, published, &other.value) || !same_granularity(&slot.value, &other.value) {
                continue;
            }
            // The word beside the date part of a name ("the Brannock River on Friday") dates no event.
            if facts.sources.get(sentence.source as usize).is_some_and(|s| capitalised_beside(&s.text, other, index.lemma(term))) {
                continue;
            }
            // Nor does a sentence of another occurrence ("Game 4 on Friday" for Game 7).
            let marks = facts.sources.get(sentence.source as usize).map(|s| Marks::of(&s.text, sentence.range(), &sentence.slots));
            if marks.is_some_and(|marks| draft_marks.another_occurrence(&marks, slot)) {
                continue;
            }
            // One other date beside the word and there is no consensus: stop looking.
            if found.first().is_some_and(|first| !(first.slot.value.compatible(&other.value) && other.value.compatible(&first.slot.value)))
            {
                found.clear();
                break;
            }
            found.push(Aligned { score: 1.0, sentence, slot: other, published });
        }
        let Some(first) = found.first() else { continue };
        let mut sources: Vec<u32> = found.iter().map(|f| f.sentence.source).collect();
        sources.sort_unstable();
        sources.dedup();
        if sources.len() >= CONSENSUS_SOURCES && !slot.value.compatible(&first.slot.value) {
            return found;
        }
    }
    Vec::new()
}

/// Whether the word of `lemma` right before or after a value is written with a capital.
fn capitalised_beside(text: &str, slot: &Slot, lemma: &str) -> bool {
    let word_is =
        |word: &str| word.chars().next().is_some_and(char::is_uppercase) && crate::facts::evidence::lemma(word).is_some_and(|l| l == lemma);
    let before = text.get(..slot.start as usize).unwrap_or("");
    let before = before.trim_end().trim_end_matches(|c: char| c.is_lowercase() && c.is_alphabetic()).trim_end();
    let last = before.rsplit(|c: char| !c.is_alphanumeric() && c != '-').next().unwrap_or("");
    let after = text.get(slot.end as usize..).unwrap_or("").trim_start();
    let next = after.split(|c: char| !c.is_alphanumeric() && c != '-').next().unwrap_or("");
    word_is(last) || word_is(next)
}

/// Whether `rival` stands so much farther in time from the draft's day than `other` does
/// (another day, within [`NEAR_DAYS`] of it) that the draft's day cannot be a miscopy of
/// it: at least [`FAR_RIVAL_DAYS`] and four times as far. (The draft's own day is never
/// `other` here: which of two events a sentence dates stays unclear however far apart.)
fn far_rival(draft: &Value, other: &Value, rival: &Value) -> bool {
    matches!((days_apart(draft, other), days_apart(draft, rival)), (Some(near), Some(far)) if (1..=NEAR_DAYS).contains(&near) && far >= FAR_RIVAL_DAYS.max(near * 4))
}

/// See [`far_rival`].
const FAR_RIVAL_DAYS: i32 = 30;

/// Whether two figures are a unit apart (two ages: a birthday between two reports).
fn one_year_apart(a: &Value, b: &Value) -> bool {
    matches!((a, b), (Value::Figure { value: x, .. }, Value::Figure { value: y, .. }) if (x - y).abs() <= 1.0)
}

/// Whether a birthday may fall between a source's day (its publication, or for an undated
/// page the latest day it writes of) and the draft's: when they are two months or more apart.
fn birthday_between(draft: Option<Date>, source: Option<Date>) -> bool {
    match (draft, source) {
        (Some(draft), Some(source)) => draft.since(source).map_or(true, |span| span.get_days().abs() >= 60),
        // (A story's pages are days apart: a page with no day known is taken as one of them.)
        _ => false,
    }
}

/// Words that say a figure is someone's report, not their own ("said 40 ships"). Not
/// "added", as a date's report words have it (`REPORT_WORDS`): "Marchetti added 22" is his own.
const REPORTING: &[&str] = &["said", "says", "told", "according", "estimated", "reported"];

/// How many bytes before a value are read for a word of a list (see [`word_before`]).
const WORD_BEFORE_BYTES: usize = 24;

/// Whether a word of `list` stands in the few words before a value.
fn word_before(text: &str, slot: &Slot, list: &[&str]) -> bool {
    let start = text.floor_char_boundary(slot.start as usize);
    text.get(text.floor_char_boundary(start.saturating_sub(WORD_BEFORE_BYTES))..start)
        .unwrap_or("")
        .split(|c: char| !c.is_alphabetic())
        .any(|w| list.iter().any(|r| w.eq_ignore_ascii_case(r)))
}

/// The name an age is written right beside ("24-year-old Pierre", "Pierre, 24,"): a word
/// in capitals the corpus never writes in lower case, and no nationality or party.
fn aged_name<'t>(facts: &FactBase, text: &'t str, slot: &Slot) -> Option<&'t str> {
    let (start, end) = (text.floor_char_boundary(slot.start as usize), text.floor_char_boundary(slot.end as usize));
    let after = text.get(end..).unwrap_or("");
    let next = ["-year-old ", " year old "]
        .iter()
        .find_map(|joint| after.strip_prefix(joint))
        .and_then(|rest| rest.split(|c: char| !c.is_alphabetic()).next());
    let previous = text.get(..start).and_then(|before| before.strip_suffix(", ")).and_then(|before| before.rsplit(' ').next());
    [next, previous].into_iter().flatten().find(|word| {
        word.chars().count() >= 2
            && word.starts_with(char::is_uppercase)
            && word.chars().all(char::is_alphabetic)
            && !facts.common_words.contains(&word.to_lowercase())
            // (Nor a nationality or a party: "a 53-year-old Australian".)
            && !crate::annotate::names::is_country_word(&word.to_lowercase())
            && !crate::annotate::names::is_affiliation(&word.to_lowercase())
    })
}

/// The day a day told as an offset counts from: "six weeks earlier" on June 1 counts from
/// July 13, "two days later" on May 3 from May 1. Days and weeks only.
fn offset_anchor(text: &str, slot: &Slot) -> Option<Date> {
    let Value::Date(DateValue::Day(day)) = slot.value else { return None };
    let phrase = text.get(slot.range())?.to_lowercase();
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let [count, unit, direction] = words[..] else { return None };
    let count = match count {
        "a" | "an" | "one" => 1,
        other => other.parse::<i64>().ok().or_else(|| crate::annotate::counts::cardinal(other).map(|n| n as i64))?,
    };
    let days = match unit.trim_end_matches('s') {
        "day" => count,
        "week" => 7 * count,
        _ => return None,
    };
    let sign = match direction {
        "earlier" | "before" => 1,
        "later" | "after" => -1,
        _ => return None,
    };
    day.checked_add(jiff::Span::new().days(sign * days)).ok()
}

/// How many words before "based in" are read for whose base it is.
const BASED_IN_WORDS: usize = 6;

/// Whose base a place is ("Tarrow-based Ostley", "Harrow Labs, Inc., a Velmora-based
/// company", "Harrow Labs Inc., also based in Tarrow"): the words of the name after "-based",
/// or of the name the phrase is in apposition to, or of the last name before "based in", a
/// company's suffix left out. Two owners are one when they share a word.
fn based_owner<'t>(facts: &FactBase, text: &'t str, slot: &Slot) -> Option<Vec<&'t str>> {
    let (start, end) = (text.floor_char_boundary(slot.start as usize), text.floor_char_boundary(slot.end as usize));
    let word = |w: &'t str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.strip_suffix("'s").or_else(|| w.strip_suffix("\u{2019}s")).unwrap_or(w)
    };
    let name_word = |w: &&str| w.starts_with(char::is_uppercase) && !facts.common_words.contains(&w.to_lowercase());
    let usable = |w: &&str| !w.is_empty() && !crate::facts::people::is_company_suffix(w);
    // The words of the first name among `words`.
    let first_name = |words: Vec<&'t str>| {
        let name: Vec<&str> = words.into_iter().filter(usable).skip_while(|w| !name_word(w)).take_while(name_word).collect();
        (!name.is_empty()).then_some(name)
    };
    // "Harrow Labs Inc., also based in Tarrow", "Ostley, which is based in Tarrow": the
    // name in the few words before.
    if let Some(head) = text.get(..start).and_then(|before| before.strip_suffix("based in ")) {
        return first_name(head.split_whitespace().rev().take(BASED_IN_WORDS).map(word).collect());
    }
    let rest = text.get(end..)?.strip_prefix("-based")?;
    if rest.starts_with(' ') && rest[1..].starts_with(char::is_uppercase) {
        return first_name(rest.split_whitespace().take(BASED_IN_WORDS).map(word).collect());
    }
    let before = text.get(..start)?;
    let head = before.strip_suffix("a ").or_else(|| before.strip_suffix("an "))?.trim_end().strip_suffix(',')?;
    first_name(head.split_whitespace().rev().take(BASED_IN_WORDS).map(word).collect())
}

/// Whether two owners ([`based_owner`]) share a word of their names.
fn same_owner(a: &[&str], b: &[&str]) -> bool {
    a.iter().any(|x| b.iter().any(|y| x.eq_ignore_ascii_case(y)))
}

/// Whether a draft's place is a company's base ([`based_owner`]) that a corpus sentence
/// gives the same company ([`based_elsewhere_too`]).
fn base_sourced(facts: &FactBase, text: &str, slot: &Slot) -> bool {
    matches!(slot.value, Value::Place(_))
        && based_owner(facts, text, slot)
            .is_some_and(|owner| text.get(slot.range()).is_some_and(|written| based_elsewhere_too(facts, &owner, written)))
}

/// How many corpus sentences naming a company are read for the bases they give it.
const BASES_READ: usize = 200;

/// Whether a corpus sentence gives `owner` the base `written` ("Tarrow-based Harrow",
/// "Harrow, a Tarrow-based drugmaker"), as the draft writes it.
fn based_elsewhere_too(facts: &FactBase, owner: &[&str], written: &str) -> bool {
    let index = &facts.evidence;
    owner.iter().any(|name| {
        let Some(term) = crate::facts::evidence::lemma(&name.to_lowercase()).and_then(|l| index.term(&l)) else { return false };
        let before = format!("{}-based {}", written.to_lowercase(), name.to_lowercase());
        let after = format!("{}, a {}-based", name.to_lowercase(), written.to_lowercase());
        index.holding(term, BASES_READ).into_iter().any(|id| {
            let sentence = index.sentence(id);
            facts.sources.get(sentence.source as usize).and_then(|s| s.text.get(sentence.range())).is_some_and(|text| {
                let lower = text.to_lowercase();
                lower.contains(&before) || lower.contains(&after)
            })
        })
    })
}

/// Words right before a figure that make it a part of a count, told apart from the rest.
/// (Not "another", which also opens a count of its own kind: "1,210 were injured and
/// another 220 are missing".)
const PART_OF_A_COUNT: &[&str] = &["other", "remaining", "additional", "further"];

/// Whether the word right before a figure makes it a part of a count ("the other three
/// deputies", "a further 20 people"): no total, and no total contradicts it.
fn part_of_a_count(text: &str, slot: &Slot) -> bool {
    let start = text.floor_char_boundary(slot.start as usize);
    text.get(text.floor_char_boundary(start.saturating_sub(WORD_BEFORE_BYTES))..start)
        .and_then(|before| before.split(|c: char| !c.is_alphabetic()).rev().find(|w| !w.is_empty()).filter(|_| before.ends_with(' ')))
        .is_some_and(|word| PART_OF_A_COUNT.iter().any(|p| word.eq_ignore_ascii_case(p)))
}

/// Whether a reporting word stands in the few words before a value.
fn reported(text: &str, slot: &Slot) -> bool {
    word_before(text, slot, REPORTING)
}

/// Words that make the figure after them another person's than the one named before them:
/// "Judge Thornquist fined him £250,000" is his fine, not the judge's.
const OBJECT_PRONOUNS: &[&str] = &["him", "her", "them"];

/// Whose a figure is (see `figure_owner` in [`judge`]): the person it stands beside, unless
/// an object pronoun stands in the few words before it, the figure being that person's.
fn owner_of(facts: &FactBase, terms: &[Option<u32>], text: &str, slot: &Slot) -> Option<(crate::facts::people::PersonId, u32)> {
    if word_before(text, slot, OBJECT_PRONOUNS) {
        return None;
    }
    person_term_beside(facts, terms, slot.at as usize)
}

/// How many corpus sentences holding a person's name are read for the figures of theirs
/// the sources give (see [`owned_figure_varies`]).
const OWNED_READ: usize = 400;

/// Whether the sources give a person's figure of one unit differently in two sentences
/// ("31 points and 13 rebounds" in one game, "eight rebounds" in the next): then the
/// person's figure is an occasion's, and another occasion's is no conflict. (Two figures
/// of one sentence are two quantities, "stopped 18 of 23 shots", not two occasions; two
/// sentences that share a figure may tell one occasion.)
fn owned_figure_varies(facts: &FactBase, owner: (crate::facts::people::PersonId, u32), value: &Value) -> bool {
    let index = &facts.evidence;
    let same = |a: &Value, b: &Value| a.compatible(b) && b.compatible(a);
    let mut told: Vec<Vec<&Value>> = Vec::new();
    for id in index.holding(owner.1, OWNED_READ) {
        let sentence = index.sentence(id);
        let Some(text) = facts.sources.get(sentence.source as usize).map(|s| s.text.as_ref()) else { continue };
        let terms: Vec<Option<u32>> = sentence.terms.iter().map(|&t| Some(t)).collect();
        let owned: Vec<&Value> = sentence
            .slots
            .iter()
            .filter(|o| !o.hedged && o.value.same_type(value))
            .filter(|o| owner_of(facts, &terms, text, o).is_some_and(|(theirs, _)| theirs == owner.0))
            .map(|o| &o.value)
            .collect();
        if owned.is_empty() {
            continue;
        }
        if told.iter().any(|earlier| !earlier.iter().any(|a| owned.iter().any(|b| same(a, b)))) {
            return true;
        }
        told.push(owned);
    }
    false
}

/// The person a value stands beside: the nearest lemma, up to four before it or two after
/// it, that is a part of a known person's name ("Quill, 34,", "a 34-year-old, Quill").
fn person_beside(facts: &FactBase, terms: &[Option<u32>], at: usize) -> Option<crate::facts::people::PersonId> {
    person_term_beside(facts, terms, at).map(|(person, _)| person)
}

/// [`person_beside`], with the term of the name's word found.
fn person_term_beside(facts: &FactBase, terms: &[Option<u32>], at: usize) -> Option<(crate::facts::people::PersonId, u32)> {
    let before = (1..=4).filter_map(|d| at.checked_sub(d));
    let after = (at..at + 2).filter(|&i| i < terms.len());
    before.chain(after).find_map(|i| {
        let term = terms.get(i).copied().flatten()?;
        let lemma = facts.evidence.lemma(term);
        // Two letters are a name too ("Judge Ek"), when no common word.
        if lemma.len() < 2 || facts.common_words.contains(lemma) {
            return None;
        }
        // The stem is not the name: "fenwick" for Fenwicks, "abernathi" for Abernathy, "castellmor" for Castellmore.
        let stem = title_case(lemma);
        let forms = [
            stem.clone(),
            format!("{stem}s"),
            format!("{stem}e"),
            format!("{stem}es"),
            stem.strip_suffix('i').map(|s| format!("{s}y")).unwrap_or_default(),
        ];
        forms.iter().filter(|f| !f.is_empty()).find_map(|form| facts.people.by_reference(form, &[])).map(|person| (person, term))
    })
}

#[allow(clippy::too_many_arguments)]
fn alignment_of(
    draft_frame: &[FrameTerm],
    terms: &[Option<u32>],
    slots: &[Slot],
    values: &[ValueTerm],
    slot: &Slot,
    unit: Option<u32>,
    date: bool,
    index: &dyn EvidenceSource,
) -> Alignment {
    alignment(draft_frame, &value_frame(terms, slot, values, 0..terms.len(), &anchors(slots, slot), unit, date, index))
}

/// Whether a place value can be a place: no word of it is a person's name, and not every
/// word of it is one the corpus writes in lower case ("Week", "Bowl").
fn plausible_place(facts: &FactBase, value: &Value) -> bool {
    let Value::Place(key) = value else { return true };
    let words: Vec<&str> = key.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    // (A world holds every place of a story: "circled the Moon" places nothing.)
    !words.is_empty()
        && !matches!(key.as_ref(), "earth" | "moon" | "mars" | "space" | "orbit")
        && !words.iter().all(|w| facts.common_words.contains(*w))
        && !words.iter().any(|w| {
            // ("Le Vesnay" is no person for "Le Veilleur": an article or particle names nobody.)
            if w.len() <= 2 || crate::annotate::names::is_name_particle(w) {
                return false;
            }
            let capitalised: String = w.chars().take(1).flat_map(char::to_uppercase).chain(w.chars().skip(1)).collect();
            facts.people.by_reference(&capitalised, &[]).is_some()
        })
        && facts.people.near_misses(&title_case(key)).is_empty()
}

fn title_case(text: &str) -> String {
    text.split(' ')
        .map(|w| w.chars().take(1).flat_map(char::to_uppercase).chain(w.chars().skip(1)).collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a draft place and an evidence place may be one place at two scales: named
/// together in a corpus sentence ("the Marlow Dome in Fennick"), or the evidence
/// sentence also names the draft's place, or the draft sentence names the evidence's.
fn same_place_scale(facts: &FactBase, draft: &Value, evidence: &Value, sentence: &IndexedSentence, draft_places: &[&str]) -> bool {
    let (Value::Place(a), Value::Place(b)) = (draft, evidence) else { return false };
    if sibling_regions(a, b) {
        return false;
    }
    facts.evidence.places_named_together(a, b)
        || sentence.slots.iter().any(|s| matches!(&s.value, Value::Place(p) if crate::facts::place_matches(p, a)))
        || draft_places.iter().any(|p| crate::facts::place_matches(p, b))
}

/// Whether two places may stand one inside the other: of two scales by name ("New Mexico"
/// and "Lea County", see [`place_scale`]), or named together in the corpus. False for
/// values other than two places.
fn may_nest(facts: &FactBase, draft: &Value, evidence: &Value) -> bool {
    let (Value::Place(a), Value::Place(b)) = (draft, evidence) else { return false };
    place_scale(a) != place_scale(b) || !sibling_regions(a, b) && facts.evidence.places_named_together(a, b)
}

/// Two countries, or two states or provinces, that are not one: neither lies in the
/// other, however often the corpus names them together ("Uruguay and Paraguay").
fn sibling_regions(a: &str, b: &str) -> bool {
    matches!((region_of(a), region_of(b)), (Some((x, level)), Some((y, other))) if level == other && x != y)
}

/// Whether two places are each someone's home ("a Marren County resident", "a Tolby
/// native") and one is named a county while the other is no region at all (a town, a
/// site): the one may lie in the other, and no list says.
fn homes_may_nest(a: &Slot, b: &Slot) -> bool {
    let (Value::Place(x), Value::Place(y)) = (&a.value, &b.value) else { return false };
    a.origin && b.origin && matches!((place_scale(x), place_scale(y)), (0, 1) | (1, 0))
}

/// The scale of a place by its name: a country, a state or province, a county, or none
/// known (a town, a site).
fn place_scale(place: &str) -> u8 {
    use crate::annotate::regions::Level;
    match region_level(place) {
        Some(Level::Country) => 3,
        Some(Level::State) => 2,
        None if place.ends_with(" county") || place.ends_with(" parish") => 1,
        None => 0,
    }
}

/// The level of a region a place's key names ("texas", "united states", "us"), if any.
fn region_level(place: &str) -> Option<crate::annotate::regions::Level> {
    region_of(place).map(|(_, level)| level)
}

/// The region a place's key names, with its normal name and level.
fn region_of(place: &str) -> Option<(&'static str, crate::annotate::regions::Level)> {
    use crate::annotate::regions::region_named;
    // (A short key is as often initials: "us", "uk".)
    region_named(&title_case(place)).or_else(|| (place.len() <= 3).then(|| region_named(&place.to_uppercase())).flatten())
}

/// Whether either sentence names the other's place outside its values ("in Tarrow and
/// Fennick", where the place reader took only the first): then the two do not contradict
/// each other, though neither supports the other (the evidence may name it for another thing).
fn names_other_place(facts: &FactBase, draft: &Value, evidence: &Value, sentence: &IndexedSentence, draft_terms: &[Option<u32>]) -> bool {
    let (Value::Place(a), Value::Place(b)) = (draft, evidence) else { return false };
    names_place(facts, a, sentence.terms.iter().copied()) || names_place(facts, b, draft_terms.iter().flatten().copied())
}

/// Whether every word of a place is among a sentence's lemmas.
fn names_place(facts: &FactBase, place: &str, terms: impl Iterator<Item = u32>) -> bool {
    let terms: Vec<u32> = terms.collect();
    let words: Vec<Option<u32>> = place
        .split([' ', '-'])
        .filter(|w| !w.is_empty())
        .map(|w| crate::facts::evidence::lemma(w).and_then(|l| facts.evidence.term(&l)))
        .collect();
    !words.is_empty() && words.iter().all(|w| w.is_some_and(|t| terms.contains(&t)))
}

/// Whether an evidence date only allows the draft's, being coarser: a month for a day, a
/// week ("last week", Aug. 4-10) for one of its days.
fn coarser(draft: &Value, evidence: &Value) -> bool {
    use crate::annotate::dates::DateValue;
    !same_granularity(draft, evidence)
        || matches!((draft, evidence), (Value::Date(DateValue::Day(_)), Value::Date(DateValue::Days(first, last))) if first != last)
}

/// Dates contradict only at one granularity (a day and a day, a month and a month).
fn same_granularity(a: &Value, b: &Value) -> bool {
    use crate::annotate::dates::DateValue;
    use crate::annotate::regions::Level;
    match (a, b) {
        (Value::Date(a), Value::Date(b)) => matches!(
            (a, b),
            (DateValue::Day(_) | DateValue::Days(..), DateValue::Day(_) | DateValue::Days(..))
                | (DateValue::Month { .. }, DateValue::Month { .. })
                | (DateValue::Year(_), DateValue::Year(_))
        ),
        // A country and a state or province are two scales: "US-based" and "Texas-based"
        // tell one company's home at two sizes. (Not a state of another country: "in
        // India" and "in Ohio" are two places.)
        (Value::Place(a), Value::Place(b)) => match (region_of(a), region_of(b)) {
            (Some((state, Level::State)), Some((country, Level::Country)))
            | (Some((country, Level::Country)), Some((state, Level::State))) => {
                crate::annotate::regions::country_of_state(state).is_some_and(|theirs| theirs != country)
            }
            _ => true,
        },
        _ => true,
    }
}

fn finding_kind(value: &Value) -> (Kind, &'static str) {
    match value {
        Value::Date(_) | Value::Weekday(_) => (Kind::Date, "date-conflict"),
        Value::Figure { .. } | Value::Score(..) => (Kind::Count, "count-conflict"),
        Value::Place(_) => (Kind::Place, "place-conflict"),
    }
}

/// How the evidence writes its value ("Dec. 15, 2031", "10", "Harrowgate").
fn written(facts: &FactBase, aligned: &Aligned) -> String {
    match &aligned.slot.value {
        value @ (Value::Date(_) | Value::Weekday(_)) => value.display(),
        _ => {
            let source = &facts.sources[aligned.sentence.source as usize];
            source.text.get(aligned.slot.range()).map_or_else(|| aligned.slot.value.display(), str::to_string)
        }
    }
}

/// Each value once (as the sources write it) with how many sources give it, most first.
fn tally(facts: &FactBase, aligned: &[Aligned]) -> Vec<(String, usize)> {
    let mut values: Vec<(String, Vec<u32>)> = Vec::new();
    for a in aligned {
        // (An undated page's weekday counts for a day of the calendar it falls on.)
        let day = |b: &&Aligned| matches!(b.slot.value, Value::Date(_)) && b.slot.value.compatible(&a.slot.value);
        let calendar = matches!(a.slot.value, Value::Weekday(_)).then(|| aligned.iter().find(day)).flatten();
        let text = written(facts, calendar.unwrap_or(a));
        match values.iter_mut().find(|(v, _)| *v == text) {
            Some((_, by)) => {
                if !by.contains(&a.sentence.source) {
                    by.push(a.sentence.source);
                }
            }
            None => values.push((text, vec![a.sentence.source])),
        }
    }
    let mut out: Vec<(String, usize)> = values.into_iter().map(|(text, by)| (text, by.len())).collect();
    out.sort_by_key(|entry| std::cmp::Reverse(entry.1));
    out
}

fn cite(aligned: &[Aligned]) -> Vec<CiteRef> {
    aligned.iter().map(|a| CiteRef::new(a.sentence.source as usize, a.sentence.range())).collect()
}

pub(crate) fn check(context: &Context<'_>, draft_date: Option<Date>, output: &mut Output) {
    let facts = context.facts;
    if facts.evidence.is_empty() {
        return;
    }
    let mut mine = Output::new(facts);
    let written_by = super::written_by(draft_date, context.analysis);
    for sentence in sentence_values(context.text, context.analysis) {
        if sentence.slots.is_empty() && sentence.reports.is_empty() {
            continue;
        }
        let at = sentence.range.start;
        // All the check reads of the draft: the sentence's lemmas, its values and where
        // they stand in it, and the draft's date.
        // (The words between values too: "187 of the 188" is not "187 and 188".)
        // (A report's day last, after a marker: a day moved from one to the other is another question.)
        let values: Vec<(String, u16, u32, u32, [bool; 3])> = sentence
            .slots
            .iter()
            .chain(&sentence.reports)
            .map(|s| {
                (format!("{:?}", s.value), s.at, s.start.wrapping_sub(at as u32), s.end - s.start, [s.hedged, s.future, s.attributive])
            })
            .collect();
        let values = (values, sentence.reports.len());
        let question = format!("{:?}", (context.slice(&sentence.range), &sentence.lemmas, values, draft_date, written_by));
        context.check_once(&mut mine, "align", question, at, |mine| check_sentence(context, &sentence, draft_date, written_by, mine));
    }
    // What another check already said of a value stands: it knows the event better.
    let covered = |kind: Kind, range: &Range<usize>| {
        output.raised.iter().any(|r| r.kind == kind && r.range.start < range.end && range.start < r.range.end)
            || output
                .claims
                .iter()
                .any(|c| c.kind == kind && c.verdict == Verdict::Supported && c.range.start < range.end && range.start < c.range.end)
    };
    let raised: Vec<Raised> = mine.raised.into_iter().filter(|r| !covered(r.kind, &r.range)).collect();
    let claims: Vec<_> = mine.claims.into_iter().filter(|c| !covered(c.kind, &c.range)).collect();
    output.raised.extend(raised);
    output.claims.extend(claims);
}

/// The most sentences giving one of a draft sentence's rarer values that join those
/// retrieved by its words (see [`judge_sentence`]).
const MAX_STATING: usize = 12;

/// What the evidence says of each value of a draft sentence: each value aligned on its
/// own, then the ones nothing supports against the sentences that tell the whole sentence again.
fn judge_sentence<'a>(
    facts: &'a FactBase,
    text: &str,
    sentence: &SentenceValues,
    draft_date: Option<Date>,
    written_by: Option<Date>,
) -> Vec<Judgment<'a>> {
    let index = &facts.evidence;
    let terms = terms_of(sentence, index);
    let known: Vec<u32> = terms.iter().flatten().copied().collect();
    if known.is_empty() {
        return sentence.slots.iter().chain(&sentence.reports).map(|_| Judgment::Silent).collect();
    }
    let mut candidates: Vec<u32> = index.retrieve(&known, crate::facts::evidence::MAX_CANDIDATES).into_iter().map(|(id, _)| id).collect();
    // A sentence that gives one of this one's rarer values (a score, a distinctive figure)
    // tells of the same occasion, however few of its words it shares in a corpus where they
    // are all common ("beat the Harlow Comets 116-107 in Game 3 on Wednesday" for "went
    // ahead in the series on Tuesday with a 116-107 victory"): it is evidence of when and
    // where that happened (not of the sentence's other figures, which a shared one does
    // not tie: many sentences give a deal's price beside other counts).
    let by_words = candidates.len();
    for slot in sentence.slots.iter().filter(|s| !s.hedged && ties_occasion(&s.value)) {
        for &id in index.stating(&slot.value).iter().take(MAX_STATING) {
            if !candidates.contains(&id) {
                candidates.push(id);
            }
        }
    }
    // The places the sentence claims: not one it denies or hedges ("who did not grow up in
    // Fennick County"), which neither holds its other places nor makes a list of them.
    let draft_places: Vec<&str> = sentence
        .slots
        .iter()
        .filter(|s| !s.hedged)
        .filter_map(|s| if let Value::Place(p) = &s.value { Some(p.as_ref()) } else { None })
        .collect();
    let (terms, candidates, draft_places) = (&terms[..], &candidates[..], &draft_places[..]);
    // A list of places, each with its figure ("seven in Fennick, six in Tarrow, three in
    // Dunmore"): every item shares one frame, so no one of them aligns with a source's place
    // or figure more than the others. Their places and bare figures are left alone.
    let listed = draft_places.len() >= LISTED_PLACES;
    let in_list = |slot: &Slot| listed && matches!(slot.value, Value::Place(_) | Value::Figure { unit: None, .. });
    // A sentence dated where no related source sentence is ("In 2009, another airline
    // offered $8,000 after a crash in Harrowgate"): another time, another event. Its
    // date is checked; its figures and places are not the story's to contradict.
    // (Where the first such year stands: a person's age told before it, "Ostrova, 58, took the
    // oath, having run the harbour office from 2012 to 2016", is the age now.)
    let other_time = sentence
        .slots
        .iter()
        .filter(|slot| {
            matches!(slot.value, Value::Date(crate::annotate::dates::DateValue::Year(year)) if draft_date.is_none_or(|d| d.year() != year))
                && !candidates.iter().any(|&id| {
                    index
                        .sentence(id)
                        .slots
                        .iter()
                        .any(|o| o.value.is_date() && (o.value.compatible(&slot.value) || slot.value.compatible(&o.value)))
                })
        })
        .map(|slot| slot.start)
        .min();
    let of_another_event = |slot: &Slot| {
        other_time.is_some_and(|year_at| {
            let age_before = matches!(&slot.value, Value::Figure { unit: Some(unit), .. } if unit.as_ref() == "age") && slot.end <= year_at;
            !slot.value.is_date() && !age_before
        })
    };
    // Source sentences that tell another occurrence of a recurring event ("Game 3" for the
    // draft's "Game 5", another score) are no evidence for a value of this one.
    let draft_marks = Marks::of(text, sentence.range.clone(), &sentence.slots);
    let candidate_marks: Vec<Marks> = candidates
        .iter()
        .map(|&id| {
            let evidence = index.sentence(id);
            facts
                .sources
                .get(evidence.source as usize)
                .map_or_else(Marks::default, |s| Marks::of(&s.text, evidence.range(), &evidence.slots))
        })
        .collect();
    let same_occurrence = |slot: &Slot| -> Vec<u32> {
        let when_or_where = slot.value.is_date() || matches!(slot.value, Value::Place(_));
        candidates
            .iter()
            .zip(&candidate_marks)
            .enumerate()
            .filter(|&(at, (_, marks))| (at < by_words || when_or_where) && !draft_marks.another_occurrence(marks, slot))
            .map(|(_, (&id, _))| id)
            .collect()
    };
    // (A report's day, `report`, against the days of the sources' reports only.)
    // (Which words tell a start or an end, looked up once for the sentence.)
    let phases = Phases::new(index);
    let judge_slot = |slot: &Slot, report: bool| {
        let candidates = same_occurrence(slot);
        let slots = &sentence.slots[..];
        judge(
            facts,
            slot,
            terms,
            &phases,
            phases.of_draft(&sentence.lemmas, slot),
            &candidates,
            draft_date,
            written_by,
            draft_places,
            slots,
            &draft_marks,
            text,
            sentence.range.clone(),
            report,
        )
    };
    // A base the sources give the same company ("Tarrow-based Harrow Labs") is sourced,
    // whatever other base another source gives it ("Harrow Labs, a Velmora-based company").
    let sourced_base: Vec<bool> = sentence.slots.iter().map(|slot| base_sourced(facts, text, slot)).collect();
    let mut judgments: Vec<Judgment> = sentence
        .slots
        .iter()
        .zip(&sourced_base)
        .map(|(slot, &sourced_base)| {
            if in_list(slot) || sourced_base {
                return Judgment::Silent;
            }
            match judge_slot(slot, false) {
                Judgment::Contradicted(_) | Judgment::Disputed(_) if of_another_event(slot) => Judgment::Silent,
                judgment => judgment,
            }
        })
        .collect();
    // (Neither is open to the looks below: a list's items, another event's values, a base
    // the sources give the company.)
    // (Nor a person's figure that is an occasion's, `Judgment::Withheld`.)
    let closed: Vec<bool> = sentence
        .slots
        .iter()
        .zip(&judgments)
        .zip(&sourced_base)
        .map(|((slot, judgment), &sourced_base)| {
            in_list(slot) || of_another_event(slot) || matches!(judgment, Judgment::Withheld) || sourced_base
        })
        .collect();
    let open: Vec<bool> = judgments.iter().zip(&closed).map(|(j, &closed)| matches!(j, Judgment::Silent) && !closed).collect();
    let apart = |rank: usize, slot: &Slot| candidate_marks.get(rank).is_some_and(|marks| draft_marks.another_occurrence(marks, slot));
    for (i, pins) in pinned(facts, text, sentence, terms, &phases, candidates, draft_date, written_by, draft_places, &open, &apart)
        .into_iter()
        .enumerate()
    {
        if !pins.is_empty() {
            judgments[i] = Judgment::Contradicted(pins);
        }
    }
    let open: Vec<bool> = judgments.iter().zip(&closed).map(|(j, &closed)| matches!(j, Judgment::Silent) && !closed).collect();
    for (i, pins) in coordinated(facts, sentence, candidates, draft_date, written_by, &open).into_iter().enumerate() {
        if !pins.is_empty() {
            judgments[i] = Judgment::Contradicted(pins);
        }
    }
    // (A figure only a bound supports, "at least 18" for 189, is still open to a figure
    // told as the same part of another whole.)
    let open: Vec<bool> = judgments
        .iter()
        .zip(&closed)
        .zip(&sentence.slots)
        .map(|((j, &closed), slot)| {
            !closed
                && match j {
                    Judgment::Silent => true,
                    Judgment::Supported(agreeing) => !agreeing.iter().any(|a| attests(&slot.value, &a.slot.value)),
                    _ => false,
                }
        })
        .collect();
    for (i, pins) in part_of_whole(facts, text, sentence, terms, candidates, draft_date, written_by, &open).into_iter().enumerate() {
        if !pins.is_empty() {
            judgments[i] = Judgment::Contradicted(pins);
        }
    }
    // (A home at another scale is no other home, whichever look found it: see
    // [`homes_may_nest`].)
    for (slot, judgment) in sentence.slots.iter().zip(judgments.iter_mut()) {
        if let Judgment::Contradicted(pins) = judgment {
            pins.retain(|pin| !homes_may_nest(slot, pin.slot));
            if pins.is_empty() {
                *judgment = Judgment::Silent;
            }
        }
    }
    one_source_value_each(&sentence.slots, &mut judgments);
    // The days of the sentence's reports, against the days the sources date the same
    // reports (after the slots' judgments, in the order of `sentence.reports`).
    for slot in &sentence.reports {
        judgments.push(if other_time.is_some() { Judgment::Silent } else { judge_slot(slot, true) });
    }
    judgments
}

/// A source's figure tells one of a draft sentence's figures, not several: when the same
/// source figures alone contradict two or more of them ("39.1%, with D66 on 18.6% and the
/// PVV on 8.6%" against the one "29.1%" a source gives), they contradict the best-aligned
/// one only, and the others are left unjudged. (Not a date or a place: a day told again
/// as "that evening", a venue and its town, are one value told twice, and which of them is
/// wrong the alignment does not tell.)
fn one_source_value_each(slots: &[Slot], judgments: &mut [Judgment]) {
    let evidence = |(slot, j): (&Slot, &Judgment)| -> Option<(Vec<*const Slot>, f32)> {
        let Judgment::Contradicted(disagreeing) = j else { return None };
        if !matches!(slot.value, Value::Figure { .. }) {
            return None;
        }
        let mut slots: Vec<*const Slot> = disagreeing.iter().map(|a| std::ptr::from_ref(a.slot)).collect();
        slots.sort_unstable();
        slots.dedup();
        Some((slots, disagreeing.iter().map(|a| a.score).fold(f32::MIN, f32::max)))
    };
    let told: Vec<Option<(Vec<*const Slot>, f32)>> = slots.iter().zip(judgments.iter()).map(evidence).collect();
    for (i, own) in told.iter().enumerate() {
        let Some((slots, score)) = own else { continue };
        // (Ties go to the value told first.)
        let outdone = told.iter().enumerate().any(|(k, other)| {
            k != i && other.as_ref().is_some_and(|(theirs, best)| theirs == slots && (*best > *score || *best == *score && k < i))
        });
        if outdone {
            judgments[i] = Judgment::Silent;
        }
    }
}

/// The draft sentence's values (not hedged) that a source sentence gives as well (not
/// hedged either).
fn told_there<'d>(draft_slots: &'d [Slot], evidence: &[Slot]) -> impl Iterator<Item = &'d Slot> {
    draft_slots.iter().filter(|d| !d.hedged && evidence.iter().any(|o| !o.hedged && accounted(&d.value, &o.value)))
}

/// Whether a source's page was written after the draft: published after the draft's day,
/// or, undated, telling of a day past it; or, for a draft with no date, published after the
/// latest day the draft tells of (`written_by`). Such a page may say what the draft could not
/// know yet: it does not contradict it (see `judge`).
fn written_after(facts: &FactBase, source: u32, draft_date: Option<Date>, written_by: Option<Date>) -> bool {
    let published = facts.sources.get(source as usize).and_then(|s| s.published);
    matches!((draft_date, published), (Some(draft), Some(theirs)) if theirs > draft)
        || published.is_none() && matches!((draft_date, facts.evidence.latest_day(source)), (Some(draft), Some(latest)) if latest > draft)
        || draft_date.is_none() && matches!((written_by, published), (Some(by), Some(theirs)) if theirs > by)
}

/// Whether two figures are written as a part of a whole: "187 of the 188", "47 of 53",
/// "17 of its members", "three of the airport's five runways" (nothing but "of", "out of",
/// a determiner and an owner's possessive between them).
fn part_of(text: &str, part: &Slot, whole: &Slot) -> bool {
    // (The owner's possessive is a word of the frame: the whole stands one lemma on.)
    if part.end > whole.start || whole.start - part.end > PART_OF_GAP || whole.at != part.at && whole.at != part.at + 1 {
        return false;
    }
    let between: Vec<_> = text.get(part.end as usize..whole.start as usize).unwrap_or("").split_whitespace().map(lower_case).collect();
    let mut between: Vec<&str> = between.iter().map(|w| w.as_ref()).collect();
    // (An owner's possessive closing the words between is the whole's owner: "of the
    // party's 88 seats", "of Tarnia's 26 provinces".)
    let possessive = |w: &str| w.len() > 2 && (w.ends_with("'s") || w.ends_with("\u{2019}s"));
    if between.len() >= 2 && between.last().is_some_and(|w| possessive(w)) {
        between.pop();
        return matches!(between.as_slice(), ["of"] | ["out", "of"] | ["of", "the"] | ["out", "of", "the"]);
    }
    if part.at != whole.at || whole.start - part.end > 16 {
        return false;
    }
    matches!(
        between.as_slice(),
        ["of"] | ["out", "of"] | ["of" | "out", "the" | "its" | "their" | "his" | "her" | "our"] | ["out", "of", "the"]
    )
}

/// The most bytes between a part and its whole ("of the company's ").
const PART_OF_GAP: u32 = 32;

/// How rare a word of the frame two parts of one whole share must be (a share of the
/// rarest lemma's IDF).
const PART_FRAME_IDF: f32 = 0.3;

/// The most sentences read for the part-of-a-whole figures of one value.
const PART_OF_SENTENCES: usize = 200;

/// Figures written as a part of a whole ("187 of the 189 people on board"): a corpus
/// sentence that writes the same part of another whole ("187 of the 188 people aboard"),
/// or another part of the same whole ("47 of 53 identified"), with a word of the frame or
/// the unit in common, contradicts the figure that differs, however different the rest of
/// the sentences. Two sources that pin it two ways are two moments of a tally: no pin.
#[allow(clippy::too_many_arguments)]
fn part_of_whole<'a>(
    facts: &'a FactBase,
    text: &str,
    sentence: &SentenceValues,
    draft_terms: &[Option<u32>],
    candidates: &[u32],
    draft_date: Option<Date>,
    written_by: Option<Date>,
    open: &[bool],
) -> Vec<Vec<Aligned<'a>>> {
    let index = &facts.evidence;
    let slots = &sentence.slots;
    let mut pins: Vec<Vec<Aligned>> = slots.iter().map(|_| Vec::new()).collect();
    let figure = |slot: &Slot| matches!(slot.value, Value::Figure { ordinal: false, .. }) && !slot.hedged;
    let near = |terms: &[Option<u32>], at: usize| -> Vec<u32> {
        terms[at.saturating_sub(3)..(at + 3).min(terms.len())].iter().flatten().map(|&t| index.family(t)).collect()
    };
    for (p, part) in slots.iter().enumerate() {
        for (w, whole) in slots.iter().enumerate() {
            if p == w || !figure(part) || !figure(whole) || !part_of(text, part, whole) || !(open[p] || open[w]) {
                continue;
            }
            let ours = near(draft_terms, part.at as usize);
            // The figure that the sentences share, and the one they may differ on.
            for (kept, checked, i) in [(part, whole, w), (whole, part, p)] {
                if !open[i] {
                    continue;
                }
                // The sentences that state the figure kept (of its unit), and the related ones
                // (where it may stand with its unit unsaid, or said where the draft's is not).
                let stating = index.stating(&kept.value);
                let stating = stating.iter().take(PART_OF_SENTENCES);
                for &id in stating.clone().chain(candidates.iter().filter(|id| !stating.clone().any(|s| s == *id))) {
                    let evidence = index.sentence(id);
                    let source = facts.sources.get(evidence.source as usize);
                    let published = source.and_then(|s| s.published);
                    if written_after(facts, evidence.source, draft_date, written_by) {
                        continue;
                    }
                    let Some(their_text) = source.map(|s| &*s.text) else { continue };
                    for (q, their_part) in evidence.slots.iter().enumerate() {
                        for (v, their_whole) in evidence.slots.iter().enumerate() {
                            if q == v || !figure(their_part) || !figure(their_whole) || !part_of(their_text, their_part, their_whole) {
                                continue;
                            }
                            let (their_kept, their_checked) =
                                if std::ptr::eq(kept, part) { (their_part, their_whole) } else { (their_whole, their_part) };
                            // (The same figure, its unit unsaid on one side: "41 of the 53" and
                            // "47 of the 53 people".)
                            let same = |a: &Value, b: &Value| same_type_or_unsaid(a, b) && a.compatible(b) && b.compatible(a);
                            if !same(&kept.value, &their_kept.value)
                                || !same_type_or_unsaid(&checked.value, &their_checked.value)
                                || checked.value.compatible(&their_checked.value)
                            {
                                continue;
                            }
                            // The same part of another whole ("187 of the 188 people") is the
                            // same count told, its unit enough; another part of the same whole
                            // ("five of the eight counts" agreed, "three of the eight" convicted)
                            // is often another thing counted: a word of the frame must match.
                            let unit_said = matches!(&checked.value, Value::Figure { unit: Some(_), .. });
                            let evidence_terms: Vec<Option<u32>> = evidence.terms.iter().map(|&t| Some(t)).collect();
                            let theirs = near(&evidence_terms, their_part.at as usize);
                            let same_part = std::ptr::eq(kept, part);
                            let unit = |slot: &Slot| slot.value.unit().and_then(|u| index.term(u)).map(|u| index.family(u));
                            let units = [unit(part), unit(whole), unit(their_part), unit(their_whole)];
                            let framed = ours.iter().any(|&f| {
                                !units.contains(&Some(f)) && theirs.contains(&f) && index.idf(f) >= PART_FRAME_IDF * index.max_idf()
                            });
                            if !(same_part && unit_said || framed) {
                                continue;
                            }
                            pins[i].push(Aligned { score: 1.0, sentence: evidence, slot: their_checked, published });
                        }
                    }
                }
            }
        }
    }
    for (i, slot) in slots.iter().enumerate() {
        let first = pins[i].first().map(|a| a.slot.value.clone());
        let split =
            first.is_some_and(|first| pins[i].iter().any(|a| !(a.slot.value.compatible(&first) && first.compatible(&a.slot.value))));
        // (A sentence that states the draft's figure of the same thing is its source.)
        let given =
            !pins[i].is_empty() && index.attested(&slot.value, &draft_terms.iter().flatten().copied().collect::<Vec<_>>(), &|_| false);
        if split || given {
            pins[i].clear();
        }
    }
    pins
}

/// Whether an evidence place opens a list of places ("facilities in Oregon, Nevada,
/// Vermont and Utah"): the place the value reader took is one of several, and a draft
/// place missing from it may be among the others. Not a town with its region ("Tarrow,
/// Nevada"), nor a place before a person named ("in Harrowgate, Quill said").
fn heads_a_list(facts: &FactBase, sentence: &IndexedSentence, place: &Slot) -> bool {
    use crate::annotate::regions::region_named;
    let Some(text) = facts.sources.get(sentence.source as usize).map(|s| s.text.as_ref()) else { return false };
    let (Some(written), Some(after)) = (text.get(place.range()), text.get(place.end as usize..)) else { return false };
    // (A region of up to three words: "West Virginia", "Ore.,".)
    let region_at = |rest: &str| {
        let words: Vec<&str> = rest.split(' ').take(3).collect();
        (1..=words.len()).any(|k| region_named(words[..k].join(" ").trim_end_matches([',', ';', ')'])).is_some())
    };
    if let Some(rest) = after.strip_prefix(" and ").or_else(|| after.strip_prefix(", and ")) {
        return rest.starts_with(char::is_uppercase);
    }
    let Some(rest) = after.strip_prefix(", ") else { return false };
    // (Nor a place before the sentence's subject: "Speaking in Velmark, Ostrander said".)
    let next = rest.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'')).next().unwrap_or("");
    rest.starts_with(char::is_uppercase)
        && !(region_named(written).is_none() && region_at(rest))
        && facts.people.by_reference(next.trim_end_matches("'s"), &[]).is_none()
}

/// How many places a draft sentence gives before it is read as a list of places.
const LISTED_PLACES: usize = 3;

/// Figures given as a pair of two things counted ("nine men and two women", "four dead
/// and 15 injured"): the two counted things and one of the figures given again, the same,
/// by a corpus sentence ("a crew of nine men and three women") pin the other, whatever the
/// words around. Two things counted side by side, in that order, are one fact's parts.
fn coordinated<'a>(
    facts: &'a FactBase,
    sentence: &SentenceValues,
    candidates: &[u32],
    draft_date: Option<Date>,
    written_by: Option<Date>,
    open: &[bool],
) -> Vec<Vec<Aligned<'a>>> {
    let index = &facts.evidence;
    let slots = &sentence.slots;
    let mut pins: Vec<Vec<Aligned>> = slots.iter().map(|_| Vec::new()).collect();
    let figure = |slot: &Slot| match &slot.value {
        Value::Figure { unit: Some(unit), ordinal: false, .. } => Some(unit.clone()),
        _ => None,
    };
    for (i, slot) in slots.iter().enumerate() {
        let Some(unit) = figure(slot).filter(|_| open[i]) else { continue };
        // The figure just before or after it, counting another thing, that the corpus
        // sentence gives again.
        for (k, other) in slots.iter().enumerate() {
            let Some(other_unit) = figure(other) else { continue };
            if k == i || other_unit == unit || other.at.abs_diff(slot.at) != 1 || other.hedged != slot.hedged {
                continue;
            }
            let order = slot.at > other.at;
            for &id in candidates {
                let evidence = index.sentence(id);
                let published = facts.sources.get(evidence.source as usize).and_then(|s| s.published);
                if written_after(facts, evidence.source, draft_date, written_by) {
                    continue;
                }
                for (j, theirs) in evidence.slots.iter().enumerate() {
                    if figure(theirs).as_ref() != Some(&other_unit) || theirs.value != other.value {
                        continue;
                    }
                    let pair = evidence.slots.iter().enumerate().find(|(m, pinned)| {
                        *m != j
                            && figure(pinned).as_ref() == Some(&unit)
                            && pinned.at.abs_diff(theirs.at) == 1
                            && (pinned.at > theirs.at) == order
                    });
                    if let Some((_, pinned)) = pair
                        && !slot.value.compatible(&pinned.value)
                        && !pinned.hedged
                    {
                        pins[i].push(Aligned { score: 1.0, sentence: evidence, slot: pinned, published });
                    }
                }
            }
        }
        // Two sentences that pin it two ways are two moments of a tally: no pin.
        let first = pins[i].first().map(|a| a.slot.value.clone());
        if let Some(first) = first
            && pins[i].iter().any(|a| !(a.slot.value.compatible(&first) && first.compatible(&a.slot.value)))
        {
            pins[i].clear();
        }
    }
    pins
}

/// The finding for a place misspelled: the sources' spelling, as a sentence writes it.
fn misspelled_place(facts: &FactBase, output: &mut Output, range: Range<usize>, text: &str, theirs: &str) {
    let index = &facts.evidence;
    let stating = index.stating(&Value::Place(theirs.into()));
    let Some(&first) = stating.first() else { return };
    let sentence = index.sentence(first);
    let written = facts
        .sources
        .get(sentence.source as usize)
        .and_then(|s| s.text.get(sentence.range()))
        .and_then(|quote| {
            let at = quote.to_lowercase().find(theirs)?;
            quote.get(at..at + theirs.len()).map(str::to_string)
        })
        .unwrap_or_else(|| title_case(theirs));
    let mut documents: Vec<u32> = stating.iter().map(|&id| index.sentence(id).source).collect();
    documents.sort_unstable();
    documents.dedup();
    let message = format!("No source writes {text}; {} {written}.", super::sources_write(documents.len()));
    let evidence = vec![CiteRef::new(sentence.source as usize, sentence.range())];
    output.raise(text, Raised::contradiction(Kind::Name, "name-misspelled", range, message, evidence, vec![written]));
}

fn check_sentence(
    context: &Context<'_>,
    sentence: &SentenceValues,
    draft_date: Option<Date>,
    written_by: Option<Date>,
    output: &mut Output,
) {
    let facts = context.facts;
    // The sites the sentence writes with their towns (see `located`).
    let sites = crate::facts::evidence::sites_located(context.text, sentence.range.start, &sentence.slots);
    for (slot, judgment) in
        sentence.slots.iter().chain(&sentence.reports).zip(judge_sentence(facts, context.text, sentence, draft_date, written_by))
    {
        let range = slot.range();
        let text = context.slice(&range).to_string();
        let (kind, code) = finding_kind(&slot.value);
        // A place the sources never name, a keystroke from one they do ("Velmrak"): its
        // name misspelled, whatever the sentence says of it.
        // (Not a name the corpus writes itself, though not as a place, nor another style of
        // the sources' name: "Nur Gal" for "Nurgal", nor its adjective.)
        if let Value::Place(key) = &slot.value
            && plausible_place(facts, &slot.value)
            && let Some(theirs) = facts.evidence.place_misspelled(key)
            && facts.written.get(&text).is_none()
            && !super::name::variant_spelling(&text, theirs)
            // (Nor the adjective of the place: "the Vellician town" for Vellicia.)
            && !super::name::demonym_of_named(&text, |w| facts.vocabulary.contains(w))
        {
            misspelled_place(facts, output, range, &text, theirs);
            continue;
        }
        // A site put in another town than the sources put it: whatever the frame.
        if let Some(site) = sites.iter().find(|s| std::ptr::eq(s.place, slot))
            && super::located::check(facts, context.text, site, output)
        {
            continue;
        }
        match judgment {
            Judgment::Silent | Judgment::Withheld => {}
            Judgment::Supported(agreeing) => {
                let count = distinct_sources(&agreeing);
                output.claim(kind, range, &text, Verdict::Supported, format!("The sources agree ({}).", sources(count)), cite(&agreeing));
            }
            Judgment::Updated { agreeing, later } => {
                let said = tally(facts, &later);
                let newest = later.iter().filter_map(|a| a.published).max();
                let message = format!(
                    "{} is an earlier figure ({}); later sources give {}{}.",
                    text,
                    sources(distinct_sources(&agreeing)),
                    said.iter().map(|(v, n)| format!("{v} ({})", sources(*n))).collect::<Vec<_>>().join(", "),
                    newest.map(|d| format!(", the latest on {}", crate::annotate::dates::DateValue::Day(d).display())).unwrap_or_default()
                );
                let mut evidence = cite(&later);
                evidence.extend(cite(&agreeing));
                output.raise(
                    &text,
                    Raised {
                        kind,
                        code: if kind == Kind::Count { "count-updated" } else { code },
                        conflict: false,
                        range,
                        message,
                        verdict: Verdict::Disputed,
                        evidence,
                        fixes: said.into_iter().take(1).map(|(v, _)| v).collect(),
                    },
                );
            }
            Judgment::Contradicted(disagreeing)
                if matches!(slot.value, Value::Figure { .. })
                    && (provisional(context.slice(&sentence.range))
                        || told_as_now(context.text, slot.start as usize)
                        || draft_date.is_none() && running_count(context.slice(&sentence.range))) =>
            {
                let said = tally(facts, &disagreeing);
                let values: Vec<String> = said.iter().map(|(v, n)| format!("{v} ({})", sources(*n))).collect();
                let message = if provisional(context.slice(&sentence.range)) {
                    format!("The draft gives {text} as a figure still coming in; the sources give {}.", super::and_list(&values))
                } else if told_as_now(context.text, slot.start as usize) {
                    format!(
                        "The draft gives {text} as the figure now, after a change; the sources give {}, which may be the figure before it.",
                        super::and_list(&values)
                    )
                } else {
                    format!(
                        "The draft has no date to compare this count with, and counts of the dead, injured or missing change as a story goes on; the sources give {}.",
                        super::and_list(&values)
                    )
                };
                output.raise(
                    &text,
                    Raised {
                        kind,
                        code: "count-provisional",
                        conflict: false,
                        range,
                        message,
                        verdict: Verdict::Disputed,
                        evidence: cite(&disagreeing),
                        fixes: said.into_iter().take(1).map(|(v, _)| v).collect(),
                    },
                );
            }
            Judgment::Disputed(given) => {
                let said = tally(facts, &given);
                let values: Vec<String> = said.iter().map(|(v, n)| format!("{v} ({})", sources(*n))).collect();
                let message = format!("The sources disagree: they give {}; the draft says {}.", super::and_list(&values), text);
                output.raise(
                    &text,
                    Raised {
                        kind,
                        code: if kind == Kind::Count { "count-disputed" } else { code },
                        conflict: false,
                        range,
                        message,
                        verdict: Verdict::Disputed,
                        evidence: cite(&given),
                        fixes: Vec::new(),
                    },
                );
            }
            // A day of a draft with no date of its own, written without its year ("on a May
            // 1st train"): the year is only guessed, and a day the sources give in another
            // year is no conflict.
            Judgment::Contradicted(disagreeing)
                if draft_date.is_none()
                    && !text.split(|c: char| !c.is_ascii_digit()).any(|digits| digits.len() == 4)
                    && matches!(&slot.value, Value::Date(DateValue::Day(day)) if disagreeing.iter().all(|a| matches!(&a.slot.value,
                        Value::Date(DateValue::Day(theirs)) if theirs.month() == day.month() && theirs.day() == day.day()))) => {}
            // A place the sources write a keystroke or a style apart is the same place
            // written otherwise ("Nangahar" for "Nangarhar"): a spelling, not a move.
            Judgment::Contradicted(disagreeing)
                if matches!(&slot.value, Value::Place(key) if disagreeing.iter().all(|a| matches!(&a.slot.value,
                    Value::Place(theirs) if crate::facts::evidence::one_keystroke_apart(theirs, key) || super::name::variant_spelling(theirs, key)))) =>
                {}
            Judgment::Contradicted(disagreeing) => {
                let said = tally(facts, &disagreeing);
                let (what, at) = match &slot.value {
                    Value::Date(_) | Value::Weekday(_) => ("date it", ""),
                    Value::Place(_) => ("place it", "in "),
                    _ => ("give", ""),
                };
                let values: Vec<String> = said.iter().map(|(v, n)| format!("{at}{v} ({})", sources(*n))).collect();
                // Against an undated page's weekday, a day written out is told with its own
                // ("Sept. 9, a Tuesday"), and only a day written without digits ("Tuesday",
                // "yesterday") is fixed to the weekday: the date the weekday means is unknown.
                let weekday_only =
                    |v: &str| disagreeing.iter().any(|a| matches!(a.slot.value, Value::Weekday(_)) && a.slot.value.display() == v);
                let written_out = text.bytes().any(|b| b.is_ascii_digit());
                let draft_said = match &slot.value {
                    Value::Date(DateValue::Day(day))
                        if written_out
                            && said.iter().any(|(v, _)| weekday_only(v))
                            && !text.contains(crate::annotate::dates::weekday_name(day.weekday())) =>
                    {
                        format!("{text}, a {}", crate::annotate::dates::weekday_name(day.weekday()))
                    }
                    _ => text.clone(),
                };
                let message = format!("The sources {what} {}; the draft says {draft_said}.", super::and_list(&values));
                let fixes: Vec<String> = said.iter().filter(|(v, _)| !(written_out && weekday_only(v))).map(|(v, _)| v.clone()).collect();
                output.raise(&text, Raised::contradiction(kind, code, range, message, cite(&disagreeing), fixes));
            }
        }
    }
}

/// Words that give a sentence's figures as a count still coming in: "currently has five
/// seats", "the toll so far", "as of Monday", "preliminary results".
const PROVISIONAL: &[&str] =
    &["currently", "so far", "as of", "preliminary", "provisional", "unofficial", "at last count", "early results", "partial results"];

/// Words of counts that move as a story goes on: the dead, injured, missing, rescued,
/// arrested; cases of a disease.
const RUNNING_COUNTS: &[&str] = &[
    "dead",
    "died",
    "killed",
    "deaths",
    "death",
    "fatalities",
    "toll",
    "injured",
    "wounded",
    "hurt",
    "missing",
    "unaccounted",
    "rescued",
    "hospitalized",
    "hospitalised",
    "evacuated",
    "displaced",
    "arrested",
    "detained",
    "cases",
    "infected",
    "confirmed",
];

/// Whether a sentence gives a count that moves as a story goes on (see [`RUNNING_COUNTS`]):
/// in a draft without a date, it cannot be told stale from wrong.
fn running_count(sentence: &str) -> bool {
    names_any(sentence, RUNNING_COUNTS)
}

/// Whether a sentence has one of `words` (lower case) as a word of its own.
pub(crate) fn names_any(sentence: &str, words: &[&str]) -> bool {
    let lower = sentence.to_lowercase();
    lower.split(|c: char| !c.is_alphanumeric()).any(|word| words.contains(&word))
}

/// Two lower bounds of a count that grows ("at least 17 dead" on Friday, "at least 26" on
/// Sunday; revenue "above $220 million", later "above $410 million"): both hold, each in its
/// day, however far apart.
fn growing_bounds(facts: &FactBase, draft: &Value, evidence: &Value, sentence: &IndexedSentence) -> bool {
    use crate::annotate::counts::Precision::AtLeast;
    let (Value::Figure { precision: AtLeast, .. }, Value::Figure { precision: AtLeast, .. }) = (draft, evidence) else { return false };
    facts
        .sources
        .get(sentence.source as usize)
        .and_then(|s| s.text.get(sentence.range()))
        .is_some_and(|text| running_count(text) || names_any(text, GROWING))
}

/// Words of figures a business reports that grow with it.
const GROWING: &[&str] = &["revenue", "revenues", "sales", "users", "customers", "subscribers", "downloads", "employees"];

/// Whether a figure is told as it stands after a change, "now" one of the two words
/// before it ("the now 612-page bill", "the toll is now 40"): a source that gives
/// another may give the figure before the change.
fn told_as_now(text: &str, start: usize) -> bool {
    let from = start.saturating_sub(24);
    let Some(before) = (from..=from + 3).find_map(|at| text.get(at..start)) else { return false };
    before.split_whitespace().rev().take(2).any(|word| word.trim_matches(|c: char| !c.is_alphanumeric()).eq_ignore_ascii_case("now"))
}

/// Whether a sentence gives its figures as provisional (see [`PROVISIONAL`]).
fn provisional(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    PROVISIONAL.iter().any(|marker| {
        lower.match_indices(marker).any(|(at, _)| {
            let before = lower[..at].chars().next_back();
            let after = lower[at + marker.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

/// The share of a draft sentence's lemma weight (by family and rarity) that a corpus
/// sentence shares, at which it is the draft sentence told again when it also gives one of
/// its values.
const PIN_OVERLAP: f32 = 0.35;
/// The least share a sentence that gives two of the draft sentence's values must share.
const PIN_OVERLAP_LEAST: f32 = 0.15;

/// Whether a value is stated so often in the corpus that two sentences giving it are no
/// sign of one statement: the story's city ("Fennick"), its headline figure.
fn commonplace(index: &dyn EvidenceSource, value: &Value) -> bool {
    index.stated_in(value) > COMMONPLACE_SENTENCES.max(index.len_with_values() / 50)
}

/// How many corpus sentences may state a value before it is commonplace (see [`commonplace`]).
const COMMONPLACE_SENTENCES: usize = 8;

/// Whether a value tells sentences apart when two give it: an amount, a share, an age, a
/// figure of ten or more, a score, a place, a day or a month; not "two" or a year.
fn informative(value: &Value) -> bool {
    use crate::annotate::dates::DateValue;
    match value {
        Value::Figure { value, unit, .. } => {
            *value >= 10.0 || value.fract() != 0.0 || matches!(unit.as_deref(), Some("usd" | "eur" | "gbp" | "percent" | "age"))
        }
        Value::Score(..) | Value::Place(_) | Value::Weekday(_) => true,
        Value::Date(date) => !matches!(date, DateValue::Year(_)),
    }
}

/// Values pinned by a corpus sentence that tells the draft sentence again: it gives the
/// draft's other values (two telling ones, or one and much of the same words), and for a
/// value the draft gives alone of its type it gives one other value of that type alone.
/// "By 7 a.m. Sunday, 35 bodies were brought ashore and 19 identified" against "as of
/// 7 a.m. Sunday, 32 bodies had been found, 19 identified": the 32 is the 35's, in
/// whatever words. Only for the draft's values that nothing supports (`open`), and never
/// for a value that a related sentence states.
#[allow(clippy::too_many_arguments)]
fn pinned<'a>(
    facts: &'a FactBase,
    text: &str,
    sentence: &SentenceValues,
    terms: &[Option<u32>],
    phases: &Phases,
    candidates: &[u32],
    draft_date: Option<Date>,
    written_by: Option<Date>,
    draft_places: &[&str],
    open: &[bool],
    another_occurrence: &dyn Fn(usize, &Slot) -> bool,
) -> Vec<Vec<Aligned<'a>>> {
    let index = &facts.evidence;
    let slots = &sentence.slots;
    let mut pins: Vec<Vec<Aligned>> = slots.iter().map(|_| Vec::new()).collect();
    if slots.len() < 2 || !open.iter().any(|&o| o) {
        return pins;
    }
    let mut supported = vec![false; slots.len()];
    let draft_phases: Vec<Option<bool>> = slots.iter().map(|slot| phases.of_draft(&sentence.lemmas, slot)).collect();
    // The draft sentence's lemma families, each once, with their rarity.
    let mut families: Vec<(u32, f32)> = terms.iter().flatten().map(|&t| (index.family(t), index.idf(t))).collect();
    families.sort_by_key(|f| f.0);
    families.dedup_by_key(|f| f.0);
    let total: f32 = families.iter().map(|f| f.1).sum();
    // The same value, of the same unit or with the unit unsaid on one side ("19 of the
    // passengers" and "19 passengers"). (Not an undated page's weekday: any week has one.)
    let agree = |a: &Slot, b: &Slot| {
        same_type_or_unsaid(&a.value, &b.value)
            && !matches!(b.value, Value::Weekday(_))
            && a.value.compatible(&b.value)
            && b.value.compatible(&a.value)
            && a.hedged == b.hedged
    };
    for (rank, &id) in candidates.iter().enumerate() {
        let evidence = index.sentence(id);
        let published = facts.sources.get(evidence.source as usize).and_then(|s| s.published);
        if written_after(facts, evidence.source, draft_date, written_by) || evidence.slots.len() < 2 {
            continue;
        }
        // Which draft values this sentence gives too, each evidence value used once.
        let mut used = vec![false; evidence.slots.len()];
        let mut given = vec![false; slots.len()];
        // Telling values given again, and dates among them (a day recurs for everything
        // that happened on it: it pins only with another value).
        let (mut telling, mut days) = (0, 0);
        // A figure given again only nearly ("38.2 per cent" and "38.3"): the sentence tells
        // a tally at another moment, and its other figures may have moved too.
        let mut moved = false;
        for (i, slot) in slots.iter().enumerate() {
            if let Some(j) = (0..evidence.slots.len()).find(|&j| !used[j] && agree(slot, &evidence.slots[j])) {
                used[j] = true;
                given[i] = true;
                if let (Value::Figure { value: a, .. }, Value::Figure { value: b, .. }) = (&slot.value, &evidence.slots[j].value) {
                    moved |= a != b;
                }
                if informative(&slot.value) && !commonplace(index, &slot.value) {
                    match slot.value {
                        Value::Date(_) | Value::Weekday(_) => days += 1,
                        _ => telling += 1,
                    }
                }
            }
        }
        if telling == 0 {
            continue;
        }
        let mut theirs: Vec<u32> = evidence.terms.iter().map(|&t| index.family(t)).collect();
        theirs.sort_unstable();
        let shared: f32 = families.iter().filter(|f| theirs.binary_search(&f.0).is_ok()).map(|f| f.1).sum();
        let overlap = if total > 0.0 { shared / total } else { 0.0 };
        if overlap < PIN_OVERLAP_LEAST || telling + days < 2 && overlap < PIN_OVERLAP {
            continue;
        }
        for (i, slot) in slots.iter().enumerate() {
            if given[i] {
                supported[i] = true;
                continue;
            }
            // One value of its kind left on each side (figures of any unit: "14 seats and
            // the Harbour Party five" leaves the five's unit unsaid).
            let kind = |v: &Value| std::mem::discriminant(v);
            if !open[i] || slots.iter().enumerate().any(|(k, other)| k != i && !given[k] && kind(&other.value) == kind(&slot.value)) {
                continue;
            }
            let left: Vec<usize> =
                (0..evidence.slots.len()).filter(|&j| !used[j] && kind(&evidence.slots[j].value) == kind(&slot.value)).collect();
            let [j] = left[..] else { continue };
            let other = &evidence.slots[j];
            // (Nor a sentence of another occurrence: "Game 4 on Friday at the arena" for Game 6;
            // nor a date that opens a relative clause: "the wardens who on Dec. 7 voted" dates
            // the vote, not what the sentence tells; nor one in a clause opened by "since",
            // unless the draft's is too.)
            let elsewhere = || {
                another_occurrence(rank, slot)
                    || other.value.is_date()
                        && facts.sources.get(evidence.source as usize).is_some_and(|s| {
                            opens_relative_clause(&s.text, evidence.start as usize, other)
                                || since_clause(&s.text, evidence.start as usize, other).is_some()
                                    && since_clause(text, sentence.range.start, slot).is_none()
                        })
            };
            // A figure without a unit ("to nine") says too little of what it counts.
            if !other.value.same_type(&slot.value)
                || matches!(slot.value, Value::Figure { unit: None, .. })
                || moved && matches!(slot.value, Value::Figure { .. })
                || other.hedged != slot.hedged
                || other.origin != slot.origin
                || other.future != slot.future
                || !slot.value.comparable(&other.value)
                || !same_granularity(&slot.value, &other.value)
                || slot.value.compatible(&other.value)
                || matches!(other.value, Value::Place(_))
                    && (!plausible_place(facts, &other.value)
                        || same_place_scale(facts, &slot.value, &other.value, evidence, draft_places)
                        || names_other_place(facts, &slot.value, &other.value, evidence, terms)
                        || heads_a_list(facts, evidence, other))
                || elsewhere()
                || phases.opposed(draft_phases[i], &evidence.terms, other, slot.value.is_date(), index)
            {
                continue;
            }
            // (A date that qualifies a noun, "the Nov. 21 crash", pins only a date of that noun.)
            let evidence_terms: Vec<Option<u32>> = evidence.terms.iter().map(|&t| Some(t)).collect();
            if !head_in(other, &evidence_terms, terms) || !head_in(slot, terms, &evidence_terms) {
                continue;
            }
            pins[i].push(Aligned { score: overlap, sentence: evidence, slot: other, published });
        }
    }
    let draft_terms: Vec<u32> = terms.iter().flatten().copied().collect();
    for (i, slot) in slots.iter().enumerate() {
        if supported[i] || (!pins[i].is_empty() && index.attested(&slot.value, &draft_terms, &|_| false)) {
            pins[i].clear();
        }
    }
    pins
}

fn distinct_sources(aligned: &[Aligned]) -> usize {
    let mut seen: Vec<u32> = aligned.iter().map(|a| a.sentence.source).collect();
    seen.sort_unstable();
    seen.dedup();
    seen.len()
}

/// For `factline annotate`: each value of the draft, its frame, and the evidence it aligns with.
pub fn describe(facts: &FactBase, text: &str, analysis: &crate::facts::extract::Analysis, draft_date: Option<Date>) -> String {
    let mut out = String::new();
    for sentence in sentence_values(text, analysis) {
        if sentence.slots.is_empty() && sentence.reports.is_empty() {
            continue;
        }
        for (slot, judgment) in sentence.slots.iter().chain(&sentence.reports).zip(judge_sentence(
            facts,
            text,
            &sentence,
            draft_date,
            super::written_by(draft_date, analysis),
        )) {
            let (line, column) = crate::cli_position(text, slot.start as usize);
            let verdict = match judgment {
                Judgment::Silent if matches!(slot.value, Value::Weekday(_)) => {
                    "not checked: a weekday with no date to count from may be any week's".to_string()
                }
                Judgment::Silent => "no source sentence in the same words gives a value of this kind".to_string(),
                Judgment::Withheld => "the sources give this person's figure differently for each occasion".to_string(),
                Judgment::Supported(a) => {
                    format!("supported by {} (wording match {:.0}%)", describe_aligned(facts, &a[0]), a[0].score * 100.0)
                }
                Judgment::Updated { later, .. } => format!("updated later: {}", describe_aligned(facts, &later[0])),
                Judgment::Disputed(a) => {
                    format!("disputed: {}", a.iter().map(|a| describe_aligned(facts, a)).collect::<Vec<_>>().join("; "))
                }
                Judgment::Contradicted(a) => {
                    format!("contradicted by {} (wording match {:.0}%)", describe_aligned(facts, &a[0]), a[0].score * 100.0)
                }
            };
            let _ = writeln!(
                out,
                "value {line}:{column} {:?} = {} {}{}, in {}: {verdict}",
                text.get(slot.range()).unwrap_or(""),
                slot.value.kind_name(),
                match &slot.value {
                    Value::Place(_) => text.get(slot.range()).unwrap_or("").to_string(),
                    other => other.display(),
                },
                if slot.hedged { " (hedged: compared only with hedged values)" } else { "" },
                crate::facts::words_around(text, &sentence.range, &slot.range()),
            );
        }
    }
    out
}

fn describe_aligned(facts: &FactBase, aligned: &Aligned) -> String {
    let source = &facts.sources[aligned.sentence.source as usize];
    let line = source.cite(aligned.sentence.range()).line;
    let outlet = source.outlet.as_deref().map(|outlet| format!(" ({outlet})")).unwrap_or_default();
    format!("{} in {}:{line}{outlet}", written(facts, aligned), source.file_name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::counts::Precision;
    use crate::annotate::dates::DateValue;

    fn figure(value: f64, unit: Option<&str>) -> Value {
        Value::Figure { value, unit: unit.map(Into::into), precision: Precision::Exact, ordinal: false }
    }

    fn day(y: i16, m: i8, d: i8) -> Value {
        Value::Date(DateValue::Day(jiff::civil::date(y, m, d)))
    }

    #[test]
    fn significant_digits_are_those_an_exact_figure_is_written_with() {
        assert_eq!(significant_digits(&figure(5294.0, Some("structur"))), 4);
        assert_eq!(significant_digits(&figure(5000.0, Some("structur"))), 1);
        assert_eq!(significant_digits(&figure(57.4, Some("percent"))), 3);
        let about = Value::Figure { value: 5294.0, unit: None, precision: Precision::About, ordinal: false };
        assert_eq!(significant_digits(&about), 0);
    }

    #[test]
    fn a_figure_is_between_two_near_figures_only_inside_them() {
        assert!(!between(&figure(52.0, None), &figure(56.0, None), &figure(60.0, None)));
        assert!(between(&figure(58.0, None), &figure(56.0, None), &figure(60.0, None)));
        // Two figures far apart are two counts: no reason to doubt a dispute.
        assert!(between(&figure(39.0, None), &figure(75.0, None), &figure(93.0, None)));
    }

    #[test]
    fn an_ordinal_needs_more_of_its_frame_than_a_count() {
        let ordinal = Value::Figure { value: 64.0, unit: Some("minut".into()), precision: Precision::Exact, ordinal: true };
        assert!(conflict_local(&ordinal) > conflict_local(&figure(64.0, Some("minut"))));
        assert!(conflict_local(&Value::Place("orsel".into())) > CONFLICT_LOCAL);
    }

    #[test]
    fn the_story_s_sole_figure_of_a_unit_contradicts_another_under_a_partial_frame() {
        fn aligned<'a>(sentence: &'a IndexedSentence, slot: &'a Slot) -> Aligned<'a> {
            Aligned { score: 0.3, sentence, slot, published: None }
        }
        let slot = |value: Value| Slot {
            value,
            at: 3,
            start: 0,
            end: 2,
            hedged: false,
            future: false,
            attributive: false,
            origin: false,
            clause: None,
            carried: false,
        };
        let sentence = IndexedSentence { source: 0, start: 0, end: 40, terms: Box::new([]), slots: Box::new([]), reports: Box::new([]) };
        let framed =
            |local: f32, shared: usize| Alignment { whole: local, local, governing_idf: 1.0, shared_local: shared, rarest_shared: 1.0 };
        let six = slot(figure(6.0, Some("patent")));
        let eleven = slot(figure(11.0, Some("patent")));
        let fourteen = slot(figure(14.0, Some("patent")));
        let people = slot(figure(14.0, Some("peopl")));
        let draft = figure(19.0, Some("patent"));
        // One value of the unit in the related sentences, its frame found in part: contradicted.
        let found =
            sole_figure(&draft, vec![(framed(0.3, 2), aligned(&sentence, &fourteen)), (framed(0.05, 0), aligned(&sentence, &fourteen))]);
        assert_eq!(found.len(), 1);
        // Too little of the frame, or two values of the unit: nothing.
        assert!(sole_figure(&draft, vec![(framed(0.2, 2), aligned(&sentence, &fourteen))]).is_empty());
        let two = vec![(framed(0.3, 2), aligned(&sentence, &fourteen)), (framed(0.02, 0), aligned(&sentence, &eleven))];
        assert!(sole_figure(&draft, two).is_empty());
        // The draft's own value among them, a small count, an ordinal or a common unit: nothing.
        assert!(sole_figure(&figure(14.0, Some("patent")), vec![(framed(0.3, 2), aligned(&sentence, &fourteen))]).is_empty());
        assert!(sole_figure(&figure(9.0, Some("patent")), vec![(framed(0.3, 2), aligned(&sentence, &six))]).is_empty());
        let ordinal = Value::Figure { value: 19.0, unit: Some("patent".into()), precision: Precision::Exact, ordinal: true };
        assert!(sole_figure(&ordinal, vec![(framed(0.3, 2), aligned(&sentence, &fourteen))]).is_empty());
        assert!(sole_figure(&figure(19.0, Some("peopl")), vec![(framed(0.3, 2), aligned(&sentence, &people))]).is_empty());
    }

    #[test]
    fn a_value_both_sentences_state_aligns_them_and_one_left_out_costs_nothing() {
        let term = |term: u32, idf: f32| FrameTerm { term, near: 1.0, owned: 1.0, idf };
        let fifty_months = VALUE_TERMS | 7;
        let draft = [term(1, 2.0), term(2, 2.0), term(fifty_months, 3.0)];
        // The evidence gives the draft's figure and one of its words.
        let with_value = alignment(&draft, &[term(1, 2.0), term(fifty_months, 3.0)]);
        // It gives one of its words and not the figure.
        let without_value = alignment(&draft, &[term(1, 2.0)]);
        assert!((without_value.local - 0.5).abs() < 1e-6, "{without_value:?}");
        assert!(with_value.local > 0.7, "{with_value:?}");
        assert_eq!(with_value.shared_local, 2);
    }

    #[test]
    fn one_keystroke_off_figures() {
        let votes = Some("vote");
        // A digit changed, two swapped, one more: the significant digits at stake.
        assert_eq!(one_digit_off(&figure(45_263.0, votes), &figure(47_263.0, votes)), Some(5));
        assert_eq!(one_digit_off(&figure(85.0, Some("peopl")), &figure(58.0, Some("peopl"))), Some(2));
        assert_eq!(one_digit_off(&figure(4.6e6, None), &figure(8.6e6, None)), Some(2));
        assert_eq!(one_digit_off(&figure(190.0, votes), &figure(90.0, votes)), Some(2));
        // Not one keystroke, or nothing a coincidence would have to match.
        assert_eq!(one_digit_off(&figure(19_000.0, votes), &figure(9_001.0, votes)), None);
        assert_eq!(one_digit_off(&figure(5.0, votes), &figure(4.0, votes)), None);
        assert_eq!(one_digit_off(&figure(57.0, votes), &figure(57.0, votes)), None);
        // One apart: a tally updated.
        assert_eq!(one_digit_off(&figure(153.0, Some("seat")), &figure(154.0, Some("seat"))), None);
        // Another unit; a short figure with the unit unsaid on one side; a bound; an age.
        assert_eq!(one_digit_off(&figure(85.0, Some("yard")), &figure(58.0, Some("peopl"))), None);
        assert_eq!(one_digit_off(&figure(85.0, None), &figure(58.0, Some("peopl"))), None);
        assert_eq!(one_digit_off(&figure(45_263.0, None), &figure(47_263.0, votes)), Some(5));
        // "Times" and "people" say little of what is counted: a long figure is compared.
        assert_eq!(one_digit_off(&figure(3_649.0, Some("time")), &figure(3_469.0, Some("lap"))), Some(4));
        assert_eq!(one_digit_off(&figure(51_273.0, Some("peopl")), &figure(57_273.0, Some("worker"))), Some(5));
        let bound = Value::Figure { value: 43.0, unit: Some("point".into()), precision: Precision::AtLeast, ordinal: false };
        assert_eq!(one_digit_off(&bound, &figure(48.0, Some("point"))), None);
        assert_eq!(one_digit_off(&figure(36.0, Some("age")), &figure(38.0, Some("age"))), None);
    }

    #[test]
    fn longer_figures_need_less_of_the_frame() {
        assert!(miscopied_local(5) < miscopied_local(3));
        assert_eq!(miscopied_local(2), miscopied_local(3));
    }

    #[test]
    fn two_sentences_share_a_name_not_an_opening_word_or_a_month() {
        assert!(shares_a_name("Lenne had flown for Caldwell Air since 2012.", "The co-pilot worked for Caldwell Air since 2021."));
        // An opening capital, a month or a weekday is no name.
        assert!(!shares_a_name("She was elected in March 2011.", "She said in March that the 2021 vote was lost."));
        assert!(!shares_a_name("She was elected to the city parliament in 2011.", "She led the party after the 2021 election."));
    }

    #[test]
    fn years_one_keystroke_off_but_not_a_unit_apart() {
        let year = |y: i16| Value::Date(crate::annotate::dates::DateValue::Year(y));
        assert!(year_miscopied(&year(2012), &year(2021)));
        assert!(year_miscopied(&year(1974), &year(1984)));
        assert!(year_miscopied(&year(2006), &year(2008)));
        // The next season or election, not a digit mistyped.
        assert!(!year_miscopied(&year(2023), &year(2024)));
        assert!(!year_miscopied(&year(2019), &year(2020)));
        assert!(!year_miscopied(&year(1998), &year(2011)));
        assert!(!year_miscopied(&year(2012), &figure(2021.0, None)));
    }

    #[test]
    fn days_of_a_month_one_keystroke_off() {
        assert!(day_miscopied(&day(2031, 12, 13), &day(2031, 12, 3)));
        assert!(day_miscopied(&day(2031, 12, 12), &day(2031, 12, 21)));
        assert!(day_miscopied(&day(2031, 12, 16), &day(2031, 12, 26)));
        assert!(!day_miscopied(&day(2031, 12, 13), &day(2031, 11, 3)));
        assert!(!day_miscopied(&day(2031, 12, 14), &day(2031, 12, 27)));
        assert!(!day_miscopied(&day(2031, 12, 3), &day(2031, 12, 4)));
    }
}
