//! The engine: a loaded corpus, its fact base and the settings, ready to check drafts.
//!
//! This is the one entry point the CLI and the server use. Checking is a pure function of
//! the engine and the draft text: no IO, no clock, no global state.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::civil::Date;

use crate::annotate::sentences::split_sentences;
use crate::cache::{self, IndexCache, Lookup};
use crate::check;
use crate::config::Config;
use crate::corpus::{Corpus, Document, LoadProblem};
use crate::facts::FactBase;
use crate::finding::{Claim, Finding, Kind, Severity, Verdict};
use crate::markdown;

/// The most of a draft that is checked. Past it, the draft is cut off with a
/// `check-truncated` note: 256 KiB is some 40,000 words, ten times a long feature.
pub const MAX_CHECKED_BYTES: usize = 256 * 1024;

/// The most of one sentence that is checked: the checks compare the mentions of a sentence
/// with each other, so their work grows with its square. 8 KiB is some 1,300 words; news
/// sentences are under 100. The rest of a longer one is blanked with a `check-truncated` note.
pub const MAX_SENTENCE_BYTES: usize = 8 * 1024;

/// A corpus with its facts learned, and the settings to check with. Cloning is cheap:
/// corpus and facts are shared, so new settings never mean learning the corpus again.
#[derive(Clone, Debug, Default)]
pub struct Engine {
    corpus: Arc<Corpus>,
    facts: Arc<FactBase>,
    config: Config,
}

/// What [`Engine::check_with_memo`] keeps between checks of one draft. Tied to the fact
/// base it was made with (held weakly: the memo keeps no corpus alive).
#[derive(Debug, Default)]
pub struct CheckMemo {
    facts: std::sync::Weak<FactBase>,
    draft: check::DraftMemo,
}

impl CheckMemo {
    /// Paragraphs analysed and paragraphs reused, over the memo's life with its fact base.
    pub fn blocks(&self) -> (usize, usize) {
        (self.draft.blocks.analysed, self.draft.blocks.reused)
    }
}

/// How a load used the index cache.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CacheStatus {
    /// No cache configured.
    Off,
    /// Facts taken from an entry for exactly these files.
    Fresh,
    /// Facts taken from an entry for other contents of these folders (the caller asked
    /// for it): learn again in the background.
    Stale,
    /// No entry: the corpus was learned.
    Missing,
    /// An entry was ignored (why, for the log); the corpus was learned.
    Rejected(String),
}

/// An engine loaded through the index cache.
#[derive(Debug)]
pub struct Loaded {
    pub engine: Engine,
    pub problems: Vec<LoadProblem>,
    pub cache: CacheStatus,
    /// The corpus key taken before reading: what to store the learned facts under.
    pub corpus_key: u128,
}

impl Loaded {
    /// Whether the facts were learned now (so worth saving in the cache).
    pub fn learned(&self) -> bool {
        matches!(self.cache, CacheStatus::Missing | CacheStatus::Rejected(_))
    }
}

/// What a check of one draft found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    /// Conflicts and notes, in text order.
    pub findings: Vec<Finding>,
    /// Every recognised claim with its verdict (for hover), in text order.
    pub claims: Vec<Claim>,
    /// The draft's own date (front matter `published:` or a date line), when it has one.
    pub draft_date: Option<Date>,
}

impl Loaded {
    fn from_cache(mut cached: cache::Cached, roots: &[PathBuf], config: Config, status: CacheStatus, corpus_key: u128) -> Loaded {
        cached.corpus.roots = roots.to_vec();
        let engine = Engine { corpus: Arc::new(cached.corpus), facts: Arc::new(cached.facts), config };
        Loaded { engine, problems: cached.problems, cache: status, corpus_key }
    }
}

impl Engine {
    /// Learns the facts of a corpus.
    pub fn new(corpus: Corpus, config: Config) -> Engine {
        let facts = FactBase::build(&corpus);
        Engine { corpus: Arc::new(corpus), facts: Arc::new(facts), config }
    }

    /// Loads the corpus folders and learns their facts. Problems name each file that
    /// could not be used; everything else is loaded.
    /// An article learned only in part (see [`crate::facts::MAX_LEARNED_DATES`]) is one too.
    pub fn load(roots: &[PathBuf], config: Config) -> (Engine, Vec<LoadProblem>) {
        let (corpus, mut problems) = Corpus::load(roots);
        let (facts, cuts) = FactBase::build_noting_cuts(&corpus);
        problems.extend(cuts);
        (Engine { corpus: Arc::new(corpus), facts: Arc::new(facts), config }, problems)
    }

    /// Loads the corpus folders, or the sample built into the binary when there are none.
    pub fn load_or_sample(roots: &[PathBuf], config: Config) -> (Engine, Vec<LoadProblem>) {
        if roots.is_empty() {
            let (corpus, problems) = Corpus::built_in();
            return (Engine::new(corpus, config), problems);
        }
        Engine::load(roots, config)
    }

    /// Loads the corpus folders through the index cache: an entry for exactly these files
    /// is used as it is; with `accept_stale`, so is an entry for older contents (the caller
    /// then learns again in the background). Otherwise the corpus is learned; saving it is
    /// the caller's to do ([`Engine::save_to_cache`]), off the path to first diagnostics.
    pub fn load_cached(roots: &[PathBuf], config: Config, cache: &IndexCache, accept_stale: bool) -> Loaded {
        if cache.is_enabled() {
            warm_up_in_background();
        }
        // The key is taken (a `stat` of every file) while the cache entry is read, and in
        // any case before the corpus files are.
        let (lookup, corpus_key) =
            if cache.is_enabled() { cache.lookup_keyed(roots, || cache::corpus_key(roots)) } else { (Lookup::Missing, 0) };
        let status = match lookup {
            Lookup::Fresh(cached) => return Loaded::from_cache(cached, roots, config, CacheStatus::Fresh, corpus_key),
            Lookup::Stale(cached) if accept_stale => return Loaded::from_cache(cached, roots, config, CacheStatus::Stale, corpus_key),
            Lookup::Stale(_) | Lookup::Missing => CacheStatus::Missing,
            Lookup::Rejected(reason) => CacheStatus::Rejected(reason),
        };
        let status = if cache.is_enabled() { status } else { CacheStatus::Off };
        let (engine, problems) = Engine::load(roots, config);
        Loaded { engine, problems, cache: status, corpus_key }
    }

    /// Saves the corpus and facts in the index cache under `corpus_key`.
    pub fn save_to_cache(&self, cache: &IndexCache, corpus_key: u128, problems: &[LoadProblem]) -> Result<PathBuf, String> {
        cache.store(&self.corpus.roots, corpus_key, &self.corpus, &self.facts, problems)
    }

    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    pub fn facts(&self) -> &FactBase {
        &self.facts
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Replaces the settings; the facts stay (they do not depend on settings).
    pub fn set_config(&mut self, config: Config) {
        self.config = config;
    }

    /// The same corpus and facts with other settings.
    pub fn with_config(&self, config: Config) -> Engine {
        Engine { corpus: Arc::clone(&self.corpus), facts: Arc::clone(&self.facts), config }
    }

    /// Checks one draft. `path` names it in findings; `text` is its whole content.
    ///
    /// The work is bounded ([`MAX_CHECKED_BYTES`], [`MAX_SENTENCE_BYTES`]): what is past a
    /// limit is not checked and a `check-truncated` information finding says where.
    pub fn check(&self, path: &Path, text: &str) -> Report {
        self.check_draft(path, text, None)
    }

    /// [`Engine::check`] for a draft checked again and again as it is written (the server,
    /// on every change): `memo` keeps what the last check of this draft learned, so that
    /// only what changed is analysed again. The report is the same as [`Engine::check`]'s.
    /// A memo made with another fact base (the corpus was learned again) is emptied first.
    pub fn check_with_memo(&self, path: &Path, text: &str, memo: &mut CheckMemo) -> Report {
        if !memo.facts.ptr_eq(&Arc::downgrade(&self.facts)) {
            *memo = CheckMemo { facts: Arc::downgrade(&self.facts), draft: check::DraftMemo::default() };
        }
        self.check_draft(path, text, Some(&mut memo.draft))
    }

    fn check_draft(&self, path: &Path, text: &str, memo: Option<&mut check::DraftMemo>) -> Report {
        // A lone `\r` ends a line as `\n` does: read as one, byte for byte, so that a draft
        // with old Mac line ends is split into the same lines, sentences and paragraphs as
        // its twin with `\n`, at the same offsets.
        let original = text;
        let unified = unify_line_ends(text);
        let text = unified.as_deref().unwrap_or(text);
        let (draft, cut) = within_limits(path, text);
        let mut report = check::check_draft(&self.facts, &self.config, &draft, memo);
        for (range, message) in cut {
            let at = report.findings.partition_point(|finding| finding.range.start <= range.start);
            let finding = Finding {
                kind: Kind::Limit,
                code: "check-truncated",
                severity: Severity::Information,
                text: text[range.clone()].to_string(),
                range,
                message,
                verdict: Verdict::NoSource,
                evidence: Vec::new(),
                fixes: Vec::new(),
            };
            report.findings.insert(at, finding);
        }
        // What a finding or claim quotes is the draft as written, its lone `\r` kept.
        if unified.is_some() {
            for finding in &mut report.findings {
                finding.text = original.get(finding.range.clone()).unwrap_or_default().to_string();
            }
            for claim in &mut report.claims {
                claim.text = original.get(claim.range.clone()).unwrap_or_default().to_string();
            }
        }
        report
    }

    /// What the engine reads in a draft (people, events, counts, quantities), for
    /// `factline annotate`: the first thing to look at when a finding is missing.
    pub fn annotate(&self, path: &Path, text: &str) -> String {
        let (draft, _) = Document::parse(path.to_path_buf(), text.to_string());
        check::describe_draft(&self.facts, &draft)
    }

    /// What was learned, as Markdown: people and spellings, titles, events, undated
    /// articles, disagreements between sources.
    pub fn corpus_report(&self) -> String {
        self.facts.report(&self.corpus)
    }
}

/// A short draft that goes through every analysis step (names, titles, dates, counts,
/// quotations), so that the patterns they compile on first use are compiled by it.
const WARM_UP_DRAFT: &str = "Published: 3 May 2019\n\nForeign Minister Anna Berg met President Kim Lee in Geneva on \
    Thursday, May 2, 2019, officials said. \"We had useful talks,\" Berg told reporters. About 1,200 delegates \
    attended the second summit, and the two have met three times since.\n";

/// Compiles, on a thread of its own, what the first check of a draft would otherwise
/// compile (the annotators' lazily built regexes: ~30 ms at 10k articles, a third of the
/// first check) while the index cache is read. Once per process; the result is dropped.
fn warm_up_in_background() {
    static STARTED: std::sync::Once = std::sync::Once::new();
    STARTED.call_once(|| {
        let _ = std::thread::Builder::new().name("factline-warm-up".into()).spawn(|| {
            let _ = Engine::default().check(Path::new("warm-up.md"), WARM_UP_DRAFT);
        });
    });
}

/// The draft as far as it is checked: cut at [`MAX_CHECKED_BYTES`], and each sentence (of
/// the prose the checks read) blanked past [`MAX_SENTENCE_BYTES`] (spaces; line breaks
/// kept, so offsets and lines hold). Returns it with the ranges of `text` left unchecked
/// (each the rest of its line, at least one character) and what to say about them.
fn within_limits(path: &Path, text: &str) -> (Document, Vec<(Range<usize>, String)>) {
    let end = text.floor_char_boundary(MAX_CHECKED_BYTES);
    let (mut draft, _front_matter_problem) = Document::parse(path.to_path_buf(), text[..end].to_string());
    let mut cut = Vec::new();
    let body = draft.body.clone();
    // No sentence runs across a blank line: with no longer stretch between two, none is too
    // long, and the prose need not be masked and split here (it is, once, to be analysed).
    let blank: Vec<Range<usize>> = if longest_between_blank_lines(&draft.text[body.clone()]) <= MAX_SENTENCE_BYTES {
        Vec::new()
    } else {
        let prose = markdown::mask(&draft.text, body.start);
        let long = split_sentences(&prose[body.clone()]).into_iter().filter(|sentence| sentence.len() > MAX_SENTENCE_BYTES);
        long.map(|sentence| draft.text.floor_char_boundary(body.start + sentence.start + MAX_SENTENCE_BYTES)..body.start + sentence.end)
            .collect()
    };
    if !blank.is_empty() {
        let mut bytes = draft.text.as_bytes().to_vec();
        for range in &blank {
            cut.push((
                unchecked_span(text, range.start),
                format!("Not checked from here: the sentence is longer than {MAX_SENTENCE_BYTES} bytes, the most factline checks in one."),
            ));
            for byte in &mut bytes[range.clone()] {
                if *byte != b'\n' && *byte != b'\r' {
                    *byte = b' ';
                }
            }
        }
        // Whole characters were blanked (ranges on char boundaries), so this is still UTF-8.
        draft.text = String::from_utf8(bytes).unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned()).into();
    }
    if end < text.len() {
        cut.push((
            unchecked_span(text, end),
            format!("Not checked from here: the draft is longer than {MAX_CHECKED_BYTES} bytes, the most factline checks."),
        ));
    }
    (draft, cut)
}

/// `text` with every lone `\r` (not followed by `\n`) made a `\n`; `None` when it has none.
/// One byte for another: every offset stays the same.
pub fn unify_line_ends(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let lone_cr = |at: usize| bytes[at] == b'\r' && bytes.get(at + 1) != Some(&b'\n');
    if !(0..bytes.len()).any(lone_cr) {
        return None;
    }
    let unified: Vec<u8> = (0..bytes.len()).map(|at| if lone_cr(at) { b'\n' } else { bytes[at] }).collect();
    // ASCII replaced by ASCII: still UTF-8.
    String::from_utf8(unified).ok()
}

/// The length of the longest stretch of `text` between line breaks followed by a blank
/// line ("\n\n", "\n\r\n"): the sentence splitter always ends a sentence there.
fn longest_between_blank_lines(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut longest = 0;
    let mut start = 0;
    for (at, _) in text.match_indices('\n') {
        let rest = &bytes[at + 1..];
        if rest.starts_with(b"\n") || rest.starts_with(b"\r\n") {
            longest = longest.max(at - start);
            start = at + 1;
        }
    }
    longest.max(text.len() - start)
}

/// The rest of the line from `from`, and at least one character (none at the very end).
fn unchecked_span(text: &str, from: usize) -> Range<usize> {
    let line_end = text[from..].find(['\r', '\n']).map_or(text.len(), |at| from + at);
    let one_char = text[from..].chars().next().map_or(from, |ch| from + ch.len_utf8());
    from..line_end.max(one_char)
}
