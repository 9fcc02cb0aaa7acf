//! `dossier articles`: one row per article.

use std::io::Write;
use std::process::ExitCode;

use clap::Args;
use serde::Serialize;

use super::{CliError, CorpusArgs, load, output::Table, output::write_json};

/// Arguments of `dossier articles`.
#[derive(Debug, Clone, Args)]
pub struct ArticlesArgs {
    #[command(flatten)]
    corpus: CorpusArgs,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

/// One article, as `--json` prints it.
#[derive(Debug, Serialize)]
struct ArticleRow<'a> {
    id: &'a str,
    date: Option<String>,
    outlet: Option<&'a str>,
    title: &'a str,
    url: Option<&'a str>,
    author: Option<&'a str>,
    format: &'static str,
    path: String,
    words: usize,
    sentences: usize,
}

/// Runs `dossier articles`. Only loading is needed: no extraction runs.
pub fn run(args: &ArticlesArgs, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let report = load(&args.corpus.paths);
    if report.articles.is_empty() {
        return Err(CliError::NoArticles {
            skipped: report.skipped.len(),
        });
    }
    let mut articles = report.articles;
    // Outlets named only in page furniture are part of what a user expects to see here.
    for article in &mut articles {
        if article.outlet.is_none() {
            article.outlet = crate::extract::sources::outlet_from_furniture(article);
        }
    }
    let rows: Vec<ArticleRow> = articles
        .iter()
        .map(|a| ArticleRow {
            id: &a.key,
            date: a.date.map(|d| d.to_string()),
            outlet: a.outlet.as_deref(),
            title: a.display_title(),
            url: a.url.as_deref(),
            author: a.author.as_deref(),
            format: a.origin.format.name(),
            path: a.origin.path.display().to_string(),
            words: a.word_count(),
            sentences: a.sentences.len(),
        })
        .collect();
    if args.json {
        write_json(out, &rows)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut table = Table::new(&["id", "date", "outlet", "words", "title"]);
    for r in &rows {
        table.row(vec![
            r.id.to_string(),
            r.date.clone().unwrap_or_else(|| "undated".into()),
            r.outlet.unwrap_or("unknown").to_string(),
            r.words.to_string(),
            one_line(r.title, 80),
        ]);
    }
    table.write(out)?;
    Ok(ExitCode::SUCCESS)
}

/// `text` on one line, cut at `max` characters with an ellipsis.
pub fn one_line(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}
