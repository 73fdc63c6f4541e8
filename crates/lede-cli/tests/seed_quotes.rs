//! The user's seed article: six quotation pieces, all by Wang Yi (read from ../shared). It needs
//! both the raw-text parser and the quote extractor, so it lives here, in the crate above both
//! (lede-quotes does not depend on lede-ingest, not even for tests).

use lede_ingest::raw_text::parse_raw_article;
use lede_quotes::extract_quotes;

#[test]
fn seed_has_six_pieces_all_by_wang_yi() {
    let Some(path) = lede_testdata::shared_path(
        "seed_has_six_pieces_all_by_wang_yi",
        "seeds/000_b349bb90d9221d2a.txt",
    ) else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap();
    let article = parse_raw_article("seed", &text).unwrap().article;
    let quotes = extract_quotes(&article.paragraphs);
    let summary: Vec<(usize, String, Option<usize>)> = quotes
        .iter()
        .map(|q| {
            (
                q.paragraph,
                q.text(&article.paragraphs).chars().take(24).collect(),
                q.next,
            )
        })
        .collect();
    assert_eq!(quotes.len(), 6, "{summary:#?}");
    for q in &quotes {
        let speaker = q.speaker.as_ref().expect("every piece is attributed");
        assert_eq!(speaker.name, "Wang Yi", "{:?}", q.text(&article.paragraphs));
        let para: Vec<char> = article.paragraphs[q.paragraph].chars().collect();
        let at: String = para[q.start..q.end].iter().collect();
        assert_eq!(at, q.text(&article.paragraphs));
    }
    // Paragraph 4 (0-based 3): colon-introduced; 5: a partial quote in indirect speech.
    assert_eq!(quotes[0].paragraph, 3);
    assert!(quotes[0]
        .text(&article.paragraphs)
        .starts_with("China appreciates"));
    assert_eq!(quotes[1].paragraph, 4);
    assert!(quotes[1]
        .text(&article.paragraphs)
        .starts_with("to promote a smooth transition"));
    assert_eq!(quotes[2].paragraph, 5);
    // The quotation that runs across paragraphs 7 and 8 is one quotation in two pieces.
    assert_eq!((quotes[3].paragraph, quotes[3].next), (6, Some(4)));
    assert_eq!(quotes[4].paragraph, 7);
    assert!(quotes[4]
        .text(&article.paragraphs)
        .starts_with("In this process"));
    assert_eq!(quotes[5].paragraph, 8);
    assert!(quotes[5]
        .text(&article.paragraphs)
        .starts_with("China hopes"));
    // Atmar is only paraphrased.
    assert!(quotes
        .iter()
        .all(|q| !q.text(&article.paragraphs).contains("firmly committed")));
    // Apostrophes are not quote marks.
    assert!(quotes.iter().all(|q| q.text(&article.paragraphs) != "s"));
}
