//! The NER network: hash embeddings, the Maxout+LayerNorm mix, four residual
//! window-encoder blocks, the projection, the precomputable lower layer and
//! the upper (scoring) layer. Steps 2–7 of "Inference" in `models/README.md`.
//!
//! The embedding tables stay int8 (16 rows are dequantized per token); the
//! five Maxout weight matrices are dequantized to f32 at load (1.7 MB), as the
//! exporter's reference implementation does. All arithmetic is f32, with dot
//! products written for auto-vectorization (independent partial sums).

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
/// Length of one token's precomputed lower-layer vector (slot, hidden, piece).
pub const PRECOMPUTED: usize = N_FEATS * HIDDEN * LOWER_PIECES;
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
/// One token's precomputed lower-layer contributions, indexed `[slot][hidden][piece]`.
pub type Precomputed = [f32; PRECOMPUTED];
/// Length of [`Partials`].
const PARTIALS: usize = 3 * WIDTH * PIECES;
/// One row's contributions to an encoder block's Maxout pre-activations as
/// the previous, current and next row of a window, `[position][output][piece]`.
type Partials = [f32; PARTIALS];

/// The network's weights.
pub struct Network {
    embed: [HashEmbed; 4],
    mix: Maxout,
    encode: [Maxout; DEPTH],
    proj_w: Vec<f32>,
    proj_b: Vec<f32>,
    lower_w: Vec<f32>,
    lower_b: Vec<f32>,
    lower_pad: Vec<f32>,
    upper_w: Vec<f32>,
    upper_b: Vec<f32>,
}

/// Reusable buffers for [`Network`] calls, so the per-token loops do not allocate.
#[derive(Default)]
pub struct Scratch {
    x: Vec<f32>,
    update: Vec<Vector>,
    partials: Vec<Partials>,
}

struct HashEmbed {
    table: I8Tensor,
    rows: usize,
    seed: u32,
}

/// Maxout (nO = 96, nP = 3) followed by LayerNorm.
struct Maxout {
    n_in: usize,
    /// Rows `o * PIECES + p`, each `n_in` long.
    w: Vec<f32>,
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
        let mix = Maxout::load(file, "tok2vec.embed.mix", MIX_IN);
        let encode = [0, 1, 2, 3].map(|i| Maxout::load(file, &format!("tok2vec.encode.{i}"), WINDOW_IN));
        let n_moves = file.f32s("upper.b", &[74]).len();
        Network {
            embed,
            mix,
            encode,
            proj_w: file.f32s("proj.W", &[HIDDEN, WIDTH]),
            proj_b: file.f32s("proj.b", &[HIDDEN]),
            lower_w: file.f32s("lower.W", &[N_FEATS, HIDDEN, LOWER_PIECES, HIDDEN]),
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

    /// Steps 2–3: the token vector for feature ids `[NORM, PREFIX, SUFFIX, SHAPE]`
    /// (four hashed rows summed per table, concatenated, Maxout, LayerNorm).
    pub fn embed(&self, ids: &[u64; 4], out: &mut Vector, scratch: &mut Scratch) {
        scratch.x.clear();
        scratch.x.resize(MIX_IN, 0.0);
        for ((table, &id), x) in self.embed.iter().zip(ids).zip(scratch.x.chunks_exact_mut(WIDTH)) {
            for key in thinc_hash(id, table.seed) {
                let row = key as usize % table.rows;
                let scale = table.table.scales[row];
                for (x, &v) in x.iter_mut().zip(table.table.row(row)) {
                    *x += f32::from(v as i8) * scale;
                }
            }
        }
        self.mix.forward(&scratch.x, out);
    }

    /// Step 4: the four residual encoder blocks over `rows`, in place.
    ///
    /// `rows` is a stretch of the padded sequence; rows beyond its ends count as
    /// zero vectors. Each block makes one more row at each end inexact unless
    /// that end is the end of the padded sequence, so a caller that passes
    /// `PAD` extra rows on each side of the tokens it wants gets them exactly.
    pub fn encode(&self, rows: &mut [Vector], scratch: &mut Scratch) {
        let n = rows.len();
        scratch.update.clear();
        scratch.update.resize(n, [0.0; WIDTH]);
        scratch.partials.resize(n, [0.0; PARTIALS]);
        for block in &self.encode {
            for (row, p) in rows.iter().zip(scratch.partials.iter_mut()) {
                block.partials(row, p);
            }
            block.combine(&scratch.partials[..n], &mut scratch.update);
            for (row, update) in rows.iter_mut().zip(&scratch.update) {
                for (h, u) in row.iter_mut().zip(update) {
                    *h += u;
                }
            }
        }
    }

    /// Step 5: the projection of one tok2vec vector.
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

    /// Step 6: one token's lower-layer contributions for each feature slot.
    pub fn precompute(&self, v: &[f32; HIDDEN], out: &mut Precomputed) {
        for (o, w) in out.chunks_exact_mut(4).zip(self.lower_w.chunks_exact(4 * HIDDEN)) {
            o.copy_from_slice(&dot4(w, v));
        }
    }

    /// Step 7, hidden layer: maxout over the sum of the bias and the three
    /// slots' contributions (`None`: the slot's padding vector).
    pub fn hidden(&self, slots: [Option<&Precomputed>; N_FEATS]) -> [f32; HIDDEN] {
        let mut sum = [0.0f32; HIDDEN * LOWER_PIECES];
        sum.copy_from_slice(&self.lower_b);
        for (f, slot) in slots.iter().enumerate() {
            let part = match slot {
                Some(p) => &p[f * HIDDEN * LOWER_PIECES..(f + 1) * HIDDEN * LOWER_PIECES],
                None => &self.lower_pad[f * HIDDEN * LOWER_PIECES..(f + 1) * HIDDEN * LOWER_PIECES],
            };
            for (s, p) in sum.iter_mut().zip(part) {
                *s += p;
            }
        }
        let mut out = [0.0; HIDDEN];
        for (o, pair) in out.iter_mut().zip(sum.chunks_exact(LOWER_PIECES)) {
            *o = pair[0].max(pair[1]);
        }
        out
    }

    /// Step 7, upper layer: the score of move `class` for a hidden state.
    pub fn score(&self, hidden: &[f32; HIDDEN], class: usize) -> f32 {
        dot_f32(&self.upper_w[class * HIDDEN..(class + 1) * HIDDEN], hidden) + self.upper_b[class]
    }
}

impl Maxout {
    fn load(file: &ModelFile, name: &str, n_in: usize) -> Maxout {
        let w = file.i8s(&format!("{name}.W"), &[WIDTH, PIECES, n_in]);
        let rows = w.values.chunks_exact(n_in).zip(&w.scales);
        Maxout {
            n_in,
            w: rows.flat_map(|(row, &scale)| row.iter().map(move |&v| f32::from(v as i8) * scale)).collect(),
            b: file.f32s(&format!("{name}.b"), &[WIDTH, PIECES]),
            gain: file.f32s(&format!("{name}.layernorm.G"), &[WIDTH]),
            bias: file.f32s(&format!("{name}.layernorm.b"), &[WIDTH]),
        }
    }

    /// `LayerNorm(max_p(W·x + b))` for one input vector.
    fn forward(&self, x: &[f32], out: &mut Vector) {
        debug_assert_eq!(x.len(), self.n_in);
        let mut z = [0.0f32; WIDTH * PIECES];
        for ((z, w), b) in z.chunks_exact_mut(4).zip(self.w.chunks_exact(4 * self.n_in)).zip(self.b.chunks_exact(4)) {
            let d = dot4(w, x);
            for k in 0..4 {
                z[k] = d[k] + b[k];
            }
        }
        self.finish(&z, out);
    }

    /// An encoder block's [`Partials`] of one row: its products with the
    /// weights for the previous, current and next window position.
    fn partials(&self, h: &Vector, out: &mut Partials) {
        for (row, w) in self.w.chunks_exact(WINDOW_IN).enumerate() {
            for (position, w) in w.chunks_exact(WIDTH).enumerate() {
                out[position * WIDTH * PIECES + row] = dot_f32(w, h);
            }
        }
    }

    /// An encoder block's output for every row from the rows' partials:
    /// `z[r] = b + prev(r-1) + cur(r) + next(r+1)`, rows beyond the ends zero.
    fn combine(&self, partials: &[Partials], out: &mut [Vector]) {
        let n = partials.len();
        let per_position = WIDTH * PIECES;
        let mut z = [0.0f32; WIDTH * PIECES];
        for (r, out) in out.iter_mut().enumerate() {
            z.copy_from_slice(&self.b);
            let positions = [r.checked_sub(1), Some(r), Some(r + 1).filter(|&i| i < n)];
            for (position, t) in positions.iter().enumerate() {
                if let Some(t) = *t {
                    let p = &partials[t][position * per_position..(position + 1) * per_position];
                    z.iter_mut().zip(p).for_each(|(z, p)| *z += p);
                }
            }
            self.finish(&z, out);
        }
    }

    /// Maxout over the pieces of pre-activations `z` (bias included), then LayerNorm.
    fn finish(&self, z: &[f32], out: &mut Vector) {
        let mut best = [0.0f32; WIDTH];
        for (best, z) in best.iter_mut().zip(z.chunks_exact(PIECES)) {
            *best = z[0].max(z[1]).max(z[2]);
        }
        layer_norm(&best, &self.gain, &self.bias, out);
    }
}

/// `y = (x - mean) / sqrt(var + 1e-8) · gain + bias` over the 96 values.
fn layer_norm(x: &Vector, gain: &[f32], bias: &[f32], out: &mut Vector) {
    let n = WIDTH as f32;
    let mean = x.iter().sum::<f32>() / n;
    let var = x.iter().map(|v| (v - mean) * (v - mean)).sum::<f32>() / n + 1e-8;
    let inv = 1.0 / var.sqrt();
    for (((o, v), g), b) in out.iter_mut().zip(x).zip(gain).zip(bias) {
        *o = (v - mean) * inv * g + b;
    }
}

/// f32 dot product with eight independent partial sums (vectorizable).
#[inline]
fn dot_f32(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0.0f32; 8];
    let (ca, cb) = (a.chunks_exact(8), b.chunks_exact(8));
    let (ra, rb) = (ca.remainder(), cb.remainder());
    for (x, y) in ca.zip(cb) {
        for k in 0..8 {
            acc[k] += x[k] * y[k];
        }
    }
    let tail: f32 = ra.iter().zip(rb).map(|(x, y)| x * y).sum();
    acc.iter().sum::<f32>() + tail
}

/// Four dot products of `x` with the consecutive rows `w[0..n]`, `w[n..2n]`,
/// `w[2n..3n]`, `w[3n..4n]` (`n = x.len()`).
#[inline]
fn dot4(w: &[f32], x: &[f32]) -> [f32; 4] {
    let n = x.len();
    [dot_f32(&w[..n], x), dot_f32(&w[n..2 * n], x), dot_f32(&w[2 * n..3 * n], x), dot_f32(&w[3 * n..4 * n], x)]
}
