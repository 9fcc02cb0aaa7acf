//! The three list panes: timeline, sources and actors.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{highlighted, pane_block};
use crate::ui::app::{App, Row};
use crate::ui::lens::{SourceItem, TimelineItem};
use crate::ui::theme::Theme;

/// Title with counts: `Timeline 3/12` under a lens or filter, `Timeline 12` otherwise.
fn title(name: &str, shown: usize, narrowed: usize, total: usize) -> String {
    if shown == total {
        format!("{name} {total}")
    } else if shown == narrowed {
        format!("{name} {shown}/{total}")
    } else if narrowed == total {
        format!("{name} {shown} of {total}")
    } else {
        format!("{name} {shown} of {narrowed}/{total}")
    }
}

/// Draws a list pane: the block, the rows from `offset`, the filter in the bottom border, and a
/// sentence when there is nothing to show.
#[allow(clippy::too_many_arguments)]
fn list(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    theme: &Theme,
    focused: bool,
    i: usize,
    title: String,
    narrowed_away: bool,
    empty: &str,
    render: impl Fn(&Row, Style) -> Line<'static>,
) {
    let rows = &app.rows[i];
    let mut block = pane_block(title, theme, focused);
    let filter = &app.filters[i];
    if filter.editing || !filter.query.is_empty() {
        let cursor = if filter.editing { "_" } else { "" };
        block = block.title_bottom(Line::from(Span::styled(
            format!(" /{}{cursor} ", filter.query),
            theme.matched(),
        )));
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let state = app.lists[i];
    let lines: Vec<Line> = if rows.is_empty() {
        let why = if !filter.query.is_empty() {
            format!("No match for /{}", filter.query)
        } else if narrowed_away || !app.lens.is_empty() {
            "Nothing under this lens (Backspace pops it)".to_string()
        } else {
            empty.to_string()
        };
        vec![Line::from(Span::styled(why, theme.dim()))]
    } else {
        rows.iter()
            .enumerate()
            .skip(state.offset)
            .take(inner.height as usize)
            .map(|(n, row)| {
                let selected = n == state.selected;
                let base = if selected {
                    theme.selection(focused)
                } else {
                    Style::new()
                };
                let mut line = render(row, base);
                if selected {
                    // Pad so the whole row shows as selected.
                    let used = line.width();
                    let pad = (inner.width as usize).saturating_sub(used);
                    line.spans.push(Span::styled(" ".repeat(pad), base));
                }
                line
            })
            .collect()
    };
    frame.render_widget(Paragraph::new(lines), inner);
}

/// `shown/total noun`, or `total noun` when nothing is narrowed away.
fn count(shown: usize, total: usize, noun: &str) -> String {
    if shown == total {
        format!("{total} {noun}")
    } else {
        format!("{shown}/{total} {noun}")
    }
}

/// The timeline: entries (date, how many articles report it, the reporting sentence) and, in
/// date order among them, the articles on their publication day, marked and dim.
pub fn timeline(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, focused: bool) {
    let total_entries = app.corpus.entries.len();
    let total_articles = app
        .corpus
        .articles
        .iter()
        .filter(|a| a.date.is_some())
        .count();
    // Counted when the rows were made: a frame does not walk a million rows.
    let (entries, articles) = app.kinds[0];
    let title = format!(
        "Timeline {} \u{b7} {}",
        count(entries, total_entries, "entries"),
        count(articles, total_articles, "articles")
    );
    let narrowed_away = app.narrowed.timeline.len() < total_entries + total_articles;
    list(
        frame,
        area,
        app,
        theme,
        focused,
        0,
        title,
        narrowed_away,
        "No timeline entries found",
        |row, base| {
            let Some(item) = app.narrowed.timeline.get(row.item).copied() else {
                return Line::default();
            };
            match item {
                TimelineItem::Entry(entry) => {
                    let date = app
                        .corpus
                        .entries
                        .get(entry.index())
                        .map(|e| e.point.label())
                        .unwrap_or_default();
                    let count = app.entry_articles(entry);
                    let mut spans = vec![
                        Span::styled(format!("{date:<10} "), base.patch(theme.dim())),
                        Span::styled(
                            format!("{}{count:<2} ", theme.times_sign()),
                            base.patch(theme.dim()),
                        ),
                    ];
                    let summary = app.entry_summary(entry);
                    spans.extend(highlighted(
                        summary,
                        &app.highlight(summary, &app.filters[0].query),
                        base,
                        base.patch(theme.matched()),
                    ));
                    Line::from(spans)
                }
                TimelineItem::Article(article) => {
                    let date = app
                        .corpus
                        .article(article)
                        .and_then(|a| a.date)
                        .map(|d| d.format("%Y-%m-%d").to_string())
                        .unwrap_or_default();
                    let dim = base.patch(theme.dim());
                    let mut spans = vec![
                        Span::styled(format!("{date:<10} "), dim),
                        Span::styled(format!("{}   ", theme.article_sign()), dim),
                    ];
                    let label = app.article_row_label(article);
                    spans.extend(highlighted(
                        &label,
                        &app.highlight(&label, &app.filters[0].query),
                        dim,
                        base.patch(theme.matched()),
                    ));
                    Line::from(spans)
                }
            }
        },
    );
}

/// The sources: outlets (with their article counts), cited sources (with citations), then
/// under a lens with actors, their quotes.
pub fn sources(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, focused: bool) {
    let total = app.outlets.len() + app.corpus.sources.len();
    let is_quote = |item: usize| {
        matches!(
            app.narrowed.sources.get(item),
            Some((SourceItem::Quote(_), _))
        )
    };
    let (shown, quotes) = app.kinds[1];
    let narrowed = (0..app.narrowed.sources.len())
        .filter(|i| !is_quote(*i))
        .count();
    let mut title = format!("Sources {}", count(shown, total, "").trim_end());
    if quotes > 0 {
        title.push_str(&format!(" \u{b7} {quotes} quotes"));
    }
    list(
        frame,
        area,
        app,
        theme,
        focused,
        1,
        title,
        narrowed < total,
        "No sources found",
        |row, base| {
            let Some((item, count)) = app.narrowed.sources.get(row.item).copied() else {
                return Line::default();
            };
            let kind = match item {
                SourceItem::Outlet(_) => "outlet".to_string(),
                SourceItem::Cited(s) => app
                    .corpus
                    .sources
                    .get(s.index())
                    .map(|s| format!("{:?}", s.kind).to_lowercase())
                    .unwrap_or_default(),
                SourceItem::Quote(_) => "quote".to_string(),
            };
            let lead = match item {
                SourceItem::Quote(_) => format!("  {} ", theme.article_sign()),
                _ => format!("{count:>3} "),
            };
            let mut spans = vec![Span::styled(lead, base.patch(theme.dim()))];
            let label = app.source_label(item);
            spans.extend(highlighted(
                &label,
                &app.highlight(&label, &app.filters[1].query),
                base,
                base.patch(theme.matched()),
            ));
            spans.push(Span::styled(format!(" {kind}"), base.patch(theme.dim())));
            Line::from(spans)
        },
    );
}

/// The actors: kind marker, name (and the other name a filter matched), and a count.
pub fn actors(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, focused: bool) {
    let total = app.corpus.actors.iter().filter(|a| !a.hidden).count();
    let narrowed = app.narrowed.actors.len();
    let mut actors_title = title("Actors", app.rows[2].len(), narrowed, total);
    if !app.lens_actors().is_empty() {
        // Under an actor lens the count is of sentences shared with the lens actors.
        actors_title.push_str(" \u{b7} shared sentences");
    }
    list(
        frame,
        area,
        app,
        theme,
        focused,
        2,
        actors_title,
        narrowed < total,
        "No actors found",
        |row, base| {
            let Some((id, score)) = app.narrowed.actors.get(row.item).copied() else {
                return Line::default();
            };
            let Some(actor) = app.corpus.actor(id) else {
                return Line::default();
            };
            let mut spans = vec![
                Span::styled(format!("{score:>3} "), base.patch(theme.dim())),
                Span::styled(
                    format!("{} ", theme.marker(actor.kind)),
                    base.patch(theme.kind(actor.kind)),
                ),
            ];
            // Matched by score alone; the indices are found for the rows drawn.
            let query = &app.filters[2].query;
            match app.row_via(row) {
                None => spans.extend(highlighted(
                    &actor.name,
                    &app.highlight(&actor.name, query),
                    base,
                    base.patch(theme.matched()),
                )),
                Some(alias) => {
                    spans.push(Span::styled(
                        format!("{} ", super::visible(&actor.name)),
                        base,
                    ));
                    spans.push(Span::styled("~", base.patch(theme.dim())));
                    spans.extend(highlighted(
                        alias,
                        &app.highlight(alias, query),
                        base.patch(theme.dim()),
                        base.patch(theme.matched()),
                    ));
                }
            }
            Line::from(spans)
        },
    );
}
