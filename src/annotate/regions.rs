//! Places written with the region they lie in: "Carrow, Iowa", "Fennick, Ill.", "Larkmoor,
//! Texas", "Velpur, Gujarat". A corpus that puts a town in one state or country and a
//! draft that puts it in another disagree about a fact no event needs to carry: the town's
//! region does not change between stories.
//!
//! Regions are general knowledge: the states of the United States (and their AP
//! abbreviations), Canada's provinces, Australia's states, India's states, the nations of
//! the United Kingdom, and the countries [`super::names`] knows. Each has a level (a state
//! or province, or a country): two regions contradict each other only at one level ("Iowa"
//! and "Nebraska", not "Iowa" and "United States").

use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::FxHashMap as HashMap;

/// How large a region is: a town's state, province or nation, or its country.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    State,
    Country,
}

/// States, provinces and nations, as written (full names and AP abbreviations) with the name
/// they normalise to.
const STATES: &[(&str, &str)] = &[
    ("Alabama", "alabama"),
    ("Ala.", "alabama"),
    ("Alaska", "alaska"),
    ("Arizona", "arizona"),
    ("Ariz.", "arizona"),
    ("Arkansas", "arkansas"),
    ("Ark.", "arkansas"),
    ("California", "california"),
    ("Calif.", "california"),
    ("Colorado", "colorado"),
    ("Colo.", "colorado"),
    ("Connecticut", "connecticut"),
    ("Conn.", "connecticut"),
    ("Delaware", "delaware"),
    ("Del.", "delaware"),
    ("Florida", "florida"),
    ("Fla.", "florida"),
    ("Ga.", "georgia"),
    ("Hawaii", "hawaii"),
    ("Idaho", "idaho"),
    ("Illinois", "illinois"),
    ("Ill.", "illinois"),
    ("Indiana", "indiana"),
    ("Ind.", "indiana"),
    ("Iowa", "iowa"),
    ("Kansas", "kansas"),
    ("Kan.", "kansas"),
    ("Kentucky", "kentucky"),
    ("Ky.", "kentucky"),
    ("Louisiana", "louisiana"),
    ("La.", "louisiana"),
    ("Maine", "maine"),
    ("Maryland", "maryland"),
    ("Md.", "maryland"),
    ("Massachusetts", "massachusetts"),
    ("Mass.", "massachusetts"),
    ("Michigan", "michigan"),
    ("Mich.", "michigan"),
    ("Minnesota", "minnesota"),
    ("Minn.", "minnesota"),
    ("Mississippi", "mississippi"),
    ("Miss.", "mississippi"),
    ("Missouri", "missouri"),
    ("Mo.", "missouri"),
    ("Montana", "montana"),
    ("Mont.", "montana"),
    ("Nebraska", "nebraska"),
    ("Neb.", "nebraska"),
    ("Nevada", "nevada"),
    ("Nev.", "nevada"),
    ("New Hampshire", "new hampshire"),
    ("N.H.", "new hampshire"),
    ("New Jersey", "new jersey"),
    ("N.J.", "new jersey"),
    ("New Mexico", "new mexico"),
    ("N.M.", "new mexico"),
    ("New York", "new york"),
    ("N.Y.", "new york"),
    ("North Carolina", "north carolina"),
    ("N.C.", "north carolina"),
    ("North Dakota", "north dakota"),
    ("N.D.", "north dakota"),
    ("Ohio", "ohio"),
    ("Oklahoma", "oklahoma"),
    ("Okla.", "oklahoma"),
    ("Oregon", "oregon"),
    ("Ore.", "oregon"),
    ("Pennsylvania", "pennsylvania"),
    ("Pa.", "pennsylvania"),
    ("Rhode Island", "rhode island"),
    ("R.I.", "rhode island"),
    ("South Carolina", "south carolina"),
    ("S.C.", "south carolina"),
    ("South Dakota", "south dakota"),
    ("S.D.", "south dakota"),
    ("Tennessee", "tennessee"),
    ("Tenn.", "tennessee"),
    ("Texas", "texas"),
    ("Utah", "utah"),
    ("Vermont", "vermont"),
    ("Vt.", "vermont"),
    ("Virginia", "virginia"),
    ("Va.", "virginia"),
    ("Washington", "washington"),
    ("Wash.", "washington"),
    ("West Virginia", "west virginia"),
    ("W.Va.", "west virginia"),
    ("Wisconsin", "wisconsin"),
    ("Wis.", "wisconsin"),
    ("Wyoming", "wyoming"),
    ("Wyo.", "wyoming"),
    ("Ontario", "ontario"),
    ("Ont.", "ontario"),
    ("Quebec", "quebec"),
    ("Québec", "quebec"),
    ("British Columbia", "british columbia"),
    ("B.C.", "british columbia"),
    ("Alberta", "alberta"),
    ("Alta.", "alberta"),
    ("Manitoba", "manitoba"),
    ("Saskatchewan", "saskatchewan"),
    ("Nova Scotia", "nova scotia"),
    ("N.S.", "nova scotia"),
    ("New Brunswick", "new brunswick"),
    ("N.B.", "new brunswick"),
    ("Newfoundland and Labrador", "newfoundland and labrador"),
    ("Newfoundland", "newfoundland and labrador"),
    ("Prince Edward Island", "prince edward island"),
    ("P.E.I.", "prince edward island"),
    ("New South Wales", "new south wales"),
    ("Queensland", "queensland"),
    ("Tasmania", "tasmania"),
    ("Western Australia", "western australia"),
    ("South Australia", "south australia"),
    ("England", "england"),
    ("Scotland", "scotland"),
    ("Wales", "wales"),
    ("Northern Ireland", "northern ireland"),
    ("Gujarat", "gujarat"),
    ("Maharashtra", "maharashtra"),
    ("Kerala", "kerala"),
    ("Tamil Nadu", "tamil nadu"),
    ("Karnataka", "karnataka"),
    ("Uttar Pradesh", "uttar pradesh"),
    ("Madhya Pradesh", "madhya pradesh"),
    ("Andhra Pradesh", "andhra pradesh"),
    ("Bihar", "bihar"),
    ("West Bengal", "west bengal"),
    ("Rajasthan", "rajasthan"),
    ("Telangana", "telangana"),
    ("Odisha", "odisha"),
    ("Assam", "assam"),
    ("Haryana", "haryana"),
];

/// The provinces and states of [`STATES`] outside the United States, by country (normal
/// names). The nations of the United Kingdom are left out: a page may call that country
/// Britain, Great Britain or the UK.
const STATES_ABROAD: &[(&str, &[&str])] = &[
    (
        "canada",
        &[
            "ontario",
            "quebec",
            "british columbia",
            "alberta",
            "manitoba",
            "saskatchewan",
            "nova scotia",
            "new brunswick",
            "newfoundland and labrador",
            "prince edward island",
        ],
    ),
    ("australia", &["new south wales", "queensland", "tasmania", "western australia", "south australia"]),
    (
        "india",
        &[
            "gujarat",
            "maharashtra",
            "kerala",
            "tamil nadu",
            "karnataka",
            "uttar pradesh",
            "madhya pradesh",
            "andhra pradesh",
            "bihar",
            "west bengal",
            "rajasthan",
            "telangana",
            "odisha",
            "assam",
            "haryana",
        ],
    ),
];

/// The country a state or province of [`STATES`] (its normal name) lies in; `None` for
/// the nations of the United Kingdom.
pub fn country_of_state(state: &str) -> Option<&'static str> {
    if matches!(state, "england" | "scotland" | "wales" | "northern ireland") {
        return None;
    }
    Some(STATES_ABROAD.iter().find(|(_, states)| states.contains(&state)).map_or("united states", |(country, _)| country))
}

/// Names that are a state and a country both ("Georgia"), or a state and a common given
/// name ("Victoria"): never a region here.
const AMBIGUOUS: &[&str] = &["Georgia", "Victoria", "Punjab"];

/// Every region as written, with its normal name and level.
static REGIONS: LazyLock<HashMap<String, (String, Level)>> = LazyLock::new(|| {
    let mut map: HashMap<String, (String, Level)> = HashMap::default();
    for &(written, name) in STATES {
        map.insert(written.to_string(), (name.to_string(), Level::State));
    }
    for country in super::names::country_names() {
        map.entry(title_case(country)).or_insert_with(|| (country.to_string(), Level::Country));
    }
    for name in AMBIGUOUS {
        map.remove(*name);
    }
    map
});

fn title_case(text: &str) -> String {
    text.split(' ')
        .map(|word| match word {
            "and" | "of" | "the" => word.to_string(),
            _ => word.chars().take(1).flat_map(char::to_uppercase).chain(word.chars().skip(1)).collect(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A place written with its region: "Carrow, Iowa".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlaceInRegion {
    /// The place's name, lower case ("carrow").
    pub place: String,
    pub place_range: Range<usize>,
    /// The region's normal name ("iowa", "illinois" for "Ill.").
    pub region: String,
    pub region_range: Range<usize>,
    pub level: Level,
    /// Written "Name of Region" ("Dora Kettle of North Carolina", "Ned Orsay of Kentucky"):
    /// a person's state or country, keyed by the surname (`place` is [`PERSON_KEY`] and the
    /// surname, lower case).
    pub person: bool,
}

/// The postal codes of the US states, read only in a lawmaker's party and state ("(R-NC)").
const POSTAL_CODES: &[(&str, &str)] = &[
    ("AL", "alabama"),
    ("AK", "alaska"),
    ("AZ", "arizona"),
    ("AR", "arkansas"),
    ("CA", "california"),
    ("CO", "colorado"),
    ("CT", "connecticut"),
    ("DE", "delaware"),
    ("FL", "florida"),
    ("GA", "georgia"),
    ("HI", "hawaii"),
    ("ID", "idaho"),
    ("IL", "illinois"),
    ("IN", "indiana"),
    ("IA", "iowa"),
    ("KS", "kansas"),
    ("KY", "kentucky"),
    ("LA", "louisiana"),
    ("ME", "maine"),
    ("MD", "maryland"),
    ("MA", "massachusetts"),
    ("MI", "michigan"),
    ("MN", "minnesota"),
    ("MS", "mississippi"),
    ("MO", "missouri"),
    ("MT", "montana"),
    ("NE", "nebraska"),
    ("NV", "nevada"),
    ("NH", "new hampshire"),
    ("NJ", "new jersey"),
    ("NM", "new mexico"),
    ("NY", "new york"),
    ("NC", "north carolina"),
    ("ND", "north dakota"),
    ("OH", "ohio"),
    ("OK", "oklahoma"),
    ("OR", "oregon"),
    ("PA", "pennsylvania"),
    ("RI", "rhode island"),
    ("SC", "south carolina"),
    ("SD", "south dakota"),
    ("TN", "tennessee"),
    ("TX", "texas"),
    ("UT", "utah"),
    ("VT", "vermont"),
    ("VA", "virginia"),
    ("WA", "washington"),
    ("WV", "west virginia"),
    ("WI", "wisconsin"),
    ("WY", "wyoming"),
];

/// A lawmaker's party and state after the name: "Dora Kettle (R-NC)", "Tess Lund,
/// R-S.C.,", "Hal Brody, R-Texas,". The state's name and the end of the phrase, as (end,
/// name), read at `at` (just after the party's letter and hyphen).
fn party_state_at(body: &str, at: usize) -> Option<(usize, String)> {
    let rest = &body[at..];
    let end = rest.find([')', ',', ' ', ';']).unwrap_or(rest.len());
    let written = &rest[..end];
    // (A sentence's own full stop after "R-Calif." is the abbreviation's.)
    let bare = written.trim_end_matches('.');
    let name = POSTAL_CODES.iter().find(|(code, _)| *code == bare).map(|(_, name)| (*name).to_string()).or_else(|| {
        REGIONS.get(written).or_else(|| REGIONS.get(bare)).filter(|(_, level)| *level == Level::State).map(|(name, _)| name.clone())
    })?;
    Some((at + end, name))
}

/// Words that make a capitalised run an institution's name, not a person's ("University of
/// Texas", "Bank of England", "Supreme Court of Canada").
pub(crate) const INSTITUTION_WORDS: &[&str] = &[
    "The",
    "University",
    "College",
    "School",
    "Institute",
    "Bank",
    "Court",
    "Church",
    "Republic",
    "State",
    "States",
    "Department",
    "Ministry",
    "Party",
    "Museum",
    "Police",
    "Council",
    "Assembly",
    "House",
    "Senate",
    "Congress",
    "Parliament",
    "Government",
    "Board",
    "Commission",
    "Office",
    "Agency",
    "Association",
    "Federation",
    "League",
    "Club",
    "Company",
    "Corporation",
    "Group",
    "Hospital",
    "Center",
    "Centre",
    "Airport",
    "County",
    "City",
    "Port",
    "Fort",
    "Lake",
    "River",
    "Mount",
    "Saint",
    "St.",
    "Nations",
    "Service",
    "Services",
    "Authority",
    "Bureau",
    "Health",
];

/// The region written so ("Texas", "Mass.", "France"), as its normal name and level; `None`
/// for a town, a site or anything else.
pub fn region_named(written: &str) -> Option<(&'static str, Level)> {
    let found = REGIONS.get(written).or_else(|| REGIONS.get(written.strip_suffix('.')?))?;
    Some((found.0.as_str(), found.1))
}

/// A region named by a title's qualifier, which is kept in lower case without its last dot:
/// "texas", "newfoundland and labrador", "b.c" for "B.C.".
pub fn region_of_qualifier(qualifier: &str) -> Option<(&'static str, Level)> {
    region_named(&title_case(qualifier)).or_else(|| region_named(&format!("{}.", qualifier.to_uppercase())))
}

/// Words of a compass point or a part that open the name of a part of a region ("West
/// Texas", "Southern California", "Central Florida", "Upstate New York").
const COMPASS_PARTS: &[&str] = &[
    "North",
    "South",
    "East",
    "West",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Central",
    "Northeast",
    "Northwest",
    "Southeast",
    "Southwest",
    "Northeastern",
    "Northwestern",
    "Southeastern",
    "Southwestern",
    "Upstate",
    "Downstate",
];

/// Whether a name is a part of a state, province or country named by its compass point
/// ("West Texas", "Northern Ontario", "Eastern Ukraine"): a place, never a person's name,
/// though it is written like one and its last word stands alone elsewhere ("Texas").
pub fn compass_region(name: &str) -> bool {
    let Some((first, rest)) = name.split_once(' ') else { return false };
    COMPASS_PARTS.contains(&first) && (region_named(rest).is_some() || crate::annotate::names::is_country(rest))
}

/// The surname of a full name written before a region ("Dora Kettle", "Rep. Colm Haverty"):
/// two or three capitalised words, none an institution's.
fn surname_of(name: &str) -> Option<&str> {
    let words: Vec<&str> = name.split(' ').collect();
    if words.len() < 2 || REGIONS.contains_key(name) || words.iter().any(|w| REGIONS.contains_key(*w) || INSTITUTION_WORDS.contains(w)) {
        return None;
    }
    words.last().copied()
}

/// How a person's surname is keyed among places ("person kettle"): no town is written so.
pub const PERSON_KEY: &str = "person ";

/// Most words of a region's name ("Newfoundland and Labrador").
const REGION_WORDS: usize = 3;
/// Most words of the place before it ("Port Avon-The Shoals" is two).
const PLACE_WORDS: usize = 3;

/// The places written with their region in `text[sentence]`: a capitalised name, a comma,
/// and a region that ends there (a comma, a full stop, the sentence's end, a bracket). A
/// region before the comma ("Texas, Oklahoma and Kansas") is a list, not a place.
pub fn places_in_regions(text: &str, sentence: Range<usize>) -> Vec<PlaceInRegion> {
    let Some(body) = text.get(sentence.clone()) else { return Vec::new() };
    let mut found = Vec::new();
    for comma in memchr::memmem::find_iter(body.as_bytes(), b", ") {
        let after = comma + 2;
        if !body[after..].starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        let Some((region_end, region, level)) = region_at(body, after) else { continue };
        let Some(place_start) = place_before(body, comma) else { continue };
        let place_text = &body[place_start..comma];
        if REGIONS.contains_key(place_text) {
            continue;
        }
        found.push(PlaceInRegion {
            place: super::names::lower_case(place_text).into_owned(),
            place_range: sentence.start + place_start..sentence.start + comma,
            region,
            region_range: sentence.start + after..sentence.start + region_end,
            level,
            person: false,
        });
    }
    // "Dora Kettle of North Carolina": a full name (two or three capitalised words), "of",
    // a region that ends its phrase.
    for of in memchr::memmem::find_iter(body.as_bytes(), b" of ") {
        let after = of + 4;
        if !body[after..].starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        let Some((region_end, region, level)) = region_ending(body, after, true) else { continue };
        let Some(name_start) = place_before(body, of) else { continue };
        let Some(surname) = surname_of(&body[name_start..of]) else { continue };
        found.push(person_in(sentence.start, name_start..of, surname, region, after..region_end, level));
    }
    // "Dora Kettle (R-NC)", "Tess Lund, R-S.C.,".
    for party in memchr::memmem::find_iter(body.as_bytes(), b"-") {
        let Some(letter_at) = party.checked_sub(1) else { continue };
        if !matches!(body.as_bytes()[letter_at], b'R' | b'D' | b'I') {
            continue;
        }
        let opener = &body[..letter_at];
        if !(opener.ends_with(" (") || opener.ends_with(", ")) {
            continue;
        }
        let name_end = letter_at - 2;
        let Some((region_end, region)) = party_state_at(body, party + 1) else { continue };
        let Some(name_start) = place_before(body, name_end) else { continue };
        let Some(surname) = surname_of(&body[name_start..name_end]) else { continue };
        found.push(person_in(sentence.start, name_start..name_end, surname, region, party + 1..region_end, Level::State));
    }
    found
}

/// A person written with a region, keyed by surname; ranges are within the sentence that
/// starts at `offset`.
fn person_in(offset: usize, name: Range<usize>, surname: &str, region: String, written: Range<usize>, level: Level) -> PlaceInRegion {
    PlaceInRegion {
        place: format!("{PERSON_KEY}{}", super::names::lower_case(surname)),
        place_range: offset + name.start..offset + name.end,
        region,
        region_range: offset + written.start..offset + written.end,
        level,
        person: true,
    }
}

/// The longest region name written at `at` that ends its phrase, as (end, name, level).
fn region_at(body: &str, at: usize) -> Option<(usize, String, Level)> {
    region_ending(body, at, false)
}

/// [`region_at`], or, with `open`, a region followed by a word in lower case too ("Colm
/// Haverty of South Carolina insisted..."): after a person's name, no list of regions follows.
fn region_ending(body: &str, at: usize, open: bool) -> Option<(usize, String, Level)> {
    let mut ends: Vec<usize> = Vec::new();
    let mut end = at;
    for _ in 0..REGION_WORDS {
        let rest = &body[end..];
        let word = rest.find(' ').map_or(rest.len(), |space| space);
        end += word;
        ends.push(end);
        if end >= body.len() || !body[end..].starts_with(' ') {
            break;
        }
        end += 1;
    }
    ends.into_iter().rev().find_map(|end| {
        // The region's own full stop ("Ill.") stays in it; a sentence's or a comma is after it.
        let written = body[at..end].trim_end_matches([',', ';', ')', '’', '\'']);
        let (written, stop) = match REGIONS.get(written) {
            Some(found) => (written, found),
            None => {
                let bare = written.strip_suffix('.')?;
                (bare, REGIONS.get(bare)?)
            }
        };
        let rest = &body[at + written.len()..];
        let closes = rest.chars().next().is_none_or(|c| matches!(c, ',' | '.' | ';' | ')' | ':'))
            || rest.starts_with(" and ")
            || rest.starts_with(" or ")
            || open && rest.strip_prefix(' ').is_some_and(|r| r.starts_with(|c: char| c.is_lowercase()));
        closes.then(|| (at + written.len(), stop.0.clone(), stop.1))
    })
}

/// Where the capitalised name ending at `end` starts: up to [`PLACE_WORDS`] capitalised
/// words joined by single spaces (a word may hold hyphens: "Avon-The").
fn place_before(body: &str, end: usize) -> Option<usize> {
    let mut start = None;
    let mut cursor = end;
    for _ in 0..PLACE_WORDS {
        let head = &body[..cursor];
        let word_start = head.rfind(' ').map_or(0, |space| space + 1);
        let word = &head[word_start..];
        let name_word = word.starts_with(|c: char| c.is_uppercase())
            && word.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '\'' | '’'));
        if !name_word {
            break;
        }
        start = Some(word_start);
        if word_start == 0 {
            break;
        }
        cursor = word_start - 1;
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(text: &str) -> Vec<(String, String)> {
        places_in_regions(text, 0..text.len()).into_iter().map(|p| (p.place, p.region)).collect()
    }

    #[test]
    fn places_with_their_regions() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            ("Crowds in her hometown of Carrow, Iowa, gathered.", &[("carrow", "iowa")]),
            ("He was born in Fennick, Ill., in 1961.", &[("fennick", "illinois")]),
            ("The train left Velpur, Gujarat, at noon.", &[("velpur", "gujarat")]),
            ("The plant is near Larkmoor, Texas.", &[("larkmoor", "texas")]),
            ("Cases rose in Carrowick, Texas and Dunmere, N.M.", &[("carrowick", "texas"), ("dunmere", "new mexico")]),
            ("She flew from Port Avon-The Shoals, Newfoundland, on Monday.", &[("port avon-the shoals", "newfoundland and labrador")]),
            ("The match in Velmora, Portugal, was called off.", &[("velmora", "portugal")]),
            // Lists of regions, a region that goes on, lower-case words: no pair.
            ("Cases spread to Texas, Oklahoma and Kansas.", &[]),
            ("The company, Texas Instruments, said so.", &[]),
            ("After that, Iowa voted.", &[]),
            ("It rained in Tbilisi, Georgia.", &[]),
            // A lawmaker's state, keyed by surname.
            ("Rep. Colm Haverty of South Carolina changed his vote.", &[("person haverty", "south carolina")]),
            ("Dora Kettle of Maine and Ned Orsay of Kentucky voted no.", &[("person kettle", "maine"), ("person orsay", "kentucky")]),
            ("Sens. Ivo Marr (R-UT) and Tess Lund, R-S.C., spoke.", &[("person marr", "utah"), ("person lund", "south carolina")]),
            ("Hal Brody, R-Texas, objected.", &[("person brody", "texas")]),
            // One capitalised word before "of" is no full name; a town's name is no person.
            ("The University of Texas said so.", &[]),
            ("The Bank of England held rates.", &[]),
        ];
        for (text, expected) in cases {
            let expected: Vec<(String, String)> = expected.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
            assert_eq!(pairs(text), expected, "{text}");
        }
    }
}
