//! The content words of a sentence, reduced to rough stems, for comparing what two sentences
//! report. Function words, reporting verbs and time words are left out: two reports of one
//! happening share what happened and who did it, not "said on Thursday".

use crate::extract::times::lexicon::is_day_or_month_name;

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

/// A rough stem: lowercase, without plural and verb endings ("detained" and "detains" both
/// give "detain"). Enough to match the same word across two reports.
pub fn stem(word: &str) -> String {
    let w = word.to_lowercase();
    let n = w.chars().count();
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
            return format!("{base}{keep}");
        }
    }
    w
}

/// The distinct content-word stems of `text`, sorted.
pub fn content_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map(|w| w.trim_matches('-'))
        .filter(|w| w.chars().count() > 1 && !w.chars().all(|c| c.is_ascii_digit()))
        .filter(|w| !STOP.contains(&w.to_lowercase().as_str()) && !is_day_or_month_name(w))
        .map(stem)
        .collect();
    words.sort_unstable();
    words.dedup();
    words
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
}
