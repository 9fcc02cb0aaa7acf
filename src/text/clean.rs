//! Cleaning an article's raw text: line endings and whitespace normalised, paragraphs kept,
//! page furniture and photo captions set aside, and the result sanitised for the terminal.
//!
//! STUB: the text helper replaces this with the full rules.

use crate::model::{Caption, Span};

/// The cleaned body of one article and what was set aside from it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CleanText {
    /// The body: paragraphs separated by exactly one blank line (`\n\n`).
    pub body: String,
    /// The paragraphs' spans in `body`.
    pub paragraphs: Vec<Span>,
    /// Photo captions removed from the body.
    pub captions: Vec<Caption>,
    /// Page furniture removed from the body (sign-up forms, calls to action).
    pub furniture: Vec<String>,
}

/// Cleans `raw` (one article's text as read, after any format-specific parsing).
pub fn clean_body(raw: &str) -> CleanText {
    let normalised = raw.replace("\r\n", "\n").replace('\r', "\n");
    let paragraphs = crate::text::paragraphs::split_paragraphs(&normalised);
    let mut body = String::new();
    let mut spans = Vec::new();
    for p in paragraphs {
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        let text = super::sanitize::sanitize(p.slice(&normalised));
        let start = body.len();
        body.push_str(&text);
        spans.push(Span::new(start, body.len()));
    }
    CleanText {
        body,
        paragraphs: spans,
        captions: Vec::new(),
        furniture: Vec::new(),
    }
}
