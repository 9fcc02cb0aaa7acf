//! Names that are parts of longer names. A maker's name before a model number names a
//! product, not the maker ("Boeing 787", "Airbus A380", "Nikkei 225"); a place's name before
//! another capitalised name modifies it ("Paris Air Show", "Washington Mutual"). Neither is a
//! mention of its own.

/// True when the name ending at byte `end` of `text` is followed by a model number: a word that
/// starts with a digit ("787", "737-800") or capitals then digits ("A380", "A320neo").
pub fn followed_by_model_number(text: &str, end: usize) -> bool {
    let Some(after) = text.get(end..) else {
        return false;
    };
    let rest = after.trim_start_matches([' ', '\u{a0}']);
    if rest.len() == after.len() {
        // Nothing between the name and what follows ("Boeing's", "G7,").
        return false;
    }
    let word: &str = rest
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | ')' | '(' | '"'))
        .next()
        .unwrap_or("");
    let letters = word.chars().take_while(char::is_ascii_uppercase).count();
    let digits = word
        .chars()
        .skip(letters)
        .take_while(char::is_ascii_digit)
        .count();
    letters <= 2 && digits >= 1 && !is_year(word)
}

/// A four-digit year ("2009"): "the UN 2030 agenda" still names the UN.
fn is_year(word: &str) -> bool {
    let w = word.trim_end_matches(['.', '\'', '’', 's']);
    w.len() == 4
        && w.chars().all(|c| c.is_ascii_digit())
        && (w.starts_with("19") || w.starts_with("20"))
}

/// True when the place name ending at byte `end` of `text` modifies a longer capitalised name
/// ("Paris Air Show", "Beijing Olympic Games", "Washington Mutual"): then it names no place.
/// Days, months, titles and honorifics after a place leave it a place ("Paris Monday",
/// "in Lagos President X").
pub fn place_modifies_a_name(text: &str, end: usize) -> bool {
    let Some(rest) = text.get(end..).and_then(|r| r.strip_prefix(' ')) else {
        return false;
    };
    let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    let Some(first) = word.chars().next() else {
        return false;
    };
    let lex = super::lexicon::Lexicon::get();
    first.is_uppercase()
        && word.chars().skip(1).any(char::is_lowercase)
        && !super::lexicon::Lexicon::has(&lex.never_names, &word)
        && !lex.is_title(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(text: &str, name: &str) -> bool {
        let start = text.find(name).expect("name in text");
        followed_by_model_number(text, start + name.len())
    }

    #[test]
    fn model_numbers_after_a_maker_are_found() {
        assert!(after("a new Boeing 787 Dreamliner", "Boeing"));
        assert!(after("five Boeing 737s", "Boeing"));
        assert!(after("the Airbus A380 flew", "Airbus"));
        assert!(after("the Nikkei 225 fell", "Nikkei"));
    }

    #[test]
    fn other_numbers_and_words_leave_the_name_an_organization() {
        assert!(!after("Boeing said 12 planes", "Boeing"));
        assert!(!after("the G7 met", "G7"));
        assert!(!after("the UN 2030 agenda", "UN"));
        assert!(!after("Boeing, 30 planes", "Boeing"));
        assert!(!after("Ecowas", "Ecowas"));
    }

    #[test]
    fn a_place_before_a_longer_name_is_part_of_it() {
        let modifies = |text: &str, name: &str| {
            let start = text.find(name).expect("name in text");
            place_modifies_a_name(text, start + name.len())
        };
        assert!(modifies("the Paris Air Show opened", "Paris"));
        assert!(!modifies("in Paris Monday", "Paris"));
        assert!(!modifies("in Lagos President Tinubu spoke", "Lagos"));
        assert!(!modifies("in Lagos, Nigeria", "Lagos"));
        assert!(!modifies("in Lagos USA", "Lagos"));
    }
}
