//! Discovering people from evidence, never from a list of people: a title or role before the
//! name, a speech verb after it, an apposition with a person noun, "who" after it, a stated
//! other name ("who also goes by …"), or a common given name opening a pair of names.

use super::context::Ctx;
use super::lexicon::{List, Lower};
use super::patterns::Run;
use super::roles::{RoleBefore, apposition_after, role_before};
use crate::model::Span;

/// What the text says about a name that may be a person's.
#[derive(Debug, Clone, Default)]
pub struct PersonEvidence {
    /// Strong evidence that the name is a person's, enough on its own even for one word.
    pub strong: bool,
    /// Weaker evidence (a speech verb after a single word); enough for a name of two words.
    pub weak: bool,
    /// The role phrase before the name, with its affiliation.
    pub before: RoleBefore,
    /// Where the apposition after the name is written, when a person noun heads it.
    pub apposition: Option<Span>,
    /// The name follows "goes by", "known as" or "aka": another name of a person before it.
    pub other_name: bool,
}

/// Verbs of speech that institutions rarely take as subject in news ("announced",
/// "confirmed" and "denied" are as often a company's or a ministry's).
fn is_personal_speech(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "says"
            | "told"
            | "tells"
            | "tweeted"
            | "added"
            | "wrote"
            | "explained"
            | "replied"
            | "insisted"
            | "recalled"
            | "commented"
            | "stressed"
            | "noted"
            | "argued"
    )
}

/// Gathers the evidence for the name `run` (titles already stripped from it).
pub fn evidence(ctx: &Ctx, run: Run) -> PersonEvidence {
    let before = role_before(ctx, run.first);
    let apposition = apposition_after(ctx, run.last + 1);
    let next = ctx.word(run.last + 1);
    let after_comma = ctx.word(run.last + 2);
    let speech = is_personal_speech(next)
        || (ctx.is_word(run.last + 1)
            && matches!(next, "has" | "had" | "also" | "then" | "later")
            && is_personal_speech(after_comma));
    let who = next == "," && after_comma == "who";
    let other_name = run.first >= 2 && {
        let a = Lower::of(ctx.word(run.first - 2));
        let b = Lower::of(ctx.word(run.first - 1));
        let (a, b) = (a.as_str(), b.as_str());
        matches!(
            (a, b),
            ("goes", "by") | ("known", "as") | ("also", "aka") | (_, "a.k.a.")
        ) || b == "aka"
    };
    let given = run.len() >= 2 && ctx.in_list(run.first, List::GivenNames);
    let shape_ok = run.len() <= 4
        && (run.first..=run.last).all(|i| {
            let w = ctx.word(i);
            !w.chars().any(|c| c.is_ascii_digit())
        });
    PersonEvidence {
        strong: shape_ok && (before.marks_person || who || apposition.is_some() || other_name),
        weak: shape_ok && (speech || given),
        before,
        apposition,
        other_name,
    }
}
