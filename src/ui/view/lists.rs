//! The three list panes: timeline, sources and actors.

use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{highlighted, pane_block};
use crate::model::{CalendarPoint, Granularity};
use crate::ui::app::{App, Row};
use crate::ui::lens::SourceItem;
use crate::ui::theme::Theme;

/// A date at its granularity: `2023-07-26`, `2023-07`, `2023`, `2020s`.
pub fn format_point(p: CalendarPoint) -> String {
    match p.granularity {
        Granularity::Day => p.date.format("%Y-%m-%d").to_string(),
        Granularity::Month => p.date.format("%Y-%m").to_string(),
        Granularity::Year => p.date.year().to_string(),
        Granularity::Decade => format!("{}s", p.date.year()),
    }
}

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
    name: &str,
    narrowed: usize,
    total: usize,
    empty: &str,
    render: impl Fn(&Row, Style) -> Line<'static>,
) {
    let rows = &app.rows[i];
    let mut block = pane_block(title(name, rows.len(), narrowed, total), theme, focused);
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
        } else if narrowed < total || (total == 0 && !app.lens.is_empty()) {
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

/// The timeline: date, how many articles report it, and the reporting sentence.
pub fn timeline(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, focused: bool) {
    let total = app.corpus.entries.len();
    let narrowed = app.narrowed.timeline.len();
    list(
        frame,
        area,
        app,
        theme,
        focused,
        0,
        "Timeline",
        narrowed,
        total,
        "No timeline entries found",
        |row, base| {
            let Some(entry) = app.narrowed.timeline.get(row.item).copied() else {
                return Line::default();
            };
            let date = app
                .corpus
                .entries
                .get(entry.index())
                .map(|e| format_point(e.point))
                .unwrap_or_default();
            let count = app.entry_articles(entry);
            let mut spans = vec![
                Span::styled(format!("{date:<10} "), base.patch(theme.dim())),
                Span::styled(
                    format!("{}{count:<2} ", theme.times_sign()),
                    base.patch(theme.dim()),
                ),
            ];
            spans.extend(highlighted(
                app.entry_summary(entry),
                &row.matched,
                base,
                base.patch(theme.matched()),
            ));
            Line::from(spans)
        },
    );
}

/// The sources: outlets (with their article counts), then cited sources (with citations).
pub fn sources(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, focused: bool) {
    let total = app.outlets.len() + app.corpus.sources.len();
    let narrowed = app.narrowed.sources.len();
    list(
        frame,
        area,
        app,
        theme,
        focused,
        1,
        "Sources",
        narrowed,
        total,
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
            };
            let mut spans = vec![Span::styled(
                format!("{count:>3} "),
                base.patch(theme.dim()),
            )];
            spans.extend(highlighted(
                &app.source_label(item),
                &row.matched,
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
    list(
        frame,
        area,
        app,
        theme,
        focused,
        2,
        "Actors",
        narrowed,
        total,
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
            match &row.via {
                None => spans.extend(highlighted(
                    &actor.name,
                    &row.matched,
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
                        &row.matched,
                        base.patch(theme.dim()),
                        base.patch(theme.matched()),
                    ));
                }
            }
            Line::from(spans)
        },
    );
}
