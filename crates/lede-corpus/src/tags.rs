//! [`Tags`]: an article's category tags by kind, as a sorted list instead of a tree map (a
//! map's nodes cost hundreds of bytes per article), serialised as the same JSON object. The
//! list is shared: a loaded corpus holds each distinct set of tags once (Reuters: 3,519 sets
//! for 19,043 articles), see [`TagPool`].

use std::collections::HashSet;
use std::fmt;
use std::ops::Index;
use std::sync::Arc;

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::shared_str::{SharedStr, StrPool};

/// Category tags by kind (`places` → `["usa", "uk"]`): each kind once, in the order of its
/// name (as a `BTreeMap` keeps them), each list in source order. JSON: an object of string
/// lists. Cloning shares the list (`None`: no kinds, no allocation).
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Tags(Option<Arc<[Entry]>>);

/// One kind and its list.
type Entry = (SharedStr, Box<[SharedStr]>);

/// What a loader has seen: every tag text and every set of tags, each held once.
#[derive(Default)]
pub(crate) struct TagPool {
    texts: StrPool,
    sets: HashSet<Tags>,
}

impl Tags {
    /// The tags of `entries` (sorted by kind, each kind once).
    fn of(entries: Vec<Entry>) -> Tags {
        Tags((!entries.is_empty()).then(|| Arc::from(entries)))
    }

    /// The kinds and their lists.
    fn entries(&self) -> &[Entry] {
        self.0.as_deref().unwrap_or(&[])
    }

    /// No tags.
    pub fn new() -> Self {
        Tags::default()
    }

    /// The list of `kind`, if the article has that kind.
    pub fn get(&self, kind: &str) -> Option<&[SharedStr]> {
        self.position(kind).ok().map(|i| &*self.entries()[i].1)
    }

    /// Whether the article has the kind `kind` (perhaps with an empty list).
    pub fn contains_key(&self, kind: &str) -> bool {
        self.position(kind).is_ok()
    }

    /// Sets the list of `kind`, replacing the one it had.
    pub fn insert<K, V>(&mut self, kind: K, values: impl IntoIterator<Item = V>)
    where
        K: Into<SharedStr>,
        V: Into<SharedStr>,
    {
        let kind = kind.into();
        let values: Box<[SharedStr]> = values.into_iter().map(Into::into).collect();
        let mut entries = self.entries().to_vec();
        match entries.binary_search_by(|(k, _)| k.as_str().cmp(kind.as_str())) {
            Ok(i) => entries[i].1 = values,
            Err(i) => entries.insert(i, (kind, values)),
        }
        *self = Tags::of(entries);
    }

    /// How many kinds.
    pub fn len(&self) -> usize {
        self.entries().len()
    }

    /// Whether there are no kinds.
    pub fn is_empty(&self) -> bool {
        self.entries().is_empty()
    }

    /// Removes every kind.
    pub fn clear(&mut self) {
        self.0 = None;
    }

    /// The kinds and their lists, in the order of the kinds' names.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &[SharedStr])> {
        self.entries().iter().map(|(k, v)| (k.as_str(), &**v))
    }

    /// Makes these tags the pool's copy of the same set (adding them, their texts the pool's,
    /// when it has none yet).
    pub(crate) fn share(&mut self, pool: &mut TagPool) {
        if self.0.is_none() {
            return;
        }
        if let Some(kept) = pool.sets.get(self) {
            *self = kept.clone();
            return;
        }
        let mut entries = self.entries().to_vec();
        for (kind, values) in entries.iter_mut() {
            pool.texts.share(kind);
            values.iter_mut().for_each(|v| pool.texts.share(v));
        }
        *self = Tags::of(entries);
        pool.sets.insert(self.clone());
    }

    /// Whether `self` and `other` are the same allocation (not only the same tags).
    #[cfg(test)]
    pub(crate) fn shares_with(&self, other: &Tags) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }

    fn position(&self, kind: &str) -> Result<usize, usize> {
        self.entries()
            .binary_search_by(|(k, _)| k.as_str().cmp(kind))
    }
}

impl<K, L, V> FromIterator<(K, L)> for Tags
where
    K: Into<SharedStr>,
    L: IntoIterator<Item = V>,
    V: Into<SharedStr>,
{
    /// The tags of (kind, list) pairs; of a kind given twice, the last list stays.
    fn from_iter<T: IntoIterator<Item = (K, L)>>(pairs: T) -> Self {
        let mut tags = Tags::new();
        for (kind, values) in pairs {
            tags.insert(kind, values);
        }
        tags
    }
}

impl Index<&str> for Tags {
    type Output = [SharedStr];
    /// The list of `kind`; panics when the article has no such kind (as a map's index does).
    fn index(&self, kind: &str) -> &[SharedStr] {
        self.get(kind)
            .unwrap_or_else(|| panic!("no tags of kind {kind:?}"))
    }
}

impl fmt::Debug for Tags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl Serialize for Tags {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.len()))?;
        for (kind, values) in self.iter() {
            map.serialize_entry(kind, values)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Tags {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(TagsVisitor)
    }
}

/// Reads an object of string lists; a kind given twice keeps its last list (as a map would).
struct TagsVisitor;

impl<'de> Visitor<'de> for TagsVisitor {
    type Value = Tags;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object of string lists")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Tags, A::Error> {
        let mut entries: Vec<(SharedStr, Box<[SharedStr]>)> =
            Vec::with_capacity(access.size_hint().unwrap_or(0).min(64));
        while let Some((kind, values)) = access.next_entry::<SharedStr, Vec<SharedStr>>()? {
            entries.push((kind, values.into_boxed_slice()));
        }
        // Stable: of a kind given twice, the last one stays last.
        lede_text::order::sort_by(&mut entries, |a, b| a.0.cmp(&b.0));
        let mut unique: Vec<(SharedStr, Box<[SharedStr]>)> = Vec::with_capacity(entries.len());
        for entry in entries {
            match unique.last_mut() {
                Some(last) if last.0 == entry.0 => *last = entry,
                _ => unique.push(entry),
            }
        }
        Ok(Tags::of(unique))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    #[test]
    fn reads_and_writes_the_json_of_a_map() {
        let json = r#"{"topics":["cocoa"],"places":["el-salvador","usa"],"orgs":[]}"#;
        let tags: Tags = serde_json::from_str(json).unwrap();
        let map: BTreeMap<String, Vec<String>> = serde_json::from_str(json).unwrap();
        assert_eq!(
            serde_json::to_string(&tags).unwrap(),
            serde_json::to_string(&map).unwrap()
        );
        assert_eq!(tags.len(), 3);
        assert_eq!(tags["places"], vec!["el-salvador", "usa"]);
        assert_eq!(tags.get("orgs"), Some(&[][..]));
        assert!(tags.contains_key("orgs") && !tags.contains_key("people"));
        assert_eq!(tags.get("people"), None);
        let kinds: Vec<&str> = tags.iter().map(|(k, _)| k).collect();
        assert_eq!(kinds, map.keys().map(String::as_str).collect::<Vec<_>>());
    }

    #[test]
    fn a_kind_given_twice_keeps_its_last_list_as_a_map_does() {
        let json = r#"{"b":["1"],"a":["x"],"b":["2"]}"#;
        let tags: Tags = serde_json::from_str(json).unwrap();
        let map: BTreeMap<String, Vec<String>> = serde_json::from_str(json).unwrap();
        assert_eq!(
            serde_json::to_string(&tags).unwrap(),
            serde_json::to_string(&map).unwrap()
        );
    }

    #[test]
    fn postcard_bytes_are_those_of_the_map() {
        let mut tags = Tags::new();
        tags.insert("topics", ["cocoa"]);
        tags.insert("places", ["usa", "uk"]);
        tags.insert("topics", ["grain"]);
        let mut map = BTreeMap::new();
        map.insert("topics".to_string(), vec!["grain".to_string()]);
        map.insert(
            "places".to_string(),
            vec!["usa".to_string(), "uk".to_string()],
        );
        let bytes = postcard::to_allocvec(&tags).unwrap();
        assert_eq!(bytes, postcard::to_allocvec(&map).unwrap());
        assert_eq!(postcard::from_bytes::<Tags>(&bytes).unwrap(), tags);
        tags.clear();
        assert!(tags.is_empty());
    }

    #[test]
    fn not_an_object_of_string_lists_is_an_error() {
        assert!(serde_json::from_str::<Tags>(r#"["cocoa"]"#).is_err());
        assert!(serde_json::from_str::<Tags>(r#"{"topics":"cocoa"}"#).is_err());
    }

    #[test]
    fn the_pool_keeps_one_allocation_per_set_of_tags_and_per_text() {
        let tags = |places: &[&str]| {
            let mut t = Tags::new();
            t.insert("places", places.iter().copied());
            t.insert("topics", ["earn"]);
            t
        };
        let mut pool = TagPool::default();
        let (mut a, mut b, mut c) = (tags(&["usa"]), tags(&["usa"]), tags(&["uk"]));
        let mut none = Tags::new();
        assert!(!a.shares_with(&b));
        for t in [&mut a, &mut b, &mut c, &mut none] {
            t.share(&mut pool);
        }
        assert!(a.shares_with(&b), "one set for the same tags");
        assert!(!a.shares_with(&c));
        assert_eq!((a.clone(), c.clone()), (tags(&["usa"]), tags(&["uk"])));
        assert!(
            a["topics"][0].shares_with(&c["topics"][0]),
            "one text in two sets"
        );
        assert!(none.is_empty() && none.0.is_none());
        // A change to a shared set is its own.
        b.insert("topics", ["grain"]);
        assert_eq!(&a["topics"][0], "earn");
        assert_eq!(&b["topics"][0], "grain");
    }
}
