//! A set of lowercase words with a quick "certainly not" answer. The rules ask the word lists
//! about nearly every token, several times, and nearly every answer is no: a small bit table
//! over each word's length and first and last letters rejects most words before any
//! lowercasing or hashing (a sixth of the actor scan's time went to these lookups).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Bits of the filter: 4,096 (512 bytes per list) keep even the list of given names sparse.
const FILTER_BITS: usize = 4096;

/// Lowercase words, and a filter over those written in ASCII.
#[derive(Debug, Clone, Default)]
pub struct WordSet {
    words: HashSet<String>,
    filter: Vec<u64>,
}

/// The filter bit of an ASCII word: its length and its first and last bytes, lowercased.
/// A word and its lowercase form get the same bit, so the filter can be asked before
/// lowercasing.
fn bit(word: &[u8]) -> usize {
    let (Some(first), Some(last)) = (word.first(), word.last()) else {
        return 0;
    };
    let h = (word.len() as u64)
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(u64::from(first.to_ascii_lowercase()).wrapping_mul(0xC2B2_AE3D_27D4_EB4F))
        .wrapping_add(u64::from(last.to_ascii_lowercase()).wrapping_mul(0x1656_67B1_9E37_79F9));
    // The high bits are the best mixed.
    (h >> 52) as usize % FILTER_BITS
}

impl WordSet {
    /// The set of `words` (already lowercase).
    pub fn new(words: impl IntoIterator<Item = String>) -> WordSet {
        let words: HashSet<String> = words.into_iter().collect();
        let mut filter = vec![0u64; FILTER_BITS / 64];
        for w in words.iter().filter(|w| w.is_ascii()) {
            let b = bit(w.as_bytes());
            if let Some(slot) = filter.get_mut(b / 64) {
                *slot |= 1 << (b % 64);
            }
        }
        WordSet { words, filter }
    }

    /// False when `word` is ASCII and neither it nor its lowercase form can be in the set;
    /// true otherwise (the set must then be asked).
    pub fn may_hold(&self, word: &str) -> bool {
        // A non-ASCII word may lowercase to an ASCII entry (the Kelvin sign gives `k`): no
        // filter answer for it.
        if !word.is_ascii() {
            return true;
        }
        let b = bit(word.as_bytes());
        self.filter
            .get(b / 64)
            .is_some_and(|slot| slot & (1 << (b % 64)) != 0)
    }

    /// True when the lowercase `word` is in the set.
    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// Every word of the set, in no order.
    #[cfg(test)]
    pub fn words_for_tests(&self) -> impl Iterator<Item = &String> {
        self.words.iter()
    }
}

/// Up to sixteen word sets in one table, for asking about a word once for all of them: for
/// each word, the sets that hold it (bit `k` for set `k`), and one filter whose slots say which
/// sets hold an ASCII word with that filter bit. Its answers are those of the sets.
#[derive(Debug, Clone, Default)]
pub struct WordTable {
    words: HashMap<String, u16>,
    filter: Vec<u16>,
}

impl WordTable {
    /// The table of `sets` (set `k` is bit `k`; sets past the sixteenth are left out).
    pub fn new(sets: &[&WordSet]) -> WordTable {
        let mut table = WordTable {
            words: HashMap::default(),
            filter: vec![0; FILTER_BITS],
        };
        for (k, set) in (0..16).zip(sets) {
            let mask = 1u16 << k;
            for w in &set.words {
                *table.words.entry(w.clone()).or_default() |= mask;
            }
            for b in 0..FILTER_BITS {
                if set
                    .filter
                    .get(b / 64)
                    .is_some_and(|s| s & (1 << (b % 64)) != 0)
                    && let Some(slot) = table.filter.get_mut(b)
                {
                    *slot |= mask;
                }
            }
        }
        table
    }

    /// The sets whose [`WordSet::may_hold`] is true for `word`.
    pub fn may_hold(&self, word: &str) -> u16 {
        if !word.is_ascii() {
            return u16::MAX;
        }
        self.filter.get(bit(word.as_bytes())).copied().unwrap_or(0)
    }

    /// The sets that contain the lowercase `word`.
    pub fn containing(&self, word: &str) -> u16 {
        self.words.get(word).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filter_never_rejects_a_member_in_any_case() {
        let set = WordSet::new(["president".to_string(), "gen".into(), "über".into()]);
        for w in [
            "president",
            "President",
            "PRESIDENT",
            "gen",
            "Gen",
            "über",
            "Über",
        ] {
            assert!(set.may_hold(w), "{w}");
        }
        assert!(set.contains("gen"));
        assert!(!set.contains("Gen"));
    }

    #[test]
    fn a_table_answers_as_its_sets() {
        let a = WordSet::new(["president".to_string(), "gen".into(), "über".into()]);
        let b = WordSet::new(["gen".to_string(), "said".into()]);
        let table = WordTable::new(&[&a, &b]);
        for w in [
            "president",
            "President",
            "gen",
            "Gen",
            "über",
            "said",
            "Said",
            "okafor",
            "the",
            "Über",
            "",
        ] {
            let may = u16::from(a.may_hold(w)) | u16::from(b.may_hold(w)) << 1;
            assert_eq!(table.may_hold(w) & 3, may, "{w}");
            let holds = u16::from(a.contains(w)) | u16::from(b.contains(w)) << 1;
            assert_eq!(table.containing(w), holds, "{w}");
        }
        assert_eq!(table.containing("gen"), 3);
    }

    #[test]
    fn the_filter_rejects_most_other_words() {
        let set = WordSet::new(["president".to_string(), "minister".into()]);
        let others = [
            "Okafor", "said", "the", "Niger", "troops", "Monday", "capital",
        ];
        let passed = others.iter().filter(|w| set.may_hold(w)).count();
        assert!(passed <= 1, "{passed} of {} passed", others.len());
        assert!(!WordSet::default().may_hold("x"));
    }
}
