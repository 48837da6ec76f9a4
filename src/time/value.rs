//! TimeML TIMEX3 values: what a temporal expression denotes, and its string form.

use std::fmt;

use super::calendar::{days_in_month, CalendarDate};

/// A season, as TimeML writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Season {
    /// SP: March to May.
    Spring,
    /// SU: June to August.
    Summer,
    /// FA: September to November.
    Fall,
    /// WI: December to February.
    Winter,
}

impl Season {
    fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// First month of the season (winter starts in December of its year).
    fn first_month(self) -> u8 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        }
    }
}

/// A part of the day, as TimeML writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PartOfDay {
    /// MO.
    Morning,
    /// AF.
    Afternoon,
    /// EV.
    Evening,
    /// NI.
    Night,
}

impl PartOfDay {
    fn code(self) -> &'static str {
        match self {
            PartOfDay::Morning => "MO",
            PartOfDay::Afternoon => "AF",
            PartOfDay::Evening => "EV",
            PartOfDay::Night => "NI",
        }
    }
}

/// Vague references to past, present and future.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Reference {
    /// PAST_REF: "recently", "a few years ago".
    Past,
    /// PRESENT_REF: "now", "currently".
    Present,
    /// FUTURE_REF: "the foreseeable future".
    Future,
}

/// The value of a temporal expression.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum TimeValue {
    /// A calendar day: `2021-10-06`.
    Day(CalendarDate),
    /// A month: `2021-10`.
    Month(i32, u8),
    /// An ISO week: `2021-W42`.
    Week(i32, u8),
    /// A season: `2021-SU`.
    Season(i32, Season),
    /// A quarter, 1–4: `2021-Q3`.
    Quarter(i32, u8),
    /// A half year, 1–2: `2022-H1`.
    Half(i32, u8),
    /// A year: `2014`.
    Year(i32),
    /// A decade, by its first three digits: `199X`.
    Decade(i32),
    /// A century, by its first two digits: `18XX` (the 19th century).
    Century(i32),
    /// A time of day on a day: `2021-10-21T09:30`.
    Time(CalendarDate, u8, u8),
    /// A part of a day: `2021-10-21TMO`.
    PartOfDay(CalendarDate, PartOfDay),
    /// A vague reference: `PAST_REF`.
    Reference(Reference),
    /// A duration (`P7Y`, `PXY`, `PT2H`) or a set period (`P1D`), or a value
    /// with unknown parts (`XXXX-03`): written as is.
    Literal(String),
}

impl fmt::Display for TimeValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimeValue::Day(d) => write!(f, "{d}"),
            TimeValue::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            TimeValue::Week(y, w) => write!(f, "{y:04}-W{w:02}"),
            TimeValue::Season(y, s) => write!(f, "{y:04}-{}", s.code()),
            TimeValue::Quarter(y, q) => write!(f, "{y:04}-Q{q}"),
            TimeValue::Half(y, h) => write!(f, "{y:04}-H{h}"),
            TimeValue::Year(y) => write!(f, "{y:04}"),
            TimeValue::Decade(d) => write!(f, "{d:03}X"),
            TimeValue::Century(c) => write!(f, "{c:02}XX"),
            TimeValue::Time(d, h, m) => write!(f, "{d}T{h:02}:{m:02}"),
            TimeValue::PartOfDay(d, p) => write!(f, "{d}T{}", p.code()),
            TimeValue::Reference(Reference::Past) => f.write_str("PAST_REF"),
            TimeValue::Reference(Reference::Present) => f.write_str("PRESENT_REF"),
            TimeValue::Reference(Reference::Future) => f.write_str("FUTURE_REF"),
            TimeValue::Literal(s) => f.write_str(s),
        }
    }
}

impl TimeValue {
    /// The first and last day the value covers, when it is a calendar period.
    pub fn interval(&self) -> Option<(CalendarDate, CalendarDate)> {
        let month_span = |y: i32, first: u8, months: i32| {
            let start = CalendarDate::new(y, first, 1)?;
            let last = start.add_months(months - 1)?;
            Some((start, CalendarDate::new(last.year(), last.month(), days_in_month(last.year(), last.month()))?))
        };
        match *self {
            TimeValue::Day(d) | TimeValue::Time(d, _, _) | TimeValue::PartOfDay(d, _) => Some((d, d)),
            TimeValue::Month(y, m) => month_span(y, m, 1),
            TimeValue::Week(y, w) => {
                let monday = CalendarDate::from_iso_week(y, w)?;
                Some((monday, monday.add_days(6)?))
            }
            TimeValue::Season(y, s) => month_span(y, s.first_month(), 3),
            TimeValue::Quarter(y, q) => month_span(y, 3 * q - 2, 3),
            TimeValue::Half(y, h) => month_span(y, 6 * h - 5, 6),
            TimeValue::Year(y) => month_span(y, 1, 12),
            TimeValue::Decade(d) => Some((CalendarDate::new(d * 10, 1, 1)?, CalendarDate::new(d * 10 + 9, 12, 31)?)),
            TimeValue::Century(c) => {
                Some((CalendarDate::new((c * 100).max(1), 1, 1)?, CalendarDate::new(c * 100 + 99, 12, 31)?))
            }
            TimeValue::Reference(_) | TimeValue::Literal(_) => None,
        }
    }

    /// Whether the value is a point or period on the calendar (not a
    /// duration, set, vague reference or unresolved value).
    pub fn is_calendar(&self) -> bool {
        self.interval().is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeml_strings_and_intervals() {
        let d = |s| CalendarDate::parse_iso(s).unwrap();
        type Case = (TimeValue, &'static str, Option<(&'static str, &'static str)>);
        let table: [Case; 9] = [
            (TimeValue::Day(d("2021-10-06")), "2021-10-06", Some(("2021-10-06", "2021-10-06"))),
            (TimeValue::Month(2024, 2), "2024-02", Some(("2024-02-01", "2024-02-29"))),
            (TimeValue::Week(2021, 42), "2021-W42", Some(("2021-10-18", "2021-10-24"))),
            (TimeValue::Season(2021, Season::Winter), "2021-WI", Some(("2021-12-01", "2022-02-28"))),
            (TimeValue::Quarter(2021, 3), "2021-Q3", Some(("2021-07-01", "2021-09-30"))),
            (TimeValue::Decade(199), "199X", Some(("1990-01-01", "1999-12-31"))),
            (TimeValue::Century(18), "18XX", Some(("1800-01-01", "1899-12-31"))),
            (TimeValue::Reference(Reference::Past), "PAST_REF", None),
            (
                TimeValue::PartOfDay(d("2021-10-21"), PartOfDay::Morning),
                "2021-10-21TMO",
                Some(("2021-10-21", "2021-10-21")),
            ),
        ];
        for (value, text, interval) in table {
            assert_eq!(value.to_string(), text);
            let got = value.interval().map(|(a, b)| (a.to_string(), b.to_string()));
            assert_eq!(got, interval.map(|(a, b)| (a.to_string(), b.to_string())), "{text}");
        }
    }
}
