//! Resolution across the corpus: surface forms become actors. People's names merge by surname
//! ("Mr Bazoum", "Bazoum" → "Mohamed Bazoum"), by spelling variants of one first name under
//! one surname (Abdourahmane / Abdourahamane Tchiani) and by stated other names; two people
//! who share only a first name stay apart. Organizations join their defined acronyms; places
//! and organizations from patterns join by normalised name.

use std::borrow::Cow;
use std::rc::Rc;

use rustc_hash::FxHashMap as HashMap;

use super::definite;
use super::fuzzy::FuzzyCountries;
use super::gazetteer_match::{GazIndex, GazTarget};
use super::products;
use super::scan::{ArticleScan, Candidate, Class};
use crate::extract::gazetteer::Gazetteer;
use crate::model::{
    Actor, ActorId, ActorKind, Article, ArticleId, Attribute, Mention, MentionForm, SentenceRef,
    Span,
};

/// What an actor is keyed by while resolving.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Country(usize),
    // Shared, not owned: a key is cloned for every mention of its actor.
    Org(Rc<str>),
    Place(Rc<str>),
    Person(usize),
}

/// Lowercase letters and digits only: "al-Qaida" and "Al Qaida" share one key.
fn normalize(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A word shaped like an adjective or a noun of origin or belief ("Californian", "Javanese",
/// "Cornish", "Islamic", "Islamist").
fn looks_like_adjective(text: &str) -> bool {
    !text.contains(' ')
        && ["ian", "ians", "ese", "ish", "ic", "ist", "ists", "ism"]
            .iter()
            .any(|end| text.ends_with(end))
}

/// The words of a name, whitespace normalised.
fn words(name: &str) -> Vec<&str> {
    name.split_whitespace().collect()
}

/// The name with its words joined by single spaces; borrowed when it already is.
fn spaced(name: &str) -> Cow<'_, str> {
    let single = !name.starts_with(' ')
        && !name.ends_with(' ')
        && !name.contains("  ")
        && !name.contains(|c: char| c.is_whitespace() && c != ' ');
    if single {
        Cow::Borrowed(name)
    } else {
        Cow::Owned(words(name).join(" "))
    }
}

/// The number of words in a name.
fn word_count(name: &str) -> usize {
    name.split_whitespace().count()
}

/// Edit distance between two short words (first names).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Two spellings of one first name: long enough and at most two edits apart.
fn same_first_name(a: &str, b: &str) -> bool {
    a == b || (a.chars().count() >= 5 && b.chars().count() >= 5 && edit_distance(a, b) <= 2)
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }
}

/// The people of the corpus: clusters of names.
struct People {
    /// Every person name seen with evidence → its node.
    names: HashMap<String, usize>,
    /// Node → name.
    node_names: Vec<String>,
    /// Nodes known only as a stated other name (not for display).
    other_only: Vec<bool>,
    uf: UnionFind,
}

impl People {
    fn node(&mut self, name: &str) -> usize {
        if let Some(&n) = self.names.get(name) {
            return n;
        }
        let n = self.node_names.len();
        self.names.insert(name.to_string(), n);
        self.node_names.push(name.to_string());
        self.other_only.push(true);
        self.uf.0.push(n);
        n
    }
}

/// Where a candidate lives.
#[derive(Debug, Clone, Copy)]
struct At {
    article: usize,
}

/// Resolves all scans into actors and mentions.
pub fn resolve(
    articles: &[Article],
    scans: &[ArticleScan<'_>],
    gazetteer: &Gazetteer,
    index: &GazIndex,
) -> (Vec<Actor>, Vec<Mention>) {
    let all: Vec<(At, &Candidate<'_>)> = scans
        .iter()
        .enumerate()
        .flat_map(|(a, s)| {
            s.candidates
                .iter()
                .map(move |cand| (At { article: a }, cand))
        })
        .collect();

    // 1. Full names of people (two words or more), merged by spelling and stated other names.
    let mut people = People {
        names: HashMap::default(),
        node_names: Vec::new(),
        other_only: Vec::new(),
        uf: UnionFind(Vec::new()),
    };
    // Each candidate's name with single spaces, and its number of words.
    let names: Vec<Cow<str>> = all.iter().map(|(_, c)| spaced(c.text)).collect();
    let counts: Vec<usize> = all.iter().map(|(_, c)| word_count(c.text)).collect();
    for (i, (_, c)) in all.iter().enumerate() {
        if matches!(c.class, Class::Person { .. }) && counts[i] >= 2 {
            let n = people.node(&names[i]);
            if c.other_name_of.is_none() {
                people.other_only[n] = false;
            }
        }
    }
    let mut full: Vec<(String, usize)> =
        people.names.iter().map(|(k, v)| (k.clone(), *v)).collect();
    full.sort_by_key(|(_, n)| *n);
    // Spelling variants: only names under one surname are compared, so the cost stays linear
    // in the number of names times the (small) number of first names per surname.
    let mut by_surname: HashMap<&str, Vec<(&str, usize)>> = HashMap::default();
    for (name, n) in &full {
        let w = words(name);
        if let (Some(first), Some(last)) = (w.first(), w.last()) {
            by_surname.entry(last).or_default().push((first, *n));
        }
    }
    let mut groups: Vec<&Vec<(&str, usize)>> = by_surname.values().collect();
    groups.sort();
    for group in groups {
        for (i, (fa, na)) in group.iter().enumerate() {
            for (fb, nb) in group.iter().skip(i + 1) {
                if same_first_name(fa, fb) {
                    people.uf.union(*na, *nb);
                }
            }
        }
    }
    // Surnames of the full names.
    let mut surnames: HashMap<String, Vec<usize>> = HashMap::default();
    for (name, n) in &full {
        if let Some(last) = words(name).last() {
            surnames.entry(last.to_string()).or_default().push(*n);
        }
    }
    // Single-word people with strong evidence and no full name: their own nodes.
    for (i, (_, c)) in all.iter().enumerate() {
        if matches!(c.class, Class::Person { strong: true })
            && counts[i] == 1
            && !surnames.contains_key(c.text)
        {
            let n = people.node(c.text);
            people.other_only[n] = false;
        }
    }
    // Stated other names join the person they name.
    for (at, c) in &all {
        let Some(target) = c.other_name_of else {
            continue;
        };
        let Some(t) = scans.get(at.article).and_then(|s| s.candidates.get(target)) else {
            continue;
        };
        let name = words(c.text).join(" ");
        let Some(&n) = people.names.get(&name) else {
            continue;
        };
        let target_name = words(t.text).join(" ");
        let tn = people
            .names
            .get(&target_name)
            .copied()
            .or_else(|| surnames.get(&target_name).and_then(|v| v.first().copied()));
        if let Some(tn) = tn {
            people.uf.union(n, tn);
        }
    }

    // 2. Acronyms defined in the text, and gazetteer organizations by normalised name.
    let org_key_of_gaz = |i: usize| {
        Key::Org(
            gazetteer
                .organizations
                .get(i)
                .map_or_else(String::new, |o| normalize(&o.name))
                .into(),
        )
    };
    let mut gaz_org_by_norm: HashMap<String, usize> = HashMap::default();
    for (i, o) in gazetteer.organizations.iter().enumerate() {
        for n in std::iter::once(&o.name).chain(&o.aliases) {
            gaz_org_by_norm.entry(normalize(n)).or_insert(i);
        }
    }
    let fuzzy = FuzzyCountries::new(&index.country_forms);

    // 3. Every candidate → a key.
    let mut display: HashMap<Key, String> = HashMap::default();
    let mut keyed: Vec<Option<Key>> = Vec::with_capacity(all.len());
    let mut acronyms: HashMap<String, Key> = HashMap::default();
    let gaz_key = |t: GazTarget| -> (Key, String) {
        match t {
            GazTarget::Country(i) => (
                Key::Country(i),
                gazetteer
                    .countries
                    .get(i)
                    .map_or_else(String::new, |c| c.name.clone()),
            ),
            GazTarget::Org(i) => (
                org_key_of_gaz(i),
                gazetteer
                    .organizations
                    .get(i)
                    .map_or_else(String::new, |o| o.name.clone()),
            ),
            GazTarget::Place(i) => {
                let name = gazetteer
                    .places
                    .get(i)
                    .map_or_else(String::new, |p| p.name.clone());
                (Key::Place(normalize(&name).into()), name)
            }
            GazTarget::Capital(i) => {
                let name = gazetteer
                    .countries
                    .get(i)
                    .and_then(|c| c.capital.clone())
                    .unwrap_or_default();
                (Key::Place(normalize(&name).into()), name)
            }
        }
    };
    // Keys of organizations and places first, so that acronyms can point at them.
    // A gazetteer target's key and display name are worked out once, at its first mention.
    let mut gaz_keys: HashMap<GazTarget, Key> = HashMap::default();
    let mut gaz_key_once = |t: GazTarget, display: &mut HashMap<Key, String>| -> Key {
        if let Some(k) = gaz_keys.get(&t) {
            return k.clone();
        }
        let (key, name) = gaz_key(t);
        display.entry(key.clone()).or_insert(name);
        gaz_keys.insert(t, key.clone());
        key
    };
    for (_, c) in &all {
        let key = match &c.class {
            Class::Gaz(t) => Some(gaz_key_once(*t, &mut display)),
            Class::Org => {
                let norm = normalize(c.text);
                Some(match gaz_org_by_norm.get(&norm) {
                    Some(&i) => gaz_key_once(GazTarget::Org(i), &mut display),
                    None => {
                        let key = Key::Org(norm.into());
                        display
                            .entry(key.clone())
                            .or_insert_with(|| c.text.to_string());
                        key
                    }
                })
            }
            Class::Place => {
                let key = Key::Place(normalize(c.text).into());
                display
                    .entry(key.clone())
                    .or_insert_with(|| c.text.to_string());
                Some(key)
            }
            _ => None,
        };
        keyed.push(key);
    }
    // `all` lists the scans' candidates in order: an article's start is the sum before it.
    let mut offset = 0;
    for scan in scans {
        for (acr, cand) in &scan.acronyms {
            if let Some(Some(key)) = keyed.get(offset + cand) {
                acronyms.entry(acr.clone()).or_insert_with(|| key.clone());
            }
        }
        offset += scan.candidates.len();
    }
    // Organizations whose text is a defined acronym join the long form.
    for (i, (_, c)) in all.iter().enumerate() {
        if matches!(c.class, Class::Org | Class::Unknown)
            && let Some(key) = acronyms.get(c.text)
        {
            keyed[i] = Some(key.clone());
        }
    }
    // People.
    let mut person_mentions: HashMap<usize, u32> = HashMap::default();
    let mut last_person_in_article: HashMap<(usize, &str), usize> = HashMap::default();
    let mut recovered: HashMap<&str, Option<usize>> = HashMap::default();
    for (i, (at, c)) in all.iter().enumerate() {
        if keyed[i].is_some() {
            continue;
        }
        let name: &str = &names[i];
        let n_words = counts[i];
        let node = if let Some(&n) = people.names.get(name) {
            Some(n)
        } else if n_words == 1
            && let Some(nodes) = surnames.get(name)
        {
            // The most recent full name in this article, else the most mentioned.
            let roots: Vec<usize> = nodes.iter().map(|&n| people.uf.find(n)).collect();
            let recent = last_person_in_article
                .get(&(at.article, name))
                .copied()
                .filter(|r| roots.contains(r));
            recent.or_else(|| {
                roots
                    .iter()
                    .copied()
                    .max_by_key(|r| (person_mentions.get(r).copied().unwrap_or(0), usize::MAX - r))
            })
        } else {
            None
        };
        if let Some(n) = node {
            let root = people.uf.find(n);
            *person_mentions.entry(root).or_default() += 1;
            if let Some(last) = c.text.split_whitespace().next_back() {
                last_person_in_article.insert((at.article, last), root);
            }
            keyed[i] = Some(Key::Person(root));
            continue;
        }
        // A misspelt country (each distinct word looked up once).
        if n_words == 1
            && matches!(c.class, Class::Unknown)
            && let Some(country) = *recovered
                .entry(c.text)
                .or_insert_with(|| fuzzy.recover(c.text))
        {
            let (key, name) = gaz_key(GazTarget::Country(country));
            display.entry(key.clone()).or_insert(name);
            keyed[i] = Some(key);
        }
    }
    // A name without evidence that an article repeats, once at least inside a sentence, is
    // an organization's: people are named in full once, then by surname, and the corpus found
    // no person by it ("Boeing", "Lockheed Martin").
    let lex = super::lexicon::Lexicon::get();
    let eligible = |c: &Candidate<'_>| {
        c.class == Class::Unknown
            && !looks_like_adjective(c.text)
            && !super::lexicon::Lexicon::has(&lex.acronym_stoplist, c.text)
            && !super::lexicon::Lexicon::has(&lex.never_names, c.text)
            // A head word alone ("Embassy", "Region") is a common noun.
            && !super::lexicon::Lexicon::has(&lex.org_keywords, c.text)
            && !super::lexicon::Lexicon::has(&lex.place_keywords, c.text)
    };
    // Multi-word names count within their article; one word across the corpus.
    let scope = |at: &At, c: &Candidate<'_>| {
        if c.text.contains(' ') {
            Some(at.article)
        } else {
            None
        }
    };
    // Only names no earlier step keyed can become organizations here.
    let is_eligible: Vec<bool> = all
        .iter()
        .enumerate()
        .map(|(i, (_, c))| keyed[i].is_none() && eligible(c))
        .collect();
    let mut repeats: HashMap<(Option<usize>, &str), (u32, bool)> = HashMap::default();
    for (i, (at, c)) in all.iter().enumerate() {
        if keyed[i].is_none() && is_eligible[i] {
            let e = repeats.entry((scope(at, c), c.text)).or_default();
            e.0 += 1;
            e.1 |= !c.opens_sentence;
        }
    }
    for (i, (at, c)) in all.iter().enumerate() {
        if keyed[i].is_some() || !is_eligible[i] {
            continue;
        }
        if repeats
            .get(&(scope(at, c), c.text))
            .is_some_and(|&(n, inside)| n >= 2 && inside)
        {
            let key = Key::Org(normalize(c.text).into());
            display
                .entry(key.clone())
                .or_insert_with(|| c.text.to_string());
            keyed[i] = Some(key);
        }
    }
    // "Apple" after "Apple Computer": the first word of exactly one organization's name.
    let mut first_words: HashMap<&str, Option<Key>> = HashMap::default();
    for (i, (_, c)) in all.iter().enumerate() {
        if let Some(key @ Key::Org(_)) = &keyed[i]
            && let Some((first, _)) = c.text.split_once(' ')
            && !super::lexicon::Lexicon::has(&lex.never_names, first)
        {
            first_words
                .entry(first)
                .and_modify(|k| {
                    if k.as_ref() != Some(key) {
                        *k = None;
                    }
                })
                .or_insert_with(|| Some(key.clone()));
        }
    }
    for (i, (_, c)) in all.iter().enumerate() {
        if keyed[i].is_none()
            && is_eligible[i]
            && let Some(Some(key)) = first_words.get(c.text)
        {
            keyed[i] = Some(key.clone());
        }
    }
    // Display names of people: the most mentioned full name not known only as another name.
    let mut name_counts: HashMap<(usize, &str), u32> = HashMap::default();
    for (i, name) in names.iter().enumerate() {
        if let Some(Key::Person(root)) = &keyed[i] {
            *name_counts.entry((*root, name)).or_default() += 1;
        }
    }
    let mut best: HashMap<usize, (usize, u32, String)> = HashMap::default();
    for ((root, name), count) in &name_counts {
        let node = people.names.get(*name).copied();
        let shown = node.is_some_and(|n| !people.other_only[n]);
        let rank = (
            usize::from(shown) * 10 + word_count(name).min(9),
            *count,
            name.to_string(),
        );
        let better = best.get(root).is_none_or(|b| {
            (rank.0, rank.1, std::cmp::Reverse(&rank.2)) > (b.0, b.1, std::cmp::Reverse(&b.2))
        });
        if better {
            best.insert(*root, rank);
        }
    }
    for (root, (_, _, name)) in best {
        display.insert(Key::Person(root), name);
    }

    build(articles, &all, &keyed, &display, gazetteer, &gaz_key)
}

/// The sentence holding `offset`, or the last one that starts before it.
fn sentence_of(article: &Article, offset: usize) -> u32 {
    let offset = u32::try_from(offset).unwrap_or(u32::MAX);
    article.sentence_at(offset).unwrap_or_else(|| {
        let i = article
            .sentences
            .partition_point(|s| s.span.start <= offset);
        u32::try_from(i.saturating_sub(1)).unwrap_or(0)
    })
}

/// How a candidate joins the organization name before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Division {
    /// It stands alone.
    None,
    /// An organization whose name runs on through the next candidate, to this byte.
    Through(usize),
    /// The rest of the organization name before it: no mention of its own.
    Part,
}

/// Divisions named after their organization ("Boeing Commercial Airplanes", "GM Europe"): an
/// organization followed, after one space, by a capitalised name that is no person's (it
/// opens with no given name) or by a place that ends its phrase ("GM Europe)", not "the UN
/// Mali mission") is one name, a mention of the organization.
fn divisions(
    articles: &[Article],
    all: &[(At, &Candidate<'_>)],
    keyed: &[Option<Key>],
) -> Vec<Division> {
    let lex = super::lexicon::Lexicon::get();
    let mut out = vec![Division::None; all.len()];
    for i in 0..all.len().saturating_sub(1) {
        let (Some((at, c)), Some((next_at, next))) = (all.get(i), all.get(i + 1)) else {
            continue;
        };
        let (Some(Some(Key::Org(_))), Some(Some(next_key))) = (keyed.get(i), keyed.get(i + 1))
        else {
            continue;
        };
        let Some(body) = articles.get(at.article).map(|a| a.body.as_str()) else {
            continue;
        };
        if at.article != next_at.article
            || c.demonym
            || next.demonym
            || out.get(i) == Some(&Division::Part)
            || body.get(c.end..next.start) != Some(" ")
        {
            continue;
        }
        let first_word = next.text.split_whitespace().next().unwrap_or("");
        let joins = match next_key {
            Key::Person(_) => {
                next.text.contains(' ')
                    && !super::lexicon::Lexicon::has(&lex.given_names, first_word)
            }
            Key::Place(_) | Key::Country(_) => definite::heads_its_phrase(body, next.end),
            Key::Org(_) => false,
        };
        if joins {
            if let Some(d) = out.get_mut(i) {
                *d = Division::Through(next.end);
            }
            if let Some(d) = out.get_mut(i + 1) {
                *d = Division::Part;
            }
        }
    }
    out
}

/// Assigns ids in order of first mention and fills every actor's fields.
fn build(
    articles: &[Article],
    all: &[(At, &Candidate<'_>)],
    keyed: &[Option<Key>],
    display: &HashMap<Key, String>,
    gazetteer: &Gazetteer,
    gaz_key: &dyn Fn(GazTarget) -> (Key, String),
) -> (Vec<Actor>, Vec<Mention>) {
    let mut ids: HashMap<Key, ActorId> = HashMap::default();
    let mut actors: Vec<Actor> = Vec::new();
    let mut mentions: Vec<Mention> = Vec::new();
    let divisions = divisions(articles, all, keyed);
    // Each alias is listed once per actor (the list is sorted and deduplicated at the end).
    let mut aliased: rustc_hash::FxHashSet<(ActorId, &str)> = Default::default();
    for (i, (at, c)) in all.iter().enumerate() {
        let Some(key) = keyed.get(i).cloned().flatten() else {
            continue;
        };
        let Some(article) = articles.get(at.article) else {
            continue;
        };
        let division = divisions.get(i).copied().unwrap_or(Division::None);
        if division == Division::Part {
            continue;
        }
        let end = match division {
            Division::Through(end) => end,
            _ => c.end,
        };
        if matches!(key, Key::Org(_)) && products::followed_by_model_number(&article.body, end) {
            continue;
        }
        if matches!(key, Key::Place(_))
            && !c.demonym
            && products::place_modifies_a_name(&article.body, c.end)
        {
            continue;
        }
        let id = *ids.entry(key.clone()).or_insert_with(|| {
            let id = ActorId::from_index(actors.len());
            actors.push(Actor {
                id,
                name: display
                    .get(&key)
                    .cloned()
                    .unwrap_or_else(|| c.text.to_string()),
                kind: match key {
                    Key::Country(_) => ActorKind::Country,
                    Key::Org(_) => ActorKind::Organization,
                    Key::Place(_) => ActorKind::Place,
                    Key::Person(_) => ActorKind::Person,
                },
                aliases: Vec::new(),
                role: None,
                affiliation: None,
                articles: Vec::new(),
                mention_count: 0,
                hidden: false,
            });
            id
        });
        let at_ref = SentenceRef {
            article: article.id,
            sentence: sentence_of(article, c.start),
        };
        // A country, place or organization heading its phrase takes the article written
        // before it ("the United States"); see `definite`.
        let start = if c.demonym || matches!(key, Key::Person(_)) {
            c.start
        } else {
            definite::start_with_article(&article.body, c.start, end)
        };
        mentions.push(Mention {
            actor: id,
            at: at_ref,
            span: Span::new(start, end),
            form: if c.demonym {
                MentionForm::Demonym
            } else {
                MentionForm::Name
            },
        });
        let Some(actor) = actors.get_mut(id.index()) else {
            continue;
        };
        actor.mention_count += 1;
        if aliased.insert((id, c.text)) {
            actor.aliases.push(c.text.to_string());
        }
        actor.articles.push(article.id);
        if let Some(role) = &c.role {
            let better =
                actor.role.is_none() || (actor.affiliation.is_none() && c.affiliation.is_some());
            if better {
                actor.role = Some(Attribute {
                    value: role.clone(),
                    evidence: at_ref,
                });
                if let Some(t) = c.affiliation {
                    let (_, name) = gaz_key(t);
                    actor.affiliation = Some(Attribute {
                        value: name,
                        evidence: at_ref,
                    });
                }
            }
        }
    }
    let _ = gazetteer;
    for actor in &mut actors {
        actor.aliases.push(actor.name.clone());
        actor.aliases.sort();
        actor.aliases.dedup();
        actor.articles.sort();
        actor.articles.dedup();
    }
    mentions.sort_by_key(|m| (m.at.article, m.span.start, m.span.end));
    let _: Option<ArticleId> = None;
    (actors, mentions)
}
