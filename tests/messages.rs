//! What a copy editor reads: every finding code's message, its sources and its fixes as
//! `factline check` prints them, the corpus report and `factline annotate`, as `insta`
//! snapshots on corpora written for the project (`tests/fixtures/`). A change of wording
//! shows in review as a change of these files (`cargo insta review`, or
//! `INSTA_UPDATE=always` then `git diff tests/snapshots`).

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use factline::finding::CODES;
use factline::{Config, Engine};

/// The port strike draft: a wrong date written with its weekday, a wrong count, a title
/// given to the wrong person, a misspelled name, a wrong place, two spellings of one union
/// leader (one of them a minority spelling), a weekday that is not the date's.
const PORT_DRAFT: &str = "---
published: 2025-03-05
---
Union leader Marta Kowalczyk and Transport Minister Jonas Berg signed the wage deal in Oslund on Saturday, March 1.

Kowalczyk and Berg met twice before the deal.

Port director Jonas Berg said 40 ships had waited outside the harbor.

Prime Minister Ingrid Dal praised the agreement.

The deal was signed in Halvik on Tuesday, March 4.

Marta Kowalczik said the deal was fair.

Dockworkers returned to work on Thursday, March 5.
";

/// The flood draft, published on Thursday: Monday's death toll, updated since, and a river
/// level given as still coming in that the sources give otherwise.
const FLOOD_DRAFT: &str = "---
published: 2025-09-18
---
At least 12 people have died after the River Sallen burst its banks in Westmarch.

The River Sallen has so far crested at 9.8 metres at Oddingford, the highest level since records began.
";

/// Two sources put the mayor's inspection on April 2, one on April 1.
const BRIDGE_DRAFT: &str = "---
published: 2025-04-05
---
Mayor Ines Morrow visited the repaired Harbour Bridge in Lantern City on April 2, 2025.
";

/// One source closes the bridge for eight months, another for six.
const CLOSURE_DRAFT: &str = "---
published: 2025-04-05
---
The bridge had been closed to traffic for a seven-month repair of its cables.
";

/// One source counts 310,000 ferry passengers, a later one 340,000.
const FERRY_DRAFT: &str = "---
published: 2025-04-12
---
The temporary ferries carried 310,000 passengers during the closure.
";

fn engine(folder: &str) -> Engine {
    let root = common::project_dir().join("tests/fixtures").join(folder);
    let (engine, problems) = Engine::load(&[root], Config::default());
    assert!(problems.is_empty(), "{problems:?}");
    engine
}

/// Each finding as `factline check` prints it, by code.
fn by_code(engine: &Engine, draft: &str, out: &mut BTreeMap<&'static str, String>) {
    let path = Path::new("draft.md");
    for finding in engine.check(path, draft).findings {
        out.entry(finding.code).or_default().push_str(&factline::cli::human(path, draft, std::slice::from_ref(&finding)));
    }
}

#[test]
fn every_finding_code_reads_well() {
    let mut printed = BTreeMap::new();
    by_code(&engine("port-corpus"), PORT_DRAFT, &mut printed);
    by_code(&engine("flood-corpus"), FLOOD_DRAFT, &mut printed);
    let bridge = engine("messages-corpus");
    by_code(&bridge, BRIDGE_DRAFT, &mut printed);
    by_code(&bridge, FERRY_DRAFT, &mut printed);
    by_code(&bridge, CLOSURE_DRAFT, &mut printed);
    // One sentence past the size checked: the note says where checking stopped.
    let long = format!("---\npublished: 2025-03-05\n---\nThe strike went on\n{}and on.\n", "and on\n".repeat(1300));
    by_code(&engine("port-corpus"), &long, &mut printed);
    for (code, _) in CODES {
        let text = printed.get(code).unwrap_or_else(|| panic!("no draft here raises {code}: {:?}", printed.keys()));
        insta::assert_snapshot!(*code, text);
    }
}

#[test]
fn the_corpus_report_reads_well() {
    insta::assert_snapshot!("corpus_report_port", engine("port-corpus").corpus_report());
    insta::assert_snapshot!("corpus_report_messages", engine("messages-corpus").corpus_report());
}

#[test]
fn annotate_speaks_the_writers_words() {
    let text = engine("port-corpus").annotate(Path::new("draft.md"), PORT_DRAFT);
    insta::assert_snapshot!("annotate_port", text);
}
