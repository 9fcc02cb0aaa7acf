//! Loading: files (plain text, Markdown, JSON / JSON Lines, HTML) into clean articles.
//!
//! Bad input never stops a load: every file that cannot be read becomes a [`Skipped`] with its
//! reason, every oddity that still allowed loading becomes a [`Warning`], and the rest loads.
//!
//! STUB: the loader helper replaces the body of [`load_paths`] and adds the format modules.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{Article, ArticleId, Format, Origin};
use crate::text;

mod date;

pub use date::{looks_like_date, parse_date};

/// Files larger than this are skipped, so that one stray dump cannot exhaust memory.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// A file that was not loaded, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// The file.
    pub path: PathBuf,
    /// One sentence saying why.
    pub reason: String,
}

/// Something odd about a file that still loaded (in full or in part).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// The file (with `:LINE` where a line is known, in the message).
    pub path: PathBuf,
    /// One sentence saying what.
    pub message: String,
}

/// What a load produced: the articles, in a deterministic order, and every problem met.
#[derive(Debug, Default)]
pub struct LoadReport {
    /// Articles, ids assigned in order; keys unique.
    pub articles: Vec<Article>,
    /// Files not loaded.
    pub skipped: Vec<Skipped>,
    /// Problems that did not stop a file from loading.
    pub warnings: Vec<Warning>,
}

/// One article as a format parser found it, before cleaning and sentence splitting.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawArticle {
    /// The id the source gives (file stem, JSON `id`); made unique later.
    pub key: String,
    /// Headline.
    pub title: Option<String>,
    /// Publication date, already validated.
    pub date: Option<NaiveDate>,
    /// Publisher.
    pub outlet: Option<String>,
    /// Address.
    pub url: Option<String>,
    /// Byline.
    pub author: Option<String>,
    /// The text, paragraphs separated by blank lines, not yet cleaned.
    pub text: String,
}

/// Turns a parsed article into a model article: cleans and sanitises its text and metadata and
/// splits it into paragraphs and sentences. The id is assigned by the caller.
pub fn finish_article(raw: RawArticle, id: ArticleId, origin: Origin) -> Article {
    let cleaned = {
        let _timer = crate::stats::thread_timer(crate::stats::Stage::Clean);
        text::clean::clean_body(&raw.text)
    };
    let sentences = {
        let _timer = crate::stats::thread_timer(crate::stats::Stage::Sentences);
        text::sentences::split_sentences(&cleaned.body, &cleaned.paragraphs)
    };
    let meta = |s: Option<String>| {
        s.map(|v| text::sanitize::sanitize(v.trim()))
            .filter(|v| !v.is_empty())
    };
    Article {
        id,
        key: text::sanitize::sanitize(&raw.key),
        title: meta(raw.title),
        outlet: meta(raw.outlet),
        url: meta(raw.url),
        author: meta(raw.author),
        date: raw.date,
        body: cleaned.body,
        paragraphs: cleaned.paragraphs,
        sentences,
        captions: cleaned.captions,
        furniture: cleaned.furniture,
        origin,
    }
}

/// Loads every supported file under `paths` (files, or folders walked recursively).
pub fn load_paths(paths: &[PathBuf]) -> LoadReport {
    let files: Vec<(PathBuf, Vec<u8>)> = paths
        .iter()
        .filter_map(|p| std::fs::read(p).ok().map(|b| (p.clone(), b)))
        .collect();
    load_files(files)
}

/// Loads files already in memory (the built-in sample, tests). Each is parsed by its name's
/// extension, as if read from disk.
pub fn load_files(files: Vec<(PathBuf, Vec<u8>)>) -> LoadReport {
    let mut report = LoadReport::default();
    for (path, bytes) in files {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let key = stem(&path);
        let raw = RawArticle {
            key,
            text,
            ..RawArticle::default()
        };
        let id = ArticleId::from_index(report.articles.len());
        let origin = Origin {
            path,
            format: Format::Text,
            record: None,
        };
        report.articles.push(finish_article(raw, id, origin));
    }
    report
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}
