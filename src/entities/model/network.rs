//! The NER network: hash embeddings, the Maxout+LayerNorm mix, four residual
//! window-encoder blocks, the projection, the precomputable lower layer and
//! the upper (scoring) layer. Steps 2–7 of "Inference" in `models/README.md`.
//!
//! The int8 Maxout weights are widened to i16 and multiplied with the input
//! quantized to i16 (one scale per input vector, 15 bits), accumulating in i32:
//! exact integer dot products that compilers turn into SIMD multiply-add
//! (`pmaddwd`, `i32x4.dot_i16x8_s`). The quantization error (≤ 2⁻¹⁶ of the
//! input's largest element) is far below that of the int8 weights.

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
/// Largest quantized activation.
const Q_MAX: f32 = 32767.0;
/// HashEmbed tables: attribute, rows and seed.
const EMBED: [(&str, usize, u32); 4] =
    [("NORM", 5000, 8), ("PREFIX", 1000, 9), ("SUFFIX", 2500, 10), ("SHAPE", 2500, 11)];

/// One token vector.
pub type Vector = [f32; WIDTH];
/// One token's precomputed lower-layer contributions, indexed `[slot][hidden][piece]`.
pub type Precomputed = [f32; PRECOMPUTED];

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
    q: Vec<i16>,
    update: Vec<Vector>,
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
    w: Vec<i16>,
    w_scale: Vec<f32>,
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
        self.mix.forward(&scratch.x, out, &mut scratch.q);
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
        scratch.x.clear();
        scratch.x.resize(WINDOW_IN, 0.0);
        for block in &self.encode {
            for r in 0..n {
                let (prev, next) = scratch.x.split_at_mut(WIDTH);
                let (cur, next) = next.split_at_mut(WIDTH);
                copy_or_zero(prev, r.checked_sub(1).map(|p| &rows[p]));
                cur.copy_from_slice(&rows[r]);
                copy_or_zero(next, rows.get(r + 1));
                block.forward(&scratch.x, &mut scratch.update[r], &mut scratch.q);
            }
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
        for ((o, w), b) in out.iter_mut().zip(self.proj_w.chunks_exact(WIDTH)).zip(&self.proj_b) {
            *o = dot_f32(w, t) + b;
        }
        out
    }

    /// Step 6: one token's lower-layer contributions for each feature slot.
    pub fn precompute(&self, v: &[f32; HIDDEN], out: &mut Precomputed) {
        for (o, w) in out.iter_mut().zip(self.lower_w.chunks_exact(HIDDEN)) {
            *o = dot_f32(w, v);
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
        Maxout {
            n_in,
            w: w.values.iter().map(|&v| i16::from(v as i8)).collect(),
            w_scale: w.scales,
            b: file.f32s(&format!("{name}.b"), &[WIDTH, PIECES]),
            gain: file.f32s(&format!("{name}.layernorm.G"), &[WIDTH]),
            bias: file.f32s(&format!("{name}.layernorm.b"), &[WIDTH]),
        }
    }

    /// `LayerNorm(max_p(W·x + b))` for one input vector.
    fn forward(&self, x: &[f32], out: &mut Vector, q: &mut Vec<i16>) {
        debug_assert_eq!(x.len(), self.n_in);
        let x_scale = quantize(x, q);
        let rows = self.w.chunks_exact(self.n_in).zip(&self.w_scale).zip(&self.b);
        let mut best = [f32::NEG_INFINITY; WIDTH];
        for (i, ((w, &w_scale), &b)) in rows.enumerate() {
            let z = dot_i16(w, q) as f32 * (w_scale * x_scale) + b;
            let o = &mut best[i / PIECES];
            if z > *o {
                *o = z;
            }
        }
        layer_norm(&best, &self.gain, &self.bias, out);
    }
}

/// Quantizes `x` into `q` (round to nearest, largest magnitude → ±32767);
/// returns the scale (`x ≈ q · scale`).
fn quantize(x: &[f32], q: &mut Vec<i16>) -> f32 {
    let max = x.iter().fold(0.0f32, |m, v| m.max(v.abs()));
    q.clear();
    if max == 0.0 || !max.is_finite() {
        q.resize(x.len(), 0);
        return 0.0;
    }
    let inv = Q_MAX / max;
    q.extend(x.iter().map(|v| (v * inv).round() as i16));
    max / Q_MAX
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

fn copy_or_zero(dst: &mut [f32], src: Option<&Vector>) {
    match src {
        Some(s) => dst.copy_from_slice(s),
        None => dst.fill(0.0),
    }
}

/// Integer dot product. With |w| ≤ 127, |x| ≤ 32767 and at most 384 terms the
/// sum stays below 2³¹.
#[inline]
fn dot_i16(w: &[i16], x: &[i16]) -> i32 {
    w.iter().zip(x).fold(0i32, |acc, (&a, &b)| acc + i32::from(a) * i32::from(b))
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
