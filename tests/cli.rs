//! The `factline` binary end to end: exit codes, the three formats, corpus problems.

mod common;

use std::path::Path;
use std::process::{Command, Output};

fn factline(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factline")).args(args).current_dir(dir).output().expect("the binary runs")
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("writable temp dir");
    path.display().to_string()
}

const CONFLICTING: &str = "---\npublished: 2025-10-28\n---\nChoe Son-hui met Russian President Vladimir Putin in Moscow on Oct. 28.\n";
const CLEAN: &str = "---\npublished: 2025-10-28\n---\nChoe Son-hui met Russian President Vladimir Putin in Moscow on Monday.\n";

#[test]
fn exit_codes_follow_the_findings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = common::corpus_dir("seed").display().to_string();
    let bad = write(dir.path(), "bad.md", CONFLICTING);
    let good = write(dir.path(), "good.md", CLEAN);
    assert_eq!(factline(&["check", "--corpus", &corpus, &good], dir.path()).status.code(), Some(0));
    assert_eq!(factline(&["check", "--corpus", &corpus, &bad], dir.path()).status.code(), Some(1));
    assert_eq!(factline(&["check", "--corpus", "/nonexistent/corpus", &good], dir.path()).status.code(), Some(2));
    assert_eq!(factline(&["check", "--corpus", &corpus, "/nonexistent/draft.md"], dir.path()).status.code(), Some(2));
    assert_eq!(factline(&["check", "--format", "yaml", &good], dir.path()).status.code(), Some(2));
    assert_eq!(factline(&["check"], dir.path()).status.code(), Some(2));
}

#[test]
fn json_matches_the_eval_schema() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = common::corpus_dir("seed").display().to_string();
    let bad = write(dir.path(), "bad.md", CONFLICTING);
    let output = factline(&["check", "--format", "json", "--corpus", &corpus, &bad], dir.path());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON on stdout");
    let findings = json["findings"].as_array().expect("a findings array");
    let date = findings.iter().find(|f| f["kind"] == "date").expect("a date finding");
    assert_eq!(date["line"], 4);
    assert_eq!(date["text"], "Oct. 28");
    assert_eq!(date["column"], 64);
    assert_eq!(date["end_column"], 71);
    assert_eq!(date["severity"], "warning");
    assert_eq!(date["code"], "date-conflict");
    assert_eq!(date["fix"], "Oct. 27");
    let evidence = date["evidence"].as_array().expect("evidence");
    assert!(!evidence.is_empty());
    for entry in evidence {
        let source = common::corpus_dir("seed").join(entry["source"].as_str().expect("a source"));
        let text = std::fs::read_to_string(source).expect("the cited file exists");
        assert!(text.contains(entry["quote"].as_str().expect("a quote")), "the quote stands in the file");
    }
}

#[test]
fn sarif_is_2_1_0_with_rules_and_locations() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = common::corpus_dir("seed").display().to_string();
    let bad = write(dir.path(), "bad.md", CONFLICTING);
    let output = factline(&["check", "--format", "sarif", "--corpus", &corpus, &bad], dir.path());
    let sarif: serde_json::Value = serde_json::from_slice(&output.stdout).expect("SARIF JSON");
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    let rules: Vec<&str> =
        run["tool"]["driver"]["rules"].as_array().expect("rules").iter().map(|r| r["id"].as_str().expect("id")).collect();
    let results = run["results"].as_array().expect("results");
    assert!(!results.is_empty());
    for result in results {
        let rule = result["ruleId"].as_str().expect("ruleId");
        assert!(rules.contains(&rule), "{rule} is declared");
        assert_eq!(rules[result["ruleIndex"].as_u64().expect("ruleIndex") as usize], rule);
        let region = &result["locations"][0]["physicalLocation"]["region"];
        assert!(region["startLine"].as_u64().expect("startLine") >= 1);
        assert!(matches!(result["level"].as_str(), Some("error" | "warning" | "note")));
    }
}

#[test]
fn human_output_quotes_the_source_under_the_finding() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = common::corpus_dir("seed").display().to_string();
    let bad = write(dir.path(), "bad.md", CONFLICTING);
    let output = factline(&["check", "--corpus", &corpus, &bad], dir.path());
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(text.contains(":4:64: warning[date-conflict]"), "{text}");
    assert!(text.contains("source: 001_e153acd5095c2f17.txt:3 (Yonhap, 2025-10-28)"), "the outlet its text credits: {text}");
    assert!(!text.contains("unknown outlet"), "{text}");
    assert!(text.contains("\"Choe paid a courtesy call on Putin in Moscow the previous day"), "{text}");
    assert!(text.contains("fix: Oct. 27"), "{text}");
}

#[test]
fn bad_corpus_files_are_named_and_the_rest_still_loads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).expect("corpus dir");
    for entry in std::fs::read_dir(common::corpus_dir("seed")).expect("seed corpus") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, corpus.join(path.file_name().expect("name"))).expect("copy");
    }
    std::fs::write(corpus.join("latin1.txt"), b"Caf\xe9 in M\xfcnchen").expect("write");
    std::fs::write(corpus.join("binary.md"), b"\x00\x01\x02").expect("write");
    std::fs::write(corpus.join("broken.md"), "---\ntitle: [oops\n---\nPutin met Choe.\n").expect("write");
    std::fs::write(corpus.join("empty.txt"), "").expect("write");
    let bad = write(dir.path(), "bad.md", CONFLICTING);
    let output = factline(&["check", "--corpus", &corpus.display().to_string(), &bad], dir.path());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("latin1.txt") && stderr.contains("UTF-8"), "{stderr}");
    assert!(stderr.contains("binary.md"), "{stderr}");
    assert!(stderr.contains("broken.md") && stderr.contains("front matter"), "{stderr}");
    assert_eq!(output.status.code(), Some(1), "the seed articles still loaded and found the conflict");
}

#[test]
fn corpus_report_lists_people_undated_articles_and_disputes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = common::corpus_dir("seed").display().to_string();
    let output = factline(&["corpus", "--corpus", &corpus], dir.path());
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(text.contains("Choe Son-hui") && text.contains("Choi Sun-hui (1 source)"), "{text}");
    assert!(text.contains("`003_03b99a398e54ecda.txt`: no outlet named in it; NO DATE"), "{text}");
    assert!(text.contains("`001_e153acd5095c2f17.txt`: Yonhap (wire credit)"), "{text}");
    assert!(text.contains("Oct. 24, 2025") && text.contains("Oct. 25, 2025"), "{text}");
    assert!(text.contains("Kremlin spokesman"), "{text}");
}

#[test]
fn settings_file_turns_a_kind_off_and_ignores_names() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = common::corpus_dir("seed").display().to_string();
    write(dir.path(), "factline.toml", "ignore_names = [\"Vladimir Puttin\"]\n[severity]\ndate = \"off\"\n");
    let draft = write(dir.path(), "d.md", "---\npublished: 2025-10-28\n---\nChoe met Vladimir Puttin on Oct. 28.\n");
    let output = factline(&["check", "--format", "json", "--corpus", &corpus, &draft], dir.path());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json["findings"].as_array().expect("array").len(), 0, "{json}");
    assert_eq!(output.status.code(), Some(0));
    write(dir.path(), "factline.toml", "[severity]\ndate = \"loud\"\n");
    let output = factline(&["check", "--corpus", &corpus, &draft], dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("factline.toml"));
}
