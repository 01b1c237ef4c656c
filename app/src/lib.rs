//! Workwell: the Leptos application shared by the server (SSR + server functions) and the browser
//! (hydration). Areas live in their own folders and are used the same way everywhere:
//! `auth` (sign-in, sessions), `earn` (balance, ledger), `shop`, `org` (partner companies, staff),
//! `admin`; `ui` holds the shells and shared
//! components, `domain` the parsed input types, `i18n` every user-facing string.

// A server function takes one argument per field of its form (that is how a plain HTML form
// posts to it), so a long form is a long argument list.
#![allow(clippy::too_many_arguments)]
// The claim screen's view is one deep type; the compiler needs more room to lay it out.
#![recursion_limit = "256"]

pub mod app;
#[cfg(feature = "ssr")]
pub mod audit;
pub mod auth;
#[cfg(feature = "ssr")]
pub mod call;
pub mod content;
pub mod domain;
pub mod earn;
pub mod error;
pub mod files;
pub mod format;
pub mod forms;
pub mod home;
pub mod i18n;
#[cfg(feature = "ssr")]
pub mod install;
#[cfg(feature = "ssr")]
pub mod limits;
pub mod org;
pub mod profile;
pub mod receipt;
pub mod session;
#[cfg(feature = "ssr")]
pub mod settings;
pub mod shop;
#[cfg(feature = "ssr")]
pub mod state;
pub mod ui;

pub use app::{App, shell};

/// Starts the islands (the parts of a page that run in the browser; see README, "Architecture").
/// The page script (`hydration_script` in app.rs) calls this, then each island's own start.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Dates the browser writes are in the program's time zone, as the server's are.
    if let Some(offset) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name=ww-zone-offset]").ok().flatten())
        .and_then(|m| m.get_attribute("content"))
        .and_then(|c| c.parse::<i64>().ok())
    {
        format::set_zone(format::Zone::Fixed(offset));
    }
    leptos::mount::hydrate_islands();
}
