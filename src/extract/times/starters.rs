//! The words a time expression can open with. Every pattern of the grammar first reads its
//! opening token as digits, an apostrophe (`'90s`), a word of a class that opens expressions
//! (month, weekday, unit, season, ordinal, number word, vague quantity) or one of
//! [`OPENING_WORDS`] (in any case), so the driver skips every other word without trying the
//! patterns: most words of a text are no time at all, and this keeps the scan fast. Whether a
//! word opens is worked out once per word in its [`WordClasses`]. A pattern that opens with a
//! new word must add it here; a test checks on real text that no reading starts anywhere else.

use super::classes::WordClasses;
use super::grammar::Scanner;
use super::tokens::TokenKind;

/// Words that open an expression though no class of theirs says so, lowercase and sorted:
/// shifts (`last week`), deictic words (`today`), edges of periods (`the end of the year`),
/// vague references (`recently`), sets (`weekly`, `every Friday`, `per day`) and "the".
pub(super) const OPENING_WORDS: &[&str] = &[
    "annual",
    "annually",
    "beginning",
    "coming",
    "current",
    "currently",
    "daily",
    "each",
    "earlier",
    "end",
    "every",
    "last",
    "lately",
    "later",
    "midday",
    "middle",
    "midnight",
    "monthly",
    "next",
    "nightly",
    "noon",
    "now",
    "nowadays",
    "overnight",
    "past",
    "per",
    "presently",
    "previous",
    "recent",
    "recently",
    "remainder",
    "rest",
    "soon",
    "start",
    "the",
    "these",
    "this",
    "today",
    "tomorrow",
    "tonight",
    "turn",
    "weekly",
    "yearly",
    "yesterday",
];

/// True when a word of these classes opens some pattern: a month (`March 3`), a weekday, a
/// unit (`years ago` after "for"), a season, an ordinal (`third quarter`), a number word or a
/// vague quantity (`two years`, `several months`).
pub(super) fn opens_by_class(c: &WordClasses) -> bool {
    c.month.is_some()
        || c.weekday.is_some()
        || c.unit.is_some()
        || c.season.is_some()
        || c.ordinal.is_some()
        || c.number.is_some()
        || c.vague_quantity
}

/// The kinds of token an expression opens with, as bits: each pattern declares the kinds it
/// reads first, and the driver offers a token only to the patterns that open with its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Opens(u8);

impl Opens {
    /// Digits (`2023`, `3 a.m.`).
    pub const DIGITS: Opens = Opens(1);
    /// An apostrophe (`'90s`).
    pub const APOSTROPHE: Opens = Opens(2);
    /// An opening word (see the module's documentation).
    pub const WORD: Opens = Opens(4);

    /// Both kinds.
    pub const fn or(self, other: Opens) -> Opens {
        Opens(self.0 | other.0)
    }

    /// True when `kind` is one of these kinds.
    pub fn has(self, kind: Opens) -> bool {
        self.0 & kind.0 == kind.0
    }
}

/// The kind of expression-opening token `i` is, or `None` when no pattern opens with it.
pub fn opening(s: &Scanner, i: usize) -> Option<Opens> {
    match s.kind(i)? {
        TokenKind::Number => Some(Opens::DIGITS),
        TokenKind::Punct => matches!(s.tx(i), "'" | "’").then_some(Opens::APOSTROPHE),
        // The word's classes say whether it is one of the opening words.
        TokenKind::Word => s.lex(i).opens.then_some(Opens::WORD),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted_and_lowercase() {
        assert!(OPENING_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(
            OPENING_WORDS
                .iter()
                .all(|w| w.bytes().all(|b| b.is_ascii_lowercase()))
        );
    }
}
