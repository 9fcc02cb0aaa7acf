//! Writes pictures of the browser's main screens to `screenshots/` as SVG, drawn by the real
//! renderer into a `TestBackend` buffer:
//!
//! ```sh
//! cargo run --example screenshots            # the built-in sample
//! cargo run --example screenshots -- --fixture
//! ```

use std::sync::Arc;

use dossier::model::Corpus;
use dossier::ui::svg::buffer_to_svg;
use dossier::ui::theme::Theme;
use dossier::ui::{Action, App, Pane, fixture, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn corpus(force_fixture: bool) -> (Corpus, &'static str) {
    if !force_fixture {
        let sample = dossier::pipeline::analyze(dossier::sample::load_sample().articles);
        if !sample.actors.is_empty() {
            return (sample, "the built-in sample");
        }
    }
    (fixture::corpus(), "the test fixture")
}

fn typed(app: &mut App, s: &str) {
    for c in s.chars() {
        app.update(Action::Input(c));
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let force = std::env::args().any(|a| a == "--fixture");
    let (corpus, which) = corpus(force);
    let corpus = Arc::new(corpus);
    // The issue's everyday question: "show me Tchiani" (in the sample and in the fixture).
    let query = "tch";

    type Setup<'a> = Box<dyn Fn(&mut App) + 'a>;
    let shots: Vec<(&str, u16, u16, Setup)> = vec![
        ("overview", 120, 40, Box::new(|_| {})),
        (
            "lens",
            120,
            40,
            Box::new(|app| {
                app.update(Action::OpenFinder);
                typed(app, query);
                app.update(Action::Submit);
                app.update(Action::Enter);
                app.update(Action::NextMatch);
                app.update(Action::Focus(Pane::Timeline));
            }),
        ),
        (
            "finder",
            80,
            24,
            Box::new(|app| {
                app.update(Action::OpenFinder);
                typed(app, query);
            }),
        ),
        (
            "narrow",
            60,
            20,
            Box::new(|app| {
                app.update(Action::Focus(Pane::Actors));
            }),
        ),
        (
            "help",
            80,
            24,
            Box::new(|app| app.update(Action::ToggleHelp)),
        ),
    ];
    std::fs::create_dir_all("screenshots")?;
    for (name, w, h, setup) in shots {
        let mut app = App::new(Arc::clone(&corpus), w, h);
        setup(&mut app);
        let mut terminal = Terminal::new(TestBackend::new(w, h))?;
        terminal.draw(|f| view::draw(f, &app, &Theme::default()))?;
        let svg = buffer_to_svg(terminal.backend().buffer());
        let path = format!("screenshots/{name}.svg");
        std::fs::write(&path, svg)?;
        println!("wrote {path} ({w}x{h}, {which})");
    }
    Ok(())
}
