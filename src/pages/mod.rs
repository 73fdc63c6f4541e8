//! The explorer's pages, one per file; `App` shows the one the view state names.

mod article;
mod browse;
mod entity;
mod quotes;

pub use article::ArticlePage;
pub use browse::BrowsePage;
pub use entity::EntityPage;
pub use quotes::QuotesPage;
