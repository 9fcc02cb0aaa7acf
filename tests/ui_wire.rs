//! Bytes on the wire: what the real backend writes when the selection moves by one row, and
//! when a filter gains one character, on a large corpus at 200 × 60. Bytes are not timing:
//! the same frames always write the same bytes, so these are plain assertions.

use std::sync::Arc;

use dossier::term::wire::{CountingTerminal, bytes_after};
use dossier::ui::theme::Theme;
use dossier::ui::{Action, App, Pane, scale};

/// The ceiling for one row's move (issue 7): a row's change, not a screen.
const ROW_MOVE_LIMIT: usize = 2048;

fn large_app() -> App {
    App::new(Arc::new(scale::corpus(5_000, 20_000)), 200, 60)
}

#[test]
fn moving_the_selection_one_row_writes_under_2_kb_in_every_list() {
    let theme = Theme::default();
    for pane in [Pane::Timeline, Pane::Sources, Pane::Actors] {
        let mut app = large_app();
        app.update(Action::Focus(pane));
        for action in [Action::Down, Action::Down, Action::Up] {
            let bytes = bytes_after(&mut app, &theme, &[action]).expect("counting terminal");
            println!("{pane:?} {action:?}: {bytes} bytes");
            assert!(bytes > 0, "the move shows");
            assert!(
                bytes < ROW_MOVE_LIMIT,
                "{pane:?} {action:?} wrote {bytes} bytes"
            );
        }
    }
}

#[test]
fn a_redraw_without_change_writes_almost_nothing_and_a_first_frame_is_much_more() {
    let theme = Theme::default();
    let app = large_app();
    let mut terminal = CountingTerminal::new(200, 60).expect("counting terminal");
    let first = terminal.draw(&app, &theme).expect("draws");
    let again = terminal.draw(&app, &theme).expect("draws");
    println!("first frame {first} bytes, unchanged frame {again} bytes");
    assert!(first > 200 * 60, "a first frame fills the screen: {first}");
    // Only the synchronized-output brackets and the cursor handling go out.
    assert!(again < 64, "an unchanged frame wrote {again} bytes");
}

#[test]
fn one_filter_character_writes_less_than_a_whole_screen() {
    let theme = Theme::default();
    let mut app = large_app();
    let first = {
        let mut terminal = CountingTerminal::new(200, 60).expect("counting terminal");
        terminal.draw(&app, &theme).expect("draws")
    };
    app.update(Action::Focus(Pane::Actors));
    app.update(Action::StartFilter);
    let typed = bytes_after(&mut app, &theme, &[Action::Input('t')]).expect("counting");
    let more = bytes_after(&mut app, &theme, &[Action::Input('c')]).expect("counting");
    println!("first frame {first}, filter 't' {typed}, then 'c' {more} bytes");
    assert!(typed < first && more < first, "{typed} {more} vs {first}");
}

/// The ceiling for a row move that scrolls a list. Every row of the pane changes, and the panes
/// sit side by side, so a terminal scroll region (whole rows only) cannot move one pane: the new
/// rows' text must go out. Measured on this corpus: the timeline wrote 3,341 bytes when the
/// backend moved the cursor over every unchanged cell, 2,530 since it writes short runs of them
/// again (`term::short_hops`). A regression shows here.
const SCROLL_LIMIT: usize = 2_800;

#[test]
fn a_row_move_that_scrolls_a_list_writes_its_new_rows_and_little_more() {
    let theme = Theme::default();
    for pane in [Pane::Timeline, Pane::Actors] {
        let mut app = large_app();
        app.update(Action::Focus(pane));
        for _ in 0..app.size.1 {
            app.update(Action::Down);
        }
        let bytes = bytes_after(&mut app, &theme, &[Action::Down]).expect("counting terminal");
        println!("{pane:?} Down that scrolls: {bytes} bytes");
        // Every visible row changed: far more than a plain row move.
        assert!(bytes > 800, "{pane:?} did not scroll: {bytes} bytes");
        assert!(bytes < SCROLL_LIMIT, "{pane:?} wrote {bytes} bytes");
    }
}
