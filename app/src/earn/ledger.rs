//! The ledger: append-only point movements and the balance kept beside them.
//! Invariant, held by every function here inside the caller's transaction: a participant's
//! `balances.points` equals the sum of their `ledger_entries.points` and is never negative.

use super::Activity;
use crate::domain::EntryKind;
use crate::error::AppError;
use sqlx::{Any, AnyConnection, Row, Transaction};

pub struct NewEntry<'a> {
    pub user_id: i64,
    pub kind: EntryKind,
    pub points: i64,
    pub reason: &'a str,
    pub created_by: Option<i64>,
}

/// Appends one entry and moves the balance by the same amount. Refuses an empty reason and any
/// movement that would take the balance below zero.
pub async fn append(
    tx: &mut Transaction<'static, Any>,
    e: NewEntry<'_>,
    now: i64,
) -> Result<i64, AppError> {
    if e.reason.trim().is_empty() {
        tracing::error!(user = e.user_id, "ledger entry without a reason refused");
        return Err(AppError::Internal);
    }
    sqlx::query(
        "INSERT INTO balances (user_id, points, updated_at) VALUES ($1, 0, $2) \
         ON CONFLICT (user_id) DO NOTHING",
    )
    .bind(e.user_id)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    let moved = sqlx::query(
        "UPDATE balances SET points = points + $1, updated_at = $2 WHERE user_id = $3 AND points + $1 >= 0",
    )
    .bind(e.points)
    .bind(now)
    .bind(e.user_id)
    .execute(&mut **tx)
    .await?;
    if moved.rows_affected() != 1 {
        tracing::error!(
            user = e.user_id,
            points = e.points,
            "ledger entry would make the balance negative"
        );
        return Err(AppError::Internal);
    }
    let id = sqlx::query_scalar(
        "INSERT INTO ledger_entries (user_id, kind, points, reason, created_at, created_by) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(e.user_id)
    .bind(e.kind.as_str())
    .bind(e.points)
    .bind(e.reason)
    .bind(now)
    .bind(e.created_by)
    .fetch_one(&mut **tx)
    .await?;
    Ok(id)
}

pub async fn balance(conn: &mut AnyConnection, user_id: i64) -> Result<i64, AppError> {
    let points: Option<i64> = sqlx::query_scalar("SELECT points FROM balances WHERE user_id = $1")
        .bind(user_id)
        .fetch_optional(conn)
        .await?;
    Ok(points.unwrap_or(0))
}

/// Points accrued (net of reversals) since `since`; the tier is based on this.
pub async fn earned_since(
    conn: &mut AnyConnection,
    user_id: i64,
    since: i64,
) -> Result<i64, AppError> {
    let sum: Option<i64> = sqlx::query_scalar(
        "SELECT CAST(SUM(points) AS BIGINT) FROM ledger_entries \
         WHERE user_id = $1 AND created_at >= $2 AND kind IN ('accrual', 'reversal')",
    )
    .bind(user_id)
    .bind(since)
    .fetch_one(conn)
    .await?;
    Ok(sum.unwrap_or(0).max(0))
}

/// Entries newest first, `limit` at a time, starting below entry id `before` (keyset paging).
pub async fn entries(
    conn: &mut AnyConnection,
    user_id: i64,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<Activity>, AppError> {
    let rows = sqlx::query(
        "SELECT id, kind, points, reason, created_at FROM ledger_entries \
         WHERE user_id = $1 AND id < $2 ORDER BY id DESC LIMIT $3",
    )
    .bind(user_id)
    .bind(before.unwrap_or(i64::MAX))
    .bind(limit)
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|r| {
            let kind: String = r.try_get(1)?;
            Ok(Activity {
                id: r.try_get(0)?,
                kind: EntryKind::parse(&kind)
                    .ok_or_else(|| sqlx::Error::Decode(format!("unknown kind {kind}").into()))?,
                points: r.try_get(2)?,
                reason: r.try_get(3)?,
                at: r.try_get(4)?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(AppError::from)
}
