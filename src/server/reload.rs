//! Loading the corpus and settings into a new engine, in the background, with progress.
//!
//! Triggered at start-up, by a settings change, by the file watcher and by the
//! `factline.reloadCorpus` command. The load runs on a worker thread behind a
//! "Indexing corpus" work-done progress; the new engine is swapped in whole, then open
//! documents are re-checked (push) or the client is asked to pull again (pull). Which
//! corpus is in use is said first after every load (`window/logMessage`, and
//! `window/showMessage` when the first load falls back to the built-in sample); corpus
//! folders the workspace names outside itself are refused with a `window/showMessage`
//! warning. Problems with corpus files are shown to the user once per load
//! (`window/showMessage`, the first five) and logged, each once (stderr and
//! `window/logMessage`).

use std::path::PathBuf;
use std::sync::Arc;

use tower_lsp_server::ls_types::{MessageType, ProgressToken};
use tower_lsp_server::{NotCancellable, OngoingProgress, Unbounded};
use tracing::{info, warn};

use super::config::resolve;
use super::diagnostics::{refresh_all, run_blocking};
use super::state::{EngineSnapshot, ServerState};
use crate::cache::IndexCache;
use crate::engine::{CacheStatus, Engine};
use crate::workspace::{Workspace, read_user_config};

/// The title of the progress shown while a corpus loads.
pub const PROGRESS_TITLE: &str = "Indexing corpus";

/// What a reload loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReloadSummary {
    pub articles: usize,
    pub problems: usize,
    pub roots: Vec<PathBuf>,
    /// Which corpus is in use, in a line ("5 sample articles (built in), …").
    pub description: String,
}

/// Reads settings, loads the corpus and swaps in the new engine. On failure the previous
/// engine stays (or an empty one, the first time, so that the server keeps answering).
pub async fn reload(state: &Arc<ServerState>, reason: &str) -> anyhow::Result<ReloadSummary> {
    load(state, reason, false).await
}

/// Applies new settings: the corpus is learned again only when its folders changed.
pub async fn reconfigure(state: &Arc<ServerState>, reason: &str) -> anyhow::Result<ReloadSummary> {
    load(state, reason, true).await
}

async fn load(state: &Arc<ServerState>, reason: &str, reuse_corpus: bool) -> anyhow::Result<ReloadSummary> {
    let _one_at_a_time = state.reload_lock.lock().await;
    info!(reason, "loading the corpus");
    let progress = begin_progress(state, reason).await;
    let root = state.root();
    let editor = state.editor_settings();
    let generation = state.next_generation();
    let current = if reuse_corpus { state.engine() } else { None };
    // At start-up an index cache entry for older files is used while the corpus is learned again.
    let first_load = state.engine().is_none();
    let cache = IndexCache::from_env();
    let cache_for_load = cache.clone();
    let loaded = run_blocking("corpus load", move || {
        let mut settings_problems = Vec::new();
        let workspace = root.as_deref().map(|root| {
            let (workspace, problem) = Workspace::open(root);
            settings_problems.extend(problem.map(|problem| format!("{problem}; using the editor settings only")));
            workspace
        });
        let user = read_user_config().unwrap_or_else(|problem| {
            settings_problems.push(format!("{problem}; not used"));
            None
        });
        let (config, choice) = resolve(workspace.as_ref(), user.as_ref(), &editor);
        let roots = config.corpus.clone();
        // New settings over the same folders (or the same sample) keep the facts already learned.
        if let Some(current) = current.filter(|current| {
            let corpus = current.engine.corpus();
            corpus.roots == roots && (!roots.is_empty() || corpus.is_built_in())
        }) {
            return (EngineSnapshot::new(current.engine.with_config(config), generation), Vec::new(), settings_problems, choice, None);
        }
        if roots.is_empty() {
            let (engine, problems) = Engine::load_or_sample(&roots, config);
            return (EngineSnapshot::new(engine, generation), problems, settings_problems, choice, None);
        }
        let loaded = Engine::load_cached(&roots, config, &cache_for_load, first_load);
        let cache_use = (loaded.cache.clone(), loaded.corpus_key);
        (EngineSnapshot::new(loaded.engine, generation), loaded.problems, settings_problems, choice, Some(cache_use))
    })
    .await;
    match loaded {
        Ok((snapshot, problems, settings_problems, choice, cache_use)) => {
            let roots = choice.folders.clone();
            let articles = snapshot.engine.corpus().documents.len();
            let snapshot = Arc::new(snapshot);
            state.swap_engine(snapshot.clone());
            if let Some((status, corpus_key)) = cache_use {
                use_index_cache(state, &cache, &snapshot, &problems, status, corpus_key);
            }
            let description = choice.describe(articles);
            info!("corpus in use: {description}");
            state.client.log_message(MessageType::INFO, format!("factline: {description}")).await;
            if first_load && choice.is_built_in() {
                state.client.show_message(MessageType::INFO, format!("factline: {description}")).await;
            }
            for refused in &choice.refused {
                warn!("{refused}");
                state.client.show_message(MessageType::WARNING, format!("factline: {refused}")).await;
            }
            let mut messages: Vec<String> = settings_problems;
            for problem in &problems {
                warn!("corpus: {problem}");
                state.client.log_message(MessageType::WARNING, format!("factline: corpus: {problem}")).await;
                messages.push(problem.to_string());
            }
            if articles == 0 {
                let folders: Vec<String> = roots.iter().map(|root| root.display().to_string()).collect();
                messages.push(format!(
                    "no articles (.txt, .md) found in {}",
                    if folders.is_empty() { "any corpus folder".to_string() } else { folders.join(", ") }
                ));
            }
            if !messages.is_empty() {
                let shown = messages.iter().take(5).cloned().collect::<Vec<_>>().join("\n");
                let more = messages.len().saturating_sub(5);
                let tail = if more > 0 { format!("\n…and {more} more (see the log)") } else { String::new() };
                state.client.show_message(MessageType::WARNING, format!("factline: corpus problems:\n{shown}{tail}")).await;
            }
            super::watch::ensure_watching(state, &roots);
            if let Some(progress) = progress {
                progress.finish_with_message(format!("{articles} articles")).await;
            }
            info!(articles, problems = problems.len(), "corpus loaded");
            refresh_all(state).await;
            Ok(ReloadSummary { articles, problems: problems.len(), roots, description })
        }
        Err(error) => {
            if state.engine().is_none() {
                state.swap_engine(Arc::new(EngineSnapshot::new(Engine::default(), generation)));
            }
            state.client.show_message(MessageType::ERROR, format!("factline: the corpus could not be loaded: {error:#}")).await;
            if let Some(progress) = progress {
                progress.finish_with_message("failed").await;
            }
            Err(error)
        }
    }
}

/// After a load: logs how the index cache served it, saves freshly learned facts in the
/// background, and learns a stale entry's corpus again.
fn use_index_cache(
    state: &Arc<ServerState>,
    cache: &IndexCache,
    snapshot: &Arc<EngineSnapshot>,
    problems: &[crate::corpus::LoadProblem],
    status: CacheStatus,
    corpus_key: u128,
) {
    match &status {
        CacheStatus::Off => {}
        CacheStatus::Fresh => info!("index cache: up to date, corpus not learned again"),
        CacheStatus::Stale => {
            info!("index cache: the corpus changed since it was saved; using it while learning again");
            let state = state.clone();
            tokio::spawn(async move {
                if let Err(error) = reload(&state, "index cache was stale").await {
                    warn!("learning the corpus again failed: {error:#}");
                }
            });
        }
        CacheStatus::Missing => info!("index cache: no entry yet"),
        CacheStatus::Rejected(reason) => warn!("index cache: {reason}"),
    }
    if matches!(status, CacheStatus::Missing | CacheStatus::Rejected(_)) {
        let (cache, snapshot, problems) = (cache.clone(), snapshot.clone(), problems.to_vec());
        tokio::task::spawn_blocking(move || match snapshot.engine.save_to_cache(&cache, corpus_key, &problems) {
            Ok(path) => info!("index cache: saved {}", path.display()),
            Err(error) => warn!("index cache: not saved: {error}"),
        });
    }
}

async fn begin_progress(state: &ServerState, reason: &str) -> Option<OngoingProgress<Unbounded, NotCancellable>> {
    if !state.session().work_done_progress {
        return None;
    }
    let token = ProgressToken::String(format!("factline/indexing/{}", state.next_progress_token()));
    if let Err(error) = state.client.create_work_done_progress(token.clone()).await {
        warn!("the client refused a progress token: {error}");
        return None;
    }
    Some(state.client.progress(token, PROGRESS_TITLE).with_message(reason.to_string()).begin().await)
}
