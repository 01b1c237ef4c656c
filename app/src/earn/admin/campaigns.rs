//! Campaigns (time-boxed multipliers and bonuses), the program's earning settings, a preview of what
//! a claim would earn, and the audit log. Admins only.

#[cfg(feature = "ssr")]
use crate::call::Call;
use crate::earn::rules::{self, Campaign, Effect, MAX_FACTOR};
use crate::error::{AppError, Field};
use serde::{Deserialize, Serialize};

/// A campaign as an admin typed it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CampaignInput {
    pub name: String,
    /// The name in the languages besides the default (what a claim's breakdown says); `None`
    /// (the caller sent none) leaves the stored ones.
    pub name_in: Option<crate::content::InLanguages>,
    pub starts_at: i64,
    pub ends_at: i64,
    pub skus: Vec<String>,
    pub categories: Vec<String>,
    pub region: Option<String>,
    pub company_id: Option<i64>,
    pub effect: Effect,
    pub budget: Option<i64>,
    pub active: bool,
}

fn list(s: &str) -> Vec<String> {
    s.split([',', ' ', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

impl CampaignInput {
    /// `starts`/`ends` are `YYYY-MM-DD`, both days included. `effect` is `multiplier` (value like
    /// `1.5`) or `bonus` (whole points).
    #[allow(clippy::too_many_arguments)]
    pub fn parse(
        name: &str,
        starts: &str,
        ends: &str,
        skus: &str,
        categories: &str,
        region: &str,
        company_id: &str,
        effect: &str,
        value: &str,
        budget: &str,
        active: bool,
    ) -> Result<CampaignInput, AppError> {
        use crate::domain::parse_iso_date;
        let name = super::catalog::parse_name(name)?;
        let starts_at = parse_iso_date(starts).ok_or(AppError::Invalid {
            field: Field::Dates,
        })?;
        let ends_day = parse_iso_date(ends).ok_or(AppError::Invalid {
            field: Field::Dates,
        })?;
        if ends_day < starts_at {
            return Err(AppError::Invalid {
                field: Field::Dates,
            });
        }
        let effect = match effect.trim() {
            "multiplier" => {
                let f = rules::parse_factor(value)
                    .filter(|f| (rules::ONE..=MAX_FACTOR).contains(f))
                    .ok_or(AppError::Invalid {
                        field: Field::Value,
                    })?;
                Effect::Multiplier(f)
            }
            "bonus" => Effect::Bonus(crate::forms::parse_whole(
                value,
                Field::Value,
                1,
                rules::MAX_BASE_POINTS,
            )?),
            _ => return Err(AppError::Invalid { field: Field::Kind }),
        };
        let budget = match budget.trim() {
            "" => None,
            b => Some(crate::forms::parse_whole(
                b,
                Field::Budget,
                0,
                1_000_000_000_000,
            )?),
        };
        let region = match region.trim() {
            "" => None,
            r if r.chars().count() <= 80 => Some(r.to_string()),
            _ => {
                return Err(AppError::Invalid {
                    field: Field::Region,
                });
            }
        };
        let company_id = match company_id.trim() {
            "" => None,
            c => Some(c.parse().map_err(|_| AppError::Invalid {
                field: Field::Company,
            })?),
        };
        let skus = list(skus)
            .into_iter()
            .map(|s| {
                crate::domain::Sku::parse(&s)
                    .map(|s| s.as_str().to_string())
                    .ok_or(AppError::Invalid {
                        field: Field::Product,
                    })
            })
            .collect::<Result<_, _>>()?;
        Ok(CampaignInput {
            name,
            name_in: None,
            starts_at,
            ends_at: ends_day + 86_400,
            skus,
            categories: list(categories)
                .into_iter()
                .map(|c| c.to_lowercase())
                .collect(),
            region,
            company_id,
            effect,
            budget,
            active,
        })
    }
}

/// A campaign for the admin list: the engine's view plus the SKUs and category codes it names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignRow {
    pub campaign: Campaign,
    pub skus: Vec<String>,
    pub categories: Vec<String>,
    #[serde(default)]
    pub name_in: crate::content::InLanguages,
}

/// What a preview asks: "a `kind` at `tier` scanning `sku` on `date` (of company / region)".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preview {
    pub points: i64,
    pub breakdown: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRow {
    pub id: i64,
    pub actor: Option<String>,
    pub action: String,
    pub subject: String,
    pub before: Option<String>,
    pub after: Option<String>,
    pub at: i64,
}

#[cfg(feature = "ssr")]
pub mod db {
    use super::*;
    use crate::audit;
    use crate::earn::service::{CAMPAIGN_COLUMNS, campaign_from_row};
    use crate::state::Db;
    use sqlx::{Any, Transaction};

    async fn ids_for(
        tx: &mut Transaction<'static, Any>,
        table_sql: &str,
        keys: &[String],
        field: Field,
    ) -> Result<String, AppError> {
        let mut ids = Vec::new();
        for k in keys {
            let id: Option<i64> = sqlx::query_scalar(table_sql)
                .bind(k)
                .fetch_optional(&mut **tx)
                .await?;
            ids.push(id.ok_or(AppError::Invalid { field })?.to_string());
        }
        Ok(ids.join(","))
    }

    async fn names_for(db: &Db, sql: &str, ids: &[i64]) -> Result<Vec<String>, AppError> {
        let mut out = Vec::new();
        for id in ids {
            if let Some(n) = sqlx::query_scalar::<_, String>(sql)
                .bind(id)
                .fetch_optional(&db.pool)
                .await?
            {
                out.push(n);
            }
        }
        Ok(out)
    }

    pub async fn list(db: &Db) -> Result<Vec<CampaignRow>, AppError> {
        let rows = sqlx::query(&format!(
            "{CAMPAIGN_COLUMNS} ORDER BY ends_at DESC, id DESC LIMIT 200"
        ))
        .fetch_all(&db.pool)
        .await?;
        let mut texts = {
            let mut conn = db.pool.acquire().await?;
            crate::content::all_langs(&mut conn, "campaign").await?
        };
        let mut out = Vec::new();
        for r in &rows {
            let c = campaign_from_row(r)?;
            out.push(CampaignRow {
                name_in: texts
                    .remove(&(c.id, "name".to_string()))
                    .unwrap_or_default(),
                skus: names_for(db, "SELECT sku FROM products WHERE id = $1", &c.product_ids)
                    .await?,
                categories: names_for(
                    db,
                    "SELECT code FROM product_categories WHERE id = $1",
                    &c.category_ids,
                )
                .await?,
                campaign: c,
            });
        }
        Ok(out)
    }

    async fn one(
        tx: &mut Transaction<'static, Any>,
        id: i64,
    ) -> Result<Option<Campaign>, AppError> {
        let row = sqlx::query(&format!("{CAMPAIGN_COLUMNS} WHERE id = $1"))
            .bind(id)
            .fetch_optional(&mut **tx)
            .await?;
        Ok(row.as_ref().map(campaign_from_row).transpose()?)
    }

    /// A campaign as the audit log records it: the record, and its names in other languages.
    #[derive(Serialize)]
    struct Audited {
        #[serde(flatten)]
        campaign: Campaign,
        name_in: crate::content::InLanguages,
    }

    async fn names_of(
        tx: &mut Transaction<'static, Any>,
        id: i64,
    ) -> Result<crate::content::InLanguages, AppError> {
        Ok(crate::content::of(tx, "campaign", id)
            .await?
            .remove("name")
            .unwrap_or_default())
    }

    pub async fn save(
        db: &Db,
        actor: i64,
        id: Option<i64>,
        c: &CampaignInput,
        now: i64,
    ) -> Result<Campaign, AppError> {
        let mut tx = db.begin_write().await?;
        let products = ids_for(
            &mut tx,
            "SELECT id FROM products WHERE sku = $1",
            &c.skus,
            Field::Product,
        )
        .await?;
        let categories = ids_for(
            &mut tx,
            "SELECT id FROM product_categories WHERE code = $1",
            &c.categories,
            Field::Category,
        )
        .await?;
        if let Some(company) = c.company_id {
            let exists: Option<i64> =
                sqlx::query_scalar("SELECT id FROM partner_companies WHERE id = $1")
                    .bind(company)
                    .fetch_optional(&mut *tx)
                    .await?;
            exists.ok_or(AppError::Invalid {
                field: Field::Company,
            })?;
        }
        let (effect, value) = match c.effect {
            Effect::Multiplier(f) => ("multiplier", f),
            Effect::Bonus(b) => ("bonus", b),
        };
        let before = match id {
            Some(id) => Some(Audited {
                campaign: one(&mut tx, id).await?.ok_or(AppError::NotFound)?,
                name_in: names_of(&mut tx, id).await?,
            }),
            None => None,
        };
        let id: i64 = match id {
            Some(id) => {
                sqlx::query(
                    "UPDATE campaigns SET name = $1, starts_at = $2, ends_at = $3, product_ids = $4, \
                     category_ids = $5, region = $6, company_id = $7, effect = $8, value = $9, budget = $10, \
                     active = $11, updated_at = $12 WHERE id = $13",
                )
                .bind(&c.name)
                .bind(c.starts_at)
                .bind(c.ends_at)
                .bind(&products)
                .bind(&categories)
                .bind(&c.region)
                .bind(c.company_id)
                .bind(effect)
                .bind(value)
                .bind(c.budget)
                .bind(i64::from(c.active))
                .bind(now)
                .bind(id)
                .execute(&mut *tx)
                .await?;
                id
            }
            None => sqlx::query_scalar(
                "INSERT INTO campaigns (name, starts_at, ends_at, product_ids, category_ids, region, \
                 company_id, effect, value, budget, active, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id",
            )
            .bind(&c.name)
            .bind(c.starts_at)
            .bind(c.ends_at)
            .bind(&products)
            .bind(&categories)
            .bind(&c.region)
            .bind(c.company_id)
            .bind(effect)
            .bind(value)
            .bind(c.budget)
            .bind(i64::from(c.active))
            .bind(now)
            .fetch_one(&mut *tx)
            .await?,
        };
        // Invariant: a campaign and its names in other languages change in one transaction.
        if let Some(names) = &c.name_in {
            crate::content::save(&mut tx, "campaign", id, "name", names).await?;
        }
        let after = Audited {
            campaign: one(&mut tx, id).await?.ok_or(AppError::Internal)?,
            name_in: names_of(&mut tx, id).await?,
        };
        audit::commit(
            tx,
            Some(actor),
            if before.is_some() {
                "campaign.update"
            } else {
                "campaign.create"
            },
            &format!("campaign:{id}"),
            before.as_ref(),
            Some(&after),
            now,
        )
        .await?;
        db.rules_cache.clear();
        Ok(after.campaign)
    }

    /// A product with its category's rate, as [`preview`] reads it.
    #[derive(sqlx::FromRow)]
    struct PreviewProductRow {
        id: i64,
        name: String,
        category_id: Option<i64>,
        base_points: i64,
        price: Option<i64>,
        rate_points: Option<i64>,
        rate_per: Option<i64>,
    }

    /// What a participant like this would earn for `sku` at `at`, with today's campaigns and
    /// settings (budgets as they stand now), without claiming anything.
    pub async fn preview(
        db: &Db,
        sku: &str,
        who: &rules::ParticipantFacts,
        at: i64,
        lang: crate::i18n::Lang,
    ) -> Result<Preview, AppError> {
        use crate::earn::service::{CampaignsAt, campaigns, program_rules};
        let mut conn = db.pool.acquire().await?;
        let row = sqlx::query_as::<_, PreviewProductRow>(
            "SELECT p.id, p.name, p.category_id, p.base_points, p.price, c.rate_points, c.rate_per \
             FROM products p LEFT JOIN product_categories c ON c.id = p.category_id WHERE p.sku = $1",
        )
        .bind(sku)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(AppError::Invalid {
            field: Field::Product,
        })?;
        let product = rules::ProductFacts {
            id: row.id,
            name: row.name,
            category_id: row.category_id,
            base_points: row.base_points,
            price: row.price,
        };
        let program = program_rules(&mut conn).await?;
        let campaigns = campaigns(&mut conn, CampaignsAt::RunningAt(at)).await?;
        let award = rules::evaluate(&rules::Claim {
            product: &product,
            category_rate: row
                .rate_points
                .zip(row.rate_per)
                .map(|(points, per)| rules::Rate { points, per }),
            who,
            at,
            campaigns: &campaigns,
            rules: &program,
            earned_today: 0,
            quantity: 1,
        })
        .map_err(|rules::Refusal::DailyCapReached { cap }| AppError::DailyCapReached { cap })?;
        Ok(Preview {
            points: award.total,
            breakdown: rules::describe(&product.name, &award.lines, award.total, lang),
        })
    }

    /// One line of [`audit_log`] with the actor's name.
    #[derive(sqlx::FromRow)]
    struct AuditEntryRow {
        id: i64,
        actor: Option<String>,
        action: String,
        subject: String,
        before_json: Option<String>,
        after_json: Option<String>,
        at: i64,
    }

    pub async fn audit_log(db: &Db, before: Option<i64>) -> Result<Vec<AuditRow>, AppError> {
        let rows = sqlx::query_as::<_, AuditEntryRow>(
            "SELECT a.id, u.name AS actor, a.action, a.subject, a.before_json, a.after_json, a.at \
                 FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id WHERE a.id < $1 \
                 ORDER BY a.id DESC LIMIT 100",
        )
        .bind(before.unwrap_or(i64::MAX))
        .fetch_all(&db.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| AuditRow {
                id: r.id,
                actor: r.actor,
                action: r.action,
                subject: r.subject,
                before: r.before_json,
                after: r.after_json,
                at: r.at,
            })
            .collect())
    }
}

#[leptos::server(prefix = "/api", endpoint = "admin/campaigns")]
pub async fn list_campaigns() -> Result<Vec<CampaignRow>, AppError> {
    let call = Call::new(crate::call::ADMINS)?;
    db::list(call.db()).await
}

/// Creates a campaign, or with `id` updates it. Lists (`skus`, `categories`) are comma separated;
/// both empty means every product.
#[allow(clippy::too_many_arguments)]
#[leptos::server(prefix = "/api", endpoint = "admin/campaign_save")]
pub async fn save_campaign(
    id: Option<i64>,
    name: String,
    starts: String,
    ends: String,
    skus: String,
    categories: String,
    region: String,
    company_id: String,
    effect: String,
    value: String,
    budget: String,
    active: Option<String>,
    name_in: Option<crate::content::InLanguages>,
) -> Result<Campaign, AppError> {
    let call = Call::new(crate::call::ADMINS)?;
    let name_in = name_in
        .map(|n| crate::content::InLanguages::parse(Some(n), true, 120, Field::Name))
        .transpose()?;
    let input = CampaignInput::parse(
        &name,
        &starts,
        &ends,
        &skus,
        &categories,
        &region,
        &company_id,
        &effect,
        &value,
        &budget,
        active.as_deref().is_some_and(super::catalog::truthy),
    )?;
    let input = CampaignInput { name_in, ..input };
    db::save(call.db(), call.user.id, id, &input, call.now).await
}

/// "A `kind` at `tier` scanning `sku` on `date` earns …". `kind`: seller, foreman, engineer;
/// `tier`: base, silver, gold; `company_id` and `region` optional.
#[leptos::server(prefix = "/api", endpoint = "admin/preview")]
pub async fn preview_award(
    sku: String,
    kind: String,
    tier: String,
    date: String,
    region: Option<String>,
    company_id: Option<String>,
) -> Result<Preview, AppError> {
    use crate::domain::{ParticipantKind, Sku, Tier, parse_iso_date};

    let call = Call::new(crate::call::ADMINS)?;
    let sku = Sku::parse(&sku).ok_or(AppError::Invalid {
        field: Field::Product,
    })?;
    let kind =
        ParticipantKind::parse(kind.trim()).ok_or(AppError::Invalid { field: Field::Kind })?;
    let tier = match tier.trim() {
        "base" => Tier::Base,
        "silver" => Tier::Silver,
        "gold" => Tier::Gold,
        _ => return Err(AppError::Invalid { field: Field::Kind }),
    };
    // Midday, so a campaign that runs that day counts whatever its hours.
    let at = parse_iso_date(&date).ok_or(AppError::Invalid {
        field: Field::Dates,
    })? + 43_200;
    let company_id = match company_id
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        None => None,
        Some(c) => Some(c.parse().map_err(|_| AppError::Invalid {
            field: Field::Company,
        })?),
    };
    let who = rules::ParticipantFacts {
        kind: Some(kind),
        tier,
        company_id,
        region: region
            .map(|r| r.trim().to_string())
            .filter(|r| !r.is_empty()),
    };
    db::preview(call.db(), sku.as_str(), &who, at, call.lang()).await
}

#[leptos::server(prefix = "/api", endpoint = "admin/audit")]
pub async fn audit_log(before: Option<i64>) -> Result<Vec<AuditRow>, AppError> {
    let call = Call::new(crate::call::ADMINS)?;
    db::audit_log(call.db(), before).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn campaign_forms_are_checked() {
        let c = CampaignInput::parse(
            "Spring",
            "2027-03-01",
            "2027-05-31",
            "tyre-r16, PUMP-1",
            "tyres",
            "",
            "",
            "multiplier",
            "1.5",
            "",
            true,
        )
        .unwrap();
        assert_eq!(c.effect, Effect::Multiplier(1_500));
        assert_eq!(c.skus, vec!["TYRE-R16", "PUMP-1"]);
        assert_eq!(c.ends_at - c.starts_at, 92 * 86_400);
        let bad = |starts, ends, effect, value, budget| {
            CampaignInput::parse(
                "X", starts, ends, "", "", "", "", effect, value, budget, true,
            )
            .unwrap_err()
        };
        assert_eq!(
            bad("2027-05-01", "2027-04-01", "bonus", "5", ""),
            AppError::Invalid {
                field: Field::Dates
            }
        );
        assert_eq!(
            bad("2027-02-30", "2027-04-01", "bonus", "5", ""),
            AppError::Invalid {
                field: Field::Dates
            }
        );
        assert_eq!(
            bad("2027-01-01", "2027-04-01", "multiplier", "0.5", ""),
            AppError::Invalid {
                field: Field::Value
            }
        );
        assert_eq!(
            bad("2027-01-01", "2027-04-01", "bonus", "-5", ""),
            AppError::Invalid {
                field: Field::Value
            }
        );
        assert_eq!(
            bad("2027-01-01", "2027-04-01", "bonus", "5", "x"),
            AppError::Invalid {
                field: Field::Budget
            }
        );
        assert_eq!(
            bad("2027-01-01", "2027-04-01", "gift", "5", ""),
            AppError::Invalid { field: Field::Kind }
        );
    }
}
