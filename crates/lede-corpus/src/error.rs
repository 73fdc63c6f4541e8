//! Why a corpus did not load, and where: a line and column of bad JSON, a top-level field, or
//! an article (index and id) and the field inside it.

use std::fmt;

/// Where in the corpus an error is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorLocation {
    /// A line and column of the JSON text (1-based), for text that is not valid JSON.
    Text {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// The top-level object.
    Top {
        /// The top-level field at fault.
        field: String,
    },
    /// One article.
    Article {
        /// 0-based position in `articles`.
        index: usize,
        /// Its id, when it has a readable one.
        id: Option<String>,
        /// The field path inside the article (`paragraphs[2]`, `quotes[0].end`).
        field: String,
    },
}

/// Why a corpus did not load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusError {
    /// Where the fault is.
    pub location: ErrorLocation,
    /// What is wrong, in words.
    pub message: String,
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.location {
            ErrorLocation::Text { line, column } => {
                write!(
                    f,
                    "not valid JSON at line {line}, column {column}: {}",
                    self.message
                )
            }
            ErrorLocation::Top { field } => write!(f, "field `{field}`: {}", self.message),
            ErrorLocation::Article { index, id, field } => {
                write!(f, "article {index}")?;
                if let Some(id) = id {
                    write!(f, " (id \"{id}\")")?;
                }
                write!(f, ", field `{field}`: {}", self.message)
            }
        }
    }
}

impl std::error::Error for CorpusError {}

/// A JSON syntax error at `line` (of the whole text) and the column serde_json gives.
pub(crate) fn syntax_error(e: &serde_json::Error, line: usize) -> CorpusError {
    CorpusError {
        location: ErrorLocation::Text {
            line,
            column: e.column(),
        },
        message: e.to_string(),
    }
}

/// An error in the corpus object's own field `field` (empty: the object itself).
pub(crate) fn top_error(field: &str, message: impl Into<String>) -> CorpusError {
    CorpusError {
        location: ErrorLocation::Top {
            field: field.to_string(),
        },
        message: message.into(),
    }
}

/// An error in field `field` of article `index` (`id` when it has a readable one).
pub(crate) fn article_error(
    index: usize,
    id: Option<String>,
    field: impl Into<String>,
    message: impl Into<String>,
) -> CorpusError {
    CorpusError {
        location: ErrorLocation::Article {
            index,
            id,
            field: field.into(),
        },
        message: message.into(),
    }
}
