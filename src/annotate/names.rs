//! Names and titles.
