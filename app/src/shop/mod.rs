//! The hobby shop: rewards for participants' free time, paid in points.

use crate::i18n::T;
use crate::ui::{ParticipantShell, use_lang};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ShopPage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <Title text=T::ShopTitle.text(lang)/>
        <ParticipantShell>
            <h1>{T::ShopTitle.text(lang)}</h1>
            <p class="card">{T::ShopComing.text(lang)}</p>
        </ParticipantShell>
    }
}
