//! Integer matrix products for the tok2vec's Maxout layers: the model's int8
//! weights times activations quantized to int16, accumulated exactly in i32.
//!
//! Each activation row is quantized with its own scale (`max |x| / 32767`,
//! round to nearest even), so the only error against f32 is that rounding
//! (relative 2^-16 of the row's largest value, far below the int8 weights'
//! own quantization). Integer sums are exact, so the results do not depend
//! on how the products are blocked, nor on the platform: the wasm build and
//! the native build (which the tests run) compute the same numbers.
//!
//! Two kernels share that contract:
//! * wasm32 with `simd128`: weights packed in tiles of 4 outputs × 2 inputs
//!   (`[i16; 8]`), multiplied with a splatted input pair by
//!   `i32x4.dot_i16x8_s` and accumulated lane-wise (an outer product over
//!   [`ROW_BLOCK`] rows × [`TILE_GROUPS`]·4 outputs, no horizontal sums);
//!   each weight load serves four rows. The tile is sized for V8's register
//!   allocator, which spills when a loop keeps more than about 14 vectors
//!   live (see [`TILE_GROUPS`]).
//! * elsewhere: row-major weights and one dot product per output and row,
//!   written as the `i16 × i16 → i32` reduction LLVM vectorizes (`pmaddwd`
//!   on x86-64). Native code may not use `unsafe`, which `core::arch::x86_64`
//!   loads would need.

/// Rows multiplied per weight pass.
pub const ROW_BLOCK: usize = 4;
/// Groups of four outputs per tile of the wasm kernel: with [`ROW_BLOCK`] rows,
/// 8 accumulators, 2 weight vectors and 4 splatted input pairs stay in
/// registers. (Three groups, 12 accumulators, made V8 11 spill accumulators
/// to the stack on every step of the inner loop; 4 × 2 measured 1.25× the
/// entity throughput of 4 × 3 in Node 20, and 2 × 4 about the same as 4 × 2,
/// 3 × 3 slower than both.)
#[cfg_attr(not(all(target_arch = "wasm32", target_feature = "simd128")), allow(dead_code))]
const TILE_GROUPS: usize = 2;
/// Outputs per tile of the wasm kernel.
#[cfg_attr(not(all(target_arch = "wasm32", target_feature = "simd128")), allow(dead_code))]
const TILE_OUTPUTS: usize = 4 * TILE_GROUPS;
/// The largest quantized magnitude.
const QMAX: f32 = 32767.0;
/// `1.5 · 2^23`: adding and subtracting it rounds an f32 to an integer (see
/// [`round_ties_even`]).
const ROUNDER: f32 = 12_582_912.0;

/// An int8 weight matrix (`n_out` rows of `n_in`), held as i16 in the layout
/// the platform's kernel reads.
pub struct QuantMatrix {
    n_in: usize,
    n_out: usize,
    /// wasm: tiles of [`TILE_GROUPS`] `[i16; 8]` per input pair; elsewhere:
    /// the rows, row-major.
    packed: Vec<[i16; 8]>,
}

/// Activation rows quantized to int16, each with its own scale.
#[derive(Default)]
pub struct QuantRows {
    n_in: usize,
    values: Vec<i16>,
    scales: Vec<f32>,
}

impl QuantMatrix {
    /// Packs `n_out` row-major int8 rows of `n_in` values. `n_in` must be a
    /// multiple of 16 and `n_out` of 4.
    pub fn new(rows: &[i8], n_in: usize) -> QuantMatrix {
        assert!(n_in.is_multiple_of(16) && rows.len().is_multiple_of(n_in), "weights: bad shape");
        let n_out = rows.len() / n_in;
        assert!(n_out.is_multiple_of(4), "weights: {n_out} outputs is not a multiple of 4");
        QuantMatrix { n_in, n_out, packed: imp::pack(rows, n_in, n_out) }
    }

    /// `out[r * n_out + o] = Σ_i W[o][i] · x[r][i]` for every row `r` of `x`,
    /// exactly (the caller applies the scales).
    pub fn multiply(&self, x: &QuantRows, out: &mut Vec<i32>) {
        assert_eq!(x.n_in, self.n_in, "activations and weights disagree");
        // Every element is written below: no need to clear the old values.
        out.resize(x.len() * self.n_out, 0);
        let blocks = x.values.chunks_exact(ROW_BLOCK * self.n_in);
        let rest = blocks.remainder();
        let mut outs = out.chunks_exact_mut(ROW_BLOCK * self.n_out);
        for (rows, out) in blocks.zip(&mut outs) {
            imp::multiply_block::<ROW_BLOCK>(self, rows, out);
        }
        let rest_out = outs.into_remainder();
        for (row, out) in rest.chunks_exact(self.n_in).zip(rest_out.chunks_exact_mut(self.n_out)) {
            imp::multiply_block::<1>(self, row, out);
        }
    }
}

impl QuantRows {
    /// Empties the rows and sets their width (even).
    pub fn reset(&mut self, n_in: usize) {
        self.n_in = n_in;
        self.values.clear();
        self.scales.clear();
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.scales.len()
    }

    /// The factor that turns row `r`'s integers back into its values.
    pub fn scale(&self, r: usize) -> f32 {
        self.scales[r]
    }

    /// Appends a row (`n_in` values), quantized: `q = round(x / s)` with
    /// `s = max |x| / 32767` (an all-zero row has scale 0).
    pub fn push(&mut self, x: &[f32]) {
        assert_eq!(x.len(), self.n_in, "row width");
        let max = max_abs(x);
        let (scale, inverse) = if max > 0.0 { (max / QMAX, QMAX / max) } else { (0.0, 0.0) };
        let start = self.values.len();
        self.values.resize(start + x.len(), 0);
        let (out, x) = (&mut self.values[start..], x);
        let split = x.len() / 8 * 8;
        imp::quantize(&x[..split], inverse, &mut out[..split]);
        out[split..].iter_mut().zip(&x[split..]).for_each(|(q, &v)| *q = quantize(v, inverse));
        self.scales.push(scale);
    }
}

/// `round(v · inverse)` as an int16. `|v · inverse| <= 32767`, so the
/// conversions are exact.
#[inline(always)]
fn quantize(v: f32, inverse: f32) -> i16 {
    round_ties_even(v * inverse) as i32 as i16
}

/// `x` rounded to the nearest integer, ties to even, for `|x| <= 2^22`:
/// adding and subtracting 1.5 · 2^23 leaves no fraction bits, and IEEE
/// rounding is to nearest even. The same on every platform, and two
/// vectorizable instructions (`f32::round_ties_even` is a libm call on
/// x86-64 without SSE 4.1).
#[inline(always)]
fn round_ties_even(x: f32) -> f32 {
    (x + ROUNDER) - ROUNDER
}

/// The larger of two values (either one if they are equal). Unlike
/// `f32::max` it does not special-case NaN, so it compiles to one
/// instruction (wasm's `f32.max` differs from `f32::max`, which is a call
/// there) and vectorizes.
#[inline(always)]
pub fn max(a: f32, b: f32) -> f32 {
    if a > b {
        a
    } else {
        b
    }
}

/// `max |x|` (0 for an empty slice), in eight lanes.
fn max_abs(x: &[f32]) -> f32 {
    let mut lanes = [0.0f32; 8];
    let chunks = x.chunks_exact(8);
    let tail = chunks.remainder().iter().fold(0.0, |m, v| max(m, v.abs()));
    for c in chunks {
        for (m, v) in lanes.iter_mut().zip(c) {
            *m = max(*m, v.abs());
        }
    }
    lanes.iter().fold(tail, |m, &v| max(m, v))
}

/// `out[j] += acc[j] · (weight_scales[j] · row_scale)`: [`dequantize`], added.
pub fn add_dequantized(out: &mut [f32], acc: &[i32], weight_scales: &[f32], row_scale: f32) {
    for ((o, &a), &w) in out.iter_mut().zip(acc).zip(weight_scales) {
        *o += a as f32 * (w * row_scale);
    }
}

/// `out[j] = acc[j] · (weight_scales[j] · row_scale)`: integer sums back to f32.
pub fn dequantize(acc: &[i32], weight_scales: &[f32], row_scale: f32, out: &mut [f32]) {
    for ((o, &a), &w) in out.iter_mut().zip(acc).zip(weight_scales) {
        *o = a as f32 * (w * row_scale);
    }
}

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod imp {
    //! The `simd128` kernel (see the module docs).
    use super::{QuantMatrix, ROUNDER, TILE_GROUPS, TILE_OUTPUTS};
    use core::arch::wasm32::{
        f32x4, f32x4_add, f32x4_mul, f32x4_splat, f32x4_sub, i16x8, i16x8_extract_lane, i16x8_narrow_i32x4, i32x4_add,
        i32x4_dot_i16x8, i32x4_extract_lane, i32x4_splat, i32x4_trunc_sat_f32x4, v128,
    };

    /// [`super::quantize`] of eight values at a time (`x.len()` a multiple of
    /// 8): the same multiply, rounding and conversion in each lane.
    pub fn quantize(x: &[f32], inverse: f32, out: &mut [i16]) {
        let (inverse, rounder) = (f32x4_splat(inverse), f32x4_splat(ROUNDER));
        let round = |x: &[f32]| {
            let scaled = f32x4_mul(f32x4(x[0], x[1], x[2], x[3]), inverse);
            i32x4_trunc_sat_f32x4(f32x4_sub(f32x4_add(scaled, rounder), rounder))
        };
        for (x, out) in x.chunks_exact(8).zip(out.chunks_exact_mut(8)) {
            // Saturating narrowing; the values are within ±32767.
            let q = i16x8_narrow_i32x4(round(&x[..4]), round(&x[4..]));
            out.copy_from_slice(&[
                i16x8_extract_lane::<0>(q),
                i16x8_extract_lane::<1>(q),
                i16x8_extract_lane::<2>(q),
                i16x8_extract_lane::<3>(q),
                i16x8_extract_lane::<4>(q),
                i16x8_extract_lane::<5>(q),
                i16x8_extract_lane::<6>(q),
                i16x8_extract_lane::<7>(q),
            ]);
        }
    }

    /// Tile `t`, input pair `k`, group `g` (outputs `12t + 4g .. +4`) at
    /// `[(t · n_in/2 + k) · TILE_GROUPS + g]`: lane `2l + j` holds
    /// `W[12t + 4g + l][2k + j]`. A last, narrower tile holds the outputs
    /// beyond the multiple of [`TILE_OUTPUTS`] the same way.
    pub fn pack(rows: &[i8], n_in: usize, n_out: usize) -> Vec<[i16; 8]> {
        let mut packed = Vec::with_capacity(n_out / 4 * n_in / 2);
        for first in (0..n_out).step_by(TILE_OUTPUTS) {
            let groups = (n_out - first).min(TILE_OUTPUTS) / 4;
            for k in 0..n_in / 2 {
                for g in 0..groups {
                    packed.push(std::array::from_fn(|lane| {
                        let o = first + 4 * g + lane / 2;
                        i16::from(rows[o * n_in + 2 * k + lane % 2])
                    }));
                }
            }
        }
        packed
    }

    /// `R` rows (`rows`, `R · n_in` values) times the matrix into `out`
    /// (`R · n_out`).
    #[inline]
    pub fn multiply_block<const R: usize>(m: &QuantMatrix, rows: &[i16], out: &mut [i32]) {
        let mut pairs = [[0i32; R]; MAX_PAIRS];
        let pairs = interleave_pairs(rows, m.n_in, &mut pairs);
        let full = m.n_out / TILE_OUTPUTS;
        let tile_len = m.n_in / 2 * TILE_GROUPS;
        for (tile, weights) in m.packed[..full * tile_len].chunks_exact(tile_len).enumerate() {
            multiply_tile::<R, TILE_GROUPS>(m.n_out, pairs, weights, tile * TILE_OUTPUTS, out);
        }
        let rest = &m.packed[full * tile_len..];
        match (m.n_out - full * TILE_OUTPUTS) / 4 {
            0 => {}
            1 => multiply_tile::<R, 1>(m.n_out, pairs, rest, full * TILE_OUTPUTS, out),
            _ => multiply_tile::<R, 2>(m.n_out, pairs, rest, full * TILE_OUTPUTS, out),
        }
    }

    /// The widest input the kernel takes, in pairs.
    const MAX_PAIRS: usize = 192;

    /// The `R` rows' inputs `2k` and `2k + 1` as one i32 each (low half
    /// first, the operand layout of `i32x4.dot_i16x8_s`), `[k][row]`, so the
    /// kernel reads them in order.
    fn interleave_pairs<'a, const R: usize>(rows: &[i16], n_in: usize, out: &'a mut [[i32; R]]) -> &'a [[i32; R]] {
        assert!(n_in / 2 <= out.len(), "kernel input too wide");
        let out = &mut out[..n_in / 2];
        for (r, row) in rows.chunks_exact(n_in).enumerate() {
            for (pair, x) in out.iter_mut().zip(row.chunks_exact(2)) {
                pair[r] = i32::from(x[0] as u16) | (i32::from(x[1]) << 16);
            }
        }
        out
    }

    /// One tile: outputs `first .. first + 4G` of the `R` rows (their input
    /// `pairs`), from the tile's packed weights, into `out` (rows of `n_out`).
    #[inline(always)]
    fn multiply_tile<const R: usize, const G: usize>(
        n_out: usize,
        pairs: &[[i32; R]],
        weights: &[[i16; 8]],
        first: usize,
        out: &mut [i32],
    ) {
        let mut acc = [[i32x4_splat(0); G]; R];
        for (w, x) in weights.chunks_exact(G).zip(pairs) {
            let w: [v128; G] = std::array::from_fn(|g| load(&w[g]));
            for (acc, &x) in acc.iter_mut().zip(x) {
                let x = i32x4_splat(x);
                for (acc, w) in acc.iter_mut().zip(w) {
                    *acc = i32x4_add(*acc, i32x4_dot_i16x8(w, x));
                }
            }
        }
        for (r, acc) in acc.iter().enumerate() {
            let start = r * n_out + first;
            for (out, acc) in out[start..start + 4 * G].chunks_exact_mut(4).zip(acc) {
                out.copy_from_slice(&lanes(*acc));
            }
        }
    }

    #[inline(always)]
    fn load(w: &[i16; 8]) -> v128 {
        i16x8(w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7])
    }

    #[inline(always)]
    fn lanes(v: v128) -> [i32; 4] {
        [i32x4_extract_lane::<0>(v), i32x4_extract_lane::<1>(v), i32x4_extract_lane::<2>(v), i32x4_extract_lane::<3>(v)]
    }
}

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
mod imp {
    //! The portable kernel (see the module docs).
    use super::QuantMatrix;

    /// [`super::quantize`] of each value.
    pub fn quantize(x: &[f32], inverse: f32, out: &mut [i16]) {
        for (q, &v) in out.iter_mut().zip(x) {
            *q = super::quantize(v, inverse);
        }
    }

    /// The rows, row-major, eight values per element.
    pub fn pack(rows: &[i8], _n_in: usize, _n_out: usize) -> Vec<[i16; 8]> {
        rows.chunks_exact(8).map(|c| std::array::from_fn(|j| i16::from(c[j]))).collect()
    }

    /// `R` rows (`rows`, `R · n_in` values) times the matrix into `out`
    /// (`R · n_out`); each weight row is read once for the `R` rows.
    #[inline]
    pub fn multiply_block<const R: usize>(m: &QuantMatrix, rows: &[i16], out: &mut [i32]) {
        let x: [&[i16]; R] = std::array::from_fn(|r| &rows[r * m.n_in..(r + 1) * m.n_in]);
        for (o, w) in m.packed.chunks_exact(m.n_in / 8).enumerate() {
            for (r, sum) in dots(w, &x).into_iter().enumerate() {
                out[r * m.n_out + o] = sum;
            }
        }
    }

    /// `Σ w[i] · x[r][i]` in i32 for each row `r`, in one pass over `w`
    /// (vectorizes to `pmaddwd` on x86-64).
    #[inline]
    fn dots<const R: usize>(w: &[[i16; 8]], x: &[&[i16]; R]) -> [i32; R] {
        let w = w.as_flattened();
        let n = w.len();
        assert!(x.iter().all(|x| x.len() == n));
        let mut acc = [0i32; R];
        for i in 0..n {
            let w = i32::from(w[i]);
            for (acc, x) in acc.iter_mut().zip(x) {
                *acc += w * i32::from(x[i]);
            }
        }
        acc
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The kernel equals the plain sum, for full and partial row blocks and
    /// output tiles.
    #[test]
    fn multiply_is_exact() {
        let (n_in, n_out) = (32, 32);
        let w: Vec<i8> = (0..n_in * n_out).map(|i| ((i * 37 + 11) % 255) as i8).collect();
        let m = QuantMatrix::new(&w, n_in);
        let mut x = QuantRows::default();
        x.reset(n_in);
        let rows: Vec<Vec<f32>> =
            (0..7).map(|r| (0..n_in).map(|i| ((r * 13 + i * 7) % 29) as f32 - 14.0).collect()).collect();
        for row in &rows {
            x.push(row);
        }
        let mut out = Vec::new();
        m.multiply(&x, &mut out);
        for r in 0..rows.len() {
            let q = &x.values[r * n_in..(r + 1) * n_in];
            for o in 0..n_out {
                let want: i32 = (0..n_in).map(|i| i32::from(w[o * n_in + i]) * i32::from(q[i])).sum();
                assert_eq!(out[r * n_out + o], want, "row {r} output {o}");
            }
        }
    }

    #[test]
    fn rounding_is_to_nearest_even() {
        for (x, want) in
            [(0.5, 0.0), (1.5, 2.0), (2.5, 2.0), (-0.5, -0.0), (-1.5, -2.0), (32766.5, 32766.0), (0.49, 0.0)]
        {
            assert_eq!(round_ties_even(x), want, "{x}");
        }
        for i in -70000..70000 {
            let x = i as f32 * 0.37;
            assert_eq!(round_ties_even(x), x.round_ties_even(), "{x}");
        }
    }

    #[test]
    fn quantization_keeps_the_largest_value_and_zero_rows() {
        let mut x = QuantRows::default();
        x.reset(2);
        x.push(&[-2.0, 1.0]);
        x.push(&[0.0, 0.0]);
        assert_eq!(&x.values, &[-32767, 16384, 0, 0]);
        assert_eq!(x.scale(1), 0.0);
        assert!((x.scale(0) * 32767.0 - 2.0).abs() < 1e-6);
    }
}
