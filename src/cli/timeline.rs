//! `dossier timeline`: the events in date order.

use std::io::Write;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Args;
use serde::Serialize;

use super::{CliError, CorpusArgs, articles::one_line, open_corpus, output::write_json};
use crate::extract::events::articles_by_date;
use crate::model::{CalendarPoint, Granularity, Tense};

/// Arguments of `dossier timeline`.
#[derive(Debug, Clone, Args)]
pub struct TimelineArgs {
    #[command(flatten)]
    corpus: CorpusArgs,
    /// Only events that involve this actor (a name or any other name).
    #[arg(long, value_name = "NAME")]
    actor: Option<String>,
    /// Only events on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    from: Option<NaiveDate>,
    /// Only events on or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    to: Option<NaiveDate>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

fn parse_day(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| format!("{s:?} is not a date of the form YYYY-MM-DD"))
}

/// One event, as `--json` prints it.
#[derive(Debug, Serialize)]
struct EventRow<'a> {
    #[serde(skip)]
    day: NaiveDate,
    #[serde(skip)]
    ahead: bool,
    date: String,
    granularity: Granularity,
    text: &'a str,
    article: &'a str,
    sentence: u32,
    actors: Vec<&'a str>,
    entry: u32,
}

/// The last day of the period a point covers, for range filters.
fn last_day(point: &CalendarPoint) -> NaiveDate {
    use chrono::{Datelike, Months};
    let months = match point.granularity {
        Granularity::Day => return point.date,
        Granularity::Month => 1,
        Granularity::Year => 12,
        Granularity::Decade => 120,
    };
    let start = point.date.with_day(1).unwrap_or(point.date);
    start
        .checked_add_months(Months::new(months))
        .and_then(|d| d.pred_opt())
        .unwrap_or(point.date)
}

/// Runs `dossier timeline`.
pub fn run(args: &TimelineArgs, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let corpus = open_corpus(&args.corpus)?;
    let actor = match &args.actor {
        None => None,
        Some(name) => Some(corpus.find_actor(name).ok_or_else(|| {
            CliError::Usage(format!(
                "no actor named {name:?} in this corpus (`dossier actors` lists them)"
            ))
        })?),
    };
    let mut rows = Vec::new();
    for entry in &corpus.entries {
        if args.from.is_some_and(|from| last_day(&entry.point) < from)
            || args.to.is_some_and(|to| entry.point.date > to)
        {
            continue;
        }
        for event_id in &entry.events {
            let Some(event) = corpus.events.get(event_id.index()) else {
                continue;
            };
            if actor.is_some_and(|a| !event.actors.contains(&a)) {
                continue;
            }
            let Some(article) = corpus.article(event.at.article) else {
                continue;
            };
            rows.push(EventRow {
                day: event.point.date,
                ahead: event.tense == Tense::Ahead,
                date: event.point.label(),
                granularity: event.point.granularity,
                text: article.sentence_text(event.at.sentence),
                article: &article.key,
                sentence: event.at.sentence,
                actors: event
                    .actors
                    .iter()
                    .filter_map(|a| {
                        corpus
                            .actor(*a)
                            .filter(|a| !a.hidden)
                            .map(|a| a.name.as_str())
                    })
                    .collect(),
                entry: entry.id.0,
            });
        }
    }
    if args.json {
        write_json(out, &rows)?;
        return Ok(ExitCode::SUCCESS);
    }
    // Articles sit on the timeline by publication date, between the events (text view only;
    // with --actor the view is about events).
    let mut published = articles_by_date(&corpus.articles)
        .into_iter()
        .filter(|(d, _)| args.from.is_none_or(|f| *d >= f) && args.to.is_none_or(|t| *d <= t))
        .filter(|_| actor.is_none())
        .peekable();
    let mut print_published =
        |before: Option<NaiveDate>, out: &mut dyn Write| -> std::io::Result<()> {
            while let Some((day, id)) = published.next_if(|(d, _)| before.is_none_or(|b| *d < b)) {
                if let Some(a) = corpus.article(id) {
                    let title = one_line(a.display_title(), 80);
                    writeln!(
                        out,
                        "{:<10}  ▸ published: {} ({})",
                        day.format("%Y-%m-%d"),
                        title,
                        a.key
                    )?;
                }
            }
            Ok(())
        };
    let mut last_entry = None;
    for r in &rows {
        if last_entry != Some(r.entry) {
            print_published(Some(r.day), out)?;
            let mark = if r.ahead { " (expected)" } else { "" };
            writeln!(out, "{:<10}  {}{mark}", r.date, one_line(r.text, 100))?;
            last_entry = Some(r.entry);
        }
        writeln!(out, "{:<10}    · {} #{}", "", r.article, r.sentence + 1)?;
    }
    print_published(None, out)?;
    if rows.is_empty() {
        writeln!(out, "No events.")?;
    }
    Ok(ExitCode::SUCCESS)
}
