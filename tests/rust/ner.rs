//! The spaCy NER port against spaCy's own outputs (`tests/fixtures/spacy/`,
//! written by `tools/export_spacy_ner.py`): tokens, lexical features, layer
//! vectors, the first parser steps and the entities of 30 texts; plus span
//! sanity on awkward input, and the recorded mentions that the wasm build
//! is checked against (`tests/fixtures/entity-mentions.json`).

use std::collections::HashSet;

use dateline::entities::model::network::{self, SlotFeatures, TypeVectors, Vector, PAD};
use dateline::entities::model::parser::{Context, Decoder};
use dateline::entities::model::{recognize, recognize_in_paragraphs, recognize_labels, Breaks, Model};
use dateline::span::Span;
use serde_json::Value;

macro_rules! fixtures {
    ($($name:literal),* $(,)?) => {
        [$(($name, include_str!(concat!("../fixtures/spacy/", $name, ".json")))),*]
    };
}

/// The 30 fixture texts: five seed articles and 25 paragraphs.
const FIXTURES: [(&str, &str); 30] = fixtures![
    "000_b875dc7cb4238939",
    "001_20742070d9ff5207",
    "002_43bfef3a60c38498",
    "003_6ce806e75f8c3815",
    "004_325178bbba4d1dba",
    "own-01",
    "own-02",
    "own-03",
    "own-04",
    "own-05",
    "own-06",
    "own-07",
    "own-08",
    "own-09",
    "own-10",
    "own-11",
    "own-12",
    "own-13",
    "own-14",
    "own-15",
    "own-16",
    "own-17",
    "own-18",
    "own-19",
    "own-20",
    "own-21",
    "own-22",
    "own-23",
    "own-24",
    "own-25",
];

/// Largest |Δ| allowed per layer: the model's int8 weights move spaCy's f32
/// vectors by up to ~6e-2 (models/README.md); the margin covers the rest.
const TOL_EMBED: f32 = 0.05;
const TOL_TOK2VEC: f32 = 0.12;
const TOL_PROJ: f32 = 0.12;
const TOL_SCORE: f32 = 0.3;

struct Fixture {
    name: &'static str,
    json: Value,
}

impl Fixture {
    fn text(&self) -> &str {
        self.json["text"].as_str().unwrap()
    }

    fn tokens(&self) -> &Vec<Value> {
        self.json["tokens"].as_array().unwrap()
    }

    /// Each fixture token's feature ids.
    fn ids(&self) -> Vec<[u64; 4]> {
        let id = |t: &Value, key: &str| t[key].as_str().unwrap().parse::<u64>().unwrap();
        self.tokens().iter().map(|t| ["norm_id", "prefix_id", "suffix_id", "shape_id"].map(|k| id(t, k))).collect()
    }

    /// (start, end, label) in UTF-16 units.
    fn ents(&self) -> Vec<(usize, usize, String)> {
        let ents = self.json["ents"].as_array().unwrap();
        ents.iter()
            .map(|e| {
                let at = |k: &str| e[k].as_u64().unwrap() as usize;
                (at("start"), at("end"), e["label"].as_str().unwrap().to_owned())
            })
            .collect()
    }
}

fn fixtures() -> Vec<Fixture> {
    FIXTURES.iter().map(|(name, json)| Fixture { name, json: serde_json::from_str(json).unwrap() }).collect()
}

/// Byte offset → UTF-16 offset, for every char boundary of `text`.
fn utf16(text: &str, byte: usize) -> usize {
    text[..byte].encode_utf16().count()
}

fn max_diff(ours: &[f32], theirs: &Value) -> f32 {
    let theirs = theirs.as_array().unwrap();
    assert_eq!(ours.len(), theirs.len());
    ours.iter().zip(theirs).map(|(a, b)| (a - b.as_f64().unwrap() as f32).abs()).fold(0.0, f32::max)
}

/// The type vectors (embedding, step 3) of every token of a fixture.
fn embed(ids: &[[u64; 4]]) -> Vec<TypeVectors> {
    let mut types = vec![TypeVectors::default(); ids.len()];
    Model::get().network.embed(ids, &mut types, &mut network::Scratch::default());
    types
}

/// The tok2vec of every token of a fixture (whole text, padded as thinc pads).
fn tok2vec(ids: &[[u64; 4]]) -> Vec<Vector> {
    let types = embed(ids);
    let mut rows: Vec<Option<&TypeVectors>> = vec![None; PAD];
    rows.extend(types.iter().map(Some));
    rows.extend([None; PAD]);
    let mut out = Vec::new();
    Model::get().network.encode(&rows, &mut out, &mut network::Scratch::default());
    out[PAD..PAD + ids.len()].to_vec()
}

#[test]
fn model_loads() {
    let model = Model::get();
    assert_eq!(model.moves.len(), 74);
}

#[test]
fn tokens_match_spacy() {
    let tokenizer = &Model::get().tokenizer;
    let (mut same_texts, mut same_tokens, mut total) = (0, 0, 0);
    for f in fixtures() {
        let text = f.text();
        let ours: Vec<(usize, usize)> =
            tokenizer.tokenize(text).iter().map(|t| (utf16(text, t.span.start), utf16(text, t.span.end))).collect();
        let theirs: Vec<(usize, usize)> = f
            .tokens()
            .iter()
            .map(|t| (t["start"].as_u64().unwrap() as usize, t["end"].as_u64().unwrap() as usize))
            .collect();
        let ours_set: HashSet<_> = ours.iter().collect();
        same_tokens += theirs.iter().filter(|t| ours_set.contains(t)).count();
        total += theirs.len();
        if ours == theirs {
            same_texts += 1;
        } else {
            let diff: Vec<_> = theirs.iter().filter(|t| !ours_set.contains(t)).take(5).collect();
            eprintln!("{}: tokens differ, e.g. spaCy's {diff:?}", f.name);
        }
    }
    eprintln!("token parity: {same_tokens}/{total} spaCy tokens, {same_texts}/30 texts identical");
    assert_eq!(same_tokens, total);
}

#[test]
fn features_match_spacy() {
    let model = Model::get();
    for f in fixtures() {
        let text = f.text();
        let ours = model.tokenizer.tokenize(text);
        assert_eq!(ours.len(), f.tokens().len(), "{}", f.name);
        for ((token, theirs), ids) in ours.iter().zip(f.tokens()).zip(f.ids()) {
            let word = token.span.slice(text);
            let strings = model.lexicon.strings(word, token.norm);
            let want = ["norm", "prefix", "suffix", "shape"].map(|k| theirs[k].as_str().unwrap().to_owned());
            assert_eq!(strings, want, "{}: {word:?}", f.name);
            assert_eq!(model.lexicon.ids(word, token.norm), ids, "{}: {word:?}", f.name);
        }
    }
}

#[test]
fn layers_match_spacy() {
    let net = &Model::get().network;
    let (mut embed_diff, mut t2v, mut proj) = (0.0f32, 0.0f32, 0.0f32);
    for f in fixtures() {
        let layers = &f.json["layers"];
        let ids = f.ids();
        let types = embed(&ids);
        let vectors = tok2vec(&ids);
        for t in 0..layers["n_tokens"].as_u64().unwrap() as usize {
            embed_diff = embed_diff.max(max_diff(&types[t].embedding, &layers["embed"][t]));
            t2v = t2v.max(max_diff(&vectors[t], &layers["tok2vec"][t]));
            proj = proj.max(max_diff(&net.project(&vectors[t]), &layers["proj"][t]));
        }
    }
    eprintln!("max |Δ| vs spaCy (f32): embed {embed_diff:.4}, tok2vec {t2v:.4}, proj {proj:.4}");
    assert!(embed_diff <= TOL_EMBED && t2v <= TOL_TOK2VEC && proj <= TOL_PROJ);
}

#[test]
fn first_parser_steps_match_spacy() {
    let model = Model::get();
    let net = &model.network;
    let mut worst = 0.0f32;
    for f in fixtures() {
        let vectors = tok2vec(&f.ids());
        let feats: [Vec<SlotFeatures>; 3] = [0, 1, 2].map(|slot| {
            let mut out = Vec::new();
            net.features(&vectors, slot, &mut out, &mut network::Scratch::default());
            out
        });
        let mut decoder = Decoder::new();
        for (b0, step) in f.json["steps"].as_array().unwrap().iter().enumerate() {
            let tokens = decoder.state_tokens(b0);
            let want: Vec<Option<usize>> = step["state_token_ids"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| usize::try_from(v.as_i64().unwrap()).ok())
                .collect();
            assert_eq!(tokens.to_vec(), want, "{} step {b0}", f.name);
            let [b0_token, e0_token, before_token] = tokens;
            let hidden = net.hidden([
                b0_token.map(|t| &feats[0][t]),
                e0_token.map(|t| &feats[1][t]),
                before_token.map(|t| &feats[2][t]),
            ]);
            let scores: Vec<f32> = (0..model.moves.len()).map(|i| net.score(&hidden, i)).collect();
            worst = worst.max(max_diff(&scores, &step["scores"]));
            let is_space = f.tokens()[b0]["is_space"].as_bool().unwrap_or(false);
            let ctx = Context { last: b0 + 1 == f.tokens().len(), next_starts_sentence: false, is_space };
            let open = decoder.open().map(|(_, l)| l);
            let best = model.moves.best(open, ctx, |i| scores[i]);
            let m = model.moves.get(best);
            let name = match m.label {
                None => "O".to_owned(),
                Some(l) => format!("{}-{}", ["B", "I", "L", "U"][best / 18], l.name()),
            };
            assert_eq!(name, step["action"].as_str().unwrap(), "{} step {b0}", f.name);
            decoder.apply(m, b0);
        }
    }
    eprintln!("first two parser steps: max |Δ score| vs spaCy (f32) {worst:.4}");
    assert!(worst <= TOL_SCORE);
}

#[test]
fn entities_match_spacy() {
    let (mut same, mut theirs_n, mut ours_n) = (0, 0, 0);
    for f in fixtures() {
        let text = f.text();
        let ours: HashSet<(usize, usize, String)> = recognize_labels(text, Breaks::BlankLines)
            .into_iter()
            .map(|(span, label)| (utf16(text, span.start), utf16(text, span.end), label.name().to_owned()))
            .collect();
        let theirs = f.ents();
        let hits = theirs.iter().filter(|e| ours.contains(e)).count();
        if hits != theirs.len() || ours.len() != theirs.len() {
            let missing: Vec<_> = theirs.iter().filter(|e| !ours.contains(e)).collect();
            eprintln!("{}: {hits}/{} spaCy entities; missing {missing:?}", f.name, theirs.len());
        }
        same += hits;
        theirs_n += theirs.len();
        ours_n += ours.len();
    }
    let share = same as f64 / theirs_n as f64;
    eprintln!("entity parity: {same}/{theirs_n} spaCy entities identical ({:.2}%), we found {ours_n}", 100.0 * share);
    assert!(share >= 0.98, "entity parity {:.2}% below 98%", 100.0 * share);
}

/// The type vectors kept across calls are exact: a text's entities do not
/// depend on what was recognized before (forward, then backward order).
#[test]
fn results_do_not_depend_on_earlier_calls() {
    let texts: Vec<String> = fixtures().iter().map(|f| f.text().to_owned()).collect();
    let forward: Vec<_> = texts.iter().map(|t| recognize_labels(t, Breaks::BlankLines)).collect();
    for (text, first) in texts.iter().zip(&forward).rev() {
        assert_eq!(&recognize_labels(text, Breaks::BlankLines), first);
    }
}

#[test]
fn spans_are_char_boundaries_and_stay_in_paragraphs() {
    // Paragraphs joined by blank lines (CR LF, LF, U+2029), with emoji, NBSP,
    // line breaks inside paragraphs and accented names.
    let paragraphs = [
        "Emmanuel Macron 🇫🇷 met Olaf Scholz\u{a0}in Berlin.",
        "Angela Merkel 😀 said\u{a0}\u{a0}NATO — and the European Union — agreed.\r\nThe United Nations",
        "World Health Organization",
        "Joe",
        "Biden visited Kyiv, Ukraine. ÉCOLE Polytechnique and Zoë Saldaña met in São Paulo",
    ];
    let separators = ["\r\n\r\n", "\u{2029}", "\n\n", "\n \n"];
    let mut text = String::new();
    let mut spans = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        spans.push(Span::new(text.len(), text.len() + p.len()));
        text.push_str(p);
        if let Some(sep) = separators.get(i) {
            text.push_str(sep);
        }
    }
    let text = text.as_str();
    for (mode, found) in [("blank lines", recognize(text)), ("paragraphs", recognize_in_paragraphs(text, &spans))] {
        assert!(found.iter().any(|(span, _)| span.slice(text) == "Angela Merkel"), "{mode}: {found:?}");
        for (span, _) in &found {
            assert!(span.start < span.end && span.end <= text.len());
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end), "{span:?}");
            let slice = span.slice(text);
            assert_eq!(slice.trim(), slice, "{mode}: {slice:?} has surrounding whitespace");
            assert!(spans.iter().any(|p| p.contains(*span)), "{mode}: {slice:?} crosses a paragraph break");
        }
    }
}

/// Where [`mentions_match_the_recorded_file`] keeps the mentions.
const RECORDED_MENTIONS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/entity-mentions.json");

/// The fixture texts as they are and ASCII upper- and lower-cased (the
/// cased variants put many decisions close to a tie, so any change in the
/// arithmetic shows), with their names.
fn mention_texts() -> Vec<(String, &'static str, String)> {
    let mut texts = Vec::new();
    for f in fixtures() {
        let text = f.text();
        texts.push((f.name.to_owned(), "original", text.to_owned()));
        texts.push((f.name.to_owned(), "upper", text.to_ascii_uppercase()));
        texts.push((f.name.to_owned(), "lower", text.to_ascii_lowercase()));
    }
    texts
}

/// The mentions `find_entities` gives for [`mention_texts`] are the ones
/// recorded in `tests/fixtures/entity-mentions.json`; the wasm build must
/// give the same (`tests/js/entities-wasm.test.mjs`), which holds its SIMD
/// kernels to the native arithmetic. `DATELINE_BLESS=1` rewrites the file
/// (only when a change to the entities is meant).
#[test]
fn mentions_match_the_recorded_file() {
    let lines: Vec<String> = mention_texts()
        .iter()
        .map(|(name, variant, text)| {
            let mentions: Vec<Value> = dateline::find_entities(text)
                .iter()
                .map(|m| serde_json::json!([m.start, m.end, m.entity_type]))
                .collect();
            serde_json::json!({"name": name, "variant": variant, "mentions": mentions}).to_string()
        })
        .collect();
    let file = format!("[\n{}\n]\n", lines.join(",\n"));
    if std::env::var_os("DATELINE_BLESS").is_some() {
        std::fs::write(RECORDED_MENTIONS, &file).unwrap();
        return;
    }
    let recorded = std::fs::read_to_string(RECORDED_MENTIONS).unwrap();
    for (i, (got, want)) in file.lines().zip(recorded.lines()).enumerate() {
        assert_eq!(got, want, "line {} of {RECORDED_MENTIONS}", i + 1);
    }
    assert_eq!(file.lines().count(), recorded.lines().count(), "lines in {RECORDED_MENTIONS}");
}
