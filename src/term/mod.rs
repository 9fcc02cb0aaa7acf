//! The terminal side of the browser: a guard that restores the terminal on every exit path
//! (drop, panic, SIGINT / SIGTERM / SIGHUP), the input and hang-up watchdog threads, and the
//! event loop that blocks on input, coalesces bursts and redraws only on change.

mod clipboard;
mod guard;
pub mod short_hops;
mod watch;
pub mod wire;

use std::io::{self, Write};
use std::sync::mpsc::{self, Receiver};

use crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use crossterm::{execute, queue};
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};

use crate::ui::keymap::{self, Key};
use crate::ui::theme::Theme;
use crate::ui::{Action, App, view};

pub use guard::{TerminalGuard, restore};
pub use short_hops::ShortHops;

/// How the browser was asked to run.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Capture the mouse (off by default: it breaks selecting text to copy).
    pub mouse: bool,
    /// ASCII borders and markers.
    pub ascii: bool,
}

/// What the loop waits for.
#[derive(Debug)]
pub enum Message {
    /// A terminal event.
    Input(Event),
    /// Stop: a signal, a hang-up, or an input error.
    Stop,
}

/// The action a terminal event asks for, given the browser's state.
pub fn action_for(app: &App, event: &Event, mouse: bool) -> Option<Action> {
    match event {
        Event::Key(k) if k.kind != KeyEventKind::Release => {
            keymap::resolve(Key::from_event(*k), &app.contexts())
        }
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::Mouse(m) if mouse => match m.kind {
            MouseEventKind::ScrollUp => Some(Action::ScrollUp),
            MouseEventKind::ScrollDown => Some(Action::ScrollDown),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(m.column, m.row)),
            _ => None,
        },
        _ => None,
    }
}

/// Runs the browser until the user quits, the terminal hangs up or a signal comes. `make`
/// builds the App for the terminal's size, once the terminal is set up.
pub fn run(make: impl FnOnce(u16, u16) -> App, options: Options) -> io::Result<()> {
    let theme = Theme::from_env(options.ascii);
    guard::install_panic_hook();
    let guard = TerminalGuard::enter(options.mouse)?;
    let (tx, rx) = mpsc::channel();
    watch::spawn_signals(tx.clone())?;
    watch::spawn_hangup_watchdog(tx.clone());
    watch::spawn_input(tx);

    let mut backend = ShortHops::new(CrosstermBackend::new(io::stdout()));
    // Start from a blank screen (the alternate screen is not always blank): the first frame then
    // writes only what is not blank, and ShortHops knows every cell from the start. Not
    // `Terminal::clear`: it asks the terminal where the cursor is, and the input thread would
    // swallow the answer.
    Backend::clear(&mut backend)?;
    let mut terminal = Terminal::new(backend)?;
    let size = terminal.size()?;
    let mut app = make(size.width, size.height);
    draw(&mut terminal, &app, &theme)?;
    let result = event_loop(&mut terminal, &mut app, &theme, &rx, options.mouse);
    drop(guard);
    result
}

fn event_loop(
    terminal: &mut Terminal<ShortHops<CrosstermBackend<io::Stdout>>>,
    app: &mut App,
    theme: &Theme,
    rx: &Receiver<Message>,
    mouse: bool,
) -> io::Result<()> {
    loop {
        // Block until something happens: no tick while idle.
        let Ok(first) = rx.recv() else {
            return Ok(());
        };
        let mut changed = false;
        let mut next = Some(first);
        // Drain the burst (a held key, a paste) before drawing once.
        while let Some(message) = next {
            match message {
                Message::Stop => return Ok(()),
                Message::Input(event) => {
                    if let Some(action) = action_for(app, &event, mouse) {
                        app.update(action);
                        changed = true;
                    }
                }
            }
            if app.quit {
                return Ok(());
            }
            next = rx.try_recv().ok();
        }
        if let Some(text) = app.take_clipboard() {
            let mut out = io::stdout();
            out.write_all(clipboard::osc52(&text).as_bytes())?;
            out.flush()?;
        }
        if changed {
            draw(terminal, app, theme)?;
        }
    }
}

/// Draws one frame inside synchronized output, so a slow link shows whole frames.
fn draw<W: Write>(
    terminal: &mut Terminal<ShortHops<CrosstermBackend<W>>>,
    app: &App,
    theme: &Theme,
) -> io::Result<()> {
    queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    terminal.draw(|frame| view::draw(frame, app, theme))?;
    execute!(terminal.backend_mut(), EndSynchronizedUpdate)?;
    Ok(())
}
