use super::*;
use crate::extract::quotes::tests_support::article;
use crate::model::{ActorId, ActorKind, MentionForm, Span, Speaker};

/// Actors and mentions for every occurrence of each `(name, kind)` in the body.
fn actors_for(article: &Article, names: &[(&str, ActorKind)]) -> (Vec<Actor>, Vec<Mention>) {
    let mut actors = Vec::new();
    let mut mentions = Vec::new();
    for (i, (name, kind)) in names.iter().enumerate() {
        let id = ActorId(i as u32);
        actors.push(Actor {
            id,
            name: name.to_string(),
            kind: *kind,
            aliases: vec![name.to_string()],
            role: None,
            affiliation: None,
            articles: vec![article.id],
            mention_count: 0,
            hidden: false,
        });
        let surname = name.rsplit(' ').next().unwrap_or(name);
        for (at, _) in article.body.match_indices(surname) {
            let start = article.body[..at]
                .strip_suffix(&name[..name.len() - surname.len()])
                .map_or(at, |s| s.len());
            let span = Span::new(start, at + surname.len());
            mentions.push(Mention {
                actor: id,
                at: SentenceRef {
                    article: article.id,
                    sentence: article.sentence_at(span.start).unwrap_or(0),
                },
                span,
                form: MentionForm::Name,
            });
        }
    }
    mentions.sort_by_key(|m| m.span.start);
    (actors, mentions)
}

/// (quote text, speaker text) for every quote; actor speakers by actor name.
fn attributed(text: &str, names: &[(&str, ActorKind)]) -> Vec<(String, String)> {
    let a = article(text);
    let (actors, mentions) = actors_for(&a, names);
    find_quotes(&a, &mentions, &actors)
        .iter()
        .map(|q| {
            let who = match &q.speaker {
                Speaker::Actor(id) => actors[id.index()].name.clone(),
                Speaker::Described(d) => format!("~{d}"),
                Speaker::Unattributed => "?".to_string(),
            };
            (q.span.slice(&a.body).to_string(), who)
        })
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

const P: ActorKind = ActorKind::Person;

#[test]
fn speaker_after_the_quotation_with_apposition_and_title() {
    let got = attributed(
        "“I hope they will stay,” Aminu, a trader in the market, told the BBC.\n\n\
         \"Stop it,\" Mr Okafor told reporters.",
        &[("Aminu", P), ("John Okafor", P)],
    );
    assert_eq!(
        got,
        pairs(&[
            ("I hope they will stay,", "Aminu"),
            ("Stop it,", "John Okafor")
        ])
    );
}

#[test]
fn channel_and_medium_of_told_the_bbc() {
    let a = article("“We are fine,” Aminu, a trader, told the BBC.");
    let q = find_quotes(&a, &[], &[]);
    assert_eq!(q[0].channel.as_deref(), Some("told the BBC"));
    assert_eq!(q[0].via.as_deref(), Some("BBC"));
    assert_eq!(q[0].speaker, Speaker::Described("Aminu".to_string()));
}

#[test]
fn speaker_before_the_quotation_through_participles_and_coordination() {
    let got = attributed(
        "Ms Rossi said Monday that she had called him, saying that he \"was safe.\"\n\n\
         The UN rights chief, Karl Berg called for calm and said \"all must stop.\"",
        &[("Anna Rossi", P), ("Karl Berg", P), ("Berg", P)],
    );
    assert_eq!(got[0], ("was safe.".to_string(), "Anna Rossi".to_string()));
    assert_eq!(got[1].1, "Karl Berg");
}

#[test]
fn pronouns_and_definite_descriptions_point_back() {
    let got = attributed(
        "“We acted,” Colonel Diallo said in the address.\n\n\
         \"That is why we decided.”\n\n\
         “I ask our partners to understand,” he said.\n\n\
         Spain's foreign minister, Ana Ruiz, tweeted that Spain is concerned. Spain \
         \"condemns any coup,\" the minister said.",
        &[("Moussa Diallo", P), ("Ana Ruiz", P)],
    );
    let speakers: Vec<&str> = got.iter().map(|(_, s)| s.as_str()).collect();
    assert_eq!(
        speakers,
        vec![
            "Moussa Diallo",
            "Moussa Diallo",
            "Moussa Diallo",
            "Ana Ruiz"
        ]
    );
}

#[test]
fn described_and_institutional_speakers() {
    let got = attributed(
        "“A coup was foiled,” the Ruritania government said in a statement, condemning \
         “this cowardly act.”\n\n“We condemn it,” the statement added.\n\n\
         A statement tweeted by the army command's account declared it would avoid a \
         \"murderous confrontation\" at all costs.",
        &[],
    );
    assert_eq!(
        got,
        pairs(&[
            ("A coup was foiled,", "~the Ruritania government"),
            ("this cowardly act.", "~the Ruritania government"),
            ("We condemn it,", "~the Ruritania government"),
            ("murderous confrontation", "~the army command"),
        ])
    );
}

#[test]
fn groups_and_plural_pronouns() {
    let got = attributed(
        "In a statement on Wednesday, several political parties backed him, calling the move \
         \"madness.\"\n\nThe \"country cannot afford it,\" they said.\n\n\
         Others held up signs saying: “Down with tyranny” and “Go home”.",
        &[],
    );
    assert_eq!(got[0].1, "~several political parties");
    assert_eq!(got[1].1, "~several political parties");
    assert!(got[2].1.contains("signs"), "{got:?}");
    assert_eq!(got[3].1, got[2].1);
}

#[test]
fn a_quote_with_no_attribution_is_unattributed() {
    let got = attributed(
        "The crowd chanted. \"Freedom now\" was written on a wall.",
        &[],
    );
    assert_eq!(got, pairs(&[("Freedom now", "?")]));
}

#[test]
fn quote_spans_sit_inside_the_marks_and_sentences_are_set() {
    let a = article("Intro sentence.\n\n“Yes,” she said.");
    let q = find_quotes(&a, &[], &[]);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].span.slice(&a.body), "Yes,");
    assert_eq!(q[0].at.sentence, a.sentence_at(q[0].span.start).unwrap());
}

mod no_panic {
    use super::*;
    use crate::extract::passages::find_shared_passages;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn any_text_with_marks_and_names_is_handled(
            text in "([A-Z][a-z]{0,6}|said|told|he|the|statement|by|according to|who|and|\
                      [\"“”’,.;:–(]|\n\n| |é|İ){0,80}"
        ) {
            let a = article(&text);
            let (actors, mentions) = actors_for(&a, &[("Ann Lee", P)]);
            for q in find_quotes(&a, &mentions, &actors) {
                prop_assert!(a.body.get(q.span.range()).is_some());
            }
            let b = article(&text);
            for p in find_shared_passages(&[a.clone(), b.clone()]) {
                prop_assert!(a.body.get(p.a.1.range()).is_some());
            }
        }
    }
}

#[test]
fn inverted_attribution_and_a_verb_in_the_passive() {
    let got = attributed(
        "“We will not resign,” said Prime Minister Ann Lee, speaking in the capital.\n\n\
         The decision was announced by a spokesman, Col Omar Diop, who said the army would \
         stay “until order returns”.",
        &[("Ann Lee", P), ("Omar Diop", P)],
    );
    assert_eq!(
        got,
        pairs(&[
            ("We will not resign,", "Ann Lee"),
            ("until order returns", "Omar Diop")
        ])
    );
}
