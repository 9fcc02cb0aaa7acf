//! The screens as drawn by the real renderer on a `TestBackend`: insta snapshots of the
//! characters at 80×24, 120×40 and 60×20, and assertions on cell styles (focus and selection
//! visible with and without colour).

use std::sync::Arc;

use dossier::ui::lens::TimelineItem;
use dossier::ui::theme::Theme;
use dossier::ui::{Action, App, Pane, fixture, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

fn app(w: u16, h: u16) -> App {
    App::new(Arc::new(fixture::corpus()), w, h)
}

fn render(app: &App, theme: &Theme) -> Buffer {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    terminal.draw(|f| view::draw(f, app, theme)).expect("draw");
    terminal.backend().buffer().clone()
}

fn text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        for x in 0..buf.area.width {
            line.push_str(buf.cell((x, y)).map_or(" ", |c| c.symbol()));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn typed(app: &mut App, s: &str) {
    for c in s.chars() {
        app.update(Action::Input(c));
    }
}

/// The main screens, by name, after a few actions.
fn screens(w: u16, h: u16) -> Vec<(&'static str, App)> {
    let overview = app(w, h);
    let mut lens = app(w, h);
    lens.update(Action::OpenFinder);
    typed(&mut lens, "tch");
    lens.update(Action::Submit);
    let mut finder = app(w, h);
    finder.update(Action::OpenFinder);
    typed(&mut finder, "ni");
    let mut reader = app(w, h);
    reader.update(Action::OpenFinder);
    typed(&mut reader, "tch");
    reader.update(Action::Submit);
    reader.update(Action::Enter);
    reader.update(Action::NextMatch);
    let mut filter = app(w, h);
    filter.update(Action::Focus(Pane::Actors));
    filter.update(Action::StartFilter);
    typed(&mut filter, "omar");
    let mut help = app(w, h);
    help.update(Action::ToggleHelp);
    let mut detail = app(w, h);
    detail.update(Action::Focus(Pane::Actors));
    detail.update(Action::ShowDetail);
    vec![
        ("overview", overview),
        ("lens", lens),
        ("finder", finder),
        ("reader", reader),
        ("filter", filter),
        ("help", help),
        ("detail", detail),
    ]
}

#[test]
fn snapshots_at_three_sizes() {
    for (w, h) in [(80, 24), (120, 40), (60, 20)] {
        for (name, app) in screens(w, h) {
            let buf = render(&app, &Theme::default());
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), text(&buf));
        }
    }
}

/// The sample corpus, analysed once for all the sample snapshots.
fn sample() -> Arc<dossier::model::Corpus> {
    static SAMPLE: std::sync::OnceLock<Arc<dossier::model::Corpus>> = std::sync::OnceLock::new();
    Arc::clone(SAMPLE.get_or_init(|| {
        Arc::new(dossier::pipeline::analyze(
            dossier::sample::load_sample().articles,
        ))
    }))
}

/// The sample's main screens: overview, Tchiani in the lens, the finder with "tch", help.
fn sample_screens(w: u16, h: u16) -> Vec<(&'static str, App)> {
    let new = || App::new(sample(), w, h);
    let overview = new();
    let mut lens = new();
    lens.update(Action::OpenFinder);
    typed(&mut lens, "tch");
    lens.update(Action::Submit);
    let mut finder = new();
    finder.update(Action::OpenFinder);
    typed(&mut finder, "tch");
    let mut help = new();
    help.update(Action::ToggleHelp);
    vec![
        ("overview", overview),
        ("lens", lens),
        ("finder", finder),
        ("help", help),
    ]
}

#[test]
fn sample_snapshots() {
    for (w, h) in [(80, 24), (120, 40), (60, 20)] {
        for (name, app) in sample_screens(w, h) {
            if (w, h) == (60, 20) && name != "overview" && name != "lens" {
                continue;
            }
            let buf = render(&app, &Theme::default());
            insta::assert_snapshot!(format!("sample_{name}_{w}x{h}"), text(&buf));
        }
    }
}

#[test]
fn ascii_mode_draws_no_box_characters() {
    let theme = Theme {
        color: true,
        ascii: true,
    };
    for (_, app) in screens(120, 40) {
        let t = text(&render(&app, &theme));
        assert!(
            t.chars()
                .all(|c| c.is_ascii()
                    || !matches!(c, '\u{2500}'..='\u{259f}' | '\u{25a0}'..='\u{25ff}')),
            "{t}"
        );
    }
}

/// The cell where `needle` starts inside the area of `pane`.
fn find_in(app: &App, buf: &Buffer, pane: Pane, needle: &str) -> Option<(u16, u16)> {
    let rect = dossier::ui::layout::areas(app.size.0, app.size.1, app.focus).of(pane)?;
    for y in rect.y..rect.y + rect.height {
        let joined: String = (rect.x..rect.x + rect.width)
            .map(|x| buf.cell((x, y)).map_or(" ", |c| c.symbol()))
            .collect();
        if let Some(byte) = joined.find(needle) {
            let x = joined[..byte].chars().count();
            return Some((rect.x + x as u16, y));
        }
    }
    None
}

#[test]
fn selection_and_focus_show_with_and_without_colour() {
    for color in [true, false] {
        let theme = Theme {
            color,
            ascii: false,
        };
        let mut a = app(120, 40);
        a.update(Action::Focus(Pane::Actors));
        let buf = render(&a, &theme);
        // The selected actor's row is reversed.
        let name = a
            .corpus
            .actor(a.selected_actor().expect("selection"))
            .expect("actor")
            .name
            .clone();
        let (x, y) = find_in(&a, &buf, Pane::Actors, &name).expect("selected actor drawn");
        let cell = buf.cell((x, y)).expect("cell");
        assert!(cell.modifier.contains(Modifier::REVERSED), "color={color}");
        // The focused pane's title is reversed and bold; an unfocused one is not reversed.
        let (x, y) = find_in(&a, &buf, Pane::Actors, " Actors").expect("title");
        let cell = buf.cell((x + 1, y)).expect("cell");
        assert!(cell.modifier.contains(Modifier::REVERSED | Modifier::BOLD));
        let (x, y) = find_in(&a, &buf, Pane::Timeline, " Timeline").expect("title");
        let cell = buf.cell((x + 1, y)).expect("cell");
        assert!(!cell.modifier.contains(Modifier::REVERSED));
        // The unfocused timeline's selection stays visible, underlined.
        let date = match a.selected_timeline().expect("row") {
            TimelineItem::Entry(e) => a.corpus.entries[e.index()].point.date.to_string(),
            TimelineItem::Article(x) => a.corpus.articles[x.index()]
                .date
                .expect("dated")
                .to_string(),
        };
        let (x, y) = find_in(&a, &buf, Pane::Timeline, &date).expect("entry drawn");
        let cell = buf.cell((x, y)).expect("cell");
        assert!(cell.modifier.contains(Modifier::UNDERLINED));
        if !color {
            for y in 0..buf.area.height {
                for x in 0..buf.area.width {
                    let c = buf.cell((x, y)).expect("cell");
                    assert_eq!(c.fg, ratatui::style::Color::Reset, "colour under NO_COLOR");
                }
            }
        }
    }
}

#[test]
fn reader_marks_the_current_sentence_and_mentions() {
    let mut a = app(120, 40);
    a.update(Action::Focus(Pane::Reader));
    a.update(Action::NextMatch);
    let buf = render(&a, &Theme::default());
    let cursor = a.reader.as_ref().and_then(|r| r.cursor).expect("marked");
    let m = a.corpus.mentions[cursor];
    let body = &a.corpus.articles[m.at.article.index()].body;
    let word = m
        .span
        .slice(body)
        .split_whitespace()
        .next()
        .unwrap()
        .to_string();
    let (x, y) = find_in(&a, &buf, Pane::Reader, &word).expect("mention drawn");
    let cell = buf.cell((x, y)).expect("cell");
    assert!(cell.modifier.contains(Modifier::REVERSED));
    assert!(
        cell.modifier.contains(Modifier::BOLD),
        "in the current sentence"
    );
    assert_ne!(cell.fg, ratatui::style::Color::Reset, "coloured by kind");
    let reader = dossier::ui::layout::areas(120, 40, a.focus)
        .of(Pane::Reader)
        .expect("reader shown");
    let gutter = buf.cell((reader.x + 1, y)).expect("cell");
    assert_eq!(gutter.symbol(), "\u{258c}");
}

#[test]
fn every_size_down_to_nothing_draws_without_panic() {
    for (name, _) in screens(80, 24) {
        for (w, h) in [
            (0, 0),
            (1, 1),
            (2, 1),
            (1, 5),
            (10, 3),
            (20, 6),
            (79, 23),
            (300, 100),
        ] {
            let mut fresh = screens(w, h);
            let (_, a) = fresh
                .iter_mut()
                .find(|(n, _)| *n == name)
                .expect("same screens");
            a.update(Action::Resize(w, h));
            let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("backend");
            terminal
                .draw(|f| view::draw(f, a, &Theme::default()))
                .expect("draw");
        }
    }
}

#[test]
fn hostile_text_never_reaches_the_terminal_as_control() {
    let mut corpus = fixture::corpus();
    let hostile = "Copy \x1b]52;c;ZXZpbA==\x07 me, clear \x1b[2J the screen, \u{202e}reversed\u{202c}, csi \u{9b}31m.";
    let a = &mut corpus.articles[0];
    let start = a.body.len() + 2;
    a.body.push_str("\n\n");
    a.body.push_str(hostile);
    let span = dossier::model::Span::new(start, a.body.len());
    a.paragraphs.push(span);
    a.sentences.push(dossier::model::Sentence {
        span,
        paragraph: a.paragraphs.len() as u32 - 1,
    });
    a.title = Some(format!("Title \x1b[31m{}", "\u{202e}"));
    corpus.actors[0].name.push_str("\x1b[2J");
    let mut app = App::new(Arc::new(corpus), 120, 40);
    let mut screens = vec![render(&app, &Theme::default())];
    app.update(Action::Focus(Pane::Reader));
    app.update(Action::Bottom);
    screens.push(render(&app, &Theme::default()));
    app.update(Action::Focus(Pane::Actors));
    app.update(Action::ShowDetail);
    screens.push(render(&app, &Theme::default()));
    for buf in &screens {
        for cell in buf.content.iter() {
            for c in cell.symbol().chars() {
                assert!(
                    !c.is_control()
                        && !matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'),
                    "{c:?} reached the screen"
                );
            }
        }
    }
    let reader = text(&screens[1]);
    assert!(
        reader.contains("^[[2J"),
        "ESC shown in caret notation:\n{reader}"
    );
}

#[test]
fn keys_through_the_real_input_path() {
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    let mut a = app(80, 24);
    let press = |c: KeyCode| Event::Key(KeyEvent::new(c, KeyModifiers::NONE));
    let keys = [
        press(KeyCode::Char('f')),
        press(KeyCode::Char('t')),
        press(KeyCode::Char('c')),
        press(KeyCode::Char('h')),
        press(KeyCode::Enter),
        press(KeyCode::Enter),
        press(KeyCode::Char('n')),
    ];
    for k in &keys {
        if let Some(action) = dossier::term::action_for(&a, k, false) {
            a.update(action);
        }
    }
    assert_eq!(a.focus, Pane::Reader);
    insta::assert_snapshot!(
        "keys_find_tch_enter_enter_n_80x24",
        text(&render(&a, &Theme::default()))
    );
}

#[test]
fn filtered_actors_and_finder_results_show_their_matched_letters() {
    let underlined_bold = |buf: &Buffer, x: u16, y: u16| {
        buf.cell((x, y))
            .is_some_and(|c| c.modifier.contains(Modifier::BOLD | Modifier::UNDERLINED))
    };
    // The actors filter: "omar" matches Tchiani through his other name, highlighted there.
    // (Wide, so the actors pane has room for the other name.)
    let mut a = app(240, 40);
    a.update(Action::Focus(Pane::Actors));
    a.update(Action::StartFilter);
    typed(&mut a, "omar");
    let buf = render(&a, &Theme::default());
    let (x, y) = find_in(&a, &buf, Pane::Actors, "~Omar").expect("matched through Omar");
    assert!(underlined_bold(&buf, x + 1, y), "O of Omar highlighted");
    assert!(!underlined_bold(&buf, x, y), "the ~ is not");
    // The finder: "tch" in Tchiani.
    let mut f = app(120, 40);
    f.update(Action::OpenFinder);
    typed(&mut f, "@tch");
    let buf = render(&f, &Theme::default());
    let text = text(&buf);
    let (y, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("Tchiani") && l.contains("mentions"))
        .expect("Tchiani listed");
    // Through his other name "Tchiani" (after the ~) when that scores better than his name.
    let byte = line.rfind("Tchiani").expect("in line");
    let x = line[..byte].chars().count() as u16;
    assert!(
        underlined_bold(&buf, x, y as u16),
        "T of Tchiani highlighted: {line:?} {x}"
    );
    assert!(
        !underlined_bold(&buf, x + 3, y as u16),
        "i of Tchiani is not"
    );
}
