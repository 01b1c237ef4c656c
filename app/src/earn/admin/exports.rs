//! Files admins download or print: the product CSV, a batch's code CSV, and a batch's A4 label
//! sheet (one QR per code, the human-readable code under it). Plain HTTP handlers, admins only.

use super::{catalog, codes};
use crate::call::{ADMINS, Call, Refused};
use crate::earn::code::UnitCode;
use crate::session::RequestContext;
use crate::state::AppState;
use axum::Extension;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

/// `GET /admin/products.csv`
pub async fn products_csv(
    State(state): State<AppState>,
    Extension(ctx): Extension<RequestContext>,
) -> Result<Response, Refused> {
    let call = Call::for_handler(ctx, state, ADMINS, "/admin/sign-in")?;
    let csv = catalog::db::export_csv(call.db()).await?;
    Ok(crate::files::download(csv, "products.csv"))
}

/// `GET /admin/batches/{id}/codes.csv`
pub async fn batch_csv(
    State(state): State<AppState>,
    Extension(ctx): Extension<RequestContext>,
    Path(id): Path<i64>,
) -> Result<Response, Refused> {
    let call = Call::for_handler(ctx, state, ADMINS, "/admin/sign-in")?;
    let csv = codes::db::codes_csv(call.db(), id).await?;
    Ok(crate::files::download(
        csv,
        &format!("batch-{id}-codes.csv"),
    ))
}

/// `GET /admin/batches/{id}/labels`: an A4 sheet, 3 × 7 labels per page, print-ready.
pub async fn labels(
    State(state): State<AppState>,
    Extension(ctx): Extension<RequestContext>,
    Path(id): Path<i64>,
) -> Result<Response, Refused> {
    let call = Call::for_handler(ctx, state, ADMINS, "/admin/sign-in")?;
    let detail = codes::db::batch(call.db(), id, codes::MAX_BATCH).await?;
    let b = &detail.batch;
    let mut cells = String::new();
    for c in &detail.codes {
        let code = match UnitCode::parse(&c.code) {
            Ok(code) => code,
            Err(_) => continue,
        };
        let svg = crate::files::qr_svg(&call.settings().public_url, &code).unwrap_or_default();
        cells.push_str(&format!(
            "<figure class=\"label\">{svg}<figcaption><strong>{}</strong><span>{}</span></figcaption></figure>",
            crate::files::html_escape(&code.grouped()),
            crate::files::html_escape(&b.product),
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
        product = crate::files::html_escape(&b.product),
        sku = crate::files::html_escape(&b.sku),
        size = b.size,
        status = crate::files::html_escape(b.status.as_str()),
    );
    let mut r = html.into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    Ok(r)
}

/// `GET /admin/orders.csv?status=…&kind=…`: the fulfilment queue for the supplier, filtered as on
/// the orders screen. An unknown filter value is refused (422), not ignored.
pub async fn orders_csv(
    State(state): State<AppState>,
    Extension(ctx): Extension<RequestContext>,
    uri: axum::http::Uri,
) -> Result<Response, Refused> {
    use crate::domain::{OrderStatus, RewardKind};
    use crate::error::{AppError, Field};
    let call = Call::for_handler(ctx, state, ADMINS, "/admin/sign-in")?;
    let (mut status, mut kind) = (None, None);
    for pair in uri.query().unwrap_or("").split('&') {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        match (k, v) {
            (_, "") => {}
            ("status", v) => match OrderStatus::parse(v) {
                Some(s) => status = Some(s),
                None => {
                    return Err(AppError::Invalid {
                        field: Field::Status,
                    }
                    .into());
                }
            },
            ("kind", v) => match RewardKind::parse(v) {
                Some(k) => kind = Some(k),
                None => return Err(AppError::Invalid { field: Field::Kind }.into()),
            },
            _ => {}
        }
    }
    let csv = crate::shop::admin::service::orders_csv(call.db(), status, kind).await?;
    Ok(crate::files::download(csv, "orders.csv"))
}
