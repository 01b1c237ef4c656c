//! The JSON form of an error every client reads: `{"code": …, "status": …, "message": …}` with
//! the details a variant carries as optional fields.

use super::{AppError, Field};
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// The JSON form of an error: flat, with the details a variant carries as optional fields.
#[derive(Serialize, Deserialize)]
pub(super) struct Wire {
    code: String,
    status: u16,
    message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tries_left: Option<u32>,
    /// The field of a request, as the form named it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    input: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    retry_after_secs: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    detail: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    character: Option<char>,
    /// Unix seconds (when the caller claimed a code).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    at: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cap: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    field: Option<Field>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    line: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    balance: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    missing: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tier: Option<crate::domain::Tier>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    order: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    from: Option<crate::domain::OrderStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    to: Option<crate::domain::OrderStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    max_kb: Option<i64>,
    /// Unix seconds: until when a leaver's points can be spent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    until: Option<i64>,
    /// A receipt that is a refund (not an expense).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    refund: Option<bool>,
    /// A receipt claimed before by the caller (not by someone else).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    by_you: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    days: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    max: Option<i64>,
    /// A limit per month (not per day).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    monthly: Option<bool>,
}

impl From<AppError> for Wire {
    fn from(e: AppError) -> Wire {
        let mut w = Wire {
            code: e.code().into(),
            status: e.status(),
            message: e.message(Lang::En),
            tries_left: None,
            input: None,
            retry_after_secs: None,
            detail: None,
            character: None,
            at: None,
            cap: None,
            field: None,
            line: None,
            balance: None,
            missing: None,
            tier: None,
            order: None,
            from: None,
            to: None,
            max_kb: None,
            until: None,
            refund: None,
            by_you: None,
            days: None,
            max: None,
            monthly: None,
        };
        match e {
            AppError::WrongCode { tries_left } => w.tries_left = Some(tries_left),
            AppError::RateLimited { retry_after_secs } => {
                w.retry_after_secs = Some(retry_after_secs)
            }
            AppError::Transport { detail } | AppError::BadRequest { detail } => {
                w.detail = Some(detail)
            }
            AppError::UnitCodeBadCharacter { character } => w.character = Some(character),
            AppError::ClaimedByYou { at } => w.at = Some(at),
            AppError::DailyCapReached { cap } => w.cap = Some(cap),
            AppError::Invalid { field } => w.field = Some(field),
            AppError::CsvInvalid { line, field } => {
                w.line = Some(line);
                w.field = Some(field);
            }
            AppError::BalanceTooLow { balance } => w.balance = Some(balance),
            AppError::NotEnoughPoints { missing } => w.missing = Some(missing),
            AppError::TierTooLow { needed } => w.tier = Some(needed),
            AppError::OrderCannotMove { order, from, to } => {
                w.order = Some(order);
                w.from = Some(from);
                w.to = Some(to);
            }
            AppError::UploadTooLarge { max_kb } | AppError::RequestTooLarge { max_kb } => {
                w.max_kb = Some(max_kb)
            }
            AppError::ControlCharacter { input } => w.input = Some(input),
            AppError::LeftCompany { until } => w.until = Some(until),
            AppError::ReceiptNotASale { refund } => w.refund = Some(refund),
            AppError::ReceiptClaimed { at, by_you } => {
                w.at = Some(at);
                w.by_you = Some(by_you);
            }
            AppError::ReceiptTooOld { days } => w.days = Some(days),
            AppError::ReceiptLimit { max, monthly } => {
                w.max = Some(max);
                w.monthly = Some(monthly);
            }
            _ => {}
        }
        w
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
            "unit_code_empty" => AppError::UnitCodeEmpty,
            "unit_code_bad_character" => AppError::UnitCodeBadCharacter {
                character: w.character.unwrap_or('?'),
            },
            "unit_code_length" => AppError::UnitCodeLength,
            "unit_code_typo" => AppError::UnitCodeTypo,
            "unit_code_unknown" => AppError::UnitCodeUnknown,
            "unit_code_not_active" => AppError::UnitCodeNotActive,
            "unit_code_voided" => AppError::UnitCodeVoided,
            "claimed_by_you" => AppError::ClaimedByYou {
                at: w.at.unwrap_or(0),
            },
            "claimed_by_other" => AppError::ClaimedByOther,
            "product_inactive" => AppError::ProductInactive,
            "daily_cap_reached" => AppError::DailyCapReached {
                cap: w.cap.unwrap_or(0),
            },
            "invalid_input" => AppError::Invalid {
                field: w.field.ok_or("invalid_input without a field")?,
            },
            "csv_invalid" => AppError::CsvInvalid {
                line: w.line.unwrap_or(0),
                field: w.field.ok_or("csv_invalid without a field")?,
            },
            "not_found" => AppError::NotFound,
            "sku_taken" => AppError::SkuTaken,
            "code_not_claimed" => AppError::NotClaimed,
            "balance_too_low" => AppError::BalanceTooLow {
                balance: w.balance.unwrap_or(0),
            },
            "not_enough_points" => AppError::NotEnoughPoints {
                missing: w.missing.unwrap_or(0),
            },
            "out_of_stock" => AppError::OutOfStock,
            "tier_too_low" => AppError::TierTooLow {
                needed: w.tier.ok_or("tier_too_low without a tier")?,
            },
            "reward_withdrawn" => AppError::RewardWithdrawn,
            "address_needed" => AppError::AddressNeeded,
            "order_cannot_move" => AppError::OrderCannotMove {
                order: w.order.unwrap_or(0),
                from: w.from.ok_or("order_cannot_move without from")?,
                to: w.to.ok_or("order_cannot_move without to")?,
            },
            "upload_too_large" => AppError::UploadTooLarge {
                max_kb: w.max_kb.unwrap_or(0),
            },
            "not_an_image" => AppError::NotAnImage,
            "bad_request" => AppError::BadRequest {
                detail: w.detail.clone().unwrap_or_default(),
            },
            "transport" => AppError::Transport {
                detail: w.detail.unwrap_or_default(),
            },
            "company_suspended" => AppError::CompanySuspended,
            "no_company" => AppError::NoCompany,
            "grace_over" => AppError::GraceOver,
            "left_company" => AppError::LeftCompany {
                until: w.until.unwrap_or(0),
            },
            "phone_taken" => AppError::PhoneTaken,
            "invite_expired" => AppError::InviteExpired,
            "invite_revoked" => AppError::InviteRevoked,
            "invite_used_up" => AppError::InviteUsedUp,
            "join_code_unknown" => AppError::JoinCodeUnknown,
            "tax_id_taken" => AppError::TaxIdTaken,
            "already_decided" => AppError::AlreadyDecided,
            "control_character" => AppError::ControlCharacter {
                input: w.input.unwrap_or_default(),
            },
            "request_too_large" => AppError::RequestTooLarge {
                max_kb: w.max_kb.unwrap_or(0),
            },
            "method_not_allowed" => AppError::MethodNotAllowed,
            "cross_site_request" => AppError::CrossSite,
            "receipt_not_a_sale" => AppError::ReceiptNotASale {
                refund: w.refund.unwrap_or(true),
            },
            "receipt_claimed" => AppError::ReceiptClaimed {
                at: w.at.unwrap_or(0),
                by_you: w.by_you.unwrap_or(false),
            },
            "receipt_too_old" => AppError::ReceiptTooOld {
                days: w.days.unwrap_or(0),
            },
            "receipt_in_future" => AppError::ReceiptInFuture,
            "receipt_limit" => AppError::ReceiptLimit {
                max: w.max.unwrap_or(0),
                monthly: w.monthly.unwrap_or(false),
            },
            other => return Err(format!("unknown error code {other}")),
        })
    }
}
