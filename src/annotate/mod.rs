//! Annotation, the same for corpus and draft: page furniture, sentences, names and titles,
//! dates, counts; who published an article (`outlet`).

pub mod boilerplate;
pub mod counts;
pub mod dates;
pub mod names;
pub mod outlet;
pub mod regions;
pub mod sentences;
