//! Serving a changed corpus from an earlier analysis: the files that did not change are not
//! read, cleaned or split into sentences again, and their articles' time expressions are not
//! found again.
//!
//! What must be redone is everything resolved across articles: actors (a new article can join
//! two spellings of one name), events (grouped across articles), quotes and cited sources
//! (attributed to those actors), shared passages (compared between articles), and the keys
//! (made unique in corpus order, so an added file can rename a later file's key).
//!
//! A file is unchanged when its stamp (path, size, modification time and content hash) is the
//! same in the manifest the earlier analysis was made from and in the one taken now, and the
//! same program made it ([`super::key::program_identity`]). Anything inconsistent in what the
//! earlier analysis offers (a file's article count, an article of another file, a time
//! expression of no article) drops the whole offer: the corpus is then loaded from the files,
//! never from a half-trusted cache.

use std::collections::HashMap;
use std::path::PathBuf;

use super::key::Manifest;
use super::parts::Reusable;
use crate::load::FileLoad;
use crate::model::{Article, TimeExpr};

/// What an earlier analysis offers the loader and the pipeline: each unchanged file's load,
/// and its articles' time expressions.
#[derive(Debug, Default)]
pub struct Offer {
    /// The load of each unchanged file, by its path as walked (for
    /// [`crate::load::load_paths_reusing`]).
    pub loads: HashMap<PathBuf, FileLoad>,
    /// The time expressions of those files' articles.
    pub times: KnownTimes,
}

/// For each unchanged file, its articles' time expressions, article by article.
#[derive(Debug, Default)]
pub struct KnownTimes {
    by_file: HashMap<PathBuf, Vec<Vec<TimeExpr>>>,
}

impl Offer {
    /// The offer of `earlier` (made from the files stamped in `earlier_manifest`) for the files
    /// stamped in `now`: every file whose stamp did not change. Empty when `earlier` was made
    /// by another program or does not hold together.
    pub fn new(earlier: Reusable, earlier_manifest: &Manifest, now: &Manifest) -> Offer {
        if earlier.program != super::key::program_identity() {
            return Offer::default();
        }
        let (then, now) = (earlier_manifest.by_path(), now.by_path());
        let unchanged = |path: &PathBuf| {
            let key = path.as_os_str().as_encoded_bytes();
            matches!((then.get(key), now.get(key)), (Some(a), Some(b)) if a == b)
        };
        Offer::of_unchanged(earlier, unchanged).unwrap_or_default()
    }

    /// The offer of `earlier` for the files `unchanged` accepts; `None` when it does not hold
    /// together.
    fn of_unchanged(earlier: Reusable, unchanged: impl Fn(&PathBuf) -> bool) -> Option<Offer> {
        let mut times = times_by_article(earlier.times, earlier.articles.len())?.into_iter();
        let mut articles = earlier.articles.into_iter();
        let mut offer = Offer::default();
        for summary in earlier.files {
            let count = summary.keys.len();
            let file_articles: Vec<Article> = articles.by_ref().take(count).collect();
            let file_times: Vec<Vec<TimeExpr>> = times.by_ref().take(count).collect();
            if file_articles.len() != count
                || file_articles.iter().any(|a| a.origin.path != summary.path)
            {
                return None;
            }
            if !unchanged(&summary.path) {
                continue;
            }
            let path = summary.path.clone();
            let load = FileLoad::from_summary(summary, file_articles)?;
            offer.times.by_file.insert(path.clone(), file_times);
            offer.loads.insert(path, load);
        }
        // Every article belongs to a listed file.
        if articles.next().is_some() {
            return None;
        }
        Some(offer)
    }
}

impl KnownTimes {
    /// The known time expressions of each of `articles` (the corpus loaded with this offer's
    /// loads), in article order: `Some` for an article of an offered file, `None` for one that
    /// was read. A file's articles come in file order, so each takes the next list of its file.
    pub fn for_articles(self, articles: &[Article]) -> Vec<Option<Vec<TimeExpr>>> {
        let mut per_file: HashMap<PathBuf, std::vec::IntoIter<Vec<TimeExpr>>> = self
            .by_file
            .into_iter()
            .map(|(path, lists)| (path, lists.into_iter()))
            .collect();
        articles
            .iter()
            .map(|article| per_file.get_mut(&article.origin.path)?.next())
            .collect()
    }
}

/// `times` (in article order) as one list per article, `articles` lists; `None` when one
/// names an article that is not there.
fn times_by_article(times: Vec<TimeExpr>, articles: usize) -> Option<Vec<Vec<TimeExpr>>> {
    let mut lists: Vec<Vec<TimeExpr>> = Vec::new();
    lists.resize_with(articles, Vec::new);
    for time in times {
        lists.get_mut(time.at.article.index())?.push(time);
    }
    Some(lists)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cache::key::{Stamp, program_identity};

    /// Two files' analysis as a cache holds it, and a manifest stamping them.
    fn earlier() -> (Reusable, Manifest) {
        let report = crate::load::load_files(vec![
            (
                PathBuf::from("a.txt"),
                b"date 2023-07-26\nOn Wednesday the guard detained the president.".to_vec(),
            ),
            (
                PathBuf::from("b.txt"),
                b"date 2023-07-28\nTwo days later the general spoke on television.".to_vec(),
            ),
        ]);
        let corpus = crate::pipeline::analyze(report.articles);
        let stamps = report
            .files
            .iter()
            .enumerate()
            .map(|(i, f)| Stamp {
                path: f.path.clone(),
                size: 10,
                modified: (1, 0),
                content: i as u64,
            })
            .collect();
        let reusable = Reusable {
            program: program_identity(),
            files: report.files,
            articles: corpus.articles,
            times: corpus.times,
        };
        (
            reusable,
            Manifest {
                taken_at: 100,
                stamps,
            },
        )
    }

    #[test]
    fn only_files_whose_stamp_is_unchanged_are_offered_with_their_times() {
        let (reusable, then) = earlier();
        assert!(!reusable.times.is_empty());
        let mut now = then.clone();
        now.stamps[0].content = 99;
        let offer = Offer::new(reusable, &then, &now);
        let offered: Vec<&PathBuf> = offer.loads.keys().collect();
        assert_eq!(offered, [&PathBuf::from("b.txt")]);
        let b = &offer.loads[&PathBuf::from("b.txt")].articles;
        let times = offer.times.for_articles(b);
        assert_eq!(times.len(), 1);
        assert!(times[0].as_ref().is_some_and(|t| !t.is_empty()));
    }

    #[test]
    fn another_program_or_a_list_that_does_not_hold_together_offers_nothing() {
        let (mut reusable, then) = earlier();
        reusable.program ^= 1;
        assert_eq!(Offer::new(reusable, &then, &then).loads.len(), 0);

        let (mut reusable, then) = earlier();
        reusable.files[0].keys.push("one too many".into());
        assert_eq!(Offer::new(reusable, &then, &then).loads.len(), 0);

        let (mut reusable, then) = earlier();
        reusable.files.swap(0, 1);
        assert_eq!(Offer::new(reusable, &then, &then).loads.len(), 0);

        let (mut reusable, then) = earlier();
        reusable.times[0].at.article = crate::model::ArticleId::from_index(7);
        assert_eq!(Offer::new(reusable, &then, &then).loads.len(), 0);

        let (reusable, then) = earlier();
        assert_eq!(Offer::new(reusable, &then, &then).loads.len(), 2);
    }
}
