//! The cache file's container: a fixed header, a table of sections, then the sections, each with
//! its own length and checksum so that sections are read and checked independently (and in
//! parallel) with positioned reads, never holding the whole file in memory.
//!
//! Header (40 bytes, little-endian): magic `DOSSIERC`, [`SCHEMA_VERSION`] (u32), the key digest
//! (u128), the number of sections (u32) and the xxh3-64 checksum of the table (u64). Table: per
//! section a tag (u8), its length (u64) and its xxh3-64 checksum (u64); sections follow the
//! table in order. A file is trusted only when magic, version, table checksum and total length
//! agree, and a section only when its checksum does; anything else (truncated, random bytes,
//! another program's file, another version) is a [`Problem::Invalid`] that the caller turns
//! into a rebuild. What the sections hold is [`super::parts`]'s business.

use std::fs::File;
use std::io::{Read, Write};
use std::os::unix::fs::FileExt;
use std::path::Path;

use xxhash_rust::xxh3::xxh3_64;

/// The version of the cache's layout and of the model types it holds. Bump it whenever a type
/// under [`crate::model`] (or what [`super::parts`] stores) changes its fields, their order or
/// their meaning: sections are encoded positionally (postcard), so an old file could decode into
/// nonsense.
pub const SCHEMA_VERSION: u32 = 4;

const MAGIC: [u8; 8] = *b"DOSSIERC";
const HEADER_LEN: usize = 8 + 4 + 16 + 4 + 8;
const ENTRY_LEN: usize = 1 + 8 + 8;
/// More sections than this is not a file we wrote (a corpus of millions of articles needs a few
/// thousand); refusing early keeps a forged count from allocating a huge table.
const MAX_SECTIONS: u32 = 1 << 20;

/// One section to write: what it holds (a tag [`super::parts`] defines) and its bytes.
#[derive(Debug)]
pub struct Section {
    /// What the section holds.
    pub tag: u8,
    /// Its encoded content.
    pub bytes: Vec<u8>,
}

/// Why a cache file could not be used.
#[derive(Debug)]
pub enum Problem {
    /// It could not be opened or read (including: it does not exist).
    Io(std::io::Error),
    /// It is not an intact cache of this version, and why.
    Invalid(String),
}

/// Where one section lies in the file.
#[derive(Debug, Clone, Copy)]
struct Entry {
    tag: u8,
    offset: u64,
    len: u64,
    checksum: u64,
}

/// An opened cache file whose header and table are intact; sections are read on demand.
#[derive(Debug)]
pub struct CacheFile {
    file: File,
    digest: u128,
    table: Vec<Entry>,
}

impl CacheFile {
    /// Opens `path` and checks its header, its table and its length (one small read, whatever
    /// the file's size). Sections are checked when read.
    pub fn open(path: &Path) -> Result<CacheFile, Problem> {
        let mut file = File::open(path).map_err(Problem::Io)?;
        let mut header = [0u8; HEADER_LEN];
        file.read_exact(&mut header).map_err(|e| match e.kind() {
            std::io::ErrorKind::UnexpectedEof => Problem::Invalid("shorter than its header".into()),
            _ => Problem::Io(e),
        })?;
        let (digest, count, table_checksum) = check_header(&header).map_err(Problem::Invalid)?;
        let table_len = count as usize * ENTRY_LEN;
        let mut table_bytes = vec![0u8; table_len];
        file.read_exact(&mut table_bytes)
            .map_err(|_| Problem::Invalid("truncated".into()))?;
        if xxh3_64(&table_bytes) != table_checksum {
            return Err(Problem::Invalid("damaged (table checksum mismatch)".into()));
        }
        let mut offset = (HEADER_LEN + table_len) as u64;
        let mut table = Vec::with_capacity(count as usize);
        for raw in table_bytes.chunks_exact(ENTRY_LEN) {
            let len = le_u64(&raw[1..9]);
            table.push(Entry {
                tag: raw[0],
                offset,
                len,
                checksum: le_u64(&raw[9..17]),
            });
            offset = offset
                .checked_add(len)
                .ok_or_else(|| Problem::Invalid("impossible section length".into()))?;
        }
        let on_disk = file.metadata().map_err(Problem::Io)?.len();
        if on_disk != offset {
            return Err(Problem::Invalid("truncated or extended".into()));
        }
        Ok(CacheFile {
            file,
            digest,
            table,
        })
    }

    /// The key digest the file was written for.
    pub fn digest(&self) -> u128 {
        self.digest
    }

    /// The tags of the sections, in file order.
    pub fn tags(&self) -> Vec<u8> {
        self.table.iter().map(|e| e.tag).collect()
    }

    /// Reads section `index` and checks its checksum. Safe to call from several threads.
    pub fn read_section(&self, index: usize) -> Result<Vec<u8>, String> {
        let mut bytes = Vec::new();
        self.read_section_into(index, &mut bytes)?;
        Ok(bytes)
    }

    /// [`CacheFile::read_section`] into a buffer the caller reuses: sections add up to hundreds
    /// of megabytes, and fresh memory for each would be paid again in page faults.
    pub fn read_section_into(&self, index: usize, bytes: &mut Vec<u8>) -> Result<(), String> {
        let entry = self.table.get(index).ok_or("no such section")?;
        let len = usize::try_from(entry.len).map_err(|_| "section too large")?;
        // Only growth is zeroed: what the buffer held is overwritten by the read, and zeroing
        // hundreds of megabytes again on every reopening showed in profiles (5%).
        if bytes.len() < len {
            bytes.resize(len, 0);
        } else {
            bytes.truncate(len);
        }
        self.file
            .read_exact_at(bytes, entry.offset)
            .map_err(|e| format!("cannot read: {e}"))?;
        if xxh3_64(bytes) != entry.checksum {
            return Err("damaged (checksum mismatch)".into());
        }
        Ok(())
    }
}

/// Checks magic and version; returns the digest, the section count and the table checksum.
fn check_header(header: &[u8; HEADER_LEN]) -> Result<(u128, u32, u64), String> {
    if header[0..8] != MAGIC {
        return Err("not a dossier cache".into());
    }
    let version = le_u32(&header[8..12]);
    if version != SCHEMA_VERSION {
        return Err(format!("made by cache version {version}"));
    }
    let digest = u128::from_le_bytes(
        // 16 bytes by construction of the fixed-size header.
        header[12..28].try_into().map_err(|_| "bad header")?,
    );
    let count = le_u32(&header[28..32]);
    if count > MAX_SECTIONS {
        return Err("not a dossier cache (too many sections)".into());
    }
    Ok((digest, count, le_u64(&header[32..40])))
}

fn le_u32(bytes: &[u8]) -> u32 {
    let mut b = [0u8; 4];
    b.copy_from_slice(bytes.get(..4).unwrap_or(&[0; 4]));
    u32::from_le_bytes(b)
}

fn le_u64(bytes: &[u8]) -> u64 {
    let mut b = [0u8; 8];
    b.copy_from_slice(bytes.get(..8).unwrap_or(&[0; 8]));
    u64::from_le_bytes(b)
}

/// One section's line in the table.
fn table_entry(tag: u8, bytes: &[u8]) -> [u8; ENTRY_LEN] {
    let mut entry = [0u8; ENTRY_LEN];
    entry[0] = tag;
    entry[1..9].copy_from_slice(&(bytes.len() as u64).to_le_bytes());
    entry[9..17].copy_from_slice(&xxh3_64(bytes).to_le_bytes());
    entry
}

/// The header and table, given the table's entries.
fn head(digest: u128, table: &[[u8; ENTRY_LEN]]) -> Vec<u8> {
    let table: Vec<u8> = table.concat();
    let mut head = Vec::with_capacity(HEADER_LEN + table.len());
    head.extend_from_slice(&MAGIC);
    head.extend_from_slice(&SCHEMA_VERSION.to_le_bytes());
    head.extend_from_slice(&digest.to_le_bytes());
    head.extend_from_slice(&((table.len() / ENTRY_LEN) as u32).to_le_bytes());
    head.extend_from_slice(&xxh3_64(&table).to_le_bytes());
    head.extend_from_slice(&table);
    head
}

/// The whole file for `sections` as one buffer (tests).
#[cfg(test)]
pub fn to_bytes(digest: u128, sections: &[Section]) -> Vec<u8> {
    let table: Vec<_> = sections
        .iter()
        .map(|s| table_entry(s.tag, &s.bytes))
        .collect();
    let mut bytes = head(digest, &table);
    for section in sections {
        bytes.extend_from_slice(&section.bytes);
    }
    bytes
}

/// Sections made at once, on every core, before they are written: enough to keep the cores
/// busy, few enough that the encoded corpus is never whole in memory.
const SECTIONS_IN_FLIGHT: usize = 8;

/// Writes a cache file of `count` sections, section `i` made by `make(i)`, to `path`
/// atomically: a temporary file in the same folder, then a rename, so that a reader sees the
/// old file or the new one, never half of one. Sections are made a few at a time in parallel
/// and written as they come; the table, which needs their lengths and checksums, is written
/// last over the space left for it. The folder is created if needed, and temporary files of
/// writes killed midway are removed from it. No fsync: a file torn by a crash fails its
/// checksums and is rebuilt.
pub fn write_atomically(
    path: &Path,
    digest: u128,
    count: usize,
    make: impl Fn(usize) -> Result<Section, String> + Sync,
) -> std::io::Result<()> {
    let folder = path
        .parent()
        .ok_or_else(|| std::io::Error::other("no folder"))?;
    std::fs::create_dir_all(folder)?;
    remove_abandoned_writes(folder);
    // Unique per process and moment, so that two dossiers writing at once do not collide.
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    let temp = folder.join(format!(".cache.{}.{nanos}.tmp", std::process::id()));
    let written = File::create_new(&temp)
        .and_then(|file| write_sections(file, digest, count, &make))
        .and_then(|()| std::fs::rename(&temp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written
}

/// A write's temporary file not modified for this long was abandoned (its process was killed):
/// a write in progress modifies its file every few seconds at most.
const ABANDONED_AFTER: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// Removes the temporary files of writes that were killed midway (the size of a cache each), so
/// that they do not pile up beside the corpus. Best effort: what cannot be removed is left.
fn remove_abandoned_writes(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(".cache.") && name.ends_with(".tmp")) {
            continue;
        }
        let idle = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|modified| modified.elapsed().ok());
        if idle.is_some_and(|idle| idle >= ABANDONED_AFTER) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

fn write_sections(
    file: File,
    digest: u128,
    count: usize,
    make: &(impl Fn(usize) -> Result<Section, String> + Sync),
) -> std::io::Result<()> {
    use rayon::prelude::*;
    use std::io::{Seek, SeekFrom};

    let head_len = HEADER_LEN + count * ENTRY_LEN;
    let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
    out.write_all(&vec![0u8; head_len])?;
    let mut table = Vec::with_capacity(count);
    let indices: Vec<usize> = (0..count).collect();
    for batch in indices.chunks(SECTIONS_IN_FLIGHT) {
        let sections: Vec<Section> = batch
            .par_iter()
            .map(|&i| make(i))
            .collect::<Result<_, String>>()
            .map_err(std::io::Error::other)?;
        for section in sections {
            table.push(table_entry(section.tag, &section.bytes));
            out.write_all(&section.bytes)?;
        }
    }
    out.seek(SeekFrom::Start(0))?;
    out.write_all(&head(digest, &table))?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sections() -> Vec<Section> {
        vec![
            Section {
                tag: 1,
                bytes: b"manifest".to_vec(),
            },
            Section {
                tag: 3,
                bytes: vec![7u8; 1000],
            },
        ]
    }

    fn open_bytes(bytes: &[u8]) -> Result<CacheFile, Problem> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache");
        std::fs::write(&path, bytes).unwrap();
        CacheFile::open(&path)
    }

    #[test]
    fn a_write_removes_temporary_files_left_by_killed_writes_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let abandoned = dir.path().join(".cache.123.456.tmp");
        let in_progress = dir.path().join(".cache.789.1011.tmp");
        let other = dir.path().join("notes.tmp");
        for path in [&abandoned, &in_progress, &other] {
            std::fs::write(path, b"partial").unwrap();
        }
        let long_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        for path in [&abandoned, &other] {
            let file = File::options().write(true).open(path).unwrap();
            file.set_modified(long_ago).unwrap();
        }
        let made = sections();
        write_atomically(&dir.path().join("cache"), 1, made.len(), |i| {
            Ok(Section {
                tag: made[i].tag,
                bytes: made[i].bytes.clone(),
            })
        })
        .unwrap();
        assert!(!abandoned.exists());
        assert!(
            in_progress.exists(),
            "a write that may still be running is left"
        );
        assert!(other.exists());
        assert!(dir.path().join("cache").is_file());
    }

    #[test]
    fn sections_come_back_as_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("cache");
        let made = sections();
        write_atomically(&path, 42, made.len(), |i| {
            Ok(Section {
                tag: made[i].tag,
                bytes: made[i].bytes.clone(),
            })
        })
        .unwrap();
        let file = CacheFile::open(&path).unwrap();
        assert_eq!(file.digest(), 42);
        assert_eq!(file.tags(), vec![1, 3]);
        assert_eq!(file.read_section(0).unwrap(), b"manifest");
        assert_eq!(file.read_section(1).unwrap(), vec![7u8; 1000]);
        assert!(file.read_section(2).is_err());
        assert_eq!(std::fs::read(&path).unwrap(), to_bytes(42, &sections()));
    }

    #[test]
    fn every_kind_of_damage_is_refused() {
        let good = to_bytes(7, &sections());
        let table_end = HEADER_LEN + 2 * ENTRY_LEN;
        for cut in [0, 10, HEADER_LEN, table_end, good.len() / 2, good.len() - 1] {
            assert!(open_bytes(&good[..cut]).is_err(), "truncated at {cut}");
        }
        let mut longer = good.clone();
        longer.push(0);
        assert!(open_bytes(&longer).is_err(), "extended");
        let mut magic = good.clone();
        magic[0] = b'X';
        assert!(open_bytes(&magic).is_err(), "wrong magic");
        let mut version = good.clone();
        version[8..12].copy_from_slice(&(SCHEMA_VERSION + 1).to_le_bytes());
        assert!(open_bytes(&version).is_err(), "other version");
        let mut table = good.clone();
        table[HEADER_LEN + 3] ^= 1;
        assert!(open_bytes(&table).is_err(), "damaged table");
        let mut count = good.clone();
        count[28..32].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(open_bytes(&count).is_err(), "forged section count");
        let noise: Vec<u8> = (0..5000u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
            .collect();
        assert!(open_bytes(&noise).is_err(), "noise");

        // A flipped byte inside a section passes the open and fails that section's read.
        let mut flipped = good.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 0x55;
        let file = open_bytes(&flipped).unwrap();
        assert!(file.read_section(0).is_ok());
        assert!(file.read_section(1).is_err());
    }
}
