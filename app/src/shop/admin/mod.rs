//! Stocking the shop and fulfilling its orders: reward categories, rewards, voucher pools, the
//! fulfilment queue with bulk status changes, cancellation with refund. Admins only.

mod pages;
pub use pages::{AdminOrderPage, AdminOrdersPage, AdminRewardsPage};

use super::model::OrderView;
#[cfg(feature = "ssr")]
use crate::call::Call;
use crate::content::InLanguages;
use crate::domain::{RewardKind, Tier};
use crate::error::{AppError, Field};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RewardCategoryRow {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub icon: String,
    pub position: i64,
}

/// A reward as the admin edits it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RewardRow {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub category: Option<String>,
    pub kind: RewardKind,
    pub price: i64,
    pub stock: Option<i64>,
    pub active: bool,
    pub starts_at: Option<i64>,
    pub ends_at: Option<i64>,
    pub min_tier: Tier,
    pub company_kind: Option<String>,
    pub low_stock: i64,
    pub after_order: String,
    pub image: Option<String>,
    pub free_vouchers: i64,
    pub ordered: i64,
    /// Participants waiting for it to be back in stock.
    pub waiting: i64,
    /// The title, description and note in the languages besides the default.
    #[serde(default)]
    pub title_in: InLanguages,
    #[serde(default)]
    pub description_in: InLanguages,
    #[serde(default)]
    pub after_order_in: InLanguages,
}

impl RewardRow {
    pub fn is_low(&self) -> bool {
        self.active && self.stock.is_some_and(|s| s <= self.low_stock)
    }
}

/// A reward as submitted by the admin form, every field parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RewardInput {
    pub title: String,
    pub description: String,
    pub category: Option<String>,
    pub kind: RewardKind,
    pub price: i64,
    pub stock: Option<i64>,
    pub active: bool,
    pub starts_at: Option<i64>,
    pub ends_at: Option<i64>,
    pub min_tier: Tier,
    pub company_kind: Option<String>,
    pub low_stock: i64,
    pub after_order: String,
    pub image: Option<String>,
    /// The texts in other languages; `None` (the caller sent none) leaves the stored ones.
    pub title_in: Option<InLanguages>,
    pub description_in: Option<InLanguages>,
    pub after_order_in: Option<InLanguages>,
}

/// Texts in other languages as sent, checked; `None` when the caller sent none.
fn sent(
    raw: Option<InLanguages>,
    one_line: bool,
    max: usize,
    field: Field,
) -> Result<Option<InLanguages>, AppError> {
    raw.map(|t| InLanguages::parse(Some(t), one_line, max, field))
        .transpose()
}

/// A whole number in `range`, as typed into a form.
fn whole(s: &str, range: std::ops::RangeInclusive<i64>, field: Field) -> Result<i64, AppError> {
    s.trim()
        .replace([' ', '\u{a0}'], "")
        .parse::<i64>()
        .ok()
        .filter(|n| range.contains(n))
        .ok_or(AppError::Invalid { field })
}

impl RewardInput {
    #[allow(clippy::too_many_arguments)]
    pub fn parse(
        title: &str,
        description: &str,
        category: &str,
        kind: &str,
        price: &str,
        stock: &str,
        active: bool,
        starts: &str,
        ends: &str,
        min_tier: &str,
        company_kind: &str,
        low_stock: &str,
        after_order: &str,
        image: &str,
        in_languages: [Option<InLanguages>; 3],
    ) -> Result<RewardInput, AppError> {
        use crate::domain::parse_iso_date;
        let [title_in, description_in, after_order_in] = in_languages;
        let bad = |field| AppError::Invalid { field };
        let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
        if title.is_empty() || title.chars().count() > 120 {
            return Err(bad(Field::Title));
        }
        let description = description.trim().to_string();
        if description.chars().count() > 4000 {
            return Err(bad(Field::Description));
        }
        let after_order = after_order.trim().to_string();
        if after_order.chars().count() > 1000 {
            return Err(bad(Field::Description));
        }
        let kind = RewardKind::parse(kind).ok_or(bad(Field::Kind))?;
        let price = whole(price, 1..=100_000_000, Field::Price)?;
        let stock = match stock.trim() {
            "" => None,
            s => Some(whole(s, 0..=10_000_000, Field::Stock)?),
        };
        let low_stock = match low_stock.trim() {
            "" => 5,
            s => whole(s, 0..=1_000_000, Field::Stock)?,
        };
        let date = |s: &str| -> Result<Option<i64>, AppError> {
            match s.trim() {
                "" => Ok(None),
                s => parse_iso_date(s).map(Some).ok_or(bad(Field::Dates)),
            }
        };
        let starts_at = date(starts)?;
        // The end date is included: the window closes at the end of that day.
        let ends_at = date(ends)?.map(|d| d + 86_400);
        if let (Some(s), Some(e)) = (starts_at, ends_at)
            && e <= s
        {
            return Err(bad(Field::Dates));
        }
        let min_tier = match min_tier.trim() {
            "" => Tier::Base,
            t => Tier::parse(t).ok_or(bad(Field::Tier))?,
        };
        let company_kind = match company_kind.trim() {
            "" => None,
            k => match crate::domain::CompanyKind::parse(k) {
                Some(k) => Some(k.as_str().to_string()),
                None => return Err(bad(Field::Company)),
            },
        };
        let category = Some(category.trim().to_string()).filter(|c| !c.is_empty());
        let image = match image.trim() {
            "" => None,
            i if i.starts_with("/media/")
                && i.len() <= 500
                && !i.contains(['"', '<', '>', ' ']) =>
            {
                Some(i.to_string())
            }
            _ => return Err(bad(Field::ImageUrl)),
        };
        Ok(RewardInput {
            title,
            description,
            category,
            kind,
            price,
            stock,
            active,
            starts_at,
            ends_at,
            min_tier,
            company_kind,
            low_stock,
            after_order,
            image,
            title_in: sent(title_in, true, 120, Field::Title)?,
            description_in: sent(description_in, false, 4000, Field::Description)?,
            after_order_in: sent(after_order_in, false, 1000, Field::Description)?,
        })
    }
}

/// A short text an admin attaches to an order (tracking number, certificate number), 1–100
/// printable characters; empty means "leave as is".
pub fn parse_reference(s: &str, field: Field) -> Result<Option<String>, AppError> {
    let t = s.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if t.chars().count() > 100 || t.chars().any(char::is_control) {
        return Err(AppError::Invalid { field });
    }
    Ok(Some(t.to_string()))
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RewardsAdmin {
    pub categories: Vec<RewardCategoryRow>,
    pub rewards: Vec<RewardRow>,
}

#[cfg(feature = "ssr")]
pub mod service;

/// Reward categories and every reward, with voucher pools, orders and "notify me" counts.
#[server(prefix = "/api", endpoint = "admin/rewards")]
pub async fn list_rewards() -> Result<RewardsAdmin, AppError> {
    let call = Call::new(crate::call::ADMINS)?;
    let db = call.db().clone();
    Ok(RewardsAdmin {
        categories: service::categories(&db).await?,
        rewards: service::rewards(&db).await?,
    })
}

/// Creates or updates a reward category (by `code`).
#[server(prefix = "/api", endpoint = "admin/reward_category_save")]
pub async fn save_reward_category(
    code: String,
    name: String,
    icon: String,
    position: String,
    name_in: Option<InLanguages>,
) -> Result<(), AppError> {
    let call = Call::new(crate::call::ADMINS)?;
    let position = match position.trim() {
        "" => 0,
        p => whole(p, 0..=1000, Field::Position)?,
    };
    let name_in = InLanguages::parse(name_in, true, 60, Field::Name)?;
    let db = call.db().clone();
    service::save_category(
        &db,
        call.user.id,
        &code,
        &name,
        &name_in,
        &icon,
        position,
        call.now,
    )
    .await
}

/// Creates (no `id`) or updates a reward. Numbers arrive as text so that "-5" or "abc" get a clear
/// message about that field rather than a generic bad request.
#[server(prefix = "/api", endpoint = "admin/reward_save")]
#[allow(clippy::too_many_arguments)]
pub async fn save_reward(
    id: Option<i64>,
    title: String,
    description: String,
    category: String,
    kind: String,
    price: String,
    stock: String,
    active: Option<String>,
    starts: String,
    ends: String,
    min_tier: String,
    company_kind: String,
    low_stock: String,
    after_order: String,
    image: String,
    title_in: Option<InLanguages>,
    description_in: Option<InLanguages>,
    after_order_in: Option<InLanguages>,
) -> Result<i64, AppError> {
    let call = Call::new(crate::call::ADMINS)?;
    let input = RewardInput::parse(
        &title,
        &description,
        &category,
        &kind,
        &price,
        &stock,
        active.is_some(),
        &starts,
        &ends,
        &min_tier,
        &company_kind,
        &low_stock,
        &after_order,
        &image,
        [title_in, description_in, after_order_in],
    )?;
    let db = call.db().clone();
    service::save(&db, call.user.id, id, &input, call.now).await
}

/// Adds voucher codes (a CSV: one code per line) to a voucher reward's pool.
#[server(prefix = "/api", endpoint = "admin/vouchers_add")]
pub async fn add_vouchers(reward_id: i64, csv: String) -> Result<u64, AppError> {
    let call = Call::new(crate::call::ADMINS)?;
    if csv.len() > 2_000_000 {
        return Err(AppError::Invalid { field: Field::Csv });
    }
    let db = call.db().clone();
    service::add_vouchers(&db, call.user.id, reward_id, &csv, call.now).await
}

#[cfg(feature = "ssr")]
fn parse_filter<T>(
    s: Option<String>,
    parse: fn(&str) -> Option<T>,
    field: Field,
) -> Result<Option<T>, AppError> {
    match s.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => parse(s).map(Some).ok_or(AppError::Invalid { field }),
    }
}

/// The fulfilment queue: orders, newest first, by status and kind.
#[server(prefix = "/api", endpoint = "admin/orders")]
pub async fn admin_orders(
    status: Option<String>,
    kind: Option<String>,
) -> Result<Vec<OrderView>, AppError> {
    use crate::domain::OrderStatus;

    let call = Call::new(crate::call::ADMINS)?;
    let status = parse_filter(status, OrderStatus::parse, Field::Status)?;
    let kind = parse_filter(kind, RewardKind::parse, Field::Kind)?;
    let mut conn = call.conn().await?;
    super::service::orders(&mut conn, None, status, kind, 300).await
}

/// One order with its history, for the admin.
#[server(prefix = "/api", endpoint = "admin/order")]
pub async fn admin_order(id: i64) -> Result<OrderView, AppError> {
    let call = Call::new(crate::call::ADMINS)?;
    let mut conn = call.conn().await?;
    super::service::order(&mut conn, id, None).await
}

/// Moves the orders in `ids` to `status` (all or none), optionally setting the tracking or
/// certificate number and a note the participant sees.
#[server(prefix = "/api", endpoint = "admin/order_status")]
pub async fn set_order_status(
    ids: Vec<i64>,
    status: String,
    tracking: Option<String>,
    certificate: Option<String>,
    note: Option<String>,
) -> Result<u64, AppError> {
    use crate::domain::OrderStatus;

    let call = Call::new(crate::call::ADMINS)?;
    if ids.is_empty() || ids.len() > 500 {
        return Err(AppError::Invalid {
            field: Field::Orders,
        });
    }
    let to = OrderStatus::parse(&status).ok_or(AppError::Invalid {
        field: Field::Status,
    })?;
    let note = note.unwrap_or_default();
    if note.chars().count() > 200 {
        return Err(AppError::Invalid { field: Field::Note });
    }
    let f = super::service::Fulfilment {
        tracking: parse_reference(&tracking.unwrap_or_default(), Field::Tracking)?,
        certificate: parse_reference(&certificate.unwrap_or_default(), Field::Certificate)?,
        note: note.trim().to_string(),
    };
    let db = call.db().clone();
    super::service::set_status(&db, call.user.id, &ids, to, &f, call.now).await
}

/// Cancels an order: the points go back to the participant, the stock back to the pool. A voucher
/// code is void from then on; `return_code=on` returns it to the pool instead, for a code the
/// participant never saw (audited). A reason is required.
#[server(prefix = "/api", endpoint = "admin/order_cancel")]
pub async fn cancel_order(
    id: i64,
    reason: String,
    return_code: Option<String>,
) -> Result<i64, AppError> {
    let call = Call::new(crate::call::ADMINS)?;
    let reason = crate::forms::parse_reason(&reason)?;
    let db = call.db().clone();
    let fate = match return_code.as_deref() {
        None | Some("") => super::service::VoucherFate::Burn,
        Some("on") => super::service::VoucherFate::Return,
        Some(_) => {
            return Err(AppError::Invalid {
                field: Field::Voucher,
            });
        }
    };
    super::service::cancel(&db, call.user.id, id, &reason, fate, call.now).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(price: &str, stock: &str) -> Result<RewardInput, AppError> {
        RewardInput::parse(
            "Fitness month",
            "",
            "sport",
            "certificate",
            price,
            stock,
            true,
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            Default::default(),
        )
    }

    #[test]
    fn prices_and_stock_are_whole_and_not_negative() {
        assert_eq!(parse("1500", "").unwrap().price, 1500);
        assert_eq!(parse("1 500", "3").unwrap().stock, Some(3));
        assert_eq!(
            parse("-5", ""),
            Err(AppError::Invalid {
                field: Field::Price
            })
        );
        assert_eq!(
            parse("0", ""),
            Err(AppError::Invalid {
                field: Field::Price
            })
        );
        assert_eq!(
            parse("12.5", ""),
            Err(AppError::Invalid {
                field: Field::Price
            })
        );
        assert_eq!(
            parse("100", "-1"),
            Err(AppError::Invalid {
                field: Field::Stock
            })
        );
        assert_eq!(parse("100", "0").unwrap().stock, Some(0));
    }

    #[test]
    fn the_rest_of_a_reward_is_checked_too() {
        let p = |kind: &str, tier: &str, company: &str, starts: &str, ends: &str, image: &str| {
            RewardInput::parse(
                "T",
                "",
                "",
                kind,
                "10",
                "",
                true,
                starts,
                ends,
                tier,
                company,
                "",
                "",
                image,
                Default::default(),
            )
        };
        assert!(
            p(
                "voucher",
                "gold",
                "installer",
                "2026-12-01",
                "2026-12-31",
                "/media/rewards/1.png"
            )
            .is_ok()
        );
        assert_eq!(
            p("gift", "", "", "", "", "").unwrap_err(),
            AppError::Invalid { field: Field::Kind }
        );
        assert_eq!(
            p("voucher", "platinum", "", "", "", "").unwrap_err(),
            AppError::Invalid { field: Field::Tier }
        );
        assert_eq!(
            p("voucher", "", "bank", "", "", "").unwrap_err(),
            AppError::Invalid {
                field: Field::Company
            }
        );
        assert_eq!(
            p("voucher", "", "", "2026-12-31", "2026-12-01", "").unwrap_err(),
            AppError::Invalid {
                field: Field::Dates
            }
        );
        assert_eq!(
            p("voucher", "", "", "", "", "javascript:alert(1)").unwrap_err(),
            AppError::Invalid {
                field: Field::ImageUrl
            }
        );
        // The end date is included.
        let r = p("voucher", "", "", "2026-12-01", "2026-12-01", "").unwrap();
        assert_eq!(r.ends_at.unwrap() - r.starts_at.unwrap(), 86_400);
    }
}
