//! Fuzzy matching behind a small trait. The browser uses [`FastMatcher`], a linear-time
//! matcher in the manner of fzf's first algorithm, because a keystroke must rank a hundred
//! thousand names within a frame; [`SkimMatcher`] (SkimMatcherV2, an optimal alignment in
//! quadratic time, several times slower) stays available behind the same trait.
//!
//! Why hand-written rather than a crate: `nucleo-matcher` 0.3.1 (fzf's optimal algorithm, one
//! matcher per thread, the query parsed once per keystroke) was measured behind this trait on
//! `examples/filter_bench.rs` and cost more CPU per keystroke than [`FastMatcher`]: +37% on
//! the actors filter over 100,000 actors, +59% (+88% at the 99th percentile) on the timeline
//! filter over 300,000 entries, where its alignment matrix over each long sentence dominates.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// A match: its score (higher is better) and the matched characters' indices (in chars).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Match {
    /// Higher is better.
    pub score: i64,
    /// Char indices of the matched characters in the candidate, for highlighting.
    pub indices: Vec<usize>,
}

/// Scores a candidate string against a query. `Sync`, so lists can be matched in parallel.
pub trait Matcher: Send + Sync {
    /// The match of `query` in `candidate`, or `None` when it does not match.
    fn matches(&self, candidate: &str, query: &str) -> Option<Match>;

    /// The score alone (cheaper: no indices), or `None` when it does not match.
    fn score(&self, candidate: &str, query: &str) -> Option<i64> {
        self.matches(candidate, query).map(|m| m.score)
    }
}

/// A cheap test that rules candidates out before the matcher runs: true when the query's bytes,
/// ASCII case folded, occur in order in the candidate's. SkimMatcherV2 compares characters with
/// ASCII case folding (or exactly), and a character that occurs puts its UTF-8 bytes in order,
/// so a candidate it would match is never ruled out.
pub fn may_match(candidate: &str, query: &str) -> bool {
    let mut wanted = query.bytes().map(|b| b.to_ascii_lowercase()).peekable();
    for b in candidate.bytes() {
        match wanted.peek() {
            Some(w) if *w == b.to_ascii_lowercase() => {
                wanted.next();
            }
            Some(_) => {}
            None => return true,
        }
    }
    wanted.peek().is_none()
}

/// SkimMatcherV2, smart case (a query with a capital letter matches case-sensitively).
pub struct SkimMatcher(SkimMatcherV2);

impl Default for SkimMatcher {
    fn default() -> Self {
        SkimMatcher(SkimMatcherV2::default().smart_case())
    }
}

impl std::fmt::Debug for SkimMatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SkimMatcher")
    }
}

impl Matcher for SkimMatcher {
    fn matches(&self, candidate: &str, query: &str) -> Option<Match> {
        let (score, indices) = self.0.fuzzy_indices(candidate, query)?;
        Some(Match { score, indices })
    }

    fn score(&self, candidate: &str, query: &str) -> Option<i64> {
        self.0.fuzzy_match(candidate, query)
    }
}

/// Points for each matched character.
const SCORE_MATCH: i64 = 16;
/// Penalty for the first skipped character of a gap.
const GAP_START: i64 = -3;
/// Penalty for each further skipped character of a gap.
const GAP_EXTENSION: i64 = -1;
/// Bonus for a character starting a word (after a space, punctuation, or at the start).
const BONUS_BOUNDARY: i64 = SCORE_MATCH / 2;
/// Bonus for an upper-case letter after a lower-case one, or a digit after a letter.
const BONUS_CAMEL: i64 = BONUS_BOUNDARY - 1;
/// Bonus for a character right after the previous match: outweighs a gap's start.
const BONUS_CONSECUTIVE: i64 = -(GAP_START + GAP_EXTENSION);
/// The first query character's bonus counts this many times: where a match starts matters most.
const FIRST_CHAR_MULTIPLIER: i64 = 2;
/// Bonus when the match starts the candidate: a name that begins so comes before one where a
/// later word does.
const BONUS_PREFIX: i64 = SCORE_MATCH / 4;
/// Bonus when the query is the whole candidate (case folded): an exact name comes first.
const BONUS_EXACT: i64 = 2 * SCORE_MATCH;

/// What a character is, for word-boundary bonuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Space or punctuation: the next letter starts a word.
    Separator,
    /// A lower-case letter.
    Lower,
    /// An upper-case letter.
    Upper,
    /// A digit.
    Digit,
    /// Any other letter (no case).
    Other,
}

/// A unit of text the matcher walks: a byte of ASCII text, or a char of any other.
trait Unit: Copy + PartialEq {
    /// The unit case folded.
    fn folded(self) -> Self;
    /// Its class.
    fn class(self) -> Class;
}

impl Unit for u8 {
    fn folded(self) -> u8 {
        self.to_ascii_lowercase()
    }

    fn class(self) -> Class {
        match self {
            b'a'..=b'z' => Class::Lower,
            b'A'..=b'Z' => Class::Upper,
            b'0'..=b'9' => Class::Digit,
            _ => Class::Separator,
        }
    }
}

impl Unit for char {
    fn folded(self) -> char {
        if self.is_ascii() {
            self.to_ascii_lowercase()
        } else {
            self.to_lowercase().next().unwrap_or(self)
        }
    }

    fn class(self) -> Class {
        if self.is_lowercase() {
            Class::Lower
        } else if self.is_uppercase() {
            Class::Upper
        } else if self.is_numeric() {
            Class::Digit
        } else if self.is_alphabetic() {
            Class::Other
        } else {
            Class::Separator
        }
    }
}

/// The bonus for matching a character of class `class` that follows one of class `previous`.
fn bonus(previous: Class, class: Class) -> i64 {
    match (previous, class) {
        (_, Class::Separator) => 0,
        (Class::Separator, _) => BONUS_BOUNDARY,
        (Class::Lower, Class::Upper) => BONUS_CAMEL,
        (Class::Lower | Class::Upper | Class::Other, Class::Digit) => BONUS_CAMEL,
        _ => 0,
    }
}

/// At most this many places are scored per candidate: enough for a name's few words.
const MAX_WINDOWS: usize = 8;

/// Finds `query` (already folded when `fold`) in `hay` as a subsequence and scores the best of
/// its first few places. Each place is found in the manner of fzf's first algorithm: the first
/// index from `from` where the whole query has appeared, then tightened backwards from there
/// (so "tch" in "Tonight Tchiani" takes the second word's letters). Trying the next places too
/// finds "ni" at the end of "Abdourahamane Tchiani", not across its words. Linear in the length
/// of `hay` per place. `positions` receives the best place's matched indices when given.
fn align<U: Unit>(
    hay: &[U],
    query: &[U],
    fold: bool,
    positions: Option<&mut Vec<usize>>,
) -> Option<i64> {
    let eq = |h: U, q: U| if fold { h.folded() == q } else { h == q };
    if let [q] = query {
        return align_one(hay, *q, eq, positions);
    }
    // No later place can beat one at a word start with every character in a run (only the
    // prefix and whole-name bonuses could, and they go to the first place).
    let m = query.len() as i64;
    let perfect =
        m * SCORE_MATCH + BONUS_BOUNDARY * FIRST_CHAR_MULTIPLIER + (m - 1) * BONUS_BOUNDARY;
    let mut best: Option<(i64, usize, usize)> = None;
    let mut from = 0;
    for _ in 0..MAX_WINDOWS {
        let Some((start, end)) = window(hay, query, from, eq) else {
            break;
        };
        let score = score_window(hay, query, start, end, eq, None);
        if best.is_none_or(|(b, _, _)| score > b) {
            best = Some((score, start, end));
        }
        if score >= perfect {
            break;
        }
        from = start + 1;
    }
    let (score, start, end) = best?;
    if let Some(p) = positions {
        score_window(hay, query, start, end, eq, Some(p));
    }
    Some(score)
}

/// [`align`] for a one-character query, the first keystroke, which every candidate is matched
/// against: one pass, each occurrence scored as a one-character place would be.
fn align_one<U: Unit>(
    hay: &[U],
    q: U,
    eq: impl Fn(U, U) -> bool,
    positions: Option<&mut Vec<usize>>,
) -> Option<i64> {
    let mut best: Option<(i64, usize)> = None;
    let mut previous = Class::Separator;
    for (i, &h) in hay.iter().enumerate() {
        let class = h.class();
        if eq(h, q) {
            let mut score = SCORE_MATCH + bonus(previous, class) * FIRST_CHAR_MULTIPLIER;
            if i == 0 {
                score += BONUS_PREFIX;
                if hay.len() == 1 {
                    score += BONUS_EXACT;
                }
            }
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, i));
            }
        }
        previous = class;
    }
    let (score, at) = best?;
    if let Some(p) = positions {
        p.push(at);
    }
    Some(score)
}

/// The first place from `from` where `query` appears in `hay` in order: the index where it
/// completes, and the latest start that still holds it all.
fn window<U: Unit>(
    hay: &[U],
    query: &[U],
    from: usize,
    eq: impl Fn(U, U) -> bool,
) -> Option<(usize, usize)> {
    let mut wanted = 0;
    let mut first = None;
    let mut end = None;
    for (i, h) in hay.iter().enumerate().skip(from) {
        let Some(&q) = query.get(wanted) else { break };
        if eq(*h, q) {
            if wanted == 0 {
                first = Some(i);
            }
            wanted += 1;
            if wanted == query.len() {
                end = Some(i);
                break;
            }
        }
    }
    let (first, end) = (first?, end?);
    let mut back = query.len();
    for i in (first..=end).rev() {
        let Some(q) = back.checked_sub(1).and_then(|b| query.get(b)) else {
            break;
        };
        if hay.get(i).is_some_and(|h| eq(*h, *q)) {
            back -= 1;
            if back == 0 {
                return Some((i, end));
            }
        }
    }
    Some((first, end))
}

/// Scores the place `start..=end`, matching greedily from its start: points per matched
/// character, more at word starts and in runs, less for gaps; a whole-name match scores most.
fn score_window<U: Unit>(
    hay: &[U],
    query: &[U],
    start: usize,
    end: usize,
    eq: impl Fn(U, U) -> bool,
    mut positions: Option<&mut Vec<usize>>,
) -> i64 {
    let mut score = 0;
    let mut wanted = 0;
    let mut consecutive = 0;
    let mut first_bonus = 0;
    let mut in_gap = false;
    let mut previous = match start.checked_sub(1).and_then(|p| hay.get(p)) {
        Some(h) => h.class(),
        None => Class::Separator,
    };
    for i in start..=end {
        let Some(&h) = hay.get(i) else { break };
        let class = h.class();
        match query.get(wanted) {
            Some(&q) if eq(h, q) => {
                score += SCORE_MATCH;
                let mut b = bonus(previous, class);
                if consecutive == 0 {
                    first_bonus = b;
                } else {
                    if b >= BONUS_BOUNDARY && b > first_bonus {
                        first_bonus = b;
                    }
                    b = b.max(first_bonus).max(BONUS_CONSECUTIVE);
                }
                score += if wanted == 0 {
                    b * FIRST_CHAR_MULTIPLIER
                } else {
                    b
                };
                if let Some(p) = positions.as_deref_mut() {
                    p.push(i);
                }
                in_gap = false;
                consecutive += 1;
                wanted += 1;
            }
            _ => {
                score += if in_gap { GAP_EXTENSION } else { GAP_START };
                in_gap = true;
                consecutive = 0;
                first_bonus = 0;
            }
        }
        previous = class;
    }
    if start == 0 {
        score += BONUS_PREFIX;
        if end + 1 == hay.len() && query.len() == hay.len() {
            score += BONUS_EXACT;
        }
    }
    score
}

/// The linear-time matcher the browser uses, smart case: a query with a capital letter matches
/// case-sensitively, else case is folded (ASCII and Unicode simple lower-casing). Ranks a
/// whole-name match first, then matches at word starts and in runs, then scattered ones.
#[derive(Debug, Default, Clone, Copy)]
pub struct FastMatcher;

impl FastMatcher {
    fn run(candidate: &str, query: &str, positions: Option<&mut Vec<usize>>) -> Option<i64> {
        if query.is_empty() {
            return Some(0);
        }
        let fold = if query.is_ascii() {
            !query.bytes().any(|b| b.is_ascii_uppercase())
        } else {
            !query.chars().any(char::is_uppercase)
        };
        if candidate.is_ascii() && query.is_ascii() {
            // ASCII: bytes are chars, so byte indices are char indices. A short query is folded
            // on the stack: this runs for every name at every keystroke.
            let mut buf = [0u8; 64];
            if let Some(q) = buf.get_mut(..query.len()) {
                q.copy_from_slice(query.as_bytes());
                if fold {
                    q.make_ascii_lowercase();
                }
                return align(candidate.as_bytes(), q, fold, positions);
            }
            let q: Vec<u8> = if fold {
                query.bytes().map(|b| b.to_ascii_lowercase()).collect()
            } else {
                query.bytes().collect()
            };
            return align(candidate.as_bytes(), &q, fold, positions);
        }
        if query.is_ascii() && !may_match(candidate, query) {
            // Cheap rejection before collecting chars: an ASCII query needs its bytes in order.
            return None;
        }
        let hay: Vec<char> = candidate.chars().collect();
        let q: Vec<char> = if fold {
            query.chars().map(Unit::folded).collect()
        } else {
            query.chars().collect()
        };
        align(&hay, &q, fold, positions)
    }
}

impl Matcher for FastMatcher {
    fn matches(&self, candidate: &str, query: &str) -> Option<Match> {
        let mut indices = Vec::with_capacity(query.len());
        let score = FastMatcher::run(candidate, query, Some(&mut indices))?;
        Some(Match { score, indices })
    }

    fn score(&self, candidate: &str, query: &str) -> Option<i64> {
        FastMatcher::run(candidate, query, None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_subsequence_with_indices() {
        let m = SkimMatcher::default();
        let found = m.matches("Abdourahamane Tchiani", "tch").expect("matches");
        assert_eq!(found.indices, vec![14, 15, 16]);
        assert!(m.matches("Bazoum", "tch").is_none());
    }

    #[test]
    fn fast_matcher_ranks_whole_names_then_word_starts_then_scattered_letters() {
        let m = FastMatcher;
        let score = |c: &str, q: &str| m.score(c, q).unwrap_or(i64::MIN);
        assert!(score("Niger", "niger") > score("Nigeria", "niger"));
        assert!(score("Nigeria", "niger") > score("Conseil Niger", "niger"));
        assert!(score("Conseil Niger", "niger") > score("Benin Guinea Eritrea", "niger"));
        assert!(score("Tchiani", "tch") > score("Matchiani", "tch"));
        // The best of a name's places: "ni" at the end, not spread over two words.
        let found = m.matches("Abdourahamane Tchiani", "ni").expect("matches");
        assert_eq!(found.indices, vec![19, 20]);
        assert_eq!(found.score, score("Omar Tchiani", "ni"));
        assert!(m.score("Bazoum", "tch").is_none());
        assert!(m.score("", "a").is_none());
        assert_eq!(m.score("anything", ""), Some(0));
    }

    #[test]
    fn fast_matcher_is_smart_case_and_counts_chars_not_bytes() {
        let m = FastMatcher;
        assert!(m.matches("Niger", "NIG").is_none());
        assert!(m.matches("NIGER", "NIG").is_some());
        assert!(m.matches("NIGER", "nig").is_some());
        let found = m.matches("C\u{f4}te d'Ivoire", "ivo").expect("matches");
        assert_eq!(found.indices, vec![7, 8, 9]);
        let found = m
            .matches("\u{c9}lys\u{e9}e", "\u{e9}l")
            .expect("folds accents");
        assert_eq!(found.indices, vec![0, 1]);
        // A long query (no stack buffer) matches the same way.
        let long = "a".repeat(70);
        assert!(m.matches(&long, &long).is_some());
    }

    #[test]
    fn a_one_letter_query_takes_the_best_occurrence() {
        let m = FastMatcher;
        // The word start beats the earlier letter inside a word.
        let found = m.matches("Matchiani Tchiani", "t").expect("matches");
        assert_eq!(found.indices, vec![10]);
        assert!(m.score("Tchiani", "t") > m.score("Matchiani Tchiani", "t"));
        assert!(m.score("t", "t") > m.score("Tchiani", "t"));
        assert!(m.score("Bazoum", "t").is_none());
    }

    #[test]
    fn the_prefilter_never_rules_out_a_match() {
        let m = SkimMatcher::default();
        let names = [
            "Abdourahamane Tchiani",
            "Niger",
            "Nig\u{e9}rien",
            "C\u{f4}te d'Ivoire",
            "L\u{2019}Enqueteur",
            "",
        ];
        let queries = [
            "tch",
            "TCH",
            "ngr",
            "\u{e9}",
            "nig\u{e9}",
            "cote",
            "\u{f4}",
            "\u{2019}e",
            "x",
            "",
        ];
        for n in names {
            for q in queries {
                if m.matches(n, q).is_some() {
                    assert!(may_match(n, q), "{n:?} {q:?}");
                }
            }
        }
        assert!(!may_match("Bazoum", "tch"));
        assert!(may_match("Tchiani", "TcH"));
    }
}
