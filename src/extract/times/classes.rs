//! One classification per word: a table from a lowercase word to every class the grammar asks
//! about (month, weekday, unit, number word, ordinal, season, part of the day, vague quantity,
//! time preposition, ordinal suffix, look-ahead cue, and whether an expression may open with
//! it). The tokeniser looks each word up once; the patterns then read fields of its
//! [`WordClasses`] instead of searching the word lists one after another for every candidate
//! token, which is where most of the stage's time went.
//!
//! The table is built once from the lists in [`super::lexicon`], [`super::context`] and
//! [`super::starters`], plus [`COMPARED`], the other words patterns compare tokens with.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::lexicon::{self, Unit};
use super::{context, starters};

/// Everything the grammar knows about one word. A word in no list reads as [`NONE`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordClasses {
    /// The word in lowercase; "" for a word in no list.
    pub word: String,
    /// The month (1–12) it names, in full or abbreviated.
    pub month: Option<u32>,
    /// True for a month's full name ("May", not "Sept").
    pub full_month: bool,
    /// The ISO weekday (1 = Monday) it names, and whether it is plural ("Fridays").
    pub weekday: Option<(u32, bool)>,
    /// The value of a number word ("twelve", "a").
    pub number: Option<u32>,
    /// True for a word that counts an unknown number ("several").
    pub vague_quantity: bool,
    /// The TimeML code of the part of the day it names.
    pub part_of_day: Option<&'static str>,
    /// The unit of time it names, and whether it is plural.
    pub unit: Option<(Unit, bool)>,
    /// The TimeML code of the season it names.
    pub season: Option<&'static str>,
    /// The value of an ordinal word ("third").
    pub ordinal: Option<u32>,
    /// True for the letters that make digits an ordinal ("th").
    pub ordinal_suffix: bool,
    /// True for a word after which a month name or a year reads as a date ("in").
    pub time_preposition: bool,
    /// What the word says about time: `Some(true)` ahead ("will"), `Some(false)` past ("said").
    pub cue: Option<bool>,
    /// True when a pattern may read an expression that opens with this word.
    pub opens: bool,
}

/// The classes of a word in no list.
pub static NONE: WordClasses = WordClasses {
    word: String::new(),
    month: None,
    full_month: false,
    weekday: None,
    number: None,
    vague_quantity: false,
    part_of_day: None,
    unit: None,
    season: None,
    ordinal: None,
    ordinal_suffix: false,
    time_preposition: false,
    cue: None,
    opens: false,
};

impl WordClasses {
    /// True for a weekday's or a month's full name (not a plural, not an abbreviation).
    pub fn is_day_or_month_name(&self) -> bool {
        self.full_month || self.weekday.is_some_and(|(_, plural)| !plural)
    }
}

/// Words the patterns compare tokens with (`Scanner::is`, `Scanner::is_any`, matches on
/// `Scanner::lower`) that the lists may not hold. A word compared there must be listed here or
/// in a list, or it would never match: a test reads the patterns' sources to check.
const COMPARED: &[&str] = &[
    "a",
    "about",
    "additional",
    "after",
    "aged",
    "ago",
    "almost",
    "am",
    "an",
    "and",
    "annual",
    "annually",
    "as",
    "at",
    "because",
    "before",
    "beginning",
    "budget",
    "but",
    "by",
    "census",
    "clock",
    "coming",
    "consecutive",
    "couple",
    "current",
    "currently",
    "daily",
    "day",
    "days",
    "during",
    "each",
    "earlier",
    "early",
    "election",
    "elections",
    "end",
    "every",
    "fall",
    "few",
    "final",
    "first",
    "following",
    "for",
    "from",
    "full",
    "further",
    "future",
    "had",
    "half",
    "has",
    "her",
    "his",
    "in",
    "is",
    "its",
    "just",
    "last",
    "late",
    "lately",
    "later",
    "least",
    "long",
    "m",
    "mid",
    "midday",
    "middle",
    "midnight",
    "monthly",
    "more",
    "my",
    "nearly",
    "next",
    "nightly",
    "noon",
    "now",
    "nowadays",
    "o",
    "of",
    "old",
    "olds",
    "on",
    "once",
    "one",
    "or",
    "other",
    "our",
    "over",
    "overnight",
    "p",
    "past",
    "per",
    "pm",
    "post",
    "pre",
    "preceding",
    "presently",
    "previous",
    "prior",
    "quarter",
    "recent",
    "recently",
    "remainder",
    "rest",
    "s",
    "saw",
    "season",
    "several",
    "since",
    "soon",
    "start",
    "straight",
    "than",
    "that",
    "the",
    "their",
    "these",
    "this",
    "through",
    "times",
    "to",
    "today",
    "tomorrow",
    "tonight",
    "turn",
    "twice",
    "until",
    "was",
    "weekend",
    "weekly",
    "were",
    "when",
    "where",
    "which",
    "while",
    "whole",
    "with",
    "within",
    "year",
    "yearly",
    "yesterday",
    "your",
];

/// The entry for `word` (lowercase), added empty when new.
fn entry<'t>(table: &'t mut FxHashMap<u128, WordClasses>, word: &str) -> &'t mut WordClasses {
    // Every listed word is short lowercase ASCII letters and has a key (a test checks that
    // each is found under it).
    let k = key(word).unwrap_or_default();
    table.entry(k).or_insert_with(|| WordClasses {
        word: word.to_string(),
        ..NONE.clone()
    })
}

/// Reads every list into one table.
fn build() -> FxHashMap<u128, WordClasses> {
    let mut t = FxHashMap::default();
    for &(w, m, full) in lexicon::MONTHS {
        let e = entry(&mut t, w);
        e.month = Some(m);
        e.full_month = full;
    }
    for &(w, d) in lexicon::WEEKDAYS {
        entry(&mut t, w).weekday = Some((d, false));
        entry(&mut t, &format!("{w}s")).weekday = Some((d, true));
    }
    for &(w, n) in lexicon::NUMBER_WORDS {
        entry(&mut t, w).number = Some(n);
    }
    for &w in lexicon::VAGUE_QUANTITIES {
        entry(&mut t, w).vague_quantity = true;
    }
    for &(w, code) in lexicon::PARTS_OF_DAY {
        entry(&mut t, w).part_of_day = Some(code);
    }
    for &(w, u) in lexicon::UNITS {
        entry(&mut t, w).unit = Some((u, false));
        entry(&mut t, &format!("{w}s")).unit = Some((u, true));
    }
    for &(w, u) in lexicon::IRREGULAR_UNIT_PLURALS {
        entry(&mut t, w).unit = Some((u, true));
    }
    for &(w, code) in lexicon::SEASONS {
        entry(&mut t, w).season = Some(code);
    }
    for &(w, n) in lexicon::ORDINALS {
        entry(&mut t, w).ordinal = Some(n);
    }
    for &w in lexicon::ORDINAL_SUFFIXES {
        entry(&mut t, w).ordinal_suffix = true;
    }
    for &w in lexicon::TIME_PREPOSITIONS {
        entry(&mut t, w).time_preposition = true;
    }
    // A word on both cue lists looks ahead, as the look-ahead list is read first.
    for &w in context::PAST {
        entry(&mut t, w).cue = Some(false);
    }
    for &w in context::AHEAD {
        entry(&mut t, w).cue = Some(true);
    }
    for &w in starters::OPENING_WORDS {
        entry(&mut t, w).opens = true;
    }
    for &w in COMPARED {
        entry(&mut t, w);
    }
    for c in t.values_mut() {
        c.opens |= starters::opens_by_class(c);
    }
    t
}

/// The table, built on first use.
fn table() -> &'static FxHashMap<u128, WordClasses> {
    static TABLE: OnceLock<FxHashMap<u128, WordClasses>> = OnceLock::new();
    TABLE.get_or_init(build)
}

/// The longest word a key holds; every listed word is shorter.
const LONGEST: usize = 16;

/// A word's key: its bytes, each with the 0x20 bit set, packed into one number, which
/// hashes and compares in a few instructions, unlike a string. Setting that bit lowercases an
/// ASCII letter and turns no other byte into a lowercase letter, so a word's key is a listed
/// word's key exactly when the word is that listed word in some letter case (every listed
/// word is lowercase ASCII letters). A word longer than [`LONGEST`] has no key.
fn key(word: &str) -> Option<u128> {
    const LOWERCASE: u128 = u128::from_le_bytes([0x20; LONGEST]);
    let bytes = word.as_bytes();
    let mut buf = [0u8; LONGEST];
    buf.get_mut(..bytes.len())?.copy_from_slice(bytes);
    // The bit for the word's own bytes only: the padding stays zero.
    let shift = 8 * (LONGEST - bytes.len()) as u32;
    let lowercase = LOWERCASE.checked_shr(shift).unwrap_or(0);
    Some(u128::from_le_bytes(buf) | lowercase)
}

/// The classes of `word` in any letter case ([`NONE`] when it is in no list).
pub fn of(word: &str) -> &'static WordClasses {
    key(word).and_then(|k| table().get(&k)).unwrap_or(&NONE)
}

#[cfg(test)]
mod tests;
