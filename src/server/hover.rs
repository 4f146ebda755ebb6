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
    // A finding's message is the diagnostic's, which editors show beside the hover (VS Code
    // right above it): said once, there. A claim with no finding says it here.
    let said_by_diagnostic = finding.is_some_and(|finding| claim.is_none_or(|claim| claim.summary.trim() == finding.message.trim()));
    if let Some(claim) = claim
        && !claim.summary.is_empty()
        && !said_by_diagnostic
    {
        let _ = writeln!(out, "\n{}", escape(&claim.summary));
    }
    if evidence.is_empty() {
        let _ = writeln!(out, "\nNo source in the corpus speaks to this.");
    } else {
        for citation in evidence.iter().take(MAX_HOVER_SOURCES) {
            let _ = writeln!(out, "\n{}", source_item(citation, engine, encoding));
        }
        if evidence.len() > MAX_HOVER_SOURCES {
            let _ = writeln!(out, "\n… and {} more source(s) in the diagnostic's related information.", evidence.len() - MAX_HOVER_SOURCES);
        }
    }
    out
}

/// Sources shown in a hover: a hover taller than the editor's box scrolls and cuts quotes;
/// the diagnostic's related information lists every one.
const MAX_HOVER_SOURCES: usize = 3;

fn verdict_label(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Supported => "supported by the sources",
        Verdict::Contradicted => "contradicted by the sources",
        Verdict::Disputed => "disputed (the sources disagree)",
        Verdict::NoSource => "no source",
    }
}

/// "**Wire**, 2024-03-14 · [`wire.md:5`](file:///…#L5)" then the quote, whole; an article
/// that names no outlet is known by its file name alone. The file name is a code span, which
/// needs no escapes (a `\_` would show as such in some editors).
fn source_item(citation: &Citation, engine: &EngineSnapshot, encoding: PositionEncoding) -> String {
    let date = citation.published.map_or_else(|| "undated".to_string(), |date| date.to_string());
    let label = code_span(&format!("{}:{}", citation.file_name, citation.line));
    let link = match (engine.citation_location(citation, encoding), path_to_uri(&citation.path)) {
        (Some(location), _) => format!("[{label}]({}#L{})", location.uri.as_str(), location.range.start.line + 1),
        (None, Some(uri)) => format!("[{label}]({})", uri.as_str()),
        (None, None) => label,
    };
    let who = match citation.outlet.as_deref() {
        Some(outlet) => format!("**{}**, {date} · {link}", escape(outlet)),
        None => format!("{link}, {date}"),
    };
    format!("{who}\n> {}", escape(&one_line(&citation.quote)))
}

/// Text as a Markdown code span, with a fence longer than any run of backticks in it.
fn code_span(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') { " " } else { "" };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// Escapes the Markdown characters that would change how corpus text renders. An `_`
/// inside a word ("007_b4d2") starts no emphasis and stays as it is: a needless `\_` shows
/// as such in editors that render escapes literally.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous: Option<char> = None;
    let mut characters = text.chars().peekable();
    while let Some(character) = characters.next() {
        let inside_word = previous.is_some_and(char::is_alphanumeric) && characters.peek().is_some_and(|c| c.is_alphanumeric());
        let special = matches!(character, '\\' | '`' | '*' | '[' | ']' | '<' | '>' | '#' | '|') || character == '_' && !inside_word;
        if special {
            out.push('\\');
        }
        out.push(character);
        previous = Some(character);
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
            summary: "The sources date this meeting Mar. 13.".into(),
            // The sample corpus has one source: the finding's passage is in it.
            evidence: finding.evidence.iter().map(|citation| CiteRef::new(0, citation.range.clone())).collect(),
        });
        let hover = hover(&checked, &engine, finding.range.start + 2, PositionEncoding::Utf16).expect("a hover");
        let HoverContents::Markup(markup) = hover.contents else { panic!("markdown expected") };
        assert_eq!(markup.kind, MarkupKind::Markdown);
        let text = markup.value;
        assert!(text.contains("contradicted"), "{text}");
        assert!(text.contains("**Wire**, 2024-03-14"), "{text}");
        assert!(text.contains("Baek met Orsay 😀 on Mar. 13."), "{text}");
        assert!(text.contains("[`wire.md:5`](file://"), "{text}");
        assert!(text.contains("#L5)"), "{text}");
        // The claim's summary is its own (no finding says the same): shown.
        assert!(text.contains("The sources date this meeting Mar. 13."), "{text}");
        assert_eq!(hover.range.unwrap().start.line, 1);
        assert!(super::hover(&checked, &engine, 0, PositionEncoding::Utf16).is_none());
    }

    #[test]
    fn a_finding_hover_leaves_the_message_to_the_diagnostic_and_shows_each_source_once() {
        let (engine, mut checked, _) = sample();
        let finding = checked.report.findings[0].clone();
        checked.report.claims.push(Claim {
            kind: Kind::Date,
            range: finding.range.clone(),
            text: finding.text.clone(),
            verdict: Verdict::Contradicted,
            summary: finding.message.clone(),
            evidence: finding.evidence.iter().map(|citation| CiteRef::new(0, citation.range.clone())).collect(),
        });
        let hover = hover(&checked, &engine, finding.range.start + 1, PositionEncoding::Utf16).expect("a hover");
        let HoverContents::Markup(markup) = hover.contents else { panic!("markdown expected") };
        let text = markup.value;
        assert!(!text.contains(&finding.message), "the diagnostic shows the message: {text}");
        assert_eq!(text.matches("Baek met Orsay 😀 on Mar. 13.").count(), 1, "{text}");
        assert_eq!(text.matches("**Wire**").count(), 1, "{text}");
    }

    #[test]
    fn escapes_only_what_would_render_and_file_names_need_none() {
        assert_eq!(escape("007_b4d2a9c1.txt"), "007_b4d2a9c1.txt");
        assert_eq!(escape("_lead_ and *stars*"), "\\_lead\\_ and \\*stars\\*");
        assert_eq!(code_span("a_b.txt:3"), "`a_b.txt:3`");
        assert_eq!(code_span("odd`name"), "``odd`name``");
    }
}
