//! Answers kept from one check of a draft to the next ([`Kept`]): the draft's paragraphs
//! (`facts::extract::BlockMemo`) and its corpus lookups (`check::LookupMemo`).

use std::hash::Hash;

use rustc_hash::FxHashMap;

/// Answers by question, in two generations: what this check asked, and what the last one
/// asked. [`Kept::start`] begins a check: the last check's answers not asked for again by
/// the end of this one are dropped when the next starts, so a memo holds what about two
/// checks used, however long the draft has been edited.
#[derive(Debug)]
pub(crate) struct Kept<K, V> {
    current: FxHashMap<K, V>,
    previous: FxHashMap<K, V>,
}

impl<K, V> Default for Kept<K, V> {
    fn default() -> Self {
        Kept { current: FxHashMap::default(), previous: FxHashMap::default() }
    }
}

impl<K: Hash + Eq, V: Clone> Kept<K, V> {
    /// Begins a check.
    pub fn start(&mut self) {
        self.previous = std::mem::take(&mut self.current);
    }

    /// The answer this check or the last gave to `key`, kept for the next.
    pub fn get(&mut self, key: &K) -> Option<V> {
        if let Some(value) = self.current.get(key) {
            return Some(value.clone());
        }
        let (key, value) = self.previous.remove_entry(key)?;
        self.current.insert(key, value.clone());
        Some(value)
    }

    pub fn insert(&mut self, key: K, value: V) {
        self.current.insert(key, value);
    }

    /// The answer kept for `key`, else the one `make` gives, kept.
    pub fn get_or_insert_with(&mut self, key: K, make: impl FnOnce() -> V) -> V {
        if let Some(value) = self.get(&key) {
            return value;
        }
        let value = make();
        self.insert(key, value.clone());
        value
    }
}
