//! Numbers and counts.
