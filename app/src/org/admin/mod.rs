//! The admin's side of partner companies: companies (create, edit, suspend, CSV import), their
//! managers, and participants (search, block, move between companies with the history kept).

mod pages;
pub use pages::{AdminCompaniesPage, AdminCompanyPage};

use super::{CompanyCard, PendingRow, StaffRow};
#[cfg(feature = "ssr")]
use crate::call::Call;
use crate::domain::{CompanyKind, CompanyStatus, ParticipantKind, Role, TaxId, UserStatus};
use crate::error::{AppError, Field};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A company as the admin's list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyRow {
    pub card: CompanyCard,
    pub people: i64,
    pub pending: i64,
    pub managers: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyDetail {
    pub card: CompanyCard,
    /// Whole phone numbers: the admin runs the program.
    pub staff: Vec<StaffRow>,
    pub pending: Vec<PendingRow>,
}

/// A participant in the admin's search.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonRow {
    pub id: i64,
    pub name: String,
    pub phone: String,
    pub role: Role,
    pub kind: Option<ParticipantKind>,
    pub status: UserStatus,
    pub company_id: Option<i64>,
    pub company: Option<String>,
}

/// A company's fields, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompanyInput {
    pub name: String,
    pub tax_id: TaxId,
    pub region: String,
    pub kind: CompanyKind,
    pub suspended: bool,
    pub contact: String,
    pub join_code: Option<String>,
}

fn text(s: &str, field: Field, min: usize, max: usize) -> Result<String, AppError> {
    let t = s.trim();
    let n = t.chars().count();
    if n < min || n > max || t.chars().any(char::is_control) {
        return Err(AppError::Invalid { field });
    }
    Ok(t.to_string())
}

impl CompanyInput {
    pub fn parse(
        name: &str,
        tax_id: &str,
        region: &str,
        kind: &str,
        status: &str,
        contact: &str,
        join_code: &str,
    ) -> Result<CompanyInput, AppError> {
        Ok(CompanyInput {
            name: text(name, Field::Name, 2, 120)?,
            tax_id: TaxId::parse(tax_id).ok_or(AppError::Invalid {
                field: Field::TaxId,
            })?,
            region: text(region, Field::Region, 2, 80)?,
            kind: CompanyKind::parse(kind).ok_or(AppError::Invalid { field: Field::Kind })?,
            suspended: match status.trim() {
                "" => false,
                s => {
                    CompanyStatus::parse(s).ok_or(AppError::Invalid {
                        field: Field::Status,
                    })? == CompanyStatus::Suspended
                }
            },
            contact: text(contact, Field::Contact, 0, 200)?,
            join_code: match join_code.trim() {
                "" => None,
                code => Some(super::parse_join_code(code)?),
            },
        })
    }

    /// `name,tax_id,region,kind,contact,join_code` lines (a header line is skipped). All lines or
    /// none: the first bad one is named with its field.
    /// Each company comes with its line number in the file, for messages about it later.
    pub fn parse_csv(csv: &str) -> Result<Vec<(u32, CompanyInput)>, AppError> {
        let mut out = Vec::new();
        for (i, line) in csv.lines().enumerate() {
            let number = i as u32 + 1;
            let line = line.trim();
            if line.is_empty() || (i == 0 && line.to_ascii_lowercase().starts_with("name,")) {
                continue;
            }
            let cells = crate::files::split_csv_line(line);
            let cell = |n: usize| cells.get(n).map(String::as_str).unwrap_or("");
            let parsed = CompanyInput::parse(
                cell(0),
                cell(1),
                cell(2),
                cell(3),
                "active",
                cell(4),
                cell(5),
            )
            .map_err(|e| e.on_line(number))?;
            if out
                .iter()
                .any(|(_, c): &(u32, CompanyInput)| c.tax_id == parsed.tax_id)
            {
                return Err(AppError::CsvInvalid {
                    line: number,
                    field: Field::TaxId,
                });
            }
            out.push((number, parsed));
        }
        if out.is_empty() {
            return Err(AppError::CsvInvalid {
                line: 1,
                field: Field::Csv,
            });
        }
        Ok(out)
    }
}

#[server(prefix = "/api", endpoint = "admin/companies")]
pub async fn admin_companies() -> Result<Vec<CompanyRow>, AppError> {
    let call = Call::new(crate::call::ADMINS)?;
    let mut conn = call.conn().await?;
    db::companies(&mut conn).await
}

#[server(prefix = "/api", endpoint = "admin/company")]
pub async fn admin_company(id: i64) -> Result<CompanyDetail, AppError> {
    let call = Call::new(crate::call::ADMINS)?;
    let mut conn = call.conn().await?;
    let card = super::service::company(&mut conn, id).await?;
    let from = super::Period::Year.start(call.now);
    let grace = super::service::grace_days(&mut conn).await?;
    Ok(CompanyDetail {
        staff: super::service::staff(&mut conn, id, None, from, grace).await?,
        pending: super::service::pending(&mut conn, Some(id)).await?,
        card,
    })
}

/// Creates a company, or with `id` updates it (suspending it stops its people earning and
/// spending). A tax number or join code already used by another company is refused.
#[server(prefix = "/api", endpoint = "admin/company_save")]
#[allow(clippy::too_many_arguments)]
pub async fn admin_company_save(
    id: Option<String>,
    name: String,
    tax_id: String,
    region: String,
    kind: String,
    status: Option<String>,
    contact: Option<String>,
    join_code: Option<String>,
) -> Result<CompanyCard, AppError> {
    use crate::state::is_plain_form_post;
    let call = Call::new(crate::call::ADMINS)?;
    let id = match id.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => Some(s.parse::<i64>().map_err(|_| AppError::NotFound)?),
    };
    let input = CompanyInput::parse(
        &name,
        &tax_id,
        &region,
        &kind,
        status.as_deref().unwrap_or(""),
        contact.as_deref().unwrap_or(""),
        join_code.as_deref().unwrap_or(""),
    )?;
    let card = db::save(call.db(), call.user.id, id, &input, call.now).await?;
    if is_plain_form_post() {
        leptos_axum::redirect(&format!("/admin/companies/{}", card.id));
    }
    Ok(card)
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompaniesImported {
    pub created: u32,
    pub updated: u32,
}

/// Companies from CSV (`name,tax_id,region,kind,contact,join_code`): a known tax number updates
/// that company, a new one creates it. All lines or none.
#[server(prefix = "/api", endpoint = "admin/companies_import")]
pub async fn admin_companies_import(csv: String) -> Result<CompaniesImported, AppError> {
    let call = Call::new(crate::call::ADMINS)?;
    if csv.len() > 1_000_000 {
        return Err(AppError::Invalid { field: Field::Csv });
    }
    let rows = CompanyInput::parse_csv(&csv)?;
    db::import(call.db(), call.user.id, &rows, call.now).await
}

/// Participants and managers by name or phone (digits), optionally of one company.
#[server(prefix = "/api", endpoint = "admin/participants")]
pub async fn admin_participants(
    q: Option<String>,
    company: Option<i64>,
) -> Result<Vec<PersonRow>, AppError> {
    let call = Call::new(crate::call::ADMINS)?;
    let q = crate::domain::Search::parse(&q.unwrap_or_default()).ok_or(AppError::Invalid {
        field: Field::Search,
    })?;
    let mut conn = call.conn().await?;
    db::people(&mut conn, &q, company).await
}

/// Blocks (`blocked=on`: signed out everywhere, cannot sign in) or unblocks a person.
#[server(prefix = "/api", endpoint = "admin/participant_block")]
pub async fn admin_participant_block(id: i64, blocked: Option<String>) -> Result<(), AppError> {
    let call = Call::new(crate::call::ADMINS)?;
    let blocked = matches!(blocked.as_deref(), Some("on" | "true" | "1"));
    db::set_blocked(call.db(), call.user.id, id, blocked, call.now).await
}

/// Moves a person to another company, with a reason; the move is kept in their history and the
/// new company sees their figures from that day on.
#[server(prefix = "/api", endpoint = "admin/participant_move")]
pub async fn admin_participant_move(id: i64, company: i64, reason: String) -> Result<(), AppError> {
    let call = Call::new(crate::call::ADMINS)?;
    let reason = crate::forms::parse_reason(&reason)?;
    db::move_person(call.db(), call.user.id, id, company, &reason, call.now).await
}

/// Makes someone a partner manager of `company`: a person of that company is promoted; a new
/// number becomes a new manager account (`name` needed). Someone of another company is refused.
#[server(prefix = "/api", endpoint = "admin/manager_assign")]
pub async fn admin_manager_assign(
    company: i64,
    phone: String,
    name: Option<String>,
) -> Result<(), AppError> {
    use crate::domain::Phone;

    let call = Call::new(crate::call::ADMINS)?;
    let phone = Phone::parse_in(&phone, call.settings().country)?;
    let name = optional_name(name)?;
    db::assign_manager(call.db(), call.user.id, company, &phone, name, call.now).await
}

#[cfg(feature = "ssr")]
fn optional_name(name: Option<String>) -> Result<Option<String>, AppError> {
    match name.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        None => Ok(None),
        Some(n) => super::parse_person_name(n).map(Some),
    }
}

#[cfg(feature = "ssr")]
pub mod db {
    use super::*;
    use crate::audit;
    use crate::domain::Phone;
    use crate::state::Db;
    use sqlx::AnyConnection;

    /// A company's head count and people waiting, as [`companies`] counts them.
    #[derive(sqlx::FromRow)]
    struct CompanyCountsRow {
        company_id: i64,
        people: i64,
        pending: i64,
    }

    /// A partner manager's name, by company.
    #[derive(sqlx::FromRow)]
    struct ManagerNameRow {
        company_id: i64,
        name: String,
    }

    /// Every company with its head count, people waiting and managers: three queries however
    /// many companies there are.
    pub async fn companies(conn: &mut AnyConnection) -> Result<Vec<CompanyRow>, AppError> {
        use std::collections::HashMap;
        let cards = crate::org::service::companies(&mut *conn).await?;
        let counts: HashMap<i64, (i64, i64)> = sqlx::query_as::<_, CompanyCountsRow>(
            "SELECT company_id, COUNT(*) AS people, COUNT(CASE WHEN status = 'pending' THEN 1 END) AS pending \
             FROM users WHERE company_id IS NOT NULL AND role <> 'admin' GROUP BY company_id",
        )
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .map(|r| (r.company_id, (r.people, r.pending)))
        .collect();
        let mut managers: HashMap<i64, Vec<String>> = HashMap::new();
        for ManagerNameRow {
            company_id: company,
            name,
        } in sqlx::query_as::<_, ManagerNameRow>(
            "SELECT company_id, name FROM users WHERE company_id IS NOT NULL \
             AND role = 'partner_manager' ORDER BY name, id",
        )
        .fetch_all(&mut *conn)
        .await?
        {
            managers.entry(company).or_default().push(name);
        }
        Ok(cards
            .into_iter()
            .map(|card| {
                let (people, pending) = counts.get(&card.id).copied().unwrap_or((0, 0));
                CompanyRow {
                    managers: managers.remove(&card.id).unwrap_or_default(),
                    people,
                    pending,
                    card,
                }
            })
            .collect())
    }

    fn taken(e: &sqlx::Error) -> bool {
        e.as_database_error()
            .is_some_and(|d| d.is_unique_violation())
    }

    /// Refuses a tax number or join code another company has. Checked under the write lock; a
    /// race that slips past it on PostgreSQL still meets the unique index and gets the same answer.
    async fn check_unique(
        conn: &mut AnyConnection,
        id: Option<i64>,
        input: &CompanyInput,
    ) -> Result<(), AppError> {
        let other: Option<i64> =
            sqlx::query_scalar("SELECT id FROM partner_companies WHERE tax_id = $1 AND id <> $2")
                .bind(input.tax_id.as_str())
                .bind(id.unwrap_or(-1))
                .fetch_optional(&mut *conn)
                .await?;
        if other.is_some() {
            return Err(AppError::TaxIdTaken);
        }
        if let Some(code) = &input.join_code {
            let other: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM partner_companies WHERE join_code = $1 AND id <> $2",
            )
            .bind(code)
            .bind(id.unwrap_or(-1))
            .fetch_optional(&mut *conn)
            .await?;
            if other.is_some() {
                return Err(AppError::Invalid {
                    field: Field::JoinCode,
                });
            }
        }
        Ok(())
    }

    async fn write(
        tx: &mut sqlx::Transaction<'static, sqlx::Any>,
        id: Option<i64>,
        input: &CompanyInput,
        now: i64,
    ) -> Result<i64, AppError> {
        let result = match id {
            Some(id) => sqlx::query_scalar(
                "UPDATE partner_companies SET name = $1, tax_id = $2, region = $3, kind = $4, \
                 status = $5, contact = $6, join_code = $7, updated_at = $8 WHERE id = $9 RETURNING id",
            )
            .bind(&input.name)
            .bind(input.tax_id.as_str())
            .bind(&input.region)
            .bind(input.kind.as_str())
            .bind(if input.suspended { "suspended" } else { "active" })
            .bind(&input.contact)
            .bind(&input.join_code)
            .bind(now)
            .bind(id)
            .fetch_optional(&mut **tx)
            .await
            .map(|r: Option<i64>| r.ok_or(AppError::NotFound)),
            None => sqlx::query_scalar(
                "INSERT INTO partner_companies (name, tax_id, region, kind, status, contact, join_code, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id",
            )
            .bind(&input.name)
            .bind(input.tax_id.as_str())
            .bind(&input.region)
            .bind(input.kind.as_str())
            .bind(if input.suspended { "suspended" } else { "active" })
            .bind(&input.contact)
            .bind(&input.join_code)
            .bind(now)
            .fetch_one(&mut **tx)
            .await
            .map(Ok),
        };
        match result {
            Ok(r) => r,
            Err(e) if taken(&e) => Err(AppError::TaxIdTaken),
            Err(e) => Err(e.into()),
        }
    }

    pub async fn save(
        db: &Db,
        actor: i64,
        id: Option<i64>,
        input: &CompanyInput,
        now: i64,
    ) -> Result<CompanyCard, AppError> {
        let mut tx = db.begin_write().await?;
        let before = match id {
            Some(id) => Some(crate::org::service::company(&mut tx, id).await?),
            None => None,
        };
        check_unique(&mut tx, id, input).await?;
        let id = write(&mut tx, id, input, now).await?;
        let after = crate::org::service::company(&mut tx, id).await?;
        audit::commit(
            tx,
            Some(actor),
            if before.is_some() {
                "company.update"
            } else {
                "company.create"
            },
            &format!("company:{id}"),
            before.as_ref(),
            Some(&after),
            now,
        )
        .await?;
        Ok(after)
    }

    pub async fn import(
        db: &Db,
        actor: i64,
        rows: &[(u32, CompanyInput)],
        now: i64,
    ) -> Result<CompaniesImported, AppError> {
        let mut tx = db.begin_write().await?;
        let (mut created, mut updated) = (0u32, 0u32);
        for (line, input) in rows {
            let existing: Option<i64> =
                sqlx::query_scalar("SELECT id FROM partner_companies WHERE tax_id = $1")
                    .bind(input.tax_id.as_str())
                    .fetch_optional(&mut *tx)
                    .await?;
            let line_error = |e: AppError| match e {
                AppError::TaxIdTaken => AppError::CsvInvalid {
                    line: *line,
                    field: Field::TaxId,
                },
                other => other.on_line(*line),
            };
            check_unique(&mut tx, existing, input)
                .await
                .map_err(line_error)?;
            write(&mut tx, existing, input, now)
                .await
                .map_err(line_error)?;
            if existing.is_some() {
                updated += 1;
            } else {
                created += 1;
            }
        }
        audit::commit(
            tx,
            Some(actor),
            "company.import",
            "companies",
            None::<&()>,
            Some(&serde_json::json!({ "created": created, "updated": updated })),
            now,
        )
        .await?;
        Ok(CompaniesImported { created, updated })
    }

    /// One row of [`people`]: a person with their company's name. Role, kind and status stay
    /// text: a value the enums do not know becomes a default (participant, none, blocked).
    #[derive(sqlx::FromRow)]
    struct PersonRecordRow {
        id: i64,
        name: String,
        phone: Option<String>,
        role: String,
        kind: Option<String>,
        status: String,
        company_id: Option<i64>,
        company: Option<String>,
    }

    impl From<PersonRecordRow> for PersonRow {
        fn from(r: PersonRecordRow) -> PersonRow {
            PersonRow {
                id: r.id,
                name: r.name,
                phone: r.phone.unwrap_or_default(),
                role: Role::parse(&r.role).unwrap_or(Role::Participant),
                kind: r.kind.as_deref().and_then(ParticipantKind::parse),
                status: UserStatus::parse(&r.status).unwrap_or(UserStatus::Blocked),
                company_id: r.company_id,
                company: r.company,
            }
        }
    }

    pub async fn people(
        conn: &mut AnyConnection,
        q: &crate::domain::Search,
        company: Option<i64>,
    ) -> Result<Vec<PersonRow>, AppError> {
        let digits: String = q.as_str().chars().filter(char::is_ascii_digit).collect();
        let rows = sqlx::query_as::<_, PersonRecordRow>(
            "SELECT u.id, u.name, u.phone, u.role, u.kind, u.status, u.company_id, c.name AS company FROM users u \
             LEFT JOIN partner_companies c ON c.id = u.company_id \
             WHERE u.role <> 'admin' AND ($1 < 0 OR u.company_id = $1) \
             AND ($2 = '' OR LOWER(u.name) LIKE $3 ESCAPE '\\' OR ($4 <> '' AND u.phone LIKE $5)) \
             ORDER BY u.name, u.id LIMIT 100",
        )
        .bind(company.unwrap_or(-1))
        .bind(q.as_str())
        .bind(q.contains_pattern())
        .bind(&digits)
        .bind(format!("%{digits}%"))
        .fetch_all(conn)
        .await?;
        Ok(rows.into_iter().map(PersonRow::from).collect())
    }

    pub async fn set_blocked(
        db: &Db,
        actor: i64,
        id: i64,
        blocked: bool,
        now: i64,
    ) -> Result<(), AppError> {
        let mut tx = db.begin_write().await?;
        let status: Option<String> =
            sqlx::query_scalar("SELECT status FROM users WHERE id = $1 AND role <> 'admin'")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
        let status = status.ok_or(AppError::NotFound)?;
        let to = match (blocked, status.as_str()) {
            (true, "blocked") | (false, "active" | "pending" | "left") => return Ok(()),
            (true, _) => "blocked",
            (false, _) => "active",
        };
        sqlx::query("UPDATE users SET status = $1 WHERE id = $2")
            .bind(to)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        if blocked {
            sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        audit::commit(
            tx,
            Some(actor),
            if blocked {
                "user.block"
            } else {
                "user.unblock"
            },
            &format!("user:{id}"),
            Some(&serde_json::json!({ "status": status })),
            Some(&serde_json::json!({ "status": to })),
            now,
        )
        .await?;
        Ok(())
    }

    pub async fn move_person(
        db: &Db,
        actor: i64,
        id: i64,
        to: i64,
        reason: &str,
        now: i64,
    ) -> Result<(), AppError> {
        let mut tx = db.begin_write().await?;
        let from: Option<Option<i64>> =
            sqlx::query_scalar("SELECT company_id FROM users WHERE id = $1 AND role <> 'admin'")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
        let from = from.ok_or(AppError::NotFound)?;
        let exists: Option<i64> =
            sqlx::query_scalar("SELECT id FROM partner_companies WHERE id = $1")
                .bind(to)
                .fetch_optional(&mut *tx)
                .await?;
        if exists.is_none() {
            return Err(AppError::Invalid {
                field: Field::Company,
            });
        }
        if from == Some(to) {
            return Ok(());
        }
        sqlx::query(
            "INSERT INTO company_moves (user_id, from_company, to_company, reason, moved_by, at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id)
        .bind(from)
        .bind(to)
        .bind(reason)
        .bind(actor)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        // A manager moved elsewhere manages nothing there until assigned again.
        sqlx::query(
            "UPDATE users SET company_id = $1, role = 'participant', \
             kind = COALESCE(kind, 'seller'), \
             status = CASE WHEN status = 'blocked' THEN 'blocked' ELSE 'active' END, left_at = NULL \
             WHERE id = $2",
        )
        .bind(to)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        audit::commit(
            tx,
            Some(actor),
            "user.move",
            &format!("user:{id}"),
            Some(&serde_json::json!({ "company": from })),
            Some(&serde_json::json!({ "company": to, "reason": reason })),
            now,
        )
        .await?;
        Ok(())
    }

    /// Whoever already has the phone number a manager is assigned by.
    #[derive(sqlx::FromRow)]
    struct PhoneOwnerRow {
        id: i64,
        company_id: Option<i64>,
        role: String,
    }

    pub async fn assign_manager(
        db: &Db,
        actor: i64,
        company: i64,
        phone: &Phone,
        name: Option<String>,
        now: i64,
    ) -> Result<(), AppError> {
        let mut tx = db.begin_write().await?;
        crate::org::service::company(&mut tx, company).await?;
        let existing = sqlx::query_as::<_, PhoneOwnerRow>(
            "SELECT id, company_id, role FROM users WHERE phone = $1",
        )
        .bind(phone.as_str())
        .fetch_optional(&mut *tx)
        .await?;
        let id = match existing {
            Some(PhoneOwnerRow {
                id,
                company_id: Some(c),
                role,
            }) if c == company && role != "admin" => {
                sqlx::query("UPDATE users SET role = 'partner_manager' WHERE id = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                id
            }
            Some(_) => return Err(AppError::PhoneTaken),
            None => {
                let name = name.ok_or(AppError::Invalid {
                    field: Field::PersonName,
                })?;
                sqlx::query_scalar(
                    "INSERT INTO users (role, kind, company_id, name, phone, status, created_at) \
                     VALUES ('partner_manager', 'seller', $1, $2, $3, 'active', $4) RETURNING id",
                )
                .bind(company)
                .bind(&name)
                .bind(phone.as_str())
                .bind(now)
                .fetch_one(&mut *tx)
                .await?
            }
        };
        audit::commit(
            tx,
            Some(actor),
            "company.manager",
            &format!("company:{company}"),
            None::<&()>,
            Some(&serde_json::json!({ "manager": id })),
            now,
        )
        .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn company_fields_are_checked() {
        let c = CompanyInput::parse(
            "Shina Plus",
            "7701234560",
            "Moscow",
            "service_centre",
            "",
            "",
            "shina-plus",
        )
        .unwrap();
        assert_eq!(c.join_code.as_deref(), Some("SHINA-PLUS"));
        assert!(!c.suspended);
        let bad = |tax: &str, kind: &str, status: &str| {
            CompanyInput::parse("Shina", tax, "Moscow", kind, status, "", "")
        };
        assert_eq!(
            bad("7701234561", "dealer", ""),
            Err(AppError::Invalid {
                field: Field::TaxId
            })
        );
        assert_eq!(
            bad("7701234560", "bakery", ""),
            Err(AppError::Invalid { field: Field::Kind })
        );
        assert_eq!(
            bad("7701234560", "dealer", "closed"),
            Err(AppError::Invalid {
                field: Field::Status
            })
        );
        assert!(bad("7701234560", "dealer", "suspended").unwrap().suspended);
    }

    #[test]
    fn a_company_csv_is_taken_whole_or_not_at_all() {
        let ok = "name,tax_id,region,kind,contact,join_code\n\
                  \"Teplo, Montazh\",1655123453,Kazan,installer,\"Rustam \"\"R\"\" +7 900\",TEPLO\n\
                  Shina,7701234560,Moscow,dealer,,\n";
        let rows = CompanyInput::parse_csv(ok).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].0, 2);
        assert_eq!(rows[0].1.name, "Teplo, Montazh");
        assert_eq!(rows[0].1.contact, "Rustam \"R\" +7 900");
        assert_eq!(
            CompanyInput::parse_csv("Shina,7701234561,Moscow,dealer,,"),
            Err(AppError::CsvInvalid {
                line: 1,
                field: Field::TaxId
            })
        );
        assert_eq!(
            CompanyInput::parse_csv("A1,7701234560,Moscow,dealer,,\nA2,7701234560,Kazan,dealer,,"),
            Err(AppError::CsvInvalid {
                line: 2,
                field: Field::TaxId
            })
        );
        assert_eq!(
            CompanyInput::parse_csv("name,tax_id\n"),
            Err(AppError::CsvInvalid {
                line: 1,
                field: Field::Csv
            })
        );
    }
}
