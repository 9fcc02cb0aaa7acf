//! The general English word lists the quote and source finders use, embedded in the binary.

use std::sync::OnceLock;

use super::lower::LowercaseWords;
use crate::model::SourceKind;

/// Word lists (asked about nearly every word of every article, so they answer for a word in any
/// case without lower-casing it): speech verbs, media names, anonymous-source, institution and
/// role nouns.
#[derive(Debug)]
pub(crate) struct Lexicon {
    /// Lowercase verb forms that attribute words to a speaker.
    pub speech_verbs: LowercaseWords,
    /// Agencies and media with their kind, longest names first.
    pub media: Vec<(SourceKind, String)>,
    /// Lowercase nouns that make a described speaker anonymous.
    pub anonymous: LowercaseWords,
    /// Lowercase head nouns of institutions.
    pub institutions: LowercaseWords,
    /// Lowercase role nouns ("minister", "spokesman").
    pub roles: LowercaseWords,
}

/// The non-comment, non-empty lines of an embedded list.
fn lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Lexicon {
    /// The embedded lists, parsed once.
    pub(crate) fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            let set = |text| LowercaseWords::new(lines(text));
            let mut media: Vec<(SourceKind, String)> =
                lines(include_str!("../../../data/lexicon/sources_media.txt"))
                    .filter_map(|l| {
                        let (kind, name) = l.split_once('|')?;
                        let kind = match kind {
                            "agency" => SourceKind::Agency,
                            _ => SourceKind::Media,
                        };
                        Some((kind, name.trim().to_string()))
                    })
                    .collect();
            media.sort_by_key(|(_, n)| std::cmp::Reverse(n.len()));
            Lexicon {
                speech_verbs: set(include_str!(
                    "../../../data/lexicon/sources_speech_verbs.txt"
                )),
                media,
                anonymous: set(include_str!("../../../data/lexicon/sources_anonymous.txt")),
                institutions: set(include_str!(
                    "../../../data/lexicon/sources_institutions.txt"
                )),
                roles: set(include_str!("../../../data/lexicon/sources_roles.txt")),
            }
        })
    }

    /// True when `word` (any case) is a speech verb form.
    pub(crate) fn is_speech_verb(&self, word: &str) -> bool {
        self.speech_verbs.contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_loaded_and_comments_skipped() {
        let lx = Lexicon::get();
        assert!(lx.is_speech_verb("Said") && lx.is_speech_verb("tweeted"));
        assert!(!lx.is_speech_verb("# verbs"));
        assert!(!lx.is_speech_verb("") && !lx.is_speech_verb("a") && !lx.is_speech_verb("to"));
        assert!(lx.is_speech_verb("ANNOUNCING") && lx.is_speech_verb("SAY"));
        assert!(!lx.is_speech_verb("announcingly") && !lx.is_speech_verb("sayſ"));
        assert!(lx.anonymous.contains("witness"));
        assert!(lx.institutions.contains("embassy"));
        assert!(lx.roles.contains("minister"));
        assert!(
            lx.media
                .iter()
                .any(|(k, n)| *k == SourceKind::Agency && n == "Reuters")
        );
    }
}
