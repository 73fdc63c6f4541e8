//! UAX #29 sentence boundaries over [`sentence_class`]: the rules SB1-SB11 as the
//! `unicode-segmentation` crate applies them (the agreement tests compare the two).

use super::{sentence_class, SentenceClass as S};

/// The class of the char at byte `i` of `text` and the end of its unit: the char with the
/// Extend and Format chars after it (SB5), except after a paragraph separator (SB4), and CR
/// with the LF after it (SB3).
fn unit(text: &str, i: usize) -> (S, usize) {
    let mut chars = text[i..].chars();
    let c = chars.next().expect("a char at a boundary before the end");
    let class = sentence_class(c);
    let mut end = i + c.len_utf8();
    match class {
        S::Cr if text[end..].starts_with('\n') => end += 1,
        S::Cr | S::Lf | S::Sep => {}
        _ => {
            for d in chars {
                if !matches!(sentence_class(d), S::Extend | S::Format) {
                    break;
                }
                end += d.len_utf8();
            }
        }
    }
    (class, end)
}

/// True for the paragraph separators (ParaSep).
fn is_para_sep(class: S) -> bool {
    matches!(class, S::Cr | S::Lf | S::Sep)
}

/// The ends of the sentences of `text` as byte offsets (the last is `text.len()`; none for an
/// empty text), by the Unicode sentence boundary rules (UAX #29). Each sentence keeps the
/// spaces and the paragraph separator after it.
pub fn sentence_bounds(text: &str) -> Vec<usize> {
    let n = text.len();
    let mut out = Vec::new();
    let mut i = 0;
    // The class of the unit before `i`.
    let mut before = None;
    while i < n {
        let (class, end) = unit(text, i);
        i = end;
        if is_para_sep(class) {
            out.push(i); // SB4
            before = Some(class);
            continue;
        }
        if class != S::ATerm && class != S::STerm {
            before = Some(class);
            continue;
        }
        // SB6: ATerm × Numeric; SB7: (Upper | Lower) ATerm × Upper.
        if class == S::ATerm && i < n {
            let next = unit(text, i).0;
            if next == S::Numeric
                || (next == S::Upper && matches!(before, Some(S::Upper | S::Lower)))
            {
                before = Some(class);
                continue;
            }
        }
        // SB9, SB10: SATerm Close* Sp* ParaSep? stays with the sentence.
        let mut last = class;
        for wanted in [S::Close, S::Sp] {
            while i < n {
                let (k, e) = unit(text, i);
                if k != wanted {
                    break;
                }
                (last, i) = (k, e);
            }
        }
        before = Some(last);
        if i >= n {
            break;
        }
        let (next, e) = unit(text, i);
        if is_para_sep(next) {
            i = e;
            out.push(i);
            before = Some(next);
            continue;
        }
        // SB8: ATerm Close* Sp* × (¬(OLetter | Upper | Lower | ParaSep | SATerm))* Lower.
        if class == S::ATerm {
            let mut j = i;
            let mut first = None;
            while j < n {
                let (k, e) = unit(text, j);
                if matches!(
                    k,
                    S::OLetter | S::Upper | S::Lower | S::Cr | S::Lf | S::Sep | S::ATerm | S::STerm
                ) {
                    first = Some(k);
                    break;
                }
                j = e;
            }
            if first == Some(S::Lower) {
                continue;
            }
        }
        // SB8a: SATerm Close* Sp* × (SContinue | SATerm).
        if matches!(next, S::SContinue | S::ATerm | S::STerm) {
            continue;
        }
        out.push(i); // SB11
    }
    if out.last() != Some(&n) && n > 0 {
        out.push(n);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let mut start = 0;
        sentence_bounds(text)
            .into_iter()
            .map(|end| {
                let s = &text[start..end];
                start = end;
                s
            })
            .collect()
    }

    #[test]
    fn splits_after_terminators_of_several_scripts() {
        assert_eq!(
            sentences("Он ушёл. Она — нет! 他走了。她没有？ Done"),
            ["Он ушёл. ", "Она — нет! ", "他走了。", "她没有？ ", "Done"]
        );
        // A lowercase word after the dot continues the sentence (SB8); a decomposed
        // accent stays with its letter, so `e\u{301}.` before a capital is an abbreviation
        // (SB7).
        assert_eq!(
            sentences("Zürich etc. ist schön."),
            ["Zürich etc. ist schön."]
        );
        assert_eq!(sentences("Cafe\u{301}.Zed"), ["Cafe\u{301}.Zed"]);
        assert_eq!(sentences("“Oui.” Non."), ["“Oui.” ", "Non."]);
        assert_eq!(sentences("a\u{2029}b"), ["a\u{2029}", "b"]);
        assert!(sentences("").is_empty());
    }
}
