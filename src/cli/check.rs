//! `dossier check`: load a corpus and report what loaded, what was skipped and why.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

use clap::Args;
use serde::Serialize;

use super::{CliError, CorpusArgs, analyze_corrected, load, output::write_json};
use crate::load::{Skipped, Warning};

/// Arguments of `dossier check`.
#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub corpus: CorpusArgs,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
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
}

/// Runs `dossier check`: exit 0 when at least one article loaded, 1 otherwise.
pub fn run(args: &CheckArgs, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let started = Instant::now();
    let report = load(&args.corpus.paths);
    let mut formats = BTreeMap::new();
    for article in &report.articles {
        *formats.entry(article.origin.format.name()).or_insert(0) += 1;
    }
    let loaded = report.articles.len();
    let mut warnings = report.warnings;
    let corpus = if loaded > 0 {
        let (corpus, problems) = analyze_corrected(report.articles, &args.corpus);
        warnings.extend(problems);
        corpus
    } else {
        crate::model::Corpus::default()
    };
    let check = CheckReport {
        articles: loaded,
        formats,
        skipped: report.skipped,
        warnings,
        actors: corpus.actors.iter().filter(|a| !a.hidden).count(),
        events: corpus.events.len(),
        quotes: corpus.quotes.len(),
        seconds: started.elapsed().as_secs_f64(),
    };
    if args.json {
        write_json(out, &check)?;
    } else {
        write_human(&check, out)?;
    }
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
    Ok(())
}
