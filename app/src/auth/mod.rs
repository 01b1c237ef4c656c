//! Who is signed in, and the server functions that sign people in and out.

mod pages;
#[cfg(feature = "ssr")]
pub mod service;

pub use pages::{AdminSignInPage, SignInPage, VerifyCodePage};

use crate::domain::{ParticipantKind, Role, UserStatus};
use crate::error::AppError;
use crate::i18n::Lang;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The signed-in person as the app sees them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionUser {
    pub id: i64,
    pub role: Role,
    pub kind: Option<ParticipantKind>,
    pub name: String,
    pub company: Option<String>,
    pub lang: Option<Lang>,
    /// Pending people only see that they wait for approval; leavers no longer earn.
    pub status: UserStatus,
    /// Their company's participation is paused: no earning, no ordering, points kept.
    #[serde(default)]
    pub company_suspended: bool,
}

pub const SESSION_COOKIE: &str = "ww_session";
pub const LANG_COOKIE: &str = "ww_lang";

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
    use crate::state::{app_state, reply, request_context, unix_now};
    reply(
        async {
            let ctx = request_context()?;
            let phone = Phone::parse_in(&phone, app_state()?.settings.country)?;
            service::request_code(
                &app_state()?,
                &phone,
                &ctx.ip.to_string(),
                ctx.lang,
                unix_now(),
            )
            .await?;
            leptos_axum::redirect(&format!(
                "/sign-in/code?phone={}",
                phone_query(phone.as_str())
            ));
            Ok(())
        }
        .await,
    )
}

/// Checks the code and signs the participant in (session cookie), then opens Home.
#[server(prefix = "/api", endpoint = "auth/verify_code")]
pub async fn verify_code(phone: String, code: String) -> Result<(), AppError> {
    use crate::domain::{OtpCode, Phone};
    use crate::state::{app_state, reply, request_context, unix_now};
    reply(
        async {
            let ctx = request_context()?;
            let state = app_state()?;
            let phone = Phone::parse_in(&phone, app_state()?.settings.country)?;
            let code = OtpCode::parse(&code).ok_or(AppError::CodeFormat)?;
            let (user, token) =
                service::verify_code(&state, &phone, &code, &ctx.ip.to_string(), unix_now())
                    .await?;
            set_cookie(SESSION_COOKIE, &token, state.settings.session_ttl_secs);
            leptos_axum::redirect(if user.role == Role::Admin {
                "/admin"
            } else {
                "/"
            });
            Ok(())
        }
        .await,
    )
}

/// Program admins sign in with e-mail and password.
#[server(prefix = "/api", endpoint = "auth/admin_sign_in")]
pub async fn admin_sign_in(email: String, password: String) -> Result<(), AppError> {
    use crate::domain::Email;
    use crate::state::{app_state, reply, request_context, unix_now};
    reply(
        async {
            let ctx = request_context()?;
            let state = app_state()?;
            let email = Email::parse(&email).ok_or(AppError::InvalidEmail)?;
            let (_, token) =
                service::admin_sign_in(&state, &email, &password, &ctx.ip.to_string(), unix_now())
                    .await?;
            set_cookie(SESSION_COOKIE, &token, state.settings.session_ttl_secs);
            leptos_axum::redirect("/admin");
            Ok(())
        }
        .await,
    )
}

/// Ends the current session (if any) and returns to the sign-in page.
#[server(prefix = "/api", endpoint = "auth/sign_out")]
pub async fn sign_out() -> Result<(), AppError> {
    use crate::state::{app_state, reply, request_context};
    reply(
        async {
            let ctx = request_context()?;
            if let Some(hash) = &ctx.session_hash {
                service::end_session(&app_state()?.db, hash).await?;
            }
            set_cookie(SESSION_COOKIE, "", 0);
            let admin = ctx.user.is_some_and(|u| u.role == Role::Admin);
            leptos_axum::redirect(if admin { "/admin/sign-in" } else { "/sign-in" });
            Ok(())
        }
        .await,
    )
}

/// The signed-in person, or nothing. Open to everyone.
#[server(prefix = "/api", endpoint = "auth/me")]
pub async fn current_user() -> Result<Option<SessionUser>, AppError> {
    crate::state::reply(crate::state::request_context().map(|c| c.user))
}
