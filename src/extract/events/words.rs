//! The content words of a sentence, reduced to rough stems, for comparing what two sentences
//! report. Function words, reporting verbs and time words are left out: two reports of one
//! happening share what happened and who did it, not "said on Thursday".

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use crate::extract::times::lexicon::is_day_or_month_name;
use crate::text::words::{fnv_step, fnv1a, lowercase_into};

/// English function words, reporting verbs and words of time, none of which tells what
/// happened.
const STOP: &[&str] = &[
    "a",
    "about",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "during",
    "each",
    "early",
    "earlier",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "just",
    "late",
    "later",
    "more",
    "most",
    "mr",
    "mrs",
    "ms",
    "my",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "out",
    "over",
    "own",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "said",
    "says",
    "say",
    "told",
    "tell",
    "according",
    "added",
    "stated",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "morning",
    "afternoon",
    "evening",
    "night",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "ago",
    "one",
    "two",
    "three",
    "four",
    "five",
    "s",
    "many",
    "several",
    "much",
    "like",
    "well",
    "since",
    "who",
    "whose",
    "ve",
    "ll",
    "re",
    "t",
];

/// The stopwords, for lookup by the lowercased word (every word of every event's sentences is
/// looked up: a fast hash, not the default DoS-resistant one, which the words cannot exploit).
static STOP_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| STOP.iter().copied().collect());

/// The longest stopword in bytes: longer words skip the lookup.
static LONGEST_STOP: LazyLock<usize> =
    LazyLock::new(|| STOP.iter().map(|w| w.len()).max().unwrap_or(0));

/// A rough stem of a lowercase word, in two parts to be joined: a prefix of the word and an
/// ending to append ("countries" gives "countr" and "y"), so no new string is needed.
fn stem_parts(w: &str) -> (&str, &'static str) {
    let n = if w.is_ascii() {
        w.len()
    } else {
        w.chars().count()
    };
    for (suffix, keep, min) in [
        ("ies", "y", 5),
        ("ing", "", 6),
        ("ed", "", 5),
        ("es", "", 5),
        ("s", "", 4),
    ] {
        if n >= min
            && let Some(base) = w.strip_suffix(suffix)
            && !base.ends_with('s')
        {
            return (base, keep);
        }
    }
    (w, "")
}

/// A rough stem: lowercase, without plural and verb endings ("detained" and "detains" both
/// give "detain"). Enough to match the same word across two reports. (Tests read stems as
/// text; extraction only needs their hashes.)
#[cfg(test)]
pub fn stem(word: &str) -> String {
    let w = word.to_lowercase();
    let (base, keep) = stem_parts(&w);
    format!("{base}{keep}")
}

/// Calls `found` with the stem of every content word of `text`, in order and with repeats, as
/// the two parts of [`stem_parts`]. `scratch` is the only buffer used.
fn for_each_stem(text: &str, scratch: &mut String, mut found: impl FnMut(&str, &str)) {
    let words = text
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map(|w| w.trim_matches('-'))
        .filter(|w| w.chars().nth(1).is_some() && !w.bytes().all(|b| b.is_ascii_digit()));
    for w in words {
        lowercase_into(w, scratch);
        if scratch.len() <= *LONGEST_STOP && STOP_SET.contains(scratch.as_str()) {
            continue;
        }
        // Day and month names are ASCII words of 3 to 9 letters: the lookup is skipped for the
        // others.
        if (3..=9).contains(&w.len()) && is_day_or_month_name(w) {
            continue;
        }
        let (base, keep) = stem_parts(scratch);
        found(base, keep);
    }
}

/// The distinct content-word stems of `text`, sorted, as text (for tests).
#[cfg(test)]
pub fn content_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    for_each_stem(text, &mut String::new(), |base, keep| {
        words.push(format!("{base}{keep}"));
    });
    words.sort_unstable();
    words.dedup();
    words
}

/// Appends to `out` the hash of the stem of every content word of `text` (with repeats): the
/// same stem always gives the same 64-bit hash, so profiles compare as integers. `scratch` is
/// reused between calls so that a whole corpus is read without a string per word.
pub fn content_word_hashes(text: &str, scratch: &mut String, out: &mut Vec<u64>) {
    for_each_stem(text, scratch, |base, keep| {
        out.push(fnv1a_parts(base.as_bytes(), keep.as_bytes()));
    });
}

/// FNV-1a over two byte strings joined.
fn fnv1a_parts(first: &[u8], second: &[u8]) -> u64 {
    second.iter().fold(fnv1a(first), |h, &b| fnv_step(h, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_and_stop_words() {
        assert_eq!(stem("detained"), "detain");
        assert_eq!(stem("Tweets"), "tweet");
        assert_eq!(stem("landing"), "land");
        assert_eq!(stem("countries"), "country");
        assert_eq!(stem("press"), "press");
        assert_eq!(
            content_words("Mr Bazoum tweeted on Thursday that he was detained."),
            ["bazoum", "detain", "tweet"]
        );
    }

    #[test]
    fn hashes_are_those_of_the_stems() {
        let text = "Countries détiennent ÉLECTIONS, Tweets and tweeted on Friday in 2023.";
        let mut hashes = Vec::new();
        content_word_hashes(text, &mut String::new(), &mut hashes);
        hashes.sort_unstable();
        hashes.dedup();
        let mut expected: Vec<u64> = content_words(text)
            .iter()
            .map(|w| fnv1a(w.as_bytes()))
            .collect();
        expected.sort_unstable();
        assert_eq!(hashes, expected);
        assert_eq!(
            content_words(text),
            ["country", "détiennent", "tweet", "élection"]
        );
    }
}
