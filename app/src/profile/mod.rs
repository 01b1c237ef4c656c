//! The participant's own profile: who they are, the interface language, signing out.

use crate::auth::SignOut;
#[cfg(feature = "ssr")]
use crate::call::Call;
use crate::domain::{ParticipantKind, Role};
use crate::error::AppError;
use crate::i18n::{Lang, T};
use crate::ui::{
    ErrorNote, ErrorPanel, Loading, ParticipantShell, action_error, use_lang, use_session,
};
use leptos::prelude::*;
use leptos_meta::Title;

/// Remembers the interface language: on the profile when signed in, and in a cookie for the
/// sign-in pages. An empty value means "follow the browser".
#[server(prefix = "/api", endpoint = "profile/set_language")]
pub async fn set_language(lang: String) -> Result<(), AppError> {
    use crate::auth::{LANG_COOKIE, service, set_cookie};

    let call = Call::open()?;
    let lang = match lang.trim() {
        "" => None,
        code => Some(Lang::parse(code).ok_or(AppError::InvalidLanguage)?),
    };
    if let Some(user) = &call.ctx.user {
        service::set_language(call.db(), user.id, lang).await?;
    }
    match lang {
        Some(l) => set_cookie(LANG_COOKIE, l.code(), 365 * 24 * 3600),
        None => set_cookie(LANG_COOKIE, "", 0),
    }
    Ok(())
}

pub fn role_text(role: Role, kind: Option<ParticipantKind>) -> T {
    match (role, kind) {
        (Role::Admin, _) => T::RoleAdmin,
        (Role::PartnerManager, _) => T::RolePartnerManager,
        (Role::Participant, Some(ParticipantKind::Foreman)) => T::RoleForeman,
        (Role::Participant, Some(ParticipantKind::Engineer)) => T::RoleEngineer,
        (Role::Participant, _) => T::RoleSeller,
    }
}

#[component]
pub fn SignOutButton() -> impl IntoView {
    let lang = use_lang();
    let action = crate::forms::form_action::<SignOut>();
    view! {
        <ActionForm action=action>
            <button type="submit" class="secondary">{T::SignOut.text(lang)}</button>
        </ActionForm>
    }
}

#[component]
pub fn ProfilePage() -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let set_lang = crate::forms::form_action::<SetLanguage>();
    view! {
        <Title text=T::ProfileTitle.text(lang)/>
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
                                    <dd>{role_text(me.role, me.kind).text(lang)}</dd>
                                    <dt>{T::CompanyLabel.text(lang)}</dt>
                                    <dd>{me.company.clone().unwrap_or_else(|| "—".into())}</dd>
                                </dl>
                                <ActionForm action=set_lang>
                                    <div class="card stack">
                                        <label for="lang">{T::LanguageLabel.text(lang)}</label>
                                        <select id="lang" name="lang">
                                            <option value="" selected=chosen.is_none()>{T::LanguageAuto.text(lang)}</option>
                                            {Lang::ALL
                                                .into_iter()
                                                .map(|l| view! {
                                                    <option value=l.code() selected=chosen == Some(l)>{l.native_name()}</option>
                                                })
                                                .collect_view()}
                                        </select>
                                        <ErrorNote error=action_error(set_lang)/>
                                        <button type="submit" class="primary">{T::Save.text(lang)}</button>
                                    </div>
                                </ActionForm>
                                <SignOutButton/>
                            }
                                .into_any()
                        }
                        Ok(None) => view! { <ErrorPanel error=AppError::NotSignedIn/> }.into_any(),
                        Err(e) => view! { <ErrorPanel error=e/> }.into_any(),
                    }
                })}
            </Suspense>
        </ParticipantShell>
    }
}
