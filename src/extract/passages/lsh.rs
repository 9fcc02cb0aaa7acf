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
//! whole signatures once, with fewer readings of the shingles). Each band keeps only its buckets
//! that can yield a pair, as lists of units, and candidates are counted unit by unit over those
//! (see [`candidate_pairs`]): besides the shingles, a few dozen bytes per unit.
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

/// The keys of [`BANDS_PER_PASS`] bands from `first` on, each as the one-band `band_key` (kept
/// for the tests) gives it, with one reading of `shingles`.
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

/// Candidate pairs of units from different articles. `units` are in article order and
/// `shingles(i)` gives the shingles of `units[i]` (never empty).
///
/// Two steps. First every band is bucketed on its own, keeping only the buckets that may yield
/// pairs (units of at least two articles, not crowded) as lists of units. Then, unit by unit,
/// the partners found in the unit's buckets over all bands are counted: those found in
/// [`MIN_BAND_HITS`] bands or more make candidates. No band's pairs are ever stored (storing
/// them and counting afterwards held about 200 bytes per unit at 20,000 articles, most of them
/// pairs that agree in one band only), and the candidates come out in order.
pub(crate) fn candidate_pairs<'a>(
    units: &[Unit],
    shingles: impl Fn(usize) -> &'a [u32] + Sync,
) -> Candidates {
    let p = Permutations::new();
    let bands: Vec<BandBuckets> = (0..BANDS / BANDS_PER_PASS)
        .into_par_iter()
        .flat_map_iter(|pass| {
            let first = pass * BANDS_PER_PASS;
            let keys = pass_keys(units, &shingles, &p, first);
            (0..BANDS_PER_PASS)
                .map(|b| bucket_band(units, &keys, b))
                .collect::<Vec<_>>()
        })
        .collect();
    let mut crowded_in = vec![0u8; units.len()];
    let mut crowded_buckets = 0;
    for band in &bands {
        crowded_buckets += band.crowded_buckets;
        for &u in &band.crowded {
            if let Some(c) = crowded_in.get_mut(u as usize) {
                *c = c.saturating_add(1);
            }
        }
    }
    let boilerplate: Vec<bool> = crowded_in
        .iter()
        .map(|&c| c as usize >= BOILERPLATE_BANDS)
        .collect();
    drop(crowded_in);
    let boilerplate_units = boilerplate.iter().filter(|&&b| b).count();
    let index = BucketIndex::new(units.len(), bands);
    let is_kept = |u: u32| !boilerplate.get(u as usize).copied().unwrap_or(true);
    let chunks = units.len().div_ceil(UNITS_PER_TASK);
    let pairs: Vec<(u32, u32)> = (0..chunks)
        .into_par_iter()
        .map_init(
            || Tally::new(units.len()),
            |tally, c| {
                let firsts = c * UNITS_PER_TASK..((c + 1) * UNITS_PER_TASK).min(units.len());
                agreeing_pairs(units, firsts, &index, is_kept, tally)
            },
        )
        .flatten_iter()
        .collect();
    Candidates {
        pairs,
        boilerplate_units,
        crowded_buckets,
    }
}

/// Units whose partners one task counts: enough to make a task worth its scheduling (and its
/// [`Tally`]).
const UNITS_PER_TASK: usize = 16_384;

/// How many bands each unit agrees in with the unit whose partners are being counted, and the
/// partners found in enough bands: counting in place spares sorting each unit's list of
/// partners (about twenty on average, most of them met in one band only).
struct Tally {
    /// Bands in agreement, by unit; back to zero after each unit.
    bands: Vec<u8>,
    /// The units found in [`MIN_BAND_HITS`] bands, in the order found.
    agreeing: Vec<u32>,
    /// The tails of the current unit's buckets that hold its partners.
    tails: Vec<(u32, u32)>,
}

impl Tally {
    /// A tally for a corpus of `units` units.
    fn new(units: usize) -> Tally {
        Tally {
            bands: vec![0; units],
            agreeing: Vec::new(),
            tails: Vec::new(),
        }
    }
}

/// The buckets of one band that may yield candidate pairs, and what was too crowded.
#[derive(Debug, Default)]
struct BandBuckets {
    /// The units of the kept buckets, bucket after bucket, each bucket in increasing order.
    members: Vec<u32>,
    /// Where each kept bucket starts in `members`, and where the last one ends.
    starts: Vec<u32>,
    /// The units in crowded buckets.
    crowded: Vec<u32>,
    /// How many buckets were crowded.
    crowded_buckets: usize,
}

/// Buckets one band: units whose band keys agree. Buckets holding a single article cannot
/// yield a pair and are dropped; crowded ones are listed as such.
/// `keys` are the units' keys of the pass that holds the band, as [`pass_keys`] gives them;
/// `nth` is the band's place in the pass.
fn bucket_band(units: &[Unit], keys: &[PassKeys], nth: usize) -> BandBuckets {
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
    let mut kept = BandBuckets {
        starts: vec![0],
        ..BandBuckets::default()
    };
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
            kept.crowded_buckets += 1;
            kept.crowded.extend(bucket.iter().map(|&e| e as u32));
            continue;
        }
        kept.members.extend(bucket.iter().map(|&e| e as u32));
        // The members are at most one per unit, and units are numbered in u32.
        kept.starts
            .push(u32::try_from(kept.members.len()).unwrap_or(u32::MAX));
    }
    kept.members.shrink_to_fit();
    kept.starts.shrink_to_fit();
    kept
}

/// The candidate pairs `(x, y)` with `x` in `firsts`: `y` in a later article, neither unit
/// boilerplate (`is_kept` says), sharing a bucket in at least [`MIN_BAND_HITS`] bands; sorted.
fn agreeing_pairs(
    units: &[Unit],
    firsts: Range<usize>,
    index: &BucketIndex,
    is_kept: impl Fn(u32) -> bool,
    tally: &mut Tally,
) -> Vec<(u32, u32)> {
    let mut found = Vec::new();
    // The first unit of the article after the current one: partners are from there on.
    let mut next_article: Option<(u32, usize)> = None;
    for x in firsts {
        let (Some(unit), Ok(ux)) = (units.get(x), u32::try_from(x)) else {
            break;
        };
        if !is_kept(ux) {
            continue;
        }
        let after = match next_article {
            Some((article, after)) if article == unit.article => after,
            _ => {
                let rest = units.get(x..).unwrap_or(&[]);
                let after = x + rest.partition_point(|u| u.article == unit.article);
                next_article = Some((unit.article, after));
                after
            }
        };
        let Ok(after) = u32::try_from(after) else {
            continue;
        };
        count_partners(index, ux, after, tally);
        // Found in band order: sorted, they come out in order.
        tally.agreeing.sort_unstable();
        found.extend(
            tally
                .agreeing
                .iter()
                .copied()
                .filter(|&y| is_kept(y))
                .map(|y| (ux, y)),
        );
    }
    found
}

/// Fills `tally.agreeing` with the units from `after` on that share a bucket with `unit` in
/// at least [`MIN_BAND_HITS`] bands: a unit is in one bucket per band, so how often a partner
/// is met in the unit's buckets is in how many bands the two agree. Leaves the counts at zero.
fn count_partners(index: &BucketIndex, unit: u32, after: u32, tally: &mut Tally) {
    let Tally {
        bands,
        agreeing,
        tails,
    } = tally;
    agreeing.clear();
    tails.clear();
    for &place in index.places_of(unit) {
        // The unit sits at `place` in its bucket, which is sorted by unit: the units after it
        // are those of its own article still to come (few), then those of later articles, the
        // tail. Scanning from the bucket's start instead read half the bucket every time.
        let (from, to) = (place as usize + 1, index.bucket_end(place as usize));
        let rest = index.members.get(from..to).unwrap_or(&[]);
        let same_article = rest.iter().take_while(|&&y| y < after).count();
        let tail = rest.get(same_article..).unwrap_or(&[]);
        for &y in tail {
            if let Some(n) = bands.get_mut(y as usize) {
                *n += 1;
                if usize::from(*n) == MIN_BAND_HITS {
                    agreeing.push(y);
                }
            }
        }
        if !tail.is_empty() {
            // `to` is at most the number of members, which fits in u32 (see `BucketIndex::new`).
            let from = (from + same_article) as u32;
            tails.push((from, to as u32));
        }
    }
    for &(from, to) in tails.iter() {
        for &y in index.members.get(from as usize..to as usize).unwrap_or(&[]) {
            if let Some(n) = bands.get_mut(y as usize) {
                *n = 0;
            }
        }
    }
}

/// The kept buckets of every band, numbered band after band, and for each unit the ids of the
/// buckets it is in, in increasing order (so at most one per band).
struct BucketIndex {
    /// The units of every bucket, bucket after bucket, each bucket in increasing order.
    members: Vec<u32>,
    /// Where each bucket starts in `members`, and where the last one ends (while building).
    starts: Vec<u32>,
    /// Bit `i` is set when member `i` is the last of its bucket.
    bucket_ends: Vec<u64>,
    /// Where each unit's places start in `places`, and where the last unit's end.
    offsets: Vec<u32>,
    /// Where every unit is in `members` (one place per bucket it is in), unit after unit.
    places: Vec<u32>,
}

impl BucketIndex {
    /// The index of the buckets of `bands` (in band order) over `units` units. Ids and offsets
    /// are u32, half the memory of usize: they overflow only for a corpus of hundreds of
    /// millions of units, far more than fits in memory; the bands that would overflow are left
    /// out.
    fn new(units: usize, bands: Vec<BandBuckets>) -> BucketIndex {
        let mut index = BucketIndex {
            members: Vec::new(),
            starts: vec![0],
            bucket_ends: Vec::new(),
            offsets: Vec::new(),
            places: Vec::new(),
        };
        for band in bands {
            let base = index.members.len();
            let fits = |n: usize| u32::try_from(base + n).ok();
            let Some(starts) = band
                .starts
                .iter()
                .skip(1)
                .map(|&s| fits(s as usize))
                .collect::<Option<Vec<u32>>>()
            else {
                continue;
            };
            index.members.extend(band.members);
            index.starts.extend(starts);
        }
        index.members.shrink_to_fit();
        index.list_units_places(units);
        index.mark_bucket_ends();
        index.starts = Vec::new();
        index
    }

    /// Fills `bucket_ends` from `starts`.
    fn mark_bucket_ends(&mut self) {
        let mut ends = vec![0u64; self.members.len().div_ceil(64)];
        for &end in self.starts.iter().skip(1) {
            let Some(last) = (end as usize).checked_sub(1) else {
                continue;
            };
            if let Some(word) = ends.get_mut(last / 64) {
                *word |= 1 << (last % 64);
            }
        }
        self.bucket_ends = ends;
    }

    /// One past the last member of the bucket that holds member `place`.
    fn bucket_end(&self, place: usize) -> usize {
        let mut at = place / 64;
        // The bits of the members from `place` on.
        let mut word = self.bucket_ends.get(at).copied().unwrap_or(0) & (u64::MAX << (place % 64));
        loop {
            if word != 0 {
                return at * 64 + word.trailing_zeros() as usize + 1;
            }
            at += 1;
            match self.bucket_ends.get(at) {
                Some(&next) => word = next,
                None => return self.members.len(),
            }
        }
    }

    /// Fills `offsets` and `places` from the buckets: a counting sort of the memberships by
    /// unit. Members are visited in order, so each unit's places are increasing.
    fn list_units_places(&mut self, units: usize) {
        let mut offsets = vec![0u32; units + 1];
        for &u in &self.members {
            if let Some(n) = offsets.get_mut(u as usize + 1) {
                *n += 1;
            }
        }
        for i in 1..offsets.len() {
            let before = offsets.get(i - 1).copied().unwrap_or(0);
            if let Some(n) = offsets.get_mut(i) {
                *n += before;
            }
        }
        let mut places = vec![0u32; offsets.last().copied().unwrap_or(0) as usize];
        let mut next = offsets.clone();
        // Members fit in u32 (see `new`).
        for (place, &u) in (0u32..).zip(&self.members) {
            if let Some(at) = next.get_mut(u as usize)
                && let Some(slot) = places.get_mut(*at as usize)
            {
                *slot = place;
                *at += 1;
            }
        }
        self.offsets = offsets;
        self.places = places;
    }

    /// Where `unit` is in `members`, one place per bucket it is in, in increasing order.
    fn places_of(&self, unit: u32) -> &[u32] {
        let u = unit as usize;
        match (self.offsets.get(u), self.offsets.get(u + 1)) {
            (Some(&start), Some(&end)) => {
                self.places.get(start as usize..end as usize).unwrap_or(&[])
            }
            _ => &[],
        }
    }
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
    use std::collections::{BTreeMap, BTreeSet};

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

    /// The candidates as the rules state them, band by band with maps: the reference the
    /// bucket index must agree with.
    fn plain_candidates(units: &[Unit], sets: &[Vec<u32>]) -> Candidates {
        let p = Permutations::new();
        let article = |u: u32| units[u as usize].article;
        let mut crowded_in = vec![0usize; units.len()];
        let mut crowded_buckets = 0;
        let mut hits: BTreeMap<(u32, u32), usize> = BTreeMap::new();
        for band in 0..BANDS {
            let mut buckets: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
            for (u, set) in sets.iter().enumerate() {
                if let Some(key) = band_key(set, &p, band) {
                    buckets.entry(key).or_default().push(u as u32);
                }
            }
            for members in buckets.values() {
                let articles: BTreeSet<u32> = members.iter().map(|&u| article(u)).collect();
                if articles.len() < 2 {
                    continue;
                }
                if articles.len() > MAX_ARTICLES_PER_BUCKET || members.len() > MAX_UNITS_PER_BUCKET
                {
                    crowded_buckets += 1;
                    for &u in members {
                        crowded_in[u as usize] += 1;
                    }
                    continue;
                }
                for (n, &x) in members.iter().enumerate() {
                    for &y in &members[n + 1..] {
                        if article(x) != article(y) {
                            *hits.entry((x, y)).or_default() += 1;
                        }
                    }
                }
            }
        }
        let boilerplate = |u: u32| crowded_in[u as usize] >= BOILERPLATE_BANDS;
        Candidates {
            pairs: hits
                .into_iter()
                .filter(|&((x, y), n)| n >= MIN_BAND_HITS && !boilerplate(x) && !boilerplate(y))
                .map(|(pair, _)| pair)
                .collect(),
            boilerplate_units: (0..units.len() as u32).filter(|&u| boilerplate(u)).count(),
            crowded_buckets,
        }
    }

    #[test]
    fn candidates_are_those_the_rules_give_on_a_busy_corpus() {
        // Articles of a few units each, made of shingles from a small vocabulary so that
        // units agree in some bands by chance, with near-copies, a stock unit in many articles
        // (crowded by articles) and one article repeating a unit (crowded by units).
        let mut state = 5u64;
        let mut next = move |n: u64| {
            state = mix(state);
            state % n
        };
        let (mut units, mut sets) = (Vec::new(), Vec::new());
        for article in 0..120u32 {
            let count = if article == 7 { 70 } else { 1 + next(9) };
            for i in 0..count {
                let set: Vec<u32> = match next(10) {
                    _ if (article == 7 && i > 3) || (article == 8 && i == 0) => {
                        vec![950, 951, 952]
                    }
                    0 | 1 => vec![500, 501, 502, 503],
                    2 => (0..6).map(|s| 700 + (s + next(3) as u32)).collect(),
                    _ => (0..2 + next(6)).map(|_| next(40) as u32).collect(),
                };
                if article % 3 == 0 && i == 1 {
                    sets.push(vec![900, 901, 902]);
                } else {
                    sets.push(set);
                }
                units.push(unit(article, units.len() as u32));
            }
        }
        let expected = plain_candidates(&units, &sets);
        assert!(expected.pairs.len() > 200, "{}", expected.pairs.len());
        assert!(
            expected.boilerplate_units > 50,
            "{}",
            expected.boilerplate_units
        );
        assert!(
            expected.crowded_buckets > BANDS,
            "{}",
            expected.crowded_buckets
        );
        let found = candidate_pairs(&units, |u| sets.get(u).map_or(&[][..], Vec::as_slice));
        assert_eq!(found.pairs, expected.pairs);
        assert_eq!(found.boilerplate_units, expected.boilerplate_units);
        assert_eq!(found.crowded_buckets, expected.crowded_buckets);
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

    #[test]
    fn every_place_of_a_unit_finds_its_bucket_and_the_bucket_end() {
        // Two bands over 80 units; buckets of one to seventy members (longer than a word of
        // bits), and an empty bucket, laid out one after the other.
        let band = |buckets: &[Vec<u32>]| {
            let mut members = Vec::new();
            let mut starts = vec![0];
            for bucket in buckets {
                members.extend(bucket);
                starts.push(members.len() as u32);
            }
            BandBuckets {
                members,
                starts,
                crowded: Vec::new(),
                crowded_buckets: 0,
            }
        };
        let first = vec![vec![0, 3], vec![], vec![1, 2, 4], (5..80).collect()];
        let second = vec![(0..70).collect(), vec![72], vec![70, 71, 73, 79]];
        let index = BucketIndex::new(80, vec![band(&first), band(&second)]);
        let buckets: Vec<Vec<u32>> = first.into_iter().chain(second).collect();
        // Each bucket's members and its end, as laid out.
        let mut laid_out = Vec::new();
        let mut at = 0;
        for bucket in &buckets {
            for &u in bucket {
                laid_out.push((u, at + bucket.len()));
            }
            at += bucket.len();
        }
        for unit in 0..80u32 {
            let places = index.places_of(unit);
            let expected: Vec<u32> = (0u32..)
                .zip(&laid_out)
                .filter(|(_, (u, _))| *u == unit)
                .map(|(place, _)| place)
                .collect();
            assert_eq!(places, expected, "unit {unit}");
            for &place in places {
                assert_eq!(index.members[place as usize], unit);
                assert_eq!(index.bucket_end(place as usize), laid_out[place as usize].1);
            }
        }
        assert_eq!(index.bucket_end(at), at, "past the last member: the end");
    }
}
