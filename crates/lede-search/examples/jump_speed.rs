//! The jump box's speed: `JumpIndex::find` against the skim-based matcher it replaced (a copy of
//! the old `find`, kept here as the baseline), over the same labels of a pack's corpus, for
//! every keystroke of typing the first four letters and the initials of every 1000th label. Each
//! side is the median of five rounds of this thread's CPU time (Linux
//! `/proc/thread-self/schedstat`), and the report gives the ratio new / old, measured in the
//! same run, and how often the two put the same first suggestion with the same highlight. Run with `cargo run --release -p lede-search --example jump_speed FILE.lede`.

mod support;
use support::median_ms;

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use lede_corpus::Corpus;
use lede_search::pack::read_pack;
use lede_search::{is_subsequence, letter_mask, JumpIndex};

/// The old jump index: every label folded, with its origin chars, scored by skim.
struct OldJump {
    /// (is an article, label, folded label, origin of each folded char, letter mask).
    entries: Vec<(bool, String, String, Vec<u32>, u64)>,
    matcher: SkimMatcherV2,
}

impl OldJump {
    /// The old `JumpIndex::build`.
    fn build(corpus: &Corpus) -> OldJump {
        let mut entries = Vec::new();
        let mut add = |article: bool, label: &str| {
            let mut folded = String::new();
            let mut origin = Vec::new();
            for (i, c) in label.chars().enumerate() {
                for fc in lede_text::fold_for_match(c.encode_utf8(&mut [0; 4])).chars() {
                    folded.push(fc);
                    origin.push(i as u32);
                }
            }
            let mask = letter_mask(&folded);
            entries.push((article, label.to_string(), folded, origin, mask));
        };
        for e in &corpus.entities {
            add(false, &e.name);
            for a in &e.aliases {
                add(false, a);
            }
        }
        for a in &corpus.articles {
            add(true, &a.title);
        }
        OldJump {
            entries,
            matcher: SkimMatcherV2::default().ignore_case(),
        }
    }

    /// The old `JumpIndex::find` (targets are entry numbers here; ranges as before).
    fn find(&self, typed: &str, limit: usize) -> Vec<(usize, Vec<(usize, usize)>)> {
        let pattern = lede_text::fold_for_match(typed.trim());
        if pattern.is_empty() {
            return Vec::new();
        }
        let letters: Vec<char> = pattern.chars().filter(|c| !c.is_whitespace()).collect();
        let needed = letter_mask(&pattern);
        let mut scored: Vec<(i64, usize)> = Vec::new();
        for (i, e) in self.entries.iter().enumerate() {
            if e.4 & needed != needed || !is_subsequence(&letters, &e.2) {
                continue;
            }
            if let Some(s) = self.matcher.fuzzy_match(&e.2, &pattern) {
                scored.push((s, i));
            }
        }
        let key = |&(s, i): &(i64, usize)| {
            (
                std::cmp::Reverse(s),
                self.entries[i].0,
                self.entries[i].1.len(),
                i,
            )
        };
        lede_text::order::sort_by(&mut scored, |a, b| key(a).cmp(&key(b)));
        let mut out = Vec::new();
        for (_, i) in scored.into_iter().take(limit) {
            let e = &self.entries[i];
            let (_, idx) = self
                .matcher
                .fuzzy_indices(&e.2, &pattern)
                .unwrap_or_default();
            let mut ranges: Vec<(usize, usize)> = Vec::new();
            for k in idx {
                let c = e.3[k] as usize;
                match ranges.last_mut() {
                    Some(r) if r.1 == c => r.1 = c + 1,
                    Some(r) if r.1 > c => {}
                    _ => ranges.push((c, c + 1)),
                }
            }
            out.push((i, ranges));
        }
        out
    }
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: jump_speed FILE.lede");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let (corpus, _) = read_pack(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
    let old = OldJump::build(&corpus);
    let new = JumpIndex::build(&corpus);
    let mut typed: Vec<String> = Vec::new();
    for (_, label, ..) in old.entries.iter().step_by(1000) {
        for n in 1..=4 {
            typed.push(label.chars().take(n).collect());
        }
        let initials: String = label
            .split_whitespace()
            .filter_map(|w| w.chars().next())
            .collect();
        for n in 2..=initials.chars().count().min(4) {
            typed.push(initials.chars().take(n).collect());
        }
    }
    let (mut found_old, mut found_new) = (0, 0);
    let old_ms = median_ms(|| found_old = typed.iter().map(|t| old.find(t, 8).len()).sum());
    let new_ms = median_ms(|| found_new = typed.iter().map(|t| new.find(t, 8).len()).sum());
    // The same first suggestion (label and kind of target) and highlight, keystroke by keystroke.
    let agree = typed
        .iter()
        .filter(|t| {
            let (o, n) = (old.find(t, 1), new.find(t, 1));
            match (o.first(), n.first()) {
                (Some((i, ranges)), Some(hit)) => {
                    let e = &old.entries[*i];
                    e.1 == hit.label
                        && e.0 == matches!(hit.target, lede_search::JumpTarget::Article(_))
                        && *ranges == hit.ranges
                }
                (None, None) => true,
                _ => false,
            }
        })
        .count();
    println!(
        "first suggestion and highlight agree on {agree} of {} keystrokes ({:.1}%)",
        typed.len(),
        100.0 * agree as f64 / typed.len() as f64
    );
    println!(
        "{} labels, {} keystrokes: skim {old_ms:.1} ms ({found_old} suggestions), ours {new_ms:.1} ms ({found_new}); ours / skim = {:.2}",
        old.entries.len(),
        typed.len(),
        new_ms / old_ms
    );
}
