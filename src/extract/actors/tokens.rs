//! Words and punctuation with byte spans: the unit every actor rule looks at.
//!
//! A word keeps inner hyphens and apostrophes (`al-Qaeda`, `L’Enqueteur`) and the dots of
//! initials (`U.S.`); a possessive `'s` / `’s` is its own token, also when the text was
//! tokenised with spaces before it (`the company 's`).

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A run of letters and digits with inner hyphens, apostrophes or initials' dots.
    Word,
    /// A possessive `'s` or `’s`.
    Possessive,
    /// Any other non-space character.
    Punct,
}

/// One token of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Word, possessive or punctuation.
    pub kind: TokenKind,
    /// A line break stands between this token and the one before.
    pub after_newline: bool,
}

impl Token {
    /// The token's text in `text` ("" if the span does not fit).
    pub fn text(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// For each byte, whether it is an ASCII letter or digit: one read per byte in the loops that
/// pass over words.
const ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The number of ASCII letters and digits that `bytes` starts with.
pub fn ascii_alnum_prefix(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .position(|&b| !ASCII_ALNUM[usize::from(b)])
        .unwrap_or(bytes.len())
}

/// The character at byte `at` of `text`, if one starts there.
fn char_at(text: &str, at: usize) -> Option<char> {
    // ASCII, nearly every character of news, is read without decoding.
    match text.as_bytes().get(at) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text.get(at..).and_then(|rest| rest.chars().next()),
        None => None,
    }
}

/// True when a possessive `s` starts at byte `at`: an `s` or `S` that no letter or digit
/// follows.
fn possessive_s_at(text: &str, at: usize) -> bool {
    matches!(char_at(text, at), Some('s' | 'S'))
        && !char_at(text, at + 1).is_some_and(char::is_alphanumeric)
}

/// Splits `text` into tokens.
///
/// The text is read in place, one character at a time, looking at most two characters ahead
/// (a copy of its characters took 16 bytes per byte of text and a tenth of the scan's time).
pub fn tokenize(text: &str) -> Vec<Token> {
    // Sized once: news prose has about one token per five bytes (growing the list by
    // doubling was a tenth of the scan's time).
    let mut tokens = Vec::with_capacity(text.len() / 4);
    let mut i = 0;
    let mut newline = true;
    while let Some(c) = char_at(text, i) {
        let after = i + c.len_utf8();
        if c.is_whitespace() {
            if c == '\n' {
                newline = true;
            }
            i = after;
            continue;
        }
        let start = i;
        let kind;
        if c.is_alphanumeric() {
            i = word_end(text, after);
            // The final dot of initials: `U.S.`, `U.N.`
            if char_at(text, i) == Some('.') && text.get(start..i).is_some_and(is_initials) {
                i += 1;
            }
            kind = TokenKind::Word;
        } else if is_apostrophe(c) && possessive_s_at(text, after) && start > 0 {
            // `s` is one byte.
            i = after + 1;
            kind = TokenKind::Possessive;
        } else {
            i = after;
            kind = TokenKind::Punct;
        }
        tokens.push(Token {
            start,
            end: i,
            kind,
            after_newline: newline,
        });
        newline = false;
    }
    tokens
}

/// The end of the word whose first character ends at byte `i`: letters and digits, joined by
/// single hyphens, apostrophes and dots, up to a possessive.
fn word_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        // ASCII letters and digits, most of a word, without decoding.
        i += bytes.get(i..).map_or(0, ascii_alnum_prefix);
        let Some(c) = char_at(text, i) else {
            break;
        };
        let after = i + c.len_utf8();
        if c.is_alphanumeric() {
            i = after;
            continue;
        }
        if is_apostrophe(c) && possessive_s_at(text, after) {
            break; // a possessive follows
        }
        if (c == '-' || is_apostrophe(c) || c == '.')
            && char_at(text, after).is_some_and(char::is_alphanumeric)
        {
            i = after;
            continue;
        }
        break;
    }
    i
}

/// Single letters separated by dots (`U.S`, `U.N`).
fn is_initials(word: &str) -> bool {
    word.chars().count() >= 3
        && word.chars().enumerate().all(|(k, c)| {
            if k % 2 == 0 {
                c.is_alphabetic()
            } else {
                c == '.'
            }
        })
}

/// True when the word starts with an uppercase letter (or a digit followed by uppercase,
/// as in `G5`).
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// True when every letter is uppercase and there are at least two.
pub fn is_all_caps(word: &str) -> bool {
    // A lowercase letter, the usual answer, is found before the letters are counted.
    word.chars().all(|c| !c.is_lowercase())
        && word.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text)
            .into_iter()
            .map(|t| (t.text(text), t.kind))
            .collect()
    }

    /// The tokenizer this one replaced, which copied the text's characters first: both must
    /// give the same tokens.
    fn tokenize_by_copy(text: &str) -> Vec<Token> {
        let mut chars: Vec<(usize, char)> = Vec::with_capacity(text.len());
        chars.extend(text.char_indices());
        let at = |i: usize| chars.get(i).map(|&(_, c)| c);
        let byte = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
        let initials = |cs: &[(usize, char)]| {
            cs.len() >= 3
                && cs.iter().enumerate().all(|(k, &(_, c))| {
                    if k % 2 == 0 {
                        c.is_alphabetic()
                    } else {
                        c == '.'
                    }
                })
        };
        let mut tokens = Vec::new();
        let mut i = 0;
        let mut newline = true;
        while let Some(c) = at(i) {
            if c.is_whitespace() {
                if c == '\n' {
                    newline = true;
                }
                i += 1;
                continue;
            }
            let start = i;
            let kind;
            if c.is_alphanumeric() {
                i += 1;
                while let Some(c) = at(i) {
                    if c.is_alphanumeric() {
                        i += 1;
                        continue;
                    }
                    let next = at(i + 1);
                    let next_alnum = next.is_some_and(char::is_alphanumeric);
                    if is_apostrophe(c)
                        && matches!(next, Some('s' | 'S'))
                        && !at(i + 2).is_some_and(char::is_alphanumeric)
                    {
                        break;
                    }
                    if (c == '-' || is_apostrophe(c) || c == '.') && next_alnum {
                        i += 1;
                        continue;
                    }
                    break;
                }
                if at(i) == Some('.') && chars.get(start..i).is_some_and(initials) {
                    i += 1;
                }
                kind = TokenKind::Word;
            } else if is_apostrophe(c)
                && matches!(at(i + 1), Some('s' | 'S'))
                && !at(i + 2).is_some_and(char::is_alphanumeric)
                && start > 0
            {
                i += 2;
                kind = TokenKind::Possessive;
            } else {
                i += 1;
                kind = TokenKind::Punct;
            }
            tokens.push(Token {
                start: byte(start),
                end: byte(i),
                kind,
                after_newline: newline,
            });
            newline = false;
        }
        tokens
    }

    #[test]
    fn tokens_match_the_copying_tokenizer_on_a_busy_text() {
        let text = "’s 's U.S. U.S.A. A.B U.N.’s É.U. al-Qaeda-’s don’t x-  -y a.b. \
                    Niger’s NIGER'S ’S 'S' “Ma’s” 1.5 3-4 \n\n X.\tY.Z. ü.ö. Ǆ ﬁ Ⅻ.Ⅻ. e’s’s";
        assert_eq!(tokenize(text), tokenize_by_copy(text));
        assert!(tokenize(text).len() > 30);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
        /// Any text: the same tokens as the copying tokenizer.
        #[test]
        fn tokens_match_the_copying_tokenizer(
            text in "([a-zA-Z0-9]{1,3}|[ .,’'sS\\-\n\t]|é|É|ü|“|”|—|\u{2163}|\u{1c5}|\u{85}|\u{a0}){0,40}"
        ) {
            proptest::prop_assert_eq!(tokenize(&text), tokenize_by_copy(&text));
        }
    }

    #[test]
    fn possessives_split_from_names_also_when_spaced() {
        use TokenKind::*;
        assert_eq!(
            words("Niger’s army and the company 's plan"),
            vec![
                ("Niger", Word),
                ("’s", Possessive),
                ("army", Word),
                ("and", Word),
                ("the", Word),
                ("company", Word),
                ("'s", Possessive),
                ("plan", Word)
            ]
        );
    }

    #[test]
    fn inner_marks_and_initials_stay_in_the_word() {
        let w: Vec<&str> = words("al-Qaeda, L’Enqueteur and the U.S. Embassy. Don't")
            .into_iter()
            .map(|(w, _)| w)
            .collect();
        assert_eq!(
            w,
            vec![
                "al-Qaeda",
                ",",
                "L’Enqueteur",
                "and",
                "the",
                "U.S.",
                "Embassy",
                ".",
                "Don't"
            ]
        );
    }
}
