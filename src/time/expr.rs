//! Temporal expressions as recognized, before they are resolved to values.

use super::lexicon::Unit;
use super::value::{PartOfDay, Reference, Season};

/// How many units: a number, or an unspecified amount ("several", "a few").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Amount {
    /// A known number.
    Exact(u32),
    /// "several", "a few", "twenty or thirty".
    Vague,
}

/// The direction of "last", "this" and "next".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// "last", "past", "previous".
    Last,
    /// "this", "current".
    This,
    /// "next", "coming".
    Next,
}

/// A named period that "last/this/next" can pick.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Named {
    /// A month, 1–12.
    Month(u8),
    /// A season.
    Season(Season),
    /// An ISO weekday, 1–7.
    Weekday(u8),
}

/// A recognized temporal expression, not yet resolved against a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expr {
    /// A calendar date, possibly without its year or day: "6 October 2021",
    /// "6 October", "June 2021", "late September".
    Calendar {
        /// The year when written.
        year: Option<i32>,
        /// The month.
        month: u8,
        /// The day when written.
        day: Option<u8>,
    },
    /// A year: "2014".
    Year(i32),
    /// A decade by its first three digits: "the 1990s" is 199.
    Decade(i32),
    /// A century by its first two digits: "the 19th century" is 18.
    Century(i32),
    /// A season, with its year when written.
    Season(Season, Option<i32>),
    /// A quarter 1–4, with its year when written.
    Quarter(u8, Option<i32>),
    /// A half year 1–2, with its year when written.
    Half(u8, Option<i32>),
    /// A bare weekday: "on Monday".
    Weekday(u8),
    /// A part of a weekday: "Monday morning".
    WeekdayPart(u8, PartOfDay),
    /// A period counted from the document date: "yesterday" (day, -1),
    /// "this week" (week, 0), "last year" (year, -1).
    Shift(Unit, i32),
    /// "last March", "this summer", "next Tuesday".
    Named(Named, Direction),
    /// "seven years ago".
    Ago(Amount, Unit),
    /// Counted from the last date mentioned: "two days later" (+), "a decade
    /// earlier" (-), "the following day" (+1).
    Anchored(Amount, Unit, i32),
    /// "now", "in the past", "the foreseeable future".
    Reference(Reference),
    /// "recently", "lately": the past, close to the document date.
    Recent,
    /// "today": the document date, or the present in general statements.
    Today,
    /// "four years", "week-long", "several years".
    Duration(Amount, Unit),
    /// A recurrence, as its TimeML value: "annual" is P1Y, "every Thursday" XXXX-WXX-4.
    Set(String),
    /// A clock time: "9:30", "noon".
    Clock(u8, u8),
    /// "this morning" (0), "last night" (-1), "tomorrow evening" (+1).
    PartOfDay(i32, PartOfDay),
}
