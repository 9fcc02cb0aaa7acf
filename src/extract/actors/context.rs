//! What the rules of one article look at: its tokens, which of them a gazetteer match covers,
//! and small questions about them (is this word a sentence opener? lowercase elsewhere?).

use std::cell::OnceCell;

use rustc_hash::FxHashSet as HashSet;

use super::gazetteer_match::GazTarget;
use super::lexicon::{Lexicon, Lower};
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
    /// Words written in lowercase somewhere in the article, gathered when first asked for:
    /// only a capitalised sentence opener needs them, and many articles have none that is not
    /// in the word lists.
    lowercase_words: OnceCell<HashSet<&'a str>>,
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
            lowercase_words: OnceCell::new(),
            lex: Lexicon::get(),
        }
    }

    /// Every word written in lowercase in the article.
    fn lowercase_words(&self) -> &HashSet<&'a str> {
        self.lowercase_words.get_or_init(|| {
            // Sized once for the tokens: most words of prose are lowercase, and growing the
            // set by rehashing cost more than the spare room.
            let mut words =
                HashSet::with_capacity_and_hasher(self.tokens.len() / 2, Default::default());
            words.extend(
                self.tokens
                    .iter()
                    .filter(|t| t.kind == TokenKind::Word)
                    .map(|t| t.text(self.text))
                    .filter(|w| w.chars().next().is_some_and(char::is_lowercase)),
            );
            words
        })
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

    /// True when `word` is a common word here: in the never-names list, or written in
    /// lowercase elsewhere in the article.
    pub fn is_common_word(&self, word: &str) -> bool {
        if Lexicon::has(&self.lex.never_names, word) {
            return true;
        }
        self.lowercase_words().contains(Lower::of(word).as_str())
    }

    /// True when token `i` is a capitalised word no gazetteer hit covers.
    /// A hyphenated word whose last part is lowercase ("French-led") is an adjective.
    pub fn is_free_capitalized(&self, i: usize) -> bool {
        // Asked of every token: the cheap questions first.
        if !self.is_word(i) || self.cover.get(i).is_none_or(Option::is_some) {
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
