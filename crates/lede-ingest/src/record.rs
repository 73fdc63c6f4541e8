//! What the format parsers return: the records found in one file, each an article or the reason
//! it could not be one.

use lede_corpus::Article;

/// One record a parser found in a file: an article, or why it could not be one.
#[derive(Debug, Clone)]
pub struct Record {
    /// Index of the record in the file (`None` when the whole file is the record).
    pub index: Option<usize>,
    /// Byte offset of the record in the decoded text.
    pub offset: Option<usize>,
    /// 1-based line, when the parser knows it directly.
    pub line: Option<usize>,
    /// 1-based column, when the parser knows it (JSON syntax errors).
    pub column: Option<usize>,
    /// The article, or the reason it is rejected.
    pub result: Result<Article, String>,
    /// What was missing or odd (reported only when the article is ingested).
    pub warnings: Vec<String>,
    /// Already a Lede article with its annotations (annotated again only on request).
    pub passthrough: bool,
    /// Passed through from a Lede corpus marked as annotated by both extractors: its
    /// annotations are complete even where it has no quotes or entities.
    pub marked: bool,
}

impl Default for Record {
    fn default() -> Self {
        Record {
            index: None,
            offset: None,
            line: None,
            column: None,
            result: Err("no article".into()),
            warnings: Vec::new(),
            passthrough: false,
            marked: false,
        }
    }
}

/// What a parser made of one file.
#[derive(Debug, Clone, Default)]
pub struct FileParse {
    /// One entry per input record (at least one unless the file holds no records at all).
    pub records: Vec<Record>,
    /// Warnings about the whole file (unused fields, no records).
    pub warnings: Vec<String>,
}

impl FileParse {
    /// The whole file rejected.
    pub fn rejected(reason: String) -> Self {
        FileParse {
            records: vec![Record {
                result: Err(reason),
                ..Record::default()
            }],
            warnings: Vec::new(),
        }
    }

    /// The whole file rejected, at a line and column.
    pub fn rejected_at(reason: String, line: usize, column: usize) -> Self {
        FileParse {
            records: vec![Record {
                line: Some(line),
                column: Some(column),
                result: Err(reason),
                ..Record::default()
            }],
            warnings: Vec::new(),
        }
    }

    /// True when the whole file was rejected before any record.
    pub(crate) fn is_file_rejection(&self) -> bool {
        matches!(self.records.as_slice(), [r] if r.index.is_none() && r.result.is_err())
    }
}
