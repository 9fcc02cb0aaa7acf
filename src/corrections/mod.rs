//! The user's corrections to the actors: merge two actors, rename one, detach an alias into an
//! actor of its own, hide a false actor. They live in a hand-editable TOML file beside the corpus
//! ([`file`](mod@file)), are applied at every load, and each entry that no longer matches
//! anything is reported rather than silently dropped.
//!
//! The file is an ordered list; later entries see the result of earlier ones:
//!
//! ```toml
//! [[correction]]
//! merge = "Omar Tchiani"        # an actor's name or any of its other names
//! into = "Abdourahamane Tchiani"
//!
//! [[correction]]
//! rename = "Wagner"
//! to = "Wagner Group"
//!
//! [[correction]]
//! detach = "Washington"         # the alias, as written in the text
//! from = "United States"
//!
//! [[correction]]
//! hide = "Telegram"
//! ```

pub mod file;

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::model::{Actor, ActorId, ArticleId, Corpus, Speaker};

/// One correction, as written in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Correction {
    /// Every mention of `merge` becomes a mention of `into`; `merge` disappears.
    Merge {
        /// The actor merged away (name or alias).
        merge: String,
        /// The actor that absorbs it (name or alias).
        into: String,
    },
    /// The actor's display name becomes `to`.
    Rename {
        /// The actor (name or alias).
        rename: String,
        /// The new display name.
        to: String,
    },
    /// The mentions written as `detach` leave the actor `from` and form an actor of their own.
    Detach {
        /// The alias, as written in the text.
        detach: String,
        /// The actor it is detached from (name or alias).
        from: String,
    },
    /// The actor is not shown anywhere.
    Hide {
        /// The actor (name or alias).
        hide: String,
    },
}

impl fmt::Display for Correction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Correction::Merge { merge, into } => write!(f, "merge {merge:?} into {into:?}"),
            Correction::Rename { rename, to } => write!(f, "rename {rename:?} to {to:?}"),
            Correction::Detach { detach, from } => write!(f, "detach {detach:?} from {from:?}"),
            Correction::Hide { hide } => write!(f, "hide {hide:?}"),
        }
    }
}

/// The ordered list of corrections of one corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Corrections {
    /// The corrections, applied in order.
    #[serde(default, rename = "correction")]
    pub list: Vec<Correction>,
}

/// A correction that matched nothing in the corpus, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmatched {
    /// Its position in the file (1-based).
    pub number: usize,
    /// The correction.
    pub correction: Correction,
    /// What did not match.
    pub reason: String,
}

impl fmt::Display for Unmatched {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "correction {} ({}) no longer applies: {}",
            self.number, self.correction, self.reason
        )
    }
}

fn no_actor(name: &str) -> String {
    format!("no actor is named {name:?}")
}

/// Applies every correction in order to `corpus` and rebuilds its indexes. Returns the ones
/// that matched nothing.
pub fn apply(corpus: &mut Corpus, corrections: &Corrections) -> Vec<Unmatched> {
    let mut unmatched = Vec::new();
    // Nothing to do, and nothing derived to refresh: at scale a refresh costs a reindex.
    if corrections.list.is_empty() {
        return unmatched;
    }
    for (i, correction) in corrections.list.iter().enumerate() {
        if let Err(reason) = apply_one(corpus, correction) {
            unmatched.push(Unmatched {
                number: i + 1,
                correction: correction.clone(),
                reason,
            });
        }
    }
    refresh(corpus);
    unmatched
}

/// What corrections change in an analysed corpus, kept so that the corrections can be applied
/// again from the start (after an undo, or when one is refused) on the corpus itself, without a
/// second copy of it: the actors, and the actor each mention, quote, cited source and event
/// points at. At 100,000 articles this is about a tenth of the corpus.
#[derive(Debug, Clone)]
pub struct Baseline {
    actors: Vec<Actor>,
    mention_actors: Vec<ActorId>,
    /// The actor each quote is attributed to, if one (corrections only ever change which).
    quote_speakers: Vec<Option<ActorId>>,
    source_actors: Vec<Option<ActorId>>,
    event_actors: Vec<Vec<ActorId>>,
}

impl Baseline {
    /// What `corpus` (as analysed, no correction applied) says about its actors.
    pub fn of(corpus: &Corpus) -> Baseline {
        Baseline {
            actors: corpus.actors.clone(),
            mention_actors: corpus.mentions.iter().map(|m| m.actor).collect(),
            quote_speakers: corpus
                .quotes
                .iter()
                .map(|q| match q.speaker {
                    Speaker::Actor(a) => Some(a),
                    _ => None,
                })
                .collect(),
            source_actors: corpus.sources.iter().map(|s| s.actor).collect(),
            event_actors: corpus.events.iter().map(|e| e.actors.clone()).collect(),
        }
    }

    /// Puts back in `corpus` what it said about its actors when this baseline was taken. The
    /// index is left for the caller to rebuild.
    fn restore(&self, corpus: &mut Corpus) {
        corpus.actors.clone_from(&self.actors);
        for (m, actor) in corpus.mentions.iter_mut().zip(&self.mention_actors) {
            m.actor = *actor;
        }
        for (q, speaker) in corpus.quotes.iter_mut().zip(&self.quote_speakers) {
            if let Some(actor) = speaker {
                q.speaker = Speaker::Actor(*actor);
            }
        }
        for (s, actor) in corpus.sources.iter_mut().zip(&self.source_actors) {
            s.actor = *actor;
        }
        for (e, actors) in corpus.events.iter_mut().zip(&self.event_actors) {
            e.actors.clone_from(actors);
        }
    }
}

/// Applies `corrections` to `corpus` from the start: the corpus is first put back as it was
/// when `baseline` was taken of it, whatever corrections were applied since. Returns the
/// corrections that matched nothing. The same result as [`apply`] on a fresh copy of the
/// analysed corpus, without the copy.
pub fn reapply(
    corpus: &mut Corpus,
    baseline: &Baseline,
    corrections: &Corrections,
) -> Vec<Unmatched> {
    baseline.restore(corpus);
    if corrections.list.is_empty() {
        corpus.reindex();
        return Vec::new();
    }
    apply(corpus, corrections)
}

/// Applies one correction; the caller refreshes derived data afterwards.
fn apply_one(corpus: &mut Corpus, correction: &Correction) -> Result<(), String> {
    match correction {
        Correction::Merge { merge, into } => {
            let from = corpus.find_actor(merge).ok_or_else(|| no_actor(merge))?;
            let to = corpus.find_actor(into).ok_or_else(|| no_actor(into))?;
            if from == to {
                return Err(format!("{merge:?} and {into:?} are already one actor"));
            }
            merge_actor(corpus, from, to);
            Ok(())
        }
        Correction::Rename { rename, to } => {
            let id = corpus.find_actor(rename).ok_or_else(|| no_actor(rename))?;
            let name = to.trim();
            if name.is_empty() {
                return Err("the new name is empty".to_string());
            }
            if let Some(actor) = corpus.actors.get_mut(id.index()) {
                actor.name = name.to_string();
            }
            Ok(())
        }
        Correction::Detach { detach, from } => {
            let id = corpus.find_actor(from).ok_or_else(|| no_actor(from))?;
            detach_alias(corpus, id, detach)
        }
        Correction::Hide { hide } => {
            let id = corpus.find_actor(hide).ok_or_else(|| no_actor(hide))?;
            if let Some(actor) = corpus.actors.get_mut(id.index()) {
                actor.hidden = true;
            }
            Ok(())
        }
    }
}

/// Moves everything that points at `from` to `to` and hides `from`.
fn merge_actor(corpus: &mut Corpus, from: ActorId, to: ActorId) {
    for m in &mut corpus.mentions {
        if m.actor == from {
            m.actor = to;
        }
    }
    for q in &mut corpus.quotes {
        if q.speaker == Speaker::Actor(from) {
            q.speaker = Speaker::Actor(to);
        }
    }
    for s in &mut corpus.sources {
        if s.actor == Some(from) {
            s.actor = Some(to);
        }
    }
    let Some(absorbed) = corpus.actors.get(from.index()).cloned() else {
        return;
    };
    if let Some(target) = corpus.actors.get_mut(to.index()) {
        target.aliases.extend(absorbed.aliases.iter().cloned());
        target.aliases.push(absorbed.name.clone());
        target.role = target.role.take().or(absorbed.role);
        target.affiliation = target.affiliation.take().or(absorbed.affiliation);
    }
    if let Some(gone) = corpus.actors.get_mut(from.index()) {
        gone.hidden = true;
    }
}

/// Moves the mentions of `id` written exactly as `alias` to a new actor named `alias`.
fn detach_alias(corpus: &mut Corpus, id: ActorId, alias: &str) -> Result<(), String> {
    let Some(actor) = corpus.actors.get(id.index()) else {
        return Err(no_actor(alias));
    };
    if actor.name == alias {
        return Err(format!(
            "{alias:?} is the actor's own name; rename it instead"
        ));
    }
    let new_id = ActorId::from_index(corpus.actors.len());
    let kind = actor.kind;
    let mut moved = 0;
    for m in &mut corpus.mentions {
        if m.actor != id {
            continue;
        }
        let written = corpus
            .articles
            .get(m.at.article.index())
            .map_or("", |a| m.span.slice(&a.body));
        if written == alias {
            m.actor = new_id;
            moved += 1;
        }
    }
    if moved == 0 {
        return Err(format!("no mention of the actor is written {alias:?}"));
    }
    if let Some(actor) = corpus.actors.get_mut(id.index()) {
        actor.aliases.retain(|a| a != alias);
    }
    corpus.actors.push(Actor {
        id: new_id,
        name: alias.to_string(),
        kind,
        aliases: vec![alias.to_string()],
        role: None,
        affiliation: None,
        articles: Vec::new(),
        mention_count: 0,
        hidden: false,
    });
    Ok(())
}

/// Recomputes what depends on which actor a mention belongs to: each actor's counts, articles
/// and aliases, each event's actors, and the indexes.
fn refresh(corpus: &mut Corpus) {
    let mut counts = vec![0u32; corpus.actors.len()];
    let mut articles: Vec<Vec<ArticleId>> = vec![Vec::new(); corpus.actors.len()];
    for m in &corpus.mentions {
        if let Some(c) = counts.get_mut(m.actor.index()) {
            *c += 1;
        }
        // Mentions come in article order, so each actor's list grows sorted and a repeat is
        // the last one pushed (a set per actor cost most of a correction at scale).
        if let Some(a) = articles.get_mut(m.actor.index())
            && a.last() != Some(&m.at.article)
        {
            a.push(m.at.article);
        }
    }
    for ((actor, count), mut list) in corpus.actors.iter_mut().zip(counts).zip(articles) {
        // Kept right even for mentions out of article order; a no-op pass otherwise.
        if !list.is_sorted() {
            list.sort_unstable();
            list.dedup();
        }
        actor.mention_count = count;
        actor.articles = list;
        actor.aliases.sort();
        actor.aliases.dedup();
    }
    // Mentions keep their articles and order, so the index's per-article ranges (all that
    // `mentions_in` needs) are still right if there is an index; the full reindex comes at the
    // end.
    if corpus.index.mentions_in_article.len() != corpus.articles.len() {
        corpus.reindex();
    }
    // An event's actors are those mentioned in its sentence; mentions may have moved.
    let event_actors: Vec<Vec<ActorId>> = corpus
        .events
        .iter()
        .map(|event| {
            let mut actors: Vec<ActorId> = corpus
                .mentions_in(event.at.article)
                .iter()
                .filter(|m| m.at == event.at)
                .map(|m| m.actor)
                .collect();
            actors.sort_unstable();
            actors.dedup();
            actors
        })
        .collect();
    for (event, actors) in corpus.events.iter_mut().zip(event_actors) {
        event.actors = actors;
    }
    corpus.reindex();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    /// One article, three actors: two spellings of one general and a country named two ways.
    fn corpus() -> Corpus {
        let body = "Gen Omar Tchiani spoke. Abdourahamane Tchiani met Washington envoys. The United States said.";
        let span = |s: &str| {
            let start = body.find(s).expect("in body");
            Span::new(start, start + s.len())
        };
        let article = Article {
            id: ArticleId(0),
            key: "a".into(),
            title: None,
            outlet: None,
            url: None,
            author: None,
            date: None,
            body: body.into(),
            paragraphs: vec![Span::new(0, body.len())],
            sentences: vec![
                Sentence {
                    span: span("Gen Omar Tchiani spoke."),
                    paragraph: 0,
                },
                Sentence {
                    span: span("Abdourahamane Tchiani met Washington envoys."),
                    paragraph: 0,
                },
                Sentence {
                    span: span("The United States said."),
                    paragraph: 0,
                },
            ],
            captions: vec![],
            furniture: vec![],
            origin: Origin {
                path: "a.txt".into(),
                format: Format::Text,
                record: None,
            },
        };
        let actor = |id: u32, name: &str, kind, aliases: &[&str]| Actor {
            id: ActorId(id),
            name: name.into(),
            kind,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            role: None,
            affiliation: None,
            articles: vec![ArticleId(0)],
            mention_count: 1,
            hidden: false,
        };
        let at = |sentence| SentenceRef {
            article: ArticleId(0),
            sentence,
        };
        let mention = |actor, sentence, s: &str| Mention {
            actor: ActorId(actor),
            at: at(sentence),
            span: span(s),
            form: MentionForm::Name,
        };
        let mut corpus = Corpus {
            articles: vec![article],
            actors: vec![
                actor(0, "Omar Tchiani", ActorKind::Person, &["Omar Tchiani"]),
                actor(
                    1,
                    "Abdourahamane Tchiani",
                    ActorKind::Person,
                    &["Abdourahamane Tchiani"],
                ),
                actor(
                    2,
                    "United States",
                    ActorKind::Country,
                    &["United States", "Washington"],
                ),
            ],
            mentions: vec![
                mention(0, 0, "Omar Tchiani"),
                mention(1, 1, "Abdourahamane Tchiani"),
                mention(2, 1, "Washington"),
                mention(2, 2, "United States"),
            ],
            quotes: vec![Quote {
                at: at(0),
                span: span("spoke"),
                speaker: Speaker::Actor(ActorId(0)),
                channel: None,
                via: None,
            }],
            events: vec![Event {
                id: EventId(0),
                at: at(1),
                time: TimeId(0),
                point: CalendarPoint {
                    date: chrono::NaiveDate::from_ymd_opt(2023, 7, 26).expect("valid"),
                    granularity: Granularity::Day,
                },
                actors: vec![ActorId(1), ActorId(2)],
                tense: Tense::Past,
                entry: EntryId(0),
            }],
            ..Corpus::default()
        };
        corpus.reindex();
        corpus
    }

    fn one(c: Correction) -> Corrections {
        Corrections { list: vec![c] }
    }

    #[test]
    fn merge_moves_mentions_quotes_and_names_and_hides_the_merged_actor() {
        let mut c = corpus();
        let unmatched = apply(
            &mut c,
            &one(Correction::Merge {
                merge: "omar tchiani".into(),
                into: "Abdourahamane Tchiani".into(),
            }),
        );
        assert!(unmatched.is_empty(), "{unmatched:?}");
        let general = &c.actors[1];
        assert_eq!(general.mention_count, 2);
        assert!(general.aliases.contains(&"Omar Tchiani".to_string()));
        assert!(c.actors[0].hidden);
        assert_eq!(c.actors[0].mention_count, 0);
        assert_eq!(c.quotes[0].speaker, Speaker::Actor(ActorId(1)));
        assert_eq!(c.index.quotes_of_actor[1], vec![QuoteId(0)]);
        // The merged name now finds the surviving actor.
        assert_eq!(c.find_actor("Omar Tchiani"), Some(ActorId(1)));
    }

    #[test]
    fn detach_makes_an_actor_of_the_alias_and_updates_events() {
        let mut c = corpus();
        let unmatched = apply(
            &mut c,
            &one(Correction::Detach {
                detach: "Washington".into(),
                from: "United States".into(),
            }),
        );
        assert!(unmatched.is_empty(), "{unmatched:?}");
        let new = c.actors.last().expect("a new actor");
        assert_eq!(new.name, "Washington");
        assert_eq!(new.kind, ActorKind::Country);
        assert_eq!(new.mention_count, 1);
        assert_eq!(c.actors[2].mention_count, 1);
        assert!(!c.actors[2].aliases.contains(&"Washington".to_string()));
        assert_eq!(c.events[0].actors, vec![ActorId(1), new.id]);
    }

    #[test]
    fn rename_and_hide_apply_and_stale_entries_are_reported() {
        let mut c = corpus();
        let list = Corrections {
            list: vec![
                Correction::Rename {
                    rename: "United States".into(),
                    to: "USA".into(),
                },
                Correction::Hide { hide: "usa".into() },
                Correction::Hide {
                    hide: "Atlantis".into(),
                },
                Correction::Merge {
                    merge: "Omar Tchiani".into(),
                    into: "Omar Tchiani".into(),
                },
            ],
        };
        let unmatched = apply(&mut c, &list);
        assert_eq!(c.actors[2].name, "USA");
        assert!(c.actors[2].hidden);
        let numbers: Vec<usize> = unmatched.iter().map(|u| u.number).collect();
        assert_eq!(numbers, vec![3, 4]);
        assert!(
            unmatched[0].to_string().contains("Atlantis"),
            "{}",
            unmatched[0]
        );
        // A hidden actor is no longer found by name.
        assert_eq!(c.find_actor("USA"), None);
    }

    #[test]
    fn applying_again_from_the_baseline_equals_applying_to_a_fresh_copy() {
        let mut analysed = corpus();
        analysed.reindex();
        let baseline = Baseline::of(&analysed);
        let json = |c: &Corpus| serde_json::to_value(c).expect("a corpus serialises");
        let merge = Correction::Merge {
            merge: "Omar Tchiani".into(),
            into: "Abdourahamane Tchiani".into(),
        };
        let detach = Correction::Detach {
            detach: "Washington".into(),
            from: "United States".into(),
        };
        let rename = Correction::Rename {
            rename: "United States".into(),
            to: "USA".into(),
        };
        let hide = Correction::Hide { hide: "USA".into() };
        // One corpus corrected again and again, as the browser does it: merge, then more, then
        // an undo of the merge, then everything undone.
        let steps = [
            vec![merge.clone()],
            vec![merge.clone(), detach.clone()],
            vec![merge, detach.clone(), rename.clone(), hide.clone()],
            vec![detach, rename, hide],
            vec![],
        ];
        let mut working = analysed.clone();
        for list in steps {
            let list = Corrections { list };
            let unmatched = reapply(&mut working, &baseline, &list);
            let mut fresh = analysed.clone();
            let expected = apply(&mut fresh, &list);
            assert_eq!(unmatched, expected, "{list:?}");
            assert_eq!(json(&working), json(&fresh), "{list:?}");
        }
        assert_eq!(json(&working), json(&analysed), "all undone: as analysed");
    }
}
