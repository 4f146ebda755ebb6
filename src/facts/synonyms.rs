//! Words a reporter uses for one another: "refused bail" and "denied bail", "died" and
//! "were killed", "the plane" and "the aircraft". Two frames that say the same thing in
//! other words share these words as one, so a value under one is aligned with a value
//! under the other.
//!
//! This is lexical knowledge of English news prose, not of any story: each group is a set
//! of words that, near a value, name the same predicate or thing. Groups are kept tight
//! (a word that has a common sense outside the group is left out: "set", "close", "fire",
//! "break" as a verb), because a loose group makes unrelated frames align. Nor are the
//! names of a story's own event joined ("storm" and "hurricane", "quake" and
//! "earthquake"): in a story about one storm they stand in every other sentence, and
//! joined they align sentences about other things.

use std::sync::LazyLock;

use rustc_hash::FxHashMap as HashMap;

/// Each line a group of words that stand for one another near a value.
const GROUPS: &[&[&str]] = &[
    // Decisions and outcomes.
    &["deny", "denied", "refuse", "refused", "reject", "rejected", "rebuff"],
    &["grant", "granted", "approve", "approved", "allow", "allowed"],
    &["convict", "convicted", "conviction", "guilty"],
    &["acquit", "acquitted", "acquittal", "cleared"],
    &["charge", "charged", "indict", "indicted", "indictment", "accuse", "accused"],
    &["arrest", "arrested", "detain", "detained", "apprehend", "apprehended"],
    &["jail", "jailed", "prison", "imprison", "imprisoned", "incarcerate", "incarcerated", "incarceration"],
    &["verdict", "ruling", "judgment", "judgement"],
    &["lawyer", "attorney", "counsel"],
    &["bail", "bond"],
    &["fine", "fined", "penalty"],
    &["postpone", "postponed", "delay", "delayed", "defer", "deferred", "adjourn", "adjourned"],
    &["cancel", "cancelled", "canceled", "scrap", "scrapped"],
    &["schedule", "scheduled", "slate", "slated"],
    &["resign", "resigned", "resignation", "quit"],
    &["appoint", "appointed", "appointment", "nominate", "nominated"],
    // Deaths, injuries, disasters.
    &["die", "died", "dies", "kill", "killed", "dead", "death", "deaths", "perish", "perished", "fatal", "fatalities"],
    &["injure", "injured", "injury", "injuries", "wound", "wounded"],
    &["victim", "victims", "casualty", "casualties"],
    &["body", "bodies", "remains"],
    &["recover", "recovered", "recovery", "retrieve", "retrieved"],
    &["rescue", "rescued"],
    &["crash", "crashed", "collision", "collide", "collided", "accident"],
    &["plane", "aircraft", "airliner", "jet"],
    &["helicopter", "chopper"],
    &["ship", "vessel", "boat"],
    &["explosion", "blast", "explode", "exploded"],
    &["blaze", "wildfire"],
    &["evacuate", "evacuated", "evacuation", "flee", "fled"],
    &["destroy", "destroyed", "demolish", "demolished"],
    &["missing", "unaccounted"],
    // Business and money.
    &["buy", "bought", "acquire", "acquired", "acquisition", "purchase", "purchased", "takeover"],
    &["sell", "sold", "sale"],
    &["company", "firm"],
    &["worth", "valued", "valuation"],
    &["rise", "rose", "increase", "increased", "climb", "climbed", "grow", "grew", "surge", "surged"],
    &["fall", "fell", "drop", "dropped", "decrease", "decreased", "plunge", "plunged", "slump", "slumped"],
    &["spokesperson", "spokesman", "spokeswoman"],
    &["homily", "sermon", "preach", "preached"],
    // Beginnings and ends.
    &["begin", "began", "begun", "start", "started", "commence", "commenced", "open", "opened"],
    &["end", "ended", "finish", "finished", "conclude", "concluded"],
    &["launch", "launched", "liftoff"],
    &["win", "won", "victory", "triumph"],
    &["lose", "lost", "loss"],
    &["halftime", "half-time", "interval"],
    // Places and people.
    &["home", "house", "residence", "resident", "residents", "mansion", "live", "lives", "lived"],
    &["passenger", "passengers", "traveler", "travelers", "traveller", "travellers"],
    &["children", "kids", "child"],
    &["mother", "mom", "mum"],
    &["father", "dad"],
    // Words and their derivations the stemmer leaves apart ("flew", "flight").
    &["fly", "flew", "flown", "flying", "flight", "flights"],
    &["testify", "testified", "testimony"],
    &["decide", "decided", "decision"],
    &["born", "birth"],
    &["woman", "women"],
    &["jury", "juror", "jurors"],
    &["thief", "thieves", "robber", "robbers", "burglar", "burglars"],
    &["plead", "pleaded", "pled", "plea"],
    &["sue", "sued", "lawsuit"],
    &["merger", "merge", "merged"],
    &["depart", "departed", "departure"],
    // Meetings, courts, inquiries.
    &["meet", "met", "meeting", "gather", "gathered", "convene", "convened"],
    &["court", "courthouse", "courtroom"],
    &["investigate", "investigated", "investigation", "probe", "inquiry"],
    &["lawmaker", "lawmakers", "legislator", "legislators"],
    &["deal", "agreement", "pact"],
    &["shareholder", "shareholders", "stockholder", "stockholders"],
    &["pope", "pontiff"],
    &["funeral", "burial", "cremation", "cremated"],
    // Crimes and disasters.
    &["steal", "stole", "stolen", "theft", "heist", "robbery", "rob", "robbed"],
    &["jewel", "jewels", "jewelry", "jewellery", "gem", "gems"],
    &["collapse", "collapsed", "topple", "toppled"],
    &["wreckage", "debris", "wreck"],
    &["building", "buildings", "structure", "structures"],
    &["spacecraft", "capsule", "spaceship"],
    &["fan", "fans", "supporter", "supporters"],
];

/// The group of each word's lemma, by the lemmas of its words.
static GROUP_OF: LazyLock<HashMap<String, usize>> = LazyLock::new(|| {
    let mut map = HashMap::default();
    for (group, words) in GROUPS.iter().enumerate() {
        for word in *words {
            if let Some(lemma) = super::evidence::lemma(word) {
                map.entry(lemma).or_insert(group);
            }
        }
    }
    map
});

/// The words of the group a word stands in (none when in no group).
pub fn group_words(word: &str) -> &'static [&'static str] {
    GROUPS.iter().find(|words| words.contains(&word)).copied().unwrap_or(&[])
}

/// The synonym group a lemma belongs to, if any.
pub fn group(lemma: &str) -> Option<usize> {
    GROUP_OF.get(lemma).copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::evidence::lemma;

    fn same(a: &str, b: &str) -> bool {
        let (a, b) = (lemma(a).unwrap(), lemma(b).unwrap());
        group(&a).is_some() && group(&a) == group(&b)
    }

    #[test]
    fn paraphrases_share_a_group() {
        assert!(same("refused", "denied"));
        assert!(same("died", "killed"));
        assert!(same("aircraft", "planes"));
        assert!(same("scheduled", "slated"));
        assert!(same("halftime", "interval"));
        assert!(same("flew", "flight"));
        assert!(same("juror", "jury"));
        assert!(same("probe", "investigation"));
    }

    #[test]
    fn unrelated_words_do_not() {
        assert!(!same("denied", "granted"));
        assert!(!same("won", "lost"));
        assert!(!same("killed", "injured"));
        assert!(group(&lemma("record").unwrap()).is_none());
    }

    #[test]
    fn every_word_of_a_group_has_a_lemma_in_it() {
        for (index, words) in GROUPS.iter().enumerate() {
            for word in *words {
                let lemma = lemma(word).unwrap_or_else(|| panic!("{word} has no lemma (a stop word?)"));
                assert_eq!(group(&lemma), Some(index), "{word} ({lemma}) is in two groups");
            }
        }
    }
}
