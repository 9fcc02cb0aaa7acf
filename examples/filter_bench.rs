//! Measures the per-keystroke cost of the fuzzy filter: the actors filter and the finder over
//! 100,000 actors (each with three other names), and the timeline filter over 1,000,000
//! entries, printing the median, 99th percentile, worst and mean keystroke:
//!
//! ```sh
//! cargo run --release --example filter_bench            # 100,000 actors, 1,000,000 entries
//! cargo run --release --example filter_bench -- 10000 0 # 10,000 actors, no timeline
//! ```
//!
//! The synthetic names ([`dossier::ui::scale`]) share syllables, so most of them match
//! "tchi": the worst case, where typing more letters hardly narrows the list. Each query is
//! typed, then erased with Backspace, character by character; every keystroke is timed, in wall
//! time and in CPU time over all threads (on a shared machine the wall time mostly measures the
//! other workers). Measured on a 2-core machine under load 5–7, 100,000 actors: p50 2.6 ms,
//! p99 35 ms wall, 17 ms CPU (SkimMatcherV2 behind a prefilter, before: 42–56 ms a keystroke,
//! 75 ms p99); 10,000 actors: p99 1.3 ms; 1,000,000 timeline entries: p50 123 ms, p99 355 ms.
//! Against nucleo-matcher 0.3.1 behind the same trait, runs taken back to back, mean CPU a
//! keystroke: actors filter 4.9 ms (nucleo 6.7), finder 6.4 ms (8.1), timeline over 300,000
//! entries 26 ms (41; p99 81 ms against 150).

use std::sync::Arc;
use std::time::{Duration, Instant};

use dossier::model::Corpus;
use dossier::ui::{Action, App, Pane, scale};

/// What is typed, one character at a time, then erased.
const QUERIES: &[&str] = &[
    "tchi", "bazou", "mar", "koli", "Zou", "nub", "ribal", "dene",
];

/// Median, 99th percentile, worst and mean of `times`, in milliseconds: the mean is the work a
/// query costs over all its keystrokes.
fn summary(times: &mut [Duration]) -> String {
    times.sort();
    let mean = times.iter().sum::<Duration>().as_secs_f64() * 1e3 / times.len().max(1) as f64;
    let at = |q: f64| {
        let i = ((times.len() as f64 - 1.0) * q).round() as usize;
        times.get(i).map_or(0.0, |d| d.as_secs_f64() * 1e3)
    };
    format!(
        "p50 {:6.2} ms  p99 {:6.2} ms  max {:6.2} ms  mean {:6.2} ms  ({} keystrokes)",
        at(0.5),
        at(0.99),
        at(1.0),
        mean,
        times.len()
    )
}

/// CPU time used by the whole process so far (all threads): on a shared machine, the work a
/// keystroke costs, whatever else runs.
fn cpu_time() -> Duration {
    // SAFETY: getrusage only writes the struct it is given.
    let usage = unsafe {
        let mut usage = std::mem::zeroed::<libc::rusage>();
        libc::getrusage(libc::RUSAGE_SELF, &mut usage);
        usage
    };
    let tv = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    tv(usage.ru_utime) + tv(usage.ru_stime)
}

/// Types every query into the focused list's filter and erases it; the wall and CPU time of
/// each key.
fn type_queries(app: &mut App, finder: bool) -> (Vec<Duration>, Vec<Duration>) {
    let mut times = Vec::new();
    let mut cpu = Vec::new();
    for query in QUERIES {
        if finder {
            app.update(Action::OpenFinder);
        } else {
            app.update(Action::StartFilter);
        }
        let keys = query
            .chars()
            .map(Action::Input)
            .chain(query.chars().map(|_| Action::DeleteChar));
        for key in keys {
            let (t, c) = (Instant::now(), cpu_time());
            app.update(key);
            times.push(t.elapsed());
            cpu.push(cpu_time().saturating_sub(c));
        }
        app.update(Action::Cancel);
    }
    (times, cpu)
}

/// Prints the wall and CPU summaries of one run.
fn report(what: &str, (mut wall, mut cpu): (Vec<Duration>, Vec<Duration>)) {
    println!(
        "{what}\n  wall: {}\n  cpu:  {}",
        summary(&mut wall),
        summary(&mut cpu)
    );
}

fn main() {
    let mut args = std::env::args().skip(1);
    let actors: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let entries: usize = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);

    let mut corpus = Corpus {
        actors: scale::actors(actors),
        ..Corpus::default()
    };
    corpus.reindex();
    let mut app = App::new(Arc::new(corpus), 200, 60);
    app.update(Action::Focus(Pane::Actors));
    report(
        &format!("actors filter, {actors} actors"),
        type_queries(&mut app, false),
    );
    app.update(Action::Cancel);
    report(
        &format!("finder, {actors} actors"),
        type_queries(&mut app, true),
    );

    if entries > 0 {
        let t = Instant::now();
        let corpus = scale::corpus(10_000, entries);
        let built = t.elapsed();
        let t = Instant::now();
        let mut app = App::new(Arc::new(corpus), 200, 60);
        println!(
            "timeline: corpus built in {} ms, App::new {} ms",
            built.as_millis(),
            t.elapsed().as_millis()
        );
        app.update(Action::Focus(Pane::Timeline));
        report(
            &format!("timeline filter, {entries} entries"),
            type_queries(&mut app, false),
        );
    }
}
