//! Shared passages: text that two articles share verbatim or nearly (wire copy, the same
//! quotation), found across the whole corpus without comparing all pairs.
//!
//! The method, each step in its own module:
//! 1. [`tokens`]: every article becomes normalised words and three-word shingles.
//! 2. Units: each paragraph is cut into overlapping windows of a few dozen words, across
//!    sentence ends, so a unit is short enough for a shared part to dominate it.
//! 3. [`lsh`]: MinHash signatures of the units' shingles, banded; units of different articles
//!    that agree in a band are candidate pairs. Work and memory grow with the corpus, not with
//!    its square.
//! 4. [`align`]: candidates are verified by lining up the shingles the two articles share inside
//!    the candidate units; runs long and distinctive enough become passages, mapped back to byte
//!    spans. Common phrases ("said in a statement") are too short to pass.
//!
//! Every hash has a fixed seed: the same corpus always gives the same passages.
//!
//! Scale: only 32-bit band keys are kept per unit while the corpus is bucketed; tokens are made
//! again, one article pair at a time, for the few pairs that are candidates. Text repeated in more
//! than [`lsh::MAX_ARTICLES_PER_BUCKET`] articles is boilerplate and gives no passage (see
//! [`lsh`]); [`PassageStats`] says how much was skipped. At most [`MAX_PASSAGES_PER_PAIR`]
//! passages are kept per pair of articles.

mod align;
mod lsh;
mod tokens;

use std::ops::Range;

use rayon::prelude::*;

use crate::model::{Article, SharedPassage, Span};
use align::{Side, align};
use lsh::{BandKeys, Permutations, Unit, band_keys, candidate_pairs};
use tokens::{SHINGLE, Token, shingles, tokenize};

/// Longest unit in tokens; longer paragraphs are cut into windows.
const UNIT_TOKENS: usize = 20;
/// Step between the windows of a long paragraph (they overlap by half).
const UNIT_STRIDE: usize = 10;
/// Shortest unit worth indexing; a passage needs more words than this anyway.
const MIN_UNIT_TOKENS: usize = 6;
/// The most passages listed for one pair of articles (the first ones in the first article):
/// two copies of one long story are one entry per copied stretch, and a reader needs no more.
pub const MAX_PASSAGES_PER_PAIR: usize = 16;

/// What the passage finder did, for `check --stats` and for tests.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PassageStats {
    /// Units (paragraph windows) indexed.
    pub units: usize,
    /// Units skipped as boilerplate: text found in more articles than a shared passage is.
    pub boilerplate_units: usize,
    /// LSH buckets too crowded to enumerate (over all bands).
    pub crowded_buckets: usize,
    /// Candidate pairs of units verified.
    pub candidate_pairs: usize,
    /// Pairs of articles compared.
    pub article_pairs: usize,
    /// Passages dropped because a pair of articles already had [`MAX_PASSAGES_PER_PAIR`].
    pub capped_passages: usize,
}

/// A candidate pair of units: (first article, second article, unit in the first, unit in the
/// second), so that sorting groups the candidates of each pair of articles.
type Candidate = (u32, u32, u32, u32);

/// The token windows of an article: overlapping windows over each paragraph.
fn units_of(article: &Article, tokens: &[Token]) -> Vec<Range<usize>> {
    // Windows run over whole paragraphs, across sentence ends: a quotation is often split into
    // sentences differently by two articles ("…safeguarded. All Nigerians…," he tweeted vs
    // "…to say: “…safeguarded. All Nigeriens…”"), and each piece alone is too short to pass.
    let whole = [Span::new(0, article.body.len())];
    let spans: &[Span] = if article.paragraphs.is_empty() {
        &whole
    } else {
        &article.paragraphs
    };
    let mut units = Vec::new();
    for span in spans {
        let start = tokens.partition_point(|t| t.start < span.start);
        let end = tokens.partition_point(|t| t.end <= span.end);
        if end < start + MIN_UNIT_TOKENS {
            continue;
        }
        let mut s = start;
        loop {
            let e = (s + UNIT_TOKENS).min(end);
            units.push(s..e);
            if e == end {
                break;
            }
            s += UNIT_STRIDE;
        }
    }
    units
}

/// The shingles lying wholly inside a token range.
fn shingles_in<'a>(shingles: &'a [u32], range: &Range<usize>) -> &'a [u32] {
    let end = range.end.saturating_sub(SHINGLE - 1);
    shingles.get(range.start..end).unwrap_or(&[])
}

/// The units of one article with their band keys; the tokens are dropped.
fn index_article(article: &Article, p: &Permutations) -> Vec<(Range<u32>, BandKeys)> {
    let tokens = tokenize(&article.body);
    let shingles = shingles(&tokens);
    units_of(article, &tokens)
        .into_iter()
        .filter_map(|r| {
            let keys = band_keys(shingles_in(&shingles, &r), p)?;
            Some((
                u32::try_from(r.start).ok()?..u32::try_from(r.end).ok()?,
                keys,
            ))
        })
        .collect()
}

/// Finds the passages shared between pairs of articles, sorted by article pair and position.
pub fn find_shared_passages(articles: &[Article]) -> Vec<SharedPassage> {
    find_shared_passages_with_stats(articles).0
}

/// [`find_shared_passages`], with what it did.
pub fn find_shared_passages_with_stats(articles: &[Article]) -> (Vec<SharedPassage>, PassageStats) {
    let permutations = Permutations::new();
    let indexed: Vec<Vec<(Range<u32>, BandKeys)>> = articles
        .par_iter()
        .map(|a| index_article(a, &permutations))
        .collect();
    let total: usize = indexed.iter().map(Vec::len).sum();
    let mut units: Vec<Unit> = Vec::with_capacity(total);
    let mut keys: Vec<BandKeys> = Vec::with_capacity(total);
    for (a, list) in indexed.into_iter().enumerate() {
        let Ok(article) = u32::try_from(a) else {
            break;
        };
        for (r, k) in list {
            units.push(Unit {
                article,
                start: r.start,
                end: r.end,
            });
            keys.push(k);
        }
    }
    let candidates = candidate_pairs(&units, &keys);
    drop(keys);
    let mut stats = PassageStats {
        units: units.len(),
        boilerplate_units: candidates.boilerplate_units,
        crowded_buckets: candidates.crowded_buckets,
        candidate_pairs: candidates.pairs.len(),
        ..PassageStats::default()
    };

    // Candidate unit pairs grouped by pair of articles.
    let mut by_pair: Vec<Candidate> = candidates
        .pairs
        .iter()
        .filter_map(|&(x, y)| {
            let (ux, uy) = (units.get(x as usize)?, units.get(y as usize)?);
            Some((ux.article, uy.article, x, y))
        })
        .collect();
    drop(candidates);
    by_pair.par_sort_unstable();
    let groups: Vec<&[Candidate]> = by_pair.chunk_by(|p, q| (p.0, p.1) == (q.0, q.1)).collect();
    stats.article_pairs = groups.len();
    // Pairs sharing their first article run together, so it is tokenized once for all of them.
    let by_first: Vec<&[&[Candidate]]> = groups
        .chunk_by(|p, q| p.first().map(|e| e.0) == q.first().map(|e| e.0))
        .collect();
    let results: Vec<(Vec<SharedPassage>, usize)> = by_first
        .par_iter()
        .flat_map_iter(|pairs| compare_first_article(articles, &units, pairs))
        .collect();
    let mut passages = Vec::new();
    for (found, capped) in results {
        passages.extend(found);
        stats.capped_passages += capped;
    }
    (passages, stats)
}

/// Verifies the candidate pairs of one article with each of its partners: the passages of each
/// pair, and how many were dropped by the cap.
fn compare_first_article(
    articles: &[Article],
    units: &[Unit],
    pairs: &[&[Candidate]],
) -> Vec<(Vec<SharedPassage>, usize)> {
    let Some(ia) = pairs.first().and_then(|g| g.first()).map(|e| e.0) else {
        return Vec::new();
    };
    let Some(aa) = articles.get(ia as usize) else {
        return Vec::new();
    };
    let tokens_a = tokenize(&aa.body);
    let shingles_a = shingles(&tokens_a);
    let range = |u: u32| {
        units
            .get(u as usize)
            .map_or(0..0, |u| u.start as usize..u.end as usize)
    };
    pairs
        .iter()
        .filter_map(|group| {
            let ib = group.first()?.1;
            let ab = articles.get(ib as usize)?;
            let tokens_b = tokenize(&ab.body);
            let shingles_b = shingles(&tokens_b);
            let a = Side {
                tokens: &tokens_a,
                shingles: &shingles_a,
                ranges: group.iter().map(|e| range(e.2)).collect(),
            };
            let b = Side {
                tokens: &tokens_b,
                shingles: &shingles_b,
                ranges: group.iter().map(|e| range(e.3)).collect(),
            };
            let found = align(a, b);
            let capped = found.len().saturating_sub(MAX_PASSAGES_PER_PAIR);
            let passages = found
                .into_iter()
                .take(MAX_PASSAGES_PER_PAIR)
                .filter_map(|m| {
                    Some(SharedPassage {
                        a: (aa.id, token_span(&tokens_a, &m.a)?),
                        b: (ab.id, token_span(&tokens_b, &m.b)?),
                        similarity: m.similarity,
                    })
                })
                .collect();
            Some((passages, capped))
        })
        .collect()
}

/// The bytes from the first token of `range` to the end of its last.
fn token_span(tokens: &[Token], range: &Range<usize>) -> Option<Span> {
    let first = tokens.get(range.start)?;
    let last = tokens.get(range.end.checked_sub(1)?)?;
    Some(Span {
        start: first.start,
        end: last.end,
    })
}

#[cfg(test)]
mod tests;
