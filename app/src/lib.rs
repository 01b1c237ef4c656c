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
    console_error_panic_hook::set_once();
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
