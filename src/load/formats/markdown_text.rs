//! Markdown body text without its markup: heading marks, emphasis, link syntax (the link text
//! stays), images, list and quote markers, code fences, reference definitions, HTML tags and
//! comments removed; headings, list items and quotations become paragraphs of their own.

/// Marks a level-1 heading that opens the text, so that the Markdown parser can take it for the
/// title; the parser removes the mark.
pub const HEADING_MARK: &str = "\u{1}";

/// The body's text without Markdown markup. Blocks (headings, list items, quotes) become
/// paragraphs of their own, separated by blank lines.
pub fn strip_markup(body: &str) -> String {
    let body = remove_html_comments(body);
    let mut out = String::with_capacity(body.len());
    let mut in_fence = false;
    let mut first_block = true;
    let mut in_quote = false;
    for line in body.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            out.push_str("\n\n");
            continue;
        }
        if in_fence {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        if is_rule(trimmed) || is_reference_definition(trimmed) {
            out.push_str("\n\n");
            continue;
        }
        let mut content = trimmed;
        let quoted = content.starts_with('>');
        while let Some(rest) = content.strip_prefix('>') {
            content = rest.trim_start();
        }
        if quoted != in_quote {
            // A quotation is a block of its own.
            out.push_str("\n\n");
            in_quote = quoted;
        }
        if let Some((level, heading)) = atx_heading(content) {
            out.push_str("\n\n");
            if level == 1 && first_block {
                out.push_str(HEADING_MARK);
            }
            out.push_str(&strip_inline(heading, 0));
            out.push_str("\n\n");
            first_block = false;
            continue;
        }
        if let Some(item) = list_item(content) {
            out.push_str("\n\n");
            content = item;
        }
        if !content.is_empty() {
            first_block = false;
        }
        out.push_str(&strip_inline(content, 0));
        out.push('\n');
    }
    out
}

/// `<!-- … -->` comments removed (an unclosed one runs to the end).
fn remove_html_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("<!--") {
        out.push_str(rest.get(..start).unwrap_or(""));
        let after = rest.get(start + 4..).unwrap_or("");
        rest = after
            .find("-->")
            .and_then(|end| after.get(end + 3..))
            .unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// A thematic break (`---`, `***`, `___`, spaces allowed) or a setext underline (`===`).
fn is_rule(line: &str) -> bool {
    let marks: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    marks.len() >= 3
        && ["-", "*", "_", "="]
            .iter()
            .any(|m| marks.chars().all(|c| c.to_string() == *m))
}

/// Links nested deeper than this in link text keep their markup.
const MAX_LINK_NESTING: usize = 8;
/// A link (text and target) longer than this is not taken for one.
const MAX_LINK_CHARS: usize = 1024;
/// An HTML tag longer than this is not taken for one.
const MAX_TAG_CHARS: usize = 512;

/// `[label]: https://…`, a reference-style link's target.
fn is_reference_definition(line: &str) -> bool {
    line.starts_with('[')
        && line
            .find("]:")
            .is_some_and(|i| !line.get(1..i).unwrap_or("").contains(']'))
}

/// `## Heading ##` → (2, "Heading").
fn atx_heading(line: &str) -> Option<(usize, &str)> {
    let level = line.chars().take_while(|&c| c == '#').count();
    if level == 0 || level > 6 {
        return None;
    }
    let rest = line.get(level..)?;
    if !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
        return None;
    }
    Some((level, rest.trim().trim_end_matches('#').trim_end()))
}

/// The content of a list item (`- x`, `* x`, `+ x`, `1. x`, `1) x`), if `line` is one.
fn list_item(line: &str) -> Option<&str> {
    for marker in ["- ", "* ", "+ "] {
        if let Some(rest) = line.strip_prefix(marker) {
            return Some(rest.trim_start());
        }
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 || digits > 9 {
        return None;
    }
    let rest = line.get(digits..)?;
    let rest = rest.strip_prefix(['.', ')'])?;
    rest.starts_with(' ').then(|| rest.trim_start())
}

/// Inline markup removed from one line: images dropped, links and autolinks reduced to their
/// text, emphasis and code markers and HTML tags removed, backslash escapes resolved.
/// `depth` counts links nested in link text, so that a hostile line cannot exhaust the stack.
fn strip_inline(line: &str, depth: usize) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let next = chars.get(i + 1).copied();
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        match c {
            '\\' if next.is_some_and(|n| n.is_ascii_punctuation()) => {
                out.extend(next);
                i += 2;
            }
            '!' if next == Some('[') => match link_at(&chars, i + 1) {
                Some((_, end)) => i = end,
                None => {
                    out.push(c);
                    i += 1;
                }
            },
            '[' => match link_at(&chars, i) {
                Some((text, end)) => {
                    if depth < MAX_LINK_NESTING {
                        out.push_str(&strip_inline(&text, depth + 1));
                    } else {
                        out.push_str(&text);
                    }
                    i = end;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            },
            '<' => match tag_end(&chars, i) {
                Some((inner, end)) => {
                    if inner.starts_with("http://")
                        || inner.starts_with("https://")
                        || inner.starts_with("mailto:")
                    {
                        out.push_str(&inner);
                    }
                    i = end;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            },
            '`' => i += 1,
            '*' | '~' if next == Some(c) => i += 2,
            '_' if next == Some('_') && !is_word(prev) => i += 2,
            '*' | '_' if is_emphasis_marker(c, prev, next) => i += 1,
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// A single `*` or `_` that opens or closes emphasis: touching text on one side and not on the
/// other. `_` inside a word (snake_case) and a lone `*` between spaces stay.
fn is_emphasis_marker(c: char, prev: Option<char>, next: Option<char>) -> bool {
    let space_before = prev.is_none_or(char::is_whitespace);
    let space_after = next.is_none_or(char::is_whitespace);
    if c == '_' && is_word(prev) && is_word(next) {
        return false;
    }
    space_before != space_after
        || (!space_before && !space_after && (!is_word(prev) || !is_word(next)))
}

/// A link `[text](target)` or `[text][ref]` starting at `start` (the `[`): its text and the
/// index after it.
fn link_at(chars: &[char], start: usize) -> Option<(String, usize)> {
    // Bounded scans: a long line full of unmatched brackets must stay linear, not quadratic.
    let chars = chars.get(..chars.len().min(start + MAX_LINK_CHARS))?;
    let mut depth = 0usize;
    let mut close = None;
    for (j, &c) in chars.iter().enumerate().skip(start) {
        match c {
            '[' => depth += 1,
            ']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    close = Some(j);
                    break;
                }
            }
            _ => {}
        }
    }
    let close = close?;
    let text: String = chars.get(start + 1..close)?.iter().collect();
    let (open, shut) = match chars.get(close + 1) {
        Some('(') => ('(', ')'),
        Some('[') => ('[', ']'),
        _ => return None,
    };
    let mut depth = 0usize;
    for (j, &c) in chars.iter().enumerate().skip(close + 1) {
        if c == open {
            depth += 1;
        } else if c == shut {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                return Some((text, j + 1));
            }
        }
    }
    None
}

/// An HTML tag or autolink `<…>` starting at `start`: its inside and the index after it. Only
/// a `<` followed by a letter, `/` or `!` opens one, so "a < b" stays text.
fn tag_end(chars: &[char], start: usize) -> Option<(String, usize)> {
    let first = *chars.get(start + 1)?;
    if !(first.is_ascii_alphabetic() || first == '/' || first == '!') {
        return None;
    }
    let len = chars
        .get(start + 1..)?
        .iter()
        .take(MAX_TAG_CHARS)
        .position(|&c| c == '>')?;
    let inner: String = chars.get(start + 1..start + 1 + len)?.iter().collect();
    Some((inner, start + len + 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_removed_and_text_kept() {
        let out = strip_markup(
            "## A *bold* move\nThe **junta** said [in a statement](https://x.org) that_this ![photo](p.jpg)<br> stands.\n- first item\n- second\n> quoted line\n\n---\n[ref]: https://x.org\n<!-- hidden -->5 * 3 = 15",
        );
        let paragraphs: Vec<&str> = out
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        assert_eq!(
            paragraphs,
            vec![
                "A bold move",
                "The junta said in a statement that_this  stands.",
                "first item",
                "second",
                "quoted line",
                "5 * 3 = 15",
            ]
        );
    }

    #[test]
    fn long_lines_of_brackets_stay_fast_and_keep_their_text() {
        let line = "[".repeat(20_000) + &"<a".repeat(10_000);
        let out = strip_inline(&line, 0);
        assert_eq!(out.len(), line.len());
        let nested = "[".repeat(50) + "x" + &"](u)".repeat(50);
        assert!(strip_inline(&nested, 0).contains('x'));
    }
}
