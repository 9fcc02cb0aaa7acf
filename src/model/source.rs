use serde::{Deserialize, Serialize};

use super::{ActorId, ArticleId, SentenceRef, Span};

/// Who a quotation is attributed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Speaker {
    /// A resolved actor.
    Actor(ActorId),
    /// A speaker the text describes without naming ("the Niger government", "one witness").
    Described(String),
    /// The text does not say who said it.
    Unattributed,
}

/// A direct quotation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The sentence where the quotation opens.
    pub at: SentenceRef,
    /// The quoted words' bytes in the body, without the quotation marks.
    pub span: Span,
    /// Who said it.
    pub speaker: Speaker,
    /// How it was said: `said`, `tweeted`, `told reporters`, `said in a statement`, …
    pub channel: Option<String>,
    /// The outlet or medium it passed through, when the text names one ("told the BBC").
    pub via: Option<String>,
}

/// What kind of source an article relies on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// A news agency (Reuters, AFP, AP).
    Agency,
    /// A broadcaster, newspaper or platform (BBC, state TV, Twitter).
    Media,
    /// An institution: a government, an embassy, an army command, a ministry.
    Institution,
    /// A named person.
    Person,
    /// A group described, not named ("several political parties").
    Group,
    /// An anonymous source ("several security sources", "one witness").
    Anonymous,
    /// A photo credit: credited, but not a source of information.
    Credit,
}

/// One place where an article relies on a source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    /// The sentence that cites it.
    pub at: SentenceRef,
    /// The channel: `said in a statement`, `tweeted`, `told reporters`, `according to`, …
    pub channel: Option<String>,
}

/// A source that one or more articles cite.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitedSource {
    /// Position in [`crate::model::Corpus::sources`].
    pub id: super::SourceId,
    /// Its name or description as the text gives it.
    pub name: String,
    /// Agency, media, institution, person, group, anonymous or credit.
    pub kind: SourceKind,
    /// The actor it is, when it is one.
    pub actor: Option<ActorId>,
    /// Every citation, in corpus order.
    pub citations: Vec<Citation>,
}

/// A passage two articles share verbatim or nearly.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SharedPassage {
    /// The first article (the lower id) and the passage's bytes in it.
    pub a: (ArticleId, Span),
    /// The second article and the passage's bytes in it.
    pub b: (ArticleId, Span),
    /// Similarity from 0 to 1 (1 is verbatim).
    pub similarity: f32,
}
