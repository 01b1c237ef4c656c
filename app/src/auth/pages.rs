//! Sign-in screens. Each is a plain HTML form posting to its server function, so it works before
//! (or without) WASM; once hydrated the same forms submit without a page load.

use super::{AdminSignIn, RequestCode, VerifyCode};
use crate::i18n::T;
use crate::ui::{Brand, ErrorNote, LanguagePicker, OtpField, action_error, use_lang};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SignInPage() -> impl IntoView {
    let lang = use_lang();
    let action = crate::forms::form_action::<RequestCode>();
    // A refused number comes back as typed, marked and focused, so one wrong digit is one edit.
    let kept = crate::forms::Kept::of(action);
    view! {
        <Title text=T::SignInTitle.text(lang) />
        <main class="auth">
            <Brand />
            <h1>{T::SignInTitle.text(lang)}</h1>
            <p class="lead">{T::SignInLead.text(lang)}</p>
            <ActionForm action=action>
                <div class="stack">
                    <label for="phone">{T::PhoneLabel.text(lang)}</label>
                    <input
                        id="phone"
                        name="phone"
                        type="tel"
                        inputmode="tel"
                        autocomplete="tel"
                        required
                        placeholder="+7 900 123-45-67"
                        aria-describedby="phone-hint"
                        value=kept.or("phone", "")
                        aria-invalid=kept.refused().then_some("true")
                        autofocus=kept.refused()
                    />
                    <small id="phone-hint">{T::PhoneHint.text(lang)}</small>
                    <ErrorNote error=action_error(action) />
                    <button type="submit" class="primary" disabled=move || action.pending().get()>
                        {T::SendCode.text(lang)}
                    </button>
                </div>
            </ActionForm>
            <footer class="auth-footer">
                <a href="/join">{T::JoinLink.text(lang)}</a>
                <a href="/admin/sign-in">{T::AdminLink.text(lang)}</a>
                <LanguagePicker />
            </footer>
        </main>
    }
}

#[component]
pub fn VerifyCodePage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let phone = move || query.read().get("phone").unwrap_or_default();
    let verify = crate::forms::form_action::<VerifyCode>();
    let resend = crate::forms::form_action::<RequestCode>();
    view! {
        <Title text=T::CodeTitle.text(lang) />
        <main class="auth">
            <Brand />
            <h1>{T::CodeTitle.text(lang)}</h1>
            <p class="lead">{move || T::CodeLead.with(lang, &[("phone", &phone())])}</p>
            <ActionForm action=verify>
                <div class="stack">
                    <input type="hidden" name="phone" value=phone />
                    <OtpField />
                    <ErrorNote error=action_error(verify) />
                    <button type="submit" class="primary" disabled=move || verify.pending().get()>
                        {T::SignInButton.text(lang)}
                    </button>
                </div>
            </ActionForm>
            <ActionForm action=resend>
                <input type="hidden" name="phone" value=phone />
                <ErrorNote error=action_error(resend) />
                <button type="submit" class="secondary" disabled=move || resend.pending().get()>
                    {T::SendAgain.text(lang)}
                </button>
            </ActionForm>
            <footer class="auth-footer">
                <a href="/sign-in">{T::ChangeNumber.text(lang)}</a>
            </footer>
        </main>
    }
}

#[component]
pub fn AdminSignInPage() -> impl IntoView {
    let lang = use_lang();
    let action = crate::forms::form_action::<AdminSignIn>();
    view! {
        <Title text=T::AdminSignInTitle.text(lang) />
        <main class="auth">
            <Brand />
            <h1>{T::AdminSignInTitle.text(lang)}</h1>
            <ActionForm action=action>
                <div class="stack">
                    <label for="email">{T::EmailLabel.text(lang)}</label>
                    <input id="email" name="email" type="email" autocomplete="username" required />
                    <label for="password">{T::PasswordLabel.text(lang)}</label>
                    <input
                        id="password"
                        name="password"
                        type="password"
                        autocomplete="current-password"
                        required
                    />
                    <ErrorNote error=action_error(action) />
                    <button type="submit" class="primary" disabled=move || action.pending().get()>
                        {T::SignInButton.text(lang)}
                    </button>
                </div>
            </ActionForm>
            <footer class="auth-footer">
                <a href="/sign-in">{T::ParticipantLink.text(lang)}</a>
                <LanguagePicker />
            </footer>
        </main>
    }
}
