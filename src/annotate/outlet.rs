//! Who published an article, read from its text when no front matter says: a wire credit
//! ("SEOUL, Mar. 4 (Yonhap) --", a closing "(AP)" or "— Reuters"), a byline that names an
//! outlet ("By Ann Brook, Daily Lantern"), a masthead or a programme line at the top ("The
//! Harbour Times", "EVENING NEWS - Channel 6 - transcript"), a press release's issuer, a
//! footer ("with the Daily Lantern") or a copyright line ("© 2025 The Harbour Times").
//!
//! Told by shape, never by a list of outlets: where a credit sits (the dateline, the last
//! lines), what a byline looks like, and that a masthead is a capitalised name ending in a
//! word publications are named with ("Times", "Daily", "News", "TV"). An article that only
//! *mentions* an outlet ("Reuters reported on Monday", "according to Yonhap news agency", a
//! photo credit "[REUTERS/YONHAP]") names none. Nothing found: `None`, and the article is
//! shown by its file name.

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

/// Where an article's outlet was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OutletSource {
    /// `outlet:` (or `source:`) in the front matter.
    FrontMatter,
    /// A wire credit: in the dateline ("(Yonhap) --") or closing the story ("(AP)", "— Reuters").
    Credit,
    /// A byline that names the outlet ("By Ann Brook, Daily Lantern").
    Byline,
    /// A masthead, programme line, issuer or footer line that is the outlet's name.
    Masthead,
    /// A copyright line ("© 2025 The Harbour Times").
    Copyright,
}

impl OutletSource {
    /// How the corpus report says where the outlet came from.
    pub fn describe(self) -> &'static str {
        match self {
            OutletSource::FrontMatter => "front matter",
            OutletSource::Credit => "wire credit",
            OutletSource::Byline => "byline",
            OutletSource::Masthead => "masthead",
            OutletSource::Copyright => "copyright line",
        }
    }
}

/// How many non-empty lines at the top and at the bottom of a page are read for mastheads,
/// bylines, footers and credits.
const HEAD_LINES: usize = 8;
const TAIL_LINES: usize = 8;
/// Lines longer than this are running text, not a masthead or a byline.
const MAX_NAME_LINE: usize = 110;
/// Most words in an outlet's name ("The Westmarch Emergency Management Agency").
const MAX_NAME_WORDS: usize = 6;

/// Words publications are named with: a masthead's name ends in one ("The Ketterly Times",
/// "Northfield TV"), or a broadcaster's starts with one ("Channel 6"). Generic nouns, not
/// names of outlets.
const PUBLICATION_NOUNS: &[&str] = &[
    "times",
    "post",
    "news",
    "daily",
    "herald",
    "journal",
    "tribune",
    "gazette",
    "chronicle",
    "telegraph",
    "courier",
    "observer",
    "guardian",
    "express",
    "mail",
    "mirror",
    "star",
    "standard",
    "independent",
    "echo",
    "record",
    "sun",
    "examiner",
    "inquirer",
    "register",
    "review",
    "monitor",
    "bulletin",
    "dispatch",
    "ledger",
    "press",
    "wire",
    "agency",
    "network",
    "broadcasting",
    "radio",
    "tv",
    "television",
    "channel",
    "media",
    "magazine",
    "weekly",
    "today",
    "online",
    "globe",
    "sentinel",
    "argus",
    "advertiser",
    "citizen",
    "times-union",
    "newswire",
];
/// Words a broadcaster's name may start with ("Channel 9", "Radio Eastshire").
const BROADCAST_FIRST: &[&str] = &["channel", "radio", "television"];

/// The credit forms of the large wire agencies. A closing "— Name" line is also how a quote
/// or a letter is signed ("— Winston Holt"): only a name shaped like a publication's, an
/// acronym, or one of these is taken as a credit. ("dpa" is also the one credit written in
/// lower case.)
const WIRE_CREDITS: &[&str] = &[
    "AP",
    "Associated Press",
    "Reuters",
    "AFP",
    "Agence France-Presse",
    "Yonhap",
    "Kyodo",
    "Xinhua",
    "dpa",
    "ANSA",
    "EFE",
    "UPI",
    "Bloomberg",
    "Bernama",
    "PTI",
];

/// Words that make a byline's part a job, not an outlet ("By Ann Brook, Staff Writer").
const ROLE_WORDS: &[&str] = &[
    "reporter",
    "correspondent",
    "writer",
    "editor",
    "staff",
    "columnist",
    "contributor",
    "producer",
    "analyst",
    "chief",
    "senior",
    "bureau",
    "desk",
    "photographer",
    "intern",
    "special",
    "associate",
    "deputy",
    "political",
    "business",
    "sports",
    "foreign",
    "diplomatic",
    "science",
    "health",
    "culture",
    "reporting",
    "writing",
    "editing",
    "additional",
    "photo",
    "photos",
    "video",
];

/// Lower-case words a name may hold ("Agence France-Presse", "Voice of America").
const CONNECTORS: &[&str] = &["of", "the", "and", "&", "for", "on", "de", "du", "la", "le", "am"];

/// Words a press release labels itself with, beside its issuer's name.
const RELEASE_LABELS: &[&str] =
    &["press release", "media release", "news release", "official statement", "statement", "for immediate release", "media statement"];

/// Words in brackets that close a story but credit no one ("(END)", "(Updated)").
const NOT_CREDITS: &[&str] = &["end", "more", "updated", "update", "corrected", "clarified", "file", "photo", "video", "lead", "urgent"];

/// The outlet an article's text names, and where.
pub fn find_outlet(body: &str) -> Option<(String, OutletSource)> {
    let lines: Vec<&str> = body.lines().map(str::trim).filter(|line| !line.is_empty()).collect();
    let head = &lines[..lines.len().min(HEAD_LINES)];
    let tail = &lines[lines.len().saturating_sub(TAIL_LINES)..];
    let dateline = lines.iter().take(12).find_map(|line| dateline_credit(line));
    let closing = tail.iter().rev().take(3).find_map(|line| closing_credit(line));
    if let Some(name) = dateline.or(closing) {
        return Some((name, OutletSource::Credit));
    }
    let bylines = head.iter().chain(tail.iter().rev().take(4));
    if let Some(name) = bylines.filter_map(|line| byline_outlet(line)).next() {
        return Some((name, OutletSource::Byline));
    }
    let issuer = (0..head.len()).find_map(|at| release_issuer(head, at));
    let masthead = issuer.or_else(|| head.iter().chain(tail.iter().rev()).find_map(|line| masthead_name(line, body)));
    if let Some(name) = masthead {
        return Some((name, OutletSource::Masthead));
    }
    tail.iter().rev().chain(head.iter()).find_map(|line| copyright_holder(line)).map(|name| (name, OutletSource::Copyright))
}

/// "SEOUL, Mar. 4 (Yonhap) --", "WASHINGTON (AP) —": an upper-case place, an optional date,
/// the credit in brackets, a dash.
fn dateline_credit(line: &str) -> Option<String> {
    static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\p{Lu}[\p{Lu}\p{M} .'’\-]{1,40}(?:,[^()\n]{1,40}?)?\s*\(([^()]{1,40})\)\s*(?:--|-|–|—|:)").expect("valid regex")
    });
    let captures = DATELINE.captures(line)?;
    credit_name(captures.get(1)?.as_str())
}

/// "... the talks ended. (Yonhap)", a line "(AP)", "— Reuters": a credit closing the story.
fn closing_credit(line: &str) -> Option<String> {
    static BRACKETED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"(?:^|[.!?"”’]\s*)\(([^()]{1,40})\)\.?$"#).expect("valid regex"));
    static DASHED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r#"(?:^|[.!?"”’]\s+)(?:--|—|–|-)\s*([^—–\-].{0,40}?)\.?$"#).expect("valid regex"));
    if let Some(captures) = BRACKETED.captures(line) {
        return credit_name(captures.get(1)?.as_str());
    }
    let captures = DASHED.captures(line)?;
    let name = credit_name(captures.get(1)?.as_str())?;
    let wire = WIRE_CREDITS.iter().any(|credit| credit.eq_ignore_ascii_case(&name));
    let acronym = name.len() <= 5 && name.chars().all(|c| c.is_ascii_uppercase());
    (wire || acronym || publication_shaped(&name)).then_some(name)
}

/// The name in a credit's brackets, when it is one: capitalised words (or a wire agency's
/// credit), no "Reporting by", no "(END)".
fn credit_name(raw: &str) -> Option<String> {
    let raw = raw.trim();
    if WIRE_CREDITS.contains(&raw) {
        return Some(raw.to_string());
    }
    let lower = raw.to_lowercase();
    if NOT_CREDITS.contains(&lower.as_str())
        || lower.split(|c: char| !c.is_alphabetic()).any(|word| ROLE_WORDS.contains(&word) || word == "by")
    {
        return None;
    }
    name_shaped(raw, 4).then(|| normalise_case(raw))
}

/// "By Ann Brook, Daily Lantern", "By Ann Brook | Daily Lantern | July 3, 2025", "By Ann
/// Brook for The Harbour Times": a part after the writer's name that is no job and no date.
fn byline_outlet(line: &str) -> Option<String> {
    if line.len() > MAX_NAME_LINE || !line.get(..3).is_some_and(|by| by.eq_ignore_ascii_case("by ")) {
        return None;
    }
    let rest = &line[3..];
    let rest = rest.split(['[', '(', '<']).next().unwrap_or(rest);
    let mut parts: Vec<&str> = rest.split([',', '|', '/', '·', '•', '—', '–']).flat_map(|part| part.split(" - ")).collect();
    // "By Ann Brook for The Harbour Times": the outlet after "for".
    if let Some((writer, outlet)) = parts[0].split_once(" for ") {
        parts.splice(0..1, [writer, outlet]);
    }
    // The writer's name first ("By Monday, ..." and "By the time ..." are sentences).
    let writer = parts[0].trim();
    if writer.split_whitespace().count() < 2 || !name_shaped(writer, MAX_NAME_WORDS) {
        return None;
    }
    parts.into_iter().skip(1).map(str::trim).find_map(|part| {
        let lower = part.to_lowercase();
        let job = lower.split_whitespace().any(|word| ROLE_WORDS.contains(&word));
        let date_or_mail = part.chars().any(|c| c.is_ascii_digit() || c == '@');
        (!part.is_empty() && !job && !date_or_mail && name_shaped(part, MAX_NAME_WORDS) && !crate::annotate::names::is_country_name(&lower))
            .then(|| normalise_case(part))
    })
}

/// A press release's issuer: the name on the line of its "PRESS RELEASE" label
/// ("KESSINGBY UNITED FC - OFFICIAL STATEMENT") or on the line before it.
fn release_issuer(head: &[&str], at: usize) -> Option<String> {
    let line = head[at];
    let is_label = |text: &str| {
        let lower = text.trim().trim_end_matches(['.', ':']).to_lowercase();
        RELEASE_LABELS.iter().any(|label| lower.strip_prefix(label).is_some_and(|rest| rest.is_empty() || rest.starts_with(' ')))
    };
    let parts = segments(line);
    if !parts.iter().any(|part| is_label(part)) {
        return None;
    }
    if let Some(named) = parts.iter().find(|part| !is_label(part) && name_shaped(part, MAX_NAME_WORDS)) {
        return Some(normalise_case(named));
    }
    let before = head[..at].last()?;
    (parts.iter().all(|part| is_label(part)) && before.len() <= MAX_NAME_LINE && name_shaped(before, MAX_NAME_WORDS))
        .then(|| normalise_case(before))
}

/// A line at the top or the bottom that is (or holds, between separators) an outlet's name:
/// "Velmora CityLine Daily", "SPORT TONIGHT - Northfield TV - broadcast transcript", "Port
/// Averill Echo, part of Coastline Media", "with the Velmora CityLine Daily". A line that is
/// nothing but a name of five words or more may be a headline in title case ("Court Rules
/// Against The Daily Lantern"): it counts only when the page names it again (a footer).
fn masthead_name(line: &str, body: &str) -> Option<String> {
    if line.len() > MAX_NAME_LINE {
        return None;
    }
    let parts = segments(line);
    let alone = parts.len() == 1;
    // A programme line names the programme and its channel ("EVENING NEWS - Channel 6"):
    // the broadcaster first.
    let mut parts = parts;
    parts.sort_by_key(|part| !broadcaster_shaped(part));
    parts.into_iter().find_map(|part| {
        // A footer's lead in lower case: "with the", "from", "part of".
        let words: Vec<&str> = part.split_whitespace().collect();
        let lead = words.iter().take_while(|word| word.chars().next().is_some_and(char::is_lowercase)).count();
        if lead > 4 {
            return None;
        }
        let name = words[lead..].join(" ");
        let name = name.trim_end_matches(['.', ':', ';']);
        let long_headline = alone && lead == 0 && words.len() > 4 && body.matches(name).count() < 2;
        (!long_headline && publication_shaped(name) && name_shaped(name, MAX_NAME_WORDS)).then(|| normalise_case(name))
    })
}

/// "© 2025 The Harbour Times. All rights reserved.", "(c) Hallestad Post 2025", "Copyright
/// 2024 Lantern Media Ltd": the holder's name.
fn copyright_holder(line: &str) -> Option<String> {
    static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:©|\(c\)|copyright)(?:\s*(?:©|\(c\)))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(.+)$").expect("valid regex")
    });
    let rest = COPYRIGHT.captures(line)?.get(1)?.as_str();
    let mut words: Vec<&str> = Vec::new();
    for word in rest.split_whitespace() {
        let bare = word.trim_end_matches([',', ';', '.']);
        if bare.chars().all(|c| c.is_ascii_digit()) || matches!(bare, "|" | "-" | "–" | "—") {
            break;
        }
        let corporate = ["inc", "ltd", "llc", "plc", "co", "corp", "gmbh", "limited"].contains(&bare.to_lowercase().as_str());
        if !corporate {
            words.push(bare);
        }
        if word.ends_with(['.', ',', ';']) || corporate {
            break;
        }
    }
    let name = words.join(" ");
    (!name.is_empty() && name_shaped(&name, MAX_NAME_WORDS) && !name.eq_ignore_ascii_case("all rights reserved"))
        .then(|| normalise_case(&name))
}

/// A line cut at the separators pages put between a masthead and what stands beside it.
fn segments(line: &str) -> Vec<&str> {
    static SEPARATORS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s+(?:-|–|—|\||>|·|•)\s+|,\s+").expect("valid regex"));
    SEPARATORS.split(line).map(str::trim).filter(|part| !part.is_empty()).collect()
}

/// Whether `name` ends in a word publications are named with, or starts as a broadcaster's.
fn publication_shaped(name: &str) -> bool {
    let words: Vec<String> = name.split_whitespace().map(|word| word.to_lowercase()).collect();
    match words.as_slice() {
        [] => false,
        [only] => only != "news" && only.ends_with("wire") && only.len() > 4,
        [first, .., last] => {
            PUBLICATION_NOUNS.contains(&last.as_str())
                || BROADCAST_FIRST.contains(&first.as_str())
                || last.ends_with("wire") && last.len() > 4
        }
    }
}

/// Whether `name` is a broadcaster's ("Channel 6", "Northfield TV", "Radio Eastshire").
fn broadcaster_shaped(name: &str) -> bool {
    let words: Vec<String> = name.split_whitespace().map(|word| word.to_lowercase()).collect();
    words.len() >= 2
        && (BROADCAST_FIRST.contains(&words[0].as_str())
            || words.last().is_some_and(|last| ["tv", "radio", "television", "broadcasting"].contains(&last.as_str())))
}

/// Whether `text` reads as a name: one to `max_words` words, each capitalised (or a digit,
/// or a connector such as "of" inside), nothing that ends a sentence.
fn name_shaped(text: &str, max_words: usize) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() || words.len() > max_words || text.contains(['?', '!', ':', ';', '"', '“', '”', '@', '[', ']', '(', ')', '/', '='])
    {
        return false;
    }
    let capitalised = |word: &str| word.chars().next().is_some_and(|c| c.is_uppercase());
    let first_and_last = capitalised(words[0]) && words.last().is_some_and(|w| capitalised(w) || w.chars().all(|c| c.is_ascii_digit()));
    first_and_last
        && words.iter().all(|word| {
            capitalised(word)
                || CONNECTORS.contains(&word.to_lowercase().as_str())
                || word.chars().all(|c| c.is_ascii_digit())
                || (word.contains('-') && word.split('-').next().is_some_and(capitalised))
        })
        && !words.iter().all(|word| CONNECTORS.contains(&word.to_lowercase().as_str()))
}

/// A name written in capitals ("HALLESTAD POST") as a name is written ("Hallestad Post"),
/// keeping short acronyms ("FC", "TV", "AP"); any other name as it stands.
fn normalise_case(name: &str) -> String {
    let name = name.trim().trim_end_matches(['.', ',']);
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = letters.len() > 3 && letters.iter().all(|c| c.is_uppercase());
    if !all_caps {
        return name.to_string();
    }
    name.split(' ')
        .enumerate()
        .map(|(at, word)| {
            let lower = word.to_lowercase();
            if word.chars().filter(|c| c.is_alphabetic()).count() <= 3 && !CONNECTORS.contains(&lower.as_str()) {
                word.to_string()
            } else if at > 0 && CONNECTORS.contains(&lower.as_str()) {
                lower
            } else {
                let mut chars = lower.chars();
                chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_house_style_names_its_outlet() {
        let cases: &[(&str, &str, OutletSource)] = &[
            ("Headline\n\nSEOUL, Mar. 4 (Yonhap) -- The talks ended.\n", "Yonhap", OutletSource::Credit),
            ("WASHINGTON (AP) — The bill passed.\n\nMore text.\n", "AP", OutletSource::Credit),
            ("The bill passed.\n\nIt goes to the Senate next. (Lantern Wire)\n", "Lantern Wire", OutletSource::Credit),
            ("The bill passed.\n\nIt goes to the Senate next.\n\n— Reuters\n", "Reuters", OutletSource::Credit),
            ("Bill passes\nBy Ann Brook, Daily Lantern\n\nThe bill passed.\n", "Daily Lantern", OutletSource::Byline),
            (
                "Bill passes\nBy Ann Brook | The Harbour Times | July 3, 2025\n\nThe bill passed.\n",
                "The Harbour Times",
                OutletSource::Byline,
            ),
            ("Bill passes\nBy Ann Brook for Radio Eastshire\n\nThe bill passed.\n", "Radio Eastshire", OutletSource::Byline),
            ("THE HARBOUR TIMES\nHome | News | Sport\n\nThe bill passed.\n", "The Harbour Times", OutletSource::Masthead),
            ("EVENING NEWS - Channel 6 - transcript\n\nANCHOR: Good evening.\n", "Channel 6", OutletSource::Masthead),
            ("LANTERN CITY COUNCIL\nPress release\n\nThe bill passed.\n", "Lantern City Council", OutletSource::Masthead),
            ("The bill passed.\n\nLog in to comment\nwith the Lantern Daily\n", "Lantern Daily", OutletSource::Masthead),
            ("The bill passed.\n\n© 2025 Lantern Media Group Ltd. All rights reserved.\n", "Lantern Media Group", OutletSource::Copyright),
        ];
        for (text, name, source) in cases {
            assert_eq!(find_outlet(text), Some((name.to_string(), *source)), "{text:?}");
        }
    }

    #[test]
    fn an_outlet_quoted_or_credited_for_a_photo_is_not_the_publisher() {
        let texts = [
            "Reuters reported on Monday that the talks had ended.\n\nOfficials declined to comment.\n",
            "The talks ended, according to Yonhap news agency.\n",
            "Orsay meets Valk [REUTERS/YONHAP]\n\nThe talks ended.\n",
            "The talks ended.\n\nOrsay greets Valk. (AP Photo/Ann Brook)\n",
            "The talks ended.\n\n(Reporting by Ann Brook; Editing by Lee Cho)\n",
            "The talks ended.\n\n\"We will be back,\" she said.\n\n— Winston Holt\n",
            "Bill passes\nBy Ann Brook, Staff Writer\n\nThe bill passed.\n",
            "Daily Lantern editor resigns over leak\n\nThe editor resigned.\n",
            "The talks ended.\n\nThe agency said (laughs) nothing.\n",
            "The talks ended. (END)\n",
        ];
        for text in texts {
            assert_eq!(find_outlet(text), None, "{text:?}");
        }
    }

    #[test]
    fn capitals_become_a_name_with_acronyms_kept() {
        assert_eq!(normalise_case("HALLESTAD POST"), "Hallestad Post");
        assert_eq!(normalise_case("KESSINGBY UNITED FC"), "Kessingby United FC");
        assert_eq!(normalise_case("VOICE OF AMERICA"), "Voice of America");
        assert_eq!(normalise_case("Velmora CityLine Daily"), "Velmora CityLine Daily");
    }
}
