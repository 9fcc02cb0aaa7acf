//! Outlets and cited sources: who published each article and whom it relies on.
//!
//! [`outlet`] reads an outlet's self-reference from page furniture; [`cited`] finds each
//! article's citations from the attribution records of [`crate::extract::quotes`], the
//! agencies and media the text names, and the photo credits; [`classify`] gives their kinds and
//! the key that merges one source across articles (its actor, else its normalised name).

mod cited;
mod classify;
mod outlet;

use std::collections::HashMap;

use crate::extract::quotes::attribution::Analysis;
use crate::model::{Actor, Article, Citation, CitedSource, SentenceRef, SourceId, SourceKind};
use cited::{Found, citations};
pub use outlet::outlet_from_furniture;

/// What merges citations into one source: the actor, or the normalised name; credits apart.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Actor(u32, bool),
    Name(String, bool),
}

/// One article's citations, not yet merged with other articles'.
#[derive(Debug, Default)]
pub(crate) struct ArticleCitations(Vec<Found>);

/// The citations of an article whose attribution analysis is made (the pipeline makes it once
/// and shares it with the quote finder).
pub(crate) fn article_citations(
    analysis: &Analysis<'_>,
    article: &Article,
    actors: &[Actor],
) -> ArticleCitations {
    ArticleCitations(citations(analysis, article, actors))
}

/// Merges the articles' citations (in article order) into sources, in order of first citation.
pub(crate) fn merge_citations(per_article: Vec<ArticleCitations>) -> Vec<CitedSource> {
    let mut sources: Vec<CitedSource> = Vec::new();
    let mut index: HashMap<Key, usize> = HashMap::new();
    let mut seen: HashMap<(usize, SentenceRef), usize> = HashMap::new();
    for found in per_article.into_iter().flat_map(|a| a.0) {
        let credit = found.kind == SourceKind::Credit;
        let key = match found.actor {
            Some(a) => Key::Actor(a.0, credit),
            None => Key::Name(classify::normalised(&found.name), credit),
        };
        if matches!(&key, Key::Name(n, _) if n.is_empty()) {
            continue;
        }
        let slot = *index.entry(key).or_insert_with(|| {
            sources.push(CitedSource {
                id: SourceId::from_index(sources.len()),
                name: found.name.clone(),
                kind: found.kind,
                actor: found.actor,
                citations: Vec::new(),
            });
            sources.len() - 1
        });
        if let Some(source) = sources.get_mut(slot) {
            let citation = Citation {
                at: found.at,
                channel: found.channel,
            };
            // A source cited by thousands of articles has thousands of citations: finding the
            // sentence's earlier citation goes through a map, not a scan of them all.
            let known = seen.get(&(slot, citation.at)).copied();
            match known {
                Some(i) => {
                    // Keep the most informative channel for a sentence.
                    if let Some(c) = source.citations.get_mut(i)
                        && c.channel.is_none()
                    {
                        c.channel = citation.channel;
                    }
                }
                None => {
                    seen.insert((slot, citation.at), source.citations.len());
                    source.citations.push(citation);
                }
            }
        }
    }
    for s in &mut sources {
        s.citations.sort_by_key(|c| c.at);
    }
    sources
}
