//! The one error type of the API. Each variant has a stable machine code, an HTTP status and a
//! human message (translated in the UI). It crosses the wire as JSON:
//! `{"code":"wrong_code","status":401,"message":"That code is not right. Tries left: 3.","tries_left":3}`.

use crate::i18n::Lang;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};
use wire::Wire;

mod field;
mod message;
mod wire;

pub use field::Field;
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
    // Claiming a unit code, in the order the server checks.
    UnitCodeEmpty,
    UnitCodeBadCharacter {
        character: char,
    },
    UnitCodeLength,
    /// The check character does not match: a typo, caught before any lookup.
    UnitCodeTypo,
    UnitCodeUnknown,
    UnitCodeNotActive,
    UnitCodeVoided,
    /// The caller claimed this code already (unix seconds when).
    ClaimedByYou {
        at: i64,
    },
    /// Someone else claimed it; who is never said.
    ClaimedByOther,
    ProductInactive,
    DailyCapReached {
        cap: i64,
    },
    // Admin and form input.
    Invalid {
        field: Field,
    },
    CsvInvalid {
        line: u32,
        field: Field,
    },
    NotFound,
    SkuTaken,
    NotClaimed,
    BalanceTooLow {
        balance: i64,
    },
    // The hobby shop.
    /// The reward costs more than the balance; `missing` points more are needed.
    NotEnoughPoints {
        missing: i64,
    },
    OutOfStock,
    /// The reward is for participants from tier `needed` up.
    TierTooLow {
        needed: crate::domain::Tier,
    },
    /// The reward was switched off or its dates ended after the page was opened.
    RewardWithdrawn,
    /// A physical good needs a delivery address.
    AddressNeeded,
    /// The order cannot go from `from` to `to` (for instance back from delivered).
    OrderCannotMove {
        order: i64,
        from: crate::domain::OrderStatus,
        to: crate::domain::OrderStatus,
    },
    /// An uploaded file is bigger than allowed (`max_kb`).
    UploadTooLarge {
        max_kb: i64,
    },
    /// An uploaded file is not a PNG, JPEG or WebP picture.
    NotAnImage,
    /// The request's arguments could not be read (missing or of the wrong type).
    BadRequest {
        detail: String,
    },
    /// The request never got a typed answer (no network, a proxy error page, a decoding failure).
    Transport {
        detail: String,
    },
    // Partner companies and joining.
    /// The caller's company is suspended: no earning, no shop, points kept.
    CompanySuspended,
    /// A leaver can be reinstated only while their points are still theirs.
    GraceOver,
    /// The person's request to join was declined and they were never a member of a company.
    NoCompany,
    /// The caller left their company: no earning; points can be spent until `until` (unix seconds).
    LeftCompany {
        until: i64,
    },
    /// The phone number belongs to someone in another company.
    PhoneTaken,
    InviteExpired,
    InviteRevoked,
    InviteUsedUp,
    JoinCodeUnknown,
    TaxIdTaken,
    /// The join request was approved or rejected already.
    AlreadyDecided,
    // Refused at the edge, before any server function reads the request.
    /// A field holds a control character (NUL and the like) where text is expected; `input` names
    /// the field as the form sent it.
    ControlCharacter {
        input: String,
    },
    /// The request's body is larger than any form of the app sends (`max_kb`).
    RequestTooLarge {
        max_kb: i64,
    },
    /// `/api/…` answers `POST` only.
    MethodNotAllowed,
    /// A state-changing request sent by another site's page (its `Origin` or `Referer`).
    CrossSite,
    // Receipt claims.
    /// The receipt is a refund (`refund`) or an expense, not a sale: it earns nothing.
    ReceiptNotASale {
        refund: bool,
    },
    /// This fiscal document or invoice was claimed already, on `at`, by the caller or by
    /// someone else (never who).
    ReceiptClaimed {
        at: i64,
        by_you: bool,
    },
    /// The purchase is older than the program's window of `days` days.
    ReceiptTooOld {
        days: i64,
    },
    /// The document's date is after today.
    ReceiptInFuture,
    /// The caller has made `max` receipt claims today (`monthly`: this month) already.
    ReceiptLimit {
        max: i64,
        monthly: bool,
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
            AppError::UnitCodeEmpty => "unit_code_empty",
            AppError::UnitCodeBadCharacter { .. } => "unit_code_bad_character",
            AppError::UnitCodeLength => "unit_code_length",
            AppError::UnitCodeTypo => "unit_code_typo",
            AppError::UnitCodeUnknown => "unit_code_unknown",
            AppError::UnitCodeNotActive => "unit_code_not_active",
            AppError::UnitCodeVoided => "unit_code_voided",
            AppError::ClaimedByYou { .. } => "claimed_by_you",
            AppError::ClaimedByOther => "claimed_by_other",
            AppError::ProductInactive => "product_inactive",
            AppError::DailyCapReached { .. } => "daily_cap_reached",
            AppError::Invalid { .. } => "invalid_input",
            AppError::CsvInvalid { .. } => "csv_invalid",
            AppError::NotFound => "not_found",
            AppError::SkuTaken => "sku_taken",
            AppError::NotClaimed => "code_not_claimed",
            AppError::BalanceTooLow { .. } => "balance_too_low",
            AppError::NotEnoughPoints { .. } => "not_enough_points",
            AppError::OutOfStock => "out_of_stock",
            AppError::TierTooLow { .. } => "tier_too_low",
            AppError::RewardWithdrawn => "reward_withdrawn",
            AppError::AddressNeeded => "address_needed",
            AppError::OrderCannotMove { .. } => "order_cannot_move",
            AppError::UploadTooLarge { .. } => "upload_too_large",
            AppError::NotAnImage => "not_an_image",
            AppError::BadRequest { .. } => "bad_request",
            AppError::Transport { .. } => "transport",
            AppError::CompanySuspended => "company_suspended",
            AppError::NoCompany => "no_company",
            AppError::ControlCharacter { .. } => "control_character",
            AppError::RequestTooLarge { .. } => "request_too_large",
            AppError::MethodNotAllowed => "method_not_allowed",
            AppError::CrossSite => "cross_site_request",
            AppError::GraceOver => "grace_over",
            AppError::LeftCompany { .. } => "left_company",
            AppError::PhoneTaken => "phone_taken",
            AppError::InviteExpired => "invite_expired",
            AppError::InviteRevoked => "invite_revoked",
            AppError::InviteUsedUp => "invite_used_up",
            AppError::JoinCodeUnknown => "join_code_unknown",
            AppError::TaxIdTaken => "tax_id_taken",
            AppError::AlreadyDecided => "already_decided",
            AppError::ReceiptNotASale { .. } => "receipt_not_a_sale",
            AppError::ReceiptClaimed { .. } => "receipt_claimed",
            AppError::ReceiptTooOld { .. } => "receipt_too_old",
            AppError::ReceiptInFuture => "receipt_in_future",
            AppError::ReceiptLimit { .. } => "receipt_limit",
        }
    }

    pub fn status(&self) -> u16 {
        match self {
            AppError::PhoneEmpty
            | AppError::PhoneBadCharacters
            | AppError::PhoneWrongLength
            | AppError::CodeFormat
            | AppError::InvalidEmail
            | AppError::InvalidLanguage
            | AppError::UnitCodeEmpty
            | AppError::UnitCodeBadCharacter { .. }
            | AppError::UnitCodeLength
            | AppError::UnitCodeTypo
            | AppError::Invalid { .. }
            | AppError::CsvInvalid { .. }
            | AppError::AddressNeeded => 422,
            AppError::NotEnoughPoints { .. }
            | AppError::OutOfStock
            | AppError::OrderCannotMove { .. } => 409,
            AppError::TierTooLow { .. } => 403,
            AppError::RewardWithdrawn => 410,
            AppError::UploadTooLarge { .. } => 413,
            AppError::NotAnImage => 415,
            AppError::UnknownPhone | AppError::UnitCodeUnknown | AppError::NotFound => 404,
            AppError::UnitCodeNotActive
            | AppError::ClaimedByYou { .. }
            | AppError::ClaimedByOther
            | AppError::ProductInactive
            | AppError::DailyCapReached { .. }
            | AppError::SkuTaken
            | AppError::NotClaimed
            | AppError::BalanceTooLow { .. } => 409,
            AppError::UnitCodeVoided => 410,
            AppError::BadRequest { .. } => 400,
            AppError::WrongCode { .. } | AppError::BadCredentials | AppError::NotSignedIn => 401,
            AppError::CodeExpired => 410,
            AppError::CodeLocked
            | AppError::Forbidden
            | AppError::AccountBlocked
            | AppError::AccountPending => 403,
            AppError::RateLimited { .. } => 429,
            AppError::SendFailed => 503,
            AppError::Internal | AppError::Transport { .. } => 500,
            AppError::CompanySuspended | AppError::LeftCompany { .. } | AppError::NoCompany => 403,
            AppError::ControlCharacter { .. } => 422,
            AppError::RequestTooLarge { .. } => 413,
            AppError::MethodNotAllowed => 405,
            AppError::CrossSite => 403,
            AppError::PhoneTaken
            | AppError::TaxIdTaken
            | AppError::AlreadyDecided
            | AppError::GraceOver => 409,
            AppError::InviteExpired | AppError::InviteRevoked | AppError::InviteUsedUp => 410,
            AppError::JoinCodeUnknown => 404,
            AppError::ReceiptNotASale { .. }
            | AppError::ReceiptTooOld { .. }
            | AppError::ReceiptInFuture => 422,
            AppError::ReceiptClaimed { .. } | AppError::ReceiptLimit { .. } => 409,
        }
    }
}

impl AppError {
    /// A field's error as it reads for one line of an uploaded CSV file.
    pub fn on_line(self, line: u32) -> AppError {
        match self {
            AppError::Invalid { field } => AppError::CsvInvalid { line, field },
            other => other,
        }
    }
}

impl From<crate::earn::code::CodeError> for AppError {
    fn from(e: crate::earn::code::CodeError) -> Self {
        use crate::earn::code::CodeError;
        match e {
            CodeError::Empty => AppError::UnitCodeEmpty,
            CodeError::BadCharacter(character) => AppError::UnitCodeBadCharacter { character },
            CodeError::WrongLength { .. } => AppError::UnitCodeLength,
            CodeError::Typo => AppError::UnitCodeTypo,
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
        match value {
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => AppError::BadRequest {
                detail: value.to_string(),
            },
            other => AppError::Transport {
                detail: other.to_string(),
            },
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

/// The one translation of an error into an HTTP answer outside the server functions (plain
/// handlers, the `/api` edge): its status, `Retry-After` when rate limited, and the JSON body
/// every client reads. Server functions get the same from the router's middleware.
#[cfg(feature = "ssr")]
impl axum::response::IntoResponse for AppError {
    fn into_response(self) -> axum::response::Response {
        use axum::http::{HeaderValue, StatusCode, header};
        let status =
            StatusCode::from_u16(self.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let retry = match &self {
            AppError::RateLimited { retry_after_secs } => {
                HeaderValue::from_str(&retry_after_secs.to_string()).ok()
            }
            _ => None,
        };
        let mut res = (status, axum::Json(self)).into_response();
        if let Some(v) = retry {
            res.headers_mut().insert(header::RETRY_AFTER, v);
        }
        res
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
            AppError::UnitCodeEmpty,
            AppError::UnitCodeBadCharacter { character: 'U' },
            AppError::UnitCodeLength,
            AppError::UnitCodeTypo,
            AppError::UnitCodeUnknown,
            AppError::UnitCodeNotActive,
            AppError::UnitCodeVoided,
            AppError::ClaimedByYou { at: 1_795_305_600 },
            AppError::ClaimedByOther,
            AppError::ProductInactive,
            AppError::DailyCapReached { cap: 5_000 },
            AppError::Invalid { field: Field::Gtin },
            AppError::CsvInvalid {
                line: 4,
                field: Field::BasePoints,
            },
            AppError::NotFound,
            AppError::SkuTaken,
            AppError::NotClaimed,
            AppError::BalanceTooLow { balance: 40 },
            AppError::NotEnoughPoints { missing: 250 },
            AppError::OutOfStock,
            AppError::TierTooLow {
                needed: crate::domain::Tier::Gold,
            },
            AppError::RewardWithdrawn,
            AppError::AddressNeeded,
            AppError::OrderCannotMove {
                order: 7,
                from: crate::domain::OrderStatus::Delivered,
                to: crate::domain::OrderStatus::Shipped,
            },
            AppError::UploadTooLarge { max_kb: 2048 },
            AppError::NotAnImage,
            AppError::Invalid {
                field: Field::Stock,
            },
            AppError::CompanySuspended,
            AppError::NoCompany,
            AppError::GraceOver,
            AppError::LeftCompany {
                until: 1_795_305_600,
            },
            AppError::PhoneTaken,
            AppError::InviteExpired,
            AppError::InviteRevoked,
            AppError::InviteUsedUp,
            AppError::JoinCodeUnknown,
            AppError::TaxIdTaken,
            AppError::AlreadyDecided,
            AppError::Invalid {
                field: Field::TaxId,
            },
            AppError::ControlCharacter {
                input: "code".into(),
            },
            AppError::RequestTooLarge { max_kb: 2048 },
            AppError::MethodNotAllowed,
            AppError::CrossSite,
            AppError::Invalid {
                field: Field::Search,
            },
            AppError::ReceiptNotASale { refund: true },
            AppError::ReceiptClaimed {
                at: 1_795_305_600,
                by_you: false,
            },
            AppError::ReceiptTooOld { days: 60 },
            AppError::ReceiptInFuture,
            AppError::ReceiptLimit {
                max: 5,
                monthly: false,
            },
            AppError::Invalid {
                field: Field::FiscalDrive,
            },
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
