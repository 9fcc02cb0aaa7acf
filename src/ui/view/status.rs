//! The status line (lens, filter, key hints) and the tab bar of the narrow layout.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::ui::action::Pane;
use crate::ui::app::App;
use crate::ui::theme::Theme;

/// The tab bar: one tab a pane, the focused one reversed.
pub fn tabs(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let mut spans = Vec::new();
    for pane in Pane::ALL {
        let style = if pane == app.focus {
            theme.title(true)
        } else {
            theme.dim()
        };
        spans.push(Span::styled(
            format!(" {} {} ", pane.number() + 1, pane.title()),
            style,
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The status line: the lens, the active filter, and hints (or a message).
pub fn status(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let mut spans = Vec::new();
    if app.lens.is_empty() {
        spans.push(Span::styled(" no lens ", theme.dim()));
    } else {
        spans.push(Span::styled(" lens: ", theme.dim()));
        let labels: Vec<String> = app.lens.iter().map(|i| app.lens_label(*i)).collect();
        spans.push(Span::styled(
            labels.join(theme.chevron()),
            theme.title(false),
        ));
        spans.push(Span::raw(" "));
    }
    let hints = if let Some(m) = &app.message {
        m.clone()
    } else if app.prompt_active() {
        "Enter keep  Esc drop".to_string()
    } else if app.lens.is_empty() {
        "Enter lens  f find  / filter  Tab pane  ? help  q quit".to_string()
    } else {
        "Bksp pop  Esc clear  f find  / filter  ? help  q quit".to_string()
    };
    let used: usize = spans.iter().map(|s| s.width()).sum();
    let room = (area.width as usize).saturating_sub(used + 1);
    let hints: String = if hints.chars().count() > room {
        hints.chars().take(room).collect()
    } else {
        format!("{hints:>room$}")
    };
    spans.push(Span::styled(hints, Style::new()));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
