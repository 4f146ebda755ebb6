//! `count-conflict`: a count or number that differs from the sources ("met Kim twice"
//! when they met three times; "12,000 troops" for 15,000; the "70th anniversary" for 75th).
//!
//! Meeting counts compare the people counted. Other quantities compare the counted noun
//! and the words around it: a number is matched to a source sentence only when they
//! share the unit and most of their content words.

use std::collections::{BTreeSet, HashSet};

use super::{Context, Output, Raised, sources};
use crate::annotate::counts::Precision;
use crate::facts::CiteRef;
use crate::facts::extract::EventKind;
use crate::facts::{CountFact, QuantityFact, places_agree};
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
    quantities(context, output);
}

const ORDINAL_WORDS: &[&str] = &["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

/// "Their fourth summit" when the sources count three meetings, or "their second summit, in
/// Singapore" when Singapore was the first: checked only when the sources' count closes the
/// list of meetings (as many dated meetings known as the sources count).
fn meeting_ordinals(context: &Context<'_>, output: &mut Output) {
    for claim in &context.analysis.events {
        let (Some(ordinal), Some(range)) = (claim.ordinal, &claim.ordinal_range) else { continue };
        if claim.kind != EventKind::Meeting || claim.participants.len() < 2 || ordinal < 1 {
            continue;
        }
        let counts: Vec<&CountFact> = context.facts.counts_with(&claim.participants).collect();
        let Some(total) = majority_value(&counts) else { continue };
        let text = context.slice(range).to_string();
        let who = context.facts.names_of(&claim.participants);
        let evidence: Vec<CiteRef> = counts.iter().map(|f| f.citation).collect();
        if ordinal as f64 > total {
            let message = format!("The sources count {} meetings of {who}; the draft speaks of a {text}.", total);
            output.claim(Kind::Count, range.clone(), &text, Verdict::Contradicted, message.clone(), evidence.clone());
            output.raised.push(Raised {
                kind: Kind::Count,
                code: "count-conflict",
                conflict: true,
                range: range.clone(),
                message,
                verdict: Verdict::Contradicted,
                evidence,
                fixes: Vec::new(),
            });
            continue;
        }
        // Which of the sourced meetings does the draft describe, by place or by date?
        let occurrences = super::date::sourced_occurrences(context, claim);
        if occurrences.len() as f64 != total {
            continue;
        }
        let position = occurrences.iter().position(|group| {
            group.iter().any(|f| {
                (!claim.places.is_empty() && !f.event.places.is_empty() && places_agree(&claim.places, &f.event.places))
                    || claim.places.is_empty()
                        && claim.date.as_ref().zip(f.event.date.as_ref()).is_some_and(|(a, b)| super::dates_compatible(&a.value, &b.value))
            })
        });
        let Some(position) = position else { continue };
        if position + 1 == ordinal as usize {
            output.claim(
                Kind::Count,
                range.clone(),
                &text,
                Verdict::Supported,
                format!("The sources make it their {text} meeting."),
                occurrences[position].iter().map(|f| f.citation).collect(),
            );
            continue;
        }
        let actual = ORDINAL_WORDS.get(position + 1).copied().unwrap_or("other");
        let message = format!("By the sources' dates this was the {actual} of {total} meetings of {who}; the draft says {text}.");
        let mut evidence: Vec<CiteRef> = occurrences.iter().flat_map(|g| g.first().map(|f| f.citation)).collect();
        evidence.extend(counts.iter().map(|f| f.citation));
        let fix = if text.chars().next().is_some_and(char::is_uppercase) {
            format!("{}{}", actual[..1].to_uppercase(), &actual[1..])
        } else {
            actual.to_string()
        };
        output.claim(Kind::Count, range.clone(), &text, Verdict::Contradicted, message.clone(), evidence.clone());
        output.raised.push(Raised {
            kind: Kind::Count,
            code: "count-conflict",
            conflict: true,
            range: range.clone(),
            message,
            verdict: Verdict::Contradicted,
            evidence,
            fixes: vec![fix],
        });
    }
}

/// The value most sources give.
fn majority_value(counts: &[&CountFact]) -> Option<f64> {
    let mut values: Vec<(f64, BTreeSet<usize>)> = Vec::new();
    for fact in counts {
        match values.iter_mut().find(|(v, _)| *v == fact.count.value) {
            Some((_, docs)) => {
                docs.insert(fact.source);
            }
            None => values.push((fact.count.value, BTreeSet::from([fact.source]))),
        }
    }
    values.into_iter().max_by_key(|(_, docs)| docs.len()).map(|(value, _)| value)
}

fn meeting_counts(context: &Context<'_>, output: &mut Output) {
    for claim in &context.analysis.meeting_counts {
        let text = context.slice(&claim.range).to_string();
        let facts: Vec<&CountFact> = context.facts.counts_with(&claim.participants).collect();
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
        let agreeing: Vec<&CountFact> =
            facts.iter().copied().filter(|f| values_agree(claim.value, claim.precision, f.count.value, f.count.precision)).collect();
        if !agreeing.is_empty() {
            let count = agreeing.iter().map(|f| f.source).collect::<BTreeSet<_>>().len();
            output.claim(
                Kind::Count,
                claim.range.clone(),
                &text,
                Verdict::Supported,
                format!("{} count {} meetings of {who}.", sources(count), claim.value),
                agreeing.iter().map(|f| f.citation).collect(),
            );
            continue;
        }
        let mut values: Vec<(f64, BTreeSet<usize>)> = Vec::new();
        for fact in &facts {
            match values.iter_mut().find(|(v, _)| *v == fact.count.value) {
                Some((_, docs)) => {
                    docs.insert(fact.source);
                }
                None => values.push((fact.count.value, BTreeSet::from([fact.source]))),
            }
        }
        values.sort_by_key(|(_, docs)| std::cmp::Reverse(docs.len()));
        let said: Vec<String> = values.iter().map(|(v, docs)| format!("{} ({})", written_like(*v, "3"), sources(docs.len()))).collect();
        let message = format!("The sources count {} meetings of {who}; the draft says {}.", said.join(", "), text);
        let fixes: Vec<String> = values.iter().map(|(v, _)| written_like(*v, &text)).collect();
        let evidence: Vec<CiteRef> = facts.iter().map(|f| f.citation).collect();
        output.claim(Kind::Count, claim.range.clone(), &text, Verdict::Contradicted, message.clone(), evidence.clone());
        output.raised.push(Raised {
            kind: Kind::Count,
            code: "count-conflict",
            conflict: true,
            range: claim.range.clone(),
            message,
            verdict: Verdict::Contradicted,
            evidence,
            fixes,
        });
    }
}

/// Units common enough that only a number of 10 or more is worth comparing.
/// Context words a source quantity must share with the draft's (and at least half of them).
const MIN_SHARED: usize = 3;

fn worth_comparing(value: f64, unit: &str, ordinal: bool) -> bool {
    value >= 10.0
        || (!ordinal
            && matches!(
                unit,
                "year" | "month" | "week" | "day" | "troop" | "soldier" | "death" | "victim" | "people" | "person" | "missile"
            ))
}

fn quantities(context: &Context<'_>, output: &mut Output) {
    for claim in &context.analysis.quantities {
        let quantity = &claim.quantity;
        if !worth_comparing(quantity.value, &claim.unit, quantity.ordinal) || claim.context.len() < 2 {
            continue;
        }
        let text = context.slice(&quantity.range).to_string();
        // Source quantities of the same unit whose sentences share most of the draft's words.
        let mut matches: Vec<(usize, &QuantityFact)> = context
            .facts
            .quantities_sharing(&claim.unit, quantity.ordinal, &claim.context, MIN_SHARED.max(claim.context.len().div_ceil(2)))
            .into_iter()
            .filter(|(shared, _)| *shared >= MIN_SHARED && shared * 2 >= claim.context.len())
            .collect();
        if matches.is_empty() {
            continue;
        }
        matches.sort_by_key(|(shared, _)| std::cmp::Reverse(*shared));
        let best = matches[0].0;
        let close: Vec<&QuantityFact> = matches.iter().filter(|(shared, _)| *shared + 1 >= best).map(|(_, f)| *f).collect();
        let agreeing: Vec<&QuantityFact> = close
            .iter()
            .copied()
            .filter(|f| values_agree(quantity.value, quantity.precision, f.quantity.quantity.value, f.quantity.quantity.precision))
            .collect();
        if !agreeing.is_empty() {
            let count = agreeing.iter().map(|f| f.source).collect::<BTreeSet<_>>().len();
            output.claim(
                Kind::Count,
                quantity.range.clone(),
                &text,
                Verdict::Supported,
                format!("{} give the same number.", sources(count)),
                agreeing.iter().map(|f| f.citation).collect(),
            );
            continue;
        }
        // Each sourced value as written, once, in corpus order (a set: a large corpus has many).
        let mut seen: HashSet<&str> = HashSet::new();
        let mut fixes: Vec<String> = Vec::new();
        for fact in &close {
            let value = &context.facts.sources[fact.source].text[fact.quantity.quantity.range.clone()];
            if seen.insert(value) {
                fixes.push(value.to_string());
            }
        }
        let unit_text = quantity.unit_range.as_ref().map_or(claim.unit.as_str(), |r| context.slice(r));
        let message = format!("The sources give {} {unit_text}; the draft says {text}.", fixes.join(" / "));
        let evidence: Vec<CiteRef> = close.iter().map(|f| f.citation).collect();
        output.claim(Kind::Count, quantity.range.clone(), &text, Verdict::Contradicted, message.clone(), evidence.clone());
        output.raised.push(Raised {
            kind: Kind::Count,
            code: "count-conflict",
            conflict: true,
            range: quantity.range.clone(),
            message,
            verdict: Verdict::Contradicted,
            evidence,
            fixes,
        });
    }
}
