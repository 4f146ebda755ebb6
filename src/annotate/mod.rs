//! Annotation, the same for corpus and draft: page furniture, sentences, names and titles,
//! dates, counts.

pub mod boilerplate;
pub mod counts;
pub mod dates;
pub mod names;
pub mod sentences;
