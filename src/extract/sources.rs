//! Outlets and cited sources: who published each article and whom it relies on.
//!
//! STUB: the sources helper replaces this.

use crate::model::{Actor, Article, CitedSource, Mention, Quote};

/// The outlet an article names for itself in its page furniture, when unambiguous.
pub fn outlet_from_furniture(article: &Article) -> Option<String> {
    let _ = article;
    None
}

/// The sources every article cites, merged across the corpus.
pub fn find_cited_sources(
    articles: &[Article],
    mentions: &[Mention],
    actors: &[Actor],
    quotes: &[Quote],
) -> Vec<CitedSource> {
    let _ = (articles, mentions, actors, quotes);
    Vec::new()
}
