//! The recognizer over one text: tokens are pulled lazily, embedded, encoded
//! and decoded in windows of [`WINDOW`] tokens. Each window is encoded with
//! [`PAD`] tokens of context on each side, which is exactly the encoder's
//! receptive field, so the result equals encoding the whole text at once
//! while memory stays bounded by the window.

use std::collections::{HashMap, VecDeque};

use super::features::is_space;
use super::network::{self, Precomputed, Vector, HIDDEN, PAD, PRECOMPUTED, WIDTH};
use super::parser::{Action, Context, Decoder};
use super::tokenizer::Token;
use super::{Label, Model};
use crate::span::Span;

/// Tokens decoded per window.
const WINDOW: usize = 256;
/// Token types (texts) whose vectors are cached per call (384 bytes each; an
/// article has a few hundred types). The first ones seen are kept: by Zipf's
/// law they are the frequent ones.
const CACHE_LIMIT: usize = 4096;

/// Where entities must stop.
#[derive(Clone, Copy, Debug)]
pub enum Breaks<'p> {
    /// At whitespace containing a blank line (two line breaks) or U+2029.
    BlankLines,
    /// At the edges of these paragraphs (sorted, non-overlapping byte spans).
    Paragraphs(&'p [Span]),
}

/// One token in the window buffer.
struct Item {
    span: Span,
    space: bool,
    /// Starts a sentence for the transition system (no entity continues into it).
    boundary: bool,
    vector: Vector,
}

/// Runs the recognizer over `text`.
pub fn run(model: &Model, text: &str, breaks: Breaks<'_>) -> Vec<(Span, Label)> {
    let mut run = Run::new(model, text, breaks);
    run.all();
    run.found
}

struct Run<'m, 't> {
    model: &'m Model,
    text: &'t str,
    tokens: super::tokenizer::TokenStream<'m, 't>,
    breaks: Breaks<'t>,
    /// With [`Breaks::Paragraphs`]: the first paragraph not yet passed, and
    /// the one the previous token was in.
    paragraph: usize,
    in_paragraph: Option<usize>,
    /// With [`Breaks::BlankLines`]: the previous token was a blank line.
    after_break: bool,
    /// Tokens `base..base + items.len()`.
    items: VecDeque<Item>,
    base: usize,
    ended: bool,
    cache: HashMap<(&'t str, Option<&'m str>), usize>,
    cached: Vec<Vector>,
    scratch: network::Scratch,
    rows: Vec<Vector>,
    feats: Vec<Precomputed>,
    /// Features of the token before the window and of the open entity's first token.
    prev_feat: Box<Precomputed>,
    open_feat: Box<Precomputed>,
    open_start: usize,
    decoder: Decoder,
    found: Vec<(Span, Label)>,
}

impl<'m, 't> Run<'m, 't>
where
    'm: 't,
{
    fn new(model: &'m Model, text: &'t str, breaks: Breaks<'t>) -> Run<'m, 't> {
        Run {
            model,
            text,
            tokens: model.tokenizer.stream(text),
            breaks,
            paragraph: 0,
            in_paragraph: None,
            after_break: false,
            items: VecDeque::new(),
            base: 0,
            ended: false,
            cache: HashMap::new(),
            cached: Vec::new(),
            scratch: network::Scratch::default(),
            rows: Vec::new(),
            feats: Vec::new(),
            prev_feat: Box::new([0.0; PRECOMPUTED]),
            open_feat: Box::new([0.0; PRECOMPUTED]),
            open_start: 0,
            decoder: Decoder::new(),
            found: Vec::new(),
        }
    }

    fn all(&mut self) {
        let mut a = 0;
        loop {
            while !self.ended && self.base + self.items.len() < a + WINDOW + PAD {
                match self.tokens.next() {
                    Some(token) => self.push(token),
                    None => self.ended = true,
                }
            }
            let n = self.base + self.items.len();
            let b = (a + WINDOW).min(n);
            if a >= b {
                break;
            }
            self.encode(a, b);
            self.decode(a, b, n);
            while self.base + PAD < b {
                self.items.pop_front();
                self.base += 1;
            }
            a = b;
        }
    }

    /// Adds the next token with its flags and embedding.
    fn push(&mut self, token: Token<'m>) {
        let text = token.span.slice(self.text);
        let space = text.chars().all(is_space);
        let boundary = match self.breaks {
            Breaks::BlankLines => {
                let is_break = space && is_blank_line(text);
                let boundary = is_break || self.after_break;
                self.after_break = is_break;
                boundary
            }
            Breaks::Paragraphs(paragraphs) => {
                while paragraphs.get(self.paragraph).is_some_and(|p| p.end <= token.span.start) {
                    self.paragraph += 1;
                }
                let inside = paragraphs.get(self.paragraph).is_some_and(|p| p.start <= token.span.start);
                let current = inside.then_some(self.paragraph);
                let boundary = current.is_none() || current != self.in_paragraph;
                self.in_paragraph = current;
                boundary
            }
        };
        let vector = self.embed(text, token.norm);
        self.items.push_back(Item { span: token.span, space, boundary, vector });
    }

    /// The vector of a token text (with its special-case norm), cached.
    fn embed(&mut self, text: &'t str, norm: Option<&'m str>) -> Vector {
        if let Some(&i) = self.cache.get(&(text, norm)) {
            return self.cached[i];
        }
        let ids = self.model.lexicon.ids(text, norm);
        let mut vector = [0.0; WIDTH];
        self.model.network.embed(&ids, &mut vector, &mut self.scratch);
        if self.cached.len() < CACHE_LIMIT {
            self.cache.insert((text, norm), self.cached.len());
            self.cached.push(vector);
        }
        vector
    }

    /// Encodes tokens `a..b` (with `PAD` rows of context each side) and
    /// precomputes their lower-layer features.
    fn encode(&mut self, a: usize, b: usize) {
        self.rows.clear();
        for t in a as isize - PAD as isize..(b + PAD) as isize {
            let item = usize::try_from(t).ok().and_then(|t| self.items.get(t - self.base));
            self.rows.push(item.map_or([0.0; WIDTH], |item| item.vector));
        }
        let network = &self.model.network;
        network.encode(&mut self.rows, &mut self.scratch);
        self.feats.resize(b - a, [0.0; PRECOMPUTED]);
        for (row, feat) in self.rows[PAD..PAD + b - a].iter().zip(self.feats.iter_mut()) {
            let v: [f32; HIDDEN] = network.project(row);
            network.precompute(&v, feat);
        }
    }

    /// Runs the transition system over tokens `a..b` of `n` known so far.
    fn decode(&mut self, a: usize, b: usize, n: usize) {
        let network = &self.model.network;
        let moves = &self.model.moves;
        for b0 in a..b {
            let item = &self.items[b0 - self.base];
            let ctx = Context {
                last: self.ended && b0 + 1 == n,
                next_starts_sentence: self.items.get(b0 + 1 - self.base).is_some_and(|i| i.boundary),
                is_space: item.space,
            };
            let [s0, s1, s2] = self.decoder.state_tokens(b0);
            let (feats, prev, open) = (&self.feats[..], &*self.prev_feat, &*self.open_feat);
            let hidden = network.hidden([slot(feats, a, s0, prev), slot(feats, a, s1, open), slot(feats, a, s2, prev)]);
            let open = self.decoder.open().map(|(_, label)| label);
            let best = moves.get(moves.best(open, ctx, |i| network.score(&hidden, i)));
            if best.action == Action::Begin {
                *self.open_feat = self.feats[b0 - a];
                self.open_start = item.span.start;
            }
            if let Some((start, _, label)) = self.decoder.apply(best, b0) {
                let first = if start == b0 { item.span.start } else { self.open_start };
                // An entity can end on a whitespace token (before a boundary or at
                // the end of the text); its span leaves the whitespace out.
                let trimmed = self.text[first..item.span.end].trim_end_matches(is_space);
                self.found.push((Span::new(first, first + trimmed.len()), label));
            }
        }
        *self.prev_feat = self.feats[b - 1 - a];
    }
}

/// The features of token `t` (window starting at token `a`), or `outside` for
/// a token before the window.
fn slot<'a>(feats: &'a [Precomputed], a: usize, t: Option<usize>, outside: &'a Precomputed) -> Option<&'a Precomputed> {
    t.map(|t| if t >= a { &feats[t - a] } else { outside })
}

/// Whether whitespace `ws` contains a blank line: two line breaks (CR LF
/// counts as one) or a paragraph separator.
fn is_blank_line(ws: &str) -> bool {
    let mut breaks = 0;
    let mut prev = '\0';
    for c in ws.chars() {
        match c {
            '\u{2029}' => return true,
            '\n' if prev == '\r' => {}
            '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' => breaks += 1,
            _ => {}
        }
        prev = c;
    }
    breaks >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines() {
        assert!(is_blank_line("\n\n"));
        assert!(is_blank_line("\r\n \r\n"));
        assert!(is_blank_line("\u{2029}"));
        assert!(!is_blank_line("\r\n"));
        assert!(!is_blank_line("  \n "));
    }
}
