//! The name of a mention as written, its capitals made title case where they are a headline's
//! or a dateline's (`KABUL` -> `Kabul`).

use std::collections::HashMap;

use lede_text::{fold_for_match, title_case};

use super::para::{is_all_caps, is_cap, sentence_of, words, Para, Raw};
use crate::features::is_headline;
use crate::lexicon::lexicon;

/// Folded word -> the first way it is written with lowercase letters (`kabul` -> `Kabul`).
pub(super) fn mixed_case_forms(paras: &[Para]) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for para in paras {
        for t in &para.toks {
            if is_cap(t) && t.text.chars().any(char::is_lowercase) {
                out.entry(fold_for_match(&t.text))
                    .or_insert_with(|| t.text.clone());
            }
        }
    }
    out
}

/// The name of a mention: whitespace collapsed, and capitals made title case when they are
/// a headline's or a dateline's, or the word is written in mixed case elsewhere.
pub(super) fn normalise_name(paras: &[Para], r: &Raw, mixed: &HashMap<String, String>) -> String {
    let para = &paras[r.p];
    let name = words(para, r.a, r.b);
    if !is_all_caps(&name) {
        return name;
    }
    let sentence = sentence_of(para, r.a);
    let texts: Vec<&str> = para.toks[sentence.clone()]
        .iter()
        .map(|t| t.text.as_str())
        .collect();
    let dateline = r.a == 0
        && para
            .toks
            .get(r.b)
            .is_some_and(|t| matches!(t.text.as_str(), "(" | "," | "-" | "--"));
    let long_headline = texts
        .iter()
        .filter(|t| t.chars().next().is_some_and(char::is_alphabetic))
        .count()
        >= 3
        && is_headline(&texts);
    let caps_context = dateline || long_headline;
    let lx = lexicon();
    let folded = fold_for_match(&name);
    let known_place = lx.places.contains_key(&folded) && !lx.variants.contains_key(&folded);
    let mut out = Vec::new();
    for t in &para.toks[r.a..r.b] {
        let word = &t.text;
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        let acronym_like = word.contains('.') || letters < 2;
        let converted = if !is_all_caps(word) || acronym_like {
            word.clone()
        } else if let Some(m) = mixed.get(&fold_for_match(word)) {
            m.clone()
        } else if caps_context || (known_place && letters >= 4) {
            title_case(word)
        } else {
            word.clone()
        };
        out.push(converted);
    }
    // Keep the original spacing between tokens (`Kuala Lumpur`, not `Kuala  Lumpur`).
    let mut s = String::new();
    for (k, w) in out.iter().enumerate() {
        let idx = r.a + k;
        if k > 0 && para.toks[idx].start > para.toks[idx - 1].end {
            s.push(' ');
        }
        s.push_str(w);
    }
    s
}
