//! Text utilities shared by loading and extraction.
//!
//! The loader runs [`clean::clean_body`] once on every article; everything after it works on
//! the cleaned body and its byte spans.

pub mod abbreviations;
pub mod captions;
pub mod clean;
pub mod furniture;
pub mod offsets;
pub mod paragraphs;
pub mod sanitize;
pub mod sentences;
pub mod words;
