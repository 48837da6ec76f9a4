//! What callers give `analyze`: documents and options.

use std::borrow::Cow;

use serde::Deserialize;

use crate::analysis::EntityType;
use crate::error::Error;
use crate::html;

/// One document to analyse.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocInput {
    /// A stable id; defaults to `doc-N` (1-based position).
    #[serde(default)]
    pub id: Option<String>,
    /// The article's plain text. Give exactly one of `text` and `html`.
    #[serde(default)]
    pub text: Option<String>,
    /// The article as an HTML page: its text is extracted (see [`crate::html`])
    /// and the page's title, publication date and site name are used where
    /// the fields below are not given. Give exactly one of `text` and `html`.
    #[serde(default)]
    pub html: Option<String>,
    /// The article's title, when known; otherwise the page's title or the
    /// text's headline line is used.
    #[serde(default)]
    pub title: Option<String>,
    /// Publication date, ISO 8601 ("2021-10-21", "2021-10-21T09:30:00Z");
    /// otherwise the page's, for HTML.
    #[serde(default)]
    pub published: Option<String>,
    /// Where the article comes from (a site name or URL); otherwise the page's site name, for HTML.
    #[serde(default)]
    pub source: Option<String>,
}

impl DocInput {
    /// A document with just its text.
    pub fn from_text(text: impl Into<String>) -> DocInput {
        DocInput { text: Some(text.into()), ..DocInput::default() }
    }

    /// A document with just its HTML page.
    pub fn from_html(html: impl Into<String>) -> DocInput {
        DocInput { html: Some(html.into()), ..DocInput::default() }
    }

    /// The document's text and metadata: as given, or extracted from its page
    /// with the given fields first. Fails unless exactly one of `text` and
    /// `html` is given (`id` names the document in the message).
    pub(crate) fn resolve(&self, id: &str) -> Result<Resolved<'_>, Error> {
        let given = |page: Option<String>, field: &Option<String>| field.clone().or(page);
        match (&self.text, &self.html) {
            (Some(text), None) => Ok(Resolved {
                text: Cow::Borrowed(text),
                title: self.title.clone(),
                page_published: None,
                source: self.source.clone(),
                extracted: false,
            }),
            (None, Some(html)) => {
                let page = html::extract(html);
                Ok(Resolved {
                    text: Cow::Owned(page.text),
                    title: given(page.title, &self.title),
                    page_published: page.published,
                    source: given(page.source, &self.source),
                    extracted: true,
                })
            }
            (Some(_), Some(_)) => Err(Error::shape(format!(
                "document {id:?} has both text and html; give only one (text for plain text, html for a page)"
            ))),
            (None, None) => Err(Error::shape(format!(
                "document {id:?} has neither text nor html; give its plain text as text or its page as html"
            ))),
        }
    }
}

/// A document's text and metadata, ready for analysis.
pub(crate) struct Resolved<'a> {
    /// The plain text analysed (every output offset is into it).
    pub(crate) text: Cow<'a, str>,
    /// The given title, else the page's.
    pub(crate) title: Option<String>,
    /// The publication date the page gives (an ISO date), if any.
    pub(crate) page_published: Option<String>,
    /// The given source, else the page's site name.
    pub(crate) source: Option<String>,
    /// Whether `text` was extracted from HTML (and so goes into the output).
    pub(crate) extracted: bool,
}

/// Options for `analyze`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Options {
    /// ISO date used as the creation date of documents that give none.
    #[serde(default)]
    pub reference: Option<String>,
    /// Entity types to keep (all when absent).
    #[serde(default)]
    pub types: Option<Vec<EntityType>>,
    /// Recognize named entities (default true). The neural model is the
    /// costly stage: turn it off for dates, boilerplate and the chronology alone.
    #[serde(default = "yes")]
    pub entities: bool,
    /// Read numeric dates like `06/10/2021` day first (6 October); the default is month first.
    #[serde(default)]
    pub day_first: bool,
    /// Chronology options.
    #[serde(default)]
    pub timeline: TimelineOptions,
}

impl Default for Options {
    fn default() -> Options {
        Options { reference: None, types: None, entities: true, day_first: false, timeline: TimelineOptions::default() }
    }
}

fn yes() -> bool {
    true
}

/// Options for the chronology.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct TimelineOptions {
    /// Keep only the most salient events (all when absent).
    #[serde(default)]
    pub max_events: Option<usize>,
}
