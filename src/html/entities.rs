//! Character references: `&amp;`, `&#8217;`, `&#x2019;` and the 2,125 names of
//! the HTML standard, decoded as a browser does (WHATWG "character reference
//! state"), including the legacy names that work without a semicolon (`&copy`).
//!
//! The names live in `models/html-entities.txt` (sorted lines `NAME[*] HEX…`,
//! 26 KB, ~11 KB gzip) and are found by binary search over the text itself:
//! no index, no hash table, nothing built at start-up.

use std::borrow::Cow;

/// The named references, one per line, sorted by bytes (see `tools/html_entities.py`).
static NAMES: &str = include_str!("../../models/html-entities.txt");

/// Longest name in the table, in bytes ("CounterClockwiseContourIntegral").
const MAX_NAME_LEN: usize = 31;

/// Longest legacy name (decoded without a semicolon), in bytes ("frac34", "middot").
const MAX_LEGACY_LEN: usize = 6;

/// What numeric references to 0x80–0x9F mean: the windows-1252 characters
/// pages meant (`&#146;` is ’), per the HTML standard's table.
const C1_REPLACEMENTS: [char; 32] = [
    '\u{20AC}', '\u{81}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}', '\u{02C6}',
    '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{8D}', '\u{017D}', '\u{8F}', '\u{90}', '\u{2018}', '\u{2019}',
    '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}', '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}',
    '\u{0153}', '\u{9D}', '\u{017E}', '\u{0178}',
];

/// Decodes the character references of `raw`. In an attribute value a legacy
/// name without its semicolon followed by `=` or a letter or digit stays as
/// written (`href="?a=1&copy=2"`), as browsers do.
pub(crate) fn decode(raw: &str, in_attribute: bool) -> Cow<'_, str> {
    let Some(first) = raw.find('&') else { return Cow::Borrowed(raw) };
    let mut out = String::with_capacity(raw.len());
    out.push_str(&raw[..first]);
    let mut rest = &raw[first..];
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        match reference(after, in_attribute, &mut out) {
            Some(consumed) => rest = &after[consumed..],
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Decodes the reference at the start of `after` (the text after an `&`) into
/// `out`; returns how many bytes it used, or `None` when it is not one.
fn reference(after: &str, in_attribute: bool, out: &mut String) -> Option<usize> {
    let bytes = after.as_bytes();
    if bytes.first() == Some(&b'#') {
        return numeric(after, out);
    }
    let run = bytes.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
    if run == 0 {
        return None;
    }
    if bytes.get(run) == Some(&b';') && run <= MAX_NAME_LEN {
        if let Some(line) = find(&after[..run]) {
            push_code_points(line, out);
            return Some(run + 1);
        }
    }
    // Without the semicolon only the legacy names count, longest first.
    for len in (1..=run.min(MAX_LEGACY_LEN)).rev() {
        let Some(line) = find(&after[..len]) else { continue };
        if line.as_bytes().get(len) != Some(&b'*') {
            continue;
        }
        let next = bytes.get(len).copied();
        if in_attribute && next.is_some_and(|b| b == b'=' || b.is_ascii_alphanumeric()) {
            return None;
        }
        push_code_points(line, out);
        return Some(len);
    }
    None
}

/// `#123;` or `#x7B;` (the semicolon is optional).
fn numeric(after: &str, out: &mut String) -> Option<usize> {
    let bytes = after.as_bytes();
    let (radix, start) = match bytes.get(1) {
        Some(b'x' | b'X') => (16, 2),
        _ => (10, 1),
    };
    let digits = bytes[start..].iter().take_while(|b| (**b as char).is_digit(radix)).count();
    if digits == 0 {
        return None;
    }
    let value = bytes[start..start + digits]
        .iter()
        .fold(0u32, |n, b| n.saturating_mul(radix).saturating_add((*b as char).to_digit(radix).unwrap_or(0)));
    out.push(match value {
        0x80..=0x9F => C1_REPLACEMENTS[(value - 0x80) as usize],
        0 => char::REPLACEMENT_CHARACTER,
        _ => char::from_u32(value).unwrap_or(char::REPLACEMENT_CHARACTER),
    });
    let end = start + digits;
    Some(if bytes.get(end) == Some(&b';') { end + 1 } else { end })
}

/// Appends the characters of a table line (`name[*] HEX[ HEX]`).
fn push_code_points(line: &str, out: &mut String) {
    let codes = line.split_once(' ').map_or("", |(_, codes)| codes);
    for hex in codes.split(' ') {
        if let Some(c) = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32) {
            out.push(c);
        }
    }
}

/// The table line of `name` (without `&` or `;`), by binary search over the lines.
fn find(name: &str) -> Option<&'static str> {
    let table = NAMES.as_bytes();
    // Lines starting in [lo, hi) are still candidates; lo is always a line start.
    let (mut lo, mut hi) = (0, table.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = table[lo..mid].iter().rposition(|&b| b == b'\n').map_or(lo, |i| lo + i + 1);
        let end = table[start..].iter().position(|&b| b == b'\n').map_or(table.len(), |i| start + i);
        let line = &NAMES[start..end];
        let key = line.split([' ', '*']).next().unwrap_or("");
        match key.as_bytes().cmp(name.as_bytes()) {
            std::cmp::Ordering::Equal => return Some(line),
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    None
}
