//! Who someone is and how to reach them: phone numbers (in the program's country), one-time
//! codes, admin e-mail addresses, company tax numbers.

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
    use crate::domain::*;

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
        check(&CodeStatus::ALL, CodeStatus::as_str, CodeStatus::parse);
        check(
            &CompanyStatus::ALL,
            CompanyStatus::as_str,
            CompanyStatus::parse,
        );
        check(
            &JoinRequestStatus::ALL,
            JoinRequestStatus::as_str,
            JoinRequestStatus::parse,
        );
        assert_eq!(CompanyKind::ServiceCentre.as_str(), "service_centre");
        assert_eq!(EntryKind::ALL.len(), 6);
    }
}
