//! The one error type of the API. Each variant has a stable machine code, an HTTP status and a
//! human message (translated in the UI). It crosses the wire as JSON:
//! `{"code":"wrong_code","status":401,"message":"That code is not right. Tries left: 3.","tries_left":3}`.

use crate::i18n::{Lang, T};
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "Wire", try_from = "Wire")]
pub enum AppError {
    PhoneEmpty,
    PhoneBadCharacters,
    PhoneWrongLength,
    UnknownPhone,
    CodeFormat,
    WrongCode {
        tries_left: u32,
    },
    CodeExpired,
    CodeLocked,
    RateLimited {
        retry_after_secs: u64,
    },
    InvalidEmail,
    BadCredentials,
    NotSignedIn,
    Forbidden,
    AccountBlocked,
    AccountPending,
    InvalidLanguage,
    SendFailed,
    Internal,
    /// The request never got a typed answer (no network, a proxy error page, a decoding failure).
    Transport {
        detail: String,
    },
}

impl AppError {
    pub fn code(&self) -> &'static str {
        match self {
            AppError::PhoneEmpty => "phone_empty",
            AppError::PhoneBadCharacters => "phone_bad_characters",
            AppError::PhoneWrongLength => "phone_wrong_length",
            AppError::UnknownPhone => "unknown_phone",
            AppError::CodeFormat => "code_format",
            AppError::WrongCode { .. } => "wrong_code",
            AppError::CodeExpired => "code_expired",
            AppError::CodeLocked => "code_locked",
            AppError::RateLimited { .. } => "rate_limited",
            AppError::InvalidEmail => "invalid_email",
            AppError::BadCredentials => "bad_credentials",
            AppError::NotSignedIn => "not_signed_in",
            AppError::Forbidden => "forbidden",
            AppError::AccountBlocked => "account_blocked",
            AppError::AccountPending => "account_pending",
            AppError::InvalidLanguage => "invalid_language",
            AppError::SendFailed => "send_failed",
            AppError::Internal => "internal",
            AppError::Transport { .. } => "transport",
        }
    }

    pub fn status(&self) -> u16 {
        match self {
            AppError::PhoneEmpty
            | AppError::PhoneBadCharacters
            | AppError::PhoneWrongLength
            | AppError::CodeFormat
            | AppError::InvalidEmail
            | AppError::InvalidLanguage => 422,
            AppError::UnknownPhone => 404,
            AppError::WrongCode { .. } | AppError::BadCredentials | AppError::NotSignedIn => 401,
            AppError::CodeExpired => 410,
            AppError::CodeLocked
            | AppError::Forbidden
            | AppError::AccountBlocked
            | AppError::AccountPending => 403,
            AppError::RateLimited { .. } => 429,
            AppError::SendFailed => 503,
            AppError::Internal | AppError::Transport { .. } => 500,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match self {
            AppError::PhoneEmpty => T::ErrPhoneEmpty.text(lang).into(),
            AppError::PhoneBadCharacters => T::ErrPhoneChars.text(lang).into(),
            AppError::PhoneWrongLength => T::ErrPhoneLength.text(lang).into(),
            AppError::UnknownPhone => T::ErrUnknownPhone.text(lang).into(),
            AppError::CodeFormat => T::ErrCodeFormat.text(lang).into(),
            AppError::WrongCode { tries_left } => {
                T::ErrCodeWrong.with(lang, &[("n", &tries_left.to_string())])
            }
            AppError::CodeExpired => T::ErrCodeExpired.text(lang).into(),
            AppError::CodeLocked => T::ErrCodeLocked.text(lang).into(),
            AppError::RateLimited { retry_after_secs } => {
                let time = if *retry_after_secs < 90 {
                    T::Seconds.with(lang, &[("n", &retry_after_secs.max(&1).to_string())])
                } else {
                    T::Minutes.with(lang, &[("n", &retry_after_secs.div_ceil(60).to_string())])
                };
                T::ErrRateLimited.with(lang, &[("time", &time)])
            }
            AppError::InvalidEmail => T::ErrEmail.text(lang).into(),
            AppError::BadCredentials => T::ErrBadCredentials.text(lang).into(),
            AppError::NotSignedIn => T::ErrNotSignedIn.text(lang).into(),
            AppError::Forbidden => T::ErrForbidden.text(lang).into(),
            AppError::AccountBlocked => T::ErrBlocked.text(lang).into(),
            AppError::AccountPending => T::ErrPending.text(lang).into(),
            AppError::InvalidLanguage => T::ErrLanguage.text(lang).into(),
            AppError::SendFailed => T::ErrSendFailed.text(lang).into(),
            AppError::Internal => T::ErrInternal.text(lang).into(),
            AppError::Transport { .. } => T::ErrNetwork.text(lang).into(),
        }
    }
}

impl From<crate::domain::PhoneError> for AppError {
    fn from(e: crate::domain::PhoneError) -> Self {
        use crate::domain::PhoneError;
        match e {
            PhoneError::Empty => AppError::PhoneEmpty,
            PhoneError::BadCharacters => AppError::PhoneBadCharacters,
            PhoneError::WrongLength => AppError::PhoneWrongLength,
        }
    }
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code(), self.message(Lang::En))
    }
}

impl std::error::Error for AppError {}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Transport {
            detail: value.to_string(),
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        tracing::error!(error = %e, "database error");
        AppError::Internal
    }
}

/// The JSON form of an error: flat, with the details a variant carries as optional fields.
#[derive(Serialize, Deserialize)]
struct Wire {
    code: String,
    status: u16,
    message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tries_left: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    retry_after_secs: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    detail: Option<String>,
}

impl From<AppError> for Wire {
    fn from(e: AppError) -> Wire {
        let (tries_left, retry_after_secs, detail) = match &e {
            AppError::WrongCode { tries_left } => (Some(*tries_left), None, None),
            AppError::RateLimited { retry_after_secs } => (None, Some(*retry_after_secs), None),
            AppError::Transport { detail } => (None, None, Some(detail.clone())),
            _ => (None, None, None),
        };
        Wire {
            code: e.code().into(),
            status: e.status(),
            message: e.message(Lang::En),
            tries_left,
            retry_after_secs,
            detail,
        }
    }
}

impl TryFrom<Wire> for AppError {
    type Error = String;

    fn try_from(w: Wire) -> Result<AppError, String> {
        Ok(match w.code.as_str() {
            "phone_empty" => AppError::PhoneEmpty,
            "phone_bad_characters" => AppError::PhoneBadCharacters,
            "phone_wrong_length" => AppError::PhoneWrongLength,
            "unknown_phone" => AppError::UnknownPhone,
            "code_format" => AppError::CodeFormat,
            "wrong_code" => AppError::WrongCode {
                tries_left: w.tries_left.unwrap_or(0),
            },
            "code_expired" => AppError::CodeExpired,
            "code_locked" => AppError::CodeLocked,
            "rate_limited" => AppError::RateLimited {
                retry_after_secs: w.retry_after_secs.unwrap_or(60),
            },
            "invalid_email" => AppError::InvalidEmail,
            "bad_credentials" => AppError::BadCredentials,
            "not_signed_in" => AppError::NotSignedIn,
            "forbidden" => AppError::Forbidden,
            "account_blocked" => AppError::AccountBlocked,
            "account_pending" => AppError::AccountPending,
            "invalid_language" => AppError::InvalidLanguage,
            "send_failed" => AppError::SendFailed,
            "internal" => AppError::Internal,
            "transport" => AppError::Transport {
                detail: w.detail.unwrap_or_default(),
            },
            other => return Err(format!("unknown error code {other}")),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_cross_the_wire_with_code_status_and_message() {
        let e = AppError::WrongCode { tries_left: 3 };
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["code"], "wrong_code");
        assert_eq!(json["status"], 401);
        assert_eq!(json["tries_left"], 3);
        assert_eq!(json["message"], "That code is not right. Tries left: 3.");
        assert_eq!(serde_json::from_value::<AppError>(json).unwrap(), e);
    }

    #[test]
    fn every_variant_round_trips_and_expected_failures_are_4xx() {
        let all = [
            AppError::PhoneEmpty,
            AppError::PhoneBadCharacters,
            AppError::PhoneWrongLength,
            AppError::UnknownPhone,
            AppError::CodeFormat,
            AppError::WrongCode { tries_left: 1 },
            AppError::CodeExpired,
            AppError::CodeLocked,
            AppError::RateLimited {
                retry_after_secs: 125,
            },
            AppError::InvalidEmail,
            AppError::BadCredentials,
            AppError::NotSignedIn,
            AppError::Forbidden,
            AppError::AccountBlocked,
            AppError::AccountPending,
            AppError::InvalidLanguage,
        ];
        for e in all {
            let back: AppError = serde_json::from_str(&serde_json::to_string(&e).unwrap()).unwrap();
            assert_eq!(back, e);
            assert!(
                (400..500).contains(&e.status()),
                "{e:?} should be a client error"
            );
        }
        assert_eq!(AppError::Internal.status(), 500);
    }

    #[test]
    fn rate_limit_messages_round_up_to_minutes() {
        let e = AppError::RateLimited {
            retry_after_secs: 125,
        };
        assert_eq!(
            e.message(Lang::En),
            "Too many attempts. Try again in 3 min."
        );
        assert_eq!(
            AppError::RateLimited {
                retry_after_secs: 30
            }
            .message(Lang::Ru),
            "Слишком много попыток. Повторите через 30 с."
        );
    }
}
