//! Entity types, BIO tags, and the token spans a tag sequence describes.

use lede_corpus::EntityKind;

/// The four CoNLL-2003 entity types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    /// A person.
    Per,
    /// An organisation.
    Org,
    /// A location.
    Loc,
    /// Any other name (nationalities, events, products).
    Misc,
}

impl EntityType {
    /// The types in label order.
    pub const ALL: [EntityType; 4] = [
        EntityType::Per,
        EntityType::Org,
        EntityType::Loc,
        EntityType::Misc,
    ];

    /// The CoNLL name (`PER`, `ORG`, `LOC`, `MISC`).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Per => "PER",
            EntityType::Org => "ORG",
            EntityType::Loc => "LOC",
            EntityType::Misc => "MISC",
        }
    }

    /// Parses a CoNLL type name.
    pub fn parse(s: &str) -> Option<EntityType> {
        Some(match s {
            "PER" => EntityType::Per,
            "ORG" => EntityType::Org,
            "LOC" => EntityType::Loc,
            "MISC" => EntityType::Misc,
            _ => return None,
        })
    }

    /// The corpus kind this type is stored as (`MISC` is `other`).
    pub fn kind(self) -> EntityKind {
        match self {
            EntityType::Per => EntityKind::Person,
            EntityType::Org => EntityKind::Organization,
            EntityType::Loc => EntityKind::Place,
            EntityType::Misc => EntityKind::Other,
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// A BIO tag: outside, beginning or inside of an entity of one type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tag {
    /// Not part of an entity.
    O,
    /// The first token of an entity.
    B(EntityType),
    /// A later token of an entity.
    I(EntityType),
}

impl Tag {
    /// Number of distinct tags (O plus B and I for each type).
    pub const COUNT: usize = 9;

    /// The tag's label index in `0..COUNT`.
    pub fn index(self) -> usize {
        match self {
            Tag::O => 0,
            Tag::B(t) => 1 + 2 * t.index(),
            Tag::I(t) => 2 + 2 * t.index(),
        }
    }

    /// The tag with label index `i` (`i < COUNT`).
    pub fn from_index(i: usize) -> Tag {
        match i {
            0 => Tag::O,
            _ => {
                let t = EntityType::ALL[(i - 1) / 2];
                if i % 2 == 1 {
                    Tag::B(t)
                } else {
                    Tag::I(t)
                }
            }
        }
    }

    /// The entity type, `None` for `O`.
    pub fn entity_type(self) -> Option<EntityType> {
        match self {
            Tag::O => None,
            Tag::B(t) | Tag::I(t) => Some(t),
        }
    }

    /// True when this tag may follow `prev` in a BIO sequence (`None` = sentence start):
    /// `I-X` only after `B-X` or `I-X`.
    pub fn may_follow(self, prev: Option<Tag>) -> bool {
        match self {
            Tag::I(t) => prev.and_then(Tag::entity_type) == Some(t),
            _ => true,
        }
    }
}

impl std::fmt::Display for Tag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Tag::O => f.write_str("O"),
            Tag::B(t) => write!(f, "B-{}", t.as_str()),
            Tag::I(t) => write!(f, "I-{}", t.as_str()),
        }
    }
}

/// A run of tokens `[start, end)` naming one entity of type `ty`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TokenSpan {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The entity type.
    pub ty: EntityType,
}

/// The entity spans of a BIO sequence; an `I-X` that does not continue an `X` starts a new
/// span (as conlleval reads it).
pub fn spans(tags: &[Tag]) -> Vec<TokenSpan> {
    let mut out: Vec<TokenSpan> = Vec::new();
    let mut open: Option<TokenSpan> = None;
    for (i, &tag) in tags.iter().enumerate() {
        let continues = matches!((tag, open), (Tag::I(t), Some(s)) if s.ty == t);
        if continues {
            if let Some(s) = open.as_mut() {
                s.end = i + 1;
            }
            continue;
        }
        out.extend(open.take());
        if let Some(ty) = tag.entity_type() {
            open = Some(TokenSpan {
                start: i,
                end: i + 1,
                ty,
            });
        }
    }
    out.extend(open);
    out
}

/// Converts CoNLL IOB1 tags (`I-X` everywhere, `B-X` only between two adjacent entities of one
/// type) to BIO; `None` in the input is `O`. The spans are unchanged.
pub fn iob1_to_bio(tags: &[Option<(bool, EntityType)>]) -> Vec<Tag> {
    let mut out = Vec::with_capacity(tags.len());
    let mut prev: Option<EntityType> = None;
    for &tag in tags {
        out.push(match tag {
            None => Tag::O,
            Some((true, t)) => Tag::B(t),
            Some((false, t)) if prev == Some(t) => Tag::I(t),
            Some((false, t)) => Tag::B(t),
        });
        prev = tag.map(|(_, t)| t);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityType::*;

    #[test]
    fn label_indices_round_trip() {
        for i in 0..Tag::COUNT {
            assert_eq!(Tag::from_index(i).index(), i);
        }
        assert_eq!(Tag::B(Misc).to_string(), "B-MISC");
    }

    #[test]
    fn iob1_becomes_bio_with_the_same_spans() {
        let iob1 = [
            Some((false, Per)),
            Some((false, Per)),
            Some((true, Per)),
            None,
            Some((false, Loc)),
            Some((false, Org)),
        ];
        let bio = iob1_to_bio(&iob1);
        assert_eq!(
            bio,
            [
                Tag::B(Per),
                Tag::I(Per),
                Tag::B(Per),
                Tag::O,
                Tag::B(Loc),
                Tag::B(Org)
            ]
        );
        let s = spans(&bio);
        assert_eq!(s.len(), 4);
        assert_eq!((s[0].start, s[0].end), (0, 2));
        assert_eq!((s[1].start, s[1].end), (2, 3));
        assert_eq!((s[3].start, s[3].end, s[3].ty), (5, 6, Org));
    }

    #[test]
    fn a_stray_inside_tag_opens_a_span() {
        let s = spans(&[Tag::O, Tag::I(Loc), Tag::I(Org)]);
        assert_eq!(s.len(), 2);
        assert!(!Tag::I(Loc).may_follow(None));
        assert!(Tag::I(Loc).may_follow(Some(Tag::B(Loc))));
    }
}
