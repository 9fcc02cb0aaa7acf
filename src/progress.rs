//! What opening a corpus is doing now, for the line that keeps the user informed while a large
//! corpus is read and analysed: at 100,000 articles the first opening takes tens of seconds,
//! and a terminal that shows nothing for that long looks hung.
//!
//! The loader, the cache and the pipeline say which step they enter ([`enter`]) and the loader
//! counts the files it has read ([`files_found`], [`file_read`]); [`Line`] shows that on the
//! terminal's error stream and wipes it before anything else is shown. The state is
//! process-wide (a few atomics): one process opens one corpus at a time, and setting it costs an
//! atomic store per step and per file.

use std::io::Write;
use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// A step of opening a corpus, in the order they come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Step {
    /// Checking each file's size, time and content against the cache's key.
    Checking,
    /// Reading the model from the cache.
    ReadingCache,
    /// Reading, decoding and cleaning the articles.
    Reading,
    /// Shared passages and time expressions (side by side).
    Passages,
    /// People, countries, organizations and places.
    Actors,
    /// Building the lookups.
    Indexing,
    /// Events and the timeline.
    Events,
    /// Quotes and the sources each article cites.
    Quotes,
    /// Merging the sources across articles.
    Sources,
    /// Writing the cache for the next opening.
    WritingCache,
}

impl Step {
    const ALL: [Step; 10] = [
        Step::Checking,
        Step::ReadingCache,
        Step::Reading,
        Step::Passages,
        Step::Actors,
        Step::Indexing,
        Step::Events,
        Step::Quotes,
        Step::Sources,
        Step::WritingCache,
    ];

    /// What the step does, as the progress line says it.
    fn doing(self) -> &'static str {
        match self {
            Step::Checking => "checking the files against the cache",
            Step::ReadingCache => "reading the cache",
            Step::Reading => "reading files",
            Step::Passages => "finding shared passages and dates",
            Step::Actors => "finding people, countries and organizations",
            Step::Indexing => "indexing",
            Step::Events => "building the timeline",
            Step::Quotes => "finding quotes and sources",
            Step::Sources => "merging sources",
            Step::WritingCache => "saving the cache for next time",
        }
    }
}

/// The current step, as its position in [`Step::ALL`] plus one; 0 before any.
static STEP: AtomicU8 = AtomicU8::new(0);
static FILES_FOUND: AtomicUsize = AtomicUsize::new(0);
static FILES_READ: AtomicUsize = AtomicUsize::new(0);

/// Notes that opening has entered `step`.
pub fn enter(step: Step) {
    STEP.store(code_of(step), Ordering::Relaxed);
}

/// `step` as stored in [`STEP`]: its place in [`Step::ALL`] plus one.
fn code_of(step: Step) -> u8 {
    step as u8 + 1
}

/// The step stored as `code` in [`STEP`].
fn step_of(code: u8) -> Option<Step> {
    usize::from(code)
        .checked_sub(1)
        .and_then(|i| Step::ALL.get(i).copied())
}

/// Notes that the loader found `count` files to read (and has read none yet).
pub fn files_found(count: usize) {
    FILES_FOUND.store(count, Ordering::Relaxed);
    FILES_READ.store(0, Ordering::Relaxed);
}

/// Notes that the loader has read one more file.
pub fn file_read() {
    FILES_READ.fetch_add(1, Ordering::Relaxed);
}

/// The step opening is in now, if any.
fn current() -> Option<Step> {
    step_of(STEP.load(Ordering::Relaxed))
}

/// What the progress line says now: the step, the files read while reading, and the time
/// since opening started.
fn status_now(elapsed: Duration) -> Option<String> {
    let step = current()?;
    let files = (step == Step::Reading).then(|| {
        (
            FILES_READ.load(Ordering::Relaxed),
            FILES_FOUND.load(Ordering::Relaxed),
        )
    });
    Some(describe(step, files, elapsed))
}

/// The progress line's text for `step`, with `(read, found)` files while reading.
fn describe(step: Step, files: Option<(usize, usize)>, elapsed: Duration) -> String {
    let count = match files {
        Some((read, found)) if found > 0 => {
            format!(" {} of {}", thousands(read.min(found)), thousands(found))
        }
        _ => String::new(),
    };
    format!("dossier: {}{count} · {} s", step.doing(), elapsed.as_secs())
}

/// `75400` as `75,400`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// Erases the line the cursor is on and returns to its start.
const WIPE: &str = "\r\x1b[2K";

/// A progress line on a terminal, redrawn in place a few times a second by a thread of its own,
/// and wiped when dropped. Quick openings show nothing: the line appears only after `delay`.
pub struct Line {
    stop: Sender<()>,
    thread: Option<JoinHandle<()>>,
}

/// How often the line is redrawn.
const REDRAW_EVERY: Duration = Duration::from_millis(250);

impl Line {
    /// Shows `status` (given the time since the start; `None` says nothing) on `out` every
    /// quarter of a second, starting after `delay`.
    pub fn start(
        out: Box<dyn Write + Send>,
        delay: Duration,
        status: impl Fn(Duration) -> Option<String> + Send + 'static,
    ) -> Line {
        let (stop, stopped) = mpsc::channel::<()>();
        let thread = std::thread::spawn(move || {
            let started = Instant::now();
            let mut out = out;
            let mut shown = false;
            let mut wait = delay;
            // Runs until told to stop (or the sender is gone).
            while let Err(RecvTimeoutError::Timeout) = stopped.recv_timeout(wait) {
                wait = REDRAW_EVERY;
                if let Some(text) = status(started.elapsed()) {
                    // A failed write only loses a progress line.
                    let _ = write!(out, "{WIPE}{text}").and_then(|()| out.flush());
                    shown = true;
                }
            }
            if shown {
                let _ = write!(out, "{WIPE}").and_then(|()| out.flush());
            }
        });
        Line {
            stop,
            thread: Some(thread),
        }
    }

    /// The line for opening a corpus, on standard error when it is a terminal (never in a pipe
    /// or a log file); `None` otherwise.
    pub fn for_opening() -> Option<Line> {
        use std::io::IsTerminal;
        if !std::io::stderr().is_terminal() {
            return None;
        }
        STEP.store(0, Ordering::Relaxed);
        Some(Line::start(
            Box::new(std::io::stderr()),
            Duration::from_millis(500),
            status_now,
        ))
    }
}

impl Drop for Line {
    fn drop(&mut self) {
        let _ = self.stop.send(());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_names_the_step_the_files_read_and_the_seconds() {
        assert_eq!(
            describe(
                Step::Reading,
                Some((41_203, 75_400)),
                Duration::from_secs(3)
            ),
            "dossier: reading files 41,203 of 75,400 · 3 s"
        );
        assert_eq!(
            describe(Step::Actors, None, Duration::from_millis(12_900)),
            "dossier: finding people, countries and organizations · 12 s"
        );
        // No count before the files are found; never more read than found.
        assert_eq!(
            describe(Step::Reading, Some((0, 0)), Duration::ZERO),
            "dossier: reading files · 0 s"
        );
        assert!(describe(Step::Reading, Some((9, 5)), Duration::ZERO).contains("5 of 5"));
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(100_000), "100,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn every_step_is_stored_and_found_again() {
        for step in Step::ALL {
            assert_eq!(step_of(code_of(step)), Some(step));
        }
        assert_eq!(step_of(0), None, "before any step");
    }

    /// A writer whose bytes can be read while a [`Line`]'s thread owns it.
    #[derive(Clone, Default)]
    struct SharedBuffer(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

    impl SharedBuffer {
        fn text(&self) -> String {
            let bytes = self.0.lock().map(|b| b.clone()).unwrap_or_default();
            String::from_utf8_lossy(&bytes).into_owned()
        }
    }

    impl Write for SharedBuffer {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().expect("test buffer").extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn the_line_is_drawn_in_place_and_wiped_when_dropped() {
        let out = SharedBuffer::default();
        let (seen, saw) = mpsc::channel();
        let line = Line::start(Box::new(out.clone()), Duration::ZERO, move |_| {
            let _ = seen.send(());
            Some("dossier: working · 0 s".to_string())
        });
        // Wait until the status was asked for at least twice (so drawn at least once).
        for _ in 0..2 {
            saw.recv_timeout(Duration::from_secs(30))
                .expect("the line's thread asks for the status");
        }
        drop(line);
        let text = out.text();
        assert!(
            text.starts_with("\r\x1b[2Kdossier: working · 0 s"),
            "{text:?}"
        );
        assert!(text.ends_with("\r\x1b[2K"), "{text:?}");
        assert!(!text.contains('\n'), "the line never scrolls the terminal");
    }

    #[test]
    fn a_quick_opening_shows_nothing() {
        let out = SharedBuffer::default();
        let line = Line::start(Box::new(out.clone()), Duration::from_secs(3600), |_| {
            Some("never".to_string())
        });
        drop(line);
        assert_eq!(out.text(), "");
    }
}
