//! The shells every screen sits in and the small components they share.

mod icons;
mod shells;

pub use shells::{AdminShell, ParticipantShell};

use crate::auth::SessionUser;
use crate::error::AppError;
use crate::i18n::{Lang, T};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// The language this page is rendered in: decided on the server per request (profile setting,
/// cookie, then `Accept-Language`) and read back from `<html lang>` in the browser.
pub fn initial_lang() -> Lang {
    #[cfg(feature = "ssr")]
    {
        crate::state::try_request_context()
            .map(|c| c.lang)
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        document()
            .document_element()
            .and_then(|e| e.get_attribute("lang"))
            .and_then(|l| Lang::parse(&l))
            .unwrap_or_default()
    }
}

/// Unix seconds now, on either side.
pub fn now_secs() -> i64 {
    #[cfg(feature = "ssr")]
    {
        crate::state::unix_now()
    }
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        (js_sys::Date::now() / 1000.0) as i64
    }
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        0
    }
}

pub use crate::i18n::use_lang;

/// Who is signed in, asked once per page render and shared by the shells and screens.
#[derive(Clone, Copy)]
pub struct Session {
    pub me: Resource<Result<Option<SessionUser>, AppError>>,
}

impl Session {
    pub fn provide() -> Session {
        let me = Resource::new(|| (), |_| crate::auth::current_user());
        let session = Session { me };
        provide_context(session);
        session
    }
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}

/// The numeric `:id` of the current route (0 when it is missing or not a number, which the server
/// answers with "not found").
pub fn use_id_param() -> impl Fn() -> i64 + Copy + Send + Sync + 'static {
    let params = leptos_router::hooks::use_params_map();
    move || {
        params
            .read()
            .get("id")
            .and_then(|i| i.parse::<i64>().ok())
            .unwrap_or(0)
    }
}

/// The error an action ended with, if any (from the last call, or from the URL after a plain
/// form post without WASM).
pub fn action_error<S>(action: ServerAction<S>) -> Signal<Option<AppError>>
where
    S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    Signal::derive(move || action.value().get().and_then(|r| r.err()))
}

#[component]
pub fn ErrorNote(#[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    let lang = use_lang();
    move || {
        error.get().map(|e| {
            view! {
                <p class="note error" role="alert" data-code=e.code()>
                    {e.message(lang)}
                </p>
            }
        })
    }
}

/// An error in place of a screen's content, with a way forward.
#[component]
pub fn ErrorPanel(error: AppError) -> impl IntoView {
    let lang = use_lang();
    let signed_out = error == AppError::NotSignedIn;
    view! {
        <div class="panel">
            <p class="note error" role="alert" data-code=error.code()>
                {error.message(lang)}
            </p>
            {signed_out
                .then(|| {
                    view! {
                        <a class="button" href="/sign-in">
                            {T::SignInTitle.text(lang)}
                        </a>
                    }
                })}
        </div>
    }
}

/// The six-digit code from the text message, as the sign-in and joining forms ask for it.
#[component]
pub fn OtpField() -> impl IntoView {
    let lang = use_lang();
    view! {
        <label for="code">{T::CodeLabel.text(lang)}</label>
        <input
            id="code"
            name="code"
            class="otp"
            inputmode="numeric"
            autocomplete="one-time-code"
            pattern="[0-9 ]{6,7}"
            maxlength="7"
            required
            autofocus
        />
    }
}

#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <p class="loading" aria-live="polite">
            {T::Loading.text(use_lang())}
        </p>
    }
}

/// "English · Русский": one small form per language, usable before WASM loads.
#[component]
pub fn LanguagePicker() -> impl IntoView {
    let lang = use_lang();
    let action = crate::forms::form_action::<crate::profile::SetLanguage>();
    view! {
        <nav class="languages" aria-label=T::LanguageLabel.text(lang)>
            {Lang::ALL
                .into_iter()
                .map(|l| {
                    view! {
                        <ActionForm action=action>
                            <input type="hidden" name="lang" value=l.code() />
                            <button
                                type="submit"
                                class="link"
                                aria-pressed=(l == lang).to_string()
                                lang=l.code()
                            >
                                {l.native_name()}
                            </button>
                        </ActionForm>
                    }
                })
                .collect_view()}
        </nav>
    }
}

#[component]
pub fn Brand() -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="brand">
            <icons::Logo />
            <div>
                <strong>{T::AppName.text(lang)}</strong>
                <span>{T::Tagline.text(lang)}</span>
            </div>
        </div>
    }
}

/// A page that stands alone (not found, refused): sets the HTTP status while rendering on the
/// server, and offers the way back.
#[component]
pub fn StatusPage(
    status: u16,
    title: T,
    #[prop(optional)] children: Option<Children>,
    #[prop(default = T::NavHome)] back: T,
) -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let (Some(opts), Ok(code)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        axum::http::StatusCode::from_u16(status),
    ) {
        opts.set_status(code);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = status;
    let lang = use_lang();
    view! {
        <main class="auth">
            <Brand />
            <h1>{title.text(lang)}</h1>
            {children.map(|c| c())}
            <a class="button" href="/">
                {back.text(lang)}
            </a>
        </main>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    view! { <StatusPage status=404 title=T::NotFoundTitle /> }
}

/// Ends the session (a plain form: it works before the WASM loads).
#[component]
pub fn SignOutButton() -> impl IntoView {
    let lang = use_lang();
    let action = crate::forms::form_action::<crate::auth::SignOut>();
    view! {
        <ActionForm action=action>
            <button type="submit" class="secondary">
                {T::SignOut.text(lang)}
            </button>
        </ActionForm>
    }
}

/// A translatable field's texts in the languages besides the default, under the main field: one
/// input per language (named `{name}_in[fr]`…), folded away, with the languages still missing
/// named on the fold so the admin sees them without opening it.
#[component]
pub fn OtherLanguages(
    /// The main field's form name: `title` gives `title_in[ru]`.
    name: &'static str,
    texts: crate::content::InLanguages,
    multiline: bool,
    max: usize,
) -> impl IntoView {
    let lang = use_lang();
    let missing = texts.missing();
    let state = if missing.is_empty() {
        T::AllLanguagesDone.text(lang).to_string()
    } else {
        let names: Vec<&str> = missing.iter().map(|l| l.native_name()).collect();
        T::MissingLanguages.with(lang, &[("langs", &names.join(", "))])
    };
    let default = crate::content::DEFAULT_LANG;
    let summary_class = if missing.is_empty() {
        "muted small"
    } else {
        "warn small"
    };
    view! {
        <details class="wide other-languages" data-testid=format!("{name}-languages")>
            <summary>
                {T::InOtherLanguages.text(lang)} " · "
                <span class=summary_class data-testid="missing-languages">
                    {state}
                </span>
            </summary>
            <p class="muted small">
                {T::DefaultLanguageHint.with(lang, &[("lang", default.native_name())])}
            </p>
            {Lang::ALL
                .into_iter()
                .filter(move |l| *l != default)
                .map(|l| {
                    let field = format!("{name}_in[{}]", l.code());
                    let value = texts.get(l).unwrap_or_default().to_string();
                    let max = max.to_string();
                    let input = if multiline {
                        view! {
                            <textarea name=field rows="2" maxlength=max lang=l.code()>
                                {value}
                            </textarea>
                        }
                            .into_any()
                    } else {
                        view! { <input name=field maxlength=max value=value lang=l.code() /> }
                            .into_any()
                    };
                    view! { <label>{l.native_name()} {input}</label> }
                })
                .collect_view()}
        </details>
    }
}
