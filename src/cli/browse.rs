//! `dossier [PATH…] [--mouse] [--ascii]`: the interactive browser.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use super::CliError;

/// Runs the browser. When standard output is not a terminal there is nothing to draw on: say so,
/// name the commands that work without one, and exit 2.
pub fn run(
    corpus: &super::CorpusArgs,
    mouse: bool,
    ascii: bool,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    if !std::io::stdout().is_terminal() {
        eprintln!(
            "dossier: the browser needs a terminal, and standard output is not one.\n\
             Commands that work without a terminal: check, articles, actors, timeline, quotes, sources, passages, extract\n\
             (for example `dossier check --json`; `dossier --help` lists them all)."
        );
        return Ok(ExitCode::from(2));
    }
    let corpus = super::open_corpus(corpus)?;
    let _ = out;
    crate::term::run(corpus, crate::term::Options { mouse, ascii })?;
    Ok(ExitCode::SUCCESS)
}
