//! The HTTP surface: pages, server functions under `/api`, `/healthz`, static files, and the
//! middleware every request passes (request id, trace, session, security headers, compression).

use app::auth::service;
use app::i18n::Lang;
use app::session::RequestContext;
use app::session::{LANG_COOKIE, SESSION_COOKIE};
use app::state::{AppState, unix_now};
use app::{App, shell};
use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use leptos::prelude::provide_context;
use leptos_axum::{LeptosRoutes, generate_route_list, handle_server_fns_with_context};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

/// One file of the built site, which browsers must revalidate before each use.
fn revalidated(
    path: std::path::PathBuf,
) -> tower_http::set_header::SetResponseHeader<tower_http::services::ServeFile, HeaderValue> {
    use tower::Layer;
    SetResponseHeaderLayer::overriding(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"))
        .layer(tower_http::services::ServeFile::new(path))
}

/// The web app manifest in a language: the one in `?lang=` (the page's link names it, since a
/// browser fetches a manifest without cookies), else the request's. An unknown `lang` is a 422.
async fn manifest(
    axum::extract::RawQuery(query): axum::extract::RawQuery,
    axum::Extension(ctx): axum::Extension<RequestContext>,
) -> Result<Response, app::error::AppError> {
    let asked = query
        .as_deref()
        .unwrap_or("")
        .split('&')
        .find_map(|p| p.strip_prefix("lang="));
    let lang = match asked {
        None => ctx.lang,
        Some(code) => Lang::parse(code)
            .filter(|l| l.code() == code)
            .ok_or(app::error::AppError::InvalidLanguage)?,
    };
    Ok((
        [
            (header::CONTENT_TYPE, "application/manifest+json"),
            (header::CACHE_CONTROL, "no-cache"),
            (header::CONTENT_LANGUAGE, lang.code()),
        ],
        app::install::manifest(lang),
    )
        .into_response())
}

/// The page shown without signal, in the language of the person whose worker keeps it (the
/// worker fetches it again when the language of their pages changes).
async fn offline_page(axum::Extension(ctx): axum::Extension<RequestContext>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
            (header::VARY, "Cookie, Accept-Language"),
        ],
        app::install::offline_page(ctx.lang),
    )
        .into_response()
}

#[derive(Clone)]
pub struct HttpOptions {
    /// Take the client address from `X-Forwarded-For` (only behind a trusted proxy).
    pub trust_proxy: bool,
}

pub fn router(state: AppState, opts: HttpOptions) -> Router {
    let routes = generate_route_list(App);
    let request_id = HeaderName::from_static("x-request-id");
    let context_state = state.clone();
    let site = std::path::PathBuf::from(&*state.leptos_options.site_root);
    let mut security = vec![
        ("x-content-type-options", "nosniff"),
        ("x-frame-options", "DENY"),
        ("referrer-policy", "strict-origin-when-cross-origin"),
        (
            "permissions-policy",
            "camera=(self), microphone=(), geolocation=()",
        ),
    ];
    if state.settings.secure_cookies {
        security.push((
            "strict-transport-security",
            "max-age=31536000; includeSubDomains",
        ));
    }
    let mut app = Router::new()
        .route(
            "/api/{*fn_name}",
            get(server_fn_handler).post(server_fn_handler),
        )
        .route("/healthz", get(healthz))
        .route(
            "/admin/products.csv",
            get(app::earn::admin::exports::products_csv),
        )
        .route(
            "/admin/batches/{id}/codes.csv",
            get(app::earn::admin::exports::batch_csv),
        )
        .route(
            "/admin/orders.csv",
            get(app::earn::admin::exports::orders_csv),
        )
        .route("/team/staff.csv", get(app::org::export::staff_csv))
        .route(
            "/admin/rewards/{id}/image",
            axum::routing::post(app::shop::media::upload).layer(
                axum::extract::DefaultBodyLimit::max(app::shop::media::BODY_LIMIT),
            ),
        )
        .route(
            "/claims/{id}/photos",
            axum::routing::post(app::receipt::photos::upload).layer(
                axum::extract::DefaultBodyLimit::max(app::receipt::photos::BODY_LIMIT),
            ),
        )
        .route("/claims/photos/{id}", get(app::receipt::photos::show))
        .route(
            "/claims/photos/{id}/thumb",
            get(app::receipt::photos::show_thumb),
        )
        // The built CSS, JS and WASM, served directly rather than through the framework's fallback
        // (which can copy another request's status, such as a 403 page's, onto the file it serves).
        // Names with a content hash are kept for a year; any other is revalidated (→ 304).
        .nest_service(
            "/pkg",
            Router::new()
                .fallback_service(
                    tower_http::services::ServeDir::new(
                        std::path::Path::new(&*state.leptos_options.site_root).join("pkg"),
                    )
                    // The copies compressed once at start-up (see `precompress`).
                    .precompressed_br()
                    .precompressed_gzip(),
                )
                .layer(middleware::from_fn(pkg_cache)),
        )
        // The installable app's files, served directly for the same reason. The worker and the
        // manifest must be re-checked on every visit so a new version is found at once.
        .route_service("/sw.js", revalidated(site.join("sw.js")))
        .route_service("/queue.js", revalidated(site.join("queue.js")))
        .route_service("/pwa.js", revalidated(site.join("pwa.js")))
        .route("/manifest.webmanifest", get(manifest))
        .route("/offline.html", get(offline_page))
        .nest_service(
            "/icons",
            tower::ServiceBuilder::new()
                .layer(SetResponseHeaderLayer::overriding(
                    header::CACHE_CONTROL,
                    HeaderValue::from_static("public, max-age=86400"),
                ))
                .service(tower_http::services::ServeDir::new(site.join("icons"))),
        )
        // Uploaded pictures: names carry a content hash, so they never change and may be kept.
        .nest_service(
            "/media",
            tower::ServiceBuilder::new()
                .layer(SetResponseHeaderLayer::overriding(
                    header::CACHE_CONTROL,
                    HeaderValue::from_static("public, max-age=31536000, immutable"),
                ))
                .service(tower_http::services::ServeDir::new(
                    &state.settings.media_dir,
                )),
        )
        .route(
            "/admin/batches/{id}/labels",
            get(app::earn::admin::exports::labels),
        )
        .leptos_routes_with_context(
            &state,
            routes,
            move || provide_page_context(&context_state),
            {
                let options = state.leptos_options.clone();
                move || shell(options.clone())
            },
        )
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(
            {
                let s = state.clone();
                move || provide_page_context(&s)
            },
            shell,
        ))
        .layer(middleware::from_fn_with_state(state.clone(), server_fns))
        .layer(middleware::from_fn_with_state(
            (state.clone(), opts),
            request_context,
        ))
        .layer(middleware::from_fn(errors_take_their_status))
        .layer(middleware::from_fn(api_edge))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            same_site_only,
        ))
        .with_state(state);
    for (name, value) in security {
        app = app.layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        ));
    }
    // Responses without a page of ours (files, the health check) get the policy with no inline
    // script at all; pages get theirs, with this response's nonce, from `request_context`.
    if let Ok(csp) = HeaderValue::from_str(&content_security_policy(None)) {
        app = app.layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("content-security-policy"),
            csp,
        ));
    }
    app.layer(CompressionLayer::new())
        .layer(PropagateRequestIdLayer::new(request_id.clone()))
        .layer(TraceLayer::new_for_http().make_span_with(|req: &Request| {
            let id = req.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("-");
            tracing::info_span!("request", id = %id, method = %req.method(), path = %req.uri().path())
        }))
        .layer(SetRequestIdLayer::new(request_id, MakeRequestUuid))
}

/// What a page's render reads besides the framework's own: the app state, and this response's
/// script nonce (the framework's streaming scripts and the shell's carry it; `request_context`
/// puts the same one in the `Content-Security-Policy`).
fn provide_page_context(state: &AppState) {
    provide_context(state.clone());
    if let Some(ctx) = app::state::try_request_context() {
        provide_context(leptos::nonce::Nonce::from_value(ctx.nonce));
    }
}

/// The Content-Security-Policy: scripts only from this site, or inline with this response's
/// `nonce` (the page's start-up and install scripts, `app::app::shell`); WASM may be compiled.
/// Styles allow inline `style` attributes (progress bars and chart widths are set that way);
/// nothing else inline.
fn content_security_policy(nonce: Option<&str>) -> String {
    let inline = nonce.map_or(String::new(), |n| format!(" 'nonce-{n}'"));
    format!(
        "default-src 'self'; script-src 'self'{inline} 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; \
         img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; \
         form-action 'self'; object-src 'none'"
    )
}

/// Server functions the framework does not know (a mistyped endpoint): its own answer.
async fn server_fn_handler(State(state): State<AppState>, req: Request<Body>) -> Response {
    handle_server_fns_with_context(move || provide_context(state.clone()), req)
        .await
        .into_response()
}

/// Server functions run on a task of their own: a client that goes away mid-request (a phone
/// losing signal) must not cancel a write halfway through a transaction; the work finishes or
/// rolls back, and only the answer is lost.
///
/// This is a layer, not the `/api` route's handler: the framework registers a route of its own for
/// every server function, which takes precedence over a wildcard route.
async fn server_fns(State(state): State<AppState>, req: Request<Body>, next: Next) -> Response {
    if !req.uri().path().starts_with("/api/") {
        return next.run(req).await;
    }
    // A plain HTML form post (no JavaScript: it asks for HTML back) is answered with a redirect;
    // what it answered or what was typed travels to the next page in the flash cookie
    // (`app::forms`). Only such posts have their body read here.
    let form_post = req.method() == axum::http::Method::POST
        && accepts_html(req.headers())
        && req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    let path = req.uri().path().to_string();
    let (req, fields) = if form_post {
        let (parts, body) = req.into_parts();
        let Ok(bytes) = axum::body::to_bytes(body, FORM_BODY_LIMIT).await else {
            return app_error_response(&app::error::AppError::UploadTooLarge {
                max_kb: (FORM_BODY_LIMIT / 1024) as i64,
            });
        };
        let fields: Vec<(String, String)> = form_urlencoded_pairs(&bytes);
        (Request::from_parts(parts, Body::from(bytes)), Some(fields))
    } else {
        (req, None)
    };
    let settings = state.settings.clone();
    let work = tokio::spawn(next.run(req));
    let response = match work.await {
        Ok(response) => response,
        Err(e) => {
            tracing::error!(error = %e, "server function task failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    match fields {
        Some(fields) => with_flash(&settings, &path, fields, response).await,
        None => response,
    }
}

/// The edge of `/api`: what no server function should have to think about is answered here, with
/// the JSON error every client reads. After it, a request that reaches a server function is a
/// `POST` to a registered endpoint whose body is at most [`FORM_BODY_LIMIT`] bytes of UTF-8, with
/// no control character in any field but those that carry what a scanner read.
async fn api_edge(req: Request, next: Next) -> Response {
    use app::error::AppError;
    let path = req.uri().path();
    if !path.starts_with("/api/") {
        return next.run(req).await;
    }
    if !registered(path) {
        return app_error_response(&AppError::NotFound);
    }
    if req.method() != axum::http::Method::POST {
        let mut res = app_error_response(&AppError::MethodNotAllowed);
        res.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("POST"));
        return res;
    }
    let too_large = AppError::RequestTooLarge {
        max_kb: (FORM_BODY_LIMIT / 1024) as i64,
    };
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > FORM_BODY_LIMIT as u64) {
        return app_error_response(&too_large);
    }
    let endpoint = path["/api/".len()..].to_string();
    let form = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_none_or(|v| v.starts_with("application/x-www-form-urlencoded"));
    let (parts, body) = req.into_parts();
    use http_body_util::BodyExt;
    let bytes = match http_body_util::Limited::new(body, FORM_BODY_LIMIT)
        .collect()
        .await
    {
        Ok(collected) => collected.to_bytes(),
        Err(e) => {
            let over = e.is::<http_body_util::LengthLimitError>();
            return app_error_response(&if over {
                too_large
            } else {
                AppError::BadRequest {
                    detail: "the request body could not be read".into(),
                }
            });
        }
    };
    if let Err(e) = check_body(&endpoint, form, &bytes) {
        return app_error_response(&e);
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

/// `scheme://host[:port]` of a URL (an `Origin` is one already; a `Referer` is cut to it).
fn origin_of(url: &str) -> Option<&str> {
    let rest = url.find("://").map(|i| i + 3)?;
    let end = url[rest..]
        .find(['/', '?', '#'])
        .map_or(url.len(), |i| rest + i);
    (end > rest).then(|| &url[..end])
}

/// Whether `origin` is this site: the public URL's origin, or the address the request itself was
/// sent to (its `Host`), so the server is also usable on its own address.
fn is_own_origin(origin: &str, public_url: &str, host: Option<&str>) -> bool {
    let origin = origin.trim_end_matches('/');
    if origin_of(public_url).is_some_and(|o| o.eq_ignore_ascii_case(origin)) {
        return true;
    }
    host.is_some_and(|h| {
        origin.split_once("://").is_some_and(|(scheme, authority)| {
            matches!(scheme, "http" | "https") && authority.eq_ignore_ascii_case(h)
        })
    })
}

/// Cross-site requests are refused: a state-changing request (any method but GET, HEAD and
/// OPTIONS) whose `Origin` — or, when a browser sent none, `Referer` — is another site's answers
/// 403 `cross_site_request` before anything runs. A request with neither header is a script's,
/// not a page's (browsers send `Origin` on every cross-site POST), and passes; cookies are
/// `SameSite=Lax` besides. A redirect never leaves the site: an absolute `Location` to another
/// origin (the framework sends form posts back to their `Referer`) becomes its path.
async fn same_site_only(State(state): State<AppState>, req: Request, next: Next) -> Response {
    use axum::http::Method;
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let public_url = &state.settings.public_url;
    if !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        let header_text = |name| {
            req.headers()
                .get(name)
                .and_then(|v: &HeaderValue| v.to_str().ok())
        };
        let sent_by = match header_text(header::ORIGIN) {
            Some(origin) => Some(origin.to_string()),
            None => {
                header_text(header::REFERER).map(|r| origin_of(r).unwrap_or("null").to_string())
            }
        };
        if let Some(origin) = sent_by
            && !is_own_origin(&origin, public_url, host.as_deref())
        {
            tracing::warn!(origin = %origin, path = %req.uri().path(), "cross-site request refused");
            return app_error_response(&app::error::AppError::CrossSite);
        }
    }
    let mut res = next.run(req).await;
    let foreign = res
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|l| {
            origin_of(l).map(|o| (o.len(), is_own_origin(o, public_url, host.as_deref())))
        })
        .and_then(|(len, own)| (!own).then_some(len));
    if let Some(len) = foreign {
        let location = res.headers()[header::LOCATION].to_str().unwrap_or("/")[len..].to_string();
        let path = if location.starts_with('/') && !location.starts_with("//") {
            location
        } else {
            format!("/{}", location.trim_start_matches('/'))
        };
        if let Ok(v) = HeaderValue::from_str(&path) {
            res.headers_mut().insert(header::LOCATION, v);
        }
    }
    res
}

/// Whether `path` is a server function's (the framework's registry, read once).
fn registered(path: &str) -> bool {
    static PATHS: std::sync::OnceLock<std::collections::HashSet<String>> =
        std::sync::OnceLock::new();
    PATHS
        .get_or_init(|| {
            leptos::server_fn::axum::server_fn_paths()
                .map(|(p, _)| p.to_string())
                .collect()
        })
        .contains(path)
}

/// Fields that carry what a scanner read, where control characters are part of the text (a GS1
/// group separator) and the claim itself decides, counts and records a refusal.
fn carries_scanned_text(endpoint: &str, field: &str) -> bool {
    matches!(
        (endpoint, field),
        ("earn/claim", "code") | ("earn/claim_batch", "codes[]" | "codes")
    )
}

/// A body is text: UTF-8 once its percent escapes are decoded, and, in a form, no control
/// character (but tab and line breaks) in a field that does not carry scanned text.
fn check_body(endpoint: &str, form: bool, bytes: &[u8]) -> Result<(), app::error::AppError> {
    use app::error::AppError;
    let not_utf8 = || AppError::BadRequest {
        detail: "the request body is not valid UTF-8".into(),
    };
    if !form {
        return std::str::from_utf8(bytes)
            .map(|_| ())
            .map_err(|_| not_utf8());
    }
    let decode = |raw: &[u8]| -> Result<String, AppError> {
        let plus_as_space: Vec<u8> = raw
            .iter()
            .map(|&b| if b == b'+' { b' ' } else { b })
            .collect();
        let bytes: Vec<u8> = percent_encoding::percent_decode(&plus_as_space).collect();
        String::from_utf8(bytes).map_err(|_| not_utf8())
    };
    for pair in bytes.split(|&b| b == b'&').filter(|p| !p.is_empty()) {
        let (key, value) = match pair.iter().position(|&b| b == b'=') {
            Some(i) => (&pair[..i], &pair[i + 1..]),
            None => (pair, &pair[pair.len()..]),
        };
        let (key, value) = (decode(key)?, decode(value)?);
        let control =
            |s: &str| s.contains(|c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r'));
        if control(&key) || (control(&value) && !carries_scanned_text(endpoint, &key)) {
            return Err(AppError::ControlCharacter {
                input: app::domain::printable(&key, 64),
            });
        }
    }
    Ok(())
}

/// A form body larger than this is refused (CSV imports pasted into a form are the largest).
const FORM_BODY_LIMIT: usize = 2 * 1024 * 1024;

fn accepts_html(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"))
}

fn form_urlencoded_pairs(bytes: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(bytes)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn app_error_response(e: &app::error::AppError) -> Response {
    let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::BAD_REQUEST);
    (status, Json(e.clone())).into_response()
}

/// `location` with only its last `__path`/`__err` pair (the framework appends one per refusal).
fn latest_error_only(location: &str) -> String {
    let Some((base, query)) = location.split_once('?') else {
        return location.to_string();
    };
    let pairs: Vec<(String, String)> = form_urlencoded_pairs(query.as_bytes());
    let last = |key: &str| pairs.iter().rev().find(|(k, _)| k == key).cloned();
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs.iter().filter(|(k, _)| k != "__path" && k != "__err") {
        out.append_pair(k, v);
    }
    for (k, v) in [last("__path"), last("__err")].into_iter().flatten() {
        out.append_pair(&k, &v);
    }
    format!("{base}?{}", out.finish())
}

/// Sets the flash cookie on a form post's redirect: the refused form's fields (secrets left out)
/// when the answer carries an error in its `Location`, or the answer itself on success.
async fn with_flash(
    settings: &app::state::Settings,
    path: &str,
    fields: Vec<(String, String)>,
    response: Response,
) -> Response {
    use app::forms::{Flash, is_secret, ssr::encode, ssr::set_cookie_header};
    let refused = response
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|l| l.contains("__err="));
    if !response.status().is_redirection() {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    if refused {
        // A second refusal on the same page would add a second error to the address; only the
        // latest one is the answer.
        if let Some(location) = parts
            .headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .map(latest_error_only)
            .and_then(|l| HeaderValue::from_str(&l).ok())
        {
            parts.headers.insert(header::LOCATION, location);
        }
    }
    let bytes = axum::body::to_bytes(body, 64 * 1024)
        .await
        .unwrap_or_default();
    let flash = if refused {
        Flash {
            path: path.to_string(),
            ok: None,
            kept: fields
                .into_iter()
                .filter(|(k, _)| !is_secret(path, k))
                .collect(),
        }
    } else {
        // `()` answers are `null`: still a success, which "Done"/"Saved" notes need to know.
        Flash {
            path: path.to_string(),
            ok: Some(serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null)),
            kept: Vec::new(),
        }
    };
    if let Some(cookie) = encode(settings, &flash)
        .and_then(|v| HeaderValue::from_str(&set_cookie_header(settings, Some(&v))).ok())
    {
        parts.headers.append(header::SET_COOKIE, cookie);
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// Every server function's error gets its HTTP status here, once: the framework answers a failed
/// server function with 500 and the error (its `serverfnerror` header marks such answers); this reads
/// the error back and gives the answer the error's own status (404, 409, 422, …) and, when rate
/// limited, `Retry-After`. Arguments the framework could not read become 400. A plain HTML form
/// post is answered by the framework with a redirect back to the form, which this leaves alone.
async fn errors_take_their_status(req: Request, next: Next) -> Response {
    let api = req.uri().path().starts_with("/api/");
    let res = next.run(req).await;
    if !(api
        && res.status() == StatusCode::INTERNAL_SERVER_ERROR
        && res.headers().contains_key("serverfnerror"))
    {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let bytes = axum::body::to_bytes(body, 64 * 1024)
        .await
        .unwrap_or_default();
    if let Ok(e) = serde_json::from_slice::<app::error::AppError>(&bytes) {
        parts.status =
            StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        if let app::error::AppError::RateLimited { retry_after_secs } = e
            && let Ok(v) = HeaderValue::from_str(&retry_after_secs.to_string())
        {
            parts.headers.insert(header::RETRY_AFTER, v);
        }
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// Readiness: answers 200 only when the database answers.
async fn healthz(State(state): State<AppState>) -> Response {
    match sqlx::query_scalar::<_, i64>("SELECT 1")
        .fetch_one(&state.db.pool)
        .await
    {
        Ok(_) => Json(serde_json::json!({"status": "ok", "database": "ok"})).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "health check: database unreachable");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(serde_json::json!({"status": "error", "database": "unreachable"})),
            )
                .into_response()
        }
    }
}

pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
        .filter(|v| !v.is_empty())
}

fn client_ip(req: &Request, trust_proxy: bool) -> IpAddr {
    let forwarded = trust_proxy
        .then(|| {
            req.headers()
                .get("x-forwarded-for")?
                .to_str()
                .ok()?
                .split(',')
                .next()?
                .trim()
                .parse()
                .ok()
        })
        .flatten();
    forwarded
        .or_else(|| {
            req.extensions()
                .get::<ConnectInfo<SocketAddr>>()
                .map(|c| c.0.ip())
        })
        .unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST))
}

async fn pkg_cache(req: Request, next: Next) -> Response {
    let hashed = is_hashed_asset(req.uri().path());
    let mut res = next.run(req).await;
    if res.status().is_success() {
        let cache = if hashed {
            "public, max-age=31536000, immutable"
        } else {
            "no-cache"
        };
        res.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
        // The answer depends on what the browser accepts (a precompressed copy or the file).
        res.headers_mut()
            .insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    res
}

/// A built file whose name carries its content hash (`workwell.3kP…Q.wasm`): it never changes.
pub fn is_hashed_asset(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let mut parts = name.rsplit('.');
    let (Some(ext), Some(hash), Some(_stem)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    matches!(ext, "js" | "wasm" | "css")
        && hash.len() >= 10
        && hash
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Resolves the session cookie once per request and decides the language, so pages and server
/// functions read both from the request instead of asking the database again.
async fn request_context(
    State((state, opts)): State<(AppState, HttpOptions)>,
    mut req: Request,
    next: Next,
) -> Response {
    let path = req.uri().path();
    // The build, the app's own static files (each an explicit route) and the health check need no
    // session: no database lookup for them. (The manifest and the offline page are in the
    // person's language, so they do.)
    if path.starts_with("/pkg/")
        || path.starts_with("/icons/")
        || matches!(path, "/healthz" | "/sw.js" | "/queue.js" | "/pwa.js")
    {
        return next.run(req).await;
    }
    let mut user = None;
    let mut session_hash = None;
    if let Some(token) = cookie(req.headers(), SESSION_COOKIE) {
        let token = app::session::SessionToken::from_cookie(token);
        match service::load_session(&state.db, &state.settings, &token, unix_now()).await {
            Ok(Some((u, hash))) => {
                user = Some(u);
                session_hash = Some(hash);
            }
            Ok(None) => {}
            Err(e) => {
                tracing::warn!(error = %e, "session lookup failed; treating the request as signed out")
            }
        }
    }
    let lang = user
        .as_ref()
        .and_then(|u| u.lang)
        .or_else(|| cookie(req.headers(), LANG_COOKIE).and_then(Lang::parse))
        .or_else(|| {
            req.headers()
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Lang::from_accept_language)
        })
        .unwrap_or_default();
    let ip = client_ip(&req, opts.trust_proxy);
    let browser = accepts_html(req.headers());
    // 122 random bits, fresh for every response.
    let nonce = uuid::Uuid::new_v4().simple().to_string();
    req.extensions_mut().insert(RequestContext {
        user,
        session_hash,
        lang,
        ip,
        browser,
        nonce: nonce.clone(),
    });
    let mut res = next.run(req).await;
    if let Ok(csp) = HeaderValue::from_str(&content_security_policy(Some(&nonce))) {
        res.headers_mut()
            .insert(HeaderName::from_static("content-security-policy"), csp);
    }
    // The service worker compares it with its offline page's to keep that page in this language.
    res.headers_mut()
        .entry(header::CONTENT_LANGUAGE)
        .or_insert(HeaderValue::from_static(lang.code()));
    res
}

#[cfg(test)]
mod tests {
    use super::{is_hashed_asset, is_own_origin, latest_error_only, origin_of};

    #[test]
    fn only_this_sites_origins_are_its_own() {
        let public = "https://loyalty.example.com";
        assert_eq!(
            origin_of("https://a.example/x?y"),
            Some("https://a.example")
        );
        assert_eq!(
            origin_of("http://127.0.0.1:3100"),
            Some("http://127.0.0.1:3100")
        );
        assert_eq!(origin_of("/relative"), None);
        assert!(is_own_origin("https://loyalty.example.com", public, None));
        assert!(is_own_origin(
            "http://127.0.0.1:3000",
            public,
            Some("127.0.0.1:3000")
        ));
        assert!(!is_own_origin(
            "http://evil.example",
            public,
            Some("127.0.0.1:3000")
        ));
        assert!(!is_own_origin("null", public, Some("127.0.0.1:3000")));
        assert!(!is_own_origin(
            "https://loyalty.example.com.evil.example",
            public,
            None
        ));
        assert!(!is_own_origin(
            "ftp://127.0.0.1:3000",
            public,
            Some("127.0.0.1:3000")
        ));
    }

    #[test]
    fn a_repeated_refusal_leaves_one_error_in_the_address() {
        assert_eq!(
            latest_error_only("http://x/shop/3?a=1&__path=p&__err=old&__path=p&__err=new"),
            "http://x/shop/3?a=1&__path=p&__err=new"
        );
        assert_eq!(latest_error_only("http://x/shop/3"), "http://x/shop/3");
    }

    #[test]
    fn only_content_hashed_build_files_are_kept_for_good() {
        assert!(is_hashed_asset("/workwell.Zq3vW9xkP0aB-_cd.wasm"));
        assert!(is_hashed_asset("/pkg/workwell.Zq3vW9xkP0aB.css"));
        assert!(is_hashed_asset("/__wasm_split.Zq3vW9xkP0aBcdEf.js"));
        assert!(!is_hashed_asset("/workwell.wasm"));
        assert!(!is_hashed_asset("/workwell_bg.wasm"));
        assert!(!is_hashed_asset("/workwell.short.js"));
        assert!(!is_hashed_asset("/manifest.Zq3vW9xkP0aB.json"));
        assert!(!is_hashed_asset("/../etc.Zq3vW9xkP0aB!.js"));
    }
}
