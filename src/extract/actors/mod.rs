//! Actors: the people, countries, organizations and places in every article, with their names
//! resolved across the corpus.
//!
//! Each article is read once ([`scan`]): one aho-corasick pass finds every gazetteer form
//! ([`gazetteer_match`]); the capitalised names between the hits are classified by pattern
//! ([`patterns`]) or by the evidence that makes them people ([`people`]), with the roles
//! stated beside them ([`roles`]). Then [`resolve`] merges the surface forms of the whole
//! corpus into actors, recovering misspelt country names on the way ([`fuzzy`]).

mod context;
mod fuzzy;
mod gazetteer_match;
mod lexicon;
mod patterns;
mod people;
mod resolve;
mod roles;
mod scan;
mod tokens;

use rayon::prelude::*;

use crate::model::{Actor, Article, Mention};

use super::gazetteer::Gazetteer;
use gazetteer_match::GazIndex;

/// The actors of a corpus and every mention of them, sorted by article and position.
#[derive(Debug, Clone, Default)]
pub struct ActorExtraction {
    /// Actors, indexed by their ids.
    pub actors: Vec<Actor>,
    /// Mentions sorted by article, then by start offset.
    pub mentions: Vec<Mention>,
}

/// Finds and resolves the actors of all `articles`.
pub fn extract_actors(articles: &[Article], gazetteer: &Gazetteer) -> ActorExtraction {
    let index = GazIndex::for_gazetteer(gazetteer);
    let scans: Vec<scan::ArticleScan> = articles
        .par_iter()
        .map(|a| scan::scan_article(&a.body, &index))
        .collect();
    let (actors, mentions) = resolve::resolve(articles, &scans, gazetteer, &index);
    ActorExtraction { actors, mentions }
}
