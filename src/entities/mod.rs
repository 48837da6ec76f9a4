//! Named entities: mentions in each document (the statistical model, then
//! news rules), and one identity per real entity across documents.

pub mod dateline;
pub mod gazetteer;
pub mod link;
pub mod model;
pub mod names;
pub mod particles;
pub mod rules;

use crate::clean::Cleaned;
use crate::sort;
use crate::span::Span;
use crate::tokenize::Segmentation;
use rules::{Found, StoryNames};

/// One document as entity recognition reads it.
#[derive(Clone, Copy, Debug)]
pub struct DocText<'a> {
    /// The text.
    pub text: &'a str,
    /// Its segmentation.
    pub seg: &'a Segmentation,
    /// Its body and boilerplate: only the body is read.
    pub cleaned: &'a Cleaned,
}

/// The entity mentions of each document of a story, in order: the model's,
/// with titles stripped and named events put in, then the story's names
/// wherever the model missed them (one sense per story). Mentions inside the
/// given date spans (per document) are left out: "June 2021" is a date.
/// `on_document(n)` is called once `n` documents have been through the model.
pub fn recognize_story(docs: &[DocText], dates: &[Vec<Span>], on_document: &mut dyn FnMut(usize)) -> Vec<Vec<Found>> {
    let mut all: Vec<Vec<Found>> = Vec::with_capacity(docs.len());
    for (d, dates) in docs.iter().zip(dates) {
        all.push(recognize_document(d, dates));
        on_document(all.len());
    }
    let names = StoryNames::collect(
        docs.iter().zip(&all).flat_map(|(d, found)| found.iter().map(|f| (f.span.slice(d.text), f.entity_type))),
    );
    for (doc, found) in docs.iter().zip(&mut all) {
        names.fill_gaps(doc.text, doc.seg, |s| doc.cleaned.in_body(s), found);
    }
    all
}

/// The mentions of one document before the story-level pass.
fn recognize_document(doc: &DocText, dates: &[Span]) -> Vec<Found> {
    let body: Vec<Span> = doc.seg.paragraphs.iter().copied().filter(|p| doc.cleaned.in_body(*p)).collect();
    let mut found: Vec<Found> = model::recognize_in_paragraphs(doc.text, &body)
        .into_iter()
        .filter(|(span, _)| doc.cleaned.in_body(*span))
        .map(|(span, entity_type)| Found { span, entity_type })
        .collect();
    rules::strip_titles(doc.text, &mut found);
    rules::normalize(doc.text, &mut found, dates);
    particles::join_particles(doc.text, doc.seg, &mut found);
    rules::acronym_pairs(doc.text, doc.seg, &mut found);
    // After the acronyms: "LOS ANGELES (AP)" is a place and its agency, not a name and its acronym.
    let datelines = dateline::datelines(doc.text, doc.seg, dates, |s| doc.cleaned.in_body(s));
    dateline::apply(&mut found, &datelines);
    let events: Vec<Span> =
        rules::named_events(doc.text, doc.seg).into_iter().filter(|s| doc.cleaned.in_body(*s)).collect();
    rules::apply_events(&mut found, &events);
    let speakers = rules::speaker_labels(doc.text, doc.seg, |s| doc.cleaned.in_body(s));
    found.retain(|f| !speakers.iter().any(|s| s.start < f.span.end && f.span.start < s.end));
    found.extend(speakers.into_iter().map(|span| Found { span, entity_type: crate::analysis::EntityType::Person }));
    sort::sort_by_key(&mut found, |f| f.span.start);
    found
}
