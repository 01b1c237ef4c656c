//! The document shell and the route table.

use crate::auth::{AdminSignInPage, SignInPage, VerifyCodePage};
use crate::earn::admin::{
    AdminAdjustPage, AdminAuditPage, AdminBatchPage, AdminBatchesPage, AdminCampaignsPage,
    AdminCodesPage, AdminHomePage, AdminProductsPage,
};
use crate::earn::{HistoryPage, ScanPage};
use crate::home::HomePage;
use crate::i18n::T;
use crate::org::{
    AdminCompaniesPage, AdminCompanyPage, InvitePage, JoinPage, JoinVerifyPage, MemberPage,
    TeamInvitesPage, TeamPage,
};
use crate::profile::ProfilePage;
use crate::receipt::admin::{AdminReceiptPage, AdminReceiptsPage};
use crate::receipt::{ClaimPurchasePage, MyClaimPage, MyClaimsPage, TeamReceiptsPage};
use crate::shop::{
    AdminOrderPage, AdminOrdersPage, AdminRewardsPage, OrderPage, OrdersPage, RewardPage, ShopPage,
};
use crate::ui::{NotFound, Session, initial_lang};
use leptos::prelude::*;
use leptos_meta::{MetaTags, Title, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Outlet, ParentRoute, Route, Router, Routes},
    path,
};

pub fn shell(options: LeptosOptions) -> impl IntoView {
    let lang = initial_lang();
    // The response's nonce: the Content-Security-Policy runs no inline script without it.
    let nonce = leptos::nonce::use_nonce().map(|n| n.to_string());
    view! {
        <!DOCTYPE html>
        <html lang=lang.code() dir=lang.dir()>
            <head>
                <meta charset="utf-8" />
                <meta
                    name="viewport"
                    content="width=device-width, initial-scale=1, viewport-fit=cover"
                />
                <meta name="theme-color" content="#0f5c4d" />
                // The program's time zone's offset now, for the dates the browser writes.
                <meta
                    name="ww-zone-offset"
                    content=crate::format::zone_offset_now(crate::ui::now_secs()).to_string()
                />
                <meta name="description" content=T::ManifestDescription.text(lang) />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <link rel="manifest" href=format!("/manifest.webmanifest?lang={}", lang.code()) />
                <link rel="apple-touch-icon" href="/icons/apple-touch-icon.png" />
                <link rel="stylesheet" href=stylesheet_href(&options) />
                // The phone's queue of scans waiting for signal; runs before the app starts.
                <script defer src="/queue.js"></script>
                <AutoReload options=options.clone() />
                <script type="module" nonce=nonce inner_html=hydration_script(&options)></script>
                <MetaTags />
            </head>
            <body>
                <App />
                // The service worker, the update and install bars (`public/pwa.js`), in the
                // page's language.
                <script
                    defer
                    src="/pwa.js"
                    data-update=T::UpdateAvailable.text(lang)
                    data-reload=T::ReloadNow.text(lang)
                    data-offer=T::InstallOffer.text(lang)
                    data-install=T::InstallNow.text(lang)
                    data-later=T::NotNow.text(lang)
                ></script>
            </body>
        </html>
    }
}

/// What cargo-leptos `hash-files` (see Cargo.toml) wrote beside the server binary (`hash.txt`:
/// lines such as `css: <hash>`), read once per process; `None` for a build without hashed names.
#[cfg(feature = "ssr")]
pub fn build_hashes(options: &LeptosOptions) -> Option<&'static str> {
    static HASHES: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    HASHES
        .get_or_init(|| {
            let exe = std::env::current_exe().ok()?;
            std::fs::read_to_string(exe.parent()?.join(&*options.hash_file)).ok()
        })
        .as_deref()
}

/// The built stylesheet; with hashed names it may be kept by browsers and the service worker for
/// good.
fn stylesheet_href(options: &LeptosOptions) -> String {
    build_file(options, "css", "css")
}

/// `/pkg/<name>.<hash>.<ext>` for the build file `kind` (`css`, `js`, `wasm` in `hash.txt`), or
/// `/pkg/<name>.<ext>` for a build without hashed names.
fn build_file(options: &LeptosOptions, kind: &str, ext: &str) -> String {
    let name = &options.output_name;
    #[cfg(feature = "ssr")]
    if let Some(hash) = build_hashes(options)
        .filter(|_| options.hash_files)
        .and_then(|h| {
            h.lines()
                .find_map(|l| l.trim().strip_prefix(kind)?.strip_prefix(':'))
        })
    {
        return format!("/{}/{name}.{}.{ext}", options.site_pkg_dir, hash.trim());
    }
    #[cfg(feature = "ssr")]
    if ext == "wasm" && option_env!("LEPTOS_OUTPUT_NAME").is_none() {
        // wasm-bindgen's own name, for a build made without cargo-leptos.
        return format!("/{}/{name}_bg.wasm", options.site_pkg_dir);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = kind;
    format!("/{}/{name}.{ext}", options.site_pkg_dir)
}

/// Starts the page's islands (the parts that run in the browser; see README, "Architecture") once
/// the page has loaded and the browser is idle: the server's finished page paints first, with
/// nothing of the app's code competing for the phone's signal before then (forms are plain HTML
/// forms and work in the meantime). `timeout` keeps a page that is never idle from staying without
/// them. A page without islands fetches no app code at all. `data-hydrated` on the body says the
/// page is as live as it will get (tests and the worker's keep wait for it).
fn hydration_script(options: &LeptosOptions) -> String {
    let js = build_file(options, "js", "js");
    let wasm = build_file(options, "wasm", "wasm");
    format!(
        r#"(function () {{
{decoder}
  window.workwellApp = ["{js}", "{wasm}"];
  function live() {{ document.body.setAttribute("data-hydrated", "true"); }}
  function start() {{
    var islands = document.querySelectorAll("leptos-island");
    if (!islands.length) return live();
    import("{js}").then(function (m) {{
      return m.default({{ module_or_path: "{wasm}" }}).then(function () {{
        m.hydrate();
        islands.forEach(function (el) {{
          var island = m[el.dataset.component];
          if (island) island(el);
        }});
        live();
      }});
    }});
  }}
  function idle() {{
    if ("requestIdleCallback" in window) requestIdleCallback(start, {{ timeout: 2000 }});
    else setTimeout(start, 1);
  }}
  if (document.readyState === "complete") idle();
  else addEventListener("load", idle, {{ once: true }});
}})();"#,
        decoder = decoder_loader(options),
    )
}

/// `workwellDecoder()`: fetches our barcode decoder (the `decoder` crate, built beside the app as
/// `decoder.<hash>.js` and `.wasm`) once, the first time the camera needs it; a failed fetch
/// (no signal) is tried again next time. Absent when the build has no decoder.
fn decoder_loader(options: &LeptosOptions) -> String {
    #[cfg(feature = "ssr")]
    if let Some(stem) = decoder_stem(options) {
        let dir = format!("/{}", options.site_pkg_dir);
        return format!(
            r#"  var decoder = null;
  window.workwellDecoder = function () {{
    decoder = decoder || import("{dir}/{stem}.js").then(function (m) {{
      return m.default({{ module_or_path: "{dir}/{stem}.wasm" }}).then(function () {{ return m; }});
    }}).catch(function (e) {{ decoder = null; throw e; }});
    return decoder;
  }};"#
        );
    }
    let _ = options;
    String::new()
}

/// `decoder.<hash>`, the decoder's files in the build folder (the build leaves one pair), found
/// once per process.
#[cfg(feature = "ssr")]
fn decoder_stem(options: &LeptosOptions) -> Option<&'static str> {
    static STEM: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    STEM.get_or_init(|| {
        let dir = std::path::Path::new(&*options.site_root).join(&*options.site_pkg_dir);
        std::fs::read_dir(dir).ok()?.find_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            let stem = name.strip_suffix(".js")?;
            let hash = stem.strip_prefix("decoder.")?;
            (!hash.is_empty() && !hash.contains('.')).then(|| stem.to_string())
        })
    })
    .as_deref()
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_context(initial_lang());
    crate::forms::provide();
    Session::provide();
    view! {
        <Title formatter=|text: String| {
            if text.is_empty() { "Workwell".to_string() } else { format!("{text} · Workwell") }
        } />
        <Router>
            <Routes fallback=NotFound>
                // Every page is rendered whole on the server (SsrMode::Async, set once here and
                // taken by every route below): a phone that has not loaded the WASM yet, or never
                // will, still gets the finished page and working forms.
                <ParentRoute path=path!("") view=Outlet ssr=SsrMode::Async>
                    <Route path=path!("/sign-in") view=SignInPage />
                    <Route path=path!("/sign-in/code") view=VerifyCodePage />
                    <Route path=path!("/admin/sign-in") view=AdminSignInPage />
                    <Route path=path!("/join") view=JoinPage />
                    <Route path=path!("/join/verify") view=JoinVerifyPage />
                    <Route path=path!("/join/:code") view=InvitePage />
                    <Route path=path!("/team") view=TeamPage />
                    <Route path=path!("/team/invites") view=TeamInvitesPage />
                    <Route path=path!("/team/receipts") view=TeamReceiptsPage />
                    <Route path=path!("/team/:id") view=MemberPage />
                    <Route path=path!("/admin/companies") view=AdminCompaniesPage />
                    <Route path=path!("/admin/companies/:id") view=AdminCompanyPage />
                    <Route path=path!("/admin") view=AdminHomePage />
                    <Route path=path!("/admin/products") view=AdminProductsPage />
                    <Route path=path!("/admin/batches") view=AdminBatchesPage />
                    <Route path=path!("/admin/batches/:id") view=AdminBatchPage />
                    <Route path=path!("/admin/codes") view=AdminCodesPage />
                    <Route path=path!("/admin/campaigns") view=AdminCampaignsPage />
                    <Route path=path!("/admin/adjust") view=AdminAdjustPage />
                    <Route path=path!("/admin/audit") view=AdminAuditPage />
                    <Route path=path!("/admin/rewards") view=AdminRewardsPage />
                    <Route path=path!("/admin/orders") view=AdminOrdersPage />
                    <Route path=path!("/admin/orders/:id") view=AdminOrderPage />
                    <Route path=path!("/admin/receipts") view=AdminReceiptsPage />
                    <Route path=path!("/admin/receipts/:id") view=AdminReceiptPage />
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/scan") view=ScanPage />
                    <Route path=path!("/c/:code") view=ScanPage />
                    <Route path=path!("/shop") view=ShopPage />
                    <Route path=path!("/shop/:id") view=RewardPage />
                    <Route path=path!("/orders") view=OrdersPage />
                    <Route path=path!("/orders/:id") view=OrderPage />
                    <Route path=path!("/history") view=HistoryPage />
                    <Route path=path!("/claims") view=MyClaimsPage />
                    <Route path=path!("/claims/new") view=ClaimPurchasePage />
                    <Route path=path!("/claims/:id") view=MyClaimPage />
                    <Route path=path!("/profile") view=ProfilePage />
                </ParentRoute>
            </Routes>
        </Router>
    }
}
