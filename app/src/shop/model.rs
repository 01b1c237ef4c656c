//! What the shop's screens and server functions exchange, and the parsing of what people type into
//! the shop's forms (shared by browser and server).

use crate::domain::{OrderStatus, RewardKind, Tier};
use crate::error::{AppError, Field};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryChip {
    pub code: String,
    pub name: String,
    pub icon: String,
}

/// A reward as a participant sees it in the catalog.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RewardCard {
    pub id: i64,
    pub title: String,
    pub category: Option<String>,
    pub icon: String,
    pub kind: RewardKind,
    pub price: i64,
    /// `None`: unlimited.
    pub stock: Option<i64>,
    pub image: Option<String>,
    pub min_tier: Tier,
    /// Points still missing for the caller (0 when affordable).
    pub missing: i64,
    pub created_at: i64,
    /// Orders placed (not cancelled); "popular" sorts by it.
    pub ordered: i64,
}

impl RewardCard {
    pub fn sold_out(&self) -> bool {
        self.stock == Some(0)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Sort {
    #[default]
    Popular,
    New,
    PriceLow,
    PriceHigh,
}

impl Sort {
    /// What the sort is called on the chip.
    pub fn label(self) -> crate::i18n::T {
        use crate::i18n::T;
        match self {
            Sort::Popular => T::SortPopular,
            Sort::New => T::SortNew,
            Sort::PriceLow => T::SortPriceLow,
            Sort::PriceHigh => T::SortPriceHigh,
        }
    }
}

impl Sort {
    pub const ALL: [Sort; 4] = [Sort::Popular, Sort::New, Sort::PriceLow, Sort::PriceHigh];

    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Popular => "popular",
            Sort::New => "new",
            Sort::PriceLow => "price",
            Sort::PriceHigh => "price_desc",
        }
    }

    /// Unknown values fall back to the default order: a sort is a preference, not an input error.
    pub fn parse(s: &str) -> Sort {
        Sort::ALL
            .into_iter()
            .find(|k| k.as_str() == s.trim())
            .unwrap_or_default()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShopData {
    pub balance: i64,
    pub tier: Tier,
    pub categories: Vec<CategoryChip>,
    pub rewards: Vec<RewardCard>,
    /// The reward pinned as a savings goal, if any.
    pub goal: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    pub id: i64,
    pub recipient: String,
    pub phone: String,
    pub line: String,
    pub city: String,
    pub postcode: String,
}

impl Address {
    /// One line, as printed on a parcel label and kept on the order.
    pub fn one_line(&self) -> String {
        format!(
            "{}, {}, {}, {} {}",
            self.recipient, self.phone, self.line, self.postcode, self.city
        )
    }
}

/// The catalog thumbnail of an uploaded picture (`/media/rewards/7-ab12.png` →
/// `/media/rewards/7-ab12-thumb.jpg`); other addresses are used as they are.
pub fn thumb_of(image: &str) -> String {
    match image.rsplit_once('.') {
        Some((stem, _)) if image.starts_with("/media/") => format!("{stem}-thumb.jpg"),
        _ => image.to_string(),
    }
}

/// A delivery address as typed into the redeem form, checked field by field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewAddress {
    pub recipient: String,
    pub phone: String,
    pub line: String,
    pub city: String,
    pub postcode: String,
}

fn text(s: &str, max: usize) -> Option<String> {
    let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty() && t.chars().count() <= max && !t.chars().any(char::is_control)).then_some(t)
}

impl NewAddress {
    pub fn parse(
        recipient: &str,
        phone: &str,
        line: &str,
        city: &str,
        postcode: &str,
        country: crate::domain::Country,
    ) -> Result<NewAddress, AppError> {
        let bad = |field| AppError::Invalid { field };
        let postcode = postcode.trim();
        if !(3..=10).contains(&postcode.len())
            || !postcode
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-')
        {
            return Err(bad(Field::Postcode));
        }
        Ok(NewAddress {
            recipient: text(recipient, 120).ok_or(bad(Field::Recipient))?,
            phone: crate::domain::Phone::parse_in(phone, country)
                .map_err(|_| bad(Field::Phone))?
                .to_string(),
            line: text(line, 200).ok_or(bad(Field::AddressLine))?,
            city: text(city, 80).ok_or(bad(Field::City))?,
            postcode: postcode.to_string(),
        })
    }
}

/// The reward page: the card, its description, what happens after ordering, the caller's saved
/// addresses (for physical goods) and whether they asked to be told when it is back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RewardDetail {
    pub card: RewardCard,
    pub description: String,
    pub after_order: String,
    pub balance: i64,
    pub tier: Tier,
    pub addresses: Vec<Address>,
    pub notify_requested: bool,
    pub is_goal: bool,
    /// A fresh idempotency key for this confirm screen.
    pub key: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderEvent {
    pub status: OrderStatus,
    pub note: String,
    pub at: i64,
}

/// Something Home tells the participant until they dismiss it: today, that a reward they asked
/// to hear about is back in stock.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    pub id: i64,
    pub reward_id: i64,
    pub title: String,
    pub at: i64,
}

/// A status change of one of the participant's orders, for Home's activity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderUpdate {
    pub order_id: i64,
    pub title: String,
    pub event: OrderEvent,
}

/// An order as its participant (or an admin) sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderView {
    pub id: i64,
    pub reward_id: i64,
    pub title: String,
    pub kind: RewardKind,
    pub points: i64,
    pub status: OrderStatus,
    pub created_at: i64,
    pub updated_at: i64,
    pub voucher: Option<String>,
    pub address: Option<String>,
    pub tracking: Option<String>,
    pub certificate: Option<String>,
    /// For a company credit: the company it goes to.
    pub company: Option<String>,
    /// The person who ordered (shown to admins and partner managers).
    pub who: String,
    pub events: Vec<OrderEvent>,
}

/// The savings goal on Home: how far the participant is, and how many more units of what they
/// usually scan would get them there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalProgress {
    pub reward_id: i64,
    pub title: String,
    pub price: i64,
    pub balance: i64,
    /// (product name, units still to scan), from the last 90 days' claims.
    pub usual: Option<(String, i64)>,
}

impl GoalProgress {
    pub fn missing(&self) -> i64 {
        (self.price - self.balance).max(0)
    }

    /// 0–100.
    pub fn percent(&self) -> i64 {
        if self.price <= 0 {
            100
        } else {
            (self.balance.max(0).min(self.price) * 100) / self.price
        }
    }
}

/// Units of a product still to scan to cover `missing` points, at `points_per_unit` each.
pub fn units_to_cover(missing: i64, points_per_unit: i64) -> Option<i64> {
    (points_per_unit > 0).then(|| (missing.max(0) + points_per_unit - 1) / points_per_unit)
}

/// A voucher code from an uploaded file: 1–64 printable characters without spaces.
pub fn parse_voucher(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty() && t.chars().count() <= 64 && t.chars().all(|c| c.is_ascii_graphic()))
        .then(|| t.to_string())
}

/// Reads a voucher CSV: one code per line (the first column; a header line `code` is skipped).
/// All or nothing: the first bad or repeated line is named.
pub fn parse_voucher_csv(csv: &str) -> Result<Vec<String>, AppError> {
    let mut seen = std::collections::HashSet::new();
    let mut codes = Vec::new();
    for (i, raw) in csv.lines().enumerate() {
        let line = (i + 1) as u32;
        let first = raw
            .split([',', ';'])
            .next()
            .unwrap_or("")
            .trim()
            .trim_matches('"');
        if raw.trim().is_empty() || (i == 0 && first.eq_ignore_ascii_case("code")) {
            continue;
        }
        let bad = AppError::CsvInvalid {
            line,
            field: Field::Voucher,
        };
        let code = parse_voucher(first).ok_or(bad.clone())?;
        if !seen.insert(code.clone()) {
            return Err(bad);
        }
        codes.push(code);
    }
    if codes.is_empty() {
        return Err(AppError::Invalid { field: Field::Csv });
    }
    Ok(codes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn voucher_csv_is_all_or_nothing_and_names_the_line() {
        assert_eq!(
            parse_voucher_csv("code\nAAA-1\n\nBBB-2, extra\n").unwrap(),
            vec!["AAA-1".to_string(), "BBB-2".to_string()]
        );
        assert_eq!(
            parse_voucher_csv("AAA\nhas space\n"),
            Err(AppError::CsvInvalid {
                line: 2,
                field: Field::Voucher
            })
        );
        assert_eq!(
            parse_voucher_csv("AAA\nBBB\nAAA\n"),
            Err(AppError::CsvInvalid {
                line: 3,
                field: Field::Voucher
            })
        );
        assert_eq!(
            parse_voucher_csv("code\n"),
            Err(AppError::Invalid { field: Field::Csv })
        );
        let long = "X".repeat(65);
        assert!(parse_voucher_csv(&long).is_err());
    }

    #[test]
    fn addresses_are_checked_field_by_field() {
        let ok = NewAddress::parse(
            " Anna  Seller ",
            "8 900 000-00-01",
            "Lenina 1",
            "Kazan",
            "420000",
            crate::domain::Country::Russia,
        )
        .unwrap();
        assert_eq!(ok.recipient, "Anna Seller");
        assert_eq!(ok.phone, "+79000000001");
        let err = |r, p, l, c, z| {
            NewAddress::parse(r, p, l, c, z, crate::domain::Country::Russia).unwrap_err()
        };
        assert_eq!(
            err("", "+79000000001", "x", "y", "12345"),
            AppError::Invalid {
                field: Field::Recipient
            }
        );
        assert_eq!(
            err("A", "12", "x", "y", "12345"),
            AppError::Invalid {
                field: Field::Phone
            }
        );
        assert_eq!(
            err("A", "+79000000001", " ", "y", "12345"),
            AppError::Invalid {
                field: Field::AddressLine
            }
        );
        assert_eq!(
            err("A", "+79000000001", "x", "y", "1"),
            AppError::Invalid {
                field: Field::Postcode
            }
        );
    }

    #[test]
    fn goal_progress_and_units() {
        let g = GoalProgress {
            reward_id: 1,
            title: "Bike".into(),
            price: 1000,
            balance: 250,
            usual: None,
        };
        assert_eq!((g.missing(), g.percent()), (750, 25));
        assert_eq!(units_to_cover(750, 100), Some(8));
        assert_eq!(units_to_cover(700, 100), Some(7));
        assert_eq!(units_to_cover(0, 100), Some(0));
        assert_eq!(units_to_cover(10, 0), None);
        assert_eq!(Sort::parse("nonsense"), Sort::Popular);
        assert_eq!(Sort::parse("price"), Sort::PriceLow);
    }
}
