//! Machine-written articles (logs, tables of dated rows, one endless sentence of dates) are
//! learned in time that grows with their length, not with its square, and an article past
//! the most dates factline learns from one ([`factline::facts::MAX_LEARNED_DATES`]) is
//! learned up to there, with a load problem naming the file and what was cut.
//!
//! The time bounds are generous (the suite runs on a shared two-core machine): each is
//! many times what the article takes now, and a fraction of what it took when learning was
//! quadratic in the dates of one article (20,000 dates in one paragraph: 2.5 s; in one
//! sentence, 10,000: 4 s; 200,000: minutes).

use std::path::Path;
use std::time::{Duration, Instant};

use factline::facts::MAX_LEARNED_DATES;
use factline::{Config, Engine};

/// A meeting between two people the titles make known, so that each date is an event's.
const MEETING: &str = "Foreign Minister Anna Berg met President Kim Lee in Geneva";

const MONTHS: [&str; 12] = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

/// The `n`th of a run of distinct calendar dates, as news copy writes them.
fn date(n: usize) -> String {
    format!("{} {}, {}", MONTHS[n % 12], 1 + (n / 12) % 28, 1950 + (n / (12 * 28)) % 70)
}

fn article(body: &str) -> String {
    format!("---\ntitle: Board minutes\noutlet: Example Registry\npublished: 2025-10-28\n---\n\n{body}\n")
}

/// One paragraph of `n` short dated sentences.
fn dated_sentences(n: usize) -> String {
    (0..n).map(|k| format!("On {}, {MEETING}.", date(k))).collect::<Vec<_>>().join(" ")
}

/// One sentence listing `n` dates.
fn listed_dates(n: usize) -> String {
    format!("{MEETING} on {}.", (0..n).map(date).collect::<Vec<_>>().join(", "))
}

/// One line per dated entry, as a log is written (numbered: a line written twice would be
/// blanked as page furniture).
fn log_lines(n: usize) -> String {
    (0..n).map(|k| format!("On {}, Foreign Minister Anna Berg met Kim Lee (item {k}).", date(k))).collect::<Vec<_>>().join("\n")
}

fn load(dir: &Path, text: &str) -> (Engine, Vec<factline::corpus::LoadProblem>, Duration) {
    std::fs::write(dir.join("minutes.md"), text).expect("writable temp dir");
    let started = Instant::now();
    let (engine, problems) = Engine::load(&[dir.to_path_buf()], Config::default());
    (engine, problems, started.elapsed())
}

#[test]
fn articles_with_thousands_of_dates_under_the_limit_are_learned_whole() {
    for (form, body) in [("sentences", dated_sentences(15_000)), ("one sentence", listed_dates(15_000))] {
        let dir = tempfile::tempdir().expect("temp dir");
        let (engine, problems, took) = load(dir.path(), &article(&body));
        assert!(problems.is_empty(), "{form}: under the limit nothing is cut: {problems:?}");
        assert_eq!(engine.corpus().documents.len(), 1);
        assert!(!engine.facts().events.is_empty(), "{form}: the meetings are learned");
        assert!(took < Duration::from_secs(10), "{form}: 15,000 dates took {took:?}");
    }
}

#[test]
fn an_article_with_200000_dates_is_cut_off_with_a_warning_naming_it() {
    for (form, body) in [("sentences", dated_sentences(200_000)), ("one sentence", listed_dates(200_000)), ("log", log_lines(200_000))] {
        let dir = tempfile::tempdir().expect("temp dir");
        let (engine, problems, took) = load(dir.path(), &article(&body));
        assert_eq!(problems.len(), 1, "{form}: {problems:?}");
        let problem = &problems[0];
        assert!(problem.path.ends_with("minutes.md"), "{form}: the problem names the file: {problem}");
        assert!(
            problem.message.contains(&format!("more than {MAX_LEARNED_DATES} dates"))
                && problem.message.contains("learned only up to line"),
            "{form}: the problem says what was cut: {problem}"
        );
        assert!(!engine.facts().events.is_empty(), "{form}: what comes before the cut is learned");
        assert!(took < Duration::from_secs(30), "{form}: 200,000 dates took {took:?}");
    }
}

#[test]
fn a_log_is_cut_between_two_lines_and_learned_up_to_there() {
    let text = article(&log_lines(MAX_LEARNED_DATES + 10));
    let dir = tempfile::tempdir().expect("temp dir");
    let (engine, problems, _) = load(dir.path(), &text);
    assert_eq!(problems.len(), 1, "{problems:?}");
    // The front matter and the blank line take 6 lines; the last line learned holds the
    // last date within the limit.
    let last_line = 7 + MAX_LEARNED_DATES - 1;
    assert!(problems[0].message.contains(&format!("up to line {last_line}:")), "{}", problems[0]);
    let document = &engine.corpus().documents[0];
    let learned_dates: usize = engine.facts().events.iter().filter(|event| engine.facts().cite(event.citation).line <= last_line).count();
    assert!(learned_dates > 0);
    let past_the_cut = engine.facts().events.iter().filter(|event| engine.facts().cite(event.citation).line > last_line).count();
    assert_eq!(past_the_cut, 0, "nothing after the cut in {} is learned", document.path.display());
}
