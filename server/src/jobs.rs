//! Background jobs. Each is safe to run on every app server at once: pruning only deletes rows that
//! are past their time, and point expiry re-reads what is due under each participant's balance lock
//! (see `app::earn::ledger::expire_due`), so a second server finds nothing left to do.

use app::state::{Db, unix_now};
use std::time::Duration;

pub fn spawn_housekeeping(db: Db) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(600));
        let mut runs: u64 = 0;
        loop {
            tick.tick().await;
            if let Err(e) = app::auth::service::prune(&db, unix_now()).await {
                tracing::warn!(error = %e, "housekeeping failed; will retry");
            }
            // Expiry once an hour (and at start).
            if runs.is_multiple_of(6)
                && let Err(e) = expire(&db).await
            {
                tracing::warn!(error = %e, "point expiry failed; will retry");
            }
            runs += 1;
        }
    });
}

async fn expire(db: &Db) -> Result<(), app::error::AppError> {
    let months = {
        let mut conn = db.pool.acquire().await?;
        app::earn::service::expiry_months(&mut conn).await?
    };
    let (people, points) = app::earn::ledger::expire_due(db, unix_now(), months).await?;
    if people > 0 {
        tracing::info!(people, points, months, "points expired");
    }
    let (people, points) = app::org::service::expire_leavers(db, unix_now()).await?;
    if people > 0 {
        tracing::info!(
            people,
            points,
            "leavers' points expired after the grace period"
        );
    }
    Ok(())
}
