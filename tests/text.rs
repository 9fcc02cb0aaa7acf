//! Cleaning, sanitising and sentence splitting on the sample articles, on hostile and
//! furniture-laden fixtures, and as properties over arbitrary text.

use dossier::model::Span;
use dossier::text::clean::{CleanText, clean_body};
use dossier::text::paragraphs::split_paragraphs;
use dossier::text::sanitize::sanitize;
use dossier::text::sentences::split_sentences;
use proptest::prelude::*;

const SAMPLE_000: &str = include_str!("../data/sample/000_f16b3598ed5d47d9.txt");
const SAMPLE_001: &str = include_str!("../data/sample/001_060abe526bb78158.txt");
const SAMPLE_002: &str = include_str!("../data/sample/002_eed0d9b0ce39977c.txt");
const SAMPLE_004: &str = include_str!("../data/sample/004_f0500d7e2cbed4d9.txt");
const HOSTILE: &str = include_str!("fixtures/text/hostile.txt");
const FURNITURE_INLINE: &str = include_str!("fixtures/text/furniture_inline.txt");
const CAPTIONS: &str = include_str!("fixtures/text/captions.txt");

/// The text after the optional `date YYYY-MM-DD` prefix, as the loader hands it to
/// `clean_body` (the loader's own parsing is tested with the loader).
fn without_date(raw: &str) -> &str {
    let trimmed = raw.trim_start();
    match trimmed.strip_prefix("date ") {
        Some(rest) if rest.get(..10).is_some_and(|d| d.as_bytes()[4] == b'-') => &rest[10..],
        _ => raw,
    }
}

fn sentences_of(cleaned: &CleanText) -> Vec<&str> {
    split_sentences(&cleaned.body, &cleaned.paragraphs)
        .iter()
        .map(|s| s.span.slice(&cleaned.body))
        .collect()
}

fn has_terminal_control(text: &str) -> bool {
    text.chars().any(|c| {
        (c != '\n' && c.is_control())
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    })
}

#[test]
fn the_sign_up_form_of_sample_001_is_furniture_and_the_article_starts_after_it() {
    let cleaned = clean_body(without_date(SAMPLE_001));
    assert!(
        cleaned
            .body
            .starts_with("Niger’s president has defiantly declared"),
        "{:?}",
        cleaned.body.get(..80)
    );
    assert_eq!(cleaned.furniture.len(), 1);
    assert!(cleaned.furniture[0].to_lowercase().contains("sign up"));
    let lower = cleaned.body.to_lowercase();
    for phrase in ["sign up", "email address", "privacy notice", "signing up"] {
        assert!(!lower.contains(phrase), "{phrase} left in the body");
    }
}

#[test]
fn the_captions_of_sample_001_are_set_aside_with_their_credits() {
    let cleaned = clean_body(without_date(SAMPLE_001));
    let credits: Vec<&str> = cleaned.captions.iter().map(|c| c.credit.as_str()).collect();
    assert_eq!(credits, vec!["ORTN via AP", "AP"]);
    assert!(
        cleaned.captions[0]
            .text
            .starts_with("Mutinous soldiers announced")
    );
    assert!(!cleaned.body.contains("(AP)") && !cleaned.body.contains("via AP"));
}

#[test]
fn articles_without_furniture_or_captions_keep_every_paragraph() {
    for (raw, paragraphs) in [(SAMPLE_000, 13), (SAMPLE_002, 31), (SAMPLE_004, 23)] {
        let cleaned = clean_body(without_date(raw));
        assert!(cleaned.furniture.is_empty(), "{:?}", cleaned.furniture);
        assert!(cleaned.captions.is_empty(), "{:?}", cleaned.captions);
        assert_eq!(cleaned.paragraphs.len(), paragraphs);
    }
}

#[test]
fn sample_bodies_hold_no_odd_spaces_or_controls() {
    for raw in [SAMPLE_000, SAMPLE_001, SAMPLE_002, SAMPLE_004] {
        let cleaned = clean_body(without_date(raw));
        assert!(!has_terminal_control(&cleaned.body));
        assert!(!cleaned.body.contains('\u{A0}'), "no-break space left");
        assert!(!cleaned.body.contains("  ") && !cleaned.body.contains(" \n"));
        assert!(!cleaned.body.contains("\n\n\n"));
    }
}

#[test]
fn sample_000_sentences_keep_times_acronyms_and_quotes_whole() {
    let cleaned = clean_body(without_date(SAMPLE_000));
    let sentences = sentences_of(&cleaned);
    assert!(sentences.contains(
        &"The U.S. Embassy in Niger released a statement saying that it will remain closed due to gunshots in the area."
    ));
    let witness = sentences
        .iter()
        .find(|s| s.starts_with("“It was around 3 a.m., we heard shots"))
        .expect("the witness's sentence");
    assert!(
        witness.ends_with("as the presidential palace, said."),
        "{witness}"
    );
    assert!(sentences.contains(&"Order has now been restored."));
}

#[test]
fn sample_quotations_end_with_their_sentence() {
    let c001 = clean_body(without_date(SAMPLE_001));
    let s001 = sentences_of(&c001);
    assert!(s001.contains(
        &"All Nigerians who love democracy and freedom will see to it,\" Mr Bazoum tweeted early Thursday morning."
    ));
    let c002 = clean_body(without_date(SAMPLE_002));
    let s002 = sentences_of(&c002);
    assert!(s002.contains(&"All Nigeriens who love democracy and freedom will see to it.”"));
    let c004 = clean_body(without_date(SAMPLE_004));
    let s004 = sentences_of(&c004);
    assert!(s004.contains(&"\"That is why we decided to intervene and take responsibility.”"));
    for sentence in s001.iter().chain(&s002).chain(&s004) {
        assert!(
            !sentence.ends_with(" Mr") && !sentence.ends_with(" Mr."),
            "{sentence}"
        );
        assert!(!sentence.starts_with('”'), "{sentence}");
    }
}

#[test]
fn hostile_fixture_reaches_the_body_only_as_visible_text() {
    let cleaned = clean_body(HOSTILE);
    assert!(!has_terminal_control(&cleaned.body), "{:?}", cleaned.body);
    assert!(cleaned.body.contains("^[]52;c;cm0gLXJmIH4=^G"));
    assert!(cleaned.body.contains("^[[2J"));
    assert!(cleaned.body.contains("<9B>31m"));
    assert!(cleaned.body.contains("A reversed evil.exe name"));
    assert!(cleaned.body.contains("Isolates hidden and"));
    assert_eq!(cleaned.paragraphs.len(), 3);
    let sanitized = sanitize(HOSTILE);
    assert!(!has_terminal_control(&sanitized));
    assert!(sanitized.contains("^@") && sanitized.contains("^?") && !sanitized.contains('\t'));
}

#[test]
fn furniture_is_removed_but_news_about_signing_up_stays() {
    let cleaned = clean_body(FURNITURE_INLINE);
    let paragraphs: Vec<&str> = cleaned
        .paragraphs
        .iter()
        .map(|p| p.slice(&cleaned.body))
        .collect();
    assert_eq!(paragraphs.len(), 3, "{paragraphs:#?}");
    assert!(paragraphs[0].starts_with("Army officers in the capital announced"));
    assert!(paragraphs[1].contains("to sign up to vote"));
    assert!(paragraphs[2].starts_with("The regional bloc"));
    assert_eq!(cleaned.furniture.len(), 4, "{:#?}", cleaned.furniture);
    assert!(cleaned.furniture[0].ends_with("Thanks for signing up to the"));
}

#[test]
fn captions_are_paragraphs_of_their_own_ending_in_a_credit() {
    let cleaned = clean_body(CAPTIONS);
    let credits: Vec<&str> = cleaned.captions.iter().map(|c| c.credit.as_str()).collect();
    assert_eq!(
        credits,
        vec!["Reuters", "AFP via Getty Images", "Photo: Jane Doe/AP"]
    );
    assert!(cleaned.body.contains("late in the evening (AFP)"));
    assert!(cleaned.body.contains("on Sunday (AFP)."));
    assert!(cleaned.body.contains("(ECOWAS)"));
    assert_eq!(cleaned.paragraphs.len(), 4);
}

/// Checks the promises `split_sentences` makes about its spans.
fn assert_sentence_invariants(body: &str, paragraphs: &[Span]) {
    let sentences = split_sentences(body, paragraphs);
    let mut previous_end = 0u32;
    for sentence in &sentences {
        let span = sentence.span;
        assert!(span.start >= previous_end, "ordered, non-overlapping");
        assert!(!span.is_empty());
        let text = body
            .get(span.range())
            .expect("in bounds, on char boundaries");
        assert_eq!(text, text.trim(), "trimmed");
        let paragraph = paragraphs[sentence.paragraph as usize];
        assert!(paragraph.contains(span), "inside its paragraph");
        previous_end = span.end;
    }
}

/// Text rich in what sentence splitting and cleaning decide on.
fn tricky_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("Mr."),
            Just("U.S."),
            Just("a.m."),
            Just("W."),
            Just("3.5"),
            Just("1,500"),
            Just(". "),
            Just("? "),
            Just("! "),
            Just("…"),
            Just("..."),
            Just("“"),
            Just("”"),
            Just("\""),
            Just("'"),
            Just("’"),
            Just("("),
            Just(")"),
            Just("—"),
            Just(" "),
            Just("\n"),
            Just("\n\n"),
            Just("\r\n"),
            Just("\t"),
            Just("\u{A0}"),
            Just("The"),
            Just("word"),
            Just("é"),
            Just("\u{1b}[2J"),
            Just("\u{9b}"),
            Just("\u{202e}"),
            Just("(AP)"),
            Just("sign up"),
            Just("newsletter"),
            Just("Inc."),
            Just("No."),
            Just("\u{AD}"),
            Just("\u{FEFF}"),
            Just("\u{2029}"),
            Just("\u{0C}"),
        ],
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #[test]
    fn sanitized_text_holds_no_control_but_newlines(s in any::<String>()) {
        prop_assert!(!has_terminal_control(&sanitize(&s)));
    }

    #[test]
    fn cleaned_bodies_are_inert_and_paragraph_spans_exact(s in prop_oneof![any::<String>(), tricky_text()]) {
        let cleaned = clean_body(&s);
        prop_assert!(!has_terminal_control(&cleaned.body));
        let joined: Vec<&str> = cleaned.paragraphs.iter().map(|p| p.slice(&cleaned.body)).collect();
        prop_assert_eq!(joined.join("\n\n"), cleaned.body.clone());
        for paragraph in &joined {
            prop_assert!(!paragraph.is_empty());
            prop_assert_eq!(*paragraph, paragraph.trim());
            prop_assert!(!paragraph.contains('\n'));
        }
        assert_sentence_invariants(&cleaned.body, &cleaned.paragraphs);
    }

    #[test]
    fn sentence_spans_hold_their_promises_on_any_text(s in prop_oneof![any::<String>(), tricky_text()]) {
        let paragraphs = split_paragraphs(&s);
        assert_sentence_invariants(&s, &paragraphs);
    }

    #[test]
    fn sentences_cover_every_word_of_a_paragraph(s in tricky_text()) {
        let cleaned = clean_body(&s);
        let sentences = split_sentences(&cleaned.body, &cleaned.paragraphs);
        let words: usize = sentences
            .iter()
            .map(|x| x.span.slice(&cleaned.body).split_whitespace().count())
            .sum();
        prop_assert_eq!(words, cleaned.body.split_whitespace().count());
    }
}
