//! Tests of speaker classes found on PolNeAR train and dev and on the demo corpus: relative
//! pronouns as subjects, descriptions of a side or team.

use super::*;
use lede_corpus::SpeakerKind;

fn quotes(paragraphs: &[&str]) -> Vec<Quote> {
    let owned: lede_corpus::Paragraphs = paragraphs.iter().map(|s| s.to_string()).collect();
    extract_quotes(&owned)
}

/// The speaker's words as they stand in the paragraph.
fn speaker_words(paragraphs: &[&str], q: &Quote) -> String {
    let span = q
        .speaker
        .as_ref()
        .and_then(|s| s.span)
        .expect("a speaker span");
    let chars: Vec<char> = paragraphs[span.paragraph].chars().collect();
    chars[span.start..span.end].iter().collect()
}

#[test]
fn a_relative_pronoun_speaks_for_the_name_it_follows() {
    let text = [
        "Ansel Tromp won the vote on Thursday with an endorsement from Mira Castell, who declared in the hall, “It is time to unite.”",
    ];
    let q = quotes(&text);
    assert_eq!(q.len(), 1, "{q:?}");
    let s = q[0].speaker.as_ref().expect("a speaker");
    assert_eq!(speaker_words(&text, &q[0]), "who");
    assert_eq!(s.name, "Mira Castell");
    assert_eq!(s.kind, Some(SpeakerKind::Person));
    let chain: Vec<&str> = s.resolved_from.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(chain, ["Mira Castell"]);
}

#[test]
fn the_words_after_a_cue_that_open_a_clause_are_no_inverted_speaker() {
    let text = [
        "Brennick manager Halvard Stenmo described the defeat as \"cruel\" but said his side would \"come back stronger\".",
    ];
    let q = quotes(&text);
    let back = q
        .iter()
        .find(|q| q.held_text.as_deref() == Some("come back stronger"))
        .expect("the quote");
    let s = back.speaker.as_ref().expect("a speaker");
    assert_eq!(s.name, "Halvard Stenmo", "{s:?}");
    assert_eq!(s.kind, Some(SpeakerKind::Person));
}

#[test]
fn said_and_a_name_before_a_colon_is_still_an_inverted_speaker() {
    let text = ["Said Mira Castell: “We will be back.”"];
    let q = quotes(&text);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].speaker.as_ref().unwrap().name, "Mira Castell");
}
