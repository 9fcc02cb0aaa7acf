//! The distinct names of the corpus. Candidates repeat a few tens of thousands of names
//! (1.66 million candidates at 20,000 articles), so each name gets a `u32` id once and every
//! question about its text (its words, its spaced form, whether it may be an organization's)
//! is answered once per name, in parallel, instead of once per candidate.

use std::borrow::Cow;

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

use super::super::candidate::Candidate;
use super::super::lexicon::Lexicon;
use super::super::scan::ArticleScan;
use crate::model::Article;

/// Facts about one distinct name, worked out from its text alone.
#[derive(Debug, Clone)]
pub struct NameFacts<'a> {
    /// The name with its words joined by single spaces (borrowed when it already is).
    pub spaced: Cow<'a, str>,
    /// The smallest name id with the same spaced form: names that differ only in spacing
    /// count as one ("Jane  Okafor", "Jane Okafor").
    pub spaced_id: u32,
    /// The number of words.
    pub words: u32,
    /// The last word (split on whitespace), as a name id when some candidate is written so.
    pub last_word: Option<u32>,
    /// The text before its first space, unless it can never be a name, as a name id when
    /// some candidate is written so ("Apple" of "Apple Computer").
    pub first_word: Option<u32>,
    /// The text holds a space: such a name counts as repeated within its article only.
    pub has_space: bool,
    /// A name without evidence may become an organization's (no adjective, no stop word, no
    /// head word alone).
    pub may_be_organization: bool,
}

/// Every distinct candidate text of the corpus, with an id and its facts.
pub struct Names<'a> {
    /// Id → text, in order of first appearance.
    pub texts: Vec<&'a str>,
    /// Text → id.
    pub ids: HashMap<&'a str, u32>,
    /// Id → facts.
    pub facts: Vec<NameFacts<'a>>,
}

/// The name with its words joined by single spaces; borrowed when it already is.
pub fn spaced(name: &str) -> Cow<'_, str> {
    let single = !name.starts_with(' ')
        && !name.ends_with(' ')
        && !name.contains("  ")
        && !name.contains(|c: char| c.is_whitespace() && c != ' ');
    if single {
        Cow::Borrowed(name)
    } else {
        Cow::Owned(name.split_whitespace().collect::<Vec<_>>().join(" "))
    }
}

/// A word shaped like an adjective or a noun of origin or belief ("Californian", "Javanese",
/// "Cornish", "Islamic", "Islamist").
fn looks_like_adjective(text: &str) -> bool {
    !text.contains(' ')
        && ["ian", "ians", "ese", "ish", "ic", "ist", "ists", "ism"]
            .iter()
            .any(|end| text.ends_with(end))
}

/// True when a name without evidence may become an organization's by repetition.
fn may_be_organization(text: &str) -> bool {
    let lex = Lexicon::get();
    !looks_like_adjective(text)
        && !Lexicon::has(&lex.acronym_stoplist, text)
        && !Lexicon::has(&lex.never_names, text)
        // A head word alone ("Embassy", "Region") is a common noun.
        && !Lexicon::has(&lex.org_keywords, text)
        && !Lexicon::has(&lex.place_keywords, text)
}

impl<'a> Names<'a> {
    /// Gives every candidate of `scans` a name id; returns the names and, per candidate in
    /// corpus order, its id.
    pub fn intern(articles: &'a [Article], scans: &[ArticleScan]) -> (Names<'a>, Vec<u32>) {
        let total: usize = scans.iter().map(|s| s.candidates.len()).sum();
        let mut ids: HashMap<&'a str, u32> = HashMap::default();
        let mut texts: Vec<&'a str> = Vec::new();
        let mut of_candidate: Vec<u32> = Vec::with_capacity(total);
        for (article, scan) in articles.iter().zip(scans) {
            for c in &scan.candidates {
                let text = c.text(&article.body);
                let id = *ids.entry(text).or_insert_with(|| {
                    texts.push(text);
                    // Fewer names than candidates, and candidates are counted in `u32` offsets
                    // of bodies below 4 GiB each; saturation would only merge names.
                    u32::try_from(texts.len() - 1).unwrap_or(u32::MAX)
                });
                of_candidate.push(id);
            }
        }
        let never_names = &Lexicon::get().never_names;
        let mut facts: Vec<NameFacts<'a>> = texts
            .par_iter()
            .enumerate()
            .map(|(id, text)| NameFacts {
                spaced: spaced(text),
                spaced_id: u32::try_from(id).unwrap_or(u32::MAX),
                words: u32::try_from(text.split_whitespace().count()).unwrap_or(u32::MAX),
                last_word: text
                    .split_whitespace()
                    .next_back()
                    .and_then(|w| ids.get(w).copied()),
                first_word: text
                    .split_once(' ')
                    .map(|(first, _)| first)
                    .filter(|first| !Lexicon::has(never_names, first))
                    .and_then(|w| ids.get(w).copied()),
                has_space: text.contains(' '),
                may_be_organization: may_be_organization(text),
            })
            .collect();
        let mut by_spacing: HashMap<&str, u32> = HashMap::default();
        let spaced_ids: Vec<u32> = facts
            .iter()
            .map(|f| *by_spacing.entry(f.spaced.as_ref()).or_insert(f.spaced_id))
            .collect();
        drop(by_spacing);
        for (f, id) in facts.iter_mut().zip(spaced_ids) {
            f.spaced_id = id;
        }
        (Names { texts, ids, facts }, of_candidate)
    }

    /// The text of name `id` ("" for an unknown id).
    pub fn text(&self, id: u32) -> &'a str {
        self.texts.get(id as usize).copied().unwrap_or("")
    }

    /// The facts of name `id`.
    pub fn facts(&self, id: u32) -> Option<&NameFacts<'a>> {
        self.facts.get(id as usize)
    }

    /// The id of `text`, when some candidate is written so.
    pub fn id(&self, text: &str) -> Option<u32> {
        self.ids.get(text).copied()
    }
}

/// Candidates of the corpus in order, with their article's index and their global index.
pub fn candidates<'s>(
    scans: &'s [ArticleScan],
) -> impl Iterator<Item = (usize, usize, &'s Candidate)> + 's {
    scans
        .iter()
        .enumerate()
        .flat_map(|(a, s)| s.candidates.iter().map(move |c| (a, c)))
        .enumerate()
        .map(|(g, (a, c))| (g, a, c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spacing_is_normalised_and_borrowed_when_already_single() {
        assert!(matches!(
            spaced("Jane Okafor"),
            Cow::Borrowed("Jane Okafor")
        ));
        assert_eq!(spaced("Jane \n Okafor"), "Jane Okafor");
        assert_eq!(spaced(" Jane  Okafor "), "Jane Okafor");
    }

    #[test]
    fn adjectives_and_head_words_are_no_organizations() {
        assert!(!may_be_organization("Californian"));
        assert!(!may_be_organization("Embassy"));
        assert!(may_be_organization("Boeing"));
    }
}
