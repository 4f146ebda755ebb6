//! The fact base: what the corpus says, merged across sources, every fact with citations.

use crate::corpus::Corpus;

#[derive(Debug, Default)]
pub struct FactBase {}

impl FactBase {
    pub fn build(_corpus: &Corpus) -> FactBase {
        FactBase {}
    }

    pub fn report(&self, _corpus: &Corpus) -> String {
        String::new()
    }
}
