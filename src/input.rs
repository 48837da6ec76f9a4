//! What callers give `analyze`: documents and options.

use serde::Deserialize;

use crate::analysis::EntityType;

/// One document to analyse.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocInput {
    /// A stable id; defaults to `doc-N` (1-based position).
    #[serde(default)]
    pub id: Option<String>,
    /// The article's plain text.
    pub text: String,
    /// The article's title, when known; otherwise its headline line is used.
    #[serde(default)]
    pub title: Option<String>,
    /// Publication date, ISO 8601 ("2021-10-21", "2021-10-21T09:30:00Z").
    #[serde(default)]
    pub published: Option<String>,
    /// Where the article comes from (a site name or URL).
    #[serde(default)]
    pub source: Option<String>,
}

impl DocInput {
    /// A document with just its text.
    pub fn from_text(text: impl Into<String>) -> DocInput {
        DocInput { text: text.into(), ..DocInput::default() }
    }
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
