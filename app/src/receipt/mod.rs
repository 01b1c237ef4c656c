//! Receipt claims: the program's second way to earn. A participant claims points for what they
//! bought, by scanning a fiscal receipt's QR or typing an invoice's details (with photos), and
//! says which of the program's products it held. The expected points wait as pending points
//! until a moderator approves (the lines valued again), rejects (with a reason) or asks for more.
//!
//! `qr` reads the receipt QR (pure, shared with the browser); `service` holds the SQL and the
//! transactions; `pages` the participant's screens; `admin` the moderation queue.

pub mod admin;
mod pages;
#[cfg(feature = "ssr")]
pub mod photos;
pub mod qr;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod verify;

pub use pages::{ClaimPurchasePage, MyClaimPage, MyClaimsPage, TeamReceiptsPage};

#[cfg(feature = "ssr")]
use crate::call::Call;
use crate::domain::{ReceiptFlag, ReceiptSource, ReceiptStatus, RejectReason};
use crate::error::{AppError, Field};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The most photos one claim may carry.
pub const MAX_PHOTOS: usize = 4;
/// The largest photo a participant may upload.
pub const MAX_PHOTO_BYTES: usize = 8 * 1024 * 1024;

/// A refused photo upload as the claim's page reads it back from its address
/// (`photo_error=<code>`).
pub fn photo_refusal(code: &str) -> AppError {
    match code {
        "upload_too_large" => AppError::UploadTooLarge {
            max_kb: (MAX_PHOTO_BYTES / 1024) as i64,
        },
        "not_found" => AppError::NotFound,
        "already_decided" => AppError::AlreadyDecided,
        "invalid_input" => AppError::Invalid {
            field: Field::Count,
        },
        "internal" => AppError::Internal,
        _ => AppError::NotAnImage,
    }
}

/// What a submitted claim answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Submitted {
    pub id: i64,
    pub status: ReceiptStatus,
    pub expected_points: i64,
    /// All the caller's points waiting for a check, this claim's included.
    pub pending: i64,
}

/// A scanned or typed retail barcode as the catalog keeps it (13 digits): a 12-digit UPC-A with
/// its leading zero, a 14-digit GTIN without it. Anything else as it is.
pub fn gtin13(q: &str) -> String {
    let all_digits = q.bytes().all(|b| b.is_ascii_digit());
    match q.len() {
        12 if all_digits => format!("0{q}"),
        14 if all_digits && q.starts_with('0') => q[1..].to_string(),
        _ => q.to_string(),
    }
}

/// A product the claim screen offers for a line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductChoice {
    pub id: i64,
    pub name: String,
    pub sku: String,
    pub gtin: Option<String>,
}

/// One line of a claim as its pages show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimLine {
    pub id: i64,
    pub product_id: i64,
    pub product: String,
    pub quantity: i64,
    /// What the moderator approved (0: removed); `None` until decided.
    pub approved_quantity: Option<i64>,
    pub points: i64,
    /// The rules engine's steps in words.
    pub breakdown: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhotoView {
    pub id: i64,
    pub url: String,
    pub thumb: String,
}

/// Who made a claim (the moderator's view only).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claimant {
    pub id: i64,
    pub name: String,
    pub phone: Option<String>,
    pub company: Option<String>,
    pub region: Option<String>,
}

/// One claim with its lines and photos.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimView {
    pub id: i64,
    pub source: ReceiptSource,
    pub status: ReceiptStatus,
    pub document_no: String,
    pub shop: String,
    pub document_at: i64,
    /// Minor units (kopecks).
    pub total: i64,
    pub expected_points: i64,
    pub final_points: Option<i64>,
    pub flags: Vec<ReceiptFlag>,
    /// What the verification service said (QR claims, when one is configured).
    pub verification: Option<crate::domain::Verification>,
    pub reject_reason: Option<RejectReason>,
    /// The moderator's words: a rejection's detail or a question.
    pub note: Option<String>,
    pub answer: Option<String>,
    pub submitted_at: i64,
    pub decided_at: Option<i64>,
    pub lines: Vec<ClaimLine>,
    pub photos: Vec<PhotoView>,
    /// The QR as scanned (moderator only).
    pub qr_text: Option<String>,
    pub supplier_tax_id: Option<String>,
    pub who: Option<Claimant>,
}

/// A claim in a list (the participant's, the partner manager's).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceiptSummary {
    pub id: i64,
    pub status: ReceiptStatus,
    pub document_no: String,
    pub shop: String,
    pub document_at: i64,
    pub total: i64,
    pub expected_points: i64,
    pub final_points: Option<i64>,
    pub note: Option<String>,
    pub reject_reason: Option<RejectReason>,
    pub submitted_at: i64,
    pub decided_at: Option<i64>,
    /// Who claimed it (the participant's own name in their own list).
    pub name: String,
}

/// One row of the moderation queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueRow {
    pub id: i64,
    pub status: ReceiptStatus,
    pub source: ReceiptSource,
    pub submitted_at: i64,
    pub total: i64,
    pub expected_points: i64,
    pub flags: Vec<ReceiptFlag>,
    pub name: String,
    pub company: Option<String>,
    pub region: Option<String>,
}

/// What a moderator decides.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decision {
    /// Approve, with some lines' quantities lowered (0 removes a line): (line id, quantity).
    Approve {
        quantities: Vec<(i64, i64)>,
    },
    Reject {
        reason: RejectReason,
        note: String,
    },
    /// Send back to the participant with a question.
    Ask {
        question: String,
    },
}

/// The claim screen's state, from its address: the document as read so far, the lines chosen,
/// what they would earn, and products to add.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftData {
    /// The QR's fields when a QR was scanned: date (unix), total (kopecks), document number.
    pub qr: Option<(i64, i64, String)>,
    /// Why the scanned text cannot be claimed, if it cannot.
    pub qr_error: Option<AppError>,
    pub lines: Vec<DraftLine>,
    pub points: i64,
    pub found: Vec<ProductChoice>,
    pub usual: Vec<ProductChoice>,
    /// Points the caller has waiting for a check.
    pub pending: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftLine {
    pub product: ProductChoice,
    pub quantity: i64,
    pub points: i64,
}

/// The lines as the claim screen's address carries them: `12x3,15x1` (product id × quantity).
pub fn parse_lines_param(s: &str) -> Result<Vec<(i64, i64)>, AppError> {
    let mut out: Vec<(i64, i64)> = Vec::new();
    for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (id, q) = part.split_once(['x', 'X']).unwrap_or((part, "1"));
        let id = parse_id(id)?;
        let q = parse_quantity(q)?;
        add_line(&mut out, id, q)?;
    }
    Ok(out)
}

/// The lines written back into an address.
pub fn lines_param(lines: &[(i64, i64)]) -> String {
    lines
        .iter()
        .map(|(id, q)| format!("{id}x{q}"))
        .collect::<Vec<_>>()
        .join(",")
}

fn parse_id(s: &str) -> Result<i64, AppError> {
    s.trim()
        .parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or(AppError::Invalid {
            field: Field::Product,
        })
}

fn parse_quantity(s: &str) -> Result<i64, AppError> {
    s.trim()
        .parse::<i64>()
        .ok()
        .filter(|q| (1..=crate::earn::rules::MAX_QUANTITY).contains(q))
        .ok_or(AppError::Invalid {
            field: Field::Quantity,
        })
}

/// The most lines one claim may carry.
pub const MAX_LINES: usize = 30;

/// Adds a line, merging a product given twice.
fn add_line(lines: &mut Vec<(i64, i64)>, id: i64, q: i64) -> Result<(), AppError> {
    if let Some(l) = lines.iter_mut().find(|l| l.0 == id) {
        l.1 = (l.1 + q).min(crate::earn::rules::MAX_QUANTITY);
    } else {
        if lines.len() >= MAX_LINES {
            return Err(AppError::Invalid {
                field: Field::Lines,
            });
        }
        lines.push((id, q));
    }
    Ok(())
}

/// The lines of a submitted form: `product[]` and `quantity[]` side by side.
pub fn parse_lines(
    products: &[String],
    quantities: &[String],
) -> Result<Vec<(i64, i64)>, AppError> {
    if products.len() != quantities.len() {
        return Err(AppError::Invalid {
            field: Field::Lines,
        });
    }
    let mut out = Vec::new();
    for (p, q) in products.iter().zip(quantities) {
        if p.trim().is_empty() {
            continue;
        }
        add_line(&mut out, parse_id(p)?, parse_quantity(q)?)?;
    }
    if out.is_empty() {
        return Err(AppError::Invalid {
            field: Field::Lines,
        });
    }
    Ok(out)
}

/// A scanned QR's refusal as the person reads it.
pub fn qr_refusal(e: qr::QrError) -> AppError {
    match e {
        qr::QrError::NotAReceipt => AppError::Invalid {
            field: Field::ReceiptQr,
        },
        qr::QrError::Bad(field) => AppError::Invalid { field },
        qr::QrError::NotASale { refund } => AppError::ReceiptNotASale { refund },
    }
}

/// Typed text of at most `max` characters, with no control characters; `None` when empty.
#[cfg(feature = "ssr")]
fn text_field(s: Option<String>, max: usize, field: Field) -> Result<Option<String>, AppError> {
    let s = s.unwrap_or_default();
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    if s.chars().count() > max || s.contains(char::is_control) {
        return Err(AppError::Invalid { field });
    }
    Ok(Some(s.to_string()))
}

/// The document of a submitted form: the scanned QR if there is one, otherwise the typed
/// invoice's number, supplier's tax number, date and total.
#[cfg(feature = "ssr")]
pub fn parse_document(
    qr_text: Option<String>,
    number: Option<String>,
    supplier: Option<String>,
    date: Option<String>,
    total: Option<String>,
) -> Result<service::Document, AppError> {
    if let Some(text) = text_field(qr_text, 600, Field::ReceiptQr)? {
        let qr = qr::FiscalQr::parse(&text).map_err(qr_refusal)?;
        return Ok(service::Document::Qr { qr, text });
    }
    let number = text_field(number, 40, Field::DocumentNo)?.ok_or(AppError::Invalid {
        field: Field::DocumentNo,
    })?;
    // One spelling per number: "№ 12 / A", "No. 12/a" and "12/A" are the same invoice. Only a
    // number sign in front is dropped ("NK-12" keeps its N).
    let trimmed = number.trim_start();
    let lower = trimmed.to_lowercase();
    let rest = ["№", "#", "no.", "n°", "nr.", "no "]
        .iter()
        .find(|p| lower.starts_with(*p))
        .map_or(trimmed, |p| &trimmed[p.len()..]);
    let number: String = rest
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect();
    if number.is_empty() {
        return Err(AppError::Invalid {
            field: Field::DocumentNo,
        });
    }
    // The supplier's tax number is part of what names an invoice (one supplier's invoice 1 is
    // not another's), so it is asked for.
    let supplier = match text_field(supplier, 20, Field::TaxId)? {
        None => {
            return Err(AppError::Invalid {
                field: Field::TaxId,
            });
        }
        Some(s) => {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            if s.len() < 4 || !s.chars().all(|c| c.is_ascii_alphanumeric()) {
                return Err(AppError::Invalid {
                    field: Field::TaxId,
                });
            }
            Some(s.to_ascii_uppercase())
        }
    };
    let day = date
        .as_deref()
        .and_then(crate::domain::parse_iso_date)
        .ok_or(AppError::Invalid {
            field: Field::ReceiptDate,
        })?;
    let total = total
        .as_deref()
        .and_then(qr::parse_typed_total)
        .ok_or(AppError::Invalid {
            field: Field::ReceiptTotal,
        })?;
    Ok(service::Document::Invoice {
        number,
        supplier_tax_id: supplier,
        at: crate::format::from_local(day),
        total,
    })
}

/// The phone's key for one claim: letters, digits, `-` and `_`, up to 64.
#[cfg(any(feature = "ssr", test))]
fn parse_key(key: Option<String>) -> Result<Option<String>, AppError> {
    match key.as_deref().map(str::trim).filter(|k| !k.is_empty()) {
        None => Ok(None),
        Some(k)
            if k.len() <= 64
                && k.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') =>
        {
            Ok(Some(k.to_string()))
        }
        Some(_) => Err(AppError::Invalid { field: Field::Key }),
    }
}

/// Claims a purchase: the scanned QR (`qr`) or the typed invoice (`number`, `supplier`,
/// `date` as YYYY-MM-DD, `total` as 975.88), where it was bought (`shop`), and the lines
/// (`product[]` ids with `quantity[]`). The expected points wait as pending points. The same
/// document is claimable once in the whole program; `key` makes sending the same claim again
/// (the offline queue) store it once. Without JavaScript the browser goes on to the claim's page.
#[server(prefix = "/api", endpoint = "receipts/submit")]
pub async fn submit_claim(
    qr: Option<String>,
    number: Option<String>,
    supplier: Option<String>,
    date: Option<String>,
    total: Option<String>,
    shop: Option<String>,
    #[server(default)] product: Vec<String>,
    #[server(default)] quantity: Vec<String>,
    key: Option<String>,
) -> Result<Submitted, AppError> {
    let call = Call::new(crate::call::PARTICIPANTS)?;
    let document = parse_document(qr, number, supplier, date, total)?;
    let lines = parse_lines(&product, &quantity)?;
    let shop = text_field(shop, 120, Field::Shop)?.unwrap_or_default();
    let key = parse_key(key)?;
    let qr = match &document {
        service::Document::Qr { qr, .. } => Some(qr.clone()),
        service::Document::Invoice { .. } => None,
    };
    let mut done = service::submit(
        call.db(),
        service::NewClaim {
            user_id: call.user.id,
            document,
            shop,
            lines,
            key,
        },
        call.now,
    )
    .await?;
    // A fiscal receipt is checked with the verification service, if one is configured; the
    // claim is stored whatever it answers.
    if let (Some(qr), Some(verifier)) = (qr, call.settings().receipt_verifier.clone())
        && done.status == ReceiptStatus::Waiting
    {
        let draw = rand::random::<u16>() as i64 % 1000;
        match service::verify_and_maybe_approve(call.db(), &*verifier, done.id, &qr, draw, call.now)
            .await
        {
            Ok(_) => {
                let mut conn = call.conn().await?;
                done = service::submitted(&mut conn, call.user.id, done.id).await?;
            }
            Err(e) => tracing::warn!(claim = done.id, error = %e, "receipt left for a person"),
        }
    }
    if call.plain_form_post() {
        leptos_axum::redirect(&format!("/claims/{}?sent=1", done.id));
    }
    Ok(done)
}

/// The claim screen's state (see [`DraftData`]): `qr` as scanned, `lines` as `12x3,15x1`, `q` words
/// or a barcode to find products by.
#[server(prefix = "/api", endpoint = "receipts/draft")]
pub async fn draft(
    qr: Option<String>,
    lines: Option<String>,
    q: Option<String>,
) -> Result<DraftData, AppError> {
    let call = Call::new(crate::call::PARTICIPANTS)?;
    let lang = call.lang();
    let (qr, qr_error) = match text_field(qr, 600, Field::ReceiptQr)? {
        None => (None, None),
        Some(text) => match qr::FiscalQr::parse(&text) {
            Ok(qr) => (
                Some((
                    crate::format::from_local(qr.wall_time),
                    qr.total,
                    qr.document.to_string(),
                )),
                None,
            ),
            Err(e) => (None, Some(qr_refusal(e))),
        },
    };
    let chosen = parse_lines_param(lines.as_deref().unwrap_or(""))?;
    let q = match q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        None => None,
        Some(q) => Some(crate::domain::Search::parse(q).ok_or(AppError::Invalid {
            field: Field::Search,
        })?),
    };
    let mut conn = call.conn().await?;
    let products = service::products_by_id(
        &mut conn,
        &chosen.iter().map(|l| l.0).collect::<Vec<_>>(),
        lang,
    )
    .await?;
    // Lines for products no longer offered are dropped from the draft.
    let chosen: Vec<(i64, i64)> = chosen
        .into_iter()
        .filter(|l| products.iter().any(|p| p.id == l.0))
        .collect();
    let at = qr.as_ref().map_or(call.now, |q| q.0.min(call.now));
    let valued = service::estimate(&mut conn, call.user.id, &chosen, at, call.now).await?;
    let lines: Vec<DraftLine> = chosen
        .iter()
        .zip(&valued)
        .filter_map(|((id, q), v)| {
            Some(DraftLine {
                product: products.iter().find(|p| p.id == *id)?.clone(),
                quantity: *q,
                points: v.points,
            })
        })
        .collect();
    let found = match &q {
        Some(q) => service::find_products(&mut conn, q, lang).await?,
        None => Vec::new(),
    };
    Ok(DraftData {
        qr,
        qr_error,
        points: lines.iter().map(|l| l.points).sum(),
        lines,
        found,
        usual: service::usual_products(&mut conn, call.user.id, lang).await?,
        pending: crate::earn::ledger::pending(&mut conn, call.user.id).await?,
    })
}

/// The caller's receipt claims and their points waiting for a check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimsPage {
    pub claims: Vec<ReceiptSummary>,
    pub next_before: Option<i64>,
    pub pending: i64,
}

pub const PAGE_SIZE: i64 = 30;

/// The caller's receipt claims, newest first, a page at a time.
#[server(prefix = "/api", endpoint = "receipts/mine")]
pub async fn my_claims(before: Option<i64>) -> Result<ClaimsPage, AppError> {
    let call = Call::new(crate::call::PARTICIPANTS)?;
    let mut conn = call.conn().await?;
    let mut claims = service::mine(&mut conn, call.user.id, before, PAGE_SIZE + 1).await?;
    let more = claims.len() as i64 > PAGE_SIZE;
    claims.truncate(PAGE_SIZE as usize);
    Ok(ClaimsPage {
        next_before: if more {
            claims.last().map(|c| c.id)
        } else {
            None
        },
        claims,
        pending: crate::earn::ledger::pending(&mut conn, call.user.id).await?,
    })
}

/// One of the caller's own claims (someone else's answers "not found"); opening a decided claim
/// marks its decision seen.
#[server(prefix = "/api", endpoint = "receipts/get")]
pub async fn my_claim(id: i64) -> Result<ClaimView, AppError> {
    let call = Call::new(crate::call::PARTICIPANTS)?;
    let mut conn = call.conn().await?;
    let view = service::claim(&mut conn, id, Some(call.user.id), call.lang()).await?;
    service::mark_seen(&mut conn, call.user.id, Some(id), call.now).await?;
    Ok(view)
}

/// The caller's answer to the moderator's question on a claim that needs more: the claim goes
/// back to the queue.
#[server(prefix = "/api", endpoint = "receipts/answer")]
pub async fn answer_claim(id: i64, answer: String) -> Result<(), AppError> {
    let call = Call::new(crate::call::PARTICIPANTS)?;
    let answer = text_field(Some(answer), 1000, Field::Note)?
        .ok_or(AppError::Invalid { field: Field::Note })?;
    service::answer(call.db(), call.user.id, id, &answer, call.now).await?;
    if call.plain_form_post() {
        leptos_axum::redirect(&format!("/claims/{id}?answered=1"));
    }
    Ok(())
}

/// The caller's claims decided since they last looked (Home tells of them).
#[server(prefix = "/api", endpoint = "receipts/decided")]
pub async fn decided_claims() -> Result<Vec<ReceiptSummary>, AppError> {
    let call = Call::new(crate::call::PARTICIPANTS)?;
    let mut conn = call.conn().await?;
    service::unseen(&mut conn, call.user.id).await
}

/// The program's products (id, name in the caller's language, SKU, barcode), which the Scan
/// screen keeps on the phone so a purchase can be claimed without signal.
#[server(prefix = "/api", endpoint = "receipts/catalog")]
pub async fn receipt_catalog() -> Result<Vec<ProductChoice>, AppError> {
    let call = Call::new(crate::call::PARTICIPANTS)?;
    let mut conn = call.conn().await?;
    service::catalog(&mut conn, call.lang()).await
}

/// The partner manager's company's receipt claims (status and points; no photos, no lines).
#[server(prefix = "/api", endpoint = "team/receipts")]
pub async fn team_claims() -> Result<Vec<ReceiptSummary>, AppError> {
    let call = Call::new(crate::call::MANAGERS)?;
    let mut conn = call.conn().await?;
    let company = crate::org::service::managed_company(&mut conn, call.user.id).await?;
    service::company_claims(&mut conn, company, 100).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retail_barcodes_are_looked_up_as_thirteen_digits() {
        assert_eq!(gtin13("036000291452"), "0036000291452");
        assert_eq!(gtin13("04006381333931"), "4006381333931");
        assert_eq!(gtin13("4006381333931"), "4006381333931");
        assert_eq!(gtin13("tyre"), "tyre");
    }

    #[test]
    fn lines_in_an_address_read_back_and_merge() {
        assert_eq!(
            parse_lines_param("12x3, 15x1,12x2").unwrap(),
            vec![(12, 5), (15, 1)]
        );
        assert_eq!(parse_lines_param("7").unwrap(), vec![(7, 1)]);
        assert_eq!(lines_param(&[(12, 5), (15, 1)]), "12x5,15x1");
        assert_eq!(
            parse_lines_param("12x0"),
            Err(AppError::Invalid {
                field: Field::Quantity
            })
        );
        assert_eq!(
            parse_lines_param("-1x2"),
            Err(AppError::Invalid {
                field: Field::Product
            })
        );
        let many: String = (1..=31).map(|i| format!("{i}x1,")).collect();
        assert_eq!(
            parse_lines_param(&many),
            Err(AppError::Invalid {
                field: Field::Lines
            })
        );
    }

    #[test]
    fn form_lines_need_one_product_and_matching_quantities() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            parse_lines(&s(&["4", ""]), &s(&["2", ""])).unwrap(),
            vec![(4, 2)]
        );
        assert!(parse_lines(&s(&[]), &s(&[])).is_err());
        assert!(parse_lines(&s(&["4"]), &s(&[])).is_err());
        assert!(parse_lines(&s(&["4"]), &s(&["10001"])).is_err());
    }

    #[test]
    fn keys_are_short_and_plain() {
        assert_eq!(
            parse_key(Some("a-1_B".into())).unwrap().as_deref(),
            Some("a-1_B")
        );
        assert_eq!(parse_key(Some("  ".into())).unwrap(), None);
        assert!(parse_key(Some("a b".into())).is_err());
        assert!(parse_key(Some("x".repeat(65))).is_err());
    }
}
