//! `workwell-bench`: unit-code claims per second, through the real HTTP stack and, as a baseline,
//! through the same service function without HTTP.
//!
//! For each backend (SQLite, PostgreSQL) it makes a fresh database, seeds one partner company, 64
//! participants, one product (`BENCH-1`, 10 points) and one active batch with a code for every
//! claim, signs every participant in through the sign-in service, serves the real router on a
//! random local port in this process, and then times, for 1, 16 and 64 concurrent clients:
//!
//! - HTTP: `POST /api/earn/claim` (form `code=…`, `accept: application/json`, session cookie);
//! - bare: `app::earn::service::claim`, the function that endpoint calls.
//!
//! Every claim must succeed (HTTP 200 / `Ok`); any failure makes the command exit non-zero. The
//! results are printed as a markdown table and written to `target/bench-claims.md`.
//! Run it with `.ci/bench` (a release build).

use app::auth::SESSION_COOKIE;
use app::domain::{OtpCode, Phone};
use app::i18n::Lang;
use app::state::{AppState, CodeSender, Db, SendError, Settings, unix_now};
use clap::{Parser, ValueEnum};
use std::fmt::Write as _;
use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const PARTICIPANTS: usize = 64;
const CONCURRENCY: [usize; 3] = [1, 16, 64];
const WARMUP_CLAIMS: usize = 50;
const WARMUP_CLIENTS: usize = 8;
/// Where the bare path's participants start, so that the HTTP and bare runs at one concurrency
/// claim for different people (each person's ledger grows with their claims, and the claim reads it).
const BARE_OFFSET: usize = 32;
const SKU: &str = "BENCH-1";

#[derive(Parser)]
#[command(
    name = "workwell-bench",
    about = "Measure unit-code claims per second, over HTTP and bare"
)]
struct Cli {
    /// Claims per scenario (backend × path × concurrency).
    #[arg(long, default_value_t = 2000)]
    claims: usize,
    /// PostgreSQL server to create the bench database on (a URL naming an existing database).
    #[arg(
        long,
        env = "WORKWELL_TEST_PG",
        default_value = "postgres://postgres@127.0.0.1:5432/postgres"
    )]
    pg: String,
    /// Run one backend only.
    #[arg(long, value_enum)]
    only: Option<Backend>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "SQLite",
            Backend::Postgres => "PostgreSQL",
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Path {
    Http,
    Bare,
}

impl Path {
    fn name(self) -> &'static str {
        match self {
            Path::Http => "HTTP",
            Path::Bare => "bare",
        }
    }
}

/// One timed run.
struct Row {
    backend: Backend,
    path: Path,
    clients: usize,
    claims: usize,
    elapsed: Duration,
    p50: Duration,
    p99: Duration,
    failures: usize,
}

impl Row {
    fn per_sec(&self) -> f64 {
        self.claims as f64 / self.elapsed.as_secs_f64()
    }
}

/// Keeps the sign-in codes instead of texting them.
#[derive(Default)]
struct Outbox {
    sent: Mutex<Vec<(String, String)>>,
}

#[async_trait::async_trait]
impl CodeSender for Outbox {
    async fn send(&self, phone: &Phone, code: &str, _lang: Lang) -> Result<(), SendError> {
        self.sent
            .lock()
            .unwrap()
            .push((phone.to_string(), code.to_string()));
        Ok(())
    }
}

impl Outbox {
    fn last_code_for(&self, phone: &str) -> Option<String> {
        self.sent
            .lock()
            .unwrap()
            .iter()
            .rev()
            .find(|(p, _)| p == phone)
            .map(|(_, c)| c.clone())
    }
}

/// A fresh database, and what it takes to remove it afterwards.
struct BenchDb {
    db: Db,
    pg_name: Option<String>,
    sqlite_file: Option<std::path::PathBuf>,
}

async fn fresh_db(backend: Backend, pg_admin: &str) -> Result<BenchDb, String> {
    sqlx::any::install_default_drivers();
    let unique = uuid::Uuid::new_v4().simple().to_string();
    let (url, pg_name, sqlite_file) = match backend {
        Backend::Sqlite => {
            let file = std::env::temp_dir().join(format!("workwell-bench-{unique}.db"));
            (
                format!("sqlite://{}?mode=rwc", file.display()),
                None,
                Some(file),
            )
        }
        Backend::Postgres => {
            let name = format!("workwell_bench_{unique}");
            let admin = sqlx::AnyPool::connect(pg_admin)
                .await
                .map_err(|e| format!("PostgreSQL is not reachable at {pg_admin}: {e}"))?;
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&admin)
                .await
                .map_err(|e| format!("cannot create database {name}: {e}"))?;
            admin.close().await;
            let Some((base, _)) = pg_admin.rsplit_once('/') else {
                return Err("--pg must be a URL naming a database".into());
            };
            (format!("{base}/{name}"), Some(name), None)
        }
    };
    let made = BenchDb {
        db: match workwell::db::connect(&url).await {
            Ok(db) => db,
            Err(e) => {
                let msg = format!("cannot open {url}: {e}");
                drop_db(pg_admin, pg_name.as_deref(), sqlite_file.as_deref()).await;
                return Err(msg);
            }
        },
        pg_name,
        sqlite_file,
    };
    if let Err(e) = workwell::db::migrate(&made.db).await {
        made.cleanup(pg_admin).await;
        return Err(format!("migration failed: {e}"));
    }
    Ok(made)
}

impl BenchDb {
    async fn cleanup(self, pg_admin: &str) {
        self.db.pool.close().await;
        drop_db(
            pg_admin,
            self.pg_name.as_deref(),
            self.sqlite_file.as_deref(),
        )
        .await;
    }
}

async fn drop_db(pg_admin: &str, pg_name: Option<&str>, sqlite_file: Option<&std::path::Path>) {
    if let Some(name) = pg_name {
        match sqlx::AnyPool::connect(pg_admin).await {
            Ok(admin) => {
                if let Err(e) = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .execute(&admin)
                    .await
                {
                    eprintln!("warning: could not drop database {name}: {e}");
                }
                admin.close().await;
            }
            Err(e) => eprintln!("warning: could not reconnect to drop database {name}: {e}"),
        }
    }
    if let Some(file) = sqlite_file {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut p = file.as_os_str().to_owned();
            p.push(suffix);
            let _ = std::fs::remove_file(&p);
        }
    }
}

/// What the timed runs need: who claims, with which session, and the codes to claim.
struct Seeded {
    users: Vec<i64>,
    tokens: Vec<String>,
    codes: Vec<String>,
}

fn state_for(db: &Db, outbox: Arc<Outbox>) -> AppState {
    let options = leptos::config::LeptosOptions::builder()
        .output_name("workwell")
        .site_root("target/site")
        .build();
    let settings = Settings::with_secret(b"bench-secret-bench-secret-bench-secret!".to_vec());
    workwell::app_state(options, db.clone(), settings, outbox)
}

async fn seed(state: &AppState, outbox: &Outbox, codes_needed: usize) -> Result<Seeded, String> {
    let db = &state.db;
    let now = unix_now();
    let e = |what: &'static str| move |err: sqlx::Error| format!("seeding ({what}): {err}");
    let company: i64 = sqlx::query_scalar(
        "INSERT INTO partner_companies (name, tax_id, region, kind, created_at) \
         VALUES ('Bench Tyres', '7700009999', 'Moscow', 'dealer', $1) RETURNING id",
    )
    .bind(now)
    .fetch_one(&db.pool)
    .await
    .map_err(e("company"))?;
    let mut users = Vec::with_capacity(PARTICIPANTS);
    for i in 0..PARTICIPANTS {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO users (role, kind, company_id, name, phone, status, created_at) \
             VALUES ('participant', 'seller', $1, $2, $3, 'active', $4) RETURNING id",
        )
        .bind(company)
        .bind(format!("Bench Seller {i}"))
        .bind(phone_of(i))
        .bind(now)
        .fetch_one(&db.pool)
        .await
        .map_err(e("participants"))?;
        users.push(id);
    }
    sqlx::query("INSERT INTO product_categories (code, name) VALUES ('bench', 'Bench')")
        .execute(&db.pool)
        .await
        .map_err(e("category"))?;
    sqlx::query(
        "INSERT INTO products (sku, name, category_id, base_points, active, created_at) \
         VALUES ($1, 'Bench unit', (SELECT id FROM product_categories WHERE code = 'bench'), 10, 1, $2)",
    )
    .bind(SKU)
    .bind(now)
    .execute(&db.pool)
    .await
    .map_err(e("product"))?;
    // No daily cap: the bench claims far more than a person would in a day.
    sqlx::query("UPDATE program_settings SET value = 0 WHERE key = 'daily_cap'")
        .execute(&db.pool)
        .await
        .map_err(e("daily cap"))?;

    let email = app::domain::Email::parse("bench@workwell.test").ok_or("admin e-mail")?;
    let admin =
        app::auth::service::upsert_admin(db, &email, "Bench Admin", "bench password 1", now)
            .await
            .map_err(|e| format!("seeding (admin): {e:?}"))?;
    let mut codes = Vec::with_capacity(codes_needed);
    while codes.len() < codes_needed {
        let count = (codes_needed - codes.len()).min(app::earn::admin::codes::MAX_BATCH as usize);
        let (batch, made) =
            app::earn::admin::codes::db::generate(db, Some(admin), SKU, count as i64, "bench", now)
                .await
                .map_err(|e| format!("generating codes: {e:?}"))?;
        app::earn::admin::codes::db::set_batch_status(
            db,
            admin,
            batch,
            app::domain::CodeStatus::Active,
            now,
        )
        .await
        .map_err(|e| format!("activating batch {batch}: {e:?}"))?;
        codes.extend(made.iter().map(|c| c.as_str().to_string()));
    }

    let mut tokens = Vec::with_capacity(PARTICIPANTS);
    for i in 0..PARTICIPANTS {
        let phone = Phone::parse(&phone_of(i)).map_err(|e| format!("phone: {e:?}"))?;
        // A distinct address per person keeps the per-IP sign-in limit out of the way.
        let ip = format!("10.1.{}.{}", i / 256, i % 256);
        app::auth::service::request_code(state, &phone, &ip, Lang::default(), now)
            .await
            .map_err(|e| format!("sign-in code for {phone}: {e:?}"))?;
        let code = outbox
            .last_code_for(phone.as_str())
            .ok_or_else(|| format!("no sign-in code was sent to {phone}"))?;
        let code = OtpCode::parse(&code).ok_or("sign-in code is not six digits")?;
        let (_, token) = app::auth::service::verify_code(state, &phone, &code, &ip, now)
            .await
            .map_err(|e| format!("signing in {phone}: {e:?}"))?;
        tokens.push(token.expose().to_string());
    }
    Ok(Seeded {
        users,
        tokens,
        codes,
    })
}

fn phone_of(i: usize) -> String {
    format!("+7902000{i:04}")
}

async fn serve(state: AppState) -> Result<(SocketAddr, tokio::task::JoinHandle<()>), String> {
    let app = workwell::http::router(state, workwell::http::HttpOptions { trust_proxy: false });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .map_err(|e| format!("bind: {e}"))?;
    let addr = listener.local_addr().map_err(|e| format!("bind: {e}"))?;
    let handle = tokio::spawn(async move {
        if let Err(e) = axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
        {
            eprintln!("server stopped: {e}");
        }
    });
    Ok((addr, handle))
}

/// What the clients share in one run.
struct Run {
    path: Path,
    db: Db,
    client: reqwest::Client,
    url: String,
    codes: Vec<String>,
    next: AtomicUsize,
    /// The first few failures, to show.
    errors: Mutex<Vec<String>>,
}

/// `clients` tasks claim the run's codes until all are claimed; participant `offset + i` (mod 64)
/// is client `i`. Returns the wall time, the per-claim latencies and the number of failures.
async fn run(
    run: Arc<Run>,
    clients: usize,
    offset: usize,
    seeded: &Seeded,
) -> (Duration, Vec<Duration>, usize) {
    let start = Instant::now();
    let mut tasks = Vec::with_capacity(clients);
    for i in 0..clients {
        let who = (offset + i) % PARTICIPANTS;
        let user = seeded.users[who];
        let cookie = format!("{SESSION_COOKIE}={}", seeded.tokens[who]);
        let run = run.clone();
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut failures = 0usize;
            loop {
                let n = run.next.fetch_add(1, Ordering::Relaxed);
                let Some(code) = run.codes.get(n) else { break };
                let t = Instant::now();
                let failure = match run.path {
                    Path::Http => claim_http(&run, &cookie, code).await.err(),
                    Path::Bare => {
                        app::earn::service::claim(&run.db, user, code, Some("10.0.0.1"), unix_now())
                            .await
                            .err()
                            .map(|e| format!("claim {code}: {e:?}"))
                    }
                };
                latencies.push(t.elapsed());
                if let Some(f) = failure {
                    failures += 1;
                    let mut errors = run.errors.lock().unwrap();
                    if errors.len() < 5 {
                        errors.push(f);
                    }
                }
            }
            (latencies, failures)
        }));
    }
    let mut latencies = Vec::new();
    let mut failures = 0;
    for t in tasks {
        match t.await {
            Ok((l, f)) => {
                latencies.extend(l);
                failures += f;
            }
            Err(e) => {
                failures += 1;
                run.errors
                    .lock()
                    .unwrap()
                    .push(format!("client task failed: {e}"));
            }
        }
    }
    (start.elapsed(), latencies, failures)
}

async fn claim_http(run: &Run, cookie: &str, code: &str) -> Result<(), String> {
    let res = run
        .client
        .post(&run.url)
        .header("accept", "application/json")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("cookie", cookie)
        // Unit codes are letters and digits: nothing to escape.
        .body(format!("code={code}"))
        .send()
        .await
        .map_err(|e| format!("POST claim {code}: {e}"))?;
    let status = res.status();
    let body = res
        .bytes()
        .await
        .map_err(|e| format!("claim {code}: {e}"))?;
    if status != reqwest::StatusCode::OK {
        return Err(format!(
            "claim {code}: HTTP {status}: {}",
            String::from_utf8_lossy(&body)
                .chars()
                .take(300)
                .collect::<String>()
        ));
    }
    Ok(())
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// Everything for one backend: database, seed, sign-ins, server, warm-up, timed runs, cleanup.
async fn bench_backend(
    backend: Backend,
    cli: &Cli,
    rows: &mut Vec<Row>,
    errors: &mut Vec<String>,
) -> Result<(), String> {
    eprintln!("== {}: preparing", backend.name());
    let made = fresh_db(backend, &cli.pg).await?;
    let result = bench_on(backend, &made.db, cli, rows, errors).await;
    made.cleanup(&cli.pg).await;
    result
}

async fn bench_on(
    backend: Backend,
    db: &Db,
    cli: &Cli,
    rows: &mut Vec<Row>,
    errors: &mut Vec<String>,
) -> Result<(), String> {
    let outbox = Arc::new(Outbox::default());
    let state = state_for(db, outbox.clone());
    let scenarios = CONCURRENCY.len() * 2;
    let needed = 2 * WARMUP_CLAIMS + scenarios * cli.claims;
    let seeded = seed(&state, &outbox, needed).await?;
    let (addr, server) = serve(state).await?;
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(PARTICIPANTS * 2)
        .build()
        .map_err(|e| format!("HTTP client: {e}"))?;
    let url = format!("http://{addr}/api/earn/claim");
    let mut codes = seeded.codes.iter().cloned();
    let mut take = |n: usize| codes.by_ref().take(n).collect::<Vec<_>>();
    let mut make_run = |path: Path, n: usize| {
        Arc::new(Run {
            path,
            db: db.clone(),
            client: client.clone(),
            url: url.clone(),
            codes: take(n),
            next: AtomicUsize::new(0),
            errors: Mutex::new(Vec::new()),
        })
    };

    let mut outcome = Ok(());
    for (path, offset) in [(Path::Http, 0), (Path::Bare, BARE_OFFSET)] {
        eprintln!(
            "== {}: warm-up, {} {WARMUP_CLAIMS} claims",
            backend.name(),
            path.name()
        );
        let r = make_run(path, WARMUP_CLAIMS);
        let (_, _, failures) = run(r.clone(), WARMUP_CLIENTS, offset, &seeded).await;
        if failures > 0 {
            errors.extend(
                r.errors
                    .lock()
                    .unwrap()
                    .drain(..)
                    .map(|e| format!("{} {} warm-up: {e}", backend.name(), path.name())),
            );
            outcome = Err(format!(
                "{} {} warm-up: {failures} of {WARMUP_CLAIMS} claims failed",
                backend.name(),
                path.name()
            ));
        }
    }
    if outcome.is_ok() {
        for clients in CONCURRENCY {
            for (path, offset) in [(Path::Http, 0), (Path::Bare, BARE_OFFSET)] {
                let r = make_run(path, cli.claims);
                let (elapsed, mut latencies, failures) =
                    run(r.clone(), clients, offset, &seeded).await;
                latencies.sort_unstable();
                let row = Row {
                    backend,
                    path,
                    clients,
                    claims: latencies.len(),
                    elapsed,
                    p50: percentile(&latencies, 50.0),
                    p99: percentile(&latencies, 99.0),
                    failures,
                };
                eprintln!(
                    "== {} {} x{clients}: {:.0} claims/s, p50 {:.2} ms, p99 {:.2} ms, {failures} failed",
                    backend.name(),
                    path.name(),
                    row.per_sec(),
                    ms(row.p50),
                    ms(row.p99)
                );
                errors.extend(
                    r.errors
                        .lock()
                        .unwrap()
                        .drain(..)
                        .map(|e| format!("{} {} x{clients}: {e}", backend.name(), path.name())),
                );
                rows.push(row);
            }
        }
    }
    drop(client);
    server.abort();
    let _ = server.await;
    outcome
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn cpu_model() -> Option<String> {
    let info = std::fs::read_to_string("/proc/cpuinfo").ok()?;
    info.lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split_once(':'))
        .map(|(_, v)| v.trim().to_string())
}

fn report(rows: &[Row], claims: usize) -> String {
    let nproc = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(0);
    let mut out = String::new();
    let _ = writeln!(out, "# Workwell: unit-code claims per second\n");
    let _ = writeln!(
        out,
        "Machine: nproc {nproc}{}; {claims} claims per scenario; server and clients in one \
         process (tokio multi-thread); release build.\n",
        cpu_model().map(|m| format!(", {m}")).unwrap_or_default()
    );
    let _ = writeln!(
        out,
        "| backend | path | clients | claims | claims/s | p50 ms | p99 ms |"
    );
    let _ = writeln!(out, "|---|---|---:|---:|---:|---:|---:|");
    for r in rows {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {:.0} | {:.2} | {:.2} |{}",
            r.backend.name(),
            r.path.name(),
            r.clients,
            r.claims,
            r.per_sec(),
            ms(r.p50),
            ms(r.p99),
            if r.failures > 0 {
                format!(" **{} failed**", r.failures)
            } else {
                String::new()
            }
        );
    }
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "API/bare ratio (HTTP claims/s ÷ bare claims/s; p50 HTTP ÷ p50 bare):\n"
    );
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let mut parts = Vec::new();
        for clients in CONCURRENCY {
            let find = |p: Path| {
                rows.iter()
                    .find(|r| r.backend == backend && r.path == p && r.clients == clients)
            };
            if let (Some(h), Some(b)) = (find(Path::Http), find(Path::Bare)) {
                parts.push(format!(
                    "{clients} clients {:.2} (p50 ×{:.2})",
                    h.per_sec() / b.per_sec(),
                    ms(h.p50) / ms(b.p50).max(f64::EPSILON)
                ));
            }
        }
        if !parts.is_empty() {
            let _ = writeln!(out, "- {}: {}", backend.name(), parts.join("; "));
        }
    }
    out
}

#[tokio::main(flavor = "multi_thread")]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    if cli.claims == 0 {
        eprintln!("--claims must be at least 1");
        return ExitCode::FAILURE;
    }
    let backends: Vec<Backend> = match cli.only {
        Some(b) => vec![b],
        None => vec![Backend::Sqlite, Backend::Postgres],
    };
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut failed = false;
    for backend in backends {
        if let Err(e) = bench_backend(backend, &cli, &mut rows, &mut errors).await {
            eprintln!("{}: {e}", backend.name());
            failed = true;
        }
    }
    let table = report(&rows, cli.claims);
    println!("{table}");
    // The workspace's target folder (the server package sits one level below the root).
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = root
        .parent()
        .unwrap_or(root)
        .join("target")
        .join("bench-claims.md");
    if rows.is_empty() {
        // Nothing was measured: keep the last report.
        eprintln!("nothing measured; {} left as it was", out.display());
    } else if let Err(e) = out
        .parent()
        .map_or(Ok(()), std::fs::create_dir_all)
        .and_then(|_| std::fs::write(&out, &table))
    {
        eprintln!("cannot write {}: {e}", out.display());
        failed = true;
    } else {
        eprintln!("written to {}", out.display());
    }
    let failures: usize = rows.iter().map(|r| r.failures).sum();
    if failures > 0 || !errors.is_empty() {
        eprintln!("{failures} claims failed; the first errors:");
        for e in errors.iter().take(20) {
            eprintln!("  {e}");
        }
        failed = true;
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
