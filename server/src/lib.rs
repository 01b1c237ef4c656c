//! Workwell's server: configuration, database, HTTP, code delivery, demo data and jobs. The
//! binary in `main.rs` is a thin command line over these.

pub mod config;
pub mod db;
pub mod demo;
pub mod http;
pub mod jobs;
pub mod precompress;
pub mod sender;
pub mod verifier;

use app::state::{AppState, CodeSender, Db, Settings};
use leptos::config::LeptosOptions;
use std::sync::Arc;

pub fn app_state(
    leptos_options: LeptosOptions,
    db: Db,
    settings: Settings,
    sender: Arc<dyn CodeSender>,
) -> AppState {
    AppState {
        leptos_options,
        db,
        settings: Arc::new(settings),
        sender,
    }
}

/// The key for keyed hashes. Configured for production (every app server needs the same one);
/// with SQLite and none configured, one is made once and kept in the data folder.
pub fn load_secret(cfg: &config::Config) -> Result<Vec<u8>, String> {
    if let Some(s) = &cfg.secret {
        if s.len() < 32 {
            return Err("WORKWELL_SECRET must be at least 32 characters".into());
        }
        return Ok(s.as_bytes().to_vec());
    }
    if !cfg.is_sqlite() {
        return Err(
            "WORKWELL_SECRET must be set when DATABASE_URL points to PostgreSQL \
                    (all app servers must share it)"
                .into(),
        );
    }
    let path = cfg.data_dir.join("secret.key");
    if let Ok(existing) = std::fs::read_to_string(&path) {
        return Ok(existing.trim().as_bytes().to_vec());
    }
    std::fs::create_dir_all(&cfg.data_dir)
        .map_err(|e| format!("cannot create {}: {e}", cfg.data_dir.display()))?;
    let secret = app::auth::service::random_secret();
    std::fs::write(&path, &secret).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(secret.into_bytes())
}
