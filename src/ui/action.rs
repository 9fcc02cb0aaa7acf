//! Everything the user can ask of the browser, as plain values: keys and mouse events become
//! [`Action`]s through the keymap, and [`crate::ui::App::update`] applies them.

/// The four panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    /// Timeline entries in date order.
    Timeline,
    /// Outlets, then cited sources.
    Sources,
    /// People, countries, organizations and places.
    Actors,
    /// The article text.
    Reader,
}

impl Pane {
    /// All panes, in Tab order.
    pub const ALL: [Pane; 4] = [Pane::Timeline, Pane::Sources, Pane::Actors, Pane::Reader];

    /// The pane's title.
    pub fn title(self) -> &'static str {
        match self {
            Pane::Timeline => "Timeline",
            Pane::Sources => "Sources",
            Pane::Actors => "Actors",
            Pane::Reader => "Reader",
        }
    }

    /// Position in Tab order (also the digit key minus one).
    pub fn number(self) -> usize {
        match self {
            Pane::Timeline => 0,
            Pane::Sources => 1,
            Pane::Actors => 2,
            Pane::Reader => 3,
        }
    }
}

/// One thing the user asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Leave the browser.
    Quit,
    /// Show or hide the help screen.
    ToggleHelp,
    /// Focus the next pane.
    FocusNext,
    /// Focus the previous pane.
    FocusPrev,
    /// Focus a given pane.
    Focus(Pane),
    /// Move the selection (or the text) up one line.
    Up,
    /// Move the selection (or the text) down one line.
    Down,
    /// Go to the top.
    Top,
    /// Go to the bottom.
    Bottom,
    /// Up by a page.
    PageUp,
    /// Down by a page.
    PageDown,
    /// Open or cross-reference the selection.
    Enter,
    /// Take the last choice off the lens.
    PopLens,
    /// Drop the filter, the search or, when none is active, the lens.
    Escape,
    /// Go back to where you were.
    HistoryBack,
    /// Go forward again.
    HistoryForward,
    /// Start filtering the focused list, or searching the article in the reader.
    StartFilter,
    /// Open the finder over all actors.
    OpenFinder,
    /// Type a character into the active prompt.
    Input(char),
    /// Delete the last character of the active prompt.
    DeleteChar,
    /// Accept the active prompt (Enter).
    Submit,
    /// Abandon the active prompt (Esc).
    Cancel,
    /// Reader: next sentence.
    NextSentence,
    /// Reader: previous sentence.
    PrevSentence,
    /// Reader: the next article (in date order, among those the lens keeps).
    NextArticle,
    /// Reader: the previous article.
    PrevArticle,
    /// Next search match, or next mention of a lens actor.
    NextMatch,
    /// Previous search match, or previous mention of a lens actor.
    PrevMatch,
    /// Show the detail of the selected actor or source.
    ShowDetail,
    /// Copy the selected quote or sentence, with its citation, to the clipboard.
    Copy,
    /// The terminal changed size.
    Resize(u16, u16),
    /// Mouse click at a column and row (only with `--mouse`).
    Click(u16, u16),
    /// Mouse wheel up (only with `--mouse`).
    ScrollUp,
    /// Mouse wheel down (only with `--mouse`).
    ScrollDown,
    /// Merge the selected actor into another, chosen with the finder.
    MergeActor,
    /// Rename the selected actor.
    RenameActor,
    /// Hide the selected actor everywhere.
    HideActor,
    /// Take back the last correction.
    UndoCorrection,
}
