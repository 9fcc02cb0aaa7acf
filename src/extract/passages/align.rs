//! Verification of candidate units: lines up the shingles two articles share inside the
//! candidate ranges and keeps the runs long and distinctive enough to be a shared passage.
//!
//! A run may skip a few shingles on both sides at once, so one changed word ("Nigerians" and
//! "Nigeriens", "neighboring" and "neighbouring") does not cut a passage in two.

use std::ops::Range;

use super::tokens::{SHINGLE, Token};

/// Fewest shared shingles in a passage: with three-word shingles, ten words or more in common.
const MIN_SHARED_SHINGLES: usize = 8;
/// Fewest distinct content words in a passage, so stock phrases made of function words and a
/// couple of names ("said in a statement on Thursday that the") never count.
const MIN_CONTENT_WORDS: usize = 6;
/// Largest step between consecutive shared shingles of one run, on each side.
const MAX_STEP: usize = 4;
/// How many occurrences of one shingle in the other article are considered (repeated phrases).
const MAX_OCCURRENCES: usize = 8;
/// Passages closer than this many tokens on both sides are one passage: a changed sentence
/// between two copied ones does not make two entries.
const MERGE_GAP: usize = 6;

/// One article's side of a comparison.
pub(crate) struct Side<'a> {
    /// The shingle starting at each token.
    pub shingles: &'a [u32],
    /// The candidate token ranges (any order, may overlap); sorted and merged in place.
    pub ranges: &'a mut Vec<Range<usize>>,
}

/// Buffers [`align`] reuses from one pair of articles to the next: a pair needs a few dozen
/// entries in each, and allocating them anew for every pair was a large part of the stage.
#[derive(Default)]
pub(crate) struct Scratch {
    where_in_b: Vec<(u32, usize)>,
    runs: Vec<Run>,
    open: Vec<usize>,
    set_a: Vec<u32>,
    set_b: Vec<u32>,
}

/// A verified shared passage as token ranges.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Matched {
    /// Tokens in the first article.
    pub a: Range<usize>,
    /// Tokens in the second article.
    pub b: Range<usize>,
    /// Jaccard similarity of the two ranges' shingle sets.
    pub similarity: f32,
}

/// A run of shared shingles being built: first and last positions on both sides.
struct Run {
    first: (usize, usize),
    last: (usize, usize),
    count: usize,
}

/// Sorts and merges overlapping or touching ranges, in place.
fn merge_ranges(ranges: &mut Vec<Range<usize>>) {
    ranges.sort_unstable_by_key(|r| (r.start, r.end));
    let mut kept: usize = 0;
    for i in 0..ranges.len() {
        let Some(r) = ranges.get(i).cloned() else {
            break;
        };
        match kept.checked_sub(1).and_then(|last| ranges.get_mut(last)) {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => {
                if let Some(slot) = ranges.get_mut(kept) {
                    *slot = r;
                }
                kept += 1;
            }
        }
    }
    ranges.truncate(kept);
}

/// Start positions of the shingles lying wholly inside `ranges`.
fn shingle_starts(ranges: &[Range<usize>], n_shingles: usize) -> impl Iterator<Item = usize> + '_ {
    ranges.iter().flat_map(move |r| {
        let end = r.end.saturating_sub(SHINGLE - 1).min(n_shingles);
        r.start..end.max(r.start)
    })
}

/// The shared passages between two articles inside their candidate ranges.
/// `content_words(range)` counts the distinct content words among a token range of `a`; it is
/// only asked about runs long enough to be passages, so the tokens need not be at hand.
pub(crate) fn align(
    a: Side<'_>,
    b: Side<'_>,
    scratch: &mut Scratch,
    mut content_words: impl FnMut(&Range<usize>) -> usize,
) -> Vec<Matched> {
    merge_ranges(a.ranges);
    merge_ranges(b.ranges);
    let (a_ranges, b_ranges) = (&*a.ranges, &*b.ranges);
    // Where each shingle of `b` occurs, sorted by shingle then position: a sorted list is
    // cheaper than a hash map for the few dozen shingles of a few units.
    let where_in_b = &mut scratch.where_in_b;
    where_in_b.clear();
    where_in_b.extend(
        shingle_starts(b_ranges, b.shingles.len()).filter_map(|j| Some((*b.shingles.get(j)?, j))),
    );
    where_in_b.sort_unstable();
    let runs = &mut scratch.runs;
    runs.clear();
    let open = &mut scratch.open; // indexes of runs that may still grow
    open.clear();
    for i in shingle_starts(a_ranges, a.shingles.len()) {
        let Some(&h) = a.shingles.get(i) else {
            continue;
        };
        let from = where_in_b.partition_point(|&(x, _)| x < h);
        let rest = where_in_b.get(from..).unwrap_or(&[]);
        let occurrences = rest
            .iter()
            .take(MAX_OCCURRENCES)
            .take_while(|&&(x, _)| x == h)
            .count();
        let Some(js) = rest.get(..occurrences).filter(|js| !js.is_empty()) else {
            continue;
        };
        open.retain(|&r| runs.get(r).is_some_and(|run| i <= run.last.0 + MAX_STEP));
        for &(_, j) in js {
            let best = open
                .iter()
                .copied()
                .filter(|&r| {
                    runs.get(r).is_some_and(|run| {
                        run.last.0 < i && run.last.1 < j && j <= run.last.1 + MAX_STEP
                    })
                })
                .min_by_key(|&r| {
                    runs.get(r)
                        .map_or(usize::MAX, |run| (i - run.last.0).abs_diff(j - run.last.1))
                });
            match best.and_then(|r| runs.get_mut(r)) {
                Some(run) => {
                    run.last = (i, j);
                    run.count += 1;
                }
                None => {
                    open.push(runs.len());
                    runs.push(Run {
                        first: (i, j),
                        last: (i, j),
                        count: 1,
                    });
                }
            }
        }
    }
    let mut found: Vec<Matched> = runs
        .iter()
        .filter(|run| run.count >= MIN_SHARED_SHINGLES)
        .map(|run| Matched {
            a: run.first.0..run.last.0 + SHINGLE,
            b: run.first.1..run.last.1 + SHINGLE,
            similarity: 0.0,
        })
        .filter(|m| content_words(&m.a) >= MIN_CONTENT_WORDS)
        .collect();
    found.sort_by_key(|m| (m.a.start, m.b.start));
    let mut merged: Vec<Matched> = Vec::with_capacity(found.len());
    for m in found {
        match merged.last_mut() {
            Some(last)
                if m.a.start <= last.a.end + MERGE_GAP
                    && m.b.start <= last.b.end + MERGE_GAP
                    && m.b.start >= last.b.start =>
            {
                last.a.end = last.a.end.max(m.a.end);
                last.b.end = last.b.end.max(m.b.end);
            }
            _ => merged.push(m),
        }
    }
    for m in &mut merged {
        m.similarity = jaccard(
            (a.shingles, &m.a),
            (b.shingles, &m.b),
            (&mut scratch.set_a, &mut scratch.set_b),
        );
    }
    merged
}

/// Number of distinct content words among `tokens`; `hashes` is a buffer to reuse.
pub(crate) fn distinct_content_words(
    tokens: impl Iterator<Item = Token>,
    hashes: &mut Vec<u64>,
) -> usize {
    hashes.clear();
    hashes.extend(tokens.filter(|t| t.content).map(|t| t.hash));
    hashes.sort_unstable();
    hashes.dedup();
    hashes.len()
}

/// Jaccard similarity of the shingle sets of two token ranges (each given with its article's
/// shingles), as sorted lists in two reusable buffers.
fn jaccard(
    (a, ra): (&[u32], &Range<usize>),
    (b, rb): (&[u32], &Range<usize>),
    (sa, sb): (&mut Vec<u32>, &mut Vec<u32>),
) -> f32 {
    let set = |s: &[u32], r: &Range<usize>, out: &mut Vec<u32>| {
        out.clear();
        out.extend(
            shingle_starts(std::slice::from_ref(r), s.len()).filter_map(|i| s.get(i).copied()),
        );
        out.sort_unstable();
        out.dedup();
    };
    set(a, ra, sa);
    set(b, rb, sb);
    let (mut i, mut j, mut common) = (0, 0, 0);
    while let (Some(x), Some(y)) = (sa.get(i), sb.get(j)) {
        common += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    let union = sa.len() + sb.len() - common;
    if union == 0 {
        return 0.0;
    }
    common as f32 / union as f32
}

#[cfg(test)]
mod tests {
    use super::super::tokens::{shingles, tokenize};
    use super::*;

    /// One range over all of `tokens`.
    fn whole(tokens: &[Token]) -> Vec<Range<usize>> {
        std::iter::once(0..tokens.len()).collect()
    }

    fn side<'a>(shingles: &'a [u32], ranges: &'a mut Vec<Range<usize>>) -> Side<'a> {
        Side { shingles, ranges }
    }

    fn content_words(tokens: &[Token]) -> impl FnMut(&Range<usize>) -> usize + '_ {
        let mut hashes = Vec::new();
        move |r| {
            let tokens = tokens.get(r.clone()).unwrap_or(&[]);
            distinct_content_words(tokens.iter().copied(), &mut hashes)
        }
    }

    /// The passages shared by two whole token lists.
    fn align_whole(ta: &[Token], tb: &[Token]) -> Vec<Matched> {
        let (sa, sb) = (shingles(ta), shingles(tb));
        let (mut ra, mut rb) = (whole(ta), whole(tb));
        align(
            side(&sa, &mut ra),
            side(&sb, &mut rb),
            &mut Scratch::default(),
            content_words(ta),
        )
    }

    #[test]
    fn one_changed_word_does_not_split_a_passage() {
        let ta = tokenize(
            "He said: The hard-won achievements will be safeguarded. All Nigerians who love \
             democracy and freedom will see to it, Mr Bazoum tweeted.",
        );
        let tb = tokenize(
            "To say: The hard-won achievements will be safeguarded. All Nigeriens who love \
             democracy and freedom will see to it.",
        );
        let found = align_whole(&ta, &tb);
        assert_eq!(found.len(), 1, "{found:?}");
        let m = &found[0];
        assert_eq!(m.b.end, tb.len());
        assert!(m.similarity > 0.5 && m.similarity < 1.0);
    }

    #[test]
    fn a_short_common_phrase_is_not_a_passage() {
        let ta = tokenize("The ministry said in a statement on Thursday that the talks went well.");
        let tb = tokenize("The army said in a statement on Thursday that the road was closed.");
        let found = align_whole(&ta, &tb);
        assert!(found.is_empty());
    }
}
