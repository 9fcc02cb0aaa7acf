//! Where each pane goes for a terminal size. Pure, so that `update` (which keeps selections
//! visible) and `view` (which draws) agree on every rectangle.

use ratatui::layout::{Constraint, Direction, Layout, Rect};

use super::action::Pane;

/// How the screen is shared out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayoutMode {
    /// ≥ 120 columns and ≥ 24 rows: the three lists and the reader at once.
    Wide,
    /// 80–119 columns and ≥ 24 rows: the three lists, or the reader.
    Medium,
    /// Narrower or shorter: one pane at a time under a tab bar.
    Narrow,
}

impl LayoutMode {
    /// The mode for a terminal of `width` × `height`.
    pub fn for_size(width: u16, height: u16) -> LayoutMode {
        if height < 24 || width < 80 {
            LayoutMode::Narrow
        } else if width < 120 {
            LayoutMode::Medium
        } else {
            LayoutMode::Wide
        }
    }
}

/// The rectangles of one frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Areas {
    /// The mode chosen.
    pub mode: LayoutMode,
    /// The tab bar (narrow mode only).
    pub tabs: Option<Rect>,
    /// The panes shown, with their rectangles (borders included).
    pub panes: Vec<(Pane, Rect)>,
    /// The status line.
    pub status: Option<Rect>,
}

impl Areas {
    /// The rectangle of `pane`, when it is shown.
    pub fn of(&self, pane: Pane) -> Option<Rect> {
        self.panes.iter().find(|(p, _)| *p == pane).map(|(_, r)| *r)
    }
}

/// Shares out a `width` × `height` screen with `focus` the focused pane.
pub fn areas(width: u16, height: u16, focus: Pane) -> Areas {
    let screen = Rect::new(0, 0, width, height);
    let mode = LayoutMode::for_size(width, height);
    let (body, status) = if height >= 2 {
        let [body, status] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(screen);
        (body, Some(status))
    } else {
        (screen, None)
    };
    match mode {
        LayoutMode::Narrow => {
            let (tabs, pane) = if body.height >= 4 {
                let [tabs, pane] =
                    Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(body);
                (Some(tabs), pane)
            } else {
                (None, body)
            };
            Areas {
                mode,
                tabs,
                panes: vec![(focus, pane)],
                status,
            }
        }
        LayoutMode::Medium => {
            if focus == Pane::Reader {
                return Areas {
                    mode,
                    tabs: None,
                    panes: vec![(Pane::Reader, body)],
                    status,
                };
            }
            let [top, bottom] =
                Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)])
                    .areas(body);
            let [left, right] =
                Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                    .areas(bottom);
            Areas {
                mode,
                tabs: None,
                panes: vec![
                    (Pane::Timeline, top),
                    (Pane::Sources, left),
                    (Pane::Actors, right),
                ],
                status,
            }
        }
        LayoutMode::Wide => {
            let [lists, reader] = Layout::default()
                .direction(Direction::Horizontal)
                .constraints([Constraint::Percentage(50), Constraint::Percentage(50)])
                .areas(body);
            let [timeline, bottom] =
                Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)])
                    .areas(lists);
            let [sources, actors] =
                Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                    .areas(bottom);
            Areas {
                mode,
                tabs: None,
                panes: vec![
                    (Pane::Timeline, timeline),
                    (Pane::Sources, sources),
                    (Pane::Actors, actors),
                    (Pane::Reader, reader),
                ],
                status,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_follow_the_size() {
        assert_eq!(LayoutMode::for_size(120, 40), LayoutMode::Wide);
        assert_eq!(LayoutMode::for_size(80, 24), LayoutMode::Medium);
        assert_eq!(LayoutMode::for_size(79, 40), LayoutMode::Narrow);
        assert_eq!(LayoutMode::for_size(200, 23), LayoutMode::Narrow);
    }

    #[test]
    fn tiny_screens_do_not_panic() {
        for w in 0..5 {
            for h in 0..5 {
                let a = areas(w, h, Pane::Actors);
                assert_eq!(a.panes.len(), 1);
            }
        }
    }
}
