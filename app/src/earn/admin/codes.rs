//! Code batches and unit codes: generating them, activating them at dispatch, voiding them, looking
//! one up, reversing a claim; and manual point adjustments. Admins only.

#[cfg(feature = "ssr")]
use crate::call::Call;
pub use crate::domain::CodeStatus;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::Field;
use serde::{Deserialize, Serialize};

pub const MAX_BATCH: i64 = 100_000;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchRow {
    pub id: i64,
    pub sku: String,
    pub product: String,
    pub size: i64,
    pub claimed: i64,
    pub status: CodeStatus,
    pub note: String,
    pub created_at: i64,
    pub activated_at: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchDetail {
    pub batch: BatchRow,
    /// The first codes of the batch (all of them for batches up to 500), grouped form.
    pub codes: Vec<CodeLine>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeLine {
    pub code: String,
    pub status: CodeStatus,
    pub claimed_at: Option<i64>,
}

/// Everything an admin sees about one code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeInfo {
    pub code: String,
    pub status: CodeStatus,
    pub batch_id: i64,
    pub sku: String,
    pub product: String,
    pub claimed_by: Option<Claimant>,
    pub claimed_at: Option<i64>,
    /// The accrual the claim made, if it still stands.
    pub points: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claimant {
    pub id: i64,
    pub name: String,
    pub phone: Option<String>,
    pub company: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AfterReversal {
    /// The code can be claimed again (it was claimed by mistake).
    Reusable,
    /// The code is withdrawn (it was misused).
    Void,
}

#[cfg(feature = "ssr")]
pub mod db {
    use super::*;
    use crate::audit;
    use crate::domain::EntryKind;
    use crate::earn::code::UnitCode;
    use crate::earn::ledger::{self, NewEntry};
    use crate::state::Db;
    use rand::RngCore;

    const BATCH_COLUMNS: &str = "SELECT b.id, p.sku, p.name, b.size, \
        (SELECT COUNT(*) FROM unit_codes u WHERE u.batch_id = b.id AND u.claimed_by IS NOT NULL) AS claimed, \
        b.status, b.note, b.created_at, b.activated_at FROM code_batches b JOIN products p ON p.id = b.product_id";

    /// One row of [`BATCH_COLUMNS`]: a batch with its product and how many codes are claimed.
    #[derive(sqlx::FromRow)]
    struct BatchRecordRow {
        id: i64,
        sku: String,
        name: String,
        size: i64,
        claimed: i64,
        status: CodeStatus,
        note: String,
        created_at: i64,
        activated_at: Option<i64>,
    }

    impl From<BatchRecordRow> for BatchRow {
        fn from(r: BatchRecordRow) -> BatchRow {
            BatchRow {
                id: r.id,
                sku: r.sku,
                product: r.name,
                size: r.size,
                claimed: r.claimed,
                status: r.status,
                note: r.note,
                created_at: r.created_at,
                activated_at: r.activated_at,
            }
        }
    }

    pub async fn batches(db: &Db) -> Result<Vec<BatchRow>, AppError> {
        let rows = sqlx::query_as::<_, BatchRecordRow>(&format!(
            "{BATCH_COLUMNS} ORDER BY b.id DESC LIMIT 200"
        ))
        .fetch_all(&db.pool)
        .await?;
        Ok(rows.into_iter().map(BatchRow::from).collect())
    }

    /// One code of a batch, as [`batch`] lists them.
    #[derive(sqlx::FromRow)]
    struct CodeLineRow {
        code: String,
        status: CodeStatus,
        claimed_at: Option<i64>,
    }

    impl From<CodeLineRow> for CodeLine {
        fn from(r: CodeLineRow) -> CodeLine {
            CodeLine {
                code: UnitCode::from_trusted(r.code).grouped(),
                status: r.status,
                claimed_at: r.claimed_at,
            }
        }
    }

    pub async fn batch(db: &Db, id: i64, codes_limit: i64) -> Result<BatchDetail, AppError> {
        let row = sqlx::query_as::<_, BatchRecordRow>(&format!("{BATCH_COLUMNS} WHERE b.id = $1"))
            .bind(id)
            .fetch_optional(&db.pool)
            .await?
            .ok_or(AppError::NotFound)?;
        let codes = sqlx::query_as::<_, CodeLineRow>(
            "SELECT code, status, claimed_at FROM unit_codes WHERE batch_id = $1 ORDER BY id LIMIT $2",
        )
        .bind(id)
        .bind(codes_limit)
        .fetch_all(&db.pool)
        .await?;
        Ok(BatchDetail {
            batch: row.into(),
            codes: codes.into_iter().map(CodeLine::from).collect(),
        })
    }

    /// Makes `count` new random codes for the product with this SKU, in one transaction. Returns
    /// the batch id and the codes. A clash with an existing code (one in 2^75 per pair) is simply
    /// drawn again.
    pub async fn generate(
        db: &Db,
        actor: Option<i64>,
        sku: &str,
        count: i64,
        note: &str,
        now: i64,
    ) -> Result<(i64, Vec<UnitCode>), AppError> {
        if !(1..=MAX_BATCH).contains(&count) {
            return Err(AppError::Invalid {
                field: Field::Count,
            });
        }
        let mut tx = db.begin_write().await?;
        let product: Option<i64> = sqlx::query_scalar("SELECT id FROM products WHERE sku = $1")
            .bind(sku)
            .fetch_optional(&mut *tx)
            .await?;
        let product = product.ok_or(AppError::Invalid {
            field: Field::Product,
        })?;
        let batch: i64 = sqlx::query_scalar(
            "INSERT INTO code_batches (product_id, size, status, created_by, created_at, note) \
             VALUES ($1, $2, 'inactive', $3, $4, $5) RETURNING id",
        )
        .bind(product)
        .bind(count)
        .bind(actor)
        .bind(now)
        .bind(note.trim())
        .fetch_one(&mut *tx)
        .await?;
        let mut rng = rand::rngs::OsRng;
        let mut codes = Vec::with_capacity(count as usize);
        let mut seen = std::collections::HashSet::new();
        while (codes.len() as i64) < count {
            let mut bytes = [0u8; 16];
            rng.fill_bytes(&mut bytes);
            let code = UnitCode::from_bits(u128::from_le_bytes(bytes));
            if seen.insert(code.clone()) {
                codes.push(code);
            }
        }
        // Multi-row inserts, a few hundred rows per statement.
        for chunk in codes.chunks(400) {
            let mut sql =
                String::from("INSERT INTO unit_codes (code, batch_id, product_id, status) VALUES ");
            for i in 0..chunk.len() {
                if i > 0 {
                    sql.push(',');
                }
                sql.push_str(&format!("(${}, $1, $2, 'inactive')", i + 3));
            }
            sql.push_str(" ON CONFLICT (code) DO NOTHING");
            let mut q = sqlx::query(&sql).bind(batch).bind(product);
            for c in chunk {
                q = q.bind(c.as_str().to_string());
            }
            let inserted = q.execute(&mut *tx).await?.rows_affected();
            if inserted != chunk.len() as u64 {
                // A code that already exists elsewhere: astronomically rare; start over.
                tracing::warn!("unit code clash while generating; retrying the batch");
                drop(tx);
                return Box::pin(generate(db, actor, sku, count, note, now)).await;
            }
        }
        audit::commit(
            tx,
            actor,
            "batch.create",
            &format!("batch:{batch}"),
            None::<&()>,
            Some(&serde_json::json!({ "sku": sku, "size": count, "note": note.trim() })),
            now,
        )
        .await?;
        Ok((batch, codes))
    }

    /// Activates a batch at dispatch (its unclaimed inactive codes become claimable), or voids it
    /// (its unclaimed codes are withdrawn; claims already made stand).
    pub async fn set_batch_status(
        db: &Db,
        actor: i64,
        id: i64,
        status: CodeStatus,
        now: i64,
    ) -> Result<BatchRow, AppError> {
        let mut tx = db.begin_write().await?;
        let before: Option<CodeStatus> =
            sqlx::query_scalar("SELECT status FROM code_batches WHERE id = $1")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
        let before = before.ok_or(AppError::NotFound)?;
        match status {
            CodeStatus::Active => {
                if before == CodeStatus::Voided {
                    return Err(AppError::UnitCodeVoided);
                }
                sqlx::query(
                    "UPDATE code_batches SET status = 'active', activated_at = $1 WHERE id = $2",
                )
                .bind(now)
                .bind(id)
                .execute(&mut *tx)
                .await?;
                sqlx::query("UPDATE unit_codes SET status = 'active' WHERE batch_id = $1 AND status = 'inactive'")
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
            }
            CodeStatus::Voided => {
                sqlx::query("UPDATE code_batches SET status = 'voided' WHERE id = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query(
                    "UPDATE unit_codes SET status = 'voided' WHERE batch_id = $1 AND claimed_by IS NULL",
                )
                .bind(id)
                .execute(&mut *tx)
                .await?;
            }
            CodeStatus::Inactive => return Err(AppError::Invalid { field: Field::Kind }),
        }
        audit::commit(
            tx,
            Some(actor),
            &format!("batch.{}", status.as_str()),
            &format!("batch:{id}"),
            Some(&serde_json::json!({ "status": before })),
            Some(&serde_json::json!({ "status": status })),
            now,
        )
        .await?;
        let row = sqlx::query_as::<_, BatchRecordRow>(&format!("{BATCH_COLUMNS} WHERE b.id = $1"))
            .bind(id)
            .fetch_one(&db.pool)
            .await?;
        Ok(row.into())
    }

    /// [`info_in`]'s columns: the code, its batch's product, who claimed it (all NULL when nobody
    /// did) and the points of the accrual the claim made.
    #[derive(sqlx::FromRow)]
    struct CodeInfoRow {
        id: i64,
        code: String,
        status: CodeStatus,
        batch_id: i64,
        sku: String,
        product: String,
        claimed_at: Option<i64>,
        claimant_id: Option<i64>,
        claimant_name: Option<String>,
        phone: Option<String>,
        company: Option<String>,
        points: Option<i64>,
    }

    impl CodeInfoRow {
        /// The code's id and what an admin sees about it.
        fn into_info(self) -> Result<(i64, CodeInfo), AppError> {
            let claimed_by = match self.claimant_id {
                Some(id) => Some(Claimant {
                    id,
                    // `users.name` is NOT NULL: a claimant always has one.
                    name: self.claimant_name.ok_or_else(|| {
                        sqlx::Error::Decode("unit code claimant without a name".into())
                    })?,
                    phone: self.phone,
                    company: self.company,
                }),
                None => None,
            };
            let info = CodeInfo {
                code: UnitCode::from_trusted(self.code).grouped(),
                status: self.status,
                batch_id: self.batch_id,
                sku: self.sku,
                product: self.product,
                claimed_at: self.claimed_at,
                claimed_by,
                points: self.points,
            };
            Ok((self.id, info))
        }
    }

    async fn info_in(
        conn: &mut sqlx::AnyConnection,
        code: &UnitCode,
    ) -> Result<(i64, CodeInfo), AppError> {
        sqlx::query_as::<_, CodeInfoRow>(
            "SELECT uc.id, uc.code, uc.status, uc.batch_id, p.sku, p.name AS product, uc.claimed_at, \
             u.id AS claimant_id, u.name AS claimant_name, u.phone, pc.name AS company, \
             (SELECT e.points FROM ledger_entries e WHERE e.unit_code_id = uc.id AND e.kind = 'accrual' \
              AND e.user_id = uc.claimed_by ORDER BY e.id DESC LIMIT 1) AS points \
             FROM unit_codes uc JOIN products p ON p.id = uc.product_id \
             LEFT JOIN users u ON u.id = uc.claimed_by \
             LEFT JOIN partner_companies pc ON pc.id = u.company_id WHERE uc.code = $1",
        )
        .bind(code.as_str())
        .fetch_optional(conn)
        .await?
        .ok_or(AppError::UnitCodeUnknown)?
        .into_info()
    }

    pub async fn lookup(db: &Db, code: &UnitCode) -> Result<CodeInfo, AppError> {
        let mut conn = db.pool.acquire().await?;
        Ok(info_in(&mut conn, code).await?.1)
    }

    pub async fn void_code(
        db: &Db,
        actor: i64,
        code: &UnitCode,
        now: i64,
    ) -> Result<CodeInfo, AppError> {
        let mut tx = db.begin_write().await?;
        let (id, before) = info_in(&mut tx, code).await?;
        if before.claimed_by.is_some() {
            // A claimed code is reversed (with "void"), not voided underneath the points.
            return Err(AppError::ClaimedByOther);
        }
        sqlx::query("UPDATE unit_codes SET status = 'voided' WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let (_, after) = info_in(&mut tx, code).await?;
        audit::commit(
            tx,
            Some(actor),
            "code.void",
            &format!("code:{}", code.as_str()),
            Some(&before),
            Some(&after),
            now,
        )
        .await?;
        Ok(after)
    }

    /// The accrual a claim made, which [`reverse`] takes back.
    #[derive(sqlx::FromRow)]
    struct AccrualRow {
        id: i64,
        points: i64,
    }

    /// Undoes a claim: a reversal entry takes the points back (the claim's own lot first), and the
    /// code becomes claimable again or is voided. Refused if the participant has already spent the
    /// points (the balance never goes below zero; an adjustment is the tool for that case).
    pub async fn reverse(
        db: &Db,
        actor: i64,
        code: &UnitCode,
        reason: &str,
        then: AfterReversal,
        now: i64,
    ) -> Result<CodeInfo, AppError> {
        let mut tx = db.begin_write().await?;
        let (id, before) = info_in(&mut tx, code).await?;
        let claimant = before.claimed_by.as_ref().ok_or(AppError::NotClaimed)?;
        let balance = ledger::lock_balance(&mut tx, claimant.id, now).await?;
        let accrual = sqlx::query_as::<_, AccrualRow>(
            "SELECT id, points FROM ledger_entries WHERE unit_code_id = $1 AND user_id = $2 \
             AND kind = 'accrual' ORDER BY id DESC LIMIT 1",
        )
        .bind(id)
        .bind(claimant.id)
        .fetch_optional(&mut *tx)
        .await?;
        let AccrualRow {
            id: accrual_id,
            points,
        } = accrual.ok_or(AppError::NotClaimed)?;
        if balance < points {
            return Err(AppError::BalanceTooLow { balance });
        }
        let text = crate::earn::reason::Reason::ClaimReversed {
            product: before.product.clone(),
            code: code.grouped(),
            note: reason.to_string(),
        };
        if points > 0 {
            ledger::append(
                &mut tx,
                NewEntry {
                    created_by: Some(actor),
                    unit_code_id: Some(id),
                    ref_entry_id: Some(accrual_id),
                    ..NewEntry::new(claimant.id, EntryKind::Reversal, -points, &text)
                },
                now,
            )
            .await?;
        }
        let status = match then {
            AfterReversal::Reusable => CodeStatus::Active,
            AfterReversal::Void => CodeStatus::Voided,
        };
        sqlx::query(
            "UPDATE unit_codes SET claimed_by = NULL, claimed_at = NULL, status = $1 WHERE id = $2",
        )
        .bind(status)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        let (_, after) = info_in(&mut tx, code).await?;
        audit::commit(
            tx,
            Some(actor),
            "claim.reverse",
            &format!("code:{}", code.as_str()),
            Some(&before),
            Some(&serde_json::json!({ "code": after, "reason": reason, "points": -points })),
            now,
        )
        .await?;
        Ok(after)
    }

    /// The participant an adjustment is for.
    #[derive(sqlx::FromRow)]
    struct ParticipantRow {
        id: i64,
        name: String,
    }

    /// Adds (or with negative points, takes) points by hand, with a reason the participant sees.
    pub async fn adjust(
        db: &Db,
        actor: i64,
        phone: &crate::domain::Phone,
        points: i64,
        reason: &str,
        now: i64,
    ) -> Result<(String, i64), AppError> {
        let mut tx = db.begin_write().await?;
        let who = sqlx::query_as::<_, ParticipantRow>(
            "SELECT id, name FROM users WHERE phone = $1 AND role IN ('participant', 'partner_manager')",
        )
        .bind(phone.as_str())
        .fetch_optional(&mut *tx)
        .await?;
        let ParticipantRow { id: user, name } = who.ok_or(AppError::Invalid {
            field: Field::Participant,
        })?;
        let balance = ledger::lock_balance(&mut tx, user, now).await?;
        if balance + points < 0 {
            return Err(AppError::BalanceTooLow { balance });
        }
        ledger::append(
            &mut tx,
            NewEntry {
                created_by: Some(actor),
                ..NewEntry::new(
                    user,
                    EntryKind::Adjustment,
                    points,
                    &crate::earn::reason::Reason::Note {
                        note: reason.to_string(),
                    },
                )
            },
            now,
        )
        .await?;
        let after = balance + points;
        audit::commit(
            tx,
            Some(actor),
            "points.adjust",
            &format!("user:{user}"),
            Some(&serde_json::json!({ "balance": balance })),
            Some(&serde_json::json!({ "balance": after, "points": points, "reason": reason })),
            now,
        )
        .await?;
        Ok((name, after))
    }

    pub async fn codes_csv(db: &Db, batch: i64) -> Result<String, AppError> {
        let detail = self::batch(db, batch, MAX_BATCH).await?;
        let mut out = String::from("code,sku,batch,status,claimed_at\n");
        for c in detail.codes {
            out.push_str(&format!(
                "{},{},{},{},{}\n",
                c.code,
                crate::files::csv_cell(&detail.batch.sku),
                batch,
                c.status.as_str(),
                c.claimed_at
                    .map(crate::domain::iso_date)
                    .unwrap_or_default()
            ));
        }
        Ok(out)
    }
}

#[leptos::server(prefix = "/api", endpoint = "admin/batches")]
pub async fn list_batches() -> Result<Vec<BatchRow>, AppError> {
    let call = Call::new(crate::call::ADMINS)?;
    db::batches(call.db()).await
}

#[leptos::server(prefix = "/api", endpoint = "admin/batch")]
pub async fn get_batch(id: i64) -> Result<BatchDetail, AppError> {
    let call = Call::new(crate::call::ADMINS)?;
    db::batch(call.db(), id, 500).await
}

/// Generates `count` codes for the product `sku`. The batch starts inactive until dispatch.
#[leptos::server(prefix = "/api", endpoint = "admin/batch_create")]
pub async fn create_batch(sku: String, count: String, note: String) -> Result<BatchRow, AppError> {
    use crate::domain::Sku;
    use crate::state::is_plain_form_post;
    let call = Call::new(crate::call::ADMINS)?;
    let sku = Sku::parse(&sku).ok_or(AppError::Invalid {
        field: Field::Product,
    })?;
    let count = crate::forms::parse_whole(&count, Field::Count, 1, MAX_BATCH)?;
    if note.chars().count() > 200 {
        return Err(AppError::Invalid { field: Field::Note });
    }
    let db = call.db().clone();
    let (id, _) = db::generate(
        &db,
        Some(call.user.id),
        sku.as_str(),
        count,
        &note,
        call.now,
    )
    .await?;
    if is_plain_form_post() {
        leptos_axum::redirect(&format!("/admin/batches/{id}"));
    }
    Ok(db::batch(&db, id, 0).await?.batch)
}

/// `status`: `active` (dispatched: codes become claimable) or `voided`.
#[leptos::server(prefix = "/api", endpoint = "admin/batch_status")]
pub async fn set_batch_status(id: i64, status: String) -> Result<BatchRow, AppError> {
    let call = Call::new(crate::call::ADMINS)?;
    let status = CodeStatus::parse(&status).ok_or(AppError::Invalid { field: Field::Kind })?;
    db::set_batch_status(call.db(), call.user.id, id, status, call.now).await
}

/// Who claimed a code and when.
#[leptos::server(prefix = "/api", endpoint = "admin/code")]
pub async fn lookup_code(code: String) -> Result<CodeInfo, AppError> {
    use crate::earn::code::UnitCode;

    let call = Call::new(crate::call::ADMINS)?;
    let code = UnitCode::from_scanned(&code)?;
    db::lookup(call.db(), &code).await
}

#[leptos::server(prefix = "/api", endpoint = "admin/code_void")]
pub async fn void_code(code: String) -> Result<CodeInfo, AppError> {
    use crate::earn::code::UnitCode;

    let call = Call::new(crate::call::ADMINS)?;
    let code = UnitCode::from_scanned(&code)?;
    db::void_code(call.db(), call.user.id, &code, call.now).await
}

/// Reverses the claim of `code`; `then` is `reuse` (claimable again) or `void`.
#[leptos::server(prefix = "/api", endpoint = "admin/claim_reverse")]
pub async fn reverse_claim(
    code: String,
    reason: String,
    then: String,
) -> Result<CodeInfo, AppError> {
    use crate::earn::code::UnitCode;

    let call = Call::new(crate::call::ADMINS)?;
    let code = UnitCode::from_scanned(&code)?;
    let reason = crate::forms::parse_reason(&reason)?;
    let then = match then.trim() {
        "reuse" => AfterReversal::Reusable,
        "void" => AfterReversal::Void,
        _ => return Err(AppError::Invalid { field: Field::Kind }),
    };
    db::reverse(call.db(), call.user.id, &code, &reason, then, call.now).await
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Adjusted {
    pub name: String,
    pub balance: i64,
}

/// Adds or takes points by hand: `points` may be negative; the reason is required.
#[leptos::server(prefix = "/api", endpoint = "admin/adjust")]
pub async fn adjust_points(
    phone: String,
    points: String,
    reason: String,
) -> Result<Adjusted, AppError> {
    use crate::domain::Phone;

    let call = Call::new(crate::call::ADMINS)?;
    let phone = Phone::parse_in(&phone, call.settings().country)?;
    let points = crate::forms::parse_whole(&points, Field::Points, -1_000_000, 1_000_000)?;
    if points == 0 {
        return Err(AppError::Invalid {
            field: Field::Points,
        });
    }
    let reason = crate::forms::parse_reason(&reason)?;
    let (name, balance) =
        db::adjust(call.db(), call.user.id, &phone, points, &reason, call.now).await?;
    Ok(Adjusted { name, balance })
}
