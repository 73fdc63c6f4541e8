//! The jump box: fuzzy matching of a few typed letters against short strings (entity names and
//! aliases, article titles) on folded text, so that `zur` finds `Zürich`, scored like skim's
//! matcher ([`align`]); highlight ranges are given in chars of the original label.

#[cfg(test)]
mod agreement_tests;
mod align;

use align::Aligner;
use lede_corpus::Corpus;

/// What a jump-box entry opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JumpTarget {
    /// An entity: index into the corpus entity table.
    Entity(usize),
    /// An article: index into the corpus articles.
    Article(usize),
}

/// One jump-box suggestion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JumpHit {
    /// What it opens.
    pub target: JumpTarget,
    /// The label that matched (an entity name or alias, or a title).
    pub label: String,
    /// The matcher's score (higher is better).
    pub score: i64,
    /// The matched chars of `label` as `[start, end)` char ranges.
    pub ranges: Vec<(usize, usize)>,
}

struct Entry {
    target: JumpTarget,
    label: Box<str>,
    folded: Box<str>,
    /// For each char of `folded`, the index of the label char it came from; empty when that is
    /// the char's own index (most labels: four bytes a char saved for 60,860 Reuters labels).
    origin: Box<[u32]>,
    /// Which of the ASCII letters and digits `folded` contains ([`letter_mask`]).
    letters: u64,
}

/// One bit per ASCII letter or digit that occurs in `s` (a quick test before matching; public
/// for the jump_speed example, as [`is_subsequence`] is).
pub fn letter_mask(s: &str) -> u64 {
    s.bytes().fold(0, |m, b| match b {
        b'a'..=b'z' => m | 1 << (b - b'a'),
        b'0'..=b'9' => m | 1 << (26 + b - b'0'),
        _ => m,
    })
}

/// Short-string matcher over a corpus's entity names, aliases and article titles.
pub struct JumpIndex {
    entries: Vec<Entry>,
}

/// Folds `label` like search does (case, diacritics, apostrophes) and maps every folded char
/// back to its label char (an empty map when every folded char is its label char's index).
fn fold_with_origin(label: &str) -> (Box<str>, Box<[u32]>) {
    let mut folded = String::with_capacity(label.len());
    let mut origin = Vec::with_capacity(label.len());
    for (i, c) in label.chars().enumerate() {
        let f = lede_text::fold_for_match(c.encode_utf8(&mut [0; 4]));
        for fc in f.chars() {
            folded.push(fc);
            origin.push(i as u32);
        }
    }
    if origin.iter().enumerate().all(|(k, &c)| c as usize == k) {
        origin.clear();
    }
    (folded.into_boxed_str(), origin.into_boxed_slice())
}

impl JumpIndex {
    /// Collects every entity name and alias and every title of `corpus`.
    pub fn build(corpus: &Corpus) -> JumpIndex {
        let mut entries = Vec::new();
        let mut add = |target, label: &str| {
            let (folded, origin) = fold_with_origin(label);
            entries.push(Entry {
                target,
                label: label.into(),
                letters: letter_mask(&folded),
                folded,
                origin,
            });
        };
        for (i, e) in corpus.entities.iter().enumerate() {
            add(JumpTarget::Entity(i), &e.name);
            for a in &e.aliases {
                add(JumpTarget::Entity(i), a);
            }
        }
        for (i, a) in corpus.articles.iter().enumerate() {
            add(JumpTarget::Article(i), &a.title);
        }
        JumpIndex { entries }
    }

    /// The `limit` best suggestions for `typed`: best score first, entities before articles on
    /// equal scores, then shorter labels; one suggestion per target.
    pub fn find(&self, typed: &str, limit: usize) -> Vec<JumpHit> {
        let pattern = lede_text::fold_for_match(typed.trim());
        if pattern.is_empty() || limit == 0 {
            return Vec::new();
        }
        let letters: Vec<char> = pattern.chars().filter(|c| !c.is_whitespace()).collect();
        let needed = letter_mask(&pattern);
        let pattern: Vec<char> = pattern.chars().collect();
        let mut aligner = Aligner::new();
        let mut text: Vec<char> = Vec::new();
        let mut scored: Vec<(i64, usize)> = Vec::new();
        for (i, e) in self.entries.iter().enumerate() {
            if e.letters & needed != needed || !is_subsequence(&letters, &e.folded) {
                continue;
            }
            text.clear();
            text.extend(e.folded.chars());
            if let Some(s) = aligner.align(&text, &pattern, None) {
                scored.push((i64::from(s), i));
            }
        }
        let key = |&(s, i): &(i64, usize)| {
            let e = &self.entries[i];
            (
                std::cmp::Reverse(s),
                matches!(e.target, JumpTarget::Article(_)),
                e.label.len(),
                i,
            )
        };
        // The key ends with the entry, so the order is total and a stable sort the same.
        lede_text::order::sort_by(&mut scored, |a, b| key(a).cmp(&key(b)));
        let mut out: Vec<JumpHit> = Vec::new();
        let mut matched: Vec<usize> = Vec::new();
        for (score, i) in scored {
            if out.len() == limit {
                break;
            }
            let e = &self.entries[i];
            if out.iter().any(|h| h.target == e.target) {
                continue;
            }
            text.clear();
            text.extend(e.folded.chars());
            aligner.align(&text, &pattern, Some(&mut matched));
            out.push(JumpHit {
                target: e.target,
                label: e.label.to_string(),
                score,
                ranges: label_ranges(&e.origin, &matched),
            });
        }
        out
    }
}

/// The `[start, end)` label char ranges of the `matched` folded chars (ascending), through
/// `origin`, the label char of each folded char (empty: the folded char's own index).
fn label_ranges(origin: &[u32], matched: &[usize]) -> Vec<(usize, usize)> {
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for &k in matched {
        let c = origin.get(k).map_or(k, |&c| c as usize);
        match ranges.last_mut() {
            Some(r) if r.1 == c => r.1 = c + 1,
            Some(r) if r.1 > c => {}
            _ => ranges.push((c, c + 1)),
        }
    }
    ranges
}

/// True when `letters` occur in `text` in order (a cheap test before the alignment; public for
/// the jump_speed example, which times the old matcher behind the same test).
pub fn is_subsequence(letters: &[char], text: &str) -> bool {
    let mut it = letters.iter().peekable();
    for c in text.chars() {
        match it.peek() {
            Some(&&l) if l == c => {
                it.next();
            }
            None => return true,
            _ => {}
        }
    }
    it.peek().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use lede_corpus::{Article, ArticleEntity, EntityKind};

    #[test]
    fn accented_names_match_plain_letters_with_ranges_in_the_label() {
        let corpus = Corpus::new(vec![Article {
            id: "a".into(),
            title: "Rates held in Zürich".into(),
            paragraphs: vec!["Émile Duret spoke in Zürich.".into()].into(),
            entities: vec![
                ArticleEntity {
                    id: "p-duret".into(),
                    name: "Émile Duret".into(),
                    kind: EntityKind::Person,
                    aliases: Box::default(),
                    mentions: Default::default(),
                },
                ArticleEntity {
                    id: "g-zurich".into(),
                    name: "Zürich".into(),
                    kind: EntityKind::Place,
                    aliases: Box::default(),
                    mentions: Default::default(),
                },
            ],
            ..Article::default()
        }]);
        let jump = JumpIndex::build(&corpus);
        let hits = jump.find("zur", 5);
        assert_eq!(hits[0].label, "Zürich");
        assert!(matches!(hits[0].target, JumpTarget::Entity(_)));
        assert_eq!(hits[0].ranges, [(0, 3)]);
        assert!(hits.iter().any(|h| h.target == JumpTarget::Article(0)));
        let emile = jump.find("emile dur", 1);
        assert_eq!(emile[0].label, "Émile Duret");
        assert_eq!(emile[0].ranges, [(0, 9)]);
        assert!(jump.find("xyz", 5).is_empty());
    }

    #[test]
    fn a_label_whose_folding_adds_chars_maps_its_ranges_back() {
        // `ß` folds to two chars, so the folded chars after it are not the label's own indices.
        let (folded, origin) = fold_with_origin("Großmann Straße");
        assert_eq!(&*folded, "grossmann strasse");
        assert_eq!(&origin[..6], [0, 1, 2, 3, 3, 4]);
        assert_eq!(label_ranges(&origin, &[3, 4, 5, 6]), [(3, 6)]);
        // A label that folds char for char keeps no map, and its ranges are the folded ones.
        let (folded, origin) = fold_with_origin("Zürich");
        assert_eq!(&*folded, "zurich");
        assert!(origin.is_empty());
        assert_eq!(label_ranges(&origin, &[0, 1, 2, 4]), [(0, 3), (4, 5)]);
        let corpus = Corpus::new(vec![Article {
            id: "a".into(),
            title: "Großmann reopens".into(),
            paragraphs: vec!["Text.".to_string()].into(),
            ..Article::default()
        }]);
        let hits = JumpIndex::build(&corpus).find("mann", 1);
        assert_eq!(hits[0].label, "Großmann reopens");
        assert_eq!(hits[0].ranges, [(4, 8)]);
    }
}
