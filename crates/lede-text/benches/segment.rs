//! Speed of lede-text's UAX #29 segmenters against the `unicode-segmentation` crate in the same
//! run, on PolNeAR's paragraphs (read from ../shared; skipped when absent) turned letter for
//! letter into non-ASCII text (Latin with diacritics, Cyrillic, Greek: the path the ASCII fast
//! paths do not take). `cargo bench -p lede-text --bench segment`.

use criterion::{criterion_group, criterion_main, Criterion};
use unicode_segmentation::UnicodeSegmentation;

/// PolNeAR's paragraphs, each third of them in another script.
fn non_ascii_paragraphs() -> Option<Vec<String>> {
    let data = lede_testdata::shared_path("bench segment", "corpora/polnear/data/train/text")?;
    let mut files: Vec<_> = std::fs::read_dir(&data)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    let latin = |c: char| match c {
        'e' => 'é',
        'o' => 'ö',
        'a' => 'à',
        'u' => 'ü',
        'n' => 'ñ',
        'c' => 'ç',
        _ => c,
    };
    let script = |c: char, from: &str, to: &str| {
        let lower = c.to_ascii_lowercase();
        match from.find(lower) {
            Some(i) => {
                let t = to.chars().nth(i).expect("as many letters");
                if c.is_ascii_uppercase() {
                    t.to_uppercase().next().unwrap_or(t)
                } else {
                    t
                }
            }
            None => c,
        }
    };
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).ok()?;
        for p in lede_text::paragraphs(&text) {
            out.push(match out.len() % 3 {
                0 => p.chars().map(latin).collect(),
                1 => p
                    .chars()
                    .map(|c| {
                        script(
                            c,
                            "abvgdezijklmnoprstufhcywxq",
                            "абвгдезийклмнопрстуфхцышжщ",
                        )
                    })
                    .collect(),
                _ => p
                    .chars()
                    .map(|c| {
                        script(
                            c,
                            "abgdezhiklmnxoprstufcywjqv",
                            "αβγδεζηικλμνξοπρστυφχψωθθβ",
                        )
                    })
                    .collect(),
            });
        }
    }
    Some(out)
}

fn bench(c: &mut Criterion) {
    let Some(paragraphs) = non_ascii_paragraphs() else {
        return;
    };
    let mut group = c.benchmark_group(format!(
        "polnear_train_{}_paragraphs_non_ascii",
        paragraphs.len()
    ));
    group.sample_size(10);
    group.bench_function("words_unicode_segmentation", |b| {
        b.iter(|| {
            paragraphs
                .iter()
                .map(|p| p.unicode_word_indices().count())
                .sum::<usize>()
        })
    });
    group.bench_function("words_lede_text", |b| {
        b.iter(|| {
            let mut n = 0;
            for p in &paragraphs {
                lede_text::uax29::for_each_word(p, |_, _| n += 1);
            }
            n
        })
    });
    group.bench_function("sentences_unicode_segmentation", |b| {
        b.iter(|| {
            paragraphs
                .iter()
                .map(|p| p.split_sentence_bounds().count())
                .sum::<usize>()
        })
    });
    group.bench_function("sentences_lede_text", |b| {
        b.iter(|| {
            paragraphs
                .iter()
                .map(|p| lede_text::uax29::sentence_bounds(p).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
