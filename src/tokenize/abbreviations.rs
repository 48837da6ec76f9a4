//! Abbreviations that end in a period, and how each kind affects sentence breaks.

use std::sync::OnceLock;

use crate::hash::{HashMap, HashMapExt};

/// How an abbreviation ending in a period behaves at a possible sentence end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AbbreviationKind {
    /// A title before a name ("Dr.", "Gen."): never ends a sentence.
    Title,
    /// Only an abbreviation before a number ("No. 5", "p. 12"); otherwise the
    /// period is ordinary punctuation.
    BeforeNumber,
    /// A month ("Oct. 6"): no break before a number.
    Month,
    /// A single capital initial ("J. R. R. Tolkien").
    Initial,
    /// Anything else that ends in a period ("U.S.", "e.g.", "Inc."): the
    /// sentence ends only if a typical sentence opener follows.
    Other,
}

const TITLES: &[&str] = &[
    "Adm", "Amb", "Brig", "Capt", "Cmdr", "Col", "Cpl", "Dr", "Drs", "Fr", "Gen", "Gov", "Hon", "Lt", "Maj", "Messrs",
    "Mr", "Mrs", "Ms", "Mme", "Mlle", "Msgr", "Pres", "Prof", "Rep", "Reps", "Rev", "Sec", "Sen", "Sens", "Sgt", "Sr",
    "Jr", "St", "Supt", "Mt", "Ft", "Pvt", "Insp", "Det", "Atty", "Sup",
];

const BEFORE_NUMBER: &[&str] =
    &["No", "Nos", "no", "nos", "Art", "art", "Vol", "vol", "p", "pp", "Fig", "fig", "Ch", "ch", "Nr", "nr"];

const MONTHS: &[&str] = &["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"];

const OTHER: &[&str] = &[
    "etc", "Inc", "Ltd", "Co", "Corp", "Bros", "Assn", "Dept", "Univ", "Ave", "Blvd", "Rd", "approx", "est", "vs", "v",
    "cf", "al", "Mon", "Tue", "Tues", "Wed", "Thu", "Thurs", "Fri", "Sat", "Sun", "Calif", "Conn", "Fla", "Ill",
    "Mass", "Mich", "Minn", "Penn", "Tenn", "Tex", "Va", "Wash", "Wis", "a.m", "p.m", "ca", "min", "max", "govt",
    "Govt", "intl", "Intl", "natl", "Natl", "yr", "yrs",
];

/// The kind of abbreviation `word` (without its final period) is when a
/// period follows it, or `None` when the period is ordinary punctuation.
///
/// Words with an inner period ("U.S", "e.g") and single capital letters are
/// abbreviations by shape; the rest come from closed lists.
pub fn kind_of(word: &str) -> Option<AbbreviationKind> {
    let listed = listed().get(word).copied();
    if matches!(listed, Some(AbbreviationKind::Title | AbbreviationKind::Month | AbbreviationKind::BeforeNumber)) {
        return listed;
    }
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() {
            return Some(AbbreviationKind::Initial);
        }
    }
    if listed.is_some() || has_inner_period(word) {
        return Some(AbbreviationKind::Other);
    }
    None
}

/// The listed abbreviations by word, built once (a lookup per word that a
/// period follows, instead of a scan of the lists); a word in two lists
/// takes the first of titles, months, before-number, other.
fn listed() -> &'static HashMap<&'static str, AbbreviationKind> {
    static LISTED: OnceLock<HashMap<&'static str, AbbreviationKind>> = OnceLock::new();
    LISTED.get_or_init(|| {
        let mut map = HashMap::new();
        for (list, kind) in [
            (TITLES, AbbreviationKind::Title),
            (MONTHS, AbbreviationKind::Month),
            (BEFORE_NUMBER, AbbreviationKind::BeforeNumber),
            (OTHER, AbbreviationKind::Other),
        ] {
            for &word in list {
                map.entry(word).or_insert(kind);
            }
        }
        map
    })
}

/// Whether `word` is letters joined by periods ("U.S", "e.g", "a.m").
fn has_inner_period(word: &str) -> bool {
    word.contains('.') && word.split('.').all(|part| !part.is_empty() && part.chars().all(char::is_alphabetic))
}

/// Words that typically open an English sentence; after an ambiguous
/// abbreviation ("the U.S. The …") they signal a sentence break.
const SENTENCE_OPENERS: &[&str] = &[
    "A",
    "After",
    "All",
    "Also",
    "Although",
    "An",
    "And",
    "As",
    "At",
    "Before",
    "Both",
    "But",
    "By",
    "Despite",
    "Each",
    "Even",
    "For",
    "From",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Many",
    "Meanwhile",
    "Most",
    "My",
    "No",
    "Nor",
    "Not",
    "Now",
    "On",
    "One",
    "Or",
    "Our",
    "She",
    "Since",
    "So",
    "Some",
    "Still",
    "Such",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Thus",
    "To",
    "Under",
    "We",
    "What",
    "When",
    "Where",
    "While",
    "Who",
    "Why",
    "With",
    "Yet",
    "You",
    "Your",
];

/// Whether `word` typically opens a sentence.
pub fn is_sentence_opener(word: &str) -> bool {
    SENTENCE_OPENERS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::AbbreviationKind::*;
    use super::*;

    #[test]
    fn kinds() {
        let table = [
            ("Dr", Some(Title)),
            ("Oct", Some(Month)),
            ("No", Some(BeforeNumber)),
            ("J", Some(Initial)),
            ("U.S", Some(Other)),
            ("e.g", Some(Other)),
            ("etc", Some(Other)),
            ("NATO", None),
            ("x", None),
            ("U..S", None),
        ];
        for (word, expected) in table {
            assert_eq!(kind_of(word), expected, "{word}");
        }
    }
}
