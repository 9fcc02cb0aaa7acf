//! The browser's whole state and its one transition function, [`App::update`]. Nothing here
//! touches the terminal, so every transition is unit-tested as plain code.

use std::sync::{Arc, OnceLock};

use crate::model::{
    ActorId, ActorKind, ArticleId, Corpus, EntryId, SentenceRef, Speaker, TimelineEntry,
};

use super::action::{Action, Pane};
use super::correct::{CorrectionsStore, MemoryStore, RenamePrompt};
use rayon::prelude::*;

use super::fuzzy::{FastMatcher, Matcher};
use super::keymap::Context;
use super::layout::{self, LayoutMode};
use super::lens::{self, LensItem, Narrowed, Outlet, SourceItem, TimelineItem};
use super::names::{self, NameIndex};
use super::reader::{self, ReaderState};
use super::timeline_text::TimelineText;
use crate::corrections::{self, Baseline, Corrections, Unmatched};

/// The three list panes, in order; the index into per-list arrays.
pub const LISTS: [Pane; 3] = [Pane::Timeline, Pane::Sources, Pane::Actors];

/// Selection and scroll of one list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListState {
    /// The selected row.
    pub selected: usize,
    /// The first row shown.
    pub offset: usize,
}

/// A list's filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// The query typed after `/`.
    pub query: String,
    /// True while it is being typed.
    pub editing: bool,
}

/// A row shown in a list: which item of the narrowed list, and how it matched the filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Index into the pane's narrowed list.
    pub item: usize,
    /// For actors matched through another name: its index in the actor's aliases (see
    /// [`App::row_via`]). The matched letters are found for the rows drawn only.
    pub via: Option<u16>,
}

/// A row matched by the filter, before sorting: compact, so a million of them sort fast.
#[derive(Debug, Clone, Copy)]
struct Scored {
    /// The matcher's score; higher first.
    score: i64,
    /// The tie-breaker: mentions, articles or citations; higher first.
    rank: u32,
    /// Index into the pane's narrowed list.
    item: u32,
    /// For an actor matched through another name: its index in the aliases.
    via: Option<u16>,
}

impl Scored {
    /// The sort key, smallest first: higher score, then higher rank, then earlier position.
    fn key(&self) -> u128 {
        let score = (i128::from(self.score) - i128::from(i64::MIN)) as u128;
        let rank = u128::from(self.rank);
        !((score << 64) | (rank << 32) | u128::from(u32::MAX - self.item))
    }
}

/// Lists at least this long are matched and sorted on all cores.
const PARALLEL_FROM: usize = 4096;

/// Marks an actor that is not a candidate.
const NO_ITEM: u32 = u32::MAX;

/// At most this many rows are kept for Backspace, over all the queries typed on the way.
const MEMO_ROWS: usize = 2_000_000;

/// The finder over all actors.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Finder {
    /// The query; a leading `@` keeps people, `#` countries.
    pub query: String,
    /// Matching actors, best first, with the other name matched as an index into the actor's
    /// aliases (the matched letters are left empty: the view finds them for the rows drawn).
    pub results: FinderResults,
    /// The selected result.
    pub selected: usize,
    /// The query `results` were computed for.
    pub results_query: String,
    /// When choosing the actor to merge this one into (`m`), else the finder fills the lens.
    pub merge: Option<ActorId>,
    /// The results of the shorter queries typed on the way to this one, shortest first, so
    /// Backspace restores them without matching again.
    pub earlier: Vec<(String, FinderResults)>,
}

/// The finder's results: actor, matched letters (left empty), other name matched.
pub type FinderResults = Vec<(ActorId, Vec<usize>, Option<u16>)>;

/// What a detail view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DetailTarget {
    /// An actor.
    Actor(ActorId),
    /// An outlet or a cited source.
    Source(SourceItem),
}

/// A view drawn over the panes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// The help screen, scrolled.
    Help(usize),
    /// The finder.
    Finder(Finder),
    /// A detail view, scrolled.
    Detail(DetailTarget, usize),
    /// The prompt for an actor's new name.
    Rename(RenamePrompt),
}

/// A place in the history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The lens then.
    pub lens: Vec<LensItem>,
    /// The focused pane then.
    pub focus: Pane,
    /// The article and sentence open then.
    pub reader: Option<(ArticleId, u32)>,
}

/// The browser's state.
pub struct App {
    /// The corpus with the user's corrections applied: what every pane shows.
    pub corpus: Arc<Corpus>,
    /// What the corpus said about its actors as analysed, taken before the first correction:
    /// corrections are applied again from it, on the corpus itself (see
    /// [`corrections::Baseline`]).
    pub(super) baseline: Option<Baseline>,
    /// The user's corrections, in order.
    pub corrections: Corrections,
    /// Where corrections are saved, or why they cannot be (then they are refused).
    pub(super) store: Result<Box<dyn CorrectionsStore>, String>,
    /// The outlets of the corpus, computed once.
    pub outlets: Vec<Outlet>,
    /// The actors' names laid out for the filters, once per corpus.
    pub(super) names: NameIndex,
    /// The timeline's rows laid out for its filter, once per lens, when first filtered.
    timeline_text: OnceLock<TimelineText>,
    matcher: Box<dyn Matcher>,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    /// The focused pane.
    pub focus: Pane,
    /// The lens stack.
    pub lens: Vec<LensItem>,
    /// What the panes hold under the lens.
    pub narrowed: Narrowed,
    /// Per list: selection and scroll.
    pub lists: [ListState; 3],
    /// Per list: the filter.
    pub filters: [Filter; 3],
    /// Per list: the rows shown (narrowed, then filtered).
    pub rows: [Vec<Row>; 3],
    /// Per list: the filter query `rows` were computed for.
    rows_query: [String; 3],
    /// Per list: the rows of the shorter queries typed on the way to this one, shortest first,
    /// so Backspace restores them without matching again.
    memo: [Vec<(String, Vec<Row>)>; 3],
    /// Per list: its rows counted by kind (timeline: entries, articles; sources: sources,
    /// quotes; actors: all, 0), for the pane titles.
    pub kinds: [(usize, usize); 3],
    /// The reader, when an article is open.
    pub reader: Option<ReaderState>,
    /// The overlay, if any.
    pub overlay: Option<Overlay>,
    /// Where the user has been.
    pub history: Vec<Location>,
    /// The current position in `history`.
    pub history_pos: usize,
    /// Set when the user asked to quit.
    pub quit: bool,
    /// Text to copy to the clipboard, taken by the terminal loop.
    pub clipboard: Option<String>,
    /// A one-line message for the status line.
    pub message: Option<String>,
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("focus", &self.focus)
            .field("lens", &self.lens)
            .field("lists", &self.lists)
            .field("filters", &self.filters)
            .field("reader", &self.reader)
            .field("overlay", &self.overlay)
            .finish()
    }
}

fn list_index(pane: Pane) -> Option<usize> {
    LISTS.iter().position(|p| *p == pane)
}

impl App {
    /// The browser on `corpus` at a terminal of `width` × `height`, with the first article open.
    /// Corrections made in it last until it quits.
    pub fn new(corpus: Arc<Corpus>, width: u16, height: u16) -> App {
        let mut app = App::build(corpus, width, height);
        app.store = Ok(Box::new(MemoryStore));
        app
    }

    /// The browser on the analysed corpus `raw` with the user's `corrections` applied, saving
    /// changes to `store`. When the corrections could not be read (`Err`, a sentence), none is
    /// applied and changes are refused, so the unreadable file is never overwritten. Returns
    /// the corrections that no longer match anything.
    pub fn with_corrections(
        raw: Corpus,
        corrections: Result<Corrections, String>,
        store: Box<dyn CorrectionsStore>,
        width: u16,
        height: u16,
    ) -> (App, Vec<Unmatched>) {
        let (list, store) = match corrections {
            Ok(list) => (list, Ok(store)),
            Err(why) => (Corrections::default(), Err(why)),
        };
        let mut corpus = raw;
        let baseline = (!list.list.is_empty()).then(|| Baseline::of(&corpus));
        let unmatched = corrections::apply(&mut corpus, &list);
        let mut app = App::build(Arc::new(corpus), width, height);
        app.baseline = baseline;
        app.corrections = list;
        app.store = store;
        (app, unmatched)
    }

    fn build(corpus: Arc<Corpus>, width: u16, height: u16) -> App {
        let outlets = lens::outlets(&corpus);
        let narrowed = lens::narrow(&corpus, &outlets, &[]);
        let reader = corpus
            .articles
            .iter()
            .min_by_key(|a| (a.date, a.id))
            .map(|a| ReaderState::new(a.id));
        let names = NameIndex::new(&corpus);
        let mut app = App {
            baseline: None,
            corpus,
            corrections: Corrections::default(),
            store: Err("no store".into()),
            outlets,
            names,
            timeline_text: OnceLock::new(),
            matcher: Box::new(FastMatcher),
            size: (width, height),
            focus: Pane::Timeline,
            lens: Vec::new(),
            narrowed,
            lists: [ListState::default(); 3],
            filters: Default::default(),
            rows: Default::default(),
            rows_query: Default::default(),
            memo: Default::default(),
            kinds: Default::default(),
            reader,
            overlay: None,
            history: Vec::new(),
            history_pos: 0,
            quit: false,
            clipboard: None,
            message: None,
        };
        app.refilter_all();
        app.history.push(app.location());
        app.fix_scroll();
        app
    }

    /// The layout mode at the current size.
    pub fn mode(&self) -> LayoutMode {
        LayoutMode::for_size(self.size.0, self.size.1)
    }

    /// The active keymap contexts, most specific first.
    pub fn contexts(&self) -> Vec<Context> {
        match &self.overlay {
            Some(Overlay::Finder(_)) => return vec![Context::Finder, Context::Prompt],
            Some(Overlay::Rename(_)) => return vec![Context::Prompt],
            Some(_) => return vec![Context::Overlay],
            None => {}
        }
        if self.prompt_active() {
            return vec![Context::Prompt];
        }
        match self.focus {
            Pane::Reader => vec![Context::Reader, Context::Global],
            Pane::Timeline => vec![Context::Timeline, Context::Lists, Context::Global],
            Pane::Actors => vec![Context::Actors, Context::Lists, Context::Global],
            Pane::Sources => vec![Context::Lists, Context::Global],
        }
    }

    /// True while the user types into a filter or a search.
    pub fn prompt_active(&self) -> bool {
        match list_index(self.focus) {
            Some(i) => self.filters[i].editing,
            None => self.reader.as_ref().is_some_and(|r| r.searching),
        }
    }

    /// The actor ids in the lens, in order.
    pub fn lens_actors(&self) -> Vec<ActorId> {
        self.lens
            .iter()
            .filter_map(|i| match i {
                LensItem::Actor(a) => Some(*a),
                _ => None,
            })
            .collect()
    }

    /// The display name of a lens item.
    pub fn lens_label(&self, item: LensItem) -> String {
        match item {
            LensItem::Actor(a) => self
                .corpus
                .actor(a)
                .map_or_else(|| "?".into(), |a| a.name.clone()),
            LensItem::Outlet(i) => self
                .outlets
                .get(i)
                .map_or_else(|| "?".into(), |o| o.name.clone()),
            LensItem::Source(s) => self
                .corpus
                .sources
                .get(s.index())
                .map_or_else(|| "?".into(), |s| s.name.clone()),
        }
    }

    /// The text a timeline entry is matched and summed up by: its first event's sentence.
    pub fn entry_summary(&self, entry: EntryId) -> &str {
        self.entry_sentence(entry)
            .map_or("", |at| self.corpus.sentence_text(at))
    }

    /// The sentence that reports an entry: the first of its events that involves the lens
    /// actors, else its first event.
    pub fn entry_sentence(&self, entry: EntryId) -> Option<SentenceRef> {
        let entry = self.corpus.entries.get(entry.index())?;
        entry_sentence_in(&self.corpus, entry, &self.lens_actors())
    }

    /// How many articles report an entry.
    pub fn entry_articles(&self, entry: EntryId) -> usize {
        self.corpus
            .entries
            .get(entry.index())
            .map_or(0, |e| distinct_articles(&self.corpus, e))
    }

    /// The label a source row shows and is filtered by.
    pub fn source_label(&self, item: SourceItem) -> String {
        match item {
            SourceItem::Outlet(i) => self
                .outlets
                .get(i)
                .map_or_else(String::new, |o| o.name.clone()),
            SourceItem::Cited(s) => self
                .corpus
                .sources
                .get(s.index())
                .map_or_else(String::new, |s| s.name.clone()),
            SourceItem::Quote(q) => self
                .corpus
                .quotes
                .get(q.index())
                .and_then(|q| {
                    let article = self.corpus.article(q.at.article)?;
                    Some(format!("\u{201c}{}\u{201d}", q.span.slice(&article.body)))
                })
                .unwrap_or_default(),
        }
    }

    /// Number of rows in list `i`.
    pub fn list_len(&self, i: usize) -> usize {
        self.rows.get(i).map_or(0, Vec::len)
    }

    /// The selected row of list `i`, as its narrowed item index.
    fn selected_item(&self, i: usize) -> Option<usize> {
        self.rows
            .get(i)?
            .get(self.lists.get(i)?.selected)
            .map(|r| r.item)
    }

    /// The selected timeline row.
    pub fn selected_timeline(&self) -> Option<TimelineItem> {
        self.narrowed.timeline.get(self.selected_item(0)?).copied()
    }

    /// The selected timeline entry (`None` on an article row).
    pub fn selected_entry(&self) -> Option<EntryId> {
        match self.selected_timeline()? {
            TimelineItem::Entry(e) => Some(e),
            TimelineItem::Article(_) => None,
        }
    }

    /// The sentence a timeline row opens at: an entry's reporting sentence; for an article, the
    /// first sentence that mentions a lens actor, else its first sentence.
    pub fn timeline_sentence(&self, item: TimelineItem) -> Option<SentenceRef> {
        match item {
            TimelineItem::Entry(e) => self.entry_sentence(e),
            TimelineItem::Article(article) => {
                let lens = self.lens_actors();
                let sentence = self
                    .corpus
                    .mentions_in(article)
                    .iter()
                    .filter(|m| lens.contains(&m.actor))
                    .map(|m| m.at.sentence)
                    .min()
                    .unwrap_or(0);
                Some(SentenceRef { article, sentence })
            }
        }
    }

    /// The text an article row of the timeline shows and is filtered by.
    pub fn article_row_label(&self, article: ArticleId) -> String {
        article_label(&self.corpus, article)
    }

    /// The selected source row.
    pub fn selected_source(&self) -> Option<SourceItem> {
        self.narrowed
            .sources
            .get(self.selected_item(1)?)
            .map(|s| s.0)
    }

    /// The selected actor.
    pub fn selected_actor(&self) -> Option<ActorId> {
        self.narrowed
            .actors
            .get(self.selected_item(2)?)
            .map(|a| a.0)
    }

    fn location(&self) -> Location {
        Location {
            lens: self.lens.clone(),
            focus: self.focus,
            reader: self.reader.as_ref().map(|r| (r.article, r.sentence)),
        }
    }

    /// Records the current place as a new step in the history (dropping any forward steps).
    fn remember(&mut self) {
        let here = self.location();
        if self.history.get(self.history_pos) == Some(&here) {
            return;
        }
        self.history.truncate(self.history_pos + 1);
        self.history.push(here);
        self.history_pos = self.history.len() - 1;
    }

    fn restore(&mut self, at: Location) {
        let lens_changed = at.lens != self.lens;
        self.lens = at.lens;
        self.focus = at.focus;
        if let Some((article, sentence)) = at.reader {
            self.open_reader(article, sentence);
        }
        if lens_changed {
            self.relens();
        }
    }

    /// Recomputes the panes after the lens changed; selections go back to the top.
    pub(super) fn relens(&mut self) {
        self.narrowed = lens::narrow(&self.corpus, &self.outlets, &self.lens);
        self.timeline_text = OnceLock::new();
        self.keep_reader_in_lens();
        self.lists = [ListState::default(); 3];
        self.rows_query = Default::default();
        self.memo = Default::default();
        self.refilter_all();
    }

    /// When the open article is outside the lens, opens the lens's first article instead, at
    /// its first mention of a lens actor: the reader shows what the panes are about.
    fn keep_reader_in_lens(&mut self) {
        let Some(allowed) = lens::allowed_articles(&self.corpus, &self.outlets, &self.lens) else {
            return;
        };
        let outside = self
            .reader
            .as_ref()
            .is_some_and(|r| !allowed.get(r.article.index()).copied().unwrap_or(false));
        if !outside {
            return;
        }
        let first = self.reader_articles().first().copied();
        if let Some(at) = first.and_then(|a| self.timeline_sentence(TimelineItem::Article(a))) {
            self.open_reader(at.article, at.sentence);
        }
    }

    fn refilter_all(&mut self) {
        for i in 0..3 {
            self.refilter(i);
        }
    }

    /// Recomputes the rows of list `i` from the narrowed list and the filter.
    fn refilter(&mut self, i: usize) {
        let query = self.filters[i].query.clone();
        let previous = std::mem::take(&mut self.rows_query[i]);
        let n = match i {
            0 => self.narrowed.timeline.len(),
            1 => self.narrowed.sources.len(),
            _ => self.narrowed.actors.len(),
        };
        if query.is_empty() {
            self.memo[i].clear();
            self.rows[i] = (0..n).map(|item| Row { item, via: None }).collect();
        } else if let Some(rows) = self.recall(i, &query, &previous) {
            // Backspace: the rows this query had on the way here.
            self.rows[i] = rows;
        } else {
            // Typing one more character can only drop matches (a subsequence of the longer
            // query is one of the shorter; a case-sensitive match is also a folded one): when
            // the query extends the one the rows were computed for, only those rows are
            // matched again, and they are kept for Backspace.
            let narrowing = !previous.is_empty() && query.starts_with(previous.as_str());
            let candidates: Vec<usize> = if narrowing {
                self.rows[i].iter().map(|r| r.item).collect()
            } else {
                (0..n).collect()
            };
            if narrowing {
                let rows = std::mem::take(&mut self.rows[i]);
                self.remember_rows(i, previous, rows);
            } else {
                self.memo[i].clear();
            }
            let mut scored = match i {
                0 => self.match_timeline(&candidates, &query),
                1 => self.match_sources(&candidates, &query),
                _ => self.match_actor_rows(&candidates, &query),
            };
            // A total order (ties by position), so a parallel match gives the same rows.
            // One integer compare per step: score, rank and position packed into a key.
            if scored.len() >= PARALLEL_FROM {
                scored.par_sort_unstable_by_key(Scored::key);
            } else {
                scored.sort_unstable_by_key(Scored::key);
            }
            self.rows[i] = scored
                .into_iter()
                .map(|s| Row {
                    item: s.item as usize,
                    via: s.via,
                })
                .collect();
        }
        self.rows_query[i] = query;
        self.count_kinds(i);
        let len = self.rows[i].len();
        let list = &mut self.lists[i];
        list.selected = list.selected.min(len.saturating_sub(1));
        list.offset = list.offset.min(list.selected);
    }

    /// Keeps `rows`, the result of `query`, for Backspace, while the kept rows stay few enough.
    fn remember_rows(&mut self, i: usize, query: String, rows: Vec<Row>) {
        let kept: usize = self.memo[i].iter().map(|(_, r)| r.len()).sum();
        if kept + rows.len() <= MEMO_ROWS {
            self.memo[i].push((query, rows));
        }
    }

    /// The rows kept for `query` when it is an earlier state of `previous` (Backspace), dropping
    /// the kept results of longer queries.
    fn recall(&mut self, i: usize, query: &str, previous: &str) -> Option<Vec<Row>> {
        if !(previous.starts_with(query) && previous.len() > query.len()) {
            return None;
        }
        while let Some((q, rows)) = self.memo[i].pop() {
            if q == query {
                return Some(rows);
            }
            if q.len() < query.len() {
                self.memo[i].clear();
                return None;
            }
        }
        None
    }

    /// Counts list `i`'s rows by kind, for the pane titles (so a frame does not count a
    /// million rows): timeline entries and articles, sources and quotes.
    fn count_kinds(&mut self, i: usize) {
        let rows = &self.rows[i];
        self.kinds[i] = match i {
            0 => {
                let articles = rows
                    .iter()
                    .filter(|r| {
                        matches!(
                            self.narrowed.timeline.get(r.item),
                            Some(TimelineItem::Article(_))
                        )
                    })
                    .count();
                (rows.len() - articles, articles)
            }
            1 => {
                let quotes = rows
                    .iter()
                    .filter(|r| {
                        matches!(
                            self.narrowed.sources.get(r.item),
                            Some((SourceItem::Quote(_), _))
                        )
                    })
                    .count();
                (rows.len() - quotes, quotes)
            }
            _ => (rows.len(), 0),
        };
    }

    /// The other name an actors row matched through, if any.
    pub fn row_via(&self, row: &Row) -> Option<&str> {
        let (id, _) = *self.narrowed.actors.get(row.item)?;
        names::alias(self.corpus.actor(id)?, row.via)
    }

    /// Matches the timeline's `candidates`: an entry by its reporting sentence, else by the
    /// names of the actors involved (no highlight in the sentence then), ranked by how many
    /// articles report it; an article row by its label.
    fn match_timeline(&self, candidates: &[usize], query: &str) -> Vec<Scored> {
        let corpus = &*self.corpus;
        let matcher = &*self.matcher;
        let lens = self.lens_actors();
        let has_entries = candidates
            .iter()
            .any(|i| matches!(self.narrowed.timeline.get(*i), Some(TimelineItem::Entry(_))));
        // Each actor is matched once, not once per entry it is in.
        let actor_scores: Vec<Option<i64>> = if has_entries {
            let names = &self.names;
            let one = |a: usize| {
                names
                    .best(matcher, ActorId::from_index(a), query)
                    .map(|m| m.0)
            };
            if names.len() >= PARALLEL_FROM {
                (0..names.len()).into_par_iter().map(one).collect()
            } else {
                (0..names.len()).map(one).collect()
            }
        } else {
            Vec::new()
        };
        let prepared = self
            .timeline_text
            .get_or_init(|| TimelineText::new(corpus, &self.narrowed.timeline, &lens));
        let one = |item: usize| -> Option<Scored> {
            let score = matcher.score(prepared.text(item), query).or_else(|| {
                prepared
                    .actors(item)
                    .iter()
                    .filter_map(|a| actor_scores.get(a.index()).copied().flatten())
                    .max()
            })?;
            Some(Scored {
                score,
                rank: prepared.rank(item),
                item: item as u32,
                via: None,
            })
        };
        // The candidates are walked in row order, so the text is read front to back.
        let mut wanted = vec![false; prepared.len()];
        for &c in candidates {
            if let Some(slot) = wanted.get_mut(c) {
                *slot = true;
            }
        }
        let one = |(item, wanted): (usize, &bool)| if *wanted { one(item) } else { None };
        if candidates.len() >= PARALLEL_FROM {
            wanted.par_iter().enumerate().filter_map(one).collect()
        } else {
            wanted.iter().enumerate().filter_map(one).collect()
        }
    }

    /// Matches the sources' `candidates` by their labels, ranked by their counts.
    fn match_sources(&self, candidates: &[usize], query: &str) -> Vec<Scored> {
        candidates
            .iter()
            .filter_map(|&item| {
                let (source, count) = *self.narrowed.sources.get(item)?;
                let score = self.matcher.score(&self.source_label(source), query)?;
                Some(Scored {
                    score,
                    rank: count,
                    item: item as u32,
                    via: None,
                })
            })
            .collect()
    }

    /// Matches the actors list's `candidates` on every name, ranked by mentions, in parallel
    /// when there are many.
    fn match_actor_rows(&self, candidates: &[usize], query: &str) -> Vec<Scored> {
        let names = &self.names;
        let matcher = &*self.matcher;
        // The candidates are walked in actor order, so the names are read front to back.
        let mut item_of = vec![NO_ITEM; names.len()];
        for &item in candidates {
            if let Some((id, _)) = self.narrowed.actors.get(item)
                && let Some(slot) = item_of.get_mut(id.index())
            {
                *slot = item as u32;
            }
        }
        let one = |(actor, &item): (usize, &u32)| -> Option<Scored> {
            if item == NO_ITEM {
                return None;
            }
            let id = ActorId::from_index(actor);
            let (score, via) = names.best(matcher, id, query)?;
            Some(Scored {
                score,
                rank: names.mentions(id),
                item,
                via,
            })
        };
        if candidates.len() >= PARALLEL_FROM {
            item_of.par_iter().enumerate().filter_map(one).collect()
        } else {
            item_of.iter().enumerate().filter_map(one).collect()
        }
    }

    /// The char indices `query` matches in `text`, for highlighting a row as it is drawn:
    /// long lists are matched by score alone, and only the rows on screen need indices.
    pub fn highlight(&self, text: &str, query: &str) -> Vec<usize> {
        if query.is_empty() {
            return Vec::new();
        }
        self.matcher
            .matches(text, query)
            .map(|m| m.indices)
            .unwrap_or_default()
    }

    /// Recomputes the finder's results for its query.
    pub(super) fn refind(&mut self) {
        let Some(Overlay::Finder(finder)) = &mut self.overlay else {
            return;
        };
        let raw = finder.query.clone();
        // Backspace: the results this query had on the way here.
        if finder.results_query.starts_with(raw.as_str()) && finder.results_query.len() > raw.len()
        {
            while let Some((q, results)) = finder.earlier.pop() {
                if q == raw {
                    finder.results = results;
                    finder.results_query = raw;
                    finder.selected = 0;
                    return;
                }
            }
        }
        let (kind, query) = if let Some(q) = raw.strip_prefix('@') {
            (Some(ActorKind::Person), q)
        } else if let Some(q) = raw.strip_prefix('#') {
            (Some(ActorKind::Country), q)
        } else {
            (None, raw.as_str())
        };
        let query = query.trim();
        type Found = (i64, u32, ActorId, Option<u16>);
        // One more character typed can only drop matches: rescan the previous results only.
        let narrowing = !finder.results_query.is_empty()
            && raw.starts_with(finder.results_query.as_str())
            && !query.is_empty();
        let candidates: Vec<ActorId> = if narrowing {
            // In actor order, so the names are read front to back.
            let mut ids: Vec<ActorId> = finder.results.iter().map(|r| r.0).collect();
            ids.sort_unstable();
            let kept: usize = finder.earlier.iter().map(|(_, r)| r.len()).sum();
            if kept + finder.results.len() <= MEMO_ROWS {
                let results = std::mem::take(&mut finder.results);
                finder.earlier.push((finder.results_query.clone(), results));
            }
            ids
        } else {
            finder.earlier.clear();
            self.corpus.actors.iter().map(|a| a.id).collect()
        };
        let merge = finder.merge;
        let names = &self.names;
        let matcher = &*self.matcher;
        let one = |id: ActorId| -> Option<Found> {
            let (actor_kind, hidden) = names.kind(id)?;
            if hidden || kind.is_some_and(|k| actor_kind != k) || merge == Some(id) {
                return None;
            }
            let mentions = names.mentions(id);
            if query.is_empty() {
                return Some((0, mentions, id, None));
            }
            let (score, via) = names.best(matcher, id, query)?;
            Some((score, mentions, id, via))
        };
        let mut results: Vec<Found> = if candidates.len() >= PARALLEL_FROM {
            candidates.par_iter().filter_map(|id| one(*id)).collect()
        } else {
            candidates.iter().filter_map(|id| one(*id)).collect()
        };
        // A total order, so the parallel match gives the same list every time.
        let order = |a: &Found, b: &Found| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2));
        if results.len() >= PARALLEL_FROM {
            results.par_sort_unstable_by(order);
        } else {
            results.sort_unstable_by(order);
        }
        let results: FinderResults = results
            .into_iter()
            .map(|(_, _, a, via)| (a, Vec::new(), via))
            .collect();
        if let Some(Overlay::Finder(finder)) = &mut self.overlay {
            finder.results = results;
            finder.selected = 0;
            finder.results_query = raw;
        }
    }

    /// Opens the reader on `article` at `sentence`, keeping the search when it is the same article.
    fn open_reader(&mut self, article: ArticleId, sentence: u32) {
        let same = self.reader.as_ref().is_some_and(|r| r.article == article);
        if !same {
            self.reader = Some(ReaderState::new(article));
        }
        if let Some(r) = &mut self.reader {
            r.sentence = sentence;
            r.cursor = None;
        }
        self.reveal_sentence(true);
    }

    /// The reader's text width and height (inside borders and the marker gutter).
    fn reader_size(&self) -> (usize, usize) {
        let a = layout::areas(self.size.0, self.size.1, Pane::Reader);
        let rect = a.of(Pane::Reader).unwrap_or_default();
        (
            rect.width.saturating_sub(4) as usize,
            rect.height.saturating_sub(2) as usize,
        )
    }

    /// Scrolls the reader so the current sentence is in view (near the top when `center`).
    fn reveal_sentence(&mut self, center: bool) {
        let (width, height) = self.reader_size();
        let corpus = Arc::clone(&self.corpus);
        let Some(r) = &mut self.reader else { return };
        let Some(article) = corpus.article(r.article) else {
            return;
        };
        let lines = reader::wrap(article, width.max(1));
        let Some(sentence) = article.sentences.get(r.sentence as usize) else {
            return;
        };
        let span = match r.cursor.and_then(|m| corpus.mentions.get(m)) {
            Some(m) => m.span,
            None => sentence.span,
        };
        let Some(line) = reader::line_of(&lines, span) else {
            return;
        };
        let height = height.max(1);
        if center || line < r.scroll || line >= r.scroll + height {
            r.scroll = line.saturating_sub(height / 3);
        }
        let max = lines.len().saturating_sub(1);
        r.scroll = r.scroll.min(max);
    }

    /// The number of rows list `i` shows at the current size.
    fn list_height(&self, pane: Pane) -> usize {
        let a = layout::areas(self.size.0, self.size.1, pane);
        a.of(pane)
            .map_or(1, |r| r.height.saturating_sub(2).max(1) as usize)
    }

    /// Keeps every list's selection in bounds and in view.
    fn fix_scroll(&mut self) {
        for (i, pane) in LISTS.iter().enumerate() {
            let height = self.list_height(*pane);
            let len = self.rows[i].len();
            let l = &mut self.lists[i];
            l.selected = l.selected.min(len.saturating_sub(1));
            if l.selected < l.offset {
                l.offset = l.selected;
            } else if l.selected >= l.offset + height {
                l.offset = l.selected + 1 - height;
            }
            l.offset = l.offset.min(len.saturating_sub(1));
        }
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        self.message = None;
        match action {
            Action::Quit => self.quit = true,
            Action::Resize(w, h) => {
                self.size = (w, h);
                self.reveal_sentence(false);
            }
            _ if self.overlay.is_some() => self.update_overlay(action),
            _ if self.prompt_active() => self.update_prompt(action),
            _ => self.update_panes(action),
        }
        self.fix_scroll();
    }

    fn update_overlay(&mut self, action: Action) {
        match (&mut self.overlay, action) {
            (Some(Overlay::Finder(f)), a) => match a {
                Action::Input(c) => {
                    f.query.push(c);
                    self.refind();
                }
                Action::DeleteChar => {
                    f.query.pop();
                    self.refind();
                }
                Action::Up => f.selected = f.selected.saturating_sub(1),
                Action::Down => {
                    f.selected = (f.selected + 1).min(f.results.len().saturating_sub(1))
                }
                Action::Cancel | Action::Escape => self.overlay = None,
                Action::Submit | Action::Enter => {
                    let chosen = f.results.get(f.selected).map(|r| r.0);
                    let merge = f.merge;
                    self.overlay = None;
                    match (chosen, merge) {
                        (Some(into), Some(from)) => self.merge(from, into),
                        (Some(actor), None) => self.push_lens(LensItem::Actor(actor)),
                        (None, _) => {}
                    }
                }
                _ => {}
            },
            (Some(Overlay::Rename(p)), a) => match a {
                Action::Input(c) => p.text.push(c),
                Action::DeleteChar => {
                    p.text.pop();
                }
                Action::Cancel | Action::Escape => self.overlay = None,
                Action::Submit | Action::Enter => {
                    let (actor, text) = (p.actor, p.text.clone());
                    self.overlay = None;
                    self.rename(actor, text);
                }
                _ => {}
            },
            (Some(Overlay::Help(scroll)), Action::Down | Action::ScrollDown | Action::PageDown)
                if *scroll >= super::keymap::help_lines().len() =>
            {
                // The help's length is known: no scrolling into emptiness.
                *scroll = super::keymap::help_lines().len();
            }
            (Some(Overlay::Help(scroll) | Overlay::Detail(_, scroll)), a) => match a {
                Action::Up | Action::ScrollUp => *scroll = scroll.saturating_sub(1),
                Action::Down | Action::ScrollDown => *scroll = scroll.saturating_add(1).min(500),
                Action::PageUp => *scroll = scroll.saturating_sub(10),
                Action::PageDown => *scroll = scroll.saturating_add(10).min(500),
                Action::Top => *scroll = 0,
                Action::ToggleHelp => {
                    self.overlay = match self.overlay {
                        Some(Overlay::Help(_)) => None,
                        _ => Some(Overlay::Help(0)),
                    }
                }
                Action::Cancel | Action::Escape => self.overlay = None,
                _ => {}
            },
            (None, _) => {}
        }
    }

    fn update_prompt(&mut self, action: Action) {
        if let Some(i) = list_index(self.focus) {
            match action {
                Action::Input(c) => self.filters[i].query.push(c),
                Action::DeleteChar => {
                    self.filters[i].query.pop();
                }
                Action::Submit => self.filters[i].editing = false,
                Action::Cancel => self.filters[i] = Filter::default(),
                _ => return,
            }
            if !matches!(action, Action::Submit) {
                self.lists[i] = ListState::default();
                self.refilter(i);
            }
            return;
        }
        let Some(r) = &mut self.reader else { return };
        match action {
            Action::Input(c) => r.search.push(c),
            Action::DeleteChar => {
                r.search.pop();
            }
            Action::Submit => {
                r.searching = false;
                self.next_search_match(true);
            }
            Action::Cancel => {
                r.search.clear();
                r.searching = false;
            }
            _ => {}
        }
    }

    fn update_panes(&mut self, action: Action) {
        match action {
            Action::ToggleHelp => self.overlay = Some(Overlay::Help(0)),
            Action::FocusNext | Action::FocusPrev => {
                let n = self.focus.number();
                let next = if action == Action::FocusNext {
                    (n + 1) % 4
                } else {
                    (n + 3) % 4
                };
                self.focus = Pane::ALL[next];
            }
            Action::Focus(p) => self.focus = p,
            Action::Up | Action::ScrollUp => self.move_by(-1),
            Action::Down | Action::ScrollDown => self.move_by(1),
            Action::PageUp => self.move_by(-(self.page() as isize)),
            Action::PageDown => self.move_by(self.page() as isize),
            Action::Top => self.move_by(isize::MIN / 2),
            Action::Bottom => self.move_by(isize::MAX / 2),
            Action::Enter => self.enter(),
            Action::PopLens if !self.lens.is_empty() => {
                self.lens.pop();
                self.relens();
                self.remember();
            }
            Action::Escape => self.escape(),
            Action::HistoryBack if self.history_pos > 0 => {
                self.remember();
                self.history_pos = self.history_pos.saturating_sub(1);
                if let Some(at) = self.history.get(self.history_pos).cloned() {
                    self.restore(at);
                }
            }
            Action::HistoryForward => {
                if let Some(at) = self.history.get(self.history_pos + 1).cloned() {
                    self.history_pos += 1;
                    self.restore(at);
                }
            }
            Action::StartFilter => match list_index(self.focus) {
                Some(i) => self.filters[i].editing = true,
                None => {
                    if let Some(r) = &mut self.reader {
                        r.searching = true;
                        r.search.clear();
                    }
                }
            },
            Action::OpenFinder => {
                self.overlay = Some(Overlay::Finder(Finder::default()));
                self.refind();
            }
            Action::NextSentence => self.move_sentence(1),
            Action::PrevSentence => self.move_sentence(-1),
            Action::NextArticle => self.move_article(1),
            Action::PrevArticle => self.move_article(-1),
            Action::NextMatch => self.next_match(true),
            Action::PrevMatch => self.next_match(false),
            Action::ShowDetail => {
                let target = match self.focus {
                    Pane::Actors => self.selected_actor().map(DetailTarget::Actor),
                    Pane::Sources => match self.selected_source() {
                        // A quote's detail is its speaker's.
                        Some(SourceItem::Quote(q)) => {
                            match self.corpus.quotes.get(q.index()).map(|q| &q.speaker) {
                                Some(Speaker::Actor(a)) => Some(DetailTarget::Actor(*a)),
                                _ => None,
                            }
                        }
                        other => other.map(DetailTarget::Source),
                    },
                    Pane::Reader => self.cursor_actor().map(DetailTarget::Actor),
                    Pane::Timeline => None,
                };
                if let Some(t) = target {
                    self.overlay = Some(Overlay::Detail(t, 0));
                }
            }
            Action::Copy => self.copy(),
            Action::Click(col, row) => self.click(col, row),
            Action::MergeActor | Action::RenameActor | Action::HideActor
                if self.focus == Pane::Actors =>
            {
                let Some(actor) = self.selected_actor() else {
                    self.message = Some("no actor selected".into());
                    return;
                };
                match action {
                    Action::MergeActor => self.start_merge(actor),
                    Action::RenameActor => self.start_rename(actor),
                    _ => self.hide(actor),
                }
            }
            Action::UndoCorrection => self.undo_correction(),
            _ => {}
        }
    }

    fn page(&self) -> usize {
        match list_index(self.focus) {
            Some(_) => self.list_height(self.focus).saturating_sub(1).max(1),
            None => self.reader_size().1.saturating_sub(1).max(1),
        }
    }

    fn move_by(&mut self, delta: isize) {
        match list_index(self.focus) {
            Some(i) => {
                let len = self.rows[i].len();
                let l = &mut self.lists[i];
                l.selected = l
                    .selected
                    .saturating_add_signed(delta)
                    .min(len.saturating_sub(1));
            }
            None => {
                let (width, _) = self.reader_size();
                let corpus = Arc::clone(&self.corpus);
                if let Some(r) = &mut self.reader {
                    let lines = corpus
                        .article(r.article)
                        .map_or(0, |a| reader::wrap(a, width.max(1)).len());
                    r.scroll = r
                        .scroll
                        .saturating_add_signed(delta)
                        .min(lines.saturating_sub(1));
                }
            }
        }
    }

    fn push_lens(&mut self, item: LensItem) {
        if !self.lens.contains(&item) {
            self.lens.push(item);
            self.relens();
        }
        self.remember();
    }

    fn enter(&mut self) {
        match self.focus {
            Pane::Timeline => {
                if let Some(at) = self
                    .selected_timeline()
                    .and_then(|e| self.timeline_sentence(e))
                {
                    self.open_reader(at.article, at.sentence);
                    self.focus = Pane::Reader;
                    self.remember();
                }
            }
            Pane::Sources => {
                let item = match self.selected_source() {
                    Some(SourceItem::Outlet(i)) => LensItem::Outlet(i),
                    Some(SourceItem::Cited(s)) => LensItem::Source(s),
                    Some(SourceItem::Quote(q)) => {
                        // A quote is read, not narrowed by.
                        if let Some(at) = self.corpus.quotes.get(q.index()).map(|q| q.at) {
                            self.open_reader(at.article, at.sentence);
                            self.focus = Pane::Reader;
                            self.remember();
                        }
                        return;
                    }
                    None => return,
                };
                self.push_lens(item);
            }
            Pane::Actors => {
                if let Some(a) = self.selected_actor() {
                    self.push_lens(LensItem::Actor(a));
                }
            }
            Pane::Reader => {
                if let Some(a) = self.cursor_actor() {
                    self.push_lens(LensItem::Actor(a));
                }
            }
        }
    }

    /// The marked mention's actor, else the first actor mentioned in the current sentence.
    pub fn cursor_actor(&self) -> Option<ActorId> {
        let r = self.reader.as_ref()?;
        if let Some(m) = r.cursor.and_then(|m| self.corpus.mentions.get(m)) {
            return Some(m.actor);
        }
        self.corpus
            .mentions_in(r.article)
            .iter()
            .find(|m| m.at.sentence == r.sentence)
            .map(|m| m.actor)
    }

    fn escape(&mut self) {
        if let Some(i) = list_index(self.focus)
            && !self.filters[i].query.is_empty()
        {
            self.filters[i] = Filter::default();
            self.refilter(i);
            return;
        }
        if self.focus == Pane::Reader
            && let Some(r) = &mut self.reader
            && (!r.search.is_empty() || r.cursor.is_some())
        {
            r.search.clear();
            r.cursor = None;
            return;
        }
        if !self.lens.is_empty() {
            self.lens.clear();
            self.relens();
            self.remember();
        }
    }

    /// The articles the reader steps through: in date order, those the lens keeps.
    pub fn reader_articles(&self) -> Vec<ArticleId> {
        let allowed = lens::allowed_articles(&self.corpus, &self.outlets, &self.lens);
        let mut list: Vec<&crate::model::Article> = self
            .corpus
            .articles
            .iter()
            .filter(|a| {
                allowed
                    .as_ref()
                    .is_none_or(|v| v.get(a.id.index()).copied().unwrap_or(false))
            })
            .collect();
        list.sort_by_key(|a| (a.date, a.id));
        list.into_iter().map(|a| a.id).collect()
    }

    fn move_article(&mut self, delta: isize) {
        let list = self.reader_articles();
        let here = self
            .reader
            .as_ref()
            .and_then(|r| list.iter().position(|a| *a == r.article));
        let next = match here {
            Some(i) => i
                .saturating_add_signed(delta)
                .min(list.len().saturating_sub(1)),
            None => 0,
        };
        if let Some(article) = list.get(next).copied()
            && Some(next) != here
        {
            self.open_reader(article, 0);
            if let Some(r) = &mut self.reader {
                r.scroll = 0;
            }
            self.remember();
        }
    }

    fn move_sentence(&mut self, delta: i64) {
        let corpus = Arc::clone(&self.corpus);
        let Some(r) = &mut self.reader else { return };
        let n = corpus.article(r.article).map_or(0, |a| a.sentences.len());
        if n == 0 {
            return;
        }
        r.sentence = (i64::from(r.sentence) + delta).clamp(0, n as i64 - 1) as u32;
        r.cursor = None;
        self.reveal_sentence(false);
    }

    /// n / N: the next search match when searching, else the next mention of a lens actor (of
    /// any actor when the lens has none).
    fn next_match(&mut self, forward: bool) {
        if self.reader.as_ref().is_some_and(|r| !r.search.is_empty()) {
            self.next_search_match(forward);
            return;
        }
        let lens = self.lens_actors();
        let corpus = Arc::clone(&self.corpus);
        let Some(r) = &mut self.reader else { return };
        let base = corpus
            .index
            .mentions_in_article
            .get(r.article.index())
            .map_or(0, |range| range.start as usize);
        let mentions = corpus.mentions_in(r.article);
        let wanted = |m: &crate::model::Mention| lens.is_empty() || lens.contains(&m.actor);
        let here = r.cursor.map(|c| c as isize - base as isize);
        let pick = if forward {
            let from = here.map_or(0, |h| h + 1).max(0) as usize;
            let sentence_start = r.sentence;
            mentions
                .iter()
                .enumerate()
                .skip(from)
                .find(|(_, m)| wanted(m) && (here.is_some() || m.at.sentence >= sentence_start))
                .map(|(i, _)| i)
        } else {
            let to = here.unwrap_or(mentions.len() as isize).max(0) as usize;
            mentions
                .iter()
                .enumerate()
                .take(to)
                .rev()
                .find(|(_, m)| wanted(m) && (here.is_some() || m.at.sentence <= r.sentence))
                .map(|(i, _)| i)
        };
        if let Some(i) = pick
            && let Some(m) = mentions.get(i)
        {
            r.cursor = Some(base + i);
            r.sentence = m.at.sentence;
            self.reveal_sentence(false);
        }
    }

    fn next_search_match(&mut self, forward: bool) {
        let corpus = Arc::clone(&self.corpus);
        let Some(r) = &mut self.reader else { return };
        let Some(article) = corpus.article(r.article) else {
            return;
        };
        let hits = search_hits(&article.body, &r.search);
        let current = article
            .sentences
            .get(r.sentence as usize)
            .map_or(0, |s| s.span.start as usize);
        let pick = if forward {
            hits.iter()
                .find(|h| {
                    article
                        .sentence_at(h.0 as u32)
                        .is_some_and(|s| s > r.sentence)
                })
                .or_else(|| hits.iter().find(|h| h.0 >= current))
                .or(hits.first())
        } else {
            hits.iter()
                .rev()
                .find(|h| {
                    article
                        .sentence_at(h.0 as u32)
                        .is_some_and(|s| s < r.sentence)
                })
                .or(hits.last())
        };
        match pick.and_then(|h| article.sentence_at(h.0 as u32)) {
            Some(s) => {
                r.sentence = s;
                r.cursor = None;
                self.reveal_sentence(false);
            }
            None if !r.search.is_empty() => {
                self.message = Some("no match in this article".into());
            }
            None => {}
        }
    }

    fn copy(&mut self) {
        let at = match self.focus {
            Pane::Timeline => self
                .selected_timeline()
                .and_then(|e| self.timeline_sentence(e)),
            Pane::Sources => match self.selected_source() {
                Some(SourceItem::Quote(q)) => self.corpus.quotes.get(q.index()).map(|q| q.at),
                _ => None,
            },
            Pane::Reader => self.reader.as_ref().map(|r| SentenceRef {
                article: r.article,
                sentence: r.sentence,
            }),
            _ => None,
        };
        let Some(at) = at else {
            self.message = Some("nothing to copy here".into());
            return;
        };
        let Some(article) = self.corpus.article(at.article) else {
            return;
        };
        // A quote opening in this sentence is copied on its own, with its speaker.
        let quote = self
            .corpus
            .quotes_in(at.article)
            .iter()
            .find(|q| q.at == at);
        let text = match quote {
            Some(q) => {
                let who = match &q.speaker {
                    Speaker::Actor(a) => self
                        .corpus
                        .actor(*a)
                        .map_or_else(String::new, |a| a.name.clone()),
                    Speaker::Described(d) => d.clone(),
                    Speaker::Unattributed => String::new(),
                };
                let words = q.span.slice(&article.body);
                if who.is_empty() {
                    format!("\u{201c}{words}\u{201d}")
                } else {
                    format!("\u{201c}{words}\u{201d} ({who})")
                }
            }
            None => self.corpus.sentence_text(at).to_string(),
        };
        let outlet = article.outlet.as_deref().unwrap_or("unknown outlet");
        let date = article.date.map(|d| d.to_string()).unwrap_or_default();
        let citation = format!(
            "{outlet}, {date}, \u{201c}{}\u{201d}",
            article.display_title()
        );
        self.clipboard = Some(format!("{text} \u{2014} {citation}"));
        self.message = Some("copied to the clipboard (OSC 52)".into());
    }

    fn click(&mut self, col: u16, row: u16) {
        let a = layout::areas(self.size.0, self.size.1, self.focus);
        let pos = ratatui::layout::Position::new(col, row);
        for (pane, rect) in &a.panes {
            if rect.contains(pos) {
                self.focus = *pane;
                if let Some(i) = list_index(*pane) {
                    let line = row.saturating_sub(rect.y + 1) as usize;
                    let target = self.lists[i].offset + line;
                    if target < self.rows[i].len() {
                        self.lists[i].selected = target;
                    }
                }
            }
        }
    }

    /// The articles an actor is in, for its detail view.
    pub fn actor_detail_articles(&self, actor: ActorId) -> Vec<ArticleId> {
        self.corpus
            .actor(actor)
            .map(|a| a.articles.clone())
            .unwrap_or_default()
    }

    /// Takes the text waiting to be copied.
    pub fn take_clipboard(&mut self) -> Option<String> {
        self.clipboard.take()
    }
}

/// The sentence that reports `entry`: the first of its events that involves every actor in
/// `lens`, else its first event.
pub(super) fn entry_sentence_in(
    corpus: &Corpus,
    entry: &TimelineEntry,
    lens: &[ActorId],
) -> Option<SentenceRef> {
    let events = || {
        entry
            .events
            .iter()
            .filter_map(|e| corpus.events.get(e.index()))
    };
    events()
        .find(|e| lens.iter().all(|a| e.actors.contains(a)))
        .or_else(|| events().next())
        .map(|e| e.at)
}

/// The text an article row of the timeline shows and is filtered by.
pub(super) fn article_label(corpus: &Corpus, article: ArticleId) -> String {
    let Some(a) = corpus.article(article) else {
        return String::new();
    };
    match a.outlet.as_deref() {
        Some(outlet) => format!("published: {} \u{2014} {outlet}", a.display_title()),
        None => format!("published: {}", a.display_title()),
    }
}

/// How many distinct articles report `entry`, without allocating for the usual few events.
pub(super) fn distinct_articles(corpus: &Corpus, entry: &TimelineEntry) -> usize {
    let article = |i: usize| {
        entry
            .events
            .get(i)
            .and_then(|e| corpus.events.get(e.index()))
            .map(|e| e.at.article)
    };
    let n = entry.events.len();
    if n > 16 {
        let mut all: Vec<ArticleId> = (0..n).filter_map(article).collect();
        all.sort_unstable();
        all.dedup();
        return all.len();
    }
    (0..n)
        .filter(|&i| {
            let here = article(i);
            here.is_some() && (0..i).all(|j| article(j) != here)
        })
        .count()
}

/// Byte ranges where `query` occurs in `body`, case-insensitively (ASCII case folding, so byte
/// offsets stay valid).
pub fn search_hits(body: &str, query: &str) -> Vec<(usize, usize)> {
    if query.is_empty() {
        return Vec::new();
    }
    let hay = body.to_ascii_lowercase();
    let needle = query.to_ascii_lowercase();
    hay.match_indices(&needle)
        .map(|(i, s)| (i, i + s.len()))
        .collect()
}
