//! Lede's search engine over a corpus: one tokenizer for index and query, an inverted index with
//! positions over five fields, a sorted term dictionary walked by typo and prefix automata, BM25F
//! ranking with tie-breaks, filters with facet counts, snippets as char ranges, and a fuzzy
//! short-string matcher for the jump box. Everything runs natively and in wasm32 (no threads,
//! no IO).
//!
//! # Use
//! ```
//! use lede_corpus::{Article, Corpus};
//! use lede_search::{Index, Query};
//!
//! let corpus = Corpus::new(vec![Article {
//!     id: "a1".into(),
//!     title: "Harbour council backs Zürich terminal".into(),
//!     paragraphs: vec!["The council voted seven to four.".into()].into(),
//!     ..Article::default()
//! }]);
//! let index = Index::build(&corpus);
//! let mut query = Query::parse("zurich councl");
//! query.limit = 10;
//! let results = index.search(&corpus, &query);
//! assert_eq!(results.total, 1);
//! assert_eq!(results.hits[0].article, 0);
//! assert_eq!(results.hits[0].title_ranges, [(8, 15), (22, 28)]);
//! ```
//!
//! # Tokens
//! [`lede_text::for_each_word`]: Unicode word segmentation, lowercase, diacritics folded
//! (`Zürich` = `zurich`), apostrophes folded and a possessive `’s` dropped (`China’s` =
//! `china`), numbers kept whole (`5.93`, `155,221`).
//!
//! # Fields
//! [`Field`]: title, body, quotes (the words inside direct quotations), speaker (quote speaker
//! names) and entities (entity names and aliases); a corpus without quotes or entities simply has
//! those fields empty.
//!
//! # Matching
//! Every query word must match (with typos), unless no article has them all: then the results
//! are the articles with the most of them ([`SearchResults::relaxed`]). A word of 1-4 chars
//! allows no typo, 5-8 one, 9 or more two; a transposition is one typo; words with digits allow
//! none. As in Meilisearch, a word with two typos allowed keeps both only when its first letter
//! is right (a wrong first letter leaves one). Typos are found by walking the sorted term
//! dictionary as a trie with a Damerau-Levenshtein automaton, never by scanning it. A word of four letters
//! gets one typo as a last resort: when no article has it, or none has every query word with it
//! exact. A word joined across a dot or apostrophe (`PDI.TO`, `Int'l`) is also indexed by its
//! parts (`pdi`, `to`; `int`) at its own position. The last word also
//! matches as a prefix while it is being typed (no trailing space). Query syntax: `"exact
//! phrase"`, `title:word`, `quote:word` (inside quotations only), `speaker:name`, `-word` /
//! `-"phrase"` to exclude; see [`Query::parse`].
//!
//! # Ranking
//! 1. more query words matched (only differs for relaxed results);
//! 2. fewer typos — an exact match always outranks a typo match;
//! 3. BM25F (field weights title 4, body 1, quotes +0.5, speaker 2, entities 1.5; a typo or a
//!    prefix completion weighs less) with a proximity bonus (up to +25 % when the query words
//!    stand together), +50 % for a title holding every query word and +10 % more for a title
//!    made of exactly the query words;
//! 4. tie-breaks: proximity, exactness (words matched whole and without typos), words in the
//!    title, corpus order. [`Order::Newest`]/[`Order::Oldest`] sort by date after rule 1.
//!
//! Proximity is computed for the requested page plus 64 candidates (a re-ranking window).
//!
//! # Filters and facets
//! [`Query`] carries entity ids (all required), entity kinds, sources and a date range; an empty
//! query with filters lists (browses) the matching articles. [`Facets`] counts entities, kinds,
//! sources and years over all results.
//!
//! # Snippets
//! Each hit of the requested page has up to three passages ([`Snippet`]): 1-3 sentences of one
//! paragraph, with the matched words as `[start, end)` char ranges into the paragraph, as the
//! corpus format counts offsets; the UI renders text nodes and `<mark>` elements from them.
//! [`Hit::title_ranges`] marks the title the same way.
//!
//! # Build and load
//! [`Index::build`] tokenizes the corpus; [`Index::to_bytes`] stores it (postcard) and
//! [`Index::from_bytes`] loads it, checking it, in a fraction of the time building takes (the
//! figures for Reuters-21578 are in bench/README.md, the one place for measurements). An index
//! belongs to the corpus it was built from ([`Index::fits`] compares fingerprints), so it must be
//! built from the corpus as the app ends up with it (quotes included). [`pack`] puts a corpus
//! (as compact bytes) and its index in one file, the fastest form to load.
//!
//! # Jump box
//! [`JumpIndex`] matches a few typed letters against entity names, aliases and titles on folded
//! text (`zur` finds `Zürich`), scored as skim's fuzzy matcher scores (its own small aligner).

mod dates;
mod facts;
mod index;
mod jump;
pub mod pack;
mod persist;
mod postings;
mod query;
mod search;
mod snippet;
mod typo;

pub use dates::DayRange;
pub use index::{Index, IndexStats};
pub use jump::{is_subsequence, letter_mask, JumpHit, JumpIndex, JumpTarget};
pub use persist::{LoadIndexError, FORMAT_VERSION};
pub use postings::Field;
pub use query::{Clause, Order, Query, Scope};
pub use search::{Facets, Hit, SearchResults};
pub use snippet::Snippet;
pub use typo::{osa_distance, typo_budget};
