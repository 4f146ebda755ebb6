//! Names: `name-misspelled` (a spelling no source uses, close to one they use),
//! `name-variant` (a spelling only a minority of the sources use: information) and
//! `name-inconsistent` (two spellings of one person inside the draft).

use std::collections::BTreeMap;

use super::{Context, Output, Raised, first_citations, sources, sources_write};
use crate::facts::CiteRef;
use crate::facts::people::{name_parts, one_edit_apart, spelling_key, transliterated};
use crate::finding::{Kind, Verdict};

pub(crate) fn check(context: &Context<'_>, output: &mut Output) {
    let people = &context.facts.people;
    // The first full spelling the draft uses for each person, where it is.
    let mut first_spelling: BTreeMap<usize, (String, usize)> = BTreeMap::new();
    for mention in &context.analysis.persons {
        let Some(person) = people.persons.get(mention.person) else { continue };
        let text = context.slice(&mention.range).to_string();
        let key = spelling_key(&text);
        let majority = person.majority_spelling();
        let majority_count = majority.map_or(0, |s| s.documents.len());
        let mut flagged = false;
        if mention.near_miss && !corpus_writes_name(context, &text) {
            let near = people.near_misses(&text);
            let closest = near.iter().find(|(id, _)| *id == mention.person).map(|(_, s)| *s).or(majority);
            if let Some(closest) = closest {
                let mut fixes = vec![closest.text.clone()];
                if let Some(majority) = majority.filter(|m| m.text != closest.text) {
                    fixes.push(majority.text.clone());
                }
                let mut message = format!("No source writes {}; {} {}.", text, sources_write(closest.documents.len()), closest.text);
                if let Some(majority) = majority.filter(|m| m.text != closest.text) {
                    message = format!(
                        "No source writes {}; the closest spelling, {}, is in {}, and {} {}.",
                        text,
                        closest.text,
                        sources(closest.documents.len()),
                        sources_write(majority.documents.len()),
                        majority.text
                    );
                }
                let evidence: Vec<CiteRef> = first_citations(&closest.citations).collect();
                output.raise(&text, Raised::contradiction(Kind::Name, "name-misspelled", mention.range.clone(), message, evidence, fixes));
                flagged = true;
            }
        } else if mention.full_spelling {
            if let (Some(spelling), Some(majority)) = (person.spelling(&key), majority)
                && spelling.documents.len() < majority_count
            {
                let message = format!(
                    "Only {} {}; {} {}.",
                    sources_write(spelling.documents.len()),
                    spelling.text,
                    sources_write(majority_count),
                    majority.text
                );
                let mut evidence: Vec<CiteRef> = first_citations(&majority.citations).collect();
                evidence.extend(first_citations(&spelling.citations));
                output.raise(
                    &text,
                    Raised {
                        kind: Kind::Name,
                        code: "name-variant",
                        conflict: false,
                        range: mention.range.clone(),
                        message,
                        verdict: Verdict::Disputed,
                        evidence,
                        fixes: vec![majority.text.clone()],
                    },
                );
            } else if let Some(spelling) = person.spelling(&key) {
                output.claim(
                    Kind::Name,
                    mention.range.clone(),
                    &text,
                    Verdict::Supported,
                    format!("{} {}.", sources_write(spelling.documents.len()), spelling.text),
                    first_citations(&spelling.citations).collect(),
                );
            }
        } else {
            let summary = match person.titles.first() {
                Some(title) => format!("{} ({}), named in {}.", person.canonical(), title.text, sources(person.document_count())),
                None => format!("{}, named in {}.", person.canonical(), sources(person.document_count())),
            };
            let evidence = majority.map(|m| first_citations(&m.citations).collect()).unwrap_or_default();
            output.claim(Kind::Name, mention.range.clone(), &text, Verdict::Supported, summary, evidence);
        }
        // Two spellings of one person inside the draft, both the sources' (a near miss is
        // flagged as one, and the sources' spelling after it is the fix, not a second one).
        if !mention.full_spelling || mention.near_miss {
            continue;
        }
        match first_spelling.get(&mention.person) {
            None => {
                first_spelling.insert(mention.person, (text.clone(), mention.range.start));
            }
            Some((first, first_at)) if spelling_key(first) != key && !flagged => {
                let first_line = context.text[..*first_at].matches('\n').count() + 1;
                let message = format!("This draft writes {first} on line {first_line} and {text} here: one person, two spellings.");
                let evidence: Vec<CiteRef> =
                    person.spelling(&spelling_key(first)).map(|s| first_citations(&s.citations).collect()).unwrap_or_default();
                output.raised.push(Raised {
                    kind: Kind::Name,
                    code: "name-inconsistent",
                    conflict: true,
                    range: mention.range.clone(),
                    message,
                    verdict: Verdict::Disputed,
                    evidence,
                    fixes: vec![first.clone()],
                });
            }
            Some(_) => {}
        }
    }
    single_word_misspellings(context, output);
}

/// Whether the corpus itself writes every part of a name, and never in lower case the
/// parts a near miss rests on: then it names someone else ("Edna Brannock"), not a
/// misspelling. A part that is an ordinary word ("Bell", "Crane") proves nothing.
fn corpus_writes_name(context: &Context<'_>, text: &str) -> bool {
    let vocabulary = &context.facts.vocabulary;
    let common = &context.facts.common_words;
    text.split_whitespace().filter(|w| !w.starts_with(['"', '“'])).all(|word| {
        let word = word.trim_end_matches(['.', ',']);
        let bare = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word);
        vocabulary.contains(bare) && !common.contains(&bare.to_lowercase())
    })
}

/// A lone capitalised word no source uses, one letter from a person's surname ("Brannok").
fn single_word_misspellings(context: &Context<'_>, output: &mut Output) {
    let people = &context.facts.people;
    for (_, mention) in &context.analysis.other_names {
        if mention.text.contains(' ')
            || mention.after_place_preposition
            || context.facts.vocabulary.contains(mention.text.as_str())
            || demonym_of_named(&mention.text, |w| context.facts.vocabulary.contains(w))
        {
            continue;
        }
        let word = mention.text.to_lowercase();
        if word.chars().count() < 5 || name_parts(&mention.text).len() != 1 {
            continue;
        }
        // Every person's every part is compared: kept for the next check of the draft by the
        // word (all it reads of the draft), the finding's range relative to the mention.
        context.check_once(output, "single-word-name", mention.text.clone(), mention.range.start, |output| {
            let mut found: Vec<(usize, &str)> = Vec::new();
            for (id, person) in people.persons.iter().enumerate() {
                if person
                    .reference_parts
                    .iter()
                    .any(|part| one_edit_apart(part, &word) && !transliterated(part, &word) && part.chars().count() >= 5)
                {
                    found.push((id, person.canonical()));
                }
            }
            let [(id, canonical)] = found.as_slice() else { return };
            let person = &people.persons[*id];
            let Some(part) = person.reference_parts.iter().find(|part| one_edit_apart(part, &word)) else { return };
            let fix: String = {
                let mut chars = part.chars();
                chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
            };
            let message = format!("No source writes {}; did you mean {} ({})?", mention.text, fix, canonical);
            let evidence: Vec<CiteRef> = person.majority_spelling().map(|s| first_citations(&s.citations).collect()).unwrap_or_default();
            output.raise(
                &mention.text,
                Raised::contradiction(Kind::Name, "name-misspelled", mention.range.clone(), message, evidence, vec![fix]),
            );
        });
    }
}

/// Whether a word is the adjective of a name the corpus writes ("Parisian" of "Paris",
/// "Canadian" of "Canada", "Kyivan" of "Kyiv"): a word of its own, no misspelling of a
/// name that happens to be close (a paper called "Le Parisien").
fn demonym_of_named(word: &str, written: impl Fn(&str) -> bool) -> bool {
    ["ian", "ean", "an", "ese", "ite", "er", "i"].iter().any(|suffix| {
        let Some(stem) = word.strip_suffix(suffix) else { return false };
        stem.chars().count() >= 3 && ["", "a", "e", "o"].iter().any(|end| written(&format!("{stem}{end}")))
    })
}

#[cfg(test)]
mod tests {
    use super::demonym_of_named;

    #[test]
    fn adjectives_of_written_names() {
        let written = |w: &str| ["Paris", "Canada", "Kyiv", "Parisien"].contains(&w);
        for word in ["Parisian", "Canadian", "Kyivan"] {
            assert!(demonym_of_named(word, written), "{word}");
        }
        // A misspelling is no adjective: "Parisein", "Canadia".
        for word in ["Parisein", "Canadia", "Pariss"] {
            assert!(!demonym_of_named(word, written), "{word}");
        }
    }
}
