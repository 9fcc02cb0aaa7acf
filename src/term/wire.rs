//! What a frame costs on the wire: the bytes the real backend writes, counted. Over SSH every
//! byte of a redraw is latency, so moving the selection must write a row's change, not a
//! screen.

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

use super::ShortHops;
use crate::ui::theme::Theme;
use crate::ui::{Action, App};

/// A writer that counts the bytes written to it and drops them. Clones share the count, so
/// it can be read while the backend owns the writer.
#[derive(Debug, Default, Clone)]
pub struct CountingWriter {
    count: Arc<AtomicUsize>,
}

impl CountingWriter {
    /// Bytes written so far.
    pub fn bytes(&self) -> usize {
        self.count.load(Ordering::Relaxed)
    }
}

impl Write for CountingWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.count.fetch_add(buf.len(), Ordering::Relaxed);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A terminal of the app's size whose output is counted, not shown.
pub struct CountingTerminal {
    terminal: Terminal<ShortHops<CrosstermBackend<CountingWriter>>>,
    written: CountingWriter,
}

impl CountingTerminal {
    /// A terminal of `width` × `height` cells, blank as the browser clears it at start, with
    /// the browser's backend.
    pub fn new(width: u16, height: u16) -> io::Result<CountingTerminal> {
        let written = CountingWriter::default();
        let backend =
            ShortHops::on_blank_screen(CrosstermBackend::new(written.clone()), width, height);
        let terminal = Terminal::with_options(
            backend,
            TerminalOptions {
                viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
            },
        )?;
        Ok(CountingTerminal { terminal, written })
    }

    /// Draws `app` exactly as the browser does (inside synchronized output) and returns the
    /// bytes this frame wrote: the cells that changed since the last frame, with their styles
    /// and cursor moves.
    pub fn draw(&mut self, app: &App, theme: &Theme) -> io::Result<usize> {
        let before = self.written.bytes();
        super::draw(&mut self.terminal, app, theme)?;
        Ok(self.written.bytes() - before)
    }
}

/// The bytes written by the frame after `actions`, the app having been drawn once before them
/// (so only the difference goes out, as in the browser).
pub fn bytes_after(app: &mut App, theme: &Theme, actions: &[Action]) -> io::Result<usize> {
    let mut terminal = CountingTerminal::new(app.size.0, app.size.1)?;
    terminal.draw(app, theme)?;
    for action in actions {
        app.update(*action);
    }
    terminal.draw(app, theme)
}
