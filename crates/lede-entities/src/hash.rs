//! A fixed, platform-independent hash for feature hashing (FNV-1a 64 with a final mix), so that
//! a model trained natively gives the same slots in the browser.

/// FNV-1a over bytes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Fnv {
    /// A fresh hasher.
    pub fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    /// Feeds bytes.
    pub fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    /// Feeds a string followed by a separator byte.
    pub fn part(&mut self, s: &str) -> &mut Self {
        self.write(s.as_bytes());
        self.write(&[0xff]);
        self
    }

    /// The mixed hash (FNV's low bits are weak; the table index takes the high bits).
    pub fn finish(&self) -> u64 {
        mix(self.0)
    }
}

/// The splitmix64 finaliser.
pub(crate) fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The hash of a feature: its template number and its parts.
pub(crate) fn feature(template: u8, parts: &[&str]) -> u64 {
    let mut h = Fnv::new();
    h.write(&[template]);
    for p in parts {
        h.part(p);
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_fixed_across_platforms() {
        // Pinned values: a change here makes every trained model unusable.
        assert_eq!(feature(1, &["word"]), feature(1, &["word"]));
        assert_ne!(feature(1, &["word"]), feature(2, &["word"]));
        assert_ne!(feature(1, &["ab", "c"]), feature(1, &["a", "bc"]));
        assert_eq!(mix(0), 0);
        let mut h = Fnv::new();
        h.write(b"a");
        assert_eq!(h.0, 0xaf63_dc4c_8601_ec8c);
    }
}
