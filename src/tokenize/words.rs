//! Tokens: UAX #29 word boundaries plus the rules news text needs.
//!
//! `unicode-segmentation` finds the word boundaries (keeping "1,200", "3.5",
//! emoji sequences and combining marks whole). On top of it:
//! abbreviations keep their period ("U.S.", "Dr.", "Oct."), runs of periods are
//! one ellipsis token, clock times stay whole ("9:30"), and clitics split off
//! ("NATO’s" → "NATO" + "’s", "don't" → "do" + "n't"), as OntoNotes does.

use super::abbreviations::{self, AbbreviationKind};
use super::bounds::word_bounds;
use super::paragraphs::is_format;
use super::TokenKind;
use crate::span::Span;
use crate::unicode::{class, Class};

/// Clitics split off the end of a word, longest first (straight and curly apostrophes).
const CLITICS: &[&str] = &[
    "n't", "n’t", "N'T", "N’T", "'s", "’s", "'S", "’S", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m",
    "’m",
];

/// Appends the tokens of `text[region]` to `out` as (span, kind) pairs.
pub fn tokens(text: &str, region: Span, out: &mut Vec<(Span, TokenKind)>) {
    let mut segments = Vec::new();
    let mut rest = region.start;
    let slice = region.slice(text);
    let may_have_links = memchr::memchr2(b':', b'@', slice.as_bytes()).is_some()
        || memchr::memmem::find(slice.as_bytes(), b"www.").is_some()
        || memchr::memmem::find(slice.as_bytes(), b"WWW.").is_some();
    for link in links(if may_have_links { slice } else { "" }).map(|s| s.shift(region.start)) {
        word_tokens(text, Span::new(rest, link.start), &mut segments, out);
        out.push((link, TokenKind::Word));
        rest = link.end;
    }
    word_tokens(text, Span::new(rest, region.end), &mut segments, out);
}

/// URLs and e-mail addresses in `text`, each to be one token: whitespace-free
/// runs starting with a scheme or `www.`, or holding `@` between a name and a
/// dotted domain, without trailing punctuation.
fn links(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut offset = 0;
    text.split(|c: char| c.is_whitespace()).filter_map(move |chunk| {
        let start = offset;
        offset += chunk.len() + text[start + chunk.len()..].chars().next().map_or(0, char::len_utf8);
        if !chunk.contains([':', '@']) && !chunk.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("www.")) {
            return None;
        }
        let lead = chunk.len() - chunk.trim_start_matches(['(', '[', '<', '"', '\'', '“', '‘', '«']).len();
        let core =
            chunk[lead..].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '>', '"', '\'', '”', '’', '»']);
        let is_url = ["http://", "https://", "ftp://", "www."]
            .iter()
            .any(|p| core.len() > p.len() + 2 && core.to_ascii_lowercase().starts_with(p));
        let is_email = core.split_once('@').is_some_and(|(name, domain)| {
            !name.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && name.chars().chain(domain.chars()).all(|c| c.is_alphanumeric() || "._%+-".contains(c))
        });
        (is_url || is_email).then(|| Span::new(start + lead, start + lead + core.len()))
    })
}

/// Appends the tokens of a region without links, reusing `segments` as scratch.
fn word_tokens(text: &str, region: Span, segments: &mut Vec<Span>, out: &mut Vec<(Span, TokenKind)>) {
    if region.is_empty() {
        return;
    }
    segments.clear();
    word_bounds(region.slice(text), |a, b, ascii| {
        let span = Span::new(region.start + a, region.start + b);
        if ascii {
            push_visible(text, span, segments);
            return;
        }
        let s = span.slice(text);
        // UAX #29 joins words across U+202F (narrow no-break space); it is a space.
        if s.len() > 3 && s.contains('\u{202F}') {
            let mut start = span.start;
            for (j, _) in s.match_indices('\u{202F}') {
                push_visible(text, Span::new(start, span.start + j), segments);
                start = span.start + j + 3;
            }
            push_visible(text, Span::new(start, span.end), segments);
        } else {
            push_visible(text, span, segments);
        }
    });
    let segments = &segments[..];
    let is = |s: Span, byte: u8| s.len() == 1 && text.as_bytes()[s.start] == byte;
    let mut i = 0;
    while i < segments.len() {
        let seg = segments[i];
        let word = seg.slice(text);
        let next = |k: usize| segments.get(i + k).copied().filter(|s| s.start == segments[i + k - 1].end);
        let lead = word.as_bytes()[0];
        let first = if lead < 0x80 { char::from(lead) } else { word.chars().next().unwrap_or(' ') };

        // "U.S" + "." and "Dr" + "."; "No" + "." only before a number.
        if first.is_alphanumeric() {
            if let Some(dot) = next(1).filter(|&s| is(s, b'.')) {
                if takes_period(text, word, segments.get(i + 2)) {
                    out.push((Span::new(seg.start, dot.end), TokenKind::Word));
                    i += 2;
                    continue;
                }
            }
        }
        // "9" + ":" + "30" → "9:30".
        if first.is_ascii_digit() {
            if let (Some(colon), Some(minutes)) = (next(1), next(2)) {
                if is(colon, b':') && minutes.slice(text).bytes().all(|b| b.is_ascii_digit()) {
                    out.push((Span::new(seg.start, minutes.end), TokenKind::Number));
                    i += 3;
                    continue;
                }
            }
        }
        // Runs of terminal marks: "...", "?!", "--".
        if word.len() == 1 && matches!(lead, b'.' | b'!' | b'?' | b'-') {
            let mut end = i;
            while let Some(&s) = segments.get(end + 1).filter(|s| s.start == segments[end].end) {
                let same_family = if lead == b'-' { is(s, b'-') } else { is(s, b'.') || is(s, b'!') || is(s, b'?') };
                if !same_family {
                    break;
                }
                end += 1;
            }
            out.push((Span::new(seg.start, segments[end].end), TokenKind::Punctuation));
            i = end + 1;
            continue;
        }
        push_word(text, seg, out);
        i += 1;
    }
}

/// Whether the period after `word` belongs to it as an abbreviation.
fn takes_period(text: &str, word: &str, after_period: Option<&Span>) -> bool {
    match abbreviations::kind_of(word) {
        None => false,
        Some(AbbreviationKind::BeforeNumber) => {
            after_period.is_some_and(|s| s.slice(text).starts_with(|c: char| c.is_ascii_digit()))
        }
        Some(_) => true,
    }
}

/// Pushes one word segment, splitting a clitic off its end.
fn push_word(text: &str, seg: Span, out: &mut Vec<(Span, TokenKind)>) {
    let word = seg.slice(text);
    if may_end_in_clitic(word) && word.chars().next().is_some_and(char::is_alphabetic) {
        if let Some(clitic) = CLITICS.iter().find(|c| word.len() > c.len() && word.ends_with(*c)) {
            let stem_end = seg.end - clitic.len();
            if word[..stem_end - seg.start].chars().last().is_some_and(char::is_alphabetic) {
                out.push((Span::new(seg.start, stem_end), TokenKind::Word));
                out.push((Span::new(stem_end, seg.end), TokenKind::Word));
                return;
            }
        }
    }
    out.push((seg, kind_of(word)));
}

/// Whether `word` has an apostrophe where the [`CLITICS`] have theirs: in
/// the second or third byte from its end ("’" ends in 0x99, as do other
/// characters). Most words do not, and skip the search for a clitic.
#[inline]
fn may_end_in_clitic(word: &str) -> bool {
    let bytes = word.as_bytes();
    let apostrophe = |k: usize| bytes.len() >= k && matches!(bytes[bytes.len() - k], b'\'' | 0x99);
    apostrophe(2) || apostrophe(3)
}

/// The kind of a token from its characters.
pub fn kind_of(token: &str) -> TokenKind {
    match token.as_bytes().first() {
        Some(b) if b.is_ascii_alphabetic() => return TokenKind::Word,
        Some(b) if b.is_ascii_digit() => return TokenKind::Number,
        _ => {}
    }
    let Some(first) = token.chars().next() else {
        return TokenKind::Symbol;
    };
    if first.is_numeric() {
        return TokenKind::Number;
    }
    if token.chars().any(char::is_alphabetic) {
        return TokenKind::Word;
    }
    // Not numeric, and no letter in the token (letters are alphabetic).
    match class(first) {
        Class::Punctuation => TokenKind::Punctuation,
        Class::Letter | Class::Mark => TokenKind::Word,
        Class::Digit => TokenKind::Number,
        Class::Other => TokenKind::Symbol,
    }
}

/// Pushes `span` unless it is empty or invisible.
#[inline(always)]
fn push_visible(text: &str, span: Span, segments: &mut Vec<Span>) {
    let Some(&lead) = text.as_bytes().get(span.start).filter(|_| !span.is_empty()) else {
        return;
    };
    // An ASCII character that is not a space or a control shows; most
    // segments start with one. A lone ASCII space or control does not.
    if (lead > b' ' && lead < 0x7F) || !(lead < 0x80 && span.len() == 1 || is_invisible(span.slice(text))) {
        segments.push(span);
    }
}

/// Whether a segment is whitespace, control or format characters only.
fn is_invisible(segment: &str) -> bool {
    segment.chars().all(|c| c.is_whitespace() || c.is_control() || is_format(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_clitic_passes_the_quick_check() {
        for clitic in CLITICS {
            assert!(may_end_in_clitic(&format!("word{clitic}")), "{clitic}");
        }
        assert!(!may_end_in_clitic("words"));
    }
}
