//! The names the corpus writes, whoever or whatever they name: every capitalised run
//! (`find_names`), with how many articles write it and where. A person the sources only
//! ever name, with no title and no "said" ("beat goalkeeper Ivo Brandt" is cued, "beat Ivo
//! Brandt" is not), a town, a capital, an order or a team is no person of [`People`], yet a
//! draft that writes it a keystroke off is as wrong: the name checks read this book too.
//!
//! [`People`]: super::people::People

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::CiteRef;
use super::people::name_parts;

/// The most citations kept for a name, one per article (a finding shows a few).
const MAX_CITATIONS: usize = 4;

/// The most words a name may have to be kept: a longer capitalised run is a headline or a
/// title in capitals, not a name.
const MAX_WORDS: usize = 6;

/// One name as the corpus writes it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct WrittenName {
    pub text: String,
    /// How many articles write it.
    pub documents: u32,
    /// The last article counted in `documents` (articles are learned in order).
    last_document: u32,
    /// One citation per article, the first [`MAX_CITATIONS`] of them.
    pub citations: Vec<CiteRef>,
}

/// Every name the corpus writes ([`WrittenName`]), looked up by its text or by a part.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct WrittenNames {
    names: Vec<WrittenName>,
    #[serde(skip)]
    by_text: FxHashMap<String, u32>,
    /// Names of two words or more by each of their parts ([`name_parts`]).
    #[serde(skip)]
    by_part: FxHashMap<String, Vec<u32>>,
    /// One-word names by their length in characters.
    #[serde(skip)]
    single_by_length: Vec<Vec<u32>>,
}

impl WrittenNames {
    /// Counts a name written in article `document` (learned in article order), at `citation`.
    pub fn learn(&mut self, text: &str, document: usize, citation: CiteRef) {
        let words = text.split_whitespace().count();
        if words == 0 || words > MAX_WORDS || !text.chars().any(char::is_alphabetic) {
            return;
        }
        let document = u32::try_from(document).unwrap_or(u32::MAX);
        let at = match self.by_text.get(text) {
            Some(&at) => at as usize,
            None => {
                self.by_text.insert(text.to_string(), self.names.len() as u32);
                self.names.push(WrittenName { text: text.to_string(), documents: 0, last_document: u32::MAX, citations: Vec::new() });
                self.names.len() - 1
            }
        };
        let name = &mut self.names[at];
        if name.last_document != document {
            name.last_document = document;
            name.documents += 1;
            if name.citations.len() < MAX_CITATIONS {
                name.citations.push(citation);
            }
        }
    }

    /// Rebuilds the look-ups (after learning, or after the book is read from the cache,
    /// which keeps no look-up: then the names by text too).
    pub fn reindex(&mut self) {
        let by_text = self.by_text.len() != self.names.len();
        if by_text {
            self.by_text.clear();
        }
        self.by_part.clear();
        self.single_by_length.clear();
        for (at, name) in self.names.iter().enumerate() {
            let at = at as u32;
            if by_text {
                self.by_text.insert(name.text.clone(), at);
            }
            let parts = name_parts(&name.text);
            if parts.len() == 1 {
                let length = parts[0].chars().count();
                if self.single_by_length.len() <= length {
                    self.single_by_length.resize(length + 1, Vec::new());
                }
                self.single_by_length[length].push(at);
                continue;
            }
            for part in parts {
                let ids = self.by_part.entry(part).or_default();
                if ids.last() != Some(&at) {
                    ids.push(at);
                }
            }
        }
    }

    /// The name written exactly so, if the corpus writes it.
    pub fn get(&self, text: &str) -> Option<&WrittenName> {
        self.by_text.get(text).map(|&at| &self.names[at as usize])
    }

    /// Names of two words or more that share a part with `parts`, each once.
    pub fn sharing_a_part<'a>(&'a self, parts: &'a [String]) -> impl Iterator<Item = &'a WrittenName> + 'a {
        let mut seen: Vec<u32> = parts.iter().filter_map(|part| self.by_part.get(part)).flatten().copied().collect();
        seen.sort_unstable();
        seen.dedup();
        seen.into_iter().map(|at| &self.names[at as usize])
    }

    /// One-word names of `length` characters, give or take one.
    pub fn single_words_near_length(&self, length: usize) -> impl Iterator<Item = &WrittenName> {
        (length.saturating_sub(1)..=length + 1).filter_map(|l| self.single_by_length.get(l)).flatten().map(|&at| &self.names[at as usize])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_counts_each_article_once_and_is_found_by_its_parts() {
        let mut book = WrittenNames::default();
        let cite = |source: usize| CiteRef::new(source, 0..10);
        book.learn("Ivo Brandt", 0, cite(0));
        book.learn("Ivo Brandt", 0, cite(0));
        book.learn("Ivo Brandt", 2, cite(2));
        book.learn("Tarnholm", 1, cite(1));
        book.learn("1,200", 1, cite(1));
        book.reindex();
        let brandt = book.get("Ivo Brandt").expect("learned");
        assert_eq!((brandt.documents, brandt.citations.len()), (2, 2));
        assert!(book.get("1,200").is_none(), "no letter, no name");
        let parts = vec!["brandt".to_string()];
        assert_eq!(book.sharing_a_part(&parts).map(|n| n.text.as_str()).collect::<Vec<_>>(), ["Ivo Brandt"]);
        assert_eq!(book.single_words_near_length(9).map(|n| n.text.as_str()).collect::<Vec<_>>(), ["Tarnholm"]);
        assert_eq!(book.single_words_near_length(5).count(), 0);
    }
}
