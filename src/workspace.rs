//! Which corpus a run uses, and why: the precedence of the places that may name corpus
//! folders, the trust rule for folders named by a workspace, and the discovery of a
//! corpus from the draft's folder upward.
//!
//! Precedence (the first that names any usable folder wins):
//!
//! 1. the command line (`--corpus DIR`),
//! 2. the editor's settings (`initializationOptions`, `workspace/didChangeConfiguration`),
//! 3. the user's own config file ([`user_config_path`]),
//! 4. the workspace's `factline.toml`,
//! 5. a `corpus/` folder at the workspace root (found from the draft's folder upward),
//! 6. the sample corpus built into the binary.
//!
//! Trust: the first three are the user's own word and may name any folder. A workspace is
//! often someone else's (a cloned repository), so the folders its `factline.toml` names,
//! and its `corpus/` folder, are used only when they lie inside the workspace once links
//! are resolved; each one refused is returned as a [`Refused`] for the edges to show.
//!
//! The CLI and the server both call [`choose_corpus`]; neither decides on its own.

use std::path::{Component, Path, PathBuf};

use crate::config::{Config, ConfigError};

/// The settings file of a workspace.
pub const CONFIG_FILE_NAME: &str = "factline.toml";
/// The corpus folder a workspace may hold at its root.
pub const CORPUS_DIR_NAME: &str = "corpus";
/// Environment variable naming the user config file (`off` or empty: none).
pub const USER_CONFIG_ENV: &str = "FACTLINE_CONFIG";

/// Where the corpus in use was named.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    CommandLine,
    EditorSettings,
    /// The user config file at this path.
    UserConfig(PathBuf),
    /// The workspace's `factline.toml` at this path.
    WorkspaceFile(PathBuf),
    /// The `corpus/` folder at the workspace root.
    WorkspaceFolder,
    /// The sample corpus built into the binary.
    BuiltIn,
}

/// A corpus folder named by a workspace that lies outside it: not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused {
    /// The folder as named (before resolving links).
    pub folder: PathBuf,
    /// Where it was named: the workspace's `factline.toml`, or the workspace root for its `corpus/` folder.
    pub named_in: PathBuf,
    /// The workspace it must lie in.
    pub workspace: PathBuf,
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let user = user_config_path().map_or_else(|| "a user config file".to_string(), |path| tilde(&path));
        if self.named_in == self.workspace {
            write!(f, "corpus folder {} is a link that leads outside the workspace; not read.", self.folder.display())?;
        } else {
            write!(
                f,
                "corpus folder {} (named in {}) lies outside the workspace {}; not read.",
                self.folder.display(),
                self.named_in.display(),
                self.workspace.display()
            )?;
        }
        write!(
            f,
            " A folder outside the workspace is used only when you name it yourself: --corpus on the command \
             line, the editor's factline settings, or {user}"
        )
    }
}

/// The corpus a run uses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorpusChoice {
    /// The folders to load; empty for the built-in sample.
    pub folders: Vec<PathBuf>,
    pub origin: Origin,
    /// Folders a workspace named that lie outside it.
    pub refused: Vec<Refused>,
    /// The workspace root, when there is one.
    pub workspace: Option<PathBuf>,
}

impl CorpusChoice {
    /// Whether the built-in sample is used.
    pub fn is_built_in(&self) -> bool {
        self.origin == Origin::BuiltIn
    }

    /// One line saying which corpus is in use, such as "5 sample articles (built in), no
    /// corpus/ folder found" or "1,204 articles in ~/stories/corpus".
    pub fn describe(&self, articles: usize) -> String {
        let count = thousands(articles);
        let noun = if articles == 1 { "article" } else { "articles" };
        if self.is_built_in() {
            let why = if !self.refused.is_empty() {
                "the workspace's corpus folders lie outside it and were not read".to_string()
            } else {
                match &self.workspace {
                    Some(root) => format!("no corpus/ folder or factline.toml corpus in {}", tilde(root)),
                    None => "no corpus/ folder found".to_string(),
                }
            };
            return format!("{count} sample {noun} (built in), {why}");
        }
        let folders: Vec<String> = self.folders.iter().map(|folder| tilde(folder)).collect();
        let from = match &self.origin {
            Origin::CommandLine => " (from --corpus)".to_string(),
            Origin::EditorSettings => " (from the editor's settings)".to_string(),
            Origin::UserConfig(path) | Origin::WorkspaceFile(path) => format!(" (from {})", tilde(path)),
            Origin::WorkspaceFolder | Origin::BuiltIn => String::new(),
        };
        format!("{count} {noun} in {}{from}", folders.join(", "))
    }
}

/// A workspace: the folder the user opened (the editor's root) or the one found from the
/// draft's folder upward, with its `factline.toml` when it has one.
#[derive(Clone, Debug, Default)]
pub struct Workspace {
    pub root: PathBuf,
    /// The settings file and what it says (corpus folders anchored at its folder).
    pub file: Option<(PathBuf, Config)>,
}

impl Workspace {
    /// The workspace at `root`, reading its `factline.toml` when present.
    pub fn open(root: &Path) -> (Workspace, Option<ConfigError>) {
        let path = root.join(CONFIG_FILE_NAME);
        let mut workspace = Workspace { root: root.to_path_buf(), file: None };
        if !path.is_file() {
            return (workspace, None);
        }
        match Config::read(&path) {
            Ok(config) => {
                workspace.file = Some((path, config));
                (workspace, None)
            }
            Err(error) => (workspace, Some(error)),
        }
    }

    /// A settings file named explicitly (`--config FILE`): its folder is the workspace.
    pub fn from_file(path: &Path) -> Result<Workspace, ConfigError> {
        let config = Config::read(path)?;
        let root = path.parent().filter(|parent| !parent.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        Ok(Workspace { root, file: Some((path.to_path_buf(), config)) })
    }

    pub fn config(&self) -> Option<&Config> {
        self.file.as_ref().map(|(_, config)| config)
    }
}

/// The user's own config file, when it exists.
#[derive(Clone, Debug)]
pub struct UserConfig {
    pub path: PathBuf,
    pub config: Config,
}

/// Where the user config file is looked for: `$FACTLINE_CONFIG`, else
/// `factline/config.toml` in the user's config folder (`~/.config` on Linux).
pub fn user_config_path() -> Option<PathBuf> {
    match std::env::var_os(USER_CONFIG_ENV) {
        Some(value) if value.is_empty() || value == "off" => None,
        Some(value) => Some(PathBuf::from(value)),
        None => dirs::config_dir().map(|dir| dir.join("factline").join("config.toml")),
    }
}

/// Reads the user config file; `Ok(None)` when there is none.
pub fn read_user_config() -> Result<Option<UserConfig>, ConfigError> {
    let Some(path) = user_config_path() else { return Ok(None) };
    if !path.is_file() {
        return Ok(None);
    }
    Config::read(&path).map(|config| Some(UserConfig { path, config }))
}

/// The workspace root for a draft: from `start` (a folder) upward, the first folder that
/// holds a `factline.toml` or a `corpus/` folder. The walk does not go above the user's
/// home folder when it starts inside it.
pub fn find_workspace(start: &Path) -> Option<PathBuf> {
    let start = start.canonicalize().ok()?;
    let home = dirs::home_dir().and_then(|home| home.canonicalize().ok());
    for folder in start.ancestors() {
        if folder.join(CONFIG_FILE_NAME).is_file() || folder.join(CORPUS_DIR_NAME).is_dir() {
            return Some(folder.to_path_buf());
        }
        if home.as_deref().is_some_and(|home| home == folder) {
            break;
        }
    }
    None
}

/// Settings for every field but the corpus: the user's, then the workspace's over them
/// (severity kind by kind; ignored names from both).
pub fn merge_settings(user: Option<&Config>, workspace: Option<&Config>) -> Config {
    let mut merged = Config::default();
    for config in [user, workspace].into_iter().flatten() {
        for (kind, setting) in &config.severity {
            merged.severity.insert(*kind, *setting);
        }
        for name in &config.ignore_names {
            if !merged.is_ignored_name(name) {
                merged.ignore_names.push(name.clone());
            }
        }
    }
    merged
}

/// Picks the corpus by the precedence in this module's documentation. `command_line` and
/// `editor` folders are used as given (relative ones are the caller's to anchor); the
/// workspace's are checked against its root, and those outside are refused. When every
/// folder a place names is refused, the next place is tried.
pub fn choose_corpus(
    command_line: &[PathBuf],
    editor: &[PathBuf],
    user: Option<&UserConfig>,
    workspace: Option<&Workspace>,
) -> CorpusChoice {
    let root = workspace.map(|workspace| workspace.root.clone());
    let chosen =
        |folders: Vec<PathBuf>, origin: Origin, refused: Vec<Refused>| CorpusChoice { folders, origin, refused, workspace: root.clone() };
    if !command_line.is_empty() {
        return chosen(command_line.to_vec(), Origin::CommandLine, Vec::new());
    }
    if !editor.is_empty() {
        return chosen(editor.to_vec(), Origin::EditorSettings, Vec::new());
    }
    if let Some(user) = user.filter(|user| !user.config.corpus.is_empty()) {
        return chosen(user.config.corpus.clone(), Origin::UserConfig(user.path.clone()), Vec::new());
    }
    let mut refused = Vec::new();
    if let Some(workspace) = workspace {
        if let Some((file, config)) = &workspace.file
            && !config.corpus.is_empty()
        {
            let mut inside = Vec::new();
            for folder in &config.corpus {
                match within(folder, &workspace.root) {
                    Some(resolved) => inside.push(resolved),
                    None => refused.push(Refused { folder: folder.clone(), named_in: file.clone(), workspace: workspace.root.clone() }),
                }
            }
            if !inside.is_empty() {
                return chosen(inside, Origin::WorkspaceFile(file.clone()), refused);
            }
        }
        let folder = workspace.root.join(CORPUS_DIR_NAME);
        if folder.is_dir() {
            match within(&folder, &workspace.root) {
                Some(resolved) => return chosen(vec![resolved], Origin::WorkspaceFolder, refused),
                None => refused.push(Refused { folder, named_in: workspace.root.clone(), workspace: workspace.root.clone() }),
            }
        }
    }
    chosen(Vec::new(), Origin::BuiltIn, refused)
}

/// `folder` (relative: to the current folder, as a settings file's folders are anchored)
/// resolved, links followed, when it lies inside `root`; `None` when it does not.
/// A folder that does not exist (yet) is judged by its nearest existing ancestor, so that
/// a link on the way cannot lead out; it is returned as named, for the loader to report.
pub fn within(folder: &Path, root: &Path) -> Option<PathBuf> {
    let root = root.canonicalize().unwrap_or_else(|_| normalise(root));
    let absolute = if folder.is_absolute() {
        folder.to_path_buf()
    } else {
        std::env::current_dir().map_or_else(|_| root.join(folder), |current| current.join(folder))
    };
    if let Ok(resolved) = absolute.canonicalize() {
        return resolved.starts_with(&root).then_some(resolved);
    }
    let lexical = normalise(&absolute);
    let mut existing = lexical.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        rest.push(existing.file_name()?.to_os_string());
        existing = existing.parent()?;
    }
    let mut resolved = existing.canonicalize().ok()?;
    resolved.extend(rest.iter().rev());
    resolved.starts_with(&root).then_some(absolute)
}

/// `.` and `..` taken out of a path without touching the disk.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// A path with the user's home folder written `~`.
pub fn tilde(path: &Path) -> String {
    match dirs::home_dir().and_then(|home| path.strip_prefix(&home).ok().map(Path::to_path_buf)) {
        Some(rest) if rest.as_os_str().is_empty() => "~".to_string(),
        Some(rest) => format!("~/{}", rest.display()),
        None => path.display().to_string(),
    }
}

/// `1204` as "1,204".
fn thousands(number: usize) -> String {
    let digits = number.to_string();
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workspace_with(file: &str) -> (tempfile::TempDir, Workspace) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::write(root.join(CONFIG_FILE_NAME), file).unwrap();
        let (workspace, problem) = Workspace::open(&root);
        assert!(problem.is_none(), "{problem:?}");
        (dir, workspace)
    }

    #[test]
    fn folders_named_by_a_workspace_must_lie_inside_it() {
        let outside = tempfile::tempdir().unwrap();
        let outside_path = outside.path().canonicalize().unwrap();
        let (_dir, mut workspace) = workspace_with("");
        let root = workspace.root.clone();
        std::fs::create_dir(root.join("sources")).unwrap();
        std::os::unix::fs::symlink(&outside_path, root.join("linked")).unwrap();
        for (named, inside) in [
            ("sources", true),
            ("./sources/../sources", true),
            ("linked", false),
            ("linked/not-yet", false),
            ("../elsewhere", false),
            (outside_path.to_str().unwrap(), false),
            ("not-yet/made", true),
        ] {
            let text = format!("corpus = [{named:?}]\n");
            workspace.file = Some((root.join(CONFIG_FILE_NAME), Config::from_toml(&text, &root.join(CONFIG_FILE_NAME)).unwrap()));
            let choice = choose_corpus(&[], &[], None, Some(&workspace));
            if inside {
                assert_eq!(choice.origin, Origin::WorkspaceFile(root.join(CONFIG_FILE_NAME)), "{named}");
                assert!(choice.refused.is_empty(), "{named}");
                assert!(choice.folders[0].starts_with(&root), "{named}: {:?}", choice.folders);
            } else {
                assert_eq!(choice.origin, Origin::BuiltIn, "{named}");
                assert!(choice.folders.is_empty(), "{named}");
                assert_eq!(choice.refused.len(), 1, "{named}");
                let message = choice.refused[0].to_string();
                assert!(message.contains(named) && message.contains("outside the workspace"), "{message}");
            }
        }
    }

    #[test]
    fn the_users_own_word_may_name_any_folder_and_comes_first() {
        let outside = tempfile::tempdir().unwrap();
        let (_dir, workspace) = workspace_with(&format!("corpus = [{:?}]\n", outside.path()));
        let folder = vec![outside.path().to_path_buf()];
        let user = UserConfig {
            path: PathBuf::from("/home/u/.config/factline/config.toml"),
            config: Config { corpus: folder.clone(), ..Config::default() },
        };
        let from_cli = choose_corpus(&folder, &[PathBuf::from("/other")], Some(&user), Some(&workspace));
        assert_eq!((from_cli.folders.clone(), from_cli.origin), (folder.clone(), Origin::CommandLine));
        let from_editor = choose_corpus(&[], &folder, Some(&user), Some(&workspace));
        assert_eq!((from_editor.folders, from_editor.origin), (folder.clone(), Origin::EditorSettings));
        let from_user = choose_corpus(&[], &[], Some(&user), Some(&workspace));
        assert_eq!((from_user.folders, from_user.origin), (folder, Origin::UserConfig(user.path.clone())));
    }

    #[test]
    fn a_refused_file_falls_back_to_the_workspace_corpus_folder_and_a_linked_one_is_refused() {
        let outside = tempfile::tempdir().unwrap();
        let (_dir, workspace) = workspace_with("corpus = [\"../elsewhere\"]\n");
        std::fs::create_dir(workspace.root.join(CORPUS_DIR_NAME)).unwrap();
        let choice = choose_corpus(&[], &[], None, Some(&workspace));
        assert_eq!(choice.origin, Origin::WorkspaceFolder);
        assert_eq!(choice.folders, vec![workspace.root.join(CORPUS_DIR_NAME)]);
        assert_eq!(choice.refused.len(), 1);

        let (_dir, workspace) = workspace_with("");
        std::os::unix::fs::symlink(outside.path(), workspace.root.join(CORPUS_DIR_NAME)).unwrap();
        let choice = choose_corpus(&[], &[], None, Some(&workspace));
        assert!(choice.is_built_in());
        assert_eq!(choice.refused.len(), 1);
        assert!(choice.describe(5).starts_with("5 sample articles (built in)"), "{}", choice.describe(5));
    }

    #[test]
    fn the_workspace_is_found_from_the_draft_upward() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        let deep = root.join("a/b/c");
        std::fs::create_dir_all(&deep).unwrap();
        std::fs::create_dir(root.join("a/corpus")).unwrap();
        assert_eq!(find_workspace(&deep), Some(root.join("a")));
        std::fs::write(root.join("a/b/factline.toml"), "").unwrap();
        assert_eq!(find_workspace(&deep), Some(root.join("a/b")));
    }

    #[test]
    fn the_description_says_how_many_and_where() {
        let choice =
            CorpusChoice { folders: vec![PathBuf::from("/srv/corpus")], origin: Origin::CommandLine, refused: Vec::new(), workspace: None };
        assert_eq!(choice.describe(1204), "1,204 articles in /srv/corpus (from --corpus)");
        let sample = CorpusChoice { folders: Vec::new(), origin: Origin::BuiltIn, refused: Vec::new(), workspace: None };
        assert_eq!(sample.describe(5), "5 sample articles (built in), no corpus/ folder found");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(thousands(999), "999");
    }
}
