//! Rate limits kept in the database, so every app server behind a load balancer sees the same
//! counts. A bucket is a string such as `otp:phone:+79001234567`; an event is one row.

use crate::error::AppError;
use crate::state::RateLimit;
use sqlx::AnyConnection;

/// A bucket's events inside the window, as [`check`] reads them.
#[derive(sqlx::FromRow)]
struct WindowRow {
    count: i64,
    oldest: Option<i64>,
}

/// Refuses when `bucket` already has `limit.max` events inside the window.
pub async fn check(
    conn: &mut AnyConnection,
    bucket: &str,
    limit: RateLimit,
    now: i64,
) -> Result<(), AppError> {
    let window = sqlx::query_as::<_, WindowRow>(
        "SELECT COUNT(*) AS count, MIN(at) AS oldest FROM rate_events WHERE bucket = $1 AND at > $2",
    )
    .bind(bucket)
    .bind(now - limit.window_secs)
    .fetch_one(&mut *conn)
    .await?;
    if window.count >= limit.max {
        let retry = window
            .oldest
            .map_or(limit.window_secs, |o| o + limit.window_secs - now)
            .max(1);
        return Err(AppError::RateLimited {
            retry_after_secs: retry as u64,
        });
    }
    Ok(())
}

/// Events in `bucket` inside the window (for limits that slow down rather than refuse).
pub async fn count(
    conn: &mut AnyConnection,
    bucket: &str,
    limit: RateLimit,
    now: i64,
) -> Result<i64, AppError> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM rate_events WHERE bucket = $1 AND at > $2")
            .bind(bucket)
            .bind(now - limit.window_secs)
            .fetch_one(&mut *conn)
            .await?,
    )
}

pub async fn record(conn: &mut AnyConnection, bucket: &str, now: i64) -> Result<(), AppError> {
    sqlx::query("INSERT INTO rate_events (bucket, at) VALUES ($1, $2)")
        .bind(bucket)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Counts this request against the limit, or refuses it.
pub async fn hit(
    conn: &mut AnyConnection,
    bucket: &str,
    limit: RateLimit,
    now: i64,
) -> Result<(), AppError> {
    check(conn, bucket, limit, now).await?;
    record(conn, bucket, now).await
}

/// Forgets events older than a day (the longest window we use); run by the housekeeping job.
pub async fn prune(pool: &sqlx::AnyPool, now: i64) -> Result<u64, sqlx::Error> {
    let r = sqlx::query("DELETE FROM rate_events WHERE at < $1")
        .bind(now - 24 * 3600)
        .execute(pool)
        .await?;
    Ok(r.rows_affected())
}
