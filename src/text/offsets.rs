//! Converting byte offsets to character offsets (Unicode scalar values, as Python counts them),
//! for output that other programs index with characters.

/// Maps byte offsets of one text to character offsets in O(log n) per lookup.
pub struct CharOffsets {
    /// For every non-ASCII character: its byte offset, its character offset and its byte width.
    /// Between two of them the text is ASCII, one byte a character.
    wide: Vec<(usize, usize, usize)>,
}

impl CharOffsets {
    /// Builds the map for `text`.
    pub fn new(text: &str) -> CharOffsets {
        let wide = text
            .char_indices()
            .enumerate()
            .filter(|(_, (_, ch))| !ch.is_ascii())
            .map(|(chars, (byte, ch))| (byte, chars, ch.len_utf8()))
            .collect();
        CharOffsets { wide }
    }

    /// The character offset of byte `byte`. A byte inside a character maps to that character.
    pub fn char_of(&self, byte: usize) -> usize {
        let i = self.wide.partition_point(|&(b, _, _)| b < byte);
        match i.checked_sub(1).map(|j| self.wide[j]) {
            None => byte,
            Some((b, c, width)) if byte < b + width => c,
            Some((b, c, width)) => c + 1 + (byte - b - width),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_a_char_count_at_every_boundary() {
        let text = "a“bé”c — Niger’s 12";
        let map = CharOffsets::new(text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(map.char_of(byte), chars, "byte {byte}");
        }
        assert_eq!(map.char_of(text.len()), text.chars().count());
    }

    #[test]
    fn ascii_maps_one_to_one() {
        let map = CharOffsets::new("plain");
        assert_eq!(map.char_of(3), 3);
    }
}
