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
        let valid =
            (1..=9999).contains(&year) && (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
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
        CalendarDate::new(parse_digits(y)? as i32, parse_digits(m)? as u8, parse_digits(d)? as u8)
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

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(&self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01, if within years 1–9999.
    pub fn from_days(days: i64) -> Option<CalendarDate> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        CalendarDate::new(i32::try_from(year).ok()?, month, day)
    }

    /// The date `n` days later (earlier when negative), if it exists.
    pub fn add_days(&self, n: i64) -> Option<CalendarDate> {
        CalendarDate::from_days(self.to_days() + n)
    }

    /// The same day `n` months later (earlier when negative), clamped to the
    /// month's last day (31 March minus one month is 28 or 29 February).
    pub fn add_months(&self, n: i32) -> Option<CalendarDate> {
        let index = self.year * 12 + i32::from(self.month) - 1 + n;
        let (year, month) = (index.div_euclid(12), (index.rem_euclid(12) + 1) as u8);
        CalendarDate::new(year, month, self.day.min(days_in_month(year, month)))
    }

    /// ISO weekday: Monday 1 … Sunday 7.
    pub fn weekday(&self) -> u8 {
        // 1970-01-01 was a Thursday (4).
        ((self.to_days() + 3).rem_euclid(7) + 1) as u8
    }

    /// The ISO 8601 week: (week-numbering year, week 1–53).
    pub fn iso_week(&self) -> (i32, u8) {
        let thursday = self.add_days(4 - i64::from(self.weekday())).unwrap_or(*self);
        let jan1 = CalendarDate { year: thursday.year, month: 1, day: 1 };
        (thursday.year, ((thursday.to_days() - jan1.to_days()) / 7 + 1) as u8)
    }

    /// The Monday of ISO week `week` of `year`, if that week exists.
    pub fn from_iso_week(year: i32, week: u8) -> Option<CalendarDate> {
        let jan4 = CalendarDate::new(year, 1, 4)?;
        let monday = jan4.add_days(1 - i64::from(jan4.weekday()))?.add_days(7 * (i64::from(week) - 1))?;
        (week >= 1 && monday.iso_week() == (year, week)).then_some(monday)
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
        && fields.iter().zip(limits).all(|(f, max)| f.len() == 2 && parse_digits(f).is_some_and(|v| v <= max));
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

    fn d(s: &str) -> CalendarDate {
        CalendarDate::parse_iso(s).unwrap()
    }

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(d("1970-01-01").to_days(), 0);
        for s in ["0001-01-01", "1600-02-29", "1999-12-31", "2000-02-29", "2021-10-21", "9999-12-31"] {
            assert_eq!(CalendarDate::from_days(d(s).to_days()), Some(d(s)), "{s}");
        }
        assert_eq!(d("2021-03-01").add_days(-1), Some(d("2021-02-28")));
        assert_eq!(d("2024-03-01").add_days(-1), Some(d("2024-02-29")));
        assert_eq!(d("2021-12-31").add_days(1), Some(d("2022-01-01")));
    }

    #[test]
    fn months_clamp_to_the_last_day() {
        assert_eq!(d("2021-03-31").add_months(-1), Some(d("2021-02-28")));
        assert_eq!(d("2024-03-31").add_months(-1), Some(d("2024-02-29")));
        assert_eq!(d("2021-11-15").add_months(3), Some(d("2022-02-15")));
        assert_eq!(d("2021-01-15").add_months(-13), Some(d("2019-12-15")));
    }

    #[test]
    fn weekdays_and_iso_weeks() {
        assert_eq!(d("2021-10-21").weekday(), 4); // Thursday
        assert_eq!(d("2021-10-18").weekday(), 1);
        assert_eq!(d("2021-10-21").iso_week(), (2021, 42));
        assert_eq!(d("2021-01-03").iso_week(), (2020, 53));
        assert_eq!(d("2019-12-30").iso_week(), (2020, 1));
        assert_eq!(d("2026-12-31").iso_week(), (2026, 53));
        assert_eq!(CalendarDate::from_iso_week(2021, 42), Some(d("2021-10-18")));
        assert_eq!(CalendarDate::from_iso_week(2020, 53), Some(d("2020-12-28")));
        assert_eq!(CalendarDate::from_iso_week(2021, 53), None);
    }

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
            assert_eq!(CalendarDate::parse_iso(input).map(|d| d.to_string()).as_deref(), expected, "{input:?}");
        }
    }
}
