//! The built-in sample corpus (four articles on the 2023 coup in Niger), embedded in the
//! binary so that `dossier` with no path works from any folder, also after `cargo install`.

use std::path::PathBuf;

use crate::load::{LoadReport, load_files};

/// The sample files: name and bytes, unchanged from `data/sample/`.
pub const SAMPLE_FILES: [(&str, &[u8]); 4] = [
    (
        "000_f16b3598ed5d47d9.txt",
        include_bytes!("../data/sample/000_f16b3598ed5d47d9.txt"),
    ),
    (
        "001_060abe526bb78158.txt",
        include_bytes!("../data/sample/001_060abe526bb78158.txt"),
    ),
    (
        "002_eed0d9b0ce39977c.txt",
        include_bytes!("../data/sample/002_eed0d9b0ce39977c.txt"),
    ),
    (
        "004_f0500d7e2cbed4d9.txt",
        include_bytes!("../data/sample/004_f0500d7e2cbed4d9.txt"),
    ),
];

/// The name shown for the sample's folder in reports.
pub const SAMPLE_DIR: &str = "(built-in sample)";

/// Loads the built-in sample through the same parsers as files on disk.
pub fn load_sample() -> LoadReport {
    let files = SAMPLE_FILES
        .iter()
        .map(|(name, bytes)| (PathBuf::from(SAMPLE_DIR).join(name), bytes.to_vec()))
        .collect();
    load_files(files)
}
