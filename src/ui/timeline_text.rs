//! The timeline's rows as the filter reads them, laid out once in one block: each row's text
//! (an entry's reporting sentence, an article's label), its rank, and the actors it involves.
//! Reading a row from the model takes several dependent lookups (row, entry, event, article,
//! body); at a million rows those cache misses cost more than the matching, so they are paid
//! once, when the filter is first used under a lens, not at every keystroke.

use rayon::prelude::*;

use crate::model::{ActorId, Corpus};

use super::app::{article_label, distinct_articles, entry_sentence_in};
use super::lens::TimelineItem;

/// Rows per piece built in parallel.
const CHUNK: usize = 16_384;

/// One row.
#[derive(Debug, Clone, Copy)]
struct Row {
    /// Byte range of its text in [`TimelineText::text`].
    text: (usize, usize),
    /// Range of its actors in [`TimelineText::actors`].
    actors: (usize, usize),
    /// How many articles report it (0 for an article row).
    rank: u32,
}

/// The timeline's rows prepared for the filter.
#[derive(Debug, Default)]
pub struct TimelineText {
    text: String,
    rows: Vec<Row>,
    actors: Vec<ActorId>,
}

impl TimelineText {
    /// The rows of `timeline` (a narrowed timeline) under the lens actors `lens`.
    pub fn new(corpus: &Corpus, timeline: &[TimelineItem], lens: &[ActorId]) -> TimelineText {
        let pieces: Vec<TimelineText> = timeline
            .par_chunks(CHUNK)
            .map(|chunk| {
                let mut piece = TimelineText::default();
                for item in chunk {
                    piece.push(corpus, *item, lens);
                }
                piece
            })
            .collect();
        let mut all = TimelineText {
            text: String::with_capacity(pieces.iter().map(|p| p.text.len()).sum()),
            rows: Vec::with_capacity(timeline.len()),
            actors: Vec::with_capacity(pieces.iter().map(|p| p.actors.len()).sum()),
        };
        for piece in pieces {
            let (text, actors) = (all.text.len(), all.actors.len());
            all.text.push_str(&piece.text);
            all.actors.extend_from_slice(&piece.actors);
            all.rows.extend(piece.rows.into_iter().map(|r| Row {
                text: (r.text.0 + text, r.text.1 + text),
                actors: (r.actors.0 + actors, r.actors.1 + actors),
                rank: r.rank,
            }));
        }
        all
    }

    fn push(&mut self, corpus: &Corpus, item: TimelineItem, lens: &[ActorId]) {
        let (text_start, actors_start) = (self.text.len(), self.actors.len());
        let mut rank = 0;
        match item {
            TimelineItem::Article(a) => self.text.push_str(&article_label(corpus, a)),
            TimelineItem::Entry(e) => {
                if let Some(entry) = corpus.entries.get(e.index()) {
                    if let Some(at) = entry_sentence_in(corpus, entry, lens) {
                        self.text.push_str(corpus.sentence_text(at));
                    }
                    rank = distinct_articles(corpus, entry) as u32;
                    let involved = entry
                        .events
                        .iter()
                        .filter_map(|ev| corpus.events.get(ev.index()))
                        .flat_map(|ev| ev.actors.iter().copied());
                    for actor in involved {
                        if !self.actors[actors_start..].contains(&actor) {
                            self.actors.push(actor);
                        }
                    }
                }
            }
        }
        self.rows.push(Row {
            text: (text_start, self.text.len()),
            actors: (actors_start, self.actors.len()),
            rank,
        });
    }

    /// Row `item`'s text ("" past the end).
    pub fn text(&self, item: usize) -> &str {
        self.rows
            .get(item)
            .and_then(|r| self.text.get(r.text.0..r.text.1))
            .unwrap_or("")
    }

    /// Row `item`'s rank: how many articles report it.
    pub fn rank(&self, item: usize) -> u32 {
        self.rows.get(item).map_or(0, |r| r.rank)
    }

    /// The actors row `item` involves.
    pub fn actors(&self, item: usize) -> &[ActorId] {
        self.rows
            .get(item)
            .and_then(|r| self.actors.get(r.actors.0..r.actors.1))
            .unwrap_or(&[])
    }

    /// The number of rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when there are no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::{fixture, lens};

    #[test]
    fn rows_hold_what_the_timeline_shows() {
        let corpus = fixture::corpus();
        let outlets = lens::outlets(&corpus);
        let narrowed = lens::narrow(&corpus, &outlets, &[]);
        let prepared = TimelineText::new(&corpus, &narrowed.timeline, &[]);
        assert_eq!(prepared.len(), narrowed.timeline.len());
        for (i, item) in narrowed.timeline.iter().enumerate() {
            match item {
                TimelineItem::Article(a) => {
                    assert_eq!(prepared.text(i), article_label(&corpus, *a));
                    assert!(prepared.actors(i).is_empty());
                }
                TimelineItem::Entry(e) => {
                    let entry = &corpus.entries[e.index()];
                    let at = entry_sentence_in(&corpus, entry, &[]).expect("an event");
                    assert_eq!(prepared.text(i), corpus.sentence_text(at));
                    assert_eq!(prepared.rank(i), distinct_articles(&corpus, entry) as u32);
                }
            }
        }
        assert_eq!(prepared.text(narrowed.timeline.len()), "");
    }
}
