//! The audit log: every admin change, with who made it, when, and the record before and after.

use crate::error::AppError;
use serde::Serialize;
use sqlx::{Any, Transaction};

/// Writes one audit row inside the change's own transaction, so the log and the change commit or
/// roll back together.
pub async fn write<B: Serialize, A: Serialize>(
    tx: &mut Transaction<'static, Any>,
    actor: Option<i64>,
    action: &str,
    subject: &str,
    before: Option<&B>,
    after: Option<&A>,
    now: i64,
) -> Result<(), AppError> {
    let json = |v: Option<String>| v;
    let before = json(before.and_then(|b| serde_json::to_string(b).ok()));
    let after = json(after.and_then(|a| serde_json::to_string(a).ok()));
    sqlx::query(
        "INSERT INTO audit_log (actor_id, action, subject, before_json, after_json, at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(actor)
    .bind(action)
    .bind(subject)
    .bind(before)
    .bind(after)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The tail of every audited change: the audit row, then the commit, so a change is never
/// committed without its row (nor the row without the change).
#[allow(clippy::too_many_arguments)]
pub async fn commit<B: Serialize, A: Serialize>(
    mut tx: Transaction<'static, Any>,
    actor: Option<i64>,
    action: &str,
    subject: &str,
    before: Option<&B>,
    after: Option<&A>,
    now: i64,
) -> Result<(), AppError> {
    write(&mut tx, actor, action, subject, before, after, now).await?;
    tx.commit().await?;
    Ok(())
}
