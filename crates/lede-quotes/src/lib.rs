//! Finds the direct quotations in an article and who said them: quote pieces from the marks,
//! pieces joined into quotations (split by an attribution, or running across paragraphs),
//! speaker and cue from the words around them, and the speaker resolved to a name.
//!
//! Quoted terms of one to three words with no reporting verb beside them (nicknames, scare
//! quotes) and quoted titles are not speech and are left out.

mod attribution;
mod marks;
pub mod rank;
mod resolve;
mod tokens;

use lede_corpus::{Cue, Paragraphs, Quote, Span, Speaker, SpeakerMention};
use lede_text::byte_to_char;

use attribution::is_only_attribution;
use marks::{find_pieces, Piece};
use rank::candidates::{gather, Candidate};
use rank::features::features;
use rank::Ranker;
use resolve::Resolver;

/// Extracts the quotation pieces of an article's paragraphs, in reading order, with offsets
/// in chars as the corpus format counts them; speakers are chosen by the bundled ranker.
pub fn extract_quotes(paragraphs: &Paragraphs) -> Vec<Quote> {
    run(paragraphs, Some(Ranker::bundled()), None)
}

/// [`extract_quotes`] with another ranker, or with none: then the hand-ordered rules choose
/// (the first attribution beside the quote, else the first found, else the previous speaker),
/// the baseline the ranker is measured against.
pub fn extract_quotes_with(paragraphs: &Paragraphs, ranker: Option<&Ranker>) -> Vec<Quote> {
    run(paragraphs, ranker, None)
}

/// One quotation's candidate speakers, for training and evaluating a ranker.
#[derive(Debug, Clone, PartialEq)]
pub struct CandidateSet {
    /// The quotation's pieces, in chars of their paragraphs.
    pub pieces: Vec<Span>,
    /// Each candidate's words in the text (chars) and its features.
    pub candidates: Vec<(Span, Vec<String>)>,
}

/// The candidate sets of every quotation of an article, as the hand-ordered rules see them
/// (so the training data does not depend on the model being trained).
pub fn candidate_sets(paragraphs: &Paragraphs) -> Vec<CandidateSet> {
    let mut sets = Vec::new();
    run(paragraphs, None, Some(&mut sets));
    sets
}

/// The previous quotation's speaker: the paragraph of its last piece, the speaker, and the
/// paragraph and byte range of its words.
type Previous = (usize, Speaker, Option<(usize, (usize, usize))>);

fn run(
    paragraphs: &Paragraphs,
    ranker: Option<&Ranker>,
    mut sets: Option<&mut Vec<CandidateSet>>,
) -> Vec<Quote> {
    let pieces = find_pieces(paragraphs);
    let quotations = group(paragraphs, &pieces);
    // Built at the first attribution: most articles quote no one.
    let mut resolver: Option<Resolver> = None;
    let mut out: Vec<Quote> = Vec::new();
    let mut last_speaker: Option<Previous> = None;
    for members in quotations {
        let previous = last_speaker
            .as_ref()
            .and_then(|(lp, _, at)| at.map(|(p, b)| (*lp, p, b)));
        let cands = gather(paragraphs, &pieces, &members, previous);
        // The hand-ordered rules' pattern attribution decides what is a term, as before.
        let pattern = cands.iter().find(|c| c.legacy && is_pattern(c.rules[0]));
        let words: usize = members
            .iter()
            .map(|&m| word_count(piece_text(paragraphs, &pieces[m])))
            .sum();
        let piece0 = piece_text(paragraphs, &pieces[members[0]]);
        let opens_sentence = {
            let first = &pieces[members[0]];
            let before = paragraphs[first.paragraph][..first.open].trim_end();
            before.is_empty() || before.ends_with(['.', '!', '?', ':'])
        };
        let lead_in = {
            let first = &pieces[members[0]];
            &paragraphs[first.paragraph][..first.open]
        };
        if members.len() == 1 && is_term(piece0, words, pattern, opens_sentence, lead_in) {
            continue;
        }
        let feats: Vec<Vec<String>> = cands
            .iter()
            .map(|c| {
                let previous = last_speaker.as_ref().map(|(_, s, _)| s.name.as_str());
                features(paragraphs, &pieces, &members, c, cands.len() - 1, previous)
            })
            .collect();
        if let Some(sets) = sets.as_deref_mut() {
            sets.push(CandidateSet {
                pieces: members
                    .iter()
                    .map(|&m| {
                        let p = &pieces[m];
                        char_span(&paragraphs[p.paragraph], p.paragraph, (p.start, p.end))
                    })
                    .collect(),
                candidates: cands
                    .iter()
                    .zip(&feats)
                    .map(|(c, f)| {
                        let text = &paragraphs[c.paragraph];
                        (char_span(text, c.paragraph, c.speaker), f.clone())
                    })
                    .collect(),
            });
        }
        let chosen = match ranker {
            Some(r) => r
                .choose(&feats)
                .map(|(i, margin)| (&cands[i], Some(r.confidence(margin)))),
            None => cands.iter().find(|c| c.legacy).map(|c| (c, None)),
        };
        let (speaker, cue, rule, at) = match chosen {
            // The previous speaker carried over (also when a nearby cue names the same words).
            Some((c, confidence)) if c.inherited && !c.rules.iter().any(|r| is_pattern(r)) => {
                let (_, s, at) = last_speaker.clone().expect("inherited from a speaker");
                let speaker = Speaker { confidence, ..s };
                (Some(speaker), None, "inherited", at)
            }
            Some((c, confidence)) => {
                let resolver = resolver.get_or_insert_with(|| Resolver::new(paragraphs, &pieces));
                let (speaker, cue) = attribute(paragraphs, resolver, c, confidence);
                (
                    Some(speaker),
                    cue,
                    c.rules[0],
                    Some((c.paragraph, c.speaker)),
                )
            }
            None => (None, None, "unattributed", None),
        };
        if let Some(s) = &speaker {
            let last = pieces[*members.last().unwrap_or(&0)].paragraph;
            last_speaker = Some((last, s.clone(), at));
        }
        let base = out.len();
        for (k, &m) in members.iter().enumerate() {
            let piece = &pieces[m];
            let text = &paragraphs[piece.paragraph];
            let span = char_span(text, piece.paragraph, (piece.start, piece.end));
            let rule = if piece.unclosed && !piece.continues {
                format!("{rule}+unclosed")
            } else {
                rule.to_string()
            };
            out.push(Quote {
                paragraph: piece.paragraph,
                start: span.start,
                end: span.end,
                held_text: Some(text[piece.start..piece.end].into()),
                speaker: speaker.clone(),
                cue: cue.clone(),
                next: (k + 1 < members.len()).then_some(base + k + 1),
                rule: Some(rule.into()),
            });
        }
    }
    out
}

/// True for a rule of the attribution patterns beside the quote (not a nearby cue, not the
/// previous speaker).
fn is_pattern(rule: &str) -> bool {
    rule != "inherited" && !rule.starts_with("near:")
}

/// The speaker and cue of a chosen candidate: its words resolved to a name, with the chain
/// followed, its kind and the confidence.
fn attribute(
    paragraphs: &Paragraphs,
    resolver: &mut Resolver,
    c: &Candidate,
    confidence: Option<f32>,
) -> (Speaker, Option<Cue>) {
    let p = c.paragraph;
    let text = &paragraphs[p];
    let resolved = resolver.resolve(p, c.speaker);
    let speaker = Speaker {
        name: resolved.name.into(),
        entity: None,
        span: Some(char_span(text, p, c.speaker)),
        kind: resolved.kind,
        resolved_from: resolved
            .chain
            .into_iter()
            .map(|l| SpeakerMention {
                span: char_span(&paragraphs[l.paragraph], l.paragraph, l.span),
                text: l.text.into(),
            })
            .collect(),
        confidence,
    };
    let cue = c.cue.map(|cue| Cue {
        text: text[cue.0..cue.1].into(),
        span: char_span(text, p, cue),
    });
    (speaker, cue)
}

fn char_span(text: &str, paragraph: usize, (start, end): (usize, usize)) -> Span {
    Span {
        paragraph,
        start: byte_to_char(text, start),
        end: byte_to_char(text, end),
    }
}

fn piece_text<'a>(paragraphs: &'a Paragraphs, p: &Piece) -> &'a str {
    &paragraphs[p.paragraph][p.start..p.end]
}

fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Joins pieces into quotations: a piece continued into the next paragraph, or two pieces of
/// one paragraph with only an attribution clause between them.
fn group(paragraphs: &Paragraphs, pieces: &[Piece]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, piece) in pieces.iter().enumerate() {
        let joins_previous = i > 0 && {
            let prev = &pieces[i - 1];
            if prev.continues {
                prev.paragraph + 1 == piece.paragraph
            } else {
                // `“A,” he said, “b…”` continues one sentence; after `he said.` a new
                // quotation starts (it inherits the speaker).
                prev.paragraph == piece.paragraph && !prev.unclosed && {
                    let between = &paragraphs[piece.paragraph][prev.after..piece.open];
                    between.trim_end().ends_with([',', ':', '—', '–'])
                        && is_only_attribution(between)
                }
            }
        };
        match groups.last_mut() {
            Some(g) if joins_previous => g.push(i),
            _ => groups.push(vec![i]),
        }
    }
    groups
}

/// Longest quotation, in words, taken for a term when no reporting verb stands beside it.
fn term_words() -> usize {
    std::env::var("LEDE_TERM_WORDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3)
}

/// A quotation that reads as a term, not speech: a short phrase with no reporting verb beside
/// it (`the so-called “green corridor”`), or a title in title case (a show, a book, a slogan),
/// whatever follows it when a possessive or `on`/`of`/`in`/`from` leads in (`on ABC’s “This
/// Week,” Carson said`). `lead_in` is the paragraph's text before the opening mark.
fn is_term(
    text: &str,
    words: usize,
    attribution: Option<&Candidate>,
    opens_sentence: bool,
    lead_in: &str,
) -> bool {
    if !text.chars().any(char::is_alphabetic) {
        return true;
    }
    if words <= 7 && is_title_case(text) && names_a_work(lead_in) {
        return true;
    }
    let adjacent = attribution.is_some_and(|a| a.adjacent);
    // A short quote still is speech when it exclaims or asks, or when it closes a sentence
    // that reports speech (`said the findings were “significant and disturbing.”`).
    let exclaims = text.ends_with(['!', '?']);
    let closes_reported = attribution.is_some() && text.ends_with(['.', ',']);
    // `… she said. “We will stay.”`: a quoted sentence of its own.
    let own_sentence = opens_sentence && words >= 2 && text.ends_with(['.', ',', '!', '?']);
    if !adjacent && words <= term_words() && !exclaims && !closes_reported && !own_sentence {
        return true;
    }
    // `“…,” he said` is speech whatever its case; `told “Meet the Press”` names a show.
    if attribution.is_some_and(|a| a.adjacent && a.rules[0].starts_with("after")) || words < 2 {
        return false;
    }
    words <= 7 && is_title_case(text)
}

/// True when every word of `text` is capitalised but the minor ones inside (`The Art of the
/// Deal`), and it neither exclaims nor asks.
fn is_title_case(text: &str) -> bool {
    let bare = text.trim_end_matches(['.', ',', ';', ':']);
    let minor = [
        "of", "the", "a", "an", "and", "with", "to", "in", "on", "for", "at", "&", "or",
    ];
    let title_case = bare.split_whitespace().enumerate().all(|(i, w)| {
        w.chars().next().is_some_and(char::is_uppercase) || (i > 0 && minor.contains(&w))
    });
    title_case && !bare.ends_with(['!', '?'])
}

/// True when the words before a quote name what follows as a work: a possessive (`ABC’s`,
/// `television’s`) or `on`, `of`, `in`, `from` right before the opening mark.
fn names_a_work(lead_in: &str) -> bool {
    let last = lead_in
        .split_whitespace()
        .last()
        .unwrap_or("")
        .to_lowercase();
    let possessive = ["’s", "'s", "s’", "s'"].iter().any(|p| last.ends_with(p)) && last.len() > 2;
    possessive || ["on", "of", "in", "from"].contains(&last.as_str())
}

#[cfg(test)]
mod speaker_tests;

#[cfg(test)]
mod tests {
    use super::*;
    use lede_corpus::SpeakerKind;

    fn quotes(paragraphs: &[&str]) -> Vec<Quote> {
        let owned: Paragraphs = paragraphs.iter().map(|s| s.to_string()).collect();
        extract_quotes(&owned)
    }

    #[test]
    fn split_quote_is_one_quotation_with_one_speaker() {
        let q = quotes(&["“The river is rising,” she said, “and we will stay.”"]);
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].held_text.as_deref().unwrap(), "The river is rising,");
        assert_eq!(q[1].held_text.as_deref().unwrap(), "and we will stay.");
        assert_eq!(q[0].next, Some(1));
        assert_eq!(q[1].next, None);
        assert_eq!(q[0].speaker, q[1].speaker);
        assert_eq!(q[0].cue.as_ref().unwrap().text, "said");
    }

    #[test]
    fn a_new_sentence_after_the_attribution_is_a_new_quotation_by_the_same_speaker() {
        let q = quotes(&["“The river is rising,” she said. “We will stay.”"]);
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].next, None);
        assert_eq!(q[1].rule.as_deref(), Some("inherited"));
        let (s0, s1) = (
            q[0].speaker.as_ref().unwrap(),
            q[1].speaker.as_ref().unwrap(),
        );
        assert_eq!((&s0.name, s0.span), (&s1.name, s1.span));
    }

    #[test]
    fn scare_quotes_and_titles_are_not_speech() {
        let q = quotes(&[
            "The so-called “green corridor” plan stalled.",
            "The report “Water for All Citizens” was published.",
            "She called it “a mistake,” she said.",
        ]);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].held_text.as_deref().unwrap(), "a mistake,");
    }

    #[test]
    fn a_title_named_by_a_possessive_or_preposition_is_not_speech() {
        let q = quotes(&[
            "Speaking Sunday on ABC’s “This Week,” Carson admitted that the name was wrong.",
            "Washington, star of television’s “Scandal,” thanked him.",
            "On this weekend’s broadcast of “Fox News Sunday,” Gov. Mike Pence said “We will win.”",
        ]);
        let texts: Vec<&str> = q.iter().map(|x| x.held_text.as_deref().unwrap()).collect();
        // The quoted sentence after `said` is still speech.
        assert_eq!(texts, ["We will win."], "{q:?}");
    }

    #[test]
    fn the_sentence_subject_is_a_candidate_whatever_its_verb() {
        let q = quotes(&[
            "Former Arkansas Gov. Mike Huckabee, for his part, is labeling the actions “a blatant, belligerent abuse of power.”",
            "And then Trump went fully on the attack, saying, “Is the president going to resign?”",
        ]);
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].speaker.as_ref().unwrap().name, "Mike Huckabee");
        assert_eq!(q[1].speaker.as_ref().unwrap().name, "Trump");
    }

    #[test]
    fn offsets_count_chars() {
        let q = quotes(&["Ünïcödé “quoted words here,” he said."]);
        let para: Vec<char> = "Ünïcödé “quoted words here,” he said.".chars().collect();
        let text: String = para[q[0].start..q[0].end].iter().collect();
        assert_eq!(text, q[0].held_text.as_deref().unwrap());
        let span = q[0].speaker.as_ref().unwrap().span.unwrap();
        let speaker: String = para[span.start..span.end].iter().collect();
        assert_eq!(speaker, "he");
    }

    #[test]
    fn pronoun_resolves_to_the_nearest_person_and_surname_to_the_full_name() {
        let q = quotes(&[
            "Foreign Minister Idris Kalvane met reporters on Monday.",
            "“We are ready,” he said.",
            "Kalvane added: “The talks will go on.”",
        ]);
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].speaker.as_ref().unwrap().name, "Idris Kalvane");
        assert_eq!(q[1].speaker.as_ref().unwrap().name, "Idris Kalvane");
    }

    #[test]
    fn a_resolved_pronoun_keeps_its_chain_kind_and_confidence() {
        let paragraphs = [
            "Foreign Minister Idris Kalvane met reporters on Monday.",
            "“We are ready,” he said.",
        ];
        let q = quotes(&paragraphs);
        let s = q[0].speaker.as_ref().unwrap();
        assert_eq!(s.name, "Idris Kalvane");
        assert_eq!(s.kind, Some(SpeakerKind::Person));
        let c = s.confidence.unwrap();
        assert!((0.0..=1.0).contains(&c), "{c}");
        // The chain ends at the mention of the full name, its span pointing at those words.
        let last = s.resolved_from.last().expect("a chain");
        assert_eq!(last.text, "Idris Kalvane");
        let chars: Vec<char> = paragraphs[last.span.paragraph].chars().collect();
        let at: String = chars[last.span.start..last.span.end].iter().collect();
        assert_eq!(at, last.text);
    }

    #[test]
    fn organisations_and_descriptions_are_marked_and_never_named() {
        let q = quotes(&[
            "“Prices will rise,” the Interior Ministry said in a statement.",
            "“Nobody asked us,” a senior executive said.",
            "“We disagree,” he said.",
        ]);
        let s0 = q[0].speaker.as_ref().unwrap();
        assert_eq!(
            (s0.name.as_str(), s0.kind),
            ("Interior Ministry", Some(SpeakerKind::Organization)),
            "{s0:?}"
        );
        let s1 = q[1].speaker.as_ref().unwrap();
        assert_eq!(s1.name, "a senior executive");
        assert_eq!(s1.kind, Some(SpeakerKind::Description));
        assert!(s1.resolved_from.is_empty());
        // A pronoun points back at the described person who spoke before it.
        let s2 = q[2].speaker.as_ref().unwrap();
        assert_eq!(
            (s2.name.as_str(), s2.kind),
            ("a senior executive", Some(SpeakerKind::Description)),
            "{s2:?}"
        );
        // With no person before it, it keeps its words and no kind.
        let alone = quotes(&["“We disagree with them,” he said."]);
        let s = alone[0].speaker.as_ref().unwrap();
        assert_eq!((s.name.as_str(), s.kind), ("he", None), "{s:?}");
    }

    #[test]
    fn the_hand_ordered_rules_give_no_confidence() {
        let owned = Paragraphs::from(["“We are ready,” Idris Kalvane said."]);
        let q = extract_quotes_with(&owned, None);
        let s = q[0].speaker.as_ref().unwrap();
        assert_eq!((s.name.as_str(), s.confidence), ("Idris Kalvane", None));
    }

    #[test]
    fn an_aide_to_a_named_person_stays_a_description() {
        let q = quotes(&["“It is dormant,” an aide to Agriculture Secretary Richard Lyng said."]);
        let s = q[0].speaker.as_ref().unwrap();
        assert_eq!(
            (s.name.as_str(), s.kind),
            (
                "an aide to Agriculture Secretary Richard Lyng",
                Some(SpeakerKind::Description)
            )
        );
    }

    #[test]
    fn description_resolves_to_the_named_role_holder() {
        let q = quotes(&[
            "Finance Minister Lucía Ferrándiz presented the budget.",
            "“It is balanced,” the minister said.",
            "“Nobody believes it,” a spokesman for the opposition said.",
        ]);
        assert_eq!(q[0].speaker.as_ref().unwrap().name, "Lucía Ferrándiz");
        assert_eq!(
            q[1].speaker.as_ref().unwrap().name,
            "a spokesman for the opposition"
        );
    }

    #[test]
    fn roles_with_of_are_stripped_and_surnames_expand() {
        let q = quotes(&[
            "Minister of Coastal Affairs Bram Ostrander said the government had to be honest that “we cannot defend every field and every lane forever”.",
            "“We are choosing where to stand and fight,” Ostrander said.",
        ]);
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].speaker.as_ref().unwrap().name, "Bram Ostrander");
        assert_eq!(q[1].speaker.as_ref().unwrap().name, "Bram Ostrander");
    }

    #[test]
    fn a_title_after_an_inverted_verb_is_not_an_attribution() {
        let q = quotes(&[
            "The report, “Water for All”, says the water authority was left with “outdated powers and an empty toolbox”.",
        ]);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(
            q[0].held_text.as_deref().unwrap(),
            "outdated powers and an empty toolbox"
        );
    }

    #[test]
    fn shared_titles_and_the_role_words_are_stripped_from_names() {
        let q = quotes(&[
            "“We will pray,” Father Ansel Brio said.",
            "“We will vote,” Democratic nominee Petra Lindqvist said.",
        ]);
        assert_eq!(q[0].speaker.as_ref().unwrap().name, "Ansel Brio");
        assert_eq!(q[1].speaker.as_ref().unwrap().name, "Petra Lindqvist");
    }

    #[test]
    fn unattributed_paragraph_inherits_the_previous_speaker() {
        let q = quotes(&[
            "“The first point is clear,” Mayor Sunniva Okafor-Brandt said.",
            "“And the second point follows from the first one.”",
        ]);
        assert_eq!(q.len(), 2);
        assert_eq!(q[1].rule.as_deref(), Some("inherited"));
        assert_eq!(q[1].speaker.as_ref().unwrap().name, "Sunniva Okafor-Brandt");
    }
}
