//! The outlet an article names for itself in its page furniture.
//!
//! Only unambiguous self-references count: "updates from The Independent", "© 2023 The
//! Guardian", "Sign up to the Observer newsletter", "Subscribe to Le Monde". Names in the body
//! never count ("told the BBC" does not make an article the BBC's), and furniture naming two
//! different outlets gives none.

use crate::model::Article;

/// Phrases after which the outlet's name follows.
const NAME_FOLLOWS: &[&str] = &[
    "updates from ",
    "offers from ",
    "newsletters from ",
    "news from ",
    "sign up to the ",
    "sign up for the ",
    "subscribe to ",
    "copyright ",
    "© ",
    "(c) ",
    "thanks for reading ",
    "thank you for reading ",
    "you are reading ",
];

/// Words that end an outlet's name when the phrase goes on ("the Observer newsletter").
const NAME_ENDS: &[&str] = &[
    "newsletter",
    "newsletters",
    "emails",
    "alerts",
    "app",
    "website",
];

/// The outlet an article names for itself in its page furniture, when unambiguous.
pub fn outlet_from_furniture(article: &Article) -> Option<String> {
    let mut found: Vec<String> = Vec::new();
    for text in &article.furniture {
        let lower = text.to_lowercase();
        for phrase in NAME_FOLLOWS {
            for (at, _) in lower.match_indices(phrase) {
                let Some(rest) = text.get(at + phrase.len()..) else {
                    continue;
                };
                if let Some(name) = name_at(rest) {
                    found.push(name);
                }
            }
        }
    }
    found.sort();
    found.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    match found.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// The capitalised name at the start of `rest` (after a year, for copyright lines), if any.
fn name_at(rest: &str) -> Option<String> {
    let mut words = rest
        .split_whitespace()
        .skip_while(|w| {
            w.chars()
                .all(|c| c.is_ascii_digit() || c == '-' || c == '–')
        })
        .peekable();
    let mut name: Vec<&str> = Vec::new();
    while let Some(w) = words.next() {
        let clean = w.trim_end_matches(['.', ',', ';', ':', '!', '?', ')']);
        if NAME_ENDS.contains(&clean.to_lowercase().as_str()) {
            break;
        }
        let capitalised = clean.starts_with(|c: char| c.is_uppercase());
        let joins = matches!(clean, "of" | "and" | "&" | "de" | "la" | "le")
            && !name.is_empty()
            && words
                .peek()
                .is_some_and(|n| n.starts_with(|c: char| c.is_uppercase()));
        if !(capitalised || joins) || clean.is_empty() {
            break;
        }
        name.push(clean);
        if clean.len() != w.len() {
            break; // punctuation ends the name
        }
    }
    // "The" alone, or a sentence-initial word like "Read", is not a name.
    let name = name.join(" ");
    let bare = name.trim_start_matches("The ").trim();
    (!bare.is_empty() && bare != "The" && name.len() <= 60).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::quotes::tests_support::article;

    fn with_furniture(lines: &[&str]) -> Article {
        let mut a = article("Body text that says the minister told the BBC so.");
        a.furniture = lines.iter().map(|s| s.to_string()).collect();
        a
    }

    #[test]
    fn reads_the_sign_up_form_of_the_independent() {
        let a = with_furniture(&[
            "For free real time breaking news alerts sent straight to your inbox sign up to our \
             breaking news emails Sign up to our free breaking news emails Please enter a valid \
             email address Please enter a valid email address SIGN UP I would like to be emailed \
             about offers, events and updates from The Independent. Read our privacy notice \
             Thanks for signing up to the",
        ]);
        assert_eq!(
            outlet_from_furniture(&a).as_deref(),
            Some("The Independent")
        );
    }

    #[test]
    fn copyright_and_newsletter_lines() {
        let a = with_furniture(&["© 2023 The Guardian"]);
        assert_eq!(outlet_from_furniture(&a).as_deref(), Some("The Guardian"));
        let b = with_furniture(&["Sign up to the Observer newsletter"]);
        assert_eq!(outlet_from_furniture(&b).as_deref(), Some("Observer"));
    }

    #[test]
    fn never_from_the_body_and_never_when_ambiguous() {
        assert_eq!(outlet_from_furniture(&with_furniture(&[])), None);
        let a = with_furniture(&["© 2023 The Guardian", "updates from The Independent"]);
        assert_eq!(outlet_from_furniture(&a), None);
        let b = with_furniture(&["Sign up to our free breaking news emails"]);
        assert_eq!(outlet_from_furniture(&b), None);
    }
}
