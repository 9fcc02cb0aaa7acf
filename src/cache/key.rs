//! The cache key: a 128-bit digest of everything the analysed corpus depends on.
//!
//! It covers the paths as given, every file the loader could read under them (path, size,
//! modification time and an xxh3 hash of the content), and the program's identity (its version,
//! [`super::file::SCHEMA_VERSION`], and the size and modification time of the running
//! executable, so that a rebuilt development binary with other code does not trust an old
//! cache). The gazetteer and lexicons are embedded in the binary, so the binary covers them.
//!
//! Reading every file to hash it would cost a reopening as much as the corpus is large, so the
//! cache keeps a [`Manifest`]: each file's size, modification time and content hash when the
//! key was last taken. A file whose size and modification time are unchanged takes its hash
//! from there, as `make` and `git` trust a file's metadata; only new or changed files are read.
//! One exception, git's "racily clean" rule: a file modified less than [`RACY_SECONDS`] before
//! its hash was taken could have been written again within the file system's timestamp
//! granularity without changing its time, so its stored hash is not trusted and it is read.
//!
//! The walk mirrors the loader's: folders are walked recursively following symbolic links,
//! entries whose name starts with a dot are skipped (so `.dossier` itself never counts), and
//! every other file is included whatever its extension, because an unsupported file still
//! changes the load report. Taking in more than the loader reads can only cost a rebuild,
//! never a stale answer.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use walkdir::WalkDir;
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

/// Files examined at once when the key is taken (threads of their own, mostly waiting on the
/// disk).
const READS_IN_FLIGHT: usize = 16;

/// A stored hash is trusted only for files last modified at least this long before it was taken.
pub const RACY_SECONDS: u64 = 2;

/// What the key was computed from, in numbers (for `--stats`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint {
    /// The digest the cache file must carry.
    pub digest: u128,
    /// Files the key covers.
    pub files: usize,
    /// Files read and hashed this time (the others' hashes came from the manifest).
    pub hashed_files: usize,
    /// Bytes read and hashed this time.
    pub hashed_bytes: u64,
}

/// One file as it was when the key was taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    /// The path as walked.
    pub path: PathBuf,
    /// Size in bytes.
    pub size: u64,
    /// Modification time: seconds and nanoseconds since the epoch.
    pub modified: (u64, u32),
    /// xxh3-64 of the content.
    pub content: u64,
}

/// Every file's stamp at the moment the key was taken, kept in the cache to spare the next
/// opening from reading unchanged files.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// When the key was taken, in seconds since the epoch.
    pub taken_at: u64,
    /// The files, in walk order.
    pub stamps: Vec<Stamp>,
}

impl Manifest {
    /// The stamps by path (the path's bytes: hashing a `Path` walks its components, which at a
    /// hundred thousand files costs more than the stat calls).
    pub fn by_path(&self) -> HashMap<&[u8], &Stamp> {
        self.stamps
            .iter()
            .map(|s| (s.path.as_os_str().as_encoded_bytes(), s))
            .collect()
    }

    /// The stored hash of `path` if its size and modification time are still those stored and
    /// it had not been modified just before the hash was taken.
    fn trusted_hash(
        &self,
        by_path: &HashMap<&[u8], &Stamp>,
        path: &Path,
        size: u64,
        modified: (u64, u32),
    ) -> Option<u64> {
        let stamp = by_path.get(path.as_os_str().as_encoded_bytes())?;
        let settled = modified.0.saturating_add(RACY_SECONDS) <= self.taken_at;
        (stamp.size == size && stamp.modified == modified && settled).then_some(stamp.content)
    }
}

/// One input as seen on disk: a file with its stamp, or why it could not be seen (which is
/// part of the key too, since the loader reports it).
enum Entry {
    File { stamp: Stamp, hashed: bool },
    Problem { path: PathBuf, what: String },
}

/// Computes the key of the corpus named by `paths`, reading only the files that `previous`
/// (the manifest of an earlier key, if any) cannot vouch for, in parallel. Returns the key and
/// the manifest to store with a cache made now.
pub fn fingerprint(paths: &[PathBuf], previous: Option<&Manifest>) -> (Fingerprint, Manifest) {
    let taken_at = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let empty = Manifest::default();
    let previous = previous.unwrap_or(&empty);
    let by_path = previous.by_path();
    let found = discover(paths);
    let examine_all = || -> Vec<Entry> {
        found
            .into_par_iter()
            .map(|f| {
                examine(f, |path, size, modified| {
                    previous.trusted_hash(&by_path, path, size, modified)
                })
            })
            .collect()
    };
    // Examining is waiting on the disk (metadata, and whole files when they must be hashed):
    // with more reads in flight than cores, a corpus not in memory is read several times
    // faster. Without such a pool, the global one does it.
    let entries = match rayon::ThreadPoolBuilder::new()
        .num_threads(READS_IN_FLIGHT)
        .thread_name(|i| format!("cache key {i}"))
        .build()
    {
        Ok(pool) => pool.install(examine_all),
        Err(_) => examine_all(),
    };

    let mut hasher = Xxh3::new();
    write_program_identity(&mut hasher);
    write_len(&mut hasher, paths.len());
    for path in paths {
        write_bytes(&mut hasher, path.as_os_str().as_encoded_bytes());
    }
    let mut fingerprint = Fingerprint {
        digest: 0,
        files: 0,
        hashed_files: 0,
        hashed_bytes: 0,
    };
    let mut stamps = Vec::with_capacity(entries.len());
    for entry in entries {
        match entry {
            Entry::File { stamp, hashed } => {
                fingerprint.files += 1;
                if hashed {
                    fingerprint.hashed_files += 1;
                    fingerprint.hashed_bytes = fingerprint.hashed_bytes.saturating_add(stamp.size);
                }
                hasher.update(b"F");
                write_bytes(&mut hasher, stamp.path.as_os_str().as_encoded_bytes());
                hasher.update(&stamp.size.to_le_bytes());
                hasher.update(&stamp.modified.0.to_le_bytes());
                hasher.update(&stamp.modified.1.to_le_bytes());
                hasher.update(&stamp.content.to_le_bytes());
                stamps.push(stamp);
            }
            Entry::Problem { path, what } => {
                hasher.update(b"P");
                write_bytes(&mut hasher, path.as_os_str().as_encoded_bytes());
                write_bytes(&mut hasher, what.as_bytes());
            }
        }
    }
    fingerprint.digest = hasher.digest128();
    (fingerprint, Manifest { taken_at, stamps })
}

/// A digest of the program's identity alone (see [`write_program_identity`]): work an earlier
/// run did is reused only by the same program.
pub fn program_identity() -> u128 {
    let mut hasher = Xxh3::new();
    write_program_identity(&mut hasher);
    hasher.digest128()
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

/// Reads one file's metadata, and its content hash unless `known` vouches for it.
fn examine(
    found: Result<PathBuf, (PathBuf, String)>,
    known: impl Fn(&Path, u64, (u64, u32)) -> Option<u64>,
) -> Entry {
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
    let size = meta.len();
    let modified = modified_of(&meta);
    let (content, hashed) = match known(&path, size, modified) {
        Some(content) => (content, false),
        None => match read_hash(&path) {
            Ok(content) => (content, true),
            Err(e) => {
                return Entry::Problem {
                    what: e.kind().to_string(),
                    path,
                };
            }
        },
    };
    Entry::File {
        stamp: Stamp {
            path,
            size,
            modified,
            content,
        },
        hashed,
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

    fn key(paths: &[PathBuf]) -> Fingerprint {
        fingerprint(paths, None).0
    }

    /// Sets a file's modification time `seconds` into the past.
    fn age(path: &Path, seconds: u64) {
        let file = std::fs::File::options().write(true).open(path).unwrap();
        let past = SystemTime::now() - std::time::Duration::from_secs(seconds);
        file.set_modified(past).unwrap();
    }

    #[test]
    fn settled_files_are_not_read_again_and_changed_or_recent_ones_are() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("old.txt");
        let edited = dir.path().join("edited.txt");
        let recent = dir.path().join("recent.txt");
        for path in [&old, &edited, &recent] {
            std::fs::write(path, "first version").unwrap();
        }
        age(&old, 3600);
        age(&edited, 3600);
        let paths = vec![dir.path().to_path_buf()];
        let (first, manifest) = fingerprint(&paths, None);
        assert_eq!((first.files, first.hashed_files), (3, 3));

        // Nothing changed: only the file modified just before the key was taken is read.
        let (again, _) = fingerprint(&paths, Some(&manifest));
        assert_eq!(again.digest, first.digest);
        assert_eq!(again.hashed_files, 1);
        assert_eq!(again.hashed_bytes, "first version".len() as u64);

        // An edit changes the size or the time, so the file is read and the key changes.
        std::fs::write(&edited, "second version!").unwrap();
        let (after, _) = fingerprint(&paths, Some(&manifest));
        assert_ne!(after.digest, first.digest);
        assert_eq!(after.hashed_files, 2);
        assert_eq!(after.digest, key(&paths).digest, "same key as from scratch");
    }

    #[test]
    fn key_changes_with_content_and_not_without() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "one").unwrap();
        let paths = vec![dir.path().to_path_buf()];
        let first = key(&paths);
        assert_eq!(first, key(&paths));
        assert_eq!(first.files, 1);
        std::fs::write(&file, "two").unwrap();
        assert_ne!(first.digest, key(&paths).digest);
    }

    #[test]
    fn hidden_entries_do_not_count() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "one").unwrap();
        let paths = vec![dir.path().to_path_buf()];
        let before = key(&paths);
        std::fs::create_dir(dir.path().join(".dossier")).unwrap();
        std::fs::write(dir.path().join(".dossier/cache"), "anything").unwrap();
        assert_eq!(before, key(&paths));
        std::fs::write(dir.path().join("b.pdf"), "new").unwrap();
        assert_ne!(before.digest, key(&paths).digest);
    }

    #[test]
    fn missing_paths_are_part_of_the_key() {
        let dir = tempfile::tempdir().unwrap();
        let a = key(&[dir.path().join("nothing")]);
        let b = key(&[dir.path().join("else")]);
        assert_ne!(a.digest, b.digest);
        assert_eq!(a.files, 0);
    }
}
