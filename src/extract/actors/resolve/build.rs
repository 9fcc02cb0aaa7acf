//! Keyed candidates become actors and mentions: ids in order of first mention, divisions
//! joined to their organization, spans widened to the article a name takes, and each actor's
//! aliases, articles, role and affiliation filled in.

use rustc_hash::FxHashSet as HashSet;

use super::super::candidate::Candidate;
use super::super::lexicon::Lexicon;
use super::super::scan::ArticleScan;
use super::super::{definite, products};
use super::keys::{Key, KeyTable};
use super::names::Names;
use crate::model::{Actor, ActorId, Article, Attribute, Mention, MentionForm, SentenceRef, Span};

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
/// Mali mission") is one name, a mention of the organization. `next` is the candidate after
/// `c` in the same article with its key; `c` is no `Part` of the one before it.
fn division(body: &str, c: &Candidate, key: &Key, next: Option<(&Candidate, &Key)>) -> Division {
    let Some((next, next_key)) = next else {
        return Division::None;
    };
    if !matches!(key, Key::Org(_))
        || c.demonym
        || next.demonym
        || body.get(c.end()..next.start()) != Some(" ")
    {
        return Division::None;
    }
    let text = next.text(body);
    let joins = match next_key {
        Key::Person(_) => {
            let first_word = text.split_whitespace().next().unwrap_or("");
            text.contains(' ') && !Lexicon::has(&Lexicon::get().given_names, first_word)
        }
        Key::Place(_) | Key::Country(_) => definite::heads_its_phrase(body, next.end()),
        Key::Org(_) => false,
    };
    if joins {
        Division::Through(next.end())
    } else {
        Division::None
    }
}

/// Assigns ids in order of first mention and fills every actor's fields. `keyed` gives each
/// candidate's key number in corpus order, `name_of` its name id.
pub fn build(
    articles: &[Article],
    scans: &[ArticleScan],
    keyed: &[Option<u32>],
    name_of: &[u32],
    names: &Names<'_>,
    keys: &KeyTable<'_>,
) -> (Vec<Actor>, Vec<Mention>) {
    // Key number → actor id, given at the key's first mention.
    let mut ids: Vec<Option<ActorId>> = vec![None; keys.len()];
    let mut actors: Vec<Actor> = Vec::new();
    // At most one mention per keyed candidate: reserved once rather than grown by doubling.
    let mut mentions: Vec<Mention> = Vec::with_capacity(keyed.iter().flatten().count());
    // Each alias is listed once per actor: `(actor, name id)`.
    let mut aliased: HashSet<(u32, u32)> = HashSet::default();
    let mut g = 0usize;
    for (article, scan) in articles.iter().zip(scans) {
        let body = article.body.as_str();
        let first = g;
        g += scan.candidates.len();
        let key_at = |j: usize| {
            keyed
                .get(first + j)
                .copied()
                .flatten()
                .and_then(|k| keys.key(k).map(|key| (k, key)))
        };
        let mut part = false;
        for (j, c) in scan.candidates.iter().enumerate() {
            let was_part = std::mem::take(&mut part);
            let Some((k, key)) = key_at(j) else {
                continue;
            };
            let division = if was_part {
                Division::Part
            } else {
                let next = scan
                    .candidates
                    .get(j + 1)
                    .and_then(|n| key_at(j + 1).map(|(_, nk)| (n, nk)));
                division(body, c, key, next)
            };
            let end = match division {
                Division::Part => continue,
                Division::Through(end) => {
                    part = true;
                    end
                }
                Division::None => c.end(),
            };
            if matches!(key, Key::Org(_)) && products::followed_by_model_number(body, end) {
                continue;
            }
            if matches!(key, Key::Place(_))
                && !c.demonym
                && products::place_modifies_a_name(body, c.end())
            {
                continue;
            }
            let text = c.text(body);
            let Some(slot) = ids.get_mut(k as usize) else {
                continue;
            };
            let id = *slot.get_or_insert_with(|| {
                let id = ActorId::from_index(actors.len());
                actors.push(Actor {
                    id,
                    name: keys.display(k).unwrap_or(text).to_string(),
                    kind: keys.kind(k),
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
                sentence: sentence_of(article, c.start()),
            };
            // A country, place or organization heading its phrase takes the article written
            // before it ("the United States"); see `definite`.
            let start = if c.demonym || matches!(key, Key::Person(_)) {
                c.start()
            } else {
                definite::start_with_article(body, c.start(), end)
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
            let name_id = name_of.get(first + j).copied().unwrap_or(u32::MAX);
            let alias_id = u32::try_from(id.index()).unwrap_or(u32::MAX);
            if aliased.insert((alias_id, name_id)) {
                actor.aliases.push(names.text(name_id).to_string());
            }
            // Candidates come article by article: a repeat is always the last one listed.
            if actor.articles.last() != Some(&article.id) {
                actor.articles.push(article.id);
            }
            if let Some(role) = c.role(body) {
                let better = actor.role.is_none()
                    || (actor.affiliation.is_none() && c.affiliation.is_some());
                if better {
                    actor.role = Some(Attribute {
                        value: role.to_string(),
                        evidence: at_ref,
                    });
                    if let Some(t) = c.affiliation {
                        let (_, name) = keys.of_gazetteer(t);
                        actor.affiliation = Some(Attribute {
                            value: name,
                            evidence: at_ref,
                        });
                    }
                }
            }
        }
    }
    for actor in &mut actors {
        actor.aliases.push(actor.name.clone());
        actor.aliases.sort();
        actor.aliases.dedup();
        actor.articles.sort();
        actor.articles.dedup();
    }
    mentions.sort_by_key(|m| (m.at.article, m.span.start, m.span.end));
    (actors, mentions)
}
