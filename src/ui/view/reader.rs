//! The reader: outlet, date, title, then the wrapped text with actor mentions and time
//! expressions highlighted by kind, the current sentence marked in the gutter and in bold.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{pane_block, push_visible, visible};
use crate::model::{Article, Span as ByteSpan};
use crate::ui::app::{App, search_hits};
use crate::ui::reader::{self, Line as ReaderLine, ReaderState};
use crate::ui::theme::Theme;

/// A styled byte range of the body.
struct Mark {
    span: ByteSpan,
    style: Style,
}

/// Draws the reader pane.
pub fn reader(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, focused: bool) {
    let state = app.reader.as_ref();
    let article = state.and_then(|r| app.corpus.article(r.article));
    let title = match article {
        Some(a) => format!("Reader {}", visible(&a.key)),
        None => "Reader".to_string(),
    };
    let mut block = pane_block(title, theme, focused);
    if let Some(r) = state
        && (r.searching || !r.search.is_empty())
    {
        let cursor = if r.searching { "_" } else { "" };
        block = block.title_bottom(Line::from(Span::styled(
            format!(" /{}{cursor} ", r.search),
            theme.matched(),
        )));
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let (Some(state), Some(article)) = (state, article) else {
        let text = Line::from(Span::styled(
            "No article open: Enter on a timeline entry opens one.",
            theme.dim(),
        ));
        frame.render_widget(Paragraph::new(text), inner);
        return;
    };
    let width = inner.width.saturating_sub(2).max(1) as usize;
    let lines = reader::wrap(article, width);
    let marks = marks(app, state, article, theme);
    let current = article
        .sentences
        .get(state.sentence as usize)
        .map(|s| s.span)
        .unwrap_or_default();
    let shown: Vec<Line> = lines
        .iter()
        .skip(state.scroll)
        .take(inner.height as usize)
        .map(|line| match line {
            ReaderLine::Meta(s) => {
                Line::from(vec![Span::raw("  "), Span::styled(visible(s), theme.dim())])
            }
            ReaderLine::Title(s) => Line::from(vec![
                Span::raw("  "),
                Span::styled(visible(s), theme.title(false)),
            ]),
            ReaderLine::Blank => Line::default(),
            ReaderLine::Body(span) => {
                let gutter = if span.overlaps(current) {
                    Span::styled(format!("{} ", theme.gutter()), theme.border(true))
                } else {
                    Span::raw("  ")
                };
                let mut spans = vec![gutter];
                spans.extend(styled_body(&article.body, *span, &marks, current, theme));
                Line::from(spans)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
}

/// The marks of an article: mentions by kind, times, search hits and the marked mention (later
/// marks win).
fn marks(app: &App, state: &ReaderState, article: &Article, theme: &Theme) -> Vec<Mark> {
    let mut marks = Vec::new();
    for t in app.corpus.times_in(article.id) {
        marks.push(Mark {
            span: t.span,
            style: theme.time(),
        });
    }
    let lens = app.lens_actors();
    let base = app
        .corpus
        .index
        .mentions_in_article
        .get(article.id.index())
        .map_or(0, |r| r.start as usize);
    for (i, m) in app.corpus.mentions_in(article.id).iter().enumerate() {
        let Some(actor) = app.corpus.actor(m.actor) else {
            continue;
        };
        let mut style = theme.kind(actor.kind);
        if lens.contains(&m.actor) {
            style = style.add_modifier(ratatui::style::Modifier::UNDERLINED);
        }
        if state.cursor == Some(base + i) {
            style = style.patch(theme.cursor());
        }
        marks.push(Mark {
            span: m.span,
            style,
        });
    }
    for (s, e) in search_hits(&article.body, &state.search) {
        marks.push(Mark {
            span: ByteSpan::new(s, e),
            style: theme.cursor(),
        });
    }
    marks
}

/// The spans of one body line, split wherever the style changes.
fn styled_body(
    body: &str,
    line: ByteSpan,
    marks: &[Mark],
    current: ByteSpan,
    theme: &Theme,
) -> Vec<Span<'static>> {
    let text = line.slice(body);
    let here: Vec<&Mark> = marks.iter().filter(|m| m.span.overlaps(line)).collect();
    let mut spans = Vec::new();
    let mut run = String::new();
    let mut run_style = Style::new();
    for (i, c) in text.char_indices() {
        let at = line.start as usize + i;
        let mut style = Style::new();
        if current.start as usize <= at && at < current.end as usize {
            style = style.patch(theme.current_sentence());
        }
        for m in &here {
            if m.span.start as usize <= at && at < m.span.end as usize {
                style = style.patch(m.style);
            }
        }
        if style != run_style && !run.is_empty() {
            spans.push(Span::styled(std::mem::take(&mut run), run_style));
        }
        run_style = style;
        push_visible(&mut run, c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, run_style));
    }
    spans
}
