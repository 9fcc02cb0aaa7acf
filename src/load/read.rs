//! Bytes to text: the checks every file passes before a format parser sees it (size, binary
//! content, emptiness) and the decoding (UTF-8 with or without a byte-order mark, UTF-16 with
//! one, anything else lossily with a warning).

use std::fs::File;
use std::io::Read;
use std::path::Path;

use super::MAX_FILE_BYTES;

/// How much of the start of a file the binary check looks at.
const SNIFF_BYTES: usize = 1024;

/// Text decoded from a file, and the warning its decoding earned, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The file's text, without a byte-order mark.
    pub text: String,
    /// Set when the bytes were not valid UTF-8 and were decoded with replacement characters.
    pub warning: Option<String>,
}

/// Reads the file at `path` from disk, refusing what is not a regular file or is too large.
/// The error is the reason the file is skipped, as one sentence.
pub fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    // `metadata` follows symbolic links, so a link to a file is read as that file.
    let meta = std::fs::metadata(path).map_err(|e| io_reason(&e))?;
    if !meta.is_file() {
        // Reading a FIFO or a device could block forever or never end.
        return Err("not a regular file".to_string());
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    let file = File::open(path).map_err(|e| io_reason(&e))?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // The file may have grown since `metadata`: never read more than the limit plus one byte.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_reason(&e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// The reason for a file the operating system would not let us read.
fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        _ => format!("cannot read file: {e}"),
    }
}

/// The reason for a file over [`MAX_FILE_BYTES`].
pub fn too_large(bytes: u64) -> String {
    format!(
        "file too large ({:.1} MiB; the limit is {} MiB)",
        bytes as f64 / (1024.0 * 1024.0),
        MAX_FILE_BYTES / (1024 * 1024)
    )
}

/// Turns a file's bytes into text, or says why the file is not an article file: too large,
/// binary, or empty. Never fails on any other input.
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    let decoded = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        decode_utf8(rest)
    } else if let Some(text) = decode_utf16(bytes) {
        // Checked before the binary test: UTF-16 text is full of NUL bytes.
        Decoded {
            text,
            warning: None,
        }
    } else if looks_binary(bytes) {
        return Err("binary file, not text".to_string());
    } else {
        decode_utf8(bytes)
    };
    if decoded.text.trim().is_empty() {
        return Err("empty file".to_string());
    }
    Ok(decoded)
}

/// UTF-8, or a lossy decoding with a warning that says where the first bad byte was.
fn decode_utf8(bytes: &[u8]) -> Decoded {
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded {
            text: text.to_string(),
            warning: None,
        },
        Err(e) => Decoded {
            text: String::from_utf8_lossy(bytes).into_owned(),
            warning: Some(format!(
                "not valid UTF-8 (first bad byte at offset {}); decoded with replacement characters",
                e.valid_up_to()
            )),
        },
    }
}

/// UTF-16 text that announces itself with a byte-order mark (as Windows editors save
/// "Unicode" text); `None` for anything else. Unpaired surrogates become replacement characters.
fn decode_utf16(bytes: &[u8]) -> Option<String> {
    let big_endian = match bytes {
        [0xFF, 0xFE, ..] => false,
        [0xFE, 0xFF, ..] => true,
        _ => return None,
    };
    let units = bytes.get(2..)?.chunks_exact(2).map(|pair| match pair {
        [a, b] if big_endian => u16::from_be_bytes([*a, *b]),
        [a, b] => u16::from_le_bytes([*a, *b]),
        // `chunks_exact(2)` yields only pairs.
        _ => 0xFFFD,
    });
    Some(
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect(),
    )
}

/// True when the first KiB holds a NUL byte, or when more than a third of it is control bytes
/// other than the whitespace text files use (tab, line feed, form feed, carriage return).
/// Bytes of 0x80 and above are not counted: they are how UTF-8 and legacy encodings write
/// letters.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = bytes.get(..SNIFF_BYTES).unwrap_or(bytes);
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r')) || b == 0x7F)
        .count();
    controls * 3 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode(b"Hello").unwrap().text, "Hello");
        let d = decode(b"\xEF\xBB\xBFHello").unwrap();
        assert_eq!(d.text, "Hello");
        assert_eq!(d.warning, None);
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Niger é".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&bytes).unwrap().text, "Niger é");
        let mut be = vec![0xFE, 0xFF];
        for u in "Niamey".encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&be).unwrap().text, "Niamey");
    }

    #[test]
    fn latin1_is_decoded_lossily_with_a_warning() {
        let d = decode(b"caf\xE9 au lait").unwrap();
        assert_eq!(d.text, "caf\u{FFFD} au lait");
        assert!(d.warning.unwrap().contains("offset 3"));
    }

    #[test]
    fn binary_empty_and_whitespace_are_refused() {
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0"),
            Err("binary file, not text".into())
        );
        assert_eq!(
            decode(b"\x01\x02\x03\x04abc"),
            Err("binary file, not text".into())
        );
        assert_eq!(decode(b""), Err("empty file".into()));
        assert_eq!(decode(b" \n\t\r\n"), Err("empty file".into()));
        assert_eq!(decode(b"\xEF\xBB\xBF \n"), Err("empty file".into()));
    }

    #[test]
    fn a_few_control_bytes_do_not_make_text_binary() {
        assert!(!looks_binary(
            b"An article with an \x1b escape and a \x07 bell in it."
        ));
    }
}
