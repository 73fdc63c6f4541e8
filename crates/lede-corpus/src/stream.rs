//! Reading a corpus from JSON that arrives in pieces (a download): each article is parsed as
//! soon as its last byte is in, so the whole text is never held at once and parsing overlaps
//! the transfer. Errors are those of [`Corpus::from_json`], with lines counted over the whole
//! text.

use serde_json::Value;

use crate::error::{not_json_error, syntax_error, top_error, CorpusError, ErrorLocation};

/// The UTF-8 byte-order mark, ignored at the start of the text.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Bytes enough to tell what a text that is not a JSON object is.
const SNIFF_BYTES: usize = 64;
use crate::load::{article_from_value, check_top, Assembler, LenientArticle};
use crate::Corpus;

/// A corpus read piece by piece: [`CorpusReader::push`] every chunk in order, then
/// [`CorpusReader::finish`].
///
/// ```
/// let json = r#"{"articles": [{"id": "a", "title": "T", "body": "Text."}]}"#;
/// let mut reader = lede_corpus::CorpusReader::new();
/// for chunk in json.as_bytes().chunks(7) {
///     reader.push(chunk)?;
/// }
/// let corpus = reader.finish()?;
/// assert_eq!(corpus.articles[0].id, "a");
/// # Ok::<(), lede_corpus::CorpusError>(())
/// ```
#[derive(Default)]
pub struct CorpusReader {
    /// Bytes not yet consumed: at most the article being read and the chunk's rest.
    pending: Vec<u8>,
    /// Offset in `pending` of the next byte to scan.
    pos: usize,
    /// The top-level JSON without the articles' elements (`"articles": []`).
    skeleton: Vec<u8>,
    /// Nesting depth of objects and arrays at `pos`.
    depth: usize,
    in_string: bool,
    escape: bool,
    /// Offset in `skeleton` of the opening quote of the string being read at depth 1.
    key_start: Option<usize>,
    /// The last string closed at depth 1 was `"articles"`.
    after_articles_key: bool,
    /// Inside the `articles` array (between its brackets).
    in_articles: bool,
    /// The `articles` array was read.
    saw_articles: bool,
    /// Offset in `pending` of the `{` of the article being read.
    article_start: Option<usize>,
    /// Line and column (1-based) of the `{` of the article being read.
    article_at: (usize, usize),
    /// Line (1-based) and column (0-based) of the byte at `pos`.
    line: usize,
    column: usize,
    /// Line of the `[` of the articles array, and the newlines inside it that the skeleton lacks.
    articles_line: usize,
    skipped_lines: usize,
    /// Between two articles (depth 1 in the array): an article or a comma came last, so that
    /// a stray, doubled or trailing comma, or two articles without one, is an error.
    after_article: bool,
    after_comma: bool,
    /// Any byte other than whitespace was seen.
    started: bool,
    /// The start was checked for a UTF-8 byte-order mark (and the mark dropped).
    bom_checked: bool,
    /// The text does not start with `{`: waiting for enough bytes to say what it is.
    not_an_object: bool,
    done: bool,
    assembler: Assembler,
}

impl CorpusReader {
    /// A reader before the first byte.
    pub fn new() -> Self {
        CorpusReader {
            line: 1,
            ..CorpusReader::default()
        }
    }

    /// Articles read so far.
    pub fn articles_read(&self) -> usize {
        self.assembler.len()
    }

    /// Reads the next piece of the text. An error ends the reading: it names the line and
    /// column of bad JSON, or the article and field of a bad article.
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), CorpusError> {
        self.pending.extend_from_slice(chunk);
        if !self.bom_checked {
            if self.pending.len() < BOM.len() && BOM.starts_with(&self.pending) {
                return Ok(()); // perhaps a mark cut by the chunking: wait for more
            }
            self.bom_checked = true;
            if self.pending.starts_with(BOM) {
                self.pending.drain(..BOM.len());
            }
        }
        while self.pos < self.pending.len() {
            if self.in_articles && self.depth > 1 && !self.escape {
                // Inside an article only quotes, escapes, brackets and newlines matter: jump to
                // the next one (the article is parsed whole when it closes).
                let rest = &self.pending[self.pos..];
                let skip = if self.in_string {
                    memchr::memchr3(b'"', b'\\', b'\n', rest)
                } else {
                    rest.iter()
                        .position(|&c| matches!(c, b'"' | b'{' | b'}' | b'[' | b']' | b'\n'))
                }
                .unwrap_or(rest.len());
                self.pos += skip;
                self.column += skip;
                if self.pos == self.pending.len() {
                    break;
                }
            }
            let b = self.pending[self.pos];
            if !self.started && !is_json_whitespace(b) && b != b'{' {
                // Not a corpus: name what it is once enough of it is in (an HTML page, …).
                self.not_an_object = true;
                if self.pending.len() - self.pos < SNIFF_BYTES {
                    break;
                }
                return Err(self.not_an_object_error());
            }
            self.step(b)?;
            if b == b'\n' {
                self.line += 1;
                self.column = 0;
            } else {
                self.column += 1;
            }
            self.pos += 1;
        }
        // Keep only the article being read.
        let keep = self.article_start.unwrap_or(self.pos);
        self.pending.drain(..keep);
        self.pos -= keep;
        if let Some(start) = &mut self.article_start {
            *start -= keep;
        }
        Ok(())
    }

    /// Scans byte `b` at `self.pos`.
    fn step(&mut self, b: u8) -> Result<(), CorpusError> {
        let in_element = self.in_articles && self.depth > 1;
        if !in_element {
            self.skeleton.push(b);
        }
        if self.in_string {
            if self.escape {
                self.escape = false;
            } else if b == b'\\' {
                self.escape = true;
            } else if b == b'"' {
                self.in_string = false;
                if let Some(start) = self.key_start.take() {
                    self.after_articles_key = &self.skeleton[start..] == b"\"articles\"";
                }
            }
            return Ok(());
        }
        if is_json_whitespace(b) {
            if in_element || !self.in_articles {
                return Ok(());
            }
            // Whitespace between articles is not kept.
            self.skeleton.pop();
            return Ok(());
        }
        if self.done {
            return Err(self.text_error("trailing characters after the corpus object"));
        }
        if !self.started {
            self.started = true;
            if b != b'{' {
                return Err(self.not_an_object_error());
            }
        }
        // Between the articles (depth 1 inside the array): only `{`, `,` and the closing `]`.
        if self.in_articles && self.depth == 1 {
            let index = self.assembler.len();
            match b {
                b',' if self.after_article => {
                    self.skeleton.pop();
                    (self.after_article, self.after_comma) = (false, true);
                    return Ok(());
                }
                b',' => {
                    return Err(
                        self.text_error(&format!("a comma where articles[{index}] should be"))
                    );
                }
                b']' if self.after_comma => {
                    return Err(self.text_error(&format!(
                        "a comma after the last article (articles[{}])",
                        index.saturating_sub(1)
                    )));
                }
                b']' => {}
                b'{' if self.after_article => {
                    return Err(self.text_error(&format!(
                        "a comma is missing between articles[{}] and articles[{index}]",
                        index.saturating_sub(1)
                    )));
                }
                b'{' => {
                    self.after_comma = false;
                    self.skeleton.pop();
                    self.article_start = Some(self.pos);
                    self.article_at = (self.line, self.column + 1);
                    self.depth += 1;
                    return Ok(());
                }
                _ => {
                    return Err(self.text_error(&format!("articles[{index}] must be an object")));
                }
            }
        }
        match b {
            b'"' => {
                self.in_string = true;
                if self.depth == 1 && !self.in_articles {
                    self.key_start = Some(self.skeleton.len() - 1);
                }
            }
            b'{' | b'[' => {
                if b == b'[' && self.depth == 1 && self.after_articles_key && !self.saw_articles {
                    self.in_articles = true;
                    self.saw_articles = true;
                    self.articles_line = self.line;
                    // Depth inside the array counts from 1 again (see the field docs).
                    self.depth = 1;
                    return Ok(());
                }
                self.depth += 1;
            }
            b'}' | b']' => {
                if self.in_articles && self.depth == 1 {
                    // The `]` of the articles array, on the line of its `[` in the skeleton.
                    self.in_articles = false;
                    self.skipped_lines = self.line - self.articles_line;
                    self.depth = 1;
                    return Ok(());
                }
                if self.depth == 0 {
                    return Err(self.text_error("unbalanced closing bracket"));
                }
                self.depth -= 1;
                if self.in_articles && self.depth == 1 {
                    self.end_article()?;
                    self.after_article = true;
                } else if self.depth == 0 {
                    self.done = true;
                }
            }
            _ => {}
        }
        if self.depth == 1 && !self.in_articles && b != b'"' && b != b':' {
            self.after_articles_key &= b == b'"';
        }
        Ok(())
    }

    /// Parses the article whose closing `}` is at `self.pos`.
    fn end_article(&mut self) -> Result<(), CorpusError> {
        let start = self.article_start.take().expect("an article was open");
        let bytes = &self.pending[start..=self.pos];
        let index = self.assembler.len();
        let lenient = match serde_json::from_slice::<LenientArticle>(bytes) {
            Ok(a) => a,
            Err(_) => match serde_json::from_slice::<Value>(bytes) {
                Ok(value) => article_from_value(index, value)?,
                Err(e) => {
                    let (line0, col0) = self.article_at;
                    let (line, column) = if e.line() == 1 {
                        (line0, col0 + e.column().saturating_sub(1))
                    } else {
                        (line0 + e.line() - 1, e.column())
                    };
                    return Err(CorpusError {
                        location: ErrorLocation::Text { line, column },
                        message: e.to_string(),
                    });
                }
            },
        };
        self.assembler.push(lenient.into_article())
    }

    /// The error for a text that does not start with `{`, naming what it is when its first
    /// bytes tell.
    fn not_an_object_error(&self) -> CorpusError {
        not_json_error(&self.pending[self.pos..])
            .unwrap_or_else(|| self.text_error("the corpus must be a JSON object"))
    }

    fn text_error(&self, message: &str) -> CorpusError {
        CorpusError {
            location: ErrorLocation::Text {
                line: self.line,
                column: self.column + 1,
            },
            message: message.to_string(),
        }
    }

    /// The corpus, once the last piece is in; errors as [`Corpus::from_json`] gives them.
    pub fn finish(mut self) -> Result<Corpus, CorpusError> {
        if !self.bom_checked {
            // Fewer bytes than a byte-order mark arrived, all of them a prefix of one.
            self.bom_checked = true;
            let rest = std::mem::take(&mut self.pending);
            self.push(&rest)?;
        }
        if self.not_an_object {
            return Err(self.not_an_object_error());
        }
        if self.in_string || self.depth > 0 || self.in_articles || !self.done {
            return Err(self.text_error(if self.started {
                "the text ends before the corpus object does"
            } else {
                "the text is empty"
            }));
        }
        let top: Value = serde_json::from_slice(&self.skeleton).map_err(|e| {
            // The skeleton lacks the articles' lines: count them back in.
            let line = if e.line() > self.articles_line {
                e.line() + self.skipped_lines
            } else {
                e.line()
            };
            syntax_error(&e, line)
        })?;
        let Value::Object(mut top) = top else {
            return Err(top_error("", "the corpus must be a JSON object"));
        };
        let (entities, annotated) = check_top(&mut top)?;
        if !self.saw_articles || !matches!(top.get("articles"), Some(Value::Array(_))) {
            return Err(top_error("articles", "missing, or not an array"));
        }
        self.assembler.finish(entities, annotated)
    }
}

/// JSON's whitespace (RFC 8259): space, tab, LF and CR, not the form feed and vertical tab that
/// `u8::is_ascii_whitespace` also counts; a corpus holding those is refused, as whole loading
/// refuses it.
fn is_json_whitespace(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads `text` through a reader in chunks of `size` bytes.
    fn read(text: &str, size: usize) -> Result<Corpus, CorpusError> {
        let mut reader = CorpusReader::new();
        for chunk in text.as_bytes().chunks(size.max(1)) {
            reader.push(chunk)?;
        }
        reader.finish()
    }

    const CORPUS: &str = r#"{
  "format": "lede-corpus",
  "version": 1,
  "articles": [
    {"id": "a1", "title": "Brace { in \"a\" title ]", "paragraphs": ["One: \"{[\\\"", "Two."],
     "quotes": [{"paragraph": 0, "start": 0, "end": 3, "text": "One"}],
     "entities": [{"id": "p:x", "name": "X", "kind": "person", "mentions": [{"paragraph": 1, "start": 0, "end": 3}]}]},
    {"id": "a2", "title": "Plain", "body": "Line one\nLine two"}
  ],
  "annotated": ["quotes"]
}
"#;

    #[test]
    fn any_chunking_gives_the_corpus_from_json_gives() {
        let whole = Corpus::from_json(CORPUS).unwrap();
        for size in [1, 2, 3, 7, 64, 10_000] {
            assert_eq!(read(CORPUS, size).unwrap(), whole, "chunks of {size}");
        }
        assert_eq!(whole.articles.len(), 2);
        assert!(whole.is_annotated("quotes"));
    }

    #[test]
    fn a_bad_article_is_named_by_index_id_and_field() {
        let text = CORPUS.replace(r#""end": 3, "text""#, r#""end": "x", "text""#);
        let err = read(&text, 5).unwrap_err();
        let expected = Corpus::from_json(&text).unwrap_err();
        assert_eq!(err, expected);
        assert!(err.to_string().contains("quotes[0].end"), "{err}");
    }

    #[test]
    fn invalid_json_inside_an_article_names_its_line_and_column() {
        let text = CORPUS.replace(
            r#"{"id": "a2", "title": "Plain","#,
            r#"{"id": "a2", "title": Plain,"#,
        );
        let err = read(&text, 9).unwrap_err();
        let expected = Corpus::from_json(&text).unwrap_err();
        assert_eq!(err.location, expected.location, "{err} / {expected}");
    }

    #[test]
    fn invalid_json_after_the_articles_names_its_line() {
        let text = CORPUS.replace(r#""annotated": ["quotes"]"#, r#""annotated": [quotes]"#);
        let err = read(&text, 4).unwrap_err();
        let ErrorLocation::Text { line, .. } = err.location else {
            panic!("{err}");
        };
        assert_eq!(line, 10, "{err}");
    }

    #[test]
    fn top_level_faults_match_from_json() {
        for text in [
            r#"{"format": "other", "articles": []}"#,
            r#"{"version": 9, "articles": []}"#,
            r#"{"articles": {}}"#,
            r#"{"title": "no articles"}"#,
            r#"{"articles": [{"id": "a", "title": "T", "body": "x"}, {"id": "a", "title": "U", "body": "y"}]}"#,
        ] {
            let expected = Corpus::from_json(text).unwrap_err();
            assert_eq!(read(text, 3).unwrap_err(), expected, "{text}");
        }
    }

    #[test]
    fn truncated_or_non_object_text_is_an_error() {
        let cut = &CORPUS[..CORPUS.len() / 2];
        assert!(read(cut, 8)
            .unwrap_err()
            .to_string()
            .contains("ends before"));
        assert!(read("", 8).unwrap_err().to_string().contains("empty"));
        assert!(read("[1]", 8)
            .unwrap_err()
            .to_string()
            .contains("JSON object"));
        let err = read(r#"{"articles": [1]}"#, 8).unwrap_err();
        assert!(
            err.to_string().contains("articles[0] must be an object"),
            "{err}"
        );
        let err = read(r#"{"articles": []} x"#, 8).unwrap_err();
        assert!(err.to_string().contains("trailing"), "{err}");
    }

    #[test]
    fn commas_between_articles_are_checked_as_json_checks_them() {
        let a = r#"{"id": "a", "title": "T", "body": "x"}"#;
        let b = r#"{"id": "b", "title": "T", "body": "y"}"#;
        for size in [1, 4, 1000] {
            for (text, says) in [
                (
                    "{\"articles\": [,]}".to_string(),
                    "a comma where articles[0]",
                ),
                (
                    format!("{{\"articles\": [{a},,{b}]}}"),
                    "a comma where articles[1]",
                ),
                (
                    format!("{{\"articles\": [{a},]}}"),
                    "a comma after the last article",
                ),
                (
                    format!("{{\"articles\": [{a} {b}]}}"),
                    "a comma is missing between",
                ),
            ] {
                let err = read(&text, size).unwrap_err().to_string();
                assert!(err.contains(says), "{text}: {err}");
                // The whole-text reader refuses the same text.
                assert!(Corpus::from_json(&text).is_err(), "{text}");
            }
            let good = format!("{{\"articles\": [ {a} , {b} ]}}");
            assert_eq!(read(&good, size).unwrap().articles.len(), 2);
        }
    }

    /// Found by the corpus_loader fuzz target: a form feed between articles was dropped by the
    /// stream and refused by whole loading.
    #[test]
    fn a_form_feed_is_no_json_whitespace_streamed_or_whole() {
        let text = "{\"articles\":[\u{c}{\"id\":\":a\",\"title\":\"T\",\"body\":\"Text \"}]}";
        assert!(crate::Corpus::from_json(text).is_err());
        for size in [1, 3, text.len()] {
            let mut reader = CorpusReader::new();
            let streamed = text
                .as_bytes()
                .chunks(size)
                .try_for_each(|c| reader.push(c))
                .and_then(|()| reader.finish());
            assert!(streamed.is_err(), "pieces of {size}");
        }
    }
}
