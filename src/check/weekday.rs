//! `weekday-mismatch`: a weekday written beside a date it does not fall on
//! ("Friday, Mar. 14" when Mar. 14, 2024 is a Thursday). Needs no corpus.

use super::{Context, Output, Raised};
use crate::annotate::dates::{DateForm, DateValue, weekday_name};
use crate::finding::{Kind, Verdict};

pub(crate) fn check(context: &Context<'_>, year_assumed: bool, output: &mut Output) {
    for mention in &context.analysis.dates {
        let (Some(stated), Some(DateValue::Day(day)), DateForm::Absolute) = (mention.stated_weekday, mention.value, mention.form) else {
            continue;
        };
        let text = context.slice(&mention.range);
        let actual = day.weekday();
        if actual == stated {
            output.claim(
                Kind::Weekday,
                mention.range.clone(),
                text,
                Verdict::Supported,
                format!("{} is a {}.", DateValue::Day(day).display(), weekday_name(actual)),
                Vec::new(),
            );
            continue;
        }
        let assumption = if year_assumed && !mention.year_explicit {
            format!(" (taking the year to be {}, as most sources)", day.year())
        } else {
            String::new()
        };
        let message =
            format!("{} is a {}, not a {}{}.", DateValue::Day(day).display(), weekday_name(actual), weekday_name(stated), assumption);
        let fix = text.replacen(weekday_name(stated), weekday_name(actual), 1);
        let fixes = if fix != text { vec![fix] } else { Vec::new() };
        output.raise(text, Raised::contradiction(Kind::Weekday, "weekday-mismatch", mention.range.clone(), message, Vec::new(), fixes));
    }
}
