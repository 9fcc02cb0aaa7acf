//! One article, read once: gazetteer hits (capitals decided by context), then the capitalised
//! names between them, each classified by pattern or by person evidence, or left unknown for
//! the corpus-wide resolution to decide.

use super::candidate::{Candidate, Class, RoleRange, offsets_fit};
use super::context::{Ctx, GazHit};
use super::gazetteer_match::{GazForm, GazIndex, GazMatch, GazTarget};
use super::lexicon::{Lexicon, List, Lower};
use super::patterns::{PatternKind, Run, acronym_after, capitalized_runs, classify, split_run};
use super::people::evidence;
use super::tokens::{Token, TokenKind, tokenize};
use crate::model::Span;

/// The candidates of one article and the acronyms it defines.
#[derive(Debug, Clone, Default)]
pub struct ArticleScan {
    /// Candidates in text order, without overlaps.
    pub candidates: Vec<Candidate>,
    /// `(where the acronym is written, candidate index of the long form)`.
    pub acronyms: Vec<(Span, u32)>,
}

/// Words after a capital that make it stand for its government ("Moscow has urged").
fn government_context(tokens: &[Token], text: &str, after: usize, lex: &Lexicon) -> bool {
    let word = |i: usize| tokens.get(i).map_or("", |t| t.text(text));
    let first = word(after);
    if tokens
        .get(after)
        .is_some_and(|t| t.kind == TokenKind::Possessive)
    {
        let noun = word(after + 1).to_lowercase();
        return !matches!(
            noun.as_str(),
            "streets"
                | "residents"
                | "mayor"
                | "airport"
                | "suburbs"
                | "outskirts"
                | "centre"
                | "center"
                | "population"
                | "people"
                | "neighbourhoods"
                | "neighborhoods"
                | "districts"
                | "markets"
                | "hospitals"
                | "citizens"
                | "inhabitants"
                | "university"
                | "main"
                | "old"
                | "city"
                | "largest"
                | "biggest"
                | "historic"
                | "international"
        );
    }
    if Lexicon::has(&lex.speech_verbs, first) {
        return true;
    }
    let second = word(after + 1);
    matches!(
        first,
        "has" | "have" | "had" | "will" | "would" | "also" | "is" | "was"
    ) && (Lexicon::has(&lex.speech_verbs, second)
        || matches!(
            second,
            "urged"
                | "condemned"
                | "called"
                | "demanded"
                | "rejected"
                | "accused"
                | "threatened"
                | "imposed"
                | "sanctioned"
                | "welcomed"
                | "backed"
                | "supported"
                | "sent"
                | "recalled"
                | "expelled"
                | "refused"
                | "insisted"
                | "vowed"
                | "pledged"
        ))
}

/// Decides what each gazetteer match stands for in its context.
fn decide_hits(text: &str, tokens: &[Token], matches: &[GazMatch]) -> Vec<GazHit> {
    let lex = Lexicon::get();
    matches
        .iter()
        .map(|m| {
            let target = match (m.entry.form, m.entry.capital_of) {
                (GazForm::Capital, Some(country)) => {
                    let after = tokens.partition_point(|t| t.start < m.end);
                    if government_context(tokens, text, after, lex) {
                        GazTarget::Country(country)
                    } else {
                        m.entry.target
                    }
                }
                _ => m.entry.target,
            };
            GazHit {
                start: m.start,
                end: m.end,
                target,
                demonym: m.entry.form == GazForm::Demonym,
            }
        })
        .collect()
}

/// Scans one article body. A body whose offsets do not fit a [`Span`] has no candidates.
pub fn scan_article(text: &str, index: &GazIndex) -> ArticleScan {
    if !offsets_fit(text.len()) {
        return ArticleScan::default();
    }
    // Every offset below is at most `text.len()`, which fits `u32`: `Span::new` never saturates.
    let tokens = tokenize(text);
    let hits = decide_hits(text, &tokens, &index.find(text));
    let ctx = Ctx::new(text, &tokens, hits);
    let mut scan = ArticleScan::default();
    let mut absorbed = vec![false; ctx.hits.len()];
    let mut found: Vec<Candidate> = Vec::new();
    let tok = |i: usize| ctx.tokens.get(i).copied();

    for run in capitalized_runs(&ctx) {
        for piece in split_run(&ctx, run) {
            let (Some(_), Some(last)) = (tok(piece.first), tok(piece.last)) else {
                continue;
            };
            // "Singapore Airlines": a lone organization head word right after a place name.
            // A state body ("the U.S. Embassy", "the French Army") stays a mention of its country.
            let after_place = piece.len() == 1
                && has_org_head(&ctx, piece)
                && !is_state_body(ctx.word(piece.first))
                && piece
                    .first
                    .checked_sub(1)
                    .and_then(|p| ctx.hit_at(p))
                    .is_some_and(|h| !matches!(h.target, GazTarget::Org(_)) && !h.demonym);
            // "Kano Region": a lone place head word right after a city or region.
            let region_of_place = piece.len() == 1
                && ctx.in_list(piece.first, List::PlaceKeywords)
                && piece
                    .first
                    .checked_sub(1)
                    .and_then(|p| ctx.hit_at(p))
                    .is_some_and(|h| {
                        matches!(h.target, GazTarget::Place(_) | GazTarget::Capital(_))
                            && !h.demonym
                    });
            // "Bank of Canada", "Air France": a head word whose name is a place's.
            let place_after = |k: usize| {
                ctx.hit_at(k).is_some_and(|h| {
                    !matches!(h.target, GazTarget::Org(_))
                        && !h.demonym
                        && ctx.tokens.get(k).is_some_and(|t| t.start == h.start)
                })
            };
            let named_after_place = piece.len() == 1
                && (has_org_head(&ctx, piece)
                    && ctx.word(piece.last + 1) == "of"
                    && place_after(piece.last + 2)
                    || ctx.word(piece.first) == "Air" && place_after(piece.last + 1));
            let kind = classify(&ctx, piece)
                .or(named_after_place.then_some(PatternKind::Org))
                .or(after_place.then_some(PatternKind::Org))
                .or(region_of_place.then_some(PatternKind::Place));
            if let Some(kind) = kind {
                // "President of the National Assembly": the title is no part of the name.
                let mut piece = piece;
                while let Some(of) = (piece.first..piece.last).find(|&i| ctx.word(i) == "of")
                    && (piece.first..of)
                        .all(|i| ctx.lists(i).is_title() || ctx.lists(i).is_role_word())
                    && of > piece.first
                {
                    piece.first = of + 1;
                    while matches!(ctx.word(piece.first), "the" | "of") && piece.first < piece.last
                    {
                        piece.first += 1;
                    }
                }
                let Some(first) = tok(piece.first) else {
                    continue;
                };
                let mut start = first.start;
                // "United States Air Force", "French Embassy": a country or place right before
                // an organization's head word belongs to its name.
                if (kind == PatternKind::Org || kind == PatternKind::Place)
                    && let Some(prev) = piece.first.checked_sub(1)
                    && let Some(h) = ctx.cover.get(prev).copied().flatten()
                    && let Some(hit) = ctx.hits.get(h)
                    && !matches!(hit.target, GazTarget::Org(_))
                    && (has_org_head(&ctx, piece)
                        || (kind == PatternKind::Place
                            && matches!(hit.target, GazTarget::Place(_) | GazTarget::Capital(_))
                            && !hit.demonym))
                {
                    start = hit.start;
                    absorbed[h] = true;
                }
                // "Bank of America", "Ministry of Defence of Niger": the place after "of".
                let mut end = last.end;
                if kind == PatternKind::Org
                    && ctx.word(piece.first) == "Air"
                    && piece.len() == 1
                    && let Some(h) = ctx.cover.get(piece.last + 1).copied().flatten()
                    && let Some(hit) = ctx.hits.get(h)
                {
                    end = hit.end;
                    absorbed[h] = true;
                }
                if kind == PatternKind::Org
                    && ctx.word(piece.last + 1) == "of"
                    && let Some(h) = ctx.cover.get(piece.last + 2).copied().flatten()
                    && let Some(hit) = ctx.hits.get(h)
                    && !hit.demonym
                    && !matches!(hit.target, GazTarget::Org(_))
                    && ctx
                        .tokens
                        .get(piece.last + 2)
                        .is_some_and(|t| t.start == hit.start)
                {
                    end = hit.end;
                    absorbed[h] = true;
                }
                // "Apple Inc.", "EADS N.V.": the abbreviation's dot belongs to the name.
                if end == last.end
                    && ctx.word(piece.last + 1) == "."
                    && ctx
                        .tokens
                        .get(piece.last + 1)
                        .is_some_and(|t| t.start == end)
                    && is_company_suffix(ctx.word(piece.last))
                {
                    end += 1;
                }
                let idx = found.len();
                found.push(Candidate::new(
                    Span::new(start, end),
                    match kind {
                        PatternKind::Org => Class::Org,
                        PatternKind::Place => Class::Place,
                    },
                ));
                if let Some(a) = acronym_after(&ctx, piece)
                    && let Some(t) = tok(a)
                {
                    scan.acronyms
                        .push((Span::new(t.start, t.end), index32(idx)));
                }
                continue;
            }
            // Titles at the front are no part of the name ("President Mohamed Bazoum").
            let mut name = piece;
            // "Apple CEO Steve Jobs": a title inside the run ends what comes before the name.
            if let Some(k) = (name.first..name.last)
                .rev()
                .find(|&k| ctx.lists(k).is_title())
            {
                name.first = k + 1;
            }
            while name.first < name.last
                && (ctx.lists(name.first).is_title()
                    || ctx.lists(name.first).is_role_word()
                    || matches!(ctx.word(name.first), "of" | "the" | "for"))
            {
                name.first += 1;
                if ctx.word(name.first) == "." {
                    name.first += 1;
                }
            }
            let lone = ctx.lists(name.first);
            if name.first > name.last
                || name.len() == 1
                    && (lone.is_title() || lone.is_role_word() || lone.has(List::NeverNames))
            {
                continue;
            }
            let Some(first) = tok(name.first) else {
                continue;
            };
            let mut ev = evidence(&ctx, name);
            // A surname the gazetteer knows as a demonym or a city ("Volker Turk"): after a
            // name with strong evidence, a lone word hit that qualifies no noun is the surname.
            if ev.strong
                && let Some(h) = ctx.cover.get(name.last + 1).copied().flatten()
                && let Some(hit) = ctx.hits.get(h)
                && ctx
                    .tokens
                    .get(name.last + 1)
                    .is_some_and(|t| t.start == hit.start && t.end == hit.end)
                && (!matches!(hit.target, GazTarget::Country(_) | GazTarget::Org(_)) || hit.demonym)
                && is_no_noun(&ctx, name.last + 2)
            {
                absorbed[h] = true;
                name.last += 1;
                let keep = ev.clone();
                ev = evidence(&ctx, name);
                ev.strong = true;
                if ev.before.role.is_none() {
                    ev.before = keep.before;
                }
            }
            // "Operating Officer": a name does not end in a title, unless a given name opens
            // it ("Martin Luther King").
            if ctx.lists(name.last).is_title() && !ctx.in_list(name.first, List::GivenNames) {
                continue;
            }
            let Some(last) = tok(name.last) else {
                continue;
            };
            // "William Ford Jr.": the suffix's dot belongs to the name.
            let mut end = last.end;
            if matches!(ctx.word(name.last), "Jr" | "Sr")
                && ctx.word(name.last + 1) == "."
                && ctx
                    .tokens
                    .get(name.last + 1)
                    .is_some_and(|t| t.start == end)
            {
                end += 1;
            }
            let class = if ev.strong || (ev.weak && name.len() >= 2) {
                Class::Person { strong: ev.strong }
            } else {
                Class::Unknown
            };
            let other_name_of = if ev.other_name {
                found.iter().rposition(|c| {
                    matches!(c.class, Class::Person { .. })
                        && first.start.saturating_sub(c.end()) < 80
                })
            } else {
                None
            };
            let mut candidate = Candidate::new(Span::new(first.start, end), class);
            candidate.role = ev.before.role.or(ev.apposition).and_then(RoleRange::new);
            candidate.affiliation = ev.before.affiliation;
            candidate.opens_sentence = ctx.starts_sentence(name.first);
            candidate.set_other_name_of(other_name_of);
            found.push(candidate);
        }
    }
    for (h, hit) in ctx.hits.iter().enumerate() {
        if absorbed[h] {
            continue;
        }
        // A town's name that the text marks as a person's ("Djibo, a supporter of the coup,").
        if matches!(hit.target, GazTarget::Place(_) | GazTarget::Capital(_)) && !hit.demonym {
            let first = ctx.tokens.partition_point(|t| t.start < hit.start);
            let last = ctx
                .tokens
                .partition_point(|t| t.start < hit.end)
                .saturating_sub(1);
            let run = Run { first, last };
            if last == first {
                let apposition = super::roles::apposition_after(&ctx, last + 1);
                let who = ctx.word(last + 1) == "," && ctx.word(last + 2) == "who";
                if apposition.is_some() || who {
                    let ev = evidence(&ctx, run);
                    let mut candidate = Candidate::new(
                        Span::new(hit.start, hit.end),
                        Class::Person { strong: true },
                    );
                    candidate.role = ev.before.role.or(apposition).and_then(RoleRange::new);
                    candidate.affiliation = ev.before.affiliation;
                    found.push(candidate);
                    continue;
                }
            }
        }
        let mut candidate = Candidate::new(Span::new(hit.start, hit.end), Class::Gaz(hit.target));
        candidate.demonym = hit.demonym;
        found.push(candidate);
    }
    // Sort into text order, keeping `other_name_of` and acronym indexes valid.
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&i| found.get(i).map(|c| (c.span.start, c.span.end)));
    let mut new_index = vec![0u32; found.len()];
    for (new, &old) in order.iter().enumerate() {
        if let Some(slot) = new_index.get_mut(old) {
            *slot = index32(new);
        }
    }
    let mut sorted: Vec<Candidate> = order
        .iter()
        .filter_map(|&i| found.get(i).copied())
        .collect();
    let renumber = |o: u32| new_index.get(o as usize).copied();
    for c in &mut sorted {
        let renumbered = c.other_name_of().and_then(|o| renumber(index32(o)));
        c.set_other_name_of(renumbered.map(|o| o as usize));
    }
    for (_, idx) in &mut scan.acronyms {
        *idx = renumber(*idx).unwrap_or(*idx);
    }
    // Gazetteer organizations followed by "(ACR)".
    for (i, c) in sorted.iter().enumerate() {
        if matches!(c.class, Class::Gaz(GazTarget::Org(_))) {
            let after = ctx.tokens.partition_point(|t| t.start < c.end());
            if ctx.word(after) == "(" && ctx.word(after + 2) == ")" {
                let acr = ctx.word(after + 1);
                if acr.chars().next().is_some_and(char::is_uppercase)
                    && acr.len() <= 10
                    && let Some(t) = tok(after + 1)
                {
                    scan.acronyms.push((Span::new(t.start, t.end), index32(i)));
                }
            }
        }
    }
    scan.candidates = sorted;
    scan
}

/// A candidate index as `u32`; an article has fewer candidates than bytes, and its bytes fit
/// `u32` (checked on entry), so this never saturates.
fn index32(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// True when a capitalised organization head word is in the run.
fn has_org_head(ctx: &Ctx, run: Run) -> bool {
    (run.first..=run.last).any(|i| {
        ctx.word(i).chars().next().is_some_and(char::is_uppercase)
            && ctx.in_list(i, List::OrgKeywords)
    })
}

/// True when token `i` is no noun that a demonym before it could qualify: punctuation, a
/// capitalised word, or a lowercase word shaped like a verb ("called", "said", "has").
fn is_no_noun(ctx: &Ctx, i: usize) -> bool {
    let w = ctx.word(i);
    !w.chars().next().is_some_and(char::is_lowercase)
        || ctx.in_list(i, List::SpeechVerbs)
        || w.ends_with("ed")
        || matches!(
            w,
            "has" | "had" | "is" | "was" | "will" | "would" | "also" | "who" | "and"
        )
}

/// Head words of a state's own bodies: after a country's name they leave the country a mention
/// of its own ("the U.S. Embassy" names the United States).
fn is_state_body(word: &str) -> bool {
    matches!(
        Lower::of(word).as_str(),
        "embassy"
            | "consulate"
            | "army"
            | "navy"
            | "police"
            | "ministry"
            | "government"
            | "parliament"
            | "forces"
            | "force"
            | "guard"
            | "cabinet"
            | "administration"
            | "military"
            | "senate"
            | "congress"
            | "presidency"
            | "junta"
            | "authorities"
    )
}

/// Abbreviated company suffixes that take a dot.
fn is_company_suffix(word: &str) -> bool {
    matches!(
        word,
        "Inc" | "Corp" | "Ltd" | "Co" | "Bros" | "Ltda" | "Cie" | "Pty"
    )
}
