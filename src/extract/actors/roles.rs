//! Roles and affiliations stated next to a name: a title or role phrase before it ("Niger's
//! Foreign Minister Hassoumi Massoudou", "The UN secretary general, Antonio Guterres,") and
//! an apposition after it ("Djibo, a supporter of the coup,").

use super::context::Ctx;
use super::gazetteer_match::GazTarget;
use super::lexicon::{List, Lower};
use crate::model::Span;

/// What the words before a name say about it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RoleBefore {
    /// A title, honorific or role noun stands right before the name (or before a comma that
    /// opens the name's apposition): the name is a person's.
    pub marks_person: bool,
    /// Where the role is written, honorifics left out ("Foreign Minister", "secretary
    /// general"): a range of the text rather than a copy, as candidates keep it until the whole
    /// corpus is resolved.
    pub role: Option<Span>,
    /// The country or organization the role belongs to ("Niger's", "UN", "Nigerien").
    pub affiliation: Option<GazTarget>,
}

/// Words that end a role phrase when walking back from a name.
fn is_function_word(word: &str) -> bool {
    matches!(
        Lower::of(word).as_str(),
        "the"
            | "a"
            | "an"
            | "and"
            | "or"
            | "but"
            | "to"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "with"
            | "from"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "your"
            | "this"
            | "that"
            | "these"
            | "those"
            | "who"
            | "which"
            | "was"
            | "is"
            | "were"
            | "are"
            | "has"
            | "have"
            | "had"
            | "be"
            | "been"
            | "will"
            | "would"
            | "as"
            | "up"
            | "not"
            | "when"
            | "while"
            | "after"
            | "before"
            | "than"
            | "then"
    )
}

/// Reads the role phrase that ends right before token `name_start`.
pub fn role_before(ctx: &Ctx, name_start: usize) -> RoleBefore {
    let mut out = RoleBefore::default();
    let Some(mut j) = name_start.checked_sub(1) else {
        return out;
    };
    // `Mr.` / `Dr.`: skip the abbreviation's dot.
    if ctx.word(j) == "." && j > 0 && ctx.lists(j - 1).is_title() {
        j -= 1;
    }
    // An apposition: "The UN secretary general, Antonio Guterres".
    let mut apposition = false;
    if ctx.word(j) == "," && j > 0 {
        apposition = true;
        j -= 1;
    }
    let end = j;
    let mut first: Option<usize> = None;
    let mut has_head = false;
    let mut only_honorifics = true;
    let mut k = j as isize;
    let mut steps = 0;
    while k >= 0 && steps < 7 {
        let i = k as usize;
        if !ctx.is_word(i) || ctx.hit_at(i).is_some() {
            break;
        }
        let w = ctx.word(i);
        let lists = ctx.lists(i);
        let is_head = lists.is_title() || (apposition && lists.has(List::RelationNouns));
        let after_of = first.is_some_and(|f| ctx.word(f) == "of");
        let lower_content = w.chars().next().is_some_and(char::is_lowercase)
            && !is_function_word(w)
            && !lists.has(List::SpeechVerbs)
            && has_head
            && !after_of;
        let connector = w == "of" && first.is_some();
        if !(is_head || lists.is_role_word() || lower_content || connector) {
            break;
        }
        if is_head {
            has_head = true;
        }
        if !lists.has(List::Honorifics) {
            only_honorifics = false;
        }
        // The head must be the word nearest the name, or a modifier after it must qualify it
        // ("Secretary of State"): a phrase ending in a plain lowercase word is no role.
        if first.is_none() && !lists.is_role_word() && !is_head {
            break;
        }
        first = Some(i);
        k -= 1;
        steps += 1;
    }
    let Some(mut first) = first else {
        return out;
    };
    // A dangling "of" at the start belongs to nothing.
    while ctx.word(first) == "of" && first < end {
        first += 1;
    }
    if !has_head {
        return out;
    }
    // In an apposition the role phrase must be introduced by a determiner or a possessor,
    // otherwise "said Mr X, Y" would take Y for a role.
    let before = first.checked_sub(1);
    let possessor = before.and_then(|b| {
        if ctx.is_possessive(b) {
            b.checked_sub(1).and_then(|c| ctx.hit_at(c))
        } else {
            ctx.hit_at(b)
        }
    });
    if apposition {
        let det = before.map(|b| Lower::of(ctx.word(b)));
        let introduced = possessor.is_some()
            || matches!(
                det.as_ref().map(Lower::as_str),
                Some("the" | "a" | "an" | "his" | "her" | "its" | "their")
            )
            || before.is_some_and(|b| ctx.is_possessive(b));
        if !introduced {
            return out;
        }
    }
    out.marks_person = true;
    if !only_honorifics {
        let from = (first..=end)
            .find(|&i| !ctx.in_list(i, List::Honorifics))
            .unwrap_or(first);
        let start = ctx.tokens.get(from).map_or(0, |t| t.start);
        let stop = ctx.tokens.get(end).map_or(0, |t| t.end);
        out.role = ctx
            .text
            .get(start..stop)
            .is_some()
            .then(|| Span::new(start, stop));
    }
    out.affiliation = possessor
        .map(|h| h.target)
        .filter(|t| matches!(t, GazTarget::Country(_) | GazTarget::Org(_)));
    out
}

/// Reads an apposition right after the name that ends before token `after`: ", a supporter
/// of the coup," gives where `supporter of the coup` is written when a person noun heads it.
pub fn apposition_after(ctx: &Ctx, after: usize) -> Option<Span> {
    if ctx.word(after) != "," {
        return None;
    }
    let det = Lower::of(ctx.word(after + 1));
    if !matches!(
        det.as_str(),
        "a" | "an" | "the" | "his" | "her" | "its" | "their"
    ) {
        return None;
    }
    let from = after + 2;
    let mut to = from;
    let mut person = false;
    while to < from + 6 && ctx.is_word(to) {
        let w = ctx.word(to);
        let lists = ctx.lists(to);
        if to > from && (w.ends_with("ing") || w == "who" || lists.has(List::SpeechVerbs)) {
            break;
        }
        if lists.has(List::OrgNouns) || lists.has(List::PlaceKeywords) {
            return None;
        }
        if lists.has(List::PersonNouns) || lists.is_title() {
            person = true;
        }
        to += 1;
    }
    if !person || to == from {
        return None;
    }
    let start = ctx.tokens.get(from)?.start;
    let end = ctx.tokens.get(to - 1)?.end;
    ctx.text
        .get(start..end)
        .is_some()
        .then(|| Span::new(start, end))
}
