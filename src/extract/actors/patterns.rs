//! Capitalised name runs and the patterns that make them organizations or places: a head word
//! ("National Council for …", "Tahoua Region"), "Operation X", a noun beside the name ("the
//! PNDS Tarraya party", "the channel France24"), an acronym defined in parentheses, or an
//! unknown abbreviation standing alone.

use super::context::Ctx;
use super::lexicon::{List, Lower};
use super::tokens::is_all_caps;

/// A run of tokens, `first..=last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    /// First token.
    pub first: usize,
    /// Last token (inclusive).
    pub last: usize,
}

impl Run {
    /// Number of tokens.
    pub fn len(self) -> usize {
        self.last + 1 - self.first
    }
}

/// Lowercase words that may join capitalised words inside one name.
fn is_connector(word: &str) -> bool {
    matches!(word, "of" | "for" | "the" | "on" | "&") || is_particle(word)
}

/// Particles of personal names ("Osama bin Laden", "Ursula von der Leyen").
fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "du"
            | "des"
            | "da"
            | "das"
            | "dos"
            | "di"
            | "del"
            | "della"
            | "la"
            | "le"
            | "al"
            | "el"
            | "bin"
            | "ibn"
            | "van"
            | "von"
            | "der"
            | "den"
            | "ter"
            | "ould"
    )
}

/// Maximal runs of capitalised words not covered by the gazetteer, joined by connectors and
/// initials ("George W. Bush"); a line break ends a run.
pub fn capitalized_runs(ctx: &Ctx) -> Vec<Run> {
    let n = ctx.tokens.len();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < n {
        if !ctx.is_free_capitalized(i) {
            i += 1;
            continue;
        }
        let first = i;
        let mut last = i;
        let mut j = i + 1;
        loop {
            let newline = |k: usize| ctx.tokens.get(k).is_none_or(|t| t.after_newline);
            if ctx.is_free_capitalized(j) && !newline(j) {
                last = j;
                j += 1;
            } else if (ctx.word(j) == "." && ctx.word(last).chars().count() == 1
                || is_connector(ctx.word(j))
                // "Movement for Justice and Peace": "and" inside an organization's name only.
                || ctx.word(j) == "and" && has_head(ctx, Run { first, last }, List::OrgKeywords))
                && !newline(j)
                && ctx.is_free_capitalized(j + 1)
                && !newline(j + 1)
            {
                // "George W. Bush", "Bank of England"
                last = j + 1;
                j += 2;
            } else if is_connector(ctx.word(j))
                && is_connector(ctx.word(j + 1))
                && !newline(j)
                && ctx.is_free_capitalized(j + 2)
                && !newline(j + 2)
            {
                // "Council for the Safeguarding of the Country"
                last = j + 2;
                j += 3;
            } else {
                break;
            }
        }
        runs.push(Run { first, last });
        i = last + 1;
    }
    runs
}

/// True when a capitalised word is a head word from `list`.
fn has_head(ctx: &Ctx, run: Run, list: List) -> bool {
    (run.first..=run.last)
        .any(|i| ctx.word(i).chars().next().is_some_and(char::is_uppercase) && ctx.in_list(i, list))
}

/// Splits a run into the names it holds: connectors split it unless a head word makes it one
/// organization or place name; common words and shouted (all-caps) stretches are dropped.
pub fn split_run(ctx: &Ctx, run: Run) -> Vec<Run> {
    // A head word holds a name together across its connectors: anywhere for organizations
    // ("Ministry of Foreign Affairs"), at the end for places ("Tahoua Region", not "Tahoua
    // Region of Niger").
    let whole = run.len() >= 2
        && (has_head(ctx, run, List::OrgKeywords) || ctx.in_list(run.last, List::PlaceKeywords));
    let mut pieces = Vec::new();
    let mut start: Option<usize> = None;
    let close = |start: &mut Option<usize>, end: usize, pieces: &mut Vec<Run>| {
        if let Some(s) = start.take()
            && end >= s
        {
            pieces.push(Run {
                first: s,
                last: end,
            });
        }
    };
    for i in run.first..=run.last {
        let w = ctx.word(i);
        let lower_connector = w.chars().next().is_some_and(|c| !c.is_uppercase()) && w != ".";
        let breaks = if lower_connector {
            !whole && !is_particle(w)
        } else if w == "." {
            false
        } else {
            // Days, months, pronouns; and a common word opening a sentence ("Order has …").
            ctx.in_list(i, List::NeverNames) && !(whole && i > run.first)
                || (ctx.starts_sentence(i) && is_sentence_opener(ctx, i))
        };
        if breaks {
            close(&mut start, i.wrapping_sub(1), &mut pieces);
        } else if start.is_none() && !lower_connector {
            start = Some(i);
        }
    }
    close(&mut start, run.last, &mut pieces);
    // "Chrysler LLC Jim Press": an organization's head word followed by a given name and a
    // surname ends the organization; the person's name follows.
    let mut split_pieces: Vec<Run> = Vec::with_capacity(pieces.len() + 1);
    for p in pieces {
        let split = (p.first..p.last.saturating_sub(1)).rev().find(|&k| {
            ctx.word(k).chars().next().is_some_and(char::is_uppercase)
                && ctx.in_list(k, List::OrgKeywords)
                && ctx.in_list(k + 1, List::GivenNames)
        });
        match split {
            Some(k) => split_pieces.extend([
                Run {
                    first: p.first,
                    last: k,
                },
                Run {
                    first: k + 1,
                    last: p.last,
                },
            ]),
            None => split_pieces.push(p),
        }
    }
    // Trim trailing particles and dots, drop shouted stretches.
    split_pieces
        .into_iter()
        .filter_map(|mut p| {
            while p.last > p.first
                && !crate::extract::actors::tokens::is_capitalized(ctx.word(p.last))
            {
                p.last -= 1;
            }
            let caps = (p.first..=p.last)
                .filter(|&i| is_all_caps(ctx.word(i)))
                .count();
            let shouted = caps >= 2
                || (caps == 1
                    && p.len() == 1
                    && (is_all_caps(ctx.word(p.first.wrapping_sub(1)))
                        || is_all_caps(ctx.word(p.last + 1))));
            (!shouted).then_some(p)
        })
        .collect()
}

/// A capitalised word at the start of a sentence that is probably an ordinary word there:
/// written in lowercase elsewhere, in the never-names list, or shaped like an adverb or a
/// participle ("Underscoring", "Reportedly").
fn is_sentence_opener(ctx: &Ctx, i: usize) -> bool {
    let word = ctx.word(i);
    ctx.is_common_word(i)
        || (word.chars().count() > 5 && (word.ends_with("ing") || word.ends_with("ly")))
}

/// How a pattern classified a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PatternKind {
    /// An organization.
    Org,
    /// A place.
    Place,
}

/// Classifies a name run as an organization or a place by pattern, if any applies.
pub fn classify(ctx: &Ctx, run: Run) -> Option<PatternKind> {
    let first = ctx.word(run.first);
    if run.len() >= 2 {
        if first == "Operation" {
            return Some(PatternKind::Org);
        }
        if ctx.in_list(run.last, List::PlaceKeywords) || matches!(first, "Lake" | "Mount" | "Mt") {
            return Some(PatternKind::Place);
        }
        if has_head(ctx, run, List::OrgKeywords) {
            return Some(PatternKind::Org);
        }
    }
    // "the PNDS Tarraya party", "the L’Enqueteur newspaper".
    let next = ctx.word(run.last + 1);
    if next.chars().next().is_some_and(char::is_lowercase)
        && ctx.in_list(run.last + 1, List::OrgNouns)
    {
        return Some(PatternKind::Org);
    }
    // "the channel France24", "the newspaper Le Monde".
    if let Some(prev) = run.first.checked_sub(1) {
        let p = ctx.word(prev);
        let det = prev.checked_sub(1).map(|d| Lower::of(ctx.word(d)));
        if p.chars().next().is_some_and(char::is_lowercase)
            && ctx.in_list(prev, List::OrgNouns)
            && matches!(det.as_ref().map(Lower::as_str), Some("the" | "a" | "an"))
        {
            return Some(PatternKind::Org);
        }
    }
    if acronym_after(ctx, run).is_some() && run.len() >= 2 {
        return Some(PatternKind::Org);
    }
    if run.len() == 1 && is_unknown_acronym(ctx, run.first) {
        return Some(PatternKind::Org);
    }
    None
}

/// An abbreviation that probably names an organization: 2 to 6 capitals, not in the stoplist
/// (token `i`).
pub fn is_unknown_acronym(ctx: &Ctx, i: usize) -> bool {
    let word = ctx.word(i);
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    is_all_caps(word)
        && (2..=6).contains(&letters)
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '&')
        && {
            let lists = ctx.lists(i);
            !lists.has(List::AcronymStoplist) && !lists.has(List::NeverNames) && !lists.is_title()
        }
}

/// The token of an acronym in parentheses right after the run: "… States (Ecowas)".
pub fn acronym_after(ctx: &Ctx, run: Run) -> Option<usize> {
    let open = run.last + 1;
    if ctx.word(open) != "(" || ctx.word(open + 2) != ")" {
        return None;
    }
    let acr = ctx.word(open + 1);
    let letters: Vec<char> = acr.chars().filter(|c| c.is_alphabetic()).collect();
    let caps = letters.iter().filter(|c| c.is_uppercase()).count();
    let looks = letters.len() >= 2
        && letters.len() <= 10
        && caps >= 1
        && letters.first().is_some_and(|c| c.is_uppercase())
        && !acr.contains(' ');
    // Its first letter must be the first letter of the name.
    let initial_ok = ctx
        .word(run.first)
        .chars()
        .next()
        .zip(letters.first())
        .is_some_and(|(a, b)| a.to_lowercase().eq(b.to_lowercase()));
    (looks && initial_ok).then_some(open + 1)
}
