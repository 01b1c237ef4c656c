//! The ledger: append-only point movements and the balance kept beside them.
//! Invariant, held by every function here inside the caller's transaction: a participant's
//! `balances.points` equals the sum of their non-pending `ledger_entries.points`, their
//! `balances.pending` the sum of their `pending` entries (points of receipt claims waiting for a
//! check: shown, not spendable, not earning), and neither is ever negative.

use super::Activity;
use super::reason::Reason;
use crate::domain::EntryKind;
use crate::error::AppError;
use crate::i18n::Lang;
use sqlx::{Any, AnyConnection, Transaction};

pub struct NewEntry<'a> {
    pub user_id: i64,
    pub kind: EntryKind,
    pub points: i64,
    /// What it is for, kept as data and written in each reader's language when read.
    pub reason: &'a Reason,
    pub created_by: Option<i64>,
    /// For accruals: the rules engine's lines, as JSON.
    pub breakdown: Option<&'a str>,
    pub unit_code_id: Option<i64>,
    /// For a reversal: the accrual it undoes (its lot is drawn from first).
    pub ref_entry_id: Option<i64>,
    /// For a redemption and its refund: the shop order.
    pub order_id: Option<i64>,
    /// For a receipt claim's pending points and its accrual: the claim.
    pub receipt_claim_id: Option<i64>,
}

impl<'a> NewEntry<'a> {
    pub fn new(user_id: i64, kind: EntryKind, points: i64, reason: &'a Reason) -> NewEntry<'a> {
        NewEntry {
            user_id,
            kind,
            points,
            reason,
            created_by: None,
            breakdown: None,
            unit_code_id: None,
            ref_entry_id: None,
            order_id: None,
            receipt_claim_id: None,
        }
    }
}

/// Takes the participant's balance row lock for the rest of the transaction (on PostgreSQL; SQLite
/// already holds the database write lock), creating the row if needed. Everything that reads a
/// balance or lots and then writes based on them calls this first.
pub async fn lock_balance(
    tx: &mut Transaction<'static, Any>,
    user_id: i64,
    now: i64,
) -> Result<i64, AppError> {
    async fn lock(
        tx: &mut Transaction<'static, Any>,
        user_id: i64,
        now: i64,
    ) -> Result<Option<i64>, sqlx::Error> {
        sqlx::query_scalar(
            "UPDATE balances SET updated_at = $2 WHERE user_id = $1 RETURNING points",
        )
        .bind(user_id)
        .bind(now)
        .fetch_optional(&mut **tx)
        .await
    }
    if let Some(points) = lock(tx, user_id, now).await? {
        return Ok(points);
    }
    // A participant's first movement: make the row, then lock it.
    sqlx::query(
        "INSERT INTO balances (user_id, points, updated_at) VALUES ($1, 0, $2) \
         ON CONFLICT (user_id) DO NOTHING",
    )
    .bind(user_id)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(lock(tx, user_id, now).await?.unwrap_or(0))
}

/// What [`append`] wrote: the entry's id and the balance after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Appended {
    pub id: i64,
    pub balance: i64,
}

/// Appends one entry and moves the balance by the same amount. A positive entry opens a lot; a
/// negative one draws lots down, the referenced one first, then oldest first. Refuses an empty
/// reason and any movement that would take the balance below zero.
pub async fn append(
    tx: &mut Transaction<'static, Any>,
    e: NewEntry<'_>,
    now: i64,
) -> Result<Appended, AppError> {
    // The English sentence is kept beside the data for the audit trail and direct readers.
    let sentence = e.reason.text(Lang::En);
    let pending = e.kind == EntryKind::Pending;
    if sentence.trim().is_empty() {
        tracing::error!(user = e.user_id, "ledger entry without a reason refused");
        return Err(AppError::Internal);
    }
    // One statement in the common case: the conditional update locks the balance row, refuses a
    // negative result and returns the new balance. Only a participant's first entry creates the
    // row.
    let mut moved = move_balance(tx, &e, now).await?;
    if moved.is_none() {
        sqlx::query(
            "INSERT INTO balances (user_id, points, updated_at) VALUES ($1, 0, $2) \
             ON CONFLICT (user_id) DO NOTHING",
        )
        .bind(e.user_id)
        .bind(now)
        .execute(&mut **tx)
        .await?;
        moved = move_balance(tx, &e, now).await?;
    }
    let Some(balance) = moved else {
        tracing::error!(
            user = e.user_id,
            points = e.points,
            "ledger entry would make the balance negative"
        );
        return Err(AppError::Internal);
    };
    let id = sqlx::query_scalar(
        "INSERT INTO ledger_entries (user_id, kind, points, reason, created_at, created_by, \
         breakdown, unit_code_id, ref_entry_id, lot_remaining, order_id, reason_data, \
         receipt_claim_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
    )
    .bind(e.user_id)
    .bind(e.kind.as_str())
    .bind(e.points)
    .bind(&sentence)
    .bind(now)
    .bind(e.created_by)
    .bind(e.breakdown)
    .bind(e.unit_code_id)
    .bind(e.ref_entry_id)
    // Pending points are no lot: they cannot be spent or expire until they are credited.
    .bind(if pending { 0 } else { e.points.max(0) })
    .bind(e.order_id)
    .bind(e.reason.to_json())
    .bind(e.receipt_claim_id)
    .fetch_one(&mut **tx)
    .await?;
    if e.points < 0 && !pending {
        draw_lots(tx, e.user_id, -e.points, e.ref_entry_id).await?;
    }
    Ok(Appended { id, balance })
}

/// The new (spendable) balance, or `None` when there is no balance row yet or the movement would
/// take it, or the pending points, below zero. A pending entry moves the pending points only.
async fn move_balance(
    tx: &mut Transaction<'static, Any>,
    e: &NewEntry<'_>,
    now: i64,
) -> Result<Option<i64>, AppError> {
    let sql = if e.kind == EntryKind::Pending {
        "UPDATE balances SET pending = pending + $1, updated_at = $2 \
         WHERE user_id = $3 AND pending + $1 >= 0 RETURNING points"
    } else {
        "UPDATE balances SET points = points + $1, updated_at = $2 \
         WHERE user_id = $3 AND points + $1 >= 0 RETURNING points"
    };
    Ok(sqlx::query_scalar(sql)
        .bind(e.points)
        .bind(now)
        .bind(e.user_id)
        .fetch_optional(&mut **tx)
        .await?)
}

async fn take_from_lot(
    tx: &mut Transaction<'static, Any>,
    lot: i64,
    take: i64,
) -> Result<(), AppError> {
    sqlx::query("UPDATE ledger_entries SET lot_remaining = lot_remaining - $1 WHERE id = $2")
        .bind(take)
        .bind(lot)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// A lot with points left, as [`draw_lots`] reads it.
#[derive(sqlx::FromRow)]
struct LotRow {
    id: i64,
    lot_remaining: i64,
}

async fn draw_lots(
    tx: &mut Transaction<'static, Any>,
    user_id: i64,
    mut need: i64,
    first: Option<i64>,
) -> Result<(), AppError> {
    if let Some(lot) = first {
        let left: Option<i64> = sqlx::query_scalar(
            "SELECT lot_remaining FROM ledger_entries WHERE id = $1 AND user_id = $2",
        )
        .bind(lot)
        .bind(user_id)
        .fetch_optional(&mut **tx)
        .await?;
        let take = left.unwrap_or(0).min(need);
        if take > 0 {
            take_from_lot(tx, lot, take).await?;
            need -= take;
        }
    }
    while need > 0 {
        let lots = sqlx::query_as::<_, LotRow>(
            "SELECT id, lot_remaining FROM ledger_entries WHERE user_id = $1 AND lot_remaining > 0 \
             ORDER BY created_at, id LIMIT 64",
        )
        .bind(user_id)
        .fetch_all(&mut **tx)
        .await?;
        if lots.is_empty() {
            tracing::error!(user = user_id, need, "lots do not cover the balance");
            return Err(AppError::Internal);
        }
        for lot in lots {
            let take = lot.lot_remaining.min(need);
            take_from_lot(tx, lot.id, take).await?;
            need -= take;
            if need == 0 {
                break;
            }
        }
    }
    Ok(())
}

/// Expires every lot older than `months` months: one expiry entry per participant, oldest lots
/// first. Safe to run on several servers at once: each participant is handled in a transaction
/// that takes their balance lock and then re-reads what is due, so a second runner finds nothing.
/// Returns (participants touched, points expired).
pub async fn expire_due(
    db: &crate::state::Db,
    now: i64,
    months: i64,
) -> Result<(u64, i64), AppError> {
    let cutoff = crate::domain::add_months(now, -months);
    let users: Vec<i64> = sqlx::query_scalar(
        "SELECT DISTINCT user_id FROM ledger_entries WHERE lot_remaining > 0 AND created_at < $1 \
         ORDER BY user_id LIMIT 1000",
    )
    .bind(cutoff)
    .fetch_all(&db.pool)
    .await?;
    let (mut touched, mut expired) = (0u64, 0i64);
    for user in users {
        let mut tx = db.begin_write().await?;
        lock_balance(&mut tx, user, now).await?;
        let due: Option<i64> = sqlx::query_scalar(
            "SELECT CAST(SUM(lot_remaining) AS BIGINT) FROM ledger_entries \
             WHERE user_id = $1 AND lot_remaining > 0 AND created_at < $2",
        )
        .bind(user)
        .bind(cutoff)
        .fetch_one(&mut *tx)
        .await?;
        let due = due.unwrap_or(0);
        if due > 0 {
            let reason = Reason::Expiry {
                before: cutoff,
                months,
            };
            // Lots are drawn oldest first, which are exactly the ones past the cutoff.
            append(
                &mut tx,
                NewEntry::new(user, EntryKind::Expiry, -due, &reason),
                now,
            )
            .await?;
            touched += 1;
            expired += due;
        }
        tx.commit().await?;
    }
    Ok((touched, expired))
}

/// The next points to expire: how many, and when (the oldest lot's day, `months` later).
pub async fn next_expiry(
    conn: &mut AnyConnection,
    user_id: i64,
    months: i64,
) -> Result<Option<(i64, i64)>, AppError> {
    let oldest: Option<i64> = sqlx::query_scalar(
        "SELECT MIN(created_at) FROM ledger_entries WHERE user_id = $1 AND lot_remaining > 0",
    )
    .bind(user_id)
    .fetch_one(&mut *conn)
    .await?;
    let Some(oldest) = oldest else {
        return Ok(None);
    };
    let day = crate::domain::day_start(oldest);
    let points: Option<i64> = sqlx::query_scalar(
        "SELECT CAST(SUM(lot_remaining) AS BIGINT) FROM ledger_entries \
         WHERE user_id = $1 AND lot_remaining > 0 AND created_at < $2",
    )
    .bind(user_id)
    .bind(day + 86_400)
    .fetch_one(&mut *conn)
    .await?;
    Ok(points
        .filter(|p| *p > 0)
        .map(|p| (p, crate::domain::add_months(day + 86_400, months))))
}

/// Points of receipt claims waiting for a check: shown, not spendable.
pub async fn pending(conn: &mut AnyConnection, user_id: i64) -> Result<i64, AppError> {
    let points: Option<i64> = sqlx::query_scalar("SELECT pending FROM balances WHERE user_id = $1")
        .bind(user_id)
        .fetch_optional(conn)
        .await?;
    Ok(points.unwrap_or(0))
}

pub async fn balance(conn: &mut AnyConnection, user_id: i64) -> Result<i64, AppError> {
    let points: Option<i64> = sqlx::query_scalar("SELECT points FROM balances WHERE user_id = $1")
        .bind(user_id)
        .fetch_optional(conn)
        .await?;
    Ok(points.unwrap_or(0))
}

/// How far back a tier looks: the points earned in the last 365 days.
pub const TIER_WINDOW_SECS: i64 = 365 * 24 * 3600;

/// The ledger entries that count as earning (for tiers and caps): accruals, less the accruals
/// reversed. A refund of a redemption is a positive reversal and is not earning. One SQL
/// predicate, so every place that sums earning sums the same entries.
pub const EARNING_ENTRIES: &str = "(kind = 'accrual' OR (kind = 'reversal' AND points < 0))";

/// Points accrued since `since`, less the accruals reversed (see [`EARNING_ENTRIES`]); the tier
/// is based on this.
pub async fn earned_since(
    conn: &mut AnyConnection,
    user_id: i64,
    since: i64,
) -> Result<i64, AppError> {
    let sum: Option<i64> = sqlx::query_scalar(&format!(
        "SELECT CAST(SUM(points) AS BIGINT) FROM ledger_entries \
         WHERE user_id = $1 AND created_at >= $2 AND {EARNING_ENTRIES}"
    ))
    .bind(user_id)
    .bind(since)
    .fetch_one(conn)
    .await?;
    Ok(sum.unwrap_or(0).max(0))
}

/// Entries newest first, `limit` at a time, starting below entry id `before` (keyset paging),
/// optionally of one kind only.
pub async fn entries(
    conn: &mut AnyConnection,
    user_id: i64,
    kind: Option<EntryKind>,
    before: Option<i64>,
    limit: i64,
    lang: Lang,
) -> Result<Vec<Activity>, AppError> {
    let rows = sqlx::query_as::<_, ActivityRow>(
        "SELECT id, kind, points, reason, reason_data, created_at, breakdown FROM ledger_entries \
         WHERE user_id = $1 AND id < $2 AND ($3 = '' OR kind = $3) ORDER BY id DESC LIMIT $4",
    )
    .bind(user_id)
    .bind(before.unwrap_or(i64::MAX))
    .bind(kind.map_or("", EntryKind::as_str))
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?;
    read_all(conn, rows, lang).await
}

/// Entries newest first from `since` on (a partner manager sees their employee's movements from
/// the day they joined the company).
pub async fn entries_since(
    conn: &mut AnyConnection,
    user_id: i64,
    since: i64,
    limit: i64,
    lang: Lang,
) -> Result<Vec<Activity>, AppError> {
    let rows = sqlx::query_as::<_, ActivityRow>(
        "SELECT id, kind, points, reason, reason_data, created_at, breakdown FROM ledger_entries \
         WHERE user_id = $1 AND created_at >= $2 ORDER BY id DESC LIMIT $3",
    )
    .bind(user_id)
    .bind(since)
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?;
    read_all(conn, rows, lang).await
}

/// One row of the entry lists ([`entries`], [`entries_since`]).
#[derive(sqlx::FromRow)]
struct ActivityRow {
    id: i64,
    kind: EntryKind,
    points: i64,
    reason: String,
    reason_data: Option<String>,
    created_at: i64,
    breakdown: Option<String>,
}

/// The rows as `lang` reads them: reasons written in that language, with the products and
/// campaigns they name in it (one lookup each, for the ids on this page only).
async fn read_all(
    conn: &mut AnyConnection,
    rows: Vec<ActivityRow>,
    lang: Lang,
) -> Result<Vec<Activity>, AppError> {
    let read: Vec<(ActivityRow, Option<Reason>, Vec<super::rules::Line>)> = rows
        .into_iter()
        .map(|r| {
            let reason = Reason::from_data(r.reason_data.as_deref());
            let lines = r
                .breakdown
                .as_deref()
                .and_then(|b| serde_json::from_str(b).ok())
                .unwrap_or_default();
            (r, reason, lines)
        })
        .collect();
    let products: Vec<i64> = read
        .iter()
        .filter_map(|(_, reason, _)| reason.as_ref()?.product_id())
        .collect();
    let campaigns: Vec<i64> = read
        .iter()
        .flat_map(|(_, _, lines)| super::rules::campaign_ids(lines))
        .collect();
    let names = crate::content::in_lang_for(&mut *conn, "product", lang, &products).await?;
    let campaigns = crate::content::in_lang_for(conn, "campaign", lang, &campaigns).await?;
    Ok(read
        .into_iter()
        .map(|(r, reason, mut lines)| {
            super::rules::name_campaigns(&mut lines, &campaigns);
            Activity {
                id: r.id,
                kind: r.kind,
                points: r.points,
                reason: Reason::shown(&r.reason, reason, lang, &names),
                at: r.created_at,
                lines,
            }
        })
        .collect())
}
