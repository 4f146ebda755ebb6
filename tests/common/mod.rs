//! Helpers shared by the integration tests: corpora, engines, positions.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use factline::{Config, Corpus, Engine};

pub fn project_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The corpus a fixture folder is checked against: `seed` is the shipped corpus, any
/// other name `tests/fixtures/<name>-corpus`.
pub fn corpus_dir(name: &str) -> PathBuf {
    match name {
        "seed" => project_dir().join("corpus"),
        other => project_dir().join("tests/fixtures").join(format!("{other}-corpus")),
    }
}

pub fn engine(name: &str) -> Engine {
    let (engine, problems) = Engine::load(&[corpus_dir(name)], Config::default());
    assert!(problems.is_empty(), "corpus {name} loads cleanly: {problems:?}");
    assert!(!engine.corpus().documents.is_empty(), "corpus {name} has articles");
    engine
}

/// An engine over articles given as (path, text), which must load cleanly.
pub fn engine_from_texts(articles: &[(&str, &str)]) -> Engine {
    let (corpus, problems) = Corpus::from_texts(articles.iter().map(|(path, text)| (*path, *text)));
    assert!(problems.is_empty(), "{problems:?}");
    Engine::new(corpus, Config::default())
}

/// The `.md` files of a folder, sorted.
pub fn drafts(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "md"))
        .collect();
    found.sort();
    found
}

/// 0-based character column of a byte offset within its line, and the 1-based line.
pub fn line_and_char(text: &str, offset: usize) -> (usize, usize) {
    let (line, column) = factline::cli_position(text, offset);
    (line, column - 1)
}
