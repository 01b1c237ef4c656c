//! Home: what a participant sees first — balance, tier, the pinned goal, news of their orders and
//! notices, and the latest point movements. It sits above `earn` and `shop` and brings them
//! together; neither of them uses it.

mod pages;

pub use pages::HomePage;

#[cfg(feature = "ssr")]
use crate::call::Call;
use crate::domain::Tier;
use crate::earn::Activity;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::shop;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeData {
    pub name: String,
    pub company: Option<String>,
    pub balance: i64,
    pub tier: Tier,
    pub earned_last_year: i64,
    pub recent: Vec<Activity>,
    /// The latest status changes of the participant's shop orders.
    #[serde(default)]
    pub order_updates: Vec<crate::shop::model::OrderUpdate>,
    /// The savings goal, if one is pinned.
    #[serde(default)]
    pub goal: Option<crate::shop::model::GoalProgress>,
    /// The next points to expire: (points, unix seconds when).
    pub next_expiry: Option<(i64, i64)>,
    /// What the participant is told until they dismiss it (a reward back in stock).
    #[serde(default)]
    pub notices: Vec<crate::shop::model::Notice>,
    /// Points of receipt claims waiting for a check (shown, not spendable).
    #[serde(default)]
    pub pending: i64,
    /// Receipt claims decided since the participant last looked.
    #[serde(default)]
    pub decided: Vec<crate::receipt::ReceiptSummary>,
}

/// Balance, tier and the five latest entries of the signed-in participant.
#[server(prefix = "/api", endpoint = "earn/home")]
pub async fn home_summary() -> Result<HomeData, AppError> {
    let call = Call::new(crate::call::PARTICIPANTS)?;
    let mut conn = call.conn().await?;
    let earned = crate::earn::ledger::earned_since(
        &mut conn,
        call.user.id,
        call.now - crate::earn::ledger::TIER_WINDOW_SECS,
    )
    .await?;
    Ok(HomeData {
        balance: crate::earn::ledger::balance(&mut conn, call.user.id).await?,
        tier: Tier::for_points_earned(earned),
        earned_last_year: earned,
        recent: crate::earn::ledger::entries(&mut conn, call.user.id, None, None, 5, call.lang())
            .await?,
        order_updates: shop::service::recent_events(&mut conn, call.user.id, 3).await?,
        notices: shop::service::notices(&mut conn, call.user.id, call.lang()).await?,
        goal: {
            let balance = crate::earn::ledger::balance(&mut conn, call.user.id).await?;
            shop::service::goal_progress(&mut conn, call.user.id, balance, call.now, call.lang())
                .await?
        },
        next_expiry: {
            let months = crate::earn::service::expiry_months(&mut conn).await?;
            crate::earn::ledger::next_expiry(&mut conn, call.user.id, months).await?
        },
        pending: crate::earn::ledger::pending(&mut conn, call.user.id).await?,
        decided: crate::receipt::service::unseen(&mut conn, call.user.id).await?,
        name: call.user.name,
        company: call.user.company,
    })
}
