//! Companies as cards, and their staff: figures per period, months, pending requests, one member.

use super::*;

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
    lang: crate::i18n::Lang,
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
    let entries = ledger::entries_since(&mut *conn, user_id, since, 100, lang).await?;
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
