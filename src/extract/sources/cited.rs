//! The sources one article cites: speakers of speech verbs and quotations, agencies and media
//! it names, and photo credits.

use crate::extract::quotes::attribution::{Analysis, Who};
use crate::extract::quotes::lexicon::Lexicon;
use crate::model::{Actor, ActorId, Article, SentenceRef, SourceKind, Speaker};

use super::classify::{kind_of_actor, kind_of_text};
use super::media::{find_media, media_kind};

/// One citation found in one article, before merging across articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    /// Display name or description.
    pub name: String,
    /// Kind of source.
    pub kind: SourceKind,
    /// The actor, when resolved.
    pub actor: Option<ActorId>,
    /// Where it is cited.
    pub at: SentenceRef,
    /// How.
    pub channel: Option<String>,
}

/// Words right before an agency's or medium's name that say how it is relied on.
const CHANNEL_BEFORE: &[(&str, &str)] = &[
    ("according to", "according to"),
    ("spoke to", "spoke to"),
    ("told", "told"),
    ("quoted by", "quoted by"),
    ("interview with", "in an interview with"),
    ("reported by", "reported by"),
    ("broadcast on", "broadcast on"),
    ("on", "on"),
    ("to", "to"),
];

/// Words right after a name that say how it is relied on.
/// Bytes before a name searched for a channel phrase: the longest phrase with the words
/// skipped after it ("interview with the channel the") fits with room to spare.
const CHANNEL_WINDOW: usize = 64;

const CHANNEL_AFTER: &[&str] = &[
    "quoted",
    "reported",
    "said",
    "reports",
    "says",
    "aired",
    "identified",
];

/// The citations of one article.
pub(crate) fn citations(
    analysis: &Analysis<'_>,
    article: &Article,
    actors: &[Actor],
) -> Vec<Found> {
    let mut found = Vec::new();
    let at = |byte: u32| SentenceRef {
        article: article.id,
        sentence: article.sentence_at(byte).unwrap_or(0),
    };
    for (i, record) in analysis.records.iter().enumerate() {
        if record.who == Who::Unknown {
            continue;
        }
        let is_name = matches!(record.who, Who::Name(_) | Who::Person(_));
        let (name, kind, actor) = match analysis.record_speaker(i) {
            Speaker::Actor(id) => match actors.get(id.index()) {
                Some(a) => (a.name.clone(), kind_of_actor(a), Some(id)),
                None => continue,
            },
            Speaker::Described(text) => {
                let kind = kind_of_text(&text, is_name);
                (text, kind, None)
            }
            Speaker::Unattributed => continue,
        };
        found.push(Found {
            name,
            kind,
            actor,
            at: at(record.cue.start),
            channel: record.channel.clone(),
        });
        if let Some(via) = &record.via {
            found.push(Found {
                name: via.clone(),
                kind: media_kind(via).unwrap_or(SourceKind::Media),
                actor: None,
                at: at(record.cue.start),
                channel: record.channel.clone(),
            });
        }
    }
    found.extend(media_named(article));
    for caption in &article.captions {
        for credit in split_credit(&caption.credit) {
            found.push(Found {
                name: credit.to_string(),
                kind: SourceKind::Credit,
                actor: None,
                at: at(0),
                channel: Some("photo credit".to_string()),
            });
        }
    }
    found
}

/// Every agency or medium the body names, with the words around it that give the channel.
/// Names are taken longest first, each occurrence left to right, skipping occurrences inside a
/// longer name already taken or inside a word.
fn media_named(article: &Article) -> Vec<Found> {
    let body = article.body.as_str();
    let media = &Lexicon::get().media;
    // (position of the name in the lexicon, start, end), sorted.
    let hits = find_media(body);

    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut found = Vec::new();
    // Occurrences of one name do not overlap each other (as in `str::match_indices`).
    let mut previous: Option<(usize, usize)> = None;
    for (id, start, end) in hits {
        if previous.is_some_and(|(p, e)| p == id && start < e) {
            continue;
        }
        previous = Some((id, end));
        let Some((kind, name)) = media.get(id) else {
            continue;
        };
        let before = body.get(..start).and_then(|s| s.chars().next_back());
        let after = body.get(end..).and_then(|s| s.chars().next());
        if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
            continue;
        }
        if taken.iter().any(|&(s, e)| start < e && s < end) {
            continue;
        }
        taken.push((start, end));
        let channel = channel_around(body, start, end);
        found.push(Found {
            name: name.clone(),
            kind: *kind,
            actor: None,
            at: SentenceRef {
                article: article.id,
                sentence: article
                    .sentence_at(u32::try_from(start).unwrap_or(u32::MAX))
                    .unwrap_or(0),
            },
            channel,
        });
    }
    found
}

/// The channel the words around a medium's name give ("spoke to Reuters", "AFP quoted").
fn channel_around(body: &str, start: usize, end: usize) -> Option<String> {
    // Only the words just before the name matter: lower-casing the whole text before every
    // name would cost a long article time quadratic in its length.
    let prefix = body.get(..start)?;
    let window_start = start.saturating_sub(CHANNEL_WINDOW);
    let window_start = (window_start..=start)
        .find(|&i| prefix.is_char_boundary(i))
        .unwrap_or(start);
    let whole = window_start == 0;
    let before = prefix.get(window_start..)?.to_lowercase();
    let before = before
        .trim_end()
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .trim_end_matches(" the")
        .trim_end_matches(" channel")
        .trim_end_matches(" the");
    for (phrase, channel) in CHANNEL_BEFORE {
        let after_space = before
            .strip_suffix(phrase)
            .is_some_and(|rest| rest.ends_with(' '));
        if after_space || (whole && before == *phrase) {
            return Some(channel.to_string());
        }
    }
    let next = body.get(end..)?.split_whitespace().next()?.to_lowercase();
    let next = next.trim_end_matches(|c: char| !c.is_alphanumeric());
    CHANNEL_AFTER.contains(&next).then(|| next.to_string())
}

fn split_credit(credit: &str) -> Vec<&str> {
    credit
        .split(" via ")
        .flat_map(|p| p.split(['/', ',', ';']))
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
        .filter(|p| {
            !p.is_empty() && !p.eq_ignore_ascii_case("file") && !p.eq_ignore_ascii_case("photo")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::quotes::tests_support::article;
    use crate::model::Caption;

    fn names(text: &str) -> Vec<(String, SourceKind, Option<String>)> {
        let a = article(text);
        let analysis = Analysis::new(&a, &[], &[]);
        citations(&analysis, &a, &[])
            .into_iter()
            .map(|f| (f.name, f.kind, f.channel))
            .collect()
    }

    #[test]
    fn agencies_anonymous_sources_and_institutions() {
        let got = names(
            "According to several security sources who spoke to Reuters, the attack failed. \
             The news outlet AFP quoted one witness. The Ruritania government said in a \
             statement that order was restored. Analysts say the army is split.",
        );
        let has =
            |n: &str, k: SourceKind| got.iter().any(|(name, kind, _)| name == n && *kind == k);
        assert!(
            has("several security sources", SourceKind::Anonymous),
            "{got:?}"
        );
        assert!(has("Reuters", SourceKind::Agency), "{got:?}");
        assert!(has("AFP", SourceKind::Agency), "{got:?}");
        assert!(
            has("The Ruritania government", SourceKind::Institution),
            "{got:?}"
        );
        assert!(has("Analysts", SourceKind::Anonymous), "{got:?}");
        let reuters = got.iter().find(|(n, _, _)| n == "Reuters").unwrap();
        assert_eq!(reuters.2.as_deref(), Some("spoke to"));
        let gov = got
            .iter()
            .find(|(n, _, _)| n == "The Ruritania government")
            .unwrap();
        assert_eq!(gov.2.as_deref(), Some("said in a statement"));
    }

    #[test]
    fn photo_credits_are_credits() {
        let mut a = article("Nothing cited here at all.");
        a.captions.push(Caption {
            text: "Soldiers on TV (ORTN via AP)".to_string(),
            credit: "ORTN via AP".to_string(),
        });
        let analysis = Analysis::new(&a, &[], &[]);
        let got: Vec<(String, SourceKind)> = citations(&analysis, &a, &[])
            .into_iter()
            .map(|f| (f.name, f.kind))
            .collect();
        assert_eq!(
            got,
            vec![
                ("ORTN".to_string(), SourceKind::Credit),
                ("AP".to_string(), SourceKind::Credit)
            ]
        );
    }

    #[test]
    fn a_medium_the_speaker_talked_to_is_cited_with_the_speaker() {
        let got = names("“We are fine,” Aminu, a trader, told the BBC.");
        assert!(
            got.iter().any(|(n, k, c)| n == "Aminu"
                && *k == SourceKind::Person
                && c.as_deref() == Some("told the BBC")),
            "{got:?}"
        );
        assert!(
            got.iter()
                .any(|(n, k, _)| n == "BBC" && *k == SourceKind::Media),
            "{got:?}"
        );
    }
}
