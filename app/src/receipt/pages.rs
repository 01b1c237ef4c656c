//! The participant's receipt screens: claiming a purchase (the document, then the products it
//! held), the list of their claims, and one claim with its status, the checker's question and
//! its photos. Every form is a plain HTML form: the claim screen builds its lines through links
//! and GET forms, so it works the same before (or without) the WASM.

use super::{
    AnswerClaim, ClaimView, ClaimsPage, DraftData, ReceiptSummary, SubmitClaim, draft, lines_param,
    my_claim, my_claims, team_claims,
};
use crate::domain::{ReceiptStatus, url_escape};
use crate::error::Field;
use crate::format::{self, Currency};
use crate::forms::{FieldNote, Kept};
use crate::i18n::{Lang, T};
use crate::ui::{ErrorNote, ErrorPanel, Loading, ParticipantShell, use_id_param, use_lang};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The claim screen's address with `lines` (and the scanned QR) kept.
fn draft_href(qr: Option<&str>, lines: &[(i64, i64)]) -> String {
    let mut href = "/claims/new?".to_string();
    if let Some(qr) = qr {
        href.push_str(&format!("qr={}&", url_escape(qr)));
    }
    href.push_str(&format!("lines={}", lines_param(lines)));
    href
}

fn with_line(lines: &[(i64, i64)], id: i64) -> Vec<(i64, i64)> {
    let mut out = lines.to_vec();
    match out.iter_mut().find(|l| l.0 == id) {
        Some(l) => l.1 += 1,
        None => out.push((id, 1)),
    }
    out
}

fn without_line(lines: &[(i64, i64)], id: i64) -> Vec<(i64, i64)> {
    lines.iter().copied().filter(|l| l.0 != id).collect()
}

/// The camera on the claim screen, for the products' own barcodes (EAN): a product read is
/// looked up as if its digits were typed into the search. Without JavaScript the search box does
/// the same with typed digits.
#[leptos::island]
fn ProductScanner(lang: Lang, base: String) -> impl IntoView {
    use crate::earn::scan::scanned::Seen;
    provide_context(lang);
    let live = RwSignal::new(false);
    Effect::new(move |_| live.set(true));
    let on_seen = Callback::new(move |seen: Seen| {
        if let Seen::ProductBarcode(digits) = seen {
            crate::earn::scan::go_to(&format!("{base}&q={}", url_escape(&digits)));
        }
    });
    view! {
        <div class="product-scanner" data-testid="product-scanner">
            <crate::earn::scan::camera::Camera on_seen=on_seen live=live.into() lang=lang />
        </div>
    }
}

#[component]
pub fn ClaimPurchasePage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let args = move || {
        let q = query.read();
        let mut lines = q.get("lines").unwrap_or_default();
        // The "Add" form of a found product: its id and how many.
        if let Some(add) = q.get("add").filter(|a| !a.trim().is_empty()) {
            let qty = q.get("qty").filter(|n| !n.trim().is_empty());
            lines = format!(
                "{lines},{}x{}",
                add.trim(),
                qty.as_deref().unwrap_or("1").trim()
            );
        }
        (
            q.get("qr").filter(|s| !s.trim().is_empty()),
            lines,
            q.get("q"),
        )
    };
    let state = Resource::new(args, |(qr, lines, q)| draft(qr, Some(lines), q));
    let submit = crate::forms::form_action::<SubmitClaim>();
    view! {
        <Title text=T::ClaimPurchaseTitle.text(lang) />
        <ParticipantShell>
            <h1>{T::ClaimPurchaseTitle.text(lang)}</h1>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    let (qr, _, q) = args();
                    match state.await {
                        Ok(d) => {
                            view! {
                                <DraftView
                                    d=d
                                    qr=qr
                                    q=q.unwrap_or_default()
                                    submit=submit
                                    lang=lang
                                />
                            }
                                .into_any()
                        }
                        Err(e) => {
                            view! {
                                <ErrorPanel error=e />
                                <a class="button secondary" href="/claims/new">
                                    {T::StartAgain.text(lang)}
                                </a>
                            }
                                .into_any()
                        }
                    }
                })}
            </Suspense>
        </ParticipantShell>
    }
}

#[component]
fn DraftView(
    d: DraftData,
    qr: Option<String>,
    q: String,
    submit: ServerAction<SubmitClaim>,
    lang: Lang,
) -> impl IntoView {
    let kept = Kept::of(submit);
    let chosen: Vec<(i64, i64)> = d.lines.iter().map(|l| (l.product.id, l.quantity)).collect();
    // A QR that cannot be claimed is shown with its reason; the details can be typed instead.
    let qr_ok = d.qr.is_some();
    let qr_kept = qr.clone().filter(|_| qr_ok);
    let document = match (&d.qr, &d.qr_error) {
        (Some((at, total, number)), _) => view! {
            <section class="card" data-testid="receipt-read">
                <h2>{T::ReceiptScanned.text(lang)}</h2>
                <dl class="facts">
                    <dt>{T::FieldDocumentDate.text(lang)}</dt>
                    <dd data-testid="receipt-date">
                        {format::date(lang, *at)} " " {format::time(*at)}
                    </dd>
                    <dt>{T::FieldDocumentTotal.text(lang)}</dt>
                    <dd data-testid="receipt-total">
                        {format::money(lang, *total, Currency::Rub)}
                    </dd>
                    <dt>{T::FieldDocumentNo.text(lang)}</dt>
                    <dd>{number.clone()}</dd>
                </dl>
            </section>
        }
        .into_any(),
        (None, Some(e)) => view! {
            <section class="card">
                <p class="note error" role="alert" data-code=e.code()>
                    {e.message(lang)}
                </p>
                <a class="button secondary" href=draft_href(None, &chosen)>
                    {T::TypeInstead.text(lang)}
                </a>
            </section>
        }
        .into_any(),
        (None, None) => view! { <p class="muted">{T::ClaimPurchaseLead.text(lang)}</p> }.into_any(),
    };
    let refused_qr = d.qr_error.is_some();
    let lines_view = if d.lines.is_empty() {
        view! {
            <p class="muted" data-testid="no-lines">
                {T::LinesEmpty.text(lang)}
            </p>
        }
        .into_any()
    } else {
        view! {
            <ul class="lines" data-testid="lines">
                {d
                    .lines
                    .iter()
                    .map(|l| {
                        view! {
                            <li>
                                <span>{l.product.name.clone()} " × " {l.quantity}</span>
                                <span class="muted small">
                                    {T::AboutPoints
                                        .with(lang, &[("points", &format::points(lang, l.points))])}
                                </span>
                                <a
                                    class="small"
                                    href=draft_href(
                                        qr_kept.as_deref(),
                                        &without_line(&chosen, l.product.id),
                                    )
                                >
                                    {T::RemoveButton.text(lang)}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p class="total" data-testid="about-points">
                <strong>
                    {T::AboutPoints.with(lang, &[("points", &format::points(lang, d.points))])}
                </strong>
            </p>
        }
        .into_any()
    };
    let add_link = |p: &super::ProductChoice| {
        view! {
            <li>
                <span>{p.name.clone()}</span>
                <span class="muted small">{p.sku.clone()}</span>
                <a
                    class="button small"
                    href=draft_href(qr_kept.as_deref(), &with_line(&chosen, p.id))
                    data-testid="add-product"
                >
                    {T::AddButton.text(lang)}
                </a>
            </li>
        }
    };
    let found = (!q.trim().is_empty()).then(|| {
        if d.found.is_empty() {
            view! { <p class="muted">{T::NothingFound.text(lang)}</p> }.into_any()
        } else {
            view! {
                <ul class="choices" data-testid="found">
                    {d.found.iter().map(add_link).collect_view()}
                </ul>
            }
            .into_any()
        }
    });
    let usual = (!d.usual.is_empty()).then(|| {
        view! {
            <h3>{T::UsualProducts.text(lang)}</h3>
            <ul class="choices" data-testid="usual">
                {d.usual.iter().map(add_link).collect_view()}
            </ul>
        }
    });
    let typed = |name: &'static str| StoredValue::new(kept.or(name, ""));
    let (number, supplier, date, total, shop) = (
        typed("number"),
        typed("supplier"),
        typed("date"),
        typed("total"),
        typed("shop"),
    );
    let bad = |f: Field| (kept.aria_invalid(f), kept.invalid(f));
    let (no_bad, no_focus) = bad(Field::DocumentNo);
    let (date_bad, date_focus) = bad(Field::ReceiptDate);
    let (total_bad, total_focus) = bad(Field::ReceiptTotal);
    let (tax_bad, tax_focus) = bad(Field::TaxId);
    let (shop_bad, _) = bad(Field::Shop);
    let has_lines = !d.lines.is_empty();
    view! {
        {document}
        <section class="card">
            <h2>{T::LinesTitle.text(lang)}</h2>
            {lines_view}
            <ProductScanner lang=lang base=draft_href(qr_kept.as_deref(), &chosen) />
            <form method="get" action="/claims/new" class="search" role="search">
                {qr_kept.clone().map(|qr| view! { <input type="hidden" name="qr" value=qr /> })}
                <input type="hidden" name="lines" value=lines_param(&chosen) />
                <label for="find">{T::FindProduct.text(lang)}</label>
                <input
                    id="find"
                    name="q"
                    type="search"
                    inputmode="search"
                    maxlength="200"
                    value=q.clone()
                    enterkeyhint="search"
                />
                <button type="submit" class="secondary">
                    {T::FindButton.text(lang)}
                </button>
            </form>
            {found}
            {usual}
        </section>
        <ActionForm action=submit>
            {qr_kept.clone().map(|qr| view! { <input type="hidden" name="qr" value=qr /> })}
            {(!qr_ok)
                .then(|| {
                    view! {
                        <section class="card" data-testid="typed-document">
                            <h2>{T::TypedDocumentTitle.text(lang)}</h2>
                            {refused_qr
                                .then(|| {
                                    view! { <p class="muted">{T::ClaimPurchaseLead.text(lang)}</p> }
                                })}
                            <div class="form-grid">
                                <label>
                                    {T::FieldDocumentNo.text(lang)}
                                    <input
                                        name="number"
                                        required
                                        maxlength="40"
                                        value=number.get_value()
                                        aria-invalid=no_bad
                                        autofocus=no_focus
                                    />
                                </label>
                                <FieldNote kept=kept.clone() field=Field::DocumentNo />
                                <label>
                                    {T::FieldDocumentDate.text(lang)}
                                    <input
                                        name="date"
                                        type="date"
                                        required
                                        value=date.get_value()
                                        aria-invalid=date_bad
                                        autofocus=date_focus
                                    />
                                </label>
                                <FieldNote kept=kept.clone() field=Field::ReceiptDate />
                                <label>
                                    {T::FieldDocumentTotal.text(lang)}
                                    <input
                                        name="total"
                                        required
                                        inputmode="decimal"
                                        maxlength="16"
                                        placeholder="975.88"
                                        value=total.get_value()
                                        aria-invalid=total_bad
                                        autofocus=total_focus
                                    />
                                </label>
                                <FieldNote kept=kept.clone() field=Field::ReceiptTotal />
                                <label>
                                    {T::FieldSupplierTaxId.text(lang)}
                                    <input
                                        name="supplier"
                                        maxlength="20"
                                        inputmode="numeric"
                                        value=supplier.get_value()
                                        aria-invalid=tax_bad
                                        autofocus=tax_focus
                                    />
                                </label>
                                <FieldNote kept=kept.clone() field=Field::TaxId />
                            </div>
                        </section>
                    }
                })} <section class="card">
                <label>
                    {T::FieldShop.text(lang)}
                    <input
                        name="shop"
                        maxlength="120"
                        value=shop.get_value()
                        aria-invalid=shop_bad
                    />
                </label>
                {d
                    .lines
                    .iter()
                    .map(|l| {
                        view! {
                            <input type="hidden" name="product[]" value=l.product.id />
                            <input type="hidden" name="quantity[]" value=l.quantity />
                        }
                    })
                    .collect_view()}
                <ErrorNote error=Signal::derive({
                    let kept = kept.clone();
                    move || {
                        kept.error_except(
                            &[
                                Field::DocumentNo,
                                Field::ReceiptDate,
                                Field::ReceiptTotal,
                                Field::TaxId,
                            ],
                        )
                    }
                }) />
                {(!has_lines)
                    .then(|| view! { <p class="muted small">{T::HintLines.text(lang)}</p> })}
                <button type="submit" class="primary" disabled=!has_lines data-testid="send-claim">
                    {T::SendForCheck.text(lang)}
                </button>
            </section>
        </ActionForm>
    }
}

/// A claim's status as a short line, with its points.
fn status_line(
    lang: Lang,
    status: ReceiptStatus,
    expected: i64,
    final_points: Option<i64>,
) -> String {
    let points = match (status, final_points) {
        (ReceiptStatus::Approved, Some(p)) => {
            T::PointsCredited.with(lang, &[("points", &format::points(lang, p))])
        }
        (ReceiptStatus::Rejected, _) => String::new(),
        _ => T::AboutPoints.with(lang, &[("points", &format::points(lang, expected))]),
    };
    if points.is_empty() {
        status.label().text(lang).to_string()
    } else {
        format!("{} · {points}", status.label().text(lang))
    }
}

#[component]
pub fn MyClaimsPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let before = move || {
        query
            .read()
            .get("before")
            .and_then(|b| b.parse::<i64>().ok())
    };
    let page = Resource::new(before, my_claims);
    view! {
        <Title text=T::MyClaimsTitle.text(lang) />
        <ParticipantShell>
            <h1>{T::MyClaimsTitle.text(lang)}</h1>
            <a class="button primary" href="/claims/new" data-testid="claim-purchase">
                {T::ClaimPurchaseTitle.text(lang)}
            </a>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(ClaimsPage { claims, next_before, pending }) => {
                            view! {
                                {(pending > 0)
                                    .then(|| {
                                        view! {
                                            <p class="note" data-testid="pending-points">
                                                {T::PendingPoints
                                                    .with(lang, &[("points", &format::points(lang, pending))])}
                                            </p>
                                        }
                                    })}
                                <ClaimList claims=claims lang=lang link=true />
                                {next_before
                                    .map(|b| {
                                        view! {
                                            <a
                                                class="button secondary"
                                                href=format!("/claims?before={b}")
                                            >
                                                {T::ShowMore.text(lang)}
                                            </a>
                                        }
                                    })}
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

/// Claims as a list: the participant's own (linked to each claim) or a team's (names, no links).
#[component]
pub fn ClaimList(claims: Vec<ReceiptSummary>, lang: Lang, link: bool) -> impl IntoView {
    if claims.is_empty() {
        return view! {
            <p class="muted" data-testid="no-claims">
                {T::MyClaimsEmpty.text(lang)}
            </p>
        }
        .into_any();
    }
    view! {
        <ul class="activity" data-testid="claims">
            {claims
                .into_iter()
                .map(|c| {
                    let title = T::ClaimNumber.with(lang, &[("n", &c.id.to_string())]);
                    let title = if link {
                        view! { <a href=format!("/claims/{}", c.id)>{title}</a> }.into_any()
                    } else {
                        view! { <span>{c.name.clone()} " · " {title}</span> }.into_any()
                    };
                    let why = c.reject_reason.map(|r| r.label().text(lang).to_string());
                    view! {
                        <li data-status=c.status.as_str()>
                            <div>
                                <span class="reason">{title}</span>
                                <span class="kind">
                                    {status_line(lang, c.status, c.expected_points, c.final_points)}
                                </span>
                                {why.map(|w| view! { <span class="small">{w}</span> })}
                                <time class="muted small">
                                    {format::date(lang, c.document_at)} " · "
                                    {format::money(lang, c.total, Currency::Rub)}
                                </time>
                            </div>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
pub fn MyClaimPage() -> impl IntoView {
    let lang = use_lang();
    let id = use_id_param();
    let query = use_query_map();
    let answer = crate::forms::form_action::<AnswerClaim>();
    let claim = Resource::new(
        move || (id(), answer.version().get()),
        |(id, _)| my_claim(id),
    );
    let flag = move |k: &str| query.read_untracked().get(k).is_some();
    let photo_error = move || {
        query
            .read_untracked()
            .get("photo_error")
            .map(|c| super::photo_refusal(&c))
    };
    view! {
        <Title text=T::MyClaimsTitle.text(lang) />
        <ParticipantShell>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match claim.await {
                        Ok(c) => {
                            view! {
                                <ClaimDetail
                                    c=c
                                    lang=lang
                                    sent=flag("sent")
                                    answered=flag("answered")
                                    photo_added=flag("photo")
                                    photo_error=photo_error()
                                    answer=answer
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
fn ClaimDetail(
    c: ClaimView,
    lang: Lang,
    sent: bool,
    answered: bool,
    photo_added: bool,
    photo_error: Option<crate::error::AppError>,
    answer: ServerAction<AnswerClaim>,
) -> impl IntoView {
    let open = c.status.open();
    let asks = c.status == ReceiptStatus::NeedsInfo;
    let id = c.id;
    let kept = Kept::of(answer);
    view! {
        <h1>{T::ClaimNumber.with(lang, &[("n", &c.id.to_string())])}</h1>
        {sent
            .then(|| {
                view! {
                    <p class="note ok" role="status" data-testid="claim-sent">
                        {T::ClaimSent.text(lang)}
                    </p>
                }
            })}
        {answered
            .then(|| {
                view! {
                    <p class="note ok" role="status">
                        {T::AnswerSent.text(lang)}
                    </p>
                }
            })}
        <section class="card">
            <p class="status" data-testid="claim-status" data-status=c.status.as_str()>
                <strong>{status_line(lang, c.status, c.expected_points, c.final_points)}</strong>
            </p>
            {c.reject_reason.map(|r| view! { <p>{r.label().text(lang)}</p> })}
            {c
                .note
                .clone()
                .filter(|n| !n.is_empty() && !asks)
                .map(|n| view! { <p class="muted">{n}</p> })}
            <dl class="facts">
                <dt>{T::FieldDocumentNo.text(lang)}</dt>
                <dd>{c.document_no.clone()} " · " {c.source.label().text(lang)}</dd>
                <dt>{T::FieldDocumentDate.text(lang)}</dt>
                <dd>{format::date(lang, c.document_at)}</dd>
                <dt>{T::FieldDocumentTotal.text(lang)}</dt>
                <dd>{format::money(lang, c.total, Currency::Rub)}</dd>
                {(!c.shop.is_empty())
                    .then(|| {
                        view! {
                            <dt>{T::BoughtAt.text(lang)}</dt>
                            <dd>{c.shop.clone()}</dd>
                        }
                    })}
            </dl>
        </section>
        {asks
            .then(|| {
                view! {
                    <section class="card" data-testid="question">
                        <h2>{T::ModeratorAsks.text(lang)}</h2>
                        <p>{c.note.clone().unwrap_or_default()}</p>
                        <ActionForm action=answer>
                            <input type="hidden" name="id" value=id />
                            <label>
                                {T::YourAnswer.text(lang)}
                                <textarea
                                    name="answer"
                                    required
                                    maxlength="1000"
                                    aria-invalid=kept.aria_invalid(Field::Note)
                                >
                                    {kept.or("answer", "")}
                                </textarea>
                            </label>
                            <ErrorNote error=crate::ui::action_error(answer) />
                            <button type="submit" class="primary">
                                {T::SendAnswer.text(lang)}
                            </button>
                        </ActionForm>
                    </section>
                }
            })}
        <section class="card">
            <h2>{T::LinesBought.text(lang)}</h2>
            <ul class="lines">
                {c
                    .lines
                    .iter()
                    .map(|l| {
                        let q = match l.approved_quantity {
                            Some(a) if a != l.quantity => format!("{a} / {}", l.quantity),
                            _ => l.quantity.to_string(),
                        };
                        view! {
                            <li>
                                <span>{l.product.clone()} " × " {q}</span>
                                <span class="muted small">{format::points(lang, l.points)}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
        <section class="card">
            <h2>{T::PhotosTitle.text(lang)}</h2>
            {photo_added
                .then(|| {
                    view! {
                        <p class="note ok" role="status">
                            {T::PhotoAdded.text(lang)}
                        </p>
                    }
                })}
            {photo_error
                .map(|e| {
                    view! {
                        <p class="note error" role="alert" data-code=e.code()>
                            {e.message(lang)}
                        </p>
                    }
                })}
            <div class="photos">
                {c
                    .photos
                    .iter()
                    .map(|p| {
                        view! {
                            <a href=p.url.clone()>
                                <img
                                    src=p.thumb.clone()
                                    alt=T::PhotosTitle.text(lang)
                                    width="96"
                                    height="96"
                                    loading="lazy"
                                />
                            </a>
                        }
                    })
                    .collect_view()}
            </div>
            {(open && c.photos.len() < super::MAX_PHOTOS)
                .then(|| {
                    view! {
                        <form
                            method="post"
                            action=format!("/claims/{id}/photos")
                            enctype="multipart/form-data"
                        >
                            <label>
                                {T::AddPhoto.text(lang)}
                                <input
                                    type="file"
                                    name="photo"
                                    accept="image/jpeg,image/png,image/webp"
                                    capture="environment"
                                    required
                                />
                            </label>
                            <button type="submit" class="secondary">
                                {T::AddButton.text(lang)}
                            </button>
                        </form>
                    }
                })}
        </section>
        <a class="button secondary" href="/claims">
            {T::MyClaimsTitle.text(lang)}
        </a>
    }
}

/// The partner manager's view of his staff's purchase claims: who, status and points; never
/// their photos or lines.
#[component]
pub fn TeamReceiptsPage() -> impl IntoView {
    let lang = use_lang();
    let claims = Resource::new(|| (), |_| team_claims());
    view! {
        <Title text=T::ClaimsLink.text(lang) />
        <ParticipantShell>
            <h1>{T::ClaimsLink.text(lang)}</h1>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match claims.await {
                        Ok(c) => view! { <ClaimList claims=c lang=lang link=false /> }.into_any(),
                        Err(e) => view! { <ErrorPanel error=e /> }.into_any(),
                    }
                })}
            </Suspense>
            <a class="button secondary" href="/team">
                {T::TeamTitle.text(lang)}
            </a>
        </ParticipantShell>
    }
}
