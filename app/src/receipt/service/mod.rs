//! Receipt claims on the server: what names a document, the program's receipt settings, and the
//! valuation of each line by the rules engine (here); a claim's submission with its automatic
//! checks and pending points (`submit`); the moderator's and the verification service's decisions
//! (`decide`); what the screens read (`read`); the products a claim's lines are chosen from
//! (`products`). Every change is one transaction with its invariant beside it.

mod decide;
mod products;
mod read;
mod submit;

pub use decide::*;
pub use products::*;
pub use read::*;
pub use submit::*;

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
