//! Untrusted input parsed once, at the edge, into types the rest of the code can rely on.
//! Compiled for both the browser (instant feedback) and the server (the decision).

use serde::{Deserialize, Serialize};
use std::fmt;

/// A phone number in E.164 form (`+79001234567`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Phone(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PhoneError {
    Empty,
    BadCharacters,
    WrongLength,
}

/// The program's country: how a number typed without its country code is read. One per program
/// (`WORKWELL_COUNTRY`, default `RU`); the markets the program runs in are listed here.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Country {
    #[default]
    Russia,
    France,
    Turkey,
    Romania,
    UnitedKingdom,
}

impl Country {
    pub const ALL: [Country; 5] = [
        Country::Russia,
        Country::France,
        Country::Turkey,
        Country::Romania,
        Country::UnitedKingdom,
    ];

    /// The ISO 3166 code: `RU`, `FR`, `TR`, `RO`, `GB`.
    pub fn as_str(self) -> &'static str {
        match self {
            Country::Russia => "RU",
            Country::France => "FR",
            Country::Turkey => "TR",
            Country::Romania => "RO",
            Country::UnitedKingdom => "GB",
        }
    }

    pub fn parse(code: &str) -> Option<Country> {
        let code = code.trim();
        Country::ALL
            .into_iter()
            .find(|c| c.as_str().eq_ignore_ascii_case(code))
    }

    /// (calling code, digits of a national number after the trunk prefix, trunk prefix).
    /// Russia dials `8 900 …` at home, the others `0 6 …`.
    fn numbering(self) -> (&'static str, usize, char) {
        match self {
            Country::Russia => ("7", 10, '8'),
            Country::France => ("33", 9, '0'),
            Country::Turkey => ("90", 10, '0'),
            Country::Romania => ("40", 9, '0'),
            Country::UnitedKingdom => ("44", 10, '0'),
        }
    }
}

impl Phone {
    /// A number in international form, with or without the `+` (`+7 900 123-45-67`,
    /// `79001234567`): what the database holds and what tests write. What people type goes
    /// through [`Phone::parse_in`].
    pub fn parse(input: &str) -> Result<Phone, PhoneError> {
        Phone::read(input, None)
    }

    /// Accepts what people type in the program's country: spaces, dashes, dots and brackets are
    /// ignored; a number with its country code (`+7 900…`, `00 7 900…`), dialled at home with the
    /// trunk prefix (`8 900 123 45 67` in Russia, `06 12 34 56 78` in France) or only the national
    /// digits (`900 000 00 04`) all mean the same `+79000000004`.
    pub fn parse_in(input: &str, country: Country) -> Result<Phone, PhoneError> {
        Phone::read(input, Some(country))
    }

    fn read(input: &str, country: Option<Country>) -> Result<Phone, PhoneError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(PhoneError::Empty);
        }
        let mut digits = String::with_capacity(16);
        for (i, c) in trimmed.chars().enumerate() {
            match c {
                '0'..='9' => digits.push(c),
                '+' if i == 0 => {}
                ' ' | '-' | '(' | ')' | '.' | '\u{a0}' => {}
                _ => return Err(PhoneError::BadCharacters),
            }
        }
        if !trimmed.starts_with('+') {
            if let Some(rest) = digits.strip_prefix("00") {
                digits = rest.to_string();
            } else if let Some(country) = country {
                let (calling, national, trunk) = country.numbering();
                if digits.len() == national + 1 && digits.starts_with(trunk) {
                    digits = format!("{calling}{}", &digits[1..]);
                } else if digits.len() == national && !digits.starts_with(trunk) {
                    digits = format!("{calling}{digits}");
                }
            }
        }
        if !(10..=15).contains(&digits.len()) || digits.starts_with('0') {
            return Err(PhoneError::WrongLength);
        }
        Ok(Phone(format!("+{digits}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `+7 *** *** 45 67`: for places where a number is shown to someone other than its owner.
    pub fn masked(&self) -> String {
        let digits = &self.0[1..];
        let tail = &digits[digits.len() - 4..];
        format!(
            "+{} *** *** {} {}",
            &digits[..digits.len() - 10],
            &tail[..2],
            &tail[2..]
        )
    }
}

impl fmt::Display for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The six-digit one-time sign-in code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OtpCode(String);

impl OtpCode {
    pub const LEN: usize = 6;

    pub fn parse(input: &str) -> Option<OtpCode> {
        let code: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        (code.len() == Self::LEN && code.bytes().all(|b| b.is_ascii_digit()))
            .then_some(OtpCode(code))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An admin's e-mail address, lower-cased. Deliberately loose: it only has to be a sign-in name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    pub fn parse(input: &str) -> Option<Email> {
        let e = input.trim().to_lowercase();
        let (local, domain) = e.split_once('@')?;
        let ok = !local.is_empty()
            && domain.contains('.')
            && !domain.contains('@')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && e.len() <= 254
            && !e.chars().any(|c| c.is_whitespace() || c.is_control());
        ok.then_some(Email(e))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Declares an enum that is stored in the database (and sent in forms) as text, once: each
/// variant with its text and, where people see it, its translated label (`=> Key`, a key of
/// [`crate::i18n::T`]). Gives `ALL` (in declaration order), `as_str`, `parse` (which trims and is
/// exact otherwise), `label` when labelled, and on the server the database encoding (as its text,
/// through sqlx's `Any`), so a row struct can hold the enum itself. Adding a value is one line here;
/// the compiler then finds every `match` that must say what it means.
macro_rules! stored_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal => $label:ident,)+ }) => {
        stored_enum! { $(#[$meta])* pub enum $name { $($(#[$vmeta])* $variant = $text,)+ } }

        impl $name {
            /// What people read for this value.
            pub fn label(self) -> crate::i18n::T {
                match self {
                    $($name::$variant => crate::i18n::T::$label,)+
                }
            }
        }
    };
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)+ }) => {
        $(#[$meta])*
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            pub const ALL: [$name; [$($text),+].len()] = [$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }

            pub fn parse(s: &str) -> Option<$name> {
                match s.trim() {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        #[cfg(feature = "ssr")]
        impl sqlx::Type<sqlx::Any> for $name {
            fn type_info() -> sqlx::any::AnyTypeInfo {
                <String as sqlx::Type<sqlx::Any>>::type_info()
            }
        }

        #[cfg(feature = "ssr")]
        impl<'r> sqlx::Decode<'r, sqlx::Any> for $name {
            fn decode(value: sqlx::any::AnyValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
                let text = <String as sqlx::Decode<'r, sqlx::Any>>::decode(value)?;
                $name::parse(&text).ok_or_else(|| {
                    format!(concat!("unknown ", stringify!($name), " {:?} in the database"), text).into()
                })
            }
        }

        #[cfg(feature = "ssr")]
        impl<'q> sqlx::Encode<'q, sqlx::Any> for $name {
            fn encode_by_ref(
                &self,
                buf: &mut <sqlx::Any as sqlx::Database>::ArgumentBuffer<'q>,
            ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
                <&'q str as sqlx::Encode<'q, sqlx::Any>>::encode(self.as_str(), buf)
            }
        }
    };
}

stored_enum! {
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub enum Role {
        Participant = "participant",
        PartnerManager = "partner_manager",
        Admin = "admin",
    }
}

impl Role {
    /// What a person is, as their profile says it: their role, or for a participant what they do.
    pub fn label_for(self, kind: Option<ParticipantKind>) -> crate::i18n::T {
        use crate::i18n::T;
        match (self, kind) {
            (Role::Admin, _) => T::RoleAdmin,
            (Role::PartnerManager, _) => T::RolePartnerManager,
            (Role::Participant, Some(k)) => k.label(),
            (Role::Participant, None) => T::RoleSeller,
        }
    }

    /// Roles that use the participant app (a partner manager can earn too).
    pub fn uses_participant_app(self) -> bool {
        matches!(self, Role::Participant | Role::PartnerManager)
    }
}

stored_enum! {
    /// What a participant does in the field; earning rules and messages differ by it.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub enum ParticipantKind {
        Seller = "seller" => RoleSeller,
        Foreman = "foreman" => RoleForeman,
        Engineer = "engineer" => RoleEngineer,
    }
}

impl ParticipantKind {
    /// The kind as a word inside a line or a table cell ("seller"), where [`Self::label`] is the
    /// title-case name ("Seller").
    pub fn word(self) -> crate::i18n::T {
        use crate::i18n::T;
        match self {
            ParticipantKind::Seller => T::KindSeller,
            ParticipantKind::Foreman => T::KindForeman,
            ParticipantKind::Engineer => T::KindEngineer,
        }
    }
}

/// A number of bonus points. Always an integer; the ledger never uses floats.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Points(pub i64);

impl fmt::Display for Points {
    /// The number alone, grouped ([`crate::i18n::grouped`]); with its word, [`crate::i18n::points`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::i18n::grouped(self.0))
    }
}

stored_enum! {
    /// A level earned by points accrued over the last twelve months.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Tier {
        Base = "base" => TierBase,
        Silver = "silver" => TierSilver,
        Gold = "gold" => TierGold,
    }
}

impl Tier {
    pub const SILVER_FROM: i64 = 1_000;
    pub const GOLD_FROM: i64 = 5_000;

    pub fn for_points_earned(points_last_year: i64) -> Tier {
        if points_last_year >= Self::GOLD_FROM {
            Tier::Gold
        } else if points_last_year >= Self::SILVER_FROM {
            Tier::Silver
        } else {
            Tier::Base
        }
    }

    /// Points still to earn to reach the next tier, if there is one.
    pub fn to_next(points_last_year: i64) -> Option<(Tier, i64)> {
        match Tier::for_points_earned(points_last_year) {
            Tier::Base => Some((Tier::Silver, Self::SILVER_FROM - points_last_year)),
            Tier::Silver => Some((Tier::Gold, Self::GOLD_FROM - points_last_year)),
            Tier::Gold => None,
        }
    }
}

stored_enum! {
    /// What a reward is, which decides what happens after it is ordered.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum RewardKind {
        /// A code from a pool uploaded by the admin, handed over at once.
        Voucher = "voucher" => RewardVoucher,
        /// A subscription or service; an admin enters the certificate number.
        Certificate = "certificate" => RewardCertificate,
        /// A thing sent to a delivery address.
        Physical = "physical" => RewardPhysical,
        /// Points turned into a donation in the participant's name.
        Charity = "charity" => RewardCharity,
        /// Points turned into a credit note for the participant's partner company.
        CompanyCredit = "company_credit" => RewardCompanyCredit,
    }
}

impl RewardKind {
    /// What happens after ordering a reward of this kind, when the admin wrote nothing specific.
    pub fn after_order(self) -> crate::i18n::T {
        use crate::i18n::T;
        match self {
            RewardKind::Voucher => T::AfterVoucher,
            RewardKind::Certificate => T::AfterCertificate,
            RewardKind::Physical => T::AfterPhysical,
            RewardKind::Charity => T::AfterCharity,
            RewardKind::CompanyCredit => T::AfterCompanyCredit,
        }
    }

    /// Where a new order of this kind stands once placed: a voucher is handed over at once
    /// (ready to use, and still cancellable if it does not work), a donation is made at once;
    /// everything else waits for an admin.
    pub fn status_on_order(self) -> OrderStatus {
        match self {
            RewardKind::Voucher => OrderStatus::Ready,
            RewardKind::Charity => OrderStatus::Delivered,
            _ => OrderStatus::Placed,
        }
    }
}

stored_enum! {
    /// Where an order is. `placed → processing → shipped | ready → delivered`, or `cancelled` from any
    /// state before `delivered`.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum OrderStatus {
        Placed = "placed" => OrderPlaced,
        Processing = "processing" => OrderProcessing,
        Shipped = "shipped" => OrderShipped,
        Ready = "ready" => OrderReady,
        Delivered = "delivered" => OrderDelivered,
        Cancelled = "cancelled" => OrderCancelled,
    }
}

impl OrderStatus {
    /// Whether an order may move from `self` to `to` (cancelling has its own path, with a refund).
    pub fn can_move_to(self, to: OrderStatus) -> bool {
        use OrderStatus::*;
        matches!(
            (self, to),
            (Placed, Processing)
                | (Placed | Processing, Shipped | Ready)
                | (Placed | Processing | Shipped | Ready, Delivered)
        )
    }

    pub fn can_cancel(self) -> bool {
        !matches!(self, OrderStatus::Delivered | OrderStatus::Cancelled)
    }
}

stored_enum! {
    /// Kinds of ledger entries (see the glossary in the product brief).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub enum EntryKind {
        Accrual = "accrual" => KindAccrual,
        Pending = "pending" => KindPending,
        Redemption = "redemption" => KindRedemption,
        Reversal = "reversal" => KindReversal,
        Adjustment = "adjustment" => KindAdjustment,
        Expiry = "expiry" => KindExpiry,
    }
}

/// Untrusted text made safe to store and to show: at most `max_chars` characters, each control
/// character (NUL, which PostgreSQL's text refuses, ESC, …) replaced by U+FFFD. For what is kept
/// as it was sent — refused codes for fraud review, a field's name in an error.
pub fn printable(text: &str, max_chars: usize) -> String {
    text.chars()
        .take(max_chars)
        .map(|c| {
            if c.is_control() {
                char::REPLACEMENT_CHARACTER
            } else {
                c
            }
        })
        .collect()
}

/// Words typed into a search box that becomes a SQL `LIKE`: at most [`Search::MAX`] characters
/// (a longer pattern is refused, not sent to the database to fail there), matched literally —
/// `%` and `_` are themselves, not wildcards.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Search(String);

impl Search {
    pub const MAX: usize = 200;

    /// Trimmed and lower-cased; `None` when longer than [`Search::MAX`] or holding a control
    /// character (a search box sends neither).
    pub fn parse(input: &str) -> Option<Search> {
        let s = input.trim();
        (s.chars().count() <= Self::MAX && !s.contains(char::is_control))
            .then(|| Search(s.to_lowercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `%words%` for `LIKE $n ESCAPE '\'`, with `\`, `%` and `_` escaped.
    pub fn contains_pattern(&self) -> String {
        let mut out = String::with_capacity(self.0.len() + 2);
        out.push('%');
        for c in self.0.chars() {
            if matches!(c, '\\' | '%' | '_') {
                out.push('\\');
            }
            out.push(c);
        }
        out.push('%');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_statuses_only_move_forward() {
        use OrderStatus::*;
        for from in OrderStatus::ALL {
            for to in OrderStatus::ALL {
                let forward = from.can_move_to(to);
                if forward {
                    assert!(!matches!(from, Delivered | Cancelled), "{from:?} is final");
                    assert_ne!(to, Placed);
                    assert_ne!(
                        to, Cancelled,
                        "cancelling refunds, so it is not a plain move"
                    );
                }
            }
            assert_eq!(OrderStatus::parse(from.as_str()), Some(from));
        }
        assert!(Placed.can_move_to(Shipped));
        assert!(Shipped.can_move_to(Delivered));
        assert!(!Shipped.can_move_to(Processing));
        assert!(!Delivered.can_move_to(Shipped));
        assert!(Shipped.can_cancel() && !Delivered.can_cancel() && !Cancelled.can_cancel());
        for k in RewardKind::ALL {
            assert_eq!(RewardKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(Tier::parse("silver"), Some(Tier::Silver));
        assert!(Tier::Base < Tier::Silver && Tier::Silver < Tier::Gold);
    }

    #[test]
    fn phones_are_normalised_to_e164() {
        assert_eq!(
            Phone::parse("+7 (900) 123-45-67").unwrap().as_str(),
            "+79001234567"
        );
        assert_eq!(
            Phone::parse_in("8 900 123 45 67", Country::Russia)
                .unwrap()
                .as_str(),
            "+79001234567"
        );
        assert_eq!(
            Phone::parse("+33 6 12 34 56 78").unwrap().as_str(),
            "+33612345678"
        );
        assert_eq!(
            Phone::parse("+90 532 123 45 67").unwrap().as_str(),
            "+905321234567"
        );
    }

    #[test]
    fn a_number_typed_as_at_home_is_read_in_the_programs_country() {
        let ru = |s| Phone::parse_in(s, Country::Russia).map(|p| p.as_str().to_string());
        for typed in [
            "900 000 00 04",
            "9000000004",
            "8 900 000 00 04",
            "8 (900) 000-00-04",
            "+7 900 000 00 04",
            "7 900 000 00 04",
            "00 7 900 000 00 04",
        ] {
            assert_eq!(ru(typed).as_deref(), Ok("+79000000004"), "{typed}");
        }
        let fr = |s| Phone::parse_in(s, Country::France).map(|p| p.as_str().to_string());
        assert_eq!(fr("06 12 34 56 78").as_deref(), Ok("+33612345678"));
        assert_eq!(fr("6 12 34 56 78").as_deref(), Ok("+33612345678"));
        assert_eq!(fr("+7 900 000 00 04").as_deref(), Ok("+79000000004"));
        let tr = |s| Phone::parse_in(s, Country::Turkey).map(|p| p.as_str().to_string());
        assert_eq!(tr("0532 123 45 67").as_deref(), Ok("+905321234567"));
        let ro = |s| Phone::parse_in(s, Country::Romania).map(|p| p.as_str().to_string());
        assert_eq!(ro("0721 234 567").as_deref(), Ok("+40721234567"));
        // Without a country only the international form is read: a stored number never changes.
        assert_eq!(Phone::parse("9000000004").unwrap().as_str(), "+9000000004");
        // Too short for the country and too short to be international: the number's length.
        assert_eq!(ru("900 000 00"), Err(PhoneError::WrongLength));
        assert_eq!(Country::parse("ru"), Some(Country::Russia));
        assert_eq!(Country::parse("XX"), None);
    }

    #[test]
    fn bad_phones_say_what_is_wrong() {
        assert_eq!(Phone::parse("  "), Err(PhoneError::Empty));
        assert_eq!(Phone::parse("+7 900 abc"), Err(PhoneError::BadCharacters));
        assert_eq!(Phone::parse("7+9001234567"), Err(PhoneError::BadCharacters));
        assert_eq!(Phone::parse("12345"), Err(PhoneError::WrongLength));
        assert_eq!(
            Phone::parse("+1234567890123456"),
            Err(PhoneError::WrongLength)
        );
    }

    #[test]
    fn a_masked_phone_keeps_country_and_last_four_digits() {
        assert_eq!(
            Phone::parse("+79001234567").unwrap().masked(),
            "+7 *** *** 45 67"
        );
    }

    #[test]
    fn otp_codes_are_six_digits() {
        assert_eq!(OtpCode::parse(" 123 456 ").unwrap().as_str(), "123456");
        assert!(OtpCode::parse("12345").is_none());
        assert!(OtpCode::parse("1234567").is_none());
        assert!(OtpCode::parse("12345a").is_none());
    }

    #[test]
    fn emails_are_lower_cased_and_checked_loosely() {
        assert_eq!(
            Email::parse(" Admin@Workwell.Demo ").unwrap().as_str(),
            "admin@workwell.demo"
        );
        for bad in [
            "",
            "admin",
            "@x.io",
            "a@b",
            "a@@b.io",
            "a b@c.io",
            "a@.io",
            "a\u{1}b@c.io",
            "a@c.io\u{7f}",
        ] {
            assert!(Email::parse(bad).is_none(), "{bad} should be refused");
        }
    }

    #[test]
    fn tiers_follow_points_earned_in_a_year() {
        assert_eq!(Tier::for_points_earned(0), Tier::Base);
        assert_eq!(Tier::for_points_earned(999), Tier::Base);
        assert_eq!(Tier::for_points_earned(1_000), Tier::Silver);
        assert_eq!(Tier::for_points_earned(5_000), Tier::Gold);
        assert_eq!(Tier::to_next(400), Some((Tier::Silver, 600)));
        assert_eq!(Tier::to_next(9_000), None);
    }

    #[test]
    fn points_are_grouped_by_thousands() {
        assert_eq!(Points(0).to_string(), "0");
        assert_eq!(Points(1_234_567).to_string(), "1\u{202f}234\u{202f}567");
        assert_eq!(Points(-950).to_string(), "−950");
    }

    #[test]
    fn roles_and_kinds_round_trip() {
        for r in [Role::Participant, Role::PartnerManager, Role::Admin] {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        for k in [
            ParticipantKind::Seller,
            ParticipantKind::Foreman,
            ParticipantKind::Engineer,
        ] {
            assert_eq!(ParticipantKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(EntryKind::parse("expiry"), Some(EntryKind::Expiry));
        assert_eq!(EntryKind::parse("bonus"), None);
    }
}

/// `YYYY-MM-DD` (UTC) of a unix time, with no date library in the browser bundle.
pub fn iso_date(unix_secs: i64) -> String {
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    let z = unix_secs.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod date_tests {
    use super::iso_date;

    #[test]
    fn unix_times_become_calendar_dates() {
        assert_eq!(iso_date(0), "1970-01-01");
        assert_eq!(iso_date(951_782_400), "2000-02-29");
        assert_eq!(iso_date(1_795_305_600), "2026-11-22");
        assert_eq!(iso_date(-86_400), "1969-12-31");
    }
}

fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil(unix_secs: i64) -> (i64, i64, i64) {
    let d = iso_date(unix_secs);
    let mut parts = d.split('-').map(|p| p.parse::<i64>().unwrap_or(1));
    let year = parts.next().unwrap_or(1970);
    let month = parts.next().unwrap_or(1);
    let day = parts.next().unwrap_or(1);
    (year, month, day)
}

/// Midnight (UTC) of `YYYY-MM-DD`, or `None` if it is not a real date.
pub fn parse_iso_date(s: &str) -> Option<i64> {
    let mut parts = s.trim().split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d): (i64, i64, i64) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    if !(1..=12).contains(&m) || d < 1 || d > days_in_month(y, m) {
        return None;
    }
    Some(days_from_civil(y, m, d) * 86_400)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The same moment `months` calendar months later (earlier when negative); the 31st becomes the
/// last day of a shorter month.
pub fn add_months(unix_secs: i64, months: i64) -> i64 {
    let (y, m, d) = civil(unix_secs);
    let total = y * 12 + (m - 1) + months;
    let (ny, nm) = (total.div_euclid(12), total.rem_euclid(12) + 1);
    let nd = d.min(days_in_month(ny, nm));
    days_from_civil(ny, nm, nd) * 86_400 + unix_secs.rem_euclid(86_400)
}

/// Midnight (UTC) of the day `unix_secs` falls in.
pub fn day_start(unix_secs: i64) -> i64 {
    unix_secs - unix_secs.rem_euclid(86_400)
}

#[cfg(test)]
mod calendar_tests {
    use super::*;

    #[test]
    fn months_are_added_on_the_calendar() {
        let d = parse_iso_date("2026-11-22").unwrap();
        assert_eq!(d, 1_795_305_600);
        assert_eq!(iso_date(add_months(d, 24)), "2028-11-22");
        assert_eq!(iso_date(add_months(d, -24)), "2024-11-22");
        let jan31 = parse_iso_date("2027-01-31").unwrap();
        assert_eq!(iso_date(add_months(jan31, 1)), "2027-02-28");
        assert_eq!(iso_date(add_months(jan31, 13)), "2028-02-29");
        assert_eq!(add_months(d + 3_600, 1) - add_months(d, 1), 3_600);
        assert_eq!(day_start(d + 4_000), d);
    }

    #[test]
    fn only_real_dates_parse() {
        for bad in [
            "",
            "2026-02-29",
            "2026-13-01",
            "2026-1-01",
            "26-01-01",
            "2026-01-01-01",
            "x",
        ] {
            assert_eq!(parse_iso_date(bad), None, "{bad}");
        }
        assert!(parse_iso_date("2028-02-29").is_some());
    }
}

/// A GTIN-13 / EAN-13 article number with a valid check digit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gtin(String);

impl Gtin {
    pub fn parse(input: &str) -> Option<Gtin> {
        let digits: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.len() != 13 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let d: Vec<u32> = digits.bytes().map(|b| u32::from(b - b'0')).collect();
        let sum: u32 = d[..12]
            .iter()
            .enumerate()
            .map(|(i, v)| if i % 2 == 0 { *v } else { v * 3 })
            .sum();
        ((10 - sum % 10) % 10 == d[12]).then_some(Gtin(digits))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A product's stock-keeping unit: 1–40 of letters, digits, `.`, `-`, `_`; kept upper-case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sku(String);

impl Sku {
    pub fn parse(input: &str) -> Option<Sku> {
        let s = input.trim().to_uppercase();
        let ok = (1..=40).contains(&s.len())
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'));
        ok.then_some(Sku(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod article_tests {
    use super::*;

    #[test]
    fn gtin_check_digits_are_verified() {
        assert!(Gtin::parse("4006381333931").is_some());
        assert!(Gtin::parse("4006381 333931").is_some());
        assert!(Gtin::parse("4006381333932").is_none());
        assert!(Gtin::parse("400638133393").is_none());
        assert!(Gtin::parse("400638133393x").is_none());
        // Every single-digit change is caught.
        let good = "5901234123457";
        assert!(Gtin::parse(good).is_some());
        for i in 0..13 {
            for d in b'0'..=b'9' {
                let mut b = good.as_bytes().to_vec();
                if b[i] == d {
                    continue;
                }
                b[i] = d;
                assert!(Gtin::parse(std::str::from_utf8(&b).unwrap()).is_none());
            }
        }
    }

    #[test]
    fn skus_are_upper_cased_and_plain() {
        assert_eq!(Sku::parse(" tyre-r16 ").unwrap().as_str(), "TYRE-R16");
        for bad in ["", "a b", "x/y", &"A".repeat(41)] {
            assert!(Sku::parse(bad).is_none(), "{bad}");
        }
    }
}

/// The first moment (UTC midnight) of the calendar month `unix_secs` falls in.
pub fn month_start(unix_secs: i64) -> i64 {
    let (y, m, _) = civil(unix_secs);
    days_from_civil(y, m, 1) * 86_400
}

stored_enum! {
    /// Where an account stands. Blocked accounts cannot sign in; pending ones can only see that they
    /// wait for approval; leavers keep their points for a grace period but no longer earn.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub enum UserStatus {
        Pending = "pending" => StatusPending,
        Active = "active" => StatusActive,
        Blocked = "blocked" => StatusBlocked,
        Left = "left" => StatusLeft,
    }
}

stored_enum! {
    /// What a partner company does; rewards and campaigns can be aimed at one kind.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub enum CompanyKind {
        Dealer = "dealer" => CompanyDealer,
        ServiceCentre = "service_centre" => CompanyServiceCentre,
        Installer = "installer" => CompanyInstaller,
        Distributor = "distributor" => CompanyDistributor,
    }
}

/// A company's tax number: an optional two-letter country prefix (`RU` when absent) and 8–14
/// digits. Russian numbers (INN: 10 digits for a company, 12 for a sole trader) must carry valid
/// check digits, so a typo is caught at the form, not months later in an invoice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaxId(String);

impl TaxId {
    pub fn parse(input: &str) -> Option<TaxId> {
        let cleaned: String = input
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '.' | '\u{a0}'))
            .collect::<String>()
            .to_ascii_uppercase();
        let (country, digits) = match cleaned.get(..2) {
            Some(p) if p.chars().all(|c| c.is_ascii_uppercase()) => (p, &cleaned[2..]),
            _ => ("RU", cleaned.as_str()),
        };
        if !(8..=14).contains(&digits.len()) || !digits.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let d: Vec<i64> = digits.bytes().map(|b| i64::from(b - b'0')).collect();
        let check = |weights: &[i64], upto: usize| {
            weights
                .iter()
                .zip(&d[..upto])
                .map(|(w, x)| w * x)
                .sum::<i64>()
                % 11
                % 10
        };
        if country == "RU" {
            let ok = match d.len() {
                10 => check(&[2, 4, 10, 3, 5, 9, 4, 6, 8], 9) == d[9],
                12 => {
                    check(&[7, 2, 4, 10, 3, 5, 9, 4, 6, 8], 10) == d[10]
                        && check(&[3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8], 11) == d[11]
                }
                _ => false,
            };
            if !ok {
                return None;
            }
            return Some(TaxId(digits.to_string()));
        }
        Some(TaxId(format!("{country}{digits}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod org_domain_tests {
    use super::*;

    #[test]
    fn russian_tax_numbers_need_their_check_digits() {
        assert_eq!(TaxId::parse("7701234560").unwrap().as_str(), "7701234560");
        assert_eq!(
            TaxId::parse(" 77-0123 4560 ").unwrap().as_str(),
            "7701234560"
        );
        assert_eq!(TaxId::parse("RU7701234560").unwrap().as_str(), "7701234560");
        assert_eq!(
            TaxId::parse("770708389324").unwrap().as_str(),
            "770708389324"
        );
        // The INN check (weights mod 11, then mod 10) catches most single-digit typos, not all: a
        // remainder of 10 folds onto 0. For this number, 82 of the 90 possible substitutions.
        let good = "7701234560";
        let mut caught = 0;
        for i in 0..good.len() {
            for d in b'0'..=b'9' {
                let mut s = good.as_bytes().to_vec();
                if s[i] == d {
                    continue;
                }
                s[i] = d;
                caught += usize::from(TaxId::parse(&String::from_utf8(s).unwrap()).is_none());
            }
        }
        assert_eq!(caught, 82);
        for bad in [
            "",
            "123",
            "77012345",
            "7701234561",
            "77012345601",
            "770123456O",
            "RU12",
        ] {
            assert_eq!(TaxId::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn other_countries_keep_their_prefix() {
        assert_eq!(
            TaxId::parse("fr 732 829 320").unwrap().as_str(),
            "FR732829320"
        );
        assert_eq!(
            TaxId::parse("TR1234567890").unwrap().as_str(),
            "TR1234567890"
        );
        assert_eq!(TaxId::parse("RO1234"), None);
    }

    #[test]
    fn months_start_on_the_first() {
        let d = parse_iso_date("2026-11-22").unwrap();
        assert_eq!(iso_date(month_start(d + 5_000)), "2026-11-01");
        assert_eq!(month_start(month_start(d)), month_start(d));
        assert_eq!(
            iso_date(month_start(parse_iso_date("2028-02-29").unwrap())),
            "2028-02-01"
        );
        for s in ["pending", "active", "blocked", "left"] {
            assert_eq!(UserStatus::parse(s).unwrap().as_str(), s);
        }
        for k in CompanyKind::ALL {
            assert_eq!(CompanyKind::parse(k.as_str()), Some(k));
        }
    }

    #[test]
    fn a_search_is_capped_and_matches_wildcards_literally() {
        assert_eq!(
            Search::parse("  Drill 50%_off ")
                .unwrap()
                .contains_pattern(),
            "%drill 50\\%\\_off%"
        );
        assert_eq!(
            Search::parse("a\\b").unwrap().contains_pattern(),
            "%a\\\\b%"
        );
        assert!(Search::parse(&"я".repeat(Search::MAX)).is_some());
        assert!(Search::parse(&"я".repeat(Search::MAX + 1)).is_none());
        assert!(Search::parse("drill\0").is_none());
    }

    #[test]
    fn every_stored_enum_reads_back_what_it_stores() {
        fn check<T: Copy + PartialEq + std::fmt::Debug>(
            all: &[T],
            text: fn(T) -> &'static str,
            parse: fn(&str) -> Option<T>,
        ) {
            let mut seen = std::collections::HashSet::new();
            for &v in all {
                assert!(seen.insert(text(v)), "{v:?}: its text is another variant's");
                assert_eq!(parse(text(v)), Some(v));
                assert_eq!(parse(&format!(" {} ", text(v))), Some(v), "trimmed");
            }
            assert_eq!(parse("no such"), None);
        }
        check(&Role::ALL, Role::as_str, Role::parse);
        check(
            &ParticipantKind::ALL,
            ParticipantKind::as_str,
            ParticipantKind::parse,
        );
        check(&Tier::ALL, Tier::as_str, Tier::parse);
        check(&RewardKind::ALL, RewardKind::as_str, RewardKind::parse);
        check(&OrderStatus::ALL, OrderStatus::as_str, OrderStatus::parse);
        check(&EntryKind::ALL, EntryKind::as_str, EntryKind::parse);
        check(&UserStatus::ALL, UserStatus::as_str, UserStatus::parse);
        check(&CompanyKind::ALL, CompanyKind::as_str, CompanyKind::parse);
        assert_eq!(CompanyKind::ServiceCentre.as_str(), "service_centre");
        assert_eq!(EntryKind::ALL.len(), 6);
    }
}
