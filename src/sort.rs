//! Sorting through one copy of the standard library's sort.
//!
//! `slice::sort_by` and its kin are generic over the element and the
//! comparator, so every call site compiled its own copy of the sort: 2 to 13
//! KB of wasm each, 110 KB for the crate's 22 sorts. These functions sort a
//! permutation of indices behind a `dyn` comparator instead (one copy for the
//! whole crate) and then move the elements into place. They are all stable.
//! `clippy.toml` disallows the slice methods everywhere else.

use std::cmp::Ordering;

/// Sorts `v` by `compare`, stably.
pub fn sort_by<T>(v: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = permutation(v.len(), &mut |a, b| compare(&v[a], &v[b]));
    permute(v, order);
}

/// Sorts `v` by `key`, stably.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in ascending order.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The indices `0..len` in the order `compare` gives them, ties by index.
fn permutation(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    #[allow(clippy::disallowed_methods)] // the one sort of the crate
    order.sort_unstable_by(|&a, &b| compare(a, b).then(a.cmp(&b)));
    order
}

/// Puts the element at `order[i]` at `i`, for every `i`, by following cycles.
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    for start in 0..v.len() {
        let mut at = start;
        while order[at] != start {
            let next = order[at];
            v.swap(at, next);
            order[at] = at;
            at = next;
        }
        order[at] = at;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library() {
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for len in [0, 1, 2, 3, 7, 8, 9, 20, 33, 100, 1000] {
            let v: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    ((state % 5) as u8, i)
                })
                .collect();
            let mut ours = v.clone();
            sort_by_key(&mut ours, |x| x.0);
            let mut std = v.clone();
            #[allow(clippy::disallowed_methods)]
            std.sort_by_key(|x| x.0);
            assert_eq!(ours, std, "stable, like slice::sort_by_key ({len} elements)");
            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| b.cmp(a));
            let mut std = v;
            #[allow(clippy::disallowed_methods)]
            std.sort_by(|a, b| b.cmp(a));
            assert_eq!(ours, std);
        }
        let mut words = vec!["pear", "apple", "fig", "apple"];
        sort(&mut words);
        assert_eq!(words, ["apple", "apple", "fig", "pear"]);
    }
}
