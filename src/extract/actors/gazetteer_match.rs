//! One pass over a text for every surface form of the gazetteer: country names, short forms,
//! demonyms, capitals and metonyms, places and organizations. Matches must stand on word
//! boundaries; among overlapping matches the leftmost longest wins. The forms are walked in a
//! trie from each place where a match may start ([`FormTrie`]).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::form_trie::FormTrie;
use super::tokens::ascii_alnum_prefix;
use crate::extract::gazetteer::{Gazetteer, PlaceKind};

/// What a gazetteer surface form stands for.
///
/// Indexes are `u32`: every candidate mention of the corpus carries a target while the corpus
/// is resolved, and eight bytes instead of sixteen matter at millions of candidates. Entries
/// past `u32::MAX` are never indexed (see [`numbered`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GazTarget {
    /// A country, by index into [`Gazetteer::countries`].
    Country(u32),
    /// A place, by index into [`Gazetteer::places`].
    Place(u32),
    /// An organization, by index into [`Gazetteer::organizations`].
    Org(u32),
    /// The capital of a country (by index) that the place list does not hold.
    Capital(u32),
}

/// `items` with their `u32` indexes; the zip stops where the indexes end, so a list longer
/// than `u32` is cut rather than wrapped.
pub fn numbered<T>(items: &[T]) -> impl Iterator<Item = (u32, &T)> {
    (0..=u32::MAX).zip(items)
}

/// How the surface names its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GazForm {
    /// The name or a short form.
    Name,
    /// A demonym or adjective (`French`).
    Demonym,
    /// A name that stands for the government (`Kremlin`, `White House`).
    Metonym,
    /// A capital city; it stands for the country only in context (`Moscow has urged`).
    Capital,
}

/// One surface form of the gazetteer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GazEntry {
    /// What it names.
    pub target: GazTarget,
    /// How it names it.
    pub form: GazForm,
    /// For a capital: the country it is the capital of.
    pub capital_of: Option<u32>,
}

/// The compiled forms and what each one means.
#[derive(Clone)]
pub struct GazIndex {
    /// Every form, numbered as `entries`.
    trie: FormTrie,
    entries: Vec<GazEntry>,
    /// Every country name and short form, for the fuzzy matcher.
    pub country_forms: Vec<(String, u32)>,
}

/// A match of a gazetteer form in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GazMatch {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What it means.
    pub entry: GazEntry,
}

/// Adds a form and, for forms that begin in lowercase (`al-Qaeda`), the capitalised variant
/// a sentence opener takes. The first meaning registered for a form wins.
fn add(
    patterns: &mut Vec<String>,
    seen: &mut HashMap<String, usize>,
    entries: &mut Vec<GazEntry>,
    form: &str,
    entry: GazEntry,
) {
    let form = form.trim();
    if form.chars().count() < 2 {
        return;
    }
    let mut variants = vec![form.to_string()];
    let mut chars = form.chars();
    if let Some(first) = chars.next()
        && first.is_lowercase()
    {
        variants.push(first.to_uppercase().chain(chars).collect());
    }
    for v in variants {
        if seen.contains_key(&v) {
            continue;
        }
        seen.insert(v.clone(), patterns.len());
        patterns.push(v);
        entries.push(entry);
    }
}

impl GazIndex {
    /// Compiles the forms of `gazetteer`.
    pub fn build(gazetteer: &Gazetteer) -> GazIndex {
        let forms = forms(gazetteer);
        GazIndex {
            trie: FormTrie::new(&forms.patterns),
            entries: forms.entries,
            country_forms: forms.country_forms,
        }
    }

    /// The index of the embedded gazetteer, built once; any other gazetteer gets a fresh one.
    pub fn for_gazetteer(gazetteer: &Gazetteer) -> std::borrow::Cow<'static, GazIndex> {
        static EMBEDDED: OnceLock<GazIndex> = OnceLock::new();
        if std::ptr::eq(gazetteer, Gazetteer::embedded()) {
            std::borrow::Cow::Borrowed(EMBEDDED.get_or_init(|| GazIndex::build(gazetteer)))
        } else {
            std::borrow::Cow::Owned(GazIndex::build(gazetteer))
        }
    }

    /// Every boundary-checked match in `text`, leftmost longest, without overlaps, in order.
    ///
    /// Leftmost longest among the matches on word boundaries: from each position where a
    /// match may start (no letter or digit before it), past the last match kept, the longest
    /// form that ends on a boundary is kept.
    pub fn find(&self, text: &str) -> Vec<GazMatch> {
        let bytes = text.as_bytes();
        let mut kept: Vec<GazMatch> = Vec::new();
        let mut start = 0;
        while start < bytes.len() {
            // A form starts with a whole character, so where one may start is a character
            // boundary; the character before is read only there.
            if self.trie.may_start_at(bytes, start) && !follows_alphanumeric(text, start) {
                let found = self
                    .trie
                    .longest_at(bytes, start, |end| ends_on_boundary(text, end));
                if let Some((end, pattern)) = found {
                    if let Some(&entry) = self.entries.get(pattern as usize) {
                        kept.push(GazMatch { start, end, entry });
                    }
                    // Matches that start inside this one are not kept.
                    start = end;
                    continue;
                }
            }
            start = next_possible_start(bytes, start);
        }
        kept
    }
}

/// The next byte after `at` where a match may start: the ASCII letters and digits after a
/// letter or digit are passed over, as a letter or digit stands before each of them.
fn next_possible_start(bytes: &[u8], at: usize) -> usize {
    let next = at + 1;
    if bytes.get(at).is_some_and(u8::is_ascii_alphanumeric) {
        next + bytes.get(next..).map_or(0, ascii_alnum_prefix)
    } else {
        next
    }
}

/// True when a letter or digit stands right before byte `at`.
fn follows_alphanumeric(text: &str, at: usize) -> bool {
    match at.checked_sub(1).and_then(|p| text.as_bytes().get(p)) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => text
            .get(..at)
            .and_then(|s| s.chars().next_back())
            .is_some_and(char::is_alphanumeric),
    }
}

/// The surface forms of a gazetteer, each with its meaning.
struct Forms {
    /// Every form once.
    patterns: Vec<String>,
    /// The meaning of each form.
    entries: Vec<GazEntry>,
    /// Every country name and short form, for the fuzzy matcher.
    country_forms: Vec<(String, u32)>,
}

/// Every form of `gazetteer` with its meaning; where two entries share a form, the first
/// registered here gives its meaning.
fn forms(gazetteer: &Gazetteer) -> Forms {
    {
        let mut patterns = Vec::new();
        let mut seen = HashMap::new();
        let mut entries = Vec::new();
        let mut country_forms = Vec::new();
        let entry = |target, form| GazEntry {
            target,
            form,
            capital_of: None,
        };
        for (i, c) in numbered(&gazetteer.countries) {
            for name in std::iter::once(&c.name).chain(&c.aliases) {
                add(
                    &mut patterns,
                    &mut seen,
                    &mut entries,
                    name,
                    entry(GazTarget::Country(i), GazForm::Name),
                );
                country_forms.push((name.clone(), i));
            }
        }
        // Cities by name: a metonym that is also a city ("Washington", "Moscow") stands for the
        // government only in context, like a capital.
        let mut cities: HashMap<&str, u32> = HashMap::new();
        for (i, p) in numbered(&gazetteer.places) {
            if p.kind == PlaceKind::City {
                for name in std::iter::once(&p.name).chain(&p.aliases) {
                    cities.entry(name.as_str()).or_insert(i);
                }
            }
        }
        for (i, c) in numbered(&gazetteer.countries) {
            for d in &c.demonyms {
                add(
                    &mut patterns,
                    &mut seen,
                    &mut entries,
                    d,
                    entry(GazTarget::Country(i), GazForm::Demonym),
                );
            }
            for m in &c.metonyms {
                let city = cities.get(m.as_str()).copied();
                let is_capital = c.capital.as_deref() == Some(m.as_str());
                let e = if city.is_some() || is_capital {
                    GazEntry {
                        target: city.map_or(GazTarget::Capital(i), GazTarget::Place),
                        form: GazForm::Capital,
                        capital_of: Some(i),
                    }
                } else {
                    entry(GazTarget::Country(i), GazForm::Metonym)
                };
                add(&mut patterns, &mut seen, &mut entries, m, e);
            }
        }
        for (i, o) in numbered(&gazetteer.organizations) {
            for name in std::iter::once(&o.name).chain(&o.aliases) {
                add(
                    &mut patterns,
                    &mut seen,
                    &mut entries,
                    name,
                    entry(GazTarget::Org(i), GazForm::Name),
                );
            }
        }
        for (i, c) in numbered(&gazetteer.countries) {
            let Some(capital) = &c.capital else { continue };
            let place = numbered(&gazetteer.places)
                .find(|(_, p)| &p.name == capital)
                .map(|(i, _)| i);
            let target = place.map_or(GazTarget::Capital(i), GazTarget::Place);
            add(
                &mut patterns,
                &mut seen,
                &mut entries,
                capital,
                GazEntry {
                    target,
                    form: GazForm::Capital,
                    capital_of: Some(i),
                },
            );
        }
        for (i, p) in numbered(&gazetteer.places) {
            for name in std::iter::once(&p.name).chain(&p.aliases) {
                // "West African", "European": adjectives are reported as demonyms.
                let form = if p.adjectives.contains(name) {
                    GazForm::Demonym
                } else {
                    GazForm::Name
                };
                add(
                    &mut patterns,
                    &mut seen,
                    &mut entries,
                    name,
                    entry(GazTarget::Place(i), form),
                );
            }
        }
        Forms {
            patterns,
            entries,
            country_forms,
        }
    }
}

/// True when no letter, digit or `$` follows byte `end`.
fn ends_on_boundary(text: &str, end: usize) -> bool {
    let after = text.get(end..).and_then(|s| s.chars().next());
    // "US$ 40 billion" is a currency, not the country.
    !after.is_some_and(|c| c.is_alphanumeric() || c == '$')
}

#[cfg(test)]
mod tests {
    use aho_corasick::{AhoCorasick, MatchKind};
    use proptest::prelude::*;

    use super::*;

    /// The matcher the trie replaced: every overlapping aho-corasick match on word boundaries,
    /// then leftmost longest. The trie's answers must be the same.
    fn find_by_automaton(forms: &Forms, ac: &AhoCorasick, text: &str) -> Vec<GazMatch> {
        let on_boundaries = |start: usize, end: usize| {
            let before = text.get(..start).and_then(|s| s.chars().next_back());
            !before.is_some_and(char::is_alphanumeric) && ends_on_boundary(text, end)
        };
        let mut all: Vec<GazMatch> = ac
            .find_overlapping_iter(text)
            .filter(|m| on_boundaries(m.start(), m.end()))
            .filter_map(|m| {
                Some(GazMatch {
                    start: m.start(),
                    end: m.end(),
                    entry: *forms.entries.get(m.pattern().as_usize())?,
                })
            })
            .collect();
        all.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut kept: Vec<GazMatch> = Vec::with_capacity(all.len());
        for m in all {
            if kept.last().is_none_or(|k| m.start >= k.end) {
                kept.push(m);
            }
        }
        kept
    }

    fn reference() -> &'static (Forms, AhoCorasick) {
        static REFERENCE: OnceLock<(Forms, AhoCorasick)> = OnceLock::new();
        REFERENCE.get_or_init(|| {
            let forms = forms(Gazetteer::embedded());
            let ac = AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .build(&forms.patterns)
                .expect("the gazetteer's forms compile");
            (forms, ac)
        })
    }

    fn spans(matches: &[GazMatch]) -> Vec<(usize, usize, GazEntry)> {
        matches.iter().map(|m| (m.start, m.end, m.entry)).collect()
    }

    fn index() -> &'static GazIndex {
        static INDEX: OnceLock<GazIndex> = OnceLock::new();
        INDEX.get_or_init(|| GazIndex::build(Gazetteer::embedded()))
    }

    #[test]
    fn longest_forms_on_word_boundaries_win() {
        let text = "Nigeriens, Nigerians and Niger. Papua New Guinea, Chadwick, US$ 4, \
                    the U.S. Embassy in Washington, D.C. and al-Qaeda (Al-Qaeda)";
        let found: Vec<&str> = index()
            .find(text)
            .iter()
            .map(|m| &text[m.start..m.end])
            .collect();
        assert_eq!(
            found,
            [
                "Nigeriens",
                "Nigerians",
                "Niger",
                "Papua New Guinea",
                "U.S.",
                "Washington, D.C.",
                "al-Qaeda",
                "Al-Qaeda"
            ]
        );
    }

    #[test]
    fn the_trie_stays_small() {
        // The automaton it replaced held 0.6 MB; a dense automaton would have held 30 MB.
        let bytes = index().trie.heap_bytes();
        assert!(bytes < 2 << 20, "{bytes} bytes");
    }

    #[test]
    fn the_trie_finds_what_the_automaton_found_in_a_busy_text() {
        // Every form, glued to its neighbours in all the ways boundaries care about.
        let (forms, ac) = reference();
        let glue = [" ", "", "-", "s ", "$", ", ", "é", "’s ", "\n", "."];
        let mut text = String::new();
        for (i, p) in forms.patterns.iter().enumerate() {
            text.push_str(p);
            text.push_str(glue[i % glue.len()]);
            if i % 7 == 0 {
                // A form cut short: its prefix must not match a longer form.
                text.push_str(p.get(..p.len() / 2).unwrap_or(""));
                text.push(' ');
            }
        }
        let found = index().find(&text);
        assert!(found.len() > forms.patterns.len() / 2);
        assert_eq!(spans(&found), spans(&find_by_automaton(forms, ac, &text)));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        /// Any mix of form pieces, letters and marks: the same matches as the automaton.
        #[test]
        fn the_trie_and_the_automaton_agree(
            pieces in proptest::collection::vec(
                (0usize..5000, 0usize..3, "[ a-zA-Z0-9.,$’'()é\n-]{0,3}"), 0..40)
        ) {
            let (forms, ac) = reference();
            let mut text = String::new();
            for (k, cut, glue) in pieces {
                if let Some(p) = forms.patterns.get(k % forms.patterns.len()) {
                    let piece = match cut {
                        0 => p.as_str(),
                        _ => p.get(..p.len() * cut / 3).unwrap_or(p),
                    };
                    text.push_str(piece);
                }
                text.push_str(&glue);
            }
            prop_assert_eq!(spans(&index().find(&text)), spans(&find_by_automaton(forms, ac, &text)));
        }
    }
}
