//! Submitting a claim: one claim per document in the whole program, the per-person limits, the
//! flags for the moderator, and the pending points, in one transaction.

use super::*;
/// Who claimed a document before, and when.
#[derive(sqlx::FromRow)]
struct HolderRow {
    id: i64,
    user_id: i64,
    submitted_at: i64,
    idempotency_key: Option<String>,
}

async fn holder(conn: &mut AnyConnection, key: &str) -> Result<Option<HolderRow>, AppError> {
    Ok(sqlx::query_as::<_, HolderRow>(
        "SELECT id, user_id, submitted_at, idempotency_key FROM receipt_claims \
         WHERE document_key = $1",
    )
    .bind(key)
    .fetch_optional(conn)
    .await?)
}

/// A claim already stored under the phone's key for it.
async fn by_key(
    conn: &mut AnyConnection,
    user_id: i64,
    key: &str,
) -> Result<Option<i64>, AppError> {
    Ok(sqlx::query_scalar(
        "SELECT id FROM receipt_claims WHERE user_id = $1 AND idempotency_key = $2",
    )
    .bind(user_id)
    .bind(key)
    .fetch_optional(conn)
    .await?)
}

/// The refusal for a document someone holds; the same claim sent again by the same phone is not
/// refused but answered with the claim it made.
fn held(h: &HolderRow, user_id: i64, key: Option<&str>) -> Result<i64, AppError> {
    if h.user_id == user_id && key.is_some() && h.idempotency_key.as_deref() == key {
        return Ok(h.id);
    }
    Err(AppError::ReceiptClaimed {
        at: h.submitted_at,
        by_you: h.user_id == user_id,
    })
}

pub async fn submitted(
    conn: &mut AnyConnection,
    user_id: i64,
    id: i64,
) -> Result<Submitted, AppError> {
    let (status, expected): (ReceiptStatus, i64) = sqlx::query_as(
        "SELECT status, expected_points FROM receipt_claims WHERE id = $1 AND user_id = $2",
    )
    .bind(id)
    .bind(user_id)
    .fetch_one(&mut *conn)
    .await?;
    Ok(Submitted {
        id,
        status,
        expected_points: expected,
        pending: ledger::pending(conn, user_id).await?,
    })
}

/// Stores a receipt claim with its lines and its expected points as pending points, after the
/// automatic checks: the document's date within the window and not ahead, the document not
/// claimed before by anyone, the participant's daily and monthly count of claims. Sending the
/// same claim again with the same key answers the claim stored the first time.
pub async fn submit(db: &Db, claim: NewClaim, now: i64) -> Result<Submitted, AppError> {
    let doc_key = claim.document.key();
    let at = claim.document.at();
    let key = claim.key.as_deref();
    let mut conn = db.pool.acquire().await?;
    if let Some(k) = key
        && let Some(id) = by_key(&mut conn, claim.user_id, k).await?
    {
        return submitted(&mut conn, claim.user_id, id).await;
    }
    if let Some(h) = holder(&mut conn, &doc_key).await? {
        let id = held(&h, claim.user_id, key)?;
        return submitted(&mut conn, claim.user_id, id).await;
    }
    if at > now + CLOCK_SLACK_SECS {
        return Err(AppError::ReceiptInFuture);
    }
    let settings = receipt_settings(&mut conn).await?;
    // By calendar day: a document dated exactly `window_days` ago may still be claimed.
    if day_start(now) - day_start(at) > settings.window_days * 86_400 {
        return Err(AppError::ReceiptTooOld {
            days: settings.window_days,
        });
    }
    let ids: Vec<i64> = claim.lines.iter().map(|l| l.0).collect();
    let quantities: Vec<i64> = claim.lines.iter().map(|l| l.1).collect();
    let facts = claimant(&mut conn, claim.user_id, now, Earning::Required).await?;
    let products = line_products(&mut conn, &ids, true).await?;
    let program = program_rules(&mut conn).await?;
    let running = campaigns(&mut conn, CampaignsAt::RunningAt(at)).await?;
    let valued = value(
        &products,
        &quantities,
        &facts.who,
        &program,
        &running,
        facts.earned_today,
        at,
    );
    let expected: i64 = valued.iter().map(|v| v.points).sum();
    // Nothing left under today's cap: refused now rather than stored as a claim worth nothing.
    if expected == 0
        && let Some(cap) = program.daily_cap
        && valued.iter().any(|v| {
            v.steps
                .iter()
                .any(|l| matches!(l.step, rules::Step::DailyCap { .. }))
        })
    {
        return Err(AppError::DailyCapReached { cap });
    }
    let mut flags = Vec::new();
    let catalog_value: i64 = products
        .iter()
        .zip(&quantities)
        .filter_map(|(p, q)| p.facts.price.map(|price| price * 100 * q))
        .sum();
    if catalog_value > claim.document.total() {
        flags.push(ReceiptFlag::LinesOverTotal);
    }
    // A line the catalog has no price for cannot be checked against the total.
    if products.iter().any(|p| p.facts.price.is_none()) {
        flags.push(ReceiptFlag::UnpricedLine);
    }
    if claim.document.source() == ReceiptSource::Invoice {
        // Until a photo of it is added.
        flags.push(ReceiptFlag::NoPhoto);
    }
    drop(conn);

    // Invariant: the claim, its lines and its pending entry are stored together or not at all;
    // balances.pending grows by exactly the claim's expected points.
    let mut tx = db.begin_write().await?;
    // One claim per participant at a time, so two cannot both pass the daily count: on
    // PostgreSQL the balance row is the lock; SQLite's single writer holds the database's.
    if db.backend == Backend::Postgres {
        ledger::lock_balance(&mut tx, claim.user_id, now).await?;
    }
    // Under the lock, again: the same claim sent twice at once (a phone's retry) is answered with
    // the claim the first one stored, not counted against the limits.
    if let Some(k) = key
        && let Some(id) = by_key(&mut tx, claim.user_id, k).await?
    {
        return submitted(&mut tx, claim.user_id, id).await;
    }
    if let Some(h) = holder(&mut tx, &doc_key).await? {
        let id = held(&h, claim.user_id, key)?;
        return submitted(&mut tx, claim.user_id, id).await;
    }
    let (today, month): (i64, i64) = sqlx::query_as(
        "SELECT COUNT(CASE WHEN submitted_at >= $2 THEN 1 END), COUNT(*) FROM receipt_claims \
         WHERE user_id = $1 AND submitted_at >= $3",
    )
    .bind(claim.user_id)
    .bind(day_start(now))
    .bind(month_start(now))
    .fetch_one(&mut *tx)
    .await?;
    if today >= settings.per_day {
        return Err(AppError::ReceiptLimit {
            max: settings.per_day,
            monthly: false,
        });
    }
    if month >= settings.per_month {
        return Err(AppError::ReceiptLimit {
            max: settings.per_month,
            monthly: true,
        });
    }
    let (qr_text, supplier) = match &claim.document {
        Document::Qr { text, .. } => (Some(text.clone()), None),
        Document::Invoice {
            supplier_tax_id, ..
        } => (None, supplier_tax_id.clone()),
    };
    // The document is taken here or not at all: a concurrent claim of the same document waits
    // on the unique key and then stores nothing.
    let id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO receipt_claims (user_id, company_id, source, document_key, qr_text, \
         supplier_tax_id, document_no, shop, document_at, total, status, expected_points, flags, \
         idempotency_key, submitted_at, updated_at) \
         VALUES ($1, (SELECT company_id FROM users WHERE id = $1), $2, $3, $4, $5, $6, $7, $8, \
         $9, 'waiting', $10, $11, $12, $13, $13) ON CONFLICT DO NOTHING RETURNING id",
    )
    .bind(claim.user_id)
    .bind(claim.document.source())
    .bind(&doc_key)
    .bind(qr_text)
    .bind(supplier)
    .bind(claim.document.number())
    .bind(&claim.shop)
    .bind(at)
    .bind(claim.document.total())
    .bind(expected)
    .bind(ReceiptFlag::join(&flags))
    .bind(key)
    .bind(now)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(id) = id else {
        drop(tx);
        let mut conn = db.pool.acquire().await?;
        if let Some(k) = key
            && let Some(id) = by_key(&mut conn, claim.user_id, k).await?
        {
            return submitted(&mut conn, claim.user_id, id).await;
        }
        let h = holder(&mut conn, &doc_key)
            .await?
            .ok_or(AppError::Internal)?;
        let id = held(&h, claim.user_id, key)?;
        return submitted(&mut conn, claim.user_id, id).await;
    };
    for v in &valued {
        let steps = serde_json::to_string(&v.steps).map_err(|_| AppError::Internal)?;
        sqlx::query(
            "INSERT INTO receipt_lines (claim_id, product_id, quantity, points, breakdown) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id)
        .bind(v.product_id)
        .bind(v.quantity)
        .bind(v.points)
        .bind(steps)
        .execute(&mut *tx)
        .await?;
    }
    let pending = if expected > 0 {
        let reason = Reason::ReceiptPending {
            claim: id,
            document: claim.document.number(),
        };
        ledger::append(
            &mut tx,
            NewEntry {
                receipt_claim_id: Some(id),
                ..NewEntry::new(claim.user_id, EntryKind::Pending, expected, &reason)
            },
            now,
        )
        .await?;
        ledger::pending(&mut tx, claim.user_id).await?
    } else {
        ledger::pending(&mut tx, claim.user_id).await?
    };
    tx.commit().await?;
    tracing::info!(
        claim = id,
        user = claim.user_id,
        expected,
        "receipt claimed"
    );
    Ok(Submitted {
        id,
        status: ReceiptStatus::Waiting,
        expected_points: expected,
        pending,
    })
}
