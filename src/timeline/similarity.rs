//! Content-word vectors of clauses and their TF-IDF cosine similarity, to
//! tell when two sentences report the same happening.

use crate::hash::{HashMap, HashMapExt};

use super::synonyms;
use crate::entities::names::{fold, variant_key};
use crate::sort;

/// Words that carry no content of their own.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "after",
    "again",
    "against",
    "all",
    "also",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "during",
    "each",
    "even",
    "for",
    "from",
    "had",
    "has",
    "have",
    "he",
    "her",
    "here",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "just",
    "last",
    "may",
    "might",
    "more",
    "most",
    "much",
    "must",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "out",
    "over",
    "own",
    "said",
    "same",
    "says",
    "she",
    "should",
    "since",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "’s",
    "'s",
    "n't",
    "n’t",
    "week",
    "weeks",
    "day",
    "days",
    "month",
    "months",
    "year",
    "years",
    "ago",
    "october",
    "september",
    "november",
    "december",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "earlier",
    "later",
    "recently",
    "two",
    "three",
    "one",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
];

/// A crude English stem: enough to meet "expel/expelled/expels",
/// "expulsion/expulsions", "suspend/suspended/suspension".
pub fn stem(word: &str) -> String {
    let w = word.to_lowercase();
    let mut s = w.as_str();
    for suffix in
        ["ations", "ation", "sions", "sion", "ions", "ion", "ments", "ment", "ings", "ing", "edly", "ed", "es", "s"]
    {
        if s.len() > suffix.len() + 3 {
            if let Some(base) = s.strip_suffix(suffix) {
                s = base;
                break;
            }
        }
    }
    // expul(sion) ~ expel: fold a final vowel-l pair and doubled final consonants.
    let mut out: String = s.to_string();
    if out.ends_with("ul") {
        out.replace_range(out.len() - 2.., "el");
    }
    // clos(e), clos(ing), clos(ure); decid(e), decid(ed).
    for suffix in ["ure", "e"] {
        if out.len() > suffix.len() + 3 && out.ends_with(suffix) {
            out.truncate(out.len() - suffix.len());
            break;
        }
    }
    let bytes = out.as_bytes();
    if bytes.len() > 3 && bytes[bytes.len() - 1] == bytes[bytes.len() - 2] {
        out.pop();
    }
    // suspen(sion) ~ suspend: drop the d of a final "nd".
    if out.len() > 4 && out.ends_with("nd") {
        out.pop();
    }
    out
}

/// Whether a lower-case word is a stopword.
pub fn is_stopword(word: &str) -> bool {
    STOPWORDS.contains(&word)
}

/// A bag of content stems with counts.
pub type Bag = HashMap<String, f64>;

/// Weight of a capitalized word inside a clause (a name): who took part is
/// better evidence of one happening than how it is told.
const NAME_WEIGHT: f64 = 2.0;

/// The bag of content stems of some words, in text order. Hyphenated words
/// count by their parts ("Putin-Biden"); spelling variants of names meet
/// ("Poutine"/"Putin", see [`variant_key`]); names weigh [`NAME_WEIGHT`].
pub fn bag<'a>(words: impl IntoIterator<Item = &'a str>) -> Bag {
    let parts: Vec<(usize, &str, String)> =
        words.into_iter().enumerate().flat_map(|(i, w)| w.split('-').map(move |p| (i, p, p.to_lowercase()))).collect();
    let mut out = Bag::new();
    let mut skip_next = false;
    for (k, (i, part, lower)) in parts.iter().enumerate() {
        if std::mem::take(&mut skip_next) {
            continue;
        }
        let next = parts.get(k + 1).map(|(_, _, p)| p.as_str());
        if let Some((group, pair)) = synonyms::key(lower, next) {
            *out.entry(group.to_string()).or_insert(0.0) += 1.0;
            skip_next = pair;
            continue;
        }
        if lower.chars().count() < 3 || is_stopword(lower) || !lower.chars().any(char::is_alphabetic) {
            continue;
        }
        let name = *i > 0 && part.starts_with(char::is_uppercase);
        let weight = if name { NAME_WEIGHT } else { 1.0 };
        *out.entry(variant_key(&fold(&stem(lower)))).or_insert(0.0) += weight;
    }
    out
}

/// The keys (as in [`bag`]) of the names among some words: capitalized words
/// after the first.
pub fn name_keys<'a>(words: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = words
        .into_iter()
        .skip(1)
        .flat_map(|w| w.split('-'))
        .filter(|p| p.starts_with(char::is_uppercase) && p.chars().count() >= 3)
        .map(|p| p.to_lowercase())
        .filter(|p| !is_stopword(p))
        .map(|p| variant_key(&fold(&stem(&p))))
        .collect();
    sort::sort(&mut out);
    out.dedup();
    out
}

/// Inverse document frequencies over a collection of bags.
pub fn idf(bags: &[&Bag]) -> HashMap<String, f64> {
    let mut df: HashMap<&str, usize> = HashMap::new();
    for b in bags {
        for k in b.keys() {
            *df.entry(k.as_str()).or_insert(0) += 1;
        }
    }
    let n = bags.len().max(1) as f64;
    df.into_iter().map(|(k, d)| (k.to_string(), (1.0 + n / d as f64).ln())).collect()
}

/// TF-IDF cosine similarity of two bags.
pub fn cosine(a: &Bag, b: &Bag, idf: &HashMap<String, f64>) -> f64 {
    let weight = |k: &str| idf.get(k).copied().unwrap_or(1.0);
    let dot: f64 = a.iter().filter_map(|(k, x)| b.get(k).map(|y| x * y * weight(k).powi(2))).sum();
    let norm = |v: &Bag| v.iter().map(|(k, x)| (x * weight(k)).powi(2)).sum::<f64>().sqrt();
    let (na, nb) = (norm(a), norm(b));
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        dot / (na * nb)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_meet() {
        assert_eq!(stem("expelled"), stem("expel"));
        assert_eq!(stem("expulsions"), stem("expel"));
        assert_eq!(stem("suspended"), stem("suspension"));
        assert_eq!(stem("missions"), stem("mission"));
    }

    #[test]
    fn similar_sentences_score_higher() {
        let a = bag("NATO expelled eight members of the Russian mission".split(' '));
        let b = bag("the decision to expel members of Russia's mission to NATO".split(' '));
        let c = bag("Algerian and Russian forces concluded a naval exercise".split(' '));
        let idf = idf(&[&a, &b, &c]);
        assert!(cosine(&a, &b, &idf) > cosine(&a, &c, &idf));
    }
}
