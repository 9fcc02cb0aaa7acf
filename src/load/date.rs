//! Publication dates: `YYYY-MM-DD` or an ISO 8601 date-time (and RFC 2822, as feeds write it).

use chrono::{DateTime, NaiveDate, NaiveDateTime};

/// Parses `YYYY-MM-DD`, or an ISO 8601 / RFC 3339 date-time (with or without an offset or
/// fractional seconds), or an RFC 2822 date as news feeds write it, to the calendar date it
/// names. An impossible date (2023-02-30) or any other text gives `None`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt.date_naive());
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, format) {
            return Some(dt.date());
        }
    }
    // Offsets without a colon (+0100) or without seconds, as some sites write them.
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%#z",
        "%Y-%m-%d %H:%M:%S%.f%#z",
    ] {
        if let Ok(dt) = DateTime::parse_from_str(s, format) {
            return Some(dt.date_naive());
        }
    }
    // News feeds (RSS `pubDate`) write RFC 2822: "Thu, 27 Jul 2023 14:05:00 GMT".
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(dt.date_naive());
    }
    None
}

/// True when `s` has the shape of a date (`NNNN-NN-NN` at the start) whether or not it is a
/// possible one: tells "impossible date" apart from "not a date" in warnings.
pub fn looks_like_date(s: &str) -> bool {
    let b = s.trim().as_bytes();
    // Every index below is under 10, and the length is checked first.
    b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
}

/// Reads a publication date given as metadata, or says in one sentence why the article loads
/// undated: the message tells an impossible date (`2023-02-30`) apart from text that is not a
/// date at all.
pub fn read_date(s: &str) -> Result<NaiveDate, String> {
    if let Some(date) = parse_date(s) {
        return Ok(date);
    }
    let shown: String = s.trim().chars().take(40).collect();
    let ymd = s.trim().get(..10).unwrap_or("");
    if looks_like_date(s) && NaiveDate::parse_from_str(ymd, "%Y-%m-%d").is_err() {
        Err(format!("impossible date \"{shown}\"; loaded undated"))
    } else {
        Err(format!(
            "\"{shown}\" is not a date (expected YYYY-MM-DD or an ISO 8601 date-time); loaded undated"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn plain_and_iso_date_times() {
        assert_eq!(parse_date("2023-07-27"), d(2023, 7, 27));
        assert_eq!(parse_date(" 2023-07-27T14:05:00Z "), d(2023, 7, 27));
        assert_eq!(parse_date("2023-07-27T23:30:00-05:00"), d(2023, 7, 27));
        assert_eq!(parse_date("2023-07-27T14:05:00.123+01:00"), d(2023, 7, 27));
        assert_eq!(parse_date("2023-07-27T14:05:00"), d(2023, 7, 27));
        assert_eq!(parse_date("2023-07-27T14:05:00+0100"), d(2023, 7, 27));
        assert_eq!(parse_date("2023-07-27T14:05Z"), d(2023, 7, 27));
        assert_eq!(parse_date("2023-07-27 14:05"), d(2023, 7, 27));
        assert_eq!(parse_date("2023-07-27 14:05:00+00:00"), d(2023, 7, 27));
        assert_eq!(parse_date("Thu, 27 Jul 2023 14:05:00 GMT"), d(2023, 7, 27));
    }

    #[test]
    fn impossible_and_foreign_dates_are_none() {
        assert_eq!(parse_date("2023-02-30"), None);
        assert!(looks_like_date("2023-02-30"));
        assert_eq!(parse_date("July 27, 2023"), None);
        assert!(!looks_like_date("July 27"));
        assert_eq!(parse_date(""), None);
    }

    #[test]
    fn read_date_explains_why_a_date_is_refused() {
        assert_eq!(
            read_date("2023-07-27"),
            Ok(NaiveDate::from_ymd_opt(2023, 7, 27).unwrap())
        );
        let impossible = read_date("2023-02-30").unwrap_err();
        assert!(
            impossible.starts_with("impossible date \"2023-02-30\""),
            "{impossible}"
        );
        let foreign = read_date("last Tuesday").unwrap_err();
        assert!(foreign.contains("is not a date"), "{foreign}");
        // Date-shaped and possible, but with a broken time: not a date, not impossible.
        assert!(
            read_date("2023-07-27Tnoon")
                .unwrap_err()
                .contains("is not a date")
        );
    }
}
