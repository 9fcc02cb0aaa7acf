//! Extraction throughput on a synthetic corpus: the whole pipeline (clean, sentences, actors,
//! times, quotes, sources, passages, index) and each extractor alone (actors, times, passages,
//! events).
//!
//!     cargo bench --bench extract
//!
//! Criterion prints throughput in MB/s (bytes of article text) and elements/s.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dossier::extract::{actors, events, gazetteer::Gazetteer, passages, times};
use dossier::load::load_files;
use dossier::pipeline::analyze;
use dossier::synth::text_files;

const ARTICLES: usize = 2_000;

fn bench_extract(c: &mut Criterion) {
    let files = text_files(ARTICLES, 7);
    let bytes: u64 = files.iter().map(|(_, b)| b.len() as u64).sum();
    let articles = load_files(files.clone()).articles;

    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("load_and_analyze", |b| {
        b.iter(|| analyze(load_files(black_box(files.clone())).articles))
    });
    group.bench_function("actors", |b| {
        b.iter(|| actors::extract_actors(black_box(&articles), Gazetteer::embedded()))
    });
    group.bench_function("times", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| times::find_times(black_box(&a.body), a.date).len())
                .sum::<usize>()
        })
    });
    group.bench_function("passages", |b| {
        b.iter(|| passages::find_shared_passages(black_box(&articles)))
    });
    // Events need the time expressions and actor mentions: taken once from a full analysis.
    let analyzed = analyze(articles.clone());
    group.bench_function("events", |b| {
        b.iter(|| {
            events::build_events(
                black_box(&analyzed.articles),
                &analyzed.times,
                &analyzed.mentions,
            )
        })
    });
    group.finish();

    let expressions: usize = articles
        .iter()
        .map(|a| times::find_times(&a.body, a.date).len())
        .sum();
    if expressions > 0 {
        let mut group = c.benchmark_group("times");
        group.sample_size(10);
        group.throughput(Throughput::Elements(expressions as u64));
        group.bench_function("expressions", |b| {
            b.iter(|| {
                articles
                    .iter()
                    .map(|a| times::find_times(black_box(&a.body), a.date).len())
                    .sum::<usize>()
            })
        });
        group.finish();
    }
}

criterion_group!(benches, bench_extract);
criterion_main!(benches);
