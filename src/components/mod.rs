//! The app's components, one per file; the pages in `src/pages/` are made of them.

mod article_list;
mod entity_filter;
mod error_panel;
mod histogram_chart;
mod jump_box;
mod marked_text;
mod quote_list;
mod quoted_paragraph;
mod search_box;

pub use article_list::ArticleList;
pub use entity_filter::EntityFilter;
pub use error_panel::ErrorPanel;
pub use histogram_chart::{unit_name, HistogramChart};
pub use jump_box::kind_label;
pub use quote_list::QuoteList;
pub use quoted_paragraph::{MentionView, PieceView, QuotedParagraph};
pub use search_box::SearchBox;
