//! Dense ids for the word hashes of one date's events.
//!
//! Clustering a date's events looks up every word of every event in an inverted index and
//! compares word lists many times over. With each distinct word numbered `0..n` once, the
//! index is a plain vector and "is this word in the event?" is one bit (see
//! [`super::id_set::IdSet`]), instead of a hash-map lookup or a merge of two lists each time.
//!
//! The table is open addressing with linear probing, keyed by the word hash itself: the keys
//! are already hashes, so one multiplication spreads them over the slots, and a probe reads
//! one contiguous array with no pointer to follow. A slot holds both the key and the id, so a
//! lookup in a table larger than the cache costs one miss, not two.

/// Maps word hashes to dense ids `0..len()`, in the order they were first seen.
#[derive(Debug, Clone)]
pub struct WordIds {
    /// The slots, a power of two of them.
    slots: Vec<Slot>,
    /// How many words have an id.
    len: usize,
    /// `64 - log2(slots.len())`: the shift that turns a spread hash into a slot.
    shift: u32,
}

/// One position of the table.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    /// The word hash stored here (meaningful only where `id_plus_one` is not 0).
    key: u64,
    /// The id of the word stored here plus one, 0 when empty.
    id_plus_one: u32,
}

/// The fewest slots a table has.
const MIN_SLOTS: usize = 16;

/// Fibonacci hashing: the multiplier spreads any key's bits into the top bits, which pick the
/// slot.
const SPREAD: u64 = 0x9e37_79b9_7f4a_7c15;

impl WordIds {
    /// An empty table with room for `words` distinct words before it grows.
    pub fn with_capacity(words: usize) -> WordIds {
        // At most half the slots are used, so that a miss ends at an empty slot quickly.
        let slots = words
            .saturating_mul(2)
            .max(MIN_SLOTS)
            .checked_next_power_of_two()
            .unwrap_or(usize::MAX / 2 + 1);
        WordIds {
            slots: vec![Slot::default(); slots],
            len: 0,
            shift: 64 - slots.trailing_zeros(),
        }
    }

    /// How many distinct words have an id.
    pub fn len(&self) -> usize {
        self.len
    }

    /// The slot where a search for `word` starts.
    fn home(&self, word: u64) -> usize {
        (word.wrapping_mul(SPREAD) >> self.shift) as usize
    }

    /// The slot holding `word`, or the empty slot where it would go.
    fn find(&self, word: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut at = self.home(word);
        // The table is never more than half full, so an empty slot ends every search.
        while let Some(slot) = self.slots.get(at) {
            if slot.id_plus_one == 0 || slot.key == word {
                return at;
            }
            at = (at + 1) & mask;
        }
        at
    }

    /// The id of `word`, if it has one (for tests: the clustering gives every word an id).
    #[cfg(test)]
    pub fn get(&self, word: u64) -> Option<u32> {
        let at = self.find(word);
        match self.slots.get(at) {
            Some(slot) if slot.id_plus_one != 0 => Some(slot.id_plus_one - 1),
            _ => None,
        }
    }

    /// The id of `word`, giving it the next id if it has none. `None` only when the ids are
    /// exhausted (more than `u32::MAX - 1` distinct words).
    pub fn id_of(&mut self, word: u64) -> Option<u32> {
        let at = self.find(word);
        match self.slots.get(at) {
            Some(slot) if slot.id_plus_one != 0 => return Some(slot.id_plus_one - 1),
            Some(_) => {}
            None => return None,
        }
        let id = u32::try_from(self.len).ok().filter(|&id| id < u32::MAX)?;
        if let Some(slot) = self.slots.get_mut(at) {
            *slot = Slot {
                key: word,
                id_plus_one: id + 1,
            };
        }
        self.len += 1;
        if self.len * 2 > self.slots.len() {
            self.grow();
        }
        Some(id)
    }

    /// Doubles the slots and places every word again (ids are kept).
    fn grow(&mut self) {
        let mut bigger = WordIds::with_capacity(self.slots.len());
        for &slot in &self.slots {
            if slot.id_plus_one != 0 {
                let at = bigger.find(slot.key);
                if let Some(place) = bigger.slots.get_mut(at) {
                    *place = slot;
                }
            }
        }
        bigger.len = self.len;
        *self = bigger;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_dense_in_first_seen_order_and_stable() {
        let mut ids = WordIds::with_capacity(4);
        assert_eq!(ids.id_of(42), Some(0));
        assert_eq!(ids.id_of(7), Some(1));
        assert_eq!(ids.id_of(42), Some(0));
        assert_eq!(ids.id_of(0), Some(2), "0 is a word like any other");
        assert_eq!(ids.len(), 3);
        assert_eq!(ids.get(7), Some(1));
        assert_eq!(ids.get(0), Some(2));
        assert_eq!(ids.get(8), None);
        assert_eq!(ids.len(), 3, "a lookup gives no id");
    }

    #[test]
    fn growing_keeps_every_id() {
        let mut ids = WordIds::with_capacity(0);
        let words: Vec<u64> = (0..10_000u64)
            .map(|n| n.wrapping_mul(0x1234_5678_9abc_def1))
            .collect();
        for (n, &w) in words.iter().enumerate() {
            assert_eq!(ids.id_of(w), u32::try_from(n).ok());
        }
        assert_eq!(ids.len(), words.len());
        assert!(ids.slots.len() >= 2 * words.len());
        for (n, &w) in words.iter().enumerate() {
            assert_eq!(ids.get(w), u32::try_from(n).ok());
        }
    }

    #[test]
    fn words_with_the_same_home_slot_keep_their_own_ids() {
        let mut ids = WordIds::with_capacity(0);
        let slots = ids.slots.len();
        // With 16 slots, 17 words include words that start their search at one slot; keep the
        // table from growing by using only words that share the home of the first.
        let first_home = ids.home(1);
        let colliding: Vec<u64> = (1..100_000u64)
            .filter(|&w| ids.home(w) == first_home)
            .take(slots / 2)
            .collect();
        assert_eq!(colliding.len(), slots / 2);
        for (n, &w) in colliding.iter().enumerate() {
            assert_eq!(ids.id_of(w), u32::try_from(n).ok());
        }
        for (n, &w) in colliding.iter().enumerate() {
            assert_eq!(ids.get(w), u32::try_from(n).ok());
        }
        assert_eq!(ids.get(first_home as u64 + 1_000_000), None);
    }
}
