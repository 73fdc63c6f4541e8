//! The entity page: one person, organisation or place across the whole corpus — its name, kind
//! and aliases, the articles mentioning it over time, its quotations, the entities it appears
//! with most, and the articles themselves; with one link that filters the explorer by it.

use std::sync::Arc;

use lede_corpus::{Date, EntityKind};
use lede_explore::EntityProfile;
use lede_text::display::in_sentence;
use leptos::prelude::*;

use crate::components::{kind_label, meta_line, more_button, unit_name, HistogramChart};
use crate::corpus_loader::Loaded;
use crate::explorer::use_explorer;
use crate::hash_state::{Page, ViewState};

/// How many articles and quotations show at first, and how many more each "Show more" adds.
const PAGE: usize = 20;
/// How many co-mentioned entities each kind lists.
const CO_MENTIONS: usize = 8;

/// Shows the entity the view state names, or a note when the corpus has no such id.
#[component]
pub fn EntityPage() -> impl IntoView {
    let explorer = use_explorer();
    let (data, view_state) = (explorer.data, explorer.view);
    let back_href = move || view_state.with(|v| v.on_page(Page::Browse)).to_hash();
    // The query and filters the page was opened from stay in the hash: back returns to them.
    let back_label = move || {
        if view_state.with(|v| v.is_filtered() || !v.query.trim().is_empty()) {
            "← Back to the results"
        } else {
            "← All articles"
        }
    };
    let id = Memo::new(move |_| {
        view_state.with(|v| match &v.page {
            Page::Entity(id) => id.clone(),
            _ => String::new(),
        })
    });
    let body = move || {
        let id = id.get();
        let Some(profile) = data.entity_index().profile(&data.corpus, &id) else {
            return view! {
                <p class="lede-status" role="status">
                    {format!("There is no entity \u{201c}{}\u{201d} in this corpus.", in_sentence(&id))}
                </p>
            }
            .into_any();
        };
        let profile = Arc::new(profile);
        view! { <Profile data=data.clone() profile /> }.into_any()
    };
    view! {
        <section class="lede-entity-page">
            <a class="lede-back" href=back_href>
                {move || back_label()}
            </a>
            {move || body()}
        </section>
    }
}

/// The profile of one entity, its links built from the default view (the page is about the
/// whole corpus, so its counts are too).
#[component]
fn Profile(data: Arc<Loaded>, profile: Arc<EntityProfile>) -> impl IntoView {
    let entity = &profile.entity;
    let id = entity.id.to_string();
    let name = entity.name.to_string();
    let kind = kind_label(entity.kind);
    let aliases = (!entity.aliases.is_empty()).then(|| {
        view! {
            <p class="lede-entity-aliases">
                "Also written "
                {entity
                    .aliases
                    .iter()
                    .enumerate()
                    .map(|(i, a)| view! { {(i > 0).then_some(", ")} <bdi>{a.to_string()}</bdi> })
                    .collect_view()}
            </p>
        }
    });
    let mentions = profile.articles.len();
    let filter_href = ViewState::default().with_entity(&id).to_hash();
    // From a filtered view, a second link narrows that view by the entity instead.
    let narrow = use_explorer().view.with_untracked(|v| {
        let filtered = v.is_filtered() || !v.query.trim().is_empty();
        (filtered && !v.entities.contains(&id)).then(|| {
            let href = v.toggling_entity(&id).on_page(Page::Browse).to_hash();
            view! {
                <a class="lede-entity-action lede-entity-narrow" href=href>
                    "Add to the current search →"
                </a>
            }
        })
    });
    let quoted = (profile.quoted_in > 0).then(|| {
        let href = ViewState::default().toggling_speaker(&id).to_hash();
        let n = profile.quoted_in;
        view! {
            <a class="lede-entity-action lede-entity-quoted" href=href data-count=n>
                {format!("Quoted in {n} {} →", plural(n, "article", "articles"))}
            </a>
        }
    });
    let chart = {
        let id = id.clone();
        let unit = unit_name(profile.histogram.granularity);
        let bar_href = Callback::new(move |period: Date| {
            ViewState::default()
                .with_entity(&id)
                .with_dates(Some(period), Some(period))
                .to_hash()
        });
        view! {
            <section class="lede-entity-section lede-entity-timeline">
                <h2>{format!("Mentions by {unit}")}</h2>
                <HistogramChart
                    histogram=profile.histogram.clone()
                    label=format!("Articles mentioning {} by {unit}", in_sentence(&name))
                    bar_href
                />
            </section>
        }
    };
    view! {
        <article class="lede-entity-profile" data-entity=id.clone() data-kind=entity.kind.as_str()>
            <header class="lede-entity-head">
                <p class="lede-entity-kind">{kind}</p>
                <h1 class="lede-entity-name">{name.clone()}</h1>
                {aliases}
                <p class="lede-entity-actions">
                    <a class="lede-entity-action lede-entity-filter" href=filter_href data-count=mentions>
                        {format!("Articles mentioning {} ({mentions}) →", in_sentence(&name))}
                    </a>
                    {quoted}
                    {narrow}
                </p>
            </header>
            {chart}
            <Quotations data=data.clone() profile=profile.clone() />
            <CoMentions data=data.clone() profile=profile.clone() />
            <Articles data profile=profile.clone() />
        </article>
    }
}

/// The entity's quotations, newest first, each with its article's title and date linking to
/// the quotation in the reader.
#[component]
fn Quotations(data: Arc<Loaded>, profile: Arc<EntityProfile>) -> impl IntoView {
    if profile.quotations.is_empty() {
        return ().into_any();
    }
    let count = profile.quotations.len();
    let shown = RwSignal::new(PAGE);
    let rows = move || {
        profile
            .quotations
            .iter()
            .take(shown.get())
            .map(|q| {
                let article = &data.corpus.articles[q.article];
                let href = ViewState::default()
                    .with_quote(&article.id, q.quotation)
                    .to_hash();
                let words = article.quotation_text(&q.pieces);
                let meta = article.date.clone().map(|d| format!(" · {d}"));
                view! {
                    <li class="lede-entity-quote" data-article=article.id.clone()>
                        <q class="lede-entity-quote-words">{words}</q>
                        <span class="lede-entity-quote-source">
                            <a href=href>
                                <bdi>{article.display_title().into_owned()}</bdi>
                            </a>
                            {meta}
                        </span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="lede-entity-section lede-entity-quotes">
            <h2>
                "Quotations "
                <span class="lede-entity-count" data-count=count>{format!("({count})")}</span>
            </h2>
            <ul class="lede-entity-list">{move || rows()}</ul>
            <MoreButton total=count shown />
        </section>
    }
    .into_any()
}

/// The entities mentioned most in the same articles, by kind; each links to the articles the
/// two share.
#[component]
fn CoMentions(data: Arc<Loaded>, profile: Arc<EntityProfile>) -> impl IntoView {
    let (corpus, id, co_mentions) = (&data.corpus, &profile.entity.id, &profile.co_mentions);
    if co_mentions.is_empty() {
        return ().into_any();
    }
    let groups = EntityKind::ALL
        .into_iter()
        .filter_map(|kind| {
            let rows: Vec<_> = co_mentions
                .iter()
                .filter(|c| corpus.entities[c.row].kind == kind)
                .take(CO_MENTIONS)
                .map(|c| {
                    let other = &corpus.entities[c.row];
                    let shared_href = ViewState::default()
                        .with_entity(id)
                        .with_entity(&other.id)
                        .to_hash();
                    let page_href = use_explorer()
                        .view
                        .with_untracked(|v| v.on_page(Page::Entity(other.id.to_string())))
                        .to_hash();
                    let title = format!(
                        "{} {} that mention both",
                        c.shared,
                        plural(c.shared, "article", "articles")
                    );
                    view! {
                        <li>
                            <a
                                class="lede-co-mention"
                                href=shared_href
                                data-entity=other.id.to_string()
                                data-shared=c.shared
                                title=title
                            >
                                <span class="lede-co-name">{other.name.to_string()}</span>
                                <span class="lede-co-count">{c.shared}</span>
                            </a>
                            <a
                                class="lede-co-profile"
                                href=page_href
                                aria-label=format!("{} (profile)", in_sentence(&other.name))
                                title="Its page"
                            >
                                "→"
                            </a>
                        </li>
                    }
                })
                .collect();
            (!rows.is_empty()).then(|| {
                view! {
                    <div class="lede-co-group" data-kind=kind.as_str()>
                        <h3>{kind_heading(kind)}</h3>
                        <ul>{rows}</ul>
                    </div>
                }
            })
        })
        .collect_view();
    view! {
        <section class="lede-entity-section lede-entity-co">
            <h2>"Appears with"</h2>
            <p class="lede-note">"Counted by the articles they share; a name shows those articles."</p>
            <div class="lede-co-groups">{groups}</div>
        </section>
    }
    .into_any()
}

/// The articles mentioning the entity, newest first, titles linking to the reader.
#[component]
fn Articles(data: Arc<Loaded>, profile: Arc<EntityProfile>) -> impl IntoView {
    let count = profile.articles.len();
    let shown = RwSignal::new(PAGE);
    let rows = move || {
        profile
            .articles
            .iter()
            .take(shown.get())
            .map(|&i| {
                let a = &data.corpus.articles[i];
                let href = ViewState::default().with_article(&a.id).to_hash();
                let meta = meta_line(
                    [a.date.as_deref(), a.source.as_deref()]
                        .map(|t| t.map(str::to_string))
                        .into_iter()
                        .flatten()
                        .collect(),
                );
                view! {
                    <li class="lede-entity-article" data-article=a.id.clone()>
                        <a class="lede-entity-article-title" href=href>
                            <bdi>{a.display_title().into_owned()}</bdi>
                        </a>
                        <span class="lede-result-meta">{meta}</span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="lede-entity-section lede-entity-articles">
            <h2>
                "Articles "
                <span class="lede-entity-count" data-count=count>{format!("({count})")}</span>
            </h2>
            <ul class="lede-entity-list">{move || rows()}</ul>
            <MoreButton total=count shown />
        </section>
    }
}

/// "Show more" while fewer than `total` rows are `shown`; each click shows [`PAGE`] more.
#[component]
fn MoreButton(total: usize, shown: RwSignal<usize>) -> impl IntoView {
    move || more_button("Show more", total.saturating_sub(shown.get()), shown, PAGE)
}

/// The heading of a group of co-mentioned entities of `kind`.
fn kind_heading(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "People",
        EntityKind::Organization => "Organisations",
        EntityKind::Place => "Places",
        EntityKind::Other => "Other names",
    }
}

/// `one` or `many` for `n`.
fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}
