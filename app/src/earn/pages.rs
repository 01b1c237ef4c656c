//! Home, Scan and History: the participant's everyday screens.

use super::{Activity, HistoryPageData, HomeData, history, home_summary};
use crate::domain::{EntryKind, Points, Tier, iso_date};
use crate::i18n::{Lang, T};
use crate::ui::{ErrorPanel, Loading, ParticipantShell, use_lang};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

pub fn tier_text(tier: Tier) -> T {
    match tier {
        Tier::Base => T::TierBase,
        Tier::Silver => T::TierSilver,
        Tier::Gold => T::TierGold,
    }
}

fn kind_text(kind: EntryKind) -> T {
    match kind {
        EntryKind::Accrual => T::KindAccrual,
        EntryKind::Pending => T::KindPending,
        EntryKind::Redemption => T::KindRedemption,
        EntryKind::Reversal => T::KindReversal,
        EntryKind::Adjustment => T::KindAdjustment,
        EntryKind::Expiry => T::KindExpiry,
    }
}

#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_lang();
    let summary = Resource::new(|| (), |_| home_summary());
    view! {
        <Title text=T::NavHome.text(lang)/>
        <ParticipantShell>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match summary.await {
                        Ok(s) => view! { <HomeView s=s lang=lang/> }.into_any(),
                        Err(e) => view! { <ErrorPanel error=e/> }.into_any(),
                    }
                })}
            </Suspense>
        </ParticipantShell>
    }
}

#[component]
fn HomeView(s: HomeData, lang: Lang) -> impl IntoView {
    let next = Tier::to_next(s.earned_last_year).map(|(tier, points)| {
        T::ToNextTier.with(
            lang,
            &[
                ("points", &Points(points).to_string()),
                ("tier", tier_text(tier).text(lang)),
            ],
        )
    });
    view! {
        <header class="greeting">
            <h1>{T::Hello.with(lang, &[("name", &s.name)])}</h1>
            {s.company.map(|c| view! { <p class="muted">{c}</p> })}
        </header>
        <section class="card balance" aria-labelledby="balance-label">
            <span id="balance-label" class="label">{T::Balance.text(lang)}</span>
            <p class="points" data-testid="balance">
                <strong>{Points(s.balance).to_string()}</strong>
                " "
                <span>{T::PointsUnit.text(lang)}</span>
            </p>
            <p class="tier">
                <span class=format!("badge tier-{:?}", s.tier).to_lowercase()>
                    {T::TierLabel.text(lang)} ": " {tier_text(s.tier).text(lang)}
                </span>
            </p>
            <p class="muted small">{next.unwrap_or_else(|| T::TopTier.text(lang).to_string())}</p>
        </section>
        <a class="button primary wide" href="/scan">{T::ScanCta.text(lang)}</a>
        <section aria-labelledby="recent-label">
            <h2 id="recent-label">{T::RecentActivity.text(lang)}</h2>
            <ActivityList entries=s.recent lang=lang/>
            <a href="/history">{T::SeeAllHistory.text(lang)}</a>
        </section>
    }
}

#[component]
fn ActivityList(entries: Vec<Activity>, lang: Lang) -> impl IntoView {
    if entries.is_empty() {
        return view! { <p class="muted">{T::NoActivity.text(lang)}</p> }.into_any();
    }
    view! {
        <ul class="activity">
            {entries
                .into_iter()
                .map(|a| {
                    let sign = if a.points > 0 { "+" } else { "" };
                    view! {
                        <li>
                            <div>
                                <span class="kind">{kind_text(a.kind).text(lang)}</span>
                                <span class="reason">{a.reason}</span>
                                <time class="muted small">{iso_date(a.at)}</time>
                            </div>
                            <strong class={if a.points >= 0 { "plus" } else { "minus" }}>
                                {format!("{sign}{}", Points(a.points))}
                            </strong>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
pub fn HistoryPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let before = move || {
        query
            .read()
            .get("before")
            .and_then(|b| b.parse::<i64>().ok())
    };
    let page = Resource::new(before, history);
    view! {
        <Title text=T::HistoryTitle.text(lang)/>
        <ParticipantShell>
            <h1>{T::HistoryTitle.text(lang)}</h1>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(HistoryPageData { entries, next_before }) => {
                            let empty = entries.is_empty();
                            view! {
                                {if empty {
                                    view! { <p class="muted">{T::HistoryEmpty.text(lang)}</p> }.into_any()
                                } else {
                                    view! { <ActivityList entries=entries lang=lang/> }.into_any()
                                }}
                                {next_before.map(|b| view! {
                                    <a class="button secondary" href=format!("/history?before={b}")>{T::ShowMore.text(lang)}</a>
                                })}
                            }
                                .into_any()
                        }
                        Err(e) => view! { <ErrorPanel error=e/> }.into_any(),
                    }
                })}
            </Suspense>
        </ParticipantShell>
    }
}

#[component]
pub fn ScanPage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <Title text=T::ScanTitle.text(lang)/>
        <ParticipantShell>
            <h1>{T::ScanTitle.text(lang)}</h1>
            <p class="card">{T::ScanComing.text(lang)}</p>
        </ParticipantShell>
    }
}
