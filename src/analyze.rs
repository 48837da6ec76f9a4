//! The pipeline: documents in, an Analysis out.

use std::collections::HashSet;

use crate::analysis::{Analysis, Dct, DctBasis, Document, Range, TokenRecord, FORMAT_VERSION};
use crate::error::Error;
use crate::input::{DocInput, Options};
use crate::offsets::Utf16Map;
use crate::span::Span;
use crate::time::calendar::CalendarDate;
use crate::tokenize::{segment, Segmentation};

/// Longest line, in chars, taken as a headline when no title is given.
const MAX_HEADLINE_CHARS: usize = 200;

/// Analyses the documents of one story.
///
/// Fails only on metadata it cannot use: an unparsable `published` date or
/// `Options.reference`, or two documents with the same id. Any text is fine.
pub fn analyze(docs: &[DocInput], options: &Options) -> Result<Analysis, Error> {
    let reference = match &options.reference {
        Some(r) => Some(parse_date(r, "options.reference")?),
        None => None,
    };
    let mut seen_ids = HashSet::new();
    let mut documents = Vec::with_capacity(docs.len());
    for (i, doc) in docs.iter().enumerate() {
        let id = doc.id.clone().unwrap_or_else(|| format!("doc-{}", i + 1));
        if !seen_ids.insert(id.clone()) {
            return Err(Error::range(format!(
                "two documents have the id {id:?}; give each document its own id"
            )));
        }
        let published = match &doc.published {
            Some(p) => Some(parse_date(p, &format!("published of document {id:?}"))?),
            None => None,
        };
        let dct = match published.or(reference) {
            Some(date) => Dct {
                value: Some(date.to_string()),
                basis: DctBasis::Given,
            },
            None => Dct {
                value: None,
                basis: DctBasis::Unknown,
            },
        };
        documents.push(analyze_document(id, doc, dct));
    }
    Ok(Analysis {
        version: FORMAT_VERSION,
        documents,
        entities: Vec::new(),
        timeline: Vec::new(),
    })
}

/// Analyses one text with default options. Total: never fails.
pub fn analyze_text(text: &str) -> Analysis {
    analyze(&[DocInput::from_text(text)], &Options::default())
        .expect("one document with no metadata always analyses")
}

/// The tokens of `text` with UTF-16 offsets (see [`crate::tokenize::segment`]).
pub fn tokenize(text: &str) -> Vec<TokenRecord> {
    let tokens = segment(text).tokens;
    let map = Utf16Map::new(text, tokens.iter().flat_map(|t| [t.span.start, t.span.end]));
    tokens
        .iter()
        .map(|t| TokenRecord {
            start: map.get(t.span.start),
            end: map.get(t.span.end),
            kind: t.kind,
            sentence: t.sentence,
        })
        .collect()
}

/// Parses documents given as JSON Lines: one [`DocInput`] object per line;
/// blank lines are skipped.
pub fn parse_doc_lines(jsonl: &str) -> Result<Vec<DocInput>, Error> {
    jsonl
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            serde_json::from_str(line)
                .map_err(|e| Error::shape(format!("line {}: not a document ({e})", i + 1)))
        })
        .collect()
}

/// Parses an ISO date given as an input field named `what`.
fn parse_date(value: &str, what: &str) -> Result<CalendarDate, Error> {
    CalendarDate::parse_iso(value).ok_or_else(|| {
        Error::range(format!("{what} is {value:?}, not an ISO 8601 date; write it as YYYY-MM-DD, e.g. \"2021-10-21\""))
    })
}

/// The per-document stages, with offsets converted to UTF-16 at the end.
fn analyze_document(id: String, doc: &DocInput, dct: Dct) -> Document {
    let text = doc.text.as_str();
    let seg = segment(text);
    let body: Vec<Span> = match (seg.paragraphs.first(), seg.paragraphs.last()) {
        (Some(first), Some(last)) => vec![Span::new(first.start, last.end)],
        _ => Vec::new(),
    };
    let title = doc
        .title
        .clone()
        .or_else(|| headline(text, &seg).map(str::to_owned));

    let boundaries = body
        .iter()
        .chain(&seg.paragraphs)
        .chain(&seg.sentences)
        .flat_map(|s| [s.start, s.end]);
    let map = Utf16Map::new(text, boundaries);
    let ranges = |spans: &[Span]| {
        spans
            .iter()
            .map(|s| Range {
                start: map.get(s.start),
                end: map.get(s.end),
            })
            .collect()
    };
    Document {
        id,
        title,
        source: doc.source.clone(),
        dct,
        body: ranges(&body),
        boilerplate: Vec::new(),
        paragraphs: ranges(&seg.paragraphs),
        sentences: ranges(&seg.sentences),
        mentions: Vec::new(),
        timexes: Vec::new(),
    }
}

/// The article's headline: a short first paragraph on one line, followed by
/// more text, that does not end like a sentence.
fn headline<'t>(text: &'t str, seg: &Segmentation) -> Option<&'t str> {
    let first = seg.paragraphs.first()?;
    let line = first.slice(text);
    let is_headline = seg.paragraphs.len() > 1
        && !line.contains(['\n', '\r'])
        && line.chars().count() <= MAX_HEADLINE_CHARS
        && !line.ends_with('.');
    is_headline.then_some(line)
}
