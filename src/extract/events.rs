//! Events and timeline entries: sentences with anchored time expressions, grouped across
//! articles when they report the same happening.
//!
//! STUB: the times helper replaces this.

use crate::model::{Article, Event, Mention, TimeExpr, TimelineEntry};

/// Builds the events (one per anchored time expression's sentence) and groups them into
/// timeline entries in date order.
pub fn build_events(
    articles: &[Article],
    times: &[TimeExpr],
    mentions: &[Mention],
) -> (Vec<Event>, Vec<TimelineEntry>) {
    let _ = (articles, times, mentions);
    (Vec::new(), Vec::new())
}
