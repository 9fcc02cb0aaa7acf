//! A byte trie of the gazetteer's surface forms, walked only from the places where a match may
//! start.
//!
//! A gazetteer match must start where no letter or digit stands before it, and among matches
//! the leftmost longest wins. An aho-corasick automaton searching for every overlapping match
//! steps through every byte of every article (a fifth of the actor scan's time went there);
//! walking this trie from each word start reads a few bytes per word instead, since almost
//! every word leaves the trie after its first letters. The answers are the same: every match
//! that starts at a position is found by walking from it.

/// No pattern ends at a node, or no child.
const NONE: u32 = u32::MAX;

/// One node of the trie: its children are `edge_bytes[first..first + count]` (sorted), with
/// their nodes at the same places of `edge_nodes`.
#[derive(Debug, Clone, Copy)]
struct Node {
    first: u32,
    count: u32,
    /// The pattern that ends here, or [`NONE`].
    pattern: u32,
}

/// The forms, as a trie over their bytes.
#[derive(Debug, Clone)]
pub struct FormTrie {
    /// The root's child for each first byte ([`NONE`] when no form starts with it).
    root: Box<[u32; 256]>,
    /// The node after each pair of first bytes, indexed by `first << 8 | second` ([`NONE`] when
    /// no form starts with them): most words are rejected by this one read ("the" goes on,
    /// "and" stops), and the nodes nearest the root, which have the most children, are never
    /// searched (256 KiB).
    pairs: Box<[u32]>,
    nodes: Vec<Node>,
    edge_bytes: Vec<u8>,
    edge_nodes: Vec<u32>,
}

impl FormTrie {
    /// The trie of `patterns`; pattern `i` is reported as `i`. Patterns past `u32::MAX - 1`,
    /// and empty ones, are left out (they never occur: the gazetteer has a few thousand forms).
    pub fn new(patterns: &[String]) -> FormTrie {
        // Built with a child list per node, then laid out flat.
        let mut children: Vec<Vec<(u8, u32)>> = vec![Vec::new()];
        let mut ends: Vec<u32> = vec![NONE];
        for (id, pattern) in (0..NONE).zip(patterns) {
            let mut node = 0usize;
            for &b in pattern.as_bytes() {
                let existing = children
                    .get(node)
                    .and_then(|c| c.iter().find(|&&(e, _)| e == b))
                    .map(|&(_, n)| n as usize);
                node = match existing {
                    Some(n) => n,
                    None => {
                        let n = children.len();
                        children.push(Vec::new());
                        ends.push(NONE);
                        if let (Some(list), Ok(n32)) = (children.get_mut(node), u32::try_from(n)) {
                            list.push((b, n32));
                        }
                        n
                    }
                };
            }
            if node != 0
                && let Some(end) = ends.get_mut(node)
                && *end == NONE
            {
                *end = id;
            }
        }
        let mut trie = FormTrie {
            root: Box::new([NONE; 256]),
            pairs: vec![NONE; 1 << 16].into_boxed_slice(),
            nodes: Vec::with_capacity(children.len()),
            edge_bytes: Vec::new(),
            edge_nodes: Vec::new(),
        };
        // Laid out breadth first: the nodes near the root, which every walk reads, share a few
        // cache lines instead of being spread over the whole table.
        let order = breadth_first(&mut children);
        let mut new_id = vec![NONE; children.len()];
        for (new, &old) in (0u32..).zip(&order) {
            if let Some(slot) = new_id.get_mut(old) {
                *slot = new;
            }
        }
        for &old in &order {
            let list = children.get(old).map_or(&[][..], Vec::as_slice);
            let first = u32::try_from(trie.edge_bytes.len()).unwrap_or(NONE);
            let count = u32::try_from(list.len()).unwrap_or(0);
            trie.edge_bytes.extend(list.iter().map(|&(b, _)| b));
            trie.edge_nodes.extend(
                list.iter()
                    .map(|&(_, n)| new_id.get(n as usize).copied().unwrap_or(NONE)),
            );
            trie.nodes.push(Node {
                first,
                count,
                pattern: ends.get(old).copied().unwrap_or(NONE),
            });
        }
        if let Some(root) = trie.nodes.first() {
            for k in root.first as usize..(root.first + root.count) as usize {
                if let (Some(&b), Some(&n)) = (trie.edge_bytes.get(k), trie.edge_nodes.get(k)) {
                    trie.root[usize::from(b)] = n;
                }
            }
        }
        for first in 0..=u8::MAX {
            let Some(node) = trie.node(trie.root[usize::from(first)]) else {
                continue;
            };
            let (from, count) = (node.first as usize, node.count as usize);
            for k in from..from + count {
                if let (Some(&second), Some(&n)) = (trie.edge_bytes.get(k), trie.edge_nodes.get(k))
                    && let Some(slot) = trie.pairs.get_mut(pair(first, second))
                {
                    *slot = n;
                }
            }
        }
        trie
    }

    /// Node `n`, if there is one.
    fn node(&self, n: u32) -> Option<&Node> {
        self.nodes.get(n as usize)
    }

    /// True when some form starts with the byte at `text[at]` and, unless it is the last
    /// byte or a form of one byte, with the pair of bytes there. Asked of nearly every byte of
    /// the text: the table of first bytes, which fits the fastest cache, rejects most.
    #[inline]
    pub fn may_start_at(&self, text: &[u8], at: usize) -> bool {
        let Some(&first) = text.get(at) else {
            return false;
        };
        let node = self.root[usize::from(first)];
        if node == NONE {
            return false;
        }
        match text.get(at + 1) {
            Some(&second) => {
                self.pairs
                    .get(pair(first, second))
                    .is_some_and(|&n| n != NONE)
                    || self.ends_at(node)
            }
            None => true,
        }
    }

    /// True when a form ends at node `n`.
    fn ends_at(&self, n: u32) -> bool {
        self.node(n).is_some_and(|n| n.pattern != NONE)
    }

    /// The child of `node` by byte `b`.
    fn child(&self, node: u32, b: u8) -> Option<u32> {
        let n = self.node(node)?;
        let (first, count) = (n.first as usize, n.count as usize);
        let bytes = self.edge_bytes.get(first..first + count)?;
        // Few children below the first letters: a linear scan beats a binary search.
        let k = bytes.iter().position(|&e| e == b)?;
        self.edge_nodes.get(first + k).copied()
    }

    /// The longest form written at `text[start..]` whose end `end_ok` accepts, as `(end,
    /// pattern)`.
    #[inline]
    pub fn longest_at(
        &self,
        text: &[u8],
        start: usize,
        end_ok: impl Fn(usize) -> bool,
    ) -> Option<(usize, u32)> {
        let mut rest = text.get(start..)?.iter();
        let first = *rest.next()?;
        let mut best = None;
        // A form of one byte.
        if let Some(n) = self.node(self.root[usize::from(first)])
            && n.pattern != NONE
            && end_ok(start + 1)
        {
            best = Some((start + 1, n.pattern));
        }
        let Some(&second) = rest.next() else {
            return best;
        };
        let mut node = self.pairs.get(pair(first, second)).copied().unwrap_or(NONE);
        let mut end = start + 2;
        loop {
            let Some(n) = self.node(node) else {
                return best;
            };
            if n.pattern != NONE && end_ok(end) {
                best = Some((end, n.pattern));
            }
            let Some(&b) = rest.next() else {
                return best;
            };
            node = self.child(node, b).unwrap_or(NONE);
            end += 1;
        }
    }

    /// Heap bytes held (for the memory budget's accounting in tests).
    #[cfg(test)]
    pub fn heap_bytes(&self) -> usize {
        std::mem::size_of::<[u32; 256]>()
            + self.pairs.len() * 4
            + self.nodes.capacity() * std::mem::size_of::<Node>()
            + self.edge_bytes.capacity()
            + self.edge_nodes.capacity() * 4
    }
}

/// The nodes of a trie given by child lists (node 0 the root), breadth first; each child list
/// is sorted by byte on the way.
fn breadth_first(children: &mut [Vec<(u8, u32)>]) -> Vec<usize> {
    let mut order = vec![0];
    let mut k = 0;
    while let Some(&node) = order.get(k) {
        k += 1;
        if let Some(list) = children.get_mut(node) {
            list.sort_unstable();
            order.extend(list.iter().map(|&(_, n)| n as usize));
        }
    }
    order
}

/// The index of a pair of first bytes in [`FormTrie::pairs`].
fn pair(first: u8, second: u8) -> usize {
    usize::from(first) << 8 | usize::from(second)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trie(patterns: &[&str]) -> FormTrie {
        FormTrie::new(&patterns.iter().map(|p| p.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn the_longest_accepted_form_wins() {
        let t = trie(&["Niger", "Nigeria", "Nigerian", "Papua New Guinea"]);
        let text = b"Nigerians and Papua New Guinea";
        assert_eq!(t.longest_at(text, 0, |_| true), Some((8, 2)));
        // The end must be accepted: "Nigerian" is followed by "s" there.
        assert_eq!(t.longest_at(text, 0, |e| e != 8), Some((7, 1)));
        assert_eq!(t.longest_at(text, 0, |e| e == 5), Some((5, 0)));
        assert_eq!(t.longest_at(text, 0, |_| false), None);
        assert_eq!(t.longest_at(text, 14, |_| true), Some((30, 3)));
        assert_eq!(t.longest_at(text, 1, |_| true), None);
        assert_eq!(t.longest_at(text, 99, |_| true), None);
        assert!(t.may_start_at(text, 0) && !t.may_start_at(text, 1));
        assert!(t.may_start_at(b"N", 0) && !t.may_start_at(b"Na", 0) && !t.may_start_at(b"", 0));
    }

    #[test]
    fn a_repeated_form_keeps_its_first_id_and_empty_forms_are_left_out() {
        let t = trie(&["", "US", "US", "USA", "é"]);
        assert_eq!(t.longest_at(b"US", 0, |_| true), Some((2, 1)));
        assert_eq!(t.longest_at(b"USA", 0, |_| true), Some((3, 3)));
        assert_eq!(t.longest_at("é!".as_bytes(), 0, |_| true), Some((2, 4)));
        let one = trie(&["x", "xyz"]);
        assert_eq!(one.longest_at(b"x", 0, |_| true), Some((1, 0)));
        assert_eq!(one.longest_at(b"xy", 0, |_| true), Some((1, 0)));
        assert_eq!(one.longest_at(b"xyz", 0, |_| true), Some((3, 1)));
        assert!(one.may_start_at(b"x.", 0) && one.may_start_at(b"x", 0));
        assert_eq!(trie(&[]).longest_at(b"x", 0, |_| true), None);
    }
}
