//! Groups the events of one calendar point into happenings.
//!
//! Two events report the same happening when they share at least [`MIN_SHARED_WORDS`] content
//! words and the shared words are at least [`SAME_HAPPENING`] of the shorter sentence's words
//! (an overlap coefficient: a short report inside a long paragraph still matches). When both
//! events name actors, the share of common actors is averaged in, so that two sentences about
//! the same people need fewer common words. An event joins the group it matches best; groups are
//! found through an inverted index of the words of their first members (see [`MemberIndex`]),
//! which also counts the words the event shares with each of them: an event is only compared
//! with members that share a word with it, and never reads their words.

use super::id_set::IdSet;
use super::member_index::{MAX_MEMBER, MemberIndex, Tally};
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

    /// The most two actor lists can have in common: all actors of the shorter. Scores with it
    /// are never below those with [`CommonActors::between`] (the score grows with the actors
    /// in common), and it costs no merge.
    fn at_most(a: &[ActorId], b: &[ActorId]) -> CommonActors {
        let fewer = a.len().min(b.len());
        CommonActors {
            common: fewer,
            fewer,
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
///
/// Each event joins the group it matches best (see [`Clustering::best_group`]) or starts one.
/// (Past [`MAX_MEMBER`] events of one date, which no memory holds, the rest are left out.)
pub fn cluster(profiles: &[Profile<'_>]) -> Vec<Vec<usize>> {
    let packed = Packed::new(profiles);
    let mut clustering = Clustering::new(&packed, profiles.len());
    for i in 0..profiles.len() {
        let Some(event) = u32::try_from(i).ok().filter(|&e| e <= MAX_MEMBER) else {
            break;
        };
        let group = match clustering.best_group(event) {
            Some(group) => group,
            None => clustering.new_group(),
        };
        clustering.place(event, group);
    }
    clustering.groups
}

/// The best group found so far for an event: the most similar, ties to the earliest.
#[derive(Debug, Clone, Copy, Default)]
struct Best(Option<(u32, f32)>);

impl Best {
    /// Whether a member of `group` with similarity `score` would be the best so far.
    fn beaten_by(&self, group: u32, score: f32) -> bool {
        score >= SAME_HAPPENING
            && self
                .0
                .is_none_or(|(bg, bs)| score > bs || (score == bs && group < bg))
    }

    /// Keeps `group` if a member of it with similarity `score` is the best so far.
    fn offer(&mut self, group: u32, score: f32) {
        if self.beaten_by(group, score) {
            self.0 = Some((group, score));
        }
    }
}

/// A member that may be the one most similar to the event being placed.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    member: u32,
    group: u32,
    /// The words it shares with the event.
    common: u32,
    /// Its words.
    words: u32,
}

/// The state of clustering one date's events, one event after the other.
struct Clustering<'p> {
    /// The events' words and actors.
    packed: &'p Packed,
    /// Each group's members, in order.
    groups: Vec<Vec<usize>>,
    /// The group of each event placed so far.
    group_of: Vec<u32>,
    /// The words of the groups' first members (those compared).
    index: MemberIndex,
    /// Words the event being placed shares with each member.
    by_member: Tally,
    /// Listings of the event's words each group has (see [`MemberIndex`]).
    by_group: Tally,
    /// The candidate groups compared (group, listings), the most listings first.
    ranked: Vec<(u32, u32)>,
    /// The members of compared groups sharing a word with the event being placed.
    candidates: Vec<Candidate>,
    /// Whether each group is among `ranked`.
    compared: Vec<bool>,
    /// The words of the event being placed, when some are too common to be counted by the index.
    in_event: IdSet,
}

impl<'p> Clustering<'p> {
    /// Nothing placed yet, for `events` events of `packed`.
    fn new(packed: &'p Packed, events: usize) -> Clustering<'p> {
        Clustering {
            packed,
            groups: Vec::new(),
            group_of: Vec::with_capacity(events),
            index: MemberIndex::new(packed.vocabulary),
            by_member: Tally::new(events),
            // There are never more groups than events.
            by_group: Tally::new(events),
            ranked: Vec::new(),
            candidates: Vec::new(),
            compared: vec![false; events],
            in_event: IdSet::new(packed.vocabulary),
        }
    }

    /// The group event `event` matches best, if any matches well enough.
    ///
    /// Candidate groups share a distinctive word with the event. A word already listed with
    /// very many groups of this date ("government", "said") tells nothing and would make the
    /// work quadratic in a busy date, so it does not find candidates; the groups listed with
    /// the most of the event's words are compared, and only the first few. Within them, the
    /// member most similar to the event decides, ties to the earliest group.
    fn best_group(&mut self, event: u32) -> Option<u32> {
        let (ids, actors) = self.packed.profile(event as usize);
        let common_words = self
            .index
            .count_by_member(ids, COMMON_WORD_GROUPS, &mut self.by_member);
        self.rank_candidates(ids);
        let best = if common_words == 0 {
            self.best_sharing_member(ids, actors)
        } else {
            self.best_with_common_words(ids, actors, common_words)
        };
        for &(g, _) in &self.ranked {
            if let Some(compared) = self.compared.get_mut(g as usize) {
                *compared = false;
            }
        }
        self.by_member.reset();
        best.0.map(|(g, _)| g)
    }

    /// Keeps in `ranked` (and marks as compared) the candidate groups: those with a member
    /// sharing a counted word of `ids`, and of them, when there are more than
    /// [`GROUPS_COMPARED`], those listed with the most of the words, ties to the earliest.
    fn rank_candidates(&mut self, ids: &[u32]) {
        self.ranked.clear();
        for &m in self.by_member.touched() {
            if let Some(&g) = self.group_of.get(m as usize)
                && let Some(compared) = self.compared.get_mut(g as usize)
                && !*compared
            {
                *compared = true;
                self.ranked.push((g, 0));
            }
        }
        if self.ranked.len() <= GROUPS_COMPARED {
            return;
        }
        // Too many: the listings decide which are compared. They are counted only now, as most
        // events have few candidates.
        for &(g, _) in &self.ranked {
            if let Some(compared) = self.compared.get_mut(g as usize) {
                *compared = false;
            }
        }
        self.index
            .count_listings(ids, COMMON_WORD_GROUPS, &self.group_of, &mut self.by_group);
        let by_group = &self.by_group;
        self.ranked.clear();
        self.ranked
            .extend(by_group.touched().iter().map(|&g| (g, by_group.get(g))));
        self.by_group.reset();
        // Only which groups are the first few matters (the best member wins by score, ties to
        // the earliest group), not their order.
        self.ranked
            .select_nth_unstable_by(GROUPS_COMPARED - 1, by_shared_words);
        self.ranked.truncate(GROUPS_COMPARED);
        for &(g, _) in &self.ranked {
            if let Some(compared) = self.compared.get_mut(g as usize) {
                *compared = true;
            }
        }
    }

    /// The best group when every word of the event was counted by the index: the counts are
    /// exact, and only the members sharing a word can match, so only they are scored.
    ///
    /// The member sharing the largest share of its words is scored first: it is usually the
    /// best, and once its score is known, most other members are ruled out by the most they
    /// could score with every actor in common, without comparing their actors.
    fn best_sharing_member(&mut self, ids: &[u32], actors: &[ActorId]) -> Best {
        self.candidates.clear();
        for &m in self.by_member.touched() {
            let Some(&g) = self.group_of.get(m as usize) else {
                continue;
            };
            if self.compared.get(g as usize).is_some_and(|&c| c) {
                let words = self.packed.profile(m as usize).0.len();
                self.candidates.push(Candidate {
                    member: m,
                    group: g,
                    common: self.by_member.get(m),
                    words: u32::try_from(words).unwrap_or(u32::MAX),
                });
            }
        }
        let mut best = Best::default();
        let Some(first) = self.largest_share(ids.len()) else {
            return best;
        };
        let score = |c: &Candidate, actors_in_common: CommonActors| {
            actors_in_common.score(ids.len(), c.words as usize, c.common as usize)
        };
        for (k, c) in self.candidates.iter().enumerate() {
            let (_, m_actors) = self.packed.profile(c.member as usize);
            if k != first
                && !best.beaten_by(c.group, score(c, CommonActors::at_most(actors, m_actors)))
            {
                continue;
            }
            best.offer(c.group, score(c, CommonActors::between(actors, m_actors)));
        }
        best
    }

    /// Which candidate shares the largest share of its words or the event's `words` (whichever
    /// are fewer), if any: compared as integers, by cross-multiplying.
    fn largest_share(&self, words: usize) -> Option<usize> {
        let share = |c: &Candidate| {
            let fewer = (c.words as usize).min(words).max(1) as u64;
            (u64::from(c.common), fewer)
        };
        let mut largest: Option<(usize, (u64, u64))> = None;
        for (k, c) in self.candidates.iter().enumerate() {
            let (common, fewer) = share(c);
            if largest.is_none_or(|(_, (lc, lf))| common * lf > lc * fewer) {
                largest = Some((k, (common, fewer)));
            }
        }
        largest.map(|(k, _)| k)
    }

    /// The best group when `common_words` of the event's words were too common to be counted
    /// by the index: a member may share them without sharing a counted word, so every compared
    /// member is considered, and its shared words are counted one by one when the counted ones
    /// plus all the common ones could make it the best.
    fn best_with_common_words(
        &mut self,
        ids: &[u32],
        actors: &[ActorId],
        common_words: usize,
    ) -> Best {
        self.in_event.insert_all(ids);
        let mut best = Best::default();
        for &(g, _) in &self.ranked {
            let Some(members) = self.groups.get(g as usize) else {
                continue;
            };
            for &m in members.iter().take(MEMBERS_COMPARED) {
                let (m_ids, m_actors) = self.packed.profile(m);
                let counted = u32::try_from(m).map_or(0, |m| self.by_member.get(m)) as usize;
                let common_actors = CommonActors::between(actors, m_actors);
                let bound = common_actors.bound(ids.len(), m_ids.len(), counted + common_words);
                if best.beaten_by(g, bound) {
                    let common = self.in_event.count_in(m_ids);
                    best.offer(g, common_actors.score(ids.len(), m_ids.len(), common));
                }
            }
        }
        self.in_event.remove_all(ids);
        best
    }

    /// Starts an empty group; returns it.
    fn new_group(&mut self) -> u32 {
        self.groups.push(Vec::new());
        // There are never more groups than events, which are at most `MAX_MEMBER`.
        u32::try_from(self.groups.len() - 1).unwrap_or(u32::MAX)
    }

    /// Adds event `event` to group `group`; the words of its first members are indexed.
    fn place(&mut self, event: u32, group: u32) {
        let Some(members) = self.groups.get_mut(group as usize) else {
            return;
        };
        if members.len() < MEMBERS_COMPARED {
            let (ids, _) = self.packed.profile(event as usize);
            for &w in ids {
                self.index.add(w, event, group);
            }
        }
        members.push(event as usize);
        self.group_of.push(group);
    }
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

    /// A busy date made up from `seed`: each event has one of three very frequent words, which
    /// soon lies in hundreds of groups, and words from `vocabulary`; a third of the events
    /// retell an earlier one with a few words changed, so groups grow past the members
    /// compared, and events find more candidate groups than are compared. Events name up to
    /// `most_actors` of `actors` actors.
    fn busy_date(
        seed: u64,
        events: u64,
        vocabulary: u64,
        actors: u64,
        most_actors: u64,
    ) -> Vec<(Vec<u64>, Vec<ActorId>)> {
        let mut state = seed;
        let mut next = move |below: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % below
        };
        let hash = |w: u64| crate::text::words::fnv1a(&w.to_le_bytes());
        let mut owned: Vec<(Vec<u64>, Vec<ActorId>)> = Vec::new();
        for i in 0..events {
            let mut words: Vec<u64> = if i > 0 && next(3) == 0 {
                let (earlier, _) = &owned[next(i) as usize];
                earlier.iter().copied().filter(|_| next(4) != 0).collect()
            } else {
                vec![hash(next(3))]
            };
            words.extend((0..2 + next(16)).map(|_| hash(3 + next(vocabulary))));
            words.sort_unstable();
            words.dedup();
            let mut named: Vec<ActorId> = (0..next(most_actors + 2) / 2)
                .map(|_| ActorId(next(actors) as u32))
                .collect();
            named.sort_unstable();
            named.dedup();
            owned.push((words, named));
        }
        owned
    }

    #[test]
    fn clusters_as_the_first_implementation_did() {
        let owned = busy_date(0x2545_f491_4f6c_dd1d, 3000, 20_000, 500, 1);
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
    fn clusters_as_the_first_implementation_did_with_ties_and_many_actors() {
        // Few words and actors: many members score alike (ties go to the earliest group), and
        // shared actors decide often.
        for seed in [1u64, 0x9e37_79b9, 0xdead_beef_cafe] {
            let owned = busy_date(seed, 1500, 2_000, 12, 6);
            let profiles: Vec<Profile> = owned.iter().map(profile).collect();
            let (expected, _, _) = reference_cluster(&profiles);
            let large = expected
                .iter()
                .filter(|g| g.len() > MEMBERS_COMPARED)
                .count();
            assert!(
                expected.len() > 50 && large > 10,
                "{} {large}",
                expected.len()
            );
            assert_eq!(cluster(&profiles), expected, "seed {seed}");
        }
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
                let all_actors = CommonActors::at_most(a.actors, b.actors);
                assert!(all_actors.score(a.words.len(), b.words.len(), common) >= exact);
            }
        }
    }
}
