//! The moderation queue: receipt claims by status, oldest first, and the moderator's decisions.
//! Admins only; every decision is audited.

mod pages;

pub use pages::{AdminReceiptPage, AdminReceiptsPage};

use super::{ClaimView, QueueRow};
#[cfg(feature = "ssr")]
use crate::call::Call;
use crate::domain::ReceiptStatus;
#[cfg(feature = "ssr")]
use crate::domain::RejectReason;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::Field;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

pub const QUEUE_PAGE: i64 = 50;

/// One page of the queue, and how many claims wait in each open status.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueuePage {
    pub rows: Vec<QueueRow>,
    /// Pass as `after` for the next page; `None` on the last.
    pub next_after: Option<i64>,
}

/// The queue: claims of one `status` (waiting unless given), oldest first, optionally of one
/// company, one region, or flagged by the checks only.
#[server(prefix = "/api", endpoint = "admin/receipts/queue")]
pub async fn receipt_queue(
    status: Option<String>,
    company: Option<i64>,
    region: Option<String>,
    flagged: Option<String>,
    after: Option<i64>,
) -> Result<QueuePage, AppError> {
    let call = Call::new(crate::call::ADMINS)?;
    let status = match status.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => Some(ReceiptStatus::parse(s).ok_or(AppError::Invalid {
            field: Field::Status,
        })?),
    };
    let region = region
        .map(|r| r.trim().to_string())
        .filter(|r| !r.is_empty());
    if region.as_ref().is_some_and(|r| r.chars().count() > 100) {
        return Err(AppError::Invalid {
            field: Field::Region,
        });
    }
    let filter = super::service::QueueFilter {
        status,
        company_id: company.filter(|c| *c > 0),
        region,
        flagged_only: flagged.is_some_and(|f| !f.is_empty() && f != "0"),
    };
    let mut conn = call.conn().await?;
    let mut rows = super::service::queue(&mut conn, &filter, after, QUEUE_PAGE + 1).await?;
    let more = rows.len() as i64 > QUEUE_PAGE;
    rows.truncate(QUEUE_PAGE as usize);
    Ok(QueuePage {
        next_after: if more {
            rows.last().map(|r| r.id)
        } else {
            None
        },
        rows,
    })
}

/// A claim as the moderator sees it, with the next waiting claim's id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModeratedClaim {
    pub claim: ClaimView,
    pub next: Option<i64>,
}

#[server(prefix = "/api", endpoint = "admin/receipts/get")]
pub async fn receipt_for_moderator(id: i64) -> Result<ModeratedClaim, AppError> {
    let call = Call::new(crate::call::ADMINS)?;
    let mut conn = call.conn().await?;
    let claim = super::service::claim(&mut conn, id, None, call.lang()).await?;
    let next = super::service::next_open(&mut conn, id).await?;
    Ok(ModeratedClaim { claim, next })
}

/// What a decision did, and the next waiting claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decided {
    pub id: i64,
    pub status: ReceiptStatus,
    pub final_points: Option<i64>,
    pub next: Option<i64>,
}

/// Decides a claim: `decision` is `approve` (with `line[]`/`quantity[]` for lines approved at a
/// lower quantity, 0 to remove one), `reject` (with a `reason` from the list and a `note`), or
/// `ask` (with the question in `note`). A claim is decided once; a second decision answers
/// "already decided". Without JavaScript the browser goes on to the next waiting claim.
#[server(prefix = "/api", endpoint = "admin/receipts/decide")]
pub async fn decide_receipt(
    id: i64,
    decision: String,
    #[server(default)] line: Vec<String>,
    #[server(default)] quantity: Vec<String>,
    reason: Option<String>,
    note: Option<String>,
) -> Result<Decided, AppError> {
    let call = Call::new(crate::call::ADMINS)?;
    let note = super::text_field(note, 1000, Field::Note)?;
    let decision = match decision.trim() {
        "approve" => {
            if line.len() != quantity.len() {
                return Err(AppError::Invalid {
                    field: Field::Lines,
                });
            }
            let mut quantities = Vec::with_capacity(line.len());
            for (l, q) in line.iter().zip(&quantity) {
                let l = l.trim().parse::<i64>().map_err(|_| AppError::Invalid {
                    field: Field::Lines,
                })?;
                let q = q
                    .trim()
                    .parse::<i64>()
                    .ok()
                    .filter(|q| (0..=crate::earn::rules::MAX_QUANTITY).contains(q))
                    .ok_or(AppError::Invalid {
                        field: Field::Quantity,
                    })?;
                quantities.push((l, q));
            }
            super::Decision::Approve { quantities }
        }
        "reject" => super::Decision::Reject {
            reason: reason
                .as_deref()
                .and_then(RejectReason::parse)
                .ok_or(AppError::Invalid {
                    field: Field::Reason,
                })?,
            note: note.unwrap_or_default(),
        },
        "ask" => super::Decision::Ask {
            question: note.ok_or(AppError::Invalid { field: Field::Note })?,
        },
        _ => {
            return Err(AppError::Invalid {
                field: Field::Status,
            });
        }
    };
    let (status, final_points) =
        super::service::decide(call.db(), Some(call.user.id), id, &decision, call.now).await?;
    let mut conn = call.conn().await?;
    let next = super::service::next_open(&mut conn, id).await?;
    if call.plain_form_post() {
        let to = match next {
            Some(n) => format!("/admin/receipts/{n}?decided={id}"),
            None => format!("/admin/receipts?decided={id}"),
        };
        leptos_axum::redirect(&to);
    }
    Ok(Decided {
        id,
        status,
        final_points,
        next,
    })
}
