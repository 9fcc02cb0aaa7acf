//! Plain text (`.txt`): the whole file is the article, after an optional publication-date
//! prefix `date YYYY-MM-DD` at the very start (leading whitespace allowed). The article may
//! continue on the same line as the date, as exported corpora often have it.

use super::{Parsed, set_date};
use crate::load::RawArticle;
use crate::load::date::looks_like_date;

/// Parses a plain-text article whose key is `key` (the file stem).
pub fn parse(key: &str, text: &str) -> Parsed {
    let mut raw = RawArticle {
        key: key.to_string(),
        ..RawArticle::default()
    };
    let mut warnings = Vec::new();
    match split_date_prefix(text) {
        Some((date, rest)) => {
            set_date(&mut raw, date, "", &mut warnings);
            raw.text = rest.to_string();
        }
        None => raw.text = text.to_string(),
    }
    if raw.text.trim().is_empty() {
        return Parsed::failed("no article text after the date line");
    }
    Parsed::one(raw, warnings)
}

/// Splits `date 2023-07-27 rest…` into the date token and the rest. The word `date` (any case,
/// an optional colon after it) counts as a prefix only when the next word has the shape of a
/// date (or at least of a number written with separators), so an article that opens with
/// "Date palms…" keeps its first words.
pub fn split_date_prefix(text: &str) -> Option<(&str, &str)> {
    let start = text.trim_start();
    let word = start.get(..4)?;
    if !word.eq_ignore_ascii_case("date") {
        return None;
    }
    let after = start.get(4..)?;
    let after = after.strip_prefix(':').unwrap_or(after);
    if !after.starts_with(char::is_whitespace) {
        return None;
    }
    let after = after.trim_start();
    let end = after.find(char::is_whitespace).unwrap_or(after.len());
    let (token, rest) = after.split_at(end);
    // A numeric date in another layout (2023/07/27, 27.07.2023) is still a date line: it is
    // removed from the text and reported, not taken for the article's first words.
    let numeric_date = token.len() >= 6
        && token.starts_with(|c: char| c.is_ascii_digit())
        && token.contains(['-', '/', '.']);
    (looks_like_date(token) || numeric_date).then_some((token, rest))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn date_prefix_on_the_first_line_with_text_after_it() {
        let p = parse(
            "001",
            " date 2023-07-27 For free alerts.\n\nNiger’s president…",
        );
        let raw = &p.records[0].raw;
        assert_eq!(raw.date, NaiveDate::from_ymd_opt(2023, 7, 27));
        assert!(raw.text.trim_start().starts_with("For free alerts."));
        assert!(p.warnings.is_empty());
    }

    #[test]
    fn no_prefix_and_a_word_that_is_only_date() {
        let p = parse("a", "Date palms grow in Niger.");
        assert_eq!(p.records[0].raw.date, None);
        assert_eq!(p.records[0].raw.text, "Date palms grow in Niger.");
        assert_eq!(split_date_prefix("datelines"), None);
        assert_eq!(
            split_date_prefix("date:  2023-07-27\nX"),
            Some(("2023-07-27", "\nX"))
        );
    }

    #[test]
    fn impossible_date_warns_and_loads_undated() {
        let p = parse("a", "date 2023-02-30\nText.");
        assert_eq!(p.records[0].raw.date, None);
        assert_eq!(p.records[0].raw.text.trim(), "Text.");
        assert!(p.warnings[0].starts_with("impossible date"));
    }

    #[test]
    fn a_date_in_another_layout_is_removed_and_reported() {
        let p = parse("a", "date 2023/07/27 Text.");
        assert_eq!(p.records[0].raw.date, None);
        assert_eq!(p.records[0].raw.text.trim(), "Text.");
        assert!(
            p.warnings[0].contains("\"2023/07/27\" is not a date"),
            "{:?}",
            p.warnings
        );
        // A number without separators is not a date line.
        assert_eq!(
            parse("a", "Date 1 of the tour.").records[0].raw.text,
            "Date 1 of the tour."
        );
    }

    #[test]
    fn a_date_line_alone_is_no_article() {
        assert!(parse("a", "date 2023-07-27\n").failure.is_some());
    }
}
