//! The cache key: a 128-bit digest of everything the analysed corpus depends on.
//!
//! It covers the paths as given, every file the loader could read under them (path, size,
//! modification time and an xxh3 hash of the content), and the program's identity (its version,
//! [`super::file::SCHEMA_VERSION`], and the size and modification time of the running
//! executable, so that a rebuilt development binary with other code does not trust an old
//! cache). The gazetteer and lexicons are embedded in the binary, so the binary covers them.
//!
//! The walk mirrors the loader's: folders are walked recursively following symbolic links,
//! entries whose name starts with a dot are skipped (so `.dossier` itself never counts), and
//! every other file is included whatever its extension, because an unsupported file still
//! changes the load report. Taking in more than the loader reads can only cost a rebuild,
//! never a stale answer.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use rayon::prelude::*;
use walkdir::WalkDir;
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

/// What the key was computed from, in numbers (for `--stats`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint {
    /// The digest the cache file must carry.
    pub digest: u128,
    /// Files hashed.
    pub files: usize,
    /// Bytes hashed.
    pub bytes: u64,
}

/// One input as seen on disk: a file with its metadata and content hash, or why it could not
/// be seen (which is part of the key too, since the loader reports it).
enum Entry {
    File {
        path: PathBuf,
        size: u64,
        modified: (u64, u32),
        content: u64,
    },
    Problem {
        path: PathBuf,
        what: String,
    },
}

/// Computes the key of the corpus named by `paths`. Reads every file once (in parallel).
pub fn fingerprint(paths: &[PathBuf]) -> Fingerprint {
    let found = discover(paths);
    let entries: Vec<Entry> = found.into_par_iter().map(examine).collect();

    let mut hasher = Xxh3::new();
    write_program_identity(&mut hasher);
    write_len(&mut hasher, paths.len());
    for path in paths {
        write_bytes(&mut hasher, path.as_os_str().as_encoded_bytes());
    }
    let mut files = 0;
    let mut bytes = 0u64;
    for entry in &entries {
        match entry {
            Entry::File {
                path,
                size,
                modified,
                content,
            } => {
                files += 1;
                bytes = bytes.saturating_add(*size);
                hasher.update(b"F");
                write_bytes(&mut hasher, path.as_os_str().as_encoded_bytes());
                hasher.update(&size.to_le_bytes());
                hasher.update(&modified.0.to_le_bytes());
                hasher.update(&modified.1.to_le_bytes());
                hasher.update(&content.to_le_bytes());
            }
            Entry::Problem { path, what } => {
                hasher.update(b"P");
                write_bytes(&mut hasher, path.as_os_str().as_encoded_bytes());
                write_bytes(&mut hasher, what.as_bytes());
            }
        }
    }
    Fingerprint {
        digest: hasher.digest128(),
        files,
        bytes,
    }
}

/// The program's part of the key: version, schema version and the running executable.
fn write_program_identity(hasher: &mut Xxh3) {
    write_bytes(hasher, env!("CARGO_PKG_VERSION").as_bytes());
    hasher.update(&super::file::SCHEMA_VERSION.to_le_bytes());
    let exe = std::env::current_exe().and_then(std::fs::metadata);
    match exe {
        Ok(meta) => {
            hasher.update(&meta.len().to_le_bytes());
            let (secs, nanos) = modified_of(&meta);
            hasher.update(&secs.to_le_bytes());
            hasher.update(&nanos.to_le_bytes());
        }
        // Without a known executable the version alone identifies the program.
        Err(_) => hasher.update(b"no exe"),
    }
}

/// Every path the loader might read under `paths`, in a deterministic order, as files to
/// examine or problems met while walking.
fn discover(paths: &[PathBuf]) -> Vec<Result<PathBuf, (PathBuf, String)>> {
    let mut found = Vec::new();
    for root in paths {
        if !root.is_dir() {
            found.push(Ok(root.clone()));
            continue;
        }
        let walker = WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walker {
            match entry {
                Ok(entry) if entry.file_type().is_dir() => {}
                Ok(entry) => found.push(Ok(entry.into_path())),
                Err(e) => {
                    let path = e.path().unwrap_or(root).to_path_buf();
                    found.push(Err((path, e.to_string())));
                }
            }
        }
    }
    found
}

/// Reads one file's metadata and content hash.
fn examine(found: Result<PathBuf, (PathBuf, String)>) -> Entry {
    let path = match found {
        Ok(path) => path,
        Err((path, what)) => return Entry::Problem { path, what },
    };
    let meta = match std::fs::metadata(&path) {
        Ok(meta) => meta,
        Err(e) => {
            return Entry::Problem {
                what: e.kind().to_string(),
                path,
            };
        }
    };
    match read_hash(&path) {
        Ok(content) => Entry::File {
            size: meta.len(),
            modified: modified_of(&meta),
            content,
            path,
        },
        Err(e) => Entry::Problem {
            what: e.kind().to_string(),
            path,
        },
    }
}

/// The xxh3 hash of a file's content.
fn read_hash(path: &Path) -> std::io::Result<u64> {
    let bytes = std::fs::read(path)?;
    Ok(xxh3_64(&bytes))
}

/// Modification time as seconds and nanoseconds since the epoch; zero when unknown.
fn modified_of(meta: &std::fs::Metadata) -> (u64, u32) {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map(|d| (d.as_secs(), d.subsec_nanos()))
        .unwrap_or((0, 0))
}

fn write_len(hasher: &mut Xxh3, len: usize) {
    hasher.update(&(len as u64).to_le_bytes());
}

/// Length-prefixed, so that two fields cannot run into each other.
fn write_bytes(hasher: &mut Xxh3, bytes: &[u8]) {
    write_len(hasher, bytes.len());
    hasher.update(bytes);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_changes_with_content_and_not_without() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "one").unwrap();
        let paths = vec![dir.path().to_path_buf()];
        let first = fingerprint(&paths);
        assert_eq!(first, fingerprint(&paths));
        assert_eq!(first.files, 1);
        std::fs::write(&file, "two").unwrap();
        assert_ne!(first.digest, fingerprint(&paths).digest);
    }

    #[test]
    fn hidden_entries_do_not_count() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "one").unwrap();
        let paths = vec![dir.path().to_path_buf()];
        let before = fingerprint(&paths);
        std::fs::create_dir(dir.path().join(".dossier")).unwrap();
        std::fs::write(dir.path().join(".dossier/cache"), "anything").unwrap();
        assert_eq!(before, fingerprint(&paths));
        std::fs::write(dir.path().join("b.pdf"), "new").unwrap();
        assert_ne!(before.digest, fingerprint(&paths).digest);
    }

    #[test]
    fn missing_paths_are_part_of_the_key() {
        let dir = tempfile::tempdir().unwrap();
        let a = fingerprint(&[dir.path().join("nothing")]);
        let b = fingerprint(&[dir.path().join("else")]);
        assert_ne!(a.digest, b.digest);
        assert_eq!(a.files, 0);
    }
}
