//! `role-conflict`: a title attached to the wrong person ("Kremlin spokesman Yuri
//! Ushakov" when the sources make Ushakov a foreign policy advisor and Dmitry Peskov the
//! spokesman). Raised only when the sources give the person other titles and give this
//! title to someone else: a title nobody in the corpus holds is no evidence.

use super::{Context, Output, Raised, first_citations, sources};
use crate::facts::CiteRef;
use crate::facts::people::title_compatible;
use crate::finding::{Kind, Verdict};

pub(crate) fn check(context: &Context<'_>, output: &mut Output) {
    let people = &context.facts.people;
    for mention in &context.analysis.persons {
        let Some(title) = &mention.title else { continue };
        if title.relational || title.former || title.core == "honorific" {
            continue;
        }
        let Some(person) = people.persons.get(mention.person) else { continue };
        let range = title.range.start.min(mention.range.start)..title.range.end.max(mention.range.end);
        let text = context.slice(&range).to_string();
        if person.titles.is_empty() {
            output.claim(
                Kind::Role,
                range,
                &text,
                Verdict::NoSource,
                format!("No source gives {} a title.", person.canonical()),
                Vec::new(),
            );
            continue;
        }
        let held: Vec<_> = person
            .titles
            .iter()
            .filter(|held| title_compatible(title.qualifier.as_deref(), &title.core, held.qualifier.as_deref(), &held.core))
            .collect();
        if !held.is_empty() {
            let evidence: Vec<CiteRef> = held.iter().flat_map(|h| first_citations(&h.citations)).collect();
            let count = held.iter().map(|h| h.documents.len()).max().unwrap_or(0);
            output.claim(
                Kind::Role,
                range,
                &text,
                Verdict::Supported,
                format!("{}: {} ({}).", person.canonical(), held[0].text, sources(count)),
                evidence,
            );
            continue;
        }
        let specific = title.qualifier.is_some() || title.core.contains(' ');
        let holders: Vec<(usize, &crate::facts::people::HeldTitle)> = people
            .persons
            .iter()
            .enumerate()
            .filter(|(id, _)| *id != mention.person)
            .filter_map(|(id, other)| {
                other
                    .titles
                    .iter()
                    .find(|h| title_compatible(title.qualifier.as_deref(), &title.core, h.qualifier.as_deref(), &h.core))
                    .map(|h| (id, h))
            })
            .collect();
        if !specific || holders.is_empty() {
            output.claim(
                Kind::Role,
                range,
                &text,
                Verdict::NoSource,
                format!("No source gives {} this title.", person.canonical()),
                Vec::new(),
            );
            continue;
        }
        let own: Vec<String> = person.titles.iter().map(|h| format!("{} ({})", h.text, sources(h.documents.len()))).collect();
        let others: Vec<String> = holders.iter().map(|(id, h)| format!("{} {}", h.text, people.persons[*id].canonical())).collect();
        let message = format!("The sources call {} {}; {}: {}.", person.canonical(), own.join(", "), title.text, others.join(", "));
        let mut evidence: Vec<CiteRef> = person.titles.iter().filter_map(|h| h.citations.first().copied()).collect();
        evidence.extend(holders.iter().filter_map(|(_, h)| h.citations.first().copied()));
        let name_text = context.slice(&mention.range).to_string();
        let mut fixes: Vec<String> = person.titles.iter().map(|h| format!("{} {}", h.text, name_text)).collect();
        fixes.extend(holders.iter().map(|(id, h)| format!("{} {}", h.text, people.persons[*id].canonical())));
        output.raise(&text, Raised::contradiction(Kind::Role, "role-conflict", range, message, evidence, fixes));
    }
}
