//! The CLI's edge: settings and corpus resolution, and the three output formats
//! (human, like a compiler's; JSON, as `../shared/eval/README.md` specifies; SARIF 2.1.0).
//! Only conversion happens here; the findings come from [`crate::Engine`].

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::config::Config;
use crate::finding::{Finding, Severity};
use crate::workspace::{CorpusChoice, Workspace, choose_corpus, find_workspace, merge_settings, read_user_config};

/// A 1-based line and column (in Unicode characters) of a byte offset. Lines end at `\n`,
/// `\r\n` or a lone `\r`, as editors (and LSP) count them.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = text.floor_char_boundary(offset);
    let before = &text[..offset];
    let bytes = text.as_bytes();
    // A `\r` ends a line unless a `\n` follows it (then the `\n` does).
    let ends_line = |at: usize| bytes[at] == b'\n' || bytes[at] == b'\r' && bytes.get(at + 1) != Some(&b'\n');
    let line = before.match_indices(['\n', '\r']).filter(|(at, _)| ends_line(*at)).count() + 1;
    let line_start = before.rmatch_indices(['\n', '\r']).find(|(at, _)| ends_line(*at)).map_or(0, |(at, _)| at + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// The lines of a text, each without its line end (`\n`, `\r\n` or a lone `\r`).
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let current = rest?;
        match current.find(['\n', '\r']) {
            Some(at) => {
                let skip = if current[at..].starts_with("\r\n") { 2 } else { 1 };
                rest = Some(&current[at + skip..]);
                Some(&current[..at])
            }
            None => {
                rest = None;
                Some(current)
            }
        }
    })
}

/// How a draft read from standard input (`factline check -`) is named in the output.
pub const STDIN_NAME: &str = "<stdin>";

/// What a run of the CLI uses: its settings, which corpus, and what to warn about.
#[derive(Clone, Debug)]
pub struct Setup {
    /// Settings, with `corpus` the folders chosen (empty: the built-in sample).
    pub config: Config,
    pub choice: CorpusChoice,
    /// Warnings for stderr: folders a workspace named outside itself.
    pub warnings: Vec<String>,
}

/// Settings and corpus for a run, by the precedence of [`crate::workspace`]: `--corpus`
/// folders, the user config file, the workspace's `factline.toml` (`--config FILE`, else
/// the one found from `start` upward, else from the current folder upward) and its
/// `corpus/` folder, else the built-in sample. A settings file that does not parse is an error.
pub fn setup(command_line: &[PathBuf], explicit_config: Option<&Path>, start: Option<&Path>) -> Result<Setup, String> {
    let user = read_user_config().map_err(|error| error.to_string())?;
    let workspace = match explicit_config {
        Some(path) => Some(Workspace::from_file(path).map_err(|error| error.to_string())?),
        None => {
            let found = start.and_then(find_workspace).or_else(|| find_workspace(Path::new(".")));
            match found.map(|root| Workspace::open(&root)) {
                Some((_, Some(error))) => return Err(error.to_string()),
                Some((workspace, None)) => Some(workspace),
                None => None,
            }
        }
    };
    let choice = choose_corpus(command_line, &[], user.as_ref(), workspace.as_ref());
    let mut config = merge_settings(user.as_ref().map(|user| &user.config), workspace.as_ref().and_then(Workspace::config));
    config.corpus = choice.folders.clone();
    let warnings = choice.refused.iter().map(|refused| refused.to_string()).collect();
    Ok(Setup { config, choice, warnings })
}

/// Whether a character could drive a terminal or reorder what it shows: control characters
/// (C0 but the tab, DEL, C1: escape sequences, carriage returns, bells) and the bidirectional
/// formatting characters.
fn is_unsafe_for_terminal(c: char) -> bool {
    (c.is_control() && c != '\t') || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` safe to print on a terminal in one line: every control or bidirectional formatting
/// character (line breaks too) written as an escape, `\x1b` or `\u{202e}`. For what comes
/// from the corpus or the file system (file names, titles, outlets, quotes, names in
/// messages): a file named with an escape sequence prints the sequence, it does not run it.
pub fn escape_for_terminal(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe_for_terminal) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(escape_chars(text, is_unsafe_for_terminal))
}

/// [`escape_for_terminal`] for text of several lines (`factline corpus`, `annotate`): line
/// breaks are kept, every other such character escaped.
pub fn escape_lines_for_terminal(text: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| c != '\n' && is_unsafe_for_terminal(c);
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(escape_chars(text, unsafe_char))
}

fn escape_chars(text: &str, escape: impl Fn(char) -> bool) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if !escape(c) {
            out.push(c);
        } else if (c as u32) < 0x80 {
            out.push_str(&format!("\\x{:02x}", c as u32));
        } else {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        }
    }
    out
}

/// A path as [`escape_for_terminal`] prints it.
pub fn display_path(path: &Path) -> String {
    escape_for_terminal(&path.display().to_string()).into_owned()
}

/// Human output: `file:line:col: severity[code]: message`, the line with a caret, the quotes.
/// Everything printed from the draft, its path and the corpus goes through
/// [`escape_for_terminal`].
pub fn human(path: &Path, text: &str, findings: &[Finding]) -> String {
    let mut out = String::new();
    let shown_path = display_path(path);
    for finding in findings {
        let (line, column) = line_column(text, finding.range.start);
        let line_text = escape_for_terminal(lines(text).nth(line - 1).unwrap_or(""));
        let width = finding.text.chars().count().max(1);
        let message = escape_for_terminal(&finding.message);
        out.push_str(&format!("{shown_path}:{line}:{column}: {}[{}]: {message}\n", finding.severity, finding.code));
        out.push_str(&format!("  {line:>4} | {line_text}\n"));
        out.push_str(&format!("       | {}{}\n", " ".repeat(column - 1), "^".repeat(width)));
        for citation in &finding.evidence {
            // "Yonhap, 2024-03-14"; an article that names no outlet is known by its file name.
            let about = match (citation.outlet.as_deref(), citation.published) {
                (Some(outlet), Some(date)) => format!(" ({}, {date})", escape_for_terminal(outlet)),
                (Some(outlet), None) => format!(" ({}, undated)", escape_for_terminal(outlet)),
                (None, Some(date)) => format!(" ({date})"),
                (None, None) => " (undated)".to_string(),
            };
            out.push_str(&format!("       = source: {}:{}{}\n", escape_for_terminal(&citation.file_name), citation.line, about));
            out.push_str(&format!("         \"{}\"\n", escape_for_terminal(&shorten(citation.quote.trim(), 240))));
        }
        // Each fix on its own line: they are alternatives, not one text.
        for (rank, fix) in finding.fixes.iter().enumerate() {
            out.push_str(&format!("       = {}: {}\n", if rank == 0 { "fix" } else { "or" }, escape_for_terminal(fix)));
        }
        out.push('\n');
    }
    out
}

fn shorten(text: &str, max: usize) -> String {
    let folded: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if folded.chars().count() <= max { folded } else { format!("{}…", folded.chars().take(max).collect::<String>()) }
}

/// One finding as the JSON schema of the eval README.
pub fn finding_json(path: &Path, text: &str, finding: &Finding) -> Value {
    let (line, column) = line_column(text, finding.range.start);
    let (end_line, end_column) = line_column(text, finding.range.end);
    json!({
        "file": path.display().to_string(),
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "text": finding.text,
        "severity": finding.severity.as_str(),
        "kind": finding.kind.as_str(),
        "code": finding.code,
        "verdict": finding.verdict.as_str(),
        "message": finding.message,
        "evidence": finding.evidence.iter().map(|c| json!({
            "source": c.file_name,
            "path": c.path.display().to_string(),
            "line": c.line,
            "end_line": c.end_line,
            "quote": c.quote,
            "outlet": c.outlet,
            "published": c.published.map(|d| d.to_string()),
        })).collect::<Vec<_>>(),
        "fix": finding.fixes.first(),
        "fixes": finding.fixes,
    })
}

pub fn json_output(results: &[(PathBuf, String, Vec<Finding>)]) -> String {
    let findings: Vec<Value> =
        results.iter().flat_map(|(path, text, findings)| findings.iter().map(move |f| finding_json(path, text, f))).collect();
    serde_json::to_string_pretty(&json!({ "findings": findings })).unwrap_or_else(|_| "{\"findings\": []}".into())
}

fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Information | Severity::Hint => "note",
    }
}

/// The `%SRCROOT%` of SARIF output: the folder `factline check` runs in (a CI job's
/// checkout), as an absolute path with links resolved.
pub fn source_root() -> Option<PathBuf> {
    std::env::current_dir().ok().and_then(|dir| dir.canonicalize().ok())
}

/// SARIF 2.1.0, as code-scanning upload accepts it, with `%SRCROOT%` the current folder.
pub fn sarif_output(results: &[(PathBuf, String, Vec<Finding>)]) -> String {
    sarif_output_under(results, source_root().as_deref())
}

/// SARIF 2.1.0 with every location (drafts and corpus passages) under `root` written as a
/// URI relative to it with `uriBaseId` `%SRCROOT%`, as GitHub code scanning expects;
/// anything else as an absolute `file:` URI. `originalUriBaseIds` says where `%SRCROOT%` was.
pub fn sarif_output_under(results: &[(PathBuf, String, Vec<Finding>)], root: Option<&Path>) -> String {
    let rules: Vec<Value> = crate::finding::CODES
        .iter()
        .map(|(code, description)| {
            json!({
                "id": code,
                "name": code,
                "shortDescription": { "text": description },
                "helpUri": crate::finding::code_docs_url(code),
            })
        })
        .collect();
    let mut sarif_results = Vec::new();
    for (path, text, findings) in results {
        for finding in findings {
            let (line, column) = line_column(text, finding.range.start);
            let (end_line, end_column) = line_column(text, finding.range.end);
            let rule_index = crate::finding::CODES.iter().position(|(code, _)| *code == finding.code).unwrap_or(0);
            sarif_results.push(json!({
                "ruleId": finding.code,
                "ruleIndex": rule_index,
                "level": sarif_level(finding.severity),
                "message": { "text": finding.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": artifact_location(path, root),
                        "region": { "startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column }
                    }
                }],
                "relatedLocations": finding.evidence.iter().enumerate().map(|(i, c)| json!({
                    "id": i,
                    "message": { "text": shorten(c.quote.trim(), 300) },
                    "physicalLocation": {
                        "artifactLocation": artifact_location(&c.path, root),
                        "region": { "startLine": c.line, "endLine": c.end_line }
                    }
                })).collect::<Vec<_>>(),
                "partialFingerprints": { "factline/v1": format!("{}:{}:{}", finding.code, line, finding.text) },
            }));
        }
    }
    let document = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "factline",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": crate::finding::REPOSITORY,
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": root.map_or_else(|| json!({}), |root| json!({ SRCROOT: { "uri": directory_uri(root) } })),
            "results": sarif_results,
        }]
    });
    serde_json::to_string_pretty(&document).unwrap_or_default()
}

/// The base id of the checkout in SARIF locations.
pub const SRCROOT: &str = "%SRCROOT%";

/// A SARIF `artifactLocation`: relative to `%SRCROOT%` when the file lies under `root`
/// (a relative path is taken from the current folder), else an absolute `file:` URI.
fn artifact_location(path: &Path, root: Option<&Path>) -> Value {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().map(|dir| dir.join(path)).unwrap_or_else(|_| path.to_path_buf())
    };
    let absolute = absolute.canonicalize().unwrap_or(absolute);
    match root.and_then(|root| absolute.strip_prefix(root).ok()) {
        Some(relative) => json!({ "uri": encode_uri_path(relative), "uriBaseId": SRCROOT }),
        None if absolute.is_absolute() => json!({ "uri": format!("file://{}", encode_uri_path(&absolute)) }),
        None => json!({ "uri": encode_uri_path(path) }),
    }
}

/// The `file:` URI of a folder, ending in `/` as a base URI must.
fn directory_uri(dir: &Path) -> String {
    let encoded = encode_uri_path(dir);
    let slash = if encoded.ends_with('/') { "" } else { "/" };
    format!("file://{encoded}{slash}")
}

/// A path as the path of a URI: its components joined by `/`, every byte that is not an
/// unreserved character (letters, digits, `-._~`) or one of `!$&'()*+,;=:@` percent-encoded.
fn encode_uri_path(path: &Path) -> String {
    let mut out = String::new();
    for component in path.components() {
        let part = match component {
            std::path::Component::RootDir => {
                out.push('/');
                continue;
            }
            std::path::Component::Prefix(prefix) => prefix.as_os_str().to_string_lossy().replace('\\', "/"),
            std::path::Component::CurDir => continue,
            std::path::Component::ParentDir => "..".to_string(),
            std::path::Component::Normal(name) => name.to_string_lossy().into_owned(),
        };
        if !out.is_empty() && !out.ends_with('/') {
            out.push('/');
        }
        for byte in part.bytes() {
            if byte.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@".contains(&byte) {
                out.push(byte as char);
            } else {
                out.push_str(&format!("%{byte:02X}"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lone_carriage_return_ends_a_line() {
        let lf = "one\ntwo\r\nthree four";
        let cr = "one\rtwo\r\nthree four";
        for offset in 0..=lf.len() {
            assert_eq!(line_column(cr, offset), line_column(lf, offset), "offset {offset}");
        }
        assert_eq!(line_column(cr, cr.find("four").unwrap()), (3, 7));
        assert_eq!(lines(cr).collect::<Vec<_>>(), ["one", "two", "three four"]);
        assert_eq!(lines("a\r\rb\r").collect::<Vec<_>>(), ["a", "", "b", ""]);
    }

    #[test]
    fn control_and_bidi_characters_print_escaped() {
        assert!(matches!(escape_for_terminal("plain — 박민서\ttab"), Cow::Borrowed(_)));
        assert_eq!(escape_for_terminal("a\u{1b}[31mb\u{7}\u{9b}c\u{202e}d\ne"), "a\\x1b[31mb\\x07\\u{9b}c\\u{202e}d\\x0ae");
        assert_eq!(escape_lines_for_terminal("one\u{1b}[2J\ntwo\r"), "one\\x1b[2J\ntwo\\x0d");
    }

    #[test]
    fn sarif_uris_are_percent_encoded_paths() {
        assert_eq!(encode_uri_path(Path::new("drafts/a b#1%.md")), "drafts/a%20b%231%25.md");
        assert_eq!(encode_uri_path(Path::new("/srv/최.md")), "/srv/%EC%B5%9C.md");
        let root = Path::new("/srv/repo");
        assert_eq!(artifact_location(Path::new("/srv/repo/x y.md"), Some(root)), json!({"uri": "x%20y.md", "uriBaseId": SRCROOT}));
        assert_eq!(artifact_location(Path::new("/elsewhere/x.md"), Some(root)), json!({"uri": "file:///elsewhere/x.md"}));
        assert_eq!(directory_uri(root), "file:///srv/repo/");
    }

    #[test]
    fn columns_count_characters() {
        let text = "첫 줄\n박민서 — met 🙂 Mar. 14";
        let offset = text.find("Mar.").unwrap();
        assert_eq!(line_column(text, offset), (2, 13));
        assert_eq!(line_column(text, 0), (1, 1));
    }
}
