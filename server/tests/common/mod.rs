//! Test harness: a fresh database per test (a temporary SQLite file, or a new PostgreSQL database
//! that is dropped afterwards), the app state over it, and the real router on a random port.
#![allow(dead_code)]

pub mod api;

use app::domain::Phone;
use app::i18n::Lang;
use app::state::{AppState, CodeSender, Db, SendError, Settings};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

pub const NOW: i64 = 1_795_305_600; // 2026-11-22

/// Runs an async test body once on SQLite and once on PostgreSQL.
#[macro_export]
macro_rules! on_both_databases {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    let t = $crate::common::TestDb::sqlite().await;
                    super::$name(t.db.clone()).await;
                    t.cleanup().await;
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    let t = $crate::common::TestDb::postgres().await;
                    super::$name(t.db.clone()).await;
                    t.cleanup().await;
                }
            }
        )*
    };
}

pub struct TestDb {
    pub db: Db,
    pub url: String,
    pg_name: Option<String>,
    _dir: Option<tempfile::TempDir>,
}

/// The server to create test databases on; `.ci/test` sets it, this default matches this machine.
pub fn pg_admin_url() -> String {
    std::env::var("WORKWELL_TEST_PG")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

impl TestDb {
    pub async fn sqlite() -> TestDb {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}/test.db?mode=rwc", dir.path().display());
        let db = workwell::db::connect(&url).await.expect("open sqlite");
        workwell::db::migrate(&db).await.expect("migrate sqlite");
        TestDb {
            db,
            url,
            pg_name: None,
            _dir: Some(dir),
        }
    }

    /// Fails (never skips) when PostgreSQL cannot be reached: database tests run on both.
    pub async fn postgres() -> TestDb {
        sqlx::any::install_default_drivers();
        let admin_url = pg_admin_url();
        let name = format!("workwell_test_{}", uuid::Uuid::new_v4().simple());
        let admin = sqlx::AnyPool::connect(&admin_url)
            .await
            .unwrap_or_else(|e| panic!("PostgreSQL is required for the database tests and is not reachable at {admin_url}: {e}"));
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&admin)
            .await
            .expect("create test database");
        admin.close().await;
        let url = match admin_url.rsplit_once('/') {
            Some((base, _)) => format!("{base}/{name}"),
            None => panic!("WORKWELL_TEST_PG must name a database"),
        };
        let db = workwell::db::connect(&url).await.expect("open postgres");
        workwell::db::migrate(&db).await.expect("migrate postgres");
        TestDb {
            db,
            url,
            pg_name: Some(name),
            _dir: None,
        }
    }

    pub async fn cleanup(self) {
        self.db.pool.close().await;
        if let Some(name) = self.pg_name {
            let admin = sqlx::AnyPool::connect(&pg_admin_url())
                .await
                .expect("reconnect to drop");
            sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .execute(&admin)
                .await
                .expect("drop test database");
        }
    }
}

/// Keeps the codes it is asked to send, so a test can read them as a person reads the SMS.
#[derive(Default)]
pub struct Outbox {
    pub sent: Mutex<Vec<(String, String)>>,
    /// The language each text went out in, in the order sent.
    pub langs: Mutex<Vec<(String, Lang)>>,
}

impl Outbox {
    pub fn last_code_for(&self, phone: &str) -> String {
        self.sent
            .lock()
            .unwrap()
            .iter()
            .rev()
            .find(|(p, _)| p == phone)
            .map(|(_, c)| c.clone())
            .unwrap_or_else(|| panic!("no code was sent to {phone}"))
    }

    pub fn last_lang_for(&self, phone: &str) -> Lang {
        self.langs
            .lock()
            .unwrap()
            .iter()
            .rev()
            .find(|(p, _)| p == phone)
            .map(|(_, l)| *l)
            .unwrap_or_else(|| panic!("no code was sent to {phone}"))
    }
}

#[async_trait::async_trait]
impl CodeSender for Outbox {
    async fn send(&self, phone: &Phone, code: &str, lang: Lang) -> Result<(), SendError> {
        self.sent
            .lock()
            .unwrap()
            .push((phone.to_string(), code.to_string()));
        self.langs.lock().unwrap().push((phone.to_string(), lang));
        Ok(())
    }
}

pub fn state(db: &Db) -> (AppState, Arc<Outbox>) {
    let outbox = Arc::new(Outbox::default());
    let options = leptos::config::LeptosOptions::builder()
        .output_name("workwell")
        .site_root("target/site")
        .build();
    let mut settings = Settings::with_secret(b"test-secret-test-secret-test-secret!".to_vec());
    // Uploaded pictures go to a folder of this test's own, never into the repository.
    settings.media_dir =
        std::env::temp_dir().join(format!("workwell-media-{}", uuid::Uuid::new_v4().simple()));
    (
        workwell::app_state(options, db.clone(), settings, outbox.clone()),
        outbox,
    )
}

/// People to sign in as, one per role (and a blocked one).
pub struct People {
    pub seller: i64,
    pub manager: i64,
    pub blocked: i64,
    pub admin: i64,
}

pub const SELLER_PHONE: &str = "+79001110001";
pub const MANAGER_PHONE: &str = "+79001110009";
pub const BLOCKED_PHONE: &str = "+79001110066";
pub const ADMIN_EMAIL: &str = "root@workwell.test";
pub const ADMIN_PASSWORD: &str = "correct horse battery";

pub async fn people(db: &Db) -> People {
    let company: i64 = sqlx::query_scalar(
        "INSERT INTO partner_companies (name, tax_id, region, kind, created_at) \
         VALUES ('Test Tyres', '7700000001', 'Moscow', 'dealer', $1) RETURNING id",
    )
    .bind(NOW)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    let mut ids = Vec::new();
    for (phone, role, status) in [
        (SELLER_PHONE, "participant", "active"),
        (MANAGER_PHONE, "partner_manager", "active"),
        (BLOCKED_PHONE, "participant", "blocked"),
    ] {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO users (role, kind, company_id, name, phone, status, created_at) \
             VALUES ($1, 'seller', $2, 'Test Person', $3, $4, $5) RETURNING id",
        )
        .bind(role)
        .bind(company)
        .bind(phone)
        .bind(status)
        .bind(NOW)
        .fetch_one(&db.pool)
        .await
        .unwrap();
        ids.push(id);
    }
    let email = app::domain::Email::parse(ADMIN_EMAIL).unwrap();
    let admin = app::auth::service::upsert_admin(db, &email, "Test Admin", ADMIN_PASSWORD, NOW)
        .await
        .unwrap();
    People {
        seller: ids[0],
        manager: ids[1],
        blocked: ids[2],
        admin,
    }
}

pub fn phone(p: &str) -> Phone {
    Phone::parse(p).unwrap()
}

/// The real router, served on a random local port.
pub async fn serve(state: AppState) -> SocketAddr {
    serve_with(state, false).await
}

/// The real router behind a proxy we trust: the client address is taken from `X-Forwarded-For`,
/// so one test can be many clients.
pub async fn serve_behind_proxy(state: AppState) -> SocketAddr {
    serve_with(state, true).await
}

async fn serve_with(state: AppState, trust_proxy: bool) -> SocketAddr {
    let app = workwell::http::router(state, workwell::http::HttpOptions { trust_proxy });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
        .unwrap();
    });
    addr
}

/// For everyone with a balance: balance = sum of the non-pending ledger entries = sum of open
/// lots, pending = sum of the pending entries (receipt claims waiting for a check), neither ever
/// negative.
pub async fn assert_balances_match_entries(db: &Db) {
    /// user, balance, pending, sum of entries, sum of lots, sum of pending entries.
    type Row = (i64, i64, i64, Option<i64>, Option<i64>, Option<i64>);
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT b.user_id, b.points, b.pending, \
         (SELECT CAST(SUM(points) AS BIGINT) FROM ledger_entries e WHERE e.user_id = b.user_id AND e.kind <> 'pending'), \
         (SELECT CAST(SUM(lot_remaining) AS BIGINT) FROM ledger_entries e WHERE e.user_id = b.user_id), \
         (SELECT CAST(SUM(points) AS BIGINT) FROM ledger_entries e WHERE e.user_id = b.user_id AND e.kind = 'pending') \
         FROM balances b",
    )
    .fetch_all(&db.pool)
    .await
    .unwrap();
    for (user, balance, pending, sum, lots, pending_sum) in rows {
        assert!(balance >= 0, "user {user} balance {balance}");
        assert!(pending >= 0, "user {user} pending {pending}");
        assert_eq!(balance, sum.unwrap_or(0), "user {user}: balance vs entries");
        assert_eq!(
            balance,
            lots.unwrap_or(0),
            "user {user}: balance vs open lots"
        );
        assert_eq!(
            pending,
            pending_sum.unwrap_or(0),
            "user {user}: pending vs pending entries"
        );
    }
}

/// A 1×1 PNG.
pub const PNG: [u8; 70] = [
    137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0,
    0, 0, 31, 21, 196, 137, 0, 0, 0, 13, 73, 68, 65, 84, 120, 218, 99, 100, 96, 248, 95, 15, 0, 2,
    135, 1, 128, 235, 71, 186, 146, 0, 0, 0, 0, 73, 69, 78, 68, 174, 66, 96, 130,
];
