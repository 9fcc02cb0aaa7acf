//! Whether the words around an expression look ahead ("is set to begin on Wednesday", "will
//! meet next month") or report the past ("said on Wednesday"). The nearest cue within the
//! clause decides: first the words before the expression, nearest first, then those after.

use super::grammar::Scanner;
use super::tokens::TokenKind;

/// How many words either side are read.
const WINDOW_BEFORE: usize = 8;
const WINDOW_AFTER: usize = 5;

/// Words that point to the future.
pub(super) const AHEAD: &[&str] = &[
    "will",
    "ll",
    "shall",
    "set",
    "scheduled",
    "due",
    "expected",
    "plans",
    "planned",
    "planning",
    "plan",
    "upcoming",
    "coming",
    "next",
    "until",
    "intends",
    "aims",
    "going",
    "tomorrow",
    "later",
    "postponed",
    "delayed",
    "should",
    "would",
    "by",
    "may",
    "might",
];

/// Words that point to the past.
pub(super) const PAST: &[&str] = &[
    "said", "was", "were", "had", "did", "ago", "last", "since", "earlier", "told", "took",
    "began", "came", "met", "held", "left", "made", "went", "saw", "gave", "won", "lost", "fell",
    "rose", "spoke", "wrote", "became", "says",
];

/// What word `i` says about time: `Some(true)` ahead, `Some(false)` past, `None` nothing.
/// The lists are read through the word's classes; any other word in "-ed" reads as past.
fn cue(s: &Scanner, i: usize, word: &str) -> Option<bool> {
    if let Some(listed) = s.lex(i).cue {
        return Some(listed);
    }
    let ends_in_ed = word.len() > 4
        && word
            .as_bytes()
            .get(word.len() - 2..)
            .is_some_and(|end| end.eq_ignore_ascii_case(b"ed"));
    ends_in_ed.then_some(false)
}

/// True when the token ends a clause, so that cues beyond it do not count.
fn boundary(s: &Scanner, i: usize) -> bool {
    s.kind(i) == Some(TokenKind::Punct)
        && matches!(
            s.tx(i),
            "." | ";" | "!" | "?" | "\"" | "“" | "”" | ":" | "(" | ")"
        )
}

/// True when the context of tokens `start..end` looks ahead.
pub fn looks_ahead(s: &Scanner, start: usize, end: usize) -> bool {
    let mut seen = 0;
    let mut i = start;
    while i > 0 && seen < WINDOW_BEFORE {
        i -= 1;
        if boundary(s, i) || s.line_break_after(i) {
            break;
        }
        if let Some(w) = s.word(i) {
            seen += 1;
            if let Some(ahead) = cue(s, i, w) {
                return ahead;
            }
        }
    }
    let mut seen = 0;
    let mut i = end;
    while i < s.len() && seen < WINDOW_AFTER {
        if boundary(s, i) || (i > 0 && s.line_break_after(i - 1)) {
            break;
        }
        if let Some(w) = s.word(i) {
            seen += 1;
            if let Some(ahead) = cue(s, i, w) {
                return ahead;
            }
        }
        i += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn ahead(text: &str, word: &str) -> bool {
        let tokens = tokenize(text);
        let s = Scanner::new(text, &tokens, false);
        let i = (0..s.len()).find(|&i| s.tx(i) == word).unwrap_or(0);
        looks_ahead(&s, i, i + 1)
    }

    #[test]
    fn cues_table() {
        let cases = [
            ("The trial is set to begin on Wednesday.", true),
            ("Leaders will meet on Wednesday to decide.", true),
            ("He said on Wednesday that the talks failed.", false),
            ("The guard detained him on Wednesday.", false),
            ("\"We will win,\" he tweeted on Wednesday.", false),
            ("On Wednesday, soldiers appeared on television.", false),
        ];
        for (text, want) in cases {
            assert_eq!(ahead(text, "Wednesday"), want, "{text}");
        }
    }
}
