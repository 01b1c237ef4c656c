//! Earning: balance, tier and the history of point movements. (Products, unit codes, claims and
//! the rules engine join this area.)

#[cfg(feature = "ssr")]
pub mod ledger;
mod pages;

pub use pages::{HistoryPage, HomePage, ScanPage};

use crate::domain::{EntryKind, Tier};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One ledger entry as the participant sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    pub id: i64,
    pub kind: EntryKind,
    pub points: i64,
    pub reason: String,
    /// Unix seconds.
    pub at: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeData {
    pub name: String,
    pub company: Option<String>,
    pub balance: i64,
    pub tier: Tier,
    pub earned_last_year: i64,
    pub recent: Vec<Activity>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryPageData {
    pub entries: Vec<Activity>,
    /// Pass as `before` to get the next (older) page; `None` on the last page.
    pub next_before: Option<i64>,
}

pub const HISTORY_PAGE_SIZE: i64 = 30;
#[cfg(feature = "ssr")]
const YEAR_SECS: i64 = 365 * 24 * 3600;

/// Balance, tier and the five latest entries of the signed-in participant.
#[server(prefix = "/api", endpoint = "earn/home")]
pub async fn home_summary() -> Result<HomeData, AppError> {
    use crate::domain::Role;
    use crate::state::{app_state, reply, require, unix_now};
    reply(
        async {
            let me = require(&[Role::Participant, Role::PartnerManager])?;
            let mut conn = app_state()?.db.pool.acquire().await?;
            let earned = ledger::earned_since(&mut conn, me.id, unix_now() - YEAR_SECS).await?;
            Ok(HomeData {
                balance: ledger::balance(&mut conn, me.id).await?,
                tier: Tier::for_points_earned(earned),
                earned_last_year: earned,
                recent: ledger::entries(&mut conn, me.id, None, 5).await?,
                name: me.name,
                company: me.company,
            })
        }
        .await,
    )
}

/// The signed-in participant's ledger, newest first, a page at a time.
#[server(prefix = "/api", endpoint = "earn/history")]
pub async fn history(before: Option<i64>) -> Result<HistoryPageData, AppError> {
    use crate::domain::Role;
    use crate::state::{app_state, reply, require};
    reply(
        async {
            let me = require(&[Role::Participant, Role::PartnerManager])?;
            let mut conn = app_state()?.db.pool.acquire().await?;
            let mut entries =
                ledger::entries(&mut conn, me.id, before, HISTORY_PAGE_SIZE + 1).await?;
            let more = entries.len() as i64 > HISTORY_PAGE_SIZE;
            entries.truncate(HISTORY_PAGE_SIZE as usize);
            let next_before = if more {
                entries.last().map(|e| e.id)
            } else {
                None
            };
            Ok(HistoryPageData {
                entries,
                next_before,
            })
        }
        .await,
    )
}
