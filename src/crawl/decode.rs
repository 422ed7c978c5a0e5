//! Bytes of a page file → text.
//!
//! Owns encoding detection. Pages come from scrapers of varying quality:
//! UTF-8 with or without BOM, Windows-1252 (`Oekra\xefne`), UTF-16 with a
//! BOM, or UTF-8 with a few stray Windows-1252 bytes in the middle. Valid
//! UTF-8 runs are kept as they are and every byte that is not UTF-8 is read
//! as Windows-1252 (a superset of Latin-1's printable range), so no text is
//! lost and no valid UTF-8 is garbled. Binary files are recognised and
//! refused.

/// How a text was decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// Valid UTF-8 (a BOM, if any, was removed).
    Utf8,
    /// Some or all bytes were not UTF-8 and were read as Windows-1252.
    Windows1252,
    /// UTF-16 (little or big endian), recognised by its BOM.
    Utf16,
}

/// Why bytes are not a text page.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// The file starts with the signature of a known binary format.
    #[error("binary file ({0} data)")]
    Binary(&'static str),
    /// The file contains NUL bytes.
    #[error("binary file (contains NUL bytes)")]
    NulBytes,
}

/// Signatures of binary formats that end up in scraped folders.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"RIFF", "RIFF media"),
    (b"\x7fELF", "ELF executable"),
];

/// Decodes page bytes; see the module documentation for the rules.
///
/// # Example
/// ```
/// use newsidx::crawl::{decode, Encoding};
/// let (text, enc) = decode(b"Oekra\xefne").unwrap();
/// assert_eq!(text, "Oekraïne");
/// assert_eq!(enc, Encoding::Windows1252);
/// ```
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    if let Some((_, kind)) = SIGNATURES.iter().find(|(sig, _)| bytes.starts_with(sig)) {
        return Err(DecodeError::Binary(kind));
    }
    if let Some(text) = decode_utf16(bytes) {
        return Ok((text, Encoding::Utf16));
    }
    if bytes.contains(&0) {
        return Err(DecodeError::NulBytes);
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((text.to_string(), Encoding::Utf8)),
        Err(_) => Ok((decode_mixed(bytes), Encoding::Windows1252)),
    }
}

fn decode_utf16(bytes: &[u8]) -> Option<String> {
    let (encoding, body) = if let Some(body) = bytes.strip_prefix(b"\xff\xfe") {
        (encoding_rs::UTF_16LE, body)
    } else if let Some(body) = bytes.strip_prefix(b"\xfe\xff") {
        (encoding_rs::UTF_16BE, body)
    } else {
        return None;
    };
    let (text, _) = encoding.decode_without_bom_handling(body);
    Some(text.into_owned())
}

/// Keeps valid UTF-8 runs and reads each other byte as Windows-1252.
fn decode_mixed(mut bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 8);
    loop {
        match std::str::from_utf8(bytes) {
            Ok(valid) => {
                out.push_str(valid);
                return out;
            }
            Err(e) => {
                let (valid, rest) = bytes.split_at(e.valid_up_to());
                out.push_str(
                    std::str::from_utf8(valid).expect("prefix up to valid_up_to is UTF-8"),
                );
                let bad = e.error_len().unwrap_or(rest.len());
                let (decoded, _) =
                    encoding_rs::WINDOWS_1252.decode_without_bom_handling(&rest[..bad]);
                out.push_str(&decoded);
                bytes = &rest[bad..];
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_page_is_decoded() {
        let (text, enc) = decode(b"Caf\xe9 in Belgi\xeb, \x93citaat\x94").unwrap();
        assert_eq!(text, "Café in België, “citaat”");
        assert_eq!(enc, Encoding::Windows1252);
    }

    #[test]
    fn utf8_bom_is_removed() {
        assert_eq!(decode(b"\xef\xbb\xbfKop").unwrap(), ("Kop".to_string(), Encoding::Utf8));
    }

    #[test]
    fn stray_bytes_in_utf8_keep_the_valid_utf8() {
        let (text, enc) = decode(
            "Oekraïne en "
                .as_bytes()
                .iter()
                .chain(b"Belgi\xeb")
                .copied()
                .collect::<Vec<_>>()
                .as_slice(),
        )
        .unwrap();
        assert_eq!(text, "Oekraïne en België");
        assert_eq!(enc, Encoding::Windows1252);
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xff, 0xfe];
        bytes.extend("Zoë".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&bytes).unwrap(), ("Zoë".to_string(), Encoding::Utf16));
    }

    #[test]
    fn images_and_nul_bytes_are_binary() {
        assert_eq!(decode(b"\x89PNG\r\n\x1a\nrest"), Err(DecodeError::Binary("PNG image")));
        assert_eq!(decode(b"\xff\xd8\xff\xe0"), Err(DecodeError::Binary("JPEG image")));
        assert_eq!(decode(b"tekst\0meer"), Err(DecodeError::NulBytes));
    }
}
