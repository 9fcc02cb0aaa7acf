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
    scrub(frame.buffer_mut());
}

/// True for characters a terminal would act on rather than draw.
fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The last line of defence: any cell still holding a control or bidi character shows `?`.
fn scrub(buf: &mut ratatui::buffer::Buffer) {
    for cell in buf.content.iter_mut() {
        if cell.symbol().chars().any(is_unsafe) {
            cell.set_symbol("?");
        }
    }
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
        return vec![Span::styled(visible(text), base)];
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
        push_visible(&mut run, c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_matched { matched } else { base }));
    }
    spans
}

/// Appends `c` as the terminal may safely draw it: control characters in caret notation (like
/// `less`: ESC is `^[`), C1 controls as `<9b>`, bidi overrides and isolates dropped. The loader
/// sanitises article text already; this keeps the screen safe whatever a corpus holds.
pub fn push_visible(out: &mut String, c: char) {
    match c {
        '\t' => out.push(' '),
        '\u{0}'..='\u{1f}' => {
            out.push('^');
            out.push(char::from(b'@' + c as u8));
        }
        '\u{7f}' => out.push_str("^?"),
        '\u{80}'..='\u{9f}' => out.push_str(&format!("<{:02x}>", c as u32)),
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' => {}
        _ => out.push(c),
    }
}

/// `text` as the terminal may safely draw it (see [`push_visible`]).
pub fn visible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_visible(&mut out, c);
    }
    out
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
