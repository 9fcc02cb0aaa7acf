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

mod align;
mod lsh;
mod tokens;

use std::collections::BTreeMap;
use std::ops::Range;

use rayon::prelude::*;

use crate::model::{Article, SharedPassage, Span};
use align::{Side, align};
use lsh::{Unit, candidate_pairs};
use tokens::{SHINGLE, Token, shingles, tokenize};

/// Longest unit in tokens; longer paragraphs are cut into windows.
const UNIT_TOKENS: usize = 20;
/// Step between the windows of a long paragraph (they overlap by half).
const UNIT_STRIDE: usize = 10;
/// Shortest unit worth indexing; a passage needs more words than this anyway.
const MIN_UNIT_TOKENS: usize = 6;

/// One article prepared for comparison.
struct Prepared {
    tokens: Vec<Token>,
    shingles: Vec<u64>,
    /// Token ranges of the article's units.
    units: Vec<Range<usize>>,
}

/// Tokens, shingles and units of one article.
fn prepare(article: &Article) -> Prepared {
    let tokens = tokenize(&article.body);
    let shingles = shingles(&tokens);
    // Windows run over whole paragraphs, across sentence ends: a quotation is often split into
    // sentences differently by two articles ("…safeguarded. All Nigerians…," he tweeted vs
    // "…to say: “…safeguarded. All Nigeriens…”"), and each piece alone is too short to pass.
    let mut spans: Vec<Span> = article.paragraphs.clone();
    if spans.is_empty() {
        spans.push(Span::new(0, article.body.len()));
    }
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
    Prepared {
        tokens,
        shingles,
        units,
    }
}

/// Finds the passages shared between pairs of articles, sorted by article pair and position.
pub fn find_shared_passages(articles: &[Article]) -> Vec<SharedPassage> {
    let prepared: Vec<Prepared> = articles.par_iter().map(prepare).collect();
    let units: Vec<Unit> = prepared
        .iter()
        .enumerate()
        .flat_map(|(a, p)| {
            p.units.iter().map(move |r| Unit {
                article: u32::try_from(a).unwrap_or(u32::MAX),
                start: u32::try_from(r.start).unwrap_or(u32::MAX),
                end: u32::try_from(r.end).unwrap_or(u32::MAX),
            })
        })
        .collect();
    let shingles_of = |u: &Unit| -> &[u64] {
        let Some(p) = prepared.get(u.article as usize) else {
            return &[];
        };
        let end = (u.end as usize).saturating_sub(SHINGLE - 1);
        p.shingles.get(u.start as usize..end).unwrap_or(&[])
    };
    let pairs = candidate_pairs(&units, shingles_of);

    // Candidate ranges per pair of articles.
    type Ranges = (Vec<Range<usize>>, Vec<Range<usize>>);
    let mut by_pair: BTreeMap<(u32, u32), Ranges> = BTreeMap::new();
    for (x, y) in pairs {
        let (Some(ux), Some(uy)) = (units.get(x as usize), units.get(y as usize)) else {
            continue;
        };
        let entry = by_pair.entry((ux.article, uy.article)).or_default();
        entry.0.push(ux.start as usize..ux.end as usize);
        entry.1.push(uy.start as usize..uy.end as usize);
    }
    let by_pair: Vec<((u32, u32), Ranges)> = by_pair.into_iter().collect();
    by_pair
        .into_par_iter()
        .flat_map_iter(|((ia, ib), (ra, rb))| {
            let (Some(pa), Some(pb)) = (prepared.get(ia as usize), prepared.get(ib as usize))
            else {
                return Vec::new();
            };
            let (Some(aa), Some(ab)) = (articles.get(ia as usize), articles.get(ib as usize))
            else {
                return Vec::new();
            };
            let a = Side {
                tokens: &pa.tokens,
                shingles: &pa.shingles,
                ranges: ra,
            };
            let b = Side {
                tokens: &pb.tokens,
                shingles: &pb.shingles,
                ranges: rb,
            };
            align(a, b)
                .into_iter()
                .filter_map(|m| {
                    Some(SharedPassage {
                        a: (aa.id, token_span(&pa.tokens, &m.a)?),
                        b: (ab.id, token_span(&pb.tokens, &m.b)?),
                        similarity: m.similarity,
                    })
                })
                .collect::<Vec<_>>()
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
