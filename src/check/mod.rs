//! Checking a draft against the fact base: one check per file in this folder, each
//! adding findings and claims to a shared [`Output`]. This module runs them in order and
//! applies the policy every check shares: severity from the settings, quotations made
//! informational, inline suppressions and ignored names honoured.

mod align;
mod count;
mod date;
mod located;
mod name;
mod occurrence;
mod place;
mod region;
mod role;
mod weekday;

use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};
use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::Arc;

use crate::annotate::dates::{DateAnchor, DateValue};
use crate::config::Config;
use crate::corpus::Document;
use crate::engine::Report;
use crate::facts::extract::{Analysis, BlockMemo, EventAssertion, EventKind, analyse_with};
use crate::facts::people::PersonId;
use crate::facts::{CiteRef, EventStatement, FactBase, Stated, source_count};
use crate::finding::{Citation, Claim, Finding, Kind, Severity, Verdict};
use crate::markdown;
use crate::memo::Kept;

/// Most evidence entries kept per finding.
const MAX_EVIDENCE: usize = 4;

/// What one check needs to look at.
pub(crate) struct Context<'a> {
    pub facts: &'a FactBase,
    pub text: &'a str,
    pub analysis: &'a Analysis,
    /// The corpus statements of each event claim ([`matching_events`]), found when a check
    /// first asks: the date, place and ordinal checks all ask, and a famous pair's history
    /// is long.
    matching: Vec<OnceCell<Vec<EventStatement<'a>>>>,
    /// The statements found for the claims of the last check of this draft, by claim.
    memo: Option<RefCell<&'a mut LookupMemo>>,
}

impl<'a> Context<'a> {
    fn new(facts: &'a FactBase, text: &'a str, analysis: &'a Analysis, memo: Option<&'a mut LookupMemo>) -> Context<'a> {
        let memo = memo.map(|memo| {
            memo.events.start();
            memo.said.start();
            RefCell::new(memo)
        });
        Context { facts, text, analysis, matching: analysis.events.iter().map(|_| OnceCell::new()).collect(), memo }
    }

    pub fn slice(&self, range: &Range<usize>) -> &str {
        self.text.get(range.clone()).unwrap_or("")
    }

    /// [`matching_events`] of one of the draft's event claims, found once.
    pub fn matching(&self, claim: &EventAssertion) -> Cow<'_, [EventStatement<'a>]> {
        match self.analysis.events.iter().position(|event| std::ptr::eq(event, claim)) {
            Some(at) => Cow::Borrowed(self.matching[at].get_or_init(|| self.find_matching(claim))),
            None => Cow::Owned(matching_events(self.facts, claim)),
        }
    }

    fn find_matching(&self, claim: &EventAssertion) -> Vec<EventStatement<'a>> {
        let Some(memo) = &self.memo else { return matching_events(self.facts, claim) };
        let key = (claim.kind, claim.participants.clone(), claim.named.clone(), claim.thing.clone());
        let ids = memo.borrow_mut().events.get_or_insert_with(key, || matching_event_ids(self.facts, claim));
        ids.into_iter().map(|at| self.facts.event_statement(at)).collect()
    }

    /// Runs `check` on one claim, or, when the last check of this draft ran the same check on
    /// a claim with the same `question`, adds what it said then. `question` must hold all the
    /// check reads of the draft (the claim's values and words, the positions of its parts
    /// relative to `at`); the ranges it outputs are kept relative to `at`.
    pub fn check_once(&self, output: &mut Output<'_>, check: &'static str, question: String, at: usize, run: impl FnOnce(&mut Output<'_>)) {
        let Some(memo) = &self.memo else { return run(output) };
        let key = (check, question);
        // Not borrowed while the check runs: it asks the memo for statements.
        let kept = memo.borrow_mut().said.get(&key);
        match kept {
            Some(said) => {
                let said = Said::moved(&said.raised, &said.claims, |offset| offset.wrapping_add(at));
                output.raised.extend(said.raised);
                output.claims.extend(said.claims);
            }
            None => {
                let (raised_before, claims_before) = (output.raised.len(), output.claims.len());
                run(output);
                let said = Said::moved(&output.raised[raised_before..], &output.claims[claims_before..], |offset| offset.wrapping_sub(at));
                memo.borrow_mut().said.insert(key, Arc::new(said));
            }
        }
    }
}

/// Corpus lookups of a draft's last check, kept for the next ([`DraftMemo`]): the same
/// question of the same fact base has the same answer. The statements an event claim
/// matches (by kind, people, name, thing); what a check said of a claim
/// ([`Context::check_once`]), the alignment of a sentence's values among them.
#[derive(Debug, Default)]
pub struct LookupMemo {
    events: Kept<EventQuestion, Vec<u32>>,
    said: Kept<(&'static str, String), Arc<Said>>,
}

/// What a check raised and claimed about one claim, its ranges relative to the claim.
#[derive(Debug)]
struct Said {
    raised: Vec<Raised>,
    claims: Vec<Claim>,
}

impl Said {
    /// Findings and claims with every range's ends passed through `offset` (made relative
    /// to a claim, or placed at one again).
    fn moved(raised: &[Raised], claims: &[Claim], offset: impl Fn(usize) -> usize) -> Said {
        let moved = |range: &Range<usize>| offset(range.start)..offset(range.end);
        Said {
            raised: raised.iter().map(|r| Raised { range: moved(&r.range), ..r.clone() }).collect(),
            claims: claims.iter().map(|c| Claim { range: moved(&c.range), ..c.clone() }).collect(),
        }
    }
}

/// An event claim's kind, people, name and thing: what its matching statements depend on.
type EventQuestion = (EventKind, BTreeSet<PersonId>, Option<String>, Option<String>);

/// A finding before the shared policy turns it into a [`Finding`].
#[derive(Clone, Debug)]
pub(crate) struct Raised {
    pub kind: Kind,
    pub code: &'static str,
    /// A conflict with the sources (severity from the settings) or a note (information).
    pub conflict: bool,
    pub range: Range<usize>,
    pub message: String,
    pub verdict: Verdict,
    pub evidence: Vec<CiteRef>,
    pub fixes: Vec<String>,
}

impl Raised {
    /// A conflict with the sources: the draft says what they contradict.
    pub fn contradiction(
        kind: Kind,
        code: &'static str,
        range: Range<usize>,
        message: String,
        evidence: Vec<CiteRef>,
        fixes: Vec<String>,
    ) -> Raised {
        Raised { kind, code, conflict: true, range, message, verdict: Verdict::Contradicted, evidence, fixes }
    }
}

pub(crate) struct Output<'a> {
    facts: &'a FactBase,
    pub raised: Vec<Raised>,
    pub claims: Vec<Claim>,
}

impl<'a> Output<'a> {
    fn new(facts: &'a FactBase) -> Output<'a> {
        Output { facts, raised: Vec::new(), claims: Vec::new() }
    }

    pub fn claim(&mut self, kind: Kind, range: Range<usize>, text: &str, verdict: Verdict, summary: String, evidence: Vec<CiteRef>) {
        let summary = one_full_stop(summary);
        let evidence = distinct_passages(self.facts, evidence);
        self.claims.push(Claim { kind, range, text: text.to_string(), verdict, summary, evidence });
    }

    /// Raises a finding and records the claim it is about, with the same range, verdict,
    /// message and evidence (hover shows what the diagnostic says).
    pub fn raise(&mut self, text: &str, mut raised: Raised) {
        // (Two checks may find one fault: a misspelt place is a name no source writes to
        // both the name check and the place check. It is said once.)
        if self.raised.iter().any(|r| r.range == raised.range && r.kind == raised.kind && r.code == raised.code) {
            return;
        }
        raised.message = one_full_stop(raised.message);
        self.claim(raised.kind, raised.range.clone(), text, raised.verdict, raised.message.clone(), raised.evidence.clone());
        self.raised.push(raised);
    }
}

/// A message that ends on a value ending in an abbreviation ("...write Marcus T. Halloway
/// Jr.") takes no second full stop.
fn one_full_stop(mut message: String) -> String {
    if message.ends_with("..") && !message.ends_with("...") {
        message.pop();
    }
    message
}

/// Keeps one citation per source passage, at most [`MAX_EVIDENCE`].
pub(crate) fn distinct_passages(facts: &FactBase, citations: Vec<CiteRef>) -> Vec<CiteRef> {
    let mut seen = BTreeSet::new();
    citations.into_iter().filter(|c| seen.insert(facts.passage_key(*c))).take(MAX_EVIDENCE).collect()
}

/// [`distinct_passages`] as full citations.
pub(crate) fn dedupe(facts: &FactBase, citations: Vec<CiteRef>) -> Vec<Citation> {
    distinct_passages(facts, citations).into_iter().map(|c| facts.cite(c)).collect()
}

/// The first citations of a list that cites each document once (a spelling's, a title's):
/// as many as evidence can keep. Deduplicating a list made of such prefixes keeps the same
/// citations as deduplicating the whole lists would.
pub(crate) fn first_citations(citations: &[CiteRef]) -> impl Iterator<Item = CiteRef> + '_ {
    citations.iter().take(MAX_EVIDENCE).copied()
}

/// One citation per source, at most [`MAX_EVIDENCE`], for sentences given as (source,
/// start, end) in corpus order; and how many sources there are.
pub(crate) fn cite_each_source(sentences: impl Iterator<Item = (u32, u32, u32)>) -> (Vec<CiteRef>, usize) {
    let mut evidence: Vec<CiteRef> = Vec::new();
    let mut cited: BTreeSet<u32> = BTreeSet::new();
    for (source, start, end) in sentences {
        if cited.insert(source) && evidence.len() < MAX_EVIDENCE {
            evidence.push(CiteRef::new(source as usize, start as usize..end as usize));
        }
    }
    (evidence, cited.len())
}

/// "3 sources", "1 source".
pub(crate) fn sources(count: usize) -> String {
    if count == 1 { "1 source".to_string() } else { format!("{count} sources") }
}

/// "3 sources write", "1 source writes".
pub(crate) fn sources_write(count: usize) -> String {
    if count == 1 { "1 source writes".to_string() } else { format!("{count} sources write") }
}

/// Items joined as a sentence lists them: "A", "A and B", "A, B and C".
pub(crate) fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The day an undated draft was written by at the earliest: the latest day it tells of
/// as past ("the plea on Oct. 23"), not one still to come. Sources published after it
/// may tell what the draft did not know yet: they may agree with it, not contradict it.
/// None for a dated draft (`published`): its date says when.
pub(crate) fn written_by(published: Option<jiff::civil::Date>, analysis: &Analysis) -> Option<jiff::civil::Date> {
    if published.is_some() {
        return None;
    }
    analysis
        .dates
        .iter()
        .filter(|mention| !mention.scheduled)
        .filter_map(|mention| match mention.value? {
            DateValue::Day(day) => Some(day),
            DateValue::Days(_, last) => Some(last),
            _ => None,
        })
        .max()
}

fn analyse_draft(facts: &FactBase, draft: &Document, memo: Option<&mut BlockMemo>) -> Analysis {
    let masked = markdown::mask(&draft.text, draft.body.start);
    let anchor =
        DateAnchor { published: draft.published, fallback_year: facts.usual_year.filter(|_| draft.published.is_none()), written_by: None };
    analyse_with(&masked, draft.body.clone(), anchor, &facts.people, &facts.acronyms, true, memo)
}

/// What checking a draft keeps for the next check of the same draft against the same fact
/// base: the analyses of its paragraphs and the corpus statements its event claims match.
/// Reusing it gives the same report as checking afresh; it only saves the work of what did
/// not change.
#[derive(Debug, Default)]
pub struct DraftMemo {
    pub blocks: BlockMemo,
    pub lookups: LookupMemo,
}

/// A plain-text listing of what the analysis of a draft found.
pub fn describe_draft(facts: &FactBase, draft: &Document) -> String {
    use std::fmt::Write as _;
    let analysis = analyse_draft(facts, draft, None);
    let text = &draft.text;
    let at = |range: &Range<usize>| {
        let (line, column) = crate::cli_position(text, range.start);
        format!("{line}:{column} {:?}", text.get(range.clone()).unwrap_or(""))
    };
    let mut out = String::new();
    let _ = writeln!(out, "draft date: {}", draft.published.map_or("none (relative dates stay unresolved)".to_string(), |d| d.to_string()));
    for mention in &analysis.dates {
        let how = match mention.form {
            crate::annotate::dates::DateForm::Absolute => "a calendar date",
            crate::annotate::dates::DateForm::Weekday => "a weekday, counted from the draft's date",
            crate::annotate::dates::DateForm::Relative => "relative, counted from the draft's date or the day just narrated",
        };
        let _ = writeln!(
            out,
            "date {} = {} ({how})",
            at(&mention.range),
            mention.value.map_or("unresolved: nothing to count from".to_string(), |v| v.display()),
        );
    }
    for person in &analysis.persons {
        let _ = writeln!(
            out,
            "person {} = {}{}{}",
            at(&person.range),
            facts.person_name(person.person),
            if person.near_miss { " (close to the sources' spelling, not the same)" } else { "" },
            person.title.as_ref().map(|t| format!(", titled “{}”", t.text)).unwrap_or_default()
        );
    }
    for event in &analysis.events {
        let _ = writeln!(
            out,
            "event {} = {} of {}{}{}",
            at(&event.trigger),
            event.kind.noun(),
            event.named.clone().map(|n| n.to_uppercase()).unwrap_or_else(|| facts.names_of(&event.participants)),
            event.date.as_ref().map(|d| format!(" on {}", d.value.display())).unwrap_or_default(),
            event.places.iter().map(|p| format!(" in {}", p.text)).collect::<String>()
        );
    }
    for count in &analysis.meeting_counts {
        let _ = writeln!(out, "meetings {} = {} of {}", at(&count.range), count.value, facts.names_of(&count.participants));
    }
    for quantity in &analysis.quantities {
        let sentence = analysis.sentences.get(quantity.sentence).cloned().unwrap_or(quantity.quantity.range.clone());
        let _ = writeln!(
            out,
            "figure {} = {}, in {}",
            at(&quantity.quantity.range),
            crate::facts::evidence::format_number(quantity.quantity.value),
            crate::facts::words_around(text, &sentence, &quantity.quantity.range)
        );
    }
    out.push_str(&align::describe(facts, text, &analysis, draft.published));
    out
}

/// Checks one draft. With a memo of the last check of this draft against these facts, only
/// the paragraphs that changed are analysed again.
pub fn check_draft(facts: &FactBase, config: &Config, draft: &Document, mut memo: Option<&mut DraftMemo>) -> Report {
    let analysis = analyse_draft(facts, draft, memo.as_deref_mut().map(|memo| &mut memo.blocks));
    let context = Context::new(facts, &draft.text, &analysis, memo.map(|memo| &mut memo.lookups));
    let mut output = Output::new(facts);
    name::check(&context, &mut output);
    role::check(&context, draft.published, &mut output);
    date::check(&context, &mut output);
    place::check(&context, &mut output);
    region::check(&context, &mut output);
    weekday::check(&context, draft.published.is_none(), &mut output);
    count::check(&context, &mut output);
    align::check(&context, draft.published, &mut output);

    let suppressions = markdown::suppressions(&draft.text);
    let unfinished = unfinished_word(&draft.text);
    let mut findings: Vec<Finding> = Vec::new();
    let raised = one_finding_a_wrong_day(output.raised);
    for raised in without_echoes(raised, &draft.text, &analysis) {
        if suppressions.iter().any(|s| s.covers(raised.kind, &raised.range)) {
            continue;
        }
        if unfinished.as_ref().is_some_and(|word| raised.range.end > word.start) {
            continue;
        }
        let text = draft.text.get(raised.range.clone()).unwrap_or("").to_string();
        if raised.kind == Kind::Name && config.is_ignored_name(&text) {
            continue;
        }
        let quoted = analysis.quotations.iter().any(|q| q.start <= raised.range.start && raised.range.end <= q.end);
        let (severity, message) = if raised.conflict && quoted {
            (Some(Severity::Information), format!("Inside a quotation (attributed speech): {}", raised.message))
        } else if raised.conflict {
            (config.conflict_severity(raised.kind), raised.message)
        } else {
            (Some(Severity::Information), raised.message)
        };
        let Some(severity) = severity else { continue };
        findings.push(Finding {
            kind: raised.kind,
            code: raised.code,
            severity,
            range: raised.range,
            text,
            message,
            verdict: raised.verdict,
            evidence: dedupe(facts, raised.evidence),
            fixes: raised.fixes,
        });
    }
    findings.sort_by(|a, b| (a.range.start, a.range.end, a.code).cmp(&(b.range.start, b.range.end, b.code)));
    findings.dedup_by(|a, b| a.range == b.range && a.code == b.code);
    let mut claims = output.claims;
    claims.sort_by_key(|c| (c.range.start, c.range.end));
    Report { findings, claims, draft_date: draft.published }
}

/// The last word of a text that stops on it, with no mark after it: a page cut off
/// mid-word ("... Leadership and Management * Dunca"), or the word a writer is still
/// typing. Nothing is said of it: "Dunca" may yet be "Duncan".
fn unfinished_word(text: &str) -> Option<Range<usize>> {
    let end = text.trim_end().len();
    let last = text[..end].chars().next_back()?;
    if !last.is_alphanumeric() {
        return None;
    }
    let start = text[..end]
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | '.' | ',')))
        .map_or(0, |(at, c)| at + c.len_utf8());
    Some(start..end)
}

/// A day written with a weekday it does not fall on, that the sources also date otherwise
/// ("Thursday, Mar. 13" where they give Thursday, Mar. 14), is one error, not two: the date's
/// conflict joins the weekday's finding (its message and quotes after the weekday's, its
/// fixes before).
fn one_finding_a_wrong_day(mut raised: Vec<Raised>) -> Vec<Raised> {
    let overlaps = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    let mut keep = vec![true; raised.len()];
    for at in 0..raised.len() {
        if raised[at].kind != Kind::Date || !raised[at].conflict {
            continue;
        }
        let Some(weekday) = raised.iter().position(|r| r.kind == Kind::Weekday && r.conflict && overlaps(&r.range, &raised[at].range))
        else {
            continue;
        };
        let date = std::mem::take(&mut raised[at].evidence);
        let fixes = std::mem::take(&mut raised[at].fixes);
        let message = std::mem::take(&mut raised[at].message);
        let into = &mut raised[weekday];
        into.message = format!("{} {message}", into.message);
        into.evidence.extend(date);
        // (The sources' day first: what they say outranks the calendar's reading of the draft.)
        let weekday_fixes = std::mem::take(&mut into.fixes);
        into.fixes = fixes;
        into.fixes.extend(weekday_fixes.into_iter().filter(|f| !into.fixes.contains(f)).collect::<Vec<_>>());
        keep[at] = false;
    }
    raised.into_iter().zip(keep).filter_map(|(r, keep)| keep.then_some(r)).collect()
}

/// Words that open a date told from the date just before it, not from the page's:
/// "that evening", "the same day", "the next morning".
const FROM_THE_DATE_BEFORE: &[&str] =
    &["that ", "the same ", "the next ", "the following ", "the previous ", "later that ", "earlier that "];

/// Drops the date conflict of a day told from a date the draft gives just before it (in
/// its sentence or the one before), when that date is contradicted too ("began on the
/// morning of Apr. 3 ... spread that evening" is one wrong day, told once), or when the
/// last sentence to give a day gives two ("opened on Wednesday ... closed on Tuesday
/// night. At a hearing the same day": which one is unclear).
fn without_echoes(raised: Vec<Raised>, text: &str, analysis: &Analysis) -> Vec<Raised> {
    let sentence_of = |offset: usize| analysis.sentences.partition_point(|s| s.end <= offset);
    let contradicted: Vec<&Range<usize>> = raised.iter().filter(|r| r.kind == Kind::Date && r.conflict).map(|r| &r.range).collect();
    let echo = |r: &Raised| {
        let told_from_before = analysis.dates.iter().any(|d| {
            d.range == r.range
                && d.form == crate::annotate::dates::DateForm::Relative
                && text.get(d.range.clone()).is_some_and(|t| {
                    let t = t.to_lowercase();
                    FROM_THE_DATE_BEFORE.iter().any(|opening| t.starts_with(opening))
                })
        });
        if !told_from_before {
            return false;
        }
        // The days it may be told from: those of the last sentence that gives a day, two
        // sentences back at most. Two days there, and which one it follows is unclear.
        let sentence = sentence_of(r.range.start);
        let near = |range: &Range<usize>| range.end <= r.range.start && sentence.saturating_sub(sentence_of(range.start)) <= 1;
        let is_day = |d: &&crate::annotate::dates::DateMention| matches!(d.value, Some(crate::annotate::dates::DateValue::Day(_)));
        let last_told = analysis.dates.iter().filter(|d| d.range.end <= r.range.start).rfind(is_day).map(|d| sentence_of(d.range.start));
        let days: Vec<_> = analysis
            .dates
            .iter()
            .filter(|d| {
                d.range.end <= r.range.start
                    && Some(sentence_of(d.range.start)) == last_told
                    && sentence.saturating_sub(sentence_of(d.range.start)) <= 2
            })
            .filter(is_day)
            .filter_map(|d| d.value)
            .collect();
        let unclear = days.iter().any(|d| Some(d) != days.last());
        unclear || contradicted.iter().any(|before| near(before))
    };
    let keep: Vec<bool> = raised.iter().map(|r| !(r.kind == Kind::Date && r.conflict && echo(r))).collect();
    raised.into_iter().zip(keep).filter_map(|(r, keep)| keep.then_some(r)).collect()
}

/// Corpus event statements that speak of the same event as a draft claim: same kind, and
/// the same named gathering or every draft participant among theirs. In the order of their
/// first sources.
pub(crate) fn matching_events<'a>(facts: &'a FactBase, claim: &EventAssertion) -> Vec<EventStatement<'a>> {
    matching_event_ids(facts, claim).into_iter().map(|at| facts.event_statement(at)).collect()
}

/// [`matching_events`] as statement ids.
fn matching_event_ids(facts: &FactBase, claim: &EventAssertion) -> Vec<u32> {
    // Only the statements that can match: those of the rarest participant, the name or the thing.
    facts
        .event_candidates(claim.kind, &claim.participants, claim.named.as_deref(), claim.thing.as_deref())
        .iter()
        .copied()
        .filter(|&at| {
            let stated = facts.event_statement(at);
            stated.event.kind == claim.kind
                && match (&claim.named, &claim.thing) {
                    (Some(name), _) => stated.event.named.as_deref() == Some(name.as_str()),
                    (None, Some(thing)) => {
                        stated.event.thing.as_deref() == Some(thing.as_str()) && stated.event.includes(&claim.participants)
                    }
                    (None, None) => {
                        !claim.participants.is_empty() && stated.event.named.is_none() && stated.event.includes(&claim.participants)
                    }
                }
        })
        .collect()
}

/// The citations of statements in the order of their facts in the corpus: of each
/// statement, the facts up to its [`MAX_EVIDENCE`]th distinct passage (no later fact of
/// it can be among the first passages of all), so that [`dedupe`] keeps what it would
/// keep of every fact.
pub(crate) fn citations<S: Stated>(facts: &FactBase, statements: &[S]) -> Vec<CiteRef> {
    let mut members: Vec<u32> = Vec::new();
    for statement in statements {
        let mut seen = BTreeSet::new();
        for &at in &statement.group().members {
            members.push(at);
            if seen.insert(facts.passage_key(S::citation(facts, at))) && seen.len() >= MAX_EVIDENCE {
                break;
            }
        }
    }
    members.sort_unstable();
    members.dedup();
    members.into_iter().map(|at| S::citation(facts, at)).collect()
}

/// What statements say (a date, a place, a number), each value once (the first way it is
/// written) with how many sources give it, in the order the statements give them.
pub(crate) fn by_value<S: Stated + Copy, V>(said: impl IntoIterator<Item = (S, V)>, same: impl Fn(&V, &V) -> bool) -> Vec<(V, usize)> {
    let mut values: Vec<(V, Vec<S>)> = Vec::new();
    for (statement, value) in said {
        match values.iter_mut().find(|(other, _)| same(other, &value)) {
            Some((_, by)) => by.push(statement),
            None => values.push((value, vec![statement])),
        }
    }
    values.into_iter().map(|(value, by)| (value, source_count(&by))).collect()
}

/// Whether two date values can be the same date at their precisions (one covers the other).
pub(crate) fn dates_compatible(a: &DateValue, b: &DateValue) -> bool {
    a.covers(b) || b.covers(a)
}
