//! `dossier actors`: one row per actor, most mentioned first.

use std::io::Write;
use std::process::ExitCode;

use clap::Args;
use serde::Serialize;

use super::{CliError, CorpusArgs, open_corpus, output::Table, output::write_json};
use crate::model::{Actor, ActorKind, Corpus};

/// Arguments of `dossier actors`.
#[derive(Debug, Clone, Args)]
pub struct ActorsArgs {
    #[command(flatten)]
    corpus: CorpusArgs,
    /// Only actors of this kind.
    #[arg(long, value_name = "KIND", value_parser = ["person", "country", "organization", "place"])]
    kind: Option<String>,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

/// One actor, as `--json` prints it.
#[derive(Debug, Serialize)]
struct ActorRow<'a> {
    id: u32,
    name: &'a str,
    kind: &'static str,
    aliases: &'a [String],
    mentions: u32,
    articles: Vec<&'a str>,
    role: Option<&'a str>,
    affiliation: Option<&'a str>,
}

/// The visible actors, most mentioned first (ties by name), optionally of one kind.
pub fn ranked_actors(corpus: &Corpus, kind: Option<ActorKind>) -> Vec<&Actor> {
    let mut actors: Vec<&Actor> = corpus
        .actors
        .iter()
        .filter(|a| !a.hidden && kind.is_none_or(|k| a.kind == k))
        .collect();
    actors.sort_by(|a, b| {
        b.mention_count
            .cmp(&a.mention_count)
            .then_with(|| a.name.cmp(&b.name))
    });
    actors
}

/// Runs `dossier actors`.
pub fn run(args: &ActorsArgs, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let corpus = open_corpus(&args.corpus)?;
    let kind = args.kind.as_deref().and_then(ActorKind::parse);
    let actors = ranked_actors(&corpus, kind);
    let rows: Vec<ActorRow> = actors
        .iter()
        .map(|a| ActorRow {
            id: a.id.0,
            name: &a.name,
            kind: a.kind.name(),
            aliases: &a.aliases,
            mentions: a.mention_count,
            articles: a
                .articles
                .iter()
                .filter_map(|id| corpus.article(*id).map(|art| art.key.as_str()))
                .collect(),
            role: a.role.as_ref().map(|r| r.value.as_str()),
            affiliation: a.affiliation.as_ref().map(|r| r.value.as_str()),
        })
        .collect();
    if args.json {
        write_json(out, &rows)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut table = Table::new(&[
        "name",
        "kind",
        "mentions",
        "articles",
        "role",
        "affiliation",
        "other names",
    ]);
    for r in &rows {
        let others: Vec<&str> = r
            .aliases
            .iter()
            .map(String::as_str)
            .filter(|s| *s != r.name)
            .collect();
        table.row(vec![
            r.name.to_string(),
            r.kind.to_string(),
            r.mentions.to_string(),
            r.articles.len().to_string(),
            r.role.unwrap_or("").to_string(),
            r.affiliation.unwrap_or("").to_string(),
            others.join(", "),
        ]);
    }
    table.write(out)?;
    Ok(ExitCode::SUCCESS)
}
