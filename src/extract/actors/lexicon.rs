//! The word lists in `data/lexicon/`, embedded in the binary and parsed once.
//!
//! Every list is lowercase, one entry a line, `#` starts a comment. Lookups lowercase the word.

use std::sync::OnceLock;

use super::word_set::WordSet;

/// All word lists used by actor extraction.
pub struct Lexicon {
    /// Honorifics (Mr, Dr): they mark a person but are no role.
    pub honorifics: WordSet,
    /// Role nouns and titles (president, spokesman, Gen).
    pub role_heads: WordSet,
    /// Words that qualify a role (foreign, deputy, state).
    pub role_modifiers: WordSet,
    /// Nouns of relation (opponent, rival): a person mark only in an apposition.
    pub relation_nouns: WordSet,
    /// Verbs of speech (said, told, tweeted).
    pub speech_verbs: WordSet,
    /// Capitalised words that never name an actor alone.
    pub never_names: WordSet,
    /// Abbreviations that are not organizations (TV, GMT).
    pub acronym_stoplist: WordSet,
    /// Capitalised heads of organization names (Council, Party).
    pub org_keywords: WordSet,
    /// Lowercase nouns beside a name that make it an organization (party, newspaper).
    pub org_nouns: WordSet,
    /// Heads of place names (Region, Province).
    pub place_keywords: WordSet,
    /// Nouns of an apposition that mark a person (supporter, resident).
    pub person_nouns: WordSet,
    /// Common given names: a capitalised pair that starts with one is a person's name.
    pub given_names: WordSet,
}

/// The longest word lowercased on the stack; longer words are lowercased on the heap.
const STACK_WORD: usize = 32;

/// A word in lowercase (as `str::to_lowercase` gives it), kept on the stack when it is short
/// and ASCII, as nearly every word is: lookups run for every token and should not allocate.
pub struct Lower {
    small: [u8; STACK_WORD],
    len: usize,
    large: Option<String>,
}

impl Lower {
    /// `word` in lowercase.
    pub fn of(word: &str) -> Lower {
        let mut small = [0u8; STACK_WORD];
        if word.is_ascii()
            && let Some(dst) = small.get_mut(..word.len())
        {
            dst.copy_from_slice(word.as_bytes());
            dst.make_ascii_lowercase();
            return Lower {
                small,
                len: word.len(),
                large: None,
            };
        }
        Lower {
            small,
            len: 0,
            large: Some(word.to_lowercase()),
        }
    }

    /// The lowercased word.
    pub fn as_str(&self) -> &str {
        match &self.large {
            Some(s) => s,
            // Lowercased ASCII is ASCII, so the conversion never falls back to "".
            None => self
                .small
                .get(..self.len)
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or(""),
        }
    }
}

fn parse(list: &str) -> WordSet {
    WordSet::new(
        list.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_lowercase),
    )
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
    pub fn has(set: &WordSet, word: &str) -> bool {
        let w = word.trim_end_matches('.');
        if !set.may_hold(w) {
            return false;
        }
        if w.chars().all(|c| !c.is_uppercase()) {
            set.contains(w)
        } else {
            set.contains(Lower::of(w).as_str())
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
