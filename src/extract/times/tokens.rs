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

/// The kind of an ASCII byte's character; `None` for whitespace.
fn ascii_class(b: u8) -> Option<TokenKind> {
    if b.is_ascii_digit() {
        Some(TokenKind::Number)
    } else if b.is_ascii_alphabetic() {
        Some(TokenKind::Word)
    } else if b.is_ascii_whitespace() || b == 0x0B {
        // `char::is_whitespace` also counts the vertical tab, which `is_ascii_whitespace` does not.
        None
    } else {
        Some(TokenKind::Punct)
    }
}

/// The kind of any character; `None` for whitespace.
fn class(c: char) -> Option<TokenKind> {
    if c.is_ascii() {
        return ascii_class(c as u8);
    }
    if c.is_alphabetic() {
        Some(TokenKind::Word)
    } else if c.is_whitespace() {
        None
    } else {
        Some(TokenKind::Punct)
    }
}

/// The character at byte `i` of `text` with its length, read from its first byte when ASCII.
fn char_at(text: &str, i: usize) -> Option<(Option<TokenKind>, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some((ascii_class(b), 1));
    }
    let c = text.get(i..)?.chars().next()?;
    Some((class(c), c.len_utf8()))
}

/// Tokenises `text`. Spans always fall on character boundaries.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 4);
    let mut i = 0;
    while let Some((kind, len)) = char_at(text, i) {
        let start = i;
        i += len;
        let Some(kind) = kind else { continue };
        if kind != TokenKind::Punct {
            // A run of letters or of digits.
            while let Some((k, l)) = char_at(text, i)
                && k == Some(kind)
            {
                i += l;
            }
        }
        tokens.push(Token {
            kind,
            start,
            end: i,
            classes: &classes::NONE,
            value: None,
        });
    }
    for t in &mut tokens {
        match t.kind {
            TokenKind::Word => t.classes = classes::of(text.get(t.start..t.end).unwrap_or("")),
            TokenKind::Number if t.end - t.start <= 6 => {
                t.value = text.get(t.start..t.end).and_then(|d| d.parse().ok());
            }
            _ => {}
        }
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
            text in "([a-zA-Z0-9 .,'’\\-]|\\PC|\\s|\u{b}|\u{85}|\u{a0}|é|٣){0,60}"
        ) {
            let fast: Vec<(TokenKind, usize, usize)> =
                tokenize(&text).iter().map(|t| (t.kind, t.start, t.end)).collect();
            proptest::prop_assert_eq!(fast, char_by_char(&text));
        }
    }
}
