//! Names: `name-misspelled` (a spelling no source uses, close to one they use),
//! `name-variant` (a spelling only a minority of the sources use: information) and
//! `name-inconsistent` (two spellings of one person inside the draft).

use std::collections::BTreeMap;

use super::{Context, Output, Raised, first_citations, sources, sources_write};
use crate::facts::CiteRef;
use crate::facts::people::{name_parts, near_miss, one_edit_apart, spelling_key, transliterated};
use crate::facts::written::WrittenName;
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
    written_name_misspellings(context, output);
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
        let [word] = &name_parts(&mention.text)[..] else { continue };
        let word = word.clone();
        // (Nor a word the corpus writes in lower case: "Winner:" opening a line is no
        // misspelt "Vinner".)
        if word.chars().count() < 5 || context.facts.common_words.contains(&word) {
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

/// A name of two words or more that no source writes, a near miss of one that the sources
/// write, though nothing made either a person ("beat Ivo Brant" when they write "Ivo
/// Brandt" and never say who he is; "Pope Leon XIV" for "Leo XIV"): the same parts but one,
/// and that one close as a person's would be ([`near_miss`]) and a name's, a word the
/// corpus never writes in lower case ("North" and "South", "Minister" and "Ministry" are
/// words of their own). A lone word is one transposition or edit from a name two articles
/// write ("Tarhnolm" for "Tarnholm").
fn written_name_misspellings(context: &Context<'_>, output: &mut Output) {
    let written = &context.facts.written;
    let common = &context.facts.common_words;
    let name_only = |part: &str| !common.contains(part);
    for (_, mention) in &context.analysis.other_names {
        if written.get(&mention.text).is_some() || corpus_writes_name(context, &mention.text) {
            continue;
        }
        let parts = name_parts(&mention.text);
        if parts.is_empty()
            || demonym_of_named(&mention.text, |w| context.facts.vocabulary.contains(w))
            || crate::annotate::names::is_known_place_name(&mention.text)
        {
            continue;
        }
        context.check_once(output, "written-name", mention.text.clone(), mention.range.start, |output| {
            let candidates: Vec<&WrittenName> = if parts.len() == 1 {
                let word = &parts[0];
                let length = word.chars().count();
                if length < 5 || common.contains(word) {
                    return;
                }
                written
                    .single_words_near_length(length)
                    .filter(|name| name.documents >= 2)
                    .filter(|name| {
                        let known = crate::facts::people::fold_accents(&crate::annotate::names::normal_word(&name.text));
                        known.chars().count() >= 5
                            && name_only(&known)
                            && strsim::osa_distance(&known, word) == 1
                            && !variant_spelling(&known, word)
                            // (Nor the name whose adjective the corpus writes: "America" for
                            // "American".)
                            && !demonym_of_named(&name.text, |w| w.eq_ignore_ascii_case(&mention.text))
                    })
                    .collect()
            } else {
                written
                    .sharing_a_part(&parts)
                    .filter(|name| {
                        let known = name_parts(&name.text);
                        near_miss(&parts, &known)
                            && parts.iter().zip(&known).all(|(x, y)| x == y || name_only(y) && !variant_spelling(x, y))
                            && context.facts.people.by_spelling(&name.text).is_none()
                    })
                    .collect()
            };
            // The one name it comes closest to; none when two are as close.
            let distance = |name: &WrittenName| strsim::osa_distance(&name.text.to_lowercase(), &mention.text.to_lowercase());
            let Some(best) = candidates.iter().copied().min_by_key(|name| (distance(name), std::cmp::Reverse(name.documents))) else {
                return;
            };
            if candidates.iter().any(|name| name.text != best.text && distance(name) == distance(best) && name.documents == best.documents)
            {
                return;
            }
            let message = format!("No source writes {}; {} {}.", mention.text, sources_write(best.documents as usize), best.text);
            let evidence: Vec<CiteRef> = first_citations(&best.citations).collect();
            output.raise(
                &mention.text,
                Raised::contradiction(Kind::Name, "name-misspelled", mention.range.clone(), message, evidence, vec![best.text.clone()]),
            );
        });
    }
}

/// Whether two ways of writing a name (or a part of one) are one name in another style, no
/// misspelling: with accents or without ("Amélie", "Amelie"), with a space, a hyphen or
/// neither ("Nur Gal", "Nurgal"), a plural or a possessive ("Democrat", "Democrats"), British
/// or American spelling ("Organisation", "Programme", "Centre", "Defence", "Labour"), a
/// romanisation's "t" for "d" ("Tarpyitaw", "Tarpyidaw"), or as [`transliterated`] tells.
pub(crate) fn variant_spelling(a: &str, b: &str) -> bool {
    use unicode_normalization::UnicodeNormalization;
    let bare = |word: &str| -> String {
        word.nfd()
            .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
            .filter(|c| !matches!(c, '-' | '\'' | ' '))
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (a, b) = (bare(a), bare(b));
    if a == b || transliterated(&a, &b) || american(&a) == american(&b) {
        return true;
    }
    let (long, short) = if a.len() >= b.len() { (&a, &b) } else { (&b, &a) };
    if long.strip_prefix(short.as_str()).is_some_and(|rest| ["s", "es", "'s"].contains(&rest)) {
        return true;
    }
    // One letter apart, and that a "t" for a "d".
    a.len() == b.len() && a.chars().zip(b.chars()).filter(|(x, y)| x != y).all(|pair| matches!(pair, ('t', 'd') | ('d', 't')))
}

/// A word in American spelling, for comparing with its British one: "-isation" and "-ise"
/// as "-ization" and "-ize", "programme" as "program", "-our" as "-or", "-tre" as "-ter",
/// "-ence" as "-ense" (every word both ways, so a word only one side changes stays apart).
fn american(word: &str) -> String {
    let mut word = word.replace("isation", "ization").replace("programme", "program");
    for (british, american) in [("ise", "ize"), ("our", "or"), ("tre", "ter"), ("ence", "ense"), ("ised", "ized")] {
        if let Some(stem) = word.strip_suffix(british) {
            word = format!("{stem}{american}");
            break;
        }
    }
    word
}

/// Whether a word is the adjective of a name the corpus writes ("Parisian" of "Paris",
/// "Canadian" of "Canada", "Kyivan" of "Kyiv"): a word of its own, no misspelling of a
/// name that happens to be close (a paper called "Le Parisien").
pub(crate) fn demonym_of_named(word: &str, written: impl Fn(&str) -> bool) -> bool {
    // (Its plural too: "Canadians".)
    let word = word.strip_suffix('s').filter(|singular| singular.ends_with(['n', 'e', 'r', 'i'])).unwrap_or(word);
    ["ian", "ean", "an", "ese", "ite", "er", "i"].iter().any(|suffix| {
        let Some(stem) = word.strip_suffix(suffix) else { return false };
        stem.chars().count() >= 3 && ["", "a", "e", "o"].iter().any(|end| written(&format!("{stem}{end}")))
    })
}

#[cfg(test)]
mod tests {
    use super::{demonym_of_named, variant_spelling};

    #[test]
    fn another_style_of_a_name_is_no_misspelling() {
        for (a, b) in [
            ("amélie", "amelie"),
            ("democrat", "democrats"),
            ("tarpyitaw", "tarpyidaw"),
            ("marie-claire", "marieclaire"),
            ("Nur Gal", "Nurgal"),
            ("organisation", "organization"),
            ("programme", "program"),
            ("centre", "center"),
            ("labour", "labor"),
        ] {
            assert!(variant_spelling(a, b) && variant_spelling(b, a), "{a} {b}");
        }
        for (a, b) in [("brandt", "brant"), ("tarnholm", "tarnhlom"), ("sommer", "summer"), ("tarpyitaw", "tarpyitam")] {
            assert!(!variant_spelling(a, b), "{a} {b}");
        }
    }

    #[test]
    fn adjectives_of_written_names() {
        let written = |w: &str| ["Paris", "Canada", "Kyiv", "Parisien"].contains(&w);
        for word in ["Parisian", "Canadian", "Kyivan", "Canadians"] {
            assert!(demonym_of_named(word, written), "{word}");
        }
        // A misspelling is no adjective: "Parisein", "Canadia".
        for word in ["Parisein", "Canadia", "Pariss"] {
            assert!(!demonym_of_named(word, written), "{word}");
        }
    }
}
