//! Resolution across the corpus: surface forms become actors. People's names merge by surname
//! ("Mr Bazoum", "Bazoum" → "Mohamed Bazoum"), by spelling variants of one first name under
//! one surname (Abdourahmane / Abdourahamane Tchiani) and by stated other names; two people
//! who share only a first name stay apart. Organizations join their defined acronyms; places
//! and organizations from patterns join by normalised name.
//!
//! At scale the candidates are many and their names few, so the work is split that way: the
//! distinct names are numbered once ([`names`]) and every question about a text is answered
//! per name; per candidate only two `u32` are kept (its name and its key, [`keys`]) and the
//! passes over candidates compare numbers. The passes keep the corpus order where an earlier
//! mention decides something (display names, the most mentioned person of a surname).

mod build;
mod keys;
mod names;
mod people;

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

use super::candidate::Class;
use super::fuzzy::FuzzyCountries;
use super::gazetteer_match::{GazIndex, GazTarget, numbered};
use super::scan::ArticleScan;
use crate::extract::gazetteer::Gazetteer;
use crate::model::{Actor, Article, Mention};
use keys::{Key, KeyTable, normalize};
use names::{Names, candidates};
use people::People;

/// Resolves all scans (one per article, in order) into actors and mentions.
pub fn resolve(
    articles: &[Article],
    scans: &[ArticleScan],
    gazetteer: &Gazetteer,
    index: &GazIndex,
) -> (Vec<Actor>, Vec<Mention>) {
    let (names, name_of) = Names::intern(articles, scans);
    let mut keys = KeyTable::new(gazetteer);
    // 1. People: clusters of full names; and 2. gazetteer entries, organizations and places:
    // their keys. Neither reads what the other finds, so they run side by side.
    let (people, mut keyed) = rayon::join(
        || People::resolve(&names, scans, &name_of),
        || key_names_and_places(&names, scans, &name_of, gazetteer, &mut keys),
    );
    // 3. Organizations whose text is a defined acronym join the long form.
    join_acronyms(articles, &names, scans, &name_of, &mut keyed);
    // 4. People by full name or surname, and misspelt countries.
    key_people(
        &names,
        &people,
        scans,
        &name_of,
        &FuzzyCountries::new(&index.country_forms),
        &mut keys,
        &mut keyed,
    );
    // 5. Names without evidence that repeat are organizations', and so are the first words
    //    of exactly one organization's name.
    let eligible: Vec<bool> = candidates(scans)
        .map(|(g, _, c)| {
            c.class == Class::Unknown
                && keyed.get(g).is_some_and(Option::is_none)
                && name_of
                    .get(g)
                    .and_then(|&n| names.facts(n))
                    .is_some_and(|f| f.may_be_organization)
        })
        .collect();
    key_repeated_names(&names, scans, &name_of, &eligible, &mut keys, &mut keyed);
    key_first_words(&names, scans, &name_of, &eligible, &keys, &mut keyed);
    // 6. Display names of people.
    name_people(&names, &people, &name_of, &mut keys, &keyed);
    // What only the resolution needed goes before the mentions are made.
    drop((eligible, people));
    build::build(articles, scans, &keyed, &name_of, &names, &keys)
}

/// Keys of gazetteer entries, pattern organizations and places, in corpus order (the first
/// mention of a key names it); `None` for every other candidate.
fn key_names_and_places(
    names: &Names<'_>,
    scans: &[ArticleScan],
    name_of: &[u32],
    gazetteer: &Gazetteer,
    keys: &mut KeyTable<'_>,
) -> Vec<Option<u32>> {
    let mut gaz_org_by_norm: HashMap<String, u32> = HashMap::default();
    for (i, o) in numbered(&gazetteer.organizations) {
        for n in std::iter::once(&o.name).chain(&o.aliases) {
            gaz_org_by_norm.entry(normalize(n)).or_insert(i);
        }
    }
    // A name's key is worked out at its first mention; later ones find it here (the display
    // name was settled by then).
    let mut org_of_name: HashMap<u32, u32> = HashMap::default();
    let mut place_of_name: HashMap<u32, u32> = HashMap::default();
    candidates(scans)
        .map(|(g, _, c)| {
            let name = name_of.get(g).copied().unwrap_or(u32::MAX);
            let text = names.text(name);
            match c.class {
                Class::Gaz(t) => Some(keys.target(t)),
                Class::Org => Some(*org_of_name.entry(name).or_insert_with(|| {
                    let norm = normalize(text);
                    match gaz_org_by_norm.get(&norm) {
                        Some(&i) => keys.target(GazTarget::Org(i)),
                        None => keys.intern_named(Key::Org(norm.into()), || text.to_string()),
                    }
                })),
                Class::Place => Some(*place_of_name.entry(name).or_insert_with(|| {
                    keys.intern_named(Key::Place(normalize(text).into()), || text.to_string())
                })),
                Class::Person { .. } | Class::Unknown => None,
            }
        })
        .collect()
}

/// Acronyms defined in the text ("Movement for Justice (MJP)") key the candidates written so,
/// when they are organizations or unknown; the first definition in the corpus wins.
fn join_acronyms(
    articles: &[Article],
    names: &Names<'_>,
    scans: &[ArticleScan],
    name_of: &[u32],
    keyed: &mut [Option<u32>],
) {
    let mut acronyms: HashMap<u32, u32> = HashMap::default();
    let mut first = 0usize;
    for (article, scan) in articles.iter().zip(scans) {
        for (span, cand) in &scan.acronyms {
            let acronym = article.body.get(span.range()).and_then(|t| names.id(t));
            if let Some(acronym) = acronym
                && let Some(Some(key)) = keyed.get(first + *cand as usize)
            {
                acronyms.entry(acronym).or_insert(*key);
            }
        }
        first += scan.candidates.len();
    }
    if acronyms.is_empty() {
        return;
    }
    for (g, _, c) in candidates(scans) {
        if matches!(c.class, Class::Org | Class::Unknown)
            && let Some(key) = name_of.get(g).and_then(|n| acronyms.get(n))
            && let Some(slot) = keyed.get_mut(g)
        {
            *slot = Some(*key);
        }
    }
}

/// Keys the people among the candidates left: a known person name, or a surname alone (the
/// most recent full name with it in the article, else the one mentioned most so far in the
/// corpus); and unknown single words that misspell a country.
fn key_people(
    names: &Names<'_>,
    people: &People,
    scans: &[ArticleScan],
    name_of: &[u32],
    fuzzy: &FuzzyCountries,
    keys: &mut KeyTable<'_>,
    keyed: &mut [Option<u32>],
) {
    // Mentions so far of each cluster, by root: the tie-break follows the corpus order.
    let mut person_mentions: Vec<u32> = vec![0; people.len()];
    let mut person_key: Vec<Option<u32>> = vec![None; people.len()];
    // Misspelt countries: each distinct unknown single word is looked up once, in parallel.
    let recovered = recover_countries(names, scans, name_of, fuzzy);
    // Surname (a name id) → the root last named by it in the current article.
    let mut last_person: HashMap<u32, u32> = HashMap::default();
    let mut g = 0usize;
    for scan in scans {
        last_person.clear();
        for c in &scan.candidates {
            let here = g;
            g += 1;
            if keyed.get(here).is_none_or(Option::is_some) {
                continue;
            }
            let Some(&name) = name_of.get(here) else {
                continue;
            };
            let Some(facts) = names.facts(name) else {
                continue;
            };
            let node = if let Some(n) = people.node(facts.spaced_id) {
                Some(n)
            } else if facts.words == 1
                && let Some(nodes) = people.with_surname(facts.spaced_id)
            {
                let roots = || nodes.iter().map(|&n| people.root(n));
                let recent = last_person
                    .get(&name)
                    .copied()
                    .filter(|r| roots().any(|x| x == *r));
                recent.or_else(|| {
                    roots().max_by_key(|&r| {
                        (
                            person_mentions.get(r as usize).copied().unwrap_or(0),
                            u32::MAX - r,
                        )
                    })
                })
            } else {
                None
            };
            if let Some(n) = node {
                let root = people.root(n);
                if let Some(count) = person_mentions.get_mut(root as usize) {
                    *count += 1;
                }
                if let Some(last) = facts.last_word {
                    last_person.insert(last, root);
                }
                let key = match person_key.get_mut(root as usize) {
                    Some(slot) => *slot.get_or_insert_with(|| keys.intern(Key::Person(root))),
                    None => keys.intern(Key::Person(root)),
                };
                if let Some(slot) = keyed.get_mut(here) {
                    *slot = Some(key);
                }
                continue;
            }
            // A misspelt country.
            if facts.words == 1
                && c.class == Class::Unknown
                && let Some(&country) = recovered.get(&name)
                && let Some(slot) = keyed.get_mut(here)
            {
                *slot = Some(keys.target(GazTarget::Country(country)));
            }
        }
    }
}

/// The country each unknown single word misspells, by name id (words that misspell none are
/// left out).
fn recover_countries(
    names: &Names<'_>,
    scans: &[ArticleScan],
    name_of: &[u32],
    fuzzy: &FuzzyCountries,
) -> HashMap<u32, u32> {
    let mut asked = vec![false; names.texts.len()];
    for (g, _, c) in candidates(scans) {
        if c.class == Class::Unknown
            && let Some(&name) = name_of.get(g)
            && let Some(slot) = asked.get_mut(name as usize)
        {
            *slot = true;
        }
    }
    (0..=u32::MAX)
        .zip(asked)
        .filter(|&(name, asked)| asked && names.facts(name).is_some_and(|f| f.words == 1))
        .map(|(name, _)| name)
        .collect::<Vec<u32>>()
        .into_par_iter()
        .filter_map(|name| Some((name, fuzzy.recover(names.text(name))?)))
        .collect()
}

/// A name without evidence that an article repeats, once at least inside a sentence, is an
/// organization's: people are named in full once, then by surname, and the corpus found no
/// person by it ("Boeing", "Lockheed Martin"). Multi-word names count within their article;
/// one word across the corpus. Only `eligible` candidates (unkeyed, unknown, not shaped like
/// an adjective or a common noun) take part.
fn key_repeated_names(
    names: &Names<'_>,
    scans: &[ArticleScan],
    name_of: &[u32],
    eligible: &[bool],
    keys: &mut KeyTable<'_>,
    keyed: &mut [Option<u32>],
) {
    // `(count, once inside a sentence)` per single-word name, across the corpus.
    let mut corpus_wide: Vec<(u32, bool)> = vec![(0, false); names.texts.len()];
    let one_word = |name: u32| names.facts(name).is_some_and(|f| !f.has_space);
    for (g, _, c) in candidates(scans) {
        if eligible.get(g) == Some(&true)
            && let Some(&name) = name_of.get(g)
            && one_word(name)
            && let Some(e) = corpus_wide.get_mut(name as usize)
        {
            e.0 += 1;
            e.1 |= !c.opens_sentence;
        }
    }
    let mut org_of_name: HashMap<u32, u32> = HashMap::default();
    let mut in_article: HashMap<u32, (u32, bool)> = HashMap::default();
    let mut first = 0usize;
    for scan in scans {
        let range = first..first + scan.candidates.len();
        first = range.end;
        in_article.clear();
        for (g, c) in range.clone().zip(&scan.candidates) {
            if eligible.get(g) == Some(&true)
                && let Some(&name) = name_of.get(g)
                && !one_word(name)
            {
                let e = in_article.entry(name).or_default();
                e.0 += 1;
                e.1 |= !c.opens_sentence;
            }
        }
        for g in range {
            let Some(&name) = name_of.get(g) else {
                continue;
            };
            if eligible.get(g) != Some(&true) {
                continue;
            }
            let repeats = if one_word(name) {
                corpus_wide.get(name as usize).copied()
            } else {
                in_article.get(&name).copied()
            };
            if repeats.is_some_and(|(n, inside)| n >= 2 && inside) {
                let text = names.text(name);
                let key = *org_of_name.entry(name).or_insert_with(|| {
                    keys.intern_named(Key::Org(normalize(text).into()), || text.to_string())
                });
                if let Some(slot) = keyed.get_mut(g) {
                    *slot = Some(key);
                }
            }
        }
    }
}

/// "Apple" after "Apple Computer": an eligible name that is the first word of exactly one
/// organization's name joins that organization.
fn key_first_words(
    names: &Names<'_>,
    scans: &[ArticleScan],
    name_of: &[u32],
    eligible: &[bool],
    keys: &KeyTable<'_>,
    keyed: &mut [Option<u32>],
) {
    // First word (as a name id: a word no candidate is written as can match nothing) → the
    // one organization it opens, or `None` once two differ.
    let mut first_words: HashMap<u32, Option<u32>> = HashMap::default();
    for (g, _, _) in candidates(scans) {
        if let Some(Some(key)) = keyed.get(g).copied()
            && keys.is_org(key)
            && let Some(first) = name_of
                .get(g)
                .and_then(|&n| names.facts(n))
                .and_then(|f| f.first_word)
        {
            first_words
                .entry(first)
                .and_modify(|k| {
                    if *k != Some(key) {
                        *k = None;
                    }
                })
                .or_insert(Some(key));
        }
    }
    if first_words.is_empty() {
        return;
    }
    for (g, _, _) in candidates(scans) {
        if eligible.get(g) == Some(&true)
            && keyed.get(g).is_some_and(Option::is_none)
            && let Some(Some(key)) = name_of.get(g).and_then(|n| first_words.get(n))
            && let Some(slot) = keyed.get_mut(g)
        {
            *slot = Some(*key);
        }
    }
}

/// Display names of people: the most mentioned full name not known only as another name.
fn name_people(
    names: &Names<'_>,
    people: &People,
    name_of: &[u32],
    keys: &mut KeyTable<'_>,
    keyed: &[Option<u32>],
) {
    // `(key, spaced name id)` → mentions.
    let mut counts: HashMap<(u32, u32), u32> = HashMap::default();
    for (key, &name) in keyed.iter().zip(name_of) {
        if let Some(key) = *key
            && matches!(keys.key(key), Some(Key::Person(_)))
            && let Some(facts) = names.facts(name)
        {
            *counts.entry((key, facts.spaced_id)).or_default() += 1;
        }
    }
    // Rank: shown and longer names first, then the most mentioned, then the first in order.
    let mut best: HashMap<u32, (u32, u32, &str)> = HashMap::default();
    for (&(key, spaced_id), &count) in &counts {
        let Some(facts) = names.facts(spaced_id) else {
            continue;
        };
        let name = facts.spaced.as_ref();
        let rank = (
            u32::from(people.is_shown(spaced_id)) * 10 + facts.words.min(9),
            count,
            name,
        );
        let better = best.get(&key).is_none_or(|b| {
            (rank.0, rank.1, std::cmp::Reverse(rank.2)) > (b.0, b.1, std::cmp::Reverse(b.2))
        });
        if better {
            best.insert(key, rank);
        }
    }
    for (key, (_, _, name)) in best {
        keys.rename(key, name.to_string());
    }
}
