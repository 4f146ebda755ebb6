//! Titles given to the wrong person, in any domain: an office one person holds at a time
//! under a qualifier the sources give someone else, and the same role under another name.
//! The corpora are invented for the test.

use factline::{Engine, Finding, Severity};

mod common;

use common::engine_from_texts as engine;

fn role_conflicts(engine: &Engine, draft: &str) -> Vec<Finding> {
    engine
        .check(std::path::Path::new("draft.md"), draft)
        .findings
        .into_iter()
        .filter(|f| f.severity >= Severity::Warning && f.code == "role-conflict")
        .collect()
}

const COMPANY: &[(&str, &str)] = &[
    (
        "deal.md",
        "---\noutlet: Trade Wire\npublished: 2025-06-02\n---\nHalvard CEO Mira Lund said the purchase would close next year.\n\nHalvard Cloud CEO Tomas Berg led the talks with the seller.\n",
    ),
    ("follow.md", "---\noutlet: Market Post\npublished: 2025-06-03\n---\nHalvard Cloud CEO Tomas Berg called the deal a turning point.\n"),
];

#[test]
fn a_company_officer_under_a_narrower_or_broader_name_is_another_office() {
    let engine = engine(COMPANY);
    let right = "---\npublished: 2025-06-04\n---\nHalvard CEO Mira Lund and Halvard Cloud CEO Tomas Berg both spoke.\n";
    assert!(role_conflicts(&engine, right).is_empty(), "{:#?}", role_conflicts(&engine, right));
    let narrower = "---\npublished: 2025-06-04\n---\nHalvard Cloud CEO Mira Lund spoke first.\n";
    let found = role_conflicts(&engine, narrower);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].message.contains("Tomas Berg"), "names the holder: {}", found[0].message);
    let broader = "---\npublished: 2025-06-04\n---\nHalvard CEO Tomas Berg spoke first.\n";
    let found = role_conflicts(&engine, broader);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].message.contains("Mira Lund"), "names the holder: {}", found[0].message);
}

#[test]
fn a_title_several_hold_in_one_organisation_is_no_single_office() {
    // A party has a leader in each house: "Democratic leader" fits both.
    let engine = engine(&[(
        "hill.md",
        "---\noutlet: Hill Desk\npublished: 2025-07-01\n---\nHouse Democratic leader Nora Pell rejected the bill.\n\nDemocratic leader Chuck Avery said the Senate would vote again.\n",
    )]);
    let draft = "---\npublished: 2025-07-02\n---\nDemocratic leader Nora Pell rejected the bill.\n";
    assert!(role_conflicts(&engine, draft).is_empty(), "{:#?}", role_conflicts(&engine, draft));
}

#[test]
fn a_cosmonaut_is_no_other_agencys_astronaut() {
    let engine = engine(&[(
        "landing.md",
        "---\noutlet: Orbit News\npublished: 2025-03-19\n---\nNASA astronaut Jo Marsh and Roscosmos cosmonaut Ivan Petrov landed safely.\n\nNASA astronaut Jo Marsh waved from the capsule.\n",
    )]);
    let wrong = "---\npublished: 2025-03-20\n---\nNASA astronaut Ivan Petrov waved first.\n";
    let found = role_conflicts(&engine, wrong);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].message.contains("cosmonaut"), "{}", found[0].message);
    let right = "---\npublished: 2025-03-20\n---\nRoscosmos cosmonaut Ivan Petrov waved first.\n";
    assert!(role_conflicts(&engine, right).is_empty(), "{:#?}", role_conflicts(&engine, right));
}

#[test]
fn a_title_given_short_is_the_one_given_in_full_not_another_houses() {
    // "Minority Leader Ada Voss" and "Senate Minority Leader Ada Voss" are one office: it
    // is not the House's, whose holder the sources name.
    let engine = engine(&[(
        "hill.md",
        "---\noutlet: Hill Desk\npublished: 2025-07-03\n---\nMinority Leader Ada Voss asked for the bill to be read aloud.\n\nSenate Minority Leader Ada Voss said the speech broke a record.\n\nHouse Minority Leader Ben Ortt spoke for nine hours.\n",
    )]);
    let wrong = "---\npublished: 2025-07-04\n---\nHouse Minority Leader Ada Voss said the fight would go on.\n";
    let found = role_conflicts(&engine, wrong);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].message.contains("Ben Ortt"), "names the holder: {}", found[0].message);
    for right in ["Minority Leader Ada Voss said the fight would go on.", "Senate Minority Leader Ada Voss said the fight would go on."] {
        let draft = format!("---\npublished: 2025-07-04\n---\n{right}\n");
        assert!(role_conflicts(&engine, &draft).is_empty(), "{:#?}", role_conflicts(&engine, &draft));
    }
}

#[test]
fn the_office_below_is_not_the_office() {
    let engine = engine(&[
        (
            "state.md",
            "---\noutlet: Capitol Wire\npublished: 2025-07-08\n---\nGov. Ana Reyes declared a disaster in Marrow County.\n\nLt. Gov. Tom Bell said rescue teams were on the river.\n\nVice President Carla Diaz promised federal help, and President Omar Hale will visit on Friday.\n",
        ),
        (
            "follow.md",
            "---\noutlet: River Post\npublished: 2025-07-09\n---\nGov. Ana Reyes toured the river towns with Lt. Gov. Tom Bell.\n",
        ),
    ]);
    let right = "---\npublished: 2025-07-10\n---\nGov. Ana Reyes, Lt. Gov. Tom Bell and Vice President Carla Diaz met in Marrow County.\n";
    assert!(role_conflicts(&engine, right).is_empty(), "{:#?}", role_conflicts(&engine, right));
    let found = role_conflicts(&engine, "---\npublished: 2025-07-10\n---\nLt. Gov. Ana Reyes met families in Marrow County.\n");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].message.contains("Tom Bell"), "names the holder: {}", found[0].message);
    let found = role_conflicts(&engine, "---\npublished: 2025-07-10\n---\nPresident Carla Diaz promised federal help.\n");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].message.contains("Omar Hale"), "names the holder: {}", found[0].message);
}

#[test]
fn a_nationality_inside_a_longer_qualifier_still_qualifies() {
    let engine = engine(&[(
        "verdict.md",
        "---\noutlet: Court Wire\npublished: 2025-07-02\n---\nJay Tam, interim U.S. Attorney for the Southern District of Varn, praised the jurors.\n\nRick Oda, special agent in charge of the Varn field office, signed the statement too.\n\nAssistant U.S. Attorney Lena Cho led the questioning.\n",
    )]);
    // "U.S." and "United States" are one qualifier, inside a longer one or not: the holder
    // named is the interim U.S. Attorney, not the assistant.
    let found = role_conflicts(&engine, "---\npublished: 2025-07-03\n---\nInterim U.S. Attorney Rick Oda praised the jurors.\n");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].message.contains("Jay Tam") && !found[0].message.contains("Lena Cho"), "{}", found[0].message);
}

#[test]
fn two_titles_joined_are_both_held_and_a_building_is_no_person() {
    let engine = engine(&[
        (
            "a.md",
            "---\noutlet: Norwire\npublished: 2025-02-18\n---\nNo one died, said Mara Lind, president and chief executive of the Velmar airport authority, at a news conference.\n\nThe CEO of Velmar Harbour Airport praised the crew.\n\nHalvard Air CEO Tomas Berg said the airline would help passengers.\n",
        ),
        (
            "b.md",
            "---\noutlet: Velmar Post\npublished: 2025-02-18\n---\nMara Lind, president of the airport authority, thanked the firefighters.\n",
        ),
    ]);
    let draft = "---\npublished: 2025-02-19\n---\nAirport chief executive Mara Lind said no one died.\n\nCEO Mara Lind thanked the crew.\n";
    assert!(role_conflicts(&engine, draft).is_empty(), "{:#?}", role_conflicts(&engine, draft));
}

const MUSEUM: &[(&str, &str)] = &[
    (
        "theft.md",
        "---\noutlet: Arts Wire\npublished: 2025-03-04\n---\nThe theft has left Orsel Museum director Anne-Marie du Pont under pressure.\n\nThe offer to resign was rejected by President Karel Voss, who wants her to stay.\n\nCulture Minister Lise Hartog said security would be reviewed.\n",
    ),
    (
        "follow.md",
        "---\noutlet: Gallery Post\npublished: 2025-03-05\n---\nOrsel Museum director Anne-Marie du Pont told senators the cameras were old.\n\nCulture Minister Lise Hartog visited the museum on Tuesday.\n",
    ),
];

#[test]
fn another_head_title_at_the_persons_own_institution_is_no_conflict() {
    let engine = engine(MUSEUM);
    // The museum's director called its president: the two may be one post, and the bare
    // "President" the sources give Voss is another institution's.
    let other_name = "---\npublished: 2025-03-06\n---\nOrsel Museum President Anne-Marie du Pont came under fire after the theft.\n";
    assert!(role_conflicts(&engine, other_name).is_empty(), "{:#?}", role_conflicts(&engine, other_name));
    // A minister's office held by someone else is still a conflict.
    let minister = "---\npublished: 2025-03-06\n---\nCulture Minister Anne-Marie du Pont came under fire after the theft.\n";
    let found = role_conflicts(&engine, minister);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].message.contains("Lise Hartog"), "names the holder: {}", found[0].message);
}

const LEAGUE: &[(&str, &str)] = &[
    (
        "final.md",
        "---\noutlet: Sport Wire\npublished: 2025-06-02\n---\nThe Rovers beat the Harriers 3-1 in the league final at Kell Park in Dunmore.\n\nRovers coach Ada Brennick said the title belonged to the fans.\n\nThe Harriers had led until the second half.\n",
    ),
    (
        "parade.md",
        "---\noutlet: Daily Post\npublished: 2025-06-03\n---\nRovers coach Ada Brennick lifted the trophy at the parade in Dunmore.\n\nRookie striker Tam Oduya scored twice for the Rovers.\n",
    ),
];

#[test]
fn the_same_office_at_another_organisation_is_a_conflict() {
    let engine = engine(LEAGUE);
    // The Harriers are the Rovers' opponents, named apart in the sources.
    let other_club = "---\npublished: 2025-06-04\n---\nHarriers coach Ada Brennick said the title belonged to the fans.\n";
    let found = role_conflicts(&engine, other_club);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].message.contains("Rovers coach"), "gives her real title: {}", found[0].message);
    // A description of the post ("Veteran coach"), or the city the club plays in, is no
    // other organisation.
    for draft in [
        "---\npublished: 2025-06-04\n---\nVeteran coach Ada Brennick said the title belonged to the fans.\n",
        "---\npublished: 2025-06-04\n---\nDunmore coach Ada Brennick said the title belonged to the fans.\n",
    ] {
        assert!(role_conflicts(&engine, draft).is_empty(), "{:#?}", role_conflicts(&engine, draft));
    }
}
