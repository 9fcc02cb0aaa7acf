//! Lower-casing words without allocating.
//!
//! The attribution rules ask of nearly every word of every article whether it is a speech verb,
//! a statement noun, a clause boundary…; each question used to lower-case the word into a new
//! `String`. Words are short and nearly always ASCII, so they are lower-cased here into a buffer
//! on the stack. A non-ASCII word goes through [`str::to_lowercase`], so every answer is exactly
//! the one `to_lowercase` gives: a non-ASCII letter such as the Kelvin sign `K` lower-cases to an
//! ASCII `k`, which no shortcut may miss.

use compact_str::CompactString;

/// Calls `f` with `word` lower-cased exactly as [`str::to_lowercase`] would, without allocating
/// when the word is ASCII and short.
pub(crate) fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if word.is_ascii() {
        // A compact string keeps up to 24 bytes inline, on the stack: nearly every word.
        let mut lower = CompactString::new(word);
        lower.make_ascii_lowercase();
        f(&lower)
    } else {
        f(&word.to_lowercase())
    }
}

/// True when `word` lower-cased (as [`str::to_lowercase`]) equals one of `list`.
pub(crate) fn lowercase_in(word: &str, list: &[&str]) -> bool {
    with_lowercase(word, |w| list.contains(&w))
}

/// A set of lower-case words asked about words in any case: `contains(word)` answers whether
/// `word.to_lowercase()` is in the set, without lower-casing an ASCII word at all (its bytes are
/// folded while hashing and comparing).
#[derive(Debug)]
pub(crate) struct LowercaseWords {
    /// Buckets by hash; their number is a power of two.
    buckets: Vec<Vec<Box<str>>>,
    /// The shortest and longest word, in bytes.
    lengths: (usize, usize),
    /// Which bytes start a word (bit `b % 64` of word `b / 64`).
    first_bytes: [u64; 4],
    /// Which (first byte, last byte, length) keys the words have, as bits at
    /// [`shape_bit`]: an ASCII word lower-cased keeps all three, so a word whose key is not
    /// set is in no set, and most words asked are rejected here without hashing.
    shapes: [u64; SHAPE_WORDS],
    /// True when every word is ASCII: a word with a character that lower-cases to something
    /// not ASCII is then in no set.
    all_ascii: bool,
}

/// `u64`s of [`LowercaseWords::shapes`]: 1,024 bits, a few percent of them set for a list of
/// a hundred words.
const SHAPE_WORDS: usize = 16;

/// The bit of [`LowercaseWords::shapes`] for a lower-case word with these first and last bytes
/// and length.
fn shape_bit(first: u8, last: u8, len: usize) -> usize {
    let mixed = (usize::from(first).wrapping_mul(0x9E37))
        ^ (usize::from(last).wrapping_mul(0x85EB))
        ^ len.wrapping_mul(0xC2B3);
    (mixed ^ (mixed >> 10)) % (SHAPE_WORDS * 64)
}

/// The one character that is not ASCII and lower-cases to ASCII only: the Kelvin sign (to
/// `k`). A test checks every character.
const KELVIN: char = '\u{212A}';

impl LowercaseWords {
    /// The set of `words`, each lower-cased.
    pub(crate) fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> LowercaseWords {
        let words: Vec<String> = words.into_iter().map(str::to_lowercase).collect();
        // About two buckets a word: nearly every bucket holds at most one.
        let count = (2 * words.len()).next_power_of_two();
        let lengths = (
            words.iter().map(String::len).min().unwrap_or(usize::MAX),
            words.iter().map(String::len).max().unwrap_or(0),
        );
        let mut first_bytes = [0u64; 4];
        for b in words.iter().filter_map(|w| w.bytes().next()) {
            if let Some(bits) = first_bytes.get_mut(usize::from(b / 64)) {
                *bits |= 1 << (b % 64);
            }
        }
        let mut shapes = [0u64; SHAPE_WORDS];
        for w in &words {
            let bytes = w.as_bytes();
            if let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) {
                let bit = shape_bit(first, last, w.len());
                if let Some(bits) = shapes.get_mut(bit / 64) {
                    *bits |= 1 << (bit % 64);
                }
            }
        }
        let all_ascii = words.iter().all(|w| w.is_ascii());
        let mut buckets: Vec<Vec<Box<str>>> = vec![Vec::new(); count];
        for word in words {
            let at = folded_hash(&word) & (count - 1);
            if let Some(bucket) = buckets.get_mut(at)
                && !bucket.iter().any(|w| **w == *word)
            {
                bucket.push(word.into_boxed_str());
            }
        }
        LowercaseWords {
            buckets,
            lengths,
            first_bytes,
            shapes,
            all_ascii,
        }
    }

    /// True when `word` lower-cased (as [`str::to_lowercase`]) is in the set.
    pub(crate) fn contains(&self, word: &str) -> bool {
        if word.is_ascii() {
            // Most words asked are in no set: an ASCII word keeps its length and its first byte
            // (lowered) when lower-cased, so these reject it before any hashing.
            let (shortest, longest) = self.lengths;
            let starts_one = word.bytes().next().is_none_or(|b| {
                let b = b.to_ascii_lowercase();
                self.first_bytes
                    .get(usize::from(b / 64))
                    .is_some_and(|bits| bits & (1 << (b % 64)) != 0)
            });
            (shortest..=longest).contains(&word.len())
                && starts_one
                && self.has_shape_of(word)
                && self.holds_folded(word)
        } else if self.all_ascii && word.chars().any(|c| !c.is_ascii() && c != KELVIN) {
            // Lower-cased, such a character leaves a character that is not ASCII.
            false
        } else {
            self.holds_folded(&word.to_lowercase())
        }
    }

    /// True when a word of the set may equal the ASCII `word` lower-cased: one has its first
    /// and last byte (lowered) and its length. The empty word has no shape to ask about.
    fn has_shape_of(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        let (Some(first), Some(last)) = (bytes.first(), bytes.last()) else {
            return true;
        };
        let bit = shape_bit(
            first.to_ascii_lowercase(),
            last.to_ascii_lowercase(),
            word.len(),
        );
        self.shapes
            .get(bit / 64)
            .is_some_and(|bits| bits & (1 << (bit % 64)) != 0)
    }

    /// True when a word of the set equals `text` with its ASCII capitals lowered. The set's words
    /// have no ASCII capitals (they are lower-cased), so for a lower-cased or ASCII `text` this is
    /// equality with its lower-casing.
    fn holds_folded(&self, text: &str) -> bool {
        let at = folded_hash(text) & self.buckets.len().wrapping_sub(1);
        self.buckets.get(at).is_some_and(|bucket| {
            bucket.iter().any(|w| {
                w.len() == text.len() && w.as_bytes().eq_ignore_ascii_case(text.as_bytes())
            })
        })
    }
}

/// A hash of `text` with its ASCII capitals lowered (FxHash's mixing, one byte at a time).
fn folded_hash(text: &str) -> usize {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let hash = text.bytes().fold(0u64, |h, b| {
        (h.rotate_left(5) ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(SEED)
    });
    // Only the low bits pick a bucket; truncating on 32-bit targets is fine.
    hash as usize
}

/// Whether a character separates the words [`has_word`] and [`has_lowercase_word`] compare.
fn separates_words(c: char) -> bool {
    !c.is_alphanumeric() && c != '-'
}

/// True when one of the words of `text` (split at characters other than letters, digits and
/// hyphens) equals `word`.
pub(crate) fn has_word(text: &str, word: &str) -> bool {
    text.split(separates_words).any(|w| w == word)
}

/// True when one of the words of `text` lower-cased equals `word`: what
/// `has_word(&text.to_lowercase(), word)` answers, without lower-casing the whole text.
pub(crate) fn has_lowercase_word(text: &str, word: &str) -> bool {
    if text.is_ascii() {
        // Lower-casing ASCII moves no word boundary, so each word can be lowered alone; an ASCII
        // word lowered has no capitals, so it never equals a `word` with some.
        let no_capitals = !word.bytes().any(|b| b.is_ascii_uppercase());
        no_capitals
            && text
                .as_bytes()
                .split(|&b| !(b.is_ascii_alphanumeric() || b == b'-'))
                .any(|w| w.eq_ignore_ascii_case(word.as_bytes()))
    } else {
        has_word(&text.to_lowercase(), word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words the helpers must answer exactly as `to_lowercase` does.
    const WORDS: &[&str] = &[
        "",
        "said",
        "SAID",
        "Said",
        "O’Brien",
        "Communiqué",
        "COMMUNIQUÉ",
        "İstanbul",
        "asKed", // Kelvin sign: lower-cases to ASCII "k"
        "ΣΟΦΙΑ",
        "straße",
        "a-very-long-hyphenated-word-that-does-not-fit-on-the-stack-buffer",
        "A-VERY-LONG-HYPHENATED-WORD-THAT-DOES-NOT-FIT-ON-THE-STACK-BUFFER",
        "1234567890123456789012345678901234567890",
        "12345678901234567890123456789012345678901",
        "🙂",
        "\u{0}",
    ];

    #[test]
    fn only_the_kelvin_sign_lower_cases_to_ascii_alone() {
        let found: Vec<char> = (0x80..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| c.to_lowercase().all(|l| l.is_ascii()))
            .collect();
        assert_eq!(found, vec![KELVIN]);
    }

    #[test]
    fn with_lowercase_gives_what_to_lowercase_gives() {
        for word in WORDS {
            assert_eq!(with_lowercase(word, str::to_string), word.to_lowercase());
        }
    }

    #[test]
    fn lowercase_in_agrees_with_to_lowercase_even_for_non_ascii_words() {
        let targets = [
            "said",
            "asked",
            "communiqué",
            "i̇stanbul",
            "σοφια",
            "",
            "Said",
        ];
        for word in WORDS {
            assert_eq!(
                lowercase_in(word, &targets),
                targets.contains(&word.to_lowercase().as_str()),
                "{word:?}"
            );
        }
        assert!(lowercase_in("asKed", &["asked"]));
        assert!(lowercase_in("SAID", &["said"]));
        assert!(!lowercase_in("SAID", &["Said"]));
    }

    #[test]
    fn a_set_of_lowercase_words_answers_like_to_lowercase_and_a_scan() {
        let list = [
            "said",
            "Told",
            "communiqué",
            "i̇stanbul",
            "σοφια",
            "asked",
            "",
            "a",
            "said",
        ];
        let set = LowercaseWords::new(list);
        let lowered: Vec<String> = list.iter().map(|w| w.to_lowercase()).collect();
        let mut asked: Vec<&str> = WORDS.to_vec();
        asked.extend(["TOLD", "told", "Told", "COMMUNIQUÉ", "a", "A", "b"]);
        for word in asked {
            assert_eq!(
                set.contains(word),
                lowered.contains(&word.to_lowercase()),
                "{word:?}"
            );
        }
        assert!(set.contains("SAID") && set.contains("asKed") && set.contains("told"));
        assert!(!LowercaseWords::new([]).contains("said"));
        let verbs = LowercaseWords::new(["say", "announcing"]);
        for word in [
            "sa",
            "SAYS",
            "announcings",
            "ANNOUNCING",
            "Say",
            "tay",
            "",
            "a",
        ] {
            assert_eq!(
                verbs.contains(word),
                ["say", "announcing"].contains(&word.to_lowercase().as_str()),
                "{word:?}"
            );
        }
        assert!(!LowercaseWords::new([]).contains(""));
    }

    proptest::proptest! {
        /// The quick rejections (length, first byte, shape, characters that stay non-ASCII)
        /// never reject a word of the set, for lists with and without non-ASCII words.
        #[test]
        fn a_set_answers_like_a_scan_of_the_lowercased_words(
            word in "(said|SAYS|Told|to|the|a|statement|communiqu|é|É|\u{212A}|İ|’|[a-zA-Z]{1,3}){0,4}"
        ) {
            let verbs = [
                "said", "says", "say", "told", "tell", "asked", "statement", "a", "to", "é",
            ];
            for list in [&verbs[..], &["communiqué", "ask", "the"], &["i̇stanbul", "asked"]] {
                let set = LowercaseWords::new(list.iter().copied());
                proptest::prop_assert_eq!(
                    set.contains(&word),
                    list.contains(&word.to_lowercase().as_str()),
                    "{:?} in {:?}", word, list
                );
            }
        }
    }

    /// Rules that lower-case a word and then ask a set (which lower-cases again) rely on this.
    #[test]
    fn lower_casing_twice_is_lower_casing_once() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let once: String = c.to_lowercase().collect();
            assert_eq!(once.to_lowercase(), once, "{c:?}");
        }
        let greek = "ΟΔΥΣΣΕΥΣ Σ";
        assert_eq!(greek.to_lowercase().to_lowercase(), greek.to_lowercase());
    }

    #[test]
    fn words_of_a_text_are_compared_as_if_it_were_lower_cased_first() {
        let texts = [
            "The Army Command",
            "the army-command's spokesman",
            "",
            "  ,, ",
            "Ministère de l’Intérieur",
            "İstanbul office",
            "asKed twice",
        ];
        let words = [
            "army",
            "army-command",
            "s",
            "",
            "ministère",
            "i̇stanbul",
            "asked",
            "Army",
        ];
        for text in texts {
            for word in words {
                assert_eq!(
                    has_lowercase_word(text, word),
                    has_word(&text.to_lowercase(), word),
                    "{text:?} {word:?}"
                );
            }
        }
        assert!(has_lowercase_word("The Army Command", "army"));
        assert!(!has_lowercase_word("The Army Command", "Army"));
        assert!(has_word("told reporters", "reporters") && !has_word("told", "tol"));
    }

    #[test]
    fn any_byte_sequence_of_valid_text_is_answered_without_panicking() {
        let text = "ÀÉÎõü ǅ ﬁ ẞ ΐ 𝔄 \u{10FFFF} a\u{301}";
        for (i, _) in text.char_indices() {
            for (j, _) in text.char_indices().skip_while(|&(j, _)| j < i) {
                let word = &text[i..j];
                assert_eq!(with_lowercase(word, str::to_string), word.to_lowercase());
            }
        }
    }
}
