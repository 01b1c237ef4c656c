//! The program operator's side: overview, products and categories, code batches and codes,
//! campaigns and the earning preview, manual adjustments and the audit log.

pub mod campaigns;
pub mod catalog;
pub mod codes;
#[cfg(feature = "ssr")]
pub mod exports;
mod pages;

#[cfg(feature = "ssr")]
use crate::call::Call;
pub use pages::*;

use crate::error::AppError;
use crate::i18n::T;
use crate::ui::{AdminShell, ErrorPanel, Loading, use_lang};
use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Overview {
    pub participants: i64,
    pub companies: i64,
    pub points_held: i64,
    pub active_sessions: i64,
}

/// [`admin_overview`]'s counts as the query returns them.
#[cfg(feature = "ssr")]
#[derive(sqlx::FromRow)]
struct OverviewRow {
    participants: i64,
    companies: i64,
    points_held: i64,
    active_sessions: i64,
}

/// Program-wide counts. Admins only.
#[server(prefix = "/api", endpoint = "admin/overview")]
pub async fn admin_overview() -> Result<Overview, AppError> {
    let call = Call::new(crate::call::ADMINS)?;
    let db = call.db().clone();
    let row = sqlx::query_as::<_, OverviewRow>(
        "SELECT \
           (SELECT COUNT(*) FROM users WHERE role IN ('participant', 'partner_manager')) AS participants, \
           (SELECT COUNT(*) FROM partner_companies) AS companies, \
           (SELECT CAST(COALESCE(SUM(points), 0) AS BIGINT) FROM balances) AS points_held, \
           (SELECT COUNT(*) FROM sessions WHERE expires_at > $1) AS active_sessions",
    )
    .bind(call.now)
    .fetch_one(&db.pool)
    .await?;
    Ok(Overview {
        participants: row.participants,
        companies: row.companies,
        points_held: row.points_held,
        active_sessions: row.active_sessions,
    })
}

#[component]
pub fn AdminHomePage() -> impl IntoView {
    let lang = use_lang();
    let overview = Resource::new(|| (), |_| admin_overview());
    view! {
        <Title text=T::AdminTitle.text(lang) />
        <AdminShell>
            <h1>{T::AdminOverview.text(lang)}</h1>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match overview.await {
                        Ok(o) => {
                            view! {
                                <div class="stats">
                                    <div class="card stat">
                                        <span class="label">{T::AdminParticipants.text(lang)}</span>
                                        <strong data-testid="participants">
                                            {crate::format::number(lang, o.participants)}
                                        </strong>
                                    </div>
                                    <div class="card stat">
                                        <span class="label">{T::AdminCompanies.text(lang)}</span>
                                        <strong>{crate::format::number(lang, o.companies)}</strong>
                                    </div>
                                    <div class="card stat">
                                        <span class="label">{T::AdminPointsHeld.text(lang)}</span>
                                        <strong>
                                            {crate::format::number(lang, o.points_held)}
                                        </strong>
                                    </div>
                                    <div class="card stat">
                                        <span class="label">
                                            {T::AdminActiveSessions.text(lang)}
                                        </span>
                                        <strong>
                                            {crate::format::number(lang, o.active_sessions)}
                                        </strong>
                                    </div>
                                </div>
                            }
                                .into_any()
                        }
                        Err(e) => view! { <ErrorPanel error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </AdminShell>
    }
}
