//! Acronyms defined in the text (`Long Name (ACR)`): the acronym and its long form name one
//! entity.

use super::para::{is_cap, is_connector, lower, Para, Raw};
use crate::tag::EntityType;
use crate::tokenize::{Token, TokenKind};

/// The capitals of a name's words, skipping `of`, `and`, `the` (`OPEC` from `Organization of
/// Petroleum Exporting Countries`).
pub(super) fn initials(toks: &[Token]) -> String {
    toks.iter()
        .filter(|t| is_cap(t))
        .flat_map(|t| {
            // `Inter-American` gives `IA`.
            t.text
                .split('-')
                .filter_map(|w| w.chars().next())
                .filter(|c| c.is_uppercase())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// `Long Name (ACR)`: the acronym names what the long form names, and later mentions of it
/// join the same entity.
pub(super) fn define_acronyms(paras: &[Para], raws: &mut Vec<Raw>) {
    for (p, para) in paras.iter().enumerate() {
        let toks = &para.toks;
        for k in 1..toks.len().saturating_sub(2) {
            if toks[k].text != "(" || toks[k + 2].text != ")" {
                continue;
            }
            let acr_tok = &toks[k + 1];
            let acr: String = acr_tok.text.chars().filter(|c| *c != '.').collect();
            if acr.chars().count() < 2
                || !acr.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
            {
                continue;
            }
            // The long form: the capitalised run before the bracket.
            let mut a = k;
            while a > 0
                && toks[a - 1].kind == TokenKind::Word
                && (is_cap(&toks[a - 1])
                    || (a >= 2 && is_connector(&lower(&toks[a - 1])) && is_cap(&toks[a - 2])))
            {
                a -= 1;
            }
            // Find the shortest tail of the run whose initials spell the acronym.
            let Some(start) = (a..k).rev().find(|&s| initials(&toks[s..k]) == acr) else {
                continue;
            };
            let long_ty = raws
                .iter()
                .find(|r| r.p == p && r.a < k && start < r.b)
                .map_or(EntityType::Org, |r| r.ty);
            raws.retain(|r| !(r.p == p && r.a < k + 2 && start < r.b));
            for (a, b) in [(start, k), (k + 1, k + 2)] {
                raws.push(Raw {
                    p,
                    a,
                    b,
                    ty: long_ty,
                    role: None,
                    ticker: None,
                    acronym: Some(acr_tok.text.clone()),
                });
            }
        }
    }
}
