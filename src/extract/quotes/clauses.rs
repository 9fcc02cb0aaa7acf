//! Sentences as the attribution rules see them, and their tokens.
//!
//! Attribution needs sentences that never end inside a quotation (a quotation of two
//! sentences is attributed once, after it), so this splitter is quotation-aware and independent
//! of the article's own sentence list, which is used only to report where a record stands.

use super::lower::lowercase_in;
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
        || lowercase_in(w, ABBREVIATIONS)
}

/// Splits each paragraph into sentences, never inside a quotation.
pub(crate) fn split(body: &str, paragraphs: &[Span], quotations: &[Quotation]) -> Vec<Span> {
    let mut sentences = Vec::new();
    // Every candidate end is asked whether it lies inside a quotation and whether a quotation
    // closes after it: sorted positions walked with a cursor answer in constant time, where
    // asking every quotation made long, quote-heavy articles cost characters × quotations.
    let mut inner: Vec<(usize, usize)> = quotations
        .iter()
        .map(|q| (q.inner.start as usize, q.inner.end as usize))
        .collect();
    inner.sort_unstable();
    let mut close_ends: Vec<usize> = quotations.iter().map(|q| q.close_end).collect();
    close_ends.sort_unstable();
    for para in paragraphs {
        let (p_start, p_end) = (para.start as usize, para.end as usize);
        let mut start = p_start;
        let text = para.slice(body);
        let mut inside = Cursor::new(&inner, p_start);
        let mut closing = close_ends.partition_point(|&e| e < p_start);
        let mut candidates = EndCandidates::new(text, p_start, &close_ends);
        while let Some((i, c)) = candidates.next() {
            let at = p_start + i;
            if inside.covers(at) {
                continue;
            }
            let after = at + c.len_utf8();
            while close_ends.get(closing).is_some_and(|&e| e < after) {
                closing += 1;
            }
            let ends_quote = close_ends.get(closing) == Some(&after)
                && quotations
                    .iter()
                    .find(|q| q.close_end == after && q.open >= start)
                    .is_some_and(|q| q.inner.slice(body).trim_end().ends_with(['.', '!', '?']));
            if !(matches!(c, '.' | '!' | '?') || ends_quote) {
                continue;
            }
            // Include closing marks and brackets that follow the terminator.
            let mut end = after;
            for (j, d) in body.get(after..p_end).unwrap_or("").char_indices() {
                if matches!(d, '"' | '”' | '’' | ')' | '\'')
                    && !is_quote_open(quotations, after + j)
                {
                    end = after + j + d.len_utf8();
                } else {
                    break;
                }
            }
            // The marks taken are not read again as possible ends.
            candidates.resume_at(end - p_start);
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

/// The characters of a paragraph that may end a sentence, in order: every `.`, `!` and `?`, and
/// every character a quotation closes with. Every other character is skipped by a byte search
/// instead of being decoded and asked.
struct EndCandidates<'a> {
    text: &'a str,
    /// The paragraph's first byte in the body (quotation ends are body offsets).
    base: usize,
    /// Sorted body offsets one past each quotation's closing mark.
    close_ends: &'a [usize],
    /// The next closing mark that may still come (its end is after `from`).
    next_close: usize,
    /// Where in `text` the search goes on.
    from: usize,
}

impl<'a> EndCandidates<'a> {
    /// The candidates of paragraph `text`, which starts at body byte `base`.
    fn new(text: &'a str, base: usize, close_ends: &'a [usize]) -> EndCandidates<'a> {
        EndCandidates {
            text,
            base,
            close_ends,
            next_close: close_ends.partition_point(|&e| e <= base),
            from: 0,
        }
    }

    /// Goes on from byte `from` of the paragraph (never backwards).
    fn resume_at(&mut self, from: usize) {
        self.from = self.from.max(from);
    }

    /// The next candidate: its byte in the paragraph and the character.
    fn next(&mut self) -> Option<(usize, char)> {
        let terminator = self.text.as_bytes().get(self.from..).and_then(|rest| {
            // A vectorised search: this scan over every byte of every paragraph was most of
            // the splitter's time.
            let k = memchr::memchr3(b'.', b'!', b'?', rest)?;
            Some(self.from + k)
        });
        // A quotation ending at or before `from` closed with a character already passed.
        while self
            .close_ends
            .get(self.next_close)
            .is_some_and(|&e| e <= self.base + self.from)
        {
            self.next_close += 1;
        }
        let closing_mark = loop {
            let Some(end) = self
                .close_ends
                .get(self.next_close)
                .and_then(|&e| e.checked_sub(self.base))
                .filter(|&end| end <= self.text.len())
            else {
                break None; // the next quotation closes after this paragraph
            };
            match self.text.get(..end).and_then(|t| t.chars().next_back()) {
                Some(last) => break Some(end - last.len_utf8()),
                // Not a character boundary: no character closes there.
                None => self.next_close += 1,
            }
        };
        let at = match (terminator, closing_mark) {
            (Some(t), Some(m)) => t.min(m),
            (t, m) => t.or(m)?,
        };
        let c = self.text.get(at..)?.chars().next()?;
        self.from = at + c.len_utf8();
        Some((at, c))
    }
}

/// Walks sorted `(start, end)` ranges for increasing positions: whether a position lies in one.
struct Cursor<'a> {
    ranges: &'a [(usize, usize)],
    /// Ranges before this one end at or before every position asked so far.
    next: usize,
}

impl<'a> Cursor<'a> {
    /// A cursor for positions from `from` on. Ranges sorted by start may still nest or overlap,
    /// so the walk starts at the first range that could cover `from`, not at a search by end.
    fn new(ranges: &'a [(usize, usize)], from: usize) -> Cursor<'a> {
        let next = ranges
            .iter()
            .position(|&(_, end)| end > from)
            .unwrap_or(ranges.len());
        Cursor { ranges, next }
    }

    /// True when a range covers `at`; positions must not decrease between calls.
    fn covers(&mut self, at: usize) -> bool {
        while self
            .ranges
            .get(self.next)
            .is_some_and(|&(_, end)| end <= at)
        {
            self.next += 1;
        }
        // Later ranges start no earlier than the current one, but an earlier-starting range
        // may end later (nesting), so check the ones that started before `at`.
        self.ranges
            .get(self.next..)
            .unwrap_or(&[])
            .iter()
            .take_while(|&&(start, _)| start <= at)
            .any(|&(_, end)| at < end)
    }
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

/// Where the quotations of an article open, sorted, for the tokenizer to find the quotation
/// opening at a byte by walking forward instead of asking every quotation at every character.
pub(crate) struct QuoteOpenings(Vec<(usize, usize)>);

impl QuoteOpenings {
    /// The openings of `quotations`: (opening byte, index), sorted.
    pub(crate) fn new(quotations: &[Quotation]) -> QuoteOpenings {
        let mut openings: Vec<(usize, usize)> = quotations
            .iter()
            .enumerate()
            .map(|(n, q)| (q.open, n))
            .collect();
        // Equal openings keep the lowest index first, the one a scan in order would find.
        openings.sort_unstable();
        QuoteOpenings(openings)
    }
}

/// The tokens of one sentence, written into `out` (cleared first, so one buffer serves every
/// sentence); a quotation inside it is one [`Tok::Quote`] token. `openings` are those of
/// `quotations`.
pub(crate) fn tokens(
    body: &str,
    sentence: Span,
    quotations: &[Quotation],
    openings: &QuoteOpenings,
    out: &mut Vec<Token>,
) {
    out.clear();
    let (s, e) = (sentence.start as usize, sentence.end as usize);
    if body.get(s..e).is_none() {
        return;
    }
    // The next opening at or after the character being read.
    let mut next_open = openings.0.partition_point(|&(open, _)| open < s);
    let mut word: Option<usize> = None;
    let is_word_char = |c: char| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '.');
    let flush = |word: &mut Option<usize>, end: usize, out: &mut Vec<Token>| {
        if let Some(ws) = word.take() {
            let w = body.get(ws..end).unwrap_or("");
            let bytes = w.as_bytes();
            // Most words start and end with an ASCII letter or digit: nothing to trim.
            if bytes.first().is_some_and(u8::is_ascii_alphanumeric)
                && bytes.last().is_some_and(u8::is_ascii_alphanumeric)
            {
                out.push(Token {
                    kind: Tok::Word,
                    span: Span::new(ws, end),
                });
                return;
            }
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
    // The sentence is read as stretches between quotations; a quotation is one token and its
    // inside is jumped over, never read.
    let mut pos = s;
    loop {
        while openings
            .0
            .get(next_open)
            .is_some_and(|&(open, _)| open < pos || !body.is_char_boundary(open))
        {
            next_open += 1;
        }
        let quotation = openings
            .0
            .get(next_open)
            .filter(|&&(open, _)| open < e)
            .and_then(|&(open, n)| Some((open, n, quotations.get(n)?)));
        let stretch_end = quotation.map_or(e, |(open, _, _)| open);
        let stretch = body.get(pos..stretch_end).unwrap_or("");
        let bytes = stretch.as_bytes();
        // `i` moves over whole characters: ASCII bytes one at a time, others decoded.
        let mut i = 0;
        while i < bytes.len() {
            if word.is_some() {
                // Inside a word an ASCII letter or digit changes nothing: most of the text is
                // passed here, a byte at a time, without decoding or asking about characters.
                while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
                    i += 1;
                }
            }
            let Some(c) = stretch.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            let at = pos + i;
            i += c.len_utf8();
            if is_word_char(c)
                && !(c == '-'
                    && word.is_none()
                    && body.get(at + 1..e).is_some_and(|r| r.starts_with(' ')))
            {
                if word.is_none() {
                    word = Some(at);
                }
                continue;
            }
            flush(&mut word, at, out);
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
        let Some((open, n, q)) = quotation else {
            break;
        };
        flush(&mut word, open, out);
        let end = q.close_end.min(e);
        out.push(Token {
            kind: Tok::Quote(n),
            span: Span::new(open, end),
        });
        // A quotation closes after it opens; were it not so, reading goes on after its mark.
        pos = if end > open {
            end
        } else {
            open + body
                .get(open..)
                .and_then(|r| r.chars().next())
                .map_or(1, char::len_utf8)
        };
        next_open += 1;
    }
    flush(&mut word, e, out);
}

#[cfg(test)]
mod tests {
    use super::super::marks::find_quotations;
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_cursor_answers_like_a_scan_of_every_range_even_when_ranges_nest() {
        let ranges = [(0, 100), (10, 20), (30, 40), (150, 160), (155, 170)];
        let scan = |at: usize| ranges.iter().any(|&(s, e)| s <= at && at < e);
        for from in [0, 25, 99, 100, 158] {
            let mut cursor = Cursor::new(&ranges, from);
            for at in from..200 {
                assert_eq!(cursor.covers(at), scan(at), "from {from}, at {at}");
            }
        }
    }
    use crate::text::paragraphs::split_paragraphs;

    fn sentences(body: &str) -> Vec<&str> {
        let paras = split_paragraphs(body);
        let q = find_quotations(body, &paras);
        split(body, &paras, &q)
            .iter()
            .map(|s| s.slice(body))
            .collect()
    }

    /// The splitter as first written, reading every character: the definition the candidate
    /// search must keep.
    fn split_reading_every_character(
        body: &str,
        paragraphs: &[Span],
        quotations: &[Quotation],
    ) -> Vec<Span> {
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
                    .any(|q| (q.inner.start as usize) <= at && at < q.inner.end as usize)
                {
                    continue;
                }
                let after = at + c.len_utf8();
                let ends_quote = quotations
                    .iter()
                    .find(|q| q.close_end == after && q.open >= start)
                    .is_some_and(|q| q.inner.slice(body).trim_end().ends_with(['.', '!', '?']));
                if !(matches!(c, '.' | '!' | '?') || ends_quote) {
                    continue;
                }
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

    /// The tokenizer as first written, reading every character and asking every quotation
    /// whether it opens there: the definition the stretch-by-stretch reading must keep.
    fn tokens_reading_every_character(
        body: &str,
        sentence: Span,
        quotations: &[Quotation],
    ) -> Vec<Token> {
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

    /// Splits and tokenizes `body` both ways and compares, for whole paragraphs too (a sentence
    /// span that starts or ends inside a quotation).
    fn splits_agree(body: &str) -> Result<(), TestCaseError> {
        let paras = split_paragraphs(body);
        let q = find_quotations(body, &paras);
        let sentences = split(body, &paras, &q);
        prop_assert_eq!(&sentences, &split_reading_every_character(body, &paras, &q));
        let openings = QuoteOpenings::new(&q);
        let mut toks = Vec::new();
        let mut spans = sentences.clone();
        spans.extend(paras.iter().copied());
        spans.extend(q.iter().map(|q| Span::new(q.open + 1, q.close_end)));
        for span in spans {
            tokens(body, span, &q, &openings, &mut toks);
            prop_assert_eq!(&toks, &tokens_reading_every_character(body, span, &q));
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn splitting_and_tokenizing_agree_with_reading_every_character(
            body in "([A-Z][a-z]{0,5}|Mr|U.S|said|[\"“”’'),.!?;]|\n\n| |é|İ|…){0,60}"
        ) {
            splits_agree(&body)?;
        }
    }

    #[test]
    fn the_sample_is_split_and_tokenized_as_by_reading_every_character() {
        for article in crate::sample::load_sample().articles {
            splits_agree(&article.body).unwrap();
        }
        splits_agree("“Go.” “Now!” he said. “Why?” (She left.) 'Yes.' Then “a” b.”").unwrap();
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
        let mut toks = Vec::new();
        tokens(
            body,
            Span::new(0, body.len()),
            &q,
            &QuoteOpenings::new(&q),
            &mut toks,
        );
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
