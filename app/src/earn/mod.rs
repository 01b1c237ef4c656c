//! Earning: unit codes and claiming them, the rules engine, balance, tier, expiry and the history
//! of point movements.

pub mod admin;
pub mod code;
#[cfg(feature = "ssr")]
pub mod ledger;
mod pages;
pub mod reason;
pub mod rules;
pub mod scan;
#[cfg(feature = "ssr")]
pub mod service;

#[cfg(feature = "ssr")]
use crate::call::Call;
pub(crate) use pages::ActivityList;
pub use pages::HistoryPage;
pub use scan::ScanPage;

use crate::domain::EntryKind;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One ledger entry as the participant sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    pub id: i64,
    pub kind: EntryKind,
    pub points: i64,
    pub reason: String,
    /// Unix seconds.
    pub at: i64,
    /// For accruals: how the points were worked out.
    #[serde(default)]
    pub lines: Vec<rules::Line>,
}

/// A successful claim, as the Scan screen shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimResult {
    pub entry_id: i64,
    pub code: String,
    pub product: String,
    pub points: i64,
    /// The breakdown in plain words, in the caller's language.
    pub breakdown: String,
    pub balance: i64,
    /// One "Did you know…" line about the product line.
    pub tip: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryPageData {
    pub entries: Vec<Activity>,
    /// Pass as `before` to get the next (older) page; `None` on the last page.
    pub next_before: Option<i64>,
}

pub const HISTORY_PAGE_SIZE: i64 = 30;

/// The signed-in participant's ledger, newest first, a page at a time, optionally one kind only
/// (`accrual`, `reversal`, `adjustment`, `expiry`, `redemption`).
#[server(prefix = "/api", endpoint = "earn/history")]
pub async fn history(
    before: Option<i64>,
    kind: Option<String>,
) -> Result<HistoryPageData, AppError> {
    use crate::error::Field;

    let call = Call::new(crate::call::PARTICIPANTS)?;
    let kind = match kind.as_deref().map(str::trim).filter(|k| !k.is_empty()) {
        None => None,
        Some(k) => Some(EntryKind::parse(k).ok_or(AppError::Invalid { field: Field::Kind })?),
    };
    let mut conn = call.conn().await?;
    let mut entries = ledger::entries(
        &mut conn,
        call.user.id,
        kind,
        before,
        HISTORY_PAGE_SIZE + 1,
        call.lang(),
    )
    .await?;
    let more = entries.len() as i64 > HISTORY_PAGE_SIZE;
    entries.truncate(HISTORY_PAGE_SIZE as usize);
    let next_before = if more {
        entries.last().map(|e| e.id)
    } else {
        None
    };
    Ok(HistoryPageData {
        entries,
        next_before,
    })
}

#[cfg(feature = "ssr")]
fn claim_result(c: service::Claimed, lang: crate::i18n::Lang) -> ClaimResult {
    ClaimResult {
        breakdown: rules::describe(&c.product, &c.lines, c.points, lang),
        entry_id: c.entry_id,
        code: c.code,
        product: c.product,
        points: c.points,
        balance: c.balance,
        tip: c.tip,
    }
}

/// Claims the unit code in `code` (as typed, or the whole text a scanner read, e.g. a label's
/// URL) for the signed-in participant. Refusals are logged for fraud review; ten suspicious ones in
/// ten minutes slow the participant down (429 with `Retry-After`).
#[server(prefix = "/api", endpoint = "earn/claim")]
pub async fn claim_code(code: String) -> Result<ClaimResult, AppError> {
    let call = Call::new(crate::call::PARTICIPANTS)?;
    // A receipt's QR typed or pasted into the code field (without JavaScript): its purchase is
    // claimed on its own screen.
    if call.plain_form_post() && scan::scanned::is_receipt(&code) {
        leptos_axum::redirect(&scan::scanned::receipt_href(&code));
        return Err(AppError::Invalid {
            field: crate::error::Field::ReceiptQr,
        });
    }
    let db = call.db().clone();
    let ip = call.ip();
    let claimed = service::claim(&db, call.user.id, &code, Some(&ip), call.now).await?;
    let claimed = claimed.in_lang_from(&db, call.lang()).await;
    if call.plain_form_post() {
        // Without JavaScript the browser follows this to a page that shows the result.
        leptos_axum::redirect(&format!("/scan?claimed={}", claimed.entry_id));
    }
    Ok(claim_result(claimed, call.ctx.lang))
}

/// One of the caller's own claims, read back by ledger entry id.
#[server(prefix = "/api", endpoint = "earn/claimed")]
pub async fn claimed(entry_id: i64) -> Result<ClaimResult, AppError> {
    let call = Call::new(crate::call::PARTICIPANTS)?;
    let lang = call.lang();
    let mut conn = call.conn().await?;
    let c = service::claimed_entry(&mut conn, call.user.id, entry_id)
        .await?
        .in_lang(&mut conn, lang)
        .await;
    Ok(claim_result(c, lang))
}

/// What became of one code of a batch.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BatchOutcome {
    /// Credited now.
    Credited(ClaimResult),
    /// Credited to the caller before (an earlier send of the same queue, or an earlier scan):
    /// nothing more is credited, and the person is told it is theirs.
    AlreadyYours {
        at: i64,
    },
    Refused(AppError),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchItem {
    pub code: String,
    pub outcome: BatchOutcome,
}

/// A queue of scans sent in one go, with the summary the app shows ("3 credited, 1 refused").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchResult {
    pub items: Vec<BatchItem>,
    pub credited: u32,
    pub already: u32,
    pub refused: u32,
    pub points: i64,
    pub balance: i64,
}

/// Most codes one batch may carry (a delivery scanned offline).
pub const BATCH_MAX: usize = 50;

/// Claims up to 50 codes at once, each exactly as `earn/claim` would (scans queued on a phone
/// without signal, sent when it is back). Sending the same batch again credits nothing more: each
/// code can be credited once, and a code already credited to the caller answers `AlreadyYours`.
/// Form-encoded as `codes[]=…&codes[]=…`.
#[server(prefix = "/api", endpoint = "earn/claim_batch")]
pub async fn claim_batch(codes: Vec<String>) -> Result<BatchResult, AppError> {
    use crate::error::Field;

    let call = Call::new(crate::call::PARTICIPANTS)?;
    let codes: Vec<String> = codes.into_iter().filter(|c| !c.trim().is_empty()).collect();
    if codes.is_empty() || codes.len() > BATCH_MAX {
        return Err(AppError::Invalid {
            field: Field::Codes,
        });
    }
    // One scan per unit however it was spelt (case, spaces, dashes, its label's URL):
    // a unit queued twice in two spellings is credited once and not reported "already
    // yours" in the same summary.
    let mut seen = std::collections::HashSet::new();
    let codes: Vec<String> = codes
        .into_iter()
        .filter(|c| seen.insert(crate::earn::code::UnitCode::queue_form(c)))
        .collect();
    let db = call.db().clone();
    let ip = call.ip();
    let mut result = BatchResult {
        items: Vec::with_capacity(codes.len()),
        credited: 0,
        already: 0,
        refused: 0,
        points: 0,
        balance: 0,
    };
    for code in codes {
        let outcome = match service::claim(&db, call.user.id, &code, Some(&ip), call.now).await {
            Ok(c) => {
                result.credited += 1;
                result.points += c.points;
                let c = c.in_lang_from(&db, call.lang()).await;
                BatchOutcome::Credited(claim_result(c, call.ctx.lang))
            }
            Err(AppError::ClaimedByYou { at }) => {
                result.already += 1;
                BatchOutcome::AlreadyYours { at }
            }
            Err(AppError::Internal) => return Err(AppError::Internal),
            Err(e) => {
                result.refused += 1;
                BatchOutcome::Refused(e)
            }
        };
        result.items.push(BatchItem { code, outcome });
    }
    let mut conn = db.pool.acquire().await?;
    result.balance = ledger::balance(&mut conn, call.user.id).await?;
    Ok(result)
}
