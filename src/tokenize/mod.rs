//! Paragraphs, sentences and tokens of English news text, with byte spans.
//!
//! ```
//! use dateline::tokenize::{segment, TokenKind};
//! let text = "NATO’s envoy met the U.S. ambassador. Talks resume on Oct. 6.";
//! let seg = segment(text);
//! assert_eq!(seg.sentences.len(), 2);
//! assert_eq!(seg.tokens[0].span.slice(text), "NATO");
//! assert_eq!(seg.tokens[1].span.slice(text), "’s");
//! assert_eq!(seg.tokens[0].kind, TokenKind::Word);
//! ```

mod abbreviations;
mod bounds;
mod paragraphs;
mod sentences;
mod words;

use serde::Serialize;

use crate::span::Span;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// Letters, possibly with digits, marks, inner periods or apostrophes ("U.S.", "G7", "’s").
    Word,
    /// Starts with a digit ("1,200", "3.5", "1990s", "9:30").
    Number,
    /// Unicode punctuation: periods, commas, quotes, dashes, brackets, "%".
    Punctuation,
    /// Everything else: "$", "+", "€", emoji.
    Symbol,
}

impl TokenKind {
    /// A small integer code for compact transfer (word 0, number 1, punctuation 2, symbol 3).
    pub fn code(self) -> u32 {
        self as u32
    }
}

/// One token of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where the token is, in bytes.
    pub span: Span,
    /// What it is made of.
    pub kind: TokenKind,
    /// Index of its sentence in [`Segmentation::sentences`].
    pub sentence: usize,
}

/// The segmentation of a text: each level nests inside the one before.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Segmentation {
    /// Paragraphs (blocks between blank lines, and standalone lines), trimmed.
    pub paragraphs: Vec<Span>,
    /// Sentences, in order; never cross a paragraph.
    pub sentences: Vec<Span>,
    /// Tokens, in order; whitespace is not a token.
    pub tokens: Vec<Token>,
}

/// Segments `text` into paragraphs, sentences and tokens. Total: any text,
/// including empty text, control characters and very long lines, is accepted.
pub fn segment(text: &str) -> Segmentation {
    let mut seg = Segmentation::default();
    let mut paragraph_tokens = Vec::new();
    for paragraph in paragraphs::paragraphs(text) {
        paragraph_tokens.clear();
        words::tokens(text, paragraph, &mut paragraph_tokens);
        if paragraph_tokens.is_empty() {
            continue;
        }
        seg.paragraphs.push(paragraph);
        let mut first = 0;
        for last in sentences::sentence_ends(text, &paragraph_tokens) {
            let sentence = seg.sentences.len();
            seg.sentences.push(Span::new(paragraph_tokens[first].0.start, paragraph_tokens[last].0.end));
            seg.tokens.extend(paragraph_tokens[first..=last].iter().map(|&(span, kind)| Token {
                span,
                kind,
                sentence,
            }));
            first = last + 1;
        }
    }
    seg
}

/// Whether `word` typically opens an English sentence ("The", "However").
pub fn is_sentence_opener(word: &str) -> bool {
    abbreviations::is_sentence_opener(word)
}

/// The tokens of `text` (see [`segment`]).
pub fn tokenize(text: &str) -> Vec<Token> {
    segment(text).tokens
}
