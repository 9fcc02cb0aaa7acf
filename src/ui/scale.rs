//! A large synthetic corpus built in memory, for measuring the browser at scale (benches, the
//! filter example, the wire tests): many actors with several names each, and a timeline of one
//! entry per event sentence. Deterministic; no extraction runs, so it builds in seconds even
//! at a million entries.

use chrono::NaiveDate;

use crate::model::*;

/// Syllables the names are made of. They are shared, so most names match a short query such
/// as "tchi": the worst case for a filter, where typing more hardly narrows the list.
const SYLLABLES: &[&str] = &[
    "ba", "zou", "tchi", "ani", "ma", "cron", "ti", "nu", "bu", "ko", "ra", "sa", "li", "mo", "de",
    "ne", "gu", "fa", "ri", "lo",
];

/// What the event sentences say, between two actors.
const VERBS: &[&str] = &[
    "met",
    "warned",
    "spoke with",
    "criticised",
    "thanked",
    "negotiated with",
    "accused",
    "visited",
];

/// Where the events happen.
const PLACES: &[&str] = &[
    "the capital",
    "the northern region",
    "a border town",
    "the airport",
    "parliament",
    "the presidential palace",
];

/// Sentences per article: a million entries make 20,000 articles.
const SENTENCES_PER_ARTICLE: usize = 50;

/// A name of `parts` capitalised words of three syllables each, derived from `n`.
pub fn name(mut n: usize, parts: usize) -> String {
    let mut words = Vec::with_capacity(parts);
    for _ in 0..parts {
        let mut word = String::new();
        for _ in 0..3 {
            word.push_str(SYLLABLES[n % SYLLABLES.len()]);
            n /= SYLLABLES.len();
            n = n.wrapping_mul(7).wrapping_add(3);
        }
        let mut chars = word.chars();
        let capitalised: String = chars
            .next()
            .map(|first| first.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
        words.push(capitalised);
    }
    words.join(" ")
}

/// `n` actors, each with its name and three other names; a third are countries.
pub fn actors(n: usize) -> Vec<Actor> {
    (0..n)
        .map(|i| {
            let full = name(i, 2);
            Actor {
                id: ActorId::from_index(i),
                aliases: vec![
                    full.clone(),
                    name(i + 1, 1),
                    name(i * 3 + 1, 2),
                    name(i * 5 + 2, 1),
                ],
                name: full,
                kind: if i % 3 == 0 {
                    ActorKind::Country
                } else {
                    ActorKind::Person
                },
                role: None,
                affiliation: None,
                articles: Vec::new(),
                mention_count: (i % 97) as u32,
                hidden: false,
            }
        })
        .collect()
}

/// A corpus of `n_actors` actors (at least two) and a timeline of `n_entries` entries, each one
/// event: a sentence where one actor acts on another, dated over ten years.
pub fn corpus(n_actors: usize, n_entries: usize) -> Corpus {
    let n_actors = n_actors.max(2);
    let mut actors = actors(n_actors);
    let start = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap_or_default();
    let n_articles = n_entries.div_ceil(SENTENCES_PER_ARTICLE);
    let mut articles = Vec::with_capacity(n_articles);
    let mut mentions = Vec::with_capacity(n_entries * 2);
    let mut events = Vec::with_capacity(n_entries);
    let mut entries = Vec::with_capacity(n_entries);
    for a in 0..n_articles {
        let id = ArticleId::from_index(a);
        let mut body = String::new();
        let mut sentences = Vec::new();
        let first = a * SENTENCES_PER_ARTICLE;
        for e in first..(first + SENTENCES_PER_ARTICLE).min(n_entries) {
            if !body.is_empty() {
                body.push(' ');
            }
            let sentence = sentences.len() as u32;
            let at = SentenceRef {
                article: id,
                sentence,
            };
            let who = (e.wrapping_mul(2_654_435_761)) % n_actors;
            let whom = (who + 1 + e % (n_actors - 1)) % n_actors;
            let sentence_start = body.len();
            let mut mention = |body: &mut String, actor: usize| {
                let from = body.len();
                body.push_str(&actors[actor].name);
                mentions.push(Mention {
                    actor: ActorId::from_index(actor),
                    at,
                    span: Span::new(from, body.len()),
                    form: MentionForm::Name,
                });
            };
            mention(&mut body, who);
            body.push(' ');
            body.push_str(VERBS[e % VERBS.len()]);
            body.push(' ');
            mention(&mut body, whom);
            body.push_str(" in ");
            body.push_str(PLACES[e % PLACES.len()]);
            body.push_str(" about ");
            body.push_str(&name(e * 11 + 5, 1).to_lowercase());
            body.push('.');
            sentences.push(Sentence {
                span: Span::new(sentence_start, body.len()),
                paragraph: 0,
            });
            let point = CalendarPoint {
                date: start + chrono::Days::new(((e * 7_919) % 3_650) as u64),
                granularity: Granularity::Day,
            };
            let entry = EntryId::from_index(e);
            let event = EventId::from_index(e);
            let mut involved = vec![ActorId::from_index(who), ActorId::from_index(whom)];
            involved.sort_unstable();
            events.push(Event {
                id: event,
                at,
                time: TimeId::from_index(0),
                point,
                actors: involved,
                tense: Tense::Past,
                entry,
            });
            entries.push(TimelineEntry {
                id: entry,
                point,
                events: vec![event],
            });
        }
        let date = start + chrono::Days::new(((a * 37) % 3_650) as u64);
        articles.push(Article {
            id,
            key: format!("synthetic-{a:06}"),
            title: Some(format!("Report {a} from {}", PLACES[a % PLACES.len()])),
            outlet: Some(format!("Outlet {}", a % 40)),
            url: None,
            author: None,
            date: Some(date),
            paragraphs: vec![Span::new(0, body.len())],
            body,
            sentences,
            captions: Vec::new(),
            furniture: Vec::new(),
            origin: Origin {
                path: format!("synthetic/{a:06}.txt").into(),
                format: Format::Text,
                record: None,
            },
        });
    }
    for m in &mentions {
        if let Some(actor) = actors.get_mut(m.actor.index())
            && actor.articles.last() != Some(&m.at.article)
        {
            actor.articles.push(m.at.article);
        }
    }
    for actor in &mut actors {
        actor.articles.sort_unstable();
        actor.articles.dedup();
    }
    let mut corpus = Corpus {
        articles,
        actors,
        mentions,
        events,
        entries,
        ..Corpus::default()
    };
    corpus.reindex();
    corpus
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_point_at_their_sentences() {
        let c = corpus(50, 120);
        assert_eq!(c.entries.len(), 120);
        assert_eq!(c.articles.len(), 3);
        for event in &c.events {
            let text = c.sentence_text(event.at);
            assert!(text.ends_with('.'), "{text:?}");
            for a in &event.actors {
                let name = &c.actors[a.index()].name;
                assert!(text.contains(name.as_str()), "{text:?} lacks {name}");
            }
        }
        // Every mention's span holds its actor's name.
        for m in &c.mentions {
            let body = &c.articles[m.at.article.index()].body;
            assert_eq!(m.span.slice(body), c.actors[m.actor.index()].name);
        }
    }
}
