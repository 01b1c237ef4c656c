//! The Profile screen: who the person is, the language they read, and signing out.

use super::SetLanguage;
use crate::error::AppError;
use crate::i18n::{Lang, T};
use crate::ui::{
    ErrorNote, ErrorPanel, Loading, ParticipantShell, SignOutButton, action_error, use_lang,
    use_session,
};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ProfilePage() -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let set_lang = crate::forms::form_action::<SetLanguage>();
    view! {
        <Title text=T::ProfileTitle.text(lang) />
        <ParticipantShell>
            <h1>{T::ProfileTitle.text(lang)}</h1>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match session.me.await {
                        Ok(Some(me)) => {
                            let chosen = me.lang;
                            view! {
                                <dl class="card facts">
                                    <dt>{T::NavProfile.text(lang)}</dt>
                                    <dd>{me.name.clone()}</dd>
                                    <dt>{T::RoleLabel.text(lang)}</dt>
                                    <dd>{me.role.label_for(me.kind).text(lang)}</dd>
                                    <dt>{T::CompanyLabel.text(lang)}</dt>
                                    <dd>{me.company.clone().unwrap_or_else(|| "—".into())}</dd>
                                </dl>
                                <ActionForm action=set_lang>
                                    <div class="card stack">
                                        <label for="lang">{T::LanguageLabel.text(lang)}</label>
                                        <select id="lang" name="lang">
                                            <option value="" selected=chosen.is_none()>
                                                {T::LanguageAuto.text(lang)}
                                            </option>
                                            {Lang::ALL
                                                .into_iter()
                                                .map(|l| {
                                                    view! {
                                                        <option value=l.code() selected=chosen == Some(l)>
                                                            {l.native_name()}
                                                        </option>
                                                    }
                                                })
                                                .collect_view()}
                                        </select>
                                        <ErrorNote error=action_error(set_lang) />
                                        <button type="submit" class="primary">
                                            {T::Save.text(lang)}
                                        </button>
                                    </div>
                                </ActionForm>
                                <SignOutButton />
                            }
                                .into_any()
                        }
                        Ok(None) => view! { <ErrorPanel error=AppError::NotSignedIn /> }.into_any(),
                        Err(e) => view! { <ErrorPanel error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </ParticipantShell>
    }
}
