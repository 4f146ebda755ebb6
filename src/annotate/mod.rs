//! Annotation, the same for corpus and draft: sentences, names and titles, dates, counts.

pub mod counts;
pub mod dates;
pub mod names;
pub mod sentences;
