//! The search engine on small fictional corpora: tokenizer folding, typo budgets, ranking rules,
//! query syntax, filters and facets, snippets, and the stored index.

use lede_corpus::{Article, ArticleEntity, Corpus, EntityKind, Quote, Speaker};
use lede_search::{Index, Order, Query, SearchResults};

fn article(id: &str, title: &str, paragraphs: &[&str]) -> Article {
    Article {
        id: id.into(),
        title: title.into(),
        paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        ..Article::default()
    }
}

fn entity(id: &str, name: &str, kind: EntityKind) -> ArticleEntity {
    ArticleEntity {
        id: id.into(),
        name: name.into(),
        kind,
        aliases: Box::default(),
        mentions: Default::default(),
    }
}

/// A quote of `text` found in paragraph `p` of `a`, spoken by `speaker`.
fn quote(a: &Article, p: usize, text: &str, speaker: &str) -> Quote {
    let para = &a.paragraphs[p];
    let byte = para.find(text).expect("the quote is in the paragraph");
    let start = para[..byte].chars().count();
    Quote {
        paragraph: p,
        start,
        end: start + text.chars().count(),
        held_text: Some(text.into()),
        speaker: Some(Speaker {
            name: speaker.into(),
            entity: None,
            span: None,
            ..Default::default()
        }),
        cue: None,
        next: None,
        rule: None,
    }
}

/// Five fictional articles from the made-up country of Vastmark.
fn corpus() -> Corpus {
    let mut a0 = article(
        "harbour",
        "Harbour council backs Zürich terminal",
        &[
            "The harbour council of Velmora voted seven to four on Monday.",
            "“We will build it for the 2050s,” said Oren Haldane. Critics feared flood damage.",
        ],
    );
    a0.quotes = vec![quote(
        &a0,
        1,
        "We will build it for the 2050s",
        "Oren Haldane",
    )];
    a0.entities = vec![
        entity("p-haldane", "Oren Haldane", EntityKind::Person),
        entity("g-velmora", "Velmora", EntityKind::Place),
    ];
    a0.date = Some("2023-01-17".into());
    a0.source = Some("NWA".into());

    let mut a1 = article(
        "reservoirs",
        "China’s reservoirs at record low",
        &["Reservoirs in the north held 155,221 megalitres, or 5.93 percent less than in 1987."],
    );
    a1.entities = vec![entity("g-china", "China", EntityKind::Place)];
    a1.date = Some("2023-02-08".into());
    a1.source = Some("CPB".into());

    let mut a2 = article(
        "kessaria",
        "Kessaria and Vastmark discuss river cooperation",
        &[
            "Foreign Minister Idris Kalvane called his counterpart about the Orrin River.",
            "“Water does not stop at a border post,” Kalvane said. The talks lasted an hour.",
        ],
    );
    a2.quotes = vec![quote(
        &a2,
        1,
        "Water does not stop at a border post",
        "Idris Kalvane",
    )];
    a2.entities = vec![
        entity("p-kalvane", "Idris Kalvane", EntityKind::Person),
        entity(
            "o-ministry",
            "Ministry of Foreign Affairs",
            EntityKind::Organization,
        ),
        entity("g-velmora", "Velmora", EntityKind::Place),
    ];
    a2.date = Some("2022-05-01".into());
    a2.source = Some("NWA".into());

    let mut a3 = article(
        "tram",
        "Velmora tram extension opens",
        &[
            "The new tram line to the harbour opened after a border dispute over the depot by the \
             old reservoir, which the city drained in the spring of the previous year.",
            "Mayor Lina Osei said the line would carry 40,000 riders a day.",
        ],
    );
    a3.quotes = vec![quote(&a3, 1, "carry 40,000 riders", "Lina Osei")];
    a3.entities = vec![
        entity("p-osei", "Lina Osei", EntityKind::Person),
        entity("g-velmora", "Velmora", EntityKind::Place),
    ];
    a3.date = Some("2024-03-02".into());
    a3.source = Some("NWA".into());

    let a4 = article(
        "reservoir-typo",
        "Reservoirr reservoirr reservoirr",
        &["A misspelt headline about reservoirr levels."],
    );
    Corpus::new(vec![a0, a1, a2, a3, a4])
}

fn ids(corpus: &Corpus, r: &SearchResults) -> Vec<String> {
    r.hits
        .iter()
        .map(|h| corpus.articles[h.article].id.clone())
        .collect()
}

fn run(index: &Index, corpus: &Corpus, text: &str) -> Vec<String> {
    ids(corpus, &index.search(corpus, &Query::parse(text)))
}

#[test]
fn tokenizer_folds_diacritics_possessives_and_keeps_numbers() {
    let c = corpus();
    let index = Index::build(&c);
    assert_eq!(run(&index, &c, "zurich "), ["harbour"]);
    assert_eq!(run(&index, &c, "ZÜRICH "), ["harbour"]);
    assert_eq!(run(&index, &c, "china "), ["reservoirs"]);
    assert_eq!(run(&index, &c, "China's "), ["reservoirs"]);
    assert_eq!(run(&index, &c, "155,221 "), ["reservoirs"]);
    assert_eq!(run(&index, &c, "5.93 "), ["reservoirs"]);
    assert_eq!(run(&index, &c, "1987 "), ["reservoirs"]);
    assert!(run(&index, &c, "1988 ").is_empty(), "numbers allow no typo");
}

#[test]
fn typo_budget_depends_on_word_length() {
    let c = corpus();
    let index = Index::build(&c);
    // 4 letters: no typo while the word itself is in some article ("four" is not "hour")...
    assert_eq!(run(&index, &c, "four "), ["harbour"]);
    assert_eq!(run(&index, &c, "hour "), ["kessaria"]);
    // ...one as a last resort: when no article has it ("tran" -> "tram", "than")...
    let r = index.search(&c, &Query::parse("tran "));
    assert_eq!(ids(&c, &r), ["tram", "reservoirs"]);
    assert_eq!((r.hits[0].typos, r.relaxed), (1, false));
    // ...or when no article has every word with it exact ("four" -> "hour").
    let r = index.search(&c, &Query::parse("kalvane four "));
    assert_eq!(ids(&c, &r), ["kessaria"]);
    assert_eq!((r.hits[0].typos, r.relaxed), (1, false));
    // 5-8 letters: one typo ("border" -> "bordre"), not two ("bxrdxr").
    assert_eq!(run(&index, &c, "bordre "), ["kessaria", "tram"]);
    assert!(run(&index, &c, "bxrdxr ").is_empty());
    // 9+ letters: two typos ("extension" -> "extnesoin").
    assert_eq!(run(&index, &c, "extnesoin "), ["tram"]);
    assert!(
        run(&index, &c, "xetnesoin ").is_empty(),
        "a wrong first letter leaves one typo"
    );
}

#[test]
fn transposition_counts_as_one_typo() {
    let c = corpus();
    let index = Index::build(&c);
    let r = index.search(&c, &Query::parse("hrabour "));
    assert_eq!(ids(&c, &r), ["harbour", "tram"]);
    assert_eq!(r.hits[0].typos, 1);
    assert_eq!(r.hits[0].matched_terms, ["harbour"]);
}

#[test]
fn exact_match_outranks_typo_match() {
    let c = corpus();
    let index = Index::build(&c);
    // "reservoirr" fills a short title three times (strong BM25F), one typo from "reservoir";
    // the exact word once in a long paragraph still ranks first.
    let r = index.search(&c, &Query::parse("reservoir "));
    assert_eq!(ids(&c, &r), ["tram", "reservoir-typo", "reservoirs"]);
    assert_eq!((r.hits[0].typos, r.hits[1].typos), (0, 1));
    assert!(
        r.hits[1].score > r.hits[0].score,
        "the typo match has the higher BM25F score"
    );
}

#[test]
fn a_quoted_word_matches_exactly() {
    let c = corpus();
    let index = Index::build(&c);
    // Quoted, the word takes no typo (`reservoirr`) and is no prefix (`reservoirs`).
    assert_eq!(run(&index, &c, "\"reservoir\""), ["tram"]);
    assert_eq!(run(&index, &c, "\"reservoir\" "), ["tram"]);
    // Excluding the exact word keeps its typo and plural matches.
    let mut rest = run(&index, &c, "-\"reservoir\" reservoir ");
    rest.sort();
    assert_eq!(rest, ["reservoir-typo", "reservoirs"]);
    let q = Query::parse("\"reservoir\"");
    assert!(q.clauses[0].phrase && !q.clauses[0].prefix);
}

#[test]
fn only_the_last_word_is_a_prefix_while_typing() {
    let c = corpus();
    let index = Index::build(&c);
    assert_eq!(run(&index, &c, "velmora exten"), ["tram"]);
    let r = index.search(&c, &Query::parse("exten velmora"));
    assert!(r.relaxed, "a cut word before the last one does not match");
    assert!(index.search(&c, &Query::parse("velmora exten ")).relaxed);
    assert_eq!(run(&index, &c, "kalv"), ["kessaria"]);
}

#[test]
fn phrases_must_be_adjacent_and_in_order() {
    let c = corpus();
    let index = Index::build(&c);
    assert_eq!(run(&index, &c, "\"border post\""), ["kessaria"]);
    assert_eq!(run(&index, &c, "“border dispute”"), ["tram"]);
    assert!(index.search(&c, &Query::parse("\"post border\"")).relaxed);
}

#[test]
fn field_operators_limit_where_words_match() {
    let c = corpus();
    let index = Index::build(&c);
    assert_eq!(run(&index, &c, "harbour "), ["harbour", "tram"]);
    assert_eq!(run(&index, &c, "title:harbour "), ["harbour"]);
    // "border" is in two bodies but quoted only by Kalvane.
    assert_eq!(run(&index, &c, "quote:border "), ["kessaria"]);
    assert_eq!(run(&index, &c, "quote:\"2050s\" "), ["harbour"]);
    assert!(index.search(&c, &Query::parse("quote:critics ")).relaxed);
    assert_eq!(run(&index, &c, "speaker:osei "), ["tram"]);
    assert!(index.search(&c, &Query::parse("speaker:velmora ")).relaxed);
}

#[test]
fn negation_excludes_articles() {
    let c = corpus();
    let index = Index::build(&c);
    assert_eq!(run(&index, &c, "velmora "), ["tram", "harbour", "kessaria"]);
    assert_eq!(run(&index, &c, "velmora -tram "), ["harbour", "kessaria"]);
    assert_eq!(
        run(&index, &c, "velmora -\"border post\" "),
        ["tram", "harbour"]
    );
    assert_eq!(
        run(&index, &c, "velmora -title:harbour "),
        ["tram", "kessaria"]
    );
}

#[test]
fn unbalanced_quote_still_searches_its_words() {
    let c = corpus();
    let index = Index::build(&c);
    let r = index.search(&c, &Query::parse("\"orrin river"));
    assert!(r.parse_error.is_some());
    assert_eq!(ids(&c, &r), ["kessaria"]);
}

#[test]
fn filters_combine_with_queries_and_facets_count_the_results() {
    let c = corpus();
    let index = Index::build(&c);
    let mut q = Query::parse("");
    q.entities = vec!["g-velmora".into()];
    let r = index.search(&c, &q);
    assert_eq!(
        ids(&c, &r),
        ["harbour", "kessaria", "tram"],
        "browsing in corpus order"
    );
    assert_eq!(r.total, 3);
    assert_eq!(r.facets.entities[0], ("g-velmora".to_string(), 3));
    assert!(r.facets.entities.contains(&("p-kalvane".to_string(), 1)));
    assert_eq!(r.facets.sources, [("NWA".to_string(), 3)]);
    assert_eq!(r.facets.years, [(2022, 1), (2023, 1), (2024, 1)]);
    assert_eq!(
        r.facets.kinds,
        [
            (EntityKind::Person, 3),
            (EntityKind::Place, 3),
            (EntityKind::Organization, 1)
        ]
    );

    q.entities.push("p-osei".into());
    assert_eq!(
        ids(&c, &index.search(&c, &q)),
        ["tram"],
        "entities combine with AND"
    );
    q.entities.push("g-nowhere".into());
    assert_eq!(index.search(&c, &q).total, 0);

    let mut q = Query::parse("harbour ");
    q.date_from = Some("2024".into());
    assert_eq!(ids(&c, &index.search(&c, &q)), ["tram"]);
    q.date_from = Some("2023-01".into());
    q.date_to = Some("2023-01-31".into());
    assert_eq!(ids(&c, &index.search(&c, &q)), ["harbour"]);

    let mut q = Query::parse("");
    q.sources = vec!["CPB".into()];
    assert_eq!(ids(&c, &index.search(&c, &q)), ["reservoirs"]);
    let mut q = Query::parse("");
    q.kinds = vec![EntityKind::Organization];
    assert_eq!(ids(&c, &index.search(&c, &q)), ["kessaria"]);
    let mut q = Query::parse("");
    q.order = Order::Newest;
    q.limit = 2;
    let r = index.search(&c, &q);
    assert_eq!(ids(&c, &r), ["tram", "reservoirs"]);
    assert_eq!(r.total, 5);
}

#[test]
fn snippets_mark_the_matched_words_by_char_offsets() {
    let c = corpus();
    let index = Index::build(&c);
    let r = index.search(&c, &Query::parse("haldane biuld"));
    let hit = &r.hits[0];
    assert_eq!(c.articles[hit.article].id, "harbour");
    let s = &hit.snippets[0];
    assert_eq!(s.paragraph, 1);
    let para: Vec<char> = c.articles[hit.article].paragraphs[1].chars().collect();
    let text = |(a, b): (usize, usize)| para[a..b].iter().collect::<String>();
    assert_eq!(
        text(s.passage),
        "“We will build it for the 2050s,” said Oren Haldane."
    );
    let marked: Vec<String> = s.ranges.iter().map(|&r| text(r)).collect();
    assert_eq!(
        marked,
        ["build", "Haldane"],
        "typo and exact matches are both marked"
    );
    assert_eq!(
        s.ranges[0],
        (9, 14),
        "offsets count chars, the curly quote is one"
    );

    let r = index.search(&c, &Query::parse("zurich terminal"));
    let title: Vec<char> = c.articles[0].title.chars().collect();
    let marked: Vec<String> = r.hits[0]
        .title_ranges
        .iter()
        .map(|&(a, b)| title[a..b].iter().collect())
        .collect();
    assert_eq!(marked, ["Zürich", "terminal"]);
    assert_eq!(
        r.hits[0].snippets.len(),
        1,
        "a title-only match shows the lead"
    );
    assert!(r.hits[0].snippets[0].ranges.is_empty());
}

#[test]
fn stored_index_round_trips_and_refuses_bad_bytes() {
    let c = corpus();
    let index = Index::build(&c);
    let bytes = index.to_bytes();
    let back = Index::from_bytes(&bytes).expect("loads");
    assert!(back.fits(&c));
    for q in [
        "harbour",
        "velmora -tram",
        "\"border post\"",
        "kalv",
        "bordre ",
    ] {
        assert_eq!(
            back.search(&c, &Query::parse(q)),
            index.search(&c, &Query::parse(q))
        );
    }
    let mut other = corpus();
    other.articles[0].title.push_str(" again");
    assert!(!back.fits(&other));
    assert!(Index::from_bytes(&bytes[..bytes.len() / 2]).is_err());
    assert!(Index::from_bytes(b"not an index").is_err());
    let mut flipped = bytes.clone();
    for i in (16..flipped.len()).step_by(7) {
        flipped[i] ^= 0x5A;
        if let Ok(bad) = Index::from_bytes(&flipped) {
            for q in ["harbour vote", "\"border post\"", "kalv"] {
                bad.search(&c, &Query::parse(q));
            }
        }
        flipped[i] ^= 0x5A;
    }
}

#[test]
fn a_word_joined_across_a_dot_or_apostrophe_is_found_by_its_parts() {
    let c = Corpus::new(vec![
        article(
            "premdor",
            "Premdor (PDI.TO) workers on strike",
            &["Workers struck."],
        ),
        article(
            "fine",
            "Fine Homes Int'l initial offering",
            &["Priced at ten."],
        ),
    ]);
    let index = Index::build(&c);
    assert_eq!(run(&index, &c, "pdi strike"), ["premdor"]);
    assert_eq!(run(&index, &c, "pdi.to "), ["premdor"]);
    let r = index.search(&c, &Query::parse("int initial"));
    assert_eq!(ids(&c, &r), ["fine"]);
    let marked: Vec<&str> = r.hits[0]
        .title_ranges
        .iter()
        .map(|&(s, e)| &c.articles[1].title[s..e])
        .collect();
    assert_eq!(marked, ["Int", "initial"], "the matched part is marked");
    let r = index.search(&c, &Query::parse("\"homes int initial\""));
    assert_eq!(
        ids(&c, &r),
        ["fine"],
        "a part stands at its word's position"
    );
    assert_eq!(r.hits[0].title_ranges, [(5, 10), (11, 14), (17, 24)]);
}

#[test]
fn a_headline_with_every_query_word_outranks_body_matches() {
    let c = Corpus::new(vec![
        article(
            "body",
            "Vessel makers report",
            &["Makers said they would curb output; curb, curb, curb, the makers said."],
        ),
        article(
            "title",
            "Japan truck makers to curb exports",
            &["The industry agreed on new quotas for the coming year, with long talks ahead."],
        ),
    ]);
    let index = Index::build(&c);
    assert_eq!(run(&index, &c, "makers curb"), ["title", "body"]);
}

/// Checks that every range of every hit lies inside its text, ascending and disjoint, and that
/// the hits are distinct articles.
fn assert_ranges_inside(corpus: &Corpus, r: &SearchResults, query: &str) {
    let mut seen = std::collections::HashSet::new();
    for hit in &r.hits {
        assert!(seen.insert(hit.article), "{query:?}: article twice");
        let article = &corpus.articles[hit.article];
        let ordered = |ranges: &[(usize, usize)], lo: usize, hi: usize, what: &str| {
            let mut last = lo;
            for &(s, e) in ranges {
                assert!(
                    last <= s && s < e && e <= hi,
                    "{query:?}: {what} range {s}..{e} not inside {lo}..{hi} after {last}"
                );
                last = e;
            }
        };
        ordered(&hit.title_ranges, 0, article.title.chars().count(), "title");
        for sn in &hit.snippets {
            let len = article.paragraphs[sn.paragraph].chars().count();
            let (s, e) = sn.passage;
            assert!(s < e && e <= len, "{query:?}: passage {s}..{e} of {len}");
            ordered(&sn.ranges, s, e, "snippet");
        }
    }
}

#[test]
fn odd_queries_never_panic_and_every_range_stays_inside_its_text() {
    let mut c = corpus();
    c.articles.push(article(
        "odd",
        "Café “Zürich” 🎉 reopens — 東京 guests ﬁnd naïve décor",
        &[
            "Emoji 👍🏽 and flags 🇳🇿 sit beside e\u{301}toile and ＦＵＬＬ width text. Then more.",
            "",
            "A sentence without end",
            "Dr. Haldane's café’s owner said: “It’s open.” Another sentence! And a third?",
        ],
    ));
    let index = Index::build(&c);
    let long_word = "x".repeat(500);
    let many_words = "harbour council ".repeat(200);
    let typed = "speaker:\"Oren Haldane\" -title:café zürich’s 🎉 ＦＵＬＬ étoile";
    let mut queries: Vec<String> = [
        "",
        " ",
        "\"",
        "\"\"",
        "\"\"\"",
        "-",
        "--",
        "- -",
        "title:",
        "quote:",
        "speaker:",
        "title:\"",
        "title:-",
        "-title:",
        "-\"harbour",
        ":",
        "::",
        "title::harbour",
        "🎉",
        "👍🏽",
        "東京",
        "ﬁnd",
        "e\u{301}toile",
        "étoile",
        "ＦＵＬＬ",
        "full",
        "’s",
        "'",
        "cafe's",
        "café’s",
        "haldane’s",
        "dr.",
        "2050s",
        "0",
        "a",
        "the the the",
        "reservoir -reservoir",
        "\u{200b}",
        "\u{feff}harbour",
        "\t\nharbour\r",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    queries.push(long_word);
    queries.push(many_words);
    // Every prefix of a query typed character by character, as the search box sends them.
    let chars: Vec<char> = typed.chars().collect();
    queries.extend((1..=chars.len()).map(|n| chars[..n].iter().collect()));
    for q in &queries {
        let mut query = Query::parse(q);
        query.snippets = 3;
        let r = index.search(&c, &query);
        assert!(r.hits.len() <= r.total, "{q:?}: more hits than results");
        assert_ranges_inside(&c, &r, q);
    }
    // The odd article is found by its odd words, folded as the tokenizer folds them.
    for q in [
        "cafe zurich",
        "etoile",
        "full",
        "cafe",
        "naive decor",
        "tokyo 東京",
    ] {
        assert_eq!(
            run(&index, &c, q).first().map(String::as_str),
            Some("odd"),
            "{q}"
        );
    }
}

#[test]
fn a_speaker_filter_keeps_the_articles_that_quote_that_entity_and_matching_lists_them_all() {
    let mut corpus = corpus();
    // Link the first article's quotation to an entity id; another article only mentions it.
    let id = "person:oren-haldane";
    corpus.articles[0].quotes[0]
        .speaker
        .as_mut()
        .unwrap()
        .entity = Some(id.into());
    corpus.articles[1]
        .entities
        .push(entity(id, "Oren Haldane", EntityKind::Person));
    let index = Index::build(&corpus);
    let quoting: Vec<usize> = (0..corpus.articles.len())
        .filter(|&i| {
            corpus.articles[i]
                .quotes
                .iter()
                .any(|q| q.speaker.as_ref().and_then(|s| s.entity.as_deref()) == Some(id))
        })
        .collect();
    let mut query = Query::parse("");
    query.speakers = vec![id.into()];
    query.limit = 100;
    let results = index.search(&corpus, &query);
    assert_eq!(results.matching, quoting);
    assert_eq!(results.total, quoting.len());
    query.speakers = vec!["person:nobody".into()];
    assert_eq!(index.search(&corpus, &query).total, 0);
    // Without filters, `matching` is every result in corpus order, whatever the page size.
    let mut all = Query::parse("");
    all.limit = 2;
    let results = index.search(&corpus, &all);
    assert_eq!(
        results.matching,
        (0..corpus.articles.len()).collect::<Vec<_>>()
    );
    assert_eq!(results.hits.len(), 2);
}
