//! The place that opens a news story's dateline ("MILAN, May 17, 2023 —",
//! "KYIV, Ukraine (AP) —", "LONDON (Reuters) -"): a place, whatever the
//! model makes of a word in capitals ("MILAN" is an ORG to spaCy's model);
//! and the news agency in its brackets, an organization ("AP" is no GPE).

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

/// A news dateline's names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dateline {
    /// The place in capitals ("KYIV").
    pub place: Span,
    /// The agency in brackets before the dash ("AP", "Reuters"), if any.
    pub agency: Option<Span>,
}

/// The datelines of a document: in its first body paragraphs, a run of
/// words in capitals at the start, then a dash after nothing but capitalised
/// words, numbers, commas, slashes and parentheses. Runs inside a date
/// (`dates`) are not places.
pub fn datelines(text: &str, seg: &Segmentation, dates: &[Span], in_body: impl Fn(Span) -> bool) -> Vec<Dateline> {
    seg.paragraphs
        .iter()
        .filter(|p| in_body(**p))
        .take(PARAGRAPHS_SEARCHED)
        .filter_map(|p| {
            let first = seg.tokens.partition_point(|t| t.span.start < p.start);
            let last = seg.tokens.partition_point(|t| t.span.start < p.end);
            dateline(text, &seg.tokens[first..last])
        })
        .filter(|d| !dates.iter().any(|x| x.start < d.place.end && d.place.start < x.end))
        .collect()
}

/// Types each dateline's place as a GPE and its agency as an ORG, replacing
/// whatever the model found over them.
pub fn apply(found: &mut Vec<Found>, datelines: &[Dateline]) {
    let names: Vec<(Span, EntityType)> = datelines
        .iter()
        .flat_map(|d| std::iter::once((d.place, EntityType::Gpe)).chain(d.agency.map(|a| (a, EntityType::Org))))
        .collect();
    found.retain(|f| !names.iter().any(|(n, _)| n.start < f.span.end && f.span.start < n.end));
    found.extend(names.iter().map(|&(span, entity_type)| Found { span, entity_type }));
}

/// The dateline opening one paragraph's tokens, if any.
fn dateline(text: &str, tokens: &[Token]) -> Option<Dateline> {
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
    Some(Dateline { place, agency: agency(text, &rest[..dash]) })
}

/// The words in the last brackets before the dash: "(AP)", "(Reuters)".
fn agency(text: &str, before_dash: &[Token]) -> Option<Span> {
    let close = before_dash.len().checked_sub(1).filter(|&c| before_dash[c].span.slice(text) == ")")?;
    let open = before_dash[..close].iter().rposition(|t| t.span.slice(text) == "(")?;
    let words = &before_dash[open + 1..close];
    (!words.is_empty() && words.iter().all(|t| t.kind == TokenKind::Word))
        .then(|| Span::new(words[0].span.start, words[words.len() - 1].span.end))
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
        datelines(text, &segment(text), &[], |_| true).iter().map(|d| d.place.slice(text)).collect()
    }

    fn agencies(text: &str) -> Vec<&str> {
        datelines(text, &segment(text), &[], |_| true).iter().filter_map(|d| d.agency).map(|a| a.slice(text)).collect()
    }

    #[test]
    fn dateline_places_in_the_usual_forms() {
        assert_eq!(places("Floods in Italy\n\nMILAN, May 17, 2023 — Rain fell."), ["MILAN"]);
        assert_eq!(places("KYIV, Ukraine (AP) — Sirens sounded."), ["KYIV"]);
        assert_eq!(places("LONDON (Reuters) - Shares fell."), ["LONDON"]);
        assert_eq!(places("RIO DE JANEIRO — Carnival began."), ["RIO DE JANEIRO"]);
        assert_eq!(places("ROME — The talks began."), ["ROME"]);
        assert_eq!(places("WASHINGTON/LONDON, June 3 (Reuters) - Talks began."), ["WASHINGTON"]);
        assert_eq!(agencies("KYIV, Ukraine (AP) — Sirens sounded."), ["AP"]);
        assert_eq!(agencies("Lakers rally\n\nLOS ANGELES (AP) — LeBron James scored 30 points."), ["AP"]);
        assert_eq!(agencies("LONDON (Thomson Reuters) - Shares fell."), ["Thomson Reuters"]);
        assert!(agencies("ROME — The talks began.").is_empty());
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
    fn a_dateline_replaces_the_models_mentions() {
        let text = "MILAN (AP) — Rain.";
        let mut found = vec![
            Found { span: Span::new(0, 5), entity_type: EntityType::Org },
            Found { span: Span::new(7, 9), entity_type: EntityType::Gpe },
        ];
        apply(&mut found, &datelines(text, &segment(text), &[], |_| true));
        assert_eq!(
            found,
            [
                Found { span: Span::new(0, 5), entity_type: EntityType::Gpe },
                Found { span: Span::new(7, 9), entity_type: EntityType::Org }
            ]
        );
    }
}
