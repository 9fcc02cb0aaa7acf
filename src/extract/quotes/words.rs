//! Small closed word classes of English that the attribution rules consult.

use std::sync::LazyLock;

use super::lower::{LowercaseWords, with_lowercase};

/// Adverbs and auxiliaries that may stand between a subject and its speech verb.
const BETWEEN_SUBJECT_AND_VERB: &[&str] = &[
    "also",
    "further",
    "later",
    "then",
    "now",
    "again",
    "too",
    "previously",
    "earlier",
    "reportedly",
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "will",
    "would",
    "not",
    "all",
    "just",
    "already",
    "once",
    "still",
    "been",
    "being",
    "both",
    "himself",
    "herself",
];

/// Words that end a noun phrase when reading backwards from a verb.
const CLAUSE_BOUNDARIES: &[&str] = &[
    "that", "and", "but", "while", "as", "after", "before", "when", "because", "if", "since",
    "than", "though", "although", "whereas", "where", "so", "or", "nor", "yet",
];

/// Determiners and quantifiers that open a described speaker.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "one",
    "several", "some", "many", "two", "three", "four", "five", "another", "other",
];

/// Lowercase words that may join the capitalised words of one name.
const NAME_CONNECTORS: &[&str] = &[
    "of", "for", "the", "de", "du", "la", "le", "al", "bin", "ben", "van", "von", "da", "des",
    "del", "in", "el",
];

/// Capitalised words that are never a speaker's name on their own.
const NOT_NAMES: &[&str] = &[
    "he",
    "she",
    "they",
    "it",
    "we",
    "i",
    "the",
    "a",
    "an",
    "his",
    "her",
    "its",
    "their",
    "this",
    "that",
    "in",
    "on",
    "at",
    "but",
    "and",
    "meanwhile",
    "however",
    "earlier",
    "later",
    "according",
];

/// Prepositions that open a sentence-initial phrase which is not the subject.
const OPENING_PREPOSITIONS: &[&str] = &[
    "in",
    "on",
    "at",
    "after",
    "before",
    "during",
    "with",
    "from",
    "since",
    "while",
    "despite",
    "following",
    "under",
    "amid",
    "as",
    "for",
    "by",
    "meanwhile",
    "earlier",
    "later",
];

/// Auxiliaries: the subject of a sentence ends before the first of them.
const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "is", "was", "are", "were", "will", "would", "can", "could", "may",
    "might", "did", "does", "do", "took", "went",
];

/// Nouns naming a statement, whose author is the speaker ("a statement by the army").
const STATEMENT_NOUNS: &[&str] = &[
    "statement",
    "statements",
    "tweet",
    "message",
    "communique",
    "communiqué",
    "post",
    "letter",
    "video",
    "address",
    "declaration",
    "announcement",
    "release",
];

/// Personal pronouns that can be a speaker.
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we"];

/// Pronouns that refer to one person.
const PERSONAL_PRONOUNS: &[&str] = &["he", "she"];

/// Words that open a relative clause.
const RELATIVES: &[&str] = &["who", "which", "whose", "whom"];

/// The lists above as sets, built once: the rules ask them about most words of every article.
struct Classes {
    between_subject_and_verb: LowercaseWords,
    clause_boundaries: LowercaseWords,
    determiners: LowercaseWords,
    not_names: LowercaseWords,
    pronouns: LowercaseWords,
    personal_pronouns: LowercaseWords,
    opening_prepositions: LowercaseWords,
    auxiliaries: LowercaseWords,
    statement_nouns: LowercaseWords,
    relatives: LowercaseWords,
}

static CLASSES: LazyLock<Classes> = LazyLock::new(|| {
    let set = |list: &[&'static str]| LowercaseWords::new(list.iter().copied());
    Classes {
        between_subject_and_verb: set(BETWEEN_SUBJECT_AND_VERB),
        clause_boundaries: set(CLAUSE_BOUNDARIES),
        determiners: set(DETERMINERS),
        not_names: set(NOT_NAMES),
        pronouns: set(PRONOUNS),
        personal_pronouns: set(PERSONAL_PRONOUNS),
        opening_prepositions: set(OPENING_PREPOSITIONS),
        auxiliaries: set(AUXILIARIES),
        statement_nouns: set(STATEMENT_NOUNS),
        relatives: set(RELATIVES),
    }
});

/// True for an adverb or auxiliary between a subject and its verb ("further", "reportedly").
pub(crate) fn is_between_subject_and_verb(word: &str) -> bool {
    CLASSES.between_subject_and_verb.contains(word)
        || word.starts_with(char::is_lowercase)
            && with_lowercase(word, |w| w.len() > 4 && w.ends_with("ly"))
}

/// True for a word that ends a noun phrase read backwards.
pub(crate) fn is_clause_boundary(word: &str) -> bool {
    CLASSES.clause_boundaries.contains(word)
}

/// True for a determiner or quantifier.
pub(crate) fn is_determiner(word: &str) -> bool {
    CLASSES.determiners.contains(word)
}

/// True for a lowercase word that may join parts of a name.
pub(crate) fn is_name_connector(word: &str) -> bool {
    word.starts_with(char::is_lowercase) && NAME_CONNECTORS.contains(&word)
}

/// True for a capitalised word that can be part of a name.
pub(crate) fn is_name_word(word: &str) -> bool {
    word.starts_with(|c: char| c.is_uppercase())
        && !CLASSES.not_names.contains(word)
        && !crate::extract::times::lexicon::is_day_or_month_name(word)
}

/// True for a personal pronoun that can be a speaker.
pub(crate) fn is_pronoun(word: &str) -> bool {
    CLASSES.pronouns.contains(word)
}

/// True for a pronoun that refers to one person.
pub(crate) fn is_personal_pronoun(word: &str) -> bool {
    CLASSES.personal_pronouns.contains(word)
}

/// True for a preposition that opens a sentence-initial phrase.
pub(crate) fn is_opening_preposition(word: &str) -> bool {
    CLASSES.opening_prepositions.contains(word)
}

/// True for an auxiliary verb.
pub(crate) fn is_auxiliary(word: &str) -> bool {
    CLASSES.auxiliaries.contains(word)
}

/// True for a noun naming a statement.
pub(crate) fn is_statement_noun(word: &str) -> bool {
    CLASSES.statement_nouns.contains(word)
}

/// True for "who", "which", "whose": the start of a relative clause.
pub(crate) fn is_relative(word: &str) -> bool {
    CLASSES.relatives.contains(word)
}

/// The word without a possessive ending ("command's" → "command").
pub(crate) fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .or_else(|| word.strip_suffix('\''))
        .or_else(|| word.strip_suffix('’'))
        .unwrap_or(word)
}

/// True for an age description such as "64-year-old".
pub(crate) fn is_age(word: &str) -> bool {
    with_lowercase(word, |w| {
        w.ends_with("-year-old") && w.starts_with(|c: char| c.is_ascii_digit())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_between_subject_and_verb("defiantly"));
        assert!(!is_between_subject_and_verb("Italy"));
        assert!(is_name_word("Guterres") && !is_name_word("Thursday") && !is_name_word("the"));
        assert!(is_name_connector("of") && !is_name_connector("Of"));
        assert_eq!(strip_possessive("command's"), "command");
        assert_eq!(strip_possessive("Niger’s"), "Niger");
        assert!(is_age("64-year-old") && !is_age("old"));
    }
}
