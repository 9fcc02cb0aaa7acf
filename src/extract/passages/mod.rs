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
//! 4. [`align`](mod@align): candidates are verified by lining up the shingles the two articles
//!    share inside the candidate units; runs long and distinctive enough become passages, mapped
//!    back to byte spans. Common phrases ("said in a statement") are too short to pass.
//!
//! Every hash has a fixed seed: the same corpus always gives the same passages.
//!
//! Scale: every article is tokenized once, in parallel; the stage keeps only its 32-bit shingles
//! and where every [`MARK_EVERY`]-th token starts, from which any stretch of tokens is made again
//! when a run long enough to be a passage needs its words and bytes. Text repeated in more
//! than [`lsh::MAX_ARTICLES_PER_BUCKET`] articles is boilerplate and gives no passage (see
//! [`lsh`]); [`PassageStats`] says how much was skipped. At most [`MAX_PASSAGES_PER_PAIR`]
//! passages are kept per pair of articles.

mod align;
mod lsh;
mod tokens;

use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::model::{Article, SharedPassage, Span};
use align::{Side, align, distinct_content_words};
use lsh::{Unit, candidate_pairs};
use tokens::{SHINGLE, Token, Tokens, WordSpans, shingles, tokenize};

/// Longest unit in tokens; longer paragraphs are cut into windows.
const UNIT_TOKENS: usize = 20;
/// Step between the windows of a long paragraph (they overlap by half).
const UNIT_STRIDE: usize = 10;
/// Shortest unit worth indexing; a passage needs more words than this anyway.
const MIN_UNIT_TOKENS: usize = 6;
/// The most passages listed for one pair of articles (the first ones in the first article):
/// two copies of one long story are one entry per copied stretch, and a reader needs no more.
pub const MAX_PASSAGES_PER_PAIR: usize = 16;
/// Every this many tokens, the byte where the token starts is kept, so that a stretch of an
/// article can be tokenized again from a nearby token instead of from the article's start.
const MARK_EVERY: usize = 32;

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

/// What the stage keeps of one article once it is tokenized.
struct Indexed {
    /// The shingle starting at each token.
    shingles: Vec<u32>,
    /// The first byte of every [`MARK_EVERY`]-th token.
    marks: Vec<u32>,
}

impl Indexed {
    /// Where to start tokenizing `body` (the article this was made from) so that the first
    /// token is token `index`: the nearest mark, then the words before it skipped without
    /// hashing them (tokenizing them all was most of the cost of a stretch).
    fn start_of_token(&self, body: &str, index: usize) -> usize {
        let mark = index / MARK_EVERY;
        // Past the last mark there are no tokens: start at the end of the body.
        let Some(&from) = self.marks.get(mark) else {
            return body.len();
        };
        match index - mark * MARK_EVERY {
            0 => from as usize,
            skip => WordSpans::from(body, from as usize)
                .nth(skip - 1)
                .map_or(body.len(), |(_, end)| end),
        }
    }

    /// The tokens of `range` in `body`, tokenized again.
    fn tokens<'b>(&self, body: &'b str, range: &Range<usize>) -> impl Iterator<Item = Token> + 'b {
        Tokens::from(body, self.start_of_token(body, range.start)).take(range.len())
    }

    /// The bytes of the tokens of `range` in `body`; `None` if the range runs past the end.
    fn span(&self, body: &str, range: &Range<usize>) -> Option<Span> {
        let words = WordSpans::from(body, self.start_of_token(body, range.start));
        token_span(words.take(range.len()), range.len())
    }
}

/// Tokenizes one article: what the stage keeps of it, and its units (never without shingles).
fn index_article(article: &Article) -> (Indexed, Vec<Range<u32>>) {
    let tokens = tokenize(&article.body);
    let shingles = shingles(&tokens);
    let marks = tokens.iter().step_by(MARK_EVERY).map(|t| t.start).collect();
    let units = units_of(article, &tokens)
        .into_iter()
        .filter(|r| !shingles_in(&shingles, r).is_empty())
        .filter_map(|r| Some(u32::try_from(r.start).ok()?..u32::try_from(r.end).ok()?))
        .collect();
    (Indexed { shingles, marks }, units)
}

/// Finds the passages shared between pairs of articles, sorted by article pair and position.
pub fn find_shared_passages(articles: &[Article]) -> Vec<SharedPassage> {
    find_shared_passages_with_stats(articles).0
}

/// [`find_shared_passages`], with what it did.
pub fn find_shared_passages_with_stats(articles: &[Article]) -> (Vec<SharedPassage>, PassageStats) {
    let (indexed, unit_lists): (Vec<Indexed>, Vec<Vec<Range<u32>>>) =
        articles.par_iter().map(index_article).unzip();
    let total: usize = unit_lists.iter().map(Vec::len).sum();
    let mut units: Vec<Unit> = Vec::with_capacity(total);
    for (a, list) in unit_lists.into_iter().enumerate() {
        let Ok(article) = u32::try_from(a) else {
            break;
        };
        units.extend(list.into_iter().map(|r| Unit {
            article,
            start: r.start,
            end: r.end,
        }));
    }
    let unit_shingles = |i: usize| -> &[u32] {
        let Some(u) = units.get(i) else {
            return &[];
        };
        indexed.get(u.article as usize).map_or(&[], |x| {
            shingles_in(&x.shingles, &(u.start as usize..u.end as usize))
        })
    };
    let candidates = candidate_pairs(&units, unit_shingles);
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
    // The candidates come sorted by unit, and units in article order, so they are already
    // grouped by first article: only each article's few candidates need sorting.
    if by_pair.is_sorted_by_key(|c| c.0) {
        by_pair
            .par_chunk_by_mut(|p, q| p.0 == q.0)
            .for_each(<[Candidate]>::sort_unstable);
    } else {
        by_pair.par_sort_unstable();
    }
    let same_pair = |p: &Candidate, q: &Candidate| (p.0, p.1) == (q.0, q.1);
    stats.article_pairs = by_pair.chunk_by(same_pair).count();
    // Most pairs of articles yield no passage: only the passages are collected (a list with an
    // entry for every pair was the stage's largest allocation after the candidates).
    let capped = AtomicUsize::new(0);
    let passages: Vec<SharedPassage> = by_pair
        .par_chunk_by(same_pair)
        .map_init(PairScratch::default, |scratch, group| {
            let (found, dropped) = compare_pair(articles, &indexed, &units, group, scratch)?;
            capped.fetch_add(dropped, Ordering::Relaxed);
            Some(found)
        })
        .flatten_iter()
        .flatten_iter()
        .collect();
    stats.capped_passages = capped.into_inner();
    (passages, stats)
}

/// Buffers reused from one pair of articles to the next by one thread.
#[derive(Default)]
struct PairScratch {
    a_ranges: Vec<Range<usize>>,
    b_ranges: Vec<Range<usize>>,
    align: align::Scratch,
    hashes: Vec<u64>,
}

/// Verifies the candidate unit pairs of one pair of articles: its passages, and how many were
/// dropped by the cap.
fn compare_pair(
    articles: &[Article],
    indexed: &[Indexed],
    units: &[Unit],
    group: &[Candidate],
    scratch: &mut PairScratch,
) -> Option<(Vec<SharedPassage>, usize)> {
    let &(ia, ib, _, _) = group.first()?;
    let (aa, ab) = (articles.get(ia as usize)?, articles.get(ib as usize)?);
    let (xa, xb) = (indexed.get(ia as usize)?, indexed.get(ib as usize)?);
    let range = |u: u32| {
        units
            .get(u as usize)
            .map_or(0..0, |u| u.start as usize..u.end as usize)
    };
    let PairScratch {
        a_ranges,
        b_ranges,
        align: align_scratch,
        hashes,
    } = scratch;
    a_ranges.clear();
    a_ranges.extend(group.iter().map(|e| range(e.2)));
    b_ranges.clear();
    b_ranges.extend(group.iter().map(|e| range(e.3)));
    let a = Side {
        shingles: &xa.shingles,
        ranges: a_ranges,
    };
    let b = Side {
        shingles: &xb.shingles,
        ranges: b_ranges,
    };
    let found = align(a, b, align_scratch, |r| {
        distinct_content_words(xa.tokens(&aa.body, r), hashes)
    });
    let capped = found.len().saturating_sub(MAX_PASSAGES_PER_PAIR);
    let passages = found
        .into_iter()
        .take(MAX_PASSAGES_PER_PAIR)
        .filter_map(|m| {
            Some(SharedPassage {
                a: (aa.id, xa.span(&aa.body, &m.a)?),
                b: (ab.id, xb.span(&ab.body, &m.b)?),
                similarity: m.similarity,
            })
        })
        .collect();
    Some((passages, capped))
}

/// The bytes from the first of `words` (byte spans) to the end of the last; `None` unless there
/// are `expected` words (the range ran past the article's end).
fn token_span(words: impl Iterator<Item = (usize, usize)>, expected: usize) -> Option<Span> {
    let mut count = 0;
    let mut span: Option<(usize, usize)> = None;
    for (start, end) in words {
        count += 1;
        span = Some((span.map_or(start, |s| s.0), end));
    }
    let (start, end) = span.filter(|_| count == expected)?;
    Some(Span::new(start, end))
}

#[cfg(test)]
mod tests;
