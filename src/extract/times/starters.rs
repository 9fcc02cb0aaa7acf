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

/// True when a pattern may read an expression that starts at token `i`.
pub fn may_start(s: &Scanner, i: usize) -> bool {
    match s.kind(i) {
        Some(TokenKind::Number) => true,
        Some(TokenKind::Punct) => matches!(s.tx(i), "'" | "’"),
        // The word's classes say whether it is one of the opening words.
        Some(TokenKind::Word) => s.lex(i).opens,
        None => false,
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
