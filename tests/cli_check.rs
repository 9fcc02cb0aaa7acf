//! `dossier check` and `dossier articles` run as a user would: the real binary over a folder
//! that mixes the four formats with every kind of bad file.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn dossier(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .output()
        .expect("the dossier binary runs")
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&path, bytes).unwrap();
    path
}

/// Copies the good fixtures (one file of each format; 8 articles) into `dir`.
fn copy_good_fixtures(dir: &Path) {
    let good = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/loader/good");
    for entry in fs::read_dir(good).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), dir.join(entry.file_name())).unwrap();
    }
}

/// Bad files, each with where its problem must be reported and a piece of the reason.
/// "skipped": not loaded at all; "warning": loaded in part or with a caveat.
fn write_bad_files(dir: &Path) -> Vec<(&'static str, &'static str, &'static str)> {
    write(
        dir,
        "bad/binary.txt",
        b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0",
    );
    write(dir, "bad/latin1.txt", b"Le caf\xe9 de Niamey a rouvert.");
    write(dir, "bad/empty.md", b"");
    let huge = fs::File::create(dir.join("bad/huge.txt")).unwrap();
    huge.set_len(17 * 1024 * 1024).unwrap();
    write(dir, "bad/broken.json", "{\n  \"text\": \"unterminated\n}\n");
    write(
        dir,
        "bad/partial.jsonl",
        "{\"id\": \"p1\", \"text\": \"Good line.\"}\n{\"id\": \"p2\", \"text\": oops}\n",
    );
    write(
        dir,
        "bad/dup.jsonl",
        "{\"id\": \"wire-1\", \"text\": \"Same id as a record in batch.json.\"}\n",
    );
    std::os::unix::fs::symlink(dir, dir.join("bad/loop")).unwrap();
    write(
        dir,
        "bad/baddate.md",
        "---\ndate: 2023-02-30\n---\nUndated body.",
    );
    write(dir, "bad/photo.png", b"\x89PNG\r\n\x1a\n");
    write(
        dir,
        "bad/notext.json",
        "[{\"id\": \"n\", \"title\": \"No text here\"}]",
    );
    write(
        dir,
        "bad/navonly.html",
        "<html><body><nav><a href='/'>Home</a></nav></body></html>",
    );
    vec![
        ("binary.txt", "skipped", "binary file, not text"),
        ("latin1.txt", "warning", "not valid UTF-8"),
        ("empty.md", "skipped", "empty file"),
        ("huge.txt", "skipped", "file too large (17.0 MiB"),
        ("broken.json", "skipped", "malformed JSON at line 2, column"),
        ("partial.jsonl", "warning", "line 2: malformed JSON"),
        // bad/dup.jsonl sorts before batch.json, so the later record is the one renamed.
        (
            "batch.json",
            "warning",
            "record 1: duplicate id \"wire-1\"; renamed to \"wire-1~2\"",
        ),
        ("loop", "skipped", "symbolic link loop"),
        ("baddate.md", "warning", "impossible date \"2023-02-30\""),
        ("photo.png", "skipped", "unsupported file type (.png)"),
        ("notext.json", "skipped", "record 1: no text"),
        ("navonly.html", "skipped", "no article text found"),
    ]
}

fn file_name_is(path: &Value, name: &str) -> bool {
    path.as_str()
        .and_then(|p| Path::new(p).file_name().map(|n| n == name))
        .unwrap_or(false)
}

#[test]
fn check_loads_every_good_article_and_names_every_bad_file() {
    let dir = tempfile::tempdir().unwrap();
    copy_good_fixtures(dir.path());
    let mut bad = write_bad_files(dir.path());
    let root = dir.path().to_str().unwrap();
    // Unreadable: only where permissions bind (not for root, who reads anything).
    let locked = write(dir.path(), "bad/locked.txt", "Locked article.");
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    }
    let locked_readable = fs::read(&locked).is_ok();
    if !locked_readable {
        bad.push((
            "locked.txt",
            "skipped",
            "cannot read file: Permission denied",
        ));
    }

    let out = dossier(&["check", root, "--json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).expect("check --json prints JSON");
    // 8 good articles + latin1 + partial's good line + dup (renamed) + baddate (undated).
    let expected = if locked_readable { 13 } else { 12 };
    assert_eq!(report["articles"], expected, "{report:#}");
    assert_eq!(report["formats"]["html"], 1);
    assert_eq!(report["formats"]["json"], 3);
    assert_eq!(report["formats"]["jsonl"], 4);
    assert_eq!(report["formats"]["markdown"], 2);
    assert_eq!(
        report["formats"]["text"],
        if locked_readable { 3 } else { 2 }
    );
    let skipped = report["skipped"].as_array().unwrap();
    let warnings = report["warnings"].as_array().unwrap();
    for (name, kind, reason) in &bad {
        let (list, field) = match *kind {
            "skipped" => (skipped, "reason"),
            _ => (warnings, "message"),
        };
        assert!(
            list.iter().any(|e| file_name_is(&e["path"], name)
                && e[field].as_str().unwrap_or("").contains(reason)),
            "{name}: no {kind} entry containing {reason:?} in {list:#?}"
        );
    }
    // Only the bad files are named: nothing good is skipped.
    let bad_skipped = bad.iter().filter(|(_, kind, _)| *kind == "skipped").count();
    assert_eq!(skipped.len(), bad_skipped, "{skipped:#?}");
    assert!(report["seconds"].is_number());

    let human = dossier(&["check", root]);
    assert_eq!(human.status.code(), Some(0));
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(
        text.starts_with(&format!("Loaded {expected} article(s)")),
        "{text}"
    );
    for (name, _, reason) in &bad {
        assert!(
            text.lines().any(|l| l.contains(name) && l.contains(reason)),
            "{name} with {reason:?} not in\n{text}"
        );
    }
}

#[test]
fn a_folder_of_only_bad_files_exits_1_with_one_sentence() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "empty.txt", "");
    write(dir.path(), "binary.txt", b"\0\0\0\x01");
    write(dir.path(), "broken.jsonl", "{nope\n");
    let root = dir.path().to_str().unwrap();
    for args in [
        vec!["check", root],
        vec!["check", root, "--json"],
        vec!["articles", root],
    ] {
        let out = dossier(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let lines: Vec<&str> = stderr.lines().collect();
        assert_eq!(lines.len(), 1, "{args:?}: {stderr}");
        assert!(
            lines[0].starts_with("dossier: no articles loaded"),
            "{stderr}"
        );
        assert!(!stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"));
    }
}

#[test]
fn a_missing_path_is_named() {
    let out = dossier(&["check", "/definitely/not/here", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["skipped"][0]["path"], "/definitely/not/here");
    assert_eq!(report["skipped"][0]["reason"], "no such file or folder");
}

#[test]
fn articles_json_lists_the_sample() {
    let out = dossier(&["articles", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let rows: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        vec![
            "000_f16b3598ed5d47d9",
            "001_060abe526bb78158",
            "002_eed0d9b0ce39977c",
            "004_f0500d7e2cbed4d9"
        ]
    );
    let dates: Vec<&Value> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["date"])
        .collect();
    assert_eq!(
        dates,
        vec![
            &Value::Null,
            &Value::from("2023-07-27"),
            &Value::from("2023-07-27"),
            &Value::from("2023-07-28")
        ]
    );
}

#[test]
fn check_without_paths_reports_the_sample() {
    let out = dossier(&["check", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["articles"], 4);
    assert_eq!(report["formats"]["text"], 4);
    assert_eq!(report["skipped"].as_array().map(Vec::len), Some(0));
}

#[test]
fn a_long_check_in_a_pipe_writes_no_progress_line() {
    let dir = tempfile::tempdir().unwrap();
    // Long enough (seconds in the test build) for the progress line's half-second delay.
    for (name, bytes) in dossier::synth::text_files(600, 7) {
        write(dir.path(), &name.to_string_lossy(), bytes);
    }
    let out = dossier(&["check", dir.path().to_str().unwrap()]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    // Standard error is a pipe here, as in a script or a log: no line redrawn in place.
    assert!(
        !stderr.contains('\r') && !stderr.contains("\u{1b}["),
        "{stderr:?}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Loaded 600 article(s)"));
}
