//! Byte offsets to UTF-16 code units, in one pass per document.
//!
//! JavaScript strings index by UTF-16 code unit, so every offset that leaves
//! the core (JSON, the wasm API) is converted here: collect the byte offsets a
//! document's output needs, then walk the text once.

use crate::sort;

/// Converts the byte offsets of one text to UTF-16 code unit offsets.
///
/// Built from the set of byte offsets that will be asked for; [`Utf16Map::get`]
/// then answers each in `O(log n)`.
#[derive(Debug, Clone)]
pub struct Utf16Map {
    /// Sorted, deduplicated byte offsets.
    bytes: Vec<usize>,
    /// The UTF-16 offset of each entry of `bytes`.
    units: Vec<usize>,
}

impl Utf16Map {
    /// Maps every offset in `byte_offsets` (any order, duplicates allowed; each
    /// on a char boundary of `text` or at its end) with a single walk of `text`.
    pub fn new(text: &str, byte_offsets: impl IntoIterator<Item = usize>) -> Utf16Map {
        let mut bytes: Vec<usize> = byte_offsets.into_iter().collect();
        sort::sort(&mut bytes);
        bytes.dedup();
        let mut units = Vec::with_capacity(bytes.len());
        let mut byte_pos = 0;
        let mut unit_pos = 0;
        for &target in &bytes {
            let target = target.min(text.len());
            unit_pos += utf16_len(&text[byte_pos..target]);
            byte_pos = target;
            units.push(unit_pos);
        }
        Utf16Map { bytes, units }
    }

    /// The UTF-16 offset of byte offset `byte`, which must have been given to
    /// [`Utf16Map::new`].
    ///
    /// # Panics
    /// If `byte` was not among the offsets the map was built with: that is a
    /// bug in the caller, never a property of the input text.
    pub fn get(&self, byte: usize) -> usize {
        match self.bytes.binary_search(&byte) {
            Ok(i) => self.units[i],
            Err(_) => panic!("byte offset {byte} was not registered with the Utf16Map"),
        }
    }
}

/// Converts a non-decreasing sequence of byte offsets of one text to UTF-16
/// offsets, walking the text once (for streams such as tokens in order).
#[derive(Debug, Clone)]
pub struct Utf16Cursor<'t> {
    text: &'t str,
    byte: usize,
    unit: usize,
}

impl<'t> Utf16Cursor<'t> {
    /// A cursor at the start of `text`.
    pub fn new(text: &'t str) -> Utf16Cursor<'t> {
        Utf16Cursor { text, byte: 0, unit: 0 }
    }

    /// The UTF-16 offset of byte offset `byte` (a char boundary). Offsets
    /// should not decrease between calls; one that does restarts the walk.
    pub fn to_utf16(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.unit = 0;
        }
        self.unit += utf16_units(&self.text.as_bytes()[self.byte..byte]);
        self.byte = byte;
        self.unit
    }
}

/// Number of UTF-16 code units needed to encode `text`.
pub fn utf16_len(text: &str) -> usize {
    utf16_units(text.as_bytes())
}

/// Number of UTF-16 code units of the characters of UTF-8 `bytes` (whole
/// characters): one per byte that starts a character, two for a four-byte
/// one. Branch-free, so the compiler vectorizes it, and short runs (the gaps
/// between tokens) cost a few instructions.
#[inline]
fn utf16_units(bytes: &[u8]) -> usize {
    bytes.iter().map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_offsets_through_multibyte_text() {
        // 'é' is 2 bytes / 1 unit, '😀' 4 bytes / 2 units, '’' 3 bytes / 1 unit.
        let text = "é😀’a";
        let map = Utf16Map::new(text, [0, 2, 6, 9, 10, 6]);
        assert_eq!(map.get(0), 0);
        assert_eq!(map.get(2), 1);
        assert_eq!(map.get(6), 3);
        assert_eq!(map.get(9), 4);
        assert_eq!(map.get(10), 5);
    }

    #[test]
    fn cursor_walks_forward_and_restarts() {
        let text = "é😀’a";
        let mut cursor = Utf16Cursor::new(text);
        assert_eq!([0, 2, 6, 6, 10].map(|b| cursor.to_utf16(b)), [0, 1, 3, 3, 5]);
        assert_eq!(cursor.to_utf16(2), 1);
    }

    #[test]
    fn utf16_len_counts_surrogate_pairs() {
        assert_eq!(utf16_len("abc"), 3);
        assert_eq!(utf16_len("😀"), 2);
        assert_eq!(utf16_len("e\u{301}"), 2);
    }
}
