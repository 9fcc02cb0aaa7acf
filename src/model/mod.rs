//! The domain model: what a loaded corpus is, free of any terminal or file concerns.
//!
//! Every record that extraction produces points back to the text it came from through an
//! [`ArticleId`], a sentence index and a byte [`Span`] into that article's body.

mod actor;
mod article;
mod corpus;
pub mod date_format;
mod ids;
mod source;
mod span;
mod time;

pub use actor::*;
pub use article::*;
pub use corpus::*;
pub use ids::*;
pub use source::*;
pub use span::*;
pub use time::*;
