//! The model cache: the analysed corpus is kept on disk so that reopening an unchanged corpus
//! skips loading and extraction.
//!
//! Where: `DIR/.dossier/cache` beside the corpus (DIR is the first path if it is a folder, else
//! its folder; the loader skips hidden folders), or, when that folder cannot be written, the
//! user's cache folder (`$XDG_CACHE_HOME/dossier/HASH/cache`, else `~/.cache/dossier/HASH/cache`,
//! HASH being a hash of the canonical corpus paths). Both are tried when reading.
//!
//! What: the corpus as [`crate::pipeline::analyze`] made it, corrections not applied (they are
//! applied after every load, cached or not), with the load report's skipped files and warnings.
//!
//! How: see [`file`](mod@file) for the container (header, table of checked sections),
//! [`parts`] for what the sections hold, [`key`] for the key and the manifest that spares
//! reading unchanged files.
//!
//! When trusted: only when the file is intact and its key (see [`key`]) equals the key of the
//! files on disk now. On a change (a file touched, edited, added or removed) the corpus is
//! analysed again, but the files that did not change are not read again and their articles'
//! time expressions are kept (see [`reuse`]); everything resolved across articles is redone.
//! Another build of the program reuses nothing. The key itself takes the content hashes of
//! unchanged files from the manifest, so only changed files are read to compute it. The
//! built-in sample is never cached: it analyses in milliseconds.

pub mod file;
pub mod key;
pub mod parts;
pub mod reuse;

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::load::{FileSummary, Skipped, Warning};
use crate::model::Corpus;
use crate::progress::{self, Step};
use crate::stats::{Stage, StageTimes};

use file::{CacheFile, Problem};
use key::Manifest;

/// How the corpus was obtained.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CacheOutcome {
    /// Read from an intact cache made for these files: nothing was extracted.
    Hit,
    /// No cache existed: extracted, and the cache written (if a folder could be written).
    Miss,
    /// A cache existed but could not be used (why): extracted again, and the cache rewritten.
    Rebuilt(String),
    /// No cache is used for this corpus (the built-in sample).
    Off,
}

impl CacheOutcome {
    /// A word for reports: hit, miss, rebuilt or off.
    pub fn name(&self) -> &'static str {
        match self {
            CacheOutcome::Hit => "hit",
            CacheOutcome::Miss => "miss",
            CacheOutcome::Rebuilt(_) => "rebuilt",
            CacheOutcome::Off => "off",
        }
    }
}

/// Where the cache may be kept; [`Locations::for_paths`] gives the usual ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Locations {
    /// Beside the corpus: `DIR/.dossier/cache`.
    pub beside: PathBuf,
    /// In the user's cache folder, used when the corpus folder cannot be written.
    pub user: Option<PathBuf>,
}

impl Locations {
    /// The usual locations for a corpus named by `paths` (not empty), the user's cache folder
    /// taken from `XDG_CACHE_HOME` or `HOME`.
    pub fn for_paths(paths: &[PathBuf]) -> Locations {
        let user_root = std::env::var_os("XDG_CACHE_HOME")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .or_else(|| {
                std::env::var_os("HOME")
                    .map(PathBuf::from)
                    .filter(|p| p.is_absolute())
                    .map(|home| home.join(".cache"))
            });
        Locations::with_user_root(paths, user_root.as_deref())
    }

    /// The locations for `paths` with the user's cache folder at `user_root` (tests).
    pub fn with_user_root(paths: &[PathBuf], user_root: Option<&Path>) -> Locations {
        let dir = match paths.first() {
            Some(first) if first.is_dir() => first.clone(),
            Some(first) => match first.parent() {
                Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
                _ => PathBuf::from("."),
            },
            None => PathBuf::from("."),
        };
        let user = user_root.map(|root| {
            let mut hasher = xxhash_rust::xxh3::Xxh3::new();
            for path in paths {
                let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
                let bytes = canonical.as_os_str().as_encoded_bytes();
                hasher.update(&(bytes.len() as u64).to_le_bytes());
                hasher.update(bytes);
            }
            root.join("dossier")
                .join(format!("{:032x}", hasher.digest128()))
                .join("cache")
        });
        Locations {
            beside: dir.join(".dossier").join("cache"),
            user,
        }
    }
}

/// A corpus opened through the cache.
#[derive(Debug)]
pub struct Opened {
    /// The analysed corpus, corrections not applied; empty when nothing loaded.
    pub corpus: Corpus,
    /// Files not loaded.
    pub skipped: Vec<Skipped>,
    /// Problems that did not stop a file from loading.
    pub warnings: Vec<Warning>,
    /// Whether the cache was used.
    pub outcome: CacheOutcome,
    /// The cache file read or written, if any.
    pub location: Option<PathBuf>,
    /// Files whose load (and their articles' time expressions) came from an earlier analysis
    /// because they did not change (see [`reuse`]).
    pub reused_files: usize,
    /// Time per stage (only the cache stage on a hit).
    pub spent: StageTimes,
    /// What the cache key was computed from, and the time it took (part of the cache stage);
    /// `None` when no cache is used.
    pub fingerprint: Option<(key::Fingerprint, std::time::Duration)>,
}

/// Opens the corpus named by `paths` (the built-in sample when empty) through the cache in its
/// usual locations.
pub fn open(paths: &[PathBuf]) -> Opened {
    if paths.is_empty() {
        return analyse(paths, None).0;
    }
    open_at(paths, &Locations::for_paths(paths))
}

/// Opens the corpus named by `paths` (not empty) through the cache at `locations`.
pub fn open_at(paths: &[PathBuf], locations: &Locations) -> Opened {
    let mut spent = StageTimes::default();
    let started = Instant::now();
    let candidates: Vec<&PathBuf> = std::iter::once(&locations.beside)
        .chain(locations.user.as_ref())
        .collect();
    let mut unusable = None;
    let mut files = Vec::new();
    let mut previous = None;
    for location in candidates {
        match CacheFile::open(location) {
            Ok(file) => {
                if previous.is_none() {
                    match parts::read_manifest(&file) {
                        Ok(manifest) => previous = Some(manifest),
                        Err(why) => {
                            unusable = unusable.or(Some(why));
                            continue;
                        }
                    }
                }
                files.push((location, file));
            }
            Err(Problem::Io(e)) if is_absent(&e) => {}
            Err(Problem::Io(e)) => unusable = unusable.or(Some(format!("cannot read: {e}"))),
            Err(Problem::Invalid(why)) => unusable = unusable.or(Some(why)),
        }
    }
    progress::enter(Step::Checking);
    let (fingerprint, manifest) = key::fingerprint(paths, previous.as_ref());
    let fingerprinted = (fingerprint, started.elapsed());
    // The file the manifest came from, when it is intact but was made for other files (the
    // corpus changed): what it holds for the files that did not change is reused. A file made
    // for these files that cannot be read is damaged, and nothing of it is reused.
    let mut earlier = None;
    for (i, (location, file)) in files.iter().enumerate() {
        if file.digest() != fingerprint.digest {
            unusable = unusable.or(Some("the corpus or the program changed".into()));
            if i == 0 {
                earlier = Some(file);
            }
            continue;
        }
        progress::enter(Step::ReadingCache);
        match parts::read_corpus(file) {
            Ok((corpus, (skipped, warnings))) => {
                spent.add(Stage::Cache, started.elapsed());
                return Opened {
                    corpus,
                    skipped: skipped
                        .into_iter()
                        .map(|(path, reason)| Skipped { path, reason })
                        .collect(),
                    warnings: warnings
                        .into_iter()
                        .map(|(path, message)| Warning { path, message })
                        .collect(),
                    outcome: CacheOutcome::Hit,
                    location: Some((*location).clone()),
                    reused_files: 0,
                    spent,
                    fingerprint: Some(fingerprinted),
                };
            }
            Err(why) => unusable = unusable.or(Some(why)),
        }
    }
    let offer = earlier.zip(previous.as_ref()).and_then(|(file, then)| {
        progress::enter(Step::ReadingCache);
        let earlier = parts::read_reusable(file).ok()?;
        Some(reuse::Offer::new(earlier, then, &manifest))
    });
    drop(files);
    spent.add(Stage::Cache, started.elapsed());

    let (mut opened, loaded_files) = analyse(paths, offer);
    opened.spent.add(Stage::Cache, spent.get(Stage::Cache));
    opened.fingerprint = Some(fingerprinted);
    opened.outcome = match unusable {
        Some(why) => CacheOutcome::Rebuilt(why),
        None => CacheOutcome::Miss,
    };
    if opened.corpus.articles.is_empty() {
        return opened;
    }
    let started = Instant::now();
    progress::enter(Step::WritingCache);
    opened.location = store(
        &opened,
        &manifest,
        &loaded_files,
        fingerprint.digest,
        locations,
    );
    opened.spent.add(Stage::Cache, started.elapsed());
    opened
}

/// No cache file there, or no folder for it (something else in the way of `.dossier`).
fn is_absent(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
    )
}

/// Loads and analyses, taking what `offer` holds for unchanged files instead of redoing it.
/// Returns the opened corpus and what each file gave (for the cache).
fn analyse(paths: &[PathBuf], offer: Option<reuse::Offer>) -> (Opened, Vec<FileSummary>) {
    let mut spent = StageTimes::default();
    let (loads, known_times) = match offer {
        Some(offer) => (offer.loads, Some(offer.times)),
        None => Default::default(),
    };
    let reused_files = loads.len();
    let report = spent.time(Stage::Read, || {
        if paths.is_empty() {
            crate::sample::load_sample()
        } else {
            crate::load::load_paths_reusing(paths, loads)
        }
    });
    spent.collect_thread_times();
    let known_times = known_times
        .map(|times| times.for_articles(&report.articles))
        .unwrap_or_default();
    let corpus = if report.articles.is_empty() {
        Corpus::default()
    } else {
        crate::pipeline::analyze_reusing(report.articles, known_times, &mut spent)
    };
    let opened = Opened {
        corpus,
        skipped: report.skipped,
        warnings: report.warnings,
        outcome: CacheOutcome::Off,
        location: None,
        reused_files,
        spent,
        fingerprint: None,
    };
    (opened, report.files)
}

/// Writes the cache beside the corpus, or in the user's cache folder when that fails. Returns
/// where it was written; a cache that cannot be written anywhere is simply not kept.
fn store(
    opened: &Opened,
    manifest: &Manifest,
    files: &[FileSummary],
    digest: u128,
    locations: &Locations,
) -> Option<PathBuf> {
    let report: parts::ReportRef<'_> = (
        opened
            .skipped
            .iter()
            .map(|s| (s.path.as_path(), s.reason.as_str()))
            .collect(),
        opened
            .warnings
            .iter()
            .map(|w| (w.path.as_path(), w.message.as_str()))
            .collect(),
    );
    let files = (key::program_identity(), files);
    let encoding = parts::Encoding::new(manifest, &report, files, &opened.corpus);
    std::iter::once(&locations.beside)
        .chain(locations.user.as_ref())
        .find(|location| {
            file::write_atomically(location, digest, encoding.len(), |i| encoding.section(i))
                .is_ok()
        })
        .cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cache_goes_beside_the_first_folder_or_the_first_file() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().to_path_buf();
        let file = folder.join("a.txt");
        std::fs::write(&file, "x").unwrap();
        let expected = folder.join(".dossier").join("cache");
        assert_eq!(
            Locations::with_user_root(std::slice::from_ref(&folder), None).beside,
            expected
        );
        assert_eq!(
            Locations::with_user_root(std::slice::from_ref(&file), None).beside,
            expected
        );
        assert_eq!(
            Locations::with_user_root(&[PathBuf::from("a.txt")], None).beside,
            Path::new(".").join(".dossier").join("cache")
        );
    }

    #[test]
    fn the_user_cache_is_per_corpus() {
        let root = Path::new("/var/tmp/user-cache");
        let one = Locations::with_user_root(&[PathBuf::from("/news/a")], Some(root));
        let two = Locations::with_user_root(&[PathBuf::from("/news/b")], Some(root));
        let one = one.user.unwrap();
        assert!(one.starts_with(root.join("dossier")));
        assert!(one.ends_with("cache"));
        assert_ne!(Some(one), two.user);
    }
}
