//! [`SharedStr`]: an immutable string whose clones share one allocation, for the texts a corpus
//! repeats (entity ids and names, tag kinds and values): a loaded corpus holds each once.

use std::borrow::Borrow;
use std::collections::HashSet;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An immutable string; cloning it shares the text instead of copying it. Serialised as a
/// plain string, compared, ordered and hashed as its text.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SharedStr(Arc<str>);

impl SharedStr {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `self` and `other` are the same allocation (not only the same text).
    pub fn shares_with(&self, other: &SharedStr) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for SharedStr {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for SharedStr {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for SharedStr {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for SharedStr {
    fn from(s: &str) -> Self {
        SharedStr(Arc::from(s))
    }
}

impl From<String> for SharedStr {
    fn from(s: String) -> Self {
        SharedStr(Arc::from(s))
    }
}

impl From<&String> for SharedStr {
    fn from(s: &String) -> Self {
        SharedStr(Arc::from(s.as_str()))
    }
}

impl From<&SharedStr> for SharedStr {
    fn from(s: &SharedStr) -> Self {
        s.clone()
    }
}

impl From<SharedStr> for String {
    fn from(s: SharedStr) -> Self {
        s.as_str().to_string()
    }
}

impl PartialEq<str> for SharedStr {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for SharedStr {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for SharedStr {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<SharedStr> for str {
    fn eq(&self, other: &SharedStr) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<SharedStr> for &str {
    fn eq(&self, other: &SharedStr) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<SharedStr> for String {
    fn eq(&self, other: &SharedStr) -> bool {
        self.as_str() == other.as_str()
    }
}

impl fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl Serialize for SharedStr {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for SharedStr {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(SharedStr::from)
    }
}

/// The texts a loader has seen: [`StrPool::share`] swaps a text for the pool's copy of it, so
/// that every occurrence of the same text is one allocation.
#[derive(Default)]
pub(crate) struct StrPool(HashSet<SharedStr>);

impl StrPool {
    /// Makes `s` the pool's copy of its text (adding it when the pool has none yet).
    pub(crate) fn share(&mut self, s: &mut SharedStr) {
        match self.0.get(s.as_str()) {
            Some(kept) => {
                if !kept.shares_with(s) {
                    *s = kept.clone();
                }
            }
            None => {
                self.0.insert(s.clone());
            }
        }
    }

    /// The pool's copy of `text` (a new one, kept, when the pool has none yet): no allocation
    /// for a text seen before.
    pub(crate) fn text(&mut self, text: &str) -> SharedStr {
        match self.0.get(text) {
            Some(kept) => kept.clone(),
            None => {
                let s = SharedStr::from(text);
                self.0.insert(s.clone());
                s
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compares_and_serialises_as_its_text() {
        let s = SharedStr::from("Ana Ruiz");
        assert_eq!(s, "Ana Ruiz");
        assert_eq!("Ana Ruiz", s);
        assert_eq!(s, String::from("Ana Ruiz"));
        let (a, b) = (SharedStr::from("a"), SharedStr::from("b"));
        assert!(a < b);
        assert_eq!(serde_json::to_string(&s).unwrap(), "\"Ana Ruiz\"");
        let back: SharedStr = serde_json::from_str("\"Ana Ruiz\"").unwrap();
        assert_eq!(back, s);
        assert!(!back.shares_with(&s));
        assert_eq!(format!("{s} {s:?}"), "Ana Ruiz \"Ana Ruiz\"");
    }

    #[test]
    fn the_pool_keeps_one_allocation_per_text() {
        let mut pool = StrPool::default();
        let mut a = SharedStr::from("usa");
        let mut b = SharedStr::from(String::from("usa"));
        let mut c = SharedStr::from("uk");
        assert!(!a.shares_with(&b));
        pool.share(&mut a);
        pool.share(&mut b);
        pool.share(&mut c);
        assert!(a.shares_with(&b));
        assert!(!a.shares_with(&c));
        assert_eq!((a.as_str(), c.as_str()), ("usa", "uk"));
        let d = pool.text("usa");
        assert!(d.shares_with(&a), "a text seen before is the pool's copy");
        let e = pool.text("fr");
        assert!(e.shares_with(&pool.text("fr")) && e == "fr");
    }
}
