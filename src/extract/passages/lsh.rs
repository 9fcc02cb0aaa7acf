//! MinHash signatures and locality-sensitive hashing: which units (windows of paragraphs) of
//! different articles are worth comparing, without comparing all pairs.
//!
//! Each unit gets a MinHash signature of its shingles; the signature is cut into bands of
//! [`ROWS`] values, and two units whose band values agree in any band become a candidate pair.
//! With [`BANDS`] bands of [`ROWS`] rows, pairs with Jaccard similarity `s` become candidates
//! with probability `1 - (1 - s^ROWS)^BANDS`: about 0.9 at `s = 0.3`, so near-copies are found
//! even when only part of a unit is shared. Candidates are verified afterwards.
//!
//! Signatures are never stored: the keys of a few bands at a time ([`BANDS_PER_PASS`]) are
//! computed from the units' shingles when those bands are bucketed (the same hashing as computing
//! whole signatures once, with fewer readings of the shingles), so besides the shingles the
//! bucketing holds a few bytes per unit for each pass being processed.
//!
//! Boilerplate: a bucket whose units come from more than [`MAX_ARTICLES_PER_BUCKET`] articles is
//! text repeated all over the corpus (sign-offs, stock paragraphs, a story every outlet reprints),
//! not a passage a few articles share. Its pairs are never enumerated (the work stays linear), and
//! a unit that falls into such crowded buckets in [`BOILERPLATE_BANDS`] bands or more is
//! boilerplate: it yields no candidate at all, so a paragraph repeated in many articles gives no
//! passage instead of one per pair of articles.

use std::ops::Range;

use rayon::prelude::*;

use super::tokens::mix;

/// Rows per band.
pub(crate) const ROWS: usize = 2;
/// Bands per signature.
pub(crate) const BANDS: usize = 24;
/// Values in a signature.
const HASHES: usize = ROWS * BANDS;
/// The most articles whose units a bucket may hold and still yield candidate pairs; text found
/// in more articles than this is boilerplate.
pub(crate) const MAX_ARTICLES_PER_BUCKET: usize = 20;
/// The most units a bucket may hold (a paragraph repeated inside a few articles), for the same
/// reason: the pairs of a bucket grow with the square of its size.
const MAX_UNITS_PER_BUCKET: usize = 64;
/// A unit in crowded buckets in this many bands or more is boilerplate; fewer crowded bands only
/// mean a stock phrase inside the unit happened to give the minimum values of those bands.
const BOILERPLATE_BANDS: usize = BANDS / 3;

/// The fewest bands in which two units must agree to be a candidate pair. Two instances of one
/// sentence template ("… people were reported killed in …") agree by chance in one band; copies,
/// even partial ones, agree in several.
const MIN_BAND_HITS: usize = 2;

/// A unit of comparison: a token range in one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Unit {
    /// Index of the article in the input slice.
    pub article: u32,
    /// First token.
    pub start: u32,
    /// One past the last token.
    pub end: u32,
}

/// The hash functions of a signature: `x ↦ f(x · mul + add)` with an odd `mul` and an xor-shift
/// `f`, a permutation of the 32-bit values. Cheap enough to run 48 of them over every shingle of a
/// large corpus; fixed, so results never change between runs.
pub(crate) struct Permutations {
    mul: [u32; HASHES],
    add: [u32; HASHES],
}

impl Permutations {
    /// The fixed permutations.
    pub(crate) fn new() -> Permutations {
        let mut mul = [0u32; HASHES];
        let mut add = [0u32; HASHES];
        for (i, (m, a)) in mul.iter_mut().zip(add.iter_mut()).enumerate() {
            let h = mix(0x5eed_0000 + i as u64);
            *m = (h as u32) | 1;
            *a = (h >> 32) as u32;
        }
        Permutations { mul, add }
    }
}

/// The key of one band of the MinHash signature of `shingles`: the band's [`ROWS`] minimum
/// values, mixed. `None` for an empty unit, which would otherwise collide with every other
/// empty unit. (The stage keys a few bands at once with [`pass_key`]; this is its reference.)
#[cfg(test)]
pub(crate) fn band_key(shingles: &[u32], p: &Permutations, band: usize) -> Option<u32> {
    if shingles.is_empty() {
        return None;
    }
    let rows = band * ROWS..(band + 1) * ROWS;
    let (mul, add) = (p.mul.get(rows.clone())?, p.add.get(rows)?);
    let mut mins = [u32::MAX; ROWS];
    for &s in shingles {
        for ((slot, m), a) in mins.iter_mut().zip(mul).zip(add) {
            let x = s.wrapping_mul(*m).wrapping_add(*a);
            *slot = (*slot).min(x ^ (x >> 16));
        }
    }
    let h = mins.iter().fold(band as u64, |h, v| mix(h ^ u64::from(*v)));
    Some((h >> 32) as u32)
}

/// How many bands are keyed in one pass over the units' shingles. Reading every unit's
/// shingles from memory costs about as much as hashing them, so each pass serves several bands;
/// more bands per pass would hold more keys at once.
const BANDS_PER_PASS: usize = 3;
const _: () = assert!(
    BANDS.is_multiple_of(BANDS_PER_PASS),
    "every pass has its bands"
);

/// The keys of one unit in the bands of one pass; `None` for an empty unit.
type PassKeys = Option<[u32; BANDS_PER_PASS]>;

/// The keys of [`BANDS_PER_PASS`] bands from `first` on, each as [`band_key`] gives it, with
/// one reading of `shingles`.
pub(crate) fn pass_key(shingles: &[u32], p: &Permutations, first: usize) -> PassKeys {
    const PASS_ROWS: usize = BANDS_PER_PASS * ROWS;
    if shingles.is_empty() {
        return None;
    }
    let rows = first * ROWS..(first + BANDS_PER_PASS) * ROWS;
    let mul: &[u32; PASS_ROWS] = p.mul.get(rows.clone())?.try_into().ok()?;
    let add: &[u32; PASS_ROWS] = p.add.get(rows)?.try_into().ok()?;
    let mut mins = [u32::MAX; PASS_ROWS];
    for &s in shingles {
        for ((slot, m), a) in mins.iter_mut().zip(mul).zip(add) {
            let x = s.wrapping_mul(*m).wrapping_add(*a);
            *slot = (*slot).min(x ^ (x >> 16));
        }
    }
    let mut keys = [0u32; BANDS_PER_PASS];
    for (b, (key, band_mins)) in keys.iter_mut().zip(mins.chunks_exact(ROWS)).enumerate() {
        let band = first + b;
        let h = band_mins
            .iter()
            .fold(band as u64, |h, v| mix(h ^ u64::from(*v)));
        *key = (h >> 32) as u32;
    }
    Some(keys)
}

/// Every unit's keys in the bands of the pass starting at band `first`.
fn pass_keys<'a>(
    units: &[Unit],
    shingles: &impl Fn(usize) -> &'a [u32],
    p: &Permutations,
    first: usize,
) -> Vec<PassKeys> {
    (0..units.len())
        .map(|i| pass_key(shingles(i), p, first))
        .collect()
}

/// The candidates of a corpus and what was skipped as boilerplate.
#[derive(Debug, Default)]
pub(crate) struct Candidates {
    /// Pairs of units of different articles, as indexes into the units, sorted and unique; the
    /// unit of the earlier article first.
    pub pairs: Vec<(u32, u32)>,
    /// Units found to be boilerplate.
    pub boilerplate_units: usize,
    /// Buckets (over all bands) too crowded to enumerate.
    pub crowded_buckets: usize,
}

/// What one band yields: candidate pairs (split into [`PARTS`] by first unit), the units in
/// crowded buckets, the number of crowded buckets.
type BandResult = (Vec<Vec<(u32, u32)>>, Vec<u32>, usize);

/// The bands' pairs are split by their first unit into this many parts, each merged on its own
/// in parallel (merged as one, the pairs of all bands were a long serial step).
const PARTS: usize = 16;

/// The part of the pairs whose first unit is `x`, of `units` units.
fn part_of(x: u32, units: usize) -> usize {
    let part = u64::from(x) * PARTS as u64 / units.max(1) as u64;
    usize::try_from(part).map_or(PARTS - 1, |p| p.min(PARTS - 1))
}

/// The first units of part `part`: those that [`part_of`] puts there.
fn part_units(part: usize, units: usize) -> Range<usize> {
    let start = |p: usize| (p * units).div_ceil(PARTS);
    start(part)..start(part + 1)
}

/// Candidate pairs of units from different articles. `units` are in article order and
/// `shingles(i)` gives the shingles of `units[i]` (never empty).
pub(crate) fn candidate_pairs<'a>(
    units: &[Unit],
    shingles: impl Fn(usize) -> &'a [u32] + Sync,
) -> Candidates {
    let p = Permutations::new();
    let per_band: Vec<BandResult> = (0..BANDS / BANDS_PER_PASS)
        .into_par_iter()
        .flat_map_iter(|pass| {
            let first = pass * BANDS_PER_PASS;
            let keys = pass_keys(units, &shingles, &p, first);
            (0..BANDS_PER_PASS)
                .map(|b| band_pairs(units, &keys, b))
                .collect::<Vec<_>>()
        })
        .collect();
    let mut crowded_in = vec![0u8; units.len()];
    let mut crowded_buckets = 0;
    for (_, crowded, buckets) in &per_band {
        crowded_buckets += buckets;
        for &u in crowded {
            if let Some(c) = crowded_in.get_mut(u as usize) {
                *c = c.saturating_add(1);
            }
        }
    }
    let is_boilerplate =
        |u: u32| crowded_in.get(u as usize).copied().unwrap_or(0) as usize >= BOILERPLATE_BANDS;
    let boilerplate_units = (0..units.len())
        .filter(|&u| u32::try_from(u).is_ok_and(is_boilerplate))
        .count();
    let mut by_part: Vec<Vec<Vec<(u32, u32)>>> =
        (0..PARTS).map(|_| Vec::with_capacity(BANDS)).collect();
    for (parts, _, _) in per_band {
        for (bands, pairs) in by_part.iter_mut().zip(parts) {
            bands.push(pairs);
        }
    }
    let keep = |x: u32, y: u32| !is_boilerplate(x) && !is_boilerplate(y);
    let pairs: Vec<(u32, u32)> = by_part
        .into_par_iter()
        .enumerate()
        .flat_map_iter(|(part, bands)| agreeing_pairs(part_units(part, units.len()), bands, keep))
        .collect();
    Candidates {
        pairs,
        boilerplate_units,
        crowded_buckets,
    }
}

/// The pairs `(x, y)` with `x` in `firsts` that `keep` accepts and that are found in at least
/// [`MIN_BAND_HITS`] of `bands` (each band lists a pair at most once), sorted and each once.
///
/// Most pairs agree in one band only (chance), so the bands' pairs are many times the result:
/// they are grouped by their first unit with a counting sort, and only each unit's short list
/// of partners is sorted (a comparison sort of all of them was the stage's largest sort). A
/// band's pairs are dropped as soon as they are placed.
fn agreeing_pairs(
    firsts: Range<usize>,
    bands: Vec<Vec<(u32, u32)>>,
    keep: impl Fn(u32, u32) -> bool,
) -> Vec<(u32, u32)> {
    let slot_of = |x: u32| (x as usize).checked_sub(firsts.start);
    // starts[i]..starts[i + 1]: where the partners of unit `firsts.start + i` go.
    let mut starts = vec![0usize; firsts.len() + 1];
    for &(x, y) in bands.iter().flatten() {
        if keep(x, y)
            && let Some(n) = slot_of(x).and_then(|i| starts.get_mut(i + 1))
        {
            *n += 1;
        }
    }
    for i in 1..starts.len() {
        let before = starts.get(i - 1).copied().unwrap_or(0);
        if let Some(n) = starts.get_mut(i) {
            *n += before;
        }
    }
    let mut partners = vec![0u32; starts.last().copied().unwrap_or(0)];
    let mut next = starts.clone();
    for band in bands {
        for (x, y) in band {
            if keep(x, y)
                && let Some(at) = slot_of(x).and_then(|i| next.get_mut(i))
            {
                if let Some(slot) = partners.get_mut(*at) {
                    *slot = y;
                }
                *at += 1;
            }
        }
    }
    drop(next);
    let mut found = Vec::new();
    for (i, x) in firsts.enumerate() {
        let (Some(&start), Some(&end)) = (starts.get(i), starts.get(i + 1)) else {
            break;
        };
        let (Ok(x), Some(mine)) = (u32::try_from(x), partners.get_mut(start..end)) else {
            continue;
        };
        mine.sort_unstable();
        found.extend(
            mine.chunk_by(|a, b| a == b)
                .filter(|same| same.len() >= MIN_BAND_HITS)
                .filter_map(|same| same.first().map(|&y| (x, y))),
        );
    }
    found
}

/// The candidate pairs one band yields (units whose band keys agree) and the units it found in
/// crowded buckets.
/// `keys` are the units' keys of the pass that holds the band, as [`pass_keys`] gives them;
/// `nth` is the band's place in the pass.
fn band_pairs(units: &[Unit], keys: &[PassKeys], nth: usize) -> BandResult {
    let entries: Vec<u64> = keys
        .iter()
        .enumerate()
        .filter_map(|(i, k)| {
            let key = k.as_ref()?.get(nth)?;
            Some(u64::from(*key) << 32 | u64::from(u32::try_from(i).ok()?))
        })
        .collect();
    let entries = sort_by_key(entries);
    let article_of = |e: u64| units.get((e as u32) as usize).map(|u| u.article);
    let mut pairs: Vec<Vec<(u32, u32)>> = vec![Vec::new(); PARTS];
    let mut crowded = Vec::new();
    let mut crowded_buckets = 0;
    for bucket in entries.chunk_by(|x, y| x >> 32 == y >> 32) {
        if bucket.len() < 2 {
            continue;
        }
        // Units are in article order, so a bucket sorted by unit lists its articles in order.
        let articles = 1 + bucket
            .windows(2)
            .filter(|w| matches!(w, [x, y] if article_of(*x) != article_of(*y)))
            .count();
        if articles < 2 {
            continue;
        }
        if articles > MAX_ARTICLES_PER_BUCKET || bucket.len() > MAX_UNITS_PER_BUCKET {
            crowded_buckets += 1;
            crowded.extend(bucket.iter().map(|&e| e as u32));
            continue;
        }
        for (n, &x) in bucket.iter().enumerate() {
            for &y in bucket.iter().skip(n + 1) {
                if article_of(x) != article_of(y) {
                    // Sorted by unit, so `x` belongs to the earlier article.
                    let x = x as u32;
                    if let Some(part) = pairs.get_mut(part_of(x, units.len())) {
                        part.push((x, y as u32));
                    }
                }
            }
        }
    }
    (pairs, crowded, crowded_buckets)
}

/// Sorts entries `key << 32 | unit`, listed in increasing unit order, by key then unit: a
/// stable radix sort on three 11-bit digits of the key, several times faster than a
/// comparison sort on the millions of units of a large corpus (done once per band). Digits of
/// 11 bits keep the counters in the first-level cache (16-bit digits were slower for it).
fn sort_by_key(entries: Vec<u64>) -> Vec<u64> {
    const BITS: u32 = 11;
    const DIGITS: usize = 1 << BITS;
    let mut from = entries;
    let mut to = vec![0u64; from.len()];
    for shift in [32, 32 + BITS, 32 + 2 * BITS] {
        let digit = |e: u64| ((e >> shift) as usize) & (DIGITS - 1);
        let mut next = vec![0usize; DIGITS];
        for &e in &from {
            if let Some(n) = next.get_mut(digit(e)) {
                *n += 1;
            }
        }
        let mut start = 0;
        for n in &mut next {
            let count = *n;
            *n = start;
            start += count;
        }
        for &e in &from {
            if let Some(n) = next.get_mut(digit(e)) {
                if let Some(slot) = to.get_mut(*n) {
                    *slot = e;
                }
                *n += 1;
            }
        }
        std::mem::swap(&mut from, &mut to);
    }
    from
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(article: u32, i: u32) -> Unit {
        Unit {
            article,
            start: i,
            end: i + 1,
        }
    }

    fn keys(shingles: &[u32]) -> Vec<Option<u32>> {
        let p = Permutations::new();
        (0..BANDS).map(|b| band_key(shingles, &p, b)).collect()
    }

    #[test]
    fn identical_sets_share_every_band_and_disjoint_sets_none() {
        let a = keys(&[1, 2, 3, 4, 5]);
        let b = keys(&[5, 4, 3, 2, 1]);
        let c = keys(&[10, 20, 30, 40, 50]);
        assert_eq!(a, b);
        assert!(a.iter().all(Option::is_some));
        assert!(a.iter().zip(&c).all(|(x, y)| x != y));
        assert!(keys(&[]).iter().all(Option::is_none));
    }

    #[test]
    fn a_pass_gives_the_keys_of_its_bands() {
        let p = Permutations::new();
        for shingles in [&[7u32][..], &[1, 2, 3, 4, 5], &[u32::MAX, 0, 99, 12_345]] {
            for first in (0..BANDS).step_by(BANDS_PER_PASS) {
                let expected: Vec<u32> = (first..first + BANDS_PER_PASS)
                    .filter_map(|band| band_key(shingles, &p, band))
                    .collect();
                let keys = pass_key(shingles, &p, first).map(|k| k.to_vec());
                assert_eq!(keys, Some(expected));
            }
        }
        assert_eq!(pass_key(&[], &p, 0), None);
    }

    #[test]
    fn pairs_come_only_from_different_articles() {
        let units = [unit(0, 0), unit(0, 1), unit(1, 2)];
        let found = candidate_pairs(&units, |_| &[1, 2, 3]);
        assert_eq!(found.pairs, vec![(0, 2), (1, 2)]);
        assert_eq!(found.boilerplate_units, 0);
    }

    #[test]
    fn units_sharing_one_band_by_chance_are_no_candidates() {
        // Two units sharing one shingle in ten agree in few bands, if any: never enough.
        let units = [unit(0, 0), unit(1, 1)];
        let sets: [&[u32]; 2] = [
            &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
            &[10, 11, 12, 13, 14, 15, 16],
        ];
        let found = candidate_pairs(&units, |i| sets.get(i).copied().unwrap_or(&[]));
        assert!(found.pairs.is_empty(), "{:?}", found.pairs);
    }

    #[test]
    fn a_unit_repeated_in_many_articles_is_boilerplate_and_yields_no_pair() {
        let units: Vec<Unit> = (0..50).map(|a| unit(a, a)).collect();
        let found = candidate_pairs(&units, |_| &[1, 2, 3]);
        assert!(found.pairs.is_empty(), "{:?}", found.pairs.len());
        assert_eq!(found.boilerplate_units, 50);
        assert_eq!(found.crowded_buckets, BANDS);
    }

    #[test]
    fn pairs_in_enough_bands_are_kept_sorted_and_once() {
        // Bands of random pairs over few units, so that many pairs recur across bands; the
        // result must be what sorting all of them gives.
        let mut state = 11u64;
        let units = 300u32;
        let bands: Vec<Vec<(u32, u32)>> = (0..BANDS)
            .map(|_| {
                let mut band: Vec<(u32, u32)> = (0..2000)
                    .map(|_| {
                        state = mix(state);
                        let x = (state % u64::from(units)) as u32;
                        let y = ((state >> 32) % u64::from(units)) as u32;
                        (x.min(y), x.max(y))
                    })
                    .filter(|(x, y)| x != y)
                    .collect();
                band.sort_unstable();
                band.dedup();
                band
            })
            .collect();
        let keep = |x: u32, y: u32| x % 7 != 3 && y % 11 != 5;
        let mut all: Vec<(u32, u32)> = bands
            .iter()
            .flatten()
            .copied()
            .filter(|&(x, y)| keep(x, y))
            .collect();
        all.sort_unstable();
        let expected: Vec<(u32, u32)> = all
            .chunk_by(|a, b| a == b)
            .filter(|same| same.len() >= MIN_BAND_HITS)
            .filter_map(|same| same.first().copied())
            .collect();
        assert!(expected.len() > 100);
        let some: Vec<(u32, u32)> = expected
            .iter()
            .copied()
            .filter(|&(x, _)| (100..200).contains(&x))
            .collect();
        assert_eq!(agreeing_pairs(100..200, bands.clone(), keep), some);
        assert_eq!(agreeing_pairs(0..units as usize, bands, keep), expected);
        assert!(agreeing_pairs(0..0, Vec::new(), keep).is_empty());
    }

    #[test]
    fn parts_cover_every_unit_once_in_order() {
        for units in [1usize, 5, 16, 17, 1000, 933_367] {
            let mut next = 0;
            for part in 0..PARTS {
                let range = part_units(part, units);
                assert_eq!(range.start, next);
                for x in [range.start, range.end.saturating_sub(1)] {
                    if range.contains(&x) {
                        assert_eq!(part_of(x as u32, units), part);
                    }
                }
                next = range.end;
            }
            assert_eq!(next, units);
        }
    }

    #[test]
    fn the_radix_sort_orders_by_key_then_unit() {
        let mut state = 7u64;
        let entries: Vec<u64> = (0..5000u64)
            .map(|unit| {
                state = mix(state);
                // Few distinct keys, so that many units share one.
                (state % 97 * 0x0101_0101) << 32 | unit
            })
            .collect();
        let mut expected = entries.clone();
        expected.sort_unstable();
        assert_eq!(sort_by_key(entries), expected);
    }
}
