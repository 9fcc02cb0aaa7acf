//! Small closed word classes of English that the attribution rules consult.

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

/// Lowercase `word`.
fn low(word: &str) -> String {
    word.to_lowercase()
}

/// True for an adverb or auxiliary between a subject and its verb ("further", "reportedly").
pub(crate) fn is_between_subject_and_verb(word: &str) -> bool {
    let w = low(word);
    BETWEEN_SUBJECT_AND_VERB.contains(&w.as_str())
        || w.len() > 4 && w.ends_with("ly") && word.starts_with(char::is_lowercase)
}

/// True for a word that ends a noun phrase read backwards.
pub(crate) fn is_clause_boundary(word: &str) -> bool {
    CLAUSE_BOUNDARIES.contains(&low(word).as_str())
}

/// True for a determiner or quantifier.
pub(crate) fn is_determiner(word: &str) -> bool {
    DETERMINERS.contains(&low(word).as_str())
}

/// True for a lowercase word that may join parts of a name.
pub(crate) fn is_name_connector(word: &str) -> bool {
    word.starts_with(char::is_lowercase) && NAME_CONNECTORS.contains(&word)
}

/// True for a capitalised word that can be part of a name.
pub(crate) fn is_name_word(word: &str) -> bool {
    word.starts_with(|c: char| c.is_uppercase())
        && !NOT_NAMES.contains(&low(word).as_str())
        && !crate::extract::times::lexicon::is_day_or_month_name(word)
}

/// True for a personal pronoun that can be a speaker.
pub(crate) fn is_pronoun(word: &str) -> bool {
    matches!(low(word).as_str(), "he" | "she" | "they" | "it" | "we")
}

/// True for a pronoun that refers to one person.
pub(crate) fn is_personal_pronoun(word: &str) -> bool {
    matches!(low(word).as_str(), "he" | "she")
}

/// True for a preposition that opens a sentence-initial phrase.
pub(crate) fn is_opening_preposition(word: &str) -> bool {
    OPENING_PREPOSITIONS.contains(&low(word).as_str())
}

/// True for an auxiliary verb.
pub(crate) fn is_auxiliary(word: &str) -> bool {
    AUXILIARIES.contains(&low(word).as_str())
}

/// True for a noun naming a statement.
pub(crate) fn is_statement_noun(word: &str) -> bool {
    STATEMENT_NOUNS.contains(&low(word).as_str())
}

/// True for "who", "which", "whose": the start of a relative clause.
pub(crate) fn is_relative(word: &str) -> bool {
    matches!(low(word).as_str(), "who" | "which" | "whose" | "whom")
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
    let w = low(word);
    w.ends_with("-year-old") && w.starts_with(|c: char| c.is_ascii_digit())
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
