//! Known-item queries generated from a corpus (title words, title words with one typo, title
//! words with the last word cut short, three rare body words with one typo), MRR@10, latency
//! percentiles, and the naive linear scan the engine is compared with.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use lede_corpus::Corpus;
use lede_search::{Index, Query};

/// A small deterministic generator (xorshift64*).
pub struct Rng(u64);

impl Rng {
    /// A generator from `seed` (any value).
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// The next number below `n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n
    }
}

/// The kinds of known-item query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The title's words.
    Title,
    /// The title's words, one of them (5+ letters) with one typo.
    TitleTypo,
    /// The title's words, the last one cut short (3+ letters kept).
    TitlePrefix,
    /// Three rare body words of the article (5+ letters, in at most 0.5 % of the articles),
    /// one with one typo.
    BodyTypo,
}

impl Kind {
    /// Every kind, in report order.
    pub const ALL: [Kind; 4] = [
        Kind::Title,
        Kind::TitleTypo,
        Kind::TitlePrefix,
        Kind::BodyTypo,
    ];

    /// A short name for reports.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Title => "title",
            Kind::TitleTypo => "title_typo",
            Kind::TitlePrefix => "title_prefix",
            Kind::BodyTypo => "body_rare_typo",
        }
    }
}

/// One query and the article it should find.
#[derive(Debug, Clone)]
pub struct KnownItem {
    /// Which kind of query.
    pub kind: Kind,
    /// The text as typed.
    pub query: String,
    /// The article index.
    pub target: usize,
}

/// `word` with one random edit (substitution, deletion, insertion or transposition).
pub fn typo(word: &str, rng: &mut Rng) -> String {
    let chars: Vec<char> = word.chars().collect();
    loop {
        let mut c = chars.clone();
        let i = rng.below(c.len());
        let letter = (b'a' + rng.below(26) as u8) as char;
        match rng.below(4) {
            0 => c[i] = letter,
            1 => {
                c.remove(i);
            }
            2 => c.insert(i, letter),
            _ if i + 1 < c.len() => c.swap(i, i + 1),
            _ => continue,
        }
        let s: String = c.into_iter().collect();
        if s != word && lede_search::osa_distance(&s, word) == 1 {
            return s;
        }
    }
}

fn typo_able(w: &str) -> bool {
    w.chars().count() >= 5 && w.chars().all(|c| c.is_alphabetic())
}

/// `per_kind` queries of each kind, for articles whose title is unique in the corpus.
pub fn generate(corpus: &Corpus, per_kind: usize, seed: u64) -> Vec<KnownItem> {
    let mut rng = Rng::new(seed);
    let titles: Vec<Vec<String>> = corpus
        .articles
        .iter()
        .map(|a| {
            lede_text::words(&a.title)
                .into_iter()
                .map(|w| w.term)
                .collect()
        })
        .collect();
    let mut title_count: HashMap<&[String], usize> = HashMap::new();
    for t in &titles {
        *title_count.entry(t.as_slice()).or_default() += 1;
    }
    let bodies: Vec<Vec<String>> = corpus
        .articles
        .iter()
        .map(|a| {
            let mut v: Vec<String> = a
                .paragraphs
                .iter()
                .flat_map(|p| lede_text::words(p))
                .map(|w| w.term)
                .collect();
            v.sort();
            v.dedup();
            v
        })
        .collect();
    let mut df: HashMap<&str, usize> = HashMap::new();
    for b in &bodies {
        for w in b {
            *df.entry(w.as_str()).or_default() += 1;
        }
    }
    // A rare word is in at most 0.5 % of the articles (95 of Reuters' 19,043).
    let rare_df = (corpus.articles.len() / 200).max(2);
    let eligible: Vec<usize> = (0..corpus.articles.len())
        .filter(|&i| titles[i].len() >= 2 && title_count[titles[i].as_slice()] == 1)
        .collect();
    let mut out = Vec::new();
    for kind in Kind::ALL {
        let mut made = 0;
        let mut tries = 0;
        while made < per_kind && tries < per_kind * 50 && !eligible.is_empty() {
            tries += 1;
            let target = eligible[rng.below(eligible.len())];
            let mut words = titles[target].clone();
            words.truncate(8);
            let query = match kind {
                Kind::Title => words.join(" "),
                Kind::TitleTypo => {
                    let able: Vec<usize> =
                        (0..words.len()).filter(|&i| typo_able(&words[i])).collect();
                    if able.is_empty() {
                        continue;
                    }
                    let i = able[rng.below(able.len())];
                    words[i] = typo(&words[i], &mut rng);
                    words.join(" ")
                }
                Kind::TitlePrefix => {
                    let last: Vec<char> = words.last().expect("2+ words").chars().collect();
                    if last.len() < 4 || !last.iter().all(|c| c.is_alphabetic()) {
                        continue;
                    }
                    let keep = 3 + rng.below(last.len() - 3);
                    *words.last_mut().expect("2+ words") = last[..keep].iter().collect();
                    words.join(" ")
                }
                Kind::BodyTypo => {
                    let rare: Vec<&String> = bodies[target]
                        .iter()
                        .filter(|w| typo_able(w) && df[w.as_str()] <= rare_df)
                        .collect();
                    if rare.len() < 3 {
                        continue;
                    }
                    let mut picked: Vec<String> = Vec::new();
                    while picked.len() < 3 {
                        let w = rare[rng.below(rare.len())];
                        if !picked.contains(w) {
                            picked.push(w.clone());
                        }
                    }
                    let i = rng.below(3);
                    picked[i] = typo(&picked[i], &mut rng);
                    picked.join(" ")
                }
            };
            out.push(KnownItem {
                kind,
                query,
                target,
            });
            made += 1;
        }
    }
    out
}

/// The naive baseline: every query word must occur (as a substring) in the folded title or
/// body; titles with more of the words first.
pub struct LinearScan {
    texts: Vec<(String, String)>,
}

impl LinearScan {
    /// Folds every title and body once.
    pub fn new(corpus: &Corpus) -> Self {
        LinearScan {
            texts: corpus
                .articles
                .iter()
                .map(|a| {
                    (
                        lede_text::fold_for_match(&a.title),
                        lede_text::fold_for_match(&a.paragraphs.join("\n")),
                    )
                })
                .collect(),
        }
    }

    /// The top ten article indices for `query`.
    pub fn search(&self, query: &str) -> Vec<usize> {
        let folded = lede_text::fold_for_match(query);
        let words: Vec<&str> = folded.split_whitespace().collect();
        let mut hits: Vec<(usize, usize)> = self
            .texts
            .iter()
            .enumerate()
            .filter(|(_, (t, b))| words.iter().all(|w| t.contains(w) || b.contains(w)))
            .map(|(i, (t, _))| (words.iter().filter(|w| t.contains(*w)).count(), i))
            .collect();
        hits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        hits.into_iter().take(10).map(|(_, i)| i).collect()
    }
}

/// The engine's top ten for `text` (rank only: no snippets).
pub fn top10(index: &Index, corpus: &Corpus, text: &str) -> Vec<usize> {
    let mut q = Query::parse(text);
    q.limit = 10;
    q.snippets = 0;
    index
        .search(corpus, &q)
        .hits
        .iter()
        .map(|h| h.article)
        .collect()
}

/// Reciprocal rank of `target` in `ranked` (0 when absent).
pub fn reciprocal_rank(ranked: &[usize], target: usize) -> f64 {
    ranked
        .iter()
        .position(|&d| d == target)
        .map_or(0.0, |r| 1.0 / (r as f64 + 1.0))
}

/// Sorted latencies -> (p50, p95, max).
pub fn percentiles(mut times: Vec<Duration>) -> (Duration, Duration, Duration) {
    times.sort();
    let at = |p: f64| times[((times.len() as f64 - 1.0) * p).round() as usize];
    (at(0.5), at(0.95), *times.last().expect("some times"))
}

/// Runs per query whose median is the query's latency (a shared machine preempts single runs).
pub const RUNS: usize = 5;

/// The median time of `runs` calls of `f`.
pub fn median_of(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

/// One kind's numbers.
pub struct KindReport {
    /// Which kind.
    pub kind: Kind,
    /// Queries run.
    pub queries: usize,
    /// MRR@10 of the engine.
    pub mrr: f64,
    /// MRR@10 of the linear scan.
    pub baseline_mrr: f64,
    /// Engine latency, rank only (limit 10, no snippets): p50, p95, max.
    pub rank_only: (Duration, Duration, Duration),
    /// Engine latency with the default page (20 hits, 3 snippets each): p50, p95, max.
    pub with_snippets: (Duration, Duration, Duration),
    /// Linear-scan latency: p50, p95, max.
    pub baseline: (Duration, Duration, Duration),
}

/// Runs every item against the engine and the baseline, per kind.
pub fn evaluate(
    index: &Index,
    corpus: &Corpus,
    scan: &LinearScan,
    items: &[KnownItem],
) -> Vec<KindReport> {
    Kind::ALL
        .iter()
        .filter_map(|&kind| {
            let items: Vec<&KnownItem> = items.iter().filter(|i| i.kind == kind).collect();
            if items.is_empty() {
                return None;
            }
            let (mut rr, mut brr) = (0.0, 0.0);
            let (mut t_rank, mut t_full, mut t_base) = (Vec::new(), Vec::new(), Vec::new());
            for it in &items {
                let ranked = top10(index, corpus, &it.query);
                rr += reciprocal_rank(&ranked, it.target);
                t_rank.push(median_of(RUNS, || {
                    std::hint::black_box(top10(index, corpus, &it.query));
                }));
                t_full.push(median_of(RUNS, || {
                    std::hint::black_box(index.search(corpus, &Query::parse(&it.query)));
                }));
                let base = scan.search(&it.query);
                brr += reciprocal_rank(&base, it.target);
                t_base.push(median_of(1, || {
                    std::hint::black_box(scan.search(&it.query));
                }));
            }
            let n = items.len() as f64;
            Some(KindReport {
                kind,
                queries: items.len(),
                mrr: rr / n,
                baseline_mrr: brr / n,
                rank_only: percentiles(t_rank),
                with_snippets: percentiles(t_full),
                baseline: percentiles(t_base),
            })
        })
        .collect()
}

/// Prints the reports as a table.
pub fn print(reports: &[KindReport]) {
    let us = |d: Duration| d.as_secs_f64() * 1e6;
    println!(
        "{:<15} {:>5} {:>7} {:>8} | {:>9} {:>9} {:>9} | {:>9} {:>9} | {:>9} {:>9} | {:>6}",
        "kind",
        "n",
        "MRR@10",
        "scanMRR",
        "p50 us",
        "p95 us",
        "max us",
        "snip p50",
        "snip p95",
        "scan p50",
        "scan p95",
        "ratio"
    );
    for r in reports {
        println!(
            "{:<15} {:>5} {:>7.3} {:>8.3} | {:>9.0} {:>9.0} {:>9.0} | {:>9.0} {:>9.0} | {:>9.0} {:>9.0} | {:>5.0}x",
            r.kind.name(),
            r.queries,
            r.mrr,
            r.baseline_mrr,
            us(r.rank_only.0),
            us(r.rank_only.1),
            us(r.rank_only.2),
            us(r.with_snippets.0),
            us(r.with_snippets.1),
            us(r.baseline.0),
            us(r.baseline.1),
            us(r.baseline.0) / us(r.rank_only.0).max(0.001),
        );
    }
}
