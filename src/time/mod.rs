//! Time: temporal expressions (TimeML TIMEX3) and document dates.
//!
//! Recognition ([`recognize`]) finds expressions in each sentence's tokens;
//! resolution ([`resolve`]) turns them into values against the document
//! creation time (DCT) or the last date mentioned; [`dct`] infers the DCT of
//! an undated article from its own text and, failing that, from the other
//! articles of the corpus.

pub mod calendar;
pub mod dct;
pub mod expr;
pub mod lexicon;
pub mod recognize;
pub mod resolve;
pub mod tense;
pub mod value;

use crate::analysis::{Anchor, TimexMod, TimexType};
use crate::span::Span;
use crate::tokenize::Segmentation;
use calendar::CalendarDate;
use expr::Expr;
use recognize::{Candidate, RecognizeOptions, Word};
use resolve::{Anchors, Resolved};
use tense::Tense;
use value::TimeValue;

/// A temporal expression of a document, recognized but not yet resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Where it is, in bytes.
    pub span: Span,
    /// Index of its sentence.
    pub sentence: usize,
    /// What it says.
    pub expr: Expr,
    /// Its modifier.
    pub modifier: Option<TimexMod>,
    /// The tense of its clause.
    pub tense: Tense,
}

/// A resolved temporal expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timex {
    /// Where it is, in bytes.
    pub span: Span,
    /// Index of its sentence.
    pub sentence: usize,
    /// DATE, TIME, DURATION or SET.
    pub timex_type: TimexType,
    /// The TimeML value.
    pub value: TimeValue,
    /// Its modifier.
    pub modifier: Option<TimexMod>,
    /// What it was resolved against (`None`: unresolved).
    pub anchor: Option<Anchor>,
    /// For vague past expressions ("a few years ago", "recently"), the days
    /// they most likely cover; events use it to place themselves.
    pub window: Option<(CalendarDate, CalendarDate)>,
}

/// Finds the temporal expressions of a segmented text, sentence by sentence.
pub fn recognize_text(text: &str, seg: &Segmentation, options: RecognizeOptions) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut words: Vec<Word> = Vec::new();
    let mut first = 0;
    while first < seg.tokens.len() {
        let sentence = seg.tokens[first].sentence;
        let last =
            seg.tokens[first..].iter().position(|t| t.sentence != sentence).map_or(seg.tokens.len(), |n| first + n);
        words.clear();
        words.extend(seg.tokens[first..last].iter().map(|t| Word::new(text, t)));
        let candidates = recognize::recognize(&words, options);
        if !candidates.is_empty() {
            let lower: Vec<&str> = words.iter().map(|w| &*w.lower).collect();
            out.extend(candidates.into_iter().map(|c: Candidate| Mention {
                span: Span::new(words[c.first].span.start, words[c.last].span.end),
                sentence,
                tense: tense::tense_near(&lower, c.first),
                expr: c.expr,
                modifier: c.modifier,
            }));
        }
        first = last;
    }
    out
}

/// Resolves mentions in document order against `dct`, each relative one
/// also against the last calendar date mentioned before it.
pub fn resolve_mentions(mentions: &[Mention], dct: Option<CalendarDate>) -> Vec<Timex> {
    let mut anchors = Anchors { dct, previous: None, previous_day: None };
    let mut out = Vec::with_capacity(mentions.len());
    for m in mentions {
        let Some(Resolved { timex_type, value, anchor }) = resolve::resolve(&m.expr, m.tense, &anchors) else {
            continue;
        };
        if timex_type == TimexType::Date && value.is_calendar() {
            anchors.previous = Some(value.clone());
        }
        if let TimeValue::Day(d) | TimeValue::Time(d, ..) | TimeValue::PartOfDay(d, _) = value {
            anchors.previous_day = Some(d);
        }
        let window = dct.and_then(|d| resolve::vague_window(&m.expr, d));
        out.push(Timex { span: m.span, sentence: m.sentence, timex_type, value, modifier: m.modifier, anchor, window });
    }
    out
}

/// Finds and resolves the temporal expressions of one text against `reference`.
pub fn find_dates(text: &str, reference: Option<CalendarDate>, options: RecognizeOptions) -> Vec<Timex> {
    let seg = crate::tokenize::segment(text);
    resolve_mentions(&recognize_text(text, &seg, options), reference)
}
