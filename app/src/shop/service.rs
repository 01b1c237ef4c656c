//! The shop's SQL: what a participant may see and buy, redemption in one transaction, order status
//! changes and cancellation with a refund. Lock order everywhere: the participant's balance row
//! first, then the reward row — so two transactions never wait on each other in a circle.

use super::model::*;
use crate::audit;
use crate::domain::{CompanyStatus, EntryKind, OrderStatus, RewardKind, Tier};
use crate::earn::ledger::{self, NewEntry};
use crate::error::AppError;
use crate::state::Db;
use sqlx::{Any, AnyConnection, Row, Transaction};

/// What decides which rewards a participant sees and may order.
#[derive(Clone, Debug)]
pub struct Shopper {
    pub user_id: i64,
    pub company_id: Option<i64>,
    pub company_kind: Option<String>,
    pub tier: Tier,
    /// A suspended company's people keep their points but cannot order.
    pub company_suspended: bool,
}

/// [`shopper`]'s columns: the participant's company, its kind and status.
#[derive(sqlx::FromRow)]
struct ShopperRow {
    company_id: Option<i64>,
    kind: Option<String>,
    status: Option<CompanyStatus>,
}

pub async fn shopper(
    conn: &mut AnyConnection,
    user_id: i64,
    now: i64,
) -> Result<Shopper, AppError> {
    let row = sqlx::query_as::<_, ShopperRow>(
        "SELECT u.company_id, c.kind, c.status FROM users u LEFT JOIN partner_companies c ON c.id = u.company_id \
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
    })
}

/// [`shopper`] on a connection of its own, for server functions that then write.
pub async fn shopper_of(db: &Db, user_id: i64, now: i64) -> Result<Shopper, AppError> {
    let mut conn = db.pool.acquire().await?;
    shopper(&mut conn, user_id, now).await
}

const CARD_COLUMNS: &str = "SELECT r.id, r.title, c.name, COALESCE(c.icon, '') AS icon, r.kind, \
    r.price_points, r.stock, r.image, r.min_tier, r.created_at, \
    (SELECT COUNT(*) FROM orders o WHERE o.reward_id = r.id AND o.status <> 'cancelled') AS ordered, \
    r.description, r.after_order, c.code \
    FROM rewards r LEFT JOIN reward_categories c ON c.id = r.category_id";

/// The visibility rule in SQL: active, inside its date window, and for the caller's company type.
const VISIBLE: &str = "r.active = 1 AND (r.starts_at IS NULL OR r.starts_at <= $1) \
    AND (r.ends_at IS NULL OR r.ends_at > $1) AND (r.company_kind IS NULL OR r.company_kind = $2)";

/// One row of [`CARD_COLUMNS`]: a reward with its category's name, icon and code.
#[derive(sqlx::FromRow)]
struct CardRow {
    id: i64,
    title: String,
    name: Option<String>,
    icon: String,
    kind: RewardKind,
    price_points: i64,
    stock: Option<i64>,
    image: Option<String>,
    min_tier: String,
    created_at: i64,
    ordered: i64,
    description: String,
    after_order: String,
    code: Option<String>,
}

impl CardRow {
    /// The card as someone with `balance` points sees it, with the reward's description and
    /// what happens after ordering it.
    fn into_reward(self, balance: i64) -> (RewardCard, String, String) {
        let card = RewardCard {
            id: self.id,
            title: self.title,
            category: self.name,
            icon: self.icon,
            kind: self.kind,
            price: self.price_points,
            stock: self.stock,
            image: self.image,
            min_tier: Tier::parse(&self.min_tier).unwrap_or(Tier::Base),
            missing: (self.price_points - balance).max(0),
            created_at: self.created_at,
            ordered: self.ordered,
        };
        (card, self.description, self.after_order)
    }
}

/// A reward category as [`categories`] reads it.
#[derive(sqlx::FromRow)]
struct CategoryChipRow {
    code: String,
    name: String,
    icon: String,
}

pub async fn categories(conn: &mut AnyConnection) -> Result<Vec<CategoryChip>, AppError> {
    let rows = sqlx::query_as::<_, CategoryChipRow>(
        "SELECT code, name, icon FROM reward_categories ORDER BY position, id",
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| CategoryChip {
            code: r.code,
            name: r.name,
            icon: r.icon,
        })
        .collect())
}

#[allow(clippy::too_many_arguments)]
/// The catalog for one participant: visible rewards of a category, matching a search, sorted.
/// Filtering by words happens here rather than in SQL so that case folding is the same for every
/// alphabet on both databases (SQLite's LOWER knows only ASCII); a program's catalog is hundreds
/// of rewards, not millions.
pub async fn catalog(
    conn: &mut AnyConnection,
    who: &Shopper,
    balance: i64,
    category: Option<&str>,
    search: Option<&str>,
    sort: Sort,
    affordable_only: bool,
    now: i64,
) -> Result<Vec<RewardCard>, AppError> {
    let rows = sqlx::query_as::<_, CardRow>(&format!("{CARD_COLUMNS} WHERE {VISIBLE}"))
        .bind(now)
        .bind(who.company_kind.clone().unwrap_or_default())
        .fetch_all(conn)
        .await?;
    let words: Vec<String> = search
        .unwrap_or("")
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    let mut cards = Vec::new();
    for row in rows {
        if category.is_some_and(|c| row.code.as_deref() != Some(c)) {
            continue;
        }
        if !words.is_empty() {
            let hay = format!("{} {}", row.title, row.description).to_lowercase();
            if !words.iter().all(|w| hay.contains(w.as_str())) {
                continue;
            }
        }
        let (card, _, _) = row.into_reward(balance);
        if affordable_only && card.missing > 0 {
            continue;
        }
        cards.push(card);
    }
    match sort {
        Sort::Popular => cards.sort_by(|a, b| b.ordered.cmp(&a.ordered).then(a.id.cmp(&b.id))),
        Sort::New => cards.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.id.cmp(&a.id))),
        Sort::PriceLow => cards.sort_by(|a, b| a.price.cmp(&b.price).then(a.id.cmp(&b.id))),
        Sort::PriceHigh => cards.sort_by(|a, b| b.price.cmp(&a.price).then(a.id.cmp(&b.id))),
    }
    Ok(cards)
}

/// One visible reward with its page's details; `NotFound` for a reward the caller may not see.
pub async fn reward(
    conn: &mut AnyConnection,
    who: &Shopper,
    balance: i64,
    id: i64,
    now: i64,
) -> Result<(RewardCard, String, String), AppError> {
    let row =
        sqlx::query_as::<_, CardRow>(&format!("{CARD_COLUMNS} WHERE {VISIBLE} AND r.id = $3"))
            .bind(now)
            .bind(who.company_kind.clone().unwrap_or_default())
            .bind(id)
            .fetch_optional(conn)
            .await?
            .ok_or(AppError::NotFound)?;
    Ok(row.into_reward(balance))
}

/// A saved address as [`addresses`] reads it.
#[derive(sqlx::FromRow)]
struct AddressRow {
    id: i64,
    recipient: String,
    phone: String,
    line: String,
    city: String,
    postcode: String,
}

pub async fn addresses(conn: &mut AnyConnection, user_id: i64) -> Result<Vec<Address>, AppError> {
    let rows = sqlx::query_as::<_, AddressRow>(
        "SELECT id, recipient, phone, line, city, postcode FROM addresses WHERE user_id = $1 \
         ORDER BY id DESC LIMIT 10",
    )
    .bind(user_id)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Address {
            id: r.id,
            recipient: r.recipient,
            phone: r.phone,
            line: r.line,
            city: r.city,
            postcode: r.postcode,
        })
        .collect())
}

/// Where a physical good goes: one of the caller's saved addresses, or a new one (saved for next
/// time).
#[derive(Clone, Debug)]
pub enum Delivery {
    Saved(i64),
    New(NewAddress),
}

/// A redemption's outcome: the order, and whether this call made it (false: the idempotency key
/// had already made it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Redeemed {
    pub order_id: i64,
    pub created: bool,
}

/// The reward as [`redeem`] reads it under its row lock.
#[derive(sqlx::FromRow)]
struct LockedRewardRow {
    title: String,
    kind: RewardKind,
    price_points: i64,
    stock: Option<i64>,
    active: i64,
    starts_at: Option<i64>,
    ends_at: Option<i64>,
    min_tier: String,
    company_kind: Option<String>,
}

/// Orders `reward_id` for the shopper, all or nothing in one transaction: the balance debit (a
/// redemption entry), the stock decrement, the voucher hand-over, the order and its first status
/// events. The same `key` from the same person always yields the same single order.
pub async fn redeem(
    db: &Db,
    who: &Shopper,
    reward_id: i64,
    key: Option<&str>,
    delivery: Option<Delivery>,
    now: i64,
) -> Result<Redeemed, AppError> {
    let user = who.user_id;
    let key = key
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .map(|k| format!("{user}:{k}"));
    let mut tx = db.begin_write().await?;
    // Serialises this participant's money movements (and so their retries of one key).
    let balance = ledger::lock_balance(&mut tx, user, now).await?;
    if let Some(key) = &key {
        let existing: Option<i64> =
            sqlx::query_scalar("SELECT id FROM orders WHERE idempotency_key = $1")
                .bind(key)
                .fetch_optional(&mut *tx)
                .await?;
        if let Some(order_id) = existing {
            tx.rollback().await?;
            return Ok(Redeemed {
                order_id,
                created: false,
            });
        }
    }
    // Takes the reward's row lock and reads it as it is now: every redemption of one reward
    // queues here, which keeps stock and the voucher pool exact.
    let LockedRewardRow {
        title,
        kind,
        price_points: price,
        stock,
        active,
        starts_at: starts,
        ends_at: ends,
        min_tier,
        company_kind,
    } = sqlx::query_as::<_, LockedRewardRow>(
        "UPDATE rewards SET updated_at = updated_at WHERE id = $1 RETURNING title, kind, \
         price_points, stock, active, starts_at, ends_at, min_tier, company_kind",
    )
    .bind(reward_id)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    if company_kind.is_some() && company_kind != who.company_kind {
        return Err(AppError::NotFound);
    }
    if active == 0 || starts.is_some_and(|s| s > now) || ends.is_some_and(|e| e <= now) {
        return Err(AppError::RewardWithdrawn);
    }
    let needed = Tier::parse(&min_tier).unwrap_or(Tier::Base);
    if who.tier < needed {
        return Err(AppError::TierTooLow { needed });
    }
    if stock == Some(0) {
        return Err(AppError::OutOfStock);
    }
    if balance < price {
        return Err(AppError::NotEnoughPoints {
            missing: price - balance,
        });
    }
    // A credit note goes to the participant's company; without one there is nothing to credit.
    let company = (kind == RewardKind::CompanyCredit)
        .then_some(who.company_id)
        .flatten();
    if kind == RewardKind::CompanyCredit && company.is_none() {
        return Err(AppError::NotFound);
    }
    let address = match (kind, delivery) {
        (RewardKind::Physical, Some(Delivery::Saved(id))) => {
            let a = addresses(&mut tx, user)
                .await?
                .into_iter()
                .find(|a| a.id == id)
                .ok_or(AppError::Invalid {
                    field: crate::error::Field::SavedAddress,
                })?;
            Some(a.one_line())
        }
        (RewardKind::Physical, Some(Delivery::New(a))) => {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO addresses (user_id, recipient, phone, line, city, postcode, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            )
            .bind(user)
            .bind(&a.recipient)
            .bind(&a.phone)
            .bind(&a.line)
            .bind(&a.city)
            .bind(&a.postcode)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            Some(
                Address {
                    id,
                    recipient: a.recipient,
                    phone: a.phone,
                    line: a.line,
                    city: a.city,
                    postcode: a.postcode,
                }
                .one_line(),
            )
        }
        (RewardKind::Physical, None) => return Err(AppError::AddressNeeded),
        _ => None,
    };
    if stock.is_some() {
        sqlx::query("UPDATE rewards SET stock = stock - 1 WHERE id = $1")
            .bind(reward_id)
            .execute(&mut *tx)
            .await?;
    }
    let status = kind.status_on_order();
    let order_id: i64 = sqlx::query_scalar(
        "INSERT INTO orders (user_id, reward_id, points, status, idempotency_key, created_at, \
         updated_at, title, kind, address, company_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(user)
    .bind(reward_id)
    .bind(price)
    .bind(status.as_str())
    .bind(key.as_deref())
    .bind(now)
    .bind(&title)
    .bind(kind.as_str())
    .bind(address.as_deref())
    .bind(company)
    .fetch_one(&mut *tx)
    .await?;
    if kind == RewardKind::Voucher {
        // The reward row lock makes this pick race-free: nobody else is handing out this
        // reward's vouchers until we commit.
        let code: Option<String> = sqlx::query_scalar(
            "UPDATE vouchers SET order_id = $1 WHERE id = \
             (SELECT MIN(id) FROM vouchers WHERE reward_id = $2 AND order_id IS NULL) \
             AND order_id IS NULL RETURNING code",
        )
        .bind(order_id)
        .bind(reward_id)
        .fetch_optional(&mut *tx)
        .await?;
        if code.is_none() {
            return Err(AppError::OutOfStock);
        }
    }
    let reason = format!("Order #{order_id} · {title}");
    let entry = ledger::append(
        &mut tx,
        NewEntry {
            order_id: Some(order_id),
            ..NewEntry::new(user, EntryKind::Redemption, -price, &reason)
        },
        now,
    )
    .await?;
    sqlx::query("UPDATE orders SET entry_id = $1 WHERE id = $2")
        .bind(entry.id)
        .bind(order_id)
        .execute(&mut *tx)
        .await?;
    event(&mut tx, order_id, OrderStatus::Placed, "", Some(user), now).await?;
    if status != OrderStatus::Placed {
        event(&mut tx, order_id, status, "", None, now).await?;
    }
    tx.commit().await?;
    Ok(Redeemed {
        order_id,
        created: true,
    })
}

async fn event(
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
    let text = format!("Refund: order #{order_id} · {title} cancelled ({reason})");
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

/// Pins `reward_id` as the participant's savings goal (`None` clears it).
pub async fn set_goal(
    db: &Db,
    who: &Shopper,
    reward_id: Option<i64>,
    now: i64,
) -> Result<(), AppError> {
    let mut conn = db.pool.acquire().await?;
    match reward_id {
        None => {
            sqlx::query("DELETE FROM savings_goals WHERE user_id = $1")
                .bind(who.user_id)
                .execute(&mut *conn)
                .await?;
        }
        Some(id) => {
            // Only a reward the participant can see.
            reward(&mut conn, who, 0, id, now).await?;
            sqlx::query(
                "INSERT INTO savings_goals (user_id, reward_id, set_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (user_id) DO UPDATE SET reward_id = $2, set_at = $3",
            )
            .bind(who.user_id)
            .bind(id)
            .bind(now)
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(())
}

pub async fn goal_id(conn: &mut AnyConnection, user: i64) -> Result<Option<i64>, AppError> {
    Ok(
        sqlx::query_scalar("SELECT reward_id FROM savings_goals WHERE user_id = $1")
            .bind(user)
            .fetch_optional(conn)
            .await?,
    )
}

/// The pinned reward as [`goal_progress`] reads it.
#[derive(sqlx::FromRow)]
struct GoalRow {
    id: i64,
    title: String,
    price_points: i64,
}

/// The product a participant claimed most over the last 90 days, with how many units and points.
#[derive(sqlx::FromRow)]
struct UsualProductRow {
    name: String,
    units: i64,
    points: i64,
}

/// The goal's progress for Home, with the participant's usual product over the last 90 days.
pub async fn goal_progress(
    conn: &mut AnyConnection,
    user: i64,
    balance: i64,
    now: i64,
) -> Result<Option<GoalProgress>, AppError> {
    let goal = sqlx::query_as::<_, GoalRow>(
        "SELECT r.id, r.title, r.price_points FROM savings_goals g JOIN rewards r ON r.id = g.reward_id \
         WHERE g.user_id = $1",
    )
    .bind(user)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(GoalRow {
        id: reward_id,
        title,
        price_points: price,
    }) = goal
    else {
        return Ok(None);
    };
    let usual = sqlx::query_as::<_, UsualProductRow>(
        "SELECT p.name, COUNT(*) AS units, CAST(SUM(e.points) AS BIGINT) AS points FROM ledger_entries e \
         JOIN unit_codes u ON u.id = e.unit_code_id JOIN products p ON p.id = u.product_id \
         WHERE e.user_id = $1 AND e.kind = 'accrual' AND e.created_at >= $2 \
         GROUP BY p.id, p.name ORDER BY COUNT(*) DESC, p.id LIMIT 1",
    )
    .bind(user)
    .bind(now - 90 * 86_400)
    .fetch_optional(&mut *conn)
    .await?;
    let missing = (price - balance).max(0);
    Ok(Some(GoalProgress {
        reward_id,
        title,
        price,
        balance,
        usual: usual.and_then(|p| {
            units_to_cover(missing, if p.units > 0 { p.points / p.units } else { 0 })
                .map(|u| (p.name, u))
        }),
    }))
}

/// A reward's stock and active flag, as [`tell_waiting_if_back`] reads them.
#[derive(sqlx::FromRow)]
struct RewardStockRow {
    stock: Option<i64>,
    active: i64,
}

/// Tells everyone waiting for `reward_id` that it is back, if it is: called in the transaction
/// that raised its stock, after the raise. Invariant: when the reward's stock is above 0 (or
/// unlimited), each waiting person gets exactly one notice and stops waiting, in this same
/// transaction; a reward still sold out changes nothing. Returns how many were told.
pub async fn tell_waiting_if_back(
    tx: &mut Transaction<'_, Any>,
    reward_id: i64,
    now: i64,
) -> Result<u64, AppError> {
    // A withdrawn reward tells no one yet: they are told when it is active and in stock.
    let found =
        sqlx::query_as::<_, RewardStockRow>("SELECT stock, active FROM rewards WHERE id = $1")
            .bind(reward_id)
            .fetch_optional(&mut **tx)
            .await?;
    match found {
        Some(RewardStockRow {
            stock: Some(n),
            active: 1,
        }) if n > 0 => {}
        Some(RewardStockRow {
            stock: None,
            active: 1,
        }) => {}
        _ => return Ok(0),
    }
    let told = sqlx::query(
        "INSERT INTO notices (user_id, kind, reward_id, created_at) \
         SELECT user_id, 'back_in_stock', reward_id, $2 FROM stock_alerts WHERE reward_id = $1",
    )
    .bind(reward_id)
    .bind(now)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    sqlx::query("DELETE FROM stock_alerts WHERE reward_id = $1")
        .bind(reward_id)
        .execute(&mut **tx)
        .await?;
    Ok(told)
}

/// The participant's notices not yet dismissed, newest first.
pub async fn notices(conn: &mut AnyConnection, user: i64) -> Result<Vec<Notice>, AppError> {
    let rows = sqlx::query(
        "SELECT n.id, n.reward_id, r.title, n.created_at FROM notices n \
         JOIN rewards r ON r.id = n.reward_id \
         WHERE n.user_id = $1 AND n.dismissed_at IS NULL ORDER BY n.id DESC LIMIT 10",
    )
    .bind(user)
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Notice {
                id: r.try_get("id")?,
                reward_id: r.try_get("reward_id")?,
                title: r.try_get("title")?,
                at: r.try_get("created_at")?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(AppError::from)
}

/// Dismisses one of the participant's own notices (someone else's answers "not found").
pub async fn dismiss_notice(db: &Db, user: i64, id: i64, now: i64) -> Result<(), AppError> {
    let mut conn = db.pool.acquire().await?;
    let done = sqlx::query(
        "UPDATE notices SET dismissed_at = COALESCE(dismissed_at, $3) WHERE id = $1 AND user_id = $2",
    )
    .bind(id)
    .bind(user)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// "Tell me when it is back": stored once per participant and reward.
pub async fn notify_me(db: &Db, who: &Shopper, reward_id: i64, now: i64) -> Result<(), AppError> {
    let mut conn = db.pool.acquire().await?;
    reward(&mut conn, who, 0, reward_id, now).await?;
    sqlx::query(
        "INSERT INTO stock_alerts (user_id, reward_id, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (user_id, reward_id) DO NOTHING",
    )
    .bind(who.user_id)
    .bind(reward_id)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn notify_requested(
    conn: &mut AnyConnection,
    user: i64,
    reward_id: i64,
) -> Result<bool, AppError> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM stock_alerts WHERE user_id = $1 AND reward_id = $2",
    )
    .bind(user)
    .bind(reward_id)
    .fetch_one(conn)
    .await?;
    Ok(n > 0)
}
