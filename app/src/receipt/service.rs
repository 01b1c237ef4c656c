//! Receipt claims on the server: the automatic checks, the valuation of each line by the rules
//! engine, the pending points, and the moderator's decisions. Every change is one transaction
//! with its invariant beside it.

use super::qr::FiscalQr;
use super::{
    ClaimLine, ClaimView, Claimant, Decision, PhotoView, ProductChoice, QueueRow, ReceiptSummary,
    Submitted,
};
use crate::domain::{
    CompanyStatus, EntryKind, ParticipantKind, ReceiptFlag, ReceiptSource, ReceiptStatus,
    RejectReason, Tier, UserStatus, day_start, month_start,
};
use crate::earn::ledger::{self, NewEntry};
use crate::earn::reason::Reason;
use crate::earn::rules::{self, ParticipantFacts, ProductFacts, Rate};
use crate::earn::service::{CampaignsAt, award_for, campaigns, program_rules};
use crate::error::{AppError, Field};
use crate::i18n::Lang;
use crate::state::{Backend, Db};
use sqlx::AnyConnection;

/// How far ahead of the program's clock a document may be: its time is read in the program's
/// zone, and a shop eight or nine hours east (Vladivostok against Moscow) is that far ahead.
const CLOCK_SLACK_SECS: i64 = 12 * 3600;

/// What the participant showed of the purchase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Document {
    /// A fiscal receipt's QR code, as read and as scanned.
    Qr { qr: FiscalQr, text: String },
    /// An invoice, delivery note or a receipt without a QR, typed in.
    Invoice {
        number: String,
        supplier_tax_id: Option<String>,
        /// Midnight of its date, in the program's zone.
        at: i64,
        total: i64,
    },
}

impl Document {
    /// The key that makes one document claimable once in the whole program.
    pub fn key(&self) -> String {
        match self {
            Document::Qr { qr, .. } => qr.document_key(),
            Document::Invoice {
                number,
                supplier_tax_id,
                at,
                ..
            } => format!(
                "inv:{}:{}:{}",
                supplier_tax_id.as_deref().unwrap_or(""),
                number,
                crate::domain::iso_date(crate::format::wall_clock(*at))
            ),
        }
    }

    pub fn at(&self) -> i64 {
        match self {
            Document::Qr { qr, .. } => crate::format::from_local(qr.wall_time),
            Document::Invoice { at, .. } => *at,
        }
    }

    pub fn total(&self) -> i64 {
        match self {
            Document::Qr { qr, .. } => qr.total,
            Document::Invoice { total, .. } => *total,
        }
    }

    /// The number people read on it: an invoice's number, a receipt's document number.
    pub fn number(&self) -> String {
        match self {
            Document::Qr { qr, .. } => qr.document.to_string(),
            Document::Invoice { number, .. } => number.clone(),
        }
    }

    fn source(&self) -> ReceiptSource {
        match self {
            Document::Qr { .. } => ReceiptSource::Qr,
            Document::Invoice { .. } => ReceiptSource::Invoice,
        }
    }
}

/// A claim as submitted, parsed.
#[derive(Clone, Debug)]
pub struct NewClaim {
    pub user_id: i64,
    pub document: Document,
    pub shop: String,
    /// (product id, quantity), each product once.
    pub lines: Vec<(i64, i64)>,
    /// The phone's key for this claim.
    pub key: Option<String>,
}

/// The program's receipt settings.
#[derive(Clone, Copy, Debug)]
pub struct ReceiptSettings {
    pub window_days: i64,
    pub per_day: i64,
    pub per_month: i64,
}

pub async fn receipt_settings(conn: &mut AnyConnection) -> Result<ReceiptSettings, AppError> {
    use crate::settings::setting;
    Ok(ReceiptSettings {
        window_days: setting(&mut *conn, "receipt.window_days")
            .await?
            .unwrap_or(60)
            .max(1),
        per_day: setting(&mut *conn, "receipt.per_day")
            .await?
            .unwrap_or(5)
            .max(1),
        per_month: setting(&mut *conn, "receipt.per_month")
            .await?
            .unwrap_or(30)
            .max(1),
    })
}

/// The claimant as the rules engine and the checks see them. "Today" for the daily cap counts
/// the unit codes credited today and the receipt claims made today (their pending points: a
/// claim counts on the day it is made, not the day a moderator approves it).
#[derive(sqlx::FromRow)]
struct ClaimantRow {
    kind: Option<ParticipantKind>,
    company_id: Option<i64>,
    region: Option<String>,
    earned_year: i64,
    earned_today: i64,
    status: UserStatus,
    company_status: Option<CompanyStatus>,
}

struct ClaimantFacts {
    who: ParticipantFacts,
    earned_today: i64,
}

/// Whether a claimant must still be earning (a new claim), or is decided as they are (a claim made
/// before they left or their company was paused: their points follow the rules for leavers).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Earning {
    Required,
    AsTheyAre,
}

async fn claimant(
    conn: &mut AnyConnection,
    user_id: i64,
    now: i64,
    earning: Earning,
) -> Result<ClaimantFacts, AppError> {
    let row = sqlx::query_as::<_, ClaimantRow>(&format!(
        "SELECT u.kind, u.company_id, pc.region, \
         (SELECT CAST(COALESCE(SUM(points), 0) AS BIGINT) FROM ledger_entries \
          WHERE user_id = $1 AND created_at >= $2 AND {}) AS earned_year, \
         (SELECT CAST(COALESCE(SUM(points), 0) AS BIGINT) FROM ledger_entries \
          WHERE user_id = $1 AND created_at >= $3 AND ((kind = 'accrual' AND receipt_claim_id IS NULL) \
          OR (kind = 'pending' AND points > 0))) AS earned_today, \
         u.status, pc.status AS company_status \
         FROM users u LEFT JOIN partner_companies pc ON pc.id = u.company_id WHERE u.id = $1",
        ledger::EARNING_ENTRIES
    ))
    .bind(user_id)
    .bind(now - ledger::TIER_WINDOW_SECS)
    .bind(day_start(now))
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    if earning == Earning::Required
        && (row.status != UserStatus::Active
            || row.company_status == Some(CompanyStatus::Suspended))
    {
        return Err(crate::org::service::earning_refusal(conn, user_id)
            .await?
            .unwrap_or(AppError::Forbidden));
    }
    Ok(ClaimantFacts {
        who: ParticipantFacts {
            kind: row.kind,
            tier: Tier::for_points_earned(row.earned_year.max(0)),
            company_id: row.company_id,
            region: row.region,
        },
        earned_today: row.earned_today,
    })
}

/// A product as a line values it.
#[derive(sqlx::FromRow)]
struct ProductRow {
    id: i64,
    name: String,
    category_id: Option<i64>,
    base_points: i64,
    price: Option<i64>,
    rate_points: Option<i64>,
    rate_per: Option<i64>,
    active: i64,
}

struct LineProduct {
    facts: ProductFacts,
    rate: Option<Rate>,
}

/// The products of a claim's lines: for a new claim each must be offered (`active_only`); a
/// decision values a product withdrawn since as it is in the catalog.
async fn line_products(
    conn: &mut AnyConnection,
    ids: &[i64],
    active_only: bool,
) -> Result<Vec<LineProduct>, AppError> {
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let row = sqlx::query_as::<_, ProductRow>(
            "SELECT p.id, p.name, p.category_id, p.base_points, p.price, c.rate_points, \
             c.rate_per, p.active FROM products p \
             LEFT JOIN product_categories c ON c.id = p.category_id WHERE p.id = $1",
        )
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .filter(|p| p.active == 1 || !active_only)
        .ok_or(AppError::Invalid {
            field: Field::Product,
        })?;
        out.push(LineProduct {
            rate: row
                .rate_points
                .zip(row.rate_per)
                .map(|(points, per)| Rate { points, per }),
            facts: ProductFacts {
                id: row.id,
                name: row.name,
                category_id: row.category_id,
                base_points: row.base_points,
                price: row.price,
            },
        });
    }
    Ok(out)
}

/// One line valued: its points and the engine's steps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Valued {
    pub product_id: i64,
    pub quantity: i64,
    pub points: i64,
    pub steps: Vec<rules::Line>,
}

/// The rules engine over the lines, one after another (so the daily cap sees the earlier lines).
/// A line the cap leaves nothing for is worth 0, with the cap as its step.
fn value(
    products: &[LineProduct],
    quantities: &[i64],
    who: &ParticipantFacts,
    program: &rules::ProgramRules,
    campaigns: &[rules::Campaign],
    mut earned_today: i64,
    at: i64,
) -> Vec<Valued> {
    products
        .iter()
        .zip(quantities)
        .map(|(p, &quantity)| {
            let claim = rules::Claim {
                product: &p.facts,
                category_rate: p.rate,
                who,
                at,
                campaigns,
                rules: program,
                earned_today,
                quantity,
            };
            let (points, steps) = match rules::evaluate(&claim) {
                Ok(award) => (award.total, award.lines),
                Err(rules::Refusal::DailyCapReached { cap }) => (
                    0,
                    vec![rules::Line {
                        step: rules::Step::DailyCap { cap },
                        factor: None,
                        points: 0,
                        limited: false,
                    }],
                ),
            };
            earned_today += points;
            Valued {
                product_id: p.facts.id,
                quantity,
                points,
                steps,
            }
        })
        .collect()
}

/// What the lines would earn the participant if approved as claimed (the claim screen's
/// "about N points, after checking").
pub async fn estimate(
    conn: &mut AnyConnection,
    user_id: i64,
    lines: &[(i64, i64)],
    at: i64,
    now: i64,
) -> Result<Vec<Valued>, AppError> {
    let facts = claimant(&mut *conn, user_id, now, Earning::Required).await?;
    let ids: Vec<i64> = lines.iter().map(|l| l.0).collect();
    let quantities: Vec<i64> = lines.iter().map(|l| l.1).collect();
    let products = line_products(&mut *conn, &ids, true).await?;
    let program = program_rules(&mut *conn).await?;
    let running = campaigns(&mut *conn, CampaignsAt::RunningAt(at)).await?;
    Ok(value(
        &products,
        &quantities,
        &facts.who,
        &program,
        &running,
        facts.earned_today,
        at,
    ))
}

/// Who claimed a document before, and when.
#[derive(sqlx::FromRow)]
struct HolderRow {
    id: i64,
    user_id: i64,
    submitted_at: i64,
    idempotency_key: Option<String>,
}

async fn holder(conn: &mut AnyConnection, key: &str) -> Result<Option<HolderRow>, AppError> {
    Ok(sqlx::query_as::<_, HolderRow>(
        "SELECT id, user_id, submitted_at, idempotency_key FROM receipt_claims \
         WHERE document_key = $1",
    )
    .bind(key)
    .fetch_optional(conn)
    .await?)
}

/// A claim already stored under the phone's key for it.
async fn by_key(
    conn: &mut AnyConnection,
    user_id: i64,
    key: &str,
) -> Result<Option<i64>, AppError> {
    Ok(sqlx::query_scalar(
        "SELECT id FROM receipt_claims WHERE user_id = $1 AND idempotency_key = $2",
    )
    .bind(user_id)
    .bind(key)
    .fetch_optional(conn)
    .await?)
}

/// The refusal for a document someone holds; the same claim sent again by the same phone is not
/// refused but answered with the claim it made.
fn held(h: &HolderRow, user_id: i64, key: Option<&str>) -> Result<i64, AppError> {
    if h.user_id == user_id && key.is_some() && h.idempotency_key.as_deref() == key {
        return Ok(h.id);
    }
    Err(AppError::ReceiptClaimed {
        at: h.submitted_at,
        by_you: h.user_id == user_id,
    })
}

pub async fn submitted(
    conn: &mut AnyConnection,
    user_id: i64,
    id: i64,
) -> Result<Submitted, AppError> {
    let (status, expected): (ReceiptStatus, i64) = sqlx::query_as(
        "SELECT status, expected_points FROM receipt_claims WHERE id = $1 AND user_id = $2",
    )
    .bind(id)
    .bind(user_id)
    .fetch_one(&mut *conn)
    .await?;
    Ok(Submitted {
        id,
        status,
        expected_points: expected,
        pending: ledger::pending(conn, user_id).await?,
    })
}

/// Stores a receipt claim with its lines and its expected points as pending points, after the
/// automatic checks: the document's date within the window and not ahead, the document not
/// claimed before by anyone, the participant's daily and monthly count of claims. Sending the
/// same claim again with the same key answers the claim stored the first time.
pub async fn submit(db: &Db, claim: NewClaim, now: i64) -> Result<Submitted, AppError> {
    let doc_key = claim.document.key();
    let at = claim.document.at();
    let key = claim.key.as_deref();
    let mut conn = db.pool.acquire().await?;
    if let Some(k) = key
        && let Some(id) = by_key(&mut conn, claim.user_id, k).await?
    {
        return submitted(&mut conn, claim.user_id, id).await;
    }
    if let Some(h) = holder(&mut conn, &doc_key).await? {
        let id = held(&h, claim.user_id, key)?;
        return submitted(&mut conn, claim.user_id, id).await;
    }
    if at > now + CLOCK_SLACK_SECS {
        return Err(AppError::ReceiptInFuture);
    }
    let settings = receipt_settings(&mut conn).await?;
    // By calendar day: a document dated exactly `window_days` ago may still be claimed.
    if day_start(now) - day_start(at) > settings.window_days * 86_400 {
        return Err(AppError::ReceiptTooOld {
            days: settings.window_days,
        });
    }
    let ids: Vec<i64> = claim.lines.iter().map(|l| l.0).collect();
    let quantities: Vec<i64> = claim.lines.iter().map(|l| l.1).collect();
    let facts = claimant(&mut conn, claim.user_id, now, Earning::Required).await?;
    let products = line_products(&mut conn, &ids, true).await?;
    let program = program_rules(&mut conn).await?;
    let running = campaigns(&mut conn, CampaignsAt::RunningAt(at)).await?;
    let valued = value(
        &products,
        &quantities,
        &facts.who,
        &program,
        &running,
        facts.earned_today,
        at,
    );
    let expected: i64 = valued.iter().map(|v| v.points).sum();
    // Nothing left under today's cap: refused now rather than stored as a claim worth nothing.
    if expected == 0
        && let Some(cap) = program.daily_cap
        && valued.iter().any(|v| {
            v.steps
                .iter()
                .any(|l| matches!(l.step, rules::Step::DailyCap { .. }))
        })
    {
        return Err(AppError::DailyCapReached { cap });
    }
    let mut flags = Vec::new();
    let catalog_value: i64 = products
        .iter()
        .zip(&quantities)
        .filter_map(|(p, q)| p.facts.price.map(|price| price * 100 * q))
        .sum();
    if catalog_value > claim.document.total() {
        flags.push(ReceiptFlag::LinesOverTotal);
    }
    // A line the catalog has no price for cannot be checked against the total.
    if products.iter().any(|p| p.facts.price.is_none()) {
        flags.push(ReceiptFlag::UnpricedLine);
    }
    if claim.document.source() == ReceiptSource::Invoice {
        // Until a photo of it is added.
        flags.push(ReceiptFlag::NoPhoto);
    }
    drop(conn);

    // Invariant: the claim, its lines and its pending entry are stored together or not at all;
    // balances.pending grows by exactly the claim's expected points.
    let mut tx = db.begin_write().await?;
    // One claim per participant at a time, so two cannot both pass the daily count: on
    // PostgreSQL the balance row is the lock; SQLite's single writer holds the database's.
    if db.backend == Backend::Postgres {
        ledger::lock_balance(&mut tx, claim.user_id, now).await?;
    }
    // Under the lock, again: the same claim sent twice at once (a phone's retry) is answered with
    // the claim the first one stored, not counted against the limits.
    if let Some(k) = key
        && let Some(id) = by_key(&mut tx, claim.user_id, k).await?
    {
        return submitted(&mut tx, claim.user_id, id).await;
    }
    if let Some(h) = holder(&mut tx, &doc_key).await? {
        let id = held(&h, claim.user_id, key)?;
        return submitted(&mut tx, claim.user_id, id).await;
    }
    let (today, month): (i64, i64) = sqlx::query_as(
        "SELECT COUNT(CASE WHEN submitted_at >= $2 THEN 1 END), COUNT(*) FROM receipt_claims \
         WHERE user_id = $1 AND submitted_at >= $3",
    )
    .bind(claim.user_id)
    .bind(day_start(now))
    .bind(month_start(now))
    .fetch_one(&mut *tx)
    .await?;
    if today >= settings.per_day {
        return Err(AppError::ReceiptLimit {
            max: settings.per_day,
            monthly: false,
        });
    }
    if month >= settings.per_month {
        return Err(AppError::ReceiptLimit {
            max: settings.per_month,
            monthly: true,
        });
    }
    let (qr_text, supplier) = match &claim.document {
        Document::Qr { text, .. } => (Some(text.clone()), None),
        Document::Invoice {
            supplier_tax_id, ..
        } => (None, supplier_tax_id.clone()),
    };
    // The document is taken here or not at all: a concurrent claim of the same document waits
    // on the unique key and then stores nothing.
    let id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO receipt_claims (user_id, company_id, source, document_key, qr_text, \
         supplier_tax_id, document_no, shop, document_at, total, status, expected_points, flags, \
         idempotency_key, submitted_at, updated_at) \
         VALUES ($1, (SELECT company_id FROM users WHERE id = $1), $2, $3, $4, $5, $6, $7, $8, \
         $9, 'waiting', $10, $11, $12, $13, $13) ON CONFLICT DO NOTHING RETURNING id",
    )
    .bind(claim.user_id)
    .bind(claim.document.source())
    .bind(&doc_key)
    .bind(qr_text)
    .bind(supplier)
    .bind(claim.document.number())
    .bind(&claim.shop)
    .bind(at)
    .bind(claim.document.total())
    .bind(expected)
    .bind(ReceiptFlag::join(&flags))
    .bind(key)
    .bind(now)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(id) = id else {
        drop(tx);
        let mut conn = db.pool.acquire().await?;
        if let Some(k) = key
            && let Some(id) = by_key(&mut conn, claim.user_id, k).await?
        {
            return submitted(&mut conn, claim.user_id, id).await;
        }
        let h = holder(&mut conn, &doc_key)
            .await?
            .ok_or(AppError::Internal)?;
        let id = held(&h, claim.user_id, key)?;
        return submitted(&mut conn, claim.user_id, id).await;
    };
    for v in &valued {
        let steps = serde_json::to_string(&v.steps).map_err(|_| AppError::Internal)?;
        sqlx::query(
            "INSERT INTO receipt_lines (claim_id, product_id, quantity, points, breakdown) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id)
        .bind(v.product_id)
        .bind(v.quantity)
        .bind(v.points)
        .bind(steps)
        .execute(&mut *tx)
        .await?;
    }
    let pending = if expected > 0 {
        let reason = Reason::ReceiptPending {
            claim: id,
            document: claim.document.number(),
        };
        ledger::append(
            &mut tx,
            NewEntry {
                receipt_claim_id: Some(id),
                ..NewEntry::new(claim.user_id, EntryKind::Pending, expected, &reason)
            },
            now,
        )
        .await?;
        ledger::pending(&mut tx, claim.user_id).await?
    } else {
        ledger::pending(&mut tx, claim.user_id).await?
    };
    tx.commit().await?;
    tracing::info!(
        claim = id,
        user = claim.user_id,
        expected,
        "receipt claimed"
    );
    Ok(Submitted {
        id,
        status: ReceiptStatus::Waiting,
        expected_points: expected,
        pending,
    })
}

/// The claim as a decision reads it, under its row lock.
#[derive(sqlx::FromRow)]
struct OpenClaimRow {
    user_id: i64,
    status: ReceiptStatus,
    expected_points: i64,
    document_at: i64,
    document_no: String,
}

#[derive(sqlx::FromRow)]
struct LineRow {
    id: i64,
    product_id: i64,
    quantity: i64,
    /// The line's value when it was claimed, and its steps.
    points: i64,
    breakdown: String,
}

/// What a decision changed, for the audit log.
#[derive(serde::Serialize)]
struct DecisionAudit {
    status: ReceiptStatus,
    final_points: Option<i64>,
    lines: Vec<(i64, i64)>,
    reason: Option<RejectReason>,
    note: Option<String>,
}

/// A moderator's decision on one claim. Invariant, in one transaction: a claim is decided once
/// (the status changes from open under the row's lock, so a second decision finds it decided);
/// on approval or rejection its pending points leave balances.pending in full, and on approval
/// the approved lines' points, valued again by the rules engine, are credited as one accrual.
/// Asking for more changes no points.
pub async fn decide(
    db: &Db,
    moderator: Option<i64>,
    claim_id: i64,
    decision: &Decision,
    now: i64,
) -> Result<(ReceiptStatus, Option<i64>), AppError> {
    let mut tx = db.begin_write().await?;
    let open = sqlx::query_as::<_, OpenClaimRow>(
        "UPDATE receipt_claims SET updated_at = $2 WHERE id = $1 \
         AND status IN ('waiting', 'needs_info') \
         RETURNING user_id, status, expected_points, document_at, document_no",
    )
    .bind(claim_id)
    .bind(now)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(open) = open else {
        let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM receipt_claims WHERE id = $1")
            .bind(claim_id)
            .fetch_optional(&mut *tx)
            .await?;
        return Err(match exists {
            Some(_) => AppError::AlreadyDecided,
            None => AppError::NotFound,
        });
    };
    if db.backend == Backend::Postgres {
        ledger::lock_balance(&mut tx, open.user_id, now).await?;
    }
    let before = DecisionAudit {
        status: open.status,
        final_points: None,
        lines: Vec::new(),
        reason: None,
        note: None,
    };
    let settle = |approved: bool| Reason::ReceiptChecked {
        claim: claim_id,
        document: open.document_no.clone(),
        approved,
    };
    let after = match decision {
        Decision::Ask { question } => {
            sqlx::query(
                "UPDATE receipt_claims SET status = 'needs_info', note = $2, decided_by = $3, \
                 seen_at = NULL WHERE id = $1",
            )
            .bind(claim_id)
            .bind(question)
            .bind(moderator)
            .execute(&mut *tx)
            .await?;
            DecisionAudit {
                status: ReceiptStatus::NeedsInfo,
                final_points: None,
                lines: Vec::new(),
                reason: None,
                note: Some(question.clone()),
            }
        }
        Decision::Reject { reason, note } => {
            release_pending(
                &mut tx,
                open.user_id,
                claim_id,
                open.expected_points,
                &settle(false),
                now,
            )
            .await?;
            sqlx::query(
                "UPDATE receipt_claims SET status = 'rejected', final_points = 0, \
                 reject_reason = $2, note = $3, decided_by = $4, decided_at = $5, seen_at = NULL \
                 WHERE id = $1",
            )
            .bind(claim_id)
            .bind(reason)
            .bind(note)
            .bind(moderator)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            DecisionAudit {
                status: ReceiptStatus::Rejected,
                final_points: Some(0),
                lines: Vec::new(),
                reason: Some(*reason),
                note: Some(note.clone()),
            }
        }
        Decision::Approve { quantities } => {
            let lines = sqlx::query_as::<_, LineRow>(
                "SELECT id, product_id, quantity, points, breakdown FROM receipt_lines \
                 WHERE claim_id = $1 ORDER BY id",
            )
            .bind(claim_id)
            .fetch_all(&mut *tx)
            .await?;
            // Each line as approved: the moderator may lower a quantity or remove a line
            // (0), never raise it above what was claimed.
            let mut approved = Vec::with_capacity(lines.len());
            for l in &lines {
                let q = quantities
                    .iter()
                    .find(|(id, _)| *id == l.id)
                    .map_or(l.quantity, |(_, q)| *q);
                if !(0..=l.quantity).contains(&q) {
                    return Err(AppError::Invalid {
                        field: Field::Quantity,
                    });
                }
                approved.push(q);
            }
            if quantities
                .iter()
                .any(|(id, _)| !lines.iter().any(|l| l.id == *id))
            {
                return Err(AppError::Invalid {
                    field: Field::Lines,
                });
            }
            let facts = claimant(&mut tx, open.user_id, now, Earning::AsTheyAre).await?;
            let ids: Vec<i64> = lines.iter().map(|l| l.product_id).collect();
            let products = line_products(&mut tx, &ids, false).await?;
            // The daily cap counted once, on the day the purchase was claimed (a moderator's
            // day is not the participant's): a line it trimmed then is worth no more now.
            let program = program_rules(&mut tx).await?;
            let uncapped = rules::ProgramRules {
                daily_cap: None,
                ..program.clone()
            };
            let running = campaigns(&mut tx, CampaignsAt::RunningAt(open.document_at)).await?;
            let mut total = 0i64;
            let mut all_steps = Vec::new();
            for ((line, product), q) in lines.iter().zip(&products).zip(&approved) {
                let (points, steps) = if *q == 0 {
                    (0, Vec::new())
                } else {
                    let mut award = award_for(
                        &mut tx,
                        &product.facts,
                        product.rate,
                        &facts.who,
                        &uncapped,
                        running.clone(),
                        0,
                        open.document_at,
                        *q,
                    )
                    .await?;
                    let claimed: Vec<rules::Line> =
                        serde_json::from_str(&line.breakdown).unwrap_or_default();
                    let cap = claimed.iter().find_map(|l| match l.step {
                        rules::Step::DailyCap { cap } => Some(cap),
                        _ => None,
                    });
                    if let Some(cap) = cap
                        && award.total > line.points
                    {
                        let cut = award.total - line.points;
                        award.total = line.points;
                        award.lines.push(rules::Line {
                            step: rules::Step::DailyCap { cap },
                            factor: None,
                            points: -cut,
                            limited: false,
                        });
                        // Campaigns are charged only for what is credited.
                        let mut excess = cut;
                        for (_, spent) in award.campaign_spend.iter_mut().rev() {
                            let take = excess.min(*spent);
                            *spent -= take;
                            excess -= take;
                        }
                    }
                    for (campaign, spent) in award.campaign_spend.iter().filter(|c| c.1 > 0) {
                        sqlx::query("UPDATE campaigns SET spent = spent + $1 WHERE id = $2")
                            .bind(spent)
                            .bind(campaign)
                            .execute(&mut *tx)
                            .await?;
                    }
                    (award.total, award.lines)
                };
                total += points;
                all_steps.extend(steps.iter().cloned());
                let steps = serde_json::to_string(&steps).map_err(|_| AppError::Internal)?;
                sqlx::query(
                    "UPDATE receipt_lines SET approved_quantity = $2, points = $3, breakdown = $4 \
                     WHERE id = $1",
                )
                .bind(line.id)
                .bind(q)
                .bind(points)
                .bind(steps)
                .execute(&mut *tx)
                .await?;
            }
            release_pending(
                &mut tx,
                open.user_id,
                claim_id,
                open.expected_points,
                &settle(true),
                now,
            )
            .await?;
            if total > 0 {
                let reason = Reason::Receipt {
                    claim: claim_id,
                    document: open.document_no.clone(),
                };
                let breakdown =
                    serde_json::to_string(&all_steps).map_err(|_| AppError::Internal)?;
                ledger::append(
                    &mut tx,
                    NewEntry {
                        receipt_claim_id: Some(claim_id),
                        breakdown: Some(&breakdown),
                        ..NewEntry::new(open.user_id, EntryKind::Accrual, total, &reason)
                    },
                    now,
                )
                .await?;
            }
            sqlx::query(
                "UPDATE receipt_claims SET status = 'approved', final_points = $2, note = NULL, \
                 decided_by = $3, decided_at = $4, seen_at = NULL WHERE id = $1",
            )
            .bind(claim_id)
            .bind(total)
            .bind(moderator)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            DecisionAudit {
                status: ReceiptStatus::Approved,
                final_points: Some(total),
                lines: lines.iter().map(|l| l.id).zip(approved).collect(),
                reason: None,
                note: None,
            }
        }
    };
    let action = match after.status {
        ReceiptStatus::Approved => "receipt.approve",
        ReceiptStatus::Rejected => "receipt.reject",
        _ => "receipt.ask",
    };
    let result = (after.status, after.final_points);
    crate::audit::commit(
        tx,
        moderator,
        action,
        &format!("receipt_claim:{claim_id}"),
        Some(&before),
        Some(&after),
        now,
    )
    .await?;
    Ok(result)
}

/// After a QR claim is stored: asks the verification service once, keeps its answer on the
/// claim for the moderator, and approves the claim without a person when the settings allow it
/// (see [`super::verify::AutoApproval`]); `draw` is the spot check's random number in 0..1000.
pub async fn verify_and_maybe_approve(
    db: &Db,
    verifier: &dyn super::verify::ReceiptVerifier,
    claim_id: i64,
    qr: &FiscalQr,
    draw: i64,
    now: i64,
) -> Result<crate::domain::Verification, AppError> {
    use crate::settings::setting;
    let mut conn = db.pool.acquire().await?;
    let asked: Option<Option<crate::domain::Verification>> =
        sqlx::query_scalar("SELECT verification FROM receipt_claims WHERE id = $1")
            .bind(claim_id)
            .fetch_optional(&mut *conn)
            .await?;
    match asked {
        None => return Err(AppError::NotFound),
        // Asked already (the same claim sent again): once is enough.
        Some(Some(v)) => return Ok(v),
        Some(None) => {}
    }
    drop(conn);
    let v = verifier.verify(qr).await;
    let mut conn = db.pool.acquire().await?;
    sqlx::query("UPDATE receipt_claims SET verification = $2 WHERE id = $1")
        .bind(claim_id)
        .bind(v)
        .execute(&mut *conn)
        .await?;
    let auto = super::verify::AutoApproval {
        on: setting(&mut conn, "receipt.auto_approve").await? == Some(1),
        spot_check_permille: setting(&mut conn, "receipt.spot_check_permille")
            .await?
            .unwrap_or(50)
            .clamp(0, 1000),
    };
    let flags: String = sqlx::query_scalar("SELECT flags FROM receipt_claims WHERE id = $1")
        .bind(claim_id)
        .fetch_one(&mut *conn)
        .await?;
    drop(conn);
    if auto.approves(v, !flags.is_empty(), draw) {
        let approve = Decision::Approve {
            quantities: Vec::new(),
        };
        match decide(db, None, claim_id, &approve, now).await {
            // A person was quicker: their decision stands.
            Ok(_) | Err(AppError::AlreadyDecided) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(v)
}

/// Takes a decided claim's pending points out of pending, in full.
async fn release_pending(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    user_id: i64,
    claim_id: i64,
    expected: i64,
    reason: &Reason,
    now: i64,
) -> Result<(), AppError> {
    if expected == 0 {
        return Ok(());
    }
    ledger::append(
        tx,
        NewEntry {
            receipt_claim_id: Some(claim_id),
            ..NewEntry::new(user_id, EntryKind::Pending, -expected, reason)
        },
        now,
    )
    .await?;
    Ok(())
}

/// The participant's answer to the moderator's question: the claim goes back to the queue.
pub async fn answer(
    db: &Db,
    user_id: i64,
    claim_id: i64,
    answer: &str,
    now: i64,
) -> Result<(), AppError> {
    let mut tx = db.begin_write().await?;
    let done = sqlx::query(
        "UPDATE receipt_claims SET status = 'waiting', answer = $3, updated_at = $4 \
         WHERE id = $1 AND user_id = $2 AND status = 'needs_info'",
    )
    .bind(claim_id)
    .bind(user_id)
    .bind(answer)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        let status: Option<ReceiptStatus> =
            sqlx::query_scalar("SELECT status FROM receipt_claims WHERE id = $1 AND user_id = $2")
                .bind(claim_id)
                .bind(user_id)
                .fetch_optional(&mut *tx)
                .await?;
        return Err(match status {
            None => AppError::NotFound,
            Some(_) => AppError::AlreadyDecided,
        });
    }
    tx.commit().await?;
    Ok(())
}

/// A claim's row as its pages read it.
#[derive(sqlx::FromRow)]
struct ClaimRow {
    id: i64,
    user_id: i64,
    source: ReceiptSource,
    status: ReceiptStatus,
    document_no: String,
    shop: String,
    document_at: i64,
    total: i64,
    expected_points: i64,
    final_points: Option<i64>,
    flags: String,
    verification: Option<crate::domain::Verification>,
    reject_reason: Option<RejectReason>,
    note: Option<String>,
    answer: Option<String>,
    submitted_at: i64,
    decided_at: Option<i64>,
    qr_text: Option<String>,
    supplier_tax_id: Option<String>,
    name: String,
    phone: Option<String>,
    company: Option<String>,
    region: Option<String>,
}

const CLAIM_COLUMNS: &str = "SELECT c.id, c.user_id, c.source, c.status, c.document_no, c.shop, \
     c.document_at, c.total, c.expected_points, c.final_points, c.flags, c.verification, \
     c.reject_reason, c.note, \
     c.answer, c.submitted_at, c.decided_at, c.qr_text, c.supplier_tax_id, u.name, u.phone, \
     pc.name AS company, pc.region FROM receipt_claims c JOIN users u ON u.id = c.user_id \
     LEFT JOIN partner_companies pc ON pc.id = c.company_id";

#[derive(sqlx::FromRow)]
struct ClaimLineRow {
    id: i64,
    product_id: i64,
    name: String,
    quantity: i64,
    approved_quantity: Option<i64>,
    points: i64,
    breakdown: String,
}

#[derive(sqlx::FromRow)]
struct PhotoRow {
    id: i64,
}

/// One claim with its lines and photos. `owner`: only if it is this participant's; the
/// moderator's view (`None`) adds who claimed it and the document's raw fields.
pub async fn claim(
    conn: &mut AnyConnection,
    id: i64,
    owner: Option<i64>,
    lang: Lang,
) -> Result<ClaimView, AppError> {
    let row = sqlx::query_as::<_, ClaimRow>(&format!("{CLAIM_COLUMNS} WHERE c.id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .filter(|r| owner.is_none_or(|o| o == r.user_id))
        .ok_or(AppError::NotFound)?;
    let lines = sqlx::query_as::<_, ClaimLineRow>(
        "SELECT l.id, l.product_id, p.name, l.quantity, l.approved_quantity, l.points, \
         l.breakdown FROM receipt_lines l JOIN products p ON p.id = l.product_id \
         WHERE l.claim_id = $1 ORDER BY l.id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let photos = sqlx::query_as::<_, PhotoRow>(
        "SELECT id FROM receipt_photos WHERE claim_id = $1 ORDER BY id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let ids: Vec<i64> = lines.iter().map(|l| l.product_id).collect();
    let names = crate::content::in_lang_for(&mut *conn, "product", lang, &ids).await?;
    let lines = lines
        .into_iter()
        .map(|l| {
            let name = names
                .get(&(l.product_id, "name".to_string()))
                .cloned()
                .unwrap_or(l.name);
            let steps: Vec<rules::Line> = serde_json::from_str(&l.breakdown).unwrap_or_default();
            ClaimLine {
                id: l.id,
                product_id: l.product_id,
                breakdown: if steps.is_empty() {
                    String::new()
                } else {
                    rules::describe("", &steps, l.points, lang)
                },
                product: name,
                quantity: l.quantity,
                approved_quantity: l.approved_quantity,
                points: l.points,
            }
        })
        .collect();
    let moderator = owner.is_none();
    Ok(ClaimView {
        id: row.id,
        source: row.source,
        status: row.status,
        document_no: row.document_no,
        shop: row.shop,
        document_at: row.document_at,
        total: row.total,
        expected_points: row.expected_points,
        final_points: row.final_points,
        flags: ReceiptFlag::split(&row.flags),
        verification: row.verification,
        reject_reason: row.reject_reason,
        note: row.note,
        answer: row.answer,
        submitted_at: row.submitted_at,
        decided_at: row.decided_at,
        lines,
        photos: photos
            .into_iter()
            .map(|p| PhotoView {
                id: p.id,
                url: format!("/claims/photos/{}", p.id),
                thumb: format!("/claims/photos/{}/thumb", p.id),
            })
            .collect(),
        qr_text: row.qr_text.filter(|_| moderator),
        supplier_tax_id: row.supplier_tax_id,
        who: moderator.then_some(Claimant {
            id: row.user_id,
            name: row.name,
            phone: row.phone,
            company: row.company,
            region: row.region,
        }),
    })
}

/// Marks the participant's decided claims as seen (they opened the claim, or its list).
pub async fn mark_seen(
    conn: &mut AnyConnection,
    user_id: i64,
    id: Option<i64>,
    now: i64,
) -> Result<(), AppError> {
    sqlx::query(
        "UPDATE receipt_claims SET seen_at = $3 WHERE user_id = $1 AND ($2 = 0 OR id = $2) \
         AND (decided_at IS NOT NULL OR status = 'needs_info') AND seen_at IS NULL",
    )
    .bind(user_id)
    .bind(id.unwrap_or(0))
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: i64,
    status: ReceiptStatus,
    document_no: String,
    shop: String,
    document_at: i64,
    total: i64,
    expected_points: i64,
    final_points: Option<i64>,
    note: Option<String>,
    reject_reason: Option<RejectReason>,
    submitted_at: i64,
    decided_at: Option<i64>,
    name: String,
}

impl From<SummaryRow> for ReceiptSummary {
    fn from(r: SummaryRow) -> ReceiptSummary {
        ReceiptSummary {
            id: r.id,
            status: r.status,
            document_no: r.document_no,
            shop: r.shop,
            document_at: r.document_at,
            total: r.total,
            expected_points: r.expected_points,
            final_points: r.final_points,
            note: r.note,
            reject_reason: r.reject_reason,
            submitted_at: r.submitted_at,
            decided_at: r.decided_at,
            name: r.name,
        }
    }
}

const SUMMARY_COLUMNS: &str = "SELECT c.id, c.status, c.document_no, c.shop, c.document_at, \
     c.total, c.expected_points, c.final_points, c.note, c.reject_reason, c.submitted_at, \
     c.decided_at, u.name FROM receipt_claims c JOIN users u ON u.id = c.user_id";

/// The participant's claims, newest first, `limit` at a time below id `before`.
pub async fn mine(
    conn: &mut AnyConnection,
    user_id: i64,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<ReceiptSummary>, AppError> {
    let rows = sqlx::query_as::<_, SummaryRow>(&format!(
        "{SUMMARY_COLUMNS} WHERE c.user_id = $1 AND c.id < $2 ORDER BY c.id DESC LIMIT $3"
    ))
    .bind(user_id)
    .bind(before.unwrap_or(i64::MAX))
    .bind(limit)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(ReceiptSummary::from).collect())
}

/// Claims decided and not yet seen by the participant (Home tells of them).
pub async fn unseen(
    conn: &mut AnyConnection,
    user_id: i64,
) -> Result<Vec<ReceiptSummary>, AppError> {
    let rows = sqlx::query_as::<_, SummaryRow>(&format!(
        "{SUMMARY_COLUMNS} WHERE c.user_id = $1 \
         AND (c.decided_at IS NOT NULL OR c.status = 'needs_info') \
         AND c.seen_at IS NULL ORDER BY c.id DESC LIMIT 5"
    ))
    .bind(user_id)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(ReceiptSummary::from).collect())
}

/// A company's claims since its members joined it, newest first (the partner manager's view:
/// status and points, no photos). A member's claims from before they joined stay theirs.
pub async fn company_claims(
    conn: &mut AnyConnection,
    company_id: i64,
    limit: i64,
) -> Result<Vec<ReceiptSummary>, AppError> {
    let rows = sqlx::query_as::<_, SummaryRow>(&format!(
        "{SUMMARY_COLUMNS} WHERE c.company_id = $1 AND u.company_id = $1 \
         ORDER BY c.id DESC LIMIT $2"
    ))
    .bind(company_id)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(ReceiptSummary::from).collect())
}

/// The moderation queue's filters.
#[derive(Clone, Debug, Default)]
pub struct QueueFilter {
    pub status: Option<ReceiptStatus>,
    pub company_id: Option<i64>,
    pub region: Option<String>,
    pub flagged_only: bool,
}

#[derive(sqlx::FromRow)]
struct QueueDbRow {
    id: i64,
    status: ReceiptStatus,
    source: ReceiptSource,
    submitted_at: i64,
    total: i64,
    expected_points: i64,
    flags: String,
    name: String,
    company: Option<String>,
    region: Option<String>,
}

/// One page of the queue, oldest first, after claim id `after` (keyset paging on the queue's
/// index).
pub async fn queue(
    conn: &mut AnyConnection,
    filter: &QueueFilter,
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<QueueRow>, AppError> {
    // Only the filters that are set go into the statement (at most eight different texts), so
    // each shape can use its own index: `(status, id)`, `(company_id, status, id)`, and their
    // partial twins over flagged claims. A "$n = 0 OR …" guard would hide those from the planner.
    let mut sql = String::from(
        "SELECT c.id, c.status, c.source, c.submitted_at, c.total, c.expected_points, c.flags, \
         u.name, pc.name AS company, pc.region FROM receipt_claims c \
         JOIN users u ON u.id = c.user_id LEFT JOIN partner_companies pc ON pc.id = c.company_id \
         WHERE c.status = $1 AND c.id > $2",
    );
    let mut next = 3;
    if filter.company_id.is_some() {
        sql.push_str(&format!(" AND c.company_id = ${next}"));
        next += 1;
    }
    if filter.region.is_some() {
        // A region holds many companies: its claims are found walking `(status, id)` in order,
        // each checked against the region's companies. (`+ 0` keeps a planner from starting at
        // the companies and sorting all their waiting claims, measured at 55 ms on SQLite.)
        sql.push_str(&format!(
            " AND c.company_id + 0 IN (SELECT id FROM partner_companies WHERE region = ${next})"
        ));
        next += 1;
    }
    if filter.flagged_only {
        sql.push_str(" AND c.flags <> ''");
    }
    sql.push_str(&format!(" ORDER BY c.id LIMIT ${next}"));
    let mut query = sqlx::query_as::<_, QueueDbRow>(&sql)
        .bind(filter.status.unwrap_or(ReceiptStatus::Waiting))
        .bind(after.unwrap_or(0));
    if let Some(company) = filter.company_id {
        query = query.bind(company);
    }
    if let Some(region) = &filter.region {
        query = query.bind(region.clone());
    }
    let rows = query.bind(limit).fetch_all(conn).await?;
    Ok(rows
        .into_iter()
        .map(|r| QueueRow {
            id: r.id,
            status: r.status,
            source: r.source,
            submitted_at: r.submitted_at,
            total: r.total,
            expected_points: r.expected_points,
            flags: ReceiptFlag::split(&r.flags),
            name: r.name,
            company: r.company,
            region: r.region,
        })
        .collect())
}

/// The next open claim after `id` in the queue (for "approve and go to the next").
pub async fn next_open(conn: &mut AnyConnection, id: i64) -> Result<Option<i64>, AppError> {
    Ok(sqlx::query_scalar(
        "SELECT id FROM receipt_claims WHERE status = 'waiting' AND id > $1 ORDER BY id LIMIT 1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?)
}

#[derive(sqlx::FromRow)]
struct ChoiceRow {
    id: i64,
    name: String,
    sku: String,
    gtin: Option<String>,
}

async fn choices(
    conn: &mut AnyConnection,
    rows: Vec<ChoiceRow>,
    lang: Lang,
) -> Result<Vec<ProductChoice>, AppError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let names = crate::content::in_lang_for(conn, "product", lang, &ids).await?;
    Ok(rows
        .into_iter()
        .map(|r| ProductChoice {
            name: names
                .get(&(r.id, "name".to_string()))
                .cloned()
                .unwrap_or(r.name),
            id: r.id,
            sku: r.sku,
            gtin: r.gtin,
        })
        .collect())
}

/// A scanned or typed retail barcode as the catalog keeps it (13 digits): a 12-digit UPC-A with
/// its leading zero, a 14-digit GTIN without it. Anything else as it is.
fn gtin13(q: &str) -> String {
    let all_digits = q.bytes().all(|b| b.is_ascii_digit());
    match q.len() {
        12 if all_digits => format!("0{q}"),
        14 if all_digits && q.starts_with('0') => q[1..].to_string(),
        _ => q.to_string(),
    }
}

/// Active products whose name or SKU holds `q`, or whose barcode is `q` (a scanned EAN).
pub async fn find_products(
    conn: &mut AnyConnection,
    q: &crate::domain::Search,
    lang: Lang,
) -> Result<Vec<ProductChoice>, AppError> {
    let rows = sqlx::query_as::<_, ChoiceRow>(
        "SELECT p.id, p.name, p.sku, p.gtin FROM products p WHERE p.active = 1 \
         AND (p.gtin = $1 OR LOWER(p.name) LIKE $2 ESCAPE '\\' OR LOWER(p.sku) LIKE $2 ESCAPE '\\' \
         OR p.id IN (SELECT t.entity_id FROM content_texts t WHERE t.entity = 'product' \
         AND t.field = 'name' AND LOWER(t.body) LIKE $2 ESCAPE '\\')) ORDER BY p.name LIMIT 20",
    )
    .bind(gtin13(q.as_str()))
    .bind(q.contains_pattern())
    .fetch_all(&mut *conn)
    .await?;
    choices(conn, rows, lang).await
}

/// The most products [`catalog`] hands a phone: a manufacturer's whole range, bounded.
pub const CATALOG_MAX: i64 = 2_000;

/// Every active product, named in `lang`, for the claim screen a phone keeps without signal.
pub async fn catalog(conn: &mut AnyConnection, lang: Lang) -> Result<Vec<ProductChoice>, AppError> {
    let rows = sqlx::query_as::<_, ChoiceRow>(
        "SELECT id, name, sku, gtin FROM products WHERE active = 1 ORDER BY name, id LIMIT $1",
    )
    .bind(CATALOG_MAX)
    .fetch_all(&mut *conn)
    .await?;
    choices(conn, rows, lang).await
}

/// The given products, as the claim screen names them (the lines already chosen).
pub async fn products_by_id(
    conn: &mut AnyConnection,
    ids: &[i64],
    lang: Lang,
) -> Result<Vec<ProductChoice>, AppError> {
    let mut rows = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(r) = sqlx::query_as::<_, ChoiceRow>(
            "SELECT id, name, sku, gtin FROM products WHERE id = $1 AND active = 1",
        )
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        {
            rows.push(r);
        }
    }
    choices(conn, rows, lang).await
}

/// "What I usually claim": the products the participant claimed most, by unit code or receipt.
pub async fn usual_products(
    conn: &mut AnyConnection,
    user_id: i64,
    lang: Lang,
) -> Result<Vec<ProductChoice>, AppError> {
    let rows = sqlx::query_as::<_, ChoiceRow>(
        "SELECT p.id, p.name, p.sku, p.gtin FROM products p JOIN ( \
           SELECT product_id, COUNT(*) AS n FROM unit_codes WHERE claimed_by = $1 GROUP BY product_id \
           UNION ALL \
           SELECT l.product_id, COUNT(*) AS n FROM receipt_lines l \
           JOIN receipt_claims c ON c.id = l.claim_id WHERE c.user_id = $1 GROUP BY l.product_id \
         ) u ON u.product_id = p.id WHERE p.active = 1 \
         GROUP BY p.id, p.name, p.sku, p.gtin ORDER BY SUM(u.n) DESC, p.id LIMIT 6",
    )
    .bind(user_id)
    .fetch_all(&mut *conn)
    .await?;
    choices(conn, rows, lang).await
}

#[cfg(test)]
mod tests {
    #[test]
    fn retail_barcodes_are_looked_up_as_thirteen_digits() {
        assert_eq!(super::gtin13("036000291452"), "0036000291452");
        assert_eq!(super::gtin13("04006381333931"), "4006381333931");
        assert_eq!(super::gtin13("4006381333931"), "4006381333931");
        assert_eq!(super::gtin13("tyre"), "tyre");
    }
}
