//! Unsigned LEB128 varints, the one implementation behind every Lede byte format: the record
//! lengths of compact corpora, the search index's postings and the NER model's weights.
//!
//! It lives here rather than in lede-text because it is about bytes, not text, and because
//! lede-corpus (whose compact format uses it) is the crate every crate with a byte format
//! already depends on.
//!
//! Seven bits per byte, least significant first; the high bit says another byte follows.

/// Why bytes are not a varint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VarintError {
    /// The bytes end before the varint does.
    Truncated,
    /// The varint does not fit the type read (too many bytes, or bits past its width).
    Overflow,
}

impl std::fmt::Display for VarintError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            VarintError::Truncated => "the bytes end inside a varint",
            VarintError::Overflow => "a varint is too large",
        })
    }
}

impl std::error::Error for VarintError {}

/// Appends `v` as a varint (one byte below 128, at most ten).
#[inline]
pub fn write(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Reads a varint of at most `bits` bits at `*pos`, advancing `pos` past it; on an error `pos`
/// is left where it was.
#[inline]
fn read_checked(buf: &[u8], pos: &mut usize, bits: u32) -> Result<u64, VarintError> {
    let mut v = 0u64;
    let mut at = *pos;
    let mut shift = 0u32;
    loop {
        let &b = buf.get(at).ok_or(VarintError::Truncated)?;
        at += 1;
        let part = u64::from(b & 0x7f);
        // The bits this byte carries must fit in what is left of the width.
        if shift >= bits || (bits - shift < 7 && part >> (bits - shift) != 0) {
            return Err(VarintError::Overflow);
        }
        v |= part << shift;
        if b < 0x80 {
            *pos = at;
            return Ok(v);
        }
        shift += 7;
    }
}

/// Reads a varint that fits a `u64` at `*pos`, advancing `pos` past it (left as it was on an
/// error).
#[inline]
pub fn read_u64(buf: &[u8], pos: &mut usize) -> Result<u64, VarintError> {
    read_checked(buf, pos, 64)
}

/// Reads a varint that fits a `u32` at `*pos`, advancing `pos` past it (left as it was on an
/// error).
#[inline]
pub fn read_u32(buf: &[u8], pos: &mut usize) -> Result<u32, VarintError> {
    read_checked(buf, pos, 32).map(|v| v as u32)
}

/// Reads a `u32` varint at `*pos` from bytes already checked (with [`read_u32`] when they were
/// loaded), advancing `pos`: the search engine's hot path. It does no checks of its own beyond
/// slice indexing: it panics when the bytes end inside the varint and drops bits past 32.
#[inline]
pub fn read_u32_trusted(buf: &[u8], pos: &mut usize) -> u32 {
    let b = buf[*pos];
    *pos += 1;
    if b < 0x80 {
        return u32::from(b);
    }
    let mut v = u32::from(b & 0x7F);
    let mut shift = 7u32;
    loop {
        let b = buf[*pos];
        *pos += 1;
        v |= u32::from(b & 0x7F).wrapping_shl(shift);
        if b < 0x80 {
            return v;
        }
        shift += 7;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const VALUES: [u64; 10] = [
        0,
        1,
        127,
        128,
        300,
        16_383,
        16_384,
        u32::MAX as u64,
        u32::MAX as u64 + 1,
        u64::MAX,
    ];

    #[test]
    fn round_trips_and_the_bytes_are_leb128() {
        let mut buf = Vec::new();
        for v in VALUES {
            write(&mut buf, v);
        }
        let mut pos = 0;
        for v in VALUES {
            assert_eq!(read_u64(&buf, &mut pos), Ok(v));
        }
        assert_eq!(pos, buf.len());
        let bytes = |v| {
            let mut out = Vec::new();
            write(&mut out, v);
            out
        };
        assert_eq!(bytes(0), [0]);
        assert_eq!(bytes(300), [0xac, 0x02]);
        assert_eq!(bytes(u32::MAX.into()), [0xff, 0xff, 0xff, 0xff, 0x0f]);
        assert_eq!(bytes(u64::MAX).len(), 10);
    }

    #[test]
    fn u32_readers_agree_on_what_fits() {
        let mut buf = Vec::new();
        for v in VALUES.iter().filter(|&&v| v <= u64::from(u32::MAX)) {
            write(&mut buf, *v);
        }
        let (mut checked, mut trusted) = (0, 0);
        while checked < buf.len() {
            let v = read_u32(&buf, &mut checked).unwrap();
            assert_eq!(read_u32_trusted(&buf, &mut trusted), v);
            assert_eq!(checked, trusted);
        }
    }

    #[test]
    fn truncation_and_overflow_are_errors_that_leave_pos() {
        let mut pos = 1;
        assert_eq!(
            read_u64(&[0, 0x80, 0x80], &mut pos),
            Err(VarintError::Truncated)
        );
        assert_eq!(read_u32(&[], &mut 0), Err(VarintError::Truncated));
        assert_eq!(pos, 1);
        let mut big = Vec::new();
        write(&mut big, u64::from(u32::MAX) + 1);
        let mut pos = 0;
        assert_eq!(read_u32(&big, &mut pos), Err(VarintError::Overflow));
        assert_eq!(pos, 0);
        assert_eq!(read_u64(&big, &mut pos), Ok(u64::from(u32::MAX) + 1));
        assert_eq!(pos, big.len());
        assert_eq!(
            read_u32(&[0x80, 0x80, 0x80, 0x80, 0x80, 0x00], &mut 0),
            Err(VarintError::Overflow),
            "six bytes"
        );
        assert_eq!(
            read_u64(
                &[0xff; 9].iter().chain(&[0x02]).copied().collect::<Vec<_>>(),
                &mut 0
            ),
            Err(VarintError::Overflow),
            "a 65th bit"
        );
        assert_eq!(read_u64(&[0xff; 11], &mut 0), Err(VarintError::Overflow));
    }
}
