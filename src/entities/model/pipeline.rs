//! The recognizer over one text: tokens are pulled lazily, embedded, encoded
//! and decoded in windows of [`WINDOW`] tokens. Each window is encoded with
//! [`PAD`] tokens of context on each side, which is exactly the encoder's
//! receptive field, so the result equals encoding the whole text at once
//! while memory stays bounded by the window.
//!
//! What depends only on a token's text ([`TypeVectors`]) is computed once per
//! distinct type and kept across calls ([`super::types`]), for all of a
//! window's new types in one batch. The
//! lower layer's features for the E0 and B0-1 slots are only needed while an
//! entity is open, so they are computed then, from the kept projections.

use crate::hash::{HashMap, HashMapExt};
use std::collections::VecDeque;

use super::features::is_space;
use super::network::{self, SlotFeatures, TypeVectors, Vector, PAD, SLOT_FEATURES, WIDTH};
use super::parser::{Action, Context, Decoder};
use super::tokenizer::Token;
use super::types::TypeTable;
use super::{Label, Model};
use crate::span::Span;

/// Tokens decoded per window.
const WINDOW: usize = 512;

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
    vectors: TypeRef,
}

/// Where a token's [`TypeVectors`] are.
enum TypeRef {
    /// In the type table, at this index.
    Cached(usize),
    /// With the token (its type came after the table filled up).
    Own(Box<TypeVectors>),
}

/// Runs the recognizer over `text`.
pub fn run(model: &Model, text: &str, breaks: Breaks<'_>) -> Vec<(Span, Label)> {
    let mut run = Run::new(model, text, breaks);
    run.all();
    model.types.give_back(std::mem::take(&mut run.table));
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
    /// The type table entries of the token texts (with their special-case
    /// norms) seen in this call.
    seen: HashMap<(&'t str, Option<&'m str>), usize>,
    table: TypeTable,
    /// Table entries `embedded..` are new and still to be computed, from these ids.
    embedded: usize,
    new_ids: Vec<[u64; 4]>,
    /// Tokens (absolute index) with their own vectors still to be computed.
    own: Vec<(usize, [u64; 4])>,
    own_ids: Vec<[u64; 4]>,
    fresh: Vec<TypeVectors>,
    scratch: network::Scratch,
    rows: Vec<Vector>,
    /// The window's B0-slot features.
    feats: Vec<SlotFeatures>,
    /// The tok2vec vector of the token before the window.
    prev_row: Vector,
    /// The E0-slot features of the open entity's first token.
    open_feat: Box<SlotFeatures>,
    /// Features computed one at a time (E0, B0-1).
    one: Vec<SlotFeatures>,
    open_start: usize,
    decoder: Decoder,
    found: Vec<(Span, Label)>,
}

impl<'m, 't> Run<'m, 't>
where
    'm: 't,
{
    fn new(model: &'m Model, text: &'t str, breaks: Breaks<'t>) -> Run<'m, 't> {
        let table = model.types.take();
        Run {
            embedded: table.len(),
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
            seen: HashMap::new(),
            table,
            new_ids: Vec::new(),
            own: Vec::new(),
            own_ids: Vec::new(),
            fresh: Vec::new(),
            scratch: network::Scratch::default(),
            rows: Vec::new(),
            feats: Vec::new(),
            prev_row: [0.0; WIDTH],
            open_feat: Box::new([0.0; SLOT_FEATURES]),
            one: Vec::new(),
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
            self.embed_pending();
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
        let vectors = self.type_ref(text, token.norm);
        self.items.push_back(Item { span: token.span, space, boundary, vectors });
    }

    /// Where the vectors of a token text (with its special-case norm) will
    /// be: a type table entry, new ones queued for [`Run::embed_pending`].
    fn type_ref(&mut self, text: &'t str, norm: Option<&'m str>) -> TypeRef {
        if let Some(&i) = self.seen.get(&(text, norm)) {
            return TypeRef::Cached(i);
        }
        let ids = self.model.lexicon.ids(text, norm);
        let entry = self.table.get(&ids).or_else(|| {
            let i = self.table.add(ids)?;
            self.new_ids.push(ids);
            Some(i)
        });
        match entry {
            Some(i) => {
                self.seen.insert((text, norm), i);
                TypeRef::Cached(i)
            }
            None => {
                self.own.push((self.base + self.items.len(), ids));
                TypeRef::Own(Box::default())
            }
        }
    }

    /// Computes the vectors of the types queued since the last call, in one
    /// batch for the new table entries and one for tokens with their own.
    fn embed_pending(&mut self) {
        let network = &self.model.network;
        network.embed(&self.new_ids, self.table.vectors_from(self.embedded), &mut self.scratch);
        self.embedded = self.table.len();
        self.new_ids.clear();
        if !self.own.is_empty() {
            self.own_ids.clear();
            self.own_ids.extend(self.own.iter().map(|(_, ids)| *ids));
            self.fresh.resize(self.own_ids.len(), TypeVectors::default());
            network.embed(&self.own_ids, &mut self.fresh, &mut self.scratch);
            for ((t, _), vectors) in self.own.drain(..).zip(&self.fresh) {
                self.items[t - self.base].vectors = TypeRef::Own(Box::new(vectors.clone()));
            }
        }
    }

    /// Encodes tokens `a..b` (with `PAD` rows of context each side) and
    /// precomputes their B0-slot features.
    fn encode(&mut self, a: usize, b: usize) {
        let types: Vec<Option<&TypeVectors>> = (a as isize - PAD as isize..(b + PAD) as isize)
            .map(|t| {
                let item = usize::try_from(t).ok().and_then(|t| self.items.get(t - self.base))?;
                Some(match &item.vectors {
                    TypeRef::Cached(i) => self.table.vectors(*i),
                    TypeRef::Own(v) => &**v,
                })
            })
            .collect();
        let network = &self.model.network;
        network.encode(&types, &mut self.rows, &mut self.scratch);
        network.features(&self.rows[PAD..PAD + b - a], 0, &mut self.feats, &mut self.scratch);
    }

    /// The features of token `t` (in the window from `a`, or the one just
    /// before it) for feature `slot`.
    fn features_of(&mut self, t: usize, a: usize, slot: usize) -> SlotFeatures {
        let row = if t >= a { &self.rows[PAD + t - a] } else { &self.prev_row };
        self.model.network.features(std::slice::from_ref(row), slot, &mut self.one, &mut self.scratch);
        self.one[0]
    }

    /// Runs the transition system over tokens `a..b` of `n` known so far.
    fn decode(&mut self, a: usize, b: usize, n: usize) {
        let model: &'m Model = self.model;
        let (network, moves) = (&model.network, &model.moves);
        for b0 in a..b {
            let Item { span, space, .. } = self.items[b0 - self.base];
            let ctx = Context {
                last: self.ended && b0 + 1 == n,
                next_starts_sentence: self.items.get(b0 + 1 - self.base).is_some_and(|i| i.boundary),
                is_space: space,
            };
            // The slots are [B0, E0, B0-1]; the last two only while an entity is open.
            let [_, start, before] = self.decoder.state_tokens(b0);
            let before = before.map(|t| self.features_of(t, a, 2));
            let hidden = network.hidden([Some(&self.feats[b0 - a]), start.map(|_| &*self.open_feat), before.as_ref()]);
            let open = self.decoder.open().map(|(_, label)| label);
            let best = moves.get(moves.best(open, ctx, |i| network.score(&hidden, i)));
            if best.action == Action::Begin {
                self.open_start = span.start;
                *self.open_feat = self.features_of(b0, a, 1);
            }
            if let Some((start, _, label)) = self.decoder.apply(best, b0) {
                let first = if start == b0 { span.start } else { self.open_start };
                // An entity can end on a whitespace token (before a boundary or at
                // the end of the text); its span leaves the whitespace out.
                let trimmed = self.text[first..span.end].trim_end_matches(is_space);
                self.found.push((Span::new(first, first + trimmed.len()), label));
            }
        }
        self.prev_row = self.rows[PAD + b - 1 - a];
    }
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
