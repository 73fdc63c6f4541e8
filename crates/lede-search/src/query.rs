//! Queries: the parsed search text (words, `"exact phrases"`, `title:`, `quote:`, `speaker:`,
//! `-word`) and the filters, order and page that go with it.

use lede_corpus::EntityKind;

/// Where a clause has to match.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Scope {
    /// Any field: title, body, quotes, speakers, entity names.
    #[default]
    Any,
    /// The headline only (`title:`).
    Title,
    /// Inside direct quotations only (`quote:`).
    Quote,
    /// The names of quote speakers only (`speaker:`).
    Speaker,
}

/// One unit of a query: a word or a phrase, where it must match, and whether it excludes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// The folded terms: one for a word, several (in order) for a phrase.
    pub terms: Vec<String>,
    /// True for a quoted phrase or word: the terms must stand next to each other, exactly as
    /// typed (no typos, no prefix).
    pub phrase: bool,
    /// The field(s) it must match in.
    pub scope: Scope,
    /// True for `-word`: articles that contain it are left out.
    pub negated: bool,
    /// True for the last word while it is being typed: it also matches as a prefix.
    pub prefix: bool,
}

/// How results are ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Order {
    /// Best match first; with no words, corpus order.
    #[default]
    Relevance,
    /// Latest date first (undated last), relevance breaking ties.
    Newest,
    /// Earliest date first (undated last), relevance breaking ties.
    Oldest,
}

/// A search: the parsed text plus filters, order and the page of hits wanted.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    /// The clauses, in the order they were typed.
    pub clauses: Vec<Clause>,
    /// Why the text did not parse cleanly (its words are searched anyway).
    pub parse_error: Option<String>,
    /// Entity ids every result must mention (AND).
    pub entities: Vec<String>,
    /// Entity ids every result must quote: each is the linked speaker of a quotation in it (AND).
    pub speakers: Vec<String>,
    /// Entity kinds: a result mentions an entity of at least one of them.
    pub kinds: Vec<EntityKind>,
    /// Sources (`Reuters`): a result comes from one of them.
    pub sources: Vec<String>,
    /// First day (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, inclusive); undated articles fail a date
    /// filter.
    pub date_from: Option<String>,
    /// Last day (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, inclusive).
    pub date_to: Option<String>,
    /// How to order the results.
    pub order: Order,
    /// Hits to skip (paging).
    pub offset: usize,
    /// Hits to return with scores and snippets.
    pub limit: usize,
    /// Passages per hit (0 for none, at most 3).
    pub snippets: usize,
}

impl Default for Query {
    fn default() -> Self {
        Query {
            clauses: Vec::new(),
            parse_error: None,
            entities: Vec::new(),
            speakers: Vec::new(),
            kinds: Vec::new(),
            sources: Vec::new(),
            date_from: None,
            date_to: None,
            order: Order::Relevance,
            offset: 0,
            limit: 20,
            snippets: 3,
        }
    }
}

/// True for the marks that open or close a phrase (apostrophes and single quotes do not).
fn is_phrase_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

/// The field operators and their scopes.
const OPERATORS: [(&str, Scope); 4] = [
    ("title:", Scope::Title),
    ("quote:", Scope::Quote),
    ("quotes:", Scope::Quote),
    ("speaker:", Scope::Speaker),
];

impl Query {
    /// Parses search text. Words are separated by spaces and folded like the index (case,
    /// diacritics, apostrophes); `"…"` (straight or curly) is a phrase; `title:`, `quote:` and
    /// `speaker:` before a word or phrase limit where it matches; `-` before one excludes it.
    /// The last word matches as a prefix unless the text ends with a space. Parsing never fails:
    /// an unbalanced quote is reported in `parse_error` and the words after it are searched as
    /// plain words.
    pub fn parse(text: &str) -> Query {
        let mut query = Query::default();
        let mut rest = text;
        let mut last_bare_word = false;
        loop {
            rest = rest.trim_start();
            if rest.is_empty() {
                break;
            }
            last_bare_word = false;
            let mut negated = false;
            if let Some(r) = rest.strip_prefix('-') {
                if r.starts_with(|c: char| !c.is_whitespace()) {
                    negated = true;
                    rest = r;
                }
            }
            let mut scope = Scope::Any;
            for (op, s) in OPERATORS {
                let matches = rest.len() > op.len()
                    && rest.is_char_boundary(op.len())
                    && rest[..op.len()].eq_ignore_ascii_case(op)
                    && !rest[op.len()..].starts_with(char::is_whitespace);
                if matches {
                    scope = s;
                    rest = &rest[op.len()..];
                    break;
                }
            }
            if rest.starts_with(is_phrase_mark) {
                let open = rest.chars().next().expect("not empty");
                let inner = &rest[open.len_utf8()..];
                match inner.find(is_phrase_mark) {
                    Some(close) => {
                        let terms = fold_terms(&inner[..close]);
                        let mark = inner[close..].chars().next().expect("a mark");
                        rest = &inner[close + mark.len_utf8()..];
                        if !terms.is_empty() {
                            // Quoted, even one word matches exactly: no typo, no prefix.
                            let mut clause = terms_clause(terms, scope, negated);
                            clause.phrase = true;
                            query.clauses.push(clause);
                        }
                    }
                    None => {
                        query.parse_error = Some(format!(
                            "unbalanced quote mark {open}: its words are searched as plain words"
                        ));
                        for term in fold_terms(inner) {
                            query.clauses.push(word(term, Scope::Any, false));
                        }
                        last_bare_word = true;
                        rest = "";
                    }
                }
                continue;
            }
            let end = rest
                .find(|c: char| c.is_whitespace() || is_phrase_mark(c))
                .unwrap_or(rest.len());
            let terms = fold_terms(&rest[..end]);
            rest = &rest[end..];
            if terms.is_empty() {
                continue;
            }
            if negated {
                query.clauses.push(terms_clause(terms, scope, negated));
            } else {
                query
                    .clauses
                    .extend(terms.into_iter().map(|t| word(t, scope, false)));
                last_bare_word = true;
            }
        }
        let typing = !text.ends_with(char::is_whitespace);
        if typing && last_bare_word {
            if let Some(last) = query.clauses.last_mut() {
                last.prefix = true;
            }
        }
        query
    }

    /// The clauses that must match (not negated).
    pub fn positive(&self) -> impl Iterator<Item = &Clause> {
        self.clauses.iter().filter(|c| !c.negated)
    }

    /// True when the query has no filters.
    pub fn unfiltered(&self) -> bool {
        self.entities.is_empty()
            && self.speakers.is_empty()
            && self.kinds.is_empty()
            && self.sources.is_empty()
            && self.date_from.is_none()
            && self.date_to.is_none()
    }
}

fn word(term: String, scope: Scope, negated: bool) -> Clause {
    terms_clause(vec![term], scope, negated)
}

/// A clause of exact `terms` (a phrase when there are several; never a prefix).
fn terms_clause(terms: Vec<String>, scope: Scope, negated: bool) -> Clause {
    Clause {
        phrase: terms.len() > 1,
        terms,
        scope,
        negated,
        prefix: false,
    }
}

fn fold_terms(text: &str) -> Vec<String> {
    lede_text::words(text).into_iter().map(|w| w.term).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(q: &Query) -> Vec<String> {
        q.clauses
            .iter()
            .map(|c| {
                let mut s = String::new();
                if c.negated {
                    s.push('-');
                }
                match c.scope {
                    Scope::Any => {}
                    Scope::Title => s.push_str("title:"),
                    Scope::Quote => s.push_str("quote:"),
                    Scope::Speaker => s.push_str("speaker:"),
                }
                if c.phrase {
                    s.push_str(&format!("\"{}\"", c.terms.join(" ")));
                } else {
                    s.push_str(&c.terms.join(" "));
                }
                if c.prefix {
                    s.push('*');
                }
                s
            })
            .collect()
    }

    #[test]
    fn words_fold_and_the_last_is_a_prefix() {
        let q = Query::parse("Zürich China’s harb");
        assert_eq!(summary(&q), ["zurich", "china", "harb*"]);
        assert_eq!(summary(&Query::parse("harbour vote ")), ["harbour", "vote"]);
        assert_eq!(q.parse_error, None);
    }

    #[test]
    fn operators_phrases_and_negation() {
        let q = Query::parse(
            "“orrin river” title:vote quote:\"open region\" Speaker:Kalvane -dredging -\"flood risk\" -title:rain",
        );
        assert_eq!(
            summary(&q),
            [
                "\"orrin river\"",
                "title:vote",
                "quote:\"open region\"",
                "speaker:kalvane",
                "-dredging",
                "-\"flood risk\"",
                "-title:rain"
            ]
        );
        assert_eq!(summary(&Query::parse("title: vote")), ["title", "vote*"]);
        assert_eq!(
            summary(&Query::parse("mbeki-varga - x")),
            ["mbeki", "varga", "x*"]
        );
        assert_eq!(
            summary(&Query::parse("harbour -vote")),
            ["harbour", "-vote"]
        );
    }

    #[test]
    fn unbalanced_quote_still_searches_its_words() {
        let q = Query::parse("title:vote \"harbour counc");
        assert!(q.parse_error.as_deref().unwrap().contains("unbalanced"));
        assert_eq!(summary(&q), ["title:vote", "harbour", "counc*"]);
    }
}
