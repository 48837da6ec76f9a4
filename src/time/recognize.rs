//! Finding temporal expressions in the tokens of a sentence.
//!
//! Each pattern is a small function that tries to match at a token index and
//! returns how far it reached and what it found; at each position the longest
//! match wins. Names that contain dates ("Joint Sea 2021", "Steadfast Noon")
//! are kept out by one rule: a capitalized expression right after another
//! capitalized word that is not a function word belongs to that name.

use std::borrow::Cow;

use super::expr::{Amount, Direction, Expr, Named};
use super::lexicon::{self, Signal, Unit};
use super::value::Reference;
use crate::analysis::TimexMod;
use crate::span::Span;
use crate::tokenize::{Token, TokenKind};

/// A token as the patterns see it.
#[derive(Clone, Debug)]
pub struct Word<'t> {
    /// Where it is.
    pub span: Span,
    /// Its text.
    pub text: &'t str,
    /// Its text in lower case.
    pub lower: Cow<'t, str>,
    /// Its kind.
    pub kind: TokenKind,
}

impl<'t> Word<'t> {
    /// The word for a token of `text`.
    pub fn new(text: &'t str, token: &Token) -> Word<'t> {
        let s = token.span.slice(text);
        // The lexicon is ASCII: ASCII lower-casing is enough and keeps Unicode case tables out of the wasm.
        let lower = if s.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(s.to_ascii_lowercase())
        } else {
            Cow::Borrowed(s)
        };
        Word { span: token.span, text: s, lower, kind: token.kind }
    }

    fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// A temporal expression found in a sentence: token range and meaning.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// Index of the first token (in the sentence's words).
    pub first: usize,
    /// Index of the last token, inclusive.
    pub last: usize,
    /// What it says.
    pub expr: Expr,
    /// A TimeML modifier from its own words ("late") or the signal before it ("since").
    pub modifier: Option<TimexMod>,
}

/// Options for recognition.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RecognizeOptions {
    /// Read `06/10/2021` as 6 October (day first) instead of June 10.
    pub day_first: bool,
}

/// One pattern's match: the last token index and the expression.
struct Hit {
    last: usize,
    expr: Expr,
    modifier: Option<TimexMod>,
    /// A second expression found by the same pattern ("13" in "11-13 October").
    extra: Option<(usize, usize, Expr)>,
}

impl Hit {
    fn new(last: usize, expr: Expr) -> Option<Hit> {
        Some(Hit { last, expr, modifier: None, extra: None })
    }
}

/// The temporal expressions of one sentence, in order, not overlapping.
pub fn recognize(words: &[Word], options: RecognizeOptions) -> Vec<Candidate> {
    let m = Matcher { w: words, options };
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match m.longest_at(i) {
            Some((first, hit)) if !m.inside_name(first, &hit.expr) && !m.names_what_follows(first, &hit) => {
                let modifier = hit.modifier.or_else(|| m.signal_modifier(first).filter(|_| takes_signal(&hit.expr)));
                out.push(Candidate { first, last: hit.last, expr: hit.expr, modifier });
                if let Some((a, b, expr)) = hit.extra {
                    out.push(Candidate { first: a, last: b, expr, modifier: None });
                }
                i = out.last().map_or(hit.last, |c| c.last).max(hit.last) + 1;
            }
            Some((_, hit)) => i = hit.last + 1,
            None => i += 1,
        }
    }
    share_range_years(&m, &mut out);
    out
}

/// In "from March to June 2019" and "between May and July 2020" the first
/// date takes the year written on the second.
fn share_range_years(m: &Matcher, candidates: &mut [Candidate]) {
    for k in 1..candidates.len() {
        let (head, tail) = candidates.split_at_mut(k);
        let (a, b) = (&mut head[k - 1], &tail[0]);
        let joined = b.first == a.last + 2
            && matches!(m.lw(a.last + 1), "to" | "and" | "until" | "till" | "through" | "-" | "–");
        if let (
            true,
            Expr::Calendar { year: year @ None, month, .. },
            Expr::Calendar { year: Some(y), month: to, .. },
        ) = (joined, &mut a.expr, &b.expr)
        {
            *year = Some(if *month > *to { y - 1 } else { *y });
        }
    }
}

struct Matcher<'a, 't> {
    w: &'a [Word<'t>],
    options: RecognizeOptions,
}

impl<'a, 't> Matcher<'a, 't> {
    /// The lower-case word at `i`, or "" past the end.
    fn lw(&self, i: usize) -> &str {
        self.w.get(i).map_or("", |w| &*w.lower)
    }

    fn is(&self, i: usize, word: &str) -> bool {
        self.lw(i) == word
    }

    /// Whether token `i` touches token `i - 1` (no space between).
    fn glued(&self, i: usize) -> bool {
        i > 0 && i < self.w.len() && self.w[i - 1].span.end == self.w[i].span.start
    }

    fn is_capitalized(&self, i: usize) -> bool {
        self.w.get(i).is_some_and(Word::is_capitalized)
    }

    /// The value of an all-digit token.
    fn number(&self, i: usize) -> Option<u32> {
        let w = self.w.get(i)?;
        if w.kind != TokenKind::Number || w.text.len() > 6 || !w.text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        w.text.parse().ok()
    }

    /// A day of the month: "6", "06", "6th".
    fn day(&self, i: usize) -> Option<u8> {
        let n = self.number(i).or_else(|| {
            let w = self.w.get(i)?;
            (w.kind == TokenKind::Number).then(|| lexicon::ordinal(&w.lower)).flatten()
        })?;
        let digits = self.w[i].text.bytes().take_while(u8::is_ascii_digit).count();
        ((1..=31).contains(&n) && digits <= 2).then_some(n as u8)
    }

    /// A four-digit year, 1000–2199.
    fn year4(&self, i: usize) -> Option<i32> {
        let w = self.w.get(i)?;
        let n = self.number(i)?;
        (w.text.len() == 4 && (1000..=2199).contains(&n)).then_some(n as i32)
    }

    /// A month name; ambiguous ones (May, March) and short forms without a
    /// period only where `strict` context allows.
    fn month(&self, i: usize) -> Option<u8> {
        let w = self.w.get(i)?;
        if !w.is_capitalized() {
            return None;
        }
        lexicon::month(&w.lower)
    }

    /// A year after a month or day: four digits, or two after an abbreviated month ("7 Oct 21").
    fn year_after(&self, i: usize, abbreviated_month: bool) -> Option<(usize, i32)> {
        let j = if self.is(i, ",") { i + 1 } else { i };
        if let Some(y) = self.year4(j) {
            return Some((j, y));
        }
        let w = self.w.get(i)?;
        if abbreviated_month && w.text.len() == 2 && !self.is(i + 1, ":") {
            return Some((i, 2000 + self.number(i)? as i32));
        }
        None
    }

    /// Tries every pattern at `i` (after an optional fuzzy prefix); returns
    /// the first token and the longest hit.
    fn longest_at(&self, i: usize) -> Option<(usize, Hit)> {
        if !self.may_start(i) {
            return None;
        }
        let (core, modifier) = self.fuzzy_prefix(i);
        let patterns: [fn(&Self, usize) -> Option<Hit>; 22] = [
            Self::day_month,
            Self::day_range,
            Self::month_day,
            Self::month_year,
            Self::month_alone,
            Self::numeric_date,
            Self::year,
            Self::decade,
            Self::century,
            Self::season,
            Self::quarter_or_half,
            Self::weekday,
            Self::relative_word,
            Self::this_last_next,
            Self::anchored,
            Self::past_period,
            Self::amount_unit,
            Self::bare_units,
            Self::unit_adjective,
            Self::references,
            Self::sets,
            Self::clock,
        ];
        // The longest match wins; among equals, the first pattern.
        let at = |start: usize| {
            patterns.iter().filter_map(|p| p(self, start)).fold(None, |best: Option<Hit>, h| match best {
                Some(b) if b.last >= h.last => Some(b),
                _ => Some(h),
            })
        };
        if core > i {
            if let Some(mut hit) = at(core).filter(|h| fuzzy_applies(&h.expr)) {
                hit.modifier = hit.modifier.or(modifier);
                return Some((i, hit));
            }
            // "the end of the month": the current period.
            if let Some((unit, false)) = lexicon::unit(self.lw(core)).filter(|_| self.is(core - 1, "the")) {
                if !matches!(unit, Unit::Day | Unit::Minute | Unit::Hour | Unit::Fortnight) {
                    let mut hit = Hit::new(core, Expr::Shift(unit, 0))?;
                    hit.modifier = modifier;
                    return Some((i, hit));
                }
            }
        }
        at(i).map(|hit| (i, hit))
    }

    /// Whether a temporal expression can start at `i`: a number, or a word
    /// that some pattern begins with. Skips the patterns for most tokens.
    fn may_start(&self, i: usize) -> bool {
        let Some(w) = self.w.get(i) else { return false };
        if w.kind == TokenKind::Number {
            return true;
        }
        let word: &str = &w.lower;
        lexicon::month(word).is_some()
            || lexicon::weekday(word).is_some()
            || lexicon::weekday_plural(word).is_some()
            || lexicon::season(word).is_some()
            || lexicon::unit(word).is_some()
            || lexicon::number_word(word).is_some()
            || lexicon::ordinal(word).is_some()
            || lexicon::is_vague_amount(word)
            || matches!(
                word,
                "the"
                    | "this"
                    | "last"
                    | "next"
                    | "early"
                    | "late"
                    | "mid"
                    | "around"
                    | "about"
                    | "circa"
                    | "c."
                    | "approximately"
                    | "roughly"
                    | "yesterday"
                    | "today"
                    | "tomorrow"
                    | "tonight"
                    | "earlier"
                    | "later"
                    | "current"
                    | "coming"
                    | "a"
                    | "an"
                    | "half"
                    | "now"
                    | "currently"
                    | "nowadays"
                    | "presently"
                    | "these"
                    | "present"
                    | "recently"
                    | "lately"
                    | "previously"
                    | "formerly"
                    | "recent"
                    | "soon"
                    | "before"
                    | "someday"
                    | "annual"
                    | "annually"
                    | "yearly"
                    | "daily"
                    | "weekly"
                    | "monthly"
                    | "quarterly"
                    | "hourly"
                    | "every"
                    | "each"
                    | "once"
                    | "twice"
                    | "thrice"
                    | "noon"
                    | "midday"
                    | "midnight"
                    | "’"
                    | "'"
                    | "q1"
                    | "q2"
                    | "q3"
                    | "q4"
                    | "h1"
                    | "h2"
            )
    }

    /// "early", "mid-", "late", "the end of", "around" … before a date: the
    /// index after them and the modifier they give.
    fn fuzzy_prefix(&self, i: usize) -> (usize, Option<TimexMod>) {
        let the = usize::from(self.is(i, "the"));
        let j = i + the;
        let (len, modifier) = match (self.lw(j), self.lw(j + 1)) {
            ("early", _) => (1, TimexMod::Start),
            ("late", _) => (1, TimexMod::End),
            ("mid", "-") => (2, TimexMod::Mid),
            ("mid", _) => (1, TimexMod::Mid),
            ("beginning" | "start", "of") => (2, TimexMod::Start),
            ("end", "of") => (2, TimexMod::End),
            ("middle", "of") => (2, TimexMod::Mid),
            ("around" | "about" | "circa" | "c." | "approximately" | "roughly", _) if the == 0 => (1, TimexMod::Approx),
            _ => return (i, None),
        };
        let mut k = j + len;
        if matches!(modifier, TimexMod::Start | TimexMod::End | TimexMod::Mid) && len == 2 && self.is(k, "the") {
            k += 1;
        }
        (k, Some(modifier))
    }

    /// The modifier given by a signal word just before `first` ("since 2019").
    fn signal_modifier(&self, first: usize) -> Option<TimexMod> {
        let previous = first.checked_sub(1)?;
        let word = if self.is(previous, "to") && previous > 0 && self.is(previous - 1, "prior") {
            "prior"
        } else {
            self.lw(previous)
        };
        match lexicon::signal(word)? {
            Signal::After if word != "from" => Some(TimexMod::After),
            Signal::Before => Some(TimexMod::Before),
            _ => None,
        }
    }

    /// Whether an expression starting at `first` is part of a capitalized name
    /// ("Joint Sea 2021", "Steadfast Noon", "Black Friday").
    fn inside_name(&self, first: usize, expr: &Expr) -> bool {
        let Some(previous) = first.checked_sub(1) else {
            return false;
        };
        // A bare year can end a name ("Joint Sea 2021"); "Published 21 October" is a date.
        let starts_capitalized =
            self.is_capitalized(first) || self.w[first].kind == TokenKind::Number && matches!(expr, Expr::Year(_));
        let p = &self.w[previous];
        let in_name = p.is_capitalized()
            && !lexicon::is_function_word(&p.lower)
            && lexicon::month(&p.lower).is_none()
            && lexicon::weekday(&p.lower).is_none();
        // "ZAPAD-21", "Sea-2021": a number glued by a hyphen to a capitalized word.
        let hyphenated_name = matches!(p.text, "-" | "–")
            && self.glued(first)
            && self.glued(previous)
            && self.is_capitalized(previous.wrapping_sub(1));
        starts_capitalized && (in_name || hyphenated_name)
    }

    /// Whether a lone weekday, month or season starts a name with the
    /// capitalized word after it ("The Sunday Times", "the Winter War",
    /// "August Wilson"); "On Monday NATO said" stays a date.
    fn names_what_follows(&self, first: usize, hit: &Hit) -> bool {
        let Some(next) = self.w.get(hit.last + 1) else { return false };
        if !next.is_capitalized() || lexicon::is_function_word(&next.lower) || !self.is_capitalized(hit.last) {
            return false;
        }
        let previous = first.checked_sub(1).map(|p| self.lw(p)).unwrap_or("");
        match hit.expr {
            Expr::Season(_, None) => true,
            Expr::Weekday(_) => !matches!(previous, "on" | "by" | "until" | "since" | "from" | "before" | "after"),
            Expr::Calendar { year: None, day: None, .. } => {
                // Months that are also first names.
                matches!(self.lw(hit.last), "april" | "may" | "june" | "august") || lexicon::signal(previous).is_none()
            }
            _ => false,
        }
    }

    // ----- calendar dates -----

    /// "6 October", "6th October 2021", "7 Oct 21", "the 6th of October".
    fn day_month(&self, i: usize) -> Option<Hit> {
        let (day, m) =
            if self.is(i, "the") && self.is(i + 2, "of") { (self.day(i + 1)?, i + 3) } else { (self.day(i)?, i + 1) };
        let month = self.month(m)?;
        let abbreviated = lexicon::is_abbreviated_month(&self.w[m].lower);
        match self.year_after(m + 1, abbreviated) {
            Some((k, year)) => Hit::new(k, Expr::Calendar { year: Some(year), month, day: Some(day) }),
            None => Hit::new(m, Expr::Calendar { year: None, month, day: Some(day) }),
        }
    }

    /// "11-13 October": the first day here, the second as an extra expression.
    fn day_range(&self, i: usize) -> Option<Hit> {
        let first_day = self.day(i)?;
        let dash = matches!(self.lw(i + 1), "-" | "–" | "—") && self.glued(i + 1) && self.glued(i + 2);
        let word = matches!(self.lw(i + 1), "to" | "and" | "until" | "till" | "through");
        if !dash && !word {
            return None;
        }
        let second = self.day_month(i + 2)?;
        let Expr::Calendar { year, month, day: Some(second_day) } = second.expr else {
            return None;
        };
        if second_day <= first_day {
            return None;
        }
        let first = Expr::Calendar { year, month, day: Some(first_day) };
        Some(Hit { last: i, expr: first, modifier: None, extra: Some((i + 2, second.last, second.expr)) })
    }

    /// "October 6", "Oct. 6, 2021", "October 6th", "October 11-13".
    fn month_day(&self, i: usize) -> Option<Hit> {
        let month = self.month(i)?;
        let day = self.day(i + 1)?;
        if self.is(i + 2, ":") || self.is(i + 2, "%") {
            return None;
        }
        let abbreviated = lexicon::is_abbreviated_month(&self.w[i].lower);
        let (last, year) = match self.year_after(i + 2, abbreviated && self.is(i + 2, ",")) {
            Some((k, y)) => (k, Some(y)),
            None => (i + 1, None),
        };
        let mut hit = Hit::new(last, Expr::Calendar { year, month, day: Some(day) })?;
        if year.is_none() && matches!(self.lw(i + 2), "-" | "–") && self.glued(i + 2) && self.glued(i + 3) {
            if let Some(end_day) = self.day(i + 3).filter(|d| *d > day) {
                let (end_last, end_year) = match self.year_after(i + 4, false) {
                    Some((k, y)) => (k, Some(y)),
                    None => (i + 3, None),
                };
                hit.expr = Expr::Calendar { year: end_year, month, day: Some(day) };
                hit.extra = Some((i + 3, end_last, Expr::Calendar { year: end_year, month, day: Some(end_day) }));
            }
        }
        Some(hit)
    }

    /// "June 2021", "June of 2021".
    fn month_year(&self, i: usize) -> Option<Hit> {
        let month = self.month(i)?;
        let k = if self.is(i + 1, "of") { i + 2 } else { i + 1 };
        let year = self.year4(k)?;
        Hit::new(k, Expr::Calendar { year: Some(year), month, day: None })
    }

    /// "in October", "late September": a month without day or year, where the
    /// context says it is a month (not "may" the verb or "March" the noun).
    fn month_alone(&self, i: usize) -> Option<Hit> {
        let month = self.month(i)?;
        let word = self.lw(i);
        let previous = i.checked_sub(1).map(|p| self.lw(p)).unwrap_or("");
        let introduced = lexicon::signal(previous).is_some() || matches!(previous, "-" | "of" | "since" | "until");
        let ambiguous = matches!(word, "may" | "march") || (word.len() <= 4 && !word.ends_with('.'));
        if ambiguous && !introduced {
            return None;
        }
        if !introduced && self.is_capitalized(i + 1) {
            return None; // "August Wilson", "June Jordan"
        }
        Hit::new(i, Expr::Calendar { year: None, month, day: None })
    }

    /// "2021-10-06", "06/10/2021", "6.10.2021".
    fn numeric_date(&self, i: usize) -> Option<Hit> {
        let w = self.w.get(i)?;
        if w.kind != TokenKind::Number {
            return None;
        }
        // One token "06.10.2021": day first, as written in most of Europe.
        if let [d, m, y] = w.text.split('.').collect::<Vec<_>>()[..] {
            let (d, m, y) = (d.parse::<u8>().ok()?, m.parse::<u8>().ok()?, y.parse::<i32>().ok()?);
            return (y >= 1000 && y.to_string().len() == 4)
                .then(|| calendar(y, m, d))
                .flatten()
                .and_then(|e| Hit::new(i, e));
        }
        let glued = (1..=4).all(|k| self.glued(i + k));
        if !glued {
            return None;
        }
        let (a, b, c) = (self.number(i)?, self.number(i + 2)?, self.number(i + 4)?);
        match (self.lw(i + 1), self.lw(i + 3)) {
            ("-", "-") if w.text.len() == 4 && self.w[i + 4].text.len() == 2 => {
                Hit::new(i + 4, calendar(a as i32, b as u8, c as u8)?)
            }
            ("/", "/") if w.text.len() == 4 => Hit::new(i + 4, calendar(a as i32, b as u8, c as u8)?),
            ("/", "/") => {
                let year = match self.w[i + 4].text.len() {
                    4 => c as i32,
                    2 => 2000 + c as i32 - if c > 50 { 100 } else { 0 },
                    _ => return None,
                };
                let (day, month) = if a > 12 || (self.options.day_first && b <= 12) { (a, b) } else { (b, a) };
                Hit::new(i + 4, calendar(year, month as u8, day as u8)?)
            }
            _ => None,
        }
    }

    /// A year on its own: "in 2014", "2014". Not a quantity ("2021 people",
    /// "$2021") and, outside 1900–2099, only after a preposition.
    fn year(&self, i: usize) -> Option<Hit> {
        let year = self.year4(i)?;
        let previous = i.checked_sub(1).map(|p| self.lw(p)).unwrap_or("");
        if matches!(previous, "$" | "€" | "£" | "¥" | "#" | "no." | "nr" | "no" | "p." | "pp.")
            || is_code_noun(previous)
        {
            return None;
        }
        if matches!(self.lw(i + 1), "%" | "percent" | "per") {
            return None;
        }
        if is_measure_noun(self.lw(i + 1)) {
            return None;
        }
        let introduced = lexicon::signal(previous).is_some();
        if !(1900..=2099).contains(&year) && !introduced {
            return None;
        }
        Hit::new(i, Expr::Year(year))
    }

    /// "the 1990s", "the ’90s", "the nineties", "the 2000s".
    fn decade(&self, i: usize) -> Option<Hit> {
        let the = usize::from(self.is(i, "the"));
        let j = i + the;
        let w = self.w.get(j)?;
        let expr = if let Some(digits) = w.lower.strip_suffix('s').filter(|d| d.bytes().all(|b| b.is_ascii_digit())) {
            match digits.len() {
                4 if digits.ends_with("00") && the == 1 && !digits.ends_with("000") => {
                    Expr::Century(digits[..2].parse().ok()?)
                }
                4 if digits.ends_with('0') => Expr::Decade(digits[..3].parse().ok()?),
                2 if digits.ends_with('0') => {
                    let d: i32 = digits[..1].parse().ok()?;
                    Expr::Decade(if d >= 3 { 190 + d } else { 200 + d })
                }
                _ => return None,
            }
        } else if let Some(d) = lexicon::decade_word(&w.lower).filter(|_| the == 1) {
            Expr::Decade(190 + d as i32)
        } else if let (Some(y), true) = (self.year4(j), matches!(self.lw(j + 1), "’s" | "'s") && the == 1) {
            if y % 10 != 0 {
                return None;
            }
            return Hit::new(j + 1, Expr::Decade(y / 10));
        } else if matches!(w.text, "’" | "'") && the == 1 {
            let two = self.w.get(j + 1)?.lower.strip_suffix('s')?.to_owned();
            let d: i32 = two.strip_suffix('0')?.parse().ok()?;
            return (two.len() == 2)
                .then(|| Expr::Decade(if d >= 3 { 190 + d } else { 200 + d }))
                .and_then(|e| Hit::new(j + 1, e));
        } else {
            return None;
        };
        Hit::new(j, expr)
    }

    /// "the 19th century", "the twenty-first century".
    fn century(&self, i: usize) -> Option<Hit> {
        let the = usize::from(self.is(i, "the"));
        let j = i + the;
        let (n, k) = if self.is(j + 1, "-") {
            (lexicon::number_word(self.lw(j))? + lexicon::ordinal(self.lw(j + 2))?, j + 3)
        } else {
            (lexicon::ordinal(self.lw(j))?, j + 1)
        };
        if !(self.is(k, "century") && (1..=30).contains(&n)) {
            return None;
        }
        Hit::new(k, Expr::Century(n as i32 - 1))
    }

    /// "summer 2021", "the summer of 2021", "in the summer".
    fn season(&self, i: usize) -> Option<Hit> {
        let the = usize::from(self.is(i, "the"));
        let j = i + the;
        let season = lexicon::season(self.lw(j))?;
        let k = if self.is(j + 1, "of") { j + 2 } else { j + 1 };
        if let Some(year) = self.year4(k) {
            return Hit::new(k, Expr::Season(season, Some(year)));
        }
        let previous = i.checked_sub(1).map(|p| self.lw(p)).unwrap_or("");
        let introduced =
            the == 1 || matches!(previous, "in" | "during" | "over" | "since" | "until" | "by" | "through");
        (introduced && !self.is(j + 1, "of")).then(|| Hit::new(j, Expr::Season(season, None))).flatten()
    }

    /// "Q3 2021", "the third quarter of 2021", "the first half of 2022".
    fn quarter_or_half(&self, i: usize) -> Option<Hit> {
        let w = self.lw(i);
        if let Some(n) = w.strip_prefix('q').and_then(|n| n.parse::<u8>().ok()).filter(|n| (1..=4).contains(n)) {
            return match self.year4(i + 1) {
                Some(y) => Hit::new(i + 1, Expr::Quarter(n, Some(y))),
                None => Hit::new(i, Expr::Quarter(n, None)),
            };
        }
        if let Some(n) = w.strip_prefix('h').and_then(|n| n.parse::<u8>().ok()).filter(|n| (1..=2).contains(n)) {
            let y = self.year4(i + 1)?;
            return Hit::new(i + 1, Expr::Half(n, Some(y)));
        }
        if let Some(hit) = self.reporting_quarter(i) {
            return Some(hit);
        }
        if !self.is(i, "the") || self.in_a_game() {
            return None; // "14 points in the fourth quarter" is a game's
        }
        let n = match (self.lw(i + 1), self.lw(i + 2)) {
            ("final" | "last", "quarter") => 4,
            ("final" | "last" | "second", "half") => 2,
            (word, _) => lexicon::ordinal(word)? as u8,
        };
        let is_quarter = match self.lw(i + 2) {
            "quarter" if (1..=4).contains(&n) => true,
            "half" if (1..=2).contains(&n) => false,
            _ => return None,
        };
        let (last, year) = match (self.is(i + 3, "of"), self.year4(i + 4)) {
            (true, Some(y)) => (i + 4, Some(y)),
            (true, None) if self.is(i + 4, "the") && self.is(i + 5, "year") => (i + 5, None),
            _ => (i + 2, None),
        };
        if year.is_none() && !is_quarter && last == i + 2 {
            return None; // "the first half" of a match, a book…
        }
        Hit::new(last, if is_quarter { Expr::Quarter(n, year) } else { Expr::Half(n, year) })
    }

    /// Whether the sentence tells a game ("scored 14 points in the fourth
    /// quarter"), where quarters and halves are parts of play, not of a year.
    fn in_a_game(&self) -> bool {
        self.w.iter().any(|w| lexicon::GAME_WORDS.contains(&&*w.lower))
    }

    /// A company's or an economy's "third-quarter profit", "fourth quarter
    /// earnings": a quarter named before what it reports. Other nouns are
    /// left alone (a game's "fourth-quarter comeback").
    fn reporting_quarter(&self, i: usize) -> Option<Hit> {
        let (n, last) = match self.lw(i).split_once('-') {
            Some((ordinal, "quarter")) => (lexicon::ordinal(ordinal)?, i),
            Some(_) => return None,
            None if self.is(i + 1, "quarter") => (lexicon::ordinal(self.lw(i))?, i + 1),
            None if self.is(i + 1, "-") && self.is(i + 2, "quarter") => (lexicon::ordinal(self.lw(i))?, i + 2),
            None => return None,
        };
        let reports = lexicon::QUARTER_FIGURES.contains(&self.lw(last + 1));
        if !(1..=4).contains(&n) || !reports {
            return None;
        }
        Hit::new(last, Expr::Quarter(n as u8, None))
    }

    /// "Monday", "Monday, 18 October 2021", "on Monday".
    fn weekday(&self, i: usize) -> Option<Hit> {
        let w = self.w.get(i)?;
        let day = lexicon::weekday(&w.lower)?;
        if !w.is_capitalized() || (w.lower.len() <= 4 && !w.lower.ends_with('.')) {
            return None;
        }
        let next = if self.is(i + 1, ",") { i + 2 } else { i + 1 };
        if let Some(hit) = self.day_month(next).or_else(|| self.month_day(next)) {
            return Some(Hit { last: hit.last, ..hit });
        }
        if let Some(part) = lexicon::part_of_day(self.lw(i + 1)) {
            return Hit::new(i + 1, Expr::WeekdayPart(day, part));
        }
        Hit::new(i, Expr::Weekday(day))
    }

    // ----- relative expressions -----

    /// "yesterday", "today", "tomorrow", "tonight", "yesterday morning".
    fn relative_word(&self, i: usize) -> Option<Hit> {
        let offset = match self.lw(i) {
            "yesterday" => -1,
            "today" => 0,
            "tomorrow" => 1,
            "tonight" => return Hit::new(i, Expr::PartOfDay(0, super::value::PartOfDay::Night)),
            "the"
                if self.is(i + 1, "day")
                    && matches!((self.lw(i + 2), self.lw(i + 3)), ("before", "yesterday") | ("after", "tomorrow")) =>
            {
                return Hit::new(i + 3, Expr::Shift(Unit::Day, if self.is(i + 2, "before") { -2 } else { 2 }));
            }
            _ => return None,
        };
        if self.is(i + 1, "-") {
            return None; // "today-style"
        }
        if let Some(part) = lexicon::part_of_day(self.lw(i + 1)).filter(|_| offset != 0) {
            return Hit::new(i + 1, Expr::PartOfDay(offset, part));
        }
        Hit::new(i, if offset == 0 { Expr::Today } else { Expr::Shift(Unit::Day, offset) })
    }

    /// "last year", "this week", "next month", "last March", "this summer",
    /// "next Tuesday", "this morning", "last night", "earlier this week".
    fn this_last_next(&self, i: usize) -> Option<Hit> {
        let j = i + usize::from(matches!(self.lw(i), "earlier" | "later") && self.is(i + 1, "this"));
        let direction = match self.lw(j) {
            "this" | "current" => Direction::This,
            "last" => Direction::Last,
            "next" | "coming" => Direction::Next,
            _ => return None,
        };
        if j > 0 && self.is(j - 1, "the") && direction != Direction::This {
            return None; // "the next day" is anchored, "the last year" a duration
        }
        let target = self.lw(j + 1);
        let offset = match direction {
            Direction::Last => -1,
            Direction::This => 0,
            Direction::Next => 1,
        };
        if let Some((unit, false)) = lexicon::unit(target) {
            if unit == Unit::Fortnight {
                return None;
            }
            return Hit::new(j + 1, Expr::Shift(unit, offset));
        }
        if let Some(part) = lexicon::part_of_day(target) {
            let day_offset =
                if direction == Direction::Last && part == super::value::PartOfDay::Night { -1 } else { offset.max(0) };
            return (direction != Direction::Next || part != super::value::PartOfDay::Night)
                .then(|| Hit::new(j + 1, Expr::PartOfDay(day_offset, part)))
                .flatten();
        }
        let capitalized = self.is_capitalized(j + 1);
        let named = if let Some(m) = lexicon::month(target).filter(|_| capitalized) {
            Named::Month(m)
        } else if let Some(s) = lexicon::season(target) {
            Named::Season(s)
        } else if let Some(d) = lexicon::weekday(target).filter(|_| capitalized) {
            Named::Weekday(d)
        } else {
            return None;
        };
        Hit::new(j + 1, Expr::Named(named, direction))
    }

    /// "the following day", "the next week", "the previous year", "the day before", "the same day".
    fn anchored(&self, i: usize) -> Option<Hit> {
        if !self.is(i, "the") {
            return None;
        }
        let (sign, unit_at): (i32, usize) = match self.lw(i + 1) {
            "following" | "next" => (1, i + 2),
            "previous" | "preceding" => (-1, i + 2),
            "same" => (0, i + 2),
            _ => match (lexicon::unit(self.lw(i + 1)), self.lw(i + 2)) {
                (Some((_, false)), "before") => (-1, i + 1),
                (Some((_, false)), "after") if !self.is(i + 3, "tomorrow") => (1, i + 1),
                _ => return None,
            },
        };
        let (unit, plural) = lexicon::unit(self.lw(unit_at))?;
        if plural || !matches!(unit, Unit::Day | Unit::Week | Unit::Month | Unit::Year) {
            return None;
        }
        let last = if unit_at == i + 1 { i + 2 } else { unit_at };
        if unit_at == i + 1 && self.w.get(i + 3).is_some_and(|w| w.kind != TokenKind::Punctuation) {
            return None; // "the day before the vote" is anchored on the vote, not a date
        }
        Hit::new(last, Expr::Anchored(Amount::Exact(sign.unsigned_abs()), unit, sign.signum()))
    }

    /// "the past decade", "the last year", "the past two years": a duration
    /// reaching back to the time of writing. "The last day of talks", "the
    /// last week of October" and "at the last minute" are final parts, not spans.
    fn past_period(&self, i: usize) -> Option<Hit> {
        if !self.is(i, "the") || !matches!(self.lw(i + 1), "past" | "last") {
            return None;
        }
        let hit = match lexicon::unit(self.lw(i + 2)) {
            Some((unit, false)) => {
                let short = matches!(unit, Unit::Minute | Unit::Hour | Unit::Day);
                if short && self.is(i + 1, "last") {
                    return None;
                }
                Hit::new(i + 2, Expr::Duration(Amount::Exact(1), unit))?
            }
            _ => self.amount_unit(i + 2).filter(|h| matches!(h.expr, Expr::Duration(..)))?,
        };
        (!self.is(hit.last + 1, "of")).then_some(hit)
    }

    /// An amount: "seven", "7", "twenty-five", "a", "a couple of", "a few",
    /// "several", "twenty or thirty". Returns the index after it.
    fn amount(&self, i: usize) -> Option<(usize, Amount)> {
        let single = |k: usize| -> Option<(usize, u32)> {
            if let Some(n) = self.number(k).filter(|n| *n <= 10_000) {
                return Some((k + 1, n));
            }
            let tens = lexicon::number_word(self.lw(k))?;
            if tens >= 20 && tens % 10 == 0 && self.is(k + 1, "-") {
                if let Some(units) = lexicon::number_word(self.lw(k + 2)).filter(|u| *u < 10) {
                    return Some((k + 3, tens + units));
                }
            }
            Some((k + 1, tens))
        };
        match (self.lw(i), self.lw(i + 1), self.lw(i + 2)) {
            ("a" | "an", "couple", "of") => return Some((i + 3, Amount::Exact(2))),
            ("a", "few", _) | ("a", "number", "of") => {
                return Some((i + if self.is(i + 1, "few") { 2 } else { 3 }, Amount::Vague))
            }
            ("a" | "an" | "one", _, _) if self.is(i, "one") || lexicon::unit(self.lw(i + 1)).is_some() => {
                return Some((i + 1, Amount::Exact(1)))
            }
            ("half", "a", _) => return None,
            (w, _, _) if lexicon::is_vague_amount(w) => return Some((i + 1, Amount::Vague)),
            _ => {}
        }
        let (k, n) = single(i)?;
        if self.is(k, "or") || self.is(k, "to") || self.is(k, "-") {
            if let Some((k2, _)) = single(k + 1) {
                if lexicon::unit(self.lw(k2)).is_some() {
                    return Some((k2, Amount::Vague));
                }
            }
        }
        Some((k, Amount::Exact(n)))
    }

    /// "seven years ago", "two days later", "a decade earlier", "four years", "several years".
    fn amount_unit(&self, i: usize) -> Option<Hit> {
        let (k, amount) = self.amount(i)?;
        let (unit, plural) = lexicon::unit(self.lw(k))?;
        if let Amount::Exact(n) = amount {
            if (n == 1) == plural && n != 0 {
                // "1 years", "seven year": not a well-formed amount.
                if !(n != 1 && !plural && self.is(k + 1, "-")) {
                    return None;
                }
            }
        }
        match self.lw(k + 1) {
            "ago" => return Hit::new(k + 1, Expr::Ago(amount, unit)),
            "later" | "afterwards" | "after" | "on" if self.ends_clause(k + 2) => {
                return Hit::new(k + 1, Expr::Anchored(amount, unit, 1))
            }
            "earlier" | "before" | "previously" | "prior" if self.ends_clause(k + 2) || self.is(k + 1, "earlier") => {
                return Hit::new(k + 1, Expr::Anchored(amount, unit, -1))
            }
            "old" | "-" => return None, // "a two-year-old", ages
            _ => {}
        }
        let previous = i.checked_sub(1).map(|p| self.lw(p)).unwrap_or("");
        if matches!(previous, "once" | "twice" | "times")
            || self.is(i, "one") && self.is(k, "day") && !matches!(previous, "for" | "in" | "within")
        {
            return None; // "twice a year" is a set; "one day" a vague reference
        }
        if unit == Unit::Quarter && (self.is(i, "a") || self.in_a_game()) {
            return None; // "a quarter of the troops", "after three quarters" of a game
        }
        Hit::new(k, Expr::Duration(amount, unit))
    }

    /// Whether position `k` ends a clause (punctuation or the sentence end).
    fn ends_clause(&self, k: usize) -> bool {
        self.w.get(k).is_none_or(|w| w.kind == TokenKind::Punctuation)
    }

    /// "for years", "take years", "decades of" — bare plural units as vague durations.
    fn bare_units(&self, i: usize) -> Option<Hit> {
        let (unit, true) = lexicon::unit(self.lw(i))? else {
            return None;
        };
        let previous = i.checked_sub(1).map(|p| self.lw(p)).unwrap_or("");
        if self.is(i + 1, "ago") {
            return Hit::new(i + 1, Expr::Ago(Amount::Vague, unit));
        }
        let durational = matches!(
            previous,
            "for" | "take" | "takes" | "took" | "taking" | "taken" | "within" | "spent" | "lasted" | "last"
        ) || (self.is(i + 1, "of") && !matches!(previous, "the" | "two" | "many"));
        if !durational || matches!(unit, Unit::Quarter) || lexicon::number_word(previous).is_some() {
            return None;
        }
        Hit::new(i, Expr::Duration(Amount::Vague, unit))
    }

    /// "week-long", "five-year", "10-year".
    fn unit_adjective(&self, i: usize) -> Option<Hit> {
        if let Some(unit) = lexicon::unit_adjective(self.lw(i)) {
            if self.is(i + 1, "-") && self.is(i + 2, "long") && self.glued(i + 1) && self.glued(i + 2) {
                return Hit::new(i + 2, Expr::Duration(Amount::Exact(1), unit));
            }
            return None;
        }
        let n = self.number(i).or_else(|| lexicon::number_word(self.lw(i)))?;
        if !(self.is(i + 1, "-") && self.glued(i + 1) && self.glued(i + 2)) {
            return None;
        }
        let unit = lexicon::unit_adjective(self.lw(i + 2))?;
        if self.is(i + 3, "-") && self.is(i + 4, "old") {
            return None;
        }
        Hit::new(i + 2, Expr::Duration(Amount::Exact(n), unit))
    }

    /// Vague references: "now", "currently", "recently", "the future", "soon"…
    fn references(&self, i: usize) -> Option<Hit> {
        use Reference::*;
        let previous = i.checked_sub(1).map(|p| self.lw(p)).unwrap_or("");
        let r = |last: usize, r: Reference| Hit::new(last, Expr::Reference(r));
        match (self.lw(i), self.lw(i + 1), self.lw(i + 2)) {
            ("now", "-", _) => None,
            ("now" | "currently" | "nowadays" | "presently", _, _) => r(i, Present),
            ("these", "days", _) => r(i + 1, Present),
            ("present", _, _) if previous == "at" => r(i, Present),
            ("the", "moment", _) if matches!(previous, "at" | "for") => r(i + 1, Present),
            ("recently" | "lately", _, _) if !(previous == "as" && self.is(i + 1, "as")) => Hit::new(i, Expr::Recent),
            ("previously" | "formerly", _, _) => r(i, Past),
            ("the", "past", _) if previous == "in" && self.ends_clause(i + 2) => r(i + 1, Past),
            ("recent", "years" | "months" | "weeks" | "decades" | "days", _) if previous == "in" => r(i + 1, Past),
            ("the", "future", _) if matches!(previous, "in" | "for" | "into") => r(i + 1, Future),
            ("the", "foreseeable" | "near" | "distant" | "not-too-distant", "future") => r(i + 2, Future),
            ("the", "coming", "years" | "months" | "weeks" | "days" | "decades") => r(i + 2, Future),
            ("soon", _, _) if !matches!(previous, "as" | "how" | "too") => r(i, Future),
            ("before", "too", "long") => r(i + 2, Future),
            ("before", "long", _) => r(i + 1, Future),
            ("someday", _, _) => r(i, Future),
            ("one" | "some", "day", next)
                if !matches!(previous, "for" | "in" | "within" | "a")
                    && !matches!(next, "later" | "earlier" | "before" | "after" | "-") =>
            {
                r(i + 1, Future)
            }
            _ => None,
        }
    }

    /// Recurrences: "annual", "daily", "every year", "every Thursday", "twice a year".
    fn sets(&self, i: usize) -> Option<Hit> {
        let period = |w: &str| -> Option<&'static str> {
            Some(match w {
                "annual" | "annually" | "yearly" => "P1Y",
                "daily" => "P1D",
                "weekly" => "P1W",
                "monthly" => "P1M",
                "quarterly" => "P3M",
                "hourly" => "PT1H",
                _ => return None,
            })
        };
        let word = self.lw(i);
        if let Some(v) = period(word) {
            // "our daily life" is an idiom, not a recurrence.
            if matches!(self.lw(i + 1), "life" | "lives" | "routine" | "routines" | "bread" | "chores") {
                return None;
            }
            return Hit::new(i, Expr::Set(v.into()));
        }
        if matches!(word, "every" | "each") {
            if let Some(season) = lexicon::season(self.lw(i + 1)) {
                let code = super::value::TimeValue::Season(0, season).to_string();
                return Hit::new(i + 1, Expr::Set(code.replacen("0000", "XXXX", 1)));
            }
            if let Some((k, Amount::Exact(n))) = self.amount(i + 1).filter(|_| !self.is(i + 1, "a")) {
                if let Some((unit, true)) = lexicon::unit(self.lw(k)) {
                    return Hit::new(k, Expr::Set(super::resolve::duration_value(Amount::Exact(n), unit)));
                }
            }
        }
        let times = matches!(word, "once" | "twice" | "thrice");
        if matches!(word, "every" | "each") || (times && self.is(i + 1, "a")) {
            let t = self.lw(i + 1 + usize::from(times));
            let last = i + 1 + usize::from(times);
            let value = match lexicon::unit(t) {
                Some((Unit::Year, false)) => "P1Y".to_string(),
                Some((Unit::Month, false)) => "P1M".to_string(),
                Some((Unit::Week, false)) => "P1W".to_string(),
                Some((Unit::Day, false)) => "P1D".to_string(),
                Some((Unit::Hour, false)) => "PT1H".to_string(),
                _ => match (lexicon::weekday(t), lexicon::part_of_day(t)) {
                    (Some(d), _) if !times && self.is_capitalized(last) => format!("XXXX-WXX-{d}"),
                    (_, Some(_)) if !times => format!("XXXX-XX-XXT{}", t[..2].to_ascii_uppercase()),
                    _ => return None,
                },
            };
            return Hit::new(last, Expr::Set(value));
        }
        if let Some(d) = lexicon::weekday_plural(word).filter(|_| self.is_capitalized(i)) {
            let previous = i.checked_sub(1).map(|p| self.lw(p)).unwrap_or("");
            return (previous == "on").then(|| Hit::new(i, Expr::Set(format!("XXXX-WXX-{d}")))).flatten();
        }
        None
    }

    /// "9:30", "9:30 GMT", "9 a.m.", "at noon", "midnight".
    fn clock(&self, i: usize) -> Option<Hit> {
        let w = self.w.get(i)?;
        let previous = i.checked_sub(1).map(|p| self.lw(p)).unwrap_or("");
        let (mut hour, minute, mut last) = if let Some((h, m)) = w.text.split_once(':') {
            let (h, m): (u8, u8) = (h.parse().ok()?, m.parse().ok()?);
            if w.kind != TokenKind::Number || h > 24 || m > 59 || w.text.matches(':').count() > 1 {
                return None;
            }
            (h, m, i)
        } else if let Some(h) =
            w.lower.strip_suffix("am").or(w.lower.strip_suffix("pm")).and_then(|h| h.parse::<u8>().ok())
        {
            let pm = w.lower.ends_with("pm");
            return (1..=12)
                .contains(&h)
                .then(|| Hit::new(i, Expr::Clock(h % 12 + if pm { 12 } else { 0 }, 0)))
                .flatten();
        } else if let Some(h) =
            self.number(i).filter(|h| (1..=12).contains(h) && matches!(self.lw(i + 1), "a.m." | "p.m." | "am" | "pm"))
        {
            (h as u8, 0, i)
        } else {
            let introduced = matches!(
                previous,
                "at" | "by" | "before" | "after" | "until" | "till" | "around" | "from" | "to" | "past"
            );
            return match &*w.lower {
                "noon" | "midday" if introduced || !w.is_capitalized() => Hit::new(i, Expr::Clock(12, 0)),
                "midnight" if introduced || !w.is_capitalized() => Hit::new(i, Expr::Clock(0, 0)),
                _ => None,
            };
        };
        match self.lw(last + 1) {
            "a.m." | "am" if hour <= 12 => {
                hour %= 12;
                last += 1;
            }
            "p.m." | "pm" if hour <= 12 => {
                hour = hour % 12 + 12;
                last += 1;
            }
            _ => {}
        }
        if lexicon::is_time_zone(self.lw(last + 1)) {
            last += 1;
        }
        Hit::new(last, Expr::Clock(hour, minute))
    }
}

/// A full calendar date, if it exists.
fn calendar(year: i32, month: u8, day: u8) -> Option<Expr> {
    super::calendar::CalendarDate::new(year, month, day).map(|_| Expr::Calendar {
        year: Some(year),
        month,
        day: Some(day),
    })
}

/// Whether "early/mid/late/around" can modify an expression.
fn fuzzy_applies(expr: &Expr) -> bool {
    matches!(
        expr,
        Expr::Calendar { .. }
            | Expr::Year(_)
            | Expr::Decade(_)
            | Expr::Century(_)
            | Expr::Season(..)
            | Expr::Quarter(..)
            | Expr::Half(..)
            | Expr::Shift(..)
            | Expr::Named(..)
            | Expr::Clock(..)
    )
}

/// Nouns before a number that make it a label, not a year ("room 1914").
fn is_code_noun(word: &str) -> bool {
    matches!(
        word,
        "room"
            | "rooms"
            | "flight"
            | "route"
            | "bus"
            | "line"
            | "platform"
            | "gate"
            | "article"
            | "paragraph"
            | "chapter"
            | "section"
            | "resolution"
            | "code"
            | "model"
            | "version"
            | "ward"
            | "apartment"
            | "suite"
            | "seat"
            | "highway"
            | "level"
            | "grade"
            | "channel"
            | "squadron"
            | "regiment"
            | "battalion"
            | "number"
            | "page"
            | "pages"
            | "item"
            | "exhibit"
            | "box"
            | "district"
            | "precinct"
            | "unit"
            | "lot"
            | "file"
            | "case"
            | "bill"
            | "amendment"
            | "tab"
            | "table"
            | "figure"
            | "fig."
            | "appendix"
            | "annex"
    )
}

/// Whether a signal word before an expression ("since", "before") can modify it.
fn takes_signal(expr: &Expr) -> bool {
    !matches!(expr, Expr::Duration(..) | Expr::Set(_) | Expr::Reference(_) | Expr::Today)
}

/// Nouns of quantity after which a four-digit number is a count, not a year.
fn is_measure_noun(word: &str) -> bool {
    matches!(
        word,
        "people"
            | "persons"
            | "troops"
            | "soldiers"
            | "men"
            | "women"
            | "children"
            | "km"
            | "kilometres"
            | "kilometers"
            | "miles"
            | "metres"
            | "meters"
            | "dollars"
            | "euros"
            | "pounds"
            | "roubles"
            | "rubles"
            | "tonnes"
            | "tons"
            | "votes"
            | "deaths"
            | "cases"
            | "members"
            | "staff"
            | "diplomats"
            | "officers"
            | "employees"
            | "units"
            | "ships"
            | "aircraft"
            | "tanks"
            | "missiles"
            | "words"
            | "pages"
            | "hours"
            | "minutes"
            | "seconds"
            | "days"
            | "weeks"
            | "months"
            | "years"
            | "times"
    )
}
