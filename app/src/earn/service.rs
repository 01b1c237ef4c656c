//! Claiming a unit code, on the server: the checks in the order people expect them, the rules
//! engine, and the exactly-once credit. Everything a claim changes happens in one transaction.

use super::code::UnitCode;
use super::ledger::{self, NewEntry};
use super::rules::{
    self, Award, Campaign, Effect, ParticipantFacts, ProductFacts, ProgramRules, Rate,
};
use crate::domain::{
    CodeStatus, CompanyStatus, EntryKind, ParticipantKind, Tier, UserStatus, day_start,
};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::limits;
use crate::state::{Backend, Db, RateLimit};
use serde::{Deserialize, Serialize};
use sqlx::{Any, AnyConnection, Row, Transaction};

/// After this many refused claims in the window a participant is slowed down.
pub const FAILED_CLAIMS: RateLimit = RateLimit {
    max: 10,
    window_secs: 10 * 60,
};

/// What a successful claim tells the participant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claimed {
    pub entry_id: i64,
    pub code: String,
    pub product_id: i64,
    pub category_id: Option<i64>,
    pub product: String,
    pub points: i64,
    pub lines: Vec<rules::Line>,
    pub balance: i64,
    pub tip: Option<String>,
}

fn fail_bucket(user_id: i64) -> String {
    format!("claim-fail:{user_id}")
}

/// Refusals that look like guessing or copying codes; they count towards the slow-down. Claiming
/// your own code twice or hitting the daily cap is logged but not held against anyone.
fn counts_as_suspicious(e: &AppError) -> bool {
    !matches!(
        e,
        AppError::ClaimedByYou { .. }
            | AppError::DailyCapReached { .. }
            | AppError::Internal
            | AppError::RateLimited { .. }
    )
}

/// Claims the code in `input` (typed, or the text a scanner read) for `user_id`.
pub async fn claim(
    db: &Db,
    user_id: i64,
    input: &str,
    ip: Option<&str>,
    now: i64,
) -> Result<Claimed, AppError> {
    // One read connection serves the slow-down check and the claim's checks; it is handed back
    // before the write transaction starts.
    let mut conn = db.pool.acquire().await?;
    limits::check(&mut conn, &fail_bucket(user_id), FAILED_CLAIMS, now).await?;
    let parsed = UnitCode::from_scanned(input).map_err(AppError::from);
    let result = match &parsed {
        Ok(code) => claim_parsed(db, conn, user_id, code, now).await,
        Err(e) => Err(e.clone()),
    };
    if let Err(e) = &result
        && !matches!(e, AppError::Internal)
    {
        record_failure(db, user_id, input, parsed.as_ref().ok(), e, ip, now).await?;
    }
    result
}

async fn record_failure(
    db: &Db,
    user_id: i64,
    input: &str,
    code: Option<&UnitCode>,
    e: &AppError,
    ip: Option<&str>,
    now: i64,
) -> Result<(), AppError> {
    // Kept for fraud review as it was sent, made safe to store.
    let input = crate::domain::printable(input, 200);
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO claim_failures (user_id, input, code, reason, ip, at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(user_id)
    .bind(&input)
    .bind(code.map(|c| c.as_str().to_string()))
    .bind(e.code())
    .bind(ip)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    if counts_as_suspicious(e) {
        limits::record(&mut tx, &fail_bucket(user_id), now).await?;
    }
    tx.commit().await?;
    tracing::info!(user = user_id, reason = e.code(), "claim refused");
    Ok(())
}

struct CodeRow {
    id: i64,
    status: CodeStatus,
    claimed_by: Option<i64>,
    claimed_at: Option<i64>,
    product: ProductFacts,
    product_active: bool,
    rate: Option<Rate>,
    tip: String,
    /// The claimant, read in the same statement: role kind, company, region and tier. The tier
    /// can lag a claim the same participant is making at this very moment; that is harmless
    /// (the daily cap, which must not lag, is read under the write lock).
    who: ParticipantFacts,
    /// False for leavers and members of a suspended company.
    may_earn: bool,
}

/// [`find_code`]'s columns, by the names its SELECT gives them.
#[derive(sqlx::FromRow)]
struct FoundCodeRow {
    code_id: i64,
    code_status: CodeStatus,
    claimed_by: Option<i64>,
    claimed_at: Option<i64>,
    product_id: i64,
    name: String,
    category_id: Option<i64>,
    base_points: i64,
    price: Option<i64>,
    active: i64,
    rate_points: Option<i64>,
    rate_per: Option<i64>,
    tip: Option<String>,
    kind: Option<String>,
    company_id: Option<i64>,
    region: Option<String>,
    earned_year: i64,
    user_status: UserStatus,
    company_status: Option<CompanyStatus>,
}

impl From<FoundCodeRow> for CodeRow {
    fn from(r: FoundCodeRow) -> CodeRow {
        CodeRow {
            may_earn: r.user_status == UserStatus::Active
                && r.company_status != Some(CompanyStatus::Suspended),
            id: r.code_id,
            status: r.code_status,
            claimed_by: r.claimed_by,
            claimed_at: r.claimed_at,
            product: ProductFacts {
                id: r.product_id,
                name: r.name,
                category_id: r.category_id,
                base_points: r.base_points,
                price: r.price,
            },
            product_active: r.active == 1,
            rate: r
                .rate_points
                .zip(r.rate_per)
                .map(|(points, per)| Rate { points, per }),
            tip: r.tip.unwrap_or_default(),
            who: ParticipantFacts {
                kind: r.kind.as_deref().and_then(ParticipantKind::parse),
                tier: Tier::for_points_earned(r.earned_year.max(0)),
                company_id: r.company_id,
                region: r.region,
            },
        }
    }
}

/// The code, its product and the claimant, in one read.
async fn find_code(
    conn: &mut AnyConnection,
    code: &UnitCode,
    user_id: i64,
    now: i64,
) -> Result<Option<CodeRow>, AppError> {
    let row = sqlx::query_as::<_, FoundCodeRow>(&format!(
        "SELECT uc.id AS code_id, uc.status AS code_status, uc.claimed_by, uc.claimed_at, \
         p.id AS product_id, p.name, p.category_id, \
         p.base_points, p.price, p.active, c.rate_points, c.rate_per, c.tip, \
         u.kind, u.company_id, pc.region, \
         (SELECT CAST(COALESCE(SUM(points), 0) AS BIGINT) FROM ledger_entries \
          WHERE user_id = $2 AND created_at >= $3 AND {}) AS earned_year, \
         u.status AS user_status, pc.status AS company_status \
         FROM unit_codes uc JOIN products p ON p.id = uc.product_id \
         LEFT JOIN product_categories c ON c.id = p.category_id \
         JOIN users u ON u.id = $2 LEFT JOIN partner_companies pc ON pc.id = u.company_id \
         WHERE uc.code = $1",
        ledger::EARNING_ENTRIES
    ))
    .bind(code.as_str())
    .bind(user_id)
    .bind(now - ledger::TIER_WINDOW_SECS)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(CodeRow::from))
}

/// One stored program setting.
#[derive(sqlx::FromRow)]
struct SettingRow {
    key: String,
    value: i64,
}

/// The program's settings (role and tier factors, the daily cap).
pub async fn program_rules(conn: &mut AnyConnection) -> Result<ProgramRules, AppError> {
    let rows = sqlx::query_as::<_, SettingRow>("SELECT key, value FROM program_settings")
        .fetch_all(conn)
        .await?;
    let mut r = ProgramRules::default();
    for SettingRow { key, value } in rows {
        match key.as_str() {
            "role.seller" => r.seller = value,
            "role.foreman" => r.foreman = value,
            "role.engineer" => r.engineer = value,
            "tier.silver" => r.silver = value,
            "tier.gold" => r.gold = value,
            "daily_cap" => r.daily_cap = (value > 0).then_some(value),
            _ => {}
        }
    }
    Ok(r)
}

/// Months after which points expire (24 unless the admin set otherwise).
pub async fn expiry_months(conn: &mut AnyConnection) -> Result<i64, AppError> {
    Ok(crate::settings::setting(conn, "expiry_months")
        .await?
        .unwrap_or(24)
        .max(1))
}

fn id_list(s: &str) -> Vec<i64> {
    s.split(',').filter_map(|p| p.trim().parse().ok()).collect()
}

pub(crate) fn campaign_from_row(r: &sqlx::any::AnyRow) -> Result<Campaign, sqlx::Error> {
    let effect: String = r.try_get("effect")?;
    let value: i64 = r.try_get("value")?;
    Ok(Campaign {
        id: r.try_get("id")?,
        name: r.try_get("name")?,
        starts_at: r.try_get("starts_at")?,
        ends_at: r.try_get("ends_at")?,
        product_ids: id_list(&r.try_get::<String, _>("product_ids")?),
        category_ids: id_list(&r.try_get::<String, _>("category_ids")?),
        region: r.try_get("region")?,
        company_id: r.try_get("company_id")?,
        effect: if effect == "bonus" {
            Effect::Bonus(value)
        } else {
            Effect::Multiplier(value)
        },
        budget: r.try_get("budget")?,
        spent: r.try_get("spent")?,
        active: r.try_get::<i64, _>("active")? == 1,
    })
}

pub const CAMPAIGN_COLUMNS: &str = "SELECT id, name, starts_at, ends_at, product_ids, category_ids, \
     region, company_id, effect, value, budget, spent, active FROM campaigns";

/// Which active campaigns a query wants: those running at a moment (a preview, a claim's own
/// time), or those not yet over (the rules cache, which checks each campaign's start per claim).
#[derive(Clone, Copy, Debug)]
pub enum CampaignsAt {
    RunningAt(i64),
    NotOverBy(i64),
}

pub async fn campaigns(
    conn: &mut AnyConnection,
    which: CampaignsAt,
) -> Result<Vec<Campaign>, AppError> {
    let (filter, at) = match which {
        CampaignsAt::RunningAt(at) => ("starts_at <= $1 AND ends_at > $1", at),
        CampaignsAt::NotOverBy(at) => ("ends_at > $1", at),
    };
    let rows = sqlx::query(&format!(
        "{CAMPAIGN_COLUMNS} WHERE active = 1 AND {filter} ORDER BY id"
    ))
    .bind(at)
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(campaign_from_row)
        .collect::<Result<_, _>>()
        .map_err(AppError::from)
}

/// Who holds a code, read again when the claim's update found it taken meanwhile.
#[derive(sqlx::FromRow)]
struct ClaimedRow {
    claimed_by: Option<i64>,
    claimed_at: Option<i64>,
}

async fn claim_parsed(
    db: &Db,
    mut conn: sqlx::pool::PoolConnection<Any>,
    user_id: i64,
    code: &UnitCode,
    now: i64,
) -> Result<Claimed, AppError> {
    // The checks read outside the write transaction (on SQLite, reads do not queue behind
    // writers); the update below re-checks "active and unclaimed" under the lock.
    let row = find_code(&mut conn, code, user_id, now)
        .await?
        .ok_or(AppError::UnitCodeUnknown)?;
    if !row.may_earn {
        return Err(crate::org::service::earning_refusal(&mut conn, user_id)
            .await?
            .unwrap_or(AppError::Forbidden));
    }
    match row.status {
        CodeStatus::Inactive => return Err(AppError::UnitCodeNotActive),
        CodeStatus::Voided => return Err(AppError::UnitCodeVoided),
        CodeStatus::Active => {}
    }
    match (row.claimed_by, row.claimed_at) {
        (Some(by), at) if by == user_id => {
            return Err(AppError::ClaimedByYou {
                at: at.unwrap_or(now),
            });
        }
        (Some(_), _) => return Err(AppError::ClaimedByOther),
        (None, _) => {}
    }
    if !row.product_active {
        return Err(AppError::ProductInactive);
    }
    let (program, campaigns) = match db.rules_cache.get() {
        Some(cached) => cached,
        None => {
            let program = program_rules(&mut conn).await?;
            let campaigns = campaigns(&mut conn, CampaignsAt::NotOverBy(now)).await?;
            db.rules_cache.put(program.clone(), campaigns.clone());
            (program, campaigns)
        }
    };
    drop(conn);

    let mut tx = db.begin_write().await?;
    // One claim per participant at a time, so that two claims cannot both fit under the daily
    // cap: on PostgreSQL the participant's balance row is the lock; SQLite's single writer
    // already holds the database write lock.
    if db.backend == Backend::Postgres {
        ledger::lock_balance(&mut tx, user_id, now).await?;
    }

    // The code is taken here, or not at all: a concurrent claim of the same code waits on this
    // row and then finds it taken. The same statement reads the participant's points today.
    let today: Option<i64> = sqlx::query_scalar(
        "UPDATE unit_codes SET claimed_by = $1, claimed_at = $2 \
         WHERE id = $3 AND claimed_by IS NULL AND status = 'active' \
         RETURNING (SELECT CAST(COALESCE(SUM(points), 0) AS BIGINT) FROM ledger_entries \
          WHERE user_id = $1 AND created_at >= $4 AND kind = 'accrual' \
          AND receipt_claim_id IS NULL)",
    )
    .bind(user_id)
    .bind(now)
    .bind(row.id)
    .bind(day_start(now))
    .fetch_optional(&mut *tx)
    .await?;
    let Some(today) = today else {
        let ClaimedRow {
            claimed_by,
            claimed_at,
        } = sqlx::query_as::<_, ClaimedRow>(
            "SELECT claimed_by, claimed_at FROM unit_codes WHERE id = $1",
        )
        .bind(row.id)
        .fetch_one(&mut *tx)
        .await?;
        return Err(match claimed_by {
            Some(b) if b == user_id => AppError::ClaimedByYou {
                at: claimed_at.unwrap_or(now),
            },
            Some(_) => AppError::ClaimedByOther,
            None => AppError::UnitCodeVoided,
        });
    };

    let award = award_for(
        &mut tx,
        &row.product,
        row.rate,
        &row.who,
        &program,
        campaigns,
        today,
        now,
        1,
    )
    .await?;
    let breakdown = serde_json::to_string(&award.lines).map_err(|e| {
        tracing::error!(error = %e, "breakdown did not serialise");
        AppError::Internal
    })?;
    let reason = super::reason::Reason::Claim {
        product: row.product.name.clone(),
        code: code.grouped(),
        product_id: Some(row.product.id),
    };
    let appended = ledger::append(
        &mut tx,
        NewEntry {
            breakdown: Some(&breakdown),
            unit_code_id: Some(row.id),
            ..NewEntry::new(user_id, EntryKind::Accrual, award.total, &reason)
        },
        now,
    )
    .await?;
    for (campaign, points) in &award.campaign_spend {
        sqlx::query("UPDATE campaigns SET spent = spent + $1 WHERE id = $2")
            .bind(points)
            .bind(campaign)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(Claimed {
        entry_id: appended.id,
        code: code.grouped(),
        product_id: row.product.id,
        category_id: row.product.category_id,
        product: row.product.name,
        points: award.total,
        lines: award.lines,
        balance: appended.balance,
        tip: (!row.tip.trim().is_empty()).then_some(row.tip),
    })
}

impl Claimed {
    /// The product's name and the category's tip in `lang` where the admin wrote them in it.
    /// The claim is made and committed by now: a translation that cannot be read leaves the
    /// default language's words, never turns the credited claim into an error.
    pub async fn in_lang(self, conn: &mut AnyConnection, lang: Lang) -> Claimed {
        let as_made = self.clone();
        match self.translated(conn, lang).await {
            Ok(c) => c,
            Err(e) => {
                tracing::warn!(error = %e, "claim shown in the default language");
                as_made
            }
        }
    }

    /// [`Claimed::in_lang`] with a connection of its own from `db`.
    pub async fn in_lang_from(self, db: &Db, lang: Lang) -> Claimed {
        match db.pool.acquire().await {
            Ok(mut conn) => self.in_lang(&mut conn, lang).await,
            Err(e) => {
                tracing::warn!(error = %e, "claim shown in the default language");
                self
            }
        }
    }

    async fn translated(
        mut self,
        conn: &mut AnyConnection,
        lang: Lang,
    ) -> Result<Claimed, sqlx::Error> {
        use crate::content::text_in;
        let ids: Vec<i64> = super::rules::campaign_ids(&self.lines).collect();
        let campaigns = crate::content::in_lang_for(&mut *conn, "campaign", lang, &ids).await?;
        super::rules::name_campaigns(&mut self.lines, &campaigns);
        if let Some(name) = text_in(&mut *conn, "product", self.product_id, "name", lang).await? {
            self.product = name;
        }
        if let Some(category) = self.category_id
            && self.tip.is_some()
            && let Some(tip) = text_in(conn, "product_category", category, "tip", lang).await?
        {
            self.tip = Some(tip);
        }
        Ok(self)
    }
}

/// Runs the rules engine inside the claim's transaction, for `quantity` units bought `at` (a
/// unit code's claim: one, now; a receipt line: its count, at the purchase). Campaigns with a
/// budget are locked before their spend is read, so two claims cannot both spend the last of a
/// budget.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn award_for(
    tx: &mut Transaction<'static, Any>,
    product: &ProductFacts,
    rate: Option<Rate>,
    who: &ParticipantFacts,
    program: &ProgramRules,
    mut campaigns: Vec<Campaign>,
    earned_today: i64,
    at: i64,
    quantity: i64,
) -> Result<Award, AppError> {
    campaigns.retain(|c| c.starts_at <= at && at < c.ends_at);
    for c in campaigns
        .iter_mut()
        .filter(|c| c.budget.is_some() && c.applies(product, who, at))
    {
        c.spent =
            sqlx::query_scalar("UPDATE campaigns SET spent = spent WHERE id = $1 RETURNING spent")
                .bind(c.id)
                .fetch_one(&mut **tx)
                .await?;
    }
    rules::evaluate(&rules::Claim {
        product,
        category_rate: rate,
        who,
        at,
        campaigns: &campaigns,
        rules: program,
        earned_today,
        quantity,
    })
    .map_err(|rules::Refusal::DailyCapReached { cap }| AppError::DailyCapReached { cap })
}

/// [`claimed_entry`]'s columns.
#[derive(sqlx::FromRow)]
struct ClaimedEntryRow {
    points: i64,
    breakdown: Option<String>,
    code: String,
    product_id: i64,
    category_id: Option<i64>,
    name: String,
    tip: Option<String>,
}

/// A claim the participant made, read back (for the page after a plain form post).
pub async fn claimed_entry(
    conn: &mut AnyConnection,
    user_id: i64,
    entry_id: i64,
) -> Result<Claimed, AppError> {
    let row = sqlx::query_as::<_, ClaimedEntryRow>(
        "SELECT e.points, e.breakdown, uc.code, p.id AS product_id, p.category_id, p.name, c.tip \
         FROM ledger_entries e \
         JOIN unit_codes uc ON uc.id = e.unit_code_id JOIN products p ON p.id = uc.product_id \
         LEFT JOIN product_categories c ON c.id = p.category_id \
         WHERE e.id = $1 AND e.user_id = $2 AND e.kind = 'accrual'",
    )
    .bind(entry_id)
    .bind(user_id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(Claimed {
        entry_id,
        code: UnitCode::from_trusted(row.code).grouped(),
        product_id: row.product_id,
        category_id: row.category_id,
        product: row.name,
        points: row.points,
        lines: row
            .breakdown
            .and_then(|b| serde_json::from_str(&b).ok())
            .unwrap_or_default(),
        balance: ledger::balance(conn, user_id).await?,
        tip: row.tip.filter(|t| !t.trim().is_empty()),
    })
}
