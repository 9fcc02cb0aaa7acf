//! Markdown (`.md`, `.markdown`): an optional `---` front-matter block of `key: value` lines
//! (title, date, outlet, url, author; quoted values unquoted; other keys ignored), then the body,
//! whose markup [`super::markdown_text`] removes.

use super::markdown_text::{HEADING_MARK, strip_markup};
use super::{Parsed, set_date};
use crate::load::RawArticle;

/// Parses a Markdown article whose key is `key` (the file stem, unless the front matter has an
/// `id`).
pub fn parse(key: &str, text: &str) -> Parsed {
    let mut raw = RawArticle {
        key: key.to_string(),
        ..RawArticle::default()
    };
    let mut warnings = Vec::new();
    let body = match split_front_matter(text) {
        FrontMatter::None => text,
        FrontMatter::Unclosed => {
            warnings.push(
                "front matter opened with `---` is never closed; read the whole file as text"
                    .to_string(),
            );
            text
        }
        FrontMatter::Block { lines, body } => {
            for (number, key, value) in fields(&lines) {
                apply_field(&mut raw, number, &key, &value, &mut warnings);
            }
            body
        }
    };
    let mut text = strip_markup(body);
    if raw.title.is_none() {
        if let Some((title, rest)) = leading_heading(&text) {
            raw.title = Some(title);
            text = rest;
        }
    } else if let Some((heading, rest)) = leading_heading(&text) {
        // The headline repeated as the first heading is not body text.
        if raw.title.as_deref().map(str::trim) == Some(heading.as_str()) {
            text = rest;
        }
    }
    raw.text = text.replacen(HEADING_MARK, "", 1);
    if raw.text.trim().is_empty() {
        return Parsed::failed("no article text after the front matter");
    }
    Parsed::one(raw, warnings)
}

/// The front matter of a Markdown file, if it has one.
enum FrontMatter<'a> {
    /// The file does not start with `---`.
    None,
    /// `---` opens a block that never closes.
    Unclosed,
    /// The block's lines with their 1-based line numbers, and the body after it.
    Block {
        lines: Vec<(usize, &'a str)>,
        body: &'a str,
    },
}

/// Finds a front-matter block: a first non-blank line `---`, closed by `---` or `...`.
fn split_front_matter(text: &str) -> FrontMatter<'_> {
    let mut offset = 0;
    let mut opened = false;
    let mut lines = Vec::new();
    for (index, line) in text.split_inclusive('\n').enumerate() {
        offset += line.len();
        let content = line.trim_end();
        if !opened {
            if content.is_empty() {
                continue;
            }
            if content != "---" {
                return FrontMatter::None;
            }
            opened = true;
        } else if content == "---" || content == "..." {
            return FrontMatter::Block {
                lines,
                body: text.get(offset..).unwrap_or(""),
            };
        } else {
            lines.push((index + 1, line));
        }
    }
    if opened {
        FrontMatter::Unclosed
    } else {
        FrontMatter::None
    }
}

/// The `key: value` fields of a front-matter block, with the line each starts on. A key with
/// no value on its line takes the indented lines after it: a list (`- A`, `- B`) gives its items
/// joined with commas, a block scalar (`|`, `>`) its lines. Comments and blank lines are skipped.
fn fields(lines: &[(usize, &str)]) -> Vec<(usize, String, String)> {
    let mut fields = Vec::new();
    let mut i = 0;
    while let Some(&(number, line)) = lines.get(i) {
        i += 1;
        if line.starts_with([' ', '\t', '-', '#']) || line.trim().is_empty() {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        let mut value = unquote(value).to_string();
        let block = matches!(value.as_str(), "|" | ">" | "|-" | ">-" | "|+" | ">+");
        if value.is_empty() || block {
            let mut parts = Vec::new();
            while let Some(&(_, next)) = lines.get(i) {
                if !next.starts_with([' ', '\t', '-']) {
                    break;
                }
                i += 1;
                let part = next.trim();
                let part = part.strip_prefix("- ").unwrap_or(part);
                if !part.is_empty() {
                    parts.push(unquote(part.trim()).to_string());
                }
            }
            value = parts.join(if block { " " } else { ", " });
        }
        fields.push((number, key.trim().to_ascii_lowercase(), value));
    }
    fields
}

/// Applies one front-matter field; keys this loader does not know are ignored.
fn apply_field(
    raw: &mut RawArticle,
    number: usize,
    key: &str,
    value: &str,
    warnings: &mut Vec<String>,
) {
    if value.trim().is_empty() {
        return;
    }
    let value = value.trim().to_string();
    match key {
        "title" | "headline" => raw.title = Some(value),
        "date" | "published" | "published_at" | "pubdate" => {
            set_date(raw, &value, &format!("line {number}: "), warnings);
        }
        "outlet" | "source" | "publisher" | "site" => raw.outlet = Some(value),
        "url" | "link" | "canonical" => raw.url = Some(value),
        "author" | "byline" | "authors" => raw.author = Some(value),
        "id" => raw.key = value,
        _ => {}
    }
}

/// Removes one pair of matching quotes around a value.
fn unquote(value: &str) -> &str {
    for quote in ['"', '\''] {
        if let Some(inner) = value
            .strip_prefix(quote)
            .and_then(|v| v.strip_suffix(quote))
        {
            return inner;
        }
    }
    value
}

/// The text of a first paragraph that was an ATX heading (marked by [`strip_markup`] with a
/// leading `\u{1}` that is removed here), and the text after it.
fn leading_heading(text: &str) -> Option<(String, String)> {
    let trimmed = text.trim_start();
    let (first, rest) = trimmed.split_once("\n\n").unwrap_or((trimmed, ""));
    let heading = first.strip_prefix(HEADING_MARK)?;
    Some((heading.trim().to_string(), rest.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn front_matter_fields_and_quoted_values() {
        let text = "---\ntitle: \"Coup in Niger\"\ndate: 2023-07-27\noutlet: 'Example News'\nurl: https://example.org/a\nauthor: Jane Doe\ntags:\n  - niger\nmood: grim\n---\nBody text.\n";
        let p = parse("stem", text);
        let raw = &p.records[0].raw;
        assert_eq!(raw.title.as_deref(), Some("Coup in Niger"));
        assert_eq!(raw.date, NaiveDate::from_ymd_opt(2023, 7, 27));
        assert_eq!(raw.outlet.as_deref(), Some("Example News"));
        assert_eq!(raw.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(raw.author.as_deref(), Some("Jane Doe"));
        assert_eq!(raw.key, "stem");
        assert_eq!(raw.text.trim(), "Body text.");
        assert!(p.warnings.is_empty());
    }

    #[test]
    fn front_matter_lists_and_block_scalars() {
        let text = "---\nauthors:\n  - \"Ann Lee\"\n  - Bo Diop\ntitle: >\n  A long\n  headline\n# comment\noutlet: X\n---\nBody.";
        let raw = &parse("k", text).records[0].raw;
        assert_eq!(raw.author.as_deref(), Some("Ann Lee, Bo Diop"));
        assert_eq!(raw.title.as_deref(), Some("A long headline"));
        assert_eq!(raw.outlet.as_deref(), Some("X"));
    }

    #[test]
    fn no_front_matter_means_whole_file_is_body() {
        let p = parse("k", "Just text.\n\nMore.");
        assert_eq!(p.records[0].raw.text.trim(), "Just text.\n\nMore.");
    }

    #[test]
    fn leading_h1_becomes_the_title_when_none_is_given() {
        let p = parse("k", "# Soldiers seize power\n\nThe body.");
        let raw = &p.records[0].raw;
        assert_eq!(raw.title.as_deref(), Some("Soldiers seize power"));
        assert_eq!(raw.text.trim(), "The body.");
    }

    #[test]
    fn unclosed_front_matter_and_bad_date_warn() {
        let p = parse("k", "---\ntitle: x\nBody");
        assert!(p.warnings[0].contains("never closed"));
        let p = parse("k", "---\ndate: 2023-02-30\n---\nBody");
        assert_eq!(p.records[0].raw.date, None);
        assert!(
            p.warnings[0].starts_with("line 2: impossible date"),
            "{:?}",
            p.warnings
        );
    }
}
