//! General English words for time: month and weekday names, number words, parts of the day,
//! units of time and seasons. General knowledge only, nothing tied to any corpus.

/// The longest word any list here holds ("wednesdays", "throughout"), with room to spare.
const LONGEST: usize = 16;

/// A word in ASCII lowercase, kept on the stack so that lookups allocate nothing. A word longer
/// than any listed word reads as "", which no list holds.
pub(crate) struct Lower {
    buf: [u8; LONGEST],
    len: usize,
}

impl Lower {
    /// `word` in ASCII lowercase (other characters kept), or "" when it is too long to be listed.
    pub(crate) fn of(word: &str) -> Lower {
        let mut buf = [0u8; LONGEST];
        let len = word.len();
        match buf.get_mut(..len) {
            Some(dst) => {
                dst.copy_from_slice(word.as_bytes());
                dst.make_ascii_lowercase();
                Lower { buf, len }
            }
            None => Lower { buf, len: 0 },
        }
    }

    /// The lowercased word's bytes.
    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or(&[])
    }

    /// The lowercased word.
    pub(crate) fn as_str(&self) -> &str {
        // ASCII lowercasing of a whole UTF-8 word leaves it UTF-8, so this never falls back.
        self.buf
            .get(..self.len)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("")
    }
}

/// The month (1–12) a word names: full names, and the usual abbreviations.
pub fn month(word: &str) -> Option<u32> {
    let m = match Lower::of(word).as_str() {
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
    };
    Some(m)
}

/// True when the word is a month's full name (abbreviations need a number next to them).
pub fn is_full_month_name(word: &str) -> bool {
    word.len() >= 3
        && month(word).is_some()
        && !matches!(
            Lower::of(word).as_str(),
            "jan"
                | "feb"
                | "mar"
                | "apr"
                | "jun"
                | "jul"
                | "aug"
                | "sep"
                | "sept"
                | "oct"
                | "nov"
                | "dec"
        )
}

/// True for a weekday's or a month's full name in any case ("Monday", "may"): words that
/// other extractors treat as neither content nor names.
pub fn is_day_or_month_name(word: &str) -> bool {
    is_full_month_name(word) || weekday(word).is_some_and(|(_, plural)| !plural)
}

/// The ISO weekday (1 = Monday … 7 = Sunday) a word names, and whether it is plural
/// ("Fridays", which makes a set).
pub fn weekday(word: &str) -> Option<(u32, bool)> {
    let lower = Lower::of(word);
    let w = lower.as_str();
    let (stem, plural) = match w.strip_suffix('s') {
        Some(s) if s.ends_with("day") => (s, true),
        _ => (w, false),
    };
    let d = match stem {
        "monday" => 1,
        "tuesday" => 2,
        "wednesday" => 3,
        "thursday" => 4,
        "friday" => 5,
        "saturday" => 6,
        "sunday" => 7,
        _ => return None,
    };
    Some((d, plural))
}

/// The value of a number word from one to ninety, and "a"/"an" (one).
pub fn number_word(word: &str) -> Option<u32> {
    let n = match Lower::of(word).as_str() {
        "a" | "an" | "one" => 1,
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
        "twelve" => 12,
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
    };
    Some(n)
}

/// Words for an unknown number of units ("several years" is `PXY`).
pub fn vague_quantity(word: &str) -> bool {
    matches!(
        Lower::of(word).as_str(),
        "several" | "few" | "many" | "some" | "numerous"
    )
}

/// The TimeML code of a part of the day.
pub fn part_of_day(word: &str) -> Option<&'static str> {
    let p = match Lower::of(word).as_str() {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" => "NI",
        _ => return None,
    };
    Some(p)
}

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

/// The unit a word names, and whether the word is plural.
pub fn unit(word: &str) -> Option<(Unit, bool)> {
    let lower = Lower::of(word);
    let w = lower.as_str();
    let (stem, plural) = match w {
        "centuries" => ("century", true),
        _ => match w.strip_suffix('s') {
            Some(s) => (s, true),
            None => (w, false),
        },
    };
    let u = match stem {
        "second" => Unit::Second,
        "minute" | "min" => Unit::Minute,
        "hour" | "hr" => Unit::Hour,
        "day" => Unit::Day,
        "week" => Unit::Week,
        "month" => Unit::Month,
        "quarter" => Unit::Quarter,
        "year" => Unit::Year,
        "decade" => Unit::Decade,
        "century" => Unit::Century,
        _ => return None,
    };
    Some((u, plural))
}

/// The TimeML code of a season.
pub fn season(word: &str) -> Option<&'static str> {
    let s = match Lower::of(word).as_str() {
        "spring" => "SP",
        "summer" => "SU",
        "autumn" | "fall" => "FA",
        "winter" => "WI",
        _ => return None,
    };
    Some(s)
}

/// Ordinal words for quarters and weeks.
pub fn ordinal(word: &str) -> Option<u32> {
    let n = match Lower::of(word).as_str() {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        _ => return None,
    };
    Some(n)
}

/// Suffixes that make a digit an ordinal ("27th").
pub fn is_ordinal_suffix(word: &str) -> bool {
    matches!(Lower::of(word).as_str(), "st" | "nd" | "rd" | "th")
}

/// Words after which a capitalised month name or a four-digit number reads as a date.
pub fn is_time_preposition(word: &str) -> bool {
    matches!(
        Lower::of(word).as_str(),
        "in" | "on"
            | "since"
            | "until"
            | "till"
            | "by"
            | "of"
            | "from"
            | "to"
            | "between"
            | "and"
            | "before"
            | "after"
            | "during"
            | "through"
            | "throughout"
            | "early"
            | "late"
            | "mid"
            | "last"
            | "next"
            | "this"
            | "that"
            | "past"
            | "around"
            | "circa"
            | "or"
    )
}

/// Time zones written after a clock time; UTC and GMT are written `Z` in TimeML.
pub fn zone(word: &str) -> Option<&'static str> {
    match word {
        "UTC" | "GMT" | "Z" => Some("Z"),
        "EST" | "EDT" | "CET" | "CEST" | "BST" | "PST" | "PDT" | "WAT" | "CAT" | "EAT" => Some(""),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_table() {
        assert_eq!(month("July"), Some(7));
        assert_eq!(month("Sept"), Some(9));
        assert!(!is_full_month_name("Sept"));
        assert!(is_full_month_name("May"));
        assert_eq!(weekday("Fridays"), Some((5, true)));
        assert_eq!(weekday("thursday"), Some((4, false)));
        assert_eq!(weekday("days"), None);
        assert_eq!(number_word("fifteen"), Some(15));
        assert_eq!(unit("minutes"), Some((Unit::Minute, true)));
        assert_eq!(unit("centuries"), Some((Unit::Century, true)));
        assert_eq!(part_of_day("Morning"), Some("MO"));
        assert_eq!(season("autumn"), Some("FA"));
    }
}
