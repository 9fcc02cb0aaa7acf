//! Extraction: one module per kind of knowledge. Each is a pure function from text (and, where
//! it must look across articles, the corpus) to records with byte spans into the text.

pub mod actors;
pub mod events;
pub mod gazetteer;
pub mod passages;
pub mod quotes;
pub mod sources;
pub mod times;
