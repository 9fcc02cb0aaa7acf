use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::*;

/// The whole corpus: articles and everything extracted from them, with the indexes that make
/// every cross-reference a lookup. Built once by [`crate::pipeline`], read-only afterwards.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Corpus {
    /// Articles, indexed by [`ArticleId`].
    pub articles: Vec<Article>,
    /// Actors, indexed by [`ActorId`].
    pub actors: Vec<Actor>,
    /// Mentions, indexed by [`MentionId`], sorted by article and position.
    pub mentions: Vec<Mention>,
    /// Time expressions, indexed by [`TimeId`], sorted by article and position.
    pub times: Vec<TimeExpr>,
    /// Dated events, indexed by [`EventId`].
    pub events: Vec<Event>,
    /// Timeline entries, indexed by [`EntryId`], in date order.
    pub entries: Vec<TimelineEntry>,
    /// Direct quotations, indexed by [`QuoteId`], sorted by article and position.
    pub quotes: Vec<Quote>,
    /// Cited sources, indexed by [`SourceId`].
    pub sources: Vec<CitedSource>,
    /// Passages shared between pairs of articles.
    pub passages: Vec<SharedPassage>,
    /// Lookups derived from the records above.
    pub index: Index,
}

/// Lookups derived from a corpus's records; rebuilt by [`Corpus::reindex`].
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Index {
    /// For each actor, its mentions in corpus order.
    pub mentions_of_actor: Vec<Vec<MentionId>>,
    /// For each article, the range of its mentions in [`Corpus::mentions`].
    pub mentions_in_article: Vec<std::ops::Range<u32>>,
    /// For each article, the actors it mentions, sorted.
    pub actors_in_article: Vec<Vec<ActorId>>,
    /// For each article, the range of its time expressions in [`Corpus::times`].
    pub times_in_article: Vec<std::ops::Range<u32>>,
    /// For each article, the range of its quotes in [`Corpus::quotes`].
    pub quotes_in_article: Vec<std::ops::Range<u32>>,
    /// For each actor, the timeline entries whose events involve it.
    pub entries_of_actor: Vec<Vec<EntryId>>,
    /// For each actor, the quotes attributed to it.
    pub quotes_of_actor: Vec<Vec<QuoteId>>,
    /// Events by the first day of their date.
    pub events_by_date: BTreeMap<NaiveDate, Vec<EventId>>,
}

/// Range of records for each article, given records sorted by article. One sequential pass:
/// a binary search per article would jump across millions of records.
fn ranges_by_article<T>(
    records: &[T],
    articles: usize,
    article_of: impl Fn(&T) -> ArticleId,
) -> Vec<std::ops::Range<u32>> {
    let mut ranges = vec![0..0; articles];
    let mut start = 0usize;
    for (i, record) in records.iter().enumerate() {
        let article = article_of(record);
        let next_differs = records.get(i + 1).is_none_or(|r| article_of(r) != article);
        if next_differs {
            if let Some(slot) = ranges.get_mut(article.index()) {
                *slot = start as u32..(i + 1) as u32;
            }
            start = i + 1;
        }
    }
    ranges
}

impl Corpus {
    /// Rebuilds [`Corpus::index`] from the records. Records must be sorted by article where the
    /// field docs say so; the pipeline guarantees it. The lists built from mentions and those
    /// built from events and quotes are built on two threads.
    pub fn reindex(&mut self) {
        let n_articles = self.articles.len();
        let n_actors = self.actors.len();
        let (
            (mentions_in_article, mentions_of_actor, actors_in_article),
            (entries_of_actor, events_by_date, quotes_of_actor),
        ) = rayon::join(
            || self.mention_lists(n_articles, n_actors),
            || {
                (
                    self.entries_of_actor(n_actors),
                    self.events_by_date(),
                    self.quotes_of_actor(n_actors),
                )
            },
        );
        self.index = Index {
            mentions_of_actor,
            mentions_in_article,
            actors_in_article,
            times_in_article: ranges_by_article(&self.times, n_articles, |t| t.at.article),
            quotes_in_article: ranges_by_article(&self.quotes, n_articles, |q| q.at.article),
            entries_of_actor,
            quotes_of_actor,
            events_by_date,
        };
    }

    /// Each article's range of mentions, each actor's mentions and each article's actors.
    #[allow(clippy::type_complexity)]
    fn mention_lists(
        &self,
        n_articles: usize,
        n_actors: usize,
    ) -> (
        Vec<std::ops::Range<u32>>,
        Vec<Vec<MentionId>>,
        Vec<Vec<ActorId>>,
    ) {
        let mentions_in_article = ranges_by_article(&self.mentions, n_articles, |m| m.at.article);
        // Exact capacities first: at scale, growing many small lists by doubling costs more
        // than counting.
        let mut per_actor = vec![0usize; n_actors];
        for m in &self.mentions {
            if let Some(n) = per_actor.get_mut(m.actor.index()) {
                *n += 1;
            }
        }
        let mut mentions_of_actor: Vec<Vec<MentionId>> =
            per_actor.iter().map(|&n| Vec::with_capacity(n)).collect();
        for (i, m) in self.mentions.iter().enumerate() {
            if let Some(list) = mentions_of_actor.get_mut(m.actor.index()) {
                list.push(MentionId::from_index(i));
            }
        }
        // Mentions are sorted by article, so each article's actors are one contiguous run.
        let actors_in_article = mentions_in_article
            .iter()
            .map(|range| {
                let mut actors: Vec<ActorId> = self
                    .mentions
                    .get(range.start as usize..range.end as usize)
                    .unwrap_or(&[])
                    .iter()
                    .map(|m| m.actor)
                    .collect();
                actors.sort_unstable();
                actors.dedup();
                actors.shrink_to_fit();
                actors
            })
            .collect();
        (mentions_in_article, mentions_of_actor, actors_in_article)
    }

    /// For each actor, the timeline entries whose events involve it, sorted.
    fn entries_of_actor(&self, n_actors: usize) -> Vec<Vec<EntryId>> {
        let mut entries_of_actor = vec![Vec::new(); n_actors];
        for event in &self.events {
            for actor in &event.actors {
                if let Some(list) = entries_of_actor.get_mut(actor.index()) {
                    list.push(event.entry);
                }
            }
        }
        for list in &mut entries_of_actor {
            list.sort_unstable();
            list.dedup();
        }
        entries_of_actor
    }

    /// Events by the first day of their date, ids in order within a day.
    fn events_by_date(&self) -> BTreeMap<NaiveDate, Vec<EventId>> {
        // Sorted by date (stable, so ids stay in order within a day), then built in one pass.
        let mut by_date: Vec<(NaiveDate, EventId)> =
            self.events.iter().map(|e| (e.point.date, e.id)).collect();
        by_date.sort_by_key(|(date, _)| *date);
        let mut events_by_date = BTreeMap::new();
        for run in by_date.chunk_by(|a, b| a.0 == b.0) {
            if let Some((date, _)) = run.first() {
                events_by_date.insert(*date, run.iter().map(|(_, id)| *id).collect());
            }
        }
        events_by_date
    }

    /// For each actor, the quotes attributed to it.
    fn quotes_of_actor(&self, n_actors: usize) -> Vec<Vec<QuoteId>> {
        let mut quotes_of_actor = vec![Vec::new(); n_actors];
        for (i, q) in self.quotes.iter().enumerate() {
            if let Speaker::Actor(actor) = q.speaker
                && let Some(list) = quotes_of_actor.get_mut(actor.index())
            {
                list.push(QuoteId::from_index(i));
            }
        }
        quotes_of_actor
    }

    /// The article with this id.
    pub fn article(&self, id: ArticleId) -> Option<&Article> {
        self.articles.get(id.index())
    }

    /// The actor with this id.
    pub fn actor(&self, id: ActorId) -> Option<&Actor> {
        self.actors.get(id.index())
    }

    /// The text of a sentence, or "" when the reference does not resolve.
    pub fn sentence_text(&self, at: SentenceRef) -> &str {
        self.article(at.article)
            .map_or("", |a| a.sentence_text(at.sentence))
    }

    /// The mentions in one article, in text order.
    pub fn mentions_in(&self, article: ArticleId) -> &[Mention] {
        let range = self
            .index
            .mentions_in_article
            .get(article.index())
            .cloned()
            .unwrap_or(0..0);
        self.mentions
            .get(range.start as usize..range.end as usize)
            .unwrap_or(&[])
    }

    /// The time expressions in one article, in text order.
    pub fn times_in(&self, article: ArticleId) -> &[TimeExpr] {
        let range = self
            .index
            .times_in_article
            .get(article.index())
            .cloned()
            .unwrap_or(0..0);
        self.times
            .get(range.start as usize..range.end as usize)
            .unwrap_or(&[])
    }

    /// The quotes in one article, in text order.
    pub fn quotes_in(&self, article: ArticleId) -> &[Quote] {
        let range = self
            .index
            .quotes_in_article
            .get(article.index())
            .cloned()
            .unwrap_or(0..0);
        self.quotes
            .get(range.start as usize..range.end as usize)
            .unwrap_or(&[])
    }

    /// Finds an actor by display name or alias, case-insensitively; visible actors only.
    pub fn find_actor(&self, name: &str) -> Option<ActorId> {
        let wanted = name.trim().to_lowercase();
        let visible = || self.actors.iter().filter(|a| !a.hidden);
        visible()
            .find(|a| a.name.to_lowercase() == wanted)
            .or_else(|| visible().find(|a| a.aliases.iter().any(|s| s.to_lowercase() == wanted)))
            .map(|a| a.id)
    }
}
