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
            AppError::UnitCodeEmpty => T::ErrUnitEmpty.text(lang).into(),
            AppError::UnitCodeBadCharacter { character } => {
                T::ErrUnitChar.with(lang, &[("ch", &character.to_string())])
            }
            AppError::UnitCodeLength => T::ErrUnitLength.text(lang).into(),
            AppError::UnitCodeTypo => T::ErrUnitTypo.text(lang).into(),
            AppError::UnitCodeUnknown => T::ErrUnitUnknown.text(lang).into(),
            AppError::UnitCodeNotActive => T::ErrUnitNotActive.text(lang).into(),
            AppError::UnitCodeVoided => T::ErrUnitVoided.text(lang).into(),
            AppError::ClaimedByYou { at } => {
                T::ErrClaimedByYou.with(lang, &[("date", &crate::domain::iso_date(*at))])
            }
            AppError::ClaimedByOther => T::ErrClaimedByOther.text(lang).into(),
            AppError::ProductInactive => T::ErrProductInactive.text(lang).into(),
            AppError::DailyCapReached { cap } => {
                T::ErrDailyCap.with(lang, &[("cap", &crate::i18n::points(lang, *cap))])
            }
            AppError::Invalid { field } => field.hint().text(lang).into(),
            AppError::CsvInvalid { line, field } => T::ErrCsvLine.with(
                lang,
                &[
                    ("n", &line.to_string()),
                    ("reason", field.hint().text(lang)),
                ],
            ),
            AppError::NotFound => T::ErrNotFound.text(lang).into(),
            AppError::SkuTaken => T::ErrSkuTaken.text(lang).into(),
            AppError::NotClaimed => T::ErrNotClaimed.text(lang).into(),
            AppError::BalanceTooLow { balance } => {
                T::ErrBalanceTooLow.with(lang, &[("points", &crate::i18n::points(lang, *balance))])
            }
            AppError::NotEnoughPoints { missing } => T::ErrNotEnoughPoints
                .with(lang, &[("points", &crate::i18n::points(lang, *missing))]),
            AppError::OutOfStock => T::ErrOutOfStock.text(lang).into(),
            AppError::TierTooLow { needed } => {
                T::ErrTierTooLow.with(lang, &[("tier", needed.label().text(lang))])
            }
            AppError::RewardWithdrawn => T::ErrRewardWithdrawn.text(lang).into(),
            AppError::AddressNeeded => T::ErrAddressNeeded.text(lang).into(),
            AppError::OrderCannotMove { order, from, to } => T::ErrOrderCannotMove.with(
                lang,
                &[
                    ("n", &order.to_string()),
                    ("from", from.label().text(lang)),
                    ("to", to.label().text(lang)),
                ],
            ),
            AppError::UploadTooLarge { max_kb } => {
                T::ErrUploadTooLarge.with(lang, &[("n", &(max_kb / 1024).max(1).to_string())])
            }
            AppError::NotAnImage => T::ErrNotAnImage.text(lang).into(),
            AppError::BadRequest { .. } => T::ErrBadRequest.text(lang).into(),
            AppError::Transport { .. } => T::ErrNetwork.text(lang).into(),
            AppError::CompanySuspended => T::ErrCompanySuspended.text(lang).into(),
            AppError::NoCompany => T::ErrNoCompany.text(lang).into(),
            AppError::ControlCharacter { input } => {
                T::ErrControlCharacter.with(lang, &[("field", input)])
            }
            AppError::RequestTooLarge { max_kb } => {
                T::ErrRequestTooLarge.with(lang, &[("n", &crate::i18n::grouped(*max_kb))])
            }
            AppError::MethodNotAllowed => T::ErrMethodNotAllowed.text(lang).into(),
            AppError::CrossSite => T::ErrCrossSite.text(lang).into(),
            AppError::GraceOver => T::ErrGraceOver.text(lang).into(),
            AppError::LeftCompany { until } => {
                T::ErrLeftCompany.with(lang, &[("date", &crate::domain::iso_date(*until))])
            }
            AppError::PhoneTaken => T::ErrPhoneTaken.text(lang).into(),
            AppError::InviteExpired => T::ErrInviteExpired.text(lang).into(),
            AppError::InviteRevoked => T::ErrInviteRevoked.text(lang).into(),
            AppError::InviteUsedUp => T::ErrInviteUsedUp.text(lang).into(),
            AppError::JoinCodeUnknown => T::ErrJoinCodeUnknown.text(lang).into(),
            AppError::TaxIdTaken => T::ErrTaxIdTaken.text(lang).into(),
            AppError::AlreadyDecided => T::ErrAlreadyDecided.text(lang).into(),
        }
    }
}

/// Which input was wrong, so the message can say what is expected of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Sku,
    Name,
    Gtin,
    Category,
    CategoryCode,
    BasePoints,
    Price,
    Rate,
    ImageUrl,
    Product,
    Count,
    Factor,
    Dates,
    Value,
    Budget,
    Region,
    Company,
    Reason,
    Points,
    Participant,
    Csv,
    Kind,
    Tip,
    Note,
    Title,
    Description,
    Stock,
    Tier,
    Icon,
    Position,
    Voucher,
    Key,
    Recipient,
    Phone,
    AddressLine,
    City,
    Postcode,
    Status,
    Orders,
    Tracking,
    Certificate,
    TaxId,
    Contact,
    JoinCode,
    Days,
    Uses,
    Period,
    PersonName,
    /// The "yes, I mean it" box of an action that is hard to take back.
    Confirm,
    PersonnelNo,
    /// Words to look for (a search box).
    Search,
    /// The codes of one batch claim (the offline queue's).
    Codes,
    /// One of the caller's saved delivery addresses.
    SavedAddress,
}

impl Field {
    pub fn hint(self) -> T {
        match self {
            Field::Sku => T::HintSku,
            Field::Name => T::HintName,
            Field::Gtin => T::HintGtin,
            Field::Category => T::HintCategory,
            Field::CategoryCode => T::HintCategoryCode,
            Field::BasePoints => T::HintBasePoints,
            Field::Price => T::HintPrice,
            Field::Rate => T::HintRate,
            Field::ImageUrl => T::HintImageUrl,
            Field::Product => T::HintProduct,
            Field::Count => T::HintCount,
            Field::Factor => T::HintFactor,
            Field::Dates => T::HintDates,
            Field::Value => T::HintValue,
            Field::Budget => T::HintBudget,
            Field::Region => T::HintRegion,
            Field::Company => T::HintCompany,
            Field::Reason => T::HintReason,
            Field::Points => T::HintPoints,
            Field::Participant => T::HintParticipant,
            Field::Csv => T::HintCsv,
            Field::Kind => T::HintKind,
            Field::Tip => T::HintTip,
            Field::Note => T::HintNote,
            Field::Title => T::HintTitle,
            Field::Description => T::HintDescription,
            Field::Stock => T::HintStock,
            Field::Tier => T::HintTier,
            Field::Icon => T::HintIcon,
            Field::Position => T::HintPosition,
            Field::Voucher => T::HintVoucher,
            Field::Key => T::HintKey,
            Field::Recipient => T::HintRecipient,
            Field::Phone => T::ErrPhoneLength,
            Field::AddressLine => T::HintAddressLine,
            Field::City => T::HintCity,
            Field::Postcode => T::HintPostcode,
            Field::Status => T::HintStatus,
            Field::Orders => T::HintOrders,
            Field::Tracking => T::HintTracking,
            Field::Certificate => T::HintCertificate,
            Field::TaxId => T::HintTaxId,
            Field::Contact => T::HintContact,
            Field::JoinCode => T::HintJoinCode,
            Field::Days => T::HintDays,
            Field::Uses => T::HintUses,
            Field::Period => T::HintPeriod,
            Field::PersonName => T::HintPersonName,
            Field::Confirm => T::HintConfirm,
            Field::PersonnelNo => T::HintPersonnelNo,
            Field::Search => T::HintSearch,
            Field::Codes => T::HintCodes,
            Field::SavedAddress => T::HintSavedAddress,
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

/// The JSON form of an error: flat, with the details a variant carries as optional fields.
#[derive(Serialize, Deserialize)]
struct Wire {
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
