//! Paragraph spans: runs of non-blank lines separated by one or more blank lines.

use crate::model::Span;

/// The spans of the paragraphs of `text`, trimmed of surrounding whitespace, in order.
/// A paragraph ends at a line that holds only whitespace.
pub fn split_paragraphs(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0usize;
    let mut offset = 0usize;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            if let Some(s) = start.take() {
                spans.push(trimmed(text, s, end));
            }
        } else {
            if start.is_none() {
                start = Some(offset);
            }
            end = offset + content.len();
        }
        offset += line.len();
    }
    if let Some(s) = start {
        spans.push(trimmed(text, s, end));
    }
    spans
}

fn trimmed(text: &str, start: usize, end: usize) -> Span {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    Span::new(start + lead, end - trail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_separate_paragraphs_and_spans_are_trimmed() {
        let text = "  One line.\nSame para.\n\n \n Two.  \n";
        let spans = split_paragraphs(text);
        let texts: Vec<&str> = spans.iter().map(|s| s.slice(text)).collect();
        assert_eq!(texts, vec!["One line.\nSame para.", "Two."]);
    }

    #[test]
    fn empty_text_has_no_paragraph() {
        assert!(split_paragraphs("").is_empty());
        assert!(split_paragraphs("\n \n\t\n").is_empty());
    }
}
