//! Finds who a quoted piece is attributed to from the words around it: a reporting verb (the
//! cue) and its subject (the speaker), after the quote (`,” he said`, `,” said X`) or before it
//! (`X also said: “`, `X went on to say that “`, `according to X`, a partial quote inside
//! indirect speech).
//!
//! The cue verbs, pronouns and abbreviations are the shared `lede_text::word_lists`; the lists
//! only attribution needs are in [`words`].

mod after;
mod before;
mod phrase;
mod words;

use lede_text::split::{is_sentence_end_mark, keeps_dot};

use crate::tokens::{tokenize, Tok};
pub(crate) use after::after_quote;
pub(crate) use before::before_quote;

pub(crate) use phrase::{np_backward, RELATIVES};
use words::is_cue_at;
pub(crate) use words::{is_cue, is_in, is_stopword, CLAUSE_WORDS};

/// True for a word that starts a description (`the`, `a`, `his`).
pub(crate) fn is_determiner(t: &Tok) -> bool {
    words::is_in(t, words::DETERMINERS)
}

/// A found attribution, in byte offsets of the paragraph it stands in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// The speaker's words in the text (a name, a pronoun or a description).
    pub speaker: (usize, usize),
    /// The cue.
    pub cue: (usize, usize),
    /// True when the cue stands right next to the quote (it cannot be a scare quote).
    pub adjacent: bool,
    /// Which pattern matched.
    pub rule: &'static str,
}

/// The speakers beside every reporting verb in `text[from..to]`, whatever stands between them
/// and a quote: the noun phrase before the cue (`Wang said`), the one after it (`said Wang`),
/// and `according to X`. The ranker's extra candidates; `adjacent` is never set.
pub(crate) fn near_cues(text: &str, from: usize, to: usize) -> Vec<Attribution> {
    cue_subjects(text, from, to, false)
}

/// [`near_cues`], and when `described` is set a name after a preposition is read with the
/// description before it (`A spokesman for Airbus confirmed`): the resolver's subjects (as
/// ranker candidates those descriptions cost PolNeAR accuracy).
pub(crate) fn cue_subjects(
    text: &str,
    from: usize,
    to: usize,
    described: bool,
) -> Vec<Attribution> {
    let toks = tokenize(text, from, to);
    let mut out = Vec::new();
    for k in 0..toks.len() {
        if toks[k].lower() == "according" && toks.get(k + 1).is_some_and(|t| t.lower() == "to") {
            if let Some(np) = phrase::np_forward(&toks, k + 2) {
                out.push(Attribution {
                    speaker: phrase::span(&toks, np),
                    cue: (toks[k].start, toks[k + 1].end),
                    adjacent: false,
                    rule: "near:according-to",
                });
            }
            continue;
        }
        // `Williamson concludes: “`, `More from Jones: “`: the words before a colon.
        if toks.get(k + 1).is_some_and(|t| t.text == ":") && toks[k].is_word() {
            let verb = !toks[k].is_capitalized() && !is_cue(&toks[k]);
            let at = if verb { k } else { k + 1 };
            if let Some(np) = phrase::np_backward(&toks, at) {
                out.push(Attribution {
                    speaker: phrase::span(&toks, np),
                    cue: (toks[k].start, toks[k + 1].end),
                    adjacent: false,
                    rule: if verb {
                        "near:speaker-verb-colon"
                    } else {
                        "near:name-colon"
                    },
                });
            }
        }
        if !is_cue_at(&toks, k) {
            continue;
        }
        let cue = (toks[k].start, toks[k].end);
        // `A spokesman for Airbus confirmed`: a name after a preposition belongs to the
        // description before it.
        let described = |np: (usize, usize)| {
            if !phrase::after_preposition(&toks, np.0) {
                return Some(np);
            }
            if !described {
                return None;
            }
            let head = phrase::np_backward(&toks, np.0 - 1)?;
            is_determiner(&toks[head.0]).then_some((head.0, np.1))
        };
        if let Some(np) = phrase::np_backward(&toks, k).and_then(described) {
            out.push(Attribution {
                speaker: phrase::span(&toks, np),
                cue,
                adjacent: false,
                rule: "near:speaker-cue",
            });
        }
        if !toks[k].lower().ends_with("ing") {
            // `said the meeting was called`: a clause, not an inverted speaker.
            let clause = |np: &(usize, usize)| {
                toks.get(np.1)
                    .is_some_and(|t| words::is_in(t, words::CLAUSE_VERBS))
            };
            if let Some(np) = phrase::np_forward(&toks, k + 1).filter(|np| !clause(np)) {
                out.push(Attribution {
                    speaker: phrase::span(&toks, np),
                    cue,
                    adjacent: false,
                    rule: "near:cue-speaker",
                });
            } else if let Some(np) = phrase::role_and_name_forward(&toks, k + 1) {
                out.push(Attribution {
                    speaker: phrase::span(&toks, np),
                    cue,
                    adjacent: false,
                    rule: "near:cue-role-name",
                });
            }
        }
    }
    out
}

/// The subject of the sentence that runs from `from` into a quote opening at `open`, whatever
/// its verb (`Huckabee, for his part, is labeling Obama’s actions “…”`, `The team cited “…”`):
/// the noun phrase that starts it, after openers and adverbs (`And then Trump went on the
/// attack, saying`), else the first one after a comma. Its cue is the word after it. A
/// candidate for the ranker, never `adjacent`.
pub(crate) fn sentence_subject_before(text: &str, from: usize, open: usize) -> Option<Attribution> {
    let toks = tokenize(text, from, open);
    let mut k = phrase::first_word(&toks);
    while k < toks.len() && words::is_in(&toks[k], words::ADVERBS) {
        k += 1;
    }
    let np =
        phrase::np_forward(&toks, k).or_else(|| phrase::sentence_subject(&toks, toks.len()))?;
    let verb = toks[np.1..].iter().find(|t| t.is_word())?;
    // `It is a “simplistic misconception”`: an expletive `it` is no one.
    let expletive = np.1 == np.0 + 1
        && toks[np.0].lower() == "it"
        && words::is_in(verb, &["is", "was", "seems", "appears", "would", "will"]);
    if expletive {
        return None;
    }
    Some(Attribution {
        speaker: phrase::span(&toks, np),
        cue: (verb.start, verb.end),
        adjacent: false,
        rule: "near:sentence-subject",
    })
}

/// True when token `k` ends a sentence: a `!`, `?` or `.`, except a dot that an abbreviation
/// or an initial keeps ([`keeps_dot`]) and a dot before a bracket or comma.
fn is_sentence_end(toks: &[Tok], k: usize) -> bool {
    let text = toks[k].text;
    if text != "." {
        return is_sentence_end_mark(text);
    }
    // `(D-Wis.) said`, `R-Ky., said`: a dot before a bracket or comma ends nothing.
    let before_bracket = toks
        .get(k + 1)
        .is_some_and(|n| matches!(n.text, ")" | "," | "]"));
    let kept = k > 0 && toks[k - 1].is_word() && keeps_dot(toks[k - 1].text);
    !before_bracket && !kept
}

/// Byte offset where the sentence containing `at` begins, not before `floor`.
pub(crate) fn sentence_start(text: &str, floor: usize, at: usize) -> usize {
    let toks = tokenize(text, floor, at);
    (0..toks.len())
        .rev()
        .find(|&k| is_sentence_end(&toks, k))
        .map_or(floor, |k| toks[k].end)
}

/// True when `text` is only an attribution clause (`he said.`, `, said X, `), so that the
/// pieces on either side of it are one quotation.
pub(crate) fn is_only_attribution(text: &str) -> bool {
    let toks = tokenize(text, 0, text.len());
    let words = toks.iter().filter(|t| t.is_word()).count();
    words > 0
        && words <= 14
        && toks.iter().any(is_cue)
        && after_quote(text, 0, text.len()).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(text: &str) -> Option<(String, String)> {
        after_quote(text, 0, text.len()).map(|a| {
            (
                text[a.speaker.0..a.speaker.1].to_string(),
                text[a.cue.0..a.cue.1].to_string(),
            )
        })
    }

    fn before(text: &str) -> Option<(String, String, bool)> {
        before_quote(text, 0, text.len()).map(|a| {
            (
                text[a.speaker.0..a.speaker.1].to_string(),
                text[a.cue.0..a.cue.1].to_string(),
                a.adjacent,
            )
        })
    }

    #[test]
    fn speaker_after_the_quote() {
        let s = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        assert_eq!(after(", he said."), s("he", "said"));
        assert_eq!(
            after(" said Edward Alden of the Council."),
            s("Edward Alden", "said")
        );
        assert_eq!(
            after(", Wang Yi, the foreign minister, said."),
            s("Wang Yi", "said")
        );
        assert_eq!(
            after(" the minister told reporters."),
            s("the minister", "told")
        );
        assert_eq!(
            after(", Sen. Bernie Sanders said."),
            s("Sen. Bernie Sanders", "said")
        );
        assert_eq!(after(" and then the rain came."), None);
    }

    #[test]
    fn speaker_before_the_quote() {
        let s = |a: &str, b: &str, adj| Some((a.to_string(), b.to_string(), adj));
        assert_eq!(before("Wang also said: "), s("Wang", "said", true));
        assert_eq!(before("Wang went on to say that "), s("Wang", "say", true));
        assert_eq!(before("He also noted that "), s("He", "noted", true));
        assert_eq!(
            before("According to Governor Petra Lindqvist-Ames, demand was "),
            s("Governor Petra Lindqvist-Ames", "According to", false)
        );
        assert_eq!(
            before("Wang said China will call on all parties to implement resolutions "),
            s("Wang", "said", false)
        );
        assert_eq!(before("The so-called "), None);
    }

    #[test]
    fn phrasal_and_irregular_verbs_after_a_comma_closed_quote() {
        let s = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        let t = "“It was wrong,” he points out.";
        let a = after_quote(t, t.find('”').unwrap() + '”'.len_utf8(), t.len()).unwrap();
        assert_eq!(
            (&t[a.speaker.0..a.speaker.1], &t[a.cue.0..a.cue.1]),
            ("he", "points")
        );
        let at = |t: &str| {
            after_quote(t, t.find('”').unwrap() + '”'.len_utf8(), t.len()).map(|a| {
                (
                    t[a.speaker.0..a.speaker.1].to_string(),
                    t[a.cue.0..a.cue.1].to_string(),
                )
            })
        };
        assert_eq!(
            at("“No,” Bennett shot back with a laugh."),
            s("Bennett", "shot")
        );
        assert_eq!(
            at("“Yes,” an aide to Agriculture Secretary Richard Lyng said."),
            s("an aide to Agriculture Secretary Richard Lyng", "said")
        );
        assert_eq!(at("“So,” he then went on."), s("he", "went"));
        // A name and a plain noun is no attribution; after a full stop neither is a pronoun.
        assert_eq!(at("“Win,” Trump rallies followed."), None);
        assert_eq!(at("“It ended.” he points out."), None);
    }

    #[test]
    fn a_reporting_noun_after_a_determiner_is_no_cue() {
        // `a charge` and `the remark` are nouns: no speaker `a`, and `defended the remark,
        // saying` is the sentence subject's.
        let t = " - a charge that might have stung, since he was a mentor.";
        assert_eq!(after_quote(t, 0, t.len()), None);
        assert_eq!(
            before("He then defended the remark, saying, "),
            Some(("He".to_string(), "saying".to_string(), true))
        );
    }

    #[test]
    fn a_coordinated_cue_takes_the_last_clause_subject() {
        let text =
            "Last month, when I asked Sanders, he looked at me, furrowed his brow and said, ";
        assert_eq!(before(text).map(|b| b.0), Some("he".to_string()));
        let text = "Once in my twenties, when my mother asked, I laughed and said, ";
        assert_eq!(before(text).map(|b| b.0), Some("I".to_string()));
        assert_eq!(
            before("the 34-year-old mother of three replied, ").map(|b| b.0),
            Some("the 34-year-old mother of three".to_string())
        );
    }

    #[test]
    fn a_dash_and_a_name_with_initials() {
        assert_eq!(
            after(" ― Oscar P. Quintero").map(|a| a.0),
            Some("Oscar P. Quintero".to_string())
        );
        assert_eq!(
            after(", my father often said.").map(|a| a.0),
            Some("my father".to_string())
        );
    }

    #[test]
    fn sentence_starts_skip_abbreviations() {
        let text = "It rained. Mr. Smith said “yes”.";
        assert_eq!(sentence_start(text, 0, text.find('“').unwrap()), 10);
    }

    #[test]
    fn sentence_starts_follow_the_shared_abbreviations() {
        // `GOP` is an acronym without dots: its dot ends the sentence; `etc.` and `v.` do not.
        let text = "It backed the GOP. Wang said “yes”.";
        assert_eq!(sentence_start(text, 0, text.find('“').unwrap()), 18);
        let text = "Roe v. Wade said “yes”.";
        assert_eq!(sentence_start(text, 0, text.find('“').unwrap()), 0);
        let text = "Fish, rice etc. were sold, Wang said “yes”.";
        assert_eq!(sentence_start(text, 0, text.find('“').unwrap()), 0);
    }

    #[test]
    fn attribution_clauses_between_pieces() {
        assert!(is_only_attribution(" he said. "));
        assert!(is_only_attribution(", said the mayor, "));
        assert!(!is_only_attribution(" and the rain fell on the town. "));
    }
}
