//! JSON (`.json`: one article object or an array of them) and JSON Lines (`.jsonl`: one object
//! a line). Fields: `id`, `title`, `date`, `outlet`, `url`, `author`, `text` (or `body`), plus
//! a few common spellings of the same things (`content`, `published`, `source`, …); other
//! fields are ignored. A record without text is skipped with a warning; the rest still load.

use serde_json::{Map, Value};

use super::{Parsed, Record, set_date};
use crate::load::RawArticle;

/// Where the body text may be, in order of preference.
const TEXT_FIELDS: [&str; 4] = ["text", "body", "content", "article"];
/// Where the publication date may be.
const DATE_FIELDS: [&str; 6] = [
    "date",
    "published",
    "published_at",
    "publishedAt",
    "datePublished",
    "pubDate",
];
/// Where the outlet may be (a string, or an object with a `name`).
const OUTLET_FIELDS: [&str; 4] = ["outlet", "source", "publisher", "site_name"];
/// Where the headline may be.
const TITLE_FIELDS: [&str; 2] = ["title", "headline"];
/// Where the address may be.
const URL_FIELDS: [&str; 2] = ["url", "link"];
/// Where the byline may be (a string, a list of them, or an object with a `name`).
const AUTHOR_FIELDS: [&str; 3] = ["author", "authors", "byline"];

/// Parses a `.json` file whose stem is `stem`. Malformed JSON fails the whole file, with the
/// line and column of the error.
pub fn parse_json(stem: &str, text: &str) -> Parsed {
    let mut values = Vec::new();
    for item in serde_json::Deserializer::from_str(text).into_iter::<Value>() {
        match item {
            Ok(value) => values.push(value),
            Err(e) => {
                let (line, column) = position(text, e.line(), e.column());
                return Parsed::failed(format!(
                    "malformed JSON at line {line}, column {column}: {}",
                    error_text(&e)
                ));
            }
        }
    }
    let mut parsed = Parsed::default();
    match values.as_slice() {
        [Value::Object(object)] => {
            if let Some(raw) = to_raw(object, stem, "", &mut parsed.warnings) {
                parsed.records.push(Record { raw, record: None });
            }
        }
        [Value::Array(items)] => {
            if items.is_empty() {
                return Parsed::failed("empty JSON array: no articles");
            }
            add_records(items, stem, &mut parsed);
        }
        [other] => {
            return Parsed::failed(format!(
                "the JSON is {}, not an article object or an array of them",
                kind(other)
            ));
        }
        many => {
            parsed.warnings.push(format!(
                "{} JSON values one after another; each read as an article (JSON Lines files are named .jsonl)",
                many.len()
            ));
            add_records(many, stem, &mut parsed);
        }
    }
    parsed
}

/// Adds the records of a JSON array (record numbers shown from 1, stored from 0).
fn add_records(items: &[Value], stem: &str, parsed: &mut Parsed) {
    for (index, item) in items.iter().enumerate() {
        let number = index + 1;
        let context = format!("record {number}: ");
        match item {
            Value::Object(object) => {
                let key = format!("{stem}#{number}");
                if let Some(raw) = to_raw(object, &key, &context, &mut parsed.warnings) {
                    parsed.records.push(Record {
                        raw,
                        record: Some(index),
                    });
                }
            }
            other => parsed.warnings.push(format!(
                "{context}is {}, not an article object; skipped",
                kind(other)
            )),
        }
    }
}

/// Parses a `.jsonl` file whose stem is `stem`: each malformed line is reported with its number
/// and skipped; the other lines load.
pub fn parse_jsonl(stem: &str, text: &str) -> Parsed {
    let lines: Vec<(usize, &str)> = text
        .split('\n')
        .enumerate()
        .map(|(i, line)| (i + 1, line.trim_end_matches('\r')))
        .filter(|(_, line)| !line.trim().is_empty())
        .collect();
    // A pretty-printed JSON document saved as .jsonl: every line would be "malformed".
    if lines.len() > 1 && serde_json::from_str::<Value>(text).is_ok() {
        let mut parsed = parse_json(stem, text);
        parsed.warnings.insert(
            0,
            "one JSON document over several lines, not JSON Lines; read as JSON".to_string(),
        );
        return parsed;
    }
    let mut parsed = Parsed::default();
    for (number, line) in lines {
        let context = format!("line {number}: ");
        match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(object)) => {
                let key = format!("{stem}#{number}");
                if let Some(raw) = to_raw(&object, &key, &context, &mut parsed.warnings) {
                    parsed.records.push(Record {
                        raw,
                        record: Some(number),
                    });
                }
            }
            Ok(other) => parsed.warnings.push(format!(
                "{context}is {}, not an article object; skipped",
                kind(&other)
            )),
            Err(e) => parsed.warnings.push(format!(
                "{context}malformed JSON at column {}: {}; line skipped",
                e.column(),
                error_text(&e)
            )),
        }
    }
    parsed
}

/// serde_json's error position made readable: it reports an error found at a line break (an
/// unterminated string) as column 0 of the next line; that is the end of the line before.
fn position(text: &str, line: usize, column: usize) -> (usize, usize) {
    if column > 0 || line < 2 {
        return (line, column);
    }
    let previous = text.split('\n').nth(line - 2).unwrap_or("");
    (
        line - 1,
        previous.trim_end_matches('\r').chars().count() + 1,
    )
}

/// serde_json's message without the position it appends (we report the position our way).
fn error_text(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text.get(..i).unwrap_or(&text).to_string(),
        None => text,
    }
}

/// "an array", "a number", … for messages.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// One record as a raw article, or `None` (with a warning) when it has no text. `fallback_key`
/// stands in for a missing `id`; `context` ("record 3: ") starts every warning.
fn to_raw(
    object: &Map<String, Value>,
    fallback_key: &str,
    context: &str,
    warnings: &mut Vec<String>,
) -> Option<RawArticle> {
    let Some(text) = TEXT_FIELDS
        .iter()
        .find_map(|f| object.get(*f).and_then(text_of))
    else {
        warnings.push(format!(
            "{context}no text (no non-empty \"text\" or \"body\" field); record skipped"
        ));
        return None;
    };
    let key = match object.get("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
        Some(Value::Number(n)) => n.to_string(),
        _ => fallback_key.to_string(),
    };
    let mut raw = RawArticle {
        key,
        text,
        title: first_string(object, &TITLE_FIELDS),
        outlet: first_named(object, &OUTLET_FIELDS),
        url: first_string(object, &URL_FIELDS),
        author: first_named(object, &AUTHOR_FIELDS),
        ..RawArticle::default()
    };
    match DATE_FIELDS.iter().find_map(|f| object.get(*f)) {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) => set_date(&mut raw, s, context, warnings),
        Some(other) => warnings.push(format!(
            "{context}the date is {}, not text; loaded undated",
            kind(other)
        )),
    }
    Some(raw)
}

/// Text from a string, from a list of strings (taken as paragraphs), or from an object's
/// `rendered` string (as WordPress exports give it); markup is reduced to its text. `None` when
/// blank.
fn text_of(value: &Value) -> Option<String> {
    let text = match value {
        Value::String(s) if super::html_text::looks_like_html(s) => {
            super::html_text::fragment_text(s)
        }
        Value::String(s) => s.clone(),
        Value::Object(o) => return o.get("rendered").and_then(text_of),
        Value::Array(items) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("\n\n"),
        _ => return None,
    };
    (!text.trim().is_empty()).then_some(text)
}

/// The first of `fields` that holds a non-blank string.
fn first_string(object: &Map<String, Value>, fields: &[&str]) -> Option<String> {
    fields.iter().find_map(|f| match object.get(*f) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
        _ => None,
    })
}

/// Like [`first_string`], also reading `{"name": …}` objects and lists of names (joined with
/// commas), as news APIs give outlets and authors.
fn first_named(object: &Map<String, Value>, fields: &[&str]) -> Option<String> {
    fields
        .iter()
        .find_map(|f| object.get(*f).and_then(super::json_ld::name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_object_uses_stem_when_id_is_missing() {
        let p = parse_json("one", r#"{"title": "T", "text": "Body.", "extra": [1, 2]}"#);
        assert_eq!(p.records.len(), 1);
        assert_eq!(p.records[0].raw.key, "one");
        assert_eq!(p.records[0].record, None);
        assert_eq!(p.records[0].raw.title.as_deref(), Some("T"));
    }

    #[test]
    fn array_records_missing_text_are_warned_and_others_load() {
        let p = parse_json(
            "many",
            r#"[{"id": "a", "body": "A."}, {"title": "no text"}, 7, {"text": "C.", "source": {"name": "Wire"}, "authors": ["X", "Y"]}]"#,
        );
        let keys: Vec<&str> = p.records.iter().map(|r| r.raw.key.as_str()).collect();
        assert_eq!(keys, vec!["a", "many#4"]);
        assert_eq!(p.records[1].record, Some(3));
        assert_eq!(p.records[1].raw.outlet.as_deref(), Some("Wire"));
        assert_eq!(p.records[1].raw.author.as_deref(), Some("X, Y"));
        assert!(
            p.warnings[0].starts_with("record 2: no text"),
            "{:?}",
            p.warnings
        );
        assert!(
            p.warnings[1].starts_with("record 3: is a number"),
            "{:?}",
            p.warnings
        );
    }

    #[test]
    fn html_text_is_reduced_to_paragraphs() {
        let p = parse_json(
            "wp",
            r#"{"id": 7, "content": {"rendered": "<p>First.</p>\n<p>Second <em>part</em>.</p>"}}"#,
        );
        assert_eq!(p.records[0].raw.text, "First.\n\nSecond part.");
        assert_eq!(p.records[0].raw.key, "7");
    }

    #[test]
    fn malformed_json_reports_line_and_column() {
        let p = parse_json("bad", "[\n{\"text\": \"A\"},\n{\"text\": }\n]");
        let reason = p.failure.unwrap();
        assert!(
            reason.starts_with("malformed JSON at line 3, column 10:"),
            "{reason}"
        );
    }

    #[test]
    fn an_unterminated_string_is_reported_on_its_own_line() {
        let p = parse_json("bad", "{\n  \"text\": \"open\n}");
        let reason = p.failure.unwrap();
        assert!(
            reason.starts_with("malformed JSON at line 2, column 16:"),
            "{reason}"
        );
    }

    #[test]
    fn jsonl_bad_lines_are_reported_and_others_load() {
        let p = parse_jsonl(
            "feed",
            "{\"id\": 1, \"text\": \"One.\"}\n\n{broken\n[1]\n{\"text\": \"Four.\", \"date\": \"2023-02-30\"}\r\n",
        );
        let keys: Vec<&str> = p.records.iter().map(|r| r.raw.key.as_str()).collect();
        assert_eq!(keys, vec!["1", "feed#5"]);
        assert_eq!(p.records[1].record, Some(5));
        assert_eq!(p.records[1].raw.date, None);
        assert!(
            p.warnings[0].starts_with("line 3: malformed JSON"),
            "{:?}",
            p.warnings
        );
        assert!(p.warnings[1].starts_with("line 4: is an array"));
        assert!(p.warnings[2].starts_with("line 5: impossible date"));
    }

    #[test]
    fn pretty_printed_json_in_a_jsonl_file_is_read_as_json() {
        let p = parse_jsonl("x", "[\n  {\"text\": \"A.\"}\n]\n");
        assert_eq!(p.records.len(), 1);
        assert!(p.warnings[0].contains("not JSON Lines"));
    }
}
