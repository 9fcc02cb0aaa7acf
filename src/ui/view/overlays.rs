//! Views drawn over the panes: help (generated from the keymap), the finder, detail views.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::{centered, highlighted, pane_block, visible};
use crate::model::{ActorId, Speaker};
use crate::ui::app::{App, DetailTarget, Finder, Overlay};
use crate::ui::correct::RenamePrompt;
use crate::ui::keymap;
use crate::ui::lens::{self, SourceItem};
use crate::ui::theme::Theme;

/// Draws the overlay, if any.
pub fn overlay(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    match &app.overlay {
        None => {}
        Some(Overlay::Help(scroll)) => help(frame, area, *scroll, theme),
        Some(Overlay::Finder(f)) => finder(frame, area, app, f, theme),
        Some(Overlay::Detail(t, scroll)) => detail(frame, area, app, *t, *scroll, theme),
        Some(Overlay::Rename(p)) => rename(frame, area, app, p, theme),
    }
}

fn rename(frame: &mut Frame, area: Rect, app: &App, p: &RenamePrompt, theme: &Theme) {
    let name = app
        .corpus
        .actor(p.actor)
        .map_or_else(String::new, |a| a.name.clone());
    let lines = vec![
        Line::from(vec![
            Span::styled("> ", theme.matched()),
            Span::raw(format!("{}_", p.text)),
        ]),
        Line::from(Span::styled(
            "Enter renames, Esc keeps the name (u undoes later)",
            theme.dim(),
        )),
    ];
    popup(
        frame,
        area,
        format!("Rename {name}"),
        lines,
        0,
        (70, 4),
        theme,
    );
}

/// Draws `lines` in a bordered popup of at most `w` × `h`, scrolled by `scroll`.
fn popup(
    frame: &mut Frame,
    area: Rect,
    title: String,
    lines: Vec<Line<'static>>,
    scroll: usize,
    size: (u16, u16),
    theme: &Theme,
) {
    let rect = centered(area, size.0, size.1);
    frame.render_widget(Clear, rect);
    let block = pane_block(title, theme, true);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let max = lines.len().saturating_sub(inner.height as usize);
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(scroll.min(max))
        .map(|mut line| {
            for span in &mut line.spans {
                span.content = visible(&span.content).into();
            }
            line
        })
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
}

fn help(frame: &mut Frame, area: Rect, scroll: usize, theme: &Theme) {
    let mut lines = vec![Line::from(Span::styled(
        "Everything narrows by the lens: Enter on an actor or source puts it in.",
        theme.dim(),
    ))];
    for (keys, what) in keymap::help_lines() {
        if what.is_empty() && !keys.is_empty() {
            lines.push(Line::from(Span::styled(keys, theme.title(false))));
        } else {
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys:<26}"), theme.matched()),
                Span::raw(what),
            ]));
        }
    }
    popup(
        frame,
        area,
        "Help  (j/k scroll, Esc close)".into(),
        lines,
        scroll,
        (78, area.height.saturating_sub(2).max(3)),
        theme,
    );
}

fn finder(frame: &mut Frame, area: Rect, app: &App, f: &Finder, theme: &Theme) {
    let height = area.height.saturating_sub(4).clamp(3, 20);
    let room = height.saturating_sub(3) as usize;
    let mut lines = vec![Line::from(vec![
        Span::styled("> ", theme.matched()),
        Span::raw(format!("{}_", f.query)),
    ])];
    if f.results.is_empty() {
        lines.push(Line::from(Span::styled(
            if app.corpus.actors.is_empty() {
                "No actors found in this corpus"
            } else {
                "No match"
            },
            theme.dim(),
        )));
    }
    let offset = f.selected.saturating_sub(room.saturating_sub(1));
    // Results are matched by score alone; the indices are found for the rows drawn.
    let query = f.query.strip_prefix(['@', '#']).unwrap_or(&f.query).trim();
    for (n, (id, _, via)) in f.results.iter().enumerate().skip(offset).take(room) {
        let Some(a) = app.corpus.actor(*id) else {
            continue;
        };
        let base = if n == f.selected {
            theme.selection(true)
        } else {
            Style::new()
        };
        let mut spans = vec![Span::styled(
            format!("{} ", theme.marker(a.kind)),
            base.patch(theme.kind(a.kind)),
        )];
        match via.and_then(|v| a.aliases.get(usize::from(v))) {
            None => spans.extend(highlighted(
                &a.name,
                &app.highlight(&a.name, query),
                base,
                base.patch(theme.matched()),
            )),
            Some(alias) => {
                spans.push(Span::styled(format!("{} ~", a.name), base));
                spans.extend(highlighted(
                    alias,
                    &app.highlight(alias, query),
                    base,
                    base.patch(theme.matched()),
                ));
            }
        }
        spans.push(Span::styled(
            format!("  {} mentions", a.mention_count),
            base.patch(theme.dim()),
        ));
        lines.push(Line::from(spans));
    }
    popup(
        frame,
        area,
        match f.merge.and_then(|a| app.corpus.actor(a)) {
            Some(from) => format!(
                "Merge {} into ({} of {})",
                from.name,
                f.results.len(),
                app.corpus.actors.len()
            ),
            None => format!(
                "Find an actor ({} of {})  @ people  # countries",
                f.results.len(),
                app.corpus.actors.len()
            ),
        },
        lines,
        0,
        (70, height),
        theme,
    );
}

fn section(lines: &mut Vec<Line<'static>>, title: &str, theme: &Theme) {
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        title.to_string(),
        theme.title(false),
    )));
}

fn article_line(app: &App, id: crate::model::ArticleId, theme: &Theme) -> Line<'static> {
    let Some(a) = app.corpus.article(id) else {
        return Line::default();
    };
    Line::from(vec![
        Span::styled(
            format!(
                "  {} {} ",
                a.date.map(|d| d.to_string()).unwrap_or_default(),
                a.outlet.as_deref().unwrap_or("?")
            ),
            theme.dim(),
        ),
        Span::raw(a.display_title().to_string()),
    ])
}

fn actor_lines(app: &App, id: ActorId, theme: &Theme) -> Vec<Line<'static>> {
    let Some(a) = app.corpus.actor(id) else {
        return Vec::new();
    };
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{} ", theme.marker(a.kind)), theme.kind(a.kind)),
        Span::styled(a.name.clone(), theme.title(false)),
        Span::styled(
            format!("  {}, {} mentions", a.kind.name(), a.mention_count),
            theme.dim(),
        ),
    ])];
    let others: Vec<&str> = a
        .aliases
        .iter()
        .filter(|n| **n != a.name)
        .map(String::as_str)
        .collect();
    if !others.is_empty() {
        lines.push(Line::from(format!("Other names: {}", others.join(", "))));
    }
    if let Some(r) = &a.role {
        lines.push(Line::from(format!("Role: {}", r.value)));
    }
    if let Some(r) = &a.affiliation {
        lines.push(Line::from(format!("Affiliation: {}", r.value)));
    }
    section(
        &mut lines,
        &format!("Articles ({})", a.articles.len()),
        theme,
    );
    for art in &a.articles {
        lines.push(article_line(app, *art, theme));
    }
    section(&mut lines, "Appears most with", theme);
    let co = lens::co_occurring(&app.corpus, id, 8);
    if co.is_empty() {
        lines.push(Line::from(Span::styled("  nobody", theme.dim())));
    }
    for (other, n) in co {
        if let Some(o) = app.corpus.actor(other) {
            lines.push(Line::from(vec![
                Span::styled(format!("  {} ", theme.marker(o.kind)), theme.kind(o.kind)),
                Span::raw(o.name.clone()),
                Span::styled(format!("  {n}"), theme.dim()),
            ]));
        }
    }
    let quotes = app
        .corpus
        .index
        .quotes_of_actor
        .get(id.index())
        .cloned()
        .unwrap_or_default();
    section(&mut lines, &format!("Quotes ({})", quotes.len()), theme);
    for q in quotes {
        let Some(q) = app.corpus.quotes.get(q.index()) else {
            continue;
        };
        let Some(art) = app.corpus.article(q.at.article) else {
            continue;
        };
        lines.push(Line::from(vec![
            Span::raw(format!("  \u{201c}{}\u{201d}", q.span.slice(&art.body))),
            Span::styled(
                format!(" {}", art.outlet.as_deref().unwrap_or("?")),
                theme.dim(),
            ),
        ]));
    }
    let entries = app
        .corpus
        .index
        .entries_of_actor
        .get(id.index())
        .cloned()
        .unwrap_or_default();
    section(&mut lines, &format!("Timeline ({})", entries.len()), theme);
    for e in entries {
        let date = app
            .corpus
            .entries
            .get(e.index())
            .map(|e| e.point.label())
            .unwrap_or_default();
        lines.push(Line::from(vec![
            Span::styled(format!("  {date} "), theme.dim()),
            Span::raw(app.entry_summary(e).to_string()),
        ]));
    }
    lines
}

fn source_lines(app: &App, item: SourceItem, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(Span::styled(
        app.source_label(item),
        theme.title(false),
    ))];
    match item {
        SourceItem::Outlet(i) => {
            let Some(o) = app.outlets.get(i) else {
                return lines;
            };
            section(
                &mut lines,
                &format!("Articles ({})", o.articles.len()),
                theme,
            );
            for a in &o.articles {
                lines.push(article_line(app, *a, theme));
            }
        }
        SourceItem::Quote(_) => {}
        SourceItem::Cited(s) => {
            let Some(s) = app.corpus.sources.get(s.index()) else {
                return lines;
            };
            lines.push(Line::from(Span::styled(
                format!("{:?}", s.kind).to_lowercase(),
                theme.dim(),
            )));
            section(
                &mut lines,
                &format!("Cited for ({} citations)", s.citations.len()),
                theme,
            );
            for c in &s.citations {
                let outlet = app
                    .corpus
                    .article(c.at.article)
                    .and_then(|a| a.outlet.clone())
                    .unwrap_or_default();
                lines.push(Line::from(vec![
                    Span::styled(format!("  {outlet}: "), theme.dim()),
                    Span::raw(app.corpus.sentence_text(c.at).to_string()),
                ]));
            }
            let quotes = app.corpus.quotes.iter().filter(
                |q| matches!((&q.speaker, s.actor), (Speaker::Actor(a), Some(b)) if *a == b),
            );
            for q in quotes {
                if let Some(art) = app.corpus.article(q.at.article) {
                    lines.push(Line::from(format!(
                        "  \u{201c}{}\u{201d}",
                        q.span.slice(&art.body)
                    )));
                }
            }
        }
    }
    lines
}

fn detail(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    target: DetailTarget,
    scroll: usize,
    theme: &Theme,
) {
    let lines = match target {
        DetailTarget::Actor(a) => actor_lines(app, a, theme),
        DetailTarget::Source(s) => source_lines(app, s, theme),
    };
    popup(
        frame,
        area,
        "Details  (Esc close)".into(),
        lines,
        scroll,
        (
            area.width.saturating_sub(4).max(1),
            area.height.saturating_sub(2).max(1),
        ),
        theme,
    );
}
