//! Orders after they are placed: their events, lists, one order, status moves and cancelling with a refund.

use super::*;

pub(super) async fn event(
    tx: &mut Transaction<'static, Any>,
    order_id: i64,
    status: OrderStatus,
    note: &str,
    actor: Option<i64>,
    now: i64,
) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO order_events (order_id, status, note, actor_id, at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(order_id)
    .bind(status.as_str())
    .bind(note)
    .bind(actor)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

const ORDER_COLUMNS: &str = "SELECT o.id, o.reward_id, o.title, o.kind, o.points, o.status, o.created_at, \
    o.updated_at, (SELECT v.code FROM vouchers v WHERE v.order_id = o.id) AS voucher, o.address, \
    o.tracking, o.certificate, pc.name AS company, u.name AS user_name, u.phone \
    FROM orders o JOIN users u ON u.id = o.user_id LEFT JOIN partner_companies pc ON pc.id = o.company_id";

/// One row of [`ORDER_COLUMNS`].
#[derive(sqlx::FromRow)]
struct OrderRow {
    id: i64,
    reward_id: i64,
    title: String,
    kind: RewardKind,
    points: i64,
    status: OrderStatus,
    created_at: i64,
    updated_at: i64,
    voucher: Option<String>,
    address: Option<String>,
    tracking: Option<String>,
    certificate: Option<String>,
    company: Option<String>,
    user_name: String,
    phone: Option<String>,
}

impl From<OrderRow> for OrderView {
    fn from(r: OrderRow) -> OrderView {
        OrderView {
            id: r.id,
            reward_id: r.reward_id,
            title: r.title,
            kind: r.kind,
            points: r.points,
            status: r.status,
            created_at: r.created_at,
            updated_at: r.updated_at,
            voucher: r.voucher,
            address: r.address,
            tracking: r.tracking,
            certificate: r.certificate,
            company: r.company,
            who: match r.phone {
                Some(p) => format!("{} ({p})", r.user_name),
                None => r.user_name,
            },
            events: Vec::new(),
        }
    }
}

/// Orders, newest first: one participant's (`user`), or everyone's matching the admin filters.
pub async fn orders(
    conn: &mut AnyConnection,
    user: Option<i64>,
    status: Option<OrderStatus>,
    kind: Option<RewardKind>,
    limit: i64,
) -> Result<Vec<OrderView>, AppError> {
    let rows = sqlx::query_as::<_, OrderRow>(&format!(
        "{ORDER_COLUMNS} WHERE ($1 < 0 OR o.user_id = $1) AND ($2 = '' OR o.status = $2) \
         AND ($3 = '' OR o.kind = $3) ORDER BY o.id DESC LIMIT $4"
    ))
    .bind(user.unwrap_or(-1))
    .bind(status.map_or("", OrderStatus::as_str))
    .bind(kind.map_or("", RewardKind::as_str))
    .bind(limit)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(OrderView::from).collect())
}

/// Company credit notes asked for by a company's people (what its partner manager sees).
pub async fn company_credits(
    conn: &mut AnyConnection,
    company_id: i64,
) -> Result<Vec<OrderView>, AppError> {
    let rows = sqlx::query_as::<_, OrderRow>(&format!(
        "{ORDER_COLUMNS} WHERE o.company_id = $1 AND o.kind = 'company_credit' ORDER BY o.id DESC LIMIT 100"
    ))
    .bind(company_id)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(OrderView::from).collect())
}

/// One step of an order's status history as [`order`] reads it. An unknown status is left out.
#[derive(sqlx::FromRow)]
struct OrderEventRow {
    status: String,
    note: String,
    at: i64,
}

/// One order with its status history; `user` limits it to that participant's own orders.
pub async fn order(
    conn: &mut AnyConnection,
    id: i64,
    user: Option<i64>,
) -> Result<OrderView, AppError> {
    let row = sqlx::query_as::<_, OrderRow>(&format!(
        "{ORDER_COLUMNS} WHERE o.id = $1 AND ($2 < 0 OR o.user_id = $2)"
    ))
    .bind(id)
    .bind(user.unwrap_or(-1))
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    let mut o = OrderView::from(row);
    let events = sqlx::query_as::<_, OrderEventRow>(
        "SELECT status, note, at FROM order_events WHERE order_id = $1 ORDER BY id",
    )
    .bind(id)
    .fetch_all(conn)
    .await?;
    o.events = events
        .into_iter()
        .filter_map(|e| {
            OrderStatus::parse(&e.status).map(|status| OrderEvent {
                status,
                note: e.note,
                at: e.at,
            })
        })
        .collect();
    Ok(o)
}

/// A status change with its order, as [`recent_events`] reads it. An unknown status is left out.
#[derive(sqlx::FromRow)]
struct OrderUpdateRow {
    order_id: i64,
    title: String,
    status: String,
    note: String,
    at: i64,
}

/// The latest status changes of a participant's orders, for Home's activity.
pub async fn recent_events(
    conn: &mut AnyConnection,
    user: i64,
    limit: i64,
) -> Result<Vec<OrderUpdate>, AppError> {
    let rows = sqlx::query_as::<_, OrderUpdateRow>(
        "SELECT o.id AS order_id, o.title, e.status, e.note, e.at FROM order_events e \
         JOIN orders o ON o.id = e.order_id WHERE o.user_id = $1 ORDER BY e.id DESC LIMIT $2",
    )
    .bind(user)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            OrderStatus::parse(&r.status).map(|status| OrderUpdate {
                order_id: r.order_id,
                title: r.title,
                event: OrderEvent {
                    status,
                    note: r.note,
                    at: r.at,
                },
            })
        })
        .collect())
}

/// What an admin sets when moving orders along.
#[derive(Clone, Debug, Default)]
pub struct Fulfilment {
    pub tracking: Option<String>,
    pub certificate: Option<String>,
    pub note: String,
}

/// Moves every order in `ids` to `to`, all or none: a single order that may not move (say, a
/// delivered one asked to go back to "shipped") refuses the whole batch and names it.
pub async fn set_status(
    db: &Db,
    actor: i64,
    ids: &[i64],
    to: OrderStatus,
    f: &Fulfilment,
    now: i64,
) -> Result<u64, AppError> {
    let mut tx = db.begin_write().await?;
    for &id in ids {
        let from: Option<String> = sqlx::query_scalar("SELECT status FROM orders WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
        let from = from
            .as_deref()
            .and_then(OrderStatus::parse)
            .ok_or(AppError::NotFound)?;
        if !from.can_move_to(to) {
            return Err(AppError::OrderCannotMove {
                order: id,
                from,
                to,
            });
        }
        // Conditional on the status just read: a concurrent change makes this touch nothing.
        let moved = sqlx::query(
            "UPDATE orders SET status = $1, updated_at = $2, tracking = COALESCE($3, tracking), \
             certificate = COALESCE($4, certificate) WHERE id = $5 AND status = $6",
        )
        .bind(to.as_str())
        .bind(now)
        .bind(f.tracking.as_deref())
        .bind(f.certificate.as_deref())
        .bind(id)
        .bind(from.as_str())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if moved != 1 {
            return Err(AppError::OrderCannotMove {
                order: id,
                from,
                to,
            });
        }
        event(&mut tx, id, to, &f.note, Some(actor), now).await?;
        audit::write(
            &mut tx,
            Some(actor),
            "order.status",
            &format!("order:{id}"),
            Some(&serde_json::json!({ "status": from.as_str() })),
            Some(&serde_json::json!({
                "status": to.as_str(), "tracking": f.tracking, "certificate": f.certificate, "note": f.note,
            })),
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(ids.len() as u64)
}

/// What happens to a cancelled order's voucher code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VoucherFate {
    /// The participant has seen it (it is on their order from the moment they ordered): it stays
    /// with the cancelled order, void, and is never handed to anyone else.
    Burn,
    /// The admin states the participant never saw it: it goes back to the pool (audited).
    Return,
}

/// The order as [`cancel`] reads it under the participant's balance lock.
#[derive(sqlx::FromRow)]
struct CancelledOrderRow {
    reward_id: i64,
    points: i64,
    status: OrderStatus,
    entry_id: Option<i64>,
    title: String,
}

/// Cancels an order: the points go back (a reversal entry), the stock returns to the pool, a
/// voucher code is burnt (or, on the admin's word, returned), the status history and the audit log
/// say who and why. One transaction; invariant: the refund equals the order's points, and a code
/// once shown is never free again unless the audit log records that the admin returned it.
pub async fn cancel(
    db: &Db,
    actor: i64,
    order_id: i64,
    reason: &str,
    fate: VoucherFate,
    now: i64,
) -> Result<i64, AppError> {
    let mut tx = db.begin_write().await?;
    let user: Option<i64> = sqlx::query_scalar("SELECT user_id FROM orders WHERE id = $1")
        .bind(order_id)
        .fetch_optional(&mut *tx)
        .await?;
    let user = user.ok_or(AppError::NotFound)?;
    // Same lock order as a redemption: the balance, then (through the stock update) the reward.
    ledger::lock_balance(&mut tx, user, now).await?;
    // An unknown status is a decoding error, answered as `Internal` like any database error.
    let CancelledOrderRow {
        reward_id,
        points,
        status: from,
        entry_id,
        title,
    } = sqlx::query_as::<_, CancelledOrderRow>(
        "SELECT reward_id, points, status, entry_id, title FROM orders WHERE id = $1",
    )
    .bind(order_id)
    .fetch_one(&mut *tx)
    .await?;
    if !from.can_cancel() {
        return Err(AppError::OrderCannotMove {
            order: order_id,
            from,
            to: OrderStatus::Cancelled,
        });
    }
    let text = crate::earn::reason::Reason::OrderRefund {
        order: order_id,
        title: title.clone(),
        note: reason.to_string(),
    };
    let refund = ledger::append(
        &mut tx,
        NewEntry {
            created_by: Some(actor),
            ref_entry_id: entry_id,
            order_id: Some(order_id),
            ..NewEntry::new(user, EntryKind::Reversal, points, &text)
        },
        now,
    )
    .await?;
    let voucher: Option<String> =
        sqlx::query_scalar("SELECT code FROM vouchers WHERE order_id = $1")
            .bind(order_id)
            .fetch_optional(&mut *tx)
            .await?;
    let returned = voucher.is_some() && fate == VoucherFate::Return;
    if returned {
        sqlx::query("UPDATE vouchers SET order_id = NULL WHERE order_id = $1")
            .bind(order_id)
            .execute(&mut *tx)
            .await?;
    }
    // A burnt code stays with its order, so the unit of stock it was is gone too.
    if voucher.is_none() || returned {
        sqlx::query(
            "UPDATE rewards SET stock = stock + 1, updated_at = $2 WHERE id = $1 AND stock IS NOT NULL",
        )
        .bind(reward_id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        tell_waiting_if_back(&mut tx, reward_id, now).await?;
    }
    sqlx::query("UPDATE orders SET status = 'cancelled', updated_at = $2 WHERE id = $1")
        .bind(order_id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    event(
        &mut tx,
        order_id,
        OrderStatus::Cancelled,
        reason,
        Some(actor),
        now,
    )
    .await?;
    audit::commit(
        tx,
        Some(actor),
        "order.cancel",
        &format!("order:{order_id}"),
        Some(&serde_json::json!({ "status": from.as_str(), "voucher": voucher })),
        Some(&serde_json::json!({
            "status": "cancelled", "refund": points, "reason": reason,
            "voucher": voucher.as_ref().map(|_| if returned { "returned" } else { "void" }),
        })),
        now,
    )
    .await?;
    Ok(refund.balance)
}
