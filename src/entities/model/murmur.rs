//! The two hash functions spaCy's NER depends on: MurmurHash64A (spaCy's
//! string store: a string's 64-bit id) and thinc's `NumpyOps.hash` (HashEmbed:
//! four table rows per id), which is the MurmurHash3 x64_128 body and
//! finaliser applied to one 8-byte block.

/// MurmurHash64A of `data` with `seed` (Austin Appleby's reference algorithm).
pub fn murmur64a(data: &[u8], seed: u64) -> u64 {
    const M: u64 = 0xc6a4_a793_5bd1_e995;
    const R: u32 = 47;
    let mut h = seed ^ (data.len() as u64).wrapping_mul(M);
    let mut chunks = data.chunks_exact(8);
    for chunk in &mut chunks {
        let mut k = u64::from_le_bytes(chunk.try_into().expect("8-byte chunk"));
        k = k.wrapping_mul(M);
        k ^= k >> R;
        k = k.wrapping_mul(M);
        h ^= k;
        h = h.wrapping_mul(M);
    }
    let tail = chunks.remainder();
    if !tail.is_empty() {
        for (i, &b) in tail.iter().enumerate() {
            h ^= u64::from(b) << (8 * i);
        }
        h = h.wrapping_mul(M);
    }
    h ^= h >> R;
    h = h.wrapping_mul(M);
    h ^= h >> R;
    h
}

/// thinc's `NumpyOps.hash(ids, seed)` for one id: four 32-bit keys.
///
/// thinc calls it `MurmurHash3_x86_128_uint64`, but it is the x64_128 variant
/// (64-bit lanes, `fmix64`) over the id's 8 little-endian bytes.
pub fn thinc_hash(id: u64, seed: u32) -> [u32; 4] {
    const C1: u64 = 0x87c3_7b91_1142_53d5;
    const C2: u64 = 0x4cf5_ad43_2745_937f;
    let seed = u64::from(seed);
    let mut h1 = id.wrapping_mul(C1).rotate_left(31).wrapping_mul(C2);
    h1 ^= seed ^ 8;
    let mut h2 = seed ^ 8;
    h1 = h1.wrapping_add(h2);
    h2 = h2.wrapping_add(h1);
    h1 = fmix64(h1);
    h2 = fmix64(h2);
    h1 = h1.wrapping_add(h2);
    h2 = h2.wrapping_add(h1);
    [h1 as u32, (h1 >> 32) as u32, h2 as u32, (h2 >> 32) as u32]
}

fn fmix64(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^= k >> 33;
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn murmur64a_matches_spacy_string_ids() {
        for (text, id) in [
            ("the", 7_425_985_699_627_899_538u64),
            ("Apple", 6_418_411_030_699_964_375),
            ("naïve", 16_224_804_062_388_677_344),
            ("’s", 614_914_527_630_368_944),
            ("Xxxxx", 16_072_095_006_890_171_862),
        ] {
            assert_eq!(murmur64a(text.as_bytes(), 1), id, "{text}");
        }
    }

    #[test]
    fn thinc_hash_matches_numpy_ops() {
        let keys = thinc_hash(7_425_985_699_627_899_538, 8);
        assert_eq!(keys, [2_332_737_498, 1_315_472_909, 1_351_622_599, 1_973_209_364]);
        assert_eq!(keys.map(|k| k % 5000), [2498, 2909, 2599, 4364]);
        let keys = thinc_hash(101, 11);
        assert_eq!(keys, [1_763_378_230, 3_759_297_338, 627_086_936, 2_342_724_702]);
        assert_eq!(keys.map(|k| k % 2500), [730, 2338, 1936, 2202]);
    }
}
