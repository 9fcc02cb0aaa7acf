//! The sample corpus against the hand-made gold in `tests/fixtures/gold/sample-actors.json`:
//! every gold actor is found with its kind, in its articles, under every listed surface; the
//! `distinct` pairs stay apart; nothing from `not_actors` becomes an actor or an alias.
//! Every failure is listed at once.

use dossier::model::{Actor, ActorKind, Corpus};
use serde_json::Value;

/// Titles a gold surface may begin with; the name without them also satisfies it.
const TITLES: [&str; 5] = ["President-elect ", "President ", "General ", "Gen ", "Mr "];

fn corpus() -> Corpus {
    dossier::pipeline::analyze(dossier::sample::load_sample().articles)
}

fn gold() -> Value {
    serde_json::from_str(include_str!("fixtures/gold/sample-actors.json"))
        .unwrap_or_else(|e| panic!("the gold fixture is valid JSON: {e}"))
}

/// The visible actor with this name or alias (exact, as written).
fn actor_for<'a>(corpus: &'a Corpus, surface: &str) -> Option<&'a Actor> {
    let by = |f: &dyn Fn(&Actor) -> bool| corpus.actors.iter().filter(|a| !a.hidden).find(|a| f(a));
    by(&|a| a.name == surface).or_else(|| by(&|a| a.aliases.iter().any(|s| s == surface)))
}

/// A surface, or the surface with a leading title removed.
fn resolve_surface<'a>(corpus: &'a Corpus, surface: &str) -> Option<&'a Actor> {
    actor_for(corpus, surface).or_else(|| {
        TITLES
            .iter()
            .find_map(|t| surface.strip_prefix(t))
            .and_then(|bare| actor_for(corpus, bare))
    })
}

fn str_list(v: &Value) -> Vec<&str> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

#[test]
fn gold_actors_are_found_and_resolved() {
    let corpus = corpus();
    let gold = gold();
    let mut problems: Vec<String> = Vec::new();
    for g in gold["actors"].as_array().into_iter().flatten() {
        let name = g["name"].as_str().unwrap_or_default();
        let kind = ActorKind::parse(g["kind"].as_str().unwrap_or_default());
        let surfaces = str_list(&g["surfaces"]);
        let found = resolve_surface(&corpus, name)
            .or_else(|| surfaces.iter().find_map(|s| resolve_surface(&corpus, s)));
        let Some(actor) = found else {
            problems.push(format!("{name}: not found"));
            continue;
        };
        if Some(actor.kind) != kind {
            problems.push(format!("{name}: kind {:?}, want {:?}", actor.kind, kind));
        }
        for s in &surfaces {
            match resolve_surface(&corpus, s) {
                Some(a) if a.id == actor.id => {}
                Some(a) => problems.push(format!("{name}: surface {s:?} resolves to {:?}", a.name)),
                None => problems.push(format!("{name}: surface {s:?} not found")),
            }
        }
        for key in str_list(&g["articles"]) {
            let in_article = actor
                .articles
                .iter()
                .any(|id| corpus.article(*id).is_some_and(|a| a.key == key));
            if !in_article {
                problems.push(format!("{name}: not mentioned in {key}"));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn distinct_pairs_stay_apart_and_malawi_never_appears() {
    let corpus = corpus();
    let gold = gold();
    let mut problems: Vec<String> = Vec::new();
    for pair in gold["distinct"].as_array().into_iter().flatten() {
        let names = str_list(pair);
        let [a, b] = names.as_slice() else { continue };
        match (resolve_surface(&corpus, a), resolve_surface(&corpus, b)) {
            (Some(x), Some(y)) if x.id == y.id => {
                problems.push(format!("{a} and {b} are one actor {:?}", x.name))
            }
            (_, None) if *b == "Malawi" => {}
            (_, Some(_)) if *b == "Malawi" => problems.push("Malawi appears".to_string()),
            (None, _) | (_, None) => problems.push(format!("{a} / {b}: one of them is missing")),
            _ => {}
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn nothing_from_not_actors_becomes_an_actor() {
    let corpus = corpus();
    let gold = gold();
    let mut problems: Vec<String> = Vec::new();
    for word in str_list(&gold["not_actors"]) {
        for a in corpus.actors.iter().filter(|a| !a.hidden) {
            if a.name == word || a.aliases.iter().any(|s| s == word) {
                problems.push(format!(
                    "{word:?} is an actor or alias: {:?} ({:?})",
                    a.name, a.kind
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn people_with_a_stated_role_get_one_with_its_sentence() {
    let corpus = corpus();
    let gold = gold();
    let mut problems: Vec<String> = Vec::new();
    for g in gold["actors"].as_array().into_iter().flatten() {
        if g["kind"] != "person" || g["role"].is_null() {
            continue;
        }
        let name = g["name"].as_str().unwrap_or_default();
        let Some(actor) = resolve_surface(&corpus, name) else {
            continue; // reported by the test above
        };
        match &actor.role {
            None => problems.push(format!("{name}: no role")),
            Some(role) => {
                let sentence = corpus.sentence_text(role.evidence);
                if !sentence.contains(&role.value) {
                    problems.push(format!(
                        "{name}: role {:?} not in its sentence {sentence:?}",
                        role.value
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn mentions_are_sorted_and_cover_the_name_without_its_title() {
    let corpus = corpus();
    let mut problems: Vec<String> = Vec::new();
    for w in corpus.mentions.windows(2) {
        if (w[0].at.article, w[0].span.start) > (w[1].at.article, w[1].span.start) {
            problems.push(format!("mentions out of order: {:?} then {:?}", w[0], w[1]));
        }
    }
    for m in &corpus.mentions {
        let Some(article) = corpus.article(m.at.article) else {
            problems.push(format!("mention in a missing article: {m:?}"));
            continue;
        };
        let text = m.span.slice(&article.body);
        if text.is_empty() || TITLES.iter().any(|t| text.starts_with(t)) {
            problems.push(format!("mention {text:?} is empty or keeps its title"));
        }
        if !corpus.sentence_text(m.at).contains(text) {
            problems.push(format!("mention {text:?} is not in its sentence"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
