//! The built-in sample as every user first sees it: loaded through the real loader and cleaner.

use dossier::model::Article;
use dossier::sample::load_sample;

fn article<'a>(articles: &'a [Article], key: &str) -> &'a Article {
    articles
        .iter()
        .find(|a| a.key == key)
        .unwrap_or_else(|| panic!("sample article {key} is loaded"))
}

#[test]
fn article_001_loses_its_sign_up_form_and_photo_captions() {
    let report = load_sample();
    assert!(report.skipped.is_empty() && report.warnings.is_empty());
    let a = article(&report.articles, "001_060abe526bb78158");
    assert!(
        a.body
            .starts_with("Niger’s president has defiantly declared"),
        "body starts: {:?}",
        &a.body[..80.min(a.body.len())]
    );
    for furniture in ["Sign up", "SIGN UP", "email address", "privacy notice"] {
        assert!(
            !a.body.contains(furniture),
            "{furniture:?} left in the body"
        );
    }
    let credits: Vec<&str> = a.captions.iter().map(|c| c.credit.as_str()).collect();
    assert_eq!(credits, ["ORTN via AP", "AP"]);
    assert!(!a.body.contains("(ORTN via AP)") && !a.body.contains("(AP)"));
    assert_eq!(a.furniture.len(), 1, "the sign-up form is kept aside");
}

#[test]
fn every_sentence_of_the_sample_is_a_clean_span_of_its_body() {
    for a in &load_sample().articles {
        assert!(
            a.sentences.len() > 10,
            "{} has {} sentences",
            a.key,
            a.sentences.len()
        );
        for s in &a.sentences {
            let text = s.span.slice(&a.body);
            assert!(
                !text.is_empty() && text == text.trim(),
                "{}: {text:?}",
                a.key
            );
            assert!(
                !text.contains("\n\n"),
                "a sentence crosses paragraphs: {text:?}"
            );
        }
        assert!(a.body.chars().all(|c| c == '\n' || !c.is_control()));
    }
}

#[test]
fn abbreviations_and_quotations_do_not_break_sentences() {
    let articles = load_sample().articles;
    let sentences = |key: &str| -> Vec<String> {
        let a = article(&articles, key);
        (0..a.sentences.len() as u32)
            .map(|i| a.sentence_text(i).to_string())
            .collect()
    };
    let s000 = sentences("000_f16b3598ed5d47d9");
    assert!(s000.iter().any(
        |s| s.starts_with("The U.S. Embassy in Niger released a statement")
            && s.ends_with("gunshots in the area.")
    ));
    assert!(s000.iter().any(|s| s.starts_with("“It was around 3 a.m., we heard shots")
        && s.ends_with("followed by shots from light weapons,” the resident, who lives in the same Niamey Plateau District as the presidential palace, said.")));
    let s001 = sentences("001_060abe526bb78158");
    assert!(s001.iter().any(|s| s == "\"Stop obstructing the democratic governance of the country and respect the rule of law,\" Mr Guterres told reporters."));
    assert!(s001.iter().all(|s| !s.ends_with("Mr")));
}
