//! Pronouns, organisations and appositives on small texts shaped like the Reuters errors of
//! docs/evaluation.md (each fails without the rule it names).

use lede_corpus::{Quote, Speaker, SpeakerKind};

fn speakers(paragraphs: &[&str]) -> Vec<Speaker> {
    let owned: lede_corpus::Paragraphs = paragraphs.iter().map(|s| s.to_string()).collect();
    let quotes: Vec<Quote> = crate::extract_quotes(&owned);
    quotes
        .into_iter()
        .map(|q| {
            q.speaker
                .unwrap_or_else(|| panic!("no speaker for {:?}", q.held_text))
        })
        .collect()
}

#[test]
fn it_points_at_the_document_that_spoke_not_a_person() {
    let s = speakers(&[
        "The paper printed an article by Finance Minister Idris Kalvane on trade.",
        "\"Prices for imported goods will fall this year,\" the editorial said.",
        "\"Trade between the two countries will grow quickly,\" it added.",
    ]);
    assert_eq!(s[1].name, "the editorial");
    assert_eq!(s[1].kind, Some(SpeakerKind::Description));
    // The chain ends at the words `the editorial`.
    assert_eq!(s[1].resolved_from.last().unwrap().text, "the editorial");
}

#[test]
fn it_with_no_organisation_stays_unresolved() {
    let s = speakers(&[
        "Finance Minister Idris Kalvane spoke to reporters on Monday.",
        "\"Trade between the two countries will grow quickly,\" it said.",
    ]);
    assert_eq!((s[0].name.as_str(), s[0].kind), ("it", None));
}

#[test]
fn he_points_at_the_latest_subject_of_a_reporting_verb() {
    let s = speakers(&[
        "\"Rates will rise this year,\" said Jorge Marcano, the finance director.",
        "Finance Minister Manuel Azpurua said banks had been contacted.",
        "\"Progress has been made in the talks,\" he said.",
    ]);
    assert_eq!(s[1].name, "Manuel Azpurua");
    assert_eq!(s[1].kind, Some(SpeakerKind::Person));
}

#[test]
fn a_lone_surname_subject_expands_and_takes_the_pronoun() {
    let s = speakers(&[
        "Jack Gill will leave the agency and Malcolm Stephens will succeed him, it said.",
        "\"The agency has done well under my leadership,\" said Gill.",
        "Stephens said he had no list of changes in mind.",
        "\"Political risk insurance is what we want to look at,\" he said.",
    ]);
    assert_eq!(s[1].name, "Malcolm Stephens");
    let texts: Vec<&str> = s[1].resolved_from.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(texts.last(), Some(&"Malcolm Stephens"), "{texts:?}");
}

#[test]
fn a_corporation_is_no_person_for_he() {
    let s = speakers(&[
        "General Motors hopes to sell more cars in Europe, James Fry, vice-president of GM Overseas Distribution Corporation, told a news briefing.",
        "\"The low dollar makes our prices very attractive,\" he said.",
    ]);
    assert_eq!(s[0].name, "James Fry");
}

#[test]
fn a_person_of_an_organisation_is_the_person() {
    let s = speakers(&[
        "\"The fund needs to establish a contingent liability of eight billion,\" Frederick Wolf of the GAO said.",
        "Economist Wendy Smith Cork of the brokerage Nesbitt Thomson Bongard Inc said \"it shows the economy is not moving along very steadily.\"",
        "\"You can say with certainty that the crop will be lower,\" Gail Martell, chief meteorologist for E.F. Hutton said.",
    ]);
    let names: Vec<&str> = s.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        ["Frederick Wolf", "Wendy Smith Cork", "Gail Martell"],
        "{s:?}"
    );
    assert!(s.iter().all(|s| s.kind == Some(SpeakerKind::Person)));
}

#[test]
fn an_appositive_names_the_described_speaker() {
    let s = speakers(&[
        "\"He stole from every family in this city,\" Justice Marisol Achterberg said.",
        "His lawyer, Maud Ferreira-Lindh, said he would appeal. \"We believe the court made serious errors,\" she told reporters.",
    ]);
    assert_eq!(s[1].name, "Maud Ferreira-Lindh", "{s:?}");
}

#[test]
fn a_name_he_pointed_at_is_no_antecedent_of_she() {
    let s = speakers(&[
        "Minister Bram Ostrander visited the town on Monday.",
        "\"Nobody will be left waiting for months,\" he said.",
        "Director Ingrid Tamsin-Roe spoke to the crowd about the plan afterwards.",
        "\"Words are cheap and sandbags are not,\" she said.",
    ]);
    assert_eq!(s[0].name, "Bram Ostrander");
    assert_eq!(s[1].name, "Ingrid Tamsin-Roe");
}

#[test]
fn x_quoted_y_as_saying_gives_y() {
    let paragraphs = [
        "It quoted a joint statement by the army as saying that their forces had \"dealt one of the severest blows on the enemy in the war.\"",
        "They quoted an Iranian soldier, Hamid Dehqani, as saying heavy rain \"had paralysed the enemy from embarking on any action\" against them.",
    ];
    let s = speakers(&paragraphs);
    let words = |s: &Speaker| {
        let span = s.span.unwrap();
        let chars: Vec<char> = paragraphs[span.paragraph].chars().collect();
        chars[span.start..span.end].iter().collect::<String>()
    };
    assert_eq!(words(&s[0]), "a joint statement by the army");
    assert_eq!(s[1].name, "Hamid Dehqani");
}

#[test]
fn a_described_subject_and_a_sentence_opening_name_take_the_pronoun() {
    let s = speakers(&[
        "\"We are getting the aircraft on very favourable terms,\" Robert Crandall said.",
        "A spokesman for Airbus confirmed those terms. \"We will own the aircraft and they will lease them,\" he said.",
        "Rei Shiratori, a professor, expects the tax to pass. Yasuhiro Nakasone today called for discipline. \"There are some who object,\" he told the meeting.",
    ]);
    assert_eq!(s[1].name, "A spokesman for Airbus");
    assert_eq!(s[2].name, "Yasuhiro Nakasone");
}

#[test]
fn a_firm_a_role_and_a_name_after_the_cue_are_one_speaker() {
    let s = speakers(&[
        "\"Kodak perceives that these businesses will be its bread and butter,\" said Wertheim and Co analyst Michael Ellman.",
        "\"The outlook is more worrying than it was,\" said Societe Generale economist Alain Marais.",
    ]);
    assert_eq!(s[0].name, "Michael Ellman");
    assert_eq!(s[1].name, "Alain Marais");
}
