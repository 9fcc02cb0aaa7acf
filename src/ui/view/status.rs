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
            crate::ui::view::visible(&labels.join(theme.chevron())),
            theme.title(false),
        ));
        spans.push(Span::raw(" "));
    }
    let hints: Vec<&str> = if let Some(m) = &app.message {
        vec![m.as_str()]
    } else if app.prompt_active() {
        vec!["Enter keep", "Esc drop"]
    } else {
        let mut h = vec!["? help", "q quit"];
        h.extend_from_slice(match app.focus {
            Pane::Timeline => &["Enter read", "f find", "/ filter", "Tab pane"][..],
            Pane::Actors => &["Enter lens", "i details", "f find", "/ filter"][..],
            Pane::Sources => &["Enter lens", "i details", "/ filter", "Tab pane"][..],
            Pane::Reader if app.reader.as_ref().is_some_and(|r| !r.search.is_empty()) => &[
                "n N match",
                "Esc drop search",
                "] [ sentence",
                "} { article",
            ][..],
            Pane::Reader => &["] [ sentence", "n N mention", "Enter lens", "} { article"][..],
        });
        if !app.lens.is_empty() {
            h.insert(2, "Bksp pop");
        }
        h
    };
    let used: usize = spans.iter().map(|s| s.width()).sum();
    let room = (area.width as usize).saturating_sub(used + 1);
    // As many hints as fit, most important first.
    let mut shown = String::new();
    for h in hints {
        let len = shown.chars().count() + 2 + h.chars().count();
        if len > room {
            break;
        }
        if !shown.is_empty() {
            shown.push_str("  ");
        }
        shown.push_str(h);
    }
    if shown.is_empty() && app.message.is_some() {
        shown = app
            .message
            .as_deref()
            .unwrap_or("")
            .chars()
            .take(room)
            .collect();
    }
    let hints = format!("{shown:>room$}");
    spans.push(Span::styled(hints, Style::new()));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
