//! Normalised word tokens and their shingles: the representation every passage comparison uses.
//!
//! Words are runs of alphanumeric characters, lowercased, so that punctuation, curly versus
//! straight apostrophes and hyphenation do not hide a shared passage.

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

/// FNV-1a over bytes: fixed, fast, and the same on every run and platform.
pub(crate) fn fnv1a(bytes: impl IntoIterator<Item = u8>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The splitmix64 finaliser: a good bit mixer used to derive independent hash functions.
pub(crate) fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Splits `text` into normalised word tokens with byte spans.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut start: Option<usize> = None;
    let mut word = String::new();
    let mut push = |start: usize, end: usize, word: &mut String| {
        let content = !STOPWORDS.contains(&word.as_str());
        tokens.push(Token {
            hash: fnv1a(word.bytes()),
            start: u32::try_from(start).unwrap_or(u32::MAX),
            end: u32::try_from(end).unwrap_or(u32::MAX),
            content,
        });
        word.clear();
    };
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
            word.extend(c.to_lowercase());
        } else if let Some(s) = start.take() {
            push(s, i, &mut word);
        }
    }
    if let Some(s) = start {
        push(s, text.len(), &mut word);
    }
    tokens
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
}
