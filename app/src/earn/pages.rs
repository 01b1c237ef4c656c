//! History: every point movement of the participant, filtered by kind, with how each was worked out.

use super::{Activity, HistoryPageData, history, rules};
use crate::domain::EntryKind;
use crate::i18n::{Lang, T};
use crate::ui::{ErrorPanel, Loading, ParticipantShell, use_lang};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub(crate) fn ActivityList(
    entries: Vec<Activity>,
    lang: Lang,
    /// What an empty list says: the owner is told how to earn; someone else (a manager reading
    /// a member's page) only that there is nothing yet.
    #[prop(default = T::NoActivity)]
    empty: T,
) -> impl IntoView {
    if entries.is_empty() {
        return view! {
            <p class="muted" data-testid="no-activity">
                {empty.text(lang)}
            </p>
        }
        .into_any();
    }
    view! {
        <ul class="activity">
            {entries
                .into_iter()
                .map(|a| {
                    let sign = if a.points > 0 { "+" } else { "" };
                    let tone = if a.points >= 0 { "plus" } else { "minus" };
                    let detail = (!a.lines.is_empty())
                        .then(|| rules::describe("", &a.lines, a.points, lang));
                    view! {
                        <li>
                            <div>
                                <span class="kind">{a.kind.label().text(lang)}</span>
                                <span class="reason">{a.reason}</span>
                                {detail.map(|d| view! { <span class="breakdown small">{d}</span> })}
                                <time class="muted small">{crate::format::date(lang, a.at)}</time>
                            </div>
                            <strong class=tone>
                                {format!("{sign}{}", crate::format::number(lang, a.points))}
                            </strong>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

const HISTORY_FILTERS: [(Option<EntryKind>, T); 7] = [
    (None, T::FilterAll),
    (Some(EntryKind::Accrual), T::KindAccrual),
    (Some(EntryKind::Pending), T::KindPending),
    (Some(EntryKind::Redemption), T::KindRedemption),
    (Some(EntryKind::Reversal), T::KindReversal),
    (Some(EntryKind::Adjustment), T::KindAdjustment),
    (Some(EntryKind::Expiry), T::KindExpiry),
];

#[component]
pub fn HistoryPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let args = move || {
        let q = query.read();
        (
            q.get("before").and_then(|b| b.parse::<i64>().ok()),
            q.get("kind").filter(|k| !k.is_empty()),
        )
    };
    let page = Resource::new(args, |(before, kind)| history(before, kind));
    let current = move || query.read().get("kind").and_then(|k| EntryKind::parse(&k));
    view! {
        <Title text=T::HistoryTitle.text(lang) />
        <ParticipantShell>
            <h1>{T::HistoryTitle.text(lang)}</h1>
            <nav class="chips" aria-label=T::FilterLabel.text(lang)>
                {HISTORY_FILTERS
                    .into_iter()
                    .map(|(kind, label)| {
                        let href = kind
                            .map_or(
                                "/history".to_string(),
                                |k| format!("/history?kind={}", k.as_str()),
                            );
                        view! {
                            <a
                                class="chip"
                                href=href
                                aria-current=move || (current() == kind).then_some("page")
                            >
                                {label.text(lang)}
                            </a>
                        }
                    })
                    .collect_view()}
            </nav>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(HistoryPageData { entries, next_before }) => {
                            let empty = entries.is_empty();
                            let kind = current()
                                .map(|k| format!("&kind={}", k.as_str()))
                                .unwrap_or_default();
                            view! {
                                {if empty {
                                    view! { <p class="muted">{T::HistoryEmpty.text(lang)}</p> }
                                        .into_any()
                                } else {
                                    view! { <ActivityList entries=entries lang=lang /> }.into_any()
                                }}
                                {next_before
                                    .map(|b| {
                                        view! {
                                            <a
                                                class="button secondary"
                                                href=format!("/history?before={b}{kind}")
                                            >
                                                {T::ShowMore.text(lang)}
                                            </a>
                                        }
                                    })}
                            }
                                .into_any()
                        }
                        Err(e) => view! { <ErrorPanel error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </ParticipantShell>
    }
}
