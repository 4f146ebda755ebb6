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

#[test]
fn a_club_named_before_a_noun_is_no_place_and_a_players_position_after_the_club_is_a_title() {
    // "fans in Harriers scarves": the club modifies the noun after it; no city is named.
    let engine = engine(&[
        (
            "game.md",
            "---\noutlet: Court Wire\npublished: 2025-06-09\n---\nThe Rovers beat the Harriers 101-95 on Sunday.\n\nSome 18,000 fans in Harriers scarves cheered the Harriers on.\n\nHarriers coach Lena Fitch said her team would recover.\n\nRovers center Obi Marand had 20 points, and Harriers center Teo Varga added 12.\n\nFellow Rovers forward Cal Dunne grabbed 11 rebounds.\n",
        ),
        ("recap.md", "---\noutlet: Hoop Daily\npublished: 2025-06-10\n---\nHarriers coach Lena Fitch praised the crowd.\n"),
    ]);
    let right =
        "---\npublished: 2025-06-10\n---\nHarriers coach Lena Fitch praised the crowd, and Rovers center Obi Marand had 20 points.\n";
    assert!(role_conflicts(&engine, right).is_empty(), "{:#?}", role_conflicts(&engine, right));
    let coach = "---\npublished: 2025-06-10\n---\nRovers coach Lena Fitch praised the crowd.\n";
    let found = role_conflicts(&engine, coach);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].message.contains("Harriers coach"), "gives her real title: {}", found[0].message);
    // A position after the club's name, in lower case, is a title; "Fellow" is no part of it.
    let center = "---\npublished: 2025-06-10\n---\nHarriers center Obi Marand had 20 points.\n";
    let found = role_conflicts(&engine, center);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].message.contains("Teo Varga"), "names the holder: {}", found[0].message);
    let forward = "---\npublished: 2025-06-10\n---\nHarriers forward Cal Dunne grabbed 11 rebounds.\n";
    let found = role_conflicts(&engine, forward);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].message.contains("calls Cal Dunne Rovers forward") || found[0].message.contains("call Cal Dunne Rovers forward"),
        "{}",
        found[0].message
    );
    // A forward may play center: no conflict between the two.
    let big = "---\npublished: 2025-06-10\n---\nRovers center Cal Dunne grabbed 11 rebounds.\n";
    assert!(role_conflicts(&engine, big).is_empty(), "{:#?}", role_conflicts(&engine, big));
}

#[test]
fn a_leader_of_a_countrys_party_is_the_partys_leader_and_its_president() {
    let engine = engine(&[(
        "vote.md",
        "---\noutlet: Capital Wire\npublished: 2025-10-04\n---\nLiberal Union President Ada Voss won the party vote in Tarrow.\n\nAda Voss, head of Norway's ruling Liberal Union, thanked her rivals.\n\nThe opposition leader, Ivo Marr, conceded on Saturday.\n\nLeader Ivo Marr said his party would regroup.\n",
    )]);
    // "Norway's" owns the party after it: the title is the Liberal Union's, which the
    // sources give Voss as its president, not Norway's.
    let draft = "---\npublished: 2025-10-22\n---\nAda Voss, leader of Norway's ruling Liberal Union, was elected premier.\n";
    assert!(role_conflicts(&engine, draft).is_empty(), "{:#?}", role_conflicts(&engine, draft));
}

#[test]
fn baseball_hockey_and_cricket_positions_are_titles_and_rival_each_other() {
    let engine = engine(&[
        (
            "game7.md",
            "---\noutlet: Diamond Wire\npublished: 2025-10-20\n---\nThe Larks led in the ninth, but closer Ivo Brandt gave up a solo homer to Pell Aster.\n\nCentre-fielder Dario Quent ran down the last fly ball, and catcher Omar Vell hugged reliever Sten Ludd.\n\nLarks goaltender Kai Rast was not involved, nor was Harbour wicketkeeper Dev Anand.\n",
        ),
        (
            "recap.md",
            "---\noutlet: Box Score Daily\npublished: 2025-10-21\n---\nCatcher Omar Vell called every pitch, and outfielder Dario Quent made the catch.\n",
        ),
    ]);
    let right = "---\npublished: 2025-10-21\n---\nPitcher Ivo Brandt blew the save, and outfielder Dario Quent caught the final out from starter Sten Ludd.\n";
    assert!(role_conflicts(&engine, right).is_empty(), "{:#?}", role_conflicts(&engine, right));
    for (draft, real) in [
        ("---\npublished: 2025-10-21\n---\nCatcher Dario Quent caught the final out.\n", "outfielder"),
        ("---\npublished: 2025-10-21\n---\nCloser Omar Vell called every pitch.\n", "catcher"),
        ("---\npublished: 2025-10-21\n---\nLarks defenseman Kai Rast watched.\n", "goaltender"),
        ("---\npublished: 2025-10-21\n---\nHarbour bowler Dev Anand watched.\n", "wicketkeeper"),
    ] {
        let found = role_conflicts(&engine, draft);
        assert_eq!(found.len(), 1, "{draft}: {found:#?}");
        assert!(found[0].message.contains(real), "gives the real position: {}", found[0].message);
    }
}

#[test]
fn a_second_title_joined_by_and_a_rank_a_party_and_a_head_of_state_are_each_checked() {
    let engine = engine(&[
        (
            "cabinet.md",
            "---\noutlet: Capital Wire\npublished: 2025-05-13\n---\nThe ministry was sworn in, with Deputy Prime Minister and Defence Minister, Rhys Calder, and Foreign Minister, Nina Holt, keeping their posts.\n\nShadow attorney-general Tess Moran said the opposition would regroup.\n\nMoran's colleague, finance spokeswoman Ula Brandt, agreed.\n",
        ),
        (
            "race.md",
            "---\noutlet: Valley Times\npublished: 2025-04-29\n---\nThe Greens and the Tories split the vote.\n\nTory candidate Ivo Sarr lost to the Liberal candidate.\n\nGreen candidate Ada Pike came third.\n",
        ),
        (
            "suit.md",
            "---\noutlet: Court Desk\npublished: 2025-08-01\n---\nThe suit names Sgt. Piet Olander and Lt. Mara Quist of the state police.\n",
        ),
        (
            "summit.md",
            "---\noutlet: Euro Wire\npublished: 2025-05-07\n---\nFrench President Luc Farrand welcomed the chancellor in Paris.\n",
        ),
    ]);
    let right = "---\npublished: 2025-05-14\n---\nDeputy Prime Minister Rhys Calder and Foreign Minister Nina Holt kept their posts. Tory candidate Ivo Sarr lost. Sgt. Piet Olander was named. French President Luc Farrand spoke.\n";
    assert!(role_conflicts(&engine, right).is_empty(), "{:#?}", role_conflicts(&engine, right));
    for (draft, expected) in [
        ("Deputy Prime Minister Nina Holt kept her post.", "Rhys Calder"),
        ("Shadow attorney-general Ula Brandt agreed.", "Tess Moran"),
        ("Green candidate Ivo Sarr lost.", "Tory candidate"),
        ("Lt. Piet Olander was named.", "Mara Quist"),
        ("French Prime Minister Luc Farrand spoke.", "French President"),
    ] {
        let found = role_conflicts(&engine, &format!("---\npublished: 2025-05-14\n---\n{draft}\n"));
        assert_eq!(found.len(), 1, "{draft}: {found:#?}");
        assert!(found[0].message.contains(expected), "{draft}: {}", found[0].message);
    }
}

#[test]
fn titles_set_off_with_their_qualifiers_are_read_and_initials_stand_for_their_words() {
    let engine = engine(&[
        (
            "quake.md",
            "---\noutlet: Relief Wire\npublished: 2025-04-02\n---\nUnited Nations aid chief Tam Fenner visited the camps.\n\nThe UN special rapporteur on Veldra, Tove Ask, condemned the strikes.\n",
        ),
        (
            "clinic.md",
            "---\noutlet: Valley Health\npublished: 2025-02-20\n---\nDr. Ron Kemp, a family physician and the chief health officer at Orsel University, said one in five patients needed care.\n\nLena Voss, the director of Orsel Public Health, said the count would rise.\n",
        ),
    ]);
    let right = "---\npublished: 2025-04-03\n---\nUN aid chief Tam Fenner visited the camps. Ron Kemp, the chief health officer at Orsel University, spoke.\n";
    assert!(role_conflicts(&engine, right).is_empty(), "{:#?}", role_conflicts(&engine, right));
    for (draft, expected) in [
        ("UN aid chief Tove Ask visited the camps.", "Tam Fenner"),
        ("Lena Voss, the chief health officer at Orsel University, spoke.", "Ron Kemp"),
    ] {
        let found = role_conflicts(&engine, &format!("---\npublished: 2025-04-03\n---\n{draft}\n"));
        assert_eq!(found.len(), 1, "{draft}: {found:#?}");
        assert!(found[0].message.contains(expected), "{draft}: {}", found[0].message);
    }
}

#[test]
fn an_office_the_sources_give_someone_else_is_not_the_bare_title_s() {
    let engine = engine(&[(
        "wire.md",
        "---\noutlet: Norwire\npublished: 2025-05-06\n---\nAfter the vote, Senate President Ilse Varga suspended the sitting.\n\nThe new chancellor was appointed by President Aurel Brenn at his residence.\n",
    )]);
    // "President" alone is Brenn's office as the sources give it; "Senate President", an
    // office one person holds at a time, is Varga's.
    let wrong = "---\npublished: 2025-05-07\n---\nSenate President Aurel Brenn suspended the sitting after the vote.\n";
    let found = role_conflicts(&engine, wrong);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].message.contains("Ilse Varga"), "names the holder: {}", found[0].message);
    let right = "---\npublished: 2025-05-07\n---\nSenate President Ilse Varga suspended the sitting, and President Aurel Brenn appointed the chancellor.\n";
    assert!(role_conflicts(&engine, right).is_empty(), "{:#?}", role_conflicts(&engine, right));
}

#[test]
fn an_office_the_sources_give_someone_else_is_not_an_untitled_person_s() {
    let engine = engine(&[(
        "deal.md",
        "---\noutlet: Trade Wire\npublished: 2025-06-02\n---\nHalvard Cloud CEO Tomas Berg led the talks with the seller.\n\nMira Lund said the purchase would close next year.\n",
    )]);
    // The sources give Lund no title, and the office, one person's at a time, to Berg.
    let wrong = "---\npublished: 2025-06-04\n---\nHalvard Cloud CEO Mira Lund said the purchase would close next year.\n";
    let found = role_conflicts(&engine, wrong);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].message.contains("No source calls Mira Lund Halvard Cloud CEO"), "{}", found[0].message);
    assert!(found[0].message.contains("Tomas Berg"), "names the holder: {}", found[0].message);
    let right = "---\npublished: 2025-06-04\n---\nHalvard Cloud CEO Tomas Berg and Mira Lund both spoke.\n";
    assert!(role_conflicts(&engine, right).is_empty(), "{:#?}", role_conflicts(&engine, right));
}

#[test]
fn a_places_own_officer_is_one_person_whatever_the_role_family() {
    // A special prosecutor is a prosecutor, but not the county's district attorney when the
    // sources name another; an assistant district attorney shares the office's name.
    let engine = engine(&[
        (
            "trial.md",
            "---\noutlet: Court Desk\npublished: 2025-06-18\n---\nSpecial prosecutor Ansel Moray told the jury the evidence was clear.\n\nFennick County District Attorney Ruth Calder said her office would not comment.\n",
        ),
        (
            "after.md",
            "---\noutlet: Valley Post\npublished: 2025-06-19\n---\nThe prosecutor, Ansel Moray, left the courthouse without a word.\n",
        ),
    ]);
    let wrong = "---\npublished: 2025-06-20\n---\nFennick County District Attorney Ansel Moray left court without commenting.\n";
    let found = role_conflicts(&engine, wrong);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].message.contains("Ruth Calder"), "names the holder: {}", found[0].message);
    let right =
        "---\npublished: 2025-06-20\n---\nSpecial prosecutor Ansel Moray and Fennick County District Attorney Ruth Calder left court.\n";
    assert!(role_conflicts(&engine, right).is_empty(), "{:#?}", role_conflicts(&engine, right));
}

#[test]
fn a_county_fire_chief_is_not_the_city_fire_departments() {
    // "Harlow County Fire Chief" is read as the chief under "harlow county fire": the office
    // is still the county's one fire chief, not the city department's chief, whom the
    // sources also call plain "Chief".
    let engine = engine(&[
        (
            "fire.md",
            "---\noutlet: Valley Wire\npublished: 2025-01-08\n---\nHarlow Fire Department Chief Nora Vale said crews were stretched thin.\n\nHarlow County Fire Chief Emil Strand said the blaze had crossed the ridge.\n",
        ),
        (
            "later.md",
            "---\noutlet: Coast Post\npublished: 2025-01-09\n---\nChief Nora Vale asked residents to leave at once.\n\nFire Chief Nora Vale thanked the crews.\n",
        ),
    ]);
    let wrong =
        "---\npublished: 2025-01-10\n---\nHarlow County Fire Chief Nora Vale told an evening news conference that everyone had to leave.\n";
    let found = role_conflicts(&engine, wrong);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].message.contains("Emil Strand"), "names the holder: {}", found[0].message);
    let right = "---\npublished: 2025-01-10\n---\nHarlow County Fire Chief Emil Strand and Chief Nora Vale told an evening news conference that everyone had to leave.\n";
    assert!(role_conflicts(&engine, right).is_empty(), "{:#?}", role_conflicts(&engine, right));
}

#[test]
fn a_region_named_by_its_compass_point_is_no_person() {
    // "West Texas" is written like a full name, and the state's name stands alone in the
    // same article: the shape of a person named, then referred to by surname.
    let engine = engine(&[(
        "a.md",
        "---\noutlet: Plains Wire\npublished: 2025-03-02\n---\nThe outbreak spread across West Texas, health officials said.\n\nTexas now counts 198 cases, said Dana Reyes, the state epidemiologist.\n\nWest Texas hospitals asked for nurses.\n",
    )]);
    let people = &engine.facts().people;
    assert!(people.by_reference("Dana Reyes", &[]).is_some(), "the epidemiologist is a person");
    assert!(people.by_reference("West Texas", &[]).is_none(), "a part of a state is no person");
}

#[test]
fn a_company_or_a_title_written_like_a_name_is_no_person() {
    // "Harrow Steel Corp." says something, and so does "Comets GM": neither is a person,
    // however the sentence reads.
    let engine = engine(&[(
        "a.md",
        "---\noutlet: Trade Wire\npublished: 2025-06-02\n---\nTokyo, June 2 (Norpress)--Harrow Steel Corp. said Monday that it will buy Vell Iron Corp. for $14 billion.\n\nThe board of Vell Iron Corp. approved Harrow Steel Corp.'s offer, Vell Iron said.\n\nComets GM tells reporters how the team was built, and Comets GM Bill Zorn said the deal was done.\n\nIlse Marrow, 58, the chief executive, said the board agreed.\n",
    )]);
    let people = &engine.facts().people;
    assert!(people.by_reference("Ilse Marrow", &[]).is_some(), "the chief executive is a person");
    assert!(people.by_reference("Harrow Steel Corp.", &[]).is_none(), "a company is no person");
    assert!(people.by_reference("Comets GM", &[]).is_none(), "a title is no person");
}

#[test]
fn a_country_written_before_a_name_is_the_titles_not_the_persons() {
    // "the aid agency's representative for Norway Ivo Sarkis told reporters": Norway
    // ends the title; the person is Ivo Sarkis, as the next sentence names him.
    let engine = engine(&[(
        "a.md",
        "---\noutlet: Norwire\npublished: 2025-04-02\n---\nDamage in the north is widespread, the aid agency's representative for Norway Ivo Sarkis told reporters on Tuesday.\n\nSarkis said the agency would send more tents.\n",
    )]);
    let people = &engine.facts().people;
    assert!(people.by_reference("Ivo Sarkis", &[]).is_some(), "the representative is a person");
    assert!(people.by_spelling("Norway Ivo Sarkis").is_none(), "the country is no part of his name");
}

#[test]
fn a_name_written_as_a_hashtag_or_in_a_link_is_still_a_name() {
    // Real pages carry "#vell" and links whose path spells the name in lower case: neither is
    // the corpus writing "vell" as a common word, which no person's name may end in.
    let engine = engine(&[(
        "a.md",
        "---\noutlet: Norwire\npublished: 2025-04-02\n---\nAda Vell said the harbour plan would go ahead.\n\nFollow the story at #vell or https://norwire.example/news/vell\n",
    )]);
    let people = &engine.facts().people;
    assert!(people.by_reference("Ada Vell", &[]).is_some(), "the speaker is a person");
    assert!(!engine.facts().common_words.contains("vell"), "a hashtag is no common word");
}

#[test]
fn a_role_many_hold_at_once_is_no_conflict_when_others_hold_it() {
    // The sources call Varn his party's leader and the others candidates; a party leader
    // who runs is a candidate too.
    let engine = engine(&[
        (
            "a.md",
            "---\noutlet: Norwire\npublished: 2025-05-05\n---\nUnity Party leader Dorin Varn won the first round on Sunday with 40.9% of the vote.\n\nIndependent candidate Ilie Marin came second, ahead of the coalition's candidate, Petru Sava.\n",
        ),
        ("b.md", "---\noutlet: Danube Post\npublished: 2025-05-06\n---\nIndependent candidate Ilie Marin said he would win the run-off.\n"),
    ]);
    let draft = "---\npublished: 2025-05-06\n---\nThe right-wing candidate Dorin Varn topped the first round.\n";
    assert!(role_conflicts(&engine, draft).is_empty(), "{:#?}", role_conflicts(&engine, draft));
    // The party's one leader is still checked: Marin is a candidate, Varn the leader.
    let draft = "---\npublished: 2025-05-06\n---\nUnity Party leader Ilie Marin came second.\n";
    assert_eq!(role_conflicts(&engine, draft).len(), 1, "{:#?}", role_conflicts(&engine, draft));
}

#[test]
fn the_same_office_for_another_portfolio_is_another_office() {
    // The sources make Davor Ilic the interior ministry's spokesman and Nadia Roy a deputy
    // prime minister who is also defence minister; nobody else is named to either post.
    let engine = engine(&[(
        "wire.md",
        "---\noutlet: Norwire\npublished: 2025-09-02\n---\nInterior ministry spokesman Davor Ilic said 610 people had died.\n\nDeputy Prime Minister Nadia Roy visited the site on Tuesday.\n",
    )]);
    let wrong = "---\npublished: 2025-09-03\n---\nHealth ministry spokesman Davor Ilic said 610 people had died.\n";
    let found = role_conflicts(&engine, wrong);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].message.contains("nterior"), "gives the sources' title: {}", found[0].message);
    // A deputy prime minister may hold a portfolio too; the same post said otherwise fits.
    let right = "---\npublished: 2025-09-03\n---\nDefence Minister Nadia Roy visited the site, and Interior Ministry spokesman Davor Ilic gave the toll.\n";
    assert!(role_conflicts(&engine, right).is_empty(), "{:#?}", role_conflicts(&engine, right));
}

#[test]
fn the_same_office_of_another_county_is_another_office() {
    let engine = engine(&[
        (
            "wire.md",
            "---\noutlet: Norwire\npublished: 2025-09-18\n---\nCarrow County Sheriff Dana Holt said the suspect's parents drove him to the station.\n\nHolt said the surrender took two hours to arrange with the county sheriff's office.\n",
        ),
        (
            "post.md",
            "---\noutlet: Valley Post\npublished: 2025-09-18\n---\nThe suspect was later moved to a jail in Fennick County, officials said.\n",
        ),
    ]);
    let wrong = "---\npublished: 2025-09-19\n---\nFennick County Sheriff Dana Holt described the surrender.\n";
    let found = role_conflicts(&engine, wrong);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].message.contains("Carrow County"), "{}", found[0].message);
    let right = "---\npublished: 2025-09-19\n---\nCarrow County Sheriff Dana Holt described the surrender.\n";
    assert!(role_conflicts(&engine, right).is_empty(), "{:#?}", role_conflicts(&engine, right));
}

#[test]
fn a_party_named_with_a_digit_is_told_apart_and_a_co_chief_executive_is_no_finance_chief() {
    let engine = engine(&[
        (
            "talks.md",
            "---\noutlet: Delta Post\npublished: 2025-11-02\n---\nBoth V55 and the Free Union won 30 seats, and the Farmers Party 12.\n\nFree Union negotiator Pim Oosterlaan said talks would resume on Monday.\n\nOrtel co-CEO Lars Nyhof and chief financial officer Ines Marr signed the papers.\n",
        ),
        ("follow.md", "---\noutlet: Polder News\npublished: 2025-11-03\n---\nFree Union negotiator Pim Oosterlaan met the king's envoy.\n"),
    ]);
    let other_party = "---\npublished: 2025-11-04\n---\nV55 negotiator Pim Oosterlaan said talks would resume.\n";
    let found = role_conflicts(&engine, other_party);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].message.contains("Free Union negotiator"), "gives his real title: {}", found[0].message);
    let other_office = "---\npublished: 2025-11-04\n---\nOrtel chief financial officer Lars Nyhof signed the papers.\n";
    let found = role_conflicts(&engine, other_office);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].message.contains("co-CEO"), "gives his real title: {}", found[0].message);
    // His own office under its longer name is no conflict.
    assert!(role_conflicts(&engine, "---\npublished: 2025-11-04\n---\nOrtel co-chief executive Lars Nyhof signed.\n").is_empty());
}

#[test]
fn a_person_who_heads_one_body_is_not_named_head_of_another() {
    let engine = engine(&[
        (
            "hunt.md",
            "---\noutlet: Capital Wire\npublished: 2025-09-12\n---\nKVB Director Ines Varga presented the agency's budget.\n\nHarlow Health Director Pia Sorel opened the new clinic.\n\nOrsel Museum director Jan Aalto unveiled the new wing.\n\nPresident Tomas Rink, elected in March, named his cabinet.\n\nReform Party chair Ada Quist, the Finance Minister, spoke next.\n",
        ),
        (
            "follow.md",
            "---\noutlet: Evening Post\npublished: 2025-09-13\n---\nKVB Director Ines Varga defended the budget before the committee.\n\nThe Reform Party (RP) won 40 seats.\n",
        ),
    ]);
    // Another body's head office: a conflict that gives her own title.
    let found = role_conflicts(&engine, "---\npublished: 2025-09-14\n---\nAttorney General Ines Varga defended the budget.\n");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].message.contains("KVB Director"), "gives her real title: {}", found[0].message);
    // A government's portfolio for a city's officer.
    let found = role_conflicts(&engine, "---\npublished: 2025-09-14\n---\nHealth Secretary Pia Sorel opened the clinic.\n");
    assert_eq!(found.len(), 1, "{found:#?}");
    // Not: the head of the same body under another name, the office a president held before
    // election, nor a party's office beside a minister's.
    for draft in [
        "---\npublished: 2025-09-14\n---\nOrsel Museum President Jan Aalto unveiled the new wing.\n",
        "---\npublished: 2025-09-14\n---\nTomas Rink, a centrist mayor, named his cabinet.\n",
        "---\npublished: 2025-09-14\n---\nRP chair Ada Quist spoke next.\n",
    ] {
        assert!(role_conflicts(&engine, draft).is_empty(), "{draft}: {:#?}", role_conflicts(&engine, draft));
    }
}

#[test]
fn a_title_told_by_a_verb_after_the_name_is_learned_and_checked() {
    // The sources tell the titles after the names, by a verb; the draft tells one after the
    // name too, and one before it.
    let engine = engine(&[
        (
            "board.md",
            "---\noutlet: Harbour Ledger\npublished: 2025-05-02\n---\nOren Tavel was named chief executive of Larkmoor Freight on Thursday.\n\nLarkmoor Freight chairman Ilse Marrow said the board was united.\n",
        ),
        (
            "ports.md",
            "---\noutlet: Coast Daily\npublished: 2025-05-03\n---\nIlse Marrow, who is the chair of Larkmoor Freight, thanked the staff.\n\nOren Tavel is the chief executive of Larkmoor Freight, the carrier said.\n",
        ),
    ]);
    let right = "---\npublished: 2025-05-04\n---\nOren Tavel was appointed chief executive of Larkmoor Freight. Larkmoor Freight chair Ilse Marrow agreed.\n";
    assert!(role_conflicts(&engine, right).is_empty(), "{:#?}", role_conflicts(&engine, right));
    // Learned from "was named" and "is the": the chair is not the chief executive.
    let before = "---\npublished: 2025-05-04\n---\nLarkmoor Freight chairman Oren Tavel spoke first.\n";
    let found = role_conflicts(&engine, before);
    assert_eq!(found.len(), 1, "{found:#?}");
    // Told by a verb in the draft: checked as a title written before the name is.
    let after = "---\npublished: 2025-05-04\n---\nIlse Marrow was appointed chief executive of Larkmoor Freight last year.\n";
    let found = role_conflicts(&engine, after);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].message.contains("Oren Tavel") || found[0].message.contains("chair"), "{}", found[0].message);
    // A title held no more is no claim about now.
    let former = "---\npublished: 2025-05-04\n---\nIlse Marrow stepped down as chief executive of Larkmoor Freight in 2019.\n";
    assert!(role_conflicts(&engine, former).is_empty(), "{:#?}", role_conflicts(&engine, former));
}

#[test]
fn a_title_newly_given_is_no_other_holders() {
    // The sources name the chancellor before the vote; the draft tells of the vote.
    let engine = engine(&[(
        "vote.md",
        "---\noutlet: Capital Post\npublished: 2025-03-01\n---\nVelmoran chancellor Aldo Renz conceded on Sunday.\n\nOpposition leader Petra Voll said the talks would start at once.\n\nPetra Voll, the opposition leader, thanked her voters.\n",
    )]);
    let elected = "---\npublished: 2025-04-02\n---\nPetra Voll was elected Velmoran chancellor on Tuesday.\n";
    assert!(role_conflicts(&engine, elected).is_empty(), "{:#?}", role_conflicts(&engine, elected));
    // Told as held, the office is still the other holder's.
    let held = "---\npublished: 2025-03-02\n---\nVelmoran chancellor Petra Voll spoke on Monday.\n";
    let found = role_conflicts(&engine, held);
    assert_eq!(found.len(), 1, "{found:#?}");
}

#[test]
fn a_former_office_the_sources_say_is_held_now() {
    let told_now = engine(&[
        ("summit.md", "---\noutlet: Capital Post\npublished: 2025-06-10\n---\nVelmoran President Ada Vell opened the summit on Monday.\n"),
        ("talks.md", "---\noutlet: Harbour Ledger\npublished: 2025-06-12\n---\nPresident Ada Vell met the delegates again on Wednesday.\n"),
    ]);
    let wrong = "---\npublished: 2025-06-12\n---\nFormer President Ada Vell met the delegates.\n";
    let found = role_conflicts(&told_now, wrong);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].message.contains("President"), "{}", found[0].message);
    // Written after every source: she may have left office since.
    let later = "---\npublished: 2025-09-01\n---\nFormer President Ada Vell met the delegates.\n";
    assert!(role_conflicts(&told_now, later).is_empty(), "{:#?}", role_conflicts(&told_now, later));
    // "then-President" tells of another time, not of a departure.
    let then = "---\npublished: 2025-06-12\n---\nThen-President Ada Vell met the delegates.\n";
    assert!(role_conflicts(&told_now, then).is_empty(), "{:#?}", role_conflicts(&told_now, then));
    // A source that calls her former president settles it.
    let engine = engine(&[
        ("summit.md", "---\noutlet: Capital Post\npublished: 2025-06-10\n---\nVelmoran President Ada Vell opened the summit on Monday.\n"),
        ("talks.md", "---\noutlet: Harbour Ledger\npublished: 2025-06-12\n---\nPresident Ada Vell met the delegates again on Wednesday.\n"),
        ("later.md", "---\noutlet: Coast Daily\npublished: 2025-06-12\n---\nFormer President Ada Vell stepped down in May, aides said.\n"),
    ]);
    assert!(role_conflicts(&engine, wrong).is_empty(), "{:#?}", role_conflicts(&engine, wrong));
}

#[test]
fn a_governments_leader_is_not_its_president_nor_a_portfolio_minister() {
    let engine = engine(&[
        (
            "summit.md",
            "---\noutlet: Capital Post\npublished: 2025-07-10\n---\nPrime Minister Ada Vell welcomed the players at the airport on Monday.\n\nVell, the prime minister, called the win historic.\n",
        ),
        (
            "league.md",
            "---\noutlet: Harbour Ledger\npublished: 2025-07-11\n---\nORSA president Ivo Marr handed over the trophy.\n\nThe ORSA president, Ivo Marr, praised both teams.\n",
        ),
    ]);
    let draft = |line: &str| format!("---\npublished: 2025-07-12\n---\n{line}\n");
    for wrong in ["President Ada Vell congratulated the team.", "Energy Minister Ada Vell congratulated the team."] {
        let found = role_conflicts(&engine, &draft(wrong));
        assert_eq!(found.len(), 1, "{wrong}: {found:#?}");
        assert!(found[0].message.contains("Prime Minister"), "{}", found[0].message);
    }
    // A party's president is another office, held beside the government's.
    let party = draft("Harbour Party President Ada Vell congratulated the team.");
    assert!(role_conflicts(&engine, &party).is_empty(), "{:#?}", role_conflicts(&engine, &party));
    // Another organisation's initials under the same office.
    let found = role_conflicts(&engine, &draft("VFA president Ivo Marr handed over the trophy."));
    assert_eq!(found.len(), 1, "{found:#?}");
    let right = draft("ORSA president Ivo Marr handed over the trophy.");
    assert!(role_conflicts(&engine, &right).is_empty(), "{:#?}", role_conflicts(&engine, &right));
    // A province's leader, its name abbreviated.
    let engine = common::engine_from_texts(&[(
        "province.md",
        "---\noutlet: Coast Daily\npublished: 2025-07-10\n---\nN.S. Premier Tomas Berg welcomed the ruling.\n\nN.S. Premier Tomas Berg said the mine would reopen.\n",
    )]);
    let found = role_conflicts(&engine, &draft("N.S. Energy Minister Tomas Berg welcomed the ruling."));
    assert_eq!(found.len(), 1, "{found:#?}");
}

#[test]
fn a_player_known_by_one_name_is_a_person_with_a_role() {
    // The sources write the midfielder by one name only, after his title: he is a person,
    // and the draft's other club for him is a role conflict; a misspelling is a near miss.
    let engine = engine(&[
        (
            "match.md",
            "---\noutlet: Harbour Ledger\npublished: 2025-05-31\n---\nThe Rovers beat the Harriers 3-1 in the cup final at Dunmore Park on Saturday.\n\nRovers midfielder Vitorello ran the game and set up the second goal.\n",
        ),
        (
            "report.md",
            "---\noutlet: Coast Daily\npublished: 2025-06-01\n---\nHarriers coach Ilse Marrow said her side had no answer to Rovers midfielder Vitorello.\n",
        ),
    ]);
    let draft = |text: &str| format!("---\npublished: 2025-06-02\n---\n{text}\n");
    let found = role_conflicts(&engine, &draft("Harriers midfielder Vitorello ran the game."));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].message.contains("Rovers"), "{}", found[0].message);
    assert!(role_conflicts(&engine, &draft("Rovers midfielder Vitorello ran the game.")).is_empty());
    let misspelt = engine.check(std::path::Path::new("draft.md"), &draft("Rovers midfielder Vitorelo ran the game."));
    assert!(misspelt.findings.iter().any(|f| f.code.starts_with("name") && f.text == "Vitorelo"), "{:#?}", misspelt.findings);
}
