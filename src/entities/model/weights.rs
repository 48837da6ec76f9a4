//! The model: `models/ner-en-core-web-sm-3.6.0.bin` (format in
//! `models/README.md`) and spaCy's tokenizer rules, parsed once into a
//! [`Model`].
//!
//! Natively both files are embedded in the binary. The wasm leaves them out
//! (they are 2 MB next to ~150 KB of code): the JavaScript package ships them
//! as one asset, `dateline-model.bin` ([`asset`]), and hands its bytes to
//! [`Model::install`]. An asset is checked against the fingerprints of the
//! files this build was made with before it is parsed, so a malformed model is
//! always a build bug, never bad input: parsing panics with a message naming
//! what is wrong.

use crate::hash::HashMap;
use std::sync::OnceLock;

use serde::de::DeserializeOwned;
use serde::Deserialize;

use super::features::Lexicon;
use super::network::Network;
use super::parser::Moves;
use super::tokenizer::Tokenizer;
use super::types::TypeCache;

/// The model file, embedded (native builds only).
#[cfg(not(target_arch = "wasm32"))]
static MODEL_BYTES: &[u8] = include_bytes!("../../../models/ner-en-core-web-sm-3.6.0.bin");
/// spaCy's tokenizer rules for the same pipeline, embedded (native builds only).
#[cfg(not(target_arch = "wasm32"))]
static TOKENIZER_JSON: &str = include_str!("../../../models/tokenizer-en-core-web-sm-3.6.0.json");

/// The model file's first bytes, before the format version byte.
const MAGIC: &[u8; 7] = b"DLNER\0\0";
/// The format version this build reads (the magic's eighth byte and the
/// header's `format_version`).
const FORMAT_VERSION: u8 = 3;

/// The installed model (natively: the embedded one, parsed on first use).
static MODEL: OnceLock<Model> = OnceLock::new();

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
    /// The model. Panics if there is none: natively there always is (the
    /// embedded one); in wasm, only after [`Model::install`].
    pub fn get() -> &'static Model {
        Model::loaded().expect("the entity model is not installed (wasm: Model::install first)")
    }

    /// The model, if there is one: natively always (the embedded model,
    /// parsed on first use); in wasm once [`Model::install`] succeeded.
    pub fn loaded() -> Option<&'static Model> {
        #[cfg(not(target_arch = "wasm32"))]
        return Some(MODEL.get_or_init(|| Model::parse(MODEL_BYTES, TOKENIZER_JSON)));
        #[cfg(target_arch = "wasm32")]
        return MODEL.get();
    }

    /// Installs the model from the bytes of a model asset (see [`asset`]),
    /// reading its JSON parts with `json`. Does nothing if a model is already
    /// there. Fails, without panicking, on bytes that are not the asset of
    /// the model this build was made with.
    pub fn install(bytes: Vec<u8>, json: &impl JsonReader) -> Result<(), String> {
        if Model::loaded().is_some() {
            return Ok(());
        }
        let (model, tokenizer) = asset::split(&bytes)?;
        asset::check(model, tokenizer)?;
        // The tensors borrow the file for as long as the program runs.
        let bytes: &'static [u8] = Vec::leak(bytes);
        let (model, tokenizer) = asset::split(bytes)?;
        let tokenizer = std::str::from_utf8(tokenizer).map_err(|_| "the tokenizer rules are not UTF-8".to_string())?;
        let _ = MODEL.set(Model::parse_with(model, tokenizer, json));
        Ok(())
    }

    /// Parses a model file and tokenizer rules. Panics if either is malformed.
    pub fn parse(bytes: &'static [u8], tokenizer_json: &str) -> Model {
        Model::parse_with(bytes, tokenizer_json, &SerdeJson)
    }

    /// [`Model::parse`], reading the JSON with `json`.
    pub fn parse_with(bytes: &'static [u8], tokenizer_json: &str, json: &impl JsonReader) -> Model {
        let mut file = ModelFile::parse_with(bytes, json);
        let lexicon = Lexicon::new(std::mem::take(&mut file.header.lookups));
        let network = Network::load(&file);
        let moves = Moves::new(&file.header.moves);
        assert_eq!(moves.len(), network.n_moves(), "model file: moves and upper layer disagree");
        let tokenizer = Tokenizer::from_json_with(tokenizer_json, json);
        Model { tokenizer, lexicon, network, moves, types: TypeCache::default() }
    }
}

/// Reads JSON into serde types. Natively [`SerdeJson`]; the wasm binding
/// passes JavaScript's `JSON.parse`, which keeps a JSON parser out of the wasm.
pub trait JsonReader {
    /// `json` as a `T`, or a message saying why not.
    fn read<T: DeserializeOwned>(&self, json: &str) -> Result<T, String>;
}

/// [`JsonReader`] with `serde_json`.
pub struct SerdeJson;

impl JsonReader for SerdeJson {
    fn read<T: DeserializeOwned>(&self, json: &str) -> Result<T, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }
}

/// The model asset of the JavaScript package (`dateline-model.bin`): the
/// model file and the tokenizer rules in one file.
///
/// ```text
/// offset 0    8 bytes  magic "DLMODEL\x01"
/// offset 8    u32      M = byte length of the model file (little-endian)
/// offset 12   u32      T = byte length of the tokenizer rules (JSON, UTF-8)
/// offset 16   M bytes  models/ner-en-core-web-sm-3.6.0.bin
/// offset 16+M T bytes  models/tokenizer-en-core-web-sm-3.6.0.json
/// ```
///
/// `scripts/build.mjs` writes it; [`pack`](asset::pack) is the same in Rust.
pub mod asset {
    /// The asset's first bytes.
    pub const MAGIC: &[u8; 8] = b"DLMODEL\x01";

    /// Byte length and FNV-1a 64 hash of the model file and of the tokenizer
    /// rules this build was made with (a test checks them against `models/`).
    pub const FINGERPRINTS: [(usize, u64); 2] = [(1_706_000, 0xc9c8_e411_24c4_56f1), (152_932, 0x1886_1a76_8331_a26a)];

    /// The asset holding `model` and `tokenizer`.
    pub fn pack(model: &[u8], tokenizer: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 + model.len() + tokenizer.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(model.len() as u32).to_le_bytes());
        out.extend_from_slice(&(tokenizer.len() as u32).to_le_bytes());
        out.extend_from_slice(model);
        out.extend_from_slice(tokenizer);
        out
    }

    /// The model file and the tokenizer rules of an asset.
    pub fn split(bytes: &[u8]) -> Result<(&[u8], &[u8]), String> {
        let len = |at: usize| u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]) as usize;
        if bytes.len() < 16 || &bytes[..8] != MAGIC {
            return Err("these bytes are not a model asset (dateline-model.bin)".into());
        }
        let (m, t) = (len(8), len(12));
        if 16 + m + t != bytes.len() {
            return Err(format!(
                "the model asset is {} bytes, its header says {}: truncated?",
                bytes.len(),
                16 + m + t
            ));
        }
        Ok((&bytes[16..16 + m], &bytes[16 + m..]))
    }

    /// Whether `model` and `tokenizer` are the files this build was made with.
    pub fn check(model: &[u8], tokenizer: &[u8]) -> Result<(), String> {
        for (part, (len, hash)) in [model, tokenizer].into_iter().zip(FINGERPRINTS) {
            if part.len() != len || fnv1a(part) != hash {
                return Err("the model asset is not the one this version of dateline was built with".into());
            }
        }
        Ok(())
    }

    /// FNV-1a, 64 bits.
    pub fn fnv1a(bytes: &[u8]) -> u64 {
        bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
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
/// model bytes.
pub struct ModelFile {
    header: Header,
    data: &'static [u8],
}

/// An int8 tensor: row-major values with one scale per row (last axis).
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
        ModelFile::parse_with(bytes, &SerdeJson)
    }

    /// [`ModelFile::parse`], reading the header with `json`.
    pub fn parse_with(bytes: &'static [u8], json: &impl JsonReader) -> ModelFile {
        assert!(bytes.len() >= 12 && &bytes[..7] == MAGIC, "model file: bad magic (want DLNER)");
        assert_eq!(
            bytes[7], FORMAT_VERSION,
            "model file: DLNER format version {}, this build reads version {FORMAT_VERSION} \
             (re-export it with tools/export_spacy_ner.py)",
            bytes[7]
        );
        let n = u32::from_le_bytes(bytes[8..12].try_into().expect("4 bytes")) as usize;
        assert!(12 + n <= bytes.len() && (12 + n).is_multiple_of(4), "model file: bad header length {n}");
        let header =
            std::str::from_utf8(&bytes[12..12 + n]).map_err(|e| e.to_string()).and_then(|h| json.read::<Header>(h));
        let header = header.unwrap_or_else(|e| panic!("model file: bad JSON header: {e}"));
        assert_eq!(header.format, "dateline-ner", "model file: wrong format");
        assert_eq!(header.format_version, u32::from(FORMAT_VERSION), "model file: header's format version");
        let data = &bytes[12 + n..];
        assert_eq!(data.len(), header.data_size, "model file: data section size");
        for t in &header.tensors {
            let count: usize = t.shape.iter().product();
            let width = match t.dtype.as_str() {
                "f32" => 4,
                "f16" => 2,
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
                    len == rows * 2 && off.is_multiple_of(4) && off + len <= data.len(),
                    "model file: {} scales",
                    t.name
                );
            }
        }
        ModelFile { header, data }
    }

    fn entry(&self, name: &str, shape: &[usize], dtypes: &[&str]) -> &TensorEntry {
        let t = self
            .header
            .tensors
            .iter()
            .find(|t| t.name == name)
            .unwrap_or_else(|| panic!("model file: no tensor {name}"));
        assert_eq!(t.shape, shape, "model file: tensor {name} shape");
        assert!(dtypes.contains(&t.dtype.as_str()), "model file: tensor {name} dtype {}", t.dtype);
        t
    }

    /// A float tensor (stored as f32 or f16) of the given shape, as f32s
    /// (row-major).
    pub fn f32s(&self, name: &str, shape: &[usize]) -> Vec<f32> {
        let t = self.entry(name, shape, &["f32", "f16"]);
        let bytes = &self.data[t.offset..t.offset + t.nbytes];
        if t.dtype == "f16" {
            le_f16s(bytes)
        } else {
            le_f32s(bytes)
        }
    }

    /// An int8 tensor of the given shape, borrowed, with its row scales.
    pub fn i8s(&self, name: &str, shape: &[usize]) -> I8Tensor {
        let t = self.entry(name, shape, &["i8"]);
        let (off, len) = (t.scale_offset.unwrap_or(0), t.scale_nbytes.unwrap_or(0));
        I8Tensor {
            values: &self.data[t.offset..t.offset + t.nbytes],
            scales: le_f16s(&self.data[off..off + len]),
            row_len: *shape.last().expect("tensor has a shape"),
        }
    }
}

fn le_f32s(bytes: &[u8]) -> Vec<f32> {
    bytes.chunks_exact(4).map(|b| f32::from_le_bytes(b.try_into().expect("4 bytes"))).collect()
}

fn le_f16s(bytes: &[u8]) -> Vec<f32> {
    bytes.chunks_exact(2).map(|b| f16_to_f32(u16::from_le_bytes([b[0], b[1]]))).collect()
}

/// The value of the IEEE 754 half-precision number with bits `h`, exactly
/// (every f16 is an f32): sign, 5 exponent bits (bias 15), 10 mantissa bits.
fn f16_to_f32(h: u16) -> f32 {
    let sign = u32::from(h >> 15) << 31;
    let exponent = u32::from(h >> 10) & 0x1f;
    let mantissa = u32::from(h) & 0x3ff;
    match exponent {
        // Zero and subnormals: mantissa · 2⁻²⁴ (exact: a power-of-two scaling).
        0 => f32::from_bits(sign | (mantissa as f32 * (1.0 / 16_777_216.0)).to_bits()),
        // Infinities and NaNs keep their payload.
        0x1f => f32::from_bits(sign | 0x7f80_0000 | mantissa << 13),
        // Normal numbers: rebias the exponent (127 − 15), widen the mantissa.
        _ => f32::from_bits(sign | (exponent + 112) << 23 | mantissa << 13),
    }
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
    fn the_fingerprints_are_those_of_the_files_in_models() {
        for (part, (len, hash)) in [MODEL_BYTES, TOKENIZER_JSON.as_bytes()].into_iter().zip(asset::FINGERPRINTS) {
            assert_eq!(
                (part.len(), asset::fnv1a(part)),
                (len, hash),
                "update asset::FINGERPRINTS to the new model files"
            );
        }
    }

    #[test]
    fn an_asset_splits_into_the_files_and_parses() {
        let packed = asset::pack(MODEL_BYTES, TOKENIZER_JSON.as_bytes());
        let (model, tokenizer) = asset::split(&packed).unwrap();
        assert_eq!((model, tokenizer), (MODEL_BYTES, TOKENIZER_JSON.as_bytes()));
        assert_eq!(asset::check(model, tokenizer), Ok(()));
        let packed: &'static [u8] = Vec::leak(packed);
        let (model, tokenizer) = asset::split(packed).unwrap();
        let parsed = Model::parse(model, std::str::from_utf8(tokenizer).unwrap());
        assert_eq!(parsed.moves.len(), 74);
    }

    #[test]
    fn other_bytes_are_refused_with_a_message() {
        let packed = asset::pack(MODEL_BYTES, TOKENIZER_JSON.as_bytes());
        assert!(asset::split(b"not a model asset").unwrap_err().contains("not a model asset"));
        assert!(asset::split(&packed[..packed.len() - 1]).unwrap_err().contains("truncated"));
        let mut changed = packed.clone();
        changed[100] ^= 1;
        let (model, tokenizer) = asset::split(&changed).unwrap();
        assert!(asset::check(model, tokenizer).unwrap_err().contains("not the one this version"));
        let other = asset::pack(b"DLNER\0\0\x03", TOKENIZER_JSON.as_bytes());
        let (model, tokenizer) = asset::split(&other).unwrap();
        assert!(asset::check(model, tokenizer).is_err());
        // Natively the embedded model is there already: installing is a no-op.
        assert_eq!(Model::install(changed, &SerdeJson), Ok(()));
    }

    #[test]
    #[should_panic(expected = "bad magic")]
    fn a_corrupt_file_panics_with_a_message() {
        ModelFile::parse(b"not a model file");
    }

    #[test]
    #[should_panic(expected = "format version 2, this build reads version 3")]
    fn a_file_of_another_format_version_panics_with_a_message() {
        let mut v2 = MODEL_BYTES.to_vec();
        v2[7] = 2;
        ModelFile::parse(Vec::leak(v2));
    }

    /// f16 → f32 against the definition, (−1)^s · 2^(e−15) · (1 + m/1024)
    /// (2^−14 · m/1024 when e = 0), computed in f64, for every bit pattern.
    #[test]
    fn every_f16_decodes_exactly() {
        for h in 0..=u16::MAX {
            let (s, e, m) = (h >> 15, i32::from((h >> 10) & 0x1f), f64::from(h & 0x3ff));
            let got = f16_to_f32(h);
            let magnitude = match e {
                0 => 2f64.powi(-14) * m / 1024.0,
                31 if m == 0.0 => f64::INFINITY,
                31 => {
                    assert!(got.is_nan() && got.to_bits() & 0x7f_ffff == u32::from(h & 0x3ff) << 13, "{h:#06x}");
                    continue;
                }
                _ => 2f64.powi(e - 15) * (1.0 + m / 1024.0),
            };
            let want = if s == 1 { -magnitude } else { magnitude };
            assert_eq!(f64::from(got), want, "{h:#06x}");
            assert_eq!(got.is_sign_negative(), s == 1, "{h:#06x}");
        }
        assert_eq!(
            [f16_to_f32(0x3c00), f16_to_f32(0xc000), f16_to_f32(0x7bff), f16_to_f32(0x0001)],
            [1.0, -2.0, 65504.0, 2f32.powi(-24)]
        );
    }
}
