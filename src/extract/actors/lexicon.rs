//! The word lists in `data/lexicon/`, embedded in the binary and parsed once.
//!
//! Every list is lowercase, one entry a line, `#` starts a comment. Lookups lowercase the word.

use std::collections::HashSet;
use std::sync::OnceLock;

/// All word lists used by actor extraction.
pub struct Lexicon {
    /// Honorifics (Mr, Dr): they mark a person but are no role.
    pub honorifics: HashSet<String>,
    /// Role nouns and titles (president, spokesman, Gen).
    pub role_heads: HashSet<String>,
    /// Words that qualify a role (foreign, deputy, state).
    pub role_modifiers: HashSet<String>,
    /// Nouns of relation (opponent, rival): a person mark only in an apposition.
    pub relation_nouns: HashSet<String>,
    /// Verbs of speech (said, told, tweeted).
    pub speech_verbs: HashSet<String>,
    /// Capitalised words that never name an actor alone.
    pub never_names: HashSet<String>,
    /// Abbreviations that are not organizations (TV, GMT).
    pub acronym_stoplist: HashSet<String>,
    /// Capitalised heads of organization names (Council, Party).
    pub org_keywords: HashSet<String>,
    /// Lowercase nouns beside a name that make it an organization (party, newspaper).
    pub org_nouns: HashSet<String>,
    /// Heads of place names (Region, Province).
    pub place_keywords: HashSet<String>,
    /// Nouns of an apposition that mark a person (supporter, resident).
    pub person_nouns: HashSet<String>,
    /// Common given names: a capitalised pair that starts with one is a person's name.
    pub given_names: HashSet<String>,
}

fn parse(list: &str) -> HashSet<String> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_lowercase)
        .collect()
}

impl Lexicon {
    /// The embedded lexicon, parsed on first use.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| Lexicon {
            honorifics: parse(include_str!("../../../data/lexicon/honorifics.txt")),
            role_heads: parse(include_str!("../../../data/lexicon/role_heads.txt")),
            role_modifiers: parse(include_str!("../../../data/lexicon/role_modifiers.txt")),
            relation_nouns: parse(include_str!("../../../data/lexicon/relation_nouns.txt")),
            speech_verbs: parse(include_str!("../../../data/lexicon/speech_verbs.txt")),
            never_names: parse(include_str!("../../../data/lexicon/never_names.txt")),
            acronym_stoplist: parse(include_str!("../../../data/lexicon/acronym_stoplist.txt")),
            org_keywords: parse(include_str!("../../../data/lexicon/org_keywords.txt")),
            org_nouns: parse(include_str!("../../../data/lexicon/org_nouns.txt")),
            place_keywords: parse(include_str!("../../../data/lexicon/place_keywords.txt")),
            person_nouns: parse(include_str!("../../../data/lexicon/person_nouns.txt")),
            given_names: parse(include_str!("../../../data/lexicon/given_names.txt")),
        })
    }

    /// True when `word` (any case, a trailing `.` ignored) is in `set`.
    pub fn has(set: &HashSet<String>, word: &str) -> bool {
        let w = word.trim_end_matches('.');
        if w.chars().all(|c| !c.is_uppercase()) {
            set.contains(w)
        } else {
            set.contains(&w.to_lowercase())
        }
    }

    /// A title or honorific that may stand before a name (`Mr`, `President`, `Gen`).
    pub fn is_title(&self, word: &str) -> bool {
        Self::has(&self.honorifics, word) || Self::has(&self.role_heads, word)
    }

    /// A word that may be part of a role phrase.
    pub fn is_role_word(&self, word: &str) -> bool {
        Self::has(&self.role_heads, word) || Self::has(&self.role_modifiers, word)
    }
}
