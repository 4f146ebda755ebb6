//! Settings from the editor and from `factline.toml`, merged into the core's [`Config`].
//!
//! The editor sends JSON in `initializationOptions` and `workspace/didChangeConfiguration`:
//! `{"corpus": ["dir"], "severity": {"date": "error", "count": "off"}, "ignoreNames": ["…"]}`,
//! possibly wrapped in a top-level `"factline"` key (VS Code and Neovim send it so). The
//! project's `factline.toml` at the workspace root has the same fields in TOML.
//!
//! Precedence, field by field: editor settings over `factline.toml` over the defaults.
//! Corpus folders: the editor's list, else the file's, else the workspace's `corpus/`
//! folder, else the shipped corpus. Severities: the file's, each kind overridden by the
//! editor's. Ignored names: both lists together.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::config::{Config, SeveritySetting};
use crate::corpus::Corpus;
use crate::finding::Kind;

/// The name of the settings file at the workspace root.
pub const CONFIG_FILE_NAME: &str = "factline.toml";

/// What the editor sent, after validation. Fields it did not send are `None`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EditorSettings {
    pub corpus: Option<Vec<PathBuf>>,
    pub severity: BTreeMap<Kind, SeveritySetting>,
    pub ignore_names: Option<Vec<String>>,
}

impl EditorSettings {
    /// Reads settings JSON. Unknown keys are ignored (editors send their own); a value of
    /// the wrong shape is skipped and described in the returned problems.
    pub fn from_json(value: &Value) -> (EditorSettings, Vec<String>) {
        let mut settings = EditorSettings::default();
        let mut problems = Vec::new();
        let value = match value.get("factline") {
            Some(inner) if inner.is_object() => inner,
            _ => value,
        };
        let Some(object) = value.as_object() else {
            if !value.is_null() {
                problems.push(format!("settings must be a JSON object, got {value}"));
            }
            return (settings, problems);
        };
        if let Some(corpus) = object.get("corpus") {
            match corpus {
                Value::String(dir) => settings.corpus = Some(vec![PathBuf::from(dir)]),
                Value::Array(items) => {
                    let dirs: Vec<PathBuf> = items
                        .iter()
                        .filter_map(Value::as_str)
                        .map(PathBuf::from)
                        .collect();
                    if dirs.len() != items.len() {
                        problems.push("`corpus` must be a list of folder names".to_string());
                    }
                    settings.corpus = Some(dirs);
                }
                Value::Null => {}
                other => problems.push(format!(
                    "`corpus` must be a list of folder names, got {other}"
                )),
            }
        }
        match object.get("severity") {
            Some(Value::Object(entries)) => {
                for (kind_name, level) in entries {
                    let Some(kind) = Kind::parse(kind_name) else {
                        problems.push(format!("`severity`: unknown kind `{kind_name}` (kinds: name, role, place, date, weekday, count)"));
                        continue;
                    };
                    let parsed = level
                        .as_str()
                        .map(|text| Value::String(text.to_ascii_lowercase()));
                    match parsed.and_then(|text| serde_json::from_value::<SeveritySetting>(text).ok()) {
                        Some(setting) => {
                            settings.severity.insert(kind, setting);
                        }
                        None => problems.push(format!(
                            "`severity.{kind_name}`: {level} is not one of off, hint, information, warning, error"
                        )),
                    }
                }
            }
            Some(Value::Null) | None => {}
            Some(other) => problems.push(format!(
                "`severity` must be an object such as {{\"date\": \"error\"}}, got {other}"
            )),
        }
        let names = object
            .get("ignoreNames")
            .or_else(|| object.get("ignore_names"));
        match names {
            Some(Value::Array(items)) => {
                let names: Vec<String> = items
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect();
                if names.len() != items.len() {
                    problems.push("`ignoreNames` must be a list of strings".to_string());
                }
                settings.ignore_names = Some(names);
            }
            Some(Value::Null) | None => {}
            Some(other) => problems.push(format!(
                "`ignoreNames` must be a list of strings, got {other}"
            )),
        }
        (settings, problems)
    }
}

/// The settings file of a workspace root.
pub fn config_file(root: &Path) -> PathBuf {
    root.join(CONFIG_FILE_NAME)
}

/// Reads `factline.toml` at the workspace root. Absent: `Ok(None)`.
pub fn read_config_file(root: &Path) -> Result<Option<Config>, String> {
    let path = config_file(root);
    if !path.is_file() {
        return Ok(None);
    }
    Config::read(&path)
        .map(Some)
        .map_err(|error| error.to_string())
}

/// Merges the file's settings and the editor's into the configuration the engine uses.
pub fn resolve(root: Option<&Path>, file: Option<&Config>, editor: &EditorSettings) -> Config {
    let mut config = file.cloned().unwrap_or_default();
    if let Some(dirs) = editor.corpus.as_ref().filter(|dirs| !dirs.is_empty()) {
        config.corpus = dirs
            .iter()
            .map(|dir| match root {
                Some(root) if dir.is_relative() => root.join(dir),
                _ => dir.clone(),
            })
            .collect();
    }
    if config.corpus.is_empty() {
        let workspace_corpus = root
            .map(|root| root.join("corpus"))
            .filter(|dir| dir.is_dir());
        config.corpus = workspace_corpus
            .or_else(Corpus::shipped_dir)
            .into_iter()
            .collect();
    }
    for (kind, setting) in &editor.severity {
        config.severity.insert(*kind, *setting);
    }
    for name in editor.ignore_names.iter().flatten() {
        if !config.is_ignored_name(name) {
            config.ignore_names.push(name.clone());
        }
    }
    config
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Severity;
    use serde_json::json;

    #[test]
    fn reads_the_documented_shape_bare_and_under_factline() {
        let bare = json!({"corpus": ["sources"], "severity": {"date": "error", "count": "off"}, "ignoreNames": ["Kim"]});
        let wrapped = json!({"factline": bare.clone()});
        for value in [bare, wrapped] {
            let (settings, problems) = EditorSettings::from_json(&value);
            assert!(problems.is_empty(), "{problems:?}");
            assert_eq!(settings.corpus, Some(vec![PathBuf::from("sources")]));
            assert_eq!(
                settings.severity.get(&Kind::Date),
                Some(&SeveritySetting::Error)
            );
            assert_eq!(
                settings.severity.get(&Kind::Count),
                Some(&SeveritySetting::Off)
            );
            assert_eq!(settings.ignore_names, Some(vec!["Kim".to_string()]));
        }
    }

    #[test]
    fn bad_values_are_reported_and_skipped() {
        let (settings, problems) = EditorSettings::from_json(
            &json!({"severity": {"date": "loud", "colour": "error"}, "corpus": 3}),
        );
        assert_eq!(settings, EditorSettings::default());
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("loud")));
        assert!(problems.iter().any(|p| p.contains("colour")));
    }

    #[test]
    fn editor_overrides_the_file_field_by_field() {
        let file = Config::from_toml(
            "corpus = [\"file-corpus\"]\nignore_names = [\"Kim\"]\n[severity]\ndate = \"error\"\nname = \"hint\"\n",
            Path::new("/ws/factline.toml"),
        )
        .unwrap();
        let (editor, _) = EditorSettings::from_json(
            &json!({"severity": {"date": "off"}, "ignoreNames": ["Putin", "kim"]}),
        );
        let config = resolve(Some(Path::new("/ws")), Some(&file), &editor);
        assert_eq!(config.corpus, vec![PathBuf::from("/ws/file-corpus")]);
        assert_eq!(config.conflict_severity(Kind::Date), None);
        assert_eq!(config.conflict_severity(Kind::Name), Some(Severity::Hint));
        assert_eq!(
            config.ignore_names,
            vec!["Kim".to_string(), "Putin".to_string()]
        );

        let (editor, _) = EditorSettings::from_json(&json!({"corpus": ["mine", "/abs"]}));
        let config = resolve(Some(Path::new("/ws")), Some(&file), &editor);
        assert_eq!(
            config.corpus,
            vec![PathBuf::from("/ws/mine"), PathBuf::from("/abs")]
        );
    }

    #[test]
    fn default_corpus_is_the_workspace_folder_else_the_shipped_one() {
        let workspace = tempfile::tempdir().unwrap();
        let config = resolve(Some(workspace.path()), None, &EditorSettings::default());
        assert_eq!(
            config.corpus,
            Corpus::shipped_dir().into_iter().collect::<Vec<_>>()
        );
        std::fs::create_dir(workspace.path().join("corpus")).unwrap();
        let config = resolve(Some(workspace.path()), None, &EditorSettings::default());
        assert_eq!(config.corpus, vec![workspace.path().join("corpus")]);
    }
}
