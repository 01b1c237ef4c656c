//! The HTTP gateway sender against a local stub gateway: what it sends, and what it does when the
//! gateway fails.

use app::domain::Phone;
use app::i18n::Lang;
use app::state::CodeSender;
use axum::Router;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use std::sync::{Arc, Mutex};
use workwell::sender::HttpSender;

type Seen = Arc<Mutex<Vec<(String, String, String)>>>;

async fn stub_gateway(answer: StatusCode) -> (String, Seen) {
    let seen: Seen = Arc::default();
    let log = seen.clone();
    let app = Router::new().route(
        "/send",
        post(
            move |uri: axum::http::Uri, headers: HeaderMap, body: String| {
                let log = log.clone();
                async move {
                    let auth = headers
                        .get("authorization")
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("")
                        .to_string();
                    log.lock().unwrap().push((uri.to_string(), auth, body));
                    answer
                }
            },
        ),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (format!("http://{addr}/send"), seen)
}

#[tokio::test]
async fn the_gateway_receives_the_phone_and_the_text_with_the_token() {
    let (url, seen) = stub_gateway(StatusCode::OK).await;
    let sender = HttpSender::new(
        &format!("{url}?to={{phone}}"),
        "s3cr3t",
        r#"{"to":"{phone}","message":"{text}"}"#,
    );
    let phone = Phone::parse("+7 900 123-45-67").unwrap();
    sender.send(&phone, "042137", Lang::Ru).await.unwrap();
    let seen = seen.lock().unwrap();
    let (uri, auth, body) = &seen[0];
    assert_eq!(uri, "/send?to=%2B79001234567");
    assert_eq!(auth, "Bearer s3cr3t");
    let json: serde_json::Value = serde_json::from_str(body).unwrap();
    assert_eq!(json["to"], "+79001234567");
    assert_eq!(
        json["message"],
        "Ваш код Workwell: 042137. Действует 5 минут."
    );
}

#[tokio::test]
async fn a_failing_gateway_is_reported_not_ignored() {
    let (url, _) = stub_gateway(StatusCode::BAD_GATEWAY).await;
    let sender = HttpSender::new(&url, "", r#"{"to":"{phone}","text":"{text}"}"#);
    let err = sender
        .send(&Phone::parse("+79001234567").unwrap(), "111111", Lang::En)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("502"), "{err}");
    let unreachable = HttpSender::new("http://127.0.0.1:9/send", "", "{}");
    assert!(
        unreachable
            .send(&Phone::parse("+79001234567").unwrap(), "111111", Lang::En)
            .await
            .is_err()
    );
}
