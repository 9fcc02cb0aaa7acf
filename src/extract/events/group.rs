//! Groups the events of one calendar point into happenings.
//!
//! Two events report the same happening when they share at least [`MIN_SHARED_WORDS`] content
//! words and the shared words are at least [`SAME_HAPPENING`] of the shorter sentence's words
//! (an overlap coefficient: a short report inside a long paragraph still matches). When both
//! events name actors, the share of common actors is averaged in, so that two sentences about
//! the same people need fewer common words. An event joins the group it matches best; groups are
//! found through an inverted index of words, so an event is only compared with groups that share
//! at least one word with it.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::model::ActorId;

/// The least share of the shorter sentence's content words two reports must have in common.
pub const SAME_HAPPENING: f32 = 0.15;

/// The least number of content words two reports must share (one, when they share an actor).
pub const MIN_SHARED_WORDS: usize = 2;

/// How many members of a group an event is compared with: the first reports define it.
const MEMBERS_COMPARED: usize = 8;

/// A word found in more groups than this (of one date) is too common to find candidates by.
const COMMON_WORD_GROUPS: usize = 256;

/// How many candidate groups an event is compared with, those sharing the most words first.
const GROUPS_COMPARED: usize = 32;

/// What an event reports: the hashes of its content words and its actors, both sorted and
/// distinct.
#[derive(Debug, Clone, Copy, Default)]
pub struct Profile<'a> {
    words: &'a [u64],
    actors: &'a [ActorId],
}

impl<'a> Profile<'a> {
    /// A profile from sorted, distinct word hashes and actors.
    pub fn new(words: &'a [u64], actors: &'a [ActorId]) -> Profile<'a> {
        Profile { words, actors }
    }
}

/// How many values two sorted, distinct lists have in common. The steps are computed without
/// branches: which list advances is unpredictable, and this is the stage's innermost loop.
fn shared<T: Ord + Copy>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        n += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    n
}

/// How likely two events report the same happening, from 0 to 1; 0 when they cannot.
pub fn similarity(a: &Profile<'_>, b: &Profile<'_>) -> f32 {
    score(a, b, shared(a.words, b.words))
}

/// The most [`similarity`] can be when the two profiles share at most `max_common` words,
/// without comparing their words. It grows with `max_common`, like the score itself.
fn similarity_bound(a: &Profile<'_>, b: &Profile<'_>, max_common: usize) -> f32 {
    score(a, b, max_common.min(a.words.len()).min(b.words.len()))
}

/// The similarity of two profiles sharing `common` words.
fn score(a: &Profile<'_>, b: &Profile<'_>, common: usize) -> f32 {
    let fewer = a.words.len().min(b.words.len()).max(1);
    let words = common as f32 / fewer as f32;
    let both_have_actors = !a.actors.is_empty() && !b.actors.is_empty();
    let common_actors = shared(a.actors, b.actors);
    let enough = common >= MIN_SHARED_WORDS || (common >= 1 && common_actors >= 1);
    if !enough {
        return 0.0;
    }
    if both_have_actors {
        let actors = common_actors as f32 / a.actors.len().min(b.actors.len()).max(1) as f32;
        words.max((words + actors) / 2.0)
    } else {
        words
    }
}

/// A hasher for keys that are already hashes: one multiplication spreads them over the table.
#[derive(Default)]
struct PrehashedWord(u64);

impl Hasher for PrehashedWord {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | u64::from(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }

    fn write_u64(&mut self, word: u64) {
        self.0 = word.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// Orders candidate groups (group, shared words): most shared words first, then earliest group.
fn by_shared_words(a: &(u32, u32), b: &(u32, u32)) -> std::cmp::Ordering {
    b.1.cmp(&a.1).then(a.0.cmp(&b.0))
}

/// Clusters profiles (in order) into groups of the same happening; returns each group's
/// members in order.
pub fn cluster(profiles: &[Profile<'_>]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut index: HashMap<u64, Vec<u32>, BuildHasherDefault<PrehashedWord>> = HashMap::default();
    // Words shared with each group, counted in a dense array: only the touched entries are read
    // and reset, so an event costs what its words' lists hold, whatever the number of groups.
    let mut shared_words: Vec<u32> = Vec::new();
    let mut touched: Vec<u32> = Vec::new();
    for (i, p) in profiles.iter().enumerate() {
        // Candidate groups share a distinctive word with the event. A word already in very many
        // groups of this date ("government", "said") tells nothing and would make the work
        // quadratic in a busy date, so it is skipped; the groups sharing the most distinctive
        // words are compared first, and only the first few.
        touched.clear();
        let mut common_words = 0;
        for w in p.words {
            let Some(list) = index.get(w) else {
                continue;
            };
            if list.len() > COMMON_WORD_GROUPS {
                common_words += 1;
                continue;
            }
            for &g in list {
                if let Some(count) = shared_words.get_mut(g as usize) {
                    if *count == 0 {
                        touched.push(g);
                    }
                    *count += 1;
                }
            }
        }
        let mut ranked: Vec<(u32, u32)> = touched
            .iter()
            .map(|&g| {
                let count = shared_words.get_mut(g as usize).map_or(0, std::mem::take);
                (g, count)
            })
            .collect();
        // Only which groups are the first few matters (the best of them wins by score, ties to
        // the earliest group), not their order.
        if ranked.len() > GROUPS_COMPARED {
            ranked.select_nth_unstable_by(GROUPS_COMPARED - 1, by_shared_words);
            ranked.truncate(GROUPS_COMPARED);
        }
        // The group most similar to the event wins, ties to the earliest. A member's words are
        // only compared when it could change the outcome: it shares at most the words counted
        // for its group plus the common words, which bounds its similarity.
        ranked.sort_unstable_by(by_shared_words);
        let mut best: Option<(usize, f32)> = None;
        for (g, count) in ranked {
            let g = g as usize;
            let Some(members) = groups.get(g) else {
                continue;
            };
            let beats_best = |score: f32| {
                score >= SAME_HAPPENING
                    && best.is_none_or(|(bg, bs)| score > bs || (score == bs && g < bg))
            };
            let max_common = count as usize + common_words;
            let mut score = 0.0_f32;
            for m in members.iter().take(MEMBERS_COMPARED) {
                let Some(m) = profiles.get(*m) else { continue };
                let bound = similarity_bound(p, m, max_common);
                if bound > score && beats_best(bound) {
                    score = score.max(similarity(p, m));
                }
            }
            if beats_best(score) {
                best = Some((g, score));
            }
        }
        let g = match best {
            Some((g, _)) => g,
            None => {
                groups.push(Vec::new());
                shared_words.push(0);
                groups.len() - 1
            }
        };
        let Ok(g32) = u32::try_from(g) else {
            break;
        };
        if let Some(members) = groups.get_mut(g) {
            if members.len() < MEMBERS_COMPARED {
                for &w in p.words {
                    let list = index.entry(w).or_default();
                    if list.last() != Some(&g32) {
                        list.push(g32);
                    }
                }
            }
            members.push(i);
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::super::words::content_word_hashes;
    use super::*;

    /// Word hashes and actors, owned, for a [`Profile`] to borrow.
    fn owned(text: &str, actors: &[u32]) -> (Vec<u64>, Vec<ActorId>) {
        let mut words = Vec::new();
        content_word_hashes(text, &mut String::new(), &mut words);
        words.sort_unstable();
        words.dedup();
        (words, actors.iter().map(|&a| ActorId(a)).collect())
    }

    fn profile(owned: &(Vec<u64>, Vec<ActorId>)) -> Profile<'_> {
        Profile::new(&owned.0, &owned.1)
    }

    #[test]
    fn same_happening_groups_and_others_stay_apart() {
        let owned = [
            owned(
                "Members of the presidential guard surrounded the house and detained him.",
                &[],
            ),
            owned(
                "Several political parties expressed their support for him.",
                &[],
            ),
            owned("Troops from the presidential guard took him captive.", &[]),
            owned(
                "Hundreds of supporters defied the soldiers to protest.",
                &[],
            ),
        ];
        let profiles: Vec<Profile> = owned.iter().map(profile).collect();
        assert_eq!(cluster(&profiles), vec![vec![0, 2], vec![1], vec![3]]);
    }

    #[test]
    fn shared_actors_lower_the_bar() {
        let (a, b, c) = (
            owned("Bazoum met the envoy in the capital.", &[1, 2]),
            owned("The envoy flew home.", &[1, 2]),
            owned("The envoy flew home.", &[]),
        );
        let (a, b, c) = (profile(&a), profile(&b), profile(&c));
        assert!(similarity(&a, &b) >= SAME_HAPPENING);
        assert_eq!(similarity(&a, &c), 0.0);
    }

    #[test]
    fn the_bound_is_never_below_the_similarity() {
        let texts = [
            (
                "Soldiers detained the president at the palace.",
                &[1u32][..],
            ),
            ("The president was detained by soldiers.", &[1, 2][..]),
            ("Talks on the crisis resumed in the capital.", &[][..]),
            ("Soldiers closed the borders and the airport.", &[3][..]),
        ];
        let owned: Vec<_> = texts.iter().map(|(t, a)| owned(t, a)).collect();
        for x in &owned {
            for y in &owned {
                let (a, b) = (profile(x), profile(y));
                let common = shared(a.words, b.words);
                let exact = similarity(&a, &b);
                assert_eq!(similarity_bound(&a, &b, common), exact);
                assert!(similarity_bound(&a, &b, common + 1) >= exact);
                assert!(similarity_bound(&a, &b, 0) <= exact);
            }
        }
    }
}
