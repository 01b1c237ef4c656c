//! The `workwell` command line against real databases: demo data, creating an admin who can then
//! sign in, generating a batch of codes.

mod common;

use app::auth::service;
use app::domain::Email;
use common::*;
use std::process::Command;

fn workwell(url: &str, args: &[&str], password: &str) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_workwell"))
        .args(args)
        .env("DATABASE_URL", url)
        .env("WORKWELL_ADMIN_PASSWORD", password)
        .env("WORKWELL_SECRET", "a-test-secret-that-is-long-enough-000")
        .output()
        .expect("run workwell")
}

async fn admin_create_makes_an_admin_who_can_sign_in(t: &TestDb) {
    let out = workwell(
        &t.url,
        &[
            "admin",
            "create",
            "--email",
            "Ops@Example.com",
            "--name",
            "Ops",
        ],
        "long enough password",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("admin ops@example.com ready"));
    let (state, _) = state(&t.db);
    let email = Email::parse("ops@example.com").unwrap();
    let (admin, _) =
        service::admin_sign_in(&state, &email, "long enough password", "127.0.0.1", NOW)
            .await
            .unwrap();
    assert_eq!(admin.name, "Ops");

    let short = workwell(
        &t.url,
        &["admin", "create", "--email", "x@example.com"],
        "short",
    );
    assert!(!short.status.success());
    assert!(String::from_utf8_lossy(&short.stderr).contains("at least 10 characters"));
    let bad = workwell(
        &t.url,
        &["admin", "create", "--email", "not-an-email"],
        "long enough password",
    );
    assert!(String::from_utf8_lossy(&bad.stderr).contains("not valid"));
}

async fn demo_data_loads_once(t: &TestDb) {
    let first = workwell(&t.url, &["demo"], "");
    assert!(String::from_utf8_lossy(&first.stdout).contains("demo data loaded"));
    let second = workwell(&t.url, &["demo"], "");
    assert!(String::from_utf8_lossy(&second.stdout).contains("not loaded"));
    // Every demo balance, and the demo's pending receipt points, equal their ledger entries.
    assert_balances_match_entries(&t.db).await;
    let (pending, pending_entries): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT CAST(SUM(pending) AS BIGINT) FROM balances), \
         (SELECT CAST(SUM(points) AS BIGINT) FROM ledger_entries WHERE kind = 'pending')",
    )
    .fetch_one(&t.db.pool)
    .await
    .unwrap();
    assert!(pending > 0, "the demo has receipt claims waiting");
    assert_eq!(pending, pending_entries);
}

async fn codes_generate_writes_a_batch_to_csv(t: &TestDb) {
    let dir = tempfile::tempdir().unwrap();
    let out_file = dir.path().join("codes.csv");
    let out = out_file.to_str().unwrap();
    let made = workwell(
        &t.url,
        &[
            "codes",
            "generate",
            "--product",
            "tyre-r16",
            "--count",
            "25",
            "--out",
            out,
        ],
        "",
    );
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let csv = std::fs::read_to_string(&out_file).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "code,url");
    assert_eq!(lines.len(), 26);
    for line in &lines[1..] {
        let (code, url) = line.split_once(',').unwrap();
        let parsed = app::earn::code::UnitCode::parse(code).expect("every code passes its check");
        assert!(url.ends_with(&format!("/c/{}", parsed.as_str())), "{url}");
    }
    let (inactive, batch_status): (i64, String) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM unit_codes WHERE status = 'inactive'), \
         (SELECT status FROM code_batches ORDER BY id DESC LIMIT 1)",
    )
    .fetch_one(&t.db.pool)
    .await
    .unwrap();
    assert!(inactive >= 25);
    assert_eq!(batch_status, "inactive", "a new batch waits for dispatch");
    let unknown = workwell(
        &t.url,
        &["codes", "generate", "--product", "NOPE", "--count", "5"],
        "",
    );
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("Choose an existing product"));
    let too_many = workwell(
        &t.url,
        &["codes", "generate", "--product", "TYRE-R16", "--count", "0"],
        "",
    );
    assert!(String::from_utf8_lossy(&too_many.stderr).contains("Number of codes"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn command_line_on_sqlite() {
    let t = TestDb::sqlite().await;
    // Demo data loads only into an empty database, so it goes first.
    demo_data_loads_once(&t).await;
    admin_create_makes_an_admin_who_can_sign_in(&t).await;
    codes_generate_writes_a_batch_to_csv(&t).await;
    t.cleanup().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn command_line_on_postgres() {
    let t = TestDb::postgres().await;
    // Demo data loads only into an empty database, so it goes first.
    demo_data_loads_once(&t).await;
    admin_create_makes_an_admin_who_can_sign_in(&t).await;
    codes_generate_writes_a_batch_to_csv(&t).await;
    t.cleanup().await;
}
