//! Sentence splitting with byte spans, in one linear scan per paragraph.
//!
//! A sentence ends at a cluster of terminal marks (`.`, `?`, `!`, `…`), with the closing quotes
//! and brackets right after it (`.”`, `?)`), when whitespace follows and the next word does not
//! begin in lower case. A lone period after a word is looked at more closely:
//! - a title ("Mr.", "Gen.") or an abbreviation that is never final ("e.g.", "vs.") never ends
//!   a sentence;
//! - a single capital letter is an initial ("George W. Bush") unless a closed-class word such
//!   as "The" follows;
//! - an abbreviation that may be final ("Inc.", "a.m.") and a dotted acronym ("U.S.") end a
//!   sentence only when the next word is such a closed-class word or a quotation opens
//!   ("The U.S. Embassy" goes on; "…from the U.S. The embassy" ends);
//! - "No.", "Jan." and the like do not end a sentence before a number;
//! - a list marker ("1.") is no sentence of its own.
//!
//! A quotation closed after its mark keeps a short attribution that follows it, even one that
//! begins in capitals (`“Why?” Mr Bazoum asked.`).
//!
//! A period followed directly by something other than whitespace ("3.5", "U.S.", "a.m.,")
//! never ends a sentence, and sentences never cross paragraphs. In a paragraph written one
//! sentence a line (some line longer than hand-wrapped text has), every line break ends one.

use crate::model::{Sentence, Span};
use crate::text::abbreviations::{AbbreviationClass, class_of, is_sentence_starter};
use crate::text::clean::UNWRAPPED_LINE;

/// Splits `body` into sentences, never across the given paragraphs. Paragraph spans that do not
/// fit `body`, fall inside a character or go backwards are skipped.
pub fn split_sentences(body: &str, paragraphs: &[Span]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut floor = 0usize;
    for (index, paragraph) in paragraphs.iter().enumerate() {
        let range = paragraph.range();
        if range.start < floor {
            continue;
        }
        let Some(text) = body.get(range.clone()) else {
            continue;
        };
        floor = range.end;
        let paragraph_index = u32::try_from(index).unwrap_or(u32::MAX);
        for (start, end) in sentence_bounds(text) {
            let Some(piece) = text.get(start..end) else {
                continue;
            };
            let lead = piece.len() - piece.trim_start().len();
            let trimmed = piece.trim();
            if trimmed.is_empty() {
                continue;
            }
            let absolute = range.start + start + lead;
            sentences.push(Sentence {
                span: Span::new(absolute, absolute + trimmed.len()),
                paragraph: paragraph_index,
            });
        }
    }
    sentences
}

/// The byte ranges of the sentences of one paragraph, untrimmed at the end, in order. Every
/// boundary is a character boundary of `text`.
fn sentence_bounds(text: &str) -> Vec<(usize, usize)> {
    let mut bounds = Vec::new();
    let mut start = 0usize;
    let bytes = text.as_bytes();
    let mut i = 0usize;
    // Byte by byte: the ASCII marks never occur inside a multi-byte character, and the other
    // marks are three-byte characters whose lead byte (0xE0 and up) never occurs inside one
    // either, so `i` is a character boundary whenever a mark is found.
    let lines_are_units = lines_are_units(text);
    while let Some(&byte) = bytes.get(i) {
        if byte == b'\n' && lines_are_units {
            bounds.push((start, i));
            i += 1;
            start = i;
            continue;
        }
        let is_mark = match byte {
            b'.' | b'?' | b'!' => true,
            0xE0.. => char_at(text, i).is_some_and(is_terminal),
            _ => false,
        };
        if !is_mark {
            i += 1;
            continue;
        }
        let cluster = scan_cluster(text, i);
        match char_at(text, cluster.end) {
            Some(next) if next.is_whitespace() => {}
            // End of paragraph: the last sentence is pushed below.
            None => break,
            // "3.5", "U.S.", "a.m.,", "?!": inside a token, no break.
            Some(_) => {
                i = cluster.end;
                continue;
            }
        }
        let next_start = skip_whitespace(text, cluster.end);
        if next_start >= text.len() {
            break;
        }
        let so_far = text.get(start..i).unwrap_or("");
        let line_break = lines_are_units
            && text
                .get(cluster.end..next_start)
                .is_some_and(|gap| gap.contains('\n'));
        if line_break || !is_list_marker(so_far) && ends_sentence(text, i, &cluster, next_start) {
            bounds.push((start, cluster.end));
            start = next_start;
        }
        i = next_start;
    }
    if start < text.len() {
        bounds.push((start, text.len()));
    }
    bounds
}

/// True when the line breaks inside a paragraph end sentences: when some line before the last
/// is longer than hand-wrapped text ever is ([`UNWRAPPED_LINE`]), the text has one sentence or
/// paragraph a line, and a line without a final mark is a headline or a date line. Cleaned
/// bodies have no line break inside a paragraph; text handed over as it is can.
fn lines_are_units(text: &str) -> bool {
    let mut lines = text.split('\n');
    lines.next_back();
    lines.any(|line| line.chars().count() > UNWRAPPED_LINE)
}

/// True when the text before a period is only a list marker ("1." or "b." at the start of a
/// paragraph), which is no sentence of its own.
fn is_list_marker(so_far: &str) -> bool {
    let so_far = so_far.trim();
    let mut chars = so_far.chars();
    match chars.next() {
        Some(c) if c.is_ascii_digit() => {
            so_far.len() <= 3 && so_far.chars().all(|c| c.is_ascii_digit())
        }
        Some(c) if c.is_ascii_lowercase() => chars.next().is_none(),
        _ => false,
    }
}

/// A run of terminal marks and the closing quotes or brackets that follow them.
struct Cluster {
    /// One past the last byte of the run.
    end: usize,
    /// True when the run is exactly one period (the only ambiguous case).
    single_period: bool,
    /// True when a closing quote or bracket follows the marks (`.”`, `.)`).
    closed: bool,
    /// True when a closing quotation mark follows the marks (`?”`).
    closed_by_quote: bool,
}

fn scan_cluster(text: &str, start: usize) -> Cluster {
    let mut end = start;
    let mut marks = 0usize;
    let mut periods = 0usize;
    let mut closed = false;
    let mut closed_by_quote = false;
    while let Some(c) = char_at(text, end) {
        if is_terminal(c) {
            marks += 1;
            if c == '.' {
                periods += 1;
            }
        } else if is_closer(c) {
            closed = true;
            closed_by_quote |= !matches!(c, ')' | ']' | '}');
        } else {
            break;
        }
        end += c.len_utf8();
    }
    Cluster {
        end,
        single_period: marks == 1 && periods == 1,
        closed,
        closed_by_quote,
    }
}

/// Decides whether the terminal run starting at `mark` ends a sentence, given that whitespace
/// follows it and the next text starts at `next_start`.
fn ends_sentence(text: &str, mark: usize, cluster: &Cluster, next_start: usize) -> bool {
    let next = next_word(text, next_start);
    // A lower-case word goes on the sentence, unless it is a brand written in camel case
    // ("iPhone", "eBay"), which starts sentences in lower case.
    let camel_case = next.word.chars().skip(1).any(char::is_uppercase);
    if next.first.is_some_and(char::is_lowercase) && !camel_case {
        return false;
    }
    if cluster.closed_by_quote && is_attribution(text, next_start) {
        // `“Why?” Mr Bazoum asked.`: the speaker belongs to the quotation's sentence.
        return false;
    }
    if !cluster.single_period || cluster.closed {
        return true;
    }
    let token = token_before(text, mark);
    let Some(last) = token.chars().next_back() else {
        return true;
    };
    if !last.is_alphabetic() {
        // A number ("in 1960."), or a word closed by a bracket or quote ("Faso).").
        return true;
    }
    let starts_clearly = next.opened || is_sentence_starter(next.word);
    let next_is_number = next.first.is_some_and(|c| c.is_ascii_digit());
    let mut letters = token.chars();
    if let (Some(only), None) = (letters.next(), letters.next())
        && only.is_uppercase()
    {
        // An initial: "George W. Bush", "J. R. R. Tolkien".
        return starts_clearly && !next.is_initial;
    }
    match class_of(token) {
        Some(AbbreviationClass::Title | AbbreviationClass::Never) => false,
        Some(AbbreviationClass::Number) => !next_is_number,
        Some(AbbreviationClass::Final) => starts_clearly,
        // A dotted acronym or abbreviation: "U.S.", "Ph.D.", "bbc.co.uk.".
        None if token.contains('.') => starts_clearly,
        None => true,
    }
}

/// Verbs of saying that, right after a quotation, attribute it ("Mr Bazoum said.").
const SPEECH_VERBS: &[&str] = &[
    "added",
    "adds",
    "announced",
    "asked",
    "asks",
    "continued",
    "declared",
    "explained",
    "insisted",
    "recalled",
    "replied",
    "said",
    "says",
    "shouted",
    "stated",
    "tells",
    "told",
    "tweeted",
    "warned",
    "wrote",
    "writes",
];

/// True when the words at `start` are a short attribution that closes the quotation's
/// sentence: a speech verb within the first five words, and the clause ending (`.` or `,`) at
/// most two words after it ("Mr Bazoum asked.", "he told reporters."). "He said the army would
/// prevail." is a new sentence.
fn is_attribution(text: &str, start: usize) -> bool {
    let rest = text.get(start..).unwrap_or("");
    let mut verb_at = None;
    for (n, word) in rest.split_whitespace().take(8).enumerate() {
        let bare = word.trim_end_matches(['.', ',', ';', ':']);
        if verb_at.is_none() && n < 5 && SPEECH_VERBS.iter().any(|v| v.eq_ignore_ascii_case(bare)) {
            verb_at = Some(n);
        }
        if word.ends_with(['.', ',']) {
            return verb_at.is_some_and(|v| n - v <= 2);
        }
        if word.ends_with(['?', '!', ';', ':']) {
            return false;
        }
    }
    false
}

/// What follows a possible sentence end.
struct NextWord<'a> {
    /// The first letter or digit, after any opening quotes or brackets.
    first: Option<char>,
    /// The run of letters starting there ("It" in "It's").
    word: &'a str,
    /// True when an opening quotation mark comes first.
    opened: bool,
    /// True when the word is one capital letter followed by a period (an initial).
    is_initial: bool,
}

fn next_word(text: &str, start: usize) -> NextWord<'_> {
    let mut i = start;
    let mut opened = false;
    // Look past a few opening marks only: `“(` at most, in practice.
    for _ in 0..4 {
        match char_at(text, i) {
            Some(c) if is_opener(c) => {
                // A quotation opening shows a new sentence; a bracket does not ("Foo Inc.
                // (NYSE: FOO)", "EADS N.V. (EADS)").
                opened |= !matches!(c, '(' | '[' | '{');
                i += c.len_utf8();
            }
            _ => break,
        }
    }
    let first = char_at(text, i).filter(|c| c.is_alphanumeric());
    let mut end = i;
    while let Some(c) = char_at(text, end).filter(|c| c.is_alphabetic()) {
        end += c.len_utf8();
    }
    let word = text.get(i..end).unwrap_or("");
    let is_initial = word.chars().count() == 1 && char_at(text, end) == Some('.');
    NextWord {
        first,
        word,
        opened,
        is_initial,
    }
}

/// The word right before byte `end`: back to whitespace, without leading opening marks and
/// without the trailing period.
fn token_before(text: &str, end: usize) -> &str {
    let head = text.get(..end).unwrap_or("");
    let begin = head
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(at, c)| at + c.len_utf8());
    head.get(begin..)
        .unwrap_or("")
        .trim_start_matches(is_opener)
}

fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|rest| rest.chars().next())
}

fn skip_whitespace(text: &str, from: usize) -> usize {
    let rest = text.get(from..).unwrap_or("");
    from + (rest.len() - rest.trim_start().len())
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '?' | '!' | '…' | '‽' | '。' | '？' | '！')
}

/// Closing quotes and brackets that belong to the sentence they follow. Straight quotes count:
/// right after a terminal mark, a straight quote can only close a quotation.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '」' | '』'
    )
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '„' | '«' | '‹' | '(' | '[' | '{' | '¿' | '¡' | '「' | '『'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let para = [Span::new(0, text.len())];
        split_sentences(text, &para)
            .iter()
            .map(|s| s.span.slice(text))
            .collect()
    }

    #[test]
    fn plain_sentences_split_at_terminal_marks() {
        assert_eq!(
            split("One two. Three four? Five! Six"),
            vec!["One two.", "Three four?", "Five!", "Six"]
        );
    }

    #[test]
    fn titles_never_end_a_sentence() {
        assert_eq!(
            split("Mr. Bazoum met Gen. Tchiani and Col. Maj. Abdramane."),
            vec!["Mr. Bazoum met Gen. Tchiani and Col. Maj. Abdramane."]
        );
        assert_eq!(
            split("Dr. Smith and Prof. Jones spoke. Then Sen. Doe left."),
            vec!["Dr. Smith and Prof. Jones spoke.", "Then Sen. Doe left."]
        );
    }

    #[test]
    fn initials_stay_with_the_name() {
        assert_eq!(
            split("George W. Bush met J. R. R. Tolkien fans. They cheered."),
            vec!["George W. Bush met J. R. R. Tolkien fans.", "They cheered."]
        );
        assert_eq!(
            split("They chose Plan B. The rest followed."),
            vec!["They chose Plan B.", "The rest followed."]
        );
    }

    #[test]
    fn dotted_acronyms_end_a_sentence_only_before_a_sentence_start() {
        assert_eq!(
            split("The U.S. Embassy in Niger released a statement. It closed."),
            vec![
                "The U.S. Embassy in Niger released a statement.",
                "It closed."
            ]
        );
        assert_eq!(
            split("Aid came from the U.S. The embassy stayed shut."),
            vec!["Aid came from the U.S.", "The embassy stayed shut."]
        );
        assert_eq!(
            split("The U.N. Security Council and the E.U. met."),
            vec!["The U.N. Security Council and the E.U. met."]
        );
    }

    #[test]
    fn times_and_numbers_do_not_break() {
        assert_eq!(
            split("It was around 3 a.m., we heard shots. It lasted 3.5 minutes."),
            vec![
                "It was around 3 a.m., we heard shots.",
                "It lasted 3.5 minutes."
            ]
        );
        assert_eq!(
            split("They met at 5 p.m. Friday in Niamey."),
            vec!["They met at 5 p.m. Friday in Niamey."]
        );
        assert_eq!(
            split("They met at 5 p.m. The talks failed."),
            vec!["They met at 5 p.m.", "The talks failed."]
        );
        assert_eq!(
            split("It has 1,500 soldiers. France has more."),
            vec!["It has 1,500 soldiers.", "France has more."]
        );
    }

    #[test]
    fn abbreviations_before_numbers_and_lists() {
        assert_eq!(
            split("He lives at No. 10 and left on Sept. 11. Others, e.g. Mali, stayed."),
            vec![
                "He lives at No. 10 and left on Sept. 11.",
                "Others, e.g. Mali, stayed."
            ]
        );
        assert_eq!(
            split("He said no. Nobody else did."),
            vec!["He said no.", "Nobody else did."]
        );
        assert_eq!(
            split("Apple Inc. Chief Executive Tim Cook spoke. He works at Foo Ltd. The firm grew."),
            vec![
                "Apple Inc. Chief Executive Tim Cook spoke.",
                "He works at Foo Ltd.",
                "The firm grew."
            ]
        );
    }

    #[test]
    fn a_bracket_after_an_ambiguous_period_does_not_start_a_sentence() {
        assert_eq!(
            split("Airbus parent EADS N.V. (EADS) won. Shares of Foo Inc. (FOO) rose."),
            vec![
                "Airbus parent EADS N.V. (EADS) won.",
                "Shares of Foo Inc. (FOO) rose."
            ]
        );
        assert_eq!(
            split("It came from the U.S. “We are ready,” he said."),
            vec!["It came from the U.S.", "“We are ready,” he said."]
        );
    }

    #[test]
    fn closing_quotes_belong_to_the_sentence() {
        assert_eq!(
            split("He said: “All of them will see to it.” Then he left."),
            vec!["He said: “All of them will see to it.”", "Then he left."]
        );
        assert_eq!(
            split("\"We will win. All of us will see to it,\" Mr Bazoum said."),
            vec![
                "\"We will win.",
                "All of us will see to it,\" Mr Bazoum said."
            ]
        );
        assert_eq!(
            split("“Why now?” he asked. “Go!” She left."),
            vec!["“Why now?” he asked.", "“Go!”", "She left."]
        );
        assert_eq!(
            split("\"That is why we decided to intervene and take responsibility.”"),
            vec!["\"That is why we decided to intervene and take responsibility.”"]
        );
    }

    #[test]
    fn a_short_attribution_after_a_quotation_stays_with_it() {
        assert_eq!(
            split("“Why now?” Mr Bazoum asked. “Go!” Officials told reporters, before leaving."),
            vec![
                "“Why now?” Mr Bazoum asked.",
                "“Go!” Officials told reporters, before leaving."
            ]
        );
        assert_eq!(
            split("“We will win.” He said the army would prevail. “No.” The end."),
            vec![
                "“We will win.”",
                "He said the army would prevail.",
                "“No.”",
                "The end."
            ]
        );
    }

    #[test]
    fn brackets_ellipses_and_dashes() {
        assert_eq!(
            split("It spans the Sahel (Niger, Mali, and Chad). Terrorists grew."),
            vec![
                "It spans the Sahel (Niger, Mali, and Chad).",
                "Terrorists grew."
            ]
        );
        assert_eq!(
            split("(This is an aside.) Next comes more."),
            vec!["(This is an aside.)", "Next comes more."]
        );
        assert_eq!(
            split("We waited... and waited… Then it came."),
            vec!["We waited... and waited…", "Then it came."]
        );
        assert_eq!(
            split("Some waved flags – support for Wagner – and chanted. Others left."),
            vec![
                "Some waved flags – support for Wagner – and chanted.",
                "Others left."
            ]
        );
    }

    #[test]
    fn camel_case_brands_start_sentences_in_lower_case() {
        assert_eq!(
            split("Sales fell this year. iPhone users still spend more. eBay rose."),
            vec![
                "Sales fell this year.",
                "iPhone users still spend more.",
                "eBay rose."
            ]
        );
    }

    #[test]
    fn list_markers_stay_with_their_item() {
        assert_eq!(
            split("1. The army seized power. 2. Borders closed."),
            vec!["1. The army seized power.", "2. Borders closed."]
        );
        assert_eq!(split("In 2021. The vote"), vec!["In 2021.", "The vote"]);
    }

    #[test]
    fn line_breaks_end_sentences_only_in_unwrapped_text() {
        let long = "Northrop Grumman and the parent company of Airbus have unexpectedly defeated \
                    Boeing for a contract to supply the air force with new aerial refuelling tankers.";
        let text = format!("Northrop Grumman defeats Boeing\nMarch 1, 2008\n{long}\nIt is big.");
        assert_eq!(
            split(&text),
            vec![
                "Northrop Grumman defeats Boeing",
                "March 1, 2008",
                long,
                "It is big."
            ]
        );
        assert_eq!(
            split("The army said on Wednesday that President\nBazoum was safe. He spoke."),
            vec![
                "The army said on Wednesday that President\nBazoum was safe.",
                "He spoke."
            ]
        );
    }

    #[test]
    fn sentences_never_cross_paragraphs() {
        let body = "First para without end\n\nSecond para. Two.";
        let paras = [Span::new(0, 22), Span::new(24, body.len())];
        let sentences = split_sentences(body, &paras);
        let texts: Vec<(&str, u32)> = sentences
            .iter()
            .map(|s| (s.span.slice(body), s.paragraph))
            .collect();
        assert_eq!(
            texts,
            vec![
                ("First para without end", 0),
                ("Second para.", 1),
                ("Two.", 1)
            ]
        );
    }

    #[test]
    fn bad_paragraph_spans_are_skipped_not_panicked_on() {
        let body = "é. Ab. Cd.";
        let paras = [
            Span::new(1, 4),
            Span::new(0, 100),
            Span::new(3, 7),
            Span::new(2, 1),
        ];
        let sentences = split_sentences(body, &paras);
        assert_eq!(sentences.len(), 1);
        assert_eq!(sentences[0].span.slice(body), "Ab.");
    }
}
