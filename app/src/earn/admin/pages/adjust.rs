//! Manual point adjustments and the audit log.

use super::*;

#[component]
pub fn AdminAdjustPage() -> impl IntoView {
    let lang = use_lang();
    let adjust = crate::forms::form_action::<AdjustPoints>();
    let k = crate::forms::Kept::of(adjust);
    let kept = |name: &str, f: Field| {
        (
            StoredValue::new(k.or(name, "")),
            k.aria_invalid(f),
            k.invalid(f),
        )
    };
    let (phone, phone_bad, phone_focus) = kept("phone", Field::Phone);
    let (pts, pts_bad, pts_focus) = kept("points", Field::Points);
    let (reason, reason_bad, reason_focus) = kept("reason", Field::Reason);
    view! {
        <Title text=T::AdminAdjust.text(lang) />
        <AdminShell>
            <h1>{T::AdminAdjust.text(lang)}</h1>
            <p class="muted">{T::AdjustLead.text(lang)}</p>
            <ActionForm action=adjust>
                <div class="form-grid">
                    <label>
                        {T::PhoneLabel.text(lang)}
                        <input
                            name="phone"
                            type="tel"
                            required
                            value=phone.get_value()
                            aria-invalid=phone_bad
                            autofocus=phone_focus
                        />
                    </label>
                    <label>
                        {T::FieldPoints.text(lang)}
                        <input
                            name="points"
                            required
                            placeholder="-50 / 200"
                            value=pts.get_value()
                            aria-invalid=pts_bad
                            autofocus=pts_focus
                        />
                    </label>
                    <label class="wide">
                        {T::FieldReason.text(lang)}
                        <input
                            name="reason"
                            required
                            minlength="3"
                            maxlength="300"
                            value=reason.get_value()
                            aria-invalid=reason_bad
                            autofocus=reason_focus
                        />
                    </label>
                </div>
                <ErrorNote error=action_error(adjust) />
                {move || {
                    adjust
                        .value()
                        .get()
                        .and_then(|r| r.ok())
                        .map(|a| {
                            view! {
                                <p class="note ok" role="status">
                                    {T::Adjusted
                                        .with(
                                            lang,
                                            &[
                                                ("name", &a.name),
                                                ("points", &crate::format::points(lang, a.balance)),
                                            ],
                                        )}
                                </p>
                            }
                        })
                }}
                <button type="submit" class="primary">
                    {T::Save.text(lang)}
                </button>
            </ActionForm>
        </AdminShell>
    }
}

#[component]
pub fn AdminAuditPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let before = move || {
        query
            .read()
            .get("before")
            .and_then(|b| b.parse::<i64>().ok())
    };
    let rows = Resource::new(before, audit_log);
    view! {
        <Title text=T::AdminAudit.text(lang) />
        <AdminShell>
            <h1>{T::AdminAudit.text(lang)}</h1>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match rows.await {
                        Ok(rows) => view! { <AuditList rows=rows lang=lang /> }.into_any(),
                        Err(e) => view! { <ErrorPanel error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </AdminShell>
    }
}

#[component]
fn AuditList(rows: Vec<AuditRow>, lang: Lang) -> impl IntoView {
    let next = (rows.len() == 100)
        .then(|| rows.last().map(|r| r.id))
        .flatten();
    view! {
        <ul class="audit" data-testid="audit">
            {rows
                .into_iter()
                .map(|r| {
                    view! {
                        <li>
                            <div>
                                <strong>{r.action}</strong>
                                " "
                                <code>{r.subject}</code>
                            </div>
                            <div class="muted small">
                                {crate::format::date(lang, r.at)} " · "
                                {r.actor.unwrap_or_else(|| T::ActorSystem.text(lang).into())}
                            </div>
                            <details>
                                <summary>{T::Changes.text(lang)}</summary>
                                <pre>{r.before.unwrap_or_default()}</pre>
                                <pre>{r.after.unwrap_or_default()}</pre>
                            </details>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        {next
            .map(|b| {
                view! {
                    <a class="button secondary" href=format!("/admin/audit?before={b}")>
                        {T::ShowMore.text(lang)}
                    </a>
                }
            })}
    }
}
