//! Outlets read from the text of articles without front matter, on pages written for the
//! project in several house styles (`tests/fixtures/outlets/`, the fixture corpora and the
//! seed corpus): a wire credit, a byline, a masthead, a programme line, a press release's
//! issuer, a footer, a copyright line; and pages that only quote or credit another outlet,
//! which name none.

use std::path::{Path, PathBuf};

use factline::annotate::outlet::OutletSource;
use factline::corpus::Corpus;

fn outlets(folder: &str) -> Vec<(String, Option<String>, Option<OutletSource>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let (corpus, problems) = Corpus::load(&[PathBuf::from(&root)]);
    assert!(problems.is_empty(), "{problems:?}");
    corpus.documents.iter().map(|d| (d.file_name.clone(), d.meta.outlet.clone(), d.meta.outlet_from)).collect()
}

fn check(folder: &str, expected: &[(&str, Option<&str>, Option<OutletSource>)]) {
    let found = outlets(folder);
    assert_eq!(found.len(), expected.len(), "{found:?}");
    for (file, outlet, from) in expected {
        let (_, got, got_from) = found.iter().find(|(name, _, _)| name == file).unwrap_or_else(|| panic!("{file} not loaded"));
        assert_eq!((got.as_deref(), *got_from), (*outlet, *from), "{folder}/{file}");
    }
}

use OutletSource::{Byline, Copyright, Credit, FrontMatter, Masthead};

#[test]
fn pages_in_many_house_styles_name_their_outlet() {
    check(
        "tests/fixtures/outlets",
        &[
            ("wire-dateline.txt", Some("Tidewire"), Some(Credit)),
            ("wire-closing-credit.txt", Some("Lantern Press Agency"), Some(Credit)),
            ("wire-dash-credit.txt", Some("Reuters"), Some(Credit)),
            ("byline-outlet.txt", Some("The Lantern Ledger"), Some(Byline)),
            ("byline-pipe.txt", Some("Harbour Evening Star"), Some(Byline)),
            ("masthead-web.txt", Some("The Lantern Courier"), Some(Masthead)),
            ("broadcast-transcript.txt", Some("Radio Lantern"), Some(Masthead)),
            ("press-release.txt", Some("Lantern City Transport Department"), Some(Masthead)),
            ("footer-copyright.txt", Some("Quayside Daily"), Some(Copyright)),
            ("footer-with-the.txt", Some("Lantern Evening Post"), Some(Masthead)),
            ("front-matter.md", Some("Harbour Gazette"), Some(FrontMatter)),
            // An outlet quoted ("Reuters reported", "according to"), a photo credit, a
            // signed letter, a staff byline: no outlet, the file name stands for the page.
            ("quotes-other-outlets.txt", None, None),
            ("signed-letter.txt", None, None),
            ("staff-byline.txt", None, None),
        ],
    );
}

#[test]
fn the_fixture_corpora_name_their_outlets() {
    check(
        "tests/fixtures/final-corpus",
        &[
            ("kessingby-club-statement.txt", Some("Kessingby United FC"), Some(Masthead)),
            ("kessingby-gazette-parade.md", Some("Kessingby Gazette"), Some(FrontMatter)),
            ("matchday-live-blog.txt", Some("Northfield Sport"), Some(Byline)),
            ("port-averill-echo-web.txt", Some("Port Averill Echo"), Some(Masthead)),
            ("sport-tonight-transcript.txt", Some("Northfield TV"), Some(Masthead)),
            ("sportwire-final.txt", Some("Sportwire"), Some(Credit)),
        ],
    );
    check(
        "tests/fixtures/flood-corpus",
        &[
            ("analysis-undated.txt", None, None),
            ("herald-friday.md", Some("Westmarch Herald"), Some(FrontMatter)),
            ("herald-live-tuesday.md", Some("Westmarch Herald"), Some(FrontMatter)),
            ("ketterly-times-web-wednesday.txt", Some("The Ketterly Times"), Some(Masthead)),
            ("norwire-monday.txt", Some("Norwire"), Some(Credit)),
            ("tv-bulletin-thursday.txt", Some("Channel 9"), Some(Masthead)),
            ("wema-press-release.txt", Some("Westmarch Emergency Management Agency"), Some(Masthead)),
        ],
    );
    check(
        "tests/fixtures/merger-corpus",
        &[
            ("analysis-undated.txt", None, None),
            ("finwire-deal.txt", Some("Finwire"), Some(Credit)),
            ("hallestad-post-web.txt", Some("Hallestad Post"), Some(Masthead)),
            ("markets-live-blog.txt", Some("The Ledger Daily"), Some(Masthead)),
            ("tech-ledger-analysis.md", Some("Tech Ledger"), Some(FrontMatter)),
            ("veltrona-press-release.txt", None, None),
        ],
    );
    check(
        "tests/fixtures/verdict-corpus",
        &[
            ("analysis-undated.txt", None, None),
            ("brennick-courier-verdict.md", Some("Brennick Courier"), Some(FrontMatter)),
            ("channel6-sentencing-transcript.txt", Some("Channel 6 Eastshire"), Some(Masthead)),
            ("norwire-verdict.txt", Some("Norwire"), Some(Credit)),
            ("prosecution-release-sentencing.txt", Some("Eastshire Prosecution Service"), Some(Masthead)),
            ("valley-news-web-verdict.txt", Some("Eastshire Valley News"), Some(Masthead)),
        ],
    );
    check(
        "tests/fixtures/port-corpus",
        &[
            ("analysis-undated.txt", None, None),
            ("coastal-wire-talks.txt", None, None),
            ("evening-post-ends.txt", None, None),
            ("harbor-daily-deal.md", Some("Harbor Daily"), Some(FrontMatter)),
        ],
    );
}

#[test]
fn the_seed_articles_name_the_outlets_their_pages_carry() {
    // A closing "(Yonhap)"; a masthead and a "with the Korea JoongAng Daily" footer; two
    // pages that only cite news agencies ("according to South Korea's Yonhap news agency",
    // "According to TASS and Sputnik News") and a photo credit "[REUTERS/YONHAP]".
    let found = outlets("corpus");
    let names: Vec<Option<&str>> = found.iter().map(|(_, outlet, _)| outlet.as_deref()).collect();
    assert_eq!(names, [None, Some("Yonhap"), Some("Korea JoongAng Daily"), None, Some("Korea JoongAng Daily")], "{found:?}");
}
