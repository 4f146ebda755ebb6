//! Settings from the editor and from `factline.toml`, merged into the core's [`Config`].
//!
//! The editor sends JSON in `initializationOptions` and `workspace/didChangeConfiguration`:
//! `{"corpus": ["dir"], "severity": {"date": "error", "count": "off"}, "ignoreNames": ["…"]}`,
//! possibly wrapped in a top-level `"factline"` key (VS Code and Neovim send it so). The
//! project's `factline.toml` at the workspace root has the same fields in TOML.
//!
//! Precedence, field by field: editor settings over `factline.toml` over the user config
//! file over the defaults, except for the corpus folders, which follow
//! [`crate::workspace`]: the editor's list, else the user config's, else the workspace
//! file's (only folders inside the workspace), else the workspace's `corpus/` folder, else
//! the sample built in. Severities: each kind the last one set. Ignored names: every list.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde_json::Value;

use crate::config::{Config, SeveritySetting, expand_home};
use crate::finding::Kind;
pub use crate::workspace::CONFIG_FILE_NAME;
use crate::workspace::{CorpusChoice, UserConfig, Workspace, choose_corpus, merge_settings};

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
                    let dirs: Vec<PathBuf> = items.iter().filter_map(Value::as_str).map(PathBuf::from).collect();
                    if dirs.len() != items.len() {
                        problems.push("`corpus` must be a list of folder names".to_string());
                    }
                    settings.corpus = Some(dirs);
                }
                Value::Null => {}
                other => problems.push(format!("`corpus` must be a list of folder names, got {other}")),
            }
        }
        match object.get("severity") {
            Some(Value::Object(entries)) => {
                for (kind_name, level) in entries {
                    let Some(kind) = Kind::parse(kind_name) else {
                        problems.push(format!("`severity`: unknown kind `{kind_name}` (kinds: name, role, place, date, weekday, count)"));
                        continue;
                    };
                    let parsed = level.as_str().map(|text| Value::String(text.to_ascii_lowercase()));
                    match parsed.and_then(|text| serde_json::from_value::<SeveritySetting>(text).ok()) {
                        Some(setting) => {
                            settings.severity.insert(kind, setting);
                        }
                        None => {
                            problems.push(format!("`severity.{kind_name}`: {level} is not one of off, hint, information, warning, error"))
                        }
                    }
                }
            }
            Some(Value::Null) | None => {}
            Some(other) => problems.push(format!("`severity` must be an object such as {{\"date\": \"error\"}}, got {other}")),
        }
        let names = object.get("ignoreNames").or_else(|| object.get("ignore_names"));
        match names {
            Some(Value::Array(items)) => {
                let names: Vec<String> = items.iter().filter_map(Value::as_str).map(str::to_string).collect();
                if names.len() != items.len() {
                    problems.push("`ignoreNames` must be a list of strings".to_string());
                }
                settings.ignore_names = Some(names);
            }
            Some(Value::Null) | None => {}
            Some(other) => problems.push(format!("`ignoreNames` must be a list of strings, got {other}")),
        }
        (settings, problems)
    }
}

/// Merges the user's, the workspace's and the editor's settings into the configuration the
/// engine uses, with the corpus chosen (its `corpus`: the folders, empty for the sample).
pub fn resolve(workspace: Option<&Workspace>, user: Option<&UserConfig>, editor: &EditorSettings) -> (Config, CorpusChoice) {
    let root = workspace.map(|workspace| workspace.root.as_path());
    let editor_folders: Vec<PathBuf> = editor
        .corpus
        .iter()
        .flatten()
        .map(|dir| expand_home(dir))
        .map(|dir| match root {
            Some(root) if dir.is_relative() => root.join(dir),
            _ => dir,
        })
        .collect();
    let choice = choose_corpus(&[], &editor_folders, user, workspace);
    let mut config = merge_settings(user.map(|user| &user.config), workspace.and_then(Workspace::config));
    config.corpus = choice.folders.clone();
    for (kind, setting) in &editor.severity {
        config.severity.insert(*kind, *setting);
    }
    for name in editor.ignore_names.iter().flatten() {
        if !config.is_ignored_name(name) {
            config.ignore_names.push(name.clone());
        }
    }
    (config, choice)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Severity;
    use serde_json::json;

    #[test]
    fn reads_the_documented_shape_bare_and_under_factline() {
        let bare = json!({"corpus": ["sources"], "severity": {"date": "error", "count": "off"}, "ignoreNames": ["Pak"]});
        let wrapped = json!({"factline": bare.clone()});
        for value in [bare, wrapped] {
            let (settings, problems) = EditorSettings::from_json(&value);
            assert!(problems.is_empty(), "{problems:?}");
            assert_eq!(settings.corpus, Some(vec![PathBuf::from("sources")]));
            assert_eq!(settings.severity.get(&Kind::Date), Some(&SeveritySetting::Error));
            assert_eq!(settings.severity.get(&Kind::Count), Some(&SeveritySetting::Off));
            assert_eq!(settings.ignore_names, Some(vec!["Pak".to_string()]));
        }
    }

    #[test]
    fn bad_values_are_reported_and_skipped() {
        let (settings, problems) = EditorSettings::from_json(&json!({"severity": {"date": "loud", "colour": "error"}, "corpus": 3}));
        assert_eq!(settings, EditorSettings::default());
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("loud")));
        assert!(problems.iter().any(|p| p.contains("colour")));
    }

    #[test]
    fn editor_overrides_the_file_field_by_field() {
        let workspace = tempfile::tempdir().unwrap();
        let root = workspace.path().canonicalize().unwrap();
        std::fs::write(
            root.join(CONFIG_FILE_NAME),
            "corpus = [\"file-corpus\"]\nignore_names = [\"Pak\"]\n[severity]\ndate = \"error\"\nname = \"hint\"\n",
        )
        .unwrap();
        let (workspace, problem) = Workspace::open(&root);
        assert!(problem.is_none());
        let (editor, _) = EditorSettings::from_json(&json!({"severity": {"date": "off"}, "ignoreNames": ["Valk", "pak"]}));
        let (config, choice) = resolve(Some(&workspace), None, &editor);
        assert_eq!(config.corpus, vec![root.join("file-corpus")]);
        assert_eq!(choice.origin, crate::workspace::Origin::WorkspaceFile(root.join(CONFIG_FILE_NAME)));
        assert_eq!(config.conflict_severity(Kind::Date), None);
        assert_eq!(config.conflict_severity(Kind::Name), Some(Severity::Hint));
        assert_eq!(config.ignore_names, vec!["Pak".to_string(), "Valk".to_string()]);

        let (editor, _) = EditorSettings::from_json(&json!({"corpus": ["mine", "/abs"]}));
        let (config, choice) = resolve(Some(&workspace), None, &editor);
        assert_eq!(config.corpus, vec![root.join("mine"), PathBuf::from("/abs")]);
        assert_eq!(choice.origin, crate::workspace::Origin::EditorSettings);
    }

    #[test]
    fn default_corpus_is_the_workspace_folder_else_the_built_in_sample() {
        let workspace = tempfile::tempdir().unwrap();
        let root = workspace.path().canonicalize().unwrap();
        let (config, choice) = resolve(Some(&Workspace::open(&root).0), None, &EditorSettings::default());
        assert!(config.corpus.is_empty());
        assert!(choice.is_built_in());
        std::fs::create_dir(root.join("corpus")).unwrap();
        let (config, choice) = resolve(Some(&Workspace::open(&root).0), None, &EditorSettings::default());
        assert_eq!(config.corpus, vec![root.join("corpus")]);
        assert_eq!(choice.origin, crate::workspace::Origin::WorkspaceFolder);
    }
}
