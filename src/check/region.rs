//! `place-conflict` for a place written with its region: "his hometown of Carrow,
//! Nebraska" when the sources write "Carrow, Iowa". A town's state or country is no
//! event's fact and does not change between stories, so no frame need align: the town's
//! name, written with a region of the same level (a state, a province or a nation; a
//! country), is enough. A place the sources write with two regions of that level (two
//! Springfields) is left alone, as is one they never write with a region.

use std::collections::BTreeSet;

use super::{Context, Output, Raised, sources};
use crate::annotate::regions::{Level, places_in_regions};
use crate::facts::evidence::EvidenceSource;
use crate::finding::Kind;

pub(crate) fn check(context: &Context<'_>, output: &mut Output) {
    let facts = context.facts;
    let index: &dyn EvidenceSource = &facts.evidence;
    for sentence in &context.analysis.sentences {
        for found in places_in_regions(context.text, sentence.clone()) {
            if context.analysis.quotations.iter().any(|q| q.start <= found.region_range.start && found.region_range.end <= q.end) {
                continue;
            }
            // "However, Texas": words the corpus all writes in lower case, or a person's
            // name, are no town ("New Harlow" and "Fort Carrow" are).
            let words: Vec<&str> = found.place.split([' ', '-']).filter(|w| !w.is_empty()).collect();
            if !found.person && words.iter().all(|w| facts.common_words.contains(*w)) {
                continue;
            }
            let as_written = context.slice(&found.place_range);
            // A town's region is checked only for a name that is no person's.
            let known_person = facts.people.by_reference(as_written, &[]).is_some();
            if !found.person && known_person {
                continue;
            }
            let state = found.level == Level::State;
            let mut sites: Vec<_> = index.regions_of(&found.place).iter().filter(|site| site.state == state).collect();
            // A person's ("Dora Kettle of North Carolina", keyed by surname): the sources'
            // sentences that write the same full name, or, for a person the sources know
            // under other spellings, every one.
            if found.person {
                let names = |site: &&crate::facts::evidence::RegionSite| {
                    facts
                        .sources
                        .get(site.source as usize)
                        .and_then(|s| s.text.get(site.start as usize..site.end as usize))
                        .is_some_and(|t| t.contains(as_written))
                };
                if sites.iter().any(names) {
                    sites.retain(names);
                } else if !known_person {
                    continue;
                }
            }
            if sites.is_empty() || sites.iter().any(|site| *site.region == found.region) {
                continue;
            }
            let regions: BTreeSet<&str> = sites.iter().map(|site| &*site.region).collect();
            if regions.len() > 1 {
                continue;
            }
            let (evidence, documents) = super::cite_each_source(sites.iter().map(|site| (site.source, site.start, site.end)));
            let theirs = &sites[0].written;
            let text = context.slice(&found.region_range).to_string();
            let message = format!("The sources put {as_written} in {theirs} ({}); the draft puts it in {text}.", sources(documents));
            output.raise(
                &text,
                Raised::contradiction(
                    Kind::Place,
                    "place-conflict",
                    found.region_range.clone(),
                    message,
                    evidence,
                    vec![theirs.to_string()],
                ),
            );
        }
    }
}
