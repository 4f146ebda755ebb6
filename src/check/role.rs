//! `role-conflict`: a title attached to the wrong person ("Velmora spokesman Ivo
//! Sarkis" when the sources make Sarkis a foreign policy advisor and Oskar Vellin the
//! spokesman; "prosecutor Rhett Calloway" when they make him a defense attorney).
//!
//! Raised in these cases, always with the quote that gives the person's real title:
//! - the sources give the person a title of the same family as the draft's and
//!   incompatible with it (judge / prosecutor / defense; offensive / defensive
//!   coordinator; chief executive / chair; quarterback / tight end), and never one that
//!   fits;
//! - the sources give the draft's title to someone else, never to this person, and give
//!   this person other titles: a title nobody in the corpus holds is no evidence, nor is a
//!   person the sources give no title;
//! - the draft makes the person head of a body (a director, a commissioner, a portfolio, a
//!   place's attorney general) and the sources make them head of another, or of the same
//!   one under another office: "Attorney General Ines Varga" for the KVB Director. Not
//!   elected offices, which people move between, nor a party's, held beside another;
//! - the draft calls a government's leader its president or a portfolio minister, or names
//!   another organisation's initials under the person's office ("VFA president" for the
//!   ORSA president);
//! - the draft says the person has left an office ("former President Ada Vell") that the
//!   sources of the draft's time give as held, and none as left.
//!
//! A title told by a verb of change ("was elected chancellor") is the person's from then
//! on: whoever held it before is no evidence against it.
//!
//! Titles held before ("former Prime Minister") fit a draft's title but are never
//! evidence against it.

use super::{Context, Output, Raised, and_list, first_citations, sources};
use crate::facts::CiteRef;
use crate::facts::people::{
    HeldTitle, Person, SECOND_IN_RANK, held_beside_any, one_rank_apart, qualifiers_agree, role_class, roles_compatible, single_holder,
    title_compatible,
};
use crate::finding::{Kind, Verdict};

pub(crate) fn check(context: &Context<'_>, draft_date: Option<jiff::civil::Date>, output: &mut Output) {
    let people = &context.facts.people;
    for mention in &context.analysis.persons {
        let Some(title) = &mention.title else { continue };
        if title.relational || title.core == "honorific" {
            continue;
        }
        let Some(person) = people.persons.get(mention.person) else { continue };
        let range = title.range.start.min(mention.range.start)..title.range.end.max(mention.range.end);
        let text = context.slice(&range).to_string();
        if title.former {
            former_still_held(context, output, mention.range.clone(), range, &text, title, person, draft_date);
            continue;
        }
        // An office one person holds at a time ("Ostley CEO") that the sources give someone
        // else under the draft's very qualifier is not this person's under a broader or
        // narrower one ("Ostley Cloud CEO"), nor under none ("Assembly President" for the
        // person the sources call "President", when they name another Assembly President).
        // (A title newly given, "was elected chancellor", is no other holder's any more.)
        let held_elsewhere = !title.conferred
            && title.qualifier.as_deref().filter(|_| single_holder(title.qualifier.as_deref(), &title.core)).is_some_and(|qualifier| {
                people.persons.iter().enumerate().any(|(id, other)| {
                    id != mention.person
                        && other.titles.iter().any(|h| {
                            !h.former && h.qualifier.as_deref() == Some(qualifier) && title_compatible(None, &title.core, None, &h.core)
                        })
                })
            });
        let current: Vec<&HeldTitle> = person.titles.iter().filter(|h| !h.former).collect();
        // A title the sources give the person less qualified ("Minority Leader") is the one
        // they give more qualified ("Senate Minority Leader"): it does not fit the draft's
        // title under another qualifier ("House Minority Leader").
        let qualified_otherwise = |held: &HeldTitle| {
            let Some(qualifier) = title.qualifier.as_deref() else { return false };
            let held_qualifier = held.qualifier.as_deref().unwrap_or("");
            // Another of the person's titles of the same office, with more qualifier words.
            let narrower = |h: &&&HeldTitle| {
                title_compatible(None, &h.core, None, &held.core)
                    && h.qualifier.as_deref().is_some_and(|q| q != held_qualifier && qualifiers_agree(held_qualifier, q))
            };
            let agrees = |h: &&HeldTitle| h.qualifier.as_deref().is_some_and(|q| qualifiers_agree(q, qualifier));
            current.iter().filter(narrower).any(|h| !agrees(h)) && !current.iter().filter(narrower).any(agrees)
        };
        let fits = |held: &HeldTitle| {
            title_compatible(title.qualifier.as_deref(), &title.core, held.qualifier.as_deref(), &held.core)
                && !(held_elsewhere && held.qualifier != title.qualifier)
                && !qualified_otherwise(held)
        };
        if person.titles.is_empty() {
            // A person the sources give no title, in an office they give someone else.
            if held_elsewhere {
                let holders = holders_but(people, mention.person, |h| {
                    !h.former && h.qualifier == title.qualifier && title_compatible(None, &title.core, None, &h.core)
                });
                raise_conflict(context, output, mention.range.clone(), range, &text, &title.text, person, &[], &holders);
                continue;
            }
            output.claim(
                Kind::Role,
                range,
                &text,
                Verdict::NoSource,
                format!("No source gives {} a title.", person.canonical()),
                Vec::new(),
            );
            continue;
        }
        let held: Vec<&HeldTitle> = person.titles.iter().filter(|h| fits(h)).collect();
        if !held.is_empty() {
            let evidence: Vec<CiteRef> = held.iter().flat_map(|h| first_citations(&h.citations)).collect();
            let count = held.iter().map(|h| h.documents.len()).max().unwrap_or(0);
            output.claim(
                Kind::Role,
                range,
                &text,
                Verdict::Supported,
                format!("{}: {} ({}).", person.canonical(), held[0].text, sources(count)),
                evidence,
            );
            continue;
        }
        let role = role_class(title.qualifier.as_deref(), &title.core);
        // The person's own titles of the draft title's family, none of which fits it.
        // (The office right above or below the draft's is a rival whatever its family: a
        // vice president is no president.)
        let rivals: Vec<&HeldTitle> = current
            .iter()
            .copied()
            .filter(|h| {
                role.is_some_and(|role| {
                    role_class(h.qualifier.as_deref(), &h.core).is_some_and(|r| r.family == role.family && !roles_compatible(r, role))
                }) || (one_rank_apart(&title.core, &h.core)
                    || portfolios_apart(&title.core, &h.core)
                    || leaders_apart(title.qualifier.as_deref(), &title.core, h.qualifier.as_deref(), &h.core))
                    && title.qualifier.as_deref().zip(h.qualifier.as_deref()).is_none_or(|(a, b)| qualifiers_agree(a, b))
            })
            .collect();
        // Who else the sources give this title to. A qualifier the person's own titles do
        // not have ("Harlow's quarterback" for the "Comets quarterback") may only be
        // another name for theirs: then only a holder under that qualifier counts.
        let own_qualifier = title
            .qualifier
            .as_deref()
            .is_none_or(|q| current.iter().any(|h| h.qualifier.as_deref().is_some_and(|hq| qualifiers_agree(q, hq))));
        // A named institution the person serves under another title ("Orsel Museum President"
        // for the museum's director), neither title one whose duties the checker knows: the two
        // may name one post, and only a holder the sources place at that institution holds
        // the draft's, not one with the bare title ("President Karel Voss"). (A head
        // coach called the club's captain is another matter: a coach is no player.)
        let own_institution = role.is_none()
            && title.qualifier.as_deref().is_some_and(|q| {
                let written = title.text.to_lowercase().find(q).and_then(|at| title.text.get(at..)).and_then(|t| t.chars().next());
                written.is_some_and(char::is_uppercase)
                    && !q.split_whitespace().any(crate::annotate::names::is_country_word)
                    && current.iter().any(|h| {
                        h.qualifier.as_deref().is_some_and(|hq| qualifiers_agree(q, hq))
                            && role_class(h.qualifier.as_deref(), &h.core).is_none()
                    })
            });
        // (A qualified title, "Velmora spokesman", is held only under a qualifier of its own.)
        let holders = if title.conferred {
            Vec::new()
        } else {
            holders_but(people, mention.person, |h| !h.former && fits(h) && (own_qualifier && !own_institution || h.qualifier.is_some()))
        };
        let specific = title.qualifier.is_some() || title.core.contains(' ');
        // A known role (judge, mayor, coach...) the sources give others, never this person.
        let known_roles = role.is_some();
        // The person's own office under another organisation ("Harriers coach" for the
        // Rovers coach, "SRP leader" for the NRP leader): a conflict when the sources tell
        // the two organisations apart (see [`distinct_organisations`]).
        let other_organisation: Vec<&HeldTitle> = match title.qualifier.as_deref() {
            Some(qualifier) if !own_qualifier => current
                .iter()
                .copied()
                .filter(|h| {
                    h.core == title.core
                        && h.qualifier.as_deref().is_some_and(|theirs| {
                            distinct_organisations(context.facts, qualifier, theirs)
                                || jurisdictions_apart(context.facts, qualifier, theirs)
                                || initials_apart(&title.text, qualifier, &h.text, theirs)
                        })
                })
                .collect(),
            _ => Vec::new(),
        };
        let rivals = if rivals.is_empty() { other_organisation } else { rivals };
        // (Not a role many hold beside their other titles, "right-wing candidate" for the
        // party leader when the sources call others the candidates, unless the sources give
        // the person that very role under another qualifier: "Green candidate" for the Tory
        // candidate.)
        let shared = role.is_some_and(|r| {
            held_beside_any(r.class)
                && !current.iter().any(|h| role_class(h.qualifier.as_deref(), &h.core).is_some_and(|theirs| theirs.class == r.class))
        });
        let conflict = !rivals.is_empty() || !current.is_empty() && !holders.is_empty() && (specific || known_roles) && !shared;
        // The person heads another body, or heads this one under another office ("KVB
        // Director" called "Attorney General", a county's prosecutor called the state's
        // attorney general): one person seldom heads two at once.
        // (An elected office is one a person moves to from another, "the mayor" elected
        // president; a party's office is held beside a government's.)
        let elected = |q: Option<&str>, core: &str| {
            role_class(q, core).is_some_and(|r| r.family == "office")
                || q.is_none() && core.split_whitespace().last().is_some_and(|w| matches!(w, "president" | "chancellor"))
        };
        let party = |q: Option<&str>| q.is_some_and(|q| party_qualifier(context.facts, q));
        let heads: Vec<&HeldTitle> = if conflict
            || !heads_a_body(title.qualifier.as_deref(), &title.core)
            || elected(title.qualifier.as_deref(), &title.core)
            || party(title.qualifier.as_deref())
        {
            Vec::new()
        } else {
            current
                .iter()
                .copied()
                .filter(|h| heads_a_body(h.qualifier.as_deref(), &h.core))
                .filter(|h| {
                    // (One family's roles are weighed above.)
                    let families = role.zip(role_class(h.qualifier.as_deref(), &h.core)).is_some_and(|(a, b)| a.family == b.family);
                    // The same office noun, or two that name whoever heads a body ("Orsel
                    // Museum president" and "museum director", "Velmora aid chief" and "VAA
                    // chief"): another body only when the sources tell the two apart.
                    let one_office = same_head_noun(&title.core, &h.core);
                    !families
                        && !elected(h.qualifier.as_deref(), &h.core)
                        && !party(h.qualifier.as_deref())
                        && (!one_office
                            || title.qualifier.as_deref().zip(h.qualifier.as_deref()).is_some_and(|(a, b)| {
                                distinct_organisations(context.facts, a, b) || jurisdictions_apart(context.facts, a, b)
                            }))
                })
                .collect()
        };
        let rivals = if rivals.is_empty() { heads } else { rivals };
        let conflict = conflict || !rivals.is_empty();
        if !conflict {
            output.claim(
                Kind::Role,
                range,
                &text,
                Verdict::NoSource,
                format!("No source gives {} this title.", person.canonical()),
                Vec::new(),
            );
            continue;
        }
        let own_titles: Vec<&HeldTitle> = if rivals.is_empty() { current.clone() } else { rivals.clone() };
        raise_conflict(context, output, mention.range.clone(), range, &text, &title.text, person, &own_titles, &holders);
    }
}

/// Offices held for a portfolio named before them ("interior minister", "health
/// spokesperson", "chief financial officer"), as titles are normalised (a spokesman is a
/// "spokesperson").
const PORTFOLIO_OFFICES: &[&str] =
    &["minister", "secretary", "spokesperson", "commissioner", "director", "officer", "correspondent", "editor"];

/// Words before an office that say how senior it is, not which portfolio it serves.
const OFFICE_DESCRIPTORS: &[&str] = &[
    "chief",
    "senior",
    "top",
    "lead",
    "acting",
    "interim",
    "new",
    "longtime",
    "veteran",
    "principal",
    "main",
    "official",
    "head",
    "general",
    "press",
    // (A prime minister serves no portfolio, nor a deputy, the office one rank below,
    // `SECOND_IN_RANK`: "Deputy Prime Minister" and "Defence Minister" may be one person's.)
    "prime",
    "first",
    "second",
];

/// Whether two titles name one office for two portfolios: the same office
/// ([`PORTFOLIO_OFFICES`]) and, once the words of seniority are set aside
/// ([`OFFICE_DESCRIPTORS`], [`SECOND_IN_RANK`]), portfolio words that share none ("interior spokesperson" and
/// "health spokesperson"; "chief financial officer" and "chief operating officer"; not
/// "health director" and "public health director").
fn portfolios_apart(a: &str, b: &str) -> bool {
    fn split(core: &str) -> Option<(&str, Vec<&str>)> {
        let words: Vec<&str> = core.split([' ', '-']).filter(|w| !w.is_empty()).collect();
        let (head, rest) = words.split_last()?;
        let portfolio: Vec<&str> =
            rest.iter().copied().filter(|w| !OFFICE_DESCRIPTORS.contains(w) && !SECOND_IN_RANK.contains(w)).collect();
        (PORTFOLIO_OFFICES.contains(head) && !portfolio.is_empty()).then_some((*head, portfolio))
    }
    let (Some((a_head, a_words)), Some((b_head, b_words))) = (split(a), split(b)) else { return false };
    a_head == b_head && !a_words.iter().any(|w| b_words.contains(w))
}

/// The offices that lead a country's or a province's government or state.
const LEADERS: &[&str] = &["president", "prime minister", "premier", "chancellor"];

/// Whether the draft's title and one the sources give are two of a government's top
/// offices ("President" for the prime minister, "Chancellor" for the president), or the
/// draft makes a portfolio minister of the one who leads ("Energy Minister" for the
/// premier). Only titles of a country or a province, or with none: a party's or a club's
/// president is another matter. (A leader who also holds a portfolio is given both by
/// the sources, and the draft's then fits.)
fn leaders_apart(qualifier: Option<&str>, core: &str, held_qualifier: Option<&str>, held_core: &str) -> bool {
    let governs = |q: Option<&str>| {
        q.is_none_or(|q| {
            q.split_whitespace().any(crate::annotate::names::is_country_word) || crate::annotate::regions::region_of_qualifier(q).is_some()
        })
    };
    if !governs(qualifier) || !governs(held_qualifier) || !LEADERS.contains(&held_core) {
        return false;
    }
    let portfolio = role_class(qualifier, core).is_some_and(|r| r.family == "cabinet");
    LEADERS.contains(&core) && core != held_core || portfolio && matches!(held_core, "prime minister" | "premier")
}

/// Whether two qualifiers are two organisations' initials ("UEFA" and "FIFA"), each
/// written in capitals in its title, neither the start of the other ("UN" and "UNHCR").
fn initials_apart(title: &str, qualifier: &str, held_title: &str, held_qualifier: &str) -> bool {
    let initials = |text: &str, q: &str| {
        !q.contains(' ')
            && q.len() >= 3
            && text
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.len() == q.len() && w.chars().all(|c| c.is_ascii_uppercase()) && w.eq_ignore_ascii_case(q))
    };
    initials(title, qualifier)
        && initials(held_title, held_qualifier)
        && !qualifier.starts_with(held_qualifier)
        && !held_qualifier.starts_with(qualifier)
}

/// Most corpus sentences read for two organisations named together.
const TOGETHER_SENTENCES: usize = 24;

/// Words in lower case that may follow a place ("in Harlow on Sunday"); any other
/// lower-case word after a name makes the name its modifier ("in Rovers gear").
const PLACE_FOLLOWERS: &[&str] = &[
    "on", "in", "at", "for", "and", "or", "to", "of", "with", "when", "where", "after", "before", "since", "during", "by", "as", "while",
    "but", "last", "this", "next", "earlier", "later", "until", "that", "which", "who", "is", "was", "were", "are", "has", "had", "have",
    "will", "would", "from", "into", "amid",
];

/// Whether the sources tell two qualifiers apart as two organisations: a sentence names
/// both, apart (a word in lower case between them: "the Rovers beat the Harriers", "the
/// NRP and its partner party, the SRP"), never the one inside the other. Not places nor
/// nationalities ("Harlow's quarterback" may be the Comets').
fn distinct_organisations(facts: &crate::facts::FactBase, a: &str, b: &str) -> bool {
    use crate::annotate::names::{is_affiliation, is_country_word};
    use crate::facts::evidence::{EvidenceSource, lemma};
    // (A word the corpus writes in lower case is no name: "Rookie cornerback", "Club
    // president", "Coalition leader" are a description of the post, not another one.)
    // (A party is a name though the corpus writes "a conservative" too.)
    let common = |q: &str| {
        q.split_whitespace().any(|w| is_country_word(w) || facts.common_words.contains(w) && !is_affiliation(w.trim_end_matches('s')))
    };
    // ("Democrat" and "Democratic" are one party.)
    let stem_shared = |x: &str, y: &str| x.len() >= 6 && y.len() >= 6 && x.get(..6) == y.get(..6);
    if qualifiers_agree(a, b) || stem_shared(a, b) || common(a) || common(b) || abbreviates(facts, a, b) || abbreviates(facts, b, a) {
        return false;
    }
    let index = &facts.evidence;
    // (The last word of the qualifier the index has: a name with a digit, "K9", has none.)
    let term = |q: &str| q.split_whitespace().rev().find_map(|w| lemma(w).and_then(|l| index.term(&l)));
    let (ta, tb) = (term(a), term(b));
    if ta.is_none() && tb.is_none() {
        return false;
    }
    let text_of = |id: u32| {
        let sentence = index.sentence(id);
        facts.sources.get(sentence.source as usize).and_then(|s| s.text.get(sentence.range()))
    };
    // A place ("in Harlow") names the city a team plays in, no other organisation.
    // (Not a name that modifies the noun after it: "fans in Rovers gear".)
    let terms: Vec<u32> = ta.into_iter().chain(tb).collect();
    let a_place = |q: &str, term: Option<u32>| {
        // (Read where the other qualifier is named when the index has no word of this one.)
        let near = term.as_ref().map_or(&terms[..], std::slice::from_ref);
        index.retrieve(near, TOGETHER_SENTENCES).into_iter().filter_map(|(id, _)| text_of(id)).any(|text| {
            let lower = text.to_lowercase();
            ["in ", "at ", "from "].iter().any(|locative| {
                let phrase = format!("{locative}{q}");
                lower.match_indices(&phrase).any(|(at, _)| {
                    if lower[..at].chars().next_back().is_some_and(char::is_alphanumeric) {
                        return false; // "that Rovers"
                    }
                    // (Lower case may change a text's length: then read it as before.)
                    let Some(rest) = text.get(at + phrase.len()..).filter(|_| lower.len() == text.len()) else { return true };
                    let next = rest.split_whitespace().next().unwrap_or("");
                    let modifies =
                        rest.starts_with(' ') && next.chars().next().is_some_and(char::is_lowercase) && !PLACE_FOLLOWERS.contains(&next);
                    !rest.starts_with(char::is_alphanumeric) && !modifies
                })
            })
        })
    };
    if a_place(a, ta) || a_place(b, tb) {
        return false;
    }
    index.retrieve(&terms, TOGETHER_SENTENCES).into_iter().filter_map(|(id, _)| text_of(id)).any(|text| named_apart(text, a, b))
}

/// Whether two qualifiers name two places of one kind ("Carrow County" and "Fennick
/// County", "Dunmore City" and "Harlow City"): the same office under each is two offices,
/// a sheriff of one county no sheriff of the other. (A team's city and its name,
/// "Harlow coach" and "Rovers coach", are not two places of one kind.)
fn jurisdictions_apart(facts: &crate::facts::FactBase, a: &str, b: &str) -> bool {
    fn split(q: &str) -> Option<(&str, &str)> {
        q.rsplit_once(' ').filter(|(_, kind)| crate::facts::extract::PLACE_NOUNS.contains(kind))
    }
    let (Some((name_a, kind_a)), Some((name_b, kind_b))) = (split(a), split(b)) else { return false };
    let proper = |name: &str| name.split_whitespace().all(|w| !facts.common_words.contains(w));
    kind_a == kind_b && name_a != name_b && proper(name_a) && proper(name_b)
}

/// Whether `short` is `long` abbreviated: its initials ("nrp" for "new reform
/// party"), or an acronym the corpus defines for it.
fn abbreviates(facts: &crate::facts::FactBase, short: &str, long: &str) -> bool {
    let initials: String = long.split([' ', '-']).filter_map(|w| w.chars().next()).collect();
    let letters: String = short.chars().filter(|c| c.is_alphanumeric()).collect();
    long.split_whitespace().count() >= 2 && initials == letters
        || facts.acronyms.long_to_short.get(long).is_some_and(|acronym| acronym == short)
}

/// Whether `text` names `a` and `b` (lower case) as words, with a word in lower case
/// between them.
fn named_apart(text: &str, a: &str, b: &str) -> bool {
    let lower = text.to_lowercase();
    let find = |q: &str| {
        lower.match_indices(q).find(|(at, _)| {
            let before = lower[..*at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            let after = lower[at + q.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
            before && after
        })
    };
    let (Some((at_a, _)), Some((at_b, _))) = (find(a), find(b)) else { return false };
    let (first, second) = if at_a < at_b { (at_a + a.len(), at_b) } else { (at_b + b.len(), at_a) };
    if first > second {
        return false;
    }
    text.get(first..second)
        .is_some_and(|between| between.split(|c: char| !c.is_alphabetic()).any(|w| w.len() >= 2 && w.chars().all(char::is_lowercase)))
}

/// Whether a title names the one person at the head of a body: a government's head or a
/// portfolio in it, a place's own officer ("attorney general", "sheriff"), a company's or a
/// team's chief, or the director, president, chair, chief or commissioner of a named body
/// ("KVB Director", "Harlow health director"). Not its deputy, an acting holder, nor a
/// leader or head of a party, which its members may be besides another office.
fn heads_a_body(qualifier: Option<&str>, core: &str) -> bool {
    let words: Vec<&str> = core.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    if words.iter().any(|w| SECOND_IN_RANK.contains(w) || matches!(*w, "acting" | "interim" | "co" | "elect")) {
        return false;
    }
    if let Some(role) = role_class(qualifier, core) {
        return role.family == "cabinet"
            || matches!(
                role.class,
                "prime minister" | "premier" | "governor" | "mayor" | "president" | "chancellor" | "chief executive" | "head coach"
            );
    }
    // (A place's own officer counts written without the place: "Attorney General X".
    // `single_holder` asks for a qualifier there; an empty one stands for the unnamed place.)
    if single_holder(qualifier.or(Some("")), core) {
        return true;
    }
    qualifier.is_some()
        && words
            .last()
            .is_some_and(|head| matches!(*head, "director" | "president" | "chair" | "chief" | "commissioner" | "administrator" | "ceo"))
}

/// Whether a qualifier names a party: a word of party or affiliation ("Labour", "the
/// Free Union party"), or an acronym the sources spell out as one ("the Reform Party
/// (RP)").
fn party_qualifier(facts: &crate::facts::FactBase, qualifier: &str) -> bool {
    let party_words = |q: &str| {
        q.split_whitespace().any(|w| matches!(w, "party" | "parties") || crate::annotate::names::is_affiliation(w.trim_end_matches('s')))
    };
    party_words(qualifier) || facts.acronyms.long_to_short.iter().any(|(long, short)| short == qualifier && party_words(long))
}

/// Whether two titles end in one office noun, or in two nouns that each name whoever heads
/// a body (chief, director, president, chair, head, commissioner, administrator, leader).
fn same_head_noun(a: &str, b: &str) -> bool {
    let noun = |core: &str| core.rsplit([' ', '-']).next().unwrap_or("").to_string();
    let generic =
        |w: &str| matches!(w, "chief" | "director" | "president" | "chair" | "head" | "commissioner" | "administrator" | "leader" | "ceo");
    let (x, y) = (noun(a), noun(b));
    x == y || generic(&x) && generic(&y)
}

/// "Former President Ada Vell" when the sources, written no earlier than the draft, call
/// her President and never former President: an office one holds at a time (a president,
/// a chief executive, a minister), which the draft says she has left. Only "former" and
/// "ex-": "then-President" and "the late" tell of another time, not of a departure.
#[allow(clippy::too_many_arguments)]
fn former_still_held(
    context: &Context<'_>,
    output: &mut Output,
    name_range: std::ops::Range<usize>,
    range: std::ops::Range<usize>,
    text: &str,
    title: &crate::annotate::names::TitleMention,
    person: &Person,
    draft_date: Option<jiff::civil::Date>,
) {
    let departed =
        title.text.split(|c: char| c.is_whitespace() || c == '-').any(|w| w.eq_ignore_ascii_case("former") || w.eq_ignore_ascii_case("ex"));
    if !departed || !single_holder(title.qualifier.as_deref(), &title.core) {
        return;
    }
    let fits = |held: &HeldTitle| title_compatible(title.qualifier.as_deref(), &title.core, held.qualifier.as_deref(), &held.core);
    if person.titles.iter().any(|h| h.former && fits(h)) {
        return;
    }
    let held: Vec<&HeldTitle> = person.titles.iter().filter(|h| !h.former && fits(h)).collect();
    // Told now by two sources at least, one of them written on the draft's day or later.
    let documents: std::collections::BTreeSet<usize> = held.iter().flat_map(|h| h.documents.iter().copied()).collect();
    let sources = &context.facts.sources;
    // (An undated page is as late as the last day it tells of.)
    let day = |d: usize| {
        sources
            .get(d)
            .and_then(|s| s.published)
            .or_else(|| crate::facts::evidence::EvidenceSource::latest_day(&context.facts.evidence, d as u32))
    };
    // When the draft is written: its date, else the last day it tells of. (A draft that
    // gives no day at all is taken as written with its sources.)
    let written = draft_date.or_else(|| super::written_by(None, context.analysis));
    let recent = written.is_none_or(|written| documents.iter().any(|&d| day(d).is_some_and(|day| day >= written)));
    if documents.len() < 2 || !recent {
        return;
    }
    raise_conflict(context, output, name_range, range, text, &title.text, person, &held, &[]);
}

/// The people other than `me` who hold a title `held` accepts, each with the first such title.
fn holders_but(people: &crate::facts::people::People, me: usize, held: impl Fn(&HeldTitle) -> bool) -> Vec<(usize, &HeldTitle)> {
    people
        .persons
        .iter()
        .enumerate()
        .filter(|(id, _)| *id != me)
        .filter_map(|(id, other)| other.titles.iter().find(|h| held(h)).map(|h| (id, h)))
        .collect()
}

/// The finding: the person's own titles, then the title's holders, each with a quote.
#[allow(clippy::too_many_arguments)]
fn raise_conflict(
    context: &Context<'_>,
    output: &mut Output,
    name_range: std::ops::Range<usize>,
    range: std::ops::Range<usize>,
    text: &str,
    title_text: &str,
    person: &Person,
    own_titles: &[&HeldTitle],
    holders: &[(usize, &HeldTitle)],
) {
    let people = &context.facts.people;
    // "The sources call Teodor Valk Estonian Foreign Minister (1 source), not Velmora
    // spokesman; they name Oskar Vellin Velmora spokesman (1 source)."
    let own: Vec<String> = own_titles.iter().map(|h| format!("{} ({})", h.text, sources(h.documents.len()))).collect();
    let mut message = if own.is_empty() {
        format!("No source calls {} {}", person.canonical(), title_text)
    } else {
        format!("The sources call {} {}, not {}", person.canonical(), and_list(&own), title_text)
    };
    if holders.is_empty() {
        message.push('.');
    } else {
        let named = |(id, held): &(usize, &HeldTitle)| (people.persons[*id].canonical(), sources(held.documents.len()));
        match holders {
            [only] => {
                let (name, count) = named(only);
                message.push_str(&format!("; they name {name} as {title_text} ({count})."));
            }
            _ => {
                let others: Vec<String> = holders.iter().take(3).map(named).map(|(name, count)| format!("{name} ({count})")).collect();
                message.push_str(&format!("; they name {} as {}.", and_list(&others), title_text));
            }
        }
    }
    let mut evidence: Vec<CiteRef> = own_titles.iter().filter_map(|h| h.citations.first().copied()).collect();
    evidence.extend(holders.iter().take(3).filter_map(|(_, h)| h.citations.first().copied()));
    let name_text = context.slice(&name_range).to_string();
    let mut fixes: Vec<String> = own_titles.iter().map(|h| format!("{} {}", h.text, name_text)).collect();
    fixes.extend(holders.iter().take(3).map(|(id, h)| format!("{} {}", h.text, people.persons[*id].canonical())));
    output.raise(text, Raised::contradiction(Kind::Role, "role-conflict", range, message, evidence, fixes));
}
