//! How calendar dates are written by serde: as `2023-07-26` in human-readable formats (JSON
//! output), as a day number in binary ones (the model cache).
//!
//! chrono writes a `NaiveDate` as text everywhere; reading text back runs its format parser,
//! which was a tenth of the time taken to reopen a cached corpus of 100,000 articles (millions
//! of dates: one per event, time expression and article). A day number is read in a few
//! instructions. Use with `#[serde(with = "date_format")]`, or `date_format::optional` for an
//! `Option<NaiveDate>`.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer, de::Error};

/// Writes `date` as text for people, as its day number (days from 1 January of year 1, that
/// day being 1) for machines.
pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
    if serializer.is_human_readable() {
        date.serialize(serializer)
    } else {
        serializer.serialize_i32(date.num_days_from_ce())
    }
}

/// Reads what [`serialize`] wrote; a day number out of chrono's range is an error, not a panic.
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    if deserializer.is_human_readable() {
        NaiveDate::deserialize(deserializer)
    } else {
        let days = i32::deserialize(deserializer)?;
        NaiveDate::from_num_days_from_ce_opt(days)
            .ok_or_else(|| D::Error::custom(format!("day number {days} is not a date")))
    }
}

/// The same for an optional date.
pub mod optional {
    use super::*;

    /// Carries a date through [`super::serialize`] inside an `Option`.
    #[derive(Serialize, Deserialize)]
    struct Date(#[serde(with = "super")] NaiveDate);

    /// Writes `date` as [`super::serialize`] does, or nothing.
    pub fn serialize<S: Serializer>(
        date: &Option<NaiveDate>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        date.map(Date).serialize(serializer)
    }

    /// Reads what [`serialize`] wrote.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<NaiveDate>, D::Error> {
        Ok(Option::<Date>::deserialize(deserializer)?.map(|Date(d)| d))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Dated {
        #[serde(with = "super")]
        day: NaiveDate,
        #[serde(with = "optional")]
        maybe: Option<NaiveDate>,
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a valid date written in the test")
    }

    #[test]
    fn people_read_text_and_machines_a_day_number() {
        let value = Dated {
            day: date(2023, 7, 26),
            maybe: Some(date(2020, 1, 1)),
        };
        let json = serde_json::to_string(&value).expect("JSON encodes any value");
        assert_eq!(json, r#"{"day":"2023-07-26","maybe":"2020-01-01"}"#);
        assert_eq!(serde_json::from_str::<Dated>(&json).ok(), Some(value));
        let none = Dated {
            day: date(1, 1, 1),
            maybe: None,
        };
        let bytes = postcard::to_allocvec(&none).expect("postcard encodes any value");
        // Day 1 as a zigzag varint (2), then the `None` tag (0): no text.
        assert_eq!(bytes, [2, 0]);
    }

    #[test]
    fn binary_round_trips_at_the_ends_of_the_calendar() {
        for day in [
            NaiveDate::MIN,
            date(-44, 3, 15),
            date(2023, 7, 26),
            NaiveDate::MAX,
        ] {
            let value = Dated {
                day,
                maybe: Some(day),
            };
            let bytes = postcard::to_allocvec(&value).expect("postcard encodes any value");
            assert_eq!(postcard::from_bytes::<Dated>(&bytes).ok(), Some(value));
        }
    }

    #[test]
    fn a_day_number_out_of_range_is_an_error() {
        let bytes = postcard::to_allocvec(&(i32::MAX, None::<i32>)).expect("encodes");
        assert!(postcard::from_bytes::<Dated>(&bytes).is_err());
    }
}
