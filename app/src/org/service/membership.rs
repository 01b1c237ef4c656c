//! A person's standing with their company: why they may not earn, and what they see while they wait.

use super::*;

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
