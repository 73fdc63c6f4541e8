//! Quote extraction speed on all 1,008 PolNeAR articles (read from ../shared; skipped when
//! absent), against a baseline measured in the same run: splitting the same texts into
//! paragraphs and counting their quote marks, the least any extractor must do.

use criterion::{criterion_group, criterion_main, Criterion};

fn polnear_paragraphs() -> Option<Vec<lede_corpus::Paragraphs>> {
    let data = lede_testdata::shared_path("bench extract", "corpora/polnear/data")?;
    let mut articles = Vec::new();
    for split in ["train", "dev", "test"] {
        let dir = data.join(split).join("text");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .ok()?
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        for f in files {
            let text = std::fs::read_to_string(&f).ok()?;
            articles.push(lede_text::paragraphs(&text).collect());
        }
    }
    Some(articles)
}

fn bench(c: &mut Criterion) {
    let Some(articles) = polnear_paragraphs() else {
        return;
    };
    let mut group = c.benchmark_group(format!("polnear_{}_articles", articles.len()));
    group.sample_size(10);
    group.bench_function("baseline_count_marks", |b| {
        b.iter(|| {
            articles
                .iter()
                .flat_map(|a| a.iter())
                .map(|p| p.chars().filter(|c| matches!(c, '“' | '”' | '"')).count())
                .sum::<usize>()
        })
    });
    group.bench_function("extract_quotes", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| lede_quotes::extract_quotes(a).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
