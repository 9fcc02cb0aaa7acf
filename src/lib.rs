//! dossier: a terminal browser for a folder of news articles about one story.
//!
//! The crate is layered so that each layer knows only the ones below it:
//! - [`model`]: the in-memory corpus (articles, actors, events, quotes, sources) with typed ids
//!   and indexes; built once, then read-only.
//! - [`text`]: text utilities shared by loading and extraction (cleaning, sanitising for the
//!   terminal, paragraphs, sentences, character offsets).
//! - [`load`]: turns files (plain text, Markdown, JSON / JSON Lines, HTML) into articles and
//!   reports what it skipped and why.
//! - [`extract`]: one module per kind of knowledge; pure functions from text to records with
//!   byte spans.
//! - [`pipeline`]: runs the extractors over loaded articles and builds the [`model::Corpus`].
//! - [`ui`]: the interactive browser (state, actions, keymap, view), terminal-free.
//! - [`term`]: the terminal guard and event loop that run the browser.
//! - [`corrections`]: the user's corrections to the actors, kept in a file beside the corpus.
//! - [`synth`]: synthetic corpora for benchmarks and scale tests.
//! - [`cache`]: the analysed corpus kept beside the corpus, so that reopening is instant.
//! - [`stats`]: where load time goes, for `dossier check --stats`.
//! - [`progress`]: the step opening a corpus is in, shown on a line while it takes long.
//! - [`memory`]: gives memory freed by a finished stage back to the system.
//! - [`cli`]: the command line.

// Module overviews name the private modules that do each step, for the next engineer: they
// are rendered by `cargo doc --document-private-items`, and the public pages leave them out.
#![allow(rustdoc::private_intra_doc_links)]

pub mod cache;
pub mod cli;
pub mod corrections;
pub mod extract;
pub mod load;
pub mod memory;
pub mod model;
pub mod pipeline;
pub mod progress;
pub mod sample;
pub mod stats;
pub mod synth;
pub mod term;
pub mod text;
pub mod ui;
