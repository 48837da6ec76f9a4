//! spaCy's English tokenizer (`spacy/tokenizer.pyx`, 3.6), driven by the
//! exported rules (`models/tokenizer-en-core-web-sm-3.6.0.json`): the text is
//! cut into whitespace and non-whitespace runs, and each run into tokens by
//! special cases, prefixes, suffixes, URLs and infixes, then special cases
//! found across tokens are merged back. Tokens are byte spans into the text.
//!
//! Whitespace tokens are made as spaCy makes them: a single space after a
//! token belongs to it; any other run of whitespace is a token of its own.
//!
//! Not reproduced: spaCy's cache of chunk tokenizations (its content can in
//! rare cases depend on earlier texts), and `url_match` on chunks longer than
//! [`MAX_URL_CHARS`] code points or with more than [`MAX_URL_PERIODS`]
//! periods (guards against superlinear matching and deep recursion).

use crate::hash::{HashMap, HashMapExt};
use std::collections::VecDeque;

use serde::Deserialize;

use super::features::is_space;
use super::regex::Regex;
use super::weights::{JsonReader, SerdeJson};
use crate::sort;
use crate::span::Span;

/// Longest chunk (in code points) `url_match` is tried on.
pub const MAX_URL_CHARS: usize = 1000;
/// Most periods a chunk `url_match` is tried on may have (the matcher
/// recurses once per host name label).
pub const MAX_URL_PERIODS: usize = 64;

/// One token: its byte span and, if a tokenizer special case produced it with
/// a NORM, that NORM.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'m> {
    /// Byte range in the text.
    pub span: Span,
    /// The special case's NORM, if any.
    pub norm: Option<&'m str>,
}

/// The tokenizer rules.
pub struct Tokenizer {
    specials: HashMap<String, Vec<Piece>>,
    prefix: Regex,
    suffix: Regex,
    infix: Regex,
    url: Regex,
    /// Special cases spaCy's `_special_matcher` looks for in the token
    /// sequence: text → byte lengths of the tokens the affix rules alone give.
    matcher: HashMap<String, Vec<usize>>,
    matcher_max_tokens: usize,
    /// Byte length of the longest special case (longer strings need no lookup,
    /// which keeps very long chunks linear).
    longest_special: usize,
}

/// One sub-token of a special case.
struct Piece {
    len: usize,
    norm: Option<String>,
}

#[derive(Deserialize)]
struct Rules {
    prefix_search: String,
    suffix_search: String,
    infix_finditer: String,
    url_match: String,
    token_match: Option<String>,
    faster_heuristics: bool,
    special_cases: HashMap<String, Vec<(String, Option<String>)>>,
}

/// Reusable buffers for tokenizing one chunk.
#[derive(Default)]
struct Scratch<'m> {
    chars: Vec<char>,
    offsets: Vec<usize>,
    prefixes: Vec<(usize, usize)>,
    suffixes: Vec<(usize, usize)>,
    infixes: Vec<(usize, usize)>,
    tokens: Vec<(usize, usize, Option<&'m str>)>,
}

impl Tokenizer {
    /// Builds the tokenizer from the exported JSON rules. Panics if they are
    /// malformed or use a feature this port does not support.
    pub fn from_json(json: &str) -> Tokenizer {
        Tokenizer::from_json_with(json, &SerdeJson)
    }

    /// [`Tokenizer::from_json`], reading the JSON with `reader`.
    pub fn from_json_with(json: &str, reader: &impl JsonReader) -> Tokenizer {
        let rules: Rules = reader.read(json).unwrap_or_else(|e| panic!("tokenizer rules: bad JSON: {e}"));
        assert!(rules.token_match.is_none(), "tokenizer rules: token_match is not supported");
        assert!(rules.faster_heuristics, "tokenizer rules: only faster_heuristics is supported");
        let specials: HashMap<String, Vec<Piece>> = rules
            .special_cases
            .into_iter()
            .map(|(key, pieces)| {
                assert_eq!(pieces.iter().map(|p| p.0.as_str()).collect::<String>(), key, "special case {key:?}");
                let pieces = pieces.into_iter().map(|(orth, norm)| Piece { len: orth.len(), norm }).collect();
                (key, pieces)
            })
            .collect();
        let longest_special = specials.keys().map(String::len).max().unwrap_or(0);
        let mut tokenizer = Tokenizer {
            specials,
            prefix: Regex::new(&rules.prefix_search),
            suffix: Regex::new(&rules.suffix_search),
            infix: Regex::new(&rules.infix_finditer),
            url: Regex::new(&rules.url_match),
            matcher: HashMap::new(),
            matcher_max_tokens: 0,
            longest_special,
        };
        tokenizer.build_matcher();
        tokenizer
    }

    /// spaCy adds a special case to its matcher when an affix rule fires on
    /// it (`faster_heuristics`), with the tokens the rules alone produce.
    fn build_matcher(&mut self) {
        let matcher = self.matcher_patterns();
        self.matcher_max_tokens = matcher.values().map(Vec::len).max().unwrap_or(0);
        self.matcher = matcher;
    }

    fn matcher_patterns(&self) -> HashMap<String, Vec<usize>> {
        let mut scratch = Scratch::default();
        let mut matcher = HashMap::new();
        for key in self.specials.keys() {
            scratch.load(key);
            let chars = &scratch.chars;
            self.infix.find_iter(chars, &mut scratch.infixes);
            let nonempty = |m: Option<(usize, usize)>| m.is_some_and(|(a, b)| b > a);
            let fires = nonempty(self.prefix.search(chars))
                || !scratch.infixes.is_empty()
                || nonempty(self.suffix.search(chars))
                || key.contains(' ');
            if !fires {
                continue;
            }
            let mut lens = Vec::new();
            for chunk in Chunks::new(key) {
                self.split_chunk(chunk.slice(key), false, &mut scratch);
                lens.extend(scratch.tokens.iter().map(|&(a, b, _)| b - a));
            }
            matcher.insert(key.clone(), lens);
        }
        matcher
    }

    /// All tokens of `text`, in order.
    pub fn tokenize<'m>(&'m self, text: &str) -> Vec<Token<'m>> {
        self.stream(text).collect()
    }

    /// The tokens of `text`, produced lazily chunk by chunk.
    pub fn stream<'m, 't>(&'m self, text: &'t str) -> TokenStream<'m, 't> {
        TokenStream {
            tokenizer: self,
            text,
            chunks: Chunks::new(text),
            queue: VecDeque::new(),
            scratch: Scratch::default(),
        }
    }

    /// Tokenizes one whitespace-delimited chunk into `scratch.tokens` (byte
    /// ranges in `chunk` and special-case norms).
    fn split_chunk<'m>(&'m self, chunk: &str, with_specials: bool, scratch: &mut Scratch<'m>) {
        scratch.tokens.clear();
        if with_specials && self.push_special(chunk, 0, scratch) {
            return;
        }
        scratch.load(chunk);
        let (start, end) = self.split_affixes(chunk, with_specials, scratch);
        let Scratch { chars, offsets, prefixes, suffixes, infixes, tokens } = scratch;
        for &(a, b) in prefixes.iter() {
            tokens.push((offsets[a], offsets[b], None));
        }
        if start < end {
            let (a, b) = (offsets[start], offsets[end]);
            let middle = &chunk[a..b];
            if with_specials && self.is_special(middle) {
                self.push_special_pieces(middle, a, tokens);
            } else if end - start <= MAX_URL_CHARS
                && self.may_be_url(middle)
                && self.url.matches_at_start(&chars[start..end])
            {
                tokens.push((a, b, None));
            } else {
                self.infix.find_iter(&chars[start..end], infixes);
                let mut pos = 0;
                for &(i, j) in infixes.iter() {
                    if i == 0 {
                        continue;
                    }
                    if i != pos {
                        tokens.push((offsets[start + pos], offsets[start + i], None));
                    }
                    if i != j {
                        tokens.push((offsets[start + i], offsets[start + j], None));
                    }
                    pos = j;
                }
                if start + pos < end {
                    tokens.push((offsets[start + pos], b, None));
                }
            }
        }
        for &(a, b) in suffixes.iter().rev() {
            tokens.push((offsets[a], offsets[b], None));
        }
        if with_specials {
            self.apply_matcher(chunk, scratch);
        }
    }

    /// spaCy's `_split_affixes`: peels prefixes and suffixes off `chunk` (loaded
    /// in `scratch`), leaving the middle as a char range.
    fn split_affixes(&self, chunk: &str, with_specials: bool, scratch: &mut Scratch<'_>) -> (usize, usize) {
        let Scratch { chars, offsets, prefixes, suffixes, .. } = scratch;
        prefixes.clear();
        suffixes.clear();
        let is_special = |a: usize, b: usize| with_specials && self.is_special(&chunk[offsets[a]..offsets[b]]);
        let (mut start, mut end) = (0, chars.len());
        let mut last_size = 0;
        while start < end && end - start != last_size {
            if is_special(start, end) {
                break;
            }
            last_size = end - start;
            let pre = self.prefix.search(&chars[start..end]).map_or(0, |(a, b)| b - a);
            if pre != 0 && start + pre < end && is_special(start + pre, end) {
                prefixes.push((start, start + pre));
                start += pre;
                break;
            }
            let suf = self.suffix.search(&chars[start + pre..end]).map_or(0, |(a, b)| b - a);
            if suf != 0 && start < end - suf && is_special(start, end - suf) {
                suffixes.push((end - suf, end));
                end -= suf;
                break;
            }
            if pre != 0 && suf != 0 && pre + suf <= end - start {
                prefixes.push((start, start + pre));
                suffixes.push((end - suf, end));
                start += pre;
                end -= suf;
            } else if pre != 0 {
                prefixes.push((start, start + pre));
                start += pre;
            } else if suf != 0 {
                suffixes.push((end - suf, end));
                end -= suf;
            }
        }
        (start, end)
    }

    /// Cheap necessary conditions for `url_match`: both host forms of the
    /// pattern contain a period; and the recursion guard.
    fn may_be_url(&self, text: &str) -> bool {
        let periods = text.bytes().filter(|&b| b == b'.').count();
        (1..=MAX_URL_PERIODS).contains(&periods)
    }

    /// Whether `text` is a special case.
    fn is_special(&self, text: &str) -> bool {
        text.len() <= self.longest_special && self.specials.contains_key(text)
    }

    /// Pushes the pieces of special case `key` (found at byte `at`), if any.
    fn push_special<'m>(&'m self, key: &str, at: usize, scratch: &mut Scratch<'m>) -> bool {
        self.is_special(key) && {
            self.push_special_pieces(key, at, &mut scratch.tokens);
            true
        }
    }

    fn push_special_pieces<'m>(&'m self, key: &str, at: usize, tokens: &mut Vec<(usize, usize, Option<&'m str>)>) {
        let mut pos = at;
        for piece in &self.specials[key] {
            tokens.push((pos, pos + piece.len, piece.norm.as_deref()));
            pos += piece.len;
        }
    }

    /// spaCy's `_apply_special_cases`: special cases whose affix tokenization
    /// appears as a token sequence replace it (longest first, then leftmost).
    fn apply_matcher<'m>(&'m self, chunk: &str, scratch: &mut Scratch<'m>) {
        let tokens = &scratch.tokens;
        let n = tokens.len();
        let mut found = Vec::new();
        for i in 0..n {
            for len in 1..=self.matcher_max_tokens.min(n - i) {
                let text = &chunk[tokens[i].0..tokens[i + len - 1].1];
                if text.len() > self.longest_special {
                    break;
                }
                if self.matcher.get(text).is_some_and(|lens| {
                    lens.len() == len && lens.iter().zip(&tokens[i..i + len]).all(|(&l, t)| l == t.1 - t.0)
                }) {
                    found.push((i, i + len));
                }
            }
        }
        if found.is_empty() {
            return;
        }
        // _filter_special_spans: longest first, ties leftmost; skip spans whose
        // first or last token an earlier (kept or not) span covered.
        sort::sort_by(&mut found, |a, b| (b.1 - b.0).cmp(&(a.1 - a.0)).then(a.0.cmp(&b.0)));
        let mut seen = vec![false; n];
        let mut kept = Vec::new();
        for (a, b) in found {
            if !seen[a] && !seen[b - 1] {
                kept.push((a, b));
            }
            seen[a..b].iter_mut().for_each(|s| *s = true);
        }
        sort::sort(&mut kept);
        let old = std::mem::take(&mut scratch.tokens);
        let mut i = 0;
        for (a, b) in kept {
            scratch.tokens.extend_from_slice(&old[i..a]);
            self.push_special_pieces(&chunk[old[a].0..old[b - 1].1], old[a].0, &mut scratch.tokens);
            i = b;
        }
        scratch.tokens.extend_from_slice(&old[i..]);
    }
}

impl Scratch<'_> {
    /// Loads `chunk`'s chars and their byte offsets (plus the end).
    fn load(&mut self, chunk: &str) {
        self.chars.clear();
        self.offsets.clear();
        for (i, c) in chunk.char_indices() {
            self.chars.push(c);
            self.offsets.push(i);
        }
        self.offsets.push(chunk.len());
    }
}

/// spaCy's cut of a text into whitespace and non-whitespace runs; a single
/// space after a non-whitespace run is not a chunk (it belongs to the token
/// before it).
struct Chunks<'t> {
    text: &'t str,
    pos: usize,
    start: usize,
    in_ws: bool,
}

impl<'t> Chunks<'t> {
    fn new(text: &'t str) -> Chunks<'t> {
        let in_ws = text.chars().next().is_some_and(is_space);
        Chunks { text, pos: 0, start: 0, in_ws }
    }
}

impl Iterator for Chunks<'_> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        while let Some(c) = self.text[self.pos..].chars().next() {
            let i = self.pos;
            self.pos += c.len_utf8();
            if is_space(c) != self.in_ws {
                let chunk = (self.start < i).then(|| Span::new(self.start, i));
                self.start = if c == ' ' { i + 1 } else { i };
                self.in_ws = !self.in_ws;
                if chunk.is_some() {
                    return chunk;
                }
            }
        }
        if self.start < self.text.len() {
            let chunk = Span::new(self.start, self.text.len());
            self.start = self.text.len();
            return Some(chunk);
        }
        None
    }
}

/// A lazy token iterator over one text (see [`Tokenizer::stream`]).
pub struct TokenStream<'m, 't> {
    tokenizer: &'m Tokenizer,
    text: &'t str,
    chunks: Chunks<'t>,
    queue: VecDeque<Token<'m>>,
    scratch: Scratch<'m>,
}

impl<'m> Iterator for TokenStream<'m, '_> {
    type Item = Token<'m>;

    fn next(&mut self) -> Option<Token<'m>> {
        while self.queue.is_empty() {
            let chunk = self.chunks.next()?;
            let key = chunk.slice(self.text);
            self.tokenizer.split_chunk(key, true, &mut self.scratch);
            for &(a, b, norm) in &self.scratch.tokens {
                self.queue.push_back(Token { span: Span::new(chunk.start + a, chunk.start + b), norm });
            }
        }
        self.queue.pop_front()
    }
}
