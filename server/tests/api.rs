//! The HTTP API as a client sees it, on SQLite and PostgreSQL: every server function × every
//! role, typed errors with their status, pages guarded by role, and the health check.

mod common;

use app::domain::EntryKind;
use app::earn::ledger::{self, NewEntry};

use app::state::{Db, unix_now};
use common::api::*;
use common::*;
use reqwest::StatusCode;
use serde_json::Value;

/// Who may call what. `open` functions answer everyone; the rest refuse anonymous callers with
/// 401 and callers of another role with 403.
async fn every_server_function_checks_who_calls_it(db: Db) {
    let api = Api::start(&db).await;
    use Caller::*;
    let participant_app = [Participant, Manager];
    let table: [(&str, &[Caller]); 14] = [
        ("earn/home", &participant_app),
        ("earn/history", &participant_app),
        ("shop/catalog", &participant_app),
        ("shop/orders", &participant_app),
        ("shop/goal_progress", &participant_app),
        ("shop/company_credits", &[Manager]),
        ("admin/rewards", &[Admin]),
        ("admin/orders", &[Admin]),
        ("admin/overview", &[Admin]),
        ("admin/categories", &[Admin]),
        ("admin/products", &[Admin]),
        ("admin/batches", &[Admin]),
        ("admin/campaigns", &[Admin]),
        ("admin/audit", &[Admin]),
    ];
    for (endpoint, allowed) in table {
        for who in CALLERS {
            let (status, body) = api.call(endpoint, &[], who).await;
            let expected = if allowed.iter().any(|a| *a as usize == who as usize) {
                StatusCode::OK
            } else if matches!(who, Anonymous) {
                StatusCode::UNAUTHORIZED
            } else {
                StatusCode::FORBIDDEN
            };
            assert_eq!(status, expected, "{endpoint} as {who:?}: {body}");
            if expected != StatusCode::OK {
                let code = if expected == StatusCode::UNAUTHORIZED {
                    "not_signed_in"
                } else {
                    "forbidden"
                };
                assert_eq!(body["code"], code, "{endpoint} as {who:?}");
                assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()));
            }
        }
    }
    // Open to everyone, each answering for the caller only.
    for who in CALLERS {
        let (status, me) = api.call("auth/me", &[], who).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(
            me.is_null(),
            matches!(who, Anonymous),
            "auth/me as {who:?}: {me}"
        );
        let (status, _) = api
            .call("profile/set_language", &[("lang", "ru")], who)
            .await;
        assert_eq!(status, StatusCode::OK, "set_language as {who:?}");
        let (status, body) = api.call("auth/request_code", &[("phone", "12")], who).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some("phone_wrong_length"))
        );
        let (status, body) = api
            .call(
                "auth/verify_code",
                &[("phone", SELLER_PHONE), ("code", "12a")],
                who,
            )
            .await;
        assert_eq!(
            (status, body["code"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some("code_format"))
        );
        let (status, body) = api
            .call(
                "auth/admin_sign_in",
                &[("email", "x@workwell.test"), ("password", "nope")],
                who,
            )
            .await;
        assert_eq!(
            (status, body["code"].as_str()),
            (StatusCode::UNAUTHORIZED, Some("bad_credentials"))
        );
    }
    // A participant cannot reach admin data by calling the function directly, whatever the page says.
    let (status, _) = api.call("admin/overview", &[], Participant).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // Signing out ends the session for good.
    let (status, _) = api.call("auth/sign_out", &[], Participant).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = api.call("earn/home", &[], Participant).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

async fn the_shop_over_http_refuses_bad_input_and_keeps_its_promises(db: Db) {
    use Caller::*;
    let api = Api::start(&db).await;
    let reward =
        |title: &'static str, kind: &'static str, price: &'static str, stock: &'static str| {
            vec![
                ("title", title),
                ("description", ""),
                ("category", ""),
                ("kind", kind),
                ("price", price),
                ("stock", stock),
                ("active", "on"),
                ("starts", ""),
                ("ends", ""),
                ("min_tier", ""),
                ("company_kind", ""),
                ("low_stock", ""),
                ("after_order", ""),
                ("image", ""),
            ]
        };
    // Bad numbers are named, and nothing is written.
    for (price, stock, field) in [
        ("-5", "", "price"),
        ("abc", "", "price"),
        ("10", "-1", "stock"),
    ] {
        let (status, body) = api
            .call(
                "admin/reward_save",
                &reward("Bad", "voucher", price, stock),
                Admin,
            )
            .await;
        assert_eq!(
            (status, body["code"].as_str(), body["field"].as_str()),
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                Some("invalid_input"),
                Some(field)
            ),
            "{price}/{stock}: {body}"
        );
    }
    let count = |sql: &'static str| {
        let pool = db.pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>(sql)
                .fetch_one(&pool)
                .await
                .unwrap()
        }
    };
    assert_eq!(count("SELECT COUNT(*) FROM rewards").await, 0);
    let (status, card) = api
        .call(
            "admin/reward_save",
            &reward("Gift card", "voucher", "300", "0"),
            Admin,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{card}");
    let card = card.as_i64().unwrap().to_string();
    // A malformed voucher file: the bad line is named and no voucher is added.
    let (status, body) = api
        .call(
            "admin/vouchers_add",
            &[("reward_id", &card), ("csv", "code\nGOOD-1\nhas space\n")],
            Admin,
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str(), body["line"].as_i64()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("csv_invalid"),
            Some(3)
        ),
        "{body}"
    );
    assert_eq!(count("SELECT COUNT(*) FROM vouchers").await, 0);
    let (status, n) = api
        .call(
            "admin/vouchers_add",
            &[("reward_id", &card), ("csv", "V-1\nV-2\nV-3\n")],
            Admin,
        )
        .await;
    assert_eq!((status, n.as_i64()), (StatusCode::OK, Some(3)));
    let (_, parcel) = api
        .call(
            "admin/reward_save",
            &reward("Thermos", "physical", "100", "5"),
            Admin,
        )
        .await;
    let parcel = parcel.as_i64().unwrap().to_string();

    // Pictures: a non-picture and an oversized file are refused with reasons; a PNG is stored,
    // served with long caching, and gets a thumbnail.
    let upload = |bytes: Vec<u8>, name: &'static str| {
        let form = reqwest::multipart::Form::new().part(
            "image",
            reqwest::multipart::Part::bytes(bytes).file_name(name),
        );
        api.request(
            reqwest::Method::POST,
            &format!("/admin/rewards/{card}/image"),
            Admin,
        )
        .header("accept", "application/json")
        .multipart(form)
        .send()
    };
    let res = upload(b"%PDF-1.7 a document".to_vec(), "doc.pdf")
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(res.json::<Value>().await.unwrap()["code"], "not_an_image");
    let res = upload(vec![0u8; 20 * 1024 * 1024], "huge.png")
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(
        res.json::<Value>().await.unwrap()["code"],
        "upload_too_large"
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM rewards WHERE image IS NOT NULL").await,
        0
    );
    let res = upload(PNG.to_vec(), "dot.png").await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let image = res.json::<Value>().await.unwrap()["image"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        image.starts_with("/media/rewards/") && image.ends_with(".png"),
        "{image}"
    );
    let served = api
        .request(reqwest::Method::GET, &image, Participant)
        .send()
        .await
        .unwrap();
    assert_eq!(served.status(), StatusCode::OK);
    assert!(
        served.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("immutable")
    );
    assert_eq!(served.bytes().await.unwrap().as_ref(), &PNG[..]);
    let thumb = api
        .request(
            reqwest::Method::GET,
            &image.replace(".png", "-thumb.jpg"),
            Participant,
        )
        .send()
        .await
        .unwrap();
    assert_eq!(thumb.status(), StatusCode::OK);
    // Only admins upload.
    let res = api
        .request(
            reqwest::Method::POST,
            &format!("/admin/rewards/{card}/image"),
            Participant,
        )
        .header("accept", "application/json")
        .multipart(
            reqwest::multipart::Form::new()
                .part("image", reqwest::multipart::Part::bytes(PNG.to_vec())),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    // The participant redeems: JSON for a script, a redirect to the order for a plain form, and
    // the same key twice is the same order.
    let seller: i64 = sqlx::query_scalar("SELECT id FROM users WHERE phone = $1")
        .bind(SELLER_PHONE)
        .fetch_one(&db.pool)
        .await
        .unwrap();
    let mut tx = db.begin_write().await.unwrap();
    ledger::append(
        &mut tx,
        NewEntry::new(
            seller,
            EntryKind::Adjustment,
            1_000,
            &app::earn::reason::Reason::note("Shop credit"),
        ),
        unix_now(),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let (status, order) = api
        .call(
            "shop/redeem",
            &[("reward_id", &card), ("key", "k1")],
            Participant,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{order}");
    assert_eq!(order["status"], "ready");
    assert!(
        order["voucher"]
            .as_str()
            .is_some_and(|v| v.starts_with("V-"))
    );
    let (_, again) = api
        .call(
            "shop/redeem",
            &[("reward_id", &card), ("key", "k1")],
            Participant,
        )
        .await;
    assert_eq!(again["id"], order["id"]);
    let (status, body) = api
        .call(
            "shop/redeem",
            &[("reward_id", &parcel), ("key", "k2")],
            Participant,
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("address_needed"))
    );
    let (status, body) = api
        .call(
            "shop/redeem",
            &[
                ("reward_id", &parcel),
                ("key", "k2"),
                ("recipient", "Anna"),
                ("phone", "+79000000001"),
                ("line", "Lenina 1"),
                ("city", "Kazan"),
                ("postcode", "1"),
            ],
            Participant,
        )
        .await;
    assert_eq!(
        (status, body["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("postcode"))
    );
    let res = api
        .request(reqwest::Method::POST, "/api/shop/redeem", Participant)
        .header("accept", "text/html")
        .header("referer", format!("{}/shop/{parcel}", api.base))
        .form(&[
            ("reward_id", parcel.as_str()),
            ("key", "k3"),
            ("recipient", "=Anna Seller"),
            ("phone", "+79000000001"),
            ("line", "Lenina 1"),
            ("city", "Kazan"),
            ("postcode", "420000"),
        ])
        .send()
        .await
        .unwrap();
    assert!(res.status().is_redirection(), "{}", res.status());
    let location = res.headers()["location"].to_str().unwrap().to_string();
    let parcel_order: i64 = location
        .strip_prefix("/orders/")
        .expect(&location)
        .parse()
        .unwrap();
    let (status, body) = api
        .call(
            "shop/redeem",
            &[
                ("reward_id", &parcel),
                ("key", "k4"),
                ("address_id", "999999"),
            ],
            Participant,
        )
        .await;
    // Not a street that is too long: an address that is not one of theirs.
    assert_eq!(
        (status, body["field"].as_str(), body["message"].as_str()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("saved_address"),
            Some("Pick one of your saved addresses, or type a new one.")
        ),
        "{body}"
    );
    let (_, boat) = api
        .call(
            "admin/reward_save",
            &reward("Boat", "certificate", "5000", ""),
            Admin,
        )
        .await;
    let boat = boat.as_i64().unwrap().to_string();
    let (status, body) = api
        .call(
            "shop/redeem",
            &[("reward_id", &boat), ("key", "k5")],
            Participant,
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str(), body["missing"].as_i64()),
        (
            StatusCode::CONFLICT,
            Some("not_enough_points"),
            Some(5_000 - 600)
        ),
        "{body}"
    );

    // The admin moves both orders in one go (checkboxes named ids[]), then cannot move them back.
    let voucher_order = order["id"].as_i64().unwrap().to_string();
    let parcel_order = parcel_order.to_string();
    let (status, body) = api
        .call(
            "admin/order_status",
            &[
                ("ids[]", voucher_order.as_str()),
                ("ids[]", parcel_order.as_str()),
                ("status", "delivered"),
                ("tracking", "RB1"),
                ("certificate", ""),
                ("note", ""),
            ],
            Admin,
        )
        .await;
    assert_eq!((status, body.as_i64()), (StatusCode::OK, Some(2)), "{body}");
    let (status, body) = api
        .call(
            "admin/order_status",
            &[("ids[]", parcel_order.as_str()), ("status", "shipped")],
            Admin,
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::CONFLICT, Some("order_cannot_move"))
    );
    let (status, body) = api
        .call(
            "admin/order_status",
            &[("ids[]", parcel_order.as_str()), ("status", "lost")],
            Admin,
        )
        .await;
    assert_eq!(
        (status, body["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("status"))
    );
    // A participant sees their own orders only; the supplier CSV is the admin's.
    let (status, mine) = api
        .call("shop/order", &[("id", parcel_order.as_str())], Participant)
        .await;
    assert_eq!(
        (status, mine["status"].as_str(), mine["tracking"].as_str()),
        (StatusCode::OK, Some("delivered"), Some("RB1"))
    );
    let (status, _) = api
        .call("shop/order", &[("id", parcel_order.as_str())], Manager)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let csv = api
        .request(
            reqwest::Method::GET,
            "/admin/orders.csv?status=delivered",
            Admin,
        )
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), StatusCode::OK);
    let text = csv.text().await.unwrap();
    assert!(text.starts_with("order,placed,status"), "{text}");
    assert_eq!(text.lines().count(), 3, "{text}");
    // Typed by a participant, a leading "=" must not become a spreadsheet formula.
    assert!(
        text.contains("\"'=Anna Seller, +79000000001, Lenina 1, 420000 Kazan\""),
        "{text}"
    );
    let bad = api
        .request(reqwest::Method::GET, "/admin/orders.csv?status=lost", Admin)
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let refused = api
        .request(reqwest::Method::GET, "/admin/orders.csv", Participant)
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    // The catalog page renders whole on the server, with the rewards in it.
    let page = api
        .request(reqwest::Method::GET, "/shop", Participant)
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(
        html.contains("Gift card") && html.contains("Thermos"),
        "the catalog lists the rewards"
    );
}

async fn pages_send_each_role_to_its_own_place(db: Db) {
    let api = Api::start(&db).await;
    let page = |path: &'static str, who: Caller| {
        let req = api
            .request(reqwest::Method::GET, path, who)
            .header("accept", "text/html");
        async move { req.send().await.unwrap() }
    };
    let anon_home = page("/", Caller::Anonymous).await;
    assert_eq!(anon_home.status(), StatusCode::FOUND);
    assert_eq!(anon_home.headers()["location"], "/sign-in");
    let anon_admin = page("/admin", Caller::Anonymous).await;
    assert_eq!(anon_admin.headers()["location"], "/admin/sign-in");

    let participant_admin = page("/admin", Caller::Participant).await;
    assert_eq!(participant_admin.status(), StatusCode::FORBIDDEN);
    assert!(
        participant_admin
            .text()
            .await
            .unwrap()
            .contains("data-code=\"forbidden\"")
    );

    let home = page("/", Caller::Participant).await;
    assert_eq!(home.status(), StatusCode::OK);
    let html = home.text().await.unwrap();
    assert!(
        html.contains("data-testid=\"balance\""),
        "Home shows the balance"
    );

    let admin_home = page("/admin", Caller::Admin).await;
    assert_eq!(admin_home.status(), StatusCode::OK);
    let admin_home_as_participant_app = page("/", Caller::Admin).await;
    assert_eq!(
        admin_home_as_participant_app.headers()["location"],
        "/admin"
    );

    let missing = page("/no-such-page", Caller::Participant).await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
}

async fn a_plain_form_post_comes_back_with_the_error_in_the_url(db: Db) {
    let api = Api::start(&db).await;
    let res = api
        .request(
            reqwest::Method::POST,
            "/api/auth/request_code",
            Caller::Anonymous,
        )
        .header("accept", "text/html")
        .header("referer", format!("{}/sign-in", api.base))
        .form(&[("phone", "+7 900 abc")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    assert!(
        location.contains("/sign-in?") && location.contains("__err="),
        "{location}"
    );
    let page = api.request(
        reqwest::Method::GET,
        &location.replace(&api.base, ""),
        Caller::Anonymous,
    );
    let html = page
        .header("accept", "text/html")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("data-code=\"phone_bad_characters\""),
        "the sign-in page shows the error"
    );
}

async fn the_page_language_follows_profile_then_browser(db: Db) {
    let api = Api::start(&db).await;
    let get = |who: Caller, accept_language: &'static str| {
        let req = api
            .request(reqwest::Method::GET, "/sign-in", who)
            .header("accept", "text/html")
            .header("accept-language", accept_language);
        async move { req.send().await.unwrap().text().await.unwrap() }
    };
    assert!(
        get(Caller::Anonymous, "ru-RU,ru;q=0.9")
            .await
            .contains("<html lang=\"ru\"")
    );
    assert!(
        get(Caller::Anonymous, "de-DE,en;q=0.5")
            .await
            .contains("<html lang=\"en\"")
    );
    let (status, _) = api
        .call(
            "profile/set_language",
            &[("lang", "ru")],
            Caller::Participant,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        get(Caller::Participant, "en-US")
            .await
            .contains("<html lang=\"ru\""),
        "the profile wins"
    );
    let (status, body) = api
        .call(
            "profile/set_language",
            &[("lang", "xx")],
            Caller::Participant,
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("invalid_language"))
    );
}

async fn health_answers_when_the_database_does(db: Db) {
    let api = Api::start(&db).await;
    let res = api
        .request(reqwest::Method::GET, "/healthz", Caller::Anonymous)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers().contains_key("x-request-id"));
    assert_eq!(res.headers()["x-content-type-options"], "nosniff");
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["database"], "ok");
}

async fn the_ledger_keeps_balance_equal_to_its_entries_and_never_negative(db: Db) {
    let ids = people(&db).await;
    let mut tx = db.begin_write().await.unwrap();
    for (kind, points, reason) in [
        (EntryKind::Accrual, 120, "Tyre sold"),
        (EntryKind::Adjustment, 30, "Welcome bonus"),
        (EntryKind::Reversal, -50, "Claim reversed"),
    ] {
        ledger::append(
            &mut tx,
            NewEntry::new(
                ids.seller,
                kind,
                points,
                &app::earn::reason::Reason::note(reason),
            ),
            NOW,
        )
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
    let mut tx = db.begin_write().await.unwrap();
    let overdraw = ledger::append(
        &mut tx,
        NewEntry::new(
            ids.seller,
            EntryKind::Redemption,
            -101,
            &app::earn::reason::Reason::note("Too much"),
        ),
        NOW,
    )
    .await;
    assert!(overdraw.is_err());
    tx.rollback().await.unwrap();
    let mut tx = db.begin_write().await.unwrap();
    let no_reason = ledger::append(
        &mut tx,
        NewEntry::new(
            ids.seller,
            EntryKind::Adjustment,
            5,
            &app::earn::reason::Reason::note(" "),
        ),
        NOW,
    )
    .await;
    assert!(no_reason.is_err(), "every entry has a reason");
    tx.rollback().await.unwrap();
    let mut conn = db.pool.acquire().await.unwrap();
    let balance = ledger::balance(&mut conn, ids.seller).await.unwrap();
    let sum: i64 = sqlx::query_scalar(
        "SELECT CAST(SUM(points) AS BIGINT) FROM ledger_entries WHERE user_id = $1",
    )
    .bind(ids.seller)
    .fetch_one(&mut *conn)
    .await
    .unwrap();
    assert_eq!((balance, sum), (100, 100));
    let earned = ledger::earned_since(&mut conn, ids.seller, NOW - 1)
        .await
        .unwrap();
    assert_eq!(earned, 70, "accruals net of reversals");
}

/// The built files go out as the copies compressed once at start-up: brotli to a browser that
/// offers it, gzip to one that offers only that, the file itself to one that offers neither.
async fn build_files_go_out_as_their_precompressed_copies(db: Db) {
    let site = tempfile::tempdir().unwrap();
    let pkg = site.path().join("pkg");
    std::fs::create_dir(&pkg).unwrap();
    let wasm: Vec<u8> = (0..50_000u32)
        .flat_map(|i| (i % 97).to_le_bytes())
        .collect();
    std::fs::write(pkg.join("workwell.Q1w2E3r4T5y6U7i8.wasm"), &wasm).unwrap();
    let report = workwell::precompress::precompress_dir(&pkg).unwrap();
    assert_eq!(report.compressed, 1);
    let (mut state, _) = state(&db);
    state.leptos_options.site_root = site.path().to_str().unwrap().into();
    let addr = serve(state).await;
    let http = reqwest::Client::new();
    let get = |accept: &'static str| {
        http.get(format!("http://{addr}/pkg/workwell.Q1w2E3r4T5y6U7i8.wasm"))
            .header("accept-encoding", accept)
            .send()
    };
    for (accept, encoding, copy) in [
        ("gzip, deflate, br", Some("br"), "br"),
        ("gzip", Some("gzip"), "gz"),
    ] {
        let res = get(accept).await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(
            res.headers()
                .get("content-encoding")
                .map(|v| v.to_str().unwrap()),
            encoding,
            "{accept}"
        );
        assert!(
            res.headers()["cache-control"]
                .to_str()
                .unwrap()
                .contains("immutable")
        );
        assert_eq!(res.headers()["vary"], "accept-encoding");
        let body = res.bytes().await.unwrap();
        let stored =
            std::fs::read(pkg.join(format!("workwell.Q1w2E3r4T5y6U7i8.wasm.{copy}"))).unwrap();
        assert_eq!(body.as_ref(), &stored[..], "{accept}");
        assert!(
            body.len() < wasm.len() / 10,
            "{accept}: {} bytes",
            body.len()
        );
    }
    let res = get("identity").await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers().get("content-encoding").is_none());
    assert_eq!(res.bytes().await.unwrap().as_ref(), &wasm[..]);
}

on_both_databases!(
    every_server_function_checks_who_calls_it,
    the_shop_over_http_refuses_bad_input_and_keeps_its_promises,
    pages_send_each_role_to_its_own_place,
    a_plain_form_post_comes_back_with_the_error_in_the_url,
    the_page_language_follows_profile_then_browser,
    health_answers_when_the_database_does,
    the_ledger_keeps_balance_equal_to_its_entries_and_never_negative,
    build_files_go_out_as_their_precompressed_copies,
);

/// A participant types his number as he dials it at home; the program's country decides what it
/// means, and a number that cannot be read says what to type.
async fn a_number_typed_as_dialled_at_home_is_read_in_the_programs_country(db: Db) {
    people(&db).await;
    let ask = |country: app::domain::Country, typed: &'static str| {
        let db = db.clone();
        async move {
            let (mut state, outbox) = state(&db);
            let mut settings = (*state.settings).clone();
            settings.country = country;
            state.settings = std::sync::Arc::new(settings);
            let base = format!("http://{}", serve(state).await);
            let res = reqwest::Client::new()
                .post(format!("{base}/api/auth/request_code"))
                .header("accept", "application/json")
                .form(&[("phone", typed)])
                .send()
                .await
                .unwrap();
            let status = res.status();
            (status, res.text().await.unwrap(), outbox)
        }
    };
    // SELLER_PHONE is +7 900 111-00-01.
    for typed in ["900 111-00-01", "8 (900) 111-00-01"] {
        let (status, body, outbox) = ask(app::domain::Country::Russia, typed).await;
        assert_eq!(status, StatusCode::OK, "{typed}: {body}");
        assert_eq!(outbox.last_code_for(SELLER_PHONE).len(), 6, "{typed}");
    }
    // In France the same ten digits are no one's number in the program.
    let (status, body, _) = ask(app::domain::Country::France, "900 111-00-01").await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    assert!(body.contains("unknown_phone"), "{body}");
    let (status, body, _) = ask(app::domain::Country::Russia, "900 111").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(
        body.contains("phone_wrong_length") && body.contains("Type all its digits"),
        "{body}"
    );
}

/// Signs in over HTTP and returns the session cookie the server set.
async fn session_cookie(secure: bool, db: &Db) -> String {
    people(db).await;
    let (mut state, outbox) = state(db);
    let mut settings = (*state.settings).clone();
    settings.secure_cookies = secure;
    state.settings = std::sync::Arc::new(settings);
    let base = format!("http://{}", serve(state).await);
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(std::time::Duration::from_secs(20))
        .build()
        .unwrap();
    let post = |endpoint: &str, form: Vec<(&'static str, String)>| {
        http.post(format!("{base}/api/{endpoint}"))
            .header("accept", "application/json")
            .form(&form)
            .send()
    };
    let asked = post("auth/request_code", vec![("phone", SELLER_PHONE.into())])
        .await
        .unwrap();
    assert_eq!(asked.status(), StatusCode::OK);
    let code = outbox.last_code_for(SELLER_PHONE);
    let signed_in = post(
        "auth/verify_code",
        vec![("phone", SELLER_PHONE.into()), ("code", code)],
    )
    .await
    .unwrap();
    assert_eq!(signed_in.status(), StatusCode::OK);
    signed_in.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_string()
}

async fn the_session_cookie_is_http_only_and_same_site_lax(db: Db) {
    let plain = session_cookie(false, &db).await;
    assert!(plain.starts_with("ww_session="), "{plain}");
    assert!(
        plain.contains("HttpOnly") && plain.contains("SameSite=Lax") && plain.contains("Path=/"),
        "{plain}"
    );
    assert!(!plain.contains("Secure"), "{plain}");
    let token = plain
        .trim_start_matches("ww_session=")
        .split(';')
        .next()
        .unwrap();
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions WHERE token_hash = $1")
        .bind(token)
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(
        stored, 0,
        "the database keeps only a keyed hash of the token"
    );
}

async fn the_session_cookie_is_secure_when_configured(db: Db) {
    let secure = session_cookie(true, &db).await;
    assert!(secure.contains("; Secure"), "{secure}");
}

async fn claims_and_admin_screens_work_over_http(db: Db) {
    use Caller::*;
    let api = Api::start(&db).await;
    let ok = |(status, body): (StatusCode, Value)| {
        assert_eq!(status, StatusCode::OK, "{body}");
        body
    };
    ok(api
        .call(
            "admin/category_save",
            &[
                ("code", "tyres"),
                ("name", "Tyres"),
                ("rate_points", ""),
                ("rate_per", ""),
                ("tip", "R16 tyres carry a five-year warranty."),
            ],
            Admin,
        )
        .await);
    let product = |gtin: &'static str| {
        [
            ("sku", "tyre-r16"),
            ("name", "Tyre R16"),
            ("gtin", gtin),
            ("category", "tyres"),
            ("base_points", "100"),
            ("price", "6500"),
            ("active", "on"),
            ("image_url", ""),
        ]
    };
    let (status, body) = api
        .call("admin/product_save", &product("4006381333932"), Admin)
        .await;
    assert_eq!(
        (status, body["code"].as_str(), body["field"].as_str()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("invalid_input"),
            Some("gtin")
        )
    );
    let saved = ok(api
        .call("admin/product_save", &product("4006381333931"), Admin)
        .await);
    assert_eq!(saved["sku"], "TYRE-R16");
    let (status, body) = api.call("admin/product_save", &product(""), Admin).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::CONFLICT, Some("sku_taken"))
    );
    let (status, _) = api
        .call("admin/product_save", &product(""), Participant)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let long_note = "n".repeat(201);
    let (status, body) = api
        .call(
            "admin/batch_create",
            &[("sku", "TYRE-R16"), ("count", "3"), ("note", &long_note)],
            Admin,
        )
        .await;
    assert_eq!(
        (status, body["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("note"))
    );
    let long_tip = "t".repeat(301);
    let (status, body) = api
        .call(
            "admin/category_save",
            &[
                ("code", "x"),
                ("name", "X"),
                ("rate_points", ""),
                ("rate_per", ""),
                ("tip", &long_tip),
            ],
            Admin,
        )
        .await;
    assert_eq!(
        (status, body["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("tip"))
    );
    let batch = ok(api
        .call(
            "admin/batch_create",
            &[("sku", "TYRE-R16"), ("count", "3"), ("note", "Truck 7")],
            Admin,
        )
        .await);
    let batch_id = batch["id"].as_i64().unwrap().to_string();
    assert_eq!(batch["status"], "inactive");
    ok(api
        .call(
            "admin/batch_status",
            &[("id", &batch_id), ("status", "active")],
            Admin,
        )
        .await);
    let codes: Vec<String> = sqlx::query_scalar("SELECT code FROM unit_codes ORDER BY id")
        .fetch_all(&db.pool)
        .await
        .unwrap();
    assert_eq!(codes.len(), 3);

    // Files: the label sheet (one QR per code) and the CSV exports, for admins only.
    let get = |path: String, who: Caller| api.request(reqwest::Method::GET, &path, who).send();
    let sheet = get(format!("/admin/batches/{batch_id}/labels"), Admin)
        .await
        .unwrap();
    assert_eq!(sheet.status(), StatusCode::OK);
    let html = sheet.text().await.unwrap();
    assert_eq!(html.matches("<svg").count(), 3);
    assert!(html.contains("@page") && html.contains("A4"));
    let shown = app::earn::code::UnitCode::from_trusted(codes[0].clone()).grouped();
    assert!(
        html.contains(&shown),
        "the human-readable code is under its QR"
    );
    assert_eq!(
        get(format!("/admin/batches/{batch_id}/labels"), Participant)
            .await
            .unwrap()
            .status(),
        StatusCode::FORBIDDEN
    );
    let csv = get(format!("/admin/batches/{batch_id}/codes.csv"), Admin)
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(csv.lines().count(), 4);
    let products = get("/admin/products.csv".into(), Admin)
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(products.starts_with("sku,name,gtin,category,base_points,price,active"));
    assert!(products.contains("TYRE-R16,Tyre R16,4006381333931,tyres,100,6500,1"));
    let imported = ok(api
        .call(
            "admin/products_import",
            &[("csv", &products.replace("Tyre R16", "Tyre R16 (2027)"))],
            Admin,
        )
        .await);
    assert_eq!(
        (imported["created"].as_i64(), imported["updated"].as_i64()),
        (Some(0), Some(1))
    );

    // The participant claims over the API.
    let claimed = ok(api
        .call("earn/claim", &[("code", &codes[0])], Participant)
        .await);
    assert_eq!(claimed["points"], 100);
    assert_eq!(claimed["breakdown"], "Tyre R16 (2027): 100 base = 100");
    assert_eq!(claimed["tip"], "R16 tyres carry a five-year warranty.");
    let (status, body) = api
        .call("earn/claim", &[("code", &codes[0])], Participant)
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::CONFLICT, Some("claimed_by_you"))
    );
    assert!(body["at"].is_i64());
    let (status, body) = api
        .call("earn/claim", &[("code", &codes[0])], Manager)
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::CONFLICT, Some("claimed_by_other"))
    );
    let (status, body) = api
        .call("earn/claim", &[("code", "ABC")], Participant)
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("unit_code_length"))
    );
    let (status, body) = api.call("earn/claim", &[], Participant).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("bad_request")),
        "{body}"
    );
    let (status, _) = api.call("earn/claim", &[("code", &codes[1])], Admin).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let history = ok(api
        .call("earn/history", &[("kind", "accrual")], Participant)
        .await);
    assert_eq!(history["entries"].as_array().unwrap().len(), 1);
    assert_eq!(history["entries"][0]["lines"][0]["points"], 100);
    let (status, body) = api
        .call("earn/history", &[("kind", "bonus")], Participant)
        .await;
    assert_eq!(
        (status, body["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("kind"))
    );

    // Without JavaScript: the form post is answered with a redirect to a page showing the result.
    let res = api
        .request(reqwest::Method::POST, "/api/earn/claim", Participant)
        .header("accept", "text/html")
        .header("referer", format!("{}/scan", api.base))
        .form(&[("code", codes[1].as_str())])
        .send()
        .await
        .unwrap();
    assert!(res.status().is_redirection(), "{}", res.status());
    let to = res.headers()["location"].to_str().unwrap().to_string();
    assert!(to.starts_with("/scan?claimed="), "{to}");
    let page = api
        .request(reqwest::Method::GET, &to, Participant)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("+100") && page.contains("100 base = 100"),
        "the page shows the claim"
    );

    // Admin: who claimed it, the preview, reversal needs a reason, the audit log.
    let info = ok(api.call("admin/code", &[("code", &codes[0])], Admin).await);
    assert_eq!(info["claimed_by"]["name"], "Test Person");
    let (status, body) = api
        .call(
            "admin/claim_reverse",
            &[("code", &codes[0]), ("reason", " "), ("then", "reuse")],
            Admin,
        )
        .await;
    assert_eq!(
        (status, body["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("reason"))
    );
    ok(api
        .call(
            "admin/claim_reverse",
            &[
                ("code", &codes[0]),
                ("reason", "Sold by mistake"),
                ("then", "reuse"),
            ],
            Admin,
        )
        .await);
    ok(api
        .call(
            "admin/campaign_save",
            &[
                ("name", "Spring"),
                ("starts", "2020-01-01"),
                ("ends", "2099-12-31"),
                ("skus", ""),
                ("categories", "tyres"),
                ("region", ""),
                ("company_id", ""),
                ("effect", "multiplier"),
                ("value", "1.5"),
                ("budget", ""),
                ("active", "on"),
            ],
            Admin,
        )
        .await);
    let preview = ok(api
        .call(
            "admin/preview",
            &[
                ("sku", "TYRE-R16"),
                ("kind", "foreman"),
                ("tier", "silver"),
                ("date", "2030-04-01"),
            ],
            Admin,
        )
        .await);
    assert_eq!(
        preview["points"], 198,
        "100 × 1.2 foreman × 1.5 Spring × 1.1 Silver"
    );
    assert_eq!(
        preview["breakdown"],
        "Tyre R16 (2027): 100 base × 1.2 foreman × 1.5 Spring × 1.1 Silver tier = 198"
    );
    let adjusted = ok(api
        .call(
            "admin/adjust",
            &[
                ("phone", SELLER_PHONE),
                ("points", "-30"),
                ("reason", "Duplicate sale"),
            ],
            Admin,
        )
        .await);
    assert_eq!(adjusted["balance"], 70);
    let audit = ok(api.call("admin/audit", &[], Admin).await);
    let actions: Vec<&str> = audit
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["action"].as_str().unwrap())
        .collect();
    for a in [
        "category.create",
        "product.create",
        "product.update",
        "batch.create",
        "batch.active",
        "claim.reverse",
        "campaign.create",
        "points.adjust",
    ] {
        assert!(actions.contains(&a), "{a} in {actions:?}");
    }
}

/// Scans queued on a phone without signal arrive as one batch, perhaps several times over (the
/// answer was lost, the app retried): each code is credited once, the rest are told apart.
async fn a_queued_batch_credits_each_code_once_however_often_it_arrives(db: Db) {
    use Caller::*;
    let api = Api::start(&db).await;
    sqlx::query(
        "INSERT INTO products (sku, name, base_points, active, created_at) VALUES ('PIPE-20', 'Pipe 20 mm', 40, 1, $1)",
    )
    .bind(NOW)
    .execute(&db.pool)
    .await
    .unwrap();
    let admin: i64 = sqlx::query_scalar("SELECT id FROM users WHERE role = 'admin'")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    let (batch, codes) =
        app::earn::admin::codes::db::generate(&db, None, "PIPE-20", 2, "queue", NOW)
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
    let form = [
        ("codes[]", codes[0].grouped()),
        (
            "codes[]",
            format!("https://example.test/c/{}", codes[1].as_str()),
        ),
        ("codes[]", "ABCD-EFGH-JKMN-PQRS".to_string()),
        // The same unit again in another spelling (queued before and after a case change): one
        // scan, neither credited twice nor reported "already yours".
        (
            "codes[]",
            codes[0].grouped().to_lowercase().replace('-', " "),
        ),
    ];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, first) = api.call("earn/claim_batch", &form, Participant).await;
    assert_eq!(status, StatusCode::OK, "{first}");
    assert_eq!(
        (
            first["credited"].as_i64(),
            first["already"].as_i64(),
            first["refused"].as_i64()
        ),
        (Some(2), Some(0), Some(1))
    );
    assert!(
        first["items"][0]["outcome"]["Credited"]["points"]
            .as_i64()
            .unwrap()
            > 0
    );
    let refused = first["items"][2]["outcome"]["Refused"]["code"]
        .as_str()
        .unwrap();
    assert!(refused.starts_with("unit_code_"), "{refused}");
    let balance = first["balance"].as_i64().unwrap();
    for _ in 0..3 {
        let (status, again) = api.call("earn/claim_batch", &form, Participant).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(
            (
                again["credited"].as_i64(),
                again["already"].as_i64(),
                again["refused"].as_i64()
            ),
            (Some(0), Some(2), Some(1)),
            "{again}"
        );
        assert!(
            again["items"][0]["outcome"]["AlreadyYours"]["at"]
                .as_i64()
                .is_some()
        );
        assert_eq!(
            again["balance"].as_i64(),
            Some(balance),
            "a replay credits nothing"
        );
    }
    let credited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM ledger_entries WHERE kind = 'accrual' AND unit_code_id IS NOT NULL",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(credited, 2);
    // Another participant's replay of the same batch is refused: the codes are someone else's.
    let (_, other) = api.call("earn/claim_batch", &form, Manager).await;
    assert_eq!(
        (other["credited"].as_i64(), other["refused"].as_i64()),
        (Some(0), Some(3))
    );
    assert_eq!(
        other["items"][0]["outcome"]["Refused"]["code"],
        "claimed_by_other"
    );
    // Empty and oversized batches.
    let (status, body) = api
        .call("earn/claim_batch", &[("codes[]", "")], Participant)
        .await;
    assert_eq!(
        (status, body["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("codes"))
    );
    let many: Vec<(&str, &str)> = (0..51)
        .map(|_| ("codes[]", "ABCD-EFGH-JKMN-PQRS"))
        .collect();
    let (status, body) = api.call("earn/claim_batch", &many, Participant).await;
    // The message says the batch limit, not a code batch's "1 to 100 000".
    assert_eq!(
        (status, body["field"].as_str(), body["message"].as_str()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("codes"),
            Some("Send 1 to 50 codes at once.")
        )
    );
    let (status, _) = api.call("earn/claim_batch", &form, Anonymous).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = api.call("earn/claim_batch", &form, Admin).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_balances_match_entries(&db).await;
}

/// A plain form post (no JavaScript) is answered with a redirect; what it answered, or the form as
/// typed when refused, reaches the next page once, in a signed cookie that never holds a secret.
async fn a_plain_form_post_carries_its_answer_to_the_next_page_once(db: Db) {
    use Caller::*;
    let api = Api::start(&db).await;
    let flash_of = |res: &reqwest::Response| -> Option<String> {
        res.headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find_map(|c| c.strip_prefix("ww_flash="))
            .map(|c| c.split(';').next().unwrap_or_default().to_string())
    };
    let payload = |cookie: &str| -> String {
        let hex = cookie.split('.').next().unwrap();
        let bytes: Vec<u8> = (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
            .collect();
        String::from_utf8(bytes).unwrap()
    };
    let page = |path: &str, who: Caller, flash: Option<&str>| {
        let mut req = api.request(reqwest::Method::GET, path, who);
        if let Some(f) = flash {
            let session = api.tokens[who as usize].clone().unwrap_or_default();
            req = req.header("cookie", format!("ww_session={session}; ww_flash={f}"));
        }
        req.header("accept", "text/html").send()
    };

    // Success: the answer comes back on the next page, once.
    let res = api
        .request(reqwest::Method::POST, "/api/admin/adjust", Admin)
        .header("accept", "text/html")
        .header("referer", format!("{}/admin/adjust", api.base))
        .form(&[
            ("phone", SELLER_PHONE),
            ("points", "25"),
            ("reason", "Flash test"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    let flash = flash_of(&res).expect("a success leaves its answer for the next page");
    assert!(
        payload(&flash).contains(r#""balance":25"#),
        "{}",
        payload(&flash)
    );
    let next = page("/admin/adjust", Admin, Some(&flash)).await.unwrap();
    assert_eq!(
        flash_of(&next).as_deref(),
        Some(""),
        "the page that shows it clears it"
    );
    let html = next.text().await.unwrap();
    assert!(
        html.contains("Done: Test Person now has 25 points."),
        "{html}"
    );
    let again = page("/admin/adjust", Admin, None)
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!again.contains("now has"));
    // A cookie that is not ours, or altered, is ignored.
    let (hex, sig) = flash.split_once('.').unwrap();
    let forged = format!("{}.{sig}", hex.replace("3235", "3939"));
    assert_ne!(forged, flash);
    let html = page("/admin/adjust", Admin, Some(&forged))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!html.contains("now has"), "a forged answer is not shown");

    // Refusal: the form comes back as typed, the field marked; a one-time code never travels.
    let res = api
        .request(reqwest::Method::POST, "/api/admin/product_save", Admin)
        .header("accept", "text/html")
        .header("referer", format!("{}/admin/products", api.base))
        .form(&[
            ("sku", "FLASH-1"),
            ("name", "Flash <tyre>"),
            ("gtin", "4600000000001"),
            ("category", ""),
            ("base_points", "10"),
            ("price", ""),
            ("image_url", ""),
            ("active", "on"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    assert!(location.contains("__err="), "{location}");
    let flash = flash_of(&res).expect("a refusal keeps what was typed");
    let html = page(&location.replace(&api.base, ""), Admin, Some(&flash))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains(r#"value="FLASH-1""#), "{html}");
    assert!(
        html.contains(r#"value="Flash &lt;tyre&gt;""#),
        "typed text comes back escaped"
    );
    assert!(html.contains(r#"aria-invalid="true""#));
    assert!(html.contains(r#"id="gtin-error""#));

    let res = api
        .request(reqwest::Method::POST, "/api/auth/verify_code", Anonymous)
        .header("accept", "text/html")
        .header(
            "referer",
            format!("{}/sign-in/code?phone=%2B79001110001", api.base),
        )
        .form(&[("phone", SELLER_PHONE), ("code", "123456")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    let flash = flash_of(&res).expect("the phone comes back");
    let kept = payload(&flash);
    assert!(
        kept.contains(SELLER_PHONE) && !kept.contains("123456"),
        "{kept}"
    );
}

on_both_databases!(
    claims_and_admin_screens_work_over_http,
    a_queued_batch_credits_each_code_once_however_often_it_arrives,
    a_plain_form_post_carries_its_answer_to_the_next_page_once,
);

on_both_databases!(
    the_session_cookie_is_http_only_and_same_site_lax,
    the_session_cookie_is_secure_when_configured,
    a_number_typed_as_dialled_at_home_is_read_in_the_programs_country,
);
