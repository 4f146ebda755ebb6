//! Date expressions: finding them in text and normalising them to calendar values.
//!
//! [`find_dates`] reads English news copy and returns every date expression it can
//! recognise, in text order and never overlapping, each with the calendar value it stands
//! for when that value can be worked out.
//!
//! # What is recognised
//!
//! - Calendar dates, month first or day first, with or without a year and an ordinal
//!   suffix ("Oct. 27", "October 28, 2025", "26 Oct. 2025", "Oct. 27th", "2025-10-28"),
//!   with a weekday written beside them ("Tuesday, Oct. 28", "on Friday (Oct. 31)",
//!   "Oct. 31 (Friday)"). The weekday is reported in [`DateMention::stated_weekday`] and is
//!   not checked here.
//! - Runs of days ("Oct. 29-30", "Oct. 31 to Nov. 1", "between Oct. 29 and 31",
//!   "from Sunday through Tuesday") as one [`DateValue::Days`] mention. Two dates joined
//!   by a bare "and" form a run only when they are consecutive days ("Oct. 30 and 31") or
//!   when "between" precedes them; otherwise they are two separate dates. A bare day
//!   listed after a date shares its month ("Oct. 3 and 17", "Oct. 3, 10 and 17").
//! - Months ("June 2018", "in June of 2018", "in June", "June of the same year",
//!   "June last year", "last month", "late last month") and years ("in 2018",
//!   "2018 and 2019", "last year", "that year").
//! - Weekdays ("on Monday", "reported Tuesday", "last Friday") and expressions relative
//!   to the publication date ("yesterday", "this week", "over the weekend",
//!   "three days ago") or to the date in context ("the previous day", "two days later").
//!
//! A four-digit number counts as a year only in date-like company: after a preposition
//! such as "in", "since" or "by", after a month, or paired with another year
//! ("2018 and 2019", "2018-2019"). Counts ("2,000 troops"), times ("17:17"), decades
//! ("1990s") and numbers inside URLs and e-mail addresses are never dates. "May" and
//! "March" are months only when capitalised and next to a day or year or after "in",
//! "since", "until", "by", "early", "late" or "mid"; other bare month names need a
//! preposition such as "in" or "since" before them; weekday abbreviations ("Sun", "Sat")
//! count only beside a date; "every Monday", durations ("over the last week") and named
//! days ("Victory Day", "Black Friday") are not dates.
//!
//! # Year inference
//!
//! A year written after the date always wins ("Oct. 27, 2025"). A day written without a
//! year takes the year that puts it closest to the publication date ("Dec. 30" in a text
//! published Jan. 3, 2026 is Dec. 30, 2025), unless that is more than a week ahead and its
//! clause is told in the past ("the fire started on Jan. 9" in October is the January
//! gone). A month written without a year ("in June")
//! follows the tense of its clause instead, because months are too long for "closest" to
//! be reliable: in past or present copy it is the latest such month up to the publication
//! month, in future copy the first such month from the publication month on. Without a
//! publication date the fallback year is used; with neither, the mention is still
//! returned, with no value. "Of the same year" and "that year" take the most recent year
//! written out in digits earlier in the text.
//!
//! # Weekdays and tense
//!
//! A bare weekday resolves against the publication date. "Last Friday" is the Friday
//! strictly before it and "next Monday" the Monday strictly after it. Otherwise the tense
//! decides: in future copy the weekday is the first such day on or after the publication
//! date, in past or present copy the latest such day on or before it (so "state media
//! said Tuesday" in an article published on a Tuesday is that same day). The tense is
//! read from the clause holding the weekday: the nearest tense marker before the weekday
//! (else after it) decides, where future markers are "will", "'ll", "is due", "is set to",
//! "plans to", "is scheduled", "is expected to", "to visit", "upcoming" and the like, and
//! past or present markers are verbs such as "said", "met", "was", "is" or any word in
//! "-ed". When the clause has no marker the whole sentence is read the same way, and
//! when it has none either the copy is taken as past. Reading the clause rather than the
//! whole sentence keeps "reported on Sunday that she will visit" in the past.
//!
//! A run of two weekdays ("from Sunday through Tuesday") is first placed so that it
//! starts on or before the publication date; if it then also reaches the publication
//! date, it is the run in progress and is kept whatever the tense. Otherwise future copy
//! moves it to the first such run starting on or after the publication date.
//!
//! # Relative expressions
//!
//! "Today", "tonight", "this morning" and "later today" are the publication date;
//! "yesterday" and "last night" the day before it; "this week" the Monday-to-Sunday week
//! holding it, "later this week" the days of it after the publication date and "earlier
//! this week" those before. Written on a Sunday, "this week", "next week" and "last week"
//! are left unresolved (the week ending or the week starting?), and "later this week"
//! is the six days after it. "Over the weekend" and "last weekend" are the latest
//! Saturday and Sunday ending on or before the publication date; "this weekend" is the
//! Saturday and Sunday of the publication date's Monday-to-Sunday week (so the coming one
//! on a weekday, the current one at the weekend) and "next weekend" the one after. "N days
//! ago" and "N weeks ago" are days; "N months ago" a month and "N years ago" a year, since
//! those are rarely meant to the day.
//!
//! "The previous day", "the next day", "two days later" and the like count from the
//! context day: the value of the most recent earlier mention that resolved to a single
//! day, in this or an earlier sentence, or the publication date when there is none.
//! "The same day" and "that day" point at an event rather than a report, so for them a
//! weekday or date that only dates a report ("state media said Tuesday", "reported on
//! Sunday") is skipped when an earlier event date exists. Discourse phrases ("later that
//! day", "that evening", "the following morning", "the night before") narrate on from the
//! event just told: they count from the context day too. "Earlier in the day" and "later
//! in the day" are the day just narrated when a day was written in the same sentence or
//! the one before, else the publication date ("state media said earlier in the day").
//!
//! # Forms
//!
//! Calendar dates, and months and years written in digits or without a year, are
//! [`DateForm::Absolute`]; bare weekdays and runs of weekdays are [`DateForm::Weekday`];
//! everything whose value comes from words ("last month", "June last year", "the same
//! year", "the previous day") is [`DateForm::Relative`]. [`DateMention::year_explicit`] is
//! true only when a year was written in digits.

use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::ops::Range;
use std::sync::LazyLock;

use jiff::civil::{Date, Weekday};
use regex::Regex;
use rustc_hash::FxHashMap as HashMap;

/// A calendar value a date expression stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DateValue {
    /// One day: "Oct. 27, 2025", "Monday", "the previous day".
    Day(Date),
    /// An inclusive run of days: "Oct. 29-30", "Oct. 31 and Nov. 1", "this week".
    Days(Date, Date),
    /// A month: "June 2018", "last month", "June of the same year".
    Month { year: i16, month: i8 },
    /// A year: "in 2018", "last year".
    Year(i16),
}

/// How a date expression was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DateForm {
    /// A calendar date, with or without the year: "Oct. 27", "2025-10-28", "June 2018".
    Absolute,
    /// A bare weekday resolved against the anchor: "on Monday".
    Weekday,
    /// Anything else relative: "the previous day", "last month", "this week".
    Relative,
}

/// Where relative expressions and year-less dates get their bearings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct DateAnchor {
    /// The document's publication date.
    pub published: Option<Date>,
    /// When there is no publication date: the year to give days written without one
    /// ("May 21"); never to a bare month.
    pub fallback_year: Option<i16>,
    /// When there is no publication date, nor a year the page writes itself: a day the page
    /// was most likely written by (the last day its corpus's dated pages were published). A
    /// day of the fallback year told in
    /// the past tense more than [`FAR_AHEAD_DAYS`] after it is the year before's: an undated
    /// page of a March story that says the crew "launched on June 5" means the June gone.
    pub written_by: Option<Date>,
}

/// One date expression found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMention {
    /// Byte range of the whole expression, including a weekday written beside the date
    /// ("Thursday, Oct. 31") and the words of a relative expression ("the previous day").
    pub range: Range<usize>,
    /// The calendar value, or `None` when it cannot be resolved (relative, no anchor).
    pub value: Option<DateValue>,
    pub form: DateForm,
    /// Whether the year was written out.
    pub year_explicit: bool,
    /// A weekday written next to a calendar date ("Thursday, Oct. 31"), for the weekday check.
    pub stated_weekday: Option<Weekday>,
    /// Written in future copy: the nearest tense marker of its clause says the event is
    /// still to come ("will", "is set to", "deliberations resume on Monday").
    pub scheduled: bool,
    /// A bare weekday that a page without a date cannot put on the calendar ("on
    /// Wednesday"): still the day of the week it names, which a day can contradict.
    pub unanchored: Option<Weekday>,
}

/// Finds every date expression in `text`, in order.
///
/// `sentences` are the sentence ranges of `text` (from `split_sentences`): tense and
/// "the previous day" look within and across them.
pub fn find_dates(text: &str, sentences: &[Range<usize>], anchor: DateAnchor) -> Vec<DateMention> {
    find_dates_in(text, sentences, &mut DateContext::new(anchor))
}

/// What the dates of a document carry from one stretch of it to the next: the anchor, and
/// the latest days and year resolved, which year-less and relative dates after them read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DateContext {
    resolver: Resolver,
}

impl DateContext {
    pub fn new(anchor: DateAnchor) -> DateContext {
        DateContext { resolver: Resolver::new(anchor) }
    }
}

/// [`find_dates`] on one stretch of a document, resolving against the context the stretches
/// before it left and leaving its own for the next. A date expression never crosses the
/// stretch's ends.
pub fn find_dates_in(text: &str, sentences: &[Range<usize>], context: &mut DateContext) -> Vec<DateMention> {
    let scanner = Scanner::new(text, sentences);
    let resolver = &mut context.resolver;
    let mut mentions = Vec::new();
    let mut previous: Option<Found> = None;
    let mut index = 0;
    // The sentence the resolver's `day_age` was last brought up to.
    let mut at_sentence = 0;
    // The first sentence that ends after the last date found.
    let mut at_sentence_scan = 0;
    while index < scanner.tokens.len() {
        let listed = previous.and_then(|previous| scanner.listed_day(index, &previous));
        let Some(found) = listed.or_else(|| scanner.find_at(index)) else {
            index += 1;
            continue;
        };
        let (Some(first), Some(last)) = (scanner.tokens.get(found.start), found.end.checked_sub(1).and_then(|end| scanner.tokens.get(end)))
        else {
            index += 1;
            continue;
        };
        let range = first.range.start..last.range.end;
        // Dates come in text order: the sentence holding this one is at or after the last
        // one's, found by walking on (not by searching from the first sentence each time).
        while at_sentence_scan < sentences.len() && sentences[at_sentence_scan].end <= range.start {
            at_sentence_scan += 1;
        }
        let sentence = at_sentence_scan;
        resolver.age(sentence.saturating_sub(at_sentence));
        at_sentence = at_sentence.max(sentence);
        let nearest = match found.parsed {
            Parsed::Weekday { weekday, shift: Shift::Unmarked } => {
                resolver.anchor.published.map(|published| nearest_is_ahead(published, weekday))
            }
            _ => None,
        };
        // (A day a plan was set for is still to come, whatever the tense: see `set_for`.)
        let set_for = scanner.set_for(found.start);
        let future = || set_for || scanner.is_future(found.start, found.end, nearest);
        let past = || scanner.told_as_past(found.start);
        let value = resolver.resolve(&found.parsed, future, past);
        let form = found.parsed.form();
        let is_report_date = scanner.dates_a_report(found.start);
        resolver.remember(value, found.year_explicit, is_report_date);
        let scheduled = set_for || scanner.is_future(found.start, found.end, None);
        let unanchored = match found.parsed {
            Parsed::Weekday { weekday, .. } if value.is_none() => Some(weekday),
            _ => None,
        };
        mentions.push(DateMention {
            range,
            value,
            form,
            year_explicit: found.year_explicit,
            stated_weekday: found.stated_weekday,
            scheduled,
            unanchored,
        });
        previous = Some(found);
        index = found.end.max(index + 1);
    }
    resolver.age(sentences.len().saturating_sub(at_sentence));
    mentions
}

// ---------------------------------------------------------------------------------------
// Calendar helpers and the public helpers on `DateValue`.
// ---------------------------------------------------------------------------------------

/// Month names as news style writes them when a day follows (AP style).
const MONTH_ABBREVIATED: [&str; 12] = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

/// Month names spelled out, as news style writes a month standing alone.
const MONTH_FULL: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// The earliest and latest years `jiff` can represent.
const YEAR_LIMITS: (i16, i16) = (-9999, 9999);

/// Builds a date when the parts make one.
fn make_date(year: i16, month: i8, day: i8) -> Option<Date> {
    Date::new(year, month, day).ok()
}

/// The first day of a month, clamping out-of-range parts so that it never fails.
fn first_day_of_month(year: i16, month: i8) -> Date {
    let year = year.clamp(YEAR_LIMITS.0, YEAR_LIMITS.1);
    let month = month.clamp(1, 12);
    Date::new(year, month, 1).unwrap_or(Date::MIN)
}

/// Adds a number of days (negative to go back), failing past the representable range.
fn add_days(date: Date, days: i64) -> Option<Date> {
    let span = jiff::Span::new().try_days(days).ok()?;
    date.checked_add(span).ok()
}

/// Days from `from` to `to` (negative when `to` is earlier).
fn days_between(from: Date, to: Date) -> i64 {
    to.duration_since(from).as_hours() / 24
}

/// Shifts a month by `months` (negative to go back).
fn shift_month(year: i16, month: i8, months: i64) -> Option<(i16, i8)> {
    let total = i64::from(year).checked_mul(12)?.checked_add(i64::from(month) - 1)?.checked_add(months)?;
    let shifted_year = i16::try_from(total.div_euclid(12)).ok()?;
    let shifted_month = i8::try_from(total.rem_euclid(12) + 1).ok()?;
    (YEAR_LIMITS.0..=YEAR_LIMITS.1).contains(&shifted_year).then_some((shifted_year, shifted_month))
}

/// Shifts a year by `years`, staying within the representable range.
fn shift_year(year: i16, years: i64) -> Option<i16> {
    let shifted = i16::try_from(i64::from(year).checked_add(years)?).ok()?;
    (YEAR_LIMITS.0..=YEAR_LIMITS.1).contains(&shifted).then_some(shifted)
}

/// The Monday of the Monday-to-Sunday week holding `date`.
fn monday_of_week(date: Date) -> Option<Date> {
    add_days(date, -i64::from(date.weekday().to_monday_zero_offset()))
}

/// The latest `weekday` on or before `date` (strictly before when `strictly`).
fn weekday_on_or_before(date: Date, weekday: Weekday, strictly: bool) -> Option<Date> {
    let mut back = i64::from(date.weekday().to_monday_zero_offset() - weekday.to_monday_zero_offset()).rem_euclid(7);
    if strictly && back == 0 {
        back = 7;
    }
    add_days(date, -back)
}

/// The first `weekday` on or after `date` (strictly after when `strictly`).
fn weekday_on_or_after(date: Date, weekday: Weekday, strictly: bool) -> Option<Date> {
    let mut forward = i64::from(weekday.to_monday_zero_offset() - date.weekday().to_monday_zero_offset()).rem_euclid(7);
    if strictly && forward == 0 {
        forward = 7;
    }
    add_days(date, forward)
}

/// Whether the nearest `weekday` to `date` (other than `date` itself) is still to come:
/// three days ahead or fewer.
fn nearest_is_ahead(date: Date, weekday: Weekday) -> bool {
    let forward = i64::from(weekday.to_monday_zero_offset() - date.weekday().to_monday_zero_offset()).rem_euclid(7);
    (1..=3).contains(&forward)
}

/// A month's news-style name before a day ("Oct.", "June").
pub fn month_abbreviated(month: i8) -> &'static str {
    usize::try_from(month - 1).ok().and_then(|index| MONTH_ABBREVIATED.get(index)).copied().unwrap_or("?")
}

/// A month's full name ("October").
pub fn month_full(month: i8) -> &'static str {
    usize::try_from(month - 1).ok().and_then(|index| MONTH_FULL.get(index)).copied().unwrap_or("?")
}

/// A weekday's name ("Friday").
pub fn weekday_name(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

impl DateValue {
    /// The first day the value covers.
    pub fn start(&self) -> Date {
        match *self {
            DateValue::Day(day) => day,
            DateValue::Days(first, last) => first.min(last),
            DateValue::Month { year, month } => first_day_of_month(year, month),
            DateValue::Year(year) => first_day_of_month(year, 1),
        }
    }

    /// The last day the value covers.
    pub fn end(&self) -> Date {
        match *self {
            DateValue::Day(day) => day,
            DateValue::Days(first, last) => first.max(last),
            DateValue::Month { year, month } => first_day_of_month(year, month).last_of_month(),
            DateValue::Year(year) => first_day_of_month(year, 12).last_of_month(),
        }
    }

    /// Whether the two values share at least one day.
    pub fn overlaps(&self, other: &DateValue) -> bool {
        self.start() <= other.end() && other.start() <= self.end()
    }

    /// Whether every day of `other` lies within this value.
    pub fn covers(&self, other: &DateValue) -> bool {
        self.start() <= other.start() && other.end() <= self.end()
    }

    /// News style with the year: "Oct. 27, 2025", "Oct. 29-30, 2025", "Oct. 31-Nov. 1, 2025",
    /// "Dec. 30, 2025-Jan. 2, 2026", "June 2018", "2018".
    pub fn display(&self) -> String {
        match *self {
            DateValue::Day(day) => format!("{} {}, {}", month_abbreviated(day.month()), day.day(), day.year()),
            DateValue::Days(..) => {
                let (first, last) = (self.start(), self.end());
                if first == last {
                    DateValue::Day(first).display()
                } else if first.year() != last.year() {
                    format!("{}-{}", DateValue::Day(first).display(), DateValue::Day(last).display())
                } else {
                    format!("{}, {}", self.short_display(), last.year())
                }
            }
            DateValue::Month { year, month } => format!("{} {}", month_full(month), year),
            DateValue::Year(year) => year.to_string(),
        }
    }

    /// News style without the year: "Oct. 27", "Oct. 29-30", "Oct. 31-Nov. 1", "June";
    /// a year stays "2018".
    pub fn short_display(&self) -> String {
        match *self {
            DateValue::Day(day) => format!("{} {}", month_abbreviated(day.month()), day.day()),
            DateValue::Days(..) => {
                let (first, last) = (self.start(), self.end());
                let start = DateValue::Day(first).short_display();
                if first == last {
                    start
                } else if first.month() == last.month() && first.year() == last.year() {
                    format!("{start}-{}", last.day())
                } else {
                    format!("{start}-{}", DateValue::Day(last).short_display())
                }
            }
            DateValue::Month { month, .. } => month_full(month).to_string(),
            DateValue::Year(year) => year.to_string(),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Tokens.
// ---------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TokenKind {
    /// A run of letters (any script).
    Word,
    /// A run of ASCII digits.
    Number,
    /// Any other single character that is not white space.
    Punct,
}

#[derive(Debug)]
struct Token<'t> {
    kind: TokenKind,
    range: Range<usize>,
    text: &'t str,
    /// Where the text in lower case is (words only; other tokens keep their text): the
    /// token's own text when lower-casing changes nothing, else a span of the scan's
    /// buffer of lower-cased words ([`Scanner::lower`]). No allocation per word.
    lower: Lower,
    /// Whether white space (or the start of the text) comes right before the token.
    space_before: bool,
}

/// Where a token's lower-case form is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lower {
    /// The token's text as written.
    Same,
    /// `start..end` of the scan's buffer of lower-cased words.
    Buffered(u32, u32),
}

/// A text's tokens, and the lower-case forms of its words that differ from their text.
#[derive(Debug, Default)]
struct Tokens<'t> {
    list: Vec<Token<'t>>,
    lowered: String,
}

/// Splits text into words, digit runs and single punctuation characters.
fn tokenize(text: &str) -> Tokens<'_> {
    let mut tokens = Tokens { list: Vec::with_capacity(text.len() / 5), lowered: String::new() };
    let bytes = text.as_bytes();
    let mut at = 0;
    let mut space_before = true;
    while at < bytes.len() {
        let byte = bytes[at];
        // ASCII first: most text is; the rest takes the `char` path, as before.
        let (kind, mut end) = if byte < 0x80 {
            // `char::is_whitespace` in ASCII is \t, \n, \x0b, \x0c, \r and the space.
            if matches!(byte, b'\t'..=b'\r' | b' ' | 0) {
                space_before = true;
                at += 1;
                continue;
            }
            let kind = if byte.is_ascii_digit() {
                TokenKind::Number
            } else if byte.is_ascii_alphabetic() {
                TokenKind::Word
            } else {
                TokenKind::Punct
            };
            (kind, at + 1)
        } else {
            let character = text[at..].chars().next().unwrap_or_default();
            if character.is_whitespace() {
                space_before = true;
                at += character.len_utf8();
                continue;
            }
            let kind = if character.is_alphabetic() { TokenKind::Word } else { TokenKind::Punct };
            (kind, at + character.len_utf8())
        };
        match kind {
            TokenKind::Number => {
                while bytes.get(end).is_some_and(u8::is_ascii_digit) {
                    end += 1;
                }
            }
            TokenKind::Word => loop {
                match bytes.get(end) {
                    Some(b) if b.is_ascii_alphabetic() => end += 1,
                    Some(b) if *b >= 0x80 => {
                        let next = text[end..].chars().next().unwrap_or_default();
                        if !next.is_alphabetic() {
                            break;
                        }
                        end += next.len_utf8();
                    }
                    _ => break,
                }
            },
            TokenKind::Punct => {}
        }
        let piece = &text[at..end];
        let lower = if kind == TokenKind::Word && (!piece.is_ascii() || piece.bytes().any(|b| b.is_ascii_uppercase())) {
            // What `lower_case` gives, written into the shared buffer.
            let start = tokens.lowered.len() as u32;
            if piece.is_ascii() {
                tokens.lowered.extend(piece.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            } else {
                tokens.lowered.push_str(&piece.to_lowercase());
            }
            Lower::Buffered(start, tokens.lowered.len() as u32)
        } else {
            Lower::Same
        };
        tokens.list.push(Token { kind, range: at..end, text: piece, lower, space_before });
        space_before = false;
        at = end;
    }
    tokens
}

/// URLs and e-mail addresses: nothing inside them is a date.
static URL_OR_EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\[email[^\]\n]*\]").expect("URL and e-mail pattern")
});

/// Whether [`URL_OR_EMAIL`] can match in `text`: every match holds an "@", or starts
/// with "http", "www." or "[email" in any case. Most articles have none, and the regex
/// (with its Unicode word boundary) is slow on text that is not ASCII. Case-insensitive
/// matching cannot make these words of other letters: no character but the ASCII ones
/// folds to h, t, p, w, e, m, a, i or l (a test checks it).
fn may_hold_url_or_email(text: &str) -> bool {
    const FIRST: [bool; 256] = {
        let mut first = [false; 256];
        let mut at = 0;
        while at < 6 {
            first[b"@hHwW["[at] as usize] = true;
            at += 1;
        }
        first
    };
    let bytes = text.as_bytes();
    (0..bytes.len()).filter(|&at| FIRST[usize::from(bytes[at])]).any(|at| {
        let starts = |word: &[u8]| bytes.get(at..at + word.len()).is_some_and(|found| found.eq_ignore_ascii_case(word));
        match bytes[at] {
            b'@' => true,
            b'h' | b'H' => starts(b"http"),
            b'w' | b'W' => starts(b"www."),
            _ => starts(b"[email"),
        }
    })
}

// ---------------------------------------------------------------------------------------
// Word lists.
// ---------------------------------------------------------------------------------------

/// Words before a bare month name that make it a month ("in June", "since October").
const MONTH_CONTEXT: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "from",
    "during",
    "through",
    "before",
    "after",
    "of",
    "between",
    "early",
    "late",
    "mid",
    "throughout",
];

/// The narrower list for "May" and "March", which are also a verb.
const MAY_MARCH_CONTEXT: &[&str] = &["in", "since", "until", "by", "early", "late", "mid"];

/// Words before a bare four-digit number that make it a year.
const YEAR_CONTEXT: &[&str] = &[
    "in",
    "since",
    "by",
    "of",
    "from",
    "until",
    "till",
    "before",
    "after",
    "during",
    "between",
    "through",
    "early",
    "late",
    "mid",
    "throughout",
];

/// Words before a year that qualifies the noun after it ("a 2019 byelection").
const YEAR_DETERMINERS: &[&str] = &["a", "an", "the", "its", "his", "her", "their", "our", "this", "that", "whose"];

/// The years a number before a noun is read as (outside them, "the 1500 block" is not a
/// year), and nouns a four-digit number before them counts ("the 2000 people").
const YEAR_BEFORE_NOUN_FROM: i16 = 1950;
const YEAR_BEFORE_NOUN_TO: i16 = 2049;
const COUNTED_NOUNS: &[&str] = &[
    "people",
    "persons",
    "residents",
    "troops",
    "soldiers",
    "votes",
    "voters",
    "ballots",
    "seats",
    "members",
    "workers",
    "employees",
    "staff",
    "jobs",
    "homes",
    "houses",
    "buildings",
    "students",
    "children",
    "cases",
    "deaths",
    "victims",
    "miles",
    "kilometres",
    "kilometers",
    "km",
    "metres",
    "meters",
    "feet",
    "foot",
    "tons",
    "tonnes",
    "acres",
    "points",
    "yards",
    "units",
    "copies",
    "vehicles",
    "cars",
    "flights",
    "passengers",
    "pages",
    "words",
    "calories",
    "hours",
    "minutes",
    "days",
    "dollars",
    "euros",
    "pounds",
    "shares",
    "barrels",
    "families",
    "patients",
    "officers",
    "police",
    "firefighters",
    "rescuers",
    "fans",
    "spectators",
    "delegates",
    "cardinals",
    "signatures",
    "companies",
    "firms",
];

/// Words that narrow a relative expression or a month and belong to the mention:
/// "earlier this month", "late last month", "mid-June".
const MODIFIERS: &[&str] = &["early", "earlier", "late", "later", "mid"]; // also in `could_start_date`

/// Words that may follow the last day of a list ("on Oct. 3 and 17 in Seoul"); any other
/// word shows the number counted something ("Oct. 3, 17 people").
const LIST_END_WORDS: &[&str] = &["and", "or", "in", "at", "on", "during", "when", "while", "respectively", "for", "with", "as", "but"];

/// Words joining two dates into a run.
const RANGE_WORDS: &[&str] = &["to", "through", "thru", "until", "till"];

/// Words that, right after "Oct. 27 to 30", show the number was not a day.
const NOT_A_DAY_AFTER: &[&str] = &["percent", "per", "percentage", "points", "people", "times"];

/// Words before a weekday that make it part of a name ("Black Friday").
const WEEKDAY_NAME_PREFIXES: &[&str] =
    &["black", "good", "easter", "super", "bloody", "cyber", "ash", "holy", "palm", "maundy", "giving", "shrove"];

/// Reporting verbs: a weekday or date right after them dates a report, not an event.
const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "reported",
    "reports",
    "announced",
    "told",
    "stated",
    "confirmed",
    "added",
    "noted",
    "wrote",
    "disclosed",
    "revealed",
    "claimed",
    "posted",
    "tweeted",
];

/// Words after "the day before" and the like that go on with the clause the phrase stands
/// in, naming nothing the day could count from: a verb of being or having, a modal, a
/// conjunction.
const CLAUSE_GOES_ON: &[&str] = &[
    "was", "were", "is", "are", "be", "been", "had", "has", "have", "will", "would", "could", "should", "may", "might", "must", "did",
    "and", "but", "or", "when", "then", "as", "so",
];

/// Words that break a sentence into clauses for reading the tense.
const CLAUSE_BREAK_WORDS: &[&str] =
    &["that", "but", "while", "whereas", "when", "after", "before", "because", "and", "although", "though", "which", "who", "where", "if"];

/// Punctuation that breaks a sentence into clauses.
const CLAUSE_BREAK_PUNCTUATION: &[&str] = &[",", ";", ":", "—", "–", "(", ")", "\"", "“", "”", "[", "]"];

/// How far ahead of the publication date a day written without a year may be read in past
/// copy (a page dated by another time zone may be a day behind the day it tells).
const FAR_AHEAD_DAYS: i64 = 7;

/// Verbs that set a day for something to happen: their day after "for" or "until" is a
/// plan, whatever their tense ("set a hearing for Sept. 29", "adjourned the case until
/// Oct. 3").
const SETTING_VERBS: &[&str] =
    &["set", "scheduled", "slated", "adjourned", "postponed", "rescheduled", "delayed", "deferred", "fixed", "booked", "called"];

/// Past forms that do not end in "-ed", which date what they tell in the past.
const IRREGULAR_PAST: &[&str] = &[
    "was", "were", "had", "did", "said", "told", "took", "made", "went", "came", "gave", "left", "met", "held", "paid", "broke", "began",
    "kept", "fell", "rose", "struck", "hit", "won", "lost", "got", "found", "saw", "ran", "spread", "burned", "burnt", "caught", "brought",
    "fought", "drove", "flew", "led", "sent", "set", "shot", "stood", "stole", "swept", "threw", "wrote",
];

/// Adjectives of a plan, after a determiner ("the scheduled", "its planned"): the thing
/// they name is still to come.
const PLAN_ADJECTIVES: &[&str] = &["scheduled", "planned", "slated", "upcoming", "expected", "proposed"];

/// Word sequences that mark future copy.
const FUTURE_MARKERS: &[&[&str]] = &[
    &["is", "due"],
    &["are", "due"],
    &["is", "set", "to"],
    &["are", "set", "to"],
    &["is", "scheduled"],
    &["are", "scheduled"],
    &["is", "slated"],
    &["are", "slated"],
    &["is", "expected", "to"],
    &["are", "expected", "to"],
    &["is", "going", "to"],
    &["are", "going", "to"],
    &["is", "to"],
    &["are", "to"],
    // "The funeral is set for Saturday", "the hearing was scheduled for Monday".
    &["set", "for"],
    &["scheduled", "for"],
    &["slated", "for"],
    &["planned", "for"],
    &["plans", "to"],
    &["plan", "to"],
    &["planning", "to"],
    &["to", "visit"],
    &["will"],
    &["shall"],
    &["upcoming"],
    // The present of a scheduled event: "the striker turns 20 on Tuesday", "the museum reopens on
    // Wednesday", "the team plays Chelsea on Sunday".
    &["turns"],
    &["opens"],
    &["reopens"],
    &["begins"],
    &["starts"],
    &["resumes"],
    // (Plural subjects too: "deliberations resume on Monday", "the talks reconvene on Friday".)
    &["resume"],
    &["reconvenes"],
    &["reconvene"],
    &["returns"],
    &["plays"],
    &["faces"],
    &["hosts"],
    &["expires"],
];

/// How many tokens before a "would" a verb of report may stand for it to be a reported
/// "will" ("said on Sunday that he would").
const REPORTED_WOULD_WITHIN: usize = 8;

/// Adverbs that may stand between "is" or "are" and the rest of a future marker ("the vote is
/// then set to take place", "the ruling is now expected to come").
const ADVERBS_AFTER_BE: &[&str] = &["then", "now", "still", "also", "currently", "already", "next", "again", "widely"];

/// Words before "will" that make it a noun ("their will to strengthen ties").
const WILL_AS_NOUN_AFTER: &[&str] =
    &["their", "his", "her", "its", "the", "a", "our", "my", "your", "good", "free", "political", "popular"];

/// Verbs marking past or present copy that do not end in "-ed".
const PAST_OR_PRESENT_WORDS: &[&str] = &[
    "said",
    "says",
    "say",
    "met",
    "meets",
    "left",
    "leaves",
    "was",
    "were",
    "is",
    "are",
    "had",
    "has",
    "have",
    "did",
    "does",
    "told",
    "tells",
    "took",
    "takes",
    "held",
    "holds",
    "paid",
    "pays",
    "made",
    "makes",
    "went",
    "goes",
    "came",
    "comes",
    "gave",
    "gives",
    "saw",
    "began",
    "spoke",
    "flew",
    "sent",
    "wrote",
    "led",
    "won",
    "lost",
    "fell",
    "rose",
    "fled",
    "got",
    "broke",
    "brought",
    "sought",
    "thought",
    "kept",
    "spent",
    "stood",
    "found",
    "ran",
    "according",
    "reports",
    "arrives",
    "visits",
    "departs",
];

/// Words ending in "-ed" that are not past-tense verbs.
const NOT_PAST_ED: &[&str] = &[
    "need", "needed", "speed", "seed", "breed", "shed", "hundred", "indeed", "proceed", "exceed", "succeed", "embed", "bed", "red", "fed",
];

/// Number words, for "two days later" and "a week ago".
fn count_word(word: &str) -> Option<i64> {
    Some(match word {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "fifteen" => 15,
        "twenty" => 20,
        "thirty" => 30,
        _ => return None,
    })
}

/// Weekdays, months (full and abbreviated; not "may", which is a verb as often) and the
/// days named from today, in lower case: words that no frame and no name is made of.
pub const CALENDAR_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "today",
    "yesterday",
    "tomorrow",
];

/// Whether a capitalised word is a month's name or abbreviation ("Jan", "January"); "may"
/// in lower case is not.
pub fn is_month_name(word: &str) -> bool {
    word.starts_with(|c: char| c.is_uppercase()) && month_from_word(&word.to_lowercase()).is_some()
}

/// A month from its name or abbreviation: the month and whether it was abbreviated.
fn month_from_word(lower: &str) -> Option<(i8, bool)> {
    let found = match lower {
        "january" => (1, false),
        "jan" => (1, true),
        "february" => (2, false),
        "feb" => (2, true),
        "march" => (3, false),
        "mar" => (3, true),
        "april" => (4, false),
        "apr" => (4, true),
        "may" => (5, false),
        "june" => (6, false),
        "jun" => (6, true),
        "july" => (7, false),
        "jul" => (7, true),
        "august" => (8, false),
        "aug" => (8, true),
        "september" => (9, false),
        "sept" | "sep" => (9, true),
        "october" => (10, false),
        "oct" => (10, true),
        "november" => (11, false),
        "nov" => (11, true),
        "december" => (12, false),
        "dec" => (12, true),
        _ => return None,
    };
    Some(found)
}

/// A weekday from its full name.
fn weekday_from_full_name(lower: &str) -> Option<Weekday> {
    Some(match lower {
        "monday" => Weekday::Monday,
        "tuesday" => Weekday::Tuesday,
        "wednesday" => Weekday::Wednesday,
        "thursday" => Weekday::Thursday,
        "friday" => Weekday::Friday,
        "saturday" => Weekday::Saturday,
        "sunday" => Weekday::Sunday,
        _ => return None,
    })
}

/// A weekday from its abbreviation ("Tue", "Thurs").
fn weekday_from_abbreviation(lower: &str) -> Option<Weekday> {
    Some(match lower {
        "mon" => Weekday::Monday,
        "tue" | "tues" => Weekday::Tuesday,
        "wed" => Weekday::Wednesday,
        "thu" | "thur" | "thurs" => Weekday::Thursday,
        "fri" => Weekday::Friday,
        "sat" => Weekday::Saturday,
        "sun" => Weekday::Sunday,
        _ => return None,
    })
}

/// Whether a date expression can start at a word (in lower case): what [`Scanner::match_at`]
/// asks of the word at its position before anything else. Every matcher there starts with
/// a number, or with one of these words: "from" or "between", a modifier ("early"), a
/// month, a weekday (written out or abbreviated), "last", "next" or "this", a count word
/// ("two") or the first word of a relative phrase ("the", "yesterday"). Most words are
/// none of these and are passed over without trying each matcher (a test checks that
/// `match_at` finds nothing at the words this rules out).
fn could_start_date(lower: &str) -> bool {
    matches!(lower, "from" | "between" | "last" | "next" | "this")
        || matches!(lower, "early" | "earlier" | "late" | "later" | "mid")
        || month_from_word(lower).is_some()
        || weekday_from_full_name(lower).is_some()
        || weekday_from_abbreviation(lower).is_some()
        || count_word(lower).is_some()
        || {
            let starts = &*RELATIVE_PHRASE_STARTS;
            lower.as_bytes().first().is_some_and(|&byte| starts.first_bytes[usize::from(byte)]) && starts.by_word.contains_key(lower)
        }
}

/// Whether a word starts with a capital letter.
fn starts_upper(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}

/// The most days a month can have (February counting leap years).
fn longest_month(month: i8) -> i8 {
    match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Whether (month, day) comes right after (month, day) in some year.
fn consecutive(first: (i8, i8), second: (i8, i8)) -> bool {
    if first.0 == second.0 {
        return second.1 == first.1 + 1;
    }
    let next_month = first.0 % 12 + 1;
    let month_ends = first.1 == longest_month(first.0) || (first.0 == 2 && first.1 == 28);
    second.0 == next_month && second.1 == 1 && month_ends
}

// ---------------------------------------------------------------------------------------
// What a match means before it is resolved.
// ---------------------------------------------------------------------------------------

/// Where the year of a month or year expression comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum YearSource {
    /// Written in digits.
    Written(i16),
    /// Not written: inferred from the publication date and the tense.
    Inferred,
    /// The most recent year written earlier in the text, shifted ("of the same year" is 0).
    Earlier(i64),
    /// The publication year, shifted ("last year" is -1).
    Published(i64),
}

/// Which occurrence of a named month or weekday is meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shift {
    /// Decided by the tense.
    Unmarked,
    /// "last": strictly before the publication date.
    Last,
    /// "next": strictly after the publication date.
    Next,
    /// "this": the publication year (months) or the tense (weekdays).
    This,
}

/// Which weekend a weekend expression means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Weekend {
    /// "over the weekend", "last weekend": the latest one ending on or before the anchor.
    Latest,
    /// "this weekend": the one of the anchor's Monday-to-Sunday week.
    ThisWeek,
    /// "next weekend": the one of the following week.
    NextWeek,
}

/// A relative expression; the number is per unit of the count word, when there is one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Relative {
    AnchorDays(i64),
    AnchorWeek(i64),
    AnchorMonth(i64),
    AnchorYear(i64),
    AnchorWeekend(Weekend),
    /// "later this week" (`true`) and "earlier this week" (`false`): the days of the
    /// anchor's week after it or before it.
    AnchorRestOfWeek(bool),
    /// "earlier in the day": the day just narrated (in this sentence or the one before),
    /// else the publication date.
    NarratedDay,
    ContextDays(i64),
    ContextWeek(i64),
    ContextMonth(i64),
    ContextYear(i64),
}

impl Relative {
    fn times(self, count: i64) -> Relative {
        let scale = |value: i64| value.saturating_mul(count);
        match self {
            Relative::AnchorDays(days) => Relative::AnchorDays(scale(days)),
            Relative::AnchorWeek(weeks) => Relative::AnchorWeek(scale(weeks)),
            Relative::AnchorMonth(months) => Relative::AnchorMonth(scale(months)),
            Relative::AnchorYear(years) => Relative::AnchorYear(scale(years)),
            Relative::AnchorWeekend(weekend) => Relative::AnchorWeekend(weekend),
            Relative::AnchorRestOfWeek(later) => Relative::AnchorRestOfWeek(later),
            Relative::NarratedDay => Relative::NarratedDay,
            Relative::ContextDays(days) => Relative::ContextDays(scale(days)),
            Relative::ContextWeek(weeks) => Relative::ContextWeek(scale(weeks)),
            Relative::ContextMonth(months) => Relative::ContextMonth(scale(months)),
            Relative::ContextYear(years) => Relative::ContextYear(scale(years)),
        }
    }
}

/// Relative phrases, word by word; `#` stands for a count ("two", "3", "a").
/// The flag marks phrases ending in "before" or "after", which count from the date in
/// context only when nothing they could count from is named next.
const RELATIVE_PHRASES: &[(&str, Relative, bool)] = &[
    ("the day before yesterday", Relative::AnchorDays(-2), false),
    ("the day after tomorrow", Relative::AnchorDays(2), false),
    ("today", Relative::AnchorDays(0), false),
    ("tonight", Relative::AnchorDays(0), false),
    ("yesterday", Relative::AnchorDays(-1), false),
    ("tomorrow", Relative::AnchorDays(1), false),
    ("earlier in the day", Relative::NarratedDay, false),
    ("later in the day", Relative::NarratedDay, false),
    ("later that day", Relative::ContextDays(0), false),
    ("earlier that day", Relative::ContextDays(0), false),
    ("that morning", Relative::ContextDays(0), false),
    ("that afternoon", Relative::ContextDays(0), false),
    ("that evening", Relative::ContextDays(0), false),
    ("that night", Relative::ContextDays(0), false),
    ("the following morning", Relative::ContextDays(1), false),
    ("the next morning", Relative::ContextDays(1), false),
    ("the following evening", Relative::ContextDays(1), false),
    ("the next evening", Relative::ContextDays(1), false),
    ("the following night", Relative::ContextDays(1), false),
    ("the previous evening", Relative::ContextDays(-1), false),
    ("the previous night", Relative::ContextDays(-1), false),
    ("the night before", Relative::ContextDays(-1), true),
    ("the evening before", Relative::ContextDays(-1), true),
    ("this morning", Relative::AnchorDays(0), false),
    ("this afternoon", Relative::AnchorDays(0), false),
    ("this evening", Relative::AnchorDays(0), false),
    ("last night", Relative::AnchorDays(-1), false),
    ("last evening", Relative::AnchorDays(-1), false),
    ("# days ago", Relative::AnchorDays(-1), false),
    ("# day ago", Relative::AnchorDays(-1), false),
    ("# weeks ago", Relative::AnchorDays(-7), false),
    ("# week ago", Relative::AnchorDays(-7), false),
    ("# months ago", Relative::AnchorMonth(-1), false),
    ("# month ago", Relative::AnchorMonth(-1), false),
    ("# years ago", Relative::AnchorYear(-1), false),
    ("# year ago", Relative::AnchorYear(-1), false),
    ("this week", Relative::AnchorWeek(0), false),
    ("last week", Relative::AnchorWeek(-1), false),
    ("next week", Relative::AnchorWeek(1), false),
    ("over the weekend", Relative::AnchorWeekend(Weekend::Latest), false),
    ("at the weekend", Relative::AnchorWeekend(Weekend::Latest), false),
    ("this past weekend", Relative::AnchorWeekend(Weekend::Latest), false),
    ("last weekend", Relative::AnchorWeekend(Weekend::Latest), false),
    ("this weekend", Relative::AnchorWeekend(Weekend::ThisWeek), false),
    ("next weekend", Relative::AnchorWeekend(Weekend::NextWeek), false),
    ("this month", Relative::AnchorMonth(0), false),
    ("last month", Relative::AnchorMonth(-1), false),
    ("next month", Relative::AnchorMonth(1), false),
    ("this year", Relative::AnchorYear(0), false),
    ("last year", Relative::AnchorYear(-1), false),
    ("next year", Relative::AnchorYear(1), false),
    ("the previous day", Relative::ContextDays(-1), false),
    ("the prior day", Relative::ContextDays(-1), false),
    ("the day before", Relative::ContextDays(-1), true),
    ("# day earlier", Relative::ContextDays(-1), false),
    ("# days earlier", Relative::ContextDays(-1), false),
    ("# day before", Relative::ContextDays(-1), true),
    ("# days before", Relative::ContextDays(-1), true),
    ("the next day", Relative::ContextDays(1), false),
    ("the following day", Relative::ContextDays(1), false),
    ("the day after", Relative::ContextDays(1), true),
    ("# day later", Relative::ContextDays(1), false),
    ("# days later", Relative::ContextDays(1), false),
    ("# day after", Relative::ContextDays(1), true),
    ("# days after", Relative::ContextDays(1), true),
    ("# weeks later", Relative::ContextDays(7), false),
    ("# week later", Relative::ContextDays(7), false),
    ("# weeks earlier", Relative::ContextDays(-7), false),
    ("# week earlier", Relative::ContextDays(-7), false),
    ("the same day", Relative::ContextDays(0), false),
    ("that same day", Relative::ContextDays(0), false),
    ("that day", Relative::ContextDays(0), false),
    ("the previous week", Relative::ContextWeek(-1), false),
    ("the prior week", Relative::ContextWeek(-1), false),
    ("the week before", Relative::ContextWeek(-1), true),
    ("the following week", Relative::ContextWeek(1), false),
    ("the week after", Relative::ContextWeek(1), true),
    ("the previous month", Relative::ContextMonth(-1), false),
    ("the following month", Relative::ContextMonth(1), false),
    ("the same year", Relative::ContextYear(0), false),
    ("that year", Relative::ContextYear(0), false),
    ("that same year", Relative::ContextYear(0), false),
    ("the previous year", Relative::ContextYear(-1), false),
    ("the following year", Relative::ContextYear(1), false),
    ("# year earlier", Relative::ContextYear(-1), false),
    ("# years earlier", Relative::ContextYear(-1), false),
    ("# year later", Relative::ContextYear(1), false),
    ("# years later", Relative::ContextYear(1), false),
];

/// The relative phrases split into words, longest first so that the longest match wins.
static RELATIVE_PHRASE_WORDS: LazyLock<Vec<(Vec<&'static str>, Relative, bool)>> = LazyLock::new(|| {
    let mut phrases: Vec<_> = RELATIVE_PHRASES
        .iter()
        .map(|(phrase, meaning, guarded)| (phrase.split_whitespace().collect::<Vec<_>>(), *meaning, *guarded))
        .collect();
    phrases.sort_by_key(|(words, _, _)| std::cmp::Reverse(words.len()));
    phrases
});

/// The relative phrases that can match at a token, as indexes into
/// [`RELATIVE_PHRASE_WORDS`] in its order: only those whose first word is the token's
/// word, or a count ("#") when the token is one. The others would fail on their first word.
struct PhraseStarts {
    /// By first word: the phrases starting with it, then (merged in order) those starting
    /// with it or with a count.
    by_word: HashMap<&'static str, (Vec<usize>, Vec<usize>)>,
    /// The phrases starting with a count.
    counted: Vec<usize>,
    /// The first bytes of the words in `by_word`: most tokens are ruled out without hashing.
    first_bytes: [bool; 256],
}

static RELATIVE_PHRASE_STARTS: LazyLock<PhraseStarts> = LazyLock::new(|| {
    let first = |index: usize| RELATIVE_PHRASE_WORDS[index].0.first().copied().unwrap_or_default();
    let all = 0..RELATIVE_PHRASE_WORDS.len();
    let counted: Vec<usize> = all.clone().filter(|&index| first(index) == "#").collect();
    let mut by_word = HashMap::default();
    let mut first_bytes = [false; 256];
    for word in all.clone().map(first).filter(|word| *word != "#") {
        if let Some(&byte) = word.as_bytes().first() {
            first_bytes[usize::from(byte)] = true;
        }
        let plain = all.clone().filter(|&index| first(index) == word).collect();
        let with_count = all.clone().filter(|&index| first(index) == word || first(index) == "#").collect();
        by_word.insert(word, (plain, with_count));
    }
    PhraseStarts { by_word, counted, first_bytes }
});

/// What a match says, before resolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Parsed {
    Calendar { month: i8, day: i8, year: Option<i16> },
    CalendarRun { start: (i8, i8), end: (i8, i8), year: Option<i16> },
    Month { month: i8, year: YearSource },
    NamedMonth { month: i8, shift: Shift },
    Year(YearSource),
    Weekday { weekday: Weekday, shift: Shift },
    WeekdayRun { start: Weekday, end: Weekday },
    Relative(Relative),
}

impl Parsed {
    fn form(&self) -> DateForm {
        match self {
            Parsed::Calendar { .. } | Parsed::CalendarRun { .. } => DateForm::Absolute,
            Parsed::Month { year: YearSource::Written(_) | YearSource::Inferred, .. } => DateForm::Absolute,
            Parsed::Year(YearSource::Written(_)) => DateForm::Absolute,
            Parsed::Weekday { .. } | Parsed::WeekdayRun { .. } => DateForm::Weekday,
            Parsed::Month { .. } | Parsed::NamedMonth { .. } | Parsed::Year(_) | Parsed::Relative(_) => DateForm::Relative,
        }
    }
}

/// A match: token span `start..end` and what it says.
#[derive(Clone, Copy, Debug)]
struct Found {
    start: usize,
    end: usize,
    parsed: Parsed,
    year_explicit: bool,
    stated_weekday: Option<Weekday>,
}

impl Found {
    fn new(start: usize, end: usize, parsed: Parsed) -> Found {
        let year_explicit = matches!(
            parsed,
            Parsed::Calendar { year: Some(_), .. }
                | Parsed::CalendarRun { year: Some(_), .. }
                | Parsed::Month { year: YearSource::Written(_), .. }
                | Parsed::Year(YearSource::Written(_))
        );
        Found { start, end, parsed, year_explicit, stated_weekday: None }
    }
}

/// A calendar date or run of dates as parsed, before it becomes a [`Found`].
#[derive(Clone, Copy, Debug)]
struct CalendarParse {
    start: (i8, i8),
    end: Option<(i8, i8)>,
    year: Option<i16>,
    next: usize,
}

impl CalendarParse {
    fn parsed(&self) -> Parsed {
        match self.end {
            Some(end) => Parsed::CalendarRun { start: self.start, end, year: self.year },
            None => Parsed::Calendar { month: self.start.0, day: self.start.1, year: self.year },
        }
    }
}

/// How a run's second date was joined to the first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Joiner {
    /// A dash or "to", "through", "until": always a run.
    Range,
    /// "and": a run only when consecutive or after "between".
    And,
}

// ---------------------------------------------------------------------------------------
// The scanner: matching at a token.
// ---------------------------------------------------------------------------------------

/// How far (in tokens) the tense reader looks either side of a mention.
const TENSE_WINDOW: usize = 60;

struct Scanner<'t> {
    tokens: Vec<Token<'t>>,
    /// The lower-case forms of the words whose text is not ([`Lower::Buffered`]).
    lowered: String,
    text_len: usize,
    sentences: &'t [Range<usize>],
    excluded: Vec<Range<usize>>,
}

impl<'t> Scanner<'t> {
    fn new(text: &'t str, sentences: &'t [Range<usize>]) -> Scanner<'t> {
        let excluded =
            if may_hold_url_or_email(text) { URL_OR_EMAIL.find_iter(text).map(|found| found.range()).collect() } else { Vec::new() };
        let Tokens { list, lowered } = tokenize(text);
        Scanner { tokens: list, lowered, text_len: text.len(), sentences, excluded }
    }

    fn word(&self, index: usize) -> Option<&str> {
        self.tokens.get(index).filter(|token| token.kind == TokenKind::Word).map(|token| self.lower(token))
    }

    /// A token's text in lower case (words; other tokens: their text).
    fn lower<'a>(&'a self, token: &'a Token<'t>) -> &'a str {
        match token.lower {
            Lower::Same => token.text,
            Lower::Buffered(start, end) => &self.lowered[start as usize..end as usize],
        }
    }

    fn word_is(&self, index: usize, options: &[&str]) -> bool {
        self.word(index).is_some_and(|word| options.contains(&word))
    }

    fn punct_is(&self, index: usize, options: &[&str]) -> bool {
        self.tokens.get(index).is_some_and(|token| token.kind == TokenKind::Punct && options.contains(&token.text))
    }

    fn is_number(&self, index: usize) -> bool {
        self.tokens.get(index).is_some_and(|token| token.kind == TokenKind::Number)
    }

    /// Whether the token exists and touches the one before it.
    fn attached(&self, index: usize) -> bool {
        self.tokens.get(index).is_some_and(|token| !token.space_before)
    }

    /// A digit run's value and number of digits.
    fn number(&self, index: usize) -> Option<(u32, usize)> {
        let token = self.tokens.get(index).filter(|token| token.kind == TokenKind::Number)?;
        let digits = token.text.len();
        if digits > 9 {
            return None;
        }
        Some((token.text.parse().ok()?, digits))
    }

    fn is_excluded(&self, start: usize, end: usize) -> bool {
        let (Some(first), Some(last)) = (self.tokens.get(start), end.checked_sub(1).and_then(|end| self.tokens.get(end))) else {
            return true;
        };
        let bytes = first.range.start..last.range.end;
        // The excluded spans come from one regex pass: sorted and disjoint.
        let first_candidate = self.excluded.partition_point(|excluded| excluded.end <= bytes.start);
        self.excluded.get(first_candidate).is_some_and(|excluded| excluded.start < bytes.end)
    }

    /// The date expression starting at token `index`, if any.
    fn find_at(&self, index: usize) -> Option<Found> {
        let token = self.tokens.get(index)?;
        if token.kind == TokenKind::Punct || token.kind == TokenKind::Word && !could_start_date(self.lower(token)) {
            return None;
        }
        let found = self.match_at(index)?;
        (!self.is_excluded(found.start, found.end)).then_some(found)
    }

    fn match_at(&self, index: usize) -> Option<Found> {
        // "from"/"between" belong to the run they introduce.
        if self.word_is(index, &["from", "between"]) {
            let between = self.word_is(index, &["between"]);
            if let Some(mut found) = self.run_after_preposition(index + 1, between) {
                found.start = index;
                return Some(found);
            }
            return None;
        }
        if self.word_is(index, MODIFIERS) {
            let mut next = index + 1;
            if self.punct_is(next, &["-"]) && self.attached(next) && self.attached(next + 1) {
                next += 1;
            }
            if let Some(mut found) = self.relative_phrase(next).or_else(|| self.month_expression(next, true)) {
                found.start = index;
                // "later this week" is the rest of the week, "earlier this week" its start.
                if found.parsed == Parsed::Relative(Relative::AnchorWeek(0)) && self.word_is(index, &["later", "earlier"]) {
                    found.parsed = Parsed::Relative(Relative::AnchorRestOfWeek(self.word_is(index, &["later"])));
                }
                return Some(found);
            }
        }
        self.iso_date(index)
            .map(|parse| Found::new(index, parse.next, parse.parsed()))
            .or_else(|| self.weekday_and_calendar(index))
            .or_else(|| self.calendar_found(index, false))
            .or_else(|| self.month_expression(index, false))
            .or_else(|| self.relative_phrase(index))
            .or_else(|| self.named_month(index))
            .or_else(|| self.weekday_run(index, false))
            .or_else(|| self.weekday_alone(index))
            .or_else(|| self.year_alone(index))
    }

    /// After "from" or "between": a run of dates or weekdays, nothing else.
    fn run_after_preposition(&self, index: usize, between: bool) -> Option<Found> {
        if let Some(parse) = self.calendar(index, between)
            && parse.end.is_some()
        {
            return Some(self.with_trailing_weekday(Found::new(index, parse.next, parse.parsed())));
        }
        self.weekday_run(index, between)
    }

    // ----- Numbers as days and years ---------------------------------------------------

    /// A day number (1-31) with an optional ordinal suffix; not part of a larger number or
    /// a time. Returns the day and the token after it.
    fn day_number(&self, index: usize) -> Option<(i8, usize)> {
        let (value, digits) = self.number(index)?;
        if digits > 2 || !(1..=31).contains(&value) {
            return None;
        }
        let mut next = index + 1;
        if self.attached(next)
            && let Some(word) = self.word(next)
        {
            if ["st", "nd", "rd", "th"].contains(&word) {
                next += 1;
            } else {
                return None;
            }
        }
        if self.attached(next) && self.punct_is(next, &[":", ",", ".", "/"]) && self.attached(next + 1) && self.is_number(next + 1) {
            return None;
        }
        if self.attached(next) && self.punct_is(next, &["%"]) {
            return None;
        }
        Some((i8::try_from(value).ok()?, next))
    }

    /// A four-digit year between 1900 and 2100 that is not part of a longer number, a
    /// decade ("1990s"), an amount or a time. `after_date` skips the look-behind (the year
    /// follows a month or day, perhaps after a comma).
    fn year_number(&self, index: usize, after_date: bool) -> Option<(i16, usize)> {
        let (value, digits) = self.number(index)?;
        if digits != 4 || !(1900..=2100).contains(&value) {
            return None;
        }
        let next = index + 1;
        if self.attached(next) {
            if self.word(next).is_some() || self.punct_is(next, &["%"]) {
                return None;
            }
            if self.punct_is(next, &[",", ".", ":", "/"])
                && self.attached(next + 1)
                && (self.is_number(next + 1) || self.word(next + 1).is_some())
            {
                return None;
            }
        }
        if !after_date
            && self.attached(index)
            && let Some(previous) = index.checked_sub(1)
        {
            let previous_token = self.tokens.get(previous)?;
            if previous_token.kind != TokenKind::Punct {
                return None;
            }
            if self.punct_is(previous, &["$", "#", "€", "£", "¥", "₩", "+"]) {
                return None;
            }
            if self.punct_is(previous, &[",", ".", "/", ":"])
                && self.attached(previous)
                && previous.checked_sub(1).is_some_and(|before| self.tokens.get(before).is_some_and(|token| token.kind != TokenKind::Punct))
            {
                return None;
            }
        }
        Some((i16::try_from(value).ok()?, next))
    }

    /// A year written after a date: ", 2025" or " 2025".
    fn year_after_date(&self, index: usize) -> Option<(i16, usize)> {
        let start = if self.punct_is(index, &[","]) { index + 1 } else { index };
        self.year_number(start, true)
    }

    // ----- Months and calendar dates ----------------------------------------------------

    /// A month name or abbreviation (with its full stop). Returns the month, the token
    /// after it and whether it was abbreviated.
    fn month_word(&self, index: usize) -> Option<(i8, usize, bool)> {
        let token = self.tokens.get(index).filter(|token| token.kind == TokenKind::Word)?;
        let (month, abbreviated) = month_from_word(self.lower(token))?;
        if matches!(self.lower(token), "may" | "march" | "mar" | "jan") && !starts_upper(token.text) {
            return None;
        }
        let mut next = index + 1;
        if abbreviated && self.punct_is(next, &["."]) && self.attached(next) {
            next += 1;
        }
        Some((month, next, abbreviated))
    }

    /// "2025-10-28" or "2025/10/28".
    fn iso_date(&self, index: usize) -> Option<CalendarParse> {
        let (year, digits) = self.number(index)?;
        if digits != 4 || !(1000..=2999).contains(&year) {
            return None;
        }
        let separator = self.tokens.get(index + 1).filter(|token| token.kind == TokenKind::Punct && !token.space_before)?.text;
        if separator != "-" && separator != "/" {
            return None;
        }
        let (month, month_digits) = self.number(index + 2)?;
        let (day, day_digits) = self.number(index + 4)?;
        if month_digits > 2 || day_digits > 2 || !self.attached(index + 2) || !self.attached(index + 4) {
            return None;
        }
        if !(self.punct_is(index + 3, &[separator]) && self.attached(index + 3)) {
            return None;
        }
        if self.attached(index)
            && index.checked_sub(1).is_some_and(|previous| {
                self.tokens.get(previous).is_some_and(|token| token.kind != TokenKind::Punct || ["-", "/", ".", ":"].contains(&token.text))
            })
        {
            return None;
        }
        let next = index + 5;
        if self.attached(next)
            && (self.is_number(next) || (self.punct_is(next, &[separator, "."]) && self.attached(next + 1) && self.is_number(next + 1)))
        {
            return None;
        }
        let year = i16::try_from(year).ok()?;
        let month = i8::try_from(month).ok()?;
        let day = i8::try_from(day).ok()?;
        make_date(year, month, day)?;
        Some(CalendarParse { start: (month, day), end: None, year: Some(year), next })
    }

    /// A calendar date or run at `index`: ISO, month first or day first.
    fn calendar(&self, index: usize, between: bool) -> Option<CalendarParse> {
        self.iso_date(index).or_else(|| self.month_first(index, between)).or_else(|| self.day_first(index, between))
    }

    /// A calendar date or run as a [`Found`], with a trailing "(Friday)" if written.
    fn calendar_found(&self, index: usize, between: bool) -> Option<Found> {
        let parse = self.calendar(index, between)?;
        Some(self.with_trailing_weekday(Found::new(index, parse.next, parse.parsed())))
    }

    /// Takes in a weekday written in brackets after a date: "Oct. 31 (Friday)".
    fn with_trailing_weekday(&self, mut found: Found) -> Found {
        if found.stated_weekday.is_none()
            && self.punct_is(found.end, &["("])
            && let Some(weekday) = self.word(found.end + 1).and_then(weekday_from_full_name)
            && self.punct_is(found.end + 2, &[")"])
        {
            found.stated_weekday = Some(weekday);
            found.end += 3;
        }
        found
    }

    /// "Oct. 27", "October 28, 2025", "Oct. 29-30", "Oct. 31 to Nov. 1, 2025".
    fn month_first(&self, index: usize, between: bool) -> Option<CalendarParse> {
        let (month, after_month, _) = self.month_word(index)?;
        let (day, after_day) = self.day_number(after_month)?;
        if day > longest_month(month) {
            return None;
        }
        let start = (month, day);
        if let Some((year, next)) = self.year_after_date(after_day) {
            return Some(CalendarParse { start, end: None, year: Some(year), next });
        }
        if let Some((end, after_end, joiner)) = self.run_tail(after_day, month)
            && run_is_valid(start, end, joiner, between)
        {
            let (year, next) = match self.year_after_date(after_end) {
                Some((year, next)) => (Some(year), next),
                None => (None, after_end),
            };
            return Some(CalendarParse { start, end: Some(end), year, next });
        }
        Some(CalendarParse { start, end: None, year: None, next: after_day })
    }

    /// A further day listed after a calendar date, sharing its month: the "17" of
    /// "Oct. 3 and 17" or "Oct. 3, 10 and 17". `index` is the token right after the
    /// previous mention, which must be that calendar date.
    fn listed_day(&self, index: usize, previous: &Found) -> Option<Found> {
        let Parsed::Calendar { month, day: previous_day, year } = previous.parsed else {
            return None;
        };
        if previous.end != index || !(self.punct_is(index, &[","]) || self.word_is(index, &["and", "or"])) {
            return None;
        }
        let (day, after_day) = self.day_number(index + 1)?;
        if day <= previous_day || day > longest_month(month) {
            return None;
        }
        let (year, next) = match self.year_after_date(after_day) {
            Some((year, next)) => (Some(year), next),
            None => (year, after_day),
        };
        let list_ends = match self.tokens.get(next) {
            None => true,
            Some(token) => match token.kind {
                TokenKind::Punct => !self.punct_is(next, &["-", "–", "%"]),
                TokenKind::Number => false,
                TokenKind::Word => LIST_END_WORDS.contains(&self.lower(token)),
            },
        };
        list_ends.then(|| Found::new(index + 1, next, Parsed::Calendar { month, day, year }))
    }

    /// The second half of a run: a joiner and "30" or "Nov. 1". `month` is the month of
    /// the first date, which a bare day number shares.
    fn run_tail(&self, index: usize, month: i8) -> Option<((i8, i8), usize, Joiner)> {
        let (joiner, next) = self.joiner(index)?;
        if let Some((end_month, after_month, _)) = self.month_word(next) {
            let (end_day, after_day) = self.day_number(after_month)?;
            return (end_day <= longest_month(end_month)).then_some(((end_month, end_day), after_day, joiner));
        }
        let (end_day, after_day) = self.day_number(next)?;
        if self.word_is(after_day, NOT_A_DAY_AFTER) || self.month_word(after_day).is_some() {
            return None;
        }
        (end_day <= longest_month(month)).then_some(((month, end_day), after_day, joiner))
    }

    /// A word or dash joining two dates; returns it and the token after it.
    fn joiner(&self, index: usize) -> Option<(Joiner, usize)> {
        if self.punct_is(index, &["-", "–"]) {
            return Some((Joiner::Range, index + 1));
        }
        if self.punct_is(index, &["—"]) && self.attached(index) && self.attached(index + 1) {
            return Some((Joiner::Range, index + 1));
        }
        if self.word_is(index, RANGE_WORDS) {
            return Some((Joiner::Range, index + 1));
        }
        if self.word_is(index, &["and"]) {
            return Some((Joiner::And, index + 1));
        }
        None
    }

    /// "27 Oct.", "26 Oct. 2025", "27th of October", "29-30 Oct.".
    fn day_first(&self, index: usize, between: bool) -> Option<CalendarParse> {
        let (day, after_day) = self.day_number(index)?;
        if self.attached(index)
            && index.checked_sub(1).is_some_and(|previous| {
                self.tokens
                    .get(previous)
                    .is_some_and(|token| token.kind != TokenKind::Punct || [".", ",", ":", "/", "-", "$"].contains(&token.text))
            })
        {
            return None;
        }
        // A run of two day numbers sharing one month: "29-30 Oct.", "29 and 30 October".
        let mut end_day = None;
        let mut month_index = after_day;
        if let Some((joiner, next)) = self.joiner(after_day)
            && let Some((second_day, after_second)) = self.day_number(next)
            && self.month_word(after_second).is_some()
        {
            end_day = Some((second_day, joiner));
            month_index = after_second;
        } else if self.word_is(after_day, &["of"]) {
            month_index = after_day + 1;
        }
        let (month, after_month, _) = self.month_word(month_index)?;
        if day > longest_month(month) {
            return None;
        }
        let start = (month, day);
        let end = match end_day {
            Some((second_day, joiner)) => {
                let end = (month, second_day);
                if second_day > longest_month(month) || !run_is_valid(start, end, joiner, between) {
                    return None;
                }
                Some(end)
            }
            None => None,
        };
        let (year, next) = match self.year_after_date(after_month) {
            Some((year, next)) => (Some(year), next),
            None => (None, after_month),
        };
        Some(CalendarParse { start, end, year, next })
    }

    /// "Tuesday, October 28, 2025", "Thursday, Oct. 31", "Friday (Oct. 31)", "Fri. Oct. 31".
    fn weekday_and_calendar(&self, index: usize) -> Option<Found> {
        let token = self.tokens.get(index).filter(|token| token.kind == TokenKind::Word)?;
        let (weekday, mut next) = match weekday_from_full_name(self.lower(token)) {
            Some(weekday) => (weekday, index + 1),
            None => {
                let weekday = weekday_from_abbreviation(self.lower(token)).filter(|_| starts_upper(token.text))?;
                let after = if self.punct_is(index + 1, &["."]) && self.attached(index + 1) { index + 2 } else { index + 1 };
                (weekday, after)
            }
        };
        if self.weekday_is_a_name(index) {
            return None;
        }
        if self.punct_is(next, &[","]) {
            next += 1;
        }
        let bracketed = self.punct_is(next, &["("]);
        if bracketed {
            next += 1;
        }
        let parse = self.calendar(next, false)?;
        let mut end = parse.next;
        if bracketed && self.punct_is(end, &[")"]) {
            end += 1;
        }
        let mut found = Found::new(index, end, parse.parsed());
        found.stated_weekday = Some(weekday);
        Some(found)
    }

    /// "June 2018", "June of 2018", "June of the same year", "June last year", and a bare
    /// month after "in", "since" and the like. `modified` says an "early"/"late"/"mid"
    /// came right before, which is context enough for a bare month.
    fn month_expression(&self, index: usize, modified: bool) -> Option<Found> {
        let (month, after_month, abbreviated) = self.month_word(index)?;
        if let Some((year, next)) = self.year_after_date(after_month) {
            return Some(Found::new(index, next, Parsed::Month { month, year: YearSource::Written(year) }));
        }
        let words = |at: usize, expected: &[&str]| expected.iter().enumerate().all(|(offset, word)| self.word_is(at + offset, &[word]));
        if self.word_is(after_month, &["of"]) {
            let after_of = after_month + 1;
            if let Some((year, next)) = self.year_number(after_of, true) {
                return Some(Found::new(index, next, Parsed::Month { month, year: YearSource::Written(year) }));
            }
            let earlier_years: &[(&[&str], i64)] = &[
                (&["the", "same", "year"], 0),
                (&["that", "same", "year"], 0),
                (&["that", "year"], 0),
                (&["the", "following", "year"], 1),
                (&["the", "next", "year"], 1),
                (&["the", "previous", "year"], -1),
            ];
            for (phrase, shift) in earlier_years {
                if words(after_of, phrase) {
                    return Some(Found::new(index, after_of + phrase.len(), Parsed::Month { month, year: YearSource::Earlier(*shift) }));
                }
            }
            for (word, shift) in [("last", -1), ("this", 0), ("next", 1)] {
                if words(after_of, &[word, "year"]) {
                    return Some(Found::new(index, after_of + 2, Parsed::Month { month, year: YearSource::Published(shift) }));
                }
            }
        }
        for (word, shift) in [("last", -1), ("this", 0), ("next", 1)] {
            if words(after_month, &[word, "year"]) {
                return Some(Found::new(index, after_month + 2, Parsed::Month { month, year: YearSource::Published(shift) }));
            }
        }
        if abbreviated || self.is_number(after_month) {
            return None;
        }
        if !modified {
            let previous = index.checked_sub(1)?;
            let context = if month == 3 || month == 5 { MAY_MARCH_CONTEXT } else { MONTH_CONTEXT };
            if !self.word_is(previous, context) {
                return None;
            }
        }
        Some(Found::new(index, after_month, Parsed::Month { month, year: YearSource::Inferred }))
    }

    /// "last June", "next March", "this June".
    fn named_month(&self, index: usize) -> Option<Found> {
        let shift = match self.word(index)? {
            "last" => Shift::Last,
            "next" => Shift::Next,
            "this" => Shift::This,
            _ => return None,
        };
        let (month, next, abbreviated) = self.month_word(index + 1)?;
        if abbreviated || self.is_number(next) {
            return None;
        }
        Some(Found::new(index, next, Parsed::NamedMonth { month, shift }))
    }

    // ----- Relative phrases -------------------------------------------------------------

    /// A count: "a", "two", "3".
    fn count(&self, index: usize) -> Option<i64> {
        if let Some((value, digits)) = self.number(index) {
            return (digits <= 4 && value > 0).then_some(i64::from(value));
        }
        let word = self.word(index)?;
        count_word(word)
    }

    /// The longest relative phrase at `index` ("the previous day", "three days ago").
    fn relative_phrase(&self, index: usize) -> Option<Found> {
        if self.attached(index) && index.checked_sub(1).is_some_and(|previous| self.punct_is(previous, &["-"])) {
            return None;
        }
        let starts = &*RELATIVE_PHRASE_STARTS;
        let counted = self.count(index).is_some();
        let listed = self
            .word(index)
            .filter(|word| word.as_bytes().first().is_some_and(|&byte| starts.first_bytes[usize::from(byte)]))
            .and_then(|word| starts.by_word.get(word));
        let candidates = match listed {
            Some((plain, with_count)) => {
                if counted {
                    with_count
                } else {
                    plain
                }
            }
            None if counted => &starts.counted,
            None => return None,
        };
        // A phrase of two words or more matches only if its second word is the next token's
        // (no phrase has a count there): that one comparison rules most of them out.
        let next = self.word(index + 1);
        'phrases: for (words, meaning, guarded) in candidates.iter().map(|&candidate| &RELATIVE_PHRASE_WORDS[candidate]) {
            if let Some(&second) = words.get(1)
                && second != "#"
                && next != Some(second)
            {
                continue;
            }
            let mut count = 1;
            for (offset, word) in words.iter().enumerate() {
                let at = index + offset;
                if *word == "#" {
                    match self.count(at) {
                        Some(value) => count = value,
                        None => continue 'phrases,
                    }
                } else if !self.word_is(at, &[word]) {
                    continue 'phrases;
                }
            }
            let end = index + words.len();
            // Not part of a hyphenated compound ("day-to-day").
            if self.punct_is(end, &["-"]) && self.attached(end) && self.attached(end + 1) {
                continue;
            }
            if *guarded && self.names_a_reference(end) {
                continue;
            }
            if self.phrase_is_not_a_date(index, words) {
                continue;
            }
            return Some(Found::new(index, end, Parsed::Relative(meaning.times(count))));
        }
        None
    }

    /// Phrases that read as dates but are not here: "the last week" and "the next year"
    /// are durations, and a capitalised "Today" after a capitalised word is a name
    /// ("USA Today").
    fn phrase_is_not_a_date(&self, index: usize, words: &[&str]) -> bool {
        let previous = index.checked_sub(1);
        let starts_with_last_or_next = words.first().is_some_and(|word| *word == "last" || *word == "next");
        if starts_with_last_or_next && previous.is_some_and(|previous| self.word_is(previous, &["the"])) {
            return true;
        }
        let Some(token) = self.tokens.get(index) else {
            return false;
        };
        words.len() == 1
            && starts_upper(token.text)
            && token.space_before
            && previous.is_some_and(|previous| {
                self.tokens.get(previous).is_some_and(|before| before.kind == TokenKind::Word && starts_upper(before.text))
            })
    }

    /// Whether the token starts something "the day before" could count from
    /// ("the day before the summit", "the day before he left", "a day before Oct. 27",
    /// "three days after officers beat him"): any word or number but a verb or a joining
    /// word that goes on the clause. Only a phrase that ends its clause ("two days after,
    /// she returned", "found dead the day before was revised") counts from the date in
    /// context.
    fn names_a_reference(&self, index: usize) -> bool {
        let Some(token) = self.tokens.get(index) else {
            return false;
        };
        match token.kind {
            TokenKind::Number => true,
            // (A capitalised word is a name: "the day before May 5" counts from May 5.)
            TokenKind::Word => starts_upper(token.text) || !CLAUSE_GOES_ON.contains(&self.lower(token)),
            TokenKind::Punct => false,
        }
    }

    // ----- Weekdays ---------------------------------------------------------------------

    /// Whether the weekday at `index` is part of a name ("Black Friday", "Easter Sunday").
    fn weekday_is_a_name(&self, index: usize) -> bool {
        index.checked_sub(1).is_some_and(|previous| self.word_is(previous, WEEKDAY_NAME_PREFIXES))
    }

    /// Whether the weekday at `index` recurs ("every Monday") rather than naming a day.
    fn weekday_recurs(&self, index: usize) -> bool {
        index.checked_sub(1).is_some_and(|previous| self.word_is(previous, &["every", "each"]))
    }

    /// A full weekday name at `index` that is not part of a name.
    fn full_weekday(&self, index: usize) -> Option<Weekday> {
        let weekday = self.word(index).and_then(weekday_from_full_name)?;
        (!self.weekday_is_a_name(index)).then_some(weekday)
    }

    /// "Sunday through Tuesday", "Monday to Wednesday", "Monday and Tuesday".
    fn weekday_run(&self, index: usize, between: bool) -> Option<Found> {
        let start = self.full_weekday(index)?;
        if self.weekday_recurs(index) {
            return None;
        }
        let (joiner, next) = self.joiner(index + 1)?;
        let end = self.full_weekday(next)?;
        if start == end {
            return None;
        }
        if joiner == Joiner::And && !between && end != start.next() {
            return None;
        }
        Some(Found::new(index, next + 1, Parsed::WeekdayRun { start, end }))
    }

    /// "Monday", "last Friday", "next Monday".
    fn weekday_alone(&self, index: usize) -> Option<Found> {
        let shift = match self.word(index)? {
            "last" => Shift::Last,
            "next" => Shift::Next,
            "this" => Shift::This,
            _ => Shift::Unmarked,
        };
        let weekday_index = if shift == Shift::Unmarked { index } else { index + 1 };
        let weekday = self.full_weekday(weekday_index)?;
        if self.weekday_recurs(weekday_index) {
            return None;
        }
        Some(Found::new(index, weekday_index + 1, Parsed::Weekday { weekday, shift }))
    }

    // ----- Years -------------------------------------------------------------------------

    /// A four-digit year in date-like company: "in 2018", "since 2019", "2018 and 2019".
    fn year_alone(&self, index: usize) -> Option<Found> {
        let (year, next) = self.year_number(index, false)?;
        let in_context = index.checked_sub(1).is_some_and(|previous| {
            self.word_is(previous, YEAR_CONTEXT)
                || (self.punct_is(previous, &["-"]) && previous.checked_sub(1).is_some_and(|before| self.word_is(before, &["mid"])))
        });
        let paired_after = self.joiner(next).is_some_and(|(_, after)| self.year_number(after, true).is_some());
        let paired_before = index.checked_sub(2).is_some_and(|before| {
            self.joiner(before + 1).is_some_and(|(_, after)| after == index) && self.year_number(before, true).is_some()
        });
        (in_context || paired_after || paired_before || self.year_before_noun(index, next, year))
            .then(|| Found::new(index, next, Parsed::Year(YearSource::Written(year))))
    }

    /// A year that qualifies the noun after it, behind a determiner or a possessive: "a
    /// 2019 byelection", "the 2021 election", "Canada's 2025 budget". Not a count of the
    /// noun ("the 2000 people"), and only a year of modern news.
    fn year_before_noun(&self, index: usize, next: usize, year: i16) -> bool {
        let determiner = index.checked_sub(1).is_some_and(|previous| {
            self.word_is(previous, YEAR_DETERMINERS)
                || self.word_is(previous, &["s"])
                    && self.attached(previous)
                    && previous.checked_sub(1).is_some_and(|apostrophe| self.punct_is(apostrophe, &["'", "’"]))
        });
        let noun =
            self.tokens.get(next).is_some_and(|token| token.kind == TokenKind::Word && token.space_before && !starts_upper(token.text))
                && !self.word_is(next, COUNTED_NOUNS)
                && !self.word_is(next, LIST_END_WORDS);
        (YEAR_BEFORE_NOUN_FROM..=YEAR_BEFORE_NOUN_TO).contains(&year) && determiner && noun
    }

    // ----- Tense and reports -------------------------------------------------------------

    /// Whether the weekday or month at tokens `start..end` sits in future copy. `nearest`
    /// is, for a weekday, whether its nearest day is still to come.
    fn is_future(&self, start: usize, end: usize, nearest: Option<bool>) -> bool {
        let Some(first) = self.tokens.get(start) else {
            return false;
        };
        let byte = first.range.start;
        let position = self.sentences.partition_point(|sentence| sentence.end <= byte);
        let sentence = self.sentences.get(position).filter(|sentence| sentence.start <= byte).cloned().unwrap_or(0..self.text_len);
        let sentence_first =
            self.tokens.partition_point(|token| token.range.start < sentence.start).max(start.saturating_sub(TENSE_WINDOW));
        let sentence_end = self.tokens.partition_point(|token| token.range.start < sentence.end).min(end.saturating_add(TENSE_WINDOW));
        let mut clause_first = start;
        while clause_first > sentence_first && !self.breaks_clause(clause_first - 1) {
            clause_first -= 1;
        }
        let mut clause_end = end;
        while clause_end < sentence_end && !self.breaks_clause(clause_end) {
            clause_end += 1;
        }
        let clause = self.nearest_tense(clause_first..clause_end, start, end);
        // "the venue for Friday's summit": a weekday that owns a noun is not in the tense
        // of the sentence's verb ("arrived"). With no tense of its own clause it is the
        // nearest such day, tomorrow before last week.
        if clause.is_none()
            && let Some(weekday) = nearest
            && self.punct_is(end, &["'", "’"])
            && self.attached(end + 1)
            && self.word_is(end + 1, &["s"])
        {
            return weekday;
        }
        clause.or_else(|| self.nearest_tense(sentence_first..sentence_end.max(sentence_first), start, end)).unwrap_or(false)
    }

    fn breaks_clause(&self, index: usize) -> bool {
        self.punct_is(index, CLAUSE_BREAK_PUNCTUATION) || self.word_is(index, CLAUSE_BREAK_WORDS)
    }

    /// The tense of the nearest marker before the mention, else after it: `Some(true)` for
    /// future.
    fn nearest_tense(&self, tokens: Range<usize>, start: usize, end: usize) -> Option<bool> {
        let markers = self.tense_markers(tokens);
        let before = markers.iter().rev().find(|(index, _)| *index < start);
        let after = markers.iter().find(|(index, _)| *index >= end);
        before.or(after).map(|(_, future)| *future)
    }

    /// Tense markers in a stretch of tokens: (token index, whether future).
    fn tense_markers(&self, tokens: Range<usize>) -> Vec<(usize, bool)> {
        let mut markers = Vec::new();
        let mut index = tokens.start;
        'tokens: while index < tokens.end {
            for marker in FUTURE_MARKERS {
                let matches_at =
                    |at: usize, words: &[&str]| words.iter().enumerate().all(|(offset, word)| self.word_is(at + offset, &[word]));
                // The marker, or "is then set to", "are now expected to": an adverb after the
                // verb "to be".
                let marker_len = if matches_at(index, marker) {
                    marker.len()
                } else if marker.len() > 1
                    && matches!(marker[0], "is" | "are")
                    && self.word_is(index, &[marker[0]])
                    && self.word_is(index + 1, ADVERBS_AFTER_BE)
                    && matches_at(index + 2, &marker[1..])
                {
                    marker.len() + 1
                } else {
                    continue;
                };
                let will_is_a_noun =
                    marker == &["will"] && index.checked_sub(1).is_some_and(|previous| self.word_is(previous, WILL_AS_NOUN_AFTER));
                if !will_is_a_noun {
                    markers.push((index, true));
                    index += marker_len;
                    continue 'tokens;
                }
            }
            if self.punct_is(index, &["'", "’"]) && self.attached(index + 1) && self.word_is(index + 1, &["ll"]) {
                markers.push((index, true));
                index += 2;
                continue;
            }
            // Reported speech puts "will" in the past: "said on Sunday that he would not seek
            // reelection in 2030" tells a plan, as "will not seek reelection in 2030" does.
            // (Not "would have", nor a "would" no report stands before: "if convicted, he
            // would face", "the crowd would gather every evening".)
            if self.word_is(index, &["would"])
                && !self.word_is(index + 1, &["have"])
                && !(self.word_is(index + 1, &["not"]) && self.word_is(index + 2, &["have"]))
                && (index.saturating_sub(REPORTED_WOULD_WITHIN).max(tokens.start)..index).any(|i| self.word_is(i, REPORTING_VERBS))
            {
                markers.push((index, true));
                index += 1;
                continue;
            }
            // "the scheduled Nov. 26 dividend", "its planned March vote": a plan named by
            // its adjective, no past.
            if self.plan_adjective(index) {
                markers.push((index, true));
                index += 1;
                continue;
            }
            if let Some(word) = self.word(index) {
                // (A participle after "be" is no past: "she will be elected today".)
                let past_form = word.len() >= 4
                    && word.ends_with("ed")
                    && !NOT_PAST_ED.contains(&word)
                    && !index.checked_sub(1).is_some_and(|previous| self.word_is(previous, &["be"]));
                if past_form || PAST_OR_PRESENT_WORDS.contains(&word) {
                    markers.push((index, false));
                }
            }
            index += 1;
        }
        markers
    }

    /// Whether the word at `index` is a plan's adjective after a determiner ("the
    /// scheduled", "its planned"; see [`PLAN_ADJECTIVES`]).
    fn plan_adjective(&self, index: usize) -> bool {
        self.word_is(index, PLAN_ADJECTIVES) && index.checked_sub(1).is_some_and(|previous| self.word_is(previous, YEAR_DETERMINERS))
    }

    /// Whether the clause before the mention at token `start` is told in the past: its
    /// nearest verb form before it is a past one ("started again on Jan. 9"), not a
    /// present or future one ("vote on Sept. 18", "will meet on Jan. 7").
    fn told_as_past(&self, start: usize) -> bool {
        let limit = start.saturating_sub(TENSE_WINDOW);
        let mut index = start;
        while index > limit {
            index -= 1;
            if self.breaks_clause(index) {
                return false;
            }
            let Some(word) = self.word(index) else { continue };
            if matches!(word, "will" | "shall" | "upcoming") {
                return false;
            }
            if word.len() >= 4 && word.ends_with("ed") && !NOT_PAST_ED.contains(&word) || IRREGULAR_PAST.contains(&word) {
                // ("scheduled for Friday", "expected to", "is set", "has been delayed": a
                // plan, or a state now.)
                // (Nor "the scheduled Nov. 26 payout": a plan named by its adjective.)
                // (Nor a day a plan was set for: see `set_for`.)
                let set_for = self.word_is(index, SETTING_VERBS) && self.set_for(start);
                let planned = self.word_is(index + 1, &["for", "to"])
                    || index.checked_sub(1).is_some_and(|previous| self.word_is(previous, &["is", "are", "be", "been", "being"]))
                    || self.plan_adjective(index)
                    || set_for;
                return !planned;
            }
            if PAST_OR_PRESENT_WORDS.contains(&word) {
                return false;
            }
        }
        false
    }

    /// Whether the mention at token `start` is the day a plan was set for, by a verb of
    /// [`SETTING_VERBS`] in its clause, whatever its tense, with "for" or "until" between
    /// them: "set a hearing for Robinson at 10 a.m. Sept. 29", "called an election for May
    /// 3", "adjourned the case until Oct. 3".
    fn set_for(&self, start: usize) -> bool {
        let limit = start.saturating_sub(TENSE_WINDOW);
        let mut index = start;
        let mut for_seen = false;
        while index > limit {
            index -= 1;
            if self.breaks_clause(index) {
                return false;
            }
            if self.word_is(index, &["for", "until"]) {
                for_seen = true;
            } else if self.word_is(index, SETTING_VERBS) {
                return for_seen;
            }
        }
        false
    }

    /// Whether the mention at token `start` dates a report ("said Tuesday", "reported on
    /// Sunday") rather than an event.
    fn dates_a_report(&self, start: usize) -> bool {
        let Some(mut previous) = start.checked_sub(1) else {
            return false;
        };
        if self.word_is(previous, &["on"]) {
            let Some(before) = previous.checked_sub(1) else {
                return false;
            };
            previous = before;
        }
        self.word_is(previous, REPORTING_VERBS)
    }
}

/// Whether two dates make a run: the end comes after the start, and an "and" joins only
/// consecutive days unless "between" came first.
fn run_is_valid(start: (i8, i8), end: (i8, i8), joiner: Joiner, between: bool) -> bool {
    if start.0 == end.0 && end.1 <= start.1 {
        return false;
    }
    joiner == Joiner::Range || between || consecutive(start, end)
}

// ---------------------------------------------------------------------------------------
// Resolution.
// ---------------------------------------------------------------------------------------

/// Sentence ends after which the day last narrated no longer anchors "the previous day",
/// "the following week" (see [`Resolver::resolve`]).
const STALE_CONTEXT: u8 = 4;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Resolver {
    anchor: DateAnchor,
    /// The latest single day resolved so far.
    context_day: Option<Date>,
    /// The latest single day resolved so far that does not only date a report.
    context_event_day: Option<Date>,
    /// The latest year written in digits.
    last_written_year: Option<i16>,
    /// Sentence ends passed since `context_day` was set (at most [`STALE_CONTEXT`]: "long ago").
    day_age: u8,
    /// A span of days (a month, a week, "late January") was told after the context day:
    /// "that day" then has no day to point at.
    span_since_day: bool,
}

impl Resolver {
    fn new(anchor: DateAnchor) -> Resolver {
        Resolver { anchor, context_day: None, context_event_day: None, last_written_year: None, day_age: 2, span_since_day: false }
    }

    /// Records a resolved mention as context for the ones after it.
    fn remember(&mut self, value: Option<DateValue>, year_explicit: bool, is_report_date: bool) {
        if !is_report_date && matches!(value, Some(DateValue::Days(..) | DateValue::Month { .. })) {
            self.span_since_day = true;
        }
        if let Some(DateValue::Day(day)) = value {
            self.span_since_day = false;
            self.context_day = Some(day);
            self.day_age = 0;
            if !is_report_date {
                self.context_event_day = Some(day);
            }
        }
        if year_explicit && let Some(value) = value {
            self.last_written_year = Some(value.end().year());
        }
    }

    /// Counts `sentences` sentence ends passed since the context day was set.
    fn age(&mut self, sentences: usize) {
        self.day_age = u8::try_from(sentences).unwrap_or(u8::MAX).saturating_add(self.day_age).min(STALE_CONTEXT);
    }

    fn resolve(&self, parsed: &Parsed, future: impl Fn() -> bool, past: impl Fn() -> bool) -> Option<DateValue> {
        let published = self.anchor.published;
        match *parsed {
            Parsed::Calendar { month, day, year } => {
                let date = match year {
                    Some(year) => make_date(year, month, day)?,
                    None => self.infer_day(month, day, &past, &future)?,
                };
                Some(DateValue::Day(date))
            }
            Parsed::CalendarRun { start, end, year } => {
                let wraps = end < start;
                let (first, last) = match year {
                    Some(year) => {
                        let start_year = if wraps { shift_year(year, -1)? } else { year };
                        (make_date(start_year, start.0, start.1)?, make_date(year, end.0, end.1)?)
                    }
                    None => {
                        let first = self.infer_day(start.0, start.1, &past, &future)?;
                        let end_year = if wraps { shift_year(first.year(), 1)? } else { first.year() };
                        (first, make_date(end_year, end.0, end.1)?)
                    }
                };
                (first < last).then_some(DateValue::Days(first, last))
            }
            Parsed::Month { month, year } => {
                let year = match year {
                    YearSource::Inferred => self.infer_month_year(month, future())?,
                    other => self.year_of(other)?,
                };
                Some(DateValue::Month { year, month })
            }
            Parsed::NamedMonth { month, shift } => {
                let published = published?;
                let (year, current) = (published.year(), published.month());
                let year = match shift {
                    Shift::Last if month < current => year,
                    Shift::Last => shift_year(year, -1)?,
                    Shift::Next if month > current => year,
                    Shift::Next => shift_year(year, 1)?,
                    Shift::This | Shift::Unmarked => year,
                };
                Some(DateValue::Month { year, month })
            }
            Parsed::Year(source) => Some(DateValue::Year(self.year_of(source)?)),
            Parsed::Weekday { weekday, shift } => {
                let published = published?;
                let day = match shift {
                    Shift::Last => weekday_on_or_before(published, weekday, true)?,
                    Shift::Next => weekday_on_or_after(published, weekday, true)?,
                    Shift::This | Shift::Unmarked if future() => weekday_on_or_after(published, weekday, false)?,
                    Shift::This | Shift::Unmarked => weekday_on_or_before(published, weekday, false)?,
                };
                Some(DateValue::Day(day))
            }
            Parsed::WeekdayRun { start, end } => {
                let published = published?;
                let run_from = |first: Date| -> Option<DateValue> {
                    let last = weekday_on_or_after(first, end, true)?;
                    Some(DateValue::Days(first, last))
                };
                let latest = run_from(weekday_on_or_before(published, start, false)?)?;
                if latest.end() >= published || !future() { Some(latest) } else { run_from(weekday_on_or_after(published, start, false)?) }
            }
            Parsed::Relative(relative) => self.resolve_relative(relative),
        }
    }

    fn resolve_relative(&self, relative: Relative) -> Option<DateValue> {
        let published = self.anchor.published;
        let week_of = |day: Date, weeks: i64| -> Option<DateValue> {
            let monday = add_days(monday_of_week(day)?, weeks.checked_mul(7)?)?;
            Some(DateValue::Days(monday, add_days(monday, 6)?))
        };
        let month_of = |day: Date, months: i64| -> Option<DateValue> {
            let (year, month) = shift_month(day.year(), day.month(), months)?;
            Some(DateValue::Month { year, month })
        };
        match relative {
            Relative::AnchorDays(days) => Some(DateValue::Day(add_days(published?, days)?)),
            // On a Sunday, "this week" may be the week ending or the one starting, and
            // "next week" and "last week" shift with it: unresolved, never a conflict.
            Relative::AnchorWeek(_) if published?.weekday() == Weekday::Sunday => None,
            Relative::AnchorWeek(weeks) => week_of(published?, weeks),
            Relative::AnchorRestOfWeek(later) => {
                let published = published?;
                // Written on a Sunday, "later this week" is the week starting tomorrow and
                // "earlier this week" the one ending today.
                let (first, last) = match (later, published.weekday()) {
                    (true, Weekday::Sunday) => (add_days(published, 1)?, add_days(published, 6)?),
                    (true, _) => (add_days(published, 1)?, add_days(monday_of_week(published)?, 6)?),
                    (false, _) => (monday_of_week(published)?, add_days(published, -1)?),
                };
                match first.cmp(&last) {
                    Ordering::Less => Some(DateValue::Days(first, last)),
                    Ordering::Equal => Some(DateValue::Day(first)),
                    Ordering::Greater => None,
                }
            }
            Relative::AnchorMonth(months) => month_of(published?, months),
            Relative::AnchorYear(years) => Some(DateValue::Year(shift_year(published?.year(), years)?)),
            Relative::AnchorWeekend(weekend) => {
                let published = published?;
                let sunday = match weekend {
                    Weekend::Latest => weekday_on_or_before(published, Weekday::Sunday, false)?,
                    Weekend::ThisWeek => add_days(monday_of_week(published)?, 6)?,
                    Weekend::NextWeek => add_days(monday_of_week(published)?, 13)?,
                };
                Some(DateValue::Days(add_days(sunday, -1)?, sunday))
            }
            Relative::NarratedDay => {
                let narrated = if self.day_age <= 1 { self.context_event_day.or(self.context_day) } else { None };
                Some(DateValue::Day(narrated.or(published)?))
            }
            // A day narrated many sentences back is no longer the one "the previous week"
            // counts from: the writer may count from the story's own day, or from another
            // day left unwritten. Such a date stays unresolved.
            _ if matches!(relative, Relative::ContextDays(_) | Relative::ContextWeek(_) | Relative::ContextMonth(_))
                && self.context_day.is_some()
                && self.day_age >= STALE_CONTEXT =>
            {
                None
            }
            Relative::ContextDays(days) => {
                if days == 0 && self.span_since_day {
                    return None;
                }
                let base = if days == 0 { self.context_event_day.or(self.context_day) } else { self.context_day };
                Some(DateValue::Day(add_days(base.or(published)?, days)?))
            }
            Relative::ContextWeek(weeks) => week_of(self.context_day.or(published)?, weeks),
            Relative::ContextMonth(months) => month_of(self.context_day.or(published)?, months),
            Relative::ContextYear(years) => Some(DateValue::Year(shift_year(self.last_written_year?, years)?)),
        }
    }

    fn year_of(&self, source: YearSource) -> Option<i16> {
        match source {
            YearSource::Written(year) => Some(year),
            YearSource::Inferred => self.anchor.published.map(|published| published.year()),
            YearSource::Earlier(shift) => shift_year(self.last_written_year?, shift),
            YearSource::Published(shift) => shift_year(self.anchor.published?.year(), shift),
        }
    }

    /// The year for a day written without one: closest to the publication date, else the
    /// fallback year. A day more than [`FAR_AHEAD_DAYS`] ahead told in the past tense
    /// ([`Scanner::told_as_past`]) is the past one instead: copy of October that says a fire
    /// "started on Jan. 9" means the January gone, not the one to come. So with the fallback
    /// year, a day more than that past the day the page was likely written by
    /// ([`DateAnchor::written_by`]) and not told as a plan (`future`).
    fn infer_day(&self, month: i8, day: i8, past: &impl Fn() -> bool, future: &impl Fn() -> bool) -> Option<Date> {
        let Some(published) = self.anchor.published else {
            let date = make_date(self.anchor.fallback_year?, month, day)?;
            // (The page's own time is a guess: any copy not told as a plan will do, "after
            // embarking on June 5, the two were supposed to".)
            if self.anchor.written_by.is_some_and(|by| days_between(by, date) > FAR_AHEAD_DAYS) && !future() {
                return make_date(shift_year(date.year(), -1)?, month, day).or(Some(date));
            }
            return Some(date);
        };
        let closest = [-1, 0, 1].into_iter().filter_map(|shift| make_date(shift_year(published.year(), shift)?, month, day)).min_by(
            |first, second| {
                let distance = |date: &Date| days_between(published, *date).abs();
                match distance(first).cmp(&distance(second)) {
                    Ordering::Equal => first.cmp(second),
                    other => other,
                }
            },
        )?;
        if days_between(published, closest) > FAR_AHEAD_DAYS && past() {
            return make_date(shift_year(closest.year(), -1)?, month, day).or(Some(closest));
        }
        Some(closest)
    }

    /// The year for a month written without one: by the tense, relative to the
    /// publication month; else the fallback year.
    fn infer_month_year(&self, month: i8, future: bool) -> Option<i16> {
        // (Not the fallback year: a month an undated page names without a year is as often
        // the year before, "stuck there since September".)
        let published = self.anchor.published?;
        let (year, current) = (published.year(), published.month());
        match (future, month.cmp(&current)) {
            (true, Ordering::Less) => shift_year(year, 1),
            (false, Ordering::Greater) => shift_year(year, -1),
            _ => Some(year),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use std::borrow::Cow;

    /// The tokenizer as it was, a `String` per capitalised word: the reference for [`tokenize`].
    fn tokenize_reference(text: &str) -> Vec<(TokenKind, Range<usize>, String, bool)> {
        let mut tokens = Vec::new();
        let mut characters = text.char_indices().peekable();
        let mut space_before = true;
        while let Some((start, character)) = characters.next() {
            if character.is_whitespace() || character == '\0' {
                space_before = true;
                continue;
            }
            let kind = if character.is_ascii_digit() {
                TokenKind::Number
            } else if character.is_alphabetic() {
                TokenKind::Word
            } else {
                TokenKind::Punct
            };
            let mut end = start + character.len_utf8();
            if kind != TokenKind::Punct {
                while let Some(&(next_start, next)) = characters.peek() {
                    let continues = match kind {
                        TokenKind::Number => next.is_ascii_digit(),
                        _ => next.is_alphabetic(),
                    };
                    if !continues {
                        break;
                    }
                    end = next_start + next.len_utf8();
                    characters.next();
                }
            }
            let piece = text.get(start..end).unwrap_or_default();
            let lower = if kind == TokenKind::Word { crate::annotate::names::lower_case(piece) } else { Cow::Borrowed(piece) };
            tokens.push((kind, start..end, lower.into_owned(), space_before));
            space_before = false;
        }
        tokens
    }

    /// Random texts over an alphabet of ASCII and other letters, digits, white space
    /// (ASCII and not), NUL, punctuation and characters whose lower case is special.
    fn random_texts(count: usize, alphabet: &[&str]) -> Vec<String> {
        let mut state = 0x5851_f42d_4c95_7f2d_u64;
        (0..count)
            .map(|_| {
                (0..20)
                    .map(|_| {
                        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                        alphabet[(state >> 33) as usize % alphabet.len()]
                    })
                    .collect()
            })
            .collect()
    }

    /// [`could_start_date`] rules out only words at which [`Scanner::match_at`] finds
    /// nothing: on synthetic articles, the expression table and random soups of the words
    /// the matchers know (in any case), with numbers and punctuation between them.
    #[test]
    fn words_ruled_out_start_no_date() {
        let world = crate::synth::World::new(11);
        let mut texts: Vec<String> = (0..150).map(|k| world.article(k).1).collect();
        texts.extend(ROWS.iter().map(|row| row.0.to_string()));
        let mut known: Vec<&str> = vec!["from", "between", "last", "next", "this", "of", "year", "day", "week", "month", "ago"];
        for list in [
            MODIFIERS,
            MONTH_CONTEXT,
            MAY_MARCH_CONTEXT,
            YEAR_CONTEXT,
            LIST_END_WORDS,
            RANGE_WORDS,
            CLAUSE_GOES_ON,
            NOT_A_DAY_AFTER,
            WEEKDAY_NAME_PREFIXES,
            &MONTH_ABBREVIATED,
            &MONTH_FULL,
        ] {
            known.extend(list);
        }
        known.extend(RELATIVE_PHRASES.iter().flat_map(|(phrase, _, _)| phrase.split_whitespace()));
        known.extend(["mon", "tue", "Thurs", "Sept", "sat", "Sunday", "two", "a", "an", "ten", "twenty", "st", "th", "said", "Korsk"]);
        known.extend(["2025", "27", "3", "1999", "12", "-", "–", "/", ".", ",", "(", ")", ":", "%", "$", "@"]);
        let mut state = 0x1f83_d9ab_fb41_bd6b_u64;
        for _ in 0..4000 {
            let text: Vec<String> = (0..12)
                .map(|_| {
                    state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                    let word = known[(state >> 33) as usize % known.len()];
                    match (state >> 20) % 4 {
                        0 => word.to_uppercase(),
                        1 => word.chars().next().map(|c| c.to_uppercase().chain(word.chars().skip(1)).collect()).unwrap_or_default(),
                        _ => word.to_string(),
                    }
                })
                .collect();
            texts.push(text.join(if (state >> 40).is_multiple_of(3) { "" } else { " " }));
        }
        let (mut ruled_out, mut found) = (0, 0);
        for text in &texts {
            let sentences = [0..text.len()];
            let scanner = Scanner::new(text, &sentences);
            for (index, token) in scanner.tokens.iter().enumerate() {
                let matched = scanner.match_at(index);
                found += usize::from(matched.is_some());
                if token.kind == TokenKind::Word && !could_start_date(scanner.lower(token)) {
                    ruled_out += 1;
                    assert!(matched.is_none(), "{:?} at {index} of {text:?}", token.text);
                }
            }
        }
        assert!(MODIFIERS.iter().all(|modifier| could_start_date(modifier)));
        assert!(ruled_out > 50_000 && found > 2_000, "words ruled out: {ruled_out}, dates found: {found}");
    }

    #[test]
    fn tokens_are_the_reference_tokens() {
        let alphabet = [
            "a", "Z", "Oct", "May", "é", "É", "Σ", "ΑΣ", "İ", "ǅ", "ß", "ẞ", "K", "\u{212a}", "7", "2025", "٣", " ", "\t", "\n", "\u{b}",
            "\u{c}", "\r", "\u{1c}", "\0", "\u{a0}", "\u{85}", "\u{2003}", "\u{3000}", ".", ",", "-", "–", "“", "'", "@", "😀",
        ];
        let mut texts = random_texts(3000, &alphabet);
        texts.push("Tuesday, October 28, 2025: ΟΔΥΣΣΕΥΣ met KIM in Velmar 3 days ago.".to_string());
        for text in &texts {
            let Tokens { list, lowered } = tokenize(text);
            let scanner = Scanner { tokens: list, lowered, text_len: text.len(), sentences: &[], excluded: Vec::new() };
            let tokens: Vec<_> = scanner
                .tokens
                .iter()
                .map(|token| (token.kind, token.range.clone(), scanner.lower(token).to_string(), token.space_before))
                .collect();
            assert_eq!(tokens, tokenize_reference(text), "tokens of {text:?}");
            assert!(scanner.tokens.iter().all(|token| token.text == &text[token.range.clone()]));
        }
    }

    #[test]
    fn no_url_or_email_where_the_quick_test_says_none() {
        // Case-insensitive matching folds no other character to the letters the quick test looks for.
        let letters = Regex::new(r"(?i)^[htpwemail]$").expect("letters");
        let folded: Vec<char> =
            (0..=0x10ffff).filter_map(char::from_u32).filter(|c| !c.is_ascii() && letters.is_match(c.encode_utf8(&mut [0; 4]))).collect();
        assert_eq!(folded, Vec::<char>::new());
        let alphabet = ["http", "HTTPS", "s", "://", "www", "WwW", ".", "@", "a", "b", "[", "EMAIL", "]", " ", "é", "-", "\n"];
        let mut found = 0;
        for text in random_texts(3000, &alphabet) {
            let matches = URL_OR_EMAIL.find_iter(&text).count();
            found += matches;
            if !may_hold_url_or_email(&text) {
                assert_eq!(matches, 0, "{text:?}");
            }
        }
        assert!(found > 100, "the inputs hold URLs and addresses: {found}");
        assert!(!may_hold_url_or_email("On Oct. 28, Pak met Korbin (3 days ago) in Korsk."));
        assert!(may_hold_url_or_email("See HTTP://x or a@b.c"));
    }

    /// One row of the expression table: the text, the anchor ("" none, "y2024" a fallback
    /// year, else the publication date), the expected mention text ("" when the text must
    /// yield no mention at all), its value ("" none, "2025-10-27" a day, "a/b" a run,
    /// "2018-06" a month, "2018" a year), its form (A, W or R) and stated weekday.
    type Row = (&'static str, &'static str, &'static str, &'static str, char, &'static str);

    const P28: &str = "2025-10-28";

    #[rustfmt::skip]
    const ROWS: &[Row] = &[
        // Calendar dates, with and without a year.
        ("Roe met Korbin on Oct. 27.", P28, "Oct. 27", "2025-10-27", 'A', ""),
        ("Roe met Korbin on Oct 27 in Korsk.", P28, "Oct 27", "2025-10-27", 'A', ""),
        ("Roe met Korbin on October 27.", P28, "October 27", "2025-10-27", 'A', ""),
        ("The parade on Sept. 3 drew crowds.", P28, "Sept. 3", "2025-09-03", 'A', ""),
        ("The parade on Sep. 3 drew crowds.", P28, "Sep. 3", "2025-09-03", 'A', ""),
        ("A photo taken 27 Oct. shows her.", P28, "27 Oct.", "2025-10-27", 'A', ""),
        ("Published: 26 Oct. 2025, 17:17", "", "26 Oct. 2025", "2025-10-26", 'A', ""),
        ("The treaty was signed on October 28, 2025 in Korsk.", "", "October 28, 2025", "2025-10-28", 'A', ""),
        ("They met on Oct. 27, 2025.", "", "Oct. 27, 2025", "2025-10-27", 'A', ""),
        ("date 2025-10-28 Roe arrived", "", "2025-10-28", "2025-10-28", 'A', ""),
        ("posted 2025/10/28 at noon", "", "2025/10/28", "2025-10-28", 'A', ""),
        ("Korbin met Roe in Korsk on Nov. 4, 2024.", P28, "Nov. 4, 2024", "2024-11-04", 'A', ""),
        ("They met on Oct. 27th.", P28, "Oct. 27th", "2025-10-27", 'A', ""),
        ("They met on the 27th of October.", P28, "27th of October", "2025-10-27", 'A', ""),
        ("They met on Nov. 4 last time.", P28, "Nov. 4", "2025-11-04", 'A', ""),
        ("The talks ended on Dec. 30.", "2026-01-03", "Dec. 30", "2025-12-30", 'A', ""),
        // Told in the past, a day months ahead is the one gone; planned or present, the one to come.
        ("The fire broke out again on Jan. 7.", "2025-10-09", "Jan. 7", "2025-01-07", 'A', ""),
        ("Sentencing is scheduled for Jan. 7.", "2025-10-09", "Jan. 7", "2026-01-07", 'A', ""),
        ("Shareholders vote on Jan. 7.", "2025-10-09", "Jan. 7", "2026-01-07", 'A', ""),
        ("The talks open on Jan. 2.", "2025-12-29", "Jan. 2", "2026-01-02", 'A', ""),
        ("They met on Oct. 27.", "y2024", "Oct. 27", "2024-10-27", 'A', ""),
        ("They met on Oct. 27.", "", "Oct. 27", "", 'A', ""),
        ("OCT. 27, 2025: TALKS IN MOSCOW", "", "OCT. 27, 2025", "2025-10-27", 'A', ""),
        ("The vote was on Feb. 29.", P28, "Feb. 29", "2024-02-29", 'A', ""),
        ("The law passed May 5, 2025.", "", "May 5, 2025", "2025-05-05", 'A', ""),
        ("The rally on March 3 was peaceful.", "2025-04-10", "March 3", "2025-03-03", 'A', ""),
        ("They met on 3 May.", P28, "3 May", "2025-05-03", 'A', ""),
        ("The war began on June 25, 1950.", "", "June 25, 1950", "1950-06-25", 'A', ""),
        // A weekday written beside a date.
        ("North Korean state media revealed today, Tuesday, October 28, 2025, that", "", "Tuesday, October 28, 2025", "2025-10-28", 'A', "Tue"),
        ("The summit opens on Thursday, Oct. 31.", "2025-10-29", "Thursday, Oct. 31", "2025-10-31", 'A', "Thu"),
        ("The summit opens on Friday (Oct. 31) in Gyeongju.", P28, "Friday (Oct. 31)", "2025-10-31", 'A', "Fri"),
        ("The summit opens Friday Oct. 31.", P28, "Friday Oct. 31", "2025-10-31", 'A', "Fri"),
        ("The trip was announced on Sat., Oct. 26.", P28, "Sat., Oct. 26", "2025-10-26", 'A', "Sat"),
        ("The summit opens on Oct. 31 (Friday).", P28, "Oct. 31 (Friday)", "2025-10-31", 'A', "Fri"),
        ("Sunday, 26 October 2025", "", "Sunday, 26 October 2025", "2025-10-26", 'A', "Sun"),
        ("The VNA announced the trip on Saturday, Oct. 26.", "2025-10-29", "Saturday, Oct. 26", "2025-10-26", 'A', "Sat"),
        // Runs of days.
        ("Hollis visits South Korea on Oct. 29-30.", P28, "Oct. 29-30", "2025-10-29/2025-10-30", 'A', ""),
        ("Hollis visits South Korea on Oct. 29–30.", P28, "Oct. 29–30", "2025-10-29/2025-10-30", 'A', ""),
        ("Hollis visits South Korea on October 29 and 30.", P28, "October 29 and 30", "2025-10-29/2025-10-30", 'A', ""),
        ("South Korea hosts the summit on Oct. 30 and 31.", "2025-10-27", "Oct. 30 and 31", "2025-10-30/2025-10-31", 'A', ""),
        ("The summit is on Oct. 31 and Nov. 1 in Gyeongju.", P28, "Oct. 31 and Nov. 1", "2025-10-31/2025-11-01", 'A', ""),
        ("The gathering runs Oct. 31 to Nov. 1.", P28, "Oct. 31 to Nov. 1", "2025-10-31/2025-11-01", 'A', ""),
        ("The gathering runs from Oct. 31 to Nov. 1.", P28, "from Oct. 31 to Nov. 1", "2025-10-31/2025-11-01", 'A', ""),
        ("He will visit between Oct. 29 and 31.", P28, "between Oct. 29 and 31", "2025-10-29/2025-10-31", 'A', ""),
        ("The summit, Oct. 31-Nov. 1, drew leaders.", P28, "Oct. 31-Nov. 1", "2025-10-31/2025-11-01", 'A', ""),
        ("The summit, Oct. 31-Nov. 1, 2025, drew leaders.", "", "Oct. 31-Nov. 1, 2025", "2025-10-31/2025-11-01", 'A', ""),
        ("The holiday runs Dec. 30-Jan. 2, 2026.", "", "Dec. 30-Jan. 2, 2026", "2025-12-30/2026-01-02", 'A', ""),
        ("The summit runs 29-30 Oct. in Gyeongju.", P28, "29-30 Oct.", "2025-10-29/2025-10-30", 'A', ""),
        ("Her visit to Russia runs from Sunday through Tuesday.", P28, "from Sunday through Tuesday", "2025-10-26/2025-10-28", 'W', ""),
        ("The visit will run from Sunday through Tuesday.", "2025-10-27", "from Sunday through Tuesday", "2025-10-26/2025-10-28", 'W', ""),
        ("They will meet Monday to Wednesday.", "2025-10-30", "Monday to Wednesday", "2025-11-03/2025-11-05", 'W', ""),
        ("They met Monday to Wednesday.", "2025-10-30", "Monday to Wednesday", "2025-10-27/2025-10-29", 'W', ""),
        ("They met on Oct. 3 and Nov. 20.", P28, "Oct. 3", "2025-10-03", 'A', ""),
        // A plan named by its adjective is still to come, whatever the verb's tense.
        ("Paxton sued to stop the scheduled Nov. 26 payout.", P28, "Nov. 26", "2025-11-26", 'A', ""),
        ("They met on Oct. 3 and Nov. 20.", P28, "Nov. 20", "2025-11-20", 'A', ""),
        ("They met on Oct. 3 and 17 in Seoul.", P28, "17", "2025-10-17", 'A', ""),
        ("Rounds were held on Oct. 3, 10 and 17.", P28, "10", "2025-10-10", 'A', ""),
        ("Rounds were held on Oct. 3, 10 and 17.", P28, "17", "2025-10-17", 'A', ""),
        ("Rounds were held on Oct. 3 and 17, 2024.", P28, "17, 2024", "2024-10-17", 'A', ""),
        // Months.
        ("Hollis met Pak in Singapore in June 2018.", "", "June 2018", "2018-06", 'A', ""),
        ("Hollis met Pak in Singapore in June of 2018.", "", "June of 2018", "2018-06", 'A', ""),
        ("The second summit was in Hanoi in February 2019.", "", "February 2019", "2019-02", 'A', ""),
        ("She last visited Korsk in November 2024.", P28, "November 2024", "2024-11", 'A', ""),
        ("The figures for Oct. 2025 are in.", "", "Oct. 2025", "2025-10", 'A', ""),
        ("Korbin visited Velmar in June.", P28, "June", "2025-06", 'A', ""),
        ("Korbin met Roe at the palace in January.", P28, "January", "2025-01", 'A', ""),
        ("Pak will visit Korsk in January.", P28, "January", "2026-01", 'A', ""),
        ("The talks collapsed in December.", P28, "December", "2024-12", 'A', ""),
        // A bare month of an undated page stays unresolved: the fallback year is for days.
        ("Korbin visited Velmar in June.", "y2024", "June", "", 'A', ""),
        ("Korbin visited Velmar in June.", "", "June", "", 'A', ""),
        ("Hollis met Pak in February 2019 and at Panmunjom in June of the same year.", "", "June of the same year", "2019-06", 'R', ""),
        ("They met in February 2019 and again in June of that year.", "", "June of that year", "2019-06", 'R', ""),
        ("The treaty was signed in June last year.", P28, "June last year", "2024-06", 'R', ""),
        ("Since October last year, troops have fought.", P28, "October last year", "2024-10", 'R', ""),
        ("Pak and Korbin met in Beijing last month.", P28, "last month", "2025-09", 'R', ""),
        ("Prices rose this month.", P28, "this month", "2025-10", 'R', ""),
        ("Talks resume next month.", P28, "next month", "2025-11", 'R', ""),
        ("Roe said earlier this month that", P28, "earlier this month", "2025-10", 'R', ""),
        ("The envoy left late last month.", P28, "late last month", "2025-09", 'R', ""),
        ("The talks began in early June.", P28, "early June", "2025-06", 'A', ""),
        ("It happened during a late-August visit to Mongolia.", P28, "late-August", "2025-08", 'A', ""),
        ("They last met last June.", P28, "last June", "2025-06", 'R', ""),
        ("The border was closed in May.", P28, "May", "2025-05", 'A', ""),
        ("Troops have been there since March.", P28, "March", "2025-03", 'A', ""),
        // Years.
        ("Hollis met Pak in 2018.", "", "2018", "2018", 'A', ""),
        ("Troops have fought since 2019.", "", "2019", "2019", 'A', ""),
        ("They held summits in 2018 and 2019.", "", "2019", "2019", 'A', ""),
        ("They held summits 2018 and 2019.", "", "2018", "2018", 'A', ""),
        ("The 2018-2019 talks failed.", "", "2019", "2019", 'A', ""),
        ("The treaty was signed last year.", P28, "last year", "2024", 'R', ""),
        ("Growth slowed this year.", P28, "this year", "2025", 'R', ""),
        ("Pak may visit next year.", P28, "next year", "2026", 'R', ""),
        ("Pak may visit next year.", "", "next year", "", 'R', ""),
        ("The plant should close by 2030.", "", "2030", "2030", 'A', ""),
        ("Talks stalled in early 2019.", "", "2019", "2019", 'A', ""),
        ("In 2018, Hollis met Pak.", "", "2018", "2018", 'A', ""),
        ("The first meeting was in 2018; the second the following year.", "", "the following year", "2019", 'R', ""),
        // Weekdays alone.
        ("Korbin met Roe on Monday.", P28, "Monday", "2025-10-27", 'W', ""),
        ("The talks were held, state media reported Tuesday.", P28, "Tuesday", "2025-10-28", 'W', ""),
        ("Roe met Korbin, state media said Tuesday.", P28, "Tuesday", "2025-10-28", 'W', ""),
        ("Roe left Velmar last Friday.", P28, "last Friday", "2025-10-24", 'W', ""),
        ("The decree was signed last Tuesday.", P28, "last Tuesday", "2025-10-21", 'W', ""),
        ("The ministers meet next Monday.", P28, "next Monday", "2025-11-03", 'W', ""),
        ("Hollis will visit Seoul on Wednesday.", P28, "Wednesday", "2025-10-29", 'W', ""),
        ("The funeral Mass is set for Saturday in the square.", P28, "Saturday", "2025-11-01", 'W', ""),
        ("The vote, scheduled for Monday, could change everything.", P28, "Monday", "2025-11-03", 'W', ""),
        ("Roe is due in Tarnow on Sunday.", P28, "Sunday", "2025-11-02", 'W', ""),
        ("Roe is set to visit Russia on Sunday.", "2025-10-25", "Sunday", "2025-10-26", 'W', ""),
        ("The talks are scheduled for Thursday.", P28, "Thursday", "2025-10-30", 'W', ""),
        ("Korbin plans to meet Roe on Thursday.", P28, "Thursday", "2025-10-30", 'W', ""),
        ("Roe is expected to arrive Thursday.", P28, "Thursday", "2025-10-30", 'W', ""),
        ("She'll fly home on Friday.", P28, "Friday", "2025-10-31", 'W', ""),
        // The present of a scheduled event.
        ("The striker, who turns 20 on Thursday, scored twice.", P28, "Thursday", "2025-10-30", 'W', ""),
        ("The museum reopens on Wednesday after the theft.", P28, "Wednesday", "2025-10-29", 'W', ""),
        ("Deliberations resume on Monday in the old courthouse.", P28, "Monday", "2025-11-03", 'W', ""),
        ("The series returns to Harlow for Game 5 on Thursday.", P28, "Thursday", "2025-10-30", 'W', ""),
        // An adverb after "is": "is then set to".
        ("The council is then set to vote on Monday.", P28, "Monday", "2025-11-03", 'W', ""),
        ("The upcoming talks on Friday will matter.", P28, "Friday", "2025-10-31", 'W', ""),
        ("The VNA reported on Sunday that Roe will visit Russia.", "2025-10-27", "Sunday", "2025-10-26", 'W', ""),
        ("Roe departed Velmar on Sunday to visit Russia.", P28, "Sunday", "2025-10-26", 'W', ""),
        ("The two reaffirmed their will to strengthen ties, state media reported Tuesday.", P28, "Tuesday", "2025-10-28", 'W', ""),
        ("Korbin met Roe on Monday.", "", "Monday", "", 'W', ""),
        ("On Sunday, Roe will fly to Tarnow.", P28, "Sunday", "2025-11-02", 'W', ""),
        ("Friday's meeting was tense.", P28, "Friday", "2025-10-24", 'W', ""),
        // A weekday that owns a noun, with no tense in its clause: the nearest such day.
        ("The envoys arrived at the hotel, the venue for Friday's summit, under guard.", P28, "Friday", "2025-10-31", 'W', ""),
        ("Crews searched the rubble after Saturday's quake.", P28, "Saturday", "2025-10-25", 'W', ""),
        ("Roe arrived on Sunday and will meet Korbin on Monday.", "2025-10-26", "Monday", "2025-10-27", 'W', ""),
        // Relative to the publication date.
        ("The VNA said today that", P28, "today", "2025-10-28", 'R', ""),
        ("Pak will speak tonight.", P28, "tonight", "2025-10-28", 'R', ""),
        ("The ministers met yesterday.", P28, "yesterday", "2025-10-27", 'R', ""),
        ("The ministers meet tomorrow.", P28, "tomorrow", "2025-10-29", 'R', ""),
        ("State media said earlier in the day that", P28, "earlier in the day", "2025-10-28", 'R', ""),
        ("Roe plans to meet Korbin later in the day.", P28, "later in the day", "2025-10-28", 'R', ""),
        ("The envoy said earlier today that", P28, "earlier today", "2025-10-28", 'R', ""),
        ("A statement is due later today.", P28, "later today", "2025-10-28", 'R', ""),
        ("The plane landed this morning.", P28, "this morning", "2025-10-28", 'R', ""),
        ("The talks resumed this afternoon.", P28, "this afternoon", "2025-10-28", 'R', ""),
        ("A dinner follows this evening.", P28, "this evening", "2025-10-28", 'R', ""),
        ("Missiles were fired last night.", P28, "last night", "2025-10-27", 'R', ""),
        ("Hollis visits South Korea this week.", P28, "this week", "2025-10-27/2025-11-02", 'R', ""),
        ("The envoy visited last week.", P28, "last week", "2025-10-20/2025-10-26", 'R', ""),
        ("The envoy returns next week.", P28, "next week", "2025-11-03/2025-11-09", 'R', ""),
        ("Hollis departed for Asia over the weekend.", "2025-10-27", "over the weekend", "2025-10-25/2025-10-26", 'R', ""),
        ("Hollis departed for Asia over the weekend.", "2025-10-26", "over the weekend", "2025-10-25/2025-10-26", 'R', ""),
        ("Protests spread last weekend.", "2025-10-29", "last weekend", "2025-10-25/2025-10-26", 'R', ""),
        ("Protests are planned this weekend.", "2025-10-29", "this weekend", "2025-11-01/2025-11-02", 'R', ""),
        ("Protests are under way this weekend.", "2025-11-01", "this weekend", "2025-11-01/2025-11-02", 'R', ""),
        ("Talks resume later this week.", P28, "later this week", "2025-10-29/2025-11-02", 'R', ""),
        ("Talks resume later this week.", "2025-10-26", "later this week", "2025-10-27/2025-11-01", 'R', ""),
        ("Talks began earlier this week.", P28, "earlier this week", "2025-10-27", 'R', ""),
        ("Talks began earlier this week.", "2025-10-26", "earlier this week", "2025-10-20/2025-10-25", 'R', ""),
        ("The envoy returns next week.", "2025-10-26", "next week", "", 'R', ""),
        ("Hollis visits South Korea this week.", "2025-10-26", "this week", "", 'R', ""),
        ("The envoy visited last week.", "2025-10-26", "last week", "", 'R', ""),
        ("The talks collapsed three days ago.", P28, "three days ago", "2025-10-25", 'R', ""),
        ("The talks collapsed 3 days ago.", P28, "3 days ago", "2025-10-25", 'R', ""),
        ("The talks collapsed a week ago.", P28, "a week ago", "2025-10-21", 'R', ""),
        ("The talks collapsed two weeks ago.", P28, "two weeks ago", "2025-10-14", 'R', ""),
        ("The talks collapsed a year ago.", P28, "a year ago", "2024", 'R', ""),
        ("The ministers met yesterday.", "", "yesterday", "", 'R', ""),
        // Relative to the date in context.
        ("The embassy hosted a banquet the previous day.", P28, "the previous day", "2025-10-27", 'R', ""),
        ("Roe arrived on Oct. 26 and met Marlov the next day.", P28, "the next day", "2025-10-27", 'R', ""),
        ("Roe arrived on Oct. 26 and met Marlov the following day.", P28, "the following day", "2025-10-27", 'R', ""),
        ("Roe met Marlov on Oct. 27 and Korbin a day later.", P28, "a day later", "2025-10-28", 'R', ""),
        ("Roe met Korbin on Oct. 27, having met Marlov a day earlier.", P28, "a day earlier", "2025-10-26", 'R', ""),
        ("Roe met Korbin on Oct. 27. She had arrived the day before.", P28, "the day before", "2025-10-26", 'R', ""),
        ("Roe met Korbin on Oct. 27. She had arrived a day before.", P28, "a day before", "2025-10-26", 'R', ""),
        ("Roe met Korbin on Oct. 27 and left two days later.", P28, "two days later", "2025-10-29", 'R', ""),
        ("Roe met Korbin on Oct. 27, three days earlier than planned.", P28, "three days earlier", "2025-10-24", 'R', ""),
        ("Roe met Korbin on Oct. 27 and Marlov the same day.", P28, "the same day", "2025-10-27", 'R', ""),
        // After a span of days, "that day" has no day to point at.
        ("The fire began on Oct. 7. The president toured the area in late October. That day he met the mayor.", P28, "That day", "", 'R', ""),
        ("Roe met Korbin on Oct. 27. Marlov spoke that day.", P28, "that day", "2025-10-27", 'R', ""),
        ("Roe met Korbin on Oct. 27. Earlier the same day she met Marlov.", P28, "Earlier the same day", "2025-10-27", 'R', ""),
        ("Roe met Korbin on Oct. 27. Marlov spoke later that day.", P28, "later that day", "2025-10-27", 'R', ""),
        ("Roe met Korbin on October 24. Earlier in the day she met Marlov.", P28, "Earlier in the day", "2025-10-24", 'R', ""),
        ("Roe met Korbin on October 24. She left later in the day.", P28, "later in the day", "2025-10-24", 'R', ""),
        ("Roe met Korbin on October 24. She spoke. Marlov spoke. She left later in the day.", P28, "later in the day", "2025-10-28", 'R', ""),
        ("Roe met Korbin on Oct. 24. That evening she dined with Marlov.", P28, "That evening", "2025-10-24", 'R', ""),
        ("Roe met Korbin on Oct. 24 and flew home the following morning.", P28, "the following morning", "2025-10-25", 'R', ""),
        ("Roe met Korbin on Oct. 24, having landed the night before.", P28, "the night before", "2025-10-23", 'R', ""),
        ("The summit opened on Oct. 29, after talks the previous week.", P28, "the previous week", "2025-10-20/2025-10-26", 'R', ""),
        // A day narrated four sentences back no longer anchors it.
        (
            "The river rose on Oct. 4. Crews came. Roads shut. Schools closed. The previous week, a hearing ran long.",
            P28,
            "The previous week",
            "",
            'R',
            "",
        ),
        ("The river rose on Oct. 4. Crews came. The previous week, a hearing ran long.", P28, "The previous week", "2025-09-22/2025-09-28", 'R', ""),
        ("The summit opened on Oct. 29; a second round came the following week.", P28, "the following week", "2025-11-03/2025-11-09", 'R', ""),
        ("Roe met Korbin on Monday, state media said Tuesday. Earlier the same day she met Marlov.", P28, "Earlier the same day", "2025-10-27", 'R', ""),
        // Not dates.
        ("She may visit Korsk soon.", P28, "", "", 'A', ""),
        ("Protesters march through the capital.", P28, "", "", 'A', ""),
        ("Around 2,000 troops were deployed.", P28, "", "", 'A', ""),
        ("North Korea has sent around 15,000 troops.", P28, "", "", 'A', ""),
        ("About 1,500 people attended.", P28, "", "", 'A', ""),
        ("The meeting ended at 17:17.", P28, "", "", 'A', ""),
        ("They talked for about a minute.", P28, "", "", 'A', ""),
        ("It was her second visit.", P28, "", "", 'A', ""),
        ("Ties grew over the past three and a half months.", P28, "", "", 'A', ""),
        ("Korbin noted it was National Unity Day.", P28, "", "", 'A', ""),
        ("Leaders attended China's Victory Day parade.", P28, "", "", 'A', ""),
        ("See https://example.com/2025/10/28/story for details.", P28, "", "", 'A', ""),
        ("Write to desk2019@example.com with tips.", P28, "", "", 'A', ""),
        ("The Sun reported the story.", P28, "", "", 'A', ""),
        ("Sat on the bench, he waited.", P28, "", "", 'A', ""),
        ("Some 2018 troops were deployed.", P28, "", "", 'A', ""),
        ("Music from the 1990s played.", P28, "", "", 'A', ""),
        ("Black Friday sales slumped.", P28, "", "", 'A', ""),
        ("They discussed that day-to-day work.", P28, "", "", 'A', ""),
        ("The report came out in Oct.", P28, "", "", 'A', ""),
        ("The envoy left the day before the summit.", P28, "", "", 'A', ""),
        ("May Day rallies drew crowds.", P28, "", "", 'A', ""),
        ("Prices rose 12.2019 percent.", P28, "", "", 'A', ""),
        ("A two-day trip was planned.", P28, "", "", 'A', ""),
        ("USA Today reported the story.", P28, "", "", 'A', ""),
        ("Prices rose over the last week.", P28, "", "", 'A', ""),
        ("Growth will slow in the next year.", P28, "", "", 'A', ""),
        ("The market opens every Monday.", P28, "", "", 'A', ""),
        ("On Oct. 3, 17 people died.", P28, "Oct. 3", "2025-10-03", 'A', ""),
    ];

    fn anchor_from(text: &str) -> DateAnchor {
        if text.is_empty() {
            DateAnchor::default()
        } else if let Some(year) = text.strip_prefix('y') {
            DateAnchor { published: None, fallback_year: year.parse().ok(), written_by: None }
        } else {
            DateAnchor { published: text.parse().ok(), fallback_year: None, written_by: None }
        }
    }

    fn value_from(text: &str) -> Option<DateValue> {
        if text.is_empty() {
            return None;
        }
        if let Some((first, last)) = text.split_once('/') {
            return Some(DateValue::Days(first.parse().expect("run start"), last.parse().expect("run end")));
        }
        match text.len() {
            4 => Some(DateValue::Year(text.parse().expect("year"))),
            7 => Some(DateValue::Month { year: text[..4].parse().expect("year"), month: text[5..].parse().expect("month") }),
            _ => Some(DateValue::Day(text.parse().expect("day"))),
        }
    }

    fn form_from(letter: char) -> DateForm {
        match letter {
            'A' => DateForm::Absolute,
            'W' => DateForm::Weekday,
            _ => DateForm::Relative,
        }
    }

    fn weekday_from(text: &str) -> Option<Weekday> {
        match text {
            "Mon" => Some(Weekday::Monday),
            "Tue" => Some(Weekday::Tuesday),
            "Wed" => Some(Weekday::Wednesday),
            "Thu" => Some(Weekday::Thursday),
            "Fri" => Some(Weekday::Friday),
            "Sat" => Some(Weekday::Saturday),
            "Sun" => Some(Weekday::Sunday),
            _ => None,
        }
    }

    /// Runs `find_dates` on one text with sentences split at ". ".
    fn run(text: &str, anchor: DateAnchor) -> Vec<DateMention> {
        let mut sentences = Vec::new();
        let mut start = 0;
        for (at, _) in text.match_indices(". ") {
            sentences.push(start..at + 1);
            start = at + 2;
        }
        sentences.push(start..text.len());
        find_dates(text, &sentences, anchor)
    }

    /// What one row got wrong, if anything.
    fn check_row(row: &Row) -> Option<String> {
        let (text, anchor, expected_text, expected_value, form, weekday) = *row;
        let mentions = run(text, anchor_from(anchor));
        let shown: Vec<_> = mentions.iter().map(|mention| (&text[mention.range.clone()], mention.value)).collect();
        if expected_text.is_empty() {
            return (!mentions.is_empty()).then(|| format!("{text:?}: expected no mention, got {shown:?}"));
        }
        let matching: Vec<_> = mentions.iter().filter(|mention| &text[mention.range.clone()] == expected_text).collect();
        let [mention] = matching.as_slice() else {
            return Some(format!("{text:?}: expected one mention {expected_text:?}, got {shown:?}"));
        };
        let expected = (value_from(expected_value), form_from(form), weekday_from(weekday));
        let got = (mention.value, mention.form, mention.stated_weekday);
        (expected != got).then(|| format!("{text:?} [{expected_text}]: expected {expected:?}, got {got:?}"))
    }

    #[test]
    fn expression_table() {
        assert!(ROWS.len() >= 120, "the table has {} rows", ROWS.len());
        let no_mention_rows = ROWS.iter().filter(|row| row.2.is_empty()).count();
        assert!(no_mention_rows >= 15, "only {no_mention_rows} rows expect no mention");
        let failures: Vec<_> = ROWS.iter().filter_map(check_row).collect();
        assert!(failures.is_empty(), "{} of {} rows failed:\n{}", failures.len(), ROWS.len(), failures.join("\n"));
    }

    fn texts(text: &str, mentions: &[DateMention]) -> Vec<String> {
        mentions.iter().map(|mention| text[mention.range.clone()].to_string()).collect()
    }

    #[test]
    fn exactly_these_mentions() {
        let cases: &[(&str, &[&str])] = &[
            ("On Oct. 3, 17 people died.", &["Oct. 3"]),
            ("He quit on Oct. 27, a day after announcing his opposition.", &["Oct. 27"]),
            // (An event told by a clause is named too: it, not the date in context, is
            // what the days count from.)
            ("He died on Oct. 30, three days after officers beat him.", &["Oct. 30"]),
            ("Two days after voters rejected it, the plan was dropped.", &[]),
            ("They met the day before May 5.", &["May 5"]),
            ("Today, Tuesday, October 28, 2025, the talks began.", &["Today", "Tuesday, October 28, 2025"]),
            ("Summits in Singapore in 2018 and Vietnam in 2019.", &["2018", "2019"]),
            ("She may visit in May.", &["May"]),
            ("They march on Sunday.", &["Sunday"]),
            ("Results came Sun., Oct. 26 at noon.", &["Sun., Oct. 26"]),
            ("See you Sun. at the Sat. market on Wed.", &[]),
            // A year qualifying a noun is a date; a four-digit count of one is not.
            ("The 2018 summit failed.", &["2018"]),
            ("He won a 2019 byelection and Canada's 2021 election.", &["2019", "2021"]),
            ("The 2000 people left the 1500 block.", &[]),
            ("Some 2018 summits failed.", &[]),
            ("Exports rose on Oct. 27 to 30 percent.", &["Oct. 27"]),
            ("The war lasted from 2018 to 2019.", &["2018", "2019"]),
            ("They met Monday and Wednesday.", &["Monday", "Wednesday"]),
            ("They met between Monday and Wednesday.", &["between Monday and Wednesday"]),
            ("They met Monday and Tuesday.", &["Monday and Tuesday"]),
            ("They met from Oct. 27 onwards.", &["Oct. 27"]),
            ("A 24-hour strike began at 17:17 on 2,000 sites.", &[]),
            ("조선중앙통신은 Oct. 27 보도했다 😀", &["Oct. 27"]),
        ];
        let anchor = DateAnchor { published: Some(date(2025, 10, 28)), fallback_year: None, written_by: None };
        for (text, expected) in cases {
            assert_eq!(texts(text, &run(text, anchor)), *expected, "{text:?}");
        }
    }

    #[test]
    fn a_report_date_is_the_context_for_the_previous_day() {
        let text = "The newspaper reported on Sunday that the embassy hosted a banquet the previous day.";
        let mentions = run(text, DateAnchor { published: Some(date(2025, 10, 26)), fallback_year: None, written_by: None });
        assert_eq!(texts(text, &mentions), ["Sunday", "the previous day"]);
        assert_eq!(mentions[0].value, Some(DateValue::Day(date(2025, 10, 26))));
        assert_eq!(mentions[1].value, Some(DateValue::Day(date(2025, 10, 25))));
    }

    #[test]
    fn the_same_year_takes_the_latest_written_year() {
        let text = "Hollis met Pak in Singapore in June 2018, in Hanoi in February 2019 and at Panmunjom in June of the same year.";
        let mentions = run(text, DateAnchor::default());
        assert_eq!(texts(text, &mentions), ["June 2018", "February 2019", "June of the same year"]);
        let values: Vec<_> = mentions.iter().map(|mention| mention.value).collect();
        assert_eq!(
            values,
            [
                Some(DateValue::Month { year: 2018, month: 6 }),
                Some(DateValue::Month { year: 2019, month: 2 }),
                Some(DateValue::Month { year: 2019, month: 6 }),
            ]
        );
        assert!(mentions[0].year_explicit && mentions[1].year_explicit && !mentions[2].year_explicit);
    }

    #[test]
    fn context_chains_across_sentences() {
        let text = "Roe left Velmar on Sunday. She met Marlov the next day. Two days later she flew to Tarnow. \
                    The previous day she had toured a factory.";
        let sentences = crate::annotate::sentences::split_sentences(text);
        let mentions =
            find_dates(text, &sentences, DateAnchor { published: Some(date(2025, 10, 30)), fallback_year: None, written_by: None });
        let values: Vec<_> = mentions.iter().map(|mention| mention.value).collect();
        assert_eq!(texts(text, &mentions), ["Sunday", "the next day", "Two days later", "The previous day"]);
        assert_eq!(
            values,
            [
                Some(DateValue::Day(date(2025, 10, 26))),
                Some(DateValue::Day(date(2025, 10, 27))),
                Some(DateValue::Day(date(2025, 10, 29))),
                Some(DateValue::Day(date(2025, 10, 28))),
            ]
        );
    }

    #[test]
    fn seed_style_article_resolves_against_its_date_line() {
        let text = "Published: 27 Oct. 2025, 21:20\nRoe plans to meet Korbin later in the day, the media said.\n\
                    The state media said earlier in the day that Roe departed for Korsk.\n\
                    Roe left Velmar the previous day, the VNA reported.";
        let published = crate::corpus::parse_date_value("27 Oct. 2025, 21:20");
        assert_eq!(published, Some(date(2025, 10, 27)));
        let sentences = crate::annotate::sentences::split_sentences(text);
        let mentions = find_dates(text, &sentences, DateAnchor { published, fallback_year: None, written_by: None });
        assert_eq!(texts(text, &mentions), ["27 Oct. 2025", "later in the day", "earlier in the day", "the previous day"]);
        assert_eq!(mentions[3].value, Some(DateValue::Day(date(2025, 10, 26))));
    }

    #[test]
    fn mentions_are_ordered_and_do_not_overlap() {
        let text = "On Oct. 26 Roe left; on Monday, Oct. 27, she met Korbin. Hollis visits Oct. 29-30 \
                    and the summit runs Oct. 31 to Nov. 1. In 2018 and 2019 they met; last year nothing.";
        let mentions = run(text, DateAnchor { published: Some(date(2025, 10, 28)), fallback_year: None, written_by: None });
        assert_eq!(texts(text, &mentions), ["Oct. 26", "Monday, Oct. 27", "Oct. 29-30", "Oct. 31 to Nov. 1", "2018", "2019", "last year"]);
        for pair in mentions.windows(2) {
            assert!(pair[0].range.end <= pair[1].range.start, "{pair:?}");
        }
    }

    #[test]
    fn a_written_year_wins_and_is_flagged() {
        let text = "They met on Oct. 27, 2023 and on Oct. 27.";
        let mentions = run(text, DateAnchor { published: Some(date(2025, 10, 28)), fallback_year: Some(2020), written_by: None });
        assert_eq!(mentions.len(), 2);
        assert_eq!((mentions[0].value, mentions[0].year_explicit), (Some(DateValue::Day(date(2023, 10, 27))), true));
        assert_eq!((mentions[1].value, mentions[1].year_explicit), (Some(DateValue::Day(date(2025, 10, 27))), false));
    }

    #[test]
    fn an_undated_page_looks_back_from_the_day_it_was_likely_written_by() {
        let anchor = DateAnchor { published: None, fallback_year: Some(2031), written_by: Some(date(2031, 3, 18)) };
        let day = |text: &str| run(text, anchor).first().and_then(|m| m.value);
        // Copy not told as a plan: the June gone, even with no past verb before the day.
        assert_eq!(day("After sailing on June 5, the crew were meant to be gone a month."), Some(DateValue::Day(date(2030, 6, 5))));
        // A plan keeps the fallback year; so does a day within a week of the corpus's last.
        assert_eq!(day("The crew will sail again on June 5."), Some(DateValue::Day(date(2031, 6, 5))));
        assert_eq!(day("The crew docked on March 20."), Some(DateValue::Day(date(2031, 3, 20))));
        // Without the bound, the fallback year stands.
        let unbounded = DateAnchor { written_by: None, ..anchor };
        assert_eq!(run("After sailing on June 5, they waited.", unbounded)[0].value, Some(DateValue::Day(date(2031, 6, 5))));
    }

    #[test]
    fn a_day_a_plan_was_set_for_is_still_to_come() {
        // A past verb that sets a day ("set a hearing for ... Sept. 29") tells a plan: the
        // coming day, not the one a year gone, and scheduled, on a dated page or an undated one.
        let dated = DateAnchor { published: Some(date(2031, 9, 16)), fallback_year: None, written_by: None };
        let undated = DateAnchor { published: None, fallback_year: Some(2031), written_by: Some(date(2031, 9, 16)) };
        for anchor in [dated, undated] {
            let set = run("The judge set a hearing for Ossian Marr at 10 a.m. Sept. 29.", anchor);
            assert_eq!(set[0].value, Some(DateValue::Day(date(2031, 9, 29))), "{anchor:?}");
            assert!(set[0].scheduled, "{anchor:?}");
            let adjourned = run("The court adjourned the case until Sept. 30.", anchor);
            assert_eq!(adjourned[0].value, Some(DateValue::Day(date(2031, 9, 30))));
        }
        // A day something happened, told in the past with no "for": the one gone.
        let happened = run("The judge set bail on Sept. 29 after a short hearing.", dated);
        assert_eq!(happened[0].value, Some(DateValue::Day(date(2030, 9, 29))));
        assert!(!happened[0].scheduled);
    }

    #[test]
    fn news_style_display() {
        assert_eq!(DateValue::Day(date(2025, 10, 27)).display(), "Oct. 27, 2025");
        assert_eq!(DateValue::Days(date(2025, 10, 29), date(2025, 10, 30)).display(), "Oct. 29-30, 2025");
        assert_eq!(DateValue::Days(date(2025, 10, 31), date(2025, 11, 1)).display(), "Oct. 31-Nov. 1, 2025");
        assert_eq!(DateValue::Days(date(2025, 12, 30), date(2026, 1, 2)).display(), "Dec. 30, 2025-Jan. 2, 2026");
        assert_eq!(DateValue::Month { year: 2018, month: 6 }.display(), "June 2018");
        assert_eq!(DateValue::Year(2018).display(), "2018");
        assert_eq!(DateValue::Day(date(2025, 9, 3)).display(), "Sept. 3, 2025");
        assert_eq!(DateValue::Day(date(2025, 3, 3)).display(), "March 3, 2025");
        assert_eq!(DateValue::Day(date(2025, 10, 27)).short_display(), "Oct. 27");
        assert_eq!(DateValue::Days(date(2025, 10, 29), date(2025, 10, 30)).short_display(), "Oct. 29-30");
        assert_eq!(DateValue::Days(date(2025, 10, 31), date(2025, 11, 1)).short_display(), "Oct. 31-Nov. 1");
        assert_eq!(DateValue::Month { year: 2018, month: 6 }.short_display(), "June");
    }

    #[test]
    fn spans_overlap_and_cover() {
        let june_2019 = DateValue::Month { year: 2019, month: 6 };
        let june_30 = DateValue::Day(date(2019, 6, 30));
        let year_2019 = DateValue::Year(2019);
        let summit = DateValue::Days(date(2025, 10, 31), date(2025, 11, 1));
        assert_eq!((june_2019.start(), june_2019.end()), (date(2019, 6, 1), date(2019, 6, 30)));
        assert_eq!((year_2019.start(), year_2019.end()), (date(2019, 1, 1), date(2019, 12, 31)));
        assert!(june_2019.covers(&june_30) && year_2019.covers(&june_2019) && !june_30.covers(&june_2019));
        assert!(summit.overlaps(&DateValue::Month { year: 2025, month: 11 }));
        assert!(!summit.covers(&DateValue::Month { year: 2025, month: 11 }));
        assert!(!summit.overlaps(&DateValue::Day(date(2025, 10, 30))));
        // Out-of-range parts never panic.
        assert_eq!(DateValue::Month { year: i16::MAX, month: 13 }.start(), date(9999, 12, 1));
        assert_eq!(DateValue::Year(i16::MIN).end(), date(-9999, 12, 31));
    }

    /// A tiny deterministic generator (xorshift) for the robustness test.
    struct Generator(u64);

    impl Generator {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, bound: usize) -> usize {
            usize::try_from(self.next() % bound as u64).unwrap_or(0)
        }
    }

    #[rustfmt::skip]
    const FRAGMENTS: &[&str] = &[
        "Oct.", "Oct", "27", "27th", "-", "–", "—", " ", "  ", ",", ".", "(", ")", "Monday", "Friday", "last", "next",
        "the previous day", "two days later", "from", "between", "and", "to", "through", "May", "March", "Sun",
        "2025", "2018", "1990s", "31", "32", "0", "00", "99999999999999999999999999999999", "17:17", "2025-10-28",
        "2025-13-45", "한국", "조선중앙통신", "😀", "👩‍👩‍👧", "\r", "\r\n", "\n", "\0", "é", "𝒳", "'ll", "will", "in", "June",
        "of the same year", "that year", "last year", "this week", "over the weekend", "ago", "a", "days", "@",
        "http://x.y/2025", "e\u{301}", "Sept", "th", "'", "’", "%", "/", ":", "ٱ", "٣", "\u{200b}", "today",
        "Dec. 30-Jan. 2, 2026", "Tuesday, Oct. 28",
    ];

    #[test]
    fn any_text_is_safe() {
        let mut generator = Generator(0x5eed_1234_abcd_9876);
        let anchors = [
            DateAnchor::default(),
            DateAnchor { published: None, fallback_year: Some(2024), written_by: None },
            DateAnchor { published: Some(date(2025, 10, 28)), fallback_year: None, written_by: None },
            DateAnchor { published: Some(Date::MAX), fallback_year: Some(i16::MAX), written_by: None },
            DateAnchor { published: Some(Date::MIN), fallback_year: Some(i16::MIN), written_by: None },
        ];
        let mut samples: Vec<String> = vec![
            String::new(),
            "Oct.".to_string(),
            "They met on Oct.".to_string(),
            "9".repeat(5000),
            "Oct. 9".to_string() + &"9".repeat(300),
            "\r".to_string(),
            "\0\0\0".to_string(),
            "Monday ".repeat(300),
        ];
        for _ in 0..400 {
            let pieces = 1 + generator.below(30);
            let sample: String = (0..pieces).map(|_| FRAGMENTS[generator.below(FRAGMENTS.len())]).collect();
            samples.push(sample);
        }
        for (number, text) in samples.iter().enumerate() {
            let length = text.len();
            let sentence_sets = [
                crate::annotate::sentences::split_sentences(text),
                std::iter::once(0..length).collect(),
                Vec::new(),
                vec![Range { start: 3, end: 1 }, length..length + 10, 1..length.saturating_sub(1)],
            ];
            let anchor = anchors[number % anchors.len()];
            for sentences in &sentence_sets {
                let mentions = find_dates(text, sentences, anchor);
                let mut previous_end = 0;
                for mention in &mentions {
                    let range = mention.range.clone();
                    assert!(range.start < range.end && range.end <= length, "{text:?}: {range:?}");
                    assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end), "{text:?}: {range:?}");
                    assert!(range.start >= previous_end, "{text:?}: overlapping at {range:?}");
                    previous_end = range.end;
                }
            }
        }
    }
}
