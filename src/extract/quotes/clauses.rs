//! Sentences as the attribution rules see them, and their tokens.
//!
//! Attribution needs sentences that never end inside a quotation (a quotation of two
//! sentences is attributed once, after it), so this splitter is quotation-aware and independent
//! of the article's own sentence list, which is used only to report where a record stands.

use super::marks::Quotation;
use crate::model::Span;

/// Abbreviations that end in a full stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "col", "maj", "lt", "sgt", "capt", "cpt", "st", "jr", "sr",
    "prof", "gov", "sen", "rep", "no", "vs", "etc", "inc", "co", "ltd", "corp", "rev", "hon",
    "adm", "brig", "cmdr", "cdr", "pres", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct",
    "nov", "dec", "a.m", "p.m",
];

/// True when the word before a full stop is an abbreviation or an initial ("U.S", "J").
fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    w.chars().count() == 1 && w.chars().all(char::is_uppercase)
        || w.contains('.')
        || ABBREVIATIONS.contains(&w.to_lowercase().as_str())
}

/// Splits each paragraph into sentences, never inside a quotation.
pub(crate) fn split(body: &str, paragraphs: &[Span], quotations: &[Quotation]) -> Vec<Span> {
    let mut sentences = Vec::new();
    for para in paragraphs {
        let (p_start, p_end) = (para.start as usize, para.end as usize);
        let mut start = p_start;
        let text = para.slice(body);
        let mut iter = text.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            let at = p_start + i;
            if quotations
                .iter()
                .any(|q| q.inner.start as usize <= at && at < q.inner.end as usize)
            {
                continue;
            }
            let ends_quote = quotations
                .iter()
                .find(|q| q.close_end == at + c.len_utf8() && q.open >= start)
                .is_some_and(|q| q.inner.slice(body).trim_end().ends_with(['.', '!', '?']));
            if !(matches!(c, '.' | '!' | '?') || ends_quote) {
                continue;
            }
            // Include closing marks and brackets that follow the terminator.
            let mut end = at + c.len_utf8();
            while let Some(&(j, d)) = iter.peek() {
                if matches!(d, '"' | '”' | '’' | ')' | '\'')
                    && !is_quote_open(quotations, p_start + j)
                {
                    end = p_start + j + d.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            }
            let rest = body.get(end..p_end).unwrap_or("");
            let next = rest.trim_start().chars().next();
            let starts_new =
                next.is_some_and(|n| n.is_uppercase() || n.is_numeric() || "“\"‘'".contains(n));
            if rest.is_empty() || !rest.starts_with(char::is_whitespace) || !starts_new {
                continue;
            }
            let word_before = body
                .get(start..at)
                .unwrap_or("")
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or("");
            if c == '.' && !ends_quote && is_abbreviation(word_before) {
                continue;
            }
            push_trimmed(body, start, end, &mut sentences);
            start = end;
        }
        push_trimmed(body, start, p_end, &mut sentences);
    }
    sentences
}

/// True when a quotation opens at byte `at`.
fn is_quote_open(quotations: &[Quotation], at: usize) -> bool {
    quotations.iter().any(|q| q.open == at)
}

/// Pushes `start..end` without surrounding whitespace, if anything is left.
fn push_trimmed(body: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let Some(text) = body.get(start..end) else {
        return;
    };
    let s = start + (text.len() - text.trim_start().len());
    let e = start + text.trim_end().len();
    if e > s {
        out.push(Span::new(s, e));
    }
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tok {
    /// A word (letters, digits, inner apostrophes, hyphens and full stops).
    Word,
    /// A comma.
    Comma,
    /// A clause break: `;`, `:`, a dash, a bracket.
    Break,
    /// A whole quotation, marks included: the index into the article's quotations.
    Quote(usize),
}

/// A token with its bytes in the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    /// What it is.
    pub kind: Tok,
    /// Its bytes.
    pub span: Span,
}

/// The tokens of one sentence; a quotation inside it is one [`Tok::Quote`] token.
pub(crate) fn tokens(body: &str, sentence: Span, quotations: &[Quotation]) -> Vec<Token> {
    let mut out = Vec::new();
    let (s, e) = (sentence.start as usize, sentence.end as usize);
    let Some(text) = body.get(s..e) else {
        return out;
    };
    let mut word: Option<usize> = None;
    let mut skip_until = 0usize;
    let is_word_char = |c: char| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '.');
    let flush = |word: &mut Option<usize>, end: usize, out: &mut Vec<Token>| {
        if let Some(ws) = word.take() {
            let w = body.get(ws..end).unwrap_or("");
            // Trailing full stops and hyphens belong to the word only in abbreviations.
            let mut trimmed = w.trim_end_matches(['-', '\'', '’']);
            if trimmed.ends_with('.') && !is_abbreviation(trimmed.trim_end_matches('.')) {
                trimmed = trimmed.trim_end_matches('.');
            }
            let lead = w.len() - w.trim_start_matches(['-', '.', '\'', '’']).len();
            if trimmed.len() > lead {
                out.push(Token {
                    kind: Tok::Word,
                    span: Span::new(ws + lead, ws + trimmed.len()),
                });
            }
        }
    };
    for (i, c) in text.char_indices() {
        let at = s + i;
        if at < skip_until {
            continue;
        }
        if let Some((n, q)) = quotations.iter().enumerate().find(|(_, q)| q.open == at) {
            flush(&mut word, at, &mut out);
            let end = q.close_end.min(e);
            out.push(Token {
                kind: Tok::Quote(n),
                span: Span::new(at, end),
            });
            skip_until = end;
            continue;
        }
        if is_word_char(c)
            && !(c == '-'
                && word.is_none()
                && text.get(i + 1..).is_some_and(|r| r.starts_with(' ')))
        {
            if word.is_none() {
                word = Some(at);
            }
            continue;
        }
        flush(&mut word, at, &mut out);
        let kind = match c {
            ',' => Some(Tok::Comma),
            ';' | ':' | '–' | '—' | '(' | ')' | '[' | ']' | '-' => Some(Tok::Break),
            _ => None,
        };
        if let Some(kind) = kind {
            out.push(Token {
                kind,
                span: Span::new(at, at + c.len_utf8()),
            });
        }
    }
    flush(&mut word, e, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::super::marks::find_quotations;
    use super::*;
    use crate::text::paragraphs::split_paragraphs;

    fn sentences(body: &str) -> Vec<&str> {
        let paras = split_paragraphs(body);
        let q = find_quotations(body, &paras);
        split(body, &paras, &q)
            .iter()
            .map(|s| s.slice(body))
            .collect()
    }

    #[test]
    fn never_splits_inside_a_quotation_or_after_an_abbreviation() {
        let body =
            "“We won. They lost,” Mr. Smith said. The U.S. Embassy closed. “Go home.” It ended.";
        assert_eq!(
            sentences(body),
            vec![
                "“We won. They lost,” Mr. Smith said.",
                "The U.S. Embassy closed.",
                "“Go home.”",
                "It ended."
            ]
        );
    }

    #[test]
    fn tokens_keep_names_and_mark_quotations_and_breaks() {
        let body = "“Yes,” said the U.S. envoy – Mr O’Brien, today.";
        let paras = split_paragraphs(body);
        let q = find_quotations(body, &paras);
        let toks = tokens(body, Span::new(0, body.len()), &q);
        let words: Vec<&str> = toks
            .iter()
            .filter(|t| t.kind == Tok::Word)
            .map(|t| t.span.slice(body))
            .collect();
        assert_eq!(
            words,
            vec!["said", "the", "U.S.", "envoy", "Mr", "O’Brien", "today"]
        );
        assert_eq!(toks[0].kind, Tok::Quote(0));
        assert!(toks.iter().any(|t| t.kind == Tok::Break));
    }
}
