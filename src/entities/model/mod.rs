//! The statistical named-entity model: spaCy `en_core_web_sm` 3.6.0's NER,
//! ported (tokenizer, lexical features, network, transition-based decoding).
//!
//! ```
//! use dateline::analysis::EntityType;
//! use dateline::entities::model::recognize;
//! let text = "Jens Stoltenberg said NATO would not change course.";
//! let found = recognize(text);
//! assert!(found.iter().any(|(span, t)| span.slice(text) == "NATO" && *t == EntityType::Org));
//! ```
//!
//! The whole text is one spaCy document (so every token sees the same context
//! as in spaCy), processed in windows of tokens so that memory stays bounded;
//! entities never cross a paragraph break.

pub mod features;
mod kernel;
mod lanes;
pub mod murmur;
pub mod network;
pub mod parser;
mod pipeline;
mod regex;
pub mod tokenizer;
mod types;
pub mod weights;

use crate::analysis::EntityType;
use crate::span::Span;

pub use pipeline::Breaks;
pub use weights::Model;

/// The 18 OntoNotes labels the model predicts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    /// People.
    Person,
    /// Nationalities, religious or political groups.
    Norp,
    /// Buildings, airports, highways, bridges.
    Fac,
    /// Companies, agencies, institutions.
    Org,
    /// Countries, cities, states.
    Gpe,
    /// Non-GPE locations.
    Loc,
    /// Objects, vehicles, foods (not services).
    Product,
    /// Named events.
    Event,
    /// Titles of books, songs, works.
    WorkOfArt,
    /// Named documents made into laws.
    Law,
    /// Named languages.
    Language,
    /// Dates and periods.
    Date,
    /// Times of day.
    Time,
    /// Percentages.
    Percent,
    /// Monetary values.
    Money,
    /// Measurements.
    Quantity,
    /// "first", "second".
    Ordinal,
    /// Other numerals.
    Cardinal,
}

const LABEL_NAMES: [(Label, &str); 18] = [
    (Label::Person, "PERSON"),
    (Label::Norp, "NORP"),
    (Label::Fac, "FAC"),
    (Label::Org, "ORG"),
    (Label::Gpe, "GPE"),
    (Label::Loc, "LOC"),
    (Label::Product, "PRODUCT"),
    (Label::Event, "EVENT"),
    (Label::WorkOfArt, "WORK_OF_ART"),
    (Label::Law, "LAW"),
    (Label::Language, "LANGUAGE"),
    (Label::Date, "DATE"),
    (Label::Time, "TIME"),
    (Label::Percent, "PERCENT"),
    (Label::Money, "MONEY"),
    (Label::Quantity, "QUANTITY"),
    (Label::Ordinal, "ORDINAL"),
    (Label::Cardinal, "CARDINAL"),
];

impl Label {
    /// The OntoNotes name ("PERSON", "WORK_OF_ART").
    pub fn name(self) -> &'static str {
        LABEL_NAMES.iter().find(|(l, _)| *l == self).map(|(_, n)| *n).expect("every label has a name")
    }

    /// The label named `name`.
    pub fn from_name(name: &str) -> Option<Label> {
        LABEL_NAMES.iter().find(|(_, n)| *n == name).map(|(l, _)| *l)
    }

    /// The entity type Dateline reports, or `None` for the labels it drops
    /// (dates, times, numbers, money, quantities, languages).
    pub fn entity_type(self) -> Option<EntityType> {
        Some(match self {
            Label::Person => EntityType::Person,
            Label::Norp => EntityType::Norp,
            Label::Fac => EntityType::Fac,
            Label::Org => EntityType::Org,
            Label::Gpe => EntityType::Gpe,
            Label::Loc => EntityType::Loc,
            Label::Product => EntityType::Product,
            Label::Event => EntityType::Event,
            Label::WorkOfArt => EntityType::WorkOfArt,
            Label::Law => EntityType::Law,
            _ => return None,
        })
    }
}

/// Named entities in `text` as byte spans with their type, in order, never
/// overlapping and never crossing a blank line. Dates, times, numbers, money,
/// quantities and languages are left out.
pub fn recognize(text: &str) -> Vec<(Span, EntityType)> {
    keep_types(recognize_labels(text, Breaks::BlankLines))
}

/// Like [`recognize`], with entities kept inside the given paragraphs (sorted,
/// non-overlapping byte spans); tokens outside every paragraph end entities too.
pub fn recognize_in_paragraphs(text: &str, paragraphs: &[Span]) -> Vec<(Span, EntityType)> {
    keep_types(recognize_labels(text, Breaks::Paragraphs(paragraphs)))
}

/// All entities the model finds, with all 18 labels; none when there is no
/// model (in wasm, before [`Model::install`]).
pub fn recognize_labels(text: &str, breaks: Breaks<'_>) -> Vec<(Span, Label)> {
    match Model::loaded() {
        Some(model) => pipeline::run(model, text, breaks),
        None => Vec::new(),
    }
}

fn keep_types(found: Vec<(Span, Label)>) -> Vec<(Span, EntityType)> {
    found.into_iter().filter_map(|(span, label)| Some((span, label.entity_type()?))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip() {
        for (label, name) in LABEL_NAMES {
            assert_eq!(Label::from_name(name), Some(label));
            assert_eq!(label.name(), name);
        }
        assert_eq!(Label::Language.entity_type(), None);
        assert_eq!(Label::WorkOfArt.entity_type(), Some(EntityType::WorkOfArt));
    }

    #[test]
    fn empty_and_blank_texts_have_no_entities() {
        assert!(recognize("").is_empty());
        assert!(recognize(" \n\n\t ").is_empty());
    }
}
