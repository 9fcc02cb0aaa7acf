//! Direct quotations and their speakers.
//!
//! STUB: the sources helper replaces this.

use crate::model::{Actor, Article, Mention, Quote};

/// Finds the direct quotations in one article and attributes each to its speaker. `mentions`
/// are this article's mentions in text order.
pub fn find_quotes(article: &Article, mentions: &[Mention], actors: &[Actor]) -> Vec<Quote> {
    let _ = (article, mentions, actors);
    Vec::new()
}
