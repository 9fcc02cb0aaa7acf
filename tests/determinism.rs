//! Loading and extraction run on every core, and the result never depends on scheduling: the same
//! input gives the same corpus, byte for byte, with one thread or several.

use dossier::load::load_files;
use dossier::pipeline::analyze;

fn corpus_json(threads: usize, files: &[(std::path::PathBuf, Vec<u8>)]) -> String {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool");
    pool.install(|| {
        let report = load_files(files.to_vec());
        serde_json::to_string(&analyze(report.articles)).expect("the corpus serialises")
    })
}

#[test]
fn the_sample_gives_the_same_corpus_on_one_thread_and_on_four() {
    let files: Vec<_> = dossier::sample::SAMPLE_FILES
        .iter()
        .map(|(name, bytes)| (std::path::PathBuf::from(name), bytes.to_vec()))
        .collect();
    let one = corpus_json(1, &files);
    assert_eq!(one, corpus_json(4, &files));
    assert_eq!(one, corpus_json(4, &files));
}

#[test]
fn a_synthetic_corpus_gives_the_same_corpus_on_one_thread_and_on_four() {
    let files = dossier::synth::text_files(120, 11);
    assert_eq!(corpus_json(1, &files), corpus_json(4, &files));
}
