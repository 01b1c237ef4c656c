//! Workwell: the Leptos application shared by the server (SSR + server functions) and the browser
//! (hydration). Areas live in their own folders and are used the same way everywhere:
//! `auth` (sign-in, sessions), `earn` (balance, ledger), `shop`, `org` (partner companies, staff),
//! `admin`; `ui` holds the shells and shared
//! components, `domain` the parsed input types, `i18n` every user-facing string.

pub mod admin;
pub mod app;
pub mod auth;
pub mod domain;
pub mod earn;
pub mod error;
pub mod i18n;
#[cfg(feature = "ssr")]
pub mod limits;
pub mod org;
pub mod profile;
mod routes;
pub mod shop;
#[cfg(feature = "ssr")]
pub mod state;
pub mod ui;

pub use app::{App, shell};

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        leave_for_missing_piece(&info.to_string());
    }));
    // Asynchronous hydration: a screen in a lazily loaded piece of the bundle (see `routes.rs`)
    // is fetched first, then hydrated.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    leptos::task::spawn_local(async {
        let Some(body) = leptos::prelude::document().body() else {
            return;
        };
        leptos::mount::hydrate_from_async(body.clone(), App)
            .await
            .forget();
        // A marker for tests and scripts: the page is interactive now.
        let _ = body.set_attribute("data-hydrated", "true");
    });
}

/// A screen whose piece of the bundle could not be fetched (no signal, and the phone did not keep
/// it) stops the app: Leptos' lazy route has no way to fail gently. Once the app has been running,
/// the person was going somewhere by a link, so the page goes there the ordinary way instead: the
/// phone's copy of that page, or the offline page, rather than a screen that no longer answers.
/// (The page's start-up script, `hydration_script` in app.rs, notes the last link tapped, as
/// `workwellTarget`; for a move by the back button, or one the app made itself, the page is loaded
/// afresh. The text matched is what the split loader panics with; `end2end/tests/offline.spec.ts`
/// notices if it changes.)
#[cfg(feature = "hydrate")]
fn leave_for_missing_piece(message: &str) {
    if !message.contains("load callback should succeed") {
        return;
    }
    let window = leptos::prelude::window();
    let Some(body) = window.document().and_then(|d| d.body()) else {
        return;
    };
    if !body.has_attribute("data-hydrated") {
        // Starting on this page: its server-made copy stays, and its links work without the app.
        return;
    }
    let target = js_sys::Reflect::get(&window, &"workwellTarget".into())
        .ok()
        .and_then(|t| t.as_string());
    let location = window.location();
    match target {
        // A link tapped earlier and already followed is no guide to where this move was going.
        Some(href) if location.href().ok().as_ref() != Some(&href) => _ = location.assign(&href),
        _ => _ = location.reload(),
    }
}
