//! Synthetic news: a deterministic, seeded generator of corpus articles and drafts with the
//! structure of real ones, for benchmarks (`factline-gen`, `benches/`). Not used by checks.
//!
//! The *world* is a function of the seed alone: person `i`, event `i` and article `k` are
//! each generated from `(seed, i)`, so the first 1,000 articles of a 10,000-article corpus
//! are the 1,000-article corpus, and a draft about the first events reads the same against
//! every corpus size. People's popularity follows Zipf's law (a few recur in a large share
//! of articles, as the head of state does in a newsroom archive); events are covered in
//! bursts (an article's main event is a recent one, Zipf over how recent) and recalled in
//! the background (Zipf over how far back). New people and events keep appearing as the
//! archive grows.
//!
//! What an article carries: a publication date in one of the forms the loader detects
//! (YAML or TOML front matter, a `Published:` line, a `date 2024-03-14` prefix, "today,
//! Thursday, March 14, 2024"), sometimes a dateline, people with titles and the spelling
//! variants of their outlet's house style, dated meetings, visits, departures and signings
//! with places, meeting counts, quantities with context words, quotations, and background
//! prose. A draft carries the same, with a few planted errors (a wrong date, a misspelled
//! name, a wrong place, a wrong count).

use std::fmt::Write as _;

use jiff::ToSpan;
use jiff::civil::Date;

use crate::annotate::dates::{month_abbreviated, month_full, weekday_name};

/// SplitMix64: small, fast, and good enough to pick words.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64, stream: u64, index: u64) -> Rng {
        let mut rng = Rng(seed ^ stream.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ index.wrapping_mul(0xD1B5_4A32_D192_ED03));
        rng.next_u64();
        rng
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// Zipf-like (exponent 1) in `0..n`: index `j` with probability about `1/(j+1)`.
    pub fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        let j = ((n as f64 + 1.0).ln() * u).exp() as usize;
        j.saturating_sub(1).min(n.saturating_sub(1))
    }
}

const PERSON: u64 = 1;
const EVENT: u64 = 2;
const ARTICLE: u64 = 3;
const DRAFT: u64 = 4;
const PAIR: u64 = 5;
const STYLE: u64 = 6;

/// Nationality adjective, country, capital.
const NATIONS: &[(&str, &str, &str)] = &[
    ("Russian", "Russia", "Moscow"),
    ("North Korean", "North Korea", "Pyongyang"),
    ("South Korean", "South Korea", "Seoul"),
    ("Chinese", "China", "Beijing"),
    ("Japanese", "Japan", "Tokyo"),
    ("Ukrainian", "Ukraine", "Kyiv"),
    ("Belarusian", "Belarus", "Minsk"),
    ("Vietnamese", "Vietnam", "Hanoi"),
    ("Mongolian", "Mongolia", "Ulaanbaatar"),
    ("British", "Britain", "London"),
    ("French", "France", "Paris"),
    ("German", "Germany", "Berlin"),
    ("Italian", "Italy", "Rome"),
    ("Spanish", "Spain", "Madrid"),
    ("Indian", "India", "New Delhi"),
    ("Turkish", "Turkey", "Ankara"),
    ("Egyptian", "Egypt", "Cairo"),
    ("Canadian", "Canada", "Ottawa"),
    ("Brazilian", "Brazil", "Brasilia"),
    ("Australian", "Australia", "Canberra"),
    ("Polish", "Poland", "Warsaw"),
    ("Swedish", "Sweden", "Stockholm"),
    ("Norwegian", "Norway", "Oslo"),
    ("Finnish", "Finland", "Helsinki"),
    ("Greek", "Greece", "Athens"),
    ("Thai", "Thailand", "Bangkok"),
    ("Indonesian", "Indonesia", "Jakarta"),
    ("Kenyan", "Kenya", "Nairobi"),
    ("Hungarian", "Hungary", "Budapest"),
    ("Austrian", "Austria", "Vienna"),
    ("Portuguese", "Portugal", "Lisbon"),
    ("Irish", "Ireland", "Dublin"),
    ("Kazakh", "Kazakhstan", "Astana"),
    ("Malaysian", "Malaysia", "Kuala Lumpur"),
];

const ROLES: &[&str] = &[
    "President",
    "Prime Minister",
    "Foreign Minister",
    "Defense Minister",
    "Trade Minister",
    "Finance Minister",
    "Energy Minister",
    "Ambassador",
    "Envoy",
    "Health Minister",
    "Interior Minister",
    "Transport Minister",
];

const ONSETS: &[&str] =
    &["b", "d", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr", "kr", "st", "tr", "sh", "ch", "h", "g", "j", "y", "f"];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ei", "ou", "ia", "io"];
const CODAS: &[&str] = &["", "", "", "n", "r", "l", "s", "k", "v", "m", "nd", "rt", "sk", "ng"];
const SURNAME_ENDS: &[&str] = &["ov", "enko", "sson", "ez", "ani", "berg", "ski", "ard", "ovic", "ine", "ato", "oren", "ali", "ey"];

const OUTLETS: &[&str] = &[
    "Harbor Daily",
    "Coastal Wire",
    "Evening Post",
    "Capital Ledger",
    "Northern Courier",
    "Morning Herald",
    "Global Dispatch",
    "Metro Tribune",
    "Valley Gazette",
    "Eastern Observer",
    "Pacific Review",
    "Continental Times",
    "Union Register",
    "Riverside Journal",
    "Central Bulletin",
    "Summit Chronicle",
];

const THINGS: &[&str] = &["trade", "energy", "fisheries", "border", "grain", "shipping", "research", "water", "aviation", "customs"];

const COUNT_WORDS: &[&str] = &["", "once", "twice", "three times", "four times", "five times", "six times", "seven times"];

/// Common-word sentences: the bulk of an article's prose, and its vocabulary.
const SUBJECTS: &[&str] = &[
    "The talks",
    "The agreement",
    "The visit",
    "The announcement",
    "The decision",
    "The dispute",
    "The delegation",
    "The plan",
    "The proposal",
    "The statement",
];
const VERBS: &[&str] = &[
    "comes amid",
    "follows",
    "reflects",
    "was seen as a response to",
    "drew attention to",
    "may ease",
    "could deepen",
    "highlights",
    "is expected to shape",
    "has raised questions about",
];
const OBJECTS: &[&str] = &[
    "rising tensions over shipping routes in the region",
    "months of negotiations over tariffs and quotas",
    "growing pressure from opposition lawmakers at home",
    "concerns about the pace of economic reform",
    "a broader effort to rebuild trust between the two governments",
    "uncertainty over energy prices and supply contracts",
    "criticism from rights groups and independent observers",
    "a slowdown in exports during the previous quarter",
    "debate over security guarantees and military exercises",
    "plans for new rail links and port facilities",
    "questions about how the deal would be financed",
    "calls for closer cooperation on climate and water policy",
];
const CLOSERS: &[&str] = &[
    "Analysts said the outcome would depend on follow-up meetings at a lower level.",
    "Officials declined to give further details about the schedule.",
    "Neither side released a full text of the documents discussed.",
    "Observers noted that similar pledges had been made before without results.",
    "The ministry said working groups would meet again in the coming weeks.",
    "Markets reacted calmly to the news, with currencies little changed.",
    "Several diplomats described the atmosphere as constructive but cautious.",
    "Local newspapers gave the meeting extensive coverage on their front pages.",
];

/// A person of the world: name parts, nationality, role, house-style variant.
#[derive(Clone, Debug)]
pub struct Person {
    pub given: String,
    pub family: String,
    /// A variant of the family name one letter away ("Dalvoren" / "Dalvorin").
    pub variant_family: String,
    pub nation: usize,
    pub role: &'static str,
}

impl Person {
    pub fn name(&self) -> String {
        format!("{} {}", self.given, self.family)
    }

    pub fn variant_name(&self) -> String {
        format!("{} {}", self.given, self.variant_family)
    }

    pub fn title(&self) -> String {
        format!("{} {}", NATIONS[self.nation].0, self.role)
    }
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

fn syllable(rng: &mut Rng) -> String {
    format!("{}{}{}", rng.pick(ONSETS), rng.pick(VOWELS), rng.pick(CODAS))
}

/// A vowel of the word changed: one edit away, same length.
fn one_letter_variant(word: &str, rng: &mut Rng) -> String {
    let chars: Vec<char> = word.chars().collect();
    let vowels: Vec<usize> = (1..chars.len()).filter(|&i| "aeiou".contains(chars[i])).collect();
    if vowels.is_empty() {
        return format!("{word}h");
    }
    let at = *rng.pick(&vowels);
    let replacement = match chars[at] {
        'a' => 'e',
        'e' => 'i',
        'i' => 'y',
        'o' => 'u',
        _ => 'o',
    };
    chars.iter().enumerate().map(|(i, &c)| if i == at { replacement } else { c }).collect()
}

/// A dated occurrence of the world.
#[derive(Clone, Debug)]
pub struct Event {
    pub kind: EventKind,
    pub a: usize,
    pub b: usize,
    pub city: usize,
    pub date: Date,
    pub thing: &'static str,
    /// A number told with the event ("about 2,400 delegates"), and its unit.
    pub quantity: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventKind {
    Meeting,
    Visit,
    Signing,
}

/// How far back (in events) an article's main event may lie.
const RECENT_EVENTS: usize = 200;

/// The world of one seed.
#[derive(Clone, Debug)]
pub struct World {
    pub seed: u64,
}

/// The first day of the world's calendar; event `i` happens `i / 6` days later.
fn epoch() -> Date {
    jiff::civil::date(2015, 1, 5)
}

impl World {
    pub fn new(seed: u64) -> World {
        World { seed }
    }

    pub fn person(&self, index: usize) -> Person {
        let mut rng = Rng::new(self.seed, PERSON, index as u64);
        let given_parts = if rng.chance(20) { 2 } else { 1 };
        let given = (0..given_parts).map(|_| capitalise(&syllable(&mut rng))).collect::<Vec<_>>().join("-");
        let given = if given_parts == 1 { format!("{given}{}", syllable(&mut rng)) } else { given };
        let middle = if rng.chance(30) { syllable(&mut rng) } else { String::new() };
        let family = capitalise(&format!("{}{middle}{}", syllable(&mut rng), rng.pick(SURNAME_ENDS)));
        let variant_family = one_letter_variant(&family, &mut rng);
        Person { given, family, variant_family, nation: rng.below(NATIONS.len()), role: ROLES[rng.below(ROLES.len())] }
    }

    pub fn event(&self, index: usize) -> Event {
        let mut rng = Rng::new(self.seed, EVENT, index as u64);
        // New people keep appearing; the famous recur.
        let pool = 12 + index / 3;
        let a = rng.zipf(pool);
        let mut b = rng.zipf(pool);
        if b == a {
            b = (a + 1 + rng.below(pool)) % (pool + 1);
        }
        let kind = match rng.below(10) {
            0..=5 => EventKind::Meeting,
            6..=8 => EventKind::Visit,
            _ => EventKind::Signing,
        };
        let host = if rng.chance(50) { a } else { b };
        let city = self.person(host).nation;
        let date = epoch().checked_add((index as i64 / 6).days()).unwrap_or(epoch());
        Event { kind, a, b, city, date, thing: THINGS[rng.below(THINGS.len())], quantity: 20 + rng.below(400) as u32 * 10 }
    }

    /// How often two people have met, as the world knows it.
    fn meetings(&self, a: usize, b: usize) -> usize {
        let (low, high) = (a.min(b), a.max(b));
        let mut rng = Rng::new(self.seed, PAIR, (low as u64) << 32 | high as u64);
        2 + rng.below(5)
    }

    /// Whether an outlet writes a person's variant spelling (its house style).
    fn uses_variant(&self, outlet: usize, person: usize) -> bool {
        Rng::new(self.seed, STYLE, (outlet as u64) << 32 | person as u64).chance(15)
    }

    /// The number of events that article `k` may report: the archive grows with time.
    fn events_known_at(article: usize) -> usize {
        8 + article / 3
    }

    /// Article `k` of the corpus: a file name and its text.
    pub fn article(&self, k: usize) -> (String, String) {
        let mut rng = Rng::new(self.seed, ARTICLE, k as u64);
        // News is about recent events: the newest of those known are the likeliest.
        let known = Self::events_known_at(k);
        let main_index = known - 1 - rng.zipf(known.min(RECENT_EVENTS));
        let main = self.event(main_index);
        let outlet = rng.below(OUTLETS.len());
        let published = main.date.checked_add((rng.below(3) as i64).days()).unwrap_or(main.date);
        let mut writer = ArticleWriter { world: self, rng, outlet, published, out: String::new() };
        let text = writer.write(k, &main, main_index);
        (format!("{:04}/{:06}.md", k / 1000, k), text)
    }

    /// A Markdown draft of about `words` words on the world's first events, with planted errors.
    pub fn draft(&self, words: usize) -> String {
        let mut rng = Rng::new(self.seed, DRAFT, 0);
        let last = 40;
        let published = self.event(last).date.checked_add(2.days()).unwrap_or(epoch());
        let mut out = format!("---\ntitle: A year of summits\npublished: {published}\n---\n# A year of summits\n\n");
        let mut index = 0;
        let mut paragraph = 0;
        while out.split_whitespace().count() < words {
            let event = self.event(index % last);
            let (a, b) = (self.person(event.a), self.person(event.b));
            let city = NATIONS[event.city].2;
            let error = rng.below(12);
            let date = if error == 0 { event.date.checked_add(1.days()).unwrap_or(event.date) } else { event.date };
            let a_name = if error == 1 { format!("{} {}", a.given, one_letter_variant(&a.variant_family, &mut rng)) } else { a.name() };
            let place = if error == 2 { NATIONS[(event.city + 1) % NATIONS.len()].2 } else { city };
            let _ = write!(out, "{} {a_name} ", a.title());
            match event.kind {
                EventKind::Meeting => {
                    let _ = write!(out, "met {} {} in {place} on {}.", b.title(), b.name(), long_date(date));
                }
                EventKind::Visit => {
                    let _ = write!(out, "visited {place} on {}, where {} {} received the delegation.", long_date(date), b.role, b.name());
                }
                EventKind::Signing => {
                    let _ =
                        write!(out, "and {} {} signed a {} agreement in {place} on {}.", b.title(), b.name(), event.thing, long_date(date));
                }
            }
            let count = self.meetings(event.a, event.b) + usize::from(error == 3);
            let _ = write!(
                out,
                " {} and {} have met {} since their first talks, officials said. About {} delegates attended the {} talks in {city}, the organizers said.",
                a.family,
                b.family,
                COUNT_WORDS[count.min(COUNT_WORDS.len() - 1)],
                thousands(event.quantity),
                event.thing
            );
            for _ in 0..2 {
                let _ = write!(out, " {}", prose(&mut rng));
            }
            out.push_str("\n\n");
            paragraph += 1;
            if paragraph % 6 == 0 {
                let _ = write!(out, "## Part {}\n\n", paragraph / 6 + 1);
            }
            index += 1;
        }
        out
    }
}

struct ArticleWriter<'a> {
    world: &'a World,
    rng: Rng,
    outlet: usize,
    published: Date,
    out: String,
}

impl ArticleWriter<'_> {
    fn spelling(&mut self, person: usize) -> String {
        let p = self.world.person(person);
        if self.world.uses_variant(self.outlet, person) { p.variant_name() } else { p.name() }
    }

    /// How the article dates an event: a weekday within the last week, else the date.
    fn when(&mut self, date: Date) -> String {
        let days = (self.published - date).get_days();
        if (1..=6).contains(&days) && self.rng.chance(50) {
            format!("on {}", weekday_name(date.weekday()))
        } else if date.year() == self.published.year() && self.rng.chance(60) {
            format!("on {} {}", month_abbreviated(date.month()), date.day())
        } else {
            format!("on {}", long_date(date))
        }
    }

    fn write(&mut self, k: usize, main: &Event, main_index: usize) -> String {
        let (a, b) = (self.world.person(main.a), self.world.person(main.b));
        let outlet = OUTLETS[self.outlet];
        let headline = match main.kind {
            EventKind::Meeting => format!("{} and {} hold talks in {}", a.family, b.family, NATIONS[main.city].2),
            EventKind::Visit => format!("{} visits {}", a.family, NATIONS[main.city].1),
            EventKind::Signing => format!("{} and {} sign {} accord", a.family, b.family, main.thing),
        };
        let p = self.published;
        let form = k % 5;
        match form {
            0 => {
                let _ = write!(self.out, "---\ntitle: \"{headline}\"\noutlet: {outlet}\npublished: {p}\n---\n");
            }
            1 => {
                let _ = write!(self.out, "+++\ntitle = \"{headline}\"\noutlet = \"{outlet}\"\npublished = {p}\n+++\n");
            }
            2 => {
                let _ = write!(
                    self.out,
                    "{headline}\nPublished: {} {} {}, {:02}:{:02}\n\n",
                    p.day(),
                    month_abbreviated(p.month()),
                    p.year(),
                    self.rng.below(24),
                    self.rng.below(60)
                );
            }
            3 => {
                let _ = write!(self.out, " date {p} ");
            }
            _ => {
                let _ = write!(self.out, "{headline}\n\n{outlet} reported today, {}, that ", long_weekday_date(p));
            }
        }
        if form == 2 && self.rng.chance(50) {
            let _ =
                write!(self.out, "{}, {} {} ({outlet}) -- ", NATIONS[main.city].2.to_uppercase(), month_abbreviated(p.month()), p.day());
        }
        // The main event.
        let (name_a, name_b) = (self.spelling(main.a), self.spelling(main.b));
        let city = NATIONS[main.city].2;
        let when = self.when(main.date);
        match main.kind {
            EventKind::Meeting => {
                let _ = write!(self.out, "{} {name_a} met {} {name_b} in {city} {when}, officials said.", a.title(), b.title());
            }
            EventKind::Visit => {
                let _ =
                    write!(self.out, "{} {name_a} visited {city} {when}, where {} {name_b} received the delegation.", a.title(), b.title());
            }
            EventKind::Signing => {
                let _ = write!(
                    self.out,
                    "{} {name_a} and {} {name_b} signed a {} agreement in {city} {when}.",
                    a.title(),
                    b.title(),
                    main.thing
                );
            }
        }
        let _ = write!(self.out, " {}\n\n", prose(&mut self.rng));
        // Departure, count, quantity, quotation.
        if main.kind != EventKind::Signing && self.rng.chance(60) {
            let home = NATIONS[a.nation].2;
            if home != city {
                let left = main.date.checked_sub(1.days()).unwrap_or(main.date);
                let when = self.when(left);
                let _ = write!(
                    self.out,
                    "{} left {home} {when} for the trip, according to the {} foreign ministry. ",
                    a.family, NATIONS[a.nation].0
                );
            }
        }
        let count = self.world.meetings(main.a, main.b);
        let _ = write!(
            self.out,
            "{} and {} have met {} since their first talks, officials said. {}\n\n",
            a.family,
            b.family,
            COUNT_WORDS[count.min(COUNT_WORDS.len() - 1)],
            prose(&mut self.rng)
        );
        let _ = write!(
            self.out,
            "About {} delegates attended the {} talks in {city}, the organizers said. \"We had open and useful discussions,\" {} told reporters. {}\n\n",
            thousands(main.quantity),
            main.thing,
            b.family,
            prose(&mut self.rng)
        );
        // Background: earlier events, as the world tells them.
        let background = 3 + self.rng.below(4);
        for _ in 0..background {
            // Background recalls the past, the recent past most often.
            let index = main_index.saturating_sub(self.rng.zipf(main_index + 1));
            let event = self.world.event(index);
            if event.date >= self.published {
                continue;
            }
            let (c, d) = (self.world.person(event.a), self.world.person(event.b));
            let (name_c, name_d) = (self.spelling(event.a), self.spelling(event.b));
            let place = NATIONS[event.city].2;
            let when = self.when(event.date);
            let _ = match event.kind {
                EventKind::Meeting => write!(self.out, "{} {name_c} met {} {name_d} in {place} {when}.", c.title(), d.title()),
                EventKind::Visit => write!(self.out, "{} {name_c} visited {place} {when}.", c.title()),
                EventKind::Signing => write!(self.out, "{name_c} and {name_d} signed a {} agreement in {place} {when}.", event.thing),
            };
            let _ = write!(self.out, " {} {}\n\n", prose(&mut self.rng), prose(&mut self.rng));
        }
        for _ in 0..8 + self.rng.below(5) {
            for _ in 0..3 {
                let _ = write!(self.out, "{} ", prose(&mut self.rng));
            }
            let _ = writeln!(self.out, "{}\n", self.rng.pick(CLOSERS));
        }
        std::mem::take(&mut self.out)
    }
}

fn prose(rng: &mut Rng) -> String {
    format!("{} {} {}.", rng.pick(SUBJECTS), rng.pick(VERBS), rng.pick(OBJECTS))
}

fn thousands(value: u32) -> String {
    if value >= 1000 { format!("{},{:03}", value / 1000, value % 1000) } else { value.to_string() }
}

/// "March 14, 2024".
fn long_date(date: Date) -> String {
    format!("{} {}, {}", month_full(date.month()), date.day(), date.year())
}

/// "Thursday, March 14, 2024".
fn long_weekday_date(date: Date) -> String {
    format!("{}, {}", weekday_name(date.weekday()), long_date(date))
}

/// Writes articles `0..count` under `dir` (1,000 per sub-folder). Returns the bytes written.
pub fn write_corpus(world: &World, count: usize, dir: &std::path::Path) -> std::io::Result<u64> {
    let mut bytes = 0;
    for k in 0..count {
        let (name, text) = world.article(k);
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, &text)?;
        bytes += text.len() as u64;
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_world_is_a_function_of_the_seed() {
        let world = World::new(7);
        assert_eq!(world.article(12), World::new(7).article(12));
        assert_ne!(world.article(12).1, World::new(8).article(12).1);
        assert_eq!(world.draft(500), World::new(7).draft(500));
    }

    #[test]
    fn zipf_favours_the_first() {
        let mut rng = Rng::new(1, 0, 0);
        let draws: Vec<usize> = (0..10_000).map(|_| rng.zipf(1000)).collect();
        assert!(draws.iter().all(|&d| d < 1000));
        let first = draws.iter().filter(|&&d| d == 0).count();
        let hundredth = draws.iter().filter(|&&d| d == 99).count();
        assert!(first > 10 * hundredth.max(1), "{first} vs {hundredth}");
    }
}
