//! What kind of source a name or description is, and the key that merges mentions of one
//! source across articles.

use super::media::media_kind;
use crate::extract::quotes::lexicon::Lexicon;
use crate::extract::quotes::lower::{lowercase_in, with_lowercase};
use crate::model::{Actor, ActorKind, SourceKind};

/// Titles that mark a name as a person's.
const PERSON_TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "president",
    "gen",
    "general",
    "col",
    "colonel",
    "maj",
    "major",
    "minister",
    "secretary",
    "prof",
    "sir",
    "lord",
    "king",
    "queen",
    "prince",
    "senator",
];

/// The words of a text as written, possessives removed (a lone "s" left by splitting at the
/// apostrophe). The word lists answer for a word in any case, so nothing is lower-cased or
/// allocated here.
fn words_as_written(text: &str) -> impl Iterator<Item = &str> + Clone {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty() && !with_lowercase(w, |l| l == "s"))
}

/// The kind of a source the text names or describes (no actor known).
pub(crate) fn kind_of_text(text: &str, is_name: bool) -> SourceKind {
    if let Some(kind) = media_kind(text) {
        return kind;
    }
    let lx = Lexicon::get();
    let w = words_as_written(text);
    let head = w.clone().last().unwrap_or("");
    let has_anonymous = !is_name
        && (w.clone().any(|x| lx.anonymous.contains(x)) || {
            let lower = text.to_lowercase();
            lower.contains("person familiar") || lower.contains("people familiar")
        });
    if has_anonymous {
        return SourceKind::Anonymous;
    }
    if !is_name && lx.roles.contains(head) {
        return SourceKind::Person;
    }
    if w.clone().any(|x| lx.institutions.contains(x)) {
        return SourceKind::Institution;
    }
    if is_name {
        return SourceKind::Person;
    }

    if lx.roles.contains(head) || w.clone().any(|x| lowercase_in(x, PERSON_TITLES)) {
        return SourceKind::Person;
    }
    SourceKind::Group
}

/// The kind of a source that is a resolved actor.
pub(crate) fn kind_of_actor(actor: &Actor) -> SourceKind {
    match actor.kind {
        ActorKind::Person => SourceKind::Person,
        ActorKind::Organization => std::iter::once(&actor.name)
            .chain(&actor.aliases)
            .find_map(|n| media_kind(n))
            .unwrap_or(SourceKind::Institution),
        ActorKind::Country | ActorKind::Place => SourceKind::Institution,
    }
}

/// Lowercase words left out at the start of a merge key.
const LEADING_DETERMINERS: &[&str] = &[
    "the", "a", "an", "one", "several", "some", "his", "her", "its", "their",
];

/// The key that merges one source's citations: its lowercase words (possessive `s` dropped),
/// without leading determiners, joined by spaces.
pub(crate) fn normalised(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    let mut leading = true;
    for word in text.split(|c: char| !(c.is_alphanumeric() || c == '-')) {
        if word.is_empty() {
            continue;
        }
        if word.is_ascii() {
            // The same steps as below, with the ASCII word lowered while it is copied.
            if word.eq_ignore_ascii_case("s")
                || leading
                    && LEADING_DETERMINERS
                        .iter()
                        .any(|d| word.eq_ignore_ascii_case(d))
            {
                continue;
            }
            leading = false;
            if !key.is_empty() {
                key.push(' ');
            }
            key.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            continue;
        }
        with_lowercase(word, |w| {
            if w == "s" {
                return;
            }
            if leading && LEADING_DETERMINERS.contains(&w) {
                return;
            }
            leading = false;
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(w);
        });
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_of_described_sources() {
        assert_eq!(kind_of_text("Reuters", true), SourceKind::Agency);
        assert_eq!(kind_of_text("state TV", false), SourceKind::Media);
        assert_eq!(
            kind_of_text("several security sources", false),
            SourceKind::Anonymous
        );
        assert_eq!(
            kind_of_text("someone close to the president", false),
            SourceKind::Anonymous
        );
        assert_eq!(
            kind_of_text("the Ruritania government", false),
            SourceKind::Institution
        );
        assert_eq!(
            kind_of_text("The U.S. Embassy in Niamey", true),
            SourceKind::Institution
        );
        assert_eq!(
            kind_of_text("several political parties", false),
            SourceKind::Group
        );
        assert_eq!(
            kind_of_text("His foreign minister", false),
            SourceKind::Person
        );
        assert_eq!(kind_of_text("Mr Okafor", true), SourceKind::Person);
        assert_eq!(kind_of_text("the army chief", false), SourceKind::Person);
        assert_eq!(
            kind_of_text("Secretary of State Ann Lee", true),
            SourceKind::Person
        );
    }

    #[test]
    fn normalised_keys_merge_determiners_and_case() {
        assert_eq!(normalised("The Army Command's"), normalised("army command"));
        assert_eq!(normalised("one witness"), "witness");
    }

    /// Lowercase words of a text, possessives removed.
    fn words(text: &str) -> Vec<String> {
        text.split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .filter(|w| !w.is_empty())
            .map(|w| w.to_lowercase())
            .filter(|w| w != "s")
            .collect()
    }

    /// The kind as first written, with the words lower-cased into a list: the definition the
    /// reading of the words as written must keep.
    fn kind_of_text_by_lowercase_words(text: &str, is_name: bool) -> SourceKind {
        if let Some(kind) = media_kind(text) {
            return kind;
        }
        let lx = Lexicon::get();
        let w = words(text);
        let head = w.last().map_or("", String::as_str);
        let has_anonymous = !is_name
            && (w.iter().any(|x| lx.anonymous.contains(x)) || {
                let lower = text.to_lowercase();
                lower.contains("person familiar") || lower.contains("people familiar")
            });
        if has_anonymous {
            return SourceKind::Anonymous;
        }
        if !is_name && lx.roles.contains(head) {
            return SourceKind::Person;
        }
        if w.iter().any(|x| lx.institutions.contains(x)) {
            return SourceKind::Institution;
        }
        if is_name {
            return SourceKind::Person;
        }
        if lx.roles.contains(head) || w.iter().any(|x| PERSON_TITLES.contains(&x.as_str())) {
            return SourceKind::Person;
        }
        SourceKind::Group
    }

    proptest::proptest! {
        #[test]
        fn keys_are_the_joined_lower_cased_words_in_any_text(
            text in "(The|the|A|S|s|'s|One|SEVERAL|Army|ÉLUS|İ|\u{212A}|[a-z]{1,5}| |,|-|’){0,10}"
        ) {
            proptest::prop_assert_eq!(normalised(&text), normalised_by_words(&text));
        }

        #[test]
        fn kinds_are_those_of_the_lower_cased_words(
            text in "(the|THE|Army|army's|S|s|'s|Minister|MINISTER|Mr|MR|Witness|witnesses|Embassy|people familiar|People Familiar|state TV|Reuters|İ|\u{212A}|[a-z]{1,6}| |,|-){0,10}",
            is_name: bool,
        ) {
            proptest::prop_assert_eq!(
                kind_of_text(&text, is_name),
                kind_of_text_by_lowercase_words(&text, is_name)
            );
        }
    }

    /// The key as first written: the words, leading determiners skipped, joined.
    fn normalised_by_words(text: &str) -> String {
        let w = words(text);
        let skip = w
            .iter()
            .take_while(|x| {
                matches!(
                    x.as_str(),
                    "the"
                        | "a"
                        | "an"
                        | "one"
                        | "several"
                        | "some"
                        | "his"
                        | "her"
                        | "its"
                        | "their"
                )
            })
            .count();
        w.get(skip..).unwrap_or(&[]).join(" ")
    }

    #[test]
    fn normalised_keys_are_the_joined_words_without_leading_determiners() {
        for text in [
            "",
            "The",
            "the the s",
            "The Army's s Command",
            "  Several  ÉLUS  de l’Assemblée ",
            "İstanbul-based The One",
            "his s the army",
            "a—b–c",
        ] {
            assert_eq!(normalised(text), normalised_by_words(text), "{text:?}");
        }
    }
}
