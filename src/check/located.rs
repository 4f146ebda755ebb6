//! `place-conflict` for a site written with the place it stands in: "Harlow County
//! Court in Fennick" when the sources write "Harlow County Court in Carrow" or
//! "Carrow's Harlow County Court". A court, a stadium or a hospital does not move
//! between stories, so, as for a town's region (see `region`), no frame need align: the
//! site's name, written with a place of the same level (two towns, two states, two
//! countries), is enough. A site the sources put in two places of that level is left
//! alone, as is a place the sources name together with theirs (a borough of their city).

use std::collections::BTreeSet;

use super::{Output, Raised, sources};
use crate::annotate::regions::region_named;
use crate::facts::evidence::{EvidenceSource, LocatedSite, RegionSite, SiteInPlace, Value};
use crate::facts::{FactBase, place_matches};
use crate::finding::Kind;

/// Raises a conflict for the place of a site the draft sentence locates (see
/// [`crate::facts::evidence::sites_located`]) when the sources locate that site
/// elsewhere; whether it did.
pub(super) fn check(facts: &FactBase, text: &str, found: &SiteInPlace<'_>, output: &mut Output) -> bool {
    let index: &dyn EvidenceSource = &facts.evidence;
    let SiteInPlace { site, site_range, place } = found;
    let Value::Place(place_key) = &place.value else { return false };
    let Some(written) = text.get(place.range()) else { return false };
    let ours = region_named(written);
    let level = ours.map(|(_, level)| level);
    // Where the sources put the site: the place written with it ("Carrow Stadium in
    // Brackwell", "Tessaly's Carrow Stadium"), and the region written after the site or
    // after that place ("Carrow Stadium, Vellmar"; "in Brackwell, Vellmar").
    let located = index.located_of(site);
    let sites: Vec<Placed> = located
        .iter()
        .map(Placed::site)
        .chain(regions_placing(index, site).map(Placed::region))
        .filter(|s| region_named(s.written).map(|(_, level)| level) == level)
        .collect();
    // The same place, or one the sources name with the draft's (a borough and its city).
    let same = |theirs: &Placed| {
        place_matches(theirs.place, place_key)
            || ours.is_some_and(|(name, _)| region_named(theirs.written).is_some_and(|(n, _)| n == name))
            || index.places_named_together(theirs.place, place_key)
    };
    if sites.is_empty() || sites.iter().any(same) {
        return false;
    }
    let places: BTreeSet<&str> = sites.iter().map(|s| s.place).collect();
    if places.len() > 1 {
        return false;
    }
    let (evidence, documents) = super::cite_each_source(sites.iter().map(|s| (s.source, s.start, s.end)));
    let theirs = sites[0].written;
    let named = text.get(site_range.clone()).unwrap_or(site);
    let message = format!("The sources put {named} in {theirs} ({}); the draft puts it in {written}.", sources(documents));
    output.raise(written, Raised::contradiction(Kind::Place, "place-conflict", place.range(), message, evidence, vec![theirs.to_string()]));
    true
}

/// The regions the sources write a site with: after the site itself ("Carrow Stadium,
/// Vellmar") or after the place they put it in ("Carrow Stadium in Brackwell, Vellmar").
pub(super) fn regions_placing<'a>(index: &'a dyn EvidenceSource, site: &'a str) -> impl Iterator<Item = &'a RegionSite> + 'a {
    index.regions_of(site).iter().chain(index.located_of(site).iter().flat_map(|s| index.regions_of(&s.place)))
}

/// A place the sources put a site in, as written and where.
struct Placed<'a> {
    place: &'a str,
    written: &'a str,
    source: u32,
    start: u32,
    end: u32,
}

impl<'a> Placed<'a> {
    fn site(s: &'a LocatedSite) -> Self {
        Placed { place: &s.place, written: &s.written, source: s.source, start: s.start, end: s.end }
    }

    fn region(r: &'a RegionSite) -> Self {
        Placed { place: &r.region, written: &r.written, source: r.source, start: r.start, end: r.end }
    }
}
