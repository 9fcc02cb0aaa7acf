//! The abbreviation classes and the likely sentence-starting words the sentence splitter uses
//! to decide whether a period ends a sentence. The abbreviations are data
//! (`data/lexicon/abbreviations.txt`, embedded in the binary), parsed once.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// How a period after an abbreviation behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbreviationClass {
    /// Comes before a name ("Gen.", "Mr."): never ends a sentence.
    Title,
    /// Comes before a number ("No. 10", "Jan. 5"): ends a sentence only when no number follows.
    Number,
    /// Never ends a sentence ("e.g.", "vs.").
    Never,
    /// May end a sentence ("Inc.", "etc.", "a.m."): ends one when the next word starts one.
    Final,
}

const LEXICON: &str = include_str!("../../data/lexicon/abbreviations.txt");

/// Closed-class words (pronouns, determiners, conjunctions, prepositions, sentence adverbs)
/// that, capitalised after an ambiguous period ("U.S.", "a.m.", "Inc."), show that a new
/// sentence has begun. A capitalised content word ("U.S. Embassy") shows the opposite.
const SENTENCE_STARTERS: &[&str] = &[
    "a",
    "about",
    "according",
    "after",
    "against",
    "ahead",
    "all",
    "also",
    "although",
    "amid",
    "among",
    "an",
    "and",
    "another",
    "any",
    "as",
    "asked",
    "at",
    "because",
    "before",
    "being",
    "both",
    "but",
    "by",
    "despite",
    "during",
    "each",
    "earlier",
    "either",
    "even",
    "every",
    "few",
    "following",
    "for",
    "from",
    "further",
    "furthermore",
    "he",
    "her",
    "here",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "indeed",
    "instead",
    "it",
    "its",
    "just",
    "last",
    "later",
    "many",
    "meanwhile",
    "more",
    "moreover",
    "most",
    "much",
    "my",
    "neither",
    "nevertheless",
    "next",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "others",
    "our",
    "over",
    "several",
    "she",
    "since",
    "so",
    "some",
    "still",
    "such",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "thus",
    "to",
    "today",
    "two",
    "under",
    "unless",
    "until",
    "we",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "why",
    "with",
    "without",
    "yes",
    "yet",
    "you",
    "your",
];

fn classes() -> &'static HashMap<String, AbbreviationClass> {
    static CLASSES: OnceLock<HashMap<String, AbbreviationClass>> = OnceLock::new();
    CLASSES.get_or_init(|| parse_lexicon(LEXICON))
}

fn starters() -> &'static HashSet<&'static str> {
    static STARTERS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    STARTERS.get_or_init(|| SENTENCE_STARTERS.iter().copied().collect())
}

/// Parses lines of `class word word…`; `#` starts a comment, unknown classes are ignored.
fn parse_lexicon(text: &str) -> HashMap<String, AbbreviationClass> {
    let mut map = HashMap::new();
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("");
        let mut words = line.split_whitespace();
        let class = match words.next() {
            Some("title") => AbbreviationClass::Title,
            Some("number") => AbbreviationClass::Number,
            Some("never") => AbbreviationClass::Never,
            Some("final") => AbbreviationClass::Final,
            _ => continue,
        };
        for word in words {
            map.insert(word.to_lowercase(), class);
        }
    }
    map
}

/// The class of `word` (without its final period), ignoring case; `None` for an ordinary word.
pub fn class_of(word: &str) -> Option<AbbreviationClass> {
    // No entry is longer than this; longer words skip the allocation.
    if word.len() > 12 {
        return None;
    }
    classes().get(&word.to_lowercase()).copied()
}

/// True when `word`, capitalised at the start of a clause, is a closed-class word that plainly
/// starts a sentence.
pub fn is_sentence_starter(word: &str) -> bool {
    word.len() <= 16 && starters().contains(word.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_classes_are_read_without_regard_to_case() {
        assert_eq!(class_of("Mr"), Some(AbbreviationClass::Title));
        assert_eq!(class_of("GEN"), Some(AbbreviationClass::Title));
        assert_eq!(class_of("Sept"), Some(AbbreviationClass::Number));
        assert_eq!(class_of("e.g"), Some(AbbreviationClass::Never));
        assert_eq!(class_of("Inc"), Some(AbbreviationClass::Final));
        assert_eq!(class_of("p.m"), Some(AbbreviationClass::Final));
        assert_eq!(class_of("Niger"), None);
    }

    #[test]
    fn comments_and_unknown_classes_are_ignored() {
        let map = parse_lexicon("# title xx\nbogus yy\ntitle zz # ww\n");
        assert_eq!(map.len(), 1);
        assert_eq!(map.get("zz"), Some(&AbbreviationClass::Title));
    }

    #[test]
    fn starters_are_closed_class_words() {
        assert!(is_sentence_starter("The"));
        assert!(is_sentence_starter("they"));
        assert!(!is_sentence_starter("Embassy"));
    }
}
