//! Quotation marks: where each direct quotation opens and closes.
//!
//! Straight `"` and curly `“ ”` double quotes are both used, sometimes mixed in one pair
//! (`"That is why…”`). A curly mark says which side it is; a straight mark is an opening one
//! after a space or at a paragraph's start and a closing one otherwise. A quotation left open at
//! the end of a paragraph continues when the next paragraph opens with a quotation mark (the
//! news convention for a quotation over several paragraphs); otherwise it is dropped.
//! Scare quotes are kept: in news they nearly always quote a source's own word.

use crate::model::Span;

/// One quotation: its marks and the quoted words between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Quotation {
    /// The opening mark's first byte.
    pub open: usize,
    /// One past the closing mark's last byte.
    pub close_end: usize,
    /// The words inside the marks, without surrounding spaces.
    pub inner: Span,
}

/// The role a quotation mark plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
}

/// Whether the mark at byte `at` of `text` opens or closes a quotation.
fn classify(text: &str, at: usize, c: char) -> Option<Mark> {
    match c {
        '“' | '„' | '‟' => Some(Mark::Open),
        '”' => Some(Mark::Close),
        '"' => {
            let before = text.get(..at).and_then(|s| s.chars().next_back());
            let after = text.get(at + 1..).and_then(|s| s.chars().next());
            let opens_after =
                |b: Option<char>| b.is_none_or(|b| b.is_whitespace() || "([{—–-/:".contains(b));
            if opens_after(before) && after.is_some_and(|a| !a.is_whitespace()) {
                Some(Mark::Open)
            } else {
                Some(Mark::Close)
            }
        }
        _ => None,
    }
}

/// Every quotation in `body`, in order. `paragraphs` are the body's paragraph spans.
pub(crate) fn find_quotations(body: &str, paragraphs: &[Span]) -> Vec<Quotation> {
    let mut found = Vec::new();
    // An opening mark still waiting for its close: (byte of the mark, byte after it).
    let mut open: Option<(usize, usize)> = None;
    // True when `open` comes from an earlier paragraph and this one re-opens it.
    let mut continuing = false;
    for (n, para) in paragraphs.iter().enumerate() {
        let text = para.slice(body);
        let base = para.start as usize;
        for (i, c) in mark_candidates(text) {
            let Some(mark) = classify(text, i, c) else {
                continue;
            };
            let at = base + i;
            match (mark, open) {
                (Mark::Open, Some(_)) if continuing => {}
                (Mark::Open, _) => open = Some((at, at + c.len_utf8())),
                (Mark::Close, Some((start, after))) => {
                    if let Some(inner) = trimmed(body, after, at) {
                        found.push(Quotation {
                            open: start,
                            close_end: at + c.len_utf8(),
                            inner,
                        });
                    }
                    open = None;
                }
                (Mark::Close, None) => {}
            }
            continuing = false;
        }
        // Unclosed at the paragraph's end: continues only if the next paragraph opens with a mark.
        continuing = open.is_some() && paragraphs.get(n + 1).is_some_and(|p| opens(body, p));
        if !continuing {
            open = None;
        }
    }
    found
}

/// The characters of `text` that may be quotation marks, with their bytes: every `"` and every
/// character whose UTF-8 starts with byte 0xE2 (the curly marks are U+201C–U+201F). Finding them
/// by byte skips the decoding of every other character.
fn mark_candidates(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        let rest = bytes.get(from..)?;
        let at = from + memchr::memchr2(b'"', 0xE2, rest)?;
        // Both bytes start a character, so `at` is a character boundary.
        let c = text.get(at..)?.chars().next()?;
        from = at + c.len_utf8();
        Some((at, c))
    })
}

/// True when the paragraph starts with an opening mark.
fn opens(body: &str, para: &Span) -> bool {
    let text = para.slice(body).trim_start();
    text.chars()
        .next()
        .is_some_and(|c| classify(text, 0, c) == Some(Mark::Open))
}

/// The span `from..to` of `body` without surrounding whitespace, or `None` when empty.
fn trimmed(body: &str, from: usize, to: usize) -> Option<Span> {
    let text = body.get(from..to)?;
    let start = from + (text.len() - text.trim_start().len());
    let end = from + text.trim_end().len();
    (end > start).then(|| Span::new(start, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::paragraphs::split_paragraphs;

    fn quotes(body: &str) -> Vec<&str> {
        find_quotations(body, &split_paragraphs(body))
            .iter()
            .map(|q| q.inner.slice(body))
            .collect()
    }

    #[test]
    fn mark_candidates_include_every_quotation_mark() {
        let text = "a\"b“c”d„e‟f – g’h\"";
        let marks: Vec<(usize, char)> = text
            .char_indices()
            .filter(|&(i, c)| classify(text, i, c).is_some())
            .collect();
        let candidates: Vec<(usize, char)> = mark_candidates(text)
            .filter(|&(i, c)| classify(text, i, c).is_some())
            .collect();
        assert_eq!(candidates, marks);
        assert_eq!(marks.len(), 6);
    }

    #[test]
    fn straight_curly_and_mixed_pairs() {
        let body = "He said \"one two\" and “three”. \"That is why we decided.”";
        assert_eq!(
            quotes(body),
            vec!["one two", "three", "That is why we decided."]
        );
    }

    #[test]
    fn a_quotation_continues_into_a_paragraph_that_opens_with_a_mark() {
        let body = "“First part of it.\n\n“Second part,” she said.\n\nThen “short” words.";
        assert_eq!(
            quotes(body),
            vec!["First part of it.\n\n“Second part,", "short"]
        );
    }

    #[test]
    fn an_unclosed_quotation_is_dropped_at_the_paragraph_end() {
        let body = "He said “never closed.\n\nNext paragraph with “a quote”.";
        assert_eq!(quotes(body), vec!["a quote"]);
    }

    #[test]
    fn marks_after_opening_punctuation_and_apostrophes_do_not_confuse() {
        let body = "Signs (\"Down with France\") and the word \"extract\".";
        assert_eq!(quotes(body), vec!["Down with France", "extract"]);
    }
}
