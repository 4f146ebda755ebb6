//! In-process benchmarks of the engine (divan): checking the 2,000-word synthetic draft
//! against corpora of several sizes, learning a corpus, and the index cache.
//!
//! ```sh
//! cargo bench --bench engine                 # all
//! cargo bench --bench engine -- check        # filter by name
//! ```
//! Corpora come from `factline::synth` (seed 42), built in memory: no files needed.

use std::path::Path;
use std::sync::OnceLock;

use divan::counter::BytesCount;
use factline::synth::World;
use factline::{Config, Corpus, Engine};

fn main() {
    divan::main();
}

fn corpus(articles: usize) -> Corpus {
    let world = World::new(42);
    Corpus::from_texts((0..articles).map(|k| world.article(k))).0
}

fn draft() -> &'static str {
    static DRAFT: OnceLock<String> = OnceLock::new();
    DRAFT.get_or_init(|| World::new(42).draft(2000))
}

fn engine(articles: usize) -> &'static Engine {
    static ENGINES: OnceLock<std::sync::Mutex<Vec<(usize, &'static Engine)>>> = OnceLock::new();
    let engines = ENGINES.get_or_init(Default::default);
    let mut engines = engines.lock().expect("engines");
    if let Some((_, engine)) = engines.iter().find(|(n, _)| *n == articles) {
        return engine;
    }
    let engine: &'static Engine = Box::leak(Box::new(Engine::new(corpus(articles), Config::default())));
    engines.push((articles, engine));
    engine
}

/// One check of the 2,000-word draft (what every keystroke costs the server).
#[divan::bench(args = [5, 1000, 3000, 10000], sample_count = 20)]
fn check_draft(bencher: divan::Bencher, articles: usize) {
    let engine = engine(articles);
    let text = draft();
    bencher.bench(|| engine.check(Path::new("draft.md"), divan::black_box(text)));
}

/// Learning a corpus of 200 articles (throughput in bytes of article text).
#[divan::bench(sample_count = 5)]
fn learn_corpus(bencher: divan::Bencher) {
    let corpus = corpus(200);
    let bytes: usize = corpus.documents.iter().map(|d| d.text.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| Engine::new(corpus.clone(), Config::default()));
}
