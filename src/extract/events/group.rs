//! Groups the events of one calendar point into happenings.
//!
//! Two events report the same happening when they share at least [`MIN_SHARED_WORDS`] content
//! words and the shared words are at least [`SAME_HAPPENING`] of the shorter sentence's words
//! (an overlap coefficient: a short report inside a long paragraph still matches). When both
//! events name actors, the share of common actors is averaged in, so that two sentences about
//! the same people need fewer common words. An event joins the group it matches best; groups are
//! found through an inverted index of words, so an event is only compared with groups that share
//! at least one word with it.

use super::id_set::IdSet;
use super::word_ids::WordIds;
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

/// How likely two events report the same happening, from 0 to 1; 0 when they cannot. (The
/// clustering counts shared words its own way; tests compare it with this.)
#[cfg(test)]
pub fn similarity(a: &Profile<'_>, b: &Profile<'_>) -> f32 {
    CommonActors::between(a.actors, b.actors).score(
        a.words.len(),
        b.words.len(),
        shared(a.words, b.words),
    )
}

/// The most [`similarity`] can be when the two profiles share at most `max_common` words,
/// without comparing their words. It grows with `max_common`, like the score itself.
#[cfg(test)]
fn similarity_bound(a: &Profile<'_>, b: &Profile<'_>, max_common: usize) -> f32 {
    CommonActors::between(a.actors, b.actors).bound(a.words.len(), b.words.len(), max_common)
}

/// What the actors of two profiles have in common: computed once per pair, for both the bound
/// and the score.
struct CommonActors {
    /// Actors in both.
    common: usize,
    /// Actors of the profile with fewer; 0 unless both have actors.
    fewer: usize,
}

impl CommonActors {
    fn between(a: &[ActorId], b: &[ActorId]) -> CommonActors {
        CommonActors {
            common: shared(a, b),
            fewer: a.len().min(b.len()),
        }
    }

    /// The similarity of two profiles with `words_a` and `words_b` words, `common` of them
    /// shared.
    fn score(&self, words_a: usize, words_b: usize, common: usize) -> f32 {
        let fewer = words_a.min(words_b).max(1);
        let words = common as f32 / fewer as f32;
        let enough = common >= MIN_SHARED_WORDS || (common >= 1 && self.common >= 1);
        if !enough {
            return 0.0;
        }
        if self.fewer > 0 {
            let actors = self.common as f32 / self.fewer as f32;
            words.max((words + actors) / 2.0)
        } else {
            words
        }
    }

    /// The most the similarity can be when the profiles share at most `max_common` words.
    fn bound(&self, words_a: usize, words_b: usize, max_common: usize) -> f32 {
        self.score(words_a, words_b, max_common.min(words_a).min(words_b))
    }
}

/// Orders candidate groups (group, shared words): most shared words first, then earliest group.
fn by_shared_words(a: &(u32, u32), b: &(u32, u32)) -> std::cmp::Ordering {
    b.1.cmp(&a.1).then(a.0.cmp(&b.0))
}

/// A date's profiles copied close together: their words as dense ids (see [`WordIds`]) and
/// their actors, one profile after the other in two buffers. The first members of each group
/// are compared with event after event; packed, they stay in cache instead of being fetched
/// from all over the corpus's memory every time.
struct Packed {
    /// The ids of every profile's words, in the order of its word hashes.
    words: Vec<u32>,
    /// Every profile's actors.
    actors: Vec<ActorId>,
    /// Where each profile's words and actors end in the buffers.
    ends: Vec<(usize, usize)>,
    /// How many distinct words there are: every id is below this.
    vocabulary: usize,
}

impl Packed {
    fn new(profiles: &[Profile<'_>]) -> Packed {
        let total: usize = profiles.iter().map(|p| p.words.len()).sum();
        // Reports of one date repeat their words, so the vocabulary is a fraction of the total;
        // the table grows if this guess is short.
        let mut table = WordIds::with_capacity(total / 8);
        let mut words = Vec::with_capacity(total);
        let mut actors = Vec::new();
        let mut ends = Vec::with_capacity(profiles.len());
        for p in profiles {
            // An id is missing only past four billion distinct words, which memory forbids.
            words.extend(p.words.iter().filter_map(|&w| table.id_of(w)));
            actors.extend_from_slice(p.actors);
            ends.push((words.len(), actors.len()));
        }
        Packed {
            words,
            actors,
            ends,
            vocabulary: table.len(),
        }
    }

    /// Where profile `i`'s words and actors start and end.
    fn bounds(&self, i: usize) -> ((usize, usize), (usize, usize)) {
        let start = i
            .checked_sub(1)
            .and_then(|before| self.ends.get(before))
            .copied()
            .unwrap_or((0, 0));
        let end = self.ends.get(i).copied().unwrap_or(start);
        ((start.0, end.0), (start.1, end.1))
    }

    /// The word ids and the actors of profile `i`.
    fn profile(&self, i: usize) -> (&[u32], &[ActorId]) {
        let ((ws, we), (as_, ae)) = self.bounds(i);
        (
            self.words.get(ws..we).unwrap_or(&[]),
            self.actors.get(as_..ae).unwrap_or(&[]),
        )
    }
}

/// Clusters profiles (in order) into groups of the same happening; returns each group's
/// members in order.
pub fn cluster(profiles: &[Profile<'_>]) -> Vec<Vec<usize>> {
    let packed = Packed::new(profiles);
    let mut groups: Vec<Vec<usize>> = Vec::new();
    // For each word, the groups whose first members use it. A group is listed again when it
    // uses the word after another group did (the list is only checked for the group last
    // added), so its count then includes that word twice: a looser bound, never a wrong one.
    let mut index: Vec<Vec<u32>> = vec![Vec::new(); packed.vocabulary];
    // The words of the event being placed.
    let mut in_event = IdSet::new(packed.vocabulary);
    // Words shared with each group, counted in a dense array: only the touched entries are read
    // and reset, so an event costs what its words' lists hold, whatever the number of groups.
    let mut shared_words: Vec<u32> = Vec::new();
    let mut touched: Vec<u32> = Vec::new();
    let mut ranked: Vec<(u32, u32)> = Vec::new();
    for i in 0..profiles.len() {
        let (ids, actors) = packed.profile(i);
        // Candidate groups share a distinctive word with the event. A word already in very many
        // groups of this date ("government", "said") tells nothing and would make the work
        // quadratic in a busy date, so it is skipped; the groups sharing the most distinctive
        // words are compared first, and only the first few.
        touched.clear();
        let mut common_words = 0;
        for &w in ids {
            let Some(list) = index.get(w as usize) else {
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
        ranked.clear();
        ranked.extend(touched.iter().map(|&g| {
            let count = shared_words.get_mut(g as usize).map_or(0, std::mem::take);
            (g, count)
        }));
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
        in_event.insert_all(ids);
        let mut best: Option<(usize, f32)> = None;
        for &(g, count) in &ranked {
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
            for &m in members.iter().take(MEMBERS_COMPARED) {
                let (m_ids, m_actors) = packed.profile(m);
                let common_actors = CommonActors::between(actors, m_actors);
                let bound = common_actors.bound(ids.len(), m_ids.len(), max_common);
                if bound > score && beats_best(bound) {
                    let common = in_event.count_in(m_ids);
                    score = score.max(common_actors.score(ids.len(), m_ids.len(), common));
                }
            }
            if beats_best(score) {
                best = Some((g, score));
            }
        }
        in_event.remove_all(ids);
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
                for &w in ids {
                    if let Some(list) = index.get_mut(w as usize)
                        && list.last() != Some(&g32)
                    {
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

    /// The clustering as it was first written (a hash map from word hashes to groups, words
    /// merged as sorted lists): the dense ids and bit sets must give exactly its groups. Also
    /// says whether an event had more candidate groups than are compared, and whether a word
    /// was too common to find candidates by, so that a test can check it met both cases.
    fn reference_cluster(profiles: &[Profile<'_>]) -> (Vec<Vec<usize>>, bool, bool) {
        use std::collections::HashMap;
        let (mut many_candidates, mut common_word) = (false, false);
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut index: HashMap<u64, Vec<u32>> = HashMap::new();
        for (i, p) in profiles.iter().enumerate() {
            let mut counts: HashMap<u32, u32> = HashMap::new();
            let mut common_words = 0;
            for w in p.words {
                let Some(list) = index.get(w) else { continue };
                if list.len() > COMMON_WORD_GROUPS {
                    common_words += 1;
                    continue;
                }
                for &g in list {
                    *counts.entry(g).or_default() += 1;
                }
            }
            common_word |= common_words > 0;
            let mut ranked: Vec<(u32, u32)> = counts.into_iter().collect();
            ranked.sort_by(by_shared_words);
            many_candidates |= ranked.len() > GROUPS_COMPARED;
            ranked.truncate(GROUPS_COMPARED);
            let mut best: Option<(usize, f32)> = None;
            for (g, _) in ranked {
                let g = g as usize;
                let score = groups[g]
                    .iter()
                    .take(MEMBERS_COMPARED)
                    .map(|&m| similarity(p, &profiles[m]))
                    .fold(0.0_f32, f32::max);
                if score >= SAME_HAPPENING
                    && best.is_none_or(|(bg, bs)| score > bs || (score == bs && g < bg))
                {
                    best = Some((g, score));
                }
            }
            let g = best.map_or_else(
                || {
                    groups.push(Vec::new());
                    groups.len() - 1
                },
                |(g, _)| g,
            );
            if groups[g].len() < MEMBERS_COMPARED {
                for &w in p.words {
                    let list = index.entry(w).or_default();
                    if list.last() != Some(&(g as u32)) {
                        list.push(g as u32);
                    }
                }
            }
            groups[g].push(i);
        }
        (groups, many_candidates, common_word)
    }

    #[test]
    fn clusters_as_the_first_implementation_did() {
        // A busy date made up: each event has one of three very frequent words, which soon
        // lies in hundreds of groups, and words from a few thousand; a third of the events
        // retell an earlier one with a few words changed, so groups grow past the members
        // compared, and events find more candidate groups than are compared.
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move |below: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % below
        };
        let hash = |w: u64| crate::text::words::fnv1a(&w.to_le_bytes());
        let mut owned: Vec<(Vec<u64>, Vec<ActorId>)> = Vec::new();
        for i in 0..3000u64 {
            let mut words: Vec<u64> = if i > 0 && next(3) == 0 {
                let (earlier, _) = &owned[next(i) as usize];
                earlier.iter().copied().filter(|_| next(4) != 0).collect()
            } else {
                vec![hash(next(3))]
            };
            words.extend((0..2 + next(16)).map(|_| hash(3 + next(20_000))));
            words.sort_unstable();
            words.dedup();
            let mut actors: Vec<ActorId> = (0..next(3) / 2)
                .map(|_| ActorId(next(500) as u32))
                .collect();
            actors.sort_unstable();
            actors.dedup();
            owned.push((words, actors));
        }
        let profiles: Vec<Profile> = owned.iter().map(profile).collect();
        let (expected, many_candidates, common_word) = reference_cluster(&profiles);
        assert!(
            many_candidates && common_word,
            "{many_candidates} {common_word} {}",
            expected.len()
        );
        let largest = expected.iter().map(Vec::len).max().unwrap_or(0);
        assert!(largest > MEMBERS_COMPARED, "{largest}");
        assert!(
            expected.len() > 300 && expected.len() < profiles.len() / 2,
            "{}",
            expected.len()
        );
        assert_eq!(cluster(&profiles), expected);
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
