//! Findings and citations: the plain data the checker hands to the CLI and the server.
//!
//! Everything here is in "editor terms" but free of any protocol: ranges are byte
//! offsets into the draft text, paths are file-system paths, dates are calendar dates.

use std::fmt;
use std::ops::Range;
use std::path::PathBuf;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::facts::CiteRef;

/// What sort of claim a finding is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Name,
    Role,
    Place,
    Date,
    Weekday,
    Count,
    /// Not a claim: the checker's own limits (`check-truncated`). Not in [`Kind::ALL`], not
    /// configurable, not silenced by ignore comments.
    #[serde(skip_deserializing)]
    Limit,
}

impl Kind {
    pub const ALL: [Kind; 6] = [Kind::Name, Kind::Role, Kind::Place, Kind::Date, Kind::Weekday, Kind::Count];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Name => "name",
            Kind::Role => "role",
            Kind::Place => "place",
            Kind::Date => "date",
            Kind::Weekday => "weekday",
            Kind::Count => "count",
            Kind::Limit => "limit",
        }
    }

    pub fn parse(text: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.as_str().eq_ignore_ascii_case(text.trim()))
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How loudly a finding is reported. Ordered from quietest to loudest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Hint,
    Information,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Hint => "hint",
            Severity::Information => "information",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the corpus says about one claim of the draft.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// The sources agree with the draft.
    Supported,
    /// The sources say something else.
    Contradicted,
    /// The sources disagree among themselves, or the draft follows a minority of them.
    Disputed,
    /// No source speaks to the claim.
    NoSource,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Supported => "supported",
            Verdict::Contradicted => "contradicted",
            Verdict::Disputed => "disputed",
            Verdict::NoSource => "no source",
        }
    }
}

/// A passage of a corpus article that backs a fact.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Citation {
    /// Full path of the corpus file.
    pub path: PathBuf,
    /// The file name alone, as printed and as written in JSON.
    pub file_name: String,
    /// 1-based line of the start of the quote.
    pub line: usize,
    /// 1-based line of the end of the quote.
    pub end_line: usize,
    /// Byte range of the quote in the corpus file.
    pub range: Range<usize>,
    /// The quoted text, exactly as it stands in the file.
    pub quote: String,
    /// The outlet that published the article, when known.
    pub outlet: Option<String>,
    /// The article's publication date, when known.
    pub published: Option<Date>,
}

/// One recognised claim of the draft (a name, title, place, date or count) and
/// what the corpus says about it. Every finding has a claim; most claims have no finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    pub kind: Kind,
    /// Byte range in the draft.
    pub range: Range<usize>,
    pub text: String,
    pub verdict: Verdict,
    /// One line on what the sources say, for hover.
    pub summary: String,
    /// The passages behind the verdict, as references into the fact base the draft was
    /// checked with (`FactBase::cite` makes them full citations). A draft has hundreds of
    /// claims and a hover shows one: citations are only made when shown.
    pub evidence: Vec<CiteRef>,
}

/// A conflict (or a note) raised on the draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub kind: Kind,
    /// Stable code named after the problem, e.g. `date-conflict`.
    pub code: &'static str,
    pub severity: Severity,
    /// Byte range in the draft.
    pub range: Range<usize>,
    /// The draft text under the range.
    pub text: String,
    /// States both values: what the draft says and what the sources say.
    pub message: String,
    pub verdict: Verdict,
    /// Source passages, best first. Every conflict with the corpus has at least one.
    pub evidence: Vec<Citation>,
    /// Replacement texts for the range, one per distinct sourced value, best first.
    pub fixes: Vec<String>,
}

/// The project's repository (from `Cargo.toml`).
pub const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");

/// Where a finding code is documented: its anchor in `docs/codes.md`.
pub fn code_docs_url(code: &str) -> String {
    format!("{}/blob/main/docs/codes.md#{code}", REPOSITORY.trim_end_matches('/'))
}

/// Every finding code, with a one-line description; the docs of each live in `docs/codes.md`.
pub const CODES: &[(&str, &str)] = &[
    ("name-misspelled", "a name spelled in a way no source uses, close to one they use"),
    ("name-variant", "a spelling that only a minority of the sources use"),
    ("name-inconsistent", "two spellings of one person inside the draft"),
    ("role-conflict", "a title attached to a person the sources give another title"),
    ("place-conflict", "an event put somewhere the sources do not put it"),
    ("date-conflict", "an event dated differently from the sources"),
    ("date-disputed", "the sources disagree on the date of this event"),
    ("weekday-mismatch", "a weekday that does not fall on the date it is given with"),
    ("count-conflict", "a count or number that differs from the sources"),
    ("count-updated", "a figure that earlier sources give and later sources update"),
    ("count-provisional", "a figure given as a count still coming in that the sources give otherwise"),
    ("count-disputed", "a figure the sources give two other ways under the same words"),
    ("check-truncated", "the draft (or a sentence) is past the size factline checks; the rest is not checked"),
];
