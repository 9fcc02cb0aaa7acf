//! Making untrusted article text safe to draw in a terminal. Applied once, at load.
//!
//! A terminal acts on control characters: ESC starts sequences that can clear the screen, move
//! the cursor, set the clipboard (OSC 52) or retitle the window; C1 controls such as U+009B (CSI)
//! do the same in one character on terminals that honour them; bidi overrides make text display
//! in a different order from the one it is stored in ("Trojan Source"). ratatui drops a lone
//! ESC but leaves the rest of a sequence behind, and `Cell::set_symbol` filters nothing, so
//! the text is made inert here, once, and every later layer can trust it.
//!
//! The rules, close to what `less` shows:
//! - `\n` is kept. `\r\n` and a lone `\r` become `\n` (a lone `\r` would move the cursor back to
//!   the start of the line and let later text overwrite earlier text). U+0085 (NEXT LINE),
//!   U+2028 and U+2029 (line and paragraph separators) also become `\n`.
//! - A tab becomes spaces up to the next multiple of [`TAB_WIDTH`] columns, a column being one
//!   character counted from the last line break.
//! - Every other C0 control and DEL is shown in caret notation: `^[` for ESC, `^G` for BEL,
//!   `^@` for NUL, `^?` for DEL.
//! - C1 controls (U+0080–U+009F) are shown as their hex code in angle brackets: `<9B>`.
//! - The nine bidi embedding, override and isolate characters (U+202A–U+202E, U+2066–U+2069)
//!   are dropped. The implicit marks LRM, RLM and ALM (U+200E, U+200F, U+061C) are kept: they
//!   cannot reorder a run of text, only nudge neutral characters next to them, and right-to-left
//!   text (Arabic, Hebrew names in a quote) legitimately needs them.

/// Tab stops are every this many columns, as in `less` and most terminals.
pub const TAB_WIDTH: usize = 8;

/// Returns `s` with nothing that a terminal would act on (see the module documentation).
///
/// Runs of ordinary characters are copied whole. The scan is by byte: every character a rule
/// applies to is ASCII or starts with byte 0xC2 (U+0080–U+00BF, the C1 controls) or 0xE2
/// (U+2000–U+2FFF, the separators and bidi controls); neither byte occurs inside a multi-byte
/// character, so `at` is a character boundary whenever a character is looked at.
pub fn sanitize(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    // Columns matter only for tab stops; counting them costs a second look at each run.
    let track_columns = bytes.contains(&b'\t');
    let mut column = 0usize;
    let mut run_start = 0usize;
    let mut at = 0usize;
    while let Some(&byte) = bytes.get(at) {
        let special = match byte {
            0x20..=0x7E => None,
            0x00..=0x1F | 0x7F => Some(char::from(byte)),
            0xC2 | 0xE2 => s
                .get(at..)
                .and_then(|rest| rest.chars().next())
                .filter(|&c| !is_ordinary(c)),
            _ => None,
        };
        let Some(c) = special else {
            at += 1;
            continue;
        };
        let run = s.get(run_start..at).unwrap_or("");
        out.push_str(run);
        if track_columns {
            column += run.chars().count();
        }
        at += c.len_utf8();
        match c {
            '\r' => {
                if bytes.get(at) == Some(&b'\n') {
                    at += 1;
                }
                out.push('\n');
                column = 0;
            }
            '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                out.push('\n');
                column = 0;
            }
            '\t' => {
                let spaces = TAB_WIDTH - column % TAB_WIDTH;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
            }
            c if is_bidi_control(c) => {}
            c => column += push_visible(c, &mut out),
        }
        run_start = at;
    }
    out.push_str(s.get(run_start..).unwrap_or(""));
    out
}

/// True for a character that passes through unchanged: no control, line or paragraph
/// separator, or bidi control.
fn is_ordinary(c: char) -> bool {
    if c.is_ascii() {
        return c >= ' ' && c != '\u{7F}';
    }
    !(c.is_control() || is_bidi_control(c) || matches!(c, '\u{2028}' | '\u{2029}'))
}

/// True for the bidi embedding, override and isolate characters, which reorder how the text
/// after them is displayed (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Appends a visible stand-in for the control character `c` and returns how many characters it
/// took. C0 controls and DEL use caret notation (`^[`, `^?`), C1 controls their hex code
/// (`<9B>`); any other character is appended as it is.
pub fn push_visible(c: char, out: &mut String) -> usize {
    let code = u32::from(c);
    match code {
        0x00..=0x1F => {
            out.push('^');
            // 0x40 + a code below 0x20 is an ASCII letter or one of `@[\]^_`.
            out.push(char::from(b'@' + code as u8));
            2
        }
        0x7F => {
            out.push_str("^?");
            2
        }
        0x80..=0x9F => {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push('<');
            // Both indexes are masked to 0..16, the table's length.
            out.push(char::from(HEX[(code >> 4) as usize & 0xF]));
            out.push(char::from(HEX[code as usize & 0xF]));
            out.push('>');
            4
        }
        _ => {
            out.push(c);
            1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_shown_not_acted_on() {
        assert_eq!(sanitize("a\x1b[2Jb"), "a^[[2Jb");
        assert_eq!(
            sanitize("\x1b]52;c;ZXZpbA==\x07rest"),
            "^[]52;c;ZXZpbA==^Grest"
        );
    }

    #[test]
    fn c1_controls_show_their_code() {
        assert_eq!(sanitize("x\u{9B}31mred"), "x<9B>31mred");
        assert_eq!(sanitize("\u{80}\u{9F}"), "<80><9F>");
    }

    #[test]
    fn nul_and_del_use_caret_notation() {
        assert_eq!(sanitize("a\0b\x7fc"), "a^@b^?c");
    }

    #[test]
    fn bidi_overrides_are_dropped_but_marks_kept() {
        assert_eq!(sanitize("abc\u{202E}fed\u{202C}"), "abcfed");
        assert_eq!(sanitize("\u{2066}x\u{2069}"), "x");
        assert_eq!(sanitize("a\u{200F}b"), "a\u{200F}b");
    }

    #[test]
    fn tabs_expand_to_the_next_stop_of_eight() {
        assert_eq!(sanitize("\tx"), "        x");
        assert_eq!(sanitize("abc\tx"), "abc     x");
        assert_eq!(sanitize("abcdefgh\tx"), "abcdefgh        x");
        assert_eq!(sanitize("ab\ncd\tx"), "ab\ncd      x");
    }

    #[test]
    fn carriage_returns_become_line_breaks() {
        assert_eq!(sanitize("a\r\nb\rc\n"), "a\nb\nc\n");
        assert_eq!(sanitize("a\u{2028}b\u{85}c"), "a\nb\nc");
    }

    #[test]
    fn ordinary_text_is_unchanged() {
        let text = "Niger’s president — “democracy will prevail”, 3 a.m. Ça va? 日本";
        assert_eq!(sanitize(text), text);
    }
}
