//! Person mentions the tagger missed, found through quotations: the speakers the quote
//! extractor named, and capitalised words between a closing quote mark and a reporting verb;
//! and the lone sentence openers inside quotations that only the tagger calls people retyped.

use lede_corpus::Quote;
use lede_text::word_lists::COMMON_REPORTING_VERBS;

use super::para::{
    is_cap, is_connector, is_pronoun, is_role_word, is_title, lower, starts_sentence, Para, Raw,
};
use crate::lexicon::contains;
use crate::tag::EntityType;
use crate::tokenize::TokenKind;

/// Speakers named by the quote extractor become person mentions when nothing covers them.
pub(super) fn add_speakers(paras: &[Para], quotes: &[Quote], raws: &mut Vec<Raw>) {
    for q in quotes {
        let Some(span) = q.speaker.as_ref().and_then(|s| s.span) else {
            continue;
        };
        let Some(para) = paras.get(span.paragraph) else {
            continue;
        };
        let ks: Vec<usize> = (0..para.toks.len())
            .filter(|&k| para.toks[k].start < span.end && span.start < para.toks[k].end)
            .collect();
        let (Some(&a), Some(&b)) = (ks.first(), ks.last()) else {
            continue;
        };
        let b = b + 1;
        let name_like = (a..b).all(|k| {
            let t = &para.toks[k];
            t.kind == TokenKind::Word && (is_cap(t) || is_connector(&lower(t)))
        }) && (a..b)
            .any(|k| !is_title(&para.toks[k]) && !is_pronoun(&para.toks[k]));
        let covered = raws
            .iter()
            .any(|r| r.p == span.paragraph && r.a < b && a < r.b);
        if name_like && !covered {
            raws.push(Raw {
                p: span.paragraph,
                a,
                b,
                ty: EntityType::Per,
                role: None,
                ticker: None,
                acronym: None,
            });
        }
    }
}

/// `“…,” Mirela Vostrikova said`: capitalised words right after a closing quote mark and
/// before a reporting verb are a person, when the tagger did not see it.
pub(super) fn add_names_after_quotes(paras: &[Para], raws: &mut Vec<Raw>) {
    for (p, para) in paras.iter().enumerate() {
        let toks = &para.toks;
        for k in 1..toks.len() {
            if toks[k - 1].text != "\"" || !is_cap(&toks[k]) || toks[k].kind != TokenKind::Word {
                continue;
            }
            // The quote mark closes a quotation: a word or mark stands right before it.
            let closing = k >= 2 && toks[k - 2].end == toks[k - 1].start;
            if !closing {
                continue;
            }
            let mut b = k;
            while b < toks.len() && is_cap(&toks[b]) && toks[b].kind == TokenKind::Word {
                b += 1;
            }
            let verb = toks
                .get(b)
                .is_some_and(|t| contains(COMMON_REPORTING_VERBS, &lower(t)));
            let a = (k..b).find(|&j| !is_role_word(&toks[j])).unwrap_or(b);
            let covered = raws.iter().any(|r| r.p == p && r.a < b && k < r.b);
            if verb && a < b && !covered && !(k..b).any(|j| is_pronoun(&toks[j])) {
                raws.push(Raw {
                    p,
                    a: k,
                    b,
                    ty: EntityType::Per,
                    role: None,
                    ticker: None,
                    acronym: None,
                });
            }
        }
    }
}

/// `“We have been patient. Patience has run out.”`: a lone capitalised word that opens a
/// sentence inside a quotation is no person when only the tagger says so: it has no title, is
/// no quote's speaker, and the word is not written with a capital anywhere outside the
/// quotations of the article. It is kept as a name of kind other, since a real name can stand
/// there too (`“Vastmark values Kessaria’s friendship”`: the corpus's votes decide its kind).
pub(super) fn retype_quoted_openers(paras: &[Para], quotes: &[Quote], raws: &mut [Raw]) {
    let quoted = |p: usize, k: usize| {
        let t = &paras[p].toks[k];
        quotes
            .iter()
            .any(|q| q.paragraph == p && q.start <= t.start && t.end <= q.end)
    };
    let speaker_at = |p: usize, k: usize| {
        let t = &paras[p].toks[k];
        quotes
            .iter()
            .filter_map(|q| q.speaker.as_ref()?.span)
            .any(|s| s.paragraph == p && s.start < t.end && t.start < s.end)
    };
    let outside = |word: &str| {
        paras.iter().enumerate().any(|(p, para)| {
            (0..para.toks.len()).any(|k| para.toks[k].text == word && !quoted(p, k))
        })
    };
    for r in raws.iter_mut() {
        let lone = r.ty == EntityType::Per && r.b == r.a + 1 && r.role.is_none();
        if lone
            && quoted(r.p, r.a)
            && starts_sentence(&paras[r.p], r.a)
            && !speaker_at(r.p, r.a)
            && !outside(&paras[r.p].toks[r.a].text)
        {
            r.ty = EntityType::Misc;
        }
    }
}
