//! Home: the participant's balance, tier, goal, news of their orders and latest activity.

use super::{HomeData, home_summary};
use crate::domain::Tier;
use crate::earn::ActivityList;
use crate::i18n::{Lang, T};
use crate::ui::{ErrorNote, ErrorPanel, Loading, ParticipantShell, action_error, use_lang};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_lang();
    let dismiss = crate::forms::form_action::<crate::shop::NoticeDismiss>();
    let summary = Resource::new(move || dismiss.version().get(), |_| home_summary());
    view! {
        <Title text=T::NavHome.text(lang) />
        <ParticipantShell>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match summary.await {
                        Ok(s) => view! { <HomeView s=s lang=lang dismiss=dismiss /> }.into_any(),
                        Err(e) => view! { <ErrorPanel error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </ParticipantShell>
    }
}

#[component]
fn HomeView(
    s: HomeData,
    lang: Lang,
    dismiss: ServerAction<crate::shop::NoticeDismiss>,
) -> impl IntoView {
    let next = Tier::to_next(s.earned_last_year).map(|(tier, points)| {
        T::ToNextTier.with(
            lang,
            &[
                ("points", &crate::format::points(lang, points)),
                ("tier", tier.label().text(lang)),
            ],
        )
    });
    view! {
        <header class="greeting">
            <h1>{T::Hello.with(lang, &[("name", &s.name)])}</h1>
            {s.company.map(|c| view! { <p class="muted">{c}</p> })}
        </header>
        <ErrorNote error=action_error(dismiss) />
        {s
            .notices
            .into_iter()
            .map(|n| {
                view! {
                    <section class="card notice" role="status" data-testid="notice">
                        <p>
                            {T::BackInStock.text(lang)} " "
                            <a href=format!("/shop/{}", n.reward_id)>
                                <strong>{n.title}</strong>
                            </a>
                        </p>
                        <ActionForm action=dismiss>
                            <input type="hidden" name="id" value=n.id />
                            <button type="submit" class="secondary">
                                {T::Dismiss.text(lang)}
                            </button>
                        </ActionForm>
                    </section>
                }
            })
            .collect_view()}
        {s
            .decided
            .into_iter()
            .map(|c| {
                let status = match (c.status, c.final_points) {
                    (crate::domain::ReceiptStatus::Approved, Some(p)) => {
                        T::PointsCredited.with(lang, &[("points", &crate::format::points(lang, p))])
                    }
                    (status, _) => status.label().text(lang).to_lowercase(),
                };
                view! {
                    <section class="card notice" role="status" data-testid="claim-decided">
                        <p>
                            <a href=format!(
                                "/claims/{}",
                                c.id,
                            )>
                                {T::ReceiptDecidedNotice
                                    .with(lang, &[("n", &c.id.to_string()), ("status", &status)])}
                            </a>
                        </p>
                    </section>
                }
            })
            .collect_view()}
        <section class="card balance" aria-labelledby="balance-label">
            <span id="balance-label" class="label">
                {T::Balance.text(lang)}
            </span>
            <p class="points" data-testid="balance">
                <strong>{crate::format::number(lang, s.balance)}</strong>
                " "
                <span>
                    {crate::i18n::N::PointsWord
                        .form(lang, crate::i18n::Plural::of(lang, s.balance))}
                </span>
            </p>
            {(s.pending > 0)
                .then(|| {
                    view! {
                        <p class="small" data-testid="pending-points">
                            <a href="/claims">
                                {T::PendingPoints
                                    .with(
                                        lang,
                                        &[("points", &crate::format::points(lang, s.pending))],
                                    )}
                            </a>
                        </p>
                    }
                })}
            <p class="tier">
                <span class=format!(
                    "badge tier-{}",
                    s.tier.as_str(),
                )>{T::TierLabel.text(lang)} ": " {s.tier.label().text(lang)}</span>
            </p>
            <p class="muted small">{next.unwrap_or_else(|| T::TopTier.text(lang).to_string())}</p>
            {s
                .next_expiry
                .map(|(points, at)| {
                    view! {
                        <p class="small expiry" data-testid="next-expiry">
                            {expiry_note(lang, points, at)}
                        </p>
                    }
                })}
        </section>
        <a class="button primary wide" href="/scan">
            {T::ScanCta.text(lang)}
        </a>
        <a class="button secondary wide" href="/claims" data-testid="claims-link">
            {T::ClaimsLink.text(lang)}
        </a>
        <crate::shop::GoalCard goal=s.goal lang=lang />
        <section aria-labelledby="recent-label">
            <h2 id="recent-label">{T::RecentActivity.text(lang)}</h2>
            {(!s.order_updates.is_empty())
                .then(|| {
                    view! {
                        <ul class="activity" data-testid="order-updates">
                            {s
                                .order_updates
                                .into_iter()
                                .map(|u| {
                                    view! {
                                        <li>
                                            <div>
                                                <a class="kind" href=format!("/orders/{}", u.order_id)>
                                                    {T::OrderNo.with(lang, &[("n", &u.order_id.to_string())])}
                                                </a>
                                                <span class="reason">{u.title}</span>
                                                {(!u.event.note.is_empty())
                                                    .then(|| {
                                                        view! { <span class="small">{u.event.note}</span> }
                                                    })}
                                                <time class="muted small">
                                                    {crate::format::date(lang, u.event.at)}
                                                </time>
                                            </div>
                                            <strong>{u.event.status.label().text(lang)}</strong>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })}
            <ActivityList entries=s.recent lang=lang />
            <a href="/history">{T::SeeAllHistory.text(lang)}</a>
        </section>
    }
}

/// "On 2 March 2027, 120 points expire…", or within a week "120 points expire in 3 days…".
fn expiry_note(lang: Lang, points: i64, at: i64) -> String {
    let amount = crate::format::points(lang, points);
    match crate::format::soon(lang, at, crate::ui::now_secs()) {
        Some(when) => T::ExpiresSoon.with(lang, &[("points", &amount), ("when", &when)]),
        None => T::NextExpiry.with(
            lang,
            &[
                ("points", &amount),
                ("date", &crate::format::date(lang, at)),
            ],
        ),
    }
}
