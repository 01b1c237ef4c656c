//! Code batches (create, dispatch, void, print), one batch's codes, and looking up a code.

use super::*;

#[component]
pub fn AdminBatchesPage() -> impl IntoView {
    let lang = use_lang();
    let create = crate::forms::form_action::<CreateBatch>();
    let status = crate::forms::form_action::<SetBatchStatus>();
    let batches = Resource::new(
        move || (create.version().get(), status.version().get()),
        |_| list_batches(),
    );
    let products = Resource::new(|| (), |_| list_products(None));
    view! {
        <Title text=T::AdminBatches.text(lang) />
        <AdminShell>
            <h1>{T::AdminBatches.text(lang)}</h1>
            <section class="card">
                <h2>{T::NewBatch.text(lang)}</h2>
                <ActionForm action=create>
                    <div class="form-grid">
                        <label>
                            {T::FieldProduct.text(lang)} <select name="sku" required>
                                <Suspense fallback=|| ()>
                                    {move || Suspend::new(async move {
                                        products
                                            .await
                                            .unwrap_or_default()
                                            .into_iter()
                                            .map(|p| {
                                                view! {
                                                    <option value=p
                                                        .sku
                                                        .clone()>{format!("{} — {}", p.sku, p.name)}</option>
                                                }
                                            })
                                            .collect_view()
                                    })}
                                </Suspense>
                            </select>
                        </label>
                        <label>
                            {T::FieldCount.text(lang)}
                            <input name="count" inputmode="numeric" required value="100" />
                        </label>
                        <label class="wide">
                            {T::FieldNote.text(lang)}<input name="note" maxlength="200" />
                        </label>
                    </div>
                    <ErrorNote error=action_error(create) />
                    {move || {
                        create
                            .value()
                            .get()
                            .and_then(|r| r.ok())
                            .map(|b| {
                                view! {
                                    <p class="note ok" role="status">
                                        {T::BatchCreated
                                            .with(lang, &[("n", &crate::format::number(lang, b.size))])}
                                        " "
                                        <a href=format!(
                                            "/admin/batches/{}",
                                            b.id,
                                        )>{T::OpenBatch.text(lang)}</a>
                                    </p>
                                }
                            })
                    }}
                    <button type="submit" class="primary">
                        {T::Generate.text(lang)}
                    </button>
                </ActionForm>
            </section>
            <ErrorNote error=action_error(status) />
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match batches.await {
                        Ok(rows) => {
                            view! { <BatchTable rows=rows lang=lang status=status /> }.into_any()
                        }
                        Err(e) => view! { <ErrorPanel error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </AdminShell>
    }
}

#[component]
fn BatchActions(b: BatchRow, lang: Lang, status: ServerAction<SetBatchStatus>) -> impl IntoView {
    let id = b.id.to_string();
    let id2 = id.clone();
    view! {
        <div class="actions">
            {(b.status == CodeStatus::Inactive)
                .then(move || {
                    view! {
                        <ActionForm action=status>
                            <input type="hidden" name="id" value=id2 />
                            <input type="hidden" name="status" value="active" />
                            <button type="submit">{T::Activate.text(lang)}</button>
                        </ActionForm>
                    }
                })}
            {(b.status != CodeStatus::Voided)
                .then(move || {
                    view! {
                        <ActionForm action=status>
                            <input type="hidden" name="id" value=id />
                            <input type="hidden" name="status" value="voided" />
                            <button type="submit" class="danger">
                                {T::Void.text(lang)}
                            </button>
                        </ActionForm>
                    }
                })}
        </div>
    }
}

#[component]
fn BatchTable(
    rows: Vec<BatchRow>,
    lang: Lang,
    status: ServerAction<SetBatchStatus>,
) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="muted">{T::NothingYet.text(lang)}</p> }.into_any();
    }
    view! {
        <div class="table-wrap">
            <table data-testid="batches">
                <thead>
                    <tr>
                        <th>"#"</th>
                        <th>{T::FieldProduct.text(lang)}</th>
                        <th class="num">{T::FieldCount.text(lang)}</th>
                        <th class="num">{T::Claimed.text(lang)}</th>
                        <th>{T::Status.text(lang)}</th>
                        <th></th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|b| {
                            view! {
                                <tr>
                                    <td>
                                        <a href=format!("/admin/batches/{}", b.id)>{b.id}</a>
                                    </td>
                                    <td>
                                        {b.product.clone()}<br />
                                        <small class="muted">
                                            {b.sku.clone()} " · "
                                            {crate::format::date(lang, b.created_at)}
                                        </small>
                                    </td>
                                    <td class="num">{crate::format::number(lang, b.size)}</td>
                                    <td class="num">{crate::format::number(lang, b.claimed)}</td>
                                    <td>{b.status.label().text(lang)}</td>
                                    <td>
                                        <BatchActions b=b lang=lang status=status />
                                    </td>
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
pub fn AdminBatchPage() -> impl IntoView {
    let lang = use_lang();
    let status = crate::forms::form_action::<SetBatchStatus>();
    let id = crate::ui::use_id_param();
    let batch = Resource::new(
        move || (id(), status.version().get()),
        |(id, _)| get_batch(id),
    );
    view! {
        <Title text=T::AdminBatches.text(lang) />
        <AdminShell>
            <ErrorNote error=action_error(status) />
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match batch.await {
                        Ok(d) => {
                            let b = d.batch.clone();
                            view! {
                                <h1>
                                    {T::BatchTitle.with(lang, &[("n", &b.id.to_string())])} " · "
                                    {b.product.clone()}
                                </h1>
                                <p>
                                    <code>{b.sku.clone()}</code>
                                    " · "
                                    {crate::format::number(lang, b.size)}
                                    " · "
                                    {T::Claimed.text(lang)}
                                    ": "
                                    {crate::format::number(lang, b.claimed)}
                                    " · "
                                    <strong data-testid="batch-status">
                                        {b.status.label().text(lang)}
                                    </strong>
                                </p>
                                {(!b.note.is_empty())
                                    .then(|| view! { <p class="muted">{b.note.clone()}</p> })}
                                <div class="actions">
                                    <a
                                        class="button"
                                        href=format!("/admin/batches/{}/labels", b.id)
                                        rel="external"
                                        target="_blank"
                                    >
                                        {T::LabelSheet.text(lang)}
                                    </a>
                                    <a
                                        class="button secondary"
                                        href=format!("/admin/batches/{}/codes.csv", b.id)
                                        rel="external"
                                        download
                                    >
                                        {T::ExportCsv.text(lang)}
                                    </a>
                                </div>
                                <BatchActions b=b.clone() lang=lang status=status />
                                <div class="table-wrap">
                                    <table data-testid="codes">
                                        <thead>
                                            <tr>
                                                <th>{T::UnitCodeLabel.text(lang)}</th>
                                                <th>{T::Status.text(lang)}</th>
                                                <th>{T::Claimed.text(lang)}</th>
                                            </tr>
                                        </thead>
                                        <tbody>
                                            {d
                                                .codes
                                                .into_iter()
                                                .map(|c| {
                                                    view! {
                                                        <tr>
                                                            <td>
                                                                <a href=format!("/admin/codes?code={}", c.code)>
                                                                    <code>{c.code.clone()}</code>
                                                                </a>
                                                            </td>
                                                            <td>{c.status.label().text(lang)}</td>
                                                            <td>
                                                                {c
                                                                    .claimed_at
                                                                    .map(|t| crate::format::date(lang, t))
                                                                    .unwrap_or_default()}
                                                            </td>
                                                        </tr>
                                                    }
                                                })
                                                .collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                                {(b.size > 500)
                                    .then(|| {
                                        view! {
                                            <p class="muted small">{T::FirstCodesOnly.text(lang)}</p>
                                        }
                                    })}
                            }
                                .into_any()
                        }
                        Err(e) => view! { <ErrorPanel error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </AdminShell>
    }
}

#[component]
pub fn AdminCodesPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let reverse = crate::forms::form_action::<ReverseClaim>();
    let void = crate::forms::form_action::<VoidCode>();
    let code = move || query.read().get("code").unwrap_or_default();
    let info = Resource::new(
        move || (code(), reverse.version().get(), void.version().get()),
        |(code, _, _)| async move {
            if code.trim().is_empty() {
                None
            } else {
                Some(lookup_code(code).await)
            }
        },
    );
    view! {
        <Title text=T::AdminCodes.text(lang) />
        <AdminShell>
            <h1>{T::AdminCodes.text(lang)}</h1>
            <form method="get" action="/admin/codes" class="inline-form" role="search">
                <input
                    name="code"
                    value=code
                    required
                    placeholder="ABCD-EFGH-JKMN-PQRS"
                    aria-label=T::UnitCodeLabel.text(lang)
                    autocapitalize="characters"
                    spellcheck="false"
                />
                <button type="submit" class="primary">
                    {T::Search.text(lang)}
                </button>
            </form>
            <ErrorNote error=action_error(reverse) />
            <ErrorNote error=action_error(void) />
            <Done action=reverse text=T::Reversed />
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match info.await {
                        None => ().into_any(),
                        Some(Err(e)) => view! { <ErrorPanel error=e /> }.into_any(),
                        Some(Ok(c)) => {
                            let code_value = c.code.clone();
                            let code_value2 = c.code.clone();
                            let claimed = c.claimed_by.is_some();
                            view! {
                                <section class="card" data-testid="code-info">
                                    <h2>
                                        <code>{c.code.clone()}</code>
                                    </h2>
                                    <dl class="facts">
                                        <dt>{T::Status.text(lang)}</dt>
                                        <dd>{c.status.label().text(lang)}</dd>
                                        <dt>{T::FieldProduct.text(lang)}</dt>
                                        <dd>{c.product.clone()} " (" {c.sku.clone()} ")"</dd>
                                        <dt>{T::BatchTitle.with(lang, &[("n", "")])}</dt>
                                        <dd>
                                            <a href=format!(
                                                "/admin/batches/{}",
                                                c.batch_id,
                                            )>{c.batch_id}</a>
                                        </dd>
                                        <dt>{T::ClaimedBy.text(lang)}</dt>
                                        <dd data-testid="claimed-by">
                                            {match &c.claimed_by {
                                                Some(p) => {
                                                    format!(
                                                        "{} · {} · {}",
                                                        p.name,
                                                        p.phone.clone().unwrap_or_default(),
                                                        p.company.clone().unwrap_or_default(),
                                                    )
                                                }
                                                None => "—".to_string(),
                                            }}
                                        </dd>
                                        <dt>{T::ClaimedAt.text(lang)}</dt>
                                        <dd>
                                            {c
                                                .claimed_at
                                                .map(|t| crate::format::date(lang, t))
                                                .unwrap_or_else(|| "—".into())}
                                        </dd>
                                        <dt>{T::PointsHeader.text(lang)}</dt>
                                        <dd>
                                            {c
                                                .points
                                                .map(|p| crate::format::number(lang, p))
                                                .unwrap_or_else(|| "—".into())}
                                        </dd>
                                    </dl>
                                </section>
                                {claimed
                                    .then(move || {
                                        view! {
                                            <section class="card">
                                                <h2>{T::ReverseClaim.text(lang)}</h2>
                                                <ActionForm action=reverse>
                                                    <input type="hidden" name="code" value=code_value />
                                                    <label for="reason">{T::FieldReason.text(lang)}</label>
                                                    <input
                                                        id="reason"
                                                        name="reason"
                                                        required
                                                        minlength="3"
                                                        maxlength="300"
                                                    />
                                                    <fieldset>
                                                        <label class="check">
                                                            <input type="radio" name="then" value="reuse" checked />
                                                            {T::ThenReuse.text(lang)}
                                                        </label>
                                                        <label class="check">
                                                            <input type="radio" name="then" value="void" />
                                                            {T::ThenVoid.text(lang)}
                                                        </label>
                                                    </fieldset>
                                                    <button type="submit" class="danger">
                                                        {T::ReverseClaim.text(lang)}
                                                    </button>
                                                </ActionForm>
                                            </section>
                                        }
                                    })}
                                {(!claimed && c.status != CodeStatus::Voided)
                                    .then(move || {
                                        view! {
                                            <ActionForm action=void>
                                                <input type="hidden" name="code" value=code_value2 />
                                                <button type="submit" class="danger">
                                                    {T::VoidCode.text(lang)}
                                                </button>
                                            </ActionForm>
                                        }
                                    })}
                            }
                                .into_any()
                        }
                    }
                })}
            </Suspense>
        </AdminShell>
    }
}
