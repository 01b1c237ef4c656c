//! Background jobs. Each is safe to run on every app server at once: they only delete rows that
//! are past their time.

use app::state::{Db, unix_now};
use std::time::Duration;

pub fn spawn_housekeeping(db: Db) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(600));
        loop {
            tick.tick().await;
            if let Err(e) = app::auth::service::prune(&db, unix_now()).await {
                tracing::warn!(error = %e, "housekeeping failed; will retry");
            }
        }
    });
}
