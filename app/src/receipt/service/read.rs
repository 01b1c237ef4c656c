//! What the screens read: one claim, the participant's and the company's lists, and the
//! moderator's queue.

use super::*;
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
