//! The article text of an HTML page or fragment: which element holds the story, and its blocks
//! as paragraphs with page furniture left out.
//!
//! The story is the `<article>` with the most paragraph text, else `<main>`, else the element
//! whose paragraphs hold the most text. Inside it, page furniture is dropped: navigation,
//! headers, footers, asides, scripts, styles, forms, comments, figure captions, hidden elements
//! and blocks whose class or id names related links, sharing, newsletters, subscriptions,
//! comments, promotions or advertising. Block elements (p, h1–h6, li, blockquote, …) become
//! paragraphs separated by blank lines.

use std::collections::HashMap;

use scraper::{ElementRef, Html, Node, Selector};

/// Elements that are never article text, with everything inside them.
const DROPPED_TAGS: [&str; 23] = [
    "head",
    "nav",
    "header",
    "footer",
    "aside",
    "script",
    "style",
    "noscript",
    "template",
    "form",
    "button",
    "select",
    "textarea",
    "input",
    "label",
    "iframe",
    "object",
    "embed",
    "svg",
    "canvas",
    "figcaption",
    "video",
    "audio",
];

/// Elements that start and end a paragraph.
const BLOCK_TAGS: [&str; 30] = [
    "p",
    "div",
    "section",
    "article",
    "main",
    "body",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "figure",
    "address",
    "hr",
    "center",
    "details",
    "summary",
    "caption",
    "hgroup",
];

/// Words in a class or id that mark a block as page furniture rather than the article.
const FURNITURE_WORDS: [&str; 22] = [
    "related",
    "share",
    "sharing",
    "social",
    "newsletter",
    "newsletters",
    "subscribe",
    "subscription",
    "signup",
    "comment",
    "comments",
    "promo",
    "promotion",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "sponsored",
    "cookie",
    "cookies",
    "recommended",
    "outbrain",
];

/// How many `<article>` or `<main>` elements are scored, and how many labelled blocks are
/// weighed before dropping, at most: real pages have a handful, hostile ones thousands.
const MAX_CANDIDATES: usize = 64;

/// The text of an HTML fragment (article text that a JSON export gives as markup), blocks as
/// paragraphs separated by blank lines, furniture dropped as in a page.
pub fn fragment_text(markup: &str) -> String {
    let fragment = Html::parse_fragment(markup);
    block_texts(fragment.root_element()).join("\n\n")
}

/// True when `text` holds HTML block or line-break tags rather than plain text.
pub fn looks_like_html(text: &str) -> bool {
    let lower = text.get(..text.len().min(4096)).unwrap_or(text);
    [
        "<p>", "<p ", "</p>", "<br>", "<br/>", "<br />", "<div", "</li>",
    ]
    .iter()
    .any(|tag| lower.contains(tag) || lower.contains(&tag.to_ascii_uppercase()))
}

/// The element that holds the article: the `<article>` with the most paragraph text, else
/// `<main>`, else the element whose child paragraphs hold the most text, else the whole page.
pub fn main_element(document: &Html) -> ElementRef<'_> {
    let page = document.root_element();
    let densest = densest_paragraph_parent(document);
    for tag in ["article", "main"] {
        let Ok(selector) = Selector::parse(tag) else {
            continue;
        };
        let mut best: Option<(usize, ElementRef<'_>)> = None;
        // A page with thousands of (nested) candidates would make scoring quadratic; real
        // pages have a handful.
        for element in document.select(&selector).take(MAX_CANDIDATES) {
            let score = paragraph_text_len(element);
            // Strictly greater: the first of equals wins, so the choice is deterministic.
            if score > 0 && best.is_none_or(|(s, _)| score > s) {
                best = Some((score, element));
            }
        }
        if let Some((score, element)) = best {
            // `<article>` also marks teaser cards: when the paragraphs of one block outside
            // them hold more than twice the text, that block is the story.
            match densest {
                Some((dense, block))
                    if dense > 2 * score
                        && !element.ancestors().any(|a| a == *block)
                        && !block.ancestors().any(|a| a == *element) =>
                {
                    return block;
                }
                _ => return element,
            }
        }
    }
    densest.map_or(page, |(_, block)| block)
}

/// How much text the `<p>` elements inside `element` hold.
fn paragraph_text_len(element: ElementRef<'_>) -> usize {
    let Ok(selector) = Selector::parse("p") else {
        return 0;
    };
    element
        .select(&selector)
        .map(|p| p.text().map(|t| t.trim().len()).sum::<usize>())
        .sum()
}

/// The element whose child `<p>` elements hold the most text, and that amount.
fn densest_paragraph_parent(document: &Html) -> Option<(usize, ElementRef<'_>)> {
    let selector = Selector::parse("p").ok()?;
    let mut scores: HashMap<_, usize> = HashMap::new();
    let mut order = Vec::new();
    for p in document.select(&selector) {
        let Some(parent) = p.parent().and_then(ElementRef::wrap) else {
            continue;
        };
        let len: usize = p.text().map(|t| t.trim().len()).sum();
        let entry = scores.entry(parent.id()).or_insert_with(|| {
            order.push(parent);
            0
        });
        *entry += len;
    }
    let mut best: Option<(usize, ElementRef<'_>)> = None;
    for parent in order {
        let score = scores.get(&parent.id()).copied().unwrap_or(0);
        if score > 0 && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, parent));
        }
    }
    best
}

/// True for an element that is page furniture by its tag or because it is hidden.
fn is_furniture_tag(element: &scraper::node::Element) -> bool {
    DROPPED_TAGS.contains(&element.name())
        || element.attr("hidden").is_some()
        || element
            .attr("aria-hidden")
            .is_some_and(|v| v.eq_ignore_ascii_case("true"))
}

/// True for an element whose class or id names page furniture (related links, sharing, …).
fn has_furniture_label(element: &scraper::node::Element) -> bool {
    let labels = [element.attr("class"), element.attr("id")];
    labels
        .iter()
        .flatten()
        .any(|label| words(label).any(|w| FURNITURE_WORDS.contains(&w.as_str())))
}

/// The lowercase words of a class or id: split at punctuation, spaces and camelCase humps.
fn words(label: &str) -> impl Iterator<Item = String> + '_ {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut prev_lower = false;
    for c in label.chars() {
        if (!c.is_alphanumeric() || (c.is_uppercase() && prev_lower)) && !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
        if c.is_alphanumeric() {
            current.extend(c.to_lowercase());
        }
        prev_lower = c.is_lowercase();
    }
    if !current.is_empty() {
        words.push(current);
    }
    words.into_iter()
}

/// The text of `root`'s blocks, one string a paragraph, furniture left out. Walks the tree with
/// an explicit stack: a page nested thousands of elements deep must not overflow the call stack.
pub fn block_texts(root: ElementRef<'_>) -> Vec<String> {
    let mut out = Paragraphs::default();
    // (node, entering): a node is visited once on the way in and once on the way out.
    let mut stack = vec![(*root, true)];
    let mut pre_depth = 0usize;
    // Labels are a guess: a wrapper called `has-comments` may hold the story itself. A labelled
    // block that holds more than half of the paragraph text stays.
    // Each check reads a subtree; a bounded number keeps hostile nesting from going quadratic.
    let total = paragraph_text_len(root);
    let checks = std::cell::Cell::new(0usize);
    let is_dropped = |node| {
        let Some(element) = ElementRef::wrap(node) else {
            return false;
        };
        if is_furniture_tag(element.value()) {
            return true;
        }
        if !has_furniture_label(element.value()) {
            return false;
        }
        checks.set(checks.get() + 1);
        checks.get() > MAX_CANDIDATES || paragraph_text_len(element) * 2 <= total
    };
    while let Some((node, entering)) = stack.pop() {
        match node.value() {
            Node::Element(element) => {
                let name = element.name();
                if entering {
                    if node != *root && is_dropped(node) {
                        continue;
                    }
                    if BLOCK_TAGS.contains(&name) {
                        out.flush();
                    }
                    match name {
                        "br" => out.line_break(),
                        "td" | "th" => out.space(),
                        "pre" => pre_depth += 1,
                        _ => {}
                    }
                    stack.push((node, false));
                    stack.extend(node.children().rev().map(|child| (child, true)));
                } else {
                    if BLOCK_TAGS.contains(&name) {
                        out.flush();
                    }
                    if name == "pre" {
                        pre_depth = pre_depth.saturating_sub(1);
                    }
                }
            }
            Node::Text(text) if entering => out.text(text, pre_depth > 0),
            _ => {}
        }
    }
    out.flush();
    out.done
}

/// Collects text into paragraphs.
#[derive(Default)]
struct Paragraphs {
    /// Finished paragraphs.
    done: Vec<String>,
    /// The paragraph being collected; `\n` marks a `<br>`.
    current: String,
}

impl Paragraphs {
    /// Adds text, collapsing HTML whitespace unless it is preformatted.
    fn text(&mut self, text: &str, preformatted: bool) {
        if preformatted {
            self.current.push_str(text);
            return;
        }
        for c in text.chars() {
            if c.is_whitespace() {
                self.space();
            } else {
                self.current.push(c);
            }
        }
    }

    /// One space, unless the paragraph is empty or already ends in whitespace.
    fn space(&mut self) {
        if !self.current.is_empty() && !self.current.ends_with(char::is_whitespace) {
            self.current.push(' ');
        }
    }

    fn line_break(&mut self) {
        self.current.push('\n');
    }

    /// Ends the current paragraph. Two `<br>` in a row separate paragraphs; one is a line break.
    fn flush(&mut self) {
        let current = std::mem::take(&mut self.current);
        let mut lines: Vec<&str> = Vec::new();
        for line in current.split('\n') {
            let line = line.trim();
            if line.is_empty() {
                if !lines.is_empty() {
                    self.done.push(lines.join("\n"));
                    lines.clear();
                }
            } else {
                lines.push(line);
            }
        }
        if !lines.is_empty() {
            self.done.push(lines.join("\n"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of a whole page, as the HTML parser takes it.
    fn page_text(page: &str) -> String {
        let document = Html::parse_document(page);
        block_texts(main_element(&document)).join("\n\n")
    }

    #[test]
    fn class_words_split_at_humps_and_punctuation() {
        let w: Vec<String> = words("relatedLinks js-share_bar").collect();
        assert_eq!(w, vec!["related", "links", "js", "share", "bar"]);
        // "commentary" is an article genre, not a comment section.
        assert!(!words("commentary-body").any(|w| FURNITURE_WORDS.contains(&w.as_str())));
    }

    #[test]
    fn densest_block_when_there_is_no_article_element() {
        let page = "<body><div id=menu><p>Menu</p></div><div id=story><p>Long paragraph one of the story.</p><p>Another long paragraph.</p></div></body>";
        let text = page_text(page);
        assert_eq!(
            text,
            "Long paragraph one of the story.\n\nAnother long paragraph."
        );
    }

    #[test]
    fn teaser_articles_lose_to_the_story_block() {
        let page = "<body><article class=card><p>Teaser one.</p></article><div class=story><p>The real story has a long first paragraph about the talks.</p><p>And a second one.</p></div><article class=card><p>Teaser two.</p></article></body>";
        let text = page_text(page);
        assert_eq!(
            text,
            "The real story has a long first paragraph about the talks.\n\nAnd a second one."
        );
    }

    #[test]
    fn a_labelled_wrapper_that_holds_the_story_is_kept() {
        let page = "<article><div class=\"body has-comments\"><p>The story, all of it, is in here.</p></div><div class=comments><p>A reader comment.</p></div></article>";
        let text = page_text(page);
        assert_eq!(text, "The story, all of it, is in here.");
    }

    #[test]
    fn fragments_become_paragraphs() {
        assert!(looks_like_html("<p>One</p>"));
        assert!(!looks_like_html("a < b and c > d"));
        assert_eq!(
            fragment_text("<p>One &amp; two.</p><p>Three.</p>"),
            "One & two.\n\nThree."
        );
    }

    #[test]
    fn deeply_nested_page_does_not_overflow() {
        let page = format!("{}text{}", "<div>".repeat(20_000), "</div>".repeat(20_000));
        let text = page_text(&page);
        assert_eq!(text, "text");
    }
}
