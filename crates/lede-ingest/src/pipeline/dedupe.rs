//! Id checks and exact-duplicate detection, in input order: repeated ids rejected (or renamed
//! with `dedupe`), repeated texts reported (or dropped with `dedupe`).

use std::collections::HashMap;

use lede_corpus::Article;
use rayon::prelude::*;

use crate::ReportEntry;

use super::Ready;

/// The text duplicates are compared on: title and paragraphs, whitespace collapsed, lowercased.
fn normalised_text(a: &Article) -> String {
    let mut out = String::with_capacity(a.title.len() + a.paragraphs.text_len());
    for part in std::iter::once(a.title.as_str()).chain(&a.paragraphs) {
        for word in part.split_whitespace() {
            out.extend(word.chars().flat_map(char::to_lowercase));
            out.push(' ');
        }
        out.push('\n');
    }
    out
}

/// Checks ids and finds exact duplicates, in input order. Without `dedupe` a repeated id is
/// rejected (naming both sources) and a repeated text is a warning; with it, exact duplicates
/// are dropped and colliding ids renamed `<id>-2`, `<id>-3`, … Returns the kept articles and the
/// number dropped.
pub(super) fn resolve_ids(
    ready: Vec<Ready>,
    dedupe: bool,
    report: &mut Vec<ReportEntry>,
) -> (Vec<Ready>, usize) {
    let mut kept: Vec<Ready> = Vec::with_capacity(ready.len());
    let mut by_id: HashMap<String, usize> = HashMap::with_capacity(ready.len());
    let mut by_text: HashMap<String, usize> = HashMap::with_capacity(ready.len());
    let mut dropped = 0;
    let texts: Vec<String> = ready
        .par_iter()
        .map(|r| normalised_text(&r.article))
        .collect();
    for (mut r, text) in ready.into_iter().zip(texts) {
        if let Some(&k) = by_text.get(&text) {
            let first = &kept[k];
            if dedupe {
                report.push(ReportEntry::warning(
                    r.location,
                    format!(
                        "exact duplicate of \"{}\" ({}); dropped (--dedupe)",
                        first.article.id, first.location
                    ),
                ));
                dropped += 1;
                continue;
            }
            if first.article.id == r.article.id {
                report.push(ReportEntry::rejected(
                    r.location,
                    format!(
                        "duplicate id \"{}\": also in {}, with the same text (--dedupe drops \
                         exact duplicates)",
                        r.article.id, first.location
                    ),
                ));
                continue;
            }
            report.push(ReportEntry::warning(
                r.location.clone(),
                format!(
                    "exact duplicate of \"{}\" ({}): the same normalised text",
                    first.article.id, first.location
                ),
            ));
        }
        if let Some(&k) = by_id.get(&r.article.id) {
            let first = kept[k].location.clone();
            if !dedupe {
                report.push(ReportEntry::rejected(
                    r.location,
                    format!(
                        "duplicate id \"{}\": also in {first} (--dedupe renames it)",
                        r.article.id
                    ),
                ));
                continue;
            }
            let renamed = (2..)
                .map(|n| format!("{}-{n}", r.article.id))
                .find(|c| !by_id.contains_key(c))
                .expect("some suffix is free");
            report.push(ReportEntry::warning(
                r.location.clone(),
                format!(
                    "id \"{}\" is also in {first}; renamed \"{renamed}\" (--dedupe)",
                    r.article.id
                ),
            ));
            r.article.id = renamed;
        }
        by_id.insert(r.article.id.clone(), kept.len());
        by_text.entry(text).or_insert(kept.len());
        kept.push(r);
    }
    (kept, dropped)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::{Location, Severity};

    /// Runs the id checks on `(id, body, file)` articles titled "T": the kept ids, the number
    /// dropped and the report.
    fn resolve(
        articles: &[(&str, &str, &str)],
        dedupe: bool,
    ) -> (Vec<String>, usize, Vec<ReportEntry>) {
        let ready = articles
            .iter()
            .map(|&(id, body, file)| Ready {
                article: Article {
                    id: id.into(),
                    title: "T".into(),
                    paragraphs: vec![body.into()].into(),
                    ..Article::default()
                },
                location: Location::file(Path::new(file)),
                annotate: true,
                marked: false,
            })
            .collect();
        let mut report = Vec::new();
        let (kept, dropped) = resolve_ids(ready, dedupe, &mut report);
        let ids = kept.into_iter().map(|r| r.article.id).collect();
        (ids, dropped, report)
    }

    #[test]
    fn repeated_ids_are_rejected_naming_both_sources() {
        let (ids, dropped, report) = resolve(
            &[
                ("a", "one", "x/a.txt"),
                ("a", "two", "y/a.txt"),
                ("b", "One ", "z/b.txt"),
            ],
            false,
        );
        assert_eq!(dropped, 0);
        assert_eq!(ids, vec!["a", "b"]);
        assert_eq!(report.len(), 2);
        assert_eq!(report[0].severity, Severity::Rejected);
        assert_eq!(report[0].location.file, Path::new("y/a.txt"));
        assert!(report[0].reason.contains("x/a.txt"), "{}", report[0].reason);
        assert_eq!(report[1].severity, Severity::Warning);
        assert!(report[1].reason.contains("exact duplicate of \"a\""));
    }

    #[test]
    fn dedupe_drops_exact_duplicates_and_renames_ids() {
        let (ids, dropped, report) = resolve(
            &[
                ("a", "one", "x/a.txt"),
                ("a", "two", "y/a.txt"),
                ("c", "ONE", "z/c.txt"),
                ("a", "three", "w/a.txt"),
            ],
            true,
        );
        assert_eq!(dropped, 1);
        assert_eq!(ids, vec!["a", "a-2", "a-3"]);
        assert!(report.iter().all(|e| e.severity == Severity::Warning));
        assert!(report[1].reason.contains("dropped"));
    }
}
