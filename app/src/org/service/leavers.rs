//! People who leave: deactivating, personnel numbers, reinstating, and expiring points after the grace period.

use super::*;

/// The people a caller of `scope` may act on, with the person's id in `$1` and the scope in `$2`
/// (a company id, or -1 for an admin): anyone but admins who belongs to a company, of that
/// company only. Another company's person is "not found".
const IN_SCOPE: &str = "role <> 'admin' AND company_id IS NOT NULL AND ($2 < 0 OR company_id = $2)";

/// A person of the caller's scope as [`deactivate`] reads them (the selected `company_id` is not
/// needed: [`IN_SCOPE`] already requires one).
#[derive(sqlx::FromRow)]
struct LeaverRow {
    status: UserStatus,
}

/// Marks a person of `scope` as a leaver. Their points stay for the grace period.
pub async fn deactivate(
    db: &Db,
    actor: i64,
    scope: Option<i64>,
    user_id: i64,
    now: i64,
) -> Result<(), AppError> {
    let mut tx = db.begin_write().await?;
    let found = sqlx::query_as::<_, LeaverRow>(&format!(
        "SELECT company_id, status FROM users WHERE id = $1 AND {IN_SCOPE}"
    ))
    .bind(user_id)
    .bind(scope.unwrap_or(-1))
    .fetch_optional(&mut *tx)
    .await?;
    let LeaverRow { status } = found.ok_or(AppError::NotFound)?;
    if user_id == actor || status == UserStatus::Pending {
        return Err(AppError::Invalid {
            field: Field::Participant,
        });
    }
    if status == UserStatus::Left {
        return Ok(());
    }
    sqlx::query("UPDATE users SET status = 'left', left_at = $1 WHERE id = $2")
        .bind(now)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    audit::commit(
        tx,
        Some(actor),
        "member.leave",
        &format!("user:{user_id}"),
        Some(&serde_json::json!({ "status": status.as_str() })),
        Some(&serde_json::json!({ "status": "left" })),
        now,
    )
    .await?;
    Ok(())
}

/// A person's personnel number as [`set_personnel_no`] reads it.
#[derive(sqlx::FromRow)]
struct PersonnelNoRow {
    personnel_no: Option<String>,
}

/// Sets the personnel number of a person of `scope`. Invariant: only a member of the scoped
/// company (never an admin account) changes, audited with before and after in one transaction.
pub async fn set_personnel_no(
    db: &Db,
    actor: i64,
    scope: Option<i64>,
    user_id: i64,
    number: Option<&str>,
    now: i64,
) -> Result<(), AppError> {
    let mut tx = db.begin_write().await?;
    let before = sqlx::query_as::<_, PersonnelNoRow>(&format!(
        "SELECT personnel_no FROM users WHERE id = $1 AND {IN_SCOPE}"
    ))
    .bind(user_id)
    .bind(scope.unwrap_or(-1))
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?
    .personnel_no;
    if before.as_deref() == number {
        return Ok(());
    }
    sqlx::query("UPDATE users SET personnel_no = $1 WHERE id = $2")
        .bind(number)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    audit::commit(
        tx,
        Some(actor),
        "member.personnel_no",
        &format!("user:{user_id}"),
        Some(&serde_json::json!({ "personnel_no": before })),
        Some(&serde_json::json!({ "personnel_no": number })),
        now,
    )
    .await?;
    Ok(())
}

/// A person of the caller's scope as [`reinstate`] reads them.
#[derive(sqlx::FromRow)]
struct ReinstateRow {
    status: UserStatus,
    left_at: Option<i64>,
}

/// Takes back a "left" mark of a person of `scope` within the grace period.
/// Invariant: only a leaver who still belongs to the company (`company_id` kept, so never a
/// declined applicant) and whose `left_at + grace` is still ahead becomes active again; the ledger
/// is not touched (nothing has expired yet), and the change is audited in the same transaction.
pub async fn reinstate(
    db: &Db,
    actor: i64,
    scope: Option<i64>,
    user_id: i64,
    now: i64,
) -> Result<(), AppError> {
    let mut tx = db.begin_write().await?;
    let found = sqlx::query_as::<_, ReinstateRow>(&format!(
        "SELECT status, left_at FROM users WHERE id = $1 AND {IN_SCOPE}"
    ))
    .bind(user_id)
    .bind(scope.unwrap_or(-1))
    .fetch_optional(&mut *tx)
    .await?;
    let ReinstateRow { status, left_at } = found.ok_or(AppError::NotFound)?;
    if status == UserStatus::Active {
        return Ok(());
    }
    if status != UserStatus::Left {
        return Err(AppError::Invalid {
            field: Field::Participant,
        });
    }
    let grace = grace_days(&mut tx).await?;
    let left_at = left_at.unwrap_or(0);
    if now >= left_at + grace * DAY {
        return Err(AppError::GraceOver);
    }
    let changed = sqlx::query(
        "UPDATE users SET status = 'active', left_at = NULL WHERE id = $1 AND status = 'left' AND left_at = $2",
    )
    .bind(user_id)
    .bind(left_at)
    .execute(&mut *tx)
    .await?;
    if changed.rows_affected() != 1 {
        return Err(AppError::GraceOver);
    }
    audit::commit(
        tx,
        Some(actor),
        "member.reinstate",
        &format!("user:{user_id}"),
        Some(&serde_json::json!({ "status": "left", "left_at": left_at })),
        Some(&serde_json::json!({ "status": "active" })),
        now,
    )
    .await?;
    Ok(())
}

/// Expires the balances of leavers whose grace period is over: one expiry entry each, with the
/// reason. Safe on several servers at once (each person under their balance lock, re-read).
pub async fn expire_leavers(db: &Db, now: i64) -> Result<(u64, i64), AppError> {
    let grace = {
        let mut conn = db.pool.acquire().await?;
        grace_days(&mut conn).await?
    };
    let cutoff = now - grace * DAY;
    let due: Vec<i64> = sqlx::query_scalar(
        "SELECT u.id FROM users u JOIN balances b ON b.user_id = u.id WHERE u.status = 'left' \
         AND u.left_at IS NOT NULL AND u.left_at <= $1 AND b.points > 0 ORDER BY u.id LIMIT 1000",
    )
    .bind(cutoff)
    .fetch_all(&db.pool)
    .await?;
    let (mut people, mut points) = (0u64, 0i64);
    for user in due {
        let mut tx = db.begin_write().await?;
        let balance = ledger::lock_balance(&mut tx, user, now).await?;
        let left_at: Option<Option<i64>> = sqlx::query_scalar(
            "SELECT left_at FROM users WHERE id = $1 AND status = 'left' AND left_at <= $2",
        )
        .bind(user)
        .bind(cutoff)
        .fetch_optional(&mut *tx)
        .await?;
        if let (Some(Some(left_at)), true) = (left_at, balance > 0) {
            let reason = crate::earn::reason::Reason::LeaverExpiry {
                left_at,
                grace_days: grace,
            };
            ledger::append(
                &mut tx,
                NewEntry::new(user, EntryKind::Expiry, -balance, &reason),
                now,
            )
            .await?;
            people += 1;
            points += balance;
        }
        tx.commit().await?;
    }
    Ok((people, points))
}
