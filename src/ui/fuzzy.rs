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

/// Scores a candidate string against a query.
pub trait Matcher {
    /// The match of `query` in `candidate`, or `None` when it does not match.
    fn matches(&self, candidate: &str, query: &str) -> Option<Match>;
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
}
