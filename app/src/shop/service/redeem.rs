//! Ordering a reward: one transaction with a fixed lock order (the balance, then the reward).

use super::*;

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
    // The order keeps the title the participant read when ordering.
    let title = crate::content::text_in(&mut tx, "reward", reward_id, "title", who.lang)
        .await?
        .unwrap_or(title);
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
    let reason = crate::earn::reason::Reason::Order {
        order: order_id,
        title: title.to_string(),
    };
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
