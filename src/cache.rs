//! The index cache: a learned corpus (articles and fact base) saved on disk, so that a
//! start with an unchanged corpus does not learn it again.
//!
//! - **Where**: `$FACTLINE_CACHE_DIR` when set (`off` or empty: no cache), else
//!   `factline/` in the user's cache folder (`~/.cache` on Linux). One file per set of
//!   corpus folders, named after them. `factline cache dir` prints the folder,
//!   `factline cache clear` deletes its files.
//! - **Private**: the entries hold the corpus texts and their paths, so the folder is made
//!   0700 and each file 0600 when created, and both are tightened when found wider (the
//!   folder only when it holds nothing but cache files: a folder named in
//!   `$FACTLINE_CACHE_DIR` may be shared).
//! - **Key**: a hash of the engine (its version, this file format, and the size and date
//!   of the running executable, so that a rebuilt binary never trusts facts another one
//!   learned) and a hash of the corpus files: every article below the folders with its
//!   path, size and content (XXH3-128 of its bytes; other files by size and modification
//!   time). An article changed with its size and date kept (`cp -p`, `rsync -t`, `tar -x`)
//!   changes the key, and such an entry is not even used as a stale one (its quotes may be
//!   of the old text). Taken before the files are read, so a file changed during a load
//!   makes the entry stale, never wrong.
//! - **Trust**: nothing read is trusted unchecked. The file opens with a magic number, the
//!   format, both keys, the payload's length and its checksum (XXH3-64); a file that fails
//!   any of these, or does not decode, is ignored (the caller logs why) and the corpus is
//!   learned again. An entry of another engine is ignored the same way.
//! - **Layout** (format 3): the header, then the payload: two postcard parts, each after its
//!   length (each document without its text, the fact base but its events, the load
//!   problems; then the events), the number of documents and the length of each text, then
//!   the texts one after the other. A load reads the file once, front to back, in pieces,
//!   computing the checksum on the way: the two parts are decoded on two threads (and the
//!   posting lists rebuilt) while the texts are read into their own allocations, so it
//!   never holds the whole file as well as what it decodes to. Nothing decoded is used
//!   before the checksum and every length agree.
//! - **Stale**: an entry of this engine for other file contents is returned as
//!   [`Lookup::Stale`]: the server uses it at once and learns the corpus again in the
//!   background; the CLI learns again.
//!
//! This module does IO; the core stays pure ([`crate::engine::Engine::check`] reads nothing).

use std::fs;
use std::io::{Read, Write as _};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3;

use crate::corpus::{Corpus, DateSource, Document, FrontMatter, LoadProblem, MAX_ARTICLE_BYTES};
use crate::facts::FactBase;

/// First bytes of every cache file.
const MAGIC: &[u8; 8] = b"FLINDEX\0";
/// Bumped whenever the payload's layout changes. 2: texts after the postcard part, not in
/// it. 3: the events in a postcard part of their own. 4: vocabulary and common words as hash sets.
/// 5: each statement once (events, counts, quantities, quantity contexts), facts as citation
/// and statement number. 6: the evidence index (sentences with lemmas and typed values).
/// 7: no quantities (the evidence index judges figures). 8: the evidence index's posting
/// lists stored (LEB128 differences), and only its sentences with values kept whole.
/// 9: places in regions. 10: attributive dates. 11: no auxiliary verb read as a unit.
/// 12: names listed with a person are people. 13: "Lt. Gov." read as an office, not a rank.
/// 14: a year before a noun ("a 2017 byelection") is a date. 15: an age after a name at a
/// sentence's end ("and Tomas Vell, 42."). 16: a figure joined to its unit before a noun
/// ("a 36-hour pause"). 17: "behind bars" is no comparison. 18: "In X," opening a sentence
/// puts X after a preposition of place. 19: "the previous week" four sentences after the day
/// narrated stays unresolved. 20: two titles joined ("president and chief executive"); a
/// name ending in a kind of building ("Brackwell Airport") is no person. 21: names keep their
/// particles ("von der"). 22: a person's home (`Slot::origin`). 23: tally and report dates
/// left out. 24: a past-tense day months ahead is the year before. 25: "that day" after a
/// span points at no day. 26: a day after "by" is a tally's. 27: a day in future copy is
/// planned, whatever the verb ("hearings resume on Monday"); a dateline opening its
/// sentence dates the report; irregular verbs lemmatised by their base; initials written
/// apart in a place ("U. S. Tinplate") joined. 28: where someone went ("a flight to Norway",
/// "visited Tarrow") is a place, its words kept as lemmas; "out of Fort Ravell" too.
/// 29: a title set off before a name in a list of office holders ("Treasurer, Jo Calder,
/// and Foreign Minister, Pia Wren"); "treasurer" a title. 30: a name written in full, then
/// by its surname alone in the same document, is a person. 31: a team's position in lower
/// case after its name ("Rovers center", "Dunmore forward"); "attorney-general" and the
/// other "-general" offices, "rapporteur"; "Fellow" before a title no part of it; a title
/// joined by "and" before another ("Deputy Prime Minister and Trade Minister, K. L.").
/// 32: no position after a word in "-ing" ("Going forward").
/// 33: a plural noun after a singular one is what a count counts ("183 outbreak cases");
///     "five hundred thousand"; a date before "said" past a comma dates the clause.
/// 34: titles set off with a qualifier after a preposition, plain words before or between
///     their heads, after an institution's name, and after "Dr."; initials in qualifiers.
/// 35: "X-based" is a place ("Bergen-based Verrin Steel"), framed by "based".
/// 36: more person cues: kin and rivals before a name, a lawmaker's "(R-Wyo.)", a party's
///     possessive ("the Greens' Corin Pell").
/// 37: a name with an age after it or a relation before it is a person though its surname
///     is an everyday word; "co-" titles ("co-pilot").
/// 38: no place before "-based" that is an acronym ("AI-based").
/// 39: sites located in a place ("Ashby Superior Court in Fennick", "Harrowby's Kell
///     Superior Court") kept by site; a site after a place's possessive is a place.
/// 40: "straight", "whole", "full", "extra", "further" after a number are no unit.
/// 41: a state, province or country written before "said" is no person ("Brannock of New
///     Mexico said").
/// 42: a value told in an aside between commas keeps the aside's lemma span.
/// 43: a sentence opening on "He" or "Her" has the surnames of the people named in the
///     sentence before it as lemmas.
/// 44: a "would" after a verb of report ("said that he would") puts a date in future copy.
/// 45: a corpus sentence with no date of its own carries the day of the sentence before
///     it in its paragraph (`Slot::carried`).
/// 46: an age in apposition may be softened ("Ferrand, himself still only 18,").
/// 47: an undated page's day far past its corpus's last publication, not told as a plan, is the year before's.
/// 48: a name with a middle initial and a generational suffix ("Marcus T. Halloway Jr.")
///     is learned as a person (`name_words`).
/// 49: the day of a report ("the club said on Tuesday") is kept apart from the sentence's
///     slots (`IndexedSentence::reports`).
/// 50: a place before the noun it locates ("a Harlow resident", "the Dunmore courtroom")
///     and "X-headquartered", "X-born" are places.
/// 51: a bare figure a named person "is" or "turned" is an age ("Brandt is 47.").
/// 52: an aside may open on "based", "founded", "born"... ("Veltrona, based in Carrow
///     Falls,").
/// 53: no person is a region named by its compass point ("West Texas"), a company
///     ("Harrow Steel Corp.") or a name closed by an initialism ("Comets GM").
/// 54: a line score ("Comets 5, Rovers 1") is one score value.
/// 55: a country's name before a two-word name is no part of the person's name.
/// 56: a hashtag, a handle or a link's path adds no word to the corpus's lower-case words.
/// 57: no calendar word ("Today", "Sunday") is a side of a line score.
/// 58: a gap beside a figure ("16 hours later", "two points behind") is a unit of its own;
///     "did not finish until" hedges no figure.
/// 59: a title's qualifier may have "of" inside ("dean of the College of Wardens, Ivo
///     Marr"); a nationality told by a noun ("Frenchman") is no part of a name.
/// 60: an age beside a name is hedged only by the two words before it; "said no" hedges
///     nothing; "Voss is 26 and under contract" tells an age.
/// 61: a gap's unit keeps a unit read before the figure ("52% higher": "percent higher").
/// 62: every name the corpus writes, a person's or not (`WrittenNames`).
/// 63: a fiscal year is no date; "in Cup history" no place; an embedded post's line is
///     furniture.
/// 64: "Justice" before a name is a title ("Justice Maxwell Orrin").
/// 65: an ampersand joins two titles in an appositive ("Chairman & CEO of Tessel").
/// 66: "open" and "opened" are words of a start (synonym families).
/// 67: baseball, hockey and cricket positions are title heads; "three days after officers
///     beat him" is no date.
/// 68: "the scheduled Nov. 26 payout" is a plan, read ahead of the page.
/// 69: an event's second date a clause on is not its own; a sentence of no one ends the
///     people an event word borrows.
/// 70: a title's "of" qualifier runs past a possessive ("leader of Japan's ruling ...
///     Party"); a dateline behind a credit with marks.
/// 71: "the day before May 5" counts from May 5 again.
/// 72: a person named at a sentence's start, bare or behind a descriptor ("Comedian Nadia
///     Orsk"), then by surname, is learned.
/// 73: a bare count going on a hedged list is hedged ("projected third with 23 seats, ...
///     fifth with 19").
/// 74: a rate of time has its own unit ("£52,500 per minute").
/// 75: a relative day given in full beside it is the full day ("yesterday, Tuesday, October 21").
/// 76: "younger than 12" is an age bound.
/// 77: a given name written alone inside a quotation still opens a person's name; spellings
///     compare without their accents.
/// 78: "half a dozen" is about six.
/// 79: a plural compound counts its last part ("seven double-faults" are faults).
/// 80: a price in cents is exact ("$66.50" is no "$65.60" moved by a point).
/// 81: "no more than 40" is at most 40, "as many as 300" up to 300.
/// 82: a title and a name before lower-case title words are still a person ("made Harbour
///     Minister Ida Brask deputy speaker"); a "co-CEO" is a chief executive.
/// 83: a name after "outside" or "inside" is a place.
/// 84: a title told by a verb after a name ("Oren Tavel was named chief executive", "Ilse
///     Marrow, who is the chair") is learned.
/// 85: a unit is one word however written ("18 km", "18 kilometers", "18 kilometres"),
///     a speed's time is part of its unit ("km/h"), thousands may be grouped with spaces
///     ("200 000"), "$49bn" is an amount, a range's ends are bounds ("10–20 km"), and a
///     name at a distance and bearing ("34 km northeast of") is a place.
/// 86: a time of day is a word of the frame ("10 a.m.", "22:47", "1917 GMT"), no count; a
///     day a plan was set for ("set a hearing for Sept. 29") is still to come.
/// 87: a name the sources only write alone after a title ("midfielder Vitorello") is a
///     person known by one name.
/// 88: a place before the thing it locates after a possessive or an age ("the agency's
///     Tolby field office", "a 44-year-old Carrow resident"), and before a jail; before a
///     campus, a plant, a factory or headquarters after a possessive only.
/// 89: the country across a border ("the border with Tarnia") is a place.
/// 90: an organisation's site (a campus, a plant, a factory, headquarters) is a place's
///     only after its owner's possessive: "the Ostley plant" is the company's.
/// 91: an undated page's bare weekday is a value of its sentence ("on Wednesday").
/// 92: "six fewer than" is the gap "six short of", a shortfall.
pub const FORMAT: u32 = 92;
/// magic, format, engine key, corpus key, payload length, checksum.
const HEADER_LEN: usize = 8 + 4 + 16 + 16 + 8 + 8;

/// Where cache files live, or nowhere.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexCache {
    dir: Option<PathBuf>,
}

/// A learned corpus, as stored.
#[derive(Debug)]
pub struct Cached {
    pub corpus: Corpus,
    pub facts: FactBase,
    pub problems: Vec<LoadProblem>,
}

/// What a look in the cache found.
#[derive(Debug)]
pub enum Lookup {
    /// Learned from exactly the files on disk now, by this engine.
    Fresh(Cached),
    /// Learned by this engine from other file contents: usable while learning again.
    Stale(Cached),
    /// No entry (or caching is off).
    Missing,
    /// An entry that cannot be trusted: why, for the log. Learn again.
    Rejected(String),
}

/// The first part of the payload: everything but the documents' texts and the events.
#[derive(Serialize, Deserialize)]
struct Head<D, F, P> {
    documents: Vec<D>,
    facts: F,
    problems: P,
}

/// The fact base without its events and their statements (the largest part, decoded on a
/// thread of its own).
/// Field by field and without `..`: a field added to [`FactBase`] does not compile here
/// until it is stored too, so the cache can never drop one silently. (The posting lists,
/// `index`, are rebuilt, not stored.)
#[derive(Serialize, Deserialize)]
struct FactsButEvents<S, P, A, C, CS, W, E, N> {
    sources: S,
    people: P,
    acronyms: A,
    counts: C,
    count_statements: CS,
    usual_year: Option<i16>,
    vocabulary: W,
    common_words: W,
    evidence: E,
    written: N,
}

/// A document as stored, without its text (the texts follow the postcard part).
#[derive(Serialize, Deserialize)]
struct DocumentRecord<P, S, M> {
    path: P,
    file_name: S,
    body: std::ops::Range<usize>,
    meta: M,
    published: Option<jiff::civil::Date>,
    published_from: Option<DateSource>,
}

type StoredDocument = DocumentRecord<PathBuf, String, FrontMatter>;
type StoredFacts = FactsButEvents<
    Vec<crate::facts::SourceInfo>,
    crate::facts::people::People,
    crate::facts::extract::Acronyms,
    Vec<crate::facts::CountFact>,
    Vec<crate::facts::StoredCount>,
    rustc_hash::FxHashSet<String>,
    crate::facts::evidence::EvidenceIndex,
    crate::facts::written::WrittenNames,
>;
/// The second part: the event facts and their statements.
type StoredEvents = (Vec<crate::facts::EventFact>, Vec<crate::facts::StoredEvent>);
type StoredHead = Head<StoredDocument, StoredFacts, Vec<LoadProblem>>;

/// Puts a fact base back together (the inverse of the split in `encode_to`).
fn join_facts(rest: StoredFacts, (events, event_statements): StoredEvents) -> FactBase {
    let FactsButEvents { sources, people, acronyms, counts, count_statements, usual_year, vocabulary, common_words, evidence, written } =
        rest;
    FactBase {
        sources,
        people,
        acronyms,
        events,
        event_statements,
        counts,
        count_statements,
        usual_year,
        vocabulary,
        common_words,
        evidence,
        written,
        index: crate::facts::FactIndex::default(),
    }
}

impl IndexCache {
    /// The cache the environment asks for: `$FACTLINE_CACHE_DIR`, else the user's cache folder.
    pub fn from_env() -> IndexCache {
        let dir = match std::env::var_os("FACTLINE_CACHE_DIR") {
            Some(value) if value.is_empty() || value == "off" => None,
            Some(value) => Some(PathBuf::from(value)),
            None => dirs::cache_dir().map(|dir| dir.join("factline")),
        };
        IndexCache { dir }
    }

    /// A cache in this folder.
    pub fn in_dir(dir: impl Into<PathBuf>) -> IndexCache {
        IndexCache { dir: Some(dir.into()) }
    }

    /// No cache: every load learns the corpus.
    pub fn disabled() -> IndexCache {
        IndexCache { dir: None }
    }

    pub fn is_enabled(&self) -> bool {
        self.dir.is_some()
    }

    /// The cache folder, when caching is on.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// Deletes every cache file (entries and unfinished saves) of the folder and nothing
    /// else; returns each one removed with its size.
    pub fn clear(&self) -> Result<Vec<(PathBuf, u64)>, String> {
        let Some(dir) = &self.dir else { return Ok(Vec::new()) };
        let entries = match fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(error) => return Err(format!("cannot list {}: {error}", dir.display())),
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .filter(|entry| entry.file_name().to_str().is_some_and(is_cache_file))
            .map(|e| e.path())
            .collect();
        paths.sort();
        let mut removed = Vec::new();
        for path in paths {
            let size = fs::symlink_metadata(&path).map_or(0, |metadata| metadata.len());
            fs::remove_file(&path).map_err(|error| format!("cannot remove {}: {error}", path.display()))?;
            removed.push((path, size));
        }
        Ok(removed)
    }

    /// The file of a set of corpus folders.
    pub fn entry_path(&self, roots: &[PathBuf]) -> Option<PathBuf> {
        let dir = self.dir.as_ref()?;
        let mut hasher = Xxh3::new();
        for root in roots {
            let root = root.canonicalize().unwrap_or_else(|_| root.clone());
            hasher.update(root.as_os_str().as_encoded_bytes());
            hasher.update(&[0]);
        }
        Some(dir.join(format!("corpus-{:016x}.bin", hasher.digest())))
    }

    /// Looks up the learned corpus of `roots`, checking it against `corpus_key`
    /// ([`corpus_key`], taken now).
    pub fn lookup(&self, roots: &[PathBuf], corpus_key: u128) -> Lookup {
        self.lookup_keyed(roots, || corpus_key).0
    }

    /// [`IndexCache::lookup`] with the corpus key taken by `corpus_key` on another thread
    /// while the entry is read (a `stat` of every corpus file against a read of the
    /// cache file: on two cores, the one hides the other). Returns the key too.
    pub fn lookup_keyed(&self, roots: &[PathBuf], corpus_key: impl FnOnce() -> u128 + Send) -> (Lookup, u128) {
        let Some(path) = self.entry_path(roots) else { return (Lookup::Missing, corpus_key()) };
        if let Some(dir) = path.parent()
            && dir.is_dir()
        {
            // Left wide by an older build: tightened before anything is read or written.
            let _ = make_private(dir);
        }
        let (read, key) = std::thread::scope(|scope| {
            let key = scope.spawn(corpus_key);
            let read = read_entry(&path);
            // A panic while hashing the file tree would have been one on this thread too.
            (read, key.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
        });
        let lookup = match read {
            Ok(Some((stored_key, cached))) if stored_key == key => Lookup::Fresh(cached),
            // Files that look unchanged but are not (`cp -p`, `rsync -t`, `tar -x`): nothing
            // tells which, so no quote of the entry can be trusted, not even for a while.
            Ok(Some((stored_key, _))) if same_listing(stored_key, key) => Lookup::Rejected(format!(
                "{}: an article changed but kept its size and modification time; learning the corpus again",
                path.display()
            )),
            Ok(Some((_, cached))) => Lookup::Stale(cached),
            Ok(None) => Lookup::Missing,
            Err(reason) => Lookup::Rejected(format!("{}: {reason}", path.display())),
        };
        (lookup, key)
    }

    /// Saves a learned corpus under `roots` with the key taken before it was read.
    /// Written to a temporary file and renamed: a reader never sees half a file.
    pub fn store(
        &self,
        roots: &[PathBuf],
        corpus_key: u128,
        corpus: &Corpus,
        facts: &FactBase,
        problems: &[LoadProblem],
    ) -> Result<PathBuf, String> {
        let Some(path) = self.entry_path(roots) else { return Err("caching is off".into()) };
        let dir = path.parent().unwrap_or(Path::new("."));
        make_private(dir).map_err(|error| format!("cannot create {}: {error}", dir.display()))?;
        let temporary = dir.join(format!(".{}.{}.tmp", path.file_name().and_then(|n| n.to_str()).unwrap_or("cache"), std::process::id()));
        let written = private_file(&temporary).and_then(|file| encode_to(file, engine_key(), corpus_key, corpus, facts, problems));
        if let Err(error) = written.and_then(|()| fs::rename(&temporary, &path)) {
            let _ = fs::remove_file(&temporary);
            return Err(format!("cannot write {}: {error}", path.display()));
        }
        prune(dir, &path);
        Ok(path)
    }
}

/// Whether a file name is one of the cache's: an entry or an unfinished save.
fn is_cache_file(name: &str) -> bool {
    (name.starts_with("corpus-") && name.ends_with(".bin")) || (name.starts_with(".corpus-") && name.ends_with(".tmp"))
}

/// Creates the cache folder readable by its owner only (0700), or tightens it and its
/// cache files (0600) when they are wider. An existing folder holding anything but cache
/// files is someone's own folder: its mode is left alone (the files are still tightened).
fn make_private(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        if !dir.exists() {
            fs::DirBuilder::new().recursive(true).mode(0o700).create(dir)?;
        }
        let mut only_cache_files = true;
        for entry in fs::read_dir(dir)?.filter_map(Result::ok) {
            let name = entry.file_name();
            if !name.to_str().is_some_and(is_cache_file) {
                only_cache_files = false;
                continue;
            }
            if let Ok(metadata) = entry.metadata()
                && metadata.is_file()
                && metadata.permissions().mode() & 0o077 != 0
            {
                fs::set_permissions(entry.path(), fs::Permissions::from_mode(0o600))?;
            }
        }
        let mode = fs::metadata(dir)?.permissions().mode();
        if mode & 0o077 != 0 && only_cache_files {
            fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
        }
        Ok(())
    }
    #[cfg(not(unix))]
    {
        fs::create_dir_all(dir)
    }
}

/// A new file (or an old one emptied) readable by its owner only (0600).
fn private_file(path: &Path) -> std::io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        options.mode(0o600);
        let file = options.open(path)?;
        // The mode above applies to a new file only.
        file.set_permissions(fs::Permissions::from_mode(0o600))?;
        Ok(file)
    }
    #[cfg(not(unix))]
    {
        options.open(path)
    }
}

/// Entries not written for this long are deleted when another is written: corpora of
/// temporary folders and old builds do not pile up.
const UNUSED_DAYS: u64 = 30;

/// A temporary file not written to for this long belongs to a save that never finished (the
/// server exits on `exit` without waiting for a background save): deleted too.
const ABANDONED_SECS: u64 = 3600;

fn prune(dir: &Path, keep: &Path) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    let limit = std::time::Duration::from_secs(UNUSED_DAYS * 24 * 3600);
    let abandoned = std::time::Duration::from_secs(ABANDONED_SECS);
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_str().unwrap_or("");
        let entry_file = name.starts_with("corpus-") && name.ends_with(".bin");
        let temporary = name.starts_with(".corpus-") && name.ends_with(".tmp");
        let age = entry.metadata().ok().and_then(|m| m.modified().ok()).and_then(|t| t.elapsed().ok());
        let old = age.is_some_and(|age| age > limit);
        let stale_temporary = temporary && age.is_some_and(|age| age > abandoned);
        if (entry_file && old && path != keep) || stale_temporary {
            let _ = fs::remove_file(&path);
        }
    }
}

/// The identity of the engine that learns: facts learned by another build are not trusted.
pub fn engine_key() -> u128 {
    static KEY: std::sync::OnceLock<u128> = std::sync::OnceLock::new();
    *KEY.get_or_init(|| {
        let mut hasher = Xxh3::new();
        hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
        hasher.update(&FORMAT.to_le_bytes());
        if let Some(metadata) = std::env::current_exe().ok().and_then(|exe| fs::metadata(exe).ok()) {
            hasher.update(&metadata.len().to_le_bytes());
            hasher.update(&modified_nanos(&metadata).to_le_bytes());
        }
        hasher.digest128()
    })
}

fn modified_nanos(metadata: &fs::Metadata) -> u128 {
    metadata.modified().ok().and_then(|time| time.duration_since(UNIX_EPOCH).ok()).map_or(0, |d| d.as_nanos())
}

/// A hash of the corpus files below `roots`: each article's path, size and content (XXH3-128
/// of its bytes), each other file's path, size and modification time (every file not
/// hidden, whatever its extension: more than the loader reads, never less). Articles are
/// read on up to four threads; one read of each, nothing kept. Two halves: the high 64 bits
/// hash the listing (paths, sizes, modification times), the low 64 the contents, so that a
/// lookup can tell an edit that kept every size and date from an ordinary change.
pub fn corpus_key(roots: &[PathBuf]) -> u128 {
    let mut items = Vec::new();
    for root in roots {
        let mut marker = root.as_os_str().as_encoded_bytes().to_vec();
        marker.push(0);
        match root.canonicalize() {
            Ok(canonical) => {
                items.push(KeyItem { bytes: marker, read: None, modified: 0 });
                let mut seen = std::collections::HashSet::new();
                list_tree(&canonical, &canonical, &mut items, &mut seen);
            }
            Err(_) => {
                marker.extend_from_slice(b"\x01missing");
                items.push(KeyItem { bytes: marker, read: None, modified: 0 });
            }
        }
    }
    let contents = hash_contents(&items);
    let (mut listing, mut content) = (Xxh3::new(), Xxh3::new());
    for (item, hashed) in items.iter().zip(contents) {
        listing.update(&item.bytes);
        content.update(&item.bytes);
        if let Some(hashed) = hashed {
            listing.update(&item.modified.to_le_bytes());
            content.update(&hashed.to_le_bytes());
        }
    }
    (u128::from(listing.digest()) << 64) | u128::from(content.digest())
}

/// Whether two corpus keys list the same files with the same sizes and modification times
/// (their high halves agree), whatever the contents.
fn same_listing(a: u128, b: u128) -> bool {
    a >> 64 == b >> 64
}

/// One piece of the corpus key: bytes that say what it is, and the file whose content
/// is hashed after them (for an article, with its modification time for the listing half).
struct KeyItem {
    bytes: Vec<u8>,
    read: Option<PathBuf>,
    modified: u128,
}

/// The content hash of each item that has a file to read (`None` for the others).
fn hash_contents(items: &[KeyItem]) -> Vec<Option<u128>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 4);
    let chunk = items.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = items
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    let mut buffer = Vec::new();
                    part.iter().map(|item| item.read.as_deref().map(|path| content_hash(path, &mut buffer))).collect::<Vec<_>>()
                })
            })
            .collect();
        // A panic while hashing would have been one on this thread too.
        workers.into_iter().flat_map(|worker| worker.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
    })
}

/// XXH3-128 of a file's bytes (at most one past the article limit: the loader skips a
/// larger file); a file that cannot be read hashes as such.
fn content_hash(path: &Path, buffer: &mut Vec<u8>) -> u128 {
    buffer.clear();
    let read = fs::File::open(path).and_then(|file| file.take(MAX_ARTICLE_BYTES + 1).read_to_end(buffer));
    match read {
        Ok(_) => xxhash_rust::xxh3::xxh3_128(buffer),
        Err(_) => xxhash_rust::xxh3::xxh3_128(b"\x01unreadable"),
    }
}

fn list_tree(root: &Path, path: &Path, items: &mut Vec<KeyItem>, seen: &mut std::collections::HashSet<PathBuf>) {
    let Ok(metadata) = fs::metadata(path) else {
        let mut bytes = path.as_os_str().as_encoded_bytes().to_vec();
        bytes.extend_from_slice(b"\x01unreadable");
        items.push(KeyItem { bytes, read: None, modified: 0 });
        return;
    };
    if metadata.is_file() {
        let mut bytes = path.strip_prefix(root).unwrap_or(path).as_os_str().as_encoded_bytes().to_vec();
        bytes.push(0);
        bytes.extend_from_slice(&metadata.len().to_le_bytes());
        if crate::corpus::is_article(path) && metadata.len() <= MAX_ARTICLE_BYTES {
            items.push(KeyItem { bytes, read: Some(path.to_path_buf()), modified: modified_nanos(&metadata) });
        } else {
            bytes.extend_from_slice(&modified_nanos(&metadata).to_le_bytes());
            items.push(KeyItem { bytes, read: None, modified: 0 });
        }
        return;
    }
    if !metadata.is_dir() || !seen.insert(path.to_path_buf()) {
        return;
    }
    let Ok(entries) = fs::read_dir(path) else {
        items.push(KeyItem { bytes: b"\x01unlistable".to_vec(), read: None, modified: 0 });
        return;
    };
    let mut children: Vec<(PathBuf, bool)> = entries
        .filter_map(Result::ok)
        .filter(|entry| !entry.file_name().as_encoded_bytes().starts_with(b"."))
        .map(|entry| (entry.path(), entry.file_type().is_ok_and(|t| t.is_symlink())))
        .collect();
    children.sort();
    for (child, is_link) in children {
        if is_link {
            // Followed only inside the root, as the loader does.
            match child.canonicalize() {
                Ok(target) if target.starts_with(root) => list_tree(root, &target, items, seen),
                _ => {
                    let mut bytes = child.as_os_str().as_encoded_bytes().to_vec();
                    bytes.extend_from_slice(b"\x01link");
                    items.push(KeyItem { bytes, read: None, modified: 0 });
                }
            }
        } else {
            list_tree(root, &child, items, seen);
        }
    }
}

/// Writes a cache file: the payload is streamed to the file through the checksum (no copy
/// of it in memory), then the header is written in front. The postcard part is encoded
/// twice, first only to count its bytes (its length comes first).
fn encode_to(
    file: fs::File,
    engine: u128,
    corpus_key: u128,
    corpus: &Corpus,
    facts: &FactBase,
    problems: &[LoadProblem],
) -> std::io::Result<()> {
    struct Hashing<W> {
        inner: W,
        hasher: Xxh3,
        length: u64,
    }
    impl<W: std::io::Write> std::io::Write for Hashing<W> {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            let written = self.inner.write(bytes)?;
            self.hasher.update(&bytes[..written]);
            self.length += written as u64;
            Ok(written)
        }
        fn flush(&mut self) -> std::io::Result<()> {
            self.inner.flush()
        }
    }
    use std::io::{Seek, SeekFrom};
    let mut writer = std::io::BufWriter::with_capacity(1 << 20, file);
    writer.write_all(&[0; HEADER_LEN])?;
    let documents: Vec<DocumentRecord<&Path, &str, &FrontMatter>> = corpus
        .documents
        .iter()
        .map(|document| DocumentRecord {
            path: document.path.as_path(),
            file_name: document.file_name.as_str(),
            body: document.body.clone(),
            meta: &document.meta,
            published: document.published,
            published_from: document.published_from,
        })
        .collect();
    let FactBase {
        sources,
        people,
        acronyms,
        events,
        event_statements,
        counts,
        count_statements,
        usual_year,
        vocabulary,
        common_words,
        evidence,
        written,
        index: _,
    } = facts;
    let rest = FactsButEvents {
        sources,
        people,
        acronyms,
        counts,
        count_statements,
        usual_year: *usual_year,
        vocabulary,
        common_words,
        evidence,
        written,
    };
    let head = Head { documents, facts: rest, problems };
    let mut hashing = Hashing { inner: writer, hasher: Xxh3::new(), length: 0 };
    // Each part after its length: encoded once to count its bytes, then to the file.
    fn part(value: &impl Serialize, out: &mut Hashing<impl std::io::Write>) -> std::io::Result<()> {
        let encode_error = |error: postcard::Error| std::io::Error::other(format!("cannot encode: {error}"));
        let mut counting = Hashing { inner: std::io::sink(), hasher: Xxh3::new(), length: 0 };
        postcard::to_io(value, &mut counting).map_err(encode_error)?;
        out.write_all(&counting.length.to_le_bytes())?;
        let before = out.length;
        postcard::to_io(value, &mut *out).map_err(encode_error)?;
        if out.length - before != counting.length {
            return Err(std::io::Error::other("the fact base encoded to two different lengths"));
        }
        Ok(())
    }
    part(&head, &mut hashing)?;
    part(&(events, event_statements), &mut hashing)?;
    hashing.write_all(&(corpus.documents.len() as u64).to_le_bytes())?;
    for document in &corpus.documents {
        hashing.write_all(&(document.text.len() as u64).to_le_bytes())?;
    }
    for document in &corpus.documents {
        hashing.write_all(document.text.as_bytes())?;
    }
    let Hashing { inner: mut writer, hasher, length } = hashing;
    writer.seek(SeekFrom::Start(0))?;
    writer.write_all(&header(engine, corpus_key, length, hasher.digest()))?;
    let file = writer.into_inner().map_err(|error| error.into_error())?;
    file.sync_all()
}

fn header(engine: u128, corpus_key: u128, length: u64, checksum: u64) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(HEADER_LEN);
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&FORMAT.to_le_bytes());
    bytes.extend_from_slice(&engine.to_le_bytes());
    bytes.extend_from_slice(&corpus_key.to_le_bytes());
    bytes.extend_from_slice(&length.to_le_bytes());
    bytes.extend_from_slice(&checksum.to_le_bytes());
    bytes
}

/// Reads, checks and decodes a cache file: (the corpus key it was stored with, its
/// content); `None` when there is no file. The file is read once, front to back, in
/// pieces; what it decodes to is returned only once the checksum and every length agree.
fn read_entry(path: &Path) -> Result<Option<(u128, Cached)>, String> {
    let file = match fs::File::open(path) {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(format!("cannot read: {error}")),
    };
    let size = file.metadata().map_err(|error| format!("cannot read: {error}"))?.len();
    decode_from(file, size, engine_key()).map(Some).map_err(|reason| format!("{reason}; ignored"))
}

/// Checks and decodes a cache file of `size` bytes from `reader`.
fn decode_from(reader: impl Read, size: u64, engine: u128) -> Result<(u128, Cached), String> {
    let mut reader = std::io::BufReader::with_capacity(256 * 1024, reader);
    let mut header = [0u8; HEADER_LEN];
    let short = |error: std::io::Error| match error.kind() {
        std::io::ErrorKind::UnexpectedEof => "not a factline index cache".to_string(),
        _ => format!("cannot read: {error}"),
    };
    reader.read_exact(&mut header[..8]).map_err(short)?;
    if &header[..8] != MAGIC {
        return Err("not a factline index cache".into());
    }
    reader.read_exact(&mut header[8..]).map_err(short)?;
    let field = |at: usize, len: usize| &header[at..at + len];
    let format = u32::from_le_bytes(field(8, 4).try_into().map_err(|_| "short header")?);
    if format != FORMAT {
        return Err(format!("cache format {format}, this engine reads {FORMAT}"));
    }
    let stored_engine = u128::from_le_bytes(field(12, 16).try_into().map_err(|_| "short header")?);
    if stored_engine != engine {
        return Err("written by another factline build".into());
    }
    let corpus_key = u128::from_le_bytes(field(28, 16).try_into().map_err(|_| "short header")?);
    let length = u64::from_le_bytes(field(44, 8).try_into().map_err(|_| "short header")?);
    let checksum = u64::from_le_bytes(field(52, 8).try_into().map_err(|_| "short header")?);
    let payload = size.saturating_sub(HEADER_LEN as u64);
    if payload != length {
        return Err(format!("truncated: {payload} of {length} payload bytes"));
    }

    let mut reader = Checked { inner: reader, hasher: Xxh3::new(), left: length };
    let truncated = |error: std::io::Error| format!("cannot read the payload: {error}");
    let read_u64 = |reader: &mut Checked<_>| -> Result<u64, String> {
        let mut word = [0u8; 8];
        reader.read_exact(&mut word).map_err(truncated)?;
        Ok(u64::from_le_bytes(word))
    };
    let read_part = |reader: &mut Checked<_>| -> Result<Vec<u8>, String> {
        let length = read_u64(reader)?;
        if length > reader.left {
            return Err("does not decode: a part is longer than the file".into());
        }
        // Its length is known (and no longer than the file): read into that much, no more.
        let mut part = Vec::with_capacity(length as usize);
        reader.take(length).read_to_end(&mut part).map_err(truncated)?;
        Ok(part)
    };
    let head = read_part(&mut reader)?;
    let events = read_part(&mut reader)?;
    let count = read_u64(&mut reader)?;
    if count.saturating_mul(8) > reader.left {
        return Err("does not decode: more texts than the file holds".into());
    }
    let lengths = (0..count).map(|_| read_u64(&mut reader)).collect::<Result<Vec<u64>, String>>()?;
    let texts: u64 = lengths.iter().try_fold(0u64, |sum, &length| sum.checked_add(length)).ok_or("text lengths overflow")?;
    if texts != reader.left || lengths.iter().any(|&length| length > MAX_ARTICLE_BYTES) {
        return Err("does not decode: text lengths disagree with the file".into());
    }

    // The two parts decode on two threads while the texts are read here.
    let (head, texts) = std::thread::scope(|scope| {
        let events = scope.spawn(move || whole::<StoredEvents>(&events));
        let head = scope.spawn(move || -> Result<(Vec<StoredDocument>, FactBase, Vec<LoadProblem>), String> {
            let decoded = whole::<StoredHead>(&head);
            // The encoded part is not needed once decoded: not held while the rest is built.
            drop(head);
            let Head { documents, facts, problems } = decoded?;
            if facts.sources.len() != documents.len() || documents.len() as u64 != count {
                return Err("fact base and corpus disagree".into());
            }
            let events = events.join().unwrap_or_else(|_| Err("does not decode (the decoder panicked)".into()))?;
            let mut facts = join_facts(facts, events);
            if !facts.statements_are_consistent() {
                return Err("does not decode: facts and statements disagree".into());
            }
            // Decoded lists grow as they are read: give back what they did not fill.
            facts.shrink_to_fit();
            // Posting lists only: built from the facts alone, before the checksum is known
            // (nothing of them is used unless it agrees).
            facts.reindex();
            Ok((documents, facts, problems))
        });
        let texts = read_texts(&mut reader, &lengths, truncated);
        // A panic while decoding means a file this build cannot read: reject it, do not crash.
        let head = head.join().unwrap_or_else(|_| Err("does not decode (the decoder panicked)".into()));
        (head, texts)
    });
    let texts = texts?;
    if reader.left != 0 || reader.hasher.digest() != checksum {
        return Err("checksum mismatch (corrupt)".into());
    }
    let (records, mut facts, problems) = head?;
    let documents: Vec<Document> = records
        .into_iter()
        .zip(texts)
        .map(|(record, text)| Document {
            path: record.path,
            file_name: record.file_name,
            text,
            body: record.body,
            meta: record.meta,
            published: record.published,
            published_from: record.published_from,
        })
        .collect();
    // Every body range must lie in its text on character boundaries (the checksum vouches
    // for the bytes, not for the writer): a range that does not is a foreign file.
    if documents.iter().any(|document| document.text.get(document.body.clone()).is_none()) {
        return Err("does not decode: a body lies outside its text".into());
    }
    relink(&documents, &mut facts);
    Ok((corpus_key, Cached { corpus: Corpus { documents, roots: Vec::new() }, facts, problems }))
}

/// Decodes a postcard part that must be exactly one `T`.
fn whole<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    let (value, rest): (T, &[u8]) = postcard::take_from_bytes(bytes).map_err(|error| format!("does not decode: {error}"))?;
    if !rest.is_empty() {
        return Err("does not decode: bytes left after a part".into());
    }
    Ok(value)
}

/// Reads the texts, each into its own allocation (through one reused buffer).
fn read_texts(reader: &mut impl Read, lengths: &[u64], truncated: impl Fn(std::io::Error) -> String) -> Result<Vec<Arc<str>>, String> {
    let mut texts = Vec::with_capacity(lengths.len());
    let mut buffer = Vec::new();
    for &length in lengths {
        buffer.clear();
        reader.take(length).read_to_end(&mut buffer).map_err(&truncated)?;
        if buffer.len() as u64 != length {
            return Err(truncated(std::io::ErrorKind::UnexpectedEof.into()));
        }
        let text = std::str::from_utf8(&buffer).map_err(|_| "does not decode: a text is not UTF-8")?;
        texts.push(Arc::from(text));
    }
    Ok(texts)
}

/// A reader that hashes what it reads and reads no more than `left` bytes.
struct Checked<R> {
    inner: R,
    hasher: Xxh3,
    left: u64,
}

impl<R: Read> Read for Checked<R> {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        let most = buffer.len().min(usize::try_from(self.left).unwrap_or(usize::MAX));
        let read = self.inner.read(&mut buffer[..most])?;
        self.hasher.update(&buffer[..read]);
        self.left -= read as u64;
        Ok(read)
    }
}

/// The sources' texts are not stored twice: point them at the corpus documents' again.
fn relink(documents: &[Document], facts: &mut FactBase) {
    for (source, document) in facts.sources.iter_mut().zip(documents) {
        source.text = Arc::clone(&document.text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::engine::{CacheStatus, Engine};

    fn corpus_dir() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        let world = crate::synth::World::new(3);
        crate::synth::write_corpus(&world, 12, dir.path()).expect("corpus written");
        dir
    }

    fn draft() -> String {
        crate::synth::World::new(3).draft(400)
    }

    #[test]
    fn a_saved_corpus_comes_back_with_the_same_findings() {
        let corpus = corpus_dir();
        let cache_dir = tempfile::tempdir().expect("temp dir");
        let cache = IndexCache::in_dir(cache_dir.path());
        let roots = vec![corpus.path().to_path_buf()];
        let learned = Engine::load_cached(&roots, Config::default(), &cache, false);
        assert_eq!(learned.cache, CacheStatus::Missing);
        learned.engine.save_to_cache(&cache, learned.corpus_key, &learned.problems).expect("saved");

        let cached = Engine::load_cached(&roots, Config::default(), &cache, false);
        assert_eq!(cached.cache, CacheStatus::Fresh);
        let path = Path::new("draft.md");
        let (before, after) = (learned.engine.check(path, &draft()), cached.engine.check(path, &draft()));
        assert!(!before.findings.is_empty(), "the draft has findings to compare");
        assert_eq!(before, after);
        assert_eq!(learned.engine.corpus_report(), cached.engine.corpus_report());
        assert_eq!(cached.engine.corpus().roots, roots);
        // Facts and statements come back as learned, each statement still kept once.
        let (a, b) = (learned.engine.facts(), cached.engine.facts());
        assert!(!a.events.is_empty() && !a.counts.is_empty() && !a.evidence.is_empty(), "the corpus states events, counts and values");
        assert_eq!((&a.events, &a.event_statements), (&b.events, &b.event_statements));
        assert_eq!((&a.counts, &a.count_statements), (&b.counts, &b.count_statements));
        // Texts come back whole, each shared with its source in the fact base.
        for ((document, again), source) in
            learned.engine.corpus().documents.iter().zip(&cached.engine.corpus().documents).zip(&cached.engine.facts().sources)
        {
            assert_eq!((&document.path, &document.text, &document.body), (&again.path, &again.text, &again.body));
            assert_eq!((document.published, &document.meta), (again.published, &again.meta));
            assert!(Arc::ptr_eq(&again.text, &source.text));
        }
    }

    #[test]
    fn a_corrupt_or_foreign_file_is_ignored_and_the_corpus_learned() {
        let corpus = corpus_dir();
        let cache_dir = tempfile::tempdir().expect("temp dir");
        let cache = IndexCache::in_dir(cache_dir.path());
        let roots = vec![corpus.path().to_path_buf()];
        let learned = Engine::load_cached(&roots, Config::default(), &cache, false);
        let path = learned.engine.save_to_cache(&cache, learned.corpus_key, &learned.problems).expect("saved");
        let good = fs::read(&path).expect("cache file");

        // One flipped byte in each part of the payload (the fact base, the text lengths, a
        // text), a truncated file, another format, rubbish.
        let flip = |at: usize| {
            let mut bytes = good.clone();
            bytes[at] ^= 0x40;
            bytes
        };
        let length_at = |at: usize| u64::from_le_bytes(good[at..at + 8].try_into().expect("length")) as usize;
        let head_len = length_at(HEADER_LEN);
        let events_at = HEADER_LEN + 8 + head_len;
        let lengths_at = events_at + 8 + length_at(events_at) + 8;
        let mut other_format = good.clone();
        other_format[8] ^= 1;
        for (what, bytes) in [
            ("flipped in the fact base", flip(HEADER_LEN + 8 + head_len / 2)),
            ("flipped in the events", flip(events_at + 8 + length_at(events_at) / 2)),
            ("flipped in the text lengths", flip(lengths_at + 1)),
            ("flipped in a text", flip(good.len() - 10)),
            ("flipped first part length", flip(HEADER_LEN + 2)),
            ("truncated", good[..good.len() / 2].to_vec()),
            ("format", other_format),
            ("rubbish", b"not a cache".to_vec()),
        ] {
            fs::write(&path, &bytes).expect("damaged");
            let loaded = Engine::load_cached(&roots, Config::default(), &cache, true);
            assert!(matches!(loaded.cache, CacheStatus::Rejected(_)), "{what}: {:?}", loaded.cache);
            assert_eq!(loaded.engine.check(Path::new("d.md"), &draft()), learned.engine.check(Path::new("d.md"), &draft()), "{what}");
        }
    }

    #[test]
    fn a_changed_corpus_makes_the_entry_stale() {
        let corpus = corpus_dir();
        let cache_dir = tempfile::tempdir().expect("temp dir");
        let cache = IndexCache::in_dir(cache_dir.path());
        let roots = vec![corpus.path().to_path_buf()];
        let learned = Engine::load_cached(&roots, Config::default(), &cache, false);
        learned.engine.save_to_cache(&cache, learned.corpus_key, &learned.problems).expect("saved");

        let added = corpus.path().join("0000/extra.md");
        fs::write(&added, "---\npublished: 2015-01-09\n---\nSomething else happened.\n").expect("new article");
        assert_ne!(corpus_key(&roots), learned.corpus_key);
        // The CLI's way: learn again. The server's way: use it while learning again.
        let relearned = Engine::load_cached(&roots, Config::default(), &cache, false);
        assert_eq!(relearned.cache, CacheStatus::Missing);
        assert_eq!(relearned.engine.corpus().documents.len(), 13);
        let stale = Engine::load_cached(&roots, Config::default(), &cache, true);
        assert_eq!(stale.cache, CacheStatus::Stale);
        assert_eq!(stale.engine.corpus().documents.len(), 12);

        relearned.engine.save_to_cache(&cache, relearned.corpus_key, &relearned.problems).expect("saved again");
        assert_eq!(Engine::load_cached(&roots, Config::default(), &cache, true).cache, CacheStatus::Fresh);
    }

    #[test]
    fn an_abandoned_temporary_file_is_deleted_by_the_next_save() {
        let corpus = corpus_dir();
        let cache_dir = tempfile::tempdir().expect("temp dir");
        let cache = IndexCache::in_dir(cache_dir.path());
        let roots = vec![corpus.path().to_path_buf()];
        let abandoned = cache_dir.path().join(".corpus-0123456789abcdef.bin.999.tmp");
        let in_progress = cache_dir.path().join(".corpus-0123456789abcdef.bin.998.tmp");
        for path in [&abandoned, &in_progress] {
            fs::write(path, b"half a cache").expect("temporary file");
        }
        let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(2 * ABANDONED_SECS);
        fs::File::options().write(true).open(&abandoned).and_then(|file| file.set_modified(two_hours_ago)).expect("old mtime");
        let learned = Engine::load_cached(&roots, Config::default(), &cache, false);
        learned.engine.save_to_cache(&cache, learned.corpus_key, &learned.problems).expect("saved");
        assert!(!abandoned.exists(), "a save abandoned two hours ago is deleted");
        assert!(in_progress.exists(), "a save that may still be running is left alone");
    }

    #[test]
    fn an_edit_that_keeps_size_and_modification_time_is_seen_on_the_next_start() {
        let corpus = corpus_dir();
        let cache_dir = tempfile::tempdir().expect("temp dir");
        let cache = IndexCache::in_dir(cache_dir.path());
        let roots = vec![corpus.path().to_path_buf()];
        let learned = Engine::load_cached(&roots, Config::default(), &cache, false);
        learned.engine.save_to_cache(&cache, learned.corpus_key, &learned.problems).expect("saved");
        assert_eq!(Engine::load_cached(&roots, Config::default(), &cache, false).cache, CacheStatus::Fresh);

        // One letter of one article changed, as `cp -p` or `rsync -t` would leave it: the
        // same size and the same modification time.
        let document = &learned.engine.corpus().documents[0];
        let path = document.path.clone();
        let before = fs::read_to_string(&path).expect("article");
        let modified = fs::metadata(&path).and_then(|metadata| metadata.modified()).expect("mtime");
        let at = before[document.body.clone()].find(|c: char| c.is_ascii_lowercase()).expect("a letter") + document.body.start;
        let letter = before.as_bytes()[at];
        let swapped = if letter == b'q' { 'z' } else { 'q' };
        let after = format!("{}{swapped}{}", &before[..at], &before[at + 1..]);
        assert_eq!(before.len(), after.len());
        fs::write(&path, &after).expect("edited");
        fs::File::options().write(true).open(&path).and_then(|file| file.set_modified(modified)).expect("mtime set back");
        let metadata = fs::metadata(&path).expect("metadata");
        assert_eq!((metadata.len(), metadata.modified().expect("mtime")), (before.len() as u64, modified));

        assert_ne!(corpus_key(&roots), learned.corpus_key, "the key follows the content");
        // The CLI's way: learned again, the new text in use.
        let next = Engine::load_cached(&roots, Config::default(), &cache, false);
        assert!(next.learned() && matches!(next.cache, CacheStatus::Rejected(_)), "{:?}", next.cache);
        let again = next.engine.corpus().documents.iter().find(|d| d.path == path).expect("the article");
        assert_eq!(&again.text[at..at + 1], swapped.to_string());
        // The server's way: not even shown while the corpus is learned again (nothing says
        // which article changed, so no quote of it can be trusted).
        let server = Engine::load_cached(&roots, Config::default(), &cache, true);
        assert!(matches!(&server.cache, CacheStatus::Rejected(why) if why.contains("kept its size")), "{:?}", server.cache);
        let again = server.engine.corpus().documents.iter().find(|d| d.path == path).expect("the article");
        assert_eq!(&again.text[at..at + 1], swapped.to_string());
    }

    #[cfg(unix)]
    #[test]
    fn the_cache_folder_and_files_are_private_to_their_owner() {
        use std::os::unix::fs::PermissionsExt;
        let mode = |path: &Path| fs::metadata(path).expect("metadata").permissions().mode() & 0o777;
        let corpus = corpus_dir();
        let parent = tempfile::tempdir().expect("temp dir");
        let roots = vec![corpus.path().to_path_buf()];

        // Made by the cache: 0700 and 0600, whatever the umask lets through.
        let made = parent.path().join("made/factline");
        let cache = IndexCache::in_dir(&made);
        let learned = Engine::load_cached(&roots, Config::default(), &cache, false);
        let entry = learned.engine.save_to_cache(&cache, learned.corpus_key, &learned.problems).expect("saved");
        assert_eq!(mode(&made), 0o700);
        assert_eq!(mode(&entry), 0o600);

        // Left wide by an older build: tightened at the next start, before it is read.
        fs::set_permissions(&made, fs::Permissions::from_mode(0o755)).expect("chmod");
        fs::set_permissions(&entry, fs::Permissions::from_mode(0o644)).expect("chmod");
        assert_eq!(Engine::load_cached(&roots, Config::default(), &cache, false).cache, CacheStatus::Fresh);
        assert_eq!((mode(&made), mode(&entry)), (0o700, 0o600));
        // And by a save.
        fs::set_permissions(&made, fs::Permissions::from_mode(0o755)).expect("chmod");
        fs::set_permissions(&entry, fs::Permissions::from_mode(0o644)).expect("chmod");
        learned.engine.save_to_cache(&cache, learned.corpus_key, &learned.problems).expect("saved again");
        assert_eq!((mode(&made), mode(&entry)), (0o700, 0o600));

        // A folder that holds other files (one named in FACTLINE_CACHE_DIR) keeps its mode;
        // the cache's own files are still private.
        let shared = parent.path().join("shared");
        fs::create_dir(&shared).expect("folder");
        fs::set_permissions(&shared, fs::Permissions::from_mode(0o755)).expect("chmod");
        fs::write(shared.join("notes.txt"), "mine").expect("a file of the user's");
        let cache = IndexCache::in_dir(&shared);
        let entry = learned.engine.save_to_cache(&cache, learned.corpus_key, &learned.problems).expect("saved");
        assert_eq!((mode(&shared), mode(&entry)), (0o755, 0o600));
    }

    #[test]
    fn no_cache_dir_means_no_cache() {
        let corpus = corpus_dir();
        let loaded = Engine::load_cached(&[corpus.path().to_path_buf()], Config::default(), &IndexCache::disabled(), true);
        assert_eq!(loaded.cache, CacheStatus::Off);
        assert_eq!(loaded.engine.corpus().documents.len(), 12);
    }
}
