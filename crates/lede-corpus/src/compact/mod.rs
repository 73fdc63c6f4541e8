//! The corpus as compact bytes (postcard) for fast loading: the same model and the same checks
//! as the JSON format, without field names or text to scan. `lede ingest --pack` ships it.

mod records;

use crate::error::{article_error, top_error, CorpusError};
use crate::load::Assembler;
use crate::shared_str::StrPool;
use crate::varint::{self, VarintError};
use crate::{Corpus, EntitySummary};
use records::{EntityRows, Head, PackArticle, PackEntitySummary, Table};

impl Corpus {
    /// The corpus as compact bytes: records, each a varint length and postcard bytes (every
    /// field written), first the head (format, version, `annotated`, the entity table, the
    /// number of articles), then one per article. Read back with [`Corpus::from_compact_bytes`]
    /// or, as the bytes arrive, with [`CompactReader`].
    pub fn to_compact_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        let head = Head {
            format: self.format.clone(),
            version: self.version,
            annotated: self.annotated.clone(),
            entities: self
                .entities
                .iter()
                .map(PackEntitySummary::from)
                .collect::<Vec<_>>(),
            articles: self.articles.len() as u64,
        };
        let mut record = |bytes: Vec<u8>| {
            varint::write(&mut out, bytes.len() as u64);
            out.extend_from_slice(&bytes);
        };
        record(postcard::to_allocvec(&head).expect("pack records always serialise"));
        let table = Table::new(&self.entities);
        for a in &self.articles {
            let article = PackArticle::pack(a, &table);
            record(postcard::to_allocvec(&article).expect("pack records always serialise"));
        }
        out
    }

    /// Reads bytes written by [`Corpus::to_compact_bytes`] and checks them as
    /// [`Corpus::from_json`] checks JSON: errors name the article (index and id) and the field.
    pub fn from_compact_bytes(bytes: &[u8]) -> Result<Corpus, CorpusError> {
        let mut reader = CompactReader::new();
        reader.push(bytes)?;
        reader.finish()
    }
}

/// Reads compact corpus bytes piece by piece as they arrive, checking each article as soon as
/// its record is complete (the same checks as [`Corpus::from_json`]).
#[derive(Default)]
pub struct CompactReader {
    /// Bytes of a record not yet complete.
    pending: Vec<u8>,
    head: Option<(Vec<String>, Vec<EntitySummary>, u64)>,
    assembler: Assembler,
    /// Articles are kept without the checks (see [`CompactReader::verified`]).
    verified: bool,
    /// The repeated texts of the quotes and entities read so far (rule names, cues,
    /// aliases), each held once.
    texts: StrPool,
}

impl CompactReader {
    /// A reader before the first byte.
    pub fn new() -> Self {
        CompactReader::default()
    }

    /// A reader for bytes that [`Corpus::to_compact_bytes`] wrote from a checked corpus in this
    /// process: it decodes without checking the articles again. Never for bytes from the
    /// network (packs are read with [`CompactReader::new`]): an offset past its paragraph
    /// would reach the views unchecked.
    pub fn verified() -> Self {
        CompactReader {
            verified: true,
            ..CompactReader::default()
        }
    }

    /// Articles read so far.
    pub fn articles_read(&self) -> usize {
        self.assembler.len()
    }

    /// The articles read so far, each checked as it came (the corpus-wide checks, of entity
    /// references, wait for [`CompactReader::finish`]).
    pub fn articles(&self) -> &[crate::Article] {
        self.assembler.articles()
    }

    /// Reads the next piece of the bytes; an error ends the reading.
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), CorpusError> {
        if self.pending.is_empty() {
            // Straight from the chunk: only an incomplete last record is copied.
            let used = self.read_records(chunk)?;
            self.pending.extend_from_slice(&chunk[used..]);
        } else {
            let mut pending = std::mem::take(&mut self.pending);
            // A record spanning many pieces (the head, with the entity table, is megabytes)
            // gets its room at once: grown by doubling, the buffer would hold up to twice its
            // bytes, and the old and the new buffer at once.
            let whole = record_bytes(&pending).min(pending.len() + MAX_RECORD_RESERVE);
            let room = whole.max(pending.len() + chunk.len());
            pending.reserve_exact(room - pending.len());
            pending.extend_from_slice(chunk);
            let used = self.read_records(&pending)?;
            pending.drain(..used);
            if pending.capacity() > KEPT_ROOM && pending.capacity() > 2 * pending.len() {
                // The large record is read: its room is not kept beside the corpus (a wasm
                // memory keeps its peak), only the bytes of the next one.
                pending = pending.as_slice().to_vec();
            }
            self.pending = pending;
        }
        Ok(())
    }

    /// Decodes the complete records at the start of `bytes`; gives the bytes they took.
    fn read_records(&mut self, bytes: &[u8]) -> Result<usize, CorpusError> {
        let mut pos = 0;
        while let Some((start, end)) = record_at(bytes, pos)? {
            let record = &bytes[start..end];
            pos = end;
            match &self.head {
                None => {
                    let head = read_head(record)?;
                    self.assembler.reserve(head.2);
                    self.head = Some(head);
                }
                Some((_, _, n)) => {
                    let index = self.assembler.len();
                    if index as u64 >= *n {
                        return Err(top_error(
                            "articles",
                            format!("more than the {n} announced"),
                        ));
                    }
                    let article: PackArticle = postcard::from_bytes(record).map_err(|e| {
                        article_error(index, None, "", format!("not a compact article ({e})"))
                    })?;
                    let (_, entities, _) = self.head.as_ref().expect("the head is read");
                    let article = article.unpack(entities, &mut self.texts).map_err(
                        |(id, field, message)| article_error(index, Some(id), field, message),
                    )?;
                    if self.verified {
                        self.assembler.push_verified(article);
                    } else {
                        self.assembler.push(article)?;
                    }
                }
            }
        }
        Ok(pos)
    }

    /// The corpus, once the last piece is in.
    pub fn finish(self) -> Result<Corpus, CorpusError> {
        let Some((annotated, entities, n)) = self.head else {
            return Err(top_error(
                "",
                "not a compact Lede corpus (it ends before its head)",
            ));
        };
        if !self.pending.is_empty() || self.assembler.len() as u64 != n {
            return Err(top_error(
                "articles",
                format!(
                    "the bytes end inside article {} of {n}",
                    self.assembler.len()
                ),
            ));
        }
        self.assembler.finish(entities, annotated)
    }
}

/// The most room [`CompactReader::push`] takes at once for a record's announced length (which
/// may be forged) beyond the bytes it holds.
const MAX_RECORD_RESERVE: usize = 64 << 20;
/// The most room the buffer of an incomplete record keeps once the large record it held is read.
const KEPT_ROOM: usize = 256 << 10;

/// The bytes of the record that starts `bytes` (its length's varint and its own), once its
/// length is in; 0 before.
fn record_bytes(bytes: &[u8]) -> usize {
    let mut at = 0;
    match varint::read_u64(bytes, &mut at) {
        Ok(len) => usize::try_from(len).map_or(usize::MAX, |l| l.saturating_add(at)),
        Err(_) => 0,
    }
}

/// The byte range of the record at `pos`, `None` when it has not fully arrived.
fn record_at(bytes: &[u8], pos: usize) -> Result<Option<(usize, usize)>, CorpusError> {
    let mut at = pos;
    let len = match varint::read_u64(bytes, &mut at) {
        Ok(len) => len,
        Err(VarintError::Truncated) => return Ok(None),
        Err(VarintError::Overflow) => {
            return Err(top_error(
                "",
                "not a compact Lede corpus (bad record length)",
            ))
        }
    };
    let end = usize::try_from(len)
        .ok()
        .and_then(|l| at.checked_add(l))
        .ok_or_else(|| top_error("", "not a compact Lede corpus (a record is too long)"))?;
    Ok((end <= bytes.len()).then_some((at, end)))
}

/// The head record: checks format and version.
fn read_head(bytes: &[u8]) -> Result<(Vec<String>, Vec<EntitySummary>, u64), CorpusError> {
    let head: Head<EntityRows> = postcard::from_bytes(bytes)
        .map_err(|e| top_error("", format!("not a compact Lede corpus ({e})")))?;
    if head.format != crate::FORMAT {
        return Err(top_error(
            "format",
            format!("must be \"{}\", found \"{}\"", crate::FORMAT, head.format),
        ));
    }
    if head.version != crate::VERSION {
        return Err(top_error(
            "version",
            format!(
                "this build reads version {}, found {}",
                crate::VERSION,
                head.version
            ),
        ));
    }
    Ok((head.annotated, head.entities.0, head.articles))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Article, ArticleEntity, EntityKind, ErrorLocation, Quote, Span, Speaker};

    fn corpus() -> Corpus {
        let mut a = Article {
            id: "a".into(),
            title: "One".into(),
            date: Some("2024-01-02".into()),
            paragraphs: vec!["“Yes,” she said.".into(), "Empty fields stay empty.".into()].into(),
            ..Article::default()
        };
        a.quotes = vec![Quote {
            paragraph: 0,
            start: 1,
            end: 4,
            held_text: Some("Yes".into()),
            speaker: Some(Speaker {
                name: "Ana Ruiz".into(),
                entity: Some("person:ana-ruiz".into()),
                span: None,
                ..Default::default()
            }),
            cue: None,
            next: None,
            rule: Some("after".into()),
        }];
        a.entities = vec![ArticleEntity {
            id: "person:ana-ruiz".into(),
            name: "Ana Ruiz".into(),
            kind: EntityKind::Person,
            aliases: Box::default(),
            mentions: vec![Span {
                paragraph: 1,
                start: 0,
                end: 5,
            }]
            .into(),
        }];
        a.tags.insert("topics", ["cocoa"]);
        let b = Article {
            id: "b".into(),
            title: "Two".into(),
            paragraphs: vec!["Plain.".into()].into(),
            ..Article::default()
        };
        let mut c = Corpus::new(vec![a, b]);
        c.annotated = vec!["quotes".into()];
        c
    }

    #[test]
    fn round_trips_and_json_still_leaves_out_empty_fields() {
        let c = corpus();
        let bytes = c.to_compact_bytes();
        assert_eq!(Corpus::from_compact_bytes(&bytes).unwrap(), c);
        let json = c.to_json_pretty();
        assert!(!json.contains("\"byline\""), "JSON leaves out None: {json}");
        assert!(!json.contains("\"aliases\""), "JSON leaves out empty lists");
        assert!(
            bytes.len() * 2 < json.len(),
            "{} vs {}",
            bytes.len(),
            json.len()
        );
    }

    #[test]
    fn the_byte_layout_is_pinned() {
        // Every field of every record written, in the model's order (the head: format, version,
        // annotated, the entity table, the article count; then each article). Pack version 4
        // refers instead of repeating: the quotation `01 00 01 03 00` is paragraph 0, chars 1
        // and 3 long, its text left out (`00`: the paragraph's text there); its speaker `01 00 01
        // 00 00` has no name of its own (`00`: the table's) and entity row 0 (`01 00 00`); the
        // entity `00 00 00 00 00 01 01 00 05` is row 0, the table's name, a person, no
        // aliases, one mention (paragraph 1, char 0, 5 long). The article record: 165 → 118 B.
        let expected = concat!(
            "340b6c6564652d636f7270757301010671756f746573010f706572736f6e3a616e612d7275697a08",
            "416e61205275697a0000010102760161034f6e65010a323032342d30312d303200000000000214e2",
            "809c5965732ce2809d2073686520736169642e18456d707479206669656c6473207374617920656d",
            "7074792e010001030001000100000000000000000105616674657201000000000001010005010674",
            "6f706963730105636f636f611701620354776f0000000000000106506c61696e2e000000",
        );
        let hex: String = corpus()
            .to_compact_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(hex, expected);
    }

    #[test]
    fn a_loaded_corpus_holds_each_entity_text_and_tag_once_and_no_spare_article_room() {
        let mut c = corpus();
        c.articles[1].tags.insert("topics", ["cocoa"]);
        let bytes = c.to_compact_bytes();
        let json = c.to_json_pretty();
        for back in [
            Corpus::from_compact_bytes(&bytes).unwrap(),
            Corpus::from_json(&json).unwrap(),
        ] {
            assert_eq!(back, c);
            let (row, mention) = (&back.entities[0], &back.articles[0].entities[0]);
            assert!(mention.id.shares_with(&row.id) && mention.name.shares_with(&row.name));
            let tag = |i: usize| back.articles[i].tags["topics"][0].clone();
            assert!(
                tag(0).shares_with(&tag(1)),
                "one allocation for a tag in two articles"
            );
        }
        let back = Corpus::from_compact_bytes(&bytes).unwrap();
        assert_eq!(back.articles.capacity(), back.articles.len());
    }

    #[test]
    fn a_forged_entity_row_count_is_an_error_not_a_huge_reservation() {
        // A count of 10^7 rows (each written as nothing) in a record of a few bytes.
        let head = Head {
            format: crate::FORMAT.into(),
            version: crate::VERSION,
            annotated: Vec::new(),
            entities: vec![(); 10_000_000],
            articles: 0,
        };
        let record = postcard::to_allocvec(&head).unwrap();
        assert!(record.len() < 64, "{} bytes", record.len());
        let e = read_head(&record).unwrap_err();
        assert!(e.message.contains("not a compact Lede corpus"), "{e}");
    }

    #[test]
    fn a_forged_article_count_reserves_a_bounded_room_and_is_named() {
        let head = Head {
            format: crate::FORMAT.into(),
            version: crate::VERSION,
            annotated: Vec::new(),
            entities: Vec::<()>::new(),
            articles: u64::MAX,
        };
        let record = postcard::to_allocvec(&head).unwrap();
        let mut bytes = Vec::new();
        varint::write(&mut bytes, record.len() as u64);
        bytes.extend_from_slice(&record);
        let mut reader = CompactReader::new();
        reader.push(&bytes).unwrap();
        assert!(reader.assembler.capacity() <= crate::load::MAX_RESERVED_ARTICLES);
        let e = reader.finish().unwrap_err();
        assert!(
            e.message
                .contains(&format!("inside article 0 of {}", u64::MAX)),
            "{e}"
        );
    }

    #[test]
    fn texts_and_names_unlike_what_they_point_to_are_kept() {
        let mut c = corpus();
        let q = &mut c.articles[0].quotes[0];
        q.cue = Some(crate::Cue {
            text: "not the text there".into(),
            span: Span {
                paragraph: 0,
                start: 7,
                end: 10,
            },
        });
        q.speaker.as_mut().unwrap().name = "Ms Ruiz".into();
        c.articles[0].entities[0].name = "Ruiz".into();
        let bytes = c.to_compact_bytes();
        assert_eq!(Corpus::from_compact_bytes(&bytes).unwrap(), c);
        // Left out, they take a few bytes fewer.
        assert!(bytes.len() > corpus().to_compact_bytes().len() + "not the text there".len());
    }

    #[test]
    fn an_entity_row_past_the_table_is_named() {
        let mut bytes = corpus().to_compact_bytes();
        // The article entity's row: `00 00` (Row, 0) just before its kind, aliases and mention.
        let at = bytes
            .windows(9)
            .rposition(|w| w == [0, 0, 0, 0, 0, 1, 1, 0, 5])
            .expect("the entity record");
        bytes[at + 1] = 7;
        let e = Corpus::from_compact_bytes(&bytes).unwrap_err();
        assert!(
            e.to_string().contains("entities[0]") && e.to_string().contains("entity row 7"),
            "{e}"
        );
    }

    #[test]
    fn any_chunking_reads_the_same_corpus() {
        let c = corpus();
        let bytes = c.to_compact_bytes();
        for size in [1, 2, 5, 64, 100_000] {
            let mut reader = CompactReader::new();
            for chunk in bytes.chunks(size) {
                reader.push(chunk).unwrap();
            }
            assert_eq!(reader.articles_read(), 2);
            assert_eq!(reader.finish().unwrap(), c, "chunks of {size}");
        }
    }

    #[test]
    fn a_record_over_many_pieces_gets_its_room_once_and_leaves_none_behind() {
        let mut c = corpus();
        let big = "Harbour council backs the terminal. ".repeat(30_000);
        let mut paragraphs = c.articles[0].paragraphs.to_vec();
        paragraphs.push(big);
        c.articles[0].paragraphs = paragraphs.into();
        let bytes = c.to_compact_bytes();
        let mut records = Vec::new();
        let mut pos = 0;
        while let Some((_, end)) = record_at(&bytes, pos).unwrap() {
            records.push(end - pos);
            pos = end;
        }
        let largest = *records.iter().max().unwrap();
        assert!(largest > 1_000_000, "{records:?}");
        let piece = 10_000;
        let mut reader = CompactReader::new();
        let mut most = 0;
        for chunk in bytes.chunks(piece) {
            reader.push(chunk).unwrap();
            most = most.max(reader.pending.capacity());
        }
        // Doubling would have reached up to twice the record; its exact room is at most the
        // record and the piece after it.
        assert!(
            most >= largest && most <= largest + piece,
            "{most} for {largest}"
        );
        assert!(reader.pending.capacity() <= KEPT_ROOM);
        assert_eq!(reader.finish().unwrap(), c);
    }

    #[test]
    fn a_bad_article_is_named_and_truncated_bytes_are_an_error() {
        let mut c = corpus();
        c.articles[1].quotes = c.articles[0].quotes.clone(); // offsets beyond "Plain."
        let e = Corpus::from_compact_bytes(&c.to_compact_bytes()).unwrap_err();
        match &e.location {
            ErrorLocation::Article { index, id, field } => {
                assert_eq!((*index, id.as_deref()), (1, Some("b")));
                assert!(field.starts_with("quotes[0]"), "{field}");
            }
            other => panic!("expected an article location, got {other:?}"),
        }
        let bytes = corpus().to_compact_bytes();
        let e = Corpus::from_compact_bytes(&bytes[..bytes.len() - 3]).unwrap_err();
        assert!(e.to_string().contains("end inside article 1 of 2"), "{e}");
        let e = Corpus::from_compact_bytes(b"{}").unwrap_err();
        assert!(e.to_string().contains("not a compact Lede corpus"), "{e}");
    }
}
