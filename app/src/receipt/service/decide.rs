//! Deciding a claim: the moderator's approval (whole or in part), rejection or question, the
//! verification service's automatic approval, and the participant's answer.

use super::*;
/// The claim as a decision reads it, under its row lock.
#[derive(sqlx::FromRow)]
struct OpenClaimRow {
    user_id: i64,
    status: ReceiptStatus,
    expected_points: i64,
    document_at: i64,
    document_no: String,
}

#[derive(sqlx::FromRow)]
struct LineRow {
    id: i64,
    product_id: i64,
    quantity: i64,
    /// The line's value when it was claimed, and its steps.
    points: i64,
    breakdown: String,
}

/// What a decision changed, for the audit log.
#[derive(serde::Serialize)]
struct DecisionAudit {
    status: ReceiptStatus,
    final_points: Option<i64>,
    lines: Vec<(i64, i64)>,
    reason: Option<RejectReason>,
    note: Option<String>,
}

/// A moderator's decision on one claim. Invariant, in one transaction: a claim is decided once
/// (the status changes from open under the row's lock, so a second decision finds it decided);
/// on approval or rejection its pending points leave balances.pending in full, and on approval
/// the approved lines' points, valued again by the rules engine, are credited as one accrual.
/// Asking for more changes no points.
pub async fn decide(
    db: &Db,
    moderator: Option<i64>,
    claim_id: i64,
    decision: &Decision,
    now: i64,
) -> Result<(ReceiptStatus, Option<i64>), AppError> {
    let mut tx = db.begin_write().await?;
    let open = sqlx::query_as::<_, OpenClaimRow>(
        "UPDATE receipt_claims SET updated_at = $2 WHERE id = $1 \
         AND status IN ('waiting', 'needs_info') \
         RETURNING user_id, status, expected_points, document_at, document_no",
    )
    .bind(claim_id)
    .bind(now)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(open) = open else {
        let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM receipt_claims WHERE id = $1")
            .bind(claim_id)
            .fetch_optional(&mut *tx)
            .await?;
        return Err(match exists {
            Some(_) => AppError::AlreadyDecided,
            None => AppError::NotFound,
        });
    };
    if db.backend == Backend::Postgres {
        ledger::lock_balance(&mut tx, open.user_id, now).await?;
    }
    let before = DecisionAudit {
        status: open.status,
        final_points: None,
        lines: Vec::new(),
        reason: None,
        note: None,
    };
    let settle = |approved: bool| Reason::ReceiptChecked {
        claim: claim_id,
        document: open.document_no.clone(),
        approved,
    };
    let after = match decision {
        Decision::Ask { question } => {
            sqlx::query(
                "UPDATE receipt_claims SET status = 'needs_info', note = $2, decided_by = $3, \
                 seen_at = NULL WHERE id = $1",
            )
            .bind(claim_id)
            .bind(question)
            .bind(moderator)
            .execute(&mut *tx)
            .await?;
            DecisionAudit {
                status: ReceiptStatus::NeedsInfo,
                final_points: None,
                lines: Vec::new(),
                reason: None,
                note: Some(question.clone()),
            }
        }
        Decision::Reject { reason, note } => {
            release_pending(
                &mut tx,
                open.user_id,
                claim_id,
                open.expected_points,
                &settle(false),
                now,
            )
            .await?;
            sqlx::query(
                "UPDATE receipt_claims SET status = 'rejected', final_points = 0, \
                 reject_reason = $2, note = $3, decided_by = $4, decided_at = $5, seen_at = NULL \
                 WHERE id = $1",
            )
            .bind(claim_id)
            .bind(reason)
            .bind(note)
            .bind(moderator)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            DecisionAudit {
                status: ReceiptStatus::Rejected,
                final_points: Some(0),
                lines: Vec::new(),
                reason: Some(*reason),
                note: Some(note.clone()),
            }
        }
        Decision::Approve { quantities } => {
            let lines = sqlx::query_as::<_, LineRow>(
                "SELECT id, product_id, quantity, points, breakdown FROM receipt_lines \
                 WHERE claim_id = $1 ORDER BY id",
            )
            .bind(claim_id)
            .fetch_all(&mut *tx)
            .await?;
            // Each line as approved: the moderator may lower a quantity or remove a line
            // (0), never raise it above what was claimed.
            let mut approved = Vec::with_capacity(lines.len());
            for l in &lines {
                let q = quantities
                    .iter()
                    .find(|(id, _)| *id == l.id)
                    .map_or(l.quantity, |(_, q)| *q);
                if !(0..=l.quantity).contains(&q) {
                    return Err(AppError::Invalid {
                        field: Field::Quantity,
                    });
                }
                approved.push(q);
            }
            if quantities
                .iter()
                .any(|(id, _)| !lines.iter().any(|l| l.id == *id))
            {
                return Err(AppError::Invalid {
                    field: Field::Lines,
                });
            }
            let facts = claimant(&mut tx, open.user_id, now, Earning::AsTheyAre).await?;
            let ids: Vec<i64> = lines.iter().map(|l| l.product_id).collect();
            let products = line_products(&mut tx, &ids, false).await?;
            // The daily cap counted once, on the day the purchase was claimed (a moderator's
            // day is not the participant's): a line it trimmed then is worth no more now.
            let program = program_rules(&mut tx).await?;
            let uncapped = rules::ProgramRules {
                daily_cap: None,
                ..program.clone()
            };
            let running = campaigns(&mut tx, CampaignsAt::RunningAt(open.document_at)).await?;
            let mut total = 0i64;
            let mut all_steps = Vec::new();
            for ((line, product), q) in lines.iter().zip(&products).zip(&approved) {
                let (points, steps) = if *q == 0 {
                    (0, Vec::new())
                } else {
                    let mut award = award_for(
                        &mut tx,
                        &product.facts,
                        product.rate,
                        &facts.who,
                        &uncapped,
                        running.clone(),
                        0,
                        open.document_at,
                        *q,
                    )
                    .await?;
                    let claimed: Vec<rules::Line> =
                        serde_json::from_str(&line.breakdown).unwrap_or_default();
                    let cap = claimed.iter().find_map(|l| match l.step {
                        rules::Step::DailyCap { cap } => Some(cap),
                        _ => None,
                    });
                    if let Some(cap) = cap
                        && award.total > line.points
                    {
                        let cut = award.total - line.points;
                        award.total = line.points;
                        award.lines.push(rules::Line {
                            step: rules::Step::DailyCap { cap },
                            factor: None,
                            points: -cut,
                            limited: false,
                        });
                        // Campaigns are charged only for what is credited.
                        let mut excess = cut;
                        for (_, spent) in award.campaign_spend.iter_mut().rev() {
                            let take = excess.min(*spent);
                            *spent -= take;
                            excess -= take;
                        }
                    }
                    for (campaign, spent) in award.campaign_spend.iter().filter(|c| c.1 > 0) {
                        sqlx::query("UPDATE campaigns SET spent = spent + $1 WHERE id = $2")
                            .bind(spent)
                            .bind(campaign)
                            .execute(&mut *tx)
                            .await?;
                    }
                    (award.total, award.lines)
                };
                total += points;
                all_steps.extend(steps.iter().cloned());
                let steps = serde_json::to_string(&steps).map_err(|_| AppError::Internal)?;
                sqlx::query(
                    "UPDATE receipt_lines SET approved_quantity = $2, points = $3, breakdown = $4 \
                     WHERE id = $1",
                )
                .bind(line.id)
                .bind(q)
                .bind(points)
                .bind(steps)
                .execute(&mut *tx)
                .await?;
            }
            release_pending(
                &mut tx,
                open.user_id,
                claim_id,
                open.expected_points,
                &settle(true),
                now,
            )
            .await?;
            if total > 0 {
                let reason = Reason::Receipt {
                    claim: claim_id,
                    document: open.document_no.clone(),
                };
                let breakdown =
                    serde_json::to_string(&all_steps).map_err(|_| AppError::Internal)?;
                ledger::append(
                    &mut tx,
                    NewEntry {
                        receipt_claim_id: Some(claim_id),
                        breakdown: Some(&breakdown),
                        ..NewEntry::new(open.user_id, EntryKind::Accrual, total, &reason)
                    },
                    now,
                )
                .await?;
            }
            sqlx::query(
                "UPDATE receipt_claims SET status = 'approved', final_points = $2, note = NULL, \
                 decided_by = $3, decided_at = $4, seen_at = NULL WHERE id = $1",
            )
            .bind(claim_id)
            .bind(total)
            .bind(moderator)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            DecisionAudit {
                status: ReceiptStatus::Approved,
                final_points: Some(total),
                lines: lines.iter().map(|l| l.id).zip(approved).collect(),
                reason: None,
                note: None,
            }
        }
    };
    let action = match after.status {
        ReceiptStatus::Approved => "receipt.approve",
        ReceiptStatus::Rejected => "receipt.reject",
        _ => "receipt.ask",
    };
    let result = (after.status, after.final_points);
    crate::audit::commit(
        tx,
        moderator,
        action,
        &format!("receipt_claim:{claim_id}"),
        Some(&before),
        Some(&after),
        now,
    )
    .await?;
    Ok(result)
}

/// After a QR claim is stored: asks the verification service once, keeps its answer on the
/// claim for the moderator, and approves the claim without a person when the settings allow it
/// (see [`crate::receipt::verify::AutoApproval`]); `draw` is the spot check's random number in 0..1000.
pub async fn verify_and_maybe_approve(
    db: &Db,
    verifier: &dyn crate::receipt::verify::ReceiptVerifier,
    claim_id: i64,
    qr: &FiscalQr,
    draw: i64,
    now: i64,
) -> Result<crate::domain::Verification, AppError> {
    use crate::settings::setting;
    let mut conn = db.pool.acquire().await?;
    let asked: Option<Option<crate::domain::Verification>> =
        sqlx::query_scalar("SELECT verification FROM receipt_claims WHERE id = $1")
            .bind(claim_id)
            .fetch_optional(&mut *conn)
            .await?;
    match asked {
        None => return Err(AppError::NotFound),
        // Asked already (the same claim sent again): once is enough.
        Some(Some(v)) => return Ok(v),
        Some(None) => {}
    }
    drop(conn);
    let v = verifier.verify(qr).await;
    let mut conn = db.pool.acquire().await?;
    sqlx::query("UPDATE receipt_claims SET verification = $2 WHERE id = $1")
        .bind(claim_id)
        .bind(v)
        .execute(&mut *conn)
        .await?;
    let auto = crate::receipt::verify::AutoApproval {
        on: setting(&mut conn, "receipt.auto_approve").await? == Some(1),
        spot_check_permille: setting(&mut conn, "receipt.spot_check_permille")
            .await?
            .unwrap_or(50)
            .clamp(0, 1000),
    };
    let flags: String = sqlx::query_scalar("SELECT flags FROM receipt_claims WHERE id = $1")
        .bind(claim_id)
        .fetch_one(&mut *conn)
        .await?;
    drop(conn);
    if auto.approves(v, !flags.is_empty(), draw) {
        let approve = Decision::Approve {
            quantities: Vec::new(),
        };
        match decide(db, None, claim_id, &approve, now).await {
            // A person was quicker: their decision stands.
            Ok(_) | Err(AppError::AlreadyDecided) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(v)
}

/// Takes a decided claim's pending points out of pending, in full.
async fn release_pending(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    user_id: i64,
    claim_id: i64,
    expected: i64,
    reason: &Reason,
    now: i64,
) -> Result<(), AppError> {
    if expected == 0 {
        return Ok(());
    }
    ledger::append(
        tx,
        NewEntry {
            receipt_claim_id: Some(claim_id),
            ..NewEntry::new(user_id, EntryKind::Pending, -expected, reason)
        },
        now,
    )
    .await?;
    Ok(())
}

/// The participant's answer to the moderator's question: the claim goes back to the queue.
pub async fn answer(
    db: &Db,
    user_id: i64,
    claim_id: i64,
    answer: &str,
    now: i64,
) -> Result<(), AppError> {
    let mut tx = db.begin_write().await?;
    let done = sqlx::query(
        "UPDATE receipt_claims SET status = 'waiting', answer = $3, updated_at = $4 \
         WHERE id = $1 AND user_id = $2 AND status = 'needs_info'",
    )
    .bind(claim_id)
    .bind(user_id)
    .bind(answer)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        let status: Option<ReceiptStatus> =
            sqlx::query_scalar("SELECT status FROM receipt_claims WHERE id = $1 AND user_id = $2")
                .bind(claim_id)
                .bind(user_id)
                .fetch_optional(&mut *tx)
                .await?;
        return Err(match status {
            None => AppError::NotFound,
            Some(_) => AppError::AlreadyDecided,
        });
    }
    tx.commit().await?;
    Ok(())
}
