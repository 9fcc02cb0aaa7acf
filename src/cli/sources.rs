//! `dossier sources`: the outlets, and the sources each article cites.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;

use clap::Args;
use serde::Serialize;

use super::{CliError, CorpusArgs, open_corpus, output::write_json};
use crate::model::SourceKind;

/// Arguments of `dossier sources`.
#[derive(Debug, Clone, Args)]
pub struct SourcesArgs {
    #[command(flatten)]
    corpus: CorpusArgs,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Serialize)]
struct SourcesReport<'a> {
    outlets: Vec<OutletRow<'a>>,
    cited: Vec<CitedRow<'a>>,
}

#[derive(Debug, Serialize)]
struct OutletRow<'a> {
    outlet: &'a str,
    articles: Vec<&'a str>,
}

#[derive(Debug, Serialize)]
struct CitedRow<'a> {
    name: &'a str,
    kind: SourceKind,
    citations: Vec<CitationRow<'a>>,
}

#[derive(Debug, Serialize)]
struct CitationRow<'a> {
    article: &'a str,
    sentence: u32,
    channel: Option<&'a str>,
    text: &'a str,
}

/// Runs `dossier sources`.
pub fn run(args: &SourcesArgs, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let corpus = open_corpus(&args.corpus)?;
    let mut outlets: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for a in &corpus.articles {
        outlets
            .entry(a.outlet.as_deref().unwrap_or("unknown"))
            .or_default()
            .push(&a.key);
    }
    let report = SourcesReport {
        outlets: outlets
            .into_iter()
            .map(|(outlet, articles)| OutletRow { outlet, articles })
            .collect(),
        cited: corpus
            .sources
            .iter()
            .map(|s| CitedRow {
                name: &s.name,
                kind: s.kind,
                citations: s
                    .citations
                    .iter()
                    .filter_map(|c| {
                        let article = corpus.article(c.at.article)?;
                        Some(CitationRow {
                            article: &article.key,
                            sentence: c.at.sentence,
                            channel: c.channel.as_deref(),
                            text: article.sentence_text(c.at.sentence),
                        })
                    })
                    .collect(),
            })
            .collect(),
    };
    if args.json {
        write_json(out, &report)?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(out, "Outlets")?;
    for o in &report.outlets {
        writeln!(out, "  {}  ({})", o.outlet, o.articles.join(", "))?;
    }
    writeln!(out, "\nCited sources")?;
    for s in &report.cited {
        let kind = serde_json::to_value(s.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        writeln!(out, "  {} [{kind}]", s.name)?;
        for c in &s.citations {
            let how = c.channel.unwrap_or("cited");
            writeln!(out, "      {how} · {} #{}", c.article, c.sentence + 1)?;
        }
    }
    if report.cited.is_empty() {
        writeln!(out, "  (none found)")?;
    }
    Ok(ExitCode::SUCCESS)
}
