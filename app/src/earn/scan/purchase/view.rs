//! The purchase being claimed without signal, the purchases waiting, and the answers to those
//! sent, as the Scan screen shows them.

use super::*;

fn typed(node: NodeRef<leptos::html::Input>) -> Option<String> {
    node.get_untracked()
        .map(|el| el.value().trim().to_string())
        .filter(|v| !v.is_empty())
}

/// The claim being made without signal.
#[component]
pub fn PurchaseForm(p: Purchases, qr: Option<String>, lang: Lang) -> impl IntoView {
    let read = qr.as_deref().map(FiscalQr::parse);
    let document = match &read {
        Some(Ok(r)) => view! {
            <dl class="facts" data-testid="offline-receipt-read">
                <dt>{T::FieldDocumentDate.text(lang)}</dt>
                <dd>
                    {crate::format::date(lang, crate::format::from_local(r.wall_time))} " "
                    {crate::format::time(crate::format::from_local(r.wall_time))}
                </dd>
                <dt>{T::FieldDocumentTotal.text(lang)}</dt>
                <dd>{crate::format::money(lang, r.total, crate::format::Currency::Rub)}</dd>
                <dt>{T::FieldDocumentNo.text(lang)}</dt>
                <dd>{r.document.to_string()}</dd>
            </dl>
        }
        .into_any(),
        Some(Err(e)) => {
            let e = crate::receipt::qr_refusal(*e);
            view! {
                <p class="note error" role="alert" data-code=e.code()>
                    {e.message(lang)}
                </p>
            }
            .into_any()
        }
        None => ().into_any(),
    };
    let qr_ok = matches!(read, Some(Ok(_)));
    let (number, date, total, supplier, shop, photos) = (
        NodeRef::<leptos::html::Input>::new(),
        NodeRef::<leptos::html::Input>::new(),
        NodeRef::<leptos::html::Input>::new(),
        NodeRef::<leptos::html::Input>::new(),
        NodeRef::<leptos::html::Input>::new(),
        NodeRef::<leptos::html::Input>::new(),
    );
    let search = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let keeping = RwSignal::new(false);
    let qr = StoredValue::new(qr.filter(|_| qr_ok));
    let keep = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(user) = p.user else { return };
        let fields = Fields {
            qr: qr.get_value(),
            number: if qr_ok { None } else { typed(number) },
            date: if qr_ok { None } else { typed(date) },
            total: if qr_ok { None } else { typed(total) },
            supplier: if qr_ok { None } else { typed(supplier) },
            shop: typed(shop),
        };
        let lines: Vec<(i64, i64)> = p
            .lines
            .get_untracked()
            .iter()
            .map(|(prod, n)| (prod.id, *n))
            .collect();
        if let Err(e) = check(&fields, &lines) {
            error.set(Some(e));
            return;
        }
        error.set(None);
        let Ok(json) = serde_json::to_string(&NewClaim {
            fields: &fields,
            lines,
        }) else {
            return;
        };
        #[cfg(feature = "hydrate")]
        let files: store::JsFiles = photos
            .get_untracked()
            .map(wasm_bindgen::JsValue::from)
            .unwrap_or(wasm_bindgen::JsValue::UNDEFINED);
        #[cfg(not(feature = "hydrate"))]
        let files: store::JsFiles = {
            let _ = photos;
            None
        };
        keeping.set(true);
        leptos::task::spawn_local(async move {
            let kept = store::keep_receipt(user, json, files).await;
            keeping.set(false);
            if kept {
                p.close();
                p.reload(user).await;
                store::request_sync();
                if store::online() {
                    p.send();
                }
            } else {
                error.set(Some(AppError::Internal));
            }
        });
    };
    // One typed field: its label, where it is read from, its name, input type, keyboard and
    // length, as the claim screen's own form has them.
    let field = |label: T,
                 node: NodeRef<leptos::html::Input>,
                 name: &'static str,
                 kind: &'static str,
                 keyboard: &'static str,
                 max: &'static str| {
        view! {
            <label>
                {label.text(lang)}
                <input node_ref=node name=name type=kind inputmode=keyboard maxlength=max />
            </label>
        }
    };
    view! {
        <section class="card purchase" data-testid="offline-purchase">
            <h2>{T::OfflinePurchaseTitle.text(lang)}</h2>
            <p class="small muted">{T::OfflinePurchaseLead.text(lang)}</p>
            {document}
            <form on:submit=keep>
                {(!qr_ok)
                    .then(|| {
                        view! {
                            <div class="form-grid" data-testid="offline-typed">
                                {field(T::FieldDocumentNo, number, "number", "text", "text", "40")}
                                {field(T::FieldDocumentDate, date, "date", "date", "text", "10")}
                                {field(
                                    T::FieldDocumentTotal,
                                    total,
                                    "total",
                                    "text",
                                    "decimal",
                                    "16",
                                )}
                                {field(
                                    T::FieldSupplierTaxId,
                                    supplier,
                                    "supplier",
                                    "text",
                                    "numeric",
                                    "20",
                                )}
                            </div>
                        }
                    })} {field(T::FieldShop, shop, "shop", "text", "text", "120")}
                <h3>{T::LinesTitle.text(lang)}</h3>
                {move || {
                    let lines = p.lines.get();
                    if lines.is_empty() {
                        view! { <p class="muted small">{T::OfflineLinesHint.text(lang)}</p> }
                            .into_any()
                    } else {
                        view! {
                            <ul class="lines" data-testid="offline-lines">
                                {lines
                                    .into_iter()
                                    .map(|(prod, n)| {
                                        let id = prod.id;
                                        view! {
                                            <li>
                                                <span>{prod.name}</span>
                                                <input
                                                    type="number"
                                                    min="1"
                                                    max=MAX_QUANTITY.to_string()
                                                    class="quantity"
                                                    aria-label=T::FieldQuantity.text(lang)
                                                    prop:value=n.to_string()
                                                    on:change=move |ev| {
                                                        let n = event_target_value(&ev)
                                                            .trim()
                                                            .parse::<i64>()
                                                            .unwrap_or(1)
                                                            .clamp(1, MAX_QUANTITY);
                                                        p.lines
                                                            .update(|ls| {
                                                                if let Some(l) = ls.iter_mut().find(|l| l.0.id == id) {
                                                                    l.1 = n;
                                                                }
                                                            });
                                                    }
                                                />
                                                <button
                                                    type="button"
                                                    class="small secondary"
                                                    on:click=move |_| {
                                                        p.lines.update(|ls| ls.retain(|l| l.0.id != id))
                                                    }
                                                >
                                                    {T::RemoveButton.text(lang)}
                                                </button>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                            .into_any()
                    }
                }}
                {move || {
                    p.catalog
                        .with(|c| c.is_empty())
                        .then(|| {
                            view! {
                                <p class="note warn small" data-testid="no-catalog">
                                    {T::OfflineNoCatalog.text(lang)}
                                </p>
                            }
                        })
                }}
                <label>
                    {T::FindProduct.text(lang)}
                    <input
                        type="search"
                        inputmode="search"
                        maxlength="200"
                        data-testid="offline-find"
                        on:input=move |ev| search.set(event_target_value(&ev))
                        on:keydown=move |ev| {
                            if ev.key() == "Enter" {
                                ev.prevent_default();
                            }
                        }
                    />
                </label>
                {move || {
                    let q = search.get();
                    p.catalog
                        .with(|c| {
                            let found: Vec<ProductChoice> = find(c, &q)
                                .into_iter()
                                .cloned()
                                .collect();
                            (!found.is_empty())
                                .then(|| {
                                    view! {
                                        <ul class="choices" data-testid="offline-found">
                                            {found
                                                .into_iter()
                                                .map(|prod| {
                                                    let (name, sku) = (prod.name.clone(), prod.sku.clone());
                                                    view! {
                                                        <li>
                                                            <span>{name}</span>
                                                            <span class="muted small">{sku}</span>
                                                            <button
                                                                type="button"
                                                                class="small"
                                                                data-testid="offline-add"
                                                                on:click=move |_| p.add(prod.clone())
                                                            >
                                                                {T::AddButton.text(lang)}
                                                            </button>
                                                        </li>
                                                    }
                                                })
                                                .collect_view()}
                                        </ul>
                                    }
                                })
                        })
                }}
                <label>
                    {T::OfflinePhotos.text(lang)}
                    <input
                        node_ref=photos
                        type="file"
                        accept="image/*"
                        multiple
                        capture="environment"
                        data-testid="offline-photos"
                    />
                </label> <ErrorNote error=Signal::derive(move || error.get()) />
                <div class="actions">
                    <button
                        type="submit"
                        class="primary"
                        data-testid="keep-purchase"
                        disabled=move || keeping.get()
                    >
                        {T::OfflineKeep.text(lang)}
                    </button>
                    <button type="button" class="secondary" on:click=move |_| p.close()>
                        {T::OfflineCancel.text(lang)}
                    </button>
                </div>
            </form>
        </section>
    }
}

/// The purchases waiting on the phone, the answers to those sent, and (without signal) the way
/// to claim one.
#[component]
pub fn PurchasesView(p: Purchases, live: Signal<bool>, lang: Lang) -> impl IntoView {
    view! {
        {move || {
            match p.open.get() {
                Some(qr) => view! { <PurchaseForm p=p qr=qr lang=lang /> }.into_any(),
                None => {
                    view! {
                        <button
                            type="button"
                            class="secondary offline-claim"
                            data-testid="offline-claim"
                            hidden=move || !live.get() || p.online.get() || p.user.is_none()
                            on:click=move |_| p.open.set(Some(None))
                        >
                            {T::ClaimPurchaseTitle.text(lang)}
                        </button>
                    }
                        .into_any()
                }
            }
        }}
        {move || {
            let kept = p.kept.get();
            (!kept.is_empty())
                .then(|| {
                    view! {
                        <section class="card queue" data-testid="kept-purchases" role="status">
                            <h2>{T::PurchasesWaiting.text(lang)}</h2>
                            <ul class="rows">
                                {kept
                                    .into_iter()
                                    .map(|k| {
                                        let what = k
                                            .fields
                                            .qr
                                            .as_deref()
                                            .and_then(|q| FiscalQr::parse(q).ok())
                                            .map(|r| {
                                                crate::format::money(
                                                    lang,
                                                    r.total,
                                                    crate::format::Currency::Rub,
                                                )
                                            })
                                            .or(k.fields.number.clone())
                                            .unwrap_or_default();
                                        let count = T::PurchaseKeptLine
                                            .with(
                                                lang,
                                                &[
                                                    ("lines", &k.lines.len().to_string()),
                                                    ("photos", &k.photos.to_string()),
                                                ],
                                            );
                                        view! {
                                            <li data-testid="kept-purchase">
                                                <strong>{what}</strong>
                                                " "
                                                <span class="muted small">{count}</span>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })
        }}
        {move || {
            p.sent
                .get()
                .into_iter()
                .map(|s| {
                    let photo_errors = s.photo_errors.clone();
                    let head = match s.claim {
                        Ok(done) => {
                            view! {
                                <p>
                                    <strong>
                                        {T::PurchaseSent
                                            .with(
                                                lang,
                                                &[
                                                    (
                                                        "points",
                                                        &crate::format::points(lang, done.expected_points),
                                                    ),
                                                ],
                                            )}
                                    </strong>
                                    " "
                                    <a href=format!(
                                        "/claims/{}",
                                        done.id,
                                    )>{T::OpenPurchaseClaim.text(lang)}</a>
                                </p>
                            }
                                .into_any()
                        }
                        Err(e) => {
                            view! {
                                <p class="note error" role="alert" data-code=e.code()>
                                    {T::PurchaseRefused.text(lang)}
                                    " "
                                    {e.message(lang)}
                                </p>
                            }
                                .into_any()
                        }
                    };
                    view! {
                        <section class="card claimed" data-testid="purchase-sent" role="status">
                            {head}
                            {photo_errors
                                .into_iter()
                                .map(|e| {
                                    view! {
                                        <p class="note warn small">
                                            {T::PhotoNotKept.text(lang)} " " {e.message(lang)}
                                        </p>
                                    }
                                })
                                .collect_view()}
                        </section>
                    }
                })
                .collect_view()
        }}
    }
}
