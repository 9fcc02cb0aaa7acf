//! Actors: the people, countries, organizations and places in every article, with their names
//! resolved across the corpus.
//!
//! Each article is read once ([`scan`]): one aho-corasick pass finds every gazetteer form
//! ([`gazetteer_match`]); the capitalised names between the hits are classified by pattern
//! ([`patterns`]) or by the evidence that makes them people ([`people`]), with the roles
//! stated beside them ([`roles`]); the word lists answer through a quick reject filter
//! ([`word_set`]). Every name found becomes a compact [`candidate`] (ranges of the body, no
//! copies: at scale millions of them wait at once). Then [`resolve`] merges the surface forms
//! of the whole corpus into actors, recovering misspelt country names on the way ([`fuzzy`]).

mod candidate;
mod context;
mod definite;
mod form_trie;
mod fuzzy;
mod gazetteer_match;
mod lexicon;
mod patterns;
mod people;
mod products;
mod resolve;
mod roles;
mod scan;
mod tokens;
mod word_set;

use rayon::prelude::*;

use crate::model::{Actor, Article, Mention};

use super::gazetteer::Gazetteer;
use gazetteer_match::GazIndex;

/// The actors of a corpus and every mention of them, sorted by article and position.
#[derive(Debug, Clone, Default)]
pub struct ActorExtraction {
    /// Actors, indexed by their ids.
    pub actors: Vec<Actor>,
    /// Mentions sorted by article, then by start offset.
    pub mentions: Vec<Mention>,
}

/// Finds and resolves the actors of all `articles`.
pub fn extract_actors(articles: &[Article], gazetteer: &Gazetteer) -> ActorExtraction {
    let index = GazIndex::for_gazetteer(gazetteer);
    let scans: Vec<scan::ArticleScan> = articles
        .par_iter()
        .map(|a| scan::scan_article(&a.body, &index))
        .collect();
    let (actors, mentions) = resolve::resolve(articles, &scans, gazetteer, &index);
    ActorExtraction { actors, mentions }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorKind, ArticleId, Format, MentionForm, Origin};
    use crate::text::{paragraphs::split_paragraphs, sentences::split_sentences};

    /// An article of `body`, split into paragraphs and sentences (shared with the resolution's
    /// tests).
    pub(super) fn article(i: usize, body: &str) -> Article {
        let paragraphs = split_paragraphs(body);
        let sentences = split_sentences(body, &paragraphs);
        Article {
            id: ArticleId::from_index(i),
            key: format!("a{i}"),
            title: None,
            outlet: None,
            url: None,
            author: None,
            date: None,
            body: body.to_string(),
            paragraphs,
            sentences,
            captions: Vec::new(),
            furniture: Vec::new(),
            origin: Origin {
                path: "t".into(),
                format: Format::Inline,
                record: None,
            },
        }
    }

    fn extract(bodies: &[&str]) -> (Vec<Article>, ActorExtraction) {
        let articles: Vec<Article> = bodies
            .iter()
            .enumerate()
            .map(|(i, b)| article(i, b))
            .collect();
        let found = extract_actors(&articles, Gazetteer::embedded());
        (articles, found)
    }

    /// `(surface, actor name, kind)` for every mention, in order.
    fn mentions(bodies: &[&str]) -> Vec<(String, String, ActorKind)> {
        let (articles, found) = extract(bodies);
        found
            .mentions
            .iter()
            .map(|m| {
                let a = &found.actors[m.actor.index()];
                let body = &articles[m.at.article.index()].body;
                (m.span.slice(body).to_string(), a.name.clone(), a.kind)
            })
            .collect()
    }

    fn has(ms: &[(String, String, ActorKind)], surface: &str, name: &str, kind: ActorKind) -> bool {
        ms.iter()
            .any(|(s, n, k)| s == surface && n == name && *k == kind)
    }

    #[test]
    fn capitals_stand_for_governments_only_in_context() {
        let ms = mentions(&[
            "Moscow has urged calm. Later, crowds gathered in Moscow. Washington’s support matters.",
        ]);
        let moscow: Vec<ActorKind> = ms.iter().filter(|m| m.0 == "Moscow").map(|m| m.2).collect();
        assert_eq!(moscow, vec![ActorKind::Country, ActorKind::Place], "{ms:?}");
        assert!(
            has(&ms, "Washington", "United States", ActorKind::Country),
            "{ms:?}"
        );
    }

    #[test]
    fn people_resolve_to_their_full_name_and_titles_stay_outside_the_span() {
        let ms = mentions(&[
            "President Jane Okafor spoke on Monday. Mr Okafor is her brother, said Okafor.",
            "Okafor said nothing.",
        ]);
        assert!(
            has(&ms, "Jane Okafor", "Jane Okafor", ActorKind::Person),
            "{ms:?}"
        );
        let okafor = ms.iter().filter(|m| m.0 == "Okafor").count();
        assert_eq!(okafor, 3, "{ms:?}");
        assert!(ms.iter().all(|m| m.1 == "Jane Okafor"), "{ms:?}");
        assert!(
            !ms.iter()
                .any(|m| m.0.contains("President") || m.0 == "Monday"),
            "{ms:?}"
        );
    }

    #[test]
    fn people_sharing_a_first_name_stay_apart_and_spellings_merge() {
        let ms = mentions(&[
            "Gen Abdoulaye Diallo took power, spokesman Abdoulaye Kone said.",
            "General Abdoulay Diallo spoke.",
        ]);
        let diallo: Vec<&str> = ms
            .iter()
            .filter(|m| m.0.ends_with("Diallo"))
            .map(|m| m.1.as_str())
            .collect();
        assert_eq!(diallo.len(), 2, "{ms:?}");
        assert_eq!(diallo[0], diallo[1], "spelling variants merge: {ms:?}");
        assert!(
            has(&ms, "Abdoulaye Kone", "Abdoulaye Kone", ActorKind::Person),
            "{ms:?}"
        );
    }

    #[test]
    fn roles_and_affiliations_come_from_possessives_with_their_sentence() {
        let (articles, found) = extract(&[
            "Kenya’s Foreign Minister Amina Wekesa flew home.\n\nThe UN secretary general, Paulo Rossi, said so.",
        ]);
        let wekesa = found
            .actors
            .iter()
            .find(|a| a.name == "Amina Wekesa")
            .expect("found");
        let role = wekesa.role.as_ref().expect("a role");
        assert_eq!(role.value, "Foreign Minister");
        assert_eq!(
            wekesa.affiliation.as_ref().map(|a| a.value.as_str()),
            Some("Kenya")
        );
        assert!(
            articles[0]
                .sentence_text(role.evidence.sentence)
                .contains("Foreign Minister")
        );
        let rossi = found
            .actors
            .iter()
            .find(|a| a.name == "Paulo Rossi")
            .expect("found");
        assert_eq!(
            rossi.role.as_ref().map(|r| r.value.as_str()),
            Some("secretary general")
        );
        assert_eq!(
            rossi.affiliation.as_ref().map(|a| a.value.as_str()),
            Some("United Nations")
        );
    }

    #[test]
    fn demonyms_short_forms_and_near_names_stay_distinct() {
        let ms = mentions(&[
            "Nigerien troops and Nigerian police met in Mali, not Malawi. The U.S. and Mauritanitania.",
        ]);
        assert!(has(&ms, "Nigerien", "Niger", ActorKind::Country), "{ms:?}");
        assert!(
            has(&ms, "Nigerian", "Nigeria", ActorKind::Country),
            "{ms:?}"
        );
        assert!(has(&ms, "Mali", "Mali", ActorKind::Country), "{ms:?}");
        assert!(has(&ms, "Malawi", "Malawi", ActorKind::Country), "{ms:?}");
        assert!(
            has(&ms, "The U.S.", "United States", ActorKind::Country),
            "the article of a name heading its phrase is in the span: {ms:?}"
        );
        assert!(
            has(&ms, "Mauritanitania", "Mauritania", ActorKind::Country),
            "{ms:?}"
        );
        let (_, found) = extract(&["French, West African and Nigerien officials."]);
        assert_eq!(found.mentions.len(), 3);
        assert!(
            found
                .mentions
                .iter()
                .all(|m| m.form == MentionForm::Demonym)
        );
    }

    #[test]
    fn furniture_openers_and_dates_are_no_actors() {
        let ms = mentions(&[
            "SIGN UP NOW Please enter your email. Read our privacy notice. Thanks for signing up.\n\nMeanwhile, on Thursday in March, Authorities said Order was restored. State TV aired it at 12:30 GMT.",
        ]);
        assert!(ms.is_empty(), "{ms:?}");
    }

    #[test]
    fn organizations_from_patterns_and_acronyms_defined_in_text() {
        let ms = mentions(&[
            "The Movement for Justice and Peace (MJP) met the Kano Region council. MJP leaders joined the Zenith party, and Operation Sandstorm began.",
        ]);
        let mjp: Vec<&str> = ms
            .iter()
            .filter(|m| m.0 == "MJP")
            .map(|m| m.1.as_str())
            .collect();
        assert_eq!(mjp.len(), 2, "{ms:?}");
        assert!(
            mjp.iter().all(|n| n.starts_with("Movement for Justice")),
            "{ms:?}"
        );
        assert!(
            has(&ms, "Kano Region", "Kano Region", ActorKind::Place),
            "{ms:?}"
        );
        assert!(
            has(&ms, "Zenith", "Zenith", ActorKind::Organization),
            "{ms:?}"
        );
        assert!(
            has(
                &ms,
                "Operation Sandstorm",
                "Operation Sandstorm",
                ActorKind::Organization
            ),
            "{ms:?}"
        );
    }

    #[test]
    fn spaced_possessives_of_tokenised_text_are_handled() {
        let ms =
            mentions(&["France 's president , Louis Martin , said the company 's plan failed ."]);
        assert!(has(&ms, "France", "France", ActorKind::Country), "{ms:?}");
        assert!(
            has(&ms, "Louis Martin", "Louis Martin", ActorKind::Person),
            "{ms:?}"
        );
    }

    #[test]
    fn a_name_suffix_keeps_its_dot_and_a_title_is_no_name() {
        let ms = mentions(&[
            "Its chairman, William Clay Ford Jr., resigned. The former Chief Operating Officer, Tim Cook, said no.",
        ]);
        assert!(
            has(
                &ms,
                "William Clay Ford Jr.",
                "William Clay Ford Jr.",
                ActorKind::Person
            ),
            "{ms:?}"
        );
        assert!(!ms.iter().any(|m| m.0.contains("Officer")), "{ms:?}");
    }

    #[test]
    fn a_division_named_after_its_organization_is_one_mention_of_it() {
        let ms = mentions(&[
            "Boeing Commercial Airplanes said it would grow. The UN Mali mission ended.",
        ]);
        assert!(
            has(
                &ms,
                "Boeing Commercial Airplanes",
                "Boeing",
                ActorKind::Organization
            ),
            "{ms:?}"
        );
        assert!(!ms.iter().any(|m| m.2 == ActorKind::Person), "{ms:?}");
        assert!(has(&ms, "Mali", "Mali", ActorKind::Country), "{ms:?}");
    }

    #[test]
    fn a_person_named_after_an_organization_is_split_from_it() {
        let ms = mentions(&["The chairman of Zenbo Motors Paul Kettering resigned."]);
        assert!(
            has(&ms, "Zenbo Motors", "Zenbo Motors", ActorKind::Organization),
            "{ms:?}"
        );
        assert!(
            has(&ms, "Paul Kettering", "Paul Kettering", ActorKind::Person),
            "{ms:?}"
        );
    }

    #[test]
    fn organizations_named_after_places_take_the_place_in() {
        let ms = mentions(&[
            "The Bank of Canada and Air France and Qatar Airways met the U.S. Embassy.",
        ]);
        assert!(
            has(
                &ms,
                "The Bank of Canada",
                "Bank of Canada",
                ActorKind::Organization
            ),
            "{ms:?}"
        );
        assert!(
            has(&ms, "Air France", "Air France", ActorKind::Organization),
            "{ms:?}"
        );
        assert!(
            has(
                &ms,
                "Qatar Airways",
                "Qatar Airways",
                ActorKind::Organization
            ),
            "{ms:?}"
        );
        assert!(
            has(&ms, "U.S.", "United States", ActorKind::Country),
            "a state body leaves its country: {ms:?}"
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// Any text, however odd, gives mentions on character boundaries inside the text.
        #[test]
        fn any_text_gives_valid_spans(body in "([A-Z][a-zé’']{0,8}|[a-z]{1,6}|[ ,.()’'“”\n$-]|Mr|Niger|U\\.S\\.|’s| ){0,60}") {
            let (articles, found) = extract(&[body.as_str()]);
            for m in &found.mentions {
                let text = &articles[0].body;
                proptest::prop_assert!(text.get(m.span.range()).is_some_and(|s| !s.is_empty()));
                proptest::prop_assert!(found.actors.get(m.actor.index()).is_some());
            }
        }
    }
}
