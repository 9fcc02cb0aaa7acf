//! Measures how fast time expressions are found: expressions and megabytes per second.
//!
//! Usage: `cargo run --release --example times_throughput -- FILE.jsonl [REPEAT]`, where each
//! line is a JSON object with `text` and optional `published` (or `dct`) fields; the texts are
//! run `REPEAT` times (default 50) to make the corpus large.

use std::time::Instant;

use chrono::NaiveDate;
use dossier::extract::times::find_times;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: times_throughput FILE.jsonl [REPEAT]");
        std::process::exit(2);
    };
    let repeat: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(50);
    let content = match std::fs::read_to_string(&path) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(1);
        }
    };
    let docs: Vec<(String, Option<NaiveDate>)> = content
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| {
            let text = v["text"].as_str().unwrap_or("").to_string();
            let date = v["published"]
                .as_str()
                .or(v["dct"].as_str())
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
            (text, date)
        })
        .collect();
    let bytes: usize = docs.iter().map(|(t, _)| t.len()).sum::<usize>() * repeat;
    let start = Instant::now();
    let mut found = 0usize;
    for _ in 0..repeat {
        for (text, date) in &docs {
            found += find_times(text, *date).len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} documents, {:.1} MB, {found} expressions in {secs:.2} s: {:.0} expressions/s, {:.1} MB/s (one core)",
        docs.len() * repeat,
        bytes as f64 / 1e6,
        found as f64 / secs,
        bytes as f64 / 1e6 / secs
    );
}
