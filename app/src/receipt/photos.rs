//! Photos of a purchase's document: `POST /claims/{id}/photos` (a multipart form with one
//! `photo` field, from the claim's page) and `GET /claims/photos/{photo}[/thumb]`.
//!
//! A photo is at most [`MAX_PHOTO_BYTES`], a PNG, JPEG or WebP picture (a phone's HEIC is
//! converted by the browser when it offers the file as JPEG; one that does not is refused as not
//! a picture); it is decoded (so a renamed file or a decompression bomb is refused) and
//! re-encoded as JPEG, which leaves behind everything but the pixels — the camera's metadata,
//! GPS position included. It is kept outside the public media folder: a document's photo is
//! shown only to the participant who claimed it and to admins. The same photo (by the hash of
//! the file sent) on two claims flags both for the moderator.

use super::{MAX_PHOTO_BYTES, MAX_PHOTOS};
use crate::call::Call;
use crate::domain::{ReceiptFlag, ReceiptStatus, Role};
use crate::error::{AppError, Field};
use crate::session::RequestContext;
use crate::state::AppState;
use axum::Extension;
use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use std::io::Cursor;

/// The longest side a stored photo keeps: enough to read a document, small enough to send.
pub const STORED_PX: u32 = 2_400;
pub const THUMB_PX: u32 = 192;
/// The most the upload route reads at all: a larger photo is read to the end and answered with a
/// clear "too large"; beyond this the connection is cut.
pub const BODY_LIMIT: usize = 24 * 1024 * 1024;

/// Where photos are kept: beside the public media folder, not inside it.
pub fn photo_dir(state: &AppState) -> std::path::PathBuf {
    state.settings.media_dir.with_file_name("receipt-photos")
}

/// Checks a photo and makes the two JPEGs kept of it (the document, and its thumbnail). CPU-bound:
/// call it off the async threads.
pub fn check_and_encode(bytes: &[u8]) -> Result<(Vec<u8>, Vec<u8>), AppError> {
    if bytes.len() > MAX_PHOTO_BYTES {
        return Err(AppError::UploadTooLarge {
            max_kb: (MAX_PHOTO_BYTES / 1024) as i64,
        });
    }
    let kind = crate::shop::media::Picture::sniff(bytes).ok_or(AppError::NotAnImage)?;
    let format = match kind {
        crate::shop::media::Picture::Png => image::ImageFormat::Png,
        crate::shop::media::Picture::Jpeg => image::ImageFormat::Jpeg,
        crate::shop::media::Picture::Webp => image::ImageFormat::WebP,
    };
    let mut reader = image::ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(12_000);
    limits.max_image_height = Some(12_000);
    limits.max_alloc = Some(400 * 1024 * 1024);
    reader.limits(limits);
    let picture = reader.decode().map_err(|_| AppError::NotAnImage)?;
    let encode = |img: image::DynamicImage, quality: u8| {
        let mut out = Cursor::new(Vec::new());
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality)
            .encode_image(&img.to_rgb8())
            .map_err(|e| {
                tracing::error!(error = %e, "photo encoding failed");
                AppError::Internal
            })?;
        Ok::<_, AppError>(out.into_inner())
    };
    let stored = if picture.width().max(picture.height()) > STORED_PX {
        picture.resize(STORED_PX, STORED_PX, image::imageops::FilterType::Triangle)
    } else {
        picture.clone()
    };
    let thumb = picture.thumbnail(THUMB_PX, THUMB_PX);
    Ok((encode(stored, 82)?, encode(thumb, 75)?))
}

fn wants_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("application/json"))
}

/// The claim a photo may be added to: the caller's own, still open, with room for one more.
#[derive(sqlx::FromRow)]
struct OpenClaim {
    status: ReceiptStatus,
    photos: i64,
}

/// `POST /claims/{id}/photos`: a browser's plain form post goes back to the claim's page (with
/// `photo=1`, or `photo_error=<code>` when refused); a script gets JSON and the status.
pub async fn upload(
    State(state): State<AppState>,
    Extension(ctx): Extension<RequestContext>,
    Path(id): Path<i64>,
    headers: HeaderMap,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Response {
    let json = wants_json(&headers);
    let call = match Call::for_handler(ctx, state, crate::call::PARTICIPANTS, "/sign-in") {
        Ok(call) => call,
        Err(e) => return e.into_response(),
    };
    let result = store(&call, id, multipart).await;
    if json {
        return match result {
            Ok(photo) => axum::Json(serde_json::json!({ "photo": photo })).into_response(),
            Err(e) => e.into_response(),
        };
    }
    match result {
        Ok(_) => Redirect::to(&format!("/claims/{id}?photo=1")).into_response(),
        Err(e) => Redirect::to(&format!("/claims/{id}?photo_error={}", e.code())).into_response(),
    }
}

/// Stores one photo on the caller's open claim. Invariant, in one transaction: the claim has at
/// most [`MAX_PHOTOS`] photos, each once (the same photo again answers the one kept); a photo
/// whose hash is on another claim flags both.
async fn store(
    call: &Call,
    claim_id: i64,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<i64, AppError> {
    let db = call.db().clone();
    // The claim first, so a stranger's claim is "not found" before any work is done.
    let photos = check_open(&db, call.user.id, claim_id).await?;
    let bytes = crate::shop::media::read_picture(multipart, "photo", MAX_PHOTO_BYTES).await?;
    let hash = {
        use sha2::Digest;
        hex::encode(sha2::Sha256::digest(&bytes))
    };
    // The same photo again on the same claim (a phone that sent it and never heard back) is
    // the photo kept before.
    if let Some(id) = same_photo(&mut *db.pool.acquire().await?, claim_id, &hash).await? {
        return Ok(id);
    }
    if photos >= MAX_PHOTOS as i64 {
        return Err(AppError::Invalid {
            field: Field::Count,
        });
    }
    let (stored, thumb) = tokio::task::spawn_blocking(move || check_and_encode(&bytes))
        .await
        .map_err(|_| AppError::Internal)??;
    let dir = photo_dir(&call.state);
    tokio::fs::create_dir_all(&dir).await.map_err(|e| {
        tracing::error!(error = %e, "could not make the photo folder");
        AppError::Internal
    })?;
    let name = format!("{claim_id}-{}", &hash[..16]);
    let file = format!("{name}.jpg");
    let thumb_file = format!("{name}-thumb.jpg");
    for (path, data) in [(dir.join(&file), stored), (dir.join(&thumb_file), thumb)] {
        tokio::fs::write(&path, data).await.map_err(|e| {
            tracing::error!(error = %e, path = %path.display(), "could not store a photo");
            AppError::Internal
        })?;
    }
    let now = call.now;
    let mut tx = db.begin_write().await?;
    // Two uploads of one photo at the same moment (to two claims) must each see the other, or
    // neither claim would be flagged: on PostgreSQL they take turns by the photo's hash (SQLite's
    // single writer already makes every upload take its turn). Then every claim the photo is on
    // is locked in id order, this one among them, so two uploads never wait on each other's
    // claims in a circle.
    if db.backend == crate::state::Backend::Postgres {
        sqlx::query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
            .bind(&hash)
            .execute(&mut *tx)
            .await?;
    }
    let mut others: Vec<i64> = sqlx::query_scalar(
        "SELECT DISTINCT claim_id FROM receipt_photos WHERE sha256 = $1 AND claim_id <> $2",
    )
    .bind(&hash)
    .bind(claim_id)
    .fetch_all(&mut *tx)
    .await?;
    others.sort_unstable();
    for claim in others.iter().copied().filter(|c| *c < claim_id) {
        touch(&mut tx, claim).await?;
    }
    let open = lock_open(&mut tx, call.user.id, claim_id, now).await?;
    for claim in others.iter().copied().filter(|c| *c > claim_id) {
        touch(&mut tx, claim).await?;
    }
    if let Some(id) = same_photo(&mut tx, claim_id, &hash).await? {
        return Ok(id);
    }
    // Refused now (decided, or full, since the first look): the files just written are no
    // photo's, as none of this claim has this hash.
    let refusal = if !open.status.open() {
        Some(AppError::AlreadyDecided)
    } else if open.photos >= MAX_PHOTOS as i64 {
        Some(AppError::Invalid {
            field: Field::Count,
        })
    } else {
        None
    };
    if let Some(e) = refusal {
        drop(tx);
        for path in [dir.join(&file), dir.join(&thumb_file)] {
            let _ = tokio::fs::remove_file(path).await;
        }
        return Err(e);
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO receipt_photos (claim_id, sha256, file, thumb, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(claim_id)
    .bind(&hash)
    .bind(&file)
    .bind(&thumb_file)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    // The same photo on another claim flags both; a photo here clears "no photo".
    let reused = !others.is_empty();
    for claim in std::iter::once(claim_id).chain(others) {
        let flags: String = sqlx::query_scalar("SELECT flags FROM receipt_claims WHERE id = $1")
            .bind(claim)
            .fetch_one(&mut *tx)
            .await?;
        let mut list = ReceiptFlag::split(&flags);
        if claim == claim_id {
            list.retain(|f| *f != ReceiptFlag::NoPhoto);
        }
        if reused {
            list.push(ReceiptFlag::PhotoReused);
        }
        sqlx::query("UPDATE receipt_claims SET flags = $2 WHERE id = $1")
            .bind(claim)
            .bind(ReceiptFlag::join(&list))
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(id)
}

/// Locks another claim's row for the rest of the transaction (its flags are about to change).
async fn touch(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    claim_id: i64,
) -> Result<(), AppError> {
    sqlx::query("UPDATE receipt_claims SET flags = flags WHERE id = $1")
        .bind(claim_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The photo of this hash already on the claim, if it is there.
async fn same_photo(
    conn: &mut sqlx::AnyConnection,
    claim_id: i64,
    hash: &str,
) -> Result<Option<i64>, AppError> {
    Ok(sqlx::query_scalar(
        "SELECT id FROM receipt_photos WHERE claim_id = $1 AND sha256 = $2 ORDER BY id LIMIT 1",
    )
    .bind(claim_id)
    .bind(hash)
    .fetch_optional(conn)
    .await?)
}

/// The claim is the caller's and open: checked before anything is read, decoded or written
/// (and again under the lock when the photo is stored). Answers how many photos it has.
async fn check_open(db: &crate::state::Db, user_id: i64, claim_id: i64) -> Result<i64, AppError> {
    let mut conn = db.pool.acquire().await?;
    let found = sqlx::query_as::<_, OpenClaim>(
        "SELECT status, (SELECT COUNT(*) FROM receipt_photos WHERE claim_id = $1) AS photos \
         FROM receipt_claims WHERE id = $1 AND user_id = $2",
    )
    .bind(claim_id)
    .bind(user_id)
    .fetch_optional(&mut *conn)
    .await?;
    match found {
        None => Err(AppError::NotFound),
        Some(c) if !c.status.open() => Err(AppError::AlreadyDecided),
        Some(c) => Ok(c.photos),
    }
}

/// The claim's row, locked for the rest of the transaction.
async fn lock_open(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    user_id: i64,
    claim_id: i64,
    now: i64,
) -> Result<OpenClaim, AppError> {
    sqlx::query_as::<_, OpenClaim>(
        "UPDATE receipt_claims SET updated_at = $3 WHERE id = $1 AND user_id = $2 \
         RETURNING status, (SELECT COUNT(*) FROM receipt_photos WHERE claim_id = $1) AS photos",
    )
    .bind(claim_id)
    .bind(user_id)
    .bind(now)
    .fetch_optional(&mut **tx)
    .await?
    .ok_or(AppError::NotFound)
}

/// `GET /claims/photos/{photo}`: the participant who claimed it, or an admin.
pub async fn show(
    State(state): State<AppState>,
    Extension(ctx): Extension<RequestContext>,
    Path(photo): Path<i64>,
) -> Response {
    send(state, ctx, photo, false).await
}

/// `GET /claims/photos/{photo}/thumb`: its thumbnail, for the same people.
pub async fn show_thumb(
    State(state): State<AppState>,
    Extension(ctx): Extension<RequestContext>,
    Path(photo): Path<i64>,
) -> Response {
    send(state, ctx, photo, true).await
}

#[derive(sqlx::FromRow)]
struct StoredPhoto {
    file: String,
    thumb: String,
    user_id: i64,
}

async fn send(state: AppState, ctx: RequestContext, photo: i64, thumb: bool) -> Response {
    let call = match Call::for_handler(
        ctx,
        state,
        &[Role::Participant, Role::PartnerManager, Role::Admin],
        "/sign-in",
    ) {
        Ok(call) => call,
        Err(e) => return e.into_response(),
    };
    let result = async {
        let mut conn = call.conn().await?;
        let row = sqlx::query_as::<_, StoredPhoto>(
            "SELECT p.file, p.thumb, c.user_id FROM receipt_photos p \
             JOIN receipt_claims c ON c.id = p.claim_id WHERE p.id = $1",
        )
        .bind(photo)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(AppError::NotFound)?;
        // Someone else's photo is "not found", not "forbidden": it does not say it exists.
        if call.user.role != Role::Admin && row.user_id != call.user.id {
            return Err(AppError::NotFound);
        }
        let path = photo_dir(&call.state).join(if thumb { row.thumb } else { row.file });
        tokio::fs::read(&path).await.map_err(|e| {
            tracing::error!(error = %e, path = %path.display(), "a stored photo could not be read");
            AppError::NotFound
        })
    }
    .await;
    match result {
        Ok(bytes) => {
            let mut res = bytes.into_response();
            let h = res.headers_mut();
            h.insert(header::CONTENT_TYPE, HeaderValue::from_static("image/jpeg"));
            h.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, max-age=3600"),
            );
            res
        }
        Err(e) => e.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg_with_exif(w: u32, h: u32) -> Vec<u8> {
        let img = image::RgbImage::from_pixel(w, h, image::Rgb([200, 30, 60]));
        let mut out = Cursor::new(Vec::new());
        img.write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
        let mut jpeg = out.into_inner();
        // An APP1 "Exif" segment right after SOI, as a phone writes its GPS position.
        let mut app1 = vec![0xFF, 0xE1];
        let body = b"Exif\0\0GPS 55.7558N 37.6173E";
        app1.extend_from_slice(&((body.len() + 2) as u16).to_be_bytes());
        app1.extend_from_slice(body);
        jpeg.splice(2..2, app1);
        jpeg
    }

    #[test]
    fn a_photo_is_re_encoded_without_its_metadata() {
        let sent = jpeg_with_exif(640, 480);
        assert!(sent.windows(4).any(|w| w == b"Exif"));
        let (stored, thumb) = check_and_encode(&sent).unwrap();
        assert!(!stored.windows(4).any(|w| w == b"Exif"), "metadata kept");
        assert!(!stored.windows(3).any(|w| w == b"GPS"), "position kept");
        let s = image::load_from_memory(&stored).unwrap();
        assert_eq!((s.width(), s.height()), (640, 480));
        let t = image::load_from_memory(&thumb).unwrap();
        assert_eq!((t.width(), t.height()), (THUMB_PX, THUMB_PX * 3 / 4));
    }

    #[test]
    fn large_photos_are_shrunk_and_other_files_refused() {
        let img = image::RgbImage::from_pixel(3_000, 1_000, image::Rgb([1, 2, 3]));
        let mut out = Cursor::new(Vec::new());
        img.write_to(&mut out, image::ImageFormat::Png).unwrap();
        let (stored, _) = check_and_encode(&out.into_inner()).unwrap();
        let s = image::load_from_memory(&stored).unwrap();
        assert_eq!(s.width(), STORED_PX);
        assert_eq!(
            check_and_encode(b"%PDF-1.7").unwrap_err(),
            AppError::NotAnImage
        );
        assert!(matches!(
            check_and_encode(&vec![0u8; MAX_PHOTO_BYTES + 1]).unwrap_err(),
            AppError::UploadTooLarge { .. }
        ));
    }
}
