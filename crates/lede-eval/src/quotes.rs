//! Scores the quote extractor against PolNeAR's direct quotations.
//!
//! Rules (see docs/evaluation.md): the article text is split into paragraphs at line breaks
//! (trimmed, blank lines dropped: `lede_text::paragraphs`, as ingest splits it) and every
//! paragraph is given to the extractor. Spans are compared as sets of code-point
//! positions, counting only letters and digits (quote marks, spaces and punctuation do not
//! count, so `“Yes,”` and `Yes` are the same span). Overlap is the Jaccard index of two sets.
//! - Gold: attributions whose content begins with a double quote mark (direct quotations).
//! - Predicted: each quotation (pieces linked by `next`).
//! - Units: predicted quotations and direct gold contents that share characters are joined
//!   into one unit (connected components), so that neither side is punished for splitting a
//!   quotation where the other does not (PolNeAR sometimes joins `“A,” he said. “B.”` into one
//!   content, sometimes not). A unit matches at threshold t when the union of its predicted
//!   characters overlaps the union of its gold characters >= t; exact when they are equal.
//! - Recall at t: gold quotes in matching units / gold quotes. Precision at t: predicted
//!   quotations in matching units / counted predicted quotations, where a prediction touching
//!   no gold content is counted (wrong) and one touching only indirect gold contents (a partial
//!   quote inside indirect speech, which PolNeAR annotates as one indirect content) is not.
//! - Speaker: over gold quotes found at 0.3 that have a gold source, the predicted quotation
//!   overlapping the gold most is right when its speaker's words in the text overlap the gold
//!   source span (for a pronoun source, our pronoun span is what is compared).

use std::collections::BTreeSet;

use serde::Serialize;

use crate::polnear::{Fragments, GoldArticle};

/// Precision, recall and F1 at one threshold.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq)]
pub struct Prf {
    /// Correct predicted quotations / counted predicted quotations.
    pub precision: f64,
    /// Found gold quotes / gold quotes.
    pub recall: f64,
    /// Harmonic mean.
    pub f1: f64,
}

/// The whole report, as `lede eval quotes --json` prints it.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteScores {
    /// At overlap >= 0.3.
    #[serde(rename = "overlap_0.3")]
    pub overlap_03: Prf,
    /// At overlap >= 0.8.
    #[serde(rename = "overlap_0.8")]
    pub overlap_08: Prf,
    /// Exact (same letters and digits).
    pub exact: Prf,
    /// Right speakers / gold quotes found at 0.3 with a gold source.
    pub speaker_accuracy: f64,
    /// Speaker accuracy over those quotes by the confidence of the attribution (none counts
    /// as 0): [0, .5), [.5, .8), [.8, .95), [.95, 1].
    pub confidence_bands: Vec<ConfidenceBand>,
    /// The share of those quotes attributed with confidence >= 0.8.
    pub high_confidence_share: f64,
    /// Gold direct quotations.
    pub quotes_gold: usize,
    /// Predicted quotations.
    pub quotes_found: usize,
    /// The gold quotes found worst, for debugging (not in the JSON).
    #[serde(skip)]
    pub worst: Vec<Miss>,
    /// Gold quotes found at 0.3 whose speaker was wrong (not in the JSON).
    #[serde(skip)]
    pub wrong_speakers: Vec<Miss>,
    /// Predicted quotations that touch no gold content (not in the JSON).
    #[serde(skip)]
    pub false_positives: Vec<Miss>,
}

/// Speaker accuracy within one band of confidence.
#[derive(Debug, Clone, Copy, Serialize, PartialEq)]
pub struct ConfidenceBand {
    /// Lowest confidence in the band.
    pub from: f64,
    /// Highest confidence: excluded, except for the last band, which ends at 1 included.
    pub to: f64,
    /// Scored quotes whose attribution falls in the band.
    pub quotes: usize,
    /// How many of them have the right speaker.
    pub right: usize,
    /// right / quotes (0 when empty).
    pub accuracy: f64,
}

/// The bounds of the confidence bands.
const BANDS: [f64; 5] = [0.0, 0.5, 0.8, 0.95, 1.0];

/// Accuracy per confidence band of `(confidence, right)` pairs.
fn bands(scored: &[(f32, bool)]) -> Vec<ConfidenceBand> {
    BANDS
        .windows(2)
        .map(|w| {
            let last = w[1] >= 1.0;
            let inside: Vec<bool> = scored
                .iter()
                .filter(|(c, _)| {
                    let c = f64::from(*c);
                    c >= w[0] && (c < w[1] || (last && c <= w[1]))
                })
                .map(|&(_, r)| r)
                .collect();
            let right = inside.iter().filter(|&&r| r).count();
            ConfidenceBand {
                from: w[0],
                to: w[1],
                quotes: inside.len(),
                right,
                accuracy: if inside.is_empty() {
                    0.0
                } else {
                    right as f64 / inside.len() as f64
                },
            }
        })
        .collect()
}

/// A gold quote the extractor missed or matched poorly.
#[derive(Debug, Clone)]
pub struct Miss {
    /// Article id.
    pub article: String,
    /// Overlap reached.
    pub overlap: f64,
    /// The gold text (and source).
    pub gold: String,
    /// What was predicted over it (and the speaker).
    pub predicted: String,
}

/// One predicted quotation in whole-text code points.
struct Predicted {
    chars: BTreeSet<usize>,
    text: String,
    speaker: Option<(usize, usize)>,
    speaker_name: String,
    confidence: f32,
}

fn content_set(chars: &[char], frags: &[(usize, usize)]) -> BTreeSet<usize> {
    frags
        .iter()
        .flat_map(|&(a, b)| a..b.min(chars.len()))
        .filter(|&i| chars[i].is_alphanumeric())
        .collect()
}

fn jaccard(a: &BTreeSet<usize>, b: &BTreeSet<usize>) -> f64 {
    let inter = a.intersection(b).count();
    let union = a.len() + b.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

fn overlaps(a: (usize, usize), frags: &Fragments) -> bool {
    frags.iter().any(|&(s, e)| a.0 < e && s < a.1)
}

/// Runs the extractor on each article's paragraphs; returns quotations in whole-text offsets.
fn predict(
    article: &GoldArticle,
    chars: &[char],
    extract: &impl Fn(&lede_corpus::Paragraphs) -> Vec<lede_corpus::Quote>,
) -> Vec<Predicted> {
    let mut paragraphs = Vec::new();
    let mut offsets = Vec::new();
    for (at, paragraph) in lede_text::paragraphs_with_offsets(&article.text) {
        paragraphs.push(paragraph.to_string());
        offsets.push(at);
    }
    let paragraphs: lede_corpus::Paragraphs = paragraphs.into();
    let quotes = extract(&paragraphs);
    let mut out: Vec<Predicted> = Vec::new();
    let mut member_of: Vec<Option<usize>> = vec![None; quotes.len()];
    for (i, q) in quotes.iter().enumerate() {
        let group = match member_of[i] {
            Some(g) => g,
            None => {
                let speaker = q.speaker.as_ref().and_then(|s| {
                    s.span.map(|sp| {
                        (
                            offsets[sp.paragraph] + sp.start,
                            offsets[sp.paragraph] + sp.end,
                        )
                    })
                });
                out.push(Predicted {
                    chars: BTreeSet::new(),
                    text: String::new(),
                    speaker,
                    speaker_name: q
                        .speaker
                        .as_ref()
                        .map_or(String::new(), |s| s.name.to_string()),
                    confidence: q.speaker.as_ref().and_then(|s| s.confidence).unwrap_or(0.0),
                });
                out.len() - 1
            }
        };
        if let Some(n) = q.next {
            member_of[n] = Some(group);
        }
        let base = offsets[q.paragraph];
        let p = &mut out[group];
        p.chars.extend(
            (base + q.start..base + q.end)
                .filter(|&c| chars.get(c).is_some_and(|ch| ch.is_alphanumeric())),
        );
        if !p.text.is_empty() {
            p.text.push_str(" … ");
        }
        p.text.push_str(q.text(&paragraphs));
    }
    out
}

fn prf(correct: usize, counted: usize, found: usize, gold: usize) -> Prf {
    let (precision, recall, f1) = crate::precision_recall_f1(correct, counted, found, gold);
    Prf {
        precision,
        recall,
        f1,
    }
}

/// Groups predicted quotations and direct gold contents that share characters into matched
/// units (connected components); returns, per unit, its predicted and gold members.
fn components(
    predicted: &[Predicted],
    gold: &[(BTreeSet<usize>, bool)],
) -> Vec<(Vec<usize>, Vec<usize>)> {
    let n = predicted.len();
    let mut parent: Vec<usize> = (0..n + gold.len()).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for (i, p) in predicted.iter().enumerate() {
        for (j, (g, direct)) in gold.iter().enumerate() {
            if *direct && !g.is_disjoint(&p.chars) {
                let (a, b) = (find(&mut parent, i), find(&mut parent, n + j));
                parent[a] = b;
            }
        }
    }
    let mut units: std::collections::BTreeMap<usize, (Vec<usize>, Vec<usize>)> = Default::default();
    for i in 0..n {
        let r = find(&mut parent, i);
        units.entry(r).or_default().0.push(i);
    }
    for (j, (g, direct)) in gold.iter().enumerate() {
        if *direct && !g.is_empty() {
            let r = find(&mut parent, n + j);
            units.entry(r).or_default().1.push(j);
        }
    }
    units.into_values().collect()
}

/// Scores the extractor (`lede_quotes::extract_quotes`) on `articles`.
pub fn score(articles: &[GoldArticle]) -> QuoteScores {
    score_with(articles, lede_quotes::extract_quotes)
}

/// Scores the hand-ordered choice of speakers (`lede_quotes::extract_quotes_with(…, None)`),
/// the ranker's baseline, on `articles`.
pub fn score_hand_rules(articles: &[GoldArticle]) -> QuoteScores {
    score_with(articles, |p| lede_quotes::extract_quotes_with(p, None))
}

/// Scores `extract` (paragraphs to quotes) on `articles`.
pub fn score_with(
    articles: &[GoldArticle],
    extract: impl Fn(&lede_corpus::Paragraphs) -> Vec<lede_corpus::Quote>,
) -> QuoteScores {
    const T: [f64; 2] = [0.3, 0.8];
    let (mut gold_n, mut found_n, mut counted) = (0, 0, 0);
    let mut recall_hits = [0usize; 3];
    let mut precision_hits = [0usize; 3];
    let (mut speaker_right, mut speaker_total) = (0, 0);
    let mut misses = Vec::new();
    let mut wrong_speakers = Vec::new();
    let mut false_positives = Vec::new();
    let mut scored: Vec<(f32, bool)> = Vec::new();
    for article in articles {
        let chars: Vec<char> = article.text.chars().collect();
        let predicted = predict(article, &chars, &extract);
        found_n += predicted.len();
        let gold: Vec<(BTreeSet<usize>, bool)> = article
            .attributions
            .iter()
            .map(|g| (content_set(&chars, &g.content), g.is_direct()))
            .collect();
        for (preds, golds) in components(&predicted, &gold) {
            let p_union: BTreeSet<usize> = preds
                .iter()
                .flat_map(|&i| predicted[i].chars.iter().copied())
                .collect();
            let g_union: BTreeSet<usize> = golds
                .iter()
                .flat_map(|&j| gold[j].0.iter().copied())
                .collect();
            let overlap = jaccard(&p_union, &g_union);
            let exact = !p_union.is_empty() && p_union == g_union;
            let hits = [overlap >= T[0], overlap >= T[1], exact];
            // Predicted quotations: wrong when they touch no gold content at all, not counted
            // when they touch only indirect gold contents.
            for &i in &preds {
                let p = &predicted[i];
                if golds.is_empty() {
                    if gold.iter().any(|(g, _)| !g.is_disjoint(&p.chars)) {
                        continue;
                    }
                    counted += 1;
                    false_positives.push(Miss {
                        article: article.id.clone(),
                        overlap: 0.0,
                        gold: String::new(),
                        predicted: format!("{} — speaker: {}", p.text, p.speaker_name),
                    });
                    continue;
                }
                counted += 1;
                for k in 0..3 {
                    precision_hits[k] += usize::from(hits[k]);
                }
            }
            for &j in &golds {
                gold_n += 1;
                for k in 0..3 {
                    recall_hits[k] += usize::from(hits[k]);
                }
                let g = &article.attributions[j];
                let ours = preds
                    .iter()
                    .map(|&i| predicted[i].text.as_str())
                    .collect::<Vec<_>>()
                    .join(" | ");
                if overlap < 0.8 {
                    misses.push(Miss {
                        article: article.id.clone(),
                        overlap,
                        gold: g.content_text.clone(),
                        predicted: ours,
                    });
                }
                let (true, Some(source)) = (hits[0], &g.source) else {
                    continue;
                };
                speaker_total += 1;
                let best = preds
                    .iter()
                    .map(|&i| &predicted[i])
                    .max_by_key(|p| p.chars.intersection(&gold[j].0).count())
                    .expect("a found unit has predictions");
                let right = best.speaker.is_some_and(|s| overlaps(s, source));
                scored.push((best.confidence, right));
                if right {
                    speaker_right += 1;
                } else {
                    wrong_speakers.push(Miss {
                        article: article.id.clone(),
                        overlap,
                        gold: format!(
                            "{} — source: {}",
                            g.content_text,
                            g.source_text.clone().unwrap_or_default()
                        ),
                        predicted: format!("{} — speaker: {}", best.text, best.speaker_name),
                    });
                }
            }
        }
    }
    misses.sort_by(|a, b| {
        a.overlap
            .total_cmp(&b.overlap)
            .then(a.article.cmp(&b.article))
    });
    QuoteScores {
        overlap_03: prf(precision_hits[0], counted, recall_hits[0], gold_n),
        overlap_08: prf(precision_hits[1], counted, recall_hits[1], gold_n),
        exact: prf(precision_hits[2], counted, recall_hits[2], gold_n),
        speaker_accuracy: if speaker_total == 0 {
            0.0
        } else {
            speaker_right as f64 / speaker_total as f64
        },
        confidence_bands: bands(&scored),
        high_confidence_share: if scored.is_empty() {
            0.0
        } else {
            scored.iter().filter(|(c, _)| *c >= 0.8).count() as f64 / scored.len() as f64
        },
        quotes_gold: gold_n,
        quotes_found: found_n,
        worst: misses,
        wrong_speakers,
        false_positives,
    }
}
