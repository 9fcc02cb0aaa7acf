//! Under a lens the reader and the actors pane show what the lens is about: the open article is
//! one the lens keeps, and an actor's count is the one its row is ranked by.

use std::sync::Arc;

use dossier::ui::lens::LensItem;
use dossier::ui::{Action, App, fixture};

fn app() -> App {
    App::new(Arc::new(fixture::corpus()), 120, 40)
}

/// Pushes `name` onto the lens through the finder, as a user does.
fn push(a: &mut App, name: &str) {
    a.update(Action::OpenFinder);
    for c in name.chars() {
        a.update(Action::Input(c));
    }
    a.update(Action::Submit);
}

#[test]
fn the_reader_moves_into_the_lens_when_its_article_is_outside() {
    let corpus = fixture::corpus();
    let mut moved = 0;
    for actor in &corpus.actors {
        let mut a = app();
        let before = a
            .reader
            .as_ref()
            .map(|r| r.article)
            .expect("an article open");
        push(&mut a, &actor.name);
        assert_eq!(a.lens, vec![LensItem::Actor(actor.id)]);
        let now = a.reader.as_ref().map(|r| r.article).expect("still open");
        assert!(
            actor.articles.contains(&now),
            "{}: reader on {now:?}, outside the lens",
            actor.name
        );
        if now != before {
            moved += 1;
            // Opened where the lens actor is mentioned.
            let r = a.reader.as_ref().expect("open");
            let at = dossier::model::SentenceRef {
                article: r.article,
                sentence: r.sentence,
            };
            assert!(
                a.corpus
                    .mentions_in(r.article)
                    .iter()
                    .any(|m| m.actor == actor.id && m.at == at)
            );
        }
    }
    assert!(
        moved > 0,
        "some lens actor is absent from the first article"
    );
}

#[test]
fn under_an_actor_lens_actors_are_counted_by_shared_sentences_in_rank_order() {
    let mut a = app();
    push(&mut a, "Tchiani");
    let counts: Vec<u32> = a.narrowed.actors.iter().map(|(_, n)| *n).collect();
    assert!(!counts.is_empty());
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    for (id, n) in &a.narrowed.actors {
        let total = a.corpus.actor(*id).map_or(0, |x| x.mention_count);
        assert!(*n <= total, "shared sentences never exceed mentions");
    }
}
