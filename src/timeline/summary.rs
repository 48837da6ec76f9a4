//! One-line event summaries: the reporting clause that reads most like a
//! headline, trimmed of its lead-in and its date phrases, cut to a readable
//! length ("On 18 October the Kremlin retaliated" → "The Kremlin retaliated").

use super::extract::{DocView, Mention};
use crate::analysis::TimexType;
use crate::span::Span;
use crate::time::tense::has_past;

/// Longest summary, in words.
const MAX_WORDS: usize = 16;
/// Fewest words of a clause that makes a summary on its own.
const MIN_WORDS: usize = 5;
/// The length of a good summary, in words.
const IDEAL_WORDS: usize = 12;
/// How far into a summary its verb may come for it to read like a headline.
const VERB_WITHIN: usize = 6;

/// The summary of an event from its mentions: among the dated clauses (they
/// carry the event; undated sentences only echo it), the one whose verb comes
/// early and whose length is nearest a headline's; else the first sentence.
pub fn summarize(docs: &[DocView], mentions: &[&Mention]) -> String {
    let candidates: Vec<String> =
        mentions.iter().filter(|m| m.date.is_some()).map(|m| undated_text(&docs[m.doc], m.clause)).collect();
    let score = |s: &String| {
        let words: Vec<String> = s.split_whitespace().map(str::to_lowercase).collect();
        let early: Vec<&str> = words.iter().take(VERB_WITHIN).map(String::as_str).collect();
        (!has_past(&early), words.len() < MIN_WORDS, words.len().abs_diff(IDEAL_WORDS))
    };
    match candidates.iter().min_by_key(|s| score(s)) {
        Some(best) => compress(best),
        None => mentions.first().map_or(String::new(), |m| compress(&undated_text(&docs[m.doc], m.clause))),
    }
}

/// Prepositions and phrases that introduce a date ("on 6 October", "as recently as 7 Oct").
const DATE_LEADS: &[&str] =
    &["on", "in", "at", "since", "by", "during", "from", "until", "between", "as of", "as recently as"];

/// A clause's text without the date phrases that place it ("on 6 October",
/// a clause-opening "Earlier this week") and the word that leads to each.
fn undated_text(doc: &DocView, clause: Span) -> String {
    let mut out = String::new();
    let mut at = clause.start;
    let mut stripped: Option<Span> = None;
    for t in doc.timexes.iter().filter(|t| clause.contains(t.span)) {
        // A range's second end goes with its first: "on Nov. 6-7", "between March and July".
        if stripped.is_some_and(|s| super::extract::joins_range(doc.text, s, t.span)) {
            at = t.span.end;
            stripped = Some(t.span);
            continue;
        }
        let before = &doc.text[at..t.span.start];
        let lower = before.to_ascii_lowercase(); // same byte offsets as `before`
        let trimmed = lower.trim_end();
        let lead = DATE_LEADS
            .iter()
            .filter(|l| trimmed == **l || trimmed.ends_with(&format!(" {l}")))
            .map(|l| l.len())
            .max()
            .unwrap_or(0);
        let opens_clause = doc.text[clause.start..t.span.start].trim_matches(|c: char| is_edge(c)).is_empty();
        // A live blog's "17:40 —" opening an entry goes too.
        let is_date = t.timex_type == TimexType::Date && (lead > 0 || opens_clause)
            || t.timex_type == TimexType::Time && opens_clause;
        if !is_date {
            continue; // "the declaration of 2008", "two days of talks" stay
        }
        let keep = before.trim_end().len() - lead;
        out.push_str(&before[..keep]);
        at = t.span.end;
        stripped = Some(t.span);
    }
    out.push_str(&doc.text[at..clause.end]);
    // Tidy the seams: ", ," and " ," left where a date phrase was.
    let mut tidy = out.split_whitespace().collect::<Vec<_>>().join(" ");
    for (from, to) in [(", ,", ""), (" ,", ","), (",,", ","), ("( )", ""), ("()", "")] {
        tidy = tidy.replace(from, to);
    }
    tidy
}

/// Trims a clause to a summary: no leading connective or discourse marker,
/// quotes or trailing punctuation, at most [`MAX_WORDS`] words.
pub fn compress(clause: &str) -> String {
    const LEAD_INS: &[&str] = &[
        "and",
        "but",
        "so",
        "yet",
        "meanwhile",
        "however",
        "thus",
        "then",
        "also",
        "moreover",
        "indeed",
        "obviously",
        "still",
        "earlier",
        "later",
        "of course",
        "in fact",
        "as if it wasn’t enough",
        "as if it wasn't enough",
    ];
    let mut s = clause.trim_matches(|c: char| is_edge(c)).to_string();
    // A clause cut at its "that" ("… told the committee | that the exercise would go
    // ahead"); a capitalised "That" opens a sentence ("That decision angered Moscow").
    if let Some(rest) = s.strip_prefix("that ") {
        s = rest.to_string();
    }
    loop {
        let lower = s.to_lowercase();
        let lead = LEAD_INS.iter().find(|l| lower.starts_with(*l) && lower[l.len()..].starts_with([',', ' ']));
        match lead {
            Some(l) => s = s[l.len()..].trim_start_matches(|c: char| is_edge(c)).to_string(),
            None => break,
        }
    }
    let mut words: Vec<&str> = s.split_whitespace().collect();
    let cut = words.len() > MAX_WORDS;
    words.truncate(MAX_WORDS);
    let mut s = words.join(" ");
    s = s.trim_matches(|c: char| is_edge(c) || c == '.' || c == '!').to_string();
    if let Some(first) = s.chars().next() {
        s = format!("{}{}", upper(first), &s[first.len_utf8()..]);
    }
    if cut {
        s.push('…');
    }
    s
}

/// `c` in upper case when that is one code point at most 128 away (Latin,
/// Greek, Cyrillic, Armenian, …), else `c`. Not `char::to_uppercase`: its
/// tables are 13 KB of wasm, and the lower-case table is there anyway.
fn upper(c: char) -> char {
    if c.is_ascii() || !c.is_lowercase() {
        return c.to_ascii_uppercase();
    }
    let lowers_to_c = |u: u32| char::from_u32(u).filter(|u| u.is_uppercase() && u.to_lowercase().eq([c]));
    (1..=128).find_map(|d| lowers_to_c(c as u32 - d).or_else(|| lowers_to_c(c as u32 + d))).unwrap_or(c)
}

/// Characters trimmed from a summary's ends.
fn is_edge(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '‘' | '’' | '\'' | ',' | ';' | ':' | '—' | '–' | '-' | ' ')
}

#[cfg(test)]
mod tests {
    #[test]
    fn upper_is_the_standard_upper_case_where_that_is_one_code_point_nearby() {
        let (mut same, mut other) = (0, Vec::new());
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let std: Vec<char> = c.to_uppercase().collect();
            let round_trip = std.len() == 1 && std[0].to_lowercase().eq([c]) && (c.is_ascii() || c.is_lowercase());
            if round_trip && (c as i64 - std[0] as i64).abs() <= 128 {
                assert_eq!(super::upper(c), std[0], "{c:?} (U+{:04X})", c as u32);
                same += usize::from(std[0] != c);
            } else {
                assert_eq!(super::upper(c), c, "{c:?} (U+{:04X})", c as u32);
                if std != [c] {
                    other.push(c);
                }
            }
        }
        // Left as they are: Georgian, Cherokee, IPA letters, ligatures, ß and the
        // other letters whose upper case is several code points.
        assert!(same > 1200 && other.len() < 400, "{same} the same, {} not: {other:?}", other.len());
        assert_eq!(super::upper('é'), 'É');
        assert_eq!(super::upper('ÿ'), 'Ÿ');
        assert_eq!(super::upper('я'), 'Я');
        assert_eq!(super::upper('ß'), 'ß');
    }

    use super::*;

    #[test]
    fn lead_ins_and_edges_go() {
        assert_eq!(compress("Meanwhile, the council met"), "The council met");
        assert_eq!(compress("And, as if it wasn't enough, forces concluded a drill."), "Forces concluded a drill");
        assert_eq!(compress("“Talks failed,”"), "Talks failed");
    }

    #[test]
    fn a_cut_that_goes_but_a_demonstrative_stays() {
        assert_eq!(compress("that the exercise would go ahead"), "The exercise would go ahead");
        assert_eq!(compress("That decision angered Moscow."), "That decision angered Moscow");
    }
}
