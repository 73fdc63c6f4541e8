//! The article page: headline, metadata line, the paragraphs with their quotations and entity
//! mentions marked, and who said what.

use leptos::prelude::*;

use crate::components::{MentionView, PieceView, QuoteList, QuotedParagraph};
use crate::explorer::use_explorer;
use crate::hash_state::{Page, ViewState};

/// Shows the article the view state names, or a note when the corpus has no such id.
#[component]
pub fn ArticlePage() -> impl IntoView {
    let explorer = use_explorer();
    let (data, view_state) = (explorer.data, explorer.view);
    let back_href = move || view_state.with(|v| v.on_page(Page::Browse)).to_hash();
    let focus = move || match view_state.with(|v| v.page.clone()) {
        Page::Article { quote, .. } => quote,
        _ => None,
    };
    // A link to one quotation (`quote=`) scrolls its first piece into view once it is drawn.
    Effect::new(move |_| {
        if focus().is_some() {
            request_animation_frame(scroll_to_focus);
        }
    });
    let body = move || {
        let id = view_state.with(|v| v.article().unwrap_or_default().to_string());
        let Some(article) = data.corpus.articles.iter().find(|a| a.id == id) else {
            return view! {
                <p class="lede-status" role="status">
                    {format!("There is no article \u{201c}{id}\u{201d} in this corpus.")}
                </p>
            }
            .into_any();
        };
        let meta = [
            article.date.clone(),
            article.dateline.clone(),
            article.source.clone(),
            article.editor.as_ref().map(|e| format!("Editor: {e}")),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
        let active = RwSignal::new(None::<usize>);
        let focus = focus();
        let quotation_of = article.quotation_of_pieces();
        let paragraphs = article
            .paragraphs
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let pieces: Vec<PieceView> = article
                    .quotes
                    .iter()
                    .zip(&quotation_of)
                    .filter(|(q, _)| q.paragraph == i)
                    .map(|(q, &quotation)| PieceView {
                        quote: q.clone(),
                        quotation,
                    })
                    .collect();
                let mentions: Vec<MentionView> = article
                    .entities
                    .iter()
                    .flat_map(|e| {
                        e.mentions
                            .iter()
                            .filter(|m| m.paragraph == i)
                            .map(|m| MentionView {
                                span: (m.start, m.end),
                                id: e.id.clone(),
                                kind: e.kind,
                                name: e.name.clone(),
                                href: ViewState::default()
                                    .on_page(Page::Entity(e.id.clone()))
                                    .to_hash(),
                            })
                    })
                    .collect();
                view! { <QuotedParagraph text=p.clone() pieces mentions active focus /> }
            })
            .collect_view();
        let quotes = (!article.quotes.is_empty())
            .then(|| view! { <QuoteList article=article.clone() active /> });
        view! {
            <article class="lede-article" data-article-id=article.id.clone()>
                <h1 class="lede-article-title">{article.title.clone()}</h1>
                <p class="lede-article-meta">{meta}</p>
                <div class="lede-article-body">{paragraphs}</div>
                {quotes}
            </article>
        }
        .into_any()
    };
    view! {
        <section class="lede-reader">
            <a class="lede-back" href=back_href>
                "← All articles"
            </a>
            {body}
        </section>
    }
}

/// Scrolls the first piece of the quotation in focus to the middle of the view.
fn scroll_to_focus() {
    if let Ok(Some(el)) = document().query_selector(".lede-article .lede-quote-focus") {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}
