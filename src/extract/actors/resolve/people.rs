//! The people of the corpus: clusters of names. Full names (two words or more) with person
//! evidence become nodes; spelling variants of one first name under one surname, and stated
//! other names, join their nodes. Nodes are numbered in order of first appearance and a
//! cluster is known by its smallest node (its root), so the result does not depend on the
//! order in which names are joined.

use rustc_hash::FxHashMap as HashMap;

use super::super::candidate::Class;
use super::super::scan::ArticleScan;
use super::names::{Names, candidates, spaced};
use crate::model::Article;

/// Edit distance between two short words (first names).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let (Some(&diag), Some(&up), Some(&left)) = (prev.get(j), prev.get(j + 1), cur.get(j))
            else {
                continue;
            };
            if let Some(cell) = cur.get_mut(j + 1) {
                *cell = (diag + usize::from(ca != cb)).min(up + 1).min(left + 1);
            }
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}

/// Two spellings of one first name: long enough and at most two edits apart.
fn same_first_name(a: &str, b: &str) -> bool {
    a == b || (a.chars().count() >= 5 && b.chars().count() >= 5 && edit_distance(a, b) <= 2)
}

/// Union-find over nodes; the smaller node always becomes the root.
struct UnionFind(Vec<u32>);

impl UnionFind {
    fn find(&mut self, x: u32) -> u32 {
        let mut x = x;
        while let Some(&parent) = self.0.get(x as usize)
            && parent != x
        {
            let grand = self.0.get(parent as usize).copied().unwrap_or(parent);
            if let Some(p) = self.0.get_mut(x as usize) {
                *p = grand;
            }
            x = grand;
        }
        x
    }

    fn union(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb
            && let Some(p) = self.0.get_mut(ra.max(rb) as usize)
        {
            *p = ra.min(rb);
        }
    }
}

/// The people of the corpus, resolved.
pub struct People<'a> {
    /// Spaced name → node.
    node_of: HashMap<&'a str, u32>,
    /// Node → its spaced name.
    node_names: Vec<&'a str>,
    /// Nodes known only as a stated other name (not for display).
    other_only: Vec<bool>,
    /// Node → its cluster's root (after every join).
    roots: Vec<u32>,
    /// Surname → the nodes of the full names ending in it, in node order.
    surnames: HashMap<&'a str, Vec<u32>>,
}

impl<'a> People<'a> {
    /// Finds the people of the corpus: `name_of` gives each candidate's name id.
    pub fn resolve(
        articles: &[Article],
        names: &'a Names<'a>,
        scans: &[ArticleScan],
        name_of: &[u32],
    ) -> People<'a> {
        let mut node_of: HashMap<&'a str, u32> = HashMap::default();
        let mut node_names: Vec<&'a str> = Vec::new();
        // Nodes are numbered in order of first appearance: roots and tie-breaks depend on it.
        let node =
            |name: &'a str, node_of: &mut HashMap<&'a str, u32>, node_names: &mut Vec<&'a str>| {
                *node_of.entry(name).or_insert_with(|| {
                    node_names.push(name);
                    u32::try_from(node_names.len() - 1).unwrap_or(u32::MAX)
                })
            };
        // 1. Full names of people (two words or more).
        let mut named: Vec<(u32, bool)> = Vec::new();
        for (g, _, c) in candidates(scans) {
            let Some(facts) = name_of.get(g).and_then(|&n| names.facts(n)) else {
                continue;
            };
            if matches!(c.class, Class::Person { .. }) && facts.words >= 2 {
                let n = node(&facts.spaced, &mut node_of, &mut node_names);
                named.push((n, c.other_name_of.is_none()));
            }
        }
        let full: Vec<&'a str> = node_names.clone();
        // Surnames of the full names, nodes in ascending order.
        let mut surnames: HashMap<&'a str, Vec<u32>> = HashMap::default();
        // Spelling variants: only names under one surname are compared, so the cost stays
        // linear in the number of names times the (small) number of first names per surname.
        let mut firsts: HashMap<&'a str, Vec<(&'a str, u32)>> = HashMap::default();
        for (n, name) in (0..).zip(&full) {
            let mut words = name.split_whitespace();
            let first = words.next();
            if let (Some(first), Some(last)) = (first, words.next_back().or(first)) {
                surnames.entry(last).or_default().push(n);
                firsts.entry(last).or_default().push((first, n));
            }
        }
        // 2. Single-word people with strong evidence and no full name: their own nodes.
        for (g, _, c) in candidates(scans) {
            let Some(&id) = name_of.get(g) else { continue };
            let text = names.text(id);
            if matches!(c.class, Class::Person { strong: true })
                && names.facts(id).is_some_and(|f| f.words == 1)
                && !surnames.contains_key(text)
            {
                let n = node(text, &mut node_of, &mut node_names);
                named.push((n, true));
            }
        }
        let mut other_only = vec![true; node_names.len()];
        for (n, shown) in named {
            if shown && let Some(o) = other_only.get_mut(n as usize) {
                *o = false;
            }
        }
        let mut uf = UnionFind((0..).zip(&node_names).map(|(n, _)| n).collect());
        for group in firsts.values() {
            for (i, (fa, na)) in group.iter().enumerate() {
                for (fb, nb) in group.iter().skip(i + 1) {
                    if same_first_name(fa, fb) {
                        uf.union(*na, *nb);
                    }
                }
            }
        }
        // 3. Stated other names join the person they name.
        for (g, a, c) in candidates(scans) {
            let Some(target) = c.other_name_of else {
                continue;
            };
            let (Some(t), Some(article)) = (
                scans.get(a).and_then(|s| s.candidates.get(target as usize)),
                articles.get(a),
            ) else {
                continue;
            };
            let Some(n) = name_of
                .get(g)
                .and_then(|&id| names.facts(id))
                .and_then(|f| node_of.get(f.spaced.as_ref()).copied())
            else {
                continue;
            };
            let target_name = spaced(t.text(&article.body));
            let tn = node_of.get(target_name.as_ref()).copied().or_else(|| {
                surnames
                    .get(target_name.as_ref())
                    .and_then(|v| v.first().copied())
            });
            if let Some(tn) = tn {
                uf.union(n, tn);
            }
        }
        let roots = (0..).zip(&node_names).map(|(n, _)| uf.find(n)).collect();
        People {
            node_of,
            node_names,
            other_only,
            roots,
            surnames,
        }
    }

    /// The node of a full or single-word person name (spaced).
    pub fn node(&self, spaced: &str) -> Option<u32> {
        self.node_of.get(spaced).copied()
    }

    /// The root of `node`'s cluster.
    pub fn root(&self, node: u32) -> u32 {
        self.roots.get(node as usize).copied().unwrap_or(node)
    }

    /// The nodes of the full names ending in `surname`.
    pub fn with_surname(&self, surname: &str) -> Option<&[u32]> {
        self.surnames.get(surname).map(Vec::as_slice)
    }

    /// The number of nodes (an upper bound of roots, for tables indexed by root).
    pub fn len(&self) -> usize {
        self.node_names.len()
    }

    /// True when `spaced` is a person's name that may be displayed (not only an other name).
    pub fn is_shown(&self, spaced: &str) -> bool {
        self.node(spaced)
            .is_some_and(|n| !self.other_only.get(n as usize).copied().unwrap_or(true))
    }
}
