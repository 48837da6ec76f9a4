//! Dated event mentions of one document: each body clause anchored by a
//! calendar date; and the undated event sentences that may report an event
//! dated elsewhere in the story.

use crate::hash::{HashMap, HashMapExt};

use super::similarity::{bag, name_keys, Bag};
use crate::clean::Cleaned;
use crate::sort;
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
    /// Its creation date, given or inferred, when known.
    pub dct: Option<CalendarDate>,
    /// Whether `dct` was inferred (from the text or the other articles), so the article may be later.
    pub dct_inferred: bool,
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
    /// For a sentence dated by the one before it (it goes on with the same
    /// people), that sentence: the two tell successive happenings, never one.
    pub follows: Option<Span>,
    /// The keys of the names in the clause (see [`name_keys`]).
    pub names: Vec<String>,
}

/// When an event happened: a TimeML value, or a range of two, and whether
/// it is fuzzy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventDate {
    /// The value ("2021-10-06", "2021-W40", "201X"); a range's first end.
    pub value: TimeValue,
    /// A range's last end ("between March 2022 and July 2023": July 2023).
    pub until: Option<TimeValue>,
    /// Whether the date is approximate (a modifier, a vague expression).
    pub approximate: bool,
}

impl EventDate {
    /// A single date.
    pub fn new(value: TimeValue, approximate: bool) -> Self {
        EventDate { value, until: None, approximate }
    }

    /// First and last day.
    pub fn interval(&self) -> (CalendarDate, CalendarDate) {
        let (first, last) = self.value.interval().expect("event dates are calendar values");
        let last = self.until.as_ref().and_then(TimeValue::interval).map_or(last, |(_, end)| end.max(last));
        (first, last)
    }

    /// The TimeML value, or for a range the ISO 8601 interval of its two
    /// ends ("2022-03/2023-07").
    pub fn label(&self) -> String {
        match &self.until {
            Some(until) => format!("{}/{}", self.value, until),
            None => self.value.to_string(),
        }
    }
}

/// Fewest content words a sentence needs to report an event.
const MIN_EVENT_WORDS: usize = 2;
/// Fewest content words a clause of an undated sentence needs to be compared.
const MIN_CLAUSE_WORDS: usize = 3;
/// Days before the article that "just" reaches back.
const JUST_DAYS: i64 = 7;

/// Whether a sentence tells something that has just happened: "just" before
/// a past form or after a present perfect ("has just kicked off", "just
/// completed"); a past perfect ("had just") is relative to the story, not the article.
fn just_happened(lower: &[&str]) -> bool {
    lower.iter().enumerate().any(|(i, &w)| {
        if w != "just" || i > 0 && lower[i - 1] == "had" {
            return false;
        }
        let perfect = i > 0 && matches!(lower[i - 1], "has" | "have");
        let next = lower.get(i + 1).copied().unwrap_or("");
        perfect || has_past(&[next]) && !matches!(next, "been" | "was" | "were" | "had")
    })
}

/// The date of something that just happened: the week before `dct`, as the
/// smallest period that holds it, approximate.
fn just_now(dct: CalendarDate) -> EventDate {
    let from = dct.add_days(-JUST_DAYS).unwrap_or(dct);
    EventDate::new(smallest_period_containing(from, dct), true)
}

/// The clauses of an undated sentence to compare with events: an opening
/// "After …," / "Following …," / "Responding to …," phrase tells an earlier
/// happening than the main clause, so each is compared on its own.
fn undated_clauses(text: &str, sentence: Span) -> Vec<Span> {
    let s = sentence.slice(text);
    for opener in ["After ", "Following ", "Responding to ", "In response to ", "Before "] {
        let Some(at) = s.find(opener) else { continue };
        // Only at the start, or after a speaker's name ("Igor Delanoë After …").
        let prefix: Vec<&str> = s[..at].split_whitespace().collect();
        let speaker = prefix.len() <= 3 && prefix.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase));
        if !speaker {
            continue;
        }
        if let Some(comma) = s[at..].find(", ") {
            let (opening, cut) = (sentence.start + at, sentence.start + at + comma + 1);
            return vec![Span::new(opening, cut), Span::new(cut, sentence.end)];
        }
    }
    vec![sentence]
}

/// The part of a clause a date belongs to: from the separator before it to
/// the one after it (punctuation, or "that", "but", "except").
fn governing_part(text: &str, clause: Span, date: Span) -> Span {
    const WORDS: [&str; 3] = [" that ", " but ", " except "];
    let is_mark = |c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–');
    if !clause.contains(date) {
        return clause;
    }
    let before = &text[clause.start..date.start];
    let mut start = before.rfind(is_mark).map_or(0, |i| i + 1);
    for w in WORDS {
        if let Some(i) = before.rfind(w) {
            start = start.max(i + w.len());
        }
    }
    let after = &text[date.end..clause.end];
    let mut end = after.find(is_mark).unwrap_or(after.len());
    for w in WORDS {
        if let Some(i) = after.find(w) {
            end = end.min(i);
        }
    }
    Span::new(clause.start + start, date.end + end)
}

/// Whether a clause tells what could happen rather than what happened or is
/// scheduled: a modal verb ("could", "might", "may", "would", "should") or an "if".
fn is_hypothetical(text: &str, tokens: &[crate::tokenize::Token], clause: Span) -> bool {
    let words: Vec<&str> = tokens.iter().filter(|t| t.kind == TokenKind::Word).map(|t| t.span.slice(text)).collect();
    let in_clause = tokens.iter().filter(|t| t.kind == TokenKind::Word).map(|t| clause.contains(t.span));
    words.iter().zip(in_clause).enumerate().filter(|(_, (_, inside))| *inside).any(|(k, (word, _))| {
        // "may" in lower case: "May 28" is a date.
        *word == "may"
            || match word.to_lowercase().as_str() {
                "would" => !reported_plan(&words, k),
                "could" | "might" | "should" | "if" | "unless" => true,
                _ => false,
            }
    })
}

/// Verbs that report what someone said or planned.
const REPORTING_VERBS: &[&str] =
    &["said", "told", "announced", "added", "confirmed", "promised", "pledged", "stated", "declared", "agreed"];

/// How many words before "would" a reporting verb may stand.
const REPORT_REACH: usize = 15;

/// Whether the "would" at `words[k]` tells a plan as reported ("the port
/// authority said the cranes would start moving on Saturday"), not a
/// condition ("would have sounded alarming", "it would be a disaster if…").
fn reported_plan(words: &[&str], k: usize) -> bool {
    let counterfactual = words.get(k + 1).is_some_and(|w| w.eq_ignore_ascii_case("have"));
    let negated = words.get(k + 1).is_some_and(|w| w.eq_ignore_ascii_case("not"));
    let reported =
        words[k.saturating_sub(REPORT_REACH)..k].iter().any(|w| REPORTING_VERBS.contains(&w.to_lowercase().as_str()));
    reported && !counterfactual && !negated
}

/// How many sentences after a dated one the narrative may go on with its date.
const CONTINUATION_REACH: usize = 3;

/// Longest wire dateline before its dash, in bytes.
const MAX_DATELINE: usize = 60;

/// Where the story of a sentence starts after a wire dateline: the text up to
/// a dash, when what comes before it is a short place name in capitals with
/// perhaps an agency ("BRANNOCK (Wire) —", "PORT HALDANE, March 3 –"); else
/// the sentence's start.
fn dateline_end(text: &str, sentence: Span) -> usize {
    let s = sentence.slice(text);
    // An em or en dash, or a hyphen between spaces ("LONDON (Reuters) - ").
    let is_dash =
        |i: usize, c: char| matches!(c, '—' | '–') || c == '-' && s[..i].ends_with(' ') && s[i + 1..].starts_with(' ');
    let Some((at, dash)) = s.char_indices().take_while(|(i, _)| *i <= MAX_DATELINE).find(|&(i, c)| is_dash(i, c))
    else {
        return sentence.start;
    };
    let prefix = &s[..at];
    let capitals = prefix.split_whitespace().next().is_some_and(|w| {
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase())
    });
    if capitals && prefix.split_whitespace().count() <= 6 {
        sentence.start + at + dash.len_utf8()
    } else {
        sentence.start
    }
}

/// The last dated sentence, which the next may go on from.
struct Previous<'t> {
    index: usize,
    sentence: Span,
    date: EventDate,
    words: Vec<&'t str>,
}

/// Capitalized words (not stopwords), lower-cased: the names a sentence gives.
fn names(words: &[&str]) -> Vec<String> {
    words
        .iter()
        .filter(|w| w.chars().count() >= 3 && w.starts_with(char::is_uppercase))
        .map(|w| w.to_lowercase())
        .filter(|w| !super::similarity::is_stopword(w))
        .collect()
}

/// Whether a sentence names someone or something that the previous one
/// names too and that few sentences of the article name (a side figure the
/// narrative follows, not the story's constant "NATO" or "Moscow").
fn shares_name(previous: &[&str], words: &[&str], sentences_naming: &HashMap<String, usize>) -> bool {
    let before = names(previous);
    names(words)
        .into_iter()
        .any(|n| before.contains(&n) && sentences_naming.get(&n).is_some_and(|&k| k <= RARE_NAME_SENTENCES))
}

/// Most sentences of an article that may name a side figure.
const RARE_NAME_SENTENCES: usize = 3;

/// For each name of an article, the number of its sentences that give it.
fn sentences_naming(doc: &DocView, ranges: &[std::ops::Range<usize>]) -> HashMap<String, usize> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for range in ranges {
        let words: Vec<&str> = doc.seg.tokens[range.clone()]
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.span.slice(doc.text))
            .collect();
        let mut seen = names(&words);
        sort::sort(&mut seen);
        seen.dedup();
        for n in seen {
            *counts.entry(n).or_insert(0) += 1;
        }
    }
    counts
}

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
    let mut previous: Option<Previous> = None;
    let naming = sentences_naming(doc, &ranges);
    for (s, &sentence) in doc.seg.sentences.iter().enumerate() {
        let publication = crate::time::dct::is_publication_line(doc.text, doc.seg, sentence);
        if !doc.cleaned.in_body(sentence) || is_question(doc.text, sentence) || publication {
            continue;
        }
        // The words after a wire dateline ("BRANNOCK (Wire) — Two workers…").
        let told = Span::new(dateline_end(doc.text, sentence), sentence.end);
        let all_tokens = &tokens[ranges[s].clone()];
        let sentence_tokens = &all_tokens[all_tokens.partition_point(|t| t.span.start < told.start)..];
        let words: Vec<&str> =
            sentence_tokens.iter().filter(|t| t.kind == TokenKind::Word).map(|t| t.span.slice(doc.text)).collect();
        if bag(words.iter().copied()).len() < MIN_EVENT_WORDS {
            continue; // headings, datelines, a bare date
        }
        // A dateline's date is the article's, not an event's.
        let mut told_timexes: Vec<&Timex> =
            timexes_of[s].iter().copied().filter(|t| t.span.start >= told.start).collect();
        // "held every two years since 2005, would return in 2025": a state's start is
        // no event's date when the sentence dates something else.
        let since = |t: &&Timex| t.modifier == Some(crate::analysis::TimexMod::After);
        if told_timexes.iter().any(|t| !since(t) && t.value.is_calendar()) {
            told_timexes.retain(|t| !since(t));
        }
        let mut dates = dates_in(doc.text, &told_timexes);
        let mut follows = None;
        if dates.is_empty() {
            let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
            let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
            let quoted = sentence.slice(doc.text).starts_with(['"', '“', '‘', '\'']);
            let went_on = previous.as_ref().filter(|p| {
                !quoted
                    && doc.dct.is_none_or(|dct| p.date.interval().1 <= dct)
                    && s - p.index <= CONTINUATION_REACH
                    && shares_name(&p.words, &words, &naming)
            });
            match (just_happened(&lower), doc.dct, went_on) {
                // "has just visited": the days before the article, an event of its own.
                (true, Some(dct), _) => {
                    let just = sentence_tokens.iter().find(|t| t.span.slice(doc.text).eq_ignore_ascii_case("just"));
                    dates.push((just.map_or(sentence, |t| t.span), just_now(dct)));
                }
                // "Kerry was open to the idea, but…" after a dated sentence on Kerry.
                (false, _, Some(p)) if has_past(&lower) => {
                    dates.push((sentence, p.date.clone()));
                    follows = Some(p.sentence);
                }
                _ => {
                    if has_past(&lower) {
                        for clause in undated_clauses(doc.text, sentence) {
                            let clause_words = sentence_tokens
                                .iter()
                                .filter(|t| t.kind == TokenKind::Word && clause.contains(t.span))
                                .map(|t| t.span.slice(doc.text));
                            let bag = bag(clause_words);
                            if bag.len() >= MIN_CLAUSE_WORDS {
                                undated.push(Mention {
                                    doc: doc_index,
                                    sentence,
                                    clause,
                                    date: None,
                                    bag,
                                    follows: None,
                                    names: Vec::new(),
                                });
                            }
                        }
                    }
                    continue;
                }
            }
        }
        if follows.is_none() {
            let last = dates.last().expect("dated").1.clone();
            previous = Some(Previous { index: s, sentence, date: last, words: words.clone() });
        } else {
            previous = None;
        }
        let continuation = continuation_words(doc, s, &ranges, &timexes_of);
        let all_clauses =
            without_thin_clauses(doc.text, sentence_tokens, &told_timexes, clauses(doc.text, told, &dates));
        let n_clauses = all_clauses.len();
        for (k, (clause, date_span, date)) in all_clauses.into_iter().enumerate() {
            if is_hypothetical(doc.text, sentence_tokens, governing_part(doc.text, clause, date_span)) {
                continue; // "could ask the state…", "might run again in 2026"
            }
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
                bag: bag(clause_words.clone().chain(more)),
                follows,
                names: name_keys(clause_words),
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
fn dates_in(text: &str, timexes: &[&Timex]) -> Vec<(Span, EventDate)> {
    let mut found: Vec<(Span, EventDate)> = Vec::new();
    let mut k = 0;
    while k < timexes.len() {
        let t = timexes[k];
        k += 1;
        let Some(mut date) = event_date(t) else { continue };
        let mut span = t.span;
        // "between March 2022 and July 2023", "Nov. 6-7": one date, a range.
        if let Some(last) = timexes.get(k).filter(|next| joins_range(text, t.span, next.span)) {
            if let Some(end) = event_date(last).filter(|end| date.interval().0 < end.interval().1) {
                if end.until.is_none() && date.until.is_none() {
                    date = EventDate {
                        value: date.value,
                        until: Some(end.value),
                        approximate: date.approximate || end.approximate,
                    };
                    span = Span::new(span.start, last.span.end);
                    k += 1;
                }
            }
        }
        found.push((span, date));
    }
    // "at 6 a.m. on 3 March": a time of day is the day the sentence names, if it names one.
    let names_day = timexes.iter().any(|t| matches!(t.value, TimeValue::Day(_)));
    if names_day {
        found.retain(|(span, _)| {
            !timexes
                .iter()
                .any(|t| t.span == *span && matches!(t.value, TimeValue::Time(..) | TimeValue::PartOfDay(..)))
        });
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

/// The date of one timex, if it places an event: a calendar value, or the
/// window of a vague past ("a few years ago").
fn event_date(t: &Timex) -> Option<EventDate> {
    use crate::analysis::TimexMod;
    let approximate = matches!(t.modifier, Some(TimexMod::Approx | TimexMod::Start | TimexMod::Mid | TimexMod::End));
    if t.value.is_calendar() && !matches!(t.value, TimeValue::Century(_)) {
        Some(EventDate::new(coarse_day(&t.value), approximate))
    } else {
        t.window.map(|(from, to)| EventDate::new(smallest_period_containing(from, to), true))
    }
}

/// Words that join the two ends of a range of dates.
const RANGE_JOINS: &[&str] = &["-", "–", "—", "to", "through", "thru", "until", "till"];

/// Whether two dates of a sentence are the ends of one range: "from 2014 to
/// 2022", "Oct. 5 through 9", "Nov. 6-7", "between March 2022 and July 2023".
pub fn joins_range(text: &str, first: Span, second: Span) -> bool {
    let between = text[first.end..second.start].trim().to_ascii_lowercase();
    RANGE_JOINS.contains(&between.as_str())
        || between == "and" && text[..first.start].trim_end().to_ascii_lowercase().ends_with("between")
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

/// The clauses of a sentence with several dates, those that tell nothing
/// but their date ("… from a peak of 9.1% | in June 2022", "… rising to 4.4%
/// | by the end of next year") joined to the clause before (or, first, the one
/// after): they qualify its event rather than report one. A thin clause has
/// fewer than [`MIN_EVENT_WORDS`] content words outside its dates.
fn without_thin_clauses(
    text: &str,
    tokens: &[crate::tokenize::Token],
    timexes: &[&Timex],
    clauses: Vec<(Span, Span, EventDate)>,
) -> Vec<(Span, Span, EventDate)> {
    if clauses.len() < 2 {
        return clauses;
    }
    let thin = |clause: Span| {
        let words = tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Word && clause.contains(t.span))
            .filter(|t| !timexes.iter().any(|x| x.span.contains(t.span)))
            .map(|t| t.span.slice(text));
        bag(words).len() < MIN_EVENT_WORDS
    };
    let mut out: Vec<(Span, Span, EventDate)> = Vec::with_capacity(clauses.len());
    let mut pending: Option<usize> = None; // the start of thin clauses before the first kept one
    for (clause, date_span, date) in clauses {
        if thin(clause) {
            match out.last_mut() {
                Some(last) => last.0.end = clause.end,
                None => pending = Some(pending.unwrap_or(clause.start)),
            }
            continue;
        }
        let start = pending.take().unwrap_or(clause.start);
        out.push((Span::new(start, clause.end), date_span, date));
    }
    out
}

/// Whether a stretch of text has a word that marks a tense (a verb).
fn has_tense_cue(stretch: &str) -> bool {
    let lower: Vec<String> = stretch.split_whitespace().map(str::to_lowercase).collect();
    let words: Vec<&str> = lower.iter().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric())).collect();
    crate::time::tense::has_cue(&words)
}

/// Splits a sentence with several dates into one clause per date: the cut
/// between two dates falls at the last comma, semicolon or dash before the
/// second (before a "that" when that comma would leave a clause with no
/// verb), else before the last "and", "but", "then", "before" or "after"
/// between them, else before a "that" whose clause tells a plan ("would",
/// "will"), else before the word that leads to it. Each clause comes
/// with its date's span.
fn clauses(text: &str, sentence: Span, dates: &[(Span, EventDate)]) -> Vec<(Span, Span, EventDate)> {
    let mut out = Vec::with_capacity(dates.len());
    let mut start = sentence.start;
    for (k, (span, date)) in dates.iter().enumerate() {
        let end = match dates.get(k + 1) {
            None => sentence.end,
            Some((next, _)) => {
                let between = &text[span.end..next.start];
                let comma = between
                    .char_indices()
                    .rfind(|(_, c)| matches!(c, ',' | ';' | '—' | '–'))
                    .map(|(i, c)| span.end + i + c.len_utf8());
                // "Earlier this month, the chief executive, Amin Nasser, | told…": a cut
                // that leaves the first clause without a verb was an apposition's
                // comma; the reported clause starts at its "that" instead.
                let that = between.rfind(" that ").map(|i| span.end + i + 1);
                let cut = match (comma, that) {
                    (Some(c), Some(t)) if !has_tense_cue(&text[start..c]) => Some(t),
                    _ => comma,
                };
                // Else before a conjunction that opens the second's clause ("… in June 2022 |
                // and opened talks last December"), else before the word that leads to the
                // second date ("… at 6 a.m. | on 3 March").
                let conjunction = [" and ", " but ", " then ", " before ", " after "]
                    .iter()
                    .filter_map(|c| between.rfind(c).map(|i| span.end + i + 1))
                    .max()
                    // "… told the committee on Thursday | that the exercise would go ahead in June":
                    // a reported plan is an event of its own.
                    .or(that.filter(|&t| [" would ", " will "].iter().any(|w| text[t..next.start].contains(w))));
                cut.or(conjunction).unwrap_or_else(|| {
                    let lead = between.trim_end();
                    let space = lead.char_indices().rfind(|(_, c)| c.is_whitespace());
                    space.map_or(next.start, |(i, c)| span.end + i + c.len_utf8())
                })
            }
        };
        out.push((Span::new(start, end), *span, date.clone()));
        start = end;
    }
    out
}
