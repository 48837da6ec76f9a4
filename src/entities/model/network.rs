//! The NER network: hash embeddings, the Maxout+LayerNorm mix, four residual
//! window-encoder blocks, the projection, the precomputable lower layer and
//! the upper (scoring) layer. Steps 2–7 of "Inference" in `models/README.md`;
//! its "How the code computes it" says what differs from the f32 reference.
//!
//! * The five Maxout layers (the mix and the encoder blocks) multiply their
//!   int8 weights with activations quantized to int16 per row, in exact i32
//!   sums ([`kernel`], a block of rows per weight pass, `i32x4.dot_i16x8_s`
//!   in wasm); the sums are scaled back to f32 for maxout, LayerNorm and the
//!   residual connection.
//! * The projection is folded into each slot of the lower layer at load
//!   (`W_slot · proj.W`, one 128×96 matrix per slot, quantized to int8 per
//!   row) and goes through the same kernel ([`Network::features`]); the
//!   pipeline asks for the E0 and B0-1 slots only while an entity is open.
//! * The upper layer scores valid moves only, in f32.
//!
//! Work that depends only on a token's features is done once per type
//! ([`Network::embed`] returns a [`TypeVectors`]): the embedding and the first
//! encoder block's products with it. An encoder block's Maxout input for row
//! `r` is the window `[H[r-1], H[r], H[r+1]]`, so its pre-activation is the sum
//! of three products, one per window position ([`Partials`]), each computed
//! from a single row; block 0's rows are the embeddings, whose products the
//! types carry, and blocks 1–3 multiply the current rows once per block.

use super::kernel::{add_dequantized, dequantize, max, QuantMatrix, QuantRows};
use super::lanes;
use super::murmur::thinc_hash;
use super::weights::{I8Tensor, ModelFile};

/// Width of the token vectors (embedding mix and encoder).
pub const WIDTH: usize = 96;
/// Width of the projection and the lower layer's hidden state.
pub const HIDDEN: usize = 64;
/// Zero rows thinc pads each side of a sequence with before the encoder.
pub const PAD: usize = 4;
/// Number of residual encoder blocks.
pub const DEPTH: usize = 4;
/// Feature slots per parser state (B0, E0, B0-1).
pub const N_FEATS: usize = 3;
/// Maxout pieces in the lower layer.
const LOWER_PIECES: usize = 2;
/// Maxout pieces in the tok2vec layers.
const PIECES: usize = 3;
/// Input width of the mix layer (four embeddings).
const MIX_IN: usize = 4 * WIDTH;
/// Input width of an encoder block (a window of three vectors).
const WINDOW_IN: usize = 3 * WIDTH;
/// HashEmbed tables: attribute, rows and seed.
const EMBED: [(&str, usize, u32); 4] =
    [("NORM", 5000, 8), ("PREFIX", 1000, 9), ("SUFFIX", 2500, 10), ("SHAPE", 2500, 11)];

/// One token vector.
pub type Vector = [f32; WIDTH];
/// Length of [`SlotFeatures`].
pub const SLOT_FEATURES: usize = HIDDEN * LOWER_PIECES;
/// One token's precomputed lower-layer contribution for one feature slot,
/// indexed `[hidden][piece]`.
pub type SlotFeatures = [f32; SLOT_FEATURES];
/// Maxout pre-activations of one layer, indexed `[piece][output]`.
const PRE: usize = PIECES * WIDTH;
/// Length of [`Partials`].
pub const PARTIALS: usize = 3 * PRE;
/// One row's contributions to an encoder block's Maxout pre-activations as
/// the previous, current and next row of a window, `[position][piece][output]`.
pub type Partials = [f32; PARTIALS];

/// What the network computes from a token's text alone.
#[derive(Clone)]
pub struct TypeVectors {
    /// The embedding (step 3), the token's row before the encoder.
    pub embedding: Vector,
    /// The first encoder block's [`Partials`] of the embedding.
    pub first: Partials,
}

impl Default for TypeVectors {
    fn default() -> TypeVectors {
        TypeVectors { embedding: [0.0; WIDTH], first: [0.0; PARTIALS] }
    }
}

/// The network's weights.
pub struct Network {
    embed: [HashEmbed; 4],
    mix: Maxout,
    encode: [Maxout; DEPTH],
    proj_w: Vec<f32>,
    proj_b: Vec<f32>,
    lower: [LowerSlot; N_FEATS],
    lower_b: Vec<f32>,
    lower_pad: Vec<f32>,
    upper_w: Vec<f32>,
    upper_b: Vec<f32>,
}

/// Reusable buffers for [`Network`] calls, so the per-token loops do not allocate.
#[derive(Default)]
pub struct Scratch {
    rows: QuantRows,
    sums: Vec<i32>,
    partials: Vec<Partials>,
}

struct HashEmbed {
    table: I8Tensor,
    rows: usize,
    seed: u32,
}

/// One feature slot of the lower layer with the projection folded in:
/// `W_slot · proj.W` (quantized to int8 per row) and `W_slot · proj.b`.
struct LowerSlot {
    weights: QuantMatrix,
    weight_scales: Vec<f32>,
    bias: Vec<f32>,
}

/// Maxout (nO = 96, nP = 3) followed by LayerNorm, with the weight rows
/// reordered so that the outputs come piece-major (`[piece][output]`, and
/// for an encoder block `[position][piece][output]`, see [`Partials`]).
struct Maxout {
    weights: QuantMatrix,
    /// The int8 scale of each output of `weights`.
    weight_scales: Vec<f32>,
    /// Bias, `[piece][output]`.
    b: Vec<f32>,
    gain: Vec<f32>,
    bias: Vec<f32>,
}

impl Network {
    /// Reads the weights from the model file, checking every shape.
    pub fn load(file: &ModelFile) -> Network {
        let embed = EMBED.map(|(attr, rows, seed)| HashEmbed {
            table: file.i8s(&format!("tok2vec.embed.{attr}.E"), &[rows, WIDTH]),
            rows,
            seed,
        });
        let mix = Maxout::load(file, "tok2vec.embed.mix", MIX_IN, 1);
        let encode = [0, 1, 2, 3].map(|i| Maxout::load(file, &format!("tok2vec.encode.{i}"), WINDOW_IN, 3));
        let n_moves = file.f32s("upper.b", &[74]).len();
        let proj_w = file.f32s("proj.W", &[HIDDEN, WIDTH]);
        let proj_b = file.f32s("proj.b", &[HIDDEN]);
        let lower_w = file.f32s("lower.W", &[N_FEATS, HIDDEN, LOWER_PIECES, HIDDEN]);
        let lower = [0, 1, 2].map(|slot| {
            let w = &lower_w[slot * SLOT_FEATURES * HIDDEN..(slot + 1) * SLOT_FEATURES * HIDDEN];
            LowerSlot::fold(w, &proj_w, &proj_b)
        });
        Network {
            embed,
            mix,
            encode,
            proj_w,
            proj_b,
            lower,
            lower_b: file.f32s("lower.b", &[HIDDEN, LOWER_PIECES]),
            lower_pad: file.f32s("lower.pad", &[1, N_FEATS, HIDDEN, LOWER_PIECES]),
            upper_w: file.f32s("upper.W", &[n_moves, HIDDEN]),
            upper_b: file.f32s("upper.b", &[n_moves]),
        }
    }

    /// Number of output rows (moves) of the upper layer.
    pub fn n_moves(&self) -> usize {
        self.upper_b.len()
    }

    /// Steps 2–3 and the first encoder block's products, for a batch of token
    /// types given by their feature ids `[NORM, PREFIX, SUFFIX, SHAPE]`: four
    /// hashed rows summed per table, concatenated, Maxout, LayerNorm.
    pub fn embed(&self, ids: &[[u64; 4]], out: &mut [TypeVectors], scratch: &mut Scratch) {
        assert_eq!(ids.len(), out.len());
        scratch.rows.reset(MIX_IN);
        let mut x = [0.0f32; MIX_IN];
        for ids in ids {
            self.embedding_sum(ids, &mut x);
            scratch.rows.push(&x);
        }
        self.mix.weights.multiply(&scratch.rows, &mut scratch.sums);
        let mut z = [0.0f32; PRE];
        for (r, (sums, out)) in scratch.sums.chunks_exact(PRE).zip(out.iter_mut()).enumerate() {
            dequantize(sums, &self.mix.weight_scales, scratch.rows.scale(r), &mut z);
            z.iter_mut().zip(&self.mix.b).for_each(|(z, b)| *z += b);
            self.mix.finish(&z, &mut out.embedding);
        }
        self.encode[0].partials(out.iter().map(|t| &t.embedding), scratch);
        for (out, partials) in out.iter_mut().zip(&scratch.partials) {
            out.first = *partials;
        }
    }

    /// Step 2 for one token: the four tables' sums of hashed rows, concatenated.
    fn embedding_sum(&self, ids: &[u64; 4], x: &mut [f32; MIX_IN]) {
        x.fill(0.0);
        for ((table, &id), x) in self.embed.iter().zip(ids).zip(x.chunks_exact_mut(WIDTH)) {
            for key in thinc_hash(id, table.seed) {
                let row = key as usize % table.rows;
                let scale = table.table.scales[row];
                for (x, &v) in x.iter_mut().zip(table.table.row(row)) {
                    *x += f32::from(v as i8) * scale;
                }
            }
        }
    }

    /// Step 4: the tok2vec vectors of a stretch of the padded sequence, given
    /// each row's type (`None`: a padding row, zero before the encoder).
    ///
    /// Rows beyond the stretch's ends count as zero vectors. Each block makes
    /// one more row at each end inexact unless that end is the end of the
    /// padded sequence, so a caller that passes `PAD` extra rows on each side
    /// of the tokens it wants gets them exactly.
    pub fn encode(&self, types: &[Option<&TypeVectors>], out: &mut Vec<Vector>, scratch: &mut Scratch) {
        out.clear();
        out.extend(types.iter().map(|t| t.map_or([0.0; WIDTH], |t| t.embedding)));
        self.encode[0].residual(out, |row, position, z| {
            if let Some(t) = types[row] {
                let p = &t.first[position * PRE..(position + 1) * PRE];
                z.iter_mut().zip(p).for_each(|(z, p)| *z += p);
            }
        });
        for block in &self.encode[1..] {
            block.multiply(out.iter(), scratch);
            let (sums, rows) = (&scratch.sums, &scratch.rows);
            block.residual(out, |row, position, z| {
                let start = row * PARTIALS + position * PRE;
                let scales = &block.weight_scales[position * PRE..(position + 1) * PRE];
                add_dequantized(z, &sums[start..start + PRE], scales, rows.scale(row));
            });
        }
    }

    /// Step 5: the projection of one tok2vec vector, in f32. (Inference uses
    /// it folded into the lower layer, see [`Network::features`].)
    pub fn project(&self, t: &Vector) -> [f32; HIDDEN] {
        let mut out = [0.0; HIDDEN];
        for ((o, w), b) in
            out.chunks_exact_mut(4).zip(self.proj_w.chunks_exact(4 * WIDTH)).zip(self.proj_b.chunks_exact(4))
        {
            let d = dot4(w, t);
            for k in 0..4 {
                o[k] = d[k] + b[k];
            }
        }
        out
    }

    /// Steps 5–6 for one feature slot (0: B0, 1: E0, 2: B0-1): the lower-layer
    /// contribution of each tok2vec row when it fills `slot`, into `out`.
    pub fn features(&self, rows: &[Vector], slot: usize, out: &mut Vec<SlotFeatures>, scratch: &mut Scratch) {
        let lower = &self.lower[slot];
        scratch.rows.reset(WIDTH);
        for row in rows {
            scratch.rows.push(row);
        }
        lower.weights.multiply(&scratch.rows, &mut scratch.sums);
        out.resize(rows.len(), [0.0; SLOT_FEATURES]);
        for (r, (sums, out)) in scratch.sums.chunks_exact(SLOT_FEATURES).zip(out.iter_mut()).enumerate() {
            dequantize(sums, &lower.weight_scales, scratch.rows.scale(r), out);
            out.iter_mut().zip(&lower.bias).for_each(|(o, b)| *o += b);
        }
    }

    /// Step 7, hidden layer: maxout over the sum of the bias and the three
    /// slots' contributions (`None`: the slot's padding vector).
    pub fn hidden(&self, slots: [Option<&SlotFeatures>; N_FEATS]) -> [f32; HIDDEN] {
        let mut sum = [0.0f32; SLOT_FEATURES];
        sum.copy_from_slice(&self.lower_b);
        for (f, slot) in slots.iter().enumerate() {
            let part = match slot {
                Some(p) => &p[..],
                None => &self.lower_pad[f * SLOT_FEATURES..(f + 1) * SLOT_FEATURES],
            };
            for (s, p) in sum.iter_mut().zip(part) {
                *s += p;
            }
        }
        let mut out = [0.0; HIDDEN];
        for (o, pair) in out.iter_mut().zip(sum.chunks_exact(LOWER_PIECES)) {
            *o = max(pair[0], pair[1]);
        }
        out
    }

    /// Step 7, upper layer: the score of move `class` for a hidden state.
    pub fn score(&self, hidden: &[f32; HIDDEN], class: usize) -> f32 {
        lanes::dot(&self.upper_w[class * HIDDEN..(class + 1) * HIDDEN], hidden) + self.upper_b[class]
    }
}

impl LowerSlot {
    /// Folds the projection (`proj_w`, `[HIDDEN][WIDTH]`, and `proj_b`) into
    /// the slot's lower weights `w` (`[hidden][piece][HIDDEN]`), in f64, then
    /// quantizes each row to int8 (`scale = max |row| / 127`).
    fn fold(w: &[f32], proj_w: &[f32], proj_b: &[f32]) -> LowerSlot {
        let mut rows = Vec::with_capacity(SLOT_FEATURES * WIDTH);
        let mut weight_scales = Vec::with_capacity(SLOT_FEATURES);
        let mut bias = Vec::with_capacity(SLOT_FEATURES);
        for w in w.chunks_exact(HIDDEN) {
            let folded: Vec<f64> = (0..WIDTH)
                .map(|i| w.iter().zip(proj_w.chunks_exact(WIDTH)).map(|(&a, p)| f64::from(a) * f64::from(p[i])).sum())
                .collect();
            let max = folded.iter().fold(0.0f64, |m, v| m.max(v.abs()));
            let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
            rows.extend(folded.iter().map(|v| (v / scale).round() as i8));
            weight_scales.push(scale as f32);
            bias.push(w.iter().zip(proj_b).map(|(&a, &b)| f64::from(a) * f64::from(b)).sum::<f64>() as f32);
        }
        LowerSlot { weights: QuantMatrix::new(&rows, WIDTH), weight_scales, bias }
    }
}

impl Maxout {
    /// Loads `{name}.W` (`[output][piece][input]`, `n_in` inputs made of
    /// `positions` window positions) and reorders its rows to
    /// `[position][piece][output]`, each `n_in / positions` long.
    fn load(file: &ModelFile, name: &str, n_in: usize, positions: usize) -> Maxout {
        let w = file.i8s(&format!("{name}.W"), &[WIDTH, PIECES, n_in]);
        let part = n_in / positions;
        let mut rows = Vec::with_capacity(w.values.len());
        let mut weight_scales = Vec::with_capacity(positions * PRE);
        for position in 0..positions {
            for piece in 0..PIECES {
                for output in 0..WIDTH {
                    let row = w.row(output * PIECES + piece);
                    rows.extend(row[position * part..(position + 1) * part].iter().map(|&v| v as i8));
                    weight_scales.push(w.scales[output * PIECES + piece]);
                }
            }
        }
        let b = file.f32s(&format!("{name}.b"), &[WIDTH, PIECES]);
        Maxout {
            weights: QuantMatrix::new(&rows, part),
            weight_scales,
            b: (0..PRE).map(|i| b[(i % WIDTH) * PIECES + i / WIDTH]).collect(),
            gain: file.f32s(&format!("{name}.layernorm.G"), &[WIDTH]),
            bias: file.f32s(&format!("{name}.layernorm.b"), &[WIDTH]),
        }
    }

    /// The integer products of each of `rows` with the weights, into
    /// `scratch.sums` (rows of `PARTIALS`; `scratch.rows` keeps the scales).
    fn multiply<'a>(&self, rows: impl Iterator<Item = &'a Vector>, scratch: &mut Scratch) {
        scratch.rows.reset(WIDTH);
        for row in rows {
            scratch.rows.push(row);
        }
        self.weights.multiply(&scratch.rows, &mut scratch.sums);
    }

    /// An encoder block's [`Partials`] of each of `rows`, into `scratch.partials`.
    fn partials<'a>(&self, rows: impl Iterator<Item = &'a Vector>, scratch: &mut Scratch) {
        self.multiply(rows, scratch);
        scratch.partials.resize(scratch.rows.len(), [0.0; PARTIALS]);
        for (r, (sums, out)) in scratch.sums.chunks_exact(PARTIALS).zip(scratch.partials.iter_mut()).enumerate() {
            dequantize(sums, &self.weight_scales, scratch.rows.scale(r), out);
        }
    }

    /// An encoder block with its residual connection over `rows`, in place:
    /// `rows[r] += finish(b + prev(r-1) + cur(r) + next(r+1))`, where
    /// `add(row, position, z)` adds a row's partial for a window position to
    /// `z` and rows beyond the ends add nothing. The partials must not depend
    /// on `rows` (they are computed before).
    fn residual(&self, rows: &mut [Vector], mut add: impl FnMut(usize, usize, &mut [f32; PRE])) {
        let n = rows.len();
        let mut z = [0.0f32; PRE];
        for (r, row) in rows.iter_mut().enumerate() {
            z.copy_from_slice(&self.b);
            let sources = [r.checked_sub(1), Some(r), Some(r + 1).filter(|&i| i < n)];
            for (position, source) in sources.iter().enumerate() {
                if let Some(source) = *source {
                    add(source, position, &mut z);
                }
            }
            let mut update = [0.0f32; WIDTH];
            self.finish(&z, &mut update);
            row.iter_mut().zip(&update).for_each(|(h, u)| *h += u);
        }
    }

    /// Maxout over the pieces of pre-activations `z` (`[piece][output]`, bias
    /// included), then LayerNorm.
    fn finish(&self, z: &[f32; PRE], out: &mut Vector) {
        let mut best = [0.0f32; WIDTH];
        let (z0, rest) = z.split_at(WIDTH);
        let (z1, z2) = rest.split_at(WIDTH);
        for (((best, a), b), c) in best.iter_mut().zip(z0).zip(z1).zip(z2) {
            *best = max(max(*a, *b), *c);
        }
        layer_norm(&best, &self.gain, &self.bias, out);
    }
}

/// `y = (x - mean) / sqrt(var + 1e-8) · gain + bias` over the 96 values.
fn layer_norm(x: &Vector, gain: &[f32], bias: &[f32], out: &mut Vector) {
    let n = WIDTH as f32;
    let mean = lanes::sum(x) / n;
    let mut centered = [0.0f32; WIDTH];
    centered.iter_mut().zip(x).for_each(|(c, v)| *c = v - mean);
    let var = lanes::dot(&centered, &centered) / n + 1e-8;
    let inv = 1.0 / var.sqrt();
    for (((o, c), g), b) in out.iter_mut().zip(&centered).zip(gain).zip(bias) {
        *o = c * inv * g + b;
    }
}

/// Four dot products of `x` with the consecutive rows `w[0..n]`, `w[n..2n]`,
/// `w[2n..3n]`, `w[3n..4n]` (`n = x.len()`).
#[inline]
fn dot4(w: &[f32], x: &[f32]) -> [f32; 4] {
    let n = x.len();
    [
        lanes::dot(&w[..n], x),
        lanes::dot(&w[n..2 * n], x),
        lanes::dot(&w[2 * n..3 * n], x),
        lanes::dot(&w[3 * n..4 * n], x),
    ]
}
