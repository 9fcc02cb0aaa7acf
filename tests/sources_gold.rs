//! The sample corpus against the hand-made gold for quotes, cited sources and shared passages
//! (`tests/fixtures/gold/sample-sources.json`, a copy of the development gold).
//!
//! Speakers are compared by surface text: the resolved actor's name and aliases, or the
//! described speaker's text, must contain the gold speaker's key word (a surname, or the head
//! of a description). This holds whether or not the actors extractor resolves the name.

use std::collections::BTreeSet;

use dossier::model::{Corpus, Quote, Speaker};
use serde_json::Value;

fn gold() -> Value {
    serde_json::from_str(include_str!("fixtures/gold/sample-sources.json"))
        .expect("the gold fixture is valid JSON")
}

fn corpus() -> Corpus {
    dossier::pipeline::analyze(dossier::sample::load_sample().articles)
}

/// Lowercase words of a text.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The word a found name or description must contain to match a gold one: the head of a
/// description, the surname of a person (the part before any parenthesis).
fn key_word(gold: &str) -> String {
    let overrides = [
        ("a resident of the Niamey", "resident"),
        ("a witness / resident", "resident"),
        ("protesters' signs", "signs"),
        ("National Council for the Safeguarding", "council"),
        ("U.S. Embassy in Niger", "embassy"),
        ("French Embassy", "embassy"),
        ("Telegram commentators", "commentators"),
        ("someone close to the president", "someone"),
        ("state television (ORTN)", "television"),
        ("AP (photo credit)", "ap"),
        ("L’Enqueteur newspaper", "enqueteur"),
    ];
    if let Some((_, k)) = overrides.iter().find(|(g, _)| gold.starts_with(g)) {
        return k.to_string();
    }
    let before_paren = gold.split('(').next().unwrap_or(gold);
    words(before_paren).pop().unwrap_or_default()
}

/// Every text a speaker goes by: an actor's name and aliases, or the description.
fn speaker_texts(corpus: &Corpus, speaker: &Speaker) -> Vec<String> {
    match speaker {
        Speaker::Actor(id) => {
            let actor = corpus.actor(*id).expect("speaker actors exist");
            std::iter::once(actor.name.clone())
                .chain(actor.aliases.iter().cloned())
                .collect()
        }
        Speaker::Described(d) => vec![d.clone()],
        Speaker::Unattributed => Vec::new(),
    }
}

fn contains_word(texts: &[String], key: &str) -> bool {
    texts.iter().any(|t| words(t).iter().any(|w| w == key))
}

/// Collapses whitespace and quotation-mark variants so quotes compare by their words.
fn normal(text: &str) -> String {
    text.replace(['’', '‘'], "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn quote_in<'c>(corpus: &'c Corpus, article: &str, starts: &str) -> Option<&'c Quote> {
    let a = corpus.articles.iter().find(|a| a.key == article)?;
    corpus
        .quotes_in(a.id)
        .iter()
        .find(|q| normal(q.span.slice(&a.body)).starts_with(&normal(starts)))
}

#[test]
fn every_gold_quote_is_found_with_its_speaker_and_medium() {
    let corpus = corpus();
    let gold = gold();
    let mut problems = Vec::new();
    for g in gold["quotes"].as_array().expect("quotes") {
        let article = g["article"].as_str().unwrap_or("");
        let starts = g["quote_starts"].as_str().unwrap_or("");
        let speaker = g["speaker"].as_str().unwrap_or("");
        let Some(q) = quote_in(&corpus, article, starts) else {
            problems.push(format!("{article}: quote {starts:?} not found"));
            continue;
        };
        let texts = speaker_texts(&corpus, &q.speaker);
        let key = key_word(speaker);
        if !contains_word(&texts, &key) {
            problems.push(format!(
                "{article}: {starts:?} attributed to {texts:?}, gold {speaker:?} ({key})"
            ));
        }
        if let Some(via) = g["via"].as_str()
            && via != "AFP"
            && q.via.as_deref() != Some(via)
        {
            problems.push(format!("{article}: {starts:?} via {:?}, gold {via}", q.via));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_cited_sources_of_the_gold_are_found_in_each_article() {
    let corpus = corpus();
    let gold = gold();
    let mut problems = Vec::new();
    for (article, listed) in gold["cited_sources"].as_object().expect("cited_sources") {
        let id = corpus
            .articles
            .iter()
            .find(|a| &a.key == article)
            .expect("gold articles are in the sample")
            .id;
        let cited: Vec<String> = corpus
            .sources
            .iter()
            .filter(|s| s.citations.iter().any(|c| c.at.article == id))
            .flat_map(|s| {
                let mut names = vec![s.name.clone()];
                if let Some(actor) = s.actor.and_then(|a| corpus.actor(a)) {
                    names.extend(actor.aliases.iter().cloned());
                }
                names
            })
            .collect();
        for g in listed.as_array().expect("a list") {
            let g = g.as_str().unwrap_or("");
            let key = key_word(g);
            if !contains_word(&cited, &key) {
                problems.push(format!("{article}: {g:?} ({key}) not among {cited:?}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn shared_passages_are_the_wire_copy_and_the_tweet_and_nothing_else() {
    let corpus = corpus();
    let key = |id: dossier::model::ArticleId| corpus.article(id).map_or("", |a| a.key.as_str());
    let pairs: BTreeSet<(&str, &str)> = corpus
        .passages
        .iter()
        .map(|p| (key(p.a.0), key(p.b.0)))
        .collect();
    let expected: BTreeSet<(&str, &str)> = gold()["shared_passages"]
        .as_array()
        .expect("shared_passages")
        .iter()
        .map(|p| {
            let a = p["articles"][0].as_str().unwrap_or("");
            let b = p["articles"][1].as_str().unwrap_or("");
            // Leak the two keys so the set can borrow them for the test's length.
            (&*a.to_string().leak(), &*b.to_string().leak())
        })
        .collect();
    assert_eq!(pairs, expected);
    let text_of = |p: &dossier::model::SharedPassage| {
        corpus
            .article(p.a.0)
            .map_or(String::new(), |a| p.a.1.slice(&a.body).to_string())
    };
    let all: Vec<String> = corpus.passages.iter().map(text_of).collect();
    for snippet in [
        "Extremists in Niger have carried out attacks on civilians",
        "who call themselves the National Council for the Safeguarding of the Country",
        "jihadists linked to al-Qaida and the Islamic State group",
        "The hard-won achievements will be safeguarded",
    ] {
        assert!(
            all.iter().any(|t| t.contains(snippet)),
            "no passage holds {snippet:?}: {all:?}"
        );
    }
}

#[test]
fn outlets_never_come_from_mentions_in_the_body() {
    let corpus = corpus();
    // 002 quotes people who "told the BBC" and 000 relies on Reuters and AFP: neither is theirs.
    for a in &corpus.articles {
        let outlet = a.outlet.as_deref().unwrap_or("unknown");
        assert!(
            !["BBC", "Reuters", "AFP", "AP"].contains(&outlet),
            "{}: {outlet}",
            a.key
        );
    }
}
