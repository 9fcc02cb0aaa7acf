//! Direct quotations and their speakers.
//!
//! [`marks`] finds the quotations, [`clauses`] the quotation-aware sentences and their tokens,
//! [`attribution`] the speech verbs and their speakers; this module turns the result into
//! [`Quote`]s. The same attribution records feed the cited sources
//! ([`crate::extract::sources`]).

pub(crate) mod attribution;
mod clauses;
pub(crate) mod lexicon;
pub(crate) mod lower;
mod marks;
#[cfg(test)]
pub(crate) mod tests_support;
mod words;

use crate::model::{Actor, Article, Mention, Quote, SentenceRef};
use attribution::Analysis;

/// Finds the direct quotations in one article and attributes each to its speaker. `mentions`
/// are this article's mentions in text order.
pub fn find_quotes(article: &Article, mentions: &[Mention], actors: &[Actor]) -> Vec<Quote> {
    quotes_of(&Analysis::new(article, mentions, actors), article)
}

/// The quotations of an article whose attribution analysis is made (the pipeline makes it once
/// and shares it with the cited-source finder).
pub(crate) fn quotes_of(analysis: &Analysis<'_>, article: &Article) -> Vec<Quote> {
    analysis
        .quotations
        .iter()
        .zip(&analysis.quote_records)
        .map(|(q, record)| {
            let sentence = article
                .sentence_at(q.inner.start)
                .or_else(|| article.sentence_at(u32::try_from(q.open).unwrap_or(u32::MAX)))
                .unwrap_or(0);
            let record = record.and_then(|r| analysis.records.get(r).map(|x| (r, x)));
            Quote {
                at: SentenceRef {
                    article: article.id,
                    sentence,
                },
                span: q.inner,
                speaker: record.map_or(crate::model::Speaker::Unattributed, |(r, _)| {
                    analysis.record_speaker(r)
                }),
                channel: record.and_then(|(_, x)| x.channel.clone()),
                via: record.and_then(|(_, x)| x.via.clone()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
