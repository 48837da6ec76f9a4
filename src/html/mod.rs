//! Articles given as HTML pages: the article's plain text and what the page
//! says about it (title, publication date, site name), like Mozilla
//! Readability.
//!
//! ```
//! let page = dateline::html::extract(
//!     "<html><head><title>Talks resume - Example News</title>\
//!      <script>var x = '<p>Putin</p>';</script></head>\
//!      <body><nav><a href=/>Home</a></nav>\
//!      <article><h1>Talks resume</h1><p>Envoys met in <b>Gen</b>eva on Monday.</p></article></body></html>",
//! );
//! assert_eq!(page.text, "Talks resume\n\nEnvoys met in Geneva on Monday.");
//! assert_eq!(page.title.as_deref(), Some("Talks resume"));
//! ```
//!
//! The stages: `tokenizer` (tags, text, character references via
//! `entities`) → `dom` (the tree) → `content` (which part is the article,
//! what inside it is furniture) → `text` (plain text laid out for the
//! paragraph segmenter); `meta` reads the metadata.
//!
//! # Why a hand-written parser
//!
//! This code ships in the wasm, whose non-model part is ~300 KB gzip and
//! meant to shrink. Each candidate was added to the release wasm (`node
//! scripts/build.mjs`, after `wasm-opt -O3`; before: 2,773,629 bytes, 1,975,529
//! gzip) with a minimal parse-and-walk (text nodes outside `script`, `content`
//! attributes), then this module the same way and whole:
//!
//! | added | raw | gzip | notes |
//! | --- | --- | --- | --- |
//! | `html5ever` 0.40 + `markup5ever_rcdom` | +451.5 KB | +180.7 KB | spec tree builder; the rcdom is "for tests" |
//! | `html5gum` 0.9 | +239.1 KB | +60.9 KB | spec tokenizer only: a tree builder still to write |
//! | `tl` 0.7.8 + `htmlize` 1.1 | +90.9 KB | +37.6 KB | `tl` alone +8.4 KB, but it parses `<script>` content as markup; no references |
//! | `html-escape` 0.2 | +56.3 KB | +23.2 KB | references only |
//! | this module, parse and walk | +47.8 KB | +21.5 KB | tokenizer, tree builder, the 2,125-name reference table (~11 KB gzip) |
//! | this module, all of `DocInput.html` | +90.2 KB | +38.8 KB | plus extraction, metadata (JSON-LD via `serde_json::Value`), binding |
//!
//! `tl` lets a `<script>` holding `"</div><p>…"` leak into the text, so the
//! choice was `html5gum` (+61 KB gzip before any tree, extraction or
//! metadata: ~80 KB for the feature, a quarter of the non-model code) or
//! this module (+39 KB for all of it). The module follows the WHATWG
//! tokenizer wherever text depends on it (raw-text elements, comments,
//! CDATA, quoted attributes, character references, tags cut off by the end)
//! and a compact tree builder for the rest; it never panics (see
//! `tests/rust/html.rs`: hostile and malformed markup, every prefix of a
//! page, random markup, 100,000-deep nesting).

mod content;
mod dom;
mod entities;
mod meta;
mod text;
mod tokenizer;

/// What a page gives: the article's text and the page's metadata.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    /// The article as plain text: blocks (paragraphs, headings, list items,
    /// captions) separated by blank lines, `<br>` as a line break.
    pub text: String,
    /// The article's title (`og:title`, its `<h1>`, or `<title>` without the site name).
    pub title: Option<String>,
    /// Its publication date as an ISO date (`YYYY-MM-DD`), when the page gives one.
    pub published: Option<String>,
    /// The site's name (`og:site_name`, or the JSON-LD publisher).
    pub source: Option<String>,
}

/// Extracts the article of an HTML page. Total: any string gives a `Page`
/// (perhaps with empty text).
pub fn extract(html: &str) -> Page {
    let dom = dom::parse(html);
    let content = content::select(&dom);
    let text = text::render(&dom, &content.removed, &content.roots);
    let meta = meta::read(&dom, &content);
    Page { text, title: meta.title, published: meta.published, source: meta.source }
}
