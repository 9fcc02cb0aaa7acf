//! Loading: files (plain text, Markdown, JSON / JSON Lines, HTML) into clean articles.
//!
//! Bad input never stops a load: every file that cannot be read becomes a [`Skipped`] with its
//! reason, every oddity that still allowed loading becomes a [`Warning`], and the rest loads.
//!
//! The stages, one module each: [`walk`] finds the files, [`read`] turns bytes into text,
//! [`formats`] parses each format into [`RawArticle`]s, [`finish_article`] cleans them.
//! Files are read and parsed in parallel; the result is the same on every run because files
//! are sorted by path first and every parallel step keeps that order.
//!
//! Keys (the user-facing ids): the file stem for text, Markdown (or its front matter's `id`)
//! and HTML; for JSON the record's `id`, else `STEM#N` (N the record's 1-based number in an
//! array, or its line in JSON Lines), or `STEM` for a file that is one object. A key already
//! taken becomes `key~2`, `key~3`, … with a warning. Ids are positions in the sorted result.
//!
//! Where a problem concerns one record of a file, its message starts with `line N: ` (JSON
//! Lines, front matter) or `record N: ` (JSON arrays). Paths, reasons and messages in reports
//! are valid UTF-8 and sanitised: they quote file names and file contents.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use crate::model::{Article, ArticleId, Format, Origin};
use crate::text;

mod date;
pub mod formats;
pub mod read;
pub mod walk;

pub use date::{looks_like_date, parse_date, read_date};

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

/// Loads every supported file under `paths` (files, or folders walked recursively; see
/// [`walk`] for the rules). Never fails: what cannot be loaded is in [`LoadReport::skipped`].
pub fn load_paths(paths: &[PathBuf]) -> LoadReport {
    crate::progress::enter(crate::progress::Step::Reading);
    let (found, skipped) = walk::discover(paths);
    crate::progress::files_found(found.len());
    let outcomes: Vec<FileOutcome> = found
        .into_par_iter()
        .map(|file| {
            let outcome = match read::read_file(&file.path) {
                Ok(bytes) => parse_file(file.path, file.format, &bytes),
                Err(reason) => FileOutcome::skipped(file.path, reason),
            };
            crate::progress::file_read();
            outcome
        })
        .collect();
    assemble(outcomes, skipped)
}

/// Loads files already in memory (the built-in sample, tests). Each is parsed by its name's
/// extension, as if read from disk and named explicitly (no extension: plain text).
pub fn load_files(files: Vec<(PathBuf, Vec<u8>)>) -> LoadReport {
    let outcomes: Vec<FileOutcome> = files
        .into_par_iter()
        .map(|(path, bytes)| match walk::format_of(&path) {
            Ok(format) => parse_file(path, format.unwrap_or(Format::Text), &bytes),
            Err(ext) => FileOutcome::skipped(path, walk::unsupported_reason(&ext)),
        })
        .collect();
    assemble(outcomes, Vec::new())
}

/// What one file gave: its articles before cleaning, or why it was skipped, and its warnings.
struct FileOutcome {
    path: PathBuf,
    format: Format,
    records: Vec<formats::Record>,
    skipped: Option<String>,
    warnings: Vec<String>,
}

impl FileOutcome {
    fn skipped(path: PathBuf, reason: String) -> FileOutcome {
        FileOutcome {
            path,
            format: Format::Text,
            records: Vec::new(),
            skipped: Some(reason),
            warnings: Vec::new(),
        }
    }
}

/// Decodes and parses one file's bytes.
fn parse_file(path: PathBuf, format: Format, bytes: &[u8]) -> FileOutcome {
    let decoded = match read::decode(bytes) {
        Ok(decoded) => decoded,
        Err(reason) => return FileOutcome::skipped(path, reason),
    };
    let stem = stem(&path);
    let text = decoded.text.as_str();
    let parsed = match format {
        Format::Markdown => formats::markdown::parse(&stem, text),
        Format::Json => formats::json::parse_json(&stem, text),
        Format::Jsonl => formats::json::parse_jsonl(&stem, text),
        Format::Html => formats::html::parse(&stem, text),
        Format::Text | Format::Inline => formats::text::parse(&stem, text),
    };
    let mut warnings: Vec<String> = decoded.warning.into_iter().collect();
    warnings.extend(parsed.warnings);
    let skipped = match (parsed.failure, parsed.records.is_empty()) {
        (Some(reason), _) => Some(reason),
        // One problem explains the whole file: say it once, as the reason.
        (None, true) if warnings.len() == 1 => warnings.pop(),
        (None, true) => Some(match warnings.first() {
            Some(first) => format!(
                "no article loaded ({} problems; the first: {first})",
                warnings.len()
            ),
            None => "no article found in the file".to_string(),
        }),
        (None, false) => None,
    };
    FileOutcome {
        path,
        format,
        records: parsed.records,
        skipped,
        warnings,
    }
}

/// Joins the files' outcomes, in order, into the report: articles cleaned in parallel, ids
/// assigned by position, keys made unique.
fn assemble(outcomes: Vec<FileOutcome>, mut skipped: Vec<Skipped>) -> LoadReport {
    let mut warnings = Vec::new();
    let mut pending = Vec::new();
    for outcome in outcomes {
        warnings.extend(outcome.warnings.into_iter().map(|message| Warning {
            path: outcome.path.clone(),
            message,
        }));
        if let Some(reason) = outcome.skipped {
            skipped.push(Skipped {
                path: outcome.path,
                reason,
            });
            continue;
        }
        for record in outcome.records {
            let origin = Origin {
                path: outcome.path.clone(),
                format: outcome.format,
                record: record.record,
            };
            pending.push((record.raw, origin));
        }
    }
    let finished: Vec<Article> = pending
        .into_par_iter()
        .map(|(raw, origin)| finish_article(raw, ArticleId::from_index(0), origin))
        .collect();

    let mut articles = Vec::with_capacity(finished.len());
    let mut keys = HashSet::new();
    // Files all of whose articles came out empty after cleaning: (path, articles dropped).
    let mut emptied: Vec<(PathBuf, usize)> = Vec::new();
    let mut file_loaded_one = HashSet::new();
    for mut article in finished {
        if article.body.trim().is_empty() {
            let path = article.origin.path.clone();
            if article.origin.record.is_some() {
                warnings.push(Warning {
                    path: path.clone(),
                    message: format!(
                        "{}no text left after removing page furniture; record skipped",
                        record_context(&article.origin)
                    ),
                });
            }
            match emptied.last_mut() {
                Some((last, n)) if *last == path => *n += 1,
                _ => emptied.push((path, 1)),
            }
            continue;
        }
        file_loaded_one.insert(article.origin.path.clone());
        if article.key.is_empty() {
            article.key = "article".to_string();
        }
        article.key = unique_key(&article, &mut keys, &mut warnings);
        article.id = ArticleId::from_index(articles.len());
        articles.push(article);
    }
    for (path, n) in emptied {
        if !file_loaded_one.contains(&path) {
            let reason = if n == 1 {
                "no text left after removing page furniture".to_string()
            } else {
                format!("no text left after removing page furniture in any of its {n} records")
            };
            skipped.push(Skipped { path, reason });
        }
    }
    skipped.sort_by(|a, b| a.path.cmp(&b.path));
    // Reasons and messages quote the files (a date, an extension, a JSON error): sanitised too.
    for entry in &mut skipped {
        entry.path = shown_path(&entry.path);
        entry.reason = text::sanitize::sanitize(&entry.reason);
    }
    for warning in &mut warnings {
        warning.path = shown_path(&warning.path);
        warning.message = text::sanitize::sanitize(&warning.message);
    }
    LoadReport {
        articles,
        skipped,
        warnings,
    }
}

/// "line 5: " or "record 3: " for messages about one record of a file; "" for a whole file.
fn record_context(origin: &Origin) -> String {
    match (origin.format, origin.record) {
        (Format::Jsonl, Some(line)) => format!("line {line}: "),
        (_, Some(index)) => format!("record {}: ", index + 1),
        _ => String::new(),
    }
}

/// The article's key, or `key~2`, `key~3`, … when it is taken, with a warning.
fn unique_key(
    article: &Article,
    keys: &mut HashSet<String>,
    warnings: &mut Vec<Warning>,
) -> String {
    let key = &article.key;
    if keys.insert(key.clone()) {
        return key.clone();
    }
    let mut n = 2usize;
    let renamed = loop {
        let candidate = format!("{key}~{n}");
        if keys.insert(candidate.clone()) {
            break candidate;
        }
        n += 1;
    };
    warnings.push(Warning {
        path: article.origin.path.clone(),
        message: format!(
            "{}duplicate id \"{key}\"; renamed to \"{renamed}\"",
            record_context(&article.origin)
        ),
    });
    renamed
}

/// A path as reports show it: valid UTF-8 (so that `--json` can always write it) and without
/// control characters (a file name must not drive the terminal either).
fn shown_path(path: &Path) -> PathBuf {
    match path.to_str() {
        Some(s) if !s.chars().any(char::is_control) => path.to_path_buf(),
        _ => PathBuf::from(text::sanitize::sanitize(&path.to_string_lossy())),
    }
}

/// The file name without its extension: the key of a one-article file.
fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}
