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

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

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
    /// What each file read gave, in load order (files the walk skipped are not listed): with
    /// the articles, enough to rebuild each file's [`FileLoad`].
    pub files: Vec<FileSummary>,
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
    load_paths_reusing(paths, HashMap::new())
}

/// [`load_paths`], taking the load of every file listed in `known` (by its path as walked)
/// from there instead of reading it: the cache offers the files that did not change since it
/// was made. Files found on disk that `known` does not list are read; entries of `known` for
/// files no longer found are dropped.
pub fn load_paths_reusing(paths: &[PathBuf], mut known: HashMap<PathBuf, FileLoad>) -> LoadReport {
    crate::progress::enter(crate::progress::Step::Reading);
    let (found, skipped) = walk::discover(paths);
    crate::progress::files_found(found.len());
    let work: Vec<(walk::Found, Option<FileLoad>)> = found
        .into_iter()
        .map(|file| {
            let reused = known.remove(&file.path);
            (file, reused)
        })
        .collect();
    drop(known);
    let loads: Vec<FileLoad> = work
        .into_par_iter()
        .map(|(file, reused)| {
            let load = reused.unwrap_or_else(|| match read::read_file(&file.path) {
                Ok(bytes) => load_file(file.path, file.format, &bytes),
                Err(reason) => FileLoad::skipped(file.path, reason),
            });
            crate::progress::file_read();
            load
        })
        .collect();
    assemble(loads, skipped)
}

/// Loads files already in memory (the built-in sample, tests). Each is parsed by its name's
/// extension, as if read from disk and named explicitly (no extension: plain text).
pub fn load_files(files: Vec<(PathBuf, Vec<u8>)>) -> LoadReport {
    let loads: Vec<FileLoad> = files
        .into_par_iter()
        .map(|(path, bytes)| match walk::format_of(&path) {
            Ok(format) => load_file(path, format.unwrap_or(Format::Text), &bytes),
            Err(ext) => FileLoad::skipped(path, walk::unsupported_reason(&ext)),
        })
        .collect();
    assemble(loads, Vec::new())
}

/// What one file gave before it joins the others: its articles, cleaned, with the keys the
/// file gives them and no id yet; or why it was not loaded; and the problems met (messages not
/// yet sanitised). It depends on nothing but the file's path and bytes, so the load of a file
/// that did not change can be kept and used again (see [`FileSummary`]).
#[derive(Debug, Clone)]
pub struct FileLoad {
    /// The file, as walked.
    pub path: PathBuf,
    /// Its articles in file order, none empty.
    pub articles: Vec<Article>,
    /// Why it was not loaded, if it was not (then `articles` is empty).
    pub skipped: Option<String>,
    /// Problems that did not stop it from loading.
    pub warnings: Vec<String>,
}

impl FileLoad {
    fn skipped(path: PathBuf, reason: String) -> FileLoad {
        FileLoad {
            path,
            articles: Vec::new(),
            skipped: Some(reason),
            warnings: Vec::new(),
        }
    }

    /// The file's load again, from its summary and the articles it gave, in order, as a corpus
    /// holds them: their keys are put back to what the file gave (ids are assigned when the
    /// loads are joined; an outlet the analysis took from the page furniture stays, as the
    /// analysis would find it again). `None` when the number of articles is not the summary's.
    pub fn from_summary(summary: FileSummary, mut articles: Vec<Article>) -> Option<FileLoad> {
        if articles.len() != summary.keys.len() {
            return None;
        }
        for (article, key) in articles.iter_mut().zip(summary.keys) {
            article.key = key;
        }
        Some(FileLoad {
            path: summary.path,
            articles,
            skipped: summary.skipped,
            warnings: summary.warnings,
        })
    }
}

/// A [`FileLoad`] without its articles' text: what the report keeps of each file so that the
/// load can be rebuilt from the articles in the corpus (whose keys may have been made unique).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileSummary {
    /// The file, as walked.
    pub path: PathBuf,
    /// The keys its articles had in the file, in order: one per article it gave.
    pub keys: Vec<String>,
    /// Why it was not loaded, if it was not.
    pub skipped: Option<String>,
    /// Problems that did not stop it from loading, not yet sanitised.
    pub warnings: Vec<String>,
}

impl FileSummary {
    fn of(load: &FileLoad) -> FileSummary {
        FileSummary {
            path: load.path.clone(),
            keys: load.articles.iter().map(|a| a.key.clone()).collect(),
            skipped: load.skipped.clone(),
            warnings: load.warnings.clone(),
        }
    }
}

/// Decodes, parses and cleans one file's bytes. Records are cleaned in parallel (one JSON Lines
/// file may hold thousands); records left empty by cleaning are dropped, with a warning for a
/// record of a collection, and a file left with none is skipped.
fn load_file(path: PathBuf, format: Format, bytes: &[u8]) -> FileLoad {
    let decoded = match read::decode(bytes) {
        Ok(decoded) => decoded,
        Err(reason) => return FileLoad::skipped(path, reason),
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
    if let Some(reason) = skipped {
        return FileLoad {
            path,
            articles: Vec::new(),
            skipped: Some(reason),
            warnings,
        };
    }
    let finished: Vec<Article> = parsed
        .records
        .into_par_iter()
        .map(|record| {
            let origin = Origin {
                path: path.clone(),
                format,
                record: record.record,
            };
            finish_article(record.raw, ArticleId::from_index(0), origin)
        })
        .collect();
    let mut articles = Vec::with_capacity(finished.len());
    let mut emptied = 0;
    for article in finished {
        if !article.body.trim().is_empty() {
            articles.push(article);
            continue;
        }
        emptied += 1;
        if article.origin.record.is_some() {
            warnings.push(format!(
                "{}no text left after removing page furniture; record skipped",
                record_context(&article.origin)
            ));
        }
    }
    let skipped = match (articles.is_empty(), emptied) {
        (false, _) => None,
        (true, 1) => Some("no text left after removing page furniture".to_string()),
        (true, n) => Some(format!(
            "no text left after removing page furniture in any of its {n} records"
        )),
    };
    FileLoad {
        path,
        articles,
        skipped,
        warnings,
    }
}

/// Joins the files' loads, in order, into the report: ids assigned by position, keys made
/// unique, problems sanitised.
fn assemble(loads: Vec<FileLoad>, mut skipped: Vec<Skipped>) -> LoadReport {
    let mut warnings = Vec::new();
    let mut articles = Vec::with_capacity(loads.iter().map(|l| l.articles.len()).sum());
    let mut files = Vec::with_capacity(loads.len());
    let mut keys = HashSet::new();
    for load in loads {
        files.push(FileSummary::of(&load));
        warnings.extend(load.warnings.into_iter().map(|message| Warning {
            path: load.path.clone(),
            message,
        }));
        if let Some(reason) = load.skipped {
            skipped.push(Skipped {
                path: load.path,
                reason,
            });
            continue;
        }
        for mut article in load.articles {
            if article.key.is_empty() {
                article.key = "article".to_string();
            }
            article.key = unique_key(&article, &mut keys, &mut warnings);
            article.id = ArticleId::from_index(articles.len());
            articles.push(article);
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
        files,
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
