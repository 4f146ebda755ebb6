//! Data-driven fixture tests, in the rust-analyzer style: each draft under
//! `tests/fixtures/drafts/<corpus>/` carries its expected findings inline, as a line of
//! carets under the text they mark, followed by the severity and the code:
//!
//! ```text
//! Choe met Putin on Oct. 28.
//!                   ^^^^^^^ warning date-conflict
//! ```
//!
//! Annotation lines are removed before the draft is checked. Every finding of severity
//! information or above must be annotated, and every annotation must be found.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

type Expectation = (usize, usize, usize, String, String);

/// Splits a fixture into the draft text and its expectations (line, start char, end char, severity, code).
fn parse_fixture(source: &str) -> (String, BTreeSet<Expectation>) {
    let mut text_lines: Vec<&str> = Vec::new();
    let mut expected = BTreeSet::new();
    for line in source.split('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with('^') {
            let start = line.chars().take_while(|c| *c == ' ').count();
            let carets = trimmed.chars().take_while(|c| *c == '^').count();
            let mut rest = trimmed[carets..].split_whitespace();
            let severity = rest.next().expect("a severity after the carets").to_string();
            let code = rest.next().expect("a code after the severity").to_string();
            assert!(!text_lines.is_empty(), "an annotation before any text line");
            expected.insert((text_lines.len(), start, start + carets, severity, code));
        } else {
            text_lines.push(line);
        }
    }
    (text_lines.join("\n"), expected)
}

fn check_folder(corpus: &str) {
    let engine = common::engine(corpus);
    let folder = common::project_dir().join("tests/fixtures/drafts").join(corpus);
    let drafts = common::drafts(&folder);
    assert!(!drafts.is_empty(), "fixtures in {}", folder.display());
    let mut failures = Vec::new();
    for path in drafts {
        let source = std::fs::read_to_string(&path).expect("fixture readable");
        let (text, expected) = parse_fixture(&source);
        let report = engine.check(Path::new(path.file_name().expect("file name")), &text);
        let mut actual = BTreeSet::new();
        for finding in &report.findings {
            let (line, start) = common::line_and_char(&text, finding.range.start);
            let (end_line, end) = common::line_and_char(&text, finding.range.end);
            assert_eq!(line, end_line, "{}: a finding spans lines: {finding:?}", path.display());
            actual.insert((line, start, end, finding.severity.as_str().to_string(), finding.code.to_string()));
            // Every conflict with the corpus cites it.
            if finding.kind != factline::Kind::Weekday && finding.code != "name-inconsistent" {
                assert!(!finding.evidence.is_empty(), "{}: finding without evidence: {finding:?}", path.display());
            }
        }
        let missing: Vec<_> = expected.difference(&actual).collect();
        let unexpected: Vec<_> = actual.difference(&expected).collect();
        if !missing.is_empty() || !unexpected.is_empty() {
            let messages: Vec<String> = report.findings.iter().map(|f| format!("    {:?} {}: {}", f.text, f.code, f.message)).collect();
            failures.push(format!("{}:\n  missing {missing:?}\n  unexpected {unexpected:?}\n{}", path.display(), messages.join("\n")));
        }
    }
    assert!(failures.is_empty(), "fixture mismatches:\n{}", failures.join("\n"));
}

#[test]
fn seed_corpus_fixtures() {
    check_folder("seed");
}

#[test]
fn port_corpus_fixtures() {
    check_folder("port");
}

#[test]
fn the_fixture_parser_reads_carets_under_their_line() {
    let (text, expected) = parse_fixture("One.\nMet on Oct. 28.\n       ^^^^^^^ warning date-conflict\nTwo.");
    assert_eq!(text, "One.\nMet on Oct. 28.\nTwo.");
    assert_eq!(expected, BTreeSet::from([(2, 7, 14, "warning".to_string(), "date-conflict".to_string())]));
}
