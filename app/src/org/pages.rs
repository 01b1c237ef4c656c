//! Joining a company (invitation link, join code, the code from the text message), the waiting
//! and leaver notices, and the partner manager's portal: team, one employee, invitations.
//! Every form is a plain HTML form first, so all of it works before the WASM has loaded.

use super::{
    Approve, Deactivate, InviteCreate, InviteRevoke, JoinRequestCode, JoinVerify, MemberDetail,
    Membership, Period, Reinstate, Reject, SetPersonnelNo, StaffRow, Team, invites, join_invite,
    member, my_membership, my_team,
};
use crate::domain::{ParticipantKind, Role, UserStatus};
use crate::error::Field;
use crate::forms::{FieldNote, Kept};
use crate::i18n::{Lang, T};
use crate::ui::{
    Brand, ErrorNote, ErrorPanel, Loading, OtpField, ParticipantShell, action_error, now_secs,
    use_id_param, use_lang,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
fn KindSelect(lang: Lang) -> impl IntoView {
    view! {
        <select id="kind" name="kind" required>
            {[ParticipantKind::Seller, ParticipantKind::Foreman, ParticipantKind::Engineer]
                .into_iter()
                .map(|k| view! { <option value=k.as_str()>{k.word().text(lang)}</option> })
                .collect_view()}
        </select>
    }
}

/// Name and phone, the fields every way of joining asks for.
#[component]
fn NameAndPhone(lang: Lang) -> impl IntoView {
    view! {
        <label for="name">{T::YourName.text(lang)}</label>
        <input id="name" name="name" autocomplete="name" required minlength="2" maxlength="80" />
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
        />
        <small id="phone-hint">{T::PhoneHint.text(lang)}</small>
    }
}

/// `/join`: joining with the code a company gave out; the manager approves.
#[component]
pub fn JoinPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let action = crate::forms::form_action::<JoinRequestCode>();
    view! {
        <Title text=T::JoinTitle.text(lang) />
        <main class="auth">
            <Brand />
            <h1>{T::JoinTitle.text(lang)}</h1>
            <p class="lead">{T::JoinLead.text(lang)}</p>
            <ActionForm action=action>
                <div class="stack">
                    <label for="join_code">{T::JoinCodeLabel.text(lang)}</label>
                    <input
                        id="join_code"
                        name="join_code"
                        required
                        autocapitalize="characters"
                        autocomplete="off"
                        value=move || query.read().get("code").unwrap_or_default()
                    />
                    <label for="kind">{T::YourRole.text(lang)}</label>
                    <KindSelect lang=lang />
                    <NameAndPhone lang=lang />
                    <ErrorNote error=action_error(action) />
                    <button type="submit" class="primary" disabled=move || action.pending().get()>
                        {T::SendCode.text(lang)}
                    </button>
                </div>
            </ActionForm>
            <footer class="auth-footer">
                <a href="/sign-in">{T::AlreadyMember.text(lang)}</a>
            </footer>
        </main>
    }
}

/// `/join/:code`: an invitation link. Shows which company and role it is for, or why it is closed.
#[component]
pub fn InvitePage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let code = move || params.read().get("code").unwrap_or_default();
    let target = Resource::new(code, join_invite);
    let action = crate::forms::form_action::<JoinRequestCode>();
    view! {
        <Title text=T::JoinTitle.text(lang) />
        <main class="auth">
            <Brand />
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match target.await {
                        Ok(t) => {
                            view! {
                                <h1>{T::InvitedTo.with(lang, &[("name", &t.company)])}</h1>
                                <p class="lead" data-testid="invite-role">
                                    {T::InvitedAs
                                        .with(
                                            lang,
                                            &[
                                                (
                                                    "f",
                                                    (t.kind.unwrap_or(ParticipantKind::Seller))
                                                        .word()
                                                        .text(lang),
                                                ),
                                            ],
                                        )}
                                </p>
                                <ActionForm action=action>
                                    <div class="stack">
                                        <input type="hidden" name="invite" value=code />
                                        <NameAndPhone lang=lang />
                                        <ErrorNote error=action_error(action) />
                                        <button
                                            type="submit"
                                            class="primary"
                                            disabled=move || action.pending().get()
                                        >
                                            {T::SendCode.text(lang)}
                                        </button>
                                    </div>
                                </ActionForm>
                            }
                                .into_any()
                        }
                        Err(e) => {
                            view! {
                                <h1>{T::JoinTitle.text(lang)}</h1>
                                <ErrorPanel error=e />
                            }
                                .into_any()
                        }
                    }
                })}
            </Suspense>
            <footer class="auth-footer">
                <a href="/sign-in">{T::AlreadyMember.text(lang)}</a>
            </footer>
        </main>
    }
}

/// `/join/verify`: the code from the text message. The joining form rides along in hidden fields
/// and is checked again on the server.
#[component]
pub fn JoinVerifyPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let q = move |k: &'static str| move || query.read().get(k).unwrap_or_default();
    let verify = crate::forms::form_action::<JoinVerify>();
    let resend = crate::forms::form_action::<JoinRequestCode>();
    let hidden = move || {
        view! {
            <input type="hidden" name="phone" value=q("phone") />
            <input type="hidden" name="name" value=q("name") />
            <input type="hidden" name="invite" value=q("invite") />
            <input type="hidden" name="join_code" value=q("join_code") />
            <input type="hidden" name="kind" value=q("kind") />
        }
    };
    view! {
        <Title text=T::CodeTitle.text(lang) />
        <main class="auth">
            <Brand />
            <h1>{T::CodeTitle.text(lang)}</h1>
            <p class="lead">{move || T::CodeLead.with(lang, &[("phone", &q("phone")())])}</p>
            <ActionForm action=verify>
                <div class="stack">
                    {hidden()} <OtpField /> <ErrorNote error=action_error(verify) />
                    <button type="submit" class="primary" disabled=move || verify.pending().get()>
                        {T::JoinButton.text(lang)}
                    </button>
                </div>
            </ActionForm>
            <ActionForm action=resend>
                {hidden()} <ErrorNote error=action_error(resend) />
                <button type="submit" class="secondary" disabled=move || resend.pending().get()>
                    {T::SendAgain.text(lang)}
                </button>
            </ActionForm>
        </main>
    }
}

/// Shown by the participant shell to someone who is not simply active: waiting for approval
/// (instead of the app), turned down, or a leaver (above the app).
#[component]
pub fn MembershipPanel(status: UserStatus) -> impl IntoView {
    let lang = use_lang();
    let info = Resource::new(|| (), |_| my_membership());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                info.await.ok().map(|m| view! { <MembershipNote m=m status=status lang=lang /> })
            })}
        </Suspense>
    }
}

#[component]
fn MembershipNote(m: Membership, status: UserStatus, lang: Lang) -> impl IntoView {
    let company = m.company.clone().unwrap_or_default();
    let text = match (&m.rejected, status, m.left_until) {
        (Some((company, reason)), _, _) => {
            T::JoinRejected.with(lang, &[("name", company), ("reason", reason)])
        }
        (None, UserStatus::Pending, _) => T::JoinPending.with(
            lang,
            &[
                ("name", &company),
                (
                    "date",
                    &m.requested_at
                        .map(|t| crate::format::date(lang, t))
                        .unwrap_or_default(),
                ),
            ],
        ),
        (None, _, Some(until)) => T::LeftNotice.with(
            lang,
            &[
                ("name", &company),
                ("date", &crate::format::date(lang, until)),
            ],
        ),
        _ if m.company_suspended => T::ErrCompanySuspended.text(lang).to_string(),
        _ => String::new(),
    };
    (!text.is_empty()).then(|| {
        view! {
            <section class="card notice" role="status" data-testid="membership">
                <p>{text}</p>
                {(status == UserStatus::Pending).then(|| view! { <crate::ui::SignOutButton /> })}
            </section>
        }
    })
}

/// `/team`: the manager's company at a glance, for this month, quarter or year.
#[component]
pub fn TeamPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let approve = crate::forms::form_action::<Approve>();
    let reject = crate::forms::form_action::<Reject>();
    let data = Resource::new(
        move || {
            (
                query.read().get("period"),
                approve.version().get() + reject.version().get(),
            )
        },
        |(period, _)| my_team(period),
    );
    view! {
        <Title text=T::TeamTitle.text(lang) />
        <ParticipantShell>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(t) => {
                            view! { <TeamView t=t lang=lang approve=approve reject=reject /> }
                                .into_any()
                        }
                        Err(e) => view! { <ErrorPanel error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </ParticipantShell>
    }
}

#[component]
fn TeamView(
    t: Team,
    lang: Lang,
    approve: ServerAction<Approve>,
    reject: ServerAction<Reject>,
) -> impl IntoView {
    let period = t.period;
    let csv = format!("/team/staff.csv?period={}", period.as_str());
    view! {
        <h1>{t.company.name.clone()}</h1>
        {t
            .company
            .suspended
            .then(|| {
                view! {
                    <p class="note error" role="alert">
                        {T::CompanySuspendedNote.text(lang)}
                    </p>
                }
            })}
        <p class="muted small">
            {T::JoinCodeIs.with(lang, &[("code", t.company.join_code.as_deref().unwrap_or("—"))])}
            " · " <a href="/team/invites">{T::InvitesTitle.text(lang)}</a> " · "
            <a href="/orders">{T::CompanyCredits.text(lang)}</a> " · "
            <a href="/team/receipts">{T::ClaimsLink.text(lang)}</a>
        </p>
        <nav class="chips" aria-label=T::PeriodLabel.text(lang)>
            {Period::ALL
                .into_iter()
                .map(|p| {
                    view! {
                        <a
                            class="chip"
                            href=format!("/team?period={}", p.as_str())
                            aria-current=(p == period).then_some("page")
                        >
                            {p.label().text(lang)}
                        </a>
                    }
                })
                .collect_view()}
        </nav>
        <div class="stats" data-testid="team-totals">
            <div class="stat">
                <span class="label">{T::People.text(lang)}</span>
                <strong>{t.totals.active}</strong>
            </div>
            <div class="stat">
                <span class="label">{T::Earned.text(lang)}</span>
                <strong>{crate::format::number(lang, t.totals.earned)}</strong>
            </div>
            <div class="stat">
                <span class="label">{T::Spent.text(lang)}</span>
                <strong>{crate::format::number(lang, t.totals.spent)}</strong>
            </div>
            <div class="stat">
                <span class="label">{T::Balance.text(lang)}</span>
                <strong>{crate::format::number(lang, t.totals.balance)}</strong>
            </div>
        </div>
        <p class="small muted">
            {T::PeriodFrom.with(lang, &[("date", &crate::format::date(lang, t.from))])}
        </p>

        <h2>{T::Approvals.text(lang)}</h2>
        <ErrorNote error=action_error(approve) />
        // A refusal about the reason or the box is shown beside it, in its own row.
        <ErrorNote error=Kept::of(reject).error_except(&[Field::Confirm, Field::Reason]) />
        {if t.pending.is_empty() {
            view! { <p class="muted">{T::NoApprovals.text(lang)}</p> }.into_any()
        } else {
            view! {
                <ul class="rows" data-testid="approvals">
                    {t
                        .pending
                        .into_iter()
                        .map(|p| {
                            let kept = Kept::of(reject).for_form("id", &p.request_id.to_string());
                            let approve_label = T::ApproveButton.with(lang, &[("name", &p.name)]);
                            let decline_label = T::ConfirmDecline.with(lang, &[("name", &p.name)]);
                            view! {
                                <li class="card">
                                    <p>
                                        <strong>{p.name.clone()}</strong>
                                        " · "
                                        {p.kind.word().text(lang)}
                                        " · "
                                        {p.phone.clone()}
                                    </p>
                                    <p class="muted small">{crate::format::date(lang, p.at)}</p>
                                    <ActionForm action=approve>
                                        <input type="hidden" name="id" value=p.request_id />
                                        <button type="submit" class="primary">
                                            {approve_label}
                                        </button>
                                    </ActionForm>
                                    <ActionForm action=reject>
                                        <input type="hidden" name="id" value=p.request_id />
                                        <input
                                            name="reason"
                                            required
                                            minlength="3"
                                            maxlength="300"
                                            value=kept.or("reason", "")
                                            aria-invalid=kept.aria_invalid(Field::Reason)
                                            autofocus=kept.invalid(Field::Reason)
                                            aria-label=T::FieldReason.text(lang)
                                            placeholder=T::RejectReasonHint.text(lang)
                                        />
                                        <FieldNote kept=kept.clone() field=Field::Reason />
                                        <label class="check">
                                            <input
                                                type="checkbox"
                                                name="confirm"
                                                value="on"
                                                required
                                                aria-invalid=kept.aria_invalid(Field::Confirm)
                                                autofocus=kept.invalid(Field::Confirm)
                                            />
                                            {decline_label}
                                        </label>
                                        <FieldNote kept=kept.clone() field=Field::Confirm />
                                        <button type="submit" class="secondary">
                                            {T::RejectButton.text(lang)}
                                        </button>
                                    </ActionForm>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
                .into_any()
        }}

        <div class="row-between">
            <h2>{T::Staff.text(lang)}</h2>
            <a class="button secondary" href=csv download="">
                {T::ExportCsv.text(lang)}
            </a>
        </div>
        {if t.staff.is_empty() {
            view! { <p class="muted">{T::NoStaff.text(lang)}</p> }.into_any()
        } else {
            view! {
                <ul class="rows" data-testid="staff">
                    {t
                        .staff
                        .into_iter()
                        .map(|s| view! { <StaffCard s=s lang=lang /> })
                        .collect_view()}
                </ul>
            }
                .into_any()
        }}

        <h2>{T::ByMonth.text(lang)}</h2>
        <div class="table-wrap">
            <table data-testid="months">
                <thead>
                    <tr>
                        <th scope="col">{T::Month.text(lang)}</th>
                        <th scope="col">{T::Earned.text(lang)}</th>
                        <th scope="col">{T::Spent.text(lang)}</th>
                        <th scope="col">{T::Earners.text(lang)}</th>
                    </tr>
                </thead>
                <tbody>
                    {t
                        .months
                        .into_iter()
                        .map(|m| {
                            view! {
                                <tr>
                                    <td>{crate::format::month(lang, m.month)}</td>
                                    <td>{crate::format::number(lang, m.earned)}</td>
                                    <td>{crate::format::number(lang, m.spent)}</td>
                                    <td>{m.earners}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
        <p class="small muted">
            {T::LeaverGrace
                .with(
                    lang,
                    &[("n", &crate::format::count(lang, crate::i18n::N::Days, t.grace_days))],
                )}
        </p>
    }
}

#[component]
fn StaffCard(s: StaffRow, lang: Lang) -> impl IntoView {
    let href = format!("/team/{}", s.id);
    view! {
        <li class="card staff" data-testid="staff-row">
            <p class="row-between">
                <a href=href>
                    <strong>{s.name.clone()}</strong>
                </a>
                <span class="badge">{s.status.label().text(lang)}</span>
            </p>
            <p class="muted small">
                {s.role_word().text(lang)} " · " {s.phone.clone()}
                {s
                    .last_activity
                    .map(|a| {
                        format!(
                            " · {}",
                            T::LastActivity.with(lang, &[("date", &crate::format::date(lang, a))]),
                        )
                    })}
            </p>
            <p class="small">
                {T::Earned.text(lang)} " "
                <strong data-testid="earned">{crate::format::number(lang, s.earned)}</strong> " · "
                {T::Spent.text(lang)} " " <strong>{crate::format::number(lang, s.spent)}</strong>
                " · " {T::Balance.text(lang)} " "
                <strong>{crate::format::number(lang, s.balance)}</strong>
            </p>
        </li>
    }
}

/// `/team/:id`: one employee, read-only, and the leaver button.
#[component]
pub fn MemberPage() -> impl IntoView {
    let lang = use_lang();
    let id = use_id_param();
    let leave = crate::forms::form_action::<Deactivate>();
    let reinstate = crate::forms::form_action::<Reinstate>();
    let number = crate::forms::form_action::<SetPersonnelNo>();
    let data = Resource::new(
        move || {
            (
                id(),
                leave.version().get() + reinstate.version().get() + number.version().get(),
            )
        },
        |(id, _)| member(id),
    );
    view! {
        <Title text=T::TeamTitle.text(lang) />
        <ParticipantShell>
            <a href="/team" class="small">
                "← "
                {T::TeamTitle.text(lang)}
            </a>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(m) => {
                            view! {
                                <MemberView
                                    m=m
                                    lang=lang
                                    leave=leave
                                    reinstate=reinstate
                                    number=number
                                />
                            }
                                .into_any()
                        }
                        Err(e) => view! { <ErrorPanel error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </ParticipantShell>
    }
}

#[component]
fn MemberView(
    m: MemberDetail,
    lang: Lang,
    leave: ServerAction<Deactivate>,
    reinstate: ServerAction<Reinstate>,
    number: ServerAction<SetPersonnelNo>,
) -> impl IntoView {
    let kept = Kept::of(leave);
    let kept_no = Kept::of(number);
    let number_saved = number.value().get_untracked().is_some_and(|r| r.is_ok());
    let reinstated = reinstate
        .value()
        .get_untracked()
        .and_then(|r| r.ok())
        .map(|d| d.row.name);
    let row = m.row.clone();
    let can_leave = row.status == UserStatus::Active && row.role == Role::Participant;
    let confirm_left = T::ConfirmLeft.with(lang, &[("name", &row.name)]);
    let person = row.name.clone();
    let reinstate_lead = move |until: i64| {
        T::ReinstateLead.with(
            lang,
            &[
                ("name", &person),
                ("date", &crate::format::date(lang, until)),
            ],
        )
    };
    view! {
        <h1>{row.name.clone()}</h1>
        <p class="muted">
            {row.role_word().text(lang)} " · " {m.company.clone()} " · " {row.phone.clone()}
        </p>
        <p>
            <span class="badge" data-testid="member-status">
                {row.status.label().text(lang)}
            </span>
            {row
                .left_until
                .map(|u| {
                    view! {
                        " "
                        <span class="small">
                            {T::PointsUntil.with(lang, &[("date", &crate::format::date(lang, u))])}
                        </span>
                    }
                })}
        </p>
        <div class="stats">
            <div class="stat">
                <span class="label">{T::EarnedYear.text(lang)}</span>
                <strong>{crate::format::number(lang, row.earned)}</strong>
            </div>
            <div class="stat">
                <span class="label">{T::SpentYear.text(lang)}</span>
                <strong>{crate::format::number(lang, row.spent)}</strong>
            </div>
            <div class="stat">
                <span class="label">{T::Balance.text(lang)}</span>
                <strong>{crate::format::number(lang, row.balance)}</strong>
            </div>
        </div>
        <section class="card">
            <ActionForm action=number>
                <input type="hidden" name="id" value=row.id />
                <label>
                    {T::PersonnelNoLabel.text(lang)}
                    <input
                        name="personnel_no"
                        maxlength="32"
                        autocomplete="off"
                        data-testid="personnel-no"
                        value=kept_no
                            .or("personnel_no", row.personnel_no.clone().unwrap_or_default())
                        aria-invalid=kept_no.aria_invalid(Field::PersonnelNo)
                        autofocus=kept_no.invalid(Field::PersonnelNo)
                    />
                </label>
                <p class="muted small">{T::PersonnelNoLead.text(lang)}</p>
                <FieldNote kept=kept_no.clone() field=Field::PersonnelNo />
                <ErrorNote error=kept_no.error_except(&[Field::PersonnelNo]) />
                {number_saved
                    .then(|| {
                        view! {
                            <p class="note ok" role="status">
                                {T::Saved.text(lang)}
                            </p>
                        }
                    })}
                <button type="submit" class="secondary">
                    {T::SavePersonnelNo.text(lang)}
                </button>
            </ActionForm>
        </section>
        <h2>{T::NavHistory.text(lang)}</h2>
        <crate::earn::ActivityList entries=m.entries lang=lang empty=T::MemberNoActivity />
        <h2>{T::MyOrders.text(lang)}</h2>
        {if m.orders.is_empty() {
            view! { <p class="muted">{T::NoOrders.text(lang)}</p> }.into_any()
        } else {
            m.orders
                .into_iter()
                .map(|o| {
                    view! {
                        <p class="card small">
                            {T::OrderNo.with(lang, &[("n", &o.id.to_string())])} " · " {o.title}
                            " · " {crate::format::number(lang, o.points)} " · "
                            {o.status.label().text(lang)} " · "
                            {crate::format::date(lang, o.created_at)}
                        </p>
                    }
                })
                .collect_view()
                .into_any()
        }}
        {can_leave
            .then(|| {
                view! {
                    <h2>{T::LeaverTitle.text(lang)}</h2>
                    <p class="small muted">{T::LeaverLead.text(lang)}</p>
                    <ActionForm action=leave>
                        <input type="hidden" name="id" value=row.id />
                        <ErrorNote error=kept.error_except(&[Field::Confirm]) />
                        <label class="check">
                            <input
                                type="checkbox"
                                name="confirm"
                                value="on"
                                required
                                aria-invalid=kept.aria_invalid(Field::Confirm)
                                autofocus=kept.invalid(Field::Confirm)
                            />
                            {confirm_left}
                        </label>
                        <FieldNote kept=kept.clone() field=Field::Confirm />
                        <button type="submit" class="secondary">
                            {T::MarkLeft.text(lang)}
                        </button>
                    </ActionForm>
                }
            })}
        {reinstated
            .map(|name| {
                view! {
                    <p class="note ok" role="status">
                        {T::Reinstated.with(lang, &[("name", &name)])}
                    </p>
                }
            })}
        {m
            .reinstate_until
            .map(|until| {
                view! {
                    <h2>{T::ReinstateTitle.text(lang)}</h2>
                    <p class="small muted">{reinstate_lead(until)}</p>
                    <ActionForm action=reinstate>
                        <input type="hidden" name="id" value=row.id />
                        <ErrorNote error=action_error(reinstate) />
                        <button type="submit" class="primary">
                            {T::ReinstateButton.text(lang)}
                        </button>
                    </ActionForm>
                }
            })}
    }
}

/// `/team/invites`: invitation links with their QR codes, how often each was used, and revoking.
#[component]
pub fn TeamInvitesPage() -> impl IntoView {
    let lang = use_lang();
    let create = crate::forms::form_action::<InviteCreate>();
    let revoke = crate::forms::form_action::<InviteRevoke>();
    let list = Resource::new(
        move || create.version().get() + revoke.version().get(),
        |_| invites(),
    );
    view! {
        <Title text=T::InvitesTitle.text(lang) />
        <ParticipantShell>
            <a href="/team" class="small">
                "← "
                {T::TeamTitle.text(lang)}
            </a>
            <h1>{T::InvitesTitle.text(lang)}</h1>
            <p class="muted">{T::InvitesLead.text(lang)}</p>
            <ActionForm action=create>
                <div class="form-grid">
                    <label>{T::InviteRole.text(lang)}<KindSelect lang=lang /></label>
                    <label>
                        {T::InviteDays.text(lang)}
                        <input name="days" inputmode="numeric" value="14" required />
                    </label>
                    <label>
                        {T::InviteUses.text(lang)}
                        <input name="uses" inputmode="numeric" placeholder="∞" />
                    </label>
                </div>
                <ErrorNote error=action_error(create) />
                <button type="submit" class="primary">
                    {T::CreateInvite.text(lang)}
                </button>
            </ActionForm>
            <ErrorNote error=action_error(revoke) />
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(rows) if rows.is_empty() => {
                            view! { <p class="muted">{T::NoInvites.text(lang)}</p> }.into_any()
                        }
                        Ok(rows) => {
                            let now = now_secs();
                            view! {
                                <ul class="rows" data-testid="invites">
                                    {rows
                                        .into_iter()
                                        .map(|i| {
                                            let open = i.open(now);
                                            let state = if i.revoked {
                                                T::InviteRevokedState
                                            } else if open {
                                                T::InviteOpen
                                            } else {
                                                T::InviteClosedState
                                            };
                                            view! {
                                                <li class="card invite" data-testid="invite">
                                                    <p class="row-between">
                                                        <strong>{i.kind.word().text(lang)}</strong>
                                                        <span class="badge">{state.text(lang)}</span>
                                                    </p>
                                                    {open
                                                        .then(|| {
                                                            view! { <div class="qr" inner_html=i.qr_svg.clone()></div> }
                                                        })}
                                                    <p class="small">
                                                        <a href=i.link.clone() data-testid="invite-link">
                                                            {i.link.clone()}
                                                        </a>
                                                    </p>
                                                    <p class="muted small">
                                                        {T::InviteUsed
                                                            .with(
                                                                lang,
                                                                &[
                                                                    ("n", &i.uses.to_string()),
                                                                    (
                                                                        "f",
                                                                        &i.max_uses.map_or("∞".to_string(), |m| m.to_string()),
                                                                    ),
                                                                ],
                                                            )} " · "
                                                        {T::InviteUntil
                                                            .with(
                                                                lang,
                                                                &[("date", &crate::format::date(lang, i.expires_at))],
                                                            )}
                                                    </p>
                                                    {open
                                                        .then(|| {
                                                            view! {
                                                                <ActionForm action=revoke>
                                                                    <input type="hidden" name="id" value=i.id />
                                                                    <button type="submit" class="secondary">
                                                                        {T::RevokeInvite.text(lang)}
                                                                    </button>
                                                                </ActionForm>
                                                            }
                                                        })}
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            }
                                .into_any()
                        }
                        Err(e) => view! { <ErrorPanel error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </ParticipantShell>
    }
}
