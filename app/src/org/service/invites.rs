//! Invitation links: codes, creating and revoking them.

use super::*;

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
