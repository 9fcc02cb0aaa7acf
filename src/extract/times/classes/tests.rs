//! The per-word classes against the word lookups they replaced: for every word of every old
//! list (with plurals and near misses), in any letter case, the table gives the same answers.

use super::super::{context, starters, tokens};
use super::*;

/// The word lookups as they were before the table, kept here as the reference.
mod old {
    use super::super::super::lexicon::Unit;

    /// The month (1–12) a word names: full names, and the usual abbreviations.
    pub(super) fn month(word: &str) -> Option<u32> {
        let m = match word.to_ascii_lowercase().as_str() {
            "january" | "jan" => 1,
            "february" | "feb" => 2,
            "march" | "mar" => 3,
            "april" | "apr" => 4,
            "may" => 5,
            "june" | "jun" => 6,
            "july" | "jul" => 7,
            "august" | "aug" => 8,
            "september" | "sep" | "sept" => 9,
            "october" | "oct" => 10,
            "november" | "nov" => 11,
            "december" | "dec" => 12,
            _ => return None,
        };
        Some(m)
    }

    /// True when the word is a month's full name (abbreviations need a number next to them).
    pub(super) fn is_full_month_name(word: &str) -> bool {
        word.len() >= 3
            && month(word).is_some()
            && !matches!(
                word.to_ascii_lowercase().as_str(),
                "jan"
                    | "feb"
                    | "mar"
                    | "apr"
                    | "jun"
                    | "jul"
                    | "aug"
                    | "sep"
                    | "sept"
                    | "oct"
                    | "nov"
                    | "dec"
            )
    }

    /// True for a weekday's or a month's full name in any case ("Monday", "may"): words that
    /// other extractors treat as neither content nor names.
    pub(super) fn is_day_or_month_name(word: &str) -> bool {
        is_full_month_name(word) || weekday(word).is_some_and(|(_, plural)| !plural)
    }

    /// The ISO weekday (1 = Monday … 7 = Sunday) a word names, and whether it is plural
    /// ("Fridays", which makes a set).
    pub(super) fn weekday(word: &str) -> Option<(u32, bool)> {
        let lower = word.to_ascii_lowercase();
        let w = lower.as_str();
        let (stem, plural) = match w.strip_suffix('s') {
            Some(s) if s.ends_with("day") => (s, true),
            _ => (w, false),
        };
        let d = match stem {
            "monday" => 1,
            "tuesday" => 2,
            "wednesday" => 3,
            "thursday" => 4,
            "friday" => 5,
            "saturday" => 6,
            "sunday" => 7,
            _ => return None,
        };
        Some((d, plural))
    }

    /// The value of a number word from one to ninety, and "a"/"an" (one).
    pub(super) fn number_word(word: &str) -> Option<u32> {
        let n = match word.to_ascii_lowercase().as_str() {
            "a" | "an" | "one" => 1,
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            "eight" => 8,
            "nine" => 9,
            "ten" => 10,
            "eleven" => 11,
            "twelve" => 12,
            "thirteen" => 13,
            "fourteen" => 14,
            "fifteen" => 15,
            "sixteen" => 16,
            "seventeen" => 17,
            "eighteen" => 18,
            "nineteen" => 19,
            "twenty" => 20,
            "thirty" => 30,
            "forty" => 40,
            "fifty" => 50,
            "sixty" => 60,
            "seventy" => 70,
            "eighty" => 80,
            "ninety" => 90,
            "hundred" => 100,
            _ => return None,
        };
        Some(n)
    }

    /// Words for an unknown number of units ("several years" is `PXY`).
    pub(super) fn vague_quantity(word: &str) -> bool {
        matches!(
            word.to_ascii_lowercase().as_str(),
            "several" | "few" | "many" | "some" | "numerous"
        )
    }

    /// The TimeML code of a part of the day.
    pub(super) fn part_of_day(word: &str) -> Option<&'static str> {
        let p = match word.to_ascii_lowercase().as_str() {
            "morning" => "MO",
            "afternoon" => "AF",
            "evening" => "EV",
            "night" => "NI",
            _ => return None,
        };
        Some(p)
    }

    /// The unit a word names, and whether the word is plural.
    pub(super) fn unit(word: &str) -> Option<(Unit, bool)> {
        let lower = word.to_ascii_lowercase();
        let w = lower.as_str();
        let (stem, plural) = match w {
            "centuries" => ("century", true),
            _ => match w.strip_suffix('s') {
                Some(s) => (s, true),
                None => (w, false),
            },
        };
        let u = match stem {
            "second" => Unit::Second,
            "minute" | "min" => Unit::Minute,
            "hour" | "hr" => Unit::Hour,
            "day" => Unit::Day,
            "week" => Unit::Week,
            "month" => Unit::Month,
            "quarter" => Unit::Quarter,
            "year" => Unit::Year,
            "decade" => Unit::Decade,
            "century" => Unit::Century,
            _ => return None,
        };
        Some((u, plural))
    }

    /// The TimeML code of a season.
    pub(super) fn season(word: &str) -> Option<&'static str> {
        let s = match word.to_ascii_lowercase().as_str() {
            "spring" => "SP",
            "summer" => "SU",
            "autumn" | "fall" => "FA",
            "winter" => "WI",
            _ => return None,
        };
        Some(s)
    }

    /// Ordinal words for quarters and weeks.
    pub(super) fn ordinal(word: &str) -> Option<u32> {
        let n = match word.to_ascii_lowercase().as_str() {
            "first" => 1,
            "second" => 2,
            "third" => 3,
            "fourth" => 4,
            _ => return None,
        };
        Some(n)
    }

    /// Suffixes that make a digit an ordinal ("27th").
    pub(super) fn is_ordinal_suffix(word: &str) -> bool {
        matches!(
            word.to_ascii_lowercase().as_str(),
            "st" | "nd" | "rd" | "th"
        )
    }

    /// Words after which a capitalised month name or a four-digit number reads as a date.
    pub(super) fn is_time_preposition(word: &str) -> bool {
        matches!(
            word.to_ascii_lowercase().as_str(),
            "in" | "on"
                | "since"
                | "until"
                | "till"
                | "by"
                | "of"
                | "from"
                | "to"
                | "between"
                | "and"
                | "before"
                | "after"
                | "during"
                | "through"
                | "throughout"
                | "early"
                | "late"
                | "mid"
                | "last"
                | "next"
                | "this"
                | "that"
                | "past"
                | "around"
                | "circa"
                | "or"
        )
    }
}

/// Every word the old lookups matched on (before their plural `s`).
const OLD_WORDS: &[&str] = &[
    "a",
    "after",
    "afternoon",
    "an",
    "and",
    "apr",
    "april",
    "around",
    "aug",
    "august",
    "autumn",
    "before",
    "between",
    "by",
    "centuries",
    "century",
    "circa",
    "day",
    "dec",
    "decade",
    "december",
    "during",
    "early",
    "eight",
    "eighteen",
    "eighty",
    "eleven",
    "evening",
    "fall",
    "feb",
    "february",
    "few",
    "fifteen",
    "fifty",
    "first",
    "five",
    "forty",
    "four",
    "fourteen",
    "fourth",
    "friday",
    "from",
    "hour",
    "hr",
    "hundred",
    "in",
    "jan",
    "january",
    "jul",
    "july",
    "jun",
    "june",
    "last",
    "late",
    "many",
    "mar",
    "march",
    "may",
    "mid",
    "min",
    "minute",
    "monday",
    "month",
    "morning",
    "nd",
    "next",
    "night",
    "nine",
    "nineteen",
    "ninety",
    "nov",
    "november",
    "numerous",
    "oct",
    "october",
    "of",
    "on",
    "one",
    "or",
    "past",
    "quarter",
    "rd",
    "saturday",
    "second",
    "sep",
    "sept",
    "september",
    "seven",
    "seventeen",
    "seventy",
    "several",
    "since",
    "six",
    "sixteen",
    "sixty",
    "some",
    "spring",
    "st",
    "summer",
    "sunday",
    "ten",
    "th",
    "that",
    "third",
    "thirteen",
    "thirty",
    "this",
    "three",
    "through",
    "throughout",
    "thursday",
    "till",
    "to",
    "tuesday",
    "twelve",
    "twenty",
    "two",
    "until",
    "wednesday",
    "week",
    "winter",
    "year",
];

/// `word` in lowercase, uppercase, capitalised and alternating case.
fn casings(word: &str) -> Vec<String> {
    let mut capitalised = word.to_string();
    if let Some(first) = capitalised.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    let alternating = word
        .chars()
        .enumerate()
        .map(|(i, c)| {
            if i % 2 == 0 {
                c.to_ascii_uppercase()
            } else {
                c
            }
        })
        .collect();
    vec![
        word.to_string(),
        word.to_ascii_uppercase(),
        capitalised,
        alternating,
    ]
}

/// The words to compare: the old lists' words with plurals and near misses, every word of the
/// table, and every word of the sample articles.
fn words() -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for w in OLD_WORDS {
        words.push(w.to_string());
        words.push(format!("{w}s"));
        words.push(format!("{w}ss"));
        words.push(w.chars().skip(1).collect());
        words.push(w.get(..w.len() - 1).unwrap_or("").to_string());
    }
    words.extend(table().values().map(|c| c.word.clone()));
    for article in crate::sample::load_sample().articles {
        let text = &article.body;
        for t in tokens::tokenize(text) {
            if t.kind == tokens::TokenKind::Word {
                words.push(text.get(t.start..t.end).unwrap_or("").to_string());
            }
        }
    }
    words.extend(
        [
            "",
            "s",
            "centurys",
            "wednesdayss",
            "septembers",
            "décembre",
            "Ⅻ",
        ]
        .map(String::from),
    );
    words.push("a".repeat(40));
    words.push(format!("{}january", "x".repeat(20)));
    words
}

/// What the old look-ahead cue lists said of a word (the "-ed" rule stays in `context`).
fn old_cue(word: &str) -> Option<bool> {
    let w = word.to_ascii_lowercase();
    if context::AHEAD.contains(&w.as_str()) {
        Some(true)
    } else if context::PAST.contains(&w.as_str()) {
        Some(false)
    } else {
        None
    }
}

#[test]
fn every_class_matches_the_old_lookups_in_any_case() {
    let mut listed = 0;
    for base in words() {
        for w in casings(&base) {
            let c = of(&w);
            assert_eq!(c.month, old::month(&w), "month {w:?}");
            assert_eq!(
                c.full_month,
                old::is_full_month_name(&w),
                "full month {w:?}"
            );
            assert_eq!(
                c.is_day_or_month_name(),
                old::is_day_or_month_name(&w),
                "{w:?}"
            );
            assert_eq!(c.weekday, old::weekday(&w), "weekday {w:?}");
            assert_eq!(c.number, old::number_word(&w), "number {w:?}");
            assert_eq!(c.vague_quantity, old::vague_quantity(&w), "vague {w:?}");
            assert_eq!(c.part_of_day, old::part_of_day(&w), "part of day {w:?}");
            assert_eq!(c.unit, old::unit(&w), "unit {w:?}");
            assert_eq!(c.season, old::season(&w), "season {w:?}");
            assert_eq!(c.ordinal, old::ordinal(&w), "ordinal {w:?}");
            assert_eq!(c.ordinal_suffix, old::is_ordinal_suffix(&w), "suffix {w:?}");
            assert_eq!(
                c.time_preposition,
                old::is_time_preposition(&w),
                "prep {w:?}"
            );
            assert_eq!(c.cue, old_cue(&w), "cue {w:?}");
            let lower = w.to_ascii_lowercase();
            let opens = starters::OPENING_WORDS.contains(&lower.as_str())
                || old::month(&w).is_some()
                || old::weekday(&w).is_some()
                || old::unit(&w).is_some()
                || old::season(&w).is_some()
                || old::ordinal(&w).is_some()
                || old::number_word(&w).is_some()
                || old::vague_quantity(&w);
            assert_eq!(c.opens, opens, "opens {w:?}");
            if !c.word.is_empty() {
                listed += 1;
                assert_eq!(c.word, lower, "{w:?}");
            }
        }
    }
    assert!(listed > 1000, "{listed}");
}

#[test]
fn words_table() {
    assert_eq!(of("July").month, Some(7));
    assert_eq!(of("Sept").month, Some(9));
    assert!(!of("Sept").full_month);
    assert!(of("May").full_month);
    assert_eq!(of("Fridays").weekday, Some((5, true)));
    assert_eq!(of("thursday").weekday, Some((4, false)));
    assert_eq!(of("days").weekday, None);
    assert_eq!(of("fifteen").number, Some(15));
    assert_eq!(of("minutes").unit, Some((Unit::Minute, true)));
    assert_eq!(of("centuries").unit, Some((Unit::Century, true)));
    assert_eq!(of("Morning").part_of_day, Some("MO"));
    assert_eq!(of("autumn").season, Some("FA"));
    assert_eq!(of("WILL").cue, Some(true));
    assert_eq!(of("Niger"), &NONE);
}

/// A word a pattern compares a token with must be in the table, or the comparison could never
/// succeed (`Scanner::is` answers from the table). Reads every lowercase word literal in the
/// code (not the comments) of the patterns.
#[test]
fn every_word_the_patterns_compare_is_in_the_table() {
    let sources = [
        include_str!("../grammar.rs"),
        include_str!("../calendar.rs"),
        include_str!("../relative.rs"),
        include_str!("../lengths.rs"),
    ];
    let mut seen = 0;
    for source in sources {
        for line in source.lines() {
            let code = line.split("//").next().unwrap_or("");
            let mut parts = code.split('"');
            let mut before = parts.next().unwrap_or("");
            while let (Some(literal), Some(after)) = (parts.next(), parts.next()) {
                let byte_string = before.ends_with('b');
                if !byte_string
                    && !literal.is_empty()
                    && literal.bytes().all(|b| b.is_ascii_lowercase())
                {
                    seen += 1;
                    assert_eq!(of(literal).word, literal, "{literal:?} is in no list");
                }
                before = after;
            }
        }
    }
    assert!(seen > 150, "{seen}");
}

/// Every word of the table is found under its own key, and bytes no listed word has (NUL,
/// non-ASCII, a seventeenth letter) leave a word unlisted rather than read as another.
#[test]
fn every_listed_word_has_its_own_key() {
    assert!(table().len() > 250, "{}", table().len());
    for c in table().values() {
        assert!(!c.word.is_empty());
        assert!(c.word.bytes().all(|b| b.is_ascii_lowercase()), "{}", c.word);
        assert_eq!(of(&c.word), c);
        assert_eq!(of(&c.word.to_ascii_uppercase()), c);
    }
    for unlisted in [
        "may\0",
        "\0may",
        "mäy",
        "may\u{e9}",
        "thursdaythursday",
        "a\0",
    ] {
        assert_eq!(of(unlisted), &NONE, "{unlisted:?}");
    }
    assert_eq!(of("may").month, Some(5));
}
