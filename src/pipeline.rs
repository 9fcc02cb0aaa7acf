//! Runs the extractors over loaded articles and builds the read-only [`Corpus`].
//!
//! Every stage runs on every core. Passages and times, which need nothing but the articles, run
//! side by side, so that the tail of one (a big bucket of passages) does not leave a core idle:
//!
//! ```text
//! articles ─┬─ passages ─┐
//!           └─ times ────┴─ actors ─ index ─ events ─ quotes ─ sources
//! ```
//!
//! The stages that need the most working memory (shared passages, the actors' corpus-wide
//! resolution, events) never run at the same time: at 100,000 articles each needs up to a
//! gigabyte or more, and side by side they would add up (measured: 2.85 GB with events beside
//! quotes, against a 2.5 GB budget). Passages go first, while the model holds little besides
//! the articles.

use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::extract::quotes::attribution::Analysis;
use crate::extract::{actors, events, gazetteer::Gazetteer, passages, quotes, sources, times};
use crate::memory::release_free_pages;
use crate::model::{Article, ArticleId, Corpus, Quote, SentenceRef, TimeExpr};
use crate::progress::{Step, enter};
use crate::stats::{Stage, StageTimes};

/// Article text (bytes) above which memory freed by the large stages is given back to the system.
/// Below it the peak is a few hundred megabytes, and the pages given back would only be faulted
/// in again: on 2,000 articles (6 MB) giving them back made the whole analysis 14% slower.
const RELEASE_MEMORY_ABOVE: usize = 32 << 20;

/// Builds the corpus from `articles` (ids must equal their positions): outlets, actors, time
/// expressions, events, quotes, cited sources and shared passages, then the indexes.
/// Work within a stage runs on every core; results do not depend on scheduling.
pub fn analyze(articles: Vec<Article>) -> Corpus {
    analyze_timed(articles, &mut StageTimes::default())
}

/// Runs `work` and says how long it took (wall time).
fn timed<T>(work: impl FnOnce() -> T) -> (T, Duration) {
    let started = Instant::now();
    let result = work();
    (result, started.elapsed())
}

/// [`analyze`], adding the wall time of each stage to `spent` (for `dossier check --stats`).
/// Stages that run side by side each count their own wall time.
pub fn analyze_timed(articles: Vec<Article>, spent: &mut StageTimes) -> Corpus {
    analyze_reusing(articles, Vec::new(), spent)
}

/// [`analyze_timed`], taking the time expressions of article `i` from `known_times[i]` where it
/// is `Some` instead of finding them again (the cache keeps them for articles of files that did
/// not change). An article's time expressions depend on nothing but its text and date; every
/// other stage resolves names, events, sources or passages across articles, so it runs again.
/// Missing entries (a shorter list) are found.
pub fn analyze_reusing(
    mut articles: Vec<Article>,
    mut known_times: Vec<Option<Vec<TimeExpr>>>,
    spent: &mut StageTimes,
) -> Corpus {
    known_times.resize_with(articles.len(), || None);
    for (i, article) in articles.iter_mut().enumerate() {
        article.id = ArticleId::from_index(i);
        if article.outlet.is_none() {
            article.outlet = sources::outlet_from_furniture(article);
        }
    }
    let gazetteer = Gazetteer::embedded();
    enter(Step::Passages);
    let ((passages, passages_took), (times, times_took)) = rayon::join(
        || timed(|| passages::find_shared_passages(&articles)),
        || timed(|| find_times(&articles, known_times)),
    );
    spent.add(Stage::Passages, passages_took);
    spent.add(Stage::Times, times_took);
    // After each stage with a large working set, its freed memory goes back to the system, so
    // that the next stage does not pile its own on top (see `crate::memory`).
    let text_bytes: usize = articles.iter().map(|a| a.body.len()).sum();
    let after_large_stage = || {
        if text_bytes >= RELEASE_MEMORY_ABOVE {
            release_free_pages();
        }
    };
    after_large_stage();
    enter(Step::Actors);
    let found = spent.time(Stage::Actors, || {
        actors::extract_actors(&articles, gazetteer)
    });
    after_large_stage();

    let mut corpus = Corpus {
        actors: found.actors,
        mentions: found.mentions,
        times,
        passages,
        ..Corpus::default()
    };
    corpus.articles = articles;
    // The index of mentions per article is needed by the events and the quote finder.
    enter(Step::Indexing);
    spent.time(Stage::Index, || corpus.reindex());

    // Events, then quotes: side by side their working memory would add up (each holds
    // per-article results for the whole corpus before merging them).
    enter(Step::Events);
    let (events, entries) = spent.time(Stage::Events, || {
        events::build_events(&corpus.articles, &corpus.times, &corpus.mentions)
    });
    after_large_stage();
    enter(Step::Quotes);
    let (quotes, citations) = spent.time(Stage::Quotes, || attribute(&corpus));
    enter(Step::Sources);
    corpus.sources = spent.time(Stage::Sources, || sources::merge_citations(citations));
    after_large_stage();
    corpus.events = events;
    corpus.entries = entries;
    corpus.quotes = quotes;
    enter(Step::Indexing);
    spent.time(Stage::Index, || corpus.reindex());
    corpus
}

/// Every article's time expressions, in article order, each tied to its sentence; those of
/// article `i` taken from `known[i]` when given (their article ids set to `i`).
fn find_times(articles: &[Article], known: Vec<Option<Vec<TimeExpr>>>) -> Vec<TimeExpr> {
    articles
        .par_iter()
        .zip(known)
        .map(|(article, known)| {
            if let Some(mut found) = known {
                for time in &mut found {
                    time.at.article = article.id;
                }
                return found;
            }
            times::find_times(&article.body, article.date)
                .into_iter()
                .filter_map(|t| {
                    let sentence = article.sentence_at(t.span.start)?;
                    Some(TimeExpr {
                        at: SentenceRef {
                            article: article.id,
                            sentence,
                        },
                        span: t.span,
                        value: t.value.into(),
                        kind: t.kind,
                        point: t.point,
                        ahead: t.ahead,
                    })
                })
                .collect::<Vec<_>>()
        })
        .flatten()
        .collect()
}

/// Every article's quotations (in article order) and the sources each article cites. One
/// attribution analysis per article serves both.
fn attribute(corpus: &Corpus) -> (Vec<Quote>, Vec<sources::ArticleCitations>) {
    let attributed: Vec<(Vec<Quote>, sources::ArticleCitations)> = corpus
        .articles
        .par_iter()
        .map(|article| {
            let analysis = Analysis::new(article, corpus.mentions_in(article.id), &corpus.actors);
            (
                quotes::quotes_of(&analysis, article),
                sources::article_citations(&analysis, article, &corpus.actors),
            )
        })
        .collect();
    let (quotes, citations): (Vec<Vec<Quote>>, Vec<_>) = attributed.into_iter().unzip();
    (quotes.into_iter().flatten().collect(), citations)
}
