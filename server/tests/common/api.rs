//! A client of the HTTP API as a script would be one: four callers (anonymous, a participant, a
//! partner manager, an admin) signed in over one server on a random port.

use super::*;
use app::auth::service;
use app::domain::Email;
use app::state::{Db, unix_now};
use reqwest::StatusCode;
use serde_json::Value;

#[derive(Clone, Copy, Debug)]
pub enum Caller {
    Anonymous,
    Participant,
    Manager,
    Admin,
}

pub const CALLERS: [Caller; 4] = [
    Caller::Anonymous,
    Caller::Participant,
    Caller::Manager,
    Caller::Admin,
];

pub struct Api {
    pub base: String,
    pub http: reqwest::Client,
    pub tokens: [Option<String>; 4],
}

impl Api {
    pub async fn start(db: &Db) -> Api {
        people(db).await;
        let (state, outbox) = state(db);
        let now = unix_now();
        let sign_in = |p: &'static str| {
            let state = state.clone();
            let outbox = outbox.clone();
            async move {
                service::request_code(&state, &phone(p), "127.0.0.2", Lang::En, now)
                    .await
                    .unwrap();
                let code = app::domain::OtpCode::parse(&outbox.last_code_for(p)).unwrap();
                service::verify_code(&state, &phone(p), &code, "127.0.0.2", now)
                    .await
                    .unwrap()
                    .1
                    .expose()
                    .to_string()
            }
        };
        let participant = sign_in(SELLER_PHONE).await;
        let manager = sign_in(MANAGER_PHONE).await;
        let email = Email::parse(ADMIN_EMAIL).unwrap();
        let admin = service::admin_sign_in(&state, &email, ADMIN_PASSWORD, "127.0.0.2", now)
            .await
            .unwrap()
            .1
            .expose()
            .to_string();
        let addr = serve(state).await;
        Api {
            base: format!("http://{addr}"),
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .timeout(std::time::Duration::from_secs(20))
                .build()
                .unwrap(),
            tokens: [None, Some(participant), Some(manager), Some(admin)],
        }
    }

    pub fn request(
        &self,
        method: reqwest::Method,
        path: &str,
        who: Caller,
    ) -> reqwest::RequestBuilder {
        let mut req = self.http.request(method, format!("{}{path}", self.base));
        if let Some(t) = &self.tokens[who as usize] {
            req = req.header("cookie", format!("ww_session={t}"));
        }
        req
    }

    /// Calls a server function the way a script would: form-encoded in, JSON out.
    pub async fn call(
        &self,
        endpoint: &str,
        form: &[(&str, &str)],
        who: Caller,
    ) -> (StatusCode, Value) {
        let res = self
            .request(reqwest::Method::POST, &format!("/api/{endpoint}"), who)
            .header("accept", "application/json")
            .form(form)
            .send()
            .await
            .unwrap();
        let status = res.status();
        let body = res.text().await.unwrap();
        (
            status,
            serde_json::from_str(&body).unwrap_or(Value::String(body)),
        )
    }
}
