//! `dossier check`: load a corpus and report what loaded, what was skipped and why.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

use clap::Args;
use serde::Serialize;

use super::{CliError, CorpusArgs, apply_corrections, output::write_json};
use crate::cache::{CacheOutcome, Opened};
use crate::load::{Skipped, Warning};
use crate::stats::Stage;

/// Arguments of `dossier check`.
#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub corpus: CorpusArgs,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// Also print where load time went (per stage), the peak memory and the cache's use.
    #[arg(long)]
    pub stats: bool,
}

/// The report, as `--json` prints it.
#[derive(Debug, Serialize)]
struct CheckReport {
    articles: usize,
    formats: BTreeMap<&'static str, usize>,
    skipped: Vec<Skipped>,
    warnings: Vec<Warning>,
    actors: usize,
    events: usize,
    quotes: usize,
    seconds: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    stats: Option<Stats>,
}

/// Where load time went, for `--stats`.
#[derive(Debug, Serialize)]
struct Stats {
    /// Seconds per stage, in order. Wall time, except clean and sentences: thread time summed
    /// over all threads, spent inside `read`.
    stages: Vec<StageTime>,
    /// Peak resident memory of the process in bytes, if the system says.
    peak_memory_bytes: Option<u64>,
    /// hit, miss, rebuilt or off.
    cache: &'static str,
    /// Why an existing cache was not used.
    #[serde(skip_serializing_if = "Option::is_none")]
    cache_rebuilt_because: Option<String>,
    /// The cache file read or written.
    cache_file: Option<std::path::PathBuf>,
    /// Seconds spent computing the cache key (reading and hashing every input file); part of
    /// the cache stage.
    #[serde(skip_serializing_if = "Option::is_none")]
    cache_key_seconds: Option<f64>,
    /// Files the cache key covers.
    #[serde(skip_serializing_if = "Option::is_none")]
    cache_key_files: Option<usize>,
    /// Files read and hashed for the key (the others were vouched for by the cache's manifest),
    /// and their bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    cache_key_hashed_files: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cache_key_hashed_bytes: Option<u64>,
    /// Files not read again because they did not change since the cache was made (their
    /// articles and time expressions came from it); 0 unless the cache was rebuilt.
    cache_reused_files: usize,
}

/// One stage's time.
#[derive(Debug, Serialize)]
struct StageTime {
    stage: &'static str,
    seconds: f64,
    /// "wall", or "threads" for thread time summed over threads.
    measure: &'static str,
    /// The process's peak memory when the stage ended (wall-time stages that ran).
    #[serde(skip_serializing_if = "Option::is_none")]
    peak_bytes_after: Option<u64>,
}

impl Stats {
    fn of(opened: &Opened) -> Stats {
        Stats {
            stages: Stage::ALL
                .into_iter()
                .map(|stage| StageTime {
                    stage: stage.name(),
                    seconds: opened.spent.get(stage).as_secs_f64(),
                    measure: if stage.is_thread_time() {
                        "threads"
                    } else {
                        "wall"
                    },
                    peak_bytes_after: opened.spent.peak_after(stage),
                })
                .collect(),
            peak_memory_bytes: crate::stats::peak_memory_bytes(),
            cache: opened.outcome.name(),
            cache_rebuilt_because: match &opened.outcome {
                CacheOutcome::Rebuilt(why) => Some(why.clone()),
                _ => None,
            },
            cache_file: opened.location.clone(),
            cache_key_seconds: opened.fingerprint.map(|(_, took)| took.as_secs_f64()),
            cache_key_files: opened.fingerprint.map(|(f, _)| f.files),
            cache_key_hashed_files: opened.fingerprint.map(|(f, _)| f.hashed_files),
            cache_key_hashed_bytes: opened.fingerprint.map(|(f, _)| f.hashed_bytes),
            cache_reused_files: opened.reused_files,
        }
    }
}

/// Runs `dossier check`: exit 0 when at least one article loaded, 1 otherwise.
pub fn run(args: &CheckArgs, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let started = Instant::now();
    let progress = crate::progress::Line::for_opening();
    let opened = crate::cache::open(&args.corpus.paths);
    drop(progress);
    let mut formats = BTreeMap::new();
    for article in &opened.corpus.articles {
        *formats.entry(article.origin.format.name()).or_insert(0) += 1;
    }
    let loaded = opened.corpus.articles.len();
    let stats = args.stats.then(|| Stats::of(&opened));
    let Opened {
        corpus,
        skipped,
        mut warnings,
        ..
    } = opened;
    let corpus = if loaded > 0 {
        let (corpus, problems) = apply_corrections(corpus, &args.corpus);
        warnings.extend(problems);
        corpus
    } else {
        corpus
    };
    let check = CheckReport {
        articles: loaded,
        formats,
        skipped,
        warnings,
        actors: corpus.actors.iter().filter(|a| !a.hidden).count(),
        events: corpus.events.len(),
        quotes: corpus.quotes.len(),
        seconds: started.elapsed().as_secs_f64(),
        stats,
    };
    if args.json {
        write_json(out, &check)?;
    } else {
        write_human(&check, out)?;
    }
    super::release(corpus);
    if loaded == 0 {
        // The report went to standard output; the failure is also one sentence on standard
        // error, where scripts and people look for why the exit code is 1.
        let reason = match check.skipped.len() {
            0 => CliError::NoArticles { skipped: 0 }.to_string(),
            n => format!(
                "no articles loaded: all {n} file(s) were skipped, each reason is in the report"
            ),
        };
        eprintln!("dossier: {reason}");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

fn write_human(check: &CheckReport, out: &mut dyn Write) -> Result<(), CliError> {
    let formats: Vec<String> = check
        .formats
        .iter()
        .map(|(name, n)| format!("{name} {n}"))
        .collect();
    let formats = if formats.is_empty() {
        String::new()
    } else {
        format!(" ({})", formats.join(", "))
    };
    writeln!(out, "Loaded {} article(s){formats}.", check.articles)?;
    if !check.skipped.is_empty() {
        writeln!(out, "Skipped {} file(s):", check.skipped.len())?;
        for s in &check.skipped {
            writeln!(out, "  {}: {}", s.path.display(), s.reason)?;
        }
    }
    if !check.warnings.is_empty() {
        writeln!(out, "Warnings ({}):", check.warnings.len())?;
        for w in &check.warnings {
            writeln!(out, "  {}: {}", w.path.display(), w.message)?;
        }
    }
    writeln!(
        out,
        "Found {} actor(s), {} event(s), {} quote(s).",
        check.actors, check.events, check.quotes
    )?;
    writeln!(out, "Took {:.2} s.", check.seconds)?;
    if let Some(stats) = &check.stats {
        write_stats(stats, out)?;
    }
    Ok(())
}

fn write_stats(stats: &Stats, out: &mut dyn Write) -> Result<(), CliError> {
    writeln!(
        out,
        "Time by stage (wall time; clean and sentences: thread time summed over threads, part of read), and the peak memory when it ended:"
    )?;
    writeln!(
        out,
        "  (passages and times run side by side; the other stages one after the other)"
    )?;
    for time in &stats.stages {
        let peak = time
            .peak_bytes_after
            .map(|b| format!("   peak {:>7.1} MB", b as f64 / (1024.0 * 1024.0)))
            .unwrap_or_default();
        writeln!(out, "  {:<10} {:>9.3} s{peak}", time.stage, time.seconds)?;
    }
    let location = stats
        .cache_file
        .as_ref()
        .map(|p| format!(" ({})", p.display()))
        .unwrap_or_default();
    let why = stats
        .cache_rebuilt_because
        .as_ref()
        .map(|w| format!(": {w}"))
        .unwrap_or_default();
    writeln!(out, "Cache: {}{why}{location}", stats.cache)?;
    if let (Some(seconds), Some(files), Some(hashed), Some(bytes)) = (
        stats.cache_key_seconds,
        stats.cache_key_files,
        stats.cache_key_hashed_files,
        stats.cache_key_hashed_bytes,
    ) {
        writeln!(
            out,
            "  key: {files} file(s), {hashed} of them read and hashed ({:.1} MB), in {seconds:.3} s (part of cache)",
            bytes as f64 / (1024.0 * 1024.0)
        )?;
    }
    if stats.cache_reused_files > 0 {
        writeln!(
            out,
            "  reused: {} unchanged file(s) not read again, their time expressions kept; the rest analysed again",
            stats.cache_reused_files
        )?;
    }
    match stats.peak_memory_bytes {
        Some(bytes) => writeln!(
            out,
            "Peak memory: {:.1} MB",
            bytes as f64 / (1024.0 * 1024.0)
        )?,
        None => writeln!(out, "Peak memory: unknown")?,
    }
    Ok(())
}
