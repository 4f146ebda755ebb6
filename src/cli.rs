//! The CLI's edge: settings and corpus resolution, and the three output formats
//! (human, like a compiler's; JSON, as `../shared/eval/README.md` specifies; SARIF 2.1.0).
//! Only conversion happens here; the findings come from [`crate::Engine`].

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::config::Config;
use crate::corpus::Corpus;
use crate::finding::{Finding, Severity};

/// A 1-based line and column (in Unicode characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// The settings for a run: an explicit file, else `./factline.toml` when present.
pub fn load_config(explicit: Option<&Path>) -> Result<Config, String> {
    match explicit {
        Some(path) => Config::read(path).map_err(|e| e.to_string()),
        None => {
            let default = Path::new("factline.toml");
            if default.is_file() { Config::read(default).map_err(|e| e.to_string()) } else { Ok(Config::default()) }
        }
    }
}

/// Corpus folders: the command line's, else the settings', else the shipped corpus.
pub fn corpus_roots(cli: &[PathBuf], config: &Config) -> Result<Vec<PathBuf>, String> {
    if !cli.is_empty() {
        return Ok(cli.to_vec());
    }
    if !config.corpus.is_empty() {
        return Ok(config.corpus.clone());
    }
    Corpus::shipped_dir().map(|dir| vec![dir]).ok_or_else(|| "no corpus: pass --corpus DIR or set `corpus` in factline.toml".to_string())
}

/// Human output: `file:line:col: severity[code]: message`, the line with a caret, the quotes.
pub fn human(path: &Path, text: &str, findings: &[Finding]) -> String {
    let mut out = String::new();
    for finding in findings {
        let (line, column) = line_column(text, finding.range.start);
        let line_text = text.lines().nth(line - 1).unwrap_or("");
        let width = finding.text.chars().count().max(1);
        out.push_str(&format!("{}:{}:{}: {}[{}]: {}\n", path.display(), line, column, finding.severity, finding.code, finding.message));
        out.push_str(&format!("  {line:>4} | {line_text}\n"));
        out.push_str(&format!("       | {}{}\n", " ".repeat(column - 1), "^".repeat(width)));
        for citation in &finding.evidence {
            // "Yonhap, 2025-10-28"; an article that names no outlet is known by its file name.
            let about = match (citation.outlet.as_deref(), citation.published) {
                (Some(outlet), Some(date)) => format!(" ({outlet}, {date})"),
                (Some(outlet), None) => format!(" ({outlet}, undated)"),
                (None, Some(date)) => format!(" ({date})"),
                (None, None) => " (undated)".to_string(),
            };
            out.push_str(&format!("       = source: {}:{}{}\n", citation.file_name, citation.line, about));
            out.push_str(&format!("         \"{}\"\n", shorten(citation.quote.trim(), 240)));
        }
        // Each fix on its own line: they are alternatives, not one text.
        for (rank, fix) in finding.fixes.iter().enumerate() {
            out.push_str(&format!("       = {}: {fix}\n", if rank == 0 { "fix" } else { "or" }));
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

/// SARIF 2.1.0, as code-scanning upload accepts it.
pub fn sarif_output(results: &[(PathBuf, String, Vec<Finding>)]) -> String {
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
                        "artifactLocation": { "uri": uri_path(path) },
                        "region": { "startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column }
                    }
                }],
                "relatedLocations": finding.evidence.iter().enumerate().map(|(i, c)| json!({
                    "id": i,
                    "message": { "text": shorten(c.quote.trim(), 300) },
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri_path(&c.path) },
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
            "results": sarif_results,
        }]
    });
    serde_json::to_string_pretty(&document).unwrap_or_default()
}

fn uri_path(path: &Path) -> String {
    path.display().to_string().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters() {
        let text = "첫 줄\n최선희 — met 🙂 Oct. 28";
        let offset = text.find("Oct.").unwrap();
        assert_eq!(line_column(text, offset), (2, 13));
        assert_eq!(line_column(text, 0), (1, 1));
    }
}
