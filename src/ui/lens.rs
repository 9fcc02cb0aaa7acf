//! The lens: a stack of chosen actors and sources that narrows every pane. This module computes
//! what each pane holds under a lens, from the corpus indexes; it runs when the lens changes,
//! never per keystroke.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use crate::model::{ActorId, ArticleId, Corpus, EntryId, QuoteId, SentenceRef, SourceId};

/// An outlet (publisher) and the articles it published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outlet {
    /// The outlet's name as the articles give it.
    pub name: String,
    /// Its articles, sorted.
    pub articles: Vec<ArticleId>,
}

/// The outlets of a corpus, most articles first, then by name.
pub fn outlets(corpus: &Corpus) -> Vec<Outlet> {
    let mut by_name: HashMap<&str, Vec<ArticleId>> = HashMap::new();
    for a in &corpus.articles {
        if let Some(o) = a.outlet.as_deref() {
            by_name.entry(o).or_default().push(a.id);
        }
    }
    let mut list: Vec<Outlet> = by_name
        .into_iter()
        .map(|(name, articles)| Outlet {
            name: name.to_string(),
            articles,
        })
        .collect();
    list.sort_by(|a, b| {
        b.articles
            .len()
            .cmp(&a.articles.len())
            .then(a.name.cmp(&b.name))
    });
    list
}

/// One choice in the lens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LensItem {
    /// An actor: panes keep what involves it.
    Actor(ActorId),
    /// An outlet (index into the outlets list): panes keep what its articles hold.
    Outlet(usize),
    /// A cited source: panes keep what the articles citing it hold.
    Source(SourceId),
}

/// A row of the sources pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceItem {
    /// An outlet, by index into the outlets list.
    Outlet(usize),
    /// A cited source.
    Cited(SourceId),
    /// A quotation by a lens actor (shown only under a lens with actors).
    Quote(QuoteId),
}

/// A row of the timeline pane: an entry, or an article at its publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimelineItem {
    /// A timeline entry (one or more event sentences about the same date).
    Entry(EntryId),
    /// An article, on the day it was published.
    Article(ArticleId),
}

/// What the panes hold under a lens, before any filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Narrowed {
    /// Timeline entries and dated articles, interleaved in date order.
    pub timeline: Vec<TimelineItem>,
    /// Outlets, cited sources, then the lens actors' quotes, each with its count under the lens
    /// (articles or citations; 0 for a quote).
    pub sources: Vec<(SourceItem, u32)>,
    /// Actors with their count: with actors in the lens, how many of their mentions share a
    /// sentence with a lens actor (what they are ranked by, then by mentions in the lens's
    /// articles); else their mentions in the lens's articles (or in all, without a lens).
    pub actors: Vec<(ActorId, u32)>,
}

/// The articles every lens item allows, or `None` when the lens is empty.
pub fn allowed_articles(
    corpus: &Corpus,
    outlets: &[Outlet],
    lens: &[LensItem],
) -> Option<Vec<bool>> {
    if lens.is_empty() {
        return None;
    }
    let n = corpus.articles.len();
    let mut allowed = vec![true; n];
    for item in lens {
        let mut mine = vec![false; n];
        let mut mark = |a: ArticleId| {
            if let Some(slot) = mine.get_mut(a.index()) {
                *slot = true;
            }
        };
        match item {
            LensItem::Actor(id) => corpus
                .actor(*id)
                .iter()
                .flat_map(|a| a.articles.iter())
                .for_each(|a| mark(*a)),
            LensItem::Outlet(i) => outlets
                .get(*i)
                .iter()
                .flat_map(|o| o.articles.iter())
                .for_each(|a| mark(*a)),
            LensItem::Source(id) => corpus
                .sources
                .get(id.index())
                .iter()
                .flat_map(|s| s.citations.iter())
                .for_each(|c| mark(c.at.article)),
        }
        for (a, m) in allowed.iter_mut().zip(mine) {
            *a &= m;
        }
    }
    Some(allowed)
}

fn is_allowed(allowed: &Option<Vec<bool>>, article: ArticleId) -> bool {
    allowed
        .as_ref()
        .is_none_or(|v| v.get(article.index()).copied().unwrap_or(false))
}

/// The sentences where an actor is mentioned.
fn sentences_of(corpus: &Corpus, actor: ActorId) -> HashSet<SentenceRef> {
    corpus
        .index
        .mentions_of_actor
        .get(actor.index())
        .into_iter()
        .flatten()
        .filter_map(|m| corpus.mentions.get(m.index()))
        .map(|m| m.at)
        .collect()
}

/// Intersection of two sorted lists.
fn intersect(a: &[EntryId], b: &[EntryId]) -> Vec<EntryId> {
    a.iter()
        .filter(|x| b.binary_search(x).is_ok())
        .copied()
        .collect()
}

/// What each pane holds under `lens`.
pub fn narrow(corpus: &Corpus, outlets: &[Outlet], lens: &[LensItem]) -> Narrowed {
    let allowed = allowed_articles(corpus, outlets, lens);
    let lens_actors: Vec<ActorId> = lens
        .iter()
        .filter_map(|i| match i {
            LensItem::Actor(a) => Some(*a),
            _ => None,
        })
        .collect();

    // Timeline: entries involving every lens actor, reported in an allowed article.
    let mut entries: Vec<EntryId> = match lens_actors.split_first() {
        None => corpus.entries.iter().map(|e| e.id).collect(),
        Some((first, rest)) => {
            let of = |a: &ActorId| {
                corpus
                    .index
                    .entries_of_actor
                    .get(a.index())
                    .cloned()
                    .unwrap_or_default()
            };
            rest.iter()
                .fold(of(first), |acc, a| intersect(&acc, &of(a)))
        }
    };
    if allowed.is_some() {
        entries.retain(|e| {
            corpus.entries.get(e.index()).is_some_and(|entry| {
                entry.events.iter().any(|ev| {
                    corpus
                        .events
                        .get(ev.index())
                        .is_some_and(|ev| is_allowed(&allowed, ev.at.article))
                })
            })
        });
    }

    let timeline = interleave(corpus, &entries, &allowed);

    // Sources: outlets with allowed articles, then cited sources citing or quoting the lens.
    let mut sources: Vec<(SourceItem, u32)> = outlets
        .iter()
        .enumerate()
        .filter_map(|(i, o)| {
            let n = o
                .articles
                .iter()
                .filter(|a| is_allowed(&allowed, **a))
                .count() as u32;
            (n > 0).then_some((SourceItem::Outlet(i), n))
        })
        .collect();
    let lens_sentences: Vec<HashSet<SentenceRef>> = lens_actors
        .iter()
        .map(|a| sentences_of(corpus, *a))
        .collect();
    let mut cited: Vec<(SourceItem, u32)> = corpus
        .sources
        .iter()
        .filter_map(|s| {
            let is_lens_actor = s.actor.is_some_and(|a| lens_actors.contains(&a));
            let n = s
                .citations
                .iter()
                .filter(|c| is_allowed(&allowed, c.at.article))
                .filter(|c| is_lens_actor || lens_sentences.iter().any(|set| set.contains(&c.at)))
                .count() as u32;
            let keep = if lens_actors.is_empty() {
                n > 0
            } else {
                n > 0 || (is_lens_actor && !s.citations.is_empty())
            };
            keep.then_some((SourceItem::Cited(s.id), n))
        })
        .collect();
    if lens_actors.is_empty() && allowed.is_none() {
        cited = corpus
            .sources
            .iter()
            .map(|s| (SourceItem::Cited(s.id), s.citations.len() as u32))
            .collect();
    }
    cited.sort_by_key(|c| std::cmp::Reverse(c.1));
    sources.extend(cited);
    sources.extend(
        lens_quotes(corpus, &lens_actors, &allowed)
            .into_iter()
            .map(|q| (SourceItem::Quote(q), 0)),
    );

    // Actors: those in allowed articles, ranked by co-occurrence in a sentence with the lens
    // actors, then by mentions in the allowed articles.
    let actors = match &allowed {
        None => {
            let mut all: Vec<(ActorId, u32)> = corpus
                .actors
                .iter()
                .filter(|a| !a.hidden)
                .map(|a| (a.id, a.mention_count))
                .collect();
            all.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            all
        }
        Some(allowed) => {
            let mut score: HashMap<ActorId, (u32, u32)> = HashMap::new();
            for (i, ok) in allowed.iter().enumerate() {
                if !*ok {
                    continue;
                }
                for m in corpus.mentions_in(ArticleId::from_index(i)) {
                    if lens_actors.contains(&m.actor) {
                        continue;
                    }
                    let slot = score.entry(m.actor).or_default();
                    slot.1 += 1;
                    if lens_sentences.iter().any(|set| set.contains(&m.at)) {
                        slot.0 += 1;
                    }
                }
            }
            let mut list: Vec<(ActorId, (u32, u32))> = score
                .into_iter()
                .filter(|(a, _)| corpus.actor(*a).is_some_and(|a| !a.hidden))
                .collect();
            list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            // The count shown is the one the list is ranked by.
            let by_sentences = !lens_actors.is_empty();
            list.into_iter()
                .map(|(a, (shared, mentions))| (a, if by_sentences { shared } else { mentions }))
                .collect()
        }
    };

    Narrowed {
        timeline,
        sources,
        actors,
    }
}

/// Entries and the dated articles the lens allows (an article stays when it mentions every lens
/// actor, is by every lens outlet and cites every lens source), in date order; on one day the
/// articles come first, as the day's heading. Undated articles have no place on a timeline.
fn interleave(
    corpus: &Corpus,
    entries: &[EntryId],
    allowed: &Option<Vec<bool>>,
) -> Vec<TimelineItem> {
    let mut rows: Vec<(NaiveDate, u8, TimelineItem)> = entries
        .iter()
        .filter_map(|e| {
            let entry = corpus.entries.get(e.index())?;
            Some((entry.point.date, 1, TimelineItem::Entry(*e)))
        })
        .collect();
    rows.extend(
        crate::extract::events::articles_by_date(&corpus.articles)
            .into_iter()
            .filter(|(_, a)| is_allowed(allowed, *a))
            .map(|(d, a)| (d, 0, TimelineItem::Article(a))),
    );
    // Stable: entries keep their order within a day.
    rows.sort_by_key(|r| (r.0, r.1));
    rows.into_iter().map(|r| r.2).collect()
}

/// The quotations spoken by any lens actor in an allowed article, in article date order.
fn lens_quotes(
    corpus: &Corpus,
    lens_actors: &[ActorId],
    allowed: &Option<Vec<bool>>,
) -> Vec<QuoteId> {
    let mut quotes: Vec<QuoteId> = lens_actors
        .iter()
        .filter_map(|a| corpus.index.quotes_of_actor.get(a.index()))
        .flatten()
        .copied()
        .filter(|q| {
            corpus
                .quotes
                .get(q.index())
                .is_some_and(|q| is_allowed(allowed, q.at.article))
        })
        .collect();
    quotes.sort_by_key(|q| {
        let at = corpus.quotes.get(q.index()).map(|q| q.at);
        let date = at
            .and_then(|at| corpus.article(at.article))
            .and_then(|a| a.date);
        (date, at.map(|at| (at.article, at.sentence)), *q)
    });
    quotes.dedup();
    quotes
}

/// The actors most often in the same sentence as `actor`, with how often, best first.
pub fn co_occurring(corpus: &Corpus, actor: ActorId, limit: usize) -> Vec<(ActorId, u32)> {
    let sentences = sentences_of(corpus, actor);
    let mut count: HashMap<ActorId, u32> = HashMap::new();
    let articles = corpus.actor(actor).map(|a| a.articles.clone());
    for article in articles.into_iter().flatten() {
        for m in corpus.mentions_in(article) {
            if m.actor != actor && sentences.contains(&m.at) {
                *count.entry(m.actor).or_default() += 1;
            }
        }
    }
    let mut list: Vec<(ActorId, u32)> = count.into_iter().collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    list.truncate(limit);
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::fixture;

    #[test]
    fn actor_lens_narrows_every_pane() {
        let c = fixture::corpus();
        let outlets = outlets(&c);
        let all = narrow(&c, &outlets, &[]);
        let tchiani = c.find_actor("Tchiani").expect("fixture actor");
        let lens = narrow(&c, &outlets, &[LensItem::Actor(tchiani)]);
        assert!(lens.timeline.len() < all.timeline.len());
        assert!(!lens.timeline.is_empty());
        for row in &lens.timeline {
            match row {
                TimelineItem::Entry(e) => {
                    assert!(c.index.entries_of_actor[tchiani.index()].contains(e))
                }
                TimelineItem::Article(a) => {
                    assert!(c.actors[tchiani.index()].articles.contains(a))
                }
            }
        }
        assert!(lens.actors.iter().all(|(a, _)| *a != tchiani));
        let france = c.find_actor("France").expect("fixture actor");
        let both = narrow(
            &c,
            &outlets,
            &[LensItem::Actor(tchiani), LensItem::Actor(france)],
        );
        assert!(both.timeline.len() <= lens.timeline.len());
    }
}
