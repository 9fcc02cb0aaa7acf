use serde::{Deserialize, Serialize};

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u32);

        impl $name {
            /// The id as an index into the corpus vector that holds its records.
            pub fn index(self) -> usize {
                self.0 as usize
            }

            /// The id of the record at `index`; corpora are far below `u32::MAX` records.
            pub fn from_index(index: usize) -> Self {
                Self(u32::try_from(index).unwrap_or(u32::MAX))
            }
        }
    };
}

typed_id!(
    /// An article: an index into [`crate::model::Corpus::articles`].
    ArticleId
);
typed_id!(
    /// An actor: an index into [`crate::model::Corpus::actors`].
    ActorId
);
typed_id!(
    /// A mention of an actor: an index into [`crate::model::Corpus::mentions`].
    MentionId
);
typed_id!(
    /// A time expression: an index into [`crate::model::Corpus::times`].
    TimeId
);
typed_id!(
    /// A dated event: an index into [`crate::model::Corpus::events`].
    EventId
);
typed_id!(
    /// A timeline entry (events from several articles about one happening): an index into
    /// [`crate::model::Corpus::entries`].
    EntryId
);
typed_id!(
    /// A direct quotation: an index into [`crate::model::Corpus::quotes`].
    QuoteId
);
typed_id!(
    /// A cited source: an index into [`crate::model::Corpus::sources`].
    SourceId
);

/// One sentence of one article: the unit every extracted fact links back to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SentenceRef {
    /// The article.
    pub article: ArticleId,
    /// Index into that article's [`crate::model::Article::sentences`].
    pub sentence: u32,
}
