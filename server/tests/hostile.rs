//! Hostile input over raw HTTP, on SQLite and PostgreSQL: bytes no form sends, bodies too large
//! or not text, search patterns built to be expensive, and the framework's own answers under
//! `/api`. Every answer is the JSON error with a stable code and a 4xx, never a 500.

mod common;

use app::state::Db;
use common::api::*;
use common::{
    ADMIN_EMAIL, ADMIN_PASSWORD, SELLER_PHONE, assert_balances_match_entries, people,
    serve_behind_proxy, state,
};
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
        (
            "admin/category_save",
            "code=tyres&name=Tyres&rate_points=&rate_per=&tip=&tip_in%5Bru%5D=a%01b",
            Admin,
            "tip_in[ru]",
        ),
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
            "code=tyres&name=Tyres&rate_points=&rate_per=&tip=Line+one%0D%0ALine%09two\
             &tip_in%5Bfr%5D=Ligne+un%0D%0Aligne+deux&tip_in%5Bxx%5D=ignored",
            Admin,
        )
        .await;
    assert_eq!(answer.0, StatusCode::OK, "{}", answer.1);
    // A text in another language arrives as `tip_in[fr]` and is kept; an unknown language's is not.
    let kept: Vec<String> = sqlx::query_scalar(
        "SELECT lang FROM content_texts WHERE entity = 'product_category' AND field = 'tip'",
    )
    .fetch_all(&db.pool)
    .await
    .unwrap();
    assert_eq!(kept, ["fr"]);
    // Too long for a tip, in any language: refused naming the field.
    let long = format!(
        "code=tyres&name=Tyres&rate_points=&rate_per=&tip=&tip_in%5Btr%5D={}",
        "x".repeat(301)
    );
    let answer = api.raw("admin/category_save", FORM, long, Admin).await;
    assert_eq!(
        code_of(&answer),
        (422, Some("invalid_input")),
        "{}",
        answer.1
    );
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
    // Over the limit, declared or streamed. The server answers without reading the rest, so the
    // request is written by hand: a client that stops at the first failed write never reads it.
    let declared = oversized(&api.base, "/api/join/invite", false).await;
    assert_eq!(
        code_of(&declared),
        (413, Some("request_too_large")),
        "{}",
        declared.1
    );
    assert_eq!(declared.1["max_kb"], 2048);
    let streamed = oversized(&api.base, "/api/earn/claim", true).await;
    assert_eq!(
        code_of(&streamed),
        (413, Some("request_too_large")),
        "{}",
        streamed.1
    );
}

/// Posts a 3 MB form body (with `Content-Length`, or chunked) over a raw connection, ignoring
/// write errors once the server has stopped reading, and reads the answer.
async fn oversized(base: &str, path: &str, chunked: bool) -> (StatusCode, Value) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let addr = base.trim_start_matches("http://");
    let mut conn = tokio::net::TcpStream::connect(addr).await.unwrap();
    let size = 3 * 1024 * 1024;
    let length = if chunked {
        "transfer-encoding: chunked".to_string()
    } else {
        format!("content-length: {}", size + 5)
    };
    let head = format!(
        "POST {path} HTTP/1.1\r\nhost: {addr}\r\naccept: application/json\r\n\
         content-type: {FORM}\r\n{length}\r\nconnection: close\r\n\r\n{}",
        if chunked { "5\r\ncode=\r\n" } else { "code=" }
    );
    conn.write_all(head.as_bytes()).await.unwrap();
    let (mut read, mut write) = conn.into_split();
    let writer = tokio::spawn(async move {
        let chunk = vec![b'A'; 64 * 1024];
        for _ in 0..size / chunk.len() {
            let sent = if chunked {
                let mut framed = format!("{:x}\r\n", chunk.len()).into_bytes();
                framed.extend_from_slice(&chunk);
                framed.extend_from_slice(b"\r\n");
                write.write_all(&framed).await
            } else {
                write.write_all(&chunk).await
            };
            if sent.is_err() {
                return;
            }
        }
        let _ = write
            .write_all(if chunked { b"0\r\n\r\n" } else { b"" })
            .await;
    });
    let mut answer = Vec::new();
    let _ = read.read_to_end(&mut answer).await;
    writer.abort();
    let text = String::from_utf8_lossy(&answer).to_string();
    let status: u16 = text
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = text.split_once("\r\n\r\n").map_or("", |(_, b)| b);
    // A chunked answer: the JSON is the one line that is an object.
    let json = body
        .lines()
        .find_map(|l| {
            serde_json::from_str::<Value>(l)
                .ok()
                .filter(Value::is_object)
        })
        .unwrap_or(Value::String(text.clone()));
    (
        StatusCode::from_u16(status).unwrap_or(StatusCode::IM_A_TEAPOT),
        json,
    )
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

/// The downloads and the label sheet answer as the README's "who may call what" says: without a
/// session a script gets 401 with the JSON error and a browser the sign-in page; the wrong role
/// 403 with the JSON error.
async fn downloads_answer_a_script_401_and_a_browser_the_sign_in_page(db: Db) {
    use Caller::*;
    let api = Api::start(&db).await;
    for (path, sign_in) in [
        ("/admin/products.csv", "/admin/sign-in"),
        ("/admin/batches/1/codes.csv", "/admin/sign-in"),
        ("/admin/batches/1/labels", "/admin/sign-in"),
        ("/admin/orders.csv", "/admin/sign-in"),
        ("/team/staff.csv", "/sign-in"),
    ] {
        let script = api
            .request(reqwest::Method::GET, path, Anonymous)
            .header("accept", "application/json")
            .send()
            .await
            .unwrap();
        assert_eq!(script.status(), StatusCode::UNAUTHORIZED, "{path}");
        let body: Value = script.json().await.unwrap();
        assert_eq!(body["code"], "not_signed_in", "{path}");
        let browser = api
            .request(reqwest::Method::GET, path, Anonymous)
            .header("accept", "text/html,application/xhtml+xml")
            .send()
            .await
            .unwrap();
        assert_eq!(browser.status(), StatusCode::SEE_OTHER, "{path}");
        assert_eq!(browser.headers()["location"], sign_in, "{path}");
        let wrong_role = api
            .request(
                reqwest::Method::GET,
                path,
                if sign_in == "/sign-in" {
                    Admin
                } else {
                    Participant
                },
            )
            .send()
            .await
            .unwrap();
        assert_eq!(wrong_role.status(), StatusCode::FORBIDDEN, "{path}");
        let body: Value = wrong_role.json().await.unwrap();
        assert_eq!(body["code"], "forbidden", "{path}");
    }
}

/// Another site's page cannot make a signed-in admin's browser adjust points: a state-changing
/// request whose `Origin` (or, without it, `Referer`) is another site's is refused before anything
/// runs; and a form's answer never redirects off the site.
async fn cross_site_requests_are_refused_and_redirects_stay_on_the_site(db: Db) {
    use Caller::*;
    let api = Api::start(&db).await;
    let adjust = [
        ("phone", SELLER_PHONE),
        ("points", "500"),
        ("reason", "Bonus for the fair"),
    ];
    let balance = || async {
        let (_, home) = api.call("earn/home", &[], Participant).await;
        home["balance"].as_i64().unwrap()
    };
    let before = balance().await;
    for (name, value) in [
        ("origin", "http://evil.example"),
        ("referer", "http://evil.example/prize"),
        ("origin", "null"),
    ] {
        let res = api
            .request(reqwest::Method::POST, "/api/admin/adjust", Admin)
            .header("accept", "application/json")
            .header(name, value)
            .form(&adjust)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{name}: {value}");
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["code"], "cross_site_request");
    }
    assert_eq!(balance().await, before, "nothing was adjusted");
    // The site's own page (its Origin is the address it was served from) is answered.
    let res = api
        .request(reqwest::Method::POST, "/api/admin/adjust", Admin)
        .header("accept", "application/json")
        .header("origin", &api.base)
        .form(&adjust)
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        StatusCode::OK,
        "{}",
        res.text().await.unwrap()
    );
    assert_eq!(balance().await, before + 500);
    // A plain form post is sent back to its page, and only ever to a page of this site.
    let res = api
        .request(
            reqwest::Method::POST,
            "/api/profile/set_language",
            Anonymous,
        )
        .header("accept", "text/html")
        .header("origin", &api.base)
        .header("referer", "http://evil.example/x?y=1")
        .form(&[("lang", "ru")])
        .send()
        .await
        .unwrap();
    assert!(res.status().is_redirection(), "{}", res.status());
    assert_eq!(res.headers()["location"], "/x?y=1");
}

/// Invitation and join codes cannot be probed without limit: ten unknown ones from one address
/// in ten minutes (through either step of joining) and the next is 429 with `Retry-After`; every
/// refusal is kept for fraud review.
async fn join_codes_cannot_be_probed_without_limit(db: Db) {
    use Caller::*;
    let api = Api::start(&db).await;
    for i in 0..6 {
        let answer = api
            .call("join/invite", &[("code", &format!("GUESS{i}"))], Anonymous)
            .await;
        assert_eq!(code_of(&answer), (404, Some("not_found")), "{}", answer.1);
    }
    for i in 0..4 {
        let answer = api
            .call(
                "join/request_code",
                &[
                    ("phone", "+79005550177"),
                    ("name", "Probe Person"),
                    ("join_code", &format!("JCODE{i}")),
                    ("kind", "seller"),
                ],
                Anonymous,
            )
            .await;
        assert_eq!(
            code_of(&answer),
            (404, Some("join_code_unknown")),
            "{}",
            answer.1
        );
    }
    let res = api
        .request(reqwest::Method::POST, "/api/join/invite", Anonymous)
        .header("accept", "application/json")
        .form(&[("code", "GUESS-NEXT")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry: u64 = res.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=600).contains(&retry), "{retry}");
    let kept: Vec<(String, String)> =
        sqlx::query_as("SELECT input, reason FROM join_failures ORDER BY id")
            .fetch_all(&db.pool)
            .await
            .unwrap();
    assert_eq!(kept.len(), 10);
    assert_eq!(kept[0], ("GUESS0".to_string(), "not_found".to_string()));
    assert_eq!(
        kept[9],
        ("JCODE3".to_string(), "join_code_unknown".to_string())
    );
}

/// Wrong passwords from anywhere cannot lock the real admin out: they lock the address they come
/// from; across addresses they only slow the account down, and the admin finds them in the audit
/// log.
async fn an_attacker_cannot_lock_the_admin_out(db: Db) {
    people(&db).await;
    let (state, _) = state(&db);
    let base = format!("http://{}", serve_behind_proxy(state).await);
    let http = reqwest::Client::new();
    let sign_in = |from: &'static str, password: &'static str| {
        http.post(format!("{base}/api/auth/admin_sign_in"))
            .header("accept", "application/json")
            .header("x-forwarded-for", from)
            .form(&[("email", ADMIN_EMAIL), ("password", password)])
            .send()
    };
    for _ in 0..10 {
        let res = sign_in("203.0.113.9", "guess").await.unwrap();
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    }
    // The attacker's address is locked, even with the right password…
    let res = sign_in("203.0.113.9", ADMIN_PASSWORD).await.unwrap();
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    // …the admin at the office is not: slowed down, and let in.
    let started = std::time::Instant::now();
    let res = sign_in("198.51.100.7", ADMIN_PASSWORD).await.unwrap();
    assert_eq!(
        res.status(),
        StatusCode::OK,
        "{}",
        res.text().await.unwrap()
    );
    assert!(started.elapsed() >= std::time::Duration::from_millis(900));
    let told: Vec<String> = sqlx::query_scalar(
        "SELECT after_json FROM audit_log WHERE action = 'admin.password_failures'",
    )
    .fetch_all(&db.pool)
    .await
    .unwrap();
    assert_eq!(told.len(), 1, "{told:?}");
    assert!(
        told[0].contains("\"failures\":10") && told[0].contains("203.0.113.9"),
        "{}",
        told[0]
    );
}

/// Pages run no inline script but their own: the policy has no `'unsafe-inline'` for scripts,
/// only this response's nonce, which every inline script of the page carries and the next
/// response does not share.
async fn pages_allow_only_their_own_inline_scripts(db: Db) {
    use Caller::*;
    let api = Api::start(&db).await;
    let mut seen = Vec::new();
    for (path, who) in [
        ("/sign-in", Anonymous),
        ("/sign-in", Anonymous),
        ("/", Participant),
        ("/admin", Admin),
    ] {
        let res = api
            .request(reqwest::Method::GET, path, who)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        let csp = res.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_string();
        let scripts = csp
            .split(';')
            .map(str::trim)
            .find(|d| d.starts_with("script-src"))
            .unwrap()
            .to_string();
        assert!(!scripts.contains("unsafe-inline"), "{scripts}");
        let nonce = scripts
            .split_whitespace()
            .find_map(|t| t.strip_prefix("'nonce-")?.strip_suffix('\''))
            .unwrap_or_else(|| panic!("{path}: no nonce in {scripts}"))
            .to_string();
        let html = res.text().await.unwrap();
        let inline: Vec<&str> = html
            .split("<script")
            .skip(1)
            .map(|t| &t[..t.find('>').unwrap()])
            .filter(|attrs| !attrs.contains("src="))
            .collect();
        assert!(!inline.is_empty(), "{path}");
        for attrs in inline {
            assert!(
                attrs.contains(&format!("nonce=\"{nonce}\"")),
                "{path}: <script{attrs}>"
            );
        }
        seen.push(nonce);
    }
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 4, "a nonce is never reused");
    // A file is no page: its policy allows no inline script at all.
    let res = api
        .request(reqwest::Method::GET, "/healthz", Anonymous)
        .send()
        .await
        .unwrap();
    let csp = res.headers()["content-security-policy"].to_str().unwrap();
    assert!(
        !csp.contains("nonce-") && !csp.contains("script-src 'self' 'unsafe-inline'"),
        "{csp}"
    );
}

/// Every argument name any server function takes (the matrix in `org.rs` and the forms).
const FIELDS: &[&str] = &[
    "address_id",
    "after_order",
    "base_points",
    "before",
    "blocked",
    "budget",
    "categories",
    "category",
    "certificate",
    "city",
    "code",
    "codes[]",
    "company",
    "company_id",
    "company_kind",
    "confirm",
    "contact",
    "count",
    "csv",
    "date",
    "days",
    "description",
    "effect",
    "email",
    "ends",
    "entry_id",
    "gtin",
    "icon",
    "id",
    "ids[]",
    "image",
    "image_url",
    "invite",
    "join_code",
    "key",
    "kind",
    "lang",
    "line",
    "low_stock",
    "min_tier",
    "name",
    "note",
    "password",
    "period",
    "personnel_no",
    "phone",
    "points",
    "position",
    "postcode",
    "price",
    "q",
    "rate_per",
    "rate_points",
    "reason",
    "recipient",
    "region",
    "return_code",
    "reward_id",
    "sep",
    "sku",
    "skus",
    "starts",
    "status",
    "stock",
    "tax_id",
    "then",
    "tier",
    "tip",
    "title",
    "tracking",
    "uses",
    "value",
];

/// Every server function, as each kind of caller, gets each kind of hostile body — NUL, bytes
/// that are not UTF-8, long strings, right-to-left and zero-width characters, emoji, broken
/// percent escapes, every field twice, a JSON body, an empty body, numbers too large for any
/// column — in every field it reads. None is answered 5xx; every refusal is the JSON error with
/// a stable code; balances still equal their ledger entries afterwards.
async fn every_server_function_survives_every_kind_of_hostile_body(db: Db) {
    use Caller::*;
    let api = Api::start(&db).await;
    active_codes(&api, &db, 2).await;
    let form_of = |value: &str| -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        for f in FIELDS {
            out.append_pair(f, value);
        }
        out.finish()
    };
    let all = |raw: &str| {
        FIELDS
            .iter()
            .map(|f| format!("{f}={raw}"))
            .collect::<Vec<_>>()
            .join("&")
    };
    let bodies: Vec<(&str, &str, Vec<u8>)> = vec![
        ("NUL", FORM, form_of("a\0b").into_bytes()),
        ("not UTF-8", FORM, all("%FF%FE%C3").into_bytes()),
        ("raw bytes", FORM, b"code=\xff\xfe&phone=\xc3".to_vec()),
        // Long, but under the 2 MB of a body (the edge's 413 is tested above).
        (
            "20 kB in every field",
            FORM,
            form_of(&"a".repeat(20_000)).into_bytes(),
        ),
        (
            "long Cyrillic",
            FORM,
            form_of(&"я".repeat(2_000)).into_bytes(),
        ),
        (
            "right-to-left",
            FORM,
            form_of("\u{202e}1234\u{202c}").into_bytes(),
        ),
        (
            "zero-width",
            FORM,
            form_of("AB\u{200b}CD\u{feff}").into_bytes(),
        ),
        ("emoji", FORM, form_of("😀👍🏽🇷🇺").into_bytes()),
        ("broken escapes", FORM, all("%zz%4").into_bytes()),
        (
            "every field twice",
            FORM,
            format!("{0}&{0}", form_of("7")).into_bytes(),
        ),
        (
            "JSON",
            "application/json",
            b"{\"code\":\"x\",\"id\":1}".to_vec(),
        ),
        ("empty", FORM, Vec::new()),
        (
            "huge numbers",
            FORM,
            form_of("99999999999999999999999999").into_bytes(),
        ),
        (
            "negative numbers",
            FORM,
            form_of("-9223372036854775808").into_bytes(),
        ),
    ];
    let endpoints: Vec<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.trim_start_matches("/api/").to_string())
        // Signing out ends the session the rest of the table needs; it takes no input.
        .filter(|e| e != "auth/sign_out")
        .collect();
    assert!(endpoints.len() > 50);
    let mut calls = 0;
    for endpoint in &endpoints {
        for (what, content_type, body) in &bodies {
            for who in CALLERS {
                // The 1.4 MB body once per endpoint, as the caller whose requests go furthest.
                if body.len() > 1_000_000 && !matches!(who, Admin) {
                    continue;
                }
                let (status, answer) = api.raw(endpoint, content_type, body.clone(), who).await;
                calls += 1;
                assert!(
                    status.as_u16() < 500,
                    "{endpoint} as {who:?} with {what}: {status} {answer}"
                );
                if !status.is_success() {
                    assert!(
                        answer["code"].as_str().is_some_and(|c| !c.is_empty()),
                        "{endpoint} as {who:?} with {what}: {status} {answer}"
                    );
                }
            }
        }
    }
    assert_eq!(calls, endpoints.len() * (bodies.len() * CALLERS.len() - 3));
    assert_balances_match_entries(&db).await;
}

on_both_databases!(
    every_server_function_survives_every_kind_of_hostile_body,
    pages_allow_only_their_own_inline_scripts,
    an_attacker_cannot_lock_the_admin_out,
    join_codes_cannot_be_probed_without_limit,
    cross_site_requests_are_refused_and_redirects_stay_on_the_site,
    downloads_answer_a_script_401_and_a_browser_the_sign_in_page,
    control_characters_are_refused_at_the_edge_naming_the_field,
    a_wrapped_guess_is_counted_and_recorded_like_any_other,
    bodies_that_are_not_text_or_too_large_get_the_json_error,
    a_search_is_capped_and_its_wildcards_are_literal,
    wrong_methods_and_unknown_endpoints_get_the_json_error,
);
