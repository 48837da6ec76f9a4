//! Dated event mentions of one document: each body clause anchored by a
//! calendar date; and the undated event sentences that may report an event
//! dated elsewhere in the story.

use super::similarity::{bag, Bag};
use crate::clean::Cleaned;
use crate::span::Span;
use crate::time::calendar::CalendarDate;
use crate::time::tense::has_past;
use crate::time::value::TimeValue;
use crate::time::Timex;
use crate::tokenize::{Segmentation, TokenKind};

/// One document as the chronology reads it.
#[derive(Clone, Copy, Debug)]
pub struct DocView<'a> {
    /// The document's text.
    pub text: &'a str,
    /// Its segmentation.
    pub seg: &'a Segmentation,
    /// Its body and boilerplate.
    pub cleaned: &'a Cleaned,
    /// Its resolved temporal expressions (body only).
    pub timexes: &'a [Timex],
}

/// An event as one document reports it.
#[derive(Clone, Debug)]
pub struct Mention {
    /// Index of the document.
    pub doc: usize,
    /// The reporting sentence.
    pub sentence: Span,
    /// The clause of the sentence that carries this event.
    pub clause: Span,
    /// Its date, when the clause has one.
    pub date: Option<EventDate>,
    /// The clause's content words.
    pub bag: Bag,
}

/// When an event happened: a TimeML value and whether it is fuzzy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventDate {
    /// The value ("2021-10-06", "2021-W40", "201X").
    pub value: TimeValue,
    /// Whether the date is approximate (a modifier, a vague expression).
    pub approximate: bool,
}

impl EventDate {
    /// First and last day.
    pub fn interval(&self) -> (CalendarDate, CalendarDate) {
        self.value.interval().expect("event dates are calendar values")
    }
}

/// Fewest content words a sentence needs to report an event.
const MIN_EVENT_WORDS: usize = 4;

/// The event mentions of one document: dated clauses, and undated sentences
/// in the past tense (candidates for events dated by other sentences).
pub fn mentions(doc_index: usize, doc: &DocView) -> (Vec<Mention>, Vec<Mention>) {
    let (mut dated, mut undated) = (Vec::new(), Vec::new());
    let tokens = &doc.seg.tokens;
    let ranges = sentence_token_ranges(doc);
    let mut timexes_of: Vec<Vec<&Timex>> = vec![Vec::new(); doc.seg.sentences.len()];
    for t in doc.timexes {
        timexes_of[t.sentence].push(t);
    }
    for (s, &sentence) in doc.seg.sentences.iter().enumerate() {
        let sentence_tokens = &tokens[ranges[s].clone()];
        if !doc.cleaned.in_body(sentence) || is_question(doc.text, sentence) {
            continue;
        }
        let words: Vec<&str> =
            sentence_tokens.iter().filter(|t| t.kind == TokenKind::Word).map(|t| t.span.slice(doc.text)).collect();
        if bag(words.iter().copied()).len() < MIN_EVENT_WORDS {
            continue; // headings, datelines, a bare date
        }
        let dates = dates_in(&timexes_of[s]);
        if dates.is_empty() {
            let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
            let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
            if has_past(&lower) {
                undated.push(Mention { doc: doc_index, sentence, clause: sentence, date: None, bag: bag(words) });
            }
            continue;
        }
        let continuation = continuation_words(doc, s, &ranges, &timexes_of);
        let all_clauses = clauses(doc.text, sentence, &dates);
        let n_clauses = all_clauses.len();
        for (k, (clause, date)) in all_clauses.into_iter().enumerate() {
            let clause_words = sentence_tokens
                .iter()
                .filter(|t| t.kind == TokenKind::Word && clause.contains(t.span))
                .map(|t| t.span.slice(doc.text));
            // The last clause goes on in a next sentence that opens with a pronoun ("It is closing…").
            let more = if k + 1 == n_clauses { continuation.clone() } else { Vec::new() };
            dated.push(Mention {
                doc: doc_index,
                sentence,
                clause,
                date: Some(date),
                bag: bag(clause_words.chain(more)),
            });
        }
    }
    (dated, undated)
}

/// The words of sentence `s + 1` when it continues sentence `s` (opens with
/// "It", "This", "They"… and has no date of its own).
fn continuation_words<'t>(
    doc: &DocView<'t>,
    s: usize,
    ranges: &[std::ops::Range<usize>],
    timexes_of: &[Vec<&Timex>],
) -> Vec<&'t str> {
    let Some(&next) = doc.seg.sentences.get(s + 1) else { return Vec::new() };
    let first_word = next.slice(doc.text).split_whitespace().next().unwrap_or("");
    let pronoun = matches!(first_word, "It" | "This" | "They" | "He" | "She" | "These" | "That" | "Its" | "Their");
    let dated = timexes_of[s + 1].iter().any(|t| t.value.is_calendar());
    if !pronoun || dated || !doc.cleaned.in_body(next) {
        return Vec::new();
    }
    doc.seg.tokens[ranges[s + 1].clone()]
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.span.slice(doc.text))
        .collect()
}

/// For each sentence, the range of its tokens in `seg.tokens`.
fn sentence_token_ranges(doc: &DocView) -> Vec<std::ops::Range<usize>> {
    let mut ranges = vec![0..0; doc.seg.sentences.len()];
    let mut first = 0;
    let tokens = &doc.seg.tokens;
    while first < tokens.len() {
        let s = tokens[first].sentence;
        let last = first + tokens[first..].iter().take_while(|t| t.sentence == s).count();
        ranges[s] = first..last;
        first = last;
    }
    ranges
}

fn is_question(text: &str, sentence: Span) -> bool {
    sentence.slice(text).trim_end_matches(['"', '”', '’', '\'', ')']).ends_with('?')
}

/// The event dates a sentence's timexes give, keeping the most specific when
/// one contains another ("in the 2000s … in 2007" gives 2007).
fn dates_in(timexes: &[&Timex]) -> Vec<(Span, EventDate)> {
    use crate::analysis::TimexMod;
    let mut found: Vec<(Span, EventDate)> = Vec::new();
    for t in timexes {
        let approximate =
            matches!(t.modifier, Some(TimexMod::Approx | TimexMod::Start | TimexMod::Mid | TimexMod::End));
        let date = if t.value.is_calendar() && !matches!(t.value, TimeValue::Century(_)) {
            EventDate { value: coarse_day(&t.value), approximate }
        } else if let Some((from, to)) = t.window {
            EventDate { value: smallest_period_containing(from, to), approximate: true }
        } else {
            continue;
        };
        found.push((t.span, date));
    }
    let contains = |a: &EventDate, b: &EventDate| {
        let ((a0, a1), (b0, b1)) = (a.interval(), b.interval());
        a0 <= b0 && b1 <= a1 && (a0, a1) != (b0, b1)
    };
    let keep: Vec<bool> = found.iter().map(|(_, d)| !found.iter().any(|(_, other)| contains(d, other))).collect();
    let mut out: Vec<(Span, EventDate)> = found.into_iter().zip(keep).filter(|(_, k)| *k).map(|(f, _)| f).collect();
    out.dedup_by(|a, b| a.1 == b.1);
    out
}

/// Times of day count as their day.
fn coarse_day(value: &TimeValue) -> TimeValue {
    match value {
        TimeValue::Time(d, _, _) | TimeValue::PartOfDay(d, _) => TimeValue::Day(*d),
        v => v.clone(),
    }
}

/// The smallest month, year, decade or century that holds both days.
pub fn smallest_period_containing(from: CalendarDate, to: CalendarDate) -> TimeValue {
    if (from.year(), from.month()) == (to.year(), to.month()) {
        TimeValue::Month(from.year(), from.month())
    } else if from.year() == to.year() {
        TimeValue::Year(from.year())
    } else if from.year() / 10 == to.year() / 10 {
        TimeValue::Decade(from.year() / 10)
    } else {
        TimeValue::Century(from.year() / 100)
    }
}

/// Splits a sentence with several dates into one clause per date: the cut
/// between two dates falls at the last comma, semicolon or dash before the
/// second, else halfway.
fn clauses(text: &str, sentence: Span, dates: &[(Span, EventDate)]) -> Vec<(Span, EventDate)> {
    let mut out = Vec::with_capacity(dates.len());
    let mut start = sentence.start;
    for (k, (span, date)) in dates.iter().enumerate() {
        let end = match dates.get(k + 1) {
            None => sentence.end,
            Some((next, _)) => {
                let between = &text[span.end..next.start];
                let cut = between
                    .char_indices()
                    .rfind(|(_, c)| matches!(c, ',' | ';' | '—' | '–'))
                    .map(|(i, c)| span.end + i + c.len_utf8());
                cut.unwrap_or_else(|| {
                    let mid = span.end + between.len() / 2;
                    (mid..next.start).find(|&i| text.is_char_boundary(i)).unwrap_or(next.start)
                })
            }
        };
        out.push((Span::new(start, end), date.clone()));
        start = end;
    }
    out
}
