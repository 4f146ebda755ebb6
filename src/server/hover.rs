//! Hover: what the sources say about the name, date or count under the cursor.
//!
//! Every recognised claim has a hover, conflicting or not: the verdict, the core's
//! one-line summary, then each source with its outlet, date, quote and a link to the
//! passage. A finding on the spot adds its message.

use std::borrow::Cow;
use std::fmt::Write as _;

use tower_lsp_server::ls_types::{Hover, HoverContents, MarkupContent, MarkupKind};

use super::convert::{PositionEncoding, path_to_uri};
use super::diagnostics::one_line;
use super::documents::CheckedDocument;
use super::state::EngineSnapshot;
use crate::finding::{Citation, Claim, Finding, Verdict};

/// The hover at a byte offset of the checked text, if a claim or finding covers it.
pub fn hover(checked: &CheckedDocument, engine: &EngineSnapshot, offset: usize, encoding: PositionEncoding) -> Option<Hover> {
    let claim = smallest_covering(&checked.report.claims, offset, |claim| &claim.range);
    let finding = smallest_covering(&checked.report.findings, offset, |finding| &finding.range);
    let range = match (claim, finding) {
        (Some(claim), _) => claim.range.clone(),
        (None, Some(finding)) => finding.range.clone(),
        (None, None) => return None,
    };
    let markdown = render(claim, finding, engine, encoding);
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: markdown }),
        range: Some(checked.line_map(encoding).range(&range)),
    })
}

/// The item whose range holds `offset` (end included, so the cursor just after a word
/// still counts), the shortest when several do.
pub fn smallest_covering<T>(items: &[T], offset: usize, range: impl Fn(&T) -> &std::ops::Range<usize>) -> Option<&T> {
    items
        .iter()
        .filter(|item| {
            let range = range(item);
            range.start <= offset && offset <= range.end
        })
        .min_by_key(|item| range(item).len())
}

fn render(claim: Option<&Claim>, finding: Option<&Finding>, engine: &EngineSnapshot, encoding: PositionEncoding) -> String {
    let mut out = String::new();
    let (text, kind, verdict, evidence) = match (claim, finding) {
        (Some(claim), _) => (&claim.text, claim.kind, claim.verdict, Cow::Owned(engine.engine.facts().cite_all(&claim.evidence))),
        (None, Some(finding)) => (&finding.text, finding.kind, finding.verdict, Cow::Borrowed(&finding.evidence)),
        (None, None) => return out,
    };
    let _ = writeln!(out, "**{}** ({kind}): {}", escape(text), verdict_label(verdict));
    if let Some(claim) = claim
        && !claim.summary.is_empty()
    {
        let _ = writeln!(out, "\n{}", escape(&claim.summary));
    }
    if let Some(finding) = finding {
        let summary = claim.map(|claim| claim.summary.trim());
        if summary == Some(finding.message.trim()) {
            let _ = writeln!(out, "\n`{}`", finding.code);
        } else {
            let _ = writeln!(out, "\n`{}`: {}", finding.code, escape(&finding.message));
        }
    }
    if evidence.is_empty() {
        let _ = writeln!(out, "\nNo source in the corpus speaks to this.");
    } else {
        let _ = writeln!(out, "\nSources:");
        for citation in evidence.iter() {
            let _ = writeln!(out, "\n{}", source_item(citation, engine, encoding));
        }
    }
    out
}

fn verdict_label(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Supported => "supported by the sources",
        Verdict::Contradicted => "contradicted by the sources",
        Verdict::Disputed => "disputed (the sources disagree)",
        Verdict::NoSource => "no source",
    }
}

/// "- **Wire**, 2025-10-28 — [wire.md:5](file:///…#L5)\n  > quote"
fn source_item(citation: &Citation, engine: &EngineSnapshot, encoding: PositionEncoding) -> String {
    let outlet = citation.outlet.as_deref().unwrap_or("unknown outlet");
    let date = citation.published.map_or_else(|| "undated".to_string(), |date| date.to_string());
    let label = format!("{}:{}", citation.file_name, citation.line);
    let link = match (engine.citation_location(citation, encoding), path_to_uri(&citation.path)) {
        (Some(location), _) => format!("[{}]({}#L{})", escape(&label), location.uri.as_str(), location.range.start.line + 1),
        (None, Some(uri)) => format!("[{}]({})", escape(&label), uri.as_str()),
        (None, None) => escape(&label),
    };
    format!("- **{}**, {date} — {link}\n\n  > {}", escape(outlet), escape(&one_line(&citation.quote)))
}

/// Escapes the Markdown characters that would change how corpus text renders.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for character in text.chars() {
        if matches!(character, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|') {
            out.push('\\');
        }
        out.push(character);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::CiteRef;
    use crate::finding::Kind;
    use crate::server::diagnostics::tests::sample;

    #[test]
    fn hover_on_a_claim_shows_verdict_outlet_date_quote_and_link() {
        let (engine, mut checked, _) = sample();
        let finding = checked.report.findings[0].clone();
        checked.report.claims.push(Claim {
            kind: Kind::Date,
            range: finding.range.clone(),
            text: finding.text.clone(),
            verdict: Verdict::Contradicted,
            summary: "The sources date this meeting Oct. 27.".into(),
            // The sample corpus has one source: the finding's passage is in it.
            evidence: finding.evidence.iter().map(|citation| CiteRef::new(0, citation.range.clone())).collect(),
        });
        let hover = hover(&checked, &engine, finding.range.start + 2, PositionEncoding::Utf16).expect("a hover");
        let HoverContents::Markup(markup) = hover.contents else { panic!("markdown expected") };
        assert_eq!(markup.kind, MarkupKind::Markdown);
        let text = markup.value;
        assert!(text.contains("contradicted"), "{text}");
        assert!(text.contains("**Wire**, 2025-10-28"), "{text}");
        assert!(text.contains("Choe met Putin 😀 on Oct. 27."), "{text}");
        assert!(text.contains("wire.md:5](file://"), "{text}");
        assert!(text.contains("#L5)"), "{text}");
        assert!(text.contains("date-conflict"), "{text}");
        assert_eq!(hover.range.unwrap().start.line, 1);
        assert!(super::hover(&checked, &engine, 0, PositionEncoding::Utf16).is_none());
    }
}
