//! Photo captions left in scraped article text: a paragraph of its own that ends in a
//! parenthesised credit naming a photo agency or photographer, such as `(AP)`,
//! `(ORTN via AP)`, `(Getty Images)` or `(Photo: Jane Doe/Reuters)`.
//!
//! A caption describes a picture in one clause, usually without a final period before the
//! credit. A paragraph of article text can also end in "(AFP)", so a paragraph is taken for a
//! caption only when
//! - the credit is short and names an agency or a picture word (see [`CREDIT_WORDS`]), or has
//!   the `Name/Agency` shape;
//! - the text before the credit is at most [`MAX_CAPTION_WORDS`] words and holds no sentence
//!   break inside it;
//! - and, when that text ends in a period, the caption is short ([`MAX_FINAL_PERIOD_WORDS`])
//!   and the credit is plainly a picture credit (a picture word, "via" or a slash).

use crate::model::{Caption, Span};
use crate::text::sentences::split_sentences;

/// Words (lower case) that mark a parenthesised credit: news and photo agencies, and words for
/// pictures and their provenance. General knowledge, not tied to any corpus.
pub const CREDIT_WORDS: &[&str] = &[
    "aap",
    "abaca",
    "afp",
    "alamy",
    "anadolu",
    "ansa",
    "ap",
    "bloomberg",
    "courtesy",
    "credit",
    "dpa",
    "efe",
    "epa",
    "eyevine",
    "file",
    "getty",
    "handout",
    "image",
    "images",
    "nurphoto",
    "pa",
    "photo",
    "photograph",
    "photographer",
    "photos",
    "picture",
    "pictures",
    "pool",
    "reuters",
    "rex",
    "shutterstock",
    "sipa",
    "sputnik",
    "supplied",
    "tass",
    "upi",
    "via",
    "wire",
    "xinhua",
    "zuma",
];

/// Words that make a credit plainly a picture credit, even after a full sentence.
const PICTURE_WORDS: &[&str] = &[
    "courtesy",
    "file",
    "getty",
    "handout",
    "image",
    "images",
    "photo",
    "photograph",
    "photographer",
    "photos",
    "picture",
    "pictures",
    "pool",
    "shutterstock",
    "via",
];

/// The longest caption, in words, before its credit.
pub const MAX_CAPTION_WORDS: usize = 60;
/// The longest caption, in words, that may end in a period before its credit.
pub const MAX_FINAL_PERIOD_WORDS: usize = 40;
/// The longest credit, in words.
pub const MAX_CREDIT_WORDS: usize = 8;

/// Labels that introduce a credit at the end of a caption ("… on Thursday. Photograph: Jane
/// Doe/AFP"), as several outlets print them instead of parentheses.
const CREDIT_LABELS: &[&str] = &[
    "Photograph:",
    "Photographs:",
    "Photo:",
    "Photos:",
    "Photo credit:",
    "Picture:",
    "Image:",
    "Illustration:",
];

/// The most sentences a labelled caption may hold before its credit.
pub const MAX_LABELLED_SENTENCES: usize = 2;

/// The caption `paragraph` (whitespace already normalised) is, if it is one.
pub fn caption_of(paragraph: &str) -> Option<Caption> {
    bracketed_caption(paragraph)
        .or_else(|| labelled_caption(paragraph))
        .or_else(|| announced_caption(paragraph))
}

/// Labels that open a caption or picture credit line on some sites ("Image source, Reuters",
/// "Image caption, Soldiers in the capital"), with whether the label's text is the credit.
const CAPTION_OPENERS: &[(&str, bool)] = &[
    ("Image source,", true),
    ("Image copyright", true),
    ("Image caption,", false),
    ("Media caption,", false),
    ("Video caption,", false),
    ("Photo caption,", false),
];

/// A caption or credit line opened by a label. When a credit line and a caption line were
/// joined into one paragraph ("Image source, AFP Image caption, Soldiers…"), the credit stops
/// where the next label starts; a caption line alone has an empty credit.
fn announced_caption(paragraph: &str) -> Option<Caption> {
    let text = paragraph.trim();
    let (label, is_credit) = CAPTION_OPENERS
        .iter()
        .find(|(label, _)| text.starts_with(label))?;
    let rest = text.get(label.len()..)?.trim_start();
    let credit = if *is_credit {
        let end = CAPTION_OPENERS
            .iter()
            .filter_map(|(other, _)| rest.find(other))
            .min()
            .unwrap_or(rest.len());
        rest.get(..end)?.trim()
    } else {
        ""
    };
    if word_count_over(text, MAX_CAPTION_WORDS + MAX_CREDIT_WORDS) {
        return None;
    }
    Some(Caption {
        text: text.to_string(),
        credit: credit.to_string(),
    })
}

fn word_count_over(text: &str, limit: usize) -> bool {
    text.split_whitespace().nth(limit).is_some()
}

/// A caption whose credit is labelled: "Soldiers in the capital. Photograph: Jane Doe/AFP".
fn labelled_caption(paragraph: &str) -> Option<Caption> {
    let text = paragraph.trim();
    // The last colon that ends a label: one pass over the text, not one per label.
    let (at, label) = text.rmatch_indices(':').find_map(|(colon, _)| {
        let head = text.get(..=colon)?;
        CREDIT_LABELS
            .iter()
            .find(|label| head.ends_with(*label))
            .map(|label| (colon + 1 - label.len(), *label))
    })?;
    let described = text.get(..at)?.trim_end();
    let credit = text.get(at + label.len()..)?.trim();
    let credit_words = credit.split_whitespace().count();
    if credit_words == 0
        || credit_words > MAX_CREDIT_WORDS
        || credit.ends_with('.')
        || !credit.starts_with(char::is_uppercase)
    {
        return None;
    }
    let words = described.split_whitespace().count();
    let sentences = split_sentences(described, &[Span::new(0, described.len())]).len();
    if words == 0 || words > MAX_CAPTION_WORDS || sentences > MAX_LABELLED_SENTENCES {
        return None;
    }
    Some(Caption {
        text: text.to_string(),
        credit: credit.to_string(),
    })
}

/// A caption whose credit is in final parentheses: "Soldiers in the capital (AP)".
fn bracketed_caption(paragraph: &str) -> Option<Caption> {
    let text = paragraph.trim();
    let inner = text.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let credit = inner.get(open + 1..)?.trim();
    let described = inner.get(..open)?.trim_end();
    if credit.contains(['(', ')']) || !is_credit(credit) {
        return None;
    }
    let words = described.split_whitespace().count();
    if words == 0 || words > MAX_CAPTION_WORDS || has_inner_sentence_break(described) {
        return None;
    }
    if described.ends_with(['.', '!', '?'])
        && (words > MAX_FINAL_PERIOD_WORDS || !is_picture_credit(credit))
    {
        return None;
    }
    Some(Caption {
        text: text.to_string(),
        credit: credit.to_string(),
    })
}

/// True when `credit` is short and names an agency or a picture, or is `Name/Agency`.
fn is_credit(credit: &str) -> bool {
    let count = credit.split_whitespace().count();
    if count == 0 || count > MAX_CREDIT_WORDS || has_inner_sentence_break(credit) {
        return false;
    }
    credit.contains('/') && credit.starts_with(char::is_uppercase)
        || words_of(credit).any(|w| CREDIT_WORDS.iter().any(|c| c.eq_ignore_ascii_case(w)))
}

fn is_picture_credit(credit: &str) -> bool {
    credit.contains('/')
        || words_of(credit).any(|w| PICTURE_WORDS.iter().any(|c| c.eq_ignore_ascii_case(w)))
}

fn words_of(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// True when `text` holds more than one sentence, by the sentence splitter's rules (so that
/// "Mr. Bazoum" or "George W. Bush" do not count as breaks).
fn has_inner_sentence_break(text: &str) -> bool {
    split_sentences(text, &[Span::new(0, text.len())]).len() > 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn credit_of(text: &str) -> Option<String> {
        caption_of(text).map(|c| c.credit)
    }

    #[test]
    fn captions_with_agency_credits_are_recognised() {
        let text =
            "Soldiers stand guard outside the national broadcaster in the capital (ORTN via AP)";
        let caption = caption_of(text).expect("a caption");
        assert_eq!(caption.text, text);
        assert_eq!(caption.credit, "ORTN via AP");
        assert_eq!(
            credit_of("The minister, left, with the president (AP)").as_deref(),
            Some("AP")
        );
        assert_eq!(
            credit_of("Protesters in the capital (Reuters)").as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            credit_of("A market in the old town (AFP via Getty Images)").as_deref(),
            Some("AFP via Getty Images")
        );
        assert_eq!(
            credit_of("Crowds gather at the stadium (Photo: Jane Doe/AP)").as_deref(),
            Some("Photo: Jane Doe/AP")
        );
        assert_eq!(
            credit_of("Crowds gather at the stadium (Jane Doe/Some Agency)").as_deref(),
            Some("Jane Doe/Some Agency")
        );
    }

    #[test]
    fn a_short_caption_may_end_in_a_period_before_a_picture_credit() {
        assert!(caption_of("The president speaks in Niamey. (AP Photo/Jane Doe)").is_some());
        assert!(caption_of("The president speaks in Niamey. (AFP)").is_none());
    }

    #[test]
    fn article_paragraphs_ending_in_a_credit_are_not_captions() {
        let text = "The army said it had taken power. It closed the borders and suspended the \
                    constitution, a spokesman told reporters on state television (AFP)";
        assert!(caption_of(text).is_none());
        assert!(caption_of("Officials confirmed the toll on Friday (AFP).").is_none());
        assert!(caption_of("Delegates from the regional bloc met in Abuja (ECOWAS)").is_none());
        assert!(caption_of("(AP)").is_none());
        assert!(caption_of("No credit at all").is_none());
    }

    #[test]
    fn labelled_credits_end_a_caption() {
        let text = "Soldiers guard the palace in the capital on Thursday. Photograph: Jane Doe/AFP/Getty Images";
        assert_eq!(
            credit_of(text).as_deref(),
            Some("Jane Doe/AFP/Getty Images")
        );
        assert!(caption_of("Flags on sale in the market. Photo: Reuters").is_some());
        let long = "The army said it had taken power. It closed the borders. It suspended the \
                    constitution. Photo: Reuters";
        assert!(caption_of(long).is_none());
        assert!(
            caption_of("The agency released a photo: the leader, smiling, at a rally.").is_none()
        );
    }

    #[test]
    fn labelled_caption_and_credit_lines_are_captions() {
        let joined = "Image source, Getty Images Image caption, Soldiers guard the palace";
        assert_eq!(credit_of(joined).as_deref(), Some("Getty Images"));
        assert_eq!(
            credit_of("Image caption, Soldiers guard the palace").as_deref(),
            Some("")
        );
        assert!(caption_of("The image source, officials said, was a soldier's phone.").is_none());
    }

    #[test]
    fn initials_do_not_count_as_sentence_breaks() {
        assert!(caption_of("George W. Bush in Washington (AP)").is_some());
        assert!(caption_of("Mr. Bazoum at the U.S. Embassy in 2021 (AP)").is_some());
    }
}
