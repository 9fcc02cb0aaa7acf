//! Hand-built articles for the unit tests of the quote and source finders.

use std::path::PathBuf;

use crate::load::{RawArticle, finish_article};
use crate::model::{Article, ArticleId, Format, Origin};

/// An article with id 0 made from `text` through the loader's own finishing step.
pub(crate) fn article(text: &str) -> Article {
    let raw = RawArticle {
        key: "t".to_string(),
        text: text.to_string(),
        ..RawArticle::default()
    };
    let origin = Origin {
        path: PathBuf::from("t.txt"),
        format: Format::Inline,
        record: None,
    };
    finish_article(raw, ArticleId(0), origin)
}
