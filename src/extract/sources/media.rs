//! The lexicon's agencies and media, prepared once: looking a name up, and finding every name a
//! text contains.
//!
//! Proper names ("Reuters", "The Guardian") count only as written; generic ones ("state
//! television", "dpa": the names that start in lower case) in any case.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use compact_str::CompactString;
use rustc_hash::FxHashMap;

use crate::extract::quotes::lexicon::Lexicon;
use crate::model::SourceKind;

/// The lexicon's media names, indexed for [`media_kind`] and [`find_media`].
struct MediaIndex {
    /// A proper name, and the same name without its leading "The ", to the first lexicon
    /// entry (position, kind) it stands for.
    proper: FxHashMap<String, (usize, SourceKind)>,
    /// An ASCII-lower-cased generic name to the first lexicon entry it stands for.
    generic: FxHashMap<String, (usize, SourceKind)>,
    /// Longest generic name in bytes: a longer text cannot be one.
    longest_generic: usize,
    /// Every name, ASCII case-insensitive; pattern `i` is lexicon entry `i`.
    automaton: Option<AhoCorasick>,
    /// The generic names lower-cased, for texts whose lower-casing moves bytes (see
    /// [`find_media`]); pattern `i` is lexicon entry `generic_ids[i]`.
    generic_automaton: Option<AhoCorasick>,
    generic_ids: Vec<usize>,
    /// Whether every generic name is ASCII, so an ASCII case-insensitive match of one is a
    /// match in the lower-cased text.
    generic_ascii: bool,
}

/// True for a name matched in any case.
fn is_generic(name: &str) -> bool {
    name.starts_with(char::is_lowercase)
}

static INDEX: LazyLock<MediaIndex> = LazyLock::new(|| {
    let media = &Lexicon::get().media;
    let mut proper = FxHashMap::default();
    let mut generic = FxHashMap::default();
    for (i, (kind, name)) in media.iter().enumerate() {
        // The lexicon is longest first and the first entry that fits wins: keep earlier keys.
        if is_generic(name) {
            generic
                .entry(name.to_ascii_lowercase())
                .or_insert((i, *kind));
        } else {
            proper.entry(name.clone()).or_insert((i, *kind));
            proper
                .entry(name.trim_start_matches("The ").to_string())
                .or_insert((i, *kind));
        }
    }
    let generic_ids: Vec<usize> = (0..media.len())
        .filter(|&i| media.get(i).is_some_and(|(_, n)| is_generic(n)))
        .collect();
    let generic_lower: Vec<String> = generic_ids
        .iter()
        .filter_map(|&i| media.get(i).map(|(_, n)| n.to_lowercase()))
        .collect();
    // Overlapping search needs the standard match kind; a build failure (it cannot happen with
    // a few dozen short names) only means no medium is found.
    let build = |names: &[&str], any_case: bool| {
        AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(any_case)
            .build(names)
            .ok()
    };
    let names: Vec<&str> = media.iter().map(|(_, n)| n.as_str()).collect();
    let lower: Vec<&str> = generic_lower.iter().map(String::as_str).collect();
    MediaIndex {
        longest_generic: generic.keys().map(String::len).max().unwrap_or(0),
        proper,
        generic,
        automaton: build(&names, true),
        generic_automaton: build(&lower, false),
        generic_ascii: generic_lower.iter().all(|n| n.is_ascii()),
        generic_ids,
    }
});

/// The agency or medium `text` names, when it is one: the first lexicon entry (longest first)
/// equal to it, without a leading "the", in any case for a generic name.
pub(crate) fn media_kind(text: &str) -> Option<SourceKind> {
    let index = &*INDEX;
    let t = text
        .trim()
        .trim_start_matches("the ")
        .trim_start_matches("The ");
    let proper = index.proper.get(t).copied();
    // A generic name is at most a few dozen bytes: lowered on the stack, not in a new String.
    let generic = (t.len() <= index.longest_generic)
        .then(|| {
            let mut lower = CompactString::new(t);
            lower.make_ascii_lowercase();
            index.generic.get(lower.as_str()).copied()
        })
        .flatten();
    [proper, generic]
        .into_iter()
        .flatten()
        .min_by_key(|&(i, _)| i)
        .map(|(_, kind)| kind)
}

/// True when lower-casing `text` keeps the length of every character, so that byte offsets in
/// the lower-cased text are offsets in `text`.
fn lowercase_keeps_offsets(text: &str) -> bool {
    /// Bytes asked at once whether they are all ASCII (which keeps its length).
    const BLOCK: usize = 16;
    let bytes = text.as_bytes();
    // `at` stays on a character boundary: it moves over whole ASCII blocks (one byte a
    // character) or over one decoded character.
    let mut at = 0;
    while at < bytes.len() {
        if bytes.get(at..at + BLOCK).is_some_and(<[u8]>::is_ascii) {
            at += BLOCK;
            continue;
        }
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        if !keeps_length(c) {
            return false;
        }
        at += c.len_utf8();
    }
    true
}

/// True when `c` lower-cased takes as many bytes as `c`.
fn keeps_length(c: char) -> bool {
    c.is_ascii() || c.to_lowercase().map(char::len_utf8).sum::<usize>() == c.len_utf8()
}

/// Every occurrence of a lexicon name in `body`, overlapping ones included, as (lexicon entry,
/// start, end), sorted. Proper names match as written; generic names match in the lower-cased
/// body, and only when lower-casing keeps the body's length (otherwise offsets would not fit).
pub(crate) fn find_media(body: &str) -> Vec<(usize, usize, usize)> {
    let index = &*INDEX;
    let media = &Lexicon::get().media;
    let mut hits: Vec<(usize, usize, usize)> = Vec::new();
    // When no character changes length, the lower-cased body is the body with its ASCII capitals
    // lowered, and an ASCII generic name occurs in it exactly where an ASCII case-insensitive
    // search of the body finds it: one pass then finds proper and generic names.
    let one_pass = index.generic_ascii && lowercase_keeps_offsets(body);
    if let Some(ac) = &index.automaton {
        for m in ac.find_overlapping_iter(body) {
            let id = m.pattern().as_usize();
            let Some((_, name)) = media.get(id) else {
                continue;
            };
            let keep = if is_generic(name) {
                one_pass
            } else {
                body.get(m.start()..m.end()) == Some(name.as_str())
            };
            if keep {
                hits.push((id, m.start(), m.end()));
            }
        }
    }
    if !one_pass && let Some(ac) = &index.generic_automaton {
        let lower = body.to_lowercase();
        // Lower-casing keeps byte offsets only when no character changed length.
        if lower.len() == body.len() {
            for m in ac.find_overlapping_iter(&lower) {
                if let Some(&id) = index.generic_ids.get(m.pattern().as_usize()) {
                    hits.push((id, m.start(), m.end()));
                }
            }
        }
    }
    hits.sort_unstable();
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `media_kind` as a scan of the lexicon, the definition the index must keep.
    fn media_kind_by_scan(text: &str) -> Option<SourceKind> {
        let t = text
            .trim()
            .trim_start_matches("the ")
            .trim_start_matches("The ");
        Lexicon::get()
            .media
            .iter()
            .find(|(_, n)| {
                if is_generic(n) {
                    n.eq_ignore_ascii_case(t)
                } else {
                    n == t || n.trim_start_matches("The ") == t
                }
            })
            .map(|(k, _)| *k)
    }

    /// `find_media` as two searches, proper names in the body and generic ones in the
    /// lower-cased body, the definition the single pass must keep.
    fn find_media_by_two_passes(body: &str) -> Vec<(usize, usize, usize)> {
        let media = &Lexicon::get().media;
        let mut hits = Vec::new();
        for (id, (_, name)) in media.iter().enumerate() {
            let lower = body.to_lowercase();
            let (haystack, needle) = if is_generic(name) {
                if lower.len() != body.len() {
                    continue;
                }
                (lower.as_str(), name.to_lowercase())
            } else {
                (body, name.clone())
            };
            for start in 0..haystack.len() {
                if haystack
                    .as_bytes()
                    .get(start..)
                    .is_some_and(|r| r.starts_with(needle.as_bytes()))
                {
                    hits.push((id, start, start + needle.len()));
                }
            }
        }
        hits.sort_unstable();
        hits
    }

    #[test]
    fn the_index_answers_like_a_scan_of_the_lexicon() {
        let mut texts: Vec<String> = Lexicon::get()
            .media
            .iter()
            .flat_map(|(_, n)| {
                [
                    n.clone(),
                    n.to_uppercase(),
                    n.to_lowercase(),
                    format!("the {n}"),
                    format!(" The {n} "),
                    n.trim_start_matches("The ").to_string(),
                ]
            })
            .collect();
        texts.extend(
            [
                "",
                "The",
                "the the state TV",
                "İ",
                "a very long description of nobody at all",
            ]
            .map(String::from),
        );
        for text in &texts {
            assert_eq!(media_kind(text), media_kind_by_scan(text), "{text:?}");
        }
        assert_eq!(media_kind("Reuters"), Some(SourceKind::Agency));
        assert_eq!(media_kind("STATE TELEVISION"), Some(SourceKind::Media));
        assert_eq!(media_kind("REUTERS"), None);
    }

    #[test]
    fn one_pass_finds_what_two_searches_find() {
        let bodies = [
            "Reuters and AFP said, State Television reported; DPA and dpa agreed. RT, rt.",
            "“Quoted”, the STATE TV and state tv of the Associated Press (AP) via Al Jazeera.",
            // A character that grows when lower-cased: generic names are not searched.
            "İstanbul: state media and Reuters.",
            // The Kelvin sign lower-cases to an ASCII k and shrinks.
            "\u{212A}yodo and state radio",
            "",
            "Twitter",
            "TASS and Tass and tass: TASS",
        ];
        for body in bodies {
            assert_eq!(find_media(body), find_media_by_two_passes(body), "{body:?}");
        }
        assert!(
            find_media("on State Television")
                .iter()
                .any(|&(id, s, e)| s == 3 && e == 19 && id < Lexicon::get().media.len())
        );
    }

    #[test]
    fn lowercase_offsets_are_kept_only_when_no_character_changes_length() {
        assert!(lowercase_keeps_offsets("Plain “curly” ÉTÉ text"));
        assert!(!lowercase_keeps_offsets("İstanbul"));
        assert!(!lowercase_keeps_offsets("\u{212A}elvin"));
        // A character that changes length after or across a block of ASCII.
        assert!(!lowercase_keeps_offsets(
            "a plain ASCII text of some length İ"
        ));
        assert!(!lowercase_keeps_offsets("fifteen bytes.\u{212A}"));
        assert!(lowercase_keeps_offsets(
            "sixteen bytes..“seventeen bytes..”"
        ));
    }

    proptest::proptest! {
        #[test]
        fn block_by_block_reading_answers_like_every_character(
            text in "([a-z ]{0,20}|“|é|İ|\u{212A}|ẞ|Σ){0,12}"
        ) {
            let every_character = text.chars().all(keeps_length);
            proptest::prop_assert_eq!(lowercase_keeps_offsets(&text), every_character);
        }
    }
}
