//! Attributions after a closing quote mark: `,” he said`, `,” said X`, `,” X, the minister,
//! told reporters`, a sentence-final `said X`, an unlisted past-tense verb, a dash and a name.

use lede_text::word_lists::SUBJECT_PRONOUNS as PRONOUNS;

use super::phrase::{is_past_tense, looks_like_np, np_forward, span};
use super::words::{
    is_cue, is_cue_at, is_in, ADVERBS, CLAUSE_VERBS, CLAUSE_WORDS, IRREGULAR_PAST, PARTICLES,
};
use super::{is_sentence_end, Attribution};
use crate::tokens::tokenize;

/// Looks after a closing mark: `,” he said`, `,” said X`, `,” X, the minister, told reporters`.
pub(crate) fn after_quote(text: &str, after: usize, limit: usize) -> Option<Attribution> {
    let toks = tokenize(text, after, limit);
    let mut i = 0;
    let mut dashed = false;
    while i < toks.len() && matches!(toks[i].text, "," | "—" | "–" | "―" | "-" | "…") {
        dashed |= toks[i].text != ",";
        i += 1;
    }
    let end = (i..toks.len())
        .find(|&k| is_sentence_end(&toks, k) || matches!(toks[k].text, "“" | "\""))
        .unwrap_or(toks.len());
    let toks = &toks[..end];
    let first = toks.get(i)?;
    if is_cue(first) && !first.lower().ends_with("ing") {
        // `said X` (inverted); `said 9/11 widow Terry Strada`.
        let np = np_forward(toks, i + 1).or_else(|| {
            let stop = (i + 1..toks.len())
                .find(|&m| toks[m].text == ",")
                .unwrap_or(toks.len());
            (stop > i + 1 && stop - i <= 9).then_some((i + 1, stop))
        })?;
        // `, says the authority was left …` opens a clause: no inverted attribution.
        if toks.get(np.1).is_some_and(|t| is_in(t, CLAUSE_VERBS)) {
            return None;
        }
        return Some(Attribution {
            speaker: span(toks, np),
            cue: (first.start, first.end),
            adjacent: true,
            rule: "after:cue-speaker",
        });
    }
    // `X said`, `X, the minister, said`, `Rep. X (D-Wis.) said`, `campaign spokesman X said`:
    // the words up to the cue are the speaker, cut at the first comma (an appositive).
    let cue = (i..toks.len().min(i + 28)).find(|&k| is_cue_at(toks, k) && k > i);
    if let Some(k) = cue {
        let mut stop = (i..k).find(|&m| toks[m].text == ",").unwrap_or(k);
        while stop > i && is_in(&toks[stop - 1], ADVERBS) {
            stop -= 1;
        }
        let phrase = &toks[i..stop];
        // `an aide to Agriculture Secretary Richard Lyng`: `to` before a name is no clause.
        let clause = phrase.len() > 1
            && phrase.iter().enumerate().any(|(m, t)| {
                let to_name =
                    t.lower() == "to" && phrase.get(m + 1).is_some_and(|n| n.is_capitalized());
                is_in(t, CLAUSE_WORDS) && !to_name
            });
        let commas_ok = stop == k || toks[stop..k].iter().filter(|t| t.text == ",").count() >= 2;
        if !phrase.is_empty() && phrase.len() <= 12 && !clause && commas_ok && looks_like_np(phrase)
        {
            return Some(Attribution {
                speaker: (phrase[0].start, phrase[phrase.len() - 1].end),
                cue: (toks[k].start, toks[k].end),
                adjacent: true,
                rule: "after:speaker-cue",
            });
        }
    }
    // `“…” if she didn't win, said David Wasserman.`: the attribution closes the sentence.
    if let Some(k) = (i + 1..toks.len()).rev().find(|&k| is_cue_at(toks, k)) {
        let clause_start = (i..k)
            .rev()
            .find(|&m| toks[m].text == ",")
            .map_or(i, |m| m + 1);
        if clause_start == k && !toks[k].lower().ends_with("ing") {
            if let Some(np) = np_forward(toks, k + 1) {
                return Some(Attribution {
                    speaker: span(toks, np),
                    cue: (toks[k].start, toks[k].end),
                    adjacent: false,
                    rule: "after:sentence-end-cue-speaker",
                });
            }
        } else if clause_start < k {
            let mut stop = k;
            while stop > clause_start + 1 && is_in(&toks[stop - 1], ADVERBS) {
                stop -= 1;
            }
            let phrase = &toks[clause_start..stop];
            let short = phrase.len() <= 6 && !phrase.iter().any(|t| is_in(t, CLAUSE_WORDS));
            if (short || (phrase.len() == 1 && is_in(&phrase[0], PRONOUNS)))
                && looks_like_np(phrase)
            {
                return Some(Attribution {
                    speaker: (phrase[0].start, phrase[phrase.len() - 1].end),
                    cue: (toks[k].start, toks[k].end),
                    adjacent: false,
                    rule: "after:sentence-end-speaker-cue",
                });
            }
        }
    }
    // `,” Toomey fumed`, `,” remembered Roy Verley`: a verb we do not list, in the past tense,
    // right beside a name or pronoun.
    if let Some(np) = np_forward(toks, i) {
        let named = toks[np.0].is_capitalized() || is_in(&toks[np.0], PRONOUNS);
        if let Some(verb) = toks.get(np.1).filter(|t| named && is_past_tense(t)) {
            return Some(Attribution {
                speaker: span(toks, np),
                cue: (verb.start, verb.end),
                adjacent: true,
                rule: "after:speaker-verb",
            });
        }
    }
    // `,” he points out`, `,” Bennett shot back`, `,” he went on`: after a quote closed by a
    // comma (the sentence goes on), a pronoun and any verb, or a name and a phrasal or
    // irregular past verb.
    let comma_closed = text[..after]
        .trim_end_matches(['”', '"', '’', '\''])
        .ends_with([',', '!', '?']);
    if let Some(np) = np_forward(toks, i).filter(|_| comma_closed) {
        let pronoun = np.1 == np.0 + 1 && is_in(&toks[np.0], PRONOUNS);
        // `he then went on`: adverbs before the verb are skipped.
        let at = (np.1..toks.len())
            .find(|&k| is_in(&toks[k], IRREGULAR_PAST) || !is_in(&toks[k], ADVERBS))
            .unwrap_or(toks.len());
        let verb = toks
            .get(at)
            .filter(|t| t.is_word() && !t.is_capitalized() && !is_in(t, CLAUSE_WORDS));
        if let Some(verb) = verb {
            let phrasal = toks.get(at + 1).is_some_and(|p| is_in(p, PARTICLES));
            let named = toks[np.0].is_capitalized() && (phrasal || is_in(verb, IRREGULAR_PAST));
            if pronoun || named {
                return Some(Attribution {
                    speaker: span(toks, np),
                    cue: (verb.start, verb.end),
                    adjacent: true,
                    rule: "after:speaker-other-verb",
                });
            }
        }
    }
    if is_past_tense(first) {
        if let Some(np) = np_forward(toks, i + 1).filter(|np| toks[np.0].is_capitalized()) {
            return Some(Attribution {
                speaker: span(toks, np),
                cue: (first.start, first.end),
                adjacent: true,
                rule: "after:verb-speaker",
            });
        }
    }
    // `” ― Pamela Padilla`: a dash and a name, no verb.
    if dashed {
        let np = np_forward(toks, i)?;
        if toks[np.0].is_capitalized() && np.1 == toks.len() {
            return Some(Attribution {
                speaker: span(toks, np),
                cue: (toks[i - 1].start, toks[i - 1].end),
                adjacent: true,
                rule: "after:dash-name",
            });
        }
    }
    None
}
