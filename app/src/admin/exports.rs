//! Files admins download or print: the product CSV, a batch's code CSV, and a batch's A4 label
//! sheet (one QR per code, the human-readable code under it). Plain HTTP handlers, admins only.

use super::{catalog, codes};
use crate::domain::Role;
use crate::earn::code::UnitCode;
use crate::state::{AppState, RequestContext};
use axum::Extension;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

fn admin_only(ctx: &RequestContext) -> Result<(), Response> {
    match &ctx.user {
        Some(u) if u.role == Role::Admin => Ok(()),
        Some(_) => Err(failed(crate::error::AppError::Forbidden)),
        None => Err(signed_out(ctx, "/admin/sign-in")),
    }
}

/// A download asked for without a session: a browser is sent to `sign_in` (303), a script gets
/// the JSON error (401), as the server functions answer.
pub(crate) fn signed_out(ctx: &RequestContext, sign_in: &str) -> Response {
    if ctx.browser {
        axum::response::Redirect::to(sign_in).into_response()
    } else {
        failed(crate::error::AppError::NotSignedIn)
    }
}

/// The JSON error with its status, as every server function answers it.
pub(crate) fn failed(e: crate::error::AppError) -> Response {
    let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, axum::Json(e)).into_response()
}

pub(crate) fn download(body: String, filename: &str) -> Response {
    let mut r = body.into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

/// `GET /admin/products.csv`
pub async fn products_csv(
    State(state): State<AppState>,
    Extension(ctx): Extension<RequestContext>,
) -> Response {
    if let Err(r) = admin_only(&ctx) {
        return r;
    }
    match catalog::db::export_csv(&state.db).await {
        Ok(csv) => download(csv, "products.csv"),
        Err(e) => failed(e),
    }
}

/// `GET /admin/batches/{id}/codes.csv`
pub async fn batch_csv(
    State(state): State<AppState>,
    Extension(ctx): Extension<RequestContext>,
    Path(id): Path<i64>,
) -> Response {
    if let Err(r) = admin_only(&ctx) {
        return r;
    }
    match codes::db::codes_csv(&state.db, id).await {
        Ok(csv) => download(csv, &format!("batch-{id}-codes.csv")),
        Err(e) => failed(e),
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The QR code for a label, as inline SVG: the site's claim address for this code, so a phone's own
/// camera app opens the claim page with the code filled in.
pub fn qr_svg(public_url: &str, code: &UnitCode) -> Option<String> {
    qr_svg_of(&format!("{public_url}/c/{}", code.as_str()))
}

/// Any short text (a link) as an inline SVG QR code.
pub fn qr_svg_of(data: &str) -> Option<String> {
    let qr =
        qrcode::QrCode::with_error_correction_level(data.as_bytes(), qrcode::EcLevel::M).ok()?;
    Some(
        qr.render::<qrcode::render::svg::Color>()
            .min_dimensions(120, 120)
            .quiet_zone(true)
            .build(),
    )
}

/// `GET /admin/batches/{id}/labels`: an A4 sheet, 3 × 7 labels per page, print-ready.
pub async fn labels(
    State(state): State<AppState>,
    Extension(ctx): Extension<RequestContext>,
    Path(id): Path<i64>,
) -> Response {
    if let Err(r) = admin_only(&ctx) {
        return r;
    }
    let detail = match codes::db::batch(&state.db, id, codes::MAX_BATCH).await {
        Ok(d) => d,
        Err(e) => return failed(e),
    };
    let b = &detail.batch;
    let mut cells = String::new();
    for c in &detail.codes {
        let code = match UnitCode::parse(&c.code) {
            Ok(code) => code,
            Err(_) => continue,
        };
        let svg = qr_svg(&state.settings.public_url, &code).unwrap_or_default();
        cells.push_str(&format!(
            "<figure class=\"label\">{svg}<figcaption><strong>{}</strong><span>{}</span></figcaption></figure>",
            escape(&code.grouped()),
            escape(&b.product),
        ));
    }
    let html = format!(
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Labels · batch {id} · {product}</title>
<style>
@page {{ size: A4; margin: 10mm; }}
* {{ box-sizing: border-box; }}
body {{ font: 14px/1.3 system-ui, sans-serif; margin: 0; padding: 12px; color: #111; }}
header {{ margin-bottom: 12px; }}
header p {{ margin: 4px 0; color: #444; }}
.sheet {{ display: grid; grid-template-columns: repeat(3, 1fr); gap: 4mm; }}
.label {{ margin: 0; border: 1px dashed #bbb; padding: 3mm; text-align: center; break-inside: avoid; height: 37mm; display: flex; flex-direction: column; align-items: center; justify-content: center; }}
.label svg {{ width: 24mm; height: 24mm; }}
.label figcaption {{ display: flex; flex-direction: column; }}
.label strong {{ font: 600 11px/1.2 ui-monospace, monospace; letter-spacing: .04em; }}
.label span {{ font-size: 9px; color: #444; }}
@media print {{ header {{ display: none; }} body {{ padding: 0; }} .label {{ border-color: #ddd; }} }}
@media (max-width: 600px) {{ .sheet {{ grid-template-columns: repeat(2, 1fr); }} }}
</style></head><body>
<header><h1>Batch {id}: {product} ({sku})</h1><p>{size} codes · status {status}. Print on A4 (3 × 7 per page); each QR opens the claim page with the code filled in.</p>
<p><a href="/admin/batches/{id}">Back to the batch</a> · <a href="/admin/batches/{id}/codes.csv">Codes as CSV</a></p></header>
<main class="sheet" data-testid="label-sheet">{cells}</main></body></html>"#,
        product = escape(&b.product),
        sku = escape(&b.sku),
        size = b.size,
        status = escape(&b.status),
    );
    let mut r = html.into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    r
}

/// `GET /admin/orders.csv?status=…&kind=…`: the fulfilment queue for the supplier, filtered as on
/// the orders screen. An unknown filter value is refused (422), not ignored.
pub async fn orders_csv(
    State(state): State<AppState>,
    Extension(ctx): Extension<RequestContext>,
    uri: axum::http::Uri,
) -> Response {
    use crate::domain::{OrderStatus, RewardKind};
    use crate::error::{AppError, Field};
    if let Err(r) = admin_only(&ctx) {
        return r;
    }
    let (mut status, mut kind) = (None, None);
    for pair in uri.query().unwrap_or("").split('&') {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        match (k, v) {
            (_, "") => {}
            ("status", v) => match OrderStatus::parse(v) {
                Some(s) => status = Some(s),
                None => {
                    return failed(AppError::Invalid {
                        field: Field::Status,
                    });
                }
            },
            ("kind", v) => match RewardKind::parse(v) {
                Some(k) => kind = Some(k),
                None => return failed(AppError::Invalid { field: Field::Kind }),
            },
            _ => {}
        }
    }
    match crate::shop::admin::db::orders_csv(&state.db, status, kind).await {
        Ok(csv) => download(csv, "orders.csv"),
        Err(e) => failed(e),
    }
}
