//! Receipt claims on SQLite and PostgreSQL: one claim per fiscal document under 16-way
//! contention, the automatic checks, every decision's effect on the ledger (approve, approve in
//! part, reject, ask and answer), a double approval credited once, and a randomized mix of claims
//! and decisions after which every balance and pending total still equals its entries.

mod common;

use app::domain::{ReceiptFlag, ReceiptStatus, RejectReason};
use app::earn::ledger;
use app::error::AppError;
use app::receipt::qr::FiscalQr;
use app::receipt::service::{self, Document, NewClaim};
use app::receipt::{Decision, parse_document};
use app::state::Db;
use common::*;
use std::sync::Arc;

/// Within the default 60-day window of [`NOW`].
const BOUGHT: &str = "t=20261120T101500&s=12500.00&fn=8710000101125654&i=99456&fp=1250448795&n=1";

fn qr(text: &str) -> Document {
    Document::Qr {
        qr: FiscalQr::parse(text).unwrap(),
        text: text.to_string(),
    }
}

/// Two products: a tyre worth 100 base points (catalog price 5 000) and a disc worth 40.
async fn products(db: &Db) -> (i64, i64) {
    let mut ids = Vec::new();
    for (sku, name, points, price) in [
        ("TYRE-R16", "Tyre R16", 100, 5_000),
        ("DISC-15", "Disc 15", 40, 2_000),
    ] {
        ids.push(
            sqlx::query_scalar::<_, i64>(
                "INSERT INTO products (sku, name, base_points, price, active, created_at) \
                 VALUES ($1, $2, $3, $4, 1, $5) RETURNING id",
            )
            .bind(sku)
            .bind(name)
            .bind(points)
            .bind(price)
            .bind(NOW)
            .fetch_one(&db.pool)
            .await
            .unwrap(),
        );
    }
    (ids[0], ids[1])
}

/// `n` foremen of the test company (role factor ×1.2).
async fn foremen(db: &Db, n: usize) -> Vec<i64> {
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
            .bind(format!("+7902{i:07}"))
            .bind(NOW)
            .fetch_one(&db.pool)
            .await
            .unwrap(),
        );
    }
    ids
}

fn claim(user: i64, document: Document, lines: Vec<(i64, i64)>) -> NewClaim {
    NewClaim {
        user_id: user,
        document,
        shop: "Distributor North".into(),
        lines,
        key: None,
    }
}

async fn pending(db: &Db, user: i64) -> i64 {
    let mut conn = db.pool.acquire().await.unwrap();
    ledger::pending(&mut conn, user).await.unwrap()
}

async fn balance(db: &Db, user: i64) -> i64 {
    let mut conn = db.pool.acquire().await.unwrap();
    ledger::balance(&mut conn, user).await.unwrap()
}

async fn sixteen_participants_claim_one_receipt_once(db: Db) {
    let ids = people(&db).await;
    let (tyre, _) = products(&db).await;
    let who = foremen(&db, 16).await;
    let db = Arc::new(db);
    let mut tasks = Vec::new();
    for user in who.clone() {
        let db = db.clone();
        tasks.push(tokio::spawn(async move {
            service::submit(&db, claim(user, qr(BOUGHT), vec![(tyre, 2)]), NOW).await
        }));
    }
    let mut stored = Vec::new();
    let mut refused = 0;
    for t in tasks {
        match t.await.unwrap() {
            Ok(s) => stored.push(s),
            Err(AppError::ReceiptClaimed { by_you: false, .. }) => refused += 1,
            Err(e) => panic!("unexpected refusal {e:?}"),
        }
    }
    assert_eq!((stored.len(), refused), (1, 15));
    // 100 base × 2 units × 1.2 foreman = 240, waiting for a check.
    assert_eq!(stored[0].expected_points, 240);
    assert_eq!(stored[0].pending, 240);
    let claims: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM receipt_claims")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(claims, 1);
    let mut total_pending = 0;
    for user in &who {
        total_pending += pending(&db, *user).await;
        assert_eq!(
            balance(&db, *user).await,
            0,
            "pending points are not spendable"
        );
    }
    assert_eq!(total_pending, 240);
    // The one who claimed it is told it was theirs; the others, only when.
    let winner: i64 = sqlx::query_scalar("SELECT user_id FROM receipt_claims")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    let again = service::submit(&db, claim(winner, qr(BOUGHT), vec![(tyre, 1)]), NOW + 60).await;
    assert_eq!(
        again.unwrap_err(),
        AppError::ReceiptClaimed {
            at: NOW,
            by_you: true
        }
    );
    let _ = ids;
    assert_balances_match_entries(&db).await;
}

async fn the_automatic_checks_refuse_and_flag(db: Db) {
    people(&db).await;
    let (tyre, disc) = products(&db).await;
    let user = foremen(&db, 1).await[0];
    // Older than the window, or ahead of today.
    let old = BOUGHT.replace("20261120", "20260901");
    assert_eq!(
        service::submit(&db, claim(user, qr(&old), vec![(tyre, 1)]), NOW)
            .await
            .unwrap_err(),
        AppError::ReceiptTooOld { days: 60 }
    );
    let ahead = BOUGHT.replace("20261120", "20261125");
    assert_eq!(
        service::submit(&db, claim(user, qr(&ahead), vec![(tyre, 1)]), NOW)
            .await
            .unwrap_err(),
        AppError::ReceiptInFuture
    );
    // A refund never gets as far as a claim.
    let refund = BOUGHT.replace("n=1", "n=2");
    assert_eq!(
        parse_document(Some(refund), None, None, None, None).unwrap_err(),
        AppError::ReceiptNotASale { refund: true }
    );
    // An unknown or withdrawn product is refused by name.
    assert_eq!(
        service::submit(&db, claim(user, qr(BOUGHT), vec![(999_999, 1)]), NOW)
            .await
            .unwrap_err(),
        AppError::Invalid {
            field: app::error::Field::Product
        }
    );
    // Lines worth more at catalog prices than the receipt's total are flagged, not refused:
    // 3 tyres at 5 000 is 15 000 against 12 500.
    let s = service::submit(&db, claim(user, qr(BOUGHT), vec![(tyre, 3)]), NOW)
        .await
        .unwrap();
    let mut conn = db.pool.acquire().await.unwrap();
    let view = service::claim(&mut conn, s.id, None, app::i18n::Lang::En)
        .await
        .unwrap();
    assert_eq!(view.flags, vec![ReceiptFlag::LinesOverTotal]);
    drop(conn);
    // The same invoice in another spelling is the same invoice; an invoice without a photo is
    // flagged.
    let invoice = |number: &str| {
        parse_document(
            None,
            Some(number.into()),
            Some("7701 234567".into()),
            Some("2026-11-18".into()),
            Some("4 000,50".into()),
        )
        .unwrap()
    };
    let first = service::submit(&db, claim(user, invoice("№ 12/a"), vec![(disc, 1)]), NOW)
        .await
        .unwrap();
    let mut conn = db.pool.acquire().await.unwrap();
    let view = service::claim(&mut conn, first.id, None, app::i18n::Lang::En)
        .await
        .unwrap();
    assert_eq!(view.flags, vec![ReceiptFlag::NoPhoto]);
    assert_eq!(view.total, 400_050);
    assert_eq!(view.document_no, "12/A");
    drop(conn);
    assert!(matches!(
        service::submit(&db, claim(user, invoice("12/A"), vec![(disc, 1)]), NOW).await,
        Err(AppError::ReceiptClaimed { by_you: true, .. })
    ));
    // The same claim sent again by the phone (same key) is the same claim, stored once.
    let keyed = |key: &str| NewClaim {
        key: Some(key.into()),
        ..claim(user, invoice("77"), vec![(disc, 2)])
    };
    let a = service::submit(&db, keyed("phone-1"), NOW).await.unwrap();
    let b = service::submit(&db, keyed("phone-1"), NOW + 5)
        .await
        .unwrap();
    let c = service::submit(&db, keyed("phone-1"), NOW + 9)
        .await
        .unwrap();
    assert_eq!((a.id, a.expected_points), (b.id, b.expected_points));
    assert_eq!(a.id, c.id);
    assert_eq!(pending(&db, user).await, 360 + 48 + 96);
    // Five claims a day at most (three made so far).
    for i in 0..2 {
        service::submit(
            &db,
            claim(user, invoice(&format!("D-{i}")), vec![(disc, 1)]),
            NOW,
        )
        .await
        .unwrap();
    }
    assert_eq!(
        service::submit(&db, claim(user, invoice("D-9"), vec![(disc, 1)]), NOW)
            .await
            .unwrap_err(),
        AppError::ReceiptLimit {
            max: 5,
            monthly: false
        }
    );
    assert_balances_match_entries(&db).await;
}

async fn each_decision_moves_the_ledger(db: Db) {
    let ids = people(&db).await;
    let (tyre, disc) = products(&db).await;
    let user = foremen(&db, 1).await[0];
    let receipt = |i: u32| qr(&BOUGHT.replace("i=99456", &format!("i={i}")));
    // Approve as claimed: 2 tyres (240) + 1 disc (48) = 288.
    let a = service::submit(
        &db,
        claim(user, receipt(1), vec![(tyre, 2), (disc, 1)]),
        NOW,
    )
    .await
    .unwrap();
    assert_eq!(a.expected_points, 288);
    let decided = service::decide(
        &db,
        Some(ids.admin),
        a.id,
        &Decision::Approve { quantities: vec![] },
        NOW + 10,
    )
    .await
    .unwrap();
    assert_eq!(decided, (ReceiptStatus::Approved, Some(288)));
    assert_eq!(
        (balance(&db, user).await, pending(&db, user).await),
        (288, 0)
    );
    assert_eq!(
        service::decide(
            &db,
            Some(ids.admin),
            a.id,
            &Decision::Approve { quantities: vec![] },
            NOW + 11
        )
        .await
        .unwrap_err(),
        AppError::AlreadyDecided
    );

    // Approve in part: one tyre instead of two, the disc removed: 120.
    let b = service::submit(
        &db,
        claim(user, receipt(2), vec![(tyre, 2), (disc, 1)]),
        NOW,
    )
    .await
    .unwrap();
    let lines: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM receipt_lines WHERE claim_id = $1 ORDER BY id")
            .bind(b.id)
            .fetch_all(&db.pool)
            .await
            .unwrap();
    // Never more than was claimed.
    assert!(matches!(
        service::decide(
            &db,
            Some(ids.admin),
            b.id,
            &Decision::Approve {
                quantities: vec![(lines[0], 3)]
            },
            NOW + 20
        )
        .await,
        Err(AppError::Invalid { .. })
    ));
    let partial = Decision::Approve {
        quantities: vec![(lines[0], 1), (lines[1], 0)],
    };
    assert_eq!(
        service::decide(&db, Some(ids.admin), b.id, &partial, NOW + 21)
            .await
            .unwrap(),
        (ReceiptStatus::Approved, Some(120))
    );
    assert_eq!(
        (balance(&db, user).await, pending(&db, user).await),
        (408, 0)
    );

    // Reject: the pending points go, nothing is credited, the reason is kept.
    let c = service::submit(&db, claim(user, receipt(3), vec![(tyre, 1)]), NOW)
        .await
        .unwrap();
    assert_eq!(pending(&db, user).await, 120);
    let reject = Decision::Reject {
        reason: RejectReason::Unreadable,
        note: "The photo is blurred".into(),
    };
    assert_eq!(
        service::decide(&db, Some(ids.admin), c.id, &reject, NOW + 30)
            .await
            .unwrap(),
        (ReceiptStatus::Rejected, Some(0))
    );
    assert_eq!(
        (balance(&db, user).await, pending(&db, user).await),
        (408, 0)
    );
    let mut conn = db.pool.acquire().await.unwrap();
    let view = service::claim(&mut conn, c.id, Some(user), app::i18n::Lang::En)
        .await
        .unwrap();
    assert_eq!(view.reject_reason, Some(RejectReason::Unreadable));
    assert_eq!(view.note.as_deref(), Some("The photo is blurred"));
    // Someone else's claim is not found.
    assert_eq!(
        service::claim(&mut conn, c.id, Some(ids.seller), app::i18n::Lang::En)
            .await
            .unwrap_err(),
        AppError::NotFound
    );
    drop(conn);

    // Ask for more: points stay pending; the answer puts it back in the queue; then approve.
    let d = service::submit(&db, claim(user, receipt(4), vec![(disc, 5)]), NOW)
        .await
        .unwrap();
    let ask = Decision::Ask {
        question: "Which shop is this?".into(),
    };
    assert_eq!(
        service::decide(&db, Some(ids.admin), d.id, &ask, NOW + 40)
            .await
            .unwrap(),
        (ReceiptStatus::NeedsInfo, None)
    );
    assert_eq!(pending(&db, user).await, 240);
    // Only the claimant answers, once.
    assert_eq!(
        service::answer(&db, ids.seller, d.id, "Mine", NOW + 41)
            .await
            .unwrap_err(),
        AppError::NotFound
    );
    service::answer(&db, user, d.id, "Distributor North, Tula", NOW + 42)
        .await
        .unwrap();
    assert_eq!(
        service::answer(&db, user, d.id, "again", NOW + 43)
            .await
            .unwrap_err(),
        AppError::AlreadyDecided
    );
    service::decide(
        &db,
        Some(ids.admin),
        d.id,
        &Decision::Approve { quantities: vec![] },
        NOW + 50,
    )
    .await
    .unwrap();
    assert_eq!(
        (balance(&db, user).await, pending(&db, user).await),
        (648, 0)
    );

    // Every decision is audited, and Home has news of each decided claim until it is seen.
    let audited: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'receipt.%'")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(audited, 5);
    let mut conn = db.pool.acquire().await.unwrap();
    assert_eq!(service::unseen(&mut conn, user).await.unwrap().len(), 4);
    service::mark_seen(&mut conn, user, Some(a.id), NOW + 60)
        .await
        .unwrap();
    assert_eq!(service::unseen(&mut conn, user).await.unwrap().len(), 3);
    // Pending and settled entries read in the participant's language, with the claim's number.
    let history = ledger::entries(&mut conn, user, None, None, 50, app::i18n::Lang::En)
        .await
        .unwrap();
    assert!(
        history
            .iter()
            .any(|e| e.reason == format!("Purchase 1 (claim {}): waiting for a check", a.id)),
        "{history:?}"
    );
    drop(conn);
    assert_balances_match_entries(&db).await;
}

async fn two_approvals_at_once_credit_once(db: Db) {
    let ids = people(&db).await;
    let (tyre, _) = products(&db).await;
    let user = foremen(&db, 1).await[0];
    let s = service::submit(&db, claim(user, qr(BOUGHT), vec![(tyre, 1)]), NOW)
        .await
        .unwrap();
    let db = Arc::new(db);
    let mut tasks = Vec::new();
    for i in 0..2 {
        let db = db.clone();
        let id = s.id;
        let admin = ids.admin;
        tasks.push(tokio::spawn(async move {
            service::decide(
                &db,
                Some(admin),
                id,
                &Decision::Approve { quantities: vec![] },
                NOW + i,
            )
            .await
        }));
    }
    let mut ok = 0;
    for t in tasks {
        match t.await.unwrap() {
            Ok(_) => ok += 1,
            Err(AppError::AlreadyDecided) => {}
            Err(e) => panic!("{e:?}"),
        }
    }
    assert_eq!(ok, 1);
    assert_eq!(
        (balance(&db, user).await, pending(&db, user).await),
        (120, 0)
    );
    let accruals: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM ledger_entries WHERE receipt_claim_id = $1 AND kind = 'accrual'",
    )
    .bind(s.id)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(accruals, 1);
    assert_balances_match_entries(&db).await;
}

/// xorshift: a deterministic random workload.
struct Rng(u64);

impl Rng {
    fn next(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

async fn a_random_mix_of_claims_and_decisions_keeps_the_ledger_sound(db: Db) {
    let ids = people(&db).await;
    let (tyre, disc) = products(&db).await;
    let who = foremen(&db, 4).await;
    let mut rng = Rng(0x5eed_1234_abcd_0042);
    let mut open: Vec<i64> = Vec::new();
    for step in 0..60u32 {
        let now = NOW + i64::from(step);
        if open.is_empty() || rng.next(3) == 0 {
            let user = who[rng.next(4) as usize];
            // Some documents repeat: those are refused.
            let doc = qr(&BOUGHT.replace("i=99456", &format!("i={}", rng.next(40) + 1)));
            let lines = vec![
                (tyre, rng.next(3) as i64 + 1),
                (disc, rng.next(4) as i64 + 1),
            ];
            match service::submit(&db, claim(user, doc, lines), now).await {
                Ok(s) => open.push(s.id),
                Err(AppError::ReceiptClaimed { .. } | AppError::ReceiptLimit { .. }) => {}
                Err(e) => panic!("{e:?}"),
            }
        } else {
            let id = open[rng.next(open.len() as u64) as usize];
            let decision = match rng.next(4) {
                0 => Decision::Reject {
                    reason: RejectReason::Other,
                    note: String::new(),
                },
                1 => Decision::Ask {
                    question: "More?".into(),
                },
                _ => Decision::Approve { quantities: vec![] },
            };
            match service::decide(&db, Some(ids.admin), id, &decision, now).await {
                Ok((status, _)) if !status.open() => open.retain(|o| *o != id),
                Ok(_) | Err(AppError::AlreadyDecided) => {}
                Err(e) => panic!("{e:?}"),
            }
        }
        assert_balances_match_entries(&db).await;
    }
    // What is still open is exactly what is pending.
    let open_points: i64 = sqlx::query_scalar(
        "SELECT CAST(COALESCE(SUM(expected_points), 0) AS BIGINT) FROM receipt_claims \
         WHERE status IN ('waiting', 'needs_info')",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    let pending_points: i64 =
        sqlx::query_scalar("SELECT CAST(COALESCE(SUM(pending), 0) AS BIGINT) FROM balances")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(open_points, pending_points);
    let credited: i64 = sqlx::query_scalar(
        "SELECT CAST(COALESCE(SUM(final_points), 0) AS BIGINT) FROM receipt_claims \
         WHERE status = 'approved'",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    let accrued: i64 = sqlx::query_scalar(
        "SELECT CAST(COALESCE(SUM(points), 0) AS BIGINT) FROM ledger_entries \
         WHERE kind = 'accrual' AND receipt_claim_id IS NOT NULL",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(credited, accrued);
}

async fn the_daily_cap_counts_on_the_day_a_claim_is_made(db: Db) {
    let ids = people(&db).await;
    let (tyre, _) = products(&db).await;
    let user = foremen(&db, 1).await[0];
    sqlx::query("UPDATE program_settings SET value = 300 WHERE key = 'daily_cap'")
        .execute(&db.pool)
        .await
        .unwrap();
    let receipt = |i: u32| qr(&BOUGHT.replace("i=99456", &format!("i={i}")));
    // 240, then 60 under the 300 cap (the first claim's pending points count), then nothing.
    let a = service::submit(&db, claim(user, receipt(1), vec![(tyre, 2)]), NOW)
        .await
        .unwrap();
    let b = service::submit(&db, claim(user, receipt(2), vec![(tyre, 2)]), NOW + 60)
        .await
        .unwrap();
    assert_eq!((a.expected_points, b.expected_points), (240, 60));
    assert_eq!(
        service::submit(&db, claim(user, receipt(3), vec![(tyre, 1)]), NOW + 120)
            .await
            .unwrap_err(),
        AppError::DailyCapReached { cap: 300 }
    );
    // Approved the next day, together: the moderator's day takes nothing off, and the trimmed
    // claim is worth what it was worth when made.
    let next_day = NOW + 86_400 + 3600;
    let approve = Decision::Approve { quantities: vec![] };
    for id in [a.id, b.id] {
        service::decide(&db, Some(ids.admin), id, &approve, next_day)
            .await
            .unwrap();
    }
    assert_eq!(
        (balance(&db, user).await, pending(&db, user).await),
        (300, 0)
    );
    // And a receipt approved today does not use up today's unit-code cap.
    let today: i64 = sqlx::query_scalar(
        "SELECT CAST(COALESCE(SUM(points), 0) AS BIGINT) FROM ledger_entries \
         WHERE user_id = $1 AND created_at >= $2 AND kind = 'accrual' AND receipt_claim_id IS NULL",
    )
    .bind(user)
    .bind(next_day - 3600)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(today, 0);
    assert_balances_match_entries(&db).await;
}

async fn questions_reach_home_and_invoices_are_named_by_their_supplier(db: Db) {
    let ids = people(&db).await;
    let (tyre, _) = products(&db).await;
    let user = foremen(&db, 1).await[0];
    let invoice = |number: &str, supplier: Option<&str>| {
        parse_document(
            None,
            Some(number.into()),
            supplier.map(str::to_string),
            Some("2026-11-18".into()),
            Some("5000".into()),
        )
    };
    assert_eq!(
        invoice("12", None).unwrap_err(),
        AppError::Invalid {
            field: app::error::Field::TaxId
        }
    );
    // A number sign in front goes; a letter that is part of the number stays.
    let key = |d: Document| d.key();
    assert_eq!(
        key(invoice("No. 12/a", Some("7701234567")).unwrap()),
        key(invoice("12/A", Some("7701 234567")).unwrap())
    );
    assert_ne!(
        key(invoice("NK-12", Some("7701234567")).unwrap()),
        key(invoice("K-12", Some("7701234567")).unwrap())
    );
    // Another supplier's invoice 12 is another invoice.
    let s1 = service::submit(
        &db,
        claim(
            user,
            invoice("12", Some("7701234567")).unwrap(),
            vec![(tyre, 1)],
        ),
        NOW,
    )
    .await
    .unwrap();
    service::submit(
        &db,
        claim(
            user,
            invoice("12", Some("5001234567")).unwrap(),
            vec![(tyre, 1)],
        ),
        NOW,
    )
    .await
    .unwrap();
    // A question reaches Home; once approved, the question is no longer shown as a note.
    let ask = Decision::Ask {
        question: "Is this the Tula warehouse?".into(),
    };
    service::decide(&db, Some(ids.admin), s1.id, &ask, NOW + 10)
        .await
        .unwrap();
    let mut conn = db.pool.acquire().await.unwrap();
    let told = service::unseen(&mut conn, user).await.unwrap();
    assert_eq!(told.len(), 1);
    assert_eq!(told[0].status, ReceiptStatus::NeedsInfo);
    drop(conn);
    service::answer(&db, user, s1.id, "Yes", NOW + 20)
        .await
        .unwrap();
    service::decide(
        &db,
        Some(ids.admin),
        s1.id,
        &Decision::Approve { quantities: vec![] },
        NOW + 30,
    )
    .await
    .unwrap();
    let mut conn = db.pool.acquire().await.unwrap();
    let view = service::claim(&mut conn, s1.id, Some(user), app::i18n::Lang::En)
        .await
        .unwrap();
    assert_eq!((view.status, view.note), (ReceiptStatus::Approved, None));
    assert_eq!(view.answer.as_deref(), Some("Yes"));
    drop(conn);
    // A product without a catalog price is flagged: its value cannot be checked.
    let unpriced: i64 = sqlx::query_scalar(
        "INSERT INTO products (sku, name, base_points, active, created_at) \
         VALUES ('CABLE', 'Cable', 10, 1, $1) RETURNING id",
    )
    .bind(NOW)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    let s3 = service::submit(
        &db,
        claim(
            user,
            invoice("40", Some("7701234567")).unwrap(),
            vec![(unpriced, 3)],
        ),
        NOW,
    )
    .await
    .unwrap();
    let mut conn = db.pool.acquire().await.unwrap();
    let view = service::claim(&mut conn, s3.id, None, app::i18n::Lang::En)
        .await
        .unwrap();
    assert!(
        view.flags.contains(&ReceiptFlag::UnpricedLine),
        "{:?}",
        view.flags
    );
    drop(conn);
    assert_balances_match_entries(&db).await;
}

/// A receipt QR bought two days before the real clock (the HTTP server keeps real time).
fn recent_receipt(document: u32) -> String {
    let day = app::domain::iso_date(app::state::unix_now() - 2 * 86_400).replace('-', "");
    format!("t={day}T1015&s=12500.00&fn=8710000101125654&i={document}&fp=1250448795&n=1")
}

fn png() -> Vec<u8> {
    PNG.to_vec()
}

async fn over_http_forms_photos_and_who_sees_what(db: Db) {
    use common::api::{Api, Caller::*};
    use reqwest::{Method, StatusCode};
    let api = Api::start(&db).await;
    let (tyre, _) = products(&db).await;
    let tyre_id = tyre.to_string();
    let receipt = recent_receipt(501);

    // Without JavaScript: the form posts, and the browser goes on to the claim's page.
    let res = api
        .request(Method::POST, "/api/receipts/submit", Participant)
        .header("accept", "text/html")
        .header("referer", format!("{}/claims/new", api.base))
        .form(&[
            ("qr", receipt.as_str()),
            ("shop", "Distributor North"),
            ("product[]", tyre_id.as_str()),
            ("quantity[]", "2"),
        ])
        .send()
        .await
        .unwrap();
    assert!(res.status().is_redirection(), "{}", res.status());
    let location = res.headers()["location"].to_str().unwrap().to_string();
    let id: i64 = location
        .strip_prefix("/claims/")
        .and_then(|l| l.strip_suffix("?sent=1"))
        .expect(&location)
        .parse()
        .unwrap();
    // The same receipt again, by a script: refused with when, never who.
    let (status, body) = api
        .call(
            "receipts/submit",
            &[
                ("qr", &receipt),
                ("product[]", &tyre_id),
                ("quantity[]", "1"),
            ],
            Manager,
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::CONFLICT, Some("receipt_claimed"))
    );
    assert_eq!(body["by_you"], false);
    // A refund, a damaged QR field and no lines are each refused with their own reason.
    let refund = recent_receipt(502).replace("n=1", "n=2");
    let (status, body) = api
        .call(
            "receipts/submit",
            &[
                ("qr", &refund),
                ("product[]", &tyre_id),
                ("quantity[]", "1"),
            ],
            Participant,
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("receipt_not_a_sale"))
    );
    let damaged = recent_receipt(503).replace("fn=8710000101125654", "fn=871");
    let (status, body) = api
        .call(
            "receipts/submit",
            &[
                ("qr", &damaged),
                ("product[]", &tyre_id),
                ("quantity[]", "1"),
            ],
            Participant,
        )
        .await;
    assert_eq!(
        (status, body["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("fiscal_drive"))
    );
    let (status, body) = api
        .call(
            "receipts/submit",
            &[("qr", &recent_receipt(504))],
            Participant,
        )
        .await;
    assert_eq!(
        (status, body["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("lines"))
    );

    // A receipt's QR typed into Scan's code field without JavaScript goes to the claim screen.
    let res = api
        .request(Method::POST, "/api/earn/claim", Participant)
        .header("accept", "text/html")
        .header("referer", format!("{}/scan", api.base))
        .form(&[("code", receipt.as_str())])
        .send()
        .await
        .unwrap();
    let location = res.headers()["location"].to_str().unwrap().to_string();
    assert!(location.starts_with("/claims/new?qr=t%3D"), "{location}");

    // Photos: refused with reasons, stored re-encoded, shown to the claimant and admins only.
    let upload = |bytes: Vec<u8>, who| {
        api.request(Method::POST, &format!("/claims/{id}/photos"), who)
            .header("accept", "application/json")
            .multipart(reqwest::multipart::Form::new().part(
                "photo",
                reqwest::multipart::Part::bytes(bytes).file_name("invoice.png"),
            ))
            .send()
    };
    let res = upload(b"%PDF-1.7".to_vec(), Participant).await.unwrap();
    assert_eq!(res.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let res = upload(vec![0u8; 9 * 1024 * 1024], Participant)
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let res = upload(png(), Manager).await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND, "someone else's claim");
    let res = upload(png(), Participant).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let photo = res.json::<serde_json::Value>().await.unwrap()["photo"]
        .as_i64()
        .unwrap();
    // The same photo sent again (a phone that never heard the answer) is the photo kept.
    let res = upload(png(), Participant).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.json::<serde_json::Value>().await.unwrap()["photo"],
        photo
    );
    let (_, claim) = api
        .call("receipts/get", &[("id", &id.to_string())], Participant)
        .await;
    assert_eq!(claim["photos"].as_array().map(Vec::len), Some(1), "{claim}");
    for (who, expected) in [
        (Participant, StatusCode::OK),
        (Admin, StatusCode::OK),
        (Manager, StatusCode::NOT_FOUND),
        (Anonymous, StatusCode::UNAUTHORIZED),
    ] {
        let res = api
            .request(Method::GET, &format!("/claims/photos/{photo}/thumb"), who)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), expected, "{who:?}");
        if expected == StatusCode::OK {
            assert_eq!(res.headers()["content-type"], "image/jpeg");
            assert!(
                res.headers()["cache-control"]
                    .to_str()
                    .unwrap()
                    .starts_with("private")
            );
        }
    }

    // The moderator finds it in the queue, approves it, and the participant sees the points.
    let (status, queue) = api.call("admin/receipts/queue", &[], Admin).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(queue["rows"][0]["id"], id);
    let (status, body) = api
        .call(
            "admin/receipts/decide",
            &[("id", &id.to_string()), ("decision", "maybe")],
            Admin,
        )
        .await;
    assert_eq!(
        (status, body["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("status"))
    );
    let (status, body) = api
        .call(
            "admin/receipts/decide",
            &[("id", &id.to_string()), ("decision", "approve")],
            Admin,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["final_points"], 200);
    let (_, mine) = api.call("receipts/mine", &[], Participant).await;
    assert_eq!(mine["claims"][0]["status"], "approved");
    assert_eq!(mine["pending"], 0);
    let (_, home) = api.call("earn/home", &[], Participant).await;
    assert_eq!(home["balance"], 200);
    assert_eq!(home["decided"][0]["id"], id);
    let (status, _) = api
        .call("receipts/get", &[("id", &id.to_string())], Manager)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, team) = api.call("team/receipts", &[], Manager).await;
    assert_eq!(team[0]["id"], id);
    assert_balances_match_entries(&db).await;
}

/// A stand-in for the receipt verification service: answers by the receipt's document number
/// (`i`): 2 not found, 3 pending, 4 an error, any other verified; and notes each request.
/// One photo sent to two claims at the same moment flags both: each upload sees the other.
async fn one_photo_on_two_claims_at_once_flags_both(db: Db) {
    use common::api::{Api, Caller::*};
    use reqwest::{Method, StatusCode};
    sqlx::query("UPDATE program_settings SET value = 100 WHERE key = 'receipt.per_day'")
        .execute(&db.pool)
        .await
        .unwrap();
    let api = Api::start(&db).await;
    let (tyre, _) = products(&db).await;
    let tyre_id = tyre.to_string();
    for round in 0..8u32 {
        let mut claims = Vec::new();
        for (n, who) in [(0, Participant), (1, Manager)] {
            let qr = recent_receipt(700 + round * 2 + n);
            let (status, body) = api
                .call(
                    "receipts/submit",
                    &[("qr", &qr), ("product[]", &tyre_id), ("quantity[]", "1")],
                    who,
                )
                .await;
            assert_eq!(status, StatusCode::OK, "{body}");
            claims.push((body["id"].as_i64().unwrap(), who));
        }
        // A photo of its own each round (bytes after the picture's end change its hash only).
        let mut photo = png();
        photo.extend_from_slice(&[round as u8; 8]);
        let upload = |(id, who): (i64, _)| {
            api.request(Method::POST, &format!("/claims/{id}/photos"), who)
                .header("accept", "application/json")
                .multipart(reqwest::multipart::Form::new().part(
                    "photo",
                    reqwest::multipart::Part::bytes(photo.clone()).file_name("invoice.png"),
                ))
                .send()
        };
        let (a, b) = tokio::join!(upload(claims[0]), upload(claims[1]));
        assert_eq!(a.unwrap().status(), StatusCode::OK);
        assert_eq!(b.unwrap().status(), StatusCode::OK);
        for (id, _) in &claims {
            let flags: String =
                sqlx::query_scalar("SELECT flags FROM receipt_claims WHERE id = $1")
                    .bind(id)
                    .fetch_one(&db.pool)
                    .await
                    .unwrap();
            assert!(
                ReceiptFlag::split(&flags).contains(&ReceiptFlag::PhotoReused),
                "round {round}, claim {id}: {flags:?}"
            );
        }
    }
}

async fn stub_verifier() -> (
    String,
    Arc<std::sync::Mutex<Vec<(String, serde_json::Value)>>>,
) {
    use axum::http::{HeaderMap, StatusCode};
    let seen: Arc<std::sync::Mutex<Vec<(String, serde_json::Value)>>> = Arc::default();
    let log = seen.clone();
    let app = axum::Router::new().route(
        "/check",
        axum::routing::post(
            move |headers: HeaderMap, body: axum::Json<serde_json::Value>| {
                let log = log.clone();
                async move {
                    let auth = headers
                        .get("authorization")
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("")
                        .to_string();
                    let status = match body.0["i"].as_i64() {
                        Some(2) => "not_found",
                        Some(3) => "pending",
                        Some(4) => "",
                        _ => "verified",
                    };
                    log.lock().unwrap().push((auth, body.0));
                    if status.is_empty() {
                        (StatusCode::BAD_GATEWAY, axum::Json(serde_json::json!({})))
                    } else {
                        (
                            StatusCode::OK,
                            axum::Json(serde_json::json!({ "status": status })),
                        )
                    }
                }
            },
        ),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (format!("http://{addr}/check"), seen)
}

#[tokio::test]
async fn the_verification_adapter_asks_the_service_and_reads_its_answer() {
    use app::domain::Verification;
    use app::receipt::verify::ReceiptVerifier;
    use workwell::verifier::HttpVerifier;
    let (url, seen) = stub_verifier().await;
    let verifier = HttpVerifier::new(&url, "t0ken");
    let receipt = |i: u32| FiscalQr::parse(&BOUGHT.replace("i=99456", &format!("i={i}"))).unwrap();
    assert_eq!(verifier.verify(&receipt(1)).await, Verification::Verified);
    assert_eq!(verifier.verify(&receipt(2)).await, Verification::NotFound);
    assert_eq!(verifier.verify(&receipt(3)).await, Verification::Pending);
    assert_eq!(
        verifier.verify(&receipt(4)).await,
        Verification::Unavailable
    );
    let (auth, body) = seen.lock().unwrap()[0].clone();
    assert_eq!(auth, "Bearer t0ken");
    assert_eq!(
        body,
        serde_json::json!({"fn": "8710000101125654", "i": 1, "fp": 1250448795,
            "t": "20261120T101500", "s": 1250000, "n": 1})
    );
    // Nobody listening: unavailable, after the timeout at most.
    let nobody = HttpVerifier::new("http://127.0.0.1:9/check", "");
    assert_eq!(nobody.verify(&receipt(1)).await, Verification::Unavailable);
}

async fn verified_claims_are_approved_without_a_person_when_allowed(db: Db) {
    use app::domain::Verification;
    use workwell::verifier::HttpVerifier;
    people(&db).await;
    let (tyre, _) = products(&db).await;
    let user = foremen(&db, 1).await[0];
    let (url, _) = stub_verifier().await;
    let verifier = HttpVerifier::new(&url, "");
    let receipt = |i: u32| {
        let text = BOUGHT.replace("i=99456", &format!("i={i}"));
        (FiscalQr::parse(&text).unwrap(), qr(&text))
    };
    let set = |key: &'static str, value: i64| {
        let db = db.clone();
        async move {
            sqlx::query("UPDATE program_settings SET value = $2 WHERE key = $1")
                .bind(key)
                .bind(value)
                .execute(&db.pool)
                .await
                .unwrap();
        }
    };
    let status = |id: i64| {
        let db = db.clone();
        async move {
            sqlx::query_as::<_, (ReceiptStatus, Option<Verification>, Option<i64>)>(
                "SELECT status, verification, decided_by FROM receipt_claims WHERE id = $1",
            )
            .bind(id)
            .fetch_one(&db.pool)
            .await
            .unwrap()
        }
    };
    // Off (the default): verified, and still waiting for a person.
    let (fiscal, doc) = receipt(1);
    let a = service::submit(&db, claim(user, doc, vec![(tyre, 1)]), NOW)
        .await
        .unwrap();
    let v = service::verify_and_maybe_approve(&db, &verifier, a.id, &fiscal, 999, NOW)
        .await
        .unwrap();
    assert_eq!(v, Verification::Verified);
    assert_eq!(
        status(a.id).await,
        (ReceiptStatus::Waiting, Some(Verification::Verified), None)
    );
    // On: verified and unflagged is approved by no one in particular, unless the spot check drew it.
    set("receipt.auto_approve", 1).await;
    set("receipt.spot_check_permille", 50).await;
    let (fiscal, doc) = receipt(11);
    let b = service::submit(&db, claim(user, doc, vec![(tyre, 1)]), NOW)
        .await
        .unwrap();
    service::verify_and_maybe_approve(&db, &verifier, b.id, &fiscal, 10, NOW)
        .await
        .unwrap();
    assert_eq!(status(b.id).await.0, ReceiptStatus::Waiting, "spot-checked");
    let (fiscal, doc) = receipt(12);
    let c = service::submit(&db, claim(user, doc, vec![(tyre, 1)]), NOW)
        .await
        .unwrap();
    service::verify_and_maybe_approve(&db, &verifier, c.id, &fiscal, 500, NOW)
        .await
        .unwrap();
    assert_eq!(
        status(c.id).await,
        (ReceiptStatus::Approved, Some(Verification::Verified), None)
    );
    assert_eq!(
        (balance(&db, user).await, pending(&db, user).await),
        (120, 240)
    );
    let actor: Option<i64> = sqlx::query_scalar(
        "SELECT actor_id FROM audit_log WHERE action = 'receipt.approve' AND subject = $1",
    )
    .bind(format!("receipt_claim:{}", c.id))
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(actor, None);
    // Not found, or flagged by the checks (3 tyres: more than the total): a person decides.
    let (unknown, doc) = receipt(2);
    let d = service::submit(&db, claim(user, doc, vec![(tyre, 1)]), NOW)
        .await
        .unwrap();
    service::verify_and_maybe_approve(&db, &verifier, d.id, &unknown, 999, NOW)
        .await
        .unwrap();
    assert_eq!(
        status(d.id).await,
        (ReceiptStatus::Waiting, Some(Verification::NotFound), None)
    );
    let (fiscal, doc) = receipt(13);
    let e = service::submit(&db, claim(user, doc, vec![(tyre, 3)]), NOW)
        .await
        .unwrap();
    service::verify_and_maybe_approve(&db, &verifier, e.id, &fiscal, 999, NOW)
        .await
        .unwrap();
    assert_eq!(status(e.id).await.0, ReceiptStatus::Waiting);
    assert_balances_match_entries(&db).await;
}

on_both_databases!(
    sixteen_participants_claim_one_receipt_once,
    the_automatic_checks_refuse_and_flag,
    each_decision_moves_the_ledger,
    two_approvals_at_once_credit_once,
    a_random_mix_of_claims_and_decisions_keeps_the_ledger_sound,
    over_http_forms_photos_and_who_sees_what,
    verified_claims_are_approved_without_a_person_when_allowed,
    the_daily_cap_counts_on_the_day_a_claim_is_made,
    questions_reach_home_and_invoices_are_named_by_their_supplier,
    one_photo_on_two_claims_at_once_flags_both,
);
