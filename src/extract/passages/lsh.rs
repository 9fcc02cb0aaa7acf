//! MinHash signatures and locality-sensitive hashing: which units (sentences or windows of long
//! sentences) of different articles are worth comparing, without comparing all pairs.
//!
//! Each unit gets a MinHash signature of its shingles; the signature is cut into bands of
//! [`ROWS`] values, and two units whose band values agree in any band become a candidate pair.
//! With [`BANDS`] bands of [`ROWS`] rows, pairs with Jaccard similarity `s` become candidates
//! with probability `1 - (1 - s^ROWS)^BANDS`: about 0.95 at `s = 0.3`, so near-copies are found
//! even when only part of a unit is shared. Candidates are verified afterwards.

use rayon::prelude::*;

use super::tokens::mix;

/// Rows per band.
pub(crate) const ROWS: usize = 2;
/// Bands per signature.
pub(crate) const BANDS: usize = 24;
/// Values in a signature.
const HASHES: usize = ROWS * BANDS;
/// A bucket holding more units than this is a phrase repeated all over the corpus (boilerplate),
/// not a passage two articles share; it is skipped so the work stays linear in corpus size.
const MAX_BUCKET: usize = 256;

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

/// The seeds of the hash functions: fixed, so results never change between runs.
fn seeds() -> [u64; HASHES] {
    let mut seeds = [0u64; HASHES];
    for (i, s) in seeds.iter_mut().enumerate() {
        *s = mix(0x5eed_0000 + i as u64);
    }
    seeds
}

/// The MinHash signature of a set of shingle hashes (`u64::MAX` everywhere when empty).
pub(crate) fn signature(shingles: &[u64], seeds: &[u64; HASHES]) -> [u64; HASHES] {
    let mut sig = [u64::MAX; HASHES];
    for &s in shingles {
        for (slot, seed) in sig.iter_mut().zip(seeds) {
            let h = mix(s ^ seed);
            if h < *slot {
                *slot = h;
            }
        }
    }
    sig
}

/// Candidate pairs of units from different articles, as indexes into `units`, sorted and unique.
/// `shingles_of(unit)` gives the shingle hashes inside a unit.
pub(crate) fn candidate_pairs<'a>(
    units: &[Unit],
    shingles_of: impl Fn(&Unit) -> &'a [u64] + Sync,
) -> Vec<(u32, u32)> {
    let seeds = seeds();
    // Only the band keys are kept, not the signatures: half the memory.
    let keys: Vec<[Option<u64>; BANDS]> = units
        .par_iter()
        .map(|u| band_keys(&signature(shingles_of(u), &seeds)))
        .collect();
    let mut pairs: Vec<(u32, u32)> = (0..BANDS)
        .into_par_iter()
        .flat_map_iter(|band| band_pairs(units, &keys, band))
        .collect();
    pairs.par_sort_unstable();
    pairs.dedup();
    pairs
}

/// The key of each band of a signature; `None` for an empty unit, which would otherwise
/// collide with every other empty unit.
fn band_keys(sig: &[u64; HASHES]) -> [Option<u64>; BANDS] {
    let mut keys = [None; BANDS];
    for (band, key) in keys.iter_mut().enumerate() {
        let values = sig.get(band * ROWS..(band + 1) * ROWS).unwrap_or(&[]);
        if !values.is_empty() && !values.contains(&u64::MAX) {
            *key = Some(values.iter().fold(band as u64, |h, v| mix(h ^ v)));
        }
    }
    keys
}

/// The candidate pairs one band yields: units whose band keys agree.
fn band_pairs(units: &[Unit], band_keys: &[[Option<u64>; BANDS]], band: usize) -> Vec<(u32, u32)> {
    let mut keys: Vec<(u64, u32)> = band_keys
        .iter()
        .enumerate()
        .filter_map(|(i, k)| Some((k.get(band).copied().flatten()?, u32::try_from(i).ok()?)))
        .collect();
    keys.sort_unstable();
    let mut pairs = Vec::new();
    for bucket in keys.chunk_by(|x, y| x.0 == y.0) {
        if bucket.len() < 2 || bucket.len() > MAX_BUCKET {
            continue;
        }
        for (n, &(_, x)) in bucket.iter().enumerate() {
            for &(_, y) in bucket.iter().skip(n + 1) {
                let (Some(ux), Some(uy)) = (units.get(x as usize), units.get(y as usize)) else {
                    continue;
                };
                if ux.article != uy.article {
                    pairs.push(if ux.article < uy.article {
                        (x, y)
                    } else {
                        (y, x)
                    });
                }
            }
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_sets_share_every_band_and_disjoint_sets_none() {
        let seeds = seeds();
        let a = signature(&[1, 2, 3, 4, 5], &seeds);
        let b = signature(&[5, 4, 3, 2, 1], &seeds);
        let c = signature(&[10, 20, 30, 40, 50], &seeds);
        assert_eq!(a, b);
        assert!(a.iter().zip(&c).all(|(x, y)| x != y));
    }

    #[test]
    fn pairs_come_only_from_different_articles() {
        let shingles: Vec<Vec<u64>> = vec![vec![1, 2, 3], vec![1, 2, 3], vec![1, 2, 3]];
        let units = [
            Unit {
                article: 0,
                start: 0,
                end: 1,
            },
            Unit {
                article: 0,
                start: 1,
                end: 2,
            },
            Unit {
                article: 1,
                start: 2,
                end: 3,
            },
        ];
        let pairs = candidate_pairs(&units, |u| shingles[u.start as usize].as_slice());
        assert_eq!(pairs, vec![(0, 2), (1, 2)]);
    }
}
