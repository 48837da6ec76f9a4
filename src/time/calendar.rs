//! Proleptic Gregorian calendar dates and ISO 8601 parsing.

use std::fmt;

/// A calendar day. Always valid: month 1–12, day within the month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CalendarDate {
    year: i32,
    month: u8,
    day: u8,
}

impl CalendarDate {
    /// The date, or `None` when it does not exist (31 April, 29 February 2021).
    pub fn new(year: i32, month: u8, day: u8) -> Option<CalendarDate> {
        let valid = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(CalendarDate { year, month, day })
    }

    /// Parses an ISO 8601 date, optionally followed by a time and offset
    /// ("2021-10-21", "2021-10-21T09:30:00Z", "2021-10-21 09:30+03:00"). The
    /// day is taken as written: the offset is not applied, so the result never
    /// depends on the machine's time zone.
    pub fn parse_iso(text: &str) -> Option<CalendarDate> {
        let text = text.trim();
        let (date, time) = match text.find(['T', 't', ' ']) {
            Some(i) => (&text[..i], Some(&text[i + 1..])),
            None => (text, None),
        };
        let mut parts = date.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        if let Some(time) = time {
            if !is_iso_time(time) {
                return None;
            }
        }
        CalendarDate::new(
            parse_digits(y)? as i32,
            parse_digits(m)? as u8,
            parse_digits(d)? as u8,
        )
    }

    /// The year.
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(&self) -> u8 {
        self.month
    }

    /// The day of the month, from 1.
    pub fn day(&self) -> u8 {
        self.day
    }
}

impl fmt::Display for CalendarDate {
    /// ISO 8601: `2021-10-06`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Whether `year` is a leap year in the Gregorian calendar.
pub fn is_leap_year(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Number of days in `month` of `year`.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// The value of a string of ASCII digits.
fn parse_digits(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Whether `s` is an ISO time of day with an optional fraction and offset:
/// `09:30`, `09:30:15.250Z`, `23:59:59+03:00`.
fn is_iso_time(s: &str) -> bool {
    let (clock, offset) = match s.find(['Z', 'z', '+', '-']) {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, ""),
    };
    let clock = clock.split('.').next().unwrap_or("");
    let fields: Vec<&str> = clock.split(':').collect();
    let limits = [23, 59, 60];
    let clock_ok = (2..=3).contains(&fields.len())
        && fields
            .iter()
            .zip(limits)
            .all(|(f, max)| f.len() == 2 && parse_digits(f).is_some_and(|v| v <= max));
    let offset_ok = match offset {
        "" | "Z" | "z" => true,
        o => {
            let digits = o[1..].replace(':', "");
            digits.len() == 4 && parse_digits(&digits).is_some()
        }
    };
    clock_ok && offset_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_iso_dates_and_datetimes() {
        let table = [
            ("2021-10-21", Some("2021-10-21")),
            (" 2021-10-21T09:30:00Z ", Some("2021-10-21")),
            ("2021-10-21T23:30:00-08:00", Some("2021-10-21")),
            ("2021-10-21 09:30", Some("2021-10-21")),
            ("2020-02-29", Some("2020-02-29")),
            ("2021-02-29", None),
            ("1900-02-29", None),
            ("2000-02-29", Some("2000-02-29")),
            ("2021-13-01", None),
            ("2021-1-01", None),
            ("21-10-2021", None),
            ("2021-10-21T25:00", None),
            ("yesterday", None),
            ("", None),
        ];
        for (input, expected) in table {
            assert_eq!(
                CalendarDate::parse_iso(input)
                    .map(|d| d.to_string())
                    .as_deref(),
                expected,
                "{input:?}"
            );
        }
    }
}
