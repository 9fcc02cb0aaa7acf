//! Page furniture: newsletter sign-up forms, cookie notices, app and social-media prompts,
//! "read more" teasers and advertisement labels that a scrape leaves inside the article text.
//!
//! One call-to-action phrase proves nothing ("the party urged supporters to sign up to vote"),
//! so furniture is recognised by density: a paragraph made mostly of such phrases, or one where
//! they come thick (one in every [`WORDS_PER_PHRASE`] words, at least [`MIN_PHRASES`] of them),
//! or a short line that opens with one and is no sentence ("Read more: …").
//! A form that runs straight into the article on the same line is cut off as the paragraph's
//! leading run: consecutive phrases from the start, no more than [`MAX_GAP_WORDS`] words apart,
//! dense enough, plus the dangling function words after the last one ("…signing up to the").
//! Density alone also needs the text to speak to the reader ("your", "our", "please"): a news
//! report about a party's sign-up drive and its newsletter does not.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

/// Calls to action and page labels, lower case; matched as whole words, ignoring ASCII case.
/// The longest phrase wins where they overlap, so a long phrase counts once.
const PHRASES: &[&str] = &[
    "sign up",
    "signing up",
    "signed up",
    "sign-up",
    "signup",
    "sign in",
    "log in",
    "subscribe",
    "subscribed",
    "subscribing",
    "subscription",
    "subscriber",
    "subscribers",
    "unsubscribe",
    "already a subscriber",
    "newsletter",
    "newsletters",
    "email address",
    "e-mail address",
    "email me",
    "emailed",
    "enter a valid email address",
    "enter your email",
    "enter your email address",
    "to your inbox",
    "straight to your inbox",
    "breaking news alerts",
    "news alerts",
    "push notifications",
    "offers, events and updates",
    "special offers",
    "privacy notice",
    "privacy policy",
    "cookie policy",
    "cookie settings",
    "accept cookies",
    "we use cookies",
    "terms of use",
    "terms of service",
    "terms and conditions",
    "thanks for signing up",
    "thank you for signing up",
    "thanks for subscribing",
    "thank you for subscribing",
    "download our app",
    "download the app",
    "get the app",
    "follow us",
    "like us on facebook",
    "read more",
    "read next",
    "read also",
    "continue reading",
    "related articles",
    "related stories",
    "most read",
    "advertisement",
    "skip advertisement",
    "sponsored content",
    "share this article",
    "share on facebook",
    "share on twitter",
    "copy link",
    "link copied",
    "click here",
    "create an account",
    "create a free account",
    "already have an account",
    "support our journalism",
    "become a member",
    "listen to this article",
];

/// Function words that dangle after the last phrase of a form ("signing up to the").
const DANGLING: &[&str] = &[
    "a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "our", "the", "to", "with",
    "your",
];

/// Dense means at least one phrase in this many words.
pub const WORDS_PER_PHRASE: usize = 8;
/// A paragraph or leading run needs at least this many phrases to be furniture by density.
pub const MIN_PHRASES: usize = 3;
/// A teaser (a call to action opening a paragraph that is no sentence) is at most this long.
pub const MAX_TEASER_WORDS: usize = 15;
/// Phrases further apart than this many words do not belong to one leading run.
pub const MAX_GAP_WORDS: usize = 12;

/// What of a paragraph is furniture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Furniture {
    /// Nothing: the paragraph is article text.
    None,
    /// The whole paragraph.
    Whole,
    /// The bytes before this offset (a character boundary followed by the article text).
    Leading(usize),
}

/// The phrase matcher, built once. `None` only if building failed, which fixed literals well
/// inside aho-corasick's limits cannot make happen; then nothing is taken for furniture.
fn matcher() -> Option<&'static AhoCorasick> {
    static MATCHER: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    MATCHER
        .get_or_init(|| {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                // A few dozen short phrases make a small DFA, the fastest to search with.
                .kind(Some(AhoCorasickKind::DFA))
                .build(PHRASES)
                .ok()
        })
        .as_ref()
}

/// Decides what of `paragraph` (whitespace already normalised) is page furniture.
pub fn furniture_in(paragraph: &str) -> Furniture {
    let Some(matcher) = matcher() else {
        return Furniture::None;
    };
    let phrases: Vec<(usize, usize)> = matcher
        .find_iter(paragraph)
        .map(|m| (m.start(), m.end()))
        .filter(|&(start, end)| is_whole_words(paragraph, start, end))
        .collect();
    if phrases.is_empty() {
        return Furniture::None;
    }
    let words = word_count(paragraph);
    let phrase_words: usize = phrases
        .iter()
        .map(|&(s, e)| word_count(paragraph.get(s..e).unwrap_or("")))
        .sum();
    let mostly_phrases = phrase_words * 2 >= words;
    let dense = phrases.len() >= MIN_PHRASES
        && phrases.len() * WORDS_PER_PHRASE >= words
        && addresses_reader(paragraph);
    if mostly_phrases || dense || is_teaser(paragraph, &phrases, words) {
        return Furniture::Whole;
    }
    leading_run(paragraph, &phrases)
}

/// True for a short paragraph that opens with a call to action and is no sentence of its own:
/// "Read more: Junta closes borders", "Sign up for our Africa newsletter here".
fn is_teaser(paragraph: &str, phrases: &[(usize, usize)], words: usize) -> bool {
    phrases.first().is_some_and(|&(start, _)| start == 0)
        && words <= MAX_TEASER_WORDS
        && !paragraph.ends_with(['.', '"', '”'])
}

/// The leading run of phrases, when it is long and dense enough and article text follows.
fn leading_run(paragraph: &str, phrases: &[(usize, usize)]) -> Furniture {
    let mut end = 0usize;
    let mut count = 0usize;
    for &(start, stop) in phrases {
        let gap = word_count(paragraph.get(end..start).unwrap_or(""));
        if gap > MAX_GAP_WORDS {
            break;
        }
        end = stop;
        count += 1;
    }
    let run = paragraph.get(..end).unwrap_or("");
    let run_words = word_count(run);
    if count < MIN_PHRASES || count * WORDS_PER_PHRASE < run_words || !addresses_reader(run) {
        return Furniture::None;
    }
    let end = past_dangling_words(paragraph, end);
    if paragraph
        .get(end..)
        .is_none_or(|rest| rest.trim().is_empty())
    {
        Furniture::Whole
    } else {
        Furniture::Leading(end)
    }
}

/// Moves `end` past the function words that dangle after a form's last phrase, and past the
/// punctuation that closes the form.
fn past_dangling_words(paragraph: &str, mut end: usize) -> usize {
    loop {
        let rest = paragraph.get(end..).unwrap_or("");
        let trimmed = rest.trim_start_matches(|c: char| c.is_whitespace() || ".:!|»›-".contains(c));
        let skipped = rest.len() - trimmed.len();
        let word_len = trimmed
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(trimmed.len());
        let word = trimmed.get(..word_len).unwrap_or("");
        if word.is_empty() || !DANGLING.iter().any(|d| d.eq_ignore_ascii_case(word)) {
            return end + skipped_punctuation(rest);
        }
        end += skipped + word_len;
    }
}

/// The length of the punctuation (not the whitespace) at the start of `rest`.
fn skipped_punctuation(rest: &str) -> usize {
    let trimmed = rest.trim_start_matches(|c: char| ".:!|»›".contains(c));
    rest.len() - trimmed.len()
}

/// True when `text` speaks to the reader ("your inbox", "our newsletter", "please"), as calls
/// to action do and news reports about sign-ups do not ("urged supporters to sign up").
/// "us" counts only in lower case, so that "US" the country does not.
fn addresses_reader(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric()).any(|word| {
        word == "us"
            || ["you", "your", "our", "we", "please"]
                .iter()
                .any(|w| w.eq_ignore_ascii_case(word))
    })
}

fn is_whole_words(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let after = text.get(end..).and_then(|s| s.chars().next());
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sign_up_form_is_furniture() {
        let form = "Get our daily briefing sent straight to your inbox Sign up to our free \
                    newsletter Please enter a valid email address SIGN UP I would like to be \
                    emailed about offers, events and updates. Read our privacy policy";
        assert_eq!(furniture_in(form), Furniture::Whole);
    }

    #[test]
    fn labels_and_teasers_are_furniture() {
        assert_eq!(furniture_in("Advertisement"), Furniture::Whole);
        assert_eq!(furniture_in("READ MORE"), Furniture::Whole);
        assert_eq!(furniture_in("Follow us on Twitter"), Furniture::Whole);
        assert_eq!(
            furniture_in("Read more: Junta closes the borders and suspends the constitution"),
            Furniture::Whole
        );
        assert_eq!(
            furniture_in("Subscribe to state radio, the minister told listeners on Friday."),
            Furniture::None
        );
    }

    #[test]
    fn news_about_signing_up_is_not_furniture() {
        let text = "The opposition party urged supporters to sign up to vote before the \
                    deadline, and said its newsletter would carry polling station addresses.";
        assert_eq!(furniture_in(text), Furniture::None);
        assert_eq!(
            furniture_in("Readers who subscribe to state radio heard the announcement first."),
            Furniture::None
        );
        assert_eq!(
            furniture_in(
                "The party urged supporters to sign up to vote and subscribe to its newsletter."
            ),
            Furniture::None
        );
    }

    #[test]
    fn phrases_must_be_whole_words() {
        assert_eq!(
            furniture_in("Designs uplifted the subscribers' mood."),
            Furniture::None
        );
        assert!(!is_whole_words("designs up", 1, 9));
    }

    #[test]
    fn a_form_running_into_the_article_is_cut_at_its_end() {
        let text = "Sign up to our newsletter Enter your email address Subscribe Thanks for \
                    signing up to the Soldiers seized the presidential palace on Wednesday, officials \
                    said. The army command later declared that it backed the takeover in order \
                    to avoid a bloody confrontation between rival units.";
        let Furniture::Leading(end) = furniture_in(text) else {
            panic!("expected a leading run in {text:?}");
        };
        assert_eq!(
            text.get(end..).map(str::trim_start),
            text.get(text.find("Soldiers").unwrap_or(0)..)
        );
    }
}
