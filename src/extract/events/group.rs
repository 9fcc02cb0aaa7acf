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

fn shared<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// How likely two events report the same happening, from 0 to 1; 0 when they cannot.
pub fn similarity(a: &Profile<'_>, b: &Profile<'_>) -> f32 {
    let common = shared(a.words, b.words);
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
        for w in p.words {
            let Some(list) = index.get(w) else {
                continue;
            };
            if list.len() > COMMON_WORD_GROUPS {
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
        let best = ranked
            .into_iter()
            .filter_map(|(g, _)| {
                let members = groups.get(g as usize)?;
                let score = members
                    .iter()
                    .take(MEMBERS_COMPARED)
                    .filter_map(|&m| profiles.get(m))
                    .map(|m| similarity(p, m))
                    .fold(0.0_f32, f32::max);
                (score >= SAME_HAPPENING).then_some((g as usize, score))
            })
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
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
}
