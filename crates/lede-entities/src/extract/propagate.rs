//! Later occurrences of names found once become mentions too.

use std::collections::HashMap;

use lede_text::fold_for_match;

use super::clean::is_sentence_word;
use super::para::{is_cap, is_pronoun, starts_sentence, Para, Raw};
use crate::tag::EntityType;
use crate::tokenize::TokenKind;

/// Later occurrences of names the tagger found once: a defined acronym, a name of two or more
/// words, and the last word of a person's full name (`Atmar said`) become mentions too.
pub(super) fn propagate(paras: &[Para], raws: &mut Vec<Raw>, lowercase: &HashMap<String, usize>) {
    // Token texts -> (type, acronym).
    let mut names: Vec<(Vec<String>, EntityType, Option<String>)> = Vec::new();
    for r in raws.iter() {
        let toks = &paras[r.p].toks[r.a..r.b];
        let texts: Vec<String> = toks.iter().map(|t| t.text.clone()).collect();
        if r.acronym.is_some() || texts.len() > 1 {
            names.push((texts.clone(), r.ty, r.acronym.clone()));
        }
        if r.ty == EntityType::Per && texts.len() > 1 {
            let last = &toks[toks.len() - 1];
            let f = fold_for_match(&last.text);
            let plain = is_cap(last)
                && last.text.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && !is_pronoun(last)
                && !is_sentence_word(&f)
                && !lowercase.contains_key(&f);
            if plain {
                names.push((vec![last.text.clone()], EntityType::Per, None));
            }
        }
    }
    names.sort_by_key(|n| std::cmp::Reverse(n.0.len()));
    names.dedup_by(|x, y| x.0 == y.0);
    for (p, para) in paras.iter().enumerate() {
        let toks = &para.toks;
        let mut k = 0;
        while k < toks.len() {
            let hit = names.iter().find(|(texts, _, _)| {
                k + texts.len() <= toks.len()
                    && texts.iter().zip(&toks[k..]).all(|(t, tok)| *t == tok.text)
            });
            let Some((texts, ty, acronym)) = hit else {
                k += 1;
                continue;
            };
            let (a, b) = (k, k + texts.len());
            let covered = raws.iter().any(|r| r.p == p && r.a < b && a < r.b);
            // Not a piece of a longer capitalised name (`Atmar Street`).
            let inside_name = (a > 0 && is_cap(&toks[a - 1]) && !starts_sentence(para, a))
                || toks
                    .get(b)
                    .is_some_and(|t| is_cap(t) && t.kind == TokenKind::Word);
            if !covered && !inside_name {
                raws.push(Raw {
                    p,
                    a,
                    b,
                    ty: *ty,
                    role: None,
                    ticker: None,
                    acronym: acronym.clone(),
                });
            }
            k = b;
        }
    }
}
