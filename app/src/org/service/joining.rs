//! Joining a company: checking an invitation or join code, the phone, the request in one transaction, and the manager's decision.

use super::*;

/// Refused guesses at invitation and join codes one client address may make: ten in ten minutes,
/// then 429 with `Retry-After`, as for unit codes.
pub const JOIN_GUESSES: crate::state::RateLimit = crate::state::RateLimit {
    max: 10,
    window_secs: 10 * 60,
};

/// [`join_target`] for a caller at `ip`, slowed down like unit codes: each unknown invitation or
/// join code is recorded in `join_failures` for fraud review and counted; the eleventh within ten
/// minutes is refused before any lookup.
pub async fn guarded_join_target(
    db: &Db,
    ip: &str,
    invite: Option<&str>,
    join_code: Option<&str>,
    now: i64,
) -> Result<JoinTarget, AppError> {
    let bucket = format!("join-fail:ip:{ip}");
    let result = {
        let mut conn = db.pool.acquire().await?;
        crate::limits::check(&mut conn, &bucket, JOIN_GUESSES, now).await?;
        join_target(&mut conn, invite, join_code, now).await
    };
    if let Err(e @ (AppError::NotFound | AppError::JoinCodeUnknown)) = &result {
        // Invariant: a refused guess is recorded and counted together, or neither is.
        let input = crate::domain::printable(invite.or(join_code).unwrap_or(""), 64);
        let mut tx = db.begin_write().await?;
        sqlx::query("INSERT INTO join_failures (ip, input, reason, at) VALUES ($1, $2, $3, $4)")
            .bind(ip)
            .bind(&input)
            .bind(e.code())
            .bind(now)
            .execute(&mut *tx)
            .await?;
        crate::limits::record(&mut tx, &bucket, now).await?;
        tx.commit().await?;
        tracing::info!(ip, reason = e.code(), "join code refused");
    }
    result
}

/// An invitation with its company, as [`join_target`] checks it. An unknown kind reads as none;
/// an unknown company status is a decoding error.
#[derive(sqlx::FromRow)]
struct InviteTargetRow {
    id: i64,
    company_id: i64,
    company: String,
    company_status: CompanyStatus,
    kind: String,
    expires_at: i64,
    revoked_at: Option<i64>,
    uses: i64,
    max_uses: Option<i64>,
}

/// The company a join code names, as [`join_target`] checks it.
#[derive(sqlx::FromRow)]
struct JoinCodeTargetRow {
    id: i64,
    name: String,
    status: CompanyStatus,
}

/// Where an invitation or a join code leads, refused with the precise reason when it leads
/// nowhere (unknown, expired, revoked, used up, or the company is suspended).
pub async fn join_target(
    conn: &mut AnyConnection,
    invite: Option<&str>,
    join_code: Option<&str>,
    now: i64,
) -> Result<JoinTarget, AppError> {
    if let Some(code) = invite {
        let code = code.trim().to_ascii_uppercase();
        if code.is_empty() || code.len() > 40 {
            return Err(AppError::NotFound);
        }
        let row = sqlx::query_as::<_, InviteTargetRow>(
            "SELECT i.id, i.company_id, c.name AS company, c.status AS company_status, i.kind, \
             i.expires_at, i.revoked_at, \
             i.uses, i.max_uses FROM invites i JOIN partner_companies c ON c.id = i.company_id \
             WHERE i.code = $1",
        )
        .bind(&code)
        .fetch_optional(conn)
        .await?
        .ok_or(AppError::NotFound)?;
        if row.revoked_at.is_some() {
            return Err(AppError::InviteRevoked);
        }
        if row.expires_at <= now {
            return Err(AppError::InviteExpired);
        }
        if row.max_uses.is_some_and(|m| row.uses >= m) {
            return Err(AppError::InviteUsedUp);
        }
        if row.company_status == CompanyStatus::Suspended {
            return Err(AppError::CompanySuspended);
        }
        return Ok(JoinTarget {
            invite_id: Some(row.id),
            company_id: row.company_id,
            company: row.company,
            kind: ParticipantKind::parse(&row.kind),
            needs_approval: false,
        });
    }
    let code = join_code.ok_or(AppError::Invalid {
        field: Field::JoinCode,
    })?;
    let row = sqlx::query_as::<_, JoinCodeTargetRow>(
        "SELECT id, name, status FROM partner_companies WHERE join_code = $1",
    )
    .bind(code)
    .fetch_optional(conn)
    .await?
    .ok_or(AppError::JoinCodeUnknown)?;
    if row.status == CompanyStatus::Suspended {
        return Err(AppError::CompanySuspended);
    }
    Ok(JoinTarget {
        company_id: row.id,
        company: row.name,
        kind: None,
        invite_id: None,
        needs_approval: true,
    })
}

/// Whoever holds a phone number already, as [`check_phone_can_join`] reads them.
#[derive(sqlx::FromRow)]
struct PhoneHolderRow {
    company_id: Option<i64>,
    status: UserStatus,
    role: Role,
}

/// A number may join a company if it is new, already that company's, or belonged to someone whose
/// earlier request was turned down. Anyone else's number is refused (never saying whose).
pub async fn check_phone_can_join(
    conn: &mut AnyConnection,
    phone: &Phone,
    company: i64,
) -> Result<(), AppError> {
    let row = sqlx::query_as::<_, PhoneHolderRow>(
        "SELECT company_id, status, role FROM users WHERE phone = $1",
    )
    .bind(phone.as_str())
    .fetch_optional(conn)
    .await?;
    match row {
        None => Ok(()),
        Some(r) if r.status == UserStatus::Blocked => Err(AppError::AccountBlocked),
        Some(r) if r.role == Role::Admin => Err(AppError::PhoneTaken),
        Some(r) if r.company_id == Some(company) => Ok(()),
        Some(r) if r.company_id.is_none() && r.status == UserStatus::Left => Ok(()),
        Some(_) => Err(AppError::PhoneTaken),
    }
}

/// The account a joining phone number already has, as [`join`] reads it.
#[derive(sqlx::FromRow)]
struct ExistingUserRow {
    id: i64,
    company_id: Option<i64>,
    status: UserStatus,
}

/// The second step of joining, in one transaction: the one-time code is used, the invitation
/// counted (and re-checked under the lock, so an invitation for 3 people admits exactly 3), the
/// person created or brought back, the join request recorded, and a session opened.
pub async fn join(
    state: &AppState,
    phone: &Phone,
    code: &OtpCode,
    form: &JoinForm,
    ip: &str,
    now: i64,
) -> Result<(SessionUser, crate::session::SessionToken), AppError> {
    let mut tx = crate::auth::service::consume_code(state, phone, code, now).await?;
    let target = form.target(&mut tx, now).await?;
    let kind = target.kind.unwrap_or(ParticipantKind::Seller);
    check_phone_can_join(&mut tx, phone, target.company_id).await?;
    let existing = sqlx::query_as::<_, ExistingUserRow>(
        "SELECT id, company_id, status FROM users WHERE phone = $1",
    )
    .bind(phone.as_str())
    .fetch_optional(&mut *tx)
    .await?;
    let status = if target.needs_approval {
        UserStatus::Pending
    } else {
        UserStatus::Active
    };
    let user_id = match existing {
        // Already in this company: an invitation brings back a leaver or admits someone waiting;
        // otherwise joining again simply signs them in.
        Some(ExistingUserRow {
            id,
            company_id: Some(_),
            status: current,
        }) => {
            let admit = !target.needs_approval && current != UserStatus::Active;
            if admit {
                sqlx::query("UPDATE users SET status = 'active', left_at = NULL WHERE id = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                record_join(&mut tx, id, &target, kind, status, now).await?;
            }
            id
        }
        Some(ExistingUserRow {
            id,
            company_id: None,
            ..
        }) => {
            sqlx::query(
                "UPDATE users SET company_id = $1, kind = $2, name = $3, status = $4, left_at = NULL, \
                 role = 'participant' WHERE id = $5",
            )
            .bind(target.company_id)
            .bind(kind.as_str())
            .bind(&form.name)
            .bind(status)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            record_join(&mut tx, id, &target, kind, status, now).await?;
            id
        }
        None => {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO users (role, kind, company_id, name, phone, status, created_at) \
                 VALUES ('participant', $1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(kind.as_str())
            .bind(target.company_id)
            .bind(&form.name)
            .bind(phone.as_str())
            .bind(status)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            record_join(&mut tx, id, &target, kind, status, now).await?;
            id
        }
    };
    let opened =
        crate::auth::service::open_session(&mut tx, &state.settings, user_id, ip, now).await?;
    tx.commit().await?;
    Ok(opened)
}

async fn record_join(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    user_id: i64,
    target: &JoinTarget,
    kind: ParticipantKind,
    status: UserStatus,
    now: i64,
) -> Result<(), AppError> {
    let mut decided_by: Option<i64> = None;
    if let Some(invite) = target.invite_id {
        let taken = sqlx::query(
            "UPDATE invites SET uses = uses + 1 WHERE id = $1 AND revoked_at IS NULL \
             AND expires_at > $2 AND (max_uses IS NULL OR uses < max_uses)",
        )
        .bind(invite)
        .bind(now)
        .execute(&mut **tx)
        .await?;
        if taken.rows_affected() != 1 {
            return Err(AppError::InviteUsedUp);
        }
        decided_by = sqlx::query_scalar("SELECT created_by FROM invites WHERE id = $1")
            .bind(invite)
            .fetch_optional(&mut **tx)
            .await?;
    }
    let request_status = if status == UserStatus::Pending {
        JoinRequestStatus::Pending
    } else {
        JoinRequestStatus::Approved
    };
    sqlx::query(
        "INSERT INTO join_requests (user_id, company_id, kind, invite_id, status, decided_by, decided_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(user_id)
    .bind(target.company_id)
    .bind(kind.as_str())
    .bind(target.invite_id)
    .bind(request_status)
    .bind(decided_by)
    .bind(decided_by.map(|_| now))
    .bind(now)
    .execute(&mut **tx)
    .await?;
    audit::write(
        tx,
        Some(user_id),
        "member.join",
        &format!("company:{}", target.company_id),
        None::<&()>,
        Some(&serde_json::json!({ "user": user_id, "kind": kind.as_str(), "status": status.as_str(), "invite": target.invite_id })),
        now,
    )
    .await?;
    Ok(())
}

pub enum Decision {
    Approve,
    Reject(String),
}

/// A join request as [`decide`] reads it. An unknown status is a decoding error.
#[derive(sqlx::FromRow)]
struct JoinRequestRow {
    user_id: i64,
    company_id: i64,
    status: JoinRequestStatus,
}

/// Approves or rejects a waiting join request of `scope` (admins: any). Another company's
/// request is "not found" and stays as it was; a decided one is refused.
pub async fn decide(
    db: &Db,
    actor: i64,
    scope: Option<i64>,
    request_id: i64,
    decision: Decision,
    now: i64,
) -> Result<(), AppError> {
    let mut tx = db.begin_write().await?;
    let found = sqlx::query_as::<_, JoinRequestRow>(
        "SELECT user_id, company_id, status FROM join_requests WHERE id = $1 AND ($2 < 0 OR company_id = $2)",
    )
    .bind(request_id)
    .bind(scope.unwrap_or(-1))
    .fetch_optional(&mut *tx)
    .await?;
    let JoinRequestRow {
        user_id: user,
        company_id: company,
        status,
    } = found.ok_or(AppError::NotFound)?;
    if status != JoinRequestStatus::Pending {
        return Err(AppError::AlreadyDecided);
    }
    let (new_status, reason) = match &decision {
        Decision::Approve => (JoinRequestStatus::Approved, None),
        Decision::Reject(r) => (JoinRequestStatus::Rejected, Some(r.as_str())),
    };
    let changed = sqlx::query(
        "UPDATE join_requests SET status = $1, reason = $2, decided_by = $3, decided_at = $4 \
         WHERE id = $5 AND status = 'pending'",
    )
    .bind(new_status)
    .bind(reason)
    .bind(actor)
    .bind(now)
    .bind(request_id)
    .execute(&mut *tx)
    .await?;
    if changed.rows_affected() != 1 {
        return Err(AppError::AlreadyDecided);
    }
    match decision {
        Decision::Approve => {
            sqlx::query("UPDATE users SET status = 'active' WHERE id = $1 AND status = 'pending'")
                .bind(user)
                .execute(&mut *tx)
                .await?
        }
        // The person keeps their sign-in to read the reason; they belong to no company.
        Decision::Reject(_) => {
            sqlx::query(
                "UPDATE users SET status = 'left', company_id = NULL, left_at = $1 \
             WHERE id = $2 AND status = 'pending'",
            )
            .bind(now)
            .bind(user)
            .execute(&mut *tx)
            .await?
        }
    };
    audit::commit(
        tx,
        Some(actor),
        if new_status == JoinRequestStatus::Approved {
            "member.approve"
        } else {
            "member.reject"
        },
        &format!("user:{user}"),
        Some(&serde_json::json!({ "company": company, "status": "pending" })),
        Some(&serde_json::json!({ "status": new_status.as_str(), "reason": reason })),
        now,
    )
    .await?;
    Ok(())
}
