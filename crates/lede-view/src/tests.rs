//! The view state's hash form and its transitions.

use super::*;

fn date(s: &str) -> Option<Date> {
    Some(Date::parse(s).expect("a valid date"))
}

fn article(id: &str) -> Page {
    Page::Article {
        id: id.into(),
        quote: None,
    }
}

#[test]
fn round_trips_through_the_hash() {
    let state = ViewState {
        query: "Zürich & “harbour” vote".into(),
        entities: vec!["person:idris-kalvane".into(), "place:velmora".into()],
        page: article("001-harbour vote"),
        ..ViewState::default()
    };
    let hash = state.to_hash();
    assert!(hash.is_ascii(), "{hash}");
    assert_eq!(ViewState::from_hash(&hash), state);
    assert_eq!(ViewState::default().to_hash(), "#");
    assert_eq!(ViewState::from_hash("#"), ViewState::default());
}

#[test]
fn every_field_and_page_round_trips() {
    let full = ViewState {
        page: Page::Quotes,
        query: "rain, fall".into(),
        entities: vec!["place:a,b".into()],
        speakers: vec!["person:x".into(), "org:y".into()],
        sources: vec!["Velmora Post".into()],
        date_from: date("2024-02"),
        date_to: date("2024-03-31"),
        sort: Sort::Oldest,
        quote_query: "“we will”".into(),
        quote_sort: QuoteSort::Date,
    };
    for page in [
        Page::Browse,
        Page::Quotes,
        Page::Entity("person:wang & yi".into()),
        article("a&b"),
        Page::Article {
            id: "a".into(),
            quote: Some(3),
        },
    ] {
        let state = full.on_page(page);
        let hash = state.to_hash();
        assert!(hash.is_ascii(), "{hash}");
        assert_eq!(ViewState::from_hash(&hash), state, "{hash}");
    }
    for sort in [Sort::Relevance, Sort::Newest, Sort::Oldest] {
        let s = ViewState {
            sort,
            ..ViewState::default()
        };
        assert_eq!(ViewState::from_hash(&s.to_hash()), s);
    }
    for quote_sort in [QuoteSort::Count, QuoteSort::Name, QuoteSort::Date] {
        let s = ViewState {
            quote_sort,
            ..ViewState::default()
        };
        assert_eq!(ViewState::from_hash(&s.to_hash()), s);
    }
}

#[test]
fn crafted_hashes_are_bounded_and_cleaned() {
    let many: Vec<String> = (0..5000).map(|i| format!("person:p{i}")).collect();
    let state = ViewState::from_hash(&format!("#e={}", many.join(",")));
    assert_eq!(state.entities.len(), MAX_IDS);
    let state = ViewState::from_hash("#e=a,,a,b&said=a,a&from=2023-02-30&to=banana&sort=up&qs=x");
    assert_eq!(state.entities, ["a", "b"]);
    assert_eq!(state.speakers, ["a"]);
    assert_eq!((state.date_from, state.date_to), (None, None));
    assert_eq!(
        (state.sort, state.quote_sort),
        (Sort::Relevance, QuoteSort::Count)
    );
    assert_eq!(ViewState::from_hash("#quote=7").page, Page::Browse);
    assert_eq!(
        ViewState::from_hash("#article=a&quote=x").page,
        article("a")
    );
}

#[test]
fn unknown_entity_ids_are_dropped_from_a_link() {
    let state = ViewState::from_hash("#q=x&e=person%3Aa,any%20text&said=person%3Ab,%3Cscript%3E");
    let known = |id: &str| id.starts_with("person:");
    let any_source = |_: &str| true;
    let clean = state
        .retaining_known(known, any_source)
        .expect("some ids are unknown");
    assert_eq!(clean.entities, ["person:a"]);
    assert_eq!(clean.speakers, ["person:b"]);
    assert_eq!(clean.query, "x");
    assert_eq!(clean.retaining_known(known, any_source), None);
    // Sources too: `src=any text` is not a chip.
    let state = ViewState::from_hash("#src=Reuters,any%20text%20%3Cb%3E");
    let clean = state
        .retaining_known(known, |s| s == "Reuters")
        .expect("a source is unknown");
    assert_eq!(clean.sources, ["Reuters"]);
}

#[test]
fn a_crafted_link_is_cut_before_any_work() {
    // 5,000 ids, the first ones repeated: the first MAX_IDS distinct ones are kept.
    let mut many: Vec<String> = (0..5000).map(|i| format!("person:p{i}")).collect();
    many.insert(1, many[0].clone());
    let state = ViewState::from_hash(&format!("#e={}&said={}", many.join(","), many.join(",")));
    let mut expected = many.clone();
    expected.dedup();
    expected.truncate(MAX_IDS);
    assert_eq!(state.entities, expected);
    assert_eq!(state.speakers, expected);
    // A megabyte of query is cut to its first MAX_TEXT_CHARS chars, multi-byte ones included.
    let long: String = "Zü ".repeat(400_000);
    let state = ViewState::from_hash(&format!("#q={}&qq={}", encode(&long), encode(&long)));
    let prefix: String = long.chars().take(MAX_TEXT_CHARS).collect();
    assert_eq!(state.query, prefix);
    assert_eq!(state.quote_query, prefix);
    // An id longer than any real one is dropped, not cut into another id.
    let huge = "x".repeat(MAX_TEXT_CHARS + 1);
    let state = ViewState::from_hash(&format!("#e={huge},person%3Aa"));
    assert_eq!(state.entities, ["person:a"]);
    let state = ViewState::from_hash(&format!("#entity={}", "y".repeat(50_000)));
    assert_eq!(state.page, Page::Entity("y".repeat(MAX_TEXT_CHARS)));
}

#[test]
fn toggling_an_entity_adds_or_removes_it_and_closes_the_reader() {
    let state = ViewState {
        query: "rain".into(),
        entities: vec!["place:velmora".into()],
        page: article("a"),
        ..ViewState::default()
    };
    let added = state.toggling_entity("person:idris-kalvane");
    assert_eq!(added.entities, ["place:velmora", "person:idris-kalvane"]);
    assert_eq!((added.query.as_str(), added.article()), ("rain", None));
    assert!(added.toggling_entity("place:velmora").entities == ["person:idris-kalvane"]);
}

#[test]
fn with_entity_keeps_a_selected_entity_and_with_article_opens_one() {
    let state = ViewState {
        query: "rain".into(),
        entities: vec!["place:velmora".into()],
        page: article("a"),
        ..ViewState::default()
    };
    let same = state.with_entity("place:velmora");
    assert_eq!((same.entities.len(), same.article()), (1, None));
    let more = state.with_entity("person:idris-kalvane");
    assert_eq!(more.entities, ["place:velmora", "person:idris-kalvane"]);
    let open = more.with_article("b");
    assert_eq!(open.article(), Some("b"));
    assert_eq!((&open.query, &open.entities), (&more.query, &more.entities));
    let quote = more.with_quote("b", 2);
    assert_eq!(
        quote.page,
        Page::Article {
            id: "b".into(),
            quote: Some(2)
        }
    );
}

#[test]
fn a_new_query_keeps_the_filter_and_the_quotes_page_but_leaves_the_reader() {
    let state = ViewState {
        query: "rain".into(),
        entities: vec!["place:velmora".into()],
        page: article("a"),
        ..ViewState::default()
    };
    let next = state.with_query("rain fall");
    assert_eq!(next.page, Page::Browse);
    assert_eq!(next.query, "rain fall");
    assert_eq!(next.entities, state.entities);
    let quotes = state.on_page(Page::Quotes).with_query("x");
    assert_eq!(quotes.page, Page::Quotes);
    let entity = state.on_page(Page::Entity("e".into())).with_query("x");
    assert_eq!(entity.page, Page::Browse);
}

#[test]
fn filters_toggle_and_clear_together() {
    let state = ViewState {
        page: Page::Quotes,
        query: "rain".into(),
        ..ViewState::default()
    }
    .toggling_speaker("person:a")
    .toggling_source("Post")
    .with_dates(date("2024"), None)
    .toggling_entity("place:b");
    assert!(state.is_filtered());
    assert_eq!(state.filter_count(), 4);
    assert_eq!(state.speakers, ["person:a"]);
    assert_eq!(state.sources, ["Post"]);
    let cleared = state.without_filters();
    assert!(!cleared.is_filtered());
    assert_eq!(cleared.query, "rain");
    assert_eq!(
        state.toggling_speaker("person:a").speakers,
        Vec::<String>::new()
    );
    // Filters set on the quotes page stay there; from the reader they go back to the results.
    let quotes = ViewState {
        page: Page::Quotes,
        ..ViewState::default()
    };
    assert_eq!(quotes.toggling_source("Post").page, Page::Quotes);
    assert_eq!(
        quotes.on_page(article("a")).toggling_source("Post").page,
        Page::Browse
    );
}

#[test]
fn reads_hand_written_hashes() {
    let state = ViewState::from_hash("#article=abc&q=rain+fall&other=1");
    assert_eq!(state.query, "rain fall");
    assert_eq!(state.article(), Some("abc"));
    assert_eq!(ViewState::from_hash("#q=100%").query, "100%");
    assert_eq!(ViewState::from_hash("#q=%zz").query, "%zz");
    assert_eq!(ViewState::from_hash("#article=").page, Page::Browse);
    assert_eq!(ViewState::from_hash("#page=quotes").page, Page::Quotes);
    assert_eq!(
        ViewState::from_hash("#entity=person%3Aa").page,
        Page::Entity("person:a".into())
    );
}

#[test]
fn the_search_query_carries_every_filter_and_the_order() {
    let state = ViewState {
        query: "harbour -flood".into(),
        entities: vec!["place:velmora".into()],
        speakers: vec!["person:oren".into()],
        sources: vec!["Post".into()],
        date_from: date("2024-02"),
        date_to: date("2024-03-31"),
        sort: Sort::Newest,
        page: Page::Quotes,
        quote_query: "we".into(),
        ..ViewState::default()
    };
    let q = state.search_query();
    let parsed = lede_search::Query::parse("harbour -flood");
    assert_eq!(q.clauses, parsed.clauses);
    assert_eq!(q.entities, ["place:velmora"]);
    assert_eq!(q.speakers, ["person:oren"]);
    assert_eq!(q.sources, ["Post"]);
    assert_eq!(
        (q.date_from.as_deref(), q.date_to.as_deref()),
        (Some("2024-02"), Some("2024-03-31"))
    );
    assert_eq!(q.order, lede_search::Order::Newest);
    // The page and the quotes page's own search do not change the results.
    assert_eq!(
        state.results_key(),
        state.on_page(Page::Browse).results_key()
    );
    let other = ViewState {
        quote_query: "they".into(),
        ..state.clone()
    };
    assert_eq!(other.results_key(), state.results_key());
    assert_ne!(state.with_query("x").results_key(), state.results_key());
}
