//! The tagger's features: hashed strings built from a token, its neighbours, the word lists and
//! the rest of the document. Training and tagging call the same code.

use std::collections::HashMap;

use lede_text::word_lists::NAME_CONNECTORS as CONNECTORS;

use crate::clusters::cluster_of;
use crate::hash::{feature, mix};
use crate::lexicon::{self, contains, lexicon, LOC_CUES, ORG_CUES, TITLES};
use crate::tag::Tag;

/// Bump when any feature changes: a model records the version it was trained with.
pub(crate) const FEATURE_VERSION: u32 = 5;

const T_BIAS: u8 = 0;
const T_WORD: u8 = 1;
const T_LOWER: u8 = 2;
const T_SHAPE: u8 = 3;
const T_LONG_SHAPE: u8 = 4;
const T_PREFIX: u8 = 5;
const T_SUFFIX: u8 = 6;
const T_FLAG: u8 = 7;
const T_CONTEXT_WORD: u8 = 8;
const T_CONTEXT_SHAPE: u8 = 9;
const T_BIGRAM: u8 = 10;
const T_SHAPE3: u8 = 11;
const T_GAZ: u8 = 12;
const T_NAME: u8 = 13;
const T_RUN: u8 = 14;
const T_DOC: u8 = 15;
const T_TRANS: u8 = 16;
const T_PAIR_SHAPE: u8 = 17;
const T_HEADLINE_WORD: u8 = 18;
const T_FIRST_PASS: u8 = 19;
const T_CLUSTER: u8 = 20;

/// Per-document counts: how often a word (folded) appears lowercase, and capitalised inside a
/// sentence (not first, not in an all-caps line).
#[derive(Debug, Default)]
pub(crate) struct DocStats {
    counts: HashMap<String, (u32, u32)>,
}

/// How one occurrence counts towards [`DocStats`].
fn occurrence(tokens: &[&str], i: usize, headline: bool) -> (u32, u32) {
    let Some(first) = tokens[i].chars().next() else {
        return (0, 0);
    };
    if first.is_lowercase() {
        return (1, 0);
    }
    let after_start = i > 0 && !matches!(tokens[i - 1], "\"" | "(" | "-" | ":" | "'");
    if first.is_uppercase() && after_start && !headline {
        return (0, 1);
    }
    (0, 0)
}

impl DocStats {
    /// Counts the words of a document's sentences.
    pub fn new(sentences: &[&[&str]]) -> Self {
        let mut counts: HashMap<String, (u32, u32)> = HashMap::new();
        for s in sentences {
            let headline = is_headline(s);
            for i in 0..s.len() {
                let (l, c) = occurrence(s, i, headline);
                if l + c > 0 {
                    let e = counts.entry(lexicon::key(&[s[i]])).or_default();
                    e.0 += l;
                    e.1 += c;
                }
            }
        }
        DocStats { counts }
    }
}

/// True for a line in capitals (a headline or a dateline): most of its words have no lowercase.
pub(crate) fn is_headline(tokens: &[&str]) -> bool {
    let mut words = 0;
    let mut caps = 0;
    for t in tokens {
        if t.chars().next().is_some_and(char::is_alphabetic) {
            words += 1;
            if !t.chars().any(char::is_lowercase) {
                caps += 1;
            }
        }
    }
    words > 0 && caps * 4 >= words * 3
}

/// Features of one sentence: per token the emission feature hashes, and the key that pairs
/// with the previous tag.
#[derive(Debug, Default)]
pub(crate) struct SentenceFeatures {
    /// Emission feature hashes, per token.
    pub emit: Vec<Vec<u64>>,
    /// Per token: the hash the previous-tag features combine with.
    pub pair_key: Vec<[u64; 2]>,
}

/// The previous-label features of a token for previous label `prev` (`label::COUNT` = start).
pub(crate) fn pair_hashes(pair_key: [u64; 2], prev: usize) -> [u64; 3] {
    let p = (prev as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    [
        mix(u64::from(T_TRANS) ^ p),
        mix(pair_key[0] ^ p),
        mix(pair_key[1] ^ p),
    ]
}

/// Word shape with runs collapsed: `Xx`, `X.X.`, `d-d`.
pub(crate) fn short_shape(w: &str) -> String {
    let mut out = String::new();
    let mut last = None;
    for c in w.chars().map(shape_char) {
        if Some(c) != last {
            out.push(c);
            last = Some(c);
        }
    }
    out
}

/// Word shape with runs cut to four: `Xxxx`, `XX`, `dddd`.
fn long_shape(w: &str) -> String {
    let mut out = String::new();
    let mut last = None;
    let mut run = 0;
    for c in w.chars().map(shape_char) {
        if Some(c) == last {
            run += 1;
        } else {
            run = 1;
            last = Some(c);
        }
        if run <= 4 {
            out.push(c);
        }
    }
    out
}

fn shape_char(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else if c.is_alphabetic() {
        'a'
    } else {
        c
    }
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn strip_dot(w: &str) -> &str {
    w.strip_suffix('.').unwrap_or(w)
}

/// Computes the features of `tokens` (one sentence) within a document described by `doc`.
/// `clusters` maps words to their class (the model carries them).
pub(crate) fn sentence_features(
    tokens: &[&str],
    doc: &DocStats,
    clusters: &HashMap<String, u16>,
) -> SentenceFeatures {
    let n = tokens.len();
    let lx = lexicon();
    let lower: Vec<String> = tokens
        .iter()
        .map(|t| t.to_lowercase().replace('’', "'"))
        .collect();
    let folded: Vec<String> = tokens.iter().map(|t| lexicon::key(&[*t])).collect();
    let shapes: Vec<String> = tokens.iter().map(|t| short_shape(t)).collect();
    let headline = is_headline(tokens);
    let cluster: Vec<String> = tokens
        .iter()
        .map(|t| cluster_of(clusters, t).map_or_else(|| "-".to_string(), |k| k.to_string()))
        .collect();
    let cluster_at = |i: isize| -> &str {
        if i < 0 || i as usize >= n {
            "<s>"
        } else {
            &cluster[i as usize]
        }
    };

    // Gazetteer matches: the longest place name starting at each token.
    let mut gaz: Vec<Vec<(u8, char)>> = vec![Vec::new(); n];
    for s in 0..n {
        if !(is_cap(tokens[s])) {
            continue;
        }
        let max = lx.max_place_tokens.min(n - s);
        for len in (1..=max).rev() {
            if !is_cap(tokens[s + len - 1]) {
                continue;
            }
            let key = folded[s..s + len].join(" ");
            if let Some(&bits) = lx.places.get(&key) {
                for (k, g) in gaz[s..s + len].iter_mut().enumerate() {
                    let pos = match (len, k) {
                        (1, _) => 'U',
                        (_, 0) => 'B',
                        (_, k) if k + 1 == len => 'L',
                        _ => 'I',
                    };
                    g.push((bits, pos));
                }
                break;
            }
        }
    }

    // Capitalised runs (`Bank of Norland`), connectors allowed inside.
    let mut run_of: Vec<Option<(usize, usize)>> = vec![None; n];
    if !headline {
        let mut i = 0;
        while i < n {
            if !is_cap(tokens[i]) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            loop {
                if j < n && is_cap(tokens[j]) {
                    j += 1;
                } else if j + 1 < n && contains(CONNECTORS, &lower[j]) && is_cap(tokens[j + 1]) {
                    j += 2;
                } else {
                    break;
                }
            }
            for r in run_of[i..j].iter_mut() {
                *r = Some((i, j));
            }
            i = j;
        }
    }

    let word_at = |i: isize| -> &str {
        if i < 0 {
            "<s>"
        } else if i as usize >= n {
            "</s>"
        } else {
            &lower[i as usize]
        }
    };
    let shape_at = |i: isize| -> &str {
        if i < 0 {
            "<s>"
        } else if i as usize >= n {
            "</s>"
        } else {
            &shapes[i as usize]
        }
    };

    let mut out = SentenceFeatures {
        emit: Vec::with_capacity(n),
        pair_key: Vec::with_capacity(n),
    };
    for i in 0..n {
        let w = tokens[i];
        let lw = lower[i].as_str();
        let ii = i as isize;
        let mut f: Vec<u64> = Vec::with_capacity(64);
        let flag = |name: &str, f: &mut Vec<u64>| f.push(feature(T_FLAG, &[name]));
        f.push(feature(T_BIAS, &[]));
        f.push(feature(T_WORD, &[w]));
        f.push(feature(T_LOWER, &[lw]));
        f.push(feature(T_SHAPE, &[&shapes[i]]));
        f.push(feature(T_LONG_SHAPE, &[&long_shape(w)]));
        let chars: Vec<char> = lw.chars().collect();
        for k in 1..=4.min(chars.len()) {
            let pre: String = chars[..k].iter().collect();
            let suf: String = chars[chars.len() - k..].iter().collect();
            f.push(feature(T_PREFIX, &[&pre]));
            f.push(feature(T_SUFFIX, &[&suf]));
        }
        let cap = is_cap(w);
        let all_caps = w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase);
        if cap {
            flag("cap", &mut f);
            flag(if i == 0 { "cap-first" } else { "cap-inner" }, &mut f);
        }
        if all_caps {
            flag("allcaps", &mut f);
            if chars.len() <= 5 {
                flag("acronym-length", &mut f);
            }
        }
        if w.chars().any(|c| c.is_ascii_digit()) {
            flag("digit", &mut f);
        }
        if w.contains('-') {
            flag("hyphen", &mut f);
        }
        if i == 0 {
            flag("first", &mut f);
        }
        if i > 0 && tokens[i - 1] == "\"" {
            flag("after-quote", &mut f);
        }
        if headline {
            flag("headline", &mut f);
            f.push(feature(T_HEADLINE_WORD, &[lw]));
        }
        for d in [-2isize, -1, 1, 2] {
            let ds = d.to_string();
            f.push(feature(T_CONTEXT_WORD, &[&ds, word_at(ii + d)]));
            f.push(feature(T_CONTEXT_SHAPE, &[&ds, shape_at(ii + d)]));
        }
        f.push(feature(T_BIGRAM, &["-1", word_at(ii - 1), lw]));
        f.push(feature(T_BIGRAM, &["+1", lw, word_at(ii + 1)]));
        f.push(feature(
            T_SHAPE3,
            &[shape_at(ii - 1), &shapes[i], shape_at(ii + 1)],
        ));

        // Word clusters of the token and its neighbours.
        for d in [-2isize, -1, 0, 1, 2] {
            let ds = d.to_string();
            f.push(feature(T_CLUSTER, &[&ds, cluster_at(ii + d)]));
        }
        f.push(feature(
            T_CLUSTER,
            &["-1,0", cluster_at(ii - 1), cluster_at(ii)],
        ));
        f.push(feature(
            T_CLUSTER,
            &["0,+1", cluster_at(ii), cluster_at(ii + 1)],
        ));
        f.push(feature(T_CLUSTER, &["shape", cluster_at(ii), &shapes[i]]));
        if cap {
            // How the news text writes the word: capitalised, lowercase, both or neither.
            let low = clusters.get(lw);
            let title = cluster[i] != "-" && (low.is_none() || clusters.contains_key(w));
            let case = match (title, low.is_some()) {
                (true, true) => "both",
                (true, false) => "title",
                (false, true) => "lower",
                (false, false) => "none",
            };
            f.push(feature(T_CLUSTER, &["case", case]));
            if let Some(k) = low {
                f.push(feature(T_CLUSTER, &["low", &k.to_string()]));
            }
        }

        // Gazetteers and name lists.
        for &(bits, pos) in &gaz[i] {
            f.push(feature(T_GAZ, &[&bits.to_string(), &pos.to_string()]));
            f.push(feature(T_GAZ, &["any", &pos.to_string()]));
        }
        let first_name = |k: usize| is_cap(tokens[k]) && lx.first_names.contains(&folded[k]);
        if first_name(i) {
            f.push(feature(T_NAME, &["first"]));
            if i + 1 < n && is_cap(tokens[i + 1]) {
                f.push(feature(T_NAME, &["first+cap"]));
            }
        }
        if i > 0 && cap && first_name(i - 1) {
            f.push(feature(T_NAME, &["after-first"]));
        }
        if i > 0 && contains(TITLES, strip_dot(word_at(ii - 1))) {
            f.push(feature(T_NAME, &["title-1"]));
        }
        if i > 1 && contains(TITLES, strip_dot(word_at(ii - 2))) {
            f.push(feature(T_NAME, &["title-2"]));
        }
        if contains(TITLES, strip_dot(lw)) {
            f.push(feature(T_NAME, &["title"]));
        }

        // The capitalised run around the token, and the cue words in or after it.
        if let Some((a, b)) = run_of[i] {
            let len = (b - a).min(4).to_string();
            let pos = match (b - a, i) {
                (1, _) => "U",
                (_, k) if k == a => "B",
                (_, k) if k + 1 == b => "L",
                _ => "I",
            };
            f.push(feature(T_RUN, &["pos", pos, &len]));
            let cue = |k: usize, list: &[&str]| contains(list, strip_dot(&lower[k]));
            if (a..b).any(|k| cue(k, ORG_CUES)) {
                f.push(feature(T_RUN, &["org-in"]));
            }
            if cue(b - 1, ORG_CUES) {
                f.push(feature(T_RUN, &["org-end"]));
            }
            if b < n && cue(b, ORG_CUES) {
                f.push(feature(T_RUN, &["org-after"]));
            }
            if cue(b - 1, LOC_CUES) {
                f.push(feature(T_RUN, &["loc-end"]));
            }
            if a > 0 && contains(TITLES, strip_dot(&lower[a - 1])) {
                f.push(feature(T_RUN, &["after-title"]));
            }
            if first_name(a) && b - a >= 2 {
                f.push(feature(T_RUN, &["first-name-start"]));
            }
        }

        // The rest of the document: is the word written lowercase, or capitalised mid-sentence?
        if w.chars().next().is_some_and(char::is_alphabetic) {
            let (own_l, own_c) = occurrence(tokens, i, headline);
            let (l, c) = doc.counts.get(&folded[i]).copied().unwrap_or((0, 0));
            let (l, c) = (l.saturating_sub(own_l), c.saturating_sub(own_c));
            let v = match (l > 0, c > 0) {
                (false, false) => "none",
                (true, false) => "lower",
                (false, true) => "cap",
                (true, true) => "both",
            };
            f.push(feature(T_DOC, &[v]));
            f.push(feature(T_DOC, &[v, if cap { "C" } else { "c" }]));
        }
        out.emit.push(f);
        out.pair_key.push([
            feature(T_PAIR_SHAPE, &[&shapes[i]]),
            feature(T_PAIR_SHAPE, &["w", lw]),
        ]);
    }
    out
}

/// What the first pass tagged across a document: per capitalised word (folded), how often each
/// of O, PER, ORG, LOC, MISC; and how often it stood inside a longer entity of each type.
#[derive(Debug, Default)]
pub(crate) struct FirstPass {
    words: HashMap<String, [u32; 5]>,
    inner: HashMap<String, [u32; 5]>,
}

/// The first-pass label of a tag: 0 for O, 1 + type otherwise.
fn type_slot(t: Tag) -> usize {
    t.entity_type().map_or(0, |ty| 1 + ty as usize)
}

/// Per token of a sentence: its type slot and whether it is inside a multi-token entity.
fn first_pass_marks(tokens: &[&str], tags: &[Tag]) -> Vec<Option<(usize, bool)>> {
    let mut out: Vec<Option<(usize, bool)>> = tokens
        .iter()
        .zip(tags)
        .map(|(t, &tag)| is_cap(t).then_some((type_slot(tag), false)))
        .collect();
    for s in crate::tag::spans(tags) {
        if s.end - s.start > 1 {
            for m in out[s.start..s.end].iter_mut().flatten() {
                m.1 = true;
            }
        }
    }
    out
}

impl FirstPass {
    /// Counts the first-pass tags of a document's sentences.
    pub fn new(sentences: &[&[&str]], tags: &[Vec<Tag>]) -> Self {
        let mut fp = FirstPass::default();
        for (s, t) in sentences.iter().zip(tags) {
            for (i, m) in first_pass_marks(s, t).into_iter().enumerate() {
                let Some((slot, inner)) = m else { continue };
                let key = lexicon::key(&[s[i]]);
                if inner {
                    fp.inner.entry(key.clone()).or_default()[slot] += 1;
                }
                fp.words.entry(key).or_default()[slot] += 1;
            }
        }
        fp
    }
}

const TYPE_NAMES: [&str; 5] = ["O", "PER", "ORG", "LOC", "MISC"];

/// Adds the second-pass features to `f`: the token's own first-pass tag and its neighbours',
/// and what the first pass said about the same word elsewhere in the document.
pub(crate) fn add_first_pass_features(
    tokens: &[&str],
    tags: &[Tag],
    fp: &FirstPass,
    f: &mut SentenceFeatures,
) {
    let marks = first_pass_marks(tokens, tags);
    let tag_at = |i: isize| -> String {
        if i < 0 || i as usize >= tags.len() {
            "-".to_string()
        } else {
            tags[i as usize].to_string()
        }
    };
    for (i, emit) in f.emit.iter_mut().enumerate() {
        let ii = i as isize;
        let own = tag_at(ii);
        emit.push(feature(T_FIRST_PASS, &["own", &own]));
        emit.push(feature(T_FIRST_PASS, &["prev", &tag_at(ii - 1), &own]));
        emit.push(feature(T_FIRST_PASS, &["next", &own, &tag_at(ii + 1)]));
        let Some((slot, inner)) = marks[i] else {
            continue;
        };
        let key = lexicon::key(&[tokens[i]]);
        let mut words = fp.words.get(&key).copied().unwrap_or_default();
        words[slot] = words[slot].saturating_sub(1);
        let mut inside = fp.inner.get(&key).copied().unwrap_or_default();
        if inner {
            inside[slot] = inside[slot].saturating_sub(1);
        }
        let total: u32 = words.iter().sum();
        let best = (0..5).max_by_key(|&k| (words[k], 5 - k)).unwrap_or(0);
        let majority = if total == 0 { "none" } else { TYPE_NAMES[best] };
        emit.push(feature(T_FIRST_PASS, &["maj", majority]));
        emit.push(feature(
            T_FIRST_PASS,
            &["maj-own", majority, TYPE_NAMES[slot]],
        ));
        for k in 1..5 {
            if words[k] > 0 {
                emit.push(feature(T_FIRST_PASS, &["seen", TYPE_NAMES[k]]));
            }
            if inside[k] > 0 {
                emit.push(feature(T_FIRST_PASS, &["inner", TYPE_NAMES[k]]));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(short_shape("Kabul"), "Xx");
        assert_eq!(short_shape("U.S."), "X.X.");
        assert_eq!(short_shape("1996-08-22"), "d-d-d");
        assert_eq!(long_shape("Kabul"), "Xxxxx");
        assert_eq!(long_shape("Constantinople"), "Xxxxx");
        assert_eq!(long_shape("NATO"), "XXXX");
    }

    #[test]
    fn headlines_and_document_counts() {
        assert!(is_headline(&["RAIN", "FALLS", "ON", "Oslo"]));
        assert!(!is_headline(&["Rain", "falls", "on", "Oslo"]));
        let s1 = ["The", "harbour", "opened", "."];
        let s2 = ["Harbour", "staff", "met", "Vale", "."];
        let doc = DocStats::new(&[&s1, &s2]);
        assert_eq!(doc.counts.get("harbour"), Some(&(1, 0)));
        assert_eq!(doc.counts.get("vale"), Some(&(0, 1)));
        let f = sentence_features(&s2, &doc, &HashMap::new());
        assert_eq!(f.emit.len(), 5);
        assert!(f.emit[0].contains(&feature(T_DOC, &["lower"])));
        assert!(f.emit[3].contains(&feature(T_DOC, &["none"])));
    }
}
