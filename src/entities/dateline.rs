//! The place that opens a news story's dateline ("MILAN, May 17, 2023 —",
//! "KYIV, Ukraine (AP) —", "LONDON (Reuters) -"): a place, whatever the
//! model makes of a word in capitals ("MILAN" is an ORG to spaCy's model).

use super::rules::Found;
use crate::analysis::EntityType;
use crate::span::Span;
use crate::tokenize::{Segmentation, Token, TokenKind};

/// How many body paragraphs from the top may open with the dateline (the
/// title and a standfirst come first).
const PARAGRAPHS_SEARCHED: usize = 3;

/// How many tokens after the place the dash may come ("MILAN, May 17, 2023 —"
/// has seven; "WASHINGTON/LONDON, June 3 (Reuters) -" ten).
const MAX_TOKENS_TO_DASH: usize = 14;

/// The dateline places of a document: in its first body paragraphs, a run
/// of words in capitals at the start, then a dash after nothing but
/// capitalised words, numbers, commas, slashes and parentheses. Runs inside a
/// date (`dates`) are not places.
pub fn dateline_places(text: &str, seg: &Segmentation, dates: &[Span], in_body: impl Fn(Span) -> bool) -> Vec<Span> {
    seg.paragraphs
        .iter()
        .filter(|p| in_body(**p))
        .take(PARAGRAPHS_SEARCHED)
        .filter_map(|p| {
            let first = seg.tokens.partition_point(|t| t.span.start < p.start);
            let last = seg.tokens.partition_point(|t| t.span.start < p.end);
            dateline_place(text, &seg.tokens[first..last])
        })
        .filter(|place| !dates.iter().any(|d| d.start < place.end && place.start < d.end))
        .collect()
}

/// Types each dateline place as a place (GPE), replacing whatever the model
/// found over it.
pub fn apply_places(found: &mut Vec<Found>, places: &[Span]) {
    found.retain(|f| !places.iter().any(|p| p.start < f.span.end && f.span.start < p.end));
    found.extend(places.iter().map(|&span| Found { span, entity_type: EntityType::Gpe }));
}

/// The capitals opening one paragraph's tokens, when a dashed dateline follows.
fn dateline_place(text: &str, tokens: &[Token]) -> Option<Span> {
    let run = tokens.iter().take_while(|t| is_capitals(text, t)).count();
    let letters: usize =
        tokens[..run].iter().map(|t| t.span.slice(text).chars().filter(|c| c.is_alphabetic()).count()).sum();
    if run == 0 || letters < 3 {
        return None;
    }
    let place = Span::new(tokens[0].span.start, tokens[run - 1].span.end);
    let rest = &tokens[run..];
    let dash = rest.iter().take(MAX_TOKENS_TO_DASH).position(|t| is_spaced_dash(text, t))?;
    if !rest[..dash].iter().all(|t| may_precede_dash(text, t)) {
        return None;
    }
    // "NATO — the alliance said": a short word in capitals straight before the
    // dash may be an acronym; a city names its date, country or agency first.
    if dash == 0 && letters <= 4 && super::gazetteer::place_type(&title_case(place.slice(text))).is_none() {
        return None;
    }
    Some(place)
}

/// A word of two or more letters, none of them lowercase ("MILAN", "ST.").
fn is_capitals(text: &str, t: &Token) -> bool {
    let word = t.span.slice(text);
    t.kind == TokenKind::Word
        && word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !word.chars().any(char::is_lowercase)
}

/// A dash with space on both sides ("MILAN — Rain", not "NATO-RUSSIA").
fn is_spaced_dash(text: &str, t: &Token) -> bool {
    let spaced =
        text[..t.span.start].ends_with(char::is_whitespace) && text[t.span.end..].starts_with(char::is_whitespace);
    spaced && matches!(t.span.slice(text), "—" | "–" | "-" | "--")
}

/// What a dateline holds between its place and its dash: "Ukraine", "May",
/// "17", "(AP)", ",", "/".
fn may_precede_dash(text: &str, t: &Token) -> bool {
    let s = t.span.slice(text);
    match t.kind {
        TokenKind::Word => s.starts_with(|c: char| c.is_uppercase()),
        TokenKind::Number => true,
        _ => matches!(s, "," | "/" | "(" | ")" | "."),
    }
}

/// "KYIV" → "Kyiv", for the gazetteer.
fn title_case(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for (i, c) in word.chars().enumerate() {
        if i == 0 {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::segment;

    fn places(text: &str) -> Vec<&str> {
        dateline_places(text, &segment(text), &[], |_| true).iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn dateline_places_in_the_usual_forms() {
        assert_eq!(places("Floods in Italy\n\nMILAN, May 17, 2023 — Rain fell."), ["MILAN"]);
        assert_eq!(places("KYIV, Ukraine (AP) — Sirens sounded."), ["KYIV"]);
        assert_eq!(places("LONDON (Reuters) - Shares fell."), ["LONDON"]);
        assert_eq!(places("RIO DE JANEIRO — Carnival began."), ["RIO DE JANEIRO"]);
        assert_eq!(places("ROME — The talks began."), ["ROME"]);
        assert_eq!(places("WASHINGTON/LONDON, June 3 (Reuters) - Talks began."), ["WASHINGTON"]);
    }

    #[test]
    fn capitals_that_are_not_datelines() {
        // An acronym before a dash, a heading, a lowercase word before the
        // dash, capitals deeper in the story.
        assert!(places("NATO — the alliance said so.").is_empty());
        assert!(places("SOME TIES REMAIN\n\nThe talks ended.").is_empty());
        assert!(places("PARIS said that — oddly — it would.").is_empty());
        assert!(places("SADLY, NATO-RUSSIA RELATIONS ARE POOR.").is_empty());
        assert!(places("One.\n\nTwo.\n\nThree.\n\nBERLIN, May 2 — Late.").is_empty());
    }

    #[test]
    fn a_dateline_place_replaces_the_models_mention() {
        let text = "MILAN, May 17 — Rain.";
        let mut found = vec![Found { span: Span::new(0, 5), entity_type: EntityType::Org }];
        apply_places(&mut found, &dateline_places(text, &segment(text), &[], |_| true));
        assert_eq!(found, [Found { span: Span::new(0, 5), entity_type: EntityType::Gpe }]);
    }
}
