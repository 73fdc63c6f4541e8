//! Known-item search on the repository's demo corpus (data/demo/*.txt, read minimally here:
//! the title is the first line that is not the masthead, the other lines are paragraphs): each
//! article's title words, with one typo or with the last word cut short, find that article
//! first.

use lede_corpus::{Article, Corpus};
use lede_search::{osa_distance, Index, Query};

fn demo_corpus() -> Corpus {
    let dir = lede_testdata::repo_root().join("data/demo");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("data/demo exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let articles = files
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(f).expect("readable");
            let mut lines = text
                .lines()
                .map(lede_text::collapse_whitespace)
                .filter(|l| !l.is_empty() && !l.starts_with("Editor in Chief:"));
            let title = lines.next().expect("a title line");
            Article {
                id: f.file_stem().unwrap().to_string_lossy().into_owned(),
                paragraphs: lines.filter(|l| *l != title).collect(),
                title,
                ..Article::default()
            }
        })
        .collect();
    Corpus::new(articles)
}

/// `word` with one edit chosen by `seed`: substitution, deletion, insertion or transposition.
fn typo(word: &str, seed: usize) -> String {
    let mut c: Vec<char> = word.chars().collect();
    let i = seed % c.len();
    match seed % 4 {
        0 => c[i] = if c[i] == 'q' { 'z' } else { 'q' },
        1 => {
            c.remove(i);
        }
        2 => c.insert(i, 'k'),
        _ => {
            let i = i.min(c.len() - 2);
            c.swap(i, i + 1);
        }
    }
    c.into_iter().collect()
}

fn title_words(a: &Article) -> Vec<String> {
    lede_text::words(&a.title)
        .into_iter()
        .map(|w| w.term)
        .collect()
}

/// Share of `queries` (text, target) whose target ranks first.
fn first_rate(index: &Index, corpus: &Corpus, queries: &[(String, usize)]) -> f64 {
    let mut misses = Vec::new();
    for (q, target) in queries {
        let r = index.search(corpus, &Query::parse(q));
        if r.hits.first().map(|h| h.article) != Some(*target) {
            misses.push(q.clone());
        }
    }
    println!("misses: {misses:?}");
    1.0 - misses.len() as f64 / queries.len() as f64
}

#[test]
fn titles_with_one_typo_find_their_article_first() {
    let corpus = demo_corpus();
    assert!(corpus.articles.len() >= 40, "the demo corpus is there");
    let index = Index::build(&corpus);
    let mut queries = Vec::new();
    for (i, a) in corpus.articles.iter().enumerate() {
        let mut words = title_words(a);
        let able: Vec<usize> = (0..words.len())
            .filter(|&k| words[k].chars().count() >= 5 && words[k].chars().all(char::is_alphabetic))
            .collect();
        let k = able[i % able.len()];
        let typoed = typo(&words[k], i * 7 + 3);
        assert_eq!(
            osa_distance(&typoed, &words[k]),
            1,
            "{typoed} vs {}",
            words[k]
        );
        words[k] = typoed;
        queries.push((words.join(" "), i));
    }
    let rate = first_rate(&index, &corpus, &queries);
    assert!(
        rate >= 0.95,
        "only {rate:.3} of typo'd titles rank their article first"
    );
}

#[test]
fn titles_with_the_last_word_cut_find_their_article_first() {
    let corpus = demo_corpus();
    let index = Index::build(&corpus);
    let mut queries = Vec::new();
    for (i, a) in corpus.articles.iter().enumerate() {
        let mut words = title_words(a);
        words.truncate(5);
        let last = words.pop().expect("a word");
        let keep = (last.chars().count() / 2).max(3).min(last.chars().count());
        words.push(last.chars().take(keep).collect());
        queries.push((words.join(" "), i));
    }
    let rate = first_rate(&index, &corpus, &queries);
    assert!(
        rate >= 0.95,
        "only {rate:.3} of cut titles rank their article first"
    );
}
