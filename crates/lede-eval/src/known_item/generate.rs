//! The known-item query generator: for each kind, articles drawn in a seeded order (mulberry32)
//! and one query made per article whose target is that article (the rules are in the docs of
//! [`generate`]).

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use lede_corpus::Corpus;

use super::{KnownItem, KINDS};

/// Words the queries never use.
const STOP: &str = "a an and are as at be but by for from has have he her his in into is it its \
    of on or our over says said she than that the their them they this to up was were will with \
    after before about new not no you we us i his her what which who";

/// The letters a typo substitutes or inserts.
const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyz";

/// mulberry32: a small deterministic generator of floats in [0, 1).
#[derive(Debug, Clone)]
pub struct Mulberry32(u32);

impl Mulberry32 {
    /// A generator from `seed`.
    pub fn new(seed: u32) -> Self {
        Mulberry32(seed)
    }

    /// The next float in [0, 1).
    pub fn next_f64(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x6d2b_79f5);
        let mut t = self.0;
        t = (t ^ (t >> 15)).wrapping_mul(t | 1);
        t ^= t.wrapping_add((t ^ (t >> 7)).wrapping_mul(t | 61));
        f64::from(t ^ (t >> 14)) / 4_294_967_296.0
    }

    /// A number below `n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next_f64() * n as f64).floor() as usize
    }

    /// A number in `lo..=hi`.
    fn int(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// One item of `xs` (not empty).
    fn pick<'x, T>(&mut self, xs: &'x [T]) -> &'x T {
        &xs[self.below(xs.len())]
    }
}

/// Folded alphabetic words of 2+ letters, stopwords dropped, in order: the text is folded as
/// search folds it ([`lede_text::fold_for_match`], combining marks dropped), cut into runs of
/// letters and digits, and only the runs of ASCII letters are kept.
pub fn words(text: &str) -> Vec<String> {
    static STOPWORDS: LazyLock<HashSet<&str>> = LazyLock::new(|| STOP.split(' ').collect());
    let stop = &*STOPWORDS;
    let folded: String = lede_text::fold_for_match(text)
        .chars()
        .filter(|&c| !lede_text::is_combining_mark(c))
        .collect();
    folded
        .split(|c: char| !(c.is_alphabetic() || c.is_numeric()))
        .filter(|w| w.len() >= 2 && w.bytes().all(|b| b.is_ascii_lowercase()))
        .filter(|w| !stop.contains(w))
        .map(str::to_string)
        .collect()
}

/// `word` (ASCII letters, 5+) with one typo of a random kind (substitution, deletion,
/// insertion or transposition), never touching the first letter.
pub fn typo(rand: &mut Mulberry32, word: &str) -> String {
    let w = word.as_bytes();
    let n = w.len();
    loop {
        let mut out = w.to_vec();
        match rand.below(4) {
            0 => {
                let i = rand.int(1, n - 1);
                let others: Vec<u8> = LETTERS.iter().copied().filter(|&c| c != w[i]).collect();
                out[i] = *rand.pick(&others);
            }
            1 => {
                out.remove(rand.int(1, n - 1));
            }
            2 => {
                let i = rand.int(1, n);
                out.insert(i, *rand.pick(LETTERS));
            }
            _ => {
                let i = rand.int(1, n - 2);
                if w[i] == w[i + 1] {
                    continue;
                }
                out.swap(i, i + 1);
            }
        }
        if out != w {
            return String::from_utf8(out).expect("ASCII letters");
        }
    }
}

/// A window of 2-4 consecutive distinct items of `xs` satisfying `ok`, the length drawn first
/// (so that short titles do not dominate long windows), or `None`.
fn window(
    rand: &mut Mulberry32,
    xs: &[String],
    ok: impl Fn(&[String]) -> bool,
) -> Option<Vec<String>> {
    let mut options: Vec<&[String]> = Vec::new();
    for len in 2..=xs.len().min(4) {
        for w in xs.windows(len) {
            let distinct = w.iter().collect::<HashSet<_>>().len() == len;
            if distinct && ok(w) {
                options.push(w);
            }
        }
    }
    if options.is_empty() {
        return None;
    }
    let mut lens: Vec<usize> = options.iter().map(|w| w.len()).collect();
    lens.dedup();
    let len = *rand.pick(&lens);
    let of_len: Vec<&[String]> = options.into_iter().filter(|w| w.len() == len).collect();
    Some(rand.pick(&of_len).to_vec())
}

/// Articles holding each word (ascending), for the uniqueness rule.
type Postings = HashMap<String, Vec<usize>>;

/// True when article `i` is the only one holding every word of `ws` in `postings`.
fn only_one_with<S: AsRef<str>>(postings: &Postings, i: usize, ws: &[S]) -> bool {
    let mut lists: Vec<&Vec<usize>> = ws.iter().filter_map(|w| postings.get(w.as_ref())).collect();
    if lists.len() < ws.len() {
        return false;
    }
    lists.sort_by_key(|l| l.len());
    let mut docs: Vec<usize> = lists[0].clone();
    for list in &lists[1..] {
        docs.retain(|d| list.binary_search(d).is_ok());
    }
    docs == [i]
}

/// What the makers know about the corpus.
struct Words {
    title: Vec<Vec<String>>,
    body: Vec<Vec<String>>,
    by_title_word: Postings,
    by_body_word: Postings,
    /// Most articles a rare body word is in.
    max_df: usize,
}

impl Words {
    fn new(corpus: &Corpus) -> Self {
        let title: Vec<Vec<String>> = corpus
            .articles
            .iter()
            .map(|a| words(&strip_tags(&a.title)))
            .collect();
        let body: Vec<Vec<String>> = corpus
            .articles
            .iter()
            .map(|a| words(&a.paragraphs.join("\n")))
            .collect();
        let postings = |all: &[Vec<String>]| {
            let mut map = Postings::new();
            for (i, ws) in all.iter().enumerate() {
                let mut seen = HashSet::new();
                for w in ws {
                    if seen.insert(w) {
                        map.entry(w.clone()).or_default().push(i);
                    }
                }
            }
            map
        };
        let n = corpus.articles.len();
        Words {
            by_title_word: postings(&title),
            by_body_word: postings(&body),
            title,
            body,
            // A rare word is in at most 0.5 % of the articles (at least 2).
            max_df: ((n as f64 * 0.005).ceil() as usize).max(2),
        }
    }

    fn df(&self, w: &str) -> usize {
        self.by_body_word.get(w).map_or(0, Vec::len)
    }

    /// One query of `kind` for article `i`, or `None` when it has none.
    fn make(&self, kind: &str, rand: &mut Mulberry32, i: usize) -> Option<String> {
        let title = &self.title[i];
        let distinct = |w: &[String]| only_one_with(&self.by_title_word, i, w);
        let long = |x: &String| x.len() >= 5;
        let long_at =
            |w: &[String]| -> Vec<usize> { (0..w.len()).filter(|&k| long(&w[k])).collect() };
        match kind {
            "title" => window(rand, title, distinct).map(|w| w.join(" ")),
            "typo" => {
                let mut w = window(rand, title, |w| distinct(w) && w.iter().any(long))?;
                let k = *rand.pick(&long_at(&w));
                w[k] = typo(rand, &w[k]);
                Some(w.join(" "))
            }
            "prefix" => {
                let mut w = window(rand, title, |w| {
                    distinct(w) && w.last().is_some_and(|l| l.len() >= 4)
                })?;
                let last = w.last_mut().expect("2+ words");
                let keep = rand.int(3, 5.min(last.len() - 1));
                last.truncate(keep);
                Some(w.join(" "))
            }
            "body" => {
                let mut seen = HashSet::new();
                let cands: Vec<&String> = self.body[i]
                    .iter()
                    .filter(|w| w.len() >= 4 && self.df(w) <= self.max_df && seen.insert(*w))
                    .collect();
                let mut rarest = cands.clone();
                rarest.sort_by(|x, y| self.df(x).cmp(&self.df(y)).then_with(|| x.cmp(y)));
                let pool = &rarest[..rarest.len().min(10)];
                let mut triples: Vec<[&String; 3]> = Vec::new();
                for x in 0..pool.len() {
                    for y in x + 1..pool.len() {
                        for z in y + 1..pool.len() {
                            let t = [pool[x], pool[y], pool[z]];
                            if t.iter().any(|w| long(w)) && only_one_with(&self.by_body_word, i, &t)
                            {
                                triples.push(t);
                            }
                        }
                    }
                }
                if triples.is_empty() {
                    return None;
                }
                let mut chosen: Vec<String> =
                    rand.pick(&triples).iter().map(|s| s.to_string()).collect();
                let at = |w: &String| cands.iter().position(|c| *c == w);
                chosen.sort_by_key(at);
                let k = *rand.pick(&long_at(&chosen));
                chosen[k] = typo(rand, &chosen[k]);
                Some(chosen.join(" "))
            }
            _ => None,
        }
    }
}

/// Replaces every `<...>` tag (Reuters tickers: `<LSB>`) with a space.
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('<') {
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push(' ');
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// A Fisher-Yates shuffle of `0..n`.
fn shuffle(rand: &mut Mulberry32, n: usize) -> Vec<usize> {
    let mut out: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        let j = rand.below(i + 1);
        out.swap(i, j);
    }
    out
}

/// `per_kind` known-item queries of each kind of [`KINDS`] from `corpus`, with `seed`.
///
/// Words are folded and alphabetic (2+ letters, no stopwords; see [`words`]). Kinds:
/// `title` (2-4 consecutive title words), `typo` (the same with one substitution, deletion,
/// insertion or transposition, never at the first letter, in a word of 5+ letters), `prefix`
/// (2-4 title words, the last cut to 3-5 letters, shorter than the word), `body` (three of the
/// article's ten rarest body words of 4+ letters, document frequency at most 0.5 % of the
/// articles and at least 2, one of 5+ letters with a typo, in body order). A known-item query
/// has one right answer, so the title kinds take only windows of words that no other article's
/// title holds all of (before the typo or the cut), and the body kind only three words that no
/// other article's body holds all of. Each kind draws the articles in its own order (a
/// mulberry32 shuffle seeded `seed * 1000 + kind`) and takes each once per pass, up to five
/// passes while a small corpus has fewer eligible articles; queries of a kind are distinct.
pub fn generate(corpus: &Corpus, per_kind: usize, seed: u32) -> Vec<KnownItem> {
    let words = Words::new(corpus);
    let mut queries = Vec::new();
    for (k, kind) in KINDS.iter().enumerate() {
        let mut rand = Mulberry32::new(seed.wrapping_mul(1000).wrapping_add(k as u32));
        let order = shuffle(&mut rand, corpus.articles.len());
        let mut made: HashSet<String> = HashSet::new();
        for _pass in 0..5 {
            if made.len() >= per_kind {
                break;
            }
            for &i in &order {
                if made.len() >= per_kind {
                    break;
                }
                let Some(q) = words.make(kind, &mut rand, i) else {
                    continue;
                };
                if !made.insert(q.clone()) {
                    continue;
                }
                queries.push(KnownItem {
                    q,
                    target: corpus.articles[i].id.clone(),
                    kind: kind.to_string(),
                });
            }
        }
    }
    queries
}
