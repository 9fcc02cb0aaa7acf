//! Patterns for lengths of time (durations: `two five-year terms`, `for 15 minutes`) and
//! recurring times (sets: `every Friday`, `weekly`). Both are time expressions with TimeML
//! values but never points on the calendar. Ages ("64-year-old") are read here too, so that
//! they are recognised as not being times at all.

use super::grammar::{Reading, Scanner};
use super::lexicon::Unit;
use super::meaning::Meaning;

/// The TimeML value of `n` units (`None`: an unknown number).
fn period(n: Option<f64>, unit: Unit) -> String {
    let (letter, clock) = unit.code();
    let t = if clock { "T" } else { "" };
    match n {
        Some(n) => {
            let n = n * f64::from(unit.factor());
            if n.fract() == 0.0 {
                format!("P{t}{}{letter}", n as u64)
            } else {
                format!("P{t}{n}{letter}")
            }
        }
        None => format!("P{t}X{letter}"),
    }
}

/// After a unit at `j`: the token after an age's "old" ("-year-old", "years old", "-year-olds").
fn age_end(s: &Scanner, j: usize) -> Option<usize> {
    if s.dash(j + 1) && s.touches(j) && s.is_any(j + 2, &["old", "olds"]) {
        return Some(j + 3);
    }
    s.is_any(j + 1, &["old", "olds"]).then_some(j + 2)
}

/// A quantity glued to a unit by a hyphen ("five-year", "15-minute") at `i`: the quantity,
/// unit and the unit's token.
fn hyphenated(s: &Scanner, i: usize) -> Option<(Option<f64>, Unit, usize)> {
    s.quantity(i).and_then(|q| hyphen_and_unit(s, q))
}

/// After a quantity `n` that ends before token `j`: a hyphen and a unit ("five-year"),
/// giving the quantity, unit and the unit's token.
fn hyphen_and_unit(
    s: &Scanner,
    (n, j): (Option<f64>, usize),
) -> Option<(Option<f64>, Unit, usize)> {
    if !(s.dash(j) && s.touches(j - 1) && s.touches(j)) {
        return None;
    }
    let (unit, _) = s.lex(j + 1).unit?;
    Some((n, unit, j + 1))
}

/// `two years`, `for 15 minutes`, `the past nine days`, `two five-year terms`, `a five-year
/// plan`, `several months`, `for years`; and ages, which it marks as not times.
pub fn duration(s: &Scanner, i: usize) -> Reading {
    // "for years", "in decades": a bare plural unit after a preposition.
    if let Some((unit, true)) = s.lex(i).unit
        && i > 0
        && s.is_any(i - 1, &["for", "over", "in", "within"])
    {
        return Some((i + 1, Meaning::Duration(period(None, unit))));
    }
    let mut at = i;
    if s.is(at, "the")
        && s.is_any(
            at + 1,
            &[
                "past",
                "last",
                "next",
                "first",
                "coming",
                "previous",
                "following",
                "final",
            ],
        )
    {
        at += 2;
    }
    // Read once: the patterns below all start with the quantity at `at`.
    let quantity = s.quantity(at);
    // "two five-year terms": a count of hyphenated lengths.
    if let Some((count, j)) = quantity
        && count != Some(1.0)
        && let Some((n, unit, u)) = hyphenated(s, j)
    {
        if age_end(s, u).is_some() {
            return None;
        }
        let total = match (count, n) {
            (Some(c), Some(n)) => Some(c * n),
            _ => None,
        };
        // The counted noun belongs to the extent ("two five-year terms").
        let end = if s.word(u + 1).is_some() {
            u + 2
        } else {
            u + 1
        };
        return Some((end, Meaning::Duration(period(total, unit))));
    }
    if let Some((n, unit, u)) = quantity.and_then(|q| hyphen_and_unit(s, q)) {
        if let Some(end) = age_end(s, u) {
            return Some((end, Meaning::Age));
        }
        return Some((u + 1, Meaning::Duration(period(n, unit))));
    }
    // "the past decade", "the next year": one unit.
    if at > i
        && !s.is(i + 1, "last")
        && let Some((unit, false)) = s.lex(at).unit
    {
        return Some((at + 1, Meaning::Duration(period(Some(1.0), unit))));
    }
    let (n, mut j) = quantity?;
    // "six straight days", "two consecutive quarters", "three full years".
    if s.is_any(
        j,
        &[
            "straight",
            "consecutive",
            "full",
            "long",
            "whole",
            "more",
            "additional",
            "further",
        ],
    ) {
        j += 1;
    }
    let (unit, plural) = s.lex(j).unit?;
    let article = s.is_any(at, &["a", "an"]);
    if article && matches!(unit, Unit::Second | Unit::Quarter) {
        // "a second attempt", "a quarter of its dealers".
        return None;
    }
    if let Some(end) = age_end(s, j) {
        return Some((end, Meaning::Age));
    }
    // "a day" alone is too often not a length ("a day of protests"): singular units need a
    // number, "a"/"one" only after "for", "over", "than", "within".
    if !plural && article {
        let introduced = i > 0
            && s.is_any(
                i - 1,
                &[
                    "for", "over", "than", "within", "about", "nearly", "almost", "just", "after",
                    "least",
                ],
            );
        if !introduced {
            return None;
        }
    }
    Some((j + 1, Meaning::Duration(period(n, unit))))
}

/// `every Friday`, `each year`, `every two weeks`, `weekly`, `annually`, `15 a year`.
pub fn set(s: &Scanner, i: usize) -> Reading {
    let w = s.lower(i)?;
    let single = match w {
        "daily" | "nightly" => Some("P1D"),
        "weekly" => Some("P1W"),
        "monthly" => Some("P1M"),
        "annually" | "yearly" | "annual" => Some("P1Y"),
        _ => None,
    };
    if let Some(v) = single {
        return Some((i + 1, Meaning::Set(v.to_string())));
    }
    if w == "every" || w == "each" {
        let mut j = i + 1;
        if s.is(j, "other") {
            j += 1;
        }
        if let Some((day, _)) = s.lex(j).weekday {
            let mut end = j + 1;
            let part = s.lex(end).part_of_day;
            if part.is_some() {
                end += 1;
            }
            let suffix = part.map_or(String::new(), |p| format!("T{p}"));
            return Some((end, Meaning::Set(format!("XXXX-WXX-{day}{suffix}"))));
        }
        if let Some((unit, _)) = s.lex(j).unit {
            let n = if s.is(i + 1, "other") { 2.0 } else { 1.0 };
            return Some((j + 1, Meaning::Set(period(Some(n), unit))));
        }
        let (n, k) = s.quantity(j)?;
        let (unit, _) = s.lex(k).unit?;
        return Some((k + 1, Meaning::Set(period(n, unit))));
    }
    // "15 a year", "twice a week", "three times per day".
    if (w == "a" || w == "per") && i > 0 {
        let counted = s.digits(i - 1).is_some() || s.is_any(i - 1, &["once", "twice", "times"]);
        let (unit, plural) = s.lex(i + 1).unit?;
        if counted && !plural {
            return Some((i + 2, Meaning::Set(period(Some(1.0), unit))));
        }
    }
    None
}
