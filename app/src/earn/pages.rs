//! Home, Scan and History: the participant's everyday screens.

use super::camera::{Camera, feedback};
use super::code::{CodeError, UnitCode};
use super::scanned::Seen;
use super::{
    Activity, BatchOutcome, BatchResult, ClaimCode, ClaimResult, HistoryPageData, HomeData,
    claim_batch, claimed, history, home_summary, rules,
};
use crate::domain::{EntryKind, Points, Tier, iso_date};
use crate::error::AppError;
use crate::i18n::{Lang, T};
use crate::ui::{
    ErrorNote, ErrorPanel, Loading, ParticipantShell, action_error, use_lang, use_session,
};
use leptos::prelude::*;
use leptos::server::ServerActionError;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

pub fn tier_text(tier: Tier) -> T {
    match tier {
        Tier::Base => T::TierBase,
        Tier::Silver => T::TierSilver,
        Tier::Gold => T::TierGold,
    }
}

fn kind_text(kind: EntryKind) -> T {
    match kind {
        EntryKind::Accrual => T::KindAccrual,
        EntryKind::Pending => T::KindPending,
        EntryKind::Redemption => T::KindRedemption,
        EntryKind::Reversal => T::KindReversal,
        EntryKind::Adjustment => T::KindAdjustment,
        EntryKind::Expiry => T::KindExpiry,
    }
}

#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_lang();
    let dismiss = crate::forms::form_action::<crate::shop::NoticeDismiss>();
    let summary = Resource::new(move || dismiss.version().get(), |_| home_summary());
    view! {
        <Title text=T::NavHome.text(lang)/>
        <ParticipantShell>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match summary.await {
                        Ok(s) => view! { <HomeView s=s lang=lang dismiss=dismiss/> }.into_any(),
                        Err(e) => view! { <ErrorPanel error=e/> }.into_any(),
                    }
                })}
            </Suspense>
        </ParticipantShell>
    }
}

#[component]
fn HomeView(
    s: HomeData,
    lang: Lang,
    dismiss: ServerAction<crate::shop::NoticeDismiss>,
) -> impl IntoView {
    let next = Tier::to_next(s.earned_last_year).map(|(tier, points)| {
        T::ToNextTier.with(
            lang,
            &[
                ("points", &crate::i18n::points(lang, points)),
                ("tier", tier_text(tier).text(lang)),
            ],
        )
    });
    view! {
        <header class="greeting">
            <h1>{T::Hello.with(lang, &[("name", &s.name)])}</h1>
            {s.company.map(|c| view! { <p class="muted">{c}</p> })}
        </header>
        <ErrorNote error=action_error(dismiss)/>
        {s.notices.into_iter().map(|n| view! {
            <section class="card notice" role="status" data-testid="notice">
                <p>
                    {T::BackInStock.text(lang)} " "
                    <a href=format!("/shop/{}", n.reward_id)><strong>{n.title}</strong></a>
                </p>
                <ActionForm action=dismiss>
                    <input type="hidden" name="id" value=n.id/>
                    <button type="submit" class="secondary">{T::Dismiss.text(lang)}</button>
                </ActionForm>
            </section>
        }).collect_view()}
        <section class="card balance" aria-labelledby="balance-label">
            <span id="balance-label" class="label">{T::Balance.text(lang)}</span>
            <p class="points" data-testid="balance">
                <strong>{Points(s.balance).to_string()}</strong>
                " "
                <span>{crate::i18n::N::PointsWord.form(lang, crate::i18n::Plural::of(lang, s.balance))}</span>
            </p>
            <p class="tier">
                <span class=format!("badge tier-{}", s.tier.as_str())>
                    {T::TierLabel.text(lang)} ": " {tier_text(s.tier).text(lang)}
                </span>
            </p>
            <p class="muted small">{next.unwrap_or_else(|| T::TopTier.text(lang).to_string())}</p>
            {s.next_expiry.map(|(points, at)| view! {
                <p class="small expiry" data-testid="next-expiry">
                    {T::NextExpiry.with(lang, &[("points", &crate::i18n::points(lang, points)), ("date", &iso_date(at))])}
                </p>
            })}
        </section>
        <a class="button primary wide" href="/scan">{T::ScanCta.text(lang)}</a>
        <crate::shop::GoalCard goal=s.goal lang=lang/>
        <section aria-labelledby="recent-label">
            <h2 id="recent-label">{T::RecentActivity.text(lang)}</h2>
            {(!s.order_updates.is_empty()).then(|| view! {
                <ul class="activity" data-testid="order-updates">
                    {s.order_updates.into_iter().map(|u| view! {
                        <li>
                            <div>
                                <a class="kind" href=format!("/orders/{}", u.order_id)>{T::OrderNo.with(lang, &[("n", &u.order_id.to_string())])}</a>
                                <span class="reason">{u.title}</span>
                                {(!u.event.note.is_empty()).then(|| view! { <span class="small">{u.event.note}</span> })}
                                <time class="muted small">{iso_date(u.event.at)}</time>
                            </div>
                            <strong>{crate::shop::status_text(u.event.status).text(lang)}</strong>
                        </li>
                    }).collect_view()}
                </ul>
            })}
            <ActivityList entries=s.recent lang=lang/>
            <a href="/history">{T::SeeAllHistory.text(lang)}</a>
        </section>
    }
}

#[component]
pub(crate) fn ActivityList(
    entries: Vec<Activity>,
    lang: Lang,
    /// What an empty list says: the owner is told how to earn; someone else (a manager reading
    /// a member's page) only that there is nothing yet.
    #[prop(default = T::NoActivity)]
    empty: T,
) -> impl IntoView {
    if entries.is_empty() {
        return view! { <p class="muted" data-testid="no-activity">{empty.text(lang)}</p> }
            .into_any();
    }
    view! {
        <ul class="activity">
            {entries
                .into_iter()
                .map(|a| {
                    let sign = if a.points > 0 { "+" } else { "" };
                    let detail = (!a.lines.is_empty())
                        .then(|| rules::describe("", &a.lines, a.points, lang));
                    view! {
                        <li>
                            <div>
                                <span class="kind">{kind_text(a.kind).text(lang)}</span>
                                <span class="reason">{a.reason}</span>
                                {detail.map(|d| view! { <span class="breakdown small">{d}</span> })}
                                <time class="muted small">{iso_date(a.at)}</time>
                            </div>
                            <strong class={if a.points >= 0 { "plus" } else { "minus" }}>
                                {format!("{sign}{}", Points(a.points))}
                            </strong>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

const HISTORY_FILTERS: [(Option<EntryKind>, T); 6] = [
    (None, T::FilterAll),
    (Some(EntryKind::Accrual), T::KindAccrual),
    (Some(EntryKind::Redemption), T::KindRedemption),
    (Some(EntryKind::Reversal), T::KindReversal),
    (Some(EntryKind::Adjustment), T::KindAdjustment),
    (Some(EntryKind::Expiry), T::KindExpiry),
];

#[component]
pub fn HistoryPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let args = move || {
        let q = query.read();
        (
            q.get("before").and_then(|b| b.parse::<i64>().ok()),
            q.get("kind").filter(|k| !k.is_empty()),
        )
    };
    let page = Resource::new(args, |(before, kind)| history(before, kind));
    let current = move || query.read().get("kind").and_then(|k| EntryKind::parse(&k));
    view! {
        <Title text=T::HistoryTitle.text(lang)/>
        <ParticipantShell>
            <h1>{T::HistoryTitle.text(lang)}</h1>
            <nav class="chips" aria-label=T::FilterLabel.text(lang)>
                {HISTORY_FILTERS
                    .into_iter()
                    .map(|(kind, label)| {
                        let href = kind.map_or("/history".to_string(), |k| format!("/history?kind={}", k.as_str()));
                        view! {
                            <a class="chip" href=href aria-current=move || (current() == kind).then_some("page")>
                                {label.text(lang)}
                            </a>
                        }
                    })
                    .collect_view()}
            </nav>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(HistoryPageData { entries, next_before }) => {
                            let empty = entries.is_empty();
                            let kind = current().map(|k| format!("&kind={}", k.as_str())).unwrap_or_default();
                            view! {
                                {if empty {
                                    view! { <p class="muted">{T::HistoryEmpty.text(lang)}</p> }.into_any()
                                } else {
                                    view! { <ActivityList entries=entries lang=lang/> }.into_any()
                                }}
                                {next_before.map(|b| view! {
                                    <a class="button secondary" href=format!("/history?before={b}{kind}")>{T::ShowMore.text(lang)}</a>
                                })}
                            }
                                .into_any()
                        }
                        Err(e) => view! { <ErrorPanel error=e/> }.into_any(),
                    }
                })}
            </Suspense>
        </ParticipantShell>
    }
}

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
            <p class="points plus"><strong>{format!("+{}", Points(c.points))}</strong> " " {crate::i18n::N::PointsWord.form(lang, crate::i18n::Plural::of(lang, c.points))}</p>
            <p><strong>{c.product}</strong> <span class="muted small">" " {c.code}</span></p>
            <p class="breakdown" data-testid="breakdown">{c.breakdown}</p>
            <p>{T::NewBalance.with(lang, &[("points", &crate::i18n::points(lang, c.balance))])}</p>
            {c.tip.map(|t| view! { <p class="tip"><strong>{T::DidYouKnow.text(lang)}</strong> " " {t}</p> })}
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
        <Title text=T::ScanTitle.text(lang)/>
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
                        // The answer to a claim posted without the app (the server redirects here
                        // with its id): the desk shows it until it has an answer of its own.
                        let (earlier, problem) = match earlier.await {
                            Some(Ok(c)) => (Some(c), None),
                            Some(Err(e)) => (None, Some(e)),
                            None => (None, None),
                        };
                        view! {
                            <ScanDesk lang=lang user=user prefill=prefill failed=failed earlier=earlier/>
                            {problem.map(|e| view! { <ErrorPanel error=e/> })}
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
    // The camera's buttons appear once the page is live; before that the typed form is the way.
    let live = RwSignal::new(false);
    Effect::new(move |_| live.set(true));
    let live = Signal::from(live);
    // What the camera last saw that is not a claim: the product's barcode, a foreign code, a repeat.
    let notice = RwSignal::new(None::<Notice>);
    // Unit codes read by the camera on this screen: each is sent once, a repeat is only noted.
    let seen = StoredValue::new(std::collections::HashSet::<String>::new());
    let on_seen = Callback::new(move |what: Seen| match what {
        Seen::ProductBarcode => {
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
        if let Some(answer) = action.value().get() {
            if answer.is_ok() {
                clear();
            }
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
            <Camera on_seen=on_seen live=live lang=lang/>
            <DeliveryToggle delivery=delivery live=live lang=lang/>
            {move || notice.get().map(|n| view! { <NoticeView n=n lang=lang/> })}
            <DeliveryList delivery=delivery lang=lang/>
            <form method="post" action=CLAIM_PATH on:submit=on_submit data-testid="claim-form">
                <div class="stack">
                    <label for="code">{T::UnitCodeLabel.text(lang)}</label>
                    <input id="code" name="code" class="unit-code" required autocomplete="off"
                        autocapitalize="characters" spellcheck="false" maxlength="600"
                        inputmode="text" enterkeyhint="send"
                        placeholder="ABCD-EFGH-JKMN-PQRS" aria-describedby="code-hint"
                        value=prefill aria-invalid=move || shown_error.get().is_some().then_some("true")
                        autofocus=failed.is_some() node_ref=input
                        on:input=move |ev| {
                            stale.set(true);
                            typed_error.set(None);
                            typed.set(event_target_value(&ev));
                        }/>
                    <small id="code-hint">{T::UnitCodeHint.text(lang)}</small>
                    <ErrorNote error=shown_error/>
                    <button type="submit" class="primary" disabled=move || action.pending().get()>
                        {T::ClaimButton.text(lang)}
                    </button>
                </div>
            </form>
            <QueueView queue=queue lang=lang/>
            {move || match action.value().get() {
                Some(Ok(c)) => Some(view! { <ClaimCard c=c lang=lang/> }.into_any()),
                Some(Err(_)) => None,
                None => earlier.clone().map(|c| view! { <ClaimCard c=c lang=lang/> }.into_any()),
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
        #[cfg(feature = "hydrate")]
        {
            // Signal back, or the app brought to the front again (phones often miss `online`).
            let online = window_event_listener_untyped("online", move |_| {
                if let Some(user) = user {
                    q.send(user);
                }
            });
            let visible = window_event_listener_untyped("visibilitychange", move |_| {
                if let (Some(user), false) = (user, document().hidden()) {
                    if store::online() {
                        q.send(user);
                    }
                }
            });
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
            on_cleanup(move || {
                online.remove();
                visible.remove();
                drop(sent);
            });
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
            <p class="note warn" role="alert" data-testid="product-barcode">{T::ProductBarcode.text(lang)}</p>
        }
        .into_any(),
        Notice::Refused(e) => view! { <ErrorNote error=Signal::derive(move || Some(e.clone()))/> }.into_any(),
        Notice::Repeat(code) => view! {
            <p class="note small muted" role="status">{T::AlreadyInList.with(lang, &[("code", &code)])}</p>
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

#[component]
/// A camera feature: shown once the page is live.
fn DeliveryToggle(delivery: Delivery, live: Signal<bool>, lang: Lang) -> impl IntoView {
    view! {
        <div class="delivery-toggle" hidden=move || !live.get()>
            <button type="button" class="chip" data-testid="delivery-mode"
                aria-pressed=move || if delivery.on.get() { "true" } else { "false" }
                on:click=move |_| delivery.on.update(|on| *on = !*on)>
                {T::BatchMode.text(lang)}
            </button>
            <p class="small muted" hidden=move || !delivery.on.get()>{T::BatchModeLead.text(lang)}</p>
        </div>
    }
}

#[component]
fn DeliveryList(delivery: Delivery, lang: Lang) -> impl IntoView {
    move || {
        let rows = delivery.rows.get();
        (!rows.is_empty()).then(|| {
            let credited: Vec<i64> = rows
                .iter()
                .filter_map(|(_, r)| match r {
                    Row::Credited { points, .. } => Some(*points),
                    _ => None,
                })
                .collect();
            let total = T::BatchTotal.with(
                lang,
                &[
                    ("scanned", &rows.len().to_string()),
                    ("credited", &credited.len().to_string()),
                    ("points", &crate::i18n::points(lang, credited.iter().sum())),
                ],
            );
            view! {
                <section class="card delivery" data-testid="delivery" aria-live="polite">
                    <p data-testid="delivery-total"><strong>{total}</strong></p>
                    <ul class="rows">
                        {rows.into_iter().map(|(code, row)| {
                            let (class, state, text) = match row {
                                Row::Checking => ("", "checking", T::Checking.text(lang).to_string()),
                                Row::Credited { points, product } => ("plus", "credited", format!("+{} · {product}", Points(points))),
                                Row::AlreadyYours => ("", "already", T::AlreadyYours.text(lang).to_string()),
                                Row::Refused(e) => ("minus", "refused", e.message(lang)),
                                Row::Waiting => ("", "waiting", T::WaitingForSignal.text(lang).to_string()),
                            };
                            view! {
                                <li data-testid="delivery-row" data-state=state>
                                    <code>{code}</code> " " <span class=class>{text}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}

#[component]
fn QueueView(queue: OfflineQueue, lang: Lang) -> impl IntoView {
    view! {
        {move || {
            let codes = queue.codes.get();
            (!codes.is_empty()).then(|| view! {
                <section class="card queue" data-testid="queue" role="status">
                    <h2>{T::WaitingForSignal.text(lang)}</h2>
                    <p class="small muted">{T::WaitingForSignalLead.text(lang)}</p>
                    <ul class="rows">
                        {codes.into_iter().map(|c| view! { <li data-testid="queued"><code>{c}</code></li> }).collect_view()}
                    </ul>
                </section>
            })
        }}
        {move || queue.sent.get().map(|r| match r {
            Ok(b) => view! { <BatchCard b=b lang=lang/> }.into_any(),
            Err(e) => view! { <ErrorNote error=Signal::derive(move || Some(e.clone()))/> }.into_any(),
        })}
    }
}

#[component]
fn BatchCard(b: BatchResult, lang: Lang) -> impl IntoView {
    let summary = T::BatchSummary.with(
        lang,
        &[
            ("credited", &b.credited.to_string()),
            ("points", &crate::i18n::points(lang, b.points)),
            ("already", &b.already.to_string()),
            ("refused", &b.refused.to_string()),
        ],
    );
    view! {
        <section class="card claimed" data-testid="batch-result" role="status">
            <p><strong>{summary}</strong></p>
            <ul class="rows">
                {b.items.into_iter().map(|i| {
                    let (class, text) = match i.outcome {
                        BatchOutcome::Credited(c) => ("plus", format!("+{} · {}", Points(c.points), c.product)),
                        BatchOutcome::AlreadyYours { .. } => ("", T::AlreadyYours.text(lang).to_string()),
                        BatchOutcome::Refused(e) => ("minus", e.message(lang)),
                    };
                    view! { <li data-testid="batch-item"><code>{i.code}</code> " " <span class=class>{text}</span></li> }
                }).collect_view()}
            </ul>
            <p>{T::NewBalance.with(lang, &[("points", &crate::i18n::points(lang, b.balance))])}</p>
        </section>
    }
}

/// Where queued scans are kept on the phone: IndexedDB, through `public/queue.js`, which the
/// service worker shares (it sends the queue by Background Sync while no page is open).
mod store {
    #[cfg(feature = "hydrate")]
    use super::BatchResult;
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
        if let Some(p) = call("load", &[JsValue::from_f64(user as f64)]) {
            if let Ok(v) = wasm_bindgen_futures::JsFuture::from(p).await {
                return js_sys::Array::from(&v)
                    .iter()
                    .filter_map(|c| c.as_string())
                    .collect();
            }
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
        let _ = container
            .add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
        Listener(Some((container, on_message)))
    }

    #[cfg(feature = "hydrate")]
    pub struct Listener(
        Option<(
            web_sys::ServiceWorkerContainer,
            wasm_bindgen::closure::Closure<dyn Fn(web_sys::MessageEvent)>,
        )>,
    );

    #[cfg(feature = "hydrate")]
    impl Drop for Listener {
        fn drop(&mut self) {
            if let Some((container, f)) = self.0.take() {
                let _ = container
                    .remove_event_listener_with_callback("message", f.as_ref().unchecked_ref());
            }
        }
    }
}
