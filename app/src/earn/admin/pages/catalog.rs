//! Products and their categories: the list, the product form, CSV import and export.

use super::*;

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
                        <OtherLanguages
                            name="tip"
                            texts=Default::default()
                            multiline=false
                            max=300
                        />
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
    // The name in other languages, as stored or as typed into a refused save.
    let mut name_in = p.as_ref().map(|p| p.name_in.clone()).unwrap_or_default();
    for l in Lang::ALL {
        let typed = k.or(
            &format!("name_in[{}]", l.code()),
            name_in.get(l).unwrap_or_default().to_string(),
        );
        name_in.set(l, typed);
    }
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
                )} <OtherLanguages name="name" texts=name_in multiline=false max=120 />
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
                                    <td class="num">
                                        {crate::format::number(lang, p.base_points)}
                                    </td>
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
