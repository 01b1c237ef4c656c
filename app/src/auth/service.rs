//! Sign-in and sessions: one-time codes for participants, passwords for admins, and the session
//! table every app server shares. All SQL of the `auth` area lives here.

use super::SessionUser;
use crate::domain::{CompanyStatus, Email, OtpCode, ParticipantKind, Phone, Role, UserStatus};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::limits;
use crate::session::{SessionHash, SessionToken};
use crate::state::{AppState, Db, Settings};
use hmac::{Hmac, Mac};
use rand::Rng;
use sha2::Sha256;
use sqlx::{Any, AnyConnection, Transaction};

/// A keyed hash: what we store instead of a one-time code or a session token, so a copy of the
/// database is not a key to anyone's account.
pub fn keyed_hash(settings: &Settings, purpose: &str, value: &str) -> String {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(&settings.secret).expect("HMAC accepts any key length");
    mac.update(purpose.as_bytes());
    mac.update(&[0]);
    mac.update(value.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// 256 random bits, hex: a new secret key for a data directory that has none.
pub fn random_secret() -> String {
    let bytes: [u8; 32] = rand::thread_rng().r#gen();
    hex::encode(bytes)
}

/// Who a one-time code may be sent to: people already in the program (sign-in), or also new
/// numbers (joining a company, where the code proves the number is theirs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeFor {
    SignIn,
    Joining,
}

/// Step one of a participant's sign-in: text a fresh code to a known phone.
/// Invariant: at most one live code per phone (asking again retires the previous one).
pub async fn request_code(
    state: &AppState,
    phone: &Phone,
    ip: &str,
    lang: Lang,
    now: i64,
) -> Result<(), AppError> {
    request_code_for(state, phone, CodeFor::SignIn, ip, lang, now).await
}

/// Who holds a phone number, as far as a one-time code needs to know.
#[derive(sqlx::FromRow)]
struct PhoneHolderRow {
    status: String,
    lang: Option<String>,
}

pub async fn request_code_for(
    state: &AppState,
    phone: &Phone,
    purpose: CodeFor,
    ip: &str,
    lang: Lang,
    now: i64,
) -> Result<(), AppError> {
    let s = &state.settings;
    let code = format!("{:06}", rand::thread_rng().gen_range(0..1_000_000));
    let mut tx = state.db.begin_write().await?;
    // Limits count before the lookup so they also slow down anyone probing which numbers exist.
    limits::hit(&mut tx, &format!("otp:ip:{ip}"), s.otp_per_ip, now).await?;
    limits::hit(&mut tx, &format!("otp:phone:{phone}"), s.otp_per_phone, now).await?;
    let holder: Option<PhoneHolderRow> =
        sqlx::query_as("SELECT status, lang FROM users WHERE phone = $1")
            .bind(phone.as_str())
            .fetch_optional(&mut *tx)
            .await?;
    // The text goes out in the language the person chose in their profile, on whatever device
    // they chose it; a new number gets the language of the page that asked.
    let lang = holder
        .as_ref()
        .and_then(|h| h.lang.as_deref())
        .and_then(Lang::parse)
        .unwrap_or(lang);
    match holder.as_ref().map(|h| h.status.as_str()) {
        None if purpose == CodeFor::Joining => {}
        None => {
            tx.commit().await?; // keep the rate-limit events
            return Err(AppError::UnknownPhone);
        }
        Some("blocked") => {
            tx.commit().await?;
            return Err(AppError::AccountBlocked);
        }
        Some(_) => {}
    }
    sqlx::query("UPDATE one_time_codes SET used_at = $1 WHERE phone = $2 AND used_at IS NULL")
        .bind(now)
        .bind(phone.as_str())
        .execute(&mut *tx)
        .await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO one_time_codes (phone, code_hash, created_at, expires_at, attempts) \
         VALUES ($1, $2, $3, $4, 0) RETURNING id",
    )
    .bind(phone.as_str())
    .bind(keyed_hash(s, "otp", &format!("{phone}:{code}")))
    .bind(now)
    .bind(now + s.otp_ttl_secs)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;

    // The network call happens outside the transaction; a code that could not be sent is retired.
    if let Err(e) = state.sender.send(phone, &code, lang).await {
        tracing::warn!(error = %e, phone = %phone.masked(), "one-time code not delivered");
        sqlx::query("UPDATE one_time_codes SET used_at = $1 WHERE id = $2")
            .bind(now)
            .bind(id)
            .execute(&state.db.pool)
            .await?;
        return Err(AppError::SendFailed);
    }
    Ok(())
}

/// Step two: check the code and open a session. Returns the user and the raw session token
/// (for the cookie).
pub async fn verify_code(
    state: &AppState,
    phone: &Phone,
    code: &OtpCode,
    ip: &str,
    now: i64,
) -> Result<(SessionUser, SessionToken), AppError> {
    let mut tx = consume_code(state, phone, code, now).await?;
    let user_id: i64 = sqlx::query_scalar("SELECT id FROM users WHERE phone = $1")
        .bind(phone.as_str())
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(AppError::UnknownPhone)?;
    let (user, token) = open_session(&mut tx, &state.settings, user_id, ip, now).await?;
    tx.commit().await?;
    Ok((user, token))
}

/// The live one-time code of a phone, as `consume_code` reads it.
#[derive(sqlx::FromRow)]
struct OneTimeCodeRow {
    id: i64,
    code_hash: String,
    expires_at: i64,
    attempts: i64,
}

/// Checks a one-time code and marks it used, in a write transaction the caller goes on with (and
/// commits). Invariants: a code is accepted at most once (single use), and after
/// `otp_max_attempts` wrong tries never. A wrong try is counted (committed) before the refusal.
pub async fn consume_code(
    state: &AppState,
    phone: &Phone,
    code: &OtpCode,
    now: i64,
) -> Result<Transaction<'static, Any>, AppError> {
    let s = &state.settings;
    let mut tx = state.db.begin_write().await?;
    let row = sqlx::query_as::<_, OneTimeCodeRow>(
        "SELECT id, code_hash, expires_at, attempts FROM one_time_codes \
         WHERE phone = $1 AND used_at IS NULL ORDER BY id DESC LIMIT 1",
    )
    .bind(phone.as_str())
    .fetch_optional(&mut *tx)
    .await?;
    let Some(OneTimeCodeRow {
        id,
        code_hash: hash,
        expires_at,
        attempts,
    }) = row
    else {
        return Err(AppError::CodeExpired);
    };
    let max = i64::from(s.otp_max_attempts);
    if expires_at <= now {
        return Err(AppError::CodeExpired);
    }
    if attempts >= max {
        return Err(AppError::CodeLocked);
    }
    let expected = keyed_hash(s, "otp", &format!("{phone}:{}", code.as_str()));
    if !constant_time_eq(&expected, &hash) {
        sqlx::query("UPDATE one_time_codes SET attempts = attempts + 1 WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        let left = max - attempts - 1;
        return Err(if left <= 0 {
            AppError::CodeLocked
        } else {
            AppError::WrongCode {
                tries_left: left as u32,
            }
        });
    }
    let used =
        sqlx::query("UPDATE one_time_codes SET used_at = $1 WHERE id = $2 AND used_at IS NULL")
            .bind(now)
            .bind(id)
            .execute(&mut *tx)
            .await?;
    if used.rows_affected() != 1 {
        return Err(AppError::CodeExpired);
    }
    Ok(tx)
}

/// Opens a session for `user_id` inside `tx`, if the account may sign in.
pub async fn open_session(
    tx: &mut Transaction<'static, Any>,
    s: &Settings,
    user_id: i64,
    ip: &str,
    now: i64,
) -> Result<(SessionUser, SessionToken), AppError> {
    let user = load_user(tx, user_id)
        .await?
        .ok_or(AppError::UnknownPhone)?;
    check_status(&user_status(tx, user_id).await?)?;
    let token = create_session(tx, s, user_id, ip, now).await?;
    Ok((user, token))
}

/// An admin account as password sign-in looks it up.
#[derive(sqlx::FromRow)]
struct AdminLoginRow {
    id: i64,
    password_hash: Option<String>,
}

/// Admin sign-in by e-mail and password.
///
/// Wrong passwords lock out the address they come from, not the account: ten for one e-mail
/// from one client address (`password_per_email`) or thirty from one address in all
/// (`password_per_ip`) within 15 minutes, and that address is refused. Across all addresses an
/// account's failures only slow it down — past the same ten, every answer for that e-mail waits a
/// second more per further failure (at most five) — so nobody can lock the real admin out from
/// somewhere else; and the admin is told in the audit log (`admin.password_failures`) when the
/// account-wide count reaches ten.
pub async fn admin_sign_in(
    state: &AppState,
    email: &Email,
    password: &str,
    ip: &str,
    now: i64,
) -> Result<(SessionUser, SessionToken), AppError> {
    let s = &state.settings;
    let account_bucket = format!("pw:email:{}", email.as_str());
    let lock_bucket = format!("pw:email-ip:{}:{ip}", email.as_str());
    let ip_bucket = format!("pw:ip:{ip}");
    let account_failures = {
        let mut conn = state.db.pool.acquire().await?;
        limits::check(&mut conn, &lock_bucket, s.password_per_email, now).await?;
        limits::check(&mut conn, &ip_bucket, s.password_per_ip, now).await?;
        limits::count(&mut conn, &account_bucket, s.password_per_email, now).await?
    };
    let over = account_failures - s.password_per_email.max + 1;
    if over > 0 {
        tokio::time::sleep(std::time::Duration::from_secs(over.min(5) as u64)).await;
    }
    let row = sqlx::query_as::<_, AdminLoginRow>(
        "SELECT id, password_hash FROM users WHERE email = $1 AND role = 'admin'",
    )
    .bind(email.as_str())
    .fetch_optional(&state.db.pool)
    .await?;
    let (user_id, hash): (Option<i64>, Option<String>) = match row {
        Some(r) => (Some(r.id), r.password_hash),
        None => (None, None),
    };
    // Verify against a fixed hash when the account is unknown, so timing does not tell which
    // addresses exist.
    let ok = verify_password(hash.as_deref().unwrap_or(DUMMY_HASH), password) && user_id.is_some();
    let mut tx = state.db.begin_write().await?;
    if !ok {
        // Invariant: one failure is one event in each of the three buckets, with the audit row
        // (for a real admin) when the account-wide count reaches the limit, all in this
        // transaction.
        limits::record(&mut tx, &account_bucket, now).await?;
        limits::record(&mut tx, &lock_bucket, now).await?;
        limits::record(&mut tx, &ip_bucket, now).await?;
        if let Some(admin) = user_id.filter(|_| account_failures + 1 == s.password_per_email.max) {
            crate::audit::write(
                &mut tx,
                None,
                "admin.password_failures",
                &format!("user:{admin}"),
                None::<&()>,
                Some(&serde_json::json!({
                    "failures": account_failures + 1,
                    "window_minutes": s.password_per_email.window_secs / 60,
                    "last_ip": ip,
                })),
                now,
            )
            .await?;
        }
        tx.commit().await?;
        return Err(AppError::BadCredentials);
    }
    let user_id = user_id.ok_or(AppError::BadCredentials)?;
    check_status(&user_status(&mut tx, user_id).await?)?;
    let user = load_user(&mut tx, user_id)
        .await?
        .ok_or(AppError::BadCredentials)?;
    let token = create_session(&mut tx, s, user_id, ip, now).await?;
    tx.commit().await?;
    Ok((user, token))
}

const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Qdc6cTqKbfTzmW9FpMhXbrV5upSzLtvBtvj2iaHN1Ho";

pub fn hash_password(password: &str) -> Result<String, AppError> {
    use argon2::password_hash::{PasswordHasher, SaltString, rand_core::OsRng};
    let salt = SaltString::generate(&mut OsRng);
    argon2::Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| {
            tracing::error!(error = %e, "password hashing failed");
            AppError::Internal
        })
}

fn verify_password(hash: &str, password: &str) -> bool {
    use argon2::password_hash::{PasswordHash, PasswordVerifier};
    PasswordHash::new(hash)
        .map(|h| {
            argon2::Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Who may hold a session: everyone but the blocked. A pending person's session shows only their
/// status (see `state::require`); a leaver's lets them spend during the grace period.
fn check_status(status: &str) -> Result<(), AppError> {
    match status {
        "active" | "pending" | "left" => Ok(()),
        _ => Err(AppError::AccountBlocked),
    }
}

async fn user_status(conn: &mut AnyConnection, user_id: i64) -> Result<String, AppError> {
    Ok(sqlx::query_scalar("SELECT status FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_one(conn)
        .await?)
}

async fn create_session(
    tx: &mut Transaction<'static, Any>,
    s: &Settings,
    user_id: i64,
    ip: &str,
    now: i64,
) -> Result<SessionToken, AppError> {
    let token = SessionToken::generate();
    sqlx::query("INSERT INTO sessions (token_hash, user_id, created_at, expires_at, ip) VALUES ($1, $2, $3, $4, $5)")
        .bind(keyed_hash(s, "session", token.expose()))
        .bind(user_id)
        .bind(now)
        .bind(now + s.session_ttl_secs)
        .bind(ip)
        .execute(&mut **tx)
        .await?;
    Ok(token)
}

const USER_COLUMNS: &str = "SELECT u.id, u.role, u.kind, u.name, c.name AS company, u.lang, u.status, \
     c.status AS company_status FROM users u \
     LEFT JOIN partner_companies c ON c.id = u.company_id";

/// A row of [`USER_COLUMNS`]. An unknown role or status is a decoding error; an unknown kind or
/// language reads as none.
#[derive(sqlx::FromRow)]
struct UserRow {
    id: i64,
    role: Role,
    kind: Option<String>,
    name: String,
    company: Option<String>,
    lang: Option<String>,
    status: UserStatus,
    company_status: Option<CompanyStatus>,
}

impl From<UserRow> for SessionUser {
    fn from(row: UserRow) -> Self {
        SessionUser {
            company_suspended: row.company_status == Some(CompanyStatus::Suspended),
            status: row.status,
            id: row.id,
            role: row.role,
            kind: row.kind.as_deref().and_then(ParticipantKind::parse),
            name: row.name,
            company: row.company,
            lang: row.lang.as_deref().and_then(Lang::parse),
        }
    }
}

async fn load_user(
    conn: &mut AnyConnection,
    user_id: i64,
) -> Result<Option<SessionUser>, AppError> {
    let row = sqlx::query_as::<_, UserRow>(&format!("{USER_COLUMNS} WHERE u.id = $1"))
        .bind(user_id)
        .fetch_optional(conn)
        .await?;
    Ok(row.map(SessionUser::from))
}

/// The user behind a session token, if the session is live and the account active.
/// Returns the user and the stored hash of the token.
pub async fn load_session(
    db: &Db,
    s: &Settings,
    token: &SessionToken,
    now: i64,
) -> Result<Option<(SessionUser, SessionHash)>, AppError> {
    let token_hash = keyed_hash(s, "session", token.expose());
    let row = sqlx::query_as::<_, UserRow>(&format!(
        "{USER_COLUMNS} JOIN sessions s ON s.user_id = u.id \
         WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.status IN ('active', 'pending', 'left')"
    ))
    .bind(&token_hash)
    .bind(now)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(|r| (SessionUser::from(r), SessionHash::new(token_hash))))
}

pub async fn end_session(db: &Db, token_hash: &SessionHash) -> Result<(), AppError> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash.as_str())
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Expired sessions and codes are only clutter once they are past; the housekeeping job calls this.
pub async fn prune(db: &Db, now: i64) -> Result<(), AppError> {
    sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
        .bind(now)
        .execute(&db.pool)
        .await?;
    sqlx::query("DELETE FROM one_time_codes WHERE expires_at <= $1")
        .bind(now - 24 * 3600)
        .execute(&db.pool)
        .await?;
    limits::prune(&db.pool, now).await?;
    Ok(())
}

pub async fn set_language(db: &Db, user_id: i64, lang: Option<Lang>) -> Result<(), AppError> {
    sqlx::query("UPDATE users SET lang = $1 WHERE id = $2")
        .bind(lang.map(|l| l.code()))
        .bind(user_id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Creates an admin account or, if the address exists, resets its password and name.
pub async fn upsert_admin(
    db: &Db,
    email: &Email,
    name: &str,
    password: &str,
    now: i64,
) -> Result<i64, AppError> {
    let hash = hash_password(password)?;
    let mut tx = db.begin_write().await?;
    let existing: Option<i64> = sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
        .bind(email.as_str())
        .fetch_optional(&mut *tx)
        .await?;
    let id = match existing {
        Some(id) => {
            sqlx::query("UPDATE users SET password_hash = $1, name = $2, role = 'admin', status = 'active' WHERE id = $3")
                .bind(&hash)
                .bind(name)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            id
        }
        None => {
            sqlx::query_scalar(
                "INSERT INTO users (role, name, email, password_hash, status, created_at) \
                 VALUES ('admin', $1, $2, $3, 'active', $4) RETURNING id",
            )
            .bind(name)
            .bind(email.as_str())
            .bind(&hash)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?
        }
    };
    tx.commit().await?;
    Ok(id)
}
