//! The interactive browser, Elm-style: [`App`] holds all state, [`Action`]s change it through
//! [`App::update`] (pure, tested without a terminal), and [`view::draw`] draws it. Keys become
//! actions through one table in [`keymap`], which also generates the help screen.

pub mod action;
pub mod app;
pub mod correct;
pub mod fixture;
pub mod fuzzy;
pub mod keymap;
pub mod layout;
pub mod lens;
pub mod names;
pub mod reader;
pub mod scale;
pub mod svg;
pub mod theme;
pub mod timeline_text;
pub mod view;

pub use action::{Action, Pane};
pub use app::App;
