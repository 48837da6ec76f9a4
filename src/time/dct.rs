//! Document creation time (DCT) inference for undated articles.
//!
//! In order: a publication line ("Published 21 October 2021", a date alone on
//! a short line near the top or bottom); else the latest day the article
//! reports in a non-future clause, yearless days taking the year of the
//! article's latest explicit date; else, across the corpus, the story's main
//! moment among the other articles' dates ([`infer_from_corpus`]) — the hook
//! where the chronology's shared events can bound a date more tightly.

use super::calendar::CalendarDate;
use super::expr::Expr;
use super::tense::Tense;
use super::Mention;
use crate::span::Span;
use crate::tokenize::Segmentation;

/// Longest line, in tokens, read as a publication line.
const MAX_PUBLICATION_LINE_TOKENS: usize = 16;
/// How many paragraphs at each end of an article may hold its publication line.
const PUBLICATION_LINE_REACH: usize = 6;

/// The DCT an article states or implies by itself, if any.
pub fn infer_from_text(text: &str, seg: &Segmentation, mentions: &[Mention]) -> Option<CalendarDate> {
    publication_line(text, seg, mentions)
        .or_else(|| dateline(text, seg, mentions))
        .or_else(|| latest_reported_day(mentions, None))
}

/// A wire-style dateline opening one of the first paragraphs: "MOSCOW, Oct.
/// 21 (Reuters) —" or "Brussels, 21 October 2021 –". A yearless one takes the
/// year of the article's latest explicit date.
fn dateline(text: &str, seg: &Segmentation, mentions: &[Mention]) -> Option<CalendarDate> {
    let opening = seg.paragraphs.iter().take(3);
    for paragraph in opening {
        let Some(m) = mentions.iter().find(|m| paragraph.contains(m.span)) else { continue };
        let Expr::Calendar { year, month, day: Some(day) } = m.expr else { continue };
        let before = &text[paragraph.start..m.span.start];
        let after = text[m.span.end..paragraph.end].trim_start();
        let place = before.trim_end().strip_suffix(',').map(str::trim);
        let is_place = place.is_some_and(|p| {
            (2..=40).contains(&p.len())
                && p.starts_with(|c: char| c.is_uppercase())
                && p.chars().all(|c| c.is_alphabetic() || " .'-".contains(c))
        });
        let after_agency = match after.strip_prefix('(') {
            Some(rest) => rest.split_once(')').map_or("", |(_, r)| r.trim_start()),
            None => after,
        };
        if is_place && after_agency.starts_with(['-', '–', '—', ':']) {
            let year = year.or_else(|| explicit_year(mentions))?;
            return CalendarDate::new(year, month, day);
        }
    }
    None
}

/// The latest year written with a month or day in the article ("June 2021").
fn explicit_year(mentions: &[Mention]) -> Option<i32> {
    mentions
        .iter()
        .filter_map(|m| match m.expr {
            Expr::Calendar { year: Some(y), .. } => Some(y),
            _ => None,
        })
        .max()
}

/// A full date on a short line near either end of the article, preferring
/// lines that say "published", "updated" or "posted".
fn publication_line(text: &str, seg: &Segmentation, mentions: &[Mention]) -> Option<CalendarDate> {
    let n = seg.paragraphs.len();
    let near_an_end = |p: usize| p < PUBLICATION_LINE_REACH || p + PUBLICATION_LINE_REACH >= n;
    let mut best: Option<(bool, CalendarDate)> = None;
    for m in mentions {
        let Expr::Calendar { year: Some(y), month, day: Some(d) } = m.expr else { continue };
        // Paragraphs are sorted and disjoint: the last one starting at or before the mention.
        let Some(p) = seg.paragraphs.partition_point(|p| p.start <= m.span.start).checked_sub(1) else { continue };
        let paragraph: Span = seg.paragraphs[p];
        if !near_an_end(p) || !paragraph.contains(m.span) || token_count(seg, paragraph) > MAX_PUBLICATION_LINE_TOKENS {
            continue;
        }
        let line = paragraph.slice(text).to_ascii_lowercase();
        let cued = ["published", "updated", "posted", "last modified", "date:"].iter().any(|c| line.contains(c));
        let Some(date) = CalendarDate::new(y, month, d) else { continue };
        if best.is_none_or(|(best_cued, _)| cued && !best_cued) {
            best = Some((cued, date));
        }
    }
    best.map(|(_, date)| date)
}

/// Words that open a publication line ("Updated 4 November 2023, 18:05 GMT").
const PUBLICATION_CUES: &[&str] = &["published", "updated", "posted", "last modified", "last updated", "date:"];

/// Whether a short line states when the article was published or updated:
/// the article's date, not an event of its story.
pub fn is_publication_line(text: &str, seg: &Segmentation, line: Span) -> bool {
    let line_text = line.slice(text).trim_start();
    let cued = |cue: &&str| line_text.get(..cue.len()).is_some_and(|p| p.eq_ignore_ascii_case(cue));
    token_count(seg, line) <= MAX_PUBLICATION_LINE_TOKENS && PUBLICATION_CUES.iter().any(cued)
}

/// Number of tokens inside `span` (tokens are sorted).
fn token_count(seg: &Segmentation, span: Span) -> usize {
    let first = seg.tokens.partition_point(|t| t.span.start < span.start);
    let end = seg.tokens.partition_point(|t| t.span.start < span.end);
    end - first
}

/// The latest day reported in a clause in the past tense, else in one that
/// is not in the future tense ("Parliament meets on June 18" is a plan, not
/// news, when the article also says what happened). Yearless days take the
/// year of the latest explicit year-bearing date, or of `reference` when
/// given; without either they are skipped.
fn latest_reported_day(mentions: &[Mention], reference: Option<CalendarDate>) -> Option<CalendarDate> {
    latest_day(mentions, reference, |tense| tense == Tense::Past)
        .or_else(|| latest_day(mentions, reference, |tense| tense != Tense::Future))
}

/// The latest day of the mentions in a clause of an accepted tense.
fn latest_day(
    mentions: &[Mention],
    reference: Option<CalendarDate>,
    accept: impl Fn(Tense) -> bool,
) -> Option<CalendarDate> {
    let explicit_year = explicit_year(mentions);
    mentions
        .iter()
        .filter(|m| accept(m.tense))
        .filter_map(|m| match m.expr {
            Expr::Calendar { year: Some(y), month, day: Some(d) } => CalendarDate::new(y, month, d),
            Expr::Calendar { year: None, month, day: Some(d) } => match (explicit_year, reference) {
                (Some(y), _) => CalendarDate::new(y, month, d),
                (None, Some(r)) => nearest_year(r, month, d),
                (None, None) => None,
            },
            _ => None,
        })
        .max()
}

/// The date with this month and day closest to `reference`.
fn nearest_year(reference: CalendarDate, month: u8, day: u8) -> Option<CalendarDate> {
    (reference.year() - 1..=reference.year() + 1)
        .filter_map(|y| CalendarDate::new(y, month, day))
        .min_by_key(|d| (d.to_days() - reference.to_days()).abs())
}

/// How many days a story's main moment spans: the window of known dates
/// that anchors the articles with no date of their own.
const STORY_WINDOW_DAYS: i64 = 31;

/// Dates for the articles of a corpus that could not date themselves.
///
/// `known[i]` is article i's DCT when given or inferred from its own text;
/// the result fills the gaps. Each undated article is anchored on the
/// story's main moment: the latest date of the densest month of known dates,
/// among those in the latest year the article writes ("in 2021", "June
/// 2021") when there are such, so that one article of another year added to
/// a story does not move the others. An article that reports days without a
/// year reads them near that anchor and is dated by the latest of them; an
/// article with no calendar date at all takes the anchor. Articles with a
/// known date are returned unchanged.
pub fn infer_from_corpus(known: &[Option<CalendarDate>], mentions: &[&[Mention]]) -> Vec<Option<CalendarDate>> {
    let mut dates = known.to_vec();
    // First the articles that report days of their own, then the rest,
    // anchored on all the dates known by then.
    for reports_days in [true, false] {
        let known_dates: Vec<CalendarDate> = dates.iter().flatten().copied().collect();
        if known_dates.is_empty() {
            return dates;
        }
        let mut found = dates.clone();
        for ((date, found), mentions) in dates.iter().zip(&mut found).zip(mentions) {
            if date.is_some() {
                continue;
            }
            let reference = anchor(&known_dates, written_year(mentions));
            match latest_reported_day(mentions, Some(reference)) {
                Some(own) if reports_days => *found = Some(own.max(reference)),
                None if !reports_days => *found = Some(reference),
                _ => {}
            }
        }
        dates = found;
    }
    dates
}

/// The latest year an article writes out in a clause that is not future.
fn written_year(mentions: &[Mention]) -> Option<i32> {
    mentions
        .iter()
        .filter(|m| m.tense != Tense::Future)
        .filter_map(|m| match m.expr {
            Expr::Calendar { year: Some(y), .. }
            | Expr::Year(y)
            | Expr::Season(_, Some(y))
            | Expr::Quarter(_, Some(y))
            | Expr::Half(_, Some(y)) => Some(y),
            _ => None,
        })
        .max()
}

/// The date an undated article is read against: the story's main moment
/// among the known dates of the article's own year, else of the years after
/// it, else among all known dates. `known` is not empty.
fn anchor(known: &[CalendarDate], year: Option<i32>) -> CalendarDate {
    let same_year: Vec<CalendarDate> = known.iter().copied().filter(|d| Some(d.year()) == year).collect();
    let later: Vec<CalendarDate> = known.iter().copied().filter(|d| year.is_some_and(|y| d.year() > y)).collect();
    let pool = [same_year, later].into_iter().find(|pool| !pool.is_empty()).unwrap_or_else(|| known.to_vec());
    main_moment(&pool)
}

/// The latest date of the window of [`STORY_WINDOW_DAYS`] holding the most
/// dates (the later window on a tie). `dates` is not empty.
fn main_moment(dates: &[CalendarDate]) -> CalendarDate {
    let mut days: Vec<i64> = dates.iter().map(|d| d.to_days()).collect();
    crate::sort::sort(&mut days);
    let mut best = (0, days[0]);
    let mut first = 0;
    for (last, &day) in days.iter().enumerate() {
        while day - days[first] > STORY_WINDOW_DAYS {
            first += 1;
        }
        if last + 1 - first >= best.0 {
            best = (last + 1 - first, day);
        }
    }
    *dates.iter().find(|d| d.to_days() == best.1).expect("the day of one of the dates")
}
