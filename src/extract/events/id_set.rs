//! A set of dense word ids as one bit each: the words of the event being placed, so that the
//! words it shares with another event are counted by testing that event's words one by one,
//! each test independent of the others (a merge of two sorted lists waits on every comparison).

/// A set of ids below the capacity given at creation (rounded up to a multiple of 64); larger
/// ids are never members.
#[derive(Debug, Clone, Default)]
pub struct IdSet {
    bits: Vec<u64>,
}

impl IdSet {
    /// An empty set for ids below `ids`.
    pub fn new(ids: usize) -> IdSet {
        IdSet {
            bits: vec![0; ids.div_ceil(64)],
        }
    }

    /// Adds every id of `ids` that is below the capacity.
    pub fn insert_all(&mut self, ids: &[u32]) {
        for &id in ids {
            if let Some(word) = self.bits.get_mut(id as usize / 64) {
                *word |= 1 << (id % 64);
            }
        }
    }

    /// Removes every id of `ids`; cheaper than clearing the whole set when it holds few.
    pub fn remove_all(&mut self, ids: &[u32]) {
        for &id in ids {
            if let Some(word) = self.bits.get_mut(id as usize / 64) {
                *word &= !(1 << (id % 64));
            }
        }
    }

    /// Whether `id` is in the set (for tests: the clustering only counts).
    #[cfg(test)]
    pub fn contains(&self, id: u32) -> bool {
        self.bits
            .get(id as usize / 64)
            .is_some_and(|word| word >> (id % 64) & 1 == 1)
    }

    /// How many of `ids` are in the set (an id listed twice counts twice).
    pub fn count_in(&self, ids: &[u32]) -> usize {
        ids.iter()
            .map(|&id| {
                self.bits
                    .get(id as usize / 64)
                    .map_or(0, |word| (word >> (id % 64) & 1) as usize)
            })
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_members_and_forgets_removed_ones() {
        let mut set = IdSet::new(130);
        set.insert_all(&[0, 63, 64, 129]);
        assert!(set.contains(63) && set.contains(64) && !set.contains(65));
        assert_eq!(set.count_in(&[0, 1, 64, 129, 128]), 3);
        set.remove_all(&[63, 129]);
        assert_eq!(set.count_in(&[0, 63, 64, 129]), 2);
        set.remove_all(&[0, 64]);
        assert_eq!(set.count_in(&[0, 63, 64, 129]), 0);
    }

    #[test]
    fn ids_beyond_the_capacity_are_never_members() {
        let mut set = IdSet::new(10);
        set.insert_all(&[3, 200, u32::MAX]);
        assert!(set.contains(3));
        assert!(!set.contains(200) && !set.contains(u32::MAX));
        assert_eq!(set.count_in(&[3, 200, u32::MAX]), 1);
        assert_eq!(IdSet::default().count_in(&[0, 1]), 0);
    }
}
