//! The grammar's driver and the reading helpers its patterns share.
//!
//! Patterns are small functions that try to read one kind of expression at a token and return
//! where it ends and what it means. The driver tries them all at each token and keeps the
//! longest reading, so "two years ago" wins over "two years" and "March 30-31" over "March".

use super::classes::{self, WordClasses};
use super::starters::{self, Opens};
use super::tokens::{Token, TokenKind};
use super::{calendar, lengths, meaning::Meaning, relative};

/// An expression the grammar found: tokens `start..end` and their meaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// What it says.
    pub meaning: Meaning,
}

/// One pattern's reading at a token: where it ends (exclusive) and what it means.
pub type Reading = Option<(usize, Meaning)>;

/// The text and its tokens, with the reading helpers patterns use.
pub struct Scanner<'a> {
    text: &'a str,
    tokens: &'a [Token],
    /// Read ambiguous slashed dates (`07/08/2023`) day first.
    pub day_first: bool,
}

impl<'a> Scanner<'a> {
    /// A scanner over `tokens` of `text`.
    pub fn new(text: &'a str, tokens: &'a [Token], day_first: bool) -> Self {
        Scanner {
            text,
            tokens,
            day_first,
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The text of token `i`, or "" past the end.
    pub fn tx(&self, i: usize) -> &'a str {
        self.tokens
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    /// The kind of token `i`.
    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    /// The word at `i` when token `i` is a word.
    pub fn word(&self, i: usize) -> Option<&'a str> {
        (self.kind(i) == Some(TokenKind::Word)).then(|| self.tx(i))
    }

    /// The classes of token `i` ([`classes::NONE`] for a token that is no listed word).
    pub fn lex(&self, i: usize) -> &'a WordClasses {
        self.tokens.get(i).map_or(&classes::NONE, |t| t.classes)
    }

    /// Token `i` in lowercase when it is a listed word: patterns match on it.
    pub fn lower(&self, i: usize) -> Option<&'a str> {
        Some(self.lex(i).word.as_str()).filter(|w| !w.is_empty())
    }

    /// True when token `i` is the word `w` (lowercase), ignoring case. `w` must be listed in
    /// [`classes`] (a test checks the patterns' words), so a token in no list is never `w`.
    pub fn is(&self, i: usize, w: &str) -> bool {
        let word = &self.lex(i).word;
        !word.is_empty() && word == w
    }

    /// True when token `i` is one of the words, ignoring case.
    pub fn is_any(&self, i: usize, words: &[&str]) -> bool {
        words.iter().any(|w| self.is(i, w))
    }

    /// True when token `i` is the punctuation mark `p`.
    pub fn punct(&self, i: usize, p: &str) -> bool {
        self.kind(i) == Some(TokenKind::Punct) && self.tx(i) == p
    }

    /// True when token `i` is a dash or hyphen of any kind.
    pub fn dash(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Punct) && matches!(self.tx(i), "-" | "–" | "—" | "‐")
    }

    /// True when token `i` starts with a capital letter.
    pub fn capitalised(&self, i: usize) -> bool {
        self.tx(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// True when tokens `i` and `i + 1` touch (no space between them).
    pub fn touches(&self, i: usize) -> bool {
        match (self.tokens.get(i), self.tokens.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    /// True when there is a line break between tokens `i` and `i + 1`.
    pub fn line_break_after(&self, i: usize) -> bool {
        match (self.tokens.get(i), self.tokens.get(i + 1)) {
            (Some(a), Some(b)) => self
                .text
                .get(a.end..b.start)
                .is_some_and(|s| s.contains('\n')),
            _ => true,
        }
    }

    /// The number at `i` with its digit count, when token `i` is digits.
    pub fn digits(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tokens.get(i)?;
        Some((t.value?, t.end - t.start))
    }

    /// The number at `i` when it stands alone: not glued to letters, currency, a decimal point,
    /// a thousands separator or a percent sign ("A330", "$40", "1,500", "3.5", "15%").
    pub fn standalone(&self, i: usize) -> Option<(u32, usize)> {
        let n = self.digits(i)?;
        if i > 0 && self.touches(i - 1) {
            let before = self.tx(i - 1);
            let modifier = i >= 2 && self.is_any(i - 2, &["mid", "early", "late", "pre", "post"]);
            let glued = self.kind(i - 1) != Some(TokenKind::Punct)
                || matches!(before, "." | "," | "$" | "£" | "€" | "#" | ":" | "/" | "+")
                || (before == "-" && !modifier);
            if glued {
                return None;
            }
        }
        if self.touches(i) {
            let after = self.tx(i + 1);
            let glued = match self.kind(i + 1) {
                Some(TokenKind::Punct) => {
                    matches!(after, "%" | ":" | "/")
                        || (matches!(after, "." | ",")
                            && self.kind(i + 2) == Some(TokenKind::Number)
                            && self.touches(i + 1))
                }
                _ => !self.lex(i + 1).ordinal_suffix,
            };
            if glued {
                return None;
            }
        }
        Some(n)
    }

    /// A day of the month (1–31) at `i`, with an ordinal suffix; returns the day and the next
    /// token.
    pub fn day_number(&self, i: usize) -> Option<(u32, usize)> {
        let (d, len) = self.standalone(i)?;
        if !(1..=31).contains(&d) || len > 2 {
            return None;
        }
        let next = if self.touches(i) && self.lex(i + 1).ordinal_suffix {
            i + 2
        } else {
            i + 1
        };
        Some((d, next))
    }

    /// A month name at `i` (abbreviations need `need_number` context checked by the caller),
    /// returning the month and the next token (after an abbreviation's period).
    pub fn month_at(&self, i: usize) -> Option<(u32, usize, bool)> {
        let lex = self.lex(i);
        let m = lex.month?;
        if !self.capitalised(i) {
            return None;
        }
        let full = lex.full_month;
        let next = if !full && self.punct(i + 1, ".") && self.touches(i) {
            i + 2
        } else {
            i + 1
        };
        Some((m, next, full))
    }

    /// A written four-digit year (1000–2199) at `i`.
    pub fn year_at(&self, i: usize) -> Option<i32> {
        let (y, len) = self.standalone(i)?;
        (len == 4 && (1000..=2199).contains(&y)).then_some(y as i32)
    }

    /// A quantity at `i`: digits, number words ("twenty-five"), "a couple of"; `None` inside
    /// for an unknown number ("several"). Returns the quantity and the next token.
    pub fn quantity(&self, i: usize) -> Option<(Option<f64>, usize)> {
        if let Some((n, _)) = self.standalone(i) {
            return Some((Some(f64::from(n)), i + 1));
        }
        let lex = self.lex(i);
        if self.is(i, "a") && self.is(i + 1, "couple") && self.is(i + 2, "of") {
            return Some((Some(2.0), i + 3));
        }
        if self.is(i, "a") && self.is(i + 1, "few") {
            return Some((None, i + 2));
        }
        if lex.vague_quantity {
            return Some((None, i + 1));
        }
        let mut n = lex.number?;
        let mut next = i + 1;
        if n >= 20
            && self.dash(i + 1)
            && self.touches(i)
            && self.touches(i + 1)
            && let Some(u) = self.lex(i + 2).number.filter(|u| *u < 10)
        {
            n += u;
            next = i + 3;
        }
        if self.is(next, "and") && self.is(next + 1, "a") && self.is(next + 2, "half") {
            return Some((Some(f64::from(n) + 0.5), next + 3));
        }
        Some((Some(f64::from(n)), next))
    }
}

/// A pattern: it reads an expression at a token.
type Pattern = fn(&Scanner, usize) -> Reading;

const DIGITS: Opens = Opens::DIGITS;
const WORD: Opens = Opens::WORD;
const DIGITS_OR_WORD: Opens = Opens::DIGITS.or(Opens::WORD);
const APOSTROPHE: Opens = Opens::APOSTROPHE;
const DIGITS_OR_APOSTROPHE: Opens = Opens::DIGITS.or(Opens::APOSTROPHE);

/// The patterns, tried in this order (the longest reading wins, the earliest on a tie), each
/// with the kinds of token it reads first: it finds nothing at any other token.
const PATTERNS: &[(Pattern, Opens)] = &[
    (calendar::iso_date, DIGITS),
    (calendar::slashed_date, DIGITS),
    (calendar::day_month, DIGITS),
    (calendar::month_day, WORD),
    (calendar::month_year, WORD),
    (calendar::named_month, WORD),
    (calendar::year, DIGITS),
    (calendar::short_year, APOSTROPHE),
    (calendar::decade, DIGITS_OR_APOSTROPHE),
    (calendar::weekday, WORD),
    (calendar::clock, DIGITS_OR_WORD),
    (calendar::quarter, WORD),
    (calendar::season, WORD),
    (relative::deictic, WORD),
    (relative::shifted_unit, WORD),
    (relative::counted_offset, DIGITS_OR_WORD),
    (relative::year_before, WORD),
    (relative::edge_of_period, WORD),
    (relative::vague, WORD),
    (lengths::set, WORD),
    (lengths::duration, DIGITS_OR_WORD),
];

/// The longest reading at token `i`, trying the patterns that open with its kind; most
/// tokens open nothing and are skipped at once.
fn best_at(s: &Scanner, i: usize) -> Reading {
    let kind = starters::opening(s, i)?;
    let mut best: Reading = None;
    for (pattern, _) in PATTERNS.iter().filter(|(_, opens)| opens.has(kind)) {
        if let Some((end, meaning)) = pattern(s, i)
            && end > i
            && best.as_ref().is_none_or(|(e, _)| end > *e)
        {
            best = Some((end, meaning));
        }
    }
    best
}

/// True when a modifier ("early", "late", "mid") may extend this meaning's extent.
fn takes_modifier(m: &Meaning) -> bool {
    matches!(
        m,
        Meaning::Date { .. }
            | Meaning::NamedMonth { .. }
            | Meaning::Year(_)
            | Meaning::Decade { .. }
            | Meaning::Weekday { .. }
            | Meaning::Season { .. }
    )
}

/// Finds every expression in the tokens, left to right, without overlaps.
pub fn scan(s: &Scanner) -> Vec<Found> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < s.len() {
        // "early", "late", "mid" and "mid-" belong to the expression they modify.
        if s.is_any(i, &["early", "late", "mid"]) {
            let j = if s.dash(i + 1) && s.touches(i) {
                i + 2
            } else {
                i + 1
            };
            if let Some((end, meaning)) = best_at(s, j)
                && takes_modifier(&meaning)
            {
                found.push(Found {
                    start: i,
                    end,
                    meaning,
                });
                i = end;
                continue;
            }
        }
        match best_at(s, i) {
            Some((end, meaning)) => {
                found.push(Found {
                    start: i,
                    end,
                    meaning,
                });
                i = end;
            }
            None => i += 1,
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    /// Skipping tokens that open no expression, and patterns that do not open with a token's
    /// kind, loses no reading: on the sample articles, on synthetic articles and on expressions
    /// of every pattern family with every opening word, every pattern's every reading starts
    /// at a token of a kind it declares.
    #[test]
    fn every_reading_opens_with_a_token_its_pattern_declares() {
        let mut texts: Vec<String> = crate::sample::load_sample()
            .articles
            .into_iter()
            .map(|a| a.body)
            .collect();
        let mut synthetic = crate::synth::Generator::new(11, 300);
        texts.extend((0..300).map(|i| synthetic.article(i).body()));
        texts.push(
            "In March, Sept. 5, 5 Sept, Thursday, March 3, the previous Monday, past Tuesday, \
             coming Friday, next Saturday, this spring, next winter, autumn 2009, fourth-quarter \
             results, the second quarter of last year, first quarter, later today, earlier today, \
             later this month, last night, this evening, tomorrow afternoon, the day after \
             tomorrow, the following week, the preceding month, last weekend, this weekend, the \
             year previous, the beginning of next year, the middle of the year, the end of last \
             month, the rest of the year, the remainder of this quarter, the turn of the year, \
             lately, presently, currently, the current crisis, recent years, the recent talks, \
             soon, daily, nightly, monthly, yearly, annually, annual, each Monday morning, every \
             other week, every two years, three times per day, once a month, at midday, by \
             midnight, numerous years, many months, some days, few decades, one hour, ten \
             minutes later, 40 seconds, six straight days, two consecutive quarters, ninety-nine \
             years, a day earlier, three weeks later, two days from now, an hour and a half, \
             for decades, over centuries, within weeks, in months, the last three years, the \
             first two weeks, the final year, a 64-year-old, aged 70, 12 o'clock, 6:40 p.m., \
             8 pm, 18:00 UTC, (1400 GMT), '82, ’90s, 1960s, the 2024 election, 1 to 3 June."
                .to_string(),
        );
        texts.push(
            "On 2023-07-27, 27/07/2023 and 07.08.2023; 26 July 2023, July 26th, July 2023, \
             November of next year, last March, in 2009, the '90s, the 1990s, last Friday, \
             Fridays, at noon, 3 a.m., 0800 GMT, 14:30, the third quarter, last summer, today, \
             Yesterday morning, earlier this year, the previous week, two years ago, the year \
             before, The start of the month, recently, Now, these days, the past, the future, \
             the coming weeks, for years, the past decade, Several months, a couple of days, \
             twenty-five years, three-year terms, Every Monday night, each year, weekly, \
             twice a week, 15 a year, mid-2009, early 2010, late last year, the day before \
             yesterday, Overnight, tonight, A few weeks, the next five years, nowadays."
                .to_string(),
        );
        let mut readings = 0;
        for text in &texts {
            let tokens = tokenize(text);
            let s = Scanner::new(text, &tokens, false);
            for i in 0..s.len() {
                for (pattern, opens) in PATTERNS {
                    if pattern(&s, i).is_some_and(|(end, _)| end > i) {
                        readings += 1;
                        let kind = starters::opening(&s, i);
                        assert!(
                            kind.is_some_and(|k| opens.has(k)),
                            "a reading opens with {:?} ({kind:?})",
                            s.tx(i)
                        );
                    }
                }
            }
        }
        assert!(readings > 2000, "{readings}");
    }
}
