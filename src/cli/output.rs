//! What the commands share for output: the error type and plain-text tables.

use std::fmt;
use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

/// An error that ends a command: printed as one sentence after `dossier: `.
#[derive(Debug)]
pub enum CliError {
    /// Not one article could be loaded.
    NoArticles {
        /// How many files were skipped on the way.
        skipped: usize,
    },
    /// A bad argument value the parser could not catch.
    Usage(String),
    /// Standard output was closed (for example by `| head`): not an error for the user.
    BrokenPipe,
    /// Writing or reading failed.
    Io(io::Error),
}

impl CliError {
    /// The exit code: 1 for a failed command, 2 for a usage error.
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage(_) => 2,
            _ => 1,
        }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::NoArticles { skipped: 0 } => {
                write!(
                    f,
                    "no articles loaded: no supported file (.txt, .md, .json, .jsonl, .html, .htm) was found"
                )
            }
            CliError::NoArticles { skipped } => write!(
                f,
                "no articles loaded: all {skipped} file(s) were skipped; run `dossier check PATH…` to see why"
            ),
            CliError::Usage(msg) => write!(f, "{msg}"),
            CliError::BrokenPipe => write!(f, "output closed"),
            CliError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl From<io::Error> for CliError {
    fn from(e: io::Error) -> Self {
        if e.kind() == io::ErrorKind::BrokenPipe {
            CliError::BrokenPipe
        } else {
            CliError::Io(e)
        }
    }
}

impl From<serde_json::Error> for CliError {
    fn from(e: serde_json::Error) -> Self {
        match e.io_error_kind() {
            Some(io::ErrorKind::BrokenPipe) => CliError::BrokenPipe,
            _ => CliError::Io(io::Error::other(e)),
        }
    }
}

/// Writes `value` as pretty JSON followed by a newline.
pub fn write_json<T: serde::Serialize + ?Sized>(
    out: &mut dyn Write,
    value: &T,
) -> Result<(), CliError> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}

/// A plain-text table: a header and rows, columns padded to their widest cell (by display
/// width, so that names in any script line up). The last column is not padded.
pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these column names.
    pub fn new(header: &[&str]) -> Table {
        Table {
            header: header.iter().map(|s| s.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a row; missing cells print empty.
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// Writes the table.
    pub fn write(&self, out: &mut dyn Write) -> Result<(), CliError> {
        let columns = self.header.len();
        let mut widths: Vec<usize> = self.header.iter().map(|h| h.width()).collect();
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate().take(columns) {
                widths[i] = widths[i].max(cell.width());
            }
        }
        let empty = String::new();
        for row in std::iter::once(&self.header).chain(&self.rows) {
            let mut line = String::new();
            for (i, width) in widths.iter().enumerate() {
                let cell = row.get(i).unwrap_or(&empty);
                line.push_str(cell);
                if i + 1 < columns {
                    line.push_str(&" ".repeat(width - cell.width() + 2));
                }
            }
            writeln!(out, "{}", line.trim_end())?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_align_by_display_width() {
        let mut t = Table::new(&["name", "n"]);
        t.row(vec!["L’Enqueteur".into(), "1".into()]);
        t.row(vec!["AP".into(), "12".into()]);
        let mut out = Vec::new();
        t.write(&mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text, "name         n\nL’Enqueteur  1\nAP           12\n");
    }
}
