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

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    // Sized once: a text has at most one character per byte, and news prose about one token
    // per five bytes (growing these by doubling was a tenth of the scan's time).
    let mut chars: Vec<(usize, char)> = Vec::with_capacity(text.len());
    chars.extend(text.char_indices());
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let byte = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut tokens = Vec::with_capacity(text.len() / 4);
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
                    break; // a possessive follows
                }
                if (c == '-' || is_apostrophe(c) || c == '.') && next_alnum {
                    i += 1;
                    continue;
                }
                break;
            }
            // The final dot of initials: `U.S.`, `U.N.`
            if at(i) == Some('.') && is_initials(&chars[start..i]) {
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

/// Single letters separated by dots (`U.S`, `U.N`).
fn is_initials(chars: &[(usize, char)]) -> bool {
    chars.len() >= 3
        && chars.iter().enumerate().all(|(k, &(_, c))| {
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
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && word.chars().all(|c| !c.is_lowercase())
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
