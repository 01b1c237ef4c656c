//! A purchase claimed without signal: when a receipt's QR is read (or "Claim a purchase" is
//! tapped) with no network, the Scan screen takes the claim itself — the QR or the typed
//! document, the products from the list the phone keeps (found by name, SKU or their barcode
//! under the camera), the photos — and keeps it in the offline queue (`queue.js`, beside the
//! unit codes) with a key of its own. It is sent when the signal is back, by this screen or by
//! the service worker; the key makes a claim sent twice one claim, and the server keeps each
//! photo once per claim. Points are counted by the server when the claim arrives.

use super::store;
use crate::error::{AppError, Field};
use crate::i18n::{Lang, T};
use crate::receipt::qr::{self, FiscalQr};
use crate::receipt::{ProductChoice, Submitted, gtin13};
use crate::ui::ErrorNote;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The claim's fields as `receipts/submit` reads them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Fields {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qr: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supplier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shop: Option<String>,
}

#[derive(Serialize)]
struct NewClaim<'a> {
    fields: &'a Fields,
    lines: Vec<(i64, i64)>,
}

/// A claim waiting on the phone, as `queue.js` lists it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Kept {
    pub key: String,
    pub fields: Fields,
    pub lines: Vec<(i64, i64)>,
    pub photos: u32,
}

/// What the server answered a claim (and each of its photos) that left the phone.
#[derive(Clone, Debug, Deserialize)]
struct SentRaw {
    status: u16,
    body: String,
    #[serde(default)]
    photos: Vec<PhotoRaw>,
}

#[derive(Clone, Debug, Deserialize)]
struct PhotoRaw {
    status: u16,
    body: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Sent {
    pub claim: Result<Submitted, AppError>,
    /// Photos the server refused (not a picture, too large…).
    pub photo_errors: Vec<AppError>,
}

fn error_of(body: &str) -> AppError {
    serde_json::from_str(body).unwrap_or(AppError::Internal)
}

impl From<SentRaw> for Sent {
    fn from(raw: SentRaw) -> Sent {
        let claim = if (200..300).contains(&raw.status) {
            serde_json::from_str(&raw.body).map_err(|_| AppError::Internal)
        } else {
            Err(error_of(&raw.body))
        };
        Sent {
            claim,
            photo_errors: raw
                .photos
                .into_iter()
                .filter(|p| !(200..300).contains(&p.status))
                .map(|p| error_of(&p.body))
                .collect(),
        }
    }
}

/// The products of `catalog` that `q` names: by barcode, or by words in the name or SKU.
pub fn find<'a>(catalog: &'a [ProductChoice], q: &str) -> Vec<&'a ProductChoice> {
    let q = q.trim();
    if q.is_empty() {
        return Vec::new();
    }
    let barcode = gtin13(q);
    let words = q.to_lowercase();
    catalog
        .iter()
        .filter(|p| {
            p.gtin.as_deref() == Some(barcode.as_str())
                || p.name.to_lowercase().contains(&words)
                || p.sku.to_lowercase().contains(&words)
        })
        .take(8)
        .collect()
}

/// What the phone can check before it keeps a claim: a document (a QR that reads, or a number,
/// date and total) and at least one product. The rest is the server's, when the claim arrives.
pub fn check(fields: &Fields, lines: &[(i64, i64)]) -> Result<(), AppError> {
    let invalid = |field| Err(AppError::Invalid { field });
    match &fields.qr {
        Some(text) => FiscalQr::parse(text)
            .map(|_| ())
            .map_err(crate::receipt::qr_refusal)?,
        None => {
            if fields.number.is_none() {
                return invalid(Field::DocumentNo);
            }
            if fields.date.is_none() {
                return invalid(Field::ReceiptDate);
            }
            let total = fields
                .total
                .as_deref()
                .and_then(|t| qr::parse_kopecks(&t.replace([' ', '\u{a0}', '\u{202f}'], "")));
            match total {
                Some(t) if (1..=qr::MAX_TOTAL).contains(&t) => {}
                _ => return invalid(Field::ReceiptTotal),
            }
            if fields.supplier.is_none() {
                return invalid(Field::TaxId);
            }
        }
    }
    if lines.is_empty() || lines.iter().any(|l| l.1 < 1 || l.1 > 10_000) {
        return invalid(Field::Lines);
    }
    Ok(())
}

/// The Scan screen's purchases: the one being made, those waiting, and the answers to those sent.
#[derive(Clone, Copy)]
pub struct Purchases {
    /// The claim being made: `Some(qr)` read from a receipt, `Some(None)` typed.
    pub open: RwSignal<Option<Option<String>>>,
    lines: RwSignal<Vec<(ProductChoice, i64)>>,
    catalog: RwSignal<Vec<ProductChoice>>,
    kept: RwSignal<Vec<Kept>>,
    sent: RwSignal<Vec<Sent>>,
    sending: RwSignal<bool>,
    /// The network as the browser last said (the "claim a purchase" button shows without it).
    pub online: RwSignal<bool>,
    user: Option<i64>,
}

impl Purchases {
    pub fn new(user: Option<i64>) -> Purchases {
        let p = Purchases {
            open: RwSignal::new(None),
            lines: RwSignal::new(Vec::new()),
            catalog: RwSignal::new(Vec::new()),
            kept: RwSignal::new(Vec::new()),
            sent: RwSignal::new(Vec::new()),
            sending: RwSignal::new(false),
            online: RwSignal::new(true),
            user,
        };
        // Once the island has started: what waits, the product list (fetched again with signal,
        // kept for the next time without), then sent if there is signal.
        Effect::new(move |_| {
            let Some(user) = user else { return };
            p.online.set(store::online());
            leptos::task::spawn_local(async move {
                if let Some(json) = store::catalog().await
                    && let Ok(list) = serde_json::from_str(&json)
                {
                    p.catalog.set(list);
                }
                p.reload(user).await;
                if store::online() {
                    if let Ok(list) = crate::receipt::receipt_catalog().await {
                        if let Ok(json) = serde_json::to_string(&list) {
                            store::keep_catalog(json);
                        }
                        p.catalog.set(list);
                    }
                    p.send();
                }
            });
        });
        #[cfg(feature = "hydrate")]
        {
            let online = window_event_listener_untyped("online", move |_| {
                p.online.set(true);
                p.send();
            });
            let offline = window_event_listener_untyped("offline", move |_| p.online.set(false));
            let visible = window_event_listener_untyped("visibilitychange", move |_| {
                if !document().hidden() && store::online() {
                    p.send();
                }
            });
            on_cleanup(move || {
                online.remove();
                offline.remove();
                visible.remove();
            });
        }
        p
    }

    async fn reload(self, user: i64) {
        let json = store::receipts(user).await;
        self.kept
            .set(serde_json::from_str(&json).unwrap_or_default());
    }

    /// Sends what waits (one send at a time); the answers join the screen.
    pub fn send(self) {
        let Some(user) = self.user else { return };
        if self.sending.get_untracked() {
            return;
        }
        self.sending.set(true);
        leptos::task::spawn_local(async move {
            let json = store::send_receipts(user).await;
            let answers: Vec<SentRaw> = serde_json::from_str(&json).unwrap_or_default();
            if !answers.is_empty() {
                self.sent
                    .update(|s| s.extend(answers.into_iter().map(Sent::from)));
            }
            self.reload(user).await;
            self.sending.set(false);
        });
    }

    /// A product's barcode under the camera while a claim is open: its line, one more.
    /// Answers whether the phone knows the product.
    pub fn scanned(self, digits: &str) -> bool {
        let barcode = gtin13(digits);
        let found = self.catalog.with_untracked(|c| {
            c.iter()
                .find(|p| p.gtin.as_deref() == Some(&barcode))
                .cloned()
        });
        match found {
            Some(p) => {
                self.add(p);
                true
            }
            None => false,
        }
    }

    fn add(self, product: ProductChoice) {
        self.lines.update(
            |lines| match lines.iter_mut().find(|l| l.0.id == product.id) {
                Some(l) => l.1 = (l.1 + 1).min(10_000),
                None => lines.push((product, 1)),
            },
        );
    }

    fn close(self) {
        self.open.set(None);
        self.lines.set(Vec::new());
    }
}

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
    let field = |label: T, node: NodeRef<leptos::html::Input>, name: &'static str| {
        view! {
            <label>
                {label.text(lang)}
                <input
                    node_ref=node
                    name=name
                    type=if name == "date" { "date" } else { "text" }
                    inputmode=match name {
                        "total" => "decimal",
                        "supplier" => "numeric",
                        _ => "text",
                    }
                    maxlength=if name == "shop" { "120" } else { "40" }
                />
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
                                {field(T::FieldDocumentNo, number, "number")}
                                {field(T::FieldDocumentDate, date, "date")}
                                {field(T::FieldDocumentTotal, total, "total")}
                                {field(T::FieldSupplierTaxId, supplier, "supplier")}
                            </div>
                        }
                    })} {field(T::FieldShop, shop, "shop")} <h3>{T::LinesTitle.text(lang)}</h3>
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
                                                    max="10000"
                                                    class="quantity"
                                                    aria-label=T::FieldQuantity.text(lang)
                                                    prop:value=n.to_string()
                                                    on:change=move |ev| {
                                                        let n = event_target_value(&ev)
                                                            .trim()
                                                            .parse::<i64>()
                                                            .unwrap_or(1)
                                                            .clamp(1, 10_000);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn product(id: i64, name: &str, sku: &str, gtin: Option<&str>) -> ProductChoice {
        ProductChoice {
            id,
            name: name.into(),
            sku: sku.into(),
            gtin: gtin.map(Into::into),
        }
    }

    #[test]
    fn the_kept_list_finds_products_by_barcode_name_or_sku() {
        let c = vec![
            product(1, "Winter tyre R16", "TYRE-R16", Some("4006381333931")),
            product(2, "Heat pump", "PUMP-HP9", None),
        ];
        let ids = |q: &str| find(&c, q).iter().map(|p| p.id).collect::<Vec<_>>();
        assert_eq!(ids("4006381333931"), vec![1]);
        assert_eq!(ids("pump"), vec![2]);
        assert_eq!(ids("tyre-r"), vec![1]);
        assert_eq!(ids("  "), Vec::<i64>::new());
        assert_eq!(ids("radiator"), Vec::<i64>::new());
    }

    #[test]
    fn the_phone_keeps_only_a_claim_with_a_document_and_a_product() {
        let qr = "t=20180518T220500&s=975.88&fn=8710000101125654&i=99456&fp=1250448795&n=1";
        let with_qr = Fields {
            qr: Some(qr.into()),
            ..Fields::default()
        };
        assert_eq!(check(&with_qr, &[(1, 2)]), Ok(()));
        assert_eq!(
            check(&with_qr, &[]),
            Err(AppError::Invalid {
                field: Field::Lines
            })
        );
        let refund = Fields {
            qr: Some(qr.replace("n=1", "n=2")),
            ..Fields::default()
        };
        assert_eq!(
            check(&refund, &[(1, 1)]),
            Err(AppError::ReceiptNotASale { refund: true })
        );
        let mut typed = Fields {
            number: Some("УПД-118".into()),
            date: Some("2026-12-01".into()),
            total: Some("0".into()),
            supplier: Some("7707083893".into()),
            ..Fields::default()
        };
        assert_eq!(
            check(&typed, &[(1, 1)]),
            Err(AppError::Invalid {
                field: Field::ReceiptTotal
            })
        );
        typed.total = Some("13 000,50".into());
        assert_eq!(check(&typed, &[(1, 1)]), Ok(()));
        typed.number = None;
        assert_eq!(
            check(&typed, &[(1, 1)]),
            Err(AppError::Invalid {
                field: Field::DocumentNo
            })
        );
    }

    #[test]
    fn answers_read_back_as_the_claim_or_its_refusal() {
        let ok = SentRaw {
            status: 200,
            body: r#"{"id":7,"status":"waiting","expected_points":130,"pending":130}"#.into(),
            photos: vec![PhotoRaw {
                status: 200,
                body: r#"{"photo":3}"#.into(),
            }],
        };
        let sent = Sent::from(ok);
        assert_eq!(sent.claim.map(|s| s.id), Ok(7));
        assert!(sent.photo_errors.is_empty());
        let refused = Sent::from(SentRaw {
            status: 422,
            body: serde_json::to_string(&AppError::ReceiptInFuture).unwrap(),
            photos: vec![],
        });
        assert_eq!(refused.claim, Err(AppError::ReceiptInFuture));
    }
}
