//! `GET /team/staff.csv?period=month|quarter|year[&sep=comma|semicolon]`: the manager's staff earnings for the
//! company's own payroll. Managers only, their own company only.

use super::{Period, service};
use crate::call::{Call, MANAGERS, Refused};
use crate::domain::iso_date;
use crate::error::AppError;
use crate::files::{csv_cell, download};
use crate::i18n::{Lang, T};
use crate::session::RequestContext;
use crate::state::AppState;
use axum::Extension;
use axum::extract::State;
use axum::response::Response;

pub async fn staff_csv(
    State(state): State<AppState>,
    Extension(ctx): Extension<RequestContext>,
    uri: axum::http::Uri,
) -> Result<Response, Refused> {
    let call = Call::for_handler(ctx, state, MANAGERS, "/sign-in")?;
    let query = |name: &str| {
        uri.query()
            .unwrap_or("")
            .split('&')
            .find_map(|p| p.strip_prefix(name)?.strip_prefix('='))
    };
    let period = Period::parse(query("period"))?;
    let separator = Separator::parse(query("sep"), call.lang())?;
    let (name, body) = csv(&call, period, separator).await?;
    Ok(download(body, &name))
}

/// How the cells of a line are separated. A spreadsheet in a locale whose decimal mark is a comma
/// (Russian, French, Turkish, Romanian) splits a text file on `;`, an English one on `,`: the
/// reader's language picks it unless `sep=comma` or `sep=semicolon` says otherwise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Separator {
    Comma,
    Semicolon,
}

impl Separator {
    pub fn parse(value: Option<&str>, lang: Lang) -> Result<Separator, AppError> {
        match value {
            None | Some("") => Ok(match lang {
                Lang::En => Separator::Comma,
                _ => Separator::Semicolon,
            }),
            Some("comma") => Ok(Separator::Comma),
            Some("semicolon") => Ok(Separator::Semicolon),
            Some(_) => Err(AppError::Invalid {
                field: crate::error::Field::Csv,
            }),
        }
    }

    fn char(self) -> char {
        match self {
            Separator::Comma => ',',
            Separator::Semicolon => ';',
        }
    }
}

/// The staff file: UTF-8 with a byte-order mark (so a spreadsheet does not read the names as
/// Windows-1251), a header and the role and status words in the manager's language, whole phone
/// numbers and the company's personnel numbers. Figures and dates stay machine-readable.
async fn csv(
    call: &Call,
    period: Period,
    separator: Separator,
) -> Result<(String, String), AppError> {
    let (now, lang) = (call.now, call.lang());
    let mut conn = call.conn().await?;
    let company = service::managed_company(&mut conn, call.user.id).await?;
    let from = period.start(now);
    let grace = service::grace_days(&mut conn).await?;
    let staff = service::staff(&mut conn, company, None, from, grace).await?;
    let (from, to) = (iso_date(from), iso_date(now));
    let sep = separator.char().to_string();
    let mut out = String::from("\u{feff}");
    let header: Vec<String> = T::CsvStaffHeader
        .text(lang)
        .split(',')
        .map(csv_cell)
        .collect();
    out.push_str(&header.join(&sep));
    out.push('\n');
    for s in staff {
        let cells = [
            csv_cell(&s.name),
            csv_cell(s.personnel_no.as_deref().unwrap_or("")),
            csv_cell(&s.phone),
            csv_cell(s.role_word().text(lang)),
            csv_cell(s.status.label().text(lang)),
            from.clone(),
            to.clone(),
            s.earned.to_string(),
            s.spent.to_string(),
            s.balance.to_string(),
            s.last_activity.map(iso_date).unwrap_or_default(),
        ];
        out.push_str(&cells.join(&sep));
        out.push('\n');
    }
    Ok((format!("staff-{}-{from}.csv", period.as_str()), out))
}
