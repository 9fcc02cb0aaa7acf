//! The browser at scale: time per filter keystroke over 10,000 and 100,000 actors and over a
//! 1,000,000-entry timeline, time per frame at 200 × 60 with that timeline, the bytes written
//! to the terminal per row moved and per filter character, and the sample corpus from loading
//! to its first frame.
//!
//!     cargo bench --bench ui
//!
//! The corpora are synthetic and built in memory ([`dossier::ui::scale`]); their names share
//! syllables, so most match a one-letter query: the worst case for a filter.

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use dossier::model::Corpus;
use dossier::term::wire::bytes_after;
use dossier::ui::theme::Theme;
use dossier::ui::{Action, App, Pane, scale, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The browser on `actors` synthetic actors (no articles).
fn actors_app(actors: usize) -> App {
    let mut corpus = Corpus {
        actors: scale::actors(actors),
        ..Corpus::default()
    };
    corpus.reindex();
    App::new(Arc::new(corpus), 200, 60)
}

/// Times typing `typed`'s last character into the focused list's filter, its other characters
/// typed before and everything erased after, untimed: the first character matches the whole
/// list, a later one narrows the previous matches.
fn keystroke(app: &mut App, typed: &str, iters: u64) -> Duration {
    let mut total = Duration::ZERO;
    let chars: Vec<char> = typed.chars().collect();
    let Some((last, before)) = chars.split_last() else {
        return total;
    };
    for _ in 0..iters {
        app.update(Action::StartFilter);
        for c in before {
            app.update(Action::Input(*c));
        }
        let t = Instant::now();
        app.update(Action::Input(*last));
        total += t.elapsed();
        app.update(Action::Cancel);
    }
    total
}

fn bench_filter(c: &mut Criterion) {
    let mut group = c.benchmark_group("filter keystroke");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(3));
    for actors in [10_000, 100_000] {
        let mut app = actors_app(actors);
        app.update(Action::Focus(Pane::Actors));
        for typed in ["t", "tc"] {
            group.bench_function(BenchmarkId::new(format!("actors {actors}"), typed), |b| {
                b.iter_custom(|iters| keystroke(&mut app, typed, iters))
            });
        }
    }
    let mut app = App::new(Arc::new(scale::corpus(10_000, 1_000_000)), 200, 60);
    app.update(Action::Focus(Pane::Timeline));
    group.sample_size(10);
    for typed in ["t", "tc"] {
        group.bench_function(BenchmarkId::new("timeline 1000000", typed), |b| {
            b.iter_custom(|iters| keystroke(&mut app, typed, iters))
        });
    }
    group.finish();
}

fn bench_frame(c: &mut Criterion) {
    let theme = Theme::default();
    let mut app = App::new(Arc::new(scale::corpus(10_000, 1_000_000)), 200, 60);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("test backend");
    let mut group = c.benchmark_group("frame 200x60, 1000000 entries");
    group.sample_size(30);
    group.measurement_time(Duration::from_secs(3));
    // Each frame follows a one-row move, so something changed, as when browsing.
    let mut down = true;
    let mut move_and_draw = |app: &mut App, terminal: &mut Terminal<TestBackend>| {
        app.update(if down { Action::Down } else { Action::Up });
        down = !down;
        terminal
            .draw(|f| view::draw(f, black_box(&*app), &theme))
            .expect("draws");
    };
    group.bench_function("draw after a row move", |b| {
        b.iter(|| move_and_draw(&mut app, &mut terminal))
    });
    app.update(Action::StartFilter);
    app.update(Action::Input('t'));
    group.bench_function("draw with a filter", |b| {
        b.iter(|| move_and_draw(&mut app, &mut terminal))
    });
    group.finish();

    // The wire: bytes, not time, so printed once.
    let mut app = App::new(Arc::new(scale::corpus(10_000, 1_000_000)), 200, 60);
    let row = bytes_after(&mut app, &theme, &[Action::Down]).expect("counting terminal");
    // A move past the last visible row scrolls the list: every row of the pane changes.
    let height = 60;
    for _ in 0..height {
        app.update(Action::Down);
    }
    let scroll = bytes_after(&mut app, &theme, &[Action::Down]).expect("counting terminal");
    app.update(Action::Focus(Pane::Actors));
    app.update(Action::StartFilter);
    let filter_t = bytes_after(&mut app, &theme, &[Action::Input('t')]).expect("counting");
    let filter_c = bytes_after(&mut app, &theme, &[Action::Input('c')]).expect("counting");
    println!(
        "wire at 200x60, 1000000 entries: row move {row} bytes, row move that scrolls \
         {scroll} bytes, filter 't' {filter_t} bytes, then 'c' {filter_c} bytes"
    );
}

fn bench_first_frame(c: &mut Criterion) {
    let theme = Theme::default();
    let mut group = c.benchmark_group("sample corpus");
    group.sample_size(10);
    group.bench_function("load, analyze, App::new, first frame", |b| {
        b.iter(|| {
            let articles = dossier::sample::load_sample().articles;
            let corpus = dossier::pipeline::analyze(articles);
            let app = App::new(Arc::new(corpus), 200, 60);
            let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("test backend");
            terminal
                .draw(|f| view::draw(f, &app, &theme))
                .expect("draws");
        })
    });
    let corpus = dossier::pipeline::analyze(dossier::sample::load_sample().articles);
    group.bench_function("App::new and first frame", |b| {
        b.iter(|| {
            let app = App::new(Arc::new(corpus.clone()), 200, 60);
            let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("test backend");
            terminal
                .draw(|f| view::draw(f, &app, &theme))
                .expect("draws");
        })
    });
    group.finish();
}

criterion_group!(benches, bench_filter, bench_frame, bench_first_frame);
criterion_main!(benches);
