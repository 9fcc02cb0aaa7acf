//! The one table from (key, context) to [`Action`]. The help screen is generated from it, so the
//! two cannot drift apart.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, Pane};

/// Where a binding applies. Contexts are tried from the most specific to [`Context::Global`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// Everywhere, unless a prompt takes the key.
    Global,
    /// On any of the three lists.
    Lists,
    /// On the timeline.
    Timeline,
    /// On the actors list.
    Actors,
    /// In the reader.
    Reader,
    /// While typing into a prompt (filter, search, finder).
    Prompt,
    /// In the finder.
    Finder,
    /// On the help screen or a detail view.
    Overlay,
}

impl Context {
    /// The heading the help screen gives this context.
    pub fn heading(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::Lists => "Lists",
            Context::Timeline => "Timeline",
            Context::Actors => "Actors",
            Context::Reader => "Reader",
            Context::Prompt => "Typing a filter, search or finder query",
            Context::Finder => "Finder",
            Context::Overlay => "Help and detail views",
        }
    }
}

/// A key with its modifiers, as the table spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Control and Alt (Shift is folded into the character).
    pub mods: KeyModifiers,
}

const fn plain(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}
const fn ch(c: char) -> Key {
    plain(KeyCode::Char(c))
}
const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}
const fn alt(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::ALT,
    }
}

impl Key {
    /// The key from a terminal event: Shift is dropped (it is already in the character, and
    /// terminals disagree on reporting it), so is any modifier other than Control and Alt.
    pub fn from_event(event: KeyEvent) -> Key {
        let mods = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        Key {
            code: event.code,
            mods,
        }
    }

    /// How the help screen writes the key.
    pub fn label(self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Up => "Up".into(),
            KeyCode::Down => "Down".into(),
            KeyCode::Left => "Left".into(),
            KeyCode::Right => "Right".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            other => format!("{other:?}"),
        };
        let mut label = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            label.push_str("Ctrl-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            label.push_str("Alt-");
        }
        label.push_str(&base);
        label
    }
}

/// One row of the table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// Where it applies.
    pub context: Context,
    /// The keys that trigger it.
    pub keys: &'static [Key],
    /// What they do.
    pub action: Action,
    /// One line for the help screen.
    pub help: &'static str,
}

const fn bind(
    context: Context,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
) -> Binding {
    Binding {
        context,
        keys,
        action,
        help,
    }
}

use Context::*;
use KeyCode::*;

/// The keymap. Order matters only within a context (the first match wins).
///
/// History forward: terminals send Ctrl-i as the same byte as Tab, and Tab moves between panes,
/// so forward is Alt-Right (or `>`); Ctrl-i still works where the terminal tells them apart.
pub const BINDINGS: &[Binding] = &[
    bind(Global, &[ctrl('c')], Action::Quit, "quit (always)"),
    bind(Global, &[ch('q')], Action::Quit, "quit"),
    bind(Global, &[ch('?'), plain(F(1))], Action::ToggleHelp, "help"),
    bind(Global, &[plain(Tab)], Action::FocusNext, "next pane"),
    bind(
        Global,
        &[plain(BackTab)],
        Action::FocusPrev,
        "previous pane",
    ),
    bind(
        Global,
        &[ch('1')],
        Action::Focus(Pane::Timeline),
        "timeline pane",
    ),
    bind(
        Global,
        &[ch('2')],
        Action::Focus(Pane::Sources),
        "sources pane",
    ),
    bind(
        Global,
        &[ch('3')],
        Action::Focus(Pane::Actors),
        "actors pane",
    ),
    bind(
        Global,
        &[ch('4')],
        Action::Focus(Pane::Reader),
        "reader pane",
    ),
    bind(Global, &[ch('k'), plain(Up)], Action::Up, "up"),
    bind(Global, &[ch('j'), plain(Down)], Action::Down, "down"),
    bind(Global, &[ch('g'), plain(Home)], Action::Top, "top"),
    bind(Global, &[ch('G'), plain(End)], Action::Bottom, "bottom"),
    bind(
        Global,
        &[plain(PageUp), ctrl('u')],
        Action::PageUp,
        "page up",
    ),
    bind(
        Global,
        &[plain(PageDown), ctrl('d')],
        Action::PageDown,
        "page down",
    ),
    bind(
        Global,
        &[ch('f'), ctrl('p')],
        Action::OpenFinder,
        "find an actor (@ people, # countries)",
    ),
    bind(
        Global,
        &[plain(Backspace)],
        Action::PopLens,
        "take the last choice off the lens",
    ),
    bind(
        Global,
        &[plain(Esc)],
        Action::Escape,
        "drop the filter, else clear the lens",
    ),
    bind(
        Global,
        &[ctrl('o'), alt(Left), ch('<')],
        Action::HistoryBack,
        "back",
    ),
    bind(
        Global,
        &[alt(Right), ch('>'), ctrl('i')],
        Action::HistoryForward,
        "forward (Ctrl-i is Tab in most terminals)",
    ),
    bind(Global, &[ch('/')], Action::StartFilter, "filter / search"),
    bind(
        Global,
        &[ch('y')],
        Action::Copy,
        "copy quote or sentence with citation",
    ),
    bind(
        Lists,
        &[plain(Enter)],
        Action::Enter,
        "put in the lens (timeline: open the reader)",
    ),
    bind(
        Lists,
        &[ch('i')],
        Action::ShowDetail,
        "details of the actor or source",
    ),
    bind(
        Actors,
        &[ch('m')],
        Action::MergeActor,
        "merge into another actor, chosen with the finder",
    ),
    bind(Actors, &[ch('r')], Action::RenameActor, "rename"),
    bind(Actors, &[ch('x')], Action::HideActor, "hide everywhere"),
    bind(
        Global,
        &[ch('u')],
        Action::UndoCorrection,
        "undo the last correction to the actors",
    ),
    bind(Reader, &[ch(']')], Action::NextSentence, "next sentence"),
    bind(
        Reader,
        &[ch('[')],
        Action::PrevSentence,
        "previous sentence",
    ),
    bind(
        Reader,
        &[ch('}')],
        Action::NextArticle,
        "next article (under the lens)",
    ),
    bind(Reader, &[ch('{')], Action::PrevArticle, "previous article"),
    bind(
        Reader,
        &[ch('n')],
        Action::NextMatch,
        "next search match, else next lens mention",
    ),
    bind(
        Reader,
        &[ch('N')],
        Action::PrevMatch,
        "previous match / mention",
    ),
    bind(
        Reader,
        &[plain(Enter)],
        Action::Enter,
        "put the marked mention in the lens",
    ),
    bind(
        Reader,
        &[ch('i')],
        Action::ShowDetail,
        "details of the marked actor",
    ),
    bind(Prompt, &[plain(Enter)], Action::Submit, "keep / choose"),
    bind(Prompt, &[plain(Esc)], Action::Cancel, "drop / close"),
    bind(
        Prompt,
        &[plain(Backspace)],
        Action::DeleteChar,
        "delete a character",
    ),
    bind(Prompt, &[ctrl('c')], Action::Quit, "quit"),
    bind(
        Finder,
        &[plain(Up), ctrl('p'), ctrl('k')],
        Action::Up,
        "previous match",
    ),
    bind(
        Finder,
        &[plain(Down), ctrl('n'), ctrl('j')],
        Action::Down,
        "next match",
    ),
    bind(Overlay, &[plain(Esc), ch('q')], Action::Cancel, "close"),
    bind(Overlay, &[ch('k'), plain(Up)], Action::Up, "scroll up"),
    bind(
        Overlay,
        &[ch('j'), plain(Down)],
        Action::Down,
        "scroll down",
    ),
    bind(Overlay, &[ch('?'), plain(F(1))], Action::ToggleHelp, "help"),
    bind(Overlay, &[ctrl('c')], Action::Quit, "quit"),
];

/// The action for `key` given the active contexts, most specific first. In a prompt, a
/// printable character that no prompt binding takes is typed into it.
pub fn resolve(key: Key, contexts: &[Context]) -> Option<Action> {
    for context in contexts {
        if let Some(b) = BINDINGS
            .iter()
            .find(|b| b.context == *context && b.keys.contains(&key))
        {
            return Some(b.action);
        }
        if *context == Context::Prompt
            && let KeyCode::Char(c) = key.code
            && !key.mods.contains(KeyModifiers::CONTROL)
        {
            return Some(Action::Input(c));
        }
    }
    None
}

/// The help screen: one section per context, one line per binding.
pub fn help_lines() -> Vec<(String, String)> {
    let order = [
        Global, Lists, Actors, Timeline, Reader, Prompt, Finder, Overlay,
    ];
    let mut lines = Vec::new();
    for context in order {
        let rows: Vec<&Binding> = BINDINGS.iter().filter(|b| b.context == context).collect();
        if rows.is_empty() {
            continue;
        }
        lines.push((context.heading().to_string(), String::new()));
        for b in rows {
            let keys: Vec<String> = b.keys.iter().map(|k| k.label()).collect();
            lines.push((keys.join(" "), b.help.to_string()));
        }
        lines.push((String::new(), String::new()));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_resolves_by_context() {
        let cases: &[(Key, &[Context], Option<Action>)] = &[
            (ch('q'), &[Lists, Global], Some(Action::Quit)),
            (ch('q'), &[Prompt], Some(Action::Input('q'))),
            (ctrl('c'), &[Prompt], Some(Action::Quit)),
            (plain(Enter), &[Prompt, Lists, Global], Some(Action::Submit)),
            (plain(Enter), &[Lists, Global], Some(Action::Enter)),
            (ch(']'), &[Reader, Global], Some(Action::NextSentence)),
            (ch(']'), &[Lists, Global], None),
            (ctrl('o'), &[Global], Some(Action::HistoryBack)),
            (alt(Right), &[Global], Some(Action::HistoryForward)),
            (plain(Tab), &[Global], Some(Action::FocusNext)),
            (plain(Esc), &[Overlay], Some(Action::Cancel)),
            (ch('G'), &[Global], Some(Action::Bottom)),
        ];
        for (key, contexts, want) in cases {
            assert_eq!(resolve(*key, contexts), *want, "{key:?} in {contexts:?}");
        }
    }

    #[test]
    fn shift_is_folded_into_the_character() {
        let ev = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(ev), ch('G'));
    }

    #[test]
    fn help_lists_every_binding() {
        let help = help_lines();
        for b in BINDINGS {
            assert!(help.iter().any(|(_, h)| h == b.help), "{}", b.help);
        }
    }
}
