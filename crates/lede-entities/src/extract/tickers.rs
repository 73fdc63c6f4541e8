//! Stock tickers (`<TSY>`): the name before one is a company, and the ticker joins it.

use lede_text::fold_for_match;

use super::para::{is_cap, is_connector, lower, starts_sentence, Para, Raw};
use crate::lexicon::lexicon;
use crate::tag::EntityType;
use crate::tokenize::TokenKind;

/// `Tessaly Instruments Inc <TSY>`: the ticker makes the name before it a company.
pub(super) fn attach_tickers(paras: &[Para], raws: &mut Vec<Raw>) {
    for (p, para) in paras.iter().enumerate() {
        for (k, t) in para.toks.iter().enumerate() {
            if t.kind != TokenKind::Ticker {
                continue;
            }
            let ticker = t.text.trim_matches(['<', '>']).to_string();
            // A mention ending right before, or before company suffixes (`Inc`, `Corp`).
            let suffix = |j: usize| {
                let l = lower(&para.toks[j]);
                matches!(
                    l.trim_end_matches('.'),
                    "inc" | "corp" | "co" | "ltd" | "plc" | "llc" | "ag" | "sa" | "nv" | "group"
                ) || l == ","
            };
            if let Some(r) = raws
                .iter_mut()
                .find(|r| r.p == p && r.b <= k && (r.b..k).all(suffix))
            {
                r.b = (r.b..k)
                    .rev()
                    .find(|&j| para.toks[j].text != ",")
                    .map_or(r.b, |j| j + 1)
                    .max(r.b);
                r.ty = EntityType::Org;
                r.ticker = Some(ticker);
                continue;
            }
            // No mention right before: take the capitalised run.
            let mut a = k;
            while a > 0
                && para.toks[a - 1].kind == TokenKind::Word
                && (is_cap(&para.toks[a - 1])
                    || (a >= 2
                        && is_connector(&lower(&para.toks[a - 1]))
                        && is_cap(&para.toks[a - 2])))
            {
                a -= 1;
            }
            // Not across a capitalised sentence opener (`Shares of …`).
            if a < k && starts_sentence(para, a) && k - a > 1 {
                let first = fold_for_match(&para.toks[a].text);
                let lx = lexicon();
                if !lx.places.contains_key(&first) && !lx.first_names.contains(&first) {
                    a += 1;
                    while a < k && is_connector(&lower(&para.toks[a])) {
                        a += 1;
                    }
                }
            }
            if a < k {
                raws.retain(|r| !(r.p == p && r.a < k && a < r.b));
                raws.push(Raw {
                    p,
                    a,
                    b: k,
                    ty: EntityType::Org,
                    role: None,
                    ticker: Some(ticker),
                    acronym: None,
                });
            }
        }
    }
}
