//! Recovering misspelt country names: an unknown capitalised word one edit away from a
//! country's name (a letter added, dropped, changed or two swapped), or a name with a stutter
//! (a syllable typed twice: "Mauritanitania"). Only names of six letters or more take part on
//! either side, so short names never drift into each other (Mali stays away from Malawi, and
//! Niger from Nigeria: those differ by two edits anyway).

use std::collections::HashMap;

/// Shortest name, in characters, that fuzzy matching considers.
const MIN_LEN: usize = 6;

/// The country names, indexed for one-edit lookups.
pub struct FuzzyCountries {
    exact: HashMap<String, u32>,
    deletions: HashMap<String, Vec<(String, u32)>>,
}

fn deletions(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    (0..chars.len())
        .map(|skip| {
            chars
                .iter()
                .enumerate()
                .filter(|&(i, _)| i != skip)
                .map(|(_, c)| *c)
                .collect()
        })
        .collect()
}

/// Damerau-Levenshtein distance (optimal string alignment), for short names.
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for (i, row) in d.chunks_mut(w).enumerate() {
        if let Some(first) = row.first_mut() {
            *first = i;
        }
    }
    for (j, cell) in d.iter_mut().take(w).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    d[a.len() * w + b.len()]
}

impl FuzzyCountries {
    /// Indexes `(form, country)` pairs; forms shorter than six letters are left out.
    pub fn new(forms: &[(String, u32)]) -> FuzzyCountries {
        let mut exact = HashMap::new();
        let mut dels: HashMap<String, Vec<(String, u32)>> = HashMap::new();
        for (form, country) in forms {
            if form.chars().count() < MIN_LEN || !form.chars().all(char::is_alphabetic) {
                continue;
            }
            let lower = form.to_lowercase();
            exact.entry(lower.clone()).or_insert(*country);
            for d in deletions(&lower) {
                dels.entry(d).or_default().push((lower.clone(), *country));
            }
        }
        FuzzyCountries {
            exact,
            deletions: dels,
        }
    }

    /// The country `word` is a misspelling of, if it is one.
    pub fn recover(&self, word: &str) -> Option<u32> {
        let lower = word.to_lowercase();
        let n = lower.chars().count();
        if n < MIN_LEN || !lower.chars().all(char::is_alphabetic) || self.exact.contains_key(&lower)
        {
            return None;
        }
        if let Some(c) = self.without_stutter(&lower) {
            return Some(c);
        }
        let mut found: Option<u32> = None;
        let mut consider = |name: &str, country: u32| {
            if distance(&lower, name) <= 1 {
                match found {
                    None => found = Some(country),
                    Some(c) if c == country => {}
                    // Two countries equally near: do not guess.
                    Some(_) => found = Some(u32::MAX),
                }
            }
        };
        for (name, country) in self.deletions.get(&lower).into_iter().flatten() {
            consider(name, *country);
        }
        for d in deletions(&lower) {
            if let Some(&c) = self.exact.get(&d) {
                consider(&d, c);
            }
            for (name, country) in self.deletions.get(&d).into_iter().flatten() {
                consider(name, *country);
            }
        }
        found.filter(|&c| c != u32::MAX)
    }

    /// A country name that a repeated syllable (two to five letters typed twice) hides.
    fn without_stutter(&self, word: &str) -> Option<u32> {
        let chars: Vec<char> = word.chars().collect();
        for len in 2..=5 {
            for p in 0..chars.len().saturating_sub(2 * len - 1) {
                if chars.get(p..p + len) == chars.get(p + len..p + 2 * len) {
                    let fixed: String = chars[..p].iter().chain(&chars[p + len..]).collect();
                    if let Some(&c) = self.exact.get(&fixed) {
                        return Some(c);
                    }
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> FuzzyCountries {
        let names = [
            "Mauritania",
            "Mali",
            "Malawi",
            "Niger",
            "Nigeria",
            "Austria",
            "Australia",
        ];
        let forms: Vec<(String, u32)> = names
            .iter()
            .zip(0..)
            .map(|(n, i)| (n.to_string(), i))
            .collect();
        FuzzyCountries::new(&forms)
    }

    #[test]
    fn stutters_and_single_edits_are_recovered() {
        let f = index();
        assert_eq!(f.recover("Mauritanitania"), Some(0));
        assert_eq!(f.recover("Mauretania"), Some(0));
        assert_eq!(f.recover("Nigerai"), Some(4));
    }

    #[test]
    fn short_and_exact_names_never_drift() {
        let f = index();
        assert_eq!(f.recover("Mali"), None);
        assert_eq!(f.recover("Malawi"), None);
        assert_eq!(f.recover("Niger"), None);
        assert_eq!(f.recover("Nigeria"), None);
        assert_eq!(f.recover("Tchiani"), None);
    }
}
