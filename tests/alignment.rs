//! Values aligned with their evidence by frame, in any domain: a court, a crash, a
//! match, a vote. The corpora here are invented for the test; no event kind is named in
//! the code, so each domain must work through the same mechanism.

use factline::{Engine, Finding, Severity};

mod common;

use common::engine_from_texts as engine;

fn warnings(engine: &Engine, draft: &str) -> Vec<Finding> {
    engine.check(std::path::Path::new("draft.md"), draft).findings.into_iter().filter(|f| f.severity >= Severity::Warning).collect()
}

fn flagged<'a>(findings: &'a [Finding], code: &str) -> Vec<&'a str> {
    findings.iter().filter(|f| f.code == code).map(|f| f.text.as_str()).collect()
}

const COURT: &[(&str, &str)] = &[
    (
        "wire.md",
        "---\noutlet: Norwire\npublished: 2025-05-14\n---\nA jury in Brennick convicted the former harbour official Ilse Varga of fraud on Wednesday after deliberating for 11 hours.\n\nEach count carries a maximum sentence of 10 years in prison, the prosecutor said.\n\nVarga, 54, was held at the Kestrel Street jail in Brennick before the trial.\n",
    ),
    (
        "courier.md",
        "---\noutlet: Brennick Courier\npublished: 2025-05-15\n---\nThe jurors deliberated for 11 hours before convicting Varga on Wednesday.\n\nShe faces a maximum sentence of 10 years on each count when she is sentenced in June.\n",
    ),
];

#[test]
fn a_figure_under_the_same_frame_is_checked_in_any_story() {
    let engine = engine(COURT);
    let draft = "---\npublished: 2025-05-16\n---\nThe jury deliberated for 14 hours before it convicted Varga.\n\nEach count carries a maximum sentence of 10 years.\n";
    let found = warnings(&engine, draft);
    assert_eq!(flagged(&found, "count-conflict"), vec!["14"], "{found:#?}");
    let conflict = found.iter().find(|f| f.code == "count-conflict").unwrap();
    assert!(conflict.message.contains("11"), "{}", conflict.message);
    assert!(conflict.evidence.iter().any(|c| c.quote.contains("11 hours")), "quotes the evidence: {:?}", conflict.evidence);
}

#[test]
fn a_correct_paraphrase_stays_silent() {
    let engine = engine(COURT);
    let draft = "---\npublished: 2025-05-16\n---\nAfter 11 hours of deliberation, jurors found Varga guilty on Wednesday.\n\nShe could get up to 10 years for each count.\n";
    let found = warnings(&engine, draft);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn a_date_under_the_same_frame_is_checked() {
    let engine = engine(COURT);
    // The verdict came on Wednesday, May 14; the draft, published Friday, says Tuesday.
    let draft =
        "---\npublished: 2025-05-16\n---\nA jury in Brennick convicted Ilse Varga of fraud on Tuesday after deliberating for 11 hours.\n";
    let found = warnings(&engine, draft);
    assert_eq!(flagged(&found, "date-conflict"), vec!["Tuesday"], "{found:#?}");
}

#[test]
fn a_source_published_after_the_draft_cannot_contradict_it() {
    let engine = engine(&[
        (
            "monday.md",
            "---\npublished: 2025-09-15\n---\nThe floods on the River Sallen have killed 12 people, the emergency agency said.\n",
        ),
        (
            "thursday.md",
            "---\npublished: 2025-09-18\n---\nThe floods on the River Sallen have killed 23 people, the emergency agency said.\n",
        ),
    ]);
    let early = "---\npublished: 2025-09-15\n---\nThe floods on the River Sallen have killed 12 people.\n";
    assert!(warnings(&engine, early).is_empty(), "{:#?}", warnings(&engine, early));
    // Written on Friday with Monday's figure: the later report is information, not a warning.
    let late = "---\npublished: 2025-09-19\n---\nThe floods on the River Sallen have killed 12 people.\n";
    let report = engine.check(std::path::Path::new("draft.md"), late);
    assert!(report.findings.iter().all(|f| f.severity < Severity::Warning), "{:#?}", report.findings);
    assert!(report.findings.iter().any(|f| f.code == "count-updated" && f.message.contains("23")), "{:#?}", report.findings);
}

#[test]
fn a_count_given_as_still_coming_in_is_information() {
    let engine = engine(&[(
        "results.md",
        "---\npublished: 2025-06-02\n---\nThe Harbour Party won 41 seats in the Velmark assembly election, the electoral board said.\n",
    )]);
    let settled = "---\npublished: 2025-06-03\n---\nThe Harbour Party won 44 seats in the Velmark assembly election.\n";
    assert_eq!(flagged(&warnings(&engine, settled), "count-conflict"), vec!["44"], "{:#?}", warnings(&engine, settled));
    let coming_in = "---\npublished: 2025-06-03\n---\nThe Harbour Party has so far won 44 seats in the Velmark assembly election.\n";
    let report = engine.check(std::path::Path::new("draft.md"), coming_in);
    assert!(report.findings.iter().all(|f| f.severity < Severity::Warning), "{:#?}", report.findings);
    let provisional = report.findings.iter().find(|f| f.code == "count-provisional").expect("information on the count");
    assert!(provisional.message.contains("41") && provisional.evidence.iter().any(|c| c.quote.contains("41 seats")), "{provisional:#?}");
}

#[test]
fn an_undated_page_announcing_a_later_day_still_contradicts() {
    // No date on the page; the latest day it writes of as past is June 2, before the
    // draft. The day it announces ("will hold ... on June 20") says nothing of when it
    // was written.
    let engine = engine(&[(
        "notes.md",
        "---\noutlet: Velmark Notes\n---\nThe Velmark assembly met on June 2, 2025 and passed the harbour bill by 41 votes to 30.\n\nThe assembly will hold its next session on June 20, 2025.\n",
    )]);
    let draft = "---\npublished: 2025-06-05\n---\nThe Velmark assembly met on June 3, 2025 and passed the harbour bill.\n";
    let found = warnings(&engine, draft);
    assert_eq!(flagged(&found, "date-conflict"), vec!["June 3, 2025"], "{found:#?}");
}

#[test]
fn a_value_the_corpus_gives_elsewhere_is_not_contradicted() {
    let engine = engine(&[(
        "final.md",
        "---\npublished: 2025-05-25\n---\nKessingby beat Port Averill 3-1 in the cup final at Greywater Stadium.\n\nPort Averill lost 2-0 to Kessingby in the league in March.\n",
    )]);
    let draft = "---\npublished: 2025-05-26\n---\nKessingby beat Port Averill 2-0 in the league in March.\n";
    assert!(warnings(&engine, draft).is_empty(), "{:#?}", warnings(&engine, draft));
    let wrong = "---\npublished: 2025-05-26\n---\nKessingby beat Port Averill 2-1 in the cup final at Greywater Stadium.\n";
    assert_eq!(flagged(&warnings(&engine, wrong), "count-conflict"), vec!["2-1"]);
}

#[test]
fn a_place_under_the_same_frame_is_checked_but_a_venue_and_its_city_agree() {
    let engine = engine(COURT);
    let wrong = "---\npublished: 2025-05-16\n---\nVarga, 54, was held at the Kestrel Street jail in Ostley before the trial.\n";
    assert_eq!(flagged(&warnings(&engine, wrong), "place-conflict"), vec!["Ostley"], "{:#?}", warnings(&engine, wrong));
    let venue = "---\npublished: 2025-05-16\n---\nBefore the trial, Varga was held at the Kestrel Street jail in Brennick.\n";
    assert!(warnings(&engine, venue).is_empty(), "{:#?}", warnings(&engine, venue));
}

#[test]
fn hedged_values_are_not_compared_with_plain_ones() {
    let engine = engine(&[(
        "merger.md",
        "---\npublished: 2025-07-07\n---\nVeltrona agreed to buy Norrik for $4.2 billion on Monday.\n\nThe deal is expected to cut 1,200 jobs.\n",
    )]);
    let draft = "---\npublished: 2025-07-08\n---\nVeltrona could pay $5 billion for Norrik if a rival bids.\n";
    assert!(warnings(&engine, draft).is_empty(), "{:#?}", warnings(&engine, draft));
    let wrong = "---\npublished: 2025-07-08\n---\nVeltrona agreed to buy Norrik for $4.6 billion.\n";
    assert_eq!(flagged(&warnings(&engine, wrong), "count-conflict"), vec!["4.6 billion"], "{:#?}", warnings(&engine, wrong));
}

/// A toll told in two forms ("139 missing", "139 people missing"): one count.
const TOLL: &[(&str, &str)] = &[
    (
        "day-one.md",
        "---\noutlet: Harbour Wire\npublished: 2025-03-29\n---\nThe storm struck the Carrow coast on Friday.\n\nBy Saturday morning it had killed 1,644 people and left 139 people missing, the coastguard said.\n",
    ),
    (
        "day-two.md",
        "---\noutlet: Carrow Post\npublished: 2025-03-29\n---\nAt least 1,644 people were dead after the storm that struck on Friday, officials said.\n",
    ),
];

#[test]
fn a_count_of_people_is_one_count_however_it_is_written() {
    let engine = engine(TOLL);
    let right = "---\npublished: 2025-03-30\n---\nBy Saturday morning the storm had left 139 missing, the coastguard said.\n";
    assert!(warnings(&engine, right).is_empty(), "{:#?}", warnings(&engine, right));
    let wrong = "---\npublished: 2025-03-30\n---\nBy Saturday morning the storm had left 193 missing, the coastguard said.\n";
    let found = warnings(&engine, wrong);
    assert_eq!(flagged(&found, "count-conflict"), vec!["193"], "{found:#?}");
    // The 139 missing, not the 1,644 killed before them in the same sentence.
    let conflict = found.iter().find(|f| f.code == "count-conflict").unwrap();
    assert!(conflict.message.contains("139") && !conflict.message.contains("1,644"), "{}", conflict.message);
}

#[test]
fn a_day_beside_a_figure_is_not_the_day_of_the_word_after_the_figure() {
    let sources: Vec<(String, String)> = (1..=3)
        .map(|i| {
            let text = format!(
                "---\noutlet: Outlet {i}\npublished: 2025-03-29\n---\nRescuers in Carrow Bay said {} sailors were found dead on Friday near the harbour wall.\n",
                10 + i
            );
            (format!("s{i}.md"), text)
        })
        .collect();
    let articles: Vec<(&str, &str)> = sources.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    let engine = engine(&articles);
    // Three sources date "dead" to Friday. A day right beside that word is that day...
    let beside = "---\npublished: 2025-03-30\n---\nThe coastguard's count of sailors found dead the day before was revised.\n";
    assert_eq!(flagged(&warnings(&engine, beside), "date-conflict"), vec!["the day before"], "{:#?}", warnings(&engine, beside));
    // ...but with a figure between them the day dates the figure, not the deaths.
    let figure_between = "---\npublished: 2025-03-30\n---\nThe coastguard's count the day before had been 1,644 dead.\n";
    assert!(warnings(&engine, figure_between).is_empty(), "{:#?}", warnings(&engine, figure_between));
}

#[test]
fn a_town_put_in_another_state_than_the_sources_put_it() {
    let engine = engine(&[
        (
            "profile.md",
            "---\noutlet: Plains Daily\npublished: 2025-02-10\n---\nFans in his hometown of Marrowby, Iowa, watched the game at the fire hall.\n\nThe new season opens with a parade through New Selby, Iowa.\n",
        ),
        (
            "twins.md",
            "---\noutlet: Plains Daily\npublished: 2025-02-10\n---\nThere are two towns called Ashcombe: Ashcombe, Kansas, and Ashcombe, Ohio.\n",
        ),
    ]);
    let wrong = "---\npublished: 2025-02-11\n---\nThe rookie grew up in Marrowby, Nebraska, where his parents farm.\n";
    let found = warnings(&engine, wrong);
    assert_eq!(flagged(&found, "place-conflict"), vec!["Nebraska"], "{found:#?}");
    assert!(found[0].evidence.iter().any(|c| c.quote.contains("Marrowby, Iowa")), "{:?}", found[0].evidence);
    // A town whose name holds a common word ("new") is a town all the same.
    let common_word = "---\npublished: 2025-02-11\n---\nThe parade wound through New Selby, Kansas.\n";
    assert_eq!(flagged(&warnings(&engine, common_word), "place-conflict"), vec!["Kansas"], "{:#?}", warnings(&engine, common_word));
    // The right state, a country (another level), a town the sources write with two
    // states (either of them, or a third: which Ashcombe is unclear).
    for right in [
        "The rookie grew up in Marrowby, Iowa.",
        "The rookie grew up in Marrowby, United States.",
        "The rookie grew up in Ashcombe, Ohio.",
        "The rookie grew up in Ashcombe, Texas.",
    ] {
        let draft = format!("---\npublished: 2025-02-11\n---\n{right}\n");
        assert!(warnings(&engine, &draft).is_empty(), "{right}: {:#?}", warnings(&engine, &draft));
    }
}

#[test]
fn a_bound_far_from_the_figure_does_not_outweigh_a_source_that_gives_it() {
    let engine = engine(&[
        (
            "early.md",
            "---\noutlet: Depot News\npublished: 2025-09-01\n---\nAt least 300 workers were injured in the blaze at the depot, a spokesman said.\n",
        ),
        (
            "count.md",
            "---\noutlet: Carrow Post\npublished: 2025-09-02\n---\nFire officials said 412 workers were injured in the blaze at the Carrow depot.\n",
        ),
    ]);
    let wrong = "---\npublished: 2025-09-03\n---\nFire officials said 480 workers were injured in the blaze at the Carrow depot.\n";
    assert_eq!(flagged(&warnings(&engine, wrong), "count-conflict"), vec!["480"], "{:#?}", warnings(&engine, wrong));
    let right = "---\npublished: 2025-09-03\n---\nFire officials said 412 workers were injured in the blaze at the Carrow depot.\n";
    assert!(warnings(&engine, right).is_empty(), "{:#?}", warnings(&engine, right));
}

#[test]
fn two_things_counted_side_by_side_pin_each_other() {
    let engine = engine(&[
        (
            "trial.md",
            "---\noutlet: Court Desk\npublished: 2025-05-12\n---\nThe jury of seven women and five men retired on Monday to consider its verdicts.\n",
        ),
        (
            "scene.md",
            "---\noutlet: City Wire\npublished: 2025-05-12\n---\nMen and women queued for seats in the public gallery.\n\nTwo men were arrested outside after a scuffle.\n\nA dozen women held a vigil on the steps.\n",
        ),
    ]);
    let wrong = "---\npublished: 2025-05-14\n---\nA panel of seven women and four men heard six weeks of evidence.\n";
    let found = warnings(&engine, wrong);
    assert_eq!(flagged(&found, "count-conflict"), vec!["four"], "{found:#?}");
    assert!(found[0].evidence.iter().any(|c| c.quote.contains("five men")), "{:?}", found[0].evidence);
    let right = "---\npublished: 2025-05-14\n---\nA panel of seven women and five men heard six weeks of evidence.\n";
    assert!(warnings(&engine, right).is_empty(), "{:#?}", warnings(&engine, right));
}

const REPORT: &[(&str, &str)] = &[
    (
        "railwire.md",
        "---\noutlet: Railwire\npublished: 2025-04-12\n---\nIn a 40-page interim report into the March 12 derailment of the Kelso express near Amberly, the Rail Safety Board said a cracked axle gave way seconds after the train left the station.\n\nThe Kelso express derailed on March 12 with 212 passengers on board.\n",
    ),
    (
        "valley.md",
        "---\noutlet: Valley Post\npublished: 2025-04-13\n---\nThe Rail Safety Board's interim report on the March 12 derailment of the Kelso express near Amberly blames a cracked axle.\n",
    ),
];

#[test]
fn a_date_that_qualifies_a_noun_dates_only_that_event() {
    let engine = engine(REPORT);
    // "the March 12 derailment" dates the derailment, not the day the report came out.
    let draft = "---\npublished: 2025-04-13\n---\nA cracked axle gave way seconds after the Kelso express left the station, the Rail Safety Board said in an interim report released near Amberly on Saturday.\n";
    let found = warnings(&engine, draft);
    assert!(flagged(&found, "date-conflict").is_empty(), "{found:#?}");
    // The derailment's own day is still checked, told either way.
    let draft = "---\npublished: 2025-04-13\n---\nThe Kelso express derailed near Amberly on March 13 with 212 passengers on board.\n";
    let found = warnings(&engine, draft);
    assert_eq!(flagged(&found, "date-conflict"), vec!["March 13"], "{found:#?}");
}

#[test]
fn a_duration_in_two_units_is_one_value() {
    let engine = engine(&[
        (
            "assembly.md",
            "---\noutlet: Assembly Wire\npublished: 2025-07-03\n---\nThe procedural vote in the Harrow Assembly stayed open for seven hours and 24 minutes, the longest in its history.\n\nThe next vote, on the budget itself, stayed open for 5 hours and 49 minutes.\n",
        ),
        (
            "courier.md",
            "---\noutlet: Harrow Courier\npublished: 2025-07-03\n---\nMembers waited seven hours and 24 minutes before the procedural vote in the Harrow Assembly closed.\n",
        ),
    ]);
    // The right duration, told as the sources tell it: its minutes are not compared with another vote's.
    let draft = "---\npublished: 2025-07-04\n---\nThe procedural vote in the Harrow Assembly stayed open for seven hours and 24 minutes, the longest in its history.\n";
    let found = warnings(&engine, draft);
    assert!(found.is_empty(), "{found:#?}");
    // A wrong duration is flagged whole.
    let draft = "---\npublished: 2025-07-04\n---\nThe procedural vote in the Harrow Assembly stayed open for six hours and 24 minutes, the longest in its history.\n";
    let found = warnings(&engine, draft);
    assert_eq!(flagged(&found, "count-conflict"), vec!["six hours and 24 minutes"], "{found:#?}");
}

#[test]
fn a_day_planned_is_not_contradicted_by_a_day_that_happened() {
    let engine = engine(&[(
        "council.md",
        "---\noutlet: Harrow Courier\npublished: 2025-06-29\n---\nCouncillor Mara Quist cast the deciding vote on the Harrow transit levy on Saturday night, after a debate that ran past midnight.\n",
    )]);
    // Published Wednesday, July 2: a vote planned for that day, not Saturday's vote.
    let draft = "---\npublished: 2025-07-02\n---\nCouncil leaders scheduled a Wednesday vote on the final Harrow transit levy after Quist's deciding vote.\n";
    let found = warnings(&engine, draft);
    assert!(flagged(&found, "date-conflict").is_empty(), "{found:#?}");
    // A day that happened is still compared with one that happened.
    let draft = "---\npublished: 2025-07-02\n---\nCouncillor Mara Quist cast the deciding vote on the Harrow transit levy on Friday night, after a debate that ran past midnight.\n";
    let found = warnings(&engine, draft);
    assert_eq!(flagged(&found, "date-conflict"), vec!["Friday"], "{found:#?}");
}

#[test]
fn a_word_of_a_name_beside_a_date_dates_no_event() {
    let engine = engine(&[
        (
            "a.md",
            "---\noutlet: Valley Post\npublished: 2025-01-31\n---\nDivers went back into the Kessel River on Friday to search for wreckage of the ferry.\n",
        ),
        (
            "b.md",
            "---\noutlet: Kessel Wire\npublished: 2025-01-31\n---\nSalvage crews worked on the Kessel River on Friday as the search for the ferry went on.\n",
        ),
        (
            "c.md",
            "---\noutlet: Harbour News\npublished: 2025-02-01\n---\nBoats searched the Kessel River on Friday for the ferry's lost cargo.\n\nEngineers said a crane would be needed to lift the hull, and the muddy water slowed the divers.\n\nThe morning shift found two lifejackets.\n",
        ),
    ]);
    // Another day's work on the river, not a day the sources give for one event.
    let draft = "---\npublished: 2025-02-04\n---\nA crane lifted the ferry's hull out of the muddy river on Monday morning.\n";
    let found = warnings(&engine, draft);
    assert!(flagged(&found, "date-conflict").is_empty(), "{found:#?}");
}

#[test]
fn a_running_count_in_an_undated_draft_is_information() {
    let engine = engine(&[(
        "wire.md",
        "---\noutlet: Norwire\npublished: 2025-04-06\n---\nAfter the Vellmar landslide, 1,210 people were injured and another 220 are missing, the regional governor said.\n",
    )]);
    let told = "After the Vellmar landslide, 1,210 people were injured and another 441 are missing, the regional governor said.\n";
    // Without a date, an older tally cannot be told from a wrong one.
    let report = engine.check(std::path::Path::new("draft.md"), told);
    let finding = report.findings.iter().find(|f| f.text == "441").expect("the count is still shown");
    assert!(finding.severity < Severity::Warning, "{finding:#?}");
    assert_eq!(finding.code, "count-provisional");
    // With one, it is compared as of that date.
    let dated = format!("---\npublished: 2025-04-07\n---\n{told}");
    let found = warnings(&engine, &dated);
    assert_eq!(flagged(&found, "count-conflict"), vec!["441"], "{found:#?}");
    // A death counted in the singular ("the 14th death") is a running count too.
    let engine = self::engine(&[(
        "wire.md",
        "---\noutlet: Norwire\npublished: 2025-04-06\n---\nA man of 80 died on Sunday in Vellmar, the 12th landslide-related death recorded by the regional governor.\n",
    )]);
    let later = "In Vellmar, a woman was the 14th landslide-related death recorded by the regional governor.\n";
    let report = engine.check(std::path::Path::new("draft.md"), later);
    assert!(report.findings.iter().all(|f| f.severity < Severity::Warning), "{:#?}", report.findings);
}

#[test]
fn a_lawmaker_put_in_another_state_than_the_sources_put_them() {
    let engine = engine(&[
        (
            "wire.md",
            "---\noutlet: Capitol Wire\npublished: 2025-07-01\n---\nSen. Dana Whitcombe of Vermont voted against the harbour bill on Tuesday.\n\nRep. Orrin Salcedo, R-Ariz., said the House would take it up next week.\n",
        ),
        ("post.md", "---\noutlet: Valley Post\npublished: 2025-07-02\n---\nWhitcombe (D-VT) called the bill a giveaway.\n"),
    ]);
    let draft = "---\npublished: 2025-07-02\n---\nDana Whitcombe of New Hampshire voted against the harbour bill.\n\nOrrin Salcedo of Nevada said the House would act next week.\n";
    let found = warnings(&engine, draft);
    assert_eq!(flagged(&found, "place-conflict"), vec!["New Hampshire", "Nevada"], "{found:#?}");
    let draft = "---\npublished: 2025-07-02\n---\nDana Whitcombe of Vermont voted against the harbour bill, and Orrin Salcedo (R-AZ) said the House would act.\n";
    assert!(warnings(&engine, draft).is_empty());
}

#[test]
fn an_age_is_checked_against_the_persons_age_wherever_the_sources_give_it() {
    let engine = engine(&[
        (
            "wire.md",
            "---\noutlet: Norwire\npublished: 2025-03-18\n---\nThe capsule splashed down off Tallahassee with test pilots Ted Marsh and Ann Williams on board.\n\nAnn Williams said the crew felt fine.\n\nMarsh, 62, and Williams, 59, had spent nine months in orbit.\n",
        ),
        (
            "old.md",
            "---\noutlet: Valley Post\npublished: 2024-06-01\n---\nBefore launch, Dora Keswick, 47, led the training of the Kestrel crew.\n",
        ),
    ]);
    // Told in other words than the sentence that gives it.
    let draft = "---\npublished: 2025-03-19\n---\nAnn Williams, a 61-year-old retired Navy test pilot, is back on the ground after a long mission.\n";
    let found = warnings(&engine, draft);
    assert_eq!(flagged(&found, "count-conflict"), vec!["61"], "{found:#?}");
    // A year more than a page written nine months earlier is a birthday, not an error.
    let draft = "---\npublished: 2025-03-19\n---\nDora Keswick, 48, now runs the agency's training centre.\n";
    assert!(warnings(&engine, draft).is_empty());
}

#[test]
fn a_list_of_places_each_with_its_figure_is_not_read_item_by_item() {
    let engine = engine(&[(
        "wire.md",
        "---\noutlet: Norwire\npublished: 2025-07-08\n---\nThe governor said there were 94 confirmed deaths in Kerrow County, up from 87 on Tuesday morning.\n\nTen people are confirmed missing in Alder County.\n",
    )]);
    let draft = "---\npublished: 2025-07-09\n---\nOther counties have also reported deaths: seven in Alder, six in Brisk, three in Cotton and two in Dunmore.\n";
    let found = warnings(&engine, draft);
    assert!(flagged(&found, "place-conflict").is_empty() && flagged(&found, "count-conflict").is_empty(), "{found:#?}");
    // One place in the same words is still checked.
    let draft = "---\npublished: 2025-07-09\n---\nThe governor said there were 94 confirmed deaths in Fenwick County, up from 87 on Tuesday morning.\n";
    let found = warnings(&engine, draft);
    assert_eq!(flagged(&found, "place-conflict"), vec!["Fenwick County"], "{found:#?}");
}

#[test]
fn the_storys_own_city_does_not_pin_another_value() {
    let mut texts: Vec<(String, String)> = (0..10)
        .map(|k| {
            (
                format!("city{k}.md"),
                format!(
                    "---\noutlet: Outlet {k}\npublished: 2025-06-14\n---\nRescue teams in Velmar worked through night {k} of the search, officials in Velmar said.\n\nThe hospital in Velmar said families left flowers at its gates.\n"
                ),
            )
        })
        .collect();
    texts.push((
        "survivor.md".into(),
        "---\noutlet: Harbour News\npublished: 2025-06-13\n---\nTomas Brenner, an engineer from the coast, was the only survivor of the 242 people aboard the Kestrel Air jet that smashed into a school dormitory in Velmar yesterday, police told reporters.\n".into(),
    ));
    let texts: Vec<(&str, &str)> = texts.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let engine = engine(&texts);
    // Velmar, named in twenty sentences, does not make the crash's sentence this one's source.
    let draft = "---\npublished: 2025-06-20\n---\nThe only survivor, Tomas Brenner, was discharged from a hospital in Velmar on June 17 after doctors treated his burns.\n";
    let found = warnings(&engine, draft);
    assert!(flagged(&found, "date-conflict").is_empty(), "{found:#?}");
}

const COMPANY: &[(&str, &str)] = &[
    (
        "wire.md",
        "---\noutlet: Norwire\npublished: 2025-03-18\n---\nHalvern, a ten-year-old maker of ferry software founded by three engineers who met at university, now runs its business from its headquarters in Osterby.\n\nThe Morrow group agreed to buy Halvern for $4 billion on Tuesday.\n",
    ),
    (
        "courier.md",
        "---\noutlet: Osterby Courier\npublished: 2025-03-19\n---\nHalvern chief executive Lina Ortega, who was born in Lima, said the company would keep its staff.\n",
    ),
];

#[test]
fn a_place_hung_on_the_same_word_is_where_that_thing_is() {
    let engine = engine(COMPANY);
    // "headquartered in" and "its headquarters in": the same thing's place, whatever else
    // the sentences say.
    let draft = "---\npublished: 2025-03-20\n---\nHalvern, headquartered in Brisk, will join the Morrow group once the sale closes.\n";
    let found = warnings(&engine, draft);
    assert_eq!(flagged(&found, "place-conflict"), vec!["Brisk"], "{found:#?}");
    let draft = "---\npublished: 2025-03-20\n---\nHalvern, headquartered in Osterby, will join the Morrow group once the sale closes.\n";
    assert!(warnings(&engine, draft).is_empty());
}

#[test]
fn a_continent_is_not_compared_with_a_city() {
    let engine = engine(COMPANY);
    // Lima is in South America: no list here says so, so the two are not compared.
    let draft = "---\npublished: 2025-03-20\n---\nHalvern chief executive Lina Ortega, who was born in South America, said the company would keep its staff.\n";
    let found = warnings(&engine, draft);
    assert!(flagged(&found, "place-conflict").is_empty(), "{found:#?}");
    let draft = "---\npublished: 2025-03-20\n---\nHalvern chief executive Lina Ortega, who was born in Quito, said the company would keep its staff.\n";
    assert_eq!(flagged(&warnings(&engine, draft), "place-conflict"), vec!["Quito"]);
}

const CRASH: &[(&str, &str)] = &[
    (
        "wire.md",
        "---\noutlet: Norwire\npublished: 2025-06-14\n---\nThe airline confirmed 181 of the 182 people aboard flight KA9 died when the jet came down near Velmar.\n\nRescuers had identified 66 of the 67 victims by Friday evening, the coroner said.\n",
    ),
    (
        "courier.md",
        "---\noutlet: Velmar Courier\npublished: 2025-06-14\n---\nThe jury reached agreement on four of the five counts after two days.\n",
    ),
];

#[test]
fn a_part_of_a_whole_is_checked_against_the_same_part_or_the_same_whole() {
    let engine = engine(CRASH);
    // The same part of another whole, in other words around it.
    let draft = "---\npublished: 2025-06-15\n---\nThe jet, which took off from Velmar in the morning, crashed into a school dormitory, killing 181 of the 184 people on board.\n";
    let found = warnings(&engine, draft);
    assert_eq!(flagged(&found, "count-conflict"), vec!["184"], "{found:#?}");
    // Another part of the same whole, under a word of the frame both share.
    let draft = "---\npublished: 2025-06-15\n---\nBy then, 56 of the 67 had been identified.\n";
    let found = warnings(&engine, draft);
    assert_eq!(flagged(&found, "count-conflict"), vec!["56"], "{found:#?}");
    // Another part of the same whole, told of another thing: no conflict.
    let draft = "---\npublished: 2025-06-15\n---\nThe defendant was convicted on two of the five counts.\n";
    let found = warnings(&engine, draft);
    assert!(flagged(&found, "count-conflict").is_empty(), "{found:#?}");
}

#[test]
fn a_figure_is_not_matched_when_its_source_sentence_gives_another_as_well() {
    let engine = engine(&[(
        "wire.md",
        "---\noutlet: Norwire\npublished: 2025-07-05\n---\nAs of Saturday morning, 27 people had been found dead in Kerrow County.\n\nOf those, 18 were adults and nine were children.\n",
    )]);
    // "18 were adults and nine were children" gives two figures in the same words: which
    // one the draft's 68 would be is unclear, whatever other values (a day) the draft gives.
    let draft =
        "---\npublished: 2025-07-07\n---\nOn Sunday afternoon the county's count stood at 68, made up of 40 adults and 28 children.\n";
    let found = warnings(&engine, draft);
    assert!(flagged(&found, "count-conflict").is_empty(), "{found:#?}");
}

const RETURN: &[(&str, &str)] = &[
    (
        "wire.md",
        "---\noutlet: Norwire\npublished: 2025-06-05\n---\nTugboats nudged the research ship Kallisto alongside the Varnholm quay on Wednesday, ending a polar survey that overran badly.\n",
    ),
    (
        "courier.md",
        "---\noutlet: Varnholm Courier\npublished: 2025-06-05\n---\nCheering families packed the pier on Wednesday as the Kallisto berthed after months among icebergs.\n",
    ),
    (
        "gazette.md",
        "---\noutlet: Polar Gazette\npublished: 2025-06-06\n---\nExhausted scientists walked down the gangway on Wednesday, glad the Kallisto expedition was finally over.\n",
    ),
    (
        "notes.md",
        "---\noutlet: Harbour Notes\npublished: 2025-06-01\n---\nThe harbour master said the new crane would be installed in the autumn.\n\nFishing boats were kept in port by high winds for most of May.\n\nA ferry timetable for the summer was published by the port authority.\n",
    ),
];

#[test]
fn several_sources_that_date_an_event_one_way_contradict_a_draft_together() {
    // No source tells the return in the draft's words: each shares a word or two with it,
    // too few to contradict it alone. Three date it Wednesday, June 4, and none another day.
    let draft =
        "---\npublished: 2025-06-06\n---\nTired but smiling, the Kallisto's scientists stepped onto the Varnholm pier on Tuesday.\n";
    let found = warnings(&engine(RETURN), draft);
    assert_eq!(flagged(&found, "date-conflict"), vec!["Tuesday"], "{found:#?}");
    assert!(found[0].evidence.len() >= 3, "{:#?}", found[0].evidence);
    let right = draft.replace("Tuesday", "Wednesday");
    assert!(warnings(&engine(RETURN), &right).is_empty(), "{:#?}", warnings(&engine(RETURN), &right));
    // One source giving another day and there is no agreement.
    let gazette = RETURN[2].1.replace("Wednesday", "Thursday");
    let split: Vec<(&str, &str)> =
        RETURN.iter().map(|&(name, text)| (name, if name == "gazette.md" { gazette.as_str() } else { text })).collect();
    assert!(flagged(&warnings(&engine(&split), draft), "date-conflict").is_empty());
}

#[test]
fn a_day_told_under_a_few_shared_words_does_not_outweigh_the_same_event_told_in_full() {
    let notes = "---\noutlet: Harbour Notes\npublished: 2025-06-01\n---\nThe harbour master said the new crane would be installed in the autumn.\n\nFishing boats were kept in port by high winds for most of May.\n";
    let engine = engine(&[
        (
            "a.md",
            "---\noutlet: Norwire\npublished: 2025-07-04\n---\nOpposition leader Mara Voss delayed the final vote with a speech of nine hours on Thursday, the longest in the chamber's history.\n",
        ),
        (
            "b.md",
            "---\noutlet: Capital Post\npublished: 2025-07-04\n---\nLawmakers from every party had been sitting in the chamber through the final session, which began on Wednesday morning.\n",
        ),
        ("notes.md", notes),
    ]);
    // The draft's Wednesday is the session's, told with two of its words; the speech itself
    // is dated Thursday in the draft's own words.
    let draft = "---\npublished: 2025-07-05\n---\nMara Voss delayed the final vote with a speech of nine hours on Wednesday, the longest in the chamber's history.\n";
    let found = warnings(&engine, draft);
    assert_eq!(flagged(&found, "date-conflict"), vec!["Wednesday"], "{found:#?}");
    assert!(found[0].message.contains("July 3"), "{}", found[0].message);
}

#[test]
fn a_place_the_draft_names_too_does_not_hold_its_other_place() {
    let engine = engine(&[
        (
            "a.md",
            "---\noutlet: Norwire\npublished: 2025-07-05\n---\nA bomber flew over the lawn, and some 150 airmen from Harlow Air Base in Tessary were among the guests at the signing.\n\nThe governor of Orrin did not attend.\n",
        ),
        (
            "notes.md",
            "---\noutlet: Harbour Notes\npublished: 2025-06-01\n---\nThe harbour master said the new crane would be installed in the autumn.\n",
        ),
    ]);
    // The base is the draft's own place, told beside Tessary: it does not hold Orrin.
    let draft = "---\npublished: 2025-07-05\n---\nSome 150 airmen from Harlow Air Base in Orrin were among the guests at the signing.\n";
    let found = warnings(&engine, draft);
    assert_eq!(flagged(&found, "place-conflict"), vec!["Orrin"], "{found:#?}");
    let right = draft.replace("Orrin", "Tessary");
    assert!(warnings(&engine, &right).is_empty());
}

#[test]
fn a_day_told_beside_another_or_inside_a_week_does_not_support_a_day() {
    let engine = engine(&[
        (
            "a.md",
            "---\noutlet: Norwire\npublished: 2025-06-16\n---\nThe Kestrel Air jet crashed on June 12 shortly after take-off from Velmar, killing 212 people.\n",
        ),
        (
            "b.md",
            "---\noutlet: Velmar Courier\npublished: 2025-06-16\n---\nThe Kestrel Air jet crash and the search for its recorder took place on June 12 and June 14.\n\nFlags flew at half-mast across Velmar last week after the Kestrel Air crash.\n",
        ),
        (
            "notes.md",
            "---\noutlet: Harbour Notes\npublished: 2025-06-01\n---\nThe harbour master said the new crane would be installed in the autumn.\n",
        ),
    ]);
    // June 14 is told beside June 12 in as many words (of which event?), and "last week"
    // holds it without naming it: neither supports it against the crash's own day.
    let draft = "---\npublished: 2025-06-20\n---\nThe June 14 crash of the Kestrel Air jet killed 212 people.\n";
    let found = warnings(&engine, draft);
    assert_eq!(flagged(&found, "date-conflict"), vec!["June 14"], "{found:#?}");
    let right = draft.replace("June 14", "June 12");
    assert!(warnings(&engine, &right).is_empty(), "{:#?}", warnings(&engine, &right));
}

#[test]
fn an_age_after_a_name_at_the_end_of_a_sentence_is_an_age() {
    let engine = engine(&[
        (
            "a.md",
            "---\noutlet: Norwire\npublished: 2025-03-18\n---\nThe founders, Tom Vale, forty-one, and Rosa Kell, thirty-five, met while serving in the navy.\n",
        ),
        (
            "notes.md",
            "---\noutlet: Harbour Notes\npublished: 2025-03-01\n---\nThe harbour master said the new crane would be installed in the autumn.\n",
        ),
    ]);
    let draft = "---\npublished: 2025-03-19\n---\nThe company was started by two navy friends, Tom Vale, 41, and Rosa Kell, 38.\n";
    let found = warnings(&engine, draft);
    assert_eq!(flagged(&found, "count-conflict"), vec!["38"], "{found:#?}");
    let right = draft.replace("38", "35");
    assert!(warnings(&engine, &right).is_empty(), "{:#?}", warnings(&engine, &right));
}

#[test]
fn a_figure_joined_to_its_unit_before_a_noun_is_checked() {
    let engine = engine(&[
        (
            "a.md",
            "---\noutlet: Norwire\npublished: 2025-01-31\n---\nThe Harlow Aviation Battalion has been granted a 48-hour operational pause after the collision, the minister said.\n\nDock workers began a three-day strike at the port of Velmar on Monday.\n",
        ),
        (
            "notes.md",
            "---\noutlet: Harbour Notes\npublished: 2025-01-01\n---\nThe harbour master said the new crane would be installed in the autumn.\n",
        ),
    ]);
    let draft = "---\npublished: 2025-02-01\n---\nThe Harlow Aviation Battalion was put on a 72-hour operational pause after the collision.\n\nDock workers at the port of Velmar began a five-day strike.\n";
    let found = warnings(&engine, draft);
    assert_eq!(flagged(&found, "count-conflict"), vec!["72", "five"], "{found:#?}");
    let right = draft.replace("72", "48").replace("five", "three");
    assert!(warnings(&engine, &right).is_empty(), "{:#?}", warnings(&engine, &right));
}

#[test]
fn a_figure_the_sources_dispute_is_not_contradicted_by_one_of_them() {
    let notes =
        "---\noutlet: Harbour Notes\npublished: 2025-01-01\n---\nThe harbour master said the new crane would be installed in the autumn.\n";
    let sources = [
        (
            "a.md",
            "---\noutlet: Court Wire\npublished: 2025-07-03\n---\nThe jury in Brennick convicted Ilse Varga after an eight-week federal trial on fraud charges.\n",
        ),
        (
            "b.md",
            "---\noutlet: Brennick Courier\npublished: 2025-07-03\n---\nVarga sat through a six-week federal trial before the jury found her guilty.\n",
        ),
        ("notes.md", notes),
    ];
    let draft = "---\npublished: 2025-07-04\n---\nAfter a seven-week federal trial, the jury in Brennick convicted Ilse Varga of fraud.\n";
    // Eight weeks in one source, six in another: the draft's seven is disputed, not wrong.
    let report = engine(&sources).check(std::path::Path::new("draft.md"), draft);
    assert!(report.findings.iter().all(|f| f.severity < Severity::Warning), "{:#?}", report.findings);
    let disputed = report.findings.iter().find(|f| f.code == "count-disputed").expect("the dispute is told");
    assert!(disputed.message.contains("eight") && disputed.message.contains("six"), "{}", disputed.message);
    assert_eq!(disputed.evidence.len(), 2, "quotes both: {:#?}", disputed.evidence);
    // With the one source alone, it is contradicted.
    let alone: Vec<(&str, &str)> = sources.iter().copied().filter(|(name, _)| *name != "b.md").collect();
    assert_eq!(flagged(&warnings(&engine(&alone), draft), "count-conflict"), vec!["seven"]);
}

#[test]
fn years_behind_bars_are_a_sentence_not_a_comparison() {
    let engine = engine(&[
        (
            "a.md",
            "---\noutlet: Court Wire\npublished: 2025-07-03\n---\nEach of the bribery counts against Ilse Varga carries a maximum of 10 years behind bars.\n",
        ),
        (
            "notes.md",
            "---\noutlet: Harbour Notes\npublished: 2025-01-01\n---\nThe harbour master said the new crane would be installed in the autumn.\n",
        ),
    ]);
    let draft = "---\npublished: 2025-07-04\n---\nEach bribery count against Ilse Varga carries a maximum of 15 years behind bars.\n";
    assert_eq!(flagged(&warnings(&engine, draft), "count-conflict"), vec!["15"]);
    // "Two years behind schedule" is still a difference, not an amount.
    let draft = "---\npublished: 2025-07-04\n---\nThe bribery case against Ilse Varga ran 15 years behind schedule.\n";
    assert!(flagged(&warnings(&engine, draft), "count-conflict").is_empty());
}

#[test]
fn a_sentence_of_another_year_tells_another_event() {
    let engine = engine(&[
        (
            "a.md",
            "---\noutlet: Norwire\npublished: 2025-02-20\n---\nKestrel Air offered $30,000 to each passenger aboard the jet that flipped on landing in Velmar.\n",
        ),
        (
            "notes.md",
            "---\noutlet: Harbour Notes\npublished: 2025-01-01\n---\nThe harbour master said the new crane would be installed in the autumn.\n",
        ),
    ]);
    // Another airline, another crash, another year: nothing of it is the story's.
    let draft = "---\npublished: 2025-02-21\n---\nIn 2013, another airline offered $10,000 to each passenger aboard a jet that crashed on landing in Osterby.\n";
    let found = warnings(&engine, draft);
    assert!(found.is_empty(), "{found:#?}");
    // The story's own offer, misstated, is still flagged.
    let draft = "---\npublished: 2025-02-21\n---\nKestrel Air offered $10,000 to each passenger aboard the jet that flipped on landing in Velmar.\n";
    assert_eq!(flagged(&warnings(&engine, draft), "count-conflict"), vec!["10,000"]);
}

#[test]
fn a_date_in_the_subjects_clause_does_not_date_the_predicate() {
    let engine = engine(&[
        (
            "a.md",
            "---\noutlet: Norwire\npublished: 2025-02-20\n---\nThe wreckage of the Kestrel Air jet that crashed on the runway at Velmar on Monday afternoon has now been removed from the tarmac.\n",
        ),
        (
            "notes.md",
            "---\noutlet: Harbour Notes\npublished: 2025-01-01\n---\nDock workers spent several hours unloading the ferry.\n\nThe harbour master said the new crane would be installed in the autumn.\n",
        ),
    ]);
    // Monday dates the crash; the removal is undated in the source.
    let draft = "---\npublished: 2025-02-20\n---\nWorkers spent several hours yesterday removing the wreckage from the runway.\n";
    let found = warnings(&engine, draft);
    assert!(flagged(&found, "date-conflict").is_empty(), "{found:#?}");
}

#[test]
fn where_a_person_comes_from_is_not_where_the_event_happened() {
    let engine = engine(&[
        (
            "wire.md",
            "---\noutlet: Norwire\npublished: 2025-11-02\n---\nA woman arrested this week over the jewel heist at the Orsel on Saturday appeared before a magistrate who will decide whether to detain her.\n\nThe 41-year-old woman, who lives in a northern suburb, was charged with complicity in theft.\n\nThe second suspect is a 35-year-old driver from the suburb of Marlow, police said.\n",
        ),
        (
            "courier.md",
            "---\noutlet: Brennick Courier\npublished: 2025-11-03\n---\nThe woman arrested over the jewel heist at the Orsel appeared before a magistrate on Saturday.\n",
        ),
    ]);
    // Her home told beside the event: no rival of the museum where it happened.
    let home = "---\npublished: 2025-11-04\n---\nThe woman, a 41-year-old from Vexby, appeared before a magistrate on Saturday and was charged with complicity in theft.\n";
    let found = warnings(&engine, home);
    assert!(flagged(&found, "place-conflict").is_empty(), "{found:#?}");
    // A home the sources give otherwise is still checked against theirs.
    let wrong_home = "---\npublished: 2025-11-04\n---\nThe second suspect is a 35-year-old driver from Denholm, police said.\n";
    let found = warnings(&engine, wrong_home);
    assert_eq!(flagged(&found, "place-conflict"), vec!["Denholm"], "{found:#?}");
}

#[test]
fn a_place_joined_by_a_hyphen_holds_each_of_its_parts() {
    let engine = engine(&[
        (
            "wire.md",
            "---\noutlet: Norwire\npublished: 2025-11-02\n---\nThe suspect was arrested at Henri de Valmont airport on Saturday as he was about to board a flight.\n",
        ),
        (
            "courier.md",
            "---\noutlet: Brennick Courier\npublished: 2025-11-03\n---\nPolice arrested the suspect at Henri de Valmont airport on Saturday as he was about to fly out.\n",
        ),
    ]);
    let draft = "---\npublished: 2025-11-04\n---\nThe suspect was arrested at Brest-Henri de Valmont Airport on Saturday as he was about to board a flight.\n";
    let found = warnings(&engine, draft);
    assert!(flagged(&found, "place-conflict").is_empty(), "{found:#?}");
    let wrong =
        "---\npublished: 2025-11-04\n---\nThe suspect was arrested at Guipavas airport on Saturday as he was about to board a flight.\n";
    let found = warnings(&engine, wrong);
    assert_eq!(flagged(&found, "place-conflict"), vec!["Guipavas"], "{found:#?}");
}

#[test]
fn the_time_of_a_tally_or_a_report_is_not_the_time_of_what_it_tells() {
    let engine = engine(&[
        (
            "wire.md",
            "---\noutlet: Norwire\npublished: 2025-06-01\n---\nThe ministry's provisional assessment as of Sunday morning was that 559 people had been arrested across the country after the final.\n\nThe interior ministry on Sunday reported more than 200 cars burned across the country after the final.\n",
        ),
        (
            "courier.md",
            "---\noutlet: Courier\npublished: 2025-06-02\n---\nPolice arrested hundreds of fans after the final on Saturday night.\n\nThe medical examiner had counted 16 deaths across the country after the final on Sunday.\n",
        ),
    ]);
    // The arrests were made on Saturday night, counted "as of Sunday morning".
    let tally = "---\npublished: 2025-06-03\n---\nThe provisional assessment on Saturday night was that 559 people had been arrested across the country after the final.\n";
    let found = warnings(&engine, tally);
    assert!(flagged(&found, "date-conflict").is_empty(), "{found:#?}");
    // "By Saturday night" is when a tally stood, which a later day's count does not contradict.
    let by = "---\npublished: 2025-06-03\n---\nBy Saturday night the medical examiner had counted 16 deaths across the country after the final.\n";
    let found = warnings(&engine, by);
    assert!(flagged(&found, "date-conflict").is_empty(), "{found:#?}");
    // The cars burned on Saturday night; the ministry reported it on Sunday.
    let report = "---\npublished: 2025-06-03\n---\nMore than 200 cars were burned across the country on Saturday night after the final.\n";
    let found = warnings(&engine, report);
    assert!(flagged(&found, "date-conflict").is_empty(), "{found:#?}");
    // A dateline that opens its sentence with no place dates the report, not the surgery.
    let engine = self::engine(&[(
        "wire.md",
        "---\noutlet: Norwire\npublished: 2025-06-24\n---\nJune 24 (Norwire) — Rovers striker Dale Pembry, who tore a knee ligament in the final, underwent surgery and thanked the fans on social media.\n",
    )]);
    let surgery = "---\npublished: 2025-06-25\n---\nRovers striker Dale Pembry, who tore a knee ligament in the final, underwent surgery on Monday.\n";
    let found = warnings(&engine, surgery);
    assert!(flagged(&found, "date-conflict").is_empty(), "{found:#?}");
}

#[test]
fn that_day_after_a_span_of_days_points_at_no_day() {
    let engine = engine(&[
        (
            "wire.md",
            "---\noutlet: Norwire\npublished: 2025-02-01\n---\nOn Jan. 31, the state fire agency reported the Kestrel Fire 95% contained after three weeks.\n",
        ),
        (
            "courier.md",
            "---\noutlet: Courier\npublished: 2025-02-01\n---\nThe state fire agency said on Jan. 31 that the Kestrel Fire was 95% contained.\n",
        ),
    ]);
    // "That day" follows "in late January", not the Jan. 6 told before it.
    let draft = "---\npublished: 2025-02-02\n---\nForecasters had issued a rare wind warning on Jan. 6.\n\nWhen the governor toured the burned hills in late January, the mayor met him at the airport.\n\nThat day the state fire agency reported the Kestrel Fire 95% contained.\n";
    let found = warnings(&engine, draft);
    assert!(flagged(&found, "date-conflict").is_empty(), "{found:#?}");
}

#[test]
fn another_occurrence_of_a_series_is_no_evidence() {
    let engine = engine(&[
        (
            "a.md",
            "---\noutlet: Norwire\npublished: 2025-06-09\n---\nThe Rovers beat the Harriers 101-95 in Game 2 of the finals on Sunday at Kell Arena.\n",
        ),
        (
            "b.md",
            "---\noutlet: Courier\npublished: 2025-06-12\n---\nThe Harriers beat the Rovers 110-104 in Game 3 of the finals on Wednesday at Kell Arena.\n",
        ),
    ]);
    // Game 4 is none of the games the sources tell: its day, score and place are unchecked.
    let game4 = "---\npublished: 2025-06-14\n---\nThe Rovers beat the Harriers 99-97 in Game 4 of the finals on Friday at Kell Arena.\n";
    let found = warnings(&engine, game4);
    assert!(found.is_empty(), "{found:#?}");
    // Nor is a game told by another score alone.
    let scored = "---\npublished: 2025-06-14\n---\nThe Rovers beat the Harriers 99-97 in the finals on Friday at Kell Arena.\n";
    let found = warnings(&engine, scored);
    assert!(flagged(&found, "date-conflict").is_empty(), "{found:#?}");
    // Game 3 told on the wrong day is still flagged.
    let game3 = "---\npublished: 2025-06-14\n---\nThe Harriers beat the Rovers 110-104 in Game 3 of the finals on Tuesday at Kell Arena.\n";
    assert_eq!(flagged(&warnings(&engine, game3), "date-conflict"), vec!["Tuesday"]);
}

#[test]
fn a_series_standing_after_another_number_of_games_is_another_moment() {
    let engine = engine(&[(
        "a.md",
        "---\noutlet: Norwire\n---\nThe Rovers took a 3-2 lead in the finals series with a 120-109 win over the Harriers at Kell Arena.\n",
    )]);
    // After one game the standing was 1-0: no contradiction of the later 3-2.
    let early =
        "---\npublished: 2025-06-06\n---\nThe Rovers lead the finals series 1-0 after a 111-110 win over the Harriers at Kell Arena.\n";
    let found = warnings(&engine, early);
    assert!(flagged(&found, "count-conflict").is_empty(), "{found:#?}");
    // After as many games, another standing is still flagged.
    let wrong = "---\npublished: 2025-06-14\n---\nThe Rovers took a 4-1 lead in the finals series with a 120-109 win over the Harriers at Kell Arena.\n";
    assert_eq!(flagged(&warnings(&engine, wrong), "count-conflict"), vec!["4-1"]);
}

#[test]
fn a_date_opening_a_relative_clause_dates_only_that_clause() {
    let engine = engine(&[
        (
            "a.md",
            "---\noutlet: Norwire\npublished: 2025-05-10\n---\nThe thanksgiving service was held in the old chapel alongside the 40 wardens who on May 9 cast ballots in the guild election.\n",
        ),
        (
            "b.md",
            "---\noutlet: Courier\npublished: 2025-05-01\n---\nThe harbour master said the new crane would be installed in the autumn.\n",
        ),
    ]);
    // May 9 is the ballot's day, not the service's.
    let service =
        "---\npublished: 2025-05-12\n---\nThe thanksgiving service with the 40 wardens was held in the old chapel on Saturday, May 10.\n";
    let found = warnings(&engine, service);
    assert!(flagged(&found, "date-conflict").is_empty(), "{found:#?}");
    // The ballot on another day is flagged.
    let ballot = "---\npublished: 2025-05-12\n---\nThe 40 wardens cast ballots in the guild election on May 8.\n";
    assert_eq!(flagged(&warnings(&engine, ballot), "date-conflict"), vec!["May 8"]);
}

#[test]
fn a_day_in_future_copy_is_planned_whatever_the_verb() {
    let engine = engine(&[(
        "a.md",
        "---\noutlet: Norwire\npublished: 2025-06-20\n---\nThe jury in the Harwick trial began deliberating on Thursday at the county courthouse in Dunmore.\n",
    )]);
    // "Deliberations resume on Monday": a day planned, which a day that happened does not contradict.
    let draft =
        "---\npublished: 2025-06-21\n---\nDeliberations in the Harwick trial resume on Monday at the county courthouse in Dunmore.\n";
    let found = warnings(&engine, draft);
    assert!(flagged(&found, "date-conflict").is_empty(), "{found:#?}");
}

#[test]
fn a_figure_miscopied_with_people_as_its_unit_is_still_the_figure() {
    let engine = engine(&[
        (
            "a.md",
            "---\noutlet: Norwire\npublished: 2025-01-04\n---\nHalvard Steel has operated out of Dunmore since 1911 and employs 21,803 workers at its mills.\n",
        ),
        (
            "b.md",
            "---\noutlet: Courier\npublished: 2025-01-01\n---\nThe harbour master said the new crane would be installed in the autumn.\n",
        ),
    ]);
    let draft = "---\npublished: 2025-01-05\n---\nHalvard Steel has been based in Dunmore since 1911 and employs 23,803 people.\n";
    assert_eq!(flagged(&warnings(&engine, draft), "count-conflict"), vec!["23,803"]);
}

#[test]
fn dates_generations_apart_tell_two_things() {
    let engine = engine(&[
        (
            "a.md",
            "---\noutlet: Norwire\npublished: 2025-04-27\n---\nThe funeral of Pope Aurel was held in St. Orsel's Square on Saturday before 200,000 mourners.\n",
        ),
        (
            "b.md",
            "---\noutlet: Courier\npublished: 2025-01-01\n---\nThe harbour master said the new crane would be installed in the autumn.\n",
        ),
    ]);
    // The funeral of 1903 recalled is another funeral, not the story's misdated.
    let draft =
        "---\npublished: 2025-05-09\n---\nThe funeral of Pope Aurel in St. Orsel's Square recalled the one held there on July 20, 1903.\n";
    let found = warnings(&engine, draft);
    assert!(flagged(&found, "date-conflict").is_empty(), "{found:#?}");
    // The story's funeral a day off is still flagged.
    let draft =
        "---\npublished: 2025-05-09\n---\nThe funeral of Pope Aurel was held in St. Orsel's Square on April 25 before 200,000 mourners.\n";
    assert_eq!(flagged(&warnings(&engine, draft), "date-conflict"), vec!["April 25"]);
}

#[test]
fn a_place_a_keystroke_from_a_sourced_one_is_misspelled() {
    let engine = engine(&[
        (
            "a.md",
            "---\noutlet: Norwire\npublished: 2025-04-07\n---\nMourners gathered at Brenlander Chapel in Marlow for the funeral of the girl on Sunday.\n",
        ),
        (
            "b.md",
            "---\noutlet: Courier\npublished: 2025-01-01\n---\nThe harbour master said the new crane would be installed in the autumn.\n",
        ),
    ]);
    let draft =
        "---\npublished: 2025-04-08\n---\nMourners gathered at Brenlandre Chapel in Marlow for the funeral of the girl on Sunday.\n";
    let found = warnings(&engine, draft);
    assert_eq!(flagged(&found, "name-misspelled"), vec!["Brenlandre Chapel"], "{found:#?}");
    assert!(flagged(&found, "place-conflict").is_empty(), "{found:#?}");
    let right =
        "---\npublished: 2025-04-08\n---\nMourners gathered at Brenlander Chapel in Marlow for the funeral of the girl on Sunday.\n";
    assert!(warnings(&engine, right).is_empty());
}

#[test]
fn a_place_written_with_a_hyphen_for_a_space_is_no_misspelling() {
    // "Roland-Garros" and "Roland Garros" are one name written two ways.
    let engine = engine(&[
        (
            "a.md",
            "---\noutlet: Norwire\npublished: 2025-06-08\n---\nOssola won the final at Port Ellery on Sunday in front of 15,000 fans.\n",
        ),
        (
            "b.md",
            "---\noutlet: Courier\npublished: 2025-01-01\n---\nThe harbour master said the new crane would be installed in the autumn.\n",
        ),
    ]);
    let draft = "---\npublished: 2025-06-09\n---\nOssola won the final at Port-Ellery on Sunday in front of 15,000 fans.\n";
    let found = warnings(&engine, draft);
    assert!(flagged(&found, "name-misspelled").is_empty(), "{found:#?}");
    let wrong = "---\npublished: 2025-06-09\n---\nOssola won the final at Port Ellary on Sunday in front of 15,000 fans.\n";
    let found = warnings(&engine, wrong);
    assert_eq!(flagged(&found, "name-misspelled"), vec!["Port Ellary"], "{found:#?}");
}

#[test]
fn where_someone_went_is_a_place_checked_like_any_other() {
    let engine = engine(&[
        (
            "wire.md",
            "---\npublished: 2025-03-08\n---\nThe suspect was arrested at Vellmark airport as he was about to fly to Ostravia with a one-way ticket, the prosecutor said.\n",
        ),
        (
            "daily.md",
            "---\npublished: 2025-03-09\n---\nPolice arrested the suspect at Vellmark airport as he was about to fly to Ostravia, the prosecutor told reporters.\n",
        ),
    ]);
    let wrong = "---\npublished: 2025-03-10\n---\nThe suspect was arrested at Vellmark airport as he was about to fly to Keldonia with a one-way ticket.\n";
    let found = warnings(&engine, wrong);
    assert_eq!(flagged(&found, "place-conflict"), vec!["Keldonia"], "{found:#?}");
    let right = "---\npublished: 2025-03-10\n---\nThe suspect was arrested at Vellmark airport as he was about to fly to Ostravia with a one-way ticket.\n";
    assert!(warnings(&engine, right).is_empty(), "{:#?}", warnings(&engine, right));
    // Who someone spoke to is no place gone to.
    let spoke = "---\npublished: 2025-03-10\n---\nThe suspect was arrested at Vellmark airport, the prosecutor said to Harlow Radio.\n";
    assert!(flagged(&warnings(&engine, spoke), "place-conflict").is_empty(), "{:#?}", warnings(&engine, spoke));
}

#[test]
fn a_place_that_starts_like_an_outlets_name_is_still_a_place() {
    let engine = engine(&[
        (
            "wire.md",
            "---\npublished: 2025-11-26\n---\nThe fourth suspect was arrested on Tuesday in the small city of Laval, west of Paris, Le Parisien reported.\n",
        ),
        (
            "daily.md",
            "---\npublished: 2025-11-26\n---\nPolice arrested the fourth suspect in the small city of Laval on Tuesday, Le Parisien said.\n",
        ),
    ]);
    let draft = "---\npublished: 2025-11-27\n---\nThe fourth suspect was arrested in Le Mans, a small city west of Paris, on Tuesday.\n";
    let found = warnings(&engine, draft);
    assert_eq!(flagged(&found, "place-conflict"), vec!["Le Mans"], "{found:#?}");
}

#[test]
fn a_place_the_sentence_denies_is_no_item_of_a_list() {
    let engine = engine(&[
        (
            "wire.md",
            "---\npublished: 2025-02-26\n---\nThe child was treated at Brannock General Hospital in Lowmoor, though the hospital said the patient did not live in Lowmoor County.\n",
        ),
        (
            "daily.md",
            "---\npublished: 2025-02-27\n---\nThe child had been treated at Brannock General Hospital in Lowmoor before dying on Tuesday.\n",
        ),
    ]);
    let draft = "---\npublished: 2025-02-28\n---\nThe child, who did not live in Lowmoor County, had been treated at Brannock General Hospital in Ferrow.\n";
    let found = warnings(&engine, draft);
    assert_eq!(flagged(&found, "place-conflict"), vec!["Ferrow"], "{found:#?}");
}

#[test]
fn two_bounds_far_apart_are_two_counts_unless_the_count_grows() {
    let engine = engine(&[
        (
            "wire.md",
            "---\npublished: 2025-04-02\n---\nOver six weeks the trial heard from more than 70 witnesses and saw more than 600 exhibits.\n\nThe floods have killed at least 24 people in the county, officials said.\n",
        ),
        ("daily.md", "---\npublished: 2025-04-02\n---\nJurors heard from more than 70 witnesses over six weeks, the court said.\n"),
    ]);
    let wrong = "---\npublished: 2025-04-03\n---\nOver six weeks the trial heard from more than 90 witnesses.\n";
    assert_eq!(flagged(&warnings(&engine, wrong), "count-conflict"), vec!["90"], "{:#?}", warnings(&engine, wrong));
    let near = "---\npublished: 2025-04-03\n---\nOver six weeks the trial heard from more than 75 witnesses.\n";
    assert!(warnings(&engine, near).is_empty(), "{:#?}", warnings(&engine, near));
    // A toll that grew: the earlier lower bound still holds.
    let toll = "---\npublished: 2025-04-05\n---\nThe floods have killed at least 31 people in the county, officials said.\n";
    assert!(warnings(&engine, toll).is_empty(), "{:#?}", warnings(&engine, toll));
}

#[test]
fn a_person_written_in_full_then_by_surname_is_known_and_a_misspelling_of_them_is_flagged() {
    let engine = engine(&[
        (
            "wire.md",
            "---\npublished: 2025-06-06\n---\nThe Harriers won 111-104 on Thursday night.\n\nThe Harriers were led by Pascal Orrinder, who had 19 points and 10 rebounds.\n\nOrrinder's putback with 48 seconds left sealed the win.\n",
        ),
        (
            "daily.md",
            "---\npublished: 2025-06-06\n---\nThe Harriers beat the Rovers 111-104.\n\nPascal Orrinder scored 19 points as the Harriers held on.\n",
        ),
    ]);
    let draft = "---\npublished: 2025-06-07\n---\nPascal Orinder had 19 points for the Harriers.\n";
    let found = warnings(&engine, draft);
    assert_eq!(flagged(&found, "name-misspelled"), vec!["Pascal Orinder"], "{found:#?}");
    // A party's members named in full and by the plural alone are no person.
    let party = engine_of(&[(
        "wire.md",
        "---\npublished: 2025-06-06\n---\nThe bill passed after Senate Republicans agreed to the cuts.\n\nRepublicans said the vote was close, and one Republican senator voted no.\n",
    )]);
    let draft = "---\npublished: 2025-06-07\n---\nThe bill passed after Senate Republican leaders agreed to the cuts.\n";
    assert!(flagged(&warnings(&party, draft), "name-misspelled").is_empty(), "{:#?}", warnings(&party, draft));
    // A company written in full and by its last word is no person: "Hallestad-based Norrik".
    // Written a keystroke off, it is still a name no source writes, as the sources write it.
    let engine = engine_of_place();
    let draft = "---\npublished: 2025-06-07\n---\nThe Hallestad-based Norrek makes valves.\n";
    let found = warnings(&engine, draft);
    assert_eq!(flagged(&found, "name-misspelled"), vec!["Hallestad-based Norrek"], "{found:#?}");
    assert!(found[0].message.contains("1 source writes Hallestad-based Norrik"), "{}", found[0].message);
}

fn engine_of(texts: &[(&str, &str)]) -> Engine {
    engine(texts)
}

fn engine_of_place() -> Engine {
    engine(&[(
        "wire.md",
        "---\npublished: 2025-06-06\n---\nThe Hallestad-based Norrik makes valves and pumps.\n\nNorrik employs 6,800 people.\n",
    )])
}

#[test]
fn where_a_company_is_based_is_a_place_checked_like_any_other() {
    let engine = engine(&[
        (
            "deal.md",
            "---\noutlet: Trade Wire\npublished: 2025-06-02\n---\nVelmark-based Halvard Steel plans to buy the Ostrava mill for $14 billion.\n\nThe buyer, a New Brennick-based lender, said the deal would close in June.\n",
        ),
        (
            "more.md",
            "---\noutlet: Market Post\npublished: 2025-06-03\n---\nHalvard Steel, the Velmark-based steelmaker, confirmed the offer.\n",
        ),
    ]);
    let right =
        "---\npublished: 2025-06-04\n---\nVelmark-based Halvard Steel plans to buy the Ostrava mill. The lender is New Brennick-based.\n";
    assert!(warnings(&engine, right).is_empty(), "{:#?}", warnings(&engine, right));
    // An acronym before "-based" is a technology, no place.
    let acronym = "---\npublished: 2025-06-04\n---\nThe AI-based lender said the deal would close in June.\n";
    assert!(warnings(&engine, acronym).is_empty(), "{:#?}", warnings(&engine, acronym));
    let wrong = "---\npublished: 2025-06-04\n---\nTalsby-based Halvard Steel plans to buy the Ostrava mill for $14 billion.\n";
    assert_eq!(flagged(&warnings(&engine, wrong), "place-conflict"), vec!["Talsby"], "{:#?}", warnings(&engine, wrong));
}

#[test]
fn a_person_whose_surname_is_an_everyday_word_is_known_by_an_age_or_a_relation() {
    let engine = engine(&[(
        "court.md",
        "---\npublished: 2025-06-18\n---\nThe jury cleared Lena Stone, 45, of the murder charge, and the verdict was read at noon.\n\nStone's father, Bill Stone, said the family was relieved.\n\nThe stone steps of the courthouse were crowded, and co-pilot Ivo Marand was among the crowd.\n",
    )]);
    let right = "---\npublished: 2025-06-19\n---\nLena Stone was cleared. Her father, Bill Stone, spoke. Ivo Marand watched.\n";
    assert!(flagged(&warnings(&engine, right), "name-misspelled").is_empty(), "{:#?}", warnings(&engine, right));
    for (draft, expected) in [
        ("Her father, Bill Stoen, said the family was relieved.", "Bill Stoen"),
        ("Lena Stoen was cleared.", "Lena Stoen"),
        ("Ivo Marrand watched.", "Ivo Marrand"),
    ] {
        let found = warnings(&engine, &format!("---\npublished: 2025-06-19\n---\n{draft}\n"));
        assert_eq!(flagged(&found, "name-misspelled"), vec![expected], "{draft}: {found:#?}");
    }
}

#[test]
fn a_site_put_in_another_town_than_the_sources_put_it() {
    let engine = engine(&[
        (
            "court.md",
            "---\noutlet: Valley Ledger\npublished: 2025-03-04\n---\nThe hearing was held at Varnholt County Courthouse in Bellmere on Tuesday.\n\nFans queued at Tessford's Orlan Civic Arena before the final.\n\nDelegates stayed at the Grand Harbour Hotel in Aldwick, and others at the Grand Harbour Hotel in Benmore.\n",
        ),
        (
            "more.md",
            "---\noutlet: Coast Courier\npublished: 2025-03-05\n---\nSome 40 reporters waited in the rain outside Varnholt County Courthouse.\n",
        ),
    ]);
    let right = "---\npublished: 2025-03-06\n---\nJudge Mira Kell spoke briefly at Varnholt County Courthouse in Bellmere. The final was played at Orlan Civic Arena in Tessford.\n";
    assert!(warnings(&engine, right).is_empty(), "{:#?}", warnings(&engine, right));
    // Another level (a state for a town), or a site the sources put in two towns: nothing.
    let unsure = "---\npublished: 2025-03-06\n---\nJudge Mira Kell spoke briefly at Varnholt County Courthouse in Ohio. The mayor stayed at the Grand Harbour Hotel in Corvan.\n";
    assert!(warnings(&engine, unsure).is_empty(), "{:#?}", warnings(&engine, unsure));
    for (draft, expected) in [
        ("Judge Mira Kell spoke briefly at Varnholt County Courthouse in Quillby.", "Quillby"),
        ("The final was played at Orlan Civic Arena, in Brennan.", "Brennan"),
        ("Crowds gathered in Darrow's Varnholt County Courthouse square.", "Darrow"),
    ] {
        let found = warnings(&engine, &format!("---\npublished: 2025-03-06\n---\n{draft}\n"));
        assert_eq!(flagged(&found, "place-conflict"), vec![expected], "{draft}: {found:#?}");
        assert!(
            found.iter().any(|f| f.message.contains("put Varnholt County Courthouse in Bellmere") || f.message.contains("in Tessford")),
            "{found:#?}"
        );
    }
}

#[test]
fn a_place_that_opens_a_list_of_places_contradicts_nothing() {
    let engine = engine(&[(
        "plants.md",
        "---\noutlet: Trade Wire\npublished: 2025-06-02\n---\nHalvard Steel will invest $7 billion in plants in Ostrava, Velmark and Tessford, its chief executive said.\n\nThe group will also invest $2 billion in a mill in Dunmore, Ohio, the company said.\n",
    )]);
    // One of several places: the draft's may be another of them.
    let listed = "---\npublished: 2025-06-03\n---\nHalvard Steel will invest $7 billion in plants in Brennick, its chief executive said.\n";
    assert!(flagged(&warnings(&engine, listed), "place-conflict").is_empty(), "{:#?}", warnings(&engine, listed));
    // A town with its state is one place.
    let town = "---\npublished: 2025-06-03\n---\nThe group will also invest $2 billion in a mill in Carrow, Ohio, the company said.\n";
    assert_eq!(flagged(&warnings(&engine, town), "place-conflict"), vec!["Carrow"], "{:#?}", warnings(&engine, town));
}

#[test]
fn a_day_told_only_of_another_event_supports_nothing_against_a_day_two_sources_give() {
    let engine = engine(&[
        (
            "ledger.md",
            "---\noutlet: Valley Ledger\npublished: 2025-10-23\n---\nThe Marlow Gallery reopened to visitors on Wednesday, three days after the theft of two paintings.\n",
        ),
        (
            "courier.md",
            "---\noutlet: Coast Courier\npublished: 2025-10-23\n---\nVisitors returned to the Marlow Gallery on Wednesday as it reopened after the theft.\n\nThe Marlow Gallery remained closed to visitors on Tuesday, two days after the theft.\n",
        ),
    ]);
    // "Remained closed on Tuesday" tells another event than the reopening.
    let reopened = "---\npublished: 2025-10-24\n---\nThe Marlow Gallery reopened to visitors on Tuesday after the theft.\n";
    let found = warnings(&engine, reopened);
    assert_eq!(flagged(&found, "date-conflict"), vec!["Tuesday"], "{found:#?}");
    assert!(found[0].message.contains("Oct. 22, 2025 (2 sources)"), "{found:#?}");
    // The event it does tell is supported.
    let closed = "---\npublished: 2025-10-24\n---\nThe Marlow Gallery remained closed to visitors on Tuesday.\n";
    assert!(warnings(&engine, closed).is_empty(), "{:#?}", warnings(&engine, closed));
}

#[test]
fn a_figure_beside_another_person_neither_tells_nor_allows_the_draft_s() {
    let engine = engine(&[(
        "game.md",
        "---\noutlet: Court Sports\npublished: 2025-06-20\n---\nDana Whitcombe led Harlow with 20 points in Thursday's win over Brisk.\n\nTheo Marchetti added 22 for Harlow, and the bench scored 31.\n\nDana Whitcombe said the team kept its head.\n\nMarchetti said the team had played its best game of the season.\n",
    )]);
    // Marchetti's 22 is no source for Whitcombe's.
    let wrong = "---\npublished: 2025-06-21\n---\nDana Whitcombe led Harlow with 22 points in Thursday's win over Brisk.\n";
    let found = warnings(&engine, wrong);
    assert_eq!(flagged(&found, "count-conflict"), vec!["22"], "{found:#?}");
    assert!(found[0].message.contains("The sources give 20"), "{found:#?}");
    let right = "---\npublished: 2025-06-21\n---\nDana Whitcombe led Harlow with 20 points, and Theo Marchetti added 22.\n";
    assert!(warnings(&engine, right).is_empty(), "{:#?}", warnings(&engine, right));
}

#[test]
fn a_day_months_away_is_no_rival_to_the_day_a_draft_s_is_a_few_days_off() {
    let filed = engine(&[(
        "ledger.md",
        "---\noutlet: Harbour Ledger\npublished: 2025-03-05\n---\nThe claim, lodged on March 3 at the Orlen County court, concerns a Sept. 9 ferry grounding off Varn in which 14 passengers were hurt.\n",
    )]);
    // The sentence gives two days; the draft's is a day off one of them and months from the other.
    let wrong = "---\npublished: 2025-03-06\n---\nThe ferry grounding off Varn happened on Sept. 10.\n";
    let found = warnings(&filed, wrong);
    assert_eq!(flagged(&found, "date-conflict"), vec!["Sept. 10"], "{found:#?}");
    assert!(found[0].message.contains("Sept. 9, 2024"), "{found:#?}");
    let right = "---\npublished: 2025-03-06\n---\nThe claim was lodged on March 3 at the Orlen County court over the Sept. 9 grounding.\n";
    assert!(warnings(&filed, right).is_empty(), "{:#?}", warnings(&filed, right));
    // Two days a few days apart: which one the draft's stands for is unclear.
    let close = engine_of(&[(
        "ledger.md",
        "---\noutlet: Harbour Ledger\npublished: 2024-09-14\n---\nThe claim, lodged on Sept. 12 at the Orlen County court, concerns a Sept. 9 ferry grounding off Varn in which 14 passengers were hurt.\n",
    )]);
    let unclear = "---\npublished: 2024-09-15\n---\nThe ferry grounding off Varn happened on Sept. 11.\n";
    assert!(warnings(&close, unclear).is_empty(), "{:#?}", warnings(&close, unclear));
}

#[test]
fn a_date_told_in_an_aside_is_framed_by_the_aside_and_who_it_tells_of() {
    let engine = engine(&[(
        "gazette.md",
        "---\noutlet: Brennick Gazette\npublished: 2025-06-10\n---\nIlse Varga, who has led the dockers' union since March 2019, said the strike at the container terminal would go on.\n",
    )]);
    // The aside's own words frame its date, not the long main clause around it.
    let wrong = "---\npublished: 2025-06-11\n---\nIlse Varga, who has led the dockers' union since March 2017, told members in a long and angry speech outside the terminal gates on Friday that the stoppage would last another week.\n";
    let found = warnings(&engine, wrong);
    assert_eq!(flagged(&found, "date-conflict"), vec!["March 2017"], "{found:#?}");
    assert!(found[0].evidence.iter().any(|c| c.quote.contains("since March 2019")), "{found:#?}");
    // The same aside told of someone else is another fact.
    let other = "---\npublished: 2025-06-11\n---\nTomas Brell, who has led the dockers' union since March 2017, told members in a long and angry speech outside the terminal gates on Friday that the stoppage would last another week.\n";
    assert!(warnings(&engine, other).is_empty(), "{:#?}", warnings(&engine, other));
}

#[test]
fn a_figure_told_of_something_else_does_not_attest_the_draft_s() {
    let engine = engine(&[
        (
            "wire.md",
            "---\noutlet: Norwire\npublished: 2025-05-14\n---\nEach count of smuggling carries a maximum sentence of 10 years, the prosecutor said.\n",
        ),
        (
            "courier.md",
            "---\noutlet: Brennick Courier\npublished: 2025-05-15\n---\nThe smuggling trial was heard in courtroom 15 of the Brennick crown court.\n",
        ),
    ]);
    // The corpus writes 15 (with no unit), but of a courtroom, not of the sentence.
    let wrong = "---\npublished: 2025-05-16\n---\nEach count of smuggling carries a maximum sentence of 15 years.\n";
    let found = warnings(&engine, wrong);
    assert_eq!(flagged(&found, "count-conflict"), vec!["15"], "{found:#?}");
    assert!(found[0].message.contains("10"), "{found:#?}");
}

#[test]
fn a_place_before_a_person_named_is_no_list_of_places() {
    let engine = engine(&[(
        "herald.md",
        "---\noutlet: Tarrow Herald\npublished: 2025-09-08\n---\nSpeaking to supporters in Velmark, Ostrander said it was a bitter night for the Farmers' Party.\n\nThe Farmers' Party leader, Rosa Ostrander, had hoped for more.\n",
    )]);
    // "Velmark, Ostrander" is a place and the sentence's subject, not the head of a list
    // that may hold the draft's place too.
    let wrong = "---\npublished: 2025-09-09\n---\nFarmers' Party leader Rosa Ostrander conceded defeat late on Sunday.\n\nShe spoke to supporters in Kettleby and called it a bitter night.\n";
    let found = warnings(&engine, wrong);
    assert_eq!(flagged(&found, "place-conflict"), vec!["Kettleby"], "{found:#?}");
    assert!(found[0].message.contains("Velmark"), "{found:#?}");
}

#[test]
fn a_wrong_weekday_on_a_day_the_sources_date_otherwise_is_one_finding() {
    let engine = engine(&[(
        "wire.md",
        "---\noutlet: Norwire\npublished: 2025-10-16\n---\nA grand jury in Brennick returned a three-count indictment against the harbour official on Wednesday, Oct. 15.\n",
    )]);
    // Oct. 14 was a Tuesday, and the source dates the indictment Oct. 15: one error.
    let wrong = "---\npublished: 2025-10-17\n---\nA grand jury in Brennick returned a three-count indictment against the harbour official on Wednesday, Oct. 14.\n";
    let found = warnings(&engine, wrong);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].code, "weekday-mismatch", "{found:#?}");
    assert!(found[0].message.contains("Oct. 15"), "the sources' date is told: {found:#?}");
    assert!(found[0].evidence.iter().any(|c| c.quote.contains("Oct. 15")), "with its quote: {found:#?}");
}

#[test]
fn a_day_told_from_a_wrong_date_just_before_it_is_not_flagged_again() {
    let engine = engine(&[(
        "wire.md",
        "---\noutlet: Norwire\npublished: 2025-03-05\n---\nThe Kestrel fire broke out near Brennick on the morning of March 3.\n\nThe Dorne fire broke out near Varn on the evening of March 3.\n",
    )]);
    // "That evening" is March 4 only because the draft's March 4 is wrong: one error.
    let wrong = "---\npublished: 2025-03-06\n---\nThe Kestrel fire broke out near Brennick on the morning of March 4, and the Dorne fire broke out near Varn that evening.\n";
    let found = warnings(&engine, wrong);
    assert_eq!(flagged(&found, "date-conflict"), vec!["March 4"], "{found:#?}");
}

#[test]
fn the_same_day_after_a_sentence_of_two_days_is_not_read_as_either() {
    let engine = engine(&[(
        "wire.md",
        "---\noutlet: Norwire\npublished: 2025-03-06\n---\n\"We are watching the fever outbreak every day,\" Health Secretary Ilse Varga said in a cabinet meeting Wednesday in Brennick.\n",
    )]);
    // "The same day" may be Wednesday's or Tuesday's: no conflict either way.
    let draft = "---\npublished: 2025-03-08\n---\nThe first death was announced on Wednesday: a child who had not been vaccinated died on Tuesday night.\n\nNo one had died of the fever in Brennick since 2015.\n\nAt a cabinet meeting the same day, Health Secretary Ilse Varga said two people had died.\n";
    let found = warnings(&engine, draft);
    assert!(!flagged(&found, "date-conflict").contains(&"the same day"), "{found:#?}");
}

#[test]
fn an_approximation_does_not_vouch_for_a_miscopied_exact_figure() {
    let engine = engine(&[
        (
            "early.md",
            "---\noutlet: Norwire\npublished: 2025-08-03\n---\nThe Corran Fire has destroyed about 4,500 homes, the state fire agency said.\n",
        ),
        (
            "late.md",
            "---\noutlet: Brennick Courier\npublished: 2025-08-20\n---\nThe Corran Fire destroyed 4,826 homes and damaged another 912, the state fire agency said.\n",
        ),
    ]);
    // "About 4,500" allows 4,286, but the source that counts the homes exactly gives 4,826.
    let wrong =
        "---\npublished: 2025-08-22\n---\nThe Corran Fire destroyed 4,286 homes and damaged another 912, the state fire agency said.\n";
    let found = warnings(&engine, wrong);
    assert_eq!(flagged(&found, "count-conflict"), vec!["4,286"], "{found:#?}");
    assert!(found[0].message.contains("4,826"), "{found:#?}");
    // The exact figure itself stays supported.
    let right =
        "---\npublished: 2025-08-22\n---\nThe Corran Fire destroyed 4,826 homes and damaged another 912, the state fire agency said.\n";
    assert!(warnings(&engine, right).is_empty(), "{:#?}", warnings(&engine, right));
}

#[test]
fn a_plan_told_in_reported_speech_is_a_plan() {
    let engine = engine(&[(
        "wire.md",
        "---\noutlet: Norwire\npublished: 2025-03-10\n---\nSenator Edda Varn of Kessland said Sunday she will not seek reelection in 2026, ending weeks of talk.\n",
    )]);
    // "Said that she would" is the reported form of "will": the same plan, another year.
    let wrong = "---\npublished: 2025-03-11\n---\nVarn, who said on Sunday that she would not seek reelection in 2028, had been under pressure for weeks.\n";
    let found = warnings(&engine, wrong);
    assert_eq!(flagged(&found, "date-conflict"), vec!["2028"], "{found:#?}");
    // The plan's own year, told the same way, is no conflict.
    let right = "---\npublished: 2025-03-11\n---\nVarn said on Sunday that she would not seek reelection in 2026.\n";
    assert!(warnings(&engine, right).is_empty(), "{:#?}", warnings(&engine, right));
}

#[test]
fn a_figure_outside_two_near_figures_of_the_sources_is_contradicted_by_both() {
    let engine = engine(&[
        (
            "wire.md",
            "---\noutlet: Norwire\npublished: 2025-02-18\n---\nAll 76 passengers and four crew members survived when the Kestrel Air jet overturned on landing at Dorne.\n",
        ),
        (
            "courier.md",
            "---\noutlet: Brennick Courier\npublished: 2025-02-18\n---\nThe Kestrel Air jet that overturned on landing at Dorne was carrying 80 passengers and crew.\n",
        ),
    ]);
    // 76 and 80 are one count told two ways; 72 is below both.
    let wrong = "---\npublished: 2025-02-19\n---\nThe Kestrel Air jet was carrying 72 passengers and four crew members when it overturned on landing at Dorne.\n";
    let found = warnings(&engine, wrong);
    assert_eq!(flagged(&found, "count-conflict"), vec!["72"], "{found:#?}");
    // A figure between the two is as good as either: the sources disagree, no conflict.
    let between = "---\npublished: 2025-02-19\n---\nThe Kestrel Air jet was carrying 78 passengers and four crew members when it overturned on landing at Dorne.\n";
    let found = warnings(&engine, between);
    assert!(flagged(&found, "count-conflict").is_empty(), "{found:#?}");
}

#[test]
fn a_day_carries_to_the_next_sentence_of_its_paragraph() {
    let together = engine(&[(
        "wire.md",
        "---\noutlet: Norwire\npublished: 2025-10-04\n---\nThe courtroom in Brennick filled before dawn on Friday. By midafternoon, Judge Ada Marr had pronounced the sentence on the harbour official.\n",
    )]);
    // The sentencing sentence gives no day: it is the Friday of the sentence before it.
    let wrong = "---\npublished: 2025-10-05\n---\nJudge Ada Marr pronounced the sentence on the harbour official on Thursday.\n";
    let found = warnings(&together, wrong);
    assert_eq!(flagged(&found, "date-conflict"), vec!["Thursday"], "{found:#?}");
    assert!(found[0].evidence.iter().any(|e| e.quote.contains("on Friday")), "{found:#?}");
    let right = "---\npublished: 2025-10-05\n---\nJudge Ada Marr pronounced the sentence on the harbour official on Friday.\n";
    assert!(warnings(&together, right).is_empty(), "{:#?}", warnings(&together, right));
    // A new paragraph carries no day over.
    let apart = engine(&[(
        "wire.md",
        "---\noutlet: Norwire\npublished: 2025-10-04\n---\nThe courtroom in Brennick filled before dawn on Friday.\n\nBy midafternoon, Judge Ada Marr had pronounced the sentence on the harbour official.\n",
    )]);
    assert!(flagged(&warnings(&apart, wrong), "date-conflict").is_empty());
}

#[test]
fn an_age_in_apposition_may_be_softened() {
    let engine = engine(&[(
        "wire.md",
        "---\noutlet: Norwire\npublished: 2025-06-01\n---\nKestrel substitute Tomas Ferrand, himself still only 19, became the youngest player to score in a Harwick Cup final.\n",
    )]);
    // "Himself still only 19" is his age, as "Ferrand, 19," would be.
    let wrong =
        "---\npublished: 2025-06-02\n---\nSubstitute Tomas Ferrand, 18, became the youngest player to score in a Harwick Cup final.\n";
    let found = warnings(&engine, wrong);
    assert_eq!(flagged(&found, "count-conflict"), vec!["18"], "{found:#?}");
    let right =
        "---\npublished: 2025-06-02\n---\nSubstitute Tomas Ferrand, 19, became the youngest player to score in a Harwick Cup final.\n";
    assert!(warnings(&engine, right).is_empty(), "{:#?}", warnings(&engine, right));
}

#[test]
fn an_age_in_an_apposition_that_closes_is_not_the_next_clauses_persons() {
    // "A tired Dane, 38, said: ... Marsk": the 38 is the Dane's, not Marsk's.
    let engine = engine(&[
        ("team.md", "---\noutlet: Norwire\npublished: 2025-09-29\n---\nCaptain Ivo Marsk led Kestrel to the cup at Harwick Park.\n"),
        (
            "hotel.md",
            "---\noutlet: Daily Harwick\npublished: 2025-09-29\n---\nSpeaking at the team hotel after the cup final, a tired Dane, 38, said: \"We would happily keep Marsk for two more years.\"\n",
        ),
    ]);
    let draft = "---\npublished: 2025-09-30\n---\nThe 52-year-old Marsk said the cup final had been the hardest day of his life.\n";
    assert!(flagged(&warnings(&engine, draft), "count-conflict").is_empty(), "{:#?}", warnings(&engine, draft));
    // An apposition of the name itself is the person's age.
    let named = engine_with_age();
    let found = warnings(&named, draft);
    assert_eq!(flagged(&found, "count-conflict"), vec!["52"], "{found:#?}");
}

fn engine_with_age() -> Engine {
    engine(&[
        ("team.md", "---\noutlet: Norwire\npublished: 2025-09-29\n---\nCaptain Ivo Marsk led Kestrel to the cup at Harwick Park.\n"),
        (
            "hotel.md",
            "---\noutlet: Daily Harwick\npublished: 2025-09-29\n---\nSpeaking at the team hotel after the cup final, Marsk, 38, said the cup final had been the hardest day of his life.\n",
        ),
    ])
}

#[test]
fn a_toll_the_sources_give_many_ways_is_a_count_that_moved() {
    // Four undated pages, four tolls: the count rose while they wrote.
    let pages: Vec<(String, String)> = [11, 12, 13, 14]
        .iter()
        .enumerate()
        .map(|(i, toll)| {
            (
                format!("p{i}.md"),
                format!(
                    "---\noutlet: Outlet {i}\n---\nThe crash at the Tarrow freight hub killed {toll} people, including the three pilots.\n"
                ),
            )
        })
        .collect();
    let articles: Vec<(&str, &str)> = pages.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    let engine = engine(&articles);
    // One step past the last is that count later: the sources disagree, none contradicts.
    let later = "---\npublished: 2026-01-16\n---\nThe crash at the Tarrow freight hub has killed 15 people, including the three pilots.\n";
    assert!(flagged(&warnings(&engine, later), "count-conflict").is_empty(), "{:#?}", warnings(&engine, later));
    // Far past them is no such step.
    let far = "---\npublished: 2026-01-16\n---\nThe crash at the Tarrow freight hub has killed 21 people, including the three pilots.\n";
    assert_eq!(flagged(&warnings(&engine, far), "count-conflict"), vec!["21"], "{:#?}", warnings(&engine, far));
}

#[test]
fn an_events_date_is_its_own_clauses_and_its_people_do_not_outlive_the_paragraphs_that_name_them() {
    let engine = engine(&[(
        "wire.md",
        "---\noutlet: Norwire\npublished: 2025-10-20\n---\nPremier Ada Voss and Governor Ivo Marr met in Tarrow on Oct. 15 to open the talks.\n\nVoss and Marr signed the compact on Monday night.\n",
    )]);
    // "Today" dates the swearing-in the clause after the signing tells, not the signing.
    let later_clause = "---\npublished: 2025-10-21\n---\nPremier Ada Voss signed the compact with Governor Ivo Marr on Monday night, all but assuring that she will be elected premier today.\n";
    assert!(flagged(&warnings(&engine, later_clause), "date-conflict").is_empty(), "{:#?}", warnings(&engine, later_clause));
    // Paragraphs of no one in between, "the deal" is no longer their meeting.
    let moved_on = "---\npublished: 2025-10-21\n---\nPremier Ada Voss and Governor Ivo Marr met in Tarrow on Oct. 15.\n\nThe harbour stayed shut for a week.\n\nInvestors welcomed the deal on Monday, lifting shares by 3 percent.\n";
    assert!(flagged(&warnings(&engine, moved_on), "date-conflict").is_empty(), "{:#?}", warnings(&engine, moved_on));
    // The signing's own day, wrong, is still a conflict.
    let wrong = "---\npublished: 2025-10-21\n---\nPremier Ada Voss signed the compact with Governor Ivo Marr on Sunday night.\n";
    assert_eq!(flagged(&warnings(&engine, wrong), "date-conflict"), vec!["Sunday"], "{:#?}", warnings(&engine, wrong));
}

#[test]
fn an_undated_page_that_looks_back_to_last_year_still_contradicts() {
    // The dated pages were published in March; the undated one says the crew set out
    // "on June 5", which is the June before (not one to come, which would make the page
    // later than the draft and unable to contradict it).
    let engine = engine(&[
        (
            "wire.md",
            "---\noutlet: Norwire\npublished: 2031-03-18\n---\nThe icebreaker Halvard docked at Tremsund on Tuesday after its long polar voyage.\n",
        ),
        (
            "review.md",
            "---\noutlet: Polar Review\n---\nAfter sailing from Tremsund on June 5, the crew were supposed to be gone for a month. By the time the Halvard docked, it had logged 6,284 nautical miles across the ice.\n",
        ),
    ]);
    let wrong = "---\npublished: 2031-03-19\n---\nBy the time the Halvard docked, it had logged 6,824 nautical miles across the ice.\n";
    let found = warnings(&engine, wrong);
    assert_eq!(flagged(&found, "count-conflict"), vec!["6,824"], "{found:#?}");
    let right = "---\npublished: 2031-03-19\n---\nBy the time the Halvard docked, it had logged 6,284 nautical miles across the ice.\n";
    assert!(warnings(&engine, right).is_empty(), "{:#?}", warnings(&engine, right));
}

#[test]
fn days_months_from_the_draft_s_tell_other_events() {
    // Three sources, each under a few of the draft's words, date the return Tuesday; one also
    // dates the departure, months before. The departure is no dissent from the return's day.
    let wire = "---\noutlet: Norwire\npublished: 2031-03-19\n---\nFamilies cheered as the Halvard crew docked at Tremsund on Tuesday after nine months away.\n";
    let post = "---\noutlet: Tremsund Post\npublished: 2031-03-19\n---\nThe icebreaker crew returned to port at Tremsund on Tuesday, the shipping line said.\n";
    let review = "---\noutlet: Polar Review\npublished: 2031-03-19\n---\nThe research voyage of the icebreaker Halvard ended on Tuesday when the ship reached Tremsund.\n\nThe Halvard crew set out from Tremsund on June 5, 2030, on what was meant to be a month-long polar voyage.\n";
    let engine = engine(&[("wire.md", wire), ("post.md", post), ("review.md", review)]);
    let wrong = "---\npublished: 2031-03-19\n---\nThe crew of the icebreaker Halvard, meant to be away for a month, came home to Tremsund on Monday.\n";
    let found = warnings(&engine, wrong);
    assert_eq!(flagged(&found, "date-conflict"), vec!["Monday"], "{found:#?}");
}

#[test]
fn two_other_days_far_from_the_draft_s_are_two_other_events() {
    // Two sources date the relief crew's arrival, one the return: neither is the departure
    // the draft dates, months from both.
    let wire = "---\noutlet: Norwire\npublished: 2031-03-19\n---\nThe Halvard crew sailed from Tremsund to the polar station, where the relief crew had been since September 29, 2030.\n";
    let post = "---\noutlet: Tremsund Post\npublished: 2031-03-19\n---\nThe relief crew have been at the polar station since September 29, 2030, while the Halvard crew sailed from Tremsund.\n";
    let review = "---\noutlet: Polar Review\npublished: 2031-03-19\n---\nThe Halvard crew came home to Tremsund on March 18, 2031, months after sailing for the polar station.\n";
    let engine = engine(&[("wire.md", wire), ("post.md", post), ("review.md", review)]);
    let departure = "---\npublished: 2031-03-19\n---\nThe Halvard crew reached the polar station on June 6, 2030, after sailing from Tremsund the day before.\n";
    let found = warnings(&engine, departure);
    assert!(flagged(&found, "date-conflict").is_empty(), "{found:#?}");
    // A day ten days from the one two sources give is that day miscopied.
    let miscopied = "---\npublished: 2031-03-19\n---\nThe relief crew have been at the polar station since September 19, 2030, while the Halvard crew sailed from Tremsund.\n";
    let found = warnings(&engine, miscopied);
    assert_eq!(flagged(&found, "date-conflict"), vec!["September 19, 2030"], "{found:#?}");
}

#[test]
fn two_sources_under_some_of_the_draft_s_words_agree_on_another_day() {
    // Neither source tells the vote closely enough to contradict the draft alone; the two
    // together, on one other day and no source on another, do.
    let wire = "---\noutlet: Norwire\npublished: 2031-05-15\n---\nAfter a long night of debate, the harbour budget of the council passed on Wednesday in Velmark, with dredging to follow.\n\nThe mayor praised the port workers.\n";
    let post = "---\noutlet: Harbour Post\npublished: 2031-05-15\n---\nOn Wednesday, councillors in Velmark backed the harbour budget, clearing the way for dredging to begin.\n\nFishing crews protested outside the hall.\n";
    let daily = "---\noutlet: Coast Daily\npublished: 2031-05-15\n---\nA storm closed the coast road on Monday.\n\nFerry operators walked out over pay, leaving hours of queues at the terminal.\n\nThe council said only a few routes would run.\n";
    let engine = engine(&[("wire.md", wire), ("post.md", post), ("daily.md", daily)]);
    let wrong = "---\npublished: 2031-05-16\n---\nThe Velmark council approved its harbour budget on Tuesday, only hours after the ferry operators walked out.\n";
    let found = warnings(&engine, wrong);
    assert_eq!(flagged(&found, "date-conflict"), vec!["Tuesday"], "{found:#?}");
    let right = "---\npublished: 2031-05-16\n---\nThe Velmark council approved its harbour budget on Wednesday, only hours after the ferry operators walked out.\n";
    assert!(warnings(&engine, right).is_empty(), "{:#?}", warnings(&engine, right));
}

#[test]
fn a_tally_copied_with_one_figure_changed_is_a_conflict() {
    // The draft shares the distinctive 412 with the source; the figure beside it on the
    // same side is the source's 238, whatever noun each counts it with.
    let wire = "---\noutlet: Norwire\npublished: 2031-04-09\n---\nThe Velmark assembly on Tuesday approved the harbour package, with 412 votes in favour and 238 votes against.\n\nThe vote cleared the way for dredging.\n";
    let daily = "---\noutlet: Coast Daily\npublished: 2031-04-09\n---\nFerry operators walked out over pay on Monday.\n\nThe mayor said the port would stay open.\n";
    let engine = engine(&[("wire.md", wire), ("daily.md", daily)]);
    let wrong = "---\npublished: 2031-04-10\n---\nThe package won 412 votes, with 283 lawmakers voting against it and no abstentions.\n";
    let found = warnings(&engine, wrong);
    assert_eq!(flagged(&found, "count-conflict"), vec!["283"], "{found:#?}");
    assert!(found[0].evidence.iter().any(|e| e.quote.contains("238 votes against")), "{found:#?}");
    let right = "---\npublished: 2031-04-10\n---\nThe package won 412 votes, with 238 lawmakers voting against it and no abstentions.\n";
    assert!(warnings(&engine, right).is_empty(), "{:#?}", warnings(&engine, right));
    // A figure twice the source's or more is another count, not the tally miscopied.
    let other = "---\npublished: 2031-04-10\n---\nThe package won 412 votes, with 9 lawmakers voting against it and no abstentions.\n";
    assert!(flagged(&warnings(&engine, other), "count-conflict").is_empty(), "{:#?}", warnings(&engine, other));
}

#[test]
fn a_name_with_a_middle_initial_and_a_suffix_is_learned_and_checked() {
    let wire = "---\noutlet: Norwire\npublished: 2031-04-09\n---\nHealth Secretary Marcus T. Halloway Jr. visited the Fennick clinic on Tuesday.\n\nHalloway praised the nurses.\n";
    let daily = "---\noutlet: Coast Daily\npublished: 2031-04-09\n---\nMarcus T. Halloway Jr. said the vaccine was safe.\n";
    let engine = engine(&[("wire.md", wire), ("daily.md", daily)]);
    let wrong = "---\npublished: 2031-04-10\n---\nHealth Secretary Marcus K. Halloway Jr. visited the clinic.\n";
    let found = warnings(&engine, wrong);
    assert_eq!(flagged(&found, "name-misspelled"), vec!["Marcus K. Halloway Jr."], "{found:#?}");
    // The fix is the sources' spelling; the message ends with one full stop.
    assert_eq!(found[0].fixes, vec!["Marcus T. Halloway Jr.".to_string()], "{found:#?}");
    assert!(found[0].message.ends_with("Halloway Jr.") && !found[0].message.ends_with(".."), "{}", found[0].message);
    for right in ["Marcus T. Halloway Jr.", "Marcus Halloway", "Halloway"] {
        let draft = format!("---\npublished: 2031-04-10\n---\nHealth Secretary {right} visited the clinic.\n");
        assert!(warnings(&engine, &draft).is_empty(), "{right}: {:#?}", warnings(&engine, &draft));
    }
}

#[test]
fn a_misspelled_person_listed_after_a_place_is_still_a_person() {
    let wire =
        "---\noutlet: Norwire\npublished: 2031-04-09\n---\nSen. Thom Ostrander of Vermont said he would vote against the harbour bill.\n";
    let daily = "---\noutlet: Coast Daily\npublished: 2031-04-09\n---\nRepublican Sen. Thom Ostrander opposed the bill on Tuesday.\n";
    let engine = engine(&[("wire.md", wire), ("daily.md", daily)]);
    // "of Kentucky and Tom Ostrander": listed after a place, yet the sources' senator with
    // his given name a keystroke off.
    let wrong =
        "---\npublished: 2031-04-10\n---\nSens. Ada Brannock of Kentucky and Tom Ostrander of Vermont will vote against the bill.\n";
    let found = warnings(&engine, wrong);
    assert_eq!(flagged(&found, "name-misspelled"), vec!["Tom Ostrander"], "{found:#?}");
    let right =
        "---\npublished: 2031-04-10\n---\nSens. Ada Brannock of Kentucky and Thom Ostrander of Vermont will vote against the bill.\n";
    assert!(flagged(&warnings(&engine, right), "name-misspelled").is_empty(), "{:#?}", warnings(&engine, right));
}

#[test]
fn the_day_a_report_was_made_is_checked_against_the_sources_day_for_it() {
    // The club's word on its coach is dated by a report ("the club said on Tuesday"), set
    // off by commas: that day is the announcement's, checked against the day the sources
    // give the same announcement.
    let wire = "---\noutlet: Norwire\npublished: 2031-06-04\n---\nTeodor Varga has left his post as head coach of Harlow Rovers, the club said on Tuesday, days after a 4-1 defeat in the cup final.\n\nThe Rovers finished third in the league.\n";
    let daily = "---\noutlet: Coast Daily\npublished: 2031-06-04\n---\nFerry operators walked out over pay on Monday.\n\nThe mayor said the port would stay open.\n";
    let engine = engine(&[("wire.md", wire), ("daily.md", daily)]);
    let wrong = "---\npublished: 2031-06-05\n---\nTeodor Varga has left Harlow Rovers, the club announced on Monday, days after the 4-1 cup final defeat.\n";
    let found = warnings(&engine, wrong);
    assert_eq!(flagged(&found, "date-conflict"), vec!["Monday"], "{found:#?}");
    assert!(found[0].evidence.iter().any(|e| e.quote.contains("said on Tuesday")), "{found:#?}");
    let right = "---\npublished: 2031-06-05\n---\nTeodor Varga has left Harlow Rovers, the club announced on Tuesday, days after the 4-1 cup final defeat.\n";
    assert!(warnings(&engine, right).is_empty(), "{:#?}", warnings(&engine, right));
    // A report dated after every source was written may be the same word said again.
    let again = "---\npublished: 2031-06-05\n---\nTeodor Varga has left Harlow Rovers, the club said on Thursday, days after the 4-1 cup final defeat.\n";
    assert!(warnings(&engine, again).is_empty(), "{:#?}", warnings(&engine, again));
}

#[test]
fn a_report_of_another_toll_is_another_report() {
    // The ministry gave one toll on Monday and the draft reports another on Tuesday: two
    // reports, each on its own day, not one misdated.
    let wire = "---\noutlet: Norwire\npublished: 2031-06-04\n---\nThe interior ministry said on Monday that 212 people had died in the floods across Velmark province.\n\nRescue crews reached the last cut-off villages.\n";
    let daily = "---\noutlet: Coast Daily\npublished: 2031-06-04\n---\nFerry operators walked out over pay on Monday.\n\nThe mayor said the port would stay open.\n";
    let engine = engine(&[("wire.md", wire), ("daily.md", daily)]);
    let later = "---\npublished: 2031-06-04\n---\nThe interior ministry said on Tuesday that 245 people had died in the floods across Velmark province.\n";
    let found = warnings(&engine, later);
    assert!(flagged(&found, "date-conflict").is_empty(), "{found:#?}");
    // The same toll, told on another day than the one the source dates it.
    let misdated = "---\npublished: 2031-06-04\n---\nThe interior ministry said on Tuesday that 212 people had died in the floods across Velmark province.\n";
    let found = warnings(&engine, misdated);
    assert_eq!(flagged(&found, "date-conflict"), vec!["Tuesday"], "{found:#?}");
}

#[test]
fn an_undated_draft_is_not_contradicted_by_what_was_published_after_its_last_day() {
    // An undated draft was written by the latest day it tells of at the earliest: a
    // source published after that day may tell what the draft could not know yet.
    let wire = "---\noutlet: Norwire\npublished: 2031-03-09\n---\nHarbour pilots have counted 95 ships waiting outside the Velmark harbour as the strike drags on.\n\nThe mayor said the port would stay open.\n";
    let daily = "---\noutlet: Coast Daily\npublished: 2031-03-09\n---\nFerry operators walked out over pay on Monday.\n\nFishing crews protested outside the hall.\n";
    let engine = engine(&[("wire.md", wire), ("daily.md", daily)]);
    let early = "The dockers' strike began on March 2, 2031. Harbour pilots have counted 40 ships waiting outside the Velmark harbour.\n";
    let found = warnings(&engine, early);
    assert!(flagged(&found, "count-conflict").is_empty(), "{found:#?}");
    // Written by the day the source was published, the draft is contradicted by it.
    let late = "By March 9, 2031, the strike had shut the port for a week. Harbour pilots have counted 40 ships waiting outside the Velmark harbour.\n";
    let found = warnings(&engine, late);
    assert_eq!(flagged(&found, "count-conflict"), vec!["40"], "{found:#?}");
}

#[test]
fn a_place_written_before_the_noun_it_locates_is_checked() {
    // "A Harlow resident" says where she lives as "who lives in Harlow" does.
    let wire = "---\noutlet: Norwire\npublished: 2031-04-02\n---\nPlaintiff Ada Brannock, a Harlow resident and ferry engineer, sued the Velmark ferry operator for negligence on Monday.\n\nThe operator declined to comment.\n";
    let daily = "---\noutlet: Coast Daily\npublished: 2031-04-02\n---\nFerry operators walked out over pay on Monday.\n\nFishing crews protested outside the hall.\n";
    let engine = engine(&[("wire.md", wire), ("daily.md", daily)]);
    let wrong = "---\npublished: 2031-04-03\n---\nBrannock, who lives in Dunmore, sued the Velmark ferry operator for negligence, saying the ferry engineer was hurt.\n";
    let found = warnings(&engine, wrong);
    assert_eq!(flagged(&found, "place-conflict"), vec!["Dunmore"], "{found:#?}");
    let right = "---\npublished: 2031-04-03\n---\nBrannock, who lives in Harlow, sued the Velmark ferry operator for negligence, saying the ferry engineer was hurt.\n";
    assert!(warnings(&engine, right).is_empty(), "{:#?}", warnings(&engine, right));
}

#[test]
fn a_date_in_a_clause_opened_by_since_dates_that_clause() {
    // "Since the cup began 70 years ago" dates the cup's start, not the record the
    // sentence tells: no other final's year is contradicted by it.
    let wire = "---\noutlet: Norwire\npublished: 2031-05-31\n---\nThe Rovers' 5-0 victory is the biggest in a Harlow Cup final since the competition began 70 years ago.\n\nThe mayor praised the team.\n";
    let daily = "---\noutlet: Coast Daily\npublished: 2031-05-31\n---\nFerry operators walked out over pay on Monday.\n\nFishing crews protested outside the hall.\n";
    let engine = engine(&[("wire.md", wire), ("daily.md", daily)]);
    let record =
        "---\npublished: 2031-06-01\n---\nThe 5-0 victory surpasses the 4-0 win by Dunmore in 1968 as the biggest in a Harlow Cup final.\n";
    let found = warnings(&engine, record);
    assert!(flagged(&found, "date-conflict").is_empty(), "{found:#?}");
    // The clause's own start, misdated, is still checked.
    let began = "---\npublished: 2031-06-01\n---\nThe Rovers' 5-0 victory is the biggest in a Harlow Cup final since the competition began in 1958.\n";
    let found = warnings(&engine, began);
    assert_eq!(flagged(&found, "date-conflict"), vec!["1958"], "{found:#?}");
}

#[test]
fn a_figure_told_by_a_sentence_of_another_person_does_not_undo_a_confident_conflict() {
    // Whitcombe's points are told under the draft's own words; the draft's figure is
    // Marchetti's, in a sentence that only shares the game with it.
    let wire = "---\noutlet: Norwire\npublished: 2031-06-12\n---\nLena Whitcombe scored 27 points off the bench as the Harlow Comets beat the Dunmore Owls in Game 3.\n\nAda Marchetti had 29 points and 12 rebounds for the Owls in the game.\n";
    let daily = "---\noutlet: Coast Daily\npublished: 2031-06-12\n---\nThe Comets lead the final series 2-1.\n\nFishing crews protested outside the hall.\n";
    let engine = engine(&[("wire.md", wire), ("daily.md", daily)]);
    let wrong = "---\npublished: 2031-06-13\n---\nLena Whitcombe scored 29 points off the bench as the Harlow Comets beat the Dunmore Owls in Game 3.\n";
    let found = warnings(&engine, wrong);
    assert_eq!(flagged(&found, "count-conflict"), vec!["29"], "{found:#?}");
    let right = "---\npublished: 2031-06-13\n---\nLena Whitcombe scored 27 points off the bench as the Harlow Comets beat the Dunmore Owls in Game 3.\n";
    assert!(warnings(&engine, right).is_empty(), "{:#?}", warnings(&engine, right));
}

#[test]
fn a_figure_told_as_it_now_stands_is_a_note_against_an_earlier_one() {
    // "The now 612-page bill": the draft gives the figure after a change, and the source,
    // written before, may give the one before it.
    let wire = "---\noutlet: Norwire\npublished: 2031-06-28\n---\nSenators began debating the 690-page budget bill on Saturday as the minority forced a full reading.\n\nThe mayor praised the vote.\n";
    let daily = "---\noutlet: Coast Daily\npublished: 2031-06-28\n---\nFerry operators walked out over pay on Monday.\n\nFishing crews protested outside the hall.\n";
    let engine = engine(&[("wire.md", wire), ("daily.md", daily)]);
    let now = "---\npublished: 2031-07-01\n---\nSenators passed the now 612-page budget bill after the minority forced a full reading.\n";
    let found = warnings(&engine, now);
    assert!(flagged(&found, "count-conflict").is_empty(), "{found:#?}");
    let all = engine.check(std::path::Path::new("draft.md"), now).findings;
    assert!(all.iter().any(|f| f.code == "count-provisional" && f.text.contains("612")), "{all:#?}");
    // Told as the figure with no change, it is contradicted.
    let plain = "---\npublished: 2031-07-01\n---\nSenators passed the 612-page budget bill after the minority forced a full reading.\n";
    let found = warnings(&engine, plain);
    assert_eq!(flagged(&found, "count-conflict").len(), 1, "{found:#?}");
}

#[test]
fn a_bare_figure_a_named_person_is_is_an_age() {
    // "Brandt is 47": her age, not a count a number of ministries could contradict.
    let wire = "---\noutlet: Norwire\npublished: 2031-05-06\n---\nThe Harbour Party will take seven, with its leader Ada Brandt expected to become finance minister.\n\nThe mayor praised the deal.\n";
    let daily = "---\noutlet: Coast Daily\npublished: 2031-05-06\n---\nFerry operators walked out over pay on Monday.\n\nFishing crews protested outside the hall.\n";
    let engine = engine(&[("wire.md", wire), ("daily.md", daily)]);
    let age = "---\npublished: 2031-05-07\n---\nThe Harbour Party leader and new finance minister, Ada Brandt, is 47.\n";
    let found = warnings(&engine, age);
    assert!(flagged(&found, "count-conflict").is_empty(), "{found:#?}");
}

#[test]
fn a_place_told_of_another_event_elsewhere_does_not_undo_a_confident_conflict() {
    // The party met in Harlow; Dunmore is named in the corpus too, of another meeting.
    let wire = "---\noutlet: Norwire\npublished: 2031-06-05\n---\nThe Harbour Party's 11 senators and its lone MP gathered in Harlow to vote on Thursday.\n\nThe party leader told supporters in Dunmore that she would stay on.\n";
    let daily = "---\noutlet: Coast Daily\npublished: 2031-06-05\n---\nFerry operators walked out over pay on Monday.\n\nFishing crews protested outside the hall.\n";
    let engine = engine(&[("wire.md", wire), ("daily.md", daily)]);
    let wrong = "---\npublished: 2031-06-06\n---\nThe Harbour Party's 11 senators and its lone MP met in Dunmore to vote on Thursday.\n";
    let found = warnings(&engine, wrong);
    assert_eq!(flagged(&found, "place-conflict"), vec!["Dunmore"], "{found:#?}");
    let right = "---\npublished: 2031-06-06\n---\nThe Harbour Party's 11 senators and its lone MP met in Harlow to vote on Thursday.\n";
    assert!(warnings(&engine, right).is_empty(), "{:#?}", warnings(&engine, right));
}

#[test]
fn a_state_and_a_county_in_it_are_no_conflict() {
    // "In New Mexico" and "in Lea County" are two scales of one place: no conflict, though
    // the corpus names New Mexico elsewhere.
    let wire = "---\noutlet: Norwire\npublished: 2031-03-07\n---\nAn unvaccinated adult who died in Lea County tested positive for measles, health officials said on Thursday.\n\nThe outbreak in New Mexico has grown to nine cases, health officials said.\n";
    let daily = "---\noutlet: Coast Daily\npublished: 2031-03-07\n---\nFerry operators walked out over pay on Monday.\n\nFishing crews protested outside the hall.\n";
    let engine = engine(&[("wire.md", wire), ("daily.md", daily)]);
    let draft = "---\npublished: 2031-03-08\n---\nAn unvaccinated adult who died in New Mexico tested positive for measles, health officials said on Thursday.\n";
    let found = warnings(&engine, draft);
    assert!(flagged(&found, "place-conflict").is_empty(), "{found:#?}");
}

#[test]
fn a_participle_between_commas_places_the_name_before_it() {
    // "Veltrona, based in Carrow Falls," places Veltrona, not Norrik: the merger corpus
    // makes Norrik Hallestad-based, Veltrona headquartered in Carrow Falls.
    let engine = common::engine("merger");
    let draft = "---\npublished: 2025-07-10\n---\nNorrik employs about 6,800 people; Veltrona, based in Carrow Falls, about 18,000.\n";
    let found = warnings(&engine, draft);
    assert!(flagged(&found, "place-conflict").is_empty(), "{found:#?}");
    // Told of Norrik, the place is checked.
    let wrong = "---\npublished: 2025-07-10\n---\nVeltrona employs about 18,000 people; Norrik, based in Carrow Falls, about 6,800.\n";
    let found = warnings(&engine, wrong);
    assert_eq!(flagged(&found, "place-conflict"), vec!["Carrow Falls"], "{found:#?}");
}

#[test]
fn a_later_source_contradicts_the_written_out_day_of_a_past_event() {
    // Written a day later, the wire still dates the quake: a past day does not change.
    let wire = "---\noutlet: Norwire\npublished: 2031-03-30\n---\nThe earthquake that struck Velmark province on March 28 has killed at least 1,600 people, the ministry said.\n\nRescue crews reached the last cut-off villages.\n";
    let daily = "---\noutlet: Coast Daily\npublished: 2031-03-28\n---\nFerry operators walked out over pay on Monday.\n\nFishing crews protested outside the hall.\n";
    let engine = engine(&[("wire.md", wire), ("daily.md", daily)]);
    let wrong = "---\npublished: 2031-03-28\n---\nThe earthquake that struck Velmark province on March 27 has killed at least 140 people, the ministry said.\n";
    let found = warnings(&engine, wrong);
    assert_eq!(flagged(&found, "date-conflict"), vec!["March 27"], "{found:#?}");
    // The later toll is news the draft could not have; a weekday is read against the
    // draft's own day and left alone.
    assert!(flagged(&found, "count-conflict").is_empty(), "{found:#?}");
    let right = "---\npublished: 2031-03-28\n---\nThe earthquake that struck Velmark province on March 28 has killed at least 140 people, the ministry said.\n";
    assert!(warnings(&engine, right).is_empty(), "{:#?}", warnings(&engine, right));
}

#[test]
fn a_later_source_contradicts_where_a_past_event_happened() {
    // Where the flight left from does not change as a toll does.
    let wire = "---\noutlet: Norwire\npublished: 2031-02-02\n---\nAll three soldiers were on a training flight out of Fort Carrick when the helicopter went down.\n\nRescue crews reached the river.\n";
    let daily = "---\noutlet: Coast Daily\npublished: 2031-01-31\n---\nFerry operators walked out over pay on Monday.\n\nFishing crews protested outside the hall.\n";
    let engine = engine(&[("wire.md", wire), ("daily.md", daily)]);
    let wrong = "---\npublished: 2031-01-31\n---\nThe three soldiers had taken off on a training flight out of Fort Ellery before the helicopter went down.\n";
    let found = warnings(&engine, wrong);
    assert_eq!(flagged(&found, "place-conflict"), vec!["Fort Ellery"], "{found:#?}");
    let right = "---\npublished: 2031-01-31\n---\nThe three soldiers had taken off on a training flight out of Fort Carrick before the helicopter went down.\n";
    assert!(warnings(&engine, right).is_empty(), "{:#?}", warnings(&engine, right));
}

#[test]
fn a_day_told_beside_the_drafts_score_is_that_matchs_day_whatever_the_words() {
    // Many sentences on the series share the draft's words; the one that tells its game
    // shares its score and its game's number, and little else: it is found for them, and
    // its day contradicts the draft's though its words align weakly.
    let mut texts: Vec<(String, String)> = (1..=30)
        .map(|n| {
            (
                format!("notes-{n}.md"),
                format!(
                    "---\noutlet: Court Side\npublished: 2025-06-0{}\n---\nThe Harlow Comets went ahead in the series against the Dunmore Rovers after note {n} of the series.\n\nHarlow led the series again after a win, and Dunmore said the series was far from over.\n",
                    1 + n % 8
                ),
            )
        })
        .collect();
    texts.push((
        "crowd.md".into(),
        "---\noutlet: City Desk\npublished: 2025-06-05\n---\nA roaring crowd watched the parade as the coach regrouped the stung squad and moved on.\n".into(),
    ));
    texts.push((
        "recap.md".into(),
        "---\noutlet: Hoop Wire\npublished: 2025-06-12\n---\nMilo Brandt scored 27 points off the bench as the Comets beat the Rovers 116-107 in Game 3 on Wednesday night.\n".into(),
    ));
    let texts: Vec<(&str, &str)> = texts.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let engine = engine(&texts);
    let draft =
        "---\npublished: 2025-06-14\n---\nHarlow moved ahead on Tuesday night with a 116-107 win in Game 3 before a roaring crowd.\n";
    let found = warnings(&engine, draft);
    assert_eq!(flagged(&found, "date-conflict"), vec!["Tuesday"], "{found:#?}");
    let right =
        "---\npublished: 2025-06-14\n---\nHarlow moved ahead on Wednesday night with a 116-107 win in Game 3 before a roaring crowd.\n";
    assert!(flagged(&warnings(&engine, right), "date-conflict").is_empty(), "{:#?}", warnings(&engine, right));
}

#[test]
fn a_sentence_found_by_a_shared_figure_tells_when_not_the_other_figures() {
    // The sentence that gives the deal's price is found for it, though it shares few words
    // with the draft: it may date the deal, but its other figures ("second term") are no
    // evidence against the draft's ("first unveiling").
    let mut texts: Vec<(String, String)> = (1..=30)
        .map(|n| {
            (
                format!("notes-{n}.md"),
                format!(
                    "---\noutlet: Deal Desk\npublished: 2025-03-0{}\n---\nHalvard said the purchase of Nimbra would close next year, note {n} said.\n\nThe purchase of Nimbra by Halvard was the agreement of the year.\n",
                    1 + n % 8
                ),
            )
        })
        .collect();
    texts.push((
        "price.md".into(),
        "---\noutlet: Market Post\npublished: 2025-03-18\n---\nWeeks into Governor Pell's second term, Halvard agreed to pay $4.2 billion to acquire the startup.\n".into(),
    ));
    let texts: Vec<(&str, &str)> = texts.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let engine = engine(&texts);
    let draft = "---\npublished: 2026-03-20\n---\nHalvard closed its purchase of Nimbra on Wednesday, a year after first unveiling the $4.2 billion agreement.\n";
    let found = warnings(&engine, draft);
    assert!(flagged(&found, "count-conflict").is_empty(), "{found:#?}");
}

#[test]
fn a_day_told_in_a_clause_after_a_comma_dates_that_clause() {
    // The toll is the flood's; Saturday is the day the search went on.
    let engine = engine(&[(
        "toll.md",
        "---\noutlet: Norwire\npublished: 2025-07-05\n---\nThe death toll from flooding in Harlow rose to at least 43, including 15 children, as rescuers kept searching for 27 missing girls at a camp on Saturday.\n",
    )]);
    let draft = "---\npublished: 2025-07-06\n---\nA flash flood tore through Harlow on Friday, killing at least 43 people, including 15 children, and leaving dozens missing.\n";
    let found = warnings(&engine, draft);
    assert!(flagged(&found, "date-conflict").is_empty(), "{found:#?}");
}

const GOALIES: &[(&str, &str)] = &[
    (
        "wire.md",
        "---\noutlet: Norwire\npublished: 2025-06-18\n---\nThe Harlow Comets beat the Brennick Rovers 5-1 on Tuesday to win the Aldermoor Trophy.\n\nComets goaltender Tobin Varro stopped 28 of the 29 shots he faced.\n\nRovers goaltender Ilkka Sarn stopped 18 of 23 shots before he was pulled.\n\n\"We were beaten by a better team,\" Sarn said.\n",
    ),
    (
        "post.md",
        "---\noutlet: Harlow Post\npublished: 2025-06-18\n---\nOn Tuesday night, Tobin Varro stopped 28 of the 29 shots he faced as the Comets won the trophy.\n\n\"It is the best night of my life,\" Varro said.\n",
    ),
];

#[test]
fn a_figure_beside_another_person_neither_supports_nor_contradicts() {
    let engine = engine(GOALIES);
    // Sarn's own saves are told: 18, not 20. Varro's 28 is another person's figure, no
    // evidence on Sarn's, though told in the very words.
    let draft = "---\npublished: 2025-06-19\n---\nRovers netminder Ilkka Sarn stopped 20 of 23 shots in the defeat.\n";
    let found = warnings(&engine, draft);
    assert_eq!(flagged(&found, "count-conflict"), vec!["20"], "{found:#?}");
    let conflict = found.iter().find(|f| f.code == "count-conflict").unwrap();
    assert!(conflict.message.contains("18") && !conflict.message.contains("28"), "Sarn's own figure, not Varro's 28: {}", conflict.message);
}

const FINES: &[(&str, &str)] = &[(
    "wire.md",
    "---\noutlet: Norwire\npublished: 2025-04-02\n---\nJudge Amelia Thornvik jailed former councillor Declan Ruske for seven years on Tuesday.\n\nJudge Amelia Thornvik also fined him £250,000.\n",
)];

#[test]
fn a_figure_after_an_object_pronoun_is_that_persons_not_the_subjects() {
    let engine = engine(FINES);
    // "fined him £250,000" is Ruske's fine, though the judge stands nearest before it.
    let draft =
        "---\npublished: 2025-04-03\n---\nFormer councillor Declan Ruske was jailed for seven years.\n\nRuske was also fined £350,000.\n";
    let found = warnings(&engine, draft);
    assert_eq!(flagged(&found, "count-conflict"), vec!["350,000"], "{found:#?}");
}

const SERIES: &[(&str, &str)] = &[
    (
        "game5.md",
        "---\noutlet: Norwire\npublished: 2025-06-17\n---\nThe Harlow Comets beat the Brennick Rovers 120-109 in Game 5 on Monday.\n\nComets forward Petra Lindqvist finished with 16 points and 13 rebounds.\n",
    ),
    (
        "game6.md",
        "---\noutlet: Harlow Post\npublished: 2025-06-20\n---\nThe Brennick Rovers beat the Harlow Comets 108-91 in Game 6 on Thursday to force a Game 7.\n\nOn a cold shooting night, Petra Lindqvist grabbed eight rebounds but missed 11 of her 14 shots.\n",
    ),
];

#[test]
fn a_persons_figure_the_sources_give_for_each_occasion_is_no_conflict() {
    let series = engine(SERIES);
    // Game 7, which no source tells yet: Lindqvist's rebounds there are neither Game 5's 13,
    // told in the draft's very words, nor Game 6's eight; the sources give hers game by game.
    let draft = "---\npublished: 2025-06-23\n---\nPetra Lindqvist finished with 16 points and four rebounds in the decider.\n";
    let found = warnings(&series, draft);
    assert!(flagged(&found, "count-conflict").is_empty(), "{found:#?}");
    // Given once (Game 5's page alone), her figure is checked as any other.
    let engine = engine(&SERIES[..1]);
    let found = warnings(&engine, draft);
    assert_eq!(flagged(&found, "count-conflict"), vec!["four"], "{found:#?}");
}

#[test]
fn one_shared_word_beside_a_figure_is_no_evidence_on_it() {
    let engine = engine(&[
        (
            "wire.md",
            "---\noutlet: Norwire\npublished: 2025-02-01\n---\nThe air ambulance took off from Runway 24 at 6:06 p.m. and climbed to an altitude of 1,600 feet.\n\nIt crashed into a shopping street about 30 seconds later, killing six people on board.\n",
        ),
        (
            "post.md",
            "---\noutlet: Harlow Post\npublished: 2025-02-02\n---\nInvestigators said the jet had climbed to 1,600 feet before it turned left and dived.\n",
        ),
    ]);
    // Another altitude of the same flight: "altitude" alone is shared.
    let draft = "---\npublished: 2025-03-06\n---\nThe last recorded altitude was 1,275 feet.\n";
    let found = warnings(&engine, draft);
    assert!(flagged(&found, "count-conflict").is_empty(), "{found:#?}");
    // The climb told in its own words is still checked.
    let draft = "---\npublished: 2025-03-06\n---\nThe jet climbed to 1,900 feet before it turned left.\n";
    let found = warnings(&engine, draft);
    assert_eq!(flagged(&found, "count-conflict"), vec!["1,900"], "{found:#?}");
}

#[test]
fn a_line_score_is_one_result_not_two_figures() {
    // "Comets 5, Rovers 1", the way sports pages head a result, is the score 5-1: its
    // sides' figures are not counts that any figure beside the teams' names could contradict.
    let engine = engine(&[
        (
            "recap.md",
            "---\noutlet: Rink Wire\npublished: 2025-06-18\n---\nThe Harlow Comets routed the Dunmore Rovers 5-1 in Game 6 on Tuesday to win the cup.\n\nThe Rovers had home ice in the final, but that mattered little to the Comets, who won seven of their last eight games on the road.\n",
        ),
        (
            "column.md",
            "---\noutlet: Cup Notes\npublished: 2025-06-18\n---\nThe Comets beat the Rovers 5-1 on Tuesday, a rout that ended the final in six games.\n",
        ),
    ]);
    let right = "---\npublished: 2025-06-18\n---\nGAME RECAP: Comets 5, Rovers 1 (Game 6)\n";
    assert!(warnings(&engine, right).is_empty(), "{:#?}", warnings(&engine, right));
    let wrong = "---\npublished: 2025-06-18\n---\nGAME RECAP: Comets 5, Rovers 2 (Game 6)\n";
    let found = warnings(&engine, wrong);
    assert_eq!(flagged(&found, "count-conflict"), vec!["5, Rovers 2"], "{found:#?}");
}

#[test]
fn a_place_told_of_another_game_of_the_series_does_not_hold_the_drafts() {
    // The sources put Game 2 in Carrow: the draft's Harlow is contradicted, though a
    // sentence on Game 3 puts that game in Harlow, and though the only word the draft
    // shares with Game 2's sentence is "game", which every sentence of a series uses. Its
    // number and its day tie the two sentences to one occasion.
    let mut texts: Vec<(String, String)> = (1..=12)
        .map(|n| {
            (
                format!("notes-{n}.md"),
                format!(
                    "---\noutlet: Court Side\npublished: 2025-06-0{}\n---\nThe game was tight, and note {n} said the next game would be tighter.\n",
                    1 + n % 5
                ),
            )
        })
        .collect();
    texts.push((
        "opener.md".into(),
        "---\noutlet: Hoop Wire\npublished: 2025-06-06\n---\nThe Comets stunned the Rovers 111-110 in Game 1 on Thursday night.\n\nThe best-of-seven series resumes with Game 2 in Carrow on Sunday.\n".into(),
    ));
    texts.push((
        "preview.md".into(),
        "---\noutlet: Rim Report\npublished: 2025-06-09\n---\nThe teams travel for Game 3 in Harlow on Wednesday.\n".into(),
    ));
    let texts: Vec<(&str, &str)> = texts.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let engine = engine(&texts);
    let wrong = "---\npublished: 2025-06-06\n---\nGame 2 is scheduled for Sunday in Harlow.\n";
    let found = warnings(&engine, wrong);
    assert_eq!(flagged(&found, "place-conflict"), vec!["Harlow"], "{found:#?}");
    let right = "---\npublished: 2025-06-06\n---\nGame 2 is scheduled for Sunday in Carrow.\n";
    assert!(warnings(&engine, right).is_empty(), "{:#?}", warnings(&engine, right));
}

#[test]
fn a_place_listed_beside_a_place_both_sentences_give_is_that_lists_item() {
    // The source lists the two towns the homes were searched in; the draft copies the
    // list with one town changed, in other words: the town the two share ties the
    // sentences to one occasion, and the changed one is contradicted.
    let engine = engine(&[
        (
            "wire.md",
            "---\noutlet: Norwire\npublished: 2025-10-04\n---\nOstrander has been held since the fall of 2024, after agents arrested him following coordinated searches in Carrow and Dunmore.\n\nThe defense asked for Ostrander to be released to his home in Fennick.\n",
        ),
        (
            "courier.md",
            "---\noutlet: Brennick Courier\npublished: 2025-10-04\n---\nJudge Ada Brisk sentenced Ostrander to 50 months in prison on Friday.\n",
        ),
    ]);
    let wrong = "---\npublished: 2025-10-05\n---\nFederal agents arrested Ostrander in the fall of 2024 after searching his homes in Carrow and Tarrowby.\n";
    let found = warnings(&engine, wrong);
    assert_eq!(flagged(&found, "place-conflict"), vec!["Tarrowby"], "{found:#?}");
    let right = "---\npublished: 2025-10-05\n---\nFederal agents arrested Ostrander in the fall of 2024 after searching his homes in Carrow and Dunmore.\n";
    assert!(warnings(&engine, right).is_empty(), "{:#?}", warnings(&engine, right));
}

#[test]
fn a_year_over_when_written_is_no_plan_and_a_year_beside_the_same_words_is_that_things() {
    let engine = engine(&[
        (
            "preview.md",
            "---\noutlet: Hoop Wire\npublished: 2025-06-21\n---\nIt is the first final to reach a seventh game since 2016, and it all comes down to Sunday night in Carrow.\n",
        ),
        (
            "record.md",
            "---\noutlet: Capitol Desk\npublished: 2025-07-03\n---\nTessa Marlow broke the 2021 record set by former Speaker Ivo Brandt, which clocked in at 8:32.\n\nBrandt spoke for eight hours and 32 minutes in November 2021 against the housing bill.\n",
        ),
    ]);
    // A sentence that looks ahead ("will be") still tells a past year as past: the sources'
    // year contradicts it.
    let ahead = "---\npublished: 2025-06-21\n---\nIt will be the first final to go the full seven games since 2013, and the home side has won most of them.\n";
    let found = warnings(&engine, ahead);
    assert_eq!(flagged(&found, "date-conflict"), vec!["2013"], "{found:#?}");
    // The year the record was set, told beside "set" on both sides, though few of the
    // draft's other words around it are the source's.
    let record = "---\npublished: 2025-07-04\n---\nShe spoke past midnight on the House floor, beating the old record of eight hours that Ivo Brandt set in 2019 against a farm bill.\n";
    let found = warnings(&engine, record);
    assert_eq!(flagged(&found, "date-conflict"), vec!["2019"], "{found:#?}");
    let right = "---\npublished: 2025-07-04\n---\nShe spoke past midnight on the House floor, beating the old record of eight hours that Ivo Brandt set in 2021 against a farm bill.\n";
    assert!(flagged(&warnings(&engine, right), "date-conflict").is_empty(), "{:#?}", warnings(&engine, right));
}

#[test]
fn a_gap_told_beside_a_figure_is_checked_against_the_same_gap() {
    // "About 16 hours later" and "three points behind" are values of their own, the same
    // in every account: the draft's 19 hours and two points are contradicted. They are
    // never compared with an amount of the same unit ("a 16-hour session").
    let engine = engine(&[
        (
            "senate.md",
            "---\noutlet: Capitol Wire\npublished: 2025-06-29\n---\nThe clerks began reading the 940-page bill aloud on Saturday night at the minority's demand.\n\nBy Sunday afternoon, about 16 hours later, the clerks finished the reading of the bill.\n",
        ),
        (
            "league.md",
            "---\noutlet: Pitch Report\npublished: 2025-05-26\n---\nThe Harlow Comets finished the league season three points behind the champions, the Dunmore Rovers.\n",
        ),
    ]);
    let right = "---\npublished: 2025-06-29\n---\nReading the bill aloud, the clerks did not finish until Sunday afternoon, about 16 hours later.\n\nThe Comets finished the league season three points behind the Rovers.\n";
    assert!(warnings(&engine, right).is_empty(), "{:#?}", warnings(&engine, right));
    let wrong = "---\npublished: 2025-06-29\n---\nReading the bill aloud, the clerks did not finish until Sunday afternoon, about 19 hours later.\n\nThe Comets finished the league season two points behind the Rovers.\n";
    let found = warnings(&engine, wrong);
    assert_eq!(flagged(&found, "count-conflict"), vec!["19", "two"], "{found:#?}");
    // A session of 19 hours is no gap: nothing in the sources tells its length.
    let amount =
        "---\npublished: 2025-06-29\n---\nThe clerks finished the reading of the bill on Sunday afternoon after a 19-hour session.\n";
    assert!(warnings(&engine, amount).is_empty(), "{:#?}", warnings(&engine, amount));
}

#[test]
fn the_day_a_thing_began_does_not_date_its_end() {
    // The sources date the trial's opening: a draft that dates its close is neither held
    // nor contradicted by that day, while a wrong opening day still is.
    let engine = engine(&[
        (
            "court.md",
            "---\noutlet: Court Wire\npublished: 2025-05-20\n---\nThe trial of the former port director Edna Brannock began on May 5 in Carrow with the selection of the jury.\n",
        ),
        (
            "later.md",
            "---\noutlet: Harbour News\npublished: 2025-05-20\n---\nProsecutors called 14 witnesses in the trial of Edna Brannock.\n",
        ),
    ]);
    let end = "---\npublished: 2025-05-20\n---\nThe trial of the former port director Edna Brannock ended on May 16 in Carrow.\n";
    assert!(warnings(&engine, end).is_empty(), "{:#?}", warnings(&engine, end));
    let start = "---\npublished: 2025-05-20\n---\nThe trial of the former port director Edna Brannock began on May 6 in Carrow.\n";
    let found = warnings(&engine, start);
    assert_eq!(flagged(&found, "date-conflict"), vec!["May 6"], "{found:#?}");
}

#[test]
fn an_age_beside_a_name_is_no_plan_and_a_vote_answered_no_is_no_hedge() {
    // "Fans are expected to salute Dane Colter, 24," hedges the salute, not his age; "is 26
    // and under contract" tells his age as "is 26." does. "14.6% said no" is a share of
    // the vote, not a denial.
    let engine = engine(&[
        (
            "team.md",
            "---\noutlet: Comets Daily\npublished: 2025-02-10\n---\nQuarterback Dane Colter is 26 and under contract through 2028.\n\nColter threw two touchdown passes in the final.\n",
        ),
        (
            "party.md",
            "---\noutlet: Harbour News\npublished: 2025-02-10\n---\nIn the members' ballot on the coalition deal, 84.6% of the members voted in favour and 15.4% voted against it.\n",
        ),
    ]);
    let right = "---\npublished: 2025-02-12\n---\nFans are expected to salute quarterback Dane Colter, 26, at the parade.\n\nIn the members' ballot on the coalition deal, 84.6% said yes and 15.4% said no.\n";
    assert!(warnings(&engine, right).is_empty(), "{:#?}", warnings(&engine, right));
    let wrong = "---\npublished: 2025-02-12\n---\nFans are expected to salute quarterback Dane Colter, 24, at the parade.\n\nIn the members' ballot on the coalition deal, 84.6% said yes and 14.6% said no.\n";
    let found = warnings(&engine, wrong);
    assert_eq!(flagged(&found, "count-conflict"), vec!["24", "14.6"], "{found:#?}");
}

#[test]
fn two_values_a_source_sentence_gives_again_tie_its_day_to_the_drafts() {
    // The draft and the source tell the lawsuit's court and town both: the sentence is the
    // same occasion, and its month contradicts the draft's though less than half of the
    // other words near it align.
    let mut texts: Vec<(String, String)> = (1..=6)
        .map(|n| {
            (
                format!("note-{n}.md"),
                format!(
                    "---\noutlet: Note {n}\npublished: 2025-06-1{n}\n---\nAnother lawsuit was filed against the county, note {n} said.\n"
                ),
            )
        })
        .collect();
    texts.push((
        "court.md".into(),
        "---\noutlet: Court Wire\npublished: 2025-06-18\n---\nThe lawsuit, filed in Fennick Superior Court in Dunmore in August 2024, is seeking at least $50,000 in damages.\n\nThe trial of Ada Brannock ended with a verdict on Friday.\n".into(),
    ));
    texts.push((
        "other.md".into(),
        "---\noutlet: Harbour News\npublished: 2025-06-13\n---\nBrannock thanked her supporters outside the courthouse on Friday, while the officer's family spoke of a wrongful act.\n".into(),
    ));
    let texts: Vec<(&str, &str)> = texts.iter().map(|(name, text)| (name.as_str(), text.as_str())).collect();
    let engine = engine(&texts);
    let draft = |month: &str| {
        format!(
            "---\npublished: 2025-06-14\n---\nBrannock, acquitted on Friday of the killing, still faces the wrongful death lawsuit that the officer's family filed in {month} 2024 in Fennick Superior Court in Dunmore.\n"
        )
    };
    assert!(warnings(&engine, &draft("August")).is_empty(), "{:#?}", warnings(&engine, &draft("August")));
    let found = warnings(&engine, &draft("October"));
    assert_eq!(flagged(&found, "date-conflict"), vec!["October 2024"], "{found:#?}");
}

#[test]
fn a_name_the_sources_only_ever_write_is_checked_for_misspellings_too() {
    // Nothing makes Ivo Brandt a person (no title, no "said", never the surname alone), nor
    // Tarnholm a place where the draft's sentence puts something: they are names the
    // sources write all the same, and a draft a keystroke off them is wrong.
    let engine = engine(&[
        (
            "a.md",
            "---\noutlet: Norwire\npublished: 2025-05-18\n---\nTomas Vell scored twice past Ivo Brandt as the Comets beat the Rovers 3-1 in Tarnholm on Saturday.\n\nThe ground lies north of the river, by North Harbour, and the club is owned by Société Varne.\n\nThe coach of the Vestonian side was gracious.\n",
        ),
        (
            "b.md",
            "---\noutlet: Courier\npublished: 2025-05-19\n---\nTarnholm celebrated the Comets' title on Sunday.\n\nMany Vestonian fans sang anyway.\n",
        ),
    ]);
    let wrong = "---\npublished: 2025-05-19\n---\nTomas Vell scored twice past Ivo Brant on Saturday. Tarnhlom celebrated on Sunday.\n";
    let found = warnings(&engine, wrong);
    assert_eq!(flagged(&found, "name-misspelled"), vec!["Ivo Brant", "Tarnhlom"], "{found:#?}");
    assert!(found.iter().all(|f| !f.evidence.is_empty()), "each with its quote: {found:#?}");
    // Another style of the same name, a plural, and a name of its own built of common words
    // ("north" and "south" are words the corpus writes in lower case) are no misspellings.
    // Nor is the name whose adjective the sources write ("Vestonia" for "Vestonian").
    let right = "---\npublished: 2025-05-19\n---\nThe club is owned by Societe Varne. Each Comet fan met at South Harbour. How did Vestonia reach the final?\n";
    assert!(flagged(&warnings(&engine, right), "name-misspelled").is_empty(), "{:#?}", warnings(&engine, right));
}

#[test]
fn a_fiscal_year_a_record_book_and_a_place_spelt_otherwise_are_no_conflicts() {
    let engine = engine(&[
        (
            "a.md",
            "---\noutlet: Norwire\npublished: 2025-09-30\n---\nVarnholt agreed on Monday to buy Tessel for $4 billion, and the deal is expected to close in the first quarter of 2026.\n\nThe quake struck near Kastrabad in Nangarhar province on Sunday, the agency said.\n\nThe Comets allowed 23 yards in the first half, the fewest in Cup history.\n",
        ),
        (
            "b.md",
            "---\noutlet: Courier\npublished: 2025-09-30\n---\nThe quake near Kastrabad destroyed hundreds of homes in neighbouring Nangahar province.\n",
        ),
    ]);
    // "its 2027 fiscal year" is no calendar year; "Nangahar", which one source writes, is the
    // others' place written otherwise, not another place; "Cup history" places nothing.
    let draft = "---\npublished: 2025-10-01\n---\nVarnholt agreed on Monday to buy Tessel for $4 billion, and the deal is expected to close in the first quarter of its 2027 fiscal year.\n\nThe quake struck near Kastrabad in Nangahar province on Sunday, the agency said.\n\nThe Comets allowed 23 yards in the first half in Dunmore.\n";
    let found = warnings(&engine, draft);
    assert!(found.is_empty(), "{found:#?}");
    // A calendar year and another province are conflicts.
    let wrong = "---\npublished: 2025-10-01\n---\nVarnholt agreed on Monday to buy Tessel for $4 billion, and the deal is expected to close in the first quarter of 2027.\n\nThe quake struck near Kastrabad in Kunar province on Sunday, the agency said.\n";
    let found = warnings(&engine, wrong);
    assert_eq!(found.iter().map(|f| f.text.as_str()).collect::<Vec<_>>(), ["2027", "Kunar"], "{found:#?}");
}

#[test]
fn an_undated_drafts_day_without_a_year_differs_from_the_sources_by_its_day_not_its_year() {
    // Most of the corpus was published in 2024, so an undated draft's year-less day is read
    // as 2024's; the sources put the fall on May 1, 2023.
    let engine = engine(&[
        (
            "a.md",
            "---\noutlet: Norwire\npublished: 2023-05-03\n---\nIvo Brandt fell from the platform at Kessel station on May 1, 2023, the police said.\n",
        ),
        (
            "b.md",
            "---\noutlet: Courier\npublished: 2024-11-20\n---\nThe trial over the fall of Ivo Brandt on May 1, 2023 at Kessel station opened on Monday.\n",
        ),
        (
            "c.md",
            "---\noutlet: Courier\npublished: 2024-11-22\n---\nA second witness told the court about the crowded platform at Kessel station.\n",
        ),
    ]);
    let draft = "Ivo Brandt fell from the platform at Kessel station on May 1st, the police said.\n";
    assert!(warnings(&engine, draft).is_empty(), "{:#?}", warnings(&engine, draft));
    let wrong = "Ivo Brandt fell from the platform at Kessel station on May 11th, the police said.\n";
    assert_eq!(flagged(&warnings(&engine, wrong), "date-conflict"), vec!["May 11th"], "{:#?}", warnings(&engine, wrong));
}

#[test]
fn a_day_is_the_phase_its_nearer_word_tells_and_opening_is_a_start() {
    // The source gives the start and the end in one sentence; its end is a weekday of an
    // undated page, so only the start is a day. The draft's "ended Sunday" is the end.
    let engine = engine(&[
        ("a.md", "---\noutlet: Norwire\n---\nEarly voting in Tarnholm had begun on March 1 and concluded on Sunday, the board said.\n"),
        ("b.md", "---\noutlet: Courier\npublished: 2025-03-10\n---\nThe board counted 41,200 early ballots in Tarnholm.\n"),
    ]);
    let draft = "---\npublished: 2025-03-10\n---\nEarly voting in Tarnholm opened on March 1 and ended Sunday, the board said.\n";
    assert!(warnings(&engine, draft).is_empty(), "{:#?}", warnings(&engine, draft));
    let wrong = "---\npublished: 2025-03-10\n---\nEarly voting in Tarnholm opened on March 2 and ended Sunday, the board said.\n";
    assert_eq!(flagged(&warnings(&engine, wrong), "date-conflict"), vec!["March 2"], "{:#?}", warnings(&engine, wrong));
}

#[test]
fn a_year_one_keystroke_off_under_part_of_its_frame_is_miscopied() {
    let engine = engine(&[
        (
            "wire.md",
            "---\noutlet: Norwire\npublished: 2025-11-06\n---\nTomas Brede, the head of Brede Aviation, remembered the co-pilot Arvid Lenne, a former flight instructor who had been working for Caldwell Air since 2021, as a generous friend.\n",
        ),
        (
            "courier.md",
            "---\noutlet: Brennick Courier\npublished: 2025-11-07\n---\nThe Harrow Bridge, which carried the coast road over the estuary, was opened in 1961 and rebuilt after the flood.\n",
        ),
        (
            "post.md",
            "---\noutlet: Valley Post\npublished: 2025-11-07\n---\nThe valley towns held a vigil on Thursday, and a father of two who teaches students at the flying school spoke about the crew.\n\nThe light aircraft club has trained pilots at the field since 1998, its chairman said.\n\nPhotographs from 2019 show the freighter parked beside the old hangar.\n",
        ),
    ]);
    // Told in other words around it, the year keeps only part of its frame: two digits
    // swapped are still the source's year miscopied.
    let swapped = "---\npublished: 2025-11-08\n---\nLenne, a father of two from the valley towns who had once taught students to fly light aircraft, had been with Caldwell Air since 2012.\n";
    let found = warnings(&engine, swapped);
    assert_eq!(flagged(&found, "date-conflict"), vec!["2012"], "{found:#?}");
    assert!(found[0].message.contains("2021"), "{found:#?}");
    assert!(found[0].evidence.iter().any(|c| c.quote.contains("since 2021")), "{found:#?}");
    // The year itself stays silent.
    let right = "---\npublished: 2025-11-08\n---\nLenne, a father of two from the valley towns who had once taught students to fly light aircraft, had been with Caldwell Air since 2021.\n";
    assert!(warnings(&engine, right).is_empty(), "{:#?}", warnings(&engine, right));
}

#[test]
fn a_bound_one_keystroke_off_a_bound_of_the_same_way_is_miscopied() {
    let engine = engine(&[
        (
            "wire.md",
            "---\noutlet: Norwire\npublished: 2025-07-08\n---\nDriven by dry winds, the Corran Fire has scorched over 2,716 hectares as of Tuesday evening, officials said.\n",
        ),
        (
            "post.md",
            "---\noutlet: Valley Post\npublished: 2025-07-08\n---\nBy nightfall crews had cut a break along the ridge road, and more than 9,000 homes lay in the evacuation zone.\n\nThe blaze burned through grassland near the reservoir by noon.\n\nA smaller fire in the same hills burned 400 hectares in 2019.\n",
        ),
    ]);
    // (Two counts of hectares in the story: the draft's is no sole figure of its unit.)
    let wrong = "---\npublished: 2025-07-09\n---\nBy nightfall the Corran Fire had burned more than 7,716 hectares, and more than 9,000 homes lay in its path.\n";
    let found = warnings(&engine, wrong);
    assert_eq!(flagged(&found, "count-conflict"), vec!["7,716"], "{found:#?}");
    assert!(found[0].message.contains("2,716"), "{found:#?}");
    let right = "---\npublished: 2025-07-09\n---\nBy nightfall the Corran Fire had burned more than 2,716 hectares, and more than 9,000 homes lay in its path.\n";
    assert!(warnings(&engine, right).is_empty(), "{:#?}", warnings(&engine, right));
}

#[test]
fn a_person_named_at_a_sentence_start_then_by_surname_is_known() {
    // Bare, and behind a descriptor the corpus writes in lower case.
    for opening in [
        "Nadia Orskovic has apologised for her remarks at the gala.",
        "Comedian Nadia Orskovic has apologised for her remarks at the gala.",
    ] {
        let text = format!(
            "---\noutlet: Norwire\npublished: 2025-09-30\n---\n{opening}\n\nOrskovic, a comedian, hosted the gala on Friday.\n\nThe organisers thanked the comedian and the crew.\n"
        );
        let engine = engine(&[("wire.md", text.as_str())]);
        let draft = "---\npublished: 2025-10-01\n---\nNadia Orskovik apologised for her remarks at the gala.\n";
        let found = warnings(&engine, draft);
        assert_eq!(flagged(&found, "name-misspelled"), vec!["Nadia Orskovik"], "{opening}: {found:#?}");
    }
}

#[test]
fn a_projection_goes_on_down_its_list() {
    let engine = engine(&[(
        "wire.md",
        "---\noutlet: Norwire\npublished: 2025-10-29\n---\nThe Harbour Party is projected to come in first with 31 seats, the left-wing Greens second with 24, and the conservative Farmers' Union third with 17.\n\nTurnout was high across the country.\n",
    )]);
    // Each projected count is its party's: the Farmers' 17 is no miscount of the Harbour Party's 31.
    let right = "---\npublished: 2025-10-30\n---\nThe Farmers' Union was projected to win 17 seats and the Greens 24.\n";
    let found = warnings(&engine, right);
    assert!(flagged(&found, "count-conflict").is_empty(), "{found:#?}");
}

#[test]
fn one_source_figure_contradicts_one_of_a_sentence_s_figures() {
    let engine = engine(&[
        (
            "wire.md",
            "---\noutlet: Norwire\npublished: 2025-11-03\n---\nResults from the broadcaster show the Harbour Party took the largest share of the overseas vote, 31.4%.\n",
        ),
        ("post.md", "---\noutlet: Valley Post\npublished: 2025-11-03\n---\nTurnout abroad was the highest on record.\n"),
    ]);
    // The one figure the source gives is the Harbour Party's: it tells nothing of the others'.
    let draft = "---\npublished: 2025-11-04\n---\nThe Harbour Party took the largest share of the overseas vote at 41.4%, with the Greens on 17.2% and the Farmers' Union on 9.5%.\n";
    let found = warnings(&engine, draft);
    assert_eq!(flagged(&found, "count-conflict"), vec!["41.4"], "{found:#?}");
}

#[test]
fn a_day_after_its_page_is_a_plan_there() {
    let engine = engine(&[
        (
            "wire.md",
            "---\noutlet: Norwire\npublished: 2025-03-05\n---\nOn March 14, the Tarrow lander team expects to film a total eclipse of the sun from the surface.\n",
        ),
        ("post.md", "---\noutlet: Valley Post\npublished: 2025-03-06\n---\nThe lander carries ten instruments for the agency.\n"),
    ]);
    // The wire's March 14 was still to come when it was written: no day the filming happened.
    let draft = "---\npublished: 2025-03-19\n---\nOn Tuesday, the Tarrow lander team released film of the total eclipse of the sun from the surface.\n";
    let found = warnings(&engine, draft);
    assert!(flagged(&found, "date-conflict").is_empty(), "{found:#?}");
}

#[test]
fn a_running_count_at_another_figure_is_another_update_of_it() {
    let engine = engine(&[
        (
            "wire.md",
            "---\noutlet: Norwire\npublished: 2025-07-23\n---\nGrief gripped Carrow on Wednesday, two days after the ferry sank off the harbour, as the death toll climbed to 32.\n",
        ),
        ("post.md", "---\noutlet: Valley Post\npublished: 2025-07-24\n---\nThe ferry had 140 people on board when it sank on Monday.\n"),
    ]);
    // Wednesday's 32 and Saturday's 35 are two updates of the toll: neither day is wrong.
    let draft = "---\npublished: 2025-07-27\n---\nTwo more victims of the ferry that sank off the harbour died on Saturday, taking the death toll to 35.\n";
    let found = warnings(&engine, draft);
    assert!(flagged(&found, "date-conflict").is_empty(), "{found:#?}");
    // At the same figure, the day is the same update's, and a wrong day is still flagged.
    let wrong = "---\npublished: 2025-07-27\n---\nGrief gripped Carrow on Thursday, as the death toll from the ferry that sank off the harbour climbed to 32.\n";
    assert_eq!(flagged(&warnings(&engine, wrong), "date-conflict"), vec!["Thursday"], "{:#?}", warnings(&engine, wrong));
}

#[test]
fn a_country_and_a_state_are_two_scales_of_a_home() {
    let engine = engine(&[(
        "wire.md",
        "---\noutlet: Norwire\npublished: 2025-03-03\n---\nOrrin Aerospace, the Texas-based company, landed its craft on the moon.\n",
    )]);
    for home in ["US", "U.S.", "United States"] {
        let draft = format!("---\npublished: 2025-03-04\n---\nOrrin Aerospace, a {home}-based space company, built the craft.\n");
        let found = warnings(&engine, &draft);
        assert!(flagged(&found, "place-conflict").is_empty(), "{home}: {found:#?}");
    }
    // Another state is another home.
    let wrong = "---\npublished: 2025-03-04\n---\nOrrin Aerospace, an Ohio-based space company, built the craft.\n";
    assert_eq!(flagged(&warnings(&engine, wrong), "place-conflict"), vec!["Ohio"], "{:#?}", warnings(&engine, wrong));
}

#[test]
fn the_word_a_text_stops_on_is_unfinished() {
    let engine = engine(&[(
        "wire.md",
        "---\noutlet: Norwire\npublished: 2025-09-09\n---\nChief executive Pieter Halloran said the merger would close next year.\n\nHalloran will lead the combined company.\n",
    )]);
    // A page cut off mid-word, or a name still being typed: "Hallor" may yet be "Halloran".
    let cut = "---\npublished: 2025-09-10\n---\nThe merger would close next year, the company said.\n\nLeadership\n* Pieter Hallor";
    assert!(warnings(&engine, cut).is_empty(), "{:#?}", warnings(&engine, cut));
    // Finished, the same words are a misspelling.
    let done = "---\npublished: 2025-09-10\n---\nThe merger would close next year, the company said.\n\nLeadership\n* Pieter Hallor.\n";
    assert_eq!(flagged(&warnings(&engine, done), "name-misspelled"), vec!["Pieter Hallor"], "{:#?}", warnings(&engine, done));
}

#[test]
fn a_rate_of_time_is_no_amount() {
    let engine = engine(&[(
        "wire.md",
        "---\noutlet: Norwire\npublished: 2025-07-12\n---\nThe trophy was hers after just 61 minutes, earning Mara Lindqvist £41,000 per minute she was on court.\n",
    )]);
    let right = "---\npublished: 2025-07-13\n---\nHer win over Elsa Varga took 61 minutes and earned Mara Lindqvist £2.5 million.\n";
    let found = warnings(&engine, right);
    assert!(flagged(&found, "count-conflict").is_empty(), "{found:#?}");
    // The rate itself is still checked.
    let wrong = "---\npublished: 2025-07-13\n---\nThe win earned Mara Lindqvist £14,000 per minute she was on court.\n";
    assert_eq!(flagged(&warnings(&engine, wrong), "count-conflict"), vec!["14,000"], "{:#?}", warnings(&engine, wrong));
}

#[test]
fn a_known_place_name_is_no_misspelling_of_another() {
    let engine = engine(&[
        (
            "wire.md",
            "---\noutlet: Norwire\npublished: 2025-09-09\n---\nThe miner Velcor Resources owns copper mines in Chile and platinum mines in South Africa.\n",
        ),
        ("post.md", "---\noutlet: Valley Post\npublished: 2025-09-09\n---\nVelcor Resources said its South Africa unit would be sold.\n"),
    ]);
    let continent = "---\npublished: 2025-09-10\n---\nVelcor Resources is the largest copper producer in South America.\n";
    assert!(flagged(&warnings(&engine, continent), "name-misspelled").is_empty(), "{:#?}", warnings(&engine, continent));
    // A slip is still one.
    let slip = "---\npublished: 2025-09-10\n---\nVelcor Resources said its South Afrika unit would be sold.\n";
    assert_eq!(flagged(&warnings(&engine, slip), "name-misspelled"), vec!["South Afrika"], "{:#?}", warnings(&engine, slip));
}

#[test]
fn a_day_named_from_the_page_then_given_in_full_is_the_full_day() {
    let engine = engine(&[(
        "wire.md",
        "---\noutlet: Norwire\npublished: 2025-10-22\n---\nAda Brenn's jury trial began Oct. 20 in the Corran County Courthouse in Harlow.\n",
    )]);
    // A live blog kept on a later page: its "yesterday" is the day it then writes in full.
    let draft = "---\npublished: 2025-10-29\n---\nyesterday, Tuesday, October 21, was mostly quiet at the Corran County Courthouse as Ada Brenn's jury trial went on.\n";
    let found = warnings(&engine, draft);
    assert!(found.iter().all(|f| !f.text.eq_ignore_ascii_case("yesterday")), "{found:#?}");
}

#[test]
fn an_age_bound_is_no_count() {
    let engine = engine(&[
        (
            "wire.md",
            "---\noutlet: Norwire\npublished: 2025-07-23\n---\nGrief gripped Carrow on Wednesday as the death toll from the ferry sinking climbed to 32, with most victims children.\n",
        ),
        (
            "post.md",
            "---\noutlet: Valley Post\npublished: 2025-07-23\n---\nThe navy put the death toll from the ferry sinking at 31 on Tuesday, 25 of them children.\n",
        ),
    ]);
    // "Younger than 12" bounds the children's ages: it is no toll.
    let draft = "---\npublished: 2025-07-23\n---\nThe navy put the death toll from the ferry sinking at 31, of whom 25 were children, many of them younger than 12.\n";
    let found = warnings(&engine, draft);
    assert!(flagged(&found, "count-conflict").is_empty(), "{found:#?}");
}

#[test]
fn a_given_name_quoted_alone_does_not_unmake_a_person() {
    // The rival calls her by her given name inside a quotation, as players and colleagues do:
    // she is still a person, whose surname alone is checked.
    let engine = engine(&[
        (
            "wire.md",
            "---\noutlet: Norwire\npublished: 2025-07-13\n---\nTamsin Orlovska won the final in straight sets on Saturday.\n\nOrlovska was the coach's pick to win the title.\n",
        ),
        (
            "post.md",
            "---\noutlet: Valley Post\npublished: 2025-07-13\n---\nThe runner-up said after the match: ‘Tamsin, you’re such a fine player.’\n\nThe crowd stood for both players.\n",
        ),
    ]);
    let draft = "---\npublished: 2025-07-14\n---\nIn the final, Orlovsla won in straight sets.\n";
    let found = warnings(&engine, draft);
    assert_eq!(flagged(&found, "name-misspelled"), vec!["Orlovsla"], "{found:#?}");
}

#[test]
fn a_name_written_without_its_accents_is_the_same_name() {
    let engine = engine(&[(
        "wire.md",
        "---\noutlet: Norwire\npublished: 2025-12-15\n---\nFinance Minister Alena Hrubešová presented the budget on Monday.\n\nHrubešová said the deficit would narrow next year.\n",
    )]);
    let plain =
        "---\npublished: 2025-12-16\n---\nFinance Minister Alena Hrubesova presented the budget, and Alena Hrubešová defended it.\n";
    let found = warnings(&engine, plain);
    assert!(found.iter().all(|f| !f.code.starts_with("name-")), "{found:#?}");
    // A letter changed is still a misspelling, accents or not.
    let slip = "---\npublished: 2025-12-16\n---\nFinance Minister Alena Hrubasova presented the budget.\n";
    assert_eq!(flagged(&warnings(&engine, slip), "name-misspelled"), vec!["Alena Hrubasova"]);
}

#[test]
fn an_everyday_word_opening_a_line_is_no_misspelt_surname() {
    let engine = engine(&[(
        "wire.md",
        "---\noutlet: Norwire\npublished: 2025-07-13\n---\nTamsin Vinner won the final on Saturday.\n\nVinner said the winner deserved every point she had won.\n",
    )]);
    let draft = "---\npublished: 2025-07-14\n---\nWinner: Vinner took home the trophy.\n\nVinnar: the draft's slip of her name.\n";
    let found = warnings(&engine, draft);
    assert_eq!(flagged(&found, "name-misspelled"), vec!["Vinnar"], "{found:#?}");
}

#[test]
fn a_part_of_a_count_is_no_total() {
    let engine = engine(&[(
        "wire.md",
        "---\noutlet: Norwire\npublished: 2025-12-15\n---\nThe new government will have four deputy prime ministers: Ada Vell, Ivo Marr, Lena Sorb and Tomas Kade.\n",
    )]);
    let part = "---\npublished: 2025-12-16\n---\nAda Vell leads them, and the other three deputy prime ministers are Ivo Marr, Lena Sorb and Tomas Kade.\n";
    let found = warnings(&engine, part);
    assert!(flagged(&found, "count-conflict").is_empty(), "{found:#?}");
    let total = "---\npublished: 2025-12-16\n---\nThe new government will have three deputy prime ministers.\n";
    assert_eq!(flagged(&warnings(&engine, total), "count-conflict"), vec!["three"]);
}

#[test]
fn an_age_beside_a_name_the_sources_do_not_know_is_that_person_s() {
    let engine = engine(&[(
        "wire.md",
        "---\noutlet: Norwire\npublished: 2025-10-21\n---\nThe court ordered that Dario Orsk, 70, will begin his sentence on Tuesday.\n\nOrsk arrived at the prison in a convoy.\n",
    )]);
    let sons =
        "---\npublished: 2025-10-22\n---\nOrsk's sons, 28-year-old Louis and 24-year-old Pierre, were seen arriving at the prison.\n";
    let found = warnings(&engine, sons);
    assert!(flagged(&found, "count-conflict").is_empty(), "{found:#?}");
    let his = "---\npublished: 2025-10-22\n---\nThe court ordered that Dario Orsk, 72, will begin his sentence.\n";
    assert_eq!(flagged(&warnings(&engine, his), "count-conflict"), vec!["72"]);
}

#[test]
fn a_site_the_sources_put_in_two_states_is_no_conflict_in_either() {
    let post = (
        "post.md",
        "---\noutlet: Valley Post\npublished: 2025-07-10\n---\nThe semi-final held at Carrow Stadium, New Jersey, saw the Rovers take a 3-0 lead.\n\nThe trophy was lifted at Carrow Stadium in Brackwell, New Jersey, on July 13.\n",
    );
    let wire = (
        "wire.md",
        "---\noutlet: Norwire\npublished: 2025-07-10\n---\nThe Rovers can win the title at New York's Carrow Stadium on Sunday.\n",
    );
    let draft = "---\npublished: 2025-07-14\n---\nThe Rovers won the final 2-0 at New Jersey's Carrow Stadium.\n";
    let found = warnings(&engine(&[post, wire]), draft);
    assert!(flagged(&found, "place-conflict").is_empty(), "{found:#?}");
    // Where every source puts it in one state, another state is still wrong.
    let wrong = "---\npublished: 2025-07-14\n---\nThe Rovers won the final 2-0 at Ohio's Carrow Stadium.\n";
    assert_eq!(flagged(&warnings(&engine(&[post]), wrong), "place-conflict"), vec!["Ohio"]);
}

#[test]
fn half_a_dozen_is_six() {
    let engine = engine(&[(
        "wire.md",
        "---\noutlet: Norwire\npublished: 2025-07-14\n---\nGoalkeeper Ivo Marr was outstanding, making six crucial saves in the final.\n",
    )]);
    let draft = "---\npublished: 2025-07-15\n---\nGoalkeeper Ivo Marr kept the Rovers in the final with half a dozen crucial saves.\n";
    let found = warnings(&engine, draft);
    assert!(flagged(&found, "count-conflict").is_empty(), "{found:#?}");
    let wrong = "---\npublished: 2025-07-15\n---\nGoalkeeper Ivo Marr kept the Rovers in the final with nine crucial saves.\n";
    assert_eq!(flagged(&warnings(&engine, wrong), "count-conflict"), vec!["nine"]);
}

#[test]
fn a_day_counted_from_another_is_not_that_day() {
    let engine = engine(&[(
        "wire.md",
        "---\noutlet: Norwire\npublished: 2025-07-14\n---\nThe Rovers defeated reigning league champions the Harriers 3-0 on Sunday, July 13, to be crowned winners of the Carrow Cup.\n",
    )]);
    // Six weeks before the final, not the final's day.
    let draft = "---\npublished: 2025-07-14\n---\nThe Rovers beat the Harriers 3-0 on Sunday to win the Carrow Cup.\n\nThe Harriers, who had been crowned league champions six weeks earlier, ended the game a man down.\n";
    let found = warnings(&engine, draft);
    assert!(flagged(&found, "date-conflict").is_empty(), "{found:#?}");
    // The day itself, told wrong, still is.
    let wrong = "---\npublished: 2025-07-15\n---\nThe Rovers beat the Harriers 3-0 on Saturday to win the Carrow Cup.\n";
    assert_eq!(flagged(&warnings(&engine, wrong), "date-conflict"), vec!["Saturday"]);
}

#[test]
fn a_place_s_adjective_is_no_misspelling_of_it() {
    let engine = engine(&[
        (
            "a.md",
            "---\noutlet: Norwire\npublished: 2025-04-29\n---\nThree relatives died in Vellicia after the blackout, the regional government said.\n",
        ),
        (
            "b.md",
            "---\noutlet: Courier\npublished: 2025-04-29\n---\nIn Orrense (Vellicia), an elderly couple died of carbon monoxide poisoning.\n",
        ),
    ]);
    let draft = "---\npublished: 2025-04-30\n---\nThe worst incident came in the Vellician town of Tabora, where three relatives died.\n";
    let found = warnings(&engine, draft);
    assert!(flagged(&found, "name-misspelled").is_empty(), "{found:#?}");
    let wrong = "---\npublished: 2025-04-30\n---\nThree relatives died in Vellacia after the blackout.\n";
    assert_eq!(flagged(&warnings(&engine, wrong), "name-misspelled"), vec!["Vellacia"]);
}

#[test]
fn a_base_is_its_own_company_s() {
    let engine = engine(&[
        (
            "wire.md",
            "---\noutlet: Norwire\npublished: 2025-11-13\n---\nOstley Inc. announced Thursday that it has completed its acquisition of Harrow Labs, Inc., a Delaware-based company, for about $7 billion.\n",
        ),
        (
            "post.md",
            "---\noutlet: Valley Post\npublished: 2025-09-22\n---\nOstley would pay $47.50 per share in cash, a premium of about 43% to New York-based Harrow's last close.\n\nOhio-based Ostley makes vaccines and cancer drugs.\n",
        ),
    ]);
    // Another company's base, and another base the sources give the same company.
    for right in [
        "---\npublished: 2025-11-14\n---\nOhio-based Ostley completed its acquisition of Harrow Labs for about $7 billion.\n",
        "---\npublished: 2025-11-14\n---\nNew York-based Harrow was acquired by Ostley for about $7 billion.\n",
        "---\npublished: 2025-11-14\n---\nHarrow Labs, also based in New York, was acquired by Ostley for about $7 billion.\n",
    ] {
        let found = warnings(&engine, right);
        assert!(flagged(&found, "place-conflict").is_empty(), "{right}: {found:#?}");
    }
    let wrong = "---\npublished: 2025-11-14\n---\nTexas-based Ostley makes vaccines and cancer drugs.\n";
    assert_eq!(flagged(&warnings(&engine, wrong), "place-conflict"), vec!["Texas"]);
}

#[test]
fn a_source_sentence_that_gives_the_draft_s_year_too_does_not_contradict_it() {
    let engine = engine(&[(
        "wire.md",
        "---\noutlet: Norwire\npublished: 2025-07-13\n---\nSeeking their second world title, the Rovers face the Harriers on Sunday.\n\nEuropean teams will win their 12th straight Club World Cup title and 17th in 18 tries, the lone exception a 2012 victory by Velmora's Harriers over the Rovers, who won in 2021.\n",
    )]);
    let draft = "---\npublished: 2025-07-14\n---\nThe victory was the club's second world title, after 2021.\n";
    let found = warnings(&engine, draft);
    assert!(flagged(&found, "date-conflict").is_empty(), "{found:#?}");
    let wrong = "---\npublished: 2025-07-14\n---\nThe lone exception was a 2013 victory by Velmora's Harriers over the Rovers.\n";
    assert_eq!(flagged(&warnings(&engine, wrong), "date-conflict"), vec!["2013"]);
}

#[test]
fn a_source_figure_the_draft_sentence_gives_too_is_accounted_for() {
    let engine = engine(&[(
        "wire.md",
        "---\noutlet: Norwire\npublished: 2025-09-22\n---\nOstley would pay $47.50 per share in cash, a premium of about 43% to Harrow's last close.\n",
    )]);
    let raised = "---\npublished: 2025-11-05\n---\nHarrow said Ostley proposed on Monday to pay $60 per share in cash, up from the $47.50 it proposed initially.\n";
    let found = warnings(&engine, raised);
    assert!(flagged(&found, "count-conflict").is_empty(), "{found:#?}");
    let wrong =
        "---\npublished: 2025-09-23\n---\nOstley would pay $57.50 per share in cash, a premium of about 43% to Harrow's last close.\n";
    assert_eq!(flagged(&warnings(&engine, wrong), "count-conflict"), vec!["57.50"]);
}

#[test]
fn a_figure_of_its_own_unit_a_keystroke_off_is_checked_in_a_looser_paraphrase() {
    let engine = engine(&[(
        "count.md",
        "---\noutlet: Polder News\npublished: 2025-10-30\n---\nOfficials counted ballots through the night, and by Thursday morning the Free Union had secured 37 seats in the new chamber, clinging to a lead that pollsters had called fragile, the national election agency said.\n\nThe Farmers Party took 12 seats and the Greens 9 seats.\n\nAnalysts noted that younger voters in the eastern provinces had stayed home, and that the strongest showing came from towns.\n\nTurnout was the highest in two decades.\n",
    )]);
    // Few of the draft's words stand beside the source's figure, but three do, and "73
    // seats" is "37 seats" with two digits swapped.
    let draft = "---\npublished: 2025-10-31\n---\nBuoyed by younger voters in eastern provinces, the Free Union captured 73 seats in the chamber, its strongest showing in towns, analysts noted.\n";
    let found = warnings(&engine, draft);
    assert_eq!(flagged(&found, "count-conflict"), vec!["73"], "{found:#?}");
    // Another figure of the unit, not a keystroke off, is another statement; and two words
    // of the frame are not enough.
    for other in [
        "---\npublished: 2025-10-31\n---\nBuoyed by younger voters in eastern provinces, the Free Union captured 52 seats in the chamber, its strongest showing in towns, analysts noted.\n",
        "---\npublished: 2025-10-31\n---\nYounger voters in the eastern provinces gave the Free Union 73 seats and its strongest showing, analysts noted.\n",
    ] {
        assert!(flagged(&warnings(&engine, other), "count-conflict").is_empty(), "{other}");
    }
}

#[test]
fn an_age_told_before_the_years_of_a_past_term_is_the_age_now() {
    let engine = engine(&[
        (
            "appoint.md",
            "---\noutlet: Delta Post\npublished: 2025-12-09\n---\nThe governor named Ida Ostrova harbour minister on Tuesday.\n\nOstrova, 57, took the oath at the port authority.\n",
        ),
        ("profile.md", "---\noutlet: Polder News\npublished: 2025-12-09\n---\nOstrova trained as an engineer before entering politics.\n"),
    ]);
    let draft = "---\npublished: 2025-12-10\n---\nOstrova, 58, took the oath at the port authority, having run the harbour office from 2012 to 2016.\n";
    let found = warnings(&engine, draft);
    assert_eq!(flagged(&found, "count-conflict"), vec!["58"], "{found:#?}");
    // An age told after the year it belongs to is that year's.
    let then = "---\npublished: 2025-12-10\n---\nIn 2012, Ostrova, 45, first took the oath at the port authority.\n";
    assert!(flagged(&warnings(&engine, then), "count-conflict").is_empty(), "{:#?}", warnings(&engine, then));
}

#[test]
fn a_day_told_beside_another_day_both_give_is_the_same_occasions() {
    let engine = engine(&[(
        "inquiry.md",
        "---\noutlet: Hill Post\npublished: 2025-05-20\n---\nAt the inquiry, clerk Wim Dorne said the lease was signed on May 3 and filed with the land registry on May 6 by the mayor's office.\n\nResidents said a fishing trip to a cabin upriver had been cancelled as the river rose.\n\nCouncillors questioned county officials for six hours about the lease.\n",
    )]);
    // Few of the draft's words frame its first day as the source frames May 3, but the
    // second day, May 6, is given by both.
    let draft = "---\npublished: 2025-05-22\n---\nAway on a fishing trip on May 2, Dorne signed the lease, filed on May 6.\n";
    let found = warnings(&engine, draft);
    assert_eq!(flagged(&found, "date-conflict"), vec!["May 2"], "{found:#?}");
    assert!(found[0].message.contains("May 3"), "{}", found[0].message);
}

#[test]
fn a_place_two_sources_give_under_half_the_frame_contradicts_together() {
    let first = (
        "a.md",
        "---\noutlet: Trade Wire\npublished: 2025-12-09\n---\nRavell shareholders gathered in Dunmore and voted on the deal on Tuesday.\n\nDockworkers and ferry crews joined the strike at the port.\n",
    );
    let second = (
        "b.md",
        "---\noutlet: Market Post\npublished: 2025-12-09\n---\nRavell shareholders gathered in Dunmore and voted on the deal, the company said.\n\nThe strike by dockworkers and ferry crews closed the port.\n",
    );
    // Under half the draft's frame is the sources' ("Ravell shareholders voted on the
    // deal"); the rest is another clause's.
    let draft = "---\npublished: 2025-12-10\n---\nRavell shareholders voted on the deal at a session in Fennick as dockworkers and ferry crews went on strike.\n";
    let found = warnings(&engine(&[first, second]), draft);
    assert_eq!(flagged(&found, "place-conflict"), vec!["Fennick"], "{found:#?}");
    assert!(found[0].message.contains("Dunmore (2 sources)"), "{}", found[0].message);
}

#[test]
fn a_town_the_draft_names_beside_another_does_not_hold_it() {
    let engine = engine(&[
        (
            "plant.md",
            "---\noutlet: Valley News\npublished: 2025-09-14\n---\nThe Ostley plant that makes the valves stands in Harlow. Its warehouse is in Dunmore, near the rail yard.\n",
        ),
        ("shares.md", "---\noutlet: State Wire\npublished: 2025-09-15\n---\nOstley shares rose on Tuesday, the exchange said.\n"),
    ]);
    let draft =
        "---\npublished: 2025-09-16\n---\nThe Ostley plant that makes the valves stands in Fennick, while its warehouse is in Dunmore.\n";
    let found = warnings(&engine, draft);
    assert_eq!(flagged(&found, "place-conflict"), vec!["Fennick"], "{found:#?}");
    assert!(found[0].message.contains("Harlow"), "{}", found[0].message);
}

#[test]
fn a_state_of_one_country_is_no_other_country() {
    let engine = engine(&[
        (
            "observe.md",
            "---\noutlet: Sky Wire\npublished: 2025-08-14\n---\nThe Marsh Institute photographed the asteroid on Aug. 12 with its survey telescope in Ohio.\n",
        ),
        ("later.md", "---\noutlet: Star Post\npublished: 2025-08-15\n---\nThe asteroid will pass the Moon in October, astronomers said.\n"),
    ]);
    let wrong =
        "---\npublished: 2025-08-16\n---\nThe Marsh Institute photographed the asteroid on Aug. 12 with its survey telescope in India.\n";
    let found = warnings(&engine, wrong);
    assert_eq!(flagged(&found, "place-conflict"), vec!["India"], "{found:#?}");
    // The state's own country is the same place at a larger scale.
    let larger = "---\npublished: 2025-08-16\n---\nThe Marsh Institute photographed the asteroid on Aug. 12 with its survey telescope in the United States.\n";
    assert!(flagged(&warnings(&engine, larger), "place-conflict").is_empty(), "{:#?}", warnings(&engine, larger));
}

#[test]
fn a_figure_a_keystroke_off_what_two_sources_give_needs_a_looser_frame() {
    // Each source tells the contract in other words than the draft, under a frame too loose
    // for one source alone to contradict a figure of two digits; two of them giving the
    // same neighbour, of the same unit, do.
    let engine = engine(&[
        (
            "a.md",
            "---\noutlet: Valley Courier\npublished: 2025-05-14\n---\nThe port authority voted on Tuesday night to award Tessel Marine a dredging contract worth $10 million.\n\nThe authority has 29 members, and the vote was unanimous.\n\nTessel Marine, founded in 1988, is based in Dunmore.\n",
        ),
        (
            "b.md",
            "---\noutlet: Coast Daily\npublished: 2025-10-30\n---\nThe authority will publish its yearly accounts in January, 14 weeks late.\n\nTessel Marine had secured a $10 million dredging contract with the port authority after a tender.\n\nThe harbour has been closed to large ships for 13 days.\n",
        ),
        (
            "f1.md",
            "---\noutlet: Paper 1\npublished: 2025-10-21\n---\nThe port authority met again on Monday to discuss the budget for next year.\n\nTessel Marine attended the hearing in Dunmore with its lawyers.\n\nAuthority officials said the contract would be paid from a state fund.\n\nThe state audit of the tender is expected to end in 3 months.\n",
        ),
        (
            "f2.md",
            "---\noutlet: Paper 2\npublished: 2025-10-22\n---\nThe port authority met again on Monday to discuss the budget for next year.\n\nTessel Marine attended the hearing in Dunmore with its lawyers.\n\nAuthority officials said the contract would be paid from a state fund.\n\nThe state audit of the tender is expected to end in 4 months.\n",
        ),
        (
            "f3.md",
            "---\noutlet: Paper 3\npublished: 2025-10-23\n---\nThe port authority met again on Monday to discuss the budget for next year.\n\nTessel Marine attended the hearing in Dunmore with its lawyers.\n\nAuthority officials said the contract would be paid from a state fund.\n\nThe state audit of the tender is expected to end in 5 months.\n",
        ),
        (
            "f4.md",
            "---\noutlet: Paper 4\npublished: 2025-10-24\n---\nThe port authority met again on Monday to discuss the budget for next year.\n\nTessel Marine attended the hearing in Dunmore with its lawyers.\n\nAuthority officials said the contract would be paid from a state fund.\n\nThe state audit of the tender is expected to end in 6 months.\n",
        ),
        (
            "f5.md",
            "---\noutlet: Paper 5\npublished: 2025-10-25\n---\nThe port authority met again on Monday to discuss the budget for next year.\n\nTessel Marine attended the hearing in Dunmore with its lawyers.\n\nAuthority officials said the contract would be paid from a state fund.\n\nThe state audit of the tender is expected to end in 7 months.\n",
        ),
        (
            "f6.md",
            "---\noutlet: Paper 6\npublished: 2025-10-26\n---\nThe port authority met again on Monday to discuss the budget for next year.\n\nTessel Marine attended the hearing in Dunmore with its lawyers.\n\nAuthority officials said the contract would be paid from a state fund.\n\nThe state audit of the tender is expected to end in 8 months.\n",
        ),
    ]);
    let draft = "---\npublished: 2025-11-02\n---\nOfficials said the authority later paid $15 million under the dredging contract, after a state audit and months of talks with the company.\n";
    let found = warnings(&engine, draft);
    assert_eq!(flagged(&found, "count-conflict"), vec!["15 million"], "{found:#?}");
    assert!(found[0].message.contains("2 sources"), "{}", found[0].message);
    // The figure the sources give passes.
    let right = draft.replace("$15 million", "$10 million");
    assert!(flagged(&warnings(&engine, &right), "count-conflict").is_empty());
}

#[test]
fn a_day_told_again_more_coarsely_does_not_account_for_the_sources_other_day() {
    // "next month" is the draft's own day told as a month: the sources' March 19 is no
    // value the draft gives elsewhere, but a rival of its March 9.
    let engine = engine(&[
        (
            "a.md",
            "---\noutlet: Harbour Ledger\npublished: 2025-01-14\n---\nEngineers at the Dunmore yard began replacing the ferry's engine on Tuesday.\n\nThe Orsel ferry will return to service on March 19, with crossings every two hours.\n",
        ),
        (
            "b.md",
            "---\noutlet: Coast Daily\npublished: 2025-02-05\n---\nThe operator said the Orsel ferry would resume its crossings on March 19.\n",
        ),
    ]);
    let draft = "---\npublished: 2025-02-20\n---\nThe Orsel ferry will be back in service next month, on March 9, the operator said.\n";
    let found = warnings(&engine, draft);
    assert_eq!(flagged(&found, "date-conflict"), vec!["March 9"], "{found:#?}");
    let right = draft.replace("March 9", "March 19");
    assert!(flagged(&warnings(&engine, &right), "date-conflict").is_empty(), "{:#?}", warnings(&engine, &right));
}

#[test]
fn two_approximations_a_keystroke_apart_are_one_figure_miscopied() {
    // "Around 76" allows "around 71" within a tenth, but neither is a round figure and one
    // keystroke parts them: the draft's is the source's miscopied. A round one still passes.
    let engine = engine(&[(
        "ballot.md",
        "---\noutlet: Harbour Ledger\npublished: 2025-06-02\n---\nAfter the ballot closed, around 76 per cent of the dock workers who voted backed the new pay deal with the port operator.\n\nThe deal runs for three years from July.\n",
    )]);
    let draft = |share: &str| {
        format!(
            "---\npublished: 2025-06-03\n---\nAround {share} per cent of the dock workers who voted backed the new pay deal with the port operator after the ballot closed.\n"
        )
    };
    let found = warnings(&engine, &draft("71"));
    assert_eq!(flagged(&found, "count-conflict"), vec!["71"], "{found:#?}");
    for right in ["75", "76"] {
        assert!(flagged(&warnings(&engine, &draft(right)), "count-conflict").is_empty(), "{right}");
    }
}

#[test]
fn a_point_told_at_one_distance_and_bearing_from_another_place_is_contradicted() {
    // The sources tell where the landslide began by its distance and bearing from a town;
    // the draft gives the same distance and bearing from another town the story names.
    let engine = engine(&[
        (
            "a.md",
            "---\noutlet: Harbour Ledger\npublished: 2025-03-11\n---\nThe landslide that buried the valley road began about 18 kilometres southwest of Orsel on Monday, geologists said.\n\nRescuers from Tarrow reached the road by nightfall.\n",
        ),
        (
            "b.md",
            "---\noutlet: Coast Daily\npublished: 2025-03-12\n---\nThe slide started 11 miles (18 km) south-west of Orsel, at the foot of the ridge, the survey office said.\n",
        ),
    ]);
    let draft = |at: &str| {
        format!("---\npublished: 2025-03-13\n---\nThe landslide, which began on Monday {at}, buried the valley road, geologists said.\n")
    };
    let found = warnings(&engine, &draft("18 kilometres southwest of Tarrow"));
    assert_eq!(flagged(&found, "place-conflict"), vec!["Tarrow"], "{found:#?}");
    // The sources' own point, told in miles, and a place told without a distance: nothing.
    for right in ["18 kilometres southwest of Orsel", "about 11 miles southwest of Orsel", "in the hills north of Tarrow"] {
        assert!(
            flagged(&warnings(&engine, &draft(right)), "place-conflict").is_empty(),
            "{right}: {:#?}",
            warnings(&engine, &draft(right))
        );
    }
}

#[test]
fn a_time_of_day_ties_two_accounts_of_one_moment() {
    // The draft shares little with the source but the time: that time names the moment, and
    // the day given with it is that moment's. Another time is another sailing.
    let engine = engine(&[(
        "a.md",
        "---\noutlet: Harbour Ledger\npublished: 2025-04-09\n---\nThe Orsel ferry left the harbour at 6:40 a.m. on Tuesday with 212 passengers aboard, the operator said.\n\nIt ran aground near the breakwater an hour later.\n\nThe coastguard said on Wednesday that all passengers had been taken off.\n",
    )]);
    let draft = |text: &str| format!("---\npublished: 2025-04-10\n---\n{text}\n");
    let found = warnings(&engine, &draft("The 6:40 a.m. sailing on Monday ended on the rocks."));
    assert_eq!(flagged(&found, "date-conflict"), vec!["Monday"], "{found:#?}");
    for right in ["The 6:40 a.m. sailing on Tuesday ended on the rocks.", "The 9:15 a.m. sailing on Monday ended on the rocks."] {
        assert!(flagged(&warnings(&engine, &draft(right)), "date-conflict").is_empty(), "{right}: {:#?}", warnings(&engine, &draft(right)));
    }
}

#[test]
fn a_place_before_the_thing_it_locates_after_a_possessive_or_an_age() {
    // "the agency's Tolby field office", "a 44-year-old Carrow resident": places, each of
    // the thing after it. A home told by its county may be the town's; an organisation
    // before "office" is no place.
    let engine = engine(&[(
        "a.md",
        "---\noutlet: Harbour Ledger\npublished: 2025-04-09\n---\nThe images were released by the agency's Tolby field office on Tuesday, two days after the break-in.\n\nThe suspect, a 44-year-old Carrow resident, was arrested on Monday.\n\nThe break-in was first reported by the Harbour Security Services office, the police said.\n",
    )]);
    let draft = |text: &str| format!("---\npublished: 2025-04-10\n---\n{text}\n");
    let places = |text: &str| {
        let found = warnings(&engine, &draft(text));
        flagged(&found, "place-conflict").into_iter().map(str::to_string).collect::<Vec<_>>()
    };
    assert_eq!(places("The agency's Fennick field office released the images on Tuesday."), vec!["Fennick"]);
    assert_eq!(places("Police arrested the suspect, a 44-year-old Dunmore resident, on Monday."), vec!["Dunmore"]);
    for right in [
        "The agency's Tolby field office released the images on Tuesday.",
        "Police arrested the suspect, a 44-year-old Marren County resident, on Monday.",
        "The break-in was first reported by the Harbour Alarm Services office, police said.",
    ] {
        assert!(places(right).is_empty(), "{right}: {:?}", places(right));
    }
}

#[test]
fn the_country_across_a_border_is_a_place() {
    let engine = engine(&[(
        "a.md",
        "---\noutlet: Harbour Ledger\npublished: 2025-04-09\n---\nThe Orsel valley, where the slide began, runs along the border with Pakistan, the survey office said.\n",
    )]);
    let draft = |text: &str| format!("---\npublished: 2025-04-10\n---\n{text}\n");
    let found = warnings(&engine, &draft("The Orsel valley runs along the border with Tajikistan, the survey office said."));
    assert_eq!(flagged(&found, "place-conflict"), vec!["Tajikistan"], "{found:#?}");
    let right = draft("The Orsel valley runs along the border with Pakistan, the survey office said.");
    assert!(warnings(&engine, &right).is_empty(), "{:#?}", warnings(&engine, &right));
}

#[test]
fn a_company_before_its_site_is_no_place_but_a_place_after_the_owner_is() {
    // "Ostley's Tarrow plant": the plant is in Tarrow. After an article the name before a
    // site is as often its owner's ("the Ostley plant"): no place is read.
    let engine = engine(&[(
        "plant.md",
        "---\noutlet: Valley News\npublished: 2025-09-14\n---\nOstley's Tarrow plant will cut 300 jobs by March, the company said on Friday.\n",
    )]);
    let draft = |text: &str| format!("---\npublished: 2025-09-16\n---\n{text}\n");
    let found = warnings(&engine, &draft("Ostley's Fennick plant will cut 300 jobs by March, the company said."));
    assert_eq!(flagged(&found, "place-conflict"), vec!["Fennick"], "{found:#?}");
    let owner = draft("The Fennick plant will cut 300 jobs by March, the company said.");
    assert!(flagged(&warnings(&engine, &owner), "place-conflict").is_empty(), "{:#?}", warnings(&engine, &owner));
}

#[test]
fn an_undated_pages_weekday_contradicts_a_day_that_falls_on_another() {
    // The page has no date, so "on Wednesday" is no day of the calendar; but it is the day
    // of the week the hearing fell on, and the draft's Tuesday (or its "Oct. 14", a
    // Tuesday) is not.
    let engine = engine(&[(
        "bulletin.md",
        "---\noutlet: Marrow Bulletin\n---\nThe Dunhallow council voted on Wednesday to close the Tarrow ferry crossing for the winter.\n",
    )]);
    let draft = |text: &str| format!("---\npublished: 2025-10-17\n---\n{text}\n");
    let found = warnings(&engine, &draft("The Dunhallow council voted on Tuesday to close the Tarrow ferry crossing for the winter."));
    assert_eq!(flagged(&found, "date-conflict"), vec!["Tuesday"], "{found:#?}");
    let conflict = found.iter().find(|f| f.code == "date-conflict").unwrap();
    assert!(conflict.message.contains("Wednesday"), "{}", conflict.message);
    assert_eq!(conflict.fixes, vec!["Wednesday".to_string()], "{conflict:#?}");
    // A day written out is told with its weekday, and not replaced by a weekday.
    let found = warnings(&engine, &draft("The Dunhallow council voted on Oct. 14 to close the Tarrow ferry crossing for the winter."));
    let conflict = found.iter().find(|f| f.code == "date-conflict").expect("a conflict over Oct. 14");
    assert!(conflict.message.contains("Oct. 14, a Tuesday"), "{}", conflict.message);
    assert!(conflict.fixes.is_empty(), "{conflict:#?}");
    // The day it falls on agrees, written either way.
    for right in ["voted on Wednesday", "voted on Oct. 15"] {
        let text = draft(&format!("The Dunhallow council {right} to close the Tarrow ferry crossing for the winter."));
        assert!(warnings(&engine, &text).is_empty(), "{right}: {:#?}", warnings(&engine, &text));
    }
}

#[test]
fn an_undated_pages_weekday_gives_way_to_the_calendar() {
    // A weekday names a day of every week: another day of the draft's sentence that falls
    // on it accounts for it, and a source that dates the event outright is believed over
    // it.
    let engine = engine(&[
        (
            "bulletin.md",
            "---\noutlet: Marrow Bulletin\n---\nThe ferry captain was detained on Thursday, a day after the Tarrow crossing was closed.\n\nThe Dunhallow council voted on Wednesday to close the Tarrow ferry crossing for the winter.\n",
        ),
        (
            "gazette.md",
            "---\noutlet: Dunhallow Gazette\npublished: 2025-10-16\n---\nThe Dunhallow council voted on Tuesday, Oct. 14, to close the Tarrow ferry crossing for the winter.\n",
        ),
    ]);
    let draft = |text: &str| format!("---\npublished: 2025-10-17\n---\n{text}\n");
    let told = draft("The ferry captain was detained on Thursday, a day after the Tarrow crossing was closed on Wednesday.");
    assert!(flagged(&warnings(&engine, &told), "date-conflict").is_empty(), "{:#?}", warnings(&engine, &told));
    // The undated page's Wednesday agrees with the draft; the dated page's Oct. 14 does not.
    let dated = draft("The Dunhallow council voted on Wednesday to close the Tarrow ferry crossing for the winter.");
    let found = warnings(&engine, &dated);
    assert_eq!(flagged(&found, "date-conflict"), vec!["Wednesday"], "{found:#?}");
    let conflict = found.iter().find(|f| f.code == "date-conflict").unwrap();
    assert!(conflict.message.contains("Oct. 14"), "{}", conflict.message);
}

#[test]
fn an_undated_drafts_weekday_is_not_checked() {
    // Which week an undated draft's "Tuesday" means is a guess.
    let engine = engine(&[(
        "gazette.md",
        "---\noutlet: Dunhallow Gazette\npublished: 2025-10-16\n---\nThe Dunhallow council voted on Wednesday to close the Tarrow ferry crossing for the winter.\n",
    )]);
    let draft = "The Dunhallow council voted on Tuesday to close the Tarrow ferry crossing for the winter.\n";
    assert!(flagged(&warnings(&engine, draft), "date-conflict").is_empty(), "{:#?}", warnings(&engine, draft));
    // And `factline annotate` says why, rather than that no source tells it.
    let annotated = engine.annotate(std::path::Path::new("draft.md"), draft);
    assert!(annotated.contains("not checked: a weekday with no date to count from"), "{annotated}");
}

#[test]
fn two_countries_named_together_are_still_two_places() {
    // The corpus names the two neighbours together, as a story that spans a border does:
    // that makes neither a part of the other.
    let engine = engine(&[(
        "grid.md",
        "---\noutlet: Grid Weekly\npublished: 2025-06-03\n---\nThe outage cut power across Uruguay and Paraguay for most of a day.\n\nGathering complete data proved hard, in particular from the grid operators in Uruguay, the inquiry said.\n",
    )]);
    let draft = |text: &str| format!("---\npublished: 2025-06-04\n---\n{text}\n");
    let found = warnings(
        &engine,
        &draft("Gathering complete data proved hard, in particular from the grid operators in Paraguay, the inquiry said."),
    );
    assert_eq!(flagged(&found, "place-conflict"), vec!["Paraguay"], "{found:#?}");
    let right = draft("Gathering complete data proved hard, in particular from the grid operators in Uruguay, the inquiry said.");
    assert!(warnings(&engine, &right).is_empty(), "{:#?}", warnings(&engine, &right));
}

#[test]
fn a_part_of_a_whole_its_owner_names_is_still_a_part() {
    // "Three of the harbour's six berths": the owner's possessive between the part and the
    // whole does not hide that a source gives another part of the same six.
    let engine = engine(&[(
        "a.md",
        "---\noutlet: Coast Wire\npublished: 2025-02-20\n---\nThe ferry operator said the harbour is still working at reduced capacity and two out of six berths remain closed.\n",
    )]);
    let draft = |text: &str| format!("---\npublished: 2025-02-21\n---\n{text}\n");
    let found =
        warnings(&engine, &draft("Three of the harbour's six berths remain closed, and the manager gave no date for reopening them."));
    assert_eq!(flagged(&found, "count-conflict"), vec!["Three"], "{found:#?}");
    let right = draft("Two of the harbour's six berths remain closed, and the manager gave no date for reopening them.");
    assert!(warnings(&engine, &right).is_empty(), "{:#?}", warnings(&engine, &right));
}

#[test]
fn a_shortfall_is_one_gap_however_it_is_worded() {
    // "Nine short of" and "eleven fewer than" both tell how far a tally fell from what it
    // needed: one gap, compared as such (never with the tally itself).
    let engine = engine(&[(
        "a.md",
        "---\noutlet: Assembly Wire\npublished: 2025-05-06\n---\nIn the first secret ballot Ilse Varga received only 290 votes, eleven fewer than necessary, the assembly speaker announced.\n",
    )]);
    let draft = |text: &str| format!("---\npublished: 2025-05-07\n---\n{text}\n");
    let found = warnings(&engine, &draft("In the first secret ballot Ilse Varga won 290 votes, nine short of the 301 she needed."));
    assert_eq!(flagged(&found, "count-conflict"), vec!["nine"], "{found:#?}");
    let right = draft("In the first secret ballot Ilse Varga won 290 votes, 11 short of the 301 she needed.");
    assert!(warnings(&engine, &right).is_empty(), "{:#?}", warnings(&engine, &right));
}

#[test]
fn an_aside_about_a_company_written_by_its_initials_is_about_that_company() {
    // "HVL, which is headquartered in Fennick": the aside tells of HVL, and a source that
    // writes the name out, "Harrow Vale Logistics", names it too.
    let engine = engine(&[(
        "a.md",
        "---\noutlet: Freight Daily\npublished: 2025-09-30\n---\nHarrow Vale Logistics, the freight carrier headquartered in Tarrow, has agreed to be sold to a group of investors for $4 billion.\n\nShares of HVL rose 8% on the news.\n",
    )]);
    let draft = |text: &str| format!("---\npublished: 2025-10-01\n---\n{text}\n");
    let found = warnings(&engine, &draft("HVL, which is headquartered in Fennick, has agreed to be sold to a group of investors."));
    assert_eq!(flagged(&found, "place-conflict"), vec!["Fennick"], "{found:#?}");
    let right = draft("HVL, which is headquartered in Tarrow, has agreed to be sold to a group of investors.");
    assert!(warnings(&engine, &right).is_empty(), "{:#?}", warnings(&engine, &right));
}
