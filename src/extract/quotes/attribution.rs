//! Attribution: who says what in one article.
//!
//! Every speech verb outside quotation marks ("said", "told", "tweeted", "according to") gives a
//! [`Record`]: the speaker's text span found by rules (the noun phrase before the verb, or after
//! it when inverted, or the subject of the clause for participles and coordinated verbs), the
//! channel and the medium. Records are made in text order, so pronouns ("he said") and
//! definite descriptions ("the minister said", "the statement added") can point back to an
//! earlier record. A quotation is then attributed to the record right after it (`"…," X said`)
//! or right before it (`X said "…"`), or inherits its speaker from the quotation before it.
//! Only at the end is a speaker's text mapped to an actor, through a mention that overlaps it.

use super::clauses::{self, QuoteOpenings, Tok, Token};
use super::lexicon::Lexicon;
use super::lower::{has_lowercase_word, has_word, lowercase_in, with_lowercase};
use super::marks::{Quotation, find_quotations};
use super::words::*;
use crate::model::{Actor, ActorId, ActorKind, Article, Mention, MentionForm, Span, Speaker};

/// Who a record's speaker is, before actors are consulted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Who {
    /// A proper name in the text.
    Name(Span),
    /// A speaker described without a name ("several political parties").
    Description(Span),
    /// The same speaker as an earlier record.
    Same(usize),
    /// A person mention (index into the article's mentions) a pronoun refers to.
    Person(usize),
    /// The text does not say.
    Unknown,
}

/// One attribution: a speech verb and its speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Record {
    /// The verb (or "according to").
    pub cue: Span,
    /// The speaker.
    pub who: Who,
    /// The speaker's whole noun phrase, appositions included, for later back-references.
    pub phrase: Span,
    /// How it was said: `said in a statement`, `told reporters`.
    pub channel: Option<String>,
    /// The medium named: `BBC`, `Twitter`.
    pub via: Option<String>,
}

/// Everything the attribution rules found in one article.
pub(crate) struct Analysis<'a> {
    body: &'a str,
    mentions: &'a [Mention],
    actors: &'a [Actor],
    /// The quotations, in order.
    pub quotations: Vec<Quotation>,
    /// The attribution sentences (quotation-aware), in order.
    pub sentences: Vec<Span>,
    /// The records, in text order.
    pub records: Vec<Record>,
    /// For each quotation, the record giving its speaker.
    pub quote_records: Vec<Option<usize>>,
    /// Each record's speaker, resolved once: the quotes and the cited sources both ask.
    speakers: Vec<Speaker>,
    /// Whether `mentions` are sorted by start (they are in text order; checked, not assumed).
    mentions_in_order: bool,
    /// The longest mention, in bytes: a mention starting further than this before a span
    /// ends before it.
    longest_mention: usize,
}

/// Upper bound on following `Same` links (they always point backwards, so this is generous).
const MAX_LINKS: usize = 64;
/// Most words between a quotation and a following speech verb.
const MAX_WORDS_TO_VERB: usize = 30;

impl<'a> Analysis<'a> {
    /// Runs the attribution rules over one article.
    pub(crate) fn new(article: &'a Article, mentions: &'a [Mention], actors: &'a [Actor]) -> Self {
        let body = article.body.as_str();
        let quotations = find_quotations(body, &article.paragraphs);
        let sentences = clauses::split(body, &article.paragraphs, &quotations);
        let mut analysis = Analysis {
            body,
            mentions,
            actors,
            quote_records: vec![None; quotations.len()],
            quotations,
            sentences,
            records: Vec::new(),
            speakers: Vec::new(),
            mentions_in_order: mentions.is_sorted_by_key(|m| m.span.start),
            longest_mention: mentions.iter().map(|m| m.span.len()).max().unwrap_or(0),
        };
        let openings = QuoteOpenings::new(&analysis.quotations);
        // One token buffer serves every sentence of the article.
        let mut toks = Vec::new();
        for s in 0..analysis.sentences.len() {
            analysis.read_sentence(s, &openings, &mut toks);
        }
        for q in 0..analysis.quotations.len() {
            let r = analysis.attribute(q);
            if let Some(slot) = analysis.quote_records.get_mut(q) {
                *slot = r;
            }
        }
        analysis.speakers = (0..analysis.records.len())
            .map(|r| analysis.speaker(Who::Same(r)))
            .collect();
        analysis
    }

    /// The text of a span.
    fn text(&self, span: Span) -> &'a str {
        span.slice(self.body)
    }

    /// The word of token `i`, or "" when it is not a word.
    fn word(&self, toks: &[Token], i: usize) -> &'a str {
        toks.get(i)
            .filter(|t| t.kind == Tok::Word)
            .map_or("", |t| self.text(t.span))
    }

    /// Makes the records of one sentence, tokenized into `toks`.
    fn read_sentence(&mut self, s: usize, openings: &QuoteOpenings, toks: &mut Vec<Token>) {
        let Some(&sentence) = self.sentences.get(s) else {
            return;
        };
        clauses::tokens(self.body, sentence, &self.quotations, openings, toks);
        let toks: &[Token] = toks;
        let first_record = self.records.len();
        let lx = Lexicon::get();
        for v in 0..toks.len() {
            let w = self.word(toks, v);
            if w.is_empty() {
                continue; // not a word: no rule below starts at it
            }
            let record = if w.eq_ignore_ascii_case("according") && self.word(toks, v + 1) == "to" {
                self.according_to(toks, v)
            } else if lx.is_speech_verb(w) {
                Some(self.record_for_verb(toks, v, first_record))
            } else if matches!(self.word(toks, v + 1), "from" | "by")
                && is_statement_noun(w)
                && !self.is_subject_of_later_verb(toks, v)
            {
                self.statement_from(toks, v)
            } else {
                None
            };
            if let Some(mut record) = record {
                if record.via.is_none() {
                    record.via = self.via_in_sentence(toks);
                }
                self.records.push(record);
            }
        }
    }

    /// True when the statement noun at `v` stands before a speech verb of its sentence (then
    /// that verb's record covers it).
    fn is_subject_of_later_verb(&self, toks: &[Token], v: usize) -> bool {
        let lx = Lexicon::get();
        (v + 2..toks.len()).any(|i| lx.is_speech_verb(self.word(toks, i)))
    }

    /// A record for "according to X".
    fn according_to(&self, toks: &[Token], v: usize) -> Option<Record> {
        let (who, phrase) = self.forward_phrase(toks, v + 2)?;
        Some(Record {
            cue: Span::new(
                toks.get(v)?.span.start as usize,
                toks.get(v + 1)?.span.end as usize,
            ),
            who,
            phrase,
            channel: Some("according to".to_string()),
            via: None,
        })
    }

    /// A record for "a statement from X" that no verb covers.
    fn statement_from(&self, toks: &[Token], v: usize) -> Option<Record> {
        let (who, phrase) = self.forward_phrase(toks, v + 2)?;
        Some(Record {
            cue: toks.get(v)?.span,
            who,
            phrase,
            channel: Some(self.word(toks, v).to_lowercase()),
            via: None,
        })
    }

    /// The record for the speech verb at token `v`.
    fn record_for_verb(&self, toks: &[Token], v: usize, first_record: usize) -> Record {
        let verb = self.word(toks, v).to_lowercase();
        let cue = toks.get(v).map_or(Span::default(), |t| t.span);
        let (channel, via) = self.channel(toks, v);
        let mut p = v;
        while p > 0 && is_between_subject_and_verb(self.word(toks, p - 1)) {
            p -= 1;
        }
        let prev = p.checked_sub(1).and_then(|i| toks.get(i));
        let prev_word = p.checked_sub(1).map_or("", |i| self.word(toks, i));
        let after_quote = match prev.map(|t| t.kind) {
            Some(Tok::Quote(_)) => true,
            Some(Tok::Comma) => {
                p >= 2 && matches!(toks.get(p - 2).map(|t| t.kind), Some(Tok::Quote(_)))
            }
            _ => false,
        };
        let participle = verb.ends_with("ing");
        let earlier = self
            .records
            .iter()
            .enumerate()
            .skip(first_record)
            .rev()
            .find(|(_, r)| r.cue.end <= cue.start && r.who != Who::Unknown)
            .map(|(i, _)| i);
        let (who, phrase) = if self.word(toks, v + 1) == "by" {
            self.forward_phrase(toks, v + 2)
                .unwrap_or((Who::Unknown, Span::default()))
        } else if after_quote && toks.get(v + 1).is_some_and(|t| t.kind == Tok::Word) {
            self.forward_phrase(toks, v + 1)
                .unwrap_or((Who::Unknown, Span::default()))
        } else if participle || matches!(prev_word, "to" | "and" | "but" | "or") {
            match earlier {
                Some(r) => (
                    self.root(r),
                    self.records.get(r).map_or(Span::default(), |x| x.phrase),
                ),
                None if participle
                    && prev.is_some_and(|t| t.kind == Tok::Word)
                    && !is_clause_boundary(prev_word)
                    && prev_word != "to" =>
                {
                    self.noun_before(toks, p)
                }
                None => self.main_subject(toks),
            }
        } else if is_relative(prev_word) {
            let mut end = p.saturating_sub(1);
            while end > 0 && toks.get(end - 1).is_some_and(|t| t.kind == Tok::Comma) {
                end -= 1;
            }
            self.subject_before(toks, end)
        } else {
            self.subject_before(toks, p)
        };
        // A participle or coordinated verb keeps the channel of the verb it continues.
        let (channel, via) = match (participle, earlier) {
            (true, Some(r)) if matches!(who, Who::Same(_)) => self
                .records
                .get(r)
                .map_or((channel.clone(), via.clone()), |x| {
                    (x.channel.clone(), x.via.clone().or(via.clone()))
                }),
            _ => (channel, via),
        };
        Record {
            cue,
            who,
            phrase,
            channel,
            via,
        }
    }

    /// Follows `Same` links to the record's own speaker.
    fn root(&self, r: usize) -> Who {
        let mut who = Who::Same(r);
        for _ in 0..MAX_LINKS {
            match who {
                Who::Same(i) => match self.records.get(i) {
                    Some(rec) if matches!(rec.who, Who::Same(_)) => who = rec.who,
                    Some(_) => return Who::Same(i),
                    None => return Who::Unknown,
                },
                other => return other,
            }
        }
        Who::Unknown
    }

    /// The speaker of record `r` itself, after following its `Same` links.
    fn own_who(&self, r: usize) -> Who {
        match self.root(r) {
            Who::Same(j) => self.records.get(j).map_or(Who::Unknown, |x| x.who),
            other => other,
        }
    }

    /// The noun-phrase segments before token `end`, read backwards: at most three, separated by
    /// commas, stopping at a clause boundary, a quotation or the sentence start. A dash or
    /// bracketed insertion right before the verb is skipped.
    fn segments_before(&self, toks: &[Token], end: usize) -> Vec<(usize, usize)> {
        let mut segments = Vec::new();
        let mut seg_end = end;
        let mut i = end;
        while i > 0 {
            let t = toks.get(i - 1).map_or(Tok::Break, |t| t.kind);
            match t {
                Tok::Comma => {
                    if seg_end > i {
                        segments.push((i, seg_end));
                    }
                    if segments.len() == 3 {
                        break;
                    }
                    seg_end = i - 1;
                }
                Tok::Break if segments.is_empty() && seg_end == i => {
                    // An insertion between dashes or brackets: jump to its start.
                    let jump = (0..i - 1)
                        .rev()
                        .find(|&j| toks.get(j).is_some_and(|t| t.kind == Tok::Break));
                    match jump {
                        Some(j) => {
                            i = j;
                            seg_end = j;
                            continue;
                        }
                        None => break,
                    }
                }
                Tok::Break | Tok::Quote(_) => break,
                Tok::Word => {
                    let w = self.word(toks, i - 1);
                    if is_clause_boundary(w)
                        && !w.starts_with(char::is_uppercase)
                        && !self.inside_insertion(toks, i - 1)
                    {
                        break;
                    }
                }
            }
            i -= 1;
        }
        if seg_end > i {
            segments.push((i, seg_end));
        }
        segments.reverse();
        segments
    }

    /// True when the word at `b` lies in a comma-opened relative clause or apposition ("…, who
    /// lives in the same district as the palace, said"), where a boundary word does not end
    /// the speaker's noun phrase.
    fn inside_insertion(&self, toks: &[Token], b: usize) -> bool {
        let Some(comma) = (0..b)
            .rev()
            .find(|&j| toks.get(j).is_none_or(|t| t.kind != Tok::Word))
        else {
            return false;
        };
        if toks.get(comma).is_none_or(|t| t.kind != Tok::Comma) {
            return false;
        }
        with_lowercase(self.word(toks, comma + 1), |opener| {
            is_relative(opener) || matches!(opener, "a" | "an")
        })
    }

    /// The noun phrase right before a participle ("held up hand-written signs saying"): the
    /// words back to a particle, preposition, past-tense verb or clause boundary.
    fn noun_before(&self, toks: &[Token], end: usize) -> (Who, Span) {
        let mut s = end;
        while s > 0 {
            let w = self.word(toks, s - 1);
            let stop = w.is_empty()
                || is_clause_boundary(w)
                || is_auxiliary(w)
                || with_lowercase(w, |lower| {
                    matches!(
                        lower,
                        "up" | "out" | "down" | "on" | "in" | "at" | "from" | "to" | "with" | "off"
                    ) || lower.len() > 4
                        && lower.ends_with("ed")
                        && w.starts_with(char::is_lowercase)
                });
            if stop {
                break;
            }
            s -= 1;
            if is_determiner(w) {
                break;
            }
        }
        if s == end {
            return self.subject_before(toks, end);
        }
        (self.speaker_in(toks, s, end), self.span_of(toks, s, end))
    }

    /// The speaker named before token `end` (the subject of a verb).
    fn subject_before(&self, toks: &[Token], end: usize) -> (Who, Span) {
        let segments = self.segments_before(toks, end);
        let phrase = match (segments.first(), segments.last()) {
            (Some(&(s, _)), Some(&(_, e))) => self.span_of(toks, s, e),
            _ => Span::default(),
        };
        for k in (0..segments.len()).rev() {
            let Some(&(s, e)) = segments.get(k) else {
                continue;
            };
            let first = self.word(toks, s);
            if is_relative(first) {
                if let Some(who) = self.self_named(toks, s, e) {
                    return (who, phrase);
                }
                continue;
            }
            let who = self.speaker_in(toks, s, e);
            let appositive = lowercase_in(first, &["a", "an"])
                || first.eq_ignore_ascii_case("one") && self.word(toks, s + 1) == "of";
            if appositive
                && !matches!(who, Who::Name(_))
                && k > 0
                && let Some(&(ps, pe)) = segments.get(k - 1)
                && let Some(run) = self.name_run(toks, ps, pe)
            {
                return (Who::Name(run), phrase);
            }
            return (who, phrase);
        }
        (Who::Unknown, phrase)
    }

    /// "who call themselves X", "known as X": the name the segment gives.
    fn self_named(&self, toks: &[Token], s: usize, e: usize) -> Option<Who> {
        let at = (s..e).find(|&i| {
            matches!(
                self.word(toks, i),
                "themselves" | "itself" | "himself" | "herself"
            ) || self.word(toks, i) == "as" && self.word(toks, i.wrapping_sub(1)) == "known"
        })?;
        self.name_run(toks, at + 1, e).map(Who::Name)
    }

    /// The speaker a phrase after a cue names ("by X", "according to X", `said X`).
    fn forward_phrase(&self, toks: &[Token], start: usize) -> Option<(Who, Span)> {
        let lx = Lexicon::get();
        let mut segments = Vec::new();
        let mut s = start;
        let mut i = start;
        while i <= toks.len() && segments.len() < 3 {
            let stop = match toks.get(i) {
                None => true,
                Some(t) if t.kind == Tok::Word => {
                    let w = self.word(toks, i);
                    (is_relative(w) || w == "that" || lx.is_speech_verb(w) || is_auxiliary(w))
                        && i > s
                }
                Some(_) => true,
            };
            if stop {
                if i > s {
                    segments.push((s, i));
                }
                if toks.get(i).is_none_or(|t| t.kind != Tok::Comma) {
                    break;
                }
                // A relative clause after a comma may name the speaker ("who call themselves").
                if is_relative(self.word(toks, i + 1)) {
                    let e = (i + 1..toks.len())
                        .find(|&j| toks.get(j).is_some_and(|t| t.kind != Tok::Word))
                        .unwrap_or(toks.len());
                    if let Some(who) = self.self_named(toks, i + 1, e) {
                        let phrase = self.span_of(toks, start, e);
                        return Some((who, phrase));
                    }
                    break;
                }
                s = i + 1;
            }
            i += 1;
        }
        let &(fs, fe) = segments.first()?;
        let phrase = self.span_of(toks, fs, segments.last().map_or(fe, |x| x.1));
        let first = self.speaker_in(toks, fs, fe);
        if !matches!(first, Who::Name(_)) {
            for &(s2, e2) in segments.iter().skip(1) {
                if let Some(run) = self.name_run(toks, s2, e2) {
                    return Some((Who::Name(run), phrase));
                }
            }
        }
        Some((first, phrase))
    }

    /// The subject at the start of the sentence (for participles and coordinated verbs with no
    /// earlier speech verb): after an opening prepositional phrase, up to the first break or
    /// auxiliary.
    fn main_subject(&self, toks: &[Token]) -> (Who, Span) {
        match self.main_subject_range(toks) {
            Some((s, e)) => (self.speaker_in(toks, s, e), self.span_of(toks, s, e)),
            None => (Who::Unknown, Span::default()),
        }
    }

    /// The token range of the sentence's subject (see [`Self::main_subject`]).
    fn main_subject_range(&self, toks: &[Token]) -> Option<(usize, usize)> {
        let mut s = 0;
        if is_opening_preposition(self.word(toks, 0)) {
            s = toks.iter().position(|t| t.kind == Tok::Comma)? + 1;
        }
        let lx = Lexicon::get();
        let mut e = s;
        while let Some(t) = toks.get(e) {
            let w = self.word(toks, e);
            // Without a tagger, a past-tense form after the subject's first words ends it.
            let past =
                e > s + 1 && w.len() > 4 && w.ends_with("ed") && w.starts_with(char::is_lowercase);
            if t.kind != Tok::Word || is_auxiliary(w) || lx.is_speech_verb(w) || past {
                break;
            }
            e += 1;
        }
        (e > s).then_some((s, e))
    }

    /// The speaker one segment names: a pronoun, a statement's author, a name, or a description.
    fn speaker_in(&self, toks: &[Token], s: usize, e: usize) -> Who {
        let mut s = s;
        while s < e && self.word(toks, s).is_empty() {
            s += 1;
        }
        if s >= e {
            return Who::Unknown;
        }
        let at = toks.get(s).map_or(0, |t| t.span.start as usize);
        if e == s + 1 && is_pronoun(self.word(toks, s)) {
            // "Bazoum has not resigned and he tweeted": the sentence's own subject comes first.
            if is_personal_pronoun(self.word(toks, s))
                && s > 0
                && let Some((ms, me)) = self.main_subject_range(toks)
                && let Some(name) = self.name_run(toks, ms, me)
                && (name.end as usize) < at
            {
                return Who::Name(name);
            }
            return self.pronoun(self.word(toks, s), at);
        }
        // "a statement (tweeted) by X", "a message from X": X is the speaker.
        if let Some(n) = (s..e).find(|&i| is_statement_noun(self.word(toks, i))) {
            if let Some(by) = (n + 1..e).find(|&i| matches!(self.word(toks, i), "by" | "from")) {
                return self.named_or_described(toks, by + 1, e);
            }
            // "X released a statement (saying)": X issued it.
            if let Some(v) = (s + 1..n).rev().find(|&i| {
                let w = self.word(toks, i);
                w.len() > 3 && w.ends_with("ed") && w.starts_with(char::is_lowercase)
            }) {
                return self.named_or_described(toks, s, v);
            }
        }
        self.named_or_described(toks, s, e)
    }

    /// A name when the segment ends in one, else a description (resolved back when it is a
    /// definite description of an earlier speaker).
    fn named_or_described(&self, toks: &[Token], s: usize, mut e: usize) -> Who {
        // "the army command's account": the account stands for its owner.
        let last = self.word(toks, e.saturating_sub(1));
        let owner = self.word(toks, e.saturating_sub(2));
        if e >= s + 2
            && lowercase_in(
                last,
                &["account", "website", "page", "channel", "feed", "handle"],
            )
            && strip_possessive(owner) != owner
        {
            e -= 1;
        }
        if let Some(run) = self.name_run(toks, s, e) {
            return Who::Name(run);
        }
        let span = self.span_of_possessive(toks, s, e);
        if span.is_empty() {
            return Who::Unknown;
        }
        self.description(toks, s, e, span)
    }

    /// A description, or the earlier speaker it refers to ("the minister" → the last speaker
    /// described as a minister; "the 64-year-old" → the last person named).
    fn description(&self, toks: &[Token], s: usize, e: usize, span: Span) -> Who {
        let first = self.word(toks, s);
        let words = e - s;
        if lowercase_in(first, &["the", "this", "that"]) && words <= 4 {
            let head = strip_possessive(self.word(toks, e - 1)).to_lowercase();
            if is_age(&head) {
                return self
                    .last_person(span.start as usize, true)
                    .unwrap_or(Who::Description(span));
            }
            for (i, r) in self.records.iter().enumerate().rev() {
                if r.who == Who::Unknown {
                    continue;
                }
                // The phrase is matched lower-cased and the channel as it is (it is already).
                if has_lowercase_word(self.text(r.phrase), &head)
                    || has_word(r.channel.as_deref().unwrap_or(""), &head)
                {
                    return self.root(i);
                }
            }
        }
        Who::Description(span)
    }

    /// What a pronoun at byte `at` refers to.
    fn pronoun(&self, word: &str, at: usize) -> Who {
        if is_personal_pronoun(word) {
            return self.last_person(at, false).unwrap_or(Who::Unknown);
        }
        self.records
            .iter()
            .enumerate()
            .rev()
            .find(|(_, r)| r.who != Who::Unknown && (r.cue.start as usize) < at)
            .map_or(Who::Unknown, |(i, _)| self.root(i))
    }

    /// The last person named before byte `at` outside quotations: a person mention, or failing
    /// that the last speaker given by name.
    fn last_person(&self, at: usize, titled_first: bool) -> Option<Who> {
        let inside_quote = |m: &Mention| self.quotations.iter().any(|q| q.inner.contains(m.span));
        let mention = self.mentions.iter().enumerate().rev().find(|(_, m)| {
            (m.span.end as usize) <= at
                && !inside_quote(m)
                && self
                    .actors
                    .get(m.actor.index())
                    .is_some_and(|a| a.kind == ActorKind::Person)
        });
        if let Some((i, _)) = mention {
            return Some(Who::Person(i));
        }
        if !self.mentions.is_empty() {
            return None;
        }
        // Without mentions: the later of the last speaker given by name and the last name
        // after a personal title; an age description prefers the titled name (it is a person).
        let speaker =
            self.records.iter().enumerate().rev().find(|(i, r)| {
                (r.cue.start as usize) < at && matches!(self.own_who(*i), Who::Name(_))
            });
        let titled = self.last_titled_name(at);
        match (speaker, titled) {
            (_, Some(span)) if titled_first => Some(Who::Name(span)),
            (Some((_, r)), Some(span)) if r.cue.start < span.start => Some(Who::Name(span)),
            (Some((i, _)), _) => Some(self.root(i)),
            (None, Some(span)) => Some(Who::Name(span)),
            (None, None) => None,
        }
    }

    /// Without actor mentions: the last name after a personal title ("Mr Bazoum") before byte
    /// `at`, outside quotations.
    fn last_titled_name(&self, at: usize) -> Option<Span> {
        const TITLES: &[&str] = &["Mr", "Mrs", "Ms", "Dr", "President", "Gen", "General"];
        let text = self.body.get(..at)?;
        let mut words: Vec<(usize, &str)> = Vec::new();
        let mut start = None;
        for (i, c) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            let part_of_word = c.is_alphanumeric() || c == '-';
            match (part_of_word, start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    words.push((s, text.get(s..i).unwrap_or("")));
                    start = None;
                }
                _ => {}
            }
        }
        let in_quote = |b: usize| {
            self.quotations
                .iter()
                .any(|q| q.open <= b && b < q.close_end)
        };
        let t = words
            .iter()
            .rposition(|(b, w)| TITLES.contains(w) && !in_quote(*b))?;
        let mut run: Vec<&(usize, &str)> = Vec::new();
        let mut end = words.get(t).map_or(0, |(b, w)| b + w.len());
        for word in words.get(t + 1..)? {
            // A name's words are separated by single spaces, never across a sentence end.
            if !is_name_word(word.1) || text.get(end..word.0) != Some(" ") {
                break;
            }
            end = word.0 + word.1.len();
            run.push(word);
        }
        let first = words.get(t)?;
        let last = run.last()?;
        Some(Span::new(first.0, last.0 + last.1.len()))
    }

    /// The trailing run of capitalised words (with connectors such as "of") in tokens `s..e`.
    fn name_run(&self, toks: &[Token], s: usize, e: usize) -> Option<Span> {
        let mut first: Option<usize> = None;
        let mut i = e;
        while i > s {
            let w = self.word(toks, i - 1);
            if w.is_empty() {
                break;
            }
            if is_name_word(w) {
                first = Some(i - 1);
            } else if !(is_name_connector(w) && first.is_some()) {
                break;
            }
            i -= 1;
        }
        let first = first?;
        // The run must end the segment: "the Niger government" is a description.
        if !is_name_word(self.word(toks, e - 1)) {
            return None;
        }
        // "commentators on Telegram": a name inside a prepositional phrase is not the head.
        if first > s
            && matches!(
                self.word(toks, first - 1),
                "on" | "in" | "at" | "from" | "of" | "for" | "with" | "to" | "by" | "near"
            )
        {
            return None;
        }
        // A capitalised common noun at a sentence's start ("Analysts say") is not a name.
        if first == e - 1 {
            let lx = Lexicon::get();
            let w = strip_possessive(self.word(toks, first));
            let common =
                lx.anonymous.contains(w) || lx.institutions.contains(w) || lx.roles.contains(w);
            if common {
                return None;
            }
        }
        let start = toks.get(first)?.span.start as usize;
        let end = toks.get(e - 1)?.span.end as usize;
        Some(Span::new(start, end))
    }

    /// The bytes from token `s` to the end of token `e - 1`, with a final possessive removed.
    fn span_of_possessive(&self, toks: &[Token], s: usize, e: usize) -> Span {
        let span = self.span_of(toks, s, e);
        let text = self.text(span);
        let kept = strip_possessive(text).len();
        Span::new(span.start as usize, span.start as usize + kept)
    }

    /// The bytes from token `s` to the end of token `e - 1`.
    fn span_of(&self, toks: &[Token], s: usize, e: usize) -> Span {
        match (toks.get(s), e.checked_sub(1).and_then(|l| toks.get(l))) {
            (Some(a), Some(b)) if b.span.end >= a.span.start => Span {
                start: a.span.start,
                end: b.span.end,
            },
            _ => Span::default(),
        }
    }

    /// The channel after the verb at `v` ("told reporters", "said in a statement") and the
    /// medium it names.
    fn channel(&self, toks: &[Token], v: usize) -> (Option<String>, Option<String>) {
        let verb = self.word(toks, v).to_lowercase();
        let mut i = v + 1;
        while is_between_subject_and_verb(self.word(toks, i)) {
            i += 1;
        }
        let take = matches!(verb.as_str(), "told" | "tell" | "tells" | "telling")
            || matches!(self.word(toks, i), "in" | "on" | "via" | "through" | "to");
        let mut end = i;
        if take {
            while end < i + 6
                && toks.get(end).is_some_and(|t| t.kind == Tok::Word)
                && self.word(toks, end) != "that"
                && !(end > i
                    && matches!(
                        self.word(toks, end),
                        "to" | "for" | "about" | "on" | "after"
                    ))
            {
                end += 1;
            }
        }
        let mut channel = verb.clone();
        let mut via = None;
        if end > i {
            let complement = self.text(self.span_of(toks, i, end));
            channel = format!("{verb} {complement}");
            via = self
                .name_run(toks, i, end)
                .map(|s| self.text(s).to_string());
        }
        if via.is_none() && verb.starts_with("tweet") {
            via = Some("Twitter".to_string());
        }
        (Some(channel), via)
    }

    /// A medium the sentence names as the way something was said ("on Twitter", "in an
    /// interview with the channel France24").
    fn via_in_sentence(&self, toks: &[Token]) -> Option<String> {
        let lx = Lexicon::get();
        for i in 0..toks.len() {
            let w = self.word(toks, i);
            if w == "interview" && self.word(toks, i + 1) == "with" {
                let e = (i + 2..=toks.len())
                    .find(|&j| toks.get(j).is_none_or(|t| t.kind != Tok::Word))
                    .unwrap_or(toks.len());
                if let Some(run) = self.name_run(toks, i + 2, e) {
                    return Some(self.text(run).to_string());
                }
            }
            if matches!(w, "on" | "to" | "via") {
                let next = self.word(toks, i + 1);
                if lx.media.iter().any(|(_, n)| {
                    n == next
                        && matches!(
                            n.as_str(),
                            "Twitter"
                                | "Facebook"
                                | "Telegram"
                                | "YouTube"
                                | "Instagram"
                                | "TikTok"
                        )
                }) {
                    return Some(next.to_string());
                }
            }
        }
        None
    }

    /// The record that gives quotation `q` its speaker.
    fn attribute(&self, q: usize) -> Option<usize> {
        let quote = self.quotations.get(q)?;
        let sentence_of = |at: usize| {
            self.sentences
                .iter()
                .find(|s| (s.start as usize) <= at && at < s.end as usize)
                .copied()
        };
        let s_open = sentence_of(quote.open)?;
        let s_close = sentence_of(quote.close_end.saturating_sub(1)).unwrap_or(s_open);
        let next_open = self
            .quotations
            .get(q + 1)
            .map_or(usize::MAX, |n| n.open)
            .min(s_close.end as usize);
        let after = self.records.iter().position(|r| {
            (r.cue.start as usize) >= quote.close_end && (r.cue.start as usize) < next_open
        });
        let words_between = |r: usize| {
            self.records.get(r).map_or(usize::MAX, |rec| {
                self.body
                    .get(quote.close_end..rec.cue.start as usize)
                    .unwrap_or("")
                    .split_whitespace()
                    .filter(|w| w.chars().any(char::is_alphanumeric))
                    .count()
            })
        };
        let inner = self.text(quote.inner).trim_end();
        let trailing_comma = self
            .body
            .get(quote.close_end..)
            .is_some_and(|r| r.starts_with(','));
        let ends_open = inner.ends_with([',', '!', '?', '—', '–', '-', '…']) || trailing_comma;
        if let Some(r) = after
            && (ends_open || words_between(r) == 0)
            && words_between(r) <= MAX_WORDS_TO_VERB
        {
            return Some(r);
        }
        let previous_close = q
            .checked_sub(1)
            .and_then(|p| self.quotations.get(p))
            .map_or(0, |p| p.close_end);
        let floor = previous_close.max(s_open.start as usize);
        let before = self
            .records
            .iter()
            .rposition(|r| (r.cue.start as usize) >= floor && (r.cue.end as usize) <= quote.open);
        if before.is_some() {
            return before;
        }
        if q > 0 {
            let prev = self.quotations.get(q - 1)?;
            let same_sentence = prev.close_end > s_open.start as usize;
            if same_sentence
                || self.stands_alone(quote) && self.follows_quote_paragraph(quote, prev)
            {
                return self.quote_records.get(q - 1).copied().flatten();
            }
        }
        after.filter(|&r| words_between(r) <= 6)
    }

    /// True when the quotation makes up its whole paragraph.
    fn stands_alone(&self, quote: &Quotation) -> bool {
        self.body
            .get(..quote.open)
            .is_some_and(|b| b.trim_end_matches([' ', '\t']).is_empty() || b.ends_with('\n'))
            && self.body.get(quote.close_end..).is_some_and(|a| {
                let rest = a.trim_start_matches(['.', ',', ' ']);
                rest.is_empty() || rest.starts_with('\n')
            })
    }

    /// True when `prev` ends in the paragraph right before `quote`'s.
    fn follows_quote_paragraph(&self, quote: &Quotation, prev: &Quotation) -> bool {
        self.body
            .get(prev.close_end..quote.open)
            .is_some_and(|between| between.matches("\n\n").count() == 1)
    }

    /// The speaker a record's `Who` stands for: an actor when a mention covers the name.
    pub(crate) fn speaker(&self, who: Who) -> Speaker {
        let who = match who {
            Who::Same(i) => match self.root(i) {
                Who::Same(j) => self.records.get(j).map_or(Who::Unknown, |r| r.who),
                other => other,
            },
            other => other,
        };
        match who {
            Who::Name(span) => self.actor_covering(span, false).map_or_else(
                || Speaker::Described(self.text(span).to_string()),
                Speaker::Actor,
            ),
            Who::Description(span) => self.actor_covering(span, true).map_or_else(
                || Speaker::Described(self.text(span).to_string()),
                Speaker::Actor,
            ),
            Who::Person(m) => self
                .mentions
                .get(m)
                .map_or(Speaker::Unattributed, |m| Speaker::Actor(m.actor)),
            Who::Same(_) | Who::Unknown => Speaker::Unattributed,
        }
    }

    /// The actor of a mention overlapping a name (a person preferred), or for a description one
    /// covering all of it but a leading determiner.
    fn actor_covering(&self, span: Span, whole: bool) -> Option<ActorId> {
        let text = self.text(span);
        let core_start = match text.split_once(' ') {
            Some((first, _)) if whole && is_determiner(first) => {
                span.start as usize + first.len() + 1
            }
            _ => span.start as usize,
        };
        let core = Span::new(core_start, span.end as usize);
        let kind_of = |m: &Mention| self.actors.get(m.actor.index()).map(|a| a.kind);
        // In "U.S. Embassy in Niger" the speaker is the embassy: a mention counts only if it
        // covers the institution's noun.
        let lx = Lexicon::get();
        let institution_word = (!whole).then(|| {
            text.match_indices(|c: char| !c.is_alphanumeric())
                .map(|(i, _)| i + 1)
                .chain(std::iter::once(0))
                .filter_map(|i| {
                    let rest = text.get(i..)?;
                    let w = rest.split(|c: char| !c.is_alphanumeric()).next()?;
                    lx.institutions.contains(w).then(|| {
                        Span::new(span.start as usize + i, span.start as usize + i + w.len())
                    })
                })
                .next()
        });
        let institution_word = institution_word.flatten();
        // A mention that covers or overlaps the span starts no later than the span ends, and
        // ends no earlier than it starts, so it starts at most `longest_mention` bytes before;
        // when the mentions are in text order the others need not be asked.
        let candidates = if self.mentions_in_order {
            let upto = self.mentions.partition_point(|m| m.span.start <= span.end);
            let before_end = self.mentions.get(..upto).unwrap_or(self.mentions);
            // (A reversed span is never made; were it, every mention before its end is asked.)
            let from = if span.start <= span.end {
                before_end.partition_point(|m| {
                    (m.span.start as usize).saturating_add(self.longest_mention)
                        < span.start as usize
                })
            } else {
                0
            };
            before_end.get(from..).unwrap_or(before_end)
        } else {
            self.mentions
        };
        candidates
            .iter()
            .filter(|m| {
                if whole {
                    m.span.contains(core)
                } else {
                    m.form == MentionForm::Name
                        && m.span.overlaps(span)
                        && institution_word.is_none_or(|w| m.span.contains(w))
                }
            })
            .max_by_key(|m| {
                (
                    kind_of(m) == Some(ActorKind::Person),
                    m.span.len(),
                    m.span.start,
                )
            })
            .map(|m| m.actor)
    }

    /// The speaker of a record, resolved.
    pub(crate) fn record_speaker(&self, r: usize) -> Speaker {
        match self.speakers.get(r) {
            Some(speaker) => speaker.clone(),
            None => self.speaker(Who::Same(r)),
        }
    }
}
