//! The hobby shop: rewards for participants' free time, paid in points. Browsing, the savings
//! goal, redemption in one transaction, orders and their history; the admin side lives in
//! [`admin`].

pub mod admin;
#[cfg(feature = "ssr")]
pub mod media;
pub mod model;
mod pages;
#[cfg(feature = "ssr")]
pub mod service;

#[cfg(feature = "ssr")]
use crate::call::Call;
pub use admin::{AdminOrderPage, AdminOrdersPage, AdminRewardsPage};
pub use pages::{GoalCard, OrderPage, OrdersPage, RewardPage, ShopPage};

use crate::error::AppError;
use leptos::prelude::*;
use model::{OrderView, RewardDetail, ShopData};

#[cfg(feature = "ssr")]
const REFUSALS: crate::state::RateLimit = crate::state::RateLimit {
    max: 20,
    window_secs: 10 * 60,
};

/// The catalog for the signed-in participant: a category (`cat` code), words to search (`q`), a
/// sort (`popular`, `new`, `price`, `price_desc`) and "only what I can afford" (`afford` = `1`).
#[server(prefix = "/api", endpoint = "shop/catalog")]
pub async fn catalog(
    cat: Option<String>,
    q: Option<String>,
    sort: Option<String>,
    afford: Option<String>,
) -> Result<ShopData, AppError> {
    let call = Call::new(crate::call::PARTICIPANTS)?;
    let now = call.now;
    let mut conn = call.conn().await?;
    let who = service::shopper(&mut conn, call.user.id, now).await?;
    let balance = crate::earn::ledger::balance(&mut conn, call.user.id).await?;
    let cat = cat.filter(|c| !c.trim().is_empty());
    let q = q.map(|q| q.chars().take(100).collect::<String>());
    let rewards = service::catalog(
        &mut conn,
        &who,
        balance,
        cat.as_deref(),
        q.as_deref(),
        model::Sort::parse(sort.as_deref().unwrap_or("")),
        afford.is_some_and(|a| !a.is_empty() && a != "0"),
        now,
        call.lang(),
    )
    .await?;
    Ok(ShopData {
        balance,
        tier: who.tier,
        categories: service::categories(&mut conn, call.lang()).await?,
        rewards,
        goal: service::goal_id(&mut conn, call.user.id).await?,
    })
}

/// One reward's page, with a fresh idempotency key for its confirm form.
#[server(prefix = "/api", endpoint = "shop/reward")]
pub async fn reward(id: i64) -> Result<RewardDetail, AppError> {
    let call = Call::new(crate::call::PARTICIPANTS)?;
    let now = call.now;
    let mut conn = call.conn().await?;
    let who = service::shopper(&mut conn, call.user.id, now).await?;
    let balance = crate::earn::ledger::balance(&mut conn, call.user.id).await?;
    let (card, description, after_order) =
        service::reward(&mut conn, &who, balance, id, now, call.lang()).await?;
    let key = {
        use rand::RngCore;
        let mut b = [0u8; 16];
        rand::thread_rng().fill_bytes(&mut b);
        hex::encode(b)
    };
    Ok(RewardDetail {
        description,
        after_order,
        balance,
        tier: who.tier,
        addresses: service::addresses(&mut conn, call.user.id).await?,
        notify_requested: service::notify_requested(&mut conn, call.user.id, id).await?,
        is_goal: service::goal_id(&mut conn, call.user.id).await? == Some(id),
        card,
        key,
    })
}

/// Orders a reward. `key` is the confirm screen's idempotency key: sending it again (a double tap,
/// a retry) returns the same order. A physical good needs an address: `address_id` (a saved one)
/// or the new-address fields. Refusals: `not_enough_points` (with `missing`), `out_of_stock`,
/// `tier_too_low`, `reward_withdrawn`, `address_needed`.
#[server(prefix = "/api", endpoint = "shop/redeem")]
#[allow(clippy::too_many_arguments)]
pub async fn redeem(
    reward_id: i64,
    key: Option<String>,
    address_id: Option<String>,
    recipient: Option<String>,
    phone: Option<String>,
    line: Option<String>,
    city: Option<String>,
    postcode: Option<String>,
) -> Result<OrderView, AppError> {
    let call = Call::new(crate::call::PARTICIPANTS)?;
    let now = call.now;
    let db = call.db().clone();
    let bucket = format!("redeem:user:{}", call.user.id);
    let who = {
        let mut conn = db.pool.acquire().await?;
        crate::limits::check(&mut conn, &bucket, REFUSALS, now).await?;
        service::Shopper {
            lang: call.lang(),
            ..service::shopper(&mut conn, call.user.id, now).await?
        }
    };
    if who.company_suspended {
        return Err(AppError::CompanySuspended);
    }
    if key.as_ref().is_some_and(|k| k.len() > 64) {
        return Err(AppError::Invalid {
            field: crate::error::Field::Key,
        });
    }
    let delivery = match address_id.as_deref().map(str::trim) {
        Some(id) if !id.is_empty() && id != "new" => {
            Some(service::Delivery::Saved(id.parse().map_err(|_| {
                AppError::Invalid {
                    field: crate::error::Field::SavedAddress,
                }
            })?))
        }
        _ if recipient.as_deref().is_some_and(|r| !r.trim().is_empty()) => {
            Some(service::Delivery::New(model::NewAddress::parse(
                recipient.as_deref().unwrap_or(""),
                phone.as_deref().unwrap_or(""),
                line.as_deref().unwrap_or(""),
                city.as_deref().unwrap_or(""),
                postcode.as_deref().unwrap_or(""),
                call.settings().country,
            )?))
        }
        _ => None,
    };
    let done = service::redeem(&db, &who, reward_id, key.as_deref(), delivery, now).await;
    let done = match done {
        Ok(d) => d,
        Err(e) => {
            if e.status() == 409 || e.status() == 403 {
                let mut conn = db.pool.acquire().await?;
                crate::limits::record(&mut conn, &bucket, now).await?;
            }
            return Err(e);
        }
    };
    if call.plain_form_post() {
        leptos_axum::redirect(&format!("/orders/{}", done.order_id));
    }
    let mut conn = db.pool.acquire().await?;
    service::order(&mut conn, done.order_id, Some(call.user.id)).await
}

/// The signed-in participant's orders, newest first.
#[server(prefix = "/api", endpoint = "shop/orders")]
pub async fn my_orders() -> Result<Vec<OrderView>, AppError> {
    let call = Call::new(crate::call::PARTICIPANTS)?;
    let mut conn = call.conn().await?;
    service::orders(&mut conn, Some(call.user.id), None, None, 100).await
}

/// One of the caller's own orders with its status history.
#[server(prefix = "/api", endpoint = "shop/order")]
pub async fn my_order(id: i64) -> Result<OrderView, AppError> {
    let call = Call::new(crate::call::PARTICIPANTS)?;
    let mut conn = call.conn().await?;
    service::order(&mut conn, id, Some(call.user.id)).await
}

/// Pins a reward as the savings goal; an empty `reward_id` unpins it.
#[server(prefix = "/api", endpoint = "shop/goal")]
pub async fn set_goal(reward_id: Option<String>) -> Result<(), AppError> {
    let call = Call::new(crate::call::PARTICIPANTS)?;
    let id = match reward_id.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(s) => Some(s.parse::<i64>().map_err(|_| AppError::NotFound)?),
    };
    let now = call.now;
    let db = call.db().clone();
    let who = service::shopper_of(&db, call.user.id, now).await?;
    service::set_goal(&db, &who, id, now).await?;
    if call.plain_form_post() {
        leptos_axum::redirect(&match id {
            Some(id) => format!("/shop/{id}"),
            None => "/".to_string(),
        });
    }
    Ok(())
}

/// The savings goal's progress (for Home), if one is pinned.
#[server(prefix = "/api", endpoint = "shop/goal_progress")]
pub async fn goal_progress() -> Result<Option<model::GoalProgress>, AppError> {
    let call = Call::new(crate::call::PARTICIPANTS)?;
    let mut conn = call.conn().await?;
    let balance = crate::earn::ledger::balance(&mut conn, call.user.id).await?;
    service::goal_progress(&mut conn, call.user.id, balance, call.now, call.lang()).await
}

/// "Tell me when it is back" for a sold-out reward.
#[server(prefix = "/api", endpoint = "shop/notify_me")]
pub async fn notify_me(reward_id: i64) -> Result<(), AppError> {
    let call = Call::new(crate::call::PARTICIPANTS)?;
    let now = call.now;
    let db = call.db().clone();
    let who = service::shopper_of(&db, call.user.id, now).await?;
    service::notify_me(&db, &who, reward_id, now).await?;
    if call.plain_form_post() {
        leptos_axum::redirect(&format!("/shop/{reward_id}"));
    }
    Ok(())
}

/// Dismisses one of the caller's own notices on Home ("back in stock"). Another person's notice
/// answers "not found".
#[server(prefix = "/api", endpoint = "shop/notice_dismiss")]
pub async fn notice_dismiss(id: i64) -> Result<(), AppError> {
    let call = Call::new(crate::call::PARTICIPANTS)?;
    service::dismiss_notice(call.db(), call.user.id, id, call.now).await
}

/// Credit notes requested by the people of the caller's company. Partner managers only.
#[server(prefix = "/api", endpoint = "shop/company_credits")]
pub async fn company_credits() -> Result<Vec<OrderView>, AppError> {
    let call = Call::new(crate::call::MANAGERS)?;
    let mut conn = call.conn().await?;
    let who = service::shopper(&mut conn, call.user.id, call.now).await?;
    match who.company_id {
        Some(c) => service::company_credits(&mut conn, c).await,
        None => Ok(Vec::new()),
    }
}
