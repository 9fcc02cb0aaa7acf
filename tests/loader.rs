//! The loader end to end: every format from fixtures, every kind of bad input, the built-in
//! sample, determinism, and property tests that no input panics the loader.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use dossier::load::{LoadReport, MAX_FILE_BYTES, load_files, load_paths};
use dossier::model::{Article, Format};
use proptest::prelude::*;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/loader/good")
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn article<'a>(report: &'a LoadReport, key: &str) -> &'a Article {
    report
        .articles
        .iter()
        .find(|a| a.key == key)
        .unwrap_or_else(|| panic!("no article {key}; have {:?}", keys(report)))
}

fn keys(report: &LoadReport) -> Vec<&str> {
    report.articles.iter().map(|a| a.key.as_str()).collect()
}

/// The skip reason for the file named `name`, if it was skipped.
fn skip_reason<'a>(report: &'a LoadReport, name: &str) -> Option<&'a str> {
    report
        .skipped
        .iter()
        .find(|s| s.path.file_name().is_some_and(|n| n == name))
        .map(|s| s.reason.as_str())
}

/// The warnings about the file named `name`.
fn warnings_for<'a>(report: &'a LoadReport, name: &str) -> Vec<&'a str> {
    report
        .warnings
        .iter()
        .filter(|w| w.path.file_name().is_some_and(|n| n == name))
        .map(|w| w.message.as_str())
        .collect()
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn every_format_loads_from_fixtures_in_sorted_order() {
    let report = load_paths(&[fixtures()]);
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    // Files in path order, records in file order; ids are positions.
    assert_eq!(
        keys(&report),
        vec![
            "wire-1", "batch#2", "feed-a", "feed-b", "page", "plain", "single", "story"
        ]
    );
    for (i, a) in report.articles.iter().enumerate() {
        assert_eq!(a.id.index(), i);
    }
}

#[test]
fn plain_text_with_date_prefix() {
    let report = load_paths(&[fixtures().join("plain.txt")]);
    let a = article(&report, "plain");
    assert_eq!(a.origin.format, Format::Text);
    assert_eq!(a.date, date(2024, 3, 5));
    assert_eq!(a.title, None);
    assert!(a.body.starts_with("Troops were seen"), "{}", a.body);
    assert_eq!(a.paragraphs.len(), 2);
}

#[test]
fn markdown_front_matter_and_markup() {
    let report = load_paths(&[fixtures().join("story.md")]);
    let a = article(&report, "story");
    assert_eq!(a.origin.format, Format::Markdown);
    assert_eq!(a.title.as_deref(), Some("Junta names a new prime minister"));
    assert_eq!(a.date, date(2024, 3, 6));
    assert_eq!(a.outlet.as_deref(), Some("Sahel Daily"));
    assert_eq!(a.url.as_deref(), Some("https://example.org/junta-pm"));
    assert_eq!(a.author.as_deref(), Some("Amina Diallo"));
    assert!(
        a.body
            .starts_with("The military government named a civilian economist"),
        "{}",
        a.body
    );
    assert!(a.body.contains("according to state television."));
    assert!(a.body.contains("\n\nReactions\n\n"));
    assert!(a.body.contains("Regional leaders called"));
    assert!(
        a.body
            .contains("\"We will judge them by their acts,\" one diplomat said.")
    );
    for markup in ["**", "](", "![", "# ", "pm.jpg", "tags", "politics"] {
        assert!(!a.body.contains(markup), "{markup:?} in {}", a.body);
    }
}

#[test]
fn json_array_and_single_object() {
    let report = load_paths(&[
        fixtures().join("batch.json"),
        fixtures().join("single.json"),
    ]);
    let first = article(&report, "wire-1");
    assert_eq!(first.origin.format, Format::Json);
    assert_eq!(first.origin.record, Some(0));
    assert_eq!(first.title.as_deref(), Some("Borders reopen"));
    assert_eq!(first.outlet.as_deref(), Some("Wire"));
    assert_eq!(first.author.as_deref(), Some("Staff"));
    assert_eq!(first.url.as_deref(), Some("https://example.org/w1"));
    assert_eq!(first.date, date(2024, 3, 7));
    // No id: STEM#N; `body` stands for `text`; a date-time gives its date.
    let second = article(&report, "batch#2");
    assert_eq!(
        second.body,
        "Flights resumed at the main airport on Friday."
    );
    assert_eq!(second.date, date(2024, 3, 8));
    let single = article(&report, "single");
    assert_eq!(single.origin.record, None);
    assert_eq!(single.date, date(2024, 3, 9));
}

#[test]
fn json_lines() {
    let report = load_paths(&[fixtures().join("feed.jsonl")]);
    assert_eq!(keys(&report), vec!["feed-a", "feed-b"]);
    let b = article(&report, "feed-b");
    assert_eq!(b.origin.format, Format::Jsonl);
    assert_eq!(b.origin.record, Some(2));
    assert_eq!(b.body, "Schools reopened on Monday.");
    assert_eq!(b.date, date(2024, 3, 11));
}

#[test]
fn html_main_text_and_metadata() {
    let report = load_paths(&[fixtures().join("page.html")]);
    let a = article(&report, "page");
    assert_eq!(a.origin.format, Format::Html);
    assert_eq!(a.title.as_deref(), Some("Talks resume in the capital"));
    assert_eq!(a.outlet.as_deref(), Some("Example Times"));
    assert_eq!(a.date, date(2024, 3, 12));
    assert_eq!(a.url.as_deref(), Some("https://example.org/talks-resume"));
    assert_eq!(a.author.as_deref(), Some("Jean Martin"));
    let paragraphs: Vec<&str> = a.paragraphs.iter().map(|p| p.slice(&a.body)).collect();
    assert_eq!(
        paragraphs,
        vec![
            "Negotiators from the regional bloc arrived in the capital on Tuesday to resume talks with the military government.",
            "The talks are expected to last three days, officials said.",
            "“We are here to listen,” the lead negotiator told reporters.",
        ]
    );
    for furniture in [
        "World",
        "Africa",
        "analytics",
        "tracking",
        "font-family",
        "ad slot",
        "Delegates",
        "newsletter",
        "Related",
        "sanctions",
        "Reader comment",
        "All rights reserved",
    ] {
        assert!(!a.body.contains(furniture), "{furniture:?} in {}", a.body);
    }
}

#[test]
fn title_element_is_used_without_og_title_and_site_suffix_dropped() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "t.htm",
        r#"<html><head><title>Aid flights suspended – Daily Post</title><meta property="og:site_name" content="Daily Post"></head><body><main><p>Aid flights were suspended.</p></main></body></html>"#,
    );
    let report = load_paths(&[dir.path().to_path_buf()]);
    let a = article(&report, "t");
    assert_eq!(a.title.as_deref(), Some("Aid flights suspended"));
    assert_eq!(a.body, "Aid flights were suspended.");
}

#[test]
fn binary_non_utf8_empty_and_bom() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0");
    write(d, "latin1.txt", b"Le caf\xe9 de Niamey est ferm\xe9.");
    write(d, "empty.md", b"");
    write(d, "blank.txt", b"  \n\t \r\n");
    write(
        d,
        "bom.txt",
        b"\xEF\xBB\xBFdate 2023-07-27 Text after a BOM.",
    );
    let report = load_paths(&[d.to_path_buf()]);
    assert_eq!(
        skip_reason(&report, "image.txt"),
        Some("binary file, not text")
    );
    assert_eq!(skip_reason(&report, "empty.md"), Some("empty file"));
    assert_eq!(skip_reason(&report, "blank.txt"), Some("empty file"));
    let latin = article(&report, "latin1");
    assert_eq!(latin.body, "Le café de Niamey est fermé.");
    let w = warnings_for(&report, "latin1.txt");
    assert!(w.len() == 1 && w[0].starts_with("not valid UTF-8"), "{w:?}");
    let bom = article(&report, "bom");
    assert_eq!(bom.date, date(2023, 7, 27));
    assert_eq!(bom.body, "Text after a BOM.");
}

#[test]
fn a_legacy_html_page_is_read_in_its_declared_character_set_and_its_names_are_found() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "abidjan.html",
        b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">\
          <title>Rappel</title></head><body><main><p>La C\xF4te d\x92Ivoire a rappel\xE9 son \
          ambassadeur \xE0 Niamey.</p></main></body></html>",
    );
    let report = load_paths(&[dir.path().to_path_buf()]);
    let a = article(&report, "abidjan");
    assert_eq!(
        a.body,
        "La Côte d’Ivoire a rappelé son ambassadeur à Niamey."
    );
    let w = warnings_for(&report, "abidjan.html");
    assert!(w.len() == 1 && w[0].contains("windows-1252"), "{w:?}");
    let corpus = dossier::pipeline::analyze(report.articles);
    let names: Vec<&str> = corpus.actors.iter().map(|a| a.name.as_str()).collect();
    // The country is found under its gazetteer name (replacement characters hid it).
    assert!(names.contains(&"Ivory Coast"), "{names:?}");
}

#[test]
fn unreadable_file_is_skipped_with_the_os_reason() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "locked.txt", "Secret article.");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    write(dir.path(), "open.txt", "Open article.");
    let report = load_paths(&[dir.path().to_path_buf()]);
    assert!(report.articles.iter().any(|a| a.key == "open"));
    if fs::read(&path).is_ok() {
        // Running as root: permissions do not stop reading, so there is nothing to assert.
        eprintln!("skipping the unreadable-file assertion: this user can read mode 000 files");
        return;
    }
    let reason = skip_reason(&report, "locked.txt").expect("locked.txt skipped");
    assert!(reason.starts_with("cannot read file:"), "{reason}");
    assert!(reason.contains("ermission denied"), "{reason}");
}

#[test]
fn file_over_the_size_limit_is_skipped_with_its_size() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    let file = fs::File::create(&path).unwrap();
    // A sparse file: the size check must happen before reading.
    file.set_len(MAX_FILE_BYTES + 1024 * 1024).unwrap();
    write(dir.path(), "small.txt", "A small article.");
    let report = load_paths(&[dir.path().to_path_buf()]);
    assert_eq!(keys(&report), vec!["small"]);
    let reason = skip_reason(&report, "huge.txt").unwrap();
    assert!(
        reason.contains("17.0 MiB") && reason.contains("16 MiB"),
        "{reason}"
    );
    // In memory, too.
    let report = load_files(vec![(
        PathBuf::from("big.txt"),
        vec![b'a'; MAX_FILE_BYTES as usize + 1],
    )]);
    assert!(
        skip_reason(&report, "big.txt")
            .unwrap()
            .starts_with("file too large")
    );
}

#[test]
fn malformed_json_reports_line_and_column_and_jsonl_keeps_good_lines() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "broken.json",
        "[\n  {\"text\": \"A.\"},\n  {\"text\": \"B.\",}\n]\n",
    );
    write(
        d,
        "mixed.jsonl",
        "{\"id\": \"m1\", \"text\": \"One.\"}\n{\"id\": \"m2\", \"text\": \n{\"id\": \"m3\", \"title\": \"no text\"}\n{\"id\": \"m4\", \"text\": \"Four.\"}\n",
    );
    write(d, "allbad.jsonl", "{oops\nnot json\n");
    let report = load_paths(&[d.to_path_buf()]);
    let reason = skip_reason(&report, "broken.json").unwrap();
    assert!(
        reason.starts_with("malformed JSON at line 3, column "),
        "{reason}"
    );
    assert_eq!(keys(&report), vec!["m1", "m4"]);
    let w = warnings_for(&report, "mixed.jsonl");
    assert_eq!(w.len(), 2, "{w:?}");
    assert!(w[0].starts_with("line 2: malformed JSON"), "{w:?}");
    assert!(w[1].starts_with("line 3: no text"), "{w:?}");
    let reason = skip_reason(&report, "allbad.jsonl").unwrap();
    assert!(reason.contains("line 1: malformed JSON"), "{reason}");
    assert_eq!(warnings_for(&report, "allbad.jsonl").len(), 2);
}

#[test]
fn duplicate_ids_are_made_unique_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "a.jsonl",
        "{\"id\": \"x\", \"text\": \"First.\"}\n{\"id\": \"x\", \"text\": \"Second.\"}\n",
    );
    write(d, "b/x.txt", "Third.");
    let report = load_paths(&[d.to_path_buf()]);
    assert_eq!(keys(&report), vec!["x", "x~2", "x~3"]);
    assert_eq!(article(&report, "x~3").body, "Third.");
    assert!(
        warnings_for(&report, "a.jsonl")
            .contains(&"line 2: duplicate id \"x\"; renamed to \"x~2\"")
    );
    assert!(warnings_for(&report, "x.txt").contains(&"duplicate id \"x\"; renamed to \"x~3\""));
}

#[test]
fn symlink_loop_is_reported_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "sub/story.txt", "A story.");
    std::os::unix::fs::symlink(d, d.join("sub/loop")).unwrap();
    std::os::unix::fs::symlink(d.join("nowhere.txt"), d.join("dangling.txt")).unwrap();
    let report = load_paths(&[d.to_path_buf()]);
    assert_eq!(keys(&report), vec!["story"]);
    let reason = skip_reason(&report, "loop").expect("loop reported");
    assert!(reason.starts_with("symbolic link loop"), "{reason}");
    assert_eq!(
        skip_reason(&report, "dangling.txt"),
        Some("broken symbolic link")
    );
}

#[test]
fn impossible_and_foreign_dates_warn_and_load_undated() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "feb.txt", "date 2023-02-30 The article still loads.");
    write(d, "words.md", "---\ndate: last Tuesday\n---\nBody.");
    write(
        d,
        "rec.json",
        "[{\"id\": \"r\", \"date\": \"2023-13-01\", \"text\": \"T.\"}]",
    );
    let report = load_paths(&[d.to_path_buf()]);
    assert_eq!(keys(&report), vec!["feb", "r", "words"]);
    assert!(report.articles.iter().all(|a| a.date.is_none()));
    assert_eq!(article(&report, "feb").body, "The article still loads.");
    assert_eq!(
        warnings_for(&report, "feb.txt"),
        vec!["impossible date \"2023-02-30\"; loaded undated"]
    );
    assert!(
        warnings_for(&report, "words.md")[0].starts_with("line 2: \"last Tuesday\" is not a date")
    );
    assert!(warnings_for(&report, "rec.json")[0].starts_with("record 1: impossible date"));
}

#[test]
fn missing_paths_unsupported_types_and_hidden_entries() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "photo.png", b"\x89PNG");
    write(d, "README", "notes");
    write(d, ".hidden.txt", "Hidden article.");
    write(d, ".git/HEAD.txt", "Hidden folder.");
    write(d, "Story.TXT", "Upper-case extension.");
    let explicit = write(d, "notes", "A file named explicitly without extension.");
    let missing = d.join("missing.txt");
    let report = load_paths(&[d.to_path_buf(), missing.clone(), explicit.clone()]);
    assert_eq!(keys(&report), vec!["Story", "notes"]);
    assert_eq!(
        skip_reason(&report, "photo.png").map(|r| r.starts_with("unsupported file type (.png)")),
        Some(true)
    );
    assert!(
        skip_reason(&report, "README")
            .unwrap()
            .starts_with("no file extension")
    );
    assert_eq!(
        skip_reason(&report, "missing.txt"),
        Some("no such file or folder")
    );
    assert!(skip_reason(&report, ".hidden.txt").is_none());
    assert!(skip_reason(&report, "HEAD.txt").is_none());
    // A hidden file named explicitly is loaded.
    let report = load_paths(&[d.join(".hidden.txt")]);
    assert_eq!(keys(&report), vec![".hidden"]);
}

#[test]
fn the_built_in_sample_loads_four_dated_articles() {
    let report = dossier::sample::load_sample();
    assert!(report.skipped.is_empty() && report.warnings.is_empty());
    assert_eq!(
        keys(&report),
        vec![
            "000_f16b3598ed5d47d9",
            "001_060abe526bb78158",
            "002_eed0d9b0ce39977c",
            "004_f0500d7e2cbed4d9"
        ]
    );
    let dates: Vec<Option<NaiveDate>> = report.articles.iter().map(|a| a.date).collect();
    assert_eq!(
        dates,
        vec![
            None,
            date(2023, 7, 27),
            date(2023, 7, 27),
            date(2023, 7, 28)
        ]
    );
    for a in &report.articles {
        assert!(!a.body.trim_start().starts_with("date "), "{}", a.key);
        assert!(!a.sentences.is_empty());
    }
}

#[test]
fn the_sample_on_disk_loads_like_the_embedded_one() {
    let on_disk = load_paths(&[Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample")]);
    let embedded = dossier::sample::load_sample();
    assert_eq!(keys(&on_disk), keys(&embedded));
    for (a, b) in on_disk.articles.iter().zip(&embedded.articles) {
        assert_eq!(a.body, b.body);
        assert_eq!(a.date, b.date);
    }
}

#[test]
fn loading_is_identical_from_run_to_run() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..40 {
        write(dir.path(), &format!("f{i:02}.txt"), format!("Article {i}."));
        write(
            dir.path(),
            &format!("d{i:02}.jsonl"),
            format!("{{\"id\": \"dup\", \"text\": \"Record {i}.\"}}\n"),
        );
    }
    let summary = |r: &LoadReport| -> Vec<(String, String)> {
        r.articles
            .iter()
            .map(|a| (a.key.clone(), a.body.clone()))
            .collect()
    };
    let first = load_paths(&[dir.path().to_path_buf()]);
    assert_eq!(first.articles.len(), 80);
    assert_eq!(first.articles[1].key, "dup~2");
    assert_eq!(first.articles[1].body, "Record 1.");
    for _ in 0..3 {
        let again = load_paths(&[dir.path().to_path_buf()]);
        assert_eq!(summary(&again), summary(&first));
        assert_eq!(again.warnings, first.warnings);
    }
}

const EXTENSIONS: [&str; 7] = ["txt", "md", "markdown", "json", "jsonl", "html", "htm"];

/// Any JSON value, nested a few levels.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(serde_json::Value::from),
        ".{0,40}".prop_map(serde_json::Value::from),
        prop_oneof![
            Just("2023-02-30"),
            Just("2023-07-27"),
            Just("2023-07-27T10:00:00Z")
        ]
        .prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        let key = prop_oneof![
            Just("id".to_string()),
            Just("text".to_string()),
            Just("body".to_string()),
            Just("date".to_string()),
            Just("title".to_string()),
            Just("author".to_string()),
            Just("source".to_string()),
            "[a-z]{1,6}".prop_map(String::from),
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::btree_map(key, inner, 0..6)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048), ext in 0..EXTENSIONS.len()) {
        let name = format!("f.{}", EXTENSIONS[ext]);
        let report = load_files(vec![(PathBuf::from(name), bytes)]);
        prop_assert!(report.articles.len() + report.skipped.len() >= 1);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "(date |---\n|<p>|# |\\[|\\]\\(|\\*|_|\\{|\"text\": |\n|.){0,200}", ext in 0..EXTENSIONS.len()) {
        let name = format!("f.{}", EXTENSIONS[ext]);
        let report = load_files(vec![(PathBuf::from(name), text.into_bytes())]);
        for a in &report.articles {
            prop_assert!(!a.body.trim().is_empty());
        }
    }

    #[test]
    fn arbitrary_json_never_panics(values in prop::collection::vec(json_value(), 1..4)) {
        let json = serde_json::to_string(&values[0]).unwrap();
        let lines: Vec<String> = values.iter().map(|v| serde_json::to_string(v).unwrap()).collect();
        let report = load_files(vec![
            (PathBuf::from("a.json"), json.into_bytes()),
            (PathBuf::from("b.jsonl"), lines.join("\n").into_bytes()),
        ]);
        // Every file either gave an article or was skipped with a reason.
        for file in ["a.json", "b.jsonl"] {
            let loaded = report.articles.iter().any(|a| a.origin.path == Path::new(file));
            let skipped = report.skipped.iter().any(|s| s.path == Path::new(file));
            prop_assert!(loaded != skipped, "{file}: loaded {loaded}, skipped {skipped}");
        }
    }
}

#[test]
fn reported_paths_are_utf8_and_free_of_control_characters() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let name = std::ffi::OsStr::from_bytes(b"bad\xff\x1b[31mred.png");
    fs::write(dir.path().join(name), b"x").unwrap();
    let report = load_paths(&[dir.path().to_path_buf()]);
    assert_eq!(report.skipped.len(), 1);
    let shown = report.skipped[0].path.to_str().expect("valid UTF-8");
    assert!(!shown.chars().any(char::is_control), "{shown:?}");
    assert!(serde_json::to_string(&report.skipped).is_ok());
    // Text quoted from a file in a message is sanitised as well.
    let report = load_files(vec![(
        PathBuf::from("x.md"),
        b"---\ndate: \x1b[2J\n---\nBody.".to_vec(),
    )]);
    let message = &report.warnings[0].message;
    assert!(message.contains("is not a date"), "{message}");
    assert!(!message.chars().any(char::is_control), "{message:?}");
}

#[test]
fn every_supported_extension_picks_its_parser() {
    let files = vec![
        (
            PathBuf::from("a.markdown"),
            b"---\ntitle: A\n---\n**Bold** text.".to_vec(),
        ),
        (
            PathBuf::from("b.ndjson"),
            b"{\"id\": \"b\", \"text\": \"B.\"}".to_vec(),
        ),
        (
            PathBuf::from("c.HTM"),
            b"<p>C.</p><script>x()</script>".to_vec(),
        ),
        (PathBuf::from("d"), b"date 2023-07-27 D.".to_vec()),
    ];
    let report = load_files(files);
    let formats: Vec<(&str, Format)> = report
        .articles
        .iter()
        .map(|a| (a.key.as_str(), a.origin.format))
        .collect();
    assert_eq!(
        formats,
        vec![
            ("a", Format::Markdown),
            ("b", Format::Jsonl),
            ("c", Format::Html),
            ("d", Format::Text)
        ]
    );
    let bodies: Vec<&str> = report.articles.iter().map(|a| a.body.as_str()).collect();
    assert_eq!(bodies, vec!["Bold text.", "B.", "C.", "D."]);
}
