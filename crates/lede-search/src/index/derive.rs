//! A pack's postings derived from its corpus with its term dictionary: [`Deriver`] takes the
//! articles one at a time as they arrive (the pack reader feeds it between downloaded chunks,
//! so deriving overlaps the transfer), and writes every record straight into its final place,
//! each term's room known from the postings lengths the pack stores.

use lede_corpus::{Article, Corpus};

use super::build::{Builder, Sink, Terms};
use super::term_ids::DictionaryIds;
use super::{IndexParts, TermDictionary};

/// The postings of a corpus as its articles come, with a pack's term ids.
pub(crate) struct Deriver {
    builder: Builder,
}

impl Deriver {
    /// A deriver for the term ids of `terms` (a pack's dictionary, ids in lexicographic order)
    /// and each term's postings length in bytes (`lengths`), with the postings' room taken
    /// now, exactly: the caller bounds `lengths`' sum (it may come from forged bytes). The
    /// error names lengths that do not fit the dictionary.
    pub(crate) fn new(terms: TermDictionary, lengths: &[u32]) -> Result<Deriver, String> {
        if lengths.len() != terms.len() {
            return Err(format!(
                "it has {} postings lengths for {} terms",
                lengths.len(),
                terms.len()
            ));
        }
        let total: u64 = lengths.iter().map(|&l| u64::from(l)).sum();
        if total > u64::from(u32::MAX) {
            return Err("its postings are larger than 4 GiB".into());
        }
        let mut offsets = Vec::with_capacity(lengths.len() + 1);
        offsets.push(0u32);
        let mut at = 0u32;
        for &l in lengths {
            at += l;
            offsets.push(at);
        }
        let sink = Sink::InPlace {
            postings: vec![0; total as usize],
            offsets,
            overflow: None,
        };
        let ids = DictionaryIds::new(&terms);
        let n_terms = terms.len();
        let terms = Terms::Dictionary {
            ids,
            terms,
            unknown: None,
        };
        let mut builder = Builder::new(terms, sink, n_terms);
        builder.give_room();
        Ok(Deriver { builder })
    }

    /// Adds the next article (articles come in corpus order).
    pub(crate) fn add(&mut self, a: &Article) {
        self.builder.add_article(a, &mut Vec::new());
    }

    /// Room for the field lengths of `n` more articles (bounded by the caller).
    pub(crate) fn reserve(&mut self, n: usize) {
        self.builder.reserve_articles(n);
    }

    /// The postings of the `n_docs` articles added, of the corpus whose [`Index::fingerprint`]
    /// (crate::Index::fingerprint) is `fingerprint`: what [`Index::build`](crate::Index::build)
    /// gives. The error names a word of the corpus outside the dictionary, a term of the
    /// dictionary no article has, or lengths the corpus does not give.
    pub(crate) fn finish(self, n_docs: u32, fingerprint: u64) -> Result<IndexParts, String> {
        self.builder.finish(n_docs, fingerprint)
    }
}

/// Bytes of every text of `corpus` that is indexed (title, paragraphs, quote texts, speaker
/// and entity names and aliases).
fn indexed_text_bytes(corpus: &Corpus) -> u64 {
    corpus
        .articles
        .iter()
        .map(|a| {
            let quotes: usize = a.quotes.iter().map(|q| q.text(&a.paragraphs).len()).sum();
            let names: usize = a
                .entities
                .iter()
                .map(|e| e.name.len() + e.aliases.iter().map(|a| a.len()).sum::<usize>())
                .sum();
            let speakers: usize = a
                .quotes
                .iter()
                .filter_map(|q| q.speaker.as_ref())
                .map(|s| s.name.len())
                .sum();
            (a.title.len() + a.paragraphs.text_len() + quotes + names + speakers) as u64
        })
        .sum()
}

/// The most postings bytes a corpus of `text` indexed bytes can give: a word of n bytes gives
/// at most one record of at most 21 bytes (article delta, head byte, a frequency, positions
/// length, position). Lengths past that are forged, and never reserved.
pub(crate) fn most_postings(text: u64) -> u64 {
    (text * 21).min(u64::from(u32::MAX))
}

/// The postings of a whole `corpus` (whose [`Index::fingerprint`](crate::Index::fingerprint)
/// is `fingerprint`) with a pack's dictionary and postings lengths (see [`Deriver::new`]);
/// lengths larger than the corpus can give are refused before any room is taken.
pub(crate) fn derive(
    corpus: &Corpus,
    fingerprint: u64,
    terms: TermDictionary,
    lengths: &[u32],
) -> Result<IndexParts, String> {
    let total: u64 = lengths.iter().map(|&l| u64::from(l)).sum();
    if total > most_postings(indexed_text_bytes(corpus)) {
        return Err(format!(
            "its postings lengths add up to {total} bytes, more than its corpus can give"
        ));
    }
    let mut d = Deriver::new(terms, lengths)?;
    d.reserve(corpus.articles.len());
    for a in &corpus.articles {
        d.add(a);
    }
    d.finish(corpus.articles.len() as u32, fingerprint)
}
