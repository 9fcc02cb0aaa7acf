//! The sample corpus against the hand-made timeline reference (`tests/fixtures/gold/
//! sample-timeline.json`): every expression with its value, nothing in `not_times` taken for a
//! time, nothing in `not_on_timeline` on the calendar, and the events the timeline should show.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use dossier::extract::times::{FoundTime, find_times};
use dossier::model::{Article, Corpus};
use serde_json::Value;

const GOLD: &str = include_str!("fixtures/gold/sample-timeline.json");

fn gold() -> Value {
    serde_json::from_str(GOLD).expect("the fixture is valid JSON")
}

/// The sample articles with their publication dates set from the reference (the loader on
/// this branch does not read them).
fn dated_sample() -> Vec<Article> {
    let gold = gold();
    let mut articles = dossier::sample::load_sample().articles;
    for a in &mut articles {
        a.date = gold["articles"][a.key.as_str()]["published"]
            .as_str()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    }
    articles
}

fn overlaps(t: &FoundTime, start: usize, end: usize) -> bool {
    (t.span.start as usize) < end && start < t.span.end as usize
}

#[test]
fn every_reference_expression_is_found_with_its_value() {
    let gold = gold();
    let articles = dated_sample();
    let mut checked = 0;
    for (key, reference) in gold["articles"].as_object().expect("articles") {
        let article = articles.iter().find(|a| &a.key == key).expect("article");
        for expected in reference["times"].as_array().expect("times") {
            let text = expected["text"].as_str().expect("text");
            let starts = expected["sentence_starts"].as_str().expect("sentence");
            // A photo caption is kept aside from the body by the cleaner; its expressions are
            // found in the caption's own text.
            let source = std::iter::once(article.body.as_str())
                .chain(article.captions.iter().map(|c| c.text.as_str()))
                .find(|t| t.contains(starts))
                .expect("sentence in the body or a caption");
            let times = find_times(source, article.date);
            let sentence = source.find(starts).expect("sentence");
            let start = sentence
                + source[sentence..]
                    .find(text)
                    .expect("expression in sentence");
            let end = start + text.len();
            let mut accepted: Vec<&str> = vec![expected["value"].as_str().expect("value")];
            if let Some(more) = expected["accept"].as_array() {
                accepted.extend(more.iter().filter_map(Value::as_str));
            }
            let hit = times.iter().find(|t| overlaps(t, start, end));
            let value = hit.map(|t| t.value.as_str());
            assert!(
                value.is_some_and(|v| accepted.contains(&v)),
                "{key}: {text:?} in {starts:?}: found {value:?}, want one of {accepted:?}"
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 22);
}

/// Every occurrence of `phrase` in the sample bodies, with its article's times.
fn occurrences(articles: &[Article], phrase: &str) -> Vec<(Vec<FoundTime>, usize, usize)> {
    let mut out = Vec::new();
    for a in articles {
        let times = find_times(&a.body, a.date);
        for (start, _) in a.body.match_indices(phrase) {
            out.push((times.clone(), start, start + phrase.len()));
        }
    }
    out
}

#[test]
fn ages_and_counts_are_not_time_expressions() {
    let articles = dated_sample();
    for phrase in gold()["not_times"].as_array().expect("not_times") {
        let phrase = phrase.as_str().expect("text");
        let found = occurrences(&articles, phrase);
        assert!(!found.is_empty(), "{phrase:?} is in the sample");
        for (times, start, end) in found {
            let hits: Vec<_> = times.iter().filter(|t| overlaps(t, start, end)).collect();
            assert!(hits.is_empty(), "{phrase:?} taken for a time: {hits:?}");
        }
    }
}

#[test]
fn durations_and_vague_times_are_not_on_the_calendar() {
    let articles = dated_sample();
    for item in gold()["not_on_timeline"]
        .as_array()
        .expect("not_on_timeline")
    {
        let phrase = item["text"].as_str().expect("text");
        let found = occurrences(&articles, phrase);
        assert!(!found.is_empty(), "{phrase:?} is in the sample");
        for (times, start, end) in found {
            let hits: Vec<_> = times.iter().filter(|t| overlaps(t, start, end)).collect();
            assert!(!hits.is_empty(), "{phrase:?} is a time expression");
            assert!(
                hits.iter().all(|t| t.point.is_none()),
                "{phrase:?} placed on the calendar: {hits:?}"
            );
        }
    }
}

/// The point as the reference writes it: a day or a year.
fn day_or_year(p: &dossier::model::CalendarPoint) -> String {
    match p.granularity {
        dossier::model::Granularity::Day => p.date.format("%Y-%m-%d").to_string(),
        dossier::model::Granularity::Year => p.date.format("%Y").to_string(),
        _ => String::new(),
    }
}

/// The entries dated `date` and the keys of the articles reporting each.
fn entries_on<'a>(corpus: &'a Corpus, date: &str) -> Vec<(u32, BTreeSet<&'a str>, Vec<&'a str>)> {
    corpus
        .entries
        .iter()
        .filter(|e| day_or_year(&e.point) == date)
        .map(|e| {
            let events: Vec<_> = e
                .events
                .iter()
                .filter_map(|id| corpus.events.get(id.index()))
                .collect();
            let keys = events
                .iter()
                .filter_map(|ev| corpus.article(ev.at.article).map(|a| a.key.as_str()))
                .collect();
            let sentences = events
                .iter()
                .map(|ev| corpus.sentence_text(ev.at))
                .collect();
            (e.id.0, keys, sentences)
        })
        .collect()
}

#[test]
fn the_timeline_shows_the_reference_events() {
    let corpus = dossier::pipeline::analyze(dated_sample());
    let gold = gold();
    let mut entry_of_event = Vec::new();
    for expected in gold["events_the_timeline_should_show"]
        .as_array()
        .expect("events")
    {
        let date = expected["date"].as_str().expect("date");
        let wanted: BTreeSet<&str> = expected["articles"]
            .as_array()
            .expect("articles")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        let entries = entries_on(&corpus, date);
        let matching: Vec<_> = entries
            .iter()
            .filter(|(_, keys, _)| wanted.is_subset(keys))
            .collect();
        assert!(
            !matching.is_empty(),
            "no entry on {date} reported by {wanted:?} ({}); entries: {entries:#?}",
            expected["what"]
        );
        entry_of_event.push((
            date,
            matching
                .iter()
                .map(|(id, _, s)| (*id, s.join(" ")))
                .collect::<Vec<_>>(),
        ));
    }
    // The two happenings of 2023-07-27 are separate entries: the tweet and the plane.
    let on_27: Vec<_> = entry_of_event
        .iter()
        .filter(|(d, _)| *d == "2023-07-27")
        .collect();
    assert_eq!(on_27.len(), 2);
    let tweet: BTreeSet<u32> = on_27[0]
        .1
        .iter()
        .filter(|(_, s)| s.contains("achievements"))
        .map(|(id, _)| *id)
        .collect();
    let plane: BTreeSet<u32> = on_27[1]
        .1
        .iter()
        .filter(|(_, s)| s.contains("plane"))
        .map(|(id, _)| *id)
        .collect();
    assert!(!tweet.is_empty() && !plane.is_empty());
    assert!(
        tweet.is_disjoint(&plane),
        "the tweet and the plane are one entry"
    );
}

#[test]
fn events_are_sorted_and_undated_weekdays_stay_off_the_timeline() {
    let corpus = dossier::pipeline::analyze(dated_sample());
    assert!(!corpus.entries.is_empty());
    let dates: Vec<_> = corpus.entries.iter().map(|e| e.point.date).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]));
    for e in &corpus.events {
        let entry = &corpus.entries[e.entry.index()];
        assert!(entry.events.contains(&e.id));
        assert_eq!(entry.point, e.point);
        // The undated article fixes no day of its own: its "On Friday" is no event.
        let article = corpus.article(e.at.article).expect("article");
        if article.date.is_none() {
            assert_ne!(
                e.point.granularity,
                dossier::model::Granularity::Day,
                "{:?}",
                corpus.sentence_text(e.at)
            );
        }
    }
}
