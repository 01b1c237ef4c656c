//! Reward pictures: `POST /admin/rewards/{id}/image` (a multipart form with one `image` field).
//! The file must be a PNG, JPEG or WebP picture of at most [`MAX_BYTES`]; it is decoded (so a
//! renamed file or a decompression bomb is refused), stored under the data folder with a content
//! hash in its name, and shrunk to a [`THUMB_PX`] thumbnail for the catalog. Admins only.

use crate::call::Call;
use crate::error::AppError;
use crate::session::RequestContext;
use crate::state::AppState;
use axum::Extension;
use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use std::io::Cursor;

pub const MAX_BYTES: usize = 2 * 1024 * 1024;
pub const THUMB_PX: u32 = 192;
/// The most the upload route reads at all: an oversized picture up to this is read to the end and
/// answered with a clear "too large"; beyond it the connection is cut.
pub const BODY_LIMIT: usize = 32 * 1024 * 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Picture {
    Png,
    Jpeg,
    Webp,
}

impl Picture {
    /// What the first bytes say the file is; `None` for anything but our three formats.
    pub fn sniff(bytes: &[u8]) -> Option<Picture> {
        if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(Picture::Png)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(Picture::Jpeg)
        } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
            Some(Picture::Webp)
        } else {
            None
        }
    }

    pub fn ext(self) -> &'static str {
        match self {
            Picture::Png => "png",
            Picture::Jpeg => "jpg",
            Picture::Webp => "webp",
        }
    }

    fn format(self) -> image::ImageFormat {
        match self {
            Picture::Png => image::ImageFormat::Png,
            Picture::Jpeg => image::ImageFormat::Jpeg,
            Picture::Webp => image::ImageFormat::WebP,
        }
    }
}

/// Checks an uploaded file and makes its thumbnail (JPEG). CPU-bound: call it off the async
/// threads.
pub fn check_and_thumbnail(bytes: &[u8]) -> Result<(Picture, Vec<u8>), AppError> {
    if bytes.len() > MAX_BYTES {
        return Err(AppError::UploadTooLarge {
            max_kb: (MAX_BYTES / 1024) as i64,
        });
    }
    let kind = Picture::sniff(bytes).ok_or(AppError::NotAnImage)?;
    let mut reader = image::ImageReader::with_format(Cursor::new(bytes), kind.format());
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(6_000);
    limits.max_image_height = Some(6_000);
    limits.max_alloc = Some(160 * 1024 * 1024);
    reader.limits(limits);
    let picture = reader.decode().map_err(|_| AppError::NotAnImage)?;
    let thumb = picture.thumbnail(THUMB_PX, THUMB_PX).to_rgb8();
    let mut out = Cursor::new(Vec::new());
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 80)
        .encode_image(&thumb)
        .map_err(|e| {
            tracing::error!(error = %e, "thumbnail encoding failed");
            AppError::Internal
        })?;
    Ok((kind, out.into_inner()))
}

fn wants_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("application/json"))
}

/// A browser's plain form post goes back to the reward's edit screen (with `upload_error=<code>`
/// when refused); a script gets JSON and the status.
fn answer(headers: &HeaderMap, id: i64, result: Result<String, AppError>) -> Response {
    if wants_json(headers) {
        return match result {
            Ok(image) => axum::Json(serde_json::json!({ "image": image })).into_response(),
            Err(e) => e.into_response(),
        };
    }
    match result {
        Ok(_) => Redirect::to(&format!("/admin/rewards?edit={id}&uploaded=1")).into_response(),
        Err(e) => Redirect::to(&format!(
            "/admin/rewards?edit={id}&upload_error={}",
            e.code()
        ))
        .into_response(),
    }
}

/// The picture in the multipart form's field `name`, at most `max` bytes. A larger one is read
/// to the end (up to the route's body limit), so the browser finishes sending and gets the clear
/// "too large" rather than a reset connection; a form without the field, an empty file or a body
/// that is not multipart is "not an image". Shared by every picture upload.
pub async fn read_picture(
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
    name: &str,
    max: usize,
) -> Result<Vec<u8>, AppError> {
    let too_large = AppError::UploadTooLarge {
        max_kb: (max / 1024) as i64,
    };
    let mut multipart = multipart.map_err(|_| AppError::NotAnImage)?;
    let read_error = |e: axum::extract::multipart::MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            too_large.clone()
        } else {
            AppError::NotAnImage
        }
    };
    while let Some(mut field) = multipart.next_field().await.map_err(read_error)? {
        if field.name() != Some(name) {
            continue;
        }
        let mut buf = Vec::new();
        let mut over = false;
        while let Some(chunk) = field.chunk().await.map_err(read_error)? {
            if over || buf.len() + chunk.len() > max {
                over = true;
                buf = Vec::new();
            } else {
                buf.extend_from_slice(&chunk);
            }
        }
        if over {
            return Err(too_large);
        }
        if buf.is_empty() {
            return Err(AppError::NotAnImage);
        }
        return Ok(buf);
    }
    Err(AppError::NotAnImage)
}

/// `POST /admin/rewards/{id}/image`
pub async fn upload(
    State(state): State<AppState>,
    Extension(ctx): Extension<RequestContext>,
    Path(id): Path<i64>,
    headers: HeaderMap,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Response {
    // A script's upload: a refusal is its JSON error (401/403), never a redirect.
    let call = match Call::from_parts(ctx, state, crate::call::ADMINS) {
        Ok(call) => call,
        Err(e) => return e.into_response(),
    };
    let result = async {
        let bytes = axum::body::Bytes::from(read_picture(multipart, "image", MAX_BYTES).await?);
        let db = call.db().clone();
        super::admin::service::reward(&db, id).await?;
        let work = bytes.clone();
        let (kind, thumb) = tokio::task::spawn_blocking(move || check_and_thumbnail(&work))
            .await
            .map_err(|_| AppError::Internal)??;
        let hash = {
            use sha2::Digest;
            hex::encode(&sha2::Sha256::digest(&bytes)[..8])
        };
        let dir = call.settings().media_dir.join("rewards");
        let name = format!("{id}-{hash}");
        let write = |path: std::path::PathBuf, data: Vec<u8>| async move {
            tokio::fs::write(&path, data).await.map_err(|e| {
                tracing::error!(error = %e, path = %path.display(), "could not store a picture");
                AppError::Internal
            })
        };
        tokio::fs::create_dir_all(&dir).await.map_err(|e| {
            tracing::error!(error = %e, "could not make the media folder");
            AppError::Internal
        })?;
        write(dir.join(format!("{name}.{}", kind.ext())), bytes.to_vec()).await?;
        write(dir.join(format!("{name}-thumb.jpg")), thumb).await?;
        let url = format!("/media/rewards/{name}.{}", kind.ext());
        super::admin::service::set_image(
            &db,
            Some(call.user.id),
            id,
            &url,
            crate::state::unix_now(),
        )
        .await?;
        Ok(url)
    }
    .await;
    answer(&headers, id, result)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(w: u32, h: u32) -> Vec<u8> {
        let img = image::RgbImage::from_pixel(w, h, image::Rgb([10, 120, 90]));
        let mut out = Cursor::new(Vec::new());
        img.write_to(&mut out, image::ImageFormat::Png).unwrap();
        out.into_inner()
    }

    #[test]
    fn pictures_are_sniffed_decoded_and_shrunk() {
        let (kind, thumb) = check_and_thumbnail(&png(640, 320)).unwrap();
        assert_eq!(kind, Picture::Png);
        let t = image::load_from_memory(&thumb).unwrap();
        assert_eq!((t.width(), t.height()), (THUMB_PX, THUMB_PX / 2));
    }

    #[test]
    fn anything_else_is_refused_with_a_reason() {
        assert_eq!(
            check_and_thumbnail(b"%PDF-1.7 not a picture").unwrap_err(),
            AppError::NotAnImage
        );
        // The right first bytes, then garbage: decoding catches it.
        let mut fake = b"\x89PNG\r\n\x1a\n".to_vec();
        fake.extend_from_slice(&[0u8; 100]);
        assert_eq!(
            check_and_thumbnail(&fake).unwrap_err(),
            AppError::NotAnImage
        );
        let big = vec![0u8; MAX_BYTES + 1];
        assert!(matches!(
            check_and_thumbnail(&big).unwrap_err(),
            AppError::UploadTooLarge { .. }
        ));
    }
}
