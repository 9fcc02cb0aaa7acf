//! Fuzzy matching behind a small trait, so a faster matcher can replace SkimMatcherV2 if
//! measurements at scale ask for it.

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
