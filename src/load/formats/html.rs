//! HTML (`.html`, `.htm`) as saved from a browser: the article's main text and its metadata.
//!
//! The text comes from [`super::html_text`]. Metadata: `article:published_time` (and the usual
//! alternatives), `og:site_name`, `og:title` (else `<title>`), `<link rel="canonical">` (else
//! `og:url`), `<meta name="author">`; where those are missing, the page's JSON-LD.

use std::collections::HashMap;

use scraper::{ElementRef, Html, Selector};

use super::html_text::{block_texts, main_element};
use super::{Parsed, json_ld, set_date};
use crate::load::RawArticle;

/// `<meta>` names or properties that give the publication date, in order of trust.
const DATE_META: [&str; 8] = [
    "article:published_time",
    "datepublished",
    "og:published_time",
    "pubdate",
    "publishdate",
    "dc.date",
    "dcterms.created",
    "date",
];

/// Parses an HTML page whose key is `key` (the file stem).
pub fn parse(key: &str, text: &str) -> Parsed {
    let document = Html::parse_document(text);
    let meta = meta_tags(&document);
    let find = |names: &[&str]| {
        names
            .iter()
            .find_map(|n| meta.get(*n).filter(|v| !v.trim().is_empty()).cloned())
    };
    let linked = json_ld::read(&document);
    let mut raw = RawArticle {
        key: key.to_string(),
        outlet: find(&["og:site_name", "application-name"]).or(linked.outlet),
        author: find(&["author", "article:author", "byline"])
            .filter(|a| !a.starts_with("http://") && !a.starts_with("https://"))
            .or(linked.author),
        url: canonical_url(&document)
            .or_else(|| find(&["og:url"]))
            .or(linked.url),
        ..RawArticle::default()
    };
    let title = find(&["og:title", "twitter:title"])
        .or(linked.headline)
        .or_else(|| first_text(&document, "title"))
        .or_else(|| first_text(&document, "h1"));
    raw.title = title.map(|t| strip_site_suffix(&t, raw.outlet.as_deref()));

    let root = main_element(&document);
    let mut warnings = Vec::new();
    let date = find(&DATE_META)
        .or(linked.date)
        .or_else(|| time_datetime(root));
    if let Some(date) = date {
        set_date(&mut raw, &date, "", &mut warnings);
    }

    let mut paragraphs = block_texts(root);
    // The headline repeated at the top of the text is not body text.
    if let (Some(first), Some(title)) = (paragraphs.first(), raw.title.as_deref())
        && first.trim() == title.trim()
    {
        paragraphs.remove(0);
    }
    raw.text = paragraphs.join("\n\n");
    if raw.text.trim().is_empty() {
        return Parsed::failed("no article text found in the HTML page");
    }
    Parsed::one(raw, warnings)
}

/// Every `<meta>` by lowercased `property`, `name` or `itemprop`; the first of each wins.
fn meta_tags(document: &Html) -> HashMap<String, String> {
    let mut meta = HashMap::new();
    let Ok(selector) = Selector::parse("meta") else {
        return meta;
    };
    for element in document.select(&selector) {
        let el = element.value();
        let Some(content) = el.attr("content") else {
            continue;
        };
        for attr in ["property", "name", "itemprop"] {
            if let Some(name) = el.attr(attr) {
                meta.entry(name.trim().to_ascii_lowercase())
                    .or_insert_with(|| content.trim().to_string());
            }
        }
    }
    meta
}

/// The `href` of `<link rel="canonical">`.
fn canonical_url(document: &Html) -> Option<String> {
    let selector = Selector::parse("link[rel]").ok()?;
    document
        .select(&selector)
        .filter(|l| {
            l.value().attr("rel").is_some_and(|r| {
                r.split_whitespace()
                    .any(|w| w.eq_ignore_ascii_case("canonical"))
            })
        })
        .find_map(|l| l.value().attr("href").map(|h| h.trim().to_string()))
        .filter(|h| !h.is_empty())
}

/// The whitespace-collapsed text of the first `tag` element, if not blank.
fn first_text(document: &Html, tag: &str) -> Option<String> {
    let selector = Selector::parse(tag).ok()?;
    let element = document.select(&selector).next()?;
    let text = collapse_whitespace(&element.text().collect::<String>());
    (!text.is_empty()).then_some(text)
}

/// The `datetime` of the first `<time>` in the main element, the date many pages show only there.
fn time_datetime(root: ElementRef<'_>) -> Option<String> {
    let selector = Selector::parse("time[datetime]").ok()?;
    root.select(&selector)
        .find_map(|t| t.value().attr("datetime").map(str::to_string))
}

/// "Coup in Niger - Example News" → "Coup in Niger" when the outlet is Example News.
fn strip_site_suffix(title: &str, outlet: Option<&str>) -> String {
    let title = collapse_whitespace(title);
    let Some(outlet) = outlet.map(str::trim).filter(|o| !o.is_empty()) else {
        return title;
    };
    for separator in [" - ", " | ", " – ", " — ", " · ", " :: "] {
        if let Some(head) = title
            .strip_suffix(outlet)
            .and_then(|h| h.strip_suffix(separator))
            && !head.trim().is_empty()
        {
            return head.trim().to_string();
        }
    }
    title
}

/// Runs of whitespace as one space, ends trimmed.
fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_text_without_furniture() {
        let page = r#"<html><head><title>Coup - Wire</title><meta property="og:site_name" content="Wire"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Coup</h1><p>First   para
graph.</p><div class="share-tools">Share this</div><p>Second <b>para</b>.<br>Next line.<br><br>Third.</p>
<figure><img src="x.jpg"><figcaption>A photo (AP)</figcaption></figure><!-- a comment --><script>var x = 1;</script>
<ul><li>One</li><li>Two</li></ul></article><footer>© Wire</footer></body></html>"#;
        let p = parse("k", page);
        let raw = &p.records[0].raw;
        assert_eq!(raw.title.as_deref(), Some("Coup"));
        assert_eq!(raw.outlet.as_deref(), Some("Wire"));
        assert_eq!(
            raw.text,
            "First para graph.\n\nSecond para.\nNext line.\n\nThird.\n\nOne\n\nTwo"
        );
    }

    #[test]
    fn json_ld_fills_missing_metadata() {
        let page = r#"<html><head><title>Raw title</title><script type="application/ld+json">{"@type": "NewsArticle", "headline": "LD headline", "datePublished": "2023-07-28", "publisher": {"name": "LD Wire"}, "author": {"name": "LD Author"}}</script></head><body><p>Text.</p></body></html>"#;
        let raw = &parse("k", page).records[0].raw;
        assert_eq!(raw.title.as_deref(), Some("LD headline"));
        assert_eq!(raw.date, chrono::NaiveDate::from_ymd_opt(2023, 7, 28));
        assert_eq!(raw.outlet.as_deref(), Some("LD Wire"));
        assert_eq!(raw.author.as_deref(), Some("LD Author"));
        assert_eq!(raw.text, "Text.");
    }

    #[test]
    fn page_without_text_fails() {
        assert!(
            parse("k", "<html><body><nav>Home</nav></body></html>")
                .failure
                .is_some()
        );
    }
}
