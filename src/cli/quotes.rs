//! `dossier quotes`: every direct quotation and who said it.

use std::io::Write;
use std::process::ExitCode;

use clap::Args;
use serde::Serialize;

use super::{CliError, CorpusArgs, articles::one_line, open_corpus, output::write_json};
use crate::model::Speaker;

/// Arguments of `dossier quotes`.
#[derive(Debug, Clone, Args)]
pub struct QuotesArgs {
    #[command(flatten)]
    corpus: CorpusArgs,
    /// Only quotes by this actor (a name or any other name).
    #[arg(long, value_name = "NAME")]
    actor: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

/// One quote, as `--json` prints it.
#[derive(Debug, Serialize)]
struct QuoteRow<'a> {
    article: &'a str,
    quote: &'a str,
    speaker: Option<&'a str>,
    speaker_kind: &'static str,
    channel: Option<&'a str>,
    sentence: u32,
}

/// Runs `dossier quotes`.
pub fn run(args: &QuotesArgs, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let corpus = open_corpus(&args.corpus)?;
    let actor = match &args.actor {
        None => None,
        Some(name) => Some(corpus.find_actor(name).ok_or_else(|| {
            CliError::Usage(format!(
                "no actor named {name:?} in this corpus (`dossier actors` lists them)"
            ))
        })?),
    };
    let rows: Vec<QuoteRow> = corpus
        .quotes
        .iter()
        .filter(|q| actor.is_none_or(|a| q.speaker == Speaker::Actor(a)))
        .filter_map(|q| {
            let article = corpus.article(q.at.article)?;
            let (speaker, speaker_kind) = match &q.speaker {
                Speaker::Actor(a) => (corpus.actor(*a).map(|a| a.name.as_str()), "actor"),
                Speaker::Described(d) => (Some(d.as_str()), "described"),
                Speaker::Unattributed => (None, "unattributed"),
            };
            Some(QuoteRow {
                article: &article.key,
                quote: q.span.slice(&article.body),
                speaker,
                speaker_kind,
                channel: q.channel.as_deref(),
                sentence: q.at.sentence,
            })
        })
        .collect();
    if args.json {
        write_json(out, &rows)?;
        return Ok(ExitCode::SUCCESS);
    }
    for r in &rows {
        let by = r.speaker.unwrap_or("(unattributed)");
        let how = r.channel.map(|c| format!(", {c}")).unwrap_or_default();
        writeln!(out, "“{}”", one_line(r.quote, 200))?;
        writeln!(out, "    — {by}{how} · {} #{}", r.article, r.sentence + 1)?;
    }
    if rows.is_empty() {
        writeln!(out, "No quotes.")?;
    }
    Ok(ExitCode::SUCCESS)
}
