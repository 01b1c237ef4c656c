//! Server-only plumbing shared by every area: the application state handed to server functions,
//! the database handle, settings, the per-request context, and the small helpers every server
//! function uses (who is calling, what time it is, how an error becomes a response).

use crate::domain::Phone;
use crate::error::AppError;
use crate::i18n::Lang;
use axum::http::request::Parts;
use leptos::config::LeptosOptions;
use leptos::prelude::*;
use sqlx::{Any, AnyPool, Transaction};
use std::sync::Arc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// One pool, either dialect. Queries are written once in the SQL both understand (`$1`
/// placeholders, `RETURNING`, integer flags and unix-second timestamps).
#[derive(Clone, Debug)]
pub struct Db {
    pub pool: AnyPool,
    pub backend: Backend,
    /// SQLite only: a one-connection pool that every write transaction goes through, so writers
    /// wait their turn in a fair queue instead of sleeping on SQLite's busy timeout.
    pub writer: Option<AnyPool>,
    /// Earning settings and running campaigns, kept for a moment so a claim does not re-read them.
    pub rules_cache: crate::earn::rules::RulesCache,
}

impl Db {
    /// A transaction that will write. SQLite takes the write lock up front (`BEGIN IMMEDIATE`) so two
    /// writers queue on the busy timeout instead of failing when a read lock is upgraded.
    pub async fn begin_write(&self) -> Result<Transaction<'static, Any>, sqlx::Error> {
        match (self.backend, &self.writer) {
            (Backend::Sqlite, Some(writer)) => match writer.begin_with("BEGIN IMMEDIATE").await {
                // A request cancelled at the wrong moment can leave the one writer connection
                // inside a transaction nobody owns; every later write would fail. Close it (SQLite
                // rolls back what it held) and let the pool open a fresh one.
                Err(sqlx::Error::InvalidSavePointStatement) => {
                    tracing::warn!("the writer connection was left in a transaction; replacing it");
                    let stuck = writer.acquire().await?.detach();
                    let _ = sqlx::Connection::close(stuck).await;
                    writer.begin_with("BEGIN IMMEDIATE").await
                }
                other => other,
            },
            (Backend::Sqlite, None) => self.pool.begin_with("BEGIN IMMEDIATE").await,
            (Backend::Postgres, _) => self.pool.begin().await,
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub struct RateLimit {
    pub max: i64,
    pub window_secs: i64,
}

/// Security-relevant knobs, read from configuration by the server.
#[derive(Clone)]
pub struct Settings {
    /// Key for the keyed hashes of one-time codes and session tokens.
    pub secret: Vec<u8>,
    /// Mark cookies `Secure` (the site is served over HTTPS).
    pub secure_cookies: bool,
    pub session_ttl_secs: i64,
    pub otp_ttl_secs: i64,
    pub otp_max_attempts: u32,
    pub otp_per_phone: RateLimit,
    pub otp_per_ip: RateLimit,
    pub password_per_email: RateLimit,
    pub password_per_ip: RateLimit,
    /// The site's public address; label QR codes point at `{public_url}/c/CODE`.
    pub public_url: String,
    /// Where uploaded pictures are kept (served under `/media/`).
    pub media_dir: std::path::PathBuf,
    /// The program's country: a phone number typed without its country code is read as one of
    /// this country's (`900 000 00 04` is `+79000000004` in Russia).
    pub country: crate::domain::Country,
    /// The receipt verification service, if one is configured (see `receipt::verify`).
    pub receipt_verifier: Option<Arc<dyn crate::receipt::verify::ReceiptVerifier>>,
}

/// Everything but the secret, which must never reach a log.
impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("secret", &"<redacted>")
            .field("secure_cookies", &self.secure_cookies)
            .field("session_ttl_secs", &self.session_ttl_secs)
            .field("otp_ttl_secs", &self.otp_ttl_secs)
            .field("otp_max_attempts", &self.otp_max_attempts)
            .finish_non_exhaustive()
    }
}

impl Settings {
    /// The program's defaults; only the secret has to come from configuration.
    pub fn with_secret(secret: Vec<u8>) -> Settings {
        Settings {
            secret,
            secure_cookies: false,
            session_ttl_secs: 30 * 24 * 3600,
            otp_ttl_secs: 5 * 60,
            otp_max_attempts: 5,
            otp_per_phone: RateLimit {
                max: 3,
                window_secs: 10 * 60,
            },
            otp_per_ip: RateLimit {
                max: 20,
                window_secs: 60 * 60,
            },
            password_per_email: RateLimit {
                max: 10,
                window_secs: 15 * 60,
            },
            password_per_ip: RateLimit {
                max: 30,
                window_secs: 15 * 60,
            },
            public_url: "http://127.0.0.1:3000".into(),
            media_dir: "data/media".into(),
            country: crate::domain::Country::Russia,
            receipt_verifier: None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct SendError(pub String);

/// Delivers one-time codes (the server configures which: the log, or an SMS gateway).
#[async_trait::async_trait]
pub trait CodeSender: Send + Sync {
    async fn send(&self, phone: &Phone, code: &str, lang: Lang) -> Result<(), SendError>;
}

/// What every handler and server function can ask for; axum hands out each field on its own too
/// (`State<Db>`, `State<LeptosOptions>`, …).
#[derive(Clone, axum::extract::FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    pub settings: Arc<Settings>,
    pub sender: Arc<dyn CodeSender>,
}

pub use crate::session::RequestContext;

pub fn app_state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from context");
        AppError::Internal
    })
}

/// The request's context, if this code runs for a request (not, say, while listing routes).
pub fn try_request_context() -> Option<RequestContext> {
    use_context::<Parts>().and_then(|p| p.extensions.get::<RequestContext>().cloned())
}

pub fn request_context() -> Result<RequestContext, AppError> {
    try_request_context().ok_or_else(|| {
        tracing::error!("RequestContext missing: is the session middleware installed?");
        AppError::Internal
    })
}

pub fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// A browser form post without JavaScript (it asks for HTML back).
pub fn is_plain_form_post() -> bool {
    use_context::<Parts>()
        .and_then(|p| p.headers.get(axum::http::header::ACCEPT).cloned())
        .and_then(|v| v.to_str().ok().map(|s| s.contains("text/html")))
        .unwrap_or(false)
}
