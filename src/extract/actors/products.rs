//! A maker's name before a model number names a product, not the maker: "Boeing 787",
//! "Airbus A380", "Nikkei 225", "Chapter 11". Such a name is no mention of an organization.

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
}
