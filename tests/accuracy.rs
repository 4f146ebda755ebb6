//! Accuracy over annotated drafts, scored the way `../shared/eval/score` scores: each
//! `tests/accuracy/<corpus>/NAME.md` has a `NAME.expect` listing `LINE KIND SPAN`; a warning
//! or error matches when line and kind agree and its range overlaps SPAN; date, count, role
//! and place findings count only with a quote that stands in the cited corpus file.
//! The test fails when F1 falls under the threshold, and prints every miss and false alarm.

mod common;

use std::path::Path;

use factline::{Finding, Kind, Severity};

/// F1 the seed and port drafts must keep.
const MIN_F1: f64 = 0.9;
/// F1 floors of the corpora written in other house styles: a little under what the
/// checker reaches on them today, so that a change that loses findings fails.
const VERDICT_F1: f64 = 0.62;
const FINAL_F1: f64 = 0.7;
const MERGER_F1: f64 = 0.8;
const FLOOD_F1: f64 = 0.85;

struct Expected {
    line: usize,
    kind: String,
    start: usize,
    end: usize,
}

fn read_expect(path: &Path, lines: &[&str]) -> Vec<Expected> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|l| {
            let mut parts = l.splitn(3, ' ');
            let line: usize = parts.next().and_then(|n| n.parse().ok()).expect("a line number");
            let kind = parts.next().expect("a kind").to_string();
            let span = parts.next().expect("a span");
            let on = lines[line - 1];
            let byte = on.find(span).unwrap_or_else(|| panic!("{}: {span:?} not on line {line}", path.display()));
            let start = on[..byte].chars().count();
            Expected { line, kind, start, end: start + span.chars().count() }
        })
        .collect()
}

fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn cited(finding: &Finding) -> bool {
    if !matches!(finding.kind, Kind::Date | Kind::Count | Kind::Role | Kind::Place) {
        return true;
    }
    finding.evidence.iter().any(|c| std::fs::read_to_string(&c.path).is_ok_and(|text| fold(&text).contains(&fold(&c.quote))))
}

/// (true positives, false positives, false negatives) and a report of each miss.
fn score(corpus: &str) -> (usize, usize, usize, Vec<String>) {
    let engine = common::engine(corpus);
    let folder = common::project_dir().join("tests/accuracy").join(corpus);
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    let mut notes = Vec::new();
    for path in common::drafts(&folder) {
        let text = std::fs::read_to_string(&path).expect("draft readable");
        let lines: Vec<&str> = text.split('\n').collect();
        let expected = read_expect(&path.with_extension("expect"), &lines);
        let mut used = vec![false; expected.len()];
        let report = engine.check(&path, &text);
        for finding in report.findings.iter().filter(|f| f.severity >= Severity::Warning) {
            let (line, start) = common::line_and_char(&text, finding.range.start);
            let (_, end) = common::line_and_char(&text, finding.range.end);
            let hit = expected.iter().enumerate().position(|(i, e)| {
                !used[i] && e.line == line && e.kind == finding.kind.as_str() && start < e.end && e.start < end.max(start + 1)
            });
            match hit.filter(|_| cited(finding)) {
                Some(i) => {
                    used[i] = true;
                    tp += 1;
                }
                None => {
                    fp += 1;
                    notes.push(format!("false alarm {}:{line} {} {:?}: {}", path.display(), finding.kind, finding.text, finding.message));
                }
            }
        }
        for (i, e) in expected.iter().enumerate() {
            if !used[i] {
                fn_ += 1;
                notes.push(format!("missed {}:{} {}", path.display(), e.line, e.kind));
            }
        }
    }
    (tp, fp, fn_, notes)
}

fn f1(tp: usize, fp: usize, fn_: usize) -> f64 {
    let precision = if tp + fp == 0 { 1.0 } else { tp as f64 / (tp + fp) as f64 };
    let recall = if tp + fn_ == 0 { 1.0 } else { tp as f64 / (tp + fn_) as f64 };
    if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) }
}

/// Scores one corpus's drafts and fails under its thresholds: precision first (a linter
/// that cries wolf is switched off), then F1.
fn assert_accuracy(corpus: &str, min_precision: f64, min_f1: f64) {
    let (tp, fp, fn_, notes) = score(corpus);
    let value = f1(tp, fp, fn_);
    let precision = if tp + fp == 0 { 1.0 } else { tp as f64 / (tp + fp) as f64 };
    eprintln!("{corpus}: tp {tp} fp {fp} fn {fn_} precision {precision:.3} f1 {value:.3}\n{}", notes.join("\n"));
    assert!(tp > 0, "the {corpus} drafts have conflicts to find");
    assert!(precision >= min_precision, "{corpus}: precision {precision:.3} below {min_precision}:\n{}", notes.join("\n"));
    assert!(value >= min_f1, "{corpus}: F1 {value:.3} below {min_f1}:\n{}", notes.join("\n"));
}

#[test]
fn accuracy_on_the_seed_corpus_drafts() {
    assert_accuracy("seed", 0.95, MIN_F1);
}

#[test]
fn accuracy_on_the_port_corpus_drafts() {
    assert_accuracy("port", 0.95, MIN_F1);
}

/// A trial and its sentencing: wire copy, a scraped page, a press release, a broadcast transcript.
#[test]
fn accuracy_on_the_verdict_corpus_drafts() {
    assert_accuracy("verdict", 0.95, VERDICT_F1);
}

/// A cup final: a live blog, wire copy, a transcript with spoken numbers, a scraped page.
#[test]
fn accuracy_on_the_final_corpus_drafts() {
    assert_accuracy("final", 0.95, FINAL_F1);
}

/// An acquisition: a press release, wire copy, a markets live blog, a scraped page.
#[test]
fn accuracy_on_the_merger_corpus_drafts() {
    assert_accuracy("merger", 0.95, MERGER_F1);
}

/// A flood whose toll rises over four days: drafts are judged as of their own dates.
#[test]
fn accuracy_on_the_flood_corpus_drafts() {
    assert_accuracy("flood", 0.95, FLOOD_F1);
}
