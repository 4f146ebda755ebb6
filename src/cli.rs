//! The CLI's edge: settings and corpus resolution, and the three output formats
//! (human, like a compiler's; JSON, as `../shared/eval/README.md` specifies; SARIF 2.1.0).
//! Only conversion happens here; the findings come from [`crate::Engine`].

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::config::Config;
use crate::finding::{Finding, Severity};
use crate::workspace::{CorpusChoice, Workspace, choose_corpus, find_workspace, merge_settings, read_user_config};

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
            let outlet = citation
                .outlet
                .as_deref()
                .map(|o| format!(" ({o}{})", citation.published.map(|d| format!(", {d}")).unwrap_or_default()))
                .unwrap_or_default();
            out.push_str(&format!("       = source: {}:{}{}\n", citation.file_name, citation.line, outlet));
            out.push_str(&format!("         \"{}\"\n", shorten(citation.quote.trim(), 240)));
        }
        if !finding.fixes.is_empty() {
            out.push_str(&format!("       = fix: {}\n", finding.fixes.join(" | ")));
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
