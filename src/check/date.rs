//! `date-conflict` and `date-disputed`: an event dated differently from the sources.
//!
//! A draft event (kind, participants or named gathering, date, places, ordinal) is compared
//! with the corpus events of the same kind and people. Different occurrences with the same
//! people are not conflicts: a conflict needs the occurrence to be identified, by its
//! place or name (a single occurrence there), by its ordinal ("first met"), or by being
//! within a month of the draft's date.

use super::{Context, Output, Raised, by_value, citations, dates_compatible, sources};
use rustc_hash::FxHashMap;

use crate::annotate::dates::{DateForm, DateValue, weekday_name};
use crate::facts::extract::{EventAssertion, EventDate, EventKind};
use crate::facts::{EventStatement, day_distance, place_lists_may_coincide, places_agree, source_count};
use crate::finding::{Kind, Verdict};

/// How far apart two dates of one event may be for a draft to be "off" rather than
/// about another occurrence.
const SAME_EPISODE_DAYS: i64 = 31;

/// The corpus occurrences a claim can be about, how strongly they identify it, and whether
/// they share its place.
pub(crate) struct Pool<'a> {
    pub facts: Vec<EventStatement<'a>>,
    /// Identified by name, or by place with a closed list or an ordinal.
    pub strong: bool,
    /// The occurrences are at the claim's own place.
    pub by_place: bool,
}

pub(crate) fn candidate_pool<'a>(context: &Context<'a>, claim: &EventAssertion) -> Pool<'a> {
    let dated: Vec<EventStatement> = context.matching(claim).iter().copied().filter(|f| f.event.date.is_some()).collect();
    if !claim.places.is_empty() {
        let same_place: Vec<EventStatement> =
            dated.iter().copied().filter(|f| !f.event.places.is_empty() && places_agree(&claim.places, &f.event.places)).collect();
        if !same_place.is_empty() {
            // People go back to the same city: the place identifies the occurrence only
            // when the sources count these people's meetings (a closed set) or the draft
            // gives an ordinal ("first met ... in Velmora").
            let closed = !claim.participants.is_empty() && context.facts.counts_with(&claim.participants).next().is_some();
            let strong = claim.named.is_some() || closed || claim.ordinal.is_some();
            return Pool { facts: same_place, strong, by_place: true };
        }
        // Somewhere clearly else is another occurrence; keep those that name no place or a
        // place that may be this one at another scale ("Portugal" for "Carrowick").
        let elsewhere_maybe: Vec<EventStatement> =
            dated.into_iter().filter(|f| place_lists_may_coincide(&claim.places, &f.event.places)).collect();
        return Pool { facts: elsewhere_maybe, strong: claim.named.is_some(), by_place: false };
    }
    Pool { facts: dated, strong: claim.named.is_some(), by_place: false }
}

/// The dated occurrences the sources give of a claim's event (same kind and people, any
/// place), grouped and in date order.
pub(crate) fn sourced_occurrences<'a>(context: &Context<'a>, claim: &EventAssertion) -> Vec<Vec<EventStatement<'a>>> {
    let dated: Vec<EventStatement> = context.matching(claim).iter().copied().filter(|f| f.event.date.is_some()).collect();
    occurrences(&dated)
}

/// Groups statements whose dates can be one date (one covers the other), in date order:
/// each joins the first group with a compatible date, or starts one.
///
/// The famous meet hundreds of times in a large archive, so groups are found without
/// comparing every member: a single day is compatible only with the same day, kept in a
/// map, or with a longer span (a month, a week), of which the groups holding one are listed.
fn occurrences<'a>(facts: &[EventStatement<'a>]) -> Vec<Vec<EventStatement<'a>>> {
    let compatible = |group: &[EventStatement], value: &DateValue| {
        group.iter().any(|other| other.event.date.as_ref().is_some_and(|d| dates_compatible(&d.value, value)))
    };
    let mut groups: Vec<Vec<EventStatement>> = Vec::new();
    // The first group holding each single day, and the groups holding a span, ascending.
    let mut first_with_day: FxHashMap<jiff::civil::Date, usize> = FxHashMap::default();
    let mut with_span: Vec<usize> = Vec::new();
    for &fact in facts {
        let Some(value) = fact.event.date.as_ref().map(|d| d.value) else { continue };
        let single = value.start() == value.end();
        let found = if single {
            let by_day = first_with_day.get(&value.start()).copied();
            let by_span = with_span.iter().copied().find(|&g| compatible(&groups[g], &value));
            by_day.into_iter().chain(by_span).min()
        } else {
            groups.iter().position(|group| compatible(group, &value))
        };
        let at = match found {
            Some(at) => {
                groups[at].push(fact);
                at
            }
            None => {
                groups.push(vec![fact]);
                groups.len() - 1
            }
        };
        if single {
            let first = first_with_day.entry(value.start()).or_insert(at);
            *first = (*first).min(at);
        } else if let Err(slot) = with_span.binary_search(&at) {
            with_span.insert(slot, at);
        }
    }
    groups.sort_by_key(|g| g.iter().filter_map(|f| f.event.date.as_ref().map(|d| d.value.start())).min());
    groups
}

/// The event as a sentence names it: "the ORSA gathering", "the meeting of Teodor Valk
/// and Han Min-seo".
fn describe(context: &Context<'_>, claim: &EventAssertion) -> String {
    match (&claim.named, &claim.thing) {
        (Some(name), _) => format!("the {} {}", name.to_uppercase(), claim.kind.noun()),
        (None, Some(thing)) => format!("the {} of the {}", claim.kind.noun(), thing),
        (None, None) if claim.participants.is_empty() => format!("this {}", claim.kind.noun()),
        (None, None) => format!("the {} of {}", claim.kind.noun(), context.facts.names_of(&claim.participants)),
    }
}

/// A date as a sentence puts an event at it: "on Mar. 12, 2024", "in May 2019", with the
/// weekday when the draft wrote one ("on Thursday, Mar. 14, 2024").
fn at_date(value: &DateValue, with_weekday: bool) -> String {
    match value {
        DateValue::Day(day) if with_weekday => format!("on {}, {}", weekday_name(day.weekday()), value.display()),
        DateValue::Day(_) | DateValue::Days(..) => format!("on {}", value.display()),
        DateValue::Month { .. } | DateValue::Year(_) => format!("in {}", value.display()),
    }
}

/// What the draft says, as it wrote it: "Wednesday, Mar. 13, 2024" for a date written with
/// its weekday, "Wednesday (Mar. 13, 2024)" or "“the previous day” (Mar. 14, 2024)" for one
/// it counts from its own date.
fn draft_said(value: &DateValue, form: DateForm, stated_weekday: bool, draft_text: &str) -> String {
    match (form, value) {
        (DateForm::Absolute, DateValue::Day(day)) if stated_weekday => format!("{}, {}", weekday_name(day.weekday()), value.display()),
        (DateForm::Absolute, _) => value.display(),
        (DateForm::Weekday, _) => format!("{} ({})", draft_text.trim(), value.display()),
        (DateForm::Relative, _) => format!("“{}” ({})", draft_text.trim(), value.display()),
    }
}

/// The sourced date written the way the draft wrote its own, weekday included ("Wednesday,
/// Mar. 13" → "Thursday, Mar. 14": a fix that kept the old weekday would leave it wrong).
fn fix_text(value: &DateValue, form: DateForm, year_explicit: bool, draft_text: &str, stated_weekday: bool) -> String {
    if stated_weekday
        && form == DateForm::Absolute
        && let DateValue::Day(day) = value
    {
        let written: &str = draft_text.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        let new_name = weekday_name(day.weekday());
        if written.len() >= 3 && (1..=7).any(|n| weekday_name(weekday_of(n)).to_lowercase().starts_with(&written.to_lowercase())) {
            let rest = &draft_text[written.len()..];
            let date_at = rest.find(|c: char| c.is_alphanumeric()).unwrap_or(rest.len());
            let (separator, date_text) = rest.split_at(date_at);
            let mut word =
                if written.len() >= new_name.len() || written.len() > 5 { new_name.to_string() } else { new_name[..3].to_string() };
            if written.chars().all(|c| c.is_uppercase()) {
                word = word.to_uppercase();
            }
            return format!("{word}{separator}{}", plain_fix_text(value, form, year_explicit, date_text));
        }
    }
    plain_fix_text(value, form, year_explicit, draft_text)
}

/// The weekday `n` days after a Sunday (1: Monday ... 7: Sunday).
fn weekday_of(n: i8) -> jiff::civil::Weekday {
    jiff::civil::Weekday::from_monday_one_offset(n).unwrap_or(jiff::civil::Weekday::Sunday)
}

/// [`fix_text`] for a date written without a weekday beside it.
fn plain_fix_text(value: &DateValue, form: DateForm, year_explicit: bool, draft_text: &str) -> String {
    if form == DateForm::Weekday
        && let DateValue::Day(day) = value
    {
        return crate::annotate::dates::weekday_name(day.weekday()).to_string();
    }
    if form == DateForm::Relative {
        return value.display();
    }
    let text = if year_explicit { value.display() } else { value.short_display() };
    // "Apr. 29 and 30" → "Apr. 30 and May 1"-style: keep the draft's conjunction for ranges.
    if draft_text.contains(" and ")
        && let DateValue::Days(first, last) = value
    {
        let first_text = DateValue::Day(*first).short_display();
        let last_text = if first.month() == last.month() { last.day().to_string() } else { DateValue::Day(*last).short_display() };
        return format!("{first_text} and {last_text}");
    }
    text
}

pub(crate) fn check(context: &Context<'_>, output: &mut Output) {
    for claim in &context.analysis.events {
        let Some(date) = &claim.date else { continue };
        let mention = context.analysis.dates.iter().find(|m| m.range == date.range);
        let form = mention.map_or(DateForm::Absolute, |m| m.form);
        let stated_weekday = mention.is_some_and(|m| m.stated_weekday.is_some());
        let draft_text = context.slice(&date.range);
        // All the check reads of the draft: the claim's values and the date's form and words.
        let question = format!(
            "{:?}",
            (
                claim.kind,
                &claim.participants,
                &claim.named,
                &claim.thing,
                claim.ordinal,
                date.value,
                date.year_explicit,
                form,
                stated_weekday,
                draft_text,
                place_keys(claim)
            )
        );
        let written = Written { form, stated_weekday, text: draft_text };
        context.check_once(output, "date", question, date.range.start, |output| check_claim(context, claim, date, &written, output));
    }
}

/// The keys of a claim's places, which the checks compare.
pub(crate) fn place_keys(claim: &EventAssertion) -> Vec<&str> {
    claim.places.iter().map(|place| place.key.as_str()).collect()
}

/// How the draft wrote a date: its form, whether a weekday stands beside it, its text.
struct Written<'a> {
    form: DateForm,
    stated_weekday: bool,
    text: &'a str,
}

fn check_claim(context: &Context<'_>, claim: &EventAssertion, date: &EventDate, written: &Written<'_>, output: &mut Output) {
    let (form, draft_text) = (written.form, written.text);
    let Pool { facts: pool, strong, by_place } = candidate_pool(context, claim);
    // A trip has legs: a visit contradicts a sourced one only at the same place.
    let may_conflict = claim.kind != EventKind::Visit || by_place || claim.named.is_some();
    if pool.is_empty() {
        output.claim(
            Kind::Date,
            date.range.clone(),
            draft_text,
            Verdict::NoSource,
            format!("No source dates {}.", describe(context, claim)),
            Vec::new(),
        );
        return;
    }
    let agreeing: Vec<EventStatement> =
        pool.iter().copied().filter(|f| f.event.date.as_ref().is_some_and(|d| dates_compatible(&d.value, &date.value))).collect();
    if !agreeing.is_empty() {
        // Sources that put the same occurrence a day or three away dispute the date.
        let disputing: Vec<EventStatement> = pool
            .iter()
            .copied()
            .filter(|f| {
                f.event.date.as_ref().is_some_and(|d| {
                    !dates_compatible(&d.value, &date.value)
                        && matches!(d.value, DateValue::Day(_))
                        && day_distance(Some(d.value), Some(date.value)).is_some_and(|n| n <= 3)
                })
            })
            .filter(|f| places_agree(&f.event.places, &claim.places))
            .collect();
        let evidence = citations(context.facts, &agreeing);
        let agreeing_sources = source_count(&agreeing);
        if disputing.is_empty() {
            output.claim(
                Kind::Date,
                date.range.clone(),
                draft_text,
                Verdict::Supported,
                format!("The sources put {} {} ({}).", describe(context, claim), at_date(&date.value, false), sources(agreeing_sources)),
                evidence,
            );
        } else {
            let mut other = by_value(disputing.iter().filter_map(|f| Some((*f, f.event.date.as_ref()?.value))), |a, b| a == b);
            other.sort_by_key(|(value, count)| (std::cmp::Reverse(*count), value.start()));
            let other: Vec<String> =
                other.iter().map(|(value, count)| format!("{} ({})", at_date(value, false), sources(*count))).collect();
            let message = format!(
                "The sources disagree on the date of {}: {} ({}), as the draft says, but also {}.",
                describe(context, claim),
                at_date(&date.value, false),
                sources(agreeing_sources),
                super::and_list(&other)
            );
            let mut all = evidence;
            all.extend(citations(context.facts, &disputing));
            output.raise(
                draft_text,
                Raised {
                    kind: Kind::Date,
                    code: "date-disputed",
                    conflict: false,
                    range: date.range.clone(),
                    message,
                    verdict: Verdict::Disputed,
                    evidence: all,
                    fixes: Vec::new(),
                },
            );
        }
        return;
    }
    let groups = occurrences(&pool);
    let target = if let (Some(ordinal), false) = (claim.ordinal, strong && groups.len() == 1) {
        let index = if ordinal < 0 { groups.len().checked_sub(1) } else { usize::try_from(ordinal - 1).ok() };
        index.and_then(|i| groups.get(i))
    } else if strong && groups.len() == 1 {
        groups.first()
    } else {
        // Nearby dates mean the same episode only between dates given to the day: "in
        // February" and "Mar. 13" are no slip of a few days.
        let to_the_day = |value: &DateValue| matches!(value, DateValue::Day(_) | DateValue::Days(..));
        groups
            .iter()
            .filter(|_| to_the_day(&date.value))
            .filter_map(|g| {
                g.iter()
                    .filter(|f| f.event.date.as_ref().is_some_and(|d| to_the_day(&d.value)))
                    .filter_map(|f| day_distance(f.event.date.as_ref().map(|d| d.value), Some(date.value)))
                    .min()
                    .map(|d| (d, g))
            })
            .filter(|(distance, _)| *distance <= SAME_EPISODE_DAYS)
            .min_by_key(|(distance, _)| *distance)
            .map(|(_, g)| g)
    };
    let Some(target) = target.filter(|_| may_conflict) else {
        output.claim(
            Kind::Date,
            date.range.clone(),
            draft_text,
            Verdict::NoSource,
            format!("No source dates {} near {}.", describe(context, claim), date.value.display()),
            Vec::new(),
        );
        return;
    };
    // The sourced values, most sources first; the most precise value of each.
    let dated = target.iter().filter_map(|f| Some((*f, f.event.date.as_ref()?.value)));
    let mut values: Vec<(DateValue, usize)> = by_value(dated, |a, b| a == b);
    values.sort_by_key(|(value, count)| (std::cmp::Reverse(*count), (value.end() - value.start()).get_days()));
    let with_weekday = written.stated_weekday || form == DateForm::Weekday;
    let said: Vec<String> = values.iter().map(|(value, count)| format!("{} ({})", at_date(value, with_weekday), sources(*count))).collect();
    let message = format!(
        "The sources put {} {}; the draft says {}.",
        describe(context, claim),
        super::and_list(&said),
        draft_said(&date.value, form, written.stated_weekday, draft_text)
    );
    let mut fixes: Vec<String> = Vec::new();
    for (value, _) in &values {
        let fix = fix_text(value, form, date.year_explicit, draft_text, written.stated_weekday);
        if !fixes.contains(&fix) && fix != draft_text {
            fixes.push(fix);
        }
    }
    let evidence = citations(context.facts, target);
    output.raise(draft_text, Raised::contradiction(Kind::Date, "date-conflict", date.range.clone(), message, evidence, fixes));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::{Group, StoredDate, StoredEvent};
    use jiff::civil::date;

    /// The grouping as first written: each statement compared with every member of every group.
    fn occurrences_by_comparing_all<'a>(facts: &[EventStatement<'a>]) -> Vec<Vec<EventStatement<'a>>> {
        let mut groups: Vec<Vec<EventStatement>> = Vec::new();
        for &fact in facts {
            let Some(value) = fact.event.date.as_ref().map(|d| d.value) else { continue };
            match groups
                .iter_mut()
                .find(|g| g.iter().any(|other| other.event.date.as_ref().is_some_and(|d| dates_compatible(&d.value, &value))))
            {
                Some(group) => group.push(fact),
                None => groups.push(vec![fact]),
            }
        }
        groups.sort_by_key(|g| g.iter().filter_map(|f| f.event.date.as_ref().map(|d| d.value.start())).min());
        groups
    }

    #[test]
    fn occurrences_group_as_comparing_every_member_does() {
        let group = Group { members: vec![0], sources: vec![0] };
        let mut state: u64 = 0xda7e;
        let mut next = |n: u64| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (state >> 33) % n
        };
        for round in 0..300 {
            let events: Vec<StoredEvent> = (0..(round % 40))
                .map(|_| {
                    let day = date(2019, 6, 1) + jiff::Span::new().days(next(75) as i64);
                    let value = match next(10) {
                        0 => DateValue::Month { year: 2019, month: (6 + next(3)) as i8 },
                        1 => DateValue::Days(day, day + jiff::Span::new().days(next(4) as i64)),
                        2 => DateValue::Year(2019),
                        _ => DateValue::Day(day),
                    };
                    StoredEvent {
                        kind: EventKind::Meeting,
                        participants: Box::default(),
                        named: None,
                        thing: None,
                        date: (next(8) != 0).then_some(StoredDate { value, year_explicit: true }),
                        places: Box::default(),
                        ordinal: None,
                    }
                })
                .collect();
            let statements: Vec<EventStatement> = events.iter().map(|event| EventStatement { event, group: &group }).collect();
            let dates = |groups: Vec<Vec<EventStatement>>| -> Vec<Vec<Option<DateValue>>> {
                groups.into_iter().map(|g| g.iter().map(|s| s.event.date.as_ref().map(|d| d.value)).collect()).collect()
            };
            assert_eq!(dates(occurrences(&statements)), dates(occurrences_by_comparing_all(&statements)), "round {round}");
        }
    }
}
