//! Admin screens: products and categories, batches and their codes, code lookup and reversal,
//! campaigns with the earning preview, manual adjustments, the audit log. Every form is a plain
//! HTML form posting to its server function, so it works before (or without) WASM.

use super::campaigns::{
    AuditRow, CampaignRow, PreviewAward, SaveCampaign, audit_log, list_campaigns,
};
use super::catalog::{
    CategoryRow, ImportProducts, ProductRow, SaveCategory, SaveProduct, list_categories,
    list_products,
};
use super::codes::{
    AdjustPoints, BatchRow, CreateBatch, ReverseClaim, SetBatchStatus, VoidCode, get_batch,
    list_batches, lookup_code,
};
use crate::domain::{CodeStatus, iso_date};
use crate::earn::rules::{Effect, factor_text};
use crate::error::Field;
use crate::forms::Done;
use crate::forms::FieldNote;
use crate::i18n::{Lang, T};
use crate::ui::{
    AdminShell, ErrorNote, ErrorPanel, Loading, OtherLanguages, action_error, use_lang,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

mod adjust;
mod campaigns;
mod catalog;
mod codes;

pub use adjust::{AdminAdjustPage, AdminAuditPage};
pub use campaigns::AdminCampaignsPage;
pub use catalog::AdminProductsPage;
pub use codes::{AdminBatchPage, AdminBatchesPage, AdminCodesPage};

/// The end of an edit form: its error, a "Saved." note, and the Save button.
#[component]
fn SaveFooter<S>(action: ServerAction<S>) -> impl IntoView
where
    S: leptos::server_fn::ServerFn<Error = crate::error::AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    let lang = use_lang();
    view! {
        <ErrorNote error=action_error(action) />
        <Done action=action text=T::Saved />
        <button type="submit" class="primary">
            {T::Save.text(lang)}
        </button>
    }
}
