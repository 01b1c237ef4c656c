//! The admin's screens for partner companies: the list (create, CSV import) and one company
//! (edit or suspend, its people with block and move, managers, waiting join requests).

use super::{
    AdminCompaniesImport, AdminCompanySave, AdminManagerAssign, AdminParticipantBlock,
    AdminParticipantMove, CompanyRow, PersonRow, admin_companies, admin_company,
    admin_participants,
};
use crate::domain::{CompanyKind, UserStatus};
use crate::forms::Done;
use crate::i18n::{Lang, T};
use crate::org::{Approve, CompanyCard, Reject};
use crate::ui::{AdminShell, ErrorNote, ErrorPanel, Loading, action_error, use_id_param, use_lang};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The company form, empty for a new company or filled for an edit.
#[component]
fn CompanyForm(
    action: ServerAction<AdminCompanySave>,
    lang: Lang,
    #[prop(optional)] card: Option<CompanyCard>,
) -> impl IntoView {
    let c = card.clone();
    let v = move |f: fn(&CompanyCard) -> String| c.as_ref().map(f).unwrap_or_default();
    let kind = card.as_ref().map(|c| c.kind);
    let suspended = card.as_ref().is_some_and(|c| c.suspended);
    view! {
        <ActionForm action=action>
            {card.as_ref().map(|c| view! { <input type="hidden" name="id" value=c.id /> })}
            <div class="form-grid">
                <label>
                    {T::FieldName.text(lang)}
                    <input name="name" required maxlength="120" value=v(|c| c.name.clone()) />
                </label>
                <label>
                    {T::FieldTaxId.text(lang)}
                    <input name="tax_id" required maxlength="20" value=v(|c| c.tax_id.clone()) />
                </label>
                <label>
                    {T::FieldRegion.text(lang)}
                    <input name="region" required maxlength="80" value=v(|c| c.region.clone()) />
                </label>
                <label>
                    {T::FieldKind.text(lang)}
                    <select name="kind">
                        {CompanyKind::ALL
                            .into_iter()
                            .map(|k| {
                                view! {
                                    <option value=k.as_str() selected=kind == Some(k)>
                                        {k.label().text(lang)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                <label>
                    {T::FieldStatus.text(lang)} <select name="status">
                        <option value="active" selected=!suspended>
                            {T::StatusActive.text(lang)}
                        </option>
                        <option value="suspended" selected=suspended>
                            {T::StatusSuspended.text(lang)}
                        </option>
                    </select>
                </label>
                <label>
                    {T::JoinCodeLabel.text(lang)}
                    <input
                        name="join_code"
                        maxlength="24"
                        value=v(|c| c.join_code.clone().unwrap_or_default())
                    />
                </label>
                <label class="wide">
                    {T::FieldContact.text(lang)}
                    <input name="contact" maxlength="200" value=v(|c| c.contact.clone()) />
                </label>
            </div> <ErrorNote error=action_error(action) /> <Done action=action text=T::Saved />
            <button type="submit" class="primary">
                {T::Save.text(lang)}
            </button>
        </ActionForm>
    }
}

#[component]
pub fn AdminCompaniesPage() -> impl IntoView {
    let lang = use_lang();
    let save = crate::forms::form_action::<AdminCompanySave>();
    let import = crate::forms::form_action::<AdminCompaniesImport>();
    let rows = Resource::new(
        move || save.version().get() + import.version().get(),
        |_| admin_companies(),
    );
    let query = use_query_map();
    let q = move || query.read().get("q").filter(|q| !q.trim().is_empty());
    let people = Resource::new(q, |q| async move {
        match q {
            Some(q) => Some(admin_participants(Some(q), None).await),
            None => None,
        }
    });
    view! {
        <Title text=T::AdminCompanies.text(lang) />
        <AdminShell>
            <h1>{T::AdminCompanies.text(lang)}</h1>
            <form method="get" class="inline-form" role="search">
                <input
                    name="q"
                    type="search"
                    value=move || q().unwrap_or_default()
                    aria-label=T::FindPerson.text(lang)
                    placeholder=T::FindPerson.text(lang)
                />
                <button type="submit">{T::Search.text(lang)}</button>
            </form>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match people.await {
                        Some(Ok(list)) => view! { <PeopleTable rows=list lang=lang /> }.into_any(),
                        Some(Err(e)) => view! { <ErrorPanel error=e /> }.into_any(),
                        None => ().into_any(),
                    }
                })}
            </Suspense>
            <section class="card">
                <Suspense fallback=Loading>
                    {move || Suspend::new(async move {
                        match rows.await {
                            Ok(rows) => view! { <CompanyTable rows=rows lang=lang /> }.into_any(),
                            Err(e) => view! { <ErrorPanel error=e /> }.into_any(),
                        }
                    })}
                </Suspense>
            </section>
            <section class="card">
                <h2>{T::NewCompany.text(lang)}</h2>
                <CompanyForm action=save lang=lang />
            </section>
            <section class="card">
                <h2>{T::ImportCompaniesCsv.text(lang)}</h2>
                <p class="muted small">{T::ImportCompaniesHint.text(lang)}</p>
                <ActionForm action=import>
                    <textarea
                        name="csv"
                        rows="5"
                        required
                        aria-label=T::ImportCompaniesCsv.text(lang)
                        placeholder="name,tax_id,region,kind,contact,join_code"
                    ></textarea>
                    <ErrorNote error=action_error(import) />
                    {move || {
                        import
                            .value()
                            .get()
                            .and_then(|r| r.ok())
                            .map(|r| {
                                view! {
                                    <p class="note ok" role="status">
                                        {T::Imported
                                            .with(
                                                lang,
                                                &[
                                                    ("n", &crate::format::number(lang, r.created.into())),
                                                    ("points", &crate::format::number(lang, r.updated.into())),
                                                ],
                                            )}
                                    </p>
                                }
                            })
                    }}
                    <button type="submit">{T::Import.text(lang)}</button>
                </ActionForm>
            </section>
        </AdminShell>
    }
}

#[component]
fn PeopleTable(rows: Vec<PersonRow>, lang: Lang) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="muted">{T::NothingFound.text(lang)}</p> }.into_any();
    }
    view! {
        <div class="table-wrap">
            <table data-testid="people">
                <thead>
                    <tr>
                        <th scope="col">{T::FieldName.text(lang)}</th>
                        <th scope="col">{T::PhoneLabel.text(lang)}</th>
                        <th scope="col">{T::AdminCompanies.text(lang)}</th>
                        <th scope="col">{T::FieldStatus.text(lang)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|p| {
                            view! {
                                <tr>
                                    <td>{p.name}</td>
                                    <td>{p.phone}</td>
                                    <td>
                                        {match (p.company_id, p.company) {
                                            (Some(id), Some(name)) => {
                                                view! {
                                                    <a href=format!("/admin/companies/{id}")>{name}</a>
                                                }
                                                    .into_any()
                                            }
                                            _ => "—".into_any(),
                                        }}
                                    </td>
                                    <td>{p.status.label().text(lang)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn CompanyTable(rows: Vec<CompanyRow>, lang: Lang) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table data-testid="companies">
                <thead>
                    <tr>
                        <th scope="col">{T::FieldName.text(lang)}</th>
                        <th scope="col">{T::FieldTaxId.text(lang)}</th>
                        <th scope="col">{T::FieldRegion.text(lang)}</th>
                        <th scope="col">{T::People.text(lang)}</th>
                        <th scope="col">{T::Approvals.text(lang)}</th>
                        <th scope="col">{T::RoleManager.text(lang)}</th>
                        <th scope="col">{T::FieldStatus.text(lang)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|r| {
                            view! {
                                <tr>
                                    <td>
                                        <a href=format!(
                                            "/admin/companies/{}",
                                            r.card.id,
                                        )>{r.card.name.clone()}</a>
                                    </td>
                                    <td>{r.card.tax_id.clone()}</td>
                                    <td>{r.card.region.clone()}</td>
                                    <td>{r.people}</td>
                                    <td>{r.pending}</td>
                                    <td>{r.managers.join(", ")}</td>
                                    <td>
                                        {if r.card.suspended {
                                            T::StatusSuspended.text(lang)
                                        } else {
                                            T::StatusActive.text(lang)
                                        }}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
pub fn AdminCompanyPage() -> impl IntoView {
    let lang = use_lang();
    let id = use_id_param();
    let save = crate::forms::form_action::<AdminCompanySave>();
    let block = crate::forms::form_action::<AdminParticipantBlock>();
    let moved = crate::forms::form_action::<AdminParticipantMove>();
    let manager = crate::forms::form_action::<AdminManagerAssign>();
    let approve = crate::forms::form_action::<Approve>();
    let reject = crate::forms::form_action::<Reject>();
    let detail = Resource::new(
        move || {
            (
                id(),
                save.version().get()
                    + block.version().get()
                    + moved.version().get()
                    + manager.version().get()
                    + approve.version().get()
                    + reject.version().get(),
            )
        },
        |(id, _)| admin_company(id),
    );
    view! {
        <Title text=T::AdminCompanies.text(lang) />
        <AdminShell>
            <a href="/admin/companies" class="small">
                "← "
                {T::AdminCompanies.text(lang)}
            </a>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    let d = match detail.await {
                        Ok(d) => d,
                        Err(e) => return view! { <ErrorPanel error=e /> }.into_any(),
                    };
                    let company_id = d.card.id;
                    view! {
                        <h1>{d.card.name.clone()}</h1>
                        <section class="card">
                            <CompanyForm action=save lang=lang card=d.card.clone() />
                        </section>
                        <section class="card">
                            <h2>{T::Approvals.text(lang)}</h2>
                            <ErrorNote error=action_error(approve) />
                            <ErrorNote error=action_error(reject) />
                            {if d.pending.is_empty() {
                                view! { <p class="muted">{T::NoApprovals.text(lang)}</p> }
                                    .into_any()
                            } else {
                                d.pending
                                    .into_iter()
                                    .map(|p| {
                                        view! {
                                            <div class="inline-form">
                                                <span>
                                                    {p.name.clone()} " · " {p.phone.clone()} " · "
                                                    {p.kind.word().text(lang)}
                                                </span>
                                                <ActionForm action=approve>
                                                    <input type="hidden" name="id" value=p.request_id />
                                                    <button type="submit">
                                                        {T::ApproveButton.with(lang, &[("name", &p.name)])}
                                                    </button>
                                                </ActionForm>
                                                <ActionForm action=reject>
                                                    <input type="hidden" name="id" value=p.request_id />
                                                    <input
                                                        name="reason"
                                                        required
                                                        minlength="3"
                                                        aria-label=T::FieldReason.text(lang)
                                                    />
                                                    <button type="submit">{T::RejectButton.text(lang)}</button>
                                                </ActionForm>
                                            </div>
                                        }
                                    })
                                    .collect_view()
                                    .into_any()
                            }}
                        </section>
                        <section class="card">
                            <h2>{T::Staff.text(lang)}</h2>
                            <ErrorNote error=action_error(block) />
                            <ErrorNote error=action_error(moved) />
                            <div class="table-wrap">
                                <table data-testid="company-staff">
                                    <thead>
                                        <tr>
                                            <th scope="col">{T::FieldName.text(lang)}</th>
                                            <th scope="col">{T::PhoneLabel.text(lang)}</th>
                                            <th scope="col">{T::FieldStatus.text(lang)}</th>
                                            <th scope="col">{T::EarnedYear.text(lang)}</th>
                                            <th scope="col">{T::Balance.text(lang)}</th>
                                            <th scope="col"></th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {d
                                            .staff
                                            .into_iter()
                                            .map(|s| {
                                                let blocked = s.status == UserStatus::Blocked;
                                                view! {
                                                    <tr>
                                                        <td>{s.name.clone()}</td>
                                                        <td>{s.phone.clone()}</td>
                                                        <td>{s.status.label().text(lang)}</td>
                                                        <td>{crate::format::number(lang, s.earned)}</td>
                                                        <td>{crate::format::number(lang, s.balance)}</td>
                                                        <td>
                                                            <ActionForm action=block>
                                                                <input type="hidden" name="id" value=s.id />
                                                                {(!blocked)
                                                                    .then(|| {
                                                                        view! { <input type="hidden" name="blocked" value="on" /> }
                                                                    })}
                                                                <button type="submit" class="link">
                                                                    {if blocked {
                                                                        T::Unblock.text(lang)
                                                                    } else {
                                                                        T::Block.text(lang)
                                                                    }}
                                                                </button>
                                                            </ActionForm>
                                                            <ActionForm action=moved>
                                                                <input type="hidden" name="id" value=s.id />
                                                                <input
                                                                    name="company"
                                                                    inputmode="numeric"
                                                                    required
                                                                    aria-label=T::MoveToCompany.text(lang)
                                                                    placeholder=T::MoveToCompany.text(lang)
                                                                />
                                                                <input
                                                                    name="reason"
                                                                    required
                                                                    minlength="3"
                                                                    aria-label=T::FieldReason.text(lang)
                                                                    placeholder=T::FieldReason.text(lang)
                                                                />
                                                                <button type="submit" class="link">
                                                                    {T::Move.text(lang)}
                                                                </button>
                                                            </ActionForm>
                                                        </td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        </section>
                        <section class="card">
                            <h2>{T::AssignManager.text(lang)}</h2>
                            <ActionForm action=manager>
                                <input type="hidden" name="company" value=company_id />
                                <div class="form-grid">
                                    <label>
                                        {T::PhoneLabel.text(lang)}
                                        <input name="phone" type="tel" required />
                                    </label>
                                    <label>
                                        {T::YourName.text(lang)}<input name="name" maxlength="80" />
                                    </label>
                                </div>
                                <ErrorNote error=action_error(manager) />
                                <Done action=manager text=T::Saved />
                                <button type="submit">{T::AssignManager.text(lang)}</button>
                            </ActionForm>
                        </section>
                    }
                        .into_any()
                })}
            </Suspense>
        </AdminShell>
    }
}
