//! The word lists in `data/lexicon/`, embedded in the binary and parsed once.
//!
//! Every list is lowercase, one entry a line, `#` starts a comment. Lookups lowercase the word.

use std::sync::OnceLock;

use super::word_set::{WordSet, WordTable};

/// One of the word lists of [`Lexicon`], as a bit of [`Lists`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    /// [`Lexicon::honorifics`].
    Honorifics,
    /// [`Lexicon::role_heads`].
    RoleHeads,
    /// [`Lexicon::role_modifiers`].
    RoleModifiers,
    /// [`Lexicon::relation_nouns`].
    RelationNouns,
    /// [`Lexicon::speech_verbs`].
    SpeechVerbs,
    /// [`Lexicon::never_names`].
    NeverNames,
    /// [`Lexicon::acronym_stoplist`].
    AcronymStoplist,
    /// [`Lexicon::org_keywords`].
    OrgKeywords,
    /// [`Lexicon::org_nouns`].
    OrgNouns,
    /// [`Lexicon::place_keywords`].
    PlaceKeywords,
    /// [`Lexicon::person_nouns`].
    PersonNouns,
    /// [`Lexicon::given_names`].
    GivenNames,
}

/// The lists a word is in, as [`Lexicon::lists_of`] finds them; one more bit says the answer
/// is known (for answers kept per token).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Lists(u16);

/// The bit of [`Lists`] that says the answer is known; the lists use the bits below it.
const KNOWN: u16 = 1 << 15;

impl Lists {
    /// True when the word is in `list`.
    pub fn has(self, list: List) -> bool {
        self.0 & (1 << list as u16) != 0
    }

    /// A title or honorific ([`Lexicon::is_title`]).
    pub fn is_title(self) -> bool {
        self.has(List::Honorifics) || self.has(List::RoleHeads)
    }

    /// A word that may be part of a role phrase: a role head or modifier.
    pub fn is_role_word(self) -> bool {
        self.has(List::RoleHeads) || self.has(List::RoleModifiers)
    }

    /// The same lists, marked known.
    pub fn known(self) -> Lists {
        Lists(self.0 | KNOWN)
    }

    /// True when the answer is known.
    pub fn is_known(self) -> bool {
        self.0 & KNOWN != 0
    }
}

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
    /// Every list in one table, in the order of [`List`].
    table: WordTable,
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
        LEXICON.get_or_init(|| {
            let mut lexicon = Lexicon {
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
                table: WordTable::default(),
            };
            lexicon.table = WordTable::new(&lexicon.sets());
            lexicon
        })
    }

    /// Every list, in the order of [`List`].
    fn sets(&self) -> [&WordSet; 12] {
        [
            &self.honorifics,
            &self.role_heads,
            &self.role_modifiers,
            &self.relation_nouns,
            &self.speech_verbs,
            &self.never_names,
            &self.acronym_stoplist,
            &self.org_keywords,
            &self.org_nouns,
            &self.place_keywords,
            &self.person_nouns,
            &self.given_names,
        ]
    }

    /// Every list that holds `word`, asked once: list `k` is in the answer exactly when
    /// [`Lexicon::has`] is true for it.
    pub fn lists_of(&self, word: &str) -> Lists {
        let w = word.trim_end_matches('.');
        let may = self.table.may_hold(w);
        if may == 0 {
            return Lists::default();
        }
        let holding = if w.chars().all(|c| !c.is_uppercase()) {
            self.table.containing(w)
        } else {
            self.table.containing(Lower::of(w).as_str())
        };
        Lists(holding & may & !KNOWN)
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
}

#[cfg(test)]
mod tests {
    use super::*;

    const LISTS: [List; 12] = [
        List::Honorifics,
        List::RoleHeads,
        List::RoleModifiers,
        List::RelationNouns,
        List::SpeechVerbs,
        List::NeverNames,
        List::AcronymStoplist,
        List::OrgKeywords,
        List::OrgNouns,
        List::PlaceKeywords,
        List::PersonNouns,
        List::GivenNames,
    ];

    /// `lists_of` must say exactly what asking each list with `has` says.
    fn agrees(word: &str) -> bool {
        let lex = Lexicon::get();
        let lists = lex.lists_of(word);
        LISTS
            .iter()
            .zip(lex.sets())
            .all(|(&list, set)| lists.has(list) == Lexicon::has(set, word))
            && lists.is_title() == lex.is_title(word)
            && lists.is_role_word()
                == (Lexicon::has(&lex.role_heads, word) || Lexicon::has(&lex.role_modifiers, word))
    }

    #[test]
    fn one_question_answers_as_every_list() {
        let lex = Lexicon::get();
        let mut asked = 0;
        for set in lex.sets() {
            let mut words: Vec<&String> = set.words_for_tests().collect();
            words.sort();
            for w in words.into_iter().take(300) {
                for form in [
                    w.clone(),
                    w.to_uppercase(),
                    format!("{w}."),
                    w.chars()
                        .enumerate()
                        .map(|(i, c)| if i == 0 { c.to_ascii_uppercase() } else { c })
                        .collect(),
                ] {
                    assert!(agrees(&form), "{form}");
                    asked += 1;
                }
            }
        }
        assert!(asked > 1000);
        let lists = lex.lists_of("President");
        assert!(lists.has(List::RoleHeads) && lists.is_title() && !lists.has(List::GivenNames));
        assert!(!lists.is_known() && lists.known().is_known());
        assert_eq!(lex.lists_of("Okafor"), Lists::default());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
        /// Any word, in any case, with any marks: the same answers as each list.
        #[test]
        fn lists_of_agrees_with_has(word in "([A-Za-z]{1,8}|Mr|Gen|said|É|é|İ|\u{212a}|ǅ|\\.){1,3}") {
            proptest::prop_assert!(agrees(&word));
        }
    }
}
