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
mod words;

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

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
    let mut actors_in: HashMap<SentenceRef, Vec<ActorId>> = HashMap::new();
    for m in mentions {
        actors_in.entry(m.at).or_default().push(m.actor);
    }
    for list in actors_in.values_mut() {
        list.sort_unstable();
        list.dedup();
    }

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
            actors: actors_in.get(&t.at).cloned().unwrap_or_default(),
            tense,
            entry: EntryId(0),
        });
    }

    let mut buckets: BTreeMap<CalendarPoint, Vec<usize>> = BTreeMap::new();
    for (i, e) in events.iter().enumerate() {
        buckets.entry(e.point).or_default().push(i);
    }
    let sentence_words = |e: &Event| {
        articles
            .get(e.at.article.index())
            .map(|a| words::content_words(&context_text(a, e.at.sentence)))
            .unwrap_or_default()
    };
    let mut groups: Vec<(CalendarPoint, Vec<usize>)> = Vec::new();
    for (point, members) in buckets {
        let profiles: Vec<group::Profile> = members
            .iter()
            .filter_map(|&i| events.get(i))
            .map(|e| group::Profile::new(sentence_words(e), e.actors.clone()))
            .collect();
        for cluster in group::cluster(&profiles) {
            let ids = cluster
                .iter()
                .filter_map(|&k| members.get(k).copied())
                .collect();
            groups.push((point, ids));
        }
    }
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

/// The sentence with its neighbours in the same paragraph. News often reports one happening
/// over two sentences (a quotation, then who said it and when), and different articles split it
/// differently, so the words that identify a happening are taken from this small window.
fn context_text(article: &Article, sentence: u32) -> String {
    let Some(center) = article.sentences.get(sentence as usize) else {
        return String::new();
    };
    let first = sentence.saturating_sub(1);
    let last = sentence + 1;
    (first..=last)
        .filter_map(|i| article.sentences.get(i as usize))
        .filter(|s| s.paragraph == center.paragraph)
        .map(|s| s.span.slice(&article.body))
        .collect::<Vec<_>>()
        .join(" ")
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
