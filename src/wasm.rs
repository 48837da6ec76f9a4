//! The WebAssembly binding: the only module that knows about JavaScript.
//!
//! Exports plain data (serde objects, typed arrays), never handles, so
//! JavaScript never calls `.free()` (the one exception, the tokens'
//! zero-copy view, is the package wrapper's business: `releaseTokens`). Errors are real `TypeError` and
//! `RangeError` objects. The JavaScript package (`www/lib/`) wraps these
//! exports into the public API.

use std::cell::RefCell;

use js_sys::{Array, JsString, Object, Reflect};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::entities::model::weights::JsonReader;
use crate::entities::model::Model;
use crate::{DocInput, Options};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** Every `start`/`end` in these types is in UTF-16 code units, end exclusive:
 *  `text.slice(start, end)` is the item. */

/** One article to analyse: its plain `text` or its `html` page, exactly one of the two. */
export type DocInput = DocFields & (
  | {
      /** The article's plain text. */
      text: string;
      html?: never;
    }
  | {
      /** The article as an HTML page: the article's text is extracted (returned as
       *  `DocumentAnalysis.text`) and the page's title, date and site name fill in
       *  the fields not given. */
      html: string;
      text?: never;
    }
);

/** What a `DocInput` may say besides its text or page. */
export interface DocFields {
  /** A stable id; defaults to `doc-N` (1-based position). */
  id?: string;
  /** The title; otherwise the page's title (HTML) or the article's headline line. */
  title?: string;
  /** Publication date, ISO 8601 ("2021-10-21"); otherwise the page's (HTML). */
  published?: string;
  /** Where the article comes from (site name or URL); otherwise the page's site name (HTML). */
  source?: string;
}

/** Options for `analyze`. */
export interface Options {
  /** ISO date used as the creation date of documents that give none. */
  reference?: string;
  /** Entity types to keep (all when absent). */
  types?: EntityType[];
  /** Read numeric dates like 06/10/2021 day first (6 October); default month first. */
  dayFirst?: boolean;
  /** Recognize named entities (default true); the neural model is the costly stage. */
  entities?: boolean;
  /** Chronology options. */
  timeline?: { /** Keep only the most salient events. */ maxEvents?: number };
  /**
   * Called as the analysis goes: after each document is read, after each
   * document's names (the slow part), and once before the story-wide steps.
   */
  onProgress?: (progress: Progress) => void;
}

/** How far an analysis has got: `done` of `total` steps of `phase`, in this order. */
export interface Progress {
  phase: "reading" | "names" | "finishing";
  done: number;
  total: number;
}

/** Options for `findDates`. */
export interface DateOptions {
  /** The date relative expressions are resolved against (ISO 8601, e.g. "2021-10-21"). */
  reference?: string;
  /** Read numeric dates like 06/10/2021 day first (6 October); default month first. */
  dayFirst?: boolean;
}

/** A text range. */
export interface Range {
  /** First UTF-16 code unit. */
  start: number;
  /** One past the last UTF-16 code unit. */
  end: number;
}

/** One token. */
export interface Token {
  /** First UTF-16 code unit. */
  start: number;
  /** One past the last UTF-16 code unit. */
  end: number;
  /** What the token is made of. */
  kind: "word" | "number" | "punctuation" | "symbol";
  /** Index of the token's sentence. */
  sentence: number;
}

export type EntityType = "PERSON" | "ORG" | "GPE" | "LOC" | "NORP" | "EVENT" | "LAW" | "FAC" | "PRODUCT" | "WORK_OF_ART";

/** A named-entity mention. */
export interface Mention {
  /** First UTF-16 code unit. */
  start: number;
  /** One past the last UTF-16 code unit. */
  end: number;
  /** The mention's text: `text.slice(start, end)`. */
  text: string;
  type: EntityType;
  /** Id of the entity in `Analysis.entities`. */
  entity: string | null;
}

/** A temporal expression (TimeML TIMEX3). */
export interface Timex {
  /** First UTF-16 code unit. */
  start: number;
  /** One past the last UTF-16 code unit. */
  end: number;
  /** The expression's text: `text.slice(start, end)`. */
  text: string;
  type: "DATE" | "TIME" | "DURATION" | "SET";
  /** TimeML value: "2021-10-06", "P7Y", "PAST_REF". */
  value: string;
  mod: "START" | "MID" | "END" | "APPROX" | "BEFORE" | "AFTER" | null;
  /** What a relative expression was resolved against. */
  anchor: "dct" | "absolute" | "previous" | null;
}

/** Text around the article. */
export interface Boilerplate {
  /** First UTF-16 code unit. */
  start: number;
  /** One past the last UTF-16 code unit. */
  end: number;
  kind: "byline" | "author-bio" | "caption" | "credit" | "comments" | "newsletter" | "site-chrome" | "disclaimer";
}

/** The analysis of one document. */
export interface DocumentAnalysis {
  id: string;
  title: string | null;
  source: string | null;
  /** Document creation time. */
  dct: { value: string | null; basis: "given" | "inferred" | "corpus" | "unknown" };
  /** The article proper (UTF-16 ranges). */
  body: Range[];
  /** Text around the article (UTF-16 ranges). */
  boilerplate: Boilerplate[];
  /** Paragraphs, headings and standalone lines (UTF-16 ranges). */
  paragraphs: Range[];
  /** Sentences, each inside one paragraph (UTF-16 ranges). */
  sentences: Range[];
  mentions: Mention[];
  timexes: Timex[];
  /** The text extracted from `DocInput.html`, present only for HTML input: every
   *  `start`/`end` of this document (and of its timeline sources) is into it. */
  text?: string;
}

/** One real-world entity across the documents. */
export interface Entity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  documents: string[];
  mentions: number;
}

/** One event of the merged chronology. */
export interface TimelineEvent {
  id: string;
  date: {
    /** TimeML value ("2021-10-06", "2021-W42"), or for a range of dates the ISO 8601 interval of its ends ("2022-03/2023-07"). */
    value: string;
    /** First day covered (ISO date). */
    start: string;
    /** Last day covered (ISO date). */
    end: string;
    grain: "day" | "week" | "month" | "season" | "quarter" | "half" | "year" | "decade" | "century";
    approximate: boolean;
  };
  summary: string;
  participants: string[];
  /** Where each document reports it: `start`/`end` in UTF-16 code units of that document. */
  sources: { document: string; start: number; end: number }[];
  salience: number;
}

/** The result of `analyze`. */
export interface Analysis {
  version: 1;
  documents: DocumentAnalysis[];
  entities: Entity[];
  timeline: TimelineEvent[];
}
"#;

/// Analyses one story: a string, a `DocInput`, or an array of either.
#[wasm_bindgen(js_name = analyze, skip_typescript)]
pub fn analyze(docs: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let docs = doc_inputs(docs)?;
    let mut on_progress: Option<js_sys::Function> = None;
    let options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        check_keys(
            &options,
            "analyze: options",
            &["reference", "types", "entities", "dayFirst", "timeline", "onProgress"],
        )?;
        let callback = Reflect::get(&options, &"onProgress".into()).unwrap_or(JsValue::UNDEFINED);
        if !callback.is_undefined() && !callback.is_null() {
            on_progress =
                Some(callback.dyn_into().map_err(|_| type_error("analyze: options.onProgress must be a function"))?);
        }
        let timeline = Reflect::get(&options, &"timeline".into()).unwrap_or(JsValue::UNDEFINED);
        if timeline.is_object() {
            check_keys(&timeline, "analyze: options.timeline", &["maxEvents"])?;
        }
        // The callback is the binding's, not an option of the core.
        let options = if Reflect::has(&options, &"onProgress".into()).unwrap_or(false) {
            let copy = Object::assign(&Object::new(), options.unchecked_ref());
            let _ = Reflect::delete_property(&copy, &"onProgress".into());
            copy.into()
        } else {
            options
        };
        from_js(options, "analyze: options")?
    };
    if options.entities && Model::loaded().is_none() {
        return Err(js_sys::Error::new(MODEL_MISSING).into());
    }
    let mut report = |p: crate::Progress| {
        if let Some(callback) = &on_progress {
            let value = js_sys::Object::new();
            let _ = Reflect::set(&value, &"phase".into(), &p.phase.as_str().into());
            let _ = Reflect::set(&value, &"done".into(), &(p.done as f64).into());
            let _ = Reflect::set(&value, &"total".into(), &(p.total as f64).into());
            // A callback that throws does not stop the analysis.
            let _ = callback.call1(&JsValue::UNDEFINED, &value);
        }
    };
    let analysis = crate::analyze_with_progress(&docs, &options, &mut report).map_err(|e| {
        if e.is_out_of_range() {
            js_sys::RangeError::new(&format!("analyze: {e}")).into()
        } else {
            type_error(&format!("analyze: {e}"))
        }
    })?;
    to_js(&analysis)
}

const MODEL_MISSING: &str = "analyze: the entity model is not loaded yet. `await init()` loads it (or `await \
    loadModel()` after `init({ model: false })`); `initSync({ wasm, model })` takes the bytes of \
    dateline/dateline-model.bin. Without entities, pass { entities: false }.";

/// Installs the entity model from the bytes of `dateline-model.bin`; does
/// nothing if it is there already. Throws an Error for other bytes.
#[wasm_bindgen(js_name = loadModel, skip_typescript)]
pub fn load_model(bytes: Vec<u8>) -> Result<(), JsValue> {
    Model::install(bytes, &JsJson).map_err(|e| js_sys::Error::new(&format!("loadModel: {e}")).into())
}

/// JSON read by JavaScript's `JSON.parse` (no JSON parser in the wasm).
struct JsJson;

impl JsonReader for JsJson {
    fn read<T: DeserializeOwned>(&self, json: &str) -> Result<T, String> {
        let value = js_sys::JSON::parse(json).map_err(|_| "invalid JSON".to_string())?;
        serde_wasm_bindgen::from_value(value).map_err(js_message)
    }
}

/// A JSON text as a `serde_json::Value` read by `JSON.parse` (so the wasm has
/// no JSON parser), `None` if it is not JSON; the caller bounds its nesting.
pub(crate) fn json_value(json: &str) -> Option<serde_json::Value> {
    serde_wasm_bindgen::from_value(js_sys::JSON::parse(json).ok()?).ok()
}

/// The named-entity mentions of `text` (needs the entity model).
#[wasm_bindgen(js_name = findEntities, skip_typescript)]
pub fn find_entities(text: &str) -> Result<JsValue, JsValue> {
    if Model::loaded().is_none() {
        return Err(js_sys::Error::new(&MODEL_MISSING.replacen("analyze:", "findEntities:", 1)).into());
    }
    to_js(&crate::find_entities(text))
}

/// The temporal expressions of `text`, resolved against `options.reference`.
#[wasm_bindgen(js_name = findDates, skip_typescript)]
pub fn find_dates(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields, rename_all = "camelCase")]
    struct DateOptions {
        reference: Option<String>,
        #[serde(default)]
        day_first: bool,
    }
    let options: DateOptions = if options.is_undefined() || options.is_null() {
        DateOptions { reference: None, day_first: false }
    } else {
        check_keys(&options, "findDates: options", &["reference", "dayFirst"])?;
        from_js(options, "findDates: options")?
    };
    let timexes = crate::find_dates(text, options.reference.as_deref(), options.day_first)
        .map_err(|e| JsValue::from(js_sys::RangeError::new(&format!("findDates: {e}"))))?;
    to_js(&timexes)
}

thread_local! {
    /// The packed tokens of the last [`tokenize_packed`] call, kept for the
    /// view it returned until [`release_tokens`] (or the next call).
    static PACKED_TOKENS: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
}

/// Tokens of `text` packed as `[start, end, kind code, sentence]` per token
/// (UTF-16 offsets); the JavaScript wrapper turns them into objects.
///
/// The array is a view of the wasm's memory, not a copy (copying ~15 MB of
/// tokens of a 5 MB text took ~10% of `tokenize`): read it before anything
/// else calls into the wasm (a call may grow the memory and detach the view),
/// then call `releaseTokens()`.
#[wasm_bindgen(js_name = tokenizePacked)]
pub fn tokenize_packed(text: &str) -> js_sys::Uint32Array {
    PACKED_TOKENS.with_borrow_mut(|packed| {
        let tokens = crate::analyze::token_records(text);
        packed.clear();
        packed.reserve_exact(tokens.len() * 4);
        for t in tokens {
            packed.extend([t.start as u32, t.end as u32, t.kind.code(), t.sentence as u32]);
        }
        // SAFETY: the view is of `packed`, which stays allocated in the
        // thread-local until `release_tokens` or the next call; nothing
        // allocates between here and the return to JavaScript.
        unsafe { js_sys::Uint32Array::view(packed) }
    })
}

/// Frees the buffer of the last `tokenizePacked` view (which then must not be read).
#[wasm_bindgen(js_name = releaseTokens)]
pub fn release_tokens() {
    PACKED_TOKENS.with_borrow_mut(|packed| *packed = Vec::new());
}

/// The documents of an `analyze` call, with errors that say which one is wrong.
fn doc_inputs(docs: JsValue) -> Result<Vec<DocInput>, JsValue> {
    if Array::is_array(&docs) {
        Array::from(&docs).iter().enumerate().map(|(i, d)| doc_input(d, &format!("docs[{i}]"))).collect()
    } else {
        Ok(vec![doc_input(docs, "docs")?])
    }
}

fn doc_input(value: JsValue, what: &str) -> Result<DocInput, JsValue> {
    if let Some(text) = value.dyn_ref::<JsString>() {
        return Ok(DocInput::from_text(String::from(text)));
    }
    if !value.is_object() {
        return Err(type_error(&format!(
            "analyze: {what} must be a string or an object like {{text: \"...\"}}, got {}",
            value.js_typeof().as_string().unwrap_or_default()
        )));
    }
    check_keys(&value, &format!("analyze: {what}"), &["id", "text", "html", "title", "published", "source"])?;
    let doc: DocInput = from_js(value, &format!("analyze: {what}"))?;
    match (&doc.text, &doc.html) {
        (Some(_), Some(_)) => Err(type_error(&format!(
            "analyze: {what} has both text and html; give only one (text for plain text, html for a page)"
        ))),
        (None, None) => Err(type_error(&format!(
            "analyze: {what} needs text (the article's plain text) or html (its page), e.g. {{text: \"...\"}}"
        ))),
        _ => Ok(doc),
    }
}

/// Refuses an object with a key outside `allowed` (serde-wasm-bindgen ignores
/// unknown keys, so a typo like `publised` would pass silently).
fn check_keys(value: &JsValue, what: &str, allowed: &[&str]) -> Result<(), JsValue> {
    if !value.is_object() || Array::is_array(value) {
        return Err(type_error(&format!("{what} must be an object")));
    }
    for key in Object::keys(value.unchecked_ref::<Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        if !allowed.contains(&key.as_str()) {
            return Err(type_error(&format!(
                "{what} has an unknown field {key:?}; expected one of {}",
                allowed.join(", ")
            )));
        }
    }
    Ok(())
}

/// Deserializes a JS value, with errors that name the field and read as JavaScript.
fn from_js<T: DeserializeOwned>(value: JsValue, what: &str) -> Result<T, JsValue> {
    serde_path_to_error::deserialize(serde_wasm_bindgen::Deserializer::from(value)).map_err(|e| {
        let path = e.path().to_string();
        let message = js_message(e.into_inner())
            .replace("floating point", "number")
            .replace("expected usize", "expected a whole number ≥ 0")
            .replace("expected u32", "expected a whole number ≥ 0")
            .replace("a boolean", "true or false");
        let field = if path == "." { String::new() } else { format!(".{path}") };
        type_error(&format!("{what}{field}: {message}"))
    })
}

/// The message of a serde-wasm-bindgen error, without the "Error: " prefix.
fn js_message(error: serde_wasm_bindgen::Error) -> String {
    let value: JsValue = error.into();
    match value.dyn_ref::<js_sys::Error>() {
        Some(e) => String::from(e.message()),
        None => value.as_string().unwrap_or_else(|| "invalid value".into()),
    }
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_sys::Error::new(&format!("dateline: cannot return the result: {e}")).into())
}

fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(message).into()
}
