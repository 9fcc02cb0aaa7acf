//! The filters' shortcuts give the rows a fresh match gives: narrowing from the previous rows
//! as characters are typed, and restoring earlier rows on Backspace, in every list and in the
//! finder, on a synthetic corpus large enough to match in parallel.

use std::sync::Arc;

use dossier::ui::app::Overlay;
use dossier::ui::{Action, App, Pane, scale};

fn app() -> App {
    App::new(Arc::new(scale::corpus(6_000, 9_000)), 200, 60)
}

/// The rows of list `i` (as narrowed items and other names) after typing `query` afresh.
fn fresh(pane: Pane, query: &str) -> Vec<(usize, Option<u16>)> {
    let mut a = app();
    a.update(Action::Focus(pane));
    a.update(Action::StartFilter);
    for c in query.chars() {
        a.update(Action::Input(c));
    }
    rows(&a, pane)
}

fn rows(a: &App, pane: Pane) -> Vec<(usize, Option<u16>)> {
    let i = [Pane::Timeline, Pane::Sources, Pane::Actors]
        .iter()
        .position(|p| *p == pane)
        .expect("a list");
    a.rows[i].iter().map(|r| (r.item, r.via)).collect()
}

#[test]
fn typing_and_erasing_give_the_rows_of_a_fresh_match() {
    for pane in [Pane::Timeline, Pane::Actors] {
        let mut a = app();
        a.update(Action::Focus(pane));
        a.update(Action::StartFilter);
        for c in "tchi".chars() {
            a.update(Action::Input(c));
        }
        let typed = rows(&a, pane);
        assert!(!typed.is_empty(), "{pane:?}: the synthetic names match");
        assert_eq!(typed, fresh(pane, "tchi"), "{pane:?} narrowed");
        // The extra character is ruled out, then erased: back to the rows of "tchi".
        a.update(Action::Input('q'));
        assert!(rows(&a, pane).len() < typed.len());
        a.update(Action::DeleteChar);
        assert_eq!(rows(&a, pane), typed, "{pane:?} after Backspace");
        a.update(Action::DeleteChar);
        a.update(Action::DeleteChar);
        assert_eq!(rows(&a, pane), fresh(pane, "tc"), "{pane:?} back to tc");
        // A different second letter: not an extension of what was kept.
        a.update(Action::DeleteChar);
        a.update(Action::Input('i'));
        assert_eq!(rows(&a, pane), fresh(pane, "ti"), "{pane:?} then ti");
    }
}

#[test]
fn the_finder_restores_earlier_results_on_backspace() {
    let finder = |a: &App| match &a.overlay {
        Some(Overlay::Finder(f)) => f.results.clone(),
        _ => panic!("finder open"),
    };
    let mut a = app();
    a.update(Action::OpenFinder);
    for c in "@ba".chars() {
        a.update(Action::Input(c));
    }
    let ba = finder(&a);
    a.update(Action::Input('z'));
    let baz = finder(&a);
    assert!(baz.len() < ba.len() && !baz.is_empty());
    a.update(Action::DeleteChar);
    assert_eq!(finder(&a), ba);
    let mut b = app();
    b.update(Action::OpenFinder);
    for c in "@ba".chars() {
        b.update(Action::Input(c));
    }
    assert_eq!(finder(&b), ba, "the same as typed afresh");
}
