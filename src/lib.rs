//! factline checks a news draft against a corpus of sourced articles and reports every
//! name, title, place, date or count that the sources contradict, with the quotes.
//!
//! # Overview
//!
//! The core is a pipeline of plain functions over plain data:
//!
//! 1. [`corpus`] loads articles (front matter, publication date).
//! 2. [`annotate`] finds sentences, names and titles, dates and counts, the same way
//!    for corpus and draft.
//! 3. [`facts`] merges what the corpus says into a fact base where every fact keeps
//!    its citations.
//! 4. [`check`] matches the draft's claims to the facts and raises findings.
//!
//! [`engine::Engine`] ties them together. The CLI ([`cli`]) and the language server
//! ([`server`]) only convert to and from their formats; the core never sees LSP types,
//! JSON or an async runtime (a test in `tests/architecture.rs` keeps it so).
//!
//! # Glossary
//!
//! - **corpus**: the sourced articles the draft is checked against.
//! - **draft**: the text being written and checked.
//! - **mention**: a span of text recognised as a name, title, date or count.
//! - **claim**: what the draft asserts with a mention (this person holds that title,
//!   this event happened on that day, they met this many times).
//! - **fact**: what the corpus asserts, merged across sources, with its citations.
//! - **evidence** / **citation**: a quoted corpus passage behind a fact.
//! - **finding**: a conflict (or a note) the checker raises on a claim.

// Lists of one range are meant: a text given as a single sentence, a single blanked span.
#![allow(clippy::single_range_in_vec_init)]

pub mod annotate;
pub mod cache;
pub mod check;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod engine;
pub mod facts;
pub mod finding;
pub mod markdown;
mod memo;
pub mod server;
#[doc(hidden)]
pub mod synth;
pub mod workspace;

pub use config::Config;
pub use corpus::{Corpus, Document, LoadProblem};
pub use engine::{CheckMemo, Engine, Report};
pub use finding::{Citation, Claim, Finding, Kind, Severity, Verdict};

/// 1-based line and column (in characters) of a byte offset; shared by every text output.
pub fn cli_position(text: &str, offset: usize) -> (usize, usize) {
    cli::line_column(text, offset)
}
