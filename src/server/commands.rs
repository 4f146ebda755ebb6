//! `workspace/executeCommand`: the server's own commands.
//!
//! - `factline.reloadCorpus`: reload the corpus and settings now; returns
//!   `{"articles": n, "problems": n, "corpus": ["dir", …], "description": "…"}` (no
//!   folders for the built-in sample; the description says which corpus is in use).
//! - `factline.corpusReport`: what was learned from the corpus, as a Markdown string (during
//!   the first load, at once, a note that the corpus is still being indexed).

use std::sync::Arc;

use serde_json::{Value, json};

use super::state::ServerState;

pub const RELOAD_CORPUS: &str = "factline.reloadCorpus";
pub const CORPUS_REPORT: &str = "factline.corpusReport";

/// The corpus report asked for while the first corpus load still runs.
pub const LOADING_REPORT: &str = "# factline corpus\n\nThe corpus is still being indexed: ask again when the progress shows it done.\n";

/// Every command, as announced in the server capabilities.
pub fn all() -> Vec<String> {
    vec![RELOAD_CORPUS.to_string(), CORPUS_REPORT.to_string()]
}

/// Runs a command. `Ok(None)`: no such command.
pub async fn execute(state: &Arc<ServerState>, command: &str) -> Option<anyhow::Result<Value>> {
    match command {
        RELOAD_CORPUS => Some(super::reload::reload(state, "factline.reloadCorpus").await.map(|summary| {
            json!({
                "articles": summary.articles,
                "problems": summary.problems,
                "corpus": summary.roots.iter().map(|root| root.display().to_string()).collect::<Vec<_>>(),
                "description": summary.description,
            })
        })),
        CORPUS_REPORT => {
            // Asked during the first load: say so at once rather than after the load.
            let Some(engine) = state.engine() else {
                return Some(Ok(Value::String(LOADING_REPORT.to_string())));
            };
            Some(super::diagnostics::run_blocking("corpus report", move || engine.engine.corpus_report()).await.map(Value::String))
        }
        _ => None,
    }
}
