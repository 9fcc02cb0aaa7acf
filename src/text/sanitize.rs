//! Making untrusted article text safe to draw in a terminal. Applied once, at load.
//!
//! STUB: the text helper replaces this with the full rules (tabs expanded, controls shown in
//! caret notation like `less`, bidi overrides dropped).

/// Returns `s` with nothing that a terminal would act on.
pub fn sanitize(s: &str) -> String {
    s.chars()
        .filter(|c| *c == '\n' || !c.is_control())
        .collect()
}
