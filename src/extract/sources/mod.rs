//! Outlets and cited sources: who published each article and whom it relies on.
//!
//! [`outlet`] reads an outlet's self-reference from page furniture; [`cited`] finds each
//! article's citations from the attribution records of [`crate::extract::quotes`], the
//! agencies and media the text names, and the photo credits; [`classify`] gives their kinds and
//! the key that merges one source across articles (its actor, else its normalised name).

mod cited;
mod classify;
mod media;
mod outlet;

use rustc_hash::FxHashMap;

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

impl Key {
    /// The key of one citation, or `None` when its name normalises to nothing (it is dropped).
    fn of(found: &Found) -> Option<Key> {
        let credit = found.kind == SourceKind::Credit;
        let key = match found.actor {
            Some(a) => Key::Actor(a.0, credit),
            None => Key::Name(classify::normalised(&found.name), credit),
        };
        (!matches!(&key, Key::Name(n, _) if n.is_empty())).then_some(key)
    }
}

/// One article's citations with their merge keys, not yet merged with other articles'. The keys
/// are made here, on every core, so that the merge, which runs on one, only looks them up.
#[derive(Debug, Default)]
pub(crate) struct ArticleCitations(Vec<(Key, Found)>);

/// The citations of an article whose attribution analysis is made (the pipeline makes it once
/// and shares it with the quote finder).
pub(crate) fn article_citations(
    analysis: &Analysis<'_>,
    article: &Article,
    actors: &[Actor],
) -> ArticleCitations {
    ArticleCitations(
        citations(analysis, article, actors)
            .into_iter()
            .filter_map(|found| Some((Key::of(&found)?, found)))
            .collect(),
    )
}

/// Merges the articles' citations (in article order) into sources, in order of first citation.
pub(crate) fn merge_citations(per_article: Vec<ArticleCitations>) -> Vec<CitedSource> {
    let mut sources: Vec<CitedSource> = Vec::new();
    let mut index: FxHashMap<Key, usize> = FxHashMap::default();
    // A source's earlier citation of the same sentence, found through a map rather than a scan
    // of the thousands of citations a much-cited source has. A sentence belongs to one article,
    // and each article's citations come together, so the map holds one article's at a time.
    let mut seen: FxHashMap<(usize, SentenceRef), usize> = FxHashMap::default();
    for article in per_article {
        seen.clear();
        for (key, found) in article.0 {
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
            let Some(source) = sources.get_mut(slot) else {
                continue;
            };
            let citation = Citation {
                at: found.at,
                channel: found.channel,
            };
            match seen.get(&(slot, citation.at)).copied() {
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
