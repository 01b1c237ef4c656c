//! The participant's own profile: who they are, the interface language, signing out.

mod pages;

pub use pages::ProfilePage;

#[cfg(feature = "ssr")]
use crate::call::Call;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::i18n::Lang;
use leptos::prelude::*;

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
