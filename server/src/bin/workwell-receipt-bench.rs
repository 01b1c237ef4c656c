//! `workwell-receipt-bench`: the receipt moderation queue and receipt claims, measured with a
//! million claims already stored.
//!
//! For each backend (SQLite, PostgreSQL) it makes a fresh database and seeds, with multi-row
//! INSERTs in large transactions (not through `submit`, which would take hours):
//!
//! - 2 000 participants in 50 partner companies of very different sizes over 6 regions (5% of the
//!   participants belong to no company), 3 moderators, 200 products in 8 categories;
//! - `--claims` receipt claims (default 1 000 000) over the last two years, in submission order,
//!   each with 1–3 lines. Statuses 70% approved, 15% rejected, 10% waiting, 5% needs info (the
//!   open ones mostly among the newest), 10% flagged, 15% invoices and 85% fiscal QR receipts;
//! - the ledger those claims leave: an accrual per approved claim, a pending entry per open claim,
//!   and every balance equal to its entries (so `submit`'s reads of the ledger see a real size).
//!
//! Then it runs ANALYZE and times:
//!
//! - the moderator's queue page, `app::receipt::service::queue(conn, filter, after, 51)` exactly as
//!   the server function calls it, one call at a time over a shuffled mix of shapes (first and
//!   deep pages of the waiting queue, by company, by region, flagged, the other statuses);
//! - `app::receipt::service::submit` of fresh QR receipts by participants under their limits (the
//!   bench database's `receipt.per_day` and `receipt.per_month` are raised), at 1 and 8 clients.
//!
//! Every call must succeed; any failure makes the command exit non-zero. The results are printed
//! as a markdown table and written to `target/bench-receipts.md`. Run it with
//! `.ci/bench-receipts` (a release build).

use app::domain::ReceiptStatus;
use app::receipt::qr::FiscalQr;
use app::receipt::service::{self, Document, NewClaim, QueueFilter};
use app::state::{Backend as DbBackend, Db, unix_now};
use clap::{Parser, ValueEnum};
use sqlx::{AnyConnection, Connection, Executor};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const PARTICIPANTS: usize = 2_000;
const COMPANIES: usize = 50;
const MODERATORS: usize = 3;
const PRODUCTS: usize = 200;
const CATEGORIES: usize = 8;
/// The regions and the share of the companies in each; the last is a small one.
const REGIONS: [(&str, f64); 6] = [
    ("Moscow", 0.36),
    ("Saint Petersburg", 0.20),
    ("Kazan", 0.14),
    ("Novosibirsk", 0.12),
    ("Yekaterinburg", 0.12),
    ("Kaliningrad", 0.06),
];
const SHOPS: [&str; 8] = [
    "Distributor North",
    "Tyre Market 24",
    "Wheel House",
    "AutoParts Volga",
    "Koleso Plus",
    "Shina Centre",
    "Garage Supply",
    "Road Service",
];
/// Rows per INSERT statement, at most; and a statement's size, well under SQLite's 1 MB limit.
const ROWS_PER_INSERT: usize = 1_000;
const BYTES_PER_INSERT: usize = 400_000;
/// Claims per transaction while seeding.
const CLAIMS_PER_TX: usize = 50_000;
/// The seeded claims were submitted over this many days before the run.
const SPAN_DAYS: i64 = 730;
/// The newest claims, by share, among which most of the open ones are.
const RECENT_SHARE: f64 = 0.15;
/// The page the moderator's server function asks for: a page and one more row.
const PAGE: i64 = app::receipt::admin::QUEUE_PAGE + 1;
/// The target for a queue page, p95.
const TARGET_P95_MS: f64 = 50.0;
const SUBMIT_CLIENTS: [usize; 2] = [1, 8];
const WARMUP_SUBMITS: usize = 16;
/// The limits the bench database is given, well above what one participant submits in a run.
const RAISED_LIMIT: i64 = 1_000;

#[derive(Parser)]
#[command(
    name = "workwell-receipt-bench",
    about = "Measure the receipt moderation queue and receipt claims with many claims stored"
)]
struct Cli {
    /// Receipt claims to seed before measuring.
    #[arg(long, default_value_t = 1_000_000)]
    claims: usize,
    /// Queue page calls to time per backend.
    #[arg(long, default_value_t = 360)]
    pages: usize,
    /// Claim submissions to time per backend and concurrency.
    #[arg(long, default_value_t = 320)]
    submits: usize,
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
    /// Leave the bench databases in place (their URLs are printed) to look at them afterwards.
    #[arg(long)]
    keep: bool,
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

/// A small deterministic generator (SplitMix64): the same data on every run and backend.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// In `0..n` (the modulo's bias is far below anything measured here).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// In `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo + 1) as u64) as i64
    }

    /// In `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// An index into `weights` (running totals), drawn by weight.
    fn weighted(&mut self, running: &[f64]) -> usize {
        let x = self.unit() * running.last().copied().unwrap_or(0.0);
        running.partition_point(|&w| w <= x).min(running.len() - 1)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

fn running_totals(weights: impl IntoIterator<Item = f64>) -> Vec<f64> {
    let mut total = 0.0;
    weights
        .into_iter()
        .map(|w| {
            total += w;
            total
        })
        .collect()
}

/// A fresh database, and what it takes to remove it afterwards.
struct BenchDb {
    db: Db,
    url: String,
    pg_name: Option<String>,
    sqlite_file: Option<std::path::PathBuf>,
}

async fn fresh_db(backend: Backend, pg_admin: &str) -> Result<BenchDb, String> {
    sqlx::any::install_default_drivers();
    let unique = uuid::Uuid::new_v4().simple().to_string();
    let (url, pg_name, sqlite_file) = match backend {
        Backend::Sqlite => {
            let file = std::env::temp_dir().join(format!("workwell-receipt-bench-{unique}.db"));
            (
                format!("sqlite://{}?mode=rwc", file.display()),
                None,
                Some(file),
            )
        }
        Backend::Postgres => {
            let name = format!("workwell_receipt_bench_{unique}");
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
    let db = match workwell::db::connect(&url).await {
        Ok(db) => db,
        Err(e) => {
            drop_db(pg_admin, pg_name.as_deref(), sqlite_file.as_deref()).await;
            return Err(format!("cannot open {url}: {e}"));
        }
    };
    let made = BenchDb {
        db,
        url,
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
        if let Some(writer) = &self.db.writer {
            writer.close().await;
        }
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

/// The values of one row of a multi-row INSERT, comma-separated as they are added. The seed's
/// texts are all ours; quotes are doubled anyway.
struct Values<'a> {
    out: &'a mut String,
    first: bool,
}

impl Values<'_> {
    fn sep(&mut self) -> &mut String {
        if !std::mem::take(&mut self.first) {
            self.out.push(',');
        }
        self.out
    }

    fn int(&mut self, v: i64) -> &mut Self {
        let _ = write!(self.sep(), "{v}");
        self
    }

    fn text(&mut self, s: &str) -> &mut Self {
        let out = self.sep();
        out.push('\'');
        for ch in s.chars() {
            if ch == '\'' {
                out.push('\'');
            }
            out.push(ch);
        }
        out.push('\'');
        self
    }

    fn opt_int(&mut self, v: Option<i64>) -> &mut Self {
        match v {
            Some(v) => self.int(v),
            None => self.null(),
        }
    }

    fn opt_text(&mut self, s: Option<&str>) -> &mut Self {
        match s {
            Some(s) => self.text(s),
            None => self.null(),
        }
    }

    fn null(&mut self) -> &mut Self {
        self.sep().push_str("NULL");
        self
    }
}

/// Rows gathered into one `INSERT … VALUES (…), (…)` statement, sent by [`Bulk::flush`]. The
/// statement carries its values as literals, so it goes as one simple query, not prepared.
struct Bulk {
    head: &'static str,
    sql: String,
    rows: usize,
    total: u64,
}

impl Bulk {
    fn new(head: &'static str) -> Bulk {
        Bulk {
            head,
            sql: String::new(),
            rows: 0,
            total: 0,
        }
    }

    fn row(&mut self, fill: impl FnOnce(&mut Values)) {
        if self.rows == 0 {
            self.sql.clear();
            self.sql.push_str(self.head);
            self.sql.push_str(" VALUES ");
        } else {
            self.sql.push(',');
        }
        self.sql.push('(');
        fill(&mut Values {
            out: &mut self.sql,
            first: true,
        });
        self.sql.push(')');
        self.rows += 1;
    }

    fn full(&self) -> bool {
        self.rows >= ROWS_PER_INSERT || self.sql.len() >= BYTES_PER_INSERT
    }

    async fn flush(&mut self, conn: &mut AnyConnection) -> Result<(), String> {
        if self.rows == 0 {
            return Ok(());
        }
        conn.execute(self.sql.as_str())
            .await
            .map_err(|e| format!("seeding ({}…): {e}", &self.head[..self.head.len().min(40)]))?;
        self.total += self.rows as u64;
        self.rows = 0;
        Ok(())
    }
}

struct Participant {
    id: i64,
    company: Option<i64>,
    /// The role factor in permille (a foreman's claims are worth ×1.2).
    factor: i64,
}

struct Product {
    id: i64,
    base_points: i64,
    /// Roubles.
    price: i64,
    /// The rules engine's steps for one unit, as a line stores them.
    breakdown: String,
}

/// The seeded program, and what the timed runs draw from.
struct World {
    companies: Vec<(i64, usize)>,
    participants: Vec<Participant>,
    products: Vec<Product>,
    claims: u64,
    lines: u64,
    ledger: u64,
    max_claim: i64,
    seed_time: Duration,
    analyze_time: Duration,
}

/// The next free id of a table (ids are given explicitly while seeding).
async fn next_id(conn: &mut AnyConnection, table: &str) -> Result<i64, String> {
    let max: i64 = sqlx::query_scalar(&format!(
        "SELECT CAST(COALESCE(MAX(id), 0) AS BIGINT) FROM {table}"
    ))
    .fetch_one(&mut *conn)
    .await
    .map_err(|e| format!("seeding ({table} ids): {e}"))?;
    Ok(max + 1)
}

const CLAIM_INSERT: &str = "INSERT INTO receipt_claims (id, user_id, company_id, source, \
    document_key, qr_text, supplier_tax_id, document_no, shop, document_at, total, status, \
    expected_points, final_points, flags, reject_reason, note, answer, decided_by, decided_at, \
    seen_at, idempotency_key, submitted_at, updated_at)";
const LINE_INSERT: &str = "INSERT INTO receipt_lines (id, claim_id, product_id, quantity, \
    approved_quantity, points, breakdown)";
const LEDGER_INSERT: &str = "INSERT INTO ledger_entries (id, user_id, kind, points, reason, \
    reason_data, lot_remaining, receipt_claim_id, created_at)";

/// Seeds the program and `claims` receipt claims on one connection of its own (closed afterwards,
/// so the bulk-load settings it takes never reach the timed runs), then ANALYZE.
async fn seed(db: &Db, claims: usize, now: i64) -> Result<World, String> {
    let started = Instant::now();
    let mut conn = db
        .pool
        .acquire()
        .await
        .map_err(|e| format!("seeding: {e}"))?
        .detach();
    let e = |what: &'static str| move |err: sqlx::Error| format!("seeding ({what}): {err}");
    match db.backend {
        // The data is consistent by construction: no foreign-key checks row by row, and no
        // waiting for the disk at each commit, while loading.
        DbBackend::Sqlite => {
            conn.execute(
                "PRAGMA foreign_keys = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144",
            )
            .await
            .map_err(e("pragmas"))?;
        }
        DbBackend::Postgres => {
            conn.execute("SET synchronous_commit = off")
                .await
                .map_err(e("session settings"))?;
            // Skipping the foreign-key triggers takes a superuser; without one they just run.
            if let Err(err) = conn.execute("SET session_replication_role = replica").await {
                eprintln!("   foreign keys checked while seeding ({err})");
            }
        }
    }
    let mut rng = Rng(0x5EED_2026_0001);
    let mut world = seed_program(&mut conn, &mut rng, now).await?;
    seed_claims(&mut conn, &mut rng, &mut world, claims, now).await?;
    if db.backend == DbBackend::Postgres {
        // Ids were given explicitly: the identity sequences continue after them.
        for table in [
            "partner_companies",
            "users",
            "product_categories",
            "products",
            "receipt_claims",
            "receipt_lines",
            "ledger_entries",
        ] {
            conn.execute(
                format!(
                    "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
                     (SELECT MAX(id) FROM {table}))"
                )
                .as_str(),
            )
            .await
            .map_err(e("sequences"))?;
        }
    }
    sqlx::query(
        "UPDATE program_settings SET value = $1 \
         WHERE key IN ('receipt.per_day', 'receipt.per_month')",
    )
    .bind(RAISED_LIMIT)
    .execute(&mut conn)
    .await
    .map_err(e("limits"))?;
    world.seed_time = started.elapsed();

    let started = Instant::now();
    match db.backend {
        DbBackend::Sqlite => {
            // The loaded pages folded into the database file, as a checkpoint would have long
            // since done in service.
            conn.execute("ANALYZE; PRAGMA wal_checkpoint(TRUNCATE)")
                .await
                .map_err(e("ANALYZE"))?;
        }
        DbBackend::Postgres => {
            // VACUUM too: autovacuum would otherwise start on the freshly loaded tables in the
            // middle of the timed runs (and in service it would long since have run).
            conn.execute("VACUUM (ANALYZE)")
                .await
                .map_err(e("VACUUM ANALYZE"))?;
        }
    }
    world.analyze_time = started.elapsed();
    let _ = conn.close().await;
    Ok(world)
}

/// Companies, participants, moderators, categories and products.
async fn seed_program(conn: &mut AnyConnection, rng: &mut Rng, now: i64) -> Result<World, String> {
    let created = now - (SPAN_DAYS + 30) * 86_400;
    let mut tx = conn.begin().await.map_err(|e| format!("seeding: {e}"))?;

    let first_company = next_id(&mut tx, "partner_companies").await?;
    let region_shares = running_totals(REGIONS.iter().map(|r| r.1));
    let kinds = ["dealer", "service_centre", "installer", "distributor"];
    let mut companies = Vec::with_capacity(COMPANIES);
    let mut bulk =
        Bulk::new("INSERT INTO partner_companies (id, name, tax_id, region, kind, created_at)");
    for c in 0..COMPANIES {
        let id = first_company + c as i64;
        // Every region has a company; the rest are spread by the regions' shares.
        let region = if c < REGIONS.len() {
            c
        } else {
            rng.weighted(&region_shares)
        };
        let kind = *rng.pick(&kinds);
        bulk.row(|v| {
            v.int(id)
                .text(&format!("Partner {c:02}"))
                .text(&format!("77{:08}", 10_000 + c))
                .text(REGIONS[region].0)
                .text(kind)
                .int(created);
        });
        companies.push((id, region));
    }
    bulk.flush(&mut tx).await?;

    // Company sizes fall off with rank (Zipf, s = 0.9): a few large dealers, many small ones.
    let company_sizes = running_totals((0..COMPANIES).map(|c| 1.0 / ((c + 1) as f64).powf(0.9)));
    let first_user = next_id(&mut tx, "users").await?;
    let mut participants = Vec::with_capacity(PARTICIPANTS);
    let mut bulk = Bulk::new(
        "INSERT INTO users (id, role, kind, company_id, name, phone, email, status, created_at)",
    );
    for i in 0..PARTICIPANTS {
        let id = first_user + i as i64;
        let company = if i < 2 * COMPANIES {
            // At least two people in every company.
            Some(companies[i % COMPANIES].0)
        } else if rng.chance(0.05) {
            None
        } else {
            Some(companies[rng.weighted(&company_sizes)].0)
        };
        let roll = rng.unit();
        let (kind, factor) = if roll < 0.6 {
            ("seller", 1000)
        } else if roll < 0.9 {
            ("foreman", 1200)
        } else {
            ("engineer", 1000)
        };
        bulk.row(|v| {
            v.int(id)
                .text("participant")
                .text(kind)
                .opt_int(company)
                .text(&format!("Participant {i:04}"))
                .text(&format!("+7903{i:07}"))
                .null()
                .text("active")
                .int(created);
        });
        if bulk.full() {
            bulk.flush(&mut tx).await?;
        }
        participants.push(Participant {
            id,
            company,
            factor,
        });
    }
    for m in 0..MODERATORS {
        let id = first_user + (PARTICIPANTS + m) as i64;
        bulk.row(|v| {
            v.int(id)
                .text("admin")
                .null()
                .null()
                .text(&format!("Moderator {m}"))
                .null()
                .text(&format!("moderator{m}@workwell.test"))
                .text("active")
                .int(created);
        });
    }
    bulk.flush(&mut tx).await?;

    let first_category = next_id(&mut tx, "product_categories").await?;
    let mut bulk = Bulk::new("INSERT INTO product_categories (id, code, name)");
    for c in 0..CATEGORIES {
        bulk.row(|v| {
            v.int(first_category + c as i64)
                .text(&format!("bench-{c}"))
                .text(&format!("Category {c}"));
        });
    }
    bulk.flush(&mut tx).await?;
    let first_product = next_id(&mut tx, "products").await?;
    let mut bulk = Bulk::new(
        "INSERT INTO products (id, sku, name, category_id, base_points, price, active, created_at)",
    );
    let mut products = Vec::with_capacity(PRODUCTS);
    for p in 0..PRODUCTS {
        let id = first_product + p as i64;
        let base_points = *rng.pick(&[20, 40, 60, 80, 100, 120, 150, 200, 300]);
        let price = base_points * rng.range(40, 60);
        bulk.row(|v| {
            v.int(id)
                .text(&format!("RB-{p:04}"))
                .text(&format!("Tyre R{} model {p}", 13 + p % 8))
                .int(first_category + (p % CATEGORIES) as i64)
                .int(base_points)
                .int(price)
                .int(1)
                .int(created);
        });
        products.push(Product {
            id,
            base_points,
            price,
            breakdown: String::new(),
        });
    }
    bulk.flush(&mut tx).await?;
    tx.commit().await.map_err(|e| format!("seeding: {e}"))?;

    // What a line stores as its steps, from the rules engine itself (a seller, one unit).
    let seller = participants
        .iter()
        .find(|p| p.factor == 1000)
        .map_or(first_user, |p| p.id);
    for p in &mut products {
        let valued = service::estimate(&mut *conn, seller, &[(p.id, 1)], now, now)
            .await
            .map_err(|e| format!("seeding (estimate): {e:?}"))?;
        p.breakdown = valued
            .first()
            .map(|v| serde_json::to_string(&v.steps).unwrap_or_default())
            .unwrap_or_else(|| "[]".into());
    }
    Ok(World {
        companies,
        participants,
        products,
        claims: 0,
        lines: 0,
        ledger: 0,
        max_claim: 0,
        seed_time: Duration::ZERO,
        analyze_time: Duration::ZERO,
    })
}

/// The claims, their lines, the ledger entries they made and the balances.
async fn seed_claims(
    conn: &mut AnyConnection,
    rng: &mut Rng,
    world: &mut World,
    claims: usize,
    now: i64,
) -> Result<(), String> {
    let first_claim = next_id(conn, "receipt_claims").await?;
    let mut line_id = next_id(conn, "receipt_lines").await?;
    let mut entry_id = next_id(conn, "ledger_entries").await?;
    let moderator_of = |rng: &mut Rng| {
        world.participants.last().map_or(0, |p| p.id) + 1 + rng.below(MODERATORS) as i64
    };
    // How much each participant claims: exponential, so some claim many times the median.
    let activity = running_totals((0..world.participants.len()).map(|_| -(1.0 - rng.unit()).ln()));
    let recent = running_totals([0.60, 0.20, 0.15, 0.05]);
    // Older claims: what makes the totals 10% waiting, 5% needs info, 70% approved, 15% rejected.
    let older = running_totals([0.01, 0.02, 0.6775, 0.1425].map(|s| s / (1.0 - RECENT_SHARE)));
    const STATUSES: [&str; 4] = ["waiting", "needs_info", "approved", "rejected"];
    let flag_sets = [
        "lines_over_total",
        "photo_reused",
        "no_photo",
        "lines_over_total,photo_reused",
    ];
    let reasons = [
        "not_our_products",
        "unreadable",
        "not_a_purchase",
        "wrong_quantities",
        "other",
    ];
    let quantities = [1, 1, 2, 2, 4, 4, 4, 8];
    let start = now - SPAN_DAYS * 86_400;
    let mut points = vec![0i64; world.participants.len()];
    let mut pending = vec![0i64; world.participants.len()];

    let mut claim_rows = Bulk::new(CLAIM_INSERT);
    let mut line_rows = Bulk::new(LINE_INSERT);
    let mut entry_rows = Bulk::new(LEDGER_INSERT);
    let mut tx = conn.begin().await.map_err(|e| format!("seeding: {e}"))?;
    let started = Instant::now();
    for i in 0..claims {
        let id = first_claim + i as i64;
        let submitted_at =
            start + (i as i128 * (SPAN_DAYS * 86_400) as i128 / claims as i128) as i64;
        let who = rng.weighted(&activity);
        let person = &world.participants[who];
        let document_at = submitted_at - rng.range(600, 20 * 86_400);
        let position = i as f64 / claims as f64;
        let status = STATUSES[rng.weighted(if position >= 1.0 - RECENT_SHARE {
            &recent
        } else {
            &older
        })];

        let n_lines = match rng.unit() {
            x if x < 0.55 => 1,
            x if x < 0.85 => 2,
            _ => 3,
        };
        let mut chosen: Vec<(usize, i64)> = Vec::with_capacity(n_lines);
        while chosen.len() < n_lines {
            let p = rng.below(world.products.len());
            if !chosen.iter().any(|c| c.0 == p) {
                chosen.push((p, *rng.pick(&quantities)));
            }
        }
        let line_points =
            |(p, q): (usize, i64)| world.products[p].base_points * q * person.factor / 1000;
        let expected: i64 = chosen.iter().copied().map(line_points).sum();
        let catalog: i64 = chosen
            .iter()
            .map(|&(p, q)| world.products[p].price * 100 * q)
            .sum();
        let flags = if rng.chance(0.10) {
            *rng.pick(&flag_sets)
        } else {
            ""
        };
        let total = if flags.contains("lines_over_total") {
            catalog * rng.range(70, 95) / 100
        } else {
            catalog * rng.range(100, 140) / 100
        }
        .max(1);
        let document = if rng.chance(0.85) {
            let qr = FiscalQr {
                wall_time: document_at,
                total,
                drive: format!("9287{:012}", 440_000_000 + rng.below(5_000)),
                document: id as u64,
                sign: rng.next() % 4_000_000_000,
            };
            let text = qr.to_text();
            Document::Qr { qr, text }
        } else {
            Document::Invoice {
                number: format!("INV-{id}"),
                supplier_tax_id: Some(format!("50{:08}", 20_000 + rng.below(300))),
                at: document_at - document_at.rem_euclid(86_400),
                total,
            }
        };
        let (qr_text, supplier) = match &document {
            Document::Qr { text, .. } => (Some(text.as_str()), None),
            Document::Invoice {
                supplier_tax_id, ..
            } => (None, supplier_tax_id.as_deref()),
        };
        // The newest decisions and views cannot be later than now.
        let decided_at = (submitted_at + rng.range(1_800, 3 * 86_400))
            .min(now)
            .max(submitted_at);
        let seen_at = rng
            .chance(0.9)
            .then(|| (decided_at + rng.range(60, 5 * 86_400)).min(now));
        let (final_points, reason, note, answer, decided_by, decided, seen) = match status {
            "approved" => {
                let final_points = if rng.chance(0.9) {
                    expected
                } else {
                    expected * rng.range(50, 99) / 100
                };
                let by = moderator_of(rng);
                (
                    Some(final_points),
                    None,
                    None,
                    None,
                    Some(by),
                    Some(decided_at),
                    seen_at,
                )
            }
            "rejected" => (
                Some(0),
                Some(*rng.pick(&reasons)),
                Some("The photo does not show our products."),
                None,
                Some(moderator_of(rng)),
                Some(decided_at),
                seen_at,
            ),
            "needs_info" => (
                None,
                None,
                Some("Please send a photo of the whole receipt."),
                None,
                Some(moderator_of(rng)),
                None,
                None,
            ),
            // Some waiting claims were asked about and answered.
            _ if rng.chance(0.05) => (
                None,
                None,
                Some("Which shop was this?"),
                Some("Koleso Plus on Lenina street."),
                Some(moderator_of(rng)),
                None,
                None,
            ),
            _ => (None, None, None, None, None, None, None),
        };
        let key = rng
            .chance(0.9)
            .then(|| format!("k{id}-{:08x}", rng.next() as u32));
        let shop = *rng.pick(&SHOPS);
        claim_rows.row(|v| {
            v.int(id)
                .int(person.id)
                .opt_int(person.company)
                .text(if qr_text.is_some() { "qr" } else { "invoice" })
                .text(&document.key())
                .opt_text(qr_text)
                .opt_text(supplier)
                .text(&document.number())
                .text(shop)
                .int(document.at())
                .int(total)
                .text(status)
                .int(expected)
                .opt_int(final_points)
                .text(flags)
                .opt_text(reason)
                .opt_text(note)
                .opt_text(answer)
                .opt_int(decided_by)
                .opt_int(decided)
                .opt_int(seen)
                .opt_text(key.as_deref())
                .int(submitted_at)
                .int(decided.unwrap_or(submitted_at));
        });
        for &(p, q) in &chosen {
            line_rows.row(|v| {
                v.int(line_id)
                    .int(id)
                    .int(world.products[p].id)
                    .int(q)
                    .opt_int((status == "approved").then_some(q))
                    .int(line_points((p, q)))
                    .text(&world.products[p].breakdown);
            });
            line_id += 1;
        }
        let document_no = document.number();
        let entry = match status {
            "approved" if final_points.unwrap_or(0) > 0 => {
                let credited = final_points.unwrap_or(0);
                points[who] += credited;
                Some((
                    "accrual",
                    credited,
                    app::earn::reason::Reason::Receipt {
                        claim: id,
                        document: document_no,
                    },
                    decided_at,
                ))
            }
            "waiting" | "needs_info" if expected > 0 => {
                pending[who] += expected;
                Some((
                    "pending",
                    expected,
                    app::earn::reason::Reason::ReceiptPending {
                        claim: id,
                        document: document_no,
                    },
                    submitted_at,
                ))
            }
            _ => None,
        };
        if let Some((kind, amount, reason, at)) = entry {
            entry_rows.row(|v| {
                v.int(entry_id)
                    .int(person.id)
                    .text(kind)
                    .int(amount)
                    .text(&reason.text(app::i18n::Lang::En))
                    .text(&reason.to_json())
                    // A credit opens a lot; pending points are none.
                    .int(if kind == "accrual" { amount } else { 0 })
                    .int(id)
                    .int(at);
            });
            entry_id += 1;
        }
        if claim_rows.full() || line_rows.full() || entry_rows.full() || i + 1 == claims {
            // Claims before the rows that name them.
            claim_rows.flush(&mut tx).await?;
            line_rows.flush(&mut tx).await?;
            entry_rows.flush(&mut tx).await?;
        }
        if (i + 1) % CLAIMS_PER_TX == 0 || i + 1 == claims {
            tx.commit().await.map_err(|e| format!("seeding: {e}"))?;
            tx = conn.begin().await.map_err(|e| format!("seeding: {e}"))?;
            if (i + 1) % (4 * CLAIMS_PER_TX) == 0 {
                eprintln!(
                    "   {} claims seeded, {:.0} claims/s",
                    i + 1,
                    (i + 1) as f64 / started.elapsed().as_secs_f64()
                );
            }
        }
    }
    let mut balances = Bulk::new("INSERT INTO balances (user_id, points, pending, updated_at)");
    for (i, p) in world.participants.iter().enumerate() {
        balances.row(|v| {
            v.int(p.id).int(points[i]).int(pending[i]).int(now);
        });
        if balances.full() {
            balances.flush(&mut tx).await?;
        }
    }
    balances.flush(&mut tx).await?;
    tx.commit().await.map_err(|e| format!("seeding: {e}"))?;
    world.claims = claim_rows.total;
    world.lines = line_rows.total;
    world.ledger = entry_rows.total;
    world.max_claim = first_claim + claims as i64 - 1;
    Ok(())
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The kinds of queue page a moderator asks for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    WaitingFirst,
    WaitingDeep,
    Company,
    Region,
    Flagged,
    CompanyFlagged,
    NeedsInfo,
    Approved,
    Rejected,
}

const SHAPES: [Shape; 9] = [
    Shape::WaitingFirst,
    Shape::WaitingDeep,
    Shape::Company,
    Shape::Region,
    Shape::Flagged,
    Shape::CompanyFlagged,
    Shape::NeedsInfo,
    Shape::Approved,
    Shape::Rejected,
];

impl Shape {
    fn name(self) -> &'static str {
        match self {
            Shape::WaitingFirst => "waiting, first page",
            Shape::WaitingDeep => "waiting, deep page",
            Shape::Company => "waiting, one company",
            Shape::Region => "waiting, one region",
            Shape::Flagged => "waiting, flagged only",
            Shape::CompanyFlagged => "waiting, one company, flagged",
            Shape::NeedsInfo => "needs info",
            Shape::Approved => "approved",
            Shape::Rejected => "rejected",
        }
    }
}

/// The open claims' ids as they are stored, to take cursors from.
#[derive(sqlx::FromRow)]
struct OpenRow {
    id: i64,
    status: ReceiptStatus,
    company_id: Option<i64>,
    flags: String,
}

#[derive(Default)]
struct Cursors {
    waiting: Vec<i64>,
    needs_info: Vec<i64>,
    by_company: HashMap<i64, Vec<i64>>,
    by_region: HashMap<usize, Vec<i64>>,
    flagged: Vec<i64>,
    flagged_by_company: HashMap<i64, Vec<i64>>,
}

async fn cursors(db: &Db, world: &World) -> Result<Cursors, String> {
    let rows = sqlx::query_as::<_, OpenRow>(
        "SELECT id, status, company_id, flags FROM receipt_claims \
         WHERE status IN ('waiting', 'needs_info') ORDER BY id",
    )
    .fetch_all(&db.pool)
    .await
    .map_err(|e| format!("reading cursors: {e}"))?;
    let region_of: HashMap<i64, usize> = world.companies.iter().copied().collect();
    let mut c = Cursors::default();
    for r in rows {
        if r.status == ReceiptStatus::NeedsInfo {
            c.needs_info.push(r.id);
            continue;
        }
        c.waiting.push(r.id);
        if let Some(company) = r.company_id {
            c.by_company.entry(company).or_default().push(r.id);
            if let Some(&region) = region_of.get(&company) {
                c.by_region.entry(region).or_default().push(r.id);
            }
            if !r.flags.is_empty() {
                c.flagged_by_company.entry(company).or_default().push(r.id);
            }
        }
        if !r.flags.is_empty() {
            c.flagged.push(r.id);
        }
    }
    Ok(c)
}

/// Half the time the first page, half a page after a real id from `ids`.
fn maybe_deep(rng: &mut Rng, ids: Option<&Vec<i64>>) -> Option<i64> {
    match ids {
        Some(ids) if !ids.is_empty() && rng.chance(0.5) => Some(*rng.pick(ids)),
        _ => None,
    }
}

fn case(shape: Shape, rng: &mut Rng, world: &World, c: &Cursors) -> (QueueFilter, Option<i64>) {
    let waiting = |f: QueueFilter| QueueFilter {
        status: Some(ReceiptStatus::Waiting),
        ..f
    };
    let status = |s: ReceiptStatus| QueueFilter {
        status: Some(s),
        ..QueueFilter::default()
    };
    // Any claim's id is a cursor into the decided lists (they hold 85% of all claims).
    let any_id = |rng: &mut Rng| {
        rng.chance(0.5)
            .then(|| 1 + rng.below(world.max_claim.max(1) as usize) as i64)
    };
    match shape {
        Shape::WaitingFirst => (waiting(QueueFilter::default()), None),
        Shape::WaitingDeep => (
            waiting(QueueFilter::default()),
            c.waiting.get(rng.below(c.waiting.len())).copied(),
        ),
        Shape::Company => {
            let company = rng.pick(&world.companies).0;
            (
                waiting(QueueFilter {
                    company_id: Some(company),
                    ..QueueFilter::default()
                }),
                maybe_deep(rng, c.by_company.get(&company)),
            )
        }
        Shape::Region => {
            let region = rng.below(REGIONS.len());
            (
                waiting(QueueFilter {
                    region: Some(REGIONS[region].0.to_string()),
                    ..QueueFilter::default()
                }),
                maybe_deep(rng, c.by_region.get(&region)),
            )
        }
        Shape::Flagged => (
            waiting(QueueFilter {
                flagged_only: true,
                ..QueueFilter::default()
            }),
            maybe_deep(rng, Some(&c.flagged)),
        ),
        Shape::CompanyFlagged => {
            let company = rng.pick(&world.companies).0;
            (
                waiting(QueueFilter {
                    company_id: Some(company),
                    flagged_only: true,
                    ..QueueFilter::default()
                }),
                maybe_deep(rng, c.flagged_by_company.get(&company)),
            )
        }
        Shape::NeedsInfo => (
            status(ReceiptStatus::NeedsInfo),
            maybe_deep(rng, Some(&c.needs_info)),
        ),
        Shape::Approved => (status(ReceiptStatus::Approved), any_id(rng)),
        Shape::Rejected => (status(ReceiptStatus::Rejected), any_id(rng)),
    }
}

struct QueueResult {
    backend: Backend,
    /// `None`: all shapes together.
    shape: Option<Shape>,
    calls: usize,
    rows: usize,
    p50: Duration,
    p95: Duration,
    max: Duration,
}

/// The queue pages, one call at a time, shapes shuffled; the rows checked against the filter.
async fn bench_queue(
    backend: Backend,
    db: &Db,
    world: &World,
    pages: usize,
    out: &mut Vec<QueueResult>,
    errors: &mut Vec<String>,
) -> Result<(), String> {
    let c = cursors(db, world).await?;
    let mut rng = Rng(0x0051_DE00_2026);
    let mut plan: Vec<Shape> = (0..pages).map(|i| SHAPES[i % SHAPES.len()]).collect();
    rng.shuffle(&mut plan);
    // Two untimed calls of each shape first: the server keeps its connections and statements.
    let warmup: Vec<Shape> = SHAPES.iter().flat_map(|&s| [s, s]).collect();
    let mut timed: HashMap<usize, (Vec<Duration>, usize)> = HashMap::new();
    let mut failures = 0;
    for (n, shape) in warmup.iter().chain(plan.iter()).enumerate() {
        let (filter, after) = case(*shape, &mut rng, world, &c);
        let mut conn = db.pool.acquire().await.map_err(|e| format!("queue: {e}"))?;
        let t = Instant::now();
        let page = service::queue(&mut conn, &filter, after, PAGE).await;
        let took = t.elapsed();
        drop(conn);
        let rows = match page {
            Ok(rows) => {
                let want = filter.status.unwrap_or(ReceiptStatus::Waiting);
                let ordered = rows.windows(2).all(|w| w[0].id < w[1].id);
                let right = rows.iter().all(|r| {
                    r.status == want
                        && after.is_none_or(|a| r.id > a)
                        && (!filter.flagged_only || !r.flags.is_empty())
                        && filter
                            .region
                            .as_ref()
                            .is_none_or(|g| r.region.as_ref() == Some(g))
                });
                if !ordered || !right || rows.len() > PAGE as usize {
                    failures += 1;
                    errors.push(format!(
                        "{} queue {}: a page that does not match its filter",
                        backend.name(),
                        shape.name()
                    ));
                }
                rows.len()
            }
            Err(e) => {
                failures += 1;
                errors.push(format!("{} queue {}: {e:?}", backend.name(), shape.name()));
                0
            }
        };
        if n >= warmup.len() {
            let slot = SHAPES.iter().position(|s| s == shape).unwrap_or(0);
            let entry = timed.entry(slot).or_default();
            entry.0.push(took);
            entry.1 += rows;
        }
    }
    let mut all = Vec::new();
    let mut all_rows = 0;
    for (slot, shape) in SHAPES.iter().enumerate() {
        let Some((mut times, rows)) = timed.remove(&slot) else {
            continue;
        };
        times.sort_unstable();
        all.extend(times.iter().copied());
        all_rows += rows;
        let r = QueueResult {
            backend,
            shape: Some(*shape),
            calls: times.len(),
            rows,
            p50: percentile(&times, 50.0),
            p95: percentile(&times, 95.0),
            max: times.last().copied().unwrap_or_default(),
        };
        eprintln!(
            "== {} queue {}: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
            backend.name(),
            shape.name(),
            ms(r.p50),
            ms(r.p95),
            ms(r.max)
        );
        out.push(r);
    }
    all.sort_unstable();
    out.push(QueueResult {
        backend,
        shape: None,
        calls: all.len(),
        rows: all_rows,
        p50: percentile(&all, 50.0),
        p95: percentile(&all, 95.0),
        max: all.last().copied().unwrap_or_default(),
    });
    if failures > 0 {
        return Err(format!("{failures} queue calls failed"));
    }
    Ok(())
}

struct SubmitResult {
    backend: Backend,
    clients: usize,
    claims: usize,
    elapsed: Duration,
    p50: Duration,
    p95: Duration,
    max: Duration,
    failures: usize,
}

/// Fresh fiscal receipts, each by a different participant, with 1–3 lines of existing products.
fn fresh_claims(
    rng: &mut Rng,
    world: &World,
    order: &[usize],
    serial: &mut u64,
    n: usize,
) -> Vec<NewClaim> {
    let now = unix_now();
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        *serial += 1;
        let who = &world.participants[order[*serial as usize % order.len()]];
        let lines = 1 + rng.below(3);
        let mut chosen: Vec<(i64, i64)> = Vec::with_capacity(lines);
        let mut value = 0;
        while chosen.len() < lines {
            let p = rng.pick(&world.products);
            if !chosen.iter().any(|c| c.0 == p.id) {
                let q = *rng.pick(&[1, 2, 4]);
                value += p.price * 100 * q;
                chosen.push((p.id, q));
            }
        }
        let total = value * rng.range(105, 130) / 100;
        let made = FiscalQr {
            wall_time: now - rng.range(3_600, 5 * 86_400),
            total,
            drive: format!("9960000000{:06}", *serial % 1_000_000),
            document: *serial,
            sign: rng.next() % 4_000_000_000,
        };
        // As the phone sends it: the QR's text, read by the same parser the server uses.
        let text = made.to_text();
        let qr = FiscalQr::parse(&text).expect("the bench's QR text parses");
        out.push(NewClaim {
            user_id: who.id,
            document: Document::Qr { qr, text },
            shop: "Bench shop".into(),
            lines: chosen,
            key: Some(format!("bench-{serial}")),
        });
    }
    out
}

/// `clients` tasks submit the claims until all are submitted.
async fn submit_run(
    db: &Db,
    claims: Vec<NewClaim>,
    clients: usize,
) -> (Duration, Vec<Duration>, Vec<String>) {
    let claims = Arc::new(claims);
    let next = Arc::new(AtomicUsize::new(0));
    let errors = Arc::new(Mutex::new(Vec::new()));
    let start = Instant::now();
    let mut tasks = Vec::with_capacity(clients);
    for _ in 0..clients {
        let (db, claims, next, errors) = (db.clone(), claims.clone(), next.clone(), errors.clone());
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            loop {
                let n = next.fetch_add(1, Ordering::Relaxed);
                let Some(claim) = claims.get(n) else { break };
                let t = Instant::now();
                let result = service::submit(&db, claim.clone(), unix_now()).await;
                latencies.push(t.elapsed());
                let failure = match result {
                    Ok(s) if s.status == ReceiptStatus::Waiting && s.id > 0 => None,
                    Ok(s) => Some(format!("submit {n}: stored as {:?}", s.status)),
                    Err(e) => Some(format!("submit {n}: {e:?}")),
                };
                if let Some(f) = failure {
                    errors.lock().unwrap().push(f);
                }
            }
            latencies
        }));
    }
    let mut latencies = Vec::new();
    for t in tasks {
        match t.await {
            Ok(l) => latencies.extend(l),
            Err(e) => errors
                .lock()
                .unwrap()
                .push(format!("client task failed: {e}")),
        }
    }
    let elapsed = start.elapsed();
    let errors = std::mem::take(&mut *errors.lock().unwrap());
    (elapsed, latencies, errors)
}

async fn bench_submit(
    backend: Backend,
    db: &Db,
    world: &World,
    submits: usize,
    out: &mut Vec<SubmitResult>,
    errors: &mut Vec<String>,
) -> Result<(), String> {
    let mut rng = Rng(0x5AB3_1700_2026);
    let mut order: Vec<usize> = (0..world.participants.len()).collect();
    rng.shuffle(&mut order);
    let mut serial = 0u64;
    let before: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM receipt_claims")
        .fetch_one(&db.pool)
        .await
        .map_err(|e| format!("counting claims: {e}"))?;
    let warmup = fresh_claims(&mut rng, world, &order, &mut serial, WARMUP_SUBMITS);
    let (_, _, failed) = submit_run(db, warmup, 1).await;
    let mut failures = failed.len();
    errors.extend(
        failed
            .into_iter()
            .map(|e| format!("{} warm-up {e}", backend.name())),
    );
    let mut stored = WARMUP_SUBMITS;
    for clients in SUBMIT_CLIENTS {
        let claims = fresh_claims(&mut rng, world, &order, &mut serial, submits);
        let (elapsed, mut latencies, failed) = submit_run(db, claims, clients).await;
        latencies.sort_unstable();
        let r = SubmitResult {
            backend,
            clients,
            claims: latencies.len(),
            elapsed,
            p50: percentile(&latencies, 50.0),
            p95: percentile(&latencies, 95.0),
            max: latencies.last().copied().unwrap_or_default(),
            failures: failed.len(),
        };
        eprintln!(
            "== {} submit x{clients}: {:.0} claims/s, p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms, {} failed",
            backend.name(),
            r.claims as f64 / r.elapsed.as_secs_f64(),
            ms(r.p50),
            ms(r.p95),
            ms(r.max),
            r.failures
        );
        failures += failed.len();
        stored += submits;
        errors.extend(
            failed
                .into_iter()
                .take(10)
                .map(|e| format!("{} x{clients} {e}", backend.name())),
        );
        out.push(r);
    }
    // Every submission stored once, and the pending totals still equal their entries.
    let (after, balances, entries): (i64, i64, i64) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM receipt_claims), \
         (SELECT CAST(COALESCE(SUM(pending), 0) AS BIGINT) FROM balances), \
         (SELECT CAST(COALESCE(SUM(points), 0) AS BIGINT) FROM ledger_entries WHERE kind = 'pending')",
    )
    .fetch_one(&db.pool)
    .await
    .map_err(|e| format!("checking the claims: {e}"))?;
    if after - before != stored as i64 {
        return Err(format!(
            "{} claims stored for {stored} submissions",
            after - before
        ));
    }
    if balances != entries {
        return Err(format!(
            "pending points {balances} in the balances, {entries} in the ledger"
        ));
    }
    if failures > 0 {
        return Err(format!("{failures} submissions failed"));
    }
    Ok(())
}

struct SeedResult {
    backend: Backend,
    version: String,
    claims: u64,
    lines: u64,
    ledger: u64,
    seed: Duration,
    analyze: Duration,
}

#[derive(Default)]
struct Results {
    seeds: Vec<SeedResult>,
    queue: Vec<QueueResult>,
    submits: Vec<SubmitResult>,
    errors: Vec<String>,
}

async fn bench_backend(backend: Backend, cli: &Cli, results: &mut Results) -> Result<(), String> {
    eprintln!("== {}: preparing", backend.name());
    let made = fresh_db(backend, &cli.pg).await?;
    let result = bench_on(backend, &made.db, cli, results).await;
    if cli.keep {
        eprintln!("== {}: kept {}", backend.name(), made.url);
        made.db.pool.close().await;
    } else {
        made.cleanup(&cli.pg).await;
    }
    result
}

async fn bench_on(
    backend: Backend,
    db: &Db,
    cli: &Cli,
    results: &mut Results,
) -> Result<(), String> {
    let version: String = sqlx::query_scalar(match db.backend {
        DbBackend::Sqlite => "SELECT sqlite_version()",
        DbBackend::Postgres => "SELECT current_setting('server_version')",
    })
    .fetch_one(&db.pool)
    .await
    .map_err(|e| format!("version: {e}"))?;
    eprintln!("== {}: seeding {} claims", backend.name(), cli.claims);
    let world = seed(db, cli.claims, unix_now()).await?;
    eprintln!(
        "== {}: seeded {} claims, {} lines, {} ledger entries in {:.1} s ({:.0} claims/s), ANALYZE {:.1} s",
        backend.name(),
        world.claims,
        world.lines,
        world.ledger,
        world.seed_time.as_secs_f64(),
        world.claims as f64 / world.seed_time.as_secs_f64(),
        world.analyze_time.as_secs_f64()
    );
    results.seeds.push(SeedResult {
        backend,
        version,
        claims: world.claims,
        lines: world.lines,
        ledger: world.ledger,
        seed: world.seed_time,
        analyze: world.analyze_time,
    });
    let queue = bench_queue(
        backend,
        db,
        &world,
        cli.pages,
        &mut results.queue,
        &mut results.errors,
    )
    .await;
    let submit = bench_submit(
        backend,
        db,
        &world,
        cli.submits,
        &mut results.submits,
        &mut results.errors,
    )
    .await;
    queue.and(submit)
}

fn cpu_model() -> Option<String> {
    let info = std::fs::read_to_string("/proc/cpuinfo").ok()?;
    info.lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split_once(':'))
        .map(|(_, v)| v.trim().to_string())
}

fn memory_gib() -> Option<f64> {
    let info = std::fs::read_to_string("/proc/meminfo").ok()?;
    let kib: f64 = info
        .lines()
        .find(|l| l.starts_with("MemTotal:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()?;
    Some(kib / 1024.0 / 1024.0)
}

fn report(r: &Results, cli: &Cli) -> String {
    let nproc = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(0);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Workwell: receipt claims with {} claims stored\n",
        cli.claims
    );
    let _ = writeln!(
        out,
        "Machine: nproc {nproc}{}{}; release build; the database on the same machine, SQLite in \
         the temporary folder (WAL, synchronous NORMAL). Seeded: {PARTICIPANTS} participants in \
         {COMPANIES} companies (Zipf sizes) over {} regions, {PRODUCTS} products; claims over \
         {SPAN_DAYS} days, 70% approved, 15% rejected, 10% waiting, 5% needs info, 10% flagged, \
         1–3 lines each; an accrual per approved claim and a pending entry per open one.\n",
        cpu_model().map(|m| format!(", {m}")).unwrap_or_default(),
        memory_gib()
            .map(|g| format!(", {g:.0} GiB RAM"))
            .unwrap_or_default(),
        REGIONS.len()
    );
    let _ = writeln!(out, "## Seeding (multi-row INSERTs, then ANALYZE)\n");
    let _ = writeln!(
        out,
        "| backend | version | claims | lines | ledger entries | seed s | claims/s | ANALYZE s |"
    );
    let _ = writeln!(out, "|---|---|---:|---:|---:|---:|---:|---:|");
    for s in &r.seeds {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {:.1} | {:.0} | {:.1} |",
            s.backend.name(),
            s.version,
            s.claims,
            s.lines,
            s.ledger,
            s.seed.as_secs_f64(),
            s.claims as f64 / s.seed.as_secs_f64(),
            s.analyze.as_secs_f64()
        );
    }
    let _ = writeln!(
        out,
        "\n## Queue page: `queue(conn, filter, after, {PAGE})`, one call at a time\n"
    );
    let _ = writeln!(
        out,
        "Shapes shuffled together; \"one company\" and the like are half first pages, half pages \
         after a real id of that list. Target: p95 ≤ {TARGET_P95_MS:.0} ms.\n"
    );
    let _ = writeln!(
        out,
        "| backend | page | calls | rows/call | p50 ms | p95 ms | max ms | p95 ≤ {TARGET_P95_MS:.0} ms |"
    );
    let _ = writeln!(out, "|---|---|---:|---:|---:|---:|---:|---|");
    for q in &r.queue {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {:.1} | {:.2} | {:.2} | {:.2} | {} |",
            q.backend.name(),
            q.shape.map_or("**all**", Shape::name),
            q.calls,
            q.rows as f64 / q.calls.max(1) as f64,
            ms(q.p50),
            ms(q.p95),
            ms(q.max),
            if ms(q.p95) <= TARGET_P95_MS {
                "yes"
            } else {
                "**no**"
            }
        );
    }
    let _ = writeln!(
        out,
        "\n## Submitting a claim: `submit(db, claim, now)`, a fresh QR receipt with 1–3 lines\n"
    );
    let _ = writeln!(
        out,
        "| backend | clients | claims | claims/s | p50 ms | p95 ms | max ms |"
    );
    let _ = writeln!(out, "|---|---:|---:|---:|---:|---:|---:|");
    for s in &r.submits {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {:.0} | {:.2} | {:.2} | {:.2} |{}",
            s.backend.name(),
            s.clients,
            s.claims,
            s.claims as f64 / s.elapsed.as_secs_f64(),
            ms(s.p50),
            ms(s.p95),
            ms(s.max),
            if s.failures > 0 {
                format!(" **{} failed**", s.failures)
            } else {
                String::new()
            }
        );
    }
    out
}

#[tokio::main(flavor = "multi_thread")]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    if cli.claims < 1_000 || cli.pages == 0 || cli.submits == 0 {
        eprintln!("--claims must be at least 1000, --pages and --submits at least 1");
        return ExitCode::FAILURE;
    }
    let backends: Vec<Backend> = match cli.only {
        Some(b) => vec![b],
        None => vec![Backend::Sqlite, Backend::Postgres],
    };
    let mut results = Results::default();
    let mut failed = false;
    for backend in backends {
        if let Err(e) = bench_backend(backend, &cli, &mut results).await {
            eprintln!("{}: {e}", backend.name());
            failed = true;
        }
    }
    let table = report(&results, &cli);
    println!("{table}");
    // The workspace's target folder (the server package sits one level below the root).
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = root
        .parent()
        .unwrap_or(root)
        .join("target")
        .join("bench-receipts.md");
    if results.seeds.is_empty() {
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
    if !results.errors.is_empty() {
        eprintln!("the first errors:");
        for e in results.errors.iter().take(20) {
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
