//! Who is signed in, and the server functions that sign people in and out.

mod pages;
#[cfg(feature = "ssr")]
pub mod service;

pub use pages::{AdminSignInPage, SignInPage, VerifyCodePage};

#[cfg(feature = "ssr")]
use crate::call::Call;
use crate::error::AppError;
use leptos::prelude::*;

pub use crate::session::{LANG_COOKIE, SESSION_COOKIE, SessionUser};

/// `+` is the only character of an E.164 number that needs escaping in a query string.
pub fn phone_query(phone: &str) -> String {
    phone.replace('+', "%2B")
}

#[cfg(feature = "ssr")]
pub(crate) fn set_cookie(name: &str, value: &str, max_age_secs: i64) {
    use axum::http::{HeaderValue, header::SET_COOKIE};
    let secure = crate::state::app_state()
        .map(|s| s.settings.secure_cookies)
        .unwrap_or(false);
    let cookie = format!(
        "{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_secs}{}",
        if secure { "; Secure" } else { "" }
    );
    if let (Some(opts), Ok(v)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        HeaderValue::from_str(&cookie),
    ) {
        opts.append_header(SET_COOKIE, v);
    }
}

/// Texts a six-digit code to a participant's phone, then sends the browser to the code page.
#[server(prefix = "/api", endpoint = "auth/request_code")]
pub async fn request_code(phone: String) -> Result<(), AppError> {
    use crate::domain::Phone;

    let call = Call::open()?;
    let phone = Phone::parse_in(&phone, call.settings().country)?;
    service::request_code(&call.state, &phone, &call.ip(), call.ctx.lang, call.now).await?;
    leptos_axum::redirect(&format!(
        "/sign-in/code?phone={}",
        phone_query(phone.as_str())
    ));
    Ok(())
}

/// Checks the code and signs the participant in (session cookie), then opens Home.
#[server(prefix = "/api", endpoint = "auth/verify_code")]
pub async fn verify_code(phone: String, code: String) -> Result<(), AppError> {
    use crate::domain::{OtpCode, Phone};

    let call = Call::open()?;
    let state = &call.state;
    let phone = Phone::parse_in(&phone, call.settings().country)?;
    let code = OtpCode::parse(&code).ok_or(AppError::CodeFormat)?;
    let (user, token) = service::verify_code(state, &phone, &code, &call.ip(), call.now).await?;
    set_cookie(
        SESSION_COOKIE,
        token.expose(),
        state.settings.session_ttl_secs,
    );
    leptos_axum::redirect(if user.role == crate::domain::Role::Admin {
        "/admin"
    } else {
        "/"
    });
    Ok(())
}

/// Program admins sign in with e-mail and password.
#[server(prefix = "/api", endpoint = "auth/admin_sign_in")]
pub async fn admin_sign_in(email: String, password: String) -> Result<(), AppError> {
    use crate::domain::Email;

    let call = Call::open()?;
    let state = &call.state;
    let email = Email::parse(&email).ok_or(AppError::InvalidEmail)?;
    let (_, token) = service::admin_sign_in(state, &email, &password, &call.ip(), call.now).await?;
    set_cookie(
        SESSION_COOKIE,
        token.expose(),
        state.settings.session_ttl_secs,
    );
    leptos_axum::redirect("/admin");
    Ok(())
}

/// Ends the current session (if any) and returns to the sign-in page.
#[server(prefix = "/api", endpoint = "auth/sign_out")]
pub async fn sign_out() -> Result<(), AppError> {
    let call = Call::open()?;
    if let Some(hash) = &call.ctx.session_hash {
        service::end_session(call.db(), hash).await?;
    }
    set_cookie(SESSION_COOKIE, "", 0);
    let admin = call
        .ctx
        .user
        .is_some_and(|u| u.role == crate::domain::Role::Admin);
    leptos_axum::redirect(if admin { "/admin/sign-in" } else { "/sign-in" });
    Ok(())
}

/// The signed-in person, or nothing. Open to everyone.
#[server(prefix = "/api", endpoint = "auth/me")]
pub async fn current_user() -> Result<Option<SessionUser>, AppError> {
    Ok(Call::open()?.user)
}
