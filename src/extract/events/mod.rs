//! Events and timeline entries: sentences with anchored time expressions, grouped across
//! articles when they report the same happening.
//!
//! - Every sentence with a time expression that has a calendar point and is a date or a time
//!   of day makes one event per distinct point in it.
//! - Events are bucketed by point (date and granularity); only events of one bucket are ever
//!   compared, and within a bucket only with groups that share a content word (an inverted
//!   index), so the work grows with the events of a day, never with all pairs of the corpus.
//! - Two events report the same happening when their content words overlap enough (see
//!   [`group`]); shared actors make the match stronger when the actors are known.

mod group;
mod id_set;
mod member_index;
mod word_ids;
mod words;

use std::collections::BTreeMap;
use std::ops::Range;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::model::{
    ActorId, Article, ArticleId, CalendarPoint, EntryId, Event, EventId, Mention, SentenceRef,
    Tense, TimeExpr, TimeId, TimelineEntry, TimexKind,
};

pub use group::{MIN_SHARED_WORDS, SAME_HAPPENING};

/// Builds the events (one per distinct anchored point in a sentence) and groups them into
/// timeline entries in date order (then by first article).
pub fn build_events(
    articles: &[Article],
    times: &[TimeExpr],
    mentions: &[Mention],
) -> (Vec<Event>, Vec<TimelineEntry>) {
    let actors_in = ActorsBySentence::new(mentions);
    let mut events: Vec<Event> = Vec::new();
    let mut seen: Vec<(SentenceRef, CalendarPoint)> = Vec::new();
    for (i, t) in times.iter().enumerate() {
        let Some(point) = t.point else { continue };
        if !matches!(t.kind, TimexKind::Date | TimexKind::Time) {
            continue;
        }
        if seen.contains(&(t.at, point)) {
            continue;
        }
        // Times come sorted by article and position, so `seen` only needs the current sentence.
        seen.retain(|(at, _)| *at == t.at);
        seen.push((t.at, point));
        let published = articles.get(t.at.article.index()).and_then(|a| a.date);
        let tense = if t.ahead || published.is_some_and(|d| point.date > d) {
            Tense::Ahead
        } else {
            Tense::Past
        };
        events.push(Event {
            id: EventId::from_index(events.len()),
            at: t.at,
            time: TimeId::from_index(i),
            point,
            actors: actors_in.of(t.at),
            tense,
            entry: EntryId(0),
        });
    }

    let words = EventWords::new(articles, &events);
    let mut buckets: BTreeMap<CalendarPoint, Vec<usize>> = BTreeMap::new();
    for (i, e) in events.iter().enumerate() {
        buckets.entry(e.point).or_default().push(i);
    }
    // Buckets are independent, so they are clustered in parallel; collecting keeps their order.
    let buckets: Vec<(CalendarPoint, Vec<usize>)> = buckets.into_iter().collect();
    let mut groups: Vec<(CalendarPoint, Vec<usize>)> = buckets
        .par_iter()
        .flat_map_iter(|(point, members)| {
            let profiles: Vec<group::Profile> = members
                .iter()
                .filter_map(|&i| Some(group::Profile::new(words.of(i), &events.get(i)?.actors)))
                .collect();
            group::cluster(&profiles)
                .into_iter()
                .map(|cluster| {
                    let ids = cluster
                        .iter()
                        .filter_map(|&k| members.get(k).copied())
                        .collect();
                    (*point, ids)
                })
                .collect::<Vec<_>>()
        })
        .collect();
    drop(words);
    // Date order, then the first reporting article.
    let first_at = |ids: &Vec<usize>| ids.first().and_then(|&i| events.get(i)).map(|e| e.at);
    groups.sort_by(|(pa, a), (pb, b)| {
        pa.date
            .cmp(&pb.date)
            .then(pa.granularity.cmp(&pb.granularity))
            .then(first_at(a).cmp(&first_at(b)))
    });

    let mut entries = Vec::with_capacity(groups.len());
    for (n, (point, ids)) in groups.into_iter().enumerate() {
        let id = EntryId::from_index(n);
        for &i in &ids {
            if let Some(e) = events.get_mut(i) {
                e.entry = id;
            }
        }
        entries.push(TimelineEntry {
            id,
            point,
            events: ids.into_iter().map(EventId::from_index).collect(),
        });
    }
    (events, entries)
}

/// The actors mentioned in each sentence, sorted and distinct, found by binary search: one
/// sorted list instead of a hash map entry and a vector per sentence.
struct ActorsBySentence {
    /// Every (sentence, actor) mentioned, sorted, each once.
    pairs: Vec<(SentenceRef, ActorId)>,
}

impl ActorsBySentence {
    fn new(mentions: &[Mention]) -> ActorsBySentence {
        let mut pairs: Vec<(SentenceRef, ActorId)> =
            mentions.iter().map(|m| (m.at, m.actor)).collect();
        if pairs.is_sorted_by_key(|&(at, _)| at) {
            // Mentions come sorted by article and position: only each sentence's few actors
            // need sorting.
            for sentence in pairs.chunk_by_mut(|x, y| x.0 == y.0) {
                sentence.sort_unstable();
            }
        } else {
            pairs.sort_unstable();
        }
        pairs.dedup();
        ActorsBySentence { pairs }
    }

    /// The actors mentioned in sentence `at`, sorted and distinct.
    fn of(&self, at: SentenceRef) -> Vec<ActorId> {
        let start = self.pairs.partition_point(|&(s, _)| s < at);
        self.pairs
            .get(start..)
            .unwrap_or(&[])
            .iter()
            .take_while(|&&(s, _)| s == at)
            .map(|&(_, actor)| actor)
            .collect()
    }
}

/// The content words of every event, as sorted, distinct hashes in one flat buffer.
///
/// The words that identify a happening are taken from the event's sentence with its neighbours
/// in the same paragraph: news often reports one happening over two sentences (a quotation,
/// then who said it and when), and different articles split it differently. The words of a
/// window are the union of its sentences' words, so each sentence is read once per article.
struct EventWords {
    /// The words of each article's events, one event after the other.
    per_article: Vec<Vec<u64>>,
    /// For each event: its entry of `per_article`, and where its words start and end there.
    at: Vec<(u32, u32, u32)>,
}

impl EventWords {
    /// Reads the words of `events` (in article order), one article at a time in parallel. The
    /// words stay in one list per article (no copy of them all into one buffer, which would
    /// briefly double the memory of a large corpus).
    fn new(articles: &[Article], events: &[Event]) -> EventWords {
        let per_article: Vec<(Vec<usize>, Vec<u64>)> = events
            .chunk_by(|x, y| x.at.article == y.at.article)
            .collect::<Vec<_>>()
            .par_iter()
            .map(|chunk| {
                let article = chunk
                    .first()
                    .and_then(|e| articles.get(e.at.article.index()));
                article_event_words(article, chunk)
            })
            .collect();
        let mut at = Vec::with_capacity(events.len());
        let mut lists = Vec::with_capacity(per_article.len());
        for (n, (lens, list)) in per_article.into_iter().enumerate() {
            let n = u32::try_from(n).unwrap_or(u32::MAX);
            let mut start = 0u32;
            for len in lens {
                let end = start.saturating_add(u32::try_from(len).unwrap_or(u32::MAX));
                at.push((n, start, end));
                start = end;
            }
            lists.push(list);
        }
        EventWords {
            per_article: lists,
            at,
        }
    }

    /// The words of event `i`.
    fn of(&self, i: usize) -> &[u64] {
        let Some(&(n, start, end)) = self.at.get(i) else {
            return &[];
        };
        self.per_article
            .get(n as usize)
            .and_then(|list| list.get(start as usize..end as usize))
            .unwrap_or(&[])
    }
}

/// The words of each of `events` (all of `article`), as word counts and the words one event
/// after the other.
fn article_event_words(article: Option<&Article>, events: &[Event]) -> (Vec<usize>, Vec<u64>) {
    let Some(article) = article else {
        return (vec![0; events.len()], Vec::new());
    };
    let mut scratch = String::new();
    // The words of each sentence read so far, as a range of `sentence_words`.
    let mut by_sentence: Vec<Option<Range<usize>>> = vec![None; article.sentences.len()];
    let mut sentence_words: Vec<u64> = Vec::new();
    let mut lens = Vec::with_capacity(events.len());
    let mut words = Vec::new();
    for e in events {
        let start = words.len();
        for s in context_sentences(article, e.at.sentence) {
            let Some(read) = by_sentence.get_mut(s as usize) else {
                continue;
            };
            let range = read.get_or_insert_with(|| {
                let from = sentence_words.len();
                if let Some(sentence) = article.sentences.get(s as usize) {
                    let text = sentence.span.slice(&article.body);
                    words::content_word_hashes(text, &mut scratch, &mut sentence_words);
                }
                from..sentence_words.len()
            });
            words.extend_from_slice(sentence_words.get(range.clone()).unwrap_or(&[]));
        }
        let Some(window) = words.get_mut(start..) else {
            lens.push(0);
            continue;
        };
        window.sort_unstable();
        let distinct = dedup_sorted(window);
        words.truncate(start + distinct);
        lens.push(distinct);
    }
    words.shrink_to_fit();
    (lens, words)
}

/// Moves the distinct values of a sorted slice to its front; returns how many there are.
fn dedup_sorted(values: &mut [u64]) -> usize {
    let mut kept: usize = 0;
    for k in 0..values.len() {
        let Some(&v) = values.get(k) else { break };
        let last = kept.checked_sub(1).and_then(|l| values.get(l));
        if last != Some(&v) {
            if let Some(slot) = values.get_mut(kept) {
                *slot = v;
            }
            kept += 1;
        }
    }
    kept
}

/// The sentence with its neighbours in the same paragraph.
fn context_sentences(article: &Article, sentence: u32) -> impl Iterator<Item = u32> + '_ {
    let paragraph = article
        .sentences
        .get(sentence as usize)
        .map(|s| s.paragraph);
    (sentence.saturating_sub(1)..=sentence.saturating_add(1)).filter(move |&i| {
        paragraph.is_some()
            && article
                .sentences
                .get(i as usize)
                .is_some_and(|s| Some(s.paragraph) == paragraph)
    })
}

/// The articles by publication date (undated ones left out), oldest first: the articles' own
/// places on the timeline, for views that show them beside the events.
pub fn articles_by_date(articles: &[Article]) -> Vec<(NaiveDate, ArticleId)> {
    let mut dated: Vec<(NaiveDate, ArticleId)> = articles
        .iter()
        .filter_map(|a| a.date.map(|d| (d, a.id)))
        .collect();
    dated.sort_unstable();
    dated
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dedup_sorted_keeps_each_value_once_in_front() {
        let mut values = [1, 1, 2, 3, 3, 3, 7];
        let n = dedup_sorted(&mut values);
        assert_eq!(values.get(..n), Some(&[1, 2, 3, 7][..]));
        assert_eq!(dedup_sorted(&mut []), 0);
    }

    #[test]
    fn event_words_are_those_of_the_sentence_and_its_paragraph_neighbours() {
        let article = crate::load::finish_article(
            crate::load::RawArticle {
                key: "a".into(),
                text: "Soldiers detained the president. Crowds gathered outside.\n\n\
                       Markets stayed closed."
                    .into(),
                ..crate::load::RawArticle::default()
            },
            ArticleId(0),
            crate::model::Origin {
                path: "a.txt".into(),
                format: crate::model::Format::Inline,
                record: None,
            },
        );
        let event = |sentence| Event {
            id: EventId(0),
            at: SentenceRef {
                article: ArticleId(0),
                sentence,
            },
            time: TimeId(0),
            point: CalendarPoint {
                date: NaiveDate::MIN,
                granularity: crate::model::Granularity::Day,
            },
            actors: Vec::new(),
            tense: Tense::Past,
            entry: EntryId(0),
        };
        let events = [event(0), event(2)];
        let words = EventWords::new(std::slice::from_ref(&article), &events);
        let hashes = |text: &str| {
            let mut h = Vec::new();
            words::content_word_hashes(text, &mut String::new(), &mut h);
            h.sort_unstable();
            h.dedup();
            h
        };
        assert_eq!(
            words.of(0),
            hashes("Soldiers detained the president. Crowds gathered outside.")
        );
        assert_eq!(words.of(1), hashes("Markets stayed closed."));
        assert!(words.of(2).is_empty());
    }
}
