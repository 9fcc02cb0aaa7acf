//! What a time expression says, before it is anchored on a publication date: the grammar
//! produces a [`Meaning`], the normaliser turns it into a TimeML value.

use super::lexicon::Unit;

/// A year as the text gives it: written out, or relative to the publication year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearRef {
    /// A year written in full (`2009`).
    Written(i32),
    /// A year relative to the publication year (`this year` is 0, `last year` is -1).
    Relative(i32),
    /// No year given: the one nearest the publication date, in the direction the verb points.
    Nearest,
}

/// The meaning of a time expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Meaning {
    /// A day or a month of a year: `27 July 2023`, `March 21`, `July 2023`.
    Date {
        /// The year, written, relative or to be inferred.
        year: YearRef,
        /// The month, 1–12.
        month: u32,
        /// The day of the month, when given.
        day: Option<u32>,
    },
    /// A month name with `last`/`next`/`this` (-1, 1, 0) or alone (`None`).
    NamedMonth {
        /// The month, 1–12.
        month: u32,
        /// Shift given by the text, if any.
        shift: Option<i32>,
    },
    /// A year: written (`1960`) or relative (`last year`).
    Year(YearRef),
    /// A two-digit year with an apostrophe (`'82`).
    ShortYear(u32),
    /// A decade by its first three digits (`the 1990s` is 199); two-digit forms carry `None`
    /// century and take the nearest past one.
    Decade {
        /// The century's first two digits, when written.
        century: Option<i32>,
        /// The decade's digit within it (`90s` is 9).
        decade: i32,
    },
    /// A weekday, optionally with a part of the day; `shift` is -1 for `last`, 1 for `next`,
    /// `None` when the tense decides.
    Weekday {
        /// ISO weekday, 1 = Monday.
        day: u32,
        /// `last`, `next`, or none.
        shift: Option<i32>,
        /// Part of day code (`MO`, `AF`, `EV`, `NI`).
        part: Option<&'static str>,
    },
    /// A day named relative to publication (`today` 0, `yesterday` -1, `tomorrow` 1), with an
    /// optional part of the day (`tonight`, `this morning`, `last night`).
    Deictic {
        /// Days from publication.
        days: i64,
        /// Part of day code.
        part: Option<&'static str>,
    },
    /// `last week`, `next month`, `two years ago`, `a day earlier`: an offset in units.
    Relative {
        /// The unit counted.
        unit: Unit,
        /// The signed number of units from publication.
        offset: i64,
    },
    /// A quarter of a year (`the first quarter of 2009`).
    Quarter {
        /// The year.
        year: YearRef,
        /// The quarter, 1–4.
        quarter: u32,
    },
    /// A season (`spring 2009`, `last summer`).
    Season {
        /// The year.
        year: YearRef,
        /// `SP`, `SU`, `FA` or `WI`.
        season: &'static str,
    },
    /// A weekend, by weeks from publication.
    Weekend {
        /// Weeks from publication (`last weekend` is -1).
        offset: i64,
    },
    /// A clock time; its day comes from context.
    Clock {
        /// Hour 0–23.
        hour: u32,
        /// Minute 0–59.
        minute: u32,
        /// `Z` for UTC/GMT, "" for other or no zone.
        zone: &'static str,
    },
    /// A length of time, already in TimeML (`P5Y`, `PT15M`).
    Duration(String),
    /// A recurring time, already in TimeML (`XXXX-WXX-5`, `P1W`).
    Set(String),
    /// A vague reference: `PAST_REF`, `PRESENT_REF` or `FUTURE_REF`.
    Vague(&'static str),
    /// Not a time at all, though built like one: an age ("64-year-old"). The grammar reads it
    /// so that no part of it is taken for a duration; it is never reported.
    Age,
}
