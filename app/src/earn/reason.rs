//! What a ledger entry is for, kept as data (the product and code, the order, the date that ran
//! out) and written in the reader's language when it is read. The English sentence is stored
//! beside it too, for the audit trail and for anything that reads the table directly.

use crate::earn::code::UnitCode;
use crate::format;
use crate::i18n::{Lang, N, T};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    /// A unit code credited: "Tyre R16 · ABCD-EFGH-JKMN-PQRS". The product's id (absent in
    /// entries read from old text) lets its name be read in the reader's language.
    Claim {
        product: String,
        code: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        product_id: Option<i64>,
    },
    /// An admin took a credited code back, saying why.
    ClaimReversed {
        product: String,
        code: String,
        note: String,
    },
    /// Words someone wrote (an admin's correction, a demo entry): shown as written.
    Note { note: String },
    /// Points earned before `before` ran out after `months` months.
    Expiry { before: i64, months: i64 },
    /// Someone left their company on `left_at`; what they kept for `grace_days` ran out.
    LeaverExpiry { left_at: i64, grace_days: i64 },
    /// Points spent on a shop order.
    Order { order: i64, title: String },
    /// A cancelled order's points given back.
    OrderRefund {
        order: i64,
        title: String,
        note: String,
    },
    /// A receipt claim's points, waiting for a check (a pending entry).
    ReceiptPending { claim: i64, document: String },
    /// A receipt claim's pending points, taken out of pending when it was decided (`approved`
    /// or not).
    ReceiptChecked {
        claim: i64,
        document: String,
        approved: bool,
    },
    /// A receipt claim's points credited after its check.
    Receipt { claim: i64, document: String },
}

impl Reason {
    /// Words someone wrote, shown as written.
    pub fn note(words: &str) -> Reason {
        Reason::Note {
            note: words.to_string(),
        }
    }

    /// The reason as `lang` reads it.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Reason::Claim { product, code, .. } => format!("{product} · {code}"),
            Reason::ClaimReversed {
                product,
                code,
                note,
            } => T::ReasonClaimReversed.with(
                lang,
                &[("product", product), ("code", code), ("note", note)],
            ),
            Reason::Note { note } => note.clone(),
            Reason::Expiry { before, months } => T::ReasonExpiry.with(
                lang,
                &[
                    ("date", &format::date(lang, *before)),
                    ("months", &format::count(lang, N::Months, *months)),
                ],
            ),
            Reason::LeaverExpiry {
                left_at,
                grace_days,
            } => T::ReasonLeaverExpiry.with(
                lang,
                &[
                    ("date", &format::date(lang, *left_at)),
                    ("days", &format::count(lang, N::Days, *grace_days)),
                ],
            ),
            Reason::Order { order, title } => {
                T::ReasonOrder.with(lang, &[("order", &order.to_string()), ("title", title)])
            }
            Reason::OrderRefund { order, title, note } => T::ReasonOrderRefund.with(
                lang,
                &[
                    ("order", &order.to_string()),
                    ("title", title),
                    ("note", note),
                ],
            ),
            Reason::ReceiptPending { claim, document } => T::ReasonReceiptPending.with(
                lang,
                &[("claim", &claim.to_string()), ("document", document)],
            ),
            Reason::ReceiptChecked {
                claim,
                document,
                approved,
            } => if *approved {
                T::ReasonReceiptApprovedMoved
            } else {
                T::ReasonReceiptRejected
            }
            .with(
                lang,
                &[("claim", &claim.to_string()), ("document", document)],
            ),
            Reason::Receipt { claim, document } => T::ReasonReceipt.with(
                lang,
                &[("claim", &claim.to_string()), ("document", document)],
            ),
        }
    }

    /// The data as stored in `ledger_entries.reason_data`.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The data of `ledger_entries.reason_data`, if it is data this app reads.
    pub fn from_data(data: Option<&str>) -> Option<Reason> {
        data.and_then(|d| serde_json::from_str::<Reason>(d).ok())
    }

    /// The product a reason names by id (a claim's), whose name may be read in other languages.
    pub fn product_id(&self) -> Option<i64> {
        match self {
            Reason::Claim { product_id, .. } => *product_id,
            _ => None,
        }
    }

    /// What a reader sees for a stored entry: its data (as [`Reason::from_data`] reads it) in
    /// their language, or the stored sentence when there is no data (an entry whose old English
    /// text could not be read as data). `product_names` are the products' names in the reader's
    /// language, by (id, `"name"`), as [`crate::content::in_lang_for`] reads them.
    pub fn shown(
        stored: &str,
        reason: Option<Reason>,
        lang: Lang,
        product_names: &std::collections::HashMap<(i64, String), String>,
    ) -> String {
        let Some(mut reason) = reason else {
            return stored.to_string();
        };
        if let Reason::Claim {
            product,
            product_id: Some(id),
            ..
        } = &mut reason
            && let Some(name) = product_names.get(&(*id, "name".to_string()))
        {
            *product = name.clone();
        }
        reason.text(lang)
    }

    /// Reads a reason written as English text before reasons were kept as data, as the app wrote
    /// each kind; `None` for anything else (an admin's own words, say), which stays as it is.
    pub fn parse_legacy(text: &str) -> Option<Reason> {
        if let Some(rest) = text.strip_prefix("Refund: order #") {
            let (order, rest) = rest.split_once(" · ")?;
            let (title, note) = rest.strip_suffix(')')?.rsplit_once(" cancelled (")?;
            return Some(Reason::OrderRefund {
                order: order.parse().ok()?,
                title: title.to_string(),
                note: note.to_string(),
            });
        }
        if let Some(rest) = text.strip_prefix("Order #") {
            let (order, title) = rest.split_once(" · ")?;
            return Some(Reason::Order {
                order: order.parse().ok()?,
                title: title.to_string(),
            });
        }
        if let Some(rest) = text.strip_prefix("Points earned before ") {
            let (date, rest) = rest.split_once(" expired (")?;
            let months = rest.strip_suffix(" months)")?;
            return Some(Reason::Expiry {
                before: crate::domain::parse_iso_date(date)?,
                months: months.parse().ok()?,
            });
        }
        if let Some(rest) = text.strip_prefix("Left the company on ") {
            let (date, rest) = rest.split_once(": points kept for ")?;
            let days = rest.strip_suffix(" days have expired")?;
            return Some(Reason::LeaverExpiry {
                left_at: crate::domain::parse_iso_date(date)?,
                grace_days: days.parse().ok()?,
            });
        }
        if let Some(rest) = text.strip_prefix("Reversal of ") {
            let (product, code, after) = product_and_code(rest)?;
            return Some(Reason::ClaimReversed {
                product,
                code,
                note: after.strip_prefix(": ")?.to_string(),
            });
        }
        match product_and_code(text)? {
            (product, code, "") => Some(Reason::Claim {
                product,
                code,
                product_id: None,
            }),
            _ => None,
        }
    }
}

/// Splits "Tyre R16 · ABCD-EFGH-JKMN-PQRS…" at the " · " that is followed by a whole unit code
/// (a product's name may itself hold " · "), returning what comes after the code.
fn product_and_code(text: &str) -> Option<(String, String, &str)> {
    const GROUPED: usize = 19;
    text.match_indices(" · ").find_map(|(i, sep)| {
        let start = i + sep.len();
        let code = text.get(start..start + GROUPED)?;
        let code = UnitCode::parse(code).ok()?.grouped();
        Some((text[..i].to_string(), code, &text[start + GROUPED..]))
    })
}

/// Reads the English reasons written before reasons were kept as data into data, once per
/// database (a `program_settings` flag says it is done). Entries it cannot read keep their text.
/// Returns how many it read.
#[cfg(feature = "ssr")]
pub async fn adopt_legacy(pool: &sqlx::AnyPool) -> Result<u64, sqlx::Error> {
    #[derive(sqlx::FromRow)]
    struct LegacyRow {
        id: i64,
        reason: String,
        product_id: Option<i64>,
    }
    let mut tx = pool.begin().await?;
    let done: Option<i64> =
        sqlx::query_scalar("SELECT value FROM program_settings WHERE key = 'reasons.as_data'")
            .fetch_optional(&mut *tx)
            .await?;
    if done != Some(0) {
        return Ok(0);
    }
    // A thousand at a time, by id, so a long ledger is not held in memory at once.
    let mut read = 0;
    let mut after = 0_i64;
    loop {
        let rows: Vec<LegacyRow> = sqlx::query_as(
            "SELECT e.id, e.reason, uc.product_id FROM ledger_entries e \
             LEFT JOIN unit_codes uc ON uc.id = e.unit_code_id \
             WHERE e.reason_data IS NULL AND e.id > $1 ORDER BY e.id LIMIT 1000",
        )
        .bind(after)
        .fetch_all(&mut *tx)
        .await?;
        let Some(last) = rows.last() else { break };
        after = last.id;
        for row in rows {
            let Some(mut reason) = Reason::parse_legacy(&row.reason) else {
                continue;
            };
            // The claimed code's product, so its name can be read in other languages.
            if let Reason::Claim { product_id, .. } = &mut reason {
                *product_id = row.product_id;
            }
            sqlx::query("UPDATE ledger_entries SET reason_data = $1 WHERE id = $2")
                .bind(reason.to_json())
                .bind(row.id)
                .execute(&mut *tx)
                .await?;
            read += 1;
        }
    }
    // Invariant: the flag turns to 1 in the same transaction as the rows it stands for.
    sqlx::query("UPDATE program_settings SET value = 1 WHERE key = 'reasons.as_data'")
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(read)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CODE: &str = "ABCD-EFGH-JKMN-PQRS";

    fn code() -> String {
        // A real code (its check character right), so the parser accepts it.
        UnitCode::from_bits(0x1234_5678_9abc_def0_1234).grouped()
    }

    #[test]
    fn old_english_reasons_are_read_as_data() {
        let c = code();
        let cases = [
            (
                format!("Tyre R16 · {c}"),
                Some(Reason::Claim {
                    product: "Tyre R16".into(),
                    code: c.clone(),
                    product_id: None,
                }),
            ),
            (
                format!("Kit · 4 pcs · {c}"),
                Some(Reason::Claim {
                    product: "Kit · 4 pcs".into(),
                    code: c.clone(),
                    product_id: None,
                }),
            ),
            (
                format!("Reversal of Tyre R16 · {c}: sold twice"),
                Some(Reason::ClaimReversed {
                    product: "Tyre R16".into(),
                    code: c.clone(),
                    note: "sold twice".into(),
                }),
            ),
            (
                "Order #12 · Fishing rod".into(),
                Some(Reason::Order {
                    order: 12,
                    title: "Fishing rod".into(),
                }),
            ),
            (
                "Refund: order #12 · Fishing rod cancelled (out of stock)".into(),
                Some(Reason::OrderRefund {
                    order: 12,
                    title: "Fishing rod".into(),
                    note: "out of stock".into(),
                }),
            ),
            (
                "Points earned before 2026-12-02 expired (24 months)".into(),
                Some(Reason::Expiry {
                    before: 1_796_169_600,
                    months: 24,
                }),
            ),
            (
                "Left the company on 2026-12-02: points kept for 30 days have expired".into(),
                Some(Reason::LeaverExpiry {
                    left_at: 1_796_169_600,
                    grace_days: 30,
                }),
            ),
            ("Bonus for the trade fair".into(), None),
            (format!("Tyre R16 · {CODE}"), None),
            ("Order #twelve · Rod".into(), None),
            (
                "Points earned before 2026-13-02 expired (24 months)".into(),
                None,
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(Reason::parse_legacy(&text), expected, "{text}");
        }
    }

    #[test]
    fn a_reason_reads_in_each_language() {
        let expiry = Reason::Expiry {
            before: 1_796_169_600,
            months: 24,
        };
        assert_eq!(
            expiry.text(Lang::En),
            "Points earned before 2 December 2026 expired (24 months)"
        );
        assert_eq!(
            expiry.text(Lang::Ru),
            "Сгорели баллы, начисленные до 2 декабря 2026 (24 месяца)"
        );
        let order = Reason::Order {
            order: 7,
            title: "Rod".into(),
        };
        let texts: Vec<String> = Lang::ALL.iter().map(|l| order.text(*l)).collect();
        assert_eq!(
            texts,
            [
                "Order #7 · Rod",
                "Заказ №7 · Rod",
                "Commande n°\u{a0}7 · Rod",
                "Sipariş no. 7 · Rod",
                "Comanda nr. 7 · Rod"
            ]
        );
        // Stored data wins over the stored sentence; no data, or data from a newer app, shows
        // the sentence.
        let json = order.to_json();
        let none = Default::default();
        assert_eq!(
            Reason::shown(
                "Order #7 · Rod",
                Reason::from_data(Some(&json)),
                Lang::Ru,
                &none
            ),
            "Заказ №7 · Rod"
        );
        assert_eq!(
            Reason::shown("Bonus", Reason::from_data(None), Lang::Ru, &none),
            "Bonus"
        );
        assert_eq!(
            Reason::shown(
                "Bonus",
                Reason::from_data(Some(r#"{"kind":"future"}"#)),
                Lang::Ru,
                &none
            ),
            "Bonus"
        );
        // A claim names its product in the reader's language where the admin wrote it.
        let claim = Reason::Claim {
            product: "Tyre R16".into(),
            code: "ABCD".into(),
            product_id: Some(3),
        }
        .to_json();
        let names = [((3, "name".to_string()), "Шина R16".to_string())].into();
        assert_eq!(
            Reason::shown(
                "Tyre R16 · ABCD",
                Reason::from_data(Some(&claim)),
                Lang::Ru,
                &names
            ),
            "Шина R16 · ABCD"
        );
    }
}
