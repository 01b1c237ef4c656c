//! A purchase claimed without signal: when a receipt's QR is read (or "Claim a purchase" is
//! tapped) with no network, the Scan screen takes the claim itself — the QR or the typed
//! document, the products from the list the phone keeps (found by name, SKU or their barcode
//! under the camera), the photos — and keeps it in the offline queue (`queue.js`, beside the
//! unit codes) with a key of its own. It is sent when the signal is back, by this screen or by
//! the service worker; the key makes a claim sent twice one claim, and the server keeps each
//! photo once per claim. Points are counted by the server when the claim arrives.

mod view;

pub use view::PurchasesView;

use super::store;
use crate::domain::parse_iso_date;
use crate::earn::rules::MAX_QUANTITY;
use crate::error::{AppError, Field};
use crate::i18n::{Lang, T};
use crate::receipt::qr::{self, FiscalQr};
use crate::receipt::{MAX_LINES, ProductChoice, Submitted, gtin13};
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
            if fields.date.as_deref().and_then(parse_iso_date).is_none() {
                return invalid(Field::ReceiptDate);
            }
            if fields
                .total
                .as_deref()
                .and_then(qr::parse_typed_total)
                .is_none()
            {
                return invalid(Field::ReceiptTotal);
            }
            if fields.supplier.is_none() {
                return invalid(Field::TaxId);
            }
        }
    }
    if lines.is_empty()
        || lines.len() > MAX_LINES
        || lines.iter().any(|l| !(1..=MAX_QUANTITY).contains(&l.1))
    {
        return invalid(Field::Lines);
    }
    Ok(())
}

/// The product list as the phone keeps it: in which language, when it was fetched (ms since
/// 1970, the browser's clock), and the products.
#[derive(Serialize, Deserialize)]
struct KeptCatalog {
    lang: String,
    at: f64,
    products: Vec<ProductChoice>,
}

/// How long the kept product list is used before Scan fetches it again: a new product reaches
/// the phones within six hours (and at once in a claim made with signal, on its own screen).
const CATALOG_FRESH_MS: f64 = 6.0 * 3600.0 * 1000.0;

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
    pub fn new(user: Option<i64>, lang: Lang) -> Purchases {
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
        // Once the island has started: what waits and the product list the phone keeps; then,
        // with signal, what waits is sent and the list fetched again if it is older than
        // `CATALOG_FRESH_MS` or in another language (not on every opening of Scan).
        Effect::new(move |_| {
            let Some(user) = user else { return };
            p.online.set(store::online());
            leptos::task::spawn_local(async move {
                let kept = store::catalog()
                    .await
                    .and_then(|json| serde_json::from_str::<KeptCatalog>(&json).ok());
                let fresh = kept.as_ref().is_some_and(|k| {
                    k.lang == lang.code() && store::now_ms() - k.at < CATALOG_FRESH_MS
                });
                if let Some(k) = kept {
                    p.catalog.set(k.products);
                }
                p.reload(user).await;
                if !store::online() {
                    return;
                }
                p.send();
                if !fresh && let Ok(products) = crate::receipt::receipt_catalog().await {
                    let kept = KeptCatalog {
                        lang: lang.code().to_string(),
                        at: store::now_ms(),
                        products,
                    };
                    if let Ok(json) = serde_json::to_string(&kept) {
                        store::keep_catalog(json);
                    }
                    p.catalog.set(kept.products);
                }
            });
        });
        store::on_signal_back(move || {
            p.online.set(true);
            p.send();
        });
        #[cfg(feature = "hydrate")]
        {
            let offline = window_event_listener_untyped("offline", move |_| p.online.set(false));
            on_cleanup(move || offline.remove());
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
                Some(l) => l.1 = (l.1 + 1).min(MAX_QUANTITY),
                None => lines.push((product, 1)),
            },
        );
    }

    fn close(self) {
        self.open.set(None);
        self.lines.set(Vec::new());
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
        // The same limits as the server's: a real date, at most 30 lines.
        let many: Vec<(i64, i64)> = (1..=31).map(|id| (id, 1)).collect();
        assert_eq!(
            check(&typed, &many),
            Err(AppError::Invalid {
                field: Field::Lines
            })
        );
        typed.date = Some("2026-13-40".into());
        assert_eq!(
            check(&typed, &[(1, 1)]),
            Err(AppError::Invalid {
                field: Field::ReceiptDate
            })
        );
        typed.date = Some("2026-12-01".into());
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
