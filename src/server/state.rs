//! The server's shared state: open documents, the current engine, what was negotiated.
//!
//! The engine is immutable once built. A corpus or settings change builds a new one off
//! the async runtime and swaps the `Arc` ([`ServerState::swap_engine`]); checks already
//! running finish on the engine they started with and their results are then dropped as
//! stale (each carries the engine *generation* it was made with).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use dashmap::DashMap;
use line_index::LineIndex;
use tokio::sync::watch;
use tower_lsp_server::Client;
use tower_lsp_server::ls_types::{Location, Uri};

use super::config::EditorSettings;
use super::convert::{LineMap, PositionEncoding, path_to_uri};
use super::documents::OpenDocument;
use super::watch::CorpusWatcher;
use crate::engine::Engine;
use crate::finding::Citation;

/// How diagnostics reach the client.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiagnosticMode {
    /// The server sends `textDocument/publishDiagnostics` after every check.
    Push,
    /// The client asks with `textDocument/diagnostic`; the server announces changes with
    /// `workspace/diagnostic/refresh`.
    Pull,
}

/// What was agreed at `initialize`; fixed for the session.
#[derive(Clone, Debug)]
pub struct Session {
    pub encoding: PositionEncoding,
    /// The workspace root (first workspace folder, else `rootUri`).
    pub root: Option<PathBuf>,
    pub diagnostic_mode: DiagnosticMode,
    /// The client shows `$/progress` (`window.workDoneProgress`).
    pub work_done_progress: bool,
    /// The client handles `workspace/diagnostic/refresh`.
    pub diagnostic_refresh: bool,
    /// The client applies `documentChanges` with a `create` operation in a workspace edit.
    pub create_files: bool,
    /// The client applies versioned `documentChanges` in a workspace edit.
    pub document_changes: bool,
    /// The client answers `workspace/configuration`.
    pub configuration_request: bool,
}

impl Default for Session {
    fn default() -> Session {
        Session {
            encoding: PositionEncoding::Utf16,
            root: None,
            diagnostic_mode: DiagnosticMode::Push,
            work_done_progress: false,
            diagnostic_refresh: false,
            create_files: false,
            document_changes: false,
            configuration_request: false,
        }
    }
}

/// An engine with what the server needs to convert its citations: the corpus files by
/// path and their line indexes, each built the first time a citation points into it (a
/// hover or a definition), not for every article at start-up.
#[derive(Debug)]
pub struct EngineSnapshot {
    pub engine: Engine,
    /// Counts engine swaps; results made with an older generation are stale.
    pub generation: u64,
    /// Corpus file path → position in the corpus; built on the first lookup.
    positions: OnceLock<HashMap<PathBuf, usize>>,
    /// The line index of each corpus file, by position; each built on first use.
    lines: Vec<OnceLock<LineIndex>>,
}

impl EngineSnapshot {
    /// Cheap: nothing is read until a citation needs its place.
    pub fn new(engine: Engine, generation: u64) -> EngineSnapshot {
        let lines = std::iter::repeat_with(OnceLock::new).take(engine.corpus().documents.len()).collect();
        EngineSnapshot { engine, generation, positions: OnceLock::new(), lines }
    }

    /// The text of a corpus file and its line index.
    pub fn source(&self, path: &Path) -> Option<(&str, &LineIndex)> {
        let documents = &self.engine.corpus().documents;
        let positions = self
            .positions
            .get_or_init(|| documents.iter().enumerate().map(|(position, document)| (document.path.clone(), position)).collect());
        let position = *positions.get(path)?;
        let document = documents.get(position)?;
        let lines = self.lines.get(position)?.get_or_init(|| super::convert::line_index(&document.text));
        Some((&document.text, lines))
    }

    /// The exact place of a quoted passage in its corpus file.
    pub fn citation_location(&self, citation: &Citation, encoding: PositionEncoding) -> Option<Location> {
        let uri = path_to_uri(&citation.path)?;
        let range = match self.source(&citation.path) {
            Some((text, lines)) => LineMap::new(text, lines, encoding).range(&citation.range),
            None => {
                // Not a file of this corpus (it cannot happen today): point at its lines.
                let start = u32::try_from(citation.line.saturating_sub(1)).unwrap_or(0);
                let end = u32::try_from(citation.end_line).unwrap_or(start);
                tower_lsp_server::ls_types::Range::new(
                    tower_lsp_server::ls_types::Position::new(start, 0),
                    tower_lsp_server::ls_types::Position::new(end, 0),
                )
            }
        };
        Some(Location::new(uri, range))
    }
}

/// Everything the handlers share. Held in an `Arc` so background tasks can own a handle.
pub struct ServerState {
    pub client: Client,
    pub documents: DashMap<Uri, OpenDocument>,
    session: OnceLock<Session>,
    pub settings: Mutex<EditorSettings>,
    engine: watch::Sender<Option<Arc<EngineSnapshot>>>,
    generation: AtomicU64,
    next_open_id: AtomicU64,
    next_progress_token: AtomicU64,
    /// One corpus load at a time: the later one sees the later settings and files.
    pub reload_lock: tokio::sync::Mutex<()>,
    pub watcher: Mutex<Option<CorpusWatcher>>,
    /// With no workspace root from the client: the one found from the first draft opened
    /// (a folder holding `factline.toml` or `corpus/`), once looked for.
    discovered_root: OnceLock<Option<PathBuf>>,
    pub shutdown_requested: AtomicBool,
    /// Bumped whenever a check loop stores a result or stops, so that a request waiting
    /// for the running check of a document wakes up and looks again.
    pub check_progress: watch::Sender<u64>,
}

impl ServerState {
    pub fn new(client: Client) -> ServerState {
        ServerState {
            client,
            documents: DashMap::new(),
            session: OnceLock::new(),
            settings: Mutex::new(EditorSettings::default()),
            engine: watch::Sender::new(None),
            generation: AtomicU64::new(0),
            next_open_id: AtomicU64::new(1),
            next_progress_token: AtomicU64::new(1),
            reload_lock: tokio::sync::Mutex::new(()),
            watcher: Mutex::new(None),
            discovered_root: OnceLock::new(),
            shutdown_requested: AtomicBool::new(false),
            check_progress: watch::Sender::new(0),
        }
    }

    /// Records what `initialize` negotiated. Only the first call counts.
    pub fn set_session(&self, session: Session) {
        let _ = self.session.set(session);
    }

    pub fn session(&self) -> Session {
        self.session.get().cloned().unwrap_or_default()
    }

    pub fn encoding(&self) -> PositionEncoding {
        self.session.get().map_or(PositionEncoding::Utf16, |session| session.encoding)
    }

    pub fn diagnostic_mode(&self) -> DiagnosticMode {
        self.session.get().map_or(DiagnosticMode::Push, |session| session.diagnostic_mode)
    }

    pub fn next_open_id(&self) -> u64 {
        self.next_open_id.fetch_add(1, Ordering::Relaxed)
    }

    pub fn next_progress_token(&self) -> u64 {
        self.next_progress_token.fetch_add(1, Ordering::Relaxed)
    }

    /// The next engine generation number, for a snapshot about to be built.
    pub fn next_generation(&self) -> u64 {
        self.generation.fetch_add(1, Ordering::SeqCst) + 1
    }

    /// The engine, once the first corpus load is done.
    pub fn engine(&self) -> Option<Arc<EngineSnapshot>> {
        self.engine.borrow().clone()
    }

    /// Waits for the first corpus load, then returns the current engine.
    pub async fn engine_ready(&self) -> Arc<EngineSnapshot> {
        let mut receiver = self.engine.subscribe();
        loop {
            if let Some(engine) = receiver.borrow_and_update().clone() {
                return engine;
            }
            if receiver.changed().await.is_err() {
                // The sender lives as long as `self`: unreachable, but never hang.
                return Arc::new(EngineSnapshot::new(Engine::default(), 0));
            }
        }
    }

    /// Installs a new engine unless a newer one was installed meanwhile.
    /// Returns whether it was installed.
    pub fn swap_engine(&self, snapshot: Arc<EngineSnapshot>) -> bool {
        self.engine.send_if_modified(|current| match current {
            Some(existing) if existing.generation > snapshot.generation => false,
            _ => {
                *current = Some(snapshot.clone());
                true
            }
        })
    }

    /// The workspace root: the client's, else the one found from the first draft opened.
    pub fn root(&self) -> Option<PathBuf> {
        self.session.get().and_then(|session| session.root.clone()).or_else(|| self.discovered_root.get().cloned().flatten())
    }

    /// With no root from the client, looks for one from `draft`'s folder upward, once per
    /// session. Returns it when this call found it (the corpus is then to be loaded again).
    pub fn discover_root(&self, draft: &Path) -> Option<PathBuf> {
        if self.session.get().is_some_and(|session| session.root.is_some()) || self.discovered_root.get().is_some() {
            return None;
        }
        let found = draft.parent().and_then(crate::workspace::find_workspace);
        self.discovered_root.set(found.clone()).ok()?;
        found
    }

    /// A fresh copy of the editor settings.
    pub fn editor_settings(&self) -> EditorSettings {
        self.settings.lock().map(|settings| settings.clone()).unwrap_or_default()
    }

    pub fn set_editor_settings(&self, settings: EditorSettings) {
        if let Ok(mut current) = self.settings.lock() {
            *current = settings;
        }
    }
}
