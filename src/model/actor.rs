use serde::{Deserialize, Serialize};

use super::{ActorId, ArticleId, SentenceRef, Span};

/// What kind of actor a name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    /// A named person.
    Person,
    /// A sovereign country (ISO 3166), including its government when a capital stands for it.
    Country,
    /// An organization: international body, agency, broadcaster, party, armed group, company.
    Organization,
    /// A city, region or geographic area.
    Place,
}

impl ActorKind {
    /// The lowercase name used on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Country => "country",
            ActorKind::Organization => "organization",
            ActorKind::Place => "place",
        }
    }

    /// Parses `person`, `country`, `organization` or `place`.
    pub fn parse(s: &str) -> Option<ActorKind> {
        match s {
            "person" => Some(ActorKind::Person),
            "country" => Some(ActorKind::Country),
            "organization" | "organisation" => Some(ActorKind::Organization),
            "place" => Some(ActorKind::Place),
            _ => None,
        }
    }
}

/// A stated fact about an actor (a role, an affiliation), kept with the sentence that states it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribute {
    /// The value as the text gives it, for example `Foreign Minister`.
    pub value: String,
    /// The sentence it comes from.
    pub evidence: SentenceRef,
}

/// A resolved actor: one person, country, organization or place, under all its names.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Actor {
    /// Position in [`crate::model::Corpus::actors`].
    pub id: ActorId,
    /// The display name (the fullest name the corpus gives).
    pub name: String,
    /// What the actor is.
    pub kind: ActorKind,
    /// Every surface form as written in the corpus, the display name included, sorted.
    pub aliases: Vec<String>,
    /// A role the text states ("Foreign Minister"), with its sentence.
    pub role: Option<Attribute>,
    /// An affiliation the text states (a country or organization), with its sentence.
    pub affiliation: Option<Attribute>,
    /// The articles that mention the actor, sorted.
    pub articles: Vec<ArticleId>,
    /// Number of mentions across the corpus.
    pub mention_count: u32,
    /// True when a user correction hid the actor; hidden actors keep their id but are not shown.
    pub hidden: bool,
}

/// How a mention names its actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionForm {
    /// By name ("France", "Mr Bazoum").
    Name,
    /// By demonym or adjective ("French", "Nigerien").
    Demonym,
}

/// One mention of an actor in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The actor mentioned.
    pub actor: ActorId,
    /// The article and sentence it stands in.
    pub at: SentenceRef,
    /// The name's bytes in the article body, without any title before it.
    pub span: Span,
    /// Name or demonym.
    pub form: MentionForm,
}
