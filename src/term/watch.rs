//! The threads that feed the event loop: terminal input, signals, and a watchdog that notices
//! the terminal hanging up (a dropped SSH connection), so no process is left spinning.

use std::sync::mpsc::Sender;
use std::time::Duration;

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use super::{Message, restore};

/// Grace period after a stop request before the process exits on its own, in case the main
/// thread is stuck writing to a terminal that is gone.
const GRACE: Duration = Duration::from_millis(1500);

/// Reads terminal events and sends them on; a read error (the terminal is gone) stops the
/// browser.
pub fn spawn_input(tx: Sender<Message>) {
    std::thread::spawn(move || {
        loop {
            match crossterm::event::read() {
                Ok(event) => {
                    if tx.send(Message::Input(event)).is_err() {
                        return;
                    }
                }
                Err(_) => {
                    let _ = tx.send(Message::Stop);
                    exit_after_grace();
                    return;
                }
            }
        }
    });
}

/// SIGINT, SIGTERM and SIGHUP stop the browser (which restores the terminal on the way out).
pub fn spawn_signals(tx: Sender<Message>) -> std::io::Result<()> {
    let mut signals = Signals::new([SIGINT, SIGTERM, SIGHUP])?;
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            let _ = tx.send(Message::Stop);
            exit_after_grace();
        }
    });
    Ok(())
}

/// Blocks in `poll` on the terminal with no events requested: it returns only when the
/// terminal hangs up or goes bad (POLLHUP, POLLERR, POLLNVAL), so it costs nothing while idle.
pub fn spawn_hangup_watchdog(tx: Sender<Message>) {
    std::thread::spawn(move || {
        // SAFETY: isatty only inspects the descriptor.
        let fd = if unsafe { libc::isatty(0) } == 1 {
            0
        } else {
            return;
        };
        loop {
            let mut pfd = libc::pollfd {
                fd,
                events: 0,
                revents: 0,
            };
            // SAFETY: one valid pollfd, the count says one; infinite timeout.
            let n = unsafe { libc::poll(&mut pfd, 1, -1) };
            if n < 0 {
                // Interrupted by a signal: poll again.
                continue;
            }
            if pfd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
                let _ = tx.send(Message::Stop);
                exit_after_grace();
                return;
            }
        }
    });
}

/// Gives the main thread time to restore and exit; if it has not, exits from here.
fn exit_after_grace() {
    std::thread::sleep(GRACE);
    restore();
    std::process::exit(1);
}
