//! One-line event summaries: the reporting clause, trimmed of its lead-in
//! and its date phrase, cut to a readable length.

use super::extract::{DocView, Mention};

/// Longest summary, in words.
const MAX_WORDS: usize = 16;

/// The summary of an event from its mentions: the shortest dated clause
/// (dated clauses carry the event itself; undated ones only echo it).
pub fn summarize(docs: &[DocView], mentions: &[&Mention]) -> String {
    // The dated clause nearest a headline's length, else the first sentence.
    let words = |m: &&&Mention| m.clause.slice(docs[m.doc].text).split_whitespace().count();
    let best = mentions
        .iter()
        .filter(|m| m.date.is_some())
        .min_by_key(|m| (words(m) < MIN_WORDS, words(m).abs_diff(IDEAL_WORDS)))
        .or_else(|| mentions.first());
    let Some(m) = best else { return String::new() };
    compress(m.clause.slice(docs[m.doc].text))
}

/// Fewest words of a clause that makes a summary on its own.
const MIN_WORDS: usize = 5;
/// The length of a good summary, in words.
const IDEAL_WORDS: usize = 12;

/// Trims a clause to a summary: no leading connective, quotes or trailing
/// punctuation, at most [`MAX_WORDS`] words.
pub fn compress(clause: &str) -> String {
    let mut words: Vec<&str> = clause.split_whitespace().collect();
    const LEAD_INS: &[&str] = &["and", "but", "so", "yet", "meanwhile,", "however,", "thus,", "then,", "also"];
    while words.first().is_some_and(|w| LEAD_INS.contains(&w.to_lowercase().as_str())) {
        words.remove(0);
    }
    let cut = words.len() > MAX_WORDS;
    words.truncate(MAX_WORDS);
    let mut s = words.join(" ");
    s = s
        .trim_matches(|c: char| {
            matches!(c, '"' | '“' | '”' | '‘' | '’' | '\'' | ',' | ';' | ':' | '—' | '–' | '-' | ' ')
        })
        .to_string();
    s = s.trim_end_matches(['.', '!']).to_string();
    if let Some(first) = s.chars().next() {
        s = first.to_uppercase().collect::<String>() + &s[first.len_utf8()..];
    }
    if cut {
        s.push('…');
    }
    s
}
