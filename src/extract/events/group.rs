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

/// What an event reports: its content words and actors, both sorted.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    words: Vec<String>,
    actors: Vec<ActorId>,
}

impl Profile {
    /// A profile from sorted, distinct words and actors.
    pub fn new(words: Vec<String>, actors: Vec<ActorId>) -> Profile {
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
pub fn similarity(a: &Profile, b: &Profile) -> f32 {
    let common = shared(&a.words, &b.words);
    let fewer = a.words.len().min(b.words.len()).max(1);
    let words = common as f32 / fewer as f32;
    let both_have_actors = !a.actors.is_empty() && !b.actors.is_empty();
    let common_actors = shared(&a.actors, &b.actors);
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

/// Clusters profiles (in order) into groups of the same happening; returns each group's
/// members in order.
pub fn cluster(profiles: &[Profile]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, p) in profiles.iter().enumerate() {
        // Candidate groups share a distinctive word with the event. A word already in very many
        // groups of this date ("government", "said") tells nothing and would make the work
        // quadratic in a busy date, so it is skipped; the groups sharing the most distinctive
        // words are compared first, and only the first few.
        let mut shared_words: HashMap<usize, u32> = HashMap::new();
        for w in &p.words {
            let Some(list) = index.get(w.as_str()) else {
                continue;
            };
            if list.len() > COMMON_WORD_GROUPS {
                continue;
            }
            for &g in list {
                *shared_words.entry(g).or_default() += 1;
            }
        }
        let mut ranked: Vec<(usize, u32)> = shared_words.into_iter().collect();
        ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(GROUPS_COMPARED);
        let candidates = ranked.into_iter().map(|(g, _)| g);
        let best = candidates
            .filter_map(|g| {
                let members = groups.get(g)?;
                let score = members
                    .iter()
                    .take(MEMBERS_COMPARED)
                    .filter_map(|&m| profiles.get(m))
                    .map(|m| similarity(p, m))
                    .fold(0.0_f32, f32::max);
                (score >= SAME_HAPPENING).then_some((g, score))
            })
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        let g = match best {
            Some((g, _)) => g,
            None => {
                groups.push(Vec::new());
                groups.len() - 1
            }
        };
        if let Some(members) = groups.get_mut(g) {
            if members.len() < MEMBERS_COMPARED {
                for w in &p.words {
                    let list = index.entry(w.as_str()).or_default();
                    if list.last() != Some(&g) {
                        list.push(g);
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
    use super::super::words::content_words;
    use super::*;

    fn profile(text: &str, actors: &[u32]) -> Profile {
        Profile::new(
            content_words(text),
            actors.iter().map(|&a| ActorId(a)).collect(),
        )
    }

    #[test]
    fn same_happening_groups_and_others_stay_apart() {
        let profiles = [
            profile(
                "Members of the presidential guard surrounded the house and detained him.",
                &[],
            ),
            profile(
                "Several political parties expressed their support for him.",
                &[],
            ),
            profile("Troops from the presidential guard took him captive.", &[]),
            profile(
                "Hundreds of supporters defied the soldiers to protest.",
                &[],
            ),
        ];
        assert_eq!(cluster(&profiles), vec![vec![0, 2], vec![1], vec![3]]);
    }

    #[test]
    fn shared_actors_lower_the_bar() {
        let a = profile("Bazoum met the envoy in the capital.", &[1, 2]);
        let b = profile("The envoy flew home.", &[1, 2]);
        let c = profile("The envoy flew home.", &[]);
        assert!(similarity(&a, &b) >= SAME_HAPPENING);
        assert_eq!(similarity(&a, &c), 0.0);
    }
}
