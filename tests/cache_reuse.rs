//! A changed corpus reuses what the cache holds for the files that did not change (their
//! articles and time expressions) and still gives exactly what a fresh load and analysis
//! gives: the same corpus, the same skipped files and warnings, keys made unique as if every
//! file had been read.

use std::path::{Path, PathBuf};
use std::process::Command;

use dossier::cache::{CacheOutcome, Locations, Opened, open_at};

/// Everything an opening shows: the corpus and the load report's problems, as JSON.
fn shown(
    corpus: &dossier::model::Corpus,
    skipped: &[impl serde::Serialize],
    warnings: &[impl serde::Serialize],
) -> String {
    serde_json::to_string(&(corpus, skipped, warnings)).expect("serialises")
}

fn fresh(paths: &[PathBuf]) -> String {
    let report = dossier::load::load_paths(paths);
    let corpus = dossier::pipeline::analyze(report.articles);
    shown(&corpus, &report.skipped, &report.warnings)
}

fn open(paths: &[PathBuf], user: &Path) -> Opened {
    open_at(paths, &Locations::with_user_root(paths, Some(user)))
}

fn shown_opened(opened: &Opened) -> String {
    shown(&opened.corpus, &opened.skipped, &opened.warnings)
}

/// A corpus in every way a file can load: plain text (synthetic news), a JSON Lines file with
/// several records (one of them emptied by cleaning, one with a bad date), a Markdown file, a
/// file whose key another file also gives, and a file that cannot load.
fn write_corpus(dir: &Path) {
    for (name, bytes) in dossier::synth::text_files(12, 21) {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    std::fs::write(
        dir.join("wire.jsonl"),
        concat!(
            r#"{"id":"w1","title":"Talks","date":"2023-08-02","text":"The minister said on Monday that talks would resume in March."}"#,
            "\n",
            r#"{"id":"w2","title":"Empty","text":"Advertisement"}"#,
            "\n",
            r#"{"id":"shared","date":"not a date","text":"Officials in Abuja met on 3 May 2023 to discuss the border."}"#,
            "\n",
        ),
    )
    .unwrap();
    std::fs::write(
        dir.join("note.md"),
        "---\ntitle: Note\ndate: 2023-07-30\n---\n\nThe delegation left Niamey for Abuja yesterday.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("shared.txt"),
        "date 2023-07-28\nThe general spoke on state television on Thursday.\n",
    )
    .unwrap();
    std::fs::write(dir.join("broken.json"), "{ not json").unwrap();
}

/// A folder holding [`write_corpus`]'s files, a user cache folder, and the paths to open.
fn written_corpus() -> (tempfile::TempDir, tempfile::TempDir, Vec<PathBuf>) {
    let corpus = tempfile::tempdir().unwrap();
    let user = tempfile::tempdir().unwrap();
    write_corpus(corpus.path());
    let paths = vec![corpus.path().to_path_buf()];
    (corpus, user, paths)
}

#[test]
fn a_changed_corpus_reuses_unchanged_files_and_equals_a_fresh_analysis() {
    let (corpus, user, paths) = written_corpus();
    let first = open(&paths, user.path());
    assert_eq!(first.outcome, CacheOutcome::Miss);
    assert_eq!(first.reused_files, 0);
    assert_eq!(shown_opened(&first), fresh(&paths));
    let warned = |what: &str| first.warnings.iter().any(|w| w.message.contains(what));
    assert!(
        warned("record skipped") && warned("date"),
        "{:?}",
        first.warnings
    );
    assert!(warned("duplicate id"), "{:?}", first.warnings);
    assert_eq!(first.skipped.len(), 1, "{:?}", first.skipped);
    let files = std::fs::read_dir(corpus.path())
        .unwrap()
        .filter(|e| e.as_ref().unwrap().file_type().unwrap().is_file())
        .count();

    // One file edited, one removed, one added.
    let texts: Vec<PathBuf> = {
        let mut t: Vec<PathBuf> = std::fs::read_dir(corpus.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt") && !p.ends_with("shared.txt"))
            .collect();
        t.sort();
        t
    };
    std::fs::write(
        &texts[2],
        "date 2023-08-01\nThe ambassador said on Friday that the embassy would close.\n",
    )
    .unwrap();
    std::fs::remove_file(&texts[5]).unwrap();
    std::fs::write(
        corpus.path().join("added.txt"),
        "date 2023-08-03\nOn Tuesday the council met in Addis Ababa.\n",
    )
    .unwrap();
    let changed = open(&paths, user.path());
    assert!(matches!(changed.outcome, CacheOutcome::Rebuilt(_)));
    // Every file but the edited, removed and added ones; the broken file's skip is reused too.
    assert_eq!(changed.reused_files, files - 2);
    assert_eq!(shown_opened(&changed), fresh(&paths));

    let again = open(&paths, user.path());
    assert_eq!(again.outcome, CacheOutcome::Hit);
    assert_eq!(shown_opened(&again), fresh(&paths));
}

#[test]
fn keys_are_made_unique_again_when_the_file_that_took_a_key_goes() {
    let (corpus, user, paths) = written_corpus();
    let key_of_wire_record = |opened: &Opened| {
        opened
            .corpus
            .articles
            .iter()
            .find(|a| a.origin.path.ends_with("wire.jsonl") && a.origin.record == Some(3))
            .map(|a| a.key.clone())
    };
    // `shared.txt` comes before `wire.jsonl`: the text file keeps the key, the record is renamed.
    let first = open(&paths, user.path());
    assert_eq!(key_of_wire_record(&first).as_deref(), Some("shared~2"));

    std::fs::remove_file(corpus.path().join("shared.txt")).unwrap();
    let without = open(&paths, user.path());
    assert!(without.reused_files > 0);
    assert_eq!(key_of_wire_record(&without).as_deref(), Some("shared"));
    assert_eq!(shown_opened(&without), fresh(&paths));

    std::fs::write(
        corpus.path().join("shared.txt"),
        "date 2023-07-28\nThe general spoke on state television on Thursday.\n",
    )
    .unwrap();
    let back = open(&paths, user.path());
    assert!(back.reused_files > 0);
    assert_eq!(key_of_wire_record(&back).as_deref(), Some("shared~2"));
    assert_eq!(shown_opened(&back), fresh(&paths));
}

#[test]
fn a_damaged_cache_of_a_changed_corpus_gives_the_fresh_result() {
    let (corpus, user, paths) = written_corpus();
    open(&paths, user.path());
    let cache = corpus.path().join(".dossier").join("cache");
    let good = std::fs::read(&cache).unwrap();
    std::fs::write(
        corpus.path().join("added.txt"),
        "date 2023-08-03\nOn Tuesday the council met in Addis Ababa.\n",
    )
    .unwrap();
    let expected = fresh(&paths);
    // A byte flipped at many places: whichever section it hits, the result is the fresh one.
    for at in (48..good.len()).step_by(good.len() / 17 + 1) {
        let mut damaged = good.clone();
        damaged[at] ^= 0x5a;
        std::fs::write(&cache, &damaged).unwrap();
        let opened = open(&paths, user.path());
        assert!(
            matches!(opened.outcome, CacheOutcome::Rebuilt(_)),
            "byte {at}"
        );
        assert_eq!(shown_opened(&opened), expected, "byte {at}");
    }
}

#[test]
fn check_stats_says_how_many_files_were_reused() {
    let corpus = tempfile::tempdir().unwrap();
    let user = tempfile::tempdir().unwrap();
    write_corpus(corpus.path());
    let check = |json: bool| {
        let output = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .arg("check")
            .arg("--stats")
            .args(json.then_some("--json"))
            .arg(corpus.path())
            .env("XDG_CACHE_HOME", user.path())
            .output()
            .expect("dossier runs");
        String::from_utf8(output.stdout).unwrap()
    };
    let first: serde_json::Value = serde_json::from_str(&check(true)).unwrap();
    assert_eq!(first["stats"]["cache_reused_files"], 0);
    std::fs::write(
        corpus.path().join("added.txt"),
        "date 2023-08-03\nOn Tuesday the council met in Addis Ababa.\n",
    )
    .unwrap();
    let human = check(false);
    assert!(
        human.contains("reused: 16 unchanged file(s) not read again"),
        "{human}"
    );
}

/// The files a property test plays with: a name each, and the contents it may hold (several
/// give keys that collide with other files' keys, one is all page furniture, one is not valid).
const FILES: [(&str, &[&str]); 6] = [
    (
        "a.txt",
        &[
            "date 2023-07-26\nOn Wednesday the guard detained President Mohamed Bazoum in Niamey.\n",
            "date 2023-07-27\nGeneral Abdourahamane Tchiani said on Friday that he led the council.\n",
            "Advertisement\n",
        ],
    ),
    (
        "b.txt",
        &[
            "date 2023-08-02\nThe Economic Community of West African States met in Abuja on Sunday.\n",
            "date 2023-07-26\nOn Wednesday the guard detained President Mohamed Bazoum in Niamey.\n",
        ],
    ),
    (
        "c.jsonl",
        &[
            concat!(
                r#"{"id":"a","date":"2023-08-03","text":"France said on Thursday it would not leave."}"#,
                "\n",
                r#"{"id":"b","text":"Subscribe to our newsletter"}"#,
                "\n",
                r#"{"id":"c2","date":"bad","text":"The junta closed the border with Benin on Monday."}"#,
                "\n",
            ),
            r#"{"id":"b","date":"2023-08-05","text":"Nigeria cut electricity supplies to Niger last week."}"#,
        ],
    ),
    (
        "d.md",
        &[
            "---\nid: a\ndate: 2023-07-30\n---\n\nThe delegation left Niamey for Abuja yesterday.\n",
            "---\ntitle: Note\n---\n\nMali and Burkina Faso warned against any intervention.\n",
        ],
    ),
    (
        "e.json",
        &[
            "{ not json",
            r#"{"id":"e","text":"Russia urged restraint on Tuesday."}"#,
        ],
    ),
    (
        "shared.txt",
        &[
            "date 2023-07-28\nThe general spoke on state television on Thursday.\n",
            "",
        ],
    ),
];

/// One change to the corpus folder.
#[derive(Debug, Clone)]
enum Change {
    /// File `.0` holds its content `.1` (modulo how many it has).
    Write(usize, usize),
    /// File `.0` is removed.
    Remove(usize),
    /// File `.0` gets a new modification time, its content unchanged.
    Touch(usize),
}

fn apply(dir: &Path, change: &Change, clock: &mut u64) {
    let path_of = |i: usize| dir.join(FILES[i % FILES.len()].0);
    match *change {
        Change::Write(i, c) => {
            let contents = FILES[i % FILES.len()].1;
            std::fs::write(path_of(i), contents[c % contents.len()]).unwrap();
        }
        Change::Remove(i) => {
            let _ = std::fs::remove_file(path_of(i));
        }
        Change::Touch(i) => {
            if let Ok(file) = std::fs::File::options().write(true).open(path_of(i)) {
                *clock += 10;
                let when = std::time::UNIX_EPOCH + std::time::Duration::from_secs(*clock);
                file.set_modified(when).unwrap();
            }
        }
    }
}

fn change() -> impl proptest::strategy::Strategy<Value = Change> {
    use proptest::prelude::*;
    prop_oneof![
        3 => (0..FILES.len(), 0..3usize).prop_map(|(i, c)| Change::Write(i, c)),
        1 => (0..FILES.len()).prop_map(Change::Remove),
        1 => (0..FILES.len()).prop_map(Change::Touch),
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]

    /// After any sequence of edits, removals and touches, opening through the cache (which
    /// reuses what it holds for the files that did not change) shows exactly what a fresh load
    /// and analysis shows, and opening again without a change is a hit.
    #[test]
    fn any_sequence_of_changes_gives_the_fresh_result(
        first in proptest::collection::vec(change(), 1..6),
        then in proptest::collection::vec(proptest::collection::vec(change(), 1..3), 1..4),
    ) {
        let corpus = tempfile::tempdir().unwrap();
        let user = tempfile::tempdir().unwrap();
        let dir = corpus.path();
        let paths = vec![dir.to_path_buf()];
        let mut clock = 1_600_000_000;
        // Every file starts with its first content.
        for i in 0..FILES.len() {
            apply(dir, &Change::Write(i, 0), &mut clock);
        }
        for change in &first {
            apply(dir, change, &mut clock);
        }
        let opened = open(&paths, user.path());
        proptest::prop_assert_eq!(shown_opened(&opened), fresh(&paths));
        for changes in &then {
            for change in changes {
                apply(dir, change, &mut clock);
            }
            let opened = open(&paths, user.path());
            proptest::prop_assert_eq!(shown_opened(&opened), fresh(&paths), "after {:?}", changes);
            if !opened.corpus.articles.is_empty() {
                let again = open(&paths, user.path());
                proptest::prop_assert_eq!(again.outcome, CacheOutcome::Hit);
            }
        }
    }
}
