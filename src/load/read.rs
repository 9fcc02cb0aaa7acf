//! Bytes to text: the checks every file passes before a format parser sees it (size, binary
//! content, emptiness) and the decoding: UTF-8 with or without a byte-order mark, UTF-16 with
//! one; bytes that are not UTF-8 in the character set the file declares (an HTML `<meta>` or an
//! XML declaration), else as Windows-1252 when nothing in them is UTF-8 beyond ASCII, else as
//! UTF-8 with replacement characters; each of the last three with a warning.

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
    /// Set when the bytes were not valid UTF-8: how they were decoded instead.
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
        decode_without_bom(bytes)
    };
    if decoded.text.trim().is_empty() {
        return Err("empty file".to_string());
    }
    Ok(decoded)
}

/// Bytes without a byte-order mark: UTF-8 when they are; else in the character set the file
/// declares; else as Windows-1252 when no byte sequence in them is a UTF-8 character beyond
/// ASCII (legacy Western text, which is what such files nearly always are, and what browsers
/// assume); else UTF-8 with replacement characters (a UTF-8 file with a few damaged bytes).
fn decode_without_bom(bytes: &[u8]) -> Decoded {
    let bad_at = match std::str::from_utf8(bytes) {
        Ok(text) => {
            return Decoded {
                text: text.to_string(),
                warning: None,
            };
        }
        Err(e) => e.valid_up_to(),
    };
    if let Some(encoding) = declared_encoding(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
        let damaged = if had_errors {
            ", with replacement characters for bytes that character set does not define"
        } else {
            ""
        };
        return Decoded {
            text: text.into_owned(),
            warning: Some(format!(
                "not valid UTF-8 (first bad byte at offset {bad_at}); decoded as {}, the character set the file declares{damaged}",
                encoding.name()
            )),
        };
    }
    let has_utf8_letters = bytes.utf8_chunks().any(|chunk| !chunk.valid().is_ascii());
    if has_utf8_letters {
        return decode_utf8(bytes);
    }
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        warning: Some(format!(
            "not valid UTF-8 (first bad byte at offset {bad_at}) and no character set declared; decoded as Windows-1252"
        )),
    }
}

/// The character set an HTML `<meta>` tag or an XML declaration in the first KiB declares, when
/// it is one other than UTF-8 (which the bytes already failed) that the WHATWG Encoding Standard
/// knows, as browsers read it.
fn declared_encoding(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = bytes
        .get(..SNIFF_BYTES)
        .unwrap_or(bytes)
        .to_ascii_lowercase();
    let metas = memchr::memmem::find_iter(&head, b"<meta").map(|at| (at, &b"charset"[..]));
    let xml = memchr::memmem::find_iter(&head, b"<?xml").map(|at| (at, &b"encoding"[..]));
    metas
        .chain(xml)
        .filter_map(|(at, attribute)| label_in_tag(head.get(at..)?, attribute))
        .filter_map(encoding_rs::Encoding::for_label)
        // A declared UTF-8 (which the bytes failed) or UTF-16 (whose tags would not be ASCII)
        // says nothing about these bytes: they are judged by themselves.
        .find(|&encoding| encoding != encoding_rs::UTF_8 && encoding.is_ascii_compatible())
}

/// The value of `attribute` (`charset`, `encoding`) in the tag `tag` starts with, quoted or not.
fn label_in_tag<'a>(tag: &'a [u8], attribute: &[u8]) -> Option<&'a [u8]> {
    let tag = tag.get(..memchr::memchr(b'>', tag)?)?;
    let after = memchr::memmem::find(tag, attribute)? + attribute.len();
    let value = tag.get(after..)?.trim_ascii_start().strip_prefix(b"=")?;
    let value = value.trim_ascii_start();
    let value = value
        .strip_prefix(b"\"")
        .or_else(|| value.strip_prefix(b"'"))
        .unwrap_or(value);
    let end = value
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
        .unwrap_or(value.len());
    value.get(..end).filter(|label| !label.is_empty())
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
    fn legacy_text_without_a_declaration_is_read_as_windows_1252_with_a_warning() {
        let d = decode(b"Le caf\xE9 \x93Chez L\xE9on\x94 a rouvert \x96 enfin.").unwrap();
        assert_eq!(d.text, "Le café “Chez Léon” a rouvert – enfin.");
        let warning = d.warning.unwrap();
        assert!(warning.starts_with("not valid UTF-8"), "{warning}");
        assert!(
            warning.contains("offset 6") && warning.contains("Windows-1252"),
            "{warning}"
        );
    }

    #[test]
    fn utf8_with_a_damaged_byte_keeps_its_letters_and_marks_the_byte() {
        let d = decode(
            "Côte d’Ivoire \u{2014} "
                .bytes()
                .chain(*b"\xFF fin")
                .collect::<Vec<u8>>()
                .as_slice(),
        )
        .unwrap();
        assert_eq!(d.text, "Côte d’Ivoire \u{2014} \u{FFFD} fin");
        assert!(d.warning.unwrap().contains("replacement characters"));
    }

    #[test]
    fn a_declared_character_set_is_used() {
        // "Нигер" in Windows-1251, declared by a meta tag.
        let html = b"<html><head><meta charset=\"windows-1251\"></head><body><p>\xCD\xE8\xE3\xE5\xF0</p></body></html>";
        let d = decode(html).unwrap();
        assert!(d.text.contains("<p>Нигер</p>"), "{}", d.text);
        assert!(d.warning.unwrap().contains("windows-1251"));
        // The older http-equiv form; ISO-8859-1 is read as Windows-1252, as browsers do.
        let html = b"<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=ISO-8859-1'><p>\x93caf\xE9\x94</p>";
        assert!(decode(html).unwrap().text.contains("<p>“café”</p>"));
        // An XML declaration (KOI8-R "Нигер").
        let xml = b"<?xml version=\"1.0\" encoding='koi8-r'?><text>\xEE\xC9\xC7\xC5\xD2</text>";
        assert!(decode(xml).unwrap().text.contains("<text>Нигер</text>"));
    }

    #[test]
    fn declarations_that_cannot_apply_are_ignored() {
        // UTF-8 bytes stay UTF-8 whatever the file declares.
        let d = decode("<meta charset=windows-1252><p>café</p>".as_bytes()).unwrap();
        assert_eq!(
            (d.text.as_str(), d.warning),
            ("<meta charset=windows-1252><p>café</p>", None)
        );
        // A declared UTF-16 or an unknown name: the bytes are judged by themselves.
        for declared in ["utf-16", "no-such-charset", ""] {
            let html = format!("<meta charset=\"{declared}\"><p>caf").into_bytes();
            let html: Vec<u8> = html.into_iter().chain(*b"\xE9</p>").collect();
            let d = decode(&html).unwrap();
            assert!(d.text.ends_with("<p>café</p>"), "{declared}: {}", d.text);
            assert!(
                d.warning.unwrap().contains("no character set declared"),
                "{declared}"
            );
        }
        // A tag cut off by the end of the first KiB declares nothing.
        let mut long = b"<meta charset=".to_vec();
        long.extend(std::iter::repeat_n(b'x', SNIFF_BYTES));
        long.extend(b"\xE9");
        assert!(
            decode(&long)
                .unwrap()
                .warning
                .unwrap()
                .contains("Windows-1252")
        );
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
