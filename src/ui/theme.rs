//! Styles and symbols: the 16 ANSI colours (they follow the user's terminal theme), or none
//! under `NO_COLOR`, where focus and selection stay visible through bold, underline and reverse.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

use crate::model::ActorKind;

/// How the browser draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Use colours (false under `NO_COLOR`).
    pub color: bool,
    /// Use ASCII for borders and markers (`--ascii`, or a locale that is not UTF-8).
    pub ascii: bool,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            color: true,
            ascii: false,
        }
    }
}

impl Theme {
    /// The theme for this environment: `NO_COLOR` set (to anything) turns colour off; a locale
    /// that does not say UTF-8 turns ASCII on, as does `--ascii`.
    pub fn from_env(ascii: bool) -> Theme {
        Theme::from_vars(ascii, |k| std::env::var(k).ok())
    }

    /// [`Theme::from_env`] over any variable lookup, for tests.
    pub fn from_vars(ascii: bool, get: impl Fn(&str) -> Option<String>) -> Theme {
        let no_color = get("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme {
            color: !no_color,
            ascii: ascii || !locale_from(&get),
        }
    }

    fn fg(self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    /// Borders of a pane.
    pub fn border_set(self, focused: bool) -> border::Set<'static> {
        match (self.ascii, focused) {
            (true, true) => ASCII_FOCUSED,
            (true, false) => ASCII,
            (false, true) => border::THICK,
            (false, false) => border::PLAIN,
        }
    }

    /// Border style of a pane.
    pub fn border(self, focused: bool) -> Style {
        if focused {
            self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            self.fg(Color::DarkGray)
        }
    }

    /// Title of a pane: the focused one reversed, so focus shows without colour.
    pub fn title(self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    /// The selected row: reversed and bold in the focused pane, underlined elsewhere.
    pub fn selection(self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        }
    }

    /// Matched characters of a filter.
    pub fn matched(self) -> Style {
        self.fg(Color::Yellow)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// Secondary text (dates, counts).
    pub fn dim(self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new()
        }
    }

    /// An actor mention in the reader, by kind.
    pub fn kind(self, kind: ActorKind) -> Style {
        if !self.color {
            return Style::new().add_modifier(Modifier::UNDERLINED);
        }
        Style::new().fg(match kind {
            ActorKind::Person => Color::Cyan,
            ActorKind::Country => Color::Yellow,
            ActorKind::Organization => Color::Green,
            ActorKind::Place => Color::Magenta,
        })
    }

    /// A time expression in the reader.
    pub fn time(self) -> Style {
        if self.color {
            Style::new().fg(Color::LightBlue)
        } else {
            Style::new().add_modifier(Modifier::ITALIC)
        }
    }

    /// The current sentence in the reader.
    pub fn current_sentence(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// The marked mention (n / N) and search hits.
    pub fn cursor(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// The marker in the gutter beside the current sentence.
    pub fn gutter(self) -> &'static str {
        if self.ascii { ">" } else { "\u{258c}" }
    }

    /// The marker before an actor's name.
    pub fn marker(self, kind: ActorKind) -> &'static str {
        match (self.ascii, kind) {
            (false, ActorKind::Person) => "\u{25cf}",
            (false, ActorKind::Country) => "\u{25c6}",
            (false, ActorKind::Organization) => "\u{25a0}",
            (false, ActorKind::Place) => "\u{25b2}",
            (true, ActorKind::Person) => "P",
            (true, ActorKind::Country) => "C",
            (true, ActorKind::Organization) => "O",
            (true, ActorKind::Place) => "L",
        }
    }

    /// The separator between lens items.
    pub fn chevron(self) -> &'static str {
        if self.ascii { " > " } else { " \u{203a} " }
    }

    /// The "times" sign in "×3".
    pub fn times_sign(self) -> &'static str {
        if self.ascii { "x" } else { "\u{d7}" }
    }

    /// The marker of an article row on the timeline (its publication).
    pub fn article_sign(self) -> &'static str {
        if self.ascii { ">" } else { "\u{25b8}" }
    }
}

const ASCII: border::Set<'static> = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

const ASCII_FOCUSED: border::Set<'static> = border::Set {
    top_left: "#",
    top_right: "#",
    bottom_left: "#",
    bottom_right: "#",
    vertical_left: "#",
    vertical_right: "#",
    horizontal_top: "=",
    horizontal_bottom: "=",
};

/// True when the locale (`LC_ALL`, else `LC_CTYPE`, else `LANG`) names UTF-8. No locale at all
/// is taken as UTF-8: that is what a bare SSH session with a modern terminal usually means.
pub fn locale_is_utf8() -> bool {
    locale_from(|k| std::env::var(k).ok())
}

/// [`locale_is_utf8`] over any variable lookup, for tests.
pub fn locale_from(get: impl Fn(&str) -> Option<String>) -> bool {
    for key in ["LC_ALL", "LC_CTYPE", "LANG"] {
        if let Some(v) = get(key).filter(|v| !v.is_empty()) {
            let v = v.to_ascii_lowercase();
            return v.contains("utf-8") || v.contains("utf8");
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_decides_ascii() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(key, _)| *key == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert!(locale_from(env(&[("LANG", "en_US.UTF-8")])));
        assert!(!locale_from(env(&[("LANG", "C")])));
        assert!(!locale_from(env(&[
            ("LC_ALL", "POSIX"),
            ("LANG", "en_US.UTF-8")
        ])));
        assert!(locale_from(env(&[
            ("LC_CTYPE", "de_DE.utf8"),
            ("LANG", "C")
        ])));
        assert!(locale_from(env(&[])));
    }

    #[test]
    fn no_color_and_ascii_flag() {
        let get = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(key, _)| *key == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        let t = Theme::from_vars(false, get(&[("NO_COLOR", "1"), ("LANG", "en_GB.UTF-8")]));
        assert_eq!(
            t,
            Theme {
                color: false,
                ascii: false
            }
        );
        let t = Theme::from_vars(false, get(&[("NO_COLOR", ""), ("LANG", "C")]));
        assert_eq!(
            t,
            Theme {
                color: true,
                ascii: true
            }
        );
        let t = Theme::from_vars(true, get(&[("LANG", "C.UTF-8")]));
        assert!(t.ascii);
    }
}
