//! Splits text into the tokens the grammar reads: runs of letters, runs of digits, and single
//! punctuation marks, each with its byte span. Spacing is kept implicit in the spans so that
//! patterns can tell "2023-07-27" (adjacent) from "2023 - 07" and still read text that was
//! tokenised with spaces ("March 01 , 2008"). Each word gets its [`WordClasses`] and each
//! number its value here, once.

use super::classes::{self, WordClasses};

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (any script), for example `March`.
    Word,
    /// ASCII digits, for example `2023`.
    Number,
    /// One character that is neither a letter, a digit nor whitespace.
    Punct,
}

/// One token: its kind, byte range in the text, and what the grammar needs to know of it,
/// worked out once here so that patterns read fields instead of re-reading the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Letters, digits or punctuation.
    pub kind: TokenKind,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// A word's classes ([`classes::NONE`] for other tokens and for words in no list).
    pub classes: &'static WordClasses,
    /// The value of a run of at most six digits (longer numbers are no part of a time).
    pub value: Option<u32>,
}

/// The kind of each ASCII character; `None` for whitespace (with the vertical tab, which
/// `char::is_whitespace` counts and `u8::is_ascii_whitespace` does not).
const ASCII_KINDS: [Option<TokenKind>; 128] = {
    let mut kinds = [Some(TokenKind::Punct); 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_digit() {
            kinds[b] = Some(TokenKind::Number);
        } else if c.is_ascii_alphabetic() {
            kinds[b] = Some(TokenKind::Word);
        } else if c.is_ascii_whitespace() || c == 0x0B {
            kinds[b] = None;
        }
        b += 1;
    }
    kinds
};

/// The kind of the character at byte `i` and its length, or `None` at the end of the text.
fn char_at(text: &str, i: usize) -> Option<(Option<TokenKind>, usize)> {
    let b = *text.as_bytes().get(i)?;
    if let Some(&kind) = ASCII_KINDS.get(usize::from(b)) {
        return Some((kind, 1));
    }
    let c = text.get(i..)?.chars().next()?;
    let kind = if c.is_alphabetic() {
        Some(TokenKind::Word)
    } else if c.is_whitespace() {
        None
    } else {
        Some(TokenKind::Punct)
    };
    Some((kind, c.len_utf8()))
}

/// The end of the run of letters from byte `i`, and the run's word classes.
fn word_run(text: &str, mut i: usize) -> (usize, &'static WordClasses) {
    let start = i;
    let bytes = text.as_bytes();
    loop {
        // ASCII letters byte by byte, the common case; then any other letter.
        while bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
            i += 1;
        }
        match char_at(text, i) {
            Some((Some(TokenKind::Word), len)) => i += len,
            _ => break,
        }
    }
    (i, classes::of(text.get(start..i).unwrap_or("")))
}

/// The end of the run of ASCII digits from byte `i`, and its value when it has at most six
/// digits (longer numbers are no part of a time).
fn number_run(bytes: &[u8], mut i: usize) -> (usize, Option<u32>) {
    let start = i;
    let mut value: u32 = 0;
    while let Some(b) = bytes.get(i).filter(|b| b.is_ascii_digit()) {
        // Six digits stay far below `u32::MAX`; longer runs get no value.
        value = value.wrapping_mul(10).wrapping_add(u32::from(b - b'0'));
        i += 1;
    }
    (i, (i - start <= 6).then_some(value))
}

/// Tokenises `text`. Spans always fall on character boundaries.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 4);
    let mut i = 0;
    while let Some((kind, len)) = char_at(text, i) {
        let start = i;
        let token = |kind, end, classes, value| Token {
            kind,
            start,
            end,
            classes,
            value,
        };
        let t = match kind {
            None => {
                i += len;
                continue;
            }
            Some(TokenKind::Word) => {
                let (end, classes) = word_run(text, i);
                token(TokenKind::Word, end, classes, None)
            }
            Some(TokenKind::Number) => {
                let (end, value) = number_run(text.as_bytes(), i);
                token(TokenKind::Number, end, &classes::NONE, value)
            }
            Some(TokenKind::Punct) => token(TokenKind::Punct, i + len, &classes::NONE, None),
        };
        i = t.end;
        tokens.push(t);
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s)
            .iter()
            .map(|t| s.get(t.start..t.end).unwrap_or(""))
            .collect()
    }

    #[test]
    fn splits_words_digits_and_marks() {
        assert_eq!(
            texts("On 2023-07-27,"),
            ["On", "2023", "-", "07", "-", "27", ","]
        );
        assert_eq!(texts("3 a.m. 27th"), ["3", "a", ".", "m", ".", "27", "th"]);
        assert_eq!(texts("Niger’s"), ["Niger", "’", "s"]);
    }

    /// The tokeniser as it was before its ASCII fast path: one character at a time.
    fn char_by_char(text: &str) -> Vec<(TokenKind, usize, usize)> {
        let mut tokens: Vec<(TokenKind, usize, usize)> = Vec::new();
        for (i, c) in text.char_indices() {
            let kind = if c.is_ascii_digit() {
                TokenKind::Number
            } else if c.is_alphabetic() {
                TokenKind::Word
            } else if c.is_whitespace() {
                continue;
            } else {
                TokenKind::Punct
            };
            let end = i + c.len_utf8();
            if let Some(last) = tokens.last_mut()
                && last.2 == i
                && last.0 == kind
                && kind != TokenKind::Punct
            {
                last.2 = end;
                continue;
            }
            tokens.push((kind, i, end));
        }
        tokens
    }

    #[test]
    fn words_get_their_classes_and_numbers_their_values() {
        let text = "On MARCH 27, 2023 at 1234567 a.m.";
        let tokens = tokenize(text);
        let march = tokens.get(1).map(|t| t.classes.month);
        assert_eq!(march, Some(Some(3)));
        let on = tokens.first().map(|t| t.classes.time_preposition);
        assert_eq!(on, Some(true));
        let values: Vec<Option<u32>> = tokens.iter().map(|t| t.value).collect();
        assert_eq!(
            values.get(2..6),
            Some(&[Some(27), None, Some(2023), None][..])
        );
        // Seven digits are no part of a time and get no value.
        assert_eq!(values.get(7), Some(&None));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        /// The fast path splits every text as reading one character at a time did.
        #[test]
        fn splits_as_one_character_at_a_time(
            text in "([a-zA-Z0-9 .,'’\\-]|\\PC|\\s|\u{b}|\u{85}|\u{a0}|é|٣|May|JULY|fridays|yEaRs|\u{0}|1234567){0,60}"
        ) {
            let fast: Vec<(TokenKind, usize, usize)> =
                tokenize(&text).iter().map(|t| (t.kind, t.start, t.end)).collect();
            proptest::prop_assert_eq!(fast, char_by_char(&text));
            for t in tokenize(&text) {
                let word = text.get(t.start..t.end).unwrap_or("");
                let classes = if t.kind == TokenKind::Word { classes::of(word) } else { &classes::NONE };
                proptest::prop_assert_eq!(t.classes, classes);
                let value = if t.kind == TokenKind::Number && word.len() <= 6 {
                    word.parse().ok()
                } else {
                    None
                };
                proptest::prop_assert_eq!(t.value, value);
            }
        }
    }
}
