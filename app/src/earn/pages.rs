//! Home, Scan and History: the participant's everyday screens.

use super::code::{CodeError, UnitCode};
use super::{
    Activity, ClaimCode, ClaimResult, HistoryPageData, HomeData, claimed, history, home_summary,
    rules,
};
use crate::domain::{EntryKind, Points, Tier, iso_date};
use crate::error::AppError;
use crate::i18n::{Lang, T};
use crate::ui::{ErrorNote, ErrorPanel, Loading, ParticipantShell, action_error, use_lang};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

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
            {s.next_expiry.map(|(points, at)| view! {
                <p class="small expiry" data-testid="next-expiry">
                    {T::NextExpiry.with(lang, &[("points", &Points(points).to_string()), ("date", &iso_date(at))])}
                </p>
            })}
        </section>
        <a class="button primary wide" href="/scan">{T::ScanCta.text(lang)}</a>
        <crate::shop::GoalCard goal=s.goal lang=lang/>
        <section aria-labelledby="recent-label">
            <h2 id="recent-label">{T::RecentActivity.text(lang)}</h2>
            {(!s.order_updates.is_empty()).then(|| view! {
                <ul class="activity" data-testid="order-updates">
                    {s.order_updates.into_iter().map(|u| view! {
                        <li>
                            <div>
                                <a class="kind" href=format!("/orders/{}", u.order_id)>{T::OrderNo.with(lang, &[("n", &u.order_id.to_string())])}</a>
                                <span class="reason">{u.title}</span>
                                {(!u.event.note.is_empty()).then(|| view! { <span class="small">{u.event.note}</span> })}
                                <time class="muted small">{iso_date(u.event.at)}</time>
                            </div>
                            <strong>{crate::shop::status_text(u.event.status).text(lang)}</strong>
                        </li>
                    }).collect_view()}
                </ul>
            })}
            <ActivityList entries=s.recent lang=lang/>
            <a href="/history">{T::SeeAllHistory.text(lang)}</a>
        </section>
    }
}

#[component]
pub(crate) fn ActivityList(entries: Vec<Activity>, lang: Lang) -> impl IntoView {
    if entries.is_empty() {
        return view! { <p class="muted">{T::NoActivity.text(lang)}</p> }.into_any();
    }
    view! {
        <ul class="activity">
            {entries
                .into_iter()
                .map(|a| {
                    let sign = if a.points > 0 { "+" } else { "" };
                    let detail = (!a.lines.is_empty())
                        .then(|| rules::describe("", &a.lines, a.points, lang));
                    view! {
                        <li>
                            <div>
                                <span class="kind">{kind_text(a.kind).text(lang)}</span>
                                <span class="reason">{a.reason}</span>
                                {detail.map(|d| view! { <span class="breakdown small">{d}</span> })}
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

const HISTORY_FILTERS: [(Option<EntryKind>, T); 6] = [
    (None, T::FilterAll),
    (Some(EntryKind::Accrual), T::KindAccrual),
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
        <Title text=T::HistoryTitle.text(lang)/>
        <ParticipantShell>
            <h1>{T::HistoryTitle.text(lang)}</h1>
            <nav class="chips" aria-label=T::FilterLabel.text(lang)>
                {HISTORY_FILTERS
                    .into_iter()
                    .map(|(kind, label)| {
                        let href = kind.map_or("/history".to_string(), |k| format!("/history?kind={}", k.as_str()));
                        view! {
                            <a class="chip" href=href aria-current=move || (current() == kind).then_some("page")>
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
                            let kind = current().map(|k| format!("&kind={}", k.as_str())).unwrap_or_default();
                            view! {
                                {if empty {
                                    view! { <p class="muted">{T::HistoryEmpty.text(lang)}</p> }.into_any()
                                } else {
                                    view! { <ActivityList entries=entries lang=lang/> }.into_any()
                                }}
                                {next_before.map(|b| view! {
                                    <a class="button secondary" href=format!("/history?before={b}{kind}")>{T::ShowMore.text(lang)}</a>
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

/// What the browser can tell about a half-typed code without asking the server: a character we
/// never use, too many characters, or (once complete) a typo caught by the check character.
fn early_warning(text: &str) -> Option<AppError> {
    match UnitCode::from_scanned(text) {
        Err(CodeError::WrongLength { len }) if len < UnitCode::LEN => None,
        Err(CodeError::Empty) | Ok(_) => None,
        Err(e) => Some(e.into()),
    }
}

#[component]
fn ClaimCard(c: ClaimResult, lang: Lang) -> impl IntoView {
    view! {
        <section class="card claimed" role="status" data-testid="claim-result">
            <p class="points plus"><strong>{format!("+{}", Points(c.points))}</strong> " " {T::PointsUnit.text(lang)}</p>
            <p><strong>{c.product}</strong> <span class="muted small">" " {c.code}</span></p>
            <p class="breakdown" data-testid="breakdown">{c.breakdown}</p>
            <p>{T::NewBalance.with(lang, &[("points", &Points(c.balance).to_string())])}</p>
            {c.tip.map(|t| view! { <p class="tip"><strong>{T::DidYouKnow.text(lang)}</strong> " " {t}</p> })}
        </section>
    }
}

#[component]
pub fn ScanPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let params = use_params_map();
    // A label's QR code opens `/c/CODE`; a shared link may carry `?code=`.
    let prefill = move || {
        params
            .read()
            .get("code")
            .or_else(|| query.read().get("code"))
            .unwrap_or_default()
    };
    let action = ServerAction::<ClaimCode>::new();
    let claimed_id = move || {
        query
            .read()
            .get("claimed")
            .and_then(|c| c.parse::<i64>().ok())
    };
    let earlier = Resource::new(claimed_id, |id| async move {
        match id {
            Some(id) => Some(claimed(id).await),
            None => None,
        }
    });
    let typed = RwSignal::new(String::new());
    let warning = move || early_warning(&typed.get());
    view! {
        <Title text=T::ScanTitle.text(lang)/>
        <ParticipantShell>
            <h1>{T::ScanTitle.text(lang)}</h1>
            <ActionForm action=action>
                <div class="stack">
                    <label for="code">{T::UnitCodeLabel.text(lang)}</label>
                    <input id="code" name="code" class="unit-code" required autocomplete="off"
                        autocapitalize="characters" spellcheck="false" maxlength="600"
                        placeholder="ABCD-EFGH-JKMN-PQRS" aria-describedby="code-hint"
                        value=prefill
                        on:input=move |ev| typed.set(event_target_value(&ev))/>
                    <small id="code-hint">{T::UnitCodeHint.text(lang)}</small>
                    <ErrorNote error=Signal::derive(warning)/>
                    <ErrorNote error=action_error(action)/>
                    <button type="submit" class="primary" disabled=move || action.pending().get()>
                        {T::ClaimButton.text(lang)}
                    </button>
                </div>
            </ActionForm>
            {move || match action.value().get() {
                Some(Ok(c)) => Some(view! { <ClaimCard c=c lang=lang/> }.into_any()),
                _ => None,
            }}
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match earlier.await {
                        Some(Ok(c)) if action.value().get().is_none() => view! { <ClaimCard c=c lang=lang/> }.into_any(),
                        Some(Err(e)) => view! { <ErrorPanel error=e/> }.into_any(),
                        _ => ().into_any(),
                    }
                })}
            </Suspense>
        </ParticipantShell>
    }
}
