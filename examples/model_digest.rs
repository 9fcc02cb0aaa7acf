//! Prints a digest of every list of the model built from a folder, and the time of each stage
//! with the peak memory when it ended, without the cache: a change meant to make extraction
//! faster must leave every digest as it was.
//!
//! Usage: `cargo run --release --example model_digest -- [--cached] DIR`
//!
//! With `--cached` the model is opened through the cache as the program opens it (read from the
//! cache, or rebuilt reusing what it holds for unchanged files, then stored), and the load
//! report's problems are digested too: after a change, the digests must equal those of an
//! opening without the cache.

use std::hash::Hasher;

use dossier::stats::{Stage, StageTimes};
use serde::Serialize;
use xxhash_rust::xxh3::Xxh3;

/// The xxh3 hash of a list's positional encoding (postcard, as the cache stores it).
fn digest<T: Serialize>(items: &[T]) -> String {
    let mut hasher = Xxh3::new();
    for item in items {
        match postcard::to_allocvec(item) {
            Ok(bytes) => hasher.write(&bytes),
            Err(e) => return format!("cannot encode: {e}"),
        }
    }
    format!("{:016x}", hasher.finish())
}

fn main() {
    let mut paths: Vec<std::path::PathBuf> = std::env::args_os().skip(1).map(Into::into).collect();
    let cached = paths.first().is_some_and(|p| p.as_os_str() == "--cached");
    if cached {
        paths.remove(0);
    }
    if paths.is_empty() {
        eprintln!("usage: model_digest DIR...");
        std::process::exit(2);
    }
    let started = std::time::Instant::now();
    let mut spent = StageTimes::default();
    let (corpus, skipped, warnings) = if cached {
        let opened = dossier::cache::open(&paths);
        eprintln!(
            "cache: {}, {} file(s) reused",
            opened.outcome.name(),
            opened.reused_files
        );
        spent = opened.spent;
        (opened.corpus, opened.skipped, opened.warnings)
    } else {
        let report = spent.time(Stage::Read, || dossier::load::load_paths(&paths));
        let corpus = dossier::pipeline::analyze_timed(report.articles, &mut spent);
        (corpus, report.skipped, report.warnings)
    };
    let took = started.elapsed();
    println!("skipped   {} {}", skipped.len(), digest(&skipped));
    println!("warnings  {} {}", warnings.len(), digest(&warnings));
    let lists = [
        ("articles", corpus.articles.len(), digest(&corpus.articles)),
        ("actors", corpus.actors.len(), digest(&corpus.actors)),
        ("mentions", corpus.mentions.len(), digest(&corpus.mentions)),
        ("times", corpus.times.len(), digest(&corpus.times)),
        ("events", corpus.events.len(), digest(&corpus.events)),
        ("entries", corpus.entries.len(), digest(&corpus.entries)),
        ("quotes", corpus.quotes.len(), digest(&corpus.quotes)),
        ("sources", corpus.sources.len(), digest(&corpus.sources)),
        ("passages", corpus.passages.len(), digest(&corpus.passages)),
    ];
    for (name, len, digest) in lists {
        println!("{name:<9} {len} {digest}");
    }
    eprintln!("took {:.2} s", took.as_secs_f64());
    // The stages of an analysis as wall time (the cache is not used here).
    for stage in Stage::ALL
        .into_iter()
        .filter(|s| !s.is_thread_time() && *s != Stage::Cache)
    {
        let peak = spent.peak_after(stage).map_or(String::new(), |b| {
            format!("   peak {:7.1} MiB", b as f64 / (1024.0 * 1024.0))
        });
        eprintln!(
            "  {:<9} {:.3} s{peak}",
            stage.name(),
            spent.get(stage).as_secs_f64()
        );
    }
}
