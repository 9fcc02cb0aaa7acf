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

#[test]
fn extract_offsets_count_characters_and_cover_the_name_without_its_title() {
    let article = "“Democracy will prevail,” Niger’s President Mohamed Bazoum tweeted on Wednesday. \
                The French embassy said President Bazoum was safe.";
    let input = serde_json::json!({"id": 7, "text": article, "published": "2023-07-27"});
    let out = dossier_with_input(&["extract"], &format!("{input}\n"));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON line");
    assert_eq!(doc["id"], 7);
    let chars: Vec<char> = article.chars().collect();
    let slice = |v: &serde_json::Value| -> String {
        let start = v["start"].as_u64().expect("start") as usize;
        let end = v["end"].as_u64().expect("end") as usize;
        chars[start..end].iter().collect()
    };
    for list in ["actors", "times", "quotes"] {
        for item in doc[list].as_array().expect("a list") {
            assert_eq!(
                slice(item),
                item["text"].as_str().expect("text"),
                "{list}: {item}"
            );
        }
    }
    let actors = doc["actors"].as_array().expect("actors");
    let bazoum: Vec<&serde_json::Value> = actors
        .iter()
        .filter(|a| a["actor"] == "Mohamed Bazoum")
        .collect();
    assert_eq!(bazoum.len(), 2, "{actors:?}");
    assert_eq!(bazoum[0]["text"], "Mohamed Bazoum");
    assert_eq!(
        bazoum[1]["text"], "Bazoum",
        "the title stays outside the span"
    );
    assert!(actors.iter().any(|a| a["text"] == "French"
        && a["form"] == "demonym"
        && a["actor"] == "France"
        && a["kind"] == "country"));
    let wednesday = &doc["times"][0];
    assert_eq!(
        (wednesday["value"].as_str(), wednesday["type"].as_str()),
        (Some("2023-07-26"), Some("DATE"))
    );
    assert_eq!(doc["quotes"][0]["text"], "Democracy will prevail,");
    assert_eq!(doc["quotes"][0]["speaker"], "Mohamed Bazoum");
}

#[test]
fn corrections_beside_the_corpus_apply_at_load_and_stale_ones_are_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, bytes) in dossier::sample::SAMPLE_FILES {
        std::fs::write(dir.path().join(name), bytes).expect("write sample");
    }
    std::fs::create_dir(dir.path().join(".dossier")).expect("mkdir");
    std::fs::write(
        dir.path().join(".dossier/actors.toml"),
        "[[correction]]\nrename = \"Wagner\"\nto = \"Wagner Group\"\n\n\
         [[correction]]\nhide = \"Twitter\"\n\n\
         [[correction]]\nmerge = \"Mustapha\"\ninto = \"Djibo\"\n\n\
         [[correction]]\nhide = \"Atlantis\"\n",
    )
    .expect("write corrections");
    let path = dir.path().to_str().expect("utf-8 path");
    let out = dossier(&["actors", path, "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let actors: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("JSON");
    let names: Vec<&str> = actors.iter().filter_map(|a| a["name"].as_str()).collect();
    assert!(
        names.contains(&"Wagner Group") && !names.contains(&"Wagner"),
        "{names:?}"
    );
    assert!(
        !names.contains(&"Twitter") && !names.contains(&"Mustapha"),
        "{names:?}"
    );
    let djibo = actors.iter().find(|a| a["name"] == "Djibo").expect("Djibo");
    assert_eq!(djibo["mentions"], 2, "{djibo}");
    let err = text(&out.stderr);
    assert!(
        err.contains("correction 4") && err.contains("Atlantis"),
        "{err}"
    );
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
}
