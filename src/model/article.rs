use std::path::PathBuf;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{ArticleId, Span};

/// The file format an article was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text, with an optional `date YYYY-MM-DD` prefix.
    Text,
    /// Markdown with a `---` front-matter block.
    Markdown,
    /// One JSON article object or an array of them.
    Json,
    /// JSON Lines: one article object a line.
    Jsonl,
    /// HTML as saved from a browser.
    Html,
    /// Handed over directly (for example by `dossier extract` on standard input).
    Inline,
}

impl Format {
    /// The lowercase name used in reports (`text`, `markdown`, …).
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Html => "html",
            Format::Inline => "inline",
        }
    }
}

/// Where an article came from: the file, its format, and the record within it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    /// The file as the user named or the walk found it.
    pub path: PathBuf,
    /// The format it was parsed as.
    pub format: Format,
    /// For JSON arrays the 0-based index, for JSON Lines the 1-based line; `None` otherwise.
    pub record: Option<usize>,
}

/// One sentence of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// The sentence's bytes in the body, without surrounding whitespace.
    pub span: Span,
    /// Index of the paragraph that holds it.
    pub paragraph: u32,
}

/// A photo caption set aside from the body, with the credit it ended in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Caption {
    /// The caption text, credit included, as it stood.
    pub text: String,
    /// The credit inside the final parentheses, for example `ORTN via AP`.
    pub credit: String,
}

/// One article: clean text plus metadata, split into paragraphs and sentences.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Article {
    /// Position in [`crate::model::Corpus::articles`].
    pub id: ArticleId,
    /// The user-facing id: the file stem, or the `id` field of a JSON record; unique in a corpus.
    pub key: String,
    /// The headline, when the source gives one.
    pub title: Option<String>,
    /// The publisher, from metadata or an unambiguous self-reference in page furniture.
    pub outlet: Option<String>,
    /// The article's address, when given.
    pub url: Option<String>,
    /// The byline, when given.
    pub author: Option<String>,
    /// The publication date; `None` when absent or impossible.
    #[serde(with = "super::date_format::optional")]
    pub date: Option<NaiveDate>,
    /// The article text: cleaned, sanitised for the terminal, paragraphs separated by `\n\n`.
    pub body: String,
    /// The paragraphs' spans in `body`.
    pub paragraphs: Vec<Span>,
    /// The sentences' spans in `body`, in order.
    pub sentences: Vec<Sentence>,
    /// Photo captions removed from the body.
    pub captions: Vec<Caption>,
    /// Page furniture removed from the body (sign-up forms and other calls to action), kept so
    /// that an outlet's self-reference can still be read from it.
    pub furniture: Vec<String>,
    /// The file and record the article was read from.
    pub origin: Origin,
}

impl Article {
    /// The text of sentence `index`, or "" when there is no such sentence.
    pub fn sentence_text(&self, index: u32) -> &str {
        self.sentences
            .get(index as usize)
            .map_or("", |s| s.span.slice(&self.body))
    }

    /// The index of the sentence that contains byte `offset`, if any.
    pub fn sentence_at(&self, offset: u32) -> Option<u32> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        let s = self.sentences.get(i)?;
        (s.span.start <= offset).then_some(i as u32)
    }

    /// The title, or the first sentence when there is no title.
    pub fn display_title(&self) -> &str {
        match &self.title {
            Some(t) if !t.trim().is_empty() => t,
            _ => self.sentence_text(0),
        }
    }

    /// Number of words in the body (runs of non-whitespace).
    pub fn word_count(&self) -> usize {
        self.body.split_whitespace().count()
    }
}
