//! The engine: a loaded corpus, its fact base and the settings, ready to check drafts.
//!
//! This is the one entry point the CLI and the server use. Checking is a pure function of
//! the engine and the draft text: no IO, no clock, no global state.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::check;
use crate::config::Config;
use crate::corpus::{Corpus, Document, LoadProblem};
use crate::facts::FactBase;
use crate::finding::{Claim, Finding};

/// A corpus with its facts learned, and the settings to check with.
#[derive(Debug, Default)]
pub struct Engine {
    corpus: Corpus,
    facts: FactBase,
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
        Engine { corpus, facts, config }
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

    /// Checks one draft. `path` names it in findings; `text` is its whole content.
    pub fn check(&self, path: &Path, text: &str) -> Report {
        let (draft, _front_matter_problem) = Document::parse(path.to_path_buf(), text.to_string());
        check::check_draft(&self.facts, &self.config, &draft)
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
