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
//! meant to shrink. Added to the release wasm (`node scripts/build.mjs`, after
//! `wasm-opt -O3`; baseline 2,773,629 bytes, 1,975,529 gzip), a minimal
//! parse-and-walk with each candidate cost, raw / gzip:
//!
//! | crate | raw | gzip | notes |
//! | --- | --- | --- | --- |
//! | `html5ever` 0.40 + `markup5ever_rcdom` | +451.5 KB | +180.7 KB | spec tree builder; the rcdom is "unsupported, for tests" |
//! | `html5gum` 0.9 (tokenizer only) | +239.1 KB | +60.9 KB | spec tokenizer; a tree builder still to write |
//! | `tl` 0.7.8 + `htmlize` 1.1 (references) | +90.9 KB | +37.6 KB | `tl` alone +8.4 KB gzip, but it parses `<script>` content as markup and decodes no references |
//! | `html-escape` 0.2 (references only) | +56.3 KB | +23.2 KB | |
//! | this module (tokenizer, tree, extraction, metadata, reference table) | +SELF_RAW | +SELF_GZIP | |
//!
//! `tl` would have let a `<script>` holding `"</div><p>…"` leak into the text,
//! so the real choice was between `html5gum` (+61 KB gzip, a fifth of the
//! non-model code) and this module; the character-reference table alone costs
//! 11 KB gzip in any of them. This module follows the WHATWG tokenizer for
//! everything that changes text (raw-text elements, comments, CDATA, quoted
//! attributes, references, unclosed tags) and a compact tree builder for the
//! rest; it never panics (see `tests/rust/html.rs`).

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
