//! The Analysis: the JSON contract shared by the Rust API, the CLI and JavaScript.
//!
//! Every `start`/`end` here is in **UTF-16 code units**, end exclusive, so that
//! `text.slice(start, end)` in JavaScript is the item. Inside the core, spans
//! are bytes ([`crate::span::Span`]); they are converted once per document.

use serde::{Deserialize, Serialize};

/// Version of this JSON shape; bumped on any incompatible change.
pub const FORMAT_VERSION: u32 = 1;

/// The result of analysing a set of documents (one story).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// [`FORMAT_VERSION`].
    pub version: u32,
    /// One entry per input document, in input order.
    pub documents: Vec<Document>,
    /// Real-world entities across all documents, each with one id.
    pub entities: Vec<Entity>,
    /// Dated events across all documents, sorted by date.
    pub timeline: Vec<TimelineEvent>,
}

/// The analysis of one document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The id given in the input, or `doc-N` (1-based position).
    pub id: String,
    /// The given title, else the article's headline line when it has one.
    pub title: Option<String>,
    /// Where the article comes from, as given.
    pub source: Option<String>,
    /// The document creation time (publication date).
    pub dct: Dct,
    /// The article proper (UTF-16 ranges).
    pub body: Vec<Range>,
    /// Text around the article: bylines, bios, comments… (UTF-16 ranges).
    pub boilerplate: Vec<Boilerplate>,
    /// Paragraphs, including headings and standalone lines (UTF-16 ranges).
    pub paragraphs: Vec<Range>,
    /// Sentences, in order, each inside one paragraph (UTF-16 ranges).
    pub sentences: Vec<Range>,
    /// Named-entity mentions, in order.
    pub mentions: Vec<Mention>,
    /// Temporal expressions, in order.
    pub timexes: Vec<Timex>,
    /// The text extracted from `DocInput.html`, which every offset of this
    /// document is into; absent (not serialized) for documents given as text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// A range of a document's text in UTF-16 code units, end exclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Range {
    /// First UTF-16 code unit.
    pub start: usize,
    /// One past the last UTF-16 code unit.
    pub end: usize,
}

/// The document creation time and how it was obtained.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dct {
    /// A TimeML date value ("2021-10-21"), or null when unknown.
    pub value: Option<String>,
    /// How `value` was obtained.
    pub basis: DctBasis,
}

/// How a document creation time was obtained.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DctBasis {
    /// From the input (`published`, `--dct`, `Options.reference`).
    Given,
    /// Inferred from the article's own text (a publication line, a dateline,
    /// the latest day it reports).
    Inferred,
    /// Bounded by the other articles: the latest day of the events it shares
    /// with them, or the story's latest date when the text gives none.
    Corpus,
    /// Not known.
    Unknown,
}

/// A span of text around the article, with what it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Boilerplate {
    /// First UTF-16 code unit.
    pub start: usize,
    /// One past the last UTF-16 code unit.
    pub end: usize,
    /// What the span is.
    pub kind: BoilerplateKind,
}

/// Kinds of boilerplate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BoilerplateKind {
    /// "By Jane Doe".
    Byline,
    /// A note about the author.
    AuthorBio,
    /// An image caption.
    Caption,
    /// "Source: …", photo credits.
    Credit,
    /// A comment thread.
    Comments,
    /// A newsletter or cookie prompt.
    Newsletter,
    /// Share counters, navigation, "Leave A Reply".
    SiteChrome,
    /// Legal or editorial disclaimers.
    Disclaimer,
}

/// OntoNotes named-entity types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EntityType {
    /// People.
    Person,
    /// Organizations, institutions, alliances.
    Org,
    /// Countries, cities, states.
    Gpe,
    /// Non-political places.
    Loc,
    /// Nationalities, religious or political groups.
    Norp,
    /// Named events, exercises, summits, wars.
    Event,
    /// Treaties, acts, agreements.
    Law,
    /// Buildings, airports, bridges.
    Fac,
    /// Products, vehicles, weapons.
    Product,
    /// Titles of books, songs, works.
    WorkOfArt,
}

/// One mention of a named entity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// First UTF-16 code unit.
    pub start: usize,
    /// One past the last UTF-16 code unit.
    pub end: usize,
    /// The mention's text, equal to the document text at `start..end`.
    pub text: String,
    /// The entity type.
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// Id of the entity in [`Analysis::entities`].
    pub entity: Option<String>,
}

/// A temporal expression (TimeML TIMEX3).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timex {
    /// First UTF-16 code unit.
    pub start: usize,
    /// One past the last UTF-16 code unit.
    pub end: usize,
    /// The expression's text, equal to the document text at `start..end`.
    pub text: String,
    /// DATE, TIME, DURATION or SET.
    #[serde(rename = "type")]
    pub timex_type: TimexType,
    /// The TimeML value ("2021-10-06", "P7Y", "PAST_REF").
    pub value: String,
    /// A TimeML modifier, or null.
    #[serde(rename = "mod")]
    pub modifier: Option<TimexMod>,
    /// What the value was resolved against, or null when it needs nothing.
    pub anchor: Option<Anchor>,
}

/// TIMEX3 types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period.
    Date,
    /// A time of day.
    Time,
    /// A length of time.
    Duration,
    /// A recurrence.
    Set,
}

/// TIMEX3 modifiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexMod {
    /// "early 2022".
    Start,
    /// "mid-2022".
    Mid,
    /// "late September".
    End,
    /// "around 2010".
    Approx,
    /// "before 2017".
    Before,
    /// "since 2019".
    After,
}

/// What a relative expression was resolved against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Anchor {
    /// The document creation time.
    Dct,
    /// Nothing: the expression is complete ("6 October 2021").
    Absolute,
    /// The last date mentioned before it.
    Previous,
}

/// One real-world entity across the documents.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable id ("sergei-lavrov").
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Entity type.
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// Other names it is mentioned by.
    pub aliases: Vec<String>,
    /// Ids of the documents that mention it.
    pub documents: Vec<String>,
    /// Number of mentions across all documents.
    pub mentions: usize,
}

/// One event of the merged chronology.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimelineEvent {
    /// Stable id within the Analysis ("e12").
    pub id: String,
    /// When it happened.
    pub date: EventDate,
    /// A one-line summary.
    pub summary: String,
    /// Ids of the entities taking part.
    pub participants: Vec<String>,
    /// Where each document reports it.
    pub sources: Vec<EventSource>,
    /// Importance in the story, 0 to 1.
    pub salience: f64,
}

/// The date of a timeline event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDate {
    /// TimeML value ("2021-10-06", "2021-10", "2021-SU"); for a range of dates the
    /// ISO 8601 interval of its two ends ("2022-03/2023-07").
    pub value: String,
    /// First day covered (ISO date).
    pub start: String,
    /// Last day covered (ISO date).
    pub end: String,
    /// The precision of `value`.
    pub grain: Grain,
    /// Whether the date is fuzzy ("around", "late").
    pub approximate: bool,
}

/// Precision of a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Grain {
    /// A day.
    Day,
    /// An ISO week.
    Week,
    /// A month.
    Month,
    /// A season.
    Season,
    /// A quarter.
    Quarter,
    /// A half year.
    Half,
    /// A year.
    Year,
    /// A decade.
    Decade,
    /// A century.
    Century,
}

/// Where one document reports a timeline event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventSource {
    /// The document's id.
    pub document: String,
    /// First UTF-16 code unit of the reporting sentence.
    pub start: usize,
    /// One past its last UTF-16 code unit.
    pub end: usize,
}

/// One token of a text, as `tokenize` returns it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct TokenRecord {
    /// First UTF-16 code unit.
    pub start: usize,
    /// One past the last UTF-16 code unit.
    pub end: usize,
    /// word, number, punctuation or symbol.
    pub kind: crate::tokenize::TokenKind,
    /// Index of the token's sentence in the text.
    pub sentence: usize,
}
