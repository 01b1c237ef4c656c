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

mod invites;
mod joining;
mod leavers;
mod membership;
mod staff;

pub use invites::*;
pub use joining::*;
pub use leavers::*;
pub use membership::*;
pub use staff::*;

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
