//! Sign-in rules, on SQLite and PostgreSQL: one-time codes expire, work once, lock after five wrong
//! tries and are rate limited; sessions expire; admin passwords are checked and rate limited.

mod common;

use app::auth::service;
use app::domain::Phone;
use app::domain::{Email, OtpCode};
use app::error::AppError;
use app::i18n::Lang;
use app::state::{AppState, Db};
use common::*;

const IP: &str = "203.0.113.7";

fn otp(code: &str) -> OtpCode {
    OtpCode::parse(code).unwrap()
}

/// The demo people exist and the seller has just asked for a code (at `NOW`).
async fn seller_asked_for_a_code(db: &Db) -> (AppState, std::sync::Arc<Outbox>, Phone, String) {
    people(db).await;
    let (state, outbox) = state(db);
    let p = phone(SELLER_PHONE);
    service::request_code(&state, &p, IP, Lang::En, NOW)
        .await
        .unwrap();
    let code = outbox.last_code_for(SELLER_PHONE);
    (state, outbox, p, code)
}

/// A six-digit code that is not `code`.
fn wrong(code: &str) -> OtpCode {
    let n: u32 = code.parse().unwrap();
    otp(&format!("{:06}", (n + 1) % 1_000_000))
}

async fn a_code_expires_after_five_minutes(db: Db) {
    let (state, outbox, p, code) = seller_asked_for_a_code(&db).await;
    let late = service::verify_code(&state, &p, &otp(&code), IP, NOW + 5 * 60).await;
    assert_eq!(late.unwrap_err(), AppError::CodeExpired);

    service::request_code(&state, &p, IP, Lang::En, NOW + 400)
        .await
        .unwrap();
    let code = outbox.last_code_for(SELLER_PHONE);
    let (user, token) = service::verify_code(&state, &p, &otp(&code), IP, NOW + 400 + 299)
        .await
        .unwrap();
    assert_eq!(user.name, "Test Person");
    assert_eq!(token.expose().len(), 64);
}

async fn a_code_signs_in_only_once(db: Db) {
    let (state, _, p, code) = seller_asked_for_a_code(&db).await;
    let code = otp(&code);
    assert!(
        service::verify_code(&state, &p, &code, IP, NOW + 10)
            .await
            .is_ok()
    );
    let again = service::verify_code(&state, &p, &code, IP, NOW + 20).await;
    assert_eq!(again.unwrap_err(), AppError::CodeExpired);
}

async fn five_wrong_tries_lock_the_code(db: Db) {
    let (state, _, p, code) = seller_asked_for_a_code(&db).await;
    for left in (1..=4).rev() {
        let r = service::verify_code(&state, &p, &wrong(&code), IP, NOW + 1).await;
        assert_eq!(r.unwrap_err(), AppError::WrongCode { tries_left: left });
    }
    let fifth = service::verify_code(&state, &p, &wrong(&code), IP, NOW + 2).await;
    assert_eq!(fifth.unwrap_err(), AppError::CodeLocked);
    let right_but_late = service::verify_code(&state, &p, &otp(&code), IP, NOW + 3).await;
    assert_eq!(
        right_but_late.unwrap_err(),
        AppError::CodeLocked,
        "a locked code stays locked"
    );
}

async fn asking_again_retires_the_previous_code(db: Db) {
    people(&db).await;
    let (state, outbox) = state(&db);
    let p = phone(SELLER_PHONE);
    service::request_code(&state, &p, IP, Lang::En, NOW)
        .await
        .unwrap();
    let first = outbox.last_code_for(SELLER_PHONE);
    service::request_code(&state, &p, IP, Lang::En, NOW + 30)
        .await
        .unwrap();
    let second = outbox.last_code_for(SELLER_PHONE);
    if first != second {
        let r = service::verify_code(&state, &p, &otp(&first), IP, NOW + 40).await;
        assert!(matches!(r.unwrap_err(), AppError::WrongCode { .. }));
    }
    assert!(
        service::verify_code(&state, &p, &otp(&second), IP, NOW + 50)
            .await
            .is_ok()
    );
}

async fn a_phone_gets_three_codes_per_ten_minutes(db: Db) {
    people(&db).await;
    let (state, _) = state(&db);
    let p = phone(SELLER_PHONE);
    for i in 0..3 {
        service::request_code(&state, &p, IP, Lang::En, NOW + i)
            .await
            .unwrap();
    }
    match service::request_code(&state, &p, IP, Lang::En, NOW + 60).await {
        Err(AppError::RateLimited { retry_after_secs }) => assert_eq!(retry_after_secs, 600 - 60),
        other => panic!("expected a rate limit, got {other:?}"),
    }
    assert!(
        service::request_code(&state, &p, IP, Lang::En, NOW + 601)
            .await
            .is_ok(),
        "the window moves on"
    );
}

async fn an_address_gets_twenty_code_requests_per_hour(db: Db) {
    people(&db).await;
    let (state, _) = state(&db);
    // Unknown numbers count too: the limit is what stops someone probing which numbers exist.
    for i in 0..20 {
        let probe = phone(&format!("+7900555{i:04}"));
        let r = service::request_code(&state, &probe, IP, Lang::En, NOW + i).await;
        assert_eq!(r.unwrap_err(), AppError::UnknownPhone);
    }
    let r = service::request_code(&state, &phone(SELLER_PHONE), IP, Lang::En, NOW + 30).await;
    assert!(matches!(r, Err(AppError::RateLimited { .. })), "got {r:?}");
    let other_ip = service::request_code(
        &state,
        &phone(SELLER_PHONE),
        "198.51.100.1",
        Lang::En,
        NOW + 30,
    )
    .await;
    assert!(other_ip.is_ok());
}

async fn blocked_and_unknown_people_get_no_code(db: Db) {
    people(&db).await;
    let (state, outbox) = state(&db);
    let blocked = service::request_code(&state, &phone(BLOCKED_PHONE), IP, Lang::En, NOW).await;
    assert_eq!(blocked.unwrap_err(), AppError::AccountBlocked);
    let unknown = service::request_code(&state, &phone("+79009999999"), IP, Lang::En, NOW).await;
    assert_eq!(unknown.unwrap_err(), AppError::UnknownPhone);
    assert!(outbox.sent.lock().unwrap().is_empty());
}

async fn a_session_expires_after_thirty_days(db: Db) {
    let (state, _, p, code) = seller_asked_for_a_code(&db).await;
    let code = otp(&code);
    let (user, token) = service::verify_code(&state, &p, &code, IP, NOW)
        .await
        .unwrap();
    let ttl = state.settings.session_ttl_secs;
    let live = service::load_session(&state.db, &state.settings, &token, NOW + ttl - 1)
        .await
        .unwrap();
    assert_eq!(live.map(|(u, _)| u.id), Some(user.id));
    let expired = service::load_session(&state.db, &state.settings, &token, NOW + ttl)
        .await
        .unwrap();
    assert!(expired.is_none());
    let forged = service::load_session(
        &state.db,
        &state.settings,
        &app::session::SessionToken::from_cookie(&"0".repeat(64)),
        NOW,
    )
    .await
    .unwrap();
    assert!(forged.is_none());
}

async fn signing_out_ends_the_session(db: Db) {
    people(&db).await;
    let (state, _) = state(&db);
    let email = Email::parse(ADMIN_EMAIL).unwrap();
    let (_, token) = service::admin_sign_in(&state, &email, ADMIN_PASSWORD, IP, NOW)
        .await
        .unwrap();
    let (_, hash) = service::load_session(&state.db, &state.settings, &token, NOW)
        .await
        .unwrap()
        .unwrap();
    service::end_session(&state.db, &hash).await.unwrap();
    assert!(
        service::load_session(&state.db, &state.settings, &token, NOW)
            .await
            .unwrap()
            .is_none()
    );
}

async fn admins_sign_in_with_the_right_password_only(db: Db) {
    let ids = people(&db).await;
    let (state, _) = state(&db);
    let email = Email::parse(ADMIN_EMAIL).unwrap();
    let (admin, _) = service::admin_sign_in(&state, &email, ADMIN_PASSWORD, IP, NOW)
        .await
        .unwrap();
    assert_eq!(admin.id, ids.admin);
    let wrong = service::admin_sign_in(&state, &email, "not the password", IP, NOW).await;
    assert_eq!(wrong.unwrap_err(), AppError::BadCredentials);
    let nobody = Email::parse("nobody@workwell.test").unwrap();
    let unknown = service::admin_sign_in(&state, &nobody, ADMIN_PASSWORD, IP, NOW).await;
    assert_eq!(
        unknown.unwrap_err(),
        AppError::BadCredentials,
        "unknown and wrong look the same"
    );
}

async fn ten_wrong_passwords_slow_an_address_down(db: Db) {
    people(&db).await;
    let (state, _) = state(&db);
    let email = Email::parse(ADMIN_EMAIL).unwrap();
    for i in 0..10 {
        let r = service::admin_sign_in(&state, &email, "guess", IP, NOW + i).await;
        assert_eq!(r.unwrap_err(), AppError::BadCredentials);
    }
    let r = service::admin_sign_in(&state, &email, ADMIN_PASSWORD, IP, NOW + 20).await;
    assert!(
        matches!(r, Err(AppError::RateLimited { .. })),
        "even the right password waits: {r:?}"
    );
    assert!(
        service::admin_sign_in(&state, &email, ADMIN_PASSWORD, IP, NOW + 15 * 60 + 1)
            .await
            .is_ok()
    );
}

/// The code's text goes out in the language the person chose in their profile, whatever the
/// device asking speaks; someone with no choice gets the asking page's language.
async fn the_code_goes_out_in_the_persons_language(db: Db) {
    people(&db).await;
    let (state, outbox) = state(&db);
    let p = phone(SELLER_PHONE);
    service::request_code(&state, &p, IP, Lang::Ru, NOW)
        .await
        .unwrap();
    assert_eq!(outbox.last_lang_for(SELLER_PHONE), Lang::Ru);
    sqlx::query("UPDATE users SET lang = 'tr' WHERE phone = $1")
        .bind(SELLER_PHONE)
        .execute(&db.pool)
        .await
        .unwrap();
    service::request_code(&state, &p, IP, Lang::En, NOW + 30)
        .await
        .unwrap();
    assert_eq!(outbox.last_lang_for(SELLER_PHONE), Lang::Tr);
}

on_both_databases!(
    the_code_goes_out_in_the_persons_language,
    a_code_expires_after_five_minutes,
    a_code_signs_in_only_once,
    five_wrong_tries_lock_the_code,
    asking_again_retires_the_previous_code,
    a_phone_gets_three_codes_per_ten_minutes,
    an_address_gets_twenty_code_requests_per_hour,
    blocked_and_unknown_people_get_no_code,
    a_session_expires_after_thirty_days,
    signing_out_ends_the_session,
    admins_sign_in_with_the_right_password_only,
    ten_wrong_passwords_slow_an_address_down,
);
