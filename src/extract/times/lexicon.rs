//! General English words for time: month and weekday names, number words, parts of the day,
//! units of time and seasons. General knowledge only, nothing tied to any corpus.
//!
//! The lists are data: [`super::classes`] reads them once into one table from a lowercase
//! word to all its classes, which the tokeniser attaches to every word.

/// Month names and their usual abbreviations, lowercase: the month (1–12) and whether the word
/// is a full name (an abbreviation needs a number next to it). "may" is both.
pub(super) const MONTHS: &[(&str, u32, bool)] = &[
    ("january", 1, true),
    ("jan", 1, false),
    ("february", 2, true),
    ("feb", 2, false),
    ("march", 3, true),
    ("mar", 3, false),
    ("april", 4, true),
    ("apr", 4, false),
    ("may", 5, true),
    ("june", 6, true),
    ("jun", 6, false),
    ("july", 7, true),
    ("jul", 7, false),
    ("august", 8, true),
    ("aug", 8, false),
    ("september", 9, true),
    ("sep", 9, false),
    ("sept", 9, false),
    ("october", 10, true),
    ("oct", 10, false),
    ("november", 11, true),
    ("nov", 11, false),
    ("december", 12, true),
    ("dec", 12, false),
];

/// Weekday names, lowercase, with their ISO number (1 = Monday … 7 = Sunday). Each also reads
/// with an `s` as a plural ("Fridays", which makes a set).
pub(super) const WEEKDAYS: &[(&str, u32)] = &[
    ("monday", 1),
    ("tuesday", 2),
    ("wednesday", 3),
    ("thursday", 4),
    ("friday", 5),
    ("saturday", 6),
    ("sunday", 7),
];

/// Number words from one to ninety, "hundred", and "a"/"an" (one).
pub(super) const NUMBER_WORDS: &[(&str, u32)] = &[
    ("a", 1),
    ("an", 1),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
];

/// Words for an unknown number of units ("several years" is `PXY`).
pub(super) const VAGUE_QUANTITIES: &[&str] = &["several", "few", "many", "some", "numerous"];

/// Parts of the day with their TimeML codes.
pub(super) const PARTS_OF_DAY: &[(&str, &str)] = &[
    ("morning", "MO"),
    ("afternoon", "AF"),
    ("evening", "EV"),
    ("night", "NI"),
];

/// A unit of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Seconds (`PT…S`).
    Second,
    /// Minutes (`PT…M`).
    Minute,
    /// Hours (`PT…H`).
    Hour,
    /// Days (`P…D`).
    Day,
    /// Weeks (`P…W`).
    Week,
    /// Months (`P…M`).
    Month,
    /// Quarters of a year (`P…Q`).
    Quarter,
    /// Years (`P…Y`).
    Year,
    /// Decades (`P…0Y`, written as years).
    Decade,
    /// Centuries (written as years).
    Century,
}

impl Unit {
    /// The unit's letter in a TimeML duration and whether it takes the `T` of clock units.
    pub fn code(self) -> (&'static str, bool) {
        match self {
            Unit::Second => ("S", true),
            Unit::Minute => ("M", true),
            Unit::Hour => ("H", true),
            Unit::Day => ("D", false),
            Unit::Week => ("W", false),
            Unit::Month => ("M", false),
            Unit::Quarter => ("Q", false),
            Unit::Year | Unit::Decade | Unit::Century => ("Y", false),
        }
    }

    /// How many of the written letter one unit is (a decade is 10 years).
    pub fn factor(self) -> u32 {
        match self {
            Unit::Decade => 10,
            Unit::Century => 100,
            _ => 1,
        }
    }
}

/// Units of time by their singular names. Each also reads with an `s` as a plural ("years",
/// "mins"); [`IRREGULAR_UNIT_PLURALS`] holds the other plurals.
pub(super) const UNITS: &[(&str, Unit)] = &[
    ("second", Unit::Second),
    ("minute", Unit::Minute),
    ("min", Unit::Minute),
    ("hour", Unit::Hour),
    ("hr", Unit::Hour),
    ("day", Unit::Day),
    ("week", Unit::Week),
    ("month", Unit::Month),
    ("quarter", Unit::Quarter),
    ("year", Unit::Year),
    ("decade", Unit::Decade),
    ("century", Unit::Century),
];

/// Plurals of units that are not the singular with an `s`.
pub(super) const IRREGULAR_UNIT_PLURALS: &[(&str, Unit)] = &[("centuries", Unit::Century)];

/// Seasons with their TimeML codes.
pub(super) const SEASONS: &[(&str, &str)] = &[
    ("spring", "SP"),
    ("summer", "SU"),
    ("autumn", "FA"),
    ("fall", "FA"),
    ("winter", "WI"),
];

/// Ordinal words for quarters and weeks.
pub(super) const ORDINALS: &[(&str, u32)] =
    &[("first", 1), ("second", 2), ("third", 3), ("fourth", 4)];

/// Suffixes that make a digit an ordinal ("27th").
pub(super) const ORDINAL_SUFFIXES: &[&str] = &["st", "nd", "rd", "th"];

/// Words after which a capitalised month name or a four-digit number reads as a date.
pub(super) const TIME_PREPOSITIONS: &[&str] = &[
    "in",
    "on",
    "since",
    "until",
    "till",
    "by",
    "of",
    "from",
    "to",
    "between",
    "and",
    "before",
    "after",
    "during",
    "through",
    "throughout",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "that",
    "past",
    "around",
    "circa",
    "or",
];

/// The full names of the months and weekdays, lowercase: what [`is_day_or_month_name`] knows.
pub fn day_and_month_names() -> impl Iterator<Item = &'static str> {
    let months = MONTHS
        .iter()
        .filter(|(_, _, full)| *full)
        .map(|(w, _, _)| *w);
    months.chain(WEEKDAYS.iter().map(|(w, _)| *w))
}

/// True for a weekday's or a month's full name in any case ("Monday", "may"): words that
/// other extractors treat as neither content nor names.
pub fn is_day_or_month_name(word: &str) -> bool {
    super::classes::of(word).is_day_or_month_name()
}

/// Time zones written after a clock time; UTC and GMT are written `Z` in TimeML.
pub fn zone(word: &str) -> Option<&'static str> {
    match word {
        "UTC" | "GMT" | "Z" => Some("Z"),
        "EST" | "EDT" | "CET" | "CEST" | "BST" | "PST" | "PDT" | "WAT" | "CAT" | "EAT" => Some(""),
        _ => None,
    }
}
