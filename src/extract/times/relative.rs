//! Patterns for expressions anchored on the publication date: today, yesterday, last week,
//! two years ago, the start of the year; and the vague ones (recently, now, the future).

use super::grammar::{Reading, Scanner};
use super::lexicon::Unit;
use super::meaning::Meaning;

/// `today`, `tonight`, `yesterday morning`, `earlier today`, `this morning`, `last night`,
/// `overnight`.
pub fn deictic(s: &Scanner, i: usize) -> Reading {
    let at = if s.is_any(i, &["earlier", "later"]) && s.is(i + 1, "today") {
        i + 1
    } else {
        i
    };
    let w = s.lower(at)?;
    let (days, part, mut end) = match w {
        "today" => (0, None, at + 1),
        "tonight" => (0, Some("NI"), at + 1),
        "overnight" => (-1, Some("NI"), at + 1),
        "yesterday" => (-1, None, at + 1),
        "tomorrow" => (1, None, at + 1),
        "this" | "last" => {
            let part = s.lex(at + 1).part_of_day?;
            if w == "last" && part != "NI" {
                return None;
            }
            let days = if w == "last" { -1 } else { 0 };
            return Some((
                at + 2,
                Meaning::Deictic {
                    days,
                    part: Some(part),
                },
            ));
        }
        "the" if s.is(at + 1, "day") && s.is_any(at + 2, &["before", "after"]) => {
            let (days, next) = if s.is(at + 2, "before") && s.is(at + 3, "yesterday") {
                (-2, at + 4)
            } else if s.is(at + 2, "after") && s.is(at + 3, "tomorrow") {
                (2, at + 4)
            } else {
                return None;
            };
            return Some((next, Meaning::Deictic { days, part: None }));
        }
        _ => return None,
    };
    let mut part = part;
    if part.is_none()
        && w != "today"
        && let Some(p) = s.lex(end).part_of_day
    {
        part = Some(p);
        end += 1;
    }
    Some((end, Meaning::Deictic { days, part }))
}

/// The calendar unit a word names, for `last week`, `next month`, `this year`.
fn calendar_unit(s: &Scanner, i: usize) -> Option<Unit> {
    match s.lex(i).unit? {
        (u @ (Unit::Day | Unit::Week | Unit::Month | Unit::Quarter | Unit::Year), false) => Some(u),
        _ => None,
    }
}

/// `last week`, `this year`, `next month`, `earlier this year`, `later this month`,
/// `this weekend`, `the previous year`, `the following day`.
pub fn shifted_unit(s: &Scanner, i: usize) -> Reading {
    let mut at = i;
    if s.is_any(at, &["earlier", "later"]) && s.is_any(at + 1, &["this", "last", "next"]) {
        at += 1;
    }
    let with_the = s.is(at, "the");
    if with_the {
        at += 1;
    }
    let shift = match s.lower(at)? {
        "this" if !with_the => 0,
        "last" | "past" if !with_the => -1,
        "next" | "coming" if !with_the => 1,
        "previous" | "preceding" if with_the => -1,
        "following" if with_the => 1,
        _ => return None,
    };
    if s.is(at + 1, "weekend") {
        return Some((at + 2, Meaning::Weekend { offset: shift }));
    }
    let unit = calendar_unit(s, at + 1)?;
    if with_the && s.is(at, "the") {
        return None;
    }
    if unit == Unit::Day && !with_the {
        return None;
    }
    Some((
        at + 2,
        Meaning::Relative {
            unit,
            offset: shift,
        },
    ))
}

/// `the year before`, `the year previous`: the year before publication.
pub fn year_before(s: &Scanner, i: usize) -> Reading {
    if s.is(i, "the") && s.is(i + 1, "year") && s.is_any(i + 2, &["before", "previous", "prior"]) {
        let bare = !(s
            .word(i + 3)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase)));
        if bare {
            return Some((
                i + 3,
                Meaning::Relative {
                    unit: Unit::Year,
                    offset: -1,
                },
            ));
        }
    }
    None
}

/// `two years ago`, `a day earlier`, `three weeks later`, `two days from now`.
pub fn counted_offset(s: &Scanner, i: usize) -> Reading {
    let (n, j) = s.quantity(i)?;
    let n = n?;
    if n.fract() != 0.0 {
        return None;
    }
    let n = n as i64;
    let (unit, _) = s.lex(j).unit?;
    let (sign, end) = if s.is_any(j + 1, &["ago", "earlier", "before"]) {
        (-1, j + 2)
    } else if s.is(j + 1, "later") {
        (1, j + 2)
    } else if s.is(j + 1, "from") && s.is(j + 2, "now") {
        (1, j + 3)
    } else {
        return None;
    };
    if s.is(j + 1, "before") {
        // "two days before the vote" counts from another event: only a bare "before" counts
        // from now.
        let bare = s.word(end).is_none() || s.punct(end, ",") || s.punct(end, ".");
        if !bare {
            return None;
        }
    }
    let meaning = match unit {
        Unit::Day => Meaning::Relative {
            unit: Unit::Day,
            offset: sign * n,
        },
        Unit::Week => Meaning::Relative {
            unit: Unit::Day,
            offset: sign * n * 7,
        },
        Unit::Month => Meaning::Relative {
            unit: Unit::Month,
            offset: sign * n,
        },
        Unit::Quarter => Meaning::Relative {
            unit: Unit::Quarter,
            offset: sign * n,
        },
        Unit::Year | Unit::Decade | Unit::Century => Meaning::Relative {
            unit: Unit::Year,
            offset: sign * n * i64::from(unit.factor()),
        },
        Unit::Hour | Unit::Minute | Unit::Second => Meaning::Relative {
            unit: Unit::Day,
            offset: 0,
        },
    };
    Some((end, meaning))
}

/// `the start of the year`, `the end of last year`, `the beginning of this month`.
pub fn edge_of_period(s: &Scanner, i: usize) -> Reading {
    let at = if s.is(i, "the") { i + 1 } else { i };
    if !s.is_any(
        at,
        &[
            "start",
            "beginning",
            "end",
            "middle",
            "turn",
            "rest",
            "remainder",
        ],
    ) || !s.is(at + 1, "of")
    {
        return None;
    }
    let j = at + 2;
    let (offset, k) = match s.lower(j) {
        Some("the" | "this") => (0, j + 1),
        Some("last") => (-1, j + 1),
        Some("next") => (1, j + 1),
        _ => return None,
    };
    let unit = calendar_unit(s, k)?;
    if unit == Unit::Day {
        return None;
    }
    Some((k + 1, Meaning::Relative { unit, offset }))
}

/// `now`, `currently`, `recently`, `in recent years`, `the past`, `the future`, `soon`,
/// `the coming weeks`: references that stay off the calendar.
pub fn vague(s: &Scanner, i: usize) -> Reading {
    let w = s.lower(i)?;
    let plural_unit = |k: usize| s.lex(k).unit.is_some_and(|(_, plural)| plural);
    if w == "recent" && plural_unit(i + 1) {
        return Some((i + 2, Meaning::Vague("PAST_REF")));
    }
    let single = match w {
        "now" | "currently" | "nowadays" | "presently" => Some("PRESENT_REF"),
        "recently" | "lately" => Some("PAST_REF"),
        // As adjectives too ("the recent downturn", "the current crisis"), as TimeML has them.
        "recent" => Some("PAST_REF"),
        "current" => Some("PRESENT_REF"),
        "soon" => Some("FUTURE_REF"),
        _ => None,
    };
    if let Some(v) = single {
        if (s.dash(i + 1) && s.touches(i)) || (w == "now" && i > 0 && s.is(i - 1, "from")) {
            return None;
        }
        return Some((i + 1, Meaning::Vague(v)));
    }
    match w {
        "these" if s.is(i + 1, "days") => Some((i + 2, Meaning::Vague("PRESENT_REF"))),
        "the"
            if s.is(i + 1, "past")
                && s.quantity(i + 2).is_none()
                && s.lex(i + 2).unit.is_none() =>
        {
            Some((i + 2, Meaning::Vague("PAST_REF")))
        }
        "the" if s.is(i + 1, "future") => Some((i + 2, Meaning::Vague("FUTURE_REF"))),
        "the" if s.is_any(i + 1, &["coming", "next"]) && plural_unit(i + 2) => {
            Some((i + 3, Meaning::Vague("FUTURE_REF")))
        }
        _ => None,
    }
}
