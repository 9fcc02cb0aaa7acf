//! The people of the corpus: clusters of names. Full names (two words or more) with person
//! evidence become nodes; spelling variants of one first name under one surname, and stated
//! other names, join their nodes. Nodes are numbered in order of first appearance and a
//! cluster is known by its smallest node (its root), so the result does not depend on the
//! order in which names are joined.

use rustc_hash::FxHashMap as HashMap;

use super::super::candidate::Class;
use super::super::scan::ArticleScan;
use super::names::{Names, candidates};

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

/// The people of the corpus, resolved. Names are known by the id of their spaced form
/// ([`NameFacts::spaced_id`](super::names::NameFacts::spaced_id)), so that no string is hashed
/// per candidate.
pub struct People {
    /// Spaced name id → node.
    node_of: Vec<Option<u32>>,
    /// Nodes known only as a stated other name (not for display).
    other_only: Vec<bool>,
    /// Node → its cluster's root (after every join).
    roots: Vec<u32>,
    /// Surname (the spaced id of a one-word name) → the nodes of the full names ending in it,
    /// in node order. A surname no candidate is written as can be looked up by none.
    surnames: HashMap<u32, Vec<u32>>,
}

impl People {
    /// Finds the people of the corpus: `name_of` gives each candidate's name id.
    pub fn resolve(names: &Names<'_>, scans: &[ArticleScan], name_of: &[u32]) -> People {
        let spaced_id = |g: usize| {
            name_of
                .get(g)
                .and_then(|&n| names.facts(n))
                .map(|f| (f.spaced_id, f))
        };
        let mut node_of: Vec<Option<u32>> = vec![None; names.texts.len()];
        // Node → spaced name id. Nodes are numbered in order of first appearance: roots and
        // tie-breaks depend on it.
        let mut node_names: Vec<u32> = Vec::new();
        let node = |name: u32, node_of: &mut Vec<Option<u32>>, node_names: &mut Vec<u32>| {
            let slot = node_of.get_mut(name as usize)?;
            Some(*slot.get_or_insert_with(|| {
                node_names.push(name);
                u32::try_from(node_names.len() - 1).unwrap_or(u32::MAX)
            }))
        };
        // 1. Full names of people (two words or more).
        let mut named: Vec<(u32, bool)> = Vec::new();
        for (g, _, c) in candidates(scans) {
            if let Some((id, facts)) = spaced_id(g)
                && matches!(c.class, Class::Person { .. })
                && facts.words >= 2
                && let Some(n) = node(id, &mut node_of, &mut node_names)
            {
                named.push((n, c.other_name_of().is_none()));
            }
        }
        // Surnames of the full names, nodes in ascending order.
        let mut surnames: HashMap<u32, Vec<u32>> = HashMap::default();
        // Spelling variants: only names under one surname are compared, so the cost stays
        // linear in the number of names times the (small) number of first names per surname.
        let mut firsts: HashMap<&str, Vec<(&str, u32)>> = HashMap::default();
        for (n, &name) in (0..).zip(&node_names) {
            let Some(facts) = names.facts(name) else {
                continue;
            };
            let mut words = facts.spaced.split_whitespace();
            let first = words.next();
            if let (Some(first), Some(last)) = (first, words.next_back().or(first)) {
                firsts.entry(last).or_default().push((first, n));
                if let Some(last) = names.id(last).and_then(|l| names.facts(l)) {
                    surnames.entry(last.spaced_id).or_default().push(n);
                }
            }
        }
        // 2. Single-word people with strong evidence and no full name: their own nodes.
        for (g, _, c) in candidates(scans) {
            if let Some((id, facts)) = spaced_id(g)
                && matches!(c.class, Class::Person { strong: true })
                && facts.words == 1
                && !surnames.contains_key(&id)
                && let Some(n) = node(id, &mut node_of, &mut node_names)
            {
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
        let mut first = 0usize;
        for scan in scans {
            let article_first = first;
            first += scan.candidates.len();
            for (g, c) in (article_first..).zip(&scan.candidates) {
                let Some(target) = c.other_name_of() else {
                    continue;
                };
                let Some(n) =
                    spaced_id(g).and_then(|(id, _)| node_of.get(id as usize).copied().flatten())
                else {
                    continue;
                };
                let Some((t, _)) = spaced_id(article_first + target) else {
                    continue;
                };
                let tn = node_of
                    .get(t as usize)
                    .copied()
                    .flatten()
                    .or_else(|| surnames.get(&t).and_then(|v| v.first().copied()));
                if let Some(tn) = tn {
                    uf.union(n, tn);
                }
            }
        }
        let roots = (0..).zip(&node_names).map(|(n, _)| uf.find(n)).collect();
        People {
            node_of,
            other_only,
            roots,
            surnames,
        }
    }

    /// The node of a person name, by the id of its spaced form.
    pub fn node(&self, spaced_id: u32) -> Option<u32> {
        self.node_of.get(spaced_id as usize).copied().flatten()
    }

    /// The root of `node`'s cluster.
    pub fn root(&self, node: u32) -> u32 {
        self.roots.get(node as usize).copied().unwrap_or(node)
    }

    /// The nodes of the full names ending in the one-word name `spaced_id`.
    pub fn with_surname(&self, spaced_id: u32) -> Option<&[u32]> {
        self.surnames.get(&spaced_id).map(Vec::as_slice)
    }

    /// The number of nodes (an upper bound of roots, for tables indexed by root).
    pub fn len(&self) -> usize {
        self.roots.len()
    }

    /// True when the name `spaced_id` is a person's that may be displayed (not only an other
    /// name).
    pub fn is_shown(&self, spaced_id: u32) -> bool {
        self.node(spaced_id)
            .is_some_and(|n| !self.other_only.get(n as usize).copied().unwrap_or(true))
    }
}
