//! `place-conflict`: an event put somewhere the sources do not put it ("ORSA leaders
//! gather in Velmora" when every source says Carrowick).
//!
//! Only identified occurrences are checked: a named gathering, or an event whose date the
//! sources confirm. A place the corpus mentions anywhere is left alone: it may be a part,
//! a venue or a neighbourhood of the sourced place, which the checker cannot tell.

use super::{Context, Output, Raised, by_value, citations, dates_compatible, sources};
use crate::facts::evidence::EvidenceSource;
use crate::facts::extract::EventAssertion;
use crate::facts::{EventStatement, places_agree, places_may_coincide, source_count};
use crate::finding::{Kind, Verdict};

pub(crate) fn check(context: &Context<'_>, output: &mut Output) {
    for claim in &context.analysis.events {
        let Some(first) = claim.places.first() else { continue };
        let at = first.range.start;
        // All the check reads of the draft: the claim's values, its places' words and where
        // they stand relative to the first.
        let places: Vec<(&str, &str, usize, usize)> = claim
            .places
            .iter()
            .map(|place| (place.key.as_str(), context.slice(&place.range), place.range.start.wrapping_sub(at), place.range.len()))
            .collect();
        let question =
            format!("{:?}", (claim.kind, &claim.participants, &claim.named, &claim.thing, claim.date.as_ref().map(|d| d.value), places));
        context.check_once(output, "place", question, at, |output| check_claim(context, claim, output));
    }
}

fn check_claim(context: &Context<'_>, claim: &EventAssertion, output: &mut Output) {
    let matching = context.matching(claim);
    let placed: Vec<EventStatement> = matching.iter().copied().filter(|f| !f.event.places.is_empty()).collect();
    let pool: Vec<EventStatement> = if claim.named.is_some() {
        placed
    } else if let Some(date) = &claim.date {
        placed.into_iter().filter(|f| f.event.date.as_ref().is_some_and(|d| dates_compatible(&d.value, &date.value))).collect()
    } else {
        Vec::new()
    };
    for place in &claim.places {
        let text = context.slice(&place.range).to_string();
        if pool.is_empty() {
            output.claim(Kind::Place, place.range.clone(), &text, Verdict::NoSource, "No source places this event.".into(), Vec::new());
            continue;
        }
        let agreeing: Vec<EventStatement> =
            pool.iter().copied().filter(|f| places_agree(std::slice::from_ref(place), &f.event.places)).collect();
        if !agreeing.is_empty() {
            let evidence = citations(context.facts, &agreeing);
            let count = source_count(&agreeing);
            output.claim(
                Kind::Place,
                place.range.clone(),
                &text,
                Verdict::Supported,
                format!("The sources place it in {} ({}).", text, sources(count)),
                evidence,
            );
            continue;
        }
        // A place the sources put this event (on any date) or these people in is no
        // conflict, nor one that may be the sourced place at another scale (a city and its
        // country, places a source names together): the checker cannot tell a venue from its city.
        // (Nor is a place misspelled, a keystroke from one the sources name: its name is
        // what is wrong, see `align`.)
        let elsewhere_with_them =
            matching.iter().any(|f| places_agree(std::slice::from_ref(place), &f.event.places) && !f.event.places.is_empty())
                || pool.iter().any(|f| f.event.places.iter().any(|sourced| places_may_coincide(&place.key, &sourced.key)))
                || context.facts.evidence.place_misspelled(&place.key).is_some();
        if elsewhere_with_them {
            output.claim(
                Kind::Place,
                place.range.clone(),
                &text,
                Verdict::NoSource,
                "The sources name other places for this event.".into(),
                citations(context.facts, &pool),
            );
            continue;
        }
        // Each place named, once (whatever its case), with the sources that name it.
        let named = pool.iter().flat_map(|f| f.event.places.iter().map(move |p| (*f, p.text.to_string())));
        let mut sourced = by_value(named, |a, b| a.eq_ignore_ascii_case(b));
        sourced.sort_by_key(|(_, count)| std::cmp::Reverse(*count));
        let said: Vec<String> = sourced.iter().map(|(t, count)| format!("{} ({})", t, sources(*count))).collect();
        let what = match &claim.named {
            Some(name) => format!("the {} {}", name.to_uppercase(), claim.kind.noun()),
            None => format!("this {}", claim.kind.noun()),
        };
        let message = format!("The sources place {} in {}; the draft says {}.", what, said.join(", "), text);
        let evidence = citations(context.facts, &pool);
        let fixes: Vec<String> = sourced.into_iter().map(|(t, _)| t).collect();
        output.raise(&text, Raised::contradiction(Kind::Place, "place-conflict", place.range.clone(), message, evidence, fixes));
    }
}
