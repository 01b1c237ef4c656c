//! The shop's SQL: what a participant may see and buy, redemption in one transaction, order status
//! changes and cancellation with a refund. Lock order everywhere: the participant's balance row
//! first, then the reward row — so two transactions never wait on each other in a circle.

use super::model::*;
use crate::audit;
use crate::domain::{CompanyStatus, EntryKind, OrderStatus, RewardKind, Tier};
use crate::earn::ledger::{self, NewEntry};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::state::Db;
use sqlx::{Any, AnyConnection, Row, Transaction};

mod catalog;
mod goal;
mod orders;
mod redeem;

pub use catalog::*;
pub use goal::*;
pub use orders::*;
pub use redeem::*;

/// What decides which rewards a participant sees and may order.
#[derive(Clone, Debug)]
pub struct Shopper {
    pub user_id: i64,
    pub company_id: Option<i64>,
    pub company_kind: Option<String>,
    pub tier: Tier,
    /// A suspended company's people keep their points but cannot order.
    pub company_suspended: bool,
    /// The language they read: an order keeps the reward's title in it.
    pub lang: Lang,
}

/// [`shopper`]'s columns: the participant's company, its kind and status.
#[derive(sqlx::FromRow)]
struct ShopperRow {
    company_id: Option<i64>,
    kind: Option<String>,
    status: Option<CompanyStatus>,
    lang: Option<String>,
}

pub async fn shopper(
    conn: &mut AnyConnection,
    user_id: i64,
    now: i64,
) -> Result<Shopper, AppError> {
    let row = sqlx::query_as::<_, ShopperRow>(
        "SELECT u.company_id, c.kind, c.status, u.lang FROM users u \
         LEFT JOIN partner_companies c ON c.id = u.company_id \
         WHERE u.id = $1",
    )
    .bind(user_id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    let earned = ledger::earned_since(&mut *conn, user_id, now - ledger::TIER_WINDOW_SECS).await?;
    Ok(Shopper {
        user_id,
        company_id: row.company_id,
        company_kind: row.kind,
        company_suspended: row.status == Some(CompanyStatus::Suspended),
        tier: Tier::for_points_earned(earned),
        // The profile's language; a server function puts the request's in its place.
        lang: row
            .lang
            .as_deref()
            .and_then(Lang::parse)
            .unwrap_or(crate::content::DEFAULT_LANG),
    })
}

/// [`shopper`] on a connection of its own, for server functions that then write.
pub async fn shopper_of(db: &Db, user_id: i64, now: i64) -> Result<Shopper, AppError> {
    let mut conn = db.pool.acquire().await?;
    shopper(&mut conn, user_id, now).await
}
