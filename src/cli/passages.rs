//! `dossier passages`: passages shared by pairs of articles.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;

use clap::Args;
use serde::Serialize;

use super::{CliError, CorpusArgs, articles::one_line, open_corpus, output::write_json};

/// Arguments of `dossier passages`.
#[derive(Debug, Clone, Args)]
pub struct PassagesArgs {
    #[command(flatten)]
    corpus: CorpusArgs,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Serialize)]
struct PairRow<'a> {
    articles: [&'a str; 2],
    passages: Vec<PassageRow<'a>>,
}

#[derive(Debug, Serialize)]
struct PassageRow<'a> {
    a: &'a str,
    b: &'a str,
    similarity: f32,
}

/// Runs `dossier passages`.
pub fn run(args: &PassagesArgs, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let corpus = open_corpus(&args.corpus)?;
    let mut pairs: BTreeMap<(u32, u32), Vec<PassageRow>> = BTreeMap::new();
    for p in &corpus.passages {
        let (Some(a), Some(b)) = (corpus.article(p.a.0), corpus.article(p.b.0)) else {
            continue;
        };
        pairs
            .entry((p.a.0.0, p.b.0.0))
            .or_default()
            .push(PassageRow {
                a: p.a.1.slice(&a.body),
                b: p.b.1.slice(&b.body),
                similarity: p.similarity,
            });
    }
    let key = |id: u32| {
        corpus
            .article(crate::model::ArticleId(id))
            .map_or("", |a| a.key.as_str())
    };
    let rows: Vec<PairRow> = pairs
        .into_iter()
        .map(|((a, b), passages)| PairRow {
            articles: [key(a), key(b)],
            passages,
        })
        .collect();
    if args.json {
        write_json(out, &rows)?;
        return Ok(ExitCode::SUCCESS);
    }
    for r in &rows {
        writeln!(
            out,
            "{} ↔ {}: {} shared passage(s)",
            r.articles[0],
            r.articles[1],
            r.passages.len()
        )?;
        for p in &r.passages {
            writeln!(out, "  {:.2}  {}", p.similarity, one_line(p.a, 100))?;
            if p.a != p.b {
                writeln!(out, "        {}", one_line(p.b, 100))?;
            }
        }
    }
    if rows.is_empty() {
        writeln!(out, "No shared passages.")?;
    }
    Ok(ExitCode::SUCCESS)
}
