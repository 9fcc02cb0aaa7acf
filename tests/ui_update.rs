//! `App::update` without a terminal: focus, lens, filters, finder, reader and history.

use std::sync::Arc;

use dossier::corrections::{Correction, Corrections};
use dossier::model::{ActorKind, Corpus};
use dossier::ui::app::Overlay;
use dossier::ui::correct::CorrectionsStore;
use dossier::ui::lens::{LensItem, SourceItem, TimelineItem};
use dossier::ui::{Action, App, Pane, fixture};

fn app() -> App {
    App::new(Arc::new(fixture::corpus()), 120, 40)
}

fn run(app: &mut App, actions: &[Action]) {
    for a in actions {
        app.update(*a);
    }
}

fn typed(s: &str) -> Vec<Action> {
    s.chars().map(Action::Input).collect()
}

fn actor(app: &App, name: &str) -> dossier::model::ActorId {
    app.corpus.find_actor(name).expect("fixture actor")
}

#[test]
fn focus_moves_by_tab_and_digits() {
    let cases: &[(&[Action], Pane)] = &[
        (&[], Pane::Timeline),
        (&[Action::FocusNext], Pane::Sources),
        (&[Action::FocusPrev], Pane::Reader),
        (
            &[
                Action::FocusNext,
                Action::FocusNext,
                Action::FocusNext,
                Action::FocusNext,
            ],
            Pane::Timeline,
        ),
        (&[Action::Focus(Pane::Actors)], Pane::Actors),
    ];
    for (actions, want) in cases {
        let mut a = app();
        run(&mut a, actions);
        assert_eq!(a.focus, *want, "{actions:?}");
    }
}

#[test]
fn selection_stays_in_bounds() {
    let mut a = app();
    run(&mut a, &[Action::Focus(Pane::Actors), Action::Bottom]);
    assert_eq!(a.lists[2].selected, a.list_len(2) - 1);
    run(&mut a, &[Action::Down, Action::PageDown]);
    assert_eq!(a.lists[2].selected, a.list_len(2) - 1);
    run(&mut a, &[Action::Top, Action::Up, Action::PageUp]);
    assert_eq!(a.lists[2].selected, 0);
}

#[test]
fn lens_push_pop_and_clear() {
    let mut a = app();
    let all_entries = a.narrowed.timeline.len();
    let tchiani = actor(&a, "Tchiani");
    // Select Tchiani in the actors list and press Enter.
    a.update(Action::Focus(Pane::Actors));
    while a.selected_actor() != Some(tchiani) {
        a.update(Action::Down);
    }
    a.update(Action::Enter);
    assert_eq!(a.lens, vec![LensItem::Actor(tchiani)]);
    let under_one = a.narrowed.timeline.len();
    assert!(under_one < all_entries && under_one > 0);
    assert!(a.narrowed.actors.iter().all(|(x, _)| *x != tchiani));
    // A second actor narrows further.
    let bazoum = actor(&a, "Bazoum");
    while a.selected_actor() != Some(bazoum) {
        a.update(Action::Down);
    }
    a.update(Action::Enter);
    assert_eq!(a.lens.len(), 2);
    assert!(a.narrowed.timeline.len() <= under_one);
    a.update(Action::PopLens);
    assert_eq!(a.lens, vec![LensItem::Actor(tchiani)]);
    assert_eq!(a.narrowed.timeline.len(), under_one);
    a.update(Action::Escape);
    assert!(a.lens.is_empty());
    assert_eq!(a.narrowed.timeline.len(), all_entries);
}

#[test]
fn filter_matches_aliases_and_ranks() {
    let mut a = app();
    a.update(Action::Focus(Pane::Actors));
    a.update(Action::StartFilter);
    assert!(a.prompt_active());
    run(&mut a, &typed("omar"));
    assert_eq!(a.selected_actor(), Some(actor(&a, "Tchiani")));
    assert_eq!(a.row_via(&a.rows[2][0]), Some("Omar Tchiani"));
    a.update(Action::DeleteChar);
    run(&mut a, &[Action::Submit]);
    assert!(!a.prompt_active());
    assert_eq!(a.filters[2].query, "oma");
    // Esc after keeping drops the filter.
    a.update(Action::Escape);
    assert!(a.filters[2].query.is_empty());
    assert_eq!(a.list_len(2), a.narrowed.actors.len());
    // "nigerien" finds Niger through its demonym.
    run(&mut a, &[Action::StartFilter]);
    run(&mut a, &typed("nigerien"));
    assert_eq!(a.selected_actor(), Some(actor(&a, "Niger")));
    a.update(Action::Cancel);
    assert!(a.filters[2].query.is_empty() && !a.prompt_active());
}

#[test]
fn keys_typed_into_a_prompt_do_not_act() {
    let mut a = app();
    a.update(Action::StartFilter);
    // 'q' is a character here, resolved by the keymap as Input('q').
    let ctx = a.contexts();
    let key = dossier::ui::keymap::Key::from_event(crossterm::event::KeyEvent::from(
        crossterm::event::KeyCode::Char('q'),
    ));
    assert_eq!(
        dossier::ui::keymap::resolve(key, &ctx),
        Some(Action::Input('q'))
    );
}

#[test]
fn finder_filters_by_kind_and_pushes_the_lens() {
    let mut a = app();
    a.update(Action::OpenFinder);
    let Some(Overlay::Finder(f)) = &a.overlay else {
        panic!("finder open")
    };
    assert_eq!(f.results.len(), a.corpus.actors.len());
    run(&mut a, &typed("@"));
    let Some(Overlay::Finder(f)) = &a.overlay else {
        panic!("finder open")
    };
    assert!(
        f.results
            .iter()
            .all(|(x, _, _)| a.corpus.actor(*x).unwrap().kind == ActorKind::Person)
    );
    run(&mut a, &[Action::DeleteChar]);
    run(&mut a, &typed("#"));
    let Some(Overlay::Finder(f)) = &a.overlay else {
        panic!("finder open")
    };
    assert!(
        f.results
            .iter()
            .all(|(x, _, _)| a.corpus.actor(*x).unwrap().kind == ActorKind::Country)
    );
    run(&mut a, &[Action::DeleteChar]);
    run(&mut a, &typed("tch"));
    a.update(Action::Submit);
    assert!(a.overlay.is_none());
    assert_eq!(a.lens, vec![LensItem::Actor(actor(&a, "Tchiani"))]);
}

#[test]
fn timeline_enter_opens_the_reader_at_the_sentence() {
    let mut a = app();
    let tchiani = actor(&a, "Tchiani");
    a.lens.clear();
    a.update(Action::OpenFinder);
    run(&mut a, &typed("tch"));
    a.update(Action::Submit);
    a.update(Action::Focus(Pane::Timeline));
    let row = a.selected_timeline().expect("a row");
    let at = a.timeline_sentence(row).expect("its sentence");
    a.update(Action::Enter);
    assert_eq!(a.focus, Pane::Reader);
    let r = a.reader.clone().expect("reader open");
    assert_eq!((r.article, r.sentence), (at.article, at.sentence));
    assert!(a.corpus.sentence_text(at).contains("Tchiani"));
    // n marks the next Tchiani mention; Enter on it keeps him in the lens (already there).
    a.update(Action::NextMatch);
    let cursor = a.reader.as_ref().and_then(|r| r.cursor).expect("marked");
    assert_eq!(a.corpus.mentions[cursor].actor, tchiani);
    // ] and [ move between sentences, clamped.
    a.update(Action::NextSentence);
    assert_eq!(a.reader.as_ref().unwrap().sentence, at.sentence + 1);
    a.update(Action::PrevSentence);
    a.update(Action::PrevSentence);
    assert_eq!(
        a.reader.as_ref().unwrap().sentence,
        at.sentence.saturating_sub(1)
    );
}

#[test]
fn reader_enter_on_a_mention_pushes_its_actor() {
    let mut a = app();
    a.update(Action::Focus(Pane::Reader));
    a.update(Action::NextMatch);
    let cursor = a.reader.as_ref().and_then(|r| r.cursor).expect("marked");
    let who = a.corpus.mentions[cursor].actor;
    a.update(Action::Enter);
    assert_eq!(a.lens, vec![LensItem::Actor(who)]);
}

#[test]
fn reader_search_moves_to_the_matching_sentence() {
    let mut a = app();
    a.update(Action::Focus(Pane::Reader));
    a.update(Action::StartFilter);
    run(&mut a, &typed("macron"));
    a.update(Action::Submit);
    let r = a.reader.clone().unwrap();
    assert!(
        a.corpus
            .article(r.article)
            .unwrap()
            .sentence_text(r.sentence)
            .contains("Macron")
    );
    a.update(Action::Escape);
    assert!(a.reader.as_ref().unwrap().search.is_empty());
}

#[test]
fn history_goes_back_and_forward() {
    let mut a = app();
    let tchiani = actor(&a, "Tchiani");
    let france = actor(&a, "France");
    for who in ["tch", "france"] {
        a.update(Action::OpenFinder);
        run(&mut a, &typed(who));
        a.update(Action::Submit);
    }
    assert_eq!(
        a.lens,
        vec![LensItem::Actor(tchiani), LensItem::Actor(france)]
    );
    a.update(Action::HistoryBack);
    assert_eq!(a.lens, vec![LensItem::Actor(tchiani)]);
    a.update(Action::HistoryBack);
    assert!(a.lens.is_empty());
    a.update(Action::HistoryBack);
    assert!(a.lens.is_empty());
    a.update(Action::HistoryForward);
    assert_eq!(a.lens, vec![LensItem::Actor(tchiani)]);
    a.update(Action::HistoryForward);
    assert_eq!(a.lens.len(), 2);
    a.update(Action::HistoryForward);
    assert_eq!(a.lens.len(), 2);
}

#[test]
fn copy_puts_the_quote_with_its_citation() {
    let mut a = app();
    a.update(Action::Focus(Pane::Reader));
    while !a
        .corpus
        .sentence_text(dossier::model::SentenceRef {
            article: a.reader.as_ref().unwrap().article,
            sentence: a.reader.as_ref().unwrap().sentence,
        })
        .contains("Macron")
    {
        a.update(Action::NextSentence);
    }
    a.update(Action::Copy);
    let text = a.take_clipboard().expect("copied");
    assert!(text.starts_with("\u{201c}We stand with"), "{text}");
    assert!(text.contains("(Emmanuel Macron)"));
    assert!(text.contains("Reuters, 2023-07-26"));
}

#[test]
fn empty_extraction_corpus_works() {
    let report = dossier::sample::load_sample();
    let mut c = Corpus {
        articles: report.articles,
        ..Corpus::default()
    };
    c.reindex();
    let mut a = App::new(Arc::new(c), 80, 24);
    for action in [
        Action::Enter,
        Action::Down,
        Action::Focus(Pane::Actors),
        Action::Enter,
        Action::OpenFinder,
        Action::Input('x'),
        Action::Submit,
        Action::Focus(Pane::Reader),
        Action::NextMatch,
        Action::NextSentence,
        Action::Copy,
    ] {
        a.update(action);
    }
    assert!(a.lens.is_empty());
    assert!(a.reader.is_some());
    let empty = App::new(Arc::new(Corpus::default()), 80, 24);
    assert!(empty.reader.is_none());
}

#[test]
fn reader_steps_through_articles_under_the_lens() {
    let mut a = app();
    a.update(Action::Focus(Pane::Reader));
    let first = a.reader.as_ref().unwrap().article;
    a.update(Action::NextArticle);
    let second = a.reader.as_ref().unwrap().article;
    assert_ne!(first, second);
    a.update(Action::PrevArticle);
    a.update(Action::PrevArticle);
    assert_eq!(a.reader.as_ref().unwrap().article, first);
    // Under a lens on Macron (one article), there is nowhere else to go.
    a.update(Action::OpenFinder);
    run(&mut a, &typed("macron"));
    a.update(Action::Submit);
    let kept = a.reader_articles();
    assert_eq!(kept.len(), 1);
}

#[test]
fn articles_sit_on_the_timeline_under_the_lens() {
    let mut a = app();
    let dated = a
        .corpus
        .articles
        .iter()
        .filter(|x| x.date.is_some())
        .count();
    let article_rows = |a: &App| -> Vec<dossier::model::ArticleId> {
        a.narrowed
            .timeline
            .iter()
            .filter_map(|r| match r {
                TimelineItem::Article(x) => Some(*x),
                TimelineItem::Entry(_) => None,
            })
            .collect()
    };
    assert_eq!(article_rows(&a).len(), dated);
    // In date order, entries and articles interleaved.
    let date = |a: &App, r: &TimelineItem| match r {
        TimelineItem::Entry(e) => a.corpus.entries[e.index()].point.date,
        TimelineItem::Article(x) => a.corpus.articles[x.index()].date.expect("dated"),
    };
    let dates: Vec<_> = a.narrowed.timeline.iter().map(|r| date(&a, r)).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");

    let tchiani = actor(&a, "Tchiani");
    a.update(Action::OpenFinder);
    run(&mut a, &typed("tch"));
    a.update(Action::Submit);
    let his: Vec<_> = a.corpus.actors[tchiani.index()]
        .articles
        .iter()
        .copied()
        .filter(|x| a.corpus.articles[x.index()].date.is_some())
        .collect();
    let mut rows = article_rows(&a);
    rows.sort();
    assert_eq!(rows, his, "exactly his dated articles");
    // Enter on an article row opens it at the first sentence that mentions him.
    let pos = a.rows[0]
        .iter()
        .position(|r| matches!(a.narrowed.timeline[r.item], TimelineItem::Article(_)))
        .expect("an article row");
    a.lists[0].selected = pos;
    let Some(TimelineItem::Article(article)) = a.selected_timeline() else {
        panic!("article row selected");
    };
    a.update(Action::Enter);
    let r = a.reader.clone().expect("reader");
    assert_eq!((a.focus, r.article), (Pane::Reader, article));
    let first = a
        .corpus
        .mentions_in(article)
        .iter()
        .filter(|m| m.actor == tchiani)
        .map(|m| m.at.sentence)
        .min()
        .expect("he is mentioned");
    assert_eq!(r.sentence, first);
    // Without a lens, an article row opens at its start.
    a.update(Action::Escape);
    a.update(Action::Focus(Pane::Timeline));
    let pos = a.rows[0]
        .iter()
        .position(|r| matches!(a.narrowed.timeline[r.item], TimelineItem::Article(_)))
        .expect("an article row");
    a.lists[0].selected = pos;
    a.update(Action::Enter);
    assert_eq!(a.reader.as_ref().map(|r| r.sentence), Some(0));
}

#[test]
fn his_quotes_are_in_the_sources_pane_and_enter_reads_one() {
    let sample = dossier::pipeline::analyze(dossier::sample::load_sample().articles);
    let mut a = App::new(Arc::new(sample), 120, 40);
    let tchiani = actor(&a, "Tchiani");
    let quoted = !a.corpus.index.quotes_of_actor[tchiani.index()].is_empty();
    assert!(quoted, "the sample quotes him");
    a.update(Action::OpenFinder);
    run(&mut a, &typed("tch"));
    a.update(Action::Submit);
    let quotes: Vec<_> = a
        .narrowed
        .sources
        .iter()
        .filter_map(|(s, _)| match s {
            SourceItem::Quote(q) => Some(*q),
            _ => None,
        })
        .collect();
    let mut want = a.corpus.index.quotes_of_actor[tchiani.index()].clone();
    want.sort();
    let mut got = quotes.clone();
    got.sort();
    assert_eq!(got, want);
    a.update(Action::Focus(Pane::Sources));
    let pos = a.rows[1]
        .iter()
        .position(|r| matches!(a.narrowed.sources[r.item].0, SourceItem::Quote(_)))
        .expect("a quote row");
    a.lists[1].selected = pos;
    let Some(SourceItem::Quote(q)) = a.selected_source() else {
        panic!("quote selected");
    };
    a.update(Action::Enter);
    let at = a.corpus.quotes[q.index()].at;
    let r = a.reader.clone().expect("reader");
    assert_eq!(
        (a.focus, r.article, r.sentence),
        (Pane::Reader, at.article, at.sentence)
    );
    assert_eq!(a.lens.len(), 1, "a quote is read, not put in the lens");
}

/// A store that records every save, or fails with a sentence.
#[derive(Clone, Default)]
struct Recorder {
    saves: Arc<std::sync::Mutex<Vec<Corrections>>>,
    fail: Option<String>,
}

impl CorrectionsStore for Recorder {
    fn save(&mut self, c: &Corrections) -> Result<(), String> {
        if let Some(why) = &self.fail {
            return Err(why.clone());
        }
        self.saves.lock().expect("lock").push(c.clone());
        Ok(())
    }
}

impl Recorder {
    fn last(&self) -> Option<Corrections> {
        self.saves.lock().expect("lock").last().cloned()
    }
}

fn correctable(store: &Recorder) -> App {
    let (a, unmatched) = App::with_corrections(
        fixture::corpus(),
        Ok(Corrections::default()),
        Box::new(store.clone()),
        120,
        40,
    );
    assert!(unmatched.is_empty());
    a
}

/// Focuses the actors pane with `id` selected.
fn select_actor(a: &mut App, id: dossier::model::ActorId) {
    a.update(Action::Focus(Pane::Actors));
    let row = a.rows[2]
        .iter()
        .position(|r| a.narrowed.actors[r.item].0 == id)
        .expect("actor listed");
    a.lists[2].selected = row;
}

fn listed(a: &App, id: dossier::model::ActorId) -> bool {
    a.narrowed.actors.iter().any(|(x, _)| *x == id)
}

#[test]
fn x_hides_the_actor_everywhere_and_u_undoes_it() {
    let store = Recorder::default();
    let mut a = correctable(&store);
    let france = actor(&a, "France");
    let name = a.corpus.actors[france.index()].name.clone();
    select_actor(&mut a, france);
    a.update(Action::HideActor);
    assert!(a.corpus.actors[france.index()].hidden);
    assert!(!listed(&a, france));
    assert_eq!(
        store.last().expect("saved").list,
        vec![Correction::Hide { hide: name }]
    );
    assert!(a.message.as_deref().is_some_and(|m| m.contains("hid")));
    // Gone from the finder too.
    a.update(Action::OpenFinder);
    run(&mut a, &typed("france"));
    let Some(Overlay::Finder(f)) = &a.overlay else {
        panic!("finder open");
    };
    assert!(f.results.iter().all(|r| r.0 != france));
    a.update(Action::Cancel);
    a.update(Action::UndoCorrection);
    assert!(!a.corpus.actors[france.index()].hidden);
    assert!(listed(&a, france));
    assert_eq!(store.last().expect("saved").list, vec![]);
    a.update(Action::UndoCorrection);
    assert_eq!(a.message.as_deref(), Some("no correction to undo"));
}

#[test]
fn corrections_change_the_one_corpus_in_place_and_undo_restores_it_exactly() {
    let store = Recorder::default();
    let mut a = correctable(&store);
    let as_analysed = serde_json::to_value(&*a.corpus).expect("serialises");
    // One corpus throughout: a corrected copy beside the analysed one would be 1.4 GB more at
    // 100,000 articles.
    let the_corpus = Arc::as_ptr(&a.corpus);
    let france = actor(&a, "France");
    select_actor(&mut a, france);
    a.update(Action::HideActor);
    assert!(a.corpus.actors[france.index()].hidden);
    assert_eq!(Arc::as_ptr(&a.corpus), the_corpus, "corrected in place");
    a.update(Action::UndoCorrection);
    assert_eq!(Arc::as_ptr(&a.corpus), the_corpus, "undone in place");
    assert_eq!(
        serde_json::to_value(&*a.corpus).expect("serialises"),
        as_analysed,
        "undone: exactly as analysed"
    );
}

#[test]
fn r_renames_through_a_prompt() {
    let store = Recorder::default();
    let mut a = correctable(&store);
    let tchiani = actor(&a, "Tchiani");
    let old = a.corpus.actors[tchiani.index()].name.clone();
    select_actor(&mut a, tchiani);
    a.update(Action::RenameActor);
    assert_eq!(a.contexts(), vec![dossier::ui::keymap::Context::Prompt]);
    for _ in 0..old.chars().count() {
        a.update(Action::DeleteChar);
    }
    run(&mut a, &typed("Omar Tchiani"));
    a.update(Action::Submit);
    assert!(a.overlay.is_none());
    assert_eq!(a.corpus.actors[tchiani.index()].name, "Omar Tchiani");
    assert_eq!(
        store.last().expect("saved").list,
        vec![Correction::Rename {
            rename: old.clone(),
            to: "Omar Tchiani".into()
        }]
    );
    // Esc keeps the name; an empty name is refused.
    a.update(Action::RenameActor);
    a.update(Action::Cancel);
    assert_eq!(a.corpus.actors[tchiani.index()].name, "Omar Tchiani");
    a.update(Action::RenameActor);
    for _ in 0..40 {
        a.update(Action::DeleteChar);
    }
    a.update(Action::Submit);
    assert_eq!(a.corpus.actors[tchiani.index()].name, "Omar Tchiani");
    assert_eq!(store.saves.lock().expect("lock").len(), 1);
    a.update(Action::UndoCorrection);
    assert_eq!(a.corpus.actors[tchiani.index()].name, old);
}

#[test]
fn m_merges_into_an_actor_chosen_with_the_finder_and_the_lens_follows() {
    let store = Recorder::default();
    let mut a = correctable(&store);
    let niamey = actor(&a, "Niamey");
    let niger = actor(&a, "Niger");
    let before = a.corpus.actors[niger.index()].mention_count;
    let moved = a.corpus.actors[niamey.index()].mention_count;
    // Niamey in the lens, then merged into Niger: the lens now holds Niger.
    a.lens.push(LensItem::Actor(niamey));
    select_actor(&mut a, niamey);
    a.update(Action::MergeActor);
    let Some(Overlay::Finder(f)) = &a.overlay else {
        panic!("finder open");
    };
    assert_eq!(f.merge, Some(niamey));
    assert!(f.results.iter().all(|r| r.0 != niamey), "not into itself");
    run(&mut a, &typed("#niger"));
    a.update(Action::Submit);
    assert!(a.overlay.is_none());
    assert!(a.corpus.actors[niamey.index()].hidden);
    assert_eq!(a.corpus.actors[niger.index()].mention_count, before + moved);
    assert_eq!(a.lens, vec![LensItem::Actor(niger)]);
    let name = |id: dossier::model::ActorId| a.corpus.actors[id.index()].name.clone();
    assert_eq!(
        store.last().expect("saved").list,
        vec![Correction::Merge {
            merge: name(niamey),
            into: name(niger)
        }]
    );
    a.update(Action::UndoCorrection);
    assert!(!a.corpus.actors[niamey.index()].hidden);
    assert_eq!(a.corpus.actors[niger.index()].mention_count, before);
}

#[test]
fn a_failed_save_changes_nothing_and_says_so() {
    let store = Recorder {
        fail: Some("disk full".into()),
        ..Recorder::default()
    };
    let mut a = correctable(&store);
    let as_analysed = serde_json::to_value(&*a.corpus).expect("serialises");
    let france = actor(&a, "France");
    select_actor(&mut a, france);
    a.update(Action::HideActor);
    assert!(!a.corpus.actors[france.index()].hidden);
    assert_eq!(
        serde_json::to_value(&*a.corpus).expect("serialises"),
        as_analysed,
        "put back exactly as it was"
    );
    assert!(listed(&a, france));
    assert!(a.corrections.list.is_empty());
    let msg = a.message.clone().unwrap_or_default();
    assert!(
        msg.contains("not saved") && msg.contains("disk full"),
        "{msg}"
    );
}

#[test]
fn an_unreadable_file_is_never_overwritten() {
    let store = Recorder::default();
    let (mut a, _) = App::with_corrections(
        fixture::corpus(),
        Err("corrections file x is not valid: line 1".into()),
        Box::new(store.clone()),
        120,
        40,
    );
    let france = actor(&a, "France");
    select_actor(&mut a, france);
    for action in [
        Action::HideActor,
        Action::MergeActor,
        Action::RenameActor,
        Action::UndoCorrection,
    ] {
        a.update(action);
        assert!(a.overlay.is_none(), "{action:?}");
        let msg = a.message.clone().unwrap_or_default();
        assert!(msg.contains("corrections are off"), "{action:?}: {msg}");
    }
    assert!(!a.corpus.actors[france.index()].hidden);
    assert!(store.saves.lock().expect("lock").is_empty());
}
