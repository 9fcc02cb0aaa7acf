//! Cleaning an article's raw text: line endings and whitespace normalised, paragraphs kept,
//! page furniture and photo captions set aside, and the result sanitised for the terminal.
//!
//! The rules, in order:
//! 1. Form feed and U+2029 (paragraph separator) become paragraph breaks, vertical tab a line
//!    break; then [`sanitize`] makes the text inert (`\r\n` and `\r` become `\n`, controls are
//!    shown in caret notation, bidi overrides dropped).
//! 2. Inside a line, every run of whitespace (spaces, tabs, no-break and other Unicode spaces)
//!    becomes one space; invisible characters that only get in the way of matching words (zero
//!    width space, word joiner, byte order mark, soft hyphen) are dropped; lines are trimmed.
//! 3. A blank line separates paragraphs. Inside a block of consecutive lines, single line
//!    breaks are wrapping and become spaces, unless some line before the last is longer than
//!    [`UNWRAPPED_LINE`] characters: text wrapped by hand never has such lines, so the block is
//!    one paragraph a line (as JSON and HTML exports often give it), and each line is kept as
//!    its own paragraph.
//! 4. Page furniture (sign-up forms and other calls to action, see [`super::furniture`]) is
//!    moved to [`CleanText::furniture`], whole paragraphs or their leading run.
//! 5. Photo captions that end in a credit (see [`super::captions`]) are moved to
//!    [`CleanText::captions`].
//! 6. The body is the remaining paragraphs joined by `\n\n`; it holds no control character but
//!    `\n`.

use crate::model::{Caption, Span};
use crate::text::captions::caption_of;
use crate::text::furniture::{Furniture, furniture_in};
use crate::text::sanitize::sanitize;

/// A line longer than this (in characters) is not hand-wrapped text, so line breaks after it
/// separate paragraphs.
pub const UNWRAPPED_LINE: usize = 120;

/// The cleaned body of one article and what was set aside from it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CleanText {
    /// The body: paragraphs separated by exactly one blank line (`\n\n`).
    pub body: String,
    /// The paragraphs' spans in `body`.
    pub paragraphs: Vec<Span>,
    /// Photo captions removed from the body.
    pub captions: Vec<Caption>,
    /// Page furniture removed from the body (sign-up forms, calls to action).
    pub furniture: Vec<String>,
}

/// Cleans `raw` (one article's text as read, after any format-specific parsing).
pub fn clean_body(raw: &str) -> CleanText {
    let text = sanitize(&breaks_unified(raw));
    let mut cleaned = CleanText::default();
    for paragraph in paragraphs_of(&text) {
        let kept = match furniture_in(&paragraph) {
            Furniture::None => paragraph,
            Furniture::Whole => {
                cleaned.furniture.push(paragraph);
                continue;
            }
            Furniture::Leading(end) => match paragraph.split_at_checked(end) {
                Some((lead, rest)) => {
                    cleaned.furniture.push(lead.trim_end().to_string());
                    rest.trim_start().to_string()
                }
                // Not a character boundary: cannot come from `furniture_in`; keep the text.
                None => paragraph,
            },
        };
        if kept.is_empty() {
            continue;
        }
        if let Some(caption) = caption_of(&kept) {
            cleaned.captions.push(caption);
            continue;
        }
        if !cleaned.body.is_empty() {
            cleaned.body.push_str("\n\n");
        }
        let start = cleaned.body.len();
        cleaned.body.push_str(&kept);
        cleaned
            .paragraphs
            .push(Span::new(start, cleaned.body.len()));
    }
    cleaned
}

/// Turns the page and paragraph separators that [`sanitize`] would show as controls into the
/// breaks they stand for. Borrows when there is none (the usual case).
fn breaks_unified(raw: &str) -> std::borrow::Cow<'_, str> {
    if !raw.contains(['\u{0B}', '\u{0C}', '\u{2029}']) {
        return std::borrow::Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len() + 8);
    for c in raw.chars() {
        match c {
            '\u{0C}' | '\u{2029}' => out.push_str("\n\n"),
            '\u{0B}' => out.push('\n'),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The paragraphs of sanitised `text`, whitespace normalised (rules 2 and 3).
fn paragraphs_of(text: &str) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut block: Vec<String> = Vec::new();
    for line in text.split('\n') {
        let line = normalise_line(line);
        if line.is_empty() {
            flush_block(&mut block, &mut paragraphs);
        } else {
            block.push(line);
        }
    }
    flush_block(&mut block, &mut paragraphs);
    paragraphs
}

/// Ends a block of consecutive lines: one paragraph when the lines are wrapping, one a line
/// when some line before the last is too long to be wrapped text.
fn flush_block(block: &mut Vec<String>, paragraphs: &mut Vec<String>) {
    let wrapped = block
        .iter()
        .rev()
        .skip(1)
        // A line has no more characters than bytes: most lines are decided by their length.
        .all(|line| line.len() <= UNWRAPPED_LINE || line.chars().count() <= UNWRAPPED_LINE);
    if wrapped {
        match block.len() {
            0 => {}
            // The usual case: no second copy.
            1 => paragraphs.append(block),
            _ => paragraphs.push(block.join(" ")),
        }
        block.clear();
    } else {
        paragraphs.append(block);
    }
}

/// One line with whitespace runs collapsed to single spaces, invisible characters dropped and
/// the ends trimmed.
fn normalise_line(line: &str) -> String {
    let line = line.trim_matches(|c: char| c.is_whitespace() || is_invisible(c));
    if is_normal(line) {
        return line.to_string();
    }
    let mut out = String::with_capacity(line.len());
    let mut pending_space = false;
    for c in line.chars() {
        if is_invisible(c) {
            continue;
        }
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    out
}

/// True when a trimmed line needs no change: single spaces only, nothing invisible. Most lines
/// are like this, and checking is cheaper than rebuilding.
///
/// Byte by byte: a character that is whitespace or invisible is ASCII or starts with one of
/// the lead bytes in [`MAY_BE_SPACE_OR_INVISIBLE`], so only those are decoded.
fn is_normal(line: &str) -> bool {
    let bytes = line.as_bytes();
    let mut after_space = false;
    let mut at = 0usize;
    while let Some(&byte) = bytes.get(at) {
        if byte == b' ' {
            if after_space {
                return false;
            }
            after_space = true;
            at += 1;
            continue;
        }
        after_space = false;
        if byte.is_ascii() {
            // ASCII whitespace besides the space: tab, line feed, vertical tab, form feed, CR.
            if (0x09..=0x0D).contains(&byte) {
                return false;
            }
            at += 1;
        } else if MAY_BE_SPACE_OR_INVISIBLE.contains(&byte) {
            let Some(c) = line.get(at..).and_then(|rest| rest.chars().next()) else {
                return false;
            };
            if c.is_whitespace() || is_invisible(c) {
                return false;
            }
            at += c.len_utf8();
        } else {
            // Any other lead or continuation byte: part of a character that is neither.
            at += 1;
        }
    }
    true
}

/// The first bytes of every non-ASCII character that is whitespace (U+0085, U+00A0, U+1680,
/// U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000) or invisible (U+00AD, U+200B,
/// U+2060, U+FEFF) in UTF-8.
const MAY_BE_SPACE_OR_INVISIBLE: [u8; 5] = [0xC2, 0xE1, 0xE2, 0xE3, 0xEF];

/// Characters with no width that only split words for matching: zero width space, word
/// joiner, byte order mark (zero width no-break space) and soft hyphen. Zero width joiner and
/// non-joiner are kept: emoji and several scripts need them.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph_texts(cleaned: &CleanText) -> Vec<&str> {
        cleaned
            .paragraphs
            .iter()
            .map(|p| p.slice(&cleaned.body))
            .collect()
    }

    #[test]
    fn line_endings_and_spaces_are_normalised() {
        let cleaned =
            clean_body("One\u{A0}\u{A0}two\t three  \r\nfour\r\n\r\n  Five\u{2009}six \rseven\n");
        assert_eq!(cleaned.body, "One two three four\n\nFive six seven");
        assert_eq!(
            paragraph_texts(&cleaned),
            vec!["One two three four", "Five six seven"]
        );
    }

    #[test]
    fn paragraph_spans_are_exact_and_joined_by_one_blank_line() {
        let cleaned = clean_body("\n\n First.\n\n\n\nSecond one.\n \nThird.\n\n");
        assert_eq!(cleaned.body, "First.\n\nSecond one.\n\nThird.");
        assert_eq!(
            cleaned.paragraphs,
            vec![Span::new(0, 6), Span::new(8, 19), Span::new(21, 27)]
        );
    }

    #[test]
    fn wrapped_lines_join_but_long_lines_stay_paragraphs() {
        let wrapped = clean_body("The army said on Wednesday\nthat it backed the coup.");
        assert_eq!(
            wrapped.body,
            "The army said on Wednesday that it backed the coup."
        );
        let long = "x".repeat(UNWRAPPED_LINE + 1);
        let raw = format!("{long}\nShort line.\nLast line.");
        let cleaned = clean_body(&raw);
        assert_eq!(
            paragraph_texts(&cleaned),
            vec![long.as_str(), "Short line.", "Last line."]
        );
    }

    #[test]
    fn form_feeds_and_separators_break_paragraphs() {
        let cleaned = clean_body("One.\u{0C}Two.\u{2029}Three.\u{2028}Four.");
        assert_eq!(
            paragraph_texts(&cleaned),
            vec!["One.", "Two.", "Three. Four."]
        );
    }

    #[test]
    fn invisible_characters_are_dropped() {
        let cleaned = clean_body("\u{FEFF}Ba\u{AD}zoum\u{200B} spoke");
        assert_eq!(cleaned.body, "Bazoum spoke");
    }

    #[test]
    fn controls_never_reach_the_body() {
        let cleaned =
            clean_body("Title\x1b]52;c;aGk=\x07 here\x1b[2J\u{9B}31m \u{202E}txet\n\nok\x7f");
        assert!(
            cleaned.body.chars().all(|c| c == '\n' || !c.is_control()),
            "{:?}",
            cleaned.body
        );
        assert_eq!(
            cleaned.body,
            "Title^[]52;c;aGk=^G here^[[2J<9B>31m txet\n\nok^?"
        );
    }

    #[test]
    fn empty_and_blank_input_give_an_empty_body() {
        assert_eq!(clean_body(""), CleanText::default());
        assert_eq!(clean_body(" \n\t\r\n\u{A0}"), CleanText::default());
    }

    /// The first definition, character by character: what the byte scan must keep.
    fn is_normal_by_chars(line: &str) -> bool {
        let mut after_space = false;
        for c in line.chars() {
            if c == ' ' {
                if after_space {
                    return false;
                }
                after_space = true;
            } else if c.is_whitespace() || is_invisible(c) {
                return false;
            } else {
                after_space = false;
            }
        }
        true
    }

    #[test]
    fn every_whitespace_or_invisible_character_starts_with_a_listed_byte() {
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            if c.is_whitespace() || is_invisible(c) {
                let mut utf8 = [0u8; 4];
                let lead = c.encode_utf8(&mut utf8).as_bytes()[0];
                assert!(MAY_BE_SPACE_OR_INVISIBLE.contains(&lead), "{c:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn the_byte_scan_agrees_with_the_character_definition(
            chars in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::char::range(' ', '~'),
                    proptest::sample::select(vec![
                        ' ', '\t', '\r', '\u{0B}', '\u{0C}', '\u{85}', '\u{A0}', '\u{AD}',
                        '\u{1680}', '\u{2000}', '\u{200A}', '\u{200B}', '\u{2028}', '\u{202F}',
                        '\u{205F}', '\u{2060}', '\u{3000}', '\u{FEFF}', 'é', '€', '–', '“',
                        '\u{2011}', '\u{3001}', '\u{FEFE}', '漢', '😀', '\u{C0}', '\u{E100}',
                    ]),
                    proptest::char::any(),
                ],
                0..40,
            )
        ) {
            let line: String = chars.into_iter().collect();
            proptest::prop_assert_eq!(is_normal(&line), is_normal_by_chars(&line), "{:?}", line);
        }
    }
}
