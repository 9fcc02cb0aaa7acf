use chrono::NaiveDate;
use compact_str::CompactString;
use serde::{Deserialize, Serialize};

use super::{ActorId, EntryId, EventId, SentenceRef, Span};

/// The TimeML type of a time expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TimexKind {
    /// A calendar date or a part of one (a day, a month, a year, a decade).
    Date,
    /// A time of day.
    Time,
    /// A length of time (`P5Y`, `PT15M`): never a point on the timeline.
    Duration,
    /// A recurring time (`XXXX-WXX-5`): never a point on the timeline.
    Set,
}

/// How precisely a point on the calendar is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    /// A single day.
    Day,
    /// A calendar month.
    Month,
    /// A calendar year.
    Year,
    /// A decade.
    Decade,
}

/// A point on the calendar: the first day of the period and how long the period is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct CalendarPoint {
    /// The first day of the period.
    #[serde(with = "super::date_format")]
    pub date: NaiveDate,
    /// Day, month, year or decade.
    pub granularity: Granularity,
}

impl CalendarPoint {
    /// The date as written at its granularity: `2023-07-26`, `2023-07`, `2023`, `2020s`.
    pub fn label(&self) -> String {
        use chrono::Datelike;
        match self.granularity {
            Granularity::Day => self.date.format("%Y-%m-%d").to_string(),
            Granularity::Month => self.date.format("%Y-%m").to_string(),
            Granularity::Year => self.date.year().to_string(),
            Granularity::Decade => format!("{}s", self.date.year()),
        }
    }
}

/// A time expression found in an article, normalised TimeML-style.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeExpr {
    /// The article and sentence it stands in.
    pub at: SentenceRef,
    /// The expression's bytes in the body.
    pub span: Span,
    /// The TimeML value (`2023-07-26`, `2023-03`, `XXXX-03-21`, `P5Y`, `PAST_REF`, …). A compact
    /// string: values fit in its 24 inline bytes, which spares a corpus millions of allocations.
    pub value: CompactString,
    /// Date, time, duration or set.
    pub kind: TimexKind,
    /// Where it sits on the calendar; `None` for durations, sets, vague and unresolvable ones.
    pub point: Option<CalendarPoint>,
    /// True when the words around it look ahead ("is set to", "will"): the event it dates is
    /// expected, not reported.
    #[serde(default)]
    pub ahead: bool,
}

/// Whether an event's sentence reports the past or looks ahead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tense {
    /// Something that happened (or is happening).
    Past,
    /// Something expected, planned or announced for later.
    Ahead,
}

/// A dated event: a sentence with an anchored time expression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// Position in [`crate::model::Corpus::events`].
    pub id: EventId,
    /// The sentence reporting it.
    pub at: SentenceRef,
    /// The time expression that anchors it.
    pub time: super::TimeId,
    /// Its date and granularity.
    pub point: CalendarPoint,
    /// The actors mentioned in the sentence.
    pub actors: Vec<ActorId>,
    /// Past or ahead.
    pub tense: Tense,
    /// The timeline entry it belongs to.
    pub entry: EntryId,
}

/// One row of the timeline: events from one or more articles reporting the same happening.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// Position in [`crate::model::Corpus::entries`].
    pub id: EntryId,
    /// The date shared by its events.
    pub point: CalendarPoint,
    /// Its events; the first one supplies the summary.
    pub events: Vec<EventId>,
}
