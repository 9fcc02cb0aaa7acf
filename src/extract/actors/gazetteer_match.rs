//! One aho-corasick pass over a text for every surface form of the gazetteer: country names,
//! short forms, demonyms, capitals and metonyms, places and organizations. Matches must stand
//! on word boundaries; among overlapping matches the leftmost longest wins.

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

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

/// The compiled automaton and what each pattern means.
pub struct GazIndex {
    automaton: Option<AhoCorasick>,
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
    /// Compiles the automaton for `gazetteer`.
    pub fn build(gazetteer: &Gazetteer) -> GazIndex {
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
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .ok();
        GazIndex {
            automaton,
            entries,
            country_forms,
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
    pub fn find(&self, text: &str) -> Vec<GazMatch> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        let mut all: Vec<GazMatch> = ac
            .find_overlapping_iter(text)
            .filter(|m| on_word_boundaries(text, m.start(), m.end()))
            .filter_map(|m| {
                Some(GazMatch {
                    start: m.start(),
                    end: m.end(),
                    entry: *self.entries.get(m.pattern().as_usize())?,
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
}

impl Clone for GazIndex {
    fn clone(&self) -> Self {
        GazIndex {
            automaton: self.automaton.clone(),
            entries: self.entries.clone(),
            country_forms: self.country_forms.clone(),
        }
    }
}

/// True when no letter or digit touches the span on either side, and no `$` follows it.
pub fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let after = text.get(end..).and_then(|s| s.chars().next());
    // "US$ 40 billion" is a currency, not the country.
    !before.is_some_and(char::is_alphanumeric)
        && !after.is_some_and(|c| c.is_alphanumeric() || c == '$')
}
