//! Admin screens: products and categories, batches and their codes, code lookup and reversal,
//! campaigns with the earning preview, manual adjustments, the audit log. Every form is a plain
//! HTML form posting to its server function, so it works before (or without) WASM.

use super::campaigns::{
    AuditRow, CampaignRow, PreviewAward, SaveCampaign, audit_log, list_campaigns,
};
use super::catalog::{
    CategoryRow, ImportProducts, ProductRow, SaveCategory, SaveProduct, list_categories,
    list_products,
};
use super::codes::{
    AdjustPoints, BatchRow, CreateBatch, ReverseClaim, SetBatchStatus, VoidCode, get_batch,
    list_batches, lookup_code,
};
use crate::domain::{CodeStatus, Points, iso_date};
use crate::earn::rules::{Effect, factor_text};
use crate::error::Field;
use crate::forms::Done;
use crate::forms::FieldNote;
use crate::i18n::{Lang, T};
use crate::ui::{AdminShell, ErrorNote, ErrorPanel, Loading, action_error, use_lang};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The end of an edit form: its error, a "Saved." note, and the Save button.
#[component]
fn SaveFooter<S>(action: ServerAction<S>) -> impl IntoView
where
    S: leptos::server_fn::ServerFn<Error = crate::error::AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    let lang = use_lang();
    view! {
        <ErrorNote error=action_error(action) />
        <Done action=action text=T::Saved />
        <button type="submit" class="primary">
            {T::Save.text(lang)}
        </button>
    }
}

#[component]
pub fn AdminProductsPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let save = crate::forms::form_action::<SaveProduct>();
    let save_category = crate::forms::form_action::<SaveCategory>();
    let import = crate::forms::form_action::<ImportProducts>();
    let q = move || query.read().get("q").unwrap_or_default();
    let editing = move || query.read().get("edit").and_then(|e| e.parse::<i64>().ok());
    let products = Resource::new(
        move || (q(), save.version().get(), import.version().get()),
        |(q, _, _)| list_products(Some(q)),
    );
    let categories = Resource::new(move || save_category.version().get(), |_| list_categories());
    view! {
        <Title text=T::AdminProducts.text(lang) />
        <AdminShell>
            <h1>{T::AdminProducts.text(lang)}</h1>
            <section class="card">
                <h2>{T::NewProduct.text(lang)}</h2>
                <Suspense fallback=Loading>
                    {move || Suspend::new(async move {
                        let cats = categories.await.unwrap_or_default();
                        let editing = match editing() {
                            Some(id) => {
                                list_products(None)
                                    .await
                                    .unwrap_or_default()
                                    .into_iter()
                                    .find(|p| p.id == id)
                            }
                            None => None,
                        };
                        view! { <ProductForm p=editing categories=cats save=save lang=lang /> }
                    })}
                </Suspense>
            </section>
            <section>
                <form method="get" action="/admin/products" class="inline-form" role="search">
                    <input
                        name="q"
                        type="search"
                        value=q
                        placeholder=T::SearchProducts.text(lang)
                        aria-label=T::SearchProducts.text(lang)
                    />
                    <button type="submit">{T::Search.text(lang)}</button>
                    <a class="button secondary" href="/admin/products.csv" download>
                        {T::ExportCsv.text(lang)}
                    </a>
                </form>
                <Suspense fallback=Loading>
                    {move || Suspend::new(async move {
                        match products.await {
                            Ok(rows) => view! { <ProductTable rows=rows lang=lang /> }.into_any(),
                            Err(e) => view! { <ErrorPanel error=e /> }.into_any(),
                        }
                    })}
                </Suspense>
            </section>
            <section class="card">
                <h2>{T::ImportCsv.text(lang)}</h2>
                <p class="muted small">{T::ImportCsvHint.text(lang)}</p>
                <ActionForm action=import>
                    <textarea
                        name="csv"
                        rows="6"
                        required
                        aria-label=T::ImportCsv.text(lang)
                        placeholder="sku,name,gtin,category,base_points,price,active"
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
                                                    ("n", &r.created.to_string()),
                                                    ("points", &r.updated.to_string()),
                                                ],
                                            )}
                                    </p>
                                }
                            })
                    }}
                    <button type="submit">{T::Import.text(lang)}</button>
                </ActionForm>
            </section>
            <section class="card">
                <h2>{T::Categories.text(lang)}</h2>
                <Suspense fallback=Loading>
                    {move || Suspend::new(async move {
                        match categories.await {
                            Ok(rows) => view! { <CategoryList rows=rows /> }.into_any(),
                            Err(e) => view! { <ErrorPanel error=e /> }.into_any(),
                        }
                    })}
                </Suspense>
                <ActionForm action=save_category>
                    <div class="form-grid">
                        <label>
                            {T::FieldCode.text(lang)}
                            <input name="code" required maxlength="40" placeholder="tyres" />
                        </label>
                        <label>
                            {T::FieldName.text(lang)}<input name="name" required maxlength="120" />
                        </label>
                        <label>
                            {T::FieldRatePoints.text(lang)}
                            <input name="rate_points" inputmode="numeric" />
                        </label>
                        <label>
                            {T::FieldRatePer.text(lang)}
                            <input name="rate_per" inputmode="numeric" />
                        </label>
                        <label class="wide">
                            {T::FieldTip.text(lang)}<input name="tip" maxlength="300" />
                        </label>
                    </div>
                    <ErrorNote error=action_error(save_category) />
                    <Done action=save_category text=T::Saved />
                    <button type="submit">{T::SaveCategory.text(lang)}</button>
                </ActionForm>
            </section>
        </AdminShell>
    }
}

#[component]
fn ProductForm(
    p: Option<ProductRow>,
    categories: Vec<CategoryRow>,
    save: ServerAction<SaveProduct>,
    lang: Lang,
) -> impl IntoView {
    let current = p
        .as_ref()
        .and_then(|p| p.category.clone())
        .unwrap_or_default();
    let text = |f: fn(&ProductRow) -> String| p.as_ref().map(f).unwrap_or_default();
    let active = p.as_ref().is_none_or(|p| p.active);
    let id = p.as_ref().map(|p| p.id.to_string());
    let (sku, name, gtin) = (
        text(|p| p.sku.clone()),
        text(|p| p.name.clone()),
        text(|p| p.gtin.clone().unwrap_or_default()),
    );
    let base = p
        .as_ref()
        .map_or("0".to_string(), |p| p.base_points.to_string());
    let price = text(|p| p.price.map(|v| v.to_string()).unwrap_or_default());
    let image = text(|p| p.image_url.clone().unwrap_or_default());
    // A refused save shows the form again as it was typed, the field in error marked and focused.
    let k = crate::forms::Kept::of(save);
    let id = if k.refused() { k.get("id") } else { id };
    let current = k.or("category", current);
    let active = k.checked("active", active);
    let kf = k.clone();
    let field = move |f: Field, label: T, input: AnyView| {
        view! { <label>{label.text(lang)}{input}<FieldNote kept=kf.clone() field=f /></label> }
    };
    view! {
        <ActionForm action=save>
            {id.map(|id| view! { <input type="hidden" name="id" value=id /> })}
            <div class="form-grid">
                {field(
                    Field::Sku,
                    T::FieldSku,
                    view! {
                        <input
                            name="sku"
                            required
                            maxlength="40"
                            value=k.or("sku", sku)
                            aria-invalid=k.aria_invalid(Field::Sku)
                            autofocus=k.invalid(Field::Sku)
                        />
                    }
                        .into_any(),
                )}
                {field(
                    Field::Name,
                    T::FieldName,
                    view! {
                        <input
                            name="name"
                            required
                            maxlength="120"
                            value=k.or("name", name)
                            aria-invalid=k.aria_invalid(Field::Name)
                            autofocus=k.invalid(Field::Name)
                        />
                    }
                        .into_any(),
                )}
                {field(
                    Field::Gtin,
                    T::FieldGtin,
                    view! {
                        <input
                            name="gtin"
                            inputmode="numeric"
                            maxlength="14"
                            value=k.or("gtin", gtin)
                            aria-invalid=k.aria_invalid(Field::Gtin)
                            autofocus=k.invalid(Field::Gtin)
                        />
                    }
                        .into_any(),
                )}
                <label>
                    {T::FieldCategory.text(lang)} <select name="category">
                        <option value="">"—"</option>
                        {categories
                            .into_iter()
                            .map(|c| {
                                let selected = c.code == current;
                                view! {
                                    <option value=c.code.clone() selected=selected>
                                        {c.name}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                {field(
                    Field::BasePoints,
                    T::FieldBasePoints,
                    view! {
                        <input
                            name="base_points"
                            inputmode="numeric"
                            value=k.or("base_points", base)
                            aria-invalid=k.aria_invalid(Field::BasePoints)
                            autofocus=k.invalid(Field::BasePoints)
                        />
                    }
                        .into_any(),
                )}
                {field(
                    Field::Price,
                    T::FieldPrice,
                    view! {
                        <input
                            name="price"
                            inputmode="numeric"
                            value=k.or("price", price)
                            aria-invalid=k.aria_invalid(Field::Price)
                            autofocus=k.invalid(Field::Price)
                        />
                    }
                        .into_any(),
                )}
                {field(
                    Field::ImageUrl,
                    T::FieldImage,
                    view! {
                        <input
                            name="image_url"
                            placeholder="https://…"
                            value=k.or("image_url", image)
                            aria-invalid=k.aria_invalid(Field::ImageUrl)
                            autofocus=k.invalid(Field::ImageUrl)
                        />
                    }
                        .into_any(),
                )} <label class="check">
                    <input type="checkbox" name="active" value="on" checked=active />
                    {T::FieldActive.text(lang)}
                </label>
            </div>
            <ErrorNote error=Signal::stored(
                k
                    .error_except(
                        &[
                            Field::Sku,
                            Field::Name,
                            Field::Gtin,
                            Field::BasePoints,
                            Field::Price,
                            Field::ImageUrl,
                        ],
                    ),
            ) /> <Done action=save text=T::Saved /> <button type="submit" class="primary">
                {T::Save.text(lang)}
            </button>
        </ActionForm>
    }
}

#[component]
fn ProductTable(rows: Vec<ProductRow>, lang: Lang) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="muted">{T::NothingYet.text(lang)}</p> }.into_any();
    }
    view! {
        <div class="table-wrap">
            <table data-testid="products">
                <thead>
                    <tr>
                        <th>{T::FieldSku.text(lang)}</th>
                        <th>{T::FieldName.text(lang)}</th>
                        <th>{T::FieldCategory.text(lang)}</th>
                        <th class="num">{T::FieldBasePoints.text(lang)}</th>
                        <th>{T::FieldActive.text(lang)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|p| {
                            view! {
                                <tr>
                                    <td>
                                        <a href=format!("/admin/products?edit={}", p.id)>
                                            <code>{p.sku}</code>
                                        </a>
                                    </td>
                                    <td>
                                        {p.name}<br />
                                        <small class="muted">{p.gtin.unwrap_or_default()}</small>
                                    </td>
                                    <td>{p.category.unwrap_or_default()}</td>
                                    <td class="num">{Points(p.base_points).to_string()}</td>
                                    <td>{if p.active { "✓" } else { "—" }}</td>
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
fn CategoryList(rows: Vec<CategoryRow>) -> impl IntoView {
    view! {
        <ul class="plain">
            {rows
                .into_iter()
                .map(|c| {
                    let rate = c
                        .rate_points
                        .zip(c.rate_per)
                        .map(|(p, per)| format!(" · {p}/{per}"));
                    view! {
                        <li>
                            <code>{c.code}</code>
                            " "
                            {c.name}
                            {rate}
                            <br />
                            <small class="muted">{c.tip}</small>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

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
                                        {T::BatchCreated.with(lang, &[("n", &b.size.to_string())])}
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
                                            {b.sku.clone()} " · " {iso_date(b.created_at)}
                                        </small>
                                    </td>
                                    <td class="num">{Points(b.size).to_string()}</td>
                                    <td class="num">{Points(b.claimed).to_string()}</td>
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
                                    {Points(b.size).to_string()}
                                    " · "
                                    {T::Claimed.text(lang)}
                                    ": "
                                    {Points(b.claimed).to_string()}
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
                                                            <td>{c.claimed_at.map(iso_date).unwrap_or_default()}</td>
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
                                            {c.claimed_at.map(iso_date).unwrap_or_else(|| "—".into())}
                                        </dd>
                                        <dt>{T::PointsHeader.text(lang)}</dt>
                                        <dd>
                                            {c
                                                .points
                                                .map(|p| Points(p).to_string())
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

fn effect_text(e: Effect) -> String {
    match e {
        Effect::Multiplier(f) => format!("× {}", factor_text(f)),
        Effect::Bonus(b) => format!("+ {}", Points(b)),
    }
}

#[component]
pub fn AdminCampaignsPage() -> impl IntoView {
    let lang = use_lang();
    let save = crate::forms::form_action::<SaveCampaign>();
    let preview = crate::forms::form_action::<PreviewAward>();
    let campaigns = Resource::new(move || save.version().get(), |_| list_campaigns());
    let query = use_query_map();
    let editing = move || query.read().get("edit").and_then(|e| e.parse::<i64>().ok());
    let today = StoredValue::new(iso_date(crate::ui::now_secs()));
    view! {
        <Title text=T::AdminCampaigns.text(lang) />
        <AdminShell>
            <h1>{T::AdminCampaigns.text(lang)}</h1>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match campaigns.await {
                        Ok(rows) => view! { <CampaignList rows=rows lang=lang /> }.into_any(),
                        Err(e) => view! { <ErrorPanel error=e /> }.into_any(),
                    }
                })}
            </Suspense>
            <section class="card">
                <h2>{T::NewCampaign.text(lang)}</h2>
                <Suspense fallback=Loading>
                    {move || Suspend::new(async move {
                        let editing = match editing() {
                            Some(id) => {
                                campaigns
                                    .await
                                    .unwrap_or_default()
                                    .into_iter()
                                    .find(|r| r.campaign.id == id)
                            }
                            None => None,
                        };
                        view! {
                            <CampaignForm row=editing save=save today=today.get_value() lang=lang />
                        }
                    })}
                </Suspense>
            </section>
            <section class="card">
                <h2>{T::PreviewTitle.text(lang)}</h2>
                <ActionForm action=preview>
                    <div class="form-grid">
                        <label>
                            {T::RoleLabel.text(lang)} <select name="kind">
                                <option value="seller">{T::RoleSeller.text(lang)}</option>
                                <option value="foreman">{T::RoleForeman.text(lang)}</option>
                                <option value="engineer">{T::RoleEngineer.text(lang)}</option>
                            </select>
                        </label>
                        <label>
                            {T::TierLabel.text(lang)} <select name="tier">
                                <option value="base">{T::TierBase.text(lang)}</option>
                                <option value="silver">{T::TierSilver.text(lang)}</option>
                                <option value="gold">{T::TierGold.text(lang)}</option>
                            </select>
                        </label>
                        <label>{T::FieldSku.text(lang)}<input name="sku" required /></label>
                        <label>
                            {T::FieldDate.text(lang)}
                            <input name="date" type="date" required value=today.get_value() />
                        </label>
                        <label>{T::FieldRegion.text(lang)}<input name="region" /></label>
                        <label>
                            {T::FieldCompanyId.text(lang)}
                            <input name="company_id" inputmode="numeric" />
                        </label>
                    </div>
                    <ErrorNote error=action_error(preview) />
                    {move || {
                        preview
                            .value()
                            .get()
                            .and_then(|r| r.ok())
                            .map(|p| {
                                view! {
                                    <p class="note ok" role="status" data-testid="preview">
                                        {p.breakdown}
                                    </p>
                                }
                            })
                    }}
                    <button type="submit">{T::PreviewButton.text(lang)}</button>
                </ActionForm>
            </section>
        </AdminShell>
    }
}

#[component]
fn CampaignForm(
    row: Option<CampaignRow>,
    save: ServerAction<SaveCampaign>,
    today: String,
    lang: Lang,
) -> impl IntoView {
    let c = row.as_ref().map(|r| r.campaign.clone());
    let id = c.as_ref().map(|c| c.id.to_string());
    let name = c.as_ref().map(|c| c.name.clone()).unwrap_or_default();
    let starts = c.as_ref().map_or(today.clone(), |c| iso_date(c.starts_at));
    let ends = c.as_ref().map_or(today, |c| iso_date(c.ends_at - 86_400));
    let bonus = matches!(c.as_ref().map(|c| c.effect), Some(Effect::Bonus(_)));
    let value = match c.as_ref().map(|c| c.effect) {
        Some(Effect::Multiplier(f)) => factor_text(f),
        Some(Effect::Bonus(b)) => b.to_string(),
        None => String::new(),
    };
    let skus = row.as_ref().map(|r| r.skus.join(", ")).unwrap_or_default();
    let categories = row
        .as_ref()
        .map(|r| r.categories.join(", "))
        .unwrap_or_default();
    let region = c
        .as_ref()
        .and_then(|c| c.region.clone())
        .unwrap_or_default();
    let company = c
        .as_ref()
        .and_then(|c| c.company_id)
        .map(|i| i.to_string())
        .unwrap_or_default();
    let budget = c
        .as_ref()
        .and_then(|c| c.budget)
        .map(|b| b.to_string())
        .unwrap_or_default();
    let active = c.as_ref().is_none_or(|c| c.active);
    view! {
        <ActionForm action=save>
            {id.map(|id| view! { <input type="hidden" name="id" value=id /> })}
            <div class="form-grid">
                <label class="wide">
                    {T::FieldName.text(lang)}
                    <input name="name" required maxlength="120" value=name />
                </label>
                <label>
                    {T::FieldStarts.text(lang)}
                    <input name="starts" type="date" required value=starts />
                </label>
                <label>
                    {T::FieldEnds.text(lang)}<input name="ends" type="date" required value=ends />
                </label>
                <label>
                    {T::FieldEffect.text(lang)} <select name="effect">
                        <option value="multiplier" selected=!bonus>
                            {T::EffectMultiplier.text(lang)}
                        </option>
                        <option value="bonus" selected=bonus>
                            {T::EffectBonus.text(lang)}
                        </option>
                    </select>
                </label>
                <label>
                    {T::FieldValue.text(lang)}
                    <input name="value" required placeholder="1.5" value=value />
                </label>
                <label>
                    {T::FieldSkus.text(lang)}
                    <input name="skus" placeholder="TYRE-R16, PUMP-1" value=skus />
                </label>
                <label>
                    {T::FieldCategories.text(lang)}
                    <input name="categories" placeholder="tyres" value=categories />
                </label>
                <label>
                    {T::FieldRegion.text(lang)}<input name="region" maxlength="80" value=region />
                </label>
                <label>
                    {T::FieldCompanyId.text(lang)}
                    <input name="company_id" inputmode="numeric" value=company />
                </label>
                <label>
                    {T::FieldBudget.text(lang)}
                    <input name="budget" inputmode="numeric" value=budget />
                </label>
                <label class="check">
                    <input type="checkbox" name="active" value="on" checked=active />
                    {T::FieldActive.text(lang)}
                </label>
            </div> <SaveFooter action=save />
        </ActionForm>
    }
}

#[component]
fn CampaignList(rows: Vec<CampaignRow>, lang: Lang) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="muted">{T::NothingYet.text(lang)}</p> }.into_any();
    }
    view! {
        <div class="table-wrap">
            <table data-testid="campaigns">
                <thead>
                    <tr>
                        <th>{T::FieldName.text(lang)}</th>
                        <th>{T::FieldDates.text(lang)}</th>
                        <th>{T::FieldEffect.text(lang)}</th>
                        <th>{T::AppliesTo.text(lang)}</th>
                        <th class="num">{T::FieldBudget.text(lang)}</th>
                        <th>{T::FieldActive.text(lang)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|r| {
                            let c = r.campaign;
                            let scope = [
                                r.skus.join(", "),
                                r.categories.join(", "),
                                c.region.clone().unwrap_or_default(),
                                c.company_id.map(|id| format!("#{id}")).unwrap_or_default(),
                            ]
                                .into_iter()
                                .filter(|s| !s.is_empty())
                                .collect::<Vec<_>>()
                                .join(" · ");
                            view! {
                                <tr>
                                    <td>
                                        <a href=format!(
                                            "/admin/campaigns?edit={}",
                                            c.id,
                                        )>{c.name.clone()}</a>
                                    </td>
                                    <td>
                                        {iso_date(c.starts_at)} " – "
                                        {iso_date(c.ends_at - 86_400)}
                                    </td>
                                    <td>{effect_text(c.effect)}</td>
                                    <td>
                                        {if scope.is_empty() {
                                            T::AllProducts.text(lang).to_string()
                                        } else {
                                            scope
                                        }}
                                    </td>
                                    <td class="num">
                                        {c
                                            .budget
                                            .map(|b| format!("{} / {}", Points(c.spent), Points(b)))
                                            .unwrap_or_else(|| "—".into())}
                                    </td>
                                    <td>{if c.active { "✓" } else { "—" }}</td>
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
                                                ("points", &crate::i18n::points(lang, a.balance)),
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
                                {iso_date(r.at)} " · " {r.actor.unwrap_or_else(|| "system".into())}
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
