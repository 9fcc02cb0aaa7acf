//! Discovery: from the paths a user gave to the sorted list of files to load.
//!
//! Rules, so that a folder of articles loads the same way everywhere:
//! - Folders are walked recursively; symbolic links are followed, and a link that leads back
//!   into a folder being walked is reported once and not followed again.
//! - Hidden entries (names starting with `.`) inside a walked folder are not looked at; a
//!   hidden file or folder named explicitly is.
//! - In a walked folder a file is loaded only when its extension is supported; any other file
//!   is skipped with its extension in the reason, and a file with no extension (README,
//!   LICENSE) likewise. A file named explicitly with no extension is read as plain text: the
//!   user asked for it.
//! - The result is sorted by path and free of repeats, so ids do not depend on the order in
//!   which the file system lists entries.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::Skipped;
use crate::model::Format;

/// The extensions the loader reads, as shown in messages.
pub const SUPPORTED_EXTENSIONS: &str = ".txt, .md, .markdown, .json, .jsonl, .ndjson, .html, .htm";

/// The format a file's name asks for: `Ok(None)` when it has no extension, `Err(ext)` when the
/// extension is not one the loader reads.
pub fn format_of(path: &Path) -> Result<Option<Format>, String> {
    let Some(ext) = path.extension() else {
        return Ok(None);
    };
    let ext = ext.to_string_lossy().to_ascii_lowercase();
    match ext.as_str() {
        "txt" => Ok(Some(Format::Text)),
        "md" | "markdown" => Ok(Some(Format::Markdown)),
        "json" => Ok(Some(Format::Json)),
        "jsonl" | "ndjson" => Ok(Some(Format::Jsonl)),
        "html" | "htm" => Ok(Some(Format::Html)),
        _ => Err(ext),
    }
}

/// The reason a file of an unsupported type is skipped.
pub fn unsupported_reason(ext: &str) -> String {
    format!("unsupported file type (.{ext}); dossier reads {SUPPORTED_EXTENSIONS}")
}

/// A file found by discovery, with the format to parse it as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The file, as named or as reached by the walk.
    pub path: PathBuf,
    /// The format its extension gives (plain text for a named file without one).
    pub format: Format,
}

/// Finds the files under `paths`: the files to load, sorted by path without repeats, and the
/// entries that will not be loaded, with the reason.
pub fn discover(paths: &[PathBuf]) -> (Vec<Found>, Vec<Skipped>) {
    let mut found = Vec::new();
    let mut skipped = Vec::new();
    for root in paths {
        match std::fs::metadata(root) {
            Err(e) => skipped.push(Skipped {
                path: root.clone(),
                reason: match e.kind() {
                    std::io::ErrorKind::NotFound if root.symlink_metadata().is_ok() => {
                        "broken symbolic link".to_string()
                    }
                    std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
                    _ => format!("cannot open: {e}"),
                },
            }),
            Ok(meta) if meta.is_dir() => walk_folder(root, &mut found, &mut skipped),
            Ok(_) => match format_of(root) {
                Ok(format) => found.push(Found {
                    path: root.clone(),
                    format: format.unwrap_or(Format::Text),
                }),
                Err(ext) => skipped.push(Skipped {
                    path: root.clone(),
                    reason: unsupported_reason(&ext),
                }),
            },
        }
    }
    found.sort_by(|a, b| a.path.cmp(&b.path));
    found.dedup_by(|a, b| a.path == b.path);
    skipped.sort_by(|a, b| a.path.cmp(&b.path));
    skipped.dedup();
    (found, skipped)
}

/// Walks one folder, adding what it finds to `found` and `skipped`.
fn walk_folder(root: &Path, found: &mut Vec<Found>, skipped: &mut Vec<Skipped>) {
    let walker = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                skipped.push(walk_error(root, &e));
                continue;
            }
        };
        if entry.file_type().is_dir() {
            continue;
        }
        let path = entry.path().to_path_buf();
        match format_of(&path) {
            Ok(Some(format)) => found.push(Found { path, format }),
            Ok(None) => skipped.push(Skipped {
                path,
                reason: format!("no file extension; dossier reads {SUPPORTED_EXTENSIONS}"),
            }),
            Err(ext) => skipped.push(Skipped {
                path,
                reason: unsupported_reason(&ext),
            }),
        }
    }
}

/// A walk error as a skipped entry: symbolic-link loops, broken links, unreadable folders.
fn walk_error(root: &Path, e: &walkdir::Error) -> Skipped {
    let path = e.path().unwrap_or(root).to_path_buf();
    let reason = if let Some(ancestor) = e.loop_ancestor() {
        format!(
            "symbolic link loop (leads back to {}); not followed",
            ancestor.display()
        )
    } else if let Some(io) = e.io_error() {
        if io.kind() == std::io::ErrorKind::NotFound && path.symlink_metadata().is_ok() {
            "broken symbolic link".to_string()
        } else {
            format!("cannot read: {io}")
        }
    } else {
        format!("cannot read: {e}")
    };
    Skipped { path, reason }
}
