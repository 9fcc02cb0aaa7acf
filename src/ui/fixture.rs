//! A small hand-built corpus (three articles on a fictionalised coup, with actors, times, events,
//! timeline entries, quotes and cited sources) for the browser's tests and screenshots, so the
//! UI can be exercised independently of how well extraction does on the sample.

use chrono::NaiveDate;

use crate::model::*;

/// An actor of the fixture: display name, kind, other names and role.
struct ActorSpec {
    name: &'static str,
    kind: ActorKind,
    aliases: &'static [&'static str],
    role: Option<&'static str>,
}

/// An article of the fixture: metadata and paragraphs given as lists of sentences.
struct ArticleSpec {
    key: &'static str,
    outlet: &'static str,
    date: (i32, u32, u32),
    title: &'static str,
    paragraphs: &'static [&'static [&'static str]],
}

const ACTORS: &[ActorSpec] = &[
    ActorSpec {
        name: "Mohamed Bazoum",
        kind: ActorKind::Person,
        aliases: &["Mohamed Bazoum", "Mr Bazoum", "Bazoum"],
        role: Some("President"),
    },
    ActorSpec {
        name: "Abdourahamane Tchiani",
        kind: ActorKind::Person,
        aliases: &[
            "Abdourahamane Tchiani",
            "Omar Tchiani",
            "General Tchiani",
            "Tchiani",
        ],
        role: Some("General"),
    },
    ActorSpec {
        name: "Niger",
        kind: ActorKind::Country,
        aliases: &["Niger", "Nigerien"],
        role: None,
    },
    ActorSpec {
        name: "France",
        kind: ActorKind::Country,
        aliases: &["France", "French"],
        role: None,
    },
    ActorSpec {
        name: "Emmanuel Macron",
        kind: ActorKind::Person,
        aliases: &["Emmanuel Macron", "Macron"],
        role: Some("President of France"),
    },
    ActorSpec {
        name: "ECOWAS",
        kind: ActorKind::Organization,
        aliases: &["ECOWAS"],
        role: None,
    },
    ActorSpec {
        name: "Niamey",
        kind: ActorKind::Place,
        aliases: &["Niamey"],
        role: None,
    },
    ActorSpec {
        name: "Bola Tinubu",
        kind: ActorKind::Person,
        aliases: &["Bola Tinubu", "Tinubu"],
        role: Some("President of Nigeria"),
    },
];

const ARTICLES: &[ArticleSpec] = &[
    ArticleSpec {
        key: "reuters-0726",
        outlet: "Reuters",
        date: (2023, 7, 26),
        title: "Soldiers detain Niger's President Bazoum",
        paragraphs: &[
            &[
                "Soldiers detained President Mohamed Bazoum in Niamey on Wednesday, security sources said.",
                "General Tchiani commands the presidential guard that held him.",
            ],
            &[
                "France condemned the seizure of power on Thursday.",
                "\u{201c}We stand with the elected president of Niger,\u{201d} Emmanuel Macron said.",
            ],
        ],
    },
    ArticleSpec {
        key: "aljazeera-0728",
        outlet: "Al Jazeera",
        date: (2023, 7, 28),
        title: "Tchiani names himself head of Niger's junta",
        paragraphs: &[
            &[
                "General Omar Tchiani declared himself leader of Niger on July 28.",
                "Nigerien state television broadcast the statement, according to AFP.",
            ],
            &[
                "ECOWAS gave the junta one week on July 30 to restore Mr Bazoum.",
                "\u{201c}We will not accept this,\u{201d} Bola Tinubu said.",
            ],
        ],
    },
    ArticleSpec {
        key: "bbc-0810",
        outlet: "BBC",
        date: (2023, 8, 10),
        title: "ECOWAS readies a standby force for Niger",
        paragraphs: &[
            &[
                "ECOWAS ordered the activation of a standby force on 10 August.",
                "Tchiani had warned against any intervention on July 28, state television said.",
            ],
            &["France said Mr Bazoum remained the legitimate leader of Niger."],
        ],
    },
];

/// Time expressions of the fixture: the words and the day they stand for.
const TIMES: &[(&str, (i32, u32, u32))] = &[
    ("on Wednesday", (2023, 7, 26)),
    ("on Thursday", (2023, 7, 27)),
    ("July 28", (2023, 7, 28)),
    ("July 30", (2023, 7, 30)),
    ("10 August", (2023, 8, 10)),
];

/// Cited sources of the fixture: name, kind, the actor it is, and the phrase that cites it.
const SOURCES: &[(&str, SourceKind, Option<u32>, &str)] = &[
    ("AFP", SourceKind::Agency, None, "according to AFP"),
    (
        "state television",
        SourceKind::Media,
        None,
        "state television",
    ),
    (
        "security sources",
        SourceKind::Anonymous,
        None,
        "security sources said",
    ),
    (
        "Emmanuel Macron",
        SourceKind::Person,
        Some(4),
        "Emmanuel Macron said",
    ),
    (
        "Bola Tinubu",
        SourceKind::Person,
        Some(7),
        "Bola Tinubu said",
    ),
];

fn date(d: (i32, u32, u32)) -> NaiveDate {
    NaiveDate::from_ymd_opt(d.0, d.1, d.2).unwrap_or_default()
}

/// Builds an article from its spec: paragraphs joined by blank lines, sentences by spaces.
fn build_article(index: usize, spec: &ArticleSpec) -> Article {
    let mut body = String::new();
    let mut paragraphs = Vec::new();
    let mut sentences = Vec::new();
    for (p, sents) in spec.paragraphs.iter().enumerate() {
        if p > 0 {
            body.push_str("\n\n");
        }
        let para_start = body.len();
        for (s, sentence) in sents.iter().enumerate() {
            if s > 0 {
                body.push(' ');
            }
            let start = body.len();
            body.push_str(sentence);
            sentences.push(Sentence {
                span: Span::new(start, body.len()),
                paragraph: p as u32,
            });
        }
        paragraphs.push(Span::new(para_start, body.len()));
    }
    Article {
        id: ArticleId::from_index(index),
        key: spec.key.to_string(),
        title: Some(spec.title.to_string()),
        outlet: Some(spec.outlet.to_string()),
        url: Some(format!("https://example.org/{}", spec.key)),
        author: None,
        date: Some(date(spec.date)),
        body,
        paragraphs,
        sentences,
        captions: Vec::new(),
        furniture: Vec::new(),
        origin: Origin {
            path: format!("fixture/{}.txt", spec.key).into(),
            format: Format::Text,
            record: None,
        },
    }
}

/// True when `body[start..end]` stands alone as a word.
fn is_word(body: &str, start: usize, end: usize) -> bool {
    let before = body.get(..start).and_then(|s| s.chars().next_back());
    let after = body.get(end..).and_then(|s| s.chars().next());
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Every occurrence of `needle` in `body` as a whole word.
fn find_all(body: &str, needle: &str) -> Vec<Span> {
    body.match_indices(needle)
        .filter(|(i, _)| is_word(body, *i, i + needle.len()))
        .map(|(i, _)| Span::new(i, i + needle.len()))
        .collect()
}

fn at(article: &Article, offset: u32) -> SentenceRef {
    SentenceRef {
        article: article.id,
        sentence: article.sentence_at(offset).unwrap_or(0),
    }
}

/// The fixture corpus, indexed and ready for the browser.
pub fn corpus() -> Corpus {
    let articles: Vec<Article> = ARTICLES
        .iter()
        .enumerate()
        .map(|(i, spec)| build_article(i, spec))
        .collect();
    let mut mentions = Vec::new();
    for article in &articles {
        let mut found: Vec<Mention> = Vec::new();
        for (a, spec) in ACTORS.iter().enumerate() {
            for alias in spec.aliases {
                for span in find_all(&article.body, alias) {
                    if found.iter().any(|m| m.span.overlaps(span)) {
                        continue;
                    }
                    let demonym = alias.ends_with("ien") || alias.ends_with("ch");
                    found.push(Mention {
                        actor: ActorId::from_index(a),
                        at: at(article, span.start),
                        span,
                        form: if demonym {
                            MentionForm::Demonym
                        } else {
                            MentionForm::Name
                        },
                    });
                }
            }
        }
        found.sort_by_key(|m| m.span.start);
        mentions.extend(found);
    }
    let actors = ACTORS
        .iter()
        .enumerate()
        .map(|(i, spec)| {
            let id = ActorId::from_index(i);
            let mine: Vec<&Mention> = mentions.iter().filter(|m| m.actor == id).collect();
            let mut arts: Vec<ArticleId> = mine.iter().map(|m| m.at.article).collect();
            arts.dedup();
            let mut aliases: Vec<String> = spec.aliases.iter().map(|s| s.to_string()).collect();
            aliases.sort();
            Actor {
                id,
                name: spec.name.to_string(),
                kind: spec.kind,
                aliases,
                role: spec.role.and_then(|r| {
                    mine.first().map(|m| Attribute {
                        value: r.to_string(),
                        evidence: m.at,
                    })
                }),
                affiliation: None,
                articles: arts,
                mention_count: mine.len() as u32,
                hidden: false,
            }
        })
        .collect();

    let mut times = Vec::new();
    for article in &articles {
        let mut found = Vec::new();
        for (phrase, day) in TIMES {
            for span in find_all(&article.body, phrase) {
                found.push(TimeExpr {
                    at: at(article, span.start),
                    span,
                    value: date(*day).format("%Y-%m-%d").to_string().into(),
                    kind: TimexKind::Date,
                    point: Some(CalendarPoint {
                        date: date(*day),
                        granularity: Granularity::Day,
                    }),
                    ahead: false,
                });
            }
        }
        found.sort_by_key(|t| t.span.start);
        times.extend(found);
    }

    // Events: one per dated time expression; entries group events of the same day.
    let mut days: Vec<NaiveDate> = times
        .iter()
        .filter_map(|t: &TimeExpr| t.point.map(|p| p.date))
        .collect();
    days.sort();
    days.dedup();
    let mut entries: Vec<TimelineEntry> = days
        .iter()
        .enumerate()
        .map(|(i, d)| TimelineEntry {
            id: EntryId::from_index(i),
            point: CalendarPoint {
                date: *d,
                granularity: Granularity::Day,
            },
            events: Vec::new(),
        })
        .collect();
    let mut events = Vec::new();
    for (t, time) in times.iter().enumerate() {
        let Some(point) = time.point else { continue };
        let entry = days.partition_point(|d| *d < point.date);
        let mut actors: Vec<ActorId> = mentions
            .iter()
            .filter(|m| m.at == time.at)
            .map(|m| m.actor)
            .collect();
        actors.sort();
        actors.dedup();
        let id = EventId::from_index(events.len());
        if let Some(e) = entries.get_mut(entry) {
            e.events.push(id);
        }
        events.push(Event {
            id,
            at: time.at,
            time: TimeId::from_index(t),
            point,
            actors,
            tense: Tense::Past,
            entry: EntryId::from_index(entry),
        });
    }

    let mut quotes = Vec::new();
    for article in &articles {
        let body = &article.body;
        let mut from = 0;
        while let Some(open) = body.get(from..).and_then(|s| s.find('\u{201c}')) {
            let start = from + open + '\u{201c}'.len_utf8();
            let Some(close) = body.get(start..).and_then(|s| s.find('\u{201d}')) else {
                break;
            };
            let end = start + close;
            let sentence = at(article, start as u32);
            let speaker = mentions
                .iter()
                .find(|m| m.at == sentence && m.span.start as usize > end)
                .map_or(Speaker::Unattributed, |m| Speaker::Actor(m.actor));
            quotes.push(Quote {
                at: sentence,
                span: Span::new(start, end),
                speaker,
                channel: Some("said".to_string()),
                via: None,
            });
            from = end;
        }
    }

    let sources = SOURCES
        .iter()
        .enumerate()
        .map(|(i, (name, kind, actor, phrase))| CitedSource {
            id: SourceId::from_index(i),
            name: name.to_string(),
            kind: *kind,
            actor: actor.map(ActorId),
            citations: articles
                .iter()
                .flat_map(|a| {
                    find_all(&a.body, phrase)
                        .into_iter()
                        .map(move |s| Citation {
                            at: at(a, s.start),
                            channel: Some("said".to_string()),
                        })
                })
                .collect(),
        })
        .collect();

    let mut corpus = Corpus {
        articles,
        actors,
        mentions,
        times,
        events,
        entries,
        quotes,
        sources,
        passages: Vec::new(),
        index: Index::default(),
    };
    corpus.reindex();
    corpus
}
