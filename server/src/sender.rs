//! Delivery of one-time codes: to the log (development, demo) or through an SMS gateway.

use crate::config::SenderConfig;
use app::domain::Phone;
use app::i18n::{Lang, T};
use app::state::{CodeSender, SendError};
use std::sync::Arc;
use std::time::Duration;

pub fn from_config(cfg: &SenderConfig) -> Arc<dyn CodeSender> {
    match cfg {
        SenderConfig::Log => Arc::new(LogSender),
        SenderConfig::Http {
            url,
            token,
            body_template,
        } => Arc::new(HttpSender::new(url, token, body_template)),
    }
}

pub struct LogSender;

#[async_trait::async_trait]
impl CodeSender for LogSender {
    async fn send(&self, phone: &Phone, code: &str, _lang: Lang) -> Result<(), SendError> {
        tracing::info!(target: "workwell::otp", phone = %phone, code = %code, "one-time code for {phone}: {code}");
        Ok(())
    }
}

pub struct HttpSender {
    client: reqwest::Client,
    url: String,
    token: String,
    body_template: String,
}

impl HttpSender {
    pub fn new(url: &str, token: &str, body_template: &str) -> HttpSender {
        HttpSender {
            client: reqwest::Client::builder()
                .timeout(Duration::from_secs(10))
                .build()
                .expect("HTTP client"),
            url: url.into(),
            token: token.into(),
            body_template: body_template.into(),
        }
    }
}

fn json_escape(s: &str) -> String {
    let quoted = serde_json::to_string(s).unwrap_or_default();
    quoted[1..quoted.len() - 1].to_string()
}

#[async_trait::async_trait]
impl CodeSender for HttpSender {
    async fn send(&self, phone: &Phone, code: &str, lang: Lang) -> Result<(), SendError> {
        let text = T::SmsText.with(lang, &[("code", code)]);
        let url = self
            .url
            .replace("{phone}", &app::domain::url_escape(phone.as_str()))
            .replace("{text}", &app::domain::url_escape(&text));
        let body = self
            .body_template
            .replace("{phone}", &json_escape(phone.as_str()))
            .replace("{text}", &json_escape(&text));
        let mut req = self
            .client
            .post(&url)
            .header("content-type", "application/json")
            .body(body);
        if !self.token.is_empty() {
            req = req.bearer_auth(&self.token);
        }
        let res = req
            .send()
            .await
            .map_err(|e| SendError(format!("gateway unreachable: {e}")))?;
        if res.status().is_success() {
            Ok(())
        } else {
            Err(SendError(format!("gateway answered {}", res.status())))
        }
    }
}
