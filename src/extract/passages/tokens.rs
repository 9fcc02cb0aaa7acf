//! Normalised word tokens and their shingles: the representation every passage comparison uses.
//!
//! Words are runs of alphanumeric characters, lowercased, so that punctuation, curly versus
//! straight apostrophes and hyphenation do not hide a shared passage.

use std::sync::LazyLock;

use crate::text::words::{FNV_START, fnv_lowercase_char, fnv_step, fnv1a};

/// One normalised word with its bytes in the article body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    /// Hash of the lowercased word (deterministic, no random seed).
    pub hash: u64,
    /// First byte of the word in the body.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
    /// False for function words, which do not make a passage distinctive on their own.
    pub content: bool,
}

/// Words that carry no content: a passage made mostly of them is a common phrase.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "after",
    "all",
    "also",
    "an",
    "and",
    "are",
    "as",
    "at",
    "be",
    "been",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "for",
    "from",
    "had",
    "has",
    "have",
    "he",
    "her",
    "his",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "may",
    "more",
    "not",
    "now",
    "of",
    "on",
    "or",
    "our",
    "out",
    "over",
    "s",
    "said",
    "says",
    "she",
    "so",
    "statement",
    "than",
    "that",
    "the",
    "their",
    "them",
    "there",
    "they",
    "this",
    "to",
    "told",
    "up",
    "was",
    "we",
    "were",
    "what",
    "when",
    "which",
    "who",
    "will",
    "with",
    "would",
    "you",
];

/// The splitmix64 finaliser: a good bit mixer used to derive independent hash functions.
pub(crate) fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Longest stopword in bytes: longer words skip the lookup.
const LONGEST_STOPWORD: usize = 9;

/// The hashes of the stopwords, sorted for binary search: a word is looked up by the hash it
/// gets anyway, so no lowercased copy of it is ever made.
static STOPWORD_HASHES: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut hashes: Vec<u64> = STOPWORDS.iter().map(|w| fnv1a(w.as_bytes())).collect();
    hashes.sort_unstable();
    hashes
});

/// The normalised word tokens of a text from a byte position on, with byte spans in the whole
/// text. Starting at the first byte of a token gives the same tokens as tokenizing the whole
/// text and skipping the earlier ones, which lets a caller tokenize only a stretch of an article.
pub(crate) struct Tokens<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Tokens<'a> {
    /// The tokens of `text` from byte `pos` (which should start a token, or be 0) on.
    pub(crate) fn from(text: &'a str, pos: usize) -> Tokens<'a> {
        Tokens { text, pos }
    }

    /// The char starting at byte `i`.
    fn wide_char(&self, i: usize) -> Option<char> {
        self.text.get(i..).and_then(|rest| rest.chars().next())
    }
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let bytes = self.text.as_bytes();
        let mut start: Option<usize> = None;
        let mut hash = FNV_START;
        let mut folded_len = 0usize;
        let mut i = self.pos;
        while let Some(&b) = bytes.get(i) {
            // ASCII fast path: fold and hash the byte itself.
            let (is_word, width) = if b < 0x80 {
                let word = b.is_ascii_alphanumeric();
                if word {
                    hash = fnv_step(hash, b.to_ascii_lowercase());
                    folded_len += 1;
                }
                (word, 1)
            } else {
                let Some(c) = self.wide_char(i) else {
                    break;
                };
                let word = c.is_alphanumeric();
                if word {
                    hash = fnv_lowercase_char(hash, c);
                    folded_len += c.to_lowercase().map(char::len_utf8).sum::<usize>();
                }
                (word, c.len_utf8())
            };
            if is_word {
                if start.is_none() {
                    start = Some(i);
                }
            } else if let Some(s) = start {
                self.pos = i + width;
                return Some(token(s, i, hash, folded_len));
            }
            i += width;
        }
        self.pos = bytes.len();
        start.map(|s| token(s, bytes.len(), hash, folded_len))
    }
}

/// The byte spans of the words of a text from a byte position on: the spans of [`Tokens`],
/// without folding, hashing or looking up the words, for when only their places are needed
/// (skipping to a token, the bytes of a passage).
pub(crate) struct WordSpans<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> WordSpans<'a> {
    /// The word spans of `text` from byte `pos` (which should start a token, or be 0) on.
    pub(crate) fn from(text: &'a str, pos: usize) -> WordSpans<'a> {
        WordSpans { text, pos }
    }
}

impl Iterator for WordSpans<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let bytes = self.text.as_bytes();
        let mut start: Option<usize> = None;
        let mut i = self.pos;
        while let Some(&b) = bytes.get(i) {
            let (is_word, width) = if b < 0x80 {
                (b.is_ascii_alphanumeric(), 1)
            } else {
                match self.text.get(i..).and_then(|rest| rest.chars().next()) {
                    Some(c) => (c.is_alphanumeric(), c.len_utf8()),
                    None => break,
                }
            };
            if is_word {
                if start.is_none() {
                    start = Some(i);
                }
            } else if let Some(s) = start {
                self.pos = i + width;
                return Some((s, i));
            }
            i += width;
        }
        self.pos = bytes.len();
        start.map(|s| (s, bytes.len()))
    }
}

/// A token from its span and the hash of its folded bytes.
fn token(start: usize, end: usize, hash: u64, folded_len: usize) -> Token {
    let stopword = folded_len <= LONGEST_STOPWORD && STOPWORD_HASHES.binary_search(&hash).is_ok();
    Token {
        hash,
        start: u32::try_from(start).unwrap_or(u32::MAX),
        end: u32::try_from(end).unwrap_or(u32::MAX),
        content: !stopword,
    }
}

/// Splits `text` into normalised word tokens with byte spans.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    Tokens::from(text, 0).collect()
}

/// Number of words in a shingle.
pub(crate) const SHINGLE: usize = 3;

/// The hash of the shingle starting at every token that has `SHINGLE - 1` tokens after it.
/// 32 bits are plenty to tell the shingles of two articles apart and halve the memory of large
/// corpora.
pub(crate) fn shingles(tokens: &[Token]) -> Vec<u32> {
    tokens
        .windows(SHINGLE)
        .map(|w| {
            let h = w
                .iter()
                .fold(0x51_7cc1_b727_220a_u64, |h, t| mix(h ^ t.hash));
            (h >> 32) as u32
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_ignore_case_and_punctuation() {
        let a = tokenize("Niger’s first peaceful, democratic");
        let b = tokenize("niger's FIRST peaceful democratic");
        assert_eq!(a.len(), 5);
        let ha: Vec<u64> = a.iter().map(|t| t.hash).collect();
        let hb: Vec<u64> = b.iter().map(|t| t.hash).collect();
        assert_eq!(ha, hb);
        assert_eq!(
            &"Niger’s first"[a[0].start as usize..a[0].end as usize],
            "Niger"
        );
    }

    #[test]
    fn shingles_cover_each_run_of_three_words() {
        let t = tokenize("one two three four");
        assert_eq!(shingles(&t).len(), 2);
        assert!(shingles(&tokenize("one two")).is_empty());
    }

    #[test]
    fn stopwords_are_found_by_hash_in_any_case() {
        let t = tokenize("The STATEMENT statements Ἀθῆναι");
        let content: Vec<bool> = t.iter().map(|t| t.content).collect();
        assert_eq!(content, [false, false, true, true]);
    }

    #[test]
    fn word_spans_are_the_spans_of_the_tokens() {
        let text = "Niger’s junta — «closed» the borders; Ἀθῆναι, 2023. İstanbul’da ǅemal x2y ½ \
                    end";
        let all = tokenize(text);
        for (n, t) in all.iter().enumerate() {
            let spans: Vec<(usize, usize)> = WordSpans::from(text, t.start as usize).collect();
            let expected: Vec<(usize, usize)> = all[n..]
                .iter()
                .map(|t| (t.start as usize, t.end as usize))
                .collect();
            assert_eq!(spans, expected);
        }
        assert_eq!(WordSpans::from(text, 0).count(), all.len());
        assert_eq!(WordSpans::from("", 0).next(), None);
    }

    #[test]
    fn tokens_from_a_token_start_are_the_tail_of_all_tokens() {
        let text = "Niger’s junta — «closed» the borders; Ἀθῆναι, 2023.";
        let all = tokenize(text);
        for (n, t) in all.iter().enumerate() {
            let tail: Vec<Token> = Tokens::from(text, t.start as usize).collect();
            assert_eq!(tail, all[n..]);
        }
    }
}
