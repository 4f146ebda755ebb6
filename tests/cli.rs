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
fn a_state_written_before_said_is_no_person_in_the_corpus_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).expect("corpus dir");
    std::fs::write(
        corpus.join("hill.md"),
        "---\noutlet: Capitol Wire\npublished: 2025-06-30\n---\nSen. Ada Brannock of New Mexico said Sunday she would vote against the bill.\n\nGov. Lem Ostrow of Nova Scotia said the province would wait.\n",
    )
    .expect("write");
    let output = factline(&["corpus", "--corpus", &corpus.display().to_string()], dir.path());
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(text.contains("**Ada Brannock**") && text.contains("**Lem Ostrow**"), "{text}");
    assert!(!text.contains("**New Mexico**") && !text.contains("**Nova Scotia**"), "{text}");
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

/// Copies the seed corpus into `dir`, the file `rename.0` named `rename.1` instead.
fn seed_copy(dir: &Path, renames: &[(&str, &str)]) {
    std::fs::create_dir_all(dir).expect("corpus dir");
    for entry in std::fs::read_dir(common::corpus_dir("seed")).expect("seed corpus") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("name").to_string_lossy().into_owned();
        let target = renames.iter().find(|(from, _)| *from == name).map_or(name.as_str(), |(_, to)| to);
        std::fs::copy(&path, dir.join(target)).expect("copy");
    }
}

/// A file named with escape sequences (a colour, a window title set with OSC and BEL, a
/// screen clear), an outlet and a quote holding some: printed escaped, never run.
#[test]
fn escape_sequences_from_the_corpus_print_escaped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    let cited = "001\u{1b}]0;pwned\u{7}\u{1b}[31mevil.txt";
    seed_copy(&corpus, &[("001_e153acd5095c2f17.txt", cited), ("003_03b99a398e54ecda.txt", "003\u{1b}[2Jundated.txt")]);
    // An outlet with an escape (YAML's `\e`), and a quote with one.
    let source = std::fs::read_to_string(corpus.join(cited)).expect("copied source");
    let source = source.replace("Korean Central News Agency.", "Korean Central News Agency\u{1b}[8m.");
    std::fs::write(corpus.join(cited), format!("---\noutlet: \"Evil\\e[31m Wire\"\n---\n{source}")).expect("write");
    std::fs::write(corpus.join("bad\u{1b}[2J\u{9b}31m.txt"), b"Caf\xe9").expect("write");
    let corpus = corpus.display().to_string();
    let bad = write(dir.path(), "bad.md", CONFLICTING);

    let output = factline(&["check", "--corpus", &corpus, &bad], dir.path());
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    for (stream, text) in [("stdout", &stdout), ("stderr", &stderr)] {
        assert!(!text.contains(['\u{1b}', '\u{7}', '\u{9b}']), "{stream} holds a raw control character: {text:?}");
    }
    assert!(stdout.contains("source: 001\\x1b]0;pwned\\x07\\x1b[31mevil.txt:"), "{stdout}");
    assert!(stdout.contains("(Evil\\x1b[31m Wire"), "{stdout}");
    assert!(stdout.contains("News Agency\\x1b[8m."), "{stdout}");
    assert!(stderr.contains("bad\\x1b[2J\\u{9b}31m.txt") && stderr.contains("UTF-8"), "{stderr}");

    let output = factline(&["corpus", "--corpus", &corpus], dir.path());
    let report = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(report.contains("003\\x1b[2Jundated.txt"), "{report}");
    assert!(!report.contains(['\u{1b}', '\u{7}', '\u{9b}']), "the corpus report holds a raw control character");
}

#[test]
fn a_draft_read_from_standard_input_is_named_stdin() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = common::corpus_dir("seed").display().to_string();
    let mut child = Command::new(env!("CARGO_BIN_EXE_factline"))
        .args(["check", "--corpus", &corpus, "-"])
        .current_dir(dir.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    std::io::Write::write_all(&mut child.stdin.take().expect("stdin"), CONFLICTING.as_bytes()).expect("write the draft");
    let output = child.wait_with_output().expect("the binary ends");
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(text.contains("<stdin>:4:64: warning[date-conflict]"), "{text}");
    assert_eq!(output.status.code(), Some(1));
}

/// A draft whose lines end in a lone `\r` gets the same lines and columns as its `\n` twin.
#[test]
fn lone_carriage_returns_end_lines_like_line_feeds() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = common::corpus_dir("seed").display().to_string();
    let twin = |name: &str, text: &str| {
        let draft = write(dir.path(), name, text);
        let output = factline(&["check", "--format", "json", "--corpus", &corpus, &draft], dir.path());
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
        let human = factline(&["check", "--corpus", &corpus, &draft], dir.path());
        let places: Vec<(u64, u64, u64, u64, String)> = json["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .map(|f| {
                let at = |key: &str| f[key].as_u64().expect("a number");
                (at("line"), at("column"), at("end_line"), at("end_column"), f["code"].as_str().expect("code").to_string())
            })
            .collect();
        (places, String::from_utf8(human.stdout).expect("UTF-8"))
    };
    let (lf, lf_human) = twin("lf.md", CONFLICTING);
    let (cr, cr_human) = twin("cr.md", &CONFLICTING.replace('\n', "\r"));
    assert!(lf.iter().any(|(line, column, _, _, code)| (*line, *column, code.as_str()) == (4, 64, "date-conflict")), "{lf:?}");
    assert_eq!(cr, lf);
    assert!(cr_human.contains("cr.md:4:64: warning[date-conflict]"), "{cr_human}");
    assert_eq!(cr_human.replace("cr.md", "lf.md"), lf_human, "the same lines, carets and sources");
}

/// Every location is a URI relative to `%SRCROOT%` (the folder the check runs in) when the
/// file lies under it, as GitHub code scanning expects; elsewhere an absolute `file:` URI.
#[test]
fn sarif_locations_are_relative_to_srcroot() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().canonicalize().expect("canonical temp dir");
    seed_copy(&root.join("sources dir"), &[]);
    std::fs::create_dir(root.join("drafts")).expect("drafts dir");
    write(&root.join("drafts"), "bad.md", CONFLICTING);
    let output = factline(&["check", "--format", "sarif", "--corpus", "sources dir", "drafts/bad.md"], &root);
    let sarif: serde_json::Value = serde_json::from_slice(&output.stdout).expect("SARIF JSON");
    let run = &sarif["runs"][0];
    let base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"].as_str().expect("%SRCROOT% is declared");
    assert!(base.starts_with("file:///") && base.ends_with('/'), "{base}");
    let results = run["results"].as_array().expect("results");
    let date = results.iter().find(|r| r["ruleId"] == "date-conflict").expect("a date conflict");
    let location = &date["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(location, &serde_json::json!({"uri": "drafts/bad.md", "uriBaseId": "%SRCROOT%"}));
    let related = date["relatedLocations"].as_array().expect("related locations");
    assert!(!related.is_empty());
    for entry in related {
        let artifact = &entry["physicalLocation"]["artifactLocation"];
        assert_eq!(artifact["uriBaseId"], "%SRCROOT%", "{artifact}");
        let uri = artifact["uri"].as_str().expect("a uri");
        assert!(uri.starts_with("sources%20dir/") && uri.ends_with(".txt"), "relative and percent-encoded: {uri}");
    }

    // A corpus outside the folder: absolute `file:` URIs, no base.
    let outside = common::corpus_dir("seed").display().to_string();
    let output = factline(&["check", "--format", "sarif", "--corpus", &outside, "drafts/bad.md"], &root);
    let sarif: serde_json::Value = serde_json::from_slice(&output.stdout).expect("SARIF JSON");
    let result = &sarif["runs"][0]["results"][0];
    let artifact = &result["relatedLocations"][0]["physicalLocation"]["artifactLocation"];
    assert!(artifact["uri"].as_str().is_some_and(|uri| uri.starts_with("file:///")) && artifact.get("uriBaseId").is_none(), "{artifact}");
    assert_eq!(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "drafts/bad.md");
}

/// `cargo install` installs the binaries of the package: only `factline`; the benchmark
/// generator is an example.
#[test]
fn the_package_has_one_binary() {
    assert!(option_env!("CARGO_BIN_EXE_factline").is_some());
    assert_eq!(option_env!("CARGO_BIN_EXE_factline-gen"), None, "factline-gen would be installed on the user's PATH");
}
