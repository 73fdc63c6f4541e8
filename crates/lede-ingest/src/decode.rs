//! Text decoding: UTF-8 (BOM optional), then UTF-16 with a BOM, then Windows-1252 with a
//! warning; binary data is refused. Keeps what is needed to map offsets in the decoded text back
//! to byte offsets in the file.

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

/// How offsets in the decoded text relate to byte offsets in the file.
#[derive(Debug, Clone)]
enum Offsets {
    /// The same, plus the length of a stripped BOM.
    Shift(usize),
    /// Single-byte encoding: each `(decoded_end, extra)` says that up to `decoded_end` the
    /// decoded text is `extra` bytes longer than the file.
    SingleByte(Vec<(usize, usize)>),
    /// Not mapped (UTF-16).
    Unknown,
}

/// A decoded file.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text, without a BOM.
    pub text: String,
    /// Set when the file was not UTF-8 and a fallback decoding was used.
    pub warning: Option<String>,
    offsets: Offsets,
}

impl Decoded {
    /// The byte offset in the file of byte `offset` of the decoded text, when it can be known.
    pub fn file_offset(&self, offset: usize) -> Option<usize> {
        match &self.offsets {
            Offsets::Shift(n) => Some(offset + n),
            Offsets::SingleByte(marks) => {
                let i = marks.partition_point(|&(end, _)| end <= offset);
                let extra = if i == 0 { 0 } else { marks[i - 1].1 };
                Some(offset - extra)
            }
            Offsets::Unknown => None,
        }
    }
}

/// Decodes a file's bytes, or says why they are not text.
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    let decoded = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        match std::str::from_utf8(rest) {
            Ok(t) => Decoded {
                text: t.to_string(),
                warning: None,
                offsets: Offsets::Shift(3),
            },
            Err(e) => windows_1252(bytes, e.valid_up_to() + 3),
        }
    } else if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let (encoding, name) = if bytes[0] == 0xFF {
            (UTF_16LE, "UTF-16LE")
        } else {
            (UTF_16BE, "UTF-16BE")
        };
        let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(&bytes[2..])
        else {
            return Err(format!(
                "unreadable encoding: {name} byte-order mark, but the text is not valid {name}"
            ));
        };
        Decoded {
            text: text.into_owned(),
            warning: None,
            offsets: Offsets::Unknown,
        }
    } else if let Some(decoded) = utf16_without_bom(bytes) {
        decoded
    } else {
        match std::str::from_utf8(bytes) {
            Ok(t) => Decoded {
                text: t.to_string(),
                warning: None,
                offsets: Offsets::Shift(0),
            },
            Err(e) => {
                if let Some(nul) = bytes.iter().position(|&b| b == 0) {
                    return Err(format!(
                        "unreadable encoding: NUL byte at offset {nul} (binary data, or UTF-16 \
                         without a byte-order mark)"
                    ));
                }
                windows_1252(bytes, e.valid_up_to())
            }
        }
    };
    check_not_binary(&decoded.text)?;
    Ok(decoded)
}

/// UTF-16 without a byte-order mark, told by its NUL bytes: text in a Latin script has a NUL
/// in the high byte of nearly every char, so nearly all odd bytes (little-endian) or even
/// bytes (big-endian) are NUL and almost none of the others. Decoded with a warning.
fn utf16_without_bom(bytes: &[u8]) -> Option<Decoded> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let pairs = sample.len() / 2;
    let even_nul = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    let (encoding, name) = if odd_nul * 10 >= pairs * 9 && even_nul * 20 <= pairs {
        (UTF_16LE, "UTF-16LE")
    } else if even_nul * 10 >= pairs * 9 && odd_nul * 20 <= pairs {
        (UTF_16BE, "UTF-16BE")
    } else {
        return None;
    };
    let text = encoding.decode_without_bom_handling_and_without_replacement(bytes)?;
    Some(Decoded {
        text: text.into_owned(),
        warning: Some(format!(
            "no byte-order mark, but the NUL bytes say {name}; read as {name}"
        )),
        offsets: Offsets::Unknown,
    })
}

/// Decodes as Windows-1252, warning with the offset of the first byte that is not UTF-8.
fn windows_1252(bytes: &[u8], bad_offset: usize) -> Decoded {
    let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
    let mut marks = Vec::new();
    let mut extra = 0;
    for (i, c) in text.char_indices() {
        let len = c.len_utf8();
        if len > 1 {
            extra += len - 1;
            marks.push((i + len, extra));
        }
    }
    Decoded {
        text: text.into_owned(),
        warning: Some(format!(
            "not UTF-8 (byte 0x{:02X} at offset {bad_offset}); read as Windows-1252",
            bytes[bad_offset]
        )),
        offsets: Offsets::SingleByte(marks),
    }
}

/// Refuses text that is mostly control characters (a binary file that happens to decode).
fn check_not_binary(text: &str) -> Result<(), String> {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars().take(65_536) {
        total += 1;
        if c == '\0' {
            return Err("unreadable encoding: NUL character in the text (binary data)".into());
        }
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c') {
            control += 1;
        }
    }
    if total >= 16 && control * 10 > total {
        return Err(format!(
            "unreadable encoding: {control} of the first {total} characters are control \
             characters (binary data)"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode("héllo".as_bytes()).unwrap();
        assert_eq!(d.text, "héllo");
        assert!(d.warning.is_none());
        assert_eq!(d.file_offset(3), Some(3));
        let d = decode(b"\xEF\xBB\xBFabc").unwrap();
        assert_eq!(d.text, "abc");
        assert_eq!(d.file_offset(1), Some(4));
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("Kabul – ok".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&le).unwrap().text, "Kabul – ok");
        let mut be = vec![0xFE, 0xFF];
        be.extend("Zürich".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be).unwrap().text, "Zürich");
        let broken = [0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]; // unpaired surrogate
        assert!(decode(&broken).unwrap_err().contains("UTF-16LE"));
    }

    #[test]
    fn windows_1252_fallback_maps_offsets_back() {
        let bytes = b"caf\xE9 and \x93quoted\x94 growth.\xFCx";
        let d = decode(bytes).unwrap();
        assert_eq!(d.text, "café and “quoted” growth.üx");
        let w = d.warning.clone().unwrap();
        assert!(w.contains("0xE9 at offset 3"), "{w}");
        let x = d.text.find('x').unwrap();
        assert_eq!(d.file_offset(x), Some(bytes.len() - 1));
        let q = d.text.find("quoted").unwrap();
        assert_eq!(d.file_offset(q), Some(10));
    }

    #[test]
    fn binary_is_refused() {
        assert!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
            .unwrap_err()
            .contains("NUL"));
        let controls: Vec<u8> = (0..64).map(|i| [1u8, 2, 3, b'a'][i % 4]).collect();
        assert!(decode(&controls).unwrap_err().contains("control"));
    }
}
