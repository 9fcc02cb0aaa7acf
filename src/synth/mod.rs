//! Synthetic news corpora for benchmarks and scale tests: realistic enough to exercise every
//! extractor (people with titles and roles, countries and demonyms, organizations, dates over ten
//! years with relative expressions, quotes with speakers, wire copy shared between articles),
//! deterministic from a seed, and fast to make.

mod rng;
mod vocabulary;
mod write;

use chrono::{Datelike, NaiveDate};

pub use rng::Rng;
pub use write::{OutputFormat, write_corpus};

use crate::extract::gazetteer::Gazetteer;
use vocabulary::*;

/// One generated article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthArticle {
    /// A unique id.
    pub id: String,
    /// The headline.
    pub title: String,
    /// The publication date.
    pub date: NaiveDate,
    /// The outlet.
    pub outlet: String,
    /// Paragraphs of body text.
    pub paragraphs: Vec<String>,
}

impl SynthArticle {
    /// The body: paragraphs separated by blank lines.
    pub fn body(&self) -> String {
        self.paragraphs.join("\n\n")
    }

    /// The article as a plain-text file with a `date` prefix, named `ID.txt`.
    pub fn to_text_file(&self) -> (std::path::PathBuf, Vec<u8>) {
        (
            std::path::PathBuf::from(format!("{}.txt", self.id)),
            format!("date {} {}\n", self.date, self.body()).into_bytes(),
        )
    }
}

/// `n` synthetic articles from `seed` as in-memory plain-text files, ready for
/// [`crate::load::load_files`].
pub fn text_files(n: usize, seed: u64) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut generator = Generator::new(seed, n);
    (0..n)
        .map(|i| generator.article(i).to_text_file())
        .collect()
}

/// A person the generator writes about: stable name, title and role across articles.
#[derive(Debug, Clone)]
struct Person {
    first: String,
    last: String,
    title: &'static str,
    role: &'static str,
    country: usize,
}

/// Makes synthetic articles, deterministically from a seed.
pub struct Generator {
    rng: Rng,
    people: Vec<Person>,
    countries: Vec<(String, String)>,
    towns: Vec<String>,
    wire: Vec<String>,
    start: NaiveDate,
}

impl Generator {
    /// A generator for a corpus of about `articles` articles. The cast of people grows with the
    /// corpus (thousands for large ones), as it does in a year of real coverage.
    pub fn new(seed: u64, articles: usize) -> Generator {
        let mut rng = Rng::new(seed);
        let countries = country_pairs(Gazetteer::embedded());
        let n_people = (articles / 5).clamp(1_000, 20_000);
        let people = (0..n_people)
            .map(|_| Person {
                first: pick(&mut rng, FIRST_NAMES).to_string(),
                last: surname(&mut rng),
                title: pick(&mut rng, TITLES),
                role: pick(&mut rng, ROLES),
                country: rng.below(countries.len()),
            })
            .collect();
        let towns = (0..3_000).map(|_| surname(&mut rng)).collect();
        let mut generator = Generator {
            rng,
            people,
            countries,
            towns,
            wire: Vec::new(),
            start: NaiveDate::from_ymd_opt(2014, 1, 1).unwrap_or_default(),
        };
        // About one wire paragraph for every four articles, each carried by a few articles.
        generator.wire = (0..(articles / 4).clamp(10, 25_000))
            .map(|_| generator.paragraph(generator.start, 4))
            .collect();
        generator
    }

    /// The next article.
    pub fn article(&mut self, index: usize) -> SynthArticle {
        let date = self.start + chrono::Days::new(self.rng.below(3650) as u64);
        let n_paragraphs = 6 + self.rng.below(6);
        let mut paragraphs = Vec::with_capacity(n_paragraphs);
        for _ in 0..n_paragraphs {
            if self.rng.chance(0.1) && !self.wire.is_empty() {
                let i = self.rng.below(self.wire.len());
                paragraphs.push(self.wire[i].clone());
            } else {
                let sentences = 2 + self.rng.below(3);
                paragraphs.push(self.paragraph(date, sentences));
            }
        }
        let outlet = pick(&mut self.rng, OUTLETS).to_string();
        // Outlets close many stories with the same stock paragraph: boilerplate, not wire copy.
        if self.rng.chance(0.25) {
            paragraphs.push(format!(
                "{outlet} journalists contributed to this report. Follow {outlet} for the latest \
                 news and analysis from the region, updated around the clock."
            ));
        }
        let (country, _) = &self.countries[self.rng.below(self.countries.len())];
        let title = format!(
            "{} {} as {} {}",
            pick(&mut self.rng, HEADLINE_SUBJECTS),
            pick(&mut self.rng, HEADLINE_VERBS),
            country,
            pick(&mut self.rng, HEADLINE_ENDS)
        );
        SynthArticle {
            id: format!("a{index:07}"),
            title,
            date,
            outlet,
            paragraphs,
        }
    }

    fn paragraph(&mut self, date: NaiveDate, sentences: usize) -> String {
        (0..sentences)
            .map(|_| self.sentence(date))
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn person(&mut self) -> Person {
        let i = self.rng.below(self.people.len());
        self.people[i].clone()
    }

    fn time(&mut self, date: NaiveDate) -> String {
        match self.rng.below(8) {
            0 => format!("on {}", WEEKDAYS[self.rng.below(7)]),
            1 => format!(
                "on {} {} {}",
                1 + self.rng.below(28),
                MONTHS[self.rng.below(12)],
                date.year() - self.rng.below(3) as i32
            ),
            2 => format!("in {}", MONTHS[self.rng.below(12)]),
            3 => pick(&mut self.rng, RELATIVE_TIMES).to_string(),
            4 => format!(
                "{} years ago",
                NUMBER_WORDS[self.rng.below(NUMBER_WORDS.len())]
            ),
            5 => format!("in {}", date.year() - 1 - self.rng.below(10) as i32),
            6 => format!("{} morning", WEEKDAYS[self.rng.below(7)]),
            _ => "last week".to_string(),
        }
    }

    /// A town: one of thousands of generated names.
    fn town(&mut self) -> String {
        let i = self.rng.below(self.towns.len());
        self.towns[i].clone()
    }

    /// An organization: an international one, or a national institution of any country.
    fn organization(&mut self) -> String {
        if self.rng.chance(0.3) {
            pick(&mut self.rng, ORGANIZATIONS).to_string()
        } else {
            let (_, demonym) = &self.countries[self.rng.below(self.countries.len())];
            format!("{demonym} {}", pick(&mut self.rng, INSTITUTIONS))
        }
    }

    /// A direct quotation with several slots, so that two speakers never say the same thing.
    fn quotation(&mut self) -> String {
        let verb = pick(&mut self.rng, ACTION_VERBS);
        let object = pick(&mut self.rng, OBJECTS);
        let n = 2 + self.rng.below(400);
        let town = self.town();
        match self.rng.below(5) {
            0 => format!("We will {verb} the {object} of {town} within {n} days"),
            1 => format!("Nobody asked us before they decided to {verb} {n} {object} near {town}"),
            2 => format!("For {n} days the people of {town} have waited for {object}"),
            3 => format!("They promised to {verb} {n} {object} in {town}"),
            _ => format!("If they {verb} the {object}, {n} families in {town} will suffer"),
        }
    }

    /// One sentence. Every template carries several slots drawn from large sets (people,
    /// countries, towns, organizations, numbers, verbs and objects, dates), so two articles share
    /// a sentence only through wire copy, as in real coverage, never by chance.
    fn sentence(&mut self, date: NaiveDate) -> String {
        let p = self.person();
        let (country, demonym) = self.countries[p.country].clone();
        let (other, other_demonym) = self.countries[self.rng.below(self.countries.len())].clone();
        let org = self.organization();
        let town = self.town();
        let when = self.time(date);
        let verb = pick(&mut self.rng, ACTION_VERBS);
        let object = pick(&mut self.rng, OBJECTS);
        let said = pick(&mut self.rng, SAID_VERBS);
        let n = 2 + self.rng.below(900);
        match self.rng.below(9) {
            0 => format!(
                "{} {} {} {said} {when} that {country} would {verb} {n} {object} in {town}.",
                p.title, p.first, p.last
            ),
            1 => format!(
                "“{}”, {} {}, {country}'s {}, told {} {when}.",
                self.quotation(),
                p.first,
                p.last,
                p.role,
                pick(&mut self.rng, AGENCIES)
            ),
            2 => format!(
                "The {org} condemned the {} in {town}, {other}, which left {n} people {} {when}.",
                pick(&mut self.rng, EVENT_NOUNS),
                pick(&mut self.rng, CASUALTY_WORDS)
            ),
            3 => format!(
                "{other_demonym} troops with {n} vehicles were deployed near {town} {when}, \
                 {} told {}.",
                pick(&mut self.rng, ANONYMOUS),
                pick(&mut self.rng, AGENCIES)
            ),
            4 => format!(
                "Mr {} met {demonym} officials and the {org} in {town} {when} to discuss the \
                 {object}.",
                p.last
            ),
            5 => format!(
                "“{}” {} {} {} said in a statement {when}.",
                self.quotation(),
                p.role,
                p.first,
                p.last
            ),
            6 => format!(
                "{n} people were reported {} in {town} in {other} and about {} soldiers remain \
                 in the {}.",
                pick(&mut self.rng, CASUALTY_WORDS),
                format_thousands(500 + self.rng.below(9000)),
                pick(&mut self.rng, REGIONS)
            ),
            7 => format!(
                "Analysts at the {org} {said} {when} that plans to {verb} the {object} of {town} \
                 could cost {country} {n} million dollars."
            ),
            _ => format!(
                "The {} of {country} since {}, {} was {} when {} {} of {town} {said} so.",
                p.role,
                date.year() - 1 - self.rng.below(15) as i32,
                p.last,
                40 + self.rng.below(40),
                pick(&mut self.rng, FIRST_NAMES),
                surname(&mut self.rng)
            ),
        }
    }
}

fn pick<T: Copy>(rng: &mut Rng, items: &[T]) -> T {
    items[rng.below(items.len())]
}

fn surname(rng: &mut Rng) -> String {
    let parts = 2 + rng.below(2);
    let mut name = String::new();
    for _ in 0..parts {
        name.push_str(pick(rng, SYLLABLES));
    }
    let mut chars = name.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => name,
    }
}

fn format_thousands(n: usize) -> String {
    if n >= 1000 {
        format!("{},{:03}", n / 1000, n % 1000)
    } else {
        n.to_string()
    }
}

/// (name, demonym) for every country with a demonym in the gazetteer, or a small fallback list.
fn country_pairs(gazetteer: &Gazetteer) -> Vec<(String, String)> {
    let pairs: Vec<(String, String)> = gazetteer
        .countries
        .iter()
        .filter_map(|c| Some((c.name.clone(), c.demonyms.first()?.clone())))
        .collect();
    if pairs.is_empty() {
        FALLBACK_COUNTRIES
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    } else {
        pairs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_corpus_and_different_seed_differs() {
        let make = |seed| {
            let mut g = Generator::new(seed, 50);
            (0..5).map(|i| g.article(i)).collect::<Vec<_>>()
        };
        assert_eq!(make(7), make(7));
        assert_ne!(make(7), make(8));
    }

    #[test]
    fn articles_share_wire_copy_and_quote_people() {
        let mut g = Generator::new(1, 200);
        let articles: Vec<SynthArticle> = (0..200).map(|i| g.article(i)).collect();
        let mut seen = std::collections::HashSet::new();
        let shared = articles
            .iter()
            .flat_map(|a| a.paragraphs.iter())
            .filter(|p| !seen.insert(p.as_str()))
            .count();
        assert!(shared > 0, "no wire copy shared");
        assert!(articles.iter().any(|a| a.body().contains('“')));
    }

    #[test]
    fn sentences_repeat_only_through_wire_copy_and_stock_paragraphs() {
        let mut g = Generator::new(7, 300);
        let articles: Vec<SynthArticle> = (0..300).map(|i| g.article(i)).collect();
        let mut paragraph_count = std::collections::HashMap::new();
        for p in articles.iter().flat_map(|a| a.paragraphs.iter()) {
            *paragraph_count.entry(p.as_str()).or_insert(0) += 1;
        }
        // Sentences of the paragraphs written once: none may appear twice in the corpus.
        let mut seen = std::collections::HashSet::new();
        let mut repeated = Vec::new();
        for (p, _) in paragraph_count.iter().filter(|(_, n)| **n == 1) {
            for sentence in p.split_inclusive(". ") {
                if !seen.insert(sentence.trim()) {
                    repeated.push(sentence.trim().to_string());
                }
            }
        }
        assert!(repeated.is_empty(), "{repeated:?}");
        assert!(articles.iter().any(|a| a.body().contains('“')));
    }
}
