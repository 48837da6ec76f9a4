//! Sentence boundaries inside one paragraph, from its tokens.
//!
//! A sentence ends after a terminal mark ("." "!" "?" "…"), plus any closing
//! quotes and brackets, when whitespace and a sentence-opening token follow
//! (a capital, a digit, an opening quote or bracket). After an abbreviation
//! ("U.S.", "Oct.", "J.") it ends only where the abbreviation's kind allows.

use super::abbreviations::{self, AbbreviationKind};
use super::TokenKind;
use crate::span::Span;

/// For tokens `(span, kind)` of one paragraph, the index of the last token of
/// each sentence (the last index is always included when there are tokens).
pub fn sentence_ends(text: &str, tokens: &[(Span, TokenKind)]) -> Vec<usize> {
    let mut ends = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < tokens.len() {
        let (span, kind) = tokens[i];
        // Most tokens neither start like a terminal mark (".", "!", "?", or
        // the bytes 0xE2 and 0xE3 that start "…", "‼", "⁇" and "。") nor end
        // in the period of an abbreviation: skip them without decoding.
        let (first, last) =
            (bytes.get(span.start).copied(), span.end.checked_sub(1).and_then(|e| bytes.get(e)).copied());
        let maybe_terminal = matches!(first, Some(b'.' | b'!' | b'?' | 0xE2 | 0xE3));
        let maybe_abbreviation = kind == TokenKind::Word && last == Some(b'.');
        if !(maybe_terminal || maybe_abbreviation) {
            i += 1;
            continue;
        }
        let token = span.slice(text);
        let abbreviation = abbreviation_kind(token, kind);
        if !is_terminal(token) && abbreviation.is_none() {
            i += 1;
            continue;
        }
        let mut last = i;
        while let Some(&(next, _)) = tokens.get(last + 1) {
            if !closes(next.slice(text), tokens[last].0.end == next.start) {
                break;
            }
            last += 1;
        }
        if let Some(&(next, next_kind)) = tokens.get(last + 1) {
            let spaced = next.start > tokens[last].0.end;
            if spaced && opens_sentence(next.slice(text), next_kind) {
                let breaks = match abbreviation {
                    None => true,
                    Some(kind) => abbreviation_breaks(kind, next.slice(text), next_kind, last > i),
                };
                if breaks {
                    ends.push(last);
                }
            }
        }
        i = last + 1;
    }
    if !tokens.is_empty() && ends.last() != Some(&(tokens.len() - 1)) {
        ends.push(tokens.len() - 1);
    }
    ends
}

/// Whether a token is a run of sentence-final marks.
fn is_terminal(token: &str) -> bool {
    !token.is_empty() && token.chars().all(|c| matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁇' | '。'))
}

/// The abbreviation kind of a word token ending in a period ("U.S.", "Dr.").
fn abbreviation_kind(token: &str, kind: TokenKind) -> Option<AbbreviationKind> {
    if kind != TokenKind::Word || token.len() < 2 {
        return None;
    }
    token.strip_suffix('.').and_then(abbreviations::kind_of)
}

/// Whether a token closes the sentence before it: a closing bracket, a curly
/// closing quote, or a straight quote glued to the token before.
fn closes(token: &str, glued: bool) -> bool {
    match token {
        ")" | "]" | "}" | "”" | "’" | "»" | "›" => true,
        "\"" | "'" => glued,
        _ => false,
    }
}

/// Whether a token can open a sentence.
fn opens_sentence(token: &str, kind: TokenKind) -> bool {
    let first = token.chars().next().unwrap_or(' ');
    match kind {
        TokenKind::Word => first.is_uppercase() || !first.is_lowercase() && !first.is_alphabetic(),
        TokenKind::Number => true,
        TokenKind::Punctuation => {
            matches!(token, "“" | "‘" | "\"" | "'" | "(" | "[" | "«" | "¿" | "¡" | "—" | "–" | "-")
        }
        TokenKind::Symbol => true,
    }
}

/// Whether the sentence ends after an abbreviation, given the next token.
fn abbreviation_breaks(kind: AbbreviationKind, next: &str, next_kind: TokenKind, closed: bool) -> bool {
    if closed {
        // "… the U.S.” He left." — a closing quote after the period ends the sentence.
        return true;
    }
    match kind {
        AbbreviationKind::Title | AbbreviationKind::BeforeNumber => false,
        AbbreviationKind::Month => next_kind != TokenKind::Number && abbreviations::is_sentence_opener(next),
        AbbreviationKind::Initial | AbbreviationKind::Other => abbreviations::is_sentence_opener(next),
    }
}
