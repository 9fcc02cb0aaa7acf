//! The command line as a user runs it: the real binary, its exit codes, stdout and stderr.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn dossier(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("the dossier binary runs")
}

fn dossier_with_input(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the dossier binary runs");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(input.as_bytes())
        .expect("input is written");
    child.wait_with_output().expect("dossier finishes")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// No Rust debug output, panic message or backtrace ever reaches the user.
fn assert_no_rust_noise(stderr: &str) {
    for noise in [
        "panicked",
        "RUST_BACKTRACE",
        "internal error",
        "Error {",
        "Os {",
    ] {
        assert!(!stderr.contains(noise), "stderr has {noise:?}: {stderr}");
    }
}

#[test]
fn browser_without_a_terminal_says_so_names_the_commands_and_exits_2() {
    let out = dossier(&[]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("terminal"), "{err}");
    for command in [
        "check", "articles", "actors", "timeline", "quotes", "extract",
    ] {
        assert!(err.contains(command), "{command} not named in: {err}");
    }
    assert!(out.stdout.is_empty());
}

#[test]
fn every_command_has_help_with_an_example() {
    for command in [
        "check", "articles", "actors", "timeline", "quotes", "sources", "passages", "extract",
    ] {
        let out = dossier(&[command, "--help"]);
        assert_eq!(out.status.code(), Some(0), "{command} --help");
        let help = text(&out.stdout);
        assert!(
            help.contains("Example"),
            "{command} --help has no example:\n{help}"
        );
    }
    let top = text(&dossier(&["--help"]).stdout);
    assert!(top.contains("Examples"), "{top}");
}

#[test]
fn check_on_the_builtin_sample_reports_four_articles() {
    let out = dossier(&["check", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("check --json is JSON");
    assert_eq!(report["articles"], 4);
    assert_eq!(report["formats"]["text"], 4);
    for key in ["skipped", "warnings"] {
        assert!(
            report[key].as_array().is_some_and(|a| a.is_empty()),
            "{key}: {}",
            report[key]
        );
    }
    for key in ["actors", "events", "quotes", "seconds"] {
        assert!(report[key].is_number(), "{key} missing: {report}");
    }
    let human = text(&dossier(&["check"]).stdout);
    assert!(human.contains("Loaded 4 article(s) (text 4)."), "{human}");
}

#[test]
fn a_usage_error_is_one_message_and_exit_2() {
    let out = dossier(&["actors", "--kind", "planet"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("planet"), "{err}");
    assert_no_rust_noise(&err);

    let out = dossier(&["timeline", "--from", "yesterday"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("YYYY-MM-DD"));
}

#[test]
fn no_loadable_article_is_a_clear_error_with_exit_1() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("notes.txt"), "").expect("write");
    let out = dossier(&["actors", dir.path().to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.starts_with("dossier: no articles loaded"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "one sentence: {err}");
    assert_no_rust_noise(&err);
}

#[test]
fn an_unknown_actor_filter_is_a_usage_error() {
    let out = dossier(&["quotes", "--actor", "Nobody Atall"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no actor named"));
}

#[test]
fn extract_writes_one_line_per_document_in_order_and_reports_bad_lines() {
    let input = concat!(
        "{\"id\": \"b\", \"text\": \"First text.\", \"published\": \"2023-07-27\"}\n",
        "this is not json\n",
        "\n",
        "{\"id\": \"a\", \"text\": \"Second text.\", \"published\": null}\n",
        "{\"id\": \"c\", \"text\": \"Third.\", \"published\": \"2023-02-30\"}\n",
    );
    let out = dossier_with_input(&["extract"], input);
    assert_eq!(out.status.code(), Some(0));
    let lines: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect();
    let ids: Vec<&str> = lines.iter().filter_map(|l| l["id"].as_str()).collect();
    assert_eq!(ids, ["b", "a", "c"]);
    for line in &lines {
        for key in ["actors", "times", "quotes"] {
            assert!(line[key].is_array(), "{key} missing in {line}");
        }
    }
    let err = text(&out.stderr);
    assert!(err.contains("line 2"), "bad line not reported: {err}");
    assert!(
        err.contains("line 5"),
        "impossible date not reported: {err}"
    );
    assert_no_rust_noise(&err);
}

#[test]
fn articles_json_lists_the_sample() {
    let out = dossier(&["articles", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("JSON");
    let ids: Vec<&str> = rows.iter().filter_map(|r| r["id"].as_str()).collect();
    assert_eq!(
        ids,
        [
            "000_f16b3598ed5d47d9",
            "001_060abe526bb78158",
            "002_eed0d9b0ce39977c",
            "004_f0500d7e2cbed4d9"
        ]
    );
}
