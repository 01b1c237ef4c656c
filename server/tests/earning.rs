//! Earning on SQLite and PostgreSQL: the claim checks in order, exactly-once credit under 64-way
//! contention, the daily cap and campaign budgets, expiry, reversals, and a randomized workload
//! after which every balance still equals the sum of its entries.

mod common;

use app::domain::EntryKind;
use app::earn::admin::codes::{AfterReversal, db as codes};
use app::earn::code::UnitCode;
use app::earn::ledger::{self, NewEntry};
use app::earn::service::{self, Claimed};
use app::error::AppError;
use app::i18n::Lang;
use app::state::Db;
use common::*;
use std::sync::Arc;

const IP: Option<&str> = Some("127.0.0.9");

/// A category with a tip, a product worth 100 base points, and an activated batch of `n` codes.
async fn catalog(db: &Db, n: i64) -> (i64, Vec<UnitCode>) {
    sqlx::query(
        "INSERT INTO product_categories (code, name, tip) VALUES ('tyres', 'Tyres', 'Our R16 tyres carry a 5-year warranty.')",
    )
    .execute(&db.pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO products (sku, name, category_id, base_points, active, created_at) \
         VALUES ('TYRE-R16', 'Tyre R16', (SELECT id FROM product_categories WHERE code = 'tyres'), 100, 1, $1)",
    )
    .bind(NOW)
    .execute(&db.pool)
    .await
    .unwrap();
    let (batch, codes) = codes::generate(db, None, "TYRE-R16", n, "test", NOW)
        .await
        .unwrap();
    (batch, codes)
}

async fn activate(db: &Db, admin: i64, batch: i64) {
    codes::set_batch_status(db, admin, batch, app::domain::CodeStatus::Active, NOW)
        .await
        .unwrap();
}

async fn participants(db: &Db, n: usize) -> Vec<i64> {
    let company: i64 = sqlx::query_scalar("SELECT id FROM partner_companies LIMIT 1")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    let mut ids = Vec::new();
    for i in 0..n {
        ids.push(
            sqlx::query_scalar(
                "INSERT INTO users (role, kind, company_id, name, phone, status, created_at) \
                 VALUES ('participant', 'foreman', $1, $2, $3, 'active', $4) RETURNING id",
            )
            .bind(company)
            .bind(format!("Foreman {i}"))
            .bind(format!("+7901{i:07}"))
            .bind(NOW)
            .fetch_one(&db.pool)
            .await
            .unwrap(),
        );
    }
    ids
}

/// Balance = sum of entries = sum of open lots, and never negative, for everyone.
async fn assert_ledger_sound(db: &Db) {
    assert_balances_match_entries(db).await;
    let orphans: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM ledger_entries e WHERE NOT EXISTS (SELECT 1 FROM balances b WHERE b.user_id = e.user_id)",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(orphans, 0);
}

async fn the_server_checks_a_claim_in_order_and_says_what_is_wrong(db: Db) {
    let p = people(&db).await;
    let (batch, codes) = catalog(&db, 5).await;
    let claim = |user: i64, input: String| {
        let db = db.clone();
        async move { service::claim(&db, user, &input, IP, NOW).await }
    };
    // Not yet dispatched.
    assert_eq!(
        claim(p.seller, codes[0].grouped()).await,
        Err(AppError::UnitCodeNotActive)
    );
    activate(&db, p.admin, batch).await;
    // The full text a scanner reads works as well as the typed code.
    let ok: Claimed = claim(
        p.seller,
        format!("https://workwell.example/c/{}", codes[0].as_str()),
    )
    .await
    .unwrap();
    assert_eq!(ok.points, 100);
    assert_eq!(ok.balance, 100);
    assert_eq!(
        ok.tip.as_deref(),
        Some("Our R16 tyres carry a 5-year warranty.")
    );
    assert_eq!(
        app::earn::rules::describe(&ok.product, &ok.lines, ok.points, app::i18n::Lang::En),
        "Tyre R16: 100 base = 100"
    );
    assert_eq!(
        claim(p.seller, codes[0].as_str().to_lowercase()).await,
        Err(AppError::ClaimedByYou { at: NOW })
    );
    assert_eq!(
        claim(p.manager, codes[0].grouped()).await,
        Err(AppError::ClaimedByOther)
    );
    let mut typo: Vec<char> = codes[1].as_str().chars().collect();
    typo.swap(2, 3);
    if typo[2] == typo[3] {
        typo[2] = if typo[2] == 'A' { 'B' } else { 'A' };
    }
    assert_eq!(
        claim(p.seller, typo.into_iter().collect()).await,
        Err(AppError::UnitCodeTypo)
    );
    assert_eq!(
        claim(p.seller, UnitCode::from_bits(42).grouped()).await,
        Err(AppError::UnitCodeUnknown)
    );
    assert_eq!(
        claim(p.seller, "ABCD-UFGH".into()).await,
        Err(AppError::UnitCodeBadCharacter { character: 'U' })
    );
    codes::void_code(&db, p.admin, &codes[1], NOW)
        .await
        .unwrap();
    assert_eq!(
        claim(p.seller, codes[1].grouped()).await,
        Err(AppError::UnitCodeVoided)
    );
    sqlx::query("UPDATE products SET active = 0")
        .execute(&db.pool)
        .await
        .unwrap();
    assert_eq!(
        claim(p.seller, codes[2].grouped()).await,
        Err(AppError::ProductInactive)
    );
    // Every refusal is on file for fraud review, with what was typed and why.
    let logged: Vec<(String,)> =
        sqlx::query_as("SELECT reason FROM claim_failures WHERE user_id = $1 ORDER BY id")
            .bind(p.seller)
            .fetch_all(&db.pool)
            .await
            .unwrap();
    let reasons: Vec<&str> = logged.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(
        reasons,
        [
            "unit_code_not_active",
            "claimed_by_you",
            "unit_code_typo",
            "unit_code_unknown",
            "unit_code_bad_character",
            "unit_code_voided",
            "product_inactive"
        ]
    );
    // Suspicious refusals (not "already yours") count towards the slow-down: 6 so far; 4 more
    // and the eleventh attempt is refused with a retry time, even for a good code.
    for _ in 0..4 {
        assert_eq!(
            claim(p.seller, UnitCode::from_bits(7).grouped()).await,
            Err(AppError::UnitCodeUnknown)
        );
    }
    sqlx::query("UPDATE products SET active = 1")
        .execute(&db.pool)
        .await
        .unwrap();
    match claim(p.seller, codes[3].grouped()).await {
        Err(AppError::RateLimited { retry_after_secs }) => {
            assert!((1..=600).contains(&retry_after_secs))
        }
        other => panic!("expected a slow-down, got {other:?}"),
    }
    // Someone else is not affected.
    assert!(claim(p.manager, codes[3].grouped()).await.is_ok());
    assert_ledger_sound(&db).await;
}

async fn sixty_four_claims_of_one_code_credit_exactly_once(db: Db) {
    let p = people(&db).await;
    let (batch, codes) = catalog(&db, 2).await;
    activate(&db, p.admin, batch).await;
    let people = participants(&db, 64).await;
    // 64 different participants, one code.
    let code = Arc::new(codes[0].grouped());
    let mut tasks = Vec::new();
    for user in people.clone() {
        let (db, code) = (db.clone(), code.clone());
        tasks.push(tokio::spawn(async move {
            service::claim(&db, user, &code, IP, NOW).await
        }));
    }
    let mut won = 0;
    let mut refused = 0;
    for t in tasks {
        match t.await.unwrap() {
            Ok(c) => {
                won += 1;
                assert_eq!(c.points, 120, "foreman factor 1.2");
            }
            Err(AppError::ClaimedByOther) => refused += 1,
            Err(e) => panic!("unexpected refusal {e:?}"),
        }
    }
    assert_eq!((won, refused), (1, 63));
    // One participant, 64 taps on the same code (a double-submitting phone).
    let code = Arc::new(codes[1].grouped());
    let mut tasks = Vec::new();
    for _ in 0..64 {
        let (db, code) = (db.clone(), code.clone());
        let user = people[5];
        tasks.push(tokio::spawn(async move {
            service::claim(&db, user, &code, IP, NOW).await
        }));
    }
    let mut results = Vec::new();
    for t in tasks {
        results.push(t.await.unwrap());
    }
    assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 1);
    assert!(
        results
            .iter()
            .filter_map(|r| r.as_ref().err())
            .all(|e| matches!(e, AppError::ClaimedByYou { .. }))
    );
    let accruals: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM ledger_entries WHERE kind = 'accrual'")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(accruals, 2);
    assert_ledger_sound(&db).await;
}

async fn the_daily_cap_and_campaign_budgets_hold(db: Db) {
    let p = people(&db).await;
    let (batch, codes) = catalog(&db, 6).await;
    activate(&db, p.admin, batch).await;
    sqlx::query("UPDATE program_settings SET value = 250 WHERE key = 'daily_cap'")
        .execute(&db.pool)
        .await
        .unwrap();
    // A bonus campaign with 60 points of budget.
    sqlx::query(
        "INSERT INTO campaigns (name, starts_at, ends_at, effect, value, budget, created_at, updated_at) \
         VALUES ('Launch bonus', $1, $2, 'bonus', 50, 60, $1, $1)",
    )
    .bind(NOW - 86_400)
    .bind(NOW + 86_400)
    .execute(&db.pool)
    .await
    .unwrap();
    let c1 = service::claim(&db, p.seller, &codes[0].grouped(), IP, NOW)
        .await
        .unwrap();
    assert_eq!(c1.points, 150);
    let c2 = service::claim(&db, p.seller, &codes[1].grouped(), IP, NOW)
        .await
        .unwrap();
    assert_eq!(
        c2.points, 100,
        "only 10 of the budget left, and the cap at 250 allows 100"
    );
    let spent: i64 = sqlx::query_scalar("SELECT spent FROM campaigns")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert!(spent <= 60, "budget respected: {spent}");
    assert_eq!(
        service::claim(&db, p.seller, &codes[2].grouped(), IP, NOW).await,
        Err(AppError::DailyCapReached { cap: 250 })
    );
    // The code was not used up: it can be claimed tomorrow.
    let tomorrow = service::claim(&db, p.seller, &codes[2].grouped(), IP, NOW + 86_400).await;
    assert!(tomorrow.is_ok(), "{tomorrow:?}");
    assert_ledger_sound(&db).await;
}

async fn points_expire_oldest_first_and_the_job_is_safe_to_run_twice(db: Db) {
    let p = people(&db).await;
    let month = 31 * 86_400;
    let mut tx = db.begin_write().await.unwrap();
    for (points, at) in [
        (100, NOW - 30 * month),
        (40, NOW - 25 * month),
        (70, NOW - month),
    ] {
        ledger::append(
            &mut tx,
            NewEntry::new(
                p.seller,
                EntryKind::Accrual,
                points,
                &app::earn::reason::Reason::note("Old sale"),
            ),
            at,
        )
        .await
        .unwrap();
    }
    // Spending takes from the oldest lot first: 30 of the 100.
    ledger::append(
        &mut tx,
        NewEntry::new(
            p.seller,
            EntryKind::Adjustment,
            -30,
            &app::earn::reason::Reason::note("Correction"),
        ),
        NOW - month,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let mut conn = db.pool.acquire().await.unwrap();
    let next = ledger::next_expiry(&mut conn, p.seller, 24).await.unwrap();
    assert_eq!(
        next.map(|n| n.0),
        Some(70),
        "what is left of the oldest lot"
    );
    drop(conn);
    // Two servers run the job at the same moment.
    let (a, b) = tokio::join!(
        ledger::expire_due(&db, NOW, 24),
        ledger::expire_due(&db, NOW, 24)
    );
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(
        a.1 + b.1,
        110,
        "70 + 40 expire once, not twice: {a:?} {b:?}"
    );
    let expiries: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM ledger_entries WHERE kind = 'expiry'")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(expiries, 1);
    let mut conn = db.pool.acquire().await.unwrap();
    assert_eq!(ledger::balance(&mut conn, p.seller).await.unwrap(), 70);
    // The reason is kept as data and read in the reader's language.
    let newest = ledger::entries(&mut conn, p.seller, None, None, 1, Lang::Ru)
        .await
        .unwrap();
    let cutoff = app::domain::add_months(NOW, -24);
    assert_eq!(
        newest[0].reason,
        format!(
            "Сгорели баллы, начисленные до {} (24 месяца)",
            app::format::date(Lang::Ru, cutoff)
        )
    );
    drop(conn);
    assert_ledger_sound(&db).await;
}

/// Reasons written as English text before they were data are read into data once, and then read
/// in each reader's language; a text the app did not write stays as it is.
async fn old_english_reasons_become_data_once(db: Db) {
    let p = people(&db).await;
    for (reason, at) in [
        ("Order #5 · Fishing rod", NOW - 20),
        ("Bonus for the trade fair", NOW - 10),
    ] {
        sqlx::query(
            "INSERT INTO ledger_entries (user_id, kind, points, reason, created_at, lot_remaining) \
             VALUES ($1, 'adjustment', 0, $2, $3, 0)",
        )
        .bind(p.seller)
        .bind(reason)
        .bind(at)
        .execute(&db.pool)
        .await
        .unwrap();
    }
    // As a database from before the change: the flag not yet turned.
    sqlx::query("UPDATE program_settings SET value = 0 WHERE key = 'reasons.as_data'")
        .execute(&db.pool)
        .await
        .unwrap();
    assert_eq!(app::earn::reason::adopt_legacy(&db.pool).await.unwrap(), 1);
    assert_eq!(
        app::earn::reason::adopt_legacy(&db.pool).await.unwrap(),
        0,
        "once"
    );
    let mut conn = db.pool.acquire().await.unwrap();
    let fr = ledger::entries(&mut conn, p.seller, None, None, 2, Lang::Fr)
        .await
        .unwrap();
    let reasons: Vec<&str> = fr.iter().map(|e| e.reason.as_str()).collect();
    assert_eq!(
        reasons,
        [
            "Bonus for the trade fair",
            "Commande n°\u{a0}5 · Fishing rod"
        ]
    );
    let stored: String =
        sqlx::query_scalar("SELECT reason_data FROM ledger_entries WHERE reason LIKE 'Order%'")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(
        stored,
        r#"{"kind":"order","order":5,"title":"Fishing rod"}"#
    );
}

/// The admin names a product in Russian through the products CSV (a `name_ru` column) and writes
/// its category's tip in Russian: a Russian participant's claim, its tip and their history name it
/// in Russian; an English reader keeps the English; the export carries the language columns.
async fn a_product_and_its_tip_read_in_the_claimants_language(db: Db) {
    use app::earn::admin::catalog::{CategoryInput, db as catalog_db, parse_products_csv};
    let p = people(&db).await;
    let (batch, codes) = catalog(&db, 2).await;
    activate(&db, p.admin, batch).await;
    let items = parse_products_csv(
        "sku,name,gtin,category,base_points,price,active,image_url,name_ru,name_tr\n\
         TYRE-R16,Tyre R16,,tyres,100,,1,,Шина R16,\n",
    )
    .unwrap();
    catalog_db::import(&db, p.admin, &items, NOW).await.unwrap();
    let tip = CategoryInput {
        tip_in: app::content::InLanguages {
            ru: "У наших шин R16 гарантия 5 лет.".into(),
            ..Default::default()
        },
        ..CategoryInput::parse(
            "tyres",
            "Tyres",
            "",
            "",
            "Our R16 tyres carry a 5-year warranty.",
        )
        .unwrap()
    };
    catalog_db::save_category(&db, p.admin, &tip, NOW)
        .await
        .unwrap();
    // A campaign the admin named in Russian too: the breakdown names it in the reader's language.
    let campaign = app::earn::admin::campaigns::CampaignInput {
        name_in: Some(app::content::InLanguages {
            ru: "Недели зимних шин".into(),
            ..Default::default()
        }),
        ..app::earn::admin::campaigns::CampaignInput::parse(
            "Winter tyre weeks",
            &app::domain::iso_date(NOW - 86_400),
            &app::domain::iso_date(NOW + 86_400),
            "TYRE-R16",
            "",
            "",
            "",
            "multiplier",
            "2",
            "",
            true,
        )
        .unwrap()
    };
    app::earn::admin::campaigns::db::save(&db, p.admin, None, &campaign, NOW)
        .await
        .unwrap();
    // The audit log records the names in other languages with the campaign.
    let after: String = sqlx::query_scalar(
        "SELECT after_json FROM audit_log WHERE action = 'campaign.create' ORDER BY id DESC",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    let after: serde_json::Value = serde_json::from_str(&after).unwrap();
    assert_eq!(
        (&after["name"], &after["name_in"]["ru"]),
        (
            &serde_json::json!("Winter tyre weeks"),
            &serde_json::json!("Недели зимних шин")
        )
    );

    let claimed = service::claim(&db, p.seller, &codes[0].grouped(), IP, NOW)
        .await
        .unwrap();
    let mut conn = db.pool.acquire().await.unwrap();
    let ru = claimed.clone().in_lang(&mut conn, Lang::Ru).await;
    assert_eq!(ru.product, "Шина R16");
    assert_eq!(ru.tip.as_deref(), Some("У наших шин R16 гарантия 5 лет."));
    let ru_breakdown = app::earn::rules::describe(&ru.product, &ru.lines, ru.points, Lang::Ru);
    assert!(ru_breakdown.contains("Недели зимних шин"), "{ru_breakdown}");
    let en = claimed.in_lang(&mut conn, Lang::En).await;
    assert_eq!(en.product, "Tyre R16");
    let en_breakdown = app::earn::rules::describe(&en.product, &en.lines, en.points, Lang::En);
    assert!(en_breakdown.contains("Winter tyre weeks"), "{en_breakdown}");
    assert_eq!(
        en.tip.as_deref(),
        Some("Our R16 tyres carry a 5-year warranty.")
    );
    let history = ledger::entries(&mut conn, p.seller, None, None, 1, Lang::Ru)
        .await
        .unwrap();
    assert_eq!(
        history[0].reason,
        format!("Шина R16 · {}", codes[0].grouped())
    );
    let step_names: Vec<String> = history[0]
        .lines
        .iter()
        .filter_map(|l| match &l.step {
            app::earn::rules::Step::Campaign { name, .. } => Some(name.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(step_names, ["Недели зимних шин"]);
    let history = ledger::entries(&mut conn, p.seller, None, None, 1, Lang::Tr)
        .await
        .unwrap();
    assert_eq!(
        history[0].reason,
        format!("Tyre R16 · {}", codes[0].grouped())
    );
    drop(conn);

    let csv = catalog_db::export_csv(&db).await.unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some(
            "sku,name,gtin,category,base_points,price,active,image_url,name_ru,name_fr,name_tr,name_ro"
        )
    );
    assert_eq!(
        lines.next(),
        Some("TYRE-R16,Tyre R16,,tyres,100,,1,,Шина R16,,,")
    );
    // A file without language columns leaves the names in other languages as they are.
    let plain = parse_products_csv(
        "sku,name,gtin,category,base_points,price,active\nTYRE-R16,Tyre R16,,tyres,120,,1\n",
    )
    .unwrap();
    catalog_db::import(&db, p.admin, &plain, NOW).await.unwrap();
    let csv = catalog_db::export_csv(&db).await.unwrap();
    assert!(
        csv.contains("TYRE-R16,Tyre R16,,tyres,120,,1,,Шина R16,,,"),
        "{csv}"
    );
    // A file with a `name_fr` column only sets the French and leaves the Russian alone; its
    // columns may come in any order after the first seven.
    let french = parse_products_csv(
        "sku,name,gtin,category,base_points,price,active,name_fr,image_url\n\
         TYRE-R16,Tyre R16,,tyres,120,,1,Pneu R16,\n",
    )
    .unwrap();
    catalog_db::import(&db, p.admin, &french, NOW)
        .await
        .unwrap();
    let csv = catalog_db::export_csv(&db).await.unwrap();
    assert!(
        csv.contains("TYRE-R16,Tyre R16,,tyres,120,,1,,Шина R16,Pneu R16,,"),
        "{csv}"
    );
    // Saving the category again from its form (which shows no stored tips) keeps the Russian tip.
    let again = CategoryInput::parse(
        "tyres",
        "Tyres",
        "",
        "",
        "Our R16 tyres carry a 5-year warranty.",
    )
    .unwrap();
    catalog_db::save_category(&db, p.admin, &again, NOW)
        .await
        .unwrap();
    let tyres = catalog_db::categories(&db)
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.code == "tyres")
        .unwrap();
    assert_eq!(
        tyres.tip_in.get(Lang::Ru),
        Some("У наших шин R16 гарантия 5 лет.")
    );
}

async fn a_reversal_takes_the_points_back_and_frees_or_voids_the_code(db: Db) {
    let p = people(&db).await;
    let (batch, codes) = catalog(&db, 3).await;
    activate(&db, p.admin, batch).await;
    service::claim(&db, p.seller, &codes[0].grouped(), IP, NOW)
        .await
        .unwrap();
    let info = codes::lookup(&db, &codes[0]).await.unwrap();
    assert_eq!(info.claimed_by.as_ref().map(|c| c.id), Some(p.seller));
    assert_eq!(info.points, Some(100));
    assert_eq!(
        codes::reverse(
            &db,
            p.admin,
            &codes[1],
            "Sold by mistake",
            AfterReversal::Reusable,
            NOW
        )
        .await,
        Err(AppError::NotClaimed)
    );
    let after = codes::reverse(
        &db,
        p.admin,
        &codes[0],
        "Sold by mistake",
        AfterReversal::Reusable,
        NOW,
    )
    .await
    .unwrap();
    assert!(after.claimed_by.is_none());
    assert_eq!(after.status.as_str(), "active");
    // Claimable again, by someone else.
    service::claim(&db, p.manager, &codes[0].grouped(), IP, NOW)
        .await
        .unwrap();
    service::claim(&db, p.seller, &codes[1].grouped(), IP, NOW)
        .await
        .unwrap();
    // The seller spends the points; a reversal would make the balance negative, so it is refused.
    codes::adjust(&db, p.admin, &phone(SELLER_PHONE), -60, "Test spend", NOW)
        .await
        .unwrap();
    assert_eq!(
        codes::reverse(&db, p.admin, &codes[1], "Fraud", AfterReversal::Void, NOW).await,
        Err(AppError::BalanceTooLow { balance: 40 })
    );
    codes::adjust(
        &db,
        p.admin,
        &phone(SELLER_PHONE),
        60,
        "Undo test spend",
        NOW,
    )
    .await
    .unwrap();
    let voided = codes::reverse(&db, p.admin, &codes[1], "Fraud", AfterReversal::Void, NOW)
        .await
        .unwrap();
    assert_eq!(voided.status.as_str(), "voided");
    assert_eq!(
        service::claim(&db, p.seller, &codes[1].grouped(), IP, NOW).await,
        Err(AppError::UnitCodeVoided)
    );
    // Every admin change is in the audit log with before and after.
    let actions: Vec<(String, Option<String>, Option<String>)> =
        sqlx::query_as("SELECT action, before_json, after_json FROM audit_log ORDER BY id")
            .fetch_all(&db.pool)
            .await
            .unwrap();
    let names: Vec<&str> = actions.iter().map(|a| a.0.as_str()).collect();
    assert_eq!(
        names,
        [
            "batch.create",
            "batch.active",
            "claim.reverse",
            "points.adjust",
            "points.adjust",
            "claim.reverse"
        ]
    );
    assert!(
        actions
            .iter()
            .skip(1)
            .all(|a| a.1.is_some() && a.2.is_some())
    );
    assert_ledger_sound(&db).await;
}

/// xorshift: a deterministic random workload.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

async fn a_random_workload_keeps_every_balance_equal_to_its_entries(db: Db) {
    let p = people(&db).await;
    let (batch, codes) = catalog(&db, 120).await;
    activate(&db, p.admin, batch).await;
    let users = participants(&db, 8).await;
    let phones: Vec<String> = (0..8).map(|i| format!("+7901{i:07}")).collect();
    let codes = Arc::new(codes);
    let mut tasks = Vec::new();
    for worker in 0..4u64 {
        let (db, codes, users, phones) = (db.clone(), codes.clone(), users.clone(), phones.clone());
        let admin = p.admin;
        tasks.push(tokio::spawn(async move {
            let mut rng = Rng(0x2545_F491_4F6C_DD1D ^ ((worker + 1) * 0x9E37_79B9));
            let mut outcomes = [0u32; 5];
            for step in 0..60u64 {
                // Time moves forward a few days per step, so lots age and expire (expiry: 1 month).
                let now = NOW + (step * 4 + worker) as i64 * 86_400;
                let user = users[rng.below(8) as usize];
                let phone = app::domain::Phone::parse(&phones[rng.below(8) as usize]).unwrap();
                let code = &codes[rng.below(codes.len() as u64) as usize];
                let r = match rng.below(10) {
                    0..=4 => service::claim(&db, user, &code.grouped(), IP, now)
                        .await
                        .map(|_| ()),
                    5 | 6 => {
                        let then = if rng.below(2) == 0 {
                            AfterReversal::Reusable
                        } else {
                            AfterReversal::Void
                        };
                        codes::reverse(&db, admin, code, "Workload reversal", then, now)
                            .await
                            .map(|_| ())
                    }
                    7 | 8 => {
                        let points = rng.below(200) as i64 - 100;
                        let points = if points == 0 { 1 } else { points };
                        codes::adjust(&db, admin, &phone, points, "Workload adjustment", now)
                            .await
                            .map(|_| ())
                    }
                    _ => ledger::expire_due(&db, now, 1).await.map(|_| ()),
                };
                let slot = match r {
                    Ok(()) => 0,
                    Err(AppError::BalanceTooLow { .. }) => 1,
                    Err(
                        AppError::ClaimedByOther
                        | AppError::ClaimedByYou { .. }
                        | AppError::NotClaimed,
                    ) => 2,
                    Err(
                        AppError::UnitCodeVoided
                        | AppError::DailyCapReached { .. }
                        | AppError::RateLimited { .. },
                    ) => 3,
                    Err(e) => panic!("unexpected error in the workload: {e:?}"),
                };
                outcomes[slot] += 1;
            }
            outcomes
        }));
    }
    let mut total = [0u32; 5];
    for t in tasks {
        for (i, n) in t.await.unwrap().iter().enumerate() {
            total[i] += n;
        }
    }
    assert_eq!(total.iter().sum::<u32>(), 240);
    assert!(total[0] > 60, "most operations succeed: {total:?}");
    let kinds: Vec<(String,)> =
        sqlx::query_as("SELECT DISTINCT kind FROM ledger_entries ORDER BY kind")
            .fetch_all(&db.pool)
            .await
            .unwrap();
    let kinds: Vec<&str> = kinds.iter().map(|k| k.0.as_str()).collect();
    for k in ["accrual", "adjustment", "expiry", "reversal"] {
        assert!(kinds.contains(&k), "the workload exercised {k}: {kinds:?}");
    }
    assert_ledger_sound(&db).await;
}

on_both_databases!(
    a_product_and_its_tip_read_in_the_claimants_language,
    old_english_reasons_become_data_once,
    the_server_checks_a_claim_in_order_and_says_what_is_wrong,
    sixty_four_claims_of_one_code_credit_exactly_once,
    the_daily_cap_and_campaign_budgets_hold,
    points_expire_oldest_first_and_the_job_is_safe_to_run_twice,
    a_reversal_takes_the_points_back_and_frees_or_voids_the_code,
    a_random_workload_keeps_every_balance_equal_to_its_entries,
);

/// A request cancelled at the wrong moment can leave SQLite's one writer connection inside a
/// transaction nobody owns. The next write must not fail for ever after: the connection is
/// replaced and the write goes through.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_writer_left_inside_a_transaction_is_replaced_not_fatal() {
    use sqlx::Connection;
    let t = common::TestDb::sqlite().await;
    let writer =
        t.db.writer
            .clone()
            .expect("SQLite writes through one connection");
    {
        let mut conn = writer.acquire().await.unwrap();
        let tx = (*conn).begin().await.unwrap();
        // As if the future holding it had been dropped between BEGIN and its answer.
        std::mem::forget(tx);
    }
    let mut tx = t.db.begin_write().await.expect("a fresh writer");
    sqlx::query("INSERT INTO rate_events (bucket, at) VALUES ('healed', 1)")
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM rate_events WHERE bucket = 'healed'")
        .fetch_one(&t.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 1);
    t.cleanup().await;
}
