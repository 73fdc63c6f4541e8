//! The tagger: a hashed weight table of quantised averaged-perceptron weights, Viterbi decoding
//! over BILOU labels (`crate::label`, given out as BIO tags), and the model file format.
//!
//! Two passes: the first tags each sentence; the second sees, besides the same features, the
//! first pass's tags of the token, its neighbours and the same word elsewhere in the document
//! (so one name gets one type throughout an article).
//!
//! File format (little-endian): `LEDENER1`, feature version (u32), word-list fingerprint (u64),
//! table bits (u8), labels (u8), passes (u8, 1 or 2), a reserved byte; then per pass: scale
//! (f32), count of non-zero weights (u32), the gaps between their slots as LEB128 varints, and
//! their values as zigzag LEB128 varints (i8 range: one byte a weight in memory, so that a pass's
//! table stays in a core's cache). Unlisted slots are zero. Then the word
//! clusters the features read (so the app fetches them with the model, not in its wasm):
//! count (u32), and per word in byte order its class (LEB128) and its UTF-8 bytes (length as
//! LEB128, then the bytes).

use std::collections::HashMap;

use crate::features::{
    add_first_pass_features, pair_hashes, sentence_features, DocStats, FirstPass, SentenceFeatures,
    FEATURE_VERSION,
};
use crate::label;
use crate::lexicon;
use crate::tag::Tag;
use lede_corpus::varint::{self, VarintError};

const MAGIC: &[u8; 8] = b"LEDENER1";
/// Number of labels (BILOU over the four types).
pub(crate) const L: usize = label::COUNT;
/// The previous-label index used at the start of a sentence.
pub(crate) const START: usize = L;

/// Why a model file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelError {
    /// Not a Lede NER model (wrong magic bytes).
    NotAModel,
    /// The file ends early or has a bad field; the text says which.
    Corrupt(String),
    /// The model was trained with other features or word lists than this build has.
    Mismatch(String),
}

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ModelError::NotAModel => f.write_str("not a Lede NER model file"),
            ModelError::Corrupt(s) => write!(f, "corrupt NER model: {s}"),
            ModelError::Mismatch(s) => write!(f, "NER model does not fit this build: {s}"),
        }
    }
}

impl std::error::Error for ModelError {}

/// The slot of feature `h` for label `label` in a table of `2^bits` weights.
#[inline]
pub(crate) fn slot(h: u64, label: usize, bits: u8) -> usize {
    let base = (h >> (64 - u32::from(bits))) as usize;
    (base + label) & ((1usize << bits) - 1)
}

/// One pass's quantised weights: `2^bits` slots, the real weight being `scale * value`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Table {
    /// What one unit of a stored weight is worth.
    pub scale: f32,
    /// The weights by slot.
    pub weights: Vec<i8>,
}

impl Table {
    /// Best tags for one sentence's features.
    pub fn decode(&self, bits: u8, f: &SentenceFeatures) -> Vec<Tag> {
        let rows = |h: &[u64], acc: &mut [f32; L]| add_rows(&self.weights, h, bits, acc);
        label::to_tags(&viterbi(f, rows))
    }

    /// The same weights on a coarser scale: the largest becomes `±max`, the rest are rounded
    /// to it (those that round to 0 are dropped).
    fn requantised(&self, max: i8) -> Table {
        let top = self
            .weights
            .iter()
            .map(|w| w.unsigned_abs())
            .max()
            .unwrap_or(0);
        if top == 0 || max <= 0 {
            return self.clone();
        }
        let ratio = f64::from(max) / f64::from(top);
        let weights = self
            .weights
            .iter()
            .map(|&w| (f64::from(w) * ratio).round() as i8)
            .collect();
        Table {
            scale: (f64::from(self.scale) / ratio) as f32,
            weights,
        }
    }

    fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.scale.to_le_bytes());
        let nonzero: Vec<usize> = (0..self.weights.len())
            .filter(|&s| self.weights[s] != 0)
            .collect();
        out.extend_from_slice(&(nonzero.len() as u32).to_le_bytes());
        let mut prev = 0;
        for (k, &s) in nonzero.iter().enumerate() {
            varint::write(out, (if k == 0 { s } else { s - prev }) as u64);
            prev = s;
        }
        for &s in &nonzero {
            let v = i64::from(self.weights[s]);
            varint::write(out, ((v << 1) ^ (v >> 63)) as u64);
        }
    }

    fn read(r: &mut Reader<'_>, bits: u8) -> Result<Table, ModelError> {
        let scale = f32::from_le_bytes(r.take(4)?.try_into().expect("4 bytes"));
        if !(scale.is_finite() && scale > 0.0) {
            return Err(ModelError::Corrupt(format!("scale {scale}")));
        }
        let count = r.u32()? as usize;
        let size = 1usize << bits;
        if count > size {
            return Err(ModelError::Corrupt(format!(
                "{count} weights in {size} slots"
            )));
        }
        let mut slots = Vec::with_capacity(count);
        let mut at = 0usize;
        for k in 0..count {
            let gap = r.varint()? as usize;
            at = if k == 0 { gap } else { at.saturating_add(gap) };
            if at >= size || (k > 0 && gap == 0) {
                return Err(ModelError::Corrupt(format!(
                    "slot {at} out of order or range"
                )));
            }
            slots.push(at);
        }
        let mut weights = vec![0i8; size];
        for &s in &slots {
            let z = r.varint()?;
            let v = ((z >> 1) as i64) ^ -((z & 1) as i64);
            weights[s] = i8::try_from(v)
                .map_err(|_| ModelError::Corrupt(format!("weight {v} out of range")))?;
        }
        Ok(Table { scale, weights })
    }
}

/// The named-entity tagger: averaged-perceptron weights over hashed features, in one or two
/// passes.
#[derive(Debug, Clone, PartialEq)]
pub struct Tagger {
    bits: u8,
    clusters: HashMap<String, u16>,
    first: Table,
    second: Option<Table>,
}

impl Tagger {
    /// A tagger from its tables (each `2^bits` weights).
    pub(crate) fn from_tables(
        bits: u8,
        first: Table,
        second: Option<Table>,
        clusters: HashMap<String, u16>,
    ) -> Tagger {
        Tagger {
            bits,
            clusters,
            first,
            second,
        }
    }

    /// Reads a model file (see the module docs for the format).
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(8)? != MAGIC {
            return Err(ModelError::NotAModel);
        }
        let version = r.u32()?;
        if version != FEATURE_VERSION {
            return Err(ModelError::Mismatch(format!(
                "feature version {version}, this build has {FEATURE_VERSION}"
            )));
        }
        let fp = r.u64()?;
        if fp != lexicon::fingerprint() {
            return Err(ModelError::Mismatch(
                "trained with other word lists (retrain after regenerating data/)".into(),
            ));
        }
        let head = r.take(4)?;
        let (bits, labels, passes) = (head[0], head[1], head[2]);
        if !(10..=26).contains(&bits) {
            return Err(ModelError::Corrupt(format!("table bits {bits}")));
        }
        if usize::from(labels) != L {
            return Err(ModelError::Mismatch(format!(
                "{labels} labels, expected {L}"
            )));
        }
        if !(1..=2).contains(&passes) {
            return Err(ModelError::Corrupt(format!("{passes} passes")));
        }
        let first = Table::read(&mut r, bits)?;
        let second = if passes == 2 {
            Some(Table::read(&mut r, bits)?)
        } else {
            None
        };
        let count = r.u32()? as usize;
        let mut clusters = HashMap::with_capacity(count.min(1 << 20));
        for _ in 0..count {
            let class = u16::try_from(r.varint()?)
                .map_err(|_| ModelError::Corrupt("cluster class out of range".into()))?;
            let len = r.varint()? as usize;
            let word = std::str::from_utf8(r.take(len)?)
                .map_err(|_| ModelError::Corrupt("cluster word not UTF-8".into()))?;
            clusters.insert(word.to_string(), class);
        }
        if r.at != bytes.len() {
            return Err(ModelError::Corrupt("trailing bytes".into()));
        }
        Ok(Tagger {
            bits,
            clusters,
            first,
            second,
        })
    }

    /// Writes the model file.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
        out.extend_from_slice(&lexicon::fingerprint().to_le_bytes());
        let passes = if self.second.is_some() { 2 } else { 1 };
        out.extend_from_slice(&[self.bits, L as u8, passes, 0]);
        self.first.write(&mut out);
        if let Some(t) = &self.second {
            t.write(&mut out);
        }
        let mut words: Vec<(&String, &u16)> = self.clusters.iter().collect();
        words.sort();
        out.extend_from_slice(&(words.len() as u32).to_le_bytes());
        for (w, &k) in words {
            varint::write(&mut out, u64::from(k));
            varint::write(&mut out, w.len() as u64);
            out.extend_from_slice(w.as_bytes());
        }
        out
    }

    /// The tagger with its weights requantised to `-max..=max` (a smaller file: fewer distinct
    /// values, and weights too small for the scale dropped). `max` of 0 or less keeps them.
    pub fn requantised(&self, max: i8) -> Tagger {
        Tagger {
            bits: self.bits,
            clusters: self.clusters.clone(),
            first: self.first.requantised(max),
            second: self.second.as_ref().map(|t| t.requantised(max)),
        }
    }

    /// Number of words with a cluster.
    pub fn cluster_words(&self) -> usize {
        self.clusters.len()
    }

    /// The model compiled into the crate (`model/ner.bin`). Parses it on each call: keep the
    /// result.
    #[cfg(feature = "bundled-model")]
    pub fn bundled() -> Tagger {
        Tagger::from_bytes(BUNDLED).expect("the bundled model matches this build")
    }

    /// Number of non-zero weights over both passes.
    pub fn nonzero_weights(&self) -> usize {
        [Some(&self.first), self.second.as_ref()]
            .into_iter()
            .flatten()
            .map(|t| t.weights.iter().filter(|&&w| w != 0).count())
            .sum()
    }

    /// Tags one sentence of tokens (CoNLL tokenization: see [`crate::tokenize`]), taking the
    /// sentence as its whole document.
    pub fn tag(&self, tokens: &[&str]) -> Vec<Tag> {
        self.tag_document(&[tokens.to_vec()])
            .pop()
            .unwrap_or_default()
    }

    /// Tags the sentences of one document; words seen elsewhere in the document inform each
    /// other (a word written lowercase elsewhere is less likely a name, and the second pass
    /// sees what the first made of the same word elsewhere).
    pub fn tag_document(&self, sentences: &[Vec<&str>]) -> Vec<Vec<Tag>> {
        let refs: Vec<&[&str]> = sentences.iter().map(Vec::as_slice).collect();
        let doc = DocStats::new(&refs);
        let mut features: Vec<SentenceFeatures> = refs
            .iter()
            .map(|s| sentence_features(s, &doc, &self.clusters))
            .collect();
        let first: Vec<Vec<Tag>> = features
            .iter()
            .map(|f| self.first.decode(self.bits, f))
            .collect();
        let Some(second) = &self.second else {
            return first;
        };
        let fp = FirstPass::new(&refs, &first);
        features
            .iter_mut()
            .zip(refs.iter().zip(&first))
            .map(|(f, (s, tags))| {
                add_first_pass_features(s, tags, &fp, f);
                second.decode(self.bits, f)
            })
            .collect()
    }
}

#[cfg(feature = "bundled-model")]
static BUNDLED: &[u8] = include_bytes!("../model/ner.bin");

/// Adds to `acc` the `L` weights (one per label, in consecutive slots, wrapping at the table's
/// end) of each feature in `hashes`, summed as whole numbers first (which vectorises).
#[inline]
pub(crate) fn add_rows(weights: &[i8], hashes: &[u64], bits: u8, acc: &mut [f32; L]) {
    let mut sum = [0i32; L];
    for &h in hashes {
        let base = slot(h, 0, bits);
        if let Some(row) = weights.get(base..base + L) {
            for (s, &w) in sum.iter_mut().zip(row) {
                *s += i32::from(w);
            }
        } else {
            for (c, s) in sum.iter_mut().enumerate() {
                *s += i32::from(weights[slot(h, c, bits)]);
            }
        }
    }
    for (a, s) in acc.iter_mut().zip(sum) {
        *a += s as f32;
    }
}

/// Best label sequence among those [`label::may_follow`] and [`label::may_end`] allow, under
/// weights that `rows(hashes, acc)` adds to `acc` for features `hashes`, one per label.
pub(crate) fn viterbi(f: &SentenceFeatures, rows: impl Fn(&[u64], &mut [f32; L])) -> Vec<usize> {
    let n = f.emit.len();
    if n == 0 {
        return Vec::new();
    }
    let mut allowed = [[false; L]; L + 1];
    for (p, a) in allowed.iter_mut().enumerate() {
        for (c, ok) in a.iter_mut().enumerate() {
            *ok = label::may_follow(c, (p < L).then_some(p));
        }
    }
    let mut score = vec![[f32::NEG_INFINITY; L]; n];
    let mut back = vec![[0usize; L]; n];
    for i in 0..n {
        let mut emit = [0f32; L];
        rows(&f.emit[i], &mut emit);
        let prevs: &[usize] = if i == 0 { &[START] } else { &PREVS };
        for &p in prevs {
            let base = if i == 0 { 0.0 } else { score[i - 1][p] };
            if base == f32::NEG_INFINITY {
                continue;
            }
            let mut pair = [0f32; L];
            rows(&pair_hashes(f.pair_key[i], p), &mut pair);
            for c in 0..L {
                if !allowed[p][c] {
                    continue;
                }
                let s = base + emit[c] + pair[c];
                if s > score[i][c] {
                    score[i][c] = s;
                    back[i][c] = p;
                }
            }
        }
    }
    let mut best = 0;
    for c in (1..L).filter(|&c| label::may_end(c)) {
        if score[n - 1][c] > score[n - 1][best] {
            best = c;
        }
    }
    let mut out = vec![0; n];
    out[n - 1] = best;
    for i in (1..n).rev() {
        out[i - 1] = back[i][out[i]];
    }
    out
}

const PREVS: [usize; L] = {
    let mut p = [0; L];
    let mut k = 0;
    while k < L {
        p[k] = k;
        k += 1;
    }
    p
};

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| ModelError::Corrupt("file ends early".into()))?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }

    fn u64(&mut self) -> Result<u64, ModelError> {
        Ok(u64::from_le_bytes(
            self.take(8)?.try_into().expect("8 bytes"),
        ))
    }

    fn varint(&mut self) -> Result<u64, ModelError> {
        varint::read_u64(self.bytes, &mut self.at).map_err(|e| match e {
            VarintError::Truncated => ModelError::Corrupt("file ends early".into()),
            VarintError::Overflow => ModelError::Corrupt("varint too long".into()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tag::EntityType;

    #[test]
    fn model_bytes_round_trip_and_bad_files_are_refused() {
        let mut weights = vec![0i8; 1 << 12];
        weights[3] = -7;
        weights[4] = 100;
        weights[4000] = i8::MIN + 1;
        let first = Table {
            scale: 0.5,
            weights: weights.clone(),
        };
        weights[5] = 1;
        let second = Table {
            scale: 0.25,
            weights,
        };
        let clusters: HashMap<String, u16> =
            [("Oslo".to_string(), 3), ("Zürich".to_string(), 300)].into();
        let t = Tagger::from_tables(12, first.clone(), None, HashMap::new());
        let two = Tagger::from_tables(12, first, Some(second), clusters);
        assert_eq!(Tagger::from_bytes(&two.to_bytes()).unwrap(), two);
        assert_eq!(two.nonzero_weights(), 7);
        let bytes = t.to_bytes();
        assert_eq!(Tagger::from_bytes(&bytes).unwrap(), t);
        assert_eq!(t.nonzero_weights(), 3);
        assert_eq!(Tagger::from_bytes(b"nonsense"), Err(ModelError::NotAModel));
        assert!(matches!(
            Tagger::from_bytes(&bytes[..bytes.len() - 1]),
            Err(ModelError::Corrupt(_))
        ));
        let mut other = bytes.clone();
        other[12] ^= 1; // the fingerprint
        assert!(matches!(
            Tagger::from_bytes(&other),
            Err(ModelError::Mismatch(_))
        ));
    }

    #[test]
    fn requantising_keeps_the_weights_in_proportion_and_drops_the_smallest() {
        let mut weights = vec![0i8; 1 << 10];
        let written = [(1, 120), (2, -60), (3, 1), (4, 3), (5, -127)];
        for (s, w) in written {
            weights[s] = w;
        }
        let first = Table {
            scale: 0.001,
            weights,
        };
        let t = Tagger::from_tables(10, first.clone(), Some(first), HashMap::new());
        let q = t.requantised(31);
        for table in [&q.first, q.second.as_ref().unwrap()] {
            for (s, w) in written {
                // One unit of the new scale is 127 / 31 old units.
                let expected = (f64::from(w) * 31.0 / 127.0).round() as i8;
                assert_eq!(table.weights[s], expected, "slot {s}");
                let real = f64::from(table.scale) * f64::from(table.weights[s]);
                let unit = f64::from(table.scale);
                assert!((real - 0.001 * f64::from(w)).abs() <= unit / 2.0 + 1e-9);
            }
        }
        assert_eq!(q.first.weights[3], 0, "1 old unit rounds to nothing");
        assert_eq!(q.nonzero_weights(), 2 * 4);
        assert_eq!(Tagger::from_bytes(&q.to_bytes()).unwrap(), q);
        assert!(q.to_bytes().len() < t.to_bytes().len());
        assert_eq!(t.requantised(0), t, "0 keeps the weights");
    }

    #[test]
    fn viterbi_keeps_bilou_valid() {
        // Weights that prefer I-PER (label 2) everywhere still give B-PER first and L-PER last.
        let f = SentenceFeatures {
            emit: vec![vec![1], vec![2], vec![3]],
            pair_key: vec![[0, 0]; 3],
        };
        let out = viterbi(&f, |h, acc| acc[2] += h.len() as f32);
        let names: Vec<&str> = out.iter().map(|&c| label::name(c)).collect();
        assert_eq!(names, ["B-PER", "I-PER", "L-PER"]);
        assert_eq!(
            label::to_tags(&out),
            [
                Tag::B(EntityType::Per),
                Tag::I(EntityType::Per),
                Tag::I(EntityType::Per)
            ]
        );
    }
}
