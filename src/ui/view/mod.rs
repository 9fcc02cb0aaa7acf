//! Drawing: [`draw`] turns an [`App`] into a frame. Each pane is a view function; none keeps
//! state of its own.

mod lists;
mod overlays;
mod reader;
mod status;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};

use super::action::Pane;
use super::app::App;
use super::layout;
use super::theme::Theme;

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    if area.width == 0 || area.height == 0 {
        return;
    }
    let areas = layout::areas(area.width, area.height, app.focus);
    if let Some(tabs) = areas.tabs {
        status::tabs(frame, tabs, app, theme);
    }
    for (pane, rect) in &areas.panes {
        let focused = *pane == app.focus;
        match pane {
            Pane::Timeline => lists::timeline(frame, *rect, app, theme, focused),
            Pane::Sources => lists::sources(frame, *rect, app, theme, focused),
            Pane::Actors => lists::actors(frame, *rect, app, theme, focused),
            Pane::Reader => reader::reader(frame, *rect, app, theme, focused),
        }
    }
    if let Some(status) = areas.status {
        status::status(frame, status, app, theme);
    }
    overlays::overlay(frame, area, app, theme);
}

/// The bordered block of a pane, its title showing focus.
fn pane_block<'a>(title: String, theme: &Theme, focused: bool) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_set(theme.border_set(focused))
        .border_style(theme.border(focused))
        .title(Line::from(Span::styled(
            format!(" {title} "),
            theme.title(focused),
        )))
}

/// A line of `text` with the chars at `indices` styled as matches.
fn highlighted(text: &str, indices: &[usize], base: Style, matched: Style) -> Vec<Span<'static>> {
    if indices.is_empty() {
        return vec![Span::styled(text.to_string(), base)];
    }
    let mut spans = Vec::new();
    let mut run = String::new();
    let mut run_matched = false;
    for (i, c) in text.chars().enumerate() {
        let m = indices.contains(&i);
        if m != run_matched && !run.is_empty() {
            let style = if run_matched { matched } else { base };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_matched = m;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_matched { matched } else { base }));
    }
    spans
}

/// A rectangle of at most `width` × `height` centred in `area`.
fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}
