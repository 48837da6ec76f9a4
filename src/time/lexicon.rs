//! English words for time: months, weekdays, seasons, units, numbers.
//! Every lookup takes a lower-case word.

use super::value::{PartOfDay, Season};

/// A calendar unit, for durations, offsets and sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    /// A minute.
    Minute,
    /// An hour.
    Hour,
    /// A day.
    Day,
    /// A week.
    Week,
    /// A fortnight (two weeks).
    Fortnight,
    /// A month.
    Month,
    /// A quarter of a year.
    Quarter,
    /// A year.
    Year,
    /// A decade.
    Decade,
    /// A century.
    Century,
}

impl Unit {
    /// The TimeML duration designator, and whether it sits after `T`.
    pub fn designator(self) -> (&'static str, bool) {
        match self {
            Unit::Minute => ("M", true),
            Unit::Hour => ("H", true),
            Unit::Day => ("D", false),
            Unit::Week | Unit::Fortnight => ("W", false),
            Unit::Month | Unit::Quarter => ("M", false),
            Unit::Year => ("Y", false),
            Unit::Decade => ("DE", false),
            Unit::Century => ("CE", false),
        }
    }

    /// How many designator units one of this unit is (a fortnight is 2 weeks).
    pub fn multiplier(self) -> u32 {
        match self {
            Unit::Fortnight => 2,
            Unit::Quarter => 3,
            _ => 1,
        }
    }
}

/// A month number from its name or abbreviation ("october", "oct", "oct.", "sept").
pub fn month(word: &str) -> Option<u8> {
    Some(match word.strip_suffix('.').unwrap_or(word) {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// Whether a month word is abbreviated ("Oct", "Oct.").
pub fn is_abbreviated_month(word: &str) -> bool {
    month(word).is_some() && word.trim_end_matches('.').len() <= 4 && !matches!(word, "june" | "july" | "may")
}

/// An ISO weekday (Monday 1) from its name or abbreviation.
pub fn weekday(word: &str) -> Option<u8> {
    Some(match word.strip_suffix('.').unwrap_or(word) {
        "monday" | "mon" => 1,
        "tuesday" | "tue" | "tues" => 2,
        "wednesday" | "wed" => 3,
        "thursday" | "thu" | "thurs" => 4,
        "friday" | "fri" => 5,
        "saturday" | "sat" => 6,
        "sunday" | "sun" => 7,
        _ => return None,
    })
}

/// An ISO weekday from a plural name ("thursdays"), for sets.
pub fn weekday_plural(word: &str) -> Option<u8> {
    word.strip_suffix('s').and_then(|w| if w.ends_with("day") { weekday(w) } else { None })
}

/// A season from its name.
pub fn season(word: &str) -> Option<Season> {
    Some(match word {
        "spring" => Season::Spring,
        "summer" => Season::Summer,
        "autumn" | "fall" => Season::Fall,
        "winter" => Season::Winter,
        _ => return None,
    })
}

/// A part of the day from its name.
pub fn part_of_day(word: &str) -> Option<PartOfDay> {
    Some(match word {
        "morning" => PartOfDay::Morning,
        "afternoon" => PartOfDay::Afternoon,
        "evening" => PartOfDay::Evening,
        "night" => PartOfDay::Night,
        _ => return None,
    })
}

/// A unit and whether the word is plural ("years" → (Year, true)).
pub fn unit(word: &str) -> Option<(Unit, bool)> {
    Some(match word {
        "minute" => (Unit::Minute, false),
        "minutes" => (Unit::Minute, true),
        "hour" => (Unit::Hour, false),
        "hours" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "fortnight" => (Unit::Fortnight, false),
        "fortnights" => (Unit::Fortnight, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" => (Unit::Year, false),
        "years" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    })
}

/// A unit from the first part of a hyphenated adjective ("week" in "week-long").
pub fn unit_adjective(word: &str) -> Option<Unit> {
    unit(word).filter(|(_, plural)| !plural).map(|(u, _)| u)
}

/// The value of a number word from zero to ninety-nine's parts ("seven", "twenty", "dozen").
pub fn number_word(word: &str) -> Option<u32> {
    Some(match word {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" | "dozen" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        _ => return None,
    })
}

/// Words of a game's account, where "the fourth quarter" is a part of play.
pub const GAME_WORDS: &[&str] = &[
    "scored",
    "scoring",
    "halftime",
    "half-time",
    "overtime",
    "touchdown",
    "touchdowns",
    "rebounds",
    "assists",
    "quarterback",
    "game",
    "games",
    "trailed",
    "buzzer",
    "inning",
    "innings",
    "goals",
    "basket",
    "free-throw",
];

/// What a quarter reports, after "third-quarter" ("third-quarter profit").
pub const QUARTER_FIGURES: &[&str] = &[
    "profit",
    "profits",
    "earnings",
    "results",
    "revenue",
    "revenues",
    "sales",
    "growth",
    "output",
    "gdp",
    "loss",
    "losses",
    "deliveries",
    "figures",
    "income",
    "turnover",
    "margin",
    "margins",
    "deficit",
    "surplus",
];

/// The value of an ordinal word or numeral ("third", "3rd", "twenty-first" parts).
pub fn ordinal(word: &str) -> Option<u32> {
    let words = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
        "twenty-first",
    ];
    if let Some(i) = words.iter().position(|w| *w == word) {
        return Some(i as u32 + 1);
    }
    match word {
        "thirtieth" => return Some(30),
        "last" | "final" => return None,
        _ => {}
    }
    let digits =
        word.strip_suffix("st").or(word.strip_suffix("nd")).or(word.strip_suffix("rd")).or(word.strip_suffix("th"))?;
    if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Decades written as words ("nineties" → 9).
pub fn decade_word(word: &str) -> Option<u32> {
    Some(match word {
        "twenties" => 2,
        "thirties" => 3,
        "forties" => 4,
        "fifties" => 5,
        "sixties" => 6,
        "seventies" => 7,
        "eighties" => 8,
        "nineties" => 9,
        _ => return None,
    })
}

/// Vague quantities: "several", "few", "many" (in "a few", "many years").
pub fn is_vague_amount(word: &str) -> bool {
    matches!(word, "several" | "few" | "many" | "some" | "numerous" | "multiple" | "countless")
}

/// Words before a date that place it without being part of it (TimeML signals),
/// with the modifier they give: "since 2019" is AFTER, "before 2017" BEFORE.
pub fn signal(word: &str) -> Option<Signal> {
    Some(match word {
        "since" | "after" | "from" => Signal::After,
        "before" | "until" | "till" | "prior" => Signal::Before,
        "in" | "on" | "at" | "by" | "during" | "of" | "between" | "and" | "to" | "through" | "throughout"
        | "within" | "around" | "circa" | "c." | "about" | "as" | "late" | "early" | "mid" | "this" | "last"
        | "next" | "or" | "than" => Signal::Plain,
        _ => return None,
    })
}

/// What a signal word says about the date after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Signal {
    /// "since", "after", "from".
    After,
    /// "before", "until", "prior to".
    Before,
    /// Other prepositions that introduce a date.
    Plain,
}

/// Time zone abbreviations that may follow a clock time.
pub fn is_time_zone(word: &str) -> bool {
    matches!(
        word,
        "gmt"
            | "utc"
            | "bst"
            | "cet"
            | "cest"
            | "eet"
            | "eest"
            | "msk"
            | "est"
            | "edt"
            | "cst"
            | "cdt"
            | "mst"
            | "mdt"
            | "pst"
            | "pdt"
            | "ist"
            | "jst"
            | "aest"
            | "z"
    )
}

/// Words that open a sentence or clause, or are otherwise not part of a
/// capitalized name; a year after any other capitalized word belongs to a
/// name ("Joint Sea 2021").
pub fn is_function_word(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "the"
            | "in"
            | "on"
            | "at"
            | "by"
            | "since"
            | "until"
            | "till"
            | "before"
            | "after"
            | "from"
            | "to"
            | "of"
            | "for"
            | "during"
            | "between"
            | "and"
            | "or"
            | "but"
            | "through"
            | "throughout"
            | "within"
            | "around"
            | "circa"
            | "about"
            | "as"
            | "early"
            | "late"
            | "mid"
            | "this"
            | "that"
            | "last"
            | "next"
            | "than"
            | "then"
            | "so"
            | "yet"
            | "while"
            | "when"
            | "if"
            | "because"
            | "since,"
            | "until,"
            | "also"
            | "only"
            | "even"
            | "not"
            | "it"
            | "he"
            | "she"
            | "they"
            | "we"
            | "i"
            | "you"
            | "its"
            | "his"
            | "her"
            | "their"
            | "our"
            | "my"
            | "your"
            | "in,"
            | "back"
            | "spring"
            | "summer"
            | "autumn"
            | "fall"
            | "winter"
            | "year"
            | "fiscal"
            | "financial"
            | "season"
            | "class"
            | "election"
            | "elections"
            | "budget"
            | "census"
    )
}
