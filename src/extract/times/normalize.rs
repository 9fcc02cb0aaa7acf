//! Anchors a [`Meaning`] on the publication date and writes its TimeML value.
//!
//! Conventions (those of TimeML / TempEval-3 news annotation):
//! - a bare weekday points to the nearest such day on or before publication, or on or after it
//!   when the context looks ahead; `last`/`next` move strictly before/after;
//! - a month, or a day of a month, without a year takes the nearest one in that direction:
//!   `in March` in July 2023 is `2023-03`; a month-day within six months of publication keeps
//!   the publication year;
//! - without a publication date nothing is guessed: the text's own parts are kept and the rest
//!   written `X` (`XXXX-03-21`, `XXXX-WXX-5`), and the expression gets no calendar point.

use chrono::{Datelike, Days, Months, NaiveDate};

use super::lexicon::Unit;
use super::meaning::{Meaning, YearRef};
use crate::model::{CalendarPoint, Granularity, TimexKind};

/// A normalised expression: value, type, and calendar point when it is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    /// The TimeML value.
    pub value: String,
    /// The TimeML type.
    pub kind: TimexKind,
    /// Where it sits on the calendar.
    pub point: Option<CalendarPoint>,
}

/// `2023-07-27`: what chrono writes for `%Y-%m-%d`, without reading a format string for every
/// expression (years outside 0–9999, which chrono writes with a sign, are left to chrono).
pub(super) fn day_text(d: NaiveDate) -> String {
    if (0..=9999).contains(&d.year()) {
        format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
    } else {
        d.format("%Y-%m-%d").to_string()
    }
}

/// `2023-07`: what chrono writes for `%Y-%m` (see [`day_text`]).
fn month_text(d: NaiveDate) -> String {
    if (0..=9999).contains(&d.year()) {
        format!("{:04}-{:02}", d.year(), d.month())
    } else {
        d.format("%Y-%m").to_string()
    }
}

fn date(value: String, point: Option<CalendarPoint>) -> Normalized {
    Normalized {
        value,
        kind: TimexKind::Date,
        point,
    }
}

fn day_point(d: NaiveDate) -> Option<CalendarPoint> {
    Some(CalendarPoint {
        date: d,
        granularity: Granularity::Day,
    })
}

fn month_point(year: i32, month: u32) -> Option<CalendarPoint> {
    NaiveDate::from_ymd_opt(year, month, 1).map(|d| CalendarPoint {
        date: d,
        granularity: Granularity::Month,
    })
}

fn year_point(year: i32) -> Option<CalendarPoint> {
    NaiveDate::from_ymd_opt(year, 1, 1).map(|d| CalendarPoint {
        date: d,
        granularity: Granularity::Year,
    })
}

fn shift_days(d: NaiveDate, days: i64) -> Option<NaiveDate> {
    if days >= 0 {
        d.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        d.checked_sub_days(Days::new(days.unsigned_abs()))
    }
}

fn shift_months(d: NaiveDate, months: i64) -> Option<NaiveDate> {
    let n = u32::try_from(months.unsigned_abs()).ok()?;
    if months >= 0 {
        d.checked_add_months(Months::new(n))
    } else {
        d.checked_sub_months(Months::new(n))
    }
}

fn year_of(year: YearRef, published: Option<NaiveDate>) -> Option<i32> {
    match year {
        YearRef::Written(y) => Some(y),
        YearRef::Relative(n) => published.map(|p| p.year() + n),
        YearRef::Nearest => published.map(|p| p.year()),
    }
}

/// The year for a month (and day) without one: the nearest occurrence before publication, or
/// after it when `ahead`; a day within six months of publication keeps its year.
fn infer_year(published: NaiveDate, month: u32, day: Option<u32>, ahead: bool) -> i32 {
    let y = published.year();
    match day {
        Some(d) => {
            let Some(candidate) = NaiveDate::from_ymd_opt(y, month, d) else {
                return y;
            };
            let diff = (candidate - published).num_days();
            if diff > 183 {
                y - 1
            } else if diff < -183 {
                y + 1
            } else {
                y
            }
        }
        None => {
            let pm = published.month();
            if ahead && month < pm {
                y + 1
            } else if !ahead && month > pm {
                y - 1
            } else {
                y
            }
        }
    }
}

/// The weekday `day` nearest to `published` in the given direction. `strict` excludes the
/// publication day itself.
fn weekday_near(published: NaiveDate, day: u32, forward: bool, strict: bool) -> Option<NaiveDate> {
    let today = published.weekday().number_from_monday() as i64;
    let target = day as i64;
    let mut delta = if forward {
        (target - today).rem_euclid(7)
    } else {
        -(today - target).rem_euclid(7)
    };
    if strict && delta == 0 {
        delta = if forward { 7 } else { -7 };
    }
    shift_days(published, delta)
}

fn iso_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

/// Anchors `meaning` on `published`; `ahead` is true when the context looks ahead.
pub fn normalize(meaning: &Meaning, published: Option<NaiveDate>, ahead: bool) -> Normalized {
    match meaning {
        Meaning::Date { year, month, day } => {
            let y = match (year, published) {
                (YearRef::Nearest, Some(p)) => Some(infer_year(p, *month, *day, ahead)),
                (other, p) => year_of(*other, p),
            };
            match (y, day) {
                (Some(y), Some(d)) => {
                    let point = NaiveDate::from_ymd_opt(y, *month, *d).and_then(day_point);
                    date(format!("{y:04}-{month:02}-{d:02}"), point)
                }
                (Some(y), None) => date(format!("{y:04}-{month:02}"), month_point(y, *month)),
                (None, Some(d)) => date(format!("XXXX-{month:02}-{d:02}"), None),
                (None, None) => date(format!("XXXX-{month:02}"), None),
            }
        }
        Meaning::NamedMonth { month, shift } => {
            let Some(p) = published else {
                return date(format!("XXXX-{month:02}"), None);
            };
            let y = match shift {
                None => infer_year(p, *month, None, ahead),
                Some(0) => p.year(),
                Some(s) if *s < 0 => {
                    if *month < p.month() {
                        p.year()
                    } else {
                        p.year() - 1
                    }
                }
                Some(_) => {
                    if *month > p.month() {
                        p.year()
                    } else {
                        p.year() + 1
                    }
                }
            };
            date(format!("{y:04}-{month:02}"), month_point(y, *month))
        }
        Meaning::Year(year) => match year_of(*year, published) {
            Some(y) => date(format!("{y:04}"), year_point(y)),
            None => date("XXXX".to_string(), None),
        },
        Meaning::ShortYear(yy) => {
            let pivot = published.map_or(30, |p| (p.year() % 100) as u32 + 10);
            let y = if *yy <= pivot { 2000 } else { 1900 } + *yy as i32;
            date(format!("{y:04}"), year_point(y))
        }
        Meaning::Decade { century, decade } => {
            let c = century.unwrap_or_else(|| {
                let y = published.map_or(2000, |p| p.year());
                let c = y / 100;
                if c * 100 + decade * 10 > y { c - 1 } else { c }
            });
            let first = c * 100 + decade * 10;
            let point = NaiveDate::from_ymd_opt(first, 1, 1).map(|d| CalendarPoint {
                date: d,
                granularity: Granularity::Decade,
            });
            date(format!("{:03}", c * 10 + decade), point)
        }
        Meaning::Weekday { day, shift, part } => {
            let suffix = part.map_or(String::new(), |p| format!("T{p}"));
            let kind = if part.is_some() {
                TimexKind::Time
            } else {
                TimexKind::Date
            };
            let resolved = published.and_then(|p| match shift {
                Some(s) if *s < 0 => weekday_near(p, *day, false, true),
                Some(s) if *s > 0 => weekday_near(p, *day, true, true),
                _ => weekday_near(p, *day, ahead, false),
            });
            match resolved {
                Some(d) => Normalized {
                    value: format!("{}{suffix}", day_text(d)),
                    kind,
                    point: day_point(d),
                },
                None => Normalized {
                    value: format!("XXXX-WXX-{day}{suffix}"),
                    kind,
                    point: None,
                },
            }
        }
        Meaning::Deictic { days, part } => {
            let suffix = part.map_or(String::new(), |p| format!("T{p}"));
            let kind = if part.is_some() {
                TimexKind::Time
            } else {
                TimexKind::Date
            };
            match published.and_then(|p| shift_days(p, *days)) {
                Some(d) => Normalized {
                    value: format!("{}{suffix}", day_text(d)),
                    kind,
                    point: day_point(d),
                },
                None => Normalized {
                    value: format!("XXXX-XX-XX{suffix}"),
                    kind,
                    point: None,
                },
            }
        }
        Meaning::Relative { unit, offset } => relative(*unit, *offset, published),
        Meaning::Quarter { year, quarter } => match year_of(*year, published) {
            // A quarter without a year: the nearest one in the verb's direction.
            Some(y) if *year == YearRef::Nearest => {
                let current = published.map_or(1, |p| (p.month() - 1) / 3 + 1);
                let y = if !ahead && *quarter > current {
                    y - 1
                } else if ahead && *quarter < current {
                    y + 1
                } else {
                    y
                };
                date(format!("{y:04}-Q{quarter}"), None)
            }
            Some(y) => date(format!("{y:04}-Q{quarter}"), None),
            None => date(format!("XXXX-Q{quarter}"), None),
        },
        Meaning::Season { year, season } => match year_of(*year, published) {
            Some(y) => date(format!("{y:04}-{season}"), None),
            None => date(format!("XXXX-{season}"), None),
        },
        Meaning::Weekend { offset } => match published.and_then(|p| shift_days(p, offset * 7)) {
            Some(d) => date(format!("{}-WE", iso_week(d)), None),
            None => date("XXXX-WXX-WE".to_string(), None),
        },
        Meaning::Clock { hour, minute, zone } => Normalized {
            // The day is filled in from context by the caller; this is the day-less form.
            value: format!("XXXX-XX-XXT{hour:02}:{minute:02}{zone}"),
            kind: TimexKind::Time,
            point: None,
        },
        Meaning::Duration(v) => Normalized {
            value: v.clone(),
            kind: TimexKind::Duration,
            point: None,
        },
        Meaning::Set(v) => Normalized {
            value: v.clone(),
            kind: TimexKind::Set,
            point: None,
        },
        Meaning::Vague(v) => date((*v).to_string(), None),
        // Never reported (see `find_times`); an empty value if it ever were.
        Meaning::Age => date(String::new(), None),
    }
}

fn relative(unit: Unit, offset: i64, published: Option<NaiveDate>) -> Normalized {
    let Some(p) = published else {
        let value = match unit {
            Unit::Week => "XXXX-WXX",
            Unit::Month => "XXXX-XX",
            Unit::Year | Unit::Decade | Unit::Century | Unit::Quarter => "XXXX",
            _ => "XXXX-XX-XX",
        };
        return date(value.to_string(), None);
    };
    match unit {
        Unit::Week => match shift_days(p, offset * 7) {
            Some(d) => date(iso_week(d), None),
            None => date("XXXX-WXX".to_string(), None),
        },
        Unit::Month => match shift_months(p, offset) {
            Some(d) => date(month_text(d), month_point(d.year(), d.month())),
            None => date("XXXX-XX".to_string(), None),
        },
        Unit::Quarter => {
            let q0 = i64::from(p.year()) * 4 + i64::from((p.month() - 1) / 3) + offset;
            let (y, q) = (q0.div_euclid(4), q0.rem_euclid(4) + 1);
            date(format!("{y:04}-Q{q}"), None)
        }
        Unit::Year | Unit::Decade | Unit::Century => {
            let years = offset * i64::from(unit.factor());
            let y = i64::from(p.year()) + years;
            let y = i32::try_from(y).unwrap_or(p.year());
            date(format!("{y:04}"), year_point(y))
        }
        Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => {
            let days = if unit == Unit::Day { offset } else { 0 };
            match shift_days(p, days) {
                Some(d) => date(day_text(d), day_point(d)),
                None => date("XXXX-XX-XX".to_string(), None),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pubd() -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2023, 7, 27) // a Thursday
    }

    /// The hand-written day and month texts are chrono's, at the edges of its range too.
    #[test]
    fn day_and_month_texts_are_chronos() {
        let dates = [
            (0, 1, 1),
            (9, 12, 31),
            (999, 2, 28),
            (2023, 7, 27),
            (9999, 12, 31),
            (10000, 1, 1),
            (-1, 6, 15),
            (-44, 3, 15),
        ];
        for (y, m, d) in dates {
            let Some(day) = NaiveDate::from_ymd_opt(y, m, d) else {
                panic!("{y}-{m}-{d} is a date");
            };
            assert_eq!(day_text(day), day.format("%Y-%m-%d").to_string());
            assert_eq!(month_text(day), day.format("%Y-%m").to_string());
        }
    }

    #[test]
    fn values_table() {
        let cases: Vec<(Meaning, Option<NaiveDate>, bool, &str)> = vec![
            (
                Meaning::Weekday {
                    day: 3,
                    shift: None,
                    part: None,
                },
                pubd(),
                false,
                "2023-07-26",
            ),
            (
                Meaning::Weekday {
                    day: 4,
                    shift: None,
                    part: Some("MO"),
                },
                pubd(),
                false,
                "2023-07-27TMO",
            ),
            (
                Meaning::Weekday {
                    day: 5,
                    shift: None,
                    part: None,
                },
                pubd(),
                false,
                "2023-07-21",
            ),
            (
                Meaning::Weekday {
                    day: 5,
                    shift: None,
                    part: None,
                },
                pubd(),
                true,
                "2023-07-28",
            ),
            (
                Meaning::Weekday {
                    day: 4,
                    shift: Some(-1),
                    part: None,
                },
                pubd(),
                false,
                "2023-07-20",
            ),
            (
                Meaning::Weekday {
                    day: 5,
                    shift: None,
                    part: None,
                },
                None,
                false,
                "XXXX-WXX-5",
            ),
            (
                Meaning::NamedMonth {
                    month: 3,
                    shift: None,
                },
                pubd(),
                false,
                "2023-03",
            ),
            (
                Meaning::NamedMonth {
                    month: 9,
                    shift: None,
                },
                pubd(),
                false,
                "2022-09",
            ),
            (
                Meaning::NamedMonth {
                    month: 9,
                    shift: None,
                },
                pubd(),
                true,
                "2023-09",
            ),
            (
                Meaning::NamedMonth {
                    month: 3,
                    shift: Some(1),
                },
                pubd(),
                false,
                "2024-03",
            ),
            (
                Meaning::Date {
                    year: YearRef::Nearest,
                    month: 3,
                    day: Some(21),
                },
                None,
                false,
                "XXXX-03-21",
            ),
            (
                Meaning::Date {
                    year: YearRef::Nearest,
                    month: 12,
                    day: Some(28),
                },
                NaiveDate::from_ymd_opt(2023, 1, 5),
                false,
                "2022-12-28",
            ),
            (
                Meaning::Date {
                    year: YearRef::Written(2008),
                    month: 3,
                    day: Some(1),
                },
                None,
                false,
                "2008-03-01",
            ),
            (
                Meaning::Relative {
                    unit: Unit::Year,
                    offset: -2,
                },
                pubd(),
                false,
                "2021",
            ),
            (
                Meaning::Relative {
                    unit: Unit::Week,
                    offset: -1,
                },
                pubd(),
                false,
                "2023-W29",
            ),
            (
                Meaning::Relative {
                    unit: Unit::Month,
                    offset: 1,
                },
                pubd(),
                false,
                "2023-08",
            ),
            (
                Meaning::Relative {
                    unit: Unit::Day,
                    offset: -1,
                },
                pubd(),
                false,
                "2023-07-26",
            ),
            (
                Meaning::Relative {
                    unit: Unit::Quarter,
                    offset: -1,
                },
                pubd(),
                false,
                "2023-Q2",
            ),
            (
                Meaning::Relative {
                    unit: Unit::Year,
                    offset: -2,
                },
                None,
                false,
                "XXXX",
            ),
            (
                Meaning::Decade {
                    century: Some(19),
                    decade: 9,
                },
                None,
                false,
                "199",
            ),
            (
                Meaning::Decade {
                    century: None,
                    decade: 7,
                },
                pubd(),
                false,
                "197",
            ),
            (Meaning::ShortYear(82), pubd(), false, "1982"),
            (
                Meaning::Deictic {
                    days: 0,
                    part: Some("NI"),
                },
                pubd(),
                false,
                "2023-07-27TNI",
            ),
            (Meaning::Weekend { offset: 0 }, pubd(), false, "2023-W30-WE"),
        ];
        for (meaning, published, ahead, want) in cases {
            assert_eq!(
                normalize(&meaning, published, ahead).value,
                want,
                "{meaning:?}"
            );
        }
    }

    #[test]
    fn points_only_for_calendar_dates() {
        let year = normalize(&Meaning::Year(YearRef::Written(1960)), None, false);
        assert_eq!(year.point.map(|p| p.granularity), Some(Granularity::Year));
        let undated = normalize(
            &Meaning::Weekday {
                day: 5,
                shift: None,
                part: None,
            },
            None,
            false,
        );
        assert!(undated.point.is_none());
        let duration = normalize(&Meaning::Duration("P5Y".into()), pubd(), false);
        assert!(duration.point.is_none());
        assert_eq!(duration.kind, TimexKind::Duration);
        let vague = normalize(&Meaning::Vague("PAST_REF"), pubd(), false);
        assert!(vague.point.is_none());
    }
}
