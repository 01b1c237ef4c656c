//! The camera on the Scan screen: the rear camera's live picture, read a few times a second by the
//! browser's own `BarcodeDetector` where there is one (Android Chrome, macOS) and by our WASM
//! decoder otherwise (iPhones, desktop Linux; the `decoder` crate, a module of its own) — fetched
//! only when the camera first starts. Each thing
//! read is classified ([`Seen`]) and handed to the page; the same text is not reported again while
//! it stays in view. Without JavaScript, or when the camera is refused or missing, the page's
//! typed-code form is the way in, and this component says so.

use super::scanned::Seen;
use crate::i18n::{Lang, T};
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))] // set only in the browser
pub enum CameraState {
    Off,
    Starting,
    Scanning,
    /// The person (or the browser's settings) refused the camera.
    Denied,
    /// No camera, or one the browser cannot open (busy, insecure page).
    NoCamera,
    /// No `BarcodeDetector`, and our decoder could not be fetched (no signal before it was ever
    /// kept on the phone).
    NoDecoder,
}

impl CameraState {
    fn name(self) -> &'static str {
        match self {
            CameraState::Off => "off",
            CameraState::Starting => "starting",
            CameraState::Scanning => "scanning",
            CameraState::Denied => "denied",
            CameraState::NoCamera => "no-camera",
            CameraState::NoDecoder => "no-decoder",
        }
    }
}

/// A short buzz and beep: high for a credited code, low for anything else.
pub fn feedback(good: bool) {
    #[cfg(feature = "hydrate")]
    browser::feedback(good);
    #[cfg(not(feature = "hydrate"))]
    let _ = good;
}

#[component]
/// `live`: the page has hydrated (the buttons work); until then they are hidden.
pub fn Camera(on_seen: Callback<Seen>, live: Signal<bool>, lang: Lang) -> impl IntoView {
    let state = RwSignal::new(CameraState::Off);
    // "native" or "wasm" once scanning: which decoder reads the frames (tests check it).
    let decoder = RwSignal::new("");
    // `None` when the camera has no torch.
    let torch = RwSignal::new(None::<bool>);
    let video = NodeRef::<leptos::html::Video>::new();
    #[cfg(feature = "hydrate")]
    let running = browser::Running::new();

    let start = move |_| {
        #[cfg(feature = "hydrate")]
        running.start(video, state, decoder, torch, on_seen);
        #[cfg(not(feature = "hydrate"))]
        let _ = (video, on_seen);
    };
    let stop = move |_| {
        #[cfg(feature = "hydrate")]
        running.stop();
        state.set(CameraState::Off);
        torch.set(None);
    };
    let toggle_torch = move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(on) = torch.get_untracked() {
            running.torch(!on, torch);
        }
    };
    let active = move || matches!(state.get(), CameraState::Starting | CameraState::Scanning);
    let status = move || match state.get() {
        CameraState::Off => None,
        CameraState::Starting => Some(T::CameraStarting.text(lang)),
        CameraState::Scanning => Some(T::CameraScanning.text(lang)),
        CameraState::Denied => Some(T::CameraDenied.text(lang)),
        CameraState::NoCamera => Some(T::CameraMissing.text(lang)),
        CameraState::NoDecoder => Some(T::DecoderMissing.text(lang)),
    };
    view! {
        <section
            class="camera"
            data-testid="camera"
            data-state=move || state.get().name()
            data-decoder=move || decoder.get()
            aria-label=T::CameraLabel.text(lang)
        >
            <div class="viewfinder" hidden=move || !active()>
                <video
                    node_ref=video
                    muted
                    playsinline
                    aria-label=T::CameraPreview.text(lang)
                ></video>
                <div class="aim" aria-hidden="true"></div>
            </div>
            <p class="camera-status small" role="status" data-testid="camera-status">
                {status}
            </p>
            <div class="camera-controls">
                <button
                    type="button"
                    class="primary wide"
                    data-testid="camera-start"
                    hidden=move || !live.get() || active()
                    on:click=start
                >
                    {T::CameraStart.text(lang)}
                </button>
                <button type="button" class="secondary" hidden=move || !active() on:click=stop>
                    {T::CameraStop.text(lang)}
                </button>
                <button
                    type="button"
                    class="secondary"
                    data-testid="torch"
                    hidden=move || torch.get().is_none()
                    aria-pressed=move || if torch.get() == Some(true) { "true" } else { "false" }
                    on:click=toggle_torch
                >
                    {T::Torch.text(lang)}
                </button>
            </div>
        </section>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use super::{CameraState, Seen};
    use crate::earn::scan::scanned::{FORMATS, classify, luma_of_rgba};
    use js_sys::{Array, Function, Object, Promise, Reflect};
    use leptos::prelude::*;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{
        AudioContext, CanvasRenderingContext2d, HtmlCanvasElement, HtmlVideoElement, MediaStream,
        MediaStreamConstraints, MediaStreamTrack,
    };

    /// How often a frame is read: often enough to feel instant, rare enough to spare the battery.
    const FRAME_MS: u32 = 150;
    /// The same text is not reported again while it stays in view this long.
    const REPEAT_MS: f64 = 2500.0;
    /// Frames are shrunk to at most this many pixels on their long side before decoding.
    const MAX_SIDE: f64 = 960.0;

    fn set(target: &JsValue, key: &str, value: &JsValue) {
        let _ = Reflect::set(target, &JsValue::from_str(key), value);
    }

    fn get(target: &JsValue, key: &str) -> JsValue {
        Reflect::get(target, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    }

    /// The camera while it runs: its stream, and a counter that ends an old reading loop.
    #[derive(Clone, Copy)]
    pub struct Running {
        stream: StoredValue<Option<MediaStream>, LocalStorage>,
        run: StoredValue<u32>,
    }

    impl Running {
        pub fn new() -> Running {
            let r = Running {
                stream: StoredValue::new_local(None),
                run: StoredValue::new(0),
            };
            on_cleanup(move || r.stop());
            r
        }

        pub fn stop(self) {
            if let Some(Some(stream)) = self.stream.try_get_value() {
                for track in stream.get_tracks().iter() {
                    track.unchecked_into::<MediaStreamTrack>().stop();
                }
            }
            let _ = self.stream.try_set_value(None);
            self.run.try_update_value(|r| *r += 1);
        }

        pub fn start(
            self,
            video: NodeRef<leptos::html::Video>,
            state: RwSignal<CameraState>,
            decoder: RwSignal<&'static str>,
            torch: RwSignal<Option<bool>>,
            on_seen: Callback<Seen>,
        ) {
            unlock_audio();
            state.set(CameraState::Starting);
            leptos::task::spawn_local(async move {
                let stream = match open().await {
                    Ok(s) => s,
                    Err(refused) => {
                        state.set(refused);
                        focus_typed_code();
                        return;
                    }
                };
                let Some(el) = video.get_untracked() else {
                    return;
                };
                let el: HtmlVideoElement = el;
                el.set_src_object(Some(&stream));
                if let Ok(p) = el.play() {
                    let _ = JsFuture::from(p).await;
                }
                torch.set(torch_supported(&stream).then_some(false));
                self.stream.set_value(Some(stream));
                let native = native_detector().await;
                if native.is_none() && ours().await.is_none() {
                    self.stop();
                    torch.set(None);
                    state.set(CameraState::NoDecoder);
                    focus_typed_code();
                    return;
                }
                decoder.set(if native.is_some() { "native" } else { "wasm" });
                state.set(CameraState::Scanning);
                let run = self.run.get_value() + 1;
                self.run.set_value(run);
                read_frames(self, run, el, native, on_seen).await;
            });
        }

        pub fn torch(self, on: bool, torch: RwSignal<Option<bool>>) {
            let Some(Some(stream)) = self.stream.try_get_value() else {
                return;
            };
            leptos::task::spawn_local(async move {
                let Some(track) = stream
                    .get_video_tracks()
                    .get(0)
                    .dyn_into::<MediaStreamTrack>()
                    .ok()
                else {
                    return;
                };
                let wanted = Object::new();
                set(&wanted, "torch", &JsValue::from_bool(on));
                let constraints = Object::new();
                set(&constraints, "advanced", &Array::of1(&wanted));
                let apply = get(&track, "applyConstraints").dyn_into::<Function>().ok();
                if let Some(Ok(p)) = apply.map(|f| f.call1(&track, &constraints))
                    && JsFuture::from(Promise::from(p)).await.is_ok()
                {
                    torch.set(Some(on));
                }
            });
        }
    }

    /// The rear camera, or why not.
    async fn open() -> Result<MediaStream, CameraState> {
        let navigator = window().navigator();
        // `mediaDevices` is missing on pages not served over HTTPS (or localhost).
        if get(&navigator, "mediaDevices").is_undefined() {
            return Err(CameraState::NoCamera);
        }
        let devices = navigator
            .media_devices()
            .map_err(|_| CameraState::NoCamera)?;
        let video = Object::new();
        let ideal = |v: JsValue| {
            let o = Object::new();
            set(&o, "ideal", &v);
            o
        };
        set(
            &video,
            "facingMode",
            &ideal(JsValue::from_str("environment")),
        );
        set(&video, "width", &ideal(JsValue::from_f64(1280.0)));
        set(&video, "height", &ideal(JsValue::from_f64(720.0)));
        let constraints = MediaStreamConstraints::new();
        constraints.set_video(&video);
        constraints.set_audio(&JsValue::FALSE);
        let asked = devices
            .get_user_media_with_constraints(&constraints)
            .map_err(|_| CameraState::NoCamera)?;
        match JsFuture::from(asked).await {
            Ok(stream) => Ok(stream.unchecked_into()),
            Err(e) => Err(match get(&e, "name").as_string().as_deref() {
                Some("NotAllowedError" | "SecurityError" | "PermissionDeniedError") => {
                    CameraState::Denied
                }
                _ => CameraState::NoCamera,
            }),
        }
    }

    fn torch_supported(stream: &MediaStream) -> bool {
        let track = stream.get_video_tracks().get(0);
        let Ok(caps) = get(&track, "getCapabilities").dyn_into::<Function>() else {
            return false;
        };
        caps.call0(&track)
            .map(|c| get(&c, "torch").is_truthy())
            .unwrap_or(false)
    }

    /// The browser's own detector, when it has one that reads at least one of our formats.
    async fn native_detector() -> Option<JsValue> {
        let ctor = get(&js_sys::global(), "BarcodeDetector");
        let ctor = ctor.dyn_into::<Function>().ok()?;
        let supported = get(&ctor, "getSupportedFormats")
            .dyn_into::<Function>()
            .ok()?;
        let formats = JsFuture::from(Promise::from(supported.call0(&ctor).ok()?))
            .await
            .ok()?;
        let formats: Array = formats.dyn_into().ok()?;
        let ours = Array::new();
        for f in formats.iter() {
            if f.as_string().is_some_and(|f| FORMATS.contains(&f.as_str())) {
                ours.push(&f);
            }
        }
        if ours.length() == 0 {
            return None;
        }
        let options = Object::new();
        set(&options, "formats", &ours);
        Reflect::construct(&ctor, &Array::of1(&options)).ok()
    }

    async fn detect_native(
        detector: &JsValue,
        video: &HtmlVideoElement,
    ) -> Option<(String, String)> {
        let detect = get(detector, "detect").dyn_into::<Function>().ok()?;
        let found = JsFuture::from(Promise::from(detect.call1(detector, video).ok()?))
            .await
            .ok()?;
        let first = found.dyn_into::<Array>().ok()?.get(0);
        Some((
            get(&first, "rawValue").as_string()?,
            get(&first, "format").as_string()?,
        ))
    }

    /// Our decoder's `decode(luma, width, height)`, fetched the first time it is needed through the
    /// page's `workwellDecoder()` (see `app.rs`); `None` when the page names no decoder or it cannot
    /// be fetched.
    async fn ours() -> Option<Function> {
        // `workwellDecoder()` keeps the module once fetched: later calls answer at once.
        let load = get(&window(), "workwellDecoder")
            .dyn_into::<Function>()
            .ok()?;
        let module = JsFuture::from(Promise::from(load.call0(&JsValue::NULL).ok()?))
            .await
            .ok()?;
        get(&module, "decode").dyn_into::<Function>().ok()
    }

    /// A grey frame read by our decoder: its text and format.
    async fn decode_ours(luma: Vec<u8>, width: u32, height: u32) -> Option<(String, String)> {
        let decode = ours().await?;
        let found = decode
            .call3(
                &JsValue::NULL,
                &js_sys::Uint8Array::from(&luma[..]),
                &JsValue::from(width),
                &JsValue::from(height),
            )
            .ok()?
            .as_string()?;
        let (format, text) = found.split_once('\n')?;
        Some((text.to_string(), format.to_string()))
    }

    /// The current frame in grey, shrunk to a size the decoder reads quickly.
    fn grab(video: &HtmlVideoElement, canvas: &HtmlCanvasElement) -> Option<(Vec<u8>, u32, u32)> {
        let (vw, vh) = (video.video_width() as f64, video.video_height() as f64);
        if vw < 1.0 || vh < 1.0 {
            return None;
        }
        let scale = (MAX_SIDE / vw.max(vh)).min(1.0);
        let (w, h) = ((vw * scale).round() as u32, (vh * scale).round() as u32);
        canvas.set_width(w);
        canvas.set_height(h);
        let options = Object::new();
        set(&options, "willReadFrequently", &JsValue::TRUE);
        let ctx: CanvasRenderingContext2d = canvas
            .get_context_with_context_options("2d", &options)
            .ok()??
            .dyn_into()
            .ok()?;
        ctx.draw_image_with_html_video_element_and_dw_and_dh(video, 0.0, 0.0, w as f64, h as f64)
            .ok()?;
        let rgba = ctx
            .get_image_data(0.0, 0.0, w as f64, h as f64)
            .ok()?
            .data();
        Some((luma_of_rgba(&rgba), w, h))
    }

    async fn read_frames(
        running: Running,
        run: u32,
        video: HtmlVideoElement,
        native: Option<JsValue>,
        on_seen: Callback<Seen>,
    ) {
        let canvas: HtmlCanvasElement = match document().create_element("canvas") {
            Ok(c) => c.unchecked_into(),
            Err(_) => return,
        };
        let mut last: Option<(String, f64)> = None;
        loop {
            gloo_timers::future::TimeoutFuture::new(FRAME_MS).await;
            // Stopped, restarted, or the page left.
            if running.run.try_get_value() != Some(run) {
                return;
            }
            if document().hidden() || video.ready_state() < 2 {
                continue;
            }
            let found = match &native {
                Some(detector) => detect_native(detector, &video).await,
                None => match grab(&video, &canvas) {
                    Some((luma, w, h)) => decode_ours(luma, w, h).await,
                    None => None,
                },
            };
            let Some((text, format)) = found else {
                continue;
            };
            let now = js_sys::Date::now();
            if last
                .as_ref()
                .is_some_and(|(t, at)| *t == text && now - at < REPEAT_MS)
            {
                continue;
            }
            last = Some((text.clone(), now));
            if running.run.try_get_value() != Some(run) {
                return;
            }
            on_seen.run(classify(&text, &format));
        }
    }

    fn focus_typed_code() {
        if let Some(input) = document()
            .get_element_by_id("code")
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = input.focus();
        }
    }

    thread_local! {
        static AUDIO: std::cell::RefCell<Option<AudioContext>> = const { std::cell::RefCell::new(None) };
    }

    /// Browsers let a page make sound only after a tap: the tap that starts the camera opens it.
    fn unlock_audio() {
        AUDIO.with(|a| {
            let mut a = a.borrow_mut();
            if a.is_none() {
                *a = AudioContext::new().ok();
            }
            if let Some(ctx) = a.as_ref() {
                let _ = ctx.resume();
            }
        });
    }

    pub fn feedback(good: bool) {
        let navigator = window().navigator();
        // The browser refuses (and logs) a buzz before the person has touched the page, e.g. for
        // an answer shown on a page that a form post without the app led to.
        let touched = js_sys::Reflect::get(&navigator, &"userActivation".into())
            .and_then(|a| js_sys::Reflect::get(&a, &"hasBeenActive".into()))
            .map(|v| v.as_bool() != Some(false))
            .unwrap_or(true);
        if !touched {
            return;
        }
        if good {
            let _ = navigator.vibrate_with_duration(80);
        } else {
            let pattern = Array::of3(&60.into(), &60.into(), &60.into());
            let _ = navigator.vibrate_with_pattern(&pattern);
        }
        AUDIO.with(|a| {
            let Some(ctx) = a.borrow().clone() else {
                return;
            };
            let Ok(osc) = ctx.create_oscillator() else {
                return;
            };
            let Ok(gain) = ctx.create_gain() else { return };
            osc.frequency().set_value(if good { 880.0 } else { 220.0 });
            gain.gain().set_value(0.08);
            let _ = osc.connect_with_audio_node(&gain);
            let _ = gain.connect_with_audio_node(&ctx.destination());
            let at = ctx.current_time();
            let _ = osc.start();
            let _ = osc.stop_with_when(at + if good { 0.12 } else { 0.25 });
        });
    }
}
