//! Partner companies over HTTP, on SQLite and PostgreSQL: who may call every server function
//! (six kinds of caller, including people of another company), joining by invitation and by join
//! code, approval, leavers and their grace period, suspension, moves, and the staff export.

mod common;

use app::auth::service;
use app::domain::{Email, EntryKind};
use app::earn::ledger::{self, NewEntry};
use app::i18n::Lang;
use app::state::{AppState, Db, unix_now};
use common::*;
use reqwest::StatusCode;
use serde_json::Value;
use std::sync::Arc;

const OTHER_SELLER: &str = "+79002220001";
const OTHER_MANAGER: &str = "+79002220009";
const COLLEAGUE: &str = "+79001110002";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Caller {
    Anonymous,
    Participant,
    OtherParticipant,
    Manager,
    OtherManager,
    Admin,
}
use Caller::*;

const CALLERS: [Caller; 6] = [
    Anonymous,
    Participant,
    OtherParticipant,
    Manager,
    OtherManager,
    Admin,
];

/// Two companies with a participant and a manager each, a colleague of the first participant,
/// and an admin; everyone signed in.
struct World {
    base: String,
    http: reqwest::Client,
    state: AppState,
    outbox: Arc<Outbox>,
    tokens: Vec<(Caller, String)>,
    db: Db,
    company: i64,
    other_company: i64,
    seller: i64,
    colleague: i64,
    admin: i64,
}

impl World {
    async fn start(db: &Db) -> World {
        let p = people(db).await;
        let company: i64 = sqlx::query_scalar("SELECT company_id FROM users WHERE id = $1")
            .bind(p.seller)
            .fetch_one(&db.pool)
            .await
            .unwrap();
        sqlx::query("UPDATE partner_companies SET join_code = 'TT-JOIN' WHERE id = $1")
            .bind(company)
            .execute(&db.pool)
            .await
            .unwrap();
        let other_company: i64 = sqlx::query_scalar(
            "INSERT INTO partner_companies (name, tax_id, region, kind, join_code, created_at) \
             VALUES ('Other Heat', '1655123453', 'Kazan', 'installer', 'OTHER-HEAT', $1) RETURNING id",
        )
        .bind(NOW)
        .fetch_one(&db.pool)
        .await
        .unwrap();
        let add = |role: &'static str, company: i64, phone: &'static str, name: &'static str| {
            let pool = db.pool.clone();
            async move {
                sqlx::query_scalar::<_, i64>(
                    "INSERT INTO users (role, kind, company_id, name, phone, status, created_at) \
                     VALUES ($1, 'seller', $2, $3, $4, 'active', $5) RETURNING id",
                )
                .bind(role)
                .bind(company)
                .bind(name)
                .bind(phone)
                .bind(NOW)
                .fetch_one(&pool)
                .await
                .unwrap()
            }
        };
        add("participant", other_company, OTHER_SELLER, "Other Seller").await;
        add(
            "partner_manager",
            other_company,
            OTHER_MANAGER,
            "Other Manager",
        )
        .await;
        let colleague = add("participant", company, COLLEAGUE, "Colleague Two").await;
        let (state, outbox) = state(db);
        let now = unix_now();
        let mut tokens = Vec::new();
        for (who, phone_no) in [
            (Participant, SELLER_PHONE),
            (OtherParticipant, OTHER_SELLER),
            (Manager, MANAGER_PHONE),
            (OtherManager, OTHER_MANAGER),
        ] {
            service::request_code(&state, &phone(phone_no), "127.0.0.3", Lang::En, now)
                .await
                .unwrap();
            let code = app::domain::OtpCode::parse(&outbox.last_code_for(phone_no)).unwrap();
            let (_, token) =
                service::verify_code(&state, &phone(phone_no), &code, "127.0.0.3", now)
                    .await
                    .unwrap();
            tokens.push((who, token.expose().to_string()));
        }
        let email = Email::parse(ADMIN_EMAIL).unwrap();
        let admin = service::admin_sign_in(&state, &email, ADMIN_PASSWORD, "127.0.0.3", now)
            .await
            .unwrap()
            .1
            .expose()
            .to_string();
        tokens.push((Admin, admin));
        let addr = serve(state.clone()).await;
        World {
            base: format!("http://{addr}"),
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .timeout(std::time::Duration::from_secs(20))
                .build()
                .unwrap(),
            state,
            outbox,
            tokens,
            db: db.clone(),
            company,
            other_company,
            seller: p.seller,
            colleague,
            admin: p.admin,
        }
    }

    fn token(&self, who: Caller) -> Option<&str> {
        self.tokens
            .iter()
            .find(|(w, _)| *w == who)
            .map(|(_, t)| t.as_str())
    }

    async fn call_as(
        &self,
        token: Option<&str>,
        endpoint: &str,
        form: &[(&str, &str)],
    ) -> (StatusCode, Value) {
        let mut req = self
            .http
            .post(format!("{}/api/{endpoint}", self.base))
            .header("accept", "application/json")
            .form(form);
        if let Some(t) = token {
            req = req.header("cookie", format!("ww_session={t}"));
        }
        let res = req.send().await.unwrap();
        let status = res.status();
        let body = res.text().await.unwrap();
        (
            status,
            serde_json::from_str(&body).unwrap_or(Value::String(body)),
        )
    }

    async fn call(
        &self,
        who: Caller,
        endpoint: &str,
        form: &[(&str, &str)],
    ) -> (StatusCode, Value) {
        self.call_as(self.token(who), endpoint, form).await
    }

    async fn get(&self, who: Caller, path: &str) -> reqwest::Response {
        let mut req = self.http.get(format!("{}{path}", self.base));
        if let Some(t) = self.token(who) {
            req = req.header("cookie", format!("ww_session={t}"));
        }
        req.send().await.unwrap()
    }

    /// Joins through the two HTTP steps as a person with a new phone would; returns their session.
    async fn join(
        &self,
        phone_no: &str,
        form: &[(&str, &str)],
    ) -> Result<String, (StatusCode, Value)> {
        let mut first = vec![("phone", phone_no)];
        first.extend_from_slice(form);
        let (status, body) = self.call_as(None, "join/request_code", &first).await;
        if status != StatusCode::OK {
            return Err((status, body));
        }
        let code = self.outbox.last_code_for(phone_no);
        let mut second = first.clone();
        second.push(("code", &code));
        let res = self
            .http
            .post(format!("{}/api/join/verify", self.base))
            .header("accept", "application/json")
            .form(&second)
            .send()
            .await
            .unwrap();
        let status = res.status();
        let cookie = res
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find_map(|c| {
                c.strip_prefix("ww_session=")
                    .map(|r| r.split(';').next().unwrap_or("").to_string())
            });
        let body = res.text().await.unwrap();
        match (status, cookie) {
            (StatusCode::OK, Some(token)) => Ok(token),
            _ => Err((
                status,
                serde_json::from_str(&body).unwrap_or(Value::String(body)),
            )),
        }
    }
}

impl World {
    /// A product and an activated batch of three codes, as the scan screen would meet them.
    async fn codes(&self) -> Vec<String> {
        sqlx::query(
            "INSERT INTO products (sku, name, base_points, active, created_at) VALUES ('TYRE-R16', 'Tyre R16', 100, 1, $1)",
        )
        .bind(NOW)
        .execute(&self.db.pool)
        .await
        .unwrap();
        let (batch, codes) =
            app::earn::admin::codes::db::generate(&self.db, None, "TYRE-R16", 3, "test", NOW)
                .await
                .unwrap();
        app::earn::admin::codes::db::set_batch_status(
            &self.db,
            self.admin,
            batch,
            app::domain::CodeStatus::Active,
            NOW,
        )
        .await
        .unwrap();
        codes.into_iter().map(|c| c.as_str().to_string()).collect()
    }
}

/// What a caller may get from an endpoint.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Expect {
    /// Past the access check (the answer may still be a validation error of the input).
    Allowed,
    /// 401 `not_signed_in`.
    SignIn,
    /// 403 `forbidden`.
    Refused,
    /// 404 `not_found`: the object belongs to another company, and nobody is told it exists.
    Hidden,
}
use Expect::*;

/// Every server function × six callers. Inputs are chosen so that an allowed call changes nothing
/// it should not (bad values, unknown ids) except where the row says otherwise.
async fn every_server_function_answers_each_kind_of_caller_as_designed(db: Db) {
    let w = World::start(&db).await;
    // A pending join request and an open invitation of the first company to aim at.
    let invite = w
        .call(
            Manager,
            "org/invite_create",
            &[("kind", "foreman"), ("days", "7")],
        )
        .await
        .1;
    let invite_id = invite["id"].as_i64().unwrap().to_string();
    let invite_code = invite["code"].as_str().unwrap().to_string();
    w.join(
        "+79003330001",
        &[
            ("name", "Waiting One"),
            ("join_code", "TT-JOIN"),
            ("kind", "seller"),
        ],
    )
    .await
    .unwrap();
    w.join(
        "+79003330002",
        &[
            ("name", "Waiting Two"),
            ("join_code", "TT-JOIN"),
            ("kind", "seller"),
        ],
    )
    .await
    .unwrap();
    let pending: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM join_requests WHERE status = 'pending' ORDER BY id")
            .fetch_all(&db.pool)
            .await
            .unwrap();
    let (r1, r2) = (pending[0].to_string(), pending[1].to_string());
    let seller = w.seller.to_string();
    let colleague = w.colleague.to_string();
    let company = w.company.to_string();

    const OPEN: [Expect; 6] = [Allowed; 6];
    const APP: [Expect; 6] = [SignIn, Allowed, Allowed, Allowed, Allowed, Refused];
    const MANAGERS: [Expect; 6] = [SignIn, Refused, Refused, Allowed, Allowed, Refused];
    const ADMIN: [Expect; 6] = [SignIn, Refused, Refused, Refused, Refused, Allowed];
    // The first company's objects: its manager and the admins; the other manager is told nothing.
    const COMPANY: [Expect; 6] = [SignIn, Refused, Refused, Allowed, Hidden, Allowed];
    const OWN_MANAGER: [Expect; 6] = [SignIn, Refused, Refused, Allowed, Hidden, Refused];

    // One row: the endpoint, the fields sent, and what each of the six callers gets.
    type Row<'a> = (&'a str, Vec<(&'a str, &'a str)>, [Expect; 6]);
    let matrix: Vec<Row> = vec![
        ("auth/me", vec![], OPEN),
        ("auth/request_code", vec![("phone", "12")], OPEN),
        (
            "auth/verify_code",
            vec![("phone", SELLER_PHONE), ("code", "1")],
            OPEN,
        ),
        (
            "auth/admin_sign_in",
            vec![("email", "x@y.test"), ("password", "no")],
            OPEN,
        ),
        ("profile/set_language", vec![("lang", "en")], OPEN),
        ("join/invite", vec![("code", &invite_code)], OPEN),
        (
            "join/request_code",
            vec![
                ("phone", "12"),
                ("name", "Somebody"),
                ("join_code", "TT-JOIN"),
                ("kind", "seller"),
            ],
            OPEN,
        ),
        (
            "join/verify",
            vec![
                ("phone", "12"),
                ("code", "123456"),
                ("name", "Somebody"),
                ("join_code", "TT-JOIN"),
                ("kind", "seller"),
            ],
            OPEN,
        ),
        ("earn/home", vec![], APP),
        ("earn/history", vec![], APP),
        ("earn/claim", vec![("code", "")], APP),
        ("earn/claimed", vec![("entry_id", "999999")], APP),
        ("earn/claim_batch", vec![("codes[]", "")], APP),
        ("shop/catalog", vec![], APP),
        ("shop/reward", vec![("id", "999999")], APP),
        (
            "shop/redeem",
            vec![("reward_id", "999999"), ("key", "k-matrix")],
            APP,
        ),
        ("shop/orders", vec![], APP),
        ("shop/order", vec![("id", "999999")], APP),
        ("shop/goal", vec![("reward_id", "")], APP),
        ("shop/goal_progress", vec![], APP),
        ("shop/notify_me", vec![("reward_id", "999999")], APP),
        ("shop/notice_dismiss", vec![("id", "999999")], APP),
        ("shop/company_credits", vec![], MANAGERS),
        ("receipts/submit", vec![("qr", "x")], APP),
        ("receipts/draft", vec![], APP),
        ("receipts/mine", vec![], APP),
        ("receipts/get", vec![("id", "999999")], APP),
        (
            "receipts/answer",
            vec![("id", "999999"), ("answer", "It is the invoice")],
            APP,
        ),
        ("receipts/decided", vec![], APP),
        ("receipts/catalog", vec![], APP),
        ("team/receipts", vec![], MANAGERS),
        ("admin/receipts/queue", vec![], ADMIN),
        ("admin/receipts/get", vec![("id", "999999")], ADMIN),
        (
            "admin/receipts/decide",
            vec![("id", "999999"), ("decision", "approve")],
            ADMIN,
        ),
        ("org/membership", vec![], APP),
        ("org/team", vec![], MANAGERS),
        ("org/invites", vec![], MANAGERS),
        ("org/invite_create", vec![("kind", "boss")], MANAGERS),
        ("org/invite_revoke", vec![("id", &invite_id)], OWN_MANAGER),
        ("org/member", vec![("id", &seller)], COMPANY),
        // The manager approves (200), then the admin finds it decided (409): both got past the check.
        ("org/approve", vec![("id", &r1)], COMPANY),
        (
            "org/reject",
            vec![
                ("id", &r2),
                ("reason", "Not our employee"),
                ("confirm", "on"),
            ],
            COMPANY,
        ),
        (
            "org/personnel_no",
            vec![("id", &seller), ("personnel_no", "T-001")],
            COMPANY,
        ),
        // Before the colleague leaves: reinstating someone active changes nothing.
        ("org/reinstate", vec![("id", &colleague)], COMPANY),
        (
            "org/deactivate",
            vec![("id", &colleague), ("confirm", "on")],
            COMPANY,
        ),
        ("admin/overview", vec![], ADMIN),
        ("admin/audit", vec![], ADMIN),
        ("admin/categories", vec![], ADMIN),
        (
            "admin/category_save",
            vec![
                ("code", ""),
                ("name", ""),
                ("rate_points", ""),
                ("rate_per", ""),
                ("tip", ""),
            ],
            ADMIN,
        ),
        ("admin/products", vec![], ADMIN),
        (
            "admin/product_save",
            vec![
                ("sku", ""),
                ("name", ""),
                ("gtin", ""),
                ("category", ""),
                ("base_points", ""),
                ("price", ""),
                ("image_url", ""),
            ],
            ADMIN,
        ),
        ("admin/products_import", vec![("csv", "")], ADMIN),
        ("admin/batches", vec![], ADMIN),
        ("admin/batch", vec![("id", "999999")], ADMIN),
        (
            "admin/batch_create",
            vec![("sku", ""), ("count", "0"), ("note", "")],
            ADMIN,
        ),
        (
            "admin/batch_status",
            vec![("id", "999999"), ("status", "active")],
            ADMIN,
        ),
        ("admin/code", vec![("code", "")], ADMIN),
        ("admin/code_void", vec![("code", "")], ADMIN),
        (
            "admin/claim_reverse",
            vec![("code", ""), ("reason", ""), ("then", "void")],
            ADMIN,
        ),
        (
            "admin/adjust",
            vec![("phone", "12"), ("points", "x"), ("reason", "")],
            ADMIN,
        ),
        ("admin/campaigns", vec![], ADMIN),
        (
            "admin/campaign_save",
            vec![
                ("name", ""),
                ("starts", ""),
                ("ends", ""),
                ("skus", ""),
                ("categories", ""),
                ("region", ""),
                ("company_id", ""),
                ("effect", ""),
                ("value", ""),
                ("budget", ""),
            ],
            ADMIN,
        ),
        (
            "admin/preview",
            vec![("sku", ""), ("kind", ""), ("tier", ""), ("date", "")],
            ADMIN,
        ),
        ("admin/rewards", vec![], ADMIN),
        (
            "admin/reward_save",
            vec![
                ("title", ""),
                ("description", ""),
                ("category", ""),
                ("kind", ""),
                ("price", ""),
                ("stock", ""),
                ("starts", ""),
                ("ends", ""),
                ("min_tier", ""),
                ("company_kind", ""),
                ("low_stock", ""),
                ("after_order", ""),
                ("image", ""),
            ],
            ADMIN,
        ),
        (
            "admin/reward_category_save",
            vec![("code", ""), ("name", ""), ("icon", ""), ("position", "")],
            ADMIN,
        ),
        (
            "admin/vouchers_add",
            vec![("reward_id", "999999"), ("csv", "A")],
            ADMIN,
        ),
        ("admin/orders", vec![], ADMIN),
        ("admin/order", vec![("id", "999999")], ADMIN),
        (
            "admin/order_status",
            vec![("ids[]", "999999"), ("status", "shipped")],
            ADMIN,
        ),
        (
            "admin/order_cancel",
            vec![("id", "999999"), ("reason", "abc")],
            ADMIN,
        ),
        ("admin/companies", vec![], ADMIN),
        ("admin/company", vec![("id", &company)], ADMIN),
        (
            "admin/company_save",
            vec![("name", "X"), ("tax_id", "1"), ("region", ""), ("kind", "")],
            ADMIN,
        ),
        ("admin/companies_import", vec![("csv", "x")], ADMIN),
        ("admin/participants", vec![], ADMIN),
        ("admin/participant_block", vec![("id", "999999")], ADMIN),
        (
            "admin/participant_move",
            vec![("id", "999999"), ("company", &company), ("reason", "abc")],
            ADMIN,
        ),
        (
            "admin/manager_assign",
            vec![("company", "999999"), ("phone", "+79009990000")],
            ADMIN,
        ),
    ];
    for (endpoint, form, expected) in &matrix {
        for (who, expect) in CALLERS.iter().zip(expected) {
            let (status, body) = w.call(*who, endpoint, form).await;
            let code = body["code"].as_str().unwrap_or("");
            let ok = match expect {
                Allowed => {
                    !matches!(code, "not_signed_in" | "forbidden" | "bad_request")
                        && status != StatusCode::INTERNAL_SERVER_ERROR
                }
                SignIn => status == StatusCode::UNAUTHORIZED && code == "not_signed_in",
                Refused => status == StatusCode::FORBIDDEN && code == "forbidden",
                Hidden => status == StatusCode::NOT_FOUND && code == "not_found",
            };
            assert!(
                ok,
                "{endpoint} as {who:?}: expected {expect:?}, got {status} {body}"
            );
        }
    }
    // The matrix names every server function the app has (sign-out is tested on its own below).
    let registered: Vec<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.trim_start_matches("/api/").to_string())
        .collect();
    assert!(registered.len() > 50, "{registered:?}");
    for e in &registered {
        assert!(
            e == "auth/sign_out" || matrix.iter().any(|(m, _, _)| m == e),
            "{e} is missing from the authorization matrix"
        );
    }
    // The decisions the matrix made stand: approved, declined with its reason, colleague left.
    let states: Vec<(String, Option<String>)> = sqlx::query_as(
        "SELECT status, reason FROM join_requests WHERE status <> 'approved' OR invite_id IS NULL ORDER BY id",
    )
    .fetch_all(&db.pool)
    .await
    .unwrap();
    assert_eq!(
        states,
        vec![
            ("approved".to_string(), None),
            ("rejected".to_string(), Some("Not our employee".to_string()))
        ]
    );
    let status: String = sqlx::query_scalar("SELECT status FROM users WHERE id = $1")
        .bind(w.colleague)
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(status, "left");
    // A participant sees only themself.
    let (_, me) = w.call(OtherParticipant, "earn/home", &[]).await;
    assert_eq!(me["name"], "Other Seller");
    // Signing out ends the session.
    let (status, _) = w.call(Participant, "auth/sign_out", &[]).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = w.call(Participant, "earn/home", &[]).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

/// Invitations: a new number joins as the invited role at once; used up, withdrawn and expired
/// invitations are refused clearly, and nothing is created.
async fn an_invitation_brings_a_new_foreman_into_the_right_company(db: Db) {
    let w = World::start(&db).await;
    let (status, invite) = w
        .call(
            Manager,
            "org/invite_create",
            &[("kind", "foreman"), ("days", "7"), ("uses", "1")],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{invite}");
    let code = invite["code"].as_str().unwrap().to_string();
    assert!(
        invite["link"]
            .as_str()
            .unwrap()
            .ends_with(&format!("/join/{code}"))
    );
    assert!(invite["qr_svg"].as_str().unwrap().contains("<svg"));
    let (status, target) = w.call(Anonymous, "join/invite", &[("code", &code)]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(target["company"], "Test Tyres");
    assert_eq!(target["kind"], "Foreman");

    let token = w
        .join(
            "+79004440001",
            &[("name", "  Foma   Foreman "), ("invite", &code)],
        )
        .await
        .unwrap();
    let (_, me) = w.call_as(Some(&token), "auth/me", &[]).await;
    assert_eq!(me["company"], "Test Tyres");
    assert_eq!(me["kind"], "Foreman");
    assert_eq!(me["status"], "Active");
    assert_eq!(me["name"], "Foma Foreman");
    let (status, _) = w.call_as(Some(&token), "earn/home", &[]).await;
    assert_eq!(status, StatusCode::OK);
    let (_, list) = w.call(Manager, "org/invites", &[]).await;
    assert_eq!(list[0]["uses"], 1);

    // The invitation was for one person.
    let users_before: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    let err = w
        .join(
            "+79004440002",
            &[("name", "Second Person"), ("invite", &code)],
        )
        .await
        .unwrap_err();
    assert_eq!(
        (err.0, err.1["code"].as_str()),
        (StatusCode::GONE, Some("invite_used_up"))
    );

    // Withdrawn and expired invitations.
    let (_, open) = w
        .call(Manager, "org/invite_create", &[("kind", "seller")])
        .await;
    let open_code = open["code"].as_str().unwrap().to_string();
    let (status, _) = w
        .call(
            Manager,
            "org/invite_revoke",
            &[("id", &open["id"].to_string())],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let err = w
        .join(
            "+79004440003",
            &[("name", "Third Person"), ("invite", &open_code)],
        )
        .await
        .unwrap_err();
    assert_eq!(
        (err.0, err.1["code"].as_str()),
        (StatusCode::GONE, Some("invite_revoked"))
    );
    let (_, old) = w
        .call(Manager, "org/invite_create", &[("kind", "seller")])
        .await;
    sqlx::query("UPDATE invites SET expires_at = $1 WHERE id = $2")
        .bind(unix_now() - 1)
        .bind(old["id"].as_i64().unwrap())
        .execute(&db.pool)
        .await
        .unwrap();
    let (status, body) = w
        .call(
            Anonymous,
            "join/invite",
            &[("code", old["code"].as_str().unwrap())],
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::GONE, Some("invite_expired"))
    );
    let (status, body) = w
        .call(Anonymous, "join/invite", &[("code", "NOSUCHINVITE")])
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("not_found"))
    );
    // The other company's manager cannot withdraw this company's invitation.
    let (status, _) = w
        .call(
            OtherManager,
            "org/invite_revoke",
            &[("id", &old["id"].to_string())],
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // Bad input to the invitation form.
    for (form, field) in [
        (vec![("kind", "boss")], "kind"),
        (vec![("kind", "seller"), ("days", "0")], "days"),
        (vec![("kind", "seller"), ("days", "91")], "days"),
        (vec![("kind", "seller"), ("uses", "-1")], "uses"),
    ] {
        let (status, body) = w.call(Manager, "org/invite_create", &form).await;
        assert_eq!(
            (status, body["field"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some(field)),
            "{form:?}"
        );
    }
    let users_after: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(users_before, users_after, "refused joins created nobody");
    // A number of another company's person cannot be taken over by an invitation.
    let (_, fresh) = w
        .call(Manager, "org/invite_create", &[("kind", "seller")])
        .await;
    let err = w
        .join(
            OTHER_SELLER,
            &[
                ("name", "Other Seller"),
                ("invite", fresh["code"].as_str().unwrap()),
            ],
        )
        .await
        .unwrap_err();
    assert_eq!(
        (err.0, err.1["code"].as_str()),
        (StatusCode::CONFLICT, Some("phone_taken"))
    );
}

/// A join code: the person waits, sees that they wait, and can do nothing else until their own
/// company's manager approves; another company's manager cannot approve them.
async fn a_self_registered_person_waits_for_their_own_manager(db: Db) {
    let w = World::start(&db).await;
    let token = w
        .join(
            "+79005550001",
            &[
                ("name", "Petr Newman"),
                ("join_code", "tt-join"),
                ("kind", "engineer"),
            ],
        )
        .await
        .unwrap();
    let (_, me) = w.call_as(Some(&token), "auth/me", &[]).await;
    assert_eq!(me["status"], "Pending");
    let (status, body) = w.call_as(Some(&token), "earn/home", &[]).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("account_pending"))
    );
    let (status, m) = w.call_as(Some(&token), "org/membership", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(m["status"], "Pending");
    assert_eq!(m["company"], "Test Tyres");

    let (_, team) = w.call(Manager, "org/team", &[]).await;
    let request = team["pending"][0]["request_id"]
        .as_i64()
        .unwrap()
        .to_string();
    assert_eq!(team["pending"][0]["name"], "Petr Newman");
    assert_eq!(
        team["pending"][0]["phone"], "+79005550001",
        "a manager sees the whole number of someone asking to join his company"
    );
    // Another company's manager: not found, and nothing changes.
    let (status, body) = w
        .call(OtherManager, "org/approve", &[("id", &request)])
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("not_found"))
    );
    let (status, _) = w.call_as(Some(&token), "earn/home", &[]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // The own manager approves; a second decision is refused.
    let (status, _) = w.call(Manager, "org/approve", &[("id", &request)]).await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = w
        .call(
            Manager,
            "org/reject",
            &[("id", &request), ("reason", "Too late"), ("confirm", "on")],
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::CONFLICT, Some("already_decided"))
    );
    let (status, home) = w.call_as(Some(&token), "earn/home", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(home["company"], "Test Tyres");

    // A declined person reads the reason and earns nothing.
    let declined = w
        .join(
            "+79005550002",
            &[
                ("name", "Not Staff"),
                ("join_code", "TT-JOIN"),
                ("kind", "seller"),
            ],
        )
        .await
        .unwrap();
    let (_, team) = w.call(Manager, "org/team", &[]).await;
    let request = team["pending"][0]["request_id"]
        .as_i64()
        .unwrap()
        .to_string();
    let (status, body) = w
        .call(
            Manager,
            "org/reject",
            &[("id", &request), ("reason", "x"), ("confirm", "on")],
        )
        .await;
    assert_eq!(
        (status, body["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("reason"))
    );
    // Declining asks for the box to be ticked; without it nothing is decided.
    let (status, body) = w
        .call(
            Manager,
            "org/reject",
            &[("id", &request), ("reason", "Does not work here")],
        )
        .await;
    assert_eq!(
        (status, body["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("confirm"))
    );
    let (_, team) = w.call(Manager, "org/team", &[]).await;
    assert_eq!(team["pending"][0]["name"], "Not Staff", "still waiting");
    let (status, _) = w
        .call(
            Manager,
            "org/reject",
            &[
                ("id", &request),
                ("reason", "Does not work here"),
                ("confirm", "on"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, m) = w.call_as(Some(&declined), "org/membership", &[]).await;
    assert_eq!(
        m["rejected"],
        serde_json::json!(["Test Tyres", "Does not work here"])
    );
    let codes = w.codes().await;
    let (status, body) = w
        .call_as(Some(&declined), "earn/claim", &[("code", &codes[0])])
        .await;
    // Never a member, so not told about leaving a company: told how to join one.
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("no_company"))
    );
    assert!(
        !body["message"].as_str().unwrap().contains("no longer"),
        "{body}"
    );

    // Unknown join code, bad role, a suspended company's code.
    let err = w
        .join(
            "+79005550003",
            &[
                ("name", "Some One"),
                ("join_code", "NOPE-NOPE"),
                ("kind", "seller"),
            ],
        )
        .await
        .unwrap_err();
    assert_eq!(
        (err.0, err.1["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("join_code_unknown"))
    );
    let err = w
        .join(
            "+79005550003",
            &[
                ("name", "Some One"),
                ("join_code", "TT-JOIN"),
                ("kind", "boss"),
            ],
        )
        .await
        .unwrap_err();
    assert_eq!(
        (err.0, err.1["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("kind"))
    );
    sqlx::query("UPDATE partner_companies SET status = 'suspended' WHERE id = $1")
        .bind(w.other_company)
        .execute(&db.pool)
        .await
        .unwrap();
    let err = w
        .join(
            "+79005550003",
            &[
                ("name", "Some One"),
                ("join_code", "OTHER-HEAT"),
                ("kind", "seller"),
            ],
        )
        .await
        .unwrap_err();
    assert_eq!(
        (err.0, err.1["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("company_suspended"))
    );
    assert!(
        !w.outbox
            .sent
            .lock()
            .unwrap()
            .iter()
            .any(|(p, _)| p == "+79005550003"),
        "no text message is sent for a refused join"
    );
}

/// The manager sees what each employee earned and spent, exports it, and marks a leaver; the
/// leaver can no longer earn and their points expire after the grace period.
async fn managers_see_their_staff_and_leavers_keep_points_for_the_grace_period(db: Db) {
    let w = World::start(&db).await;
    let now = unix_now();
    {
        let mut tx = db.begin_write().await.unwrap();
        ledger::append(
            &mut tx,
            NewEntry::new(
                w.seller,
                EntryKind::Accrual,
                300,
                &app::earn::reason::Reason::note("Tyre R16 sold"),
            ),
            now,
        )
        .await
        .unwrap();
        ledger::append(
            &mut tx,
            NewEntry::new(
                w.seller,
                EntryKind::Adjustment,
                20,
                &app::earn::reason::Reason::note("Training bonus"),
            ),
            now,
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
    }
    let (status, team) = w.call(Manager, "org/team", &[("period", "month")]).await;
    assert_eq!(status, StatusCode::OK, "{team}");
    let row = team["staff"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == w.seller)
        .unwrap()
        .clone();
    assert_eq!(
        (row["earned"].as_i64(), row["balance"].as_i64()),
        (Some(320), Some(320))
    );
    assert_eq!(
        row["phone"], SELLER_PHONE,
        "his own employee: the whole number"
    );
    assert_eq!(team["totals"]["earned"], 320);
    assert_eq!(team["months"].as_array().unwrap().len(), 12);
    assert_eq!(team["months"][0]["earned"], 320);
    assert_eq!(team["months"][0]["earners"], 1);
    let (status, body) = w.call(Manager, "org/team", &[("period", "week")]).await;
    assert_eq!(
        (status, body["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("period"))
    );
    // The other company's manager sees none of it.
    let (_, other) = w.call(OtherManager, "org/team", &[]).await;
    assert!(
        other["staff"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["name"] != "Test Person")
    );
    let (_, detail) = w
        .call(Admin, "admin/company", &[("id", &w.company.to_string())])
        .await;
    assert!(
        detail["staff"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["phone"] == SELLER_PHONE),
        "admins see whole numbers"
    );

    // The payroll export: managers only, own company only.
    let res = w.get(Manager, "/team/staff.csv?period=year").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        res.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("staff-year-")
    );
    let csv = res.text().await.unwrap();
    // A byte-order mark, so a spreadsheet reads UTF-8; words in the reader's language (English
    // here, so cells are split by commas); whole numbers: these are the manager's own employees.
    assert!(csv.starts_with("\u{feff}name,personnel number,phone,role,status,period from,period to,points earned,points spent,balance,last activity\n"), "{csv}");
    let seller_line = |csv: &str, start: &str| {
        csv.lines()
            .find(|l| l.starts_with(start))
            .map(str::to_string)
    };
    let line = seller_line(&csv, "Test Person,").expect(&csv);
    assert!(
        line.starts_with(&format!("Test Person,,{SELLER_PHONE},seller,Active,"))
            && line.contains(",320,0,320,"),
        "{line}"
    );
    assert!(!csv.contains("Other Seller"));
    // The manager gives the seller his personnel number; it goes into the file.
    let seller = w.seller.to_string();
    let (status, body) = w
        .call(
            Manager,
            "org/personnel_no",
            &[("id", &seller), ("personnel_no", "<b>1</b>")],
        )
        .await;
    assert_eq!(
        (status, body["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("personnel_no"))
    );
    let (status, body) = w
        .call(
            OtherManager,
            "org/personnel_no",
            &[("id", &seller), ("personnel_no", "X-1")],
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    let (status, member) = w
        .call(
            Manager,
            "org/personnel_no",
            &[("id", &seller), ("personnel_no", " TT/0042 ")],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{member}");
    assert_eq!(member["row"]["personnel_no"], "TT/0042");
    let csv = w
        .get(Manager, "/team/staff.csv?period=year&sep=semicolon")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        csv.starts_with("\u{feff}name;personnel number;phone;"),
        "{csv}"
    );
    let line = seller_line(&csv, "Test Person;").expect(&csv);
    assert!(
        line.starts_with(&format!(
            "Test Person;TT/0042;{SELLER_PHONE};seller;Active;"
        )) && line.contains(";320;0;320;"),
        "{line}"
    );
    assert_eq!(
        w.get(Manager, "/team/staff.csv?sep=tab").await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let other_csv = w
        .get(OtherManager, "/team/staff.csv")
        .await
        .text()
        .await
        .unwrap();
    assert!(!other_csv.contains("Test Person") && other_csv.contains("Other Seller"));
    assert_eq!(
        w.get(Participant, "/team/staff.csv").await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        w.get(Admin, "/team/staff.csv").await.status(),
        StatusCode::FORBIDDEN
    );
    // Without a session a script gets the JSON error, a browser the sign-in page.
    let anonymous = w.get(Anonymous, "/team/staff.csv").await;
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        anonymous.json::<serde_json::Value>().await.unwrap()["code"],
        "not_signed_in"
    );
    let browser = w
        .http
        .get(format!("{}/team/staff.csv", w.base))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(
        (
            browser.status(),
            browser.headers()["location"].to_str().unwrap()
        ),
        (StatusCode::SEE_OTHER, "/sign-in")
    );
    assert_eq!(
        w.get(Manager, "/team/staff.csv?period=decade")
            .await
            .status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );

    // "Mark as left" wants its box ticked: without it nothing changes.
    let (status, body) = w
        .call(Manager, "org/deactivate", &[("id", &w.seller.to_string())])
        .await;
    assert_eq!(
        (status, body["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("confirm"))
    );
    let (_, member) = w.call(Manager, "org/member", &[("id", &seller)]).await;
    assert_eq!(member["row"]["status"], "Active");
    // Marked as left by mistake, then reinstated: active again with every point.
    let (status, member) = w
        .call(
            Manager,
            "org/deactivate",
            &[("id", &seller), ("confirm", "on")],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{member}");
    assert!(member["reinstate_until"].as_i64().is_some(), "{member}");
    let (status, body) = w
        .call(OtherManager, "org/reinstate", &[("id", &seller)])
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    let (status, member) = w.call(Manager, "org/reinstate", &[("id", &seller)]).await;
    assert_eq!(status, StatusCode::OK, "{member}");
    assert_eq!(member["row"]["status"], "Active");
    assert_eq!(member["row"]["balance"], 320);
    assert!(member["reinstate_until"].is_null());
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'member.reinstate' AND subject = $1",
    )
    .bind(format!("user:{seller}"))
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(audited, 1);

    // The seller leaves: no more earning, points spendable until the grace period ends.
    let (status, member) = w
        .call(
            Manager,
            "org/deactivate",
            &[("id", &w.seller.to_string()), ("confirm", "on")],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{member}");
    assert_eq!(member["row"]["status"], "Left");
    let until = member["row"]["left_until"].as_i64().unwrap();
    assert!((until - (now + 90 * 86_400)).abs() < 60);
    let codes = w.codes().await;
    let (status, body) = w
        .call(Participant, "earn/claim", &[("code", &codes[0])])
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("left_company")),
        "{body}"
    );
    assert_eq!(body["until"].as_i64(), Some(until));
    let (status, _) = w.call(Manager, "earn/claim", &[("code", &codes[0])]).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "the code was not used up by the refused claim"
    );
    let (_, m) = w.call(Participant, "org/membership", &[]).await;
    assert_eq!(m["left_until"].as_i64(), Some(until));
    let (status, _) = w
        .call(
            Manager,
            "org/deactivate",
            &[("id", &w.seller.to_string()), ("confirm", "on")],
        )
        .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "marking a leaver twice changes nothing"
    );
    // Once the grace period is over there is nothing to take back.
    assert_eq!(
        app::org::service::reinstate(&db, w.admin, None, w.seller, until + 1).await,
        Err(app::error::AppError::GraceOver)
    );
    let (status, _) = w
        .call(
            OtherManager,
            "org/deactivate",
            &[("id", &w.colleague.to_string()), ("confirm", "on")],
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Nothing expires before the grace period ends; everything after, once, with the reason.
    assert_eq!(
        app::org::service::expire_leavers(&db, now + 89 * 86_400)
            .await
            .unwrap(),
        (0, 0)
    );
    assert_eq!(
        app::org::service::expire_leavers(&db, now + 91 * 86_400)
            .await
            .unwrap(),
        (1, 320)
    );
    assert_eq!(
        app::org::service::expire_leavers(&db, now + 92 * 86_400)
            .await
            .unwrap(),
        (0, 0)
    );
    let reason: String = sqlx::query_scalar(
        "SELECT reason FROM ledger_entries WHERE user_id = $1 AND kind = 'expiry'",
    )
    .bind(w.seller)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert!(reason.starts_with("Left the company on "), "{reason}");
    assert_balances_match_entries(&db).await;
}

/// The admin's side: duplicate tax numbers and bad CSV lines are refused with nothing written;
/// suspending a company stops its people earning and ordering; moving someone keeps the history
/// and hides the old company's figures from the new manager; blocking signs them out.
async fn admins_run_companies_and_their_people(db: Db) {
    let w = World::start(&db).await;
    let count = |db: Db| async move {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM partner_companies")
            .fetch_one(&db.pool)
            .await
            .unwrap()
    };
    let before = count(db.clone()).await;
    let form = |tax: &'static str| {
        vec![
            ("name", "New Dealer"),
            ("tax_id", tax),
            ("region", "Samara"),
            ("kind", "dealer"),
        ]
    };
    let (status, body) = w
        .call(Admin, "admin/company_save", &form("1655123453"))
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::CONFLICT, Some("tax_id_taken"))
    );
    let (status, body) = w
        .call(Admin, "admin/company_save", &form("1655123454"))
        .await;
    assert_eq!(
        (status, body["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("tax_id"))
    );
    let (status, body) = w
        .call(Admin, "admin/companies_import", &[("csv", "name,tax_id,region,kind,contact,join_code\nA Co,7701234560,Moscow,dealer,,\nB Co,7701234561,Moscow,dealer,,")])
        .await;
    assert_eq!(
        (status, body["code"].as_str(), body["line"].as_i64()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("csv_invalid"),
            Some(3)
        ),
        "the file's line, header counted"
    );
    assert_eq!(count(db.clone()).await, before, "nothing half-written");
    let (status, body) = w
        .call(Admin, "admin/companies_import", &[("csv", "A Co,7701234560,Moscow,dealer,Anna +7 900,A-CO\nOther Heat Renamed,1655123453,Kazan,installer,,")])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        (body["created"].as_i64(), body["updated"].as_i64()),
        (Some(1), Some(1))
    );
    let (status, saved) = w
        .call(Admin, "admin/company_save", &form("FR732829320"))
        .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    assert_eq!(saved["tax_id"], "FR732829320");

    // Suspension: the other company's people keep their points but can neither earn nor order.
    let other = w.other_company.to_string();
    let (status, _) = w
        .call(
            Admin,
            "admin/company_save",
            &[
                ("id", &other),
                ("name", "Other Heat"),
                ("tax_id", "1655123453"),
                ("region", "Kazan"),
                ("kind", "installer"),
                ("status", "suspended"),
                ("join_code", "OTHER-HEAT"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let codes = w.codes().await;
    let (status, body) = w
        .call(OtherParticipant, "earn/claim", &[("code", &codes[0])])
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("company_suspended"))
    );
    let (status, body) = w
        .call(
            OtherParticipant,
            "shop/redeem",
            &[("reward_id", "1"), ("key", "k1")],
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("company_suspended"))
    );
    let (_, m) = w.call(OtherParticipant, "org/membership", &[]).await;
    assert_eq!(m["company_suspended"], true);
    let (_, me) = w.call(OtherParticipant, "auth/me", &[]).await;
    assert_eq!(me["company_suspended"], true);
    let home = w.get(OtherParticipant, "/").await.text().await.unwrap();
    assert!(
        home.contains("data-testid=\"membership\"")
            && home.contains("participation in the program is paused"),
        "the people of a suspended company are told on every screen"
    );

    // Moving the colleague to the other company: history kept, old figures not shown there.
    {
        let mut tx = db.begin_write().await.unwrap();
        ledger::append(
            &mut tx,
            NewEntry::new(
                w.colleague,
                EntryKind::Accrual,
                50,
                &app::earn::reason::Reason::note("Sold at the first company"),
            ),
            unix_now() - 10,
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
    }
    let (status, body) = w
        .call(
            Admin,
            "admin/participant_move",
            &[
                ("id", &w.colleague.to_string()),
                ("company", &other),
                ("reason", "x"),
            ],
        )
        .await;
    assert_eq!(
        (status, body["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("reason"))
    );
    let (status, _) = w
        .call(
            Admin,
            "admin/participant_move",
            &[
                ("id", &w.colleague.to_string()),
                ("company", &other),
                ("reason", "Changed jobs"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let moves: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM company_moves WHERE user_id = $1 AND reason = 'Changed jobs'",
    )
    .bind(w.colleague)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(moves, 1);
    let (status, seen) = w
        .call(
            OtherManager,
            "org/member",
            &[("id", &w.colleague.to_string())],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        seen["entries"].as_array().unwrap().len(),
        0,
        "the old company's movements stay hidden"
    );
    assert_eq!(
        seen["row"]["balance"], 50,
        "the balance is the person's own"
    );
    let (status, _) = w
        .call(Manager, "org/member", &[("id", &w.colleague.to_string())])
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Managers: a person of the company is promoted; someone of another company is refused.
    let (status, body) = w
        .call(
            Admin,
            "admin/manager_assign",
            &[("company", &w.company.to_string()), ("phone", OTHER_SELLER)],
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::CONFLICT, Some("phone_taken"))
    );
    let (status, _) = w
        .call(
            Admin,
            "admin/manager_assign",
            &[
                ("company", &w.company.to_string()),
                ("phone", "+79006660001"),
                ("name", "New Boss"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, list) = w.call(Admin, "admin/companies", &[]).await;
    let first = list
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["card"]["id"] == w.company)
        .unwrap();
    assert!(
        first["managers"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m == "New Boss")
    );
    // Seller, manager, the blocked one and the new boss; the colleague moved to the other company.
    assert_eq!(
        (first["people"].as_i64(), first["pending"].as_i64()),
        (Some(4), Some(0))
    );
    let second = list
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["card"]["id"] == w.other_company)
        .unwrap();
    assert_eq!(second["people"], 3);
    assert_eq!(second["managers"], serde_json::json!(["Other Manager"]));
    let (_, found) = w.call(Admin, "admin/participants", &[("q", "boss")]).await;
    assert_eq!(found[0]["role"], "PartnerManager");
    let page = w.get(Admin, "/admin/companies?q=boss").await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(
        html.contains("data-testid=\"people\"") && html.contains("New Boss"),
        "the admin's search screen lists them"
    );
    let page = w.get(Manager, "/team").await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(
        html.contains("data-testid=\"team-totals\"") && html.contains("New Boss"),
        "the team page renders whole on the server"
    );

    // Blocking signs the person out at once and keeps them out.
    let (status, _) = w
        .call(
            Admin,
            "admin/participant_block",
            &[("id", &w.seller.to_string()), ("blocked", "on")],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = w.call(Participant, "earn/home", &[]).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, body) = w
        .call(Anonymous, "auth/request_code", &[("phone", SELLER_PHONE)])
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("account_blocked"))
    );
    let audit: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action IN ('company.create', 'company.update', 'company.import', 'user.move', 'company.manager', 'user.block')")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(audit, 6);
    let _ = &w.state;
}

on_both_databases!(
    every_server_function_answers_each_kind_of_caller_as_designed,
    an_invitation_brings_a_new_foreman_into_the_right_company,
    a_self_registered_person_waits_for_their_own_manager,
    managers_see_their_staff_and_leavers_keep_points_for_the_grace_period,
    admins_run_companies_and_their_people,
);
