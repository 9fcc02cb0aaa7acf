//! One candidate mention, kept compact: at scale millions of them wait, all at once, for the
//! corpus-wide resolution (1.66 million at 20,000 articles), so every byte of the record counts
//! roughly 1.7 MB there and 8 MB at 100,000 articles. Offsets are `u32` ([`Span`]) rather than
//! `usize`, the name and the role are ranges of the article body rather than copies, the
//! gazetteer targets hold `u32` indexes, and the optional fields keep a zero free so that
//! `None` costs no extra tag: 40 bytes instead of 112.

use std::num::NonZeroU32;

use super::gazetteer_match::GazTarget;
use crate::model::Span;

/// What a candidate mention is, as far as one article can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// A gazetteer entry.
    Gaz(GazTarget),
    /// An organization found by pattern.
    Org,
    /// A place found by pattern.
    Place,
    /// A person; `strong` when the evidence suffices for a single word.
    Person {
        /// Evidence beyond a speech verb.
        strong: bool,
    },
    /// A capitalised name without evidence; the corpus may know it.
    Unknown,
}

/// One candidate mention in one article. Its text is the article body's bytes of `span`.
#[derive(Debug, Clone, Copy)]
pub struct Candidate {
    /// Where the name stands in the body (titles left out).
    pub span: Span,
    /// Where a role stated beside it is written.
    pub role: Option<RoleRange>,
    /// What it is.
    pub class: Class,
    /// The affiliation stated with the role.
    pub affiliation: Option<GazTarget>,
    /// For "X, who also goes by Y": on Y, one more than the index of X among the article's
    /// candidates (one more, so that zero stays free for `None`); see
    /// [`Candidate::other_name_of`].
    other_name: Option<NonZeroU32>,
    /// True for a demonym.
    pub demonym: bool,
    /// The name opens its sentence (where capitals prove nothing).
    pub opens_sentence: bool,
}

impl Candidate {
    /// A candidate at `span` with no role, affiliation or other name.
    pub fn new(span: Span, class: Class) -> Candidate {
        Candidate {
            span,
            role: None,
            class,
            affiliation: None,
            other_name: None,
            demonym: false,
            opens_sentence: false,
        }
    }

    /// First byte of the name.
    pub fn start(&self) -> usize {
        self.span.start as usize
    }

    /// One past the name's last byte.
    pub fn end(&self) -> usize {
        self.span.end as usize
    }

    /// The name as written in `body` (the body it was found in); empty when the span does not
    /// fit `body`, which only another body could cause.
    pub fn text<'a>(&self, body: &'a str) -> &'a str {
        body.get(self.span.range()).unwrap_or("")
    }

    /// The role as written in `body`, if one was stated.
    pub fn role<'a>(&self, body: &'a str) -> Option<&'a str> {
        self.role.and_then(|r| body.get(r.range()))
    }

    /// For "X, who also goes by Y": on Y, the index of X among the article's candidates.
    pub fn other_name_of(&self) -> Option<usize> {
        self.other_name.map(|n| n.get() as usize - 1)
    }

    /// Sets [`Candidate::other_name_of`]; an index past `u32::MAX - 1` (an article has fewer
    /// candidates than bytes, and its bytes fit `u32`) is dropped rather than wrapped.
    pub fn set_other_name_of(&mut self, index: Option<usize>) {
        self.other_name = index
            .and_then(|i| u32::try_from(i).ok())
            .and_then(|i| i.checked_add(1))
            .and_then(NonZeroU32::new);
    }
}

/// Where a role is written: a range that is never empty (a role phrase has a word at least),
/// so its end is never zero and `Option<RoleRange>` needs no tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoleRange {
    start: u32,
    end: NonZeroU32,
}

impl RoleRange {
    /// The role at `span`; `None` for an empty span.
    pub fn new(span: Span) -> Option<RoleRange> {
        if span.start >= span.end {
            return None;
        }
        Some(RoleRange {
            start: span.start,
            end: NonZeroU32::new(span.end)?,
        })
    }

    /// The range as `usize` offsets, for slicing.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end.get() as usize
    }
}

/// True when every byte offset of a text of `len` bytes fits the `u32` of a [`Span`]. The loader
/// caps bodies at 16 MiB; a longer text given directly is skipped rather than cut or wrapped.
pub fn offsets_fit(len: usize) -> bool {
    u32::try_from(len).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_candidate_stays_small() {
        // The point of the module: a regression here costs hundreds of megabytes at scale.
        assert!(std::mem::size_of::<Candidate>() <= 40);
        assert_eq!(std::mem::size_of::<Option<RoleRange>>(), 8);
        assert_eq!(std::mem::size_of::<Option<GazTarget>>(), 8);
    }

    #[test]
    fn spans_round_trip_at_the_limits() {
        let top = u32::MAX as usize;
        let c = Candidate::new(Span::new(top - 3, top), Class::Unknown);
        assert_eq!((c.start(), c.end()), (top - 3, top));
        let c = Candidate::new(Span::new(0, 0), Class::Org);
        assert_eq!((c.start(), c.end()), (0, 0));
        assert!(offsets_fit(top));
        assert!(!offsets_fit(top + 1));
    }

    #[test]
    fn other_names_and_roles_round_trip_at_the_limits() {
        let mut c = Candidate::new(Span::new(0, 1), Class::Unknown);
        assert_eq!(c.other_name_of(), None);
        for i in [0, 1, u32::MAX as usize - 1] {
            c.set_other_name_of(Some(i));
            assert_eq!(c.other_name_of(), Some(i));
        }
        // Too large to keep: dropped, never wrapped to another candidate.
        c.set_other_name_of(Some(u32::MAX as usize));
        assert_eq!(c.other_name_of(), None);
        c.set_other_name_of(Some(usize::MAX));
        assert_eq!(c.other_name_of(), None);
        let top = u32::MAX;
        let r = RoleRange::new(Span {
            start: top - 1,
            end: top,
        });
        assert_eq!(
            r.map(RoleRange::range),
            Some(top as usize - 1..top as usize)
        );
        assert_eq!(RoleRange::new(Span::new(5, 5)), None);
        assert_eq!(RoleRange::new(Span::new(6, 5)), None);
    }

    #[test]
    fn text_and_role_are_read_from_the_body_and_never_panic() {
        let body = "Foreign Minister Amina Wekesa flew.";
        let mut c = Candidate::new(Span::new(17, 29), Class::Person { strong: true });
        c.role = RoleRange::new(Span::new(0, 16));
        assert_eq!(c.text(body), "Amina Wekesa");
        assert_eq!(c.role(body), Some("Foreign Minister"));
        // Another, shorter body, or a span inside a character: empty, no panic.
        assert_eq!(c.text("short"), "");
        assert_eq!(c.role("é"), None);
        let inside = Candidate::new(Span::new(1, 2), Class::Unknown);
        assert_eq!(inside.text("é"), "");
    }
}
