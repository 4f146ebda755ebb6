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

/// One check of the 2,000-word draft from scratch (the first check of an opened draft, and
/// what the CLI does).
#[divan::bench(args = [5, 1000, 3000, 10000], sample_count = 20)]
fn check_draft(bencher: divan::Bencher, articles: usize) {
    let engine = engine(articles);
    let text = draft();
    bencher.bench(|| engine.check(Path::new("draft.md"), divan::black_box(text)));
}

/// One keystroke's check as the server makes it: a character typed into the draft, checked
/// with the memo of the last check (`Engine::check_with_memo`). Each sample types at
/// another place, as a writer moves about the draft.
#[divan::bench(args = [5, 1000, 3000, 10000], sample_count = 50)]
fn check_keystroke(bencher: divan::Bencher, articles: usize) {
    let engine = engine(articles);
    let mut memo = factline::CheckMemo::default();
    let mut text = draft().to_string();
    engine.check_with_memo(Path::new("draft.md"), &text, &mut memo);
    let places: Vec<usize> = text.match_indices(' ').map(|(at, _)| at).step_by(97).collect();
    let mut next = 0;
    bencher.bench_local(move || {
        let at = places[next % places.len()] + next / places.len() % 2;
        next += 1;
        text.insert(at, 'x');
        let report = engine.check_with_memo(Path::new("draft.md"), divan::black_box(&text), &mut memo);
        text.remove(at);
        report
    });
}

/// Learning a corpus of 200 articles (throughput in bytes of article text).
#[divan::bench(sample_count = 5)]
fn learn_corpus(bencher: divan::Bencher) {
    let corpus = corpus(200);
    let bytes: usize = corpus.documents.iter().map(|d| d.text.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| Engine::new(corpus.clone(), Config::default()));
}
