//! Every actor's names laid out once per corpus in one block of text, so that a filter
//! keystroke reads them in order instead of chasing a pointer per name: at a hundred thousand
//! actors with several names each, those cache misses cost more than the matching.

use crate::model::{Actor, ActorId, ActorKind, Corpus};

use super::fuzzy::Matcher;

/// One name in the block.
#[derive(Debug, Clone, Copy)]
struct Name {
    /// Byte range in [`NameIndex::text`].
    start: u32,
    end: u32,
    /// Its index in the actor's aliases, or `None` for the display name.
    alias: Option<u16>,
}

/// The names of a corpus's actors, prepared for matching.
#[derive(Debug, Default)]
pub struct NameIndex {
    /// All names, back to back.
    text: String,
    /// The names in actor order: an actor's display name, then its other distinct names.
    names: Vec<Name>,
    /// Per actor: where its names start in `names` (one more entry closes the last).
    first: Vec<u32>,
    /// Per actor: its mentions, the tie-breaker between equal scores.
    mentions: Vec<u32>,
    /// Per actor: its kind and whether it is hidden, for the finder.
    kinds: Vec<(ActorKind, bool)>,
}

impl NameIndex {
    /// The names of every actor of `corpus`.
    pub fn new(corpus: &Corpus) -> NameIndex {
        let mut index = NameIndex::default();
        for actor in &corpus.actors {
            index.first.push(index.names.len() as u32);
            index.mentions.push(actor.mention_count);
            index.kinds.push((actor.kind, actor.hidden));
            index.push(&actor.name, None);
            for (i, alias) in actor.aliases.iter().enumerate() {
                let Ok(i) = u16::try_from(i) else { break };
                if alias != &actor.name {
                    index.push(alias, Some(i));
                }
            }
        }
        index.first.push(index.names.len() as u32);
        index
    }

    fn push(&mut self, name: &str, alias: Option<u16>) {
        let start = self.text.len() as u32;
        self.text.push_str(name);
        self.names.push(Name {
            start,
            end: self.text.len() as u32,
            alias,
        });
    }

    /// The actor's mentions (0 for an unknown actor).
    pub fn mentions(&self, actor: ActorId) -> u32 {
        self.mentions.get(actor.index()).copied().unwrap_or(0)
    }

    /// The actor's kind and whether it is hidden.
    pub fn kind(&self, actor: ActorId) -> Option<(ActorKind, bool)> {
        self.kinds.get(actor.index()).copied()
    }

    /// The best match of `query` among the actor's names (the display name on a tie): its
    /// score, and the index of the other name when that is what matched.
    pub fn best(
        &self,
        matcher: &dyn Matcher,
        actor: ActorId,
        query: &str,
    ) -> Option<(i64, Option<u16>)> {
        let from = *self.first.get(actor.index())? as usize;
        let to = *self.first.get(actor.index() + 1)? as usize;
        let mut best: Option<(i64, Option<u16>)> = None;
        for name in self.names.get(from..to)? {
            let Some(text) = self.text.get(name.start as usize..name.end as usize) else {
                continue;
            };
            if let Some(score) = matcher.score(text, query)
                && best.is_none_or(|(b, _)| score > b)
            {
                best = Some((score, name.alias));
            }
        }
        best
    }

    /// The number of actors indexed.
    pub fn len(&self) -> usize {
        self.mentions.len()
    }

    /// True when no actor is indexed.
    pub fn is_empty(&self) -> bool {
        self.mentions.is_empty()
    }
}

/// The other name `alias` of `actor`, as [`NameIndex::best`] reports it.
pub fn alias(actor: &Actor, alias: Option<u16>) -> Option<&str> {
    actor.aliases.get(usize::from(alias?)).map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::fixture;
    use crate::ui::fuzzy::FastMatcher;

    #[test]
    fn finds_the_best_name_and_says_which() {
        let corpus = fixture::corpus();
        let index = NameIndex::new(&corpus);
        assert_eq!(index.len(), corpus.actors.len());
        let tchiani = corpus.find_actor("Tchiani").expect("fixture actor");
        let (_, via) = index
            .best(&FastMatcher, tchiani, "omar")
            .expect("matches an other name");
        let actor = corpus.actor(tchiani).expect("actor");
        assert_eq!(alias(actor, via), Some("Omar Tchiani"));
        // The display name wins a tie: no other name is reported.
        let (_, via) = index
            .best(&FastMatcher, tchiani, "abdou")
            .expect("matches the name");
        assert_eq!(via, None);
        assert!(index.best(&FastMatcher, tchiani, "macron").is_none());
        assert!(
            index
                .best(&FastMatcher, ActorId::from_index(9_999), "a")
                .is_none()
        );
    }
}
