//! Checking a draft again as it is edited (`Engine::check_with_memo`, what the server does
//! on every change) gives exactly the report of checking it afresh (`Engine::check`),
//! whatever the edits: typing, deleting across paragraphs, splitting and joining them,
//! renaming a person an earlier paragraph introduced, changing the dateline a later
//! "the previous day" resolves against. And the memo does its work: an edit in one
//! paragraph analyses that paragraph, not the draft.

mod common;

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use factline::{CheckMemo, Engine};
use proptest::prelude::*;
use proptest::test_runner::Config as ProptestConfig;

static SEED: LazyLock<Engine> = LazyLock::new(|| common::engine("seed"));
static PORT: LazyLock<Engine> = LazyLock::new(|| common::engine("port"));

/// Every draft of the seed fixtures and accuracy sets.
static DRAFTS: LazyLock<Vec<(PathBuf, String)>> = LazyLock::new(|| {
    let project = common::project_dir();
    let mut drafts = common::drafts(&project.join("tests/fixtures/drafts/seed"));
    drafts.extend(common::drafts(&project.join("tests/accuracy/seed")));
    drafts
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (path, text)
        })
        .collect()
});

/// What an edit inserts: letters and punctuation, paragraph breaks, and pieces that change
/// what a paragraph hands to the next (a person, a pronoun, a date, a list opener, a quote).
const INSERTS: &[&str] = &[
    "x",
    "e",
    " ",
    ".",
    ",",
    "\n",
    "\n\n",
    "\r\n",
    "\"",
    ":",
    "- ",
    "7",
    "Putin",
    "Vladimir Putin",
    "Choe Son-hui",
    "She ",
    "They met",
    " on Oct. 3, 2019",
    "the previous day",
    "Published: 4 Nov. 2024\n\n",
    "Their third meeting was in Moscow.",
    "\n\nThe two met twice.\n\n",
];

#[derive(Clone, Debug)]
enum Edit {
    Insert {
        at: f64,
        piece: usize,
    },
    Delete {
        at: f64,
        len: usize,
    },
    /// Moves a stretch of the draft elsewhere (a paragraph dragged up or down).
    Move {
        from: f64,
        len: usize,
        to: f64,
    },
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (0.0..1.0f64, 0..INSERTS.len()).prop_map(|(at, piece)| Edit::Insert { at, piece }),
        2 => (0.0..1.0f64, 1..40usize).prop_map(|(at, len)| Edit::Delete { at, len }),
        1 => (0.0..1.0f64, 1..400usize, 0.0..1.0f64).prop_map(|(from, len, to)| Edit::Move { from, len, to }),
    ]
}

/// The char boundary at or before a fraction of the text.
fn boundary(text: &str, fraction: f64) -> usize {
    let mut at = ((text.len() as f64) * fraction) as usize;
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn apply(text: &mut String, edit: &Edit) {
    match *edit {
        Edit::Insert { at, piece } => {
            let at = boundary(text, at);
            text.insert_str(at, INSERTS[piece]);
        }
        Edit::Delete { at, len } => {
            let start = boundary(text, at);
            let end = boundary(text, ((start + len) as f64 / text.len().max(1) as f64).min(1.0)).max(start);
            text.replace_range(start..end, "");
        }
        Edit::Move { from, len, to } => {
            let start = boundary(text, from);
            let end = boundary(text, ((start + len) as f64 / text.len().max(1) as f64).min(1.0)).max(start);
            let moved: String = text[start..end].to_string();
            text.replace_range(start..end, "");
            let to = boundary(text, to);
            text.insert_str(to, &moved);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn a_memo_gives_the_report_of_a_fresh_check(draft in 0..64usize, edits in prop::collection::vec(edit(), 1..12)) {
        let (path, original) = &DRAFTS[draft % DRAFTS.len()];
        let mut text = original.clone();
        let mut memo = CheckMemo::default();
        prop_assert_eq!(SEED.check_with_memo(path, &text, &mut memo), SEED.check(path, &text));
        for edit in &edits {
            apply(&mut text, edit);
            prop_assert_eq!(SEED.check_with_memo(path, &text, &mut memo), SEED.check(path, &text), "after {:?}", edit);
        }
    }
}

/// The first draft with at least `paragraphs` paragraphs.
fn long_draft(paragraphs: usize) -> &'static (PathBuf, String) {
    DRAFTS.iter().find(|(_, text)| text.split("\n\n").filter(|p| !p.trim().is_empty()).count() >= paragraphs).expect("a long draft")
}

#[test]
fn typing_in_one_paragraph_analyses_that_paragraph_only() {
    let (path, original) = long_draft(6);
    let mut memo = CheckMemo::default();
    SEED.check_with_memo(path, original, &mut memo);
    let (analysed_first, reused_first) = memo.blocks();
    assert!(analysed_first >= 6 && reused_first == 0, "the first check analyses every paragraph: {:?}", memo.blocks());

    // Type a word into the middle of the last paragraph, a character at a time.
    let mut text = original.clone();
    let last = text.trim_end().rfind("\n\n").expect("paragraphs") + 2;
    let at = last + text[last..].find(' ').expect("a space in the last paragraph");
    for (typed, ch) in "quietly ".chars().enumerate() {
        text.insert(at + typed, ch);
        assert_eq!(SEED.check_with_memo(path, &text, &mut memo), SEED.check(path, &text));
    }
    let (analysed, reused) = memo.blocks();
    assert_eq!(analysed - analysed_first, 8, "one paragraph analysed per keystroke");
    assert_eq!(reused - reused_first, 8 * (analysed_first - 1), "every other paragraph reused");
}

#[test]
fn an_edit_that_changes_what_a_paragraph_hands_on_reanalyses_the_paragraphs_after() {
    let (path, original) = long_draft(6);
    let mut memo = CheckMemo::default();
    SEED.check_with_memo(path, original, &mut memo);
    let (analysed_before, _) = memo.blocks();
    // A new first paragraph naming a person and a day: who "he" is and what "the previous
    // day" means may change for every paragraph after it.
    let text = format!("Vladimir Putin spoke on Oct. 3, 2019.\n\n{original}");
    assert_eq!(SEED.check_with_memo(path, &text, &mut memo), SEED.check(path, &text));
    let (analysed, _) = memo.blocks();
    assert!(analysed - analysed_before > 1, "the paragraphs after a changed context are analysed again");
}

#[test]
fn a_memo_made_with_another_corpus_is_not_used() {
    let (path, text) = long_draft(3);
    let mut memo = CheckMemo::default();
    SEED.check_with_memo(path, text, &mut memo);
    assert_eq!(PORT.check_with_memo(path, text, &mut memo), PORT.check(path, text));
    assert_eq!(memo.blocks().1, 0, "nothing reused across fact bases");
    assert_eq!(SEED.check_with_memo(Path::new("draft.md"), text, &mut memo), SEED.check(Path::new("draft.md"), text));
}

/// Widening one gap inside a sentence moves the parts of a claim apart ("in Moscow and  in Pyongyang"):
/// what the memo kept for the claim as it was must not be placed where it stood before.
#[test]
fn parts_of_a_claim_moved_apart_are_checked_where_they_now_stand() {
    // A claim with two places, besides the drafts.
    let two_places =
        (PathBuf::from("two-places.md"), "Choe Son-hui met Vladimir Putin in Moscow and in Pyongyang on Nov. 4, 2024.\n".to_string());
    let mut compared = 0;
    for (path, original) in std::iter::once(&two_places).chain(DRAFTS.iter()) {
        let mut memo = CheckMemo::default();
        SEED.check_with_memo(path, original, &mut memo);
        for (at, _) in original.match_indices(' ').take(40) {
            let mut widened = original.clone();
            widened.insert(at, ' ');
            assert_eq!(SEED.check_with_memo(path, &widened, &mut memo), SEED.check(path, &widened), "{}: gap at {at}", path.display());
            assert_eq!(SEED.check_with_memo(path, original, &mut memo), SEED.check(path, original));
            compared += 1;
        }
    }
    assert!(compared >= 50, "only {compared} gaps widened");
}
