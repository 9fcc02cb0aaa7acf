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

use std::hash::{BuildHasher, Hash, Hasher};

use rayon::prelude::*;
use rustc_hash::{FxBuildHasher, FxHashMap};

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

/// A merge key with its hash, computed where the key is made (on every core) so that the
/// merge, which runs on one, does not hash names.
#[derive(Debug, Clone)]
struct HashedKey {
    hash: u64,
    key: Key,
}

impl HashedKey {
    fn new(key: Key) -> HashedKey {
        HashedKey {
            hash: FxBuildHasher.hash_one(&key),
            key,
        }
    }
}

impl PartialEq for HashedKey {
    fn eq(&self, other: &HashedKey) -> bool {
        // Equal keys have equal hashes: comparing the hashes first only skips work.
        self.hash == other.hash && self.key == other.key
    }
}

impl Eq for HashedKey {}

impl Hash for HashedKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

/// One article's citations with their merge keys, not yet merged with other articles'. The keys
/// are made here, on every core, so that the merge, which runs on one, only looks them up.
#[derive(Debug, Default)]
pub(crate) struct ArticleCitations(Vec<(HashedKey, Found)>);

/// The citations of an article whose attribution analysis is made (the pipeline makes it once
/// and shares it with the quote finder).
pub(crate) fn article_citations(
    analysis: &Analysis<'_>,
    article: &Article,
    actors: &[Actor],
) -> ArticleCitations {
    let found = citations(analysis, article, actors);
    let mut keyed = Vec::with_capacity(found.len());
    keyed.extend(
        found
            .into_iter()
            .filter_map(|found| Some((HashedKey::new(Key::of(&found)?), found))),
    );
    ArticleCitations(keyed)
}

/// Merges the articles' citations (in article order) into sources, in order of first citation.
pub(crate) fn merge_citations(mut per_article: Vec<ArticleCitations>) -> Vec<CitedSource> {
    let mut sources: Vec<CitedSource> = Vec::new();
    let mut index: FxHashMap<HashedKey, usize> = FxHashMap::default();
    // A source's earlier citation of the same sentence, found through a map rather than a scan
    // of the thousands of citations a much-cited source has. A sentence belongs to one article,
    // and each article's citations come together, so the map holds one article's at a time.
    let mut seen: FxHashMap<(usize, SentenceRef), usize> = FxHashMap::default();
    // The citations are read in place and what the sources keep is taken out of them; what is
    // left (the keys and names of sources already known) is dropped chunk by chunk on every
    // core, not string by string on the one core that merges, and still as the merge goes on
    // (dropping all of it only at the end would hold it through the whole merge).
    for chunk in per_article.chunks_mut(DROP_CHUNK) {
        merge_chunk(chunk, &mut sources, &mut index, &mut seen);
        chunk
            .par_iter_mut()
            .for_each(|article| *article = ArticleCitations::default());
    }
    for s in &mut sources {
        s.citations.sort_by_key(|c| c.at);
    }
    sources
}

/// Articles merged before what is left of their citations is dropped.
const DROP_CHUNK: usize = 1024;

/// Merges the citations of consecutive articles into `sources`, taking out of them what the
/// sources keep (see [`merge_citations`]).
fn merge_chunk(
    chunk: &mut [ArticleCitations],
    sources: &mut Vec<CitedSource>,
    index: &mut FxHashMap<HashedKey, usize>,
    seen: &mut FxHashMap<(usize, SentenceRef), usize>,
) {
    for article in chunk {
        seen.clear();
        for (key, found) in &mut article.0 {
            let slot = match index.get(key) {
                Some(&slot) => slot,
                None => {
                    let slot = sources.len();
                    sources.push(CitedSource {
                        id: SourceId::from_index(slot),
                        name: std::mem::take(&mut found.name),
                        kind: found.kind,
                        actor: found.actor,
                        citations: Vec::new(),
                    });
                    index.insert(key.clone(), slot);
                    slot
                }
            };
            let Some(source) = sources.get_mut(slot) else {
                continue;
            };
            let citation = Citation {
                at: found.at,
                channel: found.channel.take(),
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorId, ArticleId};

    /// The merge as a scan: every source and every earlier citation looked for one by one.
    fn merge_by_scan(per_article: Vec<Vec<Found>>) -> Vec<CitedSource> {
        let mut keys: Vec<Key> = Vec::new();
        let mut sources: Vec<CitedSource> = Vec::new();
        for found in per_article.into_iter().flatten() {
            let Some(key) = Key::of(&found) else {
                continue;
            };
            let slot = keys.iter().position(|k| *k == key).unwrap_or_else(|| {
                keys.push(key);
                sources.push(CitedSource {
                    id: SourceId::from_index(sources.len()),
                    name: found.name.clone(),
                    kind: found.kind,
                    actor: found.actor,
                    citations: Vec::new(),
                });
                sources.len() - 1
            });
            let citations = &mut sources[slot].citations;
            match citations.iter_mut().find(|c| c.at == found.at) {
                Some(c) if c.channel.is_none() => c.channel = found.channel,
                Some(_) => {}
                None => citations.push(Citation {
                    at: found.at,
                    channel: found.channel,
                }),
            }
        }
        for s in &mut sources {
            s.citations.sort_by_key(|c| c.at);
        }
        sources
    }

    #[test]
    fn merging_in_chunks_gives_what_a_scan_gives() {
        let names = ["Reuters", "the army", "The Army", "Mr Okafor", "", "AFP"];
        let channels = [None, Some("said"), Some("told reporters")];
        // Enough articles for several chunks, citing the same sources and sentences again.
        let per_article: Vec<Vec<Found>> = (0..2 * DROP_CHUNK + 7)
            .map(|a| {
                (0..a % 5)
                    .map(|i| Found {
                        name: names[(a * 7 + i) % names.len()].to_string(),
                        kind: SourceKind::Media,
                        actor: ((a + i) % 4 == 0).then_some(ActorId(((a + i) % 3) as u32)),
                        at: SentenceRef {
                            article: ArticleId(a as u32),
                            sentence: ((a + 3 * i) % 3) as u32,
                        },
                        channel: channels[(a + i) % channels.len()].map(str::to_string),
                    })
                    .collect()
            })
            .collect();
        let keyed: Vec<ArticleCitations> = per_article
            .iter()
            .map(|found| {
                ArticleCitations(
                    found
                        .iter()
                        .filter_map(|f| Some((HashedKey::new(Key::of(f)?), f.clone())))
                        .collect(),
                )
            })
            .collect();
        let merged = merge_citations(keyed);
        assert!(merged.len() > 3 && merged.iter().any(|s| s.citations.len() > 100));
        assert_eq!(merged, merge_by_scan(per_article));
    }
}
