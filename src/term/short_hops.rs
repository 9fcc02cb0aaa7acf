//! Fewer bytes per frame: where two changed cells of a row are separated by a few unchanged
//! ones, writing those cells again is cheaper than moving the cursor over them.
//!
//! ratatui sends the backend only the cells that changed, and the crossterm backend moves the
//! cursor (`ESC [ row ; col H`, 6 to 10 bytes) before every cell that does not follow the last
//! one. When a list scrolls, each row's new text shares a letter here and there with the old
//! one, at the same column, so a scrolled row is written as many short runs and a cursor move
//! between each: measured on a 200 × 60 timeline, 119 of 168 moves skipped a single cell. This
//! backend remembers what the screen shows and fills such gaps with the cells already there,
//! whenever that costs fewer bytes than the move it replaces. The screen ends up the same; the
//! tests replay the bytes through a terminal emulator to prove it.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

/// A backend that writes short stretches of unchanged cells instead of moving the cursor over
/// them. Everything else goes to the inner backend unchanged.
#[derive(Debug)]
pub struct ShortHops<B> {
    inner: B,
    screen: Screen,
}

impl<B> ShortHops<B> {
    /// Wraps `inner`; until the first clear, nothing on screen is known, so nothing is filled.
    pub fn new(inner: B) -> ShortHops<B> {
        ShortHops {
            inner,
            screen: Screen::default(),
        }
    }

    /// Wraps `inner`, whose screen of `width` × `height` cells the caller has just cleared.
    pub fn on_blank_screen(inner: B, width: u16, height: u16) -> ShortHops<B> {
        let mut screen = Screen::default();
        screen.blank(width, height);
        ShortHops { inner, screen }
    }
}

impl<B: Write> Write for ShortHops<B> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

impl<B: Backend> Backend for ShortHops<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let changed: Vec<(u16, u16, &Cell)> = content.collect();
        let with_fills = self.screen.fill_gaps(&changed);
        self.inner.draw(with_fills.into_iter())?;
        self.screen.record(&changed);
        Ok(())
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        // The screen scrolls under us: forget it rather than follow.
        self.screen.forget();
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()?;
        // A cleared screen shows blank cells in the default colours (the crossterm backend
        // resets colours and attributes at the end of every frame).
        let size = self.inner.size()?;
        self.screen.blank(size.width, size.height);
        Ok(())
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)?;
        match clear_type {
            ClearType::All => {
                let size = self.inner.size()?;
                self.screen.blank(size.width, size.height);
            }
            // Parts of the screen relative to the cursor: not worth following.
            _ => self.screen.forget(),
        }
        Ok(())
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

/// What the terminal shows, as far as it is known: `None` where a cell was never written since
/// the last clear, or where a wide character or a write over half of one leaves it uncertain.
#[derive(Debug, Default)]
struct Screen {
    width: u16,
    cells: Vec<Option<Cell>>,
}

/// The longest gap filled. A cursor move costs 6 to 10 bytes on screens under 1,000 rows and
/// columns, and a gap is filled only when cheaper than the move, so this bound only stops the
/// look-ahead early: on such screens a longer gap would save a byte or two at most.
const LONGEST_GAP: u16 = 8;

impl Screen {
    /// Forgets everything: nothing will be filled until cells are written again.
    fn forget(&mut self) {
        self.cells.iter_mut().for_each(|c| *c = None);
    }

    /// A cleared screen of `width` × `height` blank cells.
    fn blank(&mut self, width: u16, height: u16) {
        self.width = width;
        self.cells = vec![Some(Cell::default()); usize::from(width) * usize::from(height)];
    }

    fn index(&self, x: u16, y: u16) -> Option<usize> {
        (x < self.width).then(|| usize::from(y) * usize::from(self.width) + usize::from(x))
    }

    fn known(&self, x: u16, y: u16) -> Option<&Cell> {
        self.index(x, y)
            .and_then(|i| self.cells.get(i))
            .and_then(Option::as_ref)
    }

    fn set(&mut self, x: u16, y: u16, cell: Option<Cell>) {
        if let Some(slot) = self.index(x, y).and_then(|i| self.cells.get_mut(i)) {
            *slot = cell;
        }
    }

    /// The cells to write: `changed`, in order, with the unchanged cells of each short gap
    /// between two of them on the same row inserted where rewriting them is cheaper than the
    /// cursor move the backend would otherwise write.
    fn fill_gaps<'a>(&'a self, changed: &[(u16, u16, &'a Cell)]) -> Vec<(u16, u16, &'a Cell)> {
        let mut out = Vec::with_capacity(changed.len());
        let mut last: Option<(u16, u16, &Cell)> = None;
        for &(x, y, cell) in changed {
            if let Some((lx, ly, before)) = last
                && let Some(gap) = self.gap_worth_filling(lx, ly, before, x, y)
            {
                out.extend(gap);
            }
            out.push((x, y, cell));
            last = Some((x, y, cell));
        }
        out
    }

    /// The known cells between `(lx, ly)`, just written with `before`, and `(x, y)`, if
    /// writing them again costs fewer bytes than a cursor move to `(x, y)` and needs no change
    /// of colour or attribute: each is one printable ASCII character (so its width is sure) in
    /// `before`'s style.
    fn gap_worth_filling<'a>(
        &'a self,
        lx: u16,
        ly: u16,
        before: &Cell,
        x: u16,
        y: u16,
    ) -> Option<impl Iterator<Item = (u16, u16, &'a Cell)>> {
        if ly != y || !is_narrow(before) {
            return None;
        }
        let start = lx.checked_add(1)?;
        let gap = x.checked_sub(start)?;
        if gap == 0 || gap > LONGEST_GAP || gap >= move_cost(x, y) {
            return None;
        }
        let style = before.style();
        let fillable = (start..x).all(|gx| {
            self.known(gx, y)
                .is_some_and(|c| is_narrow(c) && c.style() == style)
        });
        fillable.then(|| (start..x).filter_map(move |gx| self.known(gx, y).map(|c| (gx, y, c))))
    }

    /// Notes what `written` put on the screen.
    fn record(&mut self, written: &[(u16, u16, &Cell)]) {
        for &(x, y, cell) in written {
            if is_narrow(cell) {
                self.set(x, y, Some(cell.clone()));
            } else {
                // A wide character, or anything whose width is not sure: the cells it covers
                // are not known one by one. A wide character is never known, so a later write
                // over half of one (which terminals erase differently) needs no care here.
                for covered in x..x.saturating_add(3) {
                    self.set(covered, y, None);
                }
            }
        }
    }
}

/// One printable ASCII character: exactly one cell wide on every terminal.
fn is_narrow(cell: &Cell) -> bool {
    matches!(cell.symbol().as_bytes(), [b' '..=b'~'])
}

/// The bytes of `ESC [ row ; col H` for the 0-based `(x, y)`.
fn move_cost(x: u16, y: u16) -> u16 {
    4 + digits(u32::from(y) + 1) + digits(u32::from(x) + 1)
}

fn digits(n: u32) -> u16 {
    // n ≤ 65,536: at most 5 digits.
    n.checked_ilog10().map_or(1, |l| l as u16 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::backend::CrosstermBackend;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Modifier, Style};
    use ratatui::{Terminal, TerminalOptions, Viewport};

    const WIDTH: u16 = 24;
    const HEIGHT: u16 = 4;

    /// One piece of text put on a frame: where, what, in which of a few styles.
    type Put = (u16, u16, String, u8);

    fn style(n: u8) -> Style {
        match n % 4 {
            0 => Style::new(),
            1 => Style::new().fg(Color::Cyan),
            2 => Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            _ => Style::new().fg(Color::DarkGray).bg(Color::Blue),
        }
    }

    /// A writer whose bytes can be taken while a backend owns it.
    #[derive(Clone, Default)]
    struct Capture(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

    impl Write for Capture {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    /// Draws `frames` on a terminal whose backend is `wrap(crossterm backend)` and returns the
    /// bytes each frame wrote.
    fn bytes_of<B: Backend<Error = io::Error>>(
        frames: &[Vec<Put>],
        wrap: impl FnOnce(CrosstermBackend<Capture>) -> B,
    ) -> Vec<Vec<u8>> {
        let options = TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, WIDTH, HEIGHT)),
        };
        let written = Capture::default();
        let backend = wrap(CrosstermBackend::new(written.clone()));
        let mut terminal = Terminal::with_options(backend, options).expect("fixed viewport");
        frames
            .iter()
            .map(|puts| {
                terminal
                    .draw(|frame| {
                        for (x, y, text, s) in puts {
                            frame.buffer_mut().set_string(*x, *y, text, style(*s));
                        }
                    })
                    .expect("draws into memory");
                std::mem::take(&mut *written.0.borrow_mut())
            })
            .collect()
    }

    fn plain(frames: &[Vec<Put>]) -> Vec<Vec<u8>> {
        bytes_of(frames, |b| b)
    }

    fn hopping(frames: &[Vec<Put>]) -> Vec<Vec<u8>> {
        bytes_of(frames, |b| ShortHops::on_blank_screen(b, WIDTH, HEIGHT))
    }

    /// Replays each frame's bytes on an emulated terminal and returns what the screen shows
    /// after each: a row of text and a row of styles per screen row (a never-written cell shows
    /// as a space, as it does on a terminal).
    fn screens(frames: &[Vec<u8>]) -> Vec<Vec<(String, String)>> {
        let size = |n| std::num::NonZeroU16::new(n).expect("a constant above zero");
        let mut parser = vt100::Parser::new(size(HEIGHT), size(WIDTH), 0);
        frames
            .iter()
            .map(|bytes| {
                parser.process(bytes);
                let screen = parser.screen();
                (0..HEIGHT)
                    .map(|r| {
                        let cells: Vec<&vt100::Cell> =
                            (0..WIDTH).filter_map(|c| screen.cell(r, c)).collect();
                        let text = cells
                            .iter()
                            .map(|c| match c.contents() {
                                _ if c.is_wide_continuation() => "~",
                                "" => " ",
                                s => s,
                            })
                            .collect();
                        let styles = cells
                            .iter()
                            .map(|c| {
                                format!(
                                    "{:?}/{:?}/{}{}{} ",
                                    c.fgcolor(),
                                    c.bgcolor(),
                                    u8::from(c.bold()),
                                    u8::from(c.inverse()),
                                    u8::from(c.underline())
                                )
                            })
                            .collect();
                        (text, styles)
                    })
                    .collect()
            })
            .collect()
    }

    fn line(text: &str) -> Vec<Put> {
        vec![(0, 0, text.to_string(), 0)]
    }

    #[test]
    fn a_one_cell_gap_is_written_again_instead_of_a_cursor_move() {
        let frames = [line("Bamode met Saaninu"), line("Ranunu spoke with")];
        let (plain, hops) = (plain(&frames), hopping(&frames));
        let moves = |bytes: &[u8]| bytes.windows(2).filter(|w| w == b"\x1b[").count();
        assert!(moves(&hops[1]) < moves(&plain[1]), "{hops:?}");
        assert!(hops[1].len() < plain[1].len());
        assert_eq!(screens(&hops), screens(&plain));
    }

    #[test]
    fn a_gap_in_another_style_or_over_a_wide_character_is_not_filled() {
        let frames = [
            vec![
                (0, 0, "ab".into(), 0),
                (2, 0, "c".into(), 1),
                (3, 0, "de".into(), 0),
            ],
            vec![
                (0, 0, "xb".into(), 0),
                (2, 0, "c".into(), 1),
                (3, 0, "ye".into(), 0),
            ],
            vec![(0, 1, "a漢b".into(), 0)],
            vec![(0, 1, "z漢y".into(), 0)],
        ];
        let (plain, hops) = (plain(&frames), hopping(&frames));
        // Nothing worth filling: the same bytes as without.
        assert_eq!(hops, plain);
        assert_eq!(screens(&hops), screens(&plain));
    }

    fn put() -> impl Strategy<Value = Put> {
        let text = proptest::collection::vec(
            prop_oneof![
                Just('a'),
                Just('b'),
                Just(' '),
                Just('é'),
                Just('漢'),
                Just('-')
            ],
            0..12,
        )
        .prop_map(|chars| chars.into_iter().collect::<String>());
        (0..WIDTH, 0..HEIGHT, text, 0u8..4)
    }

    proptest! {
        /// Whatever the frames, the screen after each is exactly the one the plain backend
        /// gives, and never at the cost of more bytes.
        #[test]
        fn the_screen_is_the_same_and_the_bytes_never_more(
            frames in proptest::collection::vec(proptest::collection::vec(put(), 0..6), 1..6)
        ) {
            let (plain, hops) = (plain(&frames), hopping(&frames));
            prop_assert_eq!(screens(&hops), screens(&plain));
            for (h, p) in hops.iter().zip(&plain) {
                prop_assert!(h.len() <= p.len(), "{} > {}", h.len(), p.len());
            }
        }
    }
}
