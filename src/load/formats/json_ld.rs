//! schema.org metadata that news pages embed as JSON-LD (`<script type="application/ld+json">`):
//! many pages give their publication date, headline, publisher and authors only there.

use scraper::{Html, Selector};
use serde_json::Value;

/// What a page's JSON-LD says about its article; every field optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinkedData {
    /// `headline`.
    pub headline: Option<String>,
    /// `datePublished`, as written.
    pub date: Option<String>,
    /// `publisher.name`.
    pub outlet: Option<String>,
    /// `author.name` (several joined with commas).
    pub author: Option<String>,
    /// `url`.
    pub url: Option<String>,
}

/// schema.org types that describe an article.
const ARTICLE_TYPES: [&str; 6] = [
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "BlogPosting",
    "WebPage",
];

/// Reads the first article description in the page's JSON-LD blocks (in `@graph`s and arrays
/// too). Blocks that are not valid JSON are ignored: they are the page's problem, not the
/// article's.
pub fn read(document: &Html) -> LinkedData {
    let Ok(selector) = Selector::parse("script[type]") else {
        return LinkedData::default();
    };
    let mut blocks = Vec::new();
    for script in document.select(&selector) {
        let is_ld = script
            .value()
            .attr("type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
        if !is_ld {
            continue;
        }
        let text: String = script.text().collect();
        if let Ok(value) = serde_json::from_str::<Value>(&text) {
            blocks.push(value);
        }
    }
    let mut candidates = Vec::new();
    for block in &blocks {
        collect_objects(block, &mut candidates);
    }
    // An article type beats a plain WebPage, whatever the order on the page; among equals the
    // first wins.
    let rank = |v: &Value| {
        let types = types(v);
        if types
            .iter()
            .any(|t| *t != "WebPage" && ARTICLE_TYPES.contains(t))
        {
            Some(0)
        } else if types.contains(&"WebPage") {
            Some(1)
        } else {
            None
        }
    };
    let best = candidates
        .iter()
        .filter_map(|v| rank(v).map(|r| (r, *v)))
        .min_by_key(|(r, _)| *r)
        .map(|(_, v)| v);
    let Some(article) = best else {
        return LinkedData::default();
    };
    LinkedData {
        headline: string(article.get("headline")),
        date: string(article.get("datePublished")),
        outlet: article.get("publisher").and_then(name),
        author: article.get("author").and_then(name),
        url: string(article.get("url")),
    }
}

/// Every object in `value`, descending into arrays and `@graph`, a few levels deep at most.
fn collect_objects<'a>(value: &'a Value, out: &mut Vec<&'a Value>) {
    let mut stack = vec![(value, 0usize)];
    while let Some((value, depth)) = stack.pop() {
        if depth > 4 {
            continue;
        }
        match value {
            Value::Array(items) => stack.extend(items.iter().rev().map(|v| (v, depth + 1))),
            Value::Object(object) => {
                out.push(value);
                if let Some(graph) = object.get("@graph") {
                    stack.push((graph, depth + 1));
                }
            }
            _ => {}
        }
    }
}

/// The `@type` of an object: one name or a list of them.
fn types(value: &Value) -> Vec<&str> {
    match value.get("@type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn string(value: Option<&Value>) -> Option<String> {
    value
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// A name from a string, a `{"name": …}` object, or a list of either (joined with commas);
/// JSON records and JSON-LD metadata write authors and publishers in all three shapes.
pub(super) fn name(value: &Value) -> Option<String> {
    match value {
        Value::String(_) => string(Some(value)),
        Value::Object(o) => string(o.get("name")),
        Value::Array(items) => {
            let names: Vec<String> = items
                .iter()
                .filter(|v| !v.is_array())
                .filter_map(name)
                .collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_article_in_a_graph_beats_the_web_page() {
        let page = r#"<html><head><script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebPage", "headline": "Page"},
  {"@type": ["NewsArticle"], "headline": "Coup in Niger", "datePublished": "2023-07-27T08:00:00Z",
   "publisher": {"@type": "Organization", "name": "Example Wire"},
   "author": [{"@type": "Person", "name": "A. Writer"}, {"name": "B. Writer"}],
   "url": "https://example.org/coup"}
]}</script><script type="application/ld+json">{not json</script></head><body></body></html>"#;
        let ld = read(&Html::parse_document(page));
        assert_eq!(ld.headline.as_deref(), Some("Coup in Niger"));
        assert_eq!(ld.date.as_deref(), Some("2023-07-27T08:00:00Z"));
        assert_eq!(ld.outlet.as_deref(), Some("Example Wire"));
        assert_eq!(ld.author.as_deref(), Some("A. Writer, B. Writer"));
        assert_eq!(ld.url.as_deref(), Some("https://example.org/coup"));
    }

    #[test]
    fn a_page_without_json_ld_gives_nothing() {
        let ld = read(&Html::parse_document("<p>Text</p>"));
        assert_eq!(ld, LinkedData::default());
    }
}
