//! `GET /team/staff.csv?period=month|quarter|year`: the manager's staff earnings for the
//! company's own payroll. Managers only, their own company only; phones masked as on screen.

use super::{Period, service};
use crate::admin::catalog::csv_cell;
use crate::admin::exports::{download, failed};
use crate::domain::{Role, iso_date};
use crate::error::AppError;
use crate::state::{AppState, RequestContext, unix_now};
use axum::Extension;
use axum::extract::State;
use axum::response::{IntoResponse, Response};

pub async fn staff_csv(
    State(state): State<AppState>,
    Extension(ctx): Extension<RequestContext>,
    uri: axum::http::Uri,
) -> Response {
    let me = match &ctx.user {
        None => return axum::response::Redirect::to("/sign-in").into_response(),
        Some(u) if u.role != Role::PartnerManager => return failed(AppError::Forbidden),
        Some(u) if u.status == crate::domain::UserStatus::Pending => {
            return failed(AppError::AccountPending);
        }
        Some(u) => u.clone(),
    };
    let period = uri
        .query()
        .unwrap_or("")
        .split('&')
        .find_map(|p| p.strip_prefix("period="));
    let period = match Period::parse(period) {
        Ok(p) => p,
        Err(e) => return failed(e),
    };
    match csv(&state, me.id, period).await {
        Ok((name, body)) => download(body, &name),
        Err(e) => failed(e),
    }
}

async fn csv(state: &AppState, manager: i64, period: Period) -> Result<(String, String), AppError> {
    let now = unix_now();
    let mut conn = state.db.pool.acquire().await?;
    let company = service::managed_company(&mut conn, manager).await?;
    let from = period.start(now);
    let grace = service::grace_days(&mut conn).await?;
    let staff = service::staff(&mut conn, company, None, from, true, grace).await?;
    let (from, to) = (iso_date(from), iso_date(now));
    let mut out = String::from(
        "name,phone,role,status,period_from,period_to,points_earned,points_spent,balance,last_activity\n",
    );
    for s in staff {
        let role = match (s.role, s.kind) {
            (Role::PartnerManager, _) => "partner_manager",
            (_, Some(k)) => k.as_str(),
            _ => "participant",
        };
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{},{},{}\n",
            csv_cell(&s.name),
            csv_cell(&s.phone),
            role,
            s.status.as_str(),
            from,
            to,
            s.earned,
            s.spent,
            s.balance,
            s.last_activity.map(iso_date).unwrap_or_default()
        ));
    }
    Ok((format!("staff-{}-{from}.csv", period.as_str()), out))
}
