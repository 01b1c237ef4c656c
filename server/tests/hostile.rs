//! Hostile input over raw HTTP, on SQLite and PostgreSQL: bytes no form sends, bodies too large
//! or not text, search patterns built to be expensive, and the framework's own answers under
//! `/api`. Every answer is the JSON error with a stable code and a 4xx, never a 500.

mod common;

use app::state::Db;
use common::api::*;
use reqwest::StatusCode;
use serde_json::Value;

impl Api {
    /// Posts `body` exactly as given (no encoding done here), as a script or an attacker would.
    async fn raw(
        &self,
        endpoint: &str,
        content_type: &str,
        body: impl Into<reqwest::Body>,
        who: Caller,
    ) -> (StatusCode, Value) {
        let res = self
            .request(reqwest::Method::POST, &format!("/api/{endpoint}"), who)
            .header("accept", "application/json")
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .unwrap();
        let status = res.status();
        let text = res.text().await.unwrap();
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }
}

const FORM: &str = "application/x-www-form-urlencoded";

fn code_of((status, body): &(StatusCode, Value)) -> (u16, Option<&str>) {
    (status.as_u16(), body["code"].as_str())
}

/// A product with an active batch of `n` codes; returns the codes.
async fn active_codes(api: &Api, db: &Db, n: usize) -> Vec<String> {
    let (status, body) = api
        .call(
            "admin/product_save",
            &[
                ("sku", "tyre-r16"),
                ("name", "Tyre R16"),
                ("gtin", ""),
                ("category", ""),
                ("base_points", "100"),
                ("price", "6500"),
                ("active", "on"),
                ("image_url", ""),
            ],
            Caller::Admin,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let count = n.to_string();
    let (_, batch) = api
        .call(
            "admin/batch_create",
            &[("sku", "TYRE-R16"), ("count", &count), ("note", "")],
            Caller::Admin,
        )
        .await;
    let id = batch["id"].as_i64().unwrap().to_string();
    let (status, _) = api
        .call(
            "admin/batch_status",
            &[("id", &id), ("status", "active")],
            Caller::Admin,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    sqlx::query_scalar("SELECT code FROM unit_codes ORDER BY id")
        .fetch_all(&db.pool)
        .await
        .unwrap()
}

/// NUL (and other control characters) in any text field is refused at the edge with a 422 that
/// names the field — anonymously, as a participant and as an admin — and nothing is stored.
async fn control_characters_are_refused_at_the_edge_naming_the_field(db: Db) {
    use Caller::*;
    let api = Api::start(&db).await;
    for (endpoint, body, who, field) in [
        ("join/invite", "code=%00", Anonymous, "code"),
        (
            "join/request_code",
            "phone=%2B79005550101&name=New+Person&invite=AB%00CD&join_code=&kind=",
            Anonymous,
            "invite",
        ),
        (
            "shop/redeem",
            "reward_id=1&key=k%00&address_id=",
            Participant,
            "key",
        ),
        (
            "admin/category_save",
            "code=tyres&name=Ty%01res&rate_points=&rate_per=&tip=",
            Admin,
            "name",
        ),
        ("auth/request_code", "phone=%2B7900%00", Anonymous, "phone"),
    ] {
        let answer = api.raw(endpoint, FORM, body, who).await;
        assert_eq!(
            code_of(&answer),
            (422, Some("control_character")),
            "{endpoint}: {}",
            answer.1
        );
        assert_eq!(answer.1["input"], field, "{endpoint}");
    }
    let categories: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM product_categories")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(categories, 0, "nothing half-stored");
    // Line breaks and tabs are text: a tip may have them.
    let answer = api
        .raw(
            "admin/category_save",
            FORM,
            "code=tyres&name=Tyres&rate_points=&rate_per=&tip=Line+one%0D%0ALine%09two",
            Admin,
        )
        .await;
    assert_eq!(answer.0, StatusCode::OK, "{}", answer.1);
}

/// A guess wrapped in bytes no scanner of ours sends is still a guess: refused, recorded for
/// fraud review (made safe to store) and counted towards the slow-down, on both databases; a real
/// code wrapped the same way is read the way every path reads scanned text.
async fn a_wrapped_guess_is_counted_and_recorded_like_any_other(db: Db) {
    use Caller::*;
    let api = Api::start(&db).await;
    let codes = active_codes(&api, &db, 1).await;
    let guess = app::earn::code::UnitCode::from_bits(0x0bad_cafe_f00d).grouped();
    let answer = api
        .raw("earn/claim", FORM, format!("code=%00/{guess}"), Participant)
        .await;
    assert_eq!(
        code_of(&answer),
        (404, Some("unit_code_unknown")),
        "{}",
        answer.1
    );
    let stored: Vec<String> = sqlx::query_scalar("SELECT input FROM claim_failures")
        .fetch_all(&db.pool)
        .await
        .unwrap();
    assert_eq!(stored, vec![format!("\u{fffd}/{guess}")]);
    // A bare NUL is a bad character, named by a visible stand-in, and recorded too.
    let answer = api.raw("earn/claim", FORM, "code=%00", Participant).await;
    assert_eq!(code_of(&answer), (422, Some("unit_code_bad_character")));
    assert_eq!(answer.1["character"], "\u{fffd}");
    // The same through the offline queue's batch.
    let answer = api
        .raw(
            "earn/claim_batch",
            FORM,
            format!("codes[]=%00{guess}x"),
            Participant,
        )
        .await;
    assert_eq!(answer.0, StatusCode::OK, "{}", answer.1);
    assert_eq!(answer.1["refused"], 1);
    let failures: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM claim_failures")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(failures, 3);
    // Ten suspicious refusals in all and the eleventh is slowed down, whatever its bytes.
    for _ in 0..7 {
        let answer = api
            .raw("earn/claim", FORM, format!("code=%01{guess}"), Participant)
            .await;
        assert_eq!(answer.0.as_u16() / 100, 4, "{}", answer.1);
    }
    let answer = api
        .raw(
            "earn/claim",
            FORM,
            format!("code=%00/{}", codes[0]),
            Participant,
        )
        .await;
    assert_eq!(
        code_of(&answer),
        (429, Some("rate_limited")),
        "{}",
        answer.1
    );
}

/// A body that is not UTF-8 text is a 400, one over the limit a 413, both the JSON error.
async fn bodies_that_are_not_text_or_too_large_get_the_json_error(db: Db) {
    use Caller::*;
    let api = Api::start(&db).await;
    for body in [
        b"code=%FF%FE".to_vec(),
        b"code=\xff\xfe".to_vec(),
        b"co%C3de=1".to_vec(),
    ] {
        let answer = api.raw("join/invite", FORM, body.clone(), Anonymous).await;
        assert_eq!(
            code_of(&answer),
            (400, Some("bad_request")),
            "{:?}: {}",
            String::from_utf8_lossy(&body),
            answer.1
        );
    }
    let answer = api
        .raw(
            "join/invite",
            "application/json",
            b"{\"code\":\"\xff\"}".to_vec(),
            Anonymous,
        )
        .await;
    assert_eq!(code_of(&answer), (400, Some("bad_request")), "{}", answer.1);
    let huge = format!("code={}", "A".repeat(3 * 1024 * 1024));
    let answer = api.raw("join/invite", FORM, huge, Anonymous).await;
    assert_eq!(
        code_of(&answer),
        (413, Some("request_too_large")),
        "{}",
        answer.1
    );
    assert_eq!(answer.1["max_kb"], 2048);
    // Without a declared length (a streamed body), the same.
    let chunks: Vec<Result<Vec<u8>, std::io::Error>> =
        (0..40).map(|_| Ok(vec![b'A'; 100 * 1024])).collect();
    let stream = reqwest::Body::wrap_stream(futures::stream::iter(chunks));
    let answer = api.raw("admin/products_import", FORM, stream, Admin).await;
    assert_eq!(
        code_of(&answer),
        (413, Some("request_too_large")),
        "{}",
        answer.1
    );
}

/// Search boxes that become a SQL `LIKE` take at most 200 characters (a 50 kB pattern is a 422,
/// not the database's error), and `%` and `_` are matched as themselves.
async fn a_search_is_capped_and_its_wildcards_are_literal(db: Db) {
    use Caller::*;
    let api = Api::start(&db).await;
    active_codes(&api, &db, 1).await;
    let long = "a%".repeat(25_000);
    for endpoint in ["admin/products", "admin/participants"] {
        let answer = api.call(endpoint, &[("q", &long)], Admin).await;
        assert_eq!(code_of(&answer), (422, Some("invalid_input")), "{endpoint}");
        assert_eq!(answer.1["field"], "search");
    }
    let (status, all) = api.call("admin/products", &[("q", "")], Admin).await;
    assert_eq!((status, all.as_array().unwrap().len()), (StatusCode::OK, 1));
    for q in ["%", "_", "tyre%"] {
        let (status, found) = api.call("admin/products", &[("q", q)], Admin).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(
            found.as_array().unwrap().len(),
            0,
            "{q} matched as a wildcard"
        );
    }
    let (_, people) = api.call("admin/participants", &[("q", "%")], Admin).await;
    assert_eq!(people.as_array().unwrap().len(), 0);
    let (_, found) = api.call("admin/products", &[("q", "TYRE")], Admin).await;
    assert_eq!(found.as_array().unwrap().len(), 1);
}

/// Under `/api` the framework's own answers are the documented error too: a wrong method is 405
/// with `Allow`, an unknown endpoint 404.
async fn wrong_methods_and_unknown_endpoints_get_the_json_error(db: Db) {
    use Caller::*;
    let api = Api::start(&db).await;
    for method in [
        reqwest::Method::GET,
        reqwest::Method::PUT,
        reqwest::Method::DELETE,
    ] {
        let res = api
            .request(method.clone(), "/api/earn/claim", Participant)
            .header("accept", "application/json")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::METHOD_NOT_ALLOWED, "{method}");
        assert_eq!(res.headers()["allow"], "POST");
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["code"], "method_not_allowed");
    }
    for path in ["/api/earn/nope", "/api/", "/api/earn/claim/extra"] {
        let res = api
            .request(reqwest::Method::POST, path, Anonymous)
            .header("accept", "application/json")
            .form(&[("code", "x")])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{path}");
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["code"], "not_found", "{path}");
    }
}

on_both_databases!(
    control_characters_are_refused_at_the_edge_naming_the_field,
    a_wrapped_guess_is_counted_and_recorded_like_any_other,
    bodies_that_are_not_text_or_too_large_get_the_json_error,
    a_search_is_capped_and_its_wildcards_are_literal,
    wrong_methods_and_unknown_endpoints_get_the_json_error,
);
