//! The statistical named-entity model (spaCy `en_core_web_sm` 3.6.0's NER,
//! ported): features, network and transition-based decoding.

pub mod murmur;

#[cfg(test)]
mod tests {
    use super::murmur::*;

    #[test]
    fn murmur3_x86_128_matches_the_reference() {
        // Reference values from the mmh3 package (x86 variant).
        assert_eq!(murmur3_x86_128(b"hello", 0), [723_797_152, 3_683_770_103, 2_598_056_374, 2_598_056_374]);
        let key = 12_345_678_901_234_567_890u64.to_le_bytes();
        assert_eq!(murmur3_x86_128(&key, 7), [3_313_830_031, 3_853_986_904, 2_554_188_686, 2_554_188_686]);
    }
}
