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
        // Each half of the corpus is read on its own thread; the second half's new names are
        // then numbered after the first's, which gives the ids a single pass would.
        let half = articles.len().min(scans.len()) / 2;
        let (Some((a1, a2)), Some((s1, s2))) = (
            articles.split_at_checked(half),
            scans.split_at_checked(half),
        ) else {
            return Names::with_facts(Local::of(articles, scans, total));
        };
        let (first, second) = rayon::join(|| Local::of(a1, s1, total), || Local::of(a2, s2, 0));
        Names::with_facts(first.then(second))
    }

    /// The names of `local`, with their facts worked out in parallel.
    fn with_facts(local: Local<'a>) -> (Names<'a>, Vec<u32>) {
        let Local {
            texts,
            ids,
            of_candidate,
        } = local;
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

/// The distinct texts of a run of articles, numbered in order of first appearance.
struct Local<'a> {
    texts: Vec<&'a str>,
    ids: HashMap<&'a str, u32>,
    /// Each candidate's name id.
    of_candidate: Vec<u32>,
}

impl<'a> Local<'a> {
    /// Numbers the names of `articles`; `room` reserves space for that many candidates.
    fn of(articles: &'a [Article], scans: &[ArticleScan], room: usize) -> Local<'a> {
        let mut local = Local {
            texts: Vec::new(),
            ids: HashMap::default(),
            of_candidate: Vec::with_capacity(room),
        };
        for (article, scan) in articles.iter().zip(scans) {
            for c in &scan.candidates {
                let id = local.id(c.text(&article.body));
                local.of_candidate.push(id);
            }
        }
        local
    }

    /// The id of `text`, given one if it has none yet.
    fn id(&mut self, text: &'a str) -> u32 {
        *self.ids.entry(text).or_insert_with(|| {
            self.texts.push(text);
            // Fewer names than candidates, and candidates are counted in `u32` offsets of
            // bodies below 4 GiB each; saturation would only merge names.
            u32::try_from(self.texts.len() - 1).unwrap_or(u32::MAX)
        })
    }

    /// These names followed by those of `next`, the run of articles after them.
    fn then(mut self, next: Local<'a>) -> Local<'a> {
        let renumber: Vec<u32> = next.texts.iter().map(|t| self.id(t)).collect();
        self.of_candidate.extend(
            next.of_candidate
                .iter()
                .map(|&n| renumber.get(n as usize).copied().unwrap_or(u32::MAX)),
        );
        self
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
    use crate::extract::actors::candidate::{Candidate, Class};
    use crate::extract::actors::tests::article;
    use crate::model::Span;

    /// Every capitalised word of `body` as a candidate.
    fn scan(body: &str) -> ArticleScan {
        let mut at = 0;
        let mut candidates = Vec::new();
        for word in body.split(' ') {
            if word.starts_with(char::is_uppercase) {
                candidates.push(Candidate::new(
                    Span::new(at, at + word.len()),
                    Class::Unknown,
                ));
            }
            at += word.len() + 1;
        }
        ArticleScan {
            candidates,
            acronyms: Vec::new(),
        }
    }

    #[test]
    fn names_are_numbered_in_order_of_first_appearance_across_the_halves() {
        let bodies = [
            "Okafor met Diallo",
            "Diallo met Kone",
            "Kone and Okafor",
            "Abba",
        ];
        let articles: Vec<Article> = (0..).zip(bodies).map(|(i, b)| article(i, b)).collect();
        let scans: Vec<ArticleScan> = bodies.iter().map(|b| scan(b)).collect();
        let (names, name_of) = Names::intern(&articles, &scans);
        assert_eq!(names.texts, ["Okafor", "Diallo", "Kone", "Abba"]);
        assert_eq!(name_of, [0, 1, 1, 2, 2, 0, 3]);
        assert_eq!(names.id("Kone"), Some(2));
        assert_eq!(names.text(9), "");
        // One article, and none: no half to split.
        let (one, of_one) = Names::intern(&articles[..1], &scans[..1]);
        assert_eq!((one.texts.len(), of_one), (2, vec![0, 1]));
        let (none, of_none) = Names::intern(&[], &[]);
        assert!(none.texts.is_empty() && of_none.is_empty());
    }

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
