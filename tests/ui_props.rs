//! Random key sequences on random terminal sizes, through the real input path (terminal event →
//! keymap → update → draw): nothing panics and every selection stays in bounds.

use std::sync::Arc;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use dossier::model::Corpus;
use dossier::term::action_for;
use dossier::ui::app::Overlay;
use dossier::ui::theme::Theme;
use dossier::ui::{App, fixture, view};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn key() -> impl Strategy<Value = Event> {
    let codes = prop_oneof![
        prop::sample::select(vec![
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Backspace,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::F(1),
        ]),
        prop::sample::select("jkgGnN[]/f@#?1234yitchomarq".chars().collect::<Vec<_>>())
            .prop_map(KeyCode::Char),
    ];
    let mods = prop::sample::select(vec![
        KeyModifiers::NONE,
        KeyModifiers::NONE,
        KeyModifiers::NONE,
        KeyModifiers::CONTROL,
        KeyModifiers::ALT,
    ]);
    prop_oneof![
        10 => (codes, mods).prop_map(|(c, m)| Event::Key(KeyEvent::new(c, m))),
        1 => (0u16..200, 0u16..60).prop_map(|(w, h)| Event::Resize(w, h)),
    ]
}

fn check_bounds(app: &App) {
    for i in 0..3 {
        let len = app.list_len(i);
        assert!(app.lists[i].selected < len.max(1), "list {i} selection");
        assert!(app.lists[i].offset <= app.lists[i].selected);
    }
    if let Some(Overlay::Finder(f)) = &app.overlay {
        assert!(f.selected < f.results.len().max(1));
    }
    if let Some(r) = &app.reader {
        let n = app
            .corpus
            .article(r.article)
            .map_or(0, |a| a.sentences.len());
        assert!((r.sentence as usize) < n.max(1));
        if let Some(c) = r.cursor {
            assert!(c < app.corpus.mentions.len());
        }
    }
}

fn corpora() -> Vec<Arc<Corpus>> {
    let report = dossier::sample::load_sample();
    let mut bare = Corpus {
        articles: report.articles,
        ..Corpus::default()
    };
    bare.reindex();
    vec![
        Arc::new(fixture::corpus()),
        Arc::new(bare),
        Arc::new(Corpus::default()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn random_keys_on_random_sizes(
        which in 0usize..3,
        w in 0u16..200,
        h in 0u16..60,
        events in prop::collection::vec(key(), 0..60),
        color in any::<bool>(),
        ascii in any::<bool>(),
    ) {
        let corpus = corpora().swap_remove(which);
        let mut app = App::new(corpus, w, h);
        let theme = Theme { color, ascii };
        for event in &events {
            if let Some(action) = action_for(&app, event, true) {
                app.update(action);
            }
            if app.quit {
                break;
            }
            check_bounds(&app);
            let (w, h) = app.size;
            let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("backend");
            terminal.draw(|f| view::draw(f, &app, &theme)).expect("draw");
        }
    }
}
