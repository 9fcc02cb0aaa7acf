//! Writing a synthetic corpus to disk in the formats the loader reads.

use std::io::Write;
use std::path::Path;

use super::{Generator, SynthArticle};

/// The file format(s) to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// Plain text with a `date` prefix.
    Text,
    /// Markdown with front matter.
    Markdown,
    /// JSON Lines files of at most [`JSONL_RECORDS`] articles each, well under the loader's
    /// 16 MiB cap on a file.
    Jsonl,
    /// HTML pages.
    Html,
    /// A rotation of all four, as a mixed real-world folder looks.
    Mixed,
}

impl OutputFormat {
    /// Parses `txt`, `md`, `jsonl`, `html` or `mixed`.
    pub fn parse(s: &str) -> Option<OutputFormat> {
        match s {
            "txt" | "text" => Some(OutputFormat::Text),
            "md" | "markdown" => Some(OutputFormat::Markdown),
            "jsonl" | "json" => Some(OutputFormat::Jsonl),
            "html" => Some(OutputFormat::Html),
            "mixed" => Some(OutputFormat::Mixed),
            _ => None,
        }
    }
}

/// Articles per JSON Lines file: about 1 MB, far under the loader's 16 MiB cap at any scale.
pub const JSONL_RECORDS: usize = 250;

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Writes `articles` synthetic articles from `seed` into `out` (created if missing), spread over
/// sub-folders of 1,000 files. Returns the number of bytes of article text written.
pub fn write_corpus(
    out: &Path,
    articles: usize,
    seed: u64,
    format: OutputFormat,
) -> std::io::Result<u64> {
    let mut generator = Generator::new(seed, articles);
    let mut bytes = 0u64;
    let mut jsonl: Option<(usize, std::io::BufWriter<std::fs::File>)> = None;
    for i in 0..articles {
        let article = generator.article(i);
        let dir = out.join(format!("{:04}", i / 1000));
        if i % 1000 == 0 {
            std::fs::create_dir_all(&dir)?;
        }
        let format = match format {
            OutputFormat::Mixed => match i % 4 {
                0 => OutputFormat::Text,
                1 => OutputFormat::Markdown,
                2 => OutputFormat::Jsonl,
                _ => OutputFormat::Html,
            },
            other => other,
        };
        bytes += article.body().len() as u64;
        match format {
            OutputFormat::Jsonl => {
                let file_no = i / JSONL_RECORDS;
                if jsonl.as_ref().is_none_or(|(n, _)| *n != file_no) {
                    if let Some((_, mut w)) = jsonl.take() {
                        w.flush()?;
                    }
                    let name = format!("articles-{:02}.jsonl", (i % 1000) / JSONL_RECORDS);
                    let file = std::fs::File::create(dir.join(name))?;
                    jsonl = Some((file_no, std::io::BufWriter::new(file)));
                }
                if let Some((_, w)) = jsonl.as_mut() {
                    let record = serde_json::json!({
                        "id": article.id,
                        "title": article.title,
                        "date": article.date.to_string(),
                        "outlet": article.outlet,
                        "text": article.body(),
                    });
                    writeln!(w, "{record}")?;
                }
            }
            _ => std::fs::write(
                dir.join(file_name(&article, format)),
                render(&article, format),
            )?,
        }
    }
    if let Some((_, mut w)) = jsonl {
        w.flush()?;
    }
    Ok(bytes)
}

fn file_name(article: &SynthArticle, format: OutputFormat) -> String {
    let ext = match format {
        OutputFormat::Markdown => "md",
        OutputFormat::Html => "html",
        _ => "txt",
    };
    format!("{}.{ext}", article.id)
}

fn render(article: &SynthArticle, format: OutputFormat) -> String {
    match format {
        OutputFormat::Markdown => format!(
            "---\ntitle: {}\ndate: {}\noutlet: {}\n---\n{}\n",
            article.title,
            article.date,
            article.outlet,
            article.body()
        ),
        OutputFormat::Html => {
            let paragraphs: String = article
                .paragraphs
                .iter()
                .map(|p| format!("<p>{}</p>\n", escape_html(p)))
                .collect();
            format!(
                "<!doctype html><html><head><title>{t}</title>\
                 <meta property=\"og:site_name\" content=\"{o}\">\
                 <meta property=\"article:published_time\" content=\"{d}T08:00:00Z\"></head>\
                 <body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\
                 <article><h1>{t}</h1>\n{paragraphs}</article>\
                 <footer>© {o}</footer></body></html>\n",
                t = escape_html(&article.title),
                o = escape_html(&article.outlet),
                d = article.date
            )
        }
        _ => format!("date {} {}\n", article.date, article.body()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_every_format_and_the_loader_reads_them_back() {
        let dir = tempfile::tempdir().expect("temp dir");
        let bytes = write_corpus(dir.path(), 8, 3, OutputFormat::Mixed).expect("written");
        assert!(bytes > 0);
        let report = crate::load::load_paths(&[dir.path().to_path_buf()]);
        assert!(report.skipped.is_empty(), "{:?}", report.skipped);
        assert!(!report.articles.is_empty());
    }

    #[test]
    fn json_lines_files_hold_at_most_250_articles() {
        let dir = tempfile::tempdir().expect("temp dir");
        write_corpus(dir.path(), 600, 3, OutputFormat::Jsonl).expect("written");
        let mut counts = Vec::new();
        for entry in walkdir::WalkDir::new(dir.path()) {
            let entry = entry.expect("walk");
            if entry.path().extension().is_some_and(|e| e == "jsonl") {
                let text = std::fs::read_to_string(entry.path()).expect("read");
                counts.push(text.lines().count());
            }
        }
        counts.sort_unstable();
        assert_eq!(counts, vec![100, 250, 250]);
        let report = crate::load::load_paths(&[dir.path().to_path_buf()]);
        assert_eq!(report.articles.len(), 600);
    }
}
