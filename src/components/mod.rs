//! The app's components, one per file; the pages in `src/pages/` are made of them.

mod add_articles;
mod article_list;
mod date_histogram;
mod entity_filter;
mod error_panel;
mod export;
mod filter_drawer;
mod find_in_article;
mod histogram_chart;
mod jump_box;
mod marked_text;
mod more_button;
mod quote_list;
mod quote_row;
mod quoted_paragraph;
mod quotes_link;
mod search_box;
mod shortcuts;
mod speaker_legend;
mod theme_toggle;

pub use add_articles::AddArticles;
pub use article_list::ArticleList;
pub use error_panel::ErrorPanel;
pub use export::download;
pub use filter_drawer::FilterDrawer;
pub use find_in_article::{article_finds, scroll_to_centre, FindInArticle};
pub use histogram_chart::{unit_name, HistogramChart};
pub use jump_box::kind_label;
pub use more_button::more_button;
pub use quote_list::QuoteList;
pub use quote_row::QuoteRow;
pub use quoted_paragraph::{article_pieces, MentionView, PieceView, QuotedParagraph};
pub use search_box::SearchBox;
pub use shortcuts::{install_shortcuts, ShortcutsButton, ShortcutsDialog};
pub use speaker_legend::SpeakerLegend;
pub use theme_toggle::{provide_theme, ThemeToggle};
