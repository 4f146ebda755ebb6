//! Settings that shape a check: corpus folders, severity per kind, ignored names.
//!
//! Read from `factline.toml` (see README) or handed over by an editor; both edges
//! deserialize into [`Config`] and the core only ever sees this type.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::finding::{Kind, Severity};

/// A severity as written in settings: a [`Severity`] or `off`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SeveritySetting {
    Off,
    Hint,
    #[serde(alias = "info")]
    Information,
    Warning,
    Error,
}

impl SeveritySetting {
    pub fn to_severity(self) -> Option<Severity> {
        match self {
            SeveritySetting::Off => None,
            SeveritySetting::Hint => Some(Severity::Hint),
            SeveritySetting::Information => Some(Severity::Information),
            SeveritySetting::Warning => Some(Severity::Warning),
            SeveritySetting::Error => Some(Severity::Error),
        }
    }
}

/// The whole configuration. Every field is optional in the file.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Corpus folders, relative to the file they were read from. Empty: the default corpus.
    pub corpus: Vec<PathBuf>,
    /// Severity for conflicts of each kind (default: warning). `off` silences a kind.
    pub severity: BTreeMap<Kind, SeveritySetting>,
    /// Names never flagged (compared without case).
    pub ignore_names: Vec<String>,
}

/// Why a configuration file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: cannot read: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{path}: {message}")]
    Parse { path: PathBuf, message: String },
}

impl Config {
    /// Parses `factline.toml` text; `path` names the file in errors and anchors relative corpus
    /// folders (`~/…` is the user's home folder).
    pub fn from_toml(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let mut config: Config =
            toml::from_str(text).map_err(|error| ConfigError::Parse { path: path.to_path_buf(), message: error.message().to_string() })?;
        let base = path.parent().unwrap_or(Path::new(""));
        config.corpus = config.corpus.iter().map(|dir| base.join(expand_home(dir))).collect();
        Ok(config)
    }

    /// Reads `factline.toml` from a file.
    pub fn read(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read { path: path.to_path_buf(), source })?;
        Config::from_toml(&text, path)
    }

    /// The severity a conflict of `kind` is reported at, or `None` when the kind is off.
    pub fn conflict_severity(&self, kind: Kind) -> Option<Severity> {
        match self.severity.get(&kind) {
            Some(setting) => setting.to_severity(),
            None => Some(Severity::Warning),
        }
    }

    /// Whether a name is on the ignore list.
    pub fn is_ignored_name(&self, name: &str) -> bool {
        let name = name.trim();
        self.ignore_names.iter().any(|ignored| ignored.trim().eq_ignore_ascii_case(name))
    }
}

/// `~` or `~/…` as the user's home folder; any other path as it is.
pub fn expand_home(path: &Path) -> PathBuf {
    let mut components = path.components();
    match (components.next(), dirs::home_dir()) {
        (Some(std::path::Component::Normal(first)), Some(home)) if first == "~" => home.join(components.as_path()),
        _ => path.to_path_buf(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_field_and_anchors_corpus_folders() {
        let text = "corpus = [\"sources\"]\nignore_names = [\"Pak\"]\n[severity]\ndate = \"error\"\ncount = \"off\"\n";
        let config = Config::from_toml(text, Path::new("/work/site/factline.toml")).unwrap();
        assert_eq!(config.corpus, vec![PathBuf::from("/work/site/sources")]);
        assert_eq!(config.conflict_severity(Kind::Date), Some(Severity::Error));
        assert_eq!(config.conflict_severity(Kind::Count), None);
        assert_eq!(config.conflict_severity(Kind::Name), Some(Severity::Warning));
        assert!(config.is_ignored_name("pak"));
        assert!(!config.is_ignored_name("Valk"));
    }

    #[test]
    fn a_bad_file_names_itself_and_the_problem() {
        let error = Config::from_toml("[severity]\ndate = \"loud\"\n", Path::new("site/factline.toml")).unwrap_err();
        let text = error.to_string();
        assert!(text.starts_with("site/factline.toml: "), "{text}");
        assert!(text.contains("loud") || text.contains("variant"), "{text}");
    }
}
