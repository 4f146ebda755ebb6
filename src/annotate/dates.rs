//! Date expressions: finding them in text and normalising them to calendar values.
//!
//! IMPLEMENTATION PENDING (being written now): the types below are the contract.

use std::ops::Range;

use jiff::civil::{Date, Weekday};

/// A calendar value a date expression stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DateAnchor {
    /// The document's publication date.
    pub published: Option<Date>,
    /// When there is no publication date: the year to give year-less calendar dates.
    pub fallback_year: Option<i16>,
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
}

/// Finds every date expression in `text`, in order.
///
/// `sentences` are the sentence ranges of `text` (from `split_sentences`): tense and
/// "the previous day" look within and across them.
pub fn find_dates(_text: &str, _sentences: &[Range<usize>], _anchor: DateAnchor) -> Vec<DateMention> {
    Vec::new()
}
