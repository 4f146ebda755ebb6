//! Invariants of the code base that the compiler does not check.

mod common;

use std::path::{Path, PathBuf};

/// The library core: loading, annotation, facts, checks. None of it may know LSP, an
/// async runtime or JSON; the CLI and the server convert.
const CORE: &[&str] = &[
    "src/annotate",
    "src/check",
    "src/facts",
    "src/corpus.rs",
    "src/engine.rs",
    "src/finding.rs",
    "src/config.rs",
    "src/workspace.rs",
    "src/markdown.rs",
    "src/memo.rs",
];
const FORBIDDEN: &[&str] = &["tower_lsp", "ls_types", "lsp_types", "tokio", "serde_json", "dashmap", "async fn", ".await"];

fn rust_files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> =
            std::fs::read_dir(path).expect("readable folder").filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for entry in entries {
            rust_files(&entry, out);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_path_buf());
    }
}

#[test]
fn the_core_knows_nothing_of_lsp_tokio_or_json() {
    let root = common::project_dir();
    let mut files = Vec::new();
    for part in CORE {
        rust_files(&root.join(part), &mut files);
    }
    assert!(files.len() >= 10, "found the core files: {files:?}");
    let mut offences = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("readable source");
        for (number, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for word in FORBIDDEN {
                if code.contains(word) {
                    offences.push(format!("{}:{}: {word}", file.display(), number + 1));
                }
            }
        }
    }
    assert!(offences.is_empty(), "the core must not use these:\n{}", offences.join("\n"));
}

#[test]
fn every_module_opens_with_its_documentation() {
    let mut files = Vec::new();
    rust_files(&common::project_dir().join("src"), &mut files);
    let undocumented: Vec<String> = files
        .iter()
        .filter(|file| !std::fs::read_to_string(file).expect("readable source").trim_start().starts_with("//!"))
        .map(|file| file.display().to_string())
        .collect();
    assert!(undocumented.is_empty(), "modules without a `//!` opening: {undocumented:?}");
}
