//! The article pipeline on sentences written for these tests (fictional or generic text).
#![cfg(feature = "bundled-model")]

use lede_corpus::{ArticleEntity, EntityKind, Quote, Speaker};
use lede_entities::{extract_entities, find_mentions, link_speakers, Tagger};

fn tagger() -> Tagger {
    Tagger::bundled()
}

fn paras(text: &[&str]) -> lede_corpus::Paragraphs {
    text.iter().map(|s| s.to_string()).collect()
}

fn entities(text: &[&str]) -> Vec<ArticleEntity> {
    extract_entities(&paras(text), &tagger(), &[])
}

fn find<'a>(es: &'a [ArticleEntity], id: &str) -> &'a ArticleEntity {
    es.iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("no {id} in {:#?}", ids(es)))
}

fn ids(es: &[ArticleEntity]) -> Vec<String> {
    es.iter().map(|e| e.id.to_string()).collect()
}

fn span_text(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn titles_are_stripped_and_kept_as_roles() {
    let p = paras(&["Foreign Minister Wang Yi arrived in Kabul on Tuesday for two days of talks."]);
    let ms = find_mentions(&p, &tagger(), &[]);
    let wang = ms
        .iter()
        .find(|m| m.name == "Wang Yi")
        .expect("Wang Yi found");
    assert_eq!(wang.role.as_deref(), Some("Foreign Minister"));
    assert_eq!(span_text(&p[0], wang.span.start, wang.span.end), "Wang Yi");
    let es = extract_entities(&p, &tagger(), &[]);
    assert_eq!(find(&es, "person:wang-yi").kind, EntityKind::Person);
    assert!(
        !ids(&es).iter().any(|id| id.contains("minister")),
        "{:?}",
        ids(&es)
    );
}

#[test]
fn possessives_are_stripped() {
    let text = "Norway’s fishing fleet grew while China's exports to Brazil' s ports fell.";
    let es = entities(&[text]);
    let norway = find(&es, "place:norway");
    let m = norway.mentions[0];
    assert_eq!(span_text(text, m.start, m.end), "Norway");
    let china = find(&es, "place:china");
    assert_eq!(china.name, "China");
}

#[test]
fn all_caps_datelines_become_title_case() {
    let es = entities(&[
        "KABUL (Reuters) - Officials in the Afghan capital said on Monday that the airport would reopen.",
    ]);
    let kabul = find(&es, "place:kabul");
    assert_eq!(kabul.name, "Kabul");
    // `Officials` opens the sentence and is no name.
    assert!(!ids(&es).iter().any(|id| id.contains("officials")));
}

#[test]
fn sentence_initial_common_words_and_pronouns_are_not_entities() {
    let es = entities(&[
        "Analysts expected a weak harvest. Officials said the river had risen overnight.",
        "He said they would wait. She agreed, and It was decided that we would go.",
        "Police said analysts and officials met in the town hall.",
    ]);
    assert!(es.is_empty(), "{:#?}", ids(&es));
}

#[test]
fn names_right_after_a_closing_quote_mark() {
    let text =
        "“We will rebuild the harbour before the winter storms,” Mirela Vostrikova told reporters.";
    let es = entities(&[text]);
    let e = find(&es, "person:mirela-vostrikova");
    assert_eq!(
        span_text(text, e.mentions[0].start, e.mentions[0].end),
        "Mirela Vostrikova"
    );
    let text2 = "“The plan is sound.” Teodor Balanescu said on Friday.";
    let es = entities(&[text2]);
    find(&es, "person:teodor-balanescu");
}

#[test]
fn tickers_attach_to_the_company_before_them() {
    let es =
        entities(&["Shares of Calder Instruments Inc <CLDR.N> rose 4 percent after the results."]);
    let org = es
        .iter()
        .find(|e| e.kind == EntityKind::Organization && e.aliases.contains(&"CLDR.N".into()))
        .unwrap_or_else(|| panic!("{es:#?}"));
    assert!(org.name.starts_with("Calder Instruments"), "{}", org.name);
    assert!(
        !ids(&es).iter().any(|id| id.contains("cldr")),
        "{:?}",
        ids(&es)
    );
    // A later short name of the company joins it.
    let es = entities(&[
        "Regulators fined Harrow Freight Corp <HFC.N> on Monday.",
        "A spokeswoman said Harrow would appeal.",
    ]);
    let org = find(&es, "organization:harrow-freight-corp");
    assert_eq!(org.mentions.len(), 2, "{es:#?}");
    assert!(org.aliases.contains(&"HFC.N".into()));
}

#[test]
fn surnames_merge_into_the_full_name_either_way_round() {
    let es = entities(&[
        "Interior Minister Haneef Atmar visited the northern provinces on Sunday.",
        "Atmar said security had improved, and Wang Yi, who joined him, agreed.",
        "Wang later flew back to the capital.",
    ]);
    let atmar = find(&es, "person:haneef-atmar");
    assert_eq!(atmar.mentions.len(), 2, "{atmar:?}");
    assert!(atmar.aliases.contains(&"Atmar".into()));
    let wang = find(&es, "person:wang-yi");
    assert_eq!(wang.mentions.len(), 2, "{wang:?}");
    assert!(!ids(&es).contains(&"person:atmar".to_string()));
}

#[test]
fn acronyms_defined_in_the_text_merge_with_their_long_form() {
    let es = entities(&[
        "Ministers of the Organization of Petroleum Exporting Countries (OPEC) meet in Vienna next week.",
        "OPEC has kept its output target unchanged since the spring.",
    ]);
    let opec = find(&es, "organization:opec");
    assert_eq!(opec.name, "OPEC");
    assert!(opec
        .aliases
        .contains(&"Organization of Petroleum Exporting Countries".into()));
    assert_eq!(opec.mentions.len(), 3, "{opec:?}");
}

#[test]
fn well_known_variants_share_one_entity() {
    let es = entities(&[
        "The U.S. embassy in Oslo closed early on Friday.",
        "A spokesman said the United States would reopen it, and US staff stayed home.",
    ]);
    let us = find(&es, "place:united-states");
    assert_eq!(us.name, "United States");
    assert!(us.mentions.len() >= 2, "{us:?}");
    assert_eq!(
        es.iter().filter(|e| e.id == "place:united-states").count(),
        1
    );
}

#[test]
fn ids_are_stable_across_articles_and_fold_diacritics() {
    let a = entities(&["Mayor Zoë Ångström opened the new bridge in São Paulo on Monday."]);
    let b =
        entities(&["SAO PAULO (Reuters) - Thousands cheered as Zoë Ångström arrived on Monday."]);
    for es in [&a, &b] {
        find(es, "place:sao-paulo");
        find(es, "person:zoe-angstrom");
    }
    let text = "Mayor Zoë Ångström opened the new bridge in São Paulo on Monday.";
    let z = find(&a, "person:zoe-angstrom");
    assert_eq!(
        span_text(text, z.mentions[0].start, z.mentions[0].end),
        "Zoë Ångström"
    );
}

#[test]
fn speakers_link_to_their_entities() {
    let p = paras(&[
        "Interior Minister Haneef Atmar visited the border on Sunday.",
        "“Security has improved,” Atmar said.",
    ]);
    let text = &p[1];
    let start = text.chars().position(|c| c == 'S').unwrap();
    let mut quotes = vec![Quote {
        paragraph: 1,
        start,
        end: start + "Security has improved,".chars().count(),
        held_text: Some("Security has improved,".into()),
        speaker: Some(Speaker {
            name: "Haneef Atmar".into(),
            entity: None,
            span: None,
            ..Default::default()
        }),
        cue: None,
        next: None,
        rule: None,
    }];
    let es = extract_entities(&p, &tagger(), &quotes);
    link_speakers(&mut quotes, &es);
    assert_eq!(
        quotes[0].speaker.as_ref().unwrap().entity.as_deref(),
        Some("person:haneef-atmar")
    );
    // A description that names no entity stays unlinked.
    quotes[0].speaker.as_mut().unwrap().name = "a spokesman".into();
    quotes[0].speaker.as_mut().unwrap().entity = None;
    link_speakers(&mut quotes, &es);
    assert_eq!(quotes[0].speaker.as_ref().unwrap().entity, None);
}

#[test]
fn speakers_from_the_quote_extractor_become_people() {
    // An unusual name the tagger may miss; the quote extractor says who spoke.
    let p = paras(&["“Nothing is settled,” said Qoyllur Tsetsegmaa."]);
    let chars: Vec<char> = p[0].chars().collect();
    let start = chars.iter().position(|&c| c == 'Q').unwrap();
    let end = chars.len() - 1;
    let quotes = vec![Quote {
        paragraph: 0,
        start: 1,
        end: 19,
        held_text: Some("Nothing is settled,".into()),
        speaker: Some(Speaker {
            name: "Qoyllur Tsetsegmaa".into(),
            entity: None,
            span: Some(lede_corpus::Span {
                paragraph: 0,
                start,
                end,
            }),
            ..Default::default()
        }),
        cue: None,
        next: None,
        rule: None,
    }];
    let es = extract_entities(&p, &tagger(), &quotes);
    let e = find(&es, "person:qoyllur-tsetsegmaa");
    assert_eq!(e.kind, EntityKind::Person);
}

#[test]
fn hyphenated_adjectives_and_party_tags_are_not_entities() {
    let es = entities(&[
        "The Kremlin-financed channel and a Soviet-style parade drew comment from Senator Ana Reyes, R-Neb, on Tuesday.",
    ]);
    let names: Vec<&str> = es.iter().map(|e| e.name.as_str()).collect();
    assert!(!names.iter().any(|n| n.contains('-')), "{names:?}");
}
