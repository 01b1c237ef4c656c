//! All SQL of the `org` area: companies, staff figures, invitations, join requests and their
//! decisions, leavers and their grace period, moves between companies.

use super::{
    CompanyCard, InviteRow, JoinForm, JoinTarget, MemberDetail, Membership, MonthRow, PendingRow,
    Period, StaffRow, Team, Totals,
};
use crate::audit;
use crate::auth::SessionUser;
use crate::domain::{
    CompanyKind, CompanyStatus, EntryKind, JoinRequestStatus, OtpCode, ParticipantKind, Phone,
    Role, UserStatus,
};
use crate::earn::ledger::{self, NewEntry};
use crate::error::{AppError, Field};
use crate::state::{AppState, Db};
use sqlx::AnyConnection;

const DAY: i64 = 86_400;

/// Points a person earned: claims (less their reversals) and adjustments. A reversal tied to an
/// order is a shop refund and counts as spending undone instead.
const EARNED: &str =
    "(e.kind IN ('accrual', 'adjustment') OR (e.kind = 'reversal' AND e.order_id IS NULL))";
const SPENT: &str = "(e.kind = 'redemption' OR (e.kind = 'reversal' AND e.order_id IS NOT NULL))";
/// A moved person's figures start at the move: the new company does not see the old one's history.
const SINCE_JOINED: &str =
    "COALESCE((SELECT MAX(m.at) FROM company_moves m WHERE m.user_id = u.id), 0)";

/// The company a manager manages; anyone else is refused.
pub async fn managed_company(conn: &mut AnyConnection, user_id: i64) -> Result<i64, AppError> {
    let company: Option<Option<i64>> = sqlx::query_scalar(
        "SELECT company_id FROM users WHERE id = $1 AND role = 'partner_manager'",
    )
    .bind(user_id)
    .fetch_optional(conn)
    .await?;
    company.flatten().ok_or(AppError::Forbidden)
}

/// What the caller may see: `None` for an admin (everything), else their own company.
pub async fn scope(conn: &mut AnyConnection, me: &SessionUser) -> Result<Option<i64>, AppError> {
    match me.role {
        Role::Admin => Ok(None),
        Role::PartnerManager => managed_company(conn, me.id).await.map(Some),
        Role::Participant => Err(AppError::Forbidden),
    }
}

pub async fn grace_days(conn: &mut AnyConnection) -> Result<i64, AppError> {
    Ok(crate::settings::setting(conn, "leaver_grace_days")
        .await?
        .unwrap_or(90))
}

const COMPANY_COLUMNS: &str =
    "SELECT id, name, tax_id, region, kind, status, contact, join_code FROM partner_companies";

/// A row of [`COMPANY_COLUMNS`]. An unknown kind or status is a decoding error.
#[derive(sqlx::FromRow)]
struct CompanyRow {
    id: i64,
    name: String,
    tax_id: String,
    region: String,
    kind: CompanyKind,
    status: CompanyStatus,
    contact: String,
    join_code: Option<String>,
}

impl From<CompanyRow> for CompanyCard {
    fn from(r: CompanyRow) -> Self {
        CompanyCard {
            id: r.id,
            name: r.name,
            tax_id: r.tax_id,
            region: r.region,
            kind: r.kind,
            suspended: r.status == CompanyStatus::Suspended,
            contact: r.contact,
            join_code: r.join_code,
        }
    }
}

pub async fn company(conn: &mut AnyConnection, id: i64) -> Result<CompanyCard, AppError> {
    let row = sqlx::query_as::<_, CompanyRow>(&format!("{COMPANY_COLUMNS} WHERE id = $1"))
        .bind(id)
        .fetch_optional(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(row.into())
}

pub async fn companies(conn: &mut AnyConnection) -> Result<Vec<CompanyCard>, AppError> {
    let rows = sqlx::query_as::<_, CompanyRow>(&format!("{COMPANY_COLUMNS} ORDER BY name, id"))
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().map(CompanyCard::from).collect())
}

/// One person of [`staff`] as the query returns them. An unknown role or status is a decoding
/// error; an unknown kind reads as none.
#[derive(sqlx::FromRow)]
struct StaffMemberRow {
    id: i64,
    name: String,
    phone: Option<String>,
    role: Role,
    kind: Option<String>,
    status: UserStatus,
    left_at: Option<i64>,
    balance: i64,
    earned: i64,
    spent: i64,
    last_activity: Option<i64>,
    personnel_no: Option<String>,
}

impl StaffMemberRow {
    /// `grace` is the program's leaver grace period in days.
    fn into_staff(self, grace: i64) -> StaffRow {
        StaffRow {
            id: self.id,
            name: self.name,
            phone: self.phone.unwrap_or_default(),
            role: self.role,
            kind: self.kind.as_deref().and_then(ParticipantKind::parse),
            status: self.status,
            balance: self.balance,
            earned: self.earned,
            spent: -self.spent,
            last_activity: self.last_activity,
            left_until: self
                .left_at
                .filter(|_| self.status == UserStatus::Left)
                .map(|at| at + grace * DAY),
            personnel_no: self.personnel_no,
        }
    }
}

/// A company's people (not those still waiting for approval) with the figures since `from`.
/// `user` narrows it to one person; `grace` is the program's leaver grace period in days.
/// Phone numbers are whole: the company's manager and the program's admins are the only readers,
/// and they are the manager's own employees.
pub async fn staff(
    conn: &mut AnyConnection,
    company: i64,
    user: Option<i64>,
    from: i64,
    grace: i64,
) -> Result<Vec<StaffRow>, AppError> {
    let rows = sqlx::query_as::<_, StaffMemberRow>(&format!(
        "SELECT u.id, u.name, u.phone, u.role, u.kind, u.status, u.left_at, COALESCE(b.points, 0) AS balance, \
         (SELECT CAST(COALESCE(SUM(e.points), 0) AS BIGINT) FROM ledger_entries e \
          WHERE e.user_id = u.id AND e.created_at >= $2 AND e.created_at >= {SINCE_JOINED} AND {EARNED}) AS earned, \
         (SELECT CAST(COALESCE(SUM(e.points), 0) AS BIGINT) FROM ledger_entries e \
          WHERE e.user_id = u.id AND e.created_at >= $2 AND e.created_at >= {SINCE_JOINED} AND {SPENT}) AS spent, \
         (SELECT MAX(e.created_at) FROM ledger_entries e WHERE e.user_id = u.id AND e.created_at >= {SINCE_JOINED}) AS last_activity, \
         u.personnel_no \
         FROM users u LEFT JOIN balances b ON b.user_id = u.id \
         WHERE u.company_id = $1 AND u.role <> 'admin' AND u.status <> 'pending' AND ($3 < 0 OR u.id = $3) \
         ORDER BY u.name, u.id"
    ))
    .bind(company)
    .bind(from)
    .bind(user.unwrap_or(-1))
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|r| r.into_staff(grace)).collect())
}

/// One calendar month of a company's figures, as [`months`] reads them.
#[derive(sqlx::FromRow)]
struct MonthFiguresRow {
    earned: i64,
    spent: i64,
    earners: i64,
}

/// The company's last twelve calendar months, newest first.
pub async fn months(
    conn: &mut AnyConnection,
    company: i64,
    now: i64,
) -> Result<Vec<MonthRow>, AppError> {
    let this_month = crate::domain::month_start(now);
    let mut out = Vec::with_capacity(12);
    for back in 0..12 {
        let start = crate::domain::add_months(this_month, -back);
        let end = crate::domain::add_months(start, 1);
        let figures = sqlx::query_as::<_, MonthFiguresRow>(&format!(
            "SELECT CAST(COALESCE(SUM(CASE WHEN {EARNED} THEN e.points ELSE 0 END), 0) AS BIGINT) AS earned, \
             CAST(COALESCE(SUM(CASE WHEN {SPENT} THEN e.points ELSE 0 END), 0) AS BIGINT) AS spent, \
             COUNT(DISTINCT CASE WHEN e.kind = 'accrual' THEN e.user_id END) AS earners \
             FROM ledger_entries e JOIN users u ON u.id = e.user_id \
             WHERE u.company_id = $1 AND e.created_at >= $2 AND e.created_at < $3 \
             AND e.created_at >= {SINCE_JOINED}"
        ))
        .bind(company)
        .bind(start)
        .bind(end)
        .fetch_one(&mut *conn)
        .await?;
        out.push(MonthRow {
            month: start,
            earned: figures.earned,
            spent: -figures.spent,
            earners: figures.earners,
        });
    }
    Ok(out)
}

/// A waiting join request as [`pending`] reads it. An unknown kind is a decoding error.
#[derive(sqlx::FromRow)]
struct PendingRequestRow {
    request_id: i64,
    user_id: i64,
    name: String,
    phone: Option<String>,
    kind: ParticipantKind,
    company: String,
    created_at: i64,
}

impl From<PendingRequestRow> for PendingRow {
    fn from(r: PendingRequestRow) -> Self {
        PendingRow {
            request_id: r.request_id,
            user_id: r.user_id,
            name: r.name,
            phone: r.phone.unwrap_or_default(),
            kind: r.kind,
            company: r.company,
            at: r.created_at,
        }
    }
}

/// Join requests waiting for a decision: one company's, or (admins) everyone's.
pub async fn pending(
    conn: &mut AnyConnection,
    company: Option<i64>,
) -> Result<Vec<PendingRow>, AppError> {
    let rows = sqlx::query_as::<_, PendingRequestRow>(
        "SELECT r.id AS request_id, u.id AS user_id, u.name, u.phone, r.kind, c.name AS company, \
         r.created_at FROM join_requests r \
         JOIN users u ON u.id = r.user_id JOIN partner_companies c ON c.id = r.company_id \
         WHERE r.status = 'pending' AND ($1 < 0 OR r.company_id = $1) ORDER BY r.id LIMIT 200",
    )
    .bind(company.unwrap_or(-1))
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(PendingRow::from).collect())
}

pub fn totals(staff: &[StaffRow]) -> Totals {
    staff.iter().fold(Totals::default(), |t, s| Totals {
        people: t.people + 1,
        active: t.active + i64::from(s.status == UserStatus::Active),
        earned: t.earned + s.earned,
        spent: t.spent + s.spent,
        balance: t.balance + s.balance,
    })
}

pub async fn team(
    conn: &mut AnyConnection,
    company_id: i64,
    period: Period,
    now: i64,
) -> Result<Team, AppError> {
    let from = period.start(now);
    let grace = grace_days(&mut *conn).await?;
    let staff = staff(&mut *conn, company_id, None, from, grace).await?;
    Ok(Team {
        company: company(&mut *conn, company_id).await?,
        period,
        from,
        totals: totals(&staff),
        staff,
        months: months(&mut *conn, company_id, now).await?,
        pending: pending(&mut *conn, Some(company_id)).await?,
        grace_days: grace,
    })
}

/// Where a person belongs and since when, as [`member`] reads it.
#[derive(sqlx::FromRow)]
struct MemberStartRow {
    company_id: Option<i64>,
    created_at: i64,
    since: i64,
}

/// One person, if `scope` may see them: their year's figures, movements and orders since they
/// joined the company. Orders come without voucher codes, addresses or certificate numbers.
pub async fn member(
    conn: &mut AnyConnection,
    scope: Option<i64>,
    user_id: i64,
    now: i64,
) -> Result<MemberDetail, AppError> {
    let found = sqlx::query_as::<_, MemberStartRow>(&format!(
        "SELECT u.company_id, u.created_at, {SINCE_JOINED} AS since FROM users u \
         WHERE u.id = $1 AND u.role <> 'admin'"
    ))
    .bind(user_id)
    .fetch_optional(&mut *conn)
    .await?;
    let MemberStartRow {
        company_id: Some(company_id),
        created_at,
        since,
    } = found.ok_or(AppError::NotFound)?
    else {
        return Err(AppError::NotFound);
    };
    if scope.is_some_and(|s| s != company_id) {
        return Err(AppError::NotFound);
    }
    let grace = grace_days(&mut *conn).await?;
    let row = staff(
        &mut *conn,
        company_id,
        Some(user_id),
        Period::Year.start(now),
        grace,
    )
    .await?
    .pop()
    .ok_or(AppError::NotFound)?;
    let entries = ledger::entries_since(&mut *conn, user_id, since, 100).await?;
    let orders = crate::shop::service::orders(&mut *conn, Some(user_id), None, None, 50)
        .await?
        .into_iter()
        .filter(|o| o.created_at >= since)
        .map(|o| crate::shop::model::OrderView {
            voucher: None,
            address: None,
            certificate: None,
            tracking: None,
            ..o
        })
        .collect();
    Ok(MemberDetail {
        company: company(&mut *conn, company_id).await?.name,
        joined_at: since.max(created_at),
        reinstate_until: row
            .left_until
            .filter(|until| row.status == UserStatus::Left && *until > now),
        row,
        entries,
        orders,
    })
}

// ---------------------------------------------------------------- invitations

const INVITE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTVWXYZ";

/// 20 characters from a 30-letter alphabet without look-alikes: about 98 bits, not guessable.
fn new_invite_code() -> String {
    use rand::Rng;
    let mut rng = rand::thread_rng();
    (0..20)
        .map(|_| INVITE_ALPHABET[rng.gen_range(0..INVITE_ALPHABET.len())] as char)
        .collect()
}

const INVITE_COLUMNS: &str =
    "SELECT id, code, kind, uses, max_uses, expires_at, revoked_at, created_at FROM invites";

/// A row of [`INVITE_COLUMNS`]. An unknown kind is a decoding error.
#[derive(sqlx::FromRow)]
struct InviteRecordRow {
    id: i64,
    code: String,
    kind: ParticipantKind,
    uses: i64,
    max_uses: Option<i64>,
    expires_at: i64,
    revoked_at: Option<i64>,
    created_at: i64,
}

impl InviteRecordRow {
    fn into_invite(self, public_url: &str) -> InviteRow {
        let link = format!("{public_url}/join/{}", self.code);
        InviteRow {
            id: self.id,
            qr_svg: crate::files::qr_svg_of(&link).unwrap_or_default(),
            link,
            code: self.code,
            kind: self.kind,
            uses: self.uses,
            max_uses: self.max_uses,
            expires_at: self.expires_at,
            revoked: self.revoked_at.is_some(),
            created_at: self.created_at,
        }
    }
}

pub async fn invites(
    conn: &mut AnyConnection,
    public_url: &str,
    company: i64,
) -> Result<Vec<InviteRow>, AppError> {
    let rows = sqlx::query_as::<_, InviteRecordRow>(&format!(
        "{INVITE_COLUMNS} WHERE company_id = $1 ORDER BY id DESC LIMIT 50"
    ))
    .bind(company)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| r.into_invite(public_url))
        .collect())
}

#[allow(clippy::too_many_arguments)]
pub async fn create_invite(
    db: &Db,
    public_url: &str,
    actor: i64,
    company: i64,
    kind: ParticipantKind,
    days: i64,
    max_uses: Option<i64>,
    now: i64,
) -> Result<InviteRow, AppError> {
    let mut tx = db.begin_write().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO invites (company_id, code, kind, max_uses, uses, expires_at, created_by, created_at) \
         VALUES ($1, $2, $3, $4, 0, $5, $6, $7) RETURNING id",
    )
    .bind(company)
    .bind(new_invite_code())
    .bind(kind.as_str())
    .bind(max_uses)
    .bind(now + days * DAY)
    .bind(actor)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    let invite = sqlx::query_as::<_, InviteRecordRow>(&format!("{INVITE_COLUMNS} WHERE id = $1"))
        .bind(id)
        .fetch_one(&mut *tx)
        .await?
        .into_invite(public_url);
    audit::commit(
        tx,
        Some(actor),
        "invite.create",
        &format!("company:{company}"),
        None::<&()>,
        Some(&serde_json::json!({ "invite": id, "kind": kind.as_str(), "days": days, "max_uses": max_uses })),
        now,
    )
    .await?;
    Ok(invite)
}

/// Closes an invitation of `company`. Revoking a revoked one changes nothing.
pub async fn revoke_invite(
    db: &Db,
    actor: i64,
    company: i64,
    id: i64,
    now: i64,
) -> Result<(), AppError> {
    let mut tx = db.begin_write().await?;
    let revoked_at: Option<Option<i64>> =
        sqlx::query_scalar("SELECT revoked_at FROM invites WHERE id = $1 AND company_id = $2")
            .bind(id)
            .bind(company)
            .fetch_optional(&mut *tx)
            .await?;
    match revoked_at {
        None => return Err(AppError::NotFound),
        Some(Some(_)) => return Ok(()),
        Some(None) => {}
    }
    sqlx::query("UPDATE invites SET revoked_at = $1 WHERE id = $2")
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    audit::commit(
        tx,
        Some(actor),
        "invite.revoke",
        &format!("invite:{id}"),
        None::<&()>,
        None::<&()>,
        now,
    )
    .await?;
    Ok(())
}

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

/// The people a caller of `scope` may act on, with the person's id in `$1` and the scope in `$2`
/// (a company id, or -1 for an admin): anyone but admins who belongs to a company, of that
/// company only. Another company's person is "not found".
const IN_SCOPE: &str = "role <> 'admin' AND company_id IS NOT NULL AND ($2 < 0 OR company_id = $2)";

/// A person of the caller's scope as [`deactivate`] reads them (the selected `company_id` is not
/// needed: [`IN_SCOPE`] already requires one).
#[derive(sqlx::FromRow)]
struct LeaverRow {
    status: UserStatus,
}

/// Marks a person of `scope` as a leaver. Their points stay for the grace period.
pub async fn deactivate(
    db: &Db,
    actor: i64,
    scope: Option<i64>,
    user_id: i64,
    now: i64,
) -> Result<(), AppError> {
    let mut tx = db.begin_write().await?;
    let found = sqlx::query_as::<_, LeaverRow>(&format!(
        "SELECT company_id, status FROM users WHERE id = $1 AND {IN_SCOPE}"
    ))
    .bind(user_id)
    .bind(scope.unwrap_or(-1))
    .fetch_optional(&mut *tx)
    .await?;
    let LeaverRow { status } = found.ok_or(AppError::NotFound)?;
    if user_id == actor || status == UserStatus::Pending {
        return Err(AppError::Invalid {
            field: Field::Participant,
        });
    }
    if status == UserStatus::Left {
        return Ok(());
    }
    sqlx::query("UPDATE users SET status = 'left', left_at = $1 WHERE id = $2")
        .bind(now)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    audit::commit(
        tx,
        Some(actor),
        "member.leave",
        &format!("user:{user_id}"),
        Some(&serde_json::json!({ "status": status.as_str() })),
        Some(&serde_json::json!({ "status": "left" })),
        now,
    )
    .await?;
    Ok(())
}

/// A person's personnel number as [`set_personnel_no`] reads it.
#[derive(sqlx::FromRow)]
struct PersonnelNoRow {
    personnel_no: Option<String>,
}

/// Sets the personnel number of a person of `scope`. Invariant: only a member of the scoped
/// company (never an admin account) changes, audited with before and after in one transaction.
pub async fn set_personnel_no(
    db: &Db,
    actor: i64,
    scope: Option<i64>,
    user_id: i64,
    number: Option<&str>,
    now: i64,
) -> Result<(), AppError> {
    let mut tx = db.begin_write().await?;
    let before = sqlx::query_as::<_, PersonnelNoRow>(&format!(
        "SELECT personnel_no FROM users WHERE id = $1 AND {IN_SCOPE}"
    ))
    .bind(user_id)
    .bind(scope.unwrap_or(-1))
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?
    .personnel_no;
    if before.as_deref() == number {
        return Ok(());
    }
    sqlx::query("UPDATE users SET personnel_no = $1 WHERE id = $2")
        .bind(number)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    audit::commit(
        tx,
        Some(actor),
        "member.personnel_no",
        &format!("user:{user_id}"),
        Some(&serde_json::json!({ "personnel_no": before })),
        Some(&serde_json::json!({ "personnel_no": number })),
        now,
    )
    .await?;
    Ok(())
}

/// A person of the caller's scope as [`reinstate`] reads them.
#[derive(sqlx::FromRow)]
struct ReinstateRow {
    status: UserStatus,
    left_at: Option<i64>,
}

/// Takes back a "left" mark of a person of `scope` within the grace period.
/// Invariant: only a leaver who still belongs to the company (`company_id` kept, so never a
/// declined applicant) and whose `left_at + grace` is still ahead becomes active again; the ledger
/// is not touched (nothing has expired yet), and the change is audited in the same transaction.
pub async fn reinstate(
    db: &Db,
    actor: i64,
    scope: Option<i64>,
    user_id: i64,
    now: i64,
) -> Result<(), AppError> {
    let mut tx = db.begin_write().await?;
    let found = sqlx::query_as::<_, ReinstateRow>(&format!(
        "SELECT status, left_at FROM users WHERE id = $1 AND {IN_SCOPE}"
    ))
    .bind(user_id)
    .bind(scope.unwrap_or(-1))
    .fetch_optional(&mut *tx)
    .await?;
    let ReinstateRow { status, left_at } = found.ok_or(AppError::NotFound)?;
    if status == UserStatus::Active {
        return Ok(());
    }
    if status != UserStatus::Left {
        return Err(AppError::Invalid {
            field: Field::Participant,
        });
    }
    let grace = grace_days(&mut tx).await?;
    let left_at = left_at.unwrap_or(0);
    if now >= left_at + grace * DAY {
        return Err(AppError::GraceOver);
    }
    let changed = sqlx::query(
        "UPDATE users SET status = 'active', left_at = NULL WHERE id = $1 AND status = 'left' AND left_at = $2",
    )
    .bind(user_id)
    .bind(left_at)
    .execute(&mut *tx)
    .await?;
    if changed.rows_affected() != 1 {
        return Err(AppError::GraceOver);
    }
    audit::commit(
        tx,
        Some(actor),
        "member.reinstate",
        &format!("user:{user_id}"),
        Some(&serde_json::json!({ "status": "left", "left_at": left_at })),
        Some(&serde_json::json!({ "status": "active" })),
        now,
    )
    .await?;
    Ok(())
}

/// Expires the balances of leavers whose grace period is over: one expiry entry each, with the
/// reason. Safe on several servers at once (each person under their balance lock, re-read).
pub async fn expire_leavers(db: &Db, now: i64) -> Result<(u64, i64), AppError> {
    let grace = {
        let mut conn = db.pool.acquire().await?;
        grace_days(&mut conn).await?
    };
    let cutoff = now - grace * DAY;
    let due: Vec<i64> = sqlx::query_scalar(
        "SELECT u.id FROM users u JOIN balances b ON b.user_id = u.id WHERE u.status = 'left' \
         AND u.left_at IS NOT NULL AND u.left_at <= $1 AND b.points > 0 ORDER BY u.id LIMIT 1000",
    )
    .bind(cutoff)
    .fetch_all(&db.pool)
    .await?;
    let (mut people, mut points) = (0u64, 0i64);
    for user in due {
        let mut tx = db.begin_write().await?;
        let balance = ledger::lock_balance(&mut tx, user, now).await?;
        let left_at: Option<Option<i64>> = sqlx::query_scalar(
            "SELECT left_at FROM users WHERE id = $1 AND status = 'left' AND left_at <= $2",
        )
        .bind(user)
        .bind(cutoff)
        .fetch_optional(&mut *tx)
        .await?;
        if let (Some(Some(left_at)), true) = (left_at, balance > 0) {
            let reason = format!(
                "Left the company on {}: points kept for {grace} days have expired",
                crate::domain::iso_date(left_at)
            );
            ledger::append(
                &mut tx,
                NewEntry::new(user, EntryKind::Expiry, -balance, &reason),
                now,
            )
            .await?;
            people += 1;
            points += balance;
        }
        tx.commit().await?;
    }
    Ok((people, points))
}

/// A person with their company's status, as [`earning_refusal`] reads them.
#[derive(sqlx::FromRow)]
struct EarnerRow {
    status: UserStatus,
    left_at: Option<i64>,
    company_id: Option<i64>,
    company_status: Option<CompanyStatus>,
}

/// Why a person may not earn right now, if they may not: their company is suspended, or they
/// left it (points spendable until the grace period ends).
pub async fn earning_refusal(
    conn: &mut AnyConnection,
    user_id: i64,
) -> Result<Option<AppError>, AppError> {
    let row = sqlx::query_as::<_, EarnerRow>(
        "SELECT u.status, u.left_at, u.company_id, c.status AS company_status FROM users u \
         LEFT JOIN partner_companies c ON c.id = u.company_id WHERE u.id = $1",
    )
    .bind(user_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(EarnerRow {
        status,
        left_at,
        company_id: company,
        company_status,
    }) = row
    else {
        return Ok(Some(AppError::NotFound));
    };
    // A declined applicant has no company (a leaver keeps his): nothing to have left.
    if status == UserStatus::Left && company.is_none() {
        return Ok(Some(AppError::NoCompany));
    }
    if status == UserStatus::Left {
        let grace = grace_days(conn).await?;
        return Ok(Some(AppError::LeftCompany {
            until: left_at.unwrap_or(0) + grace * DAY,
        }));
    }
    if company_status == Some(CompanyStatus::Suspended) {
        return Ok(Some(AppError::CompanySuspended));
    }
    Ok(None)
}

/// A person with their company, as [`membership`] reads them. An unknown status reads as blocked.
#[derive(sqlx::FromRow)]
struct MembershipRow {
    status: String,
    company: Option<String>,
    company_status: Option<CompanyStatus>,
    left_at: Option<i64>,
}

/// A person's latest join request with its company, as [`membership`] reads it.
#[derive(sqlx::FromRow)]
struct LastRequestRow {
    created_at: i64,
    status: JoinRequestStatus,
    reason: Option<String>,
    company: String,
}

pub async fn membership(
    conn: &mut AnyConnection,
    user_id: i64,
    _now: i64,
) -> Result<Membership, AppError> {
    let MembershipRow {
        status,
        company,
        company_status,
        left_at,
    } = sqlx::query_as::<_, MembershipRow>(
        "SELECT u.status, c.name AS company, c.status AS company_status, u.left_at FROM users u \
             LEFT JOIN partner_companies c ON c.id = u.company_id WHERE u.id = $1",
    )
    .bind(user_id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    let status = UserStatus::parse(&status).unwrap_or(UserStatus::Blocked);
    let request = sqlx::query_as::<_, LastRequestRow>(
        "SELECT r.created_at, r.status, r.reason, c.name AS company FROM join_requests r \
         JOIN partner_companies c ON c.id = r.company_id WHERE r.user_id = $1 ORDER BY r.id DESC LIMIT 1",
    )
    .bind(user_id)
    .fetch_optional(&mut *conn)
    .await?;
    let grace = grace_days(&mut *conn).await?;
    Ok(Membership {
        status,
        company: company
            .clone()
            .or_else(|| request.as_ref().map(|r| r.company.clone())),
        requested_at: request.as_ref().map(|r| r.created_at),
        rejected: request
            .as_ref()
            .filter(|r| r.status == JoinRequestStatus::Rejected && company.is_none())
            .map(|r| (r.company.clone(), r.reason.clone().unwrap_or_default())),
        left_until: left_at
            .filter(|_| status == UserStatus::Left && company.is_some())
            .map(|at| at + grace * DAY),
        company_suspended: company_status == Some(CompanyStatus::Suspended),
    })
}
