//! Go to definition: from a claim in the draft to its best source passage.
//!
//! "Best" is the core's order: the first citation of the claim (or of the finding, for a
//! finding with no claim) is the strongest evidence.

use tower_lsp_server::ls_types::{GotoDefinitionResponse, Location};

use super::convert::PositionEncoding;
use super::documents::CheckedDocument;
use super::hover::smallest_covering;
use super::state::EngineSnapshot;

/// The source passage behind the claim at `offset`, if any.
pub fn definition(
    checked: &CheckedDocument,
    engine: &EngineSnapshot,
    offset: usize,
    encoding: PositionEncoding,
) -> Option<GotoDefinitionResponse> {
    let report = &checked.report;
    let claim_evidence = smallest_covering(&report.claims, offset, |claim| &claim.range)
        .filter(|claim| !claim.evidence.is_empty())
        .map(|claim| engine.engine.facts().cite_all(&claim.evidence));
    let evidence = claim_evidence.or_else(|| {
        smallest_covering(&report.findings, offset, |finding| &finding.range)
            .filter(|finding| !finding.evidence.is_empty())
            .map(|finding| finding.evidence.clone())
    })?;
    let location: Location = evidence.iter().find_map(|citation| engine.citation_location(citation, encoding))?;
    Some(GotoDefinitionResponse::Scalar(location))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::convert::path_to_uri;
    use crate::server::diagnostics::tests::sample;
    use tower_lsp_server::ls_types::Position;

    #[test]
    fn jumps_to_the_first_citation_of_the_finding() {
        let (engine, checked, corpus_path) = sample();
        let offset = checked.report.findings[0].range.start;
        let Some(GotoDefinitionResponse::Scalar(location)) = definition(&checked, &engine, offset, PositionEncoding::Utf8) else {
            panic!("a location")
        };
        assert_eq!(location.uri, path_to_uri(&corpus_path).unwrap());
        assert_eq!(location.range.start, Position::new(4, 0));
        assert!(definition(&checked, &engine, 0, PositionEncoding::Utf8).is_none());
    }
}
