//! Where the corrections file lives, reading it, and writing it atomically so that a crash
//! never loses or corrupts it.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::Corrections;

/// The file name inside a corpus's `.dossier` folder.
pub const FILE_NAME: &str = "actors.toml";

const HEADER: &str = "\
# dossier: corrections to the actors of this corpus, applied in order at every load.
# Edit by hand or with the browser's keys. Each entry is one of:
#   merge = \"NAME\", into = \"NAME\"      rename = \"NAME\", to = \"NEW NAME\"
#   detach = \"ALIAS\", from = \"NAME\"    hide = \"NAME\"
# NAME is an actor's name or any of its other names.

";

/// The corrections file for a corpus opened from `paths`: `DIR/.dossier/actors.toml` for the
/// first path (its folder, or the folder holding it when it is a file); for the built-in sample
/// (no path), `dossier/sample/actors.toml` under the user's data folder (`$XDG_DATA_HOME`, else
/// `~/.local/share`). `None` when no such place can be named.
pub fn default_path(paths: &[PathBuf]) -> Option<PathBuf> {
    match paths.first() {
        Some(first) => {
            let dir = if first.is_dir() {
                first.clone()
            } else {
                first
                    .parent()
                    .map(Path::to_path_buf)
                    .filter(|p| !p.as_os_str().is_empty())
                    .unwrap_or_else(|| PathBuf::from("."))
            };
            Some(dir.join(".dossier").join(FILE_NAME))
        }
        None => {
            let data = std::env::var_os("XDG_DATA_HOME")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
                .or_else(|| {
                    std::env::var_os("HOME")
                        .filter(|v| !v.is_empty())
                        .map(|h| PathBuf::from(h).join(".local").join("share"))
                })?;
            Some(data.join("dossier").join("sample").join(FILE_NAME))
        }
    }
}

/// Reads the corrections at `path`. A missing file is no corrections; a file that cannot be
/// read or parsed is an error sentence naming the file.
pub fn read(path: &Path) -> Result<Corrections, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Corrections::default()),
        Err(e) => {
            return Err(format!(
                "cannot read corrections file {}: {e}",
                path.display()
            ));
        }
    };
    parse(&text).map_err(|msg| format!("corrections file {} is not valid: {msg}", path.display()))
}

/// Parses the file's text, naming the entry that is wrong so that a hand edit is easy to fix.
fn parse(text: &str) -> Result<Corrections, String> {
    let table: toml::Table = toml::from_str(text).map_err(|e| {
        let line = e
            .span()
            .map(|s| text.get(..s.start).unwrap_or(text).lines().count().max(1));
        match line {
            Some(line) => format!("line {line}: {}", e.message()),
            None => e.message().to_string(),
        }
    })?;
    let mut list = Vec::new();
    for (key, value) in table {
        if key != "correction" {
            return Err(format!(
                "unknown key {key:?} (only [[correction]] entries belong here)"
            ));
        }
        let entries = value
            .as_array()
            .ok_or("`correction` must be a list of [[correction]] entries")?;
        for (i, entry) in entries.iter().enumerate() {
            let correction = entry.clone().try_into().map_err(|_| {
                format!(
                    "entry {} is not a correction: expected merge and into, rename and to, detach and from, or hide",
                    i + 1
                )
            })?;
            list.push(correction);
        }
    }
    Ok(Corrections { list })
}

/// Writes `corrections` to `path` atomically: into a temporary file in the same folder, synced
/// to disk, then renamed over the old file. The folder is created when missing.
pub fn write(path: &Path, corrections: &Corrections) -> Result<(), String> {
    let fail = |what: &str, e: &dyn std::fmt::Display| {
        format!("cannot {what} corrections file {}: {e}", path.display())
    };
    let body = toml::to_string(corrections).map_err(|e| fail("encode", &e))?;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| fail("create the folder of", &e))?;
    let tmp = dir.join(format!(".{FILE_NAME}.{}.tmp", std::process::id()));
    let result = (|| -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(HEADER.as_bytes())?;
        f.write_all(body.as_bytes())?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)?;
        // Make the rename itself durable.
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(fail("write", &e));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::Correction;
    use super::*;

    #[test]
    fn round_trips_through_the_file_in_order() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(".dossier").join(FILE_NAME);
        let corrections = Corrections {
            list: vec![
                Correction::Merge {
                    merge: "Omar Tchiani".into(),
                    into: "Abdourahamane Tchiani".into(),
                },
                Correction::Rename {
                    rename: "Wagner".into(),
                    to: "Wagner Group".into(),
                },
                Correction::Detach {
                    detach: "Washington".into(),
                    from: "United States".into(),
                },
                Correction::Hide {
                    hide: "Telegram".into(),
                },
            ],
        };
        write(&path, &corrections).expect("written");
        assert_eq!(read(&path).expect("read back"), corrections);
        let text = std::fs::read_to_string(&path).expect("text");
        assert!(text.starts_with("# dossier"), "{text}");
        // No temporary file is left behind.
        let names: Vec<_> = std::fs::read_dir(path.parent().expect("dir"))
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from(FILE_NAME)]);
    }

    #[test]
    fn a_missing_file_is_no_corrections_and_a_bad_one_names_its_line() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(FILE_NAME);
        assert_eq!(read(&path), Ok(Corrections::default()));
        std::fs::write(
            &path,
            "[[correction]]\nhide = \"A\"\n\n[[correction]]\nmerge = 3\n",
        )
        .expect("write");
        let err = read(&path).expect_err("invalid");
        assert!(err.contains(FILE_NAME), "{err}");
        assert!(err.contains("entry 2"), "{err}");
        std::fs::write(&path, "[[correction]\n").expect("write");
        let err = read(&path).expect_err("not TOML");
        assert!(err.contains("line 1"), "{err}");
    }

    #[test]
    fn the_default_place_is_beside_the_corpus() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "x").expect("write");
        let expected = dir.path().join(".dossier").join(FILE_NAME);
        assert_eq!(
            default_path(&[dir.path().to_path_buf()]),
            Some(expected.clone())
        );
        assert_eq!(default_path(&[file]), Some(expected));
    }
}
