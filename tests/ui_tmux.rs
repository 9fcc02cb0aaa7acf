//! End to end in a real terminal: the `dossier` binary in a detached tmux session at 120×40.
//! Skipped, with a message, where tmux is absent (`.ci/run` installs it).

use std::process::{Command, Output};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_dossier");

/// A tmux server of its own (its own socket), killed when the test ends.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn available() -> bool {
        let found = Command::new("tmux").arg("-V").output().is_ok();
        if !found {
            eprintln!("SKIPPED: tmux is not installed; the end-to-end browser test needs it");
        }
        found
    }

    fn new(name: &str) -> Tmux {
        Tmux {
            socket: format!("dossier-{name}-{}", std::process::id()),
        }
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-u")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs")
    }

    /// Starts `command` in a 120×40 session named `s`.
    fn start(&self, command: &str) {
        let out = self.run(&[
            "new-session",
            "-d",
            "-x",
            "120",
            "-y",
            "40",
            "-s",
            "s",
            command,
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "s"]).stdout).into_owned()
    }

    fn format(&self, f: &str) -> String {
        String::from_utf8_lossy(&self.run(&["display-message", "-p", "-t", "s", f]).stdout)
            .trim()
            .to_string()
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "s"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    /// Waits until the screen shows `text`; fails with the screen after a generous deadline.
    fn wait_for(&self, text: &str) -> String {
        self.wait_until(text, |s| s.contains(text))
    }

    /// Waits until `ready` holds for the screen; fails with the screen after a generous deadline.
    fn wait_until(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "waited for {what:?}; the screen is:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

fn command() -> String {
    format!("env LC_ALL=C.UTF-8 LANG=C.UTF-8 {BIN}; echo EXITED rc=$?; sleep 60")
}

/// True while process `pid` exists and is not a zombie.
fn alive(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => !stat
            .rsplit(')')
            .next()
            .is_some_and(|rest| rest.trim_start().starts_with('Z')),
        Err(_) => false,
    }
}

#[test]
fn starts_shows_help_quits_and_restores_the_terminal() {
    if !Tmux::available() {
        return;
    }
    let t = Tmux::new("quit");
    t.start(&command());
    t.wait_for("Timeline");
    assert_eq!(
        t.format("#{alternate_on}"),
        "1",
        "browser on the alternate screen"
    );
    t.keys(&["?"]);
    t.wait_for("quit (always)");
    t.keys(&["Escape"]);
    // Wait for the help to close: an Esc followed at once by another key reads as Alt-key.
    t.wait_until("the help closes", |s| !s.contains("quit (always)"));
    t.keys(&["3"]);
    // The focused pane's corner: heavy in UTF-8, `#` in ASCII.
    t.wait_until("the actors pane focused", |s| {
        s.contains("\u{250f} Actors") || s.contains("# Actors")
    });
    t.keys(&["q"]);
    let screen = t.wait_for("EXITED rc=0");
    assert_eq!(t.format("#{alternate_on}"), "0", "alternate screen left");
    assert_eq!(t.format("#{cursor_flag}"), "1", "cursor shown again");
    assert!(!screen.contains("Timeline"), "main screen back:\n{screen}");
}

#[test]
fn killing_the_terminal_ends_the_process() {
    if !Tmux::available() {
        return;
    }
    let t = Tmux::new("kill");
    t.start(&format!("exec env LC_ALL=C.UTF-8 LANG=C.UTF-8 {BIN}"));
    t.wait_for("Timeline");
    let pid: u32 = t.format("#{pane_pid}").parse().expect("pane pid");
    assert!(alive(pid));
    t.run(&["kill-session", "-t", "s"]);
    // The bar: gone within 2 seconds of the terminal going away.
    let deadline = Instant::now() + Duration::from_secs(2);
    while alive(pid) {
        assert!(
            Instant::now() < deadline,
            "dossier (pid {pid}) still running"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The child processes of `pid`.
fn children(pid: u32) -> Vec<u32> {
    std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/children"))
        .unwrap_or_default()
        .split_whitespace()
        .filter_map(|p| p.parse().ok())
        .collect()
}

#[test]
fn sigterm_and_sigint_restore_the_terminal() {
    if !Tmux::available() {
        return;
    }
    for signal in ["-TERM", "-INT"] {
        let t = Tmux::new(&format!("signal{signal}"));
        t.start(&command());
        t.wait_for("Timeline");
        assert_eq!(
            t.format("#{cursor_flag}"),
            "0",
            "cursor hidden while browsing"
        );
        let shell: u32 = t.format("#{pane_pid}").parse().expect("pane pid");
        let Some(pid) = children(shell).first().copied() else {
            eprintln!("SKIPPED: /proc/PID/task/PID/children is not available here");
            return;
        };
        let killed = Command::new("kill")
            .args([signal, &pid.to_string()])
            .status()
            .expect("kill runs");
        assert!(killed.success());
        t.wait_for("EXITED rc=");
        assert_eq!(
            t.format("#{alternate_on}"),
            "0",
            "{signal}: alternate screen left"
        );
    }
}

/// The text of the sentence the reader marks (the lines with the `▌` gutter marker).
fn marked_sentence(screen: &str) -> String {
    screen
        .lines()
        .filter_map(|l| l.split_once('\u{258c}').map(|(_, rest)| rest))
        .map(|rest| {
            rest.trim_end_matches(['\u{2503}', '\u{2502}', '|', '#', ' '])
                .trim()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Finds Tchiani with `f tch Enter`, checks the timeline shows his three articles (001, 002 and
/// 004 of the sample, by date and title), and opens the first at a sentence that names him.
fn find_tchiani_and_read(t: &Tmux) {
    t.wait_for("Timeline");
    t.keys(&["f"]);
    t.wait_for("Find an actor");
    t.keys(&["-l", "tch"]);
    t.wait_for("Tchiani");
    t.keys(&["Enter"]);
    let screen = t.wait_for("lens: ");
    assert!(screen.contains("lens: Abdourahamane Tchiani"), "{screen}");
    // The timeline's rows come from three different articles: 001 and 002 (2023-07-27) and
    // 004 (2023-07-28), each at its publication date.
    // The timeline is the left 60 columns at 120×40.
    let timeline: Vec<String> = screen
        .lines()
        .map(|l| l.chars().take(60).collect())
        .collect();
    for (date, title) in [
        ("2023-07-27", "Niger\u{2019}s president has defiantly"),
        ("2023-07-27", "Niger\u{2019}s President Mohamed Bazoum"),
        ("2023-07-28", "The general who led a coup"),
    ] {
        assert!(
            timeline
                .iter()
                .any(|l| l.contains(date) && l.contains(title)),
            "no timeline row {date} {title:?}:\n{screen}"
        );
    }
    assert!(screen.contains("3 articles"), "{screen}");
    // Enter on the first row: the reader takes the focus (heavy border), open at a sentence
    // that names him, marked.
    t.keys(&["1", "Enter"]);
    let screen = t.wait_for("\u{250f} Reader 001_");
    let marked = marked_sentence(&screen);
    assert!(marked.contains("Tchiani"), "marked: {marked:?}\n{screen}");
}

#[test]
fn find_tchiani_and_open_an_entry() {
    if !Tmux::available() {
        return;
    }
    let t = Tmux::new("find");
    t.start(&command());
    find_tchiani_and_read(&t);
    t.keys(&["q"]);
    let screen = t.wait_for("EXITED rc=0");
    assert_eq!(t.format("#{alternate_on}"), "0", "alternate screen left");
    assert_eq!(t.format("#{cursor_flag}"), "1", "cursor shown again");
    assert!(!screen.contains("Timeline"), "main screen back:\n{screen}");

    // Again, and this time the terminal goes away with the reader open.
    let t = Tmux::new("find-kill");
    t.start(&format!("exec env LC_ALL=C.UTF-8 LANG=C.UTF-8 {BIN}"));
    find_tchiani_and_read(&t);
    let pid: u32 = t.format("#{pane_pid}").parse().expect("pane pid");
    t.run(&["kill-session", "-t", "s"]);
    let deadline = Instant::now() + Duration::from_secs(2);
    while alive(pid) {
        assert!(
            Instant::now() < deadline,
            "dossier (pid {pid}) still running"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_long_opening_says_what_it_is_doing_and_wipes_the_line_after() {
    if !Tmux::available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    // Enough articles that the first opening in the test build (unoptimised: seconds) outlasts
    // the half second before the line shows.
    for (name, bytes) in dossier::synth::text_files(600, 7) {
        std::fs::write(dir.path().join(name), bytes).expect("writes an article");
    }
    let t = Tmux::new("progress");
    t.start(&format!(
        "env LC_ALL=C.UTF-8 LANG=C.UTF-8 {BIN} check {}; echo EXITED rc=$?; sleep 60",
        dir.path().display()
    ));
    let during = t.wait_until("a progress line", |s| {
        s.contains("dossier: ") && s.contains(" s")
    });
    println!("{during}");
    let after = t.wait_for("EXITED rc=0");
    assert!(after.contains("Loaded 600 article(s)"), "{after}");
    assert!(
        !after.contains("dossier: "),
        "the progress line is wiped before the report:\n{after}"
    );
}
