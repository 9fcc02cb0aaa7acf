//! The cache file: a fixed header, then the MessagePack encoding of [`Cached`], structs as maps.
//!
//! Why MessagePack with field names: the model has an adjacently tagged enum
//! ([`crate::model::Speaker`]) whose unit variant has no content; non-self-describing formats
//! (postcard, and MessagePack with structs as arrays) cannot decode it, which would make every
//! reopening rebuild. The test `every_speaker_kind_round_trips` guards this.
//!
//! Header (44 bytes, little-endian): magic `DOSSIERC`, [`SCHEMA_VERSION`] (u32), the key digest
//! (u128), the payload length (u64) and the payload's xxh3-64 checksum (u64). A file is trusted
//! only when all five agree; anything else (truncated, random bytes, another program's file,
//! another version) is reported as [`ReadOutcome::Unusable`] and rebuilt by the caller.
//! Decoding never panics: rmp-serde returns errors, and serde caps what it preallocates.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64;

use crate::model::Corpus;

/// The version of the cache's layout and of the model types it holds. Bump it whenever a type
/// under [`crate::model`] (or [`Cached`]) changes its fields, their order or their meaning,
/// since an old file could decode into nonsense or fail. (Fields are stored by name, so
/// a renamed or added field fails to decode, but a reordering alone would not need a bump.)
pub const SCHEMA_VERSION: u32 = 1;

const MAGIC: [u8; 8] = *b"DOSSIERC";
const HEADER_LEN: usize = 8 + 4 + 16 + 8 + 8;

/// What the cache keeps: the analysed corpus before corrections, and the load report's
/// problems so that they are still reported when the corpus comes from the cache.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Cached {
    /// The analysed corpus, corrections not applied.
    pub corpus: Corpus,
    /// Files not loaded: (path, reason).
    pub skipped: Vec<(PathBuf, String)>,
    /// Problems that did not stop a file from loading: (path, message).
    pub warnings: Vec<(PathBuf, String)>,
}

/// The result of reading a cache file.
#[derive(Debug)]
pub enum ReadOutcome {
    /// No file there.
    Missing,
    /// A file for this key, intact.
    Hit(Box<Cached>),
    /// A file that cannot be used, and why (stale key, damage, foreign, other version).
    Unusable(String),
}

/// Reads the cache file at `path`, trusting it only if it is intact and was made for `key`.
/// The header is checked before the payload is read, so a stale or foreign file costs one small
/// read, whatever its size.
pub fn read(path: &Path, key: u128) -> ReadOutcome {
    match read_checked(path, key) {
        Ok(cached) => ReadOutcome::Hit(Box::new(cached)),
        // No file, or no folder for it (something else in the way of `.dossier`).
        Err(Problem::Io(e))
            if matches!(
                e.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
            ) =>
        {
            ReadOutcome::Missing
        }
        Err(Problem::Io(e)) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
            ReadOutcome::Unusable("shorter than its header".into())
        }
        Err(Problem::Io(e)) => ReadOutcome::Unusable(format!("cannot read: {e}")),
        Err(Problem::Invalid(why)) => ReadOutcome::Unusable(why),
    }
}

/// Why a cache file was not read.
enum Problem {
    Io(std::io::Error),
    Invalid(String),
}

fn read_checked(path: &Path, key: u128) -> Result<Cached, Problem> {
    let mut file = std::fs::File::open(path).map_err(Problem::Io)?;
    let mut header = [0u8; HEADER_LEN];
    file.read_exact(&mut header).map_err(Problem::Io)?;
    let (len, checksum) = check_header(&header, key).map_err(Problem::Invalid)?;
    let on_disk = file.metadata().map_err(Problem::Io)?.len();
    if on_disk != HEADER_LEN as u64 + len {
        return Err(Problem::Invalid("truncated or extended".into()));
    }
    let capacity = usize::try_from(len).map_err(|_| Problem::Invalid("too large".into()))?;
    let mut payload = Vec::with_capacity(capacity);
    file.read_to_end(&mut payload).map_err(Problem::Io)?;
    decode_payload(&payload, len, checksum).map_err(Problem::Invalid)
}

/// Checks the header and checksum of a whole file in memory, then decodes the payload.
#[cfg(test)]
fn decode(bytes: &[u8], key: u128) -> Result<Cached, String> {
    let (header, payload) = bytes
        .split_at_checked(HEADER_LEN)
        .ok_or("shorter than its header")?;
    let (len, checksum) = check_header(header, key)?;
    decode_payload(payload, len, checksum)
}

/// Checks magic, version and key; returns the payload's length and checksum.
fn check_header(header: &[u8], key: u128) -> Result<(u64, u64), String> {
    let field = |from: usize, len: usize| header.get(from..from + len).unwrap_or_default();
    if field(0, 8) != MAGIC {
        return Err("not a dossier cache".into());
    }
    let version = u32::from_le_bytes(field(8, 4).try_into().map_err(|_| "bad header")?);
    if version != SCHEMA_VERSION {
        return Err(format!("made by cache version {version}"));
    }
    let stored_key = u128::from_le_bytes(field(12, 16).try_into().map_err(|_| "bad header")?);
    if stored_key != key {
        return Err("the corpus or the program changed".into());
    }
    let len = u64::from_le_bytes(field(28, 8).try_into().map_err(|_| "bad header")?);
    let checksum = u64::from_le_bytes(field(36, 8).try_into().map_err(|_| "bad header")?);
    Ok((len, checksum))
}

/// Checks the payload's length and checksum, then decodes it.
fn decode_payload(payload: &[u8], len: u64, checksum: u64) -> Result<Cached, String> {
    if len != payload.len() as u64 {
        return Err("truncated or extended".into());
    }
    if checksum != xxh3_64(payload) {
        return Err("damaged (checksum mismatch)".into());
    }
    rmp_serde::from_slice(payload).map_err(|e| format!("cannot decode: {e}"))
}

/// A cache file's two parts, kept apart so that the (large) payload is never copied.
#[derive(Debug)]
pub struct Encoded {
    /// The fixed-size header.
    pub header: Vec<u8>,
    /// The MessagePack encoding of the cached value.
    pub payload: Vec<u8>,
}

impl Encoded {
    /// The whole file as one buffer.
    pub fn to_bytes(&self) -> Vec<u8> {
        [self.header.as_slice(), self.payload.as_slice()].concat()
    }
}

/// Encodes `cached` (a [`Cached`], or anything that serializes the same) with its header.
pub fn encode(cached: &impl Serialize, key: u128) -> Result<Encoded, String> {
    let payload = rmp_serde::to_vec_named(cached).map_err(|e| format!("cannot encode: {e}"))?;
    let mut header = Vec::with_capacity(HEADER_LEN);
    header.extend_from_slice(&MAGIC);
    header.extend_from_slice(&SCHEMA_VERSION.to_le_bytes());
    header.extend_from_slice(&key.to_le_bytes());
    header.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    header.extend_from_slice(&xxh3_64(&payload).to_le_bytes());
    Ok(Encoded { header, payload })
}

/// Writes `parts` one after the other to `path` atomically: a temporary file in the same folder, then a rename, so
/// that a reader sees the old file or the new one, never half of one. The folder is created if
/// needed. No fsync: a file torn by a crash fails its checksum and is rebuilt.
pub fn write_atomically(path: &Path, parts: &[&[u8]]) -> std::io::Result<()> {
    let folder = path
        .parent()
        .ok_or_else(|| std::io::Error::other("no folder"))?;
    std::fs::create_dir_all(folder)?;
    // Unique per process and moment, so that two dossiers writing at once do not collide.
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    let temp = folder.join(format!(".cache.{}.{nanos}.tmp", std::process::id()));
    let written = std::fs::File::create_new(&temp)
        .and_then(|mut file| parts.iter().try_for_each(|part| file.write_all(part)))
        .and_then(|()| std::fs::rename(&temp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample_bytes(key: u128) -> Vec<u8> {
        let cached = Cached {
            corpus: crate::pipeline::analyze(crate::sample::load_sample().articles),
            skipped: vec![(PathBuf::from("x.pdf"), "unsupported".into())],
            warnings: Vec::new(),
        };
        encode(&cached, key).unwrap().to_bytes()
    }

    #[test]
    fn round_trip_keeps_the_corpus() {
        let bytes = sample_bytes(7);
        let back = decode(&bytes, 7).unwrap();
        let fresh = crate::pipeline::analyze(crate::sample::load_sample().articles);
        assert_eq!(
            serde_json::to_string(&back.corpus).unwrap(),
            serde_json::to_string(&fresh).unwrap()
        );
        assert_eq!(back.skipped.len(), 1);
    }

    #[test]
    fn every_kind_of_damage_is_refused() {
        let good = sample_bytes(7);
        assert!(decode(&good, 8).is_err(), "other key");
        for cut in [0, 10, HEADER_LEN, good.len() / 2, good.len() - 1] {
            assert!(decode(&good[..cut], 7).is_err(), "truncated at {cut}");
        }
        let mut flipped = good.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 0x55;
        assert!(decode(&flipped, 7).is_err(), "flipped payload byte");
        let mut magic = good.clone();
        magic[0] = b'X';
        assert!(decode(&magic, 7).is_err(), "wrong magic");
        let mut version = good.clone();
        version[8..12].copy_from_slice(&(SCHEMA_VERSION + 1).to_le_bytes());
        assert!(decode(&version, 7).is_err(), "other version");
        let noise: Vec<u8> = (0..5000u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
            .collect();
        assert!(decode(&noise, 7).is_err(), "noise");
    }

    #[test]
    fn a_consistent_header_over_garbage_is_refused_without_panic() {
        // A foreign payload that passes the header and checksum must still fail to decode.
        let payload = vec![0xffu8; 64];
        let mut bytes = Vec::new();
        bytes.extend_from_slice(&MAGIC);
        bytes.extend_from_slice(&SCHEMA_VERSION.to_le_bytes());
        bytes.extend_from_slice(&7u128.to_le_bytes());
        bytes.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        bytes.extend_from_slice(&xxh3_64(&payload).to_le_bytes());
        bytes.extend_from_slice(&payload);
        assert!(decode(&bytes, 7).is_err());
    }
}

#[cfg(test)]
mod model_tests {
    use super::*;
    use crate::model::{ActorId, ArticleId, Quote, SentenceRef, Span, Speaker};

    /// Every shape of serde attribute the model uses (an adjacently tagged enum here) must
    /// survive the binary encoding, or every reopening would silently rebuild.
    #[test]
    fn every_speaker_kind_round_trips() {
        let mut cached = Cached::default();
        for speaker in [
            Speaker::Actor(ActorId::from_index(3)),
            Speaker::Described("one witness".into()),
            Speaker::Unattributed,
        ] {
            cached.corpus.quotes.push(Quote {
                at: SentenceRef {
                    article: ArticleId::from_index(0),
                    sentence: 0,
                },
                span: Span { start: 1, end: 5 },
                speaker,
                channel: Some("said".into()),
                via: None,
            });
        }
        let back = decode(&encode(&cached, 1).unwrap().to_bytes(), 1).unwrap();
        assert_eq!(back.corpus.quotes, cached.corpus.quotes);
    }
}
