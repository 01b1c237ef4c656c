//! The participant shell (content above a bottom tab bar, within thumb reach) and the admin shell.
//! Both check who is signed in before showing anything; the server functions behind the screens
//! check again, so a shell is a convenience, not the security boundary.

use super::icons::{Icon, TabIcon};
use super::{Brand, ErrorPanel, Loading, StatusPage, use_lang, use_session};
use crate::domain::{Role, UserStatus};
use crate::error::AppError;
use crate::i18n::T;
use leptos::prelude::*;
use leptos_router::components::{A, Redirect};

#[component]
pub fn ParticipantShell(children: ChildrenFn) -> impl IntoView {
    let session = use_session();
    let children = StoredValue::new(children);
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match session.me.await {
                    Ok(Some(user)) if user.role.uses_participant_app() => {
                        let manager = user.role == Role::PartnerManager;
                        let waiting = user.status == UserStatus::Pending;
                        let notice = (user.status != UserStatus::Active || user.company_suspended)
                            .then(|| {
                                // Someone waiting for their company's approval sees only that.
                                view! { <crate::org::MembershipPanel status=user.status /> }
                            });
                        view! {
                            <div class="app">
                                <main class="content">
                                    {notice} {(!waiting).then(|| children.with_value(|c| c()))}
                                </main>
                                {(!waiting).then(|| view! { <TabBar manager=manager /> })}
                            </div>
                        }
                            .into_any()
                    }
                    Ok(Some(_)) => view! { <Redirect path="/admin" /> }.into_any(),
                    Ok(None) => view! { <Redirect path="/sign-in" /> }.into_any(),
                    Err(e) => view! { <ErrorPanel error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Five tabs, and a sixth (Team) for partner managers.
#[component]
fn TabBar(manager: bool) -> impl IntoView {
    let lang = use_lang();
    let mut tabs = vec![
        ("/", Icon::Home, T::NavHome),
        ("/scan", Icon::Scan, T::NavScan),
        ("/shop", Icon::Shop, T::NavShop),
        ("/history", Icon::History, T::NavHistory),
    ];
    if manager {
        tabs.push(("/team", Icon::Team, T::NavTeam));
    }
    tabs.push(("/profile", Icon::Profile, T::NavProfile));
    view! {
        <nav class="tabbar" aria-label="Workwell">
            {tabs
                .into_iter()
                .map(|(href, icon, label)| {
                    view! {
                        <A href=href exact=href != "/team">
                            <TabIcon icon=icon />
                            <span>{label.text(lang)}</span>
                        </A>
                    }
                })
                .collect_view()}
        </nav>
    }
}

#[component]
pub fn AdminShell(children: ChildrenFn) -> impl IntoView {
    let session = use_session();
    let lang = use_lang();
    let children = StoredValue::new(children);
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match session.me.await {
                    Ok(Some(user)) if user.role == Role::Admin => {
                        view! {
                            <div class="admin">
                                <header class="admin-bar">
                                    <Brand />
                                    // On a phone the links fold behind "Menu" (a checkbox and its
                                    // label, so it opens without the app's code too).
                                    <input type="checkbox" id="admin-menu" class="menu-toggle" />
                                    <label
                                        for="admin-menu"
                                        class="menu-button"
                                        data-testid="admin-menu"
                                    >
                                        {T::Menu.text(lang)}
                                    </label>
                                    <nav aria-label=T::AdminTitle.text(lang)>
                                        <A href="/admin" exact=true>
                                            {T::AdminOverview.text(lang)}
                                        </A>
                                        <A href="/admin/companies">
                                            {T::AdminCompanies.text(lang)}
                                        </A>
                                        <A href="/admin/products">{T::AdminProducts.text(lang)}</A>
                                        <A href="/admin/batches">{T::AdminBatches.text(lang)}</A>
                                        <A href="/admin/codes">{T::AdminCodes.text(lang)}</A>
                                        <A href="/admin/campaigns">
                                            {T::AdminCampaigns.text(lang)}
                                        </A>
                                        <A href="/admin/rewards">{T::AdminRewards.text(lang)}</A>
                                        <A href="/admin/orders">{T::AdminOrders.text(lang)}</A>
                                        <A href="/admin/receipts">
                                            {T::AdminReceiptsNav.text(lang)}
                                        </A>
                                        <A href="/admin/adjust">{T::AdminAdjust.text(lang)}</A>
                                        <A href="/admin/audit">{T::AdminAudit.text(lang)}</A>
                                    </nav>
                                    <super::SignOutButton />
                                </header>
                                <main class="admin-content">{children.with_value(|c| c())}</main>
                            </div>
                        }
                            .into_any()
                    }
                    Ok(Some(_)) => view! { <Forbidden /> }.into_any(),
                    Ok(None) => view! { <Redirect path="/admin/sign-in" /> }.into_any(),
                    Err(e) => view! { <ErrorPanel error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Shown to a signed-in non-admin who opens an admin page; answered with HTTP 403.
#[component]
fn Forbidden() -> impl IntoView {
    let lang = use_lang();
    view! {
        <StatusPage status=403 title=T::ErrForbidden back=T::BackToApp>
            <p class="note error" role="alert" data-code=AppError::Forbidden.code()>
                {T::AdminForbidden.text(lang)}
            </p>
        </StatusPage>
    }
}
