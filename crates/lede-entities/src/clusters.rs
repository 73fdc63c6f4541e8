//! Word clusters: the exchange algorithm (Martin, Liermann and Ney 1998) groups words whose
//! left and right neighbours look alike by maximising the likelihood of a class bigram model,
//! run by `examples/clusters.rs` on unlabelled news text to write `data/clusters.txt`; and the
//! lookup the tagger's features use (`cluster_of`), which falls back from an all-caps or
//! lowercase form to the written form the clusters know.

use std::collections::HashMap;

/// Clustering settings.
#[derive(Debug, Clone, Copy)]
pub struct ClusterOptions {
    /// Number of classes.
    pub classes: usize,
    /// Words seen fewer times are left out (they share no class).
    pub min_count: u32,
    /// Passes over the vocabulary.
    pub iterations: usize,
}

/// `x ln x`, with 0 at 0.
fn xlogx(x: f64) -> f64 {
    if x > 0.0 {
        x * x.ln()
    } else {
        0.0
    }
}

/// Clusters the words of `sentences` (tokens as written). Returns each kept word with its class,
/// most frequent words first; `progress` gets the iteration, the words moved and the
/// log-likelihood after it.
pub fn exchange_clusters(
    sentences: &[Vec<String>],
    options: ClusterOptions,
    mut progress: impl FnMut(usize, usize, f64),
) -> Vec<(String, u16)> {
    let c = options.classes.max(2);
    let mut counts: HashMap<&str, u32> = HashMap::new();
    for s in sentences {
        for w in s {
            *counts.entry(w.as_str()).or_default() += 1;
        }
    }
    let mut vocab: Vec<(&str, u32)> = counts
        .into_iter()
        .filter(|&(_, n)| n >= options.min_count)
        .collect();
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    // Word 0 stands for every rare word and the sentence boundary: it has a class of its own.
    let id: HashMap<&str, usize> = vocab
        .iter()
        .enumerate()
        .map(|(k, &(w, _))| (w, k + 1))
        .collect();
    let v = vocab.len() + 1;
    let mut bigrams: HashMap<(usize, usize), u32> = HashMap::new();
    let mut unigram = vec![0f64; v];
    for s in sentences {
        let mut prev = 0;
        for w in s.iter().map(|w| id.get(w.as_str()).copied().unwrap_or(0)) {
            *bigrams.entry((prev, w)).or_default() += 1;
            unigram[w] += 1.0;
            prev = w;
        }
        *bigrams.entry((prev, 0)).or_default() += 1;
        unigram[0] += 1.0;
    }
    let mut left: Vec<Vec<(usize, f64)>> = vec![Vec::new(); v];
    let mut right: Vec<Vec<(usize, f64)>> = vec![Vec::new(); v];
    let mut selfloop = vec![0f64; v];
    for (&(a, b), &n) in &bigrams {
        if a == b {
            selfloop[a] = f64::from(n);
        } else {
            right[a].push((b, f64::from(n)));
            left[b].push((a, f64::from(n)));
        }
    }
    // Class 0 holds word 0 only; the most frequent words start in classes of their own.
    let mut class: Vec<usize> = (0..v)
        .map(|w| if w == 0 { 0 } else { 1 + (w - 1) % (c - 1) })
        .collect();
    let mut cn = vec![0f64; c];
    let mut cb = vec![0f64; c * c];
    for w in 0..v {
        cn[class[w]] += unigram[w];
    }
    for (&(a, b), &n) in &bigrams {
        cb[class[a] * c + class[b]] += f64::from(n);
    }
    let mut lc = vec![0f64; c];
    let mut rc = vec![0f64; c];
    let mut touched: Vec<usize> = Vec::new();
    for iteration in 1..=options.iterations {
        let mut moved = 0;
        for w in 1..v {
            let from = class[w];
            for &k in &touched {
                lc[k] = 0.0;
                rc[k] = 0.0;
            }
            touched.clear();
            for &(x, n) in &left[w] {
                let k = class[x];
                if lc[k] == 0.0 && rc[k] == 0.0 {
                    touched.push(k);
                }
                lc[k] += n;
            }
            for &(x, n) in &right[w] {
                let k = class[x];
                if lc[k] == 0.0 && rc[k] == 0.0 {
                    touched.push(k);
                }
                rc[k] += n;
            }
            let own = selfloop[w];
            // Take w out of its class.
            for &k in &touched {
                cb[k * c + from] -= lc[k];
                cb[from * c + k] -= rc[k];
            }
            cb[from * c + from] -= own;
            cn[from] -= unigram[w];
            // The gain of putting w into class `to`.
            let gain = |to: usize, cb: &[f64], cn: &[f64]| -> f64 {
                let mut g = 0.0;
                for &k in &touched {
                    if k != to {
                        let col = cb[k * c + to];
                        g += xlogx(col + lc[k]) - xlogx(col);
                        let row = cb[to * c + k];
                        g += xlogx(row + rc[k]) - xlogx(row);
                    }
                }
                let diag = cb[to * c + to];
                g += xlogx(diag + lc[to] + rc[to] + own) - xlogx(diag);
                g - 2.0 * (xlogx(cn[to] + unigram[w]) - xlogx(cn[to]))
            };
            let mut best = from;
            let mut best_gain = gain(from, &cb, &cn);
            for to in 1..c {
                if to != from {
                    let g = gain(to, &cb, &cn);
                    if g > best_gain + 1e-9 {
                        best = to;
                        best_gain = g;
                    }
                }
            }
            // Put w into `best`: its neighbours in `from` are still counted under `from`, and
            // the self-loop lands on the diagonal.
            for &k in &touched {
                cb[k * c + best] += lc[k];
                cb[best * c + k] += rc[k];
            }
            cb[best * c + best] += own;
            cn[best] += unigram[w];
            if best != from {
                class[w] = best;
                moved += 1;
            }
        }
        let ll = cb.iter().map(|&n| xlogx(n)).sum::<f64>()
            - 2.0 * cn.iter().map(|&n| xlogx(n)).sum::<f64>();
        progress(iteration, moved, ll);
        if moved == 0 {
            break;
        }
    }
    vocab
        .iter()
        .enumerate()
        .map(|(k, &(w, _))| (w.to_string(), class[k + 1] as u16))
        .collect()
}

/// Reads the clusters file (`class<TAB>word` per line, `#` comments), naming the first bad
/// line.
pub fn parse_clusters(text: &str) -> Result<HashMap<String, u16>, String> {
    let mut out = HashMap::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let parsed = line
            .split_once('\t')
            .and_then(|(k, w)| Some((w.to_string(), k.parse::<u16>().ok()?)));
        let (w, k) =
            parsed.ok_or_else(|| format!("line {}: not class<TAB>word: {line:?}", n + 1))?;
        out.insert(w, k);
    }
    Ok(out)
}

/// The class of a token among `clusters` (word as written -> class): the token itself, else its
/// title-case form (`CHINA` -> `China`), else its lowercase form.
pub(crate) fn cluster_of<K: Copy>(clusters: &HashMap<String, K>, token: &str) -> Option<K> {
    if let Some(&k) = clusters.get(token) {
        return Some(k);
    }
    let lower = token.to_lowercase();
    let mut chars = lower.chars();
    let title: String = chars
        .next()
        .map(|f| f.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    clusters
        .get(&title)
        .or_else(|| clusters.get(&lower))
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<Vec<String>> {
        text.lines()
            .map(|l| l.split_whitespace().map(str::to_string).collect())
            .collect()
    }

    #[test]
    fn words_in_the_same_contexts_share_a_class() {
        // Cities follow "in" and precede "said"; verbs follow "they".
        let mut text = String::new();
        for _ in 0..30 {
            for city in ["Oslo", "Lima", "Kabul"] {
                text.push_str(&format!("police in {city} said on Monday\n"));
            }
            for verb in ["rose", "fell", "slipped"] {
                text.push_str(&format!("prices {verb} sharply on Monday\n"));
            }
        }
        let options = ClusterOptions {
            classes: 4,
            min_count: 1,
            iterations: 10,
        };
        let mut lls = Vec::new();
        let out = exchange_clusters(&sents(&text), options, |_, _, ll| lls.push(ll));
        let of: HashMap<String, u16> = out.into_iter().collect();
        assert_eq!(of["Oslo"], of["Lima"]);
        assert_eq!(of["Oslo"], of["Kabul"]);
        assert_eq!(of["rose"], of["fell"]);
        assert_ne!(of["Oslo"], of["rose"]);
        assert!(lls.windows(2).all(|w| w[1] >= w[0] - 1e-6), "{lls:?}");
        assert_eq!(cluster_of(&of, "OSLO"), Some(of["Oslo"]));
        assert_eq!(cluster_of(&of, "Prices"), Some(of["prices"]));
        assert_eq!(cluster_of(&of, "Bergen"), None);
        let parsed = parse_clusters("# comment\n3\tOslo\n7\tfell\n").unwrap();
        assert_eq!(parsed.get("Oslo"), Some(&3));
        assert_eq!(parsed.len(), 2);
        assert_eq!(
            parse_clusters("3\tOslo\nseven\tfell\n"),
            Err("line 2: not class<TAB>word: \"seven\\tfell\"".to_string())
        );
    }
}
