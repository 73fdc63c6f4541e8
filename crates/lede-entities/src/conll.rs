//! Reads CoNLL-2003 text (`TOKEN POS CHUNK NER` lines, IOB1 tags) into documents of tagged
//! sentences. It parses a string; reading the file is the caller's business.

use crate::tag::{iob1_to_bio, EntityType, Tag};

/// One sentence: its tokens and their gold tags, converted to BIO.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sentence {
    /// The tokens as written.
    pub tokens: Vec<String>,
    /// One BIO tag per token.
    pub tags: Vec<Tag>,
}

/// The sentences between two `-DOCSTART-` lines.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    /// The sentences in order.
    pub sentences: Vec<Sentence>,
}

/// Parses CoNLL-2003 text. The last column of each token line is its IOB1 tag; an unknown tag
/// is an error naming the line.
pub fn parse(text: &str) -> Result<Vec<Document>, String> {
    let mut docs: Vec<Document> = Vec::new();
    let mut tokens: Vec<String> = Vec::new();
    let mut raw: Vec<Option<(bool, EntityType)>> = Vec::new();
    let flush = |docs: &mut Vec<Document>,
                 tokens: &mut Vec<String>,
                 raw: &mut Vec<Option<(bool, EntityType)>>| {
        if tokens.is_empty() {
            return;
        }
        if docs.is_empty() {
            docs.push(Document::default());
        }
        let sentence = Sentence {
            tokens: std::mem::take(tokens),
            tags: iob1_to_bio(raw),
        };
        raw.clear();
        if let Some(d) = docs.last_mut() {
            d.sentences.push(sentence);
        }
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() {
            flush(&mut docs, &mut tokens, &mut raw);
            continue;
        }
        if line.starts_with("-DOCSTART-") {
            flush(&mut docs, &mut tokens, &mut raw);
            docs.push(Document::default());
            continue;
        }
        let mut cols = line.split_whitespace();
        let token = cols.next().unwrap_or_default();
        let tag = cols.next_back().unwrap_or_default();
        let parsed = match tag {
            "O" => None,
            _ => {
                let (prefix, ty) = tag
                    .split_once('-')
                    .ok_or_else(|| format!("line {}: bad tag {tag:?}", n + 1))?;
                let ty = EntityType::parse(ty)
                    .ok_or_else(|| format!("line {}: unknown type in {tag:?}", n + 1))?;
                match prefix {
                    "B" => Some((true, ty)),
                    "I" => Some((false, ty)),
                    _ => return Err(format!("line {}: bad tag {tag:?}", n + 1)),
                }
            }
        };
        tokens.push(token.to_string());
        raw.push(parsed);
    }
    flush(&mut docs, &mut tokens, &mut raw);
    docs.retain(|d| !d.sentences.is_empty());
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_sentences_and_iob1_tags() {
        let text =
            "-DOCSTART- -X- O O\n\nMira NNP I-NP I-PER\nVale NNP I-NP I-PER\nsang VBD I-VP O\n\n\
                    -DOCSTART- -X- O O\n\nOslo NNP I-NP I-LOC\nBergen NNP I-NP B-LOC\n";
        let docs = parse(text).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences[0].tokens, ["Mira", "Vale", "sang"]);
        assert_eq!(
            docs[0].sentences[0].tags,
            [Tag::B(EntityType::Per), Tag::I(EntityType::Per), Tag::O]
        );
        assert_eq!(
            docs[1].sentences[0].tags,
            [Tag::B(EntityType::Loc), Tag::B(EntityType::Loc)]
        );
        assert!(parse("x NN I-NP I-FOO\n").unwrap_err().contains("line 1"));
    }
}
