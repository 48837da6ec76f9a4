//! Paragraphs: blocks of lines between blank lines, and standalone lines.
//!
//! A blank line (only whitespace) always separates paragraphs. Inside a block,
//! each line is its own paragraph (a heading, a byline, a list item) unless the
//! block is hard-wrapped prose, whose lines break mid-sentence.

use crate::span::Span;

/// A line of text without its line terminator.
#[derive(Clone, Copy, Debug)]
struct Line {
    span: Span,
}

/// Shortest line, in chars, that can be part of hard-wrapped prose.
const MIN_WRAPPED_LINE_CHARS: usize = 40;

/// The paragraphs of `text`, trimmed of surrounding whitespace, in order.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut block: Vec<Line> = Vec::new();
    for line in lines(text) {
        if is_blank(line.span.slice(text)) {
            flush_block(text, &mut block, &mut out);
        } else {
            block.push(line);
        }
    }
    flush_block(text, &mut block, &mut out);
    out
}

/// Splits `text` into lines at LF, CR LF, CR, U+2028 and U+2029. A U+2029
/// (paragraph separator) also yields an empty line, so it acts as a blank line.
fn lines(text: &str) -> impl Iterator<Item = Line> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut pending_blank = false;
    let mut done = false;
    std::iter::from_fn(move || {
        if pending_blank {
            pending_blank = false;
            return Some(Line { span: Span::new(start, start) });
        }
        if done {
            return None;
        }
        let rest = &text[start..];
        match next_line_break(rest) {
            None => {
                done = true;
                Some(Line { span: Span::new(start, text.len()) })
            }
            Some(i) => {
                let end = start + i;
                let terminator_len = match bytes[end] {
                    b'\r' if bytes.get(end + 1) == Some(&b'\n') => 2,
                    b'\r' | b'\n' => 1,
                    _ => {
                        pending_blank = rest[i..].starts_with('\u{2029}');
                        3
                    }
                };
                start = end + terminator_len;
                Some(Line { span: Span::new(end - i, end) })
            }
        }
    })
}

/// The byte index of the next line terminator in `text`: LF, CR, U+2028 or U+2029.
fn next_line_break(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    // U+2028 and U+2029 are E2 80 A8 / E2 80 A9; E2 also starts other characters.
    while let Some(i) = memchr::memchr3(b'\n', b'\r', 0xE2, &bytes[from..]).map(|i| from + i) {
        if bytes[i] != 0xE2 || (bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9))) {
            return Some(i);
        }
        from = i + 1;
    }
    None
}

/// Whether a line holds nothing but whitespace and invisible format characters.
fn is_blank(line: &str) -> bool {
    line.chars().all(|c| c.is_whitespace() || c.is_control() || is_format(c))
}

/// Zero-width and byte-order characters that render as nothing.
pub(crate) fn is_format(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
}

/// Emits the paragraphs of one block of non-blank lines and clears it.
fn flush_block(text: &str, block: &mut Vec<Line>, out: &mut Vec<Span>) {
    if block.is_empty() {
        return;
    }
    if is_hard_wrapped(text, block) {
        let span = Span::new(block[0].span.start, block[block.len() - 1].span.end);
        out.push(trim(text, span));
    } else {
        out.extend(block.iter().map(|line| trim(text, line.span)));
    }
    block.clear();
}

/// Whether a block is prose wrapped at a fixed width: every line but the last
/// is long, and most of them break in the middle of a sentence.
fn is_hard_wrapped(text: &str, block: &[Line]) -> bool {
    if block.len() < 2 {
        return false;
    }
    let body = &block[..block.len() - 1];
    let all_long = body.iter().all(|l| l.span.slice(text).trim().chars().count() >= MIN_WRAPPED_LINE_CHARS);
    let mid_sentence = body.iter().filter(|l| !ends_sentence(l.span.slice(text))).count();
    all_long && mid_sentence * 2 >= body.len()
}

/// Whether a line ends like a finished sentence.
fn ends_sentence(line: &str) -> bool {
    line.trim_end()
        .chars()
        .last()
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | '…' | ':' | '"' | '”' | '’' | '\'' | ')'))
}

/// `span` without leading and trailing whitespace and invisible characters.
fn trim(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let invisible = |c: char| c.is_whitespace() || c.is_control() || is_format(c);
    let start = span.start + (s.len() - s.trim_start_matches(invisible).len());
    let end = span.end - (s.len() - s.trim_end_matches(invisible).len());
    Span::new(start, end.max(start))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        paragraphs(text).iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn blank_lines_separate_paragraphs() {
        assert_eq!(texts("One.\n\nTwo.\r\n\r\n  \nThree."), ["One.", "Two.", "Three."]);
    }

    #[test]
    fn standalone_lines_are_their_own_paragraphs() {
        assert_eq!(
            texts("SOME TIES REMAIN\nEven though the talks ended, contacts stay."),
            ["SOME TIES REMAIN", "Even though the talks ended, contacts stay."]
        );
        assert_eq!(texts("By Jane Doe\nPublished 3 May"), ["By Jane Doe", "Published 3 May"]);
    }

    #[test]
    fn hard_wrapped_prose_is_one_paragraph() {
        let text = "The ministers met in the capital on Tuesday and agreed\nto resume the talks that had stalled since the spring\nof last year.";
        assert_eq!(texts(text), [text]);
    }

    #[test]
    fn unicode_separators_and_lone_cr() {
        assert_eq!(texts("a\u{2029}b\rc\u{2028}d"), ["a", "b", "c", "d"]);
    }

    #[test]
    fn empty_and_blank_text() {
        assert!(texts("").is_empty());
        assert!(texts(" \n\u{a0}\n\t").is_empty());
    }
}
