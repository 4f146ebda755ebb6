//! `count-conflict`: a count or number that differs from the sources ("met Orsay twice"
//! when they met three times; "3,800 troops" for 4,200; the "35th anniversary" for 40th).
//!
//! Meeting counts compare the people counted. Other quantities compare the counted noun
//! and the words around it: a number is matched to a source sentence only when they
//! share the unit and most of their content words.

use std::ops::Range;

use super::{Context, Output, Raised, by_value, citations, sources};
use crate::annotate::counts::Precision;
use crate::facts::CiteRef;
use crate::facts::extract::{EventAssertion, EventKind};
use crate::facts::{CountStatement, places_agree, source_count};
use crate::finding::{Kind, Verdict};

const NUMBER_WORDS: &[&str] = &["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

/// Whether a draft value (with its precision) can be the sourced value.
fn values_agree(draft: f64, draft_precision: Precision, source: f64, source_precision: Precision) -> bool {
    // "About" allows a tenth either way, once, whoever said it.
    let approximate = draft_precision == Precision::About || source_precision == Precision::About;
    let slack = if approximate { 0.1 * source.abs().max(draft.abs()) } else { 0.0 };
    match (draft_precision, source_precision) {
        (Precision::AtLeast, Precision::Exact | Precision::About) => source + slack >= draft,
        (Precision::AtMost, Precision::Exact | Precision::About) => source - slack <= draft,
        (Precision::Exact | Precision::About, Precision::AtLeast) => draft + slack >= source,
        (Precision::Exact | Precision::About, Precision::AtMost) => draft - slack <= source,
        (Precision::AtLeast | Precision::AtMost, _) => true,
        _ => (draft - source).abs() <= slack + f64::EPSILON,
    }
}

/// The sourced number written like the draft's ("twice" → "three times", "four" → "three").
fn written_like(value: f64, draft: &str) -> String {
    let lower = draft.to_lowercase();
    let whole = value.fract() == 0.0 && (0.0..1e15).contains(&value);
    if matches!(lower.as_str(), "once" | "twice" | "thrice") || lower.ends_with(" times") {
        return match value as i64 {
            1 => "once".into(),
            2 => "twice".into(),
            n if (n as usize) < NUMBER_WORDS.len() => format!("{} times", NUMBER_WORDS[n as usize]),
            n => format!("{n} times"),
        };
    }
    if whole && NUMBER_WORDS.contains(&lower.as_str()) && (value as usize) < NUMBER_WORDS.len() {
        let word = NUMBER_WORDS[value as usize];
        return if draft.chars().next().is_some_and(char::is_uppercase) {
            format!("{}{}", word[..1].to_uppercase(), &word[1..])
        } else {
            word.to_string()
        };
    }
    if whole {
        let digits = (value as i64).to_string();
        if draft.contains(',') {
            let mut out = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i).is_multiple_of(3) {
                    out.push(',');
                }
                out.push(c);
            }
            return out;
        }
        return digits;
    }
    value.to_string()
}

pub(crate) fn check(context: &Context<'_>, output: &mut Output) {
    meeting_counts(context, output);
    meeting_ordinals(context, output);
}

const ORDINAL_WORDS: &[&str] = &["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

/// "Their fourth summit" when the sources count three meetings, or "their second summit, in
/// Velmora" when Velmora was the first: checked only when the sources' count closes the
/// list of meetings (as many dated meetings known as the sources count).
fn meeting_ordinals(context: &Context<'_>, output: &mut Output) {
    for claim in &context.analysis.events {
        let (Some(ordinal), Some(range)) = (claim.ordinal, &claim.ordinal_range) else { continue };
        if claim.kind != EventKind::Meeting || claim.participants.len() < 2 || ordinal < 1 {
            continue;
        }
        let text = context.slice(range);
        // All the check reads of the draft: the meeting (people, name, thing), the ordinal
        // as written, and the place and date that say which meeting it is.
        let question = format!(
            "{:?}",
            (
                &claim.participants,
                &claim.named,
                &claim.thing,
                ordinal,
                text,
                super::date::place_keys(claim),
                claim.date.as_ref().map(|d| d.value)
            )
        );
        context
            .check_once(output, "meeting-ordinal", question, range.start, |output| ordinal_claim(context, claim, ordinal, range, output));
    }
}

fn ordinal_claim(context: &Context<'_>, claim: &EventAssertion, ordinal: i32, range: &Range<usize>, output: &mut Output) {
    let counts: Vec<CountStatement> = context.facts.counts_with(&claim.participants).collect();
    let Some(total) = majority_value(&counts) else { return };
    let text = context.slice(range).to_string();
    let who = context.facts.names_of(&claim.participants);
    let evidence = citations(context.facts, &counts);
    if ordinal as f64 > total {
        let message = format!("The sources count {} meetings of {who}; the draft speaks of a {text}.", total);
        output.raise(&text, Raised::contradiction(Kind::Count, "count-conflict", range.clone(), message, evidence, Vec::new()));
        return;
    }
    // Which of the sourced meetings does the draft describe, by place or by date?
    let occurrences = super::date::sourced_occurrences(context, claim);
    if occurrences.len() as f64 != total {
        return;
    }
    let position = occurrences.iter().position(|group| {
        group.iter().any(|f| {
            (!claim.places.is_empty() && !f.event.places.is_empty() && places_agree(&claim.places, &f.event.places))
                || claim.places.is_empty()
                    && claim.date.as_ref().zip(f.event.date.as_ref()).is_some_and(|(a, b)| super::dates_compatible(&a.value, &b.value))
        })
    });
    let Some(position) = position else { return };
    if position + 1 == ordinal as usize {
        output.claim(
            Kind::Count,
            range.clone(),
            &text,
            Verdict::Supported,
            format!("The sources make it their {text} meeting."),
            citations(context.facts, &occurrences[position]),
        );
        return;
    }
    let actual = ORDINAL_WORDS.get(position + 1).copied().unwrap_or("other");
    let message = format!("By the sources' dates this was the {actual} of {total} meetings of {who}; the draft says {text}.");
    let first_of = |g: &Vec<crate::facts::EventStatement>| g.first().map(|f| context.facts.events[f.group.first() as usize].citation);
    let mut evidence: Vec<CiteRef> = occurrences.iter().flat_map(first_of).collect();
    evidence.extend(citations(context.facts, &counts));
    let fix = if text.chars().next().is_some_and(char::is_uppercase) {
        format!("{}{}", actual[..1].to_uppercase(), &actual[1..])
    } else {
        actual.to_string()
    };
    output.raise(&text, Raised::contradiction(Kind::Count, "count-conflict", range.clone(), message, evidence, vec![fix]));
}

/// The value most sources give.
fn majority_value(counts: &[CountStatement]) -> Option<f64> {
    let values = by_value(counts.iter().map(|f| (*f, f.count.value)), |a, b| a == b);
    values.into_iter().max_by_key(|(_, count)| *count).map(|(value, _)| value)
}

fn meeting_counts(context: &Context<'_>, output: &mut Output) {
    for claim in &context.analysis.meeting_counts {
        let text = context.slice(&claim.range).to_string();
        let facts: Vec<CountStatement> = context.facts.counts_with(&claim.participants).collect();
        let who = context.facts.names_of(&claim.participants);
        if facts.is_empty() {
            output.claim(
                Kind::Count,
                claim.range.clone(),
                &text,
                Verdict::NoSource,
                format!("No source counts the meetings of {who}."),
                Vec::new(),
            );
            continue;
        }
        let agreeing: Vec<CountStatement> =
            facts.iter().copied().filter(|f| values_agree(claim.value, claim.precision, f.count.value, f.count.precision)).collect();
        if !agreeing.is_empty() {
            let count = source_count(&agreeing);
            output.claim(
                Kind::Count,
                claim.range.clone(),
                &text,
                Verdict::Supported,
                format!("The sources put the number of meetings of {who} at {} ({}).", claim.value, sources(count)),
                citations(context.facts, &agreeing),
            );
            continue;
        }
        let mut values = by_value(facts.iter().map(|f| (*f, f.count.value)), |a, b| a == b);
        values.sort_by_key(|(_, count)| std::cmp::Reverse(*count));
        let said: Vec<String> = values.iter().map(|(v, count)| format!("{} ({})", written_like(*v, "3"), sources(*count))).collect();
        let message = format!("The sources put the number of meetings of {who} at {}; the draft says {}.", super::and_list(&said), text);
        let fixes: Vec<String> = values.iter().map(|(v, _)| written_like(*v, &text)).collect();
        let evidence = citations(context.facts, &facts);
        output.raise(&text, Raised::contradiction(Kind::Count, "count-conflict", claim.range.clone(), message, evidence, fixes));
    }
}
