//! `dossier extract`: the extraction interface for pipelines. JSON Lines in, JSON Lines out,
//! with character offsets into each input text.

use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Args;
use serde::{Deserialize, Serialize};

use super::CliError;
use crate::model::{Article, ArticleId, Corpus, Format, Origin, Speaker, TimexKind};
use crate::text::{offsets::CharOffsets, paragraphs::split_paragraphs, sentences::split_sentences};

/// Arguments of `dossier extract` (none: it reads standard input).
#[derive(Debug, Clone, Args)]
pub struct ExtractArgs {}

/// One input document.
#[derive(Debug, Deserialize)]
struct Document {
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    published: Option<String>,
}

/// One output line.
#[derive(Debug, Serialize)]
struct Extracted<'a> {
    id: &'a serde_json::Value,
    actors: Vec<ActorSpan<'a>>,
    times: Vec<TimeSpan<'a>>,
    quotes: Vec<QuoteSpan<'a>>,
}

#[derive(Debug, Serialize)]
struct ActorSpan<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    kind: &'static str,
    form: &'static str,
    actor: &'a str,
}

#[derive(Debug, Serialize)]
struct TimeSpan<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    value: &'a str,
    /// The TimeML type: `DATE`, `TIME`, `DURATION` or `SET`.
    #[serde(rename = "type")]
    kind: &'static str,
}

#[derive(Debug, Serialize)]
struct QuoteSpan<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    speaker: Option<&'a str>,
}

/// Runs `dossier extract` on standard input.
pub fn run(_args: &ExtractArgs, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let stdin = std::io::stdin();
    let mut err = std::io::stderr();
    extract_lines(stdin.lock(), out, &mut err)
}

/// Reads documents from `input`, treats them as one corpus, and writes one line per document
/// in input order. Bad lines are reported on `err` with their line number and skipped.
pub fn extract_lines(
    input: impl BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    let mut documents: Vec<(serde_json::Value, Article)> = Vec::new();
    for (n, line) in input.lines().enumerate() {
        let line_no = n + 1;
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                writeln!(err, "dossier: line {line_no}: cannot read: {e}")?;
                continue;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        let doc: Document = match serde_json::from_str(&line) {
            Ok(d) => d,
            Err(e) => {
                writeln!(err, "dossier: line {line_no}: skipped, not a document: {e}")?;
                continue;
            }
        };
        let published = match doc.published.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(s) => match crate::load::parse_date(s) {
                Some(d) => Some(d),
                None => {
                    writeln!(
                        err,
                        "dossier: line {line_no}: published date {s:?} is not a valid date; treated as undated"
                    )?;
                    None
                }
            },
        };
        let article = inline_article(&doc.id, doc.text, published, documents.len(), line_no);
        documents.push((doc.id, article));
    }
    let ids: Vec<serde_json::Value> = documents.iter().map(|(id, _)| id.clone()).collect();
    let corpus = crate::pipeline::analyze(documents.into_iter().map(|(_, a)| a).collect());
    for (i, id) in ids.iter().enumerate() {
        let line = extracted(&corpus, ArticleId::from_index(i), id);
        serde_json::to_writer(&mut *out, &line)?;
        writeln!(out)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// An article whose body is the input text exactly as given, so that offsets index it.
fn inline_article(
    id: &serde_json::Value,
    text: String,
    date: Option<NaiveDate>,
    index: usize,
    line: usize,
) -> Article {
    let key = match id {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let paragraphs = split_paragraphs(&text);
    let sentences = split_sentences(&text, &paragraphs);
    Article {
        id: ArticleId::from_index(index),
        key,
        title: None,
        outlet: None,
        url: None,
        author: None,
        date,
        body: text,
        paragraphs,
        sentences,
        captions: Vec::new(),
        furniture: Vec::new(),
        origin: Origin {
            path: PathBuf::from("<stdin>"),
            format: Format::Inline,
            record: Some(line),
        },
    }
}

fn extracted<'a>(corpus: &'a Corpus, id: ArticleId, key: &'a serde_json::Value) -> Extracted<'a> {
    let Some(article) = corpus.article(id) else {
        return Extracted {
            id: key,
            actors: Vec::new(),
            times: Vec::new(),
            quotes: Vec::new(),
        };
    };
    let chars = CharOffsets::new(&article.body);
    let span = |s: crate::model::Span| {
        (
            chars.char_of(s.start as usize),
            chars.char_of(s.end as usize),
        )
    };
    let actors = corpus
        .mentions_in(id)
        .iter()
        .filter_map(|m| {
            let actor = corpus.actor(m.actor).filter(|a| !a.hidden)?;
            let (start, end) = span(m.span);
            Some(ActorSpan {
                start,
                end,
                text: m.span.slice(&article.body),
                kind: actor.kind.name(),
                form: match m.form {
                    crate::model::MentionForm::Name => "name",
                    crate::model::MentionForm::Demonym => "demonym",
                },
                actor: &actor.name,
            })
        })
        .collect();
    let times = corpus
        .times_in(id)
        .iter()
        .map(|t| {
            let (start, end) = span(t.span);
            TimeSpan {
                start,
                end,
                text: t.span.slice(&article.body),
                value: &t.value,
                kind: match t.kind {
                    TimexKind::Date => "DATE",
                    TimexKind::Time => "TIME",
                    TimexKind::Duration => "DURATION",
                    TimexKind::Set => "SET",
                },
            }
        })
        .collect();
    let quotes = corpus
        .quotes_in(id)
        .iter()
        .map(|q| {
            let (start, end) = span(q.span);
            QuoteSpan {
                start,
                end,
                text: q.span.slice(&article.body),
                speaker: match &q.speaker {
                    Speaker::Actor(a) => corpus.actor(*a).map(|a| a.name.as_str()),
                    Speaker::Described(d) => Some(d.as_str()),
                    Speaker::Unattributed => None,
                },
            }
        })
        .collect();
    Extracted {
        id: key,
        actors,
        times,
        quotes,
    }
}
