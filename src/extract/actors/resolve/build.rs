//! Keyed candidates become actors and mentions: ids in order of first mention, divisions
//! joined to their organization, spans widened to the article a name takes, and each actor's
//! aliases, articles, role and affiliation filled in.

use rayon::prelude::*;
use rustc_hash::FxHashSet as HashSet;

use super::super::candidate::Candidate;
use super::super::lexicon::Lexicon;
use super::super::scan::ArticleScan;
use super::super::{definite, products};
use super::keys::{Key, KeyTable};
use super::names::Names;
use crate::model::{
    Actor, ActorId, Article, ArticleId, Attribute, Mention, MentionForm, SentenceRef, Span,
};

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

/// One article's mentions, worked out in parallel: written into `out` (one slot per keyed
/// candidate of the article, so it cannot overflow) in candidate order, with the key number
/// in place of the actor id and, in `source`, each mention's candidate index in the article.
/// Returns the number of mentions written.
fn article_mentions(
    article: &Article,
    scan: &ArticleScan,
    keyed: &[Option<u32>],
    keys: &KeyTable<'_>,
    out: &mut [Mention],
    source: &mut [u32],
) -> usize {
    let body = article.body.as_str();
    let key_at = |j: usize| {
        keyed
            .get(j)
            .copied()
            .flatten()
            .and_then(|k| keys.key(k).map(|key| (k, key)))
    };
    let mut written = 0;
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
        // A country, place or organization heading its phrase takes the article written
        // before it ("the United States"); see `definite`.
        let start = if c.demonym || matches!(key, Key::Person(_)) {
            c.start()
        } else {
            definite::start_with_article(body, c.start(), end)
        };
        let (Some(slot), Some(from)) = (out.get_mut(written), source.get_mut(written)) else {
            break;
        };
        *slot = Mention {
            // The key number for now: ids follow the first mention in corpus order, which
            // only the sequential pass knows.
            actor: ActorId::from_index(k as usize),
            at: SentenceRef {
                article: article.id,
                sentence: sentence_of(article, c.start()),
            },
            span: Span::new(start, end),
            form: if c.demonym {
                MentionForm::Demonym
            } else {
                MentionForm::Name
            },
        };
        *from = u32::try_from(j).unwrap_or(u32::MAX);
        written += 1;
    }
    written
}

/// Assigns ids in order of first mention and fills every actor's fields. `keyed` gives each
/// candidate's key number in corpus order, `name_of` its name id.
///
/// The text work of each mention (divisions, products, the article before a name, the
/// sentence) runs per article in parallel, into one vector sized once with a slot per keyed
/// candidate; the sequential pass then gives ids, fills the actors and closes the gaps left
/// by candidates that made no mention.
pub fn build(
    articles: &[Article],
    scans: &[ArticleScan],
    keyed: &[Option<u32>],
    name_of: &[u32],
    names: &Names<'_>,
    keys: &KeyTable<'_>,
) -> (Vec<Actor>, Vec<Mention>) {
    // Per article: its first candidate and its first slot.
    let mut firsts: Vec<(usize, usize)> = Vec::with_capacity(scans.len());
    let (mut g, mut slots) = (0usize, 0usize);
    for scan in scans {
        firsts.push((g, slots));
        let n = scan.candidates.len();
        slots += keyed
            .get(g..g + n)
            .map_or(0, |k| k.iter().flatten().count());
        g += n;
    }
    // A placeholder for the slots; every one left unwritten is cut below.
    let empty = Mention {
        actor: ActorId::from_index(0),
        at: SentenceRef {
            article: ArticleId::from_index(0),
            sentence: 0,
        },
        span: Span::default(),
        form: MentionForm::Name,
    };
    let mut mentions: Vec<Mention> = vec![empty; slots];
    let mut source: Vec<u32> = vec![0; slots];
    // Split the two vectors into each article's slots.
    let mut pieces: Vec<(&mut [Mention], &mut [u32])> = Vec::with_capacity(scans.len());
    {
        let (mut rest_m, mut rest_s) = (mentions.as_mut_slice(), source.as_mut_slice());
        for (i, &(_, slot)) in firsts.iter().enumerate() {
            let next = firsts.get(i + 1).map_or(slots, |&(_, s)| s);
            let take = next.saturating_sub(slot).min(rest_m.len());
            let (m, m_rest) = rest_m.split_at_mut(take);
            let (s, s_rest) = rest_s.split_at_mut(take);
            pieces.push((m, s));
            rest_m = m_rest;
            rest_s = s_rest;
        }
    }
    let written: Vec<usize> = articles
        .par_iter()
        .zip(scans)
        .zip(&firsts)
        .zip(pieces)
        .map(|(((article, scan), &(g, _)), (out, source))| {
            let keyed = keyed.get(g..g + scan.candidates.len()).unwrap_or(&[]);
            article_mentions(article, scan, keyed, keys, out, source)
        })
        .collect();

    // Key number → actor id, given at the key's first mention.
    let mut ids: Vec<Option<ActorId>> = vec![None; keys.len()];
    let mut actors: Vec<Actor> = Vec::new();
    // Each alias is listed once per actor: `(actor, name id)`.
    let mut aliased: HashSet<(u32, u32)> = HashSet::default();
    // Where each article's mentions end up once the gaps are closed.
    let mut ranges: Vec<std::ops::Range<usize>> = Vec::with_capacity(scans.len());
    let mut kept = 0usize;
    for (((article, scan), &(first, slot)), &count) in
        articles.iter().zip(scans).zip(&firsts).zip(&written)
    {
        let body = article.body.as_str();
        let begin = kept;
        for at in slot..slot + count {
            let (Some(&m), Some(&j)) = (mentions.get(at), source.get(at)) else {
                continue;
            };
            let Some(c) = scan.candidates.get(j as usize) else {
                continue;
            };
            let k = m.actor.index();
            let text = c.text(body);
            let Some(id_slot) = ids.get_mut(k) else {
                continue;
            };
            let id = *id_slot.get_or_insert_with(|| {
                let id = ActorId::from_index(actors.len());
                let k = u32::try_from(k).unwrap_or(u32::MAX);
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
            if let Some(out) = mentions.get_mut(kept) {
                *out = Mention { actor: id, ..m };
            }
            kept += 1;
            let Some(actor) = actors.get_mut(id.index()) else {
                continue;
            };
            actor.mention_count += 1;
            let name_id = name_of.get(first + j as usize).copied().unwrap_or(u32::MAX);
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
                        evidence: m.at,
                    });
                    if let Some(t) = c.affiliation {
                        let (_, name) = keys.of_gazetteer(t);
                        actor.affiliation = Some(Attribute {
                            value: name,
                            evidence: m.at,
                        });
                    }
                }
            }
        }
        ranges.push(begin..kept);
    }
    mentions.truncate(kept);
    drop(source);
    for actor in &mut actors {
        actor.aliases.push(actor.name.clone());
        actor.aliases.sort();
        actor.aliases.dedup();
        actor.articles.sort();
        actor.articles.dedup();
    }
    sort_mentions(&mut mentions, &ranges);
    (actors, mentions)
}

/// Sorts mentions by article, then start and end offsets, stably. Each article's mentions are
/// sorted on their own, in parallel; when article ids rise in corpus order (as the pipeline
/// numbers them) that already sorts the whole, else one stable sort of the whole follows,
/// which gives the same order as sorting the whole at once.
fn sort_mentions(mentions: &mut [Mention], ranges: &[std::ops::Range<usize>]) {
    let key = |m: &Mention| (m.at.article, m.span.start, m.span.end);
    {
        let mut pieces: Vec<&mut [Mention]> = Vec::with_capacity(ranges.len());
        let mut rest: &mut [Mention] = mentions;
        let mut at = 0usize;
        for r in ranges {
            let skip = r.start.saturating_sub(at).min(rest.len());
            let (_, tail) = rest.split_at_mut(skip);
            let (piece, tail) = tail.split_at_mut(r.len().min(tail.len()));
            pieces.push(piece);
            rest = tail;
            at = r.end;
        }
        pieces.par_iter_mut().for_each(|p| p.sort_by_key(key));
    }
    if !mentions.is_sorted_by_key(key) {
        mentions.sort_by_key(key);
    }
}
