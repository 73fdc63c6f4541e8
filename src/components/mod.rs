//! The app's views, one component per file.

mod article_list;
mod article_reader;
mod entity_filter;
mod error_panel;
mod jump_box;
mod marked_text;
mod quote_list;
mod quoted_paragraph;
mod search_box;

pub use article_list::ArticleList;
pub use article_reader::ArticleReader;
pub use error_panel::ErrorPanel;
pub use search_box::SearchBox;
