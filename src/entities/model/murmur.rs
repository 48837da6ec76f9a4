//! The two MurmurHash functions spaCy's models depend on: MurmurHash64A
//! (spaCy's string store: a string's 64-bit id) and MurmurHash3 x86 128-bit
//! (thinc's HashEmbed: four table rows per id).

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
        for (i, &b) in tail.iter().enumerate().rev() {
            h ^= u64::from(b) << (8 * i);
        }
        h = h.wrapping_mul(M);
    }
    h ^= h >> R;
    h = h.wrapping_mul(M);
    h ^= h >> R;
    h
}

/// MurmurHash3 x86 128-bit of `data` with `seed`, as four 32-bit words.
pub fn murmur3_x86_128(data: &[u8], seed: u32) -> [u32; 4] {
    const C1: u32 = 0x239b_961b;
    const C2: u32 = 0xab0e_9789;
    const C3: u32 = 0x38b3_4ae5;
    const C4: u32 = 0xa1e3_8b93;
    let (mut h1, mut h2, mut h3, mut h4) = (seed, seed, seed, seed);
    let mut blocks = data.chunks_exact(16);
    for block in &mut blocks {
        let k = |i: usize| u32::from_le_bytes(block[4 * i..4 * i + 4].try_into().expect("4 bytes"));
        let (k1, k2, k3, k4) = (k(0), k(1), k(2), k(3));
        h1 ^= k1.wrapping_mul(C1).rotate_left(15).wrapping_mul(C2);
        h1 = h1.rotate_left(19).wrapping_add(h2).wrapping_mul(5).wrapping_add(0x561c_cd1b);
        h2 ^= k2.wrapping_mul(C2).rotate_left(16).wrapping_mul(C3);
        h2 = h2.rotate_left(17).wrapping_add(h3).wrapping_mul(5).wrapping_add(0x0bca_a747);
        h3 ^= k3.wrapping_mul(C3).rotate_left(17).wrapping_mul(C4);
        h3 = h3.rotate_left(15).wrapping_add(h4).wrapping_mul(5).wrapping_add(0x96cd_1c35);
        h4 ^= k4.wrapping_mul(C4).rotate_left(18).wrapping_mul(C1);
        h4 = h4.rotate_left(13).wrapping_add(h1).wrapping_mul(5).wrapping_add(0x32ac_3b17);
    }
    let tail = blocks.remainder();
    let mut k = [0u32; 4];
    for (i, &b) in tail.iter().enumerate() {
        k[i / 4] |= u32::from(b) << (8 * (i % 4));
    }
    if tail.len() > 12 {
        h4 ^= k[3].wrapping_mul(C4).rotate_left(18).wrapping_mul(C1);
    }
    if tail.len() > 8 {
        h3 ^= k[2].wrapping_mul(C3).rotate_left(17).wrapping_mul(C4);
    }
    if tail.len() > 4 {
        h2 ^= k[1].wrapping_mul(C2).rotate_left(16).wrapping_mul(C3);
    }
    if !tail.is_empty() {
        h1 ^= k[0].wrapping_mul(C1).rotate_left(15).wrapping_mul(C2);
    }
    let len = data.len() as u32;
    h1 ^= len;
    h2 ^= len;
    h3 ^= len;
    h4 ^= len;
    h1 = h1.wrapping_add(h2).wrapping_add(h3).wrapping_add(h4);
    h2 = h2.wrapping_add(h1);
    h3 = h3.wrapping_add(h1);
    h4 = h4.wrapping_add(h1);
    h1 = fmix(h1);
    h2 = fmix(h2);
    h3 = fmix(h3);
    h4 = fmix(h4);
    h1 = h1.wrapping_add(h2).wrapping_add(h3).wrapping_add(h4);
    h2 = h2.wrapping_add(h1);
    h3 = h3.wrapping_add(h1);
    h4 = h4.wrapping_add(h1);
    [h1, h2, h3, h4]
}

fn fmix(mut h: u32) -> u32 {
    h ^= h >> 16;
    h = h.wrapping_mul(0x85eb_ca6b);
    h ^= h >> 13;
    h = h.wrapping_mul(0xc2b2_ae35);
    h ^= h >> 16;
    h
}
