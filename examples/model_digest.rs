//! Prints a digest of every list of the model built from a folder, and the time of each stage,
//! without the cache: a change meant to make extraction faster must leave every digest as it was.
//!
//! Usage: `cargo run --release --example model_digest -- DIR`

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
    let paths: Vec<std::path::PathBuf> = std::env::args_os().skip(1).map(Into::into).collect();
    if paths.is_empty() {
        eprintln!("usage: model_digest DIR...");
        std::process::exit(2);
    }
    let started = std::time::Instant::now();
    let mut spent = StageTimes::default();
    let report = spent.time(Stage::Read, || dossier::load::load_paths(&paths));
    let corpus = dossier::pipeline::analyze_timed(report.articles, &mut spent);
    let took = started.elapsed();
    println!(
        "articles  {} {}",
        corpus.articles.len(),
        digest(&corpus.articles)
    );
    println!(
        "actors    {} {}",
        corpus.actors.len(),
        digest(&corpus.actors)
    );
    println!(
        "mentions  {} {}",
        corpus.mentions.len(),
        digest(&corpus.mentions)
    );
    println!("times     {} {}", corpus.times.len(), digest(&corpus.times));
    println!(
        "events    {} {}",
        corpus.events.len(),
        digest(&corpus.events)
    );
    println!(
        "entries   {} {}",
        corpus.entries.len(),
        digest(&corpus.entries)
    );
    println!(
        "quotes    {} {}",
        corpus.quotes.len(),
        digest(&corpus.quotes)
    );
    println!(
        "sources   {} {}",
        corpus.sources.len(),
        digest(&corpus.sources)
    );
    println!(
        "passages  {} {}",
        corpus.passages.len(),
        digest(&corpus.passages)
    );
    eprintln!("took {:.2} s", took.as_secs_f64());
    for stage in [
        Stage::Read,
        Stage::Actors,
        Stage::Times,
        Stage::Events,
        Stage::Quotes,
        Stage::Sources,
        Stage::Passages,
        Stage::Index,
    ] {
        eprintln!(
            "  {:<9} {:.3} s",
            stage.name(),
            spent.get(stage).as_secs_f64()
        );
    }
}
