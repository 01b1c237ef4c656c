//! The hobby shop on SQLite and PostgreSQL: redemption races (stock, idempotency keys, voucher
//! pools), every refusal, cancellation with refund, status moves all-or-nothing, and the ledger
//! still equal to the balances afterwards.

mod common;

use app::domain::{EntryKind, OrderStatus, Tier};
use app::earn::ledger::{self, NewEntry};
use app::error::{AppError, Field};
use app::i18n::Lang;
use app::shop::admin::{RewardInput, service as shop_admin};
use app::shop::model::NewAddress;
use app::shop::service::{
    self, Delivery, Fulfilment, Shopper,
    VoucherFate::{Burn, Return},
};
use app::state::Db;
use common::*;
use std::collections::HashSet;
use std::sync::Arc;

async fn company(db: &Db) -> i64 {
    sqlx::query_scalar(
        "INSERT INTO partner_companies (name, tax_id, region, kind, created_at) \
         VALUES ('Shop Test Tyres', '7700000777', 'Kazan', 'dealer', $1) RETURNING id",
    )
    .bind(NOW)
    .fetch_one(&db.pool)
    .await
    .unwrap()
}

/// `n` participants of `company`, each credited `points` (an adjustment) so they can shop.
async fn shoppers(db: &Db, company: i64, n: usize, points: i64) -> Vec<Shopper> {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let mut out = Vec::new();
    for _ in 0..n {
        let i = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO users (role, kind, company_id, name, phone, status, created_at) \
             VALUES ('participant', 'seller', $1, $2, $3, 'active', $4) RETURNING id",
        )
        .bind(company)
        .bind(format!("Seller {i}"))
        .bind(format!("+7902{i:07}"))
        .bind(NOW)
        .fetch_one(&db.pool)
        .await
        .unwrap();
        if points > 0 {
            let mut tx = db.begin_write().await.unwrap();
            ledger::append(
                &mut tx,
                NewEntry::new(
                    id,
                    EntryKind::Adjustment,
                    points,
                    &app::earn::reason::Reason::note("Shop test credit"),
                ),
                NOW - 3600,
            )
            .await
            .unwrap();
            tx.commit().await.unwrap();
        }
        let mut conn = db.pool.acquire().await.unwrap();
        out.push(service::shopper(&mut conn, id, NOW).await.unwrap());
    }
    out
}

async fn admin(db: &Db) -> i64 {
    let email = app::domain::Email::parse("shop-admin@workwell.test").unwrap();
    app::auth::service::upsert_admin(db, &email, "Shop Admin", "admin password 1", NOW)
        .await
        .unwrap()
}

async fn reward(
    db: &Db,
    admin: i64,
    kind: &str,
    price: i64,
    stock: Option<i64>,
    tier: &str,
) -> i64 {
    let stock = stock.map(|s| s.to_string()).unwrap_or_default();
    let input = RewardInput::parse(
        &format!("Test {kind} {price}"),
        "",
        "",
        kind,
        &price.to_string(),
        &stock,
        true,
        "",
        "",
        tier,
        "",
        "",
        "",
        "",
        Default::default(),
    )
    .unwrap();
    shop_admin::save(db, admin, None, &input, NOW)
        .await
        .unwrap()
}

/// Voucher codes of `reward` still waiting in the pool.
async fn free_vouchers(db: &Db, reward: i64) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM vouchers WHERE reward_id = $1 AND order_id IS NULL")
        .bind(reward)
        .fetch_one(&db.pool)
        .await
        .unwrap()
}

async fn stock(db: &Db, reward: i64) -> Option<i64> {
    sqlx::query_scalar("SELECT stock FROM rewards WHERE id = $1")
        .bind(reward)
        .fetch_one(&db.pool)
        .await
        .unwrap()
}

async fn balance(db: &Db, user: i64) -> i64 {
    let mut conn = db.pool.acquire().await.unwrap();
    ledger::balance(&mut conn, user).await.unwrap()
}

/// Balance = sum of entries = open lots, never negative; every order's points were debited by
/// exactly one redemption entry, and a cancelled order was refunded by exactly one reversal.
async fn assert_books_balance(db: &Db) {
    assert_balances_match_entries(db).await;
    let orders: Vec<(i64, i64, String, i64, i64)> = sqlx::query_as(
        "SELECT o.id, o.points, o.status, \
         (SELECT COUNT(*) FROM ledger_entries e WHERE e.order_id = o.id AND e.kind = 'redemption' AND e.points = -o.points), \
         (SELECT COUNT(*) FROM ledger_entries e WHERE e.order_id = o.id AND e.kind = 'reversal' AND e.points = o.points) \
         FROM orders o",
    )
    .fetch_all(&db.pool)
    .await
    .unwrap();
    for (id, _, status, debits, refunds) in orders {
        assert_eq!(debits, 1, "order {id}: one redemption entry");
        assert_eq!(
            refunds,
            i64::from(status == "cancelled"),
            "order {id} ({status}): refunds"
        );
    }
}

async fn a_hundred_people_race_for_five_units(db: Db) {
    let admin = admin(&db).await;
    let company = company(&db).await;
    let people = shoppers(&db, company, 100, 1_000).await;
    let bike = reward(&db, admin, "certificate", 700, Some(5), "").await;
    let db = Arc::new(db);
    let mut tasks = Vec::new();
    for who in people.clone() {
        let db = db.clone();
        tasks.push(tokio::spawn(async move {
            service::redeem(&db, &who, bike, Some("confirm-1"), None, NOW).await
        }));
    }
    let (mut ok, mut out_of_stock) = (0, 0);
    for t in tasks {
        match t.await.unwrap() {
            Ok(r) => {
                assert!(r.created);
                ok += 1;
            }
            Err(AppError::OutOfStock) => out_of_stock += 1,
            Err(e) => panic!("unexpected refusal {e:?}"),
        }
    }
    assert_eq!((ok, out_of_stock), (5, 95));
    assert_eq!(stock(&db, bike).await, Some(0));
    let orders: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM orders WHERE reward_id = $1")
        .bind(bike)
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(orders, 5);
    let mut spent = 0;
    for who in &people {
        spent += 1_000 - balance(&db, who.user_id).await;
    }
    assert_eq!(spent, 5 * 700);
    assert_books_balance(&db).await;
}

async fn one_key_sent_ten_times_makes_one_order(db: Db) {
    let admin = admin(&db).await;
    let company = company(&db).await;
    let who = shoppers(&db, company, 1, 5_000).await.remove(0);
    let mug = reward(&db, admin, "certificate", 300, None, "").await;
    let db = Arc::new(db);
    let mut tasks = Vec::new();
    for _ in 0..10 {
        let (db, who) = (db.clone(), who.clone());
        tasks.push(tokio::spawn(async move {
            service::redeem(&db, &who, mug, Some("tap-tap-tap"), None, NOW).await
        }));
    }
    let mut ids = HashSet::new();
    let mut created = 0;
    for t in tasks {
        let r = t
            .await
            .unwrap()
            .expect("every retry is answered with the order");
        ids.insert(r.order_id);
        created += i32::from(r.created);
    }
    assert_eq!(ids.len(), 1, "one order for one key");
    assert_eq!(created, 1);
    assert_eq!(balance(&db, who.user_id).await, 4_700);
    // A new confirm screen (a new key) is a new order; the same key from someone else is theirs.
    let second = service::redeem(&db, &who, mug, Some("another-screen"), None, NOW)
        .await
        .unwrap();
    assert!(second.created && !ids.contains(&second.order_id));
    let other = shoppers(&db, company, 1, 500).await.remove(0);
    let theirs = service::redeem(&db, &other, mug, Some("tap-tap-tap"), None, NOW)
        .await
        .unwrap();
    assert!(theirs.created && !ids.contains(&theirs.order_id));
    assert_books_balance(&db).await;
}

async fn twenty_voucher_redemptions_get_twenty_distinct_codes(db: Db) {
    let admin = admin(&db).await;
    let company = company(&db).await;
    let people = shoppers(&db, company, 20, 1_000).await;
    let card = reward(&db, admin, "voucher", 400, Some(0), "").await;
    let csv: String = std::iter::once("code\n".to_string())
        .chain((1..=25).map(|i| format!("GIFT-{i:04}\n")))
        .collect();
    assert_eq!(
        shop_admin::add_vouchers(&db, admin, card, &csv, NOW)
            .await
            .unwrap(),
        25
    );
    assert_eq!(stock(&db, card).await, Some(25), "the pool sets the stock");
    let db = Arc::new(db);
    let mut tasks = Vec::new();
    for who in people {
        let db = db.clone();
        tasks.push(tokio::spawn(async move {
            let r = service::redeem(&db, &who, card, Some("k"), None, NOW)
                .await
                .unwrap();
            let mut conn = db.pool.acquire().await.unwrap();
            service::order(&mut conn, r.order_id, Some(who.user_id))
                .await
                .unwrap()
        }));
    }
    let mut codes = HashSet::new();
    for t in tasks {
        let o = t.await.unwrap();
        assert_eq!(
            o.status,
            OrderStatus::Ready,
            "a voucher is handed over at once"
        );
        codes.insert(o.voucher.expect("a voucher on every order"));
    }
    assert_eq!(codes.len(), 20);
    assert_eq!(stock(&db, card).await, Some(5));
    let free = free_vouchers(&db, card).await;
    assert_eq!(free, 5);
    assert_books_balance(&db).await;
}

async fn refusals_say_what_is_wrong_and_change_nothing(db: Db) {
    let admin = admin(&db).await;
    let company = company(&db).await;
    let who = shoppers(&db, company, 1, 500).await.remove(0);
    let pricey = reward(&db, admin, "certificate", 800, None, "").await;
    assert_eq!(
        service::redeem(&db, &who, pricey, None, None, NOW).await,
        Err(AppError::NotEnoughPoints { missing: 300 })
    );
    let gold = reward(&db, admin, "certificate", 100, None, "gold").await;
    assert_eq!(
        service::redeem(&db, &who, gold, None, None, NOW).await,
        Err(AppError::TierTooLow { needed: Tier::Gold })
    );
    let gone = reward(&db, admin, "certificate", 100, Some(3), "").await;
    sqlx::query("UPDATE rewards SET active = 0 WHERE id = $1")
        .bind(gone)
        .execute(&db.pool)
        .await
        .unwrap();
    assert_eq!(
        service::redeem(&db, &who, gone, None, None, NOW).await,
        Err(AppError::RewardWithdrawn)
    );
    let parcel = reward(&db, admin, "physical", 100, Some(2), "").await;
    assert_eq!(
        service::redeem(&db, &who, parcel, None, None, NOW).await,
        Err(AppError::AddressNeeded)
    );
    // Someone else's saved address is not yours to ship to.
    assert_eq!(
        service::redeem(&db, &who, parcel, None, Some(Delivery::Saved(999_999)), NOW).await,
        Err(AppError::Invalid {
            field: Field::SavedAddress
        })
    );
    let empty = reward(&db, admin, "voucher", 100, None, "").await;
    assert_eq!(
        service::redeem(&db, &who, empty, None, None, NOW).await,
        Err(AppError::OutOfStock),
        "a voucher reward with an empty pool is out of stock"
    );
    // For installers only: a dealer does not see it at all.
    sqlx::query("UPDATE rewards SET company_kind = 'installer' WHERE id = $1")
        .bind(pricey)
        .execute(&db.pool)
        .await
        .unwrap();
    assert_eq!(
        service::redeem(&db, &who, pricey, None, None, NOW).await,
        Err(AppError::NotFound)
    );
    assert_eq!(
        service::redeem(&db, &who, 987_654, None, None, NOW).await,
        Err(AppError::NotFound)
    );
    // Nothing was written by any of it.
    assert_eq!(balance(&db, who.user_id).await, 500);
    let (orders, addresses): (i64, i64) =
        sqlx::query_as("SELECT (SELECT COUNT(*) FROM orders), (SELECT COUNT(*) FROM addresses)")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!((orders, addresses), (0, 0));
    assert_eq!(stock(&db, gone).await, Some(3));
    assert_eq!(stock(&db, parcel).await, Some(2));
    // The catalog hides what the participant's company type may not have.
    let mut conn = db.pool.acquire().await.unwrap();
    let cards = service::catalog(
        &mut conn,
        &who,
        500,
        None,
        None,
        Default::default(),
        false,
        NOW,
        Lang::En,
    )
    .await
    .unwrap();
    let ids: HashSet<i64> = cards.iter().map(|c| c.id).collect();
    assert!(!ids.contains(&pricey) && !ids.contains(&gone));
    assert!(ids.contains(&gold), "higher tiers are shown, locked");
    let affordable = service::catalog(
        &mut conn,
        &who,
        500,
        None,
        None,
        Default::default(),
        true,
        NOW,
        Lang::En,
    )
    .await
    .unwrap();
    assert!(affordable.iter().all(|c| c.missing == 0));
}

async fn orders_move_forward_and_a_cancel_gives_everything_back(db: Db) {
    let admin = admin(&db).await;
    let company = company(&db).await;
    let who = shoppers(&db, company, 1, 3_000).await.remove(0);
    let parcel = reward(&db, admin, "physical", 1_000, Some(4), "").await;
    let address = NewAddress::parse(
        "Anna Seller",
        "+79000000001",
        "Lenina 1",
        "Kazan",
        "420000",
        app::domain::Country::Russia,
    )
    .unwrap();
    let placed = service::redeem(
        &db,
        &who,
        parcel,
        Some("a"),
        Some(Delivery::New(address)),
        NOW,
    )
    .await
    .unwrap();
    let mut conn = db.pool.acquire().await.unwrap();
    let saved = service::addresses(&mut conn, who.user_id).await.unwrap();
    assert_eq!(saved.len(), 1, "the new address is saved for next time");
    let again = service::redeem(
        &db,
        &who,
        parcel,
        Some("b"),
        Some(Delivery::Saved(saved[0].id)),
        NOW,
    )
    .await
    .unwrap();
    assert_eq!(balance(&db, who.user_id).await, 1_000);
    assert_eq!(stock(&db, parcel).await, Some(2));

    // Shipped with a tracking number; then a bulk move that includes a delivered order is refused
    // whole.
    let f = Fulfilment {
        tracking: Some("RB123456789RU".into()),
        ..Default::default()
    };
    service::set_status(
        &db,
        admin,
        &[placed.order_id],
        OrderStatus::Shipped,
        &f,
        NOW + 60,
    )
    .await
    .unwrap();
    service::set_status(
        &db,
        admin,
        &[placed.order_id],
        OrderStatus::Delivered,
        &Fulfilment::default(),
        NOW + 120,
    )
    .await
    .unwrap();
    assert_eq!(
        service::set_status(
            &db,
            admin,
            &[again.order_id, placed.order_id],
            OrderStatus::Shipped,
            &Fulfilment::default(),
            NOW + 180
        )
        .await,
        Err(AppError::OrderCannotMove {
            order: placed.order_id,
            from: OrderStatus::Delivered,
            to: OrderStatus::Shipped
        })
    );
    let o = service::order(&mut conn, again.order_id, None)
        .await
        .unwrap();
    assert_eq!(
        o.status,
        OrderStatus::Placed,
        "nothing of a refused batch moved"
    );
    let o = service::order(&mut conn, placed.order_id, Some(who.user_id))
        .await
        .unwrap();
    assert_eq!(o.tracking.as_deref(), Some("RB123456789RU"));
    assert_eq!(
        o.events.iter().map(|e| e.status).collect::<Vec<_>>(),
        [
            OrderStatus::Placed,
            OrderStatus::Shipped,
            OrderStatus::Delivered
        ]
    );
    assert!(o.address.unwrap().contains("Lenina 1"));
    // Another participant cannot read it.
    assert_eq!(
        service::order(&mut conn, placed.order_id, Some(who.user_id + 1)).await,
        Err(AppError::NotFound)
    );

    // A delivered order cannot be cancelled; a placed one can, once.
    assert!(matches!(
        service::cancel(&db, admin, placed.order_id, "changed mind", Burn, NOW).await,
        Err(AppError::OrderCannotMove { .. })
    ));
    let after = service::cancel(
        &db,
        admin,
        again.order_id,
        "Out of stock at the supplier",
        Burn,
        NOW + 200,
    )
    .await
    .unwrap();
    assert_eq!(after, 2_000);
    assert_eq!(balance(&db, who.user_id).await, 2_000);
    assert_eq!(stock(&db, parcel).await, Some(3));
    assert!(matches!(
        service::cancel(&db, admin, again.order_id, "twice", Burn, NOW).await,
        Err(AppError::OrderCannotMove { .. })
    ));
    let audit: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action IN ('order.status', 'order.cancel')",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(audit, 3);
    // The refund is not earning: the tier does not move.
    let mut conn = db.pool.acquire().await.unwrap();
    assert_eq!(
        ledger::earned_since(&mut conn, who.user_id, 0)
            .await
            .unwrap(),
        0
    );

    // A cancelled voucher order burns its code: the participant has seen it, so nobody else gets
    // it; the points come back.
    let card = reward(&db, admin, "voucher", 100, Some(0), "").await;
    shop_admin::add_vouchers(&db, admin, card, "ONLY-ONE\n", NOW)
        .await
        .unwrap();
    let before = balance(&db, who.user_id).await;
    let v = service::redeem(&db, &who, card, None, None, NOW)
        .await
        .unwrap();
    assert_eq!(
        service::redeem(&db, &who, card, None, None, NOW).await,
        Err(AppError::OutOfStock)
    );
    service::cancel(&db, admin, v.order_id, "Voucher did not work", Burn, NOW)
        .await
        .unwrap();
    assert_eq!(balance(&db, who.user_id).await, before);
    assert_eq!(
        service::redeem(&db, &who, card, None, None, NOW).await,
        Err(AppError::OutOfStock),
        "a shown voucher is never handed out again"
    );
    let free = free_vouchers(&db, card).await;
    assert_eq!(free, 0);
    let fate: String = sqlx::query_scalar(
        "SELECT after_json FROM audit_log WHERE action = 'order.cancel' ORDER BY id DESC LIMIT 1",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert!(fate.contains(r#""voucher":"void""#), "{fate}");

    // The admin may return a code he knows was never seen; the audit log says so.
    shop_admin::add_vouchers(&db, admin, card, "SECOND\n", NOW)
        .await
        .unwrap();
    let v = service::redeem(&db, &who, card, None, None, NOW)
        .await
        .unwrap();
    service::cancel(&db, admin, v.order_id, "Ordered by mistake", Return, NOW)
        .await
        .unwrap();
    let v2 = service::redeem(&db, &who, card, None, None, NOW)
        .await
        .unwrap();
    let o = service::order(&mut conn, v2.order_id, None).await.unwrap();
    assert_eq!(o.voucher.as_deref(), Some("SECOND"));
    let fate: String = sqlx::query_scalar(
        "SELECT after_json FROM audit_log WHERE action = 'order.cancel' ORDER BY id DESC LIMIT 1",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert!(fate.contains(r#""voucher":"returned""#), "{fate}");
    assert_books_balance(&db).await;
}

async fn voucher_uploads_are_all_or_nothing(db: Db) {
    let admin = admin(&db).await;
    let card = reward(&db, admin, "voucher", 100, Some(0), "").await;
    shop_admin::add_vouchers(&db, admin, card, "A-1\nA-2\n", NOW)
        .await
        .unwrap();
    // A code already in the pool, on line 3 of the file: nothing of the file is added.
    assert_eq!(
        shop_admin::add_vouchers(&db, admin, card, "code\nB-1\nA-2\nB-3\n", NOW).await,
        Err(AppError::CsvInvalid {
            line: 3,
            field: Field::Voucher
        })
    );
    assert_eq!(
        shop_admin::add_vouchers(&db, admin, card, "B-1\nwith space\n", NOW).await,
        Err(AppError::CsvInvalid {
            line: 2,
            field: Field::Voucher
        })
    );
    let parcel = reward(&db, admin, "physical", 100, None, "").await;
    assert_eq!(
        shop_admin::add_vouchers(&db, admin, parcel, "X-1\n", NOW).await,
        Err(AppError::Invalid { field: Field::Kind })
    );
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM vouchers")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(n, 2);
    assert_eq!(stock(&db, card).await, Some(2));
}

async fn the_goal_counts_units_of_the_usual_product(db: Db) {
    let admin = admin(&db).await;
    let company = company(&db).await;
    let who = shoppers(&db, company, 1, 0).await.remove(0);
    let bike = reward(&db, admin, "physical", 1_000, None, "").await;
    // Three claims of a 100-point product in the last weeks.
    sqlx::query("INSERT INTO products (sku, name, base_points, active, created_at) VALUES ('T-1', 'Tyre R16', 100, 1, $1)")
        .bind(NOW)
        .execute(&db.pool)
        .await
        .unwrap();
    let (batch, codes) = app::earn::admin::codes::db::generate(&db, None, "T-1", 3, "t", NOW)
        .await
        .unwrap();
    app::earn::admin::codes::db::set_batch_status(
        &db,
        admin,
        batch,
        app::domain::CodeStatus::Active,
        NOW,
    )
    .await
    .unwrap();
    for c in &codes {
        app::earn::service::claim(&db, who.user_id, c.as_str(), None, NOW - 86_400)
            .await
            .unwrap();
    }
    let mut conn = db.pool.acquire().await.unwrap();
    let earned = balance(&db, who.user_id).await;
    assert!(earned > 0);
    service::set_goal(&db, &who, Some(bike), NOW).await.unwrap();
    let g = service::goal_progress(&mut conn, who.user_id, earned, NOW, Lang::En)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(g.missing(), 1_000 - earned);
    let per_unit = earned / 3;
    let (product, units) = g.usual.clone().unwrap();
    assert_eq!(product, "Tyre R16");
    assert_eq!(units, (1_000 - earned + per_unit - 1) / per_unit);
    service::set_goal(&db, &who, None, NOW).await.unwrap();
    assert_eq!(
        service::goal_progress(&mut conn, who.user_id, earned, NOW, Lang::En)
            .await
            .unwrap(),
        None
    );
    // Notify-me is stored once.
    service::notify_me(&db, &who, bike, NOW).await.unwrap();
    service::notify_me(&db, &who, bike, NOW).await.unwrap();
    assert!(
        service::notify_requested(&mut conn, who.user_id, bike)
            .await
            .unwrap()
    );
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM stock_alerts")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(n, 1);
}

async fn donations_and_company_credits_go_where_they_should(db: Db) {
    let admin = admin(&db).await;
    let company = company(&db).await;
    let who = shoppers(&db, company, 1, 2_000).await.remove(0);
    let donation = reward(&db, admin, "charity", 300, None, "").await;
    let credit = reward(&db, admin, "company_credit", 1_000, None, "").await;
    let d = service::redeem(&db, &who, donation, None, None, NOW)
        .await
        .unwrap();
    let c = service::redeem(&db, &who, credit, None, None, NOW)
        .await
        .unwrap();
    let mut conn = db.pool.acquire().await.unwrap();
    let d = service::order(&mut conn, d.order_id, Some(who.user_id))
        .await
        .unwrap();
    assert_eq!(
        d.status,
        OrderStatus::Delivered,
        "a donation is made at once"
    );
    assert!(d.who.starts_with("Seller "), "the receipt names the donor");
    let c = service::order(&mut conn, c.order_id, Some(who.user_id))
        .await
        .unwrap();
    assert_eq!(
        c.status,
        OrderStatus::Placed,
        "a credit note waits for the admin"
    );
    assert_eq!(c.company.as_deref(), Some("Shop Test Tyres"));
    // The company's manager sees the credit note; another company's does not.
    let credits = service::company_credits(&mut conn, company).await.unwrap();
    assert_eq!(credits.iter().map(|o| o.id).collect::<Vec<_>>(), [c.id]);
    assert!(
        service::company_credits(&mut conn, company + 1)
            .await
            .unwrap()
            .is_empty()
    );
    // Someone without a company cannot ask for a company credit.
    let loner: i64 = sqlx::query_scalar(
        "INSERT INTO users (role, kind, name, phone, status, created_at) \
         VALUES ('participant', 'seller', 'Loner', '+79039999999', 'active', $1) RETURNING id",
    )
    .bind(NOW)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    let mut tx = db.begin_write().await.unwrap();
    ledger::append(
        &mut tx,
        NewEntry::new(
            loner,
            EntryKind::Adjustment,
            5_000,
            &app::earn::reason::Reason::note("credit"),
        ),
        NOW,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let loner = service::shopper(&mut conn, loner, NOW).await.unwrap();
    assert_eq!(
        service::redeem(&db, &loner, credit, None, None, NOW).await,
        Err(AppError::NotFound)
    );
    assert_eq!(balance(&db, loner.user_id).await, 5_000);
    assert_books_balance(&db).await;
}

/// "Tell me when it is back": everyone waiting is told once, in the transaction that brought the
/// stock back (an admin's save, added vouchers, a cancelled order), and stops waiting.
async fn the_people_waiting_for_a_reward_are_told_once_when_it_is_back(db: Db) {
    let admin = admin(&db).await;
    let company = company(&db).await;
    let people = shoppers(&db, company, 3, 1_000).await;
    let (buyer, waiting) = (&people[0], &people[1..]);
    let kettle = reward(&db, admin, "certificate", 100, Some(1), "").await;
    let waiting_for = |reward: i64| {
        let db = db.clone();
        async move {
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM stock_alerts WHERE reward_id = $1")
                .bind(reward)
                .fetch_one(&db.pool)
                .await
                .unwrap()
        }
    };
    let notices_of = |user: i64| {
        let db = db.clone();
        async move {
            let mut conn = db.pool.acquire().await.unwrap();
            service::notices(&mut conn, user, Lang::En).await.unwrap()
        }
    };
    let sold = service::redeem(&db, buyer, kettle, Some("k-1"), None, NOW)
        .await
        .unwrap();
    assert_eq!(stock(&db, kettle).await, Some(0));
    for who in waiting {
        service::notify_me(&db, who, kettle, NOW).await.unwrap();
    }
    assert_eq!(waiting_for(kettle).await, 2);

    // Saved while still sold out: nobody is told, both still wait.
    let save = |stock: &str| {
        RewardInput::parse(
            "Electric kettle",
            "",
            "",
            "certificate",
            "100",
            stock,
            true,
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            Default::default(),
        )
        .unwrap()
    };
    shop_admin::save(&db, admin, Some(kettle), &save("0"), NOW + 10)
        .await
        .unwrap();
    assert_eq!(waiting_for(kettle).await, 2);
    assert!(notices_of(waiting[0].user_id).await.is_empty());

    // Back in stock: each waiting person gets one notice, and the waiting count is 0 again.
    shop_admin::save(&db, admin, Some(kettle), &save("3"), NOW + 20)
        .await
        .unwrap();
    assert_eq!(waiting_for(kettle).await, 0);
    for who in waiting {
        let told = notices_of(who.user_id).await;
        assert_eq!(told.len(), 1, "{told:?}");
        assert_eq!(
            (told[0].reward_id, told[0].title.as_str()),
            (kettle, "Electric kettle")
        );
    }
    assert!(
        notices_of(buyer.user_id).await.is_empty(),
        "the buyer never asked"
    );
    // More stock later tells no one again.
    shop_admin::save(&db, admin, Some(kettle), &save("5"), NOW + 30)
        .await
        .unwrap();
    assert_eq!(notices_of(waiting[0].user_id).await.len(), 1);

    // A notice goes when its owner dismisses it; someone else's is "not found".
    let theirs = notices_of(waiting[1].user_id).await[0].id;
    assert_eq!(
        service::dismiss_notice(&db, waiting[0].user_id, theirs, NOW + 40).await,
        Err(AppError::NotFound)
    );
    let mine = notices_of(waiting[0].user_id).await[0].id;
    service::dismiss_notice(&db, waiting[0].user_id, mine, NOW + 40)
        .await
        .unwrap();
    assert!(notices_of(waiting[0].user_id).await.is_empty());
    assert_eq!(notices_of(waiting[1].user_id).await.len(), 1);

    // A cancelled order puts its unit back: whoever waits for the sold-out reward is told.
    let lamp = reward(&db, admin, "certificate", 100, Some(1), "").await;
    let order = service::redeem(&db, buyer, lamp, Some("l-1"), None, NOW)
        .await
        .unwrap();
    service::notify_me(&db, &waiting[0], lamp, NOW)
        .await
        .unwrap();
    service::cancel(&db, admin, order.order_id, "Changed mind", Burn, NOW + 50)
        .await
        .unwrap();
    assert_eq!(stock(&db, lamp).await, Some(1));
    assert_eq!(waiting_for(lamp).await, 0);
    let told = notices_of(waiting[0].user_id).await;
    assert_eq!(told.iter().filter(|n| n.reward_id == lamp).count(), 1);

    // Added vouchers bring a sold-out voucher reward back the same way.
    let card = reward(&db, admin, "voucher", 100, Some(0), "").await;
    service::notify_me(&db, &waiting[1], card, NOW)
        .await
        .unwrap();
    shop_admin::add_vouchers(&db, admin, card, "CARD-1\nCARD-2\n", NOW + 60)
        .await
        .unwrap();
    assert_eq!(waiting_for(card).await, 0);
    let told = notices_of(waiting[1].user_id).await;
    assert_eq!(told.iter().filter(|n| n.reward_id == card).count(), 1);
    let _ = sold;
    assert_books_balance(&db).await;
}

/// The admin writes a reward in English (the default) and Russian: a Russian participant reads
/// Russian, also when searching; a French one reads the English; the admin's form gets both back.
async fn a_reward_reads_in_each_participants_language(db: Db) {
    let company = company(&db).await;
    let who = shoppers(&db, company, 1, 1_000).await.remove(0);
    let admin = admin(&db).await;
    let ru = |s: &str| {
        Some(app::content::InLanguages {
            ru: s.into(),
            ..Default::default()
        })
    };
    shop_admin::save_category(
        &db,
        admin,
        "fishing",
        "Fishing",
        &ru("Рыбалка").unwrap(),
        "",
        0,
        NOW,
    )
    .await
    .unwrap();
    let input = RewardInput::parse(
        "Fishing rod",
        "Carbon, 3 m",
        "fishing",
        "physical",
        "300",
        "",
        true,
        "",
        "",
        "",
        "",
        "",
        "Sent within a week",
        "",
        [ru("  Удочка "), ru("Карбон, 3 м"), None],
    )
    .unwrap();
    let id = shop_admin::save(&db, admin, None, &input, NOW)
        .await
        .unwrap();
    let mut conn = db.pool.acquire().await.unwrap();
    let (card, description, after) = service::reward(&mut conn, &who, 1_000, id, NOW, Lang::Ru)
        .await
        .unwrap();
    assert_eq!(
        (card.title.as_str(), description.as_str(), after.as_str()),
        ("Удочка", "Карбон, 3 м", "Sent within a week")
    );
    assert_eq!(card.category.as_deref(), Some("Рыбалка"));
    let chips = service::categories(&mut conn, Lang::Ru).await.unwrap();
    assert!(
        chips
            .iter()
            .any(|c| c.code == "fishing" && c.name == "Рыбалка")
    );
    let chips = service::categories(&mut conn, Lang::Ro).await.unwrap();
    assert!(
        chips
            .iter()
            .any(|c| c.code == "fishing" && c.name == "Fishing")
    );
    let (card, description, _) = service::reward(&mut conn, &who, 1_000, id, NOW, Lang::Fr)
        .await
        .unwrap();
    assert_eq!(
        (card.title.as_str(), description.as_str()),
        ("Fishing rod", "Carbon, 3 m")
    );
    let found = service::catalog(
        &mut conn,
        &who,
        1_000,
        None,
        Some("удочка"),
        Default::default(),
        false,
        NOW,
        Lang::Ru,
    )
    .await
    .unwrap();
    assert_eq!(found.iter().map(|c| c.id).collect::<Vec<_>>(), [id]);
    drop(conn);
    let row = shop_admin::reward(&db, id).await.unwrap();
    assert_eq!(row.title_in.get(Lang::Ru), Some("Удочка"));
    assert_eq!(row.title_in.missing(), [Lang::Fr, Lang::Tr, Lang::Ro]);
    // Saving without the Russian title takes it away; the reader falls back to English.
    let input = RewardInput {
        title_in: Some(Default::default()),
        ..input
    };
    shop_admin::save(&db, admin, Some(id), &input, NOW)
        .await
        .unwrap();
    let mut conn = db.pool.acquire().await.unwrap();
    let (card, description, _) = service::reward(&mut conn, &who, 1_000, id, NOW, Lang::Ru)
        .await
        .unwrap();
    assert_eq!(
        (card.title.as_str(), description.as_str()),
        ("Fishing rod", "Карбон, 3 м")
    );
    // An order keeps the title the participant read when ordering, and History says so in it.
    let cinema = RewardInput::parse(
        "Cinema night",
        "",
        "",
        "certificate",
        "100",
        "",
        true,
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        [ru("Вечер в кино"), None, None],
    )
    .unwrap();
    let cinema = shop_admin::save(&db, admin, None, &cinema, NOW)
        .await
        .unwrap();
    let reader = Shopper {
        lang: Lang::Ru,
        ..who.clone()
    };
    let order = service::redeem(&db, &reader, cinema, Some("ru-order"), None, NOW)
        .await
        .unwrap();
    let title: String = sqlx::query_scalar("SELECT title FROM orders WHERE id = $1")
        .bind(order.order_id)
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(title, "Вечер в кино");
    let mut conn = db.pool.acquire().await.unwrap();
    let newest = ledger::entries(&mut conn, who.user_id, None, None, 1, Lang::Ru)
        .await
        .unwrap();
    assert_eq!(
        newest[0].reason,
        format!("Заказ №{} · Вечер в кино", order.order_id)
    );
}

on_both_databases!(
    a_reward_reads_in_each_participants_language,
    donations_and_company_credits_go_where_they_should,
    the_people_waiting_for_a_reward_are_told_once_when_it_is_back,
    a_hundred_people_race_for_five_units,
    one_key_sent_ten_times_makes_one_order,
    twenty_voucher_redemptions_get_twenty_distinct_codes,
    refusals_say_what_is_wrong_and_change_nothing,
    orders_move_forward_and_a_cancel_gives_everything_back,
    voucher_uploads_are_all_or_nothing,
    the_goal_counts_units_of_the_usual_product,
);
