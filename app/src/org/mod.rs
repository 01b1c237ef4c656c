//! Partner companies and their people: joining (invitations and join codes, approval by the
//! company's manager), the manager's portal (staff, earnings, approvals, leavers, exports), and
//! the admin's companies and participants.
//!
//! Scope is decided on the server, in every function: a manager sees their own company only, a
//! participant only themself, an admin everything. Another company's people answer "not found".

mod admin;
#[cfg(feature = "ssr")]
pub mod export;
pub(crate) mod pages;
#[cfg(feature = "ssr")]
pub mod service;

#[cfg(feature = "ssr")]
use crate::call::Call;
pub use admin::*;
pub use pages::{
    InvitePage, JoinPage, JoinVerifyPage, MemberPage, MembershipPanel, TeamInvitesPage, TeamPage,
};

use crate::domain::{CompanyKind, ParticipantKind, Role, UserStatus};
use crate::error::{AppError, Field};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The stretch of time a manager's figures cover: this month, quarter or year (UTC calendar).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Period {
    #[default]
    Month,
    Quarter,
    Year,
}

impl Period {
    /// What the period is called on its chip.
    pub fn label(self) -> crate::i18n::T {
        use crate::i18n::T;
        match self {
            Period::Month => T::PeriodMonth,
            Period::Quarter => T::PeriodQuarter,
            Period::Year => T::PeriodYear,
        }
    }
}

impl Period {
    pub const ALL: [Period; 3] = [Period::Month, Period::Quarter, Period::Year];

    pub fn as_str(self) -> &'static str {
        match self {
            Period::Month => "month",
            Period::Quarter => "quarter",
            Period::Year => "year",
        }
    }

    /// Empty means this month; anything unknown is refused.
    pub fn parse(s: Option<&str>) -> Result<Period, AppError> {
        match s.map(str::trim).unwrap_or("") {
            "" | "month" => Ok(Period::Month),
            "quarter" => Ok(Period::Quarter),
            "year" => Ok(Period::Year),
            _ => Err(AppError::Invalid {
                field: Field::Period,
            }),
        }
    }

    /// When the period that contains `now` began.
    pub fn start(self, now: i64) -> i64 {
        let month = crate::domain::month_start(now);
        let m: i64 = crate::domain::iso_date(month)[5..7].parse().unwrap_or(1);
        let back = match self {
            Period::Month => 0,
            Period::Quarter => (m - 1) % 3,
            Period::Year => m - 1,
        };
        crate::domain::add_months(month, -back)
    }
}

/// A partner company as its manager and the admins see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyCard {
    pub id: i64,
    pub name: String,
    pub tax_id: String,
    pub region: String,
    pub kind: CompanyKind,
    /// `active` or `suspended`.
    pub suspended: bool,
    pub contact: String,
    pub join_code: Option<String>,
}

/// One person of a company with what they earned and spent in the period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffRow {
    pub id: i64,
    pub name: String,
    /// Whole: the manager's own employees, or an admin reading.
    pub phone: String,
    pub role: Role,
    pub kind: Option<ParticipantKind>,
    pub status: UserStatus,
    /// Points earned in the period: claims, less their reversals, plus adjustments.
    pub earned: i64,
    /// Points spent in the shop in the period, less refunds.
    pub spent: i64,
    pub balance: i64,
    /// The latest point movement (unix seconds).
    pub last_activity: Option<i64>,
    /// For leavers: when their points expire.
    pub left_until: Option<i64>,
    /// The company's own number for the person (payroll), set by its manager.
    pub personnel_no: Option<String>,
}

impl StaffRow {
    /// The person's role as a word in the staff list and its CSV: "manager", or what they do.
    pub fn role_word(&self) -> crate::i18n::T {
        match (self.role, self.kind) {
            (crate::domain::Role::PartnerManager, _) => crate::i18n::T::RoleManager,
            (_, Some(k)) => k.word(),
            _ => crate::i18n::T::KindSeller,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    pub people: i64,
    pub active: i64,
    pub earned: i64,
    pub spent: i64,
    pub balance: i64,
}

/// A company's figures for one calendar month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthRow {
    /// The month's first moment (unix seconds).
    pub month: i64,
    pub earned: i64,
    pub spent: i64,
    /// People with at least one claim that month.
    pub earners: i64,
}

/// Someone waiting for a company's approval.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingRow {
    pub request_id: i64,
    pub user_id: i64,
    pub name: String,
    pub phone: String,
    pub kind: ParticipantKind,
    pub company: String,
    pub at: i64,
}

/// The manager's portal: the company, the period's figures per person and in total, the last
/// twelve months, and who waits for approval.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Team {
    pub company: CompanyCard,
    pub period: Period,
    pub from: i64,
    pub staff: Vec<StaffRow>,
    pub totals: Totals,
    pub months: Vec<MonthRow>,
    pub pending: Vec<PendingRow>,
    pub grace_days: i64,
}

/// One employee, read-only: their figures, point movements and orders.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberDetail {
    pub row: StaffRow,
    pub company: String,
    pub joined_at: i64,
    pub entries: Vec<crate::earn::Activity>,
    /// Orders without voucher codes or addresses: those are the employee's own.
    pub orders: Vec<crate::shop::model::OrderView>,
    /// A leaver whose grace period still runs can be reinstated until then.
    pub reinstate_until: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteRow {
    pub id: i64,
    pub code: String,
    pub link: String,
    /// The link as a QR code (inline SVG rendered on the server).
    pub qr_svg: String,
    pub kind: ParticipantKind,
    pub uses: i64,
    pub max_uses: Option<i64>,
    pub expires_at: i64,
    pub revoked: bool,
    pub created_at: i64,
}

impl InviteRow {
    pub fn open(&self, now: i64) -> bool {
        !self.revoked && self.expires_at > now && self.max_uses.is_none_or(|m| self.uses < m)
    }
}

/// What a join link or code leads to, shown before anyone types their number.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoinTarget {
    pub company_id: i64,
    pub company: String,
    /// Set by an invitation; chosen by the person with a join code.
    pub kind: Option<ParticipantKind>,
    pub invite_id: Option<i64>,
    /// Invited people start at once; people with a join code wait for the manager.
    pub needs_approval: bool,
}

/// Where the signed-in person stands with their company.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Membership {
    pub status: UserStatus,
    pub company: Option<String>,
    /// The latest join request: when, and the decision's reason if it was rejected.
    pub requested_at: Option<i64>,
    pub rejected: Option<(String, String)>,
    /// A leaver's points can be spent until then.
    pub left_until: Option<i64>,
    pub company_suspended: bool,
}

/// Maximum days an invitation can stay open, and the default.
pub const INVITE_MAX_DAYS: i64 = 90;
pub const INVITE_DEFAULT_DAYS: i64 = 14;

pub fn parse_person_name(s: &str) -> Result<String, AppError> {
    let name = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let n = name.chars().count();
    if !(2..=80).contains(&n) || name.chars().any(char::is_control) {
        return Err(AppError::Invalid {
            field: Field::PersonName,
        });
    }
    Ok(name)
}

pub fn parse_kind(s: &str) -> Result<ParticipantKind, AppError> {
    ParticipantKind::parse(s.trim()).ok_or(AppError::Invalid { field: Field::Kind })
}

/// Join codes are what a company prints on a poster: letters, digits and dashes, 4–24 long.
pub fn parse_join_code(s: &str) -> Result<String, AppError> {
    let code = s.trim().to_ascii_uppercase();
    if !(4..=24).contains(&code.len())
        || !code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        return Err(AppError::Invalid {
            field: Field::JoinCode,
        });
    }
    Ok(code)
}

fn optional(s: Option<String>) -> Option<String> {
    s.map(|v| v.trim().to_string()).filter(|v| !v.is_empty())
}

// ---------------------------------------------------------------- the manager's portal

/// The manager's company: staff with the period's figures, totals, twelve months, approvals.
#[server(prefix = "/api", endpoint = "org/team")]
pub async fn my_team(period: Option<String>) -> Result<Team, AppError> {
    let call = Call::new(crate::call::MANAGERS)?;
    let period = Period::parse(period.as_deref())?;
    let mut conn = call.conn().await?;
    let company = service::managed_company(&mut conn, call.user.id).await?;
    service::team(&mut conn, company, period, call.now).await
}

/// One employee of the manager's company (read-only). Anyone else's: not found.
#[server(prefix = "/api", endpoint = "org/member")]
pub async fn member(id: i64) -> Result<MemberDetail, AppError> {
    let call = Call::new(&[Role::PartnerManager, Role::Admin])?;
    let mut conn = call.conn().await?;
    let scope = service::scope(&mut conn, &call.user).await?;
    service::member(&mut conn, scope, id, call.now, call.lang()).await
}

#[server(prefix = "/api", endpoint = "org/invites")]
pub async fn invites() -> Result<Vec<InviteRow>, AppError> {
    let call = Call::new(crate::call::MANAGERS)?;
    let state = &call.state;
    let mut conn = call.conn().await?;
    let company = service::managed_company(&mut conn, call.user.id).await?;
    service::invites(&mut conn, &state.settings.public_url, company).await
}

/// A new invitation link for the manager's company: the role it gives, how many days it stays
/// open (1–90, default 14) and, optionally, how many people may use it.
#[server(prefix = "/api", endpoint = "org/invite_create")]
pub async fn invite_create(
    kind: String,
    days: Option<String>,
    uses: Option<String>,
) -> Result<InviteRow, AppError> {
    use crate::forms::parse_whole;

    let call = Call::new(crate::call::MANAGERS)?;
    let kind = parse_kind(&kind)?;
    let days = match optional(days) {
        None => INVITE_DEFAULT_DAYS,
        Some(d) => parse_whole(&d, Field::Days, 1, INVITE_MAX_DAYS)?,
    };
    let uses = optional(uses)
        .map(|u| parse_whole(&u, Field::Uses, 1, 1000))
        .transpose()?;
    let state = &call.state;
    let company = {
        let mut conn = call.conn().await?;
        service::managed_company(&mut conn, call.user.id).await?
    };
    service::create_invite(
        &state.db,
        &state.settings.public_url,
        call.user.id,
        company,
        kind,
        days,
        uses,
        call.now,
    )
    .await
}

#[server(prefix = "/api", endpoint = "org/invite_revoke")]
pub async fn invite_revoke(id: i64) -> Result<(), AppError> {
    let call = Call::new(crate::call::MANAGERS)?;
    let db = call.db().clone();
    let company = {
        let mut conn = db.pool.acquire().await?;
        service::managed_company(&mut conn, call.user.id).await?
    };
    service::revoke_invite(&db, call.user.id, company, id, call.now).await
}

/// Approves a join request of the manager's own company (admins: any).
#[server(prefix = "/api", endpoint = "org/approve")]
pub async fn approve(id: i64) -> Result<(), AppError> {
    let call = Call::new(&[Role::PartnerManager, Role::Admin])?;
    let db = call.db().clone();
    let scope = {
        let mut conn = db.pool.acquire().await?;
        service::scope(&mut conn, &call.user).await?
    };
    service::decide(
        &db,
        call.user.id,
        scope,
        id,
        service::Decision::Approve,
        call.now,
    )
    .await
}

/// Rejects a join request, with a reason the person sees (3–300 characters).
#[server(prefix = "/api", endpoint = "org/reject")]
pub async fn reject(id: i64, reason: String, confirm: Option<String>) -> Result<(), AppError> {
    let call = Call::new(&[Role::PartnerManager, Role::Admin])?;
    let reason = crate::forms::parse_reason(&reason)?;
    confirmed(confirm.as_deref())?;
    let db = call.db().clone();
    let scope = {
        let mut conn = db.pool.acquire().await?;
        service::scope(&mut conn, &call.user).await?
    };
    service::decide(
        &db,
        call.user.id,
        scope,
        id,
        service::Decision::Reject(reason),
        call.now,
    )
    .await
}

/// An action that is hard to take back is taken only with its "yes, I mean it" box ticked
/// (`confirm=on`), with or without JavaScript.
#[cfg(feature = "ssr")]
fn confirmed(confirm: Option<&str>) -> Result<(), AppError> {
    match confirm.map(str::trim) {
        Some("on" | "true" | "yes" | "1") => Ok(()),
        _ => Err(AppError::Invalid {
            field: crate::error::Field::Confirm,
        }),
    }
}

/// Marks an employee as having left: they stop earning at once; their balance stays theirs for
/// the program's grace period, then expires. Needs `confirm=on`.
#[server(prefix = "/api", endpoint = "org/deactivate")]
pub async fn deactivate(id: i64, confirm: Option<String>) -> Result<MemberDetail, AppError> {
    let call = Call::new(&[Role::PartnerManager, Role::Admin])?;
    confirmed(confirm.as_deref())?;
    let db = call.db().clone();
    let mut conn = db.pool.acquire().await?;
    let scope = service::scope(&mut conn, &call.user).await?;
    service::deactivate(&db, call.user.id, scope, id, call.now).await?;
    service::member(&mut conn, scope, id, call.now, call.lang()).await
}

/// A company's own number for one of its people (payroll): up to 32 letters, digits, `-`, `.`
/// or `/`; empty removes it.
pub fn parse_personnel_no(input: &str) -> Result<Option<String>, AppError> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let ok = s.chars().count() <= 32
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '/' | ' '));
    if !ok {
        return Err(AppError::Invalid {
            field: crate::error::Field::PersonnelNo,
        });
    }
    Ok(Some(s.to_string()))
}

/// Sets (or, empty, removes) the personnel number of one of the manager's people; admins may set
/// anyone's. Another company's person answers "not found".
#[server(prefix = "/api", endpoint = "org/personnel_no")]
pub async fn set_personnel_no(id: i64, personnel_no: String) -> Result<MemberDetail, AppError> {
    let call = Call::new(&[Role::PartnerManager, Role::Admin])?;
    let number = parse_personnel_no(&personnel_no)?;
    let db = call.db().clone();
    let mut conn = db.pool.acquire().await?;
    let scope = service::scope(&mut conn, &call.user).await?;
    service::set_personnel_no(&db, call.user.id, scope, id, number.as_deref(), call.now).await?;
    service::member(&mut conn, scope, id, call.now, call.lang()).await
}

/// Takes back "Mark as left" while the leaver's grace period runs: active again in the same
/// company, every point kept. After the grace period (points expired) it is refused.
#[server(prefix = "/api", endpoint = "org/reinstate")]
pub async fn reinstate(id: i64) -> Result<MemberDetail, AppError> {
    let call = Call::new(&[Role::PartnerManager, Role::Admin])?;
    let db = call.db().clone();
    let mut conn = db.pool.acquire().await?;
    let scope = service::scope(&mut conn, &call.user).await?;
    service::reinstate(&db, call.user.id, scope, id, call.now).await?;
    service::member(&mut conn, scope, id, call.now, call.lang()).await
}

/// The signed-in person's standing with their company (also for those still waiting).
#[server(prefix = "/api", endpoint = "org/membership")]
pub async fn my_membership() -> Result<Membership, AppError> {
    // Pending people may ask too, so this is not `Call::new`.
    let call = Call::open()?;
    let me = call.user.clone().ok_or(AppError::NotSignedIn)?;
    if me.role == Role::Admin {
        return Err(AppError::Forbidden);
    }
    let mut conn = call.conn().await?;
    service::membership(&mut conn, me.id, call.now).await
}

// ---------------------------------------------------------------- joining

/// What an invitation link leads to. Open to everyone: the code itself is the secret.
#[server(prefix = "/api", endpoint = "join/invite")]
pub async fn join_invite(code: String) -> Result<JoinTarget, AppError> {
    let call = Call::open()?;
    service::guarded_join_target(call.db(), &call.ip(), Some(&code), None, call.now).await
}

/// Step one of joining: checks the invitation (or join code), the name and role, and that the
/// number is not someone else's in another company, then texts a code to the number.
#[server(prefix = "/api", endpoint = "join/request_code")]
pub async fn join_request_code(
    phone: String,
    name: String,
    invite: Option<String>,
    join_code: Option<String>,
    kind: Option<String>,
) -> Result<(), AppError> {
    use crate::domain::Phone;

    let call = Call::open()?;
    let state = &call.state;
    let now = call.now;
    let join = JoinForm::parse(&name, invite, join_code, kind)?;
    let phone = Phone::parse_in(&phone, call.settings().country)?;
    {
        let target = join.guarded_target(&state.db, &call.ip(), now).await?;
        let mut conn = call.conn().await?;
        service::check_phone_can_join(&mut conn, &phone, target.company_id).await?;
    }
    crate::auth::service::request_code_for(
        state,
        &phone,
        crate::auth::service::CodeFor::Joining,
        &call.ip(),
        call.ctx.lang,
        now,
    )
    .await?;
    leptos_axum::redirect(&join.verify_url(&phone));
    Ok(())
}

/// Step two: the code from the text message. Creates the participant in the company (at once
/// with an invitation, waiting for approval with a join code) and signs them in.
#[server(prefix = "/api", endpoint = "join/verify")]
pub async fn join_verify(
    phone: String,
    code: String,
    name: String,
    invite: Option<String>,
    join_code: Option<String>,
    kind: Option<String>,
) -> Result<(), AppError> {
    use crate::auth::{SESSION_COOKIE, set_cookie};
    use crate::domain::{OtpCode, Phone};

    let call = Call::open()?;
    let state = &call.state;
    let now = call.now;
    let join = JoinForm::parse(&name, invite, join_code, kind)?;
    let phone = Phone::parse_in(&phone, call.settings().country)?;
    let code = OtpCode::parse(&code).ok_or(AppError::CodeFormat)?;
    // Step two is no way round the guessing limit of step one.
    join.guarded_target(&state.db, &call.ip(), now).await?;
    let (_, token) = service::join(state, &phone, &code, &join, &call.ip(), now).await?;
    set_cookie(
        SESSION_COOKIE,
        token.expose(),
        state.settings.session_ttl_secs,
    );
    leptos_axum::redirect("/");
    Ok(())
}

/// The joining form's fields, parsed: by invitation, or by join code with a chosen role.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JoinForm {
    pub name: String,
    pub via: JoinVia,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JoinVia {
    Invite(String),
    JoinCode(String, ParticipantKind),
}

impl JoinForm {
    pub fn parse(
        name: &str,
        invite: Option<String>,
        join_code: Option<String>,
        kind: Option<String>,
    ) -> Result<JoinForm, AppError> {
        let name = parse_person_name(name)?;
        let via = match (optional(invite), optional(join_code)) {
            (Some(invite), _) => JoinVia::Invite(invite),
            (None, Some(code)) => JoinVia::JoinCode(
                parse_join_code(&code)?,
                parse_kind(kind.as_deref().unwrap_or(""))?,
            ),
            (None, None) => {
                return Err(AppError::Invalid {
                    field: Field::JoinCode,
                });
            }
        };
        Ok(JoinForm { name, via })
    }

    /// The code page, carrying the form along so the second step can check it again.
    pub fn verify_url(&self, phone: &crate::domain::Phone) -> String {
        let enc = |s: &str| {
            s.bytes()
                .map(|b| match b {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                        (b as char).to_string()
                    }
                    _ => format!("%{b:02X}"),
                })
                .collect::<String>()
        };
        let mut url = format!(
            "/join/verify?phone={}&name={}",
            enc(phone.as_str()),
            enc(&self.name)
        );
        match &self.via {
            JoinVia::Invite(code) => url.push_str(&format!("&invite={}", enc(code))),
            JoinVia::JoinCode(code, kind) => {
                url.push_str(&format!("&join_code={}&kind={}", enc(code), kind.as_str()))
            }
        }
        url
    }

    /// [`JoinForm::target`] counted against the caller's address (see
    /// [`service::guarded_join_target`]).
    #[cfg(feature = "ssr")]
    pub async fn guarded_target(
        &self,
        db: &crate::state::Db,
        ip: &str,
        now: i64,
    ) -> Result<JoinTarget, AppError> {
        match &self.via {
            JoinVia::Invite(code) => {
                service::guarded_join_target(db, ip, Some(code), None, now).await
            }
            JoinVia::JoinCode(code, kind) => {
                let mut t = service::guarded_join_target(db, ip, None, Some(code), now).await?;
                t.kind = Some(*kind);
                Ok(t)
            }
        }
    }

    #[cfg(feature = "ssr")]
    pub async fn target(
        &self,
        conn: &mut sqlx::AnyConnection,
        now: i64,
    ) -> Result<JoinTarget, AppError> {
        match &self.via {
            JoinVia::Invite(code) => service::join_target(conn, Some(code), None, now).await,
            JoinVia::JoinCode(code, kind) => {
                let mut t = service::join_target(conn, None, Some(code), now).await?;
                t.kind = Some(*kind);
                Ok(t)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{iso_date, parse_iso_date};

    #[test]
    fn periods_start_on_calendar_boundaries() {
        let now = parse_iso_date("2026-11-22").unwrap() + 3_600;
        assert_eq!(iso_date(Period::Month.start(now)), "2026-11-01");
        assert_eq!(iso_date(Period::Quarter.start(now)), "2026-10-01");
        assert_eq!(iso_date(Period::Year.start(now)), "2026-01-01");
        let march = parse_iso_date("2027-03-31").unwrap();
        assert_eq!(iso_date(Period::Quarter.start(march)), "2027-01-01");
        assert_eq!(Period::parse(None), Ok(Period::Month));
        assert_eq!(Period::parse(Some("year")), Ok(Period::Year));
        assert_eq!(
            Period::parse(Some("week")),
            Err(AppError::Invalid {
                field: Field::Period
            })
        );
    }

    #[test]
    fn join_forms_are_checked_before_any_text_is_sent() {
        let f = JoinForm::parse("  Ivan   Petrov ", Some("ABC".into()), None, None).unwrap();
        assert_eq!(f.name, "Ivan Petrov");
        assert_eq!(f.via, JoinVia::Invite("ABC".into()));
        let f = JoinForm::parse(
            "Ivan",
            None,
            Some(" teplo-mnt ".into()),
            Some("foreman".into()),
        )
        .unwrap();
        assert_eq!(
            f.via,
            JoinVia::JoinCode("TEPLO-MNT".into(), ParticipantKind::Foreman)
        );
        let phone = crate::domain::Phone::parse("+79001234567").unwrap();
        assert_eq!(
            f.verify_url(&phone),
            "/join/verify?phone=%2B79001234567&name=Ivan&join_code=TEPLO-MNT&kind=foreman"
        );
        assert_eq!(
            JoinForm::parse("I", Some("ABC".into()), None, None),
            Err(AppError::Invalid {
                field: Field::PersonName
            })
        );
        assert_eq!(
            JoinForm::parse("Ivan", None, Some("TEPLO".into()), Some("boss".into())),
            Err(AppError::Invalid { field: Field::Kind })
        );
        assert_eq!(
            JoinForm::parse("Ivan", None, Some("te plo".into()), Some("seller".into())),
            Err(AppError::Invalid {
                field: Field::JoinCode
            })
        );
        assert_eq!(
            JoinForm::parse("Ivan", None, None, None),
            Err(AppError::Invalid {
                field: Field::JoinCode
            })
        );
    }
}
