//! Facts repeated by many sources are compared once, as statements: the verdicts, source
//! counts and evidence are those of comparing every fact; and a quantity whose closest
//! source sentences give many figures is not compared at all.

use std::path::Path;

use factline::{Config, Corpus, Engine, Report, Verdict};

fn article(k: usize, body: &str) -> (String, String) {
    (format!("a{k:03}.md"), format!("---\noutlet: Wire {k}\npublished: 2025-03-{:02}\n---\n{body}\n", 1 + k % 27))
}

fn engine(articles: Vec<(String, String)>) -> Engine {
    let (corpus, problems) = Corpus::from_texts(articles);
    assert!(problems.is_empty(), "{problems:?}");
    Engine::new(corpus, Config::default())
}

fn check(engine: &Engine, draft: &str) -> Report {
    engine.check(Path::new("draft.md"), &format!("---\npublished: 2025-03-28\n---\n{draft}\n"))
}

const PEOPLE: &str = "Foreign Minister Anna Lindqvist spoke. Trade Minister Tomas Berglund spoke.";

#[test]
fn a_figure_repeated_by_many_sources_is_one_statement_with_all_its_sources() {
    let mut articles: Vec<(String, String)> = (0..40)
        .map(|k| article(k, &format!("{PEOPLE} About 1,200 delegates attended the grain talks in Nairobi, the organizers said.")))
        .collect();
    articles.push(article(40, &format!("{PEOPLE} About 1,200 delegates attended the grain talks in Nairobi, the organizers said.")));
    let engine = engine(articles);

    let report = check(&engine, "About 1,900 delegates attended the grain talks in Nairobi, the organizers said.");
    let conflict = report.findings.iter().find(|f| f.code == "count-conflict").expect("a count conflict");
    assert_eq!(conflict.text, "1,900");
    assert_eq!(conflict.fixes, vec!["1,200".to_string()]);
    assert_eq!(conflict.evidence.len(), 4, "evidence is capped, not every repeat");
    let files: Vec<&str> = conflict.evidence.iter().map(|c| c.file_name.as_str()).collect();
    assert_eq!(files, ["a000.md", "a001.md", "a002.md", "a003.md"], "evidence in corpus order");

    let report = check(&engine, "About 1,200 delegates attended the grain talks in Nairobi, the organizers said.");
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    let claim = report.claims.iter().find(|c| c.text == "1,200").expect("the figure is a claim");
    assert_eq!(claim.verdict, Verdict::Supported);
    assert_eq!(claim.summary, "The sources agree (41 sources).");
}

#[test]
fn words_that_go_with_many_figures_identify_nothing() {
    // The same talks every year, each with its own attendance: a draft's figure is none of them.
    let figures = ["1,200", "950", "1,430", "800", "2,100", "1,050"];
    let articles: Vec<(String, String)> = figures
        .iter()
        .enumerate()
        .map(|(k, n)| article(k, &format!("{PEOPLE} About {n} delegates attended the grain talks in Nairobi, the organizers said.")))
        .collect();
    let engine = engine(articles);
    let report = check(&engine, "About 1,900 delegates attended the grain talks in Nairobi, the organizers said.");
    assert!(report.findings.iter().all(|f| f.code != "count-conflict"), "{:?}", report.findings);
    assert!(report.claims.iter().all(|c| c.text != "1,900"), "no verdict on the figure: {:?}", report.claims);

    // Two figures are a dispute between sources, still compared.
    let engine = self::engine(
        ["1,200", "1,250"]
            .iter()
            .enumerate()
            .map(|(k, n)| article(k, &format!("{PEOPLE} About {n} delegates attended the grain talks in Nairobi, the organizers said.")))
            .collect(),
    );
    let report = check(&engine, "About 1,900 delegates attended the grain talks in Nairobi, the organizers said.");
    let conflict = report.findings.iter().find(|f| f.code == "count-conflict").expect("a count conflict");
    assert_eq!(conflict.fixes, vec!["1,200".to_string(), "1,250".to_string()]);
}

#[test]
fn an_event_repeated_by_many_sources_counts_each_source_once() {
    // 30 articles state the meeting on March 3; one of them twice (in two sentences).
    let mut articles: Vec<(String, String)> =
        (0..30).map(|k| article(k, &format!("{PEOPLE} Lindqvist met Berglund in Oslo on March 3, 2025. The talks were long."))).collect();
    articles[5].1.push_str("\nLindqvist met Berglund in Oslo on March 3, 2025, officials said again.\n");
    let engine = engine(articles);
    let report = check(&engine, "Anna Lindqvist met Tomas Berglund in Oslo on March 4, 2025.");
    let conflict = report.findings.iter().find(|f| f.code == "date-conflict").expect("a date conflict");
    assert!(
        conflict.message.contains("March 3, 2025 (30 sources)") || conflict.message.contains("Mar. 3, 2025 (30 sources)"),
        "{}",
        conflict.message
    );
    let report = check(&engine, "Anna Lindqvist met Tomas Berglund in Oslo on March 3, 2025.");
    let claim = report.claims.iter().find(|c| c.text == "March 3, 2025").expect("the date is a claim");
    assert_eq!(claim.verdict, Verdict::Supported);
    assert!(claim.summary.contains("(30 sources)"), "{}", claim.summary);
}
