//! [`Paragraphs`]: an article's body as one string and the byte offset where each paragraph
//! ends, so that a loaded corpus pays two allocations per article instead of one per paragraph.

use std::fmt;
use std::ops::Index;

use serde::de::{DeserializeSeed, Error as _, SeqAccess, Unexpected, Visitor};
use serde::ser::SerializeSeq;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The paragraphs of an article, in order, each an exact string (possibly empty). Serialised as
/// the JSON array of strings (and the postcard sequence of strings) a `Vec<String>` writes;
/// `&p[i]` is paragraph `i`, as it was for a list of strings.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Paragraphs {
    /// Every paragraph's text, one after the other, nothing between them.
    text: Box<str>,
    /// One past the last byte of each paragraph in `text`: non-decreasing, each at a char
    /// boundary, the last one `text.len()`.
    ends: Box<[u32]>,
}

/// The message when an article's paragraphs do not fit the `u32` offsets.
const TOO_LONG: &str = "an article's paragraphs are over 4 GiB of text together";

impl Paragraphs {
    /// No paragraphs.
    pub fn new() -> Self {
        Paragraphs::default()
    }

    /// How many paragraphs there are.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Paragraph `i`, or `None` past the last.
    pub fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)? as usize;
        Some(&self.text[self.start(i)..end])
    }

    /// The first paragraph.
    pub fn first(&self) -> Option<&str> {
        self.get(0)
    }

    /// The last paragraph.
    pub fn last(&self) -> Option<&str> {
        self.get(self.len().checked_sub(1)?)
    }

    /// The paragraphs joined with `separator` between them, as `[String]::join` gives.
    pub fn join(&self, separator: &str) -> String {
        let mut out =
            String::with_capacity(self.text.len() + separator.len() * self.len().saturating_sub(1));
        for (i, p) in self.iter().enumerate() {
            if i > 0 {
                out.push_str(separator);
            }
            out.push_str(p);
        }
        out
    }

    /// The paragraphs in order.
    pub fn iter(&self) -> Iter<'_> {
        Iter {
            paragraphs: self,
            front: 0,
            back: self.len(),
        }
    }

    /// Bytes of all the paragraphs' text together.
    pub fn text_len(&self) -> usize {
        self.text.len()
    }

    /// The paragraphs as a list of owned strings (to edit them; build the result back with
    /// `Paragraphs::from`).
    pub fn to_vec(&self) -> Vec<String> {
        self.iter().map(str::to_string).collect()
    }

    /// The first byte of paragraph `i` (which must exist) in `text`.
    fn start(&self, i: usize) -> usize {
        match i {
            0 => 0,
            _ => self.ends[i - 1] as usize,
        }
    }
}

/// Appends paragraphs to one string, noting where each ends.
#[derive(Default)]
struct Builder {
    text: String,
    ends: Vec<u32>,
}

impl Builder {
    /// Notes that the paragraph appended last ends here; `Err` past `u32` offsets.
    fn end_paragraph(&mut self) -> Result<(), &'static str> {
        let end = u32::try_from(self.text.len()).map_err(|_| TOO_LONG)?;
        self.ends.push(end);
        Ok(())
    }

    /// Appends a whole paragraph.
    fn push(&mut self, paragraph: &str) -> Result<(), &'static str> {
        self.text.push_str(paragraph);
        self.end_paragraph()
    }

    fn build(self) -> Paragraphs {
        Paragraphs {
            text: self.text.into_boxed_str(),
            ends: self.ends.into_boxed_slice(),
        }
    }
}

impl<S: AsRef<str>> FromIterator<S> for Paragraphs {
    /// The paragraphs of the strings in order. Panics past 4 GiB of text together.
    fn from_iter<I: IntoIterator<Item = S>>(iter: I) -> Self {
        let mut b = Builder::default();
        for p in iter {
            b.push(p.as_ref()).expect(TOO_LONG);
        }
        b.build()
    }
}

impl From<Vec<String>> for Paragraphs {
    /// The paragraphs of the list, in one allocation of the text's exact size. Panics past
    /// 4 GiB of text together.
    fn from(list: Vec<String>) -> Self {
        let total = list.iter().map(String::len).sum();
        let mut b = Builder {
            text: String::with_capacity(total),
            ends: Vec::with_capacity(list.len()),
        };
        for p in &list {
            b.push(p).expect(TOO_LONG);
        }
        b.build()
    }
}

impl<S: AsRef<str>, const N: usize> From<[S; N]> for Paragraphs {
    /// The paragraphs of the array. Panics past 4 GiB of text together.
    fn from(list: [S; N]) -> Self {
        list.into_iter().collect()
    }
}

impl Index<usize> for Paragraphs {
    type Output = str;
    /// Paragraph `i`; panics past the last, as a list does.
    fn index(&self, i: usize) -> &str {
        let end = self.ends[i] as usize;
        &self.text[self.start(i)..end]
    }
}

impl<S: AsRef<str>> PartialEq<[S]> for Paragraphs {
    fn eq(&self, other: &[S]) -> bool {
        self.len() == other.len() && self.iter().zip(other).all(|(a, b)| a == b.as_ref())
    }
}

impl<S: AsRef<str>> PartialEq<Vec<S>> for Paragraphs {
    fn eq(&self, other: &Vec<S>) -> bool {
        *self == other[..]
    }
}

impl<S: AsRef<str>, const N: usize> PartialEq<[S; N]> for Paragraphs {
    fn eq(&self, other: &[S; N]) -> bool {
        *self == other[..]
    }
}

impl fmt::Debug for Paragraphs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// The paragraphs of a [`Paragraphs`] in order, as `&str`.
#[derive(Clone)]
pub struct Iter<'a> {
    paragraphs: &'a Paragraphs,
    /// The next paragraph from the front.
    front: usize,
    /// One past the next paragraph from the back.
    back: usize,
}

impl<'a> Iterator for Iter<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        if self.front == self.back {
            return None;
        }
        self.front += 1;
        Some(&self.paragraphs[self.front - 1])
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.back - self.front;
        (n, Some(n))
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        if self.front == self.back {
            return None;
        }
        self.back -= 1;
        Some(&self.paragraphs[self.back])
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl<'a> IntoIterator for &'a Paragraphs {
    type Item = &'a str;
    type IntoIter = Iter<'a>;
    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl Serialize for Paragraphs {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for p in self {
            seq.serialize_element(p)?;
        }
        seq.end()
    }
}

impl<'de> Deserialize<'de> for Paragraphs {
    /// From a sequence of strings, appended to one string as they come (no string per
    /// paragraph on the way); wrong types give the errors a `Vec<String>` gives.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(ParagraphsVisitor)
    }
}

/// Reads the sequence of a [`Paragraphs`].
struct ParagraphsVisitor;

impl<'de> Visitor<'de> for ParagraphsVisitor {
    type Value = Paragraphs;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Paragraphs, A::Error> {
        // The count may come from forged bytes: room for at most 4,096 ends at first.
        let mut b = Builder {
            text: String::new(),
            ends: Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096)),
        };
        while seq.next_element_seed(Append(&mut b.text))?.is_some() {
            b.end_paragraph().map_err(A::Error::custom)?;
        }
        Ok(b.build())
    }
}

/// Reads one string of the sequence onto the end of the text.
struct Append<'a>(&'a mut String);

impl<'de> DeserializeSeed<'de> for Append<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_string(self)
    }
}

impl<'de> Visitor<'de> for Append<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<(), E> {
        self.0.push_str(v);
        Ok(())
    }

    fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<(), E> {
        match std::str::from_utf8(v) {
            Ok(s) => self.visit_str(s),
            Err(_) => Err(E::invalid_value(Unexpected::Bytes(v), &self)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Paragraphs of varied shape: empty ones, non-ASCII, one long.
    fn samples() -> Vec<Vec<String>> {
        let long = "Der Rat stimmte zu. ".repeat(300);
        vec![
            vec![],
            vec![String::new()],
            vec!["One.".into(), String::new(), "Zürich — “yes”.".into()],
            vec![long.clone(), "後で".into(), long],
        ]
    }

    #[test]
    fn reads_each_paragraph_as_the_list_does() {
        for list in samples() {
            let p = Paragraphs::from(list.clone());
            assert_eq!(p.len(), list.len());
            assert_eq!(p.is_empty(), list.is_empty());
            assert_eq!(p.text_len(), list.iter().map(String::len).sum::<usize>());
            for (i, s) in list.iter().enumerate() {
                assert_eq!(&p[i], s.as_str());
                assert_eq!(p.get(i), Some(s.as_str()));
            }
            assert_eq!(p.get(list.len()), None);
            assert_eq!(p.first(), list.first().map(String::as_str));
            assert_eq!(p.last(), list.last().map(String::as_str));
            assert_eq!(p.join("\n"), list.join("\n"));
            let forward: Vec<&str> = p.iter().collect();
            assert_eq!(forward, list);
            let mut backward: Vec<&str> = p.iter().rev().collect();
            backward.reverse();
            assert_eq!(backward, list);
            assert_eq!(p.iter().len(), list.len());
            assert_eq!(p.to_vec(), list);
            assert_eq!(p, list);
            assert_eq!(p.iter().collect::<Paragraphs>(), p);
            assert_eq!(format!("{p:?}"), format!("{list:?}"));
        }
    }

    #[test]
    fn serialises_as_a_list_of_strings_in_json_and_postcard() {
        for list in samples() {
            let p = Paragraphs::from(list.clone());
            let json = serde_json::to_string(&p).unwrap();
            assert_eq!(json, serde_json::to_string(&list).unwrap());
            assert_eq!(serde_json::from_str::<Paragraphs>(&json).unwrap(), p);
            let bytes = postcard::to_allocvec(&p).unwrap();
            assert_eq!(bytes, postcard::to_allocvec(&list).unwrap());
            assert_eq!(postcard::from_bytes::<Paragraphs>(&bytes).unwrap(), p);
        }
    }

    #[test]
    fn wrong_types_give_the_errors_a_list_of_strings_gives() {
        for json in [
            r#"["x", 3]"#,
            r#""one string""#,
            r#"{"a": "b"}"#,
            r#"[["nested"]]"#,
            "null",
            r#"["x", null]"#,
            r#"["unterminated"#,
        ] {
            let ours = serde_json::from_str::<Paragraphs>(json)
                .unwrap_err()
                .to_string();
            let list = serde_json::from_str::<Vec<String>>(json)
                .unwrap_err()
                .to_string();
            assert_eq!(ours, list, "{json}");
        }
        let bytes = [1u8, 2, 0xff, 0xfe];
        let ours = postcard::from_bytes::<Paragraphs>(&bytes).unwrap_err();
        let list = postcard::from_bytes::<Vec<String>>(&bytes).unwrap_err();
        assert_eq!(ours.to_string(), list.to_string());
    }
}
