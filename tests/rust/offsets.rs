//! Every span-bearing output, on text with emoji, combining marks, curly
//! quotes, NBSP and CRLF: byte spans slice to the item, and the UTF-16 offsets
//! of the JSON output slice to the same text.

use dateline::span::Span;
use dateline::tokenize::segment;
use dateline::{analyze_text, tokenize};

const TEXTS: &[&str] = &[
    "“NATO’s envoy” met the U.S.\u{a0}team 😀 on 6\u{a0}October.\r\n\r\nRussia’s reply — swift — came 👩‍👩‍👧 later.",
    "Delanoe\u{0308} said: « Non. » Then 🇫🇷 left.\r\nA second line 🕊️ here.",
    "Café talks… 北京 and Kyiv 🇺🇦!\n\nSOME TIES REMAIN\nThe line isn’t severed.",
    "\u{FEFF}BOM first. Then a\u{200b}zero width.",
];

/// The text of `text` between UTF-16 offsets `start..end`.
fn utf16_slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).expect("offsets on UTF-16 character boundaries")
}

fn assert_byte_span(text: &str, span: Span, what: &str) {
    assert!(span.start < span.end && span.end <= text.len(), "{what}: bad span {span:?} in {text:?}");
    assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end), "{what}: {span:?} splits a char");
    let slice = span.slice(text);
    assert_eq!(slice, slice.trim(), "{what}: {slice:?} has surrounding whitespace");
}

#[test]
fn byte_spans_slice_to_trimmed_items() {
    for text in TEXTS {
        let seg = segment(text);
        assert!(!seg.tokens.is_empty());
        for p in &seg.paragraphs {
            assert_byte_span(text, *p, "paragraph");
        }
        for s in &seg.sentences {
            assert_byte_span(text, *s, "sentence");
        }
        for t in &seg.tokens {
            assert_byte_span(text, t.span, "token");
        }
        // Tokens in order, with only whitespace or invisible characters between them.
        let joined: String = seg.tokens.iter().map(|t| t.span.slice(text)).collect();
        let visible: String =
            text.chars().filter(|c| !c.is_whitespace() && !matches!(c, '\u{FEFF}' | '\u{200B}')).collect();
        assert_eq!(joined, visible);
    }
}

#[test]
fn utf16_token_offsets_slice_to_the_same_tokens() {
    for text in TEXTS {
        let bytes = segment(text).tokens;
        let records = tokenize(text);
        assert_eq!(bytes.len(), records.len());
        for (b, r) in bytes.iter().zip(&records) {
            assert_eq!(utf16_slice(text, r.start, r.end), b.span.slice(text));
            assert_eq!((b.kind, b.sentence), (r.kind, r.sentence));
        }
    }
}

#[test]
fn utf16_analysis_offsets_slice_to_the_same_spans() {
    for text in TEXTS {
        let seg = segment(text);
        let doc = &analyze_text(text).documents[0];
        let pairs = [("paragraph", &seg.paragraphs, &doc.paragraphs), ("sentence", &seg.sentences, &doc.sentences)];
        for (what, spans, ranges) in pairs {
            assert_eq!(spans.len(), ranges.len(), "{what} count");
            for (s, r) in spans.iter().zip(ranges.iter()) {
                assert_eq!(utf16_slice(text, r.start, r.end), s.slice(text), "{what}");
            }
        }
        let body = doc.body[0];
        assert_eq!(utf16_slice(text, body.start, body.end), text.trim().trim_start_matches('\u{FEFF}'));
    }
}
