//! Time expressions: found in English news and normalised TimeML-style against the article's
//! publication date.
//!
//! STUB: the times helper replaces this.

use chrono::NaiveDate;

use crate::model::{CalendarPoint, Span, TimexKind};

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

/// Finds the time expressions in `text`, anchoring relative ones on `published`.
pub fn find_times(text: &str, published: Option<NaiveDate>) -> Vec<FoundTime> {
    let _ = (text, published);
    Vec::new()
}
