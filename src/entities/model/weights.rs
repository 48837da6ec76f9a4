//! The embedded model file (`models/ner-en-core-web-sm-3.6.0.bin`, format in
//! `models/README.md`), parsed once into a [`Model`].
//!
//! The file is part of the binary, so a malformed one is a build bug, not bad
//! input: loading it panics with a message naming what is wrong.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::features::Lexicon;
use super::network::Network;
use super::parser::Moves;
use super::tokenizer::Tokenizer;
use super::types::TypeCache;

/// The model file, embedded.
static MODEL_BYTES: &[u8] = include_bytes!("../../../models/ner-en-core-web-sm-3.6.0.bin");
/// spaCy's tokenizer rules for the same pipeline, embedded.
static TOKENIZER_JSON: &str = include_str!("../../../models/tokenizer-en-core-web-sm-3.6.0.json");

const MAGIC: &[u8; 8] = b"DLNER\0\0\x02";
const FORMAT_VERSION: u32 = 2;

/// Everything the recognizer needs: tokenizer, lexical features, network and
/// transition system.
pub struct Model {
    /// spaCy-compatible tokenizer.
    pub tokenizer: Tokenizer,
    /// NORM/PREFIX/SUFFIX/SHAPE ids of token texts.
    pub lexicon: Lexicon,
    /// The tok2vec, projection, lower and upper layers.
    pub network: Network,
    /// The transition system's moves, in output-row order.
    pub moves: Moves,
    /// Token types' vectors, kept across calls.
    pub(crate) types: TypeCache,
}

impl Model {
    /// The embedded model, parsed on first use.
    pub fn get() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| Model::parse(MODEL_BYTES, TOKENIZER_JSON))
    }

    /// Parses a model file and tokenizer rules. Panics if either is malformed.
    pub fn parse(bytes: &'static [u8], tokenizer_json: &str) -> Model {
        let mut file = ModelFile::parse(bytes);
        let lexicon = Lexicon::new(std::mem::take(&mut file.header.lookups));
        let network = Network::load(&file);
        let moves = Moves::new(&file.header.moves);
        assert_eq!(moves.len(), network.n_moves(), "model file: moves and upper layer disagree");
        let tokenizer = Tokenizer::from_json(tokenizer_json);
        Model { tokenizer, lexicon, network, moves, types: TypeCache::default() }
    }
}

/// The JSON header's lookup tables (see "Lexical features" in the README).
#[derive(Default, Deserialize)]
pub struct Lookups {
    /// Lexeme norms (mostly British → American spellings).
    pub lexeme_norm: HashMap<String, String>,
    /// spaCy's `BASE_NORMS` (curly quotes, dashes, currency symbols).
    pub base_norms: HashMap<String, String>,
    /// spaCy's reserved symbols and their fixed ids.
    pub string_symbols: HashMap<String, u64>,
}

#[derive(Deserialize)]
struct Header {
    format: String,
    format_version: u32,
    moves: Vec<String>,
    tensors: Vec<TensorEntry>,
    data_size: usize,
    lookups: Lookups,
}

#[derive(Deserialize)]
struct TensorEntry {
    name: String,
    shape: Vec<usize>,
    dtype: String,
    offset: usize,
    nbytes: usize,
    scale_offset: Option<usize>,
    scale_nbytes: Option<usize>,
}

/// A parsed model file: header plus the data section, borrowed from the
/// embedded bytes.
pub struct ModelFile {
    header: Header,
    data: &'static [u8],
}

/// An int8 tensor: row-major values with one f32 scale per row (last axis).
pub struct I8Tensor {
    /// The values, as the file's raw bytes (reinterpret each as `i8`).
    pub values: &'static [u8],
    /// One scale per row.
    pub scales: Vec<f32>,
    /// Row length (the last axis).
    pub row_len: usize,
}

impl I8Tensor {
    /// Row `r` as raw bytes (each an `i8`).
    pub fn row(&self, r: usize) -> &'static [u8] {
        &self.values[r * self.row_len..(r + 1) * self.row_len]
    }
}

impl ModelFile {
    /// Splits `bytes` into header and data section and checks the layout.
    pub fn parse(bytes: &'static [u8]) -> ModelFile {
        assert!(bytes.len() >= 12 && &bytes[..8] == MAGIC, "model file: bad magic (want DLNER version 2)");
        let n = u32::from_le_bytes(bytes[8..12].try_into().expect("4 bytes")) as usize;
        assert!(12 + n <= bytes.len() && (12 + n).is_multiple_of(4), "model file: bad header length {n}");
        let header: Header =
            serde_json::from_slice(&bytes[12..12 + n]).unwrap_or_else(|e| panic!("model file: bad JSON header: {e}"));
        assert_eq!(header.format, "dateline-ner", "model file: wrong format");
        assert_eq!(header.format_version, FORMAT_VERSION, "model file: wrong format version");
        let data = &bytes[12 + n..];
        assert_eq!(data.len(), header.data_size, "model file: data section size");
        for t in &header.tensors {
            let count: usize = t.shape.iter().product();
            let width = match t.dtype.as_str() {
                "f32" => 4,
                "i8" => 1,
                other => panic!("model file: tensor {} has unknown dtype {other}", t.name),
            };
            assert_eq!(t.nbytes, count * width, "model file: tensor {} size", t.name);
            assert!(
                t.offset.is_multiple_of(4) && t.offset + t.nbytes <= data.len(),
                "model file: tensor {} range",
                t.name
            );
            if t.dtype == "i8" {
                let rows = count / t.shape.last().copied().unwrap_or(1).max(1);
                let (off, len) = (t.scale_offset.unwrap_or(usize::MAX), t.scale_nbytes.unwrap_or(0));
                assert!(
                    len == rows * 4 && off.is_multiple_of(4) && off + len <= data.len(),
                    "model file: {} scales",
                    t.name
                );
            }
        }
        ModelFile { header, data }
    }

    fn entry(&self, name: &str, shape: &[usize], dtype: &str) -> &TensorEntry {
        let t = self
            .header
            .tensors
            .iter()
            .find(|t| t.name == name)
            .unwrap_or_else(|| panic!("model file: no tensor {name}"));
        assert_eq!(t.shape, shape, "model file: tensor {name} shape");
        assert_eq!(t.dtype, dtype, "model file: tensor {name} dtype");
        t
    }

    /// An f32 tensor of the given shape, copied out (row-major).
    pub fn f32s(&self, name: &str, shape: &[usize]) -> Vec<f32> {
        let t = self.entry(name, shape, "f32");
        le_f32s(&self.data[t.offset..t.offset + t.nbytes])
    }

    /// An int8 tensor of the given shape, borrowed, with its row scales.
    pub fn i8s(&self, name: &str, shape: &[usize]) -> I8Tensor {
        let t = self.entry(name, shape, "i8");
        let (off, len) = (t.scale_offset.unwrap_or(0), t.scale_nbytes.unwrap_or(0));
        I8Tensor {
            values: &self.data[t.offset..t.offset + t.nbytes],
            scales: le_f32s(&self.data[off..off + len]),
            row_len: *shape.last().expect("tensor has a shape"),
        }
    }
}

fn le_f32s(bytes: &[u8]) -> Vec<f32> {
    bytes.chunks_exact(4).map(|b| f32::from_le_bytes(b.try_into().expect("4 bytes"))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_model_loads() {
        let model = Model::get();
        assert_eq!(model.moves.len(), 74);
        assert_eq!(model.network.n_moves(), 74);
    }

    #[test]
    #[should_panic(expected = "bad magic")]
    fn a_corrupt_file_panics_with_a_message() {
        ModelFile::parse(b"not a model file");
    }
}
