//! The moderator's screens: the queue (by status, company, region, flags; oldest first) and one
//! claim with its photos, document, lines and flags, and the three decisions. "Approve and go to
//! the next" is the first button and focused, so a moderator can work through the queue with
//! the keyboard (Enter approves; the lines' quantities are the fields before it).

use super::{DecideReceipt, ModeratedClaim, QueuePage, receipt_for_moderator, receipt_queue};
use crate::domain::{ReceiptStatus, RejectReason};
use crate::format::{self, Currency};
use crate::i18n::{Lang, T};
use crate::ui::{AdminShell, ErrorNote, ErrorPanel, Loading, action_error, use_id_param, use_lang};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

const STATUSES: [ReceiptStatus; 4] = [
    ReceiptStatus::Waiting,
    ReceiptStatus::NeedsInfo,
    ReceiptStatus::Approved,
    ReceiptStatus::Rejected,
];

#[component]
pub fn AdminReceiptsPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let args = move || {
        let q = query.read();
        (
            q.get("status"),
            q.get("company").and_then(|c| c.parse::<i64>().ok()),
            q.get("region"),
            q.get("flagged"),
            q.get("after").and_then(|a| a.parse::<i64>().ok()),
        )
    };
    let page = Resource::new(args, |(status, company, region, flagged, after)| {
        receipt_queue(status, company, region, flagged, after)
    });
    let current = move || {
        query
            .read()
            .get("status")
            .and_then(|s| ReceiptStatus::parse(&s))
            .unwrap_or(ReceiptStatus::Waiting)
    };
    let decided = move || query.read().get("decided");
    view! {
        <Title text=T::AdminReceipts.text(lang) />
        <AdminShell>
            <h1>{T::AdminReceipts.text(lang)}</h1>
            {move || {
                decided()
                    .map(|n| {
                        view! {
                            <p class="note ok" role="status" data-testid="decided">
                                {T::ClaimDecided.with(lang, &[("n", &n)])}
                            </p>
                        }
                    })
            }}
            <nav class="chips" aria-label=T::FilterLabel.text(lang)>
                {STATUSES
                    .into_iter()
                    .map(|s| {
                        view! {
                            <a
                                class="chip"
                                href=format!("/admin/receipts?status={}", s.as_str())
                                aria-current=move || (current() == s).then_some("page")
                            >
                                {s.label().text(lang)}
                            </a>
                        }
                    })
                    .collect_view()}
            </nav>
            <form method="get" action="/admin/receipts" class="search">
                <input type="hidden" name="status" value=move || current().as_str() />
                <label>
                    {T::FieldRegion.text(lang)}
                    <input
                        name="region"
                        maxlength="100"
                        value=move || query.read().get("region").unwrap_or_default()
                    />
                </label>
                <label class="check">
                    <input
                        type="checkbox"
                        name="flagged"
                        value="1"
                        checked=move || query.read().get("flagged").is_some()
                    />
                    {T::FilterFlagged.text(lang)}
                </label>
                <button type="submit" class="secondary">
                    {T::FindButton.text(lang)}
                </button>
            </form>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(p) => view! { <QueueTable p=p lang=lang status=current() /> }.into_any(),
                        Err(e) => view! { <ErrorPanel error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </AdminShell>
    }
}

#[component]
fn QueueTable(p: QueuePage, lang: Lang, status: ReceiptStatus) -> impl IntoView {
    if p.rows.is_empty() {
        return view! {
            <p class="muted" data-testid="queue-empty">
                {T::QueueEmpty.text(lang)}
            </p>
        }
        .into_any();
    }
    view! {
        <div class="table-wrap">
            <table data-testid="queue">
                <thead>
                    <tr>
                        <th>{T::ClaimColumn.text(lang)}</th>
                        <th>{T::ClaimedBy.text(lang)}</th>
                        <th>{T::FieldDocumentTotal.text(lang)}</th>
                        <th>{T::FieldPoints.text(lang)}</th>
                        <th>{T::ChecksTitle.text(lang)}</th>
                    </tr>
                </thead>
                <tbody>
                    {p
                        .rows
                        .into_iter()
                        .map(|r| {
                            let company = r
                                .company
                                .clone()
                                .map(|c| {
                                    format!(
                                        "{c}{}",
                                        r
                                            .region
                                            .as_ref()
                                            .map(|g| format!(" · {g}"))
                                            .unwrap_or_default(),
                                    )
                                });
                            view! {
                                <tr data-flags=r.flags.len()>
                                    <td>
                                        <a href=format!(
                                            "/admin/receipts/{}",
                                            r.id,
                                        )>
                                            {T::ClaimNumber.with(lang, &[("n", &r.id.to_string())])}
                                        </a>
                                        <div class="muted small">
                                            {format::date(lang, r.submitted_at)} " "
                                            {format::time(r.submitted_at)} " · "
                                            {r.source.label().text(lang)}
                                        </div>
                                    </td>
                                    <td>
                                        {r.name.clone()}
                                        {company
                                            .map(|c| view! { <div class="muted small">{c}</div> })}
                                    </td>
                                    <td>{format::money(lang, r.total, Currency::Rub)}</td>
                                    <td>{format::number(lang, r.expected_points)}</td>
                                    <td>
                                        {r
                                            .flags
                                            .iter()
                                            .map(|f| {
                                                view! {
                                                    <span class="badge warn">{f.label().text(lang)}</span>
                                                }
                                            })
                                            .collect_view()}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
        {p
            .next_after
            .map(|a| {
                view! {
                    <a
                        class="button secondary"
                        href=format!("/admin/receipts?status={}&after={a}", status.as_str())
                    >
                        {T::ShowMore.text(lang)}
                    </a>
                }
            })}
    }
    .into_any()
}

#[component]
pub fn AdminReceiptPage() -> impl IntoView {
    let lang = use_lang();
    let id = use_id_param();
    let query = use_query_map();
    let decide = crate::forms::form_action::<DecideReceipt>();
    let claim = Resource::new(
        move || (id(), decide.version().get()),
        |(id, _)| receipt_for_moderator(id),
    );
    let decided = move || query.read_untracked().get("decided");
    view! {
        <Title text=T::AdminReceipts.text(lang) />
        <AdminShell>
            {decided()
                .map(|n| {
                    view! {
                        <p class="note ok" role="status" data-testid="decided">
                            {T::ClaimDecided.with(lang, &[("n", &n)])}
                        </p>
                    }
                })}
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match claim.await {
                        Ok(m) => view! { <Moderate m=m lang=lang decide=decide /> }.into_any(),
                        Err(e) => view! { <ErrorPanel error=e /> }.into_any(),
                    }
                })}
            </Suspense> <a class="button secondary" href="/admin/receipts">
                {T::BackToQueue.text(lang)}
            </a>
        </AdminShell>
    }
}

#[component]
fn Moderate(m: ModeratedClaim, lang: Lang, decide: ServerAction<DecideReceipt>) -> impl IntoView {
    let c = m.claim;
    let id = c.id;
    let open = c.status.open();
    let who = c.who.clone();
    view! {
        <h1>{T::ClaimNumber.with(lang, &[("n", &c.id.to_string())])}</h1>
        <p class="status" data-testid="claim-status" data-status=c.status.as_str()>
            <strong>{c.status.label().text(lang)}</strong>
            {c
                .final_points
                .map(|p| {
                    view! {
                        " · "
                        {format::points(lang, p)}
                    }
                })}
            {c
                .reject_reason
                .map(|r| {
                    view! {
                        " · "
                        {r.label().text(lang)}
                    }
                })}
        </p>
        <section class="card">
            <h2>{T::ClaimedBy.text(lang)}</h2>
            {who
                .map(|w| {
                    view! {
                        <p>
                            <strong>{w.name}</strong>
                            " "
                            {w.phone.unwrap_or_default()}
                        </p>
                        <p class="muted">
                            {w.company.unwrap_or_default()} " " {w.region.unwrap_or_default()}
                        </p>
                    }
                })}
        </section>
        <section class="card">
            <h2>{c.source.label().text(lang)}</h2>
            <dl class="facts">
                <dt>{T::FieldDocumentNo.text(lang)}</dt>
                <dd>{c.document_no.clone()}</dd>
                <dt>{T::FieldDocumentDate.text(lang)}</dt>
                <dd>{format::date(lang, c.document_at)} " " {format::time(c.document_at)}</dd>
                <dt>{T::FieldDocumentTotal.text(lang)}</dt>
                <dd>{format::money(lang, c.total, Currency::Rub)}</dd>
                {c
                    .supplier_tax_id
                    .clone()
                    .map(|s| {
                        view! {
                            <dt>{T::FieldSupplierTaxId.text(lang)}</dt>
                            <dd>{s}</dd>
                        }
                    })}
                {(!c.shop.is_empty())
                    .then(|| {
                        view! {
                            <dt>{T::BoughtAt.text(lang)}</dt>
                            <dd>{c.shop.clone()}</dd>
                        }
                    })}
                {c
                    .qr_text
                    .clone()
                    .map(|q| {
                        view! {
                            <dt>{T::QrText.text(lang)}</dt>
                            <dd>
                                <code>{q}</code>
                            </dd>
                        }
                    })}
            </dl>
            {c
                .answer
                .clone()
                .map(|a| {
                    view! {
                        <p>
                            <strong>{T::YourAnswer.text(lang)} ": "</strong>
                            {a}
                        </p>
                    }
                })}
        </section>
        <section class="card" data-testid="flags">
            <h2>{T::ChecksTitle.text(lang)}</h2>
            {c
                .verification
                .map(|v| {
                    view! {
                        <p data-testid="verification" data-verification=v.as_str()>
                            {v.label().text(lang)}
                        </p>
                    }
                })}
            {if c.flags.is_empty() && c.verification.is_none() {
                view! { <p class="muted">{T::NoFlags.text(lang)}</p> }.into_any()
            } else {
                view! {
                    <ul>
                        {c
                            .flags
                            .iter()
                            .map(|f| view! { <li class="warn">{f.label().text(lang)}</li> })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </section>
        <section class="card">
            <h2>{T::PhotosTitle.text(lang)}</h2>
            {c
                .photos
                .is_empty()
                .then(|| view! { <p class="muted">{T::FlagNoPhoto.text(lang)}</p> })}
            <div class="photos large">
                {c
                    .photos
                    .iter()
                    .map(|p| {
                        view! {
                            <a href=p.url.clone() target="_blank">
                                <img
                                    src=p.url.clone()
                                    alt=T::PhotosTitle.text(lang)
                                    loading="lazy"
                                />
                            </a>
                        }
                    })
                    .collect_view()}
            </div>
        </section>
        <ErrorNote error=action_error(decide) />
        <ActionForm action=decide>
            <input type="hidden" name="id" value=id />
            <input type="hidden" name="decision" value="approve" />
            <section class="card">
                <h2>{T::LinesBought.text(lang)}</h2>
                <div class="table-wrap">
                    <table data-testid="claim-lines">
                        <thead>
                            <tr>
                                <th>{T::FieldProduct.text(lang)}</th>
                                <th>{T::FieldQuantity.text(lang)}</th>
                                <th>{T::FieldPoints.text(lang)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {c
                                .lines
                                .iter()
                                .map(|l| {
                                    let shown = l.approved_quantity.unwrap_or(l.quantity);
                                    view! {
                                        <tr>
                                            <td>
                                                {l.product.clone()}
                                                <div class="muted small">{l.breakdown.clone()}</div>
                                            </td>
                                            <td>
                                                <input type="hidden" name="line[]" value=l.id />
                                                <input
                                                    name="quantity[]"
                                                    type="number"
                                                    min="0"
                                                    max=l.quantity
                                                    value=shown
                                                    disabled=!open
                                                    aria-label=T::FieldQuantity.text(lang)
                                                    class="narrow"
                                                />
                                                <span class="muted small">" / " {l.quantity}</span>
                                            </td>
                                            <td>{format::number(lang, l.points)}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
                {open
                    .then(|| {
                        view! {
                            <button
                                type="submit"
                                class="primary"
                                autofocus
                                accesskey="a"
                                data-testid="approve"
                            >
                                {if m.next.is_some() {
                                    T::ApproveNext.text(lang)
                                } else {
                                    T::Approve.text(lang)
                                }}
                            </button>
                        }
                    })}
            </section>
        </ActionForm>
        {open
            .then(|| {
                view! {
                    <section class="card">
                        <h2>{T::Reject.text(lang)}</h2>
                        <ActionForm action=decide>
                            <input type="hidden" name="id" value=id />
                            <input type="hidden" name="decision" value="reject" />
                            <label>
                                {T::FieldReason.text(lang)} <select name="reason" required>
                                    {RejectReason::ALL
                                        .into_iter()
                                        .map(|r| {
                                            view! {
                                                <option value=r.as_str()>{r.label().text(lang)}</option>
                                            }
                                        })
                                        .collect_view()}
                                </select>
                            </label>
                            <label>
                                {T::RejectNote.text(lang)}
                                <textarea name="note" maxlength="1000"></textarea>
                            </label>
                            <button type="submit" class="danger" data-testid="reject">
                                {T::Reject.text(lang)}
                            </button>
                        </ActionForm>
                    </section>
                    <section class="card">
                        <h2>{T::AskForMore.text(lang)}</h2>
                        <ActionForm action=decide>
                            <input type="hidden" name="id" value=id />
                            <input type="hidden" name="decision" value="ask" />
                            <label>
                                {T::QuestionLabel.text(lang)}
                                <textarea name="note" required maxlength="1000"></textarea>
                            </label>
                            <button type="submit" class="secondary" data-testid="ask">
                                {T::AskForMore.text(lang)}
                            </button>
                        </ActionForm>
                    </section>
                }
            })}
        {m
            .next
            .map(|n| {
                view! {
                    <a class="button secondary" href=format!("/admin/receipts/{n}") accesskey="n">
                        {T::NextClaim.text(lang)}
                    </a>
                }
            })}
    }
}
