//! Writes a synthetic corpus for measuring dossier at scale.
//!
//!     cargo run --release --example gencorpus -- --articles 100000 --seed 7 --out /tmp/corpus
//!
//! Options: `--articles N` (default 1000), `--seed S` (default 7), `--out DIR` (required),
//! `--format txt|md|jsonl|html|mixed` (default mixed). The same seed always writes the same corpus.

use std::path::PathBuf;
use std::process::ExitCode;

use dossier::synth::{OutputFormat, write_corpus};

fn main() -> ExitCode {
    let mut articles = 1000usize;
    let mut seed = 7u64;
    let mut out: Option<PathBuf> = None;
    let mut format = OutputFormat::Mixed;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next();
        let ok = match (arg.as_str(), value.as_deref()) {
            ("--articles", Some(v)) => v.parse().map(|n| articles = n).is_ok(),
            ("--seed", Some(v)) => v.parse().map(|s| seed = s).is_ok(),
            ("--out", Some(v)) => {
                out = Some(PathBuf::from(v));
                true
            }
            ("--format", Some(v)) => OutputFormat::parse(v).map(|f| format = f).is_some(),
            _ => false,
        };
        if !ok {
            eprintln!(
                "gencorpus: bad argument {arg}; usage: gencorpus --out DIR [--articles N] [--seed S] [--format txt|md|jsonl|html|mixed]"
            );
            return ExitCode::from(2);
        }
    }
    let Some(out) = out else {
        eprintln!("gencorpus: --out DIR is required");
        return ExitCode::from(2);
    };
    let started = std::time::Instant::now();
    match write_corpus(&out, articles, seed, format) {
        Ok(bytes) => {
            eprintln!(
                "gencorpus: wrote {articles} articles ({:.1} MB of text) to {} in {:.1} s",
                bytes as f64 / 1e6,
                out.display(),
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gencorpus: cannot write to {}: {e}", out.display());
            ExitCode::from(1)
        }
    }
}
