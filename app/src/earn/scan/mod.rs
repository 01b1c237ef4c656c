//! Scan: everything that runs on the phone when a participant claims — the typed field, the
//! camera (`camera`), what a read barcode is (`scanned`), the offline queue (`store`) and the
//! delivery mode (`delivery`).

pub(crate) mod camera;
mod delivery;
mod purchase;
pub mod scanned;
mod store;

use self::camera::{Camera, feedback};
use self::delivery::*;
use self::purchase::{Purchases, PurchasesView};
use self::scanned::Seen;

/// Leaves the Scan screen for another page (a receipt's QR goes to its claim screen).
pub(crate) fn go_to(href: &str) {
    #[cfg(feature = "hydrate")]
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_href(href);
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = href;
}
use crate::earn::code::{CodeError, UnitCode};
use crate::earn::{BatchOutcome, BatchResult, ClaimCode, ClaimResult, claim_batch, claimed};
use crate::error::AppError;
use crate::i18n::{Lang, T};
use crate::ui::{ErrorNote, ErrorPanel, ParticipantShell, action_error, use_lang, use_session};
use leptos::prelude::*;
use leptos::server::ServerActionError;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// What the browser can tell about a half-typed code without asking the server: a character we
/// never use, too many characters, or (once complete) a typo caught by the check character.
fn early_warning(text: &str) -> Option<AppError> {
    match UnitCode::from_scanned(text) {
        Err(CodeError::WrongLength { len }) if len < UnitCode::LEN => None,
        Err(CodeError::Empty) | Ok(_) => None,
        Err(e) => Some(e.into()),
    }
}

#[component]
fn ClaimCard(c: ClaimResult, lang: Lang) -> impl IntoView {
    view! {
        <section class="card claimed" role="status" data-testid="claim-result">
            <p class="points plus">
                <strong>{format!("+{}", crate::format::number(lang, c.points))}</strong>
                " "
                {crate::i18n::N::PointsWord.form(lang, crate::i18n::Plural::of(lang, c.points))}
            </p>
            <p>
                <strong>{c.product}</strong>
                <span class="muted small">" " {c.code}</span>
            </p>
            <p class="breakdown" data-testid="breakdown">
                {c.breakdown}
            </p>
            <p>
                {T::NewBalance.with(lang, &[("points", &crate::format::points(lang, c.balance))])}
            </p>
            {c
                .tip
                .map(|t| {
                    view! {
                        <p class="tip">
                            <strong>{T::DidYouKnow.text(lang)}</strong>
                            " "
                            {t}
                        </p>
                    }
                })}
        </section>
    }
}

/// Where a claim is posted; an error of a plain form post comes back in the address under it.
const CLAIM_PATH: &str = <ClaimCode as leptos::server_fn::ServerFn>::PATH;

#[component]
pub fn ScanPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let params = use_params_map();
    let session = use_session();
    // A label's QR code opens `/c/CODE`; a shared link may carry `?code=`.
    // A claim posted without the app (no WASM yet) that failed comes back in the address; the
    // desk shows it as the answer to its form (the router names it on the server only), with the
    // code as it was typed, so a mistyped character is one edit away.
    let failed = use_context::<ServerActionError>()
        .filter(|e| e.path() == CLAIM_PATH)
        .map(|e| e.err().to_string());
    let kept = failed
        .as_ref()
        .and_then(|_| crate::forms::kept_value(CLAIM_PATH, "code"));
    let prefill = kept
        .or_else(|| params.read_untracked().get("code"))
        .or_else(|| query.read_untracked().get("code"))
        .unwrap_or_default();
    let prefill = StoredValue::new(prefill);
    let failed = StoredValue::new(failed);
    let claimed_id = move || {
        query
            .read()
            .get("claimed")
            .and_then(|c| c.parse::<i64>().ok())
    };
    let earlier = Resource::new(claimed_id, |id| async move {
        match id {
            Some(id) => Some(claimed(id).await),
            None => None,
        }
    });
    view! {
        <Title text=T::ScanTitle.text(lang) />
        <ParticipantShell>
            <h1>{T::ScanTitle.text(lang)}</h1>
            <Suspense fallback=|| ()>
                {move || {
                    let (prefill, failed) = (prefill.get_value(), failed.get_value());
                    Suspend::new(async move {
                        let user = match session.me.await {
                            Ok(Some(u)) => Some(u.id),
                            _ => None,
                        };
                        let (earlier, problem) = match earlier.await {
                            Some(Ok(c)) => (Some(c), None),
                            Some(Err(e)) => (None, Some(e)),
                            None => (None, None),
                        };
                        // The answer to a claim posted without the app (the server redirects here
                        // with its id): the desk shows it until it has an answer of its own.
                        view! {
                            <ScanDesk
                                lang=lang
                                user=user
                                prefill=prefill
                                failed=failed
                                earlier=earlier
                            />
                            {problem.map(|e| view! { <ErrorPanel error=e /> })}
                        }
                    })
                }}
            </Suspense>
        </ParticipantShell>
    }
}

/// The Scan screen's working part, the one island of the app (see README, "Architecture"): the
/// camera, a delivery's running list, the typed form, and the queue of scans waiting for signal.
/// Everything it needs comes in as props, so it starts in the browser without the rest of the
/// app: the language, who is signed in (the queue is theirs), a code from the link, and the answer
/// or error of a claim posted before it started.
#[leptos::island]
fn ScanDesk(
    lang: Lang,
    user: Option<i64>,
    prefill: String,
    failed: Option<String>,
    earlier: Option<ClaimResult>,
) -> impl IntoView {
    provide_context(lang);
    if let Some(err) = &failed {
        provide_context(ServerActionError::new(CLAIM_PATH, err));
    }
    // Not `form_action`: the answer to a post made before the island started comes in as a prop
    // (`earlier`, `failed`), the same on the server and in the browser.
    let action = ServerAction::<ClaimCode>::new();
    let typed = RwSignal::new(String::new());
    let warning = move || early_warning(&typed.get());
    let input = NodeRef::<leptos::html::Input>::new();
    // The field is ready for the next code once the last one is in: cleared after a claim and
    // after a scan is queued (a refusal keeps it, to be corrected), and focused.
    let clear = move || {
        if let Some(el) = input.get_untracked() {
            el.set_value("");
            let _ = el.focus();
        }
        typed.set(String::new());
    };
    let queue = OfflineQueue::new(action, user, Callback::new(move |()| clear()));
    let delivery = Delivery::new();
    let purchases = Purchases::new(user, lang);
    // A receipt's QR goes to its claim screen; without signal the claim is made here and kept.
    let receipt = move |text: String| {
        if store::online() || user.is_none() {
            go_to(&scanned::receipt_href(&text));
        } else {
            purchases.open.set(Some(Some(text)));
        }
    };
    // The camera's buttons appear once the page is live; before that the typed form is the way.
    let live = RwSignal::new(false);
    Effect::new(move |_| live.set(true));
    let live = Signal::from(live);
    // What the camera last saw that is not a claim: the product's barcode, a foreign code, a repeat.
    let notice = RwSignal::new(None::<Notice>);
    // Unit codes read by the camera on this screen: each is sent once, a repeat is only noted.
    let seen = StoredValue::new(std::collections::HashSet::<String>::new());
    let on_seen = Callback::new(move |what: Seen| match what {
        Seen::Receipt(text) => receipt(text),
        // With a purchase being claimed, a product's barcode is one of its lines.
        Seen::ProductBarcode(digits)
            if purchases.open.get_untracked().is_some() && purchases.scanned(&digits) =>
        {
            notice.set(None);
            feedback(true);
        }
        Seen::ProductBarcode(_) => {
            notice.set(Some(Notice::Product));
            feedback(false);
        }
        Seen::NotOurs { text, why } => {
            // In a delivery it is a row of the list (once), otherwise a note above the form.
            if delivery.on.get_untracked() {
                delivery.refused(text, why.into());
            } else {
                notice.set(Some(Notice::Refused(why.into())));
            }
            feedback(false);
        }
        Seen::Unit(code) => {
            let grouped = code.grouped();
            if !seen
                .try_update_value(|s| s.insert(code.as_str().to_string()))
                .unwrap_or(false)
            {
                notice.set(Some(Notice::Repeat(grouped)));
                return;
            }
            notice.set(None);
            if delivery.on.get_untracked() {
                delivery.claim(grouped, queue);
            } else {
                action.dispatch(ClaimCode { code: grouped });
            }
        }
    });
    // A buzz and beep for every answer to a single claim, typed or scanned.
    Effect::new(move |_| match action.value().get() {
        Some(Ok(_)) => feedback(true),
        Some(Err(AppError::Transport { .. })) | None => {}
        Some(Err(_)) => feedback(false),
    });
    // A server's answer speaks for the code it was about: typing the next one makes it stale.
    let stale = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(answer) = action.value().get()
            && answer.is_ok()
        {
            clear();
        }
    });
    // A claim that could not reach the server was queued, so it is not shown as an error.
    let claim_error = Signal::derive(move || {
        action_error(action)
            .get()
            .filter(|e| !matches!(e, AppError::Transport { .. }))
            .filter(|_| !stale.get())
    });
    // One message at a time: the server's answer, or else what the typing already shows.
    let typed_error = RwSignal::new(None::<AppError>);
    let shown_error = Signal::derive(move || {
        claim_error
            .get()
            .or_else(|| typed_error.get())
            .or_else(warning)
    });
    // With the page live the form claims in place (a delivery counts a typed code as a camera
    // read); without it the same form posts to the server, which answers with the next page.
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(el) = input.get_untracked() else {
            return;
        };
        let text = el.value();
        stale.set(false);
        typed_error.set(None);
        if scanned::is_receipt(&text) {
            receipt(text.trim().chars().take(600).collect());
            clear();
            return;
        }
        if delivery.on.get_untracked() {
            match UnitCode::from_scanned(&text) {
                Ok(code) => {
                    on_seen.run(Seen::Unit(code));
                    clear();
                }
                Err(e) => typed_error.set(Some(e.into())),
            }
        } else {
            action.dispatch(ClaimCode { code: text });
        }
    };
    view! {
        <>
            <Camera on_seen=on_seen live=live lang=lang />
            <DeliveryToggle delivery=delivery live=live lang=lang />
            {move || notice.get().map(|n| view! { <NoticeView n=n lang=lang /> })}
            <DeliveryList delivery=delivery lang=lang />
            <PurchasesView p=purchases live=live lang=lang />
            <form method="post" action=CLAIM_PATH on:submit=on_submit data-testid="claim-form">
                <div class="stack">
                    <label for="code">{T::UnitCodeLabel.text(lang)}</label>
                    <input
                        id="code"
                        name="code"
                        class="unit-code"
                        required
                        autocomplete="off"
                        autocapitalize="characters"
                        spellcheck="false"
                        maxlength="600"
                        inputmode="text"
                        enterkeyhint="send"
                        placeholder="ABCD-EFGH-JKMN-PQRS"
                        aria-describedby="code-hint"
                        value=prefill
                        aria-invalid=move || shown_error.get().is_some().then_some("true")
                        autofocus=failed.is_some()
                        node_ref=input
                        on:input=move |ev| {
                            stale.set(true);
                            typed_error.set(None);
                            typed.set(event_target_value(&ev));
                        }
                    />
                    <small id="code-hint">{T::UnitCodeHint.text(lang)}</small>
                    <ErrorNote error=shown_error />
                    <button type="submit" class="primary" disabled=move || action.pending().get()>
                        {T::ClaimButton.text(lang)}
                    </button>
                </div>
            </form>
            <QueueView queue=queue lang=lang />
            {move || match action.value().get() {
                Some(Ok(c)) => Some(view! { <ClaimCard c=c lang=lang /> }.into_any()),
                Some(Err(_)) => None,
                None => earlier.clone().map(|c| view! { <ClaimCard c=c lang=lang /> }.into_any()),
            }}
        </>
    }
}

/// Scans that could not reach the server (no signal) wait on the phone, in the browser's local
/// storage under the signed-in person's id, so they survive a reload or closing the app and are
/// never sent as someone else. They go out in one `earn/claim_batch` when the browser says it is
/// online again (and when the Scan screen opens with signal); the server credits each code at most
/// once however often a batch arrives. If the session ended meanwhile, the queue stays until the
/// person signs in again.
#[derive(Clone, Copy)]
struct OfflineQueue {
    codes: RwSignal<Vec<String>>,
    sent: RwSignal<Option<Result<BatchResult, AppError>>>,
    /// One batch at a time: a second send of the same codes would only hear "already yours".
    sending: RwSignal<bool>,
    /// Who is signed in (from the server's page): the queue is theirs.
    user: Option<i64>,
}

impl OfflineQueue {
    /// `queued` runs when a single claim is queued instead of answered.
    fn new(
        action: ServerAction<ClaimCode>,
        user: Option<i64>,
        queued: Callback<()>,
    ) -> OfflineQueue {
        let q = OfflineQueue {
            codes: RwSignal::new(Vec::new()),
            sent: RwSignal::new(None),
            sending: RwSignal::new(false),
            user,
        };
        // The action forgets its input once it resolves, so keep the last one.
        let last = RwSignal::new(None::<String>);
        Effect::new(move |_| {
            if let Some(input) = action.input().get() {
                last.set(Some(input.code));
            }
        });
        Effect::new(move |_| {
            if let (Some(Err(AppError::Transport { .. })), Some(user)) =
                (action.value().get(), user)
            {
                if let Some(code) = last.get_untracked() {
                    q.keep(user, code);
                }
                queued.run(());
                // Queued once; the screen shows the queue instead of an error.
                action.value().set(None);
            }
        });
        // Loaded once the island has started, then sent if there is signal.
        Effect::new(move |_| {
            let Some(user) = user else { return };
            leptos::task::spawn_local(async move {
                let kept = store::load(user).await;
                // Anything queued while the load was under way stays too.
                q.codes.update(|c| {
                    for code in kept.into_iter().rev() {
                        let code = crate::earn::code::UnitCode::queue_form(&code);
                        if !c.contains(&code) {
                            c.insert(0, code);
                        }
                    }
                });
                if store::online() {
                    q.send(user);
                }
            });
        });
        if let Some(user) = user {
            store::on_signal_back(move || q.send(user));
        }
        #[cfg(feature = "hydrate")]
        {
            // The service worker sent the queue (Background Sync): show what became of it.
            let sent = send_wrapper::SendWrapper::new(store::on_sent_by_worker(
                move |for_user, result| {
                    if user == Some(for_user) {
                        leptos::task::spawn_local(async move {
                            q.codes.set(store::load(for_user).await);
                            q.sent.set(Some(Ok(result)));
                        });
                    }
                },
            ));
            on_cleanup(move || drop(sent));
        }
        q
    }

    /// Keeps a code that could not be sent, on the phone, until there is signal.
    fn keep(self, user: i64, code: String) {
        // Kept as the server reads it, so two spellings of one unit are one scan.
        let code = crate::earn::code::UnitCode::queue_form(&code);
        self.codes.update(|c| {
            if !c.contains(&code) {
                c.push(code.clone());
            }
        });
        store::add(user, &[code]);
        store::request_sync();
    }

    fn send(self, user: i64) {
        let codes = self.codes.get_untracked();
        if codes.is_empty() || self.sending.get_untracked() {
            return;
        }
        self.sending.set(true);
        leptos::task::spawn_local(async move {
            let answer = claim_batch(codes.clone()).await;
            self.sending.set(false);
            match answer {
                Ok(result) => {
                    self.codes
                        .update(|c| c.retain(|code| !codes.contains(code)));
                    store::remove(user, &codes);
                    self.sent.set(Some(Ok(result)));
                }
                // Still no signal: keep waiting.
                Err(AppError::Transport { .. }) => {}
                Err(e) => self.sent.set(Some(Err(e))),
            }
        });
    }
}

/// Something the camera read that is not a claim of its own.
#[derive(Clone, Debug, PartialEq)]
enum Notice {
    Product,
    Refused(AppError),
    Repeat(String),
}

#[component]
fn NoticeView(n: Notice, lang: Lang) -> impl IntoView {
    match n {
        Notice::Product => view! {
            <p class="note warn" role="alert" data-testid="product-barcode">
                {T::ProductBarcode.text(lang)}
            </p>
        }
        .into_any(),
        Notice::Refused(e) => {
            view! { <ErrorNote error=Signal::derive(move || Some(e.clone())) /> }.into_any()
        }
        Notice::Repeat(code) => view! {
            <p class="note small muted" role="status">
                {T::AlreadyInList.with(lang, &[("code", &code)])}
            </p>
        }
        .into_any(),
    }
}

/// A foreman receiving a delivery: the camera keeps reading, and every code gets a row with its
/// answer, newest first, and a running total. Each row is its own `earn/claim_batch` of one code,
/// so a refusal never holds up the rest; with no signal the code joins the offline queue.
#[derive(Clone, Copy)]
struct Delivery {
    on: RwSignal<bool>,
    rows: RwSignal<Vec<(String, Row)>>,
}

#[derive(Clone, Debug, PartialEq)]
enum Row {
    Checking,
    Credited { points: i64, product: String },
    AlreadyYours,
    Refused(AppError),
    Waiting,
}

impl Delivery {
    fn new() -> Delivery {
        Delivery {
            on: RwSignal::new(false),
            rows: RwSignal::new(Vec::new()),
        }
    }

    fn set(self, code: &str, row: Row) {
        self.rows.update(|rows| {
            if let Some(r) = rows.iter_mut().find(|(c, _)| c == code) {
                r.1 = row;
            }
        });
    }

    fn refused(self, text: String, why: AppError) {
        self.rows.update(|rows| {
            if !rows.iter().any(|(t, _)| *t == text) {
                rows.insert(0, (text, Row::Refused(why)));
            }
        });
    }

    fn claim(self, code: String, queue: OfflineQueue) {
        self.rows
            .update(|rows| rows.insert(0, (code.clone(), Row::Checking)));
        leptos::task::spawn_local(async move {
            let row = match claim_batch(vec![code.clone()]).await {
                Ok(mut b) => match b.items.pop().map(|i| i.outcome) {
                    Some(BatchOutcome::Credited(c)) => Row::Credited {
                        points: c.points,
                        product: c.product,
                    },
                    Some(BatchOutcome::AlreadyYours { .. }) => Row::AlreadyYours,
                    Some(BatchOutcome::Refused(e)) => Row::Refused(e),
                    None => Row::Refused(AppError::Internal),
                },
                Err(AppError::Transport { .. }) => {
                    if let Some(user) = queue.user {
                        queue.keep(user, code.clone());
                    }
                    Row::Waiting
                }
                Err(e) => Row::Refused(e),
            };
            feedback(matches!(row, Row::Credited { .. } | Row::Waiting));
            self.set(&code, row);
        });
    }
}
