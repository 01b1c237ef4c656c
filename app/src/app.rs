//! The document shell and the route table.

use crate::admin::{
    AdminAdjustPage, AdminAuditPage, AdminBatchPage, AdminBatchesPage, AdminCampaignsPage,
    AdminCodesPage, AdminHomePage, AdminProductsPage,
};
use crate::auth::{AdminSignInPage, SignInPage, VerifyCodePage};
use crate::earn::{HistoryPage, HomePage, ScanPage};
use crate::org::{
    AdminCompaniesPage, AdminCompanyPage, InvitePage, JoinPage, JoinVerifyPage, MemberPage,
    TeamInvitesPage, TeamPage,
};
use crate::profile::ProfilePage;
use crate::shop::{
    AdminOrderPage, AdminOrdersPage, AdminRewardsPage, OrderPage, OrdersPage, RewardPage, ShopPage,
};
use crate::ui::{NotFound, Session, initial_lang};
use leptos::prelude::*;
use leptos_meta::{MetaTags, Stylesheet, Title, provide_meta_context};
use leptos_router::{
    SsrMode,
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
  addEventListener("load", function () {{
    navigator.serviceWorker.register("/sw.js").then(function (reg) {{
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
        <Stylesheet id="leptos" href="/pkg/workwell.css"/>
        <Title formatter=|text: String| if text.is_empty() { "Workwell".to_string() } else { format!("{text} · Workwell") }/>
        <Router>
            <Routes fallback=NotFound>
                <Route path=path!("/sign-in") view=SignInPage ssr=ssr.clone()/>
                <Route path=path!("/sign-in/code") view=VerifyCodePage ssr=ssr.clone()/>
                <Route path=path!("/admin/sign-in") view=AdminSignInPage ssr=ssr.clone()/>
                <Route path=path!("/join") view=JoinPage ssr=ssr.clone()/>
                <Route path=path!("/join/verify") view=JoinVerifyPage ssr=ssr.clone()/>
                <Route path=path!("/join/:code") view=InvitePage ssr=ssr.clone()/>
                <Route path=path!("/team") view=TeamPage ssr=ssr.clone()/>
                <Route path=path!("/team/invites") view=TeamInvitesPage ssr=ssr.clone()/>
                <Route path=path!("/team/:id") view=MemberPage ssr=ssr.clone()/>
                <Route path=path!("/admin/companies") view=AdminCompaniesPage ssr=ssr.clone()/>
                <Route path=path!("/admin/companies/:id") view=AdminCompanyPage ssr=ssr.clone()/>
                <Route path=path!("/admin") view=AdminHomePage ssr=ssr.clone()/>
                <Route path=path!("/admin/products") view=AdminProductsPage ssr=ssr.clone()/>
                <Route path=path!("/admin/batches") view=AdminBatchesPage ssr=ssr.clone()/>
                <Route path=path!("/admin/batches/:id") view=AdminBatchPage ssr=ssr.clone()/>
                <Route path=path!("/admin/codes") view=AdminCodesPage ssr=ssr.clone()/>
                <Route path=path!("/admin/campaigns") view=AdminCampaignsPage ssr=ssr.clone()/>
                <Route path=path!("/admin/adjust") view=AdminAdjustPage ssr=ssr.clone()/>
                <Route path=path!("/admin/audit") view=AdminAuditPage ssr=ssr.clone()/>
                <Route path=path!("/admin/rewards") view=AdminRewardsPage ssr=ssr.clone()/>
                <Route path=path!("/admin/orders") view=AdminOrdersPage ssr=ssr.clone()/>
                <Route path=path!("/admin/orders/:id") view=AdminOrderPage ssr=ssr.clone()/>
                <Route path=path!("/") view=HomePage ssr=ssr.clone()/>
                <Route path=path!("/scan") view=ScanPage ssr=ssr.clone()/>
                <Route path=path!("/c/:code") view=ScanPage ssr=ssr.clone()/>
                <Route path=path!("/shop") view=ShopPage ssr=ssr.clone()/>
                <Route path=path!("/shop/:id") view=RewardPage ssr=ssr.clone()/>
                <Route path=path!("/orders") view=OrdersPage ssr=ssr.clone()/>
                <Route path=path!("/orders/:id") view=OrderPage ssr=ssr.clone()/>
                <Route path=path!("/history") view=HistoryPage ssr=ssr.clone()/>
                <Route path=path!("/profile") view=ProfilePage ssr=ssr/>
            </Routes>
        </Router>
    }
}
