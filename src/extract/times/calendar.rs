//! Patterns for expressions the text fixes on the calendar by itself: dates in their written
//! forms, months, years, decades, weekdays, clock times, quarters and seasons.

use super::grammar::{Reading, Scanner};
use super::lexicon;
use super::meaning::{Meaning, YearRef};

/// Words after which a lowercase word may follow a bare year ("in 2021 in Niger").
const AFTER_YEAR: &[&str] = &[
    "and",
    "or",
    "to",
    "in",
    "on",
    "at",
    "when",
    "after",
    "before",
    "as",
    "the",
    "but",
    "with",
    "while",
    "until",
    "through",
    "for",
    "that",
    "which",
    "where",
    "because",
    "s",
    "was",
    "were",
    "is",
    "had",
    "has",
    "saw",
    "elections",
    "election",
    "census",
    "season",
    "budget",
    "by",
];

fn valid_day(month: u32, day: u32) -> bool {
    let max = match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (1..=max).contains(&day)
}

/// An optional `, 2023` (or ` 2023`) after a day and month: the year and the next token.
fn trailing_year(s: &Scanner, i: usize) -> (Option<i32>, usize) {
    let j = if s.punct(i, ",") { i + 1 } else { i };
    match s.year_at(j) {
        Some(y) => (Some(y), j + 1),
        None => (None, i),
    }
}

/// The second day of a range (`30-31`, `1 and 3`, `1 to 3`): the token after it.
fn range_end(s: &Scanner, i: usize) -> Option<usize> {
    let joined = s.dash(i) || s.is_any(i, &["and", "to", "through"]);
    if !joined {
        return None;
    }
    let (d, len) = s.digits(i + 1)?;
    if len > 2 || !(1..=31).contains(&d) {
        return None;
    }
    let next = i + 2;
    if s.touches(i + 1) && s.lex(next).ordinal_suffix {
        return Some(next + 1);
    }
    Some(next)
}

fn date(year: Option<i32>, month: u32, day: Option<u32>) -> Meaning {
    Meaning::Date {
        year: year.map_or(YearRef::Nearest, YearRef::Written),
        month,
        day,
    }
}

/// `2023-07-27`.
pub fn iso_date(s: &Scanner, i: usize) -> Reading {
    let y = s.year_at(i).or_else(|| {
        let (y, len) = s.digits(i)?;
        (len == 4).then_some(y as i32)
    })?;
    if !(s.dash(i + 1) && s.touches(i) && s.touches(i + 1) && s.touches(i + 2) && s.dash(i + 3)) {
        return None;
    }
    let (m, ml) = s.digits(i + 2)?;
    let (d, dl) = s.digits(i + 4)?;
    if !s.touches(i + 3) || ml != 2 || dl != 2 || !(1..=12).contains(&m) || !valid_day(m, d) {
        return None;
    }
    Some((i + 5, date(Some(y), m, Some(d))))
}

/// `27/07/2023`, `07/27/2023`, `7/8/07` and `27.07.2023`. A part above 12 decides which is
/// the day; when both could be, [`Scanner::day_first`] decides (see `find_times`).
pub fn slashed_date(s: &Scanner, i: usize) -> Reading {
    let sep = s.tx(i + 1);
    if !matches!(sep, "/" | ".") || s.tx(i + 3) != sep {
        return None;
    }
    if !(s.touches(i) && s.touches(i + 1) && s.touches(i + 2) && s.touches(i + 3)) {
        return None;
    }
    if i > 0 && s.touches(i - 1) {
        return None;
    }
    let (a, al) = s.digits(i)?;
    let (b, bl) = s.digits(i + 2)?;
    let (y, yl) = s.digits(i + 4)?;
    let glued_after = s.touches(i + 4)
        && (s.kind(i + 5) != Some(super::tokens::TokenKind::Punct)
            || s.tx(i + 5) == "/"
            || (s.tx(i + 5) == "." && s.touches(i + 5) && s.digits(i + 6).is_some()));
    if al > 2 || bl > 2 || !(yl == 2 || yl == 4) || glued_after {
        return None;
    }
    let year = if yl == 4 {
        y as i32
    } else if y < 50 {
        2000 + y as i32
    } else {
        1900 + y as i32
    };
    let day_first = sep == "." || a > 12 || (b <= 12 && s.day_first);
    let (d, m) = if day_first { (a, b) } else { (b, a) };
    if !(1..=12).contains(&m) || !valid_day(m, d) {
        return None;
    }
    Some((i + 5, date(Some(year), m, Some(d))))
}

/// `27 July 2023`, `27th of July`, `30-31 March`, `1 and 3 May`.
pub fn day_month(s: &Scanner, i: usize) -> Reading {
    let (d, mut j) = s.day_number(i)?;
    if let Some(next) = range_end(s, j) {
        j = next;
    }
    if s.is(j, "of") {
        j += 1;
    }
    let (m, next, _) = s.month_at(j)?;
    if !valid_day(m, d) {
        return None;
    }
    let (year, end) = trailing_year(s, next);
    Some((end, date(year, m, Some(d))))
}

/// `July 27, 2023`, `March 01 , 2008`, `March 30-31`, `Sept. 5`.
pub fn month_day(s: &Scanner, i: usize) -> Reading {
    let (m, j, _) = s.month_at(i)?;
    let (d, mut next) = s.day_number(j)?;
    if !valid_day(m, d) || s.punct(next, ":") {
        return None;
    }
    if let Some(end) = range_end(s, next) {
        next = end;
    }
    let (year, end) = trailing_year(s, next);
    Some((end, date(year, m, Some(d))))
}

/// `July 2023`, `November of 2006`, `October of next year`.
pub fn month_year(s: &Scanner, i: usize) -> Reading {
    let (m, mut j, _) = s.month_at(i)?;
    if s.is(j, "of") && s.is(j + 2, "year") {
        let shift = match s.lower(j + 1) {
            Some("this") => 0,
            Some("last") => -1,
            Some("next") => 1,
            _ => return None,
        };
        let meaning = Meaning::Date {
            year: YearRef::Relative(shift),
            month: m,
            day: None,
        };
        return Some((j + 3, meaning));
    }
    if s.punct(j, ",") || s.is(j, "of") {
        j += 1;
    }
    let y = s.year_at(j)?;
    Some((j + 1, date(Some(y), m, None)))
}

/// A month on its own: `in March`, `last September`, `between April and June`. A bare
/// capitalised name counts only after a word that introduces a time, since several month
/// names are also ordinary words ("May", "March").
pub fn named_month(s: &Scanner, i: usize) -> Reading {
    let shift = if s.is(i, "last") {
        Some(-1)
    } else if s.is(i, "next") {
        Some(1)
    } else if s.is(i, "this") {
        Some(0)
    } else {
        None
    };
    let at = if shift.is_some() { i + 1 } else { i };
    let (m, next, full) = s.month_at(at)?;
    if !full {
        return None;
    }
    if shift.is_none() {
        let introduced = at > 0 && s.lex(at - 1).time_preposition && !s.line_break_after(at - 1);
        if !introduced {
            return None;
        }
    }
    Some((next, Meaning::NamedMonth { month: m, shift }))
}

/// A written year: `1960`, `in 2021`. A four-digit number reads as a year after a word that
/// introduces a time, or when it is not followed by a noun it would count ("2000 soldiers").
pub fn year(s: &Scanner, i: usize) -> Reading {
    let y = s.year_at(i)?;
    if s.touches(i) && s.word(i + 1).is_some() {
        return None;
    }
    // "the 1991 agreement": a year used as a modifier after "the".
    let introduced = i > 0
        && (s.lex(i - 1).time_preposition || (s.is(i - 1, "the") && (1900..=2100).contains(&y)));
    let plausible = (1900..=2100).contains(&y);
    let counts_something = s.word(i + 1).is_some_and(|w| {
        w.chars().next().is_some_and(char::is_lowercase) && !s.is_any(i + 1, AFTER_YEAR)
    });
    if !(introduced || (plausible && !counts_something)) {
        return None;
    }
    Some((i + 1, Meaning::Year(YearRef::Written(y))))
}

/// `'82`: a year written with an apostrophe and two digits.
pub fn short_year(s: &Scanner, i: usize) -> Reading {
    if !(s.punct(i, "'") || s.punct(i, "’")) || !s.touches(i) {
        return None;
    }
    let (y, len) = s.digits(i + 1)?;
    if len != 2 || (s.touches(i + 1) && s.word(i + 2).is_some()) {
        return None;
    }
    Some((i + 2, Meaning::ShortYear(y)))
}

/// `1990s`, `the '90s`, `70s` (not "in his 60s", an age).
pub fn decade(s: &Scanner, i: usize) -> Reading {
    let apostrophe = s.punct(i, "'") || s.punct(i, "’");
    let at = if apostrophe && s.touches(i) { i + 1 } else { i };
    let (n, len) = s.digits(at)?;
    if !(s.touches(at) && s.is(at + 1, "s")) || n % 10 != 0 {
        return None;
    }
    let before = if apostrophe { i } else { at };
    if before > 0
        && s.is_any(
            before - 1,
            &["his", "her", "their", "its", "my", "our", "your", "aged"],
        )
    {
        return None;
    }
    let meaning = match len {
        4 => Meaning::Decade {
            century: Some((n / 100) as i32),
            decade: ((n / 10) % 10) as i32,
        },
        2 => Meaning::Decade {
            century: None,
            decade: (n / 10) as i32,
        },
        _ => return None,
    };
    Some((at + 2, meaning))
}

/// `Wednesday`, `Thursday morning`, `last Friday`, `Monday, March 3` (read as the date),
/// and `Fridays` (a set).
pub fn weekday(s: &Scanner, i: usize) -> Reading {
    let shift = if s.is_any(i, &["last", "past", "previous"]) {
        Some(-1)
    } else if s.is_any(i, &["next", "coming"]) {
        Some(1)
    } else {
        None
    };
    let at = if shift.is_some() { i + 1 } else { i };
    let (day, plural) = s.lex(at).weekday?;
    if !s.capitalised(at) {
        return None;
    }
    // "the Sunday Times": a weekday inside a name.
    if shift.is_none()
        && at > 0
        && s.is(at - 1, "the")
        && s.capitalised(at + 1)
        && s.word(at + 1).is_some()
        && s.lex(at + 1).part_of_day.is_none()
    {
        return None;
    }
    if plural {
        return Some((at + 1, Meaning::Set(format!("XXXX-WXX-{day}"))));
    }
    let mut end = at + 1;
    // A date right after the weekday is the more precise reading of the same day.
    let after = if s.punct(end, ",") { end + 1 } else { end };
    if !s.line_break_after(at)
        && let Some((e, m)) = month_day(s, after).or_else(|| day_month(s, after))
    {
        return Some((e, m));
    }
    let part = s.lex(end).part_of_day;
    if part.is_some() {
        end += 1;
    }
    Some((end, Meaning::Weekday { day, shift, part }))
}

/// `3 a.m.`, `6:40 p.m.`, `12:30 GMT`, `18:00 UTC`, `0800 UTC`, `noon`.
pub fn clock(s: &Scanner, i: usize) -> Reading {
    if s.is_any(i, &["noon", "midday", "midnight"])
        && i > 0
        && s.is_any(i - 1, &["at", "by", "until", "before", "after"])
    {
        let hour = if s.is(i, "midnight") { 0 } else { 12 };
        return Some((
            i + 1,
            Meaning::Clock {
                hour,
                minute: 0,
                zone: "",
            },
        ));
    }
    let (h, hl) = s.digits(i)?;
    if i > 0 && s.touches(i - 1) && !s.punct(i - 1, "(") {
        return None;
    }
    let (mut hour, mut minute, mut j) = (h, 0, i + 1);
    let mut explicit = false;
    if s.punct(i + 1, ":") && s.touches(i) && s.touches(i + 1) {
        let (m, ml) = s.digits(i + 2)?;
        if ml != 2 || m > 59 || h > 24 || hl > 2 {
            return None;
        }
        minute = m;
        j = i + 3;
        explicit = true;
    } else if hl == 4 && h % 100 < 60 && h / 100 <= 23 {
        // "0800 UTC": only with a zone after it.
        let zone = s.tx(i + 1);
        lexicon::zone(zone)?;
        hour = h / 100;
        minute = h % 100;
    } else if hl > 2 {
        return None;
    }
    // a.m. / p.m. in their spellings: "a.m.", "am", "a. m.", "AM".
    let mut meridiem = None;
    if let Some(lw) = s.lower(j) {
        if lw == "am" || lw == "pm" {
            meridiem = Some(lw.starts_with('p'));
            j += 1;
        } else if (lw == "a" || lw == "p") && s.punct(j + 1, ".") && s.is(j + 2, "m") {
            meridiem = Some(lw == "p");
            j += 3;
            if s.punct(j, ".") {
                j += 1;
            }
        } else if lw == "o" && (s.punct(j + 1, "'") || s.punct(j + 1, "’")) && s.is(j + 2, "clock")
        {
            j += 3;
            explicit = true;
        }
    }
    if let Some(pm) = meridiem {
        if !(1..=12).contains(&hour) {
            return None;
        }
        hour = match (pm, hour) {
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, 12) => 0,
            (false, h) => h,
        };
        explicit = true;
    }
    let zone = match s.word(j).and_then(lexicon::zone) {
        Some(z) => {
            j += 1;
            explicit = true;
            z
        }
        None => "",
    };
    if !explicit || hour > 24 {
        return None;
    }
    Some((j, Meaning::Clock { hour, minute, zone }))
}

/// An optional `of 2009`, `of this year`, `of last year` after a quarter or season.
fn of_year(s: &Scanner, i: usize) -> (YearRef, usize) {
    let j = if s.is(i, "of") { i + 1 } else { i };
    if let Some(y) = s.year_at(j) {
        return (YearRef::Written(y), j + 1);
    }
    if s.is(j, "this") && s.is(j + 1, "year") {
        return (YearRef::Relative(0), j + 2);
    }
    if s.is(j, "last") && s.is(j + 1, "year") {
        return (YearRef::Relative(-1), j + 2);
    }
    if s.is(j, "next") && s.is(j + 1, "year") {
        return (YearRef::Relative(1), j + 2);
    }
    (YearRef::Nearest, i)
}

/// `the first quarter of 2009`, `the fourth quarter`, `third-quarter`.
pub fn quarter(s: &Scanner, i: usize) -> Reading {
    let at = if s.is(i, "the") { i + 1 } else { i };
    let q = s.lex(at).ordinal?;
    let mut j = at + 1;
    if s.dash(j) {
        j += 1;
    }
    if !s.is(j, "quarter") {
        return None;
    }
    let (year, end) = of_year(s, j + 1);
    Some((end, Meaning::Quarter { year, quarter: q }))
}

/// `spring 2009`, `last summer`, `this autumn`, `in the spring`.
pub fn season(s: &Scanner, i: usize) -> Reading {
    let (rel, at) = if s.is(i, "last") {
        (Some(-1), i + 1)
    } else if s.is(i, "next") {
        (Some(1), i + 1)
    } else if s.is(i, "this") {
        (Some(0), i + 1)
    } else {
        (None, i)
    };
    let code = s.lex(at).season?;
    let (year, end) = of_year(s, at + 1);
    let year = match (rel, year) {
        (Some(r), YearRef::Nearest) => YearRef::Relative(r),
        (None, YearRef::Nearest) => {
            // A bare season needs a word that makes it a time ("in the spring").
            let introduced = at > 0
                && (s.is_any(
                    at - 1,
                    &["in", "during", "since", "until", "by", "early", "late"],
                ) || (s.is(at - 1, "the")
                    && at > 1
                    && s.is_any(at - 2, &["in", "during", "since", "until", "by"])));
            if !introduced || s.is(at, "fall") {
                return None;
            }
            YearRef::Nearest
        }
        (_, y) => y,
    };
    Some((end, Meaning::Season { year, season: code }))
}
