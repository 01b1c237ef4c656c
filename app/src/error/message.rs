//! What an error says to the person who made the request, in their language.

use super::AppError;
use crate::i18n::{Lang, T};

impl AppError {
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
                T::ErrClaimedByYou.with(lang, &[("date", &crate::format::date(lang, *at))])
            }
            AppError::ClaimedByOther => T::ErrClaimedByOther.text(lang).into(),
            AppError::ProductInactive => T::ErrProductInactive.text(lang).into(),
            AppError::DailyCapReached { cap } => {
                T::ErrDailyCap.with(lang, &[("cap", &crate::format::points(lang, *cap))])
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
            AppError::BalanceTooLow { balance } => T::ErrBalanceTooLow
                .with(lang, &[("points", &crate::format::points(lang, *balance))]),
            AppError::NotEnoughPoints { missing } => T::ErrNotEnoughPoints
                .with(lang, &[("points", &crate::format::points(lang, *missing))]),
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
                T::ErrRequestTooLarge.with(lang, &[("n", &crate::format::number(lang, *max_kb))])
            }
            AppError::MethodNotAllowed => T::ErrMethodNotAllowed.text(lang).into(),
            AppError::CrossSite => T::ErrCrossSite.text(lang).into(),
            AppError::GraceOver => T::ErrGraceOver.text(lang).into(),
            AppError::LeftCompany { until } => {
                T::ErrLeftCompany.with(lang, &[("date", &crate::format::date(lang, *until))])
            }
            AppError::PhoneTaken => T::ErrPhoneTaken.text(lang).into(),
            AppError::InviteExpired => T::ErrInviteExpired.text(lang).into(),
            AppError::InviteRevoked => T::ErrInviteRevoked.text(lang).into(),
            AppError::InviteUsedUp => T::ErrInviteUsedUp.text(lang).into(),
            AppError::JoinCodeUnknown => T::ErrJoinCodeUnknown.text(lang).into(),
            AppError::TaxIdTaken => T::ErrTaxIdTaken.text(lang).into(),
            AppError::AlreadyDecided => T::ErrAlreadyDecided.text(lang).into(),
            AppError::ReceiptNotASale { refund: true } => T::ErrReceiptRefund.text(lang).into(),
            AppError::ReceiptNotASale { refund: false } => T::ErrReceiptNotASale.text(lang).into(),
            AppError::ReceiptClaimed { at, by_you } => {
                let key = if *by_you {
                    T::ErrReceiptClaimedByYou
                } else {
                    T::ErrReceiptClaimedByOther
                };
                key.with(lang, &[("date", &crate::format::date(lang, *at))])
            }
            AppError::ReceiptTooOld { days } => T::ErrReceiptTooOld.with(
                lang,
                &[(
                    "days",
                    &crate::format::count(lang, crate::i18n::N::Days, *days),
                )],
            ),
            AppError::ReceiptInFuture => T::ErrReceiptInFuture.text(lang).into(),
            AppError::ReceiptLimit { max, monthly } => {
                let key = if *monthly {
                    T::ErrReceiptLimitMonth
                } else {
                    T::ErrReceiptLimitDay
                };
                key.with(lang, &[("n", &crate::format::number(lang, *max))])
            }
        }
    }
}
