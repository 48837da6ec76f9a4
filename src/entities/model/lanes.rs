//! f32 sums in eight lanes, the same numbers on every platform.
//!
//! Lane `k` adds the elements `k, k + 8, k + 16, …` in order, then the lanes
//! are added in order (`((l0 + l1) + l2) + …`), and the sum of the elements
//! beyond the last multiple of 8 is added to that. The order is fixed, so the results are
//! bit-identical whether a platform computes the lanes one at a time or, in
//! wasm with `simd128`, as two `f32x4` vectors (LLVM alone vectorizes these
//! loops there with half-empty vectors and 64-bit loads).

/// `Σ a[i] · b[i]` (the shorter length counts), in eight lanes.
#[inline]
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    let n = a.len().min(b.len()) / 8 * 8;
    let (a, a_tail) = a.split_at(n);
    let (b, b_tail) = b.split_at(n);
    let tail: f32 = a_tail.iter().zip(b_tail).map(|(x, y)| x * y).sum();
    imp::dot(a, b).iter().sum::<f32>() + tail
}

/// `Σ x[i]`, in eight lanes.
#[inline]
pub fn sum(x: &[f32]) -> f32 {
    let (x, tail) = x.split_at(x.len() / 8 * 8);
    imp::sum(x).iter().sum::<f32>() + tail.iter().sum::<f32>()
}

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod imp {
    //! Lanes 0–3 and 4–7 as two `f32x4`.
    use core::arch::wasm32::{f32x4, f32x4_add, f32x4_extract_lane, f32x4_mul, f32x4_splat, v128};

    /// The eight lanes of `Σ a[i] · b[i]` (lengths: equal multiples of 8).
    #[inline(always)]
    pub fn dot(a: &[f32], b: &[f32]) -> [f32; 8] {
        let (mut lo, mut hi) = (f32x4_splat(0.0), f32x4_splat(0.0));
        for (x, y) in a.chunks_exact(8).zip(b.chunks_exact(8)) {
            lo = f32x4_add(lo, f32x4_mul(load(&x[..4]), load(&y[..4])));
            hi = f32x4_add(hi, f32x4_mul(load(&x[4..]), load(&y[4..])));
        }
        lanes(lo, hi)
    }

    /// The eight lanes of `Σ x[i]` (length: a multiple of 8).
    #[inline(always)]
    pub fn sum(x: &[f32]) -> [f32; 8] {
        let (mut lo, mut hi) = (f32x4_splat(0.0), f32x4_splat(0.0));
        for x in x.chunks_exact(8) {
            lo = f32x4_add(lo, load(&x[..4]));
            hi = f32x4_add(hi, load(&x[4..]));
        }
        lanes(lo, hi)
    }

    #[inline(always)]
    fn load(x: &[f32]) -> v128 {
        f32x4(x[0], x[1], x[2], x[3])
    }

    #[inline(always)]
    fn lanes(lo: v128, hi: v128) -> [f32; 8] {
        [
            f32x4_extract_lane::<0>(lo),
            f32x4_extract_lane::<1>(lo),
            f32x4_extract_lane::<2>(lo),
            f32x4_extract_lane::<3>(lo),
            f32x4_extract_lane::<0>(hi),
            f32x4_extract_lane::<1>(hi),
            f32x4_extract_lane::<2>(hi),
            f32x4_extract_lane::<3>(hi),
        ]
    }
}

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
mod imp {
    //! The lanes as an array.

    /// The eight lanes of `Σ a[i] · b[i]` (lengths: equal multiples of 8).
    #[inline]
    pub fn dot(a: &[f32], b: &[f32]) -> [f32; 8] {
        let mut acc = [0.0f32; 8];
        for (x, y) in a.chunks_exact(8).zip(b.chunks_exact(8)) {
            for k in 0..8 {
                acc[k] += x[k] * y[k];
            }
        }
        acc
    }

    /// The eight lanes of `Σ x[i]` (length: a multiple of 8).
    #[inline]
    pub fn sum(x: &[f32]) -> [f32; 8] {
        let mut acc = [0.0f32; 8];
        for x in x.chunks_exact(8) {
            for (l, v) in acc.iter_mut().zip(x) {
                *l += v;
            }
        }
        acc
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lane order, spelled out: results differ from a left-to-right sum.
    #[test]
    fn lanes_then_tail() {
        let x: Vec<f32> = (0..21).map(|i| 1.0 / (i as f32 + 0.37)).collect();
        let y: Vec<f32> = (0..21).map(|i| (i as f32 * 0.61).sin()).collect();
        let mut lanes = [0.0f32; 8];
        for i in 0..16 {
            lanes[i % 8] += x[i] * y[i];
        }
        let mut want = lanes[0];
        for l in &lanes[1..] {
            want += l;
        }
        let mut tail = x[16] * y[16];
        for i in 17..21 {
            tail += x[i] * y[i];
        }
        want += tail;
        assert_eq!(dot(&x, &y).to_bits(), want.to_bits());
        let mut lanes = [0.0f32; 8];
        for i in 0..16 {
            lanes[i % 8] += x[i];
        }
        let want = lanes.iter().sum::<f32>() + x[16..].iter().sum::<f32>();
        assert_eq!(sum(&x).to_bits(), want.to_bits());
    }
}
