//! Known-item search evaluation, for every engine: the query files (`{"queries": [{"q",
//! "target", "kind"}]}`), the one generator that makes them from a corpus, and the one scorer
//! (MRR@10, found@10 per kind) of an engine's ranked results.

mod generate;
mod score;

use std::path::Path;

use serde::{Deserialize, Serialize};

pub use generate::{generate, typo, words, Mulberry32};
pub use score::{score, Miss, Ranked, Score, Scores};

/// How many results count: a target ranked below this is a miss.
pub const CUTOFF: usize = 10;

/// The kinds of query [`generate`] makes, in its order.
pub const KINDS: [&str; 4] = ["title", "typo", "prefix", "body"];

/// A query file: known-item queries, each naming the article it should find.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct QuerySet {
    /// The queries, in file order.
    pub queries: Vec<KnownItem>,
}

/// One known-item query.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct KnownItem {
    /// What the user types.
    pub q: String,
    /// The id of the article that should come first.
    pub target: String,
    /// A label to group scores by (`title`, `typo`, …); `""` when the file has none.
    #[serde(default)]
    pub kind: String,
}

/// Reads a query file; errors name the file and, for a bad query, its position.
pub fn read_queries(path: &Path) -> Result<QuerySet, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| {
        format!(
            "{}: not a query file (line {}, column {}): {e}",
            path.display(),
            e.line(),
            e.column()
        )
    })
}

/// A query file's text: the `head` fields (name, JSON value) first, then one query per line
/// (diffable, still one JSON document).
pub fn format_query_set(head: &[(&str, serde_json::Value)], queries: &[KnownItem]) -> String {
    let mut out = String::from("{\n");
    for (key, value) in head {
        out.push_str(&format!("  {}: {value},\n", serde_json::Value::from(*key)));
    }
    out.push_str("  \"queries\": [\n");
    for (i, q) in queries.iter().enumerate() {
        let line = serde_json::to_string(q).expect("a query serialises");
        let comma = if i + 1 < queries.len() { "," } else { "" };
        out.push_str(&format!("    {line}{comma}\n"));
    }
    out.push_str("  ]\n}\n");
    out
}

#[cfg(test)]
mod tests;
