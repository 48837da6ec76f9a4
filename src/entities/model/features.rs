//! The four lexical features the NER sees per token (NORM, PREFIX, SUFFIX,
//! SHAPE) and their 64-bit spaCy string ids, exactly as spaCy computes them.
//!
//! String operations follow Python `str` semantics: code points, Python's
//! `isalpha`/`isdigit`/`isupper`/`isspace`, full Unicode lower-casing.

use crate::hash::HashMap;
use std::borrow::Cow;

use super::murmur::murmur64a;
use super::weights::Lookups;
use crate::unicode::{class, Class};

/// Lexical lookups: lexeme norms, base norms and reserved symbol ids.
pub struct Lexicon {
    lexeme_norm: HashMap<String, String>,
    base_norms: HashMap<String, String>,
    symbols: HashMap<String, u64>,
}

impl Lexicon {
    /// Builds the lexicon from the model file's lookup tables.
    pub fn new(lookups: Lookups) -> Lexicon {
        Lexicon { lexeme_norm: lookups.lexeme_norm, base_norms: lookups.base_norms, symbols: lookups.string_symbols }
    }

    /// spaCy's `StringStore` id of `s`: 0 for "", a reserved symbol's id, or
    /// MurmurHash64A with seed 1.
    pub fn string_id(&self, s: &str) -> u64 {
        if s.is_empty() {
            0
        } else if let Some(&id) = self.symbols.get(s) {
            id
        } else {
            murmur64a(s.as_bytes(), 1)
        }
    }

    /// The lexeme norm of `text` (used unless a tokenizer special case set one).
    pub fn norm<'a>(&'a self, text: &'a str) -> Cow<'a, str> {
        if let Some(n) = self.lexeme_norm.get(text).or_else(|| self.base_norms.get(text)) {
            Cow::Borrowed(n)
        } else if changes_case(text) {
            Cow::Owned(text.to_lowercase())
        } else {
            Cow::Borrowed(text)
        }
    }

    /// NORM, PREFIX, SUFFIX and SHAPE strings of a token; `special_norm` is the
    /// NORM a tokenizer special case gave it, if any.
    pub fn strings(&self, text: &str, special_norm: Option<&str>) -> [String; 4] {
        let norm = special_norm.map_or_else(|| self.norm(text), Cow::Borrowed);
        [norm.into_owned(), prefix(text).to_owned(), suffix(text).to_owned(), shape(text)]
    }

    /// The ids of [`Lexicon::strings`], in the order NORM, PREFIX, SUFFIX, SHAPE.
    pub fn ids(&self, text: &str, special_norm: Option<&str>) -> [u64; 4] {
        let norm = special_norm.map_or_else(|| self.norm(text), Cow::Borrowed);
        [
            self.string_id(&norm),
            self.string_id(prefix(text)),
            self.string_id(suffix(text)),
            self.string_id(&shape(text)),
        ]
    }
}

/// Whether `text.to_lowercase()` differs from `text`.
fn changes_case(text: &str) -> bool {
    if text.is_ascii() {
        return text.bytes().any(|b| b.is_ascii_uppercase());
    }
    text.chars().any(|c| {
        let mut lower = c.to_lowercase();
        !(lower.next() == Some(c) && lower.next().is_none())
    })
}

/// `text[0]`: the first code point (empty for an empty text).
pub fn prefix(text: &str) -> &str {
    text.chars().next().map_or("", |c| &text[..c.len_utf8()])
}

/// `text[-3:]`: the last three code points (the whole text if shorter).
pub fn suffix(text: &str) -> &str {
    let start = text.char_indices().rev().nth(2).map_or(0, |(i, _)| i);
    &text[start..]
}

/// spaCy's `word_shape`: `X`/`x` for upper/other letters, `d` for digits, other
/// characters kept, runs capped at four; `LONG` for 100 or more code points.
pub fn shape(text: &str) -> String {
    if text.chars().nth(99).is_some() {
        return "LONG".to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut last = None;
    let mut run = 0;
    for c in text.chars() {
        let mapped = if is_alpha(c) {
            if c.is_uppercase() {
                'X'
            } else {
                'x'
            }
        } else if is_digit(c) {
            'd'
        } else {
            c
        };
        if Some(mapped) == last {
            run += 1;
        } else {
            run = 0;
            last = Some(mapped);
        }
        if run < 4 {
            out.push(mapped);
        }
    }
    out
}

/// Python's `str.isalpha` for one code point: general category L*.
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    class(c) == Class::Letter
}

/// Python's `str.isdigit` for one code point: category Nd plus the code points
/// with Numeric_Type=Digit (superscripts, circled digits, …).
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    const DIGIT_RANGES: [(u32, u32); 20] = [
        (0xB2, 0xB3),
        (0xB9, 0xB9),
        (0x1369, 0x1371),
        (0x19DA, 0x19DA),
        (0x2070, 0x2070),
        (0x2074, 0x2079),
        (0x2080, 0x2089),
        (0x2460, 0x2468),
        (0x2474, 0x247C),
        (0x2488, 0x2490),
        (0x24EA, 0x24EA),
        (0x24F5, 0x24FD),
        (0x24FF, 0x24FF),
        (0x2776, 0x277E),
        (0x2780, 0x2788),
        (0x278A, 0x2792),
        (0x10A40, 0x10A43),
        (0x10E60, 0x10E68),
        (0x11052, 0x1105A),
        (0x1F100, 0x1F10A),
    ];
    let u = c as u32;
    class(c) == Class::Digit || DIGIT_RANGES.iter().any(|&(a, b)| (a..=b).contains(&u))
}

/// Python's `str.isspace` for one code point (Rust's `is_whitespace` plus
/// U+001C–U+001F).
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_follow_spacy() {
        for (text, want) in [
            ("Apple", "Xxxxx"),
            ("U.K.", "X.X."),
            ("$1,000", "$d,ddd"),
            ("iPhone15", "xXxxxxdd"),
            ("ÉCOLE", "XXXX"),
            ("aaaaaab", "xxxx"),
            ("Hans-Georg", "Xxxx-Xxxxx"),
            ("’s", "’x"),
            ("3:15", "d:dd"),
            ("km²", "xxd"),
        ] {
            assert_eq!(shape(text), want, "{text}");
        }
        assert_eq!(shape(&"a".repeat(100)), "LONG");
        assert_eq!(shape(&"a".repeat(99)), "xxxx");
    }

    #[test]
    fn prefixes_and_suffixes_count_code_points() {
        assert_eq!(prefix("Éric"), "É");
        assert_eq!(suffix("naïve"), "ïve");
        assert_eq!(suffix("’s"), "’s");
        assert_eq!(suffix(""), "");
    }

    #[test]
    fn python_predicates() {
        assert!(is_alpha('ß') && !is_alpha('Ⅳ') && !is_alpha('\u{301}'));
        assert!(is_digit('²') && is_digit('٣') && !is_digit('½'));
        assert!(is_space('\u{a0}') && is_space('\u{1c}') && !is_space('\u{200b}'));
    }
}
