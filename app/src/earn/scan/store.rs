//! Where queued scans are kept on the phone: IndexedDB, through `public/queue.js`, which the
//! service worker shares (it sends the queue by Background Sync while no page is open).

#[cfg(feature = "hydrate")]
use crate::earn::BatchResult;
#[cfg(feature = "hydrate")]
use wasm_bindgen::{JsCast, JsValue};

#[cfg(feature = "hydrate")]
fn call(method: &str, args: &[JsValue]) -> Option<js_sys::Promise> {
    use js_sys::{Array, Function, Reflect};
    let queue = Reflect::get(&js_sys::global(), &"workwellQueue".into()).ok()?;
    let f: Function = Reflect::get(&queue, &method.into()).ok()?.dyn_into().ok()?;
    f.apply(&queue, &args.iter().collect::<Array>())
        .ok()?
        .dyn_into()
        .ok()
}

/// Waits for a write, so a failure is not left unhandled.
#[cfg(feature = "hydrate")]
fn settle(p: Option<js_sys::Promise>) {
    if let Some(p) = p {
        leptos::task::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(p).await;
        });
    }
}

pub async fn load(user: i64) -> Vec<String> {
    #[cfg(feature = "hydrate")]
    if let Some(p) = call("load", &[JsValue::from_f64(user as f64)])
        && let Ok(v) = wasm_bindgen_futures::JsFuture::from(p).await
    {
        return js_sys::Array::from(&v)
            .iter()
            .filter_map(|c| c.as_string())
            .collect();
    }
    let _ = user;
    Vec::new()
}

/// Adds codes to the person's queue on the phone (each once).
pub fn add(user: i64, codes: &[String]) {
    write("add", user, codes);
}

/// Drops the codes that were sent, keeping any scanned meanwhile.
pub fn remove(user: i64, sent: &[String]) {
    write("remove", user, sent);
}

/// `queue.js`'s `add` or `remove`, not awaited (the writes keep their order there).
fn write(method: &str, user: i64, codes: &[String]) {
    #[cfg(feature = "hydrate")]
    settle(call(
        method,
        &[
            JsValue::from_f64(user as f64),
            codes
                .iter()
                .map(|c| JsValue::from_str(c))
                .collect::<js_sys::Array>()
                .into(),
        ],
    ));
    #[cfg(not(feature = "hydrate"))]
    let _ = (method, user, codes);
}

/// `queue.js`'s `method`, awaited, its answer as text (`None` where there is no queue.js or it
/// failed).
#[cfg(feature = "hydrate")]
async fn text_of(method: &str, args: &[JsValue]) -> Option<String> {
    let p = call(method, args)?;
    wasm_bindgen_futures::JsFuture::from(p)
        .await
        .ok()?
        .as_string()
}

/// The browser's clock, in milliseconds since 1970.
pub fn now_ms() -> f64 {
    #[cfg(feature = "hydrate")]
    return js_sys::Date::now();
    #[cfg(not(feature = "hydrate"))]
    0.0
}

/// The product list last fetched with signal (JSON), if the phone has one.
pub async fn catalog() -> Option<String> {
    #[cfg(feature = "hydrate")]
    return text_of("catalog", &[]).await.filter(|c| !c.is_empty());
    #[cfg(not(feature = "hydrate"))]
    None
}

pub fn keep_catalog(json: String) {
    #[cfg(feature = "hydrate")]
    settle(call("keepCatalog", &[JsValue::from_str(&json)]));
    #[cfg(not(feature = "hydrate"))]
    let _ = json;
}

/// Keeps a purchase claimed without signal (`claim` as JSON: fields and lines) with the photos
/// chosen in the file field `photos`, compressed first. Answers whether it was kept.
pub async fn keep_receipt(user: i64, claim: String, photos: JsFiles) -> bool {
    #[cfg(feature = "hydrate")]
    {
        text_of(
            "keepReceipt",
            &[
                JsValue::from_f64(user as f64),
                JsValue::from_str(&claim),
                photos,
            ],
        )
        .await
        .is_some()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (user, claim, photos);
        false
    }
}

/// The file field the photos are read from (a JavaScript value in the browser).
#[cfg(feature = "hydrate")]
pub type JsFiles = JsValue;
#[cfg(not(feature = "hydrate"))]
pub type JsFiles = Option<std::convert::Infallible>;

/// The purchases waiting on the phone (JSON, see `queue.js`).
pub async fn receipts(user: i64) -> String {
    #[cfg(feature = "hydrate")]
    return text_of("receipts", &[JsValue::from_f64(user as f64)])
        .await
        .unwrap_or_default();
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = user;
        String::new()
    }
}

/// Sends the purchases waiting on the phone; the answers of those that left it (JSON).
pub async fn send_receipts(user: i64) -> String {
    #[cfg(feature = "hydrate")]
    return text_of("sendReceipts", &[JsValue::from_f64(user as f64)])
        .await
        .unwrap_or_default();
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = user;
        String::new()
    }
}

/// Runs `then` when the signal is back, or the app is brought to the front again with signal
/// (phones often miss `online`), for as long as the calling island lives.
pub fn on_signal_back(then: impl Fn() + Clone + 'static) {
    #[cfg(feature = "hydrate")]
    {
        use leptos::prelude::{document, on_cleanup, window_event_listener_untyped};
        let again = then.clone();
        let signal = window_event_listener_untyped("online", move |_| then());
        let visible = window_event_listener_untyped("visibilitychange", move |_| {
            if !document().hidden() && online() {
                again();
            }
        });
        on_cleanup(move || {
            signal.remove();
            visible.remove();
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = then;
}

/// Asks the browser to wake the service worker when the signal is back.
pub fn request_sync() {
    #[cfg(feature = "hydrate")]
    settle(call("requestSync", &[]));
}

pub fn online() -> bool {
    #[cfg(feature = "hydrate")]
    {
        leptos::prelude::window().navigator().on_line()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        false
    }
}

/// Calls `then(user, result)` when the service worker reports a queue it sent. The listener
/// lives as long as the returned value.
#[cfg(feature = "hydrate")]
pub fn on_sent_by_worker(then: impl Fn(i64, BatchResult) + 'static) -> Listener {
    let on_message = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::MessageEvent)>::new(
        move |e: web_sys::MessageEvent| {
            let data = e.data();
            let get =
                |k: &str| js_sys::Reflect::get(&data, &k.into()).unwrap_or(JsValue::UNDEFINED);
            if get("type").as_string().as_deref() != Some("workwell-queue-sent") {
                return;
            }
            let (Some(user), Ok(json)) = (
                get("user").as_f64(),
                js_sys::JSON::stringify(&get("result")),
            ) else {
                return;
            };
            if let Ok(result) = serde_json::from_str::<BatchResult>(&String::from(json)) {
                then(user as i64, result);
            }
        },
    );
    let container = leptos::prelude::window().navigator().service_worker();
    let _ =
        container.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    Listener(Some((container, on_message)))
}

/// The worker's message channel and the handler listening on it.
#[cfg(feature = "hydrate")]
type Subscription = (
    web_sys::ServiceWorkerContainer,
    wasm_bindgen::closure::Closure<dyn Fn(web_sys::MessageEvent)>,
);

#[cfg(feature = "hydrate")]
pub struct Listener(Option<Subscription>);

#[cfg(feature = "hydrate")]
impl Drop for Listener {
    fn drop(&mut self) {
        if let Some((container, f)) = self.0.take() {
            let _ = container
                .remove_event_listener_with_callback("message", f.as_ref().unchecked_ref());
        }
    }
}
