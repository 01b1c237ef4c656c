//! Which input was wrong, and what is expected of it.

use crate::i18n::T;
use serde::{Deserialize, Serialize};

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
    /// A receipt's QR text as a whole (a key given twice, a broken escape).
    ReceiptQr,
    /// A receipt's or invoice's date (`t` in a QR).
    ReceiptDate,
    /// A receipt's or invoice's total (`s` in a QR).
    ReceiptTotal,
    /// The fiscal drive's number (`fn`).
    FiscalDrive,
    /// The fiscal document's number (`i`).
    FiscalDocument,
    /// The fiscal sign (`fp`).
    FiscalSign,
    /// The receipt's kind (`n`).
    ReceiptKind,
    /// An invoice's or receipt's number.
    DocumentNo,
    /// Where it was bought.
    Shop,
    /// What was bought: the lines of a receipt claim.
    Lines,
    /// How many of a product.
    Quantity,
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
            Field::ReceiptQr => T::HintReceiptQr,
            Field::ReceiptDate => T::HintReceiptDate,
            Field::ReceiptTotal => T::HintReceiptTotal,
            Field::FiscalDrive => T::HintFiscalDrive,
            Field::FiscalDocument => T::HintFiscalDocument,
            Field::FiscalSign => T::HintFiscalSign,
            Field::ReceiptKind => T::HintReceiptKind,
            Field::DocumentNo => T::HintDocumentNo,
            Field::Shop => T::HintShop,
            Field::Lines => T::HintLines,
            Field::Quantity => T::HintQuantity,
        }
    }
}
