//! Watching the corpus folders and `factline.toml` for changes made outside the editor.
//!
//! `notify` reports file events on its own thread; `notify-debouncer-full` merges a burst
//! (a `git checkout`, an editor's save-by-rename) into one batch. A batch that touches an
//! article, the settings file or a `corpus/` folder at the workspace root wakes a task on the async runtime that reloads the corpus
//! ([`reload`](super::reload::reload)). Events that arrive during a reload are merged into
//! one more reload after it.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Weak};
use std::time::Duration;

use notify_debouncer_full::notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};
use tokio::sync::mpsc;
use tracing::{debug, info, warn};

use super::config::CONFIG_FILE_NAME;
use super::state::ServerState;
use crate::workspace::CORPUS_DIR_NAME;

/// How long the file system must stay quiet before a batch of events is reported.
const DEBOUNCE: Duration = Duration::from_millis(150);

/// A running watch over a set of folders; dropping it stops the watch.
pub struct CorpusWatcher {
    _debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
    /// The corpus folders watched (as configured).
    pub roots: Vec<PathBuf>,
}

impl std::fmt::Debug for CorpusWatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CorpusWatcher").field("roots", &self.roots).finish()
    }
}

/// Watches `roots` (and the workspace's settings file) unless they are already watched.
pub fn ensure_watching(state: &Arc<ServerState>, roots: &[PathBuf]) {
    let Ok(mut slot) = state.watcher.lock() else {
        return;
    };
    if slot.as_ref().is_some_and(|watcher| watcher.roots == roots) {
        return;
    }
    match start(state, roots) {
        Ok(watcher) => {
            info!(roots = ?roots, "watching the corpus");
            *slot = Some(watcher);
        }
        Err(error) => {
            warn!("cannot watch the corpus folders, reload with the factline.reloadCorpus command: {error:#}");
            *slot = None;
        }
    }
}

fn start(state: &Arc<ServerState>, roots: &[PathBuf]) -> anyhow::Result<CorpusWatcher> {
    let (sender, receiver) = mpsc::unbounded_channel::<()>();
    let workspace = state.root();
    let filter = EventFilter::new(roots, workspace.as_deref());
    let mut debouncer = new_debouncer(DEBOUNCE, None, move |result: DebounceEventResult| match result {
        Ok(events) => {
            let relevant = events.iter().any(|event| filter.is_relevant(&event.event.kind, &event.event.paths));
            if relevant {
                let _ = sender.send(());
            }
        }
        Err(errors) => {
            for error in errors {
                warn!("file watch error: {error}");
            }
        }
    })?;
    for root in roots {
        debouncer.watch(root, RecursiveMode::Recursive)?;
    }
    if let Some(workspace) = &workspace
        && workspace.is_dir()
        && let Err(error) = debouncer.watch(workspace, RecursiveMode::NonRecursive)
    {
        warn!("cannot watch {}: {error}", workspace.display());
    }
    tokio::spawn(reload_on_change(Arc::downgrade(state), receiver));
    Ok(CorpusWatcher { _debouncer: debouncer, roots: roots.to_vec() })
}

async fn reload_on_change(state: Weak<ServerState>, mut receiver: mpsc::UnboundedReceiver<()>) {
    while receiver.recv().await.is_some() {
        while receiver.try_recv().is_ok() {}
        let Some(state) = state.upgrade() else { return };
        debug!("corpus or settings changed on disk");
        if let Err(error) = super::reload::reload(&state, "files changed").await {
            warn!("reload after a file change failed: {error:#}");
        }
    }
}

/// Which events mean "reload": a change to an article, a folder under a corpus root, or
/// the workspace's settings file. Opening and reading files do not count.
struct EventFilter {
    roots: Vec<PathBuf>,
    config_file: Option<PathBuf>,
}

impl EventFilter {
    fn new(roots: &[PathBuf], workspace: Option<&Path>) -> EventFilter {
        let mut all = Vec::new();
        for root in roots {
            all.push(root.clone());
            if let Ok(canonical) = root.canonicalize() {
                all.push(canonical);
            }
        }
        EventFilter { roots: all, config_file: workspace.map(|dir| dir.join(CONFIG_FILE_NAME)) }
    }

    fn is_relevant(&self, kind: &EventKind, paths: &[PathBuf]) -> bool {
        if matches!(kind, EventKind::Access(_)) {
            return false;
        }
        paths.iter().any(|path| {
            // The settings file, or a `corpus/` folder made (or removed) at the workspace root.
            let is_config = path.file_name().is_some_and(|name| name == CONFIG_FILE_NAME || name == CORPUS_DIR_NAME)
                && self.config_file.as_ref().is_some_and(|config| config.parent() == path.parent() || config == path);
            let in_corpus = self.roots.iter().any(|root| path.starts_with(root));
            let hidden = path.file_name().and_then(|name| name.to_str()).is_some_and(|name| name.starts_with('.'));
            let article_or_folder = match path.extension().and_then(|ext| ext.to_str()) {
                Some(ext) => matches!(ext.to_ascii_lowercase().as_str(), "txt" | "md" | "markdown"),
                None => true,
            };
            is_config || (in_corpus && !hidden && article_or_folder)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify_debouncer_full::notify::event::{AccessKind, CreateKind, ModifyKind};

    #[test]
    fn only_article_folder_and_settings_changes_count() {
        let filter = EventFilter::new(&[PathBuf::from("/ws/corpus")], Some(Path::new("/ws")));
        let modify = EventKind::Modify(ModifyKind::Any);
        assert!(filter.is_relevant(&modify, &[PathBuf::from("/ws/corpus/a.md")]));
        assert!(filter.is_relevant(&EventKind::Create(CreateKind::Folder), &[PathBuf::from("/ws/corpus/2025")]));
        assert!(filter.is_relevant(&modify, &[PathBuf::from("/ws/factline.toml")]));
        assert!(filter.is_relevant(&EventKind::Create(CreateKind::Folder), &[PathBuf::from("/ws/corpus")]));
        assert!(!filter.is_relevant(&EventKind::Create(CreateKind::Folder), &[PathBuf::from("/ws/drafts/corpus")]));
        assert!(!filter.is_relevant(&modify, &[PathBuf::from("/ws/corpus/.a.md.swp")]));
        assert!(!filter.is_relevant(&modify, &[PathBuf::from("/ws/corpus/image.png")]));
        assert!(!filter.is_relevant(&modify, &[PathBuf::from("/ws/draft.md")]));
        assert!(!filter.is_relevant(&EventKind::Access(AccessKind::Any), &[PathBuf::from("/ws/corpus/a.md")]));
    }
}
