//! The engine: a loaded corpus, its fact base and the settings, ready to check drafts.
//!
//! This is the one entry point the CLI and the server use. Checking is a pure function of
//! the engine and the draft text: no IO, no clock, no global state.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::civil::Date;

use crate::annotate::sentences::split_sentences;
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

impl Engine {
    /// Learns the facts of a corpus.
    pub fn new(corpus: Corpus, config: Config) -> Engine {
        let facts = FactBase::build(&corpus);
        Engine { corpus: Arc::new(corpus), facts: Arc::new(facts), config }
    }

    /// Loads the corpus folders and learns their facts. Problems name each file that
    /// could not be used; everything else is loaded.
    pub fn load(roots: &[PathBuf], config: Config) -> (Engine, Vec<LoadProblem>) {
        let (corpus, problems) = Corpus::load(roots);
        (Engine::new(corpus, config), problems)
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
        let (draft, cut) = within_limits(path, text);
        let mut report = check::check_draft(&self.facts, &self.config, &draft);
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

/// The draft as far as it is checked: cut at [`MAX_CHECKED_BYTES`], and each sentence (of
/// the prose the checks read) blanked past [`MAX_SENTENCE_BYTES`] (spaces; line breaks
/// kept, so offsets and lines hold). Returns it with the ranges of `text` left unchecked
/// (each the rest of its line, at least one character) and what to say about them.
fn within_limits(path: &Path, text: &str) -> (Document, Vec<(Range<usize>, String)>) {
    let end = floor_char_boundary(text, MAX_CHECKED_BYTES);
    let (mut draft, _front_matter_problem) = Document::parse(path.to_path_buf(), text[..end].to_string());
    let mut cut = Vec::new();
    let body = draft.body.clone();
    let prose = markdown::mask(&draft.text, body.start);
    let long = split_sentences(&prose[body.clone()]).into_iter().filter(|sentence| sentence.len() > MAX_SENTENCE_BYTES);
    let blank: Vec<Range<usize>> = long
        .map(|sentence| floor_char_boundary(&draft.text, body.start + sentence.start + MAX_SENTENCE_BYTES)..body.start + sentence.end)
        .collect();
    if !blank.is_empty() {
        let mut bytes = std::mem::take(&mut draft.text).into_bytes();
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
        draft.text = String::from_utf8(bytes).unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned());
    }
    if end < text.len() {
        cut.push((
            unchecked_span(text, end),
            format!("Not checked from here: the draft is longer than {MAX_CHECKED_BYTES} bytes, the most factline checks."),
        ));
    }
    (draft, cut)
}

/// The rest of the line from `from`, and at least one character (none at the very end).
fn unchecked_span(text: &str, from: usize) -> Range<usize> {
    let line_end = text[from..].find(['\r', '\n']).map_or(text.len(), |at| from + at);
    let one_char = text[from..].chars().next().map_or(from, |ch| from + ch.len_utf8());
    from..line_end.max(one_char)
}

fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}
