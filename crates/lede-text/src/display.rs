//! Text as a page shows it, never as it is stored or searched: a letter carrying hundreds of
//! combining marks (a "Zalgo" title) keeps only its first few, so that it cannot paint over the
//! lines around it. Offsets are counted on the stored text, so callers cap each piece after
//! cutting it.

use std::borrow::Cow;

/// The most combining marks one letter keeps on screen: more than any script writes on one
/// letter (Vietnamese stacks two, Tibetan and Indic clusters a few).
pub const MAX_COMBINING_MARKS: usize = 4;

/// True for a combining mark of the combining blocks (Combining Diacritical Marks and their
/// Extended and Supplement blocks, for Symbols, and Half Marks), the marks that stack.
pub fn is_combining_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// `text` with every run of more than [`MAX_COMBINING_MARKS`] combining marks cut to that many;
/// borrowed when nothing is cut (nearly always).
pub fn cap_combining_marks(text: &str) -> Cow<'_, str> {
    let mut run = 0;
    let over = text.chars().any(|c| {
        run = if is_combining_mark(c) { run + 1 } else { 0 };
        run > MAX_COMBINING_MARKS
    });
    if !over {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    run = 0;
    for c in text.chars() {
        run = if is_combining_mark(c) { run + 1 } else { 0 };
        if run <= MAX_COMBINING_MARKS {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// True for the chars that open or close a bidi embedding, override or isolate.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE when it holds bidi controls,
/// for corpus text composed into a sentence (an evidence line, a label): an override it leaves
/// open ends at its end instead of reversing the rest of the sentence. Borrowed otherwise.
pub fn bidi_isolated(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_bidi_control) {
        Cow::Owned(format!("\u{2068}{text}\u{2069}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Corpus text to compose into the app's own sentence, attribute or label (a `title`, an
/// `aria-label`, "Quote by …", a file name in a report): marks capped as on screen and bidi
/// controls isolated, so that it can neither paint over nor reorder the words around it.
pub fn in_sentence(text: &str) -> Cow<'_, str> {
    match cap_combining_marks(text) {
        Cow::Borrowed(t) => bidi_isolated(t),
        Cow::Owned(t) => Cow::Owned(bidi_isolated(&t).into_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_text_with_bidi_controls_is_wrapped() {
        assert!(matches!(
            bidi_isolated("Mara Quill"),
            Cow::Borrowed("Mara Quill")
        ));
        assert!(matches!(bidi_isolated("مارا"), Cow::Borrowed(_)));
        assert_eq!(
            bidi_isolated("\u{202E}Mara"),
            "\u{2068}\u{202E}Mara\u{2069}"
        );
    }

    #[test]
    fn text_in_a_sentence_is_capped_and_isolated() {
        assert!(matches!(
            in_sentence("Mara Quill"),
            Cow::Borrowed("Mara Quill")
        ));
        let hostile = format!("\u{202E}Ma{}ra", "\u{0301}".repeat(40));
        let shown = in_sentence(&hostile);
        assert!(shown.starts_with('\u{2068}') && shown.ends_with('\u{2069}'));
        assert_eq!(
            shown.chars().filter(|&c| is_combining_mark(c)).count(),
            MAX_COMBINING_MARKS
        );
        let letters: String = shown.chars().filter(|c| c.is_alphabetic()).collect();
        assert_eq!(letters, "Mara");
    }

    #[test]
    fn long_runs_of_marks_are_cut_and_ordinary_text_is_borrowed() {
        for plain in [
            "",
            "Zürich",
            "Tiếng Việt",
            "e\u{301}\u{302}",
            "a\u{300}\u{301}\u{302}\u{303}",
        ] {
            assert!(
                matches!(cap_combining_marks(plain), Cow::Borrowed(_)),
                "{plain}"
            );
        }
        let zalgo = format!("H{}i there{}", "\u{0336}".repeat(500), "\u{0489}".repeat(7));
        let capped = cap_combining_marks(&zalgo);
        let expected = format!(
            "H{}i there{}",
            "\u{0336}".repeat(MAX_COMBINING_MARKS),
            "\u{0489}".repeat(MAX_COMBINING_MARKS)
        );
        assert_eq!(capped, expected);
        // Only the marks beyond the cap go: every other char stays, in order.
        let kept: String = zalgo.chars().filter(|&c| !is_combining_mark(c)).collect();
        let left: String = capped.chars().filter(|&c| !is_combining_mark(c)).collect();
        assert_eq!(kept, left);
    }
}
