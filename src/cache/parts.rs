//! What the cache file's sections hold, and how they are encoded: postcard (compact, positional)
//! per section, the corpus's large record lists cut into chunks so that encoding and decoding
//! run on every core and no section needs the whole file in memory.
//!
//! Sections, in file order: the [`Manifest`] (read first, alone, to compute the key), the load
//! report, then each record list of the corpus in one or more chunks. The index is not stored:
//! [`Corpus::reindex`] rebuilds it faster than it decodes.

use std::sync::Mutex;

use rayon::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::file::{CacheFile, Section};
use super::key::Manifest;
use crate::model::{
    Actor, Article, CitedSource, Corpus, Event, Mention, Quote, SharedPassage, TimeExpr,
    TimelineEntry,
};

/// Section tags. Chunks of one list carry the same tag and follow each other in order.
mod tag {
    pub const MANIFEST: u8 = 1;
    pub const REPORT: u8 = 2;
    pub const ARTICLES: u8 = 3;
    pub const ACTORS: u8 = 4;
    pub const MENTIONS: u8 = 5;
    pub const TIMES: u8 = 6;
    pub const EVENTS: u8 = 7;
    pub const ENTRIES: u8 = 8;
    pub const QUOTES: u8 = 9;
    pub const SOURCES: u8 = 10;
    pub const PASSAGES: u8 = 11;
}

/// Records per chunk: a few megabytes encoded, so that even a small corpus's largest lists
/// split across cores while the section table stays short.
const ARTICLES_PER_CHUNK: usize = 1_000;
const RECORDS_PER_CHUNK: usize = 100_000;

/// The load report's problems: (path, reason) for skipped files, (path, message) for warnings.
pub type Report = (
    Vec<(std::path::PathBuf, String)>,
    Vec<(std::path::PathBuf, String)>,
);

/// The load report borrowed, for writing; encodes as [`Report`].
pub type ReportRef<'a> = (
    Vec<(&'a std::path::Path, &'a str)>,
    Vec<(&'a std::path::Path, &'a str)>,
);

/// Encodes one section on demand.
type Job<'a> = Box<dyn Fn() -> Result<Section, String> + Send + Sync + 'a>;

/// The sections of a cache file for the manifest, the load report and the corpus (without its
/// index), encoded on demand so that the writer can hold only a few at a time.
pub struct Encoding<'a> {
    jobs: Vec<Job<'a>>,
}

impl<'a> Encoding<'a> {
    /// Plans the sections; nothing is encoded yet.
    pub fn new(manifest: &'a Manifest, report: &'a ReportRef<'a>, corpus: &'a Corpus) -> Self {
        let mut jobs: Vec<Job<'a>> = vec![
            Box::new(move || one(tag::MANIFEST, manifest)),
            Box::new(move || one(tag::REPORT, report)),
        ];
        chunked(
            &mut jobs,
            tag::ARTICLES,
            &corpus.articles,
            ARTICLES_PER_CHUNK,
        );
        chunked(&mut jobs, tag::ACTORS, &corpus.actors, RECORDS_PER_CHUNK);
        chunked(
            &mut jobs,
            tag::MENTIONS,
            &corpus.mentions,
            RECORDS_PER_CHUNK,
        );
        chunked(&mut jobs, tag::TIMES, &corpus.times, RECORDS_PER_CHUNK);
        chunked(&mut jobs, tag::EVENTS, &corpus.events, RECORDS_PER_CHUNK);
        chunked(&mut jobs, tag::ENTRIES, &corpus.entries, RECORDS_PER_CHUNK);
        chunked(&mut jobs, tag::QUOTES, &corpus.quotes, RECORDS_PER_CHUNK);
        chunked(&mut jobs, tag::SOURCES, &corpus.sources, RECORDS_PER_CHUNK);
        chunked(
            &mut jobs,
            tag::PASSAGES,
            &corpus.passages,
            RECORDS_PER_CHUNK,
        );
        Encoding { jobs }
    }

    /// How many sections.
    pub fn len(&self) -> usize {
        self.jobs.len()
    }

    /// Never: the manifest and the report are always there.
    pub fn is_empty(&self) -> bool {
        self.jobs.is_empty()
    }

    /// Encodes section `i`.
    pub fn section(&self, i: usize) -> Result<Section, String> {
        self.jobs.get(i).ok_or("no such section")?()
    }
}

fn one<T: Serialize + ?Sized>(tag: u8, value: &T) -> Result<Section, String> {
    let bytes = postcard::to_stdvec(value).map_err(|e| format!("cannot encode: {e}"))?;
    Ok(Section { tag, bytes })
}

/// Adds one encoding job per chunk of `records` (at least one, so an empty list is stored too).
fn chunked<'a, T: Serialize + Sync>(
    jobs: &mut Vec<Job<'a>>,
    tag: u8,
    records: &'a [T],
    per_chunk: usize,
) {
    if records.is_empty() {
        jobs.push(Box::new(move || one(tag, records)));
        return;
    }
    for chunk in records.chunks(per_chunk) {
        jobs.push(Box::new(move || one(tag, chunk)));
    }
}

/// Reads and decodes the manifest, which the writer puts first.
pub fn read_manifest(file: &CacheFile) -> Result<Manifest, String> {
    if file.tags().first() != Some(&tag::MANIFEST) {
        return Err("no manifest".into());
    }
    decode(&file.read_section(0)?)
}

/// One decoded section.
enum Piece {
    Manifest,
    Report(Report),
    Articles(Vec<Article>),
    Actors(Vec<Actor>),
    Mentions(Vec<Mention>),
    Times(Vec<TimeExpr>),
    Events(Vec<Event>),
    Entries(Vec<TimelineEntry>),
    Quotes(Vec<Quote>),
    Sources(Vec<CitedSource>),
    Passages(Vec<SharedPassage>),
}

impl Piece {
    /// The section tag it came from and its number of records.
    fn size(&self) -> (u8, usize) {
        match self {
            Piece::Manifest => (tag::MANIFEST, 0),
            Piece::Report(_) => (tag::REPORT, 0),
            Piece::Articles(v) => (tag::ARTICLES, v.len()),
            Piece::Actors(v) => (tag::ACTORS, v.len()),
            Piece::Mentions(v) => (tag::MENTIONS, v.len()),
            Piece::Times(v) => (tag::TIMES, v.len()),
            Piece::Events(v) => (tag::EVENTS, v.len()),
            Piece::Entries(v) => (tag::ENTRIES, v.len()),
            Piece::Quotes(v) => (tag::QUOTES, v.len()),
            Piece::Sources(v) => (tag::SOURCES, v.len()),
            Piece::Passages(v) => (tag::PASSAGES, v.len()),
        }
    }
}

/// Reads, checks and decodes every section but the manifest, in parallel, and assembles the
/// corpus (index rebuilt) and the load report.
pub fn read_corpus(file: &CacheFile) -> Result<(Corpus, Report), String> {
    let tags = file.tags();
    // Read buffers handed from one section to the next (one per worker at a time).
    let buffers: Mutex<Vec<Vec<u8>>> = Mutex::new(Vec::new());
    let pieces: Vec<Piece> = tags
        .par_iter()
        .enumerate()
        .map(|(i, &tag)| {
            if tag == tag::MANIFEST {
                return Ok(Piece::Manifest);
            }
            let mut bytes = buffers
                .lock()
                .map(|mut b| b.pop())
                .ok()
                .flatten()
                .unwrap_or_default();
            file.read_section_into(i, &mut bytes)?;
            let piece = decode_piece(tag, &bytes);
            if let Ok(mut b) = buffers.lock() {
                b.push(bytes);
            }
            piece
        })
        .collect::<Result<_, String>>()?;
    drop(buffers);

    // Each list is assembled in one allocation of its final size: the first chunk's vector,
    // grown once, then the others moved in.
    let mut totals = [0usize; 16];
    for piece in &pieces {
        let (tag, len) = piece.size();
        if let Some(total) = totals.get_mut(tag as usize) {
            *total += len;
        }
    }
    let total = |tag: u8| totals.get(tag as usize).copied().unwrap_or(0);
    let mut corpus = Corpus::default();
    let mut report = None;
    for piece in pieces {
        match piece {
            Piece::Manifest => {}
            Piece::Report(r) => report = Some(r),
            Piece::Articles(v) => append(&mut corpus.articles, v, total(tag::ARTICLES)),
            Piece::Actors(v) => append(&mut corpus.actors, v, total(tag::ACTORS)),
            Piece::Mentions(v) => append(&mut corpus.mentions, v, total(tag::MENTIONS)),
            Piece::Times(v) => append(&mut corpus.times, v, total(tag::TIMES)),
            Piece::Events(v) => append(&mut corpus.events, v, total(tag::EVENTS)),
            Piece::Entries(v) => append(&mut corpus.entries, v, total(tag::ENTRIES)),
            Piece::Quotes(v) => append(&mut corpus.quotes, v, total(tag::QUOTES)),
            Piece::Sources(v) => append(&mut corpus.sources, v, total(tag::SOURCES)),
            Piece::Passages(v) => append(&mut corpus.passages, v, total(tag::PASSAGES)),
        }
    }
    let report = report.ok_or("no load report")?;
    if !consistent(&corpus) {
        return Err("records refer to records that are not there".into());
    }
    corpus.reindex();
    Ok((corpus, report))
}

/// Decodes one section's bytes according to its tag.
fn decode_piece(tag: u8, bytes: &[u8]) -> Result<Piece, String> {
    Ok(match tag {
        tag::REPORT => Piece::Report(decode(bytes)?),
        tag::ARTICLES => Piece::Articles(decode(bytes)?),
        tag::ACTORS => Piece::Actors(decode(bytes)?),
        tag::MENTIONS => Piece::Mentions(decode(bytes)?),
        tag::TIMES => Piece::Times(decode(bytes)?),
        tag::EVENTS => Piece::Events(decode(bytes)?),
        tag::ENTRIES => Piece::Entries(decode(bytes)?),
        tag::QUOTES => Piece::Quotes(decode(bytes)?),
        tag::SOURCES => Piece::Sources(decode(bytes)?),
        tag::PASSAGES => Piece::Passages(decode(bytes)?),
        other => return Err(format!("unknown section {other}")),
    })
}

/// Moves `chunk` to the end of `list`, which will hold `total` records in all.
fn append<T>(list: &mut Vec<T>, mut chunk: Vec<T>, total: usize) {
    if list.is_empty() {
        chunk.reserve_exact(total.saturating_sub(chunk.len()));
        *list = chunk;
    } else {
        list.extend(chunk);
    }
}

fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    postcard::from_bytes(bytes).map_err(|e| format!("cannot decode: {e}"))
}

/// A light check that ids are positions, so that a file which decodes but was assembled wrong
/// (a chunk missing) is refused rather than shown.
fn consistent(corpus: &Corpus) -> bool {
    ids_are_positions(&corpus.articles, |a| a.id.index())
        && ids_are_positions(&corpus.actors, |a| a.id.index())
        && ids_are_positions(&corpus.events, |e| e.id.index())
        && ids_are_positions(&corpus.entries, |e| e.id.index())
}

/// True when every record's id is its position in `records`.
fn ids_are_positions<T>(records: &[T], index_of: impl Fn(&T) -> usize) -> bool {
    records.iter().enumerate().all(|(i, r)| index_of(r) == i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cache::file;
    use crate::model::{ActorId, ArticleId, SentenceRef, Span, Speaker};

    fn round_trip(corpus: &Corpus) -> Corpus {
        let manifest = Manifest::default();
        let report: ReportRef<'_> = (vec![(std::path::Path::new("x.pdf"), "unsupported")], vec![]);
        let encoding = Encoding::new(&manifest, &report, corpus);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache");
        file::write_atomically(&path, 1, encoding.len(), |i| encoding.section(i)).unwrap();
        let opened = CacheFile::open(&path).unwrap();
        assert_eq!(read_manifest(&opened).unwrap(), manifest);
        let (back, report) = read_corpus(&opened).unwrap();
        assert_eq!(report.0.len(), 1);
        back
    }

    #[test]
    fn the_sample_corpus_round_trips_with_its_index() {
        let fresh = crate::pipeline::analyze(crate::sample::load_sample().articles);
        let back = round_trip(&fresh);
        assert_eq!(
            serde_json::to_string(&back).unwrap(),
            serde_json::to_string(&fresh).unwrap()
        );
    }

    #[test]
    fn lists_longer_than_a_chunk_come_back_whole_and_in_order() {
        let mut corpus = Corpus::default();
        let n = ARTICLES_PER_CHUNK * 2 + 3;
        corpus.articles = (0..n)
            .map(|i| {
                let raw = crate::load::RawArticle {
                    key: format!("a{i}"),
                    text: format!("Article number {i}."),
                    ..crate::load::RawArticle::default()
                };
                let origin = crate::model::Origin {
                    path: std::path::PathBuf::from(format!("a{i}.txt")),
                    format: crate::model::Format::Inline,
                    record: None,
                };
                crate::load::finish_article(raw, ArticleId::from_index(i), origin)
            })
            .collect();
        let back = round_trip(&corpus);
        assert_eq!(back.articles.len(), n);
        assert!(
            back.articles
                .iter()
                .enumerate()
                .all(|(i, a)| a.key == format!("a{i}"))
        );
    }

    /// Every shape of enum the model uses must survive the positional encoding, or every
    /// reopening would fail to decode and rebuild.
    #[test]
    fn every_speaker_kind_round_trips() {
        let mut corpus = Corpus::default();
        for speaker in [
            Speaker::Actor(ActorId::from_index(3)),
            Speaker::Described("one witness".into()),
            Speaker::Unattributed,
        ] {
            corpus.quotes.push(Quote {
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
        assert_eq!(round_trip(&corpus).quotes, corpus.quotes);
    }

    #[test]
    fn a_section_of_garbage_with_a_good_checksum_is_refused_without_panic() {
        let sections = vec![
            Section {
                tag: tag::MANIFEST,
                bytes: postcard::to_stdvec(&Manifest::default()).unwrap(),
            },
            Section {
                tag: tag::ARTICLES,
                bytes: vec![0xff; 64],
            },
        ];
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache");
        std::fs::write(&path, file::to_bytes(1, &sections)).unwrap();
        let opened = CacheFile::open(&path).unwrap();
        assert!(read_manifest(&opened).is_ok());
        assert!(read_corpus(&opened).is_err());
    }
}
