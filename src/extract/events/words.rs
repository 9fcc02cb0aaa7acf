//! The content words of a sentence, reduced to rough stems, for comparing what two sentences
//! report. Function words, reporting verbs and time words are left out: two reports of one
//! happening share what happened and who did it, not "said on Thursday".

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::extract::times::lexicon::day_and_month_names;
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

/// Why a word is left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LeftOut {
    /// A stopword, in any spelling.
    Stop,
    /// A day or month name, left out when written in ASCII letters (as the times lexicon
    /// reads them).
    Name,
}

/// The words left out, as [`short_key`]s of their lowercase forms, for lookup by the lowercased
/// word (every word of every event's sentences is looked up: a number hashes and compares in
/// a few instructions, a string byte by byte). A stopword that were also a name would be left
/// out as a stopword, in any spelling.
static LEFT_OUT: LazyLock<FxHashMap<u128, LeftOut>> = LazyLock::new(|| {
    let names = day_and_month_names().map(|w| (w, LeftOut::Name));
    let stops = STOP.iter().map(|w| (*w, LeftOut::Stop));
    names
        .chain(stops)
        .filter_map(|(w, why)| Some((short_key(w)?, why)))
        .collect()
});

/// The most bytes a [`short_key`] holds; every stopword is shorter.
const SHORT: usize = 15;

/// A short word as one number: its bytes and its length packed together, so that two words
/// have the same key exactly when they are the same word. Words longer than [`SHORT`] bytes
/// have none.
fn short_key(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    if bytes.len() > SHORT {
        return None;
    }
    let mut buf = [0u8; 16];
    buf.get_mut(..bytes.len())?.copy_from_slice(bytes);
    if let Some(last) = buf.last_mut() {
        // At most 15, so the length fits the last byte, which no word byte reaches.
        *last = bytes.len() as u8;
    }
    Some(u128::from_le_bytes(buf))
}

/// Whether a word is left out, from its lowercase form and whether it is all ASCII.
fn is_left_out(lowercase: &str, ascii: bool) -> bool {
    match short_key(lowercase).and_then(|k| LEFT_OUT.get(&k)) {
        Some(LeftOut::Stop) => true,
        Some(LeftOut::Name) => ascii,
        None => false,
    }
}

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
        if is_left_out(scratch, w.is_ascii()) {
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

    /// Whether a word was left out as first written: a stopword when lowercased, or a day or
    /// month name as the times lexicon reads it.
    fn left_out_as_first_written(word: &str) -> bool {
        let lower = word.to_lowercase();
        STOP.contains(&lower.as_str())
            || ((3..=9).contains(&word.len())
                && crate::extract::times::lexicon::is_day_or_month_name(word))
    }

    #[test]
    fn words_are_left_out_by_key_as_first_written() {
        let longest = STOP.iter().map(|w| w.len()).max().unwrap_or(0);
        assert!(longest <= SHORT, "{longest}");
        let mut words: Vec<String> = Vec::new();
        for w in STOP.iter().copied().chain(day_and_month_names()) {
            let mut capital = w.to_string();
            if let Some(first) = capital.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            let short = w.get(..3).unwrap_or(w);
            let shorter = w.get(..w.len() - 1).unwrap_or(w);
            for form in [
                w.to_string(),
                capital,
                w.to_uppercase(),
                format!("{w}s"),
                format!("{w}\0"),
                short.to_string(),
                shorter.to_string(),
                // A Kelvin sign lowercases to an ASCII "k"; a dotted capital I to "i" and more.
                format!("\u{212a}{w}"),
                format!("\u{130}{w}"),
            ] {
                words.push(form);
            }
        }
        words.extend(
            [
                "sept",
                "tues",
                "thurs",
                "Mäy",
                "detained",
                "élection",
                "",
                "abcdefghijklmnopq",
            ]
            .map(String::from),
        );
        let mut left_out = 0;
        for w in &words {
            let mut lower = String::new();
            lowercase_into(w, &mut lower);
            let now = is_left_out(&lower, w.is_ascii());
            assert_eq!(now, left_out_as_first_written(w), "{w:?}");
            left_out += usize::from(now);
        }
        assert!(
            left_out > 3 * (STOP.len() + day_and_month_names().count()),
            "{left_out}"
        );
        assert_eq!(short_key("abcdefghijklmnop"), None);
        assert_ne!(short_key("abcdefghijklmno"), short_key("abcdefghijklmn"));
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
