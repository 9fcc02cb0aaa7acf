//! Sentence splitting with byte spans.
//!
//! STUB: the text helper replaces this with the full splitter (abbreviations, initials,
//! quotations that end with the sentence, paragraph breaks).

use crate::model::{Sentence, Span};

/// Splits `body` into sentences, never across the given paragraphs.
pub fn split_sentences(body: &str, paragraphs: &[Span]) -> Vec<Sentence> {
    paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.slice(body).trim().is_empty())
        .map(|(i, p)| Sentence {
            span: *p,
            paragraph: i as u32,
        })
        .collect()
}
