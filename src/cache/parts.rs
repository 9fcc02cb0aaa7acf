//! What the cache file's sections hold, and how they are encoded: postcard (compact, positional)
//! per section, the corpus's large record lists cut into chunks so that encoding runs on every
//! core and no section needs the whole file in memory. Decoding runs the lists side by side, each
//! list's chunks in order straight into it (see [`read_corpus`]).
//!
//! Sections, in file order: the [`Manifest`] (read first, alone, to compute the key), the load
//! report, what each file gave (read only to serve a changed corpus), then each record list of
//! the corpus in one or more chunks. The index is not stored: [`Corpus::reindex`] rebuilds it
//! faster than it decodes.

use std::sync::Mutex;

use rayon::prelude::*;
use serde::de::{DeserializeOwned, DeserializeSeed, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use super::file::{CacheFile, Section};
use super::key::Manifest;
use crate::load::FileSummary;
use crate::model::{Article, Corpus, TimeExpr};

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
    pub const FILES: u8 = 12;
    /// Every tag a file may hold.
    pub const KNOWN: [u8; 12] = [
        MANIFEST, REPORT, ARTICLES, ACTORS, MENTIONS, TIMES, EVENTS, ENTRIES, QUOTES, SOURCES,
        PASSAGES, FILES,
    ];
}

/// Records per chunk: a few megabytes encoded, so that even a small corpus's largest lists are
/// encoded on every core and read through a buffer of a few megabytes, while the section table
/// stays short.
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

/// What each file gave ([`FileSummary`], in load order), with the identity of the program that
/// loaded them ([`super::key::program_identity`]): another build may load files differently.
pub type FilesRef<'a> = (u128, &'a [FileSummary]);

/// The work of an earlier analysis that can serve a changed corpus: what each file gave, the
/// articles and their time expressions (see [`super::reuse`]).
#[derive(Debug, Default)]
pub struct Reusable {
    /// The identity of the program that made it.
    pub program: u128,
    /// What each file gave, in load order.
    pub files: Vec<FileSummary>,
    /// The articles, in corpus order.
    pub articles: Vec<Article>,
    /// Their time expressions, in article order.
    pub times: Vec<TimeExpr>,
}

/// Encodes one section on demand.
type Job<'a> = Box<dyn Fn() -> Result<Section, String> + Send + Sync + 'a>;

/// The sections of a cache file for the manifest, the load report and the corpus (without its
/// index), encoded on demand so that the writer can hold only a few at a time.
pub struct Encoding<'a> {
    jobs: Vec<Job<'a>>,
}

impl<'a> Encoding<'a> {
    /// Plans the sections; nothing is encoded yet.
    pub fn new(
        manifest: &'a Manifest,
        report: &'a ReportRef<'a>,
        files: FilesRef<'a>,
        corpus: &'a Corpus,
    ) -> Self {
        let mut jobs: Vec<Job<'a>> = vec![
            Box::new(move || one(tag::MANIFEST, manifest)),
            Box::new(move || one(tag::REPORT, report)),
            Box::new(move || one(tag::FILES, &files)),
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

/// Reads, checks and decodes every section but the manifest and assembles the corpus (index
/// rebuilt) and the load report.
///
/// Each record list is decoded by one task, its chunks in order and straight into the list: the
/// lists decode side by side, and no record is written twice. (Decoding chunks into vectors of
/// their own and then copying them into each list wrote every record twice; at 100,000 articles
/// that was a third of the page faults of a reopening.) The articles, whose records own many
/// strings and weigh the most, are decoded chunk by chunk on every core instead.
pub fn read_corpus(file: &CacheFile) -> Result<(Corpus, Report), String> {
    let tags = file.tags();
    if let Some(unknown) = tags.iter().find(|&&t| !tag::KNOWN.contains(&t)) {
        return Err(format!("unknown section {unknown}"));
    }
    let sections = |wanted: u8| -> Vec<usize> {
        (0..tags.len())
            .filter(|&i| tags.get(i) == Some(&wanted))
            .collect()
    };
    let mut corpus = Corpus::default();
    let mut report: Result<Option<Report>, String> = Ok(None);
    let mut done: [Result<(), String>; 9] = std::array::from_fn(|_| Ok(()));
    {
        let c = &mut corpus;
        let [
            articles,
            actors,
            mentions,
            times,
            events,
            entries,
            quotes,
            sources,
            passages,
        ] = &mut done;
        let report = &mut report;
        let sections = &sections;
        rayon::scope(|s| {
            s.spawn(|_| {
                *articles = decode_articles(file, &sections(tag::ARTICLES), &mut c.articles)
            });
            s.spawn(|_| *actors = decode_list(file, &sections(tag::ACTORS), &mut c.actors));
            s.spawn(|_| *mentions = decode_list(file, &sections(tag::MENTIONS), &mut c.mentions));
            s.spawn(|_| *times = decode_list(file, &sections(tag::TIMES), &mut c.times));
            s.spawn(|_| *events = decode_list(file, &sections(tag::EVENTS), &mut c.events));
            s.spawn(|_| *entries = decode_list(file, &sections(tag::ENTRIES), &mut c.entries));
            s.spawn(|_| *quotes = decode_list(file, &sections(tag::QUOTES), &mut c.quotes));
            s.spawn(|_| *sources = decode_list(file, &sections(tag::SOURCES), &mut c.sources));
            s.spawn(|_| *passages = decode_list(file, &sections(tag::PASSAGES), &mut c.passages));
            s.spawn(|_| {
                *report = sections(tag::REPORT)
                    .first()
                    .map(|&i| decode(&file.read_section(i)?))
                    .transpose();
            });
        });
    }
    for result in done {
        result?;
    }
    let report = report?.ok_or("no load report")?;
    if !consistent(&corpus) {
        return Err("records refer to records that are not there".into());
    }
    corpus.reindex();
    Ok((corpus, report))
}

/// Reads, checks and decodes what an earlier analysis offers a changed corpus: the files'
/// summaries, the articles and the time expressions (the other sections are not read).
pub fn read_reusable(file: &CacheFile) -> Result<Reusable, String> {
    let tags = file.tags();
    let sections = |wanted: u8| -> Vec<usize> {
        (0..tags.len())
            .filter(|&i| tags.get(i) == Some(&wanted))
            .collect()
    };
    let mut reusable = Reusable::default();
    let files_at = *sections(tag::FILES).first().ok_or("no file list")?;
    (reusable.program, reusable.files) = decode(&file.read_section(files_at)?)?;
    let (articles, times) = rayon::join(
        || decode_articles(file, &sections(tag::ARTICLES), &mut reusable.articles),
        || decode_list(file, &sections(tag::TIMES), &mut reusable.times),
    );
    articles?;
    times?;
    if !ids_are_positions(&reusable.articles, |a| a.id.index()) {
        return Err("records refer to records that are not there".into());
    }
    Ok(reusable)
}

/// Decodes the article chunks at `sections` on every core and puts them in order into `list`,
/// sized once.
fn decode_articles(
    file: &CacheFile,
    sections: &[usize],
    list: &mut Vec<Article>,
) -> Result<(), String> {
    // Read buffers handed from one chunk to the next (one per worker at a time).
    let buffers: Mutex<Vec<Vec<u8>>> = Mutex::new(Vec::new());
    let chunks: Vec<Vec<Article>> = sections
        .par_iter()
        .map(|&i| {
            let mut bytes = buffers
                .lock()
                .map(|mut b| b.pop())
                .ok()
                .flatten()
                .unwrap_or_default();
            file.read_section_into(i, &mut bytes)?;
            let chunk = decode(&bytes);
            if let Ok(mut b) = buffers.lock() {
                b.push(bytes);
            }
            chunk
        })
        .collect::<Result<_, String>>()?;
    list.reserve_exact(chunks.iter().map(Vec::len).sum());
    for chunk in chunks {
        list.extend(chunk);
    }
    Ok(())
}

/// Decodes the chunks at `sections`, in order, appending their records to `list`.
fn decode_list<T: DeserializeOwned>(
    file: &CacheFile,
    sections: &[usize],
    list: &mut Vec<T>,
) -> Result<(), String> {
    let mut bytes = Vec::new();
    for &i in sections {
        file.read_section_into(i, &mut bytes)?;
        let mut decoder = postcard::Deserializer::from_bytes(&bytes);
        AppendTo {
            list: &mut *list,
            most: bytes.len(),
        }
        .deserialize(&mut decoder)
        .map_err(|e| format!("cannot decode: {e}"))?;
    }
    // Grown by doubling; the unused tail was never touched, and is given back here.
    list.shrink_to_fit();
    Ok(())
}

/// Decodes one encoded list (a chunk) by appending its records to `list`. `most` bounds the
/// room reserved from the chunk's stated length: every record takes at least one byte, so a
/// damaged length cannot make it reserve more than the chunk's size.
struct AppendTo<'a, T> {
    list: &'a mut Vec<T>,
    most: usize,
}

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for AppendTo<'_, T> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for AppendTo<'_, T> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a list of records")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut records: A) -> Result<(), A::Error> {
        self.list
            .reserve(records.size_hint().unwrap_or(0).min(self.most));
        while let Some(record) = records.next_element()? {
            self.list.push(record);
        }
        Ok(())
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
    use crate::load::FileSummary;
    use crate::model::{ActorId, ArticleId, Mention, Quote, SentenceRef, Span, Speaker};

    /// Decodes `chunks` one after the other into `list` as [`decode_list`] does.
    fn append_all<T: DeserializeOwned>(
        list: &mut Vec<T>,
        chunks: &[Vec<u8>],
    ) -> Result<(), String> {
        for bytes in chunks {
            let mut decoder = postcard::Deserializer::from_bytes(bytes);
            AppendTo {
                list: &mut *list,
                most: bytes.len(),
            }
            .deserialize(&mut decoder)
            .map_err(|e| e.to_string())?;
        }
        Ok(())
    }

    #[test]
    fn chunks_are_appended_in_order() {
        let chunks: Vec<Vec<u8>> = [vec![2u32, 3], vec![], vec![4]]
            .iter()
            .map(|c| postcard::to_allocvec(c).unwrap())
            .collect();
        let mut list = vec![1u32];
        append_all(&mut list, &chunks).unwrap();
        assert_eq!(list, [1, 2, 3, 4]);
    }

    #[test]
    fn a_damaged_length_is_an_error_not_a_huge_reservation() {
        // A chunk that says it holds 2^60 records, then ends.
        let chunks = vec![postcard::to_allocvec(&(1u64 << 60)).unwrap()];
        let mut list: Vec<Mention> = Vec::new();
        assert!(append_all(&mut list, &chunks).is_err());
        assert!(list.capacity() <= chunks[0].len());
    }

    fn round_trip(corpus: &Corpus) -> Corpus {
        let manifest = Manifest::default();
        let report: ReportRef<'_> = (vec![(std::path::Path::new("x.pdf"), "unsupported")], vec![]);
        let files = [FileSummary {
            path: "a.txt".into(),
            keys: vec!["a".into()],
            skipped: None,
            warnings: vec!["odd".into()],
        }];
        let encoding = Encoding::new(&manifest, &report, (7, &files), corpus);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache");
        file::write_atomically(&path, 1, encoding.len(), |i| encoding.section(i)).unwrap();
        let opened = CacheFile::open(&path).unwrap();
        assert_eq!(read_manifest(&opened).unwrap(), manifest);
        let reusable = read_reusable(&opened).unwrap();
        assert_eq!(
            (reusable.program, reusable.files.as_slice()),
            (7, &files[..])
        );
        assert_eq!(reusable.articles.len(), corpus.articles.len());
        assert_eq!(reusable.times.len(), corpus.times.len());
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
