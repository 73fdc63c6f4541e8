//! The tagger's internal labels: BILOU (Begin, Inside, Last, Outside, Unit) over the four
//! types, which the model learns and decodes in place of BIO (Ratinov and Roth 2009: the last
//! token of a name and a one-token name get labels of their own). Tags outside the model stay
//! BIO: [`to_tags`] and [`from_tags`] convert, keeping the spans.

use crate::tag::{spans, EntityType, Tag};

/// Number of labels: O, then B, I, L and U of each type.
pub(crate) const COUNT: usize = 17;

/// Where a token stands in its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Begin,
    Inside,
    Last,
    Unit,
}

const PARTS: [Part; 4] = [Part::Begin, Part::Inside, Part::Last, Part::Unit];

/// The part and type of label `c` (`None` for O).
fn parts(c: usize) -> Option<(Part, EntityType)> {
    (c > 0 && c < COUNT).then(|| (PARTS[(c - 1) % 4], EntityType::ALL[(c - 1) / 4]))
}

/// The label of `part` of an entity of type `ty`.
fn label(part: Part, ty: EntityType) -> usize {
    1 + 4 * ty as usize + PARTS.iter().position(|&p| p == part).expect("a part")
}

/// True when label `c` may follow label `prev` (`None` = the sentence start): an entity
/// opened by B-X goes on with I-X and closes with L-X; nothing else comes between.
pub(crate) fn may_follow(c: usize, prev: Option<usize>) -> bool {
    let open = prev
        .and_then(parts)
        .and_then(|(p, t)| matches!(p, Part::Begin | Part::Inside).then_some(t));
    match (parts(c), open) {
        (Some((Part::Inside | Part::Last, t)), Some(o)) => t == o,
        (Some((Part::Inside | Part::Last, _)), None) => false,
        (_, Some(_)) => false,
        (_, None) => true,
    }
}

/// True when a sentence may end on label `c` (no entity left open).
pub(crate) fn may_end(c: usize) -> bool {
    !matches!(parts(c), Some((Part::Begin | Part::Inside, _)))
}

/// The BIO tags of a label sequence: B and U open an entity, I and L continue it.
pub(crate) fn to_tags(labels: &[usize]) -> Vec<Tag> {
    labels
        .iter()
        .map(|&c| match parts(c) {
            None => Tag::O,
            Some((Part::Begin | Part::Unit, t)) => Tag::B(t),
            Some((Part::Inside | Part::Last, t)) => Tag::I(t),
        })
        .collect()
}

/// The label sequence of BIO tags, entity by entity (as [`spans`] reads them).
pub(crate) fn from_tags(tags: &[Tag]) -> Vec<usize> {
    let mut out = vec![0; tags.len()];
    for s in spans(tags) {
        if s.end - s.start == 1 {
            out[s.start] = label(Part::Unit, s.ty);
            continue;
        }
        out[s.start] = label(Part::Begin, s.ty);
        for o in &mut out[s.start + 1..s.end - 1] {
            *o = label(Part::Inside, s.ty);
        }
        out[s.end - 1] = label(Part::Last, s.ty);
    }
    out
}

/// The label's name (`U-LOC`).
#[cfg(test)]
pub(crate) fn name(c: usize) -> &'static str {
    const NAMES: [&str; COUNT] = [
        "O", "B-PER", "I-PER", "L-PER", "U-PER", "B-ORG", "I-ORG", "L-ORG", "U-ORG", "B-LOC",
        "I-LOC", "L-LOC", "U-LOC", "B-MISC", "I-MISC", "L-MISC", "U-MISC",
    ];
    NAMES[c]
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityType::*;

    #[test]
    fn bio_to_bilou_and_back_keeps_the_spans() {
        let bio = [
            Tag::B(Per),
            Tag::I(Per),
            Tag::I(Per),
            Tag::B(Per),
            Tag::O,
            Tag::B(Loc),
            Tag::I(Org),
        ];
        let labels = from_tags(&bio);
        let names: Vec<&str> = labels.iter().map(|&c| name(c)).collect();
        assert_eq!(
            names,
            ["B-PER", "I-PER", "L-PER", "U-PER", "O", "U-LOC", "U-ORG"]
        );
        assert_eq!(spans(&to_tags(&labels)), spans(&bio));
        // Every label's name agrees with its part and type.
        for c in 1..COUNT {
            let (p, t) = parts(c).unwrap();
            assert_eq!(label(p, t), c);
            assert!(name(c).ends_with(t.as_str()));
        }
    }

    #[test]
    fn transitions_keep_entities_closed() {
        let [b, i, l, u] =
            [Part::Begin, Part::Inside, Part::Last, Part::Unit].map(|p| label(p, Org));
        let other_i = label(Part::Inside, Per);
        assert!(may_follow(b, None) && may_follow(u, None) && may_follow(0, None));
        assert!(!may_follow(i, None) && !may_follow(l, None));
        assert!(may_follow(i, Some(b)) && may_follow(l, Some(i)) && may_follow(l, Some(b)));
        assert!(!may_follow(other_i, Some(b)), "types cannot change inside");
        assert!(
            !may_follow(0, Some(b)) && !may_follow(u, Some(i)),
            "B/I must close"
        );
        assert!(may_follow(b, Some(l)) && may_follow(0, Some(u)));
        assert!(may_end(l) && may_end(u) && may_end(0) && !may_end(b) && !may_end(i));
    }
}
