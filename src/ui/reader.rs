//! The reader's model: which article, which sentence, where the text is scrolled, and how the
//! body wraps at a width (shared by `update`, which keeps the sentence in view, and `view`).

use unicode_width::UnicodeWidthChar;

use crate::model::{Article, ArticleId, Span};

/// Where the reader is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderState {
    /// The article shown.
    pub article: ArticleId,
    /// The current sentence.
    pub sentence: u32,
    /// First wrapped line shown.
    pub scroll: usize,
    /// The marked mention (an index into the corpus's mentions), which Enter puts in the lens.
    pub cursor: Option<usize>,
    /// The search query typed after `/` (case-insensitive substring).
    pub search: String,
    /// True while the search is being typed.
    pub searching: bool,
}

impl ReaderState {
    /// The reader at the start of `article`.
    pub fn new(article: ArticleId) -> ReaderState {
        ReaderState {
            article,
            sentence: 0,
            scroll: 0,
            cursor: None,
            search: String::new(),
            searching: false,
        }
    }
}

/// One wrapped line of the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    /// The outlet and date.
    Meta(String),
    /// The headline.
    Title(String),
    /// A blank line.
    Blank,
    /// Body text: a byte range of the body (whitespace around it trimmed).
    Body(Span),
}

/// Wraps `text` (starting at byte `base` of the body) at `width` columns, breaking at spaces and
/// inside words longer than a line.
fn wrap_range(text: &str, base: usize, width: usize, out: &mut Vec<Line>) {
    let width = width.max(1);
    let mut line_start: Option<usize> = None;
    let mut line_end = 0usize;
    let mut line_width = 0usize;
    let mut word_start: Option<usize> = None;
    let mut word_width = 0usize;
    let flush_word = |ws: usize,
                      we: usize,
                      ww: usize,
                      line_start: &mut Option<usize>,
                      line_end: &mut usize,
                      line_width: &mut usize,
                      out: &mut Vec<Line>| {
        match *line_start {
            Some(ls) if *line_width + 1 + ww <= width => {
                *line_end = we;
                *line_width += 1 + ww;
                let _ = ls;
            }
            Some(ls) => {
                out.push(Line::Body(Span::new(base + ls, base + *line_end)));
                *line_start = Some(ws);
                *line_end = we;
                *line_width = ww;
            }
            None => {
                *line_start = Some(ws);
                *line_end = we;
                *line_width = ww;
            }
        }
    };
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(ws) = word_start.take() {
                flush_word(
                    ws,
                    i,
                    word_width,
                    &mut line_start,
                    &mut line_end,
                    &mut line_width,
                    out,
                );
            }
            word_width = 0;
            continue;
        }
        let w = c.width().unwrap_or(0);
        if word_start.is_some() && word_width + w > width {
            // A word longer than the line: cut it here.
            if let Some(ws) = word_start.take() {
                flush_word(
                    ws,
                    i,
                    word_width,
                    &mut line_start,
                    &mut line_end,
                    &mut line_width,
                    out,
                );
            }
            word_width = 0;
        }
        if word_start.is_none() {
            word_start = Some(i);
        }
        word_width += w;
    }
    if let Some(ws) = word_start {
        flush_word(
            ws,
            text.len(),
            word_width,
            &mut line_start,
            &mut line_end,
            &mut line_width,
            out,
        );
    }
    if let Some(ls) = line_start {
        out.push(Line::Body(Span::new(base + ls, base + line_end)));
    }
}

/// The article as wrapped lines at `width` columns: outlet and date, title, then paragraphs.
pub fn wrap(article: &Article, width: usize) -> Vec<Line> {
    let mut lines = Vec::new();
    let date = article.date.map(|d| d.to_string()).unwrap_or_default();
    let outlet = article.outlet.as_deref().unwrap_or("unknown outlet");
    lines.push(Line::Meta(if date.is_empty() {
        outlet.to_string()
    } else {
        format!("{outlet} · {date}")
    }));
    if let Some(title) = &article.title {
        lines.push(Line::Title(title.clone()));
    }
    for p in &article.paragraphs {
        lines.push(Line::Blank);
        wrap_range(p.slice(&article.body), p.start as usize, width, &mut lines);
    }
    lines
}

/// The first line that shows part of `span`.
pub fn line_of(lines: &[Line], span: Span) -> Option<usize> {
    lines.iter().position(|l| match l {
        Line::Body(s) => s.end > span.start && s.start < span.end.max(span.start + 1),
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::fixture;

    #[test]
    fn wrapped_lines_fit_and_cover_the_words() {
        let c = fixture::corpus();
        let a = &c.articles[0];
        for width in [1, 5, 20, 60] {
            let lines = wrap(a, width);
            let mut words = 0;
            for l in &lines {
                if let Line::Body(s) = l {
                    let text = s.slice(&a.body);
                    assert!(unicode_width::UnicodeWidthStr::width(text) <= width.max(1));
                    words += text.split_whitespace().count();
                }
            }
            if width >= 20 {
                assert_eq!(words, a.word_count());
            }
        }
    }
}
