//! Splits text into the tokens the grammar reads: runs of letters, runs of digits, and single
//! punctuation marks, each with its byte span. Spacing is kept implicit in the spans so that
//! patterns can tell "2023-07-27" (adjacent) from "2023 - 07" and still read text that was
//! tokenised with spaces ("March 01 , 2008").

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

/// One token: its kind and byte range in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Letters, digits or punctuation.
    pub kind: TokenKind,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

fn class(c: char) -> Option<TokenKind> {
    if c.is_ascii_digit() {
        Some(TokenKind::Number)
    } else if c.is_alphabetic() {
        Some(TokenKind::Word)
    } else if c.is_whitespace() {
        None
    } else {
        Some(TokenKind::Punct)
    }
}

/// Tokenises `text`. Spans always fall on character boundaries.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    for (i, c) in text.char_indices() {
        let Some(kind) = class(c) else { continue };
        let end = i + c.len_utf8();
        if let Some(last) = tokens.last_mut()
            && last.end == i
            && last.kind == kind
            && kind != TokenKind::Punct
        {
            last.end = end;
            continue;
        }
        tokens.push(Token {
            kind,
            start: i,
            end,
        });
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
}
