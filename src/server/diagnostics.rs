//! Findings as LSP diagnostics, pushed after every check or pulled by the client.
//!
//! Checking: a change starts a check at once on a worker thread, on a snapshot of the text
//! and of the engine. Edits that arrive meanwhile only mark the document; when the check
//! ends, its result is published only if it is still for the current version and engine,
//! and the latest text is checked next. So an isolated edit waits for nothing, a burst of
//! edits costs one check in flight plus one for the latest version, and results never go
//! back in time.

use std::panic::AssertUnwindSafe;
use std::sync::Arc;

use anyhow::anyhow;
use tower_lsp_server::ls_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, DocumentDiagnosticParams, DocumentDiagnosticReport,
    DocumentDiagnosticReportResult, FullDocumentDiagnosticReport, NumberOrString, RelatedFullDocumentDiagnosticReport,
    RelatedUnchangedDocumentDiagnosticReport, UnchangedDocumentDiagnosticReport, Uri,
};
use tracing::{debug, error, warn};

use super::convert::{PositionEncoding, parse_uri};
use super::documents::{CheckedDocument, DocumentSnapshot};
use super::state::{DiagnosticMode, EngineSnapshot, ServerState};
use crate::engine::CheckMemo;
use crate::finding::{Citation, Finding, Severity};

/// `source` of every diagnostic.
pub const SOURCE: &str = "factline";

/// Checks a snapshot on a worker thread. A panic in the engine becomes an error, never a
/// dead server.
pub async fn run_check(engine: Arc<EngineSnapshot>, document: DocumentSnapshot) -> anyhow::Result<Arc<CheckedDocument>> {
    let generation = engine.generation;
    let DocumentSnapshot { path, text, lines, version, open_id, revision, memo } = document;
    let report = run_blocking("check", {
        let text = text.clone();
        move || {
            // A check that panicked may have left the memo half-made: start from an empty one.
            let mut guard = match memo.lock() {
                Ok(guard) => guard,
                Err(poisoned) => {
                    let mut guard = poisoned.into_inner();
                    *guard = CheckMemo::default();
                    memo.clear_poison();
                    guard
                }
            };
            engine.engine.check_with_memo(&path, &text, &mut guard)
        }
    })
    .await?;
    Ok(Arc::new(CheckedDocument { version, open_id, revision, generation, text, lines, report }))
}

/// Runs blocking work off the async runtime, turning a panic or a lost task into an error.
pub async fn run_blocking<T, F>(what: &'static str, work: F) -> anyhow::Result<T>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let joined = tokio::task::spawn_blocking(move || std::panic::catch_unwind(AssertUnwindSafe(work))).await;
    match joined {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(panic)) => {
            let message = super::panic_message(panic.as_ref());
            error!("{what} panicked: {message}");
            Err(anyhow!("{what} failed: internal error ({message})"))
        }
        Err(join_error) => {
            error!("{what} task was lost: {join_error}");
            Err(anyhow!("{what} failed: {join_error}"))
        }
    }
}

/// Starts (or queues) a check of an open document. Synchronous: call it right after the
/// change is applied, before any `.await`. In pull mode the client asks when it wants.
pub fn schedule_check(state: &Arc<ServerState>, uri: &Uri) {
    if state.diagnostic_mode() == DiagnosticMode::Pull {
        return;
    }
    let generation = state.engine().map(|engine| engine.generation);
    let start = match state.documents.get_mut(uri) {
        // Already checked against this text and this engine: nothing to do.
        Some(document) if generation.is_some_and(|generation| document.fresh_result(generation).is_some()) => None,
        Some(mut document) if document.check_running => {
            document.recheck = true;
            None
        }
        Some(mut document) => {
            document.check_running = true;
            Some(document.open_id)
        }
        None => None,
    };
    if let Some(open_id) = start {
        tokio::spawn(check_loop(state.clone(), uri.clone(), open_id));
    }
}

/// Re-checks every open document (after an engine swap), or asks a pulling client to pull.
pub async fn refresh_all(state: &Arc<ServerState>) {
    match state.diagnostic_mode() {
        DiagnosticMode::Push => {
            let uris: Vec<Uri> = state.documents.iter().map(|entry| entry.key().clone()).collect();
            for uri in uris {
                schedule_check(state, &uri);
            }
        }
        DiagnosticMode::Pull => {
            if state.session().diagnostic_refresh
                && let Err(error) = state.client.workspace_diagnostic_refresh().await
            {
                warn!("workspace/diagnostic/refresh failed: {error}");
            }
        }
    }
}

async fn check_loop(state: Arc<ServerState>, uri: Uri, open_id: u64) {
    loop {
        let engine = state.engine_ready().await;
        let snapshot = match state.documents.get_mut(&uri) {
            Some(mut document) if document.open_id == open_id => {
                document.recheck = false;
                document.snapshot()
            }
            _ => return,
        };
        let version = snapshot.version;
        let revision = snapshot.revision;
        match run_check(engine.clone(), snapshot).await {
            Ok(checked) => {
                let current = state.engine().is_some_and(|current| current.generation == checked.generation);
                let publish = match state.documents.get_mut(&uri) {
                    Some(mut document) if document.open_id == open_id && document.revision == revision && current => {
                        document.checked = Some(checked.clone());
                        true
                    }
                    _ => false,
                };
                if publish {
                    let diagnostics = to_diagnostics(&checked, &engine, state.encoding());
                    debug!(uri = uri.as_str(), version, count = diagnostics.len(), "publishing diagnostics");
                    state.client.publish_diagnostics(uri.clone(), diagnostics, Some(version)).await;
                } else {
                    debug!(uri = uri.as_str(), version, "dropping a stale check result");
                }
            }
            Err(error) => error!(uri = uri.as_str(), "{error:#}"),
        }
        // Check again if the text or the engine changed meanwhile, unless the result
        // stored (by this loop or by a request) is already for both.
        let generation = state.engine().map(|engine| engine.generation);
        let again = match state.documents.get_mut(&uri) {
            Some(mut document) if document.open_id == open_id => {
                let fresh = generation.is_some_and(|generation| document.fresh_result(generation).is_some());
                let again = document.recheck && !fresh;
                document.recheck = false;
                if !again {
                    document.check_running = false;
                }
                again
            }
            _ => false,
        };
        state.check_progress.send_modify(|count| *count = count.wrapping_add(1));
        if !again {
            return;
        }
    }
}

/// The check result for the current text of an open document: the stored one when it is
/// fresh; else the result of the check loop already running for it (no duplicate work
/// while the user types); else a new check. `None`: the document is not open, or (unless
/// `wait_for_load`) the first corpus load is still running: a hover or a code action
/// answers at once with nothing rather than after a load that may take seconds.
pub async fn current_result(
    state: &Arc<ServerState>,
    uri: &Uri,
    wait_for_load: bool,
) -> anyhow::Result<Option<(Arc<CheckedDocument>, Arc<EngineSnapshot>)>> {
    let mut progress = state.check_progress.subscribe();
    loop {
        let engine = match state.engine() {
            Some(engine) => engine,
            None if wait_for_load => state.engine_ready().await,
            None => return Ok(None),
        };
        let snapshot = match state.documents.get(uri) {
            Some(document) => {
                if let Some(fresh) = document.fresh_result(engine.generation) {
                    return Ok(Some((fresh, engine)));
                }
                if document.check_running { None } else { Some(document.snapshot()) }
            }
            None => return Ok(None),
        };
        let Some(snapshot) = snapshot else {
            // The loop will store a result for the latest version (or stop): look again then.
            if progress.changed().await.is_err() {
                return Ok(None);
            }
            continue;
        };
        let checked = run_check(engine.clone(), snapshot).await?;
        if let Some(mut document) = state.documents.get_mut(uri)
            && document.open_id == checked.open_id
            && document.revision == checked.revision
        {
            document.checked = Some(checked.clone());
        }
        return Ok(Some((checked, engine)));
    }
}

/// `textDocument/diagnostic`: the diagnostics of the current text, or "unchanged".
pub async fn pull(state: &Arc<ServerState>, params: DocumentDiagnosticParams) -> anyhow::Result<DocumentDiagnosticReportResult> {
    let uri = params.text_document.uri;
    // While the first corpus load runs there is nothing to say yet: a client that can be
    // asked to pull again gets an empty report at once (and the refresh after the load);
    // one that cannot waits for the load, or it would show nothing until the next edit.
    let can_refresh = state.session().diagnostic_refresh;
    if state.engine().is_none() && can_refresh && state.documents.contains_key(&uri) {
        return Ok(DocumentDiagnosticReportResult::Report(DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
            related_documents: None,
            full_document_diagnostic_report: FullDocumentDiagnosticReport { result_id: None, items: Vec::new() },
        })));
    }
    let Some((checked, engine)) = current_result(state, &uri, true).await? else {
        return Err(anyhow!("{} is not open", uri.as_str()));
    };
    let result_id = format!("{}:{}.{}", checked.generation, checked.open_id, checked.revision);
    let report = if params.previous_result_id.as_deref() == Some(result_id.as_str()) {
        DocumentDiagnosticReport::Unchanged(RelatedUnchangedDocumentDiagnosticReport {
            related_documents: None,
            unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport { result_id },
        })
    } else {
        DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
            related_documents: None,
            full_document_diagnostic_report: FullDocumentDiagnosticReport {
                result_id: Some(result_id),
                items: to_diagnostics(&checked, &engine, state.encoding()),
            },
        })
    };
    Ok(DocumentDiagnosticReportResult::Report(report))
}

/// Every finding of a check as a diagnostic.
pub fn to_diagnostics(checked: &CheckedDocument, engine: &EngineSnapshot, encoding: PositionEncoding) -> Vec<Diagnostic> {
    checked.report.findings.iter().map(|finding| to_diagnostic(finding, checked, engine, encoding)).collect()
}

/// One finding as a diagnostic: severity, code with its docs link, both values in the
/// message, and every source passage as related information.
pub fn to_diagnostic(finding: &Finding, checked: &CheckedDocument, engine: &EngineSnapshot, encoding: PositionEncoding) -> Diagnostic {
    let related: Vec<DiagnosticRelatedInformation> = finding
        .evidence
        .iter()
        .filter_map(|citation| {
            let location = engine.citation_location(citation, encoding)?;
            Some(DiagnosticRelatedInformation { location, message: citation_line(citation) })
        })
        .collect();
    Diagnostic {
        range: checked.line_map(encoding).range(&finding.range),
        severity: Some(severity(finding.severity)),
        code: Some(NumberOrString::String(finding.code.to_string())),
        code_description: parse_uri(&crate::finding::code_docs_url(finding.code)).map(|href| CodeDescription { href }),
        source: Some(SOURCE.to_string()),
        message: finding.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Information => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

/// "Outlet, 2024-03-14: “quote”" for related information.
pub fn citation_line(citation: &Citation) -> String {
    let outlet = citation.outlet.as_deref().unwrap_or(&citation.file_name);
    let quote = one_line(&citation.quote);
    match citation.published {
        Some(date) => format!("{outlet}, {date}: “{quote}”"),
        None => format!("{outlet} (undated): “{quote}”"),
    }
}

/// A quote on one line, whitespace runs collapsed.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::corpus::Corpus;
    use crate::engine::{Engine, Report};
    use crate::finding::{Kind, Verdict};
    use line_index::LineIndex;
    use std::path::PathBuf;
    use tower_lsp_server::ls_types::Position;

    pub(crate) fn sample() -> (Arc<EngineSnapshot>, CheckedDocument, PathBuf) {
        let dir = tempfile::tempdir().unwrap().keep();
        let source_path = dir.join("wire.md");
        let source = "---\noutlet: Wire\npublished: 2024-03-14\n---\n박민서 — Baek met Orsay 😀 on Mar. 13.\n";
        std::fs::write(&source_path, source).unwrap();
        let (corpus, _) = Corpus::load(std::slice::from_ref(&dir));
        let engine = Arc::new(EngineSnapshot::new(Engine::new(corpus, Default::default()), 1));
        let corpus_path = engine.engine.corpus().documents[0].path.clone();
        let quote_start = source.find("박민서").unwrap();
        let draft = "Title\n박민서 😀 — met Orsay on Mar. 14.\n".to_string();
        let start = draft.find("Mar. 14").unwrap();
        let finding = Finding {
            kind: Kind::Date,
            code: "date-conflict",
            severity: Severity::Warning,
            range: start..start + "Mar. 14".len(),
            text: "Mar. 14".into(),
            message: "draft says Mar. 14; sources say Mar. 13".into(),
            verdict: Verdict::Contradicted,
            evidence: vec![Citation {
                path: corpus_path.clone(),
                file_name: "wire.md".into(),
                line: 5,
                end_line: 5,
                range: quote_start..source.len() - 1,
                quote: source[quote_start..source.len() - 1].to_string(),
                outlet: Some("Wire".into()),
                published: Some(jiff::civil::date(2024, 3, 14)),
            }],
            fixes: vec!["Mar. 13".into()],
        };
        let lines = Arc::new(LineIndex::new(&draft));
        let checked = CheckedDocument {
            version: 3,
            open_id: 1,
            revision: 0,
            generation: 1,
            text: Arc::new(draft),
            lines,
            report: Report { findings: vec![finding], claims: Vec::new(), draft_date: None },
        };
        (engine, checked, corpus_path)
    }

    #[test]
    fn a_finding_becomes_a_complete_diagnostic_in_utf16() {
        let (engine, checked, corpus_path) = sample();
        let diagnostics = to_diagnostics(&checked, &engine, PositionEncoding::Utf16);
        assert_eq!(diagnostics.len(), 1);
        let diagnostic = &diagnostics[0];
        // "박민서 😀 — met Orsay on " = 3 + 1 + 2 + 1 + 1 + 1 + 13 = 22 UTF-16 units.
        assert_eq!(diagnostic.range.start, Position::new(1, 22));
        assert_eq!(diagnostic.range.end, Position::new(1, 29));
        assert_eq!(diagnostic.severity, Some(DiagnosticSeverity::WARNING));
        assert_eq!(diagnostic.source.as_deref(), Some("factline"));
        assert_eq!(diagnostic.code, Some(NumberOrString::String("date-conflict".into())));
        assert!(diagnostic.code_description.as_ref().unwrap().href.as_str().ends_with("docs/codes.md#date-conflict"));
        let related = diagnostic.related_information.as_ref().unwrap();
        assert_eq!(related[0].location.uri, crate::server::convert::path_to_uri(&corpus_path).unwrap());
        assert_eq!(related[0].location.range.start, Position::new(4, 0));
        let quote_units = "박민서 — Baek met Orsay 😀 on Mar. 13.".encode_utf16().count() as u32;
        assert_eq!(related[0].location.range.end, Position::new(4, quote_units));
        assert!(related[0].message.contains("Wire, 2024-03-14"), "{}", related[0].message);

        let utf8 = to_diagnostics(&checked, &engine, PositionEncoding::Utf8);
        let line_start = checked.text.find('\n').unwrap() + 1;
        let start = checked.text.find("Mar. 14").unwrap() - line_start;
        assert_eq!(utf8[0].range.start, Position::new(1, start as u32));
    }

    #[tokio::test]
    async fn a_panicking_check_is_an_error_not_a_crash() {
        let result = run_blocking("check", || -> usize { panic!("boom") }).await;
        let error = result.unwrap_err().to_string();
        assert!(error.contains("boom"), "{error}");
        assert_eq!(run_blocking("check", || 7).await.unwrap(), 7);
    }
}
