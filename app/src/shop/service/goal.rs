//! The savings goal and the notices a participant is waiting for (a reward back in stock).

use super::*;

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
            reward(&mut conn, who, 0, id, now, crate::content::DEFAULT_LANG).await?;
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
    product_id: i64,
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
    lang: Lang,
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
    let title = crate::content::text_in(&mut *conn, "reward", reward_id, "title", lang)
        .await?
        .unwrap_or(title);
    let usual = sqlx::query_as::<_, UsualProductRow>(
        "SELECT p.id AS product_id, p.name, COUNT(*) AS units, CAST(SUM(e.points) AS BIGINT) AS points FROM ledger_entries e \
         JOIN unit_codes u ON u.id = e.unit_code_id JOIN products p ON p.id = u.product_id \
         WHERE e.user_id = $1 AND e.kind = 'accrual' AND e.created_at >= $2 \
         GROUP BY p.id, p.name ORDER BY COUNT(*) DESC, p.id LIMIT 1",
    )
    .bind(user)
    .bind(now - 90 * 86_400)
    .fetch_optional(&mut *conn)
    .await?;
    // The usual product named in the reader's language where the admin named it in it.
    let usual = match usual {
        Some(mut u) => {
            if let Some(name) =
                crate::content::text_in(&mut *conn, "product", u.product_id, "name", lang).await?
            {
                u.name = name;
            }
            Some(u)
        }
        None => None,
    };
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
pub async fn notices(
    conn: &mut AnyConnection,
    user: i64,
    lang: Lang,
) -> Result<Vec<Notice>, AppError> {
    let rows = sqlx::query(
        "SELECT n.id, n.reward_id, r.title, n.created_at FROM notices n \
         JOIN rewards r ON r.id = n.reward_id \
         WHERE n.user_id = $1 AND n.dismissed_at IS NULL ORDER BY n.id DESC LIMIT 10",
    )
    .bind(user)
    .fetch_all(&mut *conn)
    .await?;
    let ids: Vec<i64> = rows
        .iter()
        .filter_map(|r| r.try_get::<i64, _>("reward_id").ok())
        .collect();
    let texts = crate::content::in_lang_for(conn, "reward", lang, &ids).await?;
    rows.iter()
        .map(|r| {
            let reward_id: i64 = r.try_get("reward_id")?;
            let title = match texts.get(&(reward_id, "title".to_string())) {
                Some(t) => t.clone(),
                None => r.try_get("title")?,
            };
            Ok(Notice {
                id: r.try_get("id")?,
                reward_id,
                title,
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
    reward(
        &mut conn,
        who,
        0,
        reward_id,
        now,
        crate::content::DEFAULT_LANG,
    )
    .await?;
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
