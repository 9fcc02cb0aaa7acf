//! Word folding and hashing without a new `String` per word: the extractors that compare words
//! across a whole corpus (passages, events) look at every word of every article, so a heap
//! allocation per word would dominate their time.

/// The FNV-1a offset basis: the hash of no bytes.
pub const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// One FNV-1a step: fixed, fast, and the same on every run and platform.
#[inline]
pub fn fnv_step(hash: u64, byte: u8) -> u64 {
    (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
}

/// FNV-1a over bytes.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(FNV_START, |h, &b| fnv_step(h, b))
}

/// Feeds the lowercase form of `c` (one to three chars) into an FNV-1a hash, as UTF-8.
#[inline]
pub fn fnv_lowercase_char(mut hash: u64, c: char) -> u64 {
    let mut buf = [0u8; 4];
    for lower in c.to_lowercase() {
        for &b in lower.encode_utf8(&mut buf).as_bytes() {
            hash = fnv_step(hash, b);
        }
    }
    hash
}

/// Replaces `out` with the lowercase form of `word`, exactly as `str::to_lowercase` gives it.
/// ASCII words (nearly all of them in English news) are folded in place, reusing `out`'s
/// buffer; other words go through `str::to_lowercase` for its context rules (final sigma).
pub fn lowercase_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        out.push_str(&word.to_lowercase());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_into_matches_the_standard_library() {
        let mut buf = String::from("left over");
        for word in ["Niger", "NIGERIEN", "Ὀδυσσεύς", "ΣΟΦΟΣ", "İstanbul", ""] {
            lowercase_into(word, &mut buf);
            assert_eq!(buf, word.to_lowercase());
        }
    }

    #[test]
    fn hashing_lowercase_chars_equals_hashing_the_lowercase_text() {
        for word in ["Niger", "Ἀθῆναι", "İz"] {
            let folded: String = word.chars().flat_map(char::to_lowercase).collect();
            let streamed = word.chars().fold(FNV_START, fnv_lowercase_char);
            assert_eq!(streamed, fnv1a(folded.as_bytes()));
        }
        assert_ne!(fnv1a(b"niger"), fnv1a(b"nigeria"));
    }
}
