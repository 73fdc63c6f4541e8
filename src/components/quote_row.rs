//! One quotation of the quotes page: the words (matched ones marked) linking to the reader at
//! that quotation, the article's title, date and source, the evidence of the attribution (a
//! "?" and "low confidence" when the speaker may be wrong), and buttons that copy it as a
//! citation.

use lede_explore::{citation_markdown, citation_text, QuoteRecord};
use leptos::prelude::*;

use super::export::copy_to_clipboard;
use super::marked_text::MarkedText;
use super::meta_line::meta_line;

/// A quotation row from its `record`; `href` opens the reader at it, `ranges` mark the words
/// the page's search matched.
#[component]
pub fn QuoteRow(record: QuoteRecord, href: String, ranges: Vec<(usize, usize)>) -> impl IntoView {
    let meta = meta_line(
        [
            Some(record.title.clone()),
            record.date.clone(),
            record.source.clone(),
        ]
        .into_iter()
        .flatten()
        .collect(),
    );
    let evidence = (!record.evidence.is_empty()).then(|| {
        view! { <span class="lede-quote-evidence">{record.evidence.clone()}</span> }
    });
    // Low confidence is said in words and with a "?", never by colour alone.
    let doubt = record.low_confidence.then(|| {
        view! {
            <span class="lede-low-confidence" title="The speaker may be wrong: low confidence">
                <span aria-hidden="true">"?"</span>
                " low confidence"
            </span>
        }
    });
    let copied = RwSignal::new(None::<&'static str>);
    let copy = move |format: &'static str, text: String| {
        copy_to_clipboard(text, move |ok| {
            copied.set(Some(if ok { format } else { "failed" }));
            set_timeout(move || copied.set(None), std::time::Duration::from_secs(2));
        });
    };
    let (plain, markdown) = (citation_text(&record), citation_markdown(&record));
    let label = move |format: &'static str, idle: &'static str| match copied.get() {
        Some(f) if f == format => "Copied",
        Some("failed") => "Copy failed",
        _ => idle,
    };
    view! {
        <li
            class="lede-quote-item"
            data-article=record.article_id.clone()
            data-quotation=record.number.to_string()
        >
            <a class="lede-quote-link" href=href>
                "\u{201c}"
                <MarkedText text=record.quote.clone() ranges />
                "\u{201d}"
            </a>
            <span class="lede-quote-details">
                <span class="lede-quote-meta">{meta}</span>
                {doubt}
                {evidence}
            </span>
            <span class="lede-quote-actions">
                <button
                    class="lede-copy"
                    type="button"
                    data-format="text"
                    on:click=move |_| copy("text", plain.clone())
                >
                    {move || label("text", "Copy citation")}
                </button>
                <button
                    class="lede-copy"
                    type="button"
                    data-format="markdown"
                    on:click=move |_| copy("markdown", markdown.clone())
                >
                    {move || label("markdown", "Copy as Markdown")}
                </button>
            </span>
        </li>
    }
}
