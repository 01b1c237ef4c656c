//! The document shell and the route table.

use crate::auth::{AdminSignInPage, SignInPage, VerifyCodePage};
use crate::earn::{HomePage, ScanPage};
use crate::routes as lazy;
use crate::ui::{NotFound, Session, initial_lang};
use leptos::prelude::*;
use leptos_meta::{MetaTags, Title, provide_meta_context};
use leptos_router::{
    Lazy, SsrMode,
    components::{Route, Router, Routes},
    path,
};

pub fn shell(options: LeptosOptions) -> impl IntoView {
    let lang = initial_lang();
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover"/>
                <meta name="theme-color" content="#0f5c4d"/>
                <meta name="description" content="Workwell — bonus points for the people who sell and install our products."/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <link rel="manifest" href="/manifest.webmanifest"/>
                <link rel="apple-touch-icon" href="/icons/apple-touch-icon.png"/>
                <link rel="stylesheet" href=stylesheet_href(&options)/>
                // The phone's queue of scans waiting for signal; runs before the app starts.
                <script defer src="/queue.js"></script>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
                <script inner_html=pwa_script(lang)></script>
            </body>
        </html>
    }
}

/// The built stylesheet. With cargo-leptos `hash-files` (see Cargo.toml) its name carries a content
/// hash, written to `hash.txt` beside the server binary, so browsers and the service worker may keep
/// it for good.
fn stylesheet_href(options: &LeptosOptions) -> String {
    let name = &options.output_name;
    #[cfg(feature = "ssr")]
    if options.hash_files {
        let hashes = std::env::current_exe()
            .ok()
            .and_then(|exe| exe.parent().map(|dir| dir.join(&*options.hash_file)))
            .and_then(|path| std::fs::read_to_string(path).ok())
            .unwrap_or_default();
        if let Some(hash) = hashes.lines().find_map(|l| l.trim().strip_prefix("css:")) {
            return format!("/{}/{name}.{}.css", options.site_pkg_dir, hash.trim());
        }
    }
    format!("/{}/{name}.css", options.site_pkg_dir)
}

/// Registers the service worker (`public/sw.js`) and, when a new version of the app has been
/// deployed and is waiting, offers "Update available — reload". The bar is added after the app's
/// own nodes, so it never disturbs hydration. Without JavaScript none of this runs.
fn pwa_script(lang: crate::i18n::Lang) -> String {
    use crate::i18n::T;
    let js = |t: T| {
        t.text(lang)
            .replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('<', "\\u003c")
    };
    format!(
        r#"(function () {{
  if (!("serviceWorker" in navigator)) return;
  var controlled = !!navigator.serviceWorker.controller;
  navigator.serviceWorker.addEventListener("controllerchange", function () {{ if (controlled) location.reload(); }});
  function offer(worker) {{
    var bar = document.createElement("div");
    bar.className = "update-bar";
    bar.setAttribute("role", "status");
    var text = document.createElement("span");
    text.textContent = "{update}";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "primary";
    button.textContent = "{reload}";
    button.onclick = function () {{ worker.postMessage("skip-waiting"); }};
    bar.append(text, button);
    document.body.appendChild(bar);
  }}
  // Where the browser offers installing (Android Chrome, desktop Chromium), offer it in the app,
  // once, until declined ("Not now" is remembered on this phone).
  var installEvent = null;
  addEventListener("beforeinstallprompt", function (e) {{
    e.preventDefault();
    installEvent = e;
    try {{ if (localStorage.getItem("workwell-install-declined")) return; }} catch (_) {{}}
    if (document.querySelector(".install-bar")) return;
    var bar = document.createElement("div");
    bar.className = "update-bar install-bar";
    bar.setAttribute("role", "dialog");
    bar.setAttribute("aria-label", "{install}");
    var text = document.createElement("span");
    text.textContent = "{offer}";
    var later = document.createElement("button");
    later.type = "button";
    later.className = "secondary";
    later.textContent = "{later}";
    later.onclick = function () {{
      try {{ localStorage.setItem("workwell-install-declined", "1"); }} catch (_) {{}}
      bar.remove();
    }};
    var install = document.createElement("button");
    install.type = "button";
    install.className = "primary";
    install.textContent = "{install}";
    install.onclick = function () {{
      bar.remove();
      if (installEvent) {{ installEvent.prompt(); installEvent = null; }}
    }};
    bar.append(text, later, install);
    document.body.appendChild(bar);
  }});
  addEventListener("appinstalled", function () {{
    var bar = document.querySelector(".install-bar");
    if (bar) bar.remove();
  }});
  addEventListener("load", function () {{
    navigator.serviceWorker.register("/sw.js").then(function (reg) {{
      navigator.serviceWorker.ready.then(function (ready) {{
        var urls = performance.getEntriesByType("resource").map(function (e) {{ return e.name; }})
          .filter(function (u) {{ return u.indexOf("/pkg/") >= 0; }});
        if (ready.active) ready.active.postMessage({{ type: "keep", urls: urls }});
      }});
      if (reg.waiting && controlled) offer(reg.waiting);
      reg.addEventListener("updatefound", function () {{
        var worker = reg.installing;
        if (worker) worker.addEventListener("statechange", function () {{
          if (worker.state === "installed" && controlled) offer(worker);
        }});
      }});
    }});
  }});
}})();"#,
        update = js(T::UpdateAvailable),
        offer = js(T::InstallOffer),
        install = js(T::InstallNow),
        later = js(T::NotNow),
        reload = js(T::ReloadNow),
    )
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_context(initial_lang());
    Session::provide();
    // Every page is rendered whole on the server (SsrMode::Async): a phone that has not loaded the
    // WASM yet, or never will, still gets the finished page and working forms.
    let ssr = SsrMode::Async;
    view! {
        <Title formatter=|text: String| if text.is_empty() { "Workwell".to_string() } else { format!("{text} · Workwell") }/>
        <Router>
            <Routes fallback=NotFound>
                <Route path=path!("/sign-in") view=SignInPage ssr=ssr.clone()/>
                <Route path=path!("/sign-in/code") view=VerifyCodePage ssr=ssr.clone()/>
                <Route path=path!("/admin/sign-in") view=AdminSignInPage ssr=ssr.clone()/>
                <Route path=path!("/join") view={Lazy::<lazy::Join>::new()} ssr=ssr.clone()/>
                <Route path=path!("/join/verify") view={Lazy::<lazy::JoinVerify>::new()} ssr=ssr.clone()/>
                <Route path=path!("/join/:code") view={Lazy::<lazy::Invite>::new()} ssr=ssr.clone()/>
                <Route path=path!("/team") view={Lazy::<lazy::Team>::new()} ssr=ssr.clone()/>
                <Route path=path!("/team/invites") view={Lazy::<lazy::TeamInvites>::new()} ssr=ssr.clone()/>
                <Route path=path!("/team/:id") view={Lazy::<lazy::Member>::new()} ssr=ssr.clone()/>
                <Route path=path!("/admin/companies") view={Lazy::<lazy::AdminCompanies>::new()} ssr=ssr.clone()/>
                <Route path=path!("/admin/companies/:id") view={Lazy::<lazy::AdminCompany>::new()} ssr=ssr.clone()/>
                <Route path=path!("/admin") view={Lazy::<lazy::AdminHome>::new()} ssr=ssr.clone()/>
                <Route path=path!("/admin/products") view={Lazy::<lazy::AdminProducts>::new()} ssr=ssr.clone()/>
                <Route path=path!("/admin/batches") view={Lazy::<lazy::AdminBatches>::new()} ssr=ssr.clone()/>
                <Route path=path!("/admin/batches/:id") view={Lazy::<lazy::AdminBatch>::new()} ssr=ssr.clone()/>
                <Route path=path!("/admin/codes") view={Lazy::<lazy::AdminCodes>::new()} ssr=ssr.clone()/>
                <Route path=path!("/admin/campaigns") view={Lazy::<lazy::AdminCampaigns>::new()} ssr=ssr.clone()/>
                <Route path=path!("/admin/adjust") view={Lazy::<lazy::AdminAdjust>::new()} ssr=ssr.clone()/>
                <Route path=path!("/admin/audit") view={Lazy::<lazy::AdminAudit>::new()} ssr=ssr.clone()/>
                <Route path=path!("/admin/rewards") view={Lazy::<lazy::AdminRewards>::new()} ssr=ssr.clone()/>
                <Route path=path!("/admin/orders") view={Lazy::<lazy::AdminOrders>::new()} ssr=ssr.clone()/>
                <Route path=path!("/admin/orders/:id") view={Lazy::<lazy::AdminOrder>::new()} ssr=ssr.clone()/>
                <Route path=path!("/") view=HomePage ssr=ssr.clone()/>
                <Route path=path!("/scan") view=ScanPage ssr=ssr.clone()/>
                <Route path=path!("/c/:code") view=ScanPage ssr=ssr.clone()/>
                <Route path=path!("/shop") view={Lazy::<lazy::Shop>::new()} ssr=ssr.clone()/>
                <Route path=path!("/shop/:id") view={Lazy::<lazy::Reward>::new()} ssr=ssr.clone()/>
                <Route path=path!("/orders") view={Lazy::<lazy::Orders>::new()} ssr=ssr.clone()/>
                <Route path=path!("/orders/:id") view={Lazy::<lazy::Order>::new()} ssr=ssr.clone()/>
                <Route path=path!("/history") view={Lazy::<lazy::History>::new()} ssr=ssr.clone()/>
                <Route path=path!("/profile") view={Lazy::<lazy::Profile>::new()} ssr=ssr/>
            </Routes>
        </Router>
    }
}
