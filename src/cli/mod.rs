//! The command line: the browser (no subcommand) and the non-interactive commands, which print
//! tables for people and `--json` for programs.

mod actors;
mod articles;
mod browse;
mod check;
mod extract;
mod output;
mod passages;
mod quotes;
mod sources;
mod timeline;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::load::{LoadReport, Warning};
use crate::model::Corpus;

pub use output::CliError;

/// dossier: a terminal browser for a folder of news articles about one story.
#[derive(Debug, Parser)]
#[command(
    name = "dossier",
    version,
    about = "A terminal browser for a folder of news articles about one story: timeline, sources and actors that cross-reference by keyboard.",
    after_help = "Examples:\n  dossier                   open the built-in sample corpus (the 2023 coup in Niger)\n  dossier ~/news/sahel      open your own folder of articles\n  dossier check ~/news      load a folder and report what was loaded and skipped",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// The articles to open (.txt, .md, .json, .jsonl, .html); none opens the built-in sample.
    #[command(flatten)]
    pub corpus: CorpusArgs,

    /// Let the browser use the mouse (off by default: capturing it stops you selecting text).
    #[arg(long)]
    pub mouse: bool,

    /// Draw borders and markers in ASCII (automatic when the locale is not UTF-8).
    #[arg(long)]
    pub ascii: bool,

    /// A non-interactive command; without one, dossier opens the browser.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The paths every corpus command takes, and where the user's corrections are kept.
#[derive(Debug, Clone, Args)]
pub struct CorpusArgs {
    /// Files or folders of articles; none means the built-in sample.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// The corrections file to apply (default: PATH/.dossier/actors.toml beside the corpus).
    #[arg(long, value_name = "FILE")]
    pub overrides: Option<PathBuf>,
}

impl CorpusArgs {
    /// The corrections file for this corpus, if one can be named.
    pub fn corrections_path(&self) -> Option<PathBuf> {
        self.overrides
            .clone()
            .or_else(|| crate::corrections::file::default_path(&self.paths))
    }
}

/// The non-interactive commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load a corpus and report what loaded, what was skipped and why, and what was extracted.
    #[command(
        after_help = "Examples:\n  dossier check                 the built-in sample\n  dossier check ~/news --json   machine-readable report"
    )]
    Check(check::CheckArgs),
    /// List the articles: id, date, outlet, title and length.
    #[command(after_help = "Example:\n  dossier articles ~/news --json")]
    Articles(articles::ArticlesArgs),
    /// List the actors (people, countries, organizations, places), most mentioned first.
    #[command(
        after_help = "Examples:\n  dossier actors --kind person\n  dossier actors ~/news --json"
    )]
    Actors(actors::ActorsArgs),
    /// Show the timeline of events, in date order.
    #[command(
        after_help = "Examples:\n  dossier timeline --actor Bazoum\n  dossier timeline ~/news --from 2023-07-01 --to 2023-07-31 --json"
    )]
    Timeline(timeline::TimelineArgs),
    /// List the direct quotations and who said them.
    #[command(
        after_help = "Examples:\n  dossier quotes --actor Guterres\n  dossier quotes ~/news --json"
    )]
    Quotes(quotes::QuotesArgs),
    /// List the outlets and the sources each article cites.
    #[command(after_help = "Example:\n  dossier sources ~/news --json")]
    Sources(sources::SourcesArgs),
    /// List the passages that pairs of articles share (wire copy, the same quotation).
    #[command(after_help = "Example:\n  dossier passages ~/news --json")]
    Passages(passages::PassagesArgs),
    /// Read JSON Lines documents on standard input and write their actors, times and quotes.
    #[command(
        after_help = "Input: one JSON object a line: {\"id\": \"a1\", \"text\": \"…\", \"published\": \"2023-07-27\" or null}\nOutput: one JSON line a document, in input order, with character offsets.\n\nExample:\n  echo '{\"id\":\"a\",\"text\":\"Mr Bazoum spoke on Monday.\",\"published\":\"2023-07-27\"}' | dossier extract"
    )]
    Extract(extract::ExtractArgs),
}

/// Parses the command line, runs it, and turns every outcome into an exit code: errors are one
/// sentence on standard error, never a backtrace.
pub fn main() -> ExitCode {
    install_panic_message();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version to stdout with exit 0, and usage errors to stderr.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let result = run(cli, &mut out).and_then(|code| {
        out.flush().map_err(CliError::from)?;
        Ok(code)
    });
    match result {
        Ok(code) => code,
        Err(CliError::BrokenPipe) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dossier: {e}");
            ExitCode::from(e.exit_code())
        }
    }
}

/// Runs a parsed command line, writing its output to `out`.
pub fn run(cli: Cli, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    match cli.command {
        None => browse::run(&cli.corpus, cli.mouse, cli.ascii, out),
        Some(Command::Check(args)) => check::run(&args, out),
        Some(Command::Articles(args)) => articles::run(&args, out),
        Some(Command::Actors(args)) => actors::run(&args, out),
        Some(Command::Timeline(args)) => timeline::run(&args, out),
        Some(Command::Quotes(args)) => quotes::run(&args, out),
        Some(Command::Sources(args)) => sources::run(&args, out),
        Some(Command::Passages(args)) => passages::run(&args, out),
        Some(Command::Extract(args)) => extract::run(&args, out),
    }
}

/// Loads `paths` (or the built-in sample when there are none) without extracting anything.
pub fn load(paths: &[PathBuf]) -> LoadReport {
    if paths.is_empty() {
        crate::sample::load_sample()
    } else {
        crate::load::load_paths(paths)
    }
}

/// Opens a corpus for a listing command (through the model cache, see [`crate::cache`]), with
/// the user's corrections applied. Problems met while loading are summed up in one line on
/// standard error (`dossier check` gives the details); no article is an error.
pub fn open_corpus(args: &CorpusArgs) -> Result<Corpus, CliError> {
    let (corpus, problems) = apply_corrections(open_analysed(args)?, args);
    for problem in problems {
        eprintln!("dossier: {}: {}", problem.path.display(), problem.message);
    }
    Ok(corpus)
}

/// Loads and analyses a corpus (from the cache when nothing changed), without corrections.
/// Problems met while loading are summed up in one line on standard error; no article is an
/// error.
pub fn open_analysed(args: &CorpusArgs) -> Result<Corpus, CliError> {
    // A first opening of a large corpus takes a while: say what is being done, on the terminal
    // only, and wipe the line before anything else is printed.
    let progress = crate::progress::Line::for_opening();
    let opened = crate::cache::open(&args.paths);
    drop(progress);
    if opened.corpus.articles.is_empty() {
        return Err(CliError::NoArticles {
            skipped: opened.skipped.len(),
        });
    }
    if !opened.skipped.is_empty() || !opened.warnings.is_empty() {
        eprintln!(
            "dossier: {} file(s) skipped, {} warning(s); run `dossier check` for details",
            opened.skipped.len(),
            opened.warnings.len()
        );
    }
    Ok(opened.corpus)
}

/// Applies the corrections file named by `args` to an analysed corpus (fresh or from the
/// cache, which never holds corrections). Returns the corpus and a warning for each problem.
pub fn apply_corrections(mut corpus: Corpus, args: &CorpusArgs) -> (Corpus, Vec<Warning>) {
    let mut problems = Vec::new();
    if let Some(path) = args.corrections_path() {
        match crate::corrections::file::read(&path) {
            Ok(corrections) => {
                for stale in crate::corrections::apply(&mut corpus, &corrections) {
                    problems.push(Warning {
                        path: path.clone(),
                        message: stale.to_string(),
                    });
                }
            }
            Err(message) => problems.push(Warning {
                path: path.clone(),
                message: format!("{message}; no correction applied"),
            }),
        }
    }
    (corpus, problems)
}

/// Lets go of a corpus the command is done with, on a thread of its own: the process exits
/// right after, and freeing millions of records one by one would hold the exit back by a
/// noticeable fraction of a second at scale. Within a longer-lived process (tests) the thread
/// simply frees it.
pub(crate) fn release(corpus: Corpus) {
    std::thread::spawn(move || drop(corpus));
}

/// A panic is a bug: say so in one line instead of Rust's debug output.
fn install_panic_message() {
    std::panic::set_hook(Box::new(|info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".to_string());
        eprintln!("dossier: internal error ({what}); please report it");
    }));
}
