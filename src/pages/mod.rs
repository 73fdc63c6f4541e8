//! The explorer's pages, one per file; `App` shows the one the view state names.

mod article;
mod browse;
mod quotes;

pub use article::ArticlePage;
pub use browse::BrowsePage;
pub use quotes::QuotesPage;
