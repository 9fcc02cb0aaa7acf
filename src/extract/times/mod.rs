//! Time expressions: found in English news and normalised TimeML-style against the article's
//! publication date.
//!
//! The work is split in steps, one module each: [`tokens`] splits the text and gives every word
//! its [`classes`] (read once from the word lists of [`lexicon`]), [`grammar`] with its pattern
//! families ([`calendar`], [`relative`], [`lengths`]) finds expressions and their extents,
//! trying patterns only at tokens that can open one ([`starters`]), [`context`] tells whether
//! the words around look ahead, and [`normalize`] anchors each [`meaning::Meaning`] on the
//! publication date.
//!
//! Extents follow TimeML / TempEval-3 news annotation: the expression without a preceding
//! preposition ("on Wednesday" → `Wednesday`), with its modifiers (`early 2009`, `Thursday
//! morning`) and with "the" where it is part of a relative phrase (`the past decade`).
//!
//! Ambiguous numeric dates (`07/08/2023`): when a part is above 12 it is the day; when both
//! parts could be a month, the text's own unambiguous numeric dates decide the order (an article
//! that writes `27/07/2023` elsewhere is day-first), and otherwise month-first is assumed, as in
//! the American style of most English-language wire copy.

mod calendar;
mod classes;
mod context;
mod grammar;
mod lengths;
pub(crate) mod lexicon;
mod meaning;
mod normalize;
mod relative;
mod starters;
mod tokens;

use chrono::NaiveDate;

use crate::model::{CalendarPoint, Granularity, Span, TimexKind};
use grammar::{Found, Scanner};
use meaning::Meaning;

/// A time expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundTime {
    /// The expression's bytes in the text.
    pub span: Span,
    /// The TimeML value.
    pub value: String,
    /// Date, time, duration or set.
    pub kind: TimexKind,
    /// Where it sits on the calendar, when it does.
    pub point: Option<CalendarPoint>,
    /// True when the context looks ahead ("is set to", "will").
    pub ahead: bool,
}

/// How far (in bytes) a clock time looks for the day it belongs to.
const CLOCK_REACH: usize = 200;

/// Finds the time expressions in `text`, anchoring relative ones on `published`.
pub fn find_times(text: &str, published: Option<NaiveDate>) -> Vec<FoundTime> {
    let tokens = tokens::tokenize(text);
    let day_first = prefers_day_first(text, &tokens);
    let scanner = Scanner::new(text, &tokens, day_first);
    let found = grammar::scan(&scanner);
    let mut times: Vec<FoundTime> = found
        .iter()
        .filter(|f| f.meaning != Meaning::Age)
        .filter_map(|f| {
            let first = tokens.get(f.start)?;
            let last = tokens.get(f.end.checked_sub(1)?)?;
            let ahead = context::looks_ahead(&scanner, f.start, f.end);
            let n = normalize::normalize(&f.meaning, published, ahead);
            Some(FoundTime {
                span: Span::new(first.start, last.end),
                value: n.value,
                kind: n.kind,
                point: n.point,
                ahead,
            })
        })
        .collect();
    join_clock_times(text, &found, &mut times, published);
    times
}

/// Reads the article's unambiguous numeric dates: day-first when one has a first part above 12.
fn prefers_day_first(text: &str, tokens: &[tokens::Token]) -> bool {
    let s = Scanner::new(text, tokens, false);
    (0..s.len()).any(|i| {
        s.punct(i + 1, "/")
            && s.touches(i)
            && s.punct(i + 3, "/")
            && s.digits(i).is_some_and(|(a, _)| a > 12 && a <= 31)
            && s.digits(i + 2).is_some_and(|(b, _)| b <= 12)
    })
}

/// Gives each clock time the day its context gives: the nearest day-level expression in the
/// same paragraph within reach, else the publication date; without either it keeps `XXXX-XX-XX`.
fn join_clock_times(
    text: &str,
    found: &[Found],
    times: &mut [FoundTime],
    published: Option<NaiveDate>,
) {
    let clock_at: Vec<bool> = found
        .iter()
        .filter(|f| f.meaning != Meaning::Age)
        .map(|f| matches!(f.meaning, Meaning::Clock { .. }))
        .collect();
    let days: Vec<(usize, NaiveDate)> = times
        .iter()
        .filter_map(|t| {
            let p = t.point?;
            (p.granularity == Granularity::Day).then_some((t.span.start as usize, p.date))
        })
        .collect();
    for (t, is_clock) in times.iter_mut().zip(clock_at) {
        if !is_clock {
            continue;
        }
        let at = t.span.start as usize;
        let same_paragraph = |pos: usize| {
            let (a, b) = if pos < at { (pos, at) } else { (at, pos) };
            text.get(a..b)
                .is_some_and(|between| !between.contains("\n"))
        };
        let day = days
            .iter()
            .filter(|(pos, _)| pos.abs_diff(at) <= CLOCK_REACH && same_paragraph(*pos))
            .min_by_key(|(pos, _)| pos.abs_diff(at))
            .map(|(_, d)| *d)
            .or(published);
        if let Some(d) = day
            && let Some(clock) = t.value.strip_prefix("XXXX-XX-XX")
        {
            t.value = format!("{}{clock}", normalize::day_text(d));
            t.point = Some(CalendarPoint {
                date: d,
                granularity: Granularity::Day,
            });
        }
    }
}

#[cfg(test)]
mod tests;
