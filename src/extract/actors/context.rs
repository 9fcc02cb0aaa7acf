//! What the rules of one article look at: its tokens, which of them a gazetteer match covers,
//! and small questions about them (is this word a sentence opener? lowercase elsewhere?).

use std::cell::{Cell, OnceCell};

use super::gazetteer_match::GazTarget;
use super::lexicon::{Lexicon, List, Lists, Lower};
use super::tokens::{Token, TokenKind, is_capitalized};

/// A gazetteer match after context decided what it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GazHit {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Country, place or organization.
    pub target: GazTarget,
    /// True for a demonym or adjective.
    pub demonym: bool,
}

/// One article's text seen as tokens.
pub struct Ctx<'a> {
    /// The article body.
    pub text: &'a str,
    /// Its tokens.
    pub tokens: &'a [Token],
    /// For each token, the gazetteer hit that covers it.
    pub cover: Vec<Option<usize>>,
    /// The gazetteer hits.
    pub hits: Vec<GazHit>,
    /// For each token, the word lists its text is in, worked out when first asked: the rules
    /// ask about the same few tokens again and again, list after list.
    lists: Vec<Cell<Lists>>,
    /// The word tokens that begin in lowercase, by length, gathered when first asked.
    lowercase_words: OnceCell<WordsByLength>,
    /// The word lists.
    pub lex: &'static Lexicon,
}

impl<'a> Ctx<'a> {
    /// Builds the context: `hits` must be sorted and without overlaps.
    pub fn new(text: &'a str, tokens: &'a [Token], hits: Vec<GazHit>) -> Ctx<'a> {
        let mut cover = vec![None; tokens.len()];
        let mut h = 0;
        for (i, t) in tokens.iter().enumerate() {
            while hits.get(h).is_some_and(|hit| hit.end <= t.start) {
                h += 1;
            }
            if let Some(hit) = hits.get(h)
                && hit.start < t.end
                && t.start < hit.end
            {
                cover[i] = Some(h);
            }
        }
        Ctx {
            text,
            tokens,
            cover,
            hits,
            lists: vec![Cell::new(Lists::default()); tokens.len()],
            lowercase_words: OnceCell::new(),
            lex: Lexicon::get(),
        }
    }

    /// The word lists that hold the text of token `i` (none past the end), as
    /// [`Lexicon::lists_of`] says.
    pub fn lists(&self, i: usize) -> Lists {
        let Some(cell) = self.lists.get(i) else {
            return Lists::default();
        };
        let lists = cell.get();
        if lists.is_known() {
            return lists;
        }
        let lists = self.lex.lists_of(self.word(i)).known();
        cell.set(lists);
        lists
    }

    /// True when the text of token `i` is in `list`.
    pub fn in_list(&self, i: usize, list: List) -> bool {
        self.lists(i).has(list)
    }

    /// The text of token `i` ("" past the end).
    pub fn word(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    /// True when token `i` is a word.
    pub fn is_word(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// True when token `i` is a possessive `'s`.
    pub fn is_possessive(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Possessive)
    }

    /// The gazetteer hit covering token `i`.
    pub fn hit_at(&self, i: usize) -> Option<GazHit> {
        self.cover
            .get(i)
            .copied()
            .flatten()
            .and_then(|h| self.hits.get(h).copied())
    }

    /// True when token `i` begins a sentence: the first of a line, or after `.`, `!`, `?`,
    /// `:` or an opening quotation mark.
    pub fn starts_sentence(&self, i: usize) -> bool {
        let Some(t) = self.tokens.get(i) else {
            return false;
        };
        if i == 0 || t.after_newline {
            return true;
        }
        let prev = self.word(i - 1);
        match prev {
            "." | "!" | "?" | ":" | ";" | "“" | "‘" | "\"" | "(" | "—" | "–" => true,
            "'" => i < 2 || self.starts_sentence(i - 1),
            _ => false,
        }
    }

    /// True when token `i` is a common word here: in the never-names list, or written in
    /// lowercase elsewhere in the article.
    pub fn is_common_word(&self, i: usize) -> bool {
        self.in_list(i, List::NeverNames)
            || self.is_lowercase_word(Lower::of(self.word(i)).as_str())
    }

    /// True when some word token of the article is `lower` and begins in lowercase.
    ///
    /// Asked of a few sentence openers per article: comparing the tokens of the same length
    /// costs less than gathering every lowercase word of every article into a set.
    fn is_lowercase_word(&self, lower: &str) -> bool {
        lower.chars().next().is_some_and(char::is_lowercase)
            && self
                .lowercase_words
                .get_or_init(|| WordsByLength::new(self.text, self.tokens))
                .of_length(lower.len())
                .iter()
                .any(|&k| {
                    self.tokens
                        .get(k as usize)
                        .is_some_and(|t| t.text(self.text) == lower)
                })
    }

    /// True when token `i` is a capitalised word no gazetteer hit covers.
    /// A hyphenated word whose last part is lowercase ("French-led") is an adjective.
    pub fn is_free_capitalized(&self, i: usize) -> bool {
        // Asked of every token: the cheap questions first.
        if !self.is_word(i) || self.cover.get(i).is_none_or(Option::is_some) {
            return false;
        }
        // A word that opens with an ASCII letter or digit that is no capital, as most do.
        if let Some(t) = self.tokens.get(i)
            && let Some(first) = self.text.as_bytes().get(t.start)
            && first.is_ascii()
            && !first.is_ascii_uppercase()
        {
            return false;
        }
        let w = self.word(i);
        is_capitalized(w)
            && !w
                .bytes()
                .rposition(|b| b == b'-')
                .and_then(|hyphen| w.get(hyphen + 1..))
                .is_some_and(|last| last.chars().next().is_some_and(char::is_lowercase))
    }
}

/// Word lengths (bytes) with a group of their own; longer words share the last group.
const LENGTH_GROUPS: usize = 24;

/// Indexes of word tokens that begin in lowercase, grouped by byte length.
struct WordsByLength {
    /// Where each group starts in `tokens`, then where the spare group of the other tokens
    /// starts and ends.
    starts: [u32; LENGTH_GROUPS + 2],
    /// Token indexes, group after group, in text order within a group.
    tokens: Vec<u32>,
}

/// True when the text of token `t` begins with a lowercase letter. The first byte answers for
/// ASCII, as for nearly every word.
fn begins_in_lowercase(text: &str, t: &Token) -> bool {
    match text.as_bytes().get(t.start) {
        Some(b) if b.is_ascii() => b.is_ascii_lowercase(),
        _ => text
            .get(t.start..t.end)
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_lowercase),
    }
}

impl WordsByLength {
    /// Groups the lowercase word tokens of `text` (a counting sort).
    fn new(text: &str, tokens: &[Token]) -> WordsByLength {
        // Each token's group, or the spare group past the last for the other tokens: whether a
        // token is a lowercase word is asked once, and the counting does not branch on it.
        let groups: Vec<u8> = tokens
            .iter()
            .map(|t| {
                let group = t.end.saturating_sub(t.start).min(LENGTH_GROUPS - 1);
                if t.kind == TokenKind::Word && begins_in_lowercase(text, t) {
                    group as u8
                } else {
                    LENGTH_GROUPS as u8
                }
            })
            .collect();
        // Counts, then starts, of every group and the spare one.
        let mut starts = [0u32; LENGTH_GROUPS + 2];
        for &g in &groups {
            if let Some(n) = starts.get_mut(usize::from(g) + 1) {
                *n += 1;
            }
        }
        for g in 1..starts.len() {
            starts[g] += starts[g - 1];
        }
        let mut next = starts;
        let mut grouped = vec![0u32; tokens.len()];
        for (k, &g) in (0u32..).zip(&groups) {
            if let Some(at) = next.get_mut(usize::from(g))
                && let Some(slot) = grouped.get_mut(*at as usize)
            {
                *slot = k;
                *at += 1;
            }
        }
        WordsByLength {
            starts,
            tokens: grouped,
        }
    }

    /// The tokens that may be `len` bytes long.
    fn of_length(&self, len: usize) -> &[u32] {
        let g = len.min(LENGTH_GROUPS - 1);
        let (Some(&from), Some(&to)) = (self.starts.get(g), self.starts.get(g + 1)) else {
            return &[];
        };
        self.tokens.get(from as usize..to as usize).unwrap_or(&[])
    }
}

#[cfg(test)]
mod tests {
    use rustc_hash::FxHashSet as HashSet;

    use super::super::tokens::tokenize;
    use super::*;

    /// The answer of the set of lowercase words this search replaced, for every token.
    fn common_by_set(text: &str) -> Vec<bool> {
        let tokens = tokenize(text);
        let lowercase: HashSet<&str> = tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.text(text))
            .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
            .collect();
        let lex = Lexicon::get();
        tokens
            .iter()
            .map(|t| {
                let w = t.text(text);
                Lexicon::has(&lex.never_names, w) || lowercase.contains(Lower::of(w).as_str())
            })
            .collect()
    }

    fn common_by_search(text: &str) -> Vec<bool> {
        let tokens = tokenize(text);
        let ctx = Ctx::new(text, &tokens, Vec::new());
        (0..tokens.len()).map(|i| ctx.is_common_word(i)).collect()
    }

    #[test]
    fn common_words_are_found_as_the_set_found_them() {
        let text = "Officials said the officials’ view. Order: order-ly, disorder. Ordering \
                    Aa aaa aa-aa AA-AA. Über über ÜBER. Kelvin \u{212a}elvin kelvin. The \
                    Monday x.y X.Y";
        let by_search = common_by_search(text);
        assert_eq!(by_search, common_by_set(text));
        let tokens = tokenize(text);
        let common: Vec<&str> = tokens
            .iter()
            .zip(&by_search)
            .filter(|(_, c)| **c)
            .map(|(t, _)| t.text(text))
            .collect();
        for w in ["Officials", "Über", "ÜBER", "AA-AA", "X.Y", "The", "Monday"] {
            assert!(common.contains(&w), "{w} in {common:?}");
        }
        // "aa" is written only inside longer words.
        assert!(!common.contains(&"Aa") && !common.contains(&"Ordering"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        /// Any text: the same common words as the set of lowercase words.
        #[test]
        fn common_words_match_the_set(
            text in "([Aa]{1,3}|[Bb]|[ .,’'\\-\\n]|ü|Ü|\u{212a}|k|The|said|Said){0,30}"
        ) {
            proptest::prop_assert_eq!(common_by_search(&text), common_by_set(&text));
        }
    }
}
