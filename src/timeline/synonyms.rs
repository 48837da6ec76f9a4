//! Words news reports use interchangeably for one kind of happening ("fire",
//! "blaze"; "deal", "agreement"; "walked out", "strike"), folded to one key so
//! that two outlets' wordings of the same event meet. A small hand-made
//! thesaurus of general news vocabulary: it names kinds of happenings, never
//! a particular story's people or places.

use std::sync::OnceLock;

use crate::hash::{HashMap, HashMapExt};

/// Groups of interchangeable word forms (lower case), each with its key.
const GROUPS: &[(&str, &[&str])] = &[
    ("~fire", &["fire", "fires", "blaze", "blazes", "flames", "inferno", "fire's", "blaze's"]),
    ("~die", &["die", "died", "dies", "dead", "death", "deaths", "killed", "kill", "kills", "fatal", "perished"]),
    ("~injure", &["injured", "injuries", "injury", "wounded", "hurt", "injuring"]),
    ("~worker", &["worker", "workers", "employee", "employees", "staff", "staffers", "workforce"]),
    ("~strike", &["strike", "strikes", "striking", "strikers", "walkout", "walkouts", "stoppage"]),
    ("~deal", &["deal", "deals", "agreement", "agreements", "accord", "pact", "settlement"]),
    ("~talks", &["talks", "negotiations", "negotiation", "negotiators", "mediation", "mediated", "bargaining"]),
    ("~begin", &["began", "begin", "begins", "started", "start", "starts", "launched", "opened", "kicked"]),
    ("~collapse", &["collapsed", "collapse", "collapses", "failed", "faltered", "breakdown"]),
    ("~resign", &["resigned", "resign", "resigns", "resignation", "quit", "quits"]),
    ("~arrest", &["arrested", "arrest", "arrests", "detained", "detain", "detention"]),
    ("~announce", &["announced", "announce", "announces", "announcement", "unveiled", "declared"]),
    ("~inspect", &["inspection", "inspections", "inspector", "inspectors", "inspected", "inspect"]),
    ("~evacuate", &["evacuated", "evacuate", "evacuation", "evacuations", "evacuees"]),
    ("~investigate", &["investigation", "investigate", "investigated", "investigators", "probe", "inquiry"]),
    ("~protest", &["protest", "protests", "protested", "protesters", "demonstration", "demonstrators", "rally"]),
    ("~raise", &["raised", "raise", "raises", "rise", "rose", "hike", "hiked", "increase", "increased"]),
    ("~cut", &["cut", "cuts", "lowered", "lower", "reduced", "reduce", "reduction"]),
    ("~meeting", &["meeting", "meetings", "met", "meet", "meets", "summit", "session"]),
    ("~recount", &["recount", "recounts", "recounted", "retally"]),
    ("~certify", &["certified", "certify", "certifies", "certification"]),
    ("~reopen", &["reopened", "reopen", "reopens", "reopening", "resumed", "resume", "resumes", "restarted"]),
    ("~sue", &["lawsuit", "lawsuits", "sued", "sue", "suit"]),
    ("~dismiss", &["dismissed", "dismiss", "threw", "rejected"]),
    ("~expel", &["expelled", "expel", "expels", "expulsion", "expulsions", "ousted", "oust"]),
    ("~suspend", &["suspended", "suspend", "suspends", "suspension", "halted", "halt", "froze", "freeze"]),
    ("~sign", &["signed", "sign", "signs", "signing"]),
    ("~win", &["won", "win", "wins", "victory", "winner"]),
    ("~vote", &["vote", "votes", "voted", "ballot", "ballots", "voting"]),
    ("~peak", &["peak", "peaks", "peaked", "crest", "crests", "crested"]),
    ("~legislature", &["parliament", "lawmakers", "legislators", "legislature", "congress", "mps"]),
];

/// Two-word forms: the first word, the second, and the key of the pair.
const PAIRS: &[(&str, &str, &str)] = &[
    ("walked", "out", "~strike"),
    ("walked", "off", "~strike"),
    ("walk", "out", "~strike"),
    ("broke", "down", "~collapse"),
    ("broke", "out", "~begin"),
    ("hand", "count", "~recount"),
    ("stepped", "down", "~resign"),
    ("step", "down", "~resign"),
    ("took", "effect", "~begin"),
];

/// The key of a word (lower case) given the next word, when it belongs to a
/// group: `(key, whether the pair used the next word too)`.
pub fn key(word: &str, next: Option<&str>) -> Option<(&'static str, bool)> {
    let index = index();
    if let Some(next) = next {
        if let Some(pairs) = index.pairs.get(word) {
            if let Some(&(_, k)) = pairs.iter().find(|(b, _)| *b == next) {
                return Some((k, true));
            }
        }
    }
    index.forms.get(word).map(|&k| (k, false))
}

/// [`GROUPS`] and [`PAIRS`] by their (first) word, built once.
struct Index {
    forms: HashMap<&'static str, &'static str>,
    pairs: HashMap<&'static str, Vec<(&'static str, &'static str)>>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut forms = HashMap::new();
        for &(k, words) in GROUPS {
            for &w in words {
                forms.entry(w).or_insert(k);
            }
        }
        let mut pairs: HashMap<&'static str, Vec<_>> = HashMap::new();
        for &(a, b, k) in PAIRS {
            pairs.entry(a).or_default().push((b, k));
        }
        Index { forms, pairs }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wordings_meet() {
        assert_eq!(key("blaze", None), key("fire", None));
        assert_eq!(key("walked", Some("out")).map(|k| k.0), key("strike", None).map(|k| k.0));
        assert_eq!(key("agreement", None), key("deal", None));
        assert_eq!(key("walked", Some("home")), None);
        assert_eq!(key("plant", None), None);
    }
}
