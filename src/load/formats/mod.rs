//! One parser per input format. Each turns a file's decoded text into raw articles and the
//! problems it met; cleaning, sanitising and sentence splitting happen later, once, for all.

pub mod html;
pub mod html_text;
pub mod json;
pub mod json_ld;
pub mod markdown;
pub mod markdown_text;
pub mod text;

use super::RawArticle;

/// One article a parser found, with its place in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The article, text not yet cleaned.
    pub raw: RawArticle,
    /// For JSON arrays the 0-based index, for JSON Lines the 1-based line; `None` otherwise.
    pub record: Option<usize>,
}

/// What a parser made of one file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    /// The articles, in file order.
    pub records: Vec<Record>,
    /// Problems that did not stop the file from loading, one sentence each, starting with the
    /// line or record when known.
    pub warnings: Vec<String>,
    /// Why nothing at all could be read from the file, when that is the case.
    pub failure: Option<String>,
}

impl Parsed {
    /// A file that holds one article.
    pub fn one(raw: RawArticle, warnings: Vec<String>) -> Parsed {
        Parsed {
            records: vec![Record { raw, record: None }],
            warnings,
            failure: None,
        }
    }

    /// A file from which nothing could be read, and why.
    pub fn failed(reason: impl Into<String>) -> Parsed {
        Parsed {
            failure: Some(reason.into()),
            ..Parsed::default()
        }
    }
}

/// Applies a metadata date to `raw`, or records why the article loads undated.
pub fn set_date(raw: &mut RawArticle, value: &str, context: &str, warnings: &mut Vec<String>) {
    match super::date::read_date(value) {
        Ok(date) => raw.date = Some(date),
        Err(message) => warnings.push(format!("{context}{message}")),
    }
}
