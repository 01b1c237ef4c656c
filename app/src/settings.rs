//! The program's settings as the admin keeps them (the `program_settings` table: a key and a whole
//! number). Read by every area that needs one; the earning rules read theirs through the rules cache.

use crate::error::AppError;
use sqlx::AnyConnection;

pub async fn setting(conn: &mut AnyConnection, key: &str) -> Result<Option<i64>, AppError> {
    Ok(
        sqlx::query_scalar("SELECT value FROM program_settings WHERE key = $1")
            .bind(key)
            .fetch_optional(conn)
            .await?,
    )
}
