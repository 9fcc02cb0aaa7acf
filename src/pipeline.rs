//! Runs the extractors over loaded articles and builds the read-only [`Corpus`].

use rayon::prelude::*;

use crate::extract::quotes::attribution::Analysis;
use crate::extract::{actors, events, gazetteer::Gazetteer, passages, quotes, sources, times};
use crate::model::{Article, ArticleId, Corpus, Quote, SentenceRef, TimeExpr};
use crate::stats::{Stage, StageTimes};

/// Builds the corpus from `articles` (ids must equal their positions): outlets, actors, time
/// expressions, events, quotes, cited sources and shared passages, then the indexes.
/// Work within a stage runs on every core; results do not depend on scheduling.
pub fn analyze(articles: Vec<Article>) -> Corpus {
    analyze_timed(articles, &mut StageTimes::default())
}

/// [`analyze`], adding the wall time of each stage to `spent` (for `dossier check --stats`).
pub fn analyze_timed(mut articles: Vec<Article>, spent: &mut StageTimes) -> Corpus {
    for (i, article) in articles.iter_mut().enumerate() {
        article.id = ArticleId::from_index(i);
        if article.outlet.is_none() {
            article.outlet = sources::outlet_from_furniture(article);
        }
    }
    let gazetteer = Gazetteer::embedded();
    let found = spent.time(Stage::Actors, || {
        actors::extract_actors(&articles, gazetteer)
    });

    let started = std::time::Instant::now();
    let times: Vec<TimeExpr> = articles
        .par_iter()
        .map(|article| {
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
        .collect();
    spent.add(Stage::Times, started.elapsed());

    let mut corpus = Corpus {
        actors: found.actors,
        mentions: found.mentions,
        times,
        ..Corpus::default()
    };
    corpus.articles = articles;
    // The index of mentions per article is needed by the quote finder.
    spent.time(Stage::Index, || corpus.reindex());

    let (events, entries) = spent.time(Stage::Events, || {
        events::build_events(&corpus.articles, &corpus.times, &corpus.mentions)
    });
    // One attribution analysis per article serves both the quotes and the cited sources.
    let started = std::time::Instant::now();
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
    spent.add(Stage::Quotes, started.elapsed());
    corpus.events = events;
    corpus.entries = entries;
    corpus.quotes = quotes.into_iter().flatten().collect();
    corpus.sources = spent.time(Stage::Sources, || sources::merge_citations(citations));
    corpus.passages = spent.time(Stage::Passages, || {
        passages::find_shared_passages(&corpus.articles)
    });
    spent.time(Stage::Index, || corpus.reindex());
    corpus
}
