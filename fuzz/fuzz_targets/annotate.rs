//! Fuzzes the annotator and the checker: any bytes (as UTF-8, lossily) through sentence
//! splitting, dates, names, quantities, the Markdown mask and `Engine::check` against a
//! small corpus. Panics on a crash or on a range outside the text or off a char boundary.
#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use factline::annotate::counts::find_quantities;
use factline::annotate::dates::{DateAnchor, find_dates};
use factline::annotate::names::find_names;
use factline::annotate::sentences::split_sentences;
use factline::{Config, Corpus, Engine, markdown};
use libfuzzer_sys::fuzz_target;

static ENGINE: LazyLock<Engine> = LazyLock::new(|| {
    let (corpus, _) = Corpus::from_texts([
        (
            "wire.md",
            "---\noutlet: Wire\npublished: 2025-10-28\n---\nNorth Korean Foreign Minister Choe Son-hui met Russian President \
             Vladimir Putin in Moscow on Oct. 27, the previous day. Kremlin spokesman Dmitry Peskov said they met twice.\n",
        ),
        (
            "desk.md",
            "---\noutlet: Desk\npublished: 2025-10-29\n---\nAPEC leaders gather in Gyeongju. Sergey Lavrov, Russia's foreign \
             minister, said 12,000 troops were sent on Monday, Oct. 27.\n",
        ),
    ]);
    Engine::new(corpus, Config::default())
});

fn check_range(text: &str, range: &std::ops::Range<usize>) {
    assert!(range.start <= range.end && range.end <= text.len(), "{range:?} outside {} bytes", text.len());
    assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end), "{range:?} splits a character");
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();
    let sentences = split_sentences(text);
    for sentence in &sentences {
        check_range(text, sentence);
    }
    let dates = find_dates(text, &sentences, DateAnchor::default());
    let skip: Vec<_> = dates.iter().map(|date| date.range.clone()).collect();
    for sentence in &sentences {
        for name in find_names(text, sentence.clone()) {
            check_range(text, &name.range);
        }
        for quantity in find_quantities(text, sentence.clone(), &skip) {
            check_range(text, &quantity.range);
        }
    }
    assert_eq!(markdown::mask(text, 0).len(), text.len());
    let report = ENGINE.check(Path::new("draft.md"), text);
    for finding in &report.findings {
        check_range(text, &finding.range);
    }
    for claim in &report.claims {
        check_range(text, &claim.range);
    }
});
