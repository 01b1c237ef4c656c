//! The receipt verification service's HTTP adapter. Configured by `RECEIPT_VERIFY_URL` (and
//! `RECEIPT_VERIFY_TOKEN`, sent as `Authorization: Bearer`); with no URL there is no service and
//! every receipt claim goes to the moderation queue.
//!
//! The request is `POST {url}` with the receipt's fields as JSON:
//! `{"fn":"8710000101125654","i":99456,"fp":1250448795,"t":"20180518T220500","s":97588,"n":1}`
//! (`s` in kopecks). The answer is JSON with `"status"`: `"verified"` (the service knows the
//! receipt and its total and time match), `"not_found"`, or `"pending"` (not received from the
//! shop's register yet). Anything else — another status, a non-2xx answer, a timeout, a body
//! that is not JSON — reads as "unavailable", which leaves the claim to a person.

use app::domain::Verification;
use app::receipt::qr::FiscalQr;
use app::receipt::verify::ReceiptVerifier;
use std::sync::Arc;
use std::time::Duration;

pub fn from_env(url: Option<String>, token: Option<String>) -> Option<Arc<dyn ReceiptVerifier>> {
    url.map(|u| Arc::new(HttpVerifier::new(&u, token.as_deref().unwrap_or(""))) as _)
}

pub struct HttpVerifier {
    client: reqwest::Client,
    url: String,
    token: String,
}

impl HttpVerifier {
    pub fn new(url: &str, token: &str) -> HttpVerifier {
        HttpVerifier {
            client: reqwest::Client::builder()
                .timeout(Duration::from_secs(5))
                .build()
                .expect("HTTP client"),
            url: url.into(),
            token: token.into(),
        }
    }
}

/// The QR's `t` as the register printed it.
fn wall_time(qr: &FiscalQr) -> String {
    let text = qr.to_text();
    text.split('&')
        .find_map(|p| p.strip_prefix("t="))
        .unwrap_or_default()
        .to_string()
}

#[async_trait::async_trait]
impl ReceiptVerifier for HttpVerifier {
    async fn verify(&self, qr: &FiscalQr) -> Verification {
        let body = serde_json::json!({
            "fn": qr.drive,
            "i": qr.document,
            "fp": qr.sign,
            "t": wall_time(qr),
            "s": qr.total,
            "n": 1,
        });
        let mut req = self
            .client
            .post(&self.url)
            .header("content-type", "application/json")
            .body(body.to_string());
        if !self.token.is_empty() {
            req = req.bearer_auth(&self.token);
        }
        let answer = match req.send().await {
            Ok(res) if res.status().is_success() => res
                .text()
                .await
                .ok()
                .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok()),
            Ok(res) => {
                tracing::warn!(status = %res.status(), "receipt service refused the check");
                None
            }
            Err(e) => {
                tracing::warn!(error = %e, "receipt service unreachable");
                None
            }
        };
        match answer
            .as_ref()
            .and_then(|a| a.get("status"))
            .and_then(|s| s.as_str())
        {
            Some("verified") => Verification::Verified,
            Some("not_found") => Verification::NotFound,
            Some("pending") => Verification::Pending,
            _ => Verification::Unavailable,
        }
    }
}
