//! Corpus loading: a folder of `.txt` / `.md` articles, each with optional front matter.
//!
//! Loading never stops at a bad file: every problem is recorded as a [`LoadProblem`]
//! naming the file, and everything else loads. The only IO in the core lives here.

use std::collections::HashSet;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::annotate::boilerplate::{Reading, blank, furniture};
use crate::annotate::dates::{DateAnchor, DateForm, DateValue, find_dates};
use crate::annotate::outlet::{OutletSource, find_outlet};
use crate::annotate::sentences::split_sentences;

/// Files larger than this are skipped with a problem: no news article is this long.
pub const MAX_ARTICLE_BYTES: u64 = 16 * 1024 * 1024;

/// The metadata an article may carry in front matter; an outlet may also be read from its
/// text (`outlet_from` says where).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    #[serde(alias = "date")]
    pub published: Option<String>,
    /// Where `outlet` came from: the front matter, or a credit, byline, masthead or
    /// copyright line of the text ([`find_outlet`]).
    pub outlet_from: Option<OutletSource>,
}

/// Where a document's publication date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DateSource {
    FrontMatter,
    /// A labelled line such as `Published: 14 Mar. 2024, 09:41` or `date 2024-03-14`.
    DateLine,
    /// "today, Thursday, March 14, 2024" in the running text.
    Today,
}

/// One article (or draft), its text and what is known about it.
#[derive(Clone, Debug)]
pub struct Document {
    pub path: PathBuf,
    pub file_name: String,
    /// The whole file text (shared with the fact base's sources: one copy in memory). In a
    /// loaded corpus, page furniture is blanked to spaces (byte for byte, lines kept).
    pub text: Arc<str>,
    /// The byte range after the front matter.
    pub body: Range<usize>,
    pub meta: FrontMatter,
    pub published: Option<Date>,
    pub published_from: Option<DateSource>,
}

/// A file that could not be used (or used only in part), and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoadProblem {
    pub path: PathBuf,
    pub message: String,
}

impl std::fmt::Display for LoadProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

/// The loaded articles.
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
    /// The folders it was loaded from.
    pub roots: Vec<PathBuf>,
}

impl Corpus {
    /// Loads every `.txt` and `.md` file below `roots` (recursively, in path order).
    /// Links are followed only when they stay inside a root (any of them: to follow a link
    /// elsewhere, add its target's folder to the corpus); each file is read once; nothing is
    /// ever written. Every file that cannot be used is named once in the problems, and the
    /// rest loads.
    pub fn load(roots: &[PathBuf]) -> (Corpus, Vec<LoadProblem>) {
        Corpus::load_with(roots, |_| {})
    }

    /// [`Corpus::load`], calling `before_read` with each file's path just before it is read:
    /// a seam for tests that inject faults (a file deleted or replaced while the corpus loads).
    pub fn load_with(roots: &[PathBuf], mut before_read: impl FnMut(&Path)) -> (Corpus, Vec<LoadProblem>) {
        let mut problems = Vec::new();
        let mut paths = Vec::new();
        let mut seen = HashSet::new();
        let canonical_roots: Vec<PathBuf> = roots.iter().filter_map(|root| root.canonicalize().ok()).collect();
        for root in roots {
            match root.canonicalize() {
                Ok(canonical) if canonical.is_dir() => {
                    if seen.insert(canonical.clone()) {
                        collect_files(&canonical_roots, &canonical, &mut paths, &mut seen, &mut problems);
                    }
                }
                Ok(canonical) if is_article(&canonical) => {
                    if seen.insert(canonical.clone()) {
                        paths.push(canonical);
                    }
                }
                Ok(_) => problems.push(LoadProblem { path: root.clone(), message: "not a folder or a .txt/.md file".into() }),
                Err(error) => problems.push(LoadProblem { path: root.clone(), message: format!("cannot open corpus folder: {error}") }),
            }
        }
        let mut documents = Vec::with_capacity(paths.len());
        for path in paths {
            before_read(&path);
            match read_article(&path) {
                Ok(text) => {
                    let (document, problem) = Document::parse(path, text);
                    problems.extend(problem);
                    documents.push(document);
                }
                Err(message) => problems.push(LoadProblem { path, message }),
            }
        }
        // One problem per file: the first found says what made it unusable.
        let mut named = HashSet::new();
        problems.retain(|problem| named.insert(problem.path.clone()));
        // Files that could not be read left room unused.
        documents.shrink_to_fit();
        let mut corpus = Corpus { documents, roots: roots.to_vec() };
        corpus.prepare();
        (corpus, problems)
    }

    /// Builds a corpus from texts already in memory (tests, benchmarks, editors' unsaved buffers).
    pub fn from_texts<I, P, T>(texts: I) -> (Corpus, Vec<LoadProblem>)
    where
        I: IntoIterator<Item = (P, T)>,
        P: Into<PathBuf>,
        T: Into<String>,
    {
        let mut problems = Vec::new();
        let documents = texts
            .into_iter()
            .map(|(path, text)| {
                let (document, problem) = Document::parse(path.into(), text.into());
                problems.extend(problem);
                document
            })
            .collect();
        let mut corpus = Corpus { documents, roots: Vec::new() };
        corpus.prepare();
        (corpus, problems)
    }

    /// What every loaded corpus goes through once its articles are parsed: articles dated
    /// only by a dateline with no year ("BRENNICK, May 14 (Wire) -") take the year most
    /// of the others were published in, and page furniture (menus, captions, credits,
    /// related-story boxes, repeated paragraphs) is blanked out of every text, so that
    /// nothing is learned from it. Blanking keeps every offset and line, and no sentence
    /// reaches into a blanked line, so every quote is still the file's own text.
    fn prepare(&mut self) {
        let mut years: std::collections::BTreeMap<i16, usize> = std::collections::BTreeMap::new();
        for date in self.documents.iter().filter_map(|document| document.published) {
            *years.entry(date.year()).or_default() += 1;
        }
        let usual_year = years.iter().max_by_key(|(year, count)| (**count, **year)).map(|(year, _)| *year);
        for document in &mut self.documents {
            // Before the blanking: mastheads, bylines and footers are furniture.
            if document.meta.outlet.is_none()
                && let Some((outlet, from)) = find_outlet(document.body_text())
            {
                document.meta.outlet = Some(outlet);
                document.meta.outlet_from = Some(from);
            }
            let furniture = furniture(&document.text, document.body.clone(), Reading::Corpus);
            if !furniture.is_empty() {
                document.text = blank(&document.text, &furniture).into();
            }
            // After the blanking: a caption's "CITY, STATE - MONTH DAY:" is no dateline.
            if document.published.is_none()
                && let Some(year) = usual_year
                && let Some(date) = dateline_date(document.body_text(), year)
            {
                document.published = Some(date);
                document.published_from = Some(DateSource::DateLine);
            }
        }
    }

    /// The sample corpus built into the binary (the checkout's `corpus/` folder at build
    /// time), used when no corpus is named or found. Its documents' paths are
    /// [`BUILT_IN_FOLDER`]`/<file name>`, which no file on disk has: citations name the
    /// file, and quotes are the embedded text exactly.
    pub fn built_in() -> (Corpus, Vec<LoadProblem>) {
        fn walk(dir: &'static include_dir::Dir<'static>, out: &mut Vec<(PathBuf, String)>) {
            for entry in dir.entries() {
                match entry {
                    include_dir::DirEntry::Dir(inner) => walk(inner, out),
                    include_dir::DirEntry::File(file) => {
                        let hidden = file.path().file_name().and_then(|name| name.to_str()).is_some_and(|name| name.starts_with('.'));
                        if let (false, true, Some(text)) = (hidden, is_article(file.path()), file.contents_utf8()) {
                            out.push((Path::new(BUILT_IN_FOLDER).join(file.path()), text.to_string()));
                        }
                    }
                }
            }
        }
        let mut files = Vec::new();
        walk(&SAMPLE, &mut files);
        files.sort();
        Corpus::from_texts(files)
    }

    /// Whether this is the built-in sample.
    pub fn is_built_in(&self) -> bool {
        self.roots.is_empty()
            && !self.documents.is_empty()
            && self.documents.iter().all(|document| document.path.starts_with(BUILT_IN_FOLDER))
    }
}

/// The folder name the built-in sample's documents are filed under: no folder on disk (the
/// documents are never read from it), and a valid relative URI for SARIF.
pub const BUILT_IN_FOLDER: &str = "built-in-sample";

/// The checkout's `corpus/` folder, embedded at build time (`build.rs` rebuilds when it changes).
static SAMPLE: include_dir::Dir<'static> = include_dir::include_dir!("$CARGO_MANIFEST_DIR/corpus");

pub(crate) fn is_article(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref(), Some("txt" | "md" | "markdown"))
}

fn collect_files(roots: &[PathBuf], dir: &Path, out: &mut Vec<PathBuf>, seen: &mut HashSet<PathBuf>, problems: &mut Vec<LoadProblem>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            problems.push(LoadProblem { path: dir.to_path_buf(), message: format!("cannot list folder: {error}") });
            return;
        }
    };
    let mut children: Vec<PathBuf> = entries.filter_map(|entry| entry.ok().map(|e| e.path())).collect();
    children.sort();
    for child in children {
        let name = child.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') {
            continue;
        }
        let canonical = match child.canonicalize() {
            Ok(canonical) => canonical,
            Err(error) => {
                // A dangling link or a loop of links; a file deleted meanwhile.
                if is_article(&child) || child.is_symlink() {
                    problems.push(LoadProblem { path: child.clone(), message: format!("cannot resolve path: {error}") });
                }
                continue;
            }
        };
        if !roots.iter().any(|root| canonical.starts_with(root)) {
            problems.push(LoadProblem { path: child.clone(), message: "link leads outside the corpus folders; not followed".into() });
            continue;
        }
        if !seen.insert(canonical.clone()) {
            continue;
        }
        let Ok(metadata) = std::fs::metadata(&canonical) else {
            problems.push(LoadProblem { path: child.clone(), message: "vanished while the corpus was listed".into() });
            continue;
        };
        if metadata.is_dir() {
            collect_files(roots, &canonical, out, seen, problems);
        } else if is_article(&canonical) {
            out.push(child);
        }
    }
}

fn read_article(path: &Path) -> Result<String, String> {
    use std::io::Read;
    // Only regular files: a named pipe would block the load forever, a device never end.
    let metadata = std::fs::metadata(path).map_err(|error| format!("cannot read: {error}"))?;
    if !metadata.is_file() {
        return Err("skipped: not a regular file (a pipe, socket or device)".into());
    }
    let too_large = |bytes: u64| format!("skipped: {bytes} bytes is larger than the {MAX_ARTICLE_BYTES} byte limit for one article");
    if metadata.len() > MAX_ARTICLE_BYTES {
        return Err(too_large(metadata.len()));
    }
    let file = std::fs::File::open(path).map_err(|error| format!("cannot read: {error}"))?;
    // The file may grow between the check and the read: read one byte past the limit at most.
    // Sized for the file as it was (one byte more, for the read that finds its end).
    let mut bytes = Vec::with_capacity(metadata.len() as usize + 1);
    file.take(MAX_ARTICLE_BYTES + 1).read_to_end(&mut bytes).map_err(|error| format!("cannot read: {error}"))?;
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    if bytes.contains(&0) {
        return Err("skipped: binary file (contains NUL bytes)".into());
    }
    let text = String::from_utf8(bytes)
        .map_err(|error| format!("skipped: not valid UTF-8 (first bad byte at offset {})", error.utf8_error().valid_up_to()))?;
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err("skipped: empty file".into());
    }
    Ok(text)
}

impl Document {
    /// Parses front matter and finds the publication date. A front matter that does not
    /// parse is reported and the file is read as plain text.
    pub fn parse(path: PathBuf, text: String) -> (Document, Option<LoadProblem>) {
        let file_name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        let mut problem = None;
        let (meta, body) = match split_front_matter(&text) {
            Some((format, inner, body)) => match parse_front_matter(format, &text[inner]) {
                Ok(meta) => (meta, body),
                Err(message) => {
                    problem = Some(LoadProblem {
                        path: path.clone(),
                        message: format!("front matter does not parse ({message}); read as plain text"),
                    });
                    (FrontMatter::default(), body)
                }
            },
            None => (FrontMatter::default(), 0..text.len()),
        };
        let mut document = Document { path, file_name, text: text.into(), body, meta, published: None, published_from: None };
        if let Some(raw) = document.meta.published.clone() {
            match parse_date_value(&raw) {
                Some(date) => {
                    document.published = Some(date);
                    document.published_from = Some(DateSource::FrontMatter);
                }
                None => {
                    problem.get_or_insert(LoadProblem {
                        path: document.path.clone(),
                        message: format!("front matter `published: {raw}` is not a date; looking in the text instead"),
                    });
                }
            }
        }
        if document.published.is_none()
            && let Some((date, source)) = detect_publication_date(&document.text[document.body.clone()])
        {
            document.published = Some(date);
            document.published_from = Some(source);
        }
        (document, problem)
    }

    /// The body text (after front matter).
    pub fn body_text(&self) -> &str {
        &self.text[self.body.clone()]
    }

    /// 1-based line number of a byte offset. Counts the line breaks before it: nothing on
    /// a hot path asks (citations carry their lines from the fact base), so no per-document
    /// table of line starts is kept in memory or in the index cache.
    pub fn line_of(&self, offset: usize) -> usize {
        1 + self.text.as_bytes()[..offset.min(self.text.len())].iter().filter(|&&byte| byte == b'\n').count()
    }

    /// The outlet, from front matter, else a name the text signs with (none found: `None`;
    /// read from the text only in a loaded corpus).
    pub fn outlet(&self) -> Option<&str> {
        self.meta.outlet.as_deref()
    }
}

#[derive(Clone, Copy)]
enum FrontMatterFormat {
    Yaml,
    Toml,
}

/// Finds `---` (YAML) or `+++` (TOML) front matter at the very start of the text.
/// Returns the inner range and the body range.
fn split_front_matter(text: &str) -> Option<(FrontMatterFormat, Range<usize>, Range<usize>)> {
    let stripped = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bom = text.len() - stripped.len();
    let (format, fence) = if stripped.starts_with("---") {
        (FrontMatterFormat::Yaml, "---")
    } else if stripped.starts_with("+++") {
        (FrontMatterFormat::Toml, "+++")
    } else {
        return None;
    };
    let first_line_end = stripped.find('\n')?;
    if stripped[..first_line_end].trim_end() != fence {
        return None;
    }
    let inner_start = bom + first_line_end + 1;
    let mut offset = inner_start;
    for line in text[inner_start..].split_inclusive('\n') {
        if line.trim_end() == fence {
            return Some((format, inner_start..offset, offset + line.len()..text.len()));
        }
        offset += line.len();
    }
    None
}

fn parse_front_matter(format: FrontMatterFormat, inner: &str) -> Result<FrontMatter, String> {
    #[derive(Deserialize, Default)]
    #[serde(default)]
    struct Loose {
        title: Option<Scalar>,
        outlet: Option<Scalar>,
        source: Option<Scalar>,
        url: Option<Scalar>,
        published: Option<Scalar>,
        date: Option<Scalar>,
    }
    /// Front matter values are often unquoted dates or numbers: accept any scalar.
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Scalar {
        Text(String),
        Integer(i64),
        Float(f64),
        Bool(bool),
        Toml(toml::value::Datetime),
    }
    impl Scalar {
        fn text(self) -> String {
            match self {
                Scalar::Text(text) => text,
                Scalar::Integer(n) => n.to_string(),
                Scalar::Float(n) => n.to_string(),
                Scalar::Bool(b) => b.to_string(),
                Scalar::Toml(datetime) => datetime.to_string(),
            }
        }
    }
    if inner.trim().is_empty() {
        return Ok(FrontMatter::default());
    }
    let loose: Loose = match format {
        FrontMatterFormat::Yaml => serde_saphyr::from_str(inner).map_err(|error| first_line(&error.to_string()))?,
        FrontMatterFormat::Toml => toml::from_str(inner).map_err(|error| first_line(error.message()))?,
    };
    Ok(FrontMatter {
        title: loose.title.map(Scalar::text),
        outlet: loose.outlet.or(loose.source).map(Scalar::text),
        url: loose.url.map(Scalar::text),
        published: loose.published.or(loose.date).map(Scalar::text),
        outlet_from: None,
    })
    .map(|mut meta| {
        meta.outlet_from = meta.outlet.is_some().then_some(OutletSource::FrontMatter);
        meta
    })
}

fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or(text).to_string()
}

/// Parses a date as written in front matter or a date line ("2024-03-14",
/// "2024-03-14T09:00:00Z", "14 Mar. 2024, 09:41", "March 14, 2024").
pub fn parse_date_value(raw: &str) -> Option<Date> {
    let raw = raw.trim();
    if let Some(iso) = raw.get(..10)
        && let Ok(date) = iso.parse::<Date>()
    {
        return Some(date);
    }
    let sentences = [0..raw.len()];
    find_dates(raw, &sentences, DateAnchor::default())
        .into_iter()
        .find(|mention| mention.year_explicit && mention.form == DateForm::Absolute)
        .and_then(|mention| match mention.value {
            Some(DateValue::Day(date)) => Some(date),
            _ => None,
        })
}

/// How far into an article the publication date is looked for.
const HEADER_BYTES: usize = 3000;

/// Finds the publication date in an article without front matter: a labelled date line
/// near the top, else "today, <date>" in the opening text.
pub fn detect_publication_date(body: &str) -> Option<(Date, DateSource)> {
    let mut header_end = body.len().min(HEADER_BYTES);
    while !body.is_char_boundary(header_end) {
        header_end -= 1;
    }
    let header = &body[..header_end];
    for line in header.lines() {
        let trimmed = line.trim_start();
        let lower = trimmed.to_ascii_lowercase();
        for label in ["published", "posted", "date", "dateline", "first published", "last updated", "updated"] {
            if let Some(rest) = lower.strip_prefix(label) {
                let rest_start = trimmed.len() - rest.len();
                let rest = trimmed[rest_start..].trim_start_matches([':', ' ', '\t']);
                let rest = rest.strip_prefix("on ").or_else(|| rest.strip_prefix("at ")).unwrap_or(rest);
                if !rest.is_empty()
                    && let Some(date) = parse_leading_date(rest)
                {
                    return Some((date, DateSource::DateLine));
                }
            }
        }
    }
    // A line near the top that is only a date and a time ("Jan 30, 2025 / 10:15 AM",
    // "Thu 30 January 2025 14.05 GMT"), or a byline that ends with one ("By Ann Brook |
    // Daily Lantern | July 3, 2025").
    for line in header.lines().filter(|line| !line.trim().is_empty()).take(12) {
        let trimmed = line.trim();
        let is_byline = trimmed.starts_with("By ") && trimmed.len() <= 120;
        if (trimmed.len() <= 64 || is_byline)
            && let Some((date, range)) = full_date_in(trimmed)
            && (is_byline || only_time_words(&trimmed[..range.start]))
            && only_time_words(&trimmed[range.end..])
        {
            return Some((date, DateSource::DateLine));
        }
    }
    let lower = header.to_ascii_lowercase();
    for (at, _) in lower.match_indices("today") {
        let after = &header[at + "today".len()..];
        let window_end = after.char_indices().nth(60).map_or(after.len(), |(i, _)| i);
        if let Some(date) = parse_leading_date(after[..window_end].trim_start_matches([',', ' ', '('])) {
            return Some((date, DateSource::Today));
        }
    }
    None
}

/// A full date (with year) at the start of `text`, allowing a leading weekday or time
/// ("3:42 PM EST, Thu January 30, 2025").
fn parse_leading_date(text: &str) -> Option<Date> {
    if let Some(iso) = text.get(..10)
        && let Ok(date) = iso.parse::<Date>()
    {
        return Some(date);
    }
    let window_end = text.char_indices().nth(64).map_or(text.len(), |(i, _)| i);
    let (date, range) = full_date_in(&text[..window_end])?;
    (range.start <= 12 || only_time_words(&text[..range.start])).then_some(date)
}

/// The first full date (day, month and year written) in `text`, with its range.
fn full_date_in(text: &str) -> Option<(Date, Range<usize>)> {
    let sentences = [0..text.len()];
    find_dates(text, &sentences, DateAnchor::default())
        .into_iter()
        .find(|mention| mention.year_explicit && mention.form == DateForm::Absolute)
        .and_then(|mention| match mention.value {
            Some(DateValue::Day(date)) => Some((date, mention.range)),
            _ => None,
        })
}

/// Whether `text` holds nothing but a time, a time zone, a weekday and separators
/// ("3:42 PM EST, Thu", "/ 10:15 AM", "| Updated").
fn only_time_words(text: &str) -> bool {
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '/' | '-' | '–' | '—' | '(' | ')' | '·' | '•'))
        .filter(|word| !word.is_empty())
        .all(|word| {
            let lower = word.trim_end_matches('.').to_ascii_lowercase();
            let is_time = word.chars().next().is_some_and(|c| c.is_ascii_digit())
                && word.chars().all(|c| c.is_ascii_digit() || matches!(c, ':' | '.'))
                && word.contains([':', '.']);
            let is_zone = word.len() <= 4 && word.len() >= 2 && word.chars().all(|c| c.is_ascii_uppercase());
            let is_weekday = ["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"].contains(&lower.as_str())
                || ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].contains(&lower.as_str());
            let is_label = ["updated", "published", "posted", "am", "pm", "a.m", "p.m", "at", "on"].contains(&lower.as_str());
            is_time || is_zone || is_weekday || is_label
        })
}

/// A wire dateline's day, in the first lines of a body: an upper-case place, the month
/// and day, an optional agency in brackets and a dash ("BRENNICK, May 14 (Wire) -"),
/// in `year` when it writes none.
pub fn dateline_date(body: &str, year: i16) -> Option<Date> {
    for line in body.lines().filter(|line| !line.trim().is_empty()).take(12) {
        let line = line.trim_start();
        let Some(comma) = line.find(", ") else { continue };
        let place = &line[..comma];
        let place_is_caps = place.chars().any(char::is_alphabetic)
            && place.chars().all(|c| (c.is_alphabetic() && !c.is_lowercase()) || matches!(c, ' ' | '.' | '\'' | '’' | '-' | ','));
        if !place_is_caps || place.len() > 40 {
            continue;
        }
        let rest = &line[comma + 2..];
        let window_end = rest.char_indices().nth(40).map_or(rest.len(), |(i, _)| i);
        let window = &rest[..window_end];
        let sentences = [0..window.len()];
        let anchor = DateAnchor { published: None, fallback_year: Some(year), written_by: None };
        let Some(mention) = find_dates(window, &sentences, anchor).into_iter().next() else { continue };
        let after = window[mention.range.end..].trim_start();
        let after = if after.starts_with('(') { after.find(')').map_or("", |at| after[at + 1..].trim_start()) } else { after };
        if mention.range.start == 0
            && mention.form == DateForm::Absolute
            && after.starts_with(['-', '–', '—'])
            && let Some(DateValue::Day(date)) = mention.value
        {
            return Some(date);
        }
    }
    None
}

/// The sentences of a body, as offsets into the whole document text.
pub fn body_sentences(document: &Document) -> Vec<Range<usize>> {
    split_sentences(document.body_text()).into_iter().map(|r| r.start + document.body.start..r.end + document.body.start).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_sample_is_the_checkouts_corpus_folder_word_for_word() {
        let (sample, problems) = Corpus::built_in();
        let (on_disk, _) = Corpus::load(&[Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")]);
        assert!(problems.is_empty(), "{problems:?}");
        assert!(sample.is_built_in() && !on_disk.is_built_in());
        assert_eq!(sample.documents.len(), on_disk.documents.len());
        for (built_in, file) in sample.documents.iter().zip(&on_disk.documents) {
            assert_eq!(built_in.file_name, file.file_name);
            assert_eq!(built_in.path, Path::new(BUILT_IN_FOLDER).join(&file.file_name));
            assert_eq!((&built_in.text, built_in.published, &built_in.meta), (&file.text, file.published, &file.meta));
        }
    }

    fn doc(text: &str) -> (Document, Option<LoadProblem>) {
        Document::parse(PathBuf::from("corpus/a.md"), text.to_string())
    }

    #[test]
    fn yaml_and_toml_front_matter() {
        let (yaml, problem) = doc("---\ntitle: T\noutlet: Yonhap\npublished: 2024-03-14\n---\nBody.\n");
        assert!(problem.is_none());
        assert_eq!(yaml.meta.outlet.as_deref(), Some("Yonhap"));
        assert_eq!(yaml.published, Some(jiff::civil::date(2024, 3, 14)));
        assert_eq!(yaml.body_text(), "Body.\n");
        let (toml_doc, problem) = doc("+++\noutlet = \"AP\"\npublished = 2024-11-04\n+++\nBody.");
        assert!(problem.is_none(), "{problem:?}");
        assert_eq!(toml_doc.published, Some(jiff::civil::date(2024, 11, 4)));
        assert_eq!(toml_doc.published_from, Some(DateSource::FrontMatter));
    }

    #[test]
    fn broken_front_matter_is_reported_and_the_text_still_loads() {
        let (document, problem) = doc("---\ntitle: [unclosed\n---\nBaek met Orsay.\n");
        let problem = problem.expect("a problem");
        assert!(problem.message.contains("front matter"), "{}", problem.message);
        assert_eq!(document.body_text(), "Baek met Orsay.\n");
    }

    #[test]
    fn publication_dates_in_page_formats() {
        let cases = [
            ("Updated 3:42 PM EST, Thu January 30, 2025\n\nThe mayor spoke.", Some((2025, 1, 30))),
            ("Headline here\nJan 30, 2025 / 10:15 AM\n\nThe mayor spoke.", Some((2025, 1, 30))),
            ("Last updated on 4 March 2024\nBody.", Some((2024, 3, 4))),
            ("Sat 12 Apr 2025 09.30 BST\nBody.", Some((2025, 4, 12))),
            ("Headline here\nBy Ann Brook | Daily Lantern | July 3, 2025\nBody.", Some((2025, 7, 3))),
            // A date in a sentence is no date line.
            ("The bridge opened on Jan 30, 2025 after a delay.\nBody.", None),
        ];
        for (text, expected) in cases {
            let found = detect_publication_date(text).map(|(date, _)| (date.year(), date.month(), date.day()));
            assert_eq!(found, expected, "{text:?}");
        }
    }

    #[test]
    fn a_dateline_without_a_year_takes_the_corpus_year() {
        let texts = [
            ("a.txt", "Published: 3 Feb. 2025, 10:00\n\nThe mayor spoke on Monday."),
            ("b.txt", "Bridge closes\n\nLANTERN CITY, Feb. 2 (Wirepost) - The bridge closed on Sunday, the council said."),
            ("c.txt", "Bridge closes\n\nThe bridge closed on Sunday, the council said."),
        ];
        let (corpus, problems) = Corpus::from_texts(texts);
        assert!(problems.is_empty());
        let dates: Vec<_> = corpus.documents.iter().map(|document| document.published).collect();
        assert_eq!(dates, [Some(jiff::civil::date(2025, 2, 3)), Some(jiff::civil::date(2025, 2, 2)), None]);
        assert_eq!(corpus.documents[1].published_from, Some(DateSource::DateLine));
        assert_eq!(dateline_date("WASHINGTON, Jan. 30 (Wirepost) - Officials said", 2025), Some(jiff::civil::date(2025, 1, 30)));
        assert_eq!(dateline_date("Officials said, Jan. 30 was a Thursday - or so", 2025), None);
    }

    #[test]
    fn page_furniture_is_blanked_in_a_loaded_corpus_with_offsets_kept() {
        let text = "Home | News | Sport | Weather\nPublished: 3 Feb. 2025\n\nThe bridge closed on Sunday.\n\nAdvertisement\n\nRelated stories\n- Bridge shut for repairs (May 2019)\n";
        let (corpus, _) = Corpus::from_texts([("a.txt", text)]);
        let document = &corpus.documents[0];
        assert_eq!(document.text.len(), text.len());
        assert_eq!(document.published, Some(jiff::civil::date(2025, 2, 3)));
        assert!(document.text.contains("The bridge closed on Sunday."));
        for gone in ["Sport", "Advertisement", "Related", "May 2019"] {
            assert!(!document.text.contains(gone), "{gone}");
        }
        assert_eq!(document.text.lines().count(), text.lines().count());
    }

    #[test]
    fn line_numbers() {
        let (document, _) = doc("one\ntwo\nthree");
        assert_eq!(document.line_of(0), 1);
        assert_eq!(document.line_of(4), 2);
        assert_eq!(document.line_of(8), 3);
        assert_eq!(document.line_of(3), 1, "a line break belongs to the line it ends");
        assert_eq!(document.line_of(99), 3);
    }
}
