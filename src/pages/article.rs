//! The article page: headline, metadata line, the paragraphs with their quotations and entity
//! mentions marked, and who said what.

use leptos::prelude::*;

use lede_explore::{paragraph_runs, speaker_legend};
use lede_text::display::cap_combining_marks;

use crate::components::{
    article_finds, article_pieces, meta_line, scroll_to_centre, FindInArticle, MentionView,
    PieceView, QuoteList, QuotedParagraph, SpeakerLegend,
};
use crate::explorer::use_explorer;
use crate::hash_state::Page;

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
            request_animation_frame(|| {
                if let Ok(Some(el)) = document().query_selector(".lede-article .lede-quote-focus") {
                    scroll_to_centre(&el);
                }
            });
        }
    });
    let body = move || {
        let id = view_state.with(|v| v.article().unwrap_or_default().to_string());
        let Some(article) = data.corpus.articles.iter().find(|a| a.id == id) else {
            return view! {
                <p class="lede-status" role="status">
                    "There is no article \u{201c}"<bdi>{id}</bdi>"\u{201d} in this corpus."
                </p>
            }
            .into_any();
        };
        let meta = meta_line(
            [
                article.date.as_deref().map(str::to_string),
                article.dateline.as_deref().map(str::to_string),
                article.source.as_deref().map(str::to_string),
                article.editor.as_ref().map(|e| format!("Editor: {e}")),
            ]
            .into_iter()
            .flatten()
            .collect(),
        );
        let active = RwSignal::new(None::<usize>);
        let focus = focus();
        // The reader's speakers, colours, runs across paragraphs and find marks.
        let (lit, find) = (RwSignal::new(None::<usize>), RwSignal::new(None::<usize>));
        let legend = speaker_legend(article);
        let all_pieces = article_pieces(article, &legend);
        let runs = paragraph_runs(article);
        let query = view_state.with(|v| v.query.clone());
        let all_finds = article_finds(&data, &query, article);
        // Mentions open the entity's page with this view's query and filters kept for "back".
        let state = view_state.get_untracked();
        let paragraphs = article
            .paragraphs
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let pieces: Vec<PieceView> = all_pieces
                    .iter()
                    .filter(|v| v.quote.paragraph == i)
                    .cloned()
                    .collect();
                let finds: Vec<(usize, usize, usize)> = (all_finds.iter().enumerate())
                    .filter(|(_, f)| f.0 == i)
                    .map(|(k, f)| (f.1, f.2, k))
                    .collect();
                let run = runs[i].map(|r| {
                    let speaker = legend.of_quotation[r.quotation];
                    (r, legend.speakers[speaker].colour)
                });
                let mentions: Vec<MentionView> = article
                    .entities
                    .iter()
                    .flat_map(|e| {
                        e.mentions
                            .iter()
                            .filter(|m| m.paragraph == i)
                            .map(|m| MentionView {
                                span: (m.start, m.end),
                                id: e.id.to_string(),
                                kind: e.kind,
                                name: e.name.to_string(),
                                href: state.on_page(Page::Entity(e.id.to_string())).to_hash(),
                            })
                    })
                    .collect();
                view! {
                    <QuotedParagraph text=p.to_string() pieces mentions active lit finds find run focus />
                }
            })
            .collect_view();
        let quotes = (!article.quotes.is_empty()).then(
            || view! { <QuoteList article=article.clone() active legend=legend.clone() lit /> },
        );
        let side = (!legend.speakers.is_empty()).then(|| view! { <SpeakerLegend legend lit /> });
        let findbar = (!query.trim().is_empty()).then(|| {
            view! { <FindInArticle query=query.clone() count=all_finds.len() current=find /> }
        });
        view! {
            <article class="lede-article" data-article-id=article.id.clone()>
                <h1 class="lede-article-title">
                    {cap_combining_marks(&article.display_title()).into_owned()}
                </h1>
                <p class="lede-article-meta">{meta}</p>
                {findbar}
                <div class="lede-reading">
                    <div class="lede-article-body">{paragraphs}</div>
                    {side}
                </div>
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
            {move || body()}
        </section>
    }
}
