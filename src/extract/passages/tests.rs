use std::path::PathBuf;

use super::*;
use crate::load::{RawArticle, finish_article};
use crate::model::{ArticleId, Format, Origin};

fn article(id: u32, text: &str) -> Article {
    let raw = RawArticle {
        key: format!("a{id}"),
        text: text.to_string(),
        ..RawArticle::default()
    };
    let origin = Origin {
        path: PathBuf::from(format!("a{id}.txt")),
        format: Format::Inline,
        record: None,
    };
    finish_article(raw, ArticleId(id), origin)
}

const WIRE: &str = "Extremists in the north have carried out attacks on civilians and military \
                    personnel, but the overall security situation is not as dire as in \
                    neighbouring countries.";

#[test]
fn finds_wire_copy_inside_different_paragraphs() {
    let a = article(
        0,
        &format!(
            "The president was detained on Wednesday by his own guard. {WIRE}\n\nMarkets \
             opened as usual in the capital."
        ),
    );
    let b = article(
        1,
        &format!(
            "Soldiers appeared on television late at night to read a declaration.\n\n{} \
             Both of which have ousted foreign troops.",
            WIRE.replace("neighbouring countries.", "neighboring Mali")
        ),
    );
    let found = find_shared_passages(&[a.clone(), b.clone()]);
    assert_eq!(found.len(), 1, "{found:?}");
    let p = &found[0];
    assert_eq!((p.a.0, p.b.0), (ArticleId(0), ArticleId(1)));
    let text_a = p.a.1.slice(&a.body);
    let text_b = p.b.1.slice(&b.body);
    assert!(text_a.starts_with("Extremists in the north"), "{text_a}");
    assert!(text_a.ends_with("as in"), "{text_a}");
    assert!(text_b.starts_with("Extremists in the north"), "{text_b}");
    assert!(p.similarity > 0.9 && p.similarity <= 1.0);
}

#[test]
fn articles_sharing_only_stock_phrases_share_no_passage() {
    let a = article(
        0,
        "The foreign ministry said in a statement on Thursday that it was following the \
         situation closely. According to the United Nations, the talks will resume next week \
         in the capital. Officials said the president was safe.\n\nThe situation remains \
         tense, the ministry said in a statement.",
    );
    let b = article(
        1,
        "Rebels said in a statement on Thursday that they had taken the airport. According to \
         the United Nations, thousands have fled the fighting in the capital. Officials said \
         the president was in hiding.\n\nThe situation remains unclear, a witness told Reuters.",
    );
    assert!(find_shared_passages(&[a, b]).is_empty());
}

#[test]
fn the_same_quotation_is_found_with_one_word_spelled_differently() {
    let a = article(
        0,
        "\"The hard-won achievements will be safeguarded. All Nigerians who love democracy and \
         freedom will see to it,\" Mr Bazoum tweeted early Thursday morning.",
    );
    let b = article(
        1,
        "The 64-year-old took to Twitter on Thursday morning to say: “The hard-won achievements \
         will be safeguarded. All Nigeriens who love democracy and freedom will see to it.”",
    );
    let found = find_shared_passages(&[a.clone(), b]);
    assert_eq!(found.len(), 1, "{found:?}");
    let text = found[0].a.1.slice(&a.body);
    assert!(
        text.starts_with("The hard-won") && text.ends_with("see to it"),
        "{text}"
    );
}

#[test]
fn results_are_the_same_on_every_run_and_an_article_never_matches_itself() {
    let a = article(0, &format!("{WIRE} {WIRE}"));
    let b = article(1, WIRE);
    let first = find_shared_passages(&[a.clone(), b.clone()]);
    assert!(!first.is_empty());
    assert!(first.iter().all(|p| p.a.0 != p.b.0));
    assert_eq!(first, find_shared_passages(&[a, b]));
}

/// A stock paragraph, as outlets append to every story.
const BOILERPLATE: &str = "Sign up for our morning briefing to receive the most important stories \
                           of the day from our correspondents across the region directly in \
                           your inbox every weekday.";

/// Distinct text for article `i`: no two articles share a run of words.
fn own_text(i: u32) -> String {
    format!(
        "Reporter number {i} filed story {} from district {} about road {} and bridge {}.",
        i * 7 + 1,
        i * 13 + 2,
        i * 17 + 3,
        i * 19 + 4
    )
}

#[test]
fn a_paragraph_repeated_in_fifty_articles_is_boilerplate_not_1225_passages() {
    // 50 articles would make 1,225 pairs: text found in that many articles is boilerplate, not a
    // passage two of them share, so it is skipped and counted instead of listed.
    let articles: Vec<Article> = (0..50)
        .map(|i| article(i, &format!("{}\n\n{BOILERPLATE}", own_text(i))))
        .collect();
    let (found, stats) = find_shared_passages_with_stats(&articles);
    assert!(found.is_empty(), "{} passages", found.len());
    assert!(stats.boilerplate_units >= 50, "{stats:?}");
}

#[test]
fn wire_copy_shared_by_a_few_articles_is_found_among_boilerplate() {
    // Three articles carry the same wire paragraph; all 40 carry the stock paragraph.
    let articles: Vec<Article> = (0..40)
        .map(|i| {
            let wire = if i % 10 == 3 && i < 30 { WIRE } else { "" };
            article(i, &format!("{}\n\n{wire}\n\n{BOILERPLATE}", own_text(i)))
        })
        .collect();
    let (found, stats) = find_shared_passages_with_stats(&articles);
    let pairs: Vec<(u32, u32)> = found.iter().map(|p| (p.a.0.0, p.b.0.0)).collect();
    assert_eq!(pairs, vec![(3, 13), (3, 23), (13, 23)], "{found:?}");
    for p in &found {
        let text = p.a.1.slice(&articles[p.a.0.0 as usize].body);
        assert!(text.starts_with("Extremists in the north"), "{text}");
    }
    assert!(stats.boilerplate_units >= 40, "{stats:?}");
}

#[test]
fn passages_per_pair_of_articles_are_capped() {
    // Two articles copy forty paragraphs of one story, each with its own text in between, so the
    // copied stretches do not merge into one passage.
    let copied = |i: u32| {
        format!(
            "Paragraph {i} tells how convoy {} crossed valley {} near outpost {} before dawn \
             while engineers {} repaired pipeline {}.",
            i * 3,
            i * 5,
            i * 11,
            i * 23,
            i * 29
        )
    };
    let a: String = (0..40)
        .map(|i| format!("{} {}\n\n", own_text(i), copied(i)))
        .collect();
    let b: String = (0..40)
        .map(|i| format!("{} {}\n\n", own_text(100 + i), copied(i)))
        .collect();
    let (found, stats) = find_shared_passages_with_stats(&[article(0, &a), article(1, &b)]);
    assert_eq!(found.len(), MAX_PASSAGES_PER_PAIR);
    assert_eq!(
        stats.capped_passages,
        40 - MAX_PASSAGES_PER_PAIR,
        "{stats:?}"
    );
    assert_eq!(stats.article_pairs, 1);
}
