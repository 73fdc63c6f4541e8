//! The dictionary walk against brute force on a real vocabulary: every term of the demo
//! corpus's index measured against query words made from its own terms with one or two edits,
//! whole-word and prefix, and what the walk returns compared with what the distances allow.

use lede_corpus::{Article, Corpus};

use super::{expand, osa_distance, osa_table};
use crate::index::TermDictionary;
use crate::Index;

/// The index dictionary of the demo articles (data/demo, each file's lines as paragraphs).
fn demo_vocabulary() -> TermDictionary {
    let dir = lede_testdata::repo_root().join("data/demo");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let articles = paths
        .iter()
        .map(|p| {
            let text =
                std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            Article {
                id: p.file_stem().expect("a name").to_string_lossy().into(),
                title: text.lines().next().unwrap_or("").into(),
                paragraphs: text
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(String::from)
                    .collect(),
                ..Article::default()
            }
        })
        .collect();
    Index::build(&Corpus::new(articles)).terms
}

/// The optimal-string-alignment distances of `q` to every prefix of `t` (chars), by the plain
/// table: entry `j` is the distance to `t`'s first `j` chars.
fn prefix_distances(q: &[char], t: &[char]) -> Vec<usize> {
    osa_table(q, t)
        .pop()
        .expect("one row per query char, and one")
}

/// `word` with edit `k` (of five: none, a char dropped, replaced, swapped with the next, or
/// one added) at char `at`.
fn edited(word: &str, k: usize, at: usize) -> String {
    let mut c: Vec<char> = word.chars().collect();
    let at = at % c.len();
    match k % 5 {
        0 => {}
        1 => {
            c.remove(at);
        }
        2 => c[at] = if c[at] == 'e' { 'a' } else { 'e' },
        3 if at + 1 < c.len() => c.swap(at, at + 1),
        3 => c.swap(0, 1),
        _ => c.insert(at, 'r'),
    }
    c.into_iter().collect()
}

/// The typos `q` may have to reach `t` with a budget of `max`: one when two are allowed but
/// the first letters differ (the Meilisearch rule).
fn budget_for(q: &[char], t: &[char], max: u8) -> u8 {
    if max == 2 && q.first() != t.first() {
        1
    } else {
        max
    }
}

#[test]
fn walk_finds_what_brute_force_finds_on_the_demo_vocabulary() {
    let dict = demo_vocabulary();
    let terms: Vec<String> = dict
        .iter()
        .map(|t| String::from_utf8(t.to_vec()).expect("terms are UTF-8"))
        .collect();
    assert!(
        terms.len() > 1000,
        "the demo corpus has {} terms",
        terms.len()
    );
    let chars: Vec<Vec<char>> = terms.iter().map(|t| t.chars().collect()).collect();
    // Words the automaton reads whole (it reads the first MAX_FUZZY_CHARS chars).
    let long: Vec<&String> = terms
        .iter()
        .filter(|t| (5..=super::MAX_FUZZY_CHARS - 2).contains(&t.chars().count()))
        .collect();
    let mut queries: Vec<String> = Vec::new();
    for (n, t) in long.iter().step_by(long.len() / 40).enumerate() {
        queries.push(edited(t, n, n * 3 + 1));
        queries.push(edited(t, n + 1, n + 2));
    }
    // Accents and a word outside the vocabulary.
    queries.extend(["joaquin".into(), "zurich".into(), "qqqqqqq".into()]);
    let mut reached = [0usize; 2];
    for q in &queries {
        let qc: Vec<char> = q.chars().collect();
        let distances: Vec<(usize, usize)> = chars
            .iter()
            .map(|t| {
                let row = prefix_distances(&qc, t);
                (row[t.len()], *row.iter().min().expect("one entry at least"))
            })
            .collect();
        for max in 1..=2u8 {
            for prefix in [false, true] {
                let got = expand(&dict, q, max, prefix);
                let mut found: Vec<(u32, u8)> = got.terms.iter().map(|t| (t.0, t.2)).collect();
                for (id, key, typos, whole) in &got.terms {
                    let i = *id as usize;
                    assert_eq!(dict.term(*id), key.as_slice(), "{q} max {max}");
                    let budget = budget_for(&qc, &chars[i], max);
                    let within = distances[i].0 <= usize::from(budget);
                    assert_eq!(*whole, within, "{q} vs {} max {max}", terms[i]);
                    assert!(*typos <= max);
                }
                if let Some((lo, hi)) = got.completions {
                    found.extend((lo..hi).map(|id| (id, 0)));
                }
                let n = found.len();
                found.sort_unstable();
                found.dedup();
                assert_eq!(
                    found.len(),
                    n,
                    "{q} max {max} prefix {prefix}: a term twice"
                );
                let want: Vec<(u32, u8)> = (0..terms.len())
                    .filter_map(|i| {
                        let (word, best) = distances[i];
                        assert_eq!(word, osa_distance(q, &terms[i]));
                        let d = if prefix { best } else { word };
                        (d <= usize::from(budget_for(&qc, &chars[i], max)))
                            .then_some((i as u32, d as u8))
                    })
                    .collect();
                assert_eq!(found, want, "{q} max {max} prefix {prefix}");
                reached[usize::from(max - 1)] += want.len();
            }
        }
    }
    // Not a vacuous agreement: the queries reach many terms at both budgets.
    assert!(
        reached[0] > queries.len() && reached[1] > reached[0],
        "{reached:?}"
    );
}
