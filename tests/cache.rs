//! The model cache: a second opening of an unchanged corpus comes from the cache and gives the
//! same corpus; any change, damage or foreign file means a fresh analysis with the right result.

use std::path::{Path, PathBuf};
use std::process::Command;

use dossier::cache::{CacheOutcome, Locations, Opened, open_at};

/// Writes `n` synthetic articles into `dir` as plain-text files; returns their paths, sorted.
fn write_articles(dir: &Path, n: usize, seed: u64) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = dossier::synth::text_files(n, seed)
        .into_iter()
        .map(|(name, bytes)| {
            let path = dir.join(name);
            std::fs::write(&path, bytes).expect("a temp file is writable");
            path
        })
        .collect();
    paths.sort();
    paths
}

fn json(corpus: &dossier::model::Corpus) -> String {
    serde_json::to_string(corpus).expect("the corpus serialises")
}

/// The corpus as a fresh load and analysis gives it, without any cache.
fn fresh(paths: &[PathBuf]) -> String {
    json(&dossier::pipeline::analyze(
        dossier::load::load_paths(paths).articles,
    ))
}

fn locations(paths: &[PathBuf], user: &Path) -> Locations {
    Locations::with_user_root(paths, Some(user))
}

fn open(paths: &[PathBuf], user: &Path) -> Opened {
    open_at(paths, &locations(paths, user))
}

#[test]
fn a_second_opening_comes_from_the_cache_and_equals_a_fresh_analysis() {
    let corpus = tempfile::tempdir().unwrap();
    let user = tempfile::tempdir().unwrap();
    let paths = write_articles(corpus.path(), 40, 3);

    let first = open(&paths, user.path());
    assert_eq!(first.outcome, CacheOutcome::Miss);
    assert_eq!(first.corpus.articles.len(), 40);
    let beside = corpus.path().join(".dossier").join("cache");
    assert_eq!(first.location.as_deref(), Some(beside.as_path()));
    assert!(beside.is_file());

    let second = open(&paths, user.path());
    assert_eq!(second.outcome, CacheOutcome::Hit);
    assert_eq!(second.location.as_deref(), Some(beside.as_path()));
    assert_eq!(json(&second.corpus), json(&first.corpus));
    assert_eq!(json(&second.corpus), fresh(&paths));
    assert!(
        std::fs::read_dir(user.path()).unwrap().next().is_none(),
        "nothing written to the user's cache folder when the corpus folder is writable"
    );
}

#[test]
fn load_problems_are_reported_on_a_hit_as_on_the_first_load() {
    let corpus = tempfile::tempdir().unwrap();
    let user = tempfile::tempdir().unwrap();
    let mut paths = write_articles(corpus.path(), 5, 4);
    std::fs::write(corpus.path().join("scan.pdf"), b"%PDF-1.4").unwrap();
    paths.push(corpus.path().join("scan.pdf"));
    paths.push(corpus.path().join("missing.txt"));

    let first = open(&paths, user.path());
    let second = open(&paths, user.path());
    assert_eq!(second.outcome, CacheOutcome::Hit);
    assert_eq!(second.skipped, first.skipped);
    assert_eq!(second.warnings, first.warnings);
}

#[test]
fn changing_or_touching_one_file_re_extracts() {
    let corpus = tempfile::tempdir().unwrap();
    let user = tempfile::tempdir().unwrap();
    let paths = write_articles(corpus.path(), 30, 5);
    open(&paths, user.path());

    // New content, as an editor would save it.
    let replacement = dossier::synth::text_files(31, 99)
        .pop()
        .map(|(_, bytes)| bytes)
        .unwrap();
    std::fs::write(&paths[7], &replacement).unwrap();
    let changed = open(&paths, user.path());
    assert!(matches!(changed.outcome, CacheOutcome::Rebuilt(_)));
    assert_eq!(json(&changed.corpus), fresh(&paths));
    assert_eq!(open(&paths, user.path()).outcome, CacheOutcome::Hit);

    // Same content, newer modification time.
    let file = std::fs::File::options()
        .write(true)
        .open(&paths[3])
        .unwrap();
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(60);
    file.set_modified(later).unwrap();
    drop(file);
    assert!(matches!(
        open(&paths, user.path()).outcome,
        CacheOutcome::Rebuilt(_)
    ));

    // A file added to the corpus.
    let mut more = paths.clone();
    let extra = corpus.path().join("zz-extra.txt");
    std::fs::write(&extra, &replacement).unwrap();
    more.push(extra);
    let grown = open(&more, user.path());
    assert!(matches!(grown.outcome, CacheOutcome::Rebuilt(_)));
    assert_eq!(grown.corpus.articles.len(), 31);
    assert_eq!(json(&grown.corpus), fresh(&more));
}

#[test]
fn a_reopening_reads_no_article_file_that_has_settled() {
    let corpus = tempfile::tempdir().unwrap();
    let user = tempfile::tempdir().unwrap();
    let paths = write_articles(corpus.path(), 12, 8);
    // Files written an hour ago, as a real corpus's are: their stored stamps are trusted.
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for path in &paths {
        let file = std::fs::File::options().write(true).open(path).unwrap();
        file.set_modified(hour_ago).unwrap();
    }
    let first = open(&paths, user.path());
    let (key, _) = first.fingerprint.unwrap();
    assert_eq!((key.files, key.hashed_files), (12, 12));

    let again = open(&paths, user.path());
    assert_eq!(again.outcome, CacheOutcome::Hit);
    let (key, _) = again.fingerprint.unwrap();
    assert_eq!((key.files, key.hashed_files, key.hashed_bytes), (12, 0, 0));
    assert_eq!(json(&again.corpus), fresh(&paths));

    // An edit is seen (new size and time), and only that file is read.
    std::fs::write(&paths[4], "Edited. The minister resigned on Monday.").unwrap();
    let edited = open(&paths, user.path());
    assert!(matches!(edited.outcome, CacheOutcome::Rebuilt(_)));
    assert_eq!(edited.fingerprint.unwrap().0.hashed_files, 1);
    assert_eq!(json(&edited.corpus), fresh(&paths));
}

#[test]
fn a_damaged_or_foreign_cache_is_ignored_and_rebuilt() {
    let corpus = tempfile::tempdir().unwrap();
    let user = tempfile::tempdir().unwrap();
    let paths = write_articles(corpus.path(), 20, 6);
    let expected = fresh(&paths);
    open(&paths, user.path());
    let cache = corpus.path().join(".dossier").join("cache");
    let good = std::fs::read(&cache).unwrap();

    let mut other_version = good.clone();
    other_version[8] = other_version[8].wrapping_add(1);
    let mut wrong_magic = good.clone();
    wrong_magic[..8].copy_from_slice(b"NOTMINE!");
    let mut flipped = good.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0xff;
    let noise: Vec<u8> = (0..good.len() as u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 11) as u8)
        .collect();
    let damages: [(&str, Vec<u8>); 6] = [
        ("empty", Vec::new()),
        ("truncated", good[..good.len() / 3].to_vec()),
        ("random bytes", noise),
        ("wrong magic", wrong_magic),
        ("other version", other_version),
        ("flipped byte", flipped),
    ];
    for (what, bytes) in damages {
        std::fs::write(&cache, &bytes).unwrap();
        let opened = open(&paths, user.path());
        assert!(
            matches!(opened.outcome, CacheOutcome::Rebuilt(_)),
            "{what}: {:?}",
            opened.outcome
        );
        assert_eq!(json(&opened.corpus), expected, "{what}");
        assert_eq!(
            open(&paths, user.path()).outcome,
            CacheOutcome::Hit,
            "{what}: the rebuilt cache is used next time"
        );
    }
}

#[test]
fn an_unwritable_corpus_folder_falls_back_to_the_user_cache_folder() {
    let corpus = tempfile::tempdir().unwrap();
    let user = tempfile::tempdir().unwrap();
    let paths = write_articles(corpus.path(), 10, 7);
    // A file where the `.dossier` folder would go: the cache cannot be written beside the
    // corpus, even by root.
    std::fs::write(corpus.path().join(".dossier"), b"in the way").unwrap();

    let first = open(&paths, user.path());
    assert_eq!(first.outcome, CacheOutcome::Miss);
    let location = first.location.clone().expect("written somewhere");
    assert!(location.starts_with(user.path()), "{}", location.display());
    let second = open(&paths, user.path());
    assert_eq!(second.outcome, CacheOutcome::Hit);
    assert_eq!(second.location, Some(location));
    assert_eq!(json(&second.corpus), fresh(&paths));
}

#[cfg(unix)]
#[test]
fn a_read_only_corpus_folder_falls_back_to_the_user_cache_folder() {
    use std::os::unix::fs::PermissionsExt;
    let corpus = tempfile::tempdir().unwrap();
    let user = tempfile::tempdir().unwrap();
    let paths = write_articles(corpus.path(), 10, 8);
    std::fs::set_permissions(corpus.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    let root_can_write = std::fs::write(corpus.path().join("probe"), b"").is_ok();

    let first = open(&paths, user.path());
    let second = open(&paths, user.path());
    std::fs::set_permissions(corpus.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(second.outcome, CacheOutcome::Hit);
    if root_can_write {
        // Running as root: permissions do not stop writing, so there is no fallback to see.
        return;
    }
    let location = first.location.expect("written somewhere");
    assert!(location.starts_with(user.path()), "{}", location.display());
}

#[test]
fn the_command_line_reports_the_cache_and_uses_xdg_cache_home() {
    let corpus = tempfile::tempdir().unwrap();
    let user = tempfile::tempdir().unwrap();
    let paths = write_articles(corpus.path(), 8, 9);
    std::fs::write(corpus.path().join(".dossier"), b"in the way").unwrap();
    let check = || {
        let output = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .arg("check")
            .arg("--stats")
            .arg("--json")
            .args(&paths)
            .env("XDG_CACHE_HOME", user.path())
            .output()
            .expect("dossier runs");
        assert!(output.status.success(), "{output:?}");
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        report["stats"].clone()
    };
    let first = check();
    assert_eq!(first["cache"], "miss");
    let file = first["cache_file"].as_str().expect("a cache file");
    assert!(Path::new(file).starts_with(user.path()), "{file}");
    let second = check();
    assert_eq!(second["cache"], "hit");
    let stages: Vec<&str> = second["stages"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["stage"].as_str())
        .collect();
    for stage in [
        "read",
        "clean",
        "sentences",
        "actors",
        "times",
        "quotes",
        "passages",
        "index",
        "cache",
    ] {
        assert!(stages.contains(&stage), "{stage} missing from {stages:?}");
    }
    assert!(second["peak_memory_bytes"].as_u64().is_some_and(|b| b > 0));
}

#[test]
fn check_without_stats_prints_no_stats_and_the_sample_is_not_cached() {
    let output = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["check", "--json"])
        .output()
        .expect("dossier runs");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(report.get("stats").is_none());
    let opened = dossier::cache::open(&[]);
    assert_eq!(opened.outcome, CacheOutcome::Off);
    assert_eq!(opened.location, None);
}
