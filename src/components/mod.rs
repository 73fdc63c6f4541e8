//! The app's components, one per file; the pages in `src/pages/` are made of them.

mod article_list;
mod entity_filter;
mod error_panel;
mod export;
mod jump_box;
mod marked_text;
mod quote_list;
mod quote_row;
mod quoted_paragraph;
mod quotes_link;
mod search_box;

pub use article_list::ArticleList;
pub use entity_filter::EntityFilter;
pub use error_panel::ErrorPanel;
pub use export::download;
pub use quote_list::QuoteList;
pub use quote_row::QuoteRow;
pub use quoted_paragraph::{MentionView, PieceView, QuotedParagraph};
pub use search_box::SearchBox;
