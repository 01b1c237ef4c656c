//! How a plain HTML form (every screen but Scan's island is the server's page) reports back.
//!
//! A form posts to its server function, which answers with a redirect (to the page the form was on,
//! or one the function names). What the function answered must reach the page that renders next:
//!
//! - **success**: the function's JSON answer travels in a short-lived, signed, `HttpOnly` cookie
//!   (`ww_flash`, one minute) set on the redirect; the next page render takes it (and clears it),
//!   and [`form_action`] seeds the action's value with it, so the page shows "Saved.", "Done: Anna
//!   now has 420 points" or a preview exactly as it would for an answer that came over `fetch`;
//! - **refusal**: the error comes back in the address (the framework's `__err`), and what the
//!   person typed comes back in the same cookie (never a one-time code or a password), so the form
//!   is shown again filled in, the field in error marked, focused and explained beside it
//!   ([`Kept`], [`FieldNote`]).
//!
//! The cookie is written by the server's handler for server functions (`server/src/http.rs`),
//! which sees the request's body and the answer, so no server function has to do anything for it.

use crate::error::{AppError, Field};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use serde::{Deserialize, Serialize};

/// The cookie's name.
pub const COOKIE: &str = "ww_flash";
/// How long an answer waits for the page that shows it.
pub const MAX_AGE_SECS: i64 = 60;
/// Answers and kept forms larger than this are not carried (a cookie holds about 4 KB, and the
/// payload is hex-encoded); the page then shows what it shows after an ordinary visit.
pub const MAX_PAYLOAD: usize = 1_800;

/// What one form post left for the next page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Flash {
    /// The server function's path (`/api/admin/adjust`), as `ServerFn::PATH` spells it.
    pub path: String,
    /// Its answer on success (JSON), if it had one worth showing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ok: Option<serde_json::Value>,
    /// What was typed, on refusal: the form's fields in order, secrets left out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kept: Vec<(String, String)>,
}

/// Fields never written back into a page: one-time codes and passwords. (`code` is a unit code on
/// Scan, which must come back; it is a one-time code only on the sign-in and joining forms.)
pub fn is_secret(path: &str, name: &str) -> bool {
    matches!(name, "password" | "otp")
        || (name == "code"
            && (path.ends_with("/auth/verify_code") || path.ends_with("/join/verify")))
}

/// The page render's view of the flash, provided once per page by [`provide`].
#[derive(Clone, Debug, Default)]
pub struct PageFlash(pub Option<Flash>);

/// Reads (and clears) the flash cookie for this page render. On the browser side there is none:
/// the island reads what it needs from its props.
pub fn provide() {
    #[cfg(feature = "ssr")]
    {
        let flash = ssr::take();
        provide_context(PageFlash(flash));
    }
    #[cfg(not(feature = "ssr"))]
    provide_context(PageFlash(None));
}

fn page_flash() -> Option<Flash> {
    use_context::<PageFlash>().and_then(|f| f.0)
}

/// A value typed into the refused form posted to `path` (for a form whose page reads it directly,
/// like Scan's island, which takes it as a prop).
pub fn kept_value(path: &str, name: &str) -> Option<String> {
    let f = page_flash()?;
    (f.path == path)
        .then(|| f.kept.into_iter().find(|(k, _)| k == name).map(|(_, v)| v))
        .flatten()
}

/// A server action for a plain form, carrying the answer of the post that led to this page.
pub fn form_action<S>() -> ServerAction<S>
where
    S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + for<'de> Deserialize<'de> + 'static,
{
    let action = ServerAction::<S>::new();
    if let Some(Flash {
        path, ok: Some(ok), ..
    }) = page_flash()
        && path == S::PATH
        && let Ok(out) = serde_json::from_value::<S::Output>(ok)
    {
        action.value().set(Some(Ok(out)));
    }
    action
}

/// What the person typed into the form of `S` before it was refused (empty otherwise).
#[derive(Clone, Debug, Default)]
pub struct Kept {
    values: Vec<(String, String)>,
    error: Option<AppError>,
}

impl Kept {
    pub fn of<S>(action: ServerAction<S>) -> Kept
    where
        S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
        S::Output: Clone + Send + Sync + 'static,
    {
        let error = action.value().get_untracked().and_then(|r| r.err());
        let values = match page_flash() {
            Some(f) if f.path == S::PATH && error.is_some() => f.kept,
            _ => Vec::new(),
        };
        Kept { values, error }
    }

    /// Only for the form whose field `name` had `value` (one of several forms of the same server
    /// function on a page, e.g. one per row).
    pub fn for_form(mut self, name: &str, value: &str) -> Kept {
        if self.get(name).as_deref() != Some(value) {
            self.values.clear();
            self.error = None;
        }
        self
    }

    /// Whether this form was the one refused.
    pub fn refused(&self) -> bool {
        self.error.is_some()
    }

    /// The value typed into `name`, if the form was refused.
    pub fn get(&self, name: &str) -> Option<String> {
        self.values
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    }

    /// The kept value, or what the field shows otherwise.
    pub fn or(&self, name: &str, otherwise: impl Into<String>) -> String {
        if self.refused() {
            self.get(name).unwrap_or_default()
        } else {
            otherwise.into()
        }
    }

    /// A checkbox as it was ticked, or as it is otherwise.
    pub fn checked(&self, name: &str, otherwise: bool) -> bool {
        if self.refused() {
            self.get(name).is_some()
        } else {
            otherwise
        }
    }

    /// The field the refusal was about.
    pub fn field(&self) -> Option<Field> {
        match self.error {
            Some(AppError::Invalid { field }) | Some(AppError::CsvInvalid { field, .. }) => {
                Some(field)
            }
            _ => None,
        }
    }

    /// Whether `field` is the one in error (for `aria-invalid` and `autofocus`).
    pub fn invalid(&self, field: Field) -> bool {
        self.field() == Some(field)
    }

    pub fn aria_invalid(&self, field: Field) -> Option<&'static str> {
        self.invalid(field).then_some("true")
    }

    pub fn error(&self) -> Option<AppError> {
        self.error.clone()
    }

    /// The refusal, unless it is about one of `fields` (shown beside that field instead).
    pub fn error_except(&self, fields: &[Field]) -> Option<AppError> {
        match self.field() {
            Some(f) if fields.contains(&f) => None,
            _ => self.error.clone(),
        }
    }
}

/// The wire name of a field (`address_line`), also the `name` of its input in most forms.
pub fn field_name(field: Field) -> String {
    serde_json::to_value(field)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The message for a field in error, shown beside that field.
#[component]
pub fn FieldNote(kept: Kept, field: Field) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    kept.invalid(field).then(|| {
        let e = kept.error().unwrap_or(AppError::Invalid { field });
        view! {
            <p
                class="note error field-note"
                role="alert"
                id=format!("{}-error", field_name(field))
                data-code=e.code()
            >
                {e.message(lang)}
            </p>
        }
    })
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::*;
    use crate::state::{Settings, app_state};
    use hmac::{Hmac, Mac};
    use sha2::Sha256;

    fn mac(settings: &Settings, payload: &[u8]) -> Hmac<Sha256> {
        let mut mac =
            Hmac::<Sha256>::new_from_slice(&settings.secret).expect("HMAC accepts any key length");
        mac.update(b"flash\0");
        mac.update(payload);
        mac
    }

    /// The cookie's value for `flash` (hex payload, a dot, hex signature), or `None` when it is
    /// too large to carry.
    pub fn encode(settings: &Settings, flash: &Flash) -> Option<String> {
        let payload = serde_json::to_vec(flash).ok()?;
        if payload.len() > MAX_PAYLOAD {
            return None;
        }
        let sig = mac(settings, &payload).finalize().into_bytes();
        Some(format!("{}.{}", hex::encode(&payload), hex::encode(sig)))
    }

    /// The flash in a cookie value, if it is ours and whole.
    pub fn decode(settings: &Settings, value: &str) -> Option<Flash> {
        let (payload, sig) = value.split_once('.')?;
        let payload = hex::decode(payload).ok()?;
        let sig = hex::decode(sig).ok()?;
        mac(settings, &payload).verify_slice(&sig).ok()?;
        serde_json::from_slice(&payload).ok()
    }

    /// `Set-Cookie` for `value` (empty and expired to clear it).
    pub fn set_cookie_header(settings: &Settings, value: Option<&str>) -> String {
        format!(
            "{COOKIE}={}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{}",
            value.unwrap_or(""),
            if value.is_some() { MAX_AGE_SECS } else { 0 },
            if settings.secure_cookies {
                "; Secure"
            } else {
                ""
            }
        )
    }

    /// Takes this request's flash and has the response clear it, so it is shown once.
    pub fn take() -> Option<Flash> {
        use axum::http::request::Parts;
        let parts = use_context::<Parts>()?;
        let raw = parts
            .headers
            .get_all(axum::http::header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .find_map(|c| c.trim().strip_prefix(COOKIE)?.strip_prefix('='))?
            .to_string();
        let state = app_state().ok()?;
        if let (Some(opts), Ok(v)) = (
            use_context::<leptos_axum::ResponseOptions>(),
            axum::http::HeaderValue::from_str(&set_cookie_header(&state.settings, None)),
        ) {
            opts.append_header(axum::http::header::SET_COOKIE, v);
        }
        decode(&state.settings, &raw)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn a_flash_comes_back_only_as_it_was_signed() {
            let s = Settings::with_secret(vec![7; 32]);
            let f = Flash {
                path: "/api/admin/adjust".into(),
                ok: Some(serde_json::json!({"name": "Anna", "balance": 420})),
                kept: vec![],
            };
            let v = encode(&s, &f).unwrap();
            assert_eq!(decode(&s, &v), Some(f.clone()));
            let other = Settings::with_secret(vec![8; 32]);
            assert_eq!(decode(&other, &v), None);
            let (payload, sig) = v.split_once('.').unwrap();
            let forged = payload.replace("34", "35");
            assert_eq!(decode(&s, &format!("{forged}.{sig}")), None);
            assert_eq!(decode(&s, "zz.zz"), None);
        }

        #[test]
        fn one_time_codes_and_passwords_are_never_kept() {
            assert!(is_secret("/api/auth/verify_code", "code"));
            assert!(is_secret("/api/join/verify", "code"));
            assert!(is_secret("/api/auth/admin_sign_in", "password"));
            assert!(!is_secret("/api/earn/claim", "code"));
            assert!(!is_secret("/api/auth/request_code", "phone"));
        }
    }
}

/// A whole number typed into a form (spaces, thin and no-break spaces and `_` as digit groups),
/// within `min..=max`; otherwise `field` is invalid.
pub fn parse_whole(s: &str, field: Field, min: i64, max: i64) -> Result<i64, AppError> {
    let cleaned: String = s
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{202f}' | '\u{a0}' | '_'))
        .collect();
    cleaned
        .parse::<i64>()
        .ok()
        .filter(|v| (min..=max).contains(v))
        .ok_or(AppError::Invalid { field })
}

/// A reason an admin gives: 3–300 characters.
pub fn parse_reason(s: &str) -> Result<String, AppError> {
    let r = s.trim();
    let n = r.chars().count();
    if !(3..=300).contains(&n) {
        return Err(AppError::Invalid {
            field: Field::Reason,
        });
    }
    Ok(r.to_string())
}

/// A one-line success note after an action.
#[component]
pub fn Done<S>(action: ServerAction<S>, text: crate::i18n::T) -> impl IntoView
where
    S: leptos::server_fn::ServerFn<Error = crate::error::AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    let lang = crate::i18n::use_lang();
    move || {
        matches!(action.value().get(), Some(Ok(_))).then(|| {
            view! {
                <p class="note ok" role="status">
                    {text.text(lang)}
                </p>
            }
        })
    }
}
