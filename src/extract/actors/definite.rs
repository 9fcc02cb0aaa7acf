//! The definite article of a name.
//!
//! English writes some names with "the": countries named by a common noun or a plural
//! ("the United States", "the US", "the United Kingdom", "the Netherlands", "the Philippines",
//! "the Gambia", "the Democratic Republic of the Congo", "the UAE"), geographic features ("the
//! Sahel", "the Atlantic Ocean"), buildings standing for a government ("the White House",
//! "the Kremlin") and organizations named by a common noun ("the World Bank", "the European
//! Union"). The rule, decided once: an article written directly before a country, place or
//! organization name that *heads* its noun phrase belongs to the name as used, so the span
//! covers it — writers put "the" only before names that conventionally take it, so no list of
//! such names is needed. Where the name is a modifier or a possessor ("the US economy", "the
//! UK's index", "the US-based firm") the article belongs to the larger phrase and stays
//! outside. People's names never take it, and a title before a name is never part of it.

/// Closed-class words (prepositions, conjunctions, auxiliaries, adverbs) and frequent
/// irregular past-tense verbs: after a name, they show that the name ended its noun phrase.
const PHRASE_ENDERS: &[&str] = &[
    "about", "after", "again", "against", "alone", "already", "also", "among", "and", "are", "as",
    "at", "be", "became", "because", "been", "before", "began", "being", "between", "but", "by",
    "came", "can", "could", "did", "do", "does", "down", "during", "even", "fell", "for", "from",
    "gave", "got", "grew", "had", "has", "have", "hit", "if", "in", "into", "is", "itself", "kept",
    "led", "left", "lost", "made", "may", "might", "must", "nor", "not", "now", "of", "off", "on",
    "or", "out", "over", "paid", "put", "remains", "rose", "said", "sank", "saw", "says", "sent",
    "shall", "should", "since", "so", "sold", "still", "than", "that", "then", "through", "to",
    "told", "took", "too", "under", "until", "up", "upon", "was", "went", "were", "when", "where",
    "whereas", "which", "while", "who", "whose", "will", "with", "within", "without", "won",
    "would", "yet",
];

/// The start of the name's span: `start`, or the start of a "the"/"The" written just before
/// it when the name (bytes `start..end` of `text`) heads its noun phrase.
pub fn start_with_article(text: &str, start: usize, end: usize) -> usize {
    let Some(before) = text.get(..start) else {
        return start;
    };
    let gap = before.len() - before.trim_end_matches([' ', '\t', '\u{a0}']).len();
    if gap == 0 {
        return start;
    }
    let Some(article_start) = (start - gap).checked_sub(3) else {
        return start;
    };
    let Some(article) = text.get(article_start..start - gap) else {
        return start;
    };
    if article != "the" && article != "The" {
        return start;
    }
    let word_boundary = text
        .get(..article_start)
        .and_then(|b| b.chars().next_back())
        .is_none_or(|c| !c.is_alphanumeric() && c != '-' && c != '\'' && c != '’');
    if word_boundary && heads_its_phrase(text, end) {
        article_start
    } else {
        start
    }
}

/// True when what follows the name at `end` shows the name ended its noun phrase.
pub fn heads_its_phrase(text: &str, end: usize) -> bool {
    let Some(after) = text.get(end..) else {
        return false;
    };
    let attached = after.chars().next();
    if matches!(attached, Some('-' | '‐' | '–')) {
        // "US-based", "US-led": the name is part of a compound modifier.
        return false;
    }
    if matches!(attached, Some('\'' | '’')) {
        return false;
    }
    let rest = after.trim_start_matches([' ', '\t', '\u{a0}']);
    let Some(next) = rest.chars().next() else {
        return true;
    };
    if next == '\n' || next == '\r' {
        return true;
    }
    if next == '\'' || next == '’' {
        // A tokenised possessive ("US 's").
        return false;
    }
    if !next.is_alphanumeric() {
        return !matches!(next, '&' | '$' | '%');
    }
    if next.is_uppercase() || next.is_numeric() {
        // Part of a longer name ("the US Senate") or a model number.
        return false;
    }
    let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    if (word == "and" || word == "or") && coordinated_modifier(&rest[word.len()..]) {
        // "the Atlanta and St. Louis plants", "the US and European crisis".
        return false;
    }
    PHRASE_ENDERS.contains(&word.as_str()) || (word.len() > 4 && word.ends_with("ed"))
}

/// True when `rest` (what follows "and"/"or") is a capitalised name or adjective followed by
/// a lowercase word that ends no phrase: both conjuncts then modify that noun.
fn coordinated_modifier(rest: &str) -> bool {
    let mut words = rest.split_whitespace();
    let mut saw_capital = false;
    for w in words.by_ref() {
        if w.chars().next().is_some_and(char::is_uppercase) {
            saw_capital = true;
            continue;
        }
        let word: String = w.chars().take_while(|c| c.is_alphabetic()).collect();
        return saw_capital
            && !word.is_empty()
            && word == w
            && !PHRASE_ENDERS.contains(&word.as_str())
            && !(word.len() > 4 && word.ends_with("ed"));
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span_of(text: &str, name: &str) -> String {
        let start = text.find(name).expect("name in text");
        let s = start_with_article(text, start, start + name.len());
        text[s..start + name.len()].to_string()
    }

    #[test]
    fn the_article_joins_a_name_that_heads_its_phrase() {
        assert_eq!(
            span_of("Sales in the United States fell.", "United States"),
            "the United States"
        );
        assert_eq!(span_of("They flew to the US , then home.", "US"), "the US");
        assert_eq!(
            span_of("The Netherlands said no.", "Netherlands"),
            "The Netherlands"
        );
        assert_eq!(span_of("It is the Sahel\nNext line", "Sahel"), "the Sahel");
        assert_eq!(
            span_of("in the United Kingdom.", "United Kingdom"),
            "the United Kingdom"
        );
        assert_eq!(
            span_of("the White House announced it", "White House"),
            "the White House"
        );
    }

    #[test]
    fn a_modifier_or_possessor_leaves_the_article_outside() {
        assert_eq!(span_of("the US economy shrank", "US"), "US");
        assert_eq!(span_of("The UK's index fell", "UK"), "UK");
        assert_eq!(span_of("The UK 's index fell", "UK"), "UK");
        assert_eq!(span_of("the US-based firm", "US"), "US");
        assert_eq!(span_of("the US Senate voted", "US"), "US");
        assert_eq!(span_of("bathe US troops", "US"), "US");
        assert_eq!(span_of("US troops", "US"), "US");
        assert_eq!(span_of("the US and European crisis", "US"), "US");
        assert_eq!(
            span_of("the Atlanta and St. Louis plants", "Atlanta"),
            "Atlanta"
        );
        assert_eq!(span_of("in the US and Canada.", "US"), "the US");
        assert_eq!(span_of("in the US and Canada is", "US"), "the US");
    }
}
