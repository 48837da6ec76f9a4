//! Resolving recognized expressions to TimeML values against the document
//! date (DCT) or the last date mentioned, with tense deciding the year of
//! yearless dates.

use super::calendar::CalendarDate;
use super::expr::{Amount, Direction, Expr, Named};
use super::lexicon::Unit;
use super::tense::Tense;
use super::value::{Reference, TimeValue};
use crate::analysis::{Anchor, TimexType};

/// What a relative expression can be resolved against.
#[derive(Clone, Debug, Default)]
pub struct Anchors {
    /// The document creation time, when known.
    pub dct: Option<CalendarDate>,
    /// The last calendar value mentioned before the expression.
    pub previous: Option<TimeValue>,
    /// The last day mentioned before it ("the same day" needs a day, not
    /// the "October 2022" of a clause in between).
    pub previous_day: Option<CalendarDate>,
}

/// A resolved expression: type, value and what it was resolved against.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    /// DATE, TIME, DURATION or SET.
    pub timex_type: TimexType,
    /// The value.
    pub value: TimeValue,
    /// What it was resolved against; `None` when it could not be resolved.
    pub anchor: Option<Anchor>,
}

fn resolved(timex_type: TimexType, value: TimeValue, anchor: Anchor) -> Option<Resolved> {
    Some(Resolved { timex_type, value, anchor: Some(anchor) })
}

fn unresolved(timex_type: TimexType, value: String) -> Option<Resolved> {
    Some(Resolved { timex_type, value: TimeValue::Literal(value), anchor: None })
}

/// Resolves `expr`; `None` when it names no real date (31 February).
pub fn resolve(expr: &Expr, tense: Tense, anchors: &Anchors) -> Option<Resolved> {
    use TimexType::*;
    let dct = anchors.dct;
    match *expr {
        Expr::Calendar { year: Some(y), month, day: Some(d) } => {
            resolved(Date, TimeValue::Day(CalendarDate::new(y, month, d)?), Anchor::Absolute)
        }
        Expr::Calendar { year: Some(y), month, day: None } => {
            resolved(Date, TimeValue::Month(y, month), Anchor::Absolute)
        }
        Expr::Calendar { year: None, month, day } => {
            let make = |y: i32| match day {
                Some(d) => CalendarDate::new(y, month, d).map(TimeValue::Day),
                None => Some(TimeValue::Month(y, month)),
            };
            match reference_date(anchors) {
                Some((base, anchor)) => resolved(Date, pick_year(base, tense, make)?, anchor),
                None => {
                    let day = day.map_or(String::new(), |d| format!("-{d:02}"));
                    unresolved(Date, format!("XXXX-{month:02}{day}"))
                }
            }
        }
        Expr::Year(y) => resolved(Date, TimeValue::Year(y), Anchor::Absolute),
        Expr::Decade(d) => resolved(Date, TimeValue::Decade(d), Anchor::Absolute),
        Expr::Century(c) => resolved(Date, TimeValue::Century(c), Anchor::Absolute),
        Expr::Season(s, Some(y)) => resolved(Date, TimeValue::Season(y, s), Anchor::Absolute),
        Expr::Quarter(q, Some(y)) => resolved(Date, TimeValue::Quarter(y, q), Anchor::Absolute),
        Expr::Half(h, Some(y)) => resolved(Date, TimeValue::Half(y, h), Anchor::Absolute),
        Expr::Season(s, None) => yearless(anchors, tense, |y| TimeValue::Season(y, s), "SU"),
        Expr::Quarter(q, None) => yearless(anchors, tense, |y| TimeValue::Quarter(y, q), "Q"),
        Expr::Half(h, None) => yearless(anchors, tense, |y| TimeValue::Half(y, h), "H"),
        Expr::Weekday(d) => match dct {
            Some(dct) => resolved(Date, TimeValue::Day(weekday_near(dct, d, tense)?), Anchor::Dct),
            None => unresolved(Date, format!("XXXX-WXX-{d}")),
        },
        Expr::WeekdayPart(d, part) => match dct {
            Some(dct) => resolved(Time, TimeValue::PartOfDay(weekday_near(dct, d, tense)?, part), Anchor::Dct),
            None => unresolved(Time, format!("XXXX-WXX-{d}")),
        },
        Expr::Shift(unit, offset) => match dct {
            Some(dct) => resolved(Date, shift(dct, unit, offset)?, Anchor::Dct),
            None => Some(Resolved {
                timex_type: Date,
                value: TimeValue::Reference(direction_reference(offset)),
                anchor: None,
            }),
        },
        Expr::Named(named, direction) => match dct {
            Some(dct) => resolved(Date, named_value(dct, named, direction)?, Anchor::Dct),
            None => unresolved(Date, unresolved_named(named)),
        },
        Expr::Ago(Amount::Exact(n), unit) => match dct {
            Some(dct) => resolved(Date, shift(dct, unit, -(n as i32))?, Anchor::Dct),
            None => Some(Resolved { timex_type: Date, value: TimeValue::Reference(Reference::Past), anchor: None }),
        },
        Expr::Ago(Amount::Vague, _) => resolved(Date, TimeValue::Reference(Reference::Past), Anchor::Dct),
        Expr::Anchored(amount, unit, sign) => {
            let Amount::Exact(n) = amount else {
                let r = if sign < 0 { Reference::Past } else { Reference::Future };
                return resolved(Date, TimeValue::Reference(r), Anchor::Previous);
            };
            let offset = sign * n as i32;
            // "the same day", "the day before": counted from a day, never from a month or year.
            let previous = match (&anchors.previous, unit) {
                (Some(TimeValue::Day(_) | TimeValue::Time(..) | TimeValue::PartOfDay(..)), _)
                | (_, Unit::Week | Unit::Month | Unit::Quarter | Unit::Year | Unit::Decade | Unit::Century) => {
                    anchors.previous.clone()
                }
                _ => anchors.previous_day.map(TimeValue::Day),
            };
            match (&previous, dct) {
                (Some(previous), _) => resolved(Date, shift_value(previous, unit, offset)?, Anchor::Previous),
                (None, Some(dct)) => resolved(Date, shift(dct, unit, offset)?, Anchor::Dct),
                (None, None) => unresolved(Date, "XXXX-XX-XX".into()),
            }
        }
        Expr::Reference(r) => resolved(Date, TimeValue::Reference(r), Anchor::Dct),
        Expr::Recent => resolved(Date, TimeValue::Reference(Reference::Past), Anchor::Dct),
        Expr::Today => match (dct, tense) {
            (Some(dct), Tense::Past | Tense::Future) => resolved(Date, TimeValue::Day(dct), Anchor::Dct),
            _ => resolved(Date, TimeValue::Reference(Reference::Present), Anchor::Dct),
        },
        Expr::Duration(amount, unit) => {
            resolved(Duration, TimeValue::Literal(duration_value(amount, unit)), Anchor::Absolute)
        }
        Expr::Set(ref v) => resolved(Set, TimeValue::Literal(v.clone()), Anchor::Absolute),
        Expr::Clock(h, m) => match day_of(anchors) {
            Some((day, anchor)) => resolved(Time, TimeValue::Time(day, h, m), anchor),
            None => unresolved(Time, format!("XXXX-XX-XXT{h:02}:{m:02}")),
        },
        Expr::PartOfDay(offset, part) => match dct {
            Some(dct) => resolved(Time, TimeValue::PartOfDay(dct.add_days(i64::from(offset))?, part), Anchor::Dct),
            None => unresolved(
                Time,
                format!(
                    "XXXX-XX-XXT{}",
                    TimeValue::PartOfDay(CalendarDate::new(2000, 1, 1)?, part).to_string().split('T').nth(1)?
                ),
            ),
        },
    }
}

/// The days a vague past expression most likely covers, for placing events:
/// "a few years ago" is two to six years back, "recently" the last two months.
pub fn vague_window(expr: &Expr, dct: CalendarDate) -> Option<(CalendarDate, CalendarDate)> {
    match *expr {
        Expr::Ago(Amount::Vague, unit) => {
            let back = |n: i32| shift(dct, unit, -n).and_then(|v| v.interval());
            Some((back(6)?.0, back(2)?.1))
        }
        Expr::Recent => Some((dct.add_days(-60)?, dct)),
        _ => None,
    }
}

/// The date a yearless expression takes its year from: the DCT, else the
/// last date mentioned.
fn reference_date(anchors: &Anchors) -> Option<(CalendarDate, Anchor)> {
    if let Some(dct) = anchors.dct {
        return Some((dct, Anchor::Dct));
    }
    let (start, _) = anchors.previous.as_ref()?.interval()?;
    Some((start, Anchor::Previous))
}

/// The day a clock time falls on: the last day mentioned, else the DCT.
fn day_of(anchors: &Anchors) -> Option<(CalendarDate, Anchor)> {
    match (&anchors.previous, anchors.dct) {
        (Some(TimeValue::Day(d)), _) => Some((*d, Anchor::Previous)),
        (_, Some(dct)) => Some((dct, Anchor::Dct)),
        _ => None,
    }
}

/// A yearless season, quarter or half resolved like a yearless month.
fn yearless(anchors: &Anchors, tense: Tense, make: impl Fn(i32) -> TimeValue, code: &str) -> Option<Resolved> {
    match reference_date(anchors) {
        Some((base, anchor)) => resolved(TimexType::Date, pick_year(base, tense, |y| Some(make(y)))?, anchor),
        None => {
            let sample = make(2000).to_string();
            let suffix = sample.split_once('-').map_or(code, |(_, s)| s).to_string();
            unresolved(TimexType::Date, format!("XXXX-{suffix}"))
        }
    }
}

/// Picks the year for a yearless period near `base`: in the past tense the
/// latest one that has begun by `base`, in the future the first that has not
/// ended, otherwise the nearest.
fn pick_year(base: CalendarDate, tense: Tense, make: impl Fn(i32) -> Option<TimeValue>) -> Option<TimeValue> {
    let candidates: Vec<(TimeValue, CalendarDate, CalendarDate)> = (base.year() - 1..=base.year() + 1)
        .filter_map(&make)
        .filter_map(|v| v.interval().map(|(a, b)| (v, a, b)))
        .collect();
    let distance = |a: &CalendarDate, b: &CalendarDate| {
        if base < *a {
            a.to_days() - base.to_days()
        } else if base > *b {
            base.to_days() - b.to_days()
        } else {
            0
        }
    };
    let chosen = match tense {
        Tense::Past => candidates.iter().filter(|(_, a, _)| *a <= base).max_by_key(|(_, a, _)| *a),
        Tense::Future => candidates.iter().filter(|(_, _, b)| *b >= base).min_by_key(|(_, a, _)| *a),
        Tense::Present | Tense::Unknown => None,
    };
    chosen.or_else(|| candidates.iter().min_by_key(|(_, a, b)| distance(a, b))).map(|(v, _, _)| v.clone())
}

/// The weekday `weekday` nearest the DCT in the direction the tense implies.
fn weekday_near(dct: CalendarDate, weekday: u8, tense: Tense) -> Option<CalendarDate> {
    let back = (i64::from(dct.weekday()) - i64::from(weekday)).rem_euclid(7);
    let forward = (i64::from(weekday) - i64::from(dct.weekday())).rem_euclid(7);
    let offset = match tense {
        Tense::Past => -back,
        Tense::Future => forward,
        _ if back <= forward => -back,
        _ => forward,
    };
    dct.add_days(offset)
}

/// The period `offset` units from `date`, at the unit's grain.
pub fn shift(date: CalendarDate, unit: Unit, offset: i32) -> Option<TimeValue> {
    let n = i64::from(offset);
    Some(match unit {
        Unit::Minute | Unit::Hour | Unit::Day => {
            TimeValue::Day(date.add_days(if unit == Unit::Day { n } else { 0 })?)
        }
        Unit::Week | Unit::Fortnight => {
            let (y, w) = date.add_days(7 * n * i64::from(unit.multiplier()))?.iso_week();
            TimeValue::Week(y, w)
        }
        Unit::Month => {
            let d = date.add_months(offset)?;
            TimeValue::Month(d.year(), d.month())
        }
        Unit::Quarter => {
            let d = date.add_months(3 * offset)?;
            TimeValue::Quarter(d.year(), (d.month() - 1) / 3 + 1)
        }
        Unit::Year => TimeValue::Year(date.year() + offset),
        Unit::Decade => TimeValue::Decade(date.year().div_euclid(10) + offset),
        Unit::Century => TimeValue::Century(date.year().div_euclid(100) + offset),
    })
}

/// A calendar value moved by `offset` units ("two days later" than it).
fn shift_value(value: &TimeValue, unit: Unit, offset: i32) -> Option<TimeValue> {
    match (value, unit) {
        (TimeValue::Year(y), Unit::Year) => Some(TimeValue::Year(y + offset)),
        (TimeValue::Year(y), Unit::Decade) => Some(TimeValue::Year(y + 10 * offset)),
        (TimeValue::Month(y, m), Unit::Month | Unit::Year) => {
            let months = if unit == Unit::Year { 12 * offset } else { offset };
            let d = CalendarDate::new(*y, *m, 1)?.add_months(months)?;
            Some(TimeValue::Month(d.year(), d.month()))
        }
        _ => shift(value.interval()?.0, unit, offset),
    }
}

/// "last March", "this summer", "next Tuesday" relative to the DCT.
fn named_value(dct: CalendarDate, named: Named, direction: Direction) -> Option<TimeValue> {
    match named {
        Named::Month(m) => {
            let y = dct.year();
            let year = match direction {
                Direction::This => y,
                Direction::Last if m < dct.month() => y,
                Direction::Last => y - 1,
                Direction::Next if m > dct.month() => y,
                Direction::Next => y + 1,
            };
            Some(TimeValue::Month(year, m))
        }
        Named::Season(s) => {
            let this = TimeValue::Season(dct.year(), s);
            let (start, end) = this.interval()?;
            let year = match direction {
                Direction::This => dct.year(),
                Direction::Last if end < dct => dct.year(),
                Direction::Last => dct.year() - 1,
                Direction::Next if start > dct => dct.year(),
                Direction::Next => dct.year() + 1,
            };
            Some(TimeValue::Season(year, s))
        }
        Named::Weekday(d) => {
            let today = i64::from(dct.weekday());
            let target = i64::from(d);
            let offset = match direction {
                Direction::This => target - today,
                Direction::Last => -((today - target - 1).rem_euclid(7) + 1),
                Direction::Next => (target - today - 1).rem_euclid(7) + 1,
            };
            Some(TimeValue::Day(dct.add_days(offset)?))
        }
    }
}

fn unresolved_named(named: Named) -> String {
    match named {
        Named::Month(m) => format!("XXXX-{m:02}"),
        Named::Season(s) => TimeValue::Season(0, s).to_string().replacen("0000", "XXXX", 1),
        Named::Weekday(d) => format!("XXXX-WXX-{d}"),
    }
}

fn direction_reference(offset: i32) -> Reference {
    match offset.signum() {
        -1 => Reference::Past,
        0 => Reference::Present,
        _ => Reference::Future,
    }
}

/// The TimeML value of a duration: P7Y, PXY, PT2H, P1DE.
pub fn duration_value(amount: Amount, unit: Unit) -> String {
    let (designator, time) = unit.designator();
    let t = if time { "T" } else { "" };
    match amount {
        Amount::Exact(n) => format!("P{t}{}{designator}", n * unit.multiplier()),
        Amount::Vague => format!("P{t}X{designator}"),
    }
}
