//! The inverted index of one date's clustering: for each word, the compared members (the first
//! members of each group) that use it.
//!
//! Placing an event reads the lists of its words once and gets two counts from them: the words
//! it shares with each member, exactly, which is the similarity's numerator (no member's words
//! need reading again), and the words it shares with each group as a list of groups per word
//! would count them, which ranks the candidate groups. A group is listed again for a word when
//! it uses the word after another group did, so that count may include a word twice; each entry
//! records whether it opened such a new listing of its group, which keeps that count exact.

/// The flag of an entry that opened a new listing of its member's group for the word.
const OPENS_LISTING: u32 = 1 << 31;

/// No group: the last group of a word not used yet.
const NO_GROUP: u32 = u32::MAX;

/// The members above this number cannot be indexed (their number would take the flag's bit).
pub const MAX_MEMBER: u32 = OPENS_LISTING - 1;

/// For each word (a dense id), the compared members using it, and how its list of groups would
/// look.
#[derive(Debug, Default)]
pub struct MemberIndex {
    /// The members using each word, in the order added, each flagged with [`OPENS_LISTING`]
    /// when its group was listed for the word anew.
    members: Vec<Vec<u32>>,
    /// How many groups are listed for each word (a group listed twice counts twice).
    listed_groups: Vec<u32>,
    /// The group listed last for each word, [`NO_GROUP`] when none.
    last_group: Vec<u32>,
}

/// Counts kept for a dense range of keys (members or groups): only the keys touched are read
/// and reset, so a round costs what it counted, whatever the number of keys.
#[derive(Debug, Default)]
pub struct Tally {
    /// The count of each key, 0 for keys not touched since the last reset.
    counts: Vec<u32>,
    /// The keys counted since the last reset, each once, in the order first counted.
    touched: Vec<u32>,
}

impl Tally {
    /// Counts for keys `0..keys` (larger keys are never counted).
    pub fn new(keys: usize) -> Tally {
        Tally {
            counts: vec![0; keys],
            touched: Vec::new(),
        }
    }

    /// Adds one to the count of `key`.
    fn add(&mut self, key: u32) {
        if let Some(count) = self.counts.get_mut(key as usize) {
            if *count == 0 {
                self.touched.push(key);
            }
            *count += 1;
        }
    }

    /// The count of `key`.
    pub fn get(&self, key: u32) -> u32 {
        self.counts.get(key as usize).copied().unwrap_or(0)
    }

    /// The keys counted since the last reset, in the order first counted.
    pub fn touched(&self) -> &[u32] {
        &self.touched
    }

    /// Sets every count back to 0.
    pub fn reset(&mut self) {
        for &key in &self.touched {
            if let Some(count) = self.counts.get_mut(key as usize) {
                *count = 0;
            }
        }
        self.touched.clear();
    }
}

impl MemberIndex {
    /// An empty index for words `0..vocabulary`.
    pub fn new(vocabulary: usize) -> MemberIndex {
        MemberIndex {
            members: vec![Vec::new(); vocabulary],
            listed_groups: vec![0; vocabulary],
            last_group: vec![NO_GROUP; vocabulary],
        }
    }

    /// How many groups are listed for `word`.
    pub fn listed_groups(&self, word: u32) -> usize {
        self.listed_groups
            .get(word as usize)
            .map_or(0, |&n| n as usize)
    }

    /// Records that `member` (at most [`MAX_MEMBER`]) of group `group` uses `word`.
    pub fn add(&mut self, word: u32, member: u32, group: u32) {
        let at = word as usize;
        let (Some(list), Some(listed), Some(last)) = (
            self.members.get_mut(at),
            self.listed_groups.get_mut(at),
            self.last_group.get_mut(at),
        ) else {
            return;
        };
        let mut entry = member & MAX_MEMBER;
        if *last != group {
            *last = group;
            *listed += 1;
            entry |= OPENS_LISTING;
        }
        list.push(entry);
    }

    /// Counts the words of `word_ids` each member uses (into `by_member`), leaving out the words
    /// listed with more than `common_above` groups; returns how many words were left out.
    pub fn count_by_member(
        &self,
        word_ids: &[u32],
        common_above: usize,
        by_member: &mut Tally,
    ) -> usize {
        let mut common_words = 0;
        for &w in word_ids {
            if self.listed_groups(w) > common_above {
                common_words += 1;
                continue;
            }
            for &entry in self.members.get(w as usize).map_or(&[][..], Vec::as_slice) {
                by_member.add(entry & MAX_MEMBER);
            }
        }
        common_words
    }

    /// Counts how often each group is listed for the words of `word_ids` listed with at most
    /// `common_above` groups (into `by_group`; a member's group is `group_of[member]`).
    pub fn count_listings(
        &self,
        word_ids: &[u32],
        common_above: usize,
        group_of: &[u32],
        by_group: &mut Tally,
    ) {
        for &w in word_ids {
            if self.listed_groups(w) > common_above {
                continue;
            }
            for &entry in self.members.get(w as usize).map_or(&[][..], Vec::as_slice) {
                if entry & OPENS_LISTING != 0
                    && let Some(&group) = group_of.get((entry & MAX_MEMBER) as usize)
                {
                    by_group.add(group);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_members_exactly_and_groups_per_listing() {
        let mut index = MemberIndex::new(3);
        // Members 0 and 1 are in group 0, member 2 in group 1. Word 0 is used by 0, then 2,
        // then 1: group 0 is listed twice for it, as a list of groups would hold it.
        let group_of = [0, 0, 1];
        index.add(0, 0, 0);
        index.add(1, 0, 0);
        index.add(0, 2, 1);
        index.add(1, 1, 0);
        index.add(0, 1, 0);
        index.add(2, 2, 1);
        assert_eq!(index.listed_groups(0), 3);
        assert_eq!(index.listed_groups(1), 1);
        let (mut by_member, mut by_group) = (Tally::new(3), Tally::new(2));
        let common = index.count_by_member(&[0, 1, 2], 8, &mut by_member);
        index.count_listings(&[0, 1, 2], 8, &group_of, &mut by_group);
        assert_eq!(common, 0);
        assert_eq!(
            [by_member.get(0), by_member.get(1), by_member.get(2)],
            [2, 2, 2]
        );
        assert_eq!([by_group.get(0), by_group.get(1)], [3, 2]);
        assert_eq!(by_member.touched(), [0, 2, 1]);
        assert_eq!(by_group.touched(), [0, 1]);
        by_member.reset();
        by_group.reset();
        assert_eq!(by_member.get(0) + by_group.get(0), 0);
        assert!(by_member.touched().is_empty());
        // Word 0 is listed with three groups: above two it is too common to count.
        let common = index.count_by_member(&[0, 2], 2, &mut by_member);
        index.count_listings(&[0, 2], 2, &group_of, &mut by_group);
        assert_eq!(common, 1);
        assert_eq!(by_member.touched(), [2]);
        assert_eq!(by_group.get(1), 1);
    }
}
